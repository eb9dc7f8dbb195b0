/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-editing"

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bc-bundled.h"
#include "bc-history.h"
#include "bc-inspector-private.h"
#include "bc-item-picker.h"
#include "bc-outline-private.h"
#include "bc-reader.h"
#include "bc-window-private.h"

static void
close_window (BcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static GFile *
temp_case_file (char **dir)
{
  *dir = g_dir_make_tmp ("bc-editing-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  return g_file_new_build_filename (*dir, "edited.bcase", NULL);
}

static void
remove_temp (GFile *file,
             char  *dir)
{
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
  g_free (dir);
}

/* The first transfer of the case, and its from event. */
static BcTransfer *
first_transfer (BcCase *case_)
{
  g_autoptr(BcTransfer) transfer = g_list_model_get_item (bc_case_get_transfers (case_), 0);

  g_assert_nonnull (transfer);
  return transfer;
}

static GtkWidget *
field (BcWindow   *window,
       const char *property)
{
  GtkWidget *row = _bc_inspector_get_field (_bc_window_get_inspector (window), property);

  g_assert_nonnull (row);
  return row;
}

/* What a key pressed in @widget does, through its key controllers as
 * GTK would run them. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static void
set_field_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Types into a field of the inspector and commits it: Enter in a line,
 * Ctrl+Enter in a paragraph. */
static void
type_and_commit (BcWindow   *window,
                 const char *property,
                 const char *text)
{
  GtkWidget *row = field (window, property);

  set_field_text (row, text);
  if (GTK_IS_TEXT_VIEW (row))
    g_assert_true (press_key (row, GDK_KEY_Return, GDK_CONTROL_MASK));
  else
    g_signal_emit_by_name (row, "apply");
  drain ();
}

/* The picker a button of the inspector pops up. */
/* Whether @data is laid out inside its window, where a click reaches. */
static gboolean
on_screen (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

/* Scrolls the inspector to @data, until it is laid out in the part that
 * shows: the page may still grow as its text views are measured. */
static gboolean
scrolled_into_view (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  if (on_screen (widget))
    return TRUE;
  if (gtk_widget_compute_bounds (widget, content, &bounds))
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 24);
  return FALSE;
}

/* Scrolls the inspector to @widget, as a user would before clicking it. */
static void
scroll_to (GtkWidget *widget)
{
  wait_until (scrolled_into_view, widget);
}

/* Reveals the inspector, folded away in a small window, as its button
 * in the header bar would, and waits for it to be laid out. */
static void
reveal_inspector (BcWindow *window)
{
  GtkWidget *inspector = GTK_WIDGET (_bc_window_get_inspector (window));
  GtkWidget *flap = gtk_widget_get_ancestor (inspector, ADW_TYPE_FLAP);

  adw_flap_set_reveal_flap (ADW_FLAP (flap), TRUE);
  wait_until (on_screen, inspector);
  drain ();
}

static BcItemPicker *
picker (BcWindow   *window,
        const char *key)
{
  GtkWidget *button;
  GtkPopover *popover;

  reveal_inspector (window);
  button = field (window, key);

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  /* On screen, as a user would see it before clicking it: the
   * inspector is revealed, and scrolled to the button. */
  scroll_to (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (BC_IS_ITEM_PICKER (popover));
  return BC_ITEM_PICKER (popover);
}

static guint
count_transfers_touching (BcCase     *case_,
                          const char *id)
{
  GListModel *transfers = bc_case_get_transfers (case_);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);

      if (g_strcmp0 (bc_transfer_get_from (transfer), id) == 0 ||
          g_strcmp0 (bc_transfer_get_to (transfer), id) == 0)
        n++;
    }
  return n;
}

static void
test_undo_redo_inspector_edit (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcHistory *history = bc_case_get_history (case_);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (first_transfer (case_)));
  g_autofree char *old_title = g_strdup (bc_event_get_title (event));

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  g_assert_false (bc_history_can_undo (history));

  /* Typing alone changes nothing; committing is one step. */
  gtk_editable_set_text (GTK_EDITABLE (field (window, "title")), "A new title");
  drain ();
  g_assert_cmpstr (bc_event_get_title (event), ==, old_title);
  g_signal_emit_by_name (field (window, "title"), "apply");
  drain ();
  g_assert_cmpstr (bc_event_get_title (event), ==, "A new title");
  g_assert_true (bc_history_can_undo (history));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_cmpstr (bc_event_get_title (event), ==, old_title);
  g_assert_false (bc_history_can_undo (history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (window, "title"))), ==, old_title);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  drain ();
  g_assert_cmpstr (bc_event_get_title (event), ==, "A new title");

  close_window (window);
}

