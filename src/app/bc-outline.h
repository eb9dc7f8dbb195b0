/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_OUTLINE (bc_outline_get_type ())
G_DECLARE_FINAL_TYPE (BcOutline, bc_outline, BC, OUTLINE, GtkWidget)

typedef enum
{
  BC_OUTLINE_ACTORS,
  BC_OUTLINE_EVENTS,
  BC_OUTLINE_TRANSFERS,
  BC_OUTLINE_SOURCES,
} BcOutlineSection;

#define BC_OUTLINE_N_SECTIONS 4

GtkWidget *bc_outline_new               (void);
BcCase    *bc_outline_get_case          (BcOutline *self);
void       bc_outline_set_case          (BcOutline *self,
                                         BcCase    *case_);
BcItem    *bc_outline_get_selected_item (BcOutline *self);
void       bc_outline_set_selected_item (BcOutline *self,
                                         BcItem    *item);
void       bc_outline_focus_search      (BcOutline *self);

G_END_DECLS
