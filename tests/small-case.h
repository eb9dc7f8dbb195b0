/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-reader.h"

/* The small case whose measures test-measures.c works out by hand,
 * tests/report/small.bcase, read for the measures, chart and analysis
 * pane tests. @dir is where tests/ is from G_TEST_SRCDIR ("." or ".."). */
static inline BcCase *
small_case_read (const char *dir)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, "report", "small.bcase", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  BcCase *c;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  bytes = g_bytes_new (text, length);
  c = bc_case_read_bytes (bytes, "small.bcase", NULL, &error);
  g_assert_no_error (error);
  return c;
}
