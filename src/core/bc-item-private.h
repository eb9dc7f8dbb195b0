/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-item.h"

G_BEGIN_DECLS

void      _bc_item_set_case          (BcItem      *self,
                                      BcCase      *owner);

/* Property helpers shared by the item types. Each returns TRUE when the
 * value changed, so that the caller notifies only on real change. */
gboolean  _bc_set_string             (char       **field,
                                      const char  *value);
gboolean  _bc_set_strv               (char      ***field,
                                      const char * const *value);
gboolean  _bc_set_ptr_array          (GPtrArray  **field,
                                      GPtrArray   *value);
gboolean  _bc_set_date               (BcDate      *field,
                                      const BcDate *value);
void      _bc_value_set_date         (GValue      *value,
                                      BcDate       date);
gboolean  _bc_source_refs_equal      (GPtrArray   *a,
                                      GPtrArray   *b);

G_END_DECLS
