/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-item-picker"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-item-picker.h"

/* BcItemPicker: a popover that offers items of a case in a list the user
 * can search, and says which one was chosen. An optional header above the
 * search holds whatever else the choice needs (a mechanism, a link type). */
struct _BcItemPicker
{
  GtkPopover          parent_instance;

  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *needle;
  BcItemPickerFilter  accept;
  gpointer            accept_data;
  GDestroyNotify      accept_destroy;

  GtkBox             *box;
  GtkWidget          *header;
  GtkWidget          *search_entry;
  GtkListBox         *list;
  gboolean            bound;
};

G_DEFINE_FINAL_TYPE (BcItemPicker, bc_item_picker, GTK_TYPE_POPOVER)

enum {
  ITEM_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

static char *
describe (BcItem  *item,
          char   **subtitle)
{
  *subtitle = NULL;

  if (BC_IS_ACTOR (item))
    {
      BcActor *actor = BC_ACTOR (item);

      *subtitle = g_strdup (bc_track_get_label (bc_actor_get_track (actor)));
      return g_strdup (bc_actor_get_name (actor));
    }
  if (BC_IS_EVENT (item))
    {
      BcEvent *event = BC_EVENT (item);
      g_autofree char *date = bc_date_to_string (bc_event_get_date (event));

      *subtitle = g_strdup_printf ("%s · %s", date ? date : "?",
                                   bc_track_get_label (bc_event_get_track (event)));
      return g_strdup (bc_event_get_title (event));
    }
  if (BC_IS_TRANSFER (item))
    return g_strdup (bc_transfer_get_title (BC_TRANSFER (item)));
  if (BC_IS_SOURCE (item))
    {
      *subtitle = g_strdup (bc_item_get_id (item));
      return g_strdup (bc_source_get_citation (BC_SOURCE (item)));
    }
  return g_strdup (bc_item_get_id (item));
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  BcItemPicker *self = user_data;
  BcItem *item = object;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (self->accept != NULL && !self->accept (item, self->accept_data))
    return FALSE;
  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;

  title = describe (item, &subtitle);
  haystack = g_strjoin ("\n", title ? title : "", subtitle ? subtitle : "",
                        bc_item_get_id (item), NULL);
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, self->needle) != NULL;
}

/* Callbacks */

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  BcItem *item = object;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = describe (item, &subtitle);
  GtkWidget *row = adw_action_row_new ();

  /* Case files are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bc-item", g_object_ref (item), g_object_unref);
  return row;
}

/* An inspector makes a picker for every list it shows, each time it
 * shows it: the rows are only made when the picker is first shown. */
static void
ensure_bound (BcItemPicker *self)
{
  if (self->bound || self->filtered == NULL)
    return;
  self->bound = TRUE;
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row, self, NULL);
}

static void
row_activated (GtkListBox    *list,
               GtkListBoxRow *row,
               BcItemPicker  *self)
{
  BcItem *item = g_object_get_data (G_OBJECT (row), "bc-item");
  g_autoptr(BcItem) keep = NULL;

  if (item == NULL)
    return;

  /* The handler may rebuild whatever holds the picker, and the row. */
  keep = g_object_ref (item);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[ITEM_CHOSEN], 0, keep);
}

static void
search_changed (GtkSearchEntry *entry,
                BcItemPicker   *self)
{
  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter takes the first match. */
static void
search_activated (GtkSearchEntry *entry,
                  BcItemPicker   *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row != NULL)
    row_activated (self->list, row, self);
}

static void
popover_shown (GtkWidget    *widget,
               BcItemPicker *self)
{
  ensure_bound (self);
  gtk_widget_grab_focus (self->search_entry);
}

/* GObject */

static void
bc_item_picker_dispose (GObject *object)
{
  BcItemPicker *self = BC_ITEM_PICKER (object);

  if (self->list != NULL && self->bound)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  if (self->accept_destroy != NULL)
    g_clear_pointer (&self->accept_data, self->accept_destroy);
  self->accept = NULL;

  G_OBJECT_CLASS (bc_item_picker_parent_class)->dispose (object);
}

static void
bc_item_picker_finalize (GObject *object)
{
  BcItemPicker *self = BC_ITEM_PICKER (object);

  g_free (self->needle);

  G_OBJECT_CLASS (bc_item_picker_parent_class)->finalize (object);
}

static void
bc_item_picker_class_init (BcItemPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_item_picker_dispose;
  object_class->finalize = bc_item_picker_finalize;

  /**
   * BcItemPicker::item-chosen:
   * @item: the item the user chose
   */
  signals[ITEM_CHOSEN] =
    g_signal_new ("item-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BC_TYPE_ITEM);
}

static void
bc_item_picker_init (BcItemPicker *self)
{
  GtkWidget *scrolled;

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_size_request (GTK_WIDGET (self->box), 320, -1);

  self->search_entry = gtk_search_entry_new ();
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activated), self);
  gtk_box_append (self->box, self->search_entry);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (self->box, scrolled);

  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (self->box));
  g_signal_connect (self, "show", G_CALLBACK (popover_shown), self);
}

/* Public API */

/**
 * bc_item_picker_new:
 * @items: (element-type BcItem): what the user may choose from
 * @search_label: what the search field searches, for screen readers
 *
 * Returns: (transfer floating): a new picker
 */
GtkWidget *
bc_item_picker_new (GListModel *items,
                    const char *search_label)
{
  BcItemPicker *self = g_object_new (BC_TYPE_ITEM_PICKER, NULL);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (items), GTK_FILTER (self->filter));

  g_object_set (self->search_entry, "placeholder-text", search_label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_label, -1);
  return GTK_WIDGET (self);
}

void
bc_item_picker_set_filter (BcItemPicker       *self,
                           BcItemPickerFilter  filter,
                           gpointer            user_data,
                           GDestroyNotify      destroy)
{
  g_return_if_fail (BC_IS_ITEM_PICKER (self));

  if (self->accept_destroy != NULL)
    g_clear_pointer (&self->accept_data, self->accept_destroy);
  self->accept = filter;
  self->accept_data = user_data;
  self->accept_destroy = destroy;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
bc_item_picker_set_header (BcItemPicker *self,
                           GtkWidget    *header)
{
  g_return_if_fail (BC_IS_ITEM_PICKER (self));

  if (self->header != NULL)
    gtk_box_remove (self->box, self->header);
  self->header = header;
  if (header != NULL)
    gtk_box_prepend (self->box, header);
}

GtkWidget *
bc_item_picker_get_header (BcItemPicker *self)
{
  g_return_val_if_fail (BC_IS_ITEM_PICKER (self), NULL);
  return self->header;
}

gboolean
_bc_item_picker_activate (BcItemPicker *self,
                          const char   *id)
{
  GtkListBoxRow *row;

  ensure_bound (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      BcItem *item = g_object_get_data (G_OBJECT (row), "bc-item");

      if (item != NULL && g_strcmp0 (bc_item_get_id (item), id) == 0)
        {
          g_signal_emit_by_name (self->list, "row-activated", row);
          return TRUE;
        }
    }
  return FALSE;
}