static void
test_title_marker_and_save (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (first_transfer (case_)));
  g_autofree char *id = g_strdup (bc_item_get_id (BC_ITEM (event)));
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temp_case_file (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) reread = NULL;

  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  type_and_commit (window, "place", "Sarpsborg");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  g_assert_true (_bc_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (g_file_equal (bc_window_get_file (window), file));
  g_assert_false (bc_history_get_modified (bc_case_get_history (case_)));

  reread = bc_case_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_event_get_place (bc_case_lookup_event (reread, id)), ==, "Sarpsborg");

  /* Ctrl+S now writes the chosen file, in place. */
  type_and_commit (window, "place", "Borregaard");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_false (bc_history_get_modified (bc_case_get_history (case_)));
  g_clear_object (&reread);
  reread = bc_case_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_event_get_place (bc_case_lookup_event (reread, id)), ==, "Borregaard");

  close_window (window);
  remove_temp (file, g_steal_pointer (&dir));
}

static void
test_invalid_date_refused (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (first_transfer (case_)));
  BcDate before = bc_event_get_date (event);
  GtkWidget *date;

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  date = field (window, "date");

  /* The message comes as you type, before anything is committed. */
  gtk_editable_set_text (GTK_EDITABLE (date), "1993-13-45");
  g_assert_nonnull (_bc_inspector_get_field_error (_bc_window_get_inspector (window), "date"));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_signal_emit_by_name (date, "apply");
  drain ();
  g_assert_true (bc_date_equal (bc_event_get_date (event), before));
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  /* An end before the date is refused too. */
  type_and_commit (window, "end", "1900-01-01");
  g_assert_nonnull (_bc_inspector_get_field_error (_bc_window_get_inspector (window), "end"));
  g_assert_false (bc_date_is_set (bc_event_get_end (event)) &&
                  bc_date_compare (bc_event_get_end (event), before) < 0);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  /* A valid text clears the message. */
  gtk_editable_set_text (GTK_EDITABLE (field (window, "end")), "");
  g_assert_null (_bc_inspector_get_field_error (_bc_window_get_inspector (window), "end"));

  close_window (window);
}

static void
test_duplicate_id_refused (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (transfer));
  g_autofree char *id = g_strdup (bc_item_get_id (BC_ITEM (event)));

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  type_and_commit (window, "id", bc_transfer_get_to (transfer));
  g_assert_nonnull (_bc_inspector_get_field_error (_bc_window_get_inspector (window), "id"));
  g_assert_cmpstr (bc_item_get_id (BC_ITEM (event)), ==, id);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_transfer_within_one_track_refused (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  BcEvent *from = bc_case_lookup_event (case_, bc_transfer_get_from (transfer));
  GListModel *events = bc_case_get_events (case_);
  g_autofree char *to = g_strdup (bc_transfer_get_to (transfer));
  const char *same_track = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (events) && same_track == NULL; i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if (event != from && bc_event_get_track (event) == bc_event_get_track (from))
        same_track = bc_item_get_id (BC_ITEM (event));
    }
  g_assert_nonnull (same_track);

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  g_assert_true (_bc_item_picker_activate (picker (window, "to"), same_track));
  drain ();
  g_assert_nonnull (_bc_inspector_get_field_error (_bc_window_get_inspector (window), "to"));
  g_assert_cmpstr (bc_transfer_get_to (transfer), ==, to);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_delete_event_takes_its_transfers (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcHistory *history = bc_case_get_history (case_);
  g_autofree char *id = g_strdup (bc_transfer_get_from (first_transfer (case_)));
  BcEvent *event = bc_case_lookup_event (case_, id);
  guint n_events = g_list_model_get_n_items (bc_case_get_events (case_));
  guint n_transfers = g_list_model_get_n_items (bc_case_get_transfers (case_));
  guint touching = count_transfers_touching (case_, id);

  g_assert_cmpuint (touching, >, 0);
  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();

  gtk_widget_activate_action (GTK_WIDGET (_bc_window_get_inspector (window)), "inspector.delete", NULL);
  drain ();
  g_assert_null (bc_case_lookup_event (case_, id));
  g_assert_cmpuint (count_transfers_touching (case_, id), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (case_)), ==, n_transfers - touching);
  g_assert_null (bc_window_get_selected_item (window));

  /* One step brings everything back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_nonnull (bc_case_lookup_event (case_, id));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (case_)), ==, n_events);
  g_assert_cmpuint (count_transfers_touching (case_, id), ==, touching);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (case_)), ==, n_transfers);
  g_assert_false (bc_history_can_undo (history));

  close_window (window);
}

static void
test_new_event_is_selected (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  guint n_events = g_list_model_get_n_items (bc_case_get_events (case_));
  BcItem *item;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", NULL);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (case_)), ==, n_events + 1);
  item = bc_window_get_selected_item (window);
  g_assert_true (BC_IS_EVENT (item));
  g_assert_true (bc_case_lookup (case_, bc_item_get_id (item)) == item);
  g_assert_true (bc_inspector_get_item (_bc_window_get_inspector (window)) == item);

  close_window (window);
}

static void
test_annotate_transfer_and_save (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  g_autofree char *id = g_strdup (bc_item_get_id (BC_ITEM (transfer)));
  guint before = g_list_model_get_n_items (bc_transfer_get_annotations (transfer));
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temp_case_file (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) reread = NULL;
  g_autoptr(BcAnnotation) annotation = NULL;
  GListModel *annotations;

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  type_and_commit (window, "new-annotation", "Checked against the minutes.");
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (transfer)), ==, before + 1);

  g_assert_true (_bc_window_save_to (window, file, &error));
  g_assert_no_error (error);
  reread = bc_case_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  annotations = bc_transfer_get_annotations (bc_case_lookup_transfer (reread, id));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, before + 1);
  annotation = g_list_model_get_item (annotations, before);
  g_assert_cmpstr (bc_annotation_get_text (annotation), ==, "Checked against the minutes.");
  g_assert_nonnull (bc_annotation_get_created (annotation));
  g_assert_nonnull (bc_annotation_get_author (annotation));

  close_window (window);
  remove_temp (file, g_steal_pointer (&dir));
}

static void
test_bundled_case_never_overwritten (void)
{
  BcWindow *window = window_with_case ("oslo");
  g_autoptr(GFile) bundled = bc_bundled_find_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (first_transfer (case_)));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_load_contents (bundled, NULL, &before, &before_len, NULL, NULL));

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  type_and_commit (window, "place", "Nowhere");

  /* Save on an example asks for a new name instead. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_true (bc_history_get_modified (bc_case_get_history (case_)));
  g_assert_false (_bc_window_save_to (window, bundled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);

  g_assert_true (g_file_load_contents (bundled, NULL, &after, &after_len, NULL, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  close_window (window);
}

static gboolean
g_strv_contains_null (const char * const *strv,
                      const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

static gboolean
has_participant (BcEvent    *event,
                 const char *id)
{
  return g_strv_contains_null (bc_event_get_participants (event), id);
}

static guint
event_participants (BcEvent *event)
{
  const char * const *participants = bc_event_get_participants (event);

  return participants != NULL ? g_strv_length ((char **) participants) : 0;
}

/* Editors of every field */

