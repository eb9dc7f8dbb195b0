/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document: a case and its file, read in a worker thread, saved,
 * watched on disk, autosaved, and read-only for the bundled examples. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "bc-bundled.h"
#include "bc-reader.h"
#include "bc-document.h"
#include "bc-edit.h"
#include "bc-writer.h"
#include "test-fixture.h"

static char *tmp_dir;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
note_thread (BcCase   *kase,
             gpointer  user_data)
{
  GThread **thread = user_data;

  *thread = g_thread_self ();
}

static GAsyncResult *
load (BcDocument  *document,
      GFile       *file,
      GThread    **thread)
{
  GAsyncResult *result = NULL;

  bc_document_load_async (document, file, thread ? note_thread : NULL, thread, NULL, loaded_cb, &result);
  g_assert_true (bc_document_get_loading (document));
  bc_document_wait_loaded (document);
  g_assert_false (bc_document_get_loading (document));
  g_assert_nonnull (result);
  return result;
}

static void
test_loads_in_a_worker_thread (void)
{
  g_autoptr(BcDocument) document = bc_document_new ();
  g_autoptr(GFile) file = bc_bundled_find_case ("oslo");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BcCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread = NULL;

  result = load (document, file, &thread);
  kase = bc_document_load_finish (document, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kase);
  /* Read off the main thread, which went on meanwhile. */
  g_assert_nonnull (thread);
  g_assert_true (thread != g_thread_self ());
  /* Not shown until the caller says how. */
  g_assert_null (bc_document_get_case (document));

  bc_document_set_case (document, kase, file, NULL, FALSE);
  g_assert_true (bc_document_get_case (document) == kase);
  g_assert_true (bc_document_get_read_only (document));
  g_assert_false (bc_document_get_modified (document));
}

static void
test_refused_file_says_why (void)
{
  g_autoptr(BcDocument) document = bc_document_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "bad.bcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) kase = NULL;

  g_assert_true (g_file_set_contents (path, "<case version=\"1\" id=\"x\"><title>T</title><events><event/></events></case>", -1, NULL));
  result = load (document, file, NULL);
  kase = bc_document_load_finish (document, result, &diagnostics, &error);
  g_assert_null (kase);
  g_assert_nonnull (error);
  g_assert_nonnull (diagnostics);
  g_assert_cmpuint (diagnostics->len, >, 0);
  g_assert_cmpuint (((BcDiagnostic *) g_ptr_array_index (diagnostics, 0))->line, ==, 1);
  g_remove (path);
}

static void
test_example_becomes_untitled_copy (void)
{
  g_autoptr(BcDocument) document = bc_document_new ();
  g_autoptr(GFile) file = bc_bundled_find_case ("camp-david");
  g_autoptr(GAsyncResult) result = load (document, file, NULL);
  g_autoptr(BcCase) kase = bc_document_load_finish (document, result, NULL, NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "copy.bcase", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  bc_document_set_case (document, kase, file, NULL, FALSE);
  g_assert_true (bc_document_get_read_only (document));

  /* Nothing writes over an example. */
  g_assert_false (bc_document_save_to (document, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_nonnull (bc_edit_add_actor (kase, BC_TRACK_2, NULL));
  g_assert_null (bc_document_get_file (document));
  g_assert_true (g_file_equal (bc_document_get_copy_of (document), file));
  g_assert_false (bc_document_get_read_only (document));
  g_assert_true (bc_document_get_modified (document));
  /* Unsaved changes are autosaved, to a recovery entry, not the file. */
  g_assert_true (bc_document_get_autosave_pending (document));
  g_assert_true (bc_document_autosave (document));
  g_assert_nonnull (bc_document_get_recovery_id (document));

  g_assert_true (bc_document_save_to (document, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (bc_document_get_file (document), copy));
  g_assert_null (bc_document_get_copy_of (document));
  g_assert_false (bc_document_get_modified (document));
  g_assert_null (bc_document_get_recovery_id (document));
  g_remove (path);
}

static gboolean
changed_on_disk (BcDocument *document)
{
  return bc_document_get_changed_on_disk (document);
}

static void
test_notices_changes_on_disk (void)
{
  g_autoptr(BcDocument) document = bc_document_new ();
  g_autoptr(BcCase) kase = fixture_case ();
  g_autofree char *path = g_build_filename (tmp_dir, "watched.bcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  bc_document_set_case (document, kase, NULL, NULL, TRUE);
  g_assert_true (bc_document_get_modified (document));
  g_assert_true (bc_document_save_to (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (bc_document_get_changed_on_disk (document));

  /* Our own save is no change on disk. */
  g_assert_true (bc_edit_add_actor (kase, BC_TRACK_1, NULL) != NULL);
  g_assert_true (bc_document_save_to (document, file, NULL));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (bc_document_get_changed_on_disk (document));

  /* Another program's is. */
  g_usleep (G_USEC_PER_SEC / 100);
  g_assert_true (g_file_set_contents (path, "<case version=\"1\" id=\"y\"><title>Theirs</title></case>\n", -1, NULL));
  while (!changed_on_disk (document))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bc_document_get_changed_on_disk (document));
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("bc-test-document-XXXXXX", &error);
  g_assert_no_error (error);
  /* Recovery entries go here, not to the user's folder. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/loads-in-a-worker-thread", test_loads_in_a_worker_thread);
  g_test_add_func ("/core/document/refused-file-says-why", test_refused_file_says_why);
  g_test_add_func ("/core/document/example-becomes-an-untitled-copy", test_example_becomes_untitled_copy);
  g_test_add_func ("/core/document/notices-changes-on-disk", test_notices_changes_on_disk);

  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp_dir);
    (void) system (cmd);
  }
  g_free (tmp_dir);
  return status;
}
