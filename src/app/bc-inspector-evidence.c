/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-editing.h"
#include "bc-enum-types.h"
#include "bc-inspector-private.h"
#include "bc-item-picker.h"
#include "bc-rules.h"

/* Evidence: the sources an actor, event or transfer cites, each with
 * its citation in full and the pages it cites. */

/* Auxiliary functions */

static GPtrArray *
copy_source_refs (GObject *object)
{
  g_autoptr(GPtrArray) refs = NULL;
  GPtrArray *copy = bc_source_refs_new ();

  g_object_get (object, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    g_ptr_array_add (copy, bc_source_ref_copy (g_ptr_array_index (refs, i)));
  return copy;
}

static guint
n_source_refs (GObject *object)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_object_get (object, "sources", &refs, NULL);
  return refs != NULL ? refs->len : 0;
}

static gboolean
set_source_refs (BcInspector  *self,
                 GObject      *object,
                 GPtrArray    *refs,
                 GError      **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, refs->len > 0 ? refs : NULL);
  return _bc_inspector_set_property (self, object, "sources", &value, error);
}

/* The new evidence is the last; its pages are what to fill in next. */
static void
focus_new_pages (BcInspector *self,
                 GObject     *object)
{
  g_autofree char *key = g_strdup_printf ("pages:%u", n_source_refs (object) - 1);

  _bc_inspector_focus_later (self, key);
}

static char *
read_pages (BcInspectorField *field)
{
  g_autoptr(GPtrArray) refs = NULL;
  BcSourceRef *ref;

  g_object_get (field->object, "sources", &refs, NULL);
  if (refs == NULL || field->index >= refs->len)
    return g_strdup ("");
  ref = g_ptr_array_index (refs, field->index);
  return g_strdup (ref->pages ? ref->pages : "");
}

static gboolean
check_pages (BcInspectorField  *field,
             const char        *text,
             GError           **error)
{
  return bc_rules_check_pages (text, error);
}

static gboolean
commit_pages (BcInspectorField  *field,
              const char        *text,
              GError           **error)
{
  g_autoptr(GPtrArray) refs = copy_source_refs (field->object);
  BcSourceRef *ref;

  if (field->index >= refs->len)
    return TRUE;
  ref = g_ptr_array_index (refs, field->index);
  if (g_strcmp0 (ref->pages ? ref->pages : "", text) == 0)
    return TRUE;

  g_free (ref->pages);
  ref->pages = *text != '\0' ? g_strdup (text) : NULL;
  return set_source_refs (field->inspector, field->object, refs, error);
}

/* Callbacks */

static void
remove_clicked (GtkButton          *button,
                BcInspectorSection *section)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bc-index"));
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GError) error = NULL;

  if (!_bc_inspector_can_edit (section->inspector))
    return;
  refs = copy_source_refs (section->object);
  if (index >= refs->len)
    return;
  g_ptr_array_remove_index (refs, index);
  if (!set_source_refs (section->inspector, section->object, refs, &error))
    g_warning ("%s", error->message);
}

static void
source_chosen (BcItemPicker       *picker,
               BcItem             *source,
               BcInspectorSection *section)
{
  g_autoptr(GError) error = NULL;

  if (!_bc_inspector_can_edit (section->inspector))
    return;
  if (!bc_edit_cite (_bc_inspector_get_current_case (section->inspector), section->object,
                     bc_item_get_id (source), NULL, &error))
    g_warning ("%s", error->message);
  else
    focus_new_pages (section->inspector, section->object);
}

static gboolean
not_yet_cited (BcItem   *item,
               gpointer  user_data)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_object_get (user_data, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    if (g_strcmp0 (((BcSourceRef *) g_ptr_array_index (refs, i))->ref, bc_item_get_id (item)) == 0)
      return FALSE;
  return TRUE;
}

static void
new_source_changed (GtkEditable *citation,
                    GtkWidget   *button)
{
  gtk_widget_set_sensitive (button, *gtk_editable_get_text (citation) != '\0');
}

/* A new source and its citation are one step: undoing it leaves no
 * source behind that nothing cites. */
static void
create_clicked (GtkButton          *button,
                BcInspectorSection *section)
{
  GtkWidget *citation = g_object_get_data (G_OBJECT (button), "bc-citation");
  AdwComboRow *kind = g_object_get_data (G_OBJECT (button), "bc-kind");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (citation)));
  g_autoptr(GEnumClass) kinds = g_type_class_ref (BC_TYPE_SOURCE_TYPE);
  guint selected = adw_combo_row_get_selected (kind);
  g_autoptr(GError) error = NULL;

  g_strstrip (text);
  if (!_bc_inspector_can_edit (section->inspector) || *text == '\0' || selected >= kinds->n_values)
    return;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  if (bc_edit_cite_new_source (_bc_inspector_get_current_case (section->inspector), section->object,
                               kinds->values[selected].value, text, &error) == NULL)
    g_warning ("%s", error->message);
  else
    focus_new_pages (section->inspector, section->object);
}

