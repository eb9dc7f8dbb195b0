/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-csv"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-event-private.h"
#include "bc-exchange-private.h"
#include "bc-transfer-private.h"

/* The CSV tables: RFC 4180 (CRLF, fields quoted only when they hold a
 * comma, a quote or a line break), UTF-8 without a byte-order mark, one
 * header row. Column names are the case format's own, so that a table
 * imports back unchanged (bc-csv-import.c). Lists inside a field are
 * written by _bc_list_append_item(). */

/* Auxiliary functions */

static void
header (GString            *out,
        const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    _bc_csv_append_field (out, columns[i]);
  _bc_csv_end_row (out);
}

static void
date_field (GString *out,
            BcDate   date)
{
  g_autofree char *text = bc_date_to_string (date);

  _bc_csv_append_field (out, text);
}

static void
owned_field (GString *out,
             char    *text)
{
  _bc_csv_append_field (out, text);
  g_free (text);
}

static void
write_events (BcCase  *case_,
              GString *out)
{
  static const char * const columns[] = {
    "id", "track", "type", "date", "end", "certainty", "disclosed", "title", "place",
    "participants", "description", "sources", NULL,
  };
  GListModel *events = bc_case_get_events (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      BcCertainty certainty = bc_event_get_certainty (event);

      _bc_csv_append_field (out, bc_item_get_id (BC_ITEM (event)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_TRACK, bc_event_get_track (event)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event)));
      date_field (out, bc_event_get_date (event));
      date_field (out, bc_event_get_end (event));
      /* The default is left empty unless the file said it. */
      _bc_csv_append_field (out, certainty != BC_CERTAINTY_EXACT || _bc_event_get_certainty_explicit (event)
                                 ? bc_enum_to_nick (BC_TYPE_CERTAINTY, certainty) : NULL);
      date_field (out, bc_event_get_disclosed (event));
      _bc_csv_append_field (out, bc_event_get_title (event));
      _bc_csv_append_field (out, bc_event_get_place (event));
      owned_field (out, _bc_strv_to_list (bc_event_get_participants (event)));
      _bc_csv_append_field (out, bc_event_get_description (event));
      owned_field (out, _bc_source_refs_to_list (bc_event_get_sources (event)));
      _bc_csv_end_row (out);
    }
}

static void
write_actors (BcCase  *case_,
              GString *out)
{
  static const char * const columns[] = {
    "id", "track", "type", "name", "role", "member-of", "positions", "description", "sources", NULL,
  };
  GListModel *actors = bc_case_get_actors (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);

      _bc_csv_append_field (out, bc_item_get_id (BC_ITEM (actor)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_TRACK, bc_actor_get_track (actor)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor)));
      _bc_csv_append_field (out, bc_actor_get_name (actor));
      _bc_csv_append_field (out, bc_actor_get_role (actor));
      owned_field (out, _bc_strv_to_list (bc_actor_get_member_of (actor)));
      owned_field (out, _bc_positions_to_list (bc_actor_get_positions (actor)));
      _bc_csv_append_field (out, bc_actor_get_description (actor));
      owned_field (out, _bc_source_refs_to_list (bc_actor_get_sources (actor)));
      _bc_csv_end_row (out);
    }
}

static void
write_transfers (BcCase  *case_,
                 GString *out)
{
  static const char * const columns[] = {
    "id", "from", "to", "mechanism", "status", "disclosed", "title", "description", "carriers",
    "sources", "direction", NULL,
  };
  GListModel *transfers = bc_case_get_transfers (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      BcTransferStatus status = bc_transfer_get_status (transfer);

      _bc_csv_append_field (out, bc_item_get_id (BC_ITEM (transfer)));
      _bc_csv_append_field (out, bc_transfer_get_from (transfer));
      _bc_csv_append_field (out, bc_transfer_get_to (transfer));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_MECHANISM, bc_transfer_get_mechanism (transfer)));
      _bc_csv_append_field (out, status != BC_STATUS_DOCUMENTED || _bc_transfer_get_status_explicit (transfer)
                                 ? bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS, status) : NULL);
      date_field (out, bc_transfer_get_disclosed (transfer));
      _bc_csv_append_field (out, bc_transfer_get_title (transfer));
      _bc_csv_append_field (out, bc_transfer_get_description (transfer));
      owned_field (out, _bc_strv_to_list (bc_transfer_get_carriers (transfer)));
      owned_field (out, _bc_source_refs_to_list (bc_transfer_get_sources (transfer)));
      /* Derived from the tracks of its ends, and ignored on import. */
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_DIRECTION,
                                                  bc_case_get_transfer_direction (case_, transfer)));
      _bc_csv_end_row (out);
    }
}

