/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-axis.h"
#include "bc-layout-private.h"
#include "bc-render-private.h"

#define LANE_PAD     6.0
#define AXIS_H       30.0
#define TICK_GAP     44.0
/* A line keeps this much clear on each side of it through the labels
 * of the lanes it crosses. */
#define LINE_CLEAR   3.0
/* Lines whose ends are further apart in x than this sweep too wide a
 * band to keep clear: they keep their two ends' verticals clear. */
#define SWEEP_CLEAR  40.0

/* auxiliary functions */

typedef struct
{
  guint32 day;
  double  x;
} DayX;

static double
time_x (BcLayout *self,
        double    day)
{
  BcRect *plot = &self->plot;
  GArray *seq = self->time_points;
  guint lo, hi;

  if (seq == NULL || seq->len == 0)
    return plot->x + (day - self->day0) / (double) (self->day1 - self->day0) * plot->width;

  /* Between its points the sequence or balanced scale runs linearly, so
   * that dates that are not events (ticks, positions) still fall in
   * order. */
  if (day <= g_array_index (seq, DayX, 0).day)
    return plot->x + (g_array_index (seq, DayX, 0).x - plot->x) *
           CLAMP ((day - self->day0) / MAX (1.0, (double) g_array_index (seq, DayX, 0).day - self->day0), 0, 1);
  if (day >= g_array_index (seq, DayX, seq->len - 1).day)
    {
      DayX *last = &g_array_index (seq, DayX, seq->len - 1);
      double f = CLAMP ((day - last->day) / MAX (1.0, (double) self->day1 - last->day), 0, 1);
      return last->x + (plot->x + plot->width - last->x) * f;
    }
  lo = 0;
  hi = seq->len - 1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (seq, DayX, mid).day <= day)
        lo = mid;
      else
        hi = mid;
    }
  {
    DayX *a = &g_array_index (seq, DayX, lo), *b = &g_array_index (seq, DayX, hi);
    if (b->day == a->day)
      return a->x;
    return a->x + (b->x - a->x) * (day - a->day) / (double) (b->day - a->day);
  }
}

static double
axis_map (double   day,
          gpointer user_data)
{
  return time_x (user_data, day);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  BcEvent *ea = *(BcEvent **) a, *eb = *(BcEvent **) b;
  guint32 fa = bc_event_get_first_day (ea), fb = bc_event_get_first_day (eb);

  if (fa != fb)
    return fa < fb ? -1 : 1;
  if (bc_event_get_last_day (ea) != bc_event_get_last_day (eb))
    return bc_event_get_last_day (ea) < bc_event_get_last_day (eb) ? -1 : 1;
  return g_strcmp0 (bc_item_get_id (BC_ITEM (ea)), bc_item_get_id (BC_ITEM (eb)));
}

/* The ticks of the axis: years always named, finer units as room
 * allows. */
static void
layout_ticks (BcLayout *self,
              double    axis_y)
{
  g_autoptr(GArray) ticks = bc_axis_ticks (self->day0, self->day1, axis_map, self, TICK_GAP);

  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *at = &g_array_index (ticks, BcAxisTick, i);
      BcLayoutTick tick = { at->x, at->major || at->unit == BC_AXIS_YEARS, NULL };

      if (at->label == NULL)
        continue;
      tick.label = g_strdup (at->label);
      /* A tick paints its label on the axis and a rule down the lanes. */
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_TICK, self->ticks->len,
                           (BcRect) { tick.x - 30, axis_y, 60, self->plot.y + self->plot.height - axis_y });
      g_array_append_val (self->ticks, tick);
    }
}

/* The time span shown: the options' range, else the visible events',
 * else the case's period, else this year; padded a little. */
