/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_TRANSFER_POPOVER (bc_transfer_popover_get_type ())
G_DECLARE_FINAL_TYPE (BcTransferPopover, bc_transfer_popover, BC, TRANSFER_POPOVER, GtkPopover)

GtkWidget        *bc_transfer_popover_new           (BcCase            *kase,
                                                     BcEvent           *from,
                                                     BcEvent           *to);
BcEvent          *bc_transfer_popover_get_from      (BcTransferPopover *self);
BcEvent          *bc_transfer_popover_get_to        (BcTransferPopover *self);
int               bc_transfer_popover_get_mechanism (BcTransferPopover *self);
void              bc_transfer_popover_set_mechanism (BcTransferPopover *self,
                                                     BcMechanism        mechanism);
BcTransferStatus  bc_transfer_popover_get_status    (BcTransferPopover *self);
void              bc_transfer_popover_set_status    (BcTransferPopover *self,
                                                     BcTransferStatus   status);
char            **bc_transfer_popover_get_carriers  (BcTransferPopover *self);
void              bc_transfer_popover_set_carrier   (BcTransferPopover *self,
                                                     const char        *actor_id,
                                                     gboolean           carries);
char             *bc_transfer_popover_get_title     (BcTransferPopover *self);
BcTransfer       *bc_transfer_popover_build         (BcTransferPopover *self,
                                                     const char        *id);

G_END_DECLS
