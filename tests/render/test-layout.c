/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-history.h"
#include "bc-layout.h"
#include "bc-layout-private.h"
#include "bc-painter.h"
#include "legibility.h"
#include "random-case.h"
#include "render-test-util.h"
#include "test-fixture.h"

static BcLayout *
layout_of (BcCase      *c,
           BcView       view,
           BcTimeScale  scale)
{
  BcLayoutOptions options;

  bc_layout_options_init (&options);
  options.view = view;
  options.time_scale = scale;
  return bc_layout_new (c, &options);
}

static void
test_labels_do_not_overlap (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (int scale = 0; scale <= BC_TIME_SCALE_BALANCED; scale++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, scale);
        guint labelled = 0;

        for (guint i = 0; i < l->events->len; i++)
          {
            BcLayoutEvent *a = &g_array_index (l->events, BcLayoutEvent, i);

            if (a->label.width <= 0)
              continue;
            labelled++;
            for (guint j = i + 1; j < l->events->len; j++)
              {
                BcLayoutEvent *b = &g_array_index (l->events, BcLayoutEvent, j);
                if (b->label.width > 0 && bc_rect_intersects (&a->label, &b->label))
                  g_error ("%s: labels of “%s” and “%s” overlap", bundled[n], a->text, b->text);
              }
          }
        /* Nothing is dropped: where a lane is full, it grows. */
        g_assert_cmpuint (labelled, ==, l->events->len);
      }
}

static void
test_events_inside_lanes (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_BALANCED);

      g_assert_cmpuint (l->events->len, >, 0);
      for (guint i = 0; i < l->events->len; i++)
        {
          BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
          BcLayoutLane *lane = &g_array_index (l->lanes, BcLayoutLane, e->lane);
          BcRect *r = &lane->rect;

          g_assert_cmpint (lane->track, ==, bc_event_get_track (e->event));
          g_assert_cmpfloat (e->node.x, >=, r->x);
          g_assert_cmpfloat (e->node.y, >=, r->y + lane->header.height);
          g_assert_cmpfloat (e->node.x + e->node.width, <=, r->x + r->width);
          g_assert_cmpfloat (e->node.y + e->node.height, <=, r->y + r->height);
          if (e->label.width > 0)
            {
              g_assert_cmpfloat (e->label.x, >=, r->x);
              g_assert_cmpfloat (e->label.x + e->label.width, <=, r->x + r->width + 0.01);
              g_assert_cmpfloat (e->label.y, >=, r->y);
              g_assert_cmpfloat (e->label.y + e->label.height, <=, r->y + r->height);
            }
        }
    }
}

static void
test_transfers_join_their_events (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_BALANCED);

      g_assert_cmpuint (l->transfers->len, >, 0);
      for (guint i = 0; i < l->transfers->len; i++)
        {
          BcLayoutCurve *t = &g_array_index (l->transfers, BcLayoutCurve, i);
          BcTransfer *transfer = BC_TRANSFER (t->object);
          int from = bc_layout_find_event (l, bc_transfer_get_from (transfer));
          int to = bc_layout_find_event (l, bc_transfer_get_to (transfer));
          BcLayoutEvent *a, *b;
          BcPoint end;

          g_assert_cmpint (from, ==, t->from);
          g_assert_cmpint (to, ==, t->to);
          a = &g_array_index (l->events, BcLayoutEvent, from);
          b = &g_array_index (l->events, BcLayoutEvent, to);
          /* On the node, or on the bar of a date that covers a span,
           * where the node's centre would make the arrow run back. */
          g_assert_true (bc_rect_contains_point (&a->node, t->p[0].x, t->p[0].y, 0.01) ||
                         bc_rect_contains_point (&a->bar, t->p[0].x, t->p[0].y, 0.01));
          end = bc_layout_curve_end (t);
          g_assert_true (bc_rect_contains_point (&b->node, end.x, end.y, 0.01) ||
                         bc_rect_contains_point (&b->bar, end.x, end.y, 0.01));
        }
    }
}

static void
test_lanes_in_track_order (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);

      for (guint i = 1; i < l->lanes->len; i++)
        {
          BcLayoutLane *above = &g_array_index (l->lanes, BcLayoutLane, i - 1);
          BcLayoutLane *below = &g_array_index (l->lanes, BcLayoutLane, i);

          g_assert_cmpint (above->track, <, below->track);
          g_assert_cmpfloat (above->rect.y + above->rect.height, <=, below->rect.y);
        }
      g_assert_cmpint (g_array_index (l->lanes, BcLayoutLane, 0).track, ==, BC_TRACK_1);
    }

  {
    g_autoptr(BcCase) c = load_bundled ("oslo");
    g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
    BcLayoutLane *second = &g_array_index (l->lanes, BcLayoutLane, 1);

    g_assert_cmpint (second->track, ==, BC_TRACK_1_5);
    g_assert_cmpstr (g_array_index (l->lanes, BcLayoutLane, 2).label, ==,
                     "Track 2 · Professional / nongovernmental");
  }
}

static void
test_empty_tracks_folded (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(BcLayout) folded = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  g_autoptr(BcLayout) unfolded = NULL;
  BcLayoutOptions options;

  /* The fixture has events on Tracks 1 and 2 only. */
  g_assert_cmpuint (folded->lanes->len, ==, 2);
  g_assert_cmpint (g_array_index (folded->lanes, BcLayoutLane, 0).track, ==, BC_TRACK_1);
  g_assert_cmpint (g_array_index (folded->lanes, BcLayoutLane, 1).track, ==, BC_TRACK_2);

  bc_layout_options_init (&options);
  options.show_empty_tracks = TRUE;
  unfolded = bc_layout_new (c, &options);
  g_assert_cmpuint (unfolded->lanes->len, ==, BC_N_TRACKS);
}

static void
test_sequence_even (void)
{
  g_autoptr(BcCase) c = load_bundled ("abkhazia");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_SEQUENCE);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double step;

  for (guint i = 0; i < l->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
      double x = e->node.x + e->node.width / 2;
      g_array_append_val (xs, x);
    }
  /* Events are laid out in date order: the centres run at one step. */
  step = g_array_index (xs, double, 1) - g_array_index (xs, double, 0);
  g_assert_cmpfloat (step, >, 1);
  for (guint i = 1; i < xs->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (xs, double, i) - g_array_index (xs, double, i - 1),
                                    step, 1e-6);
}

