/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-saving"

#include "config.h"

#include "ui-test-util.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bc-application.h"
#include "bc-reader.h"
#include "bc-recovery-dialog.h"
#include "bc-recovery.h"
#include "bc-writer.h"

/* Saving, closing, quitting and crash recovery, as the window does them:
 * the dialogs are answered and the autosave run through the window's
 * test hooks, never by waiting for a timer. */

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
  char  *before;   /* the file's bytes as copied */
  gsize  before_len;
} CaseCopy;

/* A writable copy of a bundled case in a folder of its own. */
static CaseCopy *
case_copy_new (const char *name)
{
  CaseCopy *copy = g_new0 (CaseCopy, 1);
  g_autoptr(GFile) bundled = bc_bundled_find_case (name);
  g_autofree char *bundled_path = g_file_get_path (bundled);
  g_autofree char *base = g_strconcat (name, ".bcase", NULL);

  copy->dir = g_dir_make_tmp ("bc-saving-XXXXXX", NULL);
  copy->path = g_build_filename (copy->dir, base, NULL);
  g_assert_true (g_file_get_contents (bundled_path, &copy->before, &copy->before_len, NULL));
  g_assert_true (g_file_set_contents (copy->path, copy->before, copy->before_len, NULL));
  copy->file = g_file_new_for_path (copy->path);
  return copy;
}

static gboolean
file_unchanged (CaseCopy *copy)
{
  g_autofree char *now = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (copy->path, &now, &len, NULL));
  return len == copy->before_len && memcmp (now, copy->before, len) == 0;
}

