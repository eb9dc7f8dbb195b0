/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"

/* The band of storylines at the top of a lane, under its title. */
#define STORY_TOP     4.0
#define STORY_GAP     4.0
/* A move between lanes takes this much x; positions this close in time
 * are joined by it, further apart the line stops and starts again. */
#define TRANSITION_W  16.0
#define JOIN_GAP      12.0
#define TRANSITION_STEPS 12
#define SWEEPS        4

/* A stretch of a storyline along one lane. */
typedef struct
{
  guint    lane;
  double   x0, x1;
  gboolean joined; /* the next run follows on, through a move */
} Run;

typedef struct
{
  BcActor *actor;
  guint    style;
  GArray  *runs; /* Run, in time order */
} Story;

struct _BcStorylines
{
  GPtrArray *stories;  /* Story */
  guint      n_lanes;
  GPtrArray *order;    /* per lane: GArray of guint story indices, top to bottom */
  int       *slot;     /* [story * n_lanes + lane]: place in the lane's band, or -1 */
};

static void
story_free (Story *s)
{
  g_array_unref (s->runs);
  g_object_unref (s->actor);
  g_free (s);
}

/* auxiliary functions */

static gboolean
changes_track (BcActor *actor)
{
  GPtrArray *positions = bc_actor_get_positions (actor);

  for (guint p = 1; positions != NULL && p < positions->len; p++)
    if (((BcPosition *) g_ptr_array_index (positions, p))->track !=
        ((BcPosition *) g_ptr_array_index (positions, 0))->track)
      return TRUE;
  return FALSE;
}

/* The runs of @actor: each position from its start (or the axis's) to
 * its end (else the next one's start, else the axis's end), cut at the
 * date the view is "as known on", on the lane of its track; nothing
 * where the track has no lane. */
static GArray *
plan_runs (BcLayout  *self,
           BcActor   *actor,
           const int *lane_of,
           double     day0,
           double     day1)
{
  GPtrArray *positions = bc_actor_get_positions (actor);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  double known = bc_date_is_set (self->options.known_on)
                   ? bc_date_get_last_day (self->options.known_on) + 1.0 : G_MAXDOUBLE;
  gboolean after_gap = TRUE;

  for (guint p = 0; p < positions->len; p++)
    {
      BcPosition *pos = g_ptr_array_index (positions, p);
      BcPosition *next = p + 1 < positions->len ? g_ptr_array_index (positions, p + 1) : NULL;
      double d0 = day0, d1 = day1;
      Run run;

      if (bc_date_is_set (pos->from))
        d0 = MAX (d0, bc_date_get_first_day (pos->from));
      if (bc_date_is_set (pos->to))
        d1 = MIN (d1, bc_date_get_last_day (pos->to) + 1.0);
      else if (next != NULL && bc_date_is_set (next->from))
        d1 = MIN (d1, bc_date_get_first_day (next->from));
      d1 = MIN (d1, known);
      if (d1 <= d0 || lane_of[pos->track] < 0)
        {
          after_gap = TRUE;
          continue;
        }
      run = (Run) { lane_of[pos->track], bc_layout_day_to_x (self, d0), bc_layout_day_to_x (self, d1), FALSE };
      if (runs->len > 0 && !after_gap)
        {
          Run *prev = &g_array_index (runs, Run, runs->len - 1);

          if (run.x0 - prev->x1 <= JOIN_GAP)
            {
              /* Overlapping positions: the move is where the new one
               * begins. */
              prev->x1 = MAX (prev->x0, MIN (prev->x1, run.x0));
              if (prev->lane == run.lane)
                {
                  prev->x1 = MAX (prev->x1, run.x1);
                  continue;
                }
              prev->joined = TRUE;
            }
        }
      g_array_append_val (runs, run);
      after_gap = FALSE;
    }
  return runs;
}

typedef struct
{
  guint  story;
  double key;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->story < y->story ? -1 : x->story > y->story;
}

