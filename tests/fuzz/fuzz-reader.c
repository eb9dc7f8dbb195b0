/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bc-reader.h"
#include "bc-writer.h"

/* libFuzzer target for the case reader: any bytes at all must be read or
 * refused without a crash, a leak, a hang or unbounded memory. A file the
 * reader accepts must also survive a round trip: written back, it reads
 * again, and writes the same bytes the second time. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) result = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  g_autoptr(BcCase) again = NULL;

  result = bc_case_read_bytes (bytes, "fuzz.bcase", &diagnostics, &error);

  /* Refused or read: never both, never neither. */
  g_assert_true ((result == NULL) == (error != NULL));
  g_assert_nonnull (diagnostics);
  g_assert_true ((result == NULL) == (diagnostics->len > 0));
  g_assert_cmpuint (diagnostics->len, <=, BC_READER_MAX_ERRORS + 1);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      BcDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpuint (d->line, >, 0);
      g_assert_cmpuint (d->column, >, 0);
      g_assert_true (g_utf8_validate (d->message, -1, NULL));
    }

  if (result == NULL)
    return 0;

  g_clear_error (&error);
  once = bc_case_to_bytes (result);
  again = bc_case_read_bytes (once, "written.bcase", NULL, &error);
  /* abort(), not g_error(): libFuzzer saves the input on SIGABRT, not on
   * the SIGTRAP that g_error() raises. */
  if (again == NULL)
    {
      g_printerr ("An accepted case, written back, is refused: %s\n", error->message);
      abort ();
    }
  twice = bc_case_to_bytes (again);
  g_assert_true (g_bytes_equal (once, twice));

  return 0;
}
