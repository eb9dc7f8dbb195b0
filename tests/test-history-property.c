/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A property test of the history: seeded random sequences of edits, valid
 * and invalid attempts, with undo and redo mixed in, on each bundled case.
 * After every step the case writes and reads back without error, a refused
 * edit changes nothing, and undoing everything gives the original bytes.
 *
 * BC_PROPERTY_SEED sets the first seed, BC_PROPERTY_SEQUENCES how many
 * sequences per case, BC_PROPERTY_STEPS how many steps in each; a failure
 * prints the seed that reproduces it. tests/fuzz/fuzz-history.c drives the
 * same edits from a fuzzer's bytes for longer runs. */
#include "config.h"

#include <string.h>

#include "bc-reader.h"
#include "bc-writer.h"
#include "edit-script.h"

#define DEFAULT_SEED      20261206u
#define DEFAULT_SEQUENCES 334   /* per case: 1,002 in all */
#define DEFAULT_STEPS     12

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return fallback;
  return (guint) value;
}

static GBytes *
load (const char *name)
{
  g_autofree char *file_name = g_strconcat (name, ".bcase", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "cases", file_name, NULL);
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static void
test_sequences (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GBytes) file = load (name);
  guint seed = env_uint ("BC_PROPERTY_SEED", DEFAULT_SEED);
  guint sequences = env_uint ("BC_PROPERTY_SEQUENCES", DEFAULT_SEQUENCES);
  guint steps = env_uint ("BC_PROPERTY_STEPS", DEFAULT_STEPS);
  EditScriptStats stats = { 0 };

  g_test_message ("%s: %u sequences of %u steps from seed %u", name, sequences, steps, seed);

  for (guint s = 0; s < sequences; s++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + s);
      g_autofree char *failure = NULL;

      failure = edit_script_run (file, name, (EditScriptNext) g_rand_int_range, rand, steps, &stats);
      if (failure != NULL)
        {
          g_printerr ("%s, sequence with seed %u (BC_PROPERTY_SEED=%u BC_PROPERTY_SEQUENCES=1): %s\n",
                      name, seed + s, seed + s, failure);
          g_assert_not_reached ();
        }
    }

  g_test_message ("%s: %u steps, %u edits done, %u refused, %u undone, %u redone",
                  name, stats.steps, stats.done, stats.refused, stats.undone, stats.redone);
  /* The sequences try both kinds of edit. */
  g_assert_cmpuint (stats.done, >, 0);
  g_assert_cmpuint (stats.refused, >, 0);
  g_assert_cmpuint (stats.undone, >, 0);
  g_assert_cmpuint (stats.redone, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char *names[] = { "oslo", "camp-david", "abkhazia" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/history/property/%s", names[i]);
      g_test_add_data_func (path, names[i], test_sequences);
    }
  return g_test_run ();
}
