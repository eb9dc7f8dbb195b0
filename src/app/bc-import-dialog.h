/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_IMPORT_DIALOG (bc_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BcImportDialog, bc_import_dialog, BC, IMPORT_DIALOG, AdwWindow)

BcImportDialog *bc_import_dialog_new      (GtkWindow      *parent,
                                           BcCase         *case_);
void            bc_import_dialog_set_file (BcImportDialog *self,
                                           GFile          *file);
gboolean        bc_import_dialog_can_import (GFile        *file);

/* For the widget tests. */
gboolean        _bc_import_dialog_is_loading   (BcImportDialog *self);
GtkListBox     *_bc_import_dialog_get_columns  (BcImportDialog *self);
GtkListBox     *_bc_import_dialog_get_preview  (BcImportDialog *self);
GtkListBox     *_bc_import_dialog_get_problems (BcImportDialog *self);
GtkListBox     *_bc_import_dialog_get_processes (BcImportDialog *self);
GtkButton      *_bc_import_dialog_get_button   (BcImportDialog *self,
                                                gboolean        only_valid);
void            _bc_import_dialog_stop         (BcImportDialog *self);

G_END_DECLS
