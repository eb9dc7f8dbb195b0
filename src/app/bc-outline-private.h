/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-outline.h"

G_BEGIN_DECLS

/* For the widget tests. */
GListModel     *_bc_outline_get_model        (BcOutline        *self,
                                              BcOutlineSection  section);
GtkSearchEntry *_bc_outline_get_search_entry (BcOutline        *self);
const char     *_bc_outline_get_section_name (BcOutline        *self);
GtkWidget      *_bc_outline_get_new_button   (BcOutline        *self,
                                              BcOutlineSection  section);
GtkWidget      *_bc_outline_get_new_link_button (BcOutline     *self);

G_END_DECLS
