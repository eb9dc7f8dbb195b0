/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"

/* The chords a shape is followed by while routing; the shapes chosen
 * are followed again by more, with each label a little larger, to find
 * every label they cross for a halo: 24 chords may pass by the corner
 * of a label that the curve itself clips. */
#define SAMPLES      24
#define HALO_SAMPLES 64
#define HALO_PAD     1.5
#define MAX_CANDIDATES 100
/* How far apart in x the ends of a line that leaves and arrives by the
 * sides of events must be, at the least, for its S to lie down. */
#define SIDE_RUN     16.0
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

/* The box around the segment a–b, grown by @pad on each side; never
 * flat, so that a grid finds it in every cell it runs through. */
static BcRect
segment_box (BcPoint a,
             BcPoint b,
             double  pad)
{
  return (BcRect) { MIN (a.x, b.x) - pad, MIN (a.y, b.y) - pad,
                    fabs (b.x - a.x) + 0.01 + 2 * pad, fabs (b.y - a.y) + 0.01 + 2 * pad };
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

/* How many labels and lane titles the chain of @n_segments Béziers @p
 * crosses, followed by @samples chords a segment, the labels in
 * @c->hit; it stops counting at @enough, which no longer beats the best
 * shape so far. */
static guint
count_crossings (const BcPoint *p,
                 guint          n_segments,
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
  for (guint seg = 0; seg < n_segments; seg++)
    for (int s = 1; s <= samples && c->hit->len + MIN (titles_crossed, 1) < enough; s++)
      {
        BcRect box;

        c->b = bc_curve_point (&p[3 * seg], s / (double) samples);
        box = segment_box (c->a, c->b, c->pad);
        _bc_box_grid_any (labels, &box, crossing_cb, c);
        for (guint t = 0; t < n_titles; t++)
          if (bc_rect_intersects (&box, &titles[t]) && segment_meets (c->a, c->b, &titles[t]))
            titles_crossed++;
        c->a = c->b;
      }
  /* A lane title crossed weighs as much as a label. */
  return c->hit->len + MIN (titles_crossed, 1);
}

/* What of an event is drawn at @x: its bar where @x is along the bar
 * beside the node, else its node. */
static const BcRect *
drawn_at (const BcLayoutEvent *e,
          double               x)
{
  if (e->bar.width > 0 && (x < e->node.x || x > e->node.x + e->node.width))
    return &e->bar;
  return &e->node;
}

/* Where a line may leave or reach an event at @x: the top or bottom of
 * what is drawn there. */
static double
edge_y (const BcLayoutEvent *e,
        double               x,
        gboolean             top)
{
  const BcRect *r = drawn_at (e, x);

  return top ? r->y : r->y + r->height;
}

/* The end of an event's time as drawn, halfway up: the end of its bar
 * (a range, or a month or year drawn as the span it covers), else the
 * side of its node. A line leaving there leaves after the event. */
static BcPoint
later_side (const BcLayoutEvent *e)
{
  if (e->bar.width > 0 && e->bar.x + e->bar.width > e->node.x + e->node.width)
    return (BcPoint) { e->bar.x + e->bar.width, e->bar.y + e->bar.height / 2 };
  return (BcPoint) { e->node.x + e->node.width, e->node.y + e->node.height / 2 };
}

/* The start of an event's time as drawn, halfway up. */
static BcPoint
earlier_side (const BcLayoutEvent *e)
{
  if (e->bar.width > 0 && e->bar.x < e->node.x)
    return (BcPoint) { e->bar.x, e->bar.y + e->bar.height / 2 };
  return (BcPoint) { e->node.x, e->node.y + e->node.height / 2 };
}

/* A shape from @p0 to @p3 that leaves horizontally (@out_side) or
 * vertically and arrives horizontally (@in_side) or vertically: a
 * quarter turn, or an S lying down when both are horizontal. */
static void
side_shape (BcPoint  p0,
            BcPoint  p3,
            gboolean out_side,
            gboolean in_side,
            BcPoint *out)
{
  double dx = p3.x - p0.x, dy = p3.y - p0.y;

  out[0] = p0;
  out[3] = p3;
  if (out_side && in_side)
    {
      out[1] = (BcPoint) { p0.x + dx * 0.5, p0.y };
      out[2] = (BcPoint) { p3.x - dx * 0.5, p3.y };
    }
  else if (out_side)
    {
      out[1] = (BcPoint) { p0.x + dx * 0.55, p0.y };
      out[2] = (BcPoint) { p3.x, p3.y - dy * 0.55 };
    }
  else
    {
      out[1] = (BcPoint) { p0.x, p0.y + dy * 0.55 };
      out[2] = (BcPoint) { p3.x - dx * 0.55, p3.y };
    }
}

/* The S shapes between rows whose bows are shifted by @shifts, each
 * with every bend (the first two only in a large case). */
static guint
s_shapes (BcPoint       p0,
          BcPoint       p3,
          const double *shifts,
          guint         n_shifts,
          gboolean      large,
          BcPoint       (*out)[4])
{
  static const double bends[][2] = { { 0.5, 0.5 }, { 0.8, 0.8 }, { 0.2, 0.2 }, { 0.35, 0.65 }, { 0.9, 0.1 } };
  double dy = p3.y - p0.y;
  guint n = 0;

  for (guint s = 0; s < n_shifts; s++)
    for (guint f = 0; f < G_N_ELEMENTS (bends) && (!large || f < 2); f++)
      {
        out[n][0] = p0;
        out[n][3] = p3;
        out[n][1] = (BcPoint) { p0.x + shifts[s], p0.y + dy * bends[f][0] };
        out[n][2] = (BcPoint) { p3.x + shifts[s], p0.y + dy * bends[f][1] };
        n++;
      }
  return n;
}

/* The shapes a line between @a and @b may take, most direct first:
 * between rows, an S that leaves and arrives vertically, its bend higher
 * or lower, bowed a little to one side or the other; within a row, an
 * arch above or below, lower or higher. Then, where the events' times
 * do not overlap, the shapes that leave an event by the end of its time
 * or reach one by its start (later_side(), earlier_side()): a label
 * below or above its node, where a vertical line would run through it,
 * is passed by. Last, but for a large case, S shapes bowed far out, to
 * find a way past a stack of labels. */
static guint
candidates (const BcLayoutEvent *a,
            const BcLayoutEvent *b,
            double               ax,
            double               bx,
            gboolean             large,
            BcPoint              (*out)[4])
{
  static const double near[] = { 0, -14, 14, -28, 28, -45, 45, -70, 70 };
  static const double far[] = { -100, 100, -140, 140, -200, 200, -280, 280 };
  static const double heights[] = { 18, 28, 40, 55, 75, 100 };
  double acy = a->node.y + a->node.height / 2, bcy = b->node.y + b->node.height / 2;
  gboolean up = bcy < acy, same_row = fabs (acy - bcy) < 1;
  BcPoint v0 = { ax, edge_y (a, ax, up) }, v3 = { bx, edge_y (b, bx, !up) };
  BcPoint s0 = later_side (a), s3 = earlier_side (b);
  guint n = 0;

  if (!same_row)
    n += s_shapes (v0, v3, near, large ? 3 : G_N_ELEMENTS (near), large, out + n);
  else
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

  if (same_row)
    {
      if (s3.x >= s0.x + SIDE_RUN)
        side_shape (s0, s3, TRUE, TRUE, out[n++]);
    }
  else
    {
      if (v3.x >= s0.x)
        side_shape (s0, v3, TRUE, FALSE, out[n++]);
      if (s3.x >= v0.x)
        side_shape (v0, s3, FALSE, TRUE, out[n++]);
      if (s3.x >= s0.x + 2 * SIDE_RUN)
        side_shape (s0, s3, TRUE, TRUE, out[n++]);
      if (!large)
        n += s_shapes (v0, v3, far, G_N_ELEMENTS (far), large, out + n);
    }
  g_assert (n <= MAX_CANDIDATES);
  return n;
}

/* The labels of @self's events, by event index, where they stand. */
static BcBoxGrid *
label_grid (BcLayout *self)
{
  /* Cells about as wide as a label: a long line looks in fewer of them. */
  BcBoxGrid *grid = _bc_box_grid_new (256);

  for (guint i = 0; i < self->events->len; i++)
    _bc_box_grid_add (grid, &g_array_index (self->events, BcLayoutEvent, i).label);
  return grid;
}

/* A line the router routes, and where in x its ends are fixed. */
typedef struct
{
  BcLayoutCurve *curve;
  double         ax, bx;
} Line;

struct _BcRouter
{
  BcLayout     *layout;
  BcBoxGrid    *labels; /* the events' labels, by event index */
  const BcRect *titles;
  guint         n_titles;
  BcRect        area;   /* where lines may run */
  guint        *seen;   /* by label: the stamp of the shape that last crossed it */
  guint         stamp;
  GArray       *hit;
  GArray       *lines;  /* Line */
  BcDetour     *detour; /* made when a line first needs it, for the labels
                         * where they stand */
  GArray       *corners;
};

/**
 * _bc_router_new:
 * @titles: the boxes of the lanes' titles, which must outlive the router
 * @area: where lines may run: the lanes
 *
 * A router for the lines of @self, once every event, label and lane has
 * its place.
 */
BcRouter *
_bc_router_new (BcLayout     *self,
                const BcRect *titles,
                guint         n_titles,
                const BcRect *area)
{
  BcRouter *router = g_new0 (BcRouter, 1);

  router->layout = self;
  router->labels = label_grid (self);
  router->titles = titles;
  router->n_titles = n_titles;
  router->area = *area;
  router->seen = g_new0 (guint, self->events->len + 1);
  router->hit = g_array_new (FALSE, FALSE, sizeof (guint));
  router->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  router->corners = g_array_new (FALSE, FALSE, sizeof (BcPoint));
  return router;
}

void
_bc_router_free (BcRouter *router)
{
  if (router == NULL)
    return;
  _bc_box_grid_free (router->labels);
  _bc_detour_free (router->detour);
  g_free (router->seen);
  g_array_unref (router->hit);
  g_array_unref (router->lines);
  g_array_unref (router->corners);
  g_free (router);
}

/**
 * _bc_router_add:
 * @c: a transfer or link of one segment whose ends' x (p[0].x and
 *   p[3].x) are fixed; it must outlive the router
 *
 * Adds @c to the lines _bc_router_run() routes.
 */
void
_bc_router_add (BcRouter      *router,
                BcLayoutCurve *c)
{
  Line line = { c, c->p[0].x, c->p[3].x };

  c->n_segments = 1;
  g_array_append_val (router->lines, line);
}

/* What crossing a cell costs a detour: a label or a lane title as much
 * as a long way round, another event's mark less; a storyline or a line
 * already routed a little, so that it is crossed rather than run along. */
#define DETOUR_TEXT 250
#define DETOUR_MARK 30
#define DETOUR_LINE 3

static BcDetour *
detour_grid (BcRouter *router)
{
  BcLayout *self = router->layout;

  if (router->detour != NULL)
    return router->detour;
  router->detour = _bc_detour_new (&router->area);
  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (self->events, BcLayoutEvent, i);
      BcRect label = { e->label.x - 2, e->label.y - 2, e->label.width + 4, e->label.height + 4 };

      _bc_detour_add (router->detour, &label, DETOUR_TEXT);
      _bc_detour_add (router->detour, &e->node, DETOUR_MARK);
      _bc_detour_add (router->detour, &e->bar, DETOUR_MARK);
      _bc_detour_add (router->detour, &e->mark, DETOUR_MARK);
    }
  for (guint t = 0; t < router->n_titles; t++)
    _bc_detour_add (router->detour, &router->titles[t], DETOUR_TEXT);
  for (guint i = 0; i < self->crossovers->len; i++)
    {
      GArray *points = g_array_index (self->crossovers, BcLayoutCrossover, i).points;

      _bc_detour_add_polyline (router->detour, (BcPoint *) points->data, points->len, DETOUR_LINE);
    }
  return router->detour;
}

