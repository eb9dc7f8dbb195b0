/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"

/* Detours: where no simple shape takes a line past the labels, it runs
 * along a path of straight runs and turns through a grid of cells that
 * each cost what crossing them would spoil. The search is A* over the
 * cells and the way a line is heading in them, with a price on every
 * turn, so that the path has few corners; the corners are then rounded
 * and the path becomes a chain of Bézier segments. */

/* How large a cell is, in pixels of the layout. */
#define CELL        6.0
/* What one step costs, and one more for a step back in time. */
#define STEP        2
#define STEP_BACK   2
/* What a turn costs, in steps. */
#define TURN        12
/* How far beyond the box of its ends a detour may run. */
#define REACH_X     240.0
#define REACH_Y     120.0
/* A search of more cells than this is not made: the line keeps its
 * shape and its halos. */
#define MAX_CELLS   120000
/* A search of more cells than this is made in a coarser grid. */
#define FINE_CELLS  6000
/* The most runs a detour may have: with a corner between each two, a
 * chain of 2 × MAX_RUNS − 1 segments. */
#define MAX_RUNS    ((BC_CURVE_MAX_SEGMENTS + 1) / 2)
/* Marks, while a search's costs are set up, a cell of the event a line
 * reaches: free, but not to be entered heading back in time. No cell
 * costs as much: costs stop at MAX_COST. */
#define ARRIVAL     G_MAXUINT8
#define MAX_COST    (ARRIVAL - 1)
/* What the last run keeps straight for the arrow's head, which the
 * painter draws 8 px long and more for a heavier line. */
#define ARROW_ROOM  9.0
/* How round a corner is at most. */
#define CORNER      8.0

/* A state of the search is a cell and the way the line runs through it:
 * across or up and down. */
enum { ACROSS, UP_DOWN, N_WAYS };

static const int dx_of[] = { 1, -1, 0, 0 };
static const int dy_of[] = { 0, 0, 1, -1 };

/* The f of a search state grows by less than this in one step (the
 * dearest cell, a turn, a step back): the queue is a ring of this many
 * buckets of states, one for each f (Dial's bucket queue). */
#define N_BUCKETS 1024

struct _BcDetour
{
  double   x, y;       /* the top-left corner of cell 0 */
  int      cols, rows;
  guint8  *cost;       /* by cell: what entering it costs besides a step */
  /* What a search uses, kept for the next. */
  guint32 *g;          /* by state: the cost of the cheapest way there */
  guint32 *came;       /* by state: the state before it on that way */
  gsize    n_states;
  GArray  *buckets[N_BUCKETS];
};

/* auxiliary functions */

/* The cells @r meets, within the grid: columns c0..c1, rows r0..r1. */
static gboolean
cells_of (BcDetour     *d,
          const BcRect *r,
          int          *c0,
          int          *r0,
          int          *c1,
          int          *r1)
{
  if (r->width <= 0 || r->height <= 0)
    return FALSE;
  *c0 = MAX (0, (int) floor ((r->x - d->x) / CELL));
  *r0 = MAX (0, (int) floor ((r->y - d->y) / CELL));
  *c1 = MIN (d->cols - 1, (int) floor ((r->x + r->width - d->x) / CELL));
  *r1 = MIN (d->rows - 1, (int) floor ((r->y + r->height - d->y) / CELL));
  return *c0 <= *c1 && *r0 <= *r1;
}

/* What is left to the goal at the least: a step for each cell across
 * and up or down. It never overstates what a step costs, so the f of
 * the states taken from the queue never falls (and a bucket queue
 * works). */
static inline guint32
estimate (int     col,
          int     row,
          int     tc,
          int     tr,
          guint32 step)
{
  return (guint32) (step * (abs (tc - col) + abs (tr - row)));
}

/* Where the run from @inside towards @towards leaves the boxes: the
 * first point along it inside none of them. */
static BcPoint
leave_boxes (BcPoint       inside,
             BcPoint       towards,
             const BcRect *boxes,
             guint         n_boxes)
{
  BcPoint p = inside;

  for (guint round = 0; round < n_boxes; round++)
    for (guint i = 0; i < n_boxes; i++)
      {
        const BcRect *r = &boxes[i];

        if (r->width <= 0 || !bc_rect_contains_point (r, p.x, p.y, 0.01))
          continue;
        if (towards.x > p.x + 0.01)
          p.x = MIN (towards.x, r->x + r->width);
        else if (towards.x < p.x - 0.01)
          p.x = MAX (towards.x, r->x);
        else if (towards.y > p.y)
          p.y = MIN (towards.y, r->y + r->height);
        else
          p.y = MAX (towards.y, r->y);
      }
  return p;
}