static void
time_span (BcLayout  *self,
           GPtrArray *visible)
{
  guint32 d0 = G_MAXUINT32, d1 = 0;

  for (guint i = 0; i < visible->len; i++)
    {
      d0 = MIN (d0, bc_event_get_first_day (g_ptr_array_index (visible, i)));
      d1 = MAX (d1, bc_event_get_last_day (g_ptr_array_index (visible, i)) + 1);
    }
  if (visible->len == 0)
    {
      BcDate start = bc_case_get_period_start (self->kase), end = bc_case_get_period_end (self->kase);

      if (bc_date_is_set (start) || bc_date_is_set (end))
        {
          d0 = bc_date_get_first_day (bc_date_is_set (start) ? start : end);
          d1 = bc_date_get_last_day (bc_date_is_set (end) ? end : start) + 1;
        }
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          BcDate year = { g_date_time_get_year (now), 0, 0 };

          d0 = bc_date_get_first_day (year);
          d1 = bc_date_get_last_day (year) + 1;
        }
    }
  if (self->options.first_day != 0)
    d0 = self->options.first_day;
  if (self->options.last_day != 0)
    d1 = self->options.last_day + 1;
  if (d1 <= d0)
    d1 = d0 + 1;
  {
    guint32 pad = MAX (1, (d1 - d0) / 50);
    d0 = d0 > pad ? d0 - pad : d0;
    d1 += pad;
  }
  self->day0 = d0;
  self->day1 = d1;
}

/* How wide the lanes should be for the busy stretches of a case to be
 * read rather than climbed: in each lane, an event's label should end
 * before the event ROWS_WANTED further on starts, so that a few rows hold
 * them side by side instead of a staircase of one label per row. A case
 * whose events crowd into a few weeks would need a poster; the width
 * serves most of the lane's events (a quantile of what each pair asks
 * for) and stops at WIDEST_AUTO, past which the sequence time scale is
 * the better reading. A sparse case keeps the default width. The
 * balanced scale takes the same width: it gives the busy stretches more
 * of it than the calendar would, so they climb fewer rows still. */
#define ROWS_WANTED   3
#define WIDEST_AUTO   3000.0
#define SERVED        0.75

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The width of a label: from the events laid out, else measured. */
static double
label_width (BcLayout   *self,
             GHashTable *index_of,
             BcEvent    *e)
{
  gpointer at;
  g_autofree char *text = NULL;
  double w, h;

  if (g_hash_table_lookup_extended (index_of, bc_item_get_id (BC_ITEM (e)), NULL, &at))
    return g_array_index (self->events, BcLayoutEvent, GPOINTER_TO_UINT (at)).label.width;
  _bc_label_wrap (bc_event_get_title (e), &text, &w, &h);
  return w;
}

/* The events of the whole case on the lanes shown, "as known on" or not,
 * in order: the width and the balanced scale are those of the whole, so
 * that moving the date shown does not move what is already there.
 * Without a date, those are @visible. */
static GPtrArray *
framed_events (BcLayout  *self,
               GPtrArray *visible)
{
  GListModel *model = bc_case_get_events (self->kase);
  GPtrArray *events;

  if (!bc_date_is_set (self->options.known_on))
    return g_ptr_array_ref (visible);
  events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      BcEvent *e = g_list_model_get_item (model, i);

      if (_bc_layout_event_in_frame (self, e))
        g_ptr_array_add (events, e);
      else
        g_object_unref (e);
    }
  g_ptr_array_sort (events, compare_events);
  return events;
}

static double
readable_width (BcLayout   *self,
                GPtrArray  *events,
                GHashTable *index_of)
{
  g_autoptr(GArray) asks = g_array_new (FALSE, FALSE, sizeof (double));
  BcEvent *ring[BC_N_TRACKS][ROWS_WANTED] = { { NULL } };
  double widths[BC_N_TRACKS][ROWS_WANTED] = { { 0 } };
  guint seen[BC_N_TRACKS] = { 0 };
  double span = MAX (1.0, (double) self->day1 - self->day0);
  double per_day;

  for (guint i = 0; i < events->len; i++)
    {
      BcEvent *e = g_ptr_array_index (events, i);
      int t = bc_event_get_track (e);
      guint slot = seen[t]++ % ROWS_WANTED;

      if (ring[t][slot] != NULL)
        {
          double days = (double) bc_event_get_first_day (e) - bc_event_get_first_day (ring[t][slot]);
          double ask = (widths[t][slot] + NODE_SIZE + 2 * LABEL_GAP) / MAX (days, 1.0);

          g_array_append_val (asks, ask);
        }
      ring[t][slot] = e;
      widths[t][slot] = label_width (self, index_of, e);
    }
  if (asks->len == 0)
    return 0;
  g_array_sort (asks, compare_doubles);
  per_day = g_array_index (asks, double, (guint) floor ((asks->len - 1) * SERVED));
  return MIN (per_day * span + 2 * MARGIN, WIDEST_AUTO);
}