/* Where a detour leaves or reaches @e at @x: halfway up what is drawn
 * there. */
static BcPoint
detour_end (const BcLayoutEvent *e,
            double               x)
{
  const BcRect *r = drawn_at (e, x);

  return (BcPoint) { x, r->y + r->height / 2 };
}

/* Gives @line a detour through the grid if it crosses fewer than
 * @best_count labels and titles and does not run back in time. */
static void
try_detour (BcRouter *router,
            Line     *line,
            Crossing *crossing,
            guint     best_count)
{
  BcLayout *self = router->layout;
  BcLayoutEvent *a = &g_array_index (self->events, BcLayoutEvent, line->curve->from);
  BcLayoutEvent *b = &g_array_index (self->events, BcLayoutEvent, line->curve->to);
  BcRect own[4] = { a->node, a->bar, b->node, b->bar };
  BcLayoutCurve detour = { 0 };
  BcPoint end;

  if (!_bc_detour_find (detour_grid (router), detour_end (a, line->ax), detour_end (b, line->bx),
                        own, 2, own + 2, 2, router->corners))
    return;
  if (!_bc_detour_to_curve (router->corners, own, 2, own + 2, 2, &detour))
    return;
  end = bc_layout_curve_end (&detour);
  if (line->ax <= line->bx && end.x < detour.p[0].x - 0.5)
    return;
  if (count_crossings (detour.p, detour.n_segments, router->labels, router->titles, router->n_titles,
                       crossing, SAMPLES, best_count) >= best_count)
    return;
  memcpy (line->curve->p, detour.p, (3 * detour.n_segments + 1) * sizeof (BcPoint));
  line->curve->n_segments = detour.n_segments;
}

