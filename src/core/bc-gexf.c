/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-gexf"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-exchange-private.h"

/* GEXF 1.2 for Gephi and networkx, dynamic: every node and edge has its
 * time as spells of full dates (timeformat="date"), an actor's track over
 * time is a dynamic attribute. The namespace is 1.2draft's, the one that
 * Gephi writes for 1.2 and the only 1.2 namespace that networkx 2.8
 * reads; the published 1.2 schema differs from it in the namespace alone
 * (tests/exchange/check-gexf.py validates with it). */

#define GEXF_NS "http://www.gexf.net/1.2draft"

/* Auxiliary functions */

static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  _bc_xml_append_escaped (out, value);
  g_string_append_c (out, '"');
}

static void
attvalue (GString    *out,
          const char *key,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append (out, "        <attvalue");
  attr (out, "for", key);
  attr (out, "value", value);
  g_string_append (out, "/>\n");
}

static void
date_attvalue (GString    *out,
               const char *key,
               BcDate      date)
{
  g_autofree char *text = bc_date_to_string (date);

  attvalue (out, key, text);
}

static void
spell (GString *out,
       guint32  first,
       guint32  last)
{
  g_autofree char *a = _bc_julian_iso (first);
  g_autofree char *b = _bc_julian_iso (last);

  g_string_append_printf (out, "        <spell start=\"%s\" end=\"%s\"/>\n", a, b);
}

static void
declare (GString    *out,
         const char *id,
         const char *type)
{
  g_string_append_printf (out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", id, id, type);
}

static void
write_event (GString *out,
             BcEvent *event)
{
  guint32 first, last;
  const char * const *participants = bc_event_get_participants (event);
  GPtrArray *sources = bc_event_get_sources (event);

  g_string_append (out, "    <node");
  attr (out, "id", bc_item_get_id (BC_ITEM (event)));
  attr (out, "label", bc_event_get_title (event));
  g_string_append (out, ">\n      <attvalues>\n");
  attvalue (out, "kind", "event");
  attvalue (out, "track", bc_enum_to_nick (BC_TYPE_TRACK, bc_event_get_track (event)));
  attvalue (out, "type", bc_enum_to_nick (BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event)));
  date_attvalue (out, "date", bc_event_get_date (event));
  date_attvalue (out, "end", bc_event_get_end (event));
  attvalue (out, "certainty", bc_enum_to_nick (BC_TYPE_CERTAINTY, bc_event_get_certainty (event)));
  date_attvalue (out, "disclosed", bc_event_get_disclosed (event));
  attvalue (out, "place", bc_event_get_place (event));
  attvalue (out, "description", bc_event_get_description (event));
  {
    g_autofree char *n_participants = g_strdup_printf ("%u", participants ? g_strv_length ((char **) participants) : 0);
    g_autofree char *n_sources = g_strdup_printf ("%u", sources ? sources->len : 0);

    attvalue (out, "participants", n_participants);
    attvalue (out, "sources", n_sources);
  }
  g_string_append (out, "      </attvalues>\n");
  _bc_event_span (event, &first, &last);
  if (first != 0)
    {
      g_string_append (out, "      <spells>\n");
      spell (out, first, last);
      g_string_append (out, "      </spells>\n");
    }
  g_string_append (out, "    </node>\n");
}

static void
write_actor (GString *out,
             BcCase  *case_,
             BcActor *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);
  GPtrArray *sources = bc_actor_get_sources (actor);
  g_autofree char *n_sources = g_strdup_printf ("%u", sources ? sources->len : 0);
  g_autoptr(GString) spells = g_string_new (NULL);

  g_string_append (out, "    <node");
  attr (out, "id", bc_item_get_id (BC_ITEM (actor)));
  attr (out, "label", bc_actor_get_name (actor));
  g_string_append (out, ">\n      <attvalues>\n");
  attvalue (out, "kind", "actor");
  attvalue (out, "track", bc_enum_to_nick (BC_TYPE_TRACK, bc_actor_get_track (actor)));
  attvalue (out, "type", bc_enum_to_nick (BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor)));
  attvalue (out, "role", bc_actor_get_role (actor));
  attvalue (out, "description", bc_actor_get_description (actor));
  attvalue (out, "sources", n_sources);

  /* Where the actor stood, over time: the canvas's participant
   * crossover, as Gephi's timeline shows it. */
  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      BcPosition *position = g_ptr_array_index (positions, i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      guint32 first, last;

      if (!_bc_actor_span (case_, position, &first, &last))
        continue;
      a = _bc_julian_iso (first);
      b = _bc_julian_iso (last);
      g_string_append (out, "        <attvalue for=\"position-track\"");
      attr (out, "value", bc_enum_to_nick (BC_TYPE_TRACK, position->track));
      g_string_append_printf (out, " start=\"%s\" end=\"%s\"/>\n", a, b);
      g_string_append_printf (spells, "        <spell start=\"%s\" end=\"%s\"/>\n", a, b);
    }
  g_string_append (out, "      </attvalues>\n");
  if (spells->len > 0)
    g_string_append_printf (out, "      <spells>\n%s      </spells>\n", spells->str);
  g_string_append (out, "    </node>\n");
}