static void
choose (BcWindow   *window,
        const char *key,
        guint       position)
{
  GtkWidget *row = field (window, key);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
  drain ();
}

static void
undo (BcWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
}

static const char *
field_error (BcWindow   *window,
             const char *key)
{
  return _bc_inspector_get_field_error (_bc_window_get_inspector (window), key);
}


static void
click (BcWindow   *window,
       const char *key)
{
  GtkWidget *button = field (window, key);

  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static guint
n_source_refs (GPtrArray *refs)
{
  return refs != NULL ? refs->len : 0;
}

static void
test_event_choices_are_one_step_each (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcHistory *history = bc_case_get_history (case_);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (first_transfer (case_)));
  BcEventType type = bc_event_get_event_type (event);
  BcEventType other_type = type == BC_EVENT_SIGNING ? BC_EVENT_VISIT : BC_EVENT_SIGNING;
  BcCertainty certainty = bc_event_get_certainty (event);

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();

  choose (window, "event-type", other_type);
  g_assert_cmpint (bc_event_get_event_type (event), ==, other_type);
  choose (window, "certainty", BC_CERTAINTY_DISPUTED);
  g_assert_cmpint (bc_event_get_certainty (event), ==, BC_CERTAINTY_DISPUTED);
  type_and_commit (window, "disclosed", "1995-03");
  g_assert_cmpint (bc_event_get_disclosed (event).year, ==, 1995);

  undo (window);
  g_assert_false (bc_date_is_set (bc_event_get_disclosed (event)) &&
                  bc_event_get_disclosed (event).year == 1995);
  g_assert_cmpint (bc_event_get_certainty (event), ==, BC_CERTAINTY_DISPUTED);
  undo (window);
  g_assert_cmpint (bc_event_get_certainty (event), ==, certainty);
  g_assert_cmpint (bc_event_get_event_type (event), ==, other_type);
  undo (window);
  g_assert_cmpint (bc_event_get_event_type (event), ==, type);
  g_assert_false (bc_history_can_undo (history));

  close_window (window);
}

