/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"

G_DEFINE_QUARK (bc-exchange-error-quark, bc_exchange_error)

static const struct
{
  const char      *name;
  BcExchangeFormat format;
} format_names[] = {
  { "csv", BC_EXCHANGE_CSV },
  { "gephi-csv", BC_EXCHANGE_GEPHI_CSV },
  { "gexf", BC_EXCHANGE_GEXF },
  { "graphml", BC_EXCHANGE_GRAPHML },
  { "csl-json", BC_EXCHANGE_CSL_JSON },
  { "bib", BC_EXCHANGE_BIBTEX },
  { "timeline-json", BC_EXCHANGE_TIMELINEJS },
  { "kumu-json", BC_EXCHANGE_KUMU },
  /* Other names users type; the first of each format is its own. */
  { "bibtex", BC_EXCHANGE_BIBTEX },
  { "csljson", BC_EXCHANGE_CSL_JSON },
  { "timelinejs", BC_EXCHANGE_TIMELINEJS },
  { "kumu", BC_EXCHANGE_KUMU },
  { "gephi", BC_EXCHANGE_GEPHI_CSV },
};

static const char * const table_names[] = {
  "events", "actors", "transfers", "sources", "links", "annotations", "nodes", "edges",
};

/* Auxiliary functions: writing */

void
_bc_csv_append_field (GString    *out,
                      const char *text)
{
  gboolean first = out->len == 0 || out->str[out->len - 1] == '\n';

  if (!first)
    g_string_append_c (out, ',');
  /* An empty first field is written "", or the next field would take its
   * place. */
  if (text == NULL || *text == '\0')
    {
      if (first)
        g_string_append (out, "\"\"");
      return;
    }
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* RFC 4180 ends every record with CRLF. */
void
_bc_csv_end_row (GString *out)
{
  g_string_append (out, "\r\n");
}

void
_bc_json_append_string (GString    *out,
                        const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
_bc_xml_append_escaped (GString    *out,
                        const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\n':
          g_string_append (out, "&#10;");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\t':
          g_string_append (out, "&#9;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* TimelineJS shows its text as HTML: plain text must not become markup.
 * Paragraphs become line breaks. */
void
_bc_html_append_escaped (GString    *out,
                         const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '\n':
          g_string_append (out, "<br>");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

char *
_bc_julian_iso (guint32 day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

/* The first and the last day a date of any precision can mean, as the
 * full dates that tools without precisions want. */
char *
_bc_date_first_iso (BcDate date)
{
  return bc_date_is_set (date) ? _bc_julian_iso (bc_date_get_first_day (date)) : NULL;
}

char *
_bc_date_last_iso (BcDate date)
{
  return bc_date_is_set (date) ? _bc_julian_iso (bc_date_get_last_day (date)) : NULL;
}

void
_bc_event_span (BcEvent *event,
                guint32 *first,
                guint32 *last)
{
  *first = bc_event_get_first_day (event);
  *last = bc_event_get_last_day (event);
}

/* Lists inside one CSV field: items separated by ";", the fields of an
 * item by "|", and a backslash before any of "\", ";" and "|" that the
 * text itself holds. */
static void
append_list_text (GString    *out,
                  const char *text)
{
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '\\' || *p == ';' || *p == '|')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

void
_bc_list_append_item (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  /* Trailing empty fields are left out: "ref" rather than "ref|". */
  while (n_fields > 1 && (fields[n_fields - 1] == NULL || *fields[n_fields - 1] == '\0'))
    n_fields--;

  if (out->len > 0)
    g_string_append_c (out, ';');
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      append_list_text (out, fields[i]);
    }
}

/**
 * _bc_list_split:
 * @text: a list as _bc_list_append_item() writes it
 * @n_fields: the fields of an item
 *
 * Returns: (transfer full) (element-type GStrv): each item as a
 *   %NULL-terminated array of exactly @n_fields strings, missing ones
 *   empty
 */
GPtrArray *
_bc_list_split (const char *text,
                guint       n_fields)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text ? text : "";

  if (*p == '\0')
    return items;

  for (;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (field, *++p);
          continue;
        }
      if (*p == '|' || *p == ';' || *p == '\0')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      if (*p == ';' || *p == '\0')
        {
          char **item = g_new0 (char *, n_fields + 1);

          for (guint i = 0; i < n_fields; i++)
            item[i] = g_strdup (i < fields->len ? g_ptr_array_index (fields, i) : "");
          /* More fields than an item has: the rest belong to the last. */
          for (guint i = n_fields; i < fields->len; i++)
            {
              char *joined = g_strconcat (item[n_fields - 1], "|",
                                          (char *) g_ptr_array_index (fields, i), NULL);
              g_free (item[n_fields - 1]);
              item[n_fields - 1] = joined;
            }
          g_ptr_array_add (items, item);
          g_ptr_array_set_size (fields, 0);
          if (*p == '\0')
            break;
          continue;
        }
      if (*p != '|')
        g_string_append_c (field, *p);
    }
  return items;
}

char *
_bc_source_refs_to_list (GPtrArray *refs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);
      const char *fields[] = { ref->ref, ref->pages };

      _bc_list_append_item (out, fields, 2);
    }
  return g_string_free (out, FALSE);
}

char *
_bc_strv_to_list (const char * const *strv)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    _bc_list_append_item (out, &strv[i], 1);
  return g_string_free (out, FALSE);
}

