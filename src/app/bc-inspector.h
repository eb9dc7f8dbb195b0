/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_INSPECTOR (bc_inspector_get_type ())
G_DECLARE_FINAL_TYPE (BcInspector, bc_inspector, BC, INSPECTOR, GtkWidget)

GtkWidget *bc_inspector_new      (void);
BcItem    *bc_inspector_get_item (BcInspector *self);
void       bc_inspector_set_item (BcInspector *self,
                                  BcItem      *item);
BcCase    *bc_inspector_get_case (BcInspector *self);
void       bc_inspector_set_case (BcInspector *self,
                                  BcCase      *case_);
gboolean   bc_inspector_get_editable (BcInspector *self);
void       bc_inspector_set_editable (BcInspector *self,
                                      gboolean     editable);

G_END_DECLS
