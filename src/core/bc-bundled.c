/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-bundled"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-bundled.h"

/* The three cases that ship with Backchannel, in the order the welcome
 * page offers them. */
static const char * const bundled[] = { "oslo", "camp-david", "abkhazia" };

/* $BACKCHANNEL_CASES_DIR lets an uninstalled build and the tests use the
 * source tree; otherwise the installed folder. */
static const char *
cases_dir (void)
{
  const char *dir = g_getenv ("BACKCHANNEL_CASES_DIR");

  return dir != NULL && *dir != '\0' ? dir : CASESDIR;
}

/**
 * bc_bundled_list_cases:
 *
 * Returns: (transfer full) (element-type GFile): the bundled case files
 *   that are present
 */
GPtrArray *
bc_bundled_list_cases (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      g_autofree char *name = g_strconcat (bundled[i], ".bcase", NULL);
      g_autofree char *path = g_build_filename (cases_dir (), name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_file_new_for_path (path));
    }

  return files;
}

/**
 * bc_bundled_find_case:
 * @name: "oslo", "camp-david" or "abkhazia"
 *
 * Returns: (transfer full) (nullable): the bundled case of that name
 */
GFile *
bc_bundled_find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    if (g_strcmp0 (name, bundled[i]) == 0)
      {
        g_autofree char *file = g_strconcat (bundled[i], ".bcase", NULL);
        g_autofree char *path = g_build_filename (cases_dir (), file, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          return g_file_new_for_path (path);
      }

  return NULL;
}

/**
 * bc_bundled_contains:
 * @file: a file
 *
 * Returns: whether @file is one of the bundled, read-only cases
 */
gboolean
bc_bundled_contains (GFile *file)
{
  g_autoptr(GPtrArray) cases = bc_bundled_list_cases ();

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  for (guint i = 0; i < cases->len; i++)
    if (g_file_equal (file, g_ptr_array_index (cases, i)))
      return TRUE;
  return FALSE;
}