static void
test_as_known_on_hides (void)
{
  g_autoptr(BcCase) c = load_bundled ("camp-david");
  g_autoptr(BcLayout) all = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  g_autoptr(BcLayout) then = NULL;
  BcLayoutOptions options;

  /* The first Dayan–Tuhami meeting (16 September 1977) was disclosed in
   * 1978: as known at the end of 1977 it is not there yet. */
  bc_layout_options_init (&options);
  g_assert_true (bc_date_parse ("1977-12-31", &options.known_on, NULL));
  then = bc_layout_new (c, &options);
  g_assert_cmpint (bc_layout_find_event (all, "dayan-tuhami-sep"), >=, 0);
  g_assert_cmpint (bc_layout_find_event (then, "dayan-tuhami-sep"), ==, -1);
  g_assert_cmpint (bc_layout_find_event (then, "jerusalem-visit"), >=, 0);
  /* Nor a transfer disclosed in 1978. */
  for (guint i = 0; i < then->transfers->len; i++)
    g_assert_cmpstr (bc_item_get_id (BC_ITEM (g_array_index (then->transfers, BcLayoutCurve, i).object)),
                     !=, "hassan-brokers-channel");
}

/* The sectors are the tracks that have actors, in track order, and each
 * actor sits in its track's sector. */
static BcLayoutSector *
sector_of (BcLayout *l,
           BcTrack   track)
{
  for (guint i = 0; i < l->sectors->len; i++)
    if (g_array_index (l->sectors, BcLayoutSector, i).track == track)
      return &g_array_index (l->sectors, BcLayoutSector, i);
  return NULL;
}

static void
test_wheel_geometry (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_WHEEL, BC_TIME_SCALE_PROPORTIONAL);

  g_assert_cmpuint (l->sectors->len, <, BC_N_TRACKS);
  g_assert_cmpint (g_array_index (l->sectors, BcLayoutSector, 1).track, ==, BC_TRACK_1_5);
  for (guint i = 1; i < l->sectors->len; i++)
    g_assert_cmpint (g_array_index (l->sectors, BcLayoutSector, i - 1).track, <,
                     g_array_index (l->sectors, BcLayoutSector, i).track);
  g_assert_cmpuint (l->transfers->len, >, 0);
  for (guint i = 0; i < l->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
      BcLayoutSector *s = sector_of (l, a->track);

      g_assert_nonnull (s);
      g_assert_cmpfloat (a->angle, >=, s->angle0);
      g_assert_cmpfloat (a->angle, <=, s->angle1);
    }
  for (guint i = 0; i < l->transfers->len; i++)
    g_assert_cmpfloat (g_array_index (l->transfers, BcLayoutCurve, i).weight, >=, 1);
}

static void
test_viewport_paints_only_visible (void)
{
  g_autoptr(BcCase) c = load_bundled ("abkhazia");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (surface);
  BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, 0);
  BcRect view = { e->node.x - 20, e->node.y - 20, 60, 60 };
  guint whole, part, expected = 0;

  whole = bc_painter_paint (l, cr, NULL, NULL);
  g_assert_cmpuint (whole, ==, l->items->len);

  /* What meets the view, found without the index; curves may be
   * dropped by the finer test, never added. */
  for (guint i = 0; i < l->items->len; i++)
    if (bc_rect_intersects (&g_array_index (l->items, BcLayoutItem, i).bounds, &view))
      expected++;
  cairo_translate (cr, -view.x, -view.y);
  part = bc_painter_paint (l, cr, &view, NULL);
  g_assert_cmpuint (part, <=, expected);
  g_assert_cmpuint (part, >, 0);
  g_assert_cmpuint (part, <, whole / 2);
  {
    BcLayoutHit hit;

    g_assert_true (bc_layout_pick (l, e->node.x + e->node.width / 2, e->node.y + e->node.height / 2, 2, &hit));
    g_assert_cmpint (hit.kind, ==, BC_LAYOUT_ITEM_EVENT);
    g_assert_cmpuint (hit.index, ==, 0);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The pixels of a painting of @rect of @l, at @scale, pinned or not,
 * whose colour @match takes. */
static guint
painted_pixels (BcLayout     *l,
                const BcRect *rect,
                double        scale,
                gboolean      pinned,
                gboolean    (*match) (guint32 rgb))
{
  int w = (int) ceil (rect->width * scale), h = (int) ceil (rect->height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  BcPaintOptions options;
  guint found = 0;

  bc_paint_options_init (&options);
  options.pinned = pinned;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect->x, -rect->y);
  bc_painter_paint (l, cr, rect, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 px = ((guint32 *) (cairo_image_surface_get_data (surface) +
                                   y * cairo_image_surface_get_stride (surface)))[x];

        if (match (px & 0xffffff))
          found++;
      }
  cairo_surface_destroy (surface);
  return found;
}

/* Text on the light theme. */
static gboolean
is_dark (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 110;
}

/* The annotation mark's yellow. */
static gboolean
is_mark (guint32 rgb)
{
  return rgb == 0xF5C211;
}

static guint
dark_pixels (BcLayout     *l,
             const BcRect *rect,
             gboolean      pinned)
{
  return painted_pixels (l, rect, 1, pinned, is_dark);
}

/* Counts the pixels of the annotation mark's yellow in @rect of a
 * painting of @l at scale 4. */
static guint
mark_pixels (BcLayout     *l,
             const BcRect *rect)
{
  return painted_pixels (l, rect, 4, FALSE, is_mark);
}

/* On screen the window pins the axis and the lanes' titles over the
 * picture: painted for it, the picture leaves out their text (which
 * would peek out beside or under the pinned ones), and keeps it for an
 * export. */
static void
test_pinned_leaves_out_axis_and_titles (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_BALANCED);
  BcLayoutLane *lane = &g_array_index (l->lanes, BcLayoutLane, 1);
  BcRect title = { lane->header.x, lane->header.y, 300, lane->header.height };
  BcRect axis = { l->plot.x, l->plot.y - 26, l->plot.width, 20 };

  g_assert_cmpuint (dark_pixels (l, &title, FALSE), >, 50);
  g_assert_cmpuint (dark_pixels (l, &title, TRUE), ==, 0);
  g_assert_cmpuint (dark_pixels (l, &axis, FALSE), >, 50);
  g_assert_cmpuint (dark_pixels (l, &axis, TRUE), ==, 0);
}

