/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "backchannel"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bc-cli.h"

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("backchannel");

  status = bc_cli_run (argc, argv);
  if (status != BC_CLI_NOT_HANDLED)
    return status;

  g_printerr (_("The window is not part of this build yet; use --validate or --export.\n"
                "Run “backchannel --help” to see the options\n"));
  return 2;
}
