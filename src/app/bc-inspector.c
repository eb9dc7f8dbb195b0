/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-compat.h"
#include "bc-editing.h"
#include "bc-enum-types.h"
#include "bc-history.h"
#include "bc-inspector-private.h"
#include "bc-item-picker.h"
#include "bc-preferences-window.h"
#include "bc-rules.h"

struct _BcInspector
{
  GtkWidget parent_instance;

  BcItem    *item;
  BcCase    *details;     /* the case shown when no item is */
  BcCase    *case_;       /* the one shown, watched for changes */
  GBinding  *case_binding;
  GHashTable *fields;     /* a key such as a property name → its editor */
  guint      rebuild_id;
  gboolean   rebuilding;
  gboolean   page_stale;  /* rebuild() waits for the inspector to be shown */
  gboolean   stale_reset_scroll;
  int        expand_position; /* a position just added, shown open */

  GtkStack  *stack;
  GtkWidget *scrolled;
  GtkLabel  *kind_label;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkBox    *sections;
};

G_DEFINE_FINAL_TYPE (BcInspector, bc_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_CASE,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Checks what was typed: NULL when it is fine, else why not. */
typedef char *(*ValidateFunc) (BcInspector *self,
                               GtkWidget   *row,
                               const char  *text);
/* Makes what was typed one step of the history. */
typedef void  (*CommitFunc)   (BcInspector *self,
                               GtkWidget   *row,
                               const char  *text);
/* The same for a choice: @value is the enum value chosen. */
typedef char *(*ValidateChoiceFunc) (BcInspector *self,
                                     GtkWidget   *row,
                                     int          value);
typedef void  (*CommitChoiceFunc)   (BcInspector *self,
                                     GtkWidget   *row,
                                     int          value);

/* Auxiliary functions */

static BcCase *
current_case (BcInspector *self)
{
  if (self->item != NULL)
    return bc_item_get_case (self->item);
  return self->details;
}

static char *
format_span (BcDate from,
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

static const char *
item_name (BcItem *item)
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

static GtkWidget *
add_group (BcInspector *self,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->sections, group);
  return group;
}

/* Puts @row in a preferences group or under an expander row. */
static void
container_add (GtkWidget *container,
               GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (container), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (container), row);
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Case files are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
icon_button_new (const char *icon_name,
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

static void
item_row_activated (AdwActionRow *row,
                    BcInspector  *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (row), "bc-item");

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

static void
select_clicked (GtkButton   *button,
                BcInspector *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (button), "bc-item");

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* A row that selects another item of the case when activated. */
static GtkWidget *
add_item_row (BcInspector *self,
              GtkWidget   *group,
              BcItem      *item,
              const char  *subtitle)
{
  GtkWidget *row = row_new (item_name (item), subtitle);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Select"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bc-item", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (item_row_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
add_id_row (BcInspector *self,
            GtkWidget   *group,
            BcCase      *case_,
            const char  *id,
            const char  *subtitle)
{
  BcItem *item = bc_case_lookup (case_, id);
  GtkWidget *row;

  if (item != NULL)
    return add_item_row (self, group, item, subtitle);

  row = row_new (id, _("Not in this case"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
link_clicked (GtkButton   *button,
              BcInspector *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "bc-url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  bc_compat_open_web_link (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url);
}

static gboolean
is_web_link (const char *url)
{
  return url != NULL && *url != '\0' && bc_rules_check_url (url, NULL);
}

/* Only http and https links get a button: a case file must not be able
 * to make the desktop open anything else. */
static void
add_web_button (BcInspector *self,
                GtkWidget   *row,
                const char  *url)
{
  GtkWidget *button;

  if (!is_web_link (url))
    return;

  button = icon_button_new ("web-browser-symbolic", url, _("Open the source in the browser"));
  g_object_set_data_full (G_OBJECT (button), "bc-url", g_strdup (url), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (link_clicked), self);
  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static gboolean
strv_contains (const char * const *strv,
               const char         *s)
{
  return strv != NULL && s != NULL && g_strv_contains (strv, s);
}

static gboolean
strv_remove_value (const char * const *strv,
                   const char         *id,
                   GValue             *value)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;

  if (strv == NULL || !g_strv_contains (strv, id))
    return FALSE;

  builder = g_strv_builder_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    if (!g_str_equal (strv[i], id))
      g_strv_builder_add (builder, strv[i]);
  result = g_strv_builder_end (builder);

  g_value_init (value, G_TYPE_STRV);
  /* An empty list is no list in the file. */
  g_value_set_boxed (value, result[0] != NULL ? result : NULL);
  return TRUE;
}

static GObject *
row_target (BcInspector *self,
            GtkWidget   *row)
{
  GObject *object = g_object_get_data (G_OBJECT (row), "bc-object");

  return object != NULL ? object : G_OBJECT (self->item);
}

static void
set_target (GtkWidget *row,
            GObject   *object)
{
  if (object != NULL)
    g_object_set_data_full (G_OBJECT (row), "bc-object", g_object_ref (object), g_object_unref);
}

static void
register_field (BcInspector *self,
                const char  *key,
                GtkWidget   *widget)
{
  g_hash_table_insert (self->fields, g_strdup (key), widget);
}

/* Validation and commits */

static gboolean
parse_optional_date (const char  *text,
                     BcDate      *date,
                     char       **message)
{
  g_autoptr(GError) error = NULL;

  *date = BC_DATE_UNSET;
  if (*text == '\0')
    return TRUE;
  if (!bc_date_parse (text, date, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

static BcDate
get_date (GObject    *object,
          const char *property)
{
  BcDate *boxed = NULL;
  BcDate date = BC_DATE_UNSET;

  g_object_get (object, property, &boxed, NULL);
  if (boxed != NULL)
    date = *boxed;
  g_clear_pointer (&boxed, bc_date_free);
  return date;
}

/* The value a field's text stands for: a date, or a string (empty text
 * is no value). FALSE with a message when the text is not a date. */
static gboolean
value_from_text (GObject     *object,
                 const char  *property,
                 const char  *text,
                 GValue      *value,
                 char       **message)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_return_val_if_fail (pspec != NULL, FALSE);

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == BC_TYPE_DATE)
    {
      BcDate date;

      if (!parse_optional_date (text, &date, message))
        return FALSE;
      g_value_init (value, BC_TYPE_DATE);
      g_value_set_boxed (value, bc_date_is_set (date) ? &date : NULL);
      return TRUE;
    }

  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, *text != '\0' ? text : NULL);
  return TRUE;
}

/* Refuses what the case file could not hold, with the rules of the core
 * and their message for the field; NULL when @text is fine. */
static char *
validate_field (BcInspector *self,
                GtkWidget   *row,
                const char  *text)
{
  GObject *object = row_target (self, row);
  const char *property = g_object_get_data (G_OBJECT (row), "bc-property");
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  /* Fields of lists (authors) are checked by their own commit. */
  if (pspec == NULL || (pspec->value_type != G_TYPE_STRING && pspec->value_type != BC_TYPE_DATE))
    return NULL;
  if (!value_from_text (object, property, text, &value, &message))
    return message;
  if (!bc_rules_check_value (current_case (self), object, property, &value, &error))
    return g_strdup (error->message);
  return NULL;
}

/* A row of its own under @row, so that a message sits right under the
 * field (a group puts only preferences rows in its list). It is made
 * when first needed: a form of twenty fields need not be forty rows. */
static GtkWidget *
error_label_new (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *label_row = adw_preferences_row_new ();

  if (!GTK_IS_LIST_BOX (list))
    return NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (label_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (label_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (label_row), FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), label_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  g_object_set_data (G_OBJECT (row), "bc-error-label", label);
  return label;
}

static void
show_field_error (GtkWidget  *row,
                  const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "bc-error-label");

  if (label == NULL && message != NULL)
    label = error_label_new (row);

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message ? message : "");
      gtk_widget_set_visible (gtk_widget_get_parent (label), message != NULL);
    }
}

static gboolean
can_edit (BcInspector *self)
{
  return !self->rebuilding && current_case (self) != NULL;
}

static char *
run_validate (BcInspector *self,
              GtkWidget   *row,
              const char  *text)
{
  ValidateFunc validate = g_object_get_data (G_OBJECT (row), "bc-validate");

  return validate ? validate (self, row, text) : validate_field (self, row, text);
}

static void
field_changed (GtkEditable *editable,
               BcInspector *self)
{
  g_autofree char *message = NULL;

  if (!can_edit (self))
    return;

  message = run_validate (self, GTK_WIDGET (editable), gtk_editable_get_text (editable));
  show_field_error (GTK_WIDGET (editable), message);
}

static void
perform_set (BcInspector  *self,
             GtkWidget    *row,
             GObject      *object,
             const char   *property,
             const GValue *value)
{
  g_autoptr(GError) error = NULL;

  if (!bc_edit_set (current_case (self), object, property, value, &error) && row != NULL)
    show_field_error (row, error->message);
}

/* Sets a string or date property from what was typed, unless it holds
 * that already. */
static void
commit_property (BcInspector *self,
                 GtkWidget   *row,
                 const char  *text)
{
  GObject *object = row_target (self, row);
  const char *property = g_object_get_data (G_OBJECT (row), "bc-property");
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;
  g_autofree char *message = NULL;

  if (!value_from_text (object, property, text, &value, &message))
    return;
  g_value_init (&current, G_VALUE_TYPE (&value));
  g_object_get_property (object, property, &current);
  if (G_VALUE_HOLDS (&value, BC_TYPE_DATE)
      ? bc_date_equal (get_date (object, property), g_value_get_boxed (&value)
                                                     ? *(BcDate *) g_value_get_boxed (&value)
                                                     : BC_DATE_UNSET)
      : g_strcmp0 (g_value_get_string (&current) ? g_value_get_string (&current) : "", text) == 0)
    return;

  perform_set (self, row, object, property, &value);
}

/* One committed field is one step of the history. */
static void
commit_field (BcInspector *self,
              GtkWidget   *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  CommitFunc commit = g_object_get_data (G_OBJECT (row), "bc-commit");
  g_autofree char *message = NULL;

  if (!can_edit (self))
    return;

  message = run_validate (self, row, text);
  show_field_error (row, message);
  if (message != NULL)
    return;

  if (commit != NULL)
    commit (self, row, text);
  else
    commit_property (self, row, text);
}

static void
field_applied (GtkWidget   *row,
               BcInspector *self)
{
  commit_field (self, row);
}

static void
field_focus_left (GtkEventControllerFocus *controller,
                  BcInspector             *self)
{
  commit_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

/**
 * add_entry_full:
 * @object: (nullable): what the field edits, the selected item when %NULL
 * @key: the field's name for the tests, and the property when @commit is
 *   %NULL
 * @validate: (nullable): checks the text, validate_field() when %NULL
 * @commit: (nullable): saves it, commit_property() when %NULL
 */
static GtkWidget *
add_entry_full (BcInspector  *self,
                GtkWidget    *container,
                GObject      *object,
                const char   *title,
                const char   *key,
                const char   *text,
                ValidateFunc  validate,
                CommitFunc    commit)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Titles may quote the case, which is not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_add_css_class (row, "inspector-entry");
  g_object_set_data_full (G_OBJECT (row), "bc-property", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (row), "bc-validate", validate);
  g_object_set_data (G_OBJECT (row), "bc-commit", commit);
  set_target (row, object);

  g_signal_connect (row, "changed", G_CALLBACK (field_changed), self);
  g_signal_connect (row, "apply", G_CALLBACK (field_applied), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (field_applied), self);
  g_signal_connect (focus, "leave", G_CALLBACK (field_focus_left), self);
  gtk_widget_add_controller (row, focus);

  container_add (container, row);
  register_field (self, key, row);
  return row;
}

static GtkWidget *
add_entry (BcInspector *self,
           GtkWidget   *group,
           const char  *title,
           const char  *property,
           const char  *text)
{
  return add_entry_full (self, group, NULL, title, property, text, NULL, NULL);
}

static GtkWidget *
add_date_entry (BcInspector *self,
                GtkWidget   *group,
                GObject     *object,
                const char  *title,
                const char  *property,
                BcDate       date)
{
  g_autofree char *text = bc_date_to_string (date);

  return add_entry_full (self, group, object, title, property, text, NULL, NULL);
}

/* Choices */

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

static void
commit_choice_property (BcInspector *self,
                        GtkWidget   *row,
                        int          value)
{
  GObject *object = row_target (self, row);
  const char *property = g_object_get_data (G_OBJECT (row), "bc-property");
  GType enum_type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bc-enum-type"));
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) next = G_VALUE_INIT;

  g_value_init (&current, enum_type);
  g_object_get_property (object, property, &current);
  if (g_value_get_enum (&current) == value)
    return;

  g_value_init (&next, enum_type);
  g_value_set_enum (&next, value);
  perform_set (self, row, object, property, &next);
}

static void
choice_changed (AdwComboRow *row,
                GParamSpec  *pspec,
                BcInspector *self)
{
  GType enum_type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bc-enum-type"));
  ValidateChoiceFunc validate = g_object_get_data (G_OBJECT (row), "bc-validate");
  CommitChoiceFunc commit = g_object_get_data (G_OBJECT (row), "bc-commit");
  g_autofree char *message = NULL;
  guint selected = adw_combo_row_get_selected (row);
  int value;

  if (!can_edit (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  value = enum_value_at (enum_type, selected);
  if (enum_type == BC_TYPE_MECHANISM)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bc_mechanism_get_meaning (value));

  if (validate != NULL)
    message = validate (self, GTK_WIDGET (row), value);
  else if (commit == NULL)
    {
      g_auto(GValue) next = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;

      g_value_init (&next, enum_type);
      g_value_set_enum (&next, value);
      if (!bc_rules_check_value (current_case (self), row_target (self, GTK_WIDGET (row)),
                                 g_object_get_data (G_OBJECT (row), "bc-property"), &next, &error))
        message = g_strdup (error->message);
    }
  show_field_error (GTK_WIDGET (row), message);
  if (message != NULL)
    return;

  if (commit != NULL)
    commit (self, GTK_WIDGET (row), value);
  else
    commit_choice_property (self, GTK_WIDGET (row), value);
}

/**
 * add_choice_full:
 * @object: (nullable): what the choice edits, the selected item when %NULL
 * @key: the field's name for the tests, and the property when @commit is
 *   %NULL
 *
 * A combo row of the values of @enum_type; choosing one is one step.
 */
static GtkWidget *
add_choice_full (BcInspector        *self,
                 GtkWidget          *container,
                 GObject            *object,
                 const char         *title,
                 const char         *key,
                 GType               enum_type,
                 int                 value,
                 ValidateChoiceFunc  validate,
                 CommitChoiceFunc    commit)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) labels = bc_editing_enum_labels (enum_type);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), enum_position_of (enum_type, value));
  g_object_set_data_full (G_OBJECT (row), "bc-property", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (row), "bc-enum-type", GSIZE_TO_POINTER (enum_type));
  g_object_set_data (G_OBJECT (row), "bc-validate", validate);
  g_object_set_data (G_OBJECT (row), "bc-commit", commit);
  set_target (row, object);

  if (enum_type == BC_TYPE_MECHANISM)
    {
      /* Each mechanism says what it means, in the list and under the row. */
      bc_editing_show_meanings (ADW_COMBO_ROW (row));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bc_mechanism_get_meaning (value));
    }

  g_signal_connect (row, "notify::selected", G_CALLBACK (choice_changed), self);
  container_add (container, row);
  register_field (self, key, row);
  return row;
}

