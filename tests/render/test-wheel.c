/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-wheel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout.h"
#include "bc-layout-wheel.h"
#include "bc-render-private.h"
#include "legibility.h"
#include "random-case.h"
#include "render-test-util.h"

/* The wheel as a reader meets it: every name whole and apart from the
 * others, sectors for what the case holds, one chord per pair of tracks
 * with its transfers behind it, and nothing to pick where nothing is
 * drawn. Each check runs on the three bundled cases. */

static BcLayout *
wheel_of (BcCase *c)
{
  BcLayoutOptions options;

  bc_layout_options_init (&options);
  options.view = BC_VIEW_WHEEL;
  return bc_layout_new (c, &options);
}

/* Every name is whole: its box holds the measured text, the text is the
 * name with only its spaces turned into line breaks, and the box lies
 * inside the drawing. Names on the left half are turned over to read
 * left to right. */
static void
test_names_whole (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = wheel_of (c);
      guint flipped = 0;

      g_assert_cmpuint (l->actors->len, ==, g_list_model_get_n_items (bc_case_get_actors (c)));
      for (guint i = 0; i < l->actors->len; i++)
        {
          BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
          g_autofree char *joined = g_strdup (a->text);
          g_auto(GStrv) lines = g_strsplit (a->text, "\n", -1);
          LegibilityQuad q = legibility_wheel_actor_quad (l, i);
          double w, h;

          g_strdelimit (joined, "\n", ' ');
          g_assert_cmpstr (joined, ==, bc_actor_get_name (a->actor));
          g_assert_null (strstr (a->text, "…"));
          g_assert_cmpuint (g_strv_length (lines), <=, 3);
          _bc_render_text_size (BC_FONT_SMALL, a->text, 0, 1, &w, &h);
          if (a->label_width < w || a->label_height < h)
            g_error ("%s: “%s” is cut: %g × %g for %g × %g", bundled[n], a->text,
                     a->label_width, a->label_height, w, h);
          for (int k = 0; k < 4; k++)
            if (q.p[k].x < 0 || q.p[k].y < 0 || q.p[k].x > l->width || q.p[k].y > l->height)
              g_error ("%s: “%s” runs off the drawing at (%g, %g)", bundled[n], a->text, q.p[k].x, q.p[k].y);
          g_assert_cmpint (a->flip, ==, cos (a->angle) < 0);
          flipped += a->flip;
          /* The label starts past the rim, outside the disc. */
          g_assert_cmpfloat (a->label_from, >, l->wheel_radius);
          g_assert_cmpfloat (a->orbit + a->node.width / 2, <, l->wheel_radius);
        }
      g_assert_cmpuint (flipped, >, 0);
      g_assert_cmpuint (flipped, <, l->actors->len);
    }
}

/* No two labels overlap, actors' names and sectors' names alike. */
static void
test_names_apart (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = wheel_of (c);
      g_autoptr(GArray) quads = legibility_wheel_label_quads (l);

      g_assert_cmpuint (quads->len, ==, l->actors->len + l->sectors->len);
      for (guint i = 0; i < quads->len; i++)
        for (guint j = i + 1; j < quads->len; j++)
          if (legibility_quads_overlap (&g_array_index (quads, LegibilityQuad, i), &g_array_index (quads, LegibilityQuad, j)))
            g_error ("%s: “%s” and “%s” overlap", bundled[n],
                     g_array_index (quads, LegibilityQuad, i).text, g_array_index (quads, LegibilityQuad, j).text);
      /* Nor does a sector's name sit on an actor's disc. */
      for (guint i = l->actors->len; i < quads->len; i++)
        for (guint k = 0; k < l->actors->len; k++)
          {
            BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, k);
            g_assert_cmpfloat (legibility_quad_distance (&g_array_index (quads, LegibilityQuad, i), a->centre.x, a->centre.y),
                               >, a->node.width / 2);
          }
    }
}

/* The tracks whose events a shown transfer joins, counted by the test
 * from the case itself. */
