/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "bc-bundled.h"
#include "bc-canvas-private.h"
#include "bc-overview.h"
#include "bc-reader.h"

/* What the canvas shows as it is panned, zoomed, fitted and resized:
 * the pinned axis and lane titles, fit at a readable size, the centre
 * kept when a pane opens, the overview and the transfers' tooltips. */

typedef struct
{
  GtkWindow *window;
  BcCanvas  *canvas;
  BcCase    *kase;
} Fixture;

static gboolean
canvas_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = bc_bundled_find_case (data != NULL ? data : "oslo");
  g_autoptr(GError) error = NULL;

  f->kase = bc_case_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
  f->canvas = BC_CANVAS (bc_canvas_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->canvas));
  bc_canvas_set_case (f->canvas, f->kase);
  gtk_window_present (f->window);
  wait_until (canvas_allocated, f->canvas);
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  drain ();
  g_clear_object (&f->kase);
}

static gboolean
is_year (const char *text)
{
  /* A label that names a year: four digits in it. */
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]))
      return TRUE;
  return FALSE;
}

/* The size of a lane's title on one line, bold as the canvas pins it. */
static void
title_size (GtkWidget  *widget,
            const char *title,
            int        *width,
            int        *height)
{
  g_autoptr(PangoLayout) text = gtk_widget_create_pango_layout (widget, title);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (text, attrs);
  pango_layout_get_pixel_size (text, width, height);
}

/* The pinned axis names a year, and every lane title in view is whole:
 * its text is the lane's and its chip holds all of it. */
static void
check_pinned (Fixture *f)
{
  g_autoptr(GArray) pinned = _bc_canvas_get_pinned (f->canvas);
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  gboolean year = FALSE;
  guint lanes = 0;

  for (guint i = 0; i < pinned->len; i++)
    {
      BcCanvasPinned *p = &g_array_index (pinned, BcCanvasPinned, i);

      if ((p->kind == BC_CANVAS_PINNED_YEAR || p->kind == BC_CANVAS_PINNED_CONTEXT ||
           p->kind == BC_CANVAS_PINNED_LABEL) && is_year (p->text))
        year = TRUE;
      if (p->kind == BC_CANVAS_PINNED_YEAR || p->kind == BC_CANVAS_PINNED_CONTEXT ||
          p->kind == BC_CANVAS_PINNED_LABEL)
        {
          g_assert_cmpfloat (p->rect.x, >=, 0);
          g_assert_cmpfloat (p->rect.x + p->rect.width, <=, width);
        }
      if (p->kind == BC_CANVAS_PINNED_LANE)
        {
          gboolean found = FALSE;
          int w, h;

          title_size (GTK_WIDGET (f->canvas), p->text, &w, &h);
          g_assert_cmpfloat (p->rect.width, >=, w);
          for (guint j = 0; j < layout->lanes->len; j++)
            if (g_strcmp0 (g_array_index (layout->lanes, BcLayoutLane, j).label, p->text) == 0)
              found = TRUE;
          g_assert_true (found);
          g_assert_cmpfloat (p->rect.x, >=, 0);
          g_assert_cmpfloat (p->rect.x + p->rect.width, <=, width);
          lanes++;
        }
    }
  g_assert_true (year);
  g_assert_cmpuint (lanes, >, 0);
}

/* In a narrow canvas (side panes open on a small screen), a lane's
 * pinned title takes at most half the width: a longer one wraps onto a
 * second line, whole, instead of ending in "diplo…". */