/* The balanced time scale: an event's x is this share of its place in
 * the calendar and the rest of its place in the order of events, so
 * that a month with ten events gets more room than a year with one,
 * while the axis still runs forward through every date. */
#define TIME_SHARE 0.3

/* The points of the balanced scale: one for each day with an event,
 * halfway through that day's events in order; time_x() runs linearly
 * between them. */
static void
balance_time (BcLayout  *self,
              GPtrArray *events)
{
  guint n = events->len;
  double span = MAX (1.0, (double) self->day1 - self->day0);

  self->time_points = g_array_new (FALSE, FALSE, sizeof (DayX));
  for (guint i = 0; i < n;)
    {
      guint32 d = bc_event_get_first_day (g_ptr_array_index (events, i));
      guint j = i;
      DayX dx = { d, 0 };

      while (j < n && bc_event_get_first_day (g_ptr_array_index (events, j)) == d)
        j++;
      dx.x = self->plot.x + self->plot.width *
             (TIME_SHARE * (d - self->day0) / span + (1 - TIME_SHARE) * (i + (j - i) / 2.0) / n);
      g_array_append_val (self->time_points, dx);
      i = j;
    }
}

/* Where @e stands in x: its node, and its bar for a range or a date of
 * month or year precision, which is drawn as the span it covers. */
static void
place_in_time (BcLayout      *self,
               BcLayoutEvent *le,
               guint          i,
               GPtrArray     *visible)
{
  BcEvent *e = le->event;
  guint32 f = bc_event_get_first_day (e), l = bc_event_get_last_day (e);
  gboolean is_range = bc_date_is_set (bc_event_get_end (e));
  double cx, bx0, bx1;

  if (self->options.time_scale != BC_TIME_SCALE_SEQUENCE)
    {
      bx0 = time_x (self, f);
      bx1 = time_x (self, l + 1.0);
      cx = is_range ? bx0 + NODE_SIZE / 2 : (bx0 + bx1) / 2;
    }
  else
    {
      cx = g_array_index (self->time_points, DayX, i).x;
      bx0 = bx1 = cx;
      if (is_range)
        for (guint j = i + 1; j < visible->len; j++)
          {
            if (bc_event_get_first_day (g_ptr_array_index (visible, j)) > l)
              break;
            bx1 = g_array_index (self->time_points, DayX, j).x;
          }
      else if (le->imprecise)
        {
          /* No scale for "somewhere in that month" here: a fixed
           * hatched bar says the date is not exact. */
          bx0 = cx - 12;
          bx1 = cx + 12;
        }
    }
  le->node = (BcRect) { cx - NODE_SIZE / 2, 0, NODE_SIZE, NODE_SIZE };
  if ((is_range || le->imprecise) && bx1 - bx0 > NODE_SIZE * 0.75)
    le->bar = (BcRect) { bx0, 0, bx1 - bx0, 10 };
}

/* The x extent of the time an event stands for: from its first day to
 * the end of its last, as the axis has them, whatever its node's size. */
static void
time_extent (BcLayout            *self,
             const BcLayoutEvent *e,
             double              *x0,
             double              *x1)
{
  *x0 = time_x (self, bc_event_get_first_day (e->event));
  *x1 = time_x (self, bc_event_get_last_day (e->event) + 1.0);
  if (self->options.time_scale == BC_TIME_SCALE_SEQUENCE)
    {
      /* The sequence scale puts a node at its index, not its day. */
      *x0 = MIN (*x0, e->node.x + e->node.width / 2);
      *x1 = MAX (*x1, e->node.x + e->node.width / 2);
      if (e->bar.width > 0)
        {
          *x0 = MIN (*x0, e->bar.x);
          *x1 = MAX (*x1, e->bar.x + e->bar.width);
        }
    }
}

/* Where a line from @a to @b leaves and arrives in x: the centres of
 * the nodes, kept within the time each event stands for (a range's node
 * sits a little after its first day). Where that would point back in
 * time while @a begins no later than @b ends, the line leaves from the
 * start of @a's span and arrives at the end of @b's, and where those
 * still cross, both stand in the middle of where the spans meet: no
 * arrow between imprecise dates runs backwards. */
