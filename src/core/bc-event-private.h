/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-event.h"

G_BEGIN_DECLS

gboolean _bc_event_get_certainty_explicit (BcEvent  *self);
void     _bc_event_set_certainty_explicit (BcEvent  *self,
                                           gboolean  explicit_);

G_END_DECLS
