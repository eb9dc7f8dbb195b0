/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-canvas.h"
#include "bc-inspector.h"
#include "bc-outline.h"
#include "bc-timeline.h"
#include "bc-window.h"

#include "bc-view-state.h"

G_BEGIN_DECLS

BcViewState *_bc_window_get_view_state (BcWindow *self);

/* For the widget tests. */
GtkListBox  *_bc_window_get_cases_list  (BcWindow *self);
GtkListBox  *_bc_window_get_recent_list (BcWindow *self);
BcOutline   *_bc_window_get_outline     (BcWindow *self);
BcCanvas    *_bc_window_get_canvas      (BcWindow *self);
BcInspector *_bc_window_get_inspector   (BcWindow *self);
BcTimeline  *_bc_window_get_timeline    (BcWindow *self);
GtkWindow   *_bc_window_get_export_dialog (BcWindow *self);
const char  *_bc_window_get_page        (BcWindow *self);
gboolean     _bc_window_save_to         (BcWindow  *self,
                                         GFile     *file,
                                         GError   **error);

/* Saving, closing and recovery, without dialogs or timers. */
GtkWindow   *_bc_window_get_dialog      (BcWindow   *self);
void         _bc_window_answer_dialog   (BcWindow   *self,
                                         const char *response);
void         _bc_window_set_save_as_answer (BcWindow *self,
                                            GFile    *file);
gboolean     _bc_window_autosave_now    (BcWindow   *self);
gboolean     _bc_window_get_autosave_pending (BcWindow *self);
const char  *_bc_window_get_recovery_id (BcWindow   *self);
GFile       *_bc_window_get_copy_of     (BcWindow   *self);
const char  *_bc_window_get_subtitle    (BcWindow   *self);
BcWindow    *_bc_window_duplicate       (BcWindow   *self);
BcWindow    *_bc_window_new_case        (BcWindow   *self);
gboolean     _bc_window_get_changed_on_disk (BcWindow *self);

G_END_DECLS
