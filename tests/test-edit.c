/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case's rules and its domain edits, in core and without a display:
 * what each edit changes, that each is one undo step with its label, and
 * that what it refuses changes nothing. */
#include "config.h"

#include <string.h>

#include "bc-edit.h"
#include "bc-enum-types.h"
#include "bc-reader.h"
#include "bc-rules.h"
#include "bc-writer.h"
#include "test-fixture.h"

/* Auxiliary functions */

/* The case writes, and what it wrote reads back without a diagnostic
 * and writes the same bytes again. */
static GBytes *
round_trip_bytes (BcCase *c)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (c);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) back = bc_case_read_bytes (bytes, "edited.bcase", &diagnostics, &error);
  g_autoptr(GBytes) again = NULL;

  if (back == NULL)
    {
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
        g_printerr ("%s\n", ((BcDiagnostic *) g_ptr_array_index (diagnostics, i))->message);
      g_printerr ("%.*s\n", (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
    }
  g_assert_no_error (error);
  g_assert_nonnull (back);
  again = bc_case_to_bytes (back);
  g_assert_true (g_bytes_equal (bytes, again));
  return g_steal_pointer (&bytes);
}

static void
assert_round_trip (BcCase *c)
{
  g_bytes_unref (round_trip_bytes (c));
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    g_assert_cmpstr (g_bytes_get_data (a, NULL), ==, g_bytes_get_data (b, NULL));
}

static GValue *
date_value (GValue     *value,
            const char *text)
{
  BcDate date = BC_DATE_UNSET;

  if (text != NULL)
    g_assert_true (bc_date_parse (text, &date, NULL));
  g_value_init (value, BC_TYPE_DATE);
  g_value_set_boxed (value, text ? &date : NULL);
  return value;
}

static GValue *
string_value (GValue     *value,
              const char *text)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
  return value;
}

/* @edit fails with @code and leaves @c byte for byte as it was, with
 * nothing new to undo. */
#define assert_refused(c, edit, code)                                        \
  G_STMT_START {                                                             \
    g_autoptr(GBytes) _before = bc_case_to_bytes (c);                        \
    g_autoptr(GBytes) _after = NULL;                                         \
    g_autoptr(GError) _error = NULL;                                         \
    const char *_undo = bc_history_get_undo_label (bc_case_get_history (c)); \
    g_autofree char *_undo_copy = g_strdup (_undo);                          \
    g_assert_false (edit);                                                   \
    g_assert_error (_error, BC_CASE_ERROR, code);                            \
    g_assert_nonnull (_error->message);                                      \
    _after = bc_case_to_bytes (c);                                           \
    assert_bytes_equal (_before, _after);                                    \
    g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (c)),    \
                     ==, _undo_copy);                                        \
  } G_STMT_END

/* Rules */

