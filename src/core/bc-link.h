/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-enums.h"

G_BEGIN_DECLS

#define BC_TYPE_LINK (bc_link_get_type ())
G_DECLARE_FINAL_TYPE (BcLink, bc_link, BC, LINK, GObject)

BcLink     *bc_link_new           (const char *from,
                                   const char *to,
                                   BcLinkType  type);
const char *bc_link_get_from      (BcLink     *self);
const char *bc_link_get_to        (BcLink     *self);
BcLinkType  bc_link_get_link_type (BcLink     *self);

G_END_DECLS
