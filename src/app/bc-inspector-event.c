/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-inspector-private.h"

/* An event: what, when and where, who took part, and how it joins the
 * rest of the case. */

/* Callbacks */

static void
build_details (BcInspectorSection *section)
{
  GObject *event = section->object;

  _bc_inspector_add_entry (section, NULL, event, "title", NULL, _("Title"));
  _bc_inspector_add_choice (section, NULL, event, "event-type", NULL, _("Kind"), BC_TYPE_EVENT_TYPE);
  _bc_inspector_add_choice (section, NULL, event, "track", NULL, _("Track"), BC_TYPE_TRACK);
  _bc_inspector_add_entry (section, NULL, event, "date", NULL, _("Date"));
  _bc_inspector_add_entry (section, NULL, event, "end", NULL, _("End"));
  _bc_inspector_add_choice (section, NULL, event, "certainty", NULL, _("Certainty of the date"),
                            BC_TYPE_CERTAINTY);
  _bc_inspector_add_entry (section, NULL, event, "disclosed", NULL, _("Made public"));
  _bc_inspector_add_entry (section, NULL, event, "place", NULL, _("Place"));
  _bc_inspector_add_text (section, event, "description", NULL, _("Description"));
  _bc_inspector_add_entry (section, NULL, event, "id", NULL, _("Identifier"));
}

/* Private API */

void
_bc_inspector_show_event (BcInspector *self,
                          BcEvent     *event)
{
  _bc_inspector_add_section (self, G_OBJECT (event), _("Details"), build_details, NULL, NULL, NULL);
  _bc_inspector_add_references (self, BC_ITEM (event), _("Participants"), "participants",
                                _("Add Participant…"), _("Remove the participant"));
  _bc_inspector_add_transfers (self, BC_ITEM (event));
  _bc_inspector_add_links (self, event);
  _bc_inspector_add_evidence (self, BC_ITEM (event));
  _bc_inspector_add_annotations (self, G_OBJECT (event));
}