static void
test_rules_date_order (void)
{
  BcDate date, end;
  g_autoptr(GError) error = NULL;

  /* The first day of the date against the last day of the end. */
  g_assert_true (bc_date_parse ("1993-01-20", &date, NULL));
  g_assert_true (bc_date_parse ("1993-01", &end, NULL));
  g_assert_true (bc_rules_check_range (BC_RANGE_EVENT, date, end, NULL));

  g_assert_true (bc_date_parse ("1993-02", &date, NULL));
  g_assert_true (bc_date_parse ("1993-01-31", &end, NULL));
  g_assert_false (bc_rules_check_range (BC_RANGE_EVENT, date, end, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1993-01-31"));
  g_assert_nonnull (strstr (error->message, "1993-02"));

  g_assert_true (bc_date_parse ("1993", &date, NULL));
  g_assert_true (bc_date_parse ("1993-12-31", &end, NULL));
  g_assert_true (bc_rules_check_range (BC_RANGE_PERIOD, date, end, NULL));
  g_assert_true (bc_rules_check_range (BC_RANGE_PERIOD, date, BC_DATE_UNSET, NULL));
}

#define CASE_WITH_END(end) \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
    "<case version=\"1\" id=\"t\">\n" \
    "  <title>T</title>\n" \
    "  <events>\n" \
    "    <event id=\"e\" track=\"2\" type=\"meeting\" date=\"1993-01-20\" end=\"" end "\">\n" \
    "      <title>E</title>\n" \
    "    </event>\n" \
    "  </events>\n" \
    "</case>\n"

/* The reader and an edit agree on the date order the format means. */
static void
test_rules_reader_and_edit_agree (void)
{
  static const char *files[] = { CASE_WITH_END ("1993-01"), CASE_WITH_END ("1993-01-20"),
                                 CASE_WITH_END ("1993-01-19"), CASE_WITH_END ("1992"),
                                 CASE_WITH_END ("1993") };
  static const char *ends[] = { "1993-01", "1993-01-20", "1993-01-19", "1992", "1993" };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (files[i], strlen (files[i]));
      g_autoptr(BcCase) read = bc_case_read_bytes (bytes, "t.bcase", NULL, NULL);
      g_autoptr(BcCase) c = fixture_case ();
      BcEvent *e = bc_case_lookup_event (c, "meet-1");
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean edited = bc_edit_set (c, G_OBJECT (e), "end", date_value (&value, ends[i]), NULL);

      /* meet-1 is on 1993-01-20 too. */
      g_assert_cmpint (read != NULL, ==, edited);
    }
}

static void
test_rules_pages (void)
{
  static const char *good[] = { "20-25", "152-58", "1–3", "Document 56", "xii-xv", "45", "52, 45",
                                "Documents 56-58", "pp. 120-121", "", NULL };
  static const char *bad[] = { "52-45", "120-119", "Documents 58-56", "pp. 300 - 290" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (bc_rules_check_pages (good[i], NULL));
  g_assert_true (bc_rules_check_pages (NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_false (bc_rules_check_pages (bad[i], &error));
      g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
    }
}

static void
test_rules_ids_and_urls (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_rules_check_id ("a.b-c_1", NULL));
  g_assert_false (bc_rules_check_id ("1a", NULL));
  g_assert_false (bc_rules_check_id ("a b", NULL));
  g_assert_false (bc_rules_check_id ("", NULL));
  g_assert_false (bc_rules_check_id (NULL, NULL));
  {
    g_autofree char *long_id = g_strnfill (65, 'a');
    g_assert_false (bc_rules_check_id (long_id, NULL));
    long_id[64] = '\0';
    g_assert_true (bc_rules_check_id (long_id, NULL));
  }

  g_assert_false (bc_rules_check_id_free (c, NULL, "meet-1", &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID);
  g_assert_true (bc_rules_check_id_free (c, bc_case_lookup (c, "meet-1"), "meet-1", NULL));
  /* The case's own id may be an item's. */
  g_assert_true (bc_rules_check_id_free (c, c, "meet-1", NULL));

  g_assert_true (bc_rules_check_url ("https://history.state.gov/x", NULL));
  g_assert_true (bc_rules_check_url (NULL, NULL));
  g_assert_false (bc_rules_check_url ("file:///etc/passwd", NULL));
  g_assert_false (bc_rules_check_url ("javascript:alert(1)", NULL));
  g_assert_false (bc_rules_check_url ("http://", NULL));
  g_assert_false (bc_rules_check_url ("https://a.org/a b", NULL));

  g_assert_true (bc_rules_check_created ("2026-11-24T10:00:00Z", NULL));
  g_assert_false (bc_rules_check_created ("2026-11-24T11:00:00+01:00", NULL));
  g_assert_false (bc_rules_check_created ("2026-11-24", NULL));
  g_assert_false (bc_rules_check_created (NULL, NULL));
}

/* Refusals: what the reader would refuse, an edit refuses. */

static void
test_edit_refuses_end_before_date (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcEvent *e = bc_case_lookup_event (c, "meet-1");
  g_auto(GValue) end = G_VALUE_INIT;
  g_auto(GValue) date = G_VALUE_INIT;
  g_auto(GValue) none = G_VALUE_INIT;

  assert_refused (c, bc_edit_set (c, G_OBJECT (e), "end", date_value (&end, "1993-01-19"), &_error),
                  BC_CASE_ERROR_INVALID);
  g_assert_true (bc_edit_set (c, G_OBJECT (e), "end", date_value (&date, "1993-02-10"), NULL));
  g_value_unset (&date);
  assert_refused (c, bc_edit_set (c, G_OBJECT (e), "date", date_value (&date, "1993-03"), &_error),
                  BC_CASE_ERROR_INVALID);
  /* An event needs a date. */
  assert_refused (c, bc_edit_set (c, G_OBJECT (e), "date", date_value (&none, NULL), &_error),
                  BC_CASE_ERROR_INVALID);
  g_value_unset (&date);
  g_assert_true (bc_edit_set (c, G_OBJECT (c), "period-start", date_value (&date, "1992-12"), NULL));
  g_value_unset (&date);
  assert_refused (c, bc_edit_set (c, G_OBJECT (c), "period-end", date_value (&date, "1992-11-30"), &_error),
                  BC_CASE_ERROR_INVALID);
  g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (c)), ==, "Change Start");
  assert_round_trip (c);
}

static void
test_edit_refuses_transfer_within_track (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcTransfer *t = bc_case_lookup_transfer (c, "draft");
  BcEvent *signing = bc_case_lookup_event (c, "signing");
  g_auto(GValue) to = G_VALUE_INIT;
  g_auto(GValue) track = G_VALUE_INIT;

  /* meet-1 is on Track 2, as the transfer's start. */
  assert_refused (c, bc_edit_set (c, G_OBJECT (t), "to", string_value (&to, "meet-1"), &_error),
                  BC_CASE_ERROR_INVALID);
  g_value_unset (&to);
  assert_refused (c, bc_edit_set (c, G_OBJECT (t), "to", string_value (&to, "nowhere"), &_error),
                  BC_CASE_ERROR_INVALID);
  /* Moving an end to the other's track. */
  g_value_init (&track, BC_TYPE_TRACK);
  g_value_set_enum (&track, BC_TRACK_2);
  assert_refused (c, bc_edit_set (c, G_OBJECT (signing), "track", &track, &_error),
                  BC_CASE_ERROR_INVALID);
  assert_refused (c, bc_edit_add_transfer (c, "meet-1", "meet-2", BC_MECHANISM_BRIEFING,
                                           BC_STATUS_DOCUMENTED, NULL, &_error) != NULL,
                  BC_CASE_ERROR_INVALID);
  assert_refused (c, bc_edit_add_link (c, "meet-1", "meet-1", BC_LINK_LEADS_TO, &_error) != NULL,
                  BC_CASE_ERROR_INVALID);
  assert_refused (c, bc_edit_cite (c, G_OBJECT (t), "corbin", "52-45", &_error),
                  BC_CASE_ERROR_INVALID);
  assert_refused (c, bc_edit_cite (c, G_OBJECT (t), "nothing", NULL, &_error),
                  BC_CASE_ERROR_INVALID);
  g_assert_false (bc_history_can_undo (bc_case_get_history (c)));
}

/* Adding */

static void
test_edit_add_each_kind (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) original = bc_case_to_bytes (c);
  g_autoptr(GBytes) now = NULL;
  const char * const carriers[] = { "larsen", NULL };
  BcEvent *e;
  BcActor *a;
  BcSource *s;
  BcTransfer *t;
  BcLink *l;
  BcAnnotation *n;

  e = bc_edit_add_event (c, BC_TRACK_1_5, fixture_date ("1993-03"), NULL);
  g_assert_cmpstr (bc_item_get_id (BC_ITEM (e)), ==, "event-1");
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Event");
  a = bc_edit_add_actor (c, BC_TRACK_2, NULL);
  g_assert_cmpstr (bc_item_get_id (BC_ITEM (a)), ==, "actor-1");
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Actor");
  s = bc_edit_add_source (c, BC_SOURCE_REPORT, "A report.", NULL);
  g_assert_cmpstr (bc_item_get_id (BC_ITEM (s)), ==, "source-1");
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Source");
  t = bc_edit_add_transfer (c, "meet-1", "event-1", BC_MECHANISM_MEMORANDUM, BC_STATUS_INFERRED,
                            carriers, NULL);
  g_assert_cmpstr (bc_item_get_id (BC_ITEM (t)), ==, "transfer-1");
  g_assert_cmpint (bc_transfer_get_status (t), ==, BC_STATUS_INFERRED);
  g_assert_cmpstr (bc_transfer_get_carriers (t)[0], ==, "larsen");
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Transfer");
  l = bc_edit_add_link (c, "event-1", "signing", BC_LINK_LEADS_TO, NULL);
  g_assert_nonnull (l);
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Link");
  n = bc_edit_add_annotation (c, G_OBJECT (t), "A. Analyst", "On the transfer", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (t)), ==, 1);
  g_assert_null (bc_annotation_get_about (n));
  n = bc_edit_add_annotation (c, G_OBJECT (e), "A. Analyst", "On the event", NULL);
  g_assert_cmpstr (bc_annotation_get_about (n), ==, "event-1");
  n = bc_edit_add_annotation (c, G_OBJECT (c), "A. Analyst", "On the case", NULL);
  g_assert_null (bc_annotation_get_about (n));
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Annotation");
  g_assert_nonnull (bc_edit_cite_new_source (c, G_OBJECT (e), BC_SOURCE_WEB, "A page.", NULL));
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Add Evidence");
  g_assert_cmpstr (((BcSourceRef *) g_ptr_array_index (bc_event_get_sources (e), 0))->ref, ==, "source-2");
  g_assert_true (bc_edit_cite (c, G_OBJECT (e), "corbin", "20-25", NULL));
  assert_round_trip (c);

  /* Every add is one step. */
  for (guint i = 0; i < 10; i++)
    g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_can_undo (h));
  now = bc_case_to_bytes (c);
  assert_bytes_equal (original, now);
}

