/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-story-bar.h"

G_BEGIN_DECLS

/* For the widget tests, which press keys and read what a user reads. */
GtkEventController *_bc_story_bar_get_keys         (BcStoryBar *self);
GtkTextView        *_bc_story_bar_get_caption_view (BcStoryBar *self);
GtkLabel           *_bc_story_bar_get_title_label  (BcStoryBar *self);
GtkLabel           *_bc_story_bar_get_sources_label (BcStoryBar *self);

G_END_DECLS
