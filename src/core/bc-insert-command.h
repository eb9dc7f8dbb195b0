/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-command.h"

G_BEGIN_DECLS

#define BC_TYPE_INSERT_COMMAND (bc_insert_command_get_type ())
G_DECLARE_FINAL_TYPE (BcInsertCommand, bc_insert_command, BC, INSERT_COMMAND, BcCommand)

BcCommand  *bc_insert_command_new (const char *section,
                                   const char *owner_id,
                                   int         position,
                                   GObject    *object);

G_END_DECLS
