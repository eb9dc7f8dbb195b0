/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-overlay"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-overlay.h"
#include "render-test-util.h"

/* The overlay painter draws what follows the user over the picture: it
 * needs no display, so its geometry is tested here, on image surfaces. */

static const double zooms[] = { 0.5, 1, 4 };

static BcLayout *
layout_of (BcCase *c,
           BcView  view)
{
  BcLayoutOptions options;

  bc_layout_options_init (&options);
  options.view = view;
  return bc_layout_new (c, &options);
}

/* The box of the pixels painted on a transparent surface, in the
 * surface's pixels; FALSE when none were. */
static gboolean
painted_box (cairo_surface_t *surface,
             BcRect          *box)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (((const guint32 *) (data + y * stride))[x] != 0)
        {
          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
        }
  if (x1 < 0)
    return FALSE;
  *box = (BcRect) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return TRUE;
}

/* The selection ring of each actor of the wheel and each event of the
 * lanes holds the item's shape and lies within a few screen pixels of
 * it, at every zoom: never a circle over the wheel. */
static void
test_selection_fits_its_item (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (BcView view = BC_VIEW_LANES; view <= BC_VIEW_WHEEL; view++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) l = layout_of (c, view);
        GArray *items = view == BC_VIEW_WHEEL ? l->actors : l->events;
        BcLayoutItemKind kind = view == BC_VIEW_WHEEL ? BC_LAYOUT_ITEM_ACTOR : BC_LAYOUT_ITEM_EVENT;

        g_assert_cmpuint (items->len, >, 0);
        for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
          for (guint i = 0; i < items->len; i++)
            {
              BcLayoutHit hit = { kind, i, NULL };
              BcRect shape, ring, loose;
              double room = 8 / zooms[z];

              bc_layout_hit_shape (l, &hit, &shape);
              bc_overlay_selection_bounds (l, &hit, zooms[z], &ring);
              loose = (BcRect) { shape.x - room, shape.y - room, shape.width + 2 * room, shape.height + 2 * room };
              g_assert_true (bc_rect_contains (&ring, &shape));
              g_assert_true (bc_rect_contains (&loose, &ring));
            }
      }
}

/* What bc_overlay_paint_selection() paints lies inside the bounds
 * bc_overlay_selection_bounds() gives, at every zoom. */
static void
test_selection_paints_inside_its_bounds (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_WHEEL);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint i = 0; i < l->actors->len; i += 7)
      {
        BcLayoutHit hit = { BC_LAYOUT_ITEM_ACTOR, i, NULL };
        BcOverlayStyle style;
        BcRect ring, box = { 0 };
        double zoom = zooms[z];
        int size = (int) ceil (64 * MAX (zoom, 1));
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
        cairo_t *cr = cairo_create (surface);

        bc_overlay_style_init (&style, zoom);
        bc_overlay_selection_bounds (l, &hit, zoom, &ring);
        /* The ring's box, centred on the surface, in its pixels. */
        cairo_translate (cr, size / 2.0, size / 2.0);
        cairo_scale (cr, zoom, zoom);
        cairo_translate (cr, -(ring.x + ring.width / 2), -(ring.y + ring.height / 2));
        bc_overlay_paint_selection (cr, l, &hit, &style);
        cairo_destroy (cr);

        g_assert_true (painted_box (surface, &box));
        /* Within the bounds, give or take a pixel of antialiasing. */
        g_assert_cmpfloat (box.width, <=, ring.width * zoom + 2);
        g_assert_cmpfloat (box.height, <=, ring.height * zoom + 2);
        g_assert_cmpfloat (box.width, >=, ring.width * zoom - 2);
        cairo_surface_destroy (surface);
      }
}

/* The handle to draw a transfer from sits above its event's node, the
 * same few screen pixels above at every zoom. */
static void
test_handle_above_the_node (void)
{
  BcRect node = { 100, 200, 12, 12 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      BcPoint c = bc_overlay_handle_centre (&node, zooms[z]);

      g_assert_cmpfloat (c.x, ==, 106);
      g_assert_cmpfloat_with_epsilon ((node.y - c.y) * zooms[z], BC_OVERLAY_HANDLE_GAP, 1e-9);
    }
}

/* The date "as known on" has a place on the time axis of the lanes,
 * whatever its scale, inside the plot, later dates to the right, with
 * every event known by then on its left (the line parts the known from
 * the not yet known); none in the wheel. */
static void
test_known_on_on_the_axis (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) wheel = layout_of (c, BC_VIEW_WHEEL);
  BcDate early, late;

  g_assert_true (bc_date_parse ("1993-01-20", &early, NULL));
  g_assert_true (bc_date_parse ("1993-08-20", &late, NULL));
  for (BcTimeScale scale = BC_TIME_SCALE_PROPORTIONAL; scale <= BC_TIME_SCALE_BALANCED; scale++)
    {
      BcLayoutOptions options;
      g_autoptr(BcLayout) lanes = NULL;
      guint known = 0;
      double x0, x1;

      bc_layout_options_init (&options);
      options.time_scale = scale;
      lanes = bc_layout_new (c, &options);
      g_assert_true (bc_overlay_known_on_x (lanes, early, &x0));
      g_assert_true (bc_overlay_known_on_x (lanes, late, &x1));
      g_assert_cmpfloat (x0, <, x1);
      g_assert_cmpfloat (x0, >=, lanes->plot.x);
      g_assert_cmpfloat (x1, <=, lanes->plot.x + lanes->plot.width);
      for (guint i = 0; i < lanes->events->len; i++)
        {
          BcLayoutEvent *e = &g_array_index (lanes->events, BcLayoutEvent, i);

          if (bc_event_get_last_day (e->event) > bc_date_get_last_day (late))
            continue;
          g_assert_cmpfloat (e->node.x + e->node.width / 2, <=, x1);
          known++;
        }
      g_assert_cmpuint (known, >, 10);
      g_assert_false (bc_overlay_known_on_x (lanes, BC_DATE_UNSET, &x0));
    }
  g_assert_false (bc_overlay_known_on_x (wheel, early, &(double) { 0 }));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/overlay/selection-fits-its-item-at-every-zoom", test_selection_fits_its_item);
  g_test_add_func ("/render/overlay/selection-paints-inside-its-bounds", test_selection_paints_inside_its_bounds);
  g_test_add_func ("/render/overlay/handle-above-the-node", test_handle_above_the_node);
  g_test_add_func ("/render/overlay/known-on-on-the-axis", test_known_on_on_the_axis);

  return g_test_run ();
}
