/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-layout.h"

G_BEGIN_DECLS

/* What makes a picture hard to read, counted on a layout: the figures
 * the legibility benchmark prints and the legibility tests assert. One
 * measuring function per view; a figure a view has no notion of stays
 * 0. Definitions are in tests/bench/README.md. */
typedef struct
{
  guint events;          /* events shown */
  guint cut;             /* labels dropped, shortened, or wider than their box */
  guint label_label;     /* pairs of labels that overlap */
  guint label_mark;      /* a label over a node, a bar, a mark or a lane title band */
  guint line_label;      /* (line, label) pairs where a transfer or link crosses a label */
  guint line_label_halo; /* of those, the labels that have a halo */
  guint line_title;      /* (line, lane) pairs where a line crosses a lane's title */
  guint storylines;      /* actors drawn as storylines */
  guint story_crossings; /* points where two storylines cross */
  guint wiggles;         /* up or down moves of storylines */
  guint story_off;       /* storyline points off their actor's time, or a
                          * position drawn off its lane */
  guint lane_inversions; /* lanes out of track order, events off their lane */
  guint backwards;       /* arrows whose head is earlier than their tail */
} Legibility;

void legibility_measure_lanes (BcLayout   *layout,
                               Legibility *out,
                               GString    *why);

/* The wheel: its names are boxes turned along rays, as quads. */
typedef struct
{
  BcPoint     p[4]; /* clockwise on the screen */
  const char *text; /* borrowed from the layout */
} LegibilityQuad;

void           legibility_measure_wheel     (BcLayout             *layout,
                                             Legibility           *out,
                                             GString              *why);
LegibilityQuad legibility_wheel_actor_quad  (BcLayout             *layout,
                                             guint                 index);
LegibilityQuad legibility_rect_quad         (const BcRect         *r,
                                             const char           *text);
GArray        *legibility_wheel_label_quads (BcLayout             *layout);
gboolean       legibility_quads_overlap     (const LegibilityQuad *a,
                                             const LegibilityQuad *b);
double         legibility_quad_distance     (const LegibilityQuad *q,
                                             double                x,
                                             double                y);

G_END_DECLS