/* Moving in time */

static void
test_edit_move_event (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  BcEvent *e = bc_case_lookup_event (c, "meet-1");
  BcEvent *month = bc_case_lookup_event (c, "meet-2");
  g_auto(GValue) end = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_assert_true (bc_edit_set (c, G_OBJECT (e), "end", date_value (&end, "1993-01-22"), NULL));
  g_assert_true (bc_edit_move_event (c, e, fixture_date ("1993-02-27"), NULL));
  g_assert_true (bc_date_equal (bc_event_get_date (e), fixture_date ("1993-02-27")));
  g_assert_true (bc_date_equal (bc_event_get_end (e), fixture_date ("1993-03-01")));
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Move Event");
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_date_equal (bc_event_get_end (e), fixture_date ("1993-01-22")));

  /* Earlier: the date goes first, so the end is never before it. */
  g_assert_true (bc_edit_move_event (c, e, fixture_date ("1992-12-31"), NULL));
  g_assert_true (bc_date_equal (bc_event_get_end (e), fixture_date ("1993-01-02")));

  /* By keyboard: a day, a month, a year, as the date is known. */
  g_assert_true (bc_edit_nudge_event (c, e, 1, NULL));
  g_assert_true (bc_date_equal (bc_event_get_date (e), fixture_date ("1993-01-01")));
  g_assert_true (bc_edit_nudge_event (c, month, -5, NULL));
  text = bc_date_to_string (bc_event_get_date (month));
  g_assert_cmpstr (text, ==, "1992-12");
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Move Event");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) before = bc_case_to_bytes (c);
    g_autoptr(GBytes) after = NULL;

    g_assert_false (bc_edit_nudge_event (c, month, -12 * 1000, &error));
    g_assert_error (error, BC_DATE_ERROR, BC_DATE_ERROR_RANGE);
    after = bc_case_to_bytes (c);
    assert_bytes_equal (before, after);
  }
  assert_round_trip (c);
}

