/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bc-csv-import.h"
#include "bc-history.h"
#include "bc-import-dialog.h"
#include "bc-writer.h"
#include "ui-test-util.h"

/* File → Import…, as a user goes through it: a spreadsheet whose date
 * column the dialog cannot guess, mapped by hand; the preview and the
 * problems follow; the valid rows go in as one undo step. A large file
 * stopped half way leaves the case as it was. A dropped BibTeX file
 * opens the dialog with its references; a PA-X file offers its peace
 * processes. */

static char *
write_temp (const char *name,
            const char *text,
            gssize      length)
{
  g_autofree char *dir = g_dir_make_tmp ("bc-import-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return path;
}

static gboolean
loaded (gpointer data)
{
  return !_bc_import_dialog_is_loading (data);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child);
  return n;
}

static GtkWidget *
row_titled (GtkListBox *list,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return child;
  return NULL;
}

static char *
row_title (GtkListBox *list,
           guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return g_strdup (row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Presses @button as the keyboard does: only when a user could (shown
 * and sensitive), and waits out the pressed look until it is clicked,
 * and no longer: what the click started may still be running. */
static void
press_only (GtkButton *button)
{
  g_autoptr(GtkButton) held = g_object_ref (button);
  gboolean clicked = FALSE;
  gulong id;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  id = g_signal_connect_swapped (button, "clicked", G_CALLBACK (set_true), &clicked);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  wait_until (is_true, &clicked);
  g_signal_handler_disconnect (held, id);
}

static void
press (GtkButton *button)
{
  press_only (button);
  drain ();
}

static gboolean
dialog_gone (gpointer window)
{
  return _bc_window_get_import_dialog (window) == NULL;
}

static BcImportDialog *
open_dialog (BcWindow   *window,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BcImportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  dialog = BC_IMPORT_DIALOG (_bc_window_get_import_dialog (window));
  g_assert_nonnull (dialog);
  bc_import_dialog_set_file (dialog, file);
  wait_until (loaded, dialog);
  return dialog;
}

static void
test_map_preview_and_undo (void)
{
  static const char csv[] =
    "Headline,Day of it,Track\r\n"
    "Back channel opens,20/01/1993,2\r\n"
    "Sarpsborg round,11/02/1993,2\r\n"
    "Draft declaration,31/02/1993,2\r\n"
    "Initialled in Oslo,20/08/1993,1\r\n";
  g_autofree char *path = write_temp ("events.csv", csv, -1);
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcHistory *history = bc_case_get_history (case_);
  g_autoptr(GBytes) before = bc_case_to_bytes (case_);
  guint n_events = g_list_model_get_n_items (bc_case_get_events (case_));
  BcImportDialog *dialog = open_dialog (window, path);
  GtkListBox *columns = _bc_import_dialog_get_columns (dialog);
  GtkButton *all = _bc_import_dialog_get_button (dialog, FALSE);
  GtkButton *valid = _bc_import_dialog_get_button (dialog, TRUE);
  g_autofree char *first = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkWidget *when;
  const char * const *fields;
  guint date_index = 0;

  /* The header says title and track; "Day of it" is left out, so every
   * event lacks its date. */
  g_assert_cmpuint (count_rows (columns), ==, 3);
  when = row_titled (columns, "Day of it");
  g_assert_nonnull (when);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (when)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row_titled (columns, "Headline"))), !=, 0);
  g_assert_cmpuint (count_rows (_bc_import_dialog_get_problems (dialog)), ==, 4);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (all)));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (case_)), ==, n_events);

  /* Map it to the date: the preview shows the dates, one problem stays. */
  fields = bc_csv_import_list_fields (BC_TABLE_EVENTS);
  for (guint f = 0; fields[f] != NULL; f++)
    if (g_str_equal (fields[f], "date"))
      date_index = f + 1;
  g_assert_cmpuint (date_index, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (when), date_index);
  g_assert_true (_bc_import_dialog_is_loading (dialog));
  wait_until (loaded, dialog);

  first = row_title (_bc_import_dialog_get_preview (dialog), 0);
  g_assert_cmpstr (first, ==, "1993-01-20 — Back channel opens");
  g_assert_cmpuint (count_rows (_bc_import_dialog_get_preview (dialog)), ==, 4);
  g_assert_cmpuint (count_rows (_bc_import_dialog_get_problems (dialog)), ==, 1);
  problem = row_title (_bc_import_dialog_get_problems (dialog), 0);
  g_assert_true (g_str_has_prefix (problem, "events.csv:4: column Day of it: "));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (all)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (valid)));
  g_assert_cmpstr (gtk_button_get_label (valid), ==, "Import 3 _Valid Rows");
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (case_)), ==, n_events);

  /* Accept the valid rows: three events, one step. */
  press (valid);
  g_assert_null (_bc_window_get_import_dialog (window));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (case_)), ==, n_events + 3);
  g_assert_cmpstr (bc_history_get_undo_label (history), ==, "Import 3 Events");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  after = bc_case_to_bytes (case_);
  g_assert_true (g_bytes_equal (before, after));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_stop_large_import (void)
{
  g_autoptr(GString) csv = g_string_new ("title,date,track\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  g_autoptr(GBytes) before = bc_case_to_bytes (case_);
  g_autoptr(GBytes) after = NULL;
  BcImportDialog *dialog;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, "Meeting %u,1993-%02u-%02u,2\n", i, 1 + i % 12, 1 + i % 28);
  path = write_temp ("large.csv", csv->str, csv->len);
  file = g_file_new_for_path (path);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  dialog = BC_IMPORT_DIALOG (_bc_window_get_import_dialog (window));
  bc_import_dialog_set_file (dialog, file);
  g_assert_true (_bc_import_dialog_is_loading (dialog));
  /* The window answers while the worker reads. */
  g_main_context_iteration (NULL, FALSE);
  _bc_import_dialog_stop (dialog);
  wait_until (loaded, dialog);

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_bc_import_dialog_get_button (dialog, FALSE))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_bc_import_dialog_get_button (dialog, TRUE))));
  g_assert_cmpuint (count_rows (_bc_import_dialog_get_preview (dialog)), ==, 0);
  after = bc_case_to_bytes (case_);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* Simulating a drag between processes under Xvfb is not practical: the
 * test calls the drop target's handler with the file it would carry. */
