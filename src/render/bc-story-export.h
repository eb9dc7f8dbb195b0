/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-export.h"

G_BEGIN_DECLS

GBytes   *bc_story_export_to_bytes (BcCase                 *kase,
                                    const BcExportOptions  *options,
                                    GError                **error);
gboolean  bc_story_export_to_file  (BcCase                 *kase,
                                    GFile                  *file,
                                    const BcExportOptions  *options,
                                    GError                **error);

G_END_DECLS
