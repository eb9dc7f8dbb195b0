/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-enum-types.h"
#include "bc-inspector-private.h"

/* A source: its citation, and what in the case cites it. */

/* Auxiliary functions */

static gboolean
cites (GObject    *object,
       const char *id)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_object_get (object, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    if (g_strcmp0 (((BcSourceRef *) g_ptr_array_index (refs, i))->ref, id) == 0)
      return TRUE;
  return FALSE;
}

/* The actors, events and transfers that cite @source, in that order. */
static GPtrArray *
find_citing (BcCase   *case_,
             BcSource *source)
{
  GListModel *lists[] = {
    bc_case_get_actors (case_), bc_case_get_events (case_), bc_case_get_transfers (case_),
  };
  const char *id = bc_item_get_id (BC_ITEM (source));
  GPtrArray *citing = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

        if (cites (item, id))
          g_ptr_array_add (citing, g_steal_pointer (&item));
      }
  return citing;
}

/* Callbacks */

static char *
citation_signature (BcInspectorSection *section)
{
  /* The link's button follows the link. */
  return g_strdup (bc_source_get_url (BC_SOURCE (section->object)));
}

static void
build_citation (BcInspectorSection *section)
{
  GObject *source = section->object;
  BcInspectorField *url;

  _bc_inspector_add_text (section, source, "citation", NULL, _("Citation"));
  _bc_inspector_add_choice (section, NULL, source, "source-type", NULL, _("Kind"), BC_TYPE_SOURCE_TYPE);
  url = _bc_inspector_add_entry (section, NULL, source, "url", NULL, _("Link"));
  _bc_inspector_add_web_button (section->inspector, url->row, bc_source_get_url (BC_SOURCE (source)));
  _bc_inspector_add_entry (section, NULL, source, "id", NULL, _("Identifier"));
}

static char *
citing_signature (BcInspectorSection *section)
{
  g_autoptr(GPtrArray) citing = find_citing (_bc_inspector_get_current_case (section->inspector),
                                             BC_SOURCE (section->object));
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < citing->len; i++)
    {
      BcItem *item = g_ptr_array_index (citing, i);

      g_string_append_printf (signature, "%s\n%s\n", bc_item_get_id (item), _bc_inspector_item_name (item));
    }
  return g_string_free (signature, FALSE);
}

static void
build_citing (BcInspectorSection *section)
{
  g_autoptr(GPtrArray) citing = find_citing (_bc_inspector_get_current_case (section->inspector),
                                             BC_SOURCE (section->object));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (section->group),
                                         citing->len == 0 ? _("Nothing in the case cites this source yet")
                                                          : NULL);
  for (guint i = 0; i < citing->len; i++)
    {
      BcItem *item = g_ptr_array_index (citing, i);
      g_autofree char *key = g_strdup_printf ("cited-by:%s", bc_item_get_id (item));
      GtkWidget *row = _bc_inspector_add_item_row (section, item, bc_edit_kind_label (G_OBJECT (item)));

      _bc_inspector_section_register (section, key, row);
    }
}

/* Private API */

void
_bc_inspector_show_source (BcInspector *self,
                           BcSource    *source)
{
  _bc_inspector_add_section (self, G_OBJECT (source), _("Citation"), build_citation, citation_signature,
                             NULL, NULL);
  _bc_inspector_add_section (self, G_OBJECT (source), _("Cited By"), build_citing, citing_signature,
                             NULL, NULL);
  _bc_inspector_add_annotations (self, G_OBJECT (source));
}
