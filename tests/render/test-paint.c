/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-paint"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "bc-export.h"
#include "bc-painter.h"
#include "bc-render-private.h"
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

/* The colour a pixel gets where @top is drawn over @bottom (both at
 * the alpha they have). */
static BcRgba
over (BcRgba top,
      BcRgba bottom)
{
  return bc_rgba_over (&top, &bottom);
}

static BcRgba
alpha (BcRgba c,
       double a)
{
  c.alpha = a;
  return c;
}

static void
test_storyline_styles_distinct (void)
{
  guint n = _bc_painter_n_storyline_styles ();

  g_assert_cmpuint (n, >=, 16);
  for (BcTheme theme = BC_THEME_LIGHT; theme <= BC_THEME_DARK; theme++)
    for (guint a = 0; a < n; a++)
      for (guint b = a + 1; b < n; b++)
        {
          const double *da, *db;
          BcRgba ca = _bc_painter_storyline_style (a, theme, &da);
          BcRgba cb = _bc_painter_storyline_style (b, theme, &db);
          gboolean same_colour = ca.red == cb.red && ca.green == cb.green && ca.blue == cb.blue;
          gboolean same_dash = (da == NULL && db == NULL) ||
                               (da != NULL && db != NULL && da[0] == db[0] && da[1] == db[1]);

          if (same_colour && same_dash)
            g_error ("storyline styles %u and %u look alike", a, b);
        }
}

static void
test_storyline_contrast (void)
{
  for (BcTheme theme = BC_THEME_LIGHT; theme <= BC_THEME_DARK; theme++)
    {
      const BcPainterTheme *th = _bc_painter_theme (theme);

      for (guint s = 0; s < _bc_painter_n_storyline_styles (); s++)
        for (guint lane = 0; lane < 2; lane++)
          {
            const double *dashes;
            BcRgba c = _bc_painter_storyline_style (s, theme, &dashes);
            BcRgba seen = over (c, th->lane[lane]);
            double ratio = bc_rgba_contrast (&seen, &th->lane[lane]);

            if (ratio < 3)
              g_error ("storyline style %u on lane %u of the %s theme: contrast %.2f < 3", s,
                       lane, theme == BC_THEME_DARK ? "dark" : "light", ratio);
          }
    }
}

/* Lines and marks at least 3:1 with the lanes, text at least 4.5:1 with
 * what is under it, in both themes. */
static void
test_marks_and_text_contrast (void)
{
  for (BcTheme theme = BC_THEME_LIGHT; theme <= BC_THEME_DARK; theme++)
    {
      const BcPainterTheme *th = _bc_painter_theme (theme);

      for (guint lane = 0; lane < 2; lane++)
        {
          BcRgba under = th->lane[lane];
          BcRgba band = over (alpha (th->node, BC_PAINT_BAND_ALPHA), under);
          BcRgba hatch = over (alpha (th->node, BC_PAINT_OUTLINE_ALPHA), band);
          BcRgba link = over (alpha (th->muted, BC_PAINT_LINK_ALPHA), under);

          g_assert_cmpfloat (bc_rgba_contrast (&hatch, &under), >=, 3);
          g_assert_cmpfloat (bc_rgba_contrast (&link, &under), >=, 3);
          g_assert_cmpfloat (bc_rgba_contrast (&th->node, &under), >=, 3);
          g_assert_cmpfloat (bc_rgba_contrast (&th->fg, &under), >=, 4.5);
          g_assert_cmpfloat (bc_rgba_contrast (&th->muted, &under), >=, 4.5);
          /* A label over a date range's band. */
          g_assert_cmpfloat (bc_rgba_contrast (&th->fg, &band), >=, 4.5);
          if (theme == BC_THEME_DARK)
            for (BcMechanism m = 0; m < BC_N_MECHANISMS; m++)
              {
                double rgb[3];
                BcRgba c;

                bc_mechanism_get_rgb (m, theme, rgb);
                c = bc_rgba_from_rgb (rgb, 1);
                if (bc_rgba_contrast (&c, &under) < 3)
                  g_error ("mechanism %d on the dark theme: contrast %.2f < 3", m,
                           bc_rgba_contrast (&c, &under));
              }
        }
      g_assert_cmpfloat (bc_rgba_contrast (&th->header_fg, &th->header), >=, 4.5);
      g_assert_cmpfloat (bc_rgba_contrast (&th->fg, &th->bg), >=, 4.5);
    }
}