static void
test_event_track_keeps_transfers_between_tracks (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  BcEvent *from = bc_case_lookup_event (case_, bc_transfer_get_from (transfer));
  BcEvent *to = bc_case_lookup_event (case_, bc_transfer_get_to (transfer));
  BcTrack track = bc_event_get_track (from);

  bc_window_set_selected_item (window, BC_ITEM (from));
  drain ();
  choose (window, "track", bc_event_get_track (to));
  g_assert_nonnull (field_error (window, "track"));
  g_assert_cmpint (bc_event_get_track (from), ==, track);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_transfer_choices (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  BcMechanism mechanism = bc_transfer_get_mechanism (transfer);
  BcMechanism other = mechanism == BC_MECHANISM_FACILITATION ? BC_MECHANISM_MEMORANDUM
                                                             : BC_MECHANISM_FACILITATION;
  BcTransferStatus status = bc_transfer_get_status (transfer);

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field (window, "mechanism"))), ==,
                   bc_mechanism_get_meaning (mechanism));

  choose (window, "mechanism", other);
  g_assert_cmpint (bc_transfer_get_mechanism (transfer), ==, other);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field (window, "mechanism"))), ==,
                   bc_mechanism_get_meaning (other));
  choose (window, "status", status == BC_STATUS_INFERRED ? BC_STATUS_DISPUTED : BC_STATUS_INFERRED);
  g_assert_cmpint (bc_transfer_get_status (transfer), !=, status);

  undo (window);
  g_assert_cmpint (bc_transfer_get_status (transfer), ==, status);
  g_assert_cmpint (bc_transfer_get_mechanism (transfer), ==, other);
  undo (window);
  g_assert_cmpint (bc_transfer_get_mechanism (transfer), ==, mechanism);

  close_window (window);
}

static void
test_actor_and_source_choices (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  g_autoptr(BcActor) actor = g_list_model_get_item (bc_case_get_actors (case_), 0);
  g_autoptr(BcSource) source = g_list_model_get_item (bc_case_get_sources (case_), 0);
  BcActorType kind = bc_actor_get_actor_type (actor);
  BcTrack track = bc_actor_get_track (actor);
  g_autofree char *url = g_strdup (bc_source_get_url (source));

  bc_window_set_selected_item (window, BC_ITEM (actor));
  drain ();
  choose (window, "actor-type", kind == BC_ACTOR_GROUP ? BC_ACTOR_STATE : BC_ACTOR_GROUP);
  g_assert_cmpint (bc_actor_get_actor_type (actor), !=, kind);
  choose (window, "track", track == BC_TRACK_9 ? BC_TRACK_8 : BC_TRACK_9);
  g_assert_cmpint (bc_actor_get_track (actor), !=, track);
  undo (window);
  g_assert_cmpint (bc_actor_get_track (actor), ==, track);
  undo (window);
  g_assert_cmpint (bc_actor_get_actor_type (actor), ==, kind);

  bc_window_set_selected_item (window, BC_ITEM (source));
  drain ();
  choose (window, "source-type", BC_SOURCE_INTERVIEW);
  g_assert_cmpint (bc_source_get_source_type (source), ==, BC_SOURCE_INTERVIEW);

  /* The program opens http and https links only, so it keeps no other. */
  type_and_commit (window, "url", "file:///etc/passwd");
  g_assert_nonnull (field_error (window, "url"));
  g_assert_cmpstr (bc_source_get_url (source), ==, url);
  type_and_commit (window, "url", "https://example.org/minutes");
  g_assert_null (field_error (window, "url"));
  g_assert_cmpstr (bc_source_get_url (source), ==, "https://example.org/minutes");

  close_window (window);
}

