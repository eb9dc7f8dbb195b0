/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "legibility"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-render-private.h"
#include "legibility.h"

#define CELL     64.0
#define EPSILON  0.01
#define SAMPLES  32
/* How far, in x, a storyline may run past the span of its positions:
 * a transition between two positions that follow closely. */
#define STORY_SLACK 12.0
#define MAX_WHY  12

/* A uniform grid of boxes, so that counting overlaps among thousands of
 * labels costs what the neighbourhoods hold, not the square of it. */
typedef struct
{
  GHashTable *cells; /* cell key → GArray of guint */
  GArray     *boxes; /* BcRect */
} Grid;

static guint64
cell_key (int cx,
          int cy)
{
  return ((guint64) (guint32) cx << 32) | (guint32) cy;
}

static void
grid_init (Grid *g)
{
  g->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g->boxes = g_array_new (FALSE, FALSE, sizeof (BcRect));
}

static void
grid_clear (Grid *g)
{
  g_hash_table_unref (g->cells);
  g_array_unref (g->boxes);
}

static void
grid_add (Grid         *g,
          const BcRect *r)
{
  guint id = g->boxes->len;

  g_array_append_val (g->boxes, *r);
  for (int cy = floor (r->y / CELL); cy <= floor ((r->y + r->height) / CELL); cy++)
    for (int cx = floor (r->x / CELL); cx <= floor ((r->x + r->width) / CELL); cx++)
      {
        guint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (g->cells, &key);

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (g->cells, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, id);
      }
}

/* The boxes near @r, each once, in ascending order. */
static GArray *
grid_near (Grid         *g,
           const BcRect *r)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (int cy = floor (r->y / CELL); cy <= floor ((r->y + r->height) / CELL); cy++)
    for (int cx = floor (r->x / CELL); cx <= floor ((r->x + r->width) / CELL); cx++)
      {
        guint64 key = cell_key (cx, cy);
        GArray *cell = g_hash_table_lookup (g->cells, &key);

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint id = g_array_index (cell, guint, i);

            if (g_hash_table_add (seen, GUINT_TO_POINTER (id + 1)))
              g_array_append_val (found, id);
          }
      }
  return found;
}

static gboolean
overlap (const BcRect *a,
         const BcRect *b)
{
  return a->width > 0 && b->width > 0 &&
         a->x + EPSILON < b->x + b->width && b->x + EPSILON < a->x + a->width &&
         a->y + EPSILON < b->y + b->height && b->y + EPSILON < a->y + a->height;
}

/* Whether the segment a–b passes through the inside of @r (Liang and
 * Barsky's clipping). */
static gboolean
segment_meets (BcPoint       a,
               BcPoint       b,
               const BcRect *r)
{
  double t0 = 0, t1 = 1;
  double dx = b.x - a.x, dy = b.y - a.y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a.x - (r->x + EPSILON), (r->x + r->width - EPSILON) - a.x,
                  a.y - (r->y + EPSILON), (r->y + r->height - EPSILON) - a.y };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
    }
  return t0 < t1;
}

