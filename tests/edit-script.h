/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Random edits of a case through the domain edits of src/core, valid and
 * invalid, with undo and redo, checking after each step what the history
 * promises. Shared by tests/test-history-property.c (seeded GRand) and
 * tests/fuzz/fuzz-history.c (a fuzzer's bytes). */

#include <string.h>

#include "bc-edit.h"
#include "bc-history.h"
#include "bc-reader.h"
#include "bc-rules.h"
#include "bc-writer.h"
#include "bc-enum-types.h"

/* A number in [begin, end), from @state. */
typedef gint32 (*EditScriptNext) (gpointer state,
                                  gint32   begin,
                                  gint32   end);

typedef struct
{
  guint steps;
  guint done;
  guint refused;
  guint undone;
  guint redone;
} EditScriptStats;

typedef struct
{
  BcCase         *c;
  EditScriptNext  next;
  gpointer        state;
} Script;

static inline gint32
pick (Script *s,
      gint32  n)
{
  return n <= 1 ? 0 : s->next (s->state, 0, n);
}

static inline GObject *
pick_in (Script     *s,
         GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GObject *object;

  if (n == 0)
    return NULL;
  object = g_list_model_get_item (model, (guint) pick (s, (gint32) n));
  g_object_unref (object); /* the case keeps it */
  return object;
}

static inline const char *
pick_id (Script     *s,
         GListModel *model)
{
  GObject *object;

  /* Now and then something that names nothing. */
  if (pick (s, 8) == 0)
    return "nothing-here";
  object = pick_in (s, model);
  return object ? bc_item_get_id (BC_ITEM (object)) : "nothing-here";
}

static inline BcDate
pick_date (Script *s)
{
  BcDate date = { (guint16) (1975 + pick (s, 40)), 0, 0 };
  int precision = pick (s, 4);

  if (precision == 0)
    return BC_DATE_UNSET;
  if (precision >= 2)
    date.month = (guint8) (1 + pick (s, 12));
  if (precision == 3)
    date.day = (guint8) (1 + pick (s, 28));
  return date;
}

static inline const char *
pick_text (Script *s)
{
  static const char *texts[] = {
    "", "A meeting", "Ein Treffen in Oslo", "اجتماع", "שיחות", "Line one\nline two",
    "  spaced  ", "<b>not markup</b> & more", "a-new-id", "2nd", "https://example.org/a",
    "javascript:alert(1)", "52-45", "20-25", "x",
  };

  return texts[pick (s, G_N_ELEMENTS (texts))];
}

static inline GObject *
pick_object (Script *s)
{
  GListModel *lists[] = {
    bc_case_get_actors (s->c), bc_case_get_events (s->c), bc_case_get_transfers (s->c),
    bc_case_get_sources (s->c), bc_case_get_links (s->c), bc_case_get_annotations (s->c),
  };
  int which = pick (s, G_N_ELEMENTS (lists) + 1);

  if (which == G_N_ELEMENTS (lists))
    return G_OBJECT (s->c);
  return pick_in (s, lists[which]);
}

/* A new value for @pspec of @object: often right, sometimes not. */
static inline void
pick_value (Script     *s,
            GObject    *object,
            GParamSpec *pspec,
            GValue     *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      g_value_set_enum (value, klass->values[pick (s, (gint32) klass->n_values)].value);
    }
  else if (type == BC_TYPE_DATE)
    {
      BcDate date = pick_date (s);

      g_value_set_boxed (value, bc_date_is_set (date) ? &date : NULL);
    }
  else if (type == G_TYPE_STRING)
    {
      const char *name = pspec->name;

      if (g_str_equal (name, "from") || g_str_equal (name, "to"))
        g_value_set_string (value, pick_id (s, bc_case_get_events (s->c)));
      else if (g_str_equal (name, "about"))
        g_value_set_string (value, pick_id (s, bc_case_get_events (s->c)));
      else if (g_str_equal (name, "id") && pick (s, 3) == 0)
        g_value_set_string (value, pick_id (s, bc_case_get_actors (s->c)));
      else if (g_str_equal (name, "created"))
        g_value_set_string (value, pick (s, 2) ? "2027-03-04T05:06:07Z" : "yesterday");
      else
        {
          const char *text = pick_text (s);

          g_value_set_string (value, *text != '\0' || pick (s, 2) ? text : NULL);
        }
    }
  else if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      int n = pick (s, 4);

      for (int i = 0; i < n; i++)
        g_strv_builder_add (builder, pick_id (s, bc_case_get_actors (s->c)));
      strv = g_strv_builder_end (builder);
      g_value_set_boxed (value, n > 0 ? strv : NULL);
    }
  else if (type == G_TYPE_PTR_ARRAY && g_str_equal (pspec->name, "sources"))
    {
      g_autoptr(GPtrArray) refs = bc_source_refs_new ();
      int n = pick (s, 3);

      for (int i = 0; i < n; i++)
        g_ptr_array_add (refs, bc_source_ref_new (pick_id (s, bc_case_get_sources (s->c)),
                                                  pick (s, 2) ? pick_text (s) : NULL));
      g_value_set_boxed (value, n > 0 ? refs : NULL);
    }
  else if (type == G_TYPE_PTR_ARRAY)
    {
      g_autoptr(GPtrArray) positions = bc_positions_new ();
      int n = pick (s, 3);

      for (int i = 0; i < n; i++)
        g_ptr_array_add (positions, bc_position_new (pick (s, BC_N_TRACKS), pick_date (s),
                                                     pick_date (s), pick (s, 2) ? "Envoy" : NULL));
      g_value_set_boxed (value, n > 0 ? positions : NULL);
    }
  else
    g_value_unset (value);
}