static void
anchor_ends (BcLayout            *self,
             const BcLayoutEvent *a,
             const BcLayoutEvent *b,
             double              *ax,
             double              *bx)
{
  double a0, a1, b0, b1;

  time_extent (self, a, &a0, &a1);
  time_extent (self, b, &b0, &b1);
  *ax = CLAMP (a->node.x + a->node.width / 2, a0, a1);
  *bx = CLAMP (b->node.x + b->node.width / 2, b0, b1);
  if (*ax <= *bx || bc_event_get_first_day (a->event) > bc_event_get_last_day (b->event))
    return;
  if (MAX (a0, b0) <= MIN (a1, b1))
    *ax = *bx = (MAX (a0, b0) + MIN (a1, b1)) / 2;
  else
    *ax = *bx = (a0 + b1) / 2;
}

typedef struct
{
  BcLayoutCurve curve;
  gboolean      is_link;
} Pending;

/* The lines of the view, with their ends fixed in x: transfers known on
 * the date shown, and links, between events shown. */
static GArray *
plan_lines (BcLayout   *self,
            GHashTable *index_of,
            GHashTable *counts)
{
  GArray *pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  GListModel *links = bc_case_get_links (self->kase);
  GListModel *transfers = bc_case_get_transfers (self->kase);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(BcLink) link = g_list_model_get_item (links, i);
      gpointer fi, ti;
      Pending p = { { 0 }, TRUE };

      if (!g_hash_table_lookup_extended (index_of, bc_link_get_from (link), NULL, &fi) ||
          !g_hash_table_lookup_extended (index_of, bc_link_get_to (link), NULL, &ti))
        continue;
      p.curve.object = g_object_ref (G_OBJECT (link));
      p.curve.from = GPOINTER_TO_INT (fi);
      p.curve.to = GPOINTER_TO_INT (ti);
      p.curve.weight = bc_link_get_link_type (link);
      g_array_append_val (pending, p);
    }
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      gpointer fi, ti;
      Pending p = { { 0 }, FALSE };

      if (!_bc_transfer_is_known (t, self->options.known_on))
        continue;
      if (!g_hash_table_lookup_extended (index_of, bc_transfer_get_from (t), NULL, &fi) ||
          !g_hash_table_lookup_extended (index_of, bc_transfer_get_to (t), NULL, &ti))
        continue;
      p.curve.object = g_object_ref (G_OBJECT (t));
      p.curve.from = GPOINTER_TO_INT (fi);
      p.curve.to = GPOINTER_TO_INT (ti);
      p.curve.mechanism = bc_transfer_get_mechanism (t);
      p.curve.status = bc_transfer_get_status (t);
      p.curve.direction = bc_case_get_transfer_direction (self->kase, t);
      p.curve.weight = 1;
      p.curve.annotations = _bc_annotations_about (counts, t);
      g_array_append_val (pending, p);
    }
  for (guint i = 0; i < pending->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (pending, Pending, i).curve;

      anchor_ends (self, &g_array_index (self->events, BcLayoutEvent, c->from),
                   &g_array_index (self->events, BcLayoutEvent, c->to),
                   &c->p[0].x, &c->p[3].x);
      c->n_segments = 1;
    }
  return pending;
}

/* The labels of the lanes a steep line runs through keep its path
 * clear, from the top of the lane to its bottom. Its ends' own lanes do
 * not: there it runs only between its event and the lane's edge, and a
 * column kept clear from top to bottom pushed every later label of a
 * busy stretch a row lower, a staircase of one label per row; where such
 * a line crosses a label, the label has a halo. */
static void
keep_lines_clear (BcLayout  *self,
                  GArray    *pending,
                  BcPlacer **placers)
{
  for (guint i = 0; i < pending->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (pending, Pending, i).curve;
      guint la = g_array_index (self->events, BcLayoutEvent, c->from).lane;
      guint lb = g_array_index (self->events, BcLayoutEvent, c->to).lane;
      double x0 = MIN (c->p[0].x, c->p[3].x), x1 = MAX (c->p[0].x, c->p[3].x);

      if (x1 - x0 > SWEEP_CLEAR)
        continue;
      for (guint l = MIN (la, lb) + 1; l < MAX (la, lb); l++)
        _bc_placer_keep_clear (placers[l], x0 - LINE_CLEAR, x1 + LINE_CLEAR);
    }
}