/* Whether two segments cross at a point inside both. */
static gboolean
segments_cross (BcPoint a,
                BcPoint b,
                BcPoint c,
                BcPoint d)
{
  double d1 = (d.x - c.x) * (a.y - c.y) - (d.y - c.y) * (a.x - c.x);
  double d2 = (d.x - c.x) * (b.y - c.y) - (d.y - c.y) * (b.x - c.x);
  double d3 = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  double d4 = (b.x - a.x) * (d.y - a.y) - (b.y - a.y) * (d.x - a.x);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
         ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

static void
say (GString    *why,
     guint       count,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

static void
say (GString    *why,
     guint       count,
     const char *format,
     ...)
{
  va_list args;

  if (why == NULL || count > MAX_WHY)
    return;
  va_start (args, format);
  g_string_append_vprintf (why, format, args);
  g_string_append_c (why, '\n');
  va_end (args);
}

static const char *
event_id (const BcLayoutEvent *e)
{
  return bc_item_get_id (BC_ITEM (e->event));
}

/* A label is whole when its lines, put back together, are the title,
 * there are at most three, and each fits the box. */
static gboolean
label_is_cut (const BcLayoutEvent *e)
{
  const char *title = bc_event_get_title (e->event);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) whole = g_string_new (NULL);
  double w, h;

  if (e->text == NULL || e->label.width <= 0 || e->label.height <= 0)
    return TRUE;
  lines = g_strsplit (e->text, "\n", -1);
  if (g_strv_length (lines) > 3)
    return TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      _bc_render_text_size (BC_FONT_LABEL, lines[i], 0, 1, &w, &h);
      if (w > e->label.width + 0.5)
        return TRUE;
    }
  _bc_render_text_size (BC_FONT_LABEL, e->text, 0, 1, &w, &h);
  if (h > e->label.height + 0.5)
    return TRUE;
  /* Breaking a line may eat a space; nothing else may go. */
  for (const char *p = e->text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (joined, g_utf8_get_char (p));
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (whole, g_utf8_get_char (p));
  return !g_string_equal (joined, whole);
}

static void
measure_labels (BcLayout   *layout,
                Legibility *out,
                GString    *why)
{
  Grid labels, marks;

  grid_init (&labels);
  grid_init (&marks);
  for (guint i = 0; i < layout->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, i);

      grid_add (&labels, &e->label);
      /* Mark i*3, i*3+1, i*3+2: node, bar, annotation mark. */
      grid_add (&marks, &e->node);
      grid_add (&marks, &e->bar);
      grid_add (&marks, &e->mark);
    }
  for (guint i = 0; i < layout->lanes->len; i++)
    grid_add (&marks, &g_array_index (layout->lanes, BcLayoutLane, i).header);

  for (guint i = 0; i < layout->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, i);
      g_autoptr(GArray) near_labels = NULL;
      g_autoptr(GArray) near_marks = NULL;

      if (label_is_cut (e))
        {
          out->cut++;
          say (why, out->cut, "cut: %s “%s” in %.1f×%.1f", event_id (e),
               e->text, e->label.width, e->label.height);
        }
      if (e->label.width <= 0)
        continue;

      near_labels = grid_near (&labels, &e->label);
      for (guint k = 0; k < near_labels->len; k++)
        {
          guint j = g_array_index (near_labels, guint, k);
          BcLayoutEvent *f = &g_array_index (layout->events, BcLayoutEvent, j);

          if (j > i && overlap (&e->label, &f->label))
            {
              out->label_label++;
              say (why, out->label_label, "label over label: %s and %s", event_id (e), event_id (f));
            }
        }

      near_marks = grid_near (&marks, &e->label);
      for (guint k = 0; k < near_marks->len; k++)
        {
          guint m = g_array_index (near_marks, guint, k);
          BcRect *r = &g_array_index (marks.boxes, BcRect, m);

          /* A label beside its own node and mark is where it belongs;
           * over its own bar it hides the span. */
          if (m == i * 3 || m == i * 3 + 2)
            continue;
          if (overlap (&e->label, r))
            {
              out->label_mark++;
              if (m >= layout->events->len * 3)
                say (why, out->label_mark, "label over lane title: %s", event_id (e));
              else
                say (why, out->label_mark, "label over mark: %s over %s", event_id (e),
                     event_id (&g_array_index (layout->events, BcLayoutEvent, m / 3)));
            }
        }
    }
  grid_clear (&labels);
  grid_clear (&marks);
}

static void
measure_curves (BcLayout   *layout,
                GArray     *curves,
                Legibility *out,
                GString    *why)
{
  Grid labels;
  g_autofree BcRect *titles = g_new0 (BcRect, layout->lanes->len + 1);

  grid_init (&labels);
  for (guint i = 0; i < layout->events->len; i++)
    grid_add (&labels, &g_array_index (layout->events, BcLayoutEvent, i).label);
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      BcLayoutLane *lane = &g_array_index (layout->lanes, BcLayoutLane, i);
      double w, h;

      /* Where the painter writes the lane's name. */
      _bc_render_text_size (BC_FONT_HEADER, lane->label, 0, 1, &w, &h);
      titles[i] = (BcRect) { lane->header.x + 6, lane->header.y + 3, w, h };
    }

  for (guint c = 0; c < curves->len; c++)
    {
      BcLayoutCurve *curve = &g_array_index (curves, BcLayoutCurve, c);
      g_autoptr(GHashTable) crossed = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) titles_crossed = g_hash_table_new (NULL, NULL);
      BcPoint a = curve->p[0];
      BcLayoutEvent *from = &g_array_index (layout->events, BcLayoutEvent, curve->from);
      BcLayoutEvent *to = &g_array_index (layout->events, BcLayoutEvent, curve->to);

      guint samples = SAMPLES * curve->n_segments;

      for (guint s = 1; s <= samples; s++)
        {
          BcPoint b = bc_layout_curve_at (curve, s / (double) samples);
          BcRect seg = { MIN (a.x, b.x), MIN (a.y, b.y), fabs (b.x - a.x) + 0.01, fabs (b.y - a.y) + 0.01 };
          g_autoptr(GArray) near = grid_near (&labels, &seg);

          for (guint k = 0; k < near->len; k++)
            {
              guint j = g_array_index (near, guint, k);
              BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, j);

              if (e->label.width > 0 && segment_meets (a, b, &e->label) &&
                  g_hash_table_add (crossed, GUINT_TO_POINTER (j + 1)))
                {
                  out->line_label++;
                  if (e->halo)
                    out->line_label_halo++;
                  say (why, out->line_label, "line %s → %s crosses the label of %s%s",
                       event_id (from), event_id (to), event_id (e), e->halo ? " (halo)" : "");
                }
            }
          for (guint l = 0; l < layout->lanes->len; l++)
            if (segment_meets (a, b, &titles[l]) &&
                g_hash_table_add (titles_crossed, GUINT_TO_POINTER (l + 1)))
              {
                out->line_title++;
                say (why, out->line_title, "line %s → %s crosses the title of lane %u",
                     event_id (from), event_id (to), l);
              }
          a = b;
        }

      /* An arrow may only run back in time when its ends do. */
      if (bc_event_get_first_day (from->event) <= bc_event_get_last_day (to->event) &&
          bc_layout_curve_end (curve).x < curve->p[0].x - 0.5)
        {
          out->backwards++;
          say (why, out->backwards, "arrow %s → %s runs backwards (%.1f → %.1f)",
               event_id (from), event_id (to), curve->p[0].x, bc_layout_curve_end (curve).x);
        }
    }
  grid_clear (&labels);
}