static void
test_lane_title_wraps_when_narrow (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWindow *narrow = GTK_WINDOW (gtk_window_new ());
  BcCanvas *canvas = BC_CANVAS (bc_canvas_new ());
  g_autoptr(GArray) pinned = NULL;
  guint wrapped = 0;

  gtk_window_set_default_size (narrow, 420, 600);
  gtk_window_set_child (narrow, GTK_WIDGET (canvas));
  bc_canvas_set_case (canvas, f->kase);
  gtk_window_present (narrow);
  wait_until (canvas_allocated, canvas);
  drain ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), <, 500);

  pinned = _bc_canvas_get_pinned (canvas);
  for (guint i = 0; i < pinned->len; i++)
    {
      BcCanvasPinned *p = &g_array_index (pinned, BcCanvasPinned, i);
      int w, h;

      if (p->kind != BC_CANVAS_PINNED_LANE)
        continue;
      title_size (GTK_WIDGET (canvas), p->text, &w, &h);
      g_test_message ("%s: %.0f × %.0f px; on one line %d × %d", p->text, p->rect.width, p->rect.height, w, h);
      if (p->rect.width < w)
        {
          /* Too narrow for one line: two lines tall, so nothing cut. */
          g_assert_cmpfloat (p->rect.height, >=, 2 * h);
          wrapped++;
        }
    }
  g_assert_cmpuint (wrapped, >, 0);
  gtk_window_destroy (narrow);
  drain ();
}

/* With BC_CANVAS_SHOT_DIR set, saves what the canvas shows as NAME.png
 * there, to be looked at. */
static void
save_shot (Fixture    *f,
           const char *name)
{
  const char *dir = g_getenv ("BC_CANVAS_SHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  gtk_widget_queue_draw (widget);
  drain ();
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static void
test_pinned_axis (Fixture       *f,
                  gconstpointer  data)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);
  const double zooms[] = { 0.3, 0.8, 1.0, 2.5, 6.0 };

  g_assert_nonnull (layout);
  bc_canvas_zoom_to_fit (f->canvas);
  check_pinned (f);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    for (double along = 0; along <= 1.0; along += 0.25)
      {
        _bc_canvas_set_zoom_at (f->canvas, zooms[i], 0, 0);
        /* Somewhere along the case, scrolled into a lane's middle. */
        f->canvas->offset_x = layout->plot.x + along * layout->plot.width -
                              gtk_widget_get_width (GTK_WIDGET (f->canvas)) / 2.0 / f->canvas->zoom;
        f->canvas->offset_y = layout->plot.y + along * layout->plot.height / 2;
        check_pinned (f);
        if (along == 0.5 && (zooms[i] == 1.0 || zooms[i] == 2.5))
          {
            g_autofree char *name = g_strdup_printf ("pinned-%s-%g-%s", data ? (char *) data : "oslo", zooms[i],
                                                     adw_style_manager_get_dark (adw_style_manager_get_default ())
                                                       ? "dark" : "light");

            save_shot (f, name);
          }
      }
}

/* Hovering the pinned axis says how time runs along it, since on the
 * balanced scale (the default) equal widths are not equal durations;
 * the wheel has no axis to explain. */
static void
test_axis_says_how_time_runs (Fixture       *f,
                              gconstpointer  data)
{
  double x = gtk_widget_get_width (GTK_WIDGET (f->canvas)) / 2.0;
  double y = _bc_canvas_axis_band_height (f->canvas) / 2;
  g_autofree char *balanced = NULL;
  g_autofree char *proportional = NULL;
  g_autofree char *wheel = NULL;
  g_autofree char *below = NULL;

  bc_canvas_zoom_to_fit (f->canvas);
  g_assert_cmpfloat (y, >, 0);
  balanced = _bc_canvas_tooltip_at (f->canvas, x, y);
  g_assert_nonnull (strstr (balanced, "Balanced time"));
  g_assert_nonnull (strstr (balanced, "not equal durations"));
  bc_canvas_set_time_scale (f->canvas, BC_TIME_SCALE_PROPORTIONAL);
  proportional = _bc_canvas_tooltip_at (f->canvas, x, y);
  g_assert_nonnull (strstr (proportional, "Proportional to dates"));
  /* Below the axis, where the lanes are, it says nothing of time. */
  below = _bc_canvas_tooltip_at (f->canvas, 2, gtk_widget_get_height (GTK_WIDGET (f->canvas)) / 2.0);
  g_assert_true (below == NULL || strstr (below, "Proportional") == NULL);
  bc_canvas_set_view (f->canvas, BC_VIEW_WHEEL);
  wheel = _bc_canvas_tooltip_at (f->canvas, x, 2);
  g_assert_true (wheel == NULL || strstr (wheel, "time") == NULL);
}