/* Above the list of the case's sources: a new one, made on the spot. */
static GtkWidget *
new_source_form (BcInspectorSection *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *citation = adw_entry_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Create and Cite"));
  GtkWidget *heading = gtk_label_new (_("New Source"));
  GtkWidget *existing = gtk_label_new (_("Sources of the Case"));
  g_autoptr(GListModel) kinds = bc_editing_enum_labels (BC_TYPE_SOURCE_TYPE);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (citation), _("Citation"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), kinds);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), citation);
  gtk_list_box_append (GTK_LIST_BOX (list), kind);
  gtk_box_append (GTK_BOX (box), list);

  gtk_widget_set_sensitive (button, FALSE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "bc-citation", citation);
  g_object_set_data (G_OBJECT (button), "bc-kind", kind);
  g_signal_connect (citation, "changed", G_CALLBACK (new_source_changed), button);
  g_signal_connect (button, "clicked", G_CALLBACK (create_clicked), section);
  gtk_box_append (GTK_BOX (box), button);

  gtk_label_set_xalign (GTK_LABEL (existing), 0);
  gtk_widget_add_css_class (existing, "heading");
  gtk_box_append (GTK_BOX (box), existing);

  _bc_inspector_section_register (section, "evidence:new-citation", citation);
  _bc_inspector_section_register (section, "evidence:new-kind", kind);
  _bc_inspector_section_register (section, "evidence:create", button);
  return box;
}

static GtkWidget *
picker_new (BcInspectorSection *section,
            const char         *arg)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  GtkWidget *picker = bc_item_picker_new (bc_case_get_sources (case_), _("Search sources"));

  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), not_yet_cited,
                             g_object_ref (section->object), g_object_unref);
  bc_item_picker_set_header (BC_ITEM_PICKER (picker), new_source_form (section));
  g_signal_connect (picker, "item-chosen", G_CALLBACK (source_chosen), section);
  return picker;
}

static char *
evidence_signature (BcInspectorSection *section)
{
  BcCase *case_ = _bc_inspector_get_current_case (section->inspector);
  g_autoptr(GPtrArray) refs = NULL;
  GString *signature = g_string_new (NULL);

  g_object_get (section->object, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);
      BcSource *source = bc_case_lookup_source (case_, ref->ref);

      g_string_append_printf (signature, "%s\n%s\n%s\n", ref->ref,
                              source ? bc_source_get_citation (source) : "",
                              source && bc_source_get_url (source) ? bc_source_get_url (source) : "");
    }
  return g_string_free (signature, FALSE);
}

static void
build_evidence (BcInspectorSection *section)
{
  BcInspector *self = section->inspector;
  BcCase *case_ = _bc_inspector_get_current_case (self);
  g_autoptr(GPtrArray) refs = NULL;

  g_object_get (section->object, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);
      BcSource *source = bc_case_lookup_source (case_, ref->ref);
      g_autofree char *key = g_strdup_printf ("pages:%u", i);
      g_autofree char *missing = NULL;
      const char *citation;
      BcInspectorField *pages;
      GtkWidget *row;

      /* The citation whole, wrapped, and the pages under it. */
      if (source != NULL)
        citation = bc_source_get_citation (source);
      else
        citation = missing = g_strdup_printf (_("%s (not in this case)"), ref->ref);
      row = _bc_inspector_row_new (citation, NULL);
      _bc_inspector_section_add (section, NULL, row);

      if (source != NULL)
        {
          _bc_inspector_add_web_button (self, row, bc_source_get_url (source));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     _bc_inspector_select_button_new (self, BC_ITEM (source),
                                                                      _("Select the Source"),
                                                                      _("Select the source")));
        }
      if (self->editable)
        {
          g_autofree char *remove_key = g_strdup_printf ("evidence:remove:%u", i);
          GtkWidget *button = _bc_inspector_icon_button_new ("list-remove-symbolic", _("Remove Evidence"),
                                                             _("Remove the evidence"));

          g_object_set_data (G_OBJECT (button), "bc-index", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked), section);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          _bc_inspector_section_register (section, remove_key, button);
        }

      pages = _bc_inspector_add_entry (section, NULL, section->object, "sources", key, _("Pages"));
      pages->index = i;
      pages->read = read_pages;
      pages->check = check_pages;
      pages->commit = commit_pages;
      gtk_accessible_update_property (GTK_ACCESSIBLE (pages->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, citation, -1);
    }

  _bc_inspector_add_picker_row (section, _("Add Evidence"), "evidence:add", picker_new, NULL);
}

/* Private API */

void
_bc_inspector_add_evidence (BcInspector *self,
                            BcItem      *item)
{
  _bc_inspector_add_section (self, G_OBJECT (item), _("Evidence"), build_evidence, evidence_signature,
                             NULL, NULL);
}