static void
write_sources (BcCase  *case_,
               GString *out)
{
  static const char * const columns[] = { "id", "type", "citation", "url", NULL };
  GListModel *sources = bc_case_get_sources (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) source = g_list_model_get_item (sources, i);

      _bc_csv_append_field (out, bc_item_get_id (BC_ITEM (source)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_SOURCE_TYPE, bc_source_get_source_type (source)));
      _bc_csv_append_field (out, bc_source_get_citation (source));
      _bc_csv_append_field (out, bc_source_get_url (source));
      _bc_csv_end_row (out);
    }
}

static void
write_links (BcCase  *case_,
             GString *out)
{
  static const char * const columns[] = { "from", "to", "type", NULL };
  GListModel *links = bc_case_get_links (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);

      _bc_csv_append_field (out, bc_link_get_from (link));
      _bc_csv_append_field (out, bc_link_get_to (link));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_LINK_TYPE, bc_link_get_link_type (link)));
      _bc_csv_end_row (out);
    }
}

static void
annotation_row (GString      *out,
                const char   *transfer,
                BcAnnotation *note)
{
  _bc_csv_append_field (out, transfer);
  _bc_csv_append_field (out, bc_annotation_get_about (note));
  _bc_csv_append_field (out, bc_annotation_get_author (note));
  _bc_csv_append_field (out, bc_annotation_get_created (note));
  _bc_csv_append_field (out, bc_annotation_get_text (note));
  _bc_csv_end_row (out);
}

/* The annotations kept with transfers first, naming their transfer, then
 * those of the case, with what they are about. */
static void
write_annotations (BcCase  *case_,
                   GString *out)
{
  static const char * const columns[] = { "transfer", "about", "author", "created", "text", NULL };
  GListModel *transfers = bc_case_get_transfers (case_);
  GListModel *notes = bc_case_get_annotations (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      GListModel *held = bc_transfer_get_annotations (transfer);

      for (guint n = 0; n < g_list_model_get_n_items (held); n++)
        {
          g_autoptr(BcAnnotation) note = g_list_model_get_item (held, n);

          annotation_row (out, bc_item_get_id (BC_ITEM (transfer)), note);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(BcAnnotation) note = g_list_model_get_item (notes, i);

      annotation_row (out, NULL, note);
    }
}

/* Gephi's "Time Interval" column: <[start, end]; [start, end]> with full
 * dates, as its spreadsheet importer reads them. */
static void
interval_append (GString *intervals,
                 guint32  first,
                 guint32  last)
{
  g_autofree char *a = _bc_julian_iso (first);
  g_autofree char *b = _bc_julian_iso (last);

  g_string_append_printf (intervals, "%s[%s, %s]", intervals->len > 1 ? "; " : "", a, b);
}

static void
interval_field (GString *out,
                GString *intervals)
{
  if (intervals->len > 1)
    {
      g_string_append_c (intervals, '>');
      _bc_csv_append_field (out, intervals->str);
    }
  else
    _bc_csv_append_field (out, NULL);
}

static void
write_gephi_nodes (BcCase  *case_,
                   GString *out)
{
  static const char * const columns[] = {
    "Id", "Label", "Kind", "Track", "Type", "Date", "End", "Certainty", "Place", "Role",
    "Time Interval", NULL,
  };
  GListModel *events = bc_case_get_events (case_);
  GListModel *actors = bc_case_get_actors (case_);

  header (out, columns);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GString) intervals = g_string_new ("<");
      guint32 first, last;

      _bc_csv_append_field (out, bc_item_get_id (BC_ITEM (event)));
      _bc_csv_append_field (out, bc_event_get_title (event));
      _bc_csv_append_field (out, "event");
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_TRACK, bc_event_get_track (event)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event)));
      date_field (out, bc_event_get_date (event));
      date_field (out, bc_event_get_end (event));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_CERTAINTY, bc_event_get_certainty (event)));
      _bc_csv_append_field (out, bc_event_get_place (event));
      _bc_csv_append_field (out, NULL);
      _bc_event_span (event, &first, &last);
      if (first != 0)
        interval_append (intervals, first, last);
      interval_field (out, intervals);
      _bc_csv_end_row (out);
    }
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);
      g_autoptr(GString) intervals = g_string_new ("<");
      GPtrArray *positions = bc_actor_get_positions (actor);

      _bc_csv_append_field (out, bc_item_get_id (BC_ITEM (actor)));
      _bc_csv_append_field (out, bc_actor_get_name (actor));
      _bc_csv_append_field (out, "actor");
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_TRACK, bc_actor_get_track (actor)));
      _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor)));
      _bc_csv_append_field (out, NULL);
      _bc_csv_append_field (out, NULL);
      _bc_csv_append_field (out, NULL);
      _bc_csv_append_field (out, NULL);
      _bc_csv_append_field (out, bc_actor_get_role (actor));
      for (guint p = 0; positions != NULL && p < positions->len; p++)
        {
          guint32 first, last;

          if (_bc_actor_span (case_, g_ptr_array_index (positions, p), &first, &last))
            interval_append (intervals, first, last);
        }
      interval_field (out, intervals);
      _bc_csv_end_row (out);
    }
}