/* Ticks follow the zoom: zoomed in, the axis marks months or days. On
 * the calendar's scale, where every quarter is as wide as the next. */
static void
test_ticks_follow_zoom (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GArray) wide = NULL;
  g_autoptr(GArray) close = NULL;
  guint wide_ticks = 0, close_ticks = 0;
  g_autofree char *first_wide = NULL;

  bc_canvas_set_time_scale (f->canvas, BC_TIME_SCALE_PROPORTIONAL);
  bc_canvas_zoom_to_fit (f->canvas);
  wide = _bc_canvas_get_pinned (f->canvas);
  _bc_canvas_set_zoom_at (f->canvas, 8.0, 600, 300);
  close = _bc_canvas_get_pinned (f->canvas);
  for (guint i = 0; i < wide->len; i++)
    if (g_array_index (wide, BcCanvasPinned, i).kind == BC_CANVAS_PINNED_TICK ||
        g_array_index (wide, BcCanvasPinned, i).kind == BC_CANVAS_PINNED_MAJOR_TICK)
      wide_ticks++;
  for (guint i = 0; i < close->len; i++)
    if (g_array_index (close, BcCanvasPinned, i).kind == BC_CANVAS_PINNED_TICK ||
        g_array_index (close, BcCanvasPinned, i).kind == BC_CANVAS_PINNED_MAJOR_TICK)
      close_ticks++;
  g_assert_cmpuint (wide_ticks, >, 0);
  g_assert_cmpuint (close_ticks, >, 0);
  /* Fitted, Oslo's axis counts quarters; zoomed in, months or days. */
  {
    gboolean wide_quarters = FALSE, close_quarters = FALSE;

    for (guint i = 0; i < wide->len; i++)
      if (g_array_index (wide, BcCanvasPinned, i).kind == BC_CANVAS_PINNED_LABEL &&
          g_str_has_prefix (g_array_index (wide, BcCanvasPinned, i).text, "Q"))
        wide_quarters = TRUE;
    for (guint i = 0; i < close->len; i++)
      if (g_array_index (close, BcCanvasPinned, i).kind == BC_CANVAS_PINNED_LABEL &&
          g_str_has_prefix (g_array_index (close, BcCanvasPinned, i).text, "Q"))
        close_quarters = TRUE;
    g_assert_true (wide_quarters);
    g_assert_false (close_quarters);
  }
  /* The close view spans far less time: its ticks are a finer unit, not
   * the wide view's few ticks spread out. */
  {
    BcLayout *layout = _bc_canvas_get_layout (f->canvas);
    double w = gtk_widget_get_width (GTK_WIDGET (f->canvas));
    double span_close = bc_layout_x_to_day (layout, f->canvas->offset_x + w / f->canvas->zoom) -
                        bc_layout_x_to_day (layout, f->canvas->offset_x);

    g_assert_cmpfloat (span_close / close_ticks, <, 200);
  }
}

/* Fit leaves the title block and legend out (the `frame` option is off
 * on screen) and never goes below a readable zoom. */
