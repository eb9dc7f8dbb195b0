/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "bc-draw.h"
#include "bc-export.h"
#include "bc-layout.h"

G_BEGIN_DECLS

/* Fonts are named by family alias so that fontconfig picks a face with
 * the script's glyphs (Noto for Arabic, Hebrew, Georgian). */
#define BC_FONT_TITLE   "Sans Bold 15"
#define BC_FONT_HEADER  "Sans Bold 9"
#define BC_FONT_LABEL   "Sans 8.5"
#define BC_FONT_SMALL   "Sans 7.5"

/* The sources line of a title block wraps into as many lines as it
 * needs, up to this many; a case citing more works than these lines
 * hold ends it with an ellipsis. The layout makes room for them and the
 * painter draws them. */
#define BC_SOURCES_MAX_LINES 12

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

/* Pictures drawn by cairo into a file's bytes: bc-export.c, charts and
 * the story's pages. */
cairo_surface_t *_bc_export_pdf_surface_new (GByteArray      *out,
                                             double           width,
                                             double           height,
                                             const char      *title,
                                             const char      *author);
cairo_surface_t *_bc_export_surface_new     (BcExportType     type,
                                             GByteArray      *out,
                                             double           width,
                                             double           height,
                                             double           scale,
                                             const char      *title,
                                             const char      *author,
                                             GError         **error);
cairo_status_t   _bc_export_surface_finish  (BcExportType     type,
                                             cairo_surface_t *surface,
                                             GByteArray      *out);

/* The colours of a theme, as the painter uses them. */
typedef struct
{
  BcRgba bg;
  BcRgba fg;
  BcRgba muted;
  BcRgba lane[2];
  BcRgba header;
  BcRgba header_fg;
  BcRgba grid;
  BcRgba node;
  BcRgba node_edge;
  BcRgba sector[2];
} BcPainterTheme;

/* Alphas over a lane. A date range is a band of the node colour, faint
 * so that text over it stays legible, with an outline that shows; a
 * date known to the month or year is a band hatched in the same
 * outline colour. Links and their arrowheads are the muted colour; an
 * item out of focus is drawn at the faded alpha. */
#define BC_PAINT_BAND_ALPHA    0.14
#define BC_PAINT_OUTLINE_ALPHA 0.65
#define BC_PAINT_LINK_ALPHA    0.85
#define BC_PAINT_FADED_ALPHA   0.25

const BcPainterTheme *_bc_painter_theme              (BcTheme        theme);
guint                 _bc_painter_n_storyline_styles (void);
BcRgba                _bc_painter_storyline_style    (guint          style,
                                                      BcTheme        theme,
                                                      const double **dashes);

G_END_DECLS
