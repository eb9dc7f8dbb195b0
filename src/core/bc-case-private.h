/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"

G_BEGIN_DECLS

GListStore *_bc_case_get_store          (BcCase      *self,
                                         const char  *section,
                                         const char  *owner_id,
                                         GError     **error);
gboolean    _bc_case_insert             (BcCase      *self,
                                         const char  *section,
                                         const char  *owner_id,
                                         int          position,
                                         GObject     *object,
                                         GError     **error);
GObject    *_bc_case_remove             (BcCase      *self,
                                         const char  *section,
                                         const char  *owner_id,
                                         guint        position,
                                         GError     **error);
void        _bc_case_set_section_present (BcCase     *self,
                                         const char  *section);
gboolean    _bc_case_get_section_present (BcCase     *self,
                                         const char  *section);

G_END_DECLS