static double
global_place (BcStorylines *plan,
              guint         story,
              guint         lane)
{
  GArray *order = g_ptr_array_index (plan->order, lane);

  return lane + (plan->slot[story * plan->n_lanes + lane] + 1.0) / (order->len + 1.0);
}

/* One sweep of the barycentre heuristic over @lane: each storyline
 * takes the mean place, in the whole picture, of the lanes it moves
 * to or comes from; the others keep theirs. Sorting by it puts lines
 * that go up at the top of the band and lines that go down at its
 * foot, in the order they have there, which saves crossings. */
static void
sweep_lane (BcStorylines *plan,
            guint         lane)
{
  GArray *order = g_ptr_array_index (plan->order, lane);
  g_autoptr(GArray) keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), order->len);

  for (guint i = 0; i < order->len; i++)
    {
      guint s = g_array_index (order, guint, i);
      Story *story = g_ptr_array_index (plan->stories, s);
      double sum = 0;
      guint n = 0;
      Keyed k = { s, 0 };

      for (guint r = 0; r + 1 < story->runs->len; r++)
        {
          Run *a = &g_array_index (story->runs, Run, r), *b = &g_array_index (story->runs, Run, r + 1);

          if (!a->joined)
            continue;
          if (a->lane == lane)
            sum += global_place (plan, s, b->lane), n++;
          else if (b->lane == lane)
            sum += global_place (plan, s, a->lane), n++;
        }
      k.key = n > 0 ? sum / n : global_place (plan, s, lane);
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      guint s = g_array_index (keyed, Keyed, i).story;

      g_array_index (order, guint, i) = s;
      plan->slot[s * plan->n_lanes + lane] = i;
    }
}

/* public functions */

/**
 * _bc_storylines_plan:
 * @lane_of: the lane of each track, or -1
 *
 * Decides which actors' storylines the lanes view draws (those whose
 * positions are on more than one track, as the options ask), where
 * each runs, and their order in each lane's band. The layout's time
 * axis must be set.
 */
BcStorylines *
_bc_storylines_plan (BcLayout  *self,
                     const int *lane_of,
                     double     day0,
                     double     day1)
{
  BcStorylines *plan = g_new0 (BcStorylines, 1);
  GListModel *actors = bc_case_get_actors (self->kase);
  guint style = 0;

  plan->stories = g_ptr_array_new_with_free_func ((GDestroyNotify) story_free);
  plan->n_lanes = self->lanes->len;
  plan->order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint l = 0; l < plan->n_lanes; l++)
    g_ptr_array_add (plan->order, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) a = g_list_model_get_item (actors, i);
      Story *story;

      if (!changes_track (a))
        continue;
      style++;
      if (self->options.actor_paths == BC_ACTOR_PATHS_NONE ||
          (self->options.actor_paths == BC_ACTOR_PATHS_SELECTED &&
           !_bc_layout_focus_names (self, bc_item_get_id (BC_ITEM (a)))))
        continue;
      story = g_new0 (Story, 1);
      story->actor = g_object_ref (a);
      story->style = style - 1;
      story->runs = plan_runs (self, a, lane_of, day0, day1);
      if (story->runs->len == 0)
        {
          story_free (story);
          continue;
        }
      g_ptr_array_add (plan->stories, story);
    }

  plan->slot = g_new (int, plan->stories->len * plan->n_lanes + 1);
  for (guint i = 0; i < plan->stories->len * plan->n_lanes; i++)
    plan->slot[i] = -1;
  for (guint s = 0; s < plan->stories->len; s++)
    {
      Story *story = g_ptr_array_index (plan->stories, s);

      for (guint r = 0; r < story->runs->len; r++)
        {
          guint lane = g_array_index (story->runs, Run, r).lane;
          GArray *order = g_ptr_array_index (plan->order, lane);

          if (plan->slot[s * plan->n_lanes + lane] < 0)
            {
              plan->slot[s * plan->n_lanes + lane] = order->len;
              g_array_append_val (order, s);
            }
        }
    }

  for (int sweep = 0; sweep < SWEEPS; sweep++)
    {
      /* Down the lanes, then up, as the layered layouts do. */
      for (guint l = 0; l < plan->n_lanes; l++)
        sweep_lane (plan, sweep % 2 == 0 ? l : plan->n_lanes - 1 - l);
    }
  return plan;
}

