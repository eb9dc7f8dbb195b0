/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-editing.h"
#include "bc-enum-types.h"
#include "bc-inspector-private.h"

/* How an event joins the rest of the case: its links to other events,
 * and the transfers that leave or reach it (or that an actor carried). */

/* Auxiliary functions */

static gboolean
strv_contains (const char * const *strv,
               const char         *s)
{
  return strv != NULL && s != NULL && g_strv_contains (strv, s);
}

/* The links of @event, as (link, outgoing) pairs in the case's order. */
static GPtrArray *
find_links (BcCase  *case_,
            BcEvent *event)
{
  GListModel *links = bc_case_get_links (case_);
  const char *id = bc_item_get_id (BC_ITEM (event));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);

      if (g_strcmp0 (bc_link_get_from (link), id) == 0 || g_strcmp0 (bc_link_get_to (link), id) == 0)
        g_ptr_array_add (found, g_steal_pointer (&link));
    }
  return found;
}

/* What a transfer is to @item: NULL when nothing. */
static const char *
transfer_role (BcTransfer *transfer,
               BcItem     *item)
{
  const char *id = bc_item_get_id (item);

  if (BC_IS_ACTOR (item))
    return strv_contains (bc_transfer_get_carriers (transfer), id)
           ? bc_mechanism_get_label (bc_transfer_get_mechanism (transfer)) : NULL;
  if (g_strcmp0 (bc_transfer_get_from (transfer), id) == 0)
    return _("Leaves this event");
  if (g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
    return _("Reaches this event");
  return NULL;
}

/* Callbacks */

static void
delete_clicked (GtkButton          *button,
                BcInspectorSection *section)
{
  GObject *link = g_object_get_data (G_OBJECT (button), "bc-object");
  g_autoptr(GError) error = NULL;

  if (_bc_inspector_can_edit (section->inspector) &&
      !bc_edit_delete (_bc_inspector_get_current_case (section->inspector), link, &error))
    g_warning ("%s", error->message);
}

/* A new link: its kind is the first thing to choose. */
static void
link_created (GObject  *link,
              gpointer  user_data)
{
  _bc_inspector_focus_object_later (BC_INSPECTOR (user_data), link);
}

/* A new transfer is shown, to be named first. */
static void
transfer_created (GObject  *transfer,
                  gpointer  user_data)
{
  BcInspector *self = user_data;

  _bc_inspector_focus_later (self, "title");
  _bc_inspector_activate_item (self, BC_ITEM (transfer));
}

static GtkWidget *
link_picker_new (BcInspectorSection *section,
                 const char         *arg)
{
  return bc_editing_link_picker_new (_bc_inspector_get_current_case (section->inspector),
                                     BC_EVENT (section->object), link_created, section->inspector);
}

static GtkWidget *
transfer_picker_new (BcInspectorSection *section,
                     const char         *arg)
{
  return bc_editing_transfer_picker_new (_bc_inspector_get_current_case (section->inspector),
                                         BC_EVENT (section->object), transfer_created, section->inspector);
}

static char *
links_signature (BcInspectorSection *section)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  g_autoptr(GPtrArray) links = find_links (case_, BC_EVENT (section->object));
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      BcLink *link = g_ptr_array_index (links, i);
      BcEvent *from = bc_case_lookup_event (case_, bc_link_get_from (link));
      BcEvent *to = bc_case_lookup_event (case_, bc_link_get_to (link));

      g_string_append_printf (signature, "%p\n%s\n%s\n", (gpointer) link,
                              from ? bc_event_get_title (from) : "", to ? bc_event_get_title (to) : "");
    }
  return g_string_free (signature, FALSE);
}

static void
build_links (BcInspectorSection *section)
{
  BcInspector *self = section->inspector;
  BcCase *case_ = _bc_inspector_get_current_case (self);
  BcEvent *event = BC_EVENT (section->object);
  g_autoptr(GPtrArray) links = find_links (case_, event);

  for (guint i = 0; i < links->len; i++)
    {
      BcLink *link = g_ptr_array_index (links, i);
      gboolean outgoing = g_strcmp0 (bc_link_get_from (link), bc_item_get_id (BC_ITEM (event))) == 0;
      const char *other_id = outgoing ? bc_link_get_to (link) : bc_link_get_from (link);
      BcEvent *other = bc_case_lookup_event (case_, other_id);
      g_autofree char *key = g_strdup_printf ("link:%u:type", i);
      BcInspectorField *field;

      field = _bc_inspector_add_choice (section, NULL, G_OBJECT (link), "link-type", key,
                                        other ? bc_event_get_title (other) : other_id, BC_TYPE_LINK_TYPE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                                   outgoing ? _("This event, then the other") : _("The other event, then this one"));

      if (other != NULL)
        _bc_inspector_field_add_suffix (field, _bc_inspector_select_button_new (self, BC_ITEM (other),
                                                                                _("Select the Event"),
                                                                                _("Select the linked event")));
      if (self->editable)
        {
          g_autofree char *delete_key = g_strdup_printf ("link:%u:delete", i);
          GtkWidget *button = _bc_inspector_icon_button_new ("user-trash-symbolic", _("Delete Link"),
                                                             _("Delete the link"));

          g_object_set_data_full (G_OBJECT (button), "bc-object", g_object_ref (link), g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked), section);
          _bc_inspector_field_add_suffix (field, button);
          _bc_inspector_section_register (section, delete_key, button);
        }
    }

  _bc_inspector_add_picker_row (section, _("Add Link…"), "link:add", link_picker_new, NULL);
}

static char *
transfers_signature (BcInspectorSection *section)
{
  GListModel *transfers = bc_case_get_transfers (_bc_inspector_get_current_case (section->inspector));
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      const char *role = transfer_role (transfer, BC_ITEM (section->object));

      if (role != NULL)
        g_string_append_printf (signature, "%s\n%s\n%s\n", bc_item_get_id (BC_ITEM (transfer)),
                                bc_transfer_get_title (transfer), role);
    }
  return g_string_free (signature, FALSE);
}

static void
build_transfers (BcInspectorSection *section)
{
  GListModel *transfers = bc_case_get_transfers (_bc_inspector_get_current_case (section->inspector));
  gboolean as_carrier = BC_IS_ACTOR (section->object);

  /* An actor lists what it carried, when it carried something. */
  section->hide_when_empty = as_carrier;
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      const char *role = transfer_role (transfer, BC_ITEM (section->object));

      if (role != NULL)
        _bc_inspector_add_item_row (section, BC_ITEM (transfer), role);
    }

  /* A new transfer leaves this event for one on another track. */
  if (!as_carrier)
    _bc_inspector_add_picker_row (section, _("Add Transfer…"), "transfer:add", transfer_picker_new, NULL);
}

/* Private API */

void
_bc_inspector_add_links (BcInspector *self,
                         BcEvent     *event)
{
  _bc_inspector_add_section (self, G_OBJECT (event), _("Links"), build_links, links_signature, NULL, NULL);
}

/* The transfers of an event, or those an actor carried. */
void
_bc_inspector_add_transfers (BcInspector *self,
                             BcItem      *item)
{
  _bc_inspector_add_section (self, G_OBJECT (item),
                             BC_IS_ACTOR (item) ? _("Carried Transfers") : _("Transfers"),
                             build_transfers, transfers_signature, NULL, NULL);
}
