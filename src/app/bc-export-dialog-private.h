/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-export.h"
#include "bc-export-dialog.h"

G_BEGIN_DECLS

/* For the widget tests: the choices, and the save without the chooser. */
AdwComboRow *_bc_export_dialog_get_format_row     (BcExportDialog  *self);
AdwComboRow *_bc_export_dialog_get_theme_row      (BcExportDialog  *self);
AdwComboRow *_bc_export_dialog_get_view_row       (BcExportDialog  *self);
GtkSwitch   *_bc_export_dialog_get_known_on_switch (BcExportDialog *self);
void         _bc_export_dialog_get_options        (BcExportDialog  *self,
                                                   BcExportType    *type,
                                                   BcExportOptions *options);
char        *_bc_export_dialog_get_suggested_name (BcExportDialog  *self);
gboolean     _bc_export_dialog_save_to            (BcExportDialog  *self,
                                                   GFile           *file);
const char  *_bc_export_dialog_get_error          (BcExportDialog  *self);

G_END_DECLS
