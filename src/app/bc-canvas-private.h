/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-canvas.h"

G_BEGIN_DECLS

/* For the widget tests: what is at a point of the widget. */
BcItem   *_bc_canvas_pick       (BcCanvas *self,
                                 double    x,
                                 double    y);
BcLayout *_bc_canvas_get_layout (BcCanvas *self);
char     *_bc_canvas_describe   (BcCanvas *self,
                                 BcItem   *item);
gboolean  _bc_canvas_item_to_widget (BcCanvas *self,
                                     BcItem   *item,
                                     double   *x,
                                     double   *y);
guint     _bc_canvas_get_tiles_painted (BcCanvas *self);
guint     _bc_canvas_get_tiles_cached  (BcCanvas *self);
guint     _bc_canvas_get_views_painted (BcCanvas *self);
gboolean  _bc_canvas_get_filling_tiles (BcCanvas *self);
void      _bc_canvas_pan               (BcCanvas *self,
                                        double    dx,
                                        double    dy);

/* Editing, as the drag gesture drives it; (x, y) in widget pixels. */
void       _bc_canvas_drag_begin        (BcCanvas        *self,
                                         double           x,
                                         double           y,
                                         GdkModifierType  state);
void       _bc_canvas_drag_update       (BcCanvas        *self,
                                         double           x,
                                         double           y);
void       _bc_canvas_drag_end          (BcCanvas        *self,
                                         double           x,
                                         double           y);
void       _bc_canvas_cancel_drag       (BcCanvas        *self);
void       _bc_canvas_get_drop_date     (BcCanvas        *self,
                                         BcDate          *date,
                                         BcDate          *end);
GtkWidget *_bc_canvas_get_transfer_popover (BcCanvas     *self);
const char *_bc_canvas_get_hint         (BcCanvas        *self);
gboolean   _bc_canvas_get_handle        (BcCanvas        *self,
                                         BcItem          *event,
                                         double          *x,
                                         double          *y);
gboolean   _bc_canvas_get_transfer_end  (BcCanvas        *self,
                                         BcTransfer      *transfer,
                                         gboolean         head,
                                         double          *x,
                                         double          *y);

G_END_DECLS