static void
test_participants_added_and_removed (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, bc_transfer_get_from (first_transfer (case_)));
  GListModel *actors = bc_case_get_actors (case_);
  g_autofree char *newcomer = NULL;
  g_autofree char *key = NULL;
  guint before = event_participants (event);

  for (guint i = 0; i < g_list_model_get_n_items (actors) && newcomer == NULL; i++)
    {
      g_autoptr(BcActor) actor = g_list_model_get_item (actors, i);
      const char *id = bc_item_get_id (BC_ITEM (actor));

      if (!has_participant (event, id))
        newcomer = g_strdup (id);
    }
  g_assert_nonnull (newcomer);

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  g_assert_true (_bc_item_picker_activate (picker (window, "participants:add"), newcomer));
  drain ();
  g_assert_true (has_participant (event, newcomer));
  g_assert_cmpuint (event_participants (event), ==, before + 1);

  /* Someone already taking part is not offered twice. */
  g_assert_false (_bc_item_picker_activate (picker (window, "participants:add"), newcomer));

  key = g_strdup_printf ("participants:remove:%s", newcomer);
  click (window, key);
  g_assert_false (has_participant (event, newcomer));

  undo (window);
  g_assert_true (has_participant (event, newcomer));
  undo (window);
  g_assert_false (has_participant (event, newcomer));
  g_assert_cmpuint (event_participants (event), ==, before);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_carriers_and_membership (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  g_autoptr(BcActor) first = g_list_model_get_item (bc_case_get_actors (case_), 0);
  g_autoptr(BcActor) second = g_list_model_get_item (bc_case_get_actors (case_), 1);
  const char *id = bc_item_get_id (BC_ITEM (second));
  g_autofree char *remove_key = g_strdup_printf ("member-of:remove:%s", id);

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  if (!g_strv_contains_null (bc_transfer_get_carriers (transfer), id))
    {
      g_assert_true (_bc_item_picker_activate (picker (window, "carriers:add"), id));
      drain ();
      g_assert_true (g_strv_contains (bc_transfer_get_carriers (transfer), id));
      undo (window);
      g_assert_false (g_strv_contains_null (bc_transfer_get_carriers (transfer), id));
    }

  bc_window_set_selected_item (window, BC_ITEM (first));
  drain ();
  /* An actor is never a member of itself. */
  g_assert_false (_bc_item_picker_activate (picker (window, "member-of:add"),
                                            bc_item_get_id (BC_ITEM (first))));
  if (!g_strv_contains_null (bc_actor_get_member_of (first), id))
    {
      g_assert_true (_bc_item_picker_activate (picker (window, "member-of:add"), id));
      drain ();
      g_assert_true (g_strv_contains (bc_actor_get_member_of (first), id));
      click (window, remove_key);
      g_assert_false (g_strv_contains_null (bc_actor_get_member_of (first), id));
    }

  close_window (window);
}

static const char *
uncited_source (BcCase    *case_,
                GPtrArray *refs)
{
  GListModel *sources = bc_case_get_sources (case_);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) source = g_list_model_get_item (sources, i);
      gboolean cited = FALSE;

      for (guint j = 0; refs != NULL && j < refs->len; j++)
        if (g_str_equal (((BcSourceRef *) g_ptr_array_index (refs, j))->ref,
                         bc_item_get_id (BC_ITEM (source))))
          cited = TRUE;
      if (!cited)
        return bc_item_get_id (BC_ITEM (source));
    }
  return NULL;
}

static void
test_evidence_from_the_list (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  guint before = n_source_refs (bc_transfer_get_sources (transfer));
  g_autofree char *id = g_strdup (uncited_source (case_, bc_transfer_get_sources (transfer)));
  g_autofree char *pages_key = g_strdup_printf ("pages:%u", before);
  g_autofree char *remove_key = g_strdup_printf ("evidence:remove:%u", before);
  BcSourceRef *ref;

  g_assert_nonnull (id);
  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  g_assert_true (_bc_item_picker_activate (picker (window, "evidence:add"), id));
  drain ();
  g_assert_cmpuint (n_source_refs (bc_transfer_get_sources (transfer)), ==, before + 1);
  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), before);
  g_assert_cmpstr (ref->ref, ==, id);
  g_assert_null (ref->pages);

  type_and_commit (window, pages_key, "112-114");
  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), before);
  g_assert_cmpstr (ref->pages, ==, "112-114");

  click (window, remove_key);
  g_assert_cmpuint (n_source_refs (bc_transfer_get_sources (transfer)), ==, before);

  undo (window);
  g_assert_cmpuint (n_source_refs (bc_transfer_get_sources (transfer)), ==, before + 1);
  undo (window);
  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), before);
  g_assert_null (ref->pages);
  undo (window);
  g_assert_cmpuint (n_source_refs (bc_transfer_get_sources (transfer)), ==, before);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_evidence_new_source_is_one_step (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  guint before = n_source_refs (bc_transfer_get_sources (transfer));
  guint n_sources = g_list_model_get_n_items (bc_case_get_sources (case_));
  g_autoptr(BcSource) source = NULL;
  BcSourceRef *ref;

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  picker (window, "evidence:add");
  gtk_editable_set_text (GTK_EDITABLE (field (window, "evidence:new-citation")),
                         "Minutes of the Borregaard meeting, 1993.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (window, "evidence:new-kind")), BC_SOURCE_DOCUMENT);
  click (window, "evidence:create");

  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (case_)), ==, n_sources + 1);
  source = g_list_model_get_item (bc_case_get_sources (case_), n_sources);
  g_assert_cmpstr (bc_source_get_citation (source), ==, "Minutes of the Borregaard meeting, 1993.");
  g_assert_cmpint (bc_source_get_source_type (source), ==, BC_SOURCE_DOCUMENT);
  g_assert_cmpuint (n_source_refs (bc_transfer_get_sources (transfer)), ==, before + 1);
  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), before);
  g_assert_cmpstr (ref->ref, ==, bc_item_get_id (BC_ITEM (source)));

  /* One undo takes both the source and its citation. */
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (case_)), ==, n_sources);
  g_assert_cmpuint (n_source_refs (bc_transfer_get_sources (transfer)), ==, before);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static guint