/* Gives @line the shape, of those it may take, that crosses the fewest
 * labels and lane titles, the most direct of them on a tie; where each
 * crosses some and @detours, a detour if one crosses fewer. */
static void
route_line (BcRouter *router,
            Line     *line,
            gboolean  detours)
{
  BcLayout *self = router->layout;
  BcLayoutCurve *c = line->curve;
  BcLayoutEvent *a = &g_array_index (self->events, BcLayoutEvent, c->from);
  BcLayoutEvent *b = &g_array_index (self->events, BcLayoutEvent, c->to);
  BcPoint shapes[MAX_CANDIDATES][4];
  Crossing crossing = { { 0 }, { 0 }, router->hit, router->seen, router->stamp, 0 };
  guint n = candidates (a, b, line->ax, line->bx, self->events->len > LARGE_CASE, shapes);
  guint best = 0, best_count = G_MAXUINT;

  for (guint i = 0; i < n && best_count > 0; i++)
    {
      guint count = count_crossings (shapes[i], 1, router->labels, router->titles, router->n_titles,
                                     &crossing, SAMPLES, best_count);

      if (count < best_count)
        {
          best = i;
          best_count = count;
        }
    }
  memcpy (c->p, shapes[best], sizeof shapes[best]);
  c->n_segments = 1;
  if (best_count > 0 && detours)
    try_detour (router, line, &crossing, best_count);
  router->stamp = crossing.stamp;
}

