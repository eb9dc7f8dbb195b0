/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-kumu"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"

/* Kumu's JSON blueprint: {"elements": […], "connections": […]}. Every
 * element carries an "id" (Kumu's ID field), which connections name in
 * "from" and "to", so that two events of one title stay two elements;
 * "label", "type" ("Event" or "Actor"), "description" and "tags" are
 * Kumu's own fields, the rest custom fields. */

/* Auxiliary functions */

static void
field (GString    *out,
       const char *name,
       const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, ", ");
  _bc_json_append_string (out, name);
  g_string_append (out, ": ");
  _bc_json_append_string (out, value);
}

static void
element_open (GString    *out,
              gboolean    first,
              const char *id,
              const char *label,
              const char *type)
{
  g_string_append (out, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
  _bc_json_append_string (out, id);
  field (out, "label", label);
  field (out, "type", type);
}

/* Public API */

/**
 * bc_kumu_write:
 * @case_: a case
 *
 * Returns: (transfer full): the case as a Kumu JSON blueprint
 */
GBytes *
bc_kumu_write (BcCase *case_)
{
  GString *out = g_string_new ("{\n  \"elements\": [");
  GListModel *events = bc_case_get_events (case_);
  GListModel *actors = bc_case_get_actors (case_);
  g_autoptr(GPtrArray) edges = _bc_graph_edges (case_);
  gboolean first = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = bc_date_to_string (bc_event_get_date (event));
      g_autofree char *end = bc_date_to_string (bc_event_get_end (event));
      const char *track = bc_track_get_label (bc_event_get_track (event));
      const char *type = bc_enum_to_nick (BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event));

      element_open (out, first, bc_item_get_id (BC_ITEM (event)), bc_event_get_title (event), "Event");
      first = FALSE;
      field (out, "description", bc_event_get_description (event));
      g_string_append (out, ", \"tags\": [");
      _bc_json_append_string (out, track);
      g_string_append (out, ", ");
      _bc_json_append_string (out, type);
      g_string_append_c (out, ']');
      field (out, "track", bc_enum_to_nick (BC_TYPE_TRACK, bc_event_get_track (event)));
      field (out, "event type", type);
      field (out, "date", date);
      field (out, "end", end);
      field (out, "certainty", bc_enum_to_nick (BC_TYPE_CERTAINTY, bc_event_get_certainty (event)));
      field (out, "place", bc_event_get_place (event));
      g_string_append_c (out, '}');
    }
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);
      const char *track = bc_track_get_label (bc_actor_get_track (actor));
      const char *type = bc_enum_to_nick (BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor));

      element_open (out, first, bc_item_get_id (BC_ITEM (actor)), bc_actor_get_name (actor), "Actor");
      first = FALSE;
      field (out, "description", bc_actor_get_description (actor));
      g_string_append (out, ", \"tags\": [");
      _bc_json_append_string (out, track);
      g_string_append (out, ", ");
      _bc_json_append_string (out, type);
      g_string_append_c (out, ']');
      field (out, "track", bc_enum_to_nick (BC_TYPE_TRACK, bc_actor_get_track (actor)));
      field (out, "actor type", type);
      field (out, "role", bc_actor_get_role (actor));
      g_string_append_c (out, '}');
    }
  g_string_append (out, first ? "],\n  \"connections\": [" : "\n  ],\n  \"connections\": [");

  for (guint i = 0; i < edges->len; i++)
    {
      BcGraphEdge *edge = g_ptr_array_index (edges, i);

      g_string_append (out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
      _bc_json_append_string (out, edge->id);
      field (out, "from", edge->source);
      field (out, "to", edge->target);
      field (out, "type", edge->kind);
      field (out, "direction", "directed");
      field (out, "label", edge->label);
      field (out, "relation", edge->relation);
      if (edge->transfer != NULL)
        {
          field (out, "mechanism", edge->relation);
          field (out, "status", bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS,
                                                 bc_transfer_get_status (edge->transfer)));
          field (out, "track direction", bc_enum_to_nick (BC_TYPE_DIRECTION,
                                                          bc_case_get_transfer_direction (case_, edge->transfer)));
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, edges->len ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free_to_bytes (out);
}
