/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-compat.h"
#include "bc-inspector-private.h"
#include "bc-rules.h"

/* A section is one preferences group of the inspector's page. It is
 * built by its kind's function, and rebuilt alone when what it lists
 * (its signature) changes: the rest of the page, and the focus and the
 * scroll position of the user, stay as they are. */

/* Auxiliary functions */

static GtkWidget *
group_new (BcInspectorSection *section)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (section->title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section->title);
  return group;
}

static void
fill (BcInspectorSection *section)
{
  section->n_rows = 0;
  section->build (section);
  /* After the build, which may give a field its own way to read. */
  for (guint i = 0; i < section->fields->len; i++)
    _bc_inspector_field_load (g_ptr_array_index (section->fields, i));
  g_clear_pointer (&section->shown, g_free);
  if (section->signature != NULL)
    section->shown = section->signature (section);
  if (section->hide_when_empty)
    gtk_widget_set_visible (section->group, section->n_rows > 0);
}

/* The key of the field or widget of @section that holds @focus. */
static char *
focused_key (BcInspectorSection *section,
             GtkWidget          *focus,
             int                *position)
{
  GHashTableIter iter;
  gpointer key, value;

  *position = -1;
  if (focus == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, section->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (focus == value || gtk_widget_is_ancestor (focus, value))
      {
        if (GTK_IS_EDITABLE (focus))
          *position = gtk_editable_get_position (GTK_EDITABLE (focus));
        return g_strdup (key);
      }
  return NULL;
}

static void
picker_button_create_popup (GtkMenuButton *button,
                            gpointer       user_data)
{
  BcInspectorSection *section = user_data;
  BcPickerFactory factory = g_object_get_data (G_OBJECT (button), "bc-factory");

  if (gtk_menu_button_get_popover (button) != NULL ||
      _bc_inspector_get_current_case (section->inspector) == NULL)
    return;
  gtk_menu_button_set_popover (button, factory (section, g_object_get_data (G_OBJECT (button), "bc-arg")));
}

static void
select_clicked (GtkButton   *button,
                BcInspector *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (button), "bc-item");

  if (item != NULL)
    _bc_inspector_activate_item (self, item);
}

static void
item_row_activated (AdwActionRow *row,
                    BcInspector  *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (row), "bc-item");

  if (item != NULL)
    _bc_inspector_activate_item (self, item);
}

static void
link_clicked (GtkButton   *button,
              BcInspector *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "bc-url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  bc_compat_open_web_link (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url);
}

/* Sections */

/**
 * _bc_inspector_add_section:
 * @object: what the section is about
 * @title: (nullable): the group's title
 * @signature: (nullable): what the section lists; %NULL when only its
 *   fields change
 * @data: (transfer full) (nullable): for @build, freed with @data_free
 *
 * Appends a section to the page and builds it.
 *
 * Returns: (transfer none): the section, owned by the inspector
 */
BcInspectorSection *
_bc_inspector_add_section (BcInspector            *self,
                           GObject                *object,
                           const char             *title,
                           BcSectionBuildFunc      build,
                           BcSectionSignatureFunc  signature,
                           gpointer                data,
                           GDestroyNotify          data_free)
{
  BcInspectorSection *section = g_new0 (BcInspectorSection, 1);

  section->inspector = self;
  section->object = object != NULL ? g_object_ref (object) : NULL;
  section->title = g_strdup (title);
  section->build = build;
  section->signature = signature;
  section->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  section->fields = g_ptr_array_new ();
  section->data = data;
  section->data_free = data_free;
  section->group = group_new (section);
  g_ptr_array_add (self->sections, section);
  gtk_box_append (self->sections_box, section->group);
  fill (section);
  return section;
}

/* Builds the section anew, in place, and gives the focus back to the
 * field that had it. */
void
_bc_inspector_section_rebuild (BcInspectorSection *section)
{
  BcInspector *self = section->inspector;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *old = section->group;
  g_autofree char *key = NULL;
  int position;

  key = focused_key (section, focus, &position);

  /* A new group in place of the old: removing the focused field moves
   * the focus, which must not commit what it showed. */
  self->building = TRUE;
  g_hash_table_remove_all (section->widgets);
  g_ptr_array_set_size (section->fields, 0);
  section->group = group_new (section);
  gtk_box_insert_child_after (self->sections_box, section->group, old);
  fill (section);
  gtk_box_remove (self->sections_box, old);
  self->building = FALSE;

  if (key != NULL && self->focus_key == NULL && self->focus_object == NULL)
    {
      GtkWidget *widget = g_hash_table_lookup (section->widgets, key);
      BcInspectorField *field = widget ? _bc_inspector_field_from_widget (widget) : NULL;

      if (field != NULL)
        {
          _bc_inspector_field_grab_focus (field);
          if (position >= 0 && GTK_IS_EDITABLE (field->editor))
            gtk_editable_set_position (GTK_EDITABLE (field->editor), position);
        }
      else if (widget != NULL)
        gtk_widget_grab_focus (widget);
    }
}

void
_bc_inspector_section_free (BcInspectorSection *section)
{
  g_clear_object (&section->object);
  g_clear_pointer (&section->widgets, g_hash_table_unref);
  g_clear_pointer (&section->fields, g_ptr_array_unref);
  if (section->data_free != NULL)
    section->data_free (section->data);
  g_free (section->title);
  g_free (section->shown);
  g_free (section);
}

/* Puts @row in the section's group, or under an expander row. */
void
_bc_inspector_section_add (BcInspectorSection *section,
                           GtkWidget          *container,
                           GtkWidget          *row)
{
  if (container != NULL && ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), row);
      section->n_rows++;
    }
}

/* Names a widget of the section, so that the focus can come back to it
 * when the section is rebuilt. */
