/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "bc-layout.h"

G_BEGIN_DECLS

/* Fonts are named by family alias so that fontconfig picks a face with
 * the script's glyphs (Noto for Arabic, Hebrew, Georgian). */
#define BC_FONT_TITLE   "Sans Bold 15"
#define BC_FONT_HEADER  "Sans Bold 9"
#define BC_FONT_LABEL   "Sans 8.5"
#define BC_FONT_SMALL   "Sans 7.5"

PangoContext *_bc_render_get_measure_context (void);
void          _bc_render_prepare_context     (PangoContext *context);
PangoLayout  *_bc_render_text                (PangoContext *context,
                                              const char   *font,
                                              const char   *text,
                                              double        max_width,
                                              int           max_lines);
void          _bc_render_text_size           (const char   *font,
                                              const char   *text,
                                              double        max_width,
                                              int           max_lines,
                                              double       *width,
                                              double       *height);

G_END_DECLS
