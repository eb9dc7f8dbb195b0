/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_APPLICATION (bc_application_get_type ())
G_DECLARE_FINAL_TYPE (BcApplication, bc_application, BC, APPLICATION, AdwApplication)

BcApplication *bc_application_new (void);

G_END_DECLS
