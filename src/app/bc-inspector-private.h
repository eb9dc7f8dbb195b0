/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-inspector.h"

G_BEGIN_DECLS

/* For the widget tests. */
const char *_bc_inspector_get_title (BcInspector *self);

G_END_DECLS