static GtkWidget *
add_choice (BcInspector *self,
            GtkWidget   *group,
            const char  *title,
            const char  *property,
            GType        enum_type,
            int          value)
{
  return add_choice_full (self, group, NULL, title, property, enum_type, value, NULL, NULL);
}

/* Lists of actors: participants, carriers, member-of */

static void
remove_reference_clicked (GtkButton   *button,
                          BcInspector *self)
{
  const char *property = g_object_get_data (G_OBJECT (button), "bc-property");
  const char *id = g_object_get_data (G_OBJECT (button), "bc-id");
  g_auto(GStrv) strv = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self) || self->item == NULL)
    return;

  g_object_get (self->item, property, &strv, NULL);
  if (strv_remove_value ((const char * const *) strv, id, &value))
    perform_set (self, NULL, G_OBJECT (self->item), property, &value);
}

static void
reference_chosen (BcItemPicker *picker,
                  BcItem       *item,
                  BcInspector  *self)
{
  const char *property = g_object_get_data (G_OBJECT (picker), "bc-property");
  g_auto(GStrv) strv = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!can_edit (self) || self->item == NULL)
    return;

  g_object_get (self->item, property, &strv, NULL);
  if (strv_contains ((const char * const *) strv, bc_item_get_id (item)))
    return;
  if (strv != NULL)
    g_strv_builder_addv (builder, (const char **) strv);
  g_strv_builder_add (builder, bc_item_get_id (item));
  result = g_strv_builder_end (builder);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, result);
  perform_set (self, NULL, G_OBJECT (self->item), property, &value);
}

