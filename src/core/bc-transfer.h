/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-item.h"

G_BEGIN_DECLS

#define BC_TYPE_TRANSFER (bc_transfer_get_type ())
G_DECLARE_FINAL_TYPE (BcTransfer, bc_transfer, BC, TRANSFER, BcItem)

BcTransfer         *bc_transfer_new             (const char  *id,
                                                 const char  *from,
                                                 const char  *to,
                                                 BcMechanism  mechanism,
                                                 const char  *title);
const char         *bc_transfer_get_from        (BcTransfer  *self);
const char         *bc_transfer_get_to          (BcTransfer  *self);
BcMechanism         bc_transfer_get_mechanism   (BcTransfer  *self);
BcTransferStatus    bc_transfer_get_status      (BcTransfer  *self);
BcDate              bc_transfer_get_disclosed   (BcTransfer  *self);
const char         *bc_transfer_get_title       (BcTransfer  *self);
const char         *bc_transfer_get_description (BcTransfer  *self);
const char * const *bc_transfer_get_carriers    (BcTransfer  *self);
GPtrArray          *bc_transfer_get_sources     (BcTransfer  *self);
GListModel         *bc_transfer_get_annotations (BcTransfer  *self);

G_END_DECLS