static gboolean
shown_tracks (BcCase     *c,
              BcTransfer *t,
              BcTrack    *from,
              BcTrack    *to)
{
  BcEvent *a = bc_case_lookup_event (c, bc_transfer_get_from (t));
  BcEvent *b = bc_case_lookup_event (c, bc_transfer_get_to (t));

  if (a == NULL || b == NULL || bc_event_get_first_day (a) == 0 || bc_event_get_first_day (b) == 0)
    return FALSE;
  *from = bc_event_get_track (a);
  *to = bc_event_get_track (b);
  return *from != *to;
}

/* Sectors for the tracks that hold actors (or a chord's end, which a
 * track of no actor may), none for the others unless asked; each as
 * wide as its share of the actors, with a least width for those that
 * hold few; all apart, going round once. */
static void
test_sectors_sized_by_actors (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = wheel_of (c);
      GListModel *transfers = bc_case_get_transfers (c);
      guint actors[BC_N_TRACKS] = { 0 }, ends[BC_N_TRACKS] = { 0 };
      double per_actor, total = 0;
      guint most = 0;

      for (guint i = 0; i < g_list_model_get_n_items (bc_case_get_actors (c)); i++)
        {
          g_autoptr(BcActor) a = g_list_model_get_item (bc_case_get_actors (c), i);
          actors[bc_actor_get_track (a)]++;
        }
      for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
        {
          g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
          BcTrack from, to;

          if (shown_tracks (c, t, &from, &to))
            ends[from]++, ends[to]++;
        }
      for (int t = 0, k = 0; t < BC_N_TRACKS; t++)
        {
          BcLayoutSector *s;

          if (actors[t] == 0 && ends[t] == 0)
            continue;
          g_assert_cmpuint (k, <, l->sectors->len);
          s = &g_array_index (l->sectors, BcLayoutSector, k++);
          g_assert_cmpint (s->track, ==, t);
        }
      for (guint k = 0; k < l->sectors->len; k++)
        {
          BcLayoutSector *s = &g_array_index (l->sectors, BcLayoutSector, k);
          BcLayoutSector *next = &g_array_index (l->sectors, BcLayoutSector, (k + 1) % l->sectors->len);
          double span = s->angle1 - s->angle0;

          g_assert_true (actors[s->track] > 0 || ends[s->track] > 0);
          g_assert_cmpfloat (span, >, 0);
          total += span;
          /* A gap before the next one. */
          g_assert_cmpfloat (fmod (next->angle0 - s->angle1 + 4 * G_PI, 2 * G_PI), >, 0.01);
        }
      g_assert_cmpfloat (total, <, 2 * G_PI);
      g_assert_cmpfloat (total, >, 0.9 * 2 * G_PI);
      /* The angle an actor gets: the least over the sectors, since a
       * sector is only ever widened past its share. Every sector gets
       * its share; those that are wider are at a least width for their
       * name and chords, which is narrow; the sector of the most actors
       * has its share exactly. */
      per_actor = G_MAXDOUBLE;
      for (int t = 0; t < BC_N_TRACKS; t++)
        most = MAX (most, actors[t]);
      for (guint k = 0; k < l->sectors->len; k++)
        {
          BcLayoutSector *s = &g_array_index (l->sectors, BcLayoutSector, k);

          if (actors[s->track] > 0)
            per_actor = MIN (per_actor, (s->angle1 - s->angle0) / actors[s->track]);
        }
      for (guint k = 0; k < l->sectors->len; k++)
        {
          BcLayoutSector *s = &g_array_index (l->sectors, BcLayoutSector, k);
          double span = s->angle1 - s->angle0;

          g_assert_cmpfloat (span, >=, per_actor * actors[s->track] - 1e-9);
          if (span > per_actor * actors[s->track] + 1e-9)
            g_assert_cmpfloat (span, <, 0.6);
          if (actors[s->track] == most)
            g_assert_cmpfloat (fabs (span - per_actor * most), <, 1e-9);
        }
      g_assert_cmpfloat (per_actor, >, 0);
      /* Each actor in its own sector. */
      for (guint i = 0; i < l->actors->len; i++)
        {
          BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
          gboolean inside = FALSE;

          for (guint k = 0; k < l->sectors->len; k++)
            {
              BcLayoutSector *s = &g_array_index (l->sectors, BcLayoutSector, k);
              inside |= s->track == a->track && a->angle > s->angle0 && a->angle < s->angle1;
            }
          g_assert_true (inside);
        }

      /* On request, every track. */
      {
        BcLayoutOptions options;
        g_autoptr(BcLayout) all = NULL;

        bc_layout_options_init (&options);
        options.view = BC_VIEW_WHEEL;
        options.show_empty_tracks = TRUE;
        all = bc_layout_new (c, &options);
        g_assert_cmpuint (all->sectors->len, ==, BC_N_TRACKS);
        g_assert_cmpuint (l->sectors->len, <, BC_N_TRACKS);
      }
    }
}

