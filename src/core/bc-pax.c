/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-pax"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"
#include "bc-history.h"

/* PA-X, the Peace Agreements Database (University of Edinburgh), as the
 * one CSV it publishes: a row per agreement, some 280 columns. The file
 * is streamed; only the rows of the chosen peace process are kept, and
 * of them only the columns read here.
 *
 * Each agreement becomes a Track 1 event "pax-AGTID": a signing when its
 * stage is substantive (SubComp, comprehensive; SubPar, partial), an
 * agreement otherwise (Pre, Cea, Imp, Ren, Oth…); its parties, third
 * parties, stage, status, type and conflict in the description; cited
 * to a source "pax-AGTID-source" that names PA-X and links the
 * agreement's page. Importing again updates those by id and never adds
 * them twice. OthAgr, free text naming earlier agreements, becomes a
 * "leads-to" link from each event of the case whose title it names. */

#define PAX_VIEW_URL "https://www.peaceagreements.org/view/"

enum {
  COL_CON, COL_PP, COL_PPNAME, COL_AGTID, COL_AGT, COL_DAT, COL_STATUS, COL_AGTP, COL_STAGE,
  COL_STAGESUB, COL_PART, COL_THRDPART, COL_OTHAGR, COL_UCDPCON, N_COLS
};

static const char * const column_names[N_COLS] = {
  "Con", "PP", "PPName", "AgtId", "Agt", "Dat", "Status", "Agtp", "Stage", "StageSub", "Part",
  "ThrdPart", "OthAgr", "UcdpCon",
};

/* Without these a file is not PA-X. */
static const int required[] = { COL_PP, COL_PPNAME, COL_AGTID, COL_AGT, COL_DAT };

typedef struct
{
  guint     row;
  gboolean  skipped; /* a problem, left out by skip_invalid */
  char     *values[N_COLS];
} Agreement;

static void
agreement_free (Agreement *agreement)
{
  for (guint i = 0; i < N_COLS; i++)
    g_free (agreement->values[i]);
  g_free (agreement);
}

/* Auxiliary functions */

static const char *
value (Agreement *agreement,
       int        column)
{
  const char *text = agreement->values[column];

  return text != NULL && *text != '\0' ? text : NULL;
}

static BcEventType
event_type_for_stage (const char *stage)
{
  if (stage != NULL && (g_ascii_strcasecmp (stage, "SubComp") == 0 || g_ascii_strcasecmp (stage, "SubPar") == 0))
    return BC_EVENT_SIGNING;
  return BC_EVENT_AGREEMENT;
}

static char *
description_of (Agreement *agreement)
{
  GString *text = g_string_new (NULL);
  const struct { int column; const char *label; } lines[] = {
    { COL_PART, N_("Parties") },
    { COL_THRDPART, N_("Third parties") },
    { COL_CON, N_("Country or entity") },
    { COL_STAGE, N_("Stage") },
    { COL_STAGESUB, N_("Sub-stage") },
    { COL_STATUS, N_("Status") },
    { COL_AGTP, N_("Agreement type") },
    { COL_UCDPCON, N_("UCDP conflict") },
    { COL_OTHAGR, N_("Refers to") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (value (agreement, lines[i].column) != NULL)
      g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "", _(lines[i].label),
                              value (agreement, lines[i].column));
  g_string_append_printf (text, "%s%s: %s (%s)", text->len ? "\n" : "", _("Peace process"),
                          value (agreement, COL_PPNAME), value (agreement, COL_PP));
  return g_string_free (text, FALSE);
}

static gboolean
set_if_changed (BcHistory    *history,
                GObject      *object,
                const char   *property,
                const GValue *new_value,
                GError      **error)
{
  g_auto(GValue) old = G_VALUE_INIT;

  g_value_init (&old, G_VALUE_TYPE (new_value));
  g_object_get_property (object, property, &old);
  if (g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property),
                          &old, new_value) == 0)
    return TRUE;
  return bc_history_set (history, object, property, new_value, error);
}