/* The x span, clipped to what the layout shows, that position @p of
 * @positions covers: from its start (or the axis's) to its end, else to
 * the next position's start, else the axis's end; never past the date
 * the view is "as known on". */
static gboolean
position_span (BcLayout  *layout,
               GPtrArray *positions,
               guint      p,
               double    *x0,
               double    *x1)
{
  BcPosition *pos = g_ptr_array_index (positions, p);
  BcPosition *next = p + 1 < positions->len ? g_ptr_array_index (positions, p + 1) : NULL;
  double d0 = layout->day0, d1 = layout->day1;

  if (bc_date_is_set (pos->from))
    d0 = MAX (d0, bc_date_get_first_day (pos->from));
  if (bc_date_is_set (pos->to))
    d1 = MIN (d1, bc_date_get_last_day (pos->to) + 1.0);
  else if (next != NULL && bc_date_is_set (next->from))
    d1 = MIN (d1, bc_date_get_first_day (next->from));
  if (bc_date_is_set (layout->options.known_on))
    d1 = MIN (d1, bc_date_get_last_day (layout->options.known_on) + 1.0);
  if (d1 <= d0)
    return FALSE;
  *x0 = bc_layout_day_to_x (layout, d0);
  *x1 = bc_layout_day_to_x (layout, d1);
  return TRUE;
}

