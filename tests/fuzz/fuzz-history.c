/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-history"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "edit-script.h"

/* libFuzzer target for the history: the input's bytes choose a bundled
 * case and a sequence of edits (the same edits as the property test,
 * tests/test-history-property.c), valid and invalid, with undo and redo.
 * After every step the case must read back, a refused edit must change
 * nothing, and undoing everything must give the original bytes. Run it
 * with tests/fuzz/run-fuzzer.sh SECONDS history. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         at;
} Bytes;

/* Two bytes a choice; once they run out, always the first choice. */
static gint32
next_from_bytes (gpointer state,
                 gint32   begin,
                 gint32   end)
{
  Bytes *b = state;
  guint v;

  if (b->at + 2 > b->size)
    return begin;
  v = (guint) b->data[b->at] << 8 | b->data[b->at + 1];
  b->at += 2;
  return begin + (gint32) (v % (guint) (end - begin));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *names[] = { "oslo", "camp-david", "abkhazia" };
  static GBytes *files[G_N_ELEMENTS (names)];
  Bytes b = { data, size, 0 };
  EditScriptStats stats = { 0 };
  g_autofree char *failure = NULL;
  guint which;

  if (files[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_strdup_printf ("%s/%s.bcase", BC_CASES_DIR, names[i]);
        char *contents = NULL;
        gsize length = 0;

        if (!g_file_get_contents (path, &contents, &length, NULL))
          abort ();
        files[i] = g_bytes_new_take (contents, length);
      }

  if (size < 1)
    return 0;
  which = data[0] % G_N_ELEMENTS (names);
  b.at = 1;
  /* At most one step per two bytes, and at most 64. */
  failure = edit_script_run (files[which], names[which], next_from_bytes, &b,
                             (guint) MIN ((size - 1) / 2, 64), &stats);
  if (failure != NULL)
    {
      g_printerr ("%s: %s\n", names[which], failure);
      abort ();
    }
  return 0;
}
