/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What bc_cli_run() returns when the arguments ask for no command-line
 * work, so that the caller may start the window instead. */
#define BC_CLI_NOT_HANDLED (-1)

int bc_cli_run (int    argc,
                char **argv);

G_END_DECLS