n_positions (BcActor *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);

  return positions != NULL ? positions->len : 0;
}

static void
test_positions_added_edited_deleted (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  g_autoptr(BcActor) actor = g_list_model_get_item (bc_case_get_actors (case_), 0);
  guint before = n_positions (actor);
  g_autofree char *from_key = g_strdup_printf ("position:%u:from", before);
  g_autofree char *to_key = g_strdup_printf ("position:%u:to", before);
  g_autofree char *role_key = g_strdup_printf ("position:%u:role", before);
  g_autofree char *track_key = g_strdup_printf ("position:%u:track", before);
  g_autofree char *delete_key = g_strdup_printf ("position:%u:delete", before);
  BcPosition *position;

  bc_window_set_selected_item (window, BC_ITEM (actor));
  drain ();
  click (window, "position:add");
  g_assert_cmpuint (n_positions (actor), ==, before + 1);

  type_and_commit (window, from_key, "1993-05");
  type_and_commit (window, role_key, "Envoy");
  choose (window, track_key, BC_TRACK_1_5);
  position = g_ptr_array_index (bc_actor_get_positions (actor), before);
  g_assert_cmpint (position->from.year, ==, 1993);
  g_assert_cmpint (position->from.month, ==, 5);
  g_assert_cmpstr (position->role, ==, "Envoy");
  g_assert_cmpint (position->track, ==, BC_TRACK_1_5);

  /* An end before the start is refused, next to the field. */
  type_and_commit (window, to_key, "1992");
  g_assert_nonnull (field_error (window, to_key));
  position = g_ptr_array_index (bc_actor_get_positions (actor), before);
  g_assert_false (bc_date_is_set (position->to));

  click (window, delete_key);
  g_assert_cmpuint (n_positions (actor), ==, before);

  undo (window);
  g_assert_cmpuint (n_positions (actor), ==, before + 1);
  undo (window);
  position = g_ptr_array_index (bc_actor_get_positions (actor), before);
  g_assert_cmpint (position->track, !=, BC_TRACK_1_5);
  undo (window);
  undo (window);
  undo (window);
  g_assert_cmpuint (n_positions (actor), ==, before);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static guint
count_links_from (BcCase     *case_,
                  const char *id)
{
  GListModel *links = bc_case_get_links (case_);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);

      n += g_strcmp0 (bc_link_get_from (link), id) == 0 || g_strcmp0 (bc_link_get_to (link), id) == 0;
    }
  return n;
}

