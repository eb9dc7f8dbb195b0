/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-layout.h"

G_BEGIN_DECLS

/* What the views of the layout (lanes in bc-layout.c, the wheel in
 * bc-layout-wheel.c) share. */

#define MARGIN          24.0
#define MARK_W          8.0
#define MARK_H          7.0
#define ACTOR_R         4.0
#define ACTOR_LABEL_GAP 8.0
#define CURVE_HALF_W    1.5

BcRect       _bc_curve_bounds (const BcLayoutCurve *c, double pad);
void         _bc_layout_add_item (BcLayout *self, BcLayoutItemKind kind, guint idx, BcRect bounds);
gboolean     _bc_transfer_is_known (BcTransfer *t, BcDate known_on);
gboolean     _bc_layout_track_wanted (BcLayout *self, BcTrack track);
gboolean     _bc_layout_event_in_frame (BcLayout *self, BcEvent *event);
gboolean     _bc_layout_event_wanted (BcLayout *self, BcEvent *event);
GHashTable * _bc_count_annotations (BcCase *kase);
guint        _bc_annotations_about (GHashTable *counts, gpointer item);
void         _bc_place_curve_mark (BcLayoutCurve *c);
void         _bc_layout_legend (BcLayout *self, double top);
void         _bc_layout_wheel (BcLayout *self, double top);

/* The lanes view: bc-layout-lanes.c lays it out with the labels of
 * bc-layout-labels.c, the lines of bc-layout-routing.c and the
 * storylines of bc-layout-storylines.c. */

#define HEADER_H        20.0
#define NODE_SIZE       12.0
#define LABEL_GAP       4.0

void         _bc_layout_lanes (BcLayout *self, double top);

/* A uniform grid of boxes: what is near a box, without looking at all
 * of them. Boxes are numbered in the order they are added. */
typedef struct _BcBoxGrid BcBoxGrid;

BcBoxGrid *  _bc_box_grid_new (double cell);
void         _bc_box_grid_free (BcBoxGrid *grid);
guint        _bc_box_grid_add (BcBoxGrid *grid, const BcRect *box);
const BcRect *_bc_box_grid_get (BcBoxGrid *grid, guint id);
/* Calls @func for each box whose cell meets @box, once each; stops at
 * the first call that returns TRUE, and returns it. */
gboolean     _bc_box_grid_any (BcBoxGrid *grid, const BcRect *box,
                               gboolean (*func) (guint id, const BcRect *r, gpointer data),
                               gpointer data);
gboolean     _bc_box_grid_meets (BcBoxGrid *grid, const BcRect *box, double pad);

/* Labels: a title broken into at most three lines, measured. */
void         _bc_label_wrap (const char *title, char **text, double *width, double *height);

/* Where nodes and labels of one lane go: rows of nodes, labels in free
 * space beside, above or below, never across a vertical line kept
 * clear for a transfer. Lane-local coordinates, y from 0. */
typedef struct _BcPlacer BcPlacer;

BcPlacer *   _bc_placer_new (double left, double right, double top);
void         _bc_placer_free (BcPlacer *placer);
void         _bc_placer_keep_clear (BcPlacer *placer, double x0, double x1);
void         _bc_placer_keep_clear_rows (BcPlacer *placer, double x0, double x1, double y0, double y1);
void         _bc_placer_place (BcPlacer *placer, BcLayoutEvent *event);
double       _bc_placer_bottom (BcPlacer *placer);

/* Lines: transfers and links with their ends fixed in x, routed around
 * labels and lane titles once every lane has its height; then the
 * labels still crossed move aside where they can, or get a halo. */
typedef struct _BcRouter BcRouter;

BcRouter *   _bc_router_new (BcLayout *self, const BcRect *titles, guint n_titles,
                             const BcRect *area);
void         _bc_router_add (BcRouter *router, BcLayoutCurve *c);
void         _bc_router_run (BcRouter *router, const BcRect *room);
void         _bc_router_free (BcRouter *router);

/* Detours: a path of straight runs through a grid of costs, for a line
 * no simple shape takes past the labels (bc-layout-detour.c). */
typedef struct _BcDetour BcDetour;

BcDetour *   _bc_detour_new (const BcRect *area);
void         _bc_detour_free (BcDetour *d);
void         _bc_detour_add (BcDetour *d, const BcRect *r, guint8 cost);
void         _bc_detour_add_polyline (BcDetour *d, const BcPoint *p, guint n_points, guint8 cost);
void         _bc_detour_add_curve (BcDetour *d, const BcLayoutCurve *c, guint8 cost);
gboolean     _bc_detour_find (BcDetour *d, BcPoint from, BcPoint to,
                              const BcRect *own_from, guint n_from,
                              const BcRect *own_to, guint n_to, GArray *corners);
gboolean     _bc_detour_to_curve (GArray *corners, const BcRect *own_from, guint n_from,
                                  const BcRect *own_to, guint n_to, BcLayoutCurve *c);

/* Storylines: plan decides which actors run where and the order in
 * each lane, and how tall each lane's band of storylines is; draw
 * makes the polylines once the lanes are placed. */
typedef struct _BcStorylines BcStorylines;

BcStorylines *_bc_storylines_plan (BcLayout *self, const int *lane_of, double day0, double day1);
double       _bc_storylines_band (BcStorylines *plan, guint lane);
void         _bc_storylines_draw (BcLayout *self, BcStorylines *plan);
void         _bc_storylines_free (BcStorylines *plan);

/* Focus: what stays and what fades. */
void         _bc_layout_apply_focus (BcLayout *self);
gboolean     _bc_layout_focus_names (BcLayout *self, const char *id);

G_END_DECLS