typedef struct
{
  GObject *owner;
  char    *property;
} RefFilter;

static void
ref_filter_free (gpointer data)
{
  RefFilter *filter = data;

  g_object_unref (filter->owner);
  g_free (filter->property);
  g_free (filter);
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

/* Makes the picker of a button when it is first popped up: the
 * inspector is rebuilt after every edit, and most pickers are never
 * opened. */
typedef GtkWidget *(*PickerFactory) (BcInspector *self,
                                     const char  *arg);

static void
picker_button_create_popup (GtkMenuButton *button,
                            gpointer       user_data)
{
  BcInspector *self = user_data;
  PickerFactory factory = g_object_get_data (G_OBJECT (button), "bc-factory");

  if (gtk_menu_button_get_popover (button) != NULL || current_case (self) == NULL)
    return;
  gtk_menu_button_set_popover (button, factory (self, g_object_get_data (G_OBJECT (button), "bc-arg")));
}

/* A row with a button that pops a picker up. */
static GtkWidget *
add_picker_row (BcInspector   *self,
                GtkWidget     *group,
                const char    *title,
                const char    *key,
                PickerFactory  factory,
                const char    *arg)
{
  GtkWidget *row = row_new (title, NULL);
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  g_object_set_data (G_OBJECT (button), "bc-factory", factory);
  g_object_set_data_full (G_OBJECT (button), "bc-arg", g_strdup (arg), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), picker_button_create_popup, self, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  register_field (self, key, button);
  return row;
}

static GtkWidget *
references_picker_new (BcInspector *self,
                       const char  *property)
{
  GtkWidget *picker = bc_item_picker_new (bc_case_get_actors (current_case (self)), _("Search actors"));
  RefFilter *filter = g_new0 (RefFilter, 1);

  filter->owner = g_object_ref (G_OBJECT (self->item));
  filter->property = g_strdup (property);
  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), not_yet_referenced, filter, ref_filter_free);
  g_object_set_data_full (G_OBJECT (picker), "bc-property", g_strdup (property), g_free);
  g_signal_connect (picker, "item-chosen", G_CALLBACK (reference_chosen), self);
  return picker;
}

/**
 * add_references:
 * @property: a list of actor ids of the selected item
 *
 * The actors of @property, each with a button that takes it off the
 * list, and a picker that adds one. Each is one step.
 */
static void
add_references (BcInspector *self,
                BcCase      *case_,
                const char  *title,
                const char  *property,
                const char  *add_title,
                const char  *remove_label)
{
  g_auto(GStrv) strv = NULL;
  GtkWidget *group = add_group (self, title);

  g_object_get (self->item, property, &strv, NULL);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      BcActor *actor = bc_case_lookup_actor (case_, strv[i]);
      GtkWidget *row = add_id_row (self, group, case_, strv[i],
                                   actor ? bc_track_get_label (bc_actor_get_track (actor)) : NULL);
      GtkWidget *button = icon_button_new ("list-remove-symbolic", remove_label, remove_label);
      g_autofree char *key = g_strdup_printf ("%s:remove:%s", property, strv[i]);

      g_object_set_data_full (G_OBJECT (button), "bc-property", g_strdup (property), g_free);
      g_object_set_data_full (G_OBJECT (button), "bc-id", g_strdup (strv[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_reference_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      register_field (self, key, button);
    }

  {
    g_autofree char *key = g_strdup_printf ("%s:add", property);

    add_picker_row (self, group, add_title, key, references_picker_new, property);
  }
}

/* Evidence: the sources an item cites, with pages */

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

static void
set_source_refs (BcInspector *self,
                 GtkWidget   *row,
                 GObject     *object,
                 GPtrArray   *refs)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, refs->len > 0 ? refs : NULL);
  perform_set (self, row, object, "sources", &value);
}

static char *
validate_pages (BcInspector *self,
                GtkWidget   *row,
                const char  *text)
{
  g_autoptr(GError) error = NULL;

  if (!bc_rules_check_pages (text, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
commit_pages (BcInspector *self,
              GtkWidget   *row,
              const char  *text)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "bc-index"));
  g_autoptr(GPtrArray) refs = copy_source_refs (G_OBJECT (self->item));
  BcSourceRef *ref;

  if (index >= refs->len)
    return;
  ref = g_ptr_array_index (refs, index);
  if (g_strcmp0 (ref->pages ? ref->pages : "", text) == 0)
    return;

  g_free (ref->pages);
  ref->pages = *text != '\0' ? g_strdup (text) : NULL;
  set_source_refs (self, row, G_OBJECT (self->item), refs);
}

static void
remove_evidence_clicked (GtkButton   *button,
                         BcInspector *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bc-index"));
  g_autoptr(GPtrArray) refs = NULL;

  if (!can_edit (self) || self->item == NULL)
    return;
  refs = copy_source_refs (G_OBJECT (self->item));
  if (index >= refs->len)
    return;
  g_ptr_array_remove_index (refs, index);
  set_source_refs (self, NULL, G_OBJECT (self->item), refs);
}

