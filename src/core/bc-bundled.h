/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GPtrArray *bc_bundled_list_cases (void);
GFile     *bc_bundled_find_case  (const char *name);
gboolean   bc_bundled_contains   (GFile      *file);

G_END_DECLS
