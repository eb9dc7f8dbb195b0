/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-item.h"

G_BEGIN_DECLS

#define BC_TYPE_SOURCE (bc_source_get_type ())
G_DECLARE_FINAL_TYPE (BcSource, bc_source, BC, SOURCE, BcItem)

BcSource     *bc_source_new             (const char   *id,
                                         BcSourceType  type,
                                         const char   *citation);
BcSourceType  bc_source_get_source_type (BcSource     *self);
const char   *bc_source_get_citation    (BcSource     *self);
const char   *bc_source_get_url         (BcSource     *self);

G_END_DECLS