static void
cite_source (BcInspector *self,
             const char  *id)
{
  g_autoptr(GPtrArray) refs = copy_source_refs (G_OBJECT (self->item));

  g_ptr_array_add (refs, bc_source_ref_new (id, NULL));
  set_source_refs (self, NULL, G_OBJECT (self->item), refs);
}

static void
evidence_chosen (BcItemPicker *picker,
                 BcItem       *item,
                 BcInspector  *self)
{
  if (!can_edit (self) || self->item == NULL)
    return;
  cite_source (self, bc_item_get_id (item));
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
new_source_clicked (GtkButton   *button,
                    BcInspector *self)
{
  GtkWidget *citation = g_object_get_data (G_OBJECT (button), "bc-citation");
  AdwComboRow *kind = g_object_get_data (G_OBJECT (button), "bc-kind");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (citation)));
  g_autoptr(GError) error = NULL;

  g_strstrip (text);
  if (!can_edit (self) || self->item == NULL || *text == '\0')
    return;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  if (bc_edit_cite_new_source (current_case (self), G_OBJECT (self->item),
                               enum_value_at (BC_TYPE_SOURCE_TYPE, adw_combo_row_get_selected (kind)),
                               text, &error) == NULL)
    g_warning ("%s", error->message);
}

/* Above the list of the case's sources: a new one, made on the spot. */
static GtkWidget *
new_source_form (BcInspector *self)
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
  g_signal_connect (button, "clicked", G_CALLBACK (new_source_clicked), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_label_set_xalign (GTK_LABEL (existing), 0);
  gtk_widget_add_css_class (existing, "heading");
  gtk_box_append (GTK_BOX (box), existing);

  register_field (self, "evidence:new-citation", citation);
  register_field (self, "evidence:new-kind", kind);
  register_field (self, "evidence:create", button);
  return box;
}

static GtkWidget *
evidence_picker_new (BcInspector *self,
                     const char  *arg)
{
  GtkWidget *picker = bc_item_picker_new (bc_case_get_sources (current_case (self)), _("Search sources"));

  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), not_yet_cited,
                             g_object_ref (self->item), g_object_unref);
  bc_item_picker_set_header (BC_ITEM_PICKER (picker), new_source_form (self));
  g_signal_connect (picker, "item-chosen", G_CALLBACK (evidence_chosen), self);
  return picker;
}

static void
add_evidence (BcInspector *self,
              BcCase      *case_)
{
  g_autoptr(GPtrArray) refs = NULL;
  GtkWidget *group = add_group (self, _("Evidence"));

  g_object_get (self->item, "sources", &refs, NULL);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      BcSourceRef *ref = g_ptr_array_index (refs, i);
      BcSource *source = bc_case_lookup_source (case_, ref->ref);
      g_autofree char *key = g_strdup_printf ("pages:%u", i);
      g_autofree char *remove_key = g_strdup_printf ("evidence:remove:%u", i);
      g_autofree char *title = NULL;
      GtkWidget *row;
      GtkWidget *button;

      /* The row's title is the source; what it holds is the pages. */
      title = source != NULL
              ? g_strdup_printf (_("Pages in %s"), bc_source_get_citation (source))
              : g_strdup_printf (_("Pages in %s (not in this case)"), ref->ref);
      row = add_entry_full (self, group, NULL, title, key, ref->pages, validate_pages, commit_pages);
      g_object_set_data (G_OBJECT (row), "bc-index", GUINT_TO_POINTER (i));

      if (source != NULL)
        {
          add_web_button (self, row, bc_source_get_url (source));
          button = icon_button_new ("go-next-symbolic", _("Select the Source"), _("Select the source"));
          g_object_set_data_full (G_OBJECT (button), "bc-item", g_object_ref (source), g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (select_clicked), self);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
        }

      button = icon_button_new ("list-remove-symbolic", _("Remove Evidence"), _("Remove the evidence"));
      g_object_set_data (G_OBJECT (button), "bc-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (remove_evidence_clicked), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      register_field (self, remove_key, button);
    }

  add_picker_row (self, group, _("Add Evidence"), "evidence:add", evidence_picker_new, NULL);
}

/* Positions over time */

static GPtrArray *
copy_positions (BcActor *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);
  GPtrArray *copy = bc_positions_new ();

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    g_ptr_array_add (copy, bc_position_copy (g_ptr_array_index (positions, i)));
  return copy;
}

static void
set_positions (BcInspector *self,
               GtkWidget   *row,
               GPtrArray   *positions)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_set_boxed (&value, positions->len > 0 ? positions : NULL);
  perform_set (self, row, G_OBJECT (self->item), "positions", &value);
}

static BcPosition *
row_position (BcInspector *self,
              GtkWidget   *row,
              GPtrArray   *positions)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "bc-index"));

  return index < positions->len ? g_ptr_array_index (positions, index) : NULL;
}