static gboolean
set_string (BcHistory   *history,
            GObject     *object,
            const char  *property,
            const char  *text,
            GError     **error)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, text);
  return set_if_changed (history, object, property, &v, error);
}

static gboolean
insert (BcHistory   *history,
        const char  *section,
        GObject     *object,
        GError     **error)
{
  g_autoptr(BcCommand) command = bc_insert_command_new (section, NULL, -1, object);

  return bc_history_perform (history, command, error);
}

/* What makes an agreement impossible to import, before anything is
 * changed: each is FILE:ROW: column NAME: what is wrong. */
static gboolean
check_agreement (Agreement   *agreement,
                 const char  *display_name,
                 BcDate      *date,
                 GError     **error)
{
  const char *agt_id = value (agreement, COL_AGTID);
  const char *title = value (agreement, COL_AGT);
  g_autoptr(GError) local_error = NULL;

  if (agt_id == NULL)
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID,
                   _("%s:%u: column AgtId: the agreement has no number"), display_name, agreement->row);
      return FALSE;
    }
  for (const char *p = agt_id; *p; p++)
    if (!g_ascii_isdigit (*p))
      {
        g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID,
                     _("%s:%u: column AgtId: “%s” is not an agreement number"), display_name,
                     agreement->row, agt_id);
        return FALSE;
      }
  if (title == NULL)
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID,
                   _("%s:%u: column Agt: the agreement has no title"), display_name, agreement->row);
      return FALSE;
    }
  if (value (agreement, COL_DAT) == NULL ||
      !_bc_date_parse_loose (value (agreement, COL_DAT), 1 /* DMY */, date, NULL, &local_error))
    {
      g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID, _("%s:%u: column Dat: %s"),
                   display_name, agreement->row,
                   local_error ? local_error->message : _("the agreement has no date"));
      return FALSE;
    }
  return TRUE;
}

/* Adds or updates one agreement's source and event. */
static gboolean
import_agreement (BcCase     *case_,
                  Agreement  *agreement,
                  const char *display_name,
                  BcPaxResult *result,
                  GError    **error)
{
  BcHistory *history = bc_case_get_history (case_);
  const char *agt_id = value (agreement, COL_AGTID);
  const char *title = value (agreement, COL_AGT);
  g_autofree char *event_id = g_strdup_printf ("pax-%s", agt_id);
  g_autofree char *source_id = g_strdup_printf ("pax-%s-source", agt_id);
  g_autofree char *url = g_strconcat (PAX_VIEW_URL, agt_id, NULL);
  g_autofree char *citation = NULL;
  g_autofree char *description = description_of (agreement);
  BcEventType type = event_type_for_stage (value (agreement, COL_STAGE));
  BcSource *source;
  BcEvent *event;
  BcDate date;

  if (!check_agreement (agreement, display_name, &date, error))
    return FALSE;

  {
    g_autofree char *date_text = bc_date_to_string (date);

    citation = g_strdup_printf (_("%s, %s. PA-X Peace Agreements Database, agreement %s. "
                                  "University of Edinburgh."), title, date_text, agt_id);
  }

  source = bc_case_lookup_source (case_, source_id);
  if (source == NULL)
    {
      g_autoptr(BcSource) added = bc_source_new (source_id, BC_SOURCE_DOCUMENT, citation);

      g_object_set (added, "url", url, NULL);
      if (!insert (history, "sources", G_OBJECT (added), error))
        return FALSE;
    }
  else if (!set_string (history, G_OBJECT (source), "citation", citation, error) ||
           !set_string (history, G_OBJECT (source), "url", url, error))
    return FALSE;

  event = bc_case_lookup_event (case_, event_id);
  if (event == NULL)
    {
      g_autoptr(BcEvent) added = bc_event_new (event_id, BC_TRACK_1, type, date, title);
      g_autoptr(GPtrArray) refs = bc_source_refs_new ();

      g_ptr_array_add (refs, bc_source_ref_new (source_id, NULL));
      g_object_set (added, "description", description, "sources", refs, NULL);
      if (!insert (history, "events", G_OBJECT (added), error))
        return FALSE;
      result->added++;
    }
  else
    {
      g_auto(GValue) v_type = G_VALUE_INIT;
      g_auto(GValue) v_date = G_VALUE_INIT;

      g_value_init (&v_type, BC_TYPE_EVENT_TYPE);
      g_value_set_enum (&v_type, type);
      g_value_init (&v_date, BC_TYPE_DATE);
      g_value_set_boxed (&v_date, &date);
      /* The analyst's track, place, participants and other sources stay. */
      if (!set_string (history, G_OBJECT (event), "title", title, error) ||
          !set_if_changed (history, G_OBJECT (event), "event-type", &v_type, error) ||
          !set_string (history, G_OBJECT (event), "description", description, error))
        return FALSE;
      if (!bc_date_equal (bc_event_get_date (event), date) &&
          !bc_date_is_set (bc_event_get_end (event)) &&
          !bc_history_set (history, G_OBJECT (event), "date", &v_date, error))
        return FALSE;
      result->updated++;
    }
  return TRUE;
}

