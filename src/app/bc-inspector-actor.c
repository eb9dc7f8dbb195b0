/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-inspector-private.h"

/* An actor: who it is, where it stood, what it took part in. */

/* Auxiliary functions */

static gboolean
takes_part (BcEvent *event,
            BcActor *actor)
{
  const char * const *participants = bc_event_get_participants (event);

  return participants != NULL && g_strv_contains (participants, bc_item_get_id (BC_ITEM (actor)));
}

/* Callbacks */

static void
build_details (BcInspectorSection *section)
{
  GObject *actor = section->object;

  _bc_inspector_add_entry (section, NULL, actor, "name", NULL, _("Name"));
  _bc_inspector_add_entry (section, NULL, actor, "role", NULL, _("Role"));
  _bc_inspector_add_choice (section, NULL, actor, "track", NULL, _("Track"), BC_TYPE_TRACK);
  _bc_inspector_add_choice (section, NULL, actor, "actor-type", NULL, _("Kind"), BC_TYPE_ACTOR_TYPE);
  _bc_inspector_add_text (section, actor, "description", NULL, _("Description"));
  _bc_inspector_add_entry (section, NULL, actor, "id", NULL, _("Identifier"));
}

static char *
events_signature (BcInspectorSection *section)
{
  BcActor *actor = BC_ACTOR (section->object);
  GListModel *events = bc_case_get_events (_bc_inspector_get_current_case (section->inspector));
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;

      if (!takes_part (event, actor))
        continue;
      date = bc_date_to_string (bc_event_get_date (event));
      g_string_append_printf (signature, "%s\n%s\n%s\n", bc_item_get_id (BC_ITEM (event)),
                              bc_event_get_title (event), date ? date : "");
    }
  return g_string_free (signature, FALSE);
}

static void
build_events (BcInspectorSection *section)
{
  BcActor *actor = BC_ACTOR (section->object);
  GListModel *events = bc_case_get_events (_bc_inspector_get_current_case (section->inspector));

  section->hide_when_empty = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;

      if (!takes_part (event, actor))
        continue;
      date = bc_date_to_string (bc_event_get_date (event));
      _bc_inspector_add_item_row (section, BC_ITEM (event), date);
    }
}

/* Private API */

void
_bc_inspector_show_actor (BcInspector *self,
                          BcActor     *actor)
{
  _bc_inspector_add_section (self, G_OBJECT (actor), _("Details"), build_details, NULL, NULL, NULL);
  _bc_inspector_add_references (self, BC_ITEM (actor), _("Member Of"), "member-of",
                                _("Add Membership…"), _("Remove the membership"));
  _bc_inspector_add_positions (self, actor);
  _bc_inspector_add_section (self, G_OBJECT (actor), _("Takes Part In"), build_events, events_signature,
                             NULL, NULL);
  _bc_inspector_add_transfers (self, BC_ITEM (actor));
  _bc_inspector_add_evidence (self, BC_ITEM (actor));
  _bc_inspector_add_annotations (self, G_OBJECT (actor));
}