static char *
validate_position_date (BcInspector *self,
                        GtkWidget   *row,
                        const char  *text)
{
  const char *which = g_object_get_data (G_OBJECT (row), "bc-which");
  GPtrArray *positions = bc_actor_get_positions (BC_ACTOR (self->item));
  BcPosition *position = positions ? row_position (self, row, positions) : NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  BcDate date;

  if (!parse_optional_date (text, &date, &message))
    return message;
  if (position == NULL)
    return NULL;
  if (!bc_rules_check_range (BC_RANGE_POSITION,
                             g_str_equal (which, "from") ? date : position->from,
                             g_str_equal (which, "from") ? position->to : date, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
commit_position_text (BcInspector *self,
                      GtkWidget   *row,
                      const char  *text)
{
  const char *which = g_object_get_data (G_OBJECT (row), "bc-which");
  g_autoptr(GPtrArray) positions = copy_positions (BC_ACTOR (self->item));
  BcPosition *position = row_position (self, row, positions);
  BcDate date = BC_DATE_UNSET;

  if (position == NULL)
    return;

  if (g_str_equal (which, "role"))
    {
      if (g_strcmp0 (position->role ? position->role : "", text) == 0)
        return;
      g_free (position->role);
      position->role = *text != '\0' ? g_strdup (text) : NULL;
    }
  else
    {
      BcDate *field = g_str_equal (which, "from") ? &position->from : &position->to;

      if (*text != '\0')
        bc_date_parse (text, &date, NULL);
      if (bc_date_equal (*field, date))
        return;
      *field = date;
    }
  set_positions (self, row, positions);
}

static void
commit_position_track (BcInspector *self,
                       GtkWidget   *row,
                       int          value)
{
  g_autoptr(GPtrArray) positions = copy_positions (BC_ACTOR (self->item));
  BcPosition *position = row_position (self, row, positions);

  if (position == NULL || (int) position->track == value)
    return;
  position->track = value;
  set_positions (self, row, positions);
}

static void
delete_position_clicked (GtkButton   *button,
                         BcInspector *self)
{
  g_autoptr(GPtrArray) positions = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bc-index"));

  if (!can_edit (self) || !BC_IS_ACTOR (self->item))
    return;
  positions = copy_positions (BC_ACTOR (self->item));
  if (index >= positions->len)
    return;
  g_ptr_array_remove_index (positions, index);
  set_positions (self, NULL, positions);
}

/* A new position starts where the actor is best known, undated. */
static void
add_position_clicked (GtkButton   *button,
                      BcInspector *self)
{
  g_autoptr(GPtrArray) positions = NULL;

  if (!can_edit (self) || !BC_IS_ACTOR (self->item))
    return;
  positions = copy_positions (BC_ACTOR (self->item));
  g_ptr_array_add (positions, bc_position_new (bc_actor_get_track (BC_ACTOR (self->item)),
                                               BC_DATE_UNSET, BC_DATE_UNSET, NULL));
  self->expand_position = positions->len - 1;
  set_positions (self, NULL, positions);
}

static GtkWidget *
add_position_entry (BcInspector *self,
                    GtkWidget   *expander,
                    guint        index,
                    const char  *title,
                    const char  *which,
                    const char  *text)
{
  g_autofree char *key = g_strdup_printf ("position:%u:%s", index, which);
  gboolean is_date = !g_str_equal (which, "role");
  GtkWidget *row = add_entry_full (self, expander, NULL, title, key, text,
                                   is_date ? validate_position_date : NULL,
                                   commit_position_text);

  g_object_set_data (G_OBJECT (row), "bc-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "bc-which", (gpointer) which);
  return row;
}

static void
add_positions (BcInspector *self,
               BcActor     *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);
  GtkWidget *group = add_group (self, _("Positions Over Time"));
  GtkWidget *button;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Where the actor stood, from when to when"));

  for (guint i = 0; positions != NULL && i < positions->len; i++)
    {
      BcPosition *position = g_ptr_array_index (positions, i);
      g_autofree char *span = format_span (position->from, position->to);
      g_autofree char *title = g_strdup_printf ("%s · %s", span, bc_track_get_label (position->track));
      g_autofree char *from = bc_date_to_string (position->from);
      g_autofree char *to = bc_date_to_string (position->to);
      g_autofree char *key = g_strdup_printf ("position:%u:track", i);
      g_autofree char *delete_key = g_strdup_printf ("position:%u:delete", i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      if (position->role != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), position->role);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), (int) i == self->expand_position);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

      row = add_choice_full (self, expander, NULL, _("Track"), key, BC_TYPE_TRACK, position->track,
                             NULL, commit_position_track);
      g_object_set_data (G_OBJECT (row), "bc-index", GUINT_TO_POINTER (i));
      add_position_entry (self, expander, i, _("From"), "from", from);
      add_position_entry (self, expander, i, _("To"), "to", to);
      add_position_entry (self, expander, i, _("Role"), "role", position->role);

      button = gtk_button_new_with_label (_("Delete Position"));
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_set_margin_bottom (button, 6);
      gtk_widget_set_margin_end (button, 12);
      g_object_set_data (G_OBJECT (button), "bc-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (delete_position_clicked), self);
      row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      register_field (self, delete_key, button);
    }
  self->expand_position = -1;

  button = gtk_button_new_with_mnemonic (_("Add _Position"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  g_signal_connect (button, "clicked", G_CALLBACK (add_position_clicked), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  register_field (self, "position:add", button);
}

/* Links and transfers of an event */

static void
delete_object_clicked (GtkButton   *button,
                       BcInspector *self)
{
  GObject *object = g_object_get_data (G_OBJECT (button), "bc-object");

  if (!can_edit (self) || object == NULL)
    return;
  bc_edit_delete (current_case (self), object, NULL);
}

static void
created_select (GObject  *created,
                gpointer  user_data)
{
  BcInspector *self = user_data;

  if (BC_IS_ITEM (created))
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, created);
}

static GtkWidget *
link_picker_new (BcInspector *self,
                 const char  *arg)
{
  return bc_editing_link_picker_new (current_case (self), BC_EVENT (self->item), NULL, NULL);
}

static GtkWidget *
transfer_picker_new (BcInspector *self,
                     const char  *arg)
{
  return bc_editing_transfer_picker_new (current_case (self), BC_EVENT (self->item), created_select, self);
}

static void
add_links (BcInspector *self,
           BcCase      *case_,
           BcEvent     *event)
{
  GListModel *links = bc_case_get_links (case_);
  const char *id = bc_item_get_id (BC_ITEM (event));
  GtkWidget *group = add_group (self, _("Links"));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);
      gboolean outgoing = g_strcmp0 (bc_link_get_from (link), id) == 0;
      const char *other_id;
      BcEvent *other;
      g_autofree char *key = NULL;
      g_autofree char *delete_key = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (!outgoing && g_strcmp0 (bc_link_get_to (link), id) != 0)
        continue;

      other_id = outgoing ? bc_link_get_to (link) : bc_link_get_from (link);
      other = bc_case_lookup_event (case_, other_id);
      key = g_strdup_printf ("link:%u:type", n);
      delete_key = g_strdup_printf ("link:%u:delete", n);
      n++;

      row = add_choice_full (self, group, G_OBJECT (link),
                             other ? bc_event_get_title (other) : other_id, key,
                             BC_TYPE_LINK_TYPE, bc_link_get_link_type (link), NULL, NULL);
      /* The key names the row for the tests; the property is the link's. */
      g_object_set_data_full (G_OBJECT (row), "bc-property", g_strdup ("link-type"), g_free);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   outgoing ? _("This event, then the other") : _("The other event, then this one"));

      if (other != NULL)
        {
          button = icon_button_new ("go-next-symbolic", _("Select the Event"), _("Select the linked event"));
          g_object_set_data_full (G_OBJECT (button), "bc-item", g_object_ref (other), g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (select_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      button = icon_button_new ("user-trash-symbolic", _("Delete Link"), _("Delete the link"));
      g_object_set_data_full (G_OBJECT (button), "bc-object", g_object_ref (link), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (delete_object_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      register_field (self, delete_key, button);
    }

  add_picker_row (self, group, _("Add Link…"), "link:add", link_picker_new, NULL);
}

static void
add_transfers_touching (BcInspector *self,
                        BcCase      *case_,
                        BcItem      *item)
{
  GListModel *transfers = bc_case_get_transfers (case_);
  const char *id = bc_item_get_id (item);
  gboolean as_carrier = BC_IS_ACTOR (item);
  GtkWidget *group = NULL;

  if (!as_carrier)
    group = add_group (self, _("Transfers"));

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      const char *subtitle = NULL;

      if (as_carrier && strv_contains (bc_transfer_get_carriers (transfer), id))
        subtitle = bc_mechanism_get_label (bc_transfer_get_mechanism (transfer));
      else if (!as_carrier && g_strcmp0 (bc_transfer_get_from (transfer), id) == 0)
        subtitle = _("Leaves this event");
      else if (!as_carrier && g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
        subtitle = _("Reaches this event");
      else
        continue;

      if (group == NULL)
        group = add_group (self, _("Carried Transfers"));
      add_item_row (self, group, BC_ITEM (transfer), subtitle);
    }

  /* A new transfer leaves this event for one on another track. */
  if (!as_carrier)
    add_picker_row (self, group, _("Add Transfer…"), "transfer:add", transfer_picker_new, NULL);
}

/* Annotations */

static void
annotation_delete_clicked (GtkButton   *button,
                           BcInspector *self)
{
  BcAnnotation *annotation = g_object_get_data (G_OBJECT (button), "bc-annotation");

  if (current_case (self) == NULL)
    return;
  bc_edit_delete (current_case (self), G_OBJECT (annotation), NULL);
}

static void
annotation_applied (GtkWidget   *row,
                    BcInspector *self)
{
  BcAnnotation *annotation = g_object_get_data (G_OBJECT (row), "bc-annotation");
  BcCase *case_ = current_case (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->rebuilding || case_ == NULL || *text == '\0' ||
      g_strcmp0 (text, bc_annotation_get_text (annotation)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  bc_edit_set (case_, G_OBJECT (annotation), "text", &value, NULL);
}

static void
annotation_focus_left (GtkEventControllerFocus *controller,
                       BcInspector             *self)
{
  annotation_applied (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), self);
}

static void
new_annotation_applied (GtkWidget   *row,
                        BcInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->rebuilding || *text == '\0')
    return;
  _bc_inspector_add_annotation (self, text);
}

/* The annotations about @item, or about the case when it is %NULL. */
static void
add_annotations (BcInspector *self,
                 BcCase      *case_,
                 BcItem      *item)
{
  g_autoptr(GPtrArray) annotations = bc_case_find_annotations_about (case_, item ? bc_item_get_id (item) : NULL);
  GtkWidget *group;
  GtkWidget *row;

  group = add_group (self, _("Annotations"));
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      BcAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *by = g_strdup_printf ("%s · %s",
                                             bc_annotation_get_author (annotation) ?: _("Anonymous"),
                                             bc_annotation_get_created (annotation) ?: "");
      g_autofree char *key = g_strdup_printf ("annotation:%u", i);
      g_autofree char *delete_key = g_strdup_printf ("annotation:%u:delete", i);
      GtkWidget *button = icon_button_new ("user-trash-symbolic", _("Delete Annotation"),
                                           _("Delete the annotation"));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), by);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), bc_annotation_get_text (annotation) ?: "");
      g_object_set_data_full (G_OBJECT (row), "bc-annotation", g_object_ref (annotation), g_object_unref);
      g_signal_connect (row, "apply", G_CALLBACK (annotation_applied), self);
      g_signal_connect (focus, "leave", G_CALLBACK (annotation_focus_left), self);
      gtk_widget_add_controller (row, focus);

      g_object_set_data_full (G_OBJECT (button), "bc-annotation", g_object_ref (annotation), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (annotation_delete_clicked), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      register_field (self, key, row);
      register_field (self, delete_key, button);
    }

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add an annotation"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (new_annotation_applied), self);
  register_field (self, "new-annotation", row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* Showing an item */

static void
show_actor (BcInspector *self,
            BcCase      *case_,
            BcActor     *actor)
{
  GListModel *events = bc_case_get_events (case_);
  GtkWidget *group;

  gtk_label_set_text (self->kind_label, _("Actor"));
  gtk_label_set_text (self->title_label, bc_actor_get_name (actor));
  gtk_label_set_text (self->subtitle_label, bc_actor_get_role (actor) ?: "");

  group = add_group (self, _("Details"));
  add_entry (self, group, _("Name"), "name", bc_actor_get_name (actor));
  add_entry (self, group, _("Role"), "role", bc_actor_get_role (actor));
  add_choice (self, group, _("Track"), "track", BC_TYPE_TRACK, bc_actor_get_track (actor));
  add_choice (self, group, _("Kind"), "actor-type", BC_TYPE_ACTOR_TYPE, bc_actor_get_actor_type (actor));
  add_entry (self, group, _("Description"), "description", bc_actor_get_description (actor));
  add_entry (self, group, _("Identifier"), "id", bc_item_get_id (BC_ITEM (actor)));

  add_references (self, case_, _("Member Of"), "member-of", _("Add Membership…"),
                  _("Remove the membership"));
  add_positions (self, actor);

  group = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;

      if (!strv_contains (bc_event_get_participants (event), bc_item_get_id (BC_ITEM (actor))))
        continue;
      if (group == NULL)
        group = add_group (self, _("Takes Part In"));
      date = bc_date_to_string (bc_event_get_date (event));
      add_item_row (self, group, BC_ITEM (event), date);
    }

  add_transfers_touching (self, case_, BC_ITEM (actor));
  add_evidence (self, case_);
  add_annotations (self, case_, BC_ITEM (actor));
}

static void
show_event (BcInspector *self,
            BcCase      *case_,
            BcEvent     *event)
{
  g_autofree char *when = format_span (bc_event_get_date (event), bc_event_get_end (event));
  g_autofree char *subtitle = NULL;
  GtkWidget *group;

  subtitle = g_strdup_printf ("%s · %s", when, bc_track_get_label (bc_event_get_track (event)));
  gtk_label_set_text (self->kind_label, bc_event_type_get_label (bc_event_get_event_type (event)));
  gtk_label_set_text (self->title_label, bc_event_get_title (event));
  gtk_label_set_text (self->subtitle_label, subtitle);

  group = add_group (self, _("Details"));
  add_entry (self, group, _("Title"), "title", bc_event_get_title (event));
  add_choice (self, group, _("Kind"), "event-type", BC_TYPE_EVENT_TYPE, bc_event_get_event_type (event));
  add_choice_full (self, group, NULL, _("Track"), "track", BC_TYPE_TRACK, bc_event_get_track (event),
                   NULL, NULL);
  add_date_entry (self, group, NULL, _("Date"), "date", bc_event_get_date (event));
  add_date_entry (self, group, NULL, _("End"), "end", bc_event_get_end (event));
  add_choice (self, group, _("Certainty of the date"), "certainty", BC_TYPE_CERTAINTY,
              bc_event_get_certainty (event));
  add_date_entry (self, group, NULL, _("Made public"), "disclosed", bc_event_get_disclosed (event));
  add_entry (self, group, _("Place"), "place", bc_event_get_place (event));
  add_entry (self, group, _("Description"), "description", bc_event_get_description (event));
  add_entry (self, group, _("Identifier"), "id", bc_item_get_id (BC_ITEM (event)));

  add_references (self, case_, _("Participants"), "participants", _("Add Participant…"),
                  _("Remove the participant"));
  add_transfers_touching (self, case_, BC_ITEM (event));
  add_links (self, case_, event);
  add_evidence (self, case_);
  add_annotations (self, case_, BC_ITEM (event));
}

static void
show_transfer (BcInspector *self,
               BcCase      *case_,
               BcTransfer  *transfer)
{
  BcMechanism mechanism = bc_transfer_get_mechanism (transfer);
  BcDirection direction = bc_case_get_transfer_direction (case_, transfer);
  const char *direction_text;
  g_autofree char *subtitle = NULL;
  GtkWidget *group;

  switch (direction)
    {
    case BC_DIRECTION_UPWARD:
      direction_text = _("Upward, towards Track 1");
      break;
    case BC_DIRECTION_DOWNWARD:
      direction_text = _("Downward, from the official track");
      break;
    case BC_DIRECTION_ACROSS:
    default:
      direction_text = _("Across tracks of the same level");
      break;
    }

  subtitle = g_strdup_printf ("%s · %s", bc_mechanism_get_label (mechanism),
                              bc_status_get_label (bc_transfer_get_status (transfer)));
  gtk_label_set_text (self->kind_label, _("Transfer"));
  gtk_label_set_text (self->title_label, bc_transfer_get_title (transfer));
  gtk_label_set_text (self->subtitle_label, subtitle);

  group = add_group (self, _("Details"));
  add_entry (self, group, _("Title"), "title", bc_transfer_get_title (transfer));
  add_choice (self, group, _("Mechanism"), "mechanism", BC_TYPE_MECHANISM, mechanism);
  add_choice (self, group, _("Status"), "status", BC_TYPE_TRANSFER_STATUS, bc_transfer_get_status (transfer));
  add_date_entry (self, group, NULL, _("Made public"), "disclosed", bc_transfer_get_disclosed (transfer));
  add_entry (self, group, _("Description"), "description", bc_transfer_get_description (transfer));
  add_entry (self, group, _("Identifier"), "id", bc_item_get_id (BC_ITEM (transfer)));

  group = add_group (self, _("Passage"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), direction_text);
  add_id_row (self, group, case_, bc_transfer_get_from (transfer), _("From"));
  add_id_row (self, group, case_, bc_transfer_get_to (transfer), _("To"));
  add_entry (self, group, _("From event"), "from", bc_transfer_get_from (transfer));
  add_entry (self, group, _("To event"), "to", bc_transfer_get_to (transfer));

  add_references (self, case_, _("Carried By"), "carriers", _("Add Carrier…"),
                  _("Remove the carrier"));
  add_evidence (self, case_);
  add_annotations (self, case_, BC_ITEM (transfer));
}

static void
show_source (BcInspector *self,
             BcCase      *case_,
             BcSource    *source)
{
  GtkWidget *group;
  GtkWidget *row;

  gtk_label_set_text (self->kind_label, _("Source"));
  gtk_label_set_text (self->title_label, bc_source_get_citation (source));
  gtk_label_set_text (self->subtitle_label,
                      bc_editing_enum_label (BC_TYPE_SOURCE_TYPE, bc_source_get_source_type (source)));

  group = add_group (self, _("Citation"));
  add_entry (self, group, _("Citation"), "citation", bc_source_get_citation (source));
  add_choice (self, group, _("Kind"), "source-type", BC_TYPE_SOURCE_TYPE, bc_source_get_source_type (source));
  row = add_entry (self, group, _("Link"), "url", bc_source_get_url (source));
  add_web_button (self, row, bc_source_get_url (source));
  add_entry (self, group, _("Identifier"), "id", bc_item_get_id (BC_ITEM (source)));
  add_annotations (self, case_, BC_ITEM (source));
}

/* The case's own details */

static void
commit_authors (BcInspector *self,
                GtkWidget   *row,
                const char  *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) authors = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BcCase *case_ = current_case (self);
  const char * const *current = bc_case_get_authors (case_);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  authors = g_strv_builder_end (builder);

  if ((current == NULL || current[0] == NULL) ? authors[0] == NULL
                                              : g_strv_equal (current, (const char * const *) authors))
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, authors[0] != NULL ? authors : NULL);
  perform_set (self, row, G_OBJECT (case_), "authors", &value);
}

static void
show_case (BcInspector *self,
           BcCase      *case_)
{
  GObject *object = G_OBJECT (case_);
  const char * const *authors = bc_case_get_authors (case_);
  g_autofree char *authors_text = authors ? g_strjoinv ("; ", (char **) authors) : NULL;
  g_autofree char *span = format_span (bc_case_get_period_start (case_), bc_case_get_period_end (case_));
  GtkWidget *group;

  gtk_label_set_text (self->kind_label, _("Case"));
  gtk_label_set_text (self->title_label, bc_case_get_title (case_));
  gtk_label_set_text (self->subtitle_label, span);

  group = add_group (self, _("Case Details"));
  add_entry_full (self, group, object, _("Title"), "title", bc_case_get_title (case_), NULL, NULL);
  add_entry_full (self, group, object, _("Summary"), "summary", bc_case_get_summary (case_), NULL, NULL);
  add_date_entry (self, group, object, _("Period start"), "period-start", bc_case_get_period_start (case_));
  add_date_entry (self, group, object, _("Period end"), "period-end", bc_case_get_period_end (case_));
  add_entry_full (self, group, object, _("Region"), "region", bc_case_get_region (case_), NULL, NULL);
  add_entry_full (self, group, object, _("Authors, separated by “;”"), "authors", authors_text,
                  NULL, commit_authors);
  add_entry_full (self, group, object, _("Licence (SPDX identifier)"), "license",
                  bc_case_get_license (case_), NULL, NULL);
  add_entry_full (self, group, object, _("Language"), "language", bc_case_get_language (case_), NULL, NULL);
  add_entry_full (self, group, object, _("Identifier"), "id", bc_case_get_id (case_), NULL, NULL);

  add_annotations (self, case_, NULL);
}

static void
build_page (BcInspector *self,
            gboolean     reset_scroll)
{
  GtkWidget *child;
  GtkWidget *button;
  BcCase *case_;

  /* Removing a focused entry moves the focus, which must not commit
   * what the entry showed before an undo. */
  self->rebuilding = TRUE;
  g_hash_table_remove_all (self->fields);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);

  case_ = current_case (self);
  if (case_ == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->rebuilding = FALSE;
      return;
    }

  if (self->item == NULL)
    show_case (self, case_);
  else if (BC_IS_ACTOR (self->item))
    show_actor (self, case_, BC_ACTOR (self->item));
  else if (BC_IS_EVENT (self->item))
    show_event (self, case_, BC_EVENT (self->item));
  else if (BC_IS_TRANSFER (self->item))
    show_transfer (self, case_, BC_TRANSFER (self->item));
  else if (BC_IS_SOURCE (self->item))
    show_source (self, case_, BC_SOURCE (self->item));

  if (self->item != NULL && self->details == case_)
    {
      button = gtk_button_new_with_mnemonic (_("Case _Details"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inspector.show-case");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (self->sections, button);
    }

  if (self->item != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Delete"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "inspector.delete");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      gtk_box_append (self->sections, button);
    }

  gtk_stack_set_visible_child_name (self->stack, "item");
  if (reset_scroll)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
  self->rebuilding = FALSE;
}

/* The page is built when the inspector is shown, or asked about: a
 * hidden inspector (the flap folded away, as at startup) would make and
 * measure its editors for nothing. */
static void
rebuild (BcInspector *self,
         gboolean     reset_scroll)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->page_stale = FALSE;
      self->stale_reset_scroll = FALSE;
      build_page (self, reset_scroll);
      return;
    }
  self->page_stale = TRUE;
  self->stale_reset_scroll |= reset_scroll;
}

