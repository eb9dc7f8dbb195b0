/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-canvas.h"

G_BEGIN_DECLS

/* For the widget tests: what is at a point of the widget. */
BcItem   *_bc_canvas_pick       (BcCanvas *self,
                                 double    x,
                                 double    y);
BcLayout *_bc_canvas_get_layout (BcCanvas *self);
gboolean  _bc_canvas_item_to_widget (BcCanvas *self,
                                     BcItem   *item,
                                     double   *x,
                                     double   *y);
guint     _bc_canvas_get_tiles_painted (BcCanvas *self);
guint     _bc_canvas_get_tiles_cached  (BcCanvas *self);
void      _bc_canvas_pan               (BcCanvas *self,
                                        double    dx,
                                        double    dy);

G_END_DECLS
