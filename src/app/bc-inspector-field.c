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

/* A field shows one property of one object of the case and edits it:
 * what is typed is checked with the case's rules as it is typed, and
 * becomes one step of the history when committed (Enter, the apply
 * button, Ctrl+Enter in a paragraph, or leaving the field). Escape puts
 * back the value the case holds. When the property changes, by an undo
 * or another view, the field shows the new value in place, unless the
 * user is typing into it. */

/* Auxiliary functions */

static void
field_free (gpointer data)
{
  BcInspectorField *field = data;

  g_clear_object (&field->object);
  g_free (field->key);
  g_free (field->property);
  g_free (field);
}

static GParamSpec *
field_pspec (BcInspectorField *field)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (field->object), field->property);
}

/* The value a text stands for: a date, or a string (empty text is no
 * value). FALSE with the date parser's message when it is not a date. */
static gboolean
value_from_text (BcInspectorField  *field,
                 const char        *text,
                 GValue            *value,
                 GError           **error)
{
  GParamSpec *pspec = field_pspec (field);

  g_return_val_if_fail (pspec != NULL, FALSE);

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == BC_TYPE_DATE)
    {
      BcDate date = BC_DATE_UNSET;

      if (*text != '\0' && !bc_date_parse (text, &date, error))
        return FALSE;
      g_value_init (value, BC_TYPE_DATE);
      g_value_set_boxed (value, bc_date_is_set (date) ? &date : NULL);
      return TRUE;
    }

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, *text != '\0' ? text : NULL);
  return TRUE;
}

static char *
read_property (BcInspectorField *field)
{
  GParamSpec *pspec = field_pspec (field);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, g_strdup (""));

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (field->object, field->property, &value);
  if (G_VALUE_HOLDS (&value, BC_TYPE_DATE))
    {
      BcDate *date = g_value_get_boxed (&value);
      char *text = date != NULL ? bc_date_to_string (*date) : NULL;

      return text != NULL ? text : g_strdup ("");
    }
  if (G_VALUE_HOLDS_STRING (&value))
    return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
  return g_strdup ("");
}

static gboolean
check_property (BcInspectorField  *field,
                const char        *text,
                GError           **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!value_from_text (field, text, &value, error))
    return FALSE;
  return bc_rules_check_value (_bc_inspector_get_current_case (field->inspector),
                               field->object, field->property, &value, error);
}

static gboolean
commit_property (BcInspectorField  *field,
                 const char        *text,
                 GError           **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *current = read_property (field);

  if (g_strcmp0 (current, text) == 0)
    return TRUE;
  if (!value_from_text (field, text, &value, error))
    return FALSE;
  return _bc_inspector_set_property (field->inspector, field->object, field->property, &value, error);
}

static int
read_enum (BcInspectorField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, field->enum_type);
  g_object_get_property (field->object, field->property, &value);
  return g_value_get_enum (&value);
}

static gboolean
commit_enum (BcInspectorField  *field,
             int                value,
             GError           **error)
{
  g_auto(GValue) next = G_VALUE_INIT;

  if (read_enum (field) == value)
    return TRUE;
  g_value_init (&next, field->enum_type);
  g_value_set_enum (&next, value);
  if (!bc_rules_check_value (_bc_inspector_get_current_case (field->inspector),
                             field->object, field->property, &next, error))
    return FALSE;
  return _bc_inspector_set_property (field->inspector, field->object, field->property, &next, error);
}

static int
enum_value_at (GType enum_type,
               guint position)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  g_return_val_if_fail (position < klass->n_values, 0);
  return klass->values[position].value;
}

static guint
enum_position_of (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == value)
      return i;
  return 0;
}

static char *
get_text (BcInspectorField *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  switch (field->kind)
    {
    case BC_FIELD_ENTRY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->editor)));
    case BC_FIELD_TEXT:
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    case BC_FIELD_CHOICE:
    case BC_FIELD_ITEM:
    default:
      return NULL;
    }
}

