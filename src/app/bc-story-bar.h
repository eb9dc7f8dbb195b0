/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"
#include "bc-view-state.h"

G_BEGIN_DECLS

#define BC_TYPE_STORY_BAR (bc_story_bar_get_type ())
G_DECLARE_FINAL_TYPE (BcStoryBar, bc_story_bar, BC, STORY_BAR, GtkWidget)

GtkWidget *bc_story_bar_new            (void);
void       bc_story_bar_set_view_state (BcStoryBar  *self,
                                        BcViewState *view_state);
void       bc_story_bar_start          (BcStoryBar  *self,
                                        guint        position);
void       bc_story_bar_stop           (BcStoryBar  *self);
gboolean   bc_story_bar_get_active     (BcStoryBar  *self);
int        bc_story_bar_get_position   (BcStoryBar  *self);
BcItem    *bc_story_bar_get_focus_item (BcStoryBar  *self);
char      *bc_story_bar_dup_focus     (BcStoryBar  *self);

void       _bc_story_bar_edit_caption  (BcStoryBar  *self);

G_END_DECLS