char *
_bc_positions_to_list (GPtrArray *positions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      BcPosition *position = g_ptr_array_index (positions, i);
      g_autofree char *from = bc_date_to_string (position->from);
      g_autofree char *to = bc_date_to_string (position->to);
      const char *fields[] = {
        bc_enum_to_nick (BC_TYPE_TRACK, position->track), from, to, position->role,
      };

      _bc_list_append_item (out, fields, 4);
    }
  return g_string_free (out, FALSE);
}

/* Lower-case ASCII letters, digits and single dashes, for ids made from
 * titles. */
char *
_bc_slug (const char *text,
          gsize       max_len)
{
  GString *out = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");

  for (const char *p = ascii; *p && out->len < max_len; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Public API */

gboolean
bc_exchange_format_from_name (const char       *name,
                              BcExchangeFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i].name) == 0)
      {
        *format = format_names[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
bc_exchange_format_get_name (BcExchangeFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  g_return_val_if_reached (NULL);
}

/* Formats that are one file per table: a folder takes all of them. */
gboolean
bc_exchange_format_has_tables (BcExchangeFormat format)
{
  return format == BC_EXCHANGE_CSV || format == BC_EXCHANGE_GEPHI_CSV;
}

gboolean
bc_table_from_name (const char *name,
                    BcTable    *table)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (table_names); i++)
    if (g_ascii_strcasecmp (name, table_names[i]) == 0)
      {
        *table = (BcTable) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bc_table_get_name (BcTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (table_names), NULL);
  return table_names[table];
}

/**
 * bc_exchange_write:
 * @case_: a case
 * @format: what to write
 * @table: for the CSV layouts, which table; ignored otherwise
 *
 * Returns: (transfer full): the file's bytes, the same for the same case
 */
GBytes *
bc_exchange_write (BcCase           *case_,
                   BcExchangeFormat  format,
                   BcTable           table)
{
  g_return_val_if_fail (BC_IS_CASE (case_), NULL);

  switch (format)
    {
    case BC_EXCHANGE_CSV:
    case BC_EXCHANGE_GEPHI_CSV:
      return bc_csv_write_table (case_, table);
    case BC_EXCHANGE_GEXF:
      return bc_gexf_write (case_);
    case BC_EXCHANGE_GRAPHML:
      return bc_graphml_write (case_);
    case BC_EXCHANGE_CSL_JSON:
      return bc_csl_json_write (case_);
    case BC_EXCHANGE_BIBTEX:
      return bc_bibtex_write (case_);
    case BC_EXCHANGE_TIMELINEJS:
      return bc_timelinejs_write (case_);
    case BC_EXCHANGE_KUMU:
      return bc_kumu_write (case_);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bc_exchange_write_file:
 * @case_: a case
 * @format: what to write
 * @table: for the CSV layouts, which table
 * @file: where
 * @cancellable: (nullable): a cancellable
 * @error: why it could not be written
 *
 * Writes atomically: an existing @file stays whole until the new one is
 * complete.
 */
gboolean
bc_exchange_write_file (BcCase            *case_,
                        BcExchangeFormat   format,
                        BcTable            table,
                        GFile             *file,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(GBytes) bytes = bc_exchange_write (case_, format, table);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}

/**
 * bc_exchange_write_folder:
 * @case_: a case
 * @format: %BC_EXCHANGE_CSV (events.csv, actors.csv, transfers.csv,
 *   sources.csv, links.csv, annotations.csv) or %BC_EXCHANGE_GEPHI_CSV
 *   (nodes.csv, edges.csv)
 * @folder: where, created when missing
 * @cancellable: (nullable): a cancellable
 * @error: why it could not be written
 */
gboolean
bc_exchange_write_folder (BcCase            *case_,
                          BcExchangeFormat   format,
                          GFile             *folder,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  BcTable first = format == BC_EXCHANGE_GEPHI_CSV ? BC_TABLE_NODES : BC_TABLE_EVENTS;
  BcTable last = format == BC_EXCHANGE_GEPHI_CSV ? BC_TABLE_EDGES : BC_TABLE_ANNOTATIONS;

  g_return_val_if_fail (bc_exchange_format_has_tables (format), FALSE);

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (BcTable t = first; t <= last; t++)
    {
      g_autofree char *name = g_strconcat (bc_table_get_name (t), ".csv", NULL);
      g_autoptr(GFile) file = g_file_get_child (folder, name);

      if (!bc_exchange_write_file (case_, format, t, file, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* The network */

static void
graph_edge_free (BcGraphEdge *edge)
{
  g_free (edge->id);
  g_free (edge);
}

static BcGraphEdge *
graph_edge_add (GPtrArray  *edges,
                char       *id,
                const char *source,
                const char *target,
                const char *kind)
{
  BcGraphEdge *edge = g_new0 (BcGraphEdge, 1);

  edge->id = id;
  edge->source = source;
  edge->target = target;
  edge->kind = kind;
  g_ptr_array_add (edges, edge);
  return edge;
}

static void
span_of_ends (BcCase      *case_,
              const char  *from,
              const char  *to,
              BcGraphEdge *edge)
{
  BcEvent *a = bc_case_lookup_event (case_, from);
  BcEvent *b = bc_case_lookup_event (case_, to);

  if (a == NULL || b == NULL)
    return;
  edge->first = MIN (bc_event_get_first_day (a), bc_event_get_first_day (b));
  edge->last = MAX (bc_event_get_last_day (a), bc_event_get_last_day (b));
}

/**
 * _bc_graph_edges:
 * @case_: a case
 *
 * Returns: (transfer full) (element-type BcGraphEdge): the edges, in the
 *   order of the case: transfers, links, participation, membership. The
 *   strings they point to belong to @case_.
 */
GPtrArray *
_bc_graph_edges (BcCase *case_)
{
  GPtrArray *edges = g_ptr_array_new_with_free_func ((GDestroyNotify) graph_edge_free);
  GListModel *transfers = bc_case_get_transfers (case_);
  GListModel *links = bc_case_get_links (case_);
  GListModel *events = bc_case_get_events (case_);
  GListModel *actors = bc_case_get_actors (case_);

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      BcGraphEdge *edge = graph_edge_add (edges, g_strdup (bc_item_get_id (BC_ITEM (transfer))),
                                          bc_transfer_get_from (transfer),
                                          bc_transfer_get_to (transfer), "transfer");

      edge->relation = bc_enum_to_nick (BC_TYPE_MECHANISM, bc_transfer_get_mechanism (transfer));
      edge->label = bc_transfer_get_title (transfer);
      edge->transfer = transfer;
      span_of_ends (case_, edge->source, edge->target, edge);
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);
      BcGraphEdge *edge = graph_edge_add (edges, g_strdup_printf ("link:%u", i + 1),
                                          bc_link_get_from (link), bc_link_get_to (link), "link");

      edge->relation = bc_enum_to_nick (BC_TYPE_LINK_TYPE, bc_link_get_link_type (link));
      edge->label = edge->relation;
      span_of_ends (case_, edge->source, edge->target, edge);
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      const char * const *participants = bc_event_get_participants (event);

      for (guint p = 0; participants != NULL && participants[p] != NULL; p++)
        {
          BcGraphEdge *edge = graph_edge_add (edges,
                                              g_strdup_printf ("participant:%s:%s", bc_item_get_id (BC_ITEM (event)),
                                                               participants[p]),
                                              participants[p], bc_item_get_id (BC_ITEM (event)),
                                              "participant");

          edge->relation = "participant";
          edge->label = edge->relation;
          _bc_event_span (event, &edge->first, &edge->last);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);
      const char * const *groups = bc_actor_get_member_of (actor);

      for (guint g = 0; groups != NULL && groups[g] != NULL; g++)
        {
          BcGraphEdge *edge = graph_edge_add (edges,
                                              g_strdup_printf ("member:%s:%s", bc_item_get_id (BC_ITEM (actor)),
                                                               groups[g]),
                                              bc_item_get_id (BC_ITEM (actor)), groups[g],
                                              "member-of");

          edge->relation = "member-of";
          edge->label = edge->relation;
        }
    }

  /* The objects stay alive in the case while the caller holds it. */
  return edges;
}

/* An actor's position as a span of days: an open end runs to the edge of
 * the case's time. FALSE when the case has no time at all. */
gboolean
_bc_actor_span (BcCase     *case_,
                BcPosition *position,
                guint32    *first,
                guint32    *last)
{
  guint32 case_first = 0, case_last = 0;

  if (!bc_case_get_time_span (case_, &case_first, &case_last))
    return FALSE;

  /* An open end runs to the edge of the case's time, or no further
   * than the other end where that lies outside it. */
  *first = bc_date_is_set (position->from) ? bc_date_get_first_day (position->from) : 0;
  *last = bc_date_is_set (position->to) ? bc_date_get_last_day (position->to) : 0;
  if (*first == 0)
    *first = *last != 0 ? MIN (case_first, *last) : case_first;
  if (*last == 0)
    *last = MAX (case_last, *first);
  if (*last < *first)
    *last = *first;
  return TRUE;
}