/* One chord per pair of tracks and direction, as many transfers in it
 * as run between them, together all that are shown; its detail names
 * each of them. The chords' ends lie apart. */
static void
test_chords_bundled (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = wheel_of (c);
      GListModel *transfers = bc_case_get_transfers (c);
      guint between[BC_N_TRACKS][BC_N_TRACKS] = { { 0 } };
      guint shown = 0, pairs = 0, counted = 0;

      for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
        {
          g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
          BcTrack from, to;

          if (!shown_tracks (c, t, &from, &to))
            continue;
          if (between[from][to]++ == 0)
            pairs++;
          shown++;
        }
      g_assert_cmpuint (shown, >, l->transfers->len);
      g_assert_cmpuint (l->transfers->len, ==, pairs);

      for (guint i = 0; i < l->transfers->len; i++)
        {
          BcLayoutCurve *chord = &g_array_index (l->transfers, BcLayoutCurve, i);
          g_autoptr(GPtrArray) list = bc_layout_chord_transfers (l, i);
          g_autofree char *detail = bc_layout_describe_chord (l, i);
          BcTrack from, to;

          g_assert_true (shown_tracks (c, BC_TRANSFER (chord->object), &from, &to));
          g_assert_cmpuint (chord->count, ==, between[from][to]);
          g_assert_cmpfloat (chord->weight, ==, chord->count);
          between[from][to] = 0; /* one chord for the pair */
          counted += chord->count;

          g_assert_cmpuint (list->len, ==, chord->count);
          g_assert_true (g_ptr_array_index (list, 0) == (gpointer) chord->object);
          g_assert_true (pango_parse_markup (detail, -1, 0, NULL, NULL, NULL, NULL));
          for (guint k = 0; k < list->len; k++)
            {
              BcTransfer *t = g_ptr_array_index (list, k);
              g_autofree char *title = g_markup_escape_text (bc_transfer_get_title (t), -1);
              BcTrack f, tt;

              g_assert_true (shown_tracks (c, t, &f, &tt));
              g_assert_cmpint (f, ==, from);
              g_assert_cmpint (tt, ==, to);
              g_assert_nonnull (strstr (detail, title));
              g_assert_cmpint (bc_layout_find_chord (l, t), ==, i);
            }
          for (guint j = 0; j < l->transfers->len; j++)
            {
              BcLayoutCurve *other = &g_array_index (l->transfers, BcLayoutCurve, j);

              for (int e = 0; e < 2 && j != i; e++)
                for (int f = 0; f < 2; f++)
                  g_assert_cmpfloat (hypot (chord->p[e * 3].x - other->p[f * 3].x,
                                            chord->p[e * 3].y - other->p[f * 3].y), >, 4);
            }
        }
      g_assert_cmpuint (counted, ==, shown);
    }
}

/* The chords stay inside the ring of actors and cross no label. */
static void
test_chords_cross_no_label (void)
{
  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = wheel_of (c);
      g_autoptr(GArray) quads = legibility_wheel_label_quads (l);
      double ring = G_MAXDOUBLE;

      for (guint i = 0; i < l->actors->len; i++)
        {
          BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
          ring = MIN (ring, a->orbit - a->node.width / 2);
        }
      for (guint i = 0; i < l->transfers->len; i++)
        {
          BcLayoutCurve *chord = &g_array_index (l->transfers, BcLayoutCurve, i);
          /* Half the stroke the painter gives the widest chord. */
          double half = (1.5 + 1.2 * 5) / 2;

          for (int s = 0; s <= 200; s++)
            {
              BcPoint p = bc_curve_point (chord->p, s / 200.0);

              g_assert_cmpfloat (hypot (p.x - l->wheel_centre.x, p.y - l->wheel_centre.y), <, ring);
              for (guint q = 0; q < quads->len; q++)
                if (legibility_quad_distance (&g_array_index (quads, LegibilityQuad, q), p.x, p.y) < MIN (half, chord->weight))
                  g_error ("%s: a chord crosses “%s”", bundled[n], g_array_index (quads, LegibilityQuad, q).text);
            }
        }
    }
}

