/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-analysis-pane.h"
#include "bc-canvas.h"
#include "bc-inspector.h"
#include "bc-outline.h"
#include "bc-reading-view.h"
#include "bc-story-bar.h"
#include "bc-timeline.h"
#include "bc-window.h"

#include "bc-document.h"
#include "bc-view-state.h"

G_BEGIN_DECLS

/* The window, split at its seams as gnome-text-editor splits its own:
 * bc-window.c (the widget, the case shown, the view state),
 * bc-window-actions.c, bc-window-saving.c and bc-window-welcome.c share
 * this struct. */
struct _BcWindow
{
  AdwApplicationWindow parent_instance;

  BcCase           *case_;            /* the document's, while shown */
  GFile            *file;             /* the document's, as last notified */
  BcItem           *selected_item;
  BcViewState      *view_state;       /* what every view binds to */
  GtkRecentManager *recent_manager;
  GSettings        *settings;
  GtkWindow        *export_dialog;    /* unowned, until destroyed */
  GtkWindow        *import_dialog;    /* weak */
  GtkPrintOperation *print_operation; /* while one runs */
  GtkPrintSettings *print_settings;   /* the last ones used */
  BcHistory        *history;          /* the case's, while it is shown */
  BcDocument       *document;         /* the case, its file, its autosave */
  gboolean          discard_confirmed;
  GtkWindow        *dialog;           /* the question it asks, weak */
  GTask            *close_task;       /* of bc_window_close_async() */
  GFile            *test_save_as;     /* a test's answer to Save As */
  gboolean          welcome_filled;   /* the welcome page's lists */

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *open_button;
  GtkMenuButton    *menu_button;
  GMenuModel       *primary_menu;
  GMenu            *undo_section;     /* its labels say what they undo */
  GtkButton        *zoom_fit_button;
  GtkButton        *welcome_new_button;
  GtkToggleButton  *outline_button;
  GtkToggleButton  *inspector_button;
  GtkBox           *view_controls;
  GtkStack         *stack;
  GtkListBox       *cases_list;
  AdwPreferencesGroup *recent_group;
  GtkListBox       *recent_list;
  AdwFlap          *outline_flap;
  AdwFlap          *inspector_flap;
  BcOutline        *outline;
  BcInspector      *inspector;
  GtkBox           *canvas_box;
  BcCanvas         *canvas;
  BcTimeline       *timeline;
  GtkPaned         *reading_paned;
  BcReadingView    *reading_view;     /* the case told in order, beside the canvas */
  BcStoryBar       *story_bar;
  GtkToggleButton  *lanes_button;
  GtkToggleButton  *wheel_button;
  GtkRevealer      *disk_revealer;
  GtkProgressBar   *load_progress;
  guint             pulse_id;         /* while a case is read */
  GCancellable     *load_cancellable;
  BcAnalysisPane   *analysis_pane;    /* beside the canvas, see bc-window-analysis.c */
};

/* Shared between the window's files. */
gboolean     _bc_window_is_modified         (BcWindow      *self);
void         _bc_window_update_edit_state   (BcWindow      *self);
void         _bc_window_show_case           (BcWindow      *self,
                                             BcCase        *loaded,
                                             GFile         *file,
                                             GFile         *copy_of,
                                             gboolean       modified);
BcWindow    *_bc_window_for_new_case        (BcWindow      *self);
void         _bc_window_finish_close_task   (BcWindow      *self,
                                             gboolean       closed);
gboolean     _bc_window_close_request       (GtkWindow     *window);
void         _bc_window_actions_class_init  (GtkWidgetClass *widget_class);
void         _bc_window_actions_init        (BcWindow      *self);
void         _bc_window_story_class_init    (GtkWidgetClass *widget_class);
void         _bc_window_story_init          (BcWindow      *self);
void         _bc_window_story_set_case      (BcWindow      *self,
                                             BcCase        *case_);
void         _bc_window_view_actions_init   (BcWindow      *self);
void         _bc_window_saving_class_init   (GtkWidgetClass *widget_class);
void         _bc_window_welcome_class_init  (GtkWidgetClass *widget_class);
void         _bc_window_welcome_init        (BcWindow      *self);
void         _bc_window_welcome_dispose     (BcWindow      *self);
void         _bc_window_ensure_welcome_lists (BcWindow     *self);
BcWindow    *_bc_window_duplicate_case      (BcWindow      *self);
BcWindow    *_bc_window_make_new_case       (BcWindow      *self);

BcViewState *_bc_window_get_view_state (BcWindow *self);
void         _bc_window_analysis_class_init (GtkWidgetClass *widget_class);
void         _bc_window_analysis_init       (BcWindow       *self);
void         _bc_window_analysis_set_case   (BcWindow       *self,
                                             BcCase         *case_);
BcAnalysisPane *_bc_window_get_analysis_pane (BcWindow      *self);
void         _bc_window_import         (BcWindow *self,
                                        GFile    *file);

/* For the widget tests. */
GtkListBox  *_bc_window_get_cases_list  (BcWindow *self);
GtkListBox  *_bc_window_get_recent_list (BcWindow *self);
BcOutline   *_bc_window_get_outline     (BcWindow *self);
BcCanvas    *_bc_window_get_canvas      (BcWindow *self);
BcInspector *_bc_window_get_inspector   (BcWindow *self);
BcTimeline  *_bc_window_get_timeline    (BcWindow *self);
BcReadingView *_bc_window_get_reading_view (BcWindow *self);
GtkWindow   *_bc_window_get_export_dialog (BcWindow *self);
GtkWindow   *_bc_window_get_import_dialog (BcWindow *self);
gboolean     _bc_window_drop_file       (BcWindow *self,
                                         GFile    *file);
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