static void
write_edge (GString     *out,
            BcCase      *case_,
            BcGraphEdge *edge)
{
  g_string_append (out, "    <edge");
  attr (out, "id", edge->id);
  attr (out, "source", edge->source);
  attr (out, "target", edge->target);
  attr (out, "label", edge->label);
  g_string_append (out, ">\n      <attvalues>\n");
  attvalue (out, "kind", edge->kind);
  attvalue (out, "relation", edge->relation);
  if (edge->transfer != NULL)
    {
      attvalue (out, "mechanism", edge->relation);
      attvalue (out, "status", bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS,
                                                bc_transfer_get_status (edge->transfer)));
      attvalue (out, "direction", bc_enum_to_nick (BC_TYPE_DIRECTION,
                                                   bc_case_get_transfer_direction (case_, edge->transfer)));
    }
  g_string_append (out, "      </attvalues>\n");
  if (edge->first != 0)
    {
      g_string_append (out, "      <spells>\n");
      spell (out, edge->first, edge->last);
      g_string_append (out, "      </spells>\n");
    }
  g_string_append (out, "    </edge>\n");
}

/* Public API */

/**
 * bc_gexf_write:
 * @case_: a case
 *
 * Returns: (transfer full): the case as a dynamic GEXF 1.2 graph
 */
GBytes *
bc_gexf_write (BcCase *case_)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  GListModel *events = bc_case_get_events (case_);
  GListModel *actors = bc_case_get_actors (case_);
  g_autoptr(GPtrArray) edges = _bc_graph_edges (case_);
  guint32 first = 0, last = 0;

  g_string_append (out, "<gexf xmlns=\"" GEXF_NS "\" version=\"1.2\">\n");
  g_string_append (out, "  <meta>\n    <creator>Backchannel " PACKAGE_VERSION "</creator>\n");
  g_string_append (out, "    <description>");
  _bc_xml_append_escaped (out, bc_case_get_title (case_));
  g_string_append (out, "</description>\n  </meta>\n");

  g_string_append (out, "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\"");
  if (bc_case_get_time_span (case_, &first, &last))
    {
      g_autofree char *a = _bc_julian_iso (first);
      g_autofree char *b = _bc_julian_iso (last);

      g_string_append_printf (out, " start=\"%s\" end=\"%s\"", a, b);
    }
  g_string_append (out, ">\n");

  g_string_append (out, "    <attributes class=\"node\" mode=\"static\">\n");
  declare (out, "kind", "string");
  declare (out, "track", "string");
  declare (out, "type", "string");
  declare (out, "date", "string");
  declare (out, "end", "string");
  declare (out, "certainty", "string");
  declare (out, "disclosed", "string");
  declare (out, "place", "string");
  declare (out, "role", "string");
  declare (out, "description", "string");
  declare (out, "participants", "integer");
  declare (out, "sources", "integer");
  g_string_append (out, "    </attributes>\n");
  g_string_append (out, "    <attributes class=\"node\" mode=\"dynamic\">\n");
  declare (out, "position-track", "string");
  g_string_append (out, "    </attributes>\n");
  g_string_append (out, "    <attributes class=\"edge\" mode=\"static\">\n");
  declare (out, "kind", "string");
  declare (out, "relation", "string");
  declare (out, "mechanism", "string");
  declare (out, "status", "string");
  declare (out, "direction", "string");
  g_string_append (out, "    </attributes>\n");

  g_string_append_printf (out, "    <nodes count=\"%u\">\n",
                          g_list_model_get_n_items (events) + g_list_model_get_n_items (actors));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      write_event (out, event);
    }
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);

      write_actor (out, case_, actor);
    }
  g_string_append (out, "    </nodes>\n");

  g_string_append_printf (out, "    <edges count=\"%u\">\n", edges->len);
  for (guint i = 0; i < edges->len; i++)
    write_edge (out, case_, g_ptr_array_index (edges, i));
  g_string_append (out, "    </edges>\n  </graph>\n</gexf>\n");

  return g_string_free_to_bytes (out);
}