static void
test_annotation_marks (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) before = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  g_autoptr(BcLayout) after = NULL;
  g_autoptr(BcLayout) wheel = NULL;
  g_autoptr(BcAnnotation) note = NULL;
  g_autoptr(BcCommand) insert = NULL;
  g_autoptr(GError) error = NULL;
  BcLayoutEvent *annotated, *plain;
  BcRect around;
  gboolean curve_marked = FALSE;

  /* sarpsborg-1 has a case-level annotation; cairo has none. */
  annotated = &g_array_index (before->events, BcLayoutEvent, bc_layout_find_event (before, "sarpsborg-1"));
  plain = &g_array_index (before->events, BcLayoutEvent, bc_layout_find_event (before, "cairo"));
  g_assert_cmpuint (annotated->annotations, ==, 1);
  g_assert_cmpfloat (annotated->mark.width, >, 0);
  g_assert_cmpuint (plain->annotations, ==, 0);
  g_assert_cmpfloat (plain->mark.width, ==, 0);

  /* plo-request holds its own annotation. */
  for (guint i = 0; i < before->transfers->len; i++)
    {
      BcLayoutCurve *t = &g_array_index (before->transfers, BcLayoutCurve, i);

      if (g_str_equal (bc_item_get_id (BC_ITEM (t->object)), "plo-request"))
        {
          g_assert_cmpuint (t->annotations, ==, 1);
          g_assert_cmpfloat (t->mark.width, >, 0);
          curve_marked = TRUE;
        }
    }
  g_assert_true (curve_marked);

  /* The painter draws it, and only there. */
  around = (BcRect) { annotated->mark.x - 2, annotated->mark.y - 2,
                      annotated->mark.width + 4, annotated->mark.height + 4 };
  g_assert_cmpuint (mark_pixels (before, &around), >, 4);
  around = (BcRect) { plain->node.x - 4, plain->node.y - 8, plain->node.width + 10, plain->node.height + 10 };
  g_assert_cmpuint (mark_pixels (before, &around), ==, 0);

  /* A new annotation about cairo gives it a mark in the next layout. */
  note = bc_annotation_new_now ("A. Analyst", "cairo", "Checked.");
  insert = bc_insert_command_new ("annotations", NULL, -1, G_OBJECT (note));
  g_assert_true (bc_command_apply (insert, c, &error));
  g_assert_no_error (error);
  after = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  plain = &g_array_index (after->events, BcLayoutEvent, bc_layout_find_event (after, "cairo"));
  g_assert_cmpuint (plain->annotations, ==, 1);
  g_assert_cmpuint (mark_pixels (after, &plain->mark), >, 4);

  /* Actors on the wheel: an annotation about larsen marks him. */
  g_clear_object (&note);
  g_clear_object (&insert);
  note = bc_annotation_new_now ("A. Analyst", "larsen", "Go-between.");
  insert = bc_insert_command_new ("annotations", NULL, -1, G_OBJECT (note));
  g_assert_true (bc_command_apply (insert, c, &error));
  wheel = layout_of (c, BC_VIEW_WHEEL, BC_TIME_SCALE_PROPORTIONAL);
  for (guint i = 0; i < wheel->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (wheel->actors, BcLayoutActor, i);

      g_assert_cmpuint (a->annotations, ==, g_str_equal (bc_item_get_id (BC_ITEM (a->actor)), "larsen") ? 1 : 0);
      g_assert_cmpint (a->mark.width > 0, ==, a->annotations > 0);
    }
}

static void
test_day_x_round_trip (void)
{
  for (int scale = 0; scale <= BC_TIME_SCALE_BALANCED; scale++)
    {
      g_autoptr(BcCase) c = load_bundled ("oslo");
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, scale);

      g_assert_cmpuint (l->day1, >, l->day0);
      for (guint i = 0; i < l->events->len; i++)
        {
          BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
          double day = bc_event_get_first_day (e->event);
          double x = bc_layout_day_to_x (l, day);

          g_assert_cmpfloat_with_epsilon (bc_layout_x_to_day (l, x), day, 0.5);
        }
      /* Later days lie to the right. */
      g_assert_cmpfloat (bc_layout_day_to_x (l, l->day0 + 10), <, bc_layout_day_to_x (l, l->day1 - 10));
      g_assert_cmpfloat (bc_layout_x_to_day (l, l->plot.x), <, bc_layout_x_to_day (l, l->plot.x + l->plot.width));
    }
}

/* The slack the canvas gives a pointer (six pixels) at a zoom. */
static double
slack_at (double zoom)
{
  return 6 / zoom;
}

/* In the wheel, the actor under the pointer is the one picked: at its
 * disc and along its label, at every zoom the canvas allows. */
static void
test_wheel_pick_finds_each_actor (void)
{
  static const double zooms[] = { 0.5, 1, 4 };

  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_WHEEL, BC_TIME_SCALE_PROPORTIONAL);

      g_assert_cmpuint (l->actors->len, >, 1);
      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        for (guint i = 0; i < l->actors->len; i++)
          {
            BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
            double along = a->label_from + a->label_width / 2;
            BcLayoutHit hit;

            g_assert_true (bc_layout_pick (l, a->centre.x, a->centre.y, slack_at (zooms[z]), &hit));
            g_assert_cmpint (hit.kind, ==, BC_LAYOUT_ITEM_ACTOR);
            g_assert_cmpstr (bc_actor_get_name (BC_ACTOR (hit.object)), ==, bc_actor_get_name (a->actor));
            g_assert_true (hit.object == G_OBJECT (a->actor));
            g_assert_cmpuint (hit.index, ==, i);

            g_assert_true (bc_layout_pick (l, l->wheel_centre.x + cos (a->angle) * along,
                                           l->wheel_centre.y + sin (a->angle) * along,
                                           slack_at (zooms[z]), &hit));
            g_assert_true (hit.object == G_OBJECT (a->actor));
          }
    }
}

/* Nothing is named where nothing is drawn: around the wheel, past the
 * longest label, and off the picture. */
static void
test_wheel_pick_empty_is_nothing (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_WHEEL, BC_TIME_SCALE_PROPORTIONAL);
      double outside = 0;
      BcLayoutHit hit;

      for (guint i = 0; i < l->actors->len; i++)
        {
          BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
          outside = MAX (outside, a->label_from + a->label_width);
        }
      outside += 12 + slack_at (0.5);

      for (int k = 0; k < 360; k += 5)
        {
          double x = l->wheel_centre.x + cos (k * G_PI / 180) * outside;
          double y = l->wheel_centre.y + sin (k * G_PI / 180) * outside;

          if (bc_layout_pick (l, x, y, slack_at (0.5), &hit))
            g_error ("%s: (%g, %g), %d° off the wheel, names %s", bundled[n], x, y, k,
                     BC_IS_ACTOR (hit.object) ? bc_actor_get_name (BC_ACTOR (hit.object))
                                              : G_OBJECT_TYPE_NAME (hit.object));
        }
      /* Half-way between the wheel's centre and the rim, between two
       * sectors' chords, is not the ECF nor anyone. */
      g_assert_false (bc_layout_pick (l, -100, -100, slack_at (1), &hit));
      g_assert_false (bc_layout_pick (l, l->width + 100, l->height + 100, slack_at (1), &hit));
      g_assert_false (bc_layout_pick (l, l->width / 2, 4, slack_at (1), &hit));
    }
}