static gboolean
inside_boxes (BcPoint       p,
              const BcRect *boxes,
              guint         n_boxes)
{
  for (guint i = 0; i < n_boxes; i++)
    if (boxes[i].width > 0 && bc_rect_contains_point (&boxes[i], p.x, p.y, 0.01))
      return TRUE;
  return FALSE;
}

/* Adds @cost to each cell the chord a–b runs through, but for the cell
 * @last the chord before it ended in, so that no cell of one line is
 * counted twice in a row. */
static void
add_chord (BcDetour *d,
           BcPoint   a,
           BcPoint   b,
           guint8    cost,
           gsize    *last)
{
  int steps = MAX (1, (int) ceil (hypot (b.x - a.x, b.y - a.y) / (CELL / 2)));

  for (int k = 1; k <= steps; k++)
    {
      double x = a.x + (b.x - a.x) * k / steps, y = a.y + (b.y - a.y) * k / steps;
      int col = (int) floor ((x - d->x) / CELL), row = (int) floor ((y - d->y) / CELL);
      gsize cell;

      if (col < 0 || row < 0 || col >= d->cols || row >= d->rows)
        continue;
      cell = (gsize) row * d->cols + col;
      if (cell != *last)
        d->cost[cell] = MIN (MAX_COST, d->cost[cell] + cost);
      *last = cell;
    }
}

/* A straight segment from @a to @b, as a Bézier. */
static void
straight (BcPoint *p,
          BcPoint  a,
          BcPoint  b)
{
  p[0] = a;
  p[1] = (BcPoint) { a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3 };
  p[2] = (BcPoint) { a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3 };
  p[3] = b;
}

/* public functions */

BcDetour *
_bc_detour_new (const BcRect *area)
{
  BcDetour *d = g_new0 (BcDetour, 1);

  d->x = area->x;
  d->y = area->y;
  d->cols = MAX (1, (int) ceil (area->width / CELL));
  d->rows = MAX (1, (int) ceil (area->height / CELL));
  d->cost = g_new0 (guint8, (gsize) d->cols * d->rows);
  return d;
}

void
_bc_detour_free (BcDetour *d)
{
  if (d == NULL)
    return;
  g_free (d->cost);
  g_free (d->g);
  g_free (d->came);
  for (guint i = 0; i < N_BUCKETS; i++)
    if (d->buckets[i] != NULL)
      g_array_unref (d->buckets[i]);
  g_free (d);
}

/**
 * _bc_detour_add:
 * @r: a box a line should keep out of
 * @cost: what entering each of its cells costs, in steps
 *
 * Raises the cost of the cells @r meets to @cost at the least.
 */
void
_bc_detour_add (BcDetour     *d,
                const BcRect *r,
                guint8        cost)
{
  int c0, r0, c1, r1;

  if (!cells_of (d, r, &c0, &r0, &c1, &r1))
    return;
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      {
        guint8 *c = &d->cost[(gsize) row * d->cols + col];

        *c = MAX (*c, MIN (cost, MAX_COST));
      }
}

/**
 * _bc_detour_add_polyline:
 * @p: (array length=n_points): the corners of a line drawn straight
 *   between them
 * @cost: what entering each cell it runs through costs more, in steps
 *
 * Makes the cells a drawn line runs through dearer, so that a detour
 * crosses it rather than run along it.
 */
void
_bc_detour_add_polyline (BcDetour      *d,
                         const BcPoint *p,
                         guint          n_points,
                         guint8         cost)
{
  gsize last = G_MAXSIZE;

  for (guint i = 0; i < n_points; i++)
    add_chord (d, i > 0 ? p[i - 1] : p[0], p[i], cost, &last);
}

/**
 * _bc_detour_add_curve:
 * @c: a line of the layout
 * @cost: what entering each cell it runs through costs more, in steps
 *
 * As _bc_detour_add_polyline(), for a chain of Bézier segments followed
 * by a dozen chords each.
 */