static void
ensure_page (BcInspector *self)
{
  if (self->page_stale)
    {
      gboolean reset_scroll = self->stale_reset_scroll;

      self->page_stale = FALSE;
      self->stale_reset_scroll = FALSE;
      build_page (self, reset_scroll);
    }
}

/* Deleting */

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcInspector *self = BC_INSPECTOR (widget);
  g_autoptr(BcItem) item = self->item ? g_object_ref (self->item) : NULL;
  BcCase *case_ = item ? bc_item_get_case (item) : NULL;
  g_autoptr(GError) error = NULL;

  if (case_ == NULL)
    return;

  /* The item and everything that refers to it go in one step, so that
   * nothing dangles and one undo brings all of it back. */
  if (!bc_edit_delete (case_, G_OBJECT (item), &error))
    g_warning ("%s", error->message);
}

/* Lets go of the item, to show the case's own details; the window
 * follows the inspector's item and clears its selection. */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BcInspector *self = BC_INSPECTOR (widget);

  if (self->details != NULL)
    bc_inspector_set_item (self, NULL);
}

/* Following the case */

static void watch_case (BcInspector *self,
                        BcCase      *case_);

static gboolean
rebuild_idle (gpointer data)
{
  BcInspector *self = data;

  self->rebuild_id = 0;
  if (self->item != NULL && bc_item_get_case (self->item) == NULL)
    {
      /* Deleted: the selection goes with it. */
      g_clear_object (&self->item);
      watch_case (self, current_case (self));
      rebuild (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
  else
    rebuild (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (BcInspector *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
case_item_changed (BcCase      *case_,
                   GObject     *object,
                   GParamSpec  *pspec,
                   BcInspector *self)
{
  queue_rebuild (self);
}

static void
case_items_changed (GListModel  *model,
                    guint        position,
                    guint        removed,
                    guint        added,
                    BcInspector *self)
{
  queue_rebuild (self);
}

static void
watch_case (BcInspector *self,
            BcCase      *case_)
{
  GListModel *(*lists[]) (BcCase *) = {
    bc_case_get_actors, bc_case_get_events, bc_case_get_links,
    bc_case_get_transfers, bc_case_get_sources, bc_case_get_annotations,
  };

  if (self->case_ == case_)
    return;

  if (self->case_ != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->case_, self);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        g_signal_handlers_disconnect_by_data (lists[i] (self->case_), self);
    }
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    {
      g_signal_connect (case_, "item-changed", G_CALLBACK (case_item_changed), self);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        g_signal_connect (lists[i] (case_), "items-changed", G_CALLBACK (case_items_changed), self);
    }
}

/* GObject */

static void
bc_inspector_dispose (GObject *object)
{
  BcInspector *self = BC_INSPECTOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->case_binding, g_binding_unbind);
  watch_case (self, NULL);
  self->rebuilding = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_INSPECTOR);
  g_clear_object (&self->item);
  g_clear_object (&self->details);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (bc_inspector_parent_class)->dispose (object);
}

static void
bc_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BcInspector *self = BC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BcInspector *self = BC_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bc_inspector_set_item (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      bc_inspector_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Until a window says which case to show with bc_inspector_set_case(),
 * the inspector follows the "case" of the window it is in. */
static void
bc_inspector_root (GtkWidget *widget)
{
  BcInspector *self = BC_INSPECTOR (widget);
  GtkRoot *root;
  GParamSpec *pspec;

  GTK_WIDGET_CLASS (bc_inspector_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (root), "case");
  if (self->case_binding == NULL && pspec != NULL &&
      g_type_is_a (pspec->value_type, BC_TYPE_CASE) && (pspec->flags & G_PARAM_READABLE))
    self->case_binding = g_object_bind_property (root, "case", self, "case", G_BINDING_SYNC_CREATE);
}

static void
bc_inspector_unroot (GtkWidget *widget)
{
  BcInspector *self = BC_INSPECTOR (widget);

  g_clear_pointer (&self->case_binding, g_binding_unbind);
  GTK_WIDGET_CLASS (bc_inspector_parent_class)->unroot (widget);
}

static void
bc_inspector_map (GtkWidget *widget)
{
  /* Before the children are mapped, so that the page is shown as built. */
  ensure_page (BC_INSPECTOR (widget));
  GTK_WIDGET_CLASS (bc_inspector_parent_class)->map (widget);
}

static void
bc_inspector_class_init (BcInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_inspector_dispose;
  object_class->get_property = bc_inspector_get_property;
  object_class->set_property = bc_inspector_set_property;
  widget_class->map = bc_inspector_map;
  widget_class->root = bc_inspector_root;
  widget_class->unroot = bc_inspector_unroot;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, BC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BcInspector:case:
   *
   * The case whose own details the inspector shows and edits while no
   * item is selected.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcInspector::item-activated:
   * @item: another item of the case, chosen from the inspector
   *
   * Asks for @item to become the window's selection.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BC_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/backchannel/Backchannel/ui/bc-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, BcInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BcInspector, sections);

  gtk_widget_class_install_action (widget_class, "inspector.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "inspector.show-case", NULL, show_case_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcinspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_inspector_init (BcInspector *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expand_position = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inspector"), -1);
}

/* Public API */

GtkWidget *
bc_inspector_new (void)
{
  return g_object_new (BC_TYPE_INSPECTOR, NULL);
}

BcItem *
bc_inspector_get_item (BcInspector *self)
{
  g_return_val_if_fail (BC_IS_INSPECTOR (self), NULL);
  return self->item;
}

void
bc_inspector_set_item (BcInspector *self,
                       BcItem      *item)
{
  g_return_if_fail (BC_IS_INSPECTOR (self));
  g_return_if_fail (item == NULL || BC_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  watch_case (self, current_case (self));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

BcCase *
bc_inspector_get_case (BcInspector *self)
{
  g_return_val_if_fail (BC_IS_INSPECTOR (self), NULL);
  return self->details;
}

/**
 * bc_inspector_set_case:
 * @self: an inspector
 * @case_: (nullable): the open case
 *
 * Sets the case whose own details (title, period, summary, authors, its
 * annotations) the inspector shows and edits while no item is selected.
 */
void
bc_inspector_set_case (BcInspector *self,
                       BcCase      *case_)
{
  g_return_if_fail (BC_IS_INSPECTOR (self));
  g_return_if_fail (case_ == NULL || BC_IS_CASE (case_));

  if (!g_set_object (&self->details, case_))
    return;

  /* An item of another case is no longer what the inspector shows. */
  if (self->item != NULL && bc_item_get_case (self->item) != case_)
    {
      g_clear_object (&self->item);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }

  watch_case (self, current_case (self));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/* Private API */

const char *
_bc_inspector_get_title (BcInspector *self)
{
  ensure_page (self);
  return gtk_label_get_text (self->title_label);
}

GtkWidget *
_bc_inspector_get_field (BcInspector *self,
                         const char  *property)
{
  ensure_page (self);
  return g_hash_table_lookup (self->fields, property);
}

/* The message shown next to the field, or NULL when it is fine. */
const char *
_bc_inspector_get_field_error (BcInspector *self,
                               const char  *property)
{
  GtkWidget *row;
  GtkWidget *label;

  ensure_page (self);
  row = g_hash_table_lookup (self->fields, property);
  label = row ? g_object_get_data (G_OBJECT (row), "bc-error-label") : NULL;

  if (label == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (label)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A transfer keeps its annotations; anything else is annotated by the
 * case, about its id. */
gboolean
_bc_inspector_add_annotation (BcInspector *self,
                              const char  *text)
{
  g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();
  g_autofree char *author = bc_preferences_window_dup_author_name (settings);
  BcCase *case_ = current_case (self);

  if (case_ == NULL)
    return FALSE;

  return bc_edit_add_annotation (case_, self->item ? G_OBJECT (self->item) : G_OBJECT (case_),
                                 author, text, NULL) != NULL;
}

/* The picker a button of the inspector pops up, made as popping it up
 * would make it. */
GtkWidget *
_bc_inspector_get_picker (BcInspector *self,
                          const char  *key)
{
  GtkWidget *button;

  ensure_page (self);
  button = g_hash_table_lookup (self->fields, key);

  if (!GTK_IS_MENU_BUTTON (button))
    return NULL;
  picker_button_create_popup (GTK_MENU_BUTTON (button), self);
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}
