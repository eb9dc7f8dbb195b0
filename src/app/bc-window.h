/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-application.h"
#include "bc-case.h"
#include "bc-recovery.h"

G_BEGIN_DECLS

#define BC_TYPE_WINDOW (bc_window_get_type ())
G_DECLARE_FINAL_TYPE (BcWindow, bc_window, BC, WINDOW, AdwApplicationWindow)

BcWindow *bc_window_new               (BcApplication *application);
gboolean  bc_window_open              (BcWindow      *self,
                                       GFile         *file);
gboolean       bc_window_show_loaded     (BcWindow      *self,
                                          GFile         *file,
                                          BcCase        *loaded,
                                          GPtrArray     *diagnostics,
                                          GError        *error);
void           bc_window_load            (BcWindow      *self,
                                          GFile         *file);
gboolean       bc_window_get_loading     (BcWindow      *self);
BcCase   *bc_window_get_case          (BcWindow      *self);
GFile    *bc_window_get_file          (BcWindow      *self);
BcItem   *bc_window_get_selected_item (BcWindow      *self);
void      bc_window_set_selected_item (BcWindow      *self,
                                       BcItem        *item);
void      bc_window_new_case          (BcWindow      *self);
gboolean  bc_window_open_copy         (BcWindow      *self,
                                       GFile         *file);
gboolean  bc_window_open_recovered    (BcWindow         *self,
                                       BcRecoveryEntry  *entry,
                                       GError          **error);
gboolean  bc_window_get_modified      (BcWindow      *self);
void      bc_window_close_async       (BcWindow            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  bc_window_close_finish      (BcWindow      *self,
                                       GAsyncResult  *result,
                                       GError       **error);

G_END_DECLS
