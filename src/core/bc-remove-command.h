/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-command.h"

G_BEGIN_DECLS

#define BC_TYPE_REMOVE_COMMAND (bc_remove_command_get_type ())
G_DECLARE_FINAL_TYPE (BcRemoveCommand, bc_remove_command, BC, REMOVE_COMMAND, BcCommand)

BcCommand  *bc_remove_command_new (const char *section,
                                   const char *owner_id,
                                   guint       position);
BcCommand  *bc_remove_command_new_for (BcCase  *target,
                                       GObject *object);

G_END_DECLS
