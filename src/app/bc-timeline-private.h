/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-timeline.h"

G_BEGIN_DECLS

/* For the widget tests. */
gboolean        _bc_timeline_step              (BcTimeline *self);
void            _bc_timeline_get_span          (BcTimeline *self,
                                                guint32    *first_day,
                                                guint32    *last_day);
GtkEditable    *_bc_timeline_get_entry         (BcTimeline *self);
GtkRange       *_bc_timeline_get_scale         (BcTimeline *self);
GtkCheckButton *_bc_timeline_get_track_check   (BcTimeline *self,
                                                BcTrack     track);
GtkCheckButton *_bc_timeline_get_mechanism_check (BcTimeline *self,
                                                  int         mechanism);

G_END_DECLS
