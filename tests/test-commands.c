/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bc-edit.h"
#include "bc-enum-types.h"
#include "bc-rules.h"
#include "bc-reader.h"
#include "bc-writer.h"
#include "test-fixture.h"

/* Every command is checked the same strong way: the case is written out
 * before the command, after it, after undoing it and after redoing it,
 * and the texts must be byte for byte what they were. A command that
 * forgets part of the old state, or puts something back in the wrong
 * place, shows up as a difference in the file. */

/* Auxiliary functions */

static BcCase *
open_case (const char *name)
{
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BcCase *c;

  if (g_strcmp0 (name, "fixture") == 0)
    return fixture_case ();

  file_name = g_strconcat (name, ".bcase", NULL);
  path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", file_name, NULL);
  file = g_file_new_for_path (path);
  c = bc_case_read_file (file, file_name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static GBytes *
snapshot (BcCase *c)
{
  GBytes *bytes = bc_case_to_bytes (c);

  g_assert_nonnull (bytes);
  return bytes;
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A whole case in an assertion message is unreadable: name the first
 * line that differs instead. */
static void
assert_same_impl (GBytes     *expected,
                  GBytes     *actual,
                  const char *file,
                  int         line,
                  const char *func)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;
  guint i = 0;

  if (g_bytes_equal (expected, actual))
    return;

  a = bytes_to_string (expected);
  b = bytes_to_string (actual);
  la = g_strsplit (a, "\n", -1);
  lb = g_strsplit (b, "\n", -1);
  while (la[i] != NULL && lb[i] != NULL && strcmp (la[i], lb[i]) == 0)
    i++;

  message = g_strdup_printf ("written case differs at line %u:\n  expected: %s\n  actual:   %s",
                             i + 1, la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

#define assert_same(expected, actual) \
  assert_same_impl ((expected), (actual), __FILE__, __LINE__, G_STRFUNC)

static void
assert_same_as_now (GBytes *expected,
                    BcCase *c)
{
  g_autoptr(GBytes) now = snapshot (c);

  assert_same (expected, now);
}

static guint
count_occurrences (GBytes     *bytes,
                   const char *fragment)
{
  g_autofree char *text = bytes_to_string (bytes);
  guint n = 0;

  for (const char *p = strstr (text, fragment); p != NULL; p = strstr (p + 1, fragment))
    n++;
  return n;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static GObject *
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) object = g_list_model_get_item (model, position);

  /* The store keeps its own reference. */
  return object;
}

static gboolean
model_contains (GListModel *model,
                GObject    *object)
{
  for (guint i = 0; i < n_items (model); i++)
    if (item_at (model, i) == object)
      return TRUE;
  return FALSE;
}

static GListModel *
section_model (BcCase     *c,
               const char *section,
               const char *owner)
{
  if (owner != NULL)
    return bc_transfer_get_annotations (bc_case_lookup_transfer (c, owner));
  if (strcmp (section, "actors") == 0)
    return bc_case_get_actors (c);
  if (strcmp (section, "events") == 0)
    return bc_case_get_events (c);
  if (strcmp (section, "links") == 0)
    return bc_case_get_links (c);
  if (strcmp (section, "transfers") == 0)
    return bc_case_get_transfers (c);
  if (strcmp (section, "sources") == 0)
    return bc_case_get_sources (c);
  if (strcmp (section, "annotations") == 0)
    return bc_case_get_annotations (c);
  g_assert_not_reached ();
}

static void
count_change (BcCase       *c,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              guint        *counter)
{
  (*counter)++;
}

typedef void (*CheckFunc) (BcCase  *c,
                           gpointer data);

/* Applies @command to @c, directly and then through the history, and
 * walks it back and forth: every revert must give back @c byte for byte
 * as it was, every apply the same edited case. @applied and @reverted
 * check what the edit is about. Leaves the command applied and on the
 * history. */
static void
walk_command (BcCase    *c,
              BcCommand *command,
              CheckFunc  applied,
              CheckFunc  reverted,
              gpointer   data)
{
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) before = snapshot (c);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_command_apply (command, c, &error));
  g_assert_no_error (error);
  after = snapshot (c);
  g_assert_false (g_bytes_equal (before, after));
  if (applied)
    applied (c, data);

  bc_command_revert (command, c);
  assert_same_as_now (before, c);
  if (reverted)
    reverted (c, data);

  /* The same command object again, as redo uses it. */
  g_assert_true (bc_history_perform (h, command, &error));
  g_assert_no_error (error);
  assert_same_as_now (after, c);
  if (applied)
    applied (c, data);

  for (int round = 0; round < 2; round++)
    {
      g_assert_true (bc_history_undo (h));
      assert_same_as_now (before, c);
      if (reverted)
        reverted (c, data);
      g_assert_false (bc_history_can_undo (h));

      g_assert_true (bc_history_redo (h));
      assert_same_as_now (after, c);
      if (applied)
        applied (c, data);
      g_assert_false (bc_history_can_redo (h));
    }
}

/* The command fails, says why, and leaves the case and its history as
 * they were. */
static void
assert_refused (BcCase    *c,
                BcCommand *command,
                int        code)
{
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) before = snapshot (c);
  g_autoptr(GError) error = NULL;
  gboolean could_undo = bc_history_can_undo (h);
  gboolean could_redo = bc_history_can_redo (h);
  gboolean modified = bc_history_get_modified (h);

  g_assert_false (bc_history_perform (h, command, &error));
  g_assert_error (error, BC_CASE_ERROR, code);
  assert_same_as_now (before, c);
  g_assert_cmpint (bc_history_can_undo (h), ==, could_undo);
  g_assert_cmpint (bc_history_can_redo (h), ==, could_redo);
  g_assert_cmpint (bc_history_get_modified (h), ==, modified);
}

/* Values from text, so that the tables below can name any property of
 * any type: enums by their nick in the file, dates as in the file,
 * lists comma-separated, source references as "ref@pages", positions
 * as "track|from|to|role" separated by ';'. NULL clears. */
static void
parse_value (GParamSpec *pspec,
             const char *text,
             GValue     *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_strcmp0 (text, "true") == 0);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, text ? atoi (text) : 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_ref (type);
      GEnumValue *v = g_enum_get_value_by_nick (klass, text);

      g_assert_nonnull (v);
      g_value_set_enum (value, v->value);
      g_type_class_unref (klass);
    }
  else if (type == BC_TYPE_DATE)
    {
      if (text != NULL)
        {
          BcDate d = fixture_date (text);
          g_value_set_boxed (value, &d);
        }
    }
  else if (type == G_TYPE_STRV)
    {
      g_auto(GStrv) v = text != NULL && *text != '\0'
                        ? g_strsplit (text, ",", -1)
                        : g_new0 (char *, 1);
      g_value_set_boxed (value, v);
    }
  else if (type == G_TYPE_PTR_ARRAY && strcmp (pspec->name, "sources") == 0)
    {
      g_autoptr(GPtrArray) refs = bc_source_refs_new ();
      g_auto(GStrv) parts = text != NULL && *text != '\0'
                            ? g_strsplit (text, ",", -1)
                            : g_new0 (char *, 1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_auto(GStrv) rp = g_strsplit (parts[i], "@", 2);
          g_ptr_array_add (refs, bc_source_ref_new (rp[0], rp[1]));
        }
      g_value_set_boxed (value, refs);
    }
  else if (type == G_TYPE_PTR_ARRAY && strcmp (pspec->name, "positions") == 0)
    {
      g_autoptr(GPtrArray) positions = bc_positions_new ();
      g_auto(GStrv) parts = text != NULL && *text != '\0'
                            ? g_strsplit (text, ";", -1)
                            : g_new0 (char *, 1);
      GEnumClass *tracks = g_type_class_ref (BC_TYPE_TRACK);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_auto(GStrv) f = g_strsplit (parts[i], "|", 4);
          GEnumValue *track = g_enum_get_value_by_nick (tracks, f[0]);

          g_assert_cmpuint (g_strv_length (f), ==, 4);
          g_assert_nonnull (track);
          g_ptr_array_add (positions,
                           bc_position_new (track->value,
                                            *f[1] ? fixture_date (f[1]) : BC_DATE_UNSET,
                                            *f[2] ? fixture_date (f[2]) : BC_DATE_UNSET,
                                            *f[3] ? f[3] : NULL));
        }
      g_type_class_unref (tracks);
      g_value_set_boxed (value, positions);
    }
  else
    g_error ("No test value for a %s property", g_type_name (type));
}

static gboolean
dates_equal (const BcDate *a,
             const BcDate *b)
{
  BcDate da = a ? *a : BC_DATE_UNSET;
  BcDate db = b ? *b : BC_DATE_UNSET;

  return bc_date_equal (da, db);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (type == BC_TYPE_DATE)
    return dates_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_STRV)
    {
      const char * const empty[] = { NULL };
      const char * const *va = g_value_get_boxed (a);
      const char * const *vb = g_value_get_boxed (b);

      return g_strv_equal (va ? va : empty, vb ? vb : empty);
    }
  if (type == G_TYPE_PTR_ARRAY)
    {
      GPtrArray *pa = g_value_get_boxed (a);
      GPtrArray *pb = g_value_get_boxed (b);
      guint na = pa ? pa->len : 0;
      guint nb = pb ? pb->len : 0;

      if (na != nb)
        return FALSE;

      for (guint i = 0; i < na; i++)
        if (strcmp (pspec->name, "sources") == 0)
          {
            BcSourceRef *ra = g_ptr_array_index (pa, i);
            BcSourceRef *rb = g_ptr_array_index (pb, i);

            if (g_strcmp0 (ra->ref, rb->ref) != 0 || g_strcmp0 (ra->pages, rb->pages) != 0)
              return FALSE;
          }
        else
          {
            BcPosition *ra = g_ptr_array_index (pa, i);
            BcPosition *rb = g_ptr_array_index (pb, i);

            if (ra->track != rb->track || !bc_date_equal (ra->from, rb->from) ||
                !bc_date_equal (ra->to, rb->to) || g_strcmp0 (ra->role, rb->role) != 0)
              return FALSE;
          }
      return TRUE;
    }

  g_assert_not_reached ();
}

static gboolean
object_has_value (GObject      *object,
                  GParamSpec   *pspec,
                  const GValue *expected)
{
  g_auto(GValue) now = G_VALUE_INIT;

  g_value_init (&now, pspec->value_type);
  g_object_get_property (object, pspec->name, &now);
  return values_equal (pspec, &now, expected);
}

