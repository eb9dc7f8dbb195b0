/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-canvas.h"

G_BEGIN_DECLS

#define BC_TYPE_OVERVIEW (bc_overview_get_type ())
G_DECLARE_FINAL_TYPE (BcOverview, bc_overview, BC, OVERVIEW, GtkWidget)

GtkWidget *bc_overview_new      (BcCanvas    *canvas);
void       bc_overview_paint    (BcOverview  *self,
                                 GtkSnapshot *snapshot);
gboolean   bc_overview_to_layout (BcOverview *self,
                                  double      x,
                                  double      y,
                                  double     *lx,
                                  double     *ly);
gboolean   bc_overview_get_view_rect (BcOverview      *self,
                                      graphene_rect_t *rect);
void       bc_overview_move_to  (BcOverview  *self,
                                 double       x,
                                 double       y);

G_END_DECLS
