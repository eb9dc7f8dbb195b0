/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-svg"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bc-export.h"
#include "bc-reader.h"

/* A helper for bench-svg.sh, not a test: reads a case, lays it out,
 * writes the layout as a Graphviz graph for neato and as SVG, and prints
 * how long each step took. The SVG is written several times and the
 * fastest time is kept, as the writer's own cost; the script times the
 * whole command beside neato. */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) kase = NULL;
  g_autoptr(BcLayout) layout = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *dot = NULL;
  BcExportOptions options;
  double t_read, t_layout, t_svg = G_MAXDOUBLE;
  guint rounds = 5;
  gint64 start;

  setlocale (LC_ALL, "");
  if (argc != 4)
    {
      g_printerr ("usage: bench-svg CASE OUT.svg OUT.dot\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  file = g_file_new_for_commandline_arg (argv[1]);
  kase = bc_case_read_file (file, argv[1], NULL, &error);
  if (kase == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  t_read = seconds_since (start);

  bc_export_options_init (&options);
  start = g_get_monotonic_time ();
  layout = bc_layout_new (kase, &options.layout);
  t_layout = seconds_since (start);

  for (guint i = 0; i < rounds; i++)
    {
      start = g_get_monotonic_time ();
      g_clear_pointer (&svg, g_bytes_unref);
      svg = bc_export_layout_to_bytes (layout, BC_EXPORT_SVG, &options, &error);
      if (svg == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t_svg = MIN (t_svg, seconds_since (start));
    }

  dot = bc_layout_to_dot (layout);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), &error) ||
      !g_file_set_contents (argv[3], dot, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("events %u transfers %u links %u\n", layout->events->len, layout->transfers->len,
           layout->links->len);
  g_print ("read %.3f layout %.3f svg %.3f bytes %" G_GSIZE_FORMAT "\n", t_read, t_layout, t_svg,
           g_bytes_get_size (svg));
  return 0;
}