static void
test_date_arithmetic (void)
{
  BcDate d;
  g_autofree char *a = NULL, *b = NULL, *e = NULL;

  g_assert_true (bc_date_add (fixture_date ("1993-01-31"), 1, &d));
  a = bc_date_to_string (d);
  g_assert_cmpstr (a, ==, "1993-02-01");
  g_assert_true (bc_date_add (fixture_date ("1993-01"), 13, &d));
  b = bc_date_to_string (d);
  g_assert_cmpstr (b, ==, "1994-02");
  g_assert_false (bc_date_add (fixture_date ("9999"), 1, &d));
  g_assert_false (bc_date_add (fixture_date ("1000-01-01"), -1, &d));
  g_assert_false (bc_date_add (BC_DATE_UNSET, 1, &d));

  /* A month-known range keeps its length in months. */
  g_assert_true (bc_date_shift_end (fixture_date ("1993-01"), fixture_date ("1993-03"),
                                    fixture_date ("1993-02"), &d));
  e = bc_date_to_string (d);
  g_assert_cmpstr (e, ==, "1993-04");
  g_assert_true (bc_date_equal (bc_date_snap (fixture_date ("1993-01"), 40), fixture_date ("1993-02")));
}

/* Renaming */

static void
test_edit_rename_follows_references (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) now = NULL;
  const char * const people[] = { "larsen", "savir", NULL };
  g_auto(GValue) v1 = G_VALUE_INIT;
  g_auto(GValue) v2 = G_VALUE_INIT;
  g_auto(GValue) v3 = G_VALUE_INIT;
  BcEvent *e = bc_case_lookup_event (c, "meet-2");
  BcTransfer *t = bc_case_lookup_transfer (c, "draft");

  g_object_set (e, "participants", people, NULL);
  g_object_set (t, "carriers", people, NULL);
  g_assert_true (bc_edit_cite (c, G_OBJECT (e), "corbin", "1", NULL));
  g_assert_nonnull (bc_edit_add_annotation (c, G_OBJECT (e), "A", "About meet-2", NULL));
  bc_history_clear (h);
  original = bc_case_to_bytes (c);

  g_assert_true (bc_edit_set (c, G_OBJECT (e), "id", string_value (&v1, "fifth"), NULL));
  g_assert_cmpstr (bc_transfer_get_from (t), ==, "fifth");
  g_assert_cmpstr (bc_link_get_to (g_list_model_get_item (bc_case_get_links (c), 0)), ==, "fifth");
  g_assert_true (bc_edit_set (c, G_OBJECT (bc_case_lookup (c, "larsen")), "id", string_value (&v2, "trl"), NULL));
  g_assert_cmpstr (bc_event_get_participants (e)[0], ==, "trl");
  g_assert_cmpstr (bc_transfer_get_carriers (t)[0], ==, "trl");
  g_assert_true (bc_edit_set (c, G_OBJECT (bc_case_lookup (c, "corbin")), "id", string_value (&v3, "gaza-first"), NULL));
  g_assert_cmpstr (((BcSourceRef *) g_ptr_array_index (bc_event_get_sources (e), 0))->ref, ==, "gaza-first");
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Change Identifier");
  assert_round_trip (c);

  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_undo (h));
  now = bc_case_to_bytes (c);
  assert_bytes_equal (original, now);
  g_object_unref (g_list_model_get_item (bc_case_get_links (c), 0));
}

