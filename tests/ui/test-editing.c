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

/* Types into a field of the inspector and presses Enter. */
static void
type_and_commit (BcWindow   *window,
                 const char *property,
                 const char *text)
{
  GtkWidget *row = field (window, property);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  drain ();
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
  type_and_commit (window, "to", same_track);
  g_assert_nonnull (_bc_inspector_get_field_error (_bc_window_get_inspector (window), "to"));
  g_assert_cmpstr (bc_transfer_get_to (transfer), ==, to);

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

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/editing/undo-and-redo-an-inspector-edit", test_undo_redo_inspector_edit);
  g_test_add_func ("/ui/editing/title-marks-unsaved-changes-until-saved", test_title_marker_and_save);
  g_test_add_func ("/ui/editing/invalid-date-is-refused", test_invalid_date_refused);
  g_test_add_func ("/ui/editing/duplicate-id-is-refused", test_duplicate_id_refused);
  g_test_add_func ("/ui/editing/transfer-within-one-track-is-refused", test_transfer_within_one_track_refused);
  g_test_add_func ("/ui/editing/delete-event-takes-its-transfers-in-one-step", test_delete_event_takes_its_transfers);
  g_test_add_func ("/ui/editing/new-event-is-selected", test_new_event_is_selected);
  g_test_add_func ("/ui/editing/annotated-transfer-is-saved", test_annotate_transfer_and_save);
  g_test_add_func ("/ui/editing/bundled-case-is-never-overwritten", test_bundled_case_never_overwritten);

  return g_test_run ();
}
