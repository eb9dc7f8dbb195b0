/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-layout.h"
#include "bc-reader.h"

/* What the render tests share: the bundled cases, read from the source
 * tree, and their layouts. */

static const char * const bundled[] = { "oslo", "camp-david", "abkhazia" };

static inline BcCase *
load_bundled (const char *name)
{
  g_autofree char *file_name = g_strdup_printf ("%s/%s.bcase", CASES_DIR, name);
  g_autoptr(GFile) file = g_file_new_for_path (file_name);
  g_autoptr(GError) error = NULL;
  BcCase *c = bc_case_read_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return c;
}