static void
test_fit_readable (Fixture       *f,
                   gconstpointer  data)
{
  BcLayout *layout;

  g_assert_false (bc_canvas_get_frame (f->canvas));
  layout = _bc_canvas_get_layout (f->canvas);
  g_assert_false (layout->options.frame);
  bc_canvas_zoom_to_fit (f->canvas);
  g_assert_cmpfloat (bc_canvas_get_zoom (f->canvas), >=, bc_canvas_get_readable_zoom ());
  /* Labels of 8.5 pt at 96 dpi: at least 9 px on screen. */
  g_assert_cmpfloat (8.5 * 96 / 72 * bc_canvas_get_zoom (f->canvas), >=, 9.0 - 1e-6);
  /* The lanes' whole height is in view, and the title block is not what
   * was fitted: the lanes fill the height but for the margins. */
  {
    double top, bottom, x;
    const BcLayoutLane *first = &g_array_index (layout->lanes, BcLayoutLane, 0);
    const BcLayoutLane *last = &g_array_index (layout->lanes, BcLayoutLane, layout->lanes->len - 1);
    int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
    int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));

    _bc_canvas_layout_to_widget (f->canvas, layout->plot.x, first->rect.y, &x, &top);
    _bc_canvas_layout_to_widget (f->canvas, layout->plot.x + layout->plot.width,
                                 last->rect.y + last->rect.height, &x, &bottom);
    g_test_message ("lanes from %.0f to %.0f of %d; plot ends at %.0f of %d", top, bottom, height, x, width);
    /* Below the pinned axis. */
    g_assert_cmpfloat (top, >=, _bc_canvas_axis_band_height (f->canvas) - 1);
    if (bottom <= height + 1)
      {
        /* Fitted: one of the two directions is filled. */
        g_assert_true (bottom - top >= height - _bc_canvas_axis_band_height (f->canvas) - 2 * 24 - 2 ||
                       x <= width + 1);
      }
    else
      {
        /* Taller than the canvas at a readable size: at that size, from
         * the top. */
        g_assert_cmpfloat (fabs (bc_canvas_get_zoom (f->canvas) - bc_canvas_get_readable_zoom ()), <, 1e-6);
        g_assert_cmpfloat (top, <=, _bc_canvas_axis_band_height (f->canvas) + 2 * 24);
      }
  }

  /* In a window too small for the whole case: readable still, at its
   * start. */
  gtk_window_set_default_size (f->window, 520, 360);
  gtk_widget_set_size_request (GTK_WIDGET (f->canvas), -1, -1);
  gtk_window_unmaximize (f->window);
  gtk_widget_queue_resize (GTK_WIDGET (f->window));
  while (gtk_widget_get_width (GTK_WIDGET (f->canvas)) > 600)
    g_main_context_iteration (NULL, TRUE);
  drain ();
  bc_canvas_zoom_to_fit (f->canvas);
  layout = _bc_canvas_get_layout (f->canvas);
  g_assert_cmpfloat (bc_canvas_get_zoom (f->canvas), >=, bc_canvas_get_readable_zoom ());
  g_assert_cmpfloat (layout->width * bc_canvas_get_zoom (f->canvas), >, 520);
  /* The start of the case is in view. */
  g_assert_cmpfloat (f->canvas->offset_x, <=, layout->plot.x);
}

/* With the frame on, the title block is laid out; fit still reads. */
static void
test_fit_frame (Fixture       *f,
                gconstpointer  data)
{
  bc_canvas_set_frame (f->canvas, TRUE);
  g_assert_true (_bc_canvas_get_layout (f->canvas)->options.frame);
  bc_canvas_zoom_to_fit (f->canvas);
  g_assert_cmpfloat (bc_canvas_get_zoom (f->canvas), >=, bc_canvas_get_readable_zoom ());
  bc_canvas_set_frame (f->canvas, FALSE);
  g_assert_false (_bc_canvas_get_layout (f->canvas)->options.frame);
}

