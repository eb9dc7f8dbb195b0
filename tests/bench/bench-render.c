/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-render"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "bc-export.h"
#include "bc-reader.h"

/* A helper for bench-render.sh, not a test: writes a layout as a
 * Graphviz graph, and times painting a viewport against painting a
 * small case whole. */

static BcCase *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  BcCase *c = bc_case_read_file (file, path, NULL, &error);

  if (c == NULL)
    g_error ("%s: %s", path, error->message);
  return c;
}

static double
time_paint (BcLayout     *layout,
            const BcRect *viewport,
            guint         rounds,
            guint        *painted)
{
  BcRect whole = { 0, 0, layout->width, layout->height };
  const BcRect *r = viewport != NULL ? viewport : &whole;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (r->width), (int) ceil (r->height));
  gint64 start;
  double elapsed;

  /* One round first, so that fonts and glyph caches are warm in both. */
  for (guint i = 0; i <= rounds; i++)
    {
      cairo_t *cr = cairo_create (surface);

      if (i == 1)
        start = g_get_monotonic_time ();
      cairo_translate (cr, -r->x, -r->y);
      *painted = bc_painter_paint (layout, cr, r, NULL);
      cairo_destroy (cr);
    }
  cairo_surface_flush (surface);
  elapsed = (g_get_monotonic_time () - start) / 1000.0 / rounds;
  cairo_surface_destroy (surface);
  return elapsed;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "dot"))
    {
      g_autoptr(BcCase) c = load (argv[2]);
      g_autoptr(BcLayout) layout = bc_layout_new (c, NULL);
      g_autofree char *dot = bc_layout_to_dot (layout);

      g_file_set_contents (argv[3], dot, -1, NULL);
      g_print ("%g %g %u %u\n", layout->width, layout->height,
               layout->events->len, layout->transfers->len);
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "viewport"))
    {
      g_autoptr(BcCase) big = load (argv[2]);
      g_autoptr(BcCase) small = load (argv[3]);
      g_autoptr(BcLayout) big_layout = bc_layout_new (big, NULL);
      g_autoptr(BcLayout) small_layout = bc_layout_new (small, NULL);
      BcRect view = { 0 };
      double cx = big_layout->plot.x + big_layout->plot.width / 2;
      double cy = big_layout->plot.y + big_layout->plot.height / 2;
      guint n_view = 0, n_small = 0;
      double t_view, t_small;

      /* Grow a viewport around the middle of the lanes until it holds
       * about a hundred items. */
      for (double side = 20; side < 4000; side *= 1.05)
        {
          g_autoptr(GArray) hits = NULL;

          view = (BcRect) { cx - side / 2, cy - side * 0.3, side, side * 0.6 };
          hits = bc_layout_query (big_layout, &view);
          if (hits->len >= 100)
            break;
        }
      t_view = time_paint (big_layout, &view, 50, &n_view);
      t_small = time_paint (small_layout, NULL, 50, &n_small);
      g_print ("viewport of %u-event case: %.0f×%.0f, %u items painted, %.3f ms per paint\n",
               big_layout->events->len, view.width, view.height, n_view, t_view);
      g_print ("whole %u-event case: %.0f×%.0f, %u items painted, %.3f ms per paint\n",
               small_layout->events->len, small_layout->width, small_layout->height, n_small, t_small);
      g_print ("ratio viewport/whole-small: %.2f (goal ≤ 1.5)\n", t_view / t_small);
      return 0;
    }

  g_printerr ("usage: bench-render dot CASE OUT.dot | viewport BIG-CASE SMALL-CASE\n");
  return 2;
}
