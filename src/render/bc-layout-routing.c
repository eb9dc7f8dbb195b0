/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"

/* The chords a shape is followed by while routing; the shape chosen is
 * followed again by twice as many, with each label a little larger, to
 * find every label it crosses for a halo: 24 chords may pass by the
 * corner of a label that the curve itself clips. */
#define SAMPLES      24
#define HALO_SAMPLES 64
#define HALO_PAD     1.5
#define MAX_CANDIDATES 48
/* Past this many events, fewer shapes are tried for each line. */
#define LARGE_CASE   2000

/* auxiliary functions */

/* Whether the segment a–b passes through the inside of @r (the
 * clipping of Liang and Barsky). */
static gboolean
segment_meets (BcPoint       a,
               BcPoint       b,
               const BcRect *r)
{
  double t0 = 0, t1 = 1;
  double dx = b.x - a.x, dy = b.y - a.y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a.x - r->x, r->x + r->width - a.x, a.y - r->y, r->y + r->height - a.y };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  return t0 < t1;
}

typedef struct
{
  BcPoint  a, b;
  GArray  *hit;   /* guint: labels crossed, each once */
  guint   *seen;  /* by label: the stamp of the shape that last crossed it */
  guint    stamp;
  double   pad;   /* how much larger than its box a label counts */
} Crossing;

static gboolean
crossing_cb (guint         id,
             const BcRect *r,
             gpointer      data)
{
  Crossing *c = data;

  if (c->seen[id] != c->stamp && r->width > 0 &&
      segment_meets (c->a, c->b, &(BcRect) { r->x - c->pad, r->y - c->pad,
                                             r->width + 2 * c->pad, r->height + 2 * c->pad }))
    {
      c->seen[id] = c->stamp;
      g_array_append_val (c->hit, id);
    }
  return FALSE;
}

/* How many labels and lane titles the curve @p crosses, the labels in
 * @c->hit; it stops counting at @enough, which no longer beats the best
 * shape so far. */
static guint
count_crossings (const BcPoint *p,
                 BcBoxGrid     *labels,
                 const BcRect  *titles,
                 guint          n_titles,
                 Crossing      *c,
                 int            samples,
                 guint          enough)
{
  guint titles_crossed = 0;

  c->stamp++;
  c->a = p[0];
  g_array_set_size (c->hit, 0);
  for (int s = 1; s <= samples && c->hit->len + MIN (titles_crossed, 1) < enough; s++)
    {
      BcRect box;

      c->b = bc_curve_point (p, s / (double) samples);
      box = (BcRect) { MIN (c->a.x, c->b.x) - c->pad, MIN (c->a.y, c->b.y) - c->pad,
                       fabs (c->b.x - c->a.x) + 0.01 + 2 * c->pad, fabs (c->b.y - c->a.y) + 0.01 + 2 * c->pad };
      _bc_box_grid_any (labels, &box, crossing_cb, c);
      for (guint t = 0; t < n_titles; t++)
        if (segment_meets (c->a, c->b, &titles[t]))
          titles_crossed++;
      c->a = c->b;
    }
  /* A lane title crossed weighs as much as a label. */
  return c->hit->len + MIN (titles_crossed, 1);
}

/* Where a line may leave or reach an event at @x: the top or bottom of
 * its node, or of its bar where @x is along the bar. */
static double
edge_y (const BcLayoutEvent *e,
        double               x,
        gboolean             top)
{
  const BcRect *r = &e->node;

  if (e->bar.width > 0 && (x < e->node.x || x > e->node.x + e->node.width))
    r = &e->bar;
  return top ? r->y : r->y + r->height;
}

/* The shapes a line between @a and @b may take, most direct first:
 * between rows, an S that leaves and arrives vertically, its bend higher
 * or lower, bowed to one side or the other; within a row, an arch above
 * or below, lower or higher. */