/* The transfer's tooltip names both ends: their tracks and dates. */
static void
test_transfer_tooltip (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *transfers = bc_case_get_transfers (f->kase);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      BcEvent *from = bc_case_lookup_event (f->kase, bc_transfer_get_from (transfer));
      BcEvent *to = bc_case_lookup_event (f->kase, bc_transfer_get_to (transfer));
      g_autofree char *markup = _bc_canvas_describe (f->canvas, BC_ITEM (transfer));
      g_autofree char *from_date = NULL;
      g_autofree char *to_date = NULL;

      if (from == NULL || to == NULL)
        continue;
      from_date = bc_date_to_string (bc_event_get_date (from));
      to_date = bc_date_to_string (bc_event_get_date (to));
      g_assert_nonnull (markup);
      g_assert_nonnull (strstr (markup, from_date));
      g_assert_nonnull (strstr (markup, to_date));
      g_assert_nonnull (strstr (markup, bc_track_get_label (bc_event_get_track (from))));
      g_assert_nonnull (strstr (markup, bc_track_get_label (bc_event_get_track (to))));
      /* The source comes before the target. */
      g_assert_nonnull (strstr (strstr (markup, from_date) + strlen (from_date), to_date));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* The canvas gives the layout the view's focus and actor paths. */
static void
test_layout_options (Fixture       *f,
                     gconstpointer  data)
{
  BcLayoutOptions options;
  g_autoptr(BcEvent) first = g_list_model_get_item (bc_case_get_events (f->kase), 0);

  bc_canvas_set_actor_paths (f->canvas, BC_ACTOR_PATHS_ALL);
  bc_canvas_get_layout_options (f->canvas, &options);
  g_assert_cmpint (options.actor_paths, ==, BC_ACTOR_PATHS_ALL);
  g_assert_cmpint (_bc_canvas_get_layout (f->canvas)->options.actor_paths, ==, BC_ACTOR_PATHS_ALL);

  bc_canvas_set_focus_selection (f->canvas, TRUE);
  bc_canvas_set_selected_item (f->canvas, BC_ITEM (first));
  bc_canvas_get_layout_options (f->canvas, &options);
  g_assert_cmpstr (options.focus, ==, bc_view_state_focus_for (BC_ITEM (first), BC_ACTOR_PATHS_ALL, TRUE));
  g_assert_cmpstr (_bc_canvas_get_layout (f->canvas)->options.focus, ==, options.focus);
}

/* The date at the centre of the view, as a Julian day, and the layout
 * y there. */
static double
centre_day (BcCanvas *canvas,
            double   *y)
{
  BcLayout *layout = _bc_canvas_get_layout (canvas);
  double lx, ly;

  _bc_canvas_widget_to_layout (canvas, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0, &lx, &ly);
  if (y != NULL)
    *y = ly;
  return bc_layout_x_to_day (layout, lx);
}

typedef struct
{
  BcCanvas *canvas;
  int       width;
} WidthChange;

static gboolean
width_changed (gpointer data)
{
  WidthChange *change = data;

  return gtk_widget_get_width (GTK_WIDGET (change->canvas)) != change->width;
}

static gboolean
flap_settled (gpointer data)
{
  double progress = adw_flap_get_reveal_progress (data);

  return progress == (adw_flap_get_reveal_flap (data) ? 1.0 : 0.0);
}

/* Opening and closing the inspector keeps the date (and the lane) at the
 * centre of the view. */
/* Selecting an event whose label an edge of the view cuts, as a story
 * step or the outline does, brings its mark and its whole label into
 * sight, below the pinned axis. */
static void
test_selection_brought_into_sight (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCanvas *canvas = _bc_window_get_canvas (window);
  BcItem *item = bc_case_lookup (bc_window_get_case (window), "london-hirschfeld-abuala");
  BcLayout *layout;
  BcLayoutHit hit;
  BcLayoutEvent *e;
  BcRect extent;
  double w, h, band, x0, x1, y0, y1;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wait_until (canvas_allocated, canvas);
  drain ();
  g_assert_nonnull (item);
  layout = _bc_canvas_get_layout (canvas);
  g_assert_true (bc_layout_find (layout, G_OBJECT (item), &hit));
  e = &g_array_index (layout->events, BcLayoutEvent, hit.index);
  w = gtk_widget_get_width (GTK_WIDGET (canvas));
  h = gtk_widget_get_height (GTK_WIDGET (canvas));
  band = _bc_canvas_axis_band_height (canvas);

  /* The mark in sight at an edge, its label beyond it. */
  if (e->label.x < e->node.x)
    canvas->offset_x = e->node.x - 10 / canvas->zoom;
  else
    canvas->offset_x = e->node.x - (w - 20) / canvas->zoom;
  canvas->offset_y = e->node.y - h / 2 / canvas->zoom;
  g_test_message ("before: node at x %.0f, label from %.0f to %.0f", (e->node.x - canvas->offset_x) * canvas->zoom,
                  (e->label.x - canvas->offset_x) * canvas->zoom,
                  (e->label.x + e->label.width - canvas->offset_x) * canvas->zoom);
  bc_canvas_set_selected_item (canvas, item);
  drain ();

  layout = _bc_canvas_get_layout (canvas);
  g_assert_true (bc_layout_find (layout, G_OBJECT (item), &hit));
  e = &g_array_index (layout->events, BcLayoutEvent, hit.index);
  extent = bc_rect_union (e->node, e->label);
  x0 = (extent.x - canvas->offset_x) * canvas->zoom;
  x1 = (extent.x + extent.width - canvas->offset_x) * canvas->zoom;
  y0 = (extent.y - canvas->offset_y) * canvas->zoom;
  y1 = (extent.y + extent.height - canvas->offset_y) * canvas->zoom;
  g_test_message ("event at x %.0f–%.0f, y %.0f–%.0f in %.0f×%.0f, axis band %.0f", x0, x1, y0, y1, w, h, band);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (x1, <=, w);
  g_assert_cmpfloat (y0, >=, band);
  g_assert_cmpfloat (y1, <=, h);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pane_keeps_centre (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCanvas *canvas = _bc_window_get_canvas (window);
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (GTK_WIDGET (_bc_window_get_inspector (window)),
                                                      ADW_TYPE_FLAP));
  gboolean revealed = adw_flap_get_reveal_flap (flap);
  double before, after, y_before, y_after;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wait_until (canvas_allocated, canvas);
  drain ();
  /* Zoomed in on a place in the middle of the case. */
  _bc_canvas_set_zoom_at (canvas, 2.0, gtk_widget_get_width (GTK_WIDGET (canvas)) / 3.0,
                          gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0);
  drain ();

  for (int round = 0; round < 2; round++)
    {
      WidthChange change = { canvas, gtk_widget_get_width (GTK_WIDGET (canvas)) };

      before = centre_day (canvas, &y_before);
      revealed = !revealed;
      adw_flap_set_reveal_flap (flap, revealed);
      wait_until (flap_settled, flap);
      drain ();
      g_test_message ("folded %d, width %d → %d", adw_flap_get_folded (flap), change.width,
                      gtk_widget_get_width (GTK_WIDGET (canvas)));
      if (!width_changed (&change))
        {
          /* The flap folded over the canvas: nothing to keep. */
          g_test_message ("the inspector does not change the canvas' width here");
          continue;
        }
      after = centre_day (canvas, &y_after);
      g_test_message ("centre day %.1f → %.1f, y %.1f → %.1f", before, after, y_before, y_after);
      g_assert_cmpfloat (fabs (after - before), <, 2.0);
      g_assert_cmpfloat (fabs (y_after - y_before), <, 2.0);
    }
  /* The reading pane beside the canvas keeps the centre too. */
  for (int round = 0; round < 2; round++)
    {
      WidthChange change = { canvas, gtk_widget_get_width (GTK_WIDGET (canvas)) };

      before = centre_day (canvas, &y_before);
      g_action_group_activate_action (G_ACTION_GROUP (window), "reading", NULL);
      wait_until (width_changed, &change);
      drain ();
      after = centre_day (canvas, &y_after);
      g_test_message ("reading pane: width %d → %d, centre day %.1f → %.1f", change.width,
                      gtk_widget_get_width (GTK_WIDGET (canvas)), before, after);
      g_assert_cmpfloat (fabs (after - before), <, 2.0);
      g_assert_cmpfloat (fabs (y_after - y_before), <, 2.0);
    }

  /* The View menu's Overview hides and shows it. */
  g_assert_true (bc_canvas_get_show_overview (canvas));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-overview", NULL);
  g_assert_false (bc_canvas_get_show_overview (canvas));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-overview", NULL);
  g_assert_true (bc_canvas_get_show_overview (canvas));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}


static gboolean
child_shown (gpointer data)
{
  return gtk_widget_get_child_visible (data);
}

static gboolean
child_hidden (gpointer data)
{
  return !gtk_widget_get_child_visible (data);
}

/* The layout point at the centre of the canvas. */
static void
view_centre (BcCanvas *canvas,
             double   *lx,
             double   *ly)
{
  _bc_canvas_widget_to_layout (canvas, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0,
                               gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0, lx, ly);
}

/* The overview shows the whole case and where the view is in it; a click
 * there moves the view, and so do its keys; it has a name for a screen
 * reader and can be hidden. */
static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *widget = _bc_canvas_get_overview (f->canvas);
  BcOverview *overview = BC_OVERVIEW (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  graphene_rect_t bounds, view;
  double lx, ly, cx, cy, before_x, before_y;

  g_assert_true (bc_canvas_get_show_overview (f->canvas));
  g_assert_true (gtk_widget_get_child_visible (widget));
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_nonnull (gtk_widget_get_tooltip_text (widget));

  /* In the bottom corner, inside the canvas. */
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->canvas), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
  g_assert_cmpfloat (bounds.origin.y, >, height / 2.0);
  g_assert_true (gtk_widget_pick (GTK_WIDGET (f->canvas), bounds.origin.x + bounds.size.width / 2,
                                  bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT) == widget);

  /* Zoomed in: the view's rectangle is a small part of the overview. */
  bc_canvas_zoom_to_fit (f->canvas);
  _bc_canvas_set_zoom_at (f->canvas, 4.0, width / 2.0, height / 2.0);
  g_assert_true (bc_overview_get_view_rect (overview, &view));
  g_assert_cmpfloat (view.size.width, <, bounds.size.width / 2);

  /* A click near its right end brings that place to the centre. */
  bc_overview_move_to (overview, bounds.size.width - 10, bounds.size.height / 2);
  g_assert_true (bc_overview_to_layout (overview, bounds.size.width - 10, bounds.size.height / 2, &lx, &ly));
  view_centre (f->canvas, &cx, &cy);
  g_assert_cmpfloat (fabs (cx - lx), <, 0.5);
  g_assert_cmpfloat (fabs (cy - ly), <, 0.5);
  /* And the view's rectangle follows. */
  g_assert_true (bc_overview_get_view_rect (overview, &view));
  g_assert_cmpfloat (fabs (view.origin.x + view.size.width / 2 - (bounds.size.width - 10)), <, 1);

  /* Its keys move the view: Left by an eighth of the view, Home to the
   * start. */
  gtk_widget_grab_focus (widget);
  before_x = cx;
  before_y = cy;
  g_assert_true (gtk_widget_activate_action (widget, "overview.move", "(ii)", -1, 0));
  view_centre (f->canvas, &cx, &cy);
  g_assert_cmpfloat (fabs (before_x - cx - width / 8.0 / f->canvas->zoom), <, 0.5);
  g_assert_cmpfloat (fabs (before_y - cy), <, 0.5);
  g_assert_true (gtk_widget_activate_action (widget, "overview.end", "b", FALSE));
  g_assert_cmpfloat (fabs (f->canvas->offset_x - _bc_canvas_get_content_rect (f->canvas).x), <, 0.5);

  /* Hidden on request (the View menu's Overview). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.show-overview", NULL));
  g_assert_false (bc_canvas_get_show_overview (f->canvas));
  wait_until (child_hidden, widget);
  bc_canvas_set_show_overview (f->canvas, TRUE);
  wait_until (child_shown, widget);

  /* Not in the wheel. */
  bc_canvas_set_view (f->canvas, BC_VIEW_WHEEL);
  wait_until (child_hidden, widget);
}