/* Shows the item an item field names, as its title and when and where. */
static void
show_item (BcInspectorField *field,
           const char       *id)
{
  BcCase *case_ = _bc_inspector_get_current_case (field->inspector);
  BcItem *item = case_ != NULL && id != NULL ? bc_case_lookup (case_, id) : NULL;
  g_autofree char *subtitle = item != NULL ? _bc_inspector_item_subtitle (item) : NULL;
  const char *title = g_object_get_data (G_OBJECT (field->row), "bc-title");

  if (item != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", title, subtitle);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _bc_inspector_item_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", title, _("Not in this case"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), id ? id : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), text);
    }

  /* The select button follows the item. */
  {
    GtkWidget *select = g_object_get_data (G_OBJECT (field->row), "bc-select");

    g_object_set_data_full (G_OBJECT (select), "bc-item", item ? g_object_ref (item) : NULL,
                            item ? g_object_unref : NULL);
    gtk_widget_set_visible (select, item != NULL);
  }
}

/* Sets what the field shows without taking it for an edit. */
static void
set_shown (BcInspectorField *field,
           const char       *text)
{
  field->loading = TRUE;
  if (field->kind == BC_FIELD_ENTRY)
    gtk_editable_set_text (GTK_EDITABLE (field->editor), text);
  else if (field->kind == BC_FIELD_TEXT)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor)), text, -1);
  field->loading = FALSE;
}

/* A row of its own under @row for the message, so that it sits right
 * under the field (a group puts only rows in its list). Made when first
 * needed: a form of twenty fields need not be forty rows. */
static GtkWidget *
error_label_new (BcInspectorField *field)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *list = gtk_widget_get_parent (field->row);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "caption");

  if (field->kind == BC_FIELD_TEXT)
    gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (field->row))), label);
  else if (GTK_IS_LIST_BOX (list))
    {
      GtkWidget *label_row = adw_preferences_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (label_row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (label_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (label_row), FALSE);
      gtk_widget_set_focusable (label_row, FALSE);
      gtk_list_box_insert (GTK_LIST_BOX (list), label_row,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field->row)) + 1);
    }
  else
    return NULL;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->editor),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return label;
}

static void
validate (BcInspectorField *field)
{
  g_autofree char *text = get_text (field);
  g_autoptr(GError) error = NULL;

  if (field->check != NULL && !field->check (field, text, &error))
    _bc_inspector_field_show_error (field, error->message);
  else
    _bc_inspector_field_show_error (field, NULL);
}

static void
setup_field (BcInspectorField *field,
             GtkWidget        *row)
{
  field->row = row;
  g_object_set_data_full (G_OBJECT (row), "bc-field", field, field_free);
  if (field->editor != row)
    g_object_set_data (G_OBJECT (field->editor), "bc-field", field);
  g_ptr_array_add (field->section->fields, field);
  _bc_inspector_section_register (field->section, field->key, field->editor);
}

static BcInspectorField *
field_new (BcInspectorSection *section,
           BcFieldKind         kind,
           GObject            *object,
           const char         *property,
           const char         *key)
{
  BcInspectorField *field = g_new0 (BcInspectorField, 1);

  field->inspector = section->inspector;
  field->section = section;
  field->kind = kind;
  field->object = g_object_ref (object);
  field->property = g_strdup (property);
  field->key = g_strdup (key != NULL ? key : property);
  return field;
}

/* Callbacks */

static void
text_changed (BcInspectorField *field)
{
  if (field->loading || field->inspector->building)
    return;
  field->edited = TRUE;
  validate (field);
}

static void
entry_changed (GtkEditable      *editable,
               BcInspectorField *field)
{
  text_changed (field);
}

static void
buffer_changed (GtkTextBuffer    *buffer,
                BcInspectorField *field)
{
  text_changed (field);
}

static void
entry_applied (GtkWidget        *row,
               BcInspectorField *field)
{
  _bc_inspector_field_commit (field);
}

static void
focus_left (GtkEventControllerFocus *controller,
            BcInspectorField        *field)
{
  if (!field->inspector->building)
    _bc_inspector_field_commit (field);
}

/* Escape puts the case's value back; in a paragraph, Enter starts a new
 * line and Ctrl+Enter commits. */