static void
test_link_created_changed_deleted (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = first_transfer (case_);
  g_autofree char *id = g_strdup (bc_transfer_get_from (transfer));
  g_autofree char *target = g_strdup (bc_transfer_get_to (transfer));
  BcEvent *event = bc_case_lookup_event (case_, id);
  guint n_links = g_list_model_get_n_items (bc_case_get_links (case_));
  guint before = count_links_from (case_, id);
  g_autofree char *type_key = g_strdup_printf ("link:%u:type", before);
  g_autofree char *delete_key = g_strdup_printf ("link:%u:delete", before);
  g_autoptr(BcLink) link = NULL;

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  /* A link never joins an event to itself. */
  g_assert_false (_bc_item_picker_activate (picker (window, "link:add"), id));
  g_assert_true (_bc_item_picker_activate (picker (window, "link:add"), target));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (case_)), ==, n_links + 1);
  link = g_list_model_get_item (bc_case_get_links (case_), n_links);
  g_assert_cmpstr (bc_link_get_from (link), ==, id);
  g_assert_cmpstr (bc_link_get_to (link), ==, target);

  choose (window, type_key, BC_LINK_PARALLEL_TO);
  g_assert_cmpint (bc_link_get_link_type (link), ==, BC_LINK_PARALLEL_TO);

  click (window, delete_key);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (case_)), ==, n_links);

  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (case_)), ==, n_links + 1);
  undo (window);
  g_assert_cmpint (bc_link_get_link_type (link), ==, BC_LINK_LEADS_TO);
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (case_)), ==, n_links);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_add_transfer_from_event (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *first = first_transfer (case_);
  g_autofree char *from_id = g_strdup (bc_transfer_get_from (first));
  BcEvent *from = bc_case_lookup_event (case_, from_id);
  GListModel *events = bc_case_get_events (case_);
  guint n_transfers = g_list_model_get_n_items (bc_case_get_transfers (case_));
  const char *same_track = NULL;
  const char *other_track = NULL;
  BcItem *selected;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if (event == from)
        continue;
      if (bc_event_get_track (event) == bc_event_get_track (from) && same_track == NULL)
        same_track = bc_item_get_id (BC_ITEM (event));
      if (bc_event_get_track (event) != bc_event_get_track (from) && other_track == NULL)
        other_track = bc_item_get_id (BC_ITEM (event));
    }
  g_assert_nonnull (same_track);
  g_assert_nonnull (other_track);

  bc_window_set_selected_item (window, BC_ITEM (from));
  drain ();
  /* A transfer goes between tracks: the same track is not offered. */
  g_assert_false (_bc_item_picker_activate (picker (window, "transfer:add"), same_track));
  g_assert_true (_bc_item_picker_activate (picker (window, "transfer:add"), other_track));
  drain ();

  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (case_)), ==, n_transfers + 1);
  selected = bc_window_get_selected_item (window);
  g_assert_true (BC_IS_TRANSFER (selected));
  g_assert_cmpstr (bc_transfer_get_from (BC_TRANSFER (selected)), ==, from_id);
  g_assert_cmpstr (bc_transfer_get_to (BC_TRANSFER (selected)), ==, other_track);
  g_assert_nonnull (bc_case_lookup_transfer (case_, bc_item_get_id (selected)));

  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (case_)), ==, n_transfers);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_case_details_edited (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcInspector *inspector = _bc_window_get_inspector (window);
  g_autofree char *title = g_strdup (bc_case_get_title (case_));
  BcDate start = bc_case_get_period_start (case_);
  guint n_notes = 0;
  g_autoptr(GPtrArray) notes = NULL;

  /* "Case Details" lets go of the item; with nothing selected, the
   * inspector shows the case itself. */
  bc_window_set_selected_item (window, BC_ITEM (first_transfer (case_)));
  drain ();
  gtk_widget_activate_action (GTK_WIDGET (inspector), "inspector.show-case", NULL);
  drain ();
  g_assert_null (bc_window_get_selected_item (window));
  g_assert_null (bc_inspector_get_item (inspector));
  g_assert_true (bc_inspector_get_case (inspector) == case_);
  g_assert_cmpstr (_bc_inspector_get_title (inspector), ==, title);

  type_and_commit (window, "title", "The Oslo channel, revised");
  g_assert_cmpstr (bc_case_get_title (case_), ==, "The Oslo channel, revised");
  type_and_commit (window, "title", "");
  g_assert_nonnull (field_error (window, "title"));
  g_assert_cmpstr (bc_case_get_title (case_), ==, "The Oslo channel, revised");

  type_and_commit (window, "period-end", "1900");
  g_assert_nonnull (field_error (window, "period-end"));
  g_assert_true (bc_date_equal (bc_case_get_period_start (case_), start));

  type_and_commit (window, "authors", "A. Analyst; B. Reviewer");
  g_assert_cmpuint (g_strv_length ((char **) bc_case_get_authors (case_)), ==, 2);
  g_assert_cmpstr (bc_case_get_authors (case_)[1], ==, "B. Reviewer");

  notes = bc_case_find_annotations_about (case_, NULL);
  n_notes = notes->len;
  type_and_commit (window, "new-annotation", "The case needs a second source for May.");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = bc_case_find_annotations_about (case_, NULL);
  g_assert_cmpuint (notes->len, ==, n_notes + 1);

  undo (window);
  undo (window);
  undo (window);
  g_assert_cmpstr (bc_case_get_title (case_), ==, title);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

/* Creating from the outline */

static void
test_outline_creates_each_kind (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcOutline *outline = _bc_window_get_outline (window);
  struct {
    BcOutlineSection section;
    GListModel *model;
    GType type;
  } kinds[] = {
    { BC_OUTLINE_ACTORS, bc_case_get_actors (case_), BC_TYPE_ACTOR },
    { BC_OUTLINE_EVENTS, bc_case_get_events (case_), BC_TYPE_EVENT },
    { BC_OUTLINE_SOURCES, bc_case_get_sources (case_), BC_TYPE_SOURCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint before = g_list_model_get_n_items (kinds[i].model);
      GtkWidget *button = _bc_outline_get_new_button (outline, kinds[i].section);
      BcItem *item;

      g_assert_true (GTK_IS_BUTTON (button));
      g_signal_emit_by_name (button, "clicked");
      drain ();
      g_assert_cmpuint (g_list_model_get_n_items (kinds[i].model), ==, before + 1);
      item = bc_window_get_selected_item (window);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, kinds[i].type));
      g_assert_true (bc_outline_get_selected_item (outline) == item);
      g_assert_true (bc_case_lookup (case_, bc_item_get_id (item)) == item);
    }

  close_window (window);
}

