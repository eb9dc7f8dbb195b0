/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-case.h"
#include "bc-layout.h"

G_BEGIN_DECLS

#define BC_TYPE_ACTOR_PATHS (bc_actor_paths_get_type ())
GType bc_actor_paths_get_type (void) G_GNUC_CONST;

#define BC_TYPE_VIEW_STATE (bc_view_state_get_type ())
G_DECLARE_FINAL_TYPE (BcViewState, bc_view_state, BC, VIEW_STATE, GObject)

BcViewState *bc_view_state_new                (void);

BcCase      *bc_view_state_get_case           (BcViewState     *self);
void         bc_view_state_set_case           (BcViewState     *self,
                                               BcCase          *case_);
BcView       bc_view_state_get_view           (BcViewState     *self);
void         bc_view_state_set_view           (BcViewState     *self,
                                               BcView           view);
BcTimeScale  bc_view_state_get_time_scale     (BcViewState     *self);
void         bc_view_state_set_time_scale     (BcViewState     *self,
                                               BcTimeScale      time_scale);
guint        bc_view_state_get_tracks         (BcViewState     *self);
void         bc_view_state_set_tracks         (BcViewState     *self,
                                               guint            tracks);
int          bc_view_state_get_highlight      (BcViewState     *self);
void         bc_view_state_set_highlight      (BcViewState     *self,
                                               int              mechanism);
BcDate       bc_view_state_get_known_on       (BcViewState     *self);
void         bc_view_state_set_known_on       (BcViewState     *self,
                                               BcDate           date);
BcItem      *bc_view_state_get_selection      (BcViewState     *self);
void         bc_view_state_set_selection      (BcViewState     *self,
                                               BcItem          *item);
BcActorPaths bc_view_state_get_actor_paths    (BcViewState     *self);
void         bc_view_state_set_actor_paths    (BcViewState     *self,
                                               BcActorPaths     actor_paths);
gboolean     bc_view_state_get_focus_selection (BcViewState    *self);
void         bc_view_state_set_focus_selection (BcViewState    *self,
                                               gboolean         focus_selection);
gboolean     bc_view_state_get_frame          (BcViewState     *self);
void         bc_view_state_set_frame          (BcViewState     *self,
                                               gboolean         frame);
const char  *bc_view_state_get_search         (BcViewState     *self);
void         bc_view_state_set_search         (BcViewState     *self,
                                               const char      *search);
const char  *bc_view_state_focus_for          (BcItem          *selection,
                                               BcActorPaths     actor_paths,
                                               gboolean         focus_selection);
void         bc_view_state_get_layout_options (BcViewState     *self,
                                               BcLayoutOptions *options);

G_END_DECLS
