/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-inspector-private.h"

/* Annotations: what analysts wrote about the case or an item, each read
 * whole and edited in place, and a new one written under them. */

/* Auxiliary functions */

static GPtrArray *
find_annotations (BcInspectorSection *section)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);

  return bc_case_find_annotations_about (case_, BC_IS_ITEM (section->object)
                                                ? bc_item_get_id (BC_ITEM (section->object))
                                                : NULL);
}

static char *
composer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
add_from_composer (BcInspectorSection *section,
                   GtkTextView        *view)
{
  g_autofree char *text = composer_text (view);

  if (g_strstrip (text)[0] == '\0')
    return;
  /* Emptied first: the new annotation takes the focus from it. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);
  _bc_inspector_add_annotation (section->inspector, text);
}

/* Callbacks */

static void
delete_clicked (GtkButton          *button,
                BcInspectorSection *section)
{
  BcAnnotation *annotation = g_object_get_data (G_OBJECT (button), "bc-annotation");
  g_autoptr(GError) error = NULL;

  if (_bc_inspector_can_edit (section->inspector) &&
      !bc_edit_delete (_bc_inspector_get_current_case (section->inspector), G_OBJECT (annotation), &error))
    g_warning ("%s", error->message);
}

static void
add_clicked (GtkButton          *button,
             BcInspectorSection *section)
{
  add_from_composer (section, g_object_get_data (G_OBJECT (button), "bc-view"));
}

/* As in a chat: Enter adds the annotation, Shift+Enter starts a new
 * line; Escape empties the composer. */
static gboolean
composer_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      BcInspectorSection    *section)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  g_autofree char *text = composer_text (view);

  if (keyval == GDK_KEY_Escape && *text != '\0')
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "", -1);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) == 0)
    {
      add_from_composer (section, view);
      return TRUE;
    }
  return FALSE;
}

static void
add_composer (BcInspectorSection *section)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (_("Add an annotation"));
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add an annotation"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add the annotation (Enter); Shift+Enter starts a new line"));
  g_object_set_data (G_OBJECT (button), "bc-view", view);
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked), section);
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  /* Room for two lines before anything is written. */
  gtk_widget_set_size_request (view, -1, 48);
  gtk_widget_add_css_class (view, "inspector-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add an annotation"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (composer_key_pressed), section);
  gtk_widget_add_controller (view, keys);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Not counted as a row: the section lists annotations. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), row);
  _bc_inspector_section_register (section, "new-annotation", view);
  _bc_inspector_section_register (section, "new-annotation:add", button);
}

static char *
annotations_signature (BcInspectorSection *section)
{
  g_autoptr(GPtrArray) annotations = find_annotations (section);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < annotations->len; i++)
    {
      BcAnnotation *annotation = g_ptr_array_index (annotations, i);

      g_string_append_printf (signature, "%p\n%s\n%s\n", (gpointer) annotation,
                              bc_annotation_get_author (annotation), bc_annotation_get_created (annotation));
    }
  return g_string_free (signature, FALSE);
}

static void
build_annotations (BcInspectorSection *section)
{
  BcInspector *self = section->inspector;
  g_autoptr(GPtrArray) annotations = find_annotations (section);

  for (guint i = 0; i < annotations->len; i++)
    {
      BcAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *by = g_strdup_printf ("%s · %s",
                                             bc_annotation_get_author (annotation) ?: _("Anonymous"),
                                             bc_annotation_get_created (annotation) ?: "");
      g_autofree char *key = g_strdup_printf ("annotation:%u", i);
      BcInspectorField *field = _bc_inspector_add_text (section, G_OBJECT (annotation), "text", key, by);

      if (self->editable)
        {
          g_autofree char *delete_key = g_strdup_printf ("annotation:%u:delete", i);
          GtkWidget *button = _bc_inspector_icon_button_new ("user-trash-symbolic", _("Delete Annotation"),
                                                             _("Delete the annotation"));

          g_object_set_data_full (G_OBJECT (button), "bc-annotation", g_object_ref (annotation), g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked), section);
          _bc_inspector_field_add_suffix (field, button);
          _bc_inspector_section_register (section, delete_key, button);
        }
    }

  if (self->editable)
    add_composer (section);
}

/* Private API */

/* The annotations about @about: the case, or an item of it. */
void
_bc_inspector_add_annotations (BcInspector *self,
                               GObject     *about)
{
  _bc_inspector_add_section (self, about, _("Annotations"), build_annotations, annotations_signature,
                             NULL, NULL);
}