static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             BcInspectorField      *field)
{
  if (keyval == GDK_KEY_Escape)
    return _bc_inspector_field_restore (field);

  if (field->kind == BC_FIELD_TEXT &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_CONTROL_MASK) != 0)
    {
      _bc_inspector_field_commit (field);
      return TRUE;
    }
  return FALSE;
}

static void
watch_editor (BcInspectorField *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the text itself sees the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), field);
  gtk_widget_add_controller (field->editor, keys);

  g_signal_connect (focus, "leave", G_CALLBACK (focus_left), field);
  gtk_widget_add_controller (field->row, focus);
}

static void
choice_selected (AdwComboRow      *row,
                 GParamSpec       *pspec,
                 BcInspectorField *field)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;
  int value;

  if (field->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  value = enum_value_at (field->enum_type, selected);
  if (field->enum_type == BC_TYPE_MECHANISM)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bc_mechanism_get_meaning (value));
  if (!_bc_inspector_can_edit (field->inspector))
    return;

  if (!field->commit_choice (field, value, &error))
    _bc_inspector_field_show_error (field, error->message);
  else
    _bc_inspector_field_show_error (field, NULL);
}

static void
select_clicked (GtkButton        *button,
                BcInspectorField *field)
{
  BcItem *item = g_object_get_data (G_OBJECT (button), "bc-item");

  if (item != NULL)
    _bc_inspector_activate_item (field->inspector, item);
}

/* Public API */

/**
 * _bc_inspector_add_entry:
 * @container: (nullable): an expander row, or %NULL for the group
 * @key: (nullable): the field's name, @property when %NULL
 *
 * A one-line field of @property of @object: a string or a date.
 */
BcInspectorField *
_bc_inspector_add_entry (BcInspectorSection *section,
                         GtkWidget          *container,
                         GObject            *object,
                         const char         *property,
                         const char         *key,
                         const char         *title)
{
  BcInspectorField *field = field_new (section, BC_FIELD_ENTRY, object, property, key);
  GtkWidget *row = adw_entry_row_new ();

  field->editor = row;
  field->read = read_property;
  field->check = check_property;
  field->commit = commit_property;

  /* Titles may quote the case, which is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_editable (GTK_EDITABLE (row), section->inspector->editable);
  gtk_widget_add_css_class (row, "inspector-entry");

  g_signal_connect (row, "changed", G_CALLBACK (entry_changed), field);
  g_signal_connect (row, "apply", G_CALLBACK (entry_applied), field);
  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_applied), field);

  _bc_inspector_section_add (section, container, row);
  setup_field (field, row);
  watch_editor (field);
  return field;
}

/**
 * _bc_inspector_add_text:
 *
 * A paragraph field of a string @property: the whole text, wrapped, in
 * as many lines as it takes. A case that cannot be edited can still be
 * read, selected and copied.
 */
BcInspectorField *
_bc_inspector_add_text (BcInspectorSection *section,
                        GObject            *object,
                        const char         *property,
                        const char         *key,
                        const char         *title)
{
  BcInspectorField *field = field_new (section, BC_FIELD_TEXT, object, property, key);
  gboolean editable = section->inspector->editable;
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();

  field->editor = view;
  field->suffixes = header;
  field->read = read_property;
  field->check = check_property;
  field->commit = commit_property;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (box), header);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  /* An empty text view would be no taller than nothing: room for a
   * line, to click into. */
  gtk_widget_set_size_request (view, -1, 24);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), editable);
  gtk_widget_add_css_class (view, "inspector-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !editable,
                                  -1);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (buffer_changed), field);

  _bc_inspector_section_add (section, NULL, row);
  setup_field (field, row);
  watch_editor (field);
  return field;
}

/* The labels of a choice: the tracks with their names, as analysts
 * learn them from Diamond and McDonald, the rest as the editors say. */