/* Starts each lane's placement again, keeping clear the columns that
 * lines between lanes take from their events, as placed, to the edge of
 * the lane towards the other end: below an event whose line goes down,
 * above one whose line comes up. A label beside the event, or in a row
 * on the other side of it, is not in the way. */
static gboolean
keep_ends_clear (BcLayout      *self,
                 GArray        *pending,
                 BcPlacer     **placers,
                 BcStorylines  *stories)
{
  gboolean any = FALSE;

  for (guint i = 0; i < pending->len; i++)
    any |= g_array_index (self->events, BcLayoutEvent, g_array_index (pending, Pending, i).curve.from).lane !=
           g_array_index (self->events, BcLayoutEvent, g_array_index (pending, Pending, i).curve.to).lane;
  if (!any)
    return FALSE;

  for (guint l = 0; l < self->lanes->len; l++)
    {
      _bc_placer_free (placers[l]);
      placers[l] = _bc_placer_new (self->plot.x, self->plot.x + self->plot.width,
                                   HEADER_H + _bc_storylines_band (stories, l));
    }
  keep_lines_clear (self, pending, placers);
  for (guint i = 0; i < pending->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (pending, Pending, i).curve;
      BcLayoutEvent *a = &g_array_index (self->events, BcLayoutEvent, c->from);
      BcLayoutEvent *b = &g_array_index (self->events, BcLayoutEvent, c->to);
      gboolean down = a->lane < b->lane;

      if (a->lane == b->lane)
        continue;
      /* From a, towards b's lane; into b, from a's. */
      if (down)
        {
          _bc_placer_keep_clear_rows (placers[a->lane], c->p[0].x - LINE_CLEAR, c->p[0].x + LINE_CLEAR,
                                      a->node.y + a->node.height, G_MAXDOUBLE);
          _bc_placer_keep_clear_rows (placers[b->lane], c->p[3].x - LINE_CLEAR, c->p[3].x + LINE_CLEAR,
                                      -G_MAXDOUBLE, b->node.y);
        }
      else
        {
          _bc_placer_keep_clear_rows (placers[a->lane], c->p[0].x - LINE_CLEAR, c->p[0].x + LINE_CLEAR,
                                      -G_MAXDOUBLE, a->node.y);
          _bc_placer_keep_clear_rows (placers[b->lane], c->p[3].x - LINE_CLEAR, c->p[3].x + LINE_CLEAR,
                                      b->node.y + b->node.height, G_MAXDOUBLE);
        }
    }
  return TRUE;
}

static gboolean
names (const char * const *ids,
       const char         *id)
{
  return ids != NULL && g_strv_contains (ids, id);
}

/* Marks a curve kept, with its two ends, when @keep says so. */
static void
keep_curve (BcLayout      *self,
            BcLayoutCurve *c,
            gboolean       keep,
            GHashTable    *events)
{
  c->faded = !keep;
  if (keep)
    {
      g_hash_table_add (events, GINT_TO_POINTER (c->from + 1));
      g_hash_table_add (events, GINT_TO_POINTER (c->to + 1));
    }
}

/* public functions */

/* Whether the curve @c stays for @item in focus, @focus_event being the
 * index of @item when it is an event shown, else -1. */
static gboolean
curve_kept_for (BcLayoutCurve *c,
                BcItem        *item,
                int            focus_event,
                gboolean       is_link,
                GHashTable    *events)
{
  const char *id = bc_item_get_id (item);

  if (BC_IS_EVENT (item))
    return c->from == focus_event || c->to == focus_event;
  if (is_link)
    return g_hash_table_contains (events, GINT_TO_POINTER (c->from + 1)) &&
           g_hash_table_contains (events, GINT_TO_POINTER (c->to + 1));
  if (BC_IS_ACTOR (item))
    return names (bc_transfer_get_carriers (BC_TRANSFER (c->object)), id);
  return (BcItem *) c->object == item;
}

/**
 * _bc_layout_apply_focus:
 *
 * With an actor in focus, what they took part in (events they are a
 * participant of), what they carried (transfers, with their ends) and
 * their storyline stay; with an event or a transfer, that item, the
 * lines that join it to others, the events at their other ends, and the
 * storylines of its participants or carriers stay. With several items
 * in focus (a story step's), what stays for any of them stays. The rest
 * fades.
 */