/* Set: one property of anything in a case, by target path */

typedef struct
{
  const char *name;
  const char *case_name;
  const char *target;
  const char *property;
  const char *value;
  const char *appears;    /* occurs more often in the written case after */
  const char *disappears; /* occurs less often */
} SetCase;

static const SetCase set_cases[] = {
  /* The case itself */
  { "case/title", "oslo", "", "title", "The Oslo back channel",
    "<title>The Oslo back channel</title>", "<title>The Oslo channel (1992–1993)</title>" },
  { "case/summary", "oslo", "", "summary", "Short.", "<summary>Short.</summary>", NULL },
  { "case/region", "oslo", "", "region", NULL, NULL, "<region>" },
  { "case/license", "oslo", "", "license", "CC0-1.0", "<license>CC0-1.0</license>", NULL },
  { "case/language", "oslo", "", "language", "nb", "xml:lang=\"nb\"", "xml:lang=\"en\"" },
  { "case/id", "oslo", "", "id", "oslo", "<case version=\"1\" id=\"oslo\" ", NULL },
  { "case/period-start", "oslo", "", "period-start", "1992-12",
    "<period start=\"1992-12\" end=\"1995-10\"/>", NULL },
  { "case/period-end-cleared", "oslo", "", "period-end", NULL,
    "<period start=\"1991-12\"/>", NULL },
  { "case/authors", "oslo", "", "authors", "Backchannel contributors,A. Analyst",
    "<author>A. Analyst</author>", NULL },
  { "case/authors-cleared", "oslo", "", "authors", NULL, NULL, "<author>" },

  /* Actors */
  { "actor/name", "oslo", "larsen", "name", "T. Rød-Larsen", "<name>T. Rød-Larsen</name>", NULL },
  { "actor/role-cleared", "oslo", "larsen", "role", NULL, NULL,
    "<role>Director of FAFO; host and facilitator of the channel</role>" },
  { "actor/description", "oslo", "larsen", "description", "Sociologist & diplomat.",
    "<description>Sociologist &amp; diplomat.</description>", NULL },
  { "actor/track", "oslo", "larsen", "track", "1.5",
    "<actor id=\"larsen\" track=\"1.5\" type=\"person\">", NULL },
  { "actor/actor-type", "oslo", "larsen", "actor-type", "group",
    "<actor id=\"larsen\" track=\"2\" type=\"group\">", NULL },
  { "actor/member-of", "oslo", "larsen", "member-of", "fafo,norway-mfa",
    "<member-of ref=\"norway-mfa\"/>", NULL },
  { "actor/member-of-cleared", "oslo", "larsen", "member-of", "", NULL,
    "<member-of ref=\"fafo\"/>" },
  { "actor/positions", "oslo", "larsen", "positions", "2|1992-04|1993-09|Host;1|1993-09||",
    "<role>Host</role>",
    "<role>United Nations Special Coordinator in the Occupied Territories</role>" },
  { "actor/positions-cleared", "oslo", "larsen", "positions", "", NULL,
    "<role>Unofficial host and go-between for the two sides</role>" },
  { "actor/sources", "oslo", "larsen", "sources", "corbin-1994@12-14,fafo-1993",
    "<source ref=\"corbin-1994\" pages=\"12-14\"/>", "<source ref=\"alpbach-larsen\"/>" },
  { "actor/sources-cleared", "oslo", "larsen", "sources", "", NULL,
    "<source ref=\"holst-memo-1993-07-16\"/>" },
  { "actor/id", "oslo", "larsen", "id", "rod-larsen", "<actor id=\"rod-larsen\"", NULL },

  /* Events */
  { "event/title", "oslo", "sarpsborg-1", "title", "Sarpsborg I",
    "<title>Sarpsborg I</title>", "<title>First meeting in Norway, near Sarpsborg</title>" },
  { "event/place-cleared", "oslo", "sarpsborg-1", "place", NULL, NULL,
    "<place>Borregaard manor, Sarpsborg, Norway</place>" },
  { "event/description", "oslo", "sarpsborg-1", "description", "<Exploratory>",
    "<description>&lt;Exploratory&gt;</description>", NULL },
  { "event/track", "oslo", "sarpsborg-1", "track", "1.5",
    "<event id=\"sarpsborg-1\" track=\"1.5\" type=\"meeting\"", NULL },
  { "event/event-type", "oslo", "sarpsborg-1", "event-type", "workshop",
    "<event id=\"sarpsborg-1\" track=\"2\" type=\"workshop\"", NULL },
  { "event/certainty", "oslo", "sarpsborg-1", "certainty", "approximate",
    "certainty=\"approximate\"", NULL },
  { "event/certainty-exact", "oslo", "initialling", "certainty", "exact", NULL,
    "certainty=\"disputed\"" },
  { "event/date", "oslo", "sarpsborg-1", "date", "1993-01-21",
    "<event id=\"sarpsborg-1\" track=\"2\" type=\"meeting\" date=\"1993-01-21\"", NULL },
  { "event/date-year", "oslo", "sarpsborg-1", "date", "1993",
    "<event id=\"sarpsborg-1\" track=\"2\" type=\"meeting\" date=\"1993\"", NULL },
  { "event/end", "oslo", "sarpsborg-1", "end", "1993-01-22",
    "date=\"1993-01-20\" end=\"1993-01-22\"", NULL },
  { "event/end-cleared", "oslo", "academic-rounds", "end", NULL, NULL,
    "date=\"1993-02-11\" end=\"1993-02-12\"" },
  { "event/disclosed", "oslo", "sarpsborg-1", "disclosed", "1993-09",
    "date=\"1993-01-20\" disclosed=\"1993-09\"", NULL },
  { "event/disclosed-cleared", "oslo", "sarpsborg-1", "disclosed", NULL,
    "<event id=\"sarpsborg-1\" track=\"2\" type=\"meeting\" date=\"1993-01-20\">", NULL },
  { "event/participants", "oslo", "sarpsborg-1", "participants",
    "hirschfeld,pundak,abu-ala,asfour,kurd,larsen,juul,fafo,holst",
    "<participant ref=\"holst\"/>", NULL },
  { "event/participants-fewer", "oslo", "sarpsborg-1", "participants", "larsen,juul",
    NULL, "<participant ref=\"kurd\"/>" },
  { "event/participants-cleared", "oslo", "sarpsborg-1", "participants", NULL,
    NULL, "<participant ref=\"fafo\"/>" },
  { "event/sources", "oslo", "sarpsborg-1", "sources", "waage-2005@7",
    "<source ref=\"waage-2005\" pages=\"7\"/>", NULL },
  { "event/id", "oslo", "sarpsborg-1", "id", "sarpsborg-i", "<event id=\"sarpsborg-i\"", NULL },

  /* Transfers */
  { "transfer/from", "oslo", "draft-dop", "from", "sarpsborg-1",
    "<transfer id=\"draft-dop\" from=\"sarpsborg-1\" to=\"initialling\"", NULL },
  { "transfer/to", "oslo", "draft-dop", "to", "letters",
    "<transfer id=\"draft-dop\" from=\"academic-rounds\" to=\"letters\"", NULL },
  { "transfer/mechanism", "oslo", "draft-dop", "mechanism", "memorandum",
    "to=\"initialling\" mechanism=\"memorandum\"", NULL },
  { "transfer/status", "oslo", "draft-dop", "status", "disputed",
    "mechanism=\"draft-text\" status=\"disputed\"", NULL },
  { "transfer/disclosed", "oslo", "draft-dop", "disclosed", "1993-09-01",
    "mechanism=\"draft-text\" disclosed=\"1993-09-01\"", NULL },
  { "transfer/disclosed-cleared", "oslo", "draft-dop", "disclosed", NULL,
    "<transfer id=\"draft-dop\" from=\"academic-rounds\" to=\"initialling\" mechanism=\"draft-text\">",
    NULL },
  { "transfer/title", "oslo", "draft-dop", "title", "The draft", "<title>The draft</title>", NULL },
  { "transfer/description-cleared", "oslo", "draft-dop", "description", NULL, NULL,
    "<description>The draft declaration of principles" },
  { "transfer/carriers", "oslo", "draft-dop", "carriers", "hirschfeld,pundak,abu-ala,singer,beilin",
    "<carrier ref=\"beilin\"/>", NULL },
  { "transfer/carriers-cleared", "oslo", "draft-dop", "carriers", "", NULL,
    "<carrier ref=\"singer\"/>" },
  { "transfer/sources", "oslo", "draft-dop", "sources", "corbin-1994@60,singer-2018",
    "<source ref=\"corbin-1994\" pages=\"60\"/>", "<source ref=\"isa-road-to-oslo\"/>" },
  { "transfer/id", "oslo", "draft-dop", "id", "academic-draft",
    "<transfer id=\"academic-draft\"", NULL },

  /* Links, named by place */
  { "link/from", "oslo", "#links/5", "from", "egeland-beilin",
    "<link from=\"egeland-beilin\" to=\"sarpsborg-1\" type=\"leads-to\"/>", NULL },
  { "link/to", "oslo", "#links/5", "to", "academic-rounds",
    "<link from=\"london-hirschfeld-abuala\" to=\"academic-rounds\" type=\"leads-to\"/>", NULL },
  { "link/link-type", "oslo", "#links/5", "link-type", "responds-to",
    "<link from=\"london-hirschfeld-abuala\" to=\"sarpsborg-1\" type=\"responds-to\"/>", NULL },

  /* Sources */
  { "source/source-type", "oslo", "corbin-1994", "source-type", "article",
    "<source id=\"corbin-1994\" type=\"article\">", NULL },
  { "source/citation", "oslo", "corbin-1994", "citation", "Corbin 1994.",
    "<citation>Corbin 1994.</citation>", NULL },
  { "source/url", "oslo", "corbin-1994", "url", "https://example.org/corbin?a=1&b=2",
    "<url>https://example.org/corbin?a=1&amp;b=2</url>", NULL },
  { "source/id", "oslo", "corbin-1994", "id", "corbin-gaza-first",
    "<source id=\"corbin-gaza-first\"", NULL },

  /* Annotations of the case, by place */
  { "annotation/text", "oslo", "#annotations/1", "text", "Checked.",
    ">Checked.</annotation>", NULL },
  { "annotation/text-cleared", "oslo", "#annotations/1", "text", NULL,
    "about=\"sarpsborg-1\"/>", NULL },
  { "annotation/author", "oslo", "#annotations/1", "author", "A. Analyst",
    "<annotation author=\"A. Analyst\"", NULL },
  { "annotation/created", "oslo", "#annotations/1", "created", "2027-01-01T09:30:00Z",
    "created=\"2027-01-01T09:30:00Z\"", NULL },
  { "annotation/about", "oslo", "#annotations/1", "about", "initialling",
    "about=\"initialling\"", "about=\"sarpsborg-1\"" },

  /* Annotations inside a transfer */
  { "transfer-annotation/text", "camp-david", "fisher-one-text#annotations/0", "text", "Revised.",
    ">Revised.</annotation>", NULL },
  { "transfer-annotation/author", "camp-david", "morocco-to-jerusalem#annotations/0", "author",
    "B. Analyst", "<annotation author=\"B. Analyst\"", NULL },
  { "transfer-annotation/created", "camp-david", "morocco-to-jerusalem#annotations/0", "created",
    "2027-02-02T00:00:00Z", "created=\"2027-02-02T00:00:00Z\"", NULL },
};

