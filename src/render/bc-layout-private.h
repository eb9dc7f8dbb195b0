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

BcRect       _bc_rect_union (BcRect a, BcRect b);
BcRect       _bc_curve_bounds (const BcLayoutCurve *c, double pad);
void         _bc_layout_add_item (BcLayout *self, BcLayoutItemKind kind, guint idx, BcRect bounds);
gboolean     _bc_transfer_is_known (BcTransfer *t, BcDate known_on);
gboolean     _bc_layout_track_wanted (BcLayout *self, BcTrack track);
gboolean     _bc_layout_event_wanted (BcLayout *self, BcEvent *event);
GHashTable * _bc_count_annotations (BcCase *kase);
guint        _bc_annotations_about (GHashTable *counts, gpointer item);
void         _bc_place_curve_mark (BcLayoutCurve *c);
void         _bc_layout_legend (BcLayout *self, double top);
void         _bc_layout_wheel (BcLayout *self, double top);

G_END_DECLS