/* How many dark pixels a paint of @l has in @r. The paint covers @r
 * grown by 40 units each way, so that the items the layout indexed by
 * their old boxes are found and painted. */
static guint
ink_in (BcLayout     *l,
        const BcRect *r)
{
  BcRect view = { r->x - 40, r->y - 40, r->width + 80, r->height + 80 };
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (view.width),
                                                   (int) ceil (view.height));
  cairo_t *cr = cairo_create (s);
  int stride = cairo_image_surface_get_stride (s);
  const guchar *data;
  guint ink = 0;

  cairo_translate (cr, -view.x, -view.y);
  bc_painter_paint (l, cr, &view, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  for (int y = 40; y < 40 + (int) r->height; y++)
    for (int x = 40; x < 40 + (int) r->width; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
        ink += ((p >> 16) & 0xff) < 160;
      }
  cairo_surface_destroy (s);
  return ink;
}

static void
test_label_lines_painted (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  BcLayoutOptions options;
  g_autoptr(BcLayout) l = NULL;
  BcLayoutEvent *e;
  BcRect third;
  double w, h;
  guint one_line, three_lines;

  bc_layout_options_init (&options);
  l = bc_layout_new (c, &options);
  e = &g_array_index (l->events, BcLayoutEvent, 0);
  g_free (e->text);
  e->text = g_strdup ("First line of a title\nits second line\nand its third");
  bc_draw_text_size (BC_FONT_LABEL, e->text, 0, 1, &w, &h);
  e->label.width = w;
  e->label.height = h;
  /* The bottom third of the box: the third line only. */
  third = (BcRect) { e->label.x, e->label.y + h * 0.7, w, h * 0.3 };
  three_lines = ink_in (l, &third);

  g_free (e->text);
  e->text = g_strdup ("First line of a title");
  one_line = ink_in (l, &third);
  g_assert_cmpuint (three_lines, >, one_line + 20);
}

static void
test_faded_painted_faint (void)
{
  g_autoptr(BcCase) c = load_bundled ("camp-david");
  BcLayoutOptions options;
  g_autoptr(BcLayout) l = NULL;
  BcLayoutEvent *e;
  guint sharp, faint;

  bc_layout_options_init (&options);
  l = bc_layout_new (c, &options);
  e = &g_array_index (l->events, BcLayoutEvent, 0);
  sharp = ink_in (l, &e->node);
  e->faded = TRUE;
  faint = ink_in (l, &e->node);
  g_assert_cmpuint (sharp, >, 4);
  g_assert_cmpuint (faint, <, sharp / 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/png/not-blank", test_not_blank);
  g_test_add_func ("/render/png/scale-2-doubles-pixels", test_scale_doubles);
  g_test_add_func ("/render/png/dark-theme-darker", test_dark_is_darker);
  g_test_add_func ("/render/png/label-lines-painted", test_label_lines_painted);
  g_test_add_func ("/render/png/faded-painted-faint", test_faded_painted_faint);
  g_test_add_func ("/render/palette/storyline-styles-distinct", test_storyline_styles_distinct);
  g_test_add_func ("/render/palette/storyline-contrast-both-themes", test_storyline_contrast);
  g_test_add_func ("/render/palette/marks-and-text-contrast-both-themes", test_marks_and_text_contrast);

  return g_test_run ();
}