void
_bc_inspector_section_register (BcInspectorSection *section,
                                const char         *key,
                                GtkWidget          *widget)
{
  g_hash_table_insert (section->widgets, g_strdup (key), widget);
}

GtkWidget *
_bc_inspector_section_lookup (BcInspectorSection *section,
                              const char         *key)
{
  return g_hash_table_lookup (section->widgets, key);
}

/* Rows */

const char *
_bc_inspector_item_name (BcItem *item)
{
  if (BC_IS_ACTOR (item))
    return bc_actor_get_name (BC_ACTOR (item));
  if (BC_IS_EVENT (item))
    return bc_event_get_title (BC_EVENT (item));
  if (BC_IS_TRANSFER (item))
    return bc_transfer_get_title (BC_TRANSFER (item));
  if (BC_IS_SOURCE (item))
    return bc_source_get_citation (BC_SOURCE (item));
  return bc_item_get_id (item);
}

/* When and where an item is: "1993-01-20 · Track 2 · Professional /
 * nongovernmental" for an event. */
char *
_bc_inspector_item_subtitle (BcItem *item)
{
  if (BC_IS_EVENT (item))
    {
      BcEvent *event = BC_EVENT (item);
      g_autofree char *when = _bc_inspector_format_span (bc_event_get_date (event), bc_event_get_end (event));
      g_autofree char *track = _bc_inspector_track_label (bc_event_get_track (event));

      return g_strdup_printf ("%s · %s", when, track);
    }
  if (BC_IS_ACTOR (item))
    return _bc_inspector_track_label (bc_actor_get_track (BC_ACTOR (item)));
  return g_strdup (bc_item_get_id (item));
}

char *
_bc_inspector_format_span (BcDate from,
                           BcDate to)
{
  g_autofree char *a = bc_date_to_string (from);
  g_autofree char *b = bc_date_to_string (to);

  if (a != NULL && b != NULL && !bc_date_equal (from, to))
    return g_strdup_printf ("%s – %s", a, b);
  if (a != NULL)
    return g_strdup (a);
  if (b != NULL)
    return g_strdup_printf (_("until %s"), b);
  return g_strdup (_("Undated"));
}

/* "Track 2 · Professional / nongovernmental". */
char *
_bc_inspector_track_label (BcTrack track)
{
  return g_strdup_printf ("%s · %s", bc_track_get_label (track), bc_track_get_name (track));
}

GtkWidget *
_bc_inspector_row_new (const char *title,
                       const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Case files are not markup; titles are read whole. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

GtkWidget *
_bc_inspector_icon_button_new (const char *icon_name,
                               const char *tooltip,
                               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* A button that makes @item the window's selection. */
GtkWidget *
_bc_inspector_select_button_new (BcInspector *self,
                                 BcItem      *item,
                                 const char  *tooltip,
                                 const char  *label)
{
  GtkWidget *button = _bc_inspector_icon_button_new ("go-next-symbolic", tooltip, label);

  g_object_set_data_full (G_OBJECT (button), "bc-item", g_object_ref (item), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (select_clicked), self);
  return button;
}

/* A row that selects another item of the case when activated. */
GtkWidget *
_bc_inspector_add_item_row (BcInspectorSection *section,
                            BcItem             *item,
                            const char         *subtitle)
{
  GtkWidget *row = _bc_inspector_row_new (_bc_inspector_item_name (item), subtitle);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Select"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bc-item", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (item_row_activated), section->inspector);
  _bc_inspector_section_add (section, NULL, row);
  return row;
}

GtkWidget *
_bc_inspector_add_id_row (BcInspectorSection *section,
                          const char         *id,
                          const char         *subtitle)
{
  BcItem *item = bc_case_lookup (_bc_inspector_get_current_case (section->inspector), id);
  GtkWidget *row;

  if (item != NULL)
    return _bc_inspector_add_item_row (section, item, subtitle);

  row = _bc_inspector_row_new (id, _("Not in this case"));
  _bc_inspector_section_add (section, NULL, row);
  return row;
}

/* Only http and https links get a button: a case file must not be able
 * to make the desktop open anything else. */
void
_bc_inspector_add_web_button (BcInspector *self,
                              GtkWidget   *row,
                              const char  *url)
{
  GtkWidget *button;

  if (url == NULL || *url == '\0' || !bc_rules_check_url (url, NULL))
    return;

  button = _bc_inspector_icon_button_new ("web-browser-symbolic", url, _("Open the source in the browser"));
  g_object_set_data_full (G_OBJECT (button), "bc-url", g_strdup (url), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (link_clicked), self);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/* A button that pops a picker up, made when first needed. */
GtkWidget *
_bc_inspector_menu_button_new (BcInspectorSection *section,
                               const char         *icon_name,
                               const char         *label,
                               BcPickerFactory     factory,
                               const char         *arg)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), icon_name);
  g_object_set_data (G_OBJECT (button), "bc-factory", factory);
  g_object_set_data_full (G_OBJECT (button), "bc-arg", g_strdup (arg), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), picker_button_create_popup, section, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* A row with a button that pops a picker up; none on a case that
 * cannot be edited. */
GtkWidget *
_bc_inspector_add_picker_row (BcInspectorSection *section,
                              const char         *title,
                              const char         *key,
                              BcPickerFactory     factory,
                              const char         *arg)
{
  GtkWidget *row;
  GtkWidget *button;

  if (!section->inspector->editable)
    return NULL;

  row = _bc_inspector_row_new (title, NULL);
  button = _bc_inspector_menu_button_new (section, "list-add-symbolic", title, factory, arg);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  /* Not counted: a list with only its add row shows as empty. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), row);
  _bc_inspector_section_register (section, key, button);
  return row;
}
