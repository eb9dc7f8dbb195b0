/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-exchange.h"
#include "bc-export.h"
#include "bc-export-dialog.h"

G_BEGIN_DECLS

/* The rows of the format list: PNG, SVG, PDF (BcExportType), then CSV,
 * Gephi CSV, GEXF, GraphML, CSL-JSON, BibTeX, TimelineJS and Kumu. */
#define BC_EXPORT_DIALOG_N_FORMATS 11

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
gboolean     _bc_export_dialog_get_exchange       (BcExportDialog   *self,
                                                   BcExchangeFormat *format);

G_END_DECLS