static void
case_copy_free (CaseCopy *copy)
{
  g_autoptr(GDir) dir = g_dir_open (copy->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (copy->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (copy->dir);
  g_free (copy->dir);
  g_free (copy->path);
  g_free (copy->before);
  g_object_unref (copy->file);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseCopy, case_copy_free)

static BcWindow *
window_on (GFile *file)
{
  BcWindow *window = bc_window_new (NULL);

  g_assert_true (bc_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  return window;
}

/* One edit through the history, as the menu's New Event makes it. */
static void
edit (BcWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", NULL);
  g_assert_true (bc_window_get_modified (window));
}

static gboolean
has_event (BcCase     *kase,
           const char *id)
{
  return bc_case_lookup_event (kase, id) != NULL;
}

static gboolean
file_has_event (GFile      *file,
                const char *id)
{
  g_autoptr(BcCase) kase = bc_case_read_file (file, NULL, NULL, NULL);

  g_assert_nonnull (kase);
  return has_event (kase, id);
}

static void
flag_destroyed (GtkWidget *widget,
                gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
empty_recovery (void)
{
  g_autoptr(GPtrArray) entries = bc_recovery_list (FALSE);

  for (guint i = 0; i < entries->len; i++)
    bc_recovery_entry_discard (g_ptr_array_index (entries, i), NULL);
}

static void
test_close_cancel_keeps_window (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  gboolean destroyed = FALSE;

  g_signal_connect (window, "destroy", G_CALLBACK (flag_destroyed), &destroyed);
  edit (window);
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_nonnull (_bc_window_get_dialog (window));

  _bc_window_answer_dialog (window, "cancel");
  drain ();
  g_assert_false (destroyed);
  g_assert_true (bc_window_get_modified (window));
  g_assert_true (has_event (bc_window_get_case (window), "event-1"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (file_unchanged (copy));

  _bc_window_autosave_now (window);
  gtk_window_close (GTK_WINDOW (window));
  _bc_window_answer_dialog (window, "discard");
  drain ();
  g_assert_true (destroyed);
}

static void
test_close_discard_leaves_file (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  gboolean destroyed = FALSE;
  g_autofree char *id = NULL;

  g_signal_connect (window, "destroy", G_CALLBACK (flag_destroyed), &destroyed);
  edit (window);
  g_assert_true (_bc_window_autosave_now (window));
  id = g_strdup (_bc_window_get_recovery_id (window));
  g_assert_nonnull (id);
  {
    g_autoptr(BcRecoveryEntry) kept = bc_recovery_lookup (id);

    g_assert_nonnull (kept);
  }

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  _bc_window_answer_dialog (window, "discard");
  drain ();

  g_assert_true (destroyed);
  g_assert_true (file_unchanged (copy));
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (id);

    g_assert_null (gone);
  }
}

static void
test_close_save_writes (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  gboolean destroyed = FALSE;
  g_autofree char *id = NULL;

  g_signal_connect (window, "destroy", G_CALLBACK (flag_destroyed), &destroyed);
  edit (window);
  g_assert_true (_bc_window_autosave_now (window));
  id = g_strdup (_bc_window_get_recovery_id (window));

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  _bc_window_answer_dialog (window, "save");
  drain ();

  g_assert_true (destroyed);
  g_assert_false (file_unchanged (copy));
  g_assert_true (file_has_event (copy->file, "event-1"));
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (id);

    g_assert_null (gone);
  }
}

typedef struct {
  BcWindow   *window;
  const char *response;
} Answer;

static gboolean
answer_idle (gpointer data)
{
  Answer *answer = data;

  _bc_window_answer_dialog (answer->window, answer->response);
  return G_SOURCE_REMOVE;
}

/* Answers from a source of the main loop, as a click on the dialog's
 * button does, so that whatever the answer finishes runs then too. */
static void
answer_from_main_loop (BcWindow   *window,
                       const char *response)
{
  Answer answer = { window, response };

  g_idle_add (answer_idle, &answer);
  drain ();
}

static void
test_quit_asks (void)
{
  g_autoptr(CaseCopy) first = case_copy_new ("oslo");
  g_autoptr(CaseCopy) second = case_copy_new ("camp-david");
  g_autoptr(BcApplication) app = bc_application_new ();
  g_autoptr(GError) error = NULL;
  BcWindow *a, *b, *clean;
  gboolean a_gone = FALSE, b_gone = FALSE, clean_gone = FALSE;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  a = bc_window_new (app);
  b = bc_window_new (app);
  clean = bc_window_new (app);
  g_assert_true (bc_window_open (a, first->file));
  g_assert_true (bc_window_open (b, second->file));
  g_signal_connect (a, "destroy", G_CALLBACK (flag_destroyed), &a_gone);
  g_signal_connect (b, "destroy", G_CALLBACK (flag_destroyed), &b_gone);
  g_signal_connect (clean, "destroy", G_CALLBACK (flag_destroyed), &clean_gone);
  gtk_window_present (GTK_WINDOW (a));
  gtk_window_present (GTK_WINDOW (b));
  gtk_window_present (GTK_WINDOW (clean));
  drain ();
  edit (a);
  edit (b);

  /* Cancel on the first question keeps every window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  drain ();
  g_assert_true (_bc_window_get_dialog (a) != NULL || _bc_window_get_dialog (b) != NULL);
  g_assert_false (_bc_window_get_dialog (a) != NULL && _bc_window_get_dialog (b) != NULL);
  _bc_window_answer_dialog (_bc_window_get_dialog (a) != NULL ? a : b, "cancel");
  drain ();
  g_assert_false (a_gone || b_gone || clean_gone);

  /* Then each modified window asks in turn, and the rest close. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  drain ();
  for (guint asked = 0; asked < 2; asked++)
    {
      BcWindow *asking = _bc_window_get_dialog (a) != NULL ? a : b;

      g_assert_nonnull (_bc_window_get_dialog (asking));
      g_assert_false (clean_gone);
      answer_from_main_loop (asking, "discard");
    }
  g_assert_true (a_gone && b_gone && clean_gone);
  g_assert_true (file_unchanged (first));
  g_assert_true (file_unchanged (second));
}

static gboolean
noticed_change (gpointer data)
{
  return _bc_window_get_changed_on_disk (data);
}

static void
test_changed_on_disk_asks (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  g_autoptr(GFile) abkhazia = bc_bundled_find_case ("abkhazia");
  g_autofree char *theirs = NULL;
  g_autofree char *now = NULL;
  gsize theirs_len;

  edit (window);

  /* Another program writes the file: a different case, a later time. */
  {
    g_autofree char *path = g_file_get_path (abkhazia);
    g_autoptr(GFileInfo) touched = g_file_info_new ();
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();

    g_assert_true (g_file_get_contents (path, &theirs, &theirs_len, NULL));
    g_assert_true (g_file_set_contents (copy->path, theirs, theirs_len, NULL));
    g_file_info_set_attribute_uint64 (touched, G_FILE_ATTRIBUTE_TIME_MODIFIED, g_date_time_to_unix (later) + 5);
    g_assert_true (g_file_set_attributes_from_info (copy->file, touched, G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  wait_until (noticed_change, window);

  /* Save asks; Cancel leaves their file as they wrote it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_nonnull (_bc_window_get_dialog (window));
  _bc_window_answer_dialog (window, "cancel");
  drain ();
  g_assert_true (g_file_get_contents (copy->path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (bc_window_get_modified (window));

  /* Overwrite writes this case over theirs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  _bc_window_answer_dialog (window, "overwrite");
  drain ();
  g_assert_false (bc_window_get_modified (window));
  g_assert_true (file_has_event (copy->file, "event-1"));
  g_assert_false (_bc_window_get_changed_on_disk (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_autosave_holds_edit (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  g_autoptr(BcRecoveryEntry) entry = NULL;
  g_autoptr(BcCase) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_false (_bc_window_get_autosave_pending (window));
  edit (window);
  /* The edit schedules an autosave; the test runs it now. */
  g_assert_true (_bc_window_get_autosave_pending (window));
  g_assert_true (_bc_window_autosave_now (window));
  g_assert_false (_bc_window_get_autosave_pending (window));
  id = g_strdup (_bc_window_get_recovery_id (window));

  entry = bc_recovery_lookup (id);
  g_assert_nonnull (entry);
  g_assert_true (g_file_equal (bc_recovery_entry_get_original (entry), copy->file));
  g_assert_cmpstr (bc_recovery_entry_get_title (entry), ==, bc_case_get_title (bc_window_get_case (window)));
  kept = bc_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_true (has_event (kept, "event-1"));

  /* Never to the real file, and the case stays unsaved. */
  g_assert_true (file_unchanged (copy));
  g_assert_true (bc_window_get_modified (window));

  /* Saving removes the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_false (bc_window_get_modified (window));
  g_assert_null (_bc_window_get_recovery_id (window));
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (id);

    g_assert_null (gone);
  }
  g_assert_true (file_has_event (copy->file, "event-1"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_undo_to_saved_drops_recovery (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  g_autofree char *id = NULL;

  edit (window);
  g_assert_true (_bc_window_autosave_now (window));
  id = g_strdup (_bc_window_get_recovery_id (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (bc_window_get_modified (window));
  g_assert_false (_bc_window_get_autosave_pending (window));
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (id);

    g_assert_null (gone);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_revert_drops_recovery (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  BcWindow *window = window_on (copy->file);
  g_autofree char *id = NULL;

  edit (window);
  g_assert_true (_bc_window_autosave_now (window));
  id = g_strdup (_bc_window_get_recovery_id (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  drain ();
  _bc_window_answer_dialog (window, "revert");
  drain ();
  g_assert_false (bc_window_get_modified (window));
  g_assert_false (has_event (bc_window_get_case (window), "event-1"));
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (id);

    g_assert_null (gone);
  }
  g_assert_true (file_unchanged (copy));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_new_case (void)
{
  BcWindow *window = bc_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("bc-saving-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mine.bcase", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(BcCase) back = NULL;
  g_autoptr(GError) error = NULL;
  BcWindow *second;

  gtk_window_present (GTK_WINDOW (window));
  drain ();

  /* The welcome page takes the new case itself. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  g_assert_cmpstr (_bc_window_get_page (window), ==, "case");
  g_assert_nonnull (bc_window_get_case (window));
  g_assert_null (bc_window_get_file (window));
  g_assert_false (bc_window_get_modified (window));
  g_assert_cmpstr (bc_case_get_title (bc_window_get_case (window)), ==, "Untitled Case");

  /* A valid case as it is: written, it reads back. */
  {
    g_autoptr(GBytes) bytes = bc_case_to_bytes (bc_window_get_case (window));
    g_autoptr(BcCase) parsed = bc_case_read_bytes (bytes, "new.bcase", NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (parsed);
  }

  /* Save asks for a name: the test answers the file chooser. */
  edit (window);
  _bc_window_set_save_as_answer (window, target);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_false (bc_window_get_modified (window));
  g_assert_true (g_file_equal (bc_window_get_file (window), target));
  back = bc_case_read_file (target, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_event (back, "event-1"));

  /* From a window with a case, a new case gets a window of its own. */
  second = _bc_window_new_case (window);
  g_assert_true (second != window);
  g_assert_null (bc_window_get_file (second));
  g_assert_true (g_file_equal (bc_window_get_file (window), target));

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_duplicate_bundled (void)
{
  BcWindow *window = window_with_case ("oslo");
  g_autoptr(GFile) oslo = bc_bundled_find_case ("oslo");
  g_autofree char *dir = g_dir_make_tmp ("bc-saving-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.bcase", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  BcWindow *copy;

  copy = _bc_window_duplicate (window);
  g_assert_nonnull (copy);
  g_assert_true (copy != window);
  g_assert_null (bc_window_get_file (copy));
  g_assert_true (g_file_equal (_bc_window_get_copy_of (copy), oslo));
  g_assert_nonnull (strstr (_bc_window_get_subtitle (copy), "oslo.bcase"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (bc_window_get_case (copy))), ==,
                    g_list_model_get_n_items (bc_case_get_events (bc_window_get_case (window))));
  /* Two cases, not one shown twice. */
  g_assert_true (bc_window_get_case (copy) != bc_window_get_case (window));

  _bc_window_set_save_as_answer (copy, target);
  gtk_widget_activate_action (GTK_WIDGET (copy), "win.save", NULL);
  drain ();
  g_assert_true (g_file_equal (bc_window_get_file (copy), target));
  g_assert_true (g_file_query_exists (target, NULL));

  gtk_window_destroy (GTK_WINDOW (copy));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_duplicate_from_welcome_row (void)
{
  BcWindow *window = bc_window_new (NULL);
  GtkListBox *cases;
  GtkListBoxRow *row;
  GtkWidget *button = NULL;

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  cases = _bc_window_get_cases_list (window);
  row = gtk_list_box_get_row_at_index (cases, 1);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL && button == NULL;
       w = gtk_widget_get_first_child (w))
    for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c))
        button = c;
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  drain ();
  g_assert_cmpstr (_bc_window_get_page (window), ==, "case");
  g_assert_null (bc_window_get_file (window));
  g_assert_nonnull (_bc_window_get_copy_of (window));
  {
    g_autofree char *base = g_file_get_basename (_bc_window_get_copy_of (window));

    g_assert_cmpstr (base, ==, "camp-david.bcase");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edit_bundled_makes_copy (void)
{
  BcWindow *window = window_with_case ("oslo");
  g_autoptr(GFile) oslo = bc_bundled_find_case ("oslo");
  g_autofree char *oslo_path = g_file_get_path (oslo);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  g_autoptr(BcRecoveryEntry) entry = NULL;

  g_assert_true (g_file_get_contents (oslo_path, &before, NULL, NULL));
  g_assert_nonnull (strstr (_bc_window_get_subtitle (window), "read-only"));

  edit (window);
  g_assert_null (bc_window_get_file (window));
  g_assert_true (g_file_equal (_bc_window_get_copy_of (window), oslo));
  g_assert_nonnull (strstr (_bc_window_get_subtitle (window), "Unsaved copy of oslo.bcase"));

  /* Its autosave is an untitled case: nothing leads back to the example. */
  g_assert_true (_bc_window_autosave_now (window));
  id = g_strdup (_bc_window_get_recovery_id (window));
  entry = bc_recovery_lookup (id);
  g_assert_null (bc_recovery_entry_get_original (entry));

  g_assert_true (g_file_get_contents (oslo_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  _bc_window_answer_dialog (window, "discard");
  drain ();
}

/* An entry as a process that has ended leaves it. */
static BcRecoveryEntry *
orphaned_entry (BcCase *kase,
                GFile  *original)
{
  g_autofree char *id = bc_recovery_new_id ();
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *name = g_strconcat (id, ".recovery", NULL);
  g_autofree char *sidecar = g_build_filename (dir_path, name, NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *etag = NULL;
  GPid child;

  if (original != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (original, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      etag = g_strdup (g_file_info_get_etag (info));
    }
  g_assert_true (bc_recovery_save (id, kase, original, etag, NULL));

  child = fork ();
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child);
  g_assert_true (g_key_file_load_from_file (keys, sidecar, G_KEY_FILE_NONE, NULL));
  g_key_file_set_int64 (keys, "Recovery", "Pid", child);
  g_assert_true (g_key_file_save_to_file (keys, sidecar, NULL));

  return bc_recovery_lookup (id);
}

static void
test_recovered_case_is_unsaved (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  g_autoptr(BcCase) edited = bc_case_read_file (copy->file, NULL, NULL, NULL);
  g_autoptr(BcRecoveryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcEvent) event = NULL;
  BcWindow *window = bc_window_new (NULL);

  empty_recovery ();
  event = bc_event_new ("recovered-1", BC_TRACK_2, BC_EVENT_MEETING,
                        bc_case_get_period_start (edited), "Only in the recovery file");
  g_list_store_append (G_LIST_STORE (bc_case_get_events (edited)), event);
  entry = orphaned_entry (edited, copy->file);
  g_assert_true (bc_recovery_entry_is_orphaned (entry));

  g_assert_true (bc_window_open_recovered (window, entry, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  /* Bound to its file, unsaved, and the file untouched. */
  g_assert_true (g_file_equal (bc_window_get_file (window), copy->file));
  g_assert_true (bc_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (has_event (bc_window_get_case (window), "recovered-1"));
  g_assert_true (file_unchanged (copy));
  g_assert_false (_bc_window_get_changed_on_disk (window));
  /* The window has taken the entry over: this process runs. */
  g_assert_cmpstr (_bc_window_get_recovery_id (window), ==, bc_recovery_entry_get_id (entry));
  {
    g_autoptr(BcRecoveryEntry) now = bc_recovery_lookup (bc_recovery_entry_get_id (entry));

    g_assert_false (bc_recovery_entry_is_orphaned (now));
  }

  /* The user decides by saving. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_false (bc_window_get_modified (window));
  g_assert_true (file_has_event (copy->file, "recovered-1"));
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (bc_recovery_entry_get_id (entry));

    g_assert_null (gone);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_recovered_over_changed_file_asks (void)
{
  g_autoptr(CaseCopy) copy = case_copy_new ("oslo");
  g_autoptr(BcCase) edited = bc_case_read_file (copy->file, NULL, NULL, NULL);
  g_autoptr(BcRecoveryEntry) entry = orphaned_entry (edited, copy->file);
  g_autofree char *theirs = g_strdup ("changed by someone else");
  g_autofree char *now = NULL;
  BcWindow *window = bc_window_new (NULL);

  {
    g_autoptr(GFileInfo) touched = g_file_info_new ();
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();

    g_assert_true (g_file_set_contents (copy->path, theirs, -1, NULL));
    g_file_info_set_attribute_uint64 (touched, G_FILE_ATTRIBUTE_TIME_MODIFIED, g_date_time_to_unix (later) + 5);
    g_assert_true (g_file_set_attributes_from_info (copy->file, touched, G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  g_assert_true (bc_recovery_entry_original_changed (entry));

  g_assert_true (bc_window_open_recovered (window, entry, NULL));
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_true (_bc_window_get_changed_on_disk (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  drain ();
  g_assert_nonnull (_bc_window_get_dialog (window));
  _bc_window_answer_dialog (window, "cancel");
  drain ();
  g_assert_true (g_file_get_contents (copy->path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, theirs);

  gtk_window_close (GTK_WINDOW (window));
  drain ();
  _bc_window_answer_dialog (window, "discard");
  drain ();
  {
    g_autoptr(BcRecoveryEntry) gone = bc_recovery_lookup (bc_recovery_entry_get_id (entry));

    g_assert_null (gone);
  }
}

static void
count_recovered (BcRecoveryEntry *entry,
                 gpointer         user_data)
{
  g_ptr_array_add (user_data, g_strdup (bc_recovery_entry_get_id (entry)));
}

static void
test_recovery_dialog (void)
{
  g_autoptr(BcCase) first = bc_case_new ("one", "First unsaved");
  g_autoptr(BcCase) second = bc_case_new ("two", "Second unsaved");
  g_autoptr(BcRecoveryEntry) a = NULL;
  g_autoptr(BcRecoveryEntry) b = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) recovered = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dialog;

  empty_recovery ();
  a = orphaned_entry (first, NULL);
  b = orphaned_entry (second, NULL);
  entries = bc_recovery_list (TRUE);
  g_assert_cmpuint (entries->len, ==, 2);

  /* Later keeps both. */
  dialog = bc_recovery_dialog_new (NULL, entries, count_recovered, recovered);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "later");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (recovered->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = bc_recovery_list (TRUE);
  g_assert_cmpuint (entries->len, ==, 2);

  /* Recover All hands each over. */
  dialog = bc_recovery_dialog_new (NULL, entries, count_recovered, recovered);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover-all");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (recovered->len, ==, 2);

  /* Discard All removes them. */
  dialog = bc_recovery_dialog_new (NULL, entries, count_recovered, recovered);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard-all");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = bc_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 0);
  drain ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("bc-test-saving-XXXXXX", NULL);
  int status;

  /* A recovery folder of its own, set before GLib first reads it. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/saving/close-cancel-keeps-window-and-edits", test_close_cancel_keeps_window);
  g_test_add_func ("/ui/saving/close-discard-leaves-file-and-drops-recovery", test_close_discard_leaves_file);
  g_test_add_func ("/ui/saving/close-save-writes-the-file", test_close_save_writes);
  g_test_add_func ("/ui/saving/quit-asks-for-each-modified-window", test_quit_asks);
  g_test_add_func ("/ui/saving/changed-on-disk-asks-before-overwriting", test_changed_on_disk_asks);
  g_test_add_func ("/ui/saving/autosave-holds-the-edit-until-saved", test_autosave_holds_edit);
  g_test_add_func ("/ui/saving/undo-to-saved-drops-recovery", test_undo_to_saved_drops_recovery);
  g_test_add_func ("/ui/saving/revert-drops-recovery", test_revert_drops_recovery);
  g_test_add_func ("/ui/saving/new-case-saves-as", test_new_case);
  g_test_add_func ("/ui/saving/duplicate-bundled-as-new", test_duplicate_bundled);
  g_test_add_func ("/ui/saving/duplicate-from-welcome-row", test_duplicate_from_welcome_row);
  g_test_add_func ("/ui/saving/editing-bundled-makes-untitled-copy", test_edit_bundled_makes_copy);
  g_test_add_func ("/ui/saving/recovered-case-is-unsaved-and-bound", test_recovered_case_is_unsaved);
  g_test_add_func ("/ui/saving/recovered-over-changed-file-asks", test_recovered_over_changed_file_asks);
  g_test_add_func ("/ui/saving/recovery-dialog-later-recover-discard", test_recovery_dialog);

  status = g_test_run ();

  empty_recovery ();
  {
    g_autofree char *recovery = g_build_filename (data_home, "backchannel", "recovery", NULL);
    g_autofree char *app = g_build_filename (data_home, "backchannel", NULL);
    g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

    g_rmdir (recovery);
    g_rmdir (app);
    g_unlink (recent);
    g_rmdir (data_home);
  }
  return status;
}