static gboolean
has_link (BcCase     *case_,
          const char *from,
          const char *to)
{
  GListModel *links = bc_case_get_links (case_);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);

      if ((g_str_equal (bc_link_get_from (link), from) && g_str_equal (bc_link_get_to (link), to)) ||
          (g_str_equal (bc_link_get_from (link), to) && g_str_equal (bc_link_get_to (link), from)))
        return TRUE;
    }
  return FALSE;
}

/* OthAgr names earlier agreements by title: each event of the case whose
 * title it holds leads to this one. Titles shorter than 12 characters
 * ("Agreement") would name too much. */
static gboolean
link_references (BcCase     *case_,
                 Agreement  *agreement,
                 BcPaxResult *result,
                 GError    **error)
{
  GListModel *events = bc_case_get_events (case_);
  g_autofree char *event_id = g_strdup_printf ("pax-%s", value (agreement, COL_AGTID));
  g_autofree char *refers = NULL;

  if (value (agreement, COL_OTHAGR) == NULL)
    return TRUE;
  refers = g_utf8_casefold (value (agreement, COL_OTHAGR), -1);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      const char *id = bc_item_get_id (BC_ITEM (event));
      g_autofree char *title = g_utf8_casefold (bc_event_get_title (event), -1);

      if (g_str_equal (id, event_id) || g_utf8_strlen (title, -1) < 12 || strstr (refers, title) == NULL ||
          has_link (case_, id, event_id))
        continue;
      {
        g_autoptr(BcLink) link = bc_link_new (id, event_id, BC_LINK_LEADS_TO);

        if (!insert (bc_case_get_history (case_), "links", G_OBJECT (link), error))
          return FALSE;
        result->links++;
      }
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
matches_number (const char *process,
                const char *number)
{
  return number != NULL && g_str_equal (g_strstrip ((char *) number), process);
}

/* Finds PA-X's columns in the header, or refuses a file that is not
 * PA-X. */
static gboolean
read_header (BcCsvReader   *reader,
             const char    *display_name,
             int            index[N_COLS],
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields = NULL;

  if (!_bc_csv_reader_next (reader, &fields, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT, _("%s: the file is empty"),
                     display_name);
      return FALSE;
    }
  for (int c = 0; c < N_COLS; c++)
    {
      index[c] = -1;
      for (guint f = 0; f < fields->len; f++)
        if (g_strcmp0 (g_strstrip ((char *) g_ptr_array_index (fields, f)), column_names[c]) == 0)
          index[c] = f;
    }
  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    if (index[required[r]] < 0)
      {
        g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT,
                     _("%s is not a PA-X agreements file: it has no column %s (PA-X's CSV has "
                       "AgtId, Agt, Dat, PP, PPName among its columns)"),
                     display_name, column_names[required[r]]);
        return FALSE;
      }
  return TRUE;
}

/* Public API */

