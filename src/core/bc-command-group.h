/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-command.h"

G_BEGIN_DECLS

#define BC_TYPE_COMMAND_GROUP (bc_command_group_get_type ())
G_DECLARE_FINAL_TYPE (BcCommandGroup, bc_command_group, BC, COMMAND_GROUP, BcCommand)

BcCommandGroup *bc_command_group_new        (const char     *label);
void            bc_command_group_add        (BcCommandGroup *self,
                                             BcCommand      *command);
guint           bc_command_group_get_length (BcCommandGroup *self);

G_END_DECLS
