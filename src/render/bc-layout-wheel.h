/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-layout.h"

G_BEGIN_DECLS

/* The wheel's chords bundle the transfers between two tracks: what a
 * chord holds, for its tooltip, and which chord holds a transfer. */

GPtrArray *bc_layout_chord_transfers (BcLayout   *self,
                                      guint       index);
int        bc_layout_find_chord      (BcLayout   *self,
                                      BcTransfer *transfer);
char      *bc_layout_describe_chord  (BcLayout   *self,
                                      guint       index);

G_END_DECLS
