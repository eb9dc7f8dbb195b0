/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-paint"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bc-export.h"
#include "render-test-util.h"

static cairo_surface_t *
png_of (BcCase  *c,
        BcTheme  theme,
        double   scale,
        BcView   view)
{
  BcExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  int fd;

  bc_export_options_init (&options);
  options.theme = theme;
  options.scale = scale;
  options.layout.view = view;
  bytes = bc_export_to_bytes (c, BC_EXPORT_PNG, &options, &error);
  g_assert_no_error (error);

  fd = g_file_open_tmp ("bc-paint-XXXXXX.png", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  surface = cairo_image_surface_create_from_png (path);
  g_unlink (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Mean luminance, and how many pixels differ from the corner's. */
static void
measure (cairo_surface_t *s,
         double          *mean,
         double          *inked)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  const guchar *data = cairo_image_surface_get_data (s);
  guint32 corner = *(const guint32 *) data;
  double sum = 0, differ = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);
        sum += 0.2126 * ((p >> 16) & 0xff) + 0.7152 * ((p >> 8) & 0xff) + 0.0722 * (p & 0xff);
        differ += p != corner;
      }
  *mean = sum / ((double) w * h);
  *inked = differ / ((double) w * h);
}

static void
test_not_blank (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");

  for (int view = 0; view < 2; view++)
    {
      cairo_surface_t *s = png_of (c, BC_THEME_LIGHT, 1, view);
      double mean, inked;

      measure (s, &mean, &inked);
      g_assert_cmpfloat (inked, >, 0.05);
      cairo_surface_destroy (s);
    }
}

static void
test_scale_doubles (void)
{
  g_autoptr(BcCase) c = load_bundled ("camp-david");
  cairo_surface_t *one = png_of (c, BC_THEME_LIGHT, 1, BC_VIEW_LANES);
  cairo_surface_t *two = png_of (c, BC_THEME_LIGHT, 2, BC_VIEW_LANES);

  g_assert_cmpint (cairo_image_surface_get_width (two), ==, 2 * cairo_image_surface_get_width (one));
  g_assert_cmpint (cairo_image_surface_get_height (two), ==, 2 * cairo_image_surface_get_height (one));
  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
}

static void
test_dark_is_darker (void)
{
  g_autoptr(BcCase) c = load_bundled ("abkhazia");
  cairo_surface_t *light = png_of (c, BC_THEME_LIGHT, 1, BC_VIEW_LANES);
  cairo_surface_t *dark = png_of (c, BC_THEME_DARK, 1, BC_VIEW_LANES);
  double light_mean, dark_mean, inked;

  measure (light, &light_mean, &inked);
  measure (dark, &dark_mean, &inked);
  g_assert_cmpfloat (dark_mean + 100, <, light_mean);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/png/not-blank", test_not_blank);
  g_test_add_func ("/render/png/scale-2-doubles-pixels", test_scale_doubles);
  g_test_add_func ("/render/png/dark-theme-darker", test_dark_is_darker);

  return g_test_run ();
}