/* Right to left, the lane titles are pinned at the right edge, where
 * lines start, and the overview sits in the bottom left corner. */
static void
test_right_to_left (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *overview = _bc_canvas_get_overview (f->canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  g_autoptr(GArray) pinned = NULL;
  graphene_rect_t bounds;
  guint lanes = 0;

  gtk_widget_set_direction (GTK_WIDGET (f->canvas), GTK_TEXT_DIR_RTL);
  gtk_widget_queue_allocate (GTK_WIDGET (f->canvas));
  drain ();
  while (!gtk_widget_compute_bounds (overview, GTK_WIDGET (f->canvas), &bounds) ||
         bounds.origin.x > width / 2.0)
    g_main_context_iteration (NULL, TRUE);
  pinned = _bc_canvas_get_pinned (f->canvas);
  for (guint i = 0; i < pinned->len; i++)
    {
      BcCanvasPinned *p = &g_array_index (pinned, BcCanvasPinned, i);

      if (p->kind != BC_CANVAS_PINNED_LANE)
        continue;
      g_assert_cmpfloat (fabs (p->rect.x + p->rect.width - width), <, 1);
      lanes++;
    }
  g_assert_cmpuint (lanes, >, 0);
  save_shot (f, "rtl");
}

/* Panned so that the left edge cuts the lane's title as the diagram
 * draws it: the pinned title covers the rest of it, so that no fragment
 * ("cy)", "al") is left in sight. */
static void
test_no_title_fragments (Fixture       *f,
                         gconstpointer  data)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);
  const BcLayoutLane *lane = &g_array_index (layout->lanes, BcLayoutLane, 0);
  double band, title_end;
  gboolean found = FALSE;
  g_autoptr(GArray) pinned = NULL;
  g_autoptr(PangoLayout) probe = NULL;

  _bc_canvas_set_zoom_at (f->canvas, 3.0, 0, 0);
  band = _bc_canvas_axis_band_height (f->canvas);
  /* The title starts 6 units into the header; its middle at the edge. */
  f->canvas->offset_x = lane->header.x + 6 + 60;
  f->canvas->offset_y = lane->header.y - (band + 4) / f->canvas->zoom;
  pinned = _bc_canvas_get_pinned (f->canvas);
  for (guint i = 0; i < pinned->len; i++)
    {
      BcCanvasPinned *p = &g_array_index (pinned, BcCanvasPinned, i);

      if (p->kind != BC_CANVAS_PINNED_LANE || g_strcmp0 (p->text, lane->label) != 0)
        continue;
      found = TRUE;
      /* The diagram's title, Sans Bold 9 at 96 dpi, is at least this
       * wide in layout units: a character's width for each of its
       * characters past the edge. */
      title_end = (lane->header.x + 6 + 5.0 * g_utf8_strlen (lane->label, -1) - f->canvas->offset_x) *
                  f->canvas->zoom;
      g_test_message ("chip %.0f px wide; the diagram's title ends at least at %.0f px", p->rect.width, title_end);
      g_assert_cmpfloat (p->rect.x, ==, 0);
      g_assert_cmpfloat (p->rect.x + p->rect.width, >=, MIN (title_end, gtk_widget_get_width (GTK_WIDGET (f->canvas))));
    }
  g_assert_true (found);
  save_shot (f, "fragments");
}