typedef struct
{
  const SetCase *row;
  GObject       *object;
  GParamSpec    *pspec;
  GValue         old_value;
  GValue         new_value;
  char          *old_id;
  GBytes        *before;
} SetCheck;

static void
set_applied (BcCase  *c,
             gpointer data)
{
  SetCheck *s = data;
  g_autoptr(GBytes) now = snapshot (c);

  g_assert_true (object_has_value (s->object, s->pspec, &s->new_value));

  if (s->row->appears != NULL)
    g_assert_cmpuint (count_occurrences (now, s->row->appears), >,
                      count_occurrences (s->before, s->row->appears));
  if (s->row->disappears != NULL)
    g_assert_cmpuint (count_occurrences (now, s->row->disappears), <,
                      count_occurrences (s->before, s->row->disappears));

  if (s->old_id != NULL)
    {
      const char *new_id = g_value_get_string (&s->new_value);

      g_assert_true (G_OBJECT (bc_case_lookup (c, new_id)) == s->object);
      g_assert_true (bc_case_resolve_target (c, new_id) == s->object);
      g_assert_null (bc_case_lookup (c, s->old_id));
    }
}

static void
set_reverted (BcCase  *c,
              gpointer data)
{
  SetCheck *s = data;

  g_assert_true (object_has_value (s->object, s->pspec, &s->old_value));

  if (s->old_id != NULL)
    {
      g_assert_true (G_OBJECT (bc_case_lookup (c, s->old_id)) == s->object);
      g_assert_null (bc_case_lookup (c, g_value_get_string (&s->new_value)));
    }
}

static void
test_set (gconstpointer data)
{
  const SetCase *row = data;
  g_autoptr(BcCase) c = open_case (row->case_name);
  g_autoptr(BcCommand) command = NULL;
  SetCheck s = { row, NULL, NULL, G_VALUE_INIT, G_VALUE_INIT, NULL, NULL };

  s.object = bc_case_resolve_target (c, row->target);
  g_assert_nonnull (s.object);
  s.pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (s.object), row->property);
  g_assert_nonnull (s.pspec);

  g_value_init (&s.old_value, s.pspec->value_type);
  g_object_get_property (s.object, row->property, &s.old_value);
  parse_value (s.pspec, row->value, &s.new_value);
  g_assert_false (values_equal (s.pspec, &s.old_value, &s.new_value));
  if (BC_IS_ITEM (s.object) && strcmp (row->property, "id") == 0)
    s.old_id = g_strdup (bc_item_get_id (BC_ITEM (s.object)));
  s.before = snapshot (c);

  command = bc_set_command_new (row->target, row->property, &s.new_value);
  walk_command (c, command, set_applied, set_reverted, &s);

  g_value_unset (&s.old_value);
  g_value_unset (&s.new_value);
  g_free (s.old_id);
  g_bytes_unref (s.before);
}

/* The same edits through bc_history_set(), which names the object for
 * the command. */
static void
test_set_through_history (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) start = snapshot (c);
  g_autoptr(GBytes) end = NULL;
  guint steps = 0;

  for (guint i = 0; i < G_N_ELEMENTS (set_cases); i++)
    {
      const SetCase *row = &set_cases[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;
      GObject *object;
      GParamSpec *pspec;

      /* Each edit on top of the ones before; targets that an earlier
       * rename took away are skipped. */
      if (strcmp (row->case_name, "oslo") != 0)
        continue;
      object = bc_case_resolve_target (c, row->target);
      if (object == NULL)
        continue;

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), row->property);
      parse_value (pspec, row->value, &value);
      if (object_has_value (object, pspec, &value))
        continue;
      if (!bc_history_set (h, object, row->property, &value, &error))
        {
          /* Only an id taken by an earlier row, or a reference to an
           * id an earlier row renamed away, may be refused. */
          if (!g_error_matches (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID))
            g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (object_has_value (object, pspec, &value));
      steps++;
    }

  g_assert_cmpuint (steps, >, 50);
  end = snapshot (c);

  for (guint i = 0; i < steps; i++)
    g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_can_undo (h));
  assert_same_as_now (start, c);

  for (guint i = 0; i < steps; i++)
    g_assert_true (bc_history_redo (h));
  g_assert_false (bc_history_can_redo (h));
  assert_same_as_now (end, c);
}

static void
test_set_refused (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) taken = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;
  g_autoptr(BcCommand) missing = NULL;
  g_autoptr(BcCommand) unknown = NULL;
  g_autoptr(BcCommand) wrong_type = NULL;
  g_autoptr(BcCommand) duplicate = NULL;
  g_autoptr(BcCommand) duplicate_case = NULL;
  g_autoptr(BcCommand) null_id = NULL;
  g_autoptr(BcCommand) past_end = NULL;
  g_autoptr(BcCommand) no_owner = NULL;

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "x");
  g_value_init (&taken, G_TYPE_STRING);
  g_value_set_string (&taken, "corbin-1994");
  g_value_init (&none, G_TYPE_STRING);
  g_value_init (&number, G_TYPE_INT);
  g_value_set_int (&number, 3);

  missing = bc_set_command_new ("no-such-event", "title", &text);
  assert_refused (c, missing, BC_CASE_ERROR_NOT_FOUND);
  unknown = bc_set_command_new ("sarpsborg-1", "colour", &text);
  assert_refused (c, unknown, BC_CASE_ERROR_INVALID);
  wrong_type = bc_set_command_new ("sarpsborg-1", "title", &number);
  assert_refused (c, wrong_type, BC_CASE_ERROR_INVALID);
  /* An event may not take the id of a source, nor of another event. */
  duplicate = bc_set_command_new ("sarpsborg-1", "id", &taken);
  assert_refused (c, duplicate, BC_CASE_ERROR_DUPLICATE_ID);
  duplicate_case = bc_set_command_new ("larsen", "id", &taken);
  assert_refused (c, duplicate_case, BC_CASE_ERROR_DUPLICATE_ID);
  null_id = bc_set_command_new ("sarpsborg-1", "id", &none);
  assert_refused (c, null_id, BC_CASE_ERROR_INVALID);
  past_end = bc_set_command_new ("#links/100000", "from", &text);
  assert_refused (c, past_end, BC_CASE_ERROR_NOT_FOUND);
  no_owner = bc_set_command_new ("no-such-transfer#annotations/0", "text", &text);
  assert_refused (c, no_owner, BC_CASE_ERROR_NOT_FOUND);

  g_assert_false (bc_history_can_undo (bc_case_get_history (c)));
  g_assert_nonnull (bc_case_lookup_event (c, "sarpsborg-1"));
  g_assert_nonnull (bc_case_lookup_source (c, "corbin-1994"));
}

/* Renaming is one edit: the item is found under its new id and no
 * longer under its old one, and a later edit named by the new id
 * undoes and redoes around it. */
static void
test_set_id_then_edit_by_new_id (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  BcTransfer *t = bc_case_lookup_transfer (c, "draft-dop");
  g_autoptr(GBytes) start = snapshot (c);
  g_autoptr(GBytes) renamed = NULL;
  g_autoptr(GBytes) end = NULL;
  g_auto(GValue) id = G_VALUE_INIT;
  g_autoptr(BcAnnotation) a = bc_annotation_new ("A. Analyst", "2027-01-01T00:00:00Z", NULL, "Why");
  g_autoptr(BcCommand) rename = NULL;
  g_autoptr(BcCommand) annotate = NULL;
  g_auto(GValue) text = G_VALUE_INIT;

  g_value_init (&id, G_TYPE_STRING);
  g_value_set_string (&id, "academic-draft");
  rename = bc_set_command_new ("draft-dop", "id", &id);
  g_assert_true (bc_history_perform (h, rename, NULL));
  renamed = snapshot (c);
  g_assert_true (bc_case_lookup_transfer (c, "academic-draft") == t);

  annotate = bc_insert_command_new ("annotations", "academic-draft", -1, G_OBJECT (a));
  g_assert_true (bc_history_perform (h, annotate, NULL));
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "Because");
  g_assert_true (bc_history_set (h, G_OBJECT (a), "text", &text, NULL));
  end = snapshot (c);
  g_assert_cmpuint (count_occurrences (end, "about") , ==, count_occurrences (start, "about"));
  g_assert_cmpuint (count_occurrences (end, ">Because</annotation>"), ==, 1);

  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (renamed, c);
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (start, c);
  g_assert_true (bc_case_lookup_transfer (c, "draft-dop") == t);
  g_assert_null (bc_case_lookup (c, "academic-draft"));

  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_redo (h));
  assert_same_as_now (end, c);
}

/* Insert: a new object into a section, at a place or at the end */

typedef GObject *(*MakeFunc) (void);

static GObject *
make_actor (void)
{
  return G_OBJECT (bc_actor_new ("new-actor", BC_TRACK_3, BC_ACTOR_GROUP, "A new actor"));
}

static GObject *
make_event (void)
{
  return G_OBJECT (bc_event_new ("new-event", BC_TRACK_4, BC_EVENT_WORKSHOP,
                                 fixture_date ("1993-03-03"), "A new event"));
}

static GObject *
make_link (void)
{
  return G_OBJECT (bc_link_new ("sarpsborg-1", "initialling", BC_LINK_RESPONDS_TO));
}