/* Around the wheel, wherever no name is, the pointer picks nothing. */
static void
test_outside_picks_nothing (void)
{
  const double slack = 3;

  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      g_autoptr(BcLayout) l = wheel_of (c);
      g_autoptr(GArray) quads = legibility_wheel_label_quads (l);
      guint tried = 0;

      for (double y = -20; y < l->height + 20; y += 5)
        for (double x = -20; x < l->width + 20; x += 5)
          {
            BcLayoutHit hit;
            gboolean near_label = FALSE;

            if (hypot (x - l->wheel_centre.x, y - l->wheel_centre.y) <= l->wheel_radius + slack)
              continue;
            for (guint q = 0; q < l->actors->len && !near_label; q++)
              near_label = legibility_quad_distance (&g_array_index (quads, LegibilityQuad, q), x, y) <= slack + 0.5;
            if (near_label)
              continue;
            tried++;
            if (bc_layout_pick (l, x, y, slack, &hit))
              g_error ("%s: (%g, %g) is off the wheel and its names, yet picks %s", bundled[n], x, y,
                       BC_IS_ACTOR (hit.object) ? bc_actor_get_name (BC_ACTOR (hit.object))
                                                : G_OBJECT_TYPE_NAME (hit.object));
          }
      g_assert_cmpuint (tried, >, 1000);

      /* While on a name, the pointer picks its actor. */
      for (guint i = 0; i < l->actors->len; i++)
        {
          LegibilityQuad *q = &g_array_index (quads, LegibilityQuad, i);
          double x = (q->p[0].x + q->p[2].x) / 2, y = (q->p[0].y + q->p[2].y) / 2;
          BcLayoutHit hit;

          g_assert_true (bc_layout_pick (l, x, y, slack, &hit));
          g_assert_true (hit.object == G_OBJECT (g_array_index (l->actors, BcLayoutActor, i).actor));
        }
    }
}

/* The drawing grows to hold the names rather than cut them, however
 * narrow the width asked for. */
static void
test_drawing_grows_for_names (void)
{
  g_autoptr(BcCase) c = load_bundled ("abkhazia");
  BcLayoutOptions options;
  g_autoptr(BcLayout) l = NULL;

  bc_layout_options_init (&options);
  options.view = BC_VIEW_WHEEL;
  options.width = 300;
  l = bc_layout_new (c, &options);
  g_assert_cmpfloat (l->width, >, 300);
  for (guint i = 0; i < l->actors->len; i++)
    {
      LegibilityQuad q = legibility_wheel_actor_quad (l, i);

      for (int k = 0; k < 4; k++)
        {
          g_assert_cmpfloat (q.p[k].x, >=, 0);
          g_assert_cmpfloat (q.p[k].x, <=, l->width);
          g_assert_cmpfloat (q.p[k].y, >=, 0);
          g_assert_cmpfloat (q.p[k].y, <=, l->height);
        }
    }
}

/* With an actor in focus, the actor and the chords of what they carried
 * stay; the other actors and chords are faded. */