static guint
candidates (const BcLayoutEvent *a,
            const BcLayoutEvent *b,
            double               ax,
            double               bx,
            gboolean             large,
            BcPoint              (*out)[4])
{
  static const double bends[][2] = { { 0.5, 0.5 }, { 0.8, 0.8 }, { 0.2, 0.2 }, { 0.35, 0.65 }, { 0.9, 0.1 } };
  static const double shifts[] = { 0, -14, 14, -28, 28, -45, 45, -70, 70 };
  static const double heights[] = { 18, 28, 40, 55, 75, 100 };
  double acy = a->node.y + a->node.height / 2, bcy = b->node.y + b->node.height / 2;
  guint n = 0;

  if (fabs (acy - bcy) >= 1)
    {
      gboolean up = bcy < acy;
      BcPoint p0 = { ax, edge_y (a, ax, up) }, p3 = { bx, edge_y (b, bx, !up) };
      double dy = p3.y - p0.y;

      for (guint s = 0; s < G_N_ELEMENTS (shifts) && (!large || s < 3); s++)
        for (guint f = 0; f < G_N_ELEMENTS (bends) && (!large || f < 2); f++)
          {
            out[n][0] = p0;
            out[n][3] = p3;
            out[n][1] = (BcPoint) { ax + shifts[s], p0.y + dy * bends[f][0] };
            out[n][2] = (BcPoint) { bx + shifts[s], p0.y + dy * bends[f][1] };
            n++;
          }
    }
  else
    {
      for (guint k = 0; k < G_N_ELEMENTS (heights) * 2 && (!large || k < 4); k++)
        {
          gboolean above = k % 2 == 0;
          double h = heights[k / 2] + MIN (60, fabs (bx - ax) * 0.2);
          double sign = above ? -1 : 1;

          out[n][0] = (BcPoint) { ax, edge_y (a, ax, above) };
          out[n][3] = (BcPoint) { bx, edge_y (b, bx, above) };
          out[n][1] = (BcPoint) { ax + (bx - ax) * 0.2, out[n][0].y + sign * h };
          out[n][2] = (BcPoint) { bx - (bx - ax) * 0.2, out[n][3].y + sign * h };
          n++;
        }
    }
  g_assert (n <= MAX_CANDIDATES);
  return n;
}

/**
 * _bc_route_curve:
 * @c: a transfer or link whose ends' x (p[0].x and p[3].x) are fixed
 * @labels: the labels of the layout's events, by event index
 * @titles: the boxes of the lanes' titles
 * @seen: (array): one stamp for each label, all lines sharing it
 * @stamp: (inout): the last stamp given out
 *
 * Gives @c the shape, of those it may take, that crosses the fewest
 * labels and lane titles, the most direct of them on a tie; the labels
 * it still crosses get a halo.
 */
void
_bc_route_curve (BcLayout      *self,
                 BcLayoutCurve *c,
                 BcBoxGrid     *labels,
                 const BcRect  *titles,
                 guint          n_titles,
                 guint         *seen,
                 guint         *stamp)
{
  BcLayoutEvent *a = &g_array_index (self->events, BcLayoutEvent, c->from);
  BcLayoutEvent *b = &g_array_index (self->events, BcLayoutEvent, c->to);
  BcPoint shapes[MAX_CANDIDATES][4];
  g_autoptr(GArray) hit = g_array_new (FALSE, FALSE, sizeof (guint));
  Crossing crossing = { { 0 }, { 0 }, hit, seen, *stamp, 0 };
  guint n = candidates (a, b, c->p[0].x, c->p[3].x, self->events->len > LARGE_CASE, shapes);
  guint best = 0, best_count = G_MAXUINT;

  for (guint i = 0; i < n && best_count > 0; i++)
    {
      guint count = count_crossings (shapes[i], labels, titles, n_titles, &crossing, SAMPLES, best_count);

      if (count < best_count)
        {
          best = i;
          best_count = count;
        }
    }
  memcpy (c->p, shapes[best], sizeof c->p);
  crossing.pad = HALO_PAD;
  count_crossings (c->p, labels, titles, n_titles, &crossing, HALO_SAMPLES, G_MAXUINT);
  for (guint i = 0; i < hit->len; i++)
    g_array_index (self->events, BcLayoutEvent, g_array_index (hit, guint, i)).halo = TRUE;
  *stamp = crossing.stamp;
}