/**
 * bc_pax_import:
 * @case_: the case to add to
 * @stream: PA-X's agreements CSV
 * @display_name: the file's name in messages
 * @process: a peace process: its PA-X number (PP) or name (PPName, any
 *   case; a part of the name when it names one process only)
 * @skip_invalid: leave out the agreements that cannot be read, listing
 *   them in @result's problems, instead of failing
 * @result: (out caller-allocates): what was added, updated and, with
 *   @skip_invalid, left out; clear it then with bc_pax_result_clear()
 * @cancellable: (nullable): stops reading
 * @error: not PA-X, no such process, or an agreement that cannot be read
 *
 * Adds the process's agreements as one step of the history, or nothing.
 */
gboolean
bc_pax_import (BcCase        *case_,
               GInputStream  *stream,
               const char    *display_name,
               const char    *process,
               gboolean       skip_invalid,
               BcPaxResult   *result,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(BcCsvReader) reader = _bc_csv_reader_new (stream, display_name);
  g_autoptr(GPtrArray) exact = g_ptr_array_new_with_free_func ((GDestroyNotify) agreement_free);
  g_autoptr(GPtrArray) partial = g_ptr_array_new_with_free_func ((GDestroyNotify) agreement_free);
  g_autoptr(GHashTable) partial_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *wanted = g_utf8_casefold (process, -1);
  g_autofree char *label = NULL;
  BcHistory *history = bc_case_get_history (case_);
  GPtrArray *fields = NULL;
  GPtrArray *chosen;
  int index[N_COLS];
  gboolean is_number = *process != '\0';
  guint row = 1;

  memset (result, 0, sizeof *result);
  if (skip_invalid)
    result->problems = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = process; *p; p++)
    is_number &= g_ascii_isdigit (*p);

  if (!read_header (reader, display_name, index, cancellable, error))
    return FALSE;

  for (;;)
    {
      const char *pp, *name;
      g_autofree char *folded = NULL;
      GPtrArray *into = NULL;

      if (!_bc_csv_reader_next (reader, &fields, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      row++;
      if (index[COL_PPNAME] >= (int) fields->len || index[COL_PP] >= (int) fields->len)
        continue;
      pp = g_ptr_array_index (fields, index[COL_PP]);
      name = g_ptr_array_index (fields, index[COL_PPNAME]);
      folded = g_utf8_validate (name, -1, NULL) ? g_utf8_casefold (g_strstrip ((char *) name), -1) : NULL;

      if (is_number ? matches_number (process, pp) : (folded != NULL && g_str_equal (folded, wanted)))
        into = exact;
      else if (!is_number && folded != NULL && strstr (folded, wanted) != NULL)
        {
          into = partial;
          if (g_hash_table_size (partial_names) < 20)
            g_hash_table_add (partial_names, g_strdup (name));
        }
      if (into == NULL)
        continue;

      {
        Agreement *agreement = g_new0 (Agreement, 1);

        agreement->row = row;
        for (int c = 0; c < N_COLS; c++)
          if (index[c] >= 0 && index[c] < (int) fields->len)
            {
              const char *text = g_ptr_array_index (fields, index[c]);

              agreement->values[c] = g_utf8_make_valid (g_strstrip ((char *) text), -1);
            }
        g_ptr_array_add (into, agreement);
      }
    }

  chosen = exact->len > 0 ? exact : g_hash_table_size (partial_names) == 1 ? partial : NULL;
  if (chosen == NULL)
    {
      if (g_hash_table_size (partial_names) > 1)
        {
          g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (partial_names, NULL);
          g_autofree char *list = NULL;

          g_qsort_with_data (names, g_hash_table_size (partial_names), sizeof (char *),
                             compare_names, NULL);
          list = g_strjoinv ("; ", (char **) names);
          g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_NOT_FOUND,
                       _("%s: “%s” names several peace processes: %s; give its number (PP) or its "
                         "whole name"), display_name, process, list);
        }
      else
        g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_NOT_FOUND,
                     _("%s: no agreement of a peace process “%s” (PP or PPName)"), display_name, process);
      return FALSE;
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Agreement", "Import %u Agreements",
                                        chosen->len), chosen->len);
  bc_history_begin_group (history, label);
  for (guint i = 0; i < chosen->len; i++)
    {
      Agreement *agreement = g_ptr_array_index (chosen, i);
      BcDate date;

      /* Checked first, so that one left out has changed nothing. */
      if (skip_invalid && !check_agreement (agreement, display_name, &date, &local_error))
        {
          agreement->skipped = TRUE;
          g_ptr_array_add (result->problems, g_strdup (local_error->message));
          g_clear_error (&local_error);
          continue;
        }
      if (!import_agreement (case_, agreement, display_name, result, error))
        {
          bc_history_cancel_group (history);
          return FALSE;
        }
    }
  for (guint i = 0; i < chosen->len; i++)
    if (!((Agreement *) g_ptr_array_index (chosen, i))->skipped &&
        !link_references (case_, g_ptr_array_index (chosen, i), result, error))
      {
        bc_history_cancel_group (history);
        return FALSE;
      }
  bc_history_end_group (history);
  return TRUE;
}

