/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "backchannel"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include "bc-application.h"
#include "bc-cli.h"
#include "bc-layout.h"
#include "bc-reader.h"

/* GTK starts reading the icon theme in a thread the first time the
 * display's theme is asked for, which is otherwise while the window is
 * first shown, with the main thread waiting for it. Asking right after
 * startup lets it read while the window is built. */
static void
startup_done (GApplication *app,
              gpointer      user_data)
{
  gtk_icon_theme_get_for_display (gdk_display_get_default ());
}

/* In the reading thread: the fonts are loaded into the main thread's
 * font map, the one that GTK and the canvas use, which the main thread
 * leaves alone until this thread ends (see bc_application_open()). */
static void
load_fonts (BcCase   *kase,
            gpointer  user_data)
{
  pango_cairo_font_map_set_default (user_data);
  bc_layout_load_fonts (kase);
  pango_cairo_font_map_set_default (NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BcApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* build-aux/launch.sh points this at the translations compiled in the
   * build folder, so that the program run from the source tree speaks
   * Arabic or French as the installed one does. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BACKCHANNEL_LOCALEDIR") ?: LOCALEDIR);
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
  /* "backchannel FILE": the case is read, and the fonts of its labels
   * loaded, in a thread while GTK starts; the window takes it from
   * there. */
  app = bc_application_new ();
  if (argc == 2 && argv[1][0] != '-')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      bc_application_read_ahead (app, file, load_fonts, pango_cairo_font_map_get_default ());
    }
  g_signal_connect (app, "startup", G_CALLBACK (startup_done), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
