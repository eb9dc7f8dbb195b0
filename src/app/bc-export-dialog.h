/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-case.h"
#include "bc-layout.h"

G_BEGIN_DECLS

#define BC_TYPE_EXPORT_DIALOG (bc_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BcExportDialog, bc_export_dialog, BC, EXPORT_DIALOG, AdwWindow)

BcExportDialog *bc_export_dialog_new (GtkWindow             *parent,
                                      BcCase                *case_,
                                      GFile                 *case_file,
                                      const BcLayoutOptions *shown);

G_END_DECLS
