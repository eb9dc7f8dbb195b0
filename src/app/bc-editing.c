/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-editing"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-editing.h"
#include "bc-enum-types.h"
#include "bc-history.h"
#include "bc-item-picker.h"

/* Auxiliary functions */

static const char *
actor_type_label (int value)
{
  static const char * const labels[] = {
    N_("Person"), N_("Organisation"), N_("State"), N_("Intergovernmental body"), N_("Group"),
  };

  g_return_val_if_fail (value >= 0 && value < (int) G_N_ELEMENTS (labels), NULL);
  return _(labels[value]);
}

static const char *
certainty_label (int value)
{
  static const char * const labels[] = {
    N_("Exact"), N_("Approximate"), N_("Disputed"),
  };

  g_return_val_if_fail (value >= 0 && value < (int) G_N_ELEMENTS (labels), NULL);
  return _(labels[value]);
}

static const char *
link_type_label (int value)
{
  static const char * const labels[] = {
    N_("Leads to"), N_("Responds to"), N_("Parallel to"),
  };

  g_return_val_if_fail (value >= 0 && value < (int) G_N_ELEMENTS (labels), NULL);
  return _(labels[value]);
}

static const char *
source_type_label (int value)
{
  static const char * const labels[] = {
    N_("Book"), N_("Chapter"), N_("Article"), N_("Report"), N_("Document"),
    N_("Web page"), N_("Interview"), N_("Other"),
  };

  g_return_val_if_fail (value >= 0 && value < (int) G_N_ELEMENTS (labels), NULL);
  return _(labels[value]);
}

/* Callbacks */

typedef struct
{
  BcCase           *case_;
  char             *from;
  BcEditingCreated  created;
  gpointer          user_data;
  AdwComboRow      *choice;
} PickerData;

static void
picker_data_free (gpointer data)
{
  PickerData *pd = data;

  g_clear_object (&pd->case_);
  g_free (pd->from);
  g_free (pd);
}

static gboolean
other_track (BcItem   *item,
             gpointer  user_data)
{
  PickerData *pd = user_data;
  BcEvent *from = bc_case_lookup_event (pd->case_, pd->from);

  return from != NULL && bc_event_get_track (BC_EVENT (item)) != bc_event_get_track (from);
}

static gboolean
other_event (BcItem   *item,
             gpointer  user_data)
{
  PickerData *pd = user_data;

  return g_strcmp0 (bc_item_get_id (item), pd->from) != 0;
}

static void
transfer_target_chosen (BcItemPicker *picker,
                        BcItem       *item,
                        PickerData   *pd)
{
  BcEvent *from = bc_case_lookup_event (pd->case_, pd->from);
  BcTransfer *transfer;
  g_autoptr(GError) error = NULL;

  if (from == NULL)
    return;
  transfer = bc_edit_add_transfer (pd->case_, pd->from, bc_item_get_id (item),
                                   adw_combo_row_get_selected (pd->choice), BC_STATUS_DOCUMENTED,
                                   NULL, &error);
  if (transfer == NULL)
    g_warning ("%s", error->message);
  else if (pd->created != NULL)
    pd->created (G_OBJECT (transfer), pd->user_data);
}

static void
link_target_chosen (BcItemPicker *picker,
                    BcItem       *item,
                    PickerData   *pd)
{
  BcLink *link;
  g_autoptr(GError) error = NULL;

  link = bc_edit_add_link (pd->case_, pd->from, bc_item_get_id (item),
                           adw_combo_row_get_selected (pd->choice), &error);
  if (link == NULL)
    g_warning ("%s", error->message);
  else if (pd->created != NULL)
    pd->created (G_OBJECT (link), pd->user_data);
}

static void
setup_meaning (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meaning = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (meaning), 0);
  gtk_label_set_wrap (GTK_LABEL (meaning), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (meaning), 40);
  gtk_widget_add_css_class (meaning, "caption");
  gtk_widget_add_css_class (meaning, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meaning);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_meaning (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  BcMechanism mechanism = gtk_list_item_get_position (list_item);

  gtk_label_set_text (GTK_LABEL (title), bc_mechanism_get_label (mechanism));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)),
                      bc_mechanism_get_meaning (mechanism));
}

static void
mechanism_row_selected (AdwComboRow *row,
                        GParamSpec  *pspec,
                        gpointer     user_data)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               bc_mechanism_get_meaning (adw_combo_row_get_selected (row)));
}

/* A combo row of the choices of @enum_type, in a boxed list of its own. */
static GtkWidget *
choice_header (GType        enum_type,
               const char  *title,
               int          selected,
               AdwComboRow **row_out)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) labels = bc_editing_enum_labels (enum_type);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  if (enum_type == BC_TYPE_MECHANISM)
    {
      bc_editing_show_meanings (ADW_COMBO_ROW (row));
      mechanism_row_selected (ADW_COMBO_ROW (row), NULL, NULL);
      g_signal_connect (row, "notify::selected", G_CALLBACK (mechanism_row_selected), NULL);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  *row_out = ADW_COMBO_ROW (row);
  return list;
}

