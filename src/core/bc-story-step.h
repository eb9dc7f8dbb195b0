/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-item.h"

G_BEGIN_DECLS

#define BC_TYPE_STORY_STEP (bc_story_step_get_type ())
G_DECLARE_FINAL_TYPE (BcStoryStep, bc_story_step, BC, STORY_STEP, GObject)

typedef struct _BcCase BcCase;

BcStoryStep        *bc_story_step_new         (BcDate               known_on,
                                               const char * const  *focus,
                                               const char          *caption);
BcDate              bc_story_step_get_known_on (BcStoryStep        *self);
const char * const *bc_story_step_get_focus    (BcStoryStep        *self);
const char         *bc_story_step_get_caption  (BcStoryStep        *self);
GPtrArray          *bc_story_step_get_sources  (BcStoryStep        *self);
char               *bc_story_step_format_sources (BcStoryStep      *self,
                                                 BcCase           *kase);
char               *bc_story_step_format_title (BcStoryStep        *self,
                                               guint               position,
                                               guint               n_steps);

G_END_DECLS
