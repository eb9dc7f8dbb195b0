/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bc-reader.h"
#include "bc-recovery.h"
#include "bc-writer.h"
#include "test-fixture.h"

/* Each test gets an empty recovery folder. */
static void
empty_recovery_dir (void)
{
  g_autoptr(GPtrArray) entries = bc_recovery_list (FALSE);

  for (guint i = 0; i < entries->len; i++)
    g_assert_true (bc_recovery_entry_discard (g_ptr_array_index (entries, i), NULL));
}

static char *
case_text (BcCase *c)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (c);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_folder_under_user_data (void)
{
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "backchannel", "recovery", NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_DATA_HOME")));
}

static void
test_save_list_load_discard (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GFile) original = g_file_new_for_path ("/nonexistent/oslo.bcase");
  g_autofree char *id = bc_recovery_new_id ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(BcCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BcRecoveryEntry *entry;

  empty_recovery_dir ();

  /* An edit the user has not saved. */
  g_object_set (bc_case_lookup (c, "signing"), "title", "Signed on the lawn", NULL);
  g_assert_true (bc_recovery_save (id, c, original, "etag-1", &error));
  g_assert_no_error (error);

  entries = bc_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (bc_recovery_entry_get_id (entry), ==, id);
  g_assert_cmpstr (bc_recovery_entry_get_title (entry), ==, "A test case");
  g_assert_true (g_file_equal (bc_recovery_entry_get_original (entry), original));
  g_assert_cmpstr (bc_recovery_entry_get_original_etag (entry), ==, "etag-1");
  g_assert_cmpint (bc_recovery_entry_get_pid (entry), ==, getpid ());
  g_assert_nonnull (bc_recovery_entry_get_saved (entry));

  /* This process still runs: its entries are not for recovering. */
  g_assert_false (bc_recovery_entry_is_orphaned (entry));
  orphans = bc_recovery_list (TRUE);
  g_assert_cmpuint (orphans->len, ==, 0);

  back = bc_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  before = case_text (c);
  after = case_text (back);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (bc_recovery_entry_discard (entry, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = bc_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_null (bc_recovery_lookup (id));
  /* Discarding twice is no error. */
  g_assert_true (bc_recovery_discard_id (id, NULL));
}

static void
test_save_keeps_case_unsaved (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *history = bc_case_get_history (c);
  g_autofree char *id = bc_recovery_new_id ();
  g_auto(GValue) value = G_VALUE_INIT;

  empty_recovery_dir ();
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Renamed");
  g_assert_true (bc_history_set (history, G_OBJECT (bc_case_lookup (c, "signing")), "title", &value, NULL));
  g_assert_true (bc_history_get_modified (history));

  g_assert_true (bc_recovery_save (id, c, NULL, NULL, NULL));
  g_assert_true (bc_history_get_modified (history));
  g_assert_true (bc_recovery_discard_id (id, NULL));
}

static void
test_untitled_has_no_original (void)
{
  g_autoptr(BcCase) c = bc_case_new ("untitled", "Untitled Case");
  g_autofree char *id = bc_recovery_new_id ();
  g_autoptr(BcRecoveryEntry) entry = NULL;

  empty_recovery_dir ();
  g_assert_true (bc_recovery_save (id, c, NULL, NULL, NULL));
  entry = bc_recovery_lookup (id);
  g_assert_nonnull (entry);
  g_assert_null (bc_recovery_entry_get_original (entry));
  g_assert_false (bc_recovery_entry_original_changed (entry));
  g_assert_true (bc_recovery_entry_discard (entry, NULL));
}

/* A second save replaces the first: one entry per case. */
static void
test_save_replaces (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autofree char *id = bc_recovery_new_id ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(BcCase) back = NULL;

  empty_recovery_dir ();
  g_assert_true (bc_recovery_save (id, c, NULL, NULL, NULL));
  g_object_set (bc_case_lookup (c, "signing"), "title", "Second version", NULL);
  g_assert_true (bc_recovery_save (id, c, NULL, NULL, NULL));

  entries = bc_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 1);
  back = bc_recovery_entry_load (g_ptr_array_index (entries, 0), NULL);
  g_assert_cmpstr (bc_event_get_title (bc_case_lookup_event (back, "signing")), ==, "Second version");
  g_assert_true (bc_recovery_discard_id (id, NULL));
}

/* What a crash leaves: an entry whose process is gone. */
static void
test_dead_process_is_orphaned (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autofree char *id = bc_recovery_new_id ();
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *name = g_strconcat (id, ".recovery", NULL);
  g_autofree char *sidecar = g_build_filename (dir_path, name, NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) orphans = NULL;
  GPid child;
  int status;

  empty_recovery_dir ();
  g_assert_true (bc_recovery_save (id, c, NULL, NULL, NULL));

  /* A process that has ended and been reaped: its id runs nothing. */
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  g_assert_true (g_key_file_load_from_file (keys, sidecar, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_int64 (keys, "Recovery", "Pid", child);
  g_assert_true (g_key_file_save_to_file (keys, sidecar, NULL));

  orphans = bc_recovery_list (TRUE);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_true (bc_recovery_entry_is_orphaned (g_ptr_array_index (orphans, 0)));
  g_assert_true (bc_recovery_discard_id (id, NULL));
}

static void
test_original_changed (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autofree char *id = bc_recovery_new_id ();
  g_autofree char *dir = g_dir_make_tmp ("bc-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.bcase", NULL);
  g_autoptr(GFile) original = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(BcRecoveryEntry) entry = NULL;
  g_autoptr(BcRecoveryEntry) again = NULL;
  g_autoptr(GError) error = NULL;

  empty_recovery_dir ();
  g_assert_true (bc_case_write_file (c, original, BC_WRITE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  info = g_file_query_info (original, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_assert_true (bc_recovery_save (id, c, original, g_file_info_get_etag (info), NULL));
  entry = bc_recovery_lookup (id);
  g_assert_false (bc_recovery_entry_original_changed (entry));

  /* Another program writes the file: its time changes. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
    g_autoptr(GFileInfo) touched = g_file_info_new ();

    g_assert_true (g_file_set_contents (path, "<case/>", -1, NULL));
    g_file_info_set_attribute_uint64 (touched, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                      g_date_time_to_unix (later) + 10);
    g_assert_true (g_file_set_attributes_from_info (original, touched, G_FILE_QUERY_INFO_NONE, NULL, NULL));
  }
  again = bc_recovery_lookup (id);
  g_assert_true (bc_recovery_entry_original_changed (again));

  /* And gone is changed too. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_true (bc_recovery_entry_original_changed (again));

  g_assert_true (bc_recovery_discard_id (id, NULL));
  g_rmdir (dir);
}

/* Files of other names, and half an entry, are not listed. */
static void
test_ignores_strangers (void)
{
  g_autoptr(GFile) dir = bc_recovery_get_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *stray = g_build_filename (dir_path, "not-an-entry.txt", NULL);
  g_autofree char *lonely = g_build_filename (dir_path, "abc.recovery", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  empty_recovery_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stray, "x", -1, NULL));
  g_assert_true (g_file_set_contents (lonely, "[Recovery]\nTitle=x\n", -1, NULL));

  entries = bc_recovery_list (FALSE);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_null (bc_recovery_lookup ("../abc"));

  g_remove (stray);
  g_remove (lonely);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("bc-test-recovery-XXXXXX", NULL);
  int status;

  /* Before anything asks GLib for the user data folder, which it keeps. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/recovery/folder-is-under-user-data", test_folder_under_user_data);
  g_test_add_func ("/core/recovery/save-list-load-discard", test_save_list_load_discard);
  g_test_add_func ("/core/recovery/save-keeps-the-case-unsaved", test_save_keeps_case_unsaved);
  g_test_add_func ("/core/recovery/untitled-has-no-original", test_untitled_has_no_original);
  g_test_add_func ("/core/recovery/save-replaces-the-entry", test_save_replaces);
  g_test_add_func ("/core/recovery/dead-process-is-orphaned", test_dead_process_is_orphaned);
  g_test_add_func ("/core/recovery/original-changed-on-disk", test_original_changed);
  g_test_add_func ("/core/recovery/ignores-strangers", test_ignores_strangers);

  status = g_test_run ();

  empty_recovery_dir ();
  {
    g_autofree char *a = g_build_filename (data_home, "backchannel", "recovery", NULL);
    g_autofree char *b = g_build_filename (data_home, "backchannel", NULL);

    g_rmdir (a);
    g_rmdir (b);
    g_rmdir (data_home);
  }
  return status;
}