/* One random edit attempt; TRUE when it went through. */
static inline gboolean
edit_once (Script  *s,
           GError **error)
{
  BcCase *c = s->c;
  GObject *object;

  switch (pick (s, 10))
    {
    case 0:
      return bc_edit_add_event (c, pick (s, BC_N_TRACKS), pick_date (s), error) != NULL;
    case 1:
      return pick (s, 2)
             ? bc_edit_add_actor (c, pick (s, BC_N_TRACKS), error) != NULL
             : bc_edit_add_source (c, pick (s, BC_SOURCE_OTHER + 1), pick (s, 2) ? NULL : "", error) != NULL;
    case 2:
      {
        const char * const carriers[] = { pick_id (s, bc_case_get_actors (c)), NULL };

        return bc_edit_add_transfer (c, pick_id (s, bc_case_get_events (c)),
                                     pick_id (s, bc_case_get_events (c)), pick (s, BC_N_MECHANISMS),
                                     pick (s, 3), pick (s, 2) ? carriers : NULL, error) != NULL;
      }
    case 3:
      return bc_edit_add_link (c, pick_id (s, bc_case_get_events (c)), pick_id (s, bc_case_get_events (c)),
                               pick (s, 3), error) != NULL;
    case 4:
      object = pick_object (s);
      if (object == NULL || BC_IS_LINK (object) || BC_IS_ANNOTATION (object))
        object = G_OBJECT (c);
      return bc_edit_add_annotation (c, object, "Property test", pick_text (s), error) != NULL;
    case 5:
    case 6:
      {
        g_autofree GParamSpec **pspecs = NULL;
        g_auto(GValue) value = G_VALUE_INIT;
        GParamSpec *pspec;
        guint n;

        object = pick_object (s);
        if (object == NULL)
          return FALSE;
        pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
        pspec = pspecs[pick (s, (gint32) n)];
        pick_value (s, object, pspec, &value);
        if (!G_IS_VALUE (&value))
          return FALSE;
        return bc_edit_set (c, object, pspec->name, &value, error);
      }
    case 7:
      object = pick_in (s, bc_case_get_events (c));
      if (object == NULL)
        return FALSE;
      return pick (s, 2)
             ? bc_edit_move_event (c, BC_EVENT (object), pick_date (s), error)
             : bc_edit_nudge_event (c, BC_EVENT (object), pick (s, 7) - 3, error);
    case 8:
      object = pick_object (s);
      return object != NULL && bc_edit_delete (c, object, error);
    case 9:
    default:
      object = pick (s, 2) ? pick_in (s, bc_case_get_events (c)) : pick_in (s, bc_case_get_transfers (c));
      return object != NULL &&
             bc_edit_cite (c, object, pick_id (s, bc_case_get_sources (c)), pick_text (s), error);
    }
}

/* NULL when @bytes read back without a diagnostic; the first one else. */
static inline char *
read_back_problem (GBytes *bytes)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) back = bc_case_read_bytes (bytes, "edited.bcase", &diagnostics, &error);

  if (back != NULL)
    return NULL;
  if (diagnostics != NULL && diagnostics->len > 0)
    return bc_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  return g_strdup (error ? error->message : "unreadable");
}

/**
 * edit_script_run:
 * @file: a case file
 * @name: its name, for messages
 * @next: where the choices come from
 * @state: for @next
 * @steps: how many steps
 * @stats: counts to add to
 *
 * Returns: (transfer full) (nullable): what went wrong, or %NULL
 */
static inline char *
edit_script_run (GBytes          *file,
                 const char      *name,
                 EditScriptNext   next,
                 gpointer         state,
                 guint            steps,
                 EditScriptStats *stats)
{
  g_autoptr(BcCase) c = bc_case_read_bytes (file, name, NULL, NULL);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) now = NULL;
  Script s = { c, next, state };
  BcHistory *h;

  if (c == NULL)
    return NULL; /* nothing to edit: the reader's business */
  h = bc_case_get_history (c);
  original = bc_case_to_bytes (c);
  now = g_bytes_ref (original);

  for (guint i = 0; i < steps; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autofree char *problem = NULL;
      int what = pick (&s, 10);
      gboolean changed;

      stats->steps++;
      if (what == 0)
        {
          changed = bc_history_undo (h);
          stats->undone += changed;
        }
      else if (what == 1)
        {
          changed = bc_history_redo (h);
          stats->redone += changed;
        }
      else
        {
          changed = edit_once (&s, &error);
          if (changed)
            stats->done++;
          else
            stats->refused++;
        }

      after = bc_case_to_bytes (c);
      if (!changed && !g_bytes_equal (after, now))
        return g_strdup_printf ("step %u: a refused edit changed the case (%s)", i,
                                error ? error->message : "no error");
      if (changed && (problem = read_back_problem (after)) != NULL)
        return g_strdup_printf ("step %u: the edited case does not read back: %s", i, problem);
      g_bytes_unref (now);
      now = g_steal_pointer (&after);
    }

  while (bc_history_undo (h))
    ;
  g_bytes_unref (now);
  now = bc_case_to_bytes (c);
  if (!g_bytes_equal (now, original))
    return g_strdup ("undoing everything does not give the original bytes");
  return NULL;
}