/* In the lanes, each event is picked at its node. */
static void
test_lanes_pick_finds_each_event (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);

      for (guint i = 0; i < l->events->len; i++)
        {
          BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
          BcLayoutHit hit;

          g_assert_true (bc_layout_pick (l, e->node.x + e->node.width / 2, e->node.y + e->node.height / 2,
                                         slack_at (1), &hit));
          g_assert_cmpint (hit.kind, ==, BC_LAYOUT_ITEM_EVENT);
          g_assert_true (hit.object == G_OBJECT (e->event));
        }
      for (guint i = 0; i < l->transfers->len; i++)
        {
          BcLayoutCurve *t = &g_array_index (l->transfers, BcLayoutCurve, i);
          BcPoint mid = bc_layout_curve_middle (t);
          BcLayoutHit hit, found;

          /* On the line, a transfer (this one or one drawn over it), or
           * a node the line passes under. */
          g_assert_true (bc_layout_pick (l, mid.x, mid.y, slack_at (1), &hit));
          g_assert_true (bc_layout_find (l, t->object, &found));
          g_assert_cmpuint (found.index, ==, i);
        }
    }
}

/* The arrow keys go round the wheel, actor by actor, and along a lane,
 * event by event; down follows a transfer. */
static void
test_step_round_wheel_and_along_lanes (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) wheel = layout_of (c, BC_VIEW_WHEEL, BC_TIME_SCALE_PROPORTIONAL);
      g_autoptr(BcLayout) lanes = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      BcLayoutHit at, next;

      g_assert_true (bc_layout_step (wheel, NULL, 1, 0, &at));
      g_assert_cmpint (at.kind, ==, BC_LAYOUT_ITEM_ACTOR);
      for (guint i = 0; i < wheel->actors->len; i++)
        {
          g_assert_false (g_hash_table_contains (seen, at.object));
          g_hash_table_add (seen, at.object);
          g_assert_true (bc_layout_step (wheel, &at, 1, 0, &next));
          at = next;
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, wheel->actors->len);
      g_assert_true (at.object == G_OBJECT (g_array_index (wheel->actors, BcLayoutActor, 0).actor));
      g_assert_true (bc_layout_step (wheel, &at, -1, 0, &next));
      g_assert_true (bc_layout_step (wheel, &next, 1, 0, &next));
      g_assert_true (next.object == at.object);

      g_assert_true (bc_layout_step (lanes, NULL, 1, 0, &at));
      g_assert_cmpint (at.kind, ==, BC_LAYOUT_ITEM_EVENT);
      while (bc_layout_step (lanes, &at, 1, 0, &next))
        {
          BcLayoutEvent *a = &g_array_index (lanes->events, BcLayoutEvent, at.index);
          BcLayoutEvent *b = &g_array_index (lanes->events, BcLayoutEvent, next.index);

          g_assert_cmpuint (a->lane, ==, b->lane);
          g_assert_cmpfloat (a->node.x, <=, b->node.x);
          at = next;
        }
      {
        BcLayoutCurve *t = &g_array_index (lanes->transfers, BcLayoutCurve, 0);

        at = (BcLayoutHit) { BC_LAYOUT_ITEM_EVENT, t->from, NULL };
        g_assert_true (bc_layout_step (lanes, &at, 0, 1, &next));
        g_assert_cmpint (next.index, ==, t->to);
        g_assert_true (bc_layout_step (lanes, &next, 0, -1, &at));
        g_assert_cmpint (at.kind, ==, BC_LAYOUT_ITEM_EVENT);
      }
    }
}

/* The axis of the export names every year of the case (Camp David's
 * read "1976-03 06 09 12 03 06 …" and never named 1977 to 1979), and a
 * case with nothing dated shows this year, not the year 6713. */
static gboolean
has_tick (BcLayout   *l,
          const char *label)
{
  for (guint i = 0; i < l->ticks->len; i++)
    if (g_strcmp0 (g_array_index (l->ticks, BcLayoutTick, i).label, label) == 0)
      return TRUE;
  return FALSE;
}

static void
test_axis_names_the_years (void)
{
  g_autoptr(BcCase) c = load_bundled ("camp-david");
  g_autoptr(BcLayout) l = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  g_autoptr(BcCase) empty = bc_case_new ("empty", "Nothing dated");
  g_autoptr(BcLayout) e = layout_of (empty, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));

  for (int y = 1976; y <= 1979; y++)
    {
      g_autofree char *label = g_strdup_printf ("%d", y);
      g_assert_true (has_tick (l, label));
    }
  g_assert_true (has_tick (e, year));
}

/* Issue 13: what an export of each bundled case must be, measured with
 * the Pango sizes the layout gives. */

static BcLayout *
export_layout_of (BcCase *c,
                  guint   tracks)
{
  BcLayoutOptions options;

  bc_layout_options_init (&options);
  options.view = BC_VIEW_LANES;
  options.frame = TRUE;
  options.tracks = tracks;
  return bc_layout_new (c, &options);
}

/* The export layout of seeded random case @seed (the layout holds the
 * case). */
static BcLayout *
random_export_layout (int seed)
{
  RandomCaseSize size = RANDOM_CASE_SIZE_DEFAULT;
  g_autoptr(BcCase) c = random_case_new (seed, &size);

  return export_layout_of (c, 0);
}

static void
test_export_labels_whole (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = export_layout_of (c, 0);
      g_autoptr(GString) why = g_string_new (NULL);
      Legibility m = { 0 };

      for (guint i = 0; i < l->events->len; i++)
        {
          BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
          const char *title = bc_event_get_title (e->event);
          g_auto(GStrv) lines = NULL;

          g_assert_nonnull (e->text);
          lines = g_strsplit (e->text, "\n", -1);
          if (!g_str_has_suffix (title, "…"))
            g_assert_false (g_str_has_suffix (e->text, "…"));
          g_assert_cmpuint (g_strv_length (lines), <=, 3);
        }
      legibility_measure_lanes (l, &m, why);
      g_test_message ("%s: %u labels, %u cut", bundled[n], m.events, m.cut);
      if (m.cut > 0)
        g_error ("%s: %s", bundled[n], why->str);
    }
}