static void
test_focus_on_actor (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  BcLayoutOptions options;
  g_autoptr(BcLayout) l = NULL;
  guint kept = 0, faded = 0;

  bc_layout_options_init (&options);
  options.view = BC_VIEW_WHEEL;
  options.focus = "juul";
  l = bc_layout_new (c, &options);

  for (guint i = 0; i < l->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (l->actors, BcLayoutActor, i);
      g_assert_cmpint (a->faded, ==, g_strcmp0 (bc_item_get_id (BC_ITEM (a->actor)), "juul") != 0);
    }
  for (guint i = 0; i < l->transfers->len; i++)
    {
      BcLayoutCurve *chord = &g_array_index (l->transfers, BcLayoutCurve, i);
      g_autoptr(GPtrArray) list = bc_layout_chord_transfers (l, i);
      gboolean carried = FALSE;

      for (guint k = 0; k < list->len; k++)
        {
          BcTransfer *t = g_ptr_array_index (list, k);
          const char * const *carriers = bc_transfer_get_carriers (t);
          BcEvent *from = bc_case_lookup_event (c, bc_transfer_get_from (t));
          BcEvent *to = bc_case_lookup_event (c, bc_transfer_get_to (t));

          carried |= carriers != NULL && g_strv_contains (carriers, "juul");
          carried |= g_strv_contains (bc_event_get_participants (from), "juul");
          carried |= g_strv_contains (bc_event_get_participants (to), "juul");
        }
      g_assert_cmpint (chord->faded, ==, !carried);
      kept += !chord->faded;
      faded += chord->faded;
    }
  g_assert_cmpuint (kept, >, 0);
  g_assert_cmpuint (faded, >, 0);
}

/* Without the frame, no legend: the window's wheel is the wheel alone. */
static void
test_frame_off_has_no_legend (void)
{
  g_autoptr(BcCase) c = load_bundled ("oslo");
  BcLayoutOptions options;
  g_autoptr(BcLayout) framed = NULL, bare = NULL;

  bc_layout_options_init (&options);
  options.view = BC_VIEW_WHEEL;
  framed = bc_layout_new (c, &options);
  options.frame = FALSE;
  bare = bc_layout_new (c, &options);
  g_assert_cmpuint (framed->legend->len, >, 0);
  g_assert_cmpuint (bare->legend->len, ==, 0);
  g_assert_cmpfloat (bare->height, <, framed->height);
}

static void
assert_legible (BcCase     *c,
                const char *name)
{
  g_autoptr(BcLayout) l = wheel_of (c);
  g_autoptr(GString) why = g_string_new (NULL);
  Legibility m;

  legibility_measure_wheel (l, &m, why);
  g_assert_cmpuint (m.events, ==, l->actors->len);
  if (m.cut + m.label_label + m.label_mark + m.line_label > 0)
    g_error ("%s: %u cut, %u overlapping, %u over a disc, %u crossed\n%s", name,
             m.cut, m.label_label, m.label_mark, m.line_label, why->str);
}

/* The benchmark's figures for the wheel, all naught: on the bundled
 * cases and on seeded random ones, whose names run to three lines. */
static void
test_legible (void)
{
  RandomCaseSize size = RANDOM_CASE_SIZE_DEFAULT;

  for (guint n = 0; n < G_N_ELEMENTS (bundled); n++)
    {
      g_autoptr(BcCase) c = load_bundled (bundled[n]);
      assert_legible (c, bundled[n]);
    }
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(BcCase) c = random_case_new (seed, &size);
      g_autofree char *name = g_strdup_printf ("random case, seed %u", seed);

      assert_legible (c, name);
    }
  /* Crowded: three times the actors. */
  size.n_actors *= 3;
  size.n_transfers *= 2;
  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(BcCase) c = random_case_new (seed, &size);
      g_autofree char *name = g_strdup_printf ("crowded random case, seed %u", seed);

      assert_legible (c, name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/wheel/names-whole", test_names_whole);
  g_test_add_func ("/render/wheel/names-apart", test_names_apart);
  g_test_add_func ("/render/wheel/sectors-sized-by-actors", test_sectors_sized_by_actors);
  g_test_add_func ("/render/wheel/chords-bundled-per-pair-of-tracks", test_chords_bundled);
  g_test_add_func ("/render/wheel/chords-cross-no-label", test_chords_cross_no_label);
  g_test_add_func ("/render/wheel/outside-picks-nothing", test_outside_picks_nothing);
  g_test_add_func ("/render/wheel/drawing-grows-for-names", test_drawing_grows_for_names);
  g_test_add_func ("/render/wheel/focus-on-actor", test_focus_on_actor);
  g_test_add_func ("/render/wheel/frame-off-has-no-legend", test_frame_off_has_no_legend);
  g_test_add_func ("/render/wheel/legible", test_legible);

  return g_test_run ();
}