static void
test_drop_references (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "exchange", "data", "zotero.bib", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  guint n_sources = g_list_model_get_n_items (bc_case_get_sources (case_));
  BcImportDialog *dialog;
  g_autofree char *problem = NULL;

  g_assert_true (_bc_window_drop_file (window, file));
  dialog = BC_IMPORT_DIALOG (_bc_window_get_import_dialog (window));
  g_assert_nonnull (dialog);
  wait_until (loaded, dialog);
  g_assert_cmpuint (count_rows (_bc_import_dialog_get_preview (dialog)), ==, 4);
  problem = row_title (_bc_import_dialog_get_problems (dialog), 0);
  g_assert_cmpstr (problem, ==, "zotero.bib:36: entry broken_2003: expected a field such as title = {…}");

  press (_bc_import_dialog_get_button (dialog, TRUE));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (case_)), ==, n_sources + 4);

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static const char pax_csv[] =
  "Con,PP,PPName,AgtId,Agt,Dat,Status,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr,UcdpCon\n"
  "Georgia/Abkhazia,103,Georgia-Abkhazia peace process,12,Memorandum of Understanding at Geneva,"
  "1993-12-01,Multiparty signed/agreed,Inter,Pre,Pre,Georgian side; Abkhaz side,UN,,\n"
  "Georgia/Abkhazia,103,Georgia-Abkhazia peace process,361,Declaration on Measures for a Political Settlement,"
  "1994-04-04,Multiparty signed/agreed,Inter,SubPar,Proc,Georgia; Abkhazia,UN,,\n"
  "Israel/Palestine,10,Israel-Palestine peace process,1234,Declaration of Principles,"
  "1993-09-13,Multiparty signed/agreed,Inter,SubComp,Comp,Israel; PLO,USA,,\n";

/* The processes are listed by the worker that read the file; the one
 * chosen is read again on a worker (the dialog shows it loading as soon
 * as the button is pressed), then added as one step. */
static void
test_pax_process (void)
{
  g_autofree char *path = write_temp ("pax.csv", pax_csv, -1);
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcImportDialog *dialog = open_dialog (window, path);
  GtkListBox *processes = _bc_import_dialog_get_processes (dialog);
  g_autofree char *name = row_title (processes, 0);

  g_assert_cmpuint (count_rows (processes), ==, 2);
  g_assert_cmpstr (name, ==, "Georgia-Abkhazia peace process");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_bc_import_dialog_get_button (dialog, FALSE))));

  gtk_list_box_select_row (processes, gtk_list_box_get_row_at_index (processes, 0));
  press_only (_bc_import_dialog_get_button (dialog, FALSE));
  g_assert_true (_bc_import_dialog_is_loading (dialog));
  g_assert_null (bc_case_lookup_event (case_, "pax-12"));
  wait_until (dialog_gone, window);
  g_assert_nonnull (bc_case_lookup_event (case_, "pax-12"));
  g_assert_nonnull (bc_case_lookup_event (case_, "pax-361"));
  g_assert_null (bc_case_lookup_event (case_, "pax-1234"));
  g_assert_cmpstr (bc_history_get_undo_label (bc_case_get_history (case_)), ==, "Import 2 Agreements");

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* Stop while the chosen process is read: nothing is added, the dialog
 * stays, and the process can be imported after all. */
static void
test_pax_stop (void)
{
  g_autofree char *path = write_temp ("pax.csv", pax_csv, -1);
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  g_autoptr(GBytes) before = bc_case_to_bytes (case_);
  g_autoptr(GBytes) after = NULL;
  BcImportDialog *dialog = open_dialog (window, path);
  GtkListBox *processes = _bc_import_dialog_get_processes (dialog);

  gtk_list_box_select_row (processes, gtk_list_box_get_row_at_index (processes, 1));
  press_only (_bc_import_dialog_get_button (dialog, FALSE));
  g_assert_true (_bc_import_dialog_is_loading (dialog));
  _bc_import_dialog_stop (dialog);
  wait_until (loaded, dialog);
  drain ();

  g_assert_true (_bc_window_get_import_dialog (window) == GTK_WINDOW (dialog));
  after = bc_case_to_bytes (case_);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  press_only (_bc_import_dialog_get_button (dialog, FALSE));
  wait_until (dialog_gone, window);
  g_assert_nonnull (bc_case_lookup_event (case_, "pax-1234"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/import/map-column-preview-valid-rows-one-undo", test_map_preview_and_undo);
  g_test_add_func ("/ui/import/stop-large-import-leaves-case", test_stop_large_import);
  g_test_add_func ("/ui/import/drop-bibtex-opens-dialog", test_drop_references);
  g_test_add_func ("/ui/import/pax-choose-process", test_pax_process);
  g_test_add_func ("/ui/import/pax-stop-reading-process", test_pax_stop);
  return g_test_run ();
}
