/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_TIMELINE (bc_timeline_get_type ())
G_DECLARE_FINAL_TYPE (BcTimeline, bc_timeline, BC, TIMELINE, GtkWidget)

GtkWidget *bc_timeline_new           (void);
BcCase    *bc_timeline_get_case      (BcTimeline *self);
void       bc_timeline_set_case      (BcTimeline *self,
                                      BcCase     *case_);
BcDate     bc_timeline_get_known_on  (BcTimeline *self);
void       bc_timeline_set_known_on  (BcTimeline *self,
                                      BcDate      date);
guint      bc_timeline_get_tracks    (BcTimeline *self);
void       bc_timeline_set_tracks    (BcTimeline *self,
                                      guint       tracks);
int        bc_timeline_get_highlight (BcTimeline *self);
void       bc_timeline_set_highlight (BcTimeline *self,
                                      int         mechanism);
gboolean   bc_timeline_get_playing   (BcTimeline *self);
void       bc_timeline_set_playing   (BcTimeline *self,
                                      gboolean    playing);
void       bc_timeline_reset         (BcTimeline *self);

G_END_DECLS