/* Deleting, every branch of the cascade */

typedef struct
{
  const char *id;       /* what to delete, or "#links/0" and such */
  const char *label;
  const char *gone[4];  /* ids no longer in the case */
} DeleteCase;

static BcCase *
rich_fixture (void)
{
  BcCase *c = fixture_case ();
  const char * const people[] = { "larsen", "savir", NULL };
  const char * const fafo[] = { "larsen", NULL };
  BcTransfer *t = bc_case_lookup_transfer (c, "draft");

  g_object_set (bc_case_lookup_event (c, "meet-1"), "participants", people, NULL);
  g_object_set (t, "carriers", people, NULL);
  g_object_set (bc_case_lookup (c, "savir"), "member-of", fafo, NULL);
  g_assert_true (bc_edit_cite (c, G_OBJECT (bc_case_lookup (c, "savir")), "corbin", "3", NULL));
  g_assert_true (bc_edit_cite (c, G_OBJECT (bc_case_lookup (c, "meet-2")), "corbin", "4", NULL));
  g_assert_true (bc_edit_cite (c, G_OBJECT (t), "corbin", "60", NULL));
  g_assert_nonnull (bc_edit_add_annotation (c, G_OBJECT (t), "A", "Own note", NULL));
  /* A case-level annotation about the transfer, as a file may have. */
  {
    g_autoptr(BcAnnotation) about = bc_annotation_new ("A", "2027-01-01T00:00:00Z", "draft", "x");
    g_autoptr(BcCommand) insert = bc_insert_command_new ("annotations", NULL, -1, G_OBJECT (about));

    g_assert_true (bc_history_perform (bc_case_get_history (c), insert, NULL));
  }
  g_assert_nonnull (bc_edit_add_annotation (c, G_OBJECT (bc_case_lookup (c, "meet-2")), "A", "About meet-2", NULL));
  g_assert_nonnull (bc_edit_add_annotation (c, G_OBJECT (bc_case_lookup (c, "larsen")), "A", "About Larsen", NULL));
  g_assert_nonnull (bc_edit_add_annotation (c, G_OBJECT (bc_case_lookup (c, "corbin")), "A", "About Corbin", NULL));
  g_assert_nonnull (bc_edit_add_annotation (c, G_OBJECT (c), "A", "About the case", NULL));
  bc_history_clear (bc_case_get_history (c));
  return c;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

static void
test_edit_delete (gconstpointer data)
{
  const DeleteCase *row = data;
  g_autoptr(BcCase) c = rich_fixture ();
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(GBytes) original = bc_case_to_bytes (c);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  GObject *object = bc_case_resolve_target (c, row->id);

  g_assert_nonnull (object);
  g_assert_true (bc_edit_delete (c, object, NULL));
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, row->label);
  for (guint i = 0; i < G_N_ELEMENTS (row->gone) && row->gone[i] != NULL; i++)
    g_assert_null (bc_case_lookup (c, row->gone[i]));

  after = round_trip_bytes (c);
  if (strchr (row->id, '#') == NULL)
    {
      g_autofree char *as_ref = g_strdup_printf ("\"%s\"", row->id);
      /* Nothing in the file names it any more. */
      g_assert_false (bytes_contain (after, as_ref));
    }

  /* One step: one undo brings all of it back, one redo takes it again. */
  g_assert_true (bc_history_undo (h));
  g_assert_false (bc_history_can_undo (h));
  undone = bc_case_to_bytes (c);
  assert_bytes_equal (original, undone);
  g_assert_true (bc_history_redo (h));
  redone = bc_case_to_bytes (c);
  assert_bytes_equal (after, redone);
}