void
_bc_layout_apply_focus (BcLayout *self)
{
  GPtrArray *items = self->focus_items;
  g_autoptr(GHashTable) events = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) actors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *focus_event = NULL;

  if (items == NULL || items->len == 0)
    return;
  focus_event = g_new (int, items->len);
  for (guint k = 0; k < items->len; k++)
    {
      BcItem *item = g_ptr_array_index (items, k);
      const char *id = bc_item_get_id (item);

      focus_event[k] = -1;
      if (BC_IS_EVENT (item))
        {
          focus_event[k] = bc_layout_find_event (self, id);
          if (focus_event[k] >= 0)
            g_hash_table_add (events, GINT_TO_POINTER (focus_event[k] + 1));
          for (const char * const *p = bc_event_get_participants (BC_EVENT (item)); p != NULL && *p != NULL; p++)
            g_hash_table_add (actors, (gpointer) *p);
        }
      else if (BC_IS_ACTOR (item))
        {
          g_hash_table_add (actors, (gpointer) id);
          for (guint i = 0; i < self->events->len; i++)
            if (names (bc_event_get_participants (g_array_index (self->events, BcLayoutEvent, i).event), id))
              g_hash_table_add (events, GINT_TO_POINTER (i + 1));
        }
      else if (BC_IS_TRANSFER (item))
        for (const char * const *p = bc_transfer_get_carriers (BC_TRANSFER (item)); p != NULL && *p != NULL; p++)
          g_hash_table_add (actors, (gpointer) *p);
    }

  for (guint i = 0; i < self->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, i);
      gboolean keep = FALSE;

      for (guint k = 0; k < items->len && !keep; k++)
        keep = curve_kept_for (c, g_ptr_array_index (items, k), focus_event[k], FALSE, events);
      keep_curve (self, c, keep, events);
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->links, BcLayoutCurve, i);
      gboolean keep = FALSE;

      for (guint k = 0; k < items->len && !keep; k++)
        keep = curve_kept_for (c, g_ptr_array_index (items, k), focus_event[k], TRUE, events);
      keep_curve (self, c, keep, events);
    }
  for (guint i = 0; i < self->events->len; i++)
    g_array_index (self->events, BcLayoutEvent, i).faded = !g_hash_table_contains (events, GINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->crossovers->len; i++)
    {
      BcLayoutCrossover *c = &g_array_index (self->crossovers, BcLayoutCrossover, i);
      c->faded = !g_hash_table_contains (actors, bc_item_get_id (BC_ITEM (c->actor)));
    }
}