static void
test_labels_clear_of_marks_and_titles (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (int scale = 0; scale <= BC_TIME_SCALE_BALANCED; scale++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) l = NULL;
        g_autoptr(GString) why = g_string_new (NULL);
        BcLayoutOptions options;
        Legibility m = { 0 };

        bc_layout_options_init (&options);
        options.frame = TRUE;
        options.time_scale = scale;
        l = bc_layout_new (c, &options);
        legibility_measure_lanes (l, &m, why);
        g_test_message ("%s: label-label %u, label-mark %u", bundled[n], m.label_label, m.label_mark);
        if (m.label_label > 0 || m.label_mark > 0)
          g_error ("%s: %s", bundled[n], why->str);
      }
}

/* The lines of @l that take a detour, counted in @detours: each a chain
 * of at most BC_CURVE_MAX_SEGMENTS, whose head does not point back in
 * time. */
static void
check_detours (BcLayout *l,
               guint    *detours)
{
  for (guint i = 0; i < l->transfers->len + l->links->len; i++)
    {
      BcLayoutCurve *c = i < l->transfers->len ? &g_array_index (l->transfers, BcLayoutCurve, i)
                                               : &g_array_index (l->links, BcLayoutCurve, i - l->transfers->len);
      const BcPoint *last;

      g_assert_cmpuint (c->n_segments, >=, 1);
      g_assert_cmpuint (c->n_segments, <=, BC_CURVE_MAX_SEGMENTS);
      if (c->n_segments == 1)
        continue;
      last = &c->p[3 * (c->n_segments - 1)];
      (*detours)++;
      g_assert_cmpfloat (last[3].x, >=, last[0].x - 0.01);
    }
}

/* Lines cross few labels, and where a line cannot keep clear of a
 * label, the label has a halo. */
static void
test_lines_cross_few_labels (void)
{
  guint crossed = 0, labels = 0, detours = 0;

  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = export_layout_of (c, 0);
      Legibility m = { 0 };

      legibility_measure_lanes (l, &m, NULL);
      /* The target of issue 13 is one per 50 labels; printed so that a
       * run shows how far from it the routing is. */
      g_printerr ("# %s: %u labels, %u line-label crossings (%u with halo), %u line-title\n",
                  bundled[n], m.events, m.line_label, m.line_label_halo, m.line_title);
      g_assert_cmpuint (m.line_label_halo, ==, m.line_label);
      crossed += m.line_label;
      labels += m.events;
      check_detours (l, &detours);
    }
  /* Lines routed around labels (by a detour through the grid where no
   * simple shape will do), then labels moved off the lines still on
   * them: at most one crossing per 50 labels, the goal of issue 13. In
   * session 9, with no detours, 24 in the 162 labels; 3 with them. */
  g_assert_cmpuint (crossed * 50, <=, labels);
  g_assert_cmpuint (detours, >, 0);
  /* And in seeded random cases, where a line may clip a label's corner
   * between the points the router follows it by (seed 7 had one). */
  for (int seed = 1; seed <= 20; seed++)
    {
      g_autoptr(BcLayout) l = random_export_layout (seed);
      Legibility m = { 0 };

      legibility_measure_lanes (l, &m, NULL);
      g_assert_cmpuint (m.line_label_halo, ==, m.line_label);
      check_detours (l, &detours);
    }
}

/* Whether any point of @c lies inside @r. */
static gboolean
curve_enters (const BcLayoutCurve *c,
              const BcRect        *r)
{
  for (int s = 0; s <= 400; s++)
    {
      BcPoint p = bc_layout_curve_at (c, s / 400.0);

      if (bc_rect_contains_point (r, p.x, p.y, -0.01))
        return TRUE;
    }
  return FALSE;
}

/* A detour runs straight where nothing is in the way, round a wall of
 * labels where one is, through a gap in it where that is shorter, and
 * becomes a chain of segments from the edge of one event's node to the
 * edge of the other's, each run across or up and down, its corners
 * rounded. */
static void
test_detour_goes_round_labels (void)
{
  BcRect area = { 0, 0, 600, 400 };
  BcRect nodes[2] = { { 94, 194, 12, 12 }, { 494, 194, 12, 12 } };
  BcRect wall = { 280, 0, 40, 300 };
  BcRect upper = { 280, 0, 40, 170 }, lower = { 280, 230, 40, 170 };
  BcPoint from = { 100, 200 }, to = { 500, 200 };
  g_autoptr(GArray) corners = g_array_new (FALSE, FALSE, sizeof (BcPoint));
  BcLayoutCurve c = { 0 };
  BcDetour *d;

  /* Nothing in the way: one straight run. */
  d = _bc_detour_new (&area);
  g_assert_true (_bc_detour_find (d, from, to, nodes, 1, nodes + 1, 1, corners));
  g_assert_cmpuint (corners->len, ==, 2);
  _bc_detour_free (d);

  /* A wall from the top to below both ends: round its foot. */
  d = _bc_detour_new (&area);
  _bc_detour_add (d, &wall, 250);
  g_assert_true (_bc_detour_find (d, from, to, nodes, 1, nodes + 1, 1, corners));
  g_assert_cmpuint (corners->len, >=, 4);
  for (guint i = 0; i + 1 < corners->len; i++)
    {
      BcPoint a = g_array_index (corners, BcPoint, i), b = g_array_index (corners, BcPoint, i + 1);

      /* The first and last runs start and end at the events' centres:
       * all the runs are straight across or up and down. */
      g_assert_true (fabs (a.x - b.x) < 1e-9 || fabs (a.y - b.y) < 1e-9);
    }
  g_assert_true (_bc_detour_to_curve (corners, nodes, 1, nodes + 1, 1, &c));
  g_assert_cmpuint (c.n_segments, <=, BC_CURVE_MAX_SEGMENTS);
  g_assert_cmpuint (c.n_segments, >=, 2 * (corners->len - 1) - 1);
  g_assert_false (curve_enters (&c, &wall));
  g_assert_true (bc_rect_contains_point (&nodes[0], c.p[0].x, c.p[0].y, 0.01));
  g_assert_false (bc_rect_contains_point (&nodes[0], c.p[0].x, c.p[0].y, -0.01));
  g_assert_true (bc_rect_contains_point (&nodes[1], bc_layout_curve_end (&c).x, bc_layout_curve_end (&c).y, 0.01));
  /* Round the foot of the wall, not over its top out of the area. */
  g_assert_cmpfloat (bc_layout_curve_middle (&c).y, >, 300);
  /* Still round it where lines already drawn cross the wall: the wall
   * costs no less for them. */
  for (int k = 0; k < 2; k++)
    {
      BcPoint drawn[] = { { 277, 121 }, { 323, 121 } };

      _bc_detour_add_polyline (d, drawn, G_N_ELEMENTS (drawn), 3);
    }
  g_assert_true (_bc_detour_find (d, from, to, nodes, 1, nodes + 1, 1, corners));
  g_assert_true (_bc_detour_to_curve (corners, nodes, 1, nodes + 1, 1, &c));
  g_assert_false (curve_enters (&c, &wall));
  _bc_detour_free (d);

  /* A gap in the wall at the height of both ends: straight through. */
  d = _bc_detour_new (&area);
  _bc_detour_add (d, &upper, 250);
  _bc_detour_add (d, &lower, 250);
  g_assert_true (_bc_detour_find (d, from, to, nodes, 1, nodes + 1, 1, corners));
  g_assert_true (_bc_detour_to_curve (corners, nodes, 1, nodes + 1, 1, &c));
  g_assert_false (curve_enters (&c, &upper));
  g_assert_false (curve_enters (&c, &lower));
  g_assert_cmpuint (corners->len, <=, 4);
  _bc_detour_free (d);

  /* The end in a cup of labels open on its later side: the line does
   * not go round to arrive from there, where its head would point back
   * in time, but through the cup's earlier side. */
  d = _bc_detour_new (&area);
  {
    BcRect near_end[2] = { { 94, 194, 12, 12 }, { 294, 194, 12, 12 } };
    BcRect cup[3] = { { 270, 150, 16, 100 }, { 270, 150, 90, 30 }, { 270, 220, 90, 30 } };
    guint n;

    for (guint i = 0; i < G_N_ELEMENTS (cup); i++)
      _bc_detour_add (d, &cup[i], 250);
    g_assert_true (_bc_detour_find (d, from, (BcPoint) { 300, 200 }, near_end, 1, near_end + 1, 1, corners));
    n = corners->len;
    g_assert_cmpfloat (g_array_index (corners, BcPoint, n - 2).x, <=, 300);
  }
  _bc_detour_free (d);

  /* A line already drawn is crossed, not run along. */
  d = _bc_detour_new (&area);
  {
    BcPoint drawn[] = { { 90, 200 }, { 510, 200 } };

    _bc_detour_add_polyline (d, drawn, G_N_ELEMENTS (drawn), 8);
  }
  g_assert_true (_bc_detour_find (d, from, to, nodes, 1, nodes + 1, 1, corners));
  g_assert_cmpuint (corners->len, ==, 4);
  g_assert_cmpfloat (fabs (g_array_index (corners, BcPoint, 1).y - 200), >, 3);
  _bc_detour_free (d);
}

