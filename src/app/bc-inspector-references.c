/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-inspector-private.h"
#include "bc-item-picker.h"

/* Lists of actors an item refers to: the participants of an event, the
 * carriers of a transfer, what an actor is a member of. */

typedef struct
{
  char *property;
  char *add_title;
  char *remove_label;
} References;

typedef struct
{
  GObject *owner;
  char    *property;
} RefFilter;

/* Auxiliary functions */

static void
references_free (gpointer data)
{
  References *references = data;

  g_free (references->property);
  g_free (references->add_title);
  g_free (references->remove_label);
  g_free (references);
}

static void
ref_filter_free (gpointer data)
{
  RefFilter *filter = data;

  g_object_unref (filter->owner);
  g_free (filter->property);
  g_free (filter);
}

static gboolean
strv_contains (const char * const *strv,
               const char         *s)
{
  return strv != NULL && s != NULL && g_strv_contains (strv, s);
}

static gboolean
set_ids (BcInspectorSection  *section,
         GPtrArray           *ids,
         GError             **error)
{
  References *references = section->data;
  g_auto(GValue) value = G_VALUE_INIT;

  g_ptr_array_add (ids, NULL);
  g_value_init (&value, G_TYPE_STRV);
  /* An empty list is no list in the file. */
  g_value_set_boxed (&value, ids->len > 1 ? ids->pdata : NULL);
  return _bc_inspector_set_property (section->inspector, section->object, references->property, &value, error);
}

/* Callbacks */

static void
remove_clicked (GtkButton          *button,
                BcInspectorSection *section)
{
  References *references = section->data;
  const char *id = g_object_get_data (G_OBJECT (button), "bc-id");
  g_auto(GStrv) strv = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (!_bc_inspector_can_edit (section->inspector))
    return;

  g_object_get (section->object, references->property, &strv, NULL);
  if (!strv_contains ((const char * const *) strv, id))
    return;
  for (guint i = 0; strv[i] != NULL; i++)
    if (!g_str_equal (strv[i], id))
      g_ptr_array_add (ids, strv[i]);
  if (!set_ids (section, ids, &error))
    g_warning ("%s", error->message);
}

static void
actor_chosen (BcItemPicker       *picker,
              BcItem             *actor,
              BcInspectorSection *section)
{
  References *references = section->data;
  const char *id = bc_item_get_id (actor);
  g_auto(GStrv) strv = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (!_bc_inspector_can_edit (section->inspector))
    return;

  g_object_get (section->object, references->property, &strv, NULL);
  if (strv_contains ((const char * const *) strv, id))
    return;
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (ids, strv[i]);
  g_ptr_array_add (ids, (gpointer) id);
  if (!set_ids (section, ids, &error))
    g_warning ("%s", error->message);
  else
    {
      g_autofree char *key = g_strdup_printf ("%s:%s", references->property, id);

      _bc_inspector_focus_later (section->inspector, key);
    }
}

/* Offers the actors not yet in the list, and never the owner itself. */
static gboolean
not_yet_referenced (BcItem   *item,
                    gpointer  user_data)
{
  RefFilter *filter = user_data;
  g_auto(GStrv) strv = NULL;

  if (item == BC_ITEM (filter->owner))
    return FALSE;
  g_object_get (filter->owner, filter->property, &strv, NULL);
  return !strv_contains ((const char * const *) strv, bc_item_get_id (item));
}

static GtkWidget *
picker_new (BcInspectorSection *section,
            const char         *property)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  GtkWidget *picker = bc_item_picker_new (bc_case_get_actors (case_), _("Search actors"));
  RefFilter *filter = g_new0 (RefFilter, 1);

  filter->owner = g_object_ref (section->object);
  filter->property = g_strdup (property);
  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), not_yet_referenced, filter, ref_filter_free);
  g_signal_connect (picker, "item-chosen", G_CALLBACK (actor_chosen), section);
  return picker;
}

static char *
references_signature (BcInspectorSection *section)
{
  References *references = section->data;
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  g_auto(GStrv) strv = NULL;
  GString *signature = g_string_new (NULL);

  g_object_get (section->object, references->property, &strv, NULL);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      BcActor *actor = bc_case_lookup_actor (case_, strv[i]);

      g_string_append_printf (signature, "%s\n%s\n%d\n", strv[i], actor ? bc_actor_get_name (actor) : "",
                              actor ? (int) bc_actor_get_track (actor) : -1);
    }
  return g_string_free (signature, FALSE);
}

static void
build_references (BcInspectorSection *section)
{
  References *references = section->data;
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  g_auto(GStrv) strv = NULL;
  g_autofree char *add_key = g_strdup_printf ("%s:add", references->property);

  g_object_get (section->object, references->property, &strv, NULL);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      BcActor *actor = bc_case_lookup_actor (case_, strv[i]);
      g_autofree char *track = actor ? _bc_inspector_track_label (bc_actor_get_track (actor)) : NULL;
      g_autofree char *key = g_strdup_printf ("%s:%s", references->property, strv[i]);
      GtkWidget *row = _bc_inspector_add_id_row (section, strv[i], track);

      _bc_inspector_section_register (section, key, row);
      if (section->inspector->editable)
        {
          g_autofree char *remove_key = g_strdup_printf ("%s:remove:%s", references->property, strv[i]);
          GtkWidget *button = _bc_inspector_icon_button_new ("list-remove-symbolic", references->remove_label,
                                                             references->remove_label);

          g_object_set_data_full (G_OBJECT (button), "bc-id", g_strdup (strv[i]), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), section);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          _bc_inspector_section_register (section, remove_key, button);
        }
    }

  _bc_inspector_add_picker_row (section, references->add_title, add_key, picker_new, references->property);
}

/* Private API */

/**
 * _bc_inspector_add_references:
 * @property: a list of actor ids of @item
 *
 * The actors of @property, each with a button that takes it off the
 * list, and a picker that adds one. Each is one step.
 */
void
_bc_inspector_add_references (BcInspector *self,
                              BcItem      *item,
                              const char  *title,
                              const char  *property,
                              const char  *add_title,
                              const char  *remove_label)
{
  References *references = g_new0 (References, 1);

  references->property = g_strdup (property);
  references->add_title = g_strdup (add_title);
  references->remove_label = g_strdup (remove_label);
  _bc_inspector_add_section (self, G_OBJECT (item), title, build_references, references_signature,
                             references, references_free);
}