/* Moving labels off the lines: the chords of every line, in a grid. */
typedef struct
{
  BcPoint a, b;
  guint   line;
} Chord;

typedef struct
{
  GArray       *chords;
  guint        *seen;  /* by line: the stamp of the last count it was in */
  guint         stamp;
  const BcRect *box;
  guint         count;
} ChordCount;

static gboolean
chord_cb (guint         id,
          const BcRect *r,
          gpointer      data)
{
  ChordCount *cc = data;
  Chord *chord = &g_array_index (cc->chords, Chord, id);

  if (cc->seen[chord->line] != cc->stamp && segment_meets (chord->a, chord->b, cc->box))
    {
      cc->seen[chord->line] = cc->stamp;
      cc->count++;
    }
  return FALSE;
}

/* How many lines pass through @box grown by @pad on each side. */
static guint
lines_through (BcBoxGrid    *grid,
               ChordCount   *cc,
               const BcRect *box,
               double        pad)
{
  BcRect padded = { box->x - pad, box->y - pad, box->width + 2 * pad, box->height + 2 * pad };

  cc->stamp++;
  cc->box = &padded;
  cc->count = 0;
  _bc_box_grid_any (grid, &padded, chord_cb, cc);
  return cc->count;
}

typedef struct
{
  BcLayout     *layout;
  GArray       *owner; /* guint: the event each box of the grid is the label of */
  guint         event;
  const BcRect *box;
} LabelMeets;

