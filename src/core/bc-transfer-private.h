/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-transfer.h"

G_BEGIN_DECLS

GListStore *_bc_transfer_get_annotation_store (BcTransfer *self);
gboolean    _bc_transfer_get_status_explicit  (BcTransfer *self);
void        _bc_transfer_set_status_explicit  (BcTransfer *self,
                                               gboolean    explicit_);

G_END_DECLS
