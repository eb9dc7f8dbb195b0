/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-canvas.h"
#include "bc-inspector.h"
#include "bc-outline.h"
#include "bc-timeline.h"
#include "bc-window.h"

G_BEGIN_DECLS

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

G_END_DECLS