/* The leader from an event's node or bar to its label at @spot. */
static void
leader_ends (const BcLayoutEvent *e,
             const BcRect        *spot,
             BcPoint             *from,
             BcPoint             *to)
{
  BcRect u = bc_rect_union (e->node, e->bar);
  gboolean on_right = spot->x > u.x;

  *from = (BcPoint) { on_right ? u.x + u.width : u.x, e->node.y + e->node.height / 2 };
  *to = (BcPoint) { on_right ? spot->x : spot->x + spot->width, spot->y + spot->height / 2 };
}

typedef struct
{
  BcLayout            *layout;
  GArray              *owner;
  guint                event;
  BcPoint              a, b;
} LeaderMeets;

/* Whether a leader runs through another event's label. */
static gboolean
leader_label_cb (guint         id,
                 const BcRect *r,
                 gpointer      data)
{
  LeaderMeets *m = data;
  guint e = g_array_index (m->owner, guint, id);
  const BcRect *now = &g_array_index (m->layout->events, BcLayoutEvent, e).label;

  return e != m->event && segment_meets (m->a, m->b, now) && segment_meets (m->a, m->b, r);
}

/* Whether a leader runs through a node, bar, mark or title other than
 * those of its own event. */
static gboolean
leader_mark_cb (guint         id,
                const BcRect *r,
                gpointer      data)
{
  LeaderMeets *m = data;
  const BcLayoutEvent *own = &g_array_index (m->layout->events, BcLayoutEvent, m->event);

  if (memcmp (r, &own->node, sizeof *r) == 0 || memcmp (r, &own->bar, sizeof *r) == 0 ||
      memcmp (r, &own->mark, sizeof *r) == 0)
    return FALSE;
  return segment_meets (m->a, m->b, r);
}

/* Whether another event's leader, where it runs now, crosses the box. */
static gboolean
crosses_leader_cb (guint         id,
                   const BcRect *r,
                   gpointer      data)
{
  LabelMeets *m = data;
  guint e = g_array_index (m->owner, guint, id);
  const BcLayoutEvent *other = &g_array_index (m->layout->events, BcLayoutEvent, e);

  return e != m->event && other->leader && segment_meets (other->leader_from, other->leader_to, m->box);
}

static void
add_leader (BcBoxGrid           *leaders,
            GArray              *owner,
            const BcLayoutEvent *e,
            guint                event)
{
  BcRect box = segment_box (e->leader_from, e->leader_to, 0);

  _bc_box_grid_add (leaders, &box);
  g_array_append_val (owner, event);
}

static gboolean
leader_blocked (BcRouter  *router,
                BcBoxGrid *marks,
                GArray    *owner,
                guint      event,
                BcPoint    from,
                BcPoint    to)
{
  LeaderMeets m = { router->layout, owner, event, from, to };
  BcRect box = segment_box (from, to, 0);

  return _bc_box_grid_any (router->labels, &box, leader_label_cb, &m) ||
         _bc_box_grid_any (marks, &box, leader_mark_cb, &m);
}

/* Whether the box is another event's label where it stands now: a moved
 * label is in the grid twice, where it was and where it is. */
static gboolean
label_meets_cb (guint         id,
                const BcRect *r,
                gpointer      data)
{
  LabelMeets *m = data;
  guint e = g_array_index (m->owner, guint, id);
  const BcRect *now = &g_array_index (m->layout->events, BcLayoutEvent, e).label;

  return e != m->event && bc_rect_intersects (now, m->box) && bc_rect_intersects (r, m->box);
}

/* Lines are routed again around the labels moved, and labels moved off
 * them again, this many times in all. */
#define ROUNDS      2
/* A label beside its node may stand up to SPOT_STEPS steps lower or
 * higher, with a leader line. */
#define SPOT_STEP   20.0
#define SPOT_STEPS  5
#define LABEL_SPOTS (8 + 4 * SPOT_STEPS)

/* The places a label may stand about its event's node, bar and
 * annotation mark: right, left, below and above (under the node,
 * centred on it, ending with it), and right or left a few steps lower
 * or higher, nearest first, with a leader line. */