static GObject *
make_transfer (void)
{
  BcTransfer *t = bc_transfer_new ("new-transfer", "sarpsborg-1", "letters",
                                   BC_MECHANISM_BRIEFING, "A new transfer");
  const char * const carriers[] = { "larsen", NULL };

  g_object_set (t, "carriers", carriers, "status", BC_STATUS_INFERRED, NULL);
  return G_OBJECT (t);
}

static GObject *
make_source (void)
{
  return G_OBJECT (bc_source_new ("new-source", BC_SOURCE_INTERVIEW, "An interview."));
}

static GObject *
make_annotation (void)
{
  return G_OBJECT (bc_annotation_new ("A. Analyst", "2027-01-01T00:00:00Z",
                                      "sarpsborg-1", "A new annotation"));
}

/* The fixture has no sarpsborg-1: an annotation about it would dangle. */
static GObject *
make_fixture_annotation (void)
{
  return G_OBJECT (bc_annotation_new ("A. Analyst", "2027-01-01T00:00:00Z",
                                      "meet-1", "A new annotation"));
}

static GObject *
make_transfer_annotation (void)
{
  return G_OBJECT (bc_annotation_new ("A. Analyst", "2027-01-01T00:00:00Z",
                                      NULL, "A new note on the transfer"));
}

typedef struct
{
  const char *name;
  const char *case_name;
  const char *section;
  const char *owner;
  int         position; /* -1 appends; past the end appends too */
  MakeFunc    make;
  const char *fragment;
} InsertCase;

#define PAST_END 100000

static const InsertCase insert_cases[] = {
  { "actors/first", "oslo", "actors", NULL, 0, make_actor, "<actor id=\"new-actor\" track=\"3\" type=\"group\">" },
  { "actors/middle", "oslo", "actors", NULL, 3, make_actor, "<actor id=\"new-actor\"" },
  { "actors/end", "oslo", "actors", NULL, -1, make_actor, "<actor id=\"new-actor\"" },
  { "actors/past-end", "oslo", "actors", NULL, PAST_END, make_actor, "<actor id=\"new-actor\"" },
  { "events/first", "oslo", "events", NULL, 0, make_event, "<event id=\"new-event\" track=\"4\" type=\"workshop\" date=\"1993-03-03\">" },
  { "events/middle", "oslo", "events", NULL, 10, make_event, "<event id=\"new-event\"" },
  { "events/end", "oslo", "events", NULL, -1, make_event, "<event id=\"new-event\"" },
  { "events/past-end", "oslo", "events", NULL, PAST_END, make_event, "<event id=\"new-event\"" },
  { "events/into-empty", "fixture", "events", NULL, -1, make_event, "<event id=\"new-event\"" },
  { "links/first", "oslo", "links", NULL, 0, make_link, "<link from=\"sarpsborg-1\" to=\"initialling\" type=\"responds-to\"/>" },
  { "links/middle", "oslo", "links", NULL, 7, make_link, "<link from=\"sarpsborg-1\" to=\"initialling\"" },
  { "links/end", "oslo", "links", NULL, -1, make_link, "<link from=\"sarpsborg-1\" to=\"initialling\"" },
  { "transfers/first", "oslo", "transfers", NULL, 0, make_transfer, "<transfer id=\"new-transfer\" from=\"sarpsborg-1\" to=\"letters\" mechanism=\"briefing\" status=\"inferred\">" },
  { "transfers/middle", "oslo", "transfers", NULL, 4, make_transfer, "<transfer id=\"new-transfer\"" },
  { "transfers/end", "oslo", "transfers", NULL, -1, make_transfer, "<carrier ref=\"larsen\"/>" },
  { "sources/first", "oslo", "sources", NULL, 0, make_source, "<source id=\"new-source\" type=\"interview\">" },
  { "sources/middle", "oslo", "sources", NULL, 5, make_source, "<source id=\"new-source\"" },
  { "sources/end", "oslo", "sources", NULL, -1, make_source, "<citation>An interview.</citation>" },
  { "annotations/first", "oslo", "annotations", NULL, 0, make_annotation, ">A new annotation</annotation>" },
  { "annotations/middle", "oslo", "annotations", NULL, 2, make_annotation, ">A new annotation</annotation>" },
  { "annotations/end", "oslo", "annotations", NULL, -1, make_annotation, ">A new annotation</annotation>" },
  { "annotations/into-absent-section", "fixture", "annotations", NULL, -1, make_fixture_annotation, "<annotations>" },
  { "transfer-annotations/first", "camp-david", "annotations", "morocco-to-jerusalem", 0, make_transfer_annotation, ">A new note on the transfer</annotation>" },
  { "transfer-annotations/end", "camp-david", "annotations", "morocco-to-jerusalem", -1, make_transfer_annotation, ">A new note on the transfer</annotation>" },
  { "transfer-annotations/past-end", "camp-david", "annotations", "fisher-one-text", PAST_END, make_transfer_annotation, ">A new note on the transfer</annotation>" },
  { "transfer-annotations/into-empty", "oslo", "annotations", "draft-dop", -1, make_transfer_annotation, ">A new note on the transfer</annotation>" },
};

typedef struct
{
  const InsertCase *row;
  GObject          *object;
  guint             n_before;
  guint             expected_at;
  GBytes           *before;
  guint             changes;
} InsertCheck;

static void
insert_applied (BcCase  *c,
                gpointer data)
{
  InsertCheck *s = data;
  GListModel *model = section_model (c, s->row->section, s->row->owner);
  g_autoptr(GBytes) now = snapshot (c);
  g_autofree char *path = NULL;

  g_assert_cmpuint (n_items (model), ==, s->n_before + 1);
  g_assert_true (item_at (model, s->expected_at) == s->object);
  g_assert_cmpuint (count_occurrences (now, s->row->fragment), >,
                    count_occurrences (s->before, s->row->fragment));

  if (BC_IS_ITEM (s->object))
    {
      g_assert_true (bc_case_lookup (c, bc_item_get_id (BC_ITEM (s->object))) == BC_ITEM (s->object));
      g_assert_true (bc_item_get_case (BC_ITEM (s->object)) == c);
    }

  /* The command's target path finds it again. */
  path = bc_case_get_target_path (c, s->object);
  g_assert_nonnull (path);
  g_assert_true (bc_case_resolve_target (c, path) == s->object);
}

static void
insert_reverted (BcCase  *c,
                 gpointer data)
{
  InsertCheck *s = data;
  GListModel *model = section_model (c, s->row->section, s->row->owner);
  g_autofree char *path = bc_case_get_target_path (c, s->object);

  g_assert_cmpuint (n_items (model), ==, s->n_before);
  g_assert_false (model_contains (model, s->object));
  g_assert_null (path);

  if (BC_IS_ITEM (s->object))
    {
      g_assert_null (bc_case_lookup (c, bc_item_get_id (BC_ITEM (s->object))));
      g_assert_null (bc_item_get_case (BC_ITEM (s->object)));
    }
}

static void
test_insert (gconstpointer data)
{
  const InsertCase *row = data;
  g_autoptr(BcCase) c = open_case (row->case_name);
  g_autoptr(GObject) object = row->make ();
  g_autoptr(BcCommand) command = NULL;
  InsertCheck s = { row, object, 0, 0, NULL, 0 };
  GListModel *model = section_model (c, row->section, row->owner);
  gulong handler;

  s.n_before = n_items (model);
  s.expected_at = row->position < 0 || (guint) row->position >= s.n_before
                  ? s.n_before : (guint) row->position;
  s.before = snapshot (c);

  command = bc_insert_command_new (row->section, row->owner, row->position, object);
  walk_command (c, command, insert_applied, insert_reverted, &s);

  /* While it is in the case, an edit of it reaches the case's watchers;
   * once taken out, it no longer does. */
  handler = g_signal_connect (c, "changed", G_CALLBACK (count_change), &s.changes);
  if (BC_IS_ANNOTATION (object))
    g_object_set (object, "text", "Edited", NULL);
  else if (BC_IS_LINK (object))
    g_object_set (object, "link-type", BC_LINK_PARALLEL_TO, NULL);
  else
    g_object_set (object, "id", "edited-id", NULL);
  g_assert_cmpuint (s.changes, >, 0);

  g_assert_true (bc_history_undo (bc_case_get_history (c)));
  s.changes = 0;
  if (BC_IS_ANNOTATION (object))
    g_object_set (object, "text", "Edited again", NULL);
  else if (BC_IS_LINK (object))
    g_object_set (object, "link-type", BC_LINK_LEADS_TO, NULL);
  else
    g_object_set (object, "id", "edited-again", NULL);
  /* Annotations of a transfer: see test_transfer_annotation_watch(). */
  if (row->owner == NULL)
    g_assert_cmpuint (s.changes, ==, 0);
  g_signal_handler_disconnect (c, handler);

  g_bytes_unref (s.before);
}

/* An annotation taken out of a transfer no longer speaks for the case,
 * and one put back speaks once, not once for every time it came back. */
static void
test_transfer_annotation_watch (void)
{
  g_autoptr(BcCase) c = open_case ("camp-david");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GObject) a = make_transfer_annotation ();
  g_autoptr(BcCommand) insert = bc_insert_command_new ("annotations", "fisher-one-text", -1, a);
  guint changes = 0;
  guint in_case, out_of_case;
  gulong handler;

  g_assert_true (bc_history_perform (h, insert, NULL));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_redo (h));

  handler = g_signal_connect (c, "changed", G_CALLBACK (count_change), &changes);
  g_object_set (a, "text", "In the case", NULL);
  in_case = changes;
  g_assert_true (bc_history_undo (h));
  changes = 0;
  g_object_set (a, "text", "Out of the case", NULL);
  out_of_case = changes;
  g_signal_handler_disconnect (c, handler);

  /* Watched once while in the case, and not at all once removed. */
  g_assert_cmpuint (in_case, ==, 1);
  g_assert_cmpuint (out_of_case, ==, 0);
}