#define ADD(path, func) \
  g_test_add ("/ui/canvas/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_CASE(path, name, func) \
  g_test_add ("/ui/canvas/" path, Fixture, name, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  ADD ("pinned-axis-and-lane-titles", test_pinned_axis);
  ADD_CASE ("pinned-axis-camp-david", "camp-david", test_pinned_axis);
  ADD_CASE ("pinned-axis-abkhazia", "abkhazia", test_pinned_axis);
  ADD ("ticks-follow-zoom", test_ticks_follow_zoom);
  ADD ("axis-says-how-time-runs", test_axis_says_how_time_runs);
  ADD ("lane-title-wraps-when-narrow", test_lane_title_wraps_when_narrow);
  ADD ("fit-is-readable", test_fit_readable);
  ADD ("fit-with-frame", test_fit_frame);
  ADD ("transfer-tooltip-dates-and-tracks", test_transfer_tooltip);
  ADD ("layout-options-focus-and-paths", test_layout_options);
  ADD ("overview", test_overview);
  ADD ("no-lane-title-fragments", test_no_title_fragments);
  ADD ("right-to-left", test_right_to_left);
  g_test_add_func ("/ui/canvas/pane-keeps-centre", test_pane_keeps_centre);
  g_test_add_func ("/ui/canvas/selection-brought-into-sight", test_selection_brought_into_sight);

  return g_test_run ();
}
