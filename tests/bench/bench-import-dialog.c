/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The File → Import… path without the window, for bench-import.py: what
 * the dialog's worker does (a copy of the case read from a snapshot of
 * the one shown, a BcCsvImport loaded from the file on a GTask thread,
 * its bytes counted for the progress bar), then what the dialog does on
 * the main thread when Import Valid Rows is pressed (the import pointed
 * at the case shown, applied as one step of its history). Prints the
 * peak resident memory after each phase, from /proc/self/status.
 *
 *     bench-import-dialog FILE.csv [dmy|mdy]
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bc-case.h"
#include "bc-csv-import.h"
#include "bc-history.h"
#include "bc-reader.h"
#include "bc-writer.h"

typedef struct
{
  GFile       *file;
  GBytes      *snapshot;
  BcDateOrder  order;
  gint64       read;     /* bytes read so far, as the progress bar sees them */
} Work;

static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  hwm = strstr (status, "VmHWM:");
  return hwm != NULL ? strtol (hwm + 6, NULL, 10) : -1;
}

/* As load_in_thread() in bc-import-dialog.c: nothing shown is touched. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (work->file, cancellable, &error);
  g_autoptr(BcCase) copy = NULL;
  g_autoptr(BcCsvImport) import = NULL;

  if (stream == NULL ||
      (copy = bc_case_read_bytes (work->snapshot, "case", NULL, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  import = bc_csv_import_new (copy);
  bc_csv_import_set_date_order (import, work->order);
  if (!bc_csv_import_load (import, G_INPUT_STREAM (stream), "events.csv", cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_atomic_pointer_set (&work->read, (gint64) g_seekable_tell (G_SEEKABLE (stream)));
  g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BcCase) shown = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BcCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  Work work = { 0 };
  gint64 start, after_load, after_apply;
  long base_kib, load_kib, apply_kib;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE.csv [dmy|mdy]\n", argv[0]);
      return 2;
    }

  shown = bc_case_new ("bench", "Bench");
  base_kib = peak_kib ();
  start = g_get_monotonic_time ();

  work.file = g_file_new_for_commandline_arg (argv[1]);
  work.snapshot = bc_case_to_bytes (shown);
  work.order = argc > 2 && g_str_equal (argv[2], "mdy") ? BC_DATE_ORDER_MDY : BC_DATE_ORDER_DMY;
  task = g_task_new (NULL, NULL, loaded, &result);
  g_task_set_task_data (task, &work, NULL);
  g_task_run_in_thread (task, load_in_thread);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  import = g_task_propagate_pointer (G_TASK (result), &error);
  if (import == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  after_load = g_get_monotonic_time ();
  load_kib = peak_kib ();

  bc_csv_import_set_target (import, shown);
  if (!bc_csv_import_apply (import, TRUE, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  g_clear_object (&import);
  after_apply = g_get_monotonic_time ();
  apply_kib = peak_kib ();
  /* What saving the case afterwards would write. */
  written = bc_case_to_bytes (shown);

  printf ("rows %u events, %s undo step\n",
          g_list_model_get_n_items (bc_case_get_events (shown)),
          bc_history_can_undo (bc_case_get_history (shown)) ? "one" : "no");
  printf ("worker load %.2f s, apply %.2f s\n",
          (after_load - start) / 1e6, (after_apply - after_load) / 1e6);
  printf ("peak KiB: start %ld, after worker load %ld, after apply %ld, after writing %ld (%zu bytes read, %zu written)\n",
          base_kib, load_kib, apply_kib, peak_kib (), (gsize) work.read, g_bytes_get_size (written));

  g_object_unref (work.file);
  g_bytes_unref (work.snapshot);
  return 0;
}
