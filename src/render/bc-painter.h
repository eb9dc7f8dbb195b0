/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bc-draw.h"
#include "bc-layout.h"

G_BEGIN_DECLS

/**
 * BcPaintOptions:
 * @theme: light or dark colours
 * @background: fill the viewport with the theme's background first
 * @pinned: the window draws the time axis and the lanes' titles pinned
 *   over the picture, where they stay as it pans: the picture leaves
 *   out the text of its own, which would show beside or under them
 */
typedef struct
{
  BcTheme  theme;
  gboolean background;
  gboolean pinned;
} BcPaintOptions;

void   bc_paint_options_init (BcPaintOptions       *options);
guint  bc_painter_paint      (BcLayout             *layout,
                              cairo_t              *cr,
                              const BcRect         *viewport,
                              const BcPaintOptions *options);
guint  bc_painter_draw       (BcLayout             *layout,
                              BcDraw               *draw,
                              const BcRect         *viewport,
                              const BcPaintOptions *options);
void   bc_mechanism_get_rgb  (BcMechanism           mechanism,
                              BcTheme               theme,
                              double               *rgb);

G_END_DECLS
