/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-case.h"

G_BEGIN_DECLS

typedef enum
{
  BC_WRITE_FLAGS_NONE   = 0,
  BC_WRITE_FLAGS_BACKUP = 1 << 0,
} BcWriteFlags;

GBytes   *bc_case_to_bytes   (BcCase        *self);
gboolean  bc_case_write_file (BcCase        *self,
                              GFile         *file,
                              BcWriteFlags   flags,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
