/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-graphml"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"

/* GraphML with typed keys (attr.name, attr.type), one graph, directed.
 * The same nodes and edges as the GEXF; time is given as the first and
 * last day of each (GraphML has no notion of time) besides the dates as
 * the case writes them. */

typedef struct
{
  const char *id;
  const char *domain;
  const char *type;
} Key;

static const Key keys[] = {
  { "kind", "node", "string" },
  { "label", "node", "string" },
  { "track", "node", "string" },
  { "type", "node", "string" },
  { "date", "node", "string" },
  { "end", "node", "string" },
  { "first-day", "node", "string" },
  { "last-day", "node", "string" },
  { "certainty", "node", "string" },
  { "disclosed", "node", "string" },
  { "place", "node", "string" },
  { "role", "node", "string" },
  { "positions", "node", "string" },
  { "description", "node", "string" },
  { "participants", "node", "int" },
  { "sources", "node", "int" },
  { "e-kind", "edge", "string" },
  { "e-label", "edge", "string" },
  { "relation", "edge", "string" },
  { "mechanism", "edge", "string" },
  { "status", "edge", "string" },
  { "direction", "edge", "string" },
  { "e-first-day", "edge", "string" },
  { "e-last-day", "edge", "string" },
  { "crosses-tracks", "edge", "boolean" },
};

/* Auxiliary functions */

static void
data (GString    *out,
      const char *key,
      const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "      <data key=\"%s\">", key);
  _bc_xml_append_escaped (out, value);
  g_string_append (out, "</data>\n");
}

static void
data_owned (GString    *out,
            const char *key,
            char       *value)
{
  data (out, key, value);
  g_free (value);
}

static void
node_open (GString    *out,
           const char *id)
{
  g_string_append (out, "    <node id=\"");
  _bc_xml_append_escaped (out, id);
  g_string_append (out, "\">\n");
}

static void
write_event (GString *out,
             BcEvent *event)
{
  const char * const *participants = bc_event_get_participants (event);
  GPtrArray *sources = bc_event_get_sources (event);
  guint32 first, last;

  node_open (out, bc_item_get_id (BC_ITEM (event)));
  data (out, "kind", "event");
  data (out, "label", bc_event_get_title (event));
  data (out, "track", bc_enum_to_nick (BC_TYPE_TRACK, bc_event_get_track (event)));
  data (out, "type", bc_enum_to_nick (BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event)));
  data_owned (out, "date", bc_date_to_string (bc_event_get_date (event)));
  data_owned (out, "end", bc_date_to_string (bc_event_get_end (event)));
  _bc_event_span (event, &first, &last);
  if (first != 0)
    {
      data_owned (out, "first-day", _bc_julian_iso (first));
      data_owned (out, "last-day", _bc_julian_iso (last));
    }
  data (out, "certainty", bc_enum_to_nick (BC_TYPE_CERTAINTY, bc_event_get_certainty (event)));
  data_owned (out, "disclosed", bc_date_to_string (bc_event_get_disclosed (event)));
  data (out, "place", bc_event_get_place (event));
  data (out, "description", bc_event_get_description (event));
  data_owned (out, "participants",
              g_strdup_printf ("%u", participants ? g_strv_length ((char **) participants) : 0));
  data_owned (out, "sources", g_strdup_printf ("%u", sources ? sources->len : 0));
  g_string_append (out, "    </node>\n");
}

static void
write_actor (GString *out,
             BcActor *actor)
{
  GPtrArray *sources = bc_actor_get_sources (actor);

  node_open (out, bc_item_get_id (BC_ITEM (actor)));
  data (out, "kind", "actor");
  data (out, "label", bc_actor_get_name (actor));
  data (out, "track", bc_enum_to_nick (BC_TYPE_TRACK, bc_actor_get_track (actor)));
  data (out, "type", bc_enum_to_nick (BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor)));
  data (out, "role", bc_actor_get_role (actor));
  data_owned (out, "positions", _bc_positions_to_list (bc_actor_get_positions (actor)));
  data (out, "description", bc_actor_get_description (actor));
  data_owned (out, "sources", g_strdup_printf ("%u", sources ? sources->len : 0));
  g_string_append (out, "    </node>\n");
}

static void
write_edge (GString     *out,
            BcCase      *case_,
            BcGraphEdge *edge)
{
  g_string_append (out, "    <edge id=\"");
  _bc_xml_append_escaped (out, edge->id);
  g_string_append (out, "\" source=\"");
  _bc_xml_append_escaped (out, edge->source);
  g_string_append (out, "\" target=\"");
  _bc_xml_append_escaped (out, edge->target);
  g_string_append (out, "\">\n");
  data (out, "e-kind", edge->kind);
  data (out, "e-label", edge->label);
  data (out, "relation", edge->relation);
  if (edge->transfer != NULL)
    {
      BcDirection direction = bc_case_get_transfer_direction (case_, edge->transfer);

      data (out, "mechanism", edge->relation);
      data (out, "status", bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS,
                                            bc_transfer_get_status (edge->transfer)));
      data (out, "direction", bc_enum_to_nick (BC_TYPE_DIRECTION, direction));
      data (out, "crosses-tracks", direction == BC_DIRECTION_ACROSS ? "false" : "true");
    }
  if (edge->first != 0)
    {
      data_owned (out, "e-first-day", _bc_julian_iso (edge->first));
      data_owned (out, "e-last-day", _bc_julian_iso (edge->last));
    }
  g_string_append (out, "    </edge>\n");
}

/* Public API */

/**
 * bc_graphml_write:
 * @case_: a case
 *
 * Returns: (transfer full): the case as a GraphML graph
 */
GBytes *
bc_graphml_write (BcCase *case_)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  GListModel *events = bc_case_get_events (case_);
  GListModel *actors = bc_case_get_actors (case_);
  g_autoptr(GPtrArray) edges = _bc_graph_edges (case_);

  g_string_append (out,
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  g_string_append (out, "  <desc>");
  _bc_xml_append_escaped (out, bc_case_get_title (case_));
  g_string_append (out, "</desc>\n");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      /* attr.name is what readers show; the e- prefix only keeps the ids
       * of node and edge keys apart. */
      const char *name = g_str_has_prefix (keys[i].id, "e-") ? keys[i].id + 2 : keys[i].id;

      g_string_append_printf (out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                              keys[i].id, keys[i].domain, name, keys[i].type);
    }
  g_string_append (out, "  <graph id=\"");
  _bc_xml_append_escaped (out, bc_case_get_id (case_));
  g_string_append (out, "\" edgedefault=\"directed\">\n");

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      write_event (out, event);
    }
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);

      write_actor (out, actor);
    }
  for (guint i = 0; i < edges->len; i++)
    write_edge (out, case_, g_ptr_array_index (edges, i));

  g_string_append (out, "  </graph>\n</graphml>\n");
  return g_string_free_to_bytes (out);
}
