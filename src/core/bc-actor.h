/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-item.h"

G_BEGIN_DECLS

#define BC_TYPE_POSITION (bc_position_get_type ())

/**
 * BcPosition:
 * @track: where the actor stood
 * @from: (nullable): first date, or unset
 * @to: last date, or unset
 * @role: (nullable): the role held there
 *
 * Where an actor stood over a span of time.
 */
typedef struct
{
  BcTrack track;
  BcDate  from;
  BcDate  to;
  char   *role;
} BcPosition;

GType       bc_position_get_type (void) G_GNUC_CONST;
BcPosition *bc_position_new      (BcTrack           track,
                                  BcDate            from,
                                  BcDate            to,
                                  const char       *role);
BcPosition *bc_position_copy     (const BcPosition *self);
void        bc_position_free     (BcPosition       *self);
GPtrArray  *bc_positions_new     (void);

#define BC_TYPE_ACTOR (bc_actor_get_type ())
G_DECLARE_FINAL_TYPE (BcActor, bc_actor, BC, ACTOR, BcItem)

BcActor            *bc_actor_new             (const char *id,
                                              BcTrack     track,
                                              BcActorType type,
                                              const char *name);
BcTrack             bc_actor_get_track       (BcActor    *self);
BcActorType         bc_actor_get_actor_type  (BcActor    *self);
const char         *bc_actor_get_name        (BcActor    *self);
const char         *bc_actor_get_role        (BcActor    *self);
const char * const *bc_actor_get_member_of   (BcActor    *self);
GPtrArray          *bc_actor_get_positions   (BcActor    *self);
const char         *bc_actor_get_description (BcActor    *self);
GPtrArray          *bc_actor_get_sources     (BcActor    *self);
BcTrack             bc_actor_get_track_on    (BcActor    *self,
                                              BcDate      date);

G_END_DECLS
