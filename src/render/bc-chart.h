/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bc-draw.h"
#include "bc-export.h"
#include "bc-measures.h"

G_BEGIN_DECLS

/* Charts of the measures of complementarity. The geometry is computed
 * once, as plain data that tests and the analysis pane read; drawing it
 * is the one last step, bc_chart_paint(), through the BcDraw interface
 * the painter uses too: cairo for the pane, PNG and PDF, the SVG backend
 * for SVG (real <text>, not glyph outlines). */

typedef enum
{
  BC_CHART_MECHANISMS, /*< nick=mechanisms >*/
  BC_CHART_LAGS,       /*< nick=lags >*/
  BC_CHART_ACTIVITY,   /*< nick=activity >*/
} BcChartKind;

#define BC_N_CHARTS 3

/**
 * BcChartBar:
 * @key: what the bar shows, as bc-measures keys it (a mechanism's nick,
 *   or "TRACK@YEAR" for a cell of the activity grid)
 * @label: the same for a reader, with its figure
 * @rect: the bar, the range bar or the cell
 * @has_mark: whether @mark is drawn
 * @mark: where the median tick is, across the bar
 * @rgb: its colour
 * @dark: whether text on the bar should be light
 * @items: (element-type utf8): the ids behind the bar
 */
typedef struct
{
  char      *key;
  char      *label;
  BcRect     rect;
  gboolean   has_mark;
  double     mark;
  double     rgb[3];
  gboolean   dark;
  GPtrArray *items;
} BcChartBar;

typedef struct
{
  double   x0, y0, x1, y1;
  gboolean grid;      /* faint, behind the bars */
} BcChartLine;

typedef enum
{
  BC_CHART_TEXT_START,
  BC_CHART_TEXT_CENTER,
  BC_CHART_TEXT_END,
} BcChartAlign;

typedef struct
{
  char        *text;
  double       x, y;     /* the top of the line, at its start, centre or end */
  double       max_width;
  BcChartAlign align;
  gboolean     title;
  gboolean     on_dark;
} BcChartText;

typedef struct
{
  BcChartKind kind;
  BcTheme     theme;
  double      width;
  double      height;
  double      background[3];
  double      foreground[3];
  double      grid[3];
  GPtrArray  *bars;   /* BcChartBar, in the order the measures give */
  GArray     *lines;  /* BcChartLine: axes, ticks, grid */
  GPtrArray  *texts;  /* BcChartText: title, labels, values */
} BcChart;

gboolean     bc_chart_kind_from_name (const char        *name,
                                      BcChartKind       *kind);
const char  *bc_chart_kind_to_name   (BcChartKind        kind);
const char  *bc_chart_kind_get_label (BcChartKind        kind);

BcChart     *bc_chart_new            (BcMeasures        *measures,
                                      BcChartKind        kind,
                                      BcTheme            theme);
void         bc_chart_free           (BcChart           *self);
void         bc_chart_paint          (BcChart           *self,
                                      BcDraw            *draw);
void         bc_chart_draw           (BcChart           *self,
                                      cairo_t           *cr);
GBytes      *bc_chart_to_bytes       (BcChart           *self,
                                      BcExportType       type,
                                      double             scale,
                                      GError           **error);
gboolean     bc_chart_to_file        (BcChart           *self,
                                      GFile             *file,
                                      BcExportType       type,
                                      double             scale,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcChart, bc_chart_free)

G_END_DECLS
