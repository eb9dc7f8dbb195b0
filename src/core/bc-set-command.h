/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-command.h"

G_BEGIN_DECLS

#define BC_TYPE_SET_COMMAND (bc_set_command_get_type ())
G_DECLARE_FINAL_TYPE (BcSetCommand, bc_set_command, BC, SET_COMMAND, BcCommand)

BcCommand  *bc_set_command_new   (const char   *target,
                                  const char   *property,
                                  const GValue *value);

G_END_DECLS