/* Pops the menu button up and chooses @id in the picker it shows. */
static void
pick_from_menu_button (GtkWidget  *button,
                       const char *id)
{
  GtkPopover *popover;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (BC_IS_ITEM_PICKER (popover));
  g_assert_true (_bc_item_picker_activate (BC_ITEM_PICKER (popover), id));
  drain ();
}

static void
test_outline_new_transfer_in_two_steps (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcOutline *outline = _bc_window_get_outline (window);
  BcTransfer *first = first_transfer (case_);
  g_autofree char *from = g_strdup (bc_transfer_get_from (first));
  g_autofree char *to = g_strdup (bc_transfer_get_to (first));
  GtkWidget *button = _bc_outline_get_new_button (outline, BC_OUTLINE_TRANSFERS);
  guint n_transfers = g_list_model_get_n_items (bc_case_get_transfers (case_));
  guint n_links = g_list_model_get_n_items (bc_case_get_links (case_));
  BcItem *item;
  GtkPopover *popover;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  pick_from_menu_button (button, from);
  /* The second step offers only the events on other tracks. */
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (BC_IS_ITEM_PICKER (popover));
  g_assert_false (_bc_item_picker_activate (BC_ITEM_PICKER (popover), from));
  g_assert_true (_bc_item_picker_activate (BC_ITEM_PICKER (popover), to));
  drain ();

  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (case_)), ==, n_transfers + 1);
  item = bc_window_get_selected_item (window);
  g_assert_true (BC_IS_TRANSFER (item));
  g_assert_cmpstr (bc_transfer_get_from (BC_TRANSFER (item)), ==, from);
  g_assert_cmpstr (bc_transfer_get_to (BC_TRANSFER (item)), ==, to);

  pick_from_menu_button (_bc_outline_get_new_link_button (outline), from);
  pick_from_menu_button (_bc_outline_get_new_link_button (outline), to);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (case_)), ==, n_links + 1);

  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (case_)), ==, n_links);
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (case_)), ==, n_transfers);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  /* The inspector is revealed at once, so that its buttons can pop up
   * their pickers where they are. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/editing/undo-and-redo-an-inspector-edit", test_undo_redo_inspector_edit);
  g_test_add_func ("/ui/editing/title-marks-unsaved-changes-until-saved", test_title_marker_and_save);
  g_test_add_func ("/ui/editing/invalid-date-is-refused", test_invalid_date_refused);
  g_test_add_func ("/ui/editing/duplicate-id-is-refused", test_duplicate_id_refused);
  g_test_add_func ("/ui/editing/transfer-within-one-track-is-refused", test_transfer_within_one_track_refused);
  g_test_add_func ("/ui/editing/delete-event-takes-its-transfers-in-one-step", test_delete_event_takes_its_transfers);
  g_test_add_func ("/ui/editing/new-event-is-selected", test_new_event_is_selected);
  g_test_add_func ("/ui/editing/annotated-transfer-is-saved", test_annotate_transfer_and_save);
  g_test_add_func ("/ui/editing/bundled-case-is-never-overwritten", test_bundled_case_never_overwritten);

  g_test_add_func ("/ui/editing/event-choices-are-one-step-each", test_event_choices_are_one_step_each);
  g_test_add_func ("/ui/editing/event-track-keeps-transfers-between-tracks", test_event_track_keeps_transfers_between_tracks);
  g_test_add_func ("/ui/editing/transfer-mechanism-and-status", test_transfer_choices);
  g_test_add_func ("/ui/editing/actor-and-source-choices", test_actor_and_source_choices);
  g_test_add_func ("/ui/editing/participants-added-and-removed", test_participants_added_and_removed);
  g_test_add_func ("/ui/editing/carriers-and-membership", test_carriers_and_membership);
  g_test_add_func ("/ui/editing/evidence-from-the-case-sources", test_evidence_from_the_list);
  g_test_add_func ("/ui/editing/evidence-new-source-is-one-step", test_evidence_new_source_is_one_step);
  g_test_add_func ("/ui/editing/positions-added-edited-deleted", test_positions_added_edited_deleted);
  g_test_add_func ("/ui/editing/link-created-changed-deleted", test_link_created_changed_deleted);
  g_test_add_func ("/ui/editing/add-transfer-from-an-event", test_add_transfer_from_event);
  g_test_add_func ("/ui/editing/case-details-edited", test_case_details_edited);

  g_test_add_func ("/ui/editing/outline-creates-each-kind", test_outline_creates_each_kind);
  g_test_add_func ("/ui/editing/outline-new-transfer-and-link-in-two-steps", test_outline_new_transfer_in_two_steps);

  return g_test_run ();
}