void
_bc_detour_add_curve (BcDetour            *d,
                      const BcLayoutCurve *c,
                      guint8               cost)
{
  enum { PER_SEGMENT = 12 };
  gsize last = G_MAXSIZE;
  BcPoint a = c->p[0];

  for (guint seg = 0; seg < c->n_segments; seg++)
    for (int k = 1; k <= PER_SEGMENT; k++)
      {
        BcPoint b = bc_curve_point (&c->p[3 * seg], k / (double) PER_SEGMENT);

        add_chord (d, a, b, cost, &last);
        a = b;
      }
}

/**
 * _bc_detour_find:
 * @from: where the line starts, inside its event's node or bar
 * @to: where it ends, inside the other's
 * @own_from: (array length=n_from): the nodes and bars of the event the
 *   line leaves, which cost it nothing
 * @own_to: (array length=n_to): those of the event it reaches, which
 *   cost it nothing either, but which it never enters heading back in
 *   time: its arrow's head points forward, or up or down
 * @corners: (element-type BcPoint): set to the path, @from first and @to
 *   last, each run straight across or up and down
 *
 * Returns: whether a path was found, of at most MAX_RUNS runs
 */
gboolean
_bc_detour_find (BcDetour     *d,
                 BcPoint       from,
                 BcPoint       to,
                 const BcRect *own_from,
                 guint         n_from,
                 const BcRect *own_to,
                 guint         n_to,
                 GArray       *corners)
{
  BcRect reach = { MIN (from.x, to.x) - REACH_X, MIN (from.y, to.y) - REACH_Y,
                   fabs (to.x - from.x) + 2 * REACH_X, fabs (to.y - from.y) + 2 * REACH_Y };
  int c0, r0, c1, r1, wide, high, stride, cols, rows, fc, fr, tc, tr;
  guint32 step;
  gsize n_states;
  guint32 *g, *came, f;
  guint queued;
  g_autofree guint8 *fine = NULL;
  g_autofree guint8 *cost = NULL;
  g_autofree guint8 *arrival = NULL;
  g_autoptr(GArray) path = NULL;
  guint32 goal = G_MAXUINT32;

  g_array_set_size (corners, 0);
  if (!cells_of (d, &reach, &c0, &r0, &c1, &r1))
    return FALSE;
  wide = c1 - c0 + 1;
  high = r1 - r0 + 1;
  if ((gsize) wide * high > MAX_CELLS)
    return FALSE;

  /* The costs of the window, the line's own events free. */
  fine = g_new (guint8, (gsize) wide * high);
  for (int row = 0; row < high; row++)
    memcpy (fine + (gsize) row * wide, d->cost + (gsize) (r0 + row) * d->cols + c0, wide);
  for (guint i = 0; i < n_from + n_to; i++)
    {
      const BcRect *own = i < n_from ? &own_from[i] : &own_to[i - n_from];
      BcRect grown = { own->x - CELL / 2, own->y - CELL / 2, own->width + CELL, own->height + CELL };
      int fc0, fr0, fc1, fr1;

      if (own->width <= 0 || !cells_of (d, &grown, &fc0, &fr0, &fc1, &fr1))
        continue;
      for (int row = MAX (fr0, r0); row <= MIN (fr1, r1); row++)
        for (int col = MAX (fc0, c0); col <= MIN (fc1, c1); col++)
          fine[(gsize) (row - r0) * wide + col - c0] = i < n_from ? 0 : ARRIVAL;
    }

  /* A long line searches a coarser grid, each of its cells a square of
   * @stride × @stride cells that costs what the dearest of them does. */
  stride = 1;
  while ((gsize) wide * high > (gsize) FINE_CELLS * stride * stride)
    stride++;
  cols = (wide + stride - 1) / stride;
  rows = (high + stride - 1) / stride;
  step = STEP * stride;
  cost = g_new0 (guint8, (gsize) cols * rows);
  arrival = g_new0 (guint8, (gsize) cols * rows);
  for (int row = 0; row < high; row++)
    for (int col = 0; col < wide; col++)
      {
        gsize at = (gsize) (row / stride) * cols + col / stride;
        guint8 here = fine[(gsize) row * wide + col];

        if (here == ARRIVAL)
          arrival[at] = TRUE;
        else
          cost[at] = MAX (cost[at], here);
      }
  fc = (CLAMP ((int) floor ((from.x - d->x) / CELL), c0, c1) - c0) / stride;
  fr = (CLAMP ((int) floor ((from.y - d->y) / CELL), r0, r1) - r0) / stride;
  tc = (CLAMP ((int) floor ((to.x - d->x) / CELL), c0, c1) - c0) / stride;
  tr = (CLAMP ((int) floor ((to.y - d->y) / CELL), r0, r1) - r0) / stride;

  n_states = (gsize) cols * rows * N_WAYS;
  if (n_states > d->n_states)
    {
      d->g = g_renew (guint32, d->g, n_states);
      d->came = g_renew (guint32, d->came, n_states);
      d->n_states = n_states;
    }
  g = d->g;
  came = d->came;
  memset (g, 0xff, n_states * sizeof *g);
  for (guint i = 0; i < N_BUCKETS; i++)
    {
      if (d->buckets[i] == NULL)
        d->buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_set_size (d->buckets[i], 0);
    }
  f = estimate (fc, fr, tc, tr, step);
  for (int w = 0; w < N_WAYS; w++)
    {
      guint32 s = ((guint32) fr * cols + fc) * N_WAYS + w;

      g[s] = 0;
      came[s] = G_MAXUINT32;
      g_array_append_val (d->buckets[f % N_BUCKETS], s);
    }
  queued = N_WAYS;

  while (queued > 0 && goal == G_MAXUINT32)
    {
      GArray *bucket = d->buckets[f % N_BUCKETS];

      if (bucket->len == 0)
        {
          f++;
          continue;
        }
      while (bucket->len > 0)
        {
          guint32 state = g_array_index (bucket, guint32, bucket->len - 1);
          guint32 cell = state / N_WAYS;
          int way = state % N_WAYS;
          int col = cell % cols, row = cell / cols;

          g_array_set_size (bucket, bucket->len - 1);
          queued--;
          if (g[state] + estimate (col, row, tc, tr, step) != f)
            continue; /* reached more cheaply since */
          if (col == tc && row == tr)
            {
              goal = state;
              break;
            }
          for (int m = 0; m < 4; m++)
            {
              int nc = col + dx_of[m], nr = row + dy_of[m], nw = m < 2 ? ACROSS : UP_DOWN;
              guint32 ns, ng, nf;

              if (nc < 0 || nr < 0 || nc >= cols || nr >= rows)
                continue;
              /* The arrow's head never points back in time. */
              if (dx_of[m] < 0 && arrival[(gsize) nr * cols + nc])
                continue;

              ns = ((guint32) nr * cols + nc) * N_WAYS + nw;
              ng = g[state] + step + (dx_of[m] < 0 ? STEP_BACK * stride : 0) +
                   cost[(gsize) nr * cols + nc] + (nw != way && came[state] != G_MAXUINT32 ? TURN : 0);
              if (ng >= g[ns])
                continue;
              g[ns] = ng;
              came[ns] = state;
              nf = ng + estimate (nc, nr, tc, tr, step);
              g_assert (nf >= f && nf - f < N_BUCKETS);
              g_array_append_val (d->buckets[nf % N_BUCKETS], ns);
              queued++;
            }
        }
    }
  if (goal == G_MAXUINT32)
    return FALSE;

  /* The states of the path, start first; a state's heading is that of
   * the step into its cell, and the path turns in a cell where the step
   * out of it heads elsewhere. */
  path = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 s = goal; s != G_MAXUINT32; s = came[s])
    g_array_prepend_val (path, s);
  g_array_append_val (corners, from);
  for (guint i = 1; i + 1 < path->len; i++)
    {
      guint32 here = g_array_index (path, guint32, i), next = g_array_index (path, guint32, i + 1);
      guint32 cell = here / N_WAYS;
      /* The middle of a coarse cell, or of what of it is in the window. */
      BcPoint p = { d->x + (c0 + MIN ((cell % cols + 0.5) * stride, wide - 0.5)) * CELL,
                    d->y + (r0 + MIN ((cell / cols + 0.5) * stride, high - 0.5)) * CELL };

      if (here % N_WAYS != next % N_WAYS)
        g_array_append_val (corners, p);
    }
  g_array_append_val (corners, to);
  if (corners->len - 1 > MAX_RUNS)
    {
      g_array_set_size (corners, 0);
      return FALSE;
    }

  /* The first and last runs line up with the ends exactly: each corner
   * takes from the end before or after it the coordinate the run
   * between them keeps. */
  if (corners->len > 2)
    {
      BcPoint *p = (BcPoint *) corners->data;
      guint n = corners->len;
      int first = g_array_index (path, guint32, 1) % N_WAYS;
      int last = g_array_index (path, guint32, path->len - 1) % N_WAYS;

      if (first == ACROSS)
        p[1].y = from.y;
      else
        p[1].x = from.x;
      if (last == ACROSS)
        p[n - 2].y = to.y;
      else
        p[n - 2].x = to.x;
    }
  return TRUE;
}