static void
test_insert_refused (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  g_autoptr(BcActor) same_id = bc_actor_new ("larsen", BC_TRACK_2, BC_ACTOR_PERSON, "Another");
  g_autoptr(BcEvent) id_of_actor = bc_event_new ("larsen", BC_TRACK_2, BC_EVENT_MEETING,
                                                 fixture_date ("1993"), "Clash");
  g_autoptr(BcSource) id_of_event = bc_source_new ("sarpsborg-1", BC_SOURCE_BOOK, "Clash");
  g_autoptr(BcTransfer) id_of_source = bc_transfer_new ("corbin-1994", "sarpsborg-1", "letters",
                                                        BC_MECHANISM_OTHER, "Clash");
  g_autoptr(BcActor) actor = bc_actor_new ("fresh", BC_TRACK_2, BC_ACTOR_PERSON, "Fresh");
  g_autoptr(BcAnnotation) a = bc_annotation_new ("A", "2027-01-01T00:00:00Z", NULL, "x");
  BcCommand *commands[6];
  int codes[6] = {
    BC_CASE_ERROR_DUPLICATE_ID, BC_CASE_ERROR_DUPLICATE_ID, BC_CASE_ERROR_DUPLICATE_ID,
    BC_CASE_ERROR_DUPLICATE_ID, BC_CASE_ERROR_INVALID, BC_CASE_ERROR_NOT_FOUND,
  };

  commands[0] = bc_insert_command_new ("actors", NULL, 0, G_OBJECT (same_id));
  commands[1] = bc_insert_command_new ("events", NULL, -1, G_OBJECT (id_of_actor));
  commands[2] = bc_insert_command_new ("sources", NULL, 2, G_OBJECT (id_of_event));
  commands[3] = bc_insert_command_new ("transfers", NULL, -1, G_OBJECT (id_of_source));
  /* An actor among the events, an annotation on a transfer that is not
   * there. */
  commands[4] = bc_insert_command_new ("events", NULL, -1, G_OBJECT (actor));
  commands[5] = bc_insert_command_new ("annotations", "no-such-transfer", -1, G_OBJECT (a));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      assert_refused (c, commands[i], codes[i]);
      g_object_unref (commands[i]);
    }

  {
    g_autoptr(BcCommand) nowhere = bc_insert_command_new ("chapters", NULL, -1, G_OBJECT (actor));
    assert_refused (c, nowhere, BC_CASE_ERROR_NOT_FOUND);
  }

  g_assert_true (BC_IS_ACTOR (bc_case_lookup (c, "larsen")));
  g_assert_null (bc_item_get_case (BC_ITEM (same_id)));
  g_assert_null (bc_item_get_case (BC_ITEM (actor)));
  g_assert_null (bc_case_lookup (c, "fresh"));
}

/* Remove: the object at a place of a section */

typedef enum
{
  FIRST,
  MIDDLE,
  LAST,
} Where;

typedef struct
{
  const char *name;
  const char *case_name;
  const char *section;
  const char *owner;
  Where       where;
} RemoveCase;

static const RemoveCase remove_cases[] = {
  { "actors/first", "oslo", "actors", NULL, FIRST },
  { "actors/middle", "oslo", "actors", NULL, MIDDLE },
  { "actors/last", "oslo", "actors", NULL, LAST },
  { "events/first", "oslo", "events", NULL, FIRST },
  { "events/middle", "oslo", "events", NULL, MIDDLE },
  { "events/last", "oslo", "events", NULL, LAST },
  { "events/only-in-small-case", "fixture", "events", NULL, MIDDLE },
  { "links/first", "oslo", "links", NULL, FIRST },
  { "links/middle", "oslo", "links", NULL, MIDDLE },
  { "links/last", "oslo", "links", NULL, LAST },
  { "links/only", "fixture", "links", NULL, FIRST },
  { "transfers/first", "oslo", "transfers", NULL, FIRST },
  { "transfers/middle", "oslo", "transfers", NULL, MIDDLE },
  { "transfers/last", "oslo", "transfers", NULL, LAST },
  { "transfers/annotated", "camp-david", "transfers", NULL, MIDDLE },
  { "sources/first", "oslo", "sources", NULL, FIRST },
  { "sources/middle", "oslo", "sources", NULL, MIDDLE },
  { "sources/last", "oslo", "sources", NULL, LAST },
  { "annotations/first", "oslo", "annotations", NULL, FIRST },
  { "annotations/middle", "camp-david", "annotations", NULL, MIDDLE },
  { "annotations/last", "oslo", "annotations", NULL, LAST },
  { "transfer-annotations/only", "camp-david", "annotations", "fisher-one-text", FIRST },
  { "transfer-annotations/first", "camp-david", "annotations", "morocco-to-jerusalem", FIRST },
  { "transfer-annotations/last", "camp-david", "annotations", "morocco-to-jerusalem", LAST },
};

typedef struct
{
  const char *section;
  const char *owner;
  GObject    *object;
  guint       position;
  guint       n_before;
  char       *id;
} RemoveCheck;

static void
remove_applied (BcCase  *c,
                gpointer data)
{
  RemoveCheck *s = data;
  GListModel *model = section_model (c, s->section, s->owner);
  g_autofree char *path = bc_case_get_target_path (c, s->object);

  g_assert_cmpuint (n_items (model), ==, s->n_before - 1);
  g_assert_false (model_contains (model, s->object));
  g_assert_null (path);
  if (s->id != NULL)
    {
      g_assert_null (bc_case_lookup (c, s->id));
      g_assert_null (bc_item_get_case (BC_ITEM (s->object)));
    }
}

static void
remove_reverted (BcCase  *c,
                 gpointer data)
{
  RemoveCheck *s = data;
  GListModel *model = section_model (c, s->section, s->owner);

  /* The very object, back in its place. */
  g_assert_cmpuint (n_items (model), ==, s->n_before);
  g_assert_true (item_at (model, s->position) == s->object);
  if (s->id != NULL)
    {
      g_assert_true (G_OBJECT (bc_case_lookup (c, s->id)) == s->object);
      g_assert_true (bc_item_get_case (BC_ITEM (s->object)) == c);
    }
}

static void
check_remove (BcCase     *c,
              BcCommand  *command,
              const char *section,
              const char *owner,
              guint       position)
{
  GListModel *model = section_model (c, section, owner);
  g_autoptr(GObject) object = g_list_model_get_item (model, position);
  RemoveCheck s = { section, owner, object, position, n_items (model), NULL };

  if (BC_IS_ITEM (object))
    s.id = g_strdup (bc_item_get_id (BC_ITEM (object)));
  walk_command (c, command, remove_applied, remove_reverted, &s);
  g_free (s.id);
}

static void
test_remove (gconstpointer data)
{
  const RemoveCase *row = data;
  g_autoptr(BcCase) c = open_case (row->case_name);
  GListModel *model = section_model (c, row->section, row->owner);
  guint n = n_items (model);
  guint position = row->where == FIRST ? 0 : row->where == LAST ? n - 1 : n / 2;
  g_autoptr(BcCommand) command = NULL;

  g_assert_cmpuint (n, >, 0);
  command = bc_remove_command_new (row->section, row->owner, position);
  if (!bc_rules_check_removable (c, item_at (model, position), NULL))
    {
      /* Something names it: alone, it cannot go (bc_edit_delete() takes
       * what depends on it too, tested in test-edit). */
      assert_refused (c, command, BC_CASE_ERROR_INVALID);
      return;
    }
  check_remove (c, command, row->section, row->owner, position);
}

/* bc_remove_command_new_for() finds the section and place of every kind
 * of object. */
static void
test_remove_for_each_kind (void)
{
  g_autoptr(BcCase) c = open_case ("camp-david");
  struct {
    const char *section;
    const char *owner;
  } kinds[] = {
    { "actors", NULL }, { "events", NULL }, { "links", NULL }, { "transfers", NULL },
    { "sources", NULL }, { "annotations", NULL }, { "annotations", "morocco-to-jerusalem" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GListModel *model = section_model (c, kinds[i].section, kinds[i].owner);
      guint position = n_items (model) / 2;
      GObject *object = item_at (model, position);
      g_autoptr(BcCommand) command = bc_remove_command_new_for (c, object);

      g_assert_nonnull (command);
      if (!bc_rules_check_removable (c, object, NULL))
        {
          assert_refused (c, command, BC_CASE_ERROR_INVALID);
          continue;
        }
      check_remove (c, command, kinds[i].section, kinds[i].owner, position);
      /* Leave the case as it was for the next kind. */
      g_assert_true (bc_history_undo (bc_case_get_history (c)));
      bc_history_clear (bc_case_get_history (c));
    }

  /* Neither the case itself nor something outside it. */
  {
    g_autoptr(BcEvent) stranger = BC_EVENT (make_event ());

    g_assert_null (bc_remove_command_new_for (c, G_OBJECT (c)));
    g_assert_null (bc_remove_command_new_for (c, G_OBJECT (stranger)));
  }
}

static void
test_remove_refused (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  g_autoptr(BcCommand) past_end = bc_remove_command_new ("events", NULL, PAST_END);
  g_autoptr(BcCommand) no_owner = bc_remove_command_new ("annotations", "no-such-transfer", 0);
  g_autoptr(BcCommand) empty = bc_remove_command_new ("annotations", "draft-dop", 0);
  g_autoptr(BcCommand) nowhere = bc_remove_command_new ("chapters", NULL, 0);

  assert_refused (c, past_end, BC_CASE_ERROR_NOT_FOUND);
  assert_refused (c, no_owner, BC_CASE_ERROR_NOT_FOUND);
  assert_refused (c, empty, BC_CASE_ERROR_NOT_FOUND);
  assert_refused (c, nowhere, BC_CASE_ERROR_NOT_FOUND);
}

/* A transfer taken out and put back brings its annotations with it, and
 * the case hears about edits of them again. */
static void
test_remove_transfer_keeps_annotations (void)
{
  g_autoptr(BcCase) c = open_case ("camp-david");
  BcHistory *h = bc_case_get_history (c);
  BcTransfer *t = bc_case_lookup_transfer (c, "morocco-to-jerusalem");
  GObject *a = item_at (bc_transfer_get_annotations (t), 0);
  g_autofree char *original = g_strdup (bc_annotation_get_text (BC_ANNOTATION (a)));
  g_autoptr(GBytes) start = snapshot (c);
  g_auto(GValue) text = G_VALUE_INIT;
  guint changes = 0;
  gulong handler;

  g_assert_true (bc_edit_delete (c, G_OBJECT (t), NULL));
  handler = g_signal_connect (c, "changed", G_CALLBACK (count_change), &changes);

  /* Out of the case, its annotations are not the case's business. */
  g_object_set (a, "text", "Not heard", NULL);
  g_assert_cmpuint (changes, ==, 0);
  g_object_set (a, "text", original, NULL);
  g_assert_cmpuint (changes, ==, 0);

  g_assert_true (bc_history_undo (h));
  assert_same_as_now (start, c);
  g_assert_true (bc_case_lookup_transfer (c, "morocco-to-jerusalem") == t);
  g_assert_true (item_at (bc_transfer_get_annotations (t), 0) == a);
  changes = 0;

  /* An edit through its path, as the inspector makes it. */
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "Heard");
  g_assert_true (bc_history_set (h, a, "text", &text, NULL));
  g_assert_cmpuint (changes, >, 0);
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (start, c);

  /* Once more, so that a second removal and return also watch it
   * once. */
  g_assert_true (bc_edit_delete (c, G_OBJECT (t), NULL));
  g_assert_false (bc_history_can_redo (h));
  changes = 0;
  g_object_set (a, "text", "Not heard either", NULL);
  g_assert_cmpuint (changes, ==, 0);
  g_object_set (a, "text", original, NULL);
  g_assert_true (bc_history_undo (h));
  changes = 0;
  g_object_set (a, "text", "Heard again", NULL);
  g_assert_cmpuint (changes, ==, 1);
  g_object_set (a, "text", original, NULL);
  assert_same_as_now (start, c);

  g_signal_handler_disconnect (c, handler);
}