GListModel *
_bc_inspector_choice_labels (GType enum_type)
{
  GtkStringList *list;

  if (enum_type != BC_TYPE_TRACK)
    return bc_editing_enum_labels (enum_type);

  list = gtk_string_list_new (NULL);
  for (BcTrack track = 0; track < BC_N_TRACKS; track++)
    {
      g_autofree char *label = _bc_inspector_track_label (track);

      gtk_string_list_append (list, label);
    }
  return G_LIST_MODEL (list);
}

/**
 * _bc_inspector_add_choice:
 *
 * A combo row of the values of @enum_type for @property of @object;
 * choosing one is one step.
 */
BcInspectorField *
_bc_inspector_add_choice (BcInspectorSection *section,
                          GtkWidget          *container,
                          GObject            *object,
                          const char         *property,
                          const char         *key,
                          const char         *title,
                          GType               enum_type)
{
  BcInspectorField *field = field_new (section, BC_FIELD_CHOICE, object, property, key);
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) labels = _bc_inspector_choice_labels (enum_type);

  field->editor = row;
  field->enum_type = enum_type;
  field->read_choice = read_enum;
  field->commit_choice = commit_enum;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  gtk_widget_set_sensitive (row, section->inspector->editable);
  if (enum_type == BC_TYPE_MECHANISM)
    /* Each mechanism says what it means, in the list and under the row. */
    bc_editing_show_meanings (ADW_COMBO_ROW (row));

  _bc_inspector_section_add (section, container, row);
  setup_field (field, row);
  watch_editor (field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (choice_selected), field);
  return field;
}

/**
 * _bc_inspector_add_item_field:
 * @property: a string property holding the id of an item
 * @factory: makes the picker that chooses another item
 *
 * A row that names the item @property refers to (its title, when and
 * where), a button that selects it and one that picks another. Each
 * choice is checked with the case's rules and is one step.
 */
BcInspectorField *
_bc_inspector_add_item_field (BcInspectorSection *section,
                              GObject            *object,
                              const char         *property,
                              const char         *key,
                              const char         *title,
                              const char         *change_label,
                              BcPickerFactory     factory)
{
  BcInspectorField *field = field_new (section, BC_FIELD_ITEM, object, property, key);
  GtkWidget *row = _bc_inspector_row_new (NULL, NULL);
  GtkWidget *select = _bc_inspector_icon_button_new ("go-next-symbolic", _("Select the Event"),
                                                     _("Select the event"));
  GtkWidget *change = _bc_inspector_menu_button_new (section, "document-edit-symbolic",
                                                     change_label, factory, field->key);

  field->editor = change;
  field->read = read_property;
  field->check = check_property;
  field->commit = commit_property;

  g_object_set_data_full (G_OBJECT (row), "bc-title", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (row), "bc-select", select);
  g_signal_connect (select, "clicked", G_CALLBACK (select_clicked), field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), select);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
  gtk_widget_set_visible (change, section->inspector->editable);

  _bc_inspector_section_add (section, NULL, row);
  setup_field (field, row);
  return field;
}

/* Shows the case's value, whatever was typed. */
void
_bc_inspector_field_load (BcInspectorField *field)
{
  g_autofree char *text = NULL;

  field->edited = FALSE;
  switch (field->kind)
    {
    case BC_FIELD_ENTRY:
    case BC_FIELD_TEXT:
      text = field->read (field);
      set_shown (field, text);
      break;
    case BC_FIELD_CHOICE:
      {
        int value = field->read_choice (field);

        field->loading = TRUE;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), enum_position_of (field->enum_type, value));
        field->loading = FALSE;
        if (field->enum_type == BC_TYPE_MECHANISM)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), bc_mechanism_get_meaning (value));
      }
      break;
    case BC_FIELD_ITEM:
      text = field->read (field);
      show_item (field, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * _bc_inspector_field_refresh:
 *
 * Follows a change of the field's property. What the user is typing
 * stays; a field that shows the value already is not touched, so that
 * its cursor and selection stay where they are.
 */
void
_bc_inspector_field_refresh (BcInspectorField *field)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (field->edited)
    return;

  if (field->kind != BC_FIELD_ENTRY && field->kind != BC_FIELD_TEXT)
    {
      _bc_inspector_field_load (field);
      return;
    }

  text = field->read (field);
  shown = get_text (field);
  if (g_strcmp0 (text, shown) != 0)
    set_shown (field, text);
  _bc_inspector_field_show_error (field, NULL);
}