void
_bc_layout_lanes (BcLayout *self,
                  double    top)
{
  GListModel *events = bc_case_get_events (self->kase);
  g_autoptr(GPtrArray) visible = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = _bc_count_annotations (self->kase);
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GPtrArray) framed = NULL;
  gboolean has_events[BC_N_TRACKS] = { FALSE };
  int lane_of[BC_N_TRACKS];
  double axis_y = top + 4, lane_y;
  BcStorylines *stories;
  BcPlacer **placers;
  BcRouter *router;
  g_autofree BcRect *titles = NULL;
  g_autofree BcRect *room = NULL;
  BcRect area = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      BcEvent *e = g_list_model_get_item (events, i);

      if (_bc_layout_event_wanted (self, e))
        {
          g_ptr_array_add (visible, e);
          has_events[bc_event_get_track (e)] = TRUE;
        }
      else
        g_object_unref (e);
    }
  g_ptr_array_sort (visible, compare_events);

  /* Lanes, Track 1 at the top: the enumeration runs 1, 1.5, 2 … 9. */
  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      BcLayoutLane lane = { t, { 0 }, { 0 }, NULL };

      lane_of[t] = -1;
      if (!_bc_layout_track_wanted (self, t) || (!has_events[t] && !self->options.show_empty_tracks))
        continue;
      lane.label = g_strdup_printf ("%s · %s", bc_track_get_label (t), bc_track_get_name (t));
      lane_of[t] = self->lanes->len;
      g_array_append_val (self->lanes, lane);
    }

  time_span (self, visible);

  /* Every event with its label broken into lines. */
  for (guint i = 0; i < visible->len; i++)
    {
      BcEvent *e = g_ptr_array_index (visible, i);
      BcLayoutEvent le = { 0 };

      le.event = g_object_ref (e);
      le.lane = lane_of[bc_event_get_track (e)];
      le.type = bc_event_get_event_type (e);
      le.annotations = _bc_annotations_about (counts, e);
      le.imprecise = !bc_date_is_set (bc_event_get_end (e)) &&
                     bc_date_get_precision (bc_event_get_date (e)) < BC_DATE_PRECISION_DAY;
      _bc_label_wrap (bc_event_get_title (e), &le.text, &le.label.width, &le.label.height);
      g_hash_table_insert (index_of, (gpointer) bc_item_get_id (BC_ITEM (e)),
                           GUINT_TO_POINTER (self->events->len));
      g_array_append_val (self->events, le);
    }
  framed = framed_events (self, visible);
  if (self->options.width <= 0 && self->options.time_scale != BC_TIME_SCALE_SEQUENCE)
    self->width = MAX (self->width, readable_width (self, framed, index_of));
  self->plot = (BcRect) { MARGIN, axis_y + AXIS_H, self->width - 2 * MARGIN, 0 };
  if (self->options.time_scale == BC_TIME_SCALE_SEQUENCE)
    {
      self->time_points = g_array_sized_new (FALSE, FALSE, sizeof (DayX), visible->len);
      for (guint i = 0; i < visible->len; i++)
        {
          DayX dx = { bc_event_get_first_day (g_ptr_array_index (visible, i)),
                      self->plot.x + (i + 0.5) * self->plot.width / visible->len };
          g_array_append_val (self->time_points, dx);
        }
    }
  else if (self->options.time_scale == BC_TIME_SCALE_BALANCED)
    balance_time (self, framed);

  /* And in x. */
  for (guint i = 0; i < self->events->len; i++)
    place_in_time (self, &g_array_index (self->events, BcLayoutEvent, i), i, visible);

  /* Then in each lane: under its title and its band of storylines,
   * rows of nodes with their labels, clear of the lines through it. */
  pending = plan_lines (self, index_of, counts);
  stories = _bc_storylines_plan (self, lane_of, self->day0, self->day1);
  placers = g_new0 (BcPlacer *, self->lanes->len + 1);
  for (guint l = 0; l < self->lanes->len; l++)
    placers[l] = _bc_placer_new (self->plot.x, self->plot.x + self->plot.width,
                                 HEADER_H + _bc_storylines_band (stories, l));
  keep_lines_clear (self, pending, placers);
  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *le = &g_array_index (self->events, BcLayoutEvent, i);
      _bc_placer_place (placers[le->lane], le);
    }
  /* Where each event stands now, a line between lanes runs from it to
   * the lane's edge: the labels are placed again clear of that stretch. */
  if (keep_ends_clear (self, pending, placers, stories))
    for (guint i = 0; i < self->events->len; i++)
      {
        BcLayoutEvent *le = &g_array_index (self->events, BcLayoutEvent, i);
        _bc_placer_place (placers[le->lane], le);
      }

  lane_y = self->plot.y;
  titles = g_new0 (BcRect, self->lanes->len + 1);
  room = g_new0 (BcRect, self->lanes->len + 1);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      BcLayoutLane *lane = &g_array_index (self->lanes, BcLayoutLane, l);
      double h = MAX (_bc_placer_bottom (placers[l]), HEADER_H + 24) + LANE_PAD;
      double w, th;

      lane->rect = (BcRect) { MARGIN, lane_y, self->width - 2 * MARGIN, h };
      lane->header = (BcRect) { MARGIN, lane_y, self->width - 2 * MARGIN, HEADER_H };
      _bc_render_text_size (BC_FONT_HEADER, lane->label, 0, 1, &w, &th);
      titles[l] = (BcRect) { lane->header.x + 6, lane->header.y + 3, w, th };
      /* Where labels may stand: under the title and the storylines. */
      {
        double under = HEADER_H + _bc_storylines_band (stories, l);

        room[l] = (BcRect) { self->plot.x, lane_y + under, self->plot.width, h - LANE_PAD - under };
      }
      lane_y += h;
      _bc_placer_free (placers[l]);
    }
  g_free (placers);
  self->plot.height = lane_y - self->plot.y;

  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *le = &g_array_index (self->events, BcLayoutEvent, i);
      double dy = g_array_index (self->lanes, BcLayoutLane, le->lane).rect.y;

      le->node.y += dy;
      le->bar.y += dy;
      le->label.y += dy;
      le->leader_from.y += dy;
      le->leader_to.y += dy;
      /* On the node's top-right corner, where no label goes. */
      if (le->annotations > 0)
        le->mark = (BcRect) { le->node.x + le->node.width - 3, le->node.y - 5, MARK_W, MARK_H };
    }

  for (guint i = 0; i < self->lanes->len; i++)
    _bc_layout_add_item (self, BC_LAYOUT_ITEM_LANE, i, g_array_index (self->lanes, BcLayoutLane, i).rect);
  layout_ticks (self, axis_y);
  _bc_storylines_draw (self, stories);
  _bc_storylines_free (stories);

  for (guint i = 0; i < self->lanes->len; i++)
    area = i == 0 ? g_array_index (self->lanes, BcLayoutLane, i).rect
                  : bc_rect_union (area, g_array_index (self->lanes, BcLayoutLane, i).rect);
  router = _bc_router_new (self, titles, self->lanes->len, &area);
  for (guint i = 0; i < pending->len; i++)
    _bc_router_add (router, &g_array_index (pending, Pending, i).curve);
  _bc_router_run (router, room);
  _bc_router_free (router);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      if (p->is_link)
        {
          _bc_layout_add_item (self, BC_LAYOUT_ITEM_LINK, self->links->len, _bc_curve_bounds (&p->curve, 6));
          g_array_append_val (self->links, p->curve);
        }
    }

  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *le = &g_array_index (self->events, BcLayoutEvent, i);
      BcRect b = bc_rect_union (bc_rect_union (le->node, le->bar), le->label);

      b = bc_rect_union (b, le->mark);
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_EVENT, i, (BcRect) { b.x - 2, b.y - 2, b.width + 4, b.height + 4 });
    }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      if (p->is_link)
        continue;
      _bc_place_curve_mark (&p->curve);
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_TRANSFER, self->transfers->len,
                           bc_rect_union (_bc_curve_bounds (&p->curve, 12), p->curve.mark));
      g_array_append_val (self->transfers, p->curve);
    }

  _bc_layout_apply_focus (self);
  self->height = self->plot.y + self->plot.height + 14;
  _bc_layout_legend (self, self->height);
  self->height = self->legend_rect.y + self->legend_rect.height + MARGIN;
}