/* Groups */

static BcCommand *
string_command (const char *target,
                const char *property,
                const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return bc_set_command_new (target, property, &value);
}

static BcCommand *
labelled (BcCommand  *command,
          const char *label)
{
  bc_command_set_label (command, label);
  return command;
}

/* Commands that depend on each other: the later ones name what the
 * earlier ones made, so reverting out of order would fail. */
static BcCommandGroup *
make_dependent_group (void)
{
  BcCommandGroup *group = bc_command_group_new ("Add a meeting");
  g_autoptr(BcEvent) event = BC_EVENT (make_event ());
  g_autoptr(BcLink) link = bc_link_new ("sarpsborg-1", "new-event-2", BC_LINK_LEADS_TO);
  g_autoptr(BcTransfer) transfer = bc_transfer_new ("new-transfer", "new-event-2", "letters",
                                                    BC_MECHANISM_BRIEFING, "Brief");
  g_autoptr(BcAnnotation) note = bc_annotation_new ("A", "2027-01-01T00:00:00Z", NULL, "Note");
  g_autoptr(BcCommand) c1 = bc_insert_command_new ("events", NULL, 11, G_OBJECT (event));
  g_autoptr(BcCommand) c2 = string_command ("new-event", "title", "Renamed meeting");
  g_autoptr(BcCommand) c3 = string_command ("new-event", "id", "new-event-2");
  g_autoptr(BcCommand) c4 = bc_insert_command_new ("links", NULL, -1, G_OBJECT (link));
  g_autoptr(BcCommand) c5 = bc_insert_command_new ("transfers", NULL, 0, G_OBJECT (transfer));
  g_autoptr(BcCommand) c6 = bc_insert_command_new ("annotations", "new-transfer", -1, G_OBJECT (note));
  g_autoptr(BcCommand) c7 = string_command ("new-transfer#annotations/0", "text", "Edited note");
  g_autoptr(BcCommand) c8 = bc_remove_command_new ("links", NULL, 0);
  g_autoptr(BcCommand) c9 = string_command ("", "title", "Retitled");

  bc_command_group_add (group, c1);
  bc_command_group_add (group, c2);
  bc_command_group_add (group, c3);
  bc_command_group_add (group, c4);
  bc_command_group_add (group, c5);
  bc_command_group_add (group, c6);
  bc_command_group_add (group, c7);
  bc_command_group_add (group, c8);
  bc_command_group_add (group, c9);
  return group;
}

static void
group_applied (BcCase  *c,
               gpointer data)
{
  BcEvent *e = bc_case_lookup_event (c, "new-event-2");
  BcTransfer *t = bc_case_lookup_transfer (c, "new-transfer");
  g_autoptr(GObject) first_transfer = g_list_model_get_item (bc_case_get_transfers (c), 0);
  g_autoptr(GObject) event_at = g_list_model_get_item (bc_case_get_events (c), 11);

  g_assert_nonnull (e);
  g_assert_null (bc_case_lookup (c, "new-event"));
  g_assert_cmpstr (bc_event_get_title (e), ==, "Renamed meeting");
  g_assert_true (event_at == G_OBJECT (e));
  g_assert_true (first_transfer == G_OBJECT (t));
  g_assert_cmpuint (n_items (bc_transfer_get_annotations (t)), ==, 1);
  g_assert_cmpstr (bc_annotation_get_text (BC_ANNOTATION (item_at (bc_transfer_get_annotations (t), 0))),
                   ==, "Edited note");
  g_assert_cmpstr (bc_case_get_title (c), ==, "Retitled");
}

static void
group_reverted (BcCase  *c,
                gpointer data)
{
  g_assert_null (bc_case_lookup (c, "new-event"));
  g_assert_null (bc_case_lookup (c, "new-event-2"));
  g_assert_null (bc_case_lookup (c, "new-transfer"));
  g_assert_cmpstr (bc_case_get_title (c), ==, "The Oslo channel (1992–1993)");
}

static void
test_group_applies_in_order (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  g_autoptr(BcCommandGroup) group = make_dependent_group ();
  g_autoptr(GObject) first_link = g_list_model_get_item (bc_case_get_links (c), 0);

  g_assert_cmpuint (bc_command_group_get_length (group), ==, 9);
  walk_command (c, BC_COMMAND (group), group_applied, group_reverted, NULL);
  g_assert_false (model_contains (bc_case_get_links (c), first_link));
  g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (c)), ==, "Add a meeting");
}

/* A group that fails part-way leaves nothing of the part that went
 * through. */
static void
test_group_all_or_nothing (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  g_autoptr(BcCommandGroup) group = make_dependent_group ();
  g_autoptr(BcEvent) clash = bc_event_new ("larsen", BC_TRACK_1, BC_EVENT_MEETING,
                                           fixture_date ("1993"), "Clash");
  g_autoptr(BcCommand) fails = bc_insert_command_new ("events", NULL, -1, G_OBJECT (clash));
  g_autoptr(BcCommand) never = string_command ("", "region", "Never reached");

  bc_command_group_add (group, fails);
  bc_command_group_add (group, never);
  assert_refused (c, BC_COMMAND (group), BC_CASE_ERROR_DUPLICATE_ID);
  group_reverted (c, NULL);

  /* And the failure is not sticky: the same commands without the bad
   * one still go through. */
  {
    g_autoptr(BcCommandGroup) good = make_dependent_group ();
    walk_command (c, BC_COMMAND (good), group_applied, group_reverted, NULL);
  }
}

static void
test_group_nested_and_empty (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  g_autoptr(BcCommandGroup) outer = bc_command_group_new ("Outer");
  g_autoptr(BcCommandGroup) inner = make_dependent_group ();
  g_autoptr(BcCommandGroup) empty = bc_command_group_new ("Nothing");
  g_autoptr(BcCommand) after = string_command ("new-event-2", "place", "Oslo");
  g_autoptr(GBytes) before = snapshot (c);
  g_autoptr(GError) error = NULL;

  /* An empty group applies and reverts without a trace. */
  g_assert_true (bc_command_apply (BC_COMMAND (empty), c, &error));
  g_assert_no_error (error);
  assert_same_as_now (before, c);
  bc_command_revert (BC_COMMAND (empty), c);
  assert_same_as_now (before, c);

  bc_command_group_add (outer, BC_COMMAND (inner));
  bc_command_group_add (outer, BC_COMMAND (empty));
  bc_command_group_add (outer, after);
  g_assert_cmpuint (bc_command_group_get_length (outer), ==, 3);
  walk_command (c, BC_COMMAND (outer), group_applied, group_reverted, NULL);
  g_assert_cmpstr (bc_event_get_place (bc_case_lookup_event (c, "new-event-2")), ==, "Oslo");
}

/* History groups: begin and end */

static void
test_history_nested_groups (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) start = snapshot (c);
  g_autoptr(GBytes) end = NULL;
  g_autoptr(BcCommand) a = string_command ("sarpsborg-1", "title", "A");
  g_autoptr(BcCommand) b = string_command ("larsen", "name", "B");
  g_autoptr(BcCommand) d = string_command ("#links/0", "to", "letters");
  g_autoptr(BcEvent) e = BC_EVENT (make_event ());
  g_autoptr(BcCommand) insert = bc_insert_command_new ("events", NULL, 0, G_OBJECT (e));

  bc_history_begin_group (h, "Outer");
  g_assert_true (bc_history_perform (h, a, NULL));
  g_assert_false (bc_history_can_undo (h));
  g_assert_true (bc_history_get_modified (h));
  bc_history_begin_group (h, "Inner");
  g_assert_true (bc_history_perform (h, b, NULL));
  g_assert_true (bc_history_perform (h, insert, NULL));
  bc_history_end_group (h);
  /* Still inside the outer group: nothing to undo yet. */
  g_assert_false (bc_history_can_undo (h));
  g_assert_false (bc_history_undo (h));
  g_assert_true (bc_history_perform (h, d, NULL));
  bc_history_end_group (h);

  g_assert_true (bc_history_can_undo (h));
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Outer");
  end = snapshot (c);

  g_assert_true (bc_history_undo (h));
  assert_same_as_now (start, c);
  g_assert_false (bc_history_can_undo (h));
  g_assert_cmpstr (bc_history_get_redo_label (h), ==, "Outer");

  g_assert_true (bc_history_redo (h));
  assert_same_as_now (end, c);
  g_assert_true (bc_case_lookup_event (c, "new-event") == e);
}

static void
test_history_cancel_inner_group (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) start = snapshot (c);
  g_autoptr(GBytes) outer_only = NULL;
  g_autoptr(BcCommand) a = string_command ("sarpsborg-1", "title", "Kept");
  g_autoptr(BcCommand) b = string_command ("larsen", "name", "Dropped");
  g_autoptr(BcCommand) r = bc_remove_command_new ("links", NULL, 3);

  bc_history_begin_group (h, "Edit");
  g_assert_true (bc_history_perform (h, a, NULL));
  outer_only = snapshot (c);
  bc_history_begin_group (h, "Drag");
  g_assert_true (bc_history_perform (h, b, NULL));
  g_assert_true (bc_history_perform (h, r, NULL));
  bc_history_cancel_group (h);
  /* The inner group is gone; the outer edit stays. */
  assert_same_as_now (outer_only, c);
  bc_history_end_group (h);

  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Edit");
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (start, c);
  g_assert_false (bc_history_can_undo (h));
  g_assert_true (bc_history_redo (h));
  assert_same_as_now (outer_only, c);
}

