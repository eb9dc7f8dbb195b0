/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "backchannel"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bc-application.h"
#include "bc-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(BcApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("backchannel");

  /* --validate, --export and --list-cases run here, without a display:
   * GTK is not initialised unless the window is wanted. D-Bus activation
   * (the .service file) runs "backchannel --gapplication-service", an
   * option of GApplication's that the command line does not know. */
  if (argc != 2 || g_strcmp0 (argv[1], "--gapplication-service") != 0)
    {
      status = bc_cli_run (argc, argv);
      if (status != BC_CLI_NOT_HANDLED)
        return status;
    }

  g_set_application_name (_("Backchannel"));
  app = bc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