/**
 * bc_layout_day_to_x:
 * @day: a Julian day; fractions fall between days
 *
 * Where @day lies on the time axis of the lanes view, as the layout
 * placed the events.
 *
 * Returns: an x in layout coordinates
 */
double
bc_layout_day_to_x (BcLayout *self,
                    double    day)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->day1 <= self->day0)
    return self->plot.x;
  return time_x (self, day);
}

/**
 * bc_layout_x_to_day:
 * @x: an x in layout coordinates
 *
 * The reverse of bc_layout_day_to_x(): the Julian day, with its
 * fraction, at @x on the time axis; beyond the plot the axis runs on
 * at the scale of its nearest part.
 */
double
bc_layout_x_to_day (BcLayout *self,
                    double    x)
{
  BcRect *plot = &self->plot;
  GArray *seq = self->time_points;
  double span = (double) self->day1 - self->day0;
  DayX lo, hi;

  g_return_val_if_fail (self != NULL, 0);

  if (plot->width <= 0 || span <= 0)
    return self->day0;
  if (seq == NULL || seq->len == 0)
    return self->day0 + (x - plot->x) / plot->width * span;

  /* The sequence scale is piecewise linear through the events, and from
   * the plot's edges to the first and last of them. */
  lo = (DayX) { self->day0, plot->x };
  hi = (DayX) { self->day1, plot->x + plot->width };
  for (guint i = 0; i < seq->len; i++)
    {
      DayX *p = &g_array_index (seq, DayX, i);

      if (p->x <= x && p->day >= lo.day)
        lo = *p;
      else if (p->x > x)
        {
          hi = *p;
          break;
        }
    }
  if (hi.x - lo.x < 1e-6)
    return lo.day;
  return lo.day + (x - lo.x) / (hi.x - lo.x) * ((double) hi.day - lo.day);
}
