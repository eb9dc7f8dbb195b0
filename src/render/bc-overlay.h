/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bc-layout.h"

G_BEGIN_DECLS

/* The handle to draw a transfer from: its radius and how far above the
 * event's node it sits, in screen pixels, so that it stays usable at
 * any zoom. */
#define BC_OVERLAY_HANDLE_RADIUS 5.0
#define BC_OVERLAY_HANDLE_GAP    9.0

typedef struct
{
  double red, green, blue, alpha;
} BcColor;

/**
 * BcOverlayStyle:
 * @zoom: screen pixels per layout unit: lines and gaps of the overlay
 *   keep their size on screen at any zoom
 * @accent: the colour of what the user points at and chooses
 * @error: the colour of what would be refused
 * @foreground: the colour of text on @background
 * @background: the colour of the canvas behind the diagram, under what
 *   stays pinned (the axis, the lane titles)
 *
 * How the overlay is drawn: the colours come from the widget's style.
 */
typedef struct
{
  double  zoom;
  BcColor accent;
  BcColor error;
  BcColor foreground;
  BcColor background;
} BcOverlayStyle;

void     bc_overlay_style_init          (BcOverlayStyle       *style,
                                         double                zoom);

/* In layout coordinates, on a cairo context that maps them to the
 * screen. */
void     bc_overlay_selection_bounds    (BcLayout             *layout,
                                         const BcLayoutHit    *hit,
                                         double                zoom,
                                         BcRect               *bounds);
void     bc_overlay_paint_selection     (cairo_t              *cr,
                                         BcLayout             *layout,
                                         const BcLayoutHit    *hit,
                                         const BcOverlayStyle *style);
void     bc_overlay_paint_found         (cairo_t              *cr,
                                         BcLayout             *layout,
                                         const BcLayoutHit    *hit,
                                         const BcOverlayStyle *style);
gboolean bc_overlay_known_on_x          (BcLayout             *layout,
                                         BcDate                known_on,
                                         double               *x);
void     bc_overlay_paint_known_on      (cairo_t              *cr,
                                         BcLayout             *layout,
                                         double                x,
                                         const BcOverlayStyle *style);
BcPoint  bc_overlay_handle_centre       (const BcRect         *node,
                                         double                zoom);
void     bc_overlay_paint_handle        (cairo_t              *cr,
                                         BcPoint               centre,
                                         const BcOverlayStyle *style);
void     bc_overlay_paint_grips         (cairo_t              *cr,
                                         const BcLayoutCurve  *c,
                                         const BcOverlayStyle *style);
void     bc_overlay_paint_move          (cairo_t              *cr,
                                         BcLayout             *layout,
                                         const BcRect         *node,
                                         BcDate                date,
                                         BcDate                end,
                                         const BcOverlayStyle *style);
void     bc_overlay_paint_arrow         (cairo_t              *cr,
                                         const BcPoint        *p,
                                         gboolean              dashed,
                                         const BcColor        *color,
                                         double                zoom);
void     bc_overlay_paint_connect       (cairo_t              *cr,
                                         const BcPoint        *p,
                                         const BcRect         *fixed,
                                         const BcRect         *target,
                                         gboolean              valid,
                                         const BcOverlayStyle *style);

/* In screen pixels. */
void     bc_overlay_paint_tag           (cairo_t              *cr,
                                         PangoContext         *context,
                                         const char           *text,
                                         double                x,
                                         double                y,
                                         const BcRect         *room,
                                         const BcColor        *background);

G_END_DECLS
