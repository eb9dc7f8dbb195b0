/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_APPLICATION (bc_application_get_type ())
G_DECLARE_FINAL_TYPE (BcApplication, bc_application, BC, APPLICATION, AdwApplication)

#include "bc-document.h"

BcApplication *bc_application_new        (void);
void           bc_application_read_ahead (BcApplication         *self,
                                          GFile                 *file,
                                          BcDocumentPrepareFunc  prepare,
                                          gpointer               prepare_data);

G_END_DECLS