/**
 * bc_pax_result_clear:
 * @result: what bc_pax_import() filled
 *
 * Frees the problems @result lists.
 */
void
bc_pax_result_clear (BcPaxResult *result)
{
  g_clear_pointer (&result->problems, g_ptr_array_unref);
}

static void
pax_process_free (BcPaxProcess *process)
{
  g_free (process->number);
  g_free (process->name);
  g_free (process);
}

static int
compare_processes (gconstpointer a,
                   gconstpointer b)
{
  const BcPaxProcess *pa = *(const BcPaxProcess * const *) a;
  const BcPaxProcess *pb = *(const BcPaxProcess * const *) b;

  return g_utf8_collate (pa->name, pb->name);
}

/**
 * bc_pax_list_processes:
 * @stream: PA-X's agreements CSV
 * @display_name: the file's name in messages
 * @progress: (nullable) (scope call): told the bytes read so far
 * @progress_data: for @progress
 * @cancellable: (nullable): stops reading
 * @error: not PA-X, or a file that cannot be read as CSV
 *
 * Reads the whole file for its peace processes, keeping one entry per
 * process, never the agreements.
 *
 * Returns: (transfer container) (element-type BcPaxProcess): the
 *   processes by name, each with its number and how many agreements
 *   it has
 */
GPtrArray *
bc_pax_list_processes (GInputStream   *stream,
                       const char     *display_name,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(BcCsvReader) reader = _bc_csv_reader_new (stream, display_name);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func ((GDestroyNotify) pax_process_free);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields = NULL;
  int index[N_COLS];

  if (!read_header (reader, display_name, index, cancellable, error))
    return NULL;

  for (;;)
    {
      const char *pp, *name;
      BcPaxProcess *process;
      char *key;

      if (!_bc_csv_reader_next (reader, &fields, cancellable, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }
      if (index[COL_PPNAME] >= (int) fields->len || index[COL_PP] >= (int) fields->len)
        continue;
      pp = g_strstrip ((char *) g_ptr_array_index (fields, index[COL_PP]));
      name = g_strstrip ((char *) g_ptr_array_index (fields, index[COL_PPNAME]));
      if (*name == '\0' || !g_utf8_validate (name, -1, NULL) || !g_utf8_validate (pp, -1, NULL))
        continue;

      key = g_strconcat (pp, "\n", name, NULL);
      process = g_hash_table_lookup (by_key, key);
      if (process == NULL)
        {
          /* An untrusted file could name a process per row: PA-X has
           * some 150, so a few thousand is plenty. */
          if (processes->len >= BC_PAX_MAX_PROCESSES)
            {
              g_free (key);
              g_set_error (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_TOO_LARGE,
                           _("%s:%u: column PPName: more than %u peace processes"), display_name,
                           _bc_csv_reader_get_line (reader), BC_PAX_MAX_PROCESSES);
              return NULL;
            }
          process = g_new0 (BcPaxProcess, 1);
          process->number = g_strdup (pp);
          process->name = g_strdup (name);
          g_ptr_array_add (processes, process);
          g_hash_table_insert (by_key, key, process);
        }
      else
        g_free (key);
      process->n_agreements++;
    }

  g_ptr_array_sort (processes, compare_processes);
  return g_steal_pointer (&processes);
}