static guint
label_spots (const BcLayoutEvent *e,
             BcRect              *out,
             gboolean            *leader)
{
  BcRect u = bc_rect_union (bc_rect_union (e->node, e->bar), e->mark);
  double w = e->label.width, h = e->label.height;
  double cx = e->node.x + e->node.width / 2, cy = e->node.y + e->node.height / 2;
  double below = u.y + u.height + LABEL_GAP, above = u.y - LABEL_GAP - h;
  double right = u.x + u.width + LABEL_GAP, left = u.x - LABEL_GAP - w;
  guint n = 0;

  out[n++] = (BcRect) { right, cy - h / 2, w, h };
  out[n++] = (BcRect) { left, cy - h / 2, w, h };
  out[n++] = (BcRect) { e->node.x, below, w, h };
  out[n++] = (BcRect) { e->node.x, above, w, h };
  out[n++] = (BcRect) { cx - w / 2, below, w, h };
  out[n++] = (BcRect) { cx - w / 2, above, w, h };
  out[n++] = (BcRect) { e->node.x + e->node.width - w, below, w, h };
  out[n++] = (BcRect) { e->node.x + e->node.width - w, above, w, h };
  for (guint k = 0; k < n; k++)
    leader[k] = FALSE;
  for (int step = 1; step <= SPOT_STEPS; step++)
    {
      leader[n] = TRUE;
      out[n++] = (BcRect) { right, cy + step * SPOT_STEP - h / 2, w, h };
      leader[n] = TRUE;
      out[n++] = (BcRect) { left, cy + step * SPOT_STEP - h / 2, w, h };
      leader[n] = TRUE;
      out[n++] = (BcRect) { right, cy - step * SPOT_STEP - h / 2, w, h };
      leader[n] = TRUE;
      out[n++] = (BcRect) { left, cy - step * SPOT_STEP - h / 2, w, h };
    }
  g_assert (n <= LABEL_SPOTS);
  return n;
}

/* What a place costs a label: the lines through it, then those that
 * pass within a halo of it. */
static guint
spot_cost (BcBoxGrid    *grid,
           ChordCount   *cc,
           const BcRect *box)
{
  guint through = lines_through (grid, cc, box, 0);

  return through * 1000 + MIN (lines_through (grid, cc, box, HALO_PAD), 999);
}

/* Each label a line crosses is tried in the other places about its
 * node, and moves to the one the fewest lines cross if that is fewer
 * than where it stands, clear of every other label, node, bar, mark and
 * lane title, within @room of its lane. */