static void
write_gephi_edges (BcCase  *case_,
                   GString *out)
{
  static const char * const columns[] = {
    "Source", "Target", "Type", "Id", "Label", "Kind", "Relation", "Mechanism", "Status",
    "Direction", "Time Interval", NULL,
  };
  g_autoptr(GPtrArray) edges = _bc_graph_edges (case_);

  header (out, columns);
  for (guint i = 0; i < edges->len; i++)
    {
      BcGraphEdge *edge = g_ptr_array_index (edges, i);
      g_autoptr(GString) intervals = g_string_new ("<");

      _bc_csv_append_field (out, edge->source);
      _bc_csv_append_field (out, edge->target);
      _bc_csv_append_field (out, "Directed");
      _bc_csv_append_field (out, edge->id);
      _bc_csv_append_field (out, edge->label);
      _bc_csv_append_field (out, edge->kind);
      _bc_csv_append_field (out, edge->relation);
      if (edge->transfer != NULL)
        {
          _bc_csv_append_field (out, edge->relation);
          _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS,
                                                      bc_transfer_get_status (edge->transfer)));
          _bc_csv_append_field (out, bc_enum_to_nick (BC_TYPE_DIRECTION,
                                                      bc_case_get_transfer_direction (case_, edge->transfer)));
        }
      else
        {
          _bc_csv_append_field (out, NULL);
          _bc_csv_append_field (out, NULL);
          _bc_csv_append_field (out, NULL);
        }
      if (edge->first != 0)
        interval_append (intervals, edge->first, edge->last);
      interval_field (out, intervals);
      _bc_csv_end_row (out);
    }
}

/* Public API */

/**
 * bc_csv_write_table:
 * @case_: a case
 * @table: which table
 *
 * Returns: (transfer full): the table as CSV
 */
GBytes *
bc_csv_write_table (BcCase  *case_,
                    BcTable  table)
{
  GString *out = g_string_new (NULL);

  switch (table)
    {
    case BC_TABLE_EVENTS:
      write_events (case_, out);
      break;
    case BC_TABLE_ACTORS:
      write_actors (case_, out);
      break;
    case BC_TABLE_TRANSFERS:
      write_transfers (case_, out);
      break;
    case BC_TABLE_SOURCES:
      write_sources (case_, out);
      break;
    case BC_TABLE_LINKS:
      write_links (case_, out);
      break;
    case BC_TABLE_ANNOTATIONS:
      write_annotations (case_, out);
      break;
    case BC_TABLE_NODES:
      write_gephi_nodes (case_, out);
      break;
    case BC_TABLE_EDGES:
      write_gephi_edges (case_, out);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free_to_bytes (out);
}