/* Public API */

/**
 * bc_editing_enum_labels:
 * @enum_type: one of the choices of the case format
 *
 * Returns: (transfer full): a #GtkStringList of the labels of every value
 *   of @enum_type, in the order of the values
 */
GListModel *
bc_editing_enum_labels (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, bc_editing_enum_label (enum_type, klass->values[i].value));
  return G_LIST_MODEL (list);
}

const char *
bc_editing_enum_label (GType enum_type,
                       int   value)
{
  if (enum_type == BC_TYPE_TRACK)
    return bc_track_get_label (value);
  if (enum_type == BC_TYPE_EVENT_TYPE)
    return bc_event_type_get_label (value);
  if (enum_type == BC_TYPE_MECHANISM)
    return bc_mechanism_get_label (value);
  if (enum_type == BC_TYPE_TRANSFER_STATUS)
    return bc_status_get_label (value);
  if (enum_type == BC_TYPE_ACTOR_TYPE)
    return actor_type_label (value);
  if (enum_type == BC_TYPE_CERTAINTY)
    return certainty_label (value);
  if (enum_type == BC_TYPE_LINK_TYPE)
    return link_type_label (value);
  if (enum_type == BC_TYPE_SOURCE_TYPE)
    return source_type_label (value);
  return bc_enum_to_nick (enum_type, value);
}

/**
 * bc_editing_show_meanings:
 * @row: a combo row of the mechanisms, in the order of their values
 *
 * Shows under each mechanism of the list what it means, and makes room
 * for the meaning of the chosen one in the row's subtitle.
 */
void
bc_editing_show_meanings (AdwComboRow *row)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_meaning), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_meaning), NULL);
  adw_combo_row_set_list_factory (row, factory);
  g_object_unref (factory);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
}

/**
 * bc_editing_transfer_picker_new:
 * @case_: a case
 * @from: the event a new transfer leaves
 * @created: (scope notified): called with the new transfer
 * @user_data: for @created; must outlive the picker
 *
 * A picker of the events on other tracks than @from's, with a choice of
 * mechanism; choosing an event adds a transfer to it.
 *
 * Returns: (transfer floating): a #BcItemPicker
 */
GtkWidget *
bc_editing_transfer_picker_new (BcCase           *case_,
                                BcEvent          *from,
                                BcEditingCreated  created,
                                gpointer          user_data)
{
  GtkWidget *picker = bc_item_picker_new (bc_case_get_events (case_), _("Search the event it reaches"));
  PickerData *pd = g_new0 (PickerData, 1);

  pd->case_ = g_object_ref (case_);
  pd->from = g_strdup (bc_item_get_id (BC_ITEM (from)));
  pd->created = created;
  pd->user_data = user_data;
  bc_item_picker_set_header (BC_ITEM_PICKER (picker),
                             choice_header (BC_TYPE_MECHANISM, _("Mechanism"),
                                            BC_MECHANISM_BRIEFING, &pd->choice));
  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), other_track, pd, picker_data_free);
  g_signal_connect (picker, "item-chosen", G_CALLBACK (transfer_target_chosen), pd);
  return picker;
}

/**
 * bc_editing_link_picker_new:
 * @case_: a case
 * @from: the event a new link starts from
 * @created: (scope notified): called with the new link
 * @user_data: for @created; must outlive the picker
 *
 * Returns: (transfer floating): a #BcItemPicker of the other events,
 *   with a choice of link type; choosing one adds a link to it
 */
GtkWidget *
bc_editing_link_picker_new (BcCase           *case_,
                            BcEvent          *from,
                            BcEditingCreated  created,
                            gpointer          user_data)
{
  GtkWidget *picker = bc_item_picker_new (bc_case_get_events (case_), _("Search the linked event"));
  PickerData *pd = g_new0 (PickerData, 1);

  pd->case_ = g_object_ref (case_);
  pd->from = g_strdup (bc_item_get_id (BC_ITEM (from)));
  pd->created = created;
  pd->user_data = user_data;
  bc_item_picker_set_header (BC_ITEM_PICKER (picker),
                             choice_header (BC_TYPE_LINK_TYPE, _("Kind of link"),
                                            BC_LINK_LEADS_TO, &pd->choice));
  bc_item_picker_set_filter (BC_ITEM_PICKER (picker), other_event, pd, picker_data_free);
  g_signal_connect (picker, "item-chosen", G_CALLBACK (link_target_chosen), pd);
  return picker;
}