/* How much a lane's band of storylines needs under its title. */
double
_bc_storylines_band (BcStorylines *plan,
                     guint         lane)
{
  GArray *order = g_ptr_array_index (plan->order, lane);

  return order->len > 0 ? STORY_TOP + order->len * STORY_GAP : 0;
}

static double
story_y (BcLayout     *self,
         BcStorylines *plan,
         guint         s,
         guint         lane)
{
  BcLayoutLane *l = &g_array_index (self->lanes, BcLayoutLane, lane);

  return l->rect.y + HEADER_H + STORY_TOP + plan->slot[s * plan->n_lanes + lane] * STORY_GAP;
}

static void
add_point (GArray *points,
           double  x,
           double  y)
{
  BcPoint pt = { x, y };

  if (points->len > 0)
    {
      BcPoint *last = &g_array_index (points, BcPoint, points->len - 1);

      if (fabs (last->x - x) < 0.01 && fabs (last->y - y) < 0.01)
        return;
    }
  g_array_append_val (points, pt);
}

static void
finish (BcLayout          *self,
        BcLayoutCrossover *c)
{
  BcRect bounds = { 0 };

  for (guint p = 0; p < c->points->len; p++)
    {
      BcPoint *pt = &g_array_index (c->points, BcPoint, p);
      bounds = bc_rect_union (bounds, (BcRect) { pt->x - 3, pt->y - 3, 6, 6 });
    }
  _bc_layout_add_item (self, BC_LAYOUT_ITEM_CROSSOVER, self->crossovers->len, bounds);
  g_array_append_val (self->crossovers, *c);
}

/**
 * _bc_storylines_draw:
 *
 * Makes the polylines of the planned storylines, now that the lanes are
 * placed: along each lane at the storyline's place in its band, moving
 * to the next lane in a smooth step centred where the new position
 * begins. A storyline broken by a gap in time, or by a lane not shown,
 * is several crossovers of one actor and one style.
 */
void
_bc_storylines_draw (BcLayout     *self,
                     BcStorylines *plan)
{
  for (guint s = 0; s < plan->stories->len; s++)
    {
      Story *story = g_ptr_array_index (plan->stories, s);
      BcLayoutCrossover c = { NULL, NULL, story->style, FALSE };

      for (guint r = 0; r < story->runs->len; r++)
        {
          Run *run = &g_array_index (story->runs, Run, r);
          Run *next = run->joined ? &g_array_index (story->runs, Run, r + 1) : NULL;
          double y = story_y (self, plan, s, run->lane);

          if (c.points == NULL)
            {
              c.actor = g_object_ref (story->actor);
              c.points = g_array_new (FALSE, FALSE, sizeof (BcPoint));
              add_point (c.points, run->x0, y);
            }
          if (next == NULL)
            {
              add_point (c.points, MAX (run->x1, run->x0), y);
              finish (self, &c);
              c.points = NULL;
              continue;
            }
          {
            double ny = story_y (self, plan, s, next->lane);
            double half = MIN (TRANSITION_W / 2,
                               MIN ((run->x1 - run->x0) / 2, (next->x1 - next->x0) / 2));
            double start = run->x1 - half, end = next->x0 + half;

            start = MAX (start, g_array_index (c.points, BcPoint, c.points->len - 1).x);
            end = MAX (end, start);
            add_point (c.points, start, y);
            for (int k = 1; k <= TRANSITION_STEPS; k++)
              {
                double t = k / (double) TRANSITION_STEPS;
                double f = t * t * (3 - 2 * t);

                add_point (c.points, start + (end - start) * t, y + (ny - y) * f);
              }
          }
        }
    }
}

void
_bc_storylines_free (BcStorylines *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->stories);
  g_ptr_array_unref (plan->order);
  g_free (plan->slot);
  g_free (plan);
}