/* Every leader runs from its event's node or bar to its label, through
 * no other label: in the bundled cases and seeded random ones, where
 * labels move aside off the lines. */
static void
check_leaders (BcLayout *l,
               guint    *leaders)
{
  for (guint i = 0; i < l->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);
      BcRect mark = bc_rect_union (bc_rect_union (e->node, e->bar), e->mark);

      if (!e->leader)
        continue;
      (*leaders)++;
      g_assert_true (bc_rect_contains_point (&mark, e->leader_from.x, e->leader_from.y, 0.5));
      g_assert_true (bc_rect_contains_point (&e->label, e->leader_to.x, e->leader_to.y, 0.5));
      for (int s = 0; s <= 50; s++)
        {
          double x = e->leader_from.x + (e->leader_to.x - e->leader_from.x) * s / 50.0;
          double y = e->leader_from.y + (e->leader_to.y - e->leader_from.y) * s / 50.0;

          for (guint j = 0; j < l->events->len; j++)
            if (j != i)
              g_assert_false (bc_rect_contains_point (&g_array_index (l->events, BcLayoutEvent, j).label,
                                                      x, y, -0.5));
        }
    }
}

static void
test_leaders_join_label_and_mark (void)
{
  guint leaders = 0;

  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = export_layout_of (c, 0);

      check_leaders (l, &leaders);
    }
  for (int seed = 1; seed <= 20; seed++)
    {
      g_autoptr(BcLayout) l = random_export_layout (seed);

      check_leaders (l, &leaders);
    }
  g_printerr ("# %u leaders\n", leaders);
  g_assert_cmpuint (leaders, >, 0);
}

/* How many rows the nodes of lane @k stand in, and how many events. */
static guint
rows_of_lane (BcLayout *l,
              guint     k,
              guint    *events)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);

  *events = 0;
  for (guint i = 0; i < l->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (l->events, BcLayoutEvent, i);

      if (e->lane != (int) k)
        continue;
      (*events)++;
      g_hash_table_add (rows, GINT_TO_POINTER ((int) floor (e->node.y / 10)));
    }
  return g_hash_table_size (rows);
}

/* The balanced scale, the default: time runs forward through every
 * date, but a busy stretch gets more of the width than the calendar
 * would give it, so Oslo's summer of 1993 climbs fewer rows; the period
 * line says how time runs. */
static void
test_balanced_widens_busy_stretches (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  g_autoptr(BcLayout) calendar = layout_of (c, BC_VIEW_LANES, BC_TIME_SCALE_PROPORTIONAL);
  g_autoptr(BcLayout) balanced = NULL;
  BcLayoutOptions options;
  BcDate may, sep;
  guint events, rows_calendar, rows_balanced;
  double last = -G_MAXDOUBLE;

  bc_layout_options_init (&options);
  g_assert_cmpint (options.time_scale, ==, BC_TIME_SCALE_BALANCED);
  balanced = bc_layout_new (c, &options);
  g_assert_cmpfloat (balanced->width, ==, calendar->width);

  /* Forward in time: nodes in date order never step back. */
  for (guint i = 0; i < balanced->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (balanced->events, BcLayoutEvent, i);
      double x = bc_layout_day_to_x (balanced, bc_event_get_first_day (e->event));

      g_assert_cmpfloat (x, >=, last);
      last = x;
    }

  /* May to September 1993, where most of the case happens, is a tenth
   * of the calendar's axis and more than a third of the balanced one. */
  g_assert_true (bc_date_parse ("1993-05-01", &may, NULL));
  g_assert_true (bc_date_parse ("1993-09-30", &sep, NULL));
  {
    double busy_calendar = bc_layout_day_to_x (calendar, bc_date_get_last_day (sep)) -
                           bc_layout_day_to_x (calendar, bc_date_get_first_day (may));
    double busy_balanced = bc_layout_day_to_x (balanced, bc_date_get_last_day (sep)) -
                           bc_layout_day_to_x (balanced, bc_date_get_first_day (may));

    g_printerr ("# May–September 1993: %.0f px of %.0f on the calendar, %.0f on the balanced scale\n",
                busy_calendar, calendar->plot.width, busy_balanced);
    g_assert_cmpfloat (busy_balanced, >, 3 * busy_calendar);
    g_assert_cmpfloat (busy_balanced, >, balanced->plot.width / 3);
  }

  rows_calendar = rows_of_lane (calendar, 0, &events);
  rows_balanced = rows_of_lane (balanced, 0, &events);
  g_printerr ("# Track 1: %u events in %u rows on the calendar, %u balanced\n",
              events, rows_calendar, rows_balanced);
  g_assert_cmpuint (rows_balanced, <, rows_calendar);

  g_assert_nonnull (strstr (balanced->period, "widened"));
  g_assert_null (strstr (calendar->period, "widened"));
}