/**
 * _bc_inspector_field_commit:
 *
 * Makes what was typed one step of the history, or says under the
 * field why the case cannot hold it.
 *
 * Returns: %FALSE when the text was refused
 */
gboolean
_bc_inspector_field_commit (BcInspectorField *field)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!field->edited || !_bc_inspector_can_edit (field->inspector) ||
      (field->kind != BC_FIELD_ENTRY && field->kind != BC_FIELD_TEXT))
    return TRUE;

  text = get_text (field);
  if (field->check != NULL && !field->check (field, text, &error))
    {
      _bc_inspector_field_show_error (field, error->message);
      return FALSE;
    }

  /* The change it makes refreshes the field; it is no longer typing. */
  field->edited = FALSE;
  if (!field->commit (field, text, &error))
    {
      field->edited = TRUE;
      _bc_inspector_field_show_error (field, error->message);
      return FALSE;
    }
  _bc_inspector_field_show_error (field, NULL);
  return TRUE;
}

/* Escape: the case's value, and no message. TRUE when there was
 * something to put back. */
gboolean
_bc_inspector_field_restore (BcInspectorField *field)
{
  gboolean had_error = field->error_label != NULL && gtk_widget_get_visible (field->error_label);
  gboolean edited = field->edited;

  if (!edited && !had_error)
    return FALSE;

  _bc_inspector_field_load (field);
  _bc_inspector_field_show_error (field, NULL);
  return TRUE;
}

/**
 * _bc_inspector_field_choose_item:
 *
 * What a picker of an item field does with its choice: checked with the
 * case's rules, whose message shows under the field, then one step.
 */
gboolean
_bc_inspector_field_choose_item (BcInspectorField *field,
                                 BcItem           *item)
{
  const char *id = bc_item_get_id (item);
  g_autoptr(GError) error = NULL;

  if (!_bc_inspector_can_edit (field->inspector))
    return FALSE;

  if (!field->check (field, id, &error) || !field->commit (field, id, &error))
    {
      _bc_inspector_field_show_error (field, error->message);
      return FALSE;
    }
  _bc_inspector_field_show_error (field, NULL);
  return TRUE;
}

void
_bc_inspector_field_show_error (BcInspectorField *field,
                                const char       *message)
{
  if (field->error_label == NULL && message != NULL)
    field->error_label = error_label_new (field);

  if (message != NULL)
    gtk_widget_add_css_class (field->editor, "error");
  else
    gtk_widget_remove_css_class (field->editor, "error");

  if (field->error_label != NULL)
    {
      GtkWidget *shown = field->kind == BC_FIELD_TEXT ? field->error_label
                                                      : gtk_widget_get_parent (field->error_label);

      gtk_label_set_text (GTK_LABEL (field->error_label), message ? message : "");
      gtk_widget_set_visible (shown, message != NULL);
    }
}

void
_bc_inspector_field_add_suffix (BcInspectorField *field,
                                GtkWidget        *widget)
{
  if (field->kind == BC_FIELD_TEXT)
    gtk_box_append (GTK_BOX (field->suffixes), widget);
  else if (ADW_IS_ENTRY_ROW (field->row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), widget);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), widget);
}

/* The focus, without selecting the text: typing goes where the cursor
 * is, never over the whole value. */
void
_bc_inspector_field_grab_focus (BcInspectorField *field)
{
  if (field->kind == BC_FIELD_ENTRY)
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (field->editor));

      if (GTK_IS_TEXT (text))
        {
          gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
          return;
        }
    }
  gtk_widget_grab_focus (field->editor);
}

/* The field a widget of it belongs to, or %NULL. */
BcInspectorField *
_bc_inspector_field_from_widget (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      BcInspectorField *field = g_object_get_data (G_OBJECT (widget), "bc-field");

      if (field != NULL)
        return field;
    }
  return NULL;
}