static void
test_history_cancel_outer_group (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) start = snapshot (c);
  g_autoptr(BcCommandGroup) work = make_dependent_group ();
  g_autoptr(BcCommand) more = string_command ("new-event-2", "place", "Oslo");

  bc_history_mark_saved (h);
  bc_history_begin_group (h, "Everything");
  bc_history_begin_group (h, "Part");
  g_assert_true (bc_history_perform (h, BC_COMMAND (work), NULL));
  bc_history_end_group (h);
  g_assert_true (bc_history_perform (h, more, NULL));
  g_assert_true (bc_history_get_modified (h));
  bc_history_cancel_group (h);

  assert_same_as_now (start, c);
  g_assert_false (bc_history_can_undo (h));
  g_assert_false (bc_history_can_redo (h));
  g_assert_false (bc_history_get_modified (h));
}

/* A cancelled or empty group leaves the case as it was, so what could
 * be redone before still can. */
static void
test_history_cancel_and_empty_keep_redo (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(BcCommand) a = labelled (string_command ("sarpsborg-1", "title", "A"), "Retitle");
  g_autoptr(BcCommand) b = string_command ("larsen", "name", "B");
  g_autoptr(GBytes) edited = NULL;

  g_assert_true (bc_history_perform (h, a, NULL));
  edited = snapshot (c);
  g_assert_true (bc_history_undo (h));

  bc_history_begin_group (h, "Drag");
  g_assert_false (bc_history_can_redo (h));
  g_assert_true (bc_history_perform (h, b, NULL));
  bc_history_cancel_group (h);
  g_assert_true (bc_history_can_redo (h));

  bc_history_begin_group (h, "Nothing");
  bc_history_end_group (h);
  g_assert_true (bc_history_can_redo (h));
  g_assert_false (bc_history_can_undo (h));

  g_assert_cmpstr (bc_history_get_redo_label (h), ==, "Retitle");
  g_assert_true (bc_history_redo (h));
  assert_same_as_now (edited, c);
}

/* History: stacks, labels, saved marker */

static void
test_history_stacks_and_labels (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  const char *labels[] = { "First", "Second", "Third" };
  const char *titles[] = { "One", "Two", "Three" };
  GBytes *states[4];

  g_assert_null (bc_history_get_undo_label (h));
  g_assert_null (bc_history_get_redo_label (h));
  g_assert_false (bc_history_undo (h));
  g_assert_false (bc_history_redo (h));

  states[0] = snapshot (c);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BcCommand) command = labelled (string_command ("sarpsborg-1", "title", titles[i]), labels[i]);

      g_assert_true (bc_history_perform (h, command, NULL));
      g_assert_cmpstr (bc_history_get_undo_label (h), ==, labels[i]);
      g_assert_null (bc_history_get_redo_label (h));
      states[i + 1] = snapshot (c);
    }

  /* Undo walks back one state at a time, redo forward. */
  for (int i = 2; i >= 0; i--)
    {
      g_assert_true (bc_history_undo (h));
      assert_same_as_now (states[i], c);
      g_assert_cmpstr (bc_history_get_redo_label (h), ==, labels[i]);
      g_assert_cmpstr (bc_history_get_undo_label (h), ==, i > 0 ? labels[i - 1] : NULL);
    }
  g_assert_false (bc_history_undo (h));
  assert_same_as_now (states[0], c);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (bc_history_redo (h));
      assert_same_as_now (states[i + 1], c);
      g_assert_cmpstr (bc_history_get_undo_label (h), ==, labels[i]);
      g_assert_cmpstr (bc_history_get_redo_label (h), ==, i < 2 ? labels[i + 1] : NULL);
    }
  g_assert_false (bc_history_redo (h));

  bc_history_clear (h);
  g_assert_false (bc_history_can_undo (h));
  g_assert_false (bc_history_can_redo (h));
  g_assert_false (bc_history_get_modified (h));
  g_assert_null (bc_history_get_undo_label (h));
  assert_same_as_now (states[3], c);

  for (guint i = 0; i < 4; i++)
    g_bytes_unref (states[i]);
}

static void
test_history_redo_cleared_by_new_edit (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) start = snapshot (c);
  g_autoptr(GBytes) one = NULL;
  g_autoptr(BcCommand) a = string_command ("sarpsborg-1", "title", "One");
  g_autoptr(BcCommand) b = string_command ("sarpsborg-1", "title", "Two");
  g_autoptr(BcCommand) d = string_command ("sarpsborg-1", "title", "Three");
  g_autoptr(BcCommand) x = string_command ("larsen", "name", "Other");
  g_autoptr(BcCommand) y = string_command ("larsen", "role", "Grouped");

  g_assert_true (bc_history_perform (h, a, NULL));
  one = snapshot (c);
  g_assert_true (bc_history_perform (h, b, NULL));
  g_assert_true (bc_history_perform (h, d, NULL));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_can_redo (h));

  g_assert_true (bc_history_perform (h, x, NULL));
  g_assert_false (bc_history_can_redo (h));
  g_assert_false (bc_history_redo (h));
  g_assert_null (bc_history_get_redo_label (h));
  g_assert_cmpstr (bc_event_get_title (bc_case_lookup_event (c, "sarpsborg-1")), ==, "One");

  /* Two steps back to the start: "Two" and "Three" are gone. */
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (one, c);
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (start, c);
  g_assert_false (bc_history_can_undo (h));

  /* A group that ends with something in it clears redo too. */
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_can_redo (h));
  bc_history_begin_group (h, "Group");
  g_assert_true (bc_history_perform (h, y, NULL));
  bc_history_end_group (h);
  g_assert_false (bc_history_can_redo (h));
  g_assert_true (bc_history_undo (h));
  assert_same_as_now (one, c);
}

static void
test_history_failed_perform_keeps_stacks (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(BcCommand) a = labelled (string_command ("sarpsborg-1", "title", "One"), "A");
  g_autoptr(BcCommand) b = labelled (string_command ("sarpsborg-1", "title", "Two"), "B");
  g_autoptr(BcCommand) bad = string_command ("no-such-item", "title", "x");
  g_autoptr(BcCommand) bad_in_group = string_command ("sarpsborg-1", "id", "larsen");

  g_assert_true (bc_history_perform (h, a, NULL));
  g_assert_true (bc_history_perform (h, b, NULL));
  g_assert_true (bc_history_undo (h));

  assert_refused (c, bad, BC_CASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "A");
  g_assert_cmpstr (bc_history_get_redo_label (h), ==, "B");

  /* Inside a group, the failure adds nothing to the group. */
  bc_history_begin_group (h, "Group");
  assert_refused (c, bad_in_group, BC_CASE_ERROR_DUPLICATE_ID);
  bc_history_end_group (h);
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "A");
  g_assert_true (bc_history_redo (h));
  g_assert_cmpstr (bc_event_get_title (bc_case_lookup_event (c, "sarpsborg-1")), ==, "Two");
}

static void
test_history_saved_marker (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  GObject *e = G_OBJECT (bc_case_lookup (c, "sarpsborg-1"));
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);

  /* A case fresh from its file is not modified. */
  g_assert_false (bc_history_get_modified (h));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);
      g_value_set_string (&v, title);
      g_assert_true (bc_history_set (h, e, "title", &v, NULL));
      g_assert_true (bc_history_get_modified (h));
    }

  /* Saved at depth 2. */
  g_assert_true (bc_history_undo (h));
  bc_history_mark_saved (h);
  g_assert_false (bc_history_get_modified (h));
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_get_modified (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_redo (h));
  g_assert_false (bc_history_get_modified (h));

  /* One step below the saved state, a new edit comes back to the same
   * depth of the history but not to the saved case. The saved state was
   * on the redo branch it cleared: never again unmodified, however far
   * one walks. */
  g_assert_true (bc_history_undo (h));
  g_value_set_string (&v, "Branch");
  g_assert_true (bc_history_set (h, e, "title", &v, NULL));
  g_assert_true (bc_history_get_modified (h));
  while (bc_history_undo (h))
    g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_get_modified (h));
  while (bc_history_redo (h))
    g_assert_true (bc_history_get_modified (h));

  /* Saving again gives a new marker. */
  bc_history_mark_saved (h);
  g_assert_false (bc_history_get_modified (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_redo (h));
  g_assert_false (bc_history_get_modified (h));

  /* An edit past the saved state that does not clear it: the saved
   * state is below, still reachable. */
  g_value_set_string (&v, "After save");
  g_assert_true (bc_history_set (h, e, "title", &v, NULL));
  g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_get_modified (h));
  g_value_set_string (&v, "Another branch");
  g_assert_true (bc_history_set (h, e, "title", &v, NULL));
  g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_get_modified (h));

  /* Saved at the very start of the history. */
  while (bc_history_undo (h))
    ;
  bc_history_mark_saved (h);
  g_assert_false (bc_history_get_modified (h));
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_get_modified (h));
  g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_get_modified (h));
}

/* Notifications: a listener that only follows "notify" must always see
 * what the getters say, and hear nothing when nothing changed. */

typedef struct
{
  BcHistory *h;
  gboolean   can_undo;
  gboolean   can_redo;
  gboolean   modified;
  guint      n_notify;
} Shadow;

static void
on_history_notify (BcHistory  *h,
                   GParamSpec *pspec,
                   Shadow     *s)
{
  gboolean value;

  /* The labels are followed in test_history_label_notifications(). */
  if (pspec->value_type != G_TYPE_BOOLEAN)
    return;
  g_object_get (h, pspec->name, &value, NULL);
  s->n_notify++;

  if (strcmp (pspec->name, "can-undo") == 0)
    {
      g_assert_cmpint (value, !=, s->can_undo);
      s->can_undo = value;
    }
  else if (strcmp (pspec->name, "can-redo") == 0)
    {
      g_assert_cmpint (value, !=, s->can_redo);
      s->can_redo = value;
    }
  else if (strcmp (pspec->name, "modified") == 0)
    {
      g_assert_cmpint (value, !=, s->modified);
      s->modified = value;
    }
}