/* A busy stretch of a case reads side by side, not as a staircase of
 * one label per row: in each lane of the export, the events stand in no
 * more than two rows for three events (a lane of a few events may need
 * one row each). */
static void
test_busy_stretches_side_by_side (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = export_layout_of (c, 0);

      for (guint k = 0; k < l->lanes->len; k++)
        {
          guint events;
          guint rows = rows_of_lane (l, k, &events);

          g_printerr ("# %s, lane %u: %u events in %u rows\n", bundled[n], k, events, rows);
          if (events >= 8)
            g_assert_cmpuint (rows * 3, <=, events * 2);
        }
      /* And the picture is wider than tall, as a page in landscape. */
      g_assert_cmpfloat (l->width, >, l->height);
    }
}

/* The x where the last position of @actor ends, as the layout shows
 * time: its end, else the axis's end. */
static double
last_position_end (BcLayout *l,
                   BcActor  *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);
  double end = 0;

  for (guint p = 0; p < positions->len; p++)
    {
      BcPosition *pos = g_ptr_array_index (positions, p);

      if (!bc_date_is_set (pos->to))
        return bc_layout_day_to_x (l, l->day1);
      end = MAX (end, bc_layout_day_to_x (l, bc_date_get_last_day (pos->to) + 1.0));
    }
  return end;
}

static void
test_storylines_end_in_time (void)
{
  static const char * const known_on[] = { NULL, "1992-04-22", "1978-09-01", "1994-01-01", "2001-06-30" };

  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    for (guint k = 0; k < G_N_ELEMENTS (known_on); k++)
      {
        g_autoptr(BcCase) c = load_bundled (bundled[n]);
        g_autoptr(BcLayout) l = NULL;
        BcLayoutOptions options;
        double known_x = G_MAXDOUBLE;

        bc_layout_options_init (&options);
        options.frame = TRUE;
        if (known_on[k] != NULL)
          g_assert_true (bc_date_parse (known_on[k], &options.known_on, NULL));
        l = bc_layout_new (c, &options);
        if (known_on[k] != NULL)
          known_x = bc_layout_day_to_x (l, bc_date_get_last_day (options.known_on) + 1.0);
        for (guint i = 0; i < l->crossovers->len; i++)
          {
            BcLayoutCrossover *cr = &g_array_index (l->crossovers, BcLayoutCrossover, i);
            double last = last_position_end (l, cr->actor);

            for (guint p = 0; p < cr->points->len; p++)
              {
                BcPoint *pt = &g_array_index (cr->points, BcPoint, p);

                g_assert_cmpfloat (pt->x, <=, last + 0.5);
                g_assert_cmpfloat (pt->x, <=, known_x + 0.5);
              }
          }
      }
}

static void
test_storyline_styles_stable (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) all = export_layout_of (c, 0);
      g_autoptr(GHashTable) style_of = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) owner = g_hash_table_new (NULL, NULL);

      g_assert_cmpuint (all->crossovers->len, >, 0);
      for (guint i = 0; i < all->crossovers->len; i++)
        {
          BcLayoutCrossover *cr = &g_array_index (all->crossovers, BcLayoutCrossover, i);
          gpointer other = g_hash_table_lookup (owner, GUINT_TO_POINTER (cr->style + 1));

          /* One style per actor, none shared. */
          g_assert_true (other == NULL || other == cr->actor);
          g_hash_table_insert (owner, GUINT_TO_POINTER (cr->style + 1), cr->actor);
          g_hash_table_insert (style_of, cr->actor, GUINT_TO_POINTER (cr->style + 1));
        }
      /* Leave out each track in turn: whoever is still drawn keeps
       * their style. */
      for (int t = 0; t < BC_N_TRACKS; t++)
        {
          g_autoptr(BcLayout) some = export_layout_of (c, BC_ALL_TRACKS & ~BC_TRACK_BIT (t));

          for (guint i = 0; i < some->crossovers->len; i++)
            {
              BcLayoutCrossover *cr = &g_array_index (some->crossovers, BcLayoutCrossover, i);

              g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (style_of, cr->actor)), ==, cr->style + 1);
            }
        }
    }
}

static BcEvent *
add_event (BcCase     *c,
           const char *id,
           BcTrack     track,
           const char *date,
           const char *end)
{
  g_autoptr(BcEvent) e = bc_event_new (id, track, BC_EVENT_MEETING, fixture_date (date), id);

  if (end != NULL)
    {
      BcDate d = fixture_date (end);
      g_object_set (e, "end", &d, NULL);
    }
  g_assert_true (_bc_case_insert (c, "events", NULL, -1, G_OBJECT (e), NULL));
  return e;
}

static void
add_transfer (BcCase     *c,
              const char *id,
              const char *from,
              const char *to)
{
  g_autoptr(BcTransfer) t = bc_transfer_new (id, from, to, BC_MECHANISM_MEMORANDUM, id);

  g_assert_true (_bc_case_insert (c, "transfers", NULL, -1, G_OBJECT (t), NULL));
}

/* A lane that many lines run through, steeply, cannot keep all their
 * columns clear: where it tried, every label was left nowhere but a row
 * of its own below the rest, and the 10 000-event reference case grew
 * half a million pixels tall. Past a dense lane's first rows, the lines
 * cross labels (with halos) and the labels share rows again. */
