/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-inspector-private.h"
#include "bc-item-picker.h"

/* A transfer: what passed from one track to another, between which
 * events, and who carried it. */

/* Auxiliary functions */

static const char *
direction_text (BcCase     *case_,
                BcTransfer *transfer)
{
  switch (bc_case_get_transfer_direction (case_, transfer))
    {
    case BC_DIRECTION_UPWARD:
      return _("Upward, towards Track 1");
    case BC_DIRECTION_DOWNWARD:
      return _("Downward, from the official track");
    case BC_DIRECTION_ACROSS:
    default:
      return _("Across tracks of the same level");
    }
}

/* Callbacks */

static void
build_details (BcInspectorSection *section)
{
  GObject *transfer = section->object;

  _bc_inspector_add_entry (section, NULL, transfer, "title", NULL, _("Title"));
  _bc_inspector_add_choice (section, NULL, transfer, "mechanism", NULL, _("Mechanism"), BC_TYPE_MECHANISM);
  _bc_inspector_add_choice (section, NULL, transfer, "status", NULL, _("Status"), BC_TYPE_TRANSFER_STATUS);
  _bc_inspector_add_entry (section, NULL, transfer, "disclosed", NULL, _("Made public"));
  _bc_inspector_add_text (section, transfer, "description", NULL, _("Description"));
  _bc_inspector_add_entry (section, NULL, transfer, "id", NULL, _("Identifier"));
}

typedef struct
{
  BcInspectorSection *section;
  char               *key;
} EndPicker;

static void
end_picker_free (gpointer data)
{
  EndPicker *picker = data;

  g_free (picker->key);
  g_free (picker);
}

static void
end_chosen (BcItemPicker *picker,
            BcItem       *item,
            EndPicker    *end)
{
  GtkWidget *widget = _bc_inspector_section_lookup (end->section, end->key);
  BcInspectorField *field = widget ? _bc_inspector_field_from_widget (widget) : NULL;

  if (field != NULL)
    _bc_inspector_field_choose_item (field, item);
}

/* Every other event: one on the same track as the other end is
 * refused, with the rule's message under the end. */
static gboolean
not_this_end (BcItem   *item,
              gpointer  user_data)
{
  EndPicker *end = user_data;
  BcTransfer *transfer = BC_TRANSFER (end->section->object);
  const char *id = g_str_equal (end->key, "from") ? bc_transfer_get_from (transfer)
                                                  : bc_transfer_get_to (transfer);

  return g_strcmp0 (bc_item_get_id (item), id) != 0;
}

static GtkWidget *
end_picker_new (BcInspectorSection *section,
                const char         *key)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  gboolean from = g_str_equal (key, "from");
  GtkWidget *picker = bc_item_picker_new (bc_case_get_events (case_),
                                          from ? _("Search the event it leaves")
                                               : _("Search the event it reaches"));
  EndPicker *end = g_new0 (EndPicker, 1);

  end->section = section;
  end->key = g_strdup (key);
  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), not_this_end, end, NULL);
  g_signal_connect_data (picker, "item-chosen", G_CALLBACK (end_chosen), end,
                         (GClosureNotify) (void (*) (void)) end_picker_free, 0);
  return picker;
}

static void
update_passage (BcInspectorSection *section)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (section->group),
                                         direction_text (case_, BC_TRANSFER (section->object)));
  /* The ends are named by their events' titles, dates and tracks. */
  for (guint i = 0; i < section->fields->len; i++)
    _bc_inspector_field_load (g_ptr_array_index (section->fields, i));
}

static void
build_passage (BcInspectorSection *section)
{
  section->update = update_passage;
  update_passage (section);
  _bc_inspector_add_item_field (section, section->object, "from", NULL, _("From"),
                                _("Choose the event it leaves"), end_picker_new);
  _bc_inspector_add_item_field (section, section->object, "to", NULL, _("To"),
                                _("Choose the event it reaches"), end_picker_new);
}

/* Private API */

void
_bc_inspector_show_transfer (BcInspector *self,
                             BcTransfer  *transfer)
{
  _bc_inspector_add_section (self, G_OBJECT (transfer), _("Details"), build_details, NULL, NULL, NULL);
  _bc_inspector_add_section (self, G_OBJECT (transfer), _("Passage"), build_passage, NULL, NULL, NULL);
  _bc_inspector_add_references (self, BC_ITEM (transfer), _("Carried By"), "carriers",
                                _("Add Carrier…"), _("Remove the carrier"));
  _bc_inspector_add_evidence (self, BC_ITEM (transfer));
  _bc_inspector_add_annotations (self, G_OBJECT (transfer));
}
