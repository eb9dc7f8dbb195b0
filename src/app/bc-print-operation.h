/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-case.h"
#include "bc-layout.h"

G_BEGIN_DECLS

#define BC_TYPE_PRINT_OPERATION (bc_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (BcPrintOperation, bc_print_operation, BC, PRINT_OPERATION, GtkPrintOperation)

BcPrintOperation *bc_print_operation_new (BcCase                *case_,
                                          const BcLayoutOptions *options);

G_END_DECLS