/* The y of the storylines of @actor at @x, if one passes there. */
static gboolean
story_y_at (BcLayout *layout,
            BcActor  *actor,
            double    x,
            double   *y)
{
  for (guint i = 0; i < layout->crossovers->len; i++)
    {
      BcLayoutCrossover *c = &g_array_index (layout->crossovers, BcLayoutCrossover, i);

      if (c->actor != actor)
        continue;
      for (guint k = 1; k < c->points->len; k++)
        {
          BcPoint *a = &g_array_index (c->points, BcPoint, k - 1);
          BcPoint *b = &g_array_index (c->points, BcPoint, k);

          if (a->x <= x && x <= b->x)
            {
              *y = b->x - a->x > 0 ? a->y + (b->y - a->y) * (x - a->x) / (b->x - a->x) : a->y;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
measure_storylines (BcLayout   *layout,
                    Legibility *out,
                    GString    *why)
{
  g_autoptr(GHashTable) actors = g_hash_table_new (NULL, NULL);
  Grid segments;
  g_autoptr(GArray) owner = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (BcPoint));

  grid_init (&segments);
  for (guint i = 0; i < layout->crossovers->len; i++)
    {
      BcLayoutCrossover *c = &g_array_index (layout->crossovers, BcLayoutCrossover, i);
      GPtrArray *positions = bc_actor_get_positions (c->actor);
      int last_sign = 0;

      g_hash_table_add (actors, c->actor);
      for (guint k = 0; k < c->points->len; k++)
        {
          BcPoint *pt = &g_array_index (c->points, BcPoint, k);
          gboolean covered = FALSE;

          for (guint p = 0; p < positions->len && !covered; p++)
            {
              double x0, x1;

              covered = position_span (layout, positions, p, &x0, &x1) &&
                        pt->x >= x0 - STORY_SLACK && pt->x <= x1 + STORY_SLACK;
            }
          if (!covered)
            {
              out->story_off++;
              say (why, out->story_off, "storyline of %s at x %.1f is off its positions' time",
                   bc_item_get_id (BC_ITEM (c->actor)), pt->x);
            }
          if (k > 0)
            {
              BcPoint *prev = &g_array_index (c->points, BcPoint, k - 1);
              double dy = pt->y - prev->y;
              int sign = dy > 0.25 ? 1 : dy < -0.25 ? -1 : 0;
              BcRect box = { MIN (prev->x, pt->x), MIN (prev->y, pt->y),
                             fabs (pt->x - prev->x) + 0.01, fabs (pt->y - prev->y) + 0.01 };

              if (sign != 0 && sign != last_sign)
                out->wiggles++;
              last_sign = sign;
              grid_add (&segments, &box);
              g_array_append_val (owner, i);
              g_array_append_val (ends, *prev);
              g_array_append_val (ends, *pt);
            }
        }
    }
  out->storylines = g_hash_table_size (actors);

  for (guint s = 0; s < segments.boxes->len; s++)
    {
      g_autoptr(GArray) near = grid_near (&segments, &g_array_index (segments.boxes, BcRect, s));
      BcLayoutCrossover *cs = &g_array_index (layout->crossovers, BcLayoutCrossover,
                                              g_array_index (owner, guint, s));

      for (guint k = 0; k < near->len; k++)
        {
          guint t = g_array_index (near, guint, k);
          BcLayoutCrossover *ct = &g_array_index (layout->crossovers, BcLayoutCrossover,
                                                  g_array_index (owner, guint, t));

          if (t > s && cs->actor != ct->actor &&
              segments_cross (g_array_index (ends, BcPoint, 2 * s), g_array_index (ends, BcPoint, 2 * s + 1),
                              g_array_index (ends, BcPoint, 2 * t), g_array_index (ends, BcPoint, 2 * t + 1)))
            out->story_crossings++;
        }
    }
  grid_clear (&segments);

  /* In the middle of each position, the storyline is in that track's
   * lane; where the lane is not shown, it is not drawn. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, actors);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        BcActor *actor = key;
        GPtrArray *positions = bc_actor_get_positions (actor);

        for (guint p = 0; p < positions->len; p++)
          {
            BcPosition *pos = g_ptr_array_index (positions, p);
            const BcLayoutLane *lane = NULL;
            double x0, x1, y;

            if (!position_span (layout, positions, p, &x0, &x1) || x1 - x0 < 4 * STORY_SLACK)
              continue;
            for (guint l = 0; l < layout->lanes->len; l++)
              if (g_array_index (layout->lanes, BcLayoutLane, l).track == pos->track)
                lane = &g_array_index (layout->lanes, BcLayoutLane, l);
            if (!story_y_at (layout, actor, (x0 + x1) / 2, &y))
              continue;
            if (lane == NULL || y < lane->rect.y || y > lane->rect.y + lane->rect.height)
              {
                out->story_off++;
                say (why, out->story_off, "storyline of %s is off the lane of its position %u",
                     bc_item_get_id (BC_ITEM (actor)), p);
              }
          }
      }
  }
}

/**
 * legibility_measure_lanes:
 * @why: (nullable): where to say which items each figure counts (the
 *   first few of each)
 *
 * Measures the lanes view.
 */
void
legibility_measure_lanes (BcLayout   *layout,
                          Legibility *out,
                          GString    *why)
{
  memset (out, 0, sizeof *out);
  out->events = layout->events->len;

  measure_labels (layout, out, why);
  measure_curves (layout, layout->transfers, out, why);
  measure_curves (layout, layout->links, out, why);
  measure_storylines (layout, out, why);

  for (guint i = 1; i < layout->lanes->len; i++)
    if (g_array_index (layout->lanes, BcLayoutLane, i).track <
        g_array_index (layout->lanes, BcLayoutLane, i - 1).track)
      out->lane_inversions++;
  for (guint i = 0; i < layout->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, i);
      BcLayoutLane *lane = &g_array_index (layout->lanes, BcLayoutLane, e->lane);
      double cx = e->node.x + e->node.width / 2, cy = e->node.y + e->node.height / 2;

      if (lane->track != bc_event_get_track (e->event) ||
          !bc_rect_contains_point (&lane->rect, cx, cy, 0))
        {
          out->lane_inversions++;
          say (why, out->lane_inversions, "event %s is off its lane", event_id (e));
        }
    }
}