static void
test_dense_lane_shares_rows (void)
{
  g_autoptr(BcCase) c = bc_case_new ("dense", "Lines through a dense lane");
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 1990);
  g_autoptr(BcLayout) l = NULL;
  guint events, rows;

  for (guint i = 0; i < 400; i++)
    {
      char date[16], id[32];

      g_date_strftime (date, sizeof date, "%Y-%m-%d", day);
      g_snprintf (id, sizeof id, "middle-%u", i);
      add_event (c, id, BC_TRACK_1_5, date, NULL);
      if (i % 2 == 0)
        {
          char from[32], to[32], transfer[32];

          g_snprintf (from, sizeof from, "unofficial-%u", i);
          g_snprintf (to, sizeof to, "official-%u", i);
          g_snprintf (transfer, sizeof transfer, "transfer-%u", i);
          add_event (c, from, BC_TRACK_2, date, NULL);
          add_event (c, to, BC_TRACK_1, date, NULL);
          add_transfer (c, transfer, from, to);
        }
      g_date_add_days (day, 9);
    }
  l = export_layout_of (c, 0);
  rows = rows_of_lane (l, 1, &events);
  g_printerr ("# Track 1.5: %u events in %u rows, picture %.0f px tall\n", events, rows, l->height);
  g_assert_cmpuint (events, ==, 400);
  g_assert_cmpuint (rows * 2, <=, events);
}

/* A year is drawn as the year it covers: an arrow from it to a month of
 * that year leaves from where they meet, not from mid-year; a range of
 * two days, whose node sits after its first day, does not point back
 * at the day after. */
static void
test_arrows_between_imprecise_dates_go_forward (void)
{
  for (int scale = 0; scale <= BC_TIME_SCALE_BALANCED; scale++)
    {
      g_autoptr(BcCase) c = bc_case_new ("imprecise", "Imprecise dates");
      BcLayoutOptions options;
      g_autoptr(BcLayout) l = NULL;

      add_event (c, "early", BC_TRACK_1, "1985-01-10", NULL);
      add_event (c, "late", BC_TRACK_1, "1999-12-10", NULL);
      add_event (c, "year", BC_TRACK_2, "1993", NULL);
      add_event (c, "march", BC_TRACK_1, "1993-03", NULL);
      add_event (c, "talks", BC_TRACK_2, "1994-08-17", "1994-08-18");
      add_event (c, "next-day", BC_TRACK_1, "1994-08-18", NULL);
      add_event (c, "month", BC_TRACK_1_5, "1995-06", NULL);
      add_event (c, "year-after", BC_TRACK_2, "1995", NULL);
      add_transfer (c, "t1", "year", "march");
      add_transfer (c, "t2", "talks", "next-day");
      add_transfer (c, "t3", "year-after", "month");
      add_transfer (c, "t4", "month", "year-after");

      bc_layout_options_init (&options);
      options.time_scale = scale;
      l = bc_layout_new (c, &options);
      g_assert_cmpuint (l->transfers->len, ==, 4);
      for (guint i = 0; i < l->transfers->len; i++)
        {
          BcLayoutCurve *t = &g_array_index (l->transfers, BcLayoutCurve, i);
          BcLayoutEvent *from = &g_array_index (l->events, BcLayoutEvent, t->from);
          BcLayoutEvent *to = &g_array_index (l->events, BcLayoutEvent, t->to);

          g_test_message ("%s → %s: %.1f → %.1f", bc_item_get_id (BC_ITEM (from->event)),
                          bc_item_get_id (BC_ITEM (to->event)), t->p[0].x, bc_layout_curve_end (t).x);
          g_assert_cmpfloat (bc_layout_curve_end (t).x, >=, t->p[0].x);
          /* Within the time each end stands for. */
          g_assert_cmpfloat (t->p[0].x, >=, bc_layout_day_to_x (l, bc_event_get_first_day (from->event)) - 0.5);
          g_assert_cmpfloat (bc_layout_curve_end (t).x, <=, bc_layout_day_to_x (l, bc_event_get_last_day (to->event) + 1.0) + 0.5);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/labels-do-not-overlap", test_labels_do_not_overlap);
  g_test_add_func ("/render/layout/axis-names-the-years", test_axis_names_the_years);
  g_test_add_func ("/render/layout/events-inside-their-lanes", test_events_inside_lanes);
  g_test_add_func ("/render/layout/transfers-join-their-events", test_transfers_join_their_events);
  g_test_add_func ("/render/layout/lanes-in-track-order", test_lanes_in_track_order);
  g_test_add_func ("/render/layout/empty-tracks-folded", test_empty_tracks_folded);
  g_test_add_func ("/render/layout/sequence-scale-even", test_sequence_even);
  g_test_add_func ("/render/layout/balanced-scale-widens-busy-stretches", test_balanced_widens_busy_stretches);
  g_test_add_func ("/render/layout/as-known-on-hides-undisclosed", test_as_known_on_hides);
  g_test_add_func ("/render/layout/wheel-sectors-and-chords", test_wheel_geometry);
  g_test_add_func ("/render/painter/viewport-paints-only-visible", test_viewport_paints_only_visible);
  g_test_add_func ("/render/painter/pinned-leaves-out-axis-and-titles", test_pinned_leaves_out_axis_and_titles);
  g_test_add_func ("/render/layout/annotation-marks", test_annotation_marks);
  g_test_add_func ("/render/layout/day-x-round-trip", test_day_x_round_trip);
  g_test_add_func ("/render/layout/wheel-pick-finds-each-actor", test_wheel_pick_finds_each_actor);
  g_test_add_func ("/render/layout/wheel-pick-empty-is-nothing", test_wheel_pick_empty_is_nothing);
  g_test_add_func ("/render/layout/lanes-pick-finds-each-event", test_lanes_pick_finds_each_event);
  g_test_add_func ("/render/layout/arrow-keys-round-the-wheel-and-along-lanes", test_step_round_wheel_and_along_lanes);

  g_test_add_func ("/render/layout/export-labels-whole", test_export_labels_whole);
  g_test_add_func ("/render/layout/labels-clear-of-marks-and-titles", test_labels_clear_of_marks_and_titles);
  g_test_add_func ("/render/layout/lines-cross-few-labels-each-with-a-halo", test_lines_cross_few_labels);
  g_test_add_func ("/render/layout/detour-goes-round-labels", test_detour_goes_round_labels);
  g_test_add_func ("/render/layout/leaders-join-label-and-mark", test_leaders_join_label_and_mark);
  g_test_add_func ("/render/layout/busy-stretches-side-by-side", test_busy_stretches_side_by_side);
  g_test_add_func ("/render/layout/dense-lane-shares-rows", test_dense_lane_shares_rows);
  g_test_add_func ("/render/layout/storylines-end-with-positions-and-known-on", test_storylines_end_in_time);
  g_test_add_func ("/render/layout/storyline-styles-stable-under-track-filter", test_storyline_styles_stable);
  g_test_add_func ("/render/layout/arrows-between-imprecise-dates-go-forward", test_arrows_between_imprecise_dates_go_forward);

  return g_test_run ();
}