static void
move_crossed_labels (BcRouter     *router,
                     const BcRect *room)
{
  BcLayout *self = router->layout;
  g_autoptr(GArray) chords = g_array_new (FALSE, FALSE, sizeof (Chord));
  g_autoptr(GArray) owner = g_array_new (FALSE, FALSE, sizeof (guint));
  BcBoxGrid *grid = _bc_box_grid_new (256);
  BcBoxGrid *marks = _bc_box_grid_new (256);
  guint n_lines = router->lines->len;
  g_autofree guint *line_seen = g_new0 (guint, n_lines + 1);
  BcBoxGrid *leaders = _bc_box_grid_new (256);
  g_autoptr(GArray) leader_owner = g_array_new (FALSE, FALSE, sizeof (guint));
  ChordCount cc = { chords, line_seen, 0, NULL, 0 };

  for (guint l = 0; l < n_lines; l++)
    {
      BcLayoutCurve *c = g_array_index (router->lines, Line, l).curve;
      guint samples = SAMPLES * c->n_segments;
      BcPoint a = c->p[0];

      for (guint s = 1; s <= samples; s++)
        {
          Chord chord = { a, bc_layout_curve_at (c, s / (double) samples), l };
          BcRect box = segment_box (chord.a, chord.b, 0);

          g_array_append_val (chords, chord);
          _bc_box_grid_add (grid, &box);
          a = chord.b;
        }
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (self->events, BcLayoutEvent, i);

      g_array_append_val (owner, i);
      if (e->leader)
        add_leader (leaders, leader_owner, e, i);
      _bc_box_grid_add (marks, &e->node);
      if (e->bar.width > 0)
        _bc_box_grid_add (marks, &e->bar);
      if (e->mark.width > 0)
        _bc_box_grid_add (marks, &e->mark);
    }
  for (guint t = 0; t < router->n_titles; t++)
    _bc_box_grid_add (marks, &router->titles[t]);

  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (self->events, BcLayoutEvent, i);
      BcRect spots[LABEL_SPOTS];
      gboolean leader[LABEL_SPOTS];
      guint n, best = G_MAXUINT, best_count;

      if (e->label.width <= 0)
        continue;
      best_count = spot_cost (grid, &cc, &e->label);
      if (best_count == 0)
        continue;
      n = label_spots (e, spots, leader);
      for (guint k = 0; k < n && best_count > 0; k++)
        {
          LabelMeets meets = { self, owner, i, &spots[k] };
          LabelMeets across = { self, leader_owner, i, &spots[k] };
          BcPoint from, to;
          guint count;

          if (!bc_rect_contains (&room[e->lane], &spots[k]) ||
              _bc_box_grid_meets (marks, &spots[k], 0) ||
              _bc_box_grid_any (router->labels, &spots[k], label_meets_cb, &meets) ||
              _bc_box_grid_any (leaders, &spots[k], crosses_leader_cb, &across))
            continue;
          if (leader[k])
            {
              leader_ends (e, &spots[k], &from, &to);
              if (leader_blocked (router, marks, owner, i, from, to))
                continue;
            }
          count = spot_cost (grid, &cc, &spots[k]);
          if (count < best_count)
            {
              best = k;
              best_count = count;
            }
        }
      if (best == G_MAXUINT)
        continue;
      e->label = spots[best];
      e->leader = leader[best];
      if (e->leader)
        {
          leader_ends (e, &e->label, &e->leader_from, &e->leader_to);
          add_leader (leaders, leader_owner, e, i);
        }
      _bc_box_grid_add (router->labels, &e->label);
      g_array_append_val (owner, i);
    }
  _bc_box_grid_free (grid);
  _bc_box_grid_free (marks);
  _bc_box_grid_free (leaders);
}

/**
 * _bc_router_run:
 * @room: (array): for each lane, where its labels may stand
 *
 * Routes the lines added; then the labels lines cross move, where they
 * can, to a place about their node that fewer lines cross, and the
 * lines are routed again around them; the labels still crossed get a
 * halo.
 */
void
_bc_router_run (BcRouter     *router,
                const BcRect *room)
{
  BcLayout *self = router->layout;
  Crossing crossing = { { 0 }, { 0 }, router->hit, router->seen, 0, HALO_PAD };

  /* A large case has one round, which takes as long as routing, and
   * no detours. */
  int rounds = self->events->len > LARGE_CASE ? 1 : ROUNDS;

  for (int round = 0; round < rounds; round++)
    {
      /* Detours go round the labels once they have moved off the lines. */
      gboolean detours = round > 0;

      for (guint l = 0; l < router->lines->len; l++)
        {
          BcLayoutCurve *c = g_array_index (router->lines, Line, l).curve;

          route_line (router, &g_array_index (router->lines, Line, l), detours);
          if (detours)
            _bc_detour_add_curve (detour_grid (router), c, DETOUR_LINE);
        }
      move_crossed_labels (router, room);
      /* The labels where they stand now, for the lines and the halos. */
      _bc_box_grid_free (router->labels);
      router->labels = label_grid (self);
      g_clear_pointer (&router->detour, _bc_detour_free);
    }
  for (guint i = 0; i < self->events->len; i++)
    g_array_index (self->events, BcLayoutEvent, i).halo = FALSE;
  crossing.stamp = router->stamp;
  for (guint l = 0; l < router->lines->len; l++)
    {
      BcLayoutCurve *c = g_array_index (router->lines, Line, l).curve;

      count_crossings (c->p, c->n_segments, router->labels, router->titles, router->n_titles,
                       &crossing, HALO_SAMPLES, G_MAXUINT);
      for (guint i = 0; i < router->hit->len; i++)
        g_array_index (self->events, BcLayoutEvent, g_array_index (router->hit, guint, i)).halo = TRUE;
    }
  router->stamp = crossing.stamp;
}
