/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-item.h"

G_BEGIN_DECLS

#define BC_TYPE_EVENT (bc_event_get_type ())
G_DECLARE_FINAL_TYPE (BcEvent, bc_event, BC, EVENT, BcItem)

BcEvent            *bc_event_new              (const char  *id,
                                               BcTrack      track,
                                               BcEventType  type,
                                               BcDate       date,
                                               const char  *title);
BcTrack             bc_event_get_track        (BcEvent     *self);
BcEventType         bc_event_get_event_type   (BcEvent     *self);
BcDate              bc_event_get_date         (BcEvent     *self);
BcDate              bc_event_get_end          (BcEvent     *self);
BcCertainty         bc_event_get_certainty    (BcEvent     *self);
BcDate              bc_event_get_disclosed    (BcEvent     *self);
const char         *bc_event_get_title        (BcEvent     *self);
const char         *bc_event_get_place        (BcEvent     *self);
const char * const *bc_event_get_participants (BcEvent     *self);
const char         *bc_event_get_description  (BcEvent     *self);
GPtrArray          *bc_event_get_sources      (BcEvent     *self);
guint32             bc_event_get_first_day    (BcEvent     *self);
guint32             bc_event_get_last_day     (BcEvent     *self);
gboolean            bc_event_is_known_on      (BcEvent     *self,
                                               BcDate       date);

G_END_DECLS