static void
assert_shadow (Shadow *s)
{
  g_assert_cmpint (s->can_undo, ==, bc_history_can_undo (s->h));
  g_assert_cmpint (s->can_redo, ==, bc_history_can_redo (s->h));
  g_assert_cmpint (s->modified, ==, bc_history_get_modified (s->h));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* A menu saying "Undo Move Event" hears of every new step, though
 * can-undo stays TRUE. */
static void
test_history_label_notifications (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(BcCommand) a = string_command ("sarpsborg-1", "title", "A");
  g_autoptr(BcCommand) b = string_command ("larsen", "name", "B");
  guint undo = 0, redo = 0;
  g_autofree char *label = NULL;

  g_signal_connect (h, "notify::undo-label", G_CALLBACK (count_notify), &undo);
  g_signal_connect (h, "notify::redo-label", G_CALLBACK (count_notify), &redo);
  bc_command_set_label (a, "Change Title");
  bc_command_set_label (b, "Change Name");

  g_assert_true (bc_history_perform (h, a, NULL));
  g_assert_cmpuint (undo, ==, 1);
  g_assert_true (bc_history_perform (h, b, NULL));
  g_assert_cmpuint (undo, ==, 2);
  g_object_get (h, "undo-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Change Name");
  g_assert_true (bc_history_undo (h));
  g_assert_cmpuint (undo, ==, 3);
  g_assert_cmpuint (redo, ==, 1);
  g_assert_cmpstr (bc_history_get_redo_label (h), ==, "Change Name");
}

static void
test_history_notifications (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  Shadow s = { h, FALSE, FALSE, FALSE, 0 };
  g_autoptr(BcCommand) a = string_command ("sarpsborg-1", "title", "A");
  g_autoptr(BcCommand) b = string_command ("sarpsborg-1", "title", "B");
  g_autoptr(BcCommand) d = string_command ("larsen", "name", "D");
  g_autoptr(BcCommand) e = string_command ("larsen", "name", "E");
  g_autoptr(BcCommand) bad = string_command ("nothing", "title", "x");

  assert_shadow (&s);
  g_signal_connect (h, "notify", G_CALLBACK (on_history_notify), &s);

  g_assert_true (bc_history_perform (h, a, NULL));
  assert_shadow (&s);
  g_assert_cmpuint (s.n_notify, ==, 2); /* can-undo, modified */
  g_assert_true (bc_history_perform (h, b, NULL));
  assert_shadow (&s);
  g_assert_cmpuint (s.n_notify, ==, 2); /* nothing new to say */

  g_assert_true (bc_history_undo (h));
  assert_shadow (&s);
  g_assert_true (bc_history_undo (h));
  assert_shadow (&s);
  g_assert_false (bc_history_undo (h));
  assert_shadow (&s);
  g_assert_true (bc_history_redo (h));
  assert_shadow (&s);
  bc_history_mark_saved (h);
  assert_shadow (&s);
  g_assert_false (s.modified);

  /* Groups: while one is open, nothing can be undone or redone. */
  bc_history_begin_group (h, "Outer");
  assert_shadow (&s);
  g_assert_true (bc_history_perform (h, d, NULL));
  assert_shadow (&s);
  bc_history_begin_group (h, "Inner");
  assert_shadow (&s);
  bc_history_cancel_group (h);
  assert_shadow (&s);
  bc_history_end_group (h);
  assert_shadow (&s);
  g_assert_true (s.can_undo);
  g_assert_false (s.can_redo);

  bc_history_begin_group (h, "Cancelled");
  assert_shadow (&s);
  g_assert_true (bc_history_perform (h, e, NULL));
  assert_shadow (&s);
  bc_history_cancel_group (h);
  assert_shadow (&s);

  bc_history_begin_group (h, "Empty");
  assert_shadow (&s);
  bc_history_end_group (h);
  assert_shadow (&s);

  g_assert_false (bc_history_perform (h, bad, NULL));
  assert_shadow (&s);

  g_assert_true (bc_history_undo (h));
  assert_shadow (&s);
  g_assert_false (s.modified);
  bc_history_clear (h);
  assert_shadow (&s);

  g_signal_handlers_disconnect_by_func (h, on_history_notify, &s);
}

/* Unlimited depth: thousands of steps undo back to the file as it was
 * read and redo to the last edit. */
static void
test_history_unlimited_depth (void)
{
  g_autoptr(BcCase) c = open_case ("oslo");
  BcHistory *h = bc_case_get_history (c);
  const guint n_steps = 5000;
  GBytes *checkpoints[6] = { NULL, };
  GObject *e = G_OBJECT (bc_case_lookup (c, "sarpsborg-1"));
  GObject *t = G_OBJECT (bc_case_lookup (c, "draft-dop"));

  bc_history_mark_saved (h);
  checkpoints[0] = snapshot (c);

  for (guint i = 1; i <= n_steps; i++)
    {
      g_auto(GValue) v = G_VALUE_INIT;

      switch (i % 4)
        {
        case 0:
          {
            g_autofree char *title = g_strdup_printf ("Step %u", i);
            g_value_init (&v, G_TYPE_STRING);
            g_value_set_string (&v, title);
            g_assert_true (bc_history_set (h, e, "title", &v, NULL));
          }
          break;
        case 1:
          {
            BcDate d = bc_date_from_julian (bc_event_get_first_day (BC_EVENT (e)) + 1,
                                            BC_DATE_PRECISION_DAY);
            g_value_init (&v, BC_TYPE_DATE);
            g_value_set_boxed (&v, &d);
            g_assert_true (bc_history_set (h, e, "date", &v, NULL));
          }
          break;
        case 2:
          {
            g_autoptr(BcAnnotation) a = NULL;
            g_autoptr(BcCommand) insert = NULL;
            g_autofree char *text = g_strdup_printf ("Note %u", i);

            a = bc_annotation_new ("A", "2027-01-01T00:00:00Z", NULL, text);
            insert = bc_insert_command_new ("annotations", "draft-dop", 0, G_OBJECT (a));
            g_assert_true (bc_history_perform (h, insert, NULL));
          }
          break;
        default:
          g_value_init (&v, BC_TYPE_MECHANISM);
          g_value_set_enum (&v, (i / 4) % 2 ? BC_MECHANISM_MEMORANDUM : BC_MECHANISM_BRIEFING);
          g_assert_true (bc_history_set (h, t, "mechanism", &v, NULL));
          break;
        }

      if (i % 1000 == 0)
        checkpoints[i / 1000] = snapshot (c);
    }

  g_assert_cmpuint (n_items (bc_transfer_get_annotations (BC_TRANSFER (t))), ==, n_steps / 4);

  for (guint i = n_steps; i > 0; i--)
    {
      g_assert_true (bc_history_undo (h));
      if ((i - 1) % 1000 == 0)
        assert_same_as_now (checkpoints[(i - 1) / 1000], c);
    }
  g_assert_false (bc_history_can_undo (h));
  g_assert_false (bc_history_get_modified (h));
  g_assert_cmpuint (n_items (bc_transfer_get_annotations (BC_TRANSFER (t))), ==, 0);

  for (guint i = 1; i <= n_steps; i++)
    {
      g_assert_true (bc_history_redo (h));
      if (i % 1000 == 0)
        assert_same_as_now (checkpoints[i / 1000], c);
    }
  g_assert_false (bc_history_can_redo (h));
  g_assert_true (bc_history_get_modified (h));

  for (guint i = 0; i < G_N_ELEMENTS (checkpoints); i++)
    g_bytes_unref (checkpoints[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (set_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/core/commands/set/", set_cases[i].name, NULL);
      g_test_add_data_func (path, &set_cases[i], test_set);
    }
  g_test_add_func ("/core/commands/set/all-through-history", test_set_through_history);
  g_test_add_func ("/core/commands/set/refused-changes-nothing", test_set_refused);
  g_test_add_func ("/core/commands/set/id-then-edit-by-new-id", test_set_id_then_edit_by_new_id);

  for (guint i = 0; i < G_N_ELEMENTS (insert_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/core/commands/insert/", insert_cases[i].name, NULL);
      g_test_add_data_func (path, &insert_cases[i], test_insert);
    }
  g_test_add_func ("/core/commands/insert/refused-changes-nothing", test_insert_refused);
  g_test_add_func ("/core/commands/insert/transfer-annotation-watched-once", test_transfer_annotation_watch);

  for (guint i = 0; i < G_N_ELEMENTS (remove_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/core/commands/remove/", remove_cases[i].name, NULL);
      g_test_add_data_func (path, &remove_cases[i], test_remove);
    }
  g_test_add_func ("/core/commands/remove/for-each-kind", test_remove_for_each_kind);
  g_test_add_func ("/core/commands/remove/refused-changes-nothing", test_remove_refused);
  g_test_add_func ("/core/commands/remove/transfer-keeps-annotations", test_remove_transfer_keeps_annotations);

  g_test_add_func ("/core/commands/history/label-notifications", test_history_label_notifications);
  g_test_add_func ("/core/commands/group/applies-in-order-reverts-in-reverse", test_group_applies_in_order);
  g_test_add_func ("/core/commands/group/all-or-nothing", test_group_all_or_nothing);
  g_test_add_func ("/core/commands/group/nested-and-empty", test_group_nested_and_empty);

  g_test_add_func ("/core/commands/history/nested-groups-are-one-step", test_history_nested_groups);
  g_test_add_func ("/core/commands/history/cancel-inner-group", test_history_cancel_inner_group);
  g_test_add_func ("/core/commands/history/cancel-outer-group", test_history_cancel_outer_group);
  g_test_add_func ("/core/commands/history/cancel-and-empty-keep-redo", test_history_cancel_and_empty_keep_redo);
  g_test_add_func ("/core/commands/history/stacks-and-labels", test_history_stacks_and_labels);
  g_test_add_func ("/core/commands/history/redo-cleared-by-new-edit", test_history_redo_cleared_by_new_edit);
  g_test_add_func ("/core/commands/history/failed-perform-keeps-stacks", test_history_failed_perform_keeps_stacks);
  g_test_add_func ("/core/commands/history/saved-marker", test_history_saved_marker);
  g_test_add_func ("/core/commands/history/notifications-follow-state", test_history_notifications);
  g_test_add_func ("/core/commands/history/unlimited-depth", test_history_unlimited_depth);

  return g_test_run ();
}