static void
test_edit_delete_specifics (void)
{
  g_autoptr(BcCase) c = rich_fixture ();
  BcEvent *meet1 = bc_case_lookup_event (c, "meet-1");
  BcTransfer *t = bc_case_lookup_transfer (c, "draft");

  /* An actor: participants, carriers, memberships let go; annotations
   * about the actor go. */
  g_assert_true (bc_edit_delete (c, G_OBJECT (bc_case_lookup (c, "larsen")), NULL));
  g_assert_cmpstrv (bc_event_get_participants (meet1), ((const char *[]) { "savir", NULL }));
  g_assert_cmpstrv (bc_transfer_get_carriers (t), ((const char *[]) { "savir", NULL }));
  g_assert_null (bc_actor_get_member_of (BC_ACTOR (bc_case_lookup (c, "savir"))) ?
                 bc_actor_get_member_of (BC_ACTOR (bc_case_lookup (c, "savir")))[0] : NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_annotations (c)), ==, 4);

  /* A source: every citation of it goes, from actors, events and
   * transfers; the cited items stay. */
  g_assert_true (bc_edit_delete (c, G_OBJECT (bc_case_lookup (c, "corbin")), NULL));
  g_assert_true (bc_transfer_get_sources (t) == NULL || bc_transfer_get_sources (t)->len == 0);
  g_assert_nonnull (bc_case_lookup (c, "savir"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_annotations (c)), ==, 3);

  /* An event: its transfers (with their own annotations) and links go. */
  g_assert_true (bc_edit_delete (c, G_OBJECT (bc_case_lookup (c, "meet-2")), NULL));
  g_assert_null (bc_case_lookup (c, "draft"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (c)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (c)), ==, 0);
  /* The annotation about the transfer, and the one about meet-2. */
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_annotations (c)), ==, 1);
  assert_round_trip (c);

  /* Something no longer in the case. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BcEvent) stranger = bc_event_new ("x", BC_TRACK_1, BC_EVENT_OTHER, fixture_date ("1993"), "X");

    g_assert_false (bc_edit_delete (c, G_OBJECT (stranger), &error));
    g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND);
  }
}

static const DeleteCase delete_cases[] = {
  { "meet-2", "Delete Event", { "meet-2", "draft" } },
  { "meet-1", "Delete Event", { "meet-1" } },
  { "signing", "Delete Event", { "signing", "draft" } },
  { "larsen", "Delete Actor", { "larsen" } },
  { "savir", "Delete Actor", { "savir" } },
  { "draft", "Delete Transfer", { "draft" } },
  { "corbin", "Delete Source", { "corbin" } },
  { "#links/0", "Delete Link", { NULL } },
  { "#annotations/0", "Delete Annotation", { NULL } },
  { "draft#annotations/0", "Delete Annotation", { NULL } },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rules/date-order-first-day-against-last-day", test_rules_date_order);
  g_test_add_func ("/core/rules/reader-and-edit-agree-on-date-order", test_rules_reader_and_edit_agree);
  g_test_add_func ("/core/rules/pages-do-not-run-backwards", test_rules_pages);
  g_test_add_func ("/core/rules/ids-urls-times", test_rules_ids_and_urls);
  g_test_add_func ("/core/edit/refuses-end-before-date", test_edit_refuses_end_before_date);
  g_test_add_func ("/core/edit/refuses-transfer-within-one-track", test_edit_refuses_transfer_within_track);
  g_test_add_func ("/core/edit/adds-each-kind-with-a-fresh-id", test_edit_add_each_kind);
  g_test_add_func ("/core/edit/moves-an-event-in-time", test_edit_move_event);
  g_test_add_func ("/core/edit/date-arithmetic", test_date_arithmetic);
  g_test_add_func ("/core/edit/rename-takes-references-along", test_edit_rename_follows_references);
  g_test_add_func ("/core/edit/delete/cascade-branches", test_edit_delete_specifics);
  for (guint i = 0; i < G_N_ELEMENTS (delete_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/edit/delete/%u-%s", i, delete_cases[i].id);

      g_strdelimit (path + strlen ("/core/edit/delete/"), "#/", '-');
      g_test_add_data_func (path, &delete_cases[i], test_edit_delete);
    }

  return g_test_run ();
}
