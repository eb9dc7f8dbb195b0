/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"
#include "bc-layout.h"

G_BEGIN_DECLS

#define BC_TYPE_CANVAS (bc_canvas_get_type ())
G_DECLARE_FINAL_TYPE (BcCanvas, bc_canvas, BC, CANVAS, GtkWidget)

GtkWidget *bc_canvas_new               (void);
BcCase    *bc_canvas_get_case          (BcCanvas *self);
void       bc_canvas_set_case          (BcCanvas *self,
                                        BcCase   *case_);
BcView     bc_canvas_get_view          (BcCanvas *self);
void       bc_canvas_set_view          (BcCanvas *self,
                                        BcView    view);
BcItem    *bc_canvas_get_selected_item (BcCanvas *self);
void       bc_canvas_set_selected_item (BcCanvas *self,
                                        BcItem   *item);
double     bc_canvas_get_zoom          (BcCanvas *self);
void       bc_canvas_zoom_by           (BcCanvas *self,
                                        double    factor);
void       bc_canvas_zoom_reset        (BcCanvas *self);
void       bc_canvas_zoom_to_fit       (BcCanvas *self);
BcTimeScale bc_canvas_get_time_scale   (BcCanvas    *self);
void       bc_canvas_set_time_scale    (BcCanvas    *self,
                                        BcTimeScale  time_scale);
guint      bc_canvas_get_tracks        (BcCanvas *self);
void       bc_canvas_set_tracks        (BcCanvas *self,
                                        guint     tracks);
int        bc_canvas_get_highlight     (BcCanvas *self);
void       bc_canvas_set_highlight     (BcCanvas *self,
                                        int       mechanism);
BcDate     bc_canvas_get_known_on      (BcCanvas *self);
void       bc_canvas_set_known_on      (BcCanvas *self,
                                        BcDate    date);
gboolean   bc_canvas_get_editable      (BcCanvas *self);
void       bc_canvas_set_editable      (BcCanvas *self,
                                        gboolean  editable);
BcActorPaths bc_canvas_get_actor_paths  (BcCanvas     *self);
void       bc_canvas_set_actor_paths   (BcCanvas     *self,
                                        BcActorPaths  actor_paths);
gboolean   bc_canvas_get_focus_selection (BcCanvas *self);
void       bc_canvas_set_focus_selection (BcCanvas *self,
                                          gboolean  focus_selection);
const char *bc_canvas_get_search       (BcCanvas   *self);
void       bc_canvas_set_search        (BcCanvas   *self,
                                        const char *search);
gboolean   bc_canvas_get_frame         (BcCanvas *self);
void       bc_canvas_set_frame         (BcCanvas *self,
                                        gboolean  frame);
void       bc_canvas_get_layout_options (BcCanvas        *self,
                                         BcLayoutOptions *options);

G_END_DECLS