/**
 * _bc_detour_to_curve:
 * @corners: (element-type BcPoint): a path of _bc_detour_find()
 * @own_from: (array length=n_from): the boxes of the event the line leaves
 * @own_to: (array length=n_to): the boxes of the event it reaches
 * @c: set to the path as a chain of segments, its corners rounded, from
 *   where it leaves the first event's boxes to where it reaches the
 *   other's
 *
 * Returns: whether the path leaves the first event's boxes before it
 *   reaches the other's; @c is left as it was if not
 */
gboolean
_bc_detour_to_curve (GArray        *corners,
                     const BcRect  *own_from,
                     guint          n_from,
                     const BcRect  *own_to,
                     guint          n_to,
                     BcLayoutCurve *c)
{
  BcPoint w[MAX_RUNS + 1];
  guint n = corners->len, seg = 0, first = 0, last;
  BcPoint start, end, at;

  G_STATIC_ASSERT (2 * MAX_RUNS - 1 <= BC_CURVE_MAX_SEGMENTS);
  g_assert (n >= 2 && n - 1 <= MAX_RUNS);

  memcpy (w, corners->data, n * sizeof (BcPoint));
  /* The path starts where it last leaves the first event's boxes, and
   * ends where it first enters the other's: what runs inside them, under
   * the node, is not drawn. */
  last = n - 1;
  while (first + 1 < last && inside_boxes (w[first + 1], own_from, n_from))
    first++;
  while (last - 1 > first && inside_boxes (w[last - 1], own_to, n_to))
    last--;
  start = leave_boxes (w[first], w[first + 1], own_from, n_from);
  end = leave_boxes (w[last], w[last - 1], own_to, n_to);
  /* Where both ends are on one run and the events' boxes overlap along
   * it, they may pass each other: no detour then. */
  if (last == first + 1 &&
      (end.x - start.x) * (w[last].x - w[first].x) + (end.y - start.y) * (w[last].y - w[first].y) <= 0)
    return FALSE;
  w[first] = start;
  w[last] = end;
  memmove (w, w + first, (last - first + 1) * sizeof (BcPoint));
  n = last - first + 1;
  at = start;
  for (guint i = 1; i < n - 1; i++)
    {
      BcPoint prev = w[i - 1], next = w[i + 1];
      double in = hypot (w[i].x - prev.x, w[i].y - prev.y);
      double out = hypot (next.x - w[i].x, next.y - w[i].y);
      /* Half of each run between corners, all of the first run, and all
       * of the last but room for the arrow's head. */
      double r = MIN (CORNER, MIN (i == 1 ? in : in / 2, i == n - 2 ? MAX (0, out - ARROW_ROOM) : out / 2));
      BcPoint a, b;

      if (r < 0.5 || in < 1e-6 || out < 1e-6)
        {
          if (hypot (w[i].x - at.x, w[i].y - at.y) > 1e-6)
            straight (&c->p[3 * seg++], at, w[i]);
          at = w[i];
          continue;
        }
      a = (BcPoint) { w[i].x + (prev.x - w[i].x) * r / in, w[i].y + (prev.y - w[i].y) * r / in };
      b = (BcPoint) { w[i].x + (next.x - w[i].x) * r / out, w[i].y + (next.y - w[i].y) * r / out };
      if (hypot (a.x - at.x, a.y - at.y) > 1e-6)
        straight (&c->p[3 * seg++], at, a);
      /* The quarter circle's Bézier: its handles 0.55 of the radius. */
      c->p[3 * seg] = a;
      c->p[3 * seg + 1] = (BcPoint) { a.x + (w[i].x - a.x) * 0.55, a.y + (w[i].y - a.y) * 0.55 };
      c->p[3 * seg + 2] = (BcPoint) { b.x + (w[i].x - b.x) * 0.55, b.y + (w[i].y - b.y) * 0.55 };
      c->p[3 * seg + 3] = b;
      seg++;
      at = b;
    }
  if (seg == 0 || hypot (end.x - at.x, end.y - at.y) > 1e-6)
    straight (&c->p[3 * seg++], at, end);
  c->n_segments = seg;
  return TRUE;
}
