/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-measures"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bc-enum-types.h"
#include "bc-measures.h"

/* Auxiliary functions */

static BcCount *
count_new (const char *key,
           const char *label)
{
  BcCount *c = g_new0 (BcCount, 1);

  c->key = g_strdup (key);
  c->label = g_strdup (label);
  c->items = g_ptr_array_new_with_free_func (g_free);
  return c;
}

static void
count_free (BcCount *c)
{
  g_free (c->key);
  g_free (c->label);
  g_ptr_array_unref (c->items);
  g_free (c);
}

static void
count_add (BcCount    *c,
           const char *id)
{
  c->count++;
  g_ptr_array_add (c->items, g_strdup (id));
}

static void
span_free (BcSpan *s)
{
  g_free (s->item);
  g_free (s);
}

static void
summary_free (BcSpanSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->key);
  g_free (s->label);
  g_ptr_array_unref (s->items);
  g_free (s);
}

static void
carrier_free (BcCarrier *c)
{
  g_free (c->actor);
  g_free (c->name);
  g_ptr_array_unref (c->items);
  g_free (c);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of the midpoints, the shortest and the longest of @spans. */
static BcSpanSummary *
summarise (const char *key,
           const char *label,
           GPtrArray  *spans)
{
  BcSpanSummary *s = g_new0 (BcSpanSummary, 1);
  g_autoptr(GArray) mids = g_array_new (FALSE, FALSE, sizeof (double));

  s->key = g_strdup (key);
  s->label = g_strdup (label);
  s->items = g_ptr_array_new_with_free_func (g_free);
  s->min_days = G_MAXINT;
  s->max_days = G_MININT;

  for (guint i = 0; i < spans->len; i++)
    {
      BcSpan *span = g_ptr_array_index (spans, i);
      double mid = (span->min_days + span->max_days) / 2.0;

      g_array_append_val (mids, mid);
      s->min_days = MIN (s->min_days, span->min_days);
      s->max_days = MAX (s->max_days, span->max_days);
      if (span->min_days != span->max_days)
        s->imprecise++;
      g_ptr_array_add (s->items, g_strdup (span->item));
    }
  s->n = spans->len;
  if (s->n == 0)
    {
      s->min_days = s->max_days = 0;
      return s;
    }

  g_array_sort (mids, compare_doubles);
  if (s->n % 2 == 1)
    s->median_days = g_array_index (mids, double, s->n / 2);
  else
    s->median_days = (g_array_index (mids, double, s->n / 2 - 1) + g_array_index (mids, double, s->n / 2)) / 2;
  return s;
}

/* When an event ended: its end, or its date when it has none. */
static BcDate
event_end (BcEvent *event)
{
  BcDate end = bc_event_get_end (event);

  return bc_date_is_set (end) ? end : bc_event_get_date (event);
}

static gboolean
counted (BcMeasures *self,
         BcTransfer *transfer)
{
  return !self->documented_only || bc_transfer_get_status (transfer) == BC_STATUS_DOCUMENTED;
}

static void
count_transfers (BcMeasures *self)
{
  GListModel *transfers = bc_case_get_transfers (self->kase);

  for (int m = 0; m < BC_N_MECHANISMS; m++)
    g_ptr_array_add (self->by_mechanism,
                     count_new (bc_enum_to_nick (BC_TYPE_MECHANISM, m), bc_mechanism_get_label (m)));
  g_ptr_array_add (self->by_direction, count_new ("upward", _("Upward, towards the officials")));
  g_ptr_array_add (self->by_direction, count_new ("downward", _("Downward, from the officials")));
  g_ptr_array_add (self->by_direction, count_new ("across", _("Across, between unofficial tracks")));
  for (int s = 0; s <= BC_STATUS_DISPUTED; s++)
    g_ptr_array_add (self->by_status,
                     count_new (bc_enum_to_nick (BC_TYPE_TRANSFER_STATUS, s), bc_status_get_label (s)));

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      const char *id = bc_item_get_id (BC_ITEM (t));

      if (!counted (self, t))
        continue;
      self->n_transfers++;
      count_add (g_ptr_array_index (self->by_mechanism, bc_transfer_get_mechanism (t)), id);
      count_add (g_ptr_array_index (self->by_direction, bc_case_get_transfer_direction (self->kase, t)), id);
      count_add (g_ptr_array_index (self->by_status, bc_transfer_get_status (t)), id);
    }
}

/* From the end of the unofficial event to the start of its official
 * uptake, for every transfer upward. */
static void
measure_uptake (BcMeasures *self)
{
  GListModel *transfers = bc_case_get_transfers (self->kase);
  GPtrArray *per_mechanism[BC_N_MECHANISMS] = { NULL };

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      BcEvent *from = bc_case_lookup_event (self->kase, bc_transfer_get_from (t));
      BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (t));
      BcSpan *span;
      int m;

      if (!counted (self, t) || from == NULL || to == NULL ||
          bc_case_get_transfer_direction (self->kase, t) != BC_DIRECTION_UPWARD)
        continue;

      span = g_new0 (BcSpan, 1);
      *span = bc_span_between (event_end (from), bc_event_get_date (to));
      span->item = g_strdup (bc_item_get_id (BC_ITEM (t)));
      g_ptr_array_add (self->uptake_lags, span);

      m = bc_transfer_get_mechanism (t);
      if (per_mechanism[m] == NULL)
        per_mechanism[m] = g_ptr_array_new ();
      g_ptr_array_add (per_mechanism[m], span);
    }

  g_ptr_array_add (self->uptake_summary, summarise ("all", _("All upward transfers"), self->uptake_lags));
  for (int m = 0; m < BC_N_MECHANISMS; m++)
    if (per_mechanism[m] != NULL)
      {
        g_ptr_array_add (self->uptake_summary,
                         summarise (bc_enum_to_nick (BC_TYPE_MECHANISM, m), bc_mechanism_get_label (m),
                                    per_mechanism[m]));
        g_ptr_array_unref (per_mechanism[m]);
      }
}

/* How long what was secret stayed so: from when it happened (its end) to
 * when it was disclosed. */
static void
measure_disclosure (BcMeasures *self)
{
  GListModel *events = bc_case_get_events (self->kase);
  GListModel *transfers = bc_case_get_transfers (self->kase);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) e = g_list_model_get_item (events, i);
      BcDate disclosed = bc_event_get_disclosed (e);
      BcSpan *span;

      if (!bc_date_is_set (disclosed))
        continue;
      span = g_new0 (BcSpan, 1);
      *span = bc_span_between (event_end (e), disclosed);
      span->item = g_strdup (bc_item_get_id (BC_ITEM (e)));
      g_ptr_array_add (self->disclosure_lags, span);
    }

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      BcDate disclosed = bc_transfer_get_disclosed (t);
      BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (t));
      BcSpan *span;

      if (!counted (self, t) || !bc_date_is_set (disclosed) || to == NULL)
        continue;
      span = g_new0 (BcSpan, 1);
      *span = bc_span_between (bc_event_get_date (to), disclosed);
      span->item = g_strdup (bc_item_get_id (BC_ITEM (t)));
      g_ptr_array_add (self->disclosure_lags, span);
    }

  self->disclosure_summary = summarise ("all", _("Disclosed later"), self->disclosure_lags);
}

static void
measure_activity (BcMeasures *self)
{
  GListModel *events = bc_case_get_events (self->kase);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) e = g_list_model_get_item (events, i);
      BcDate date = bc_event_get_date (e);
      BcTrack track = bc_event_get_track (e);
      g_autofree char *key = NULL;
      BcCount *c;

      if (!bc_date_is_set (date))
        continue;
      key = g_strdup_printf ("%s@%04u", bc_enum_to_nick (BC_TYPE_TRACK, track), date.year);
      c = g_hash_table_lookup (by_key, key);
      if (c == NULL)
        {
          g_autofree char *label = g_strdup_printf ("%s, %u", bc_track_get_label (track), date.year);

          c = count_new (key, label);
          g_ptr_array_add (self->activity, c);
          g_hash_table_insert (by_key, c->key, c);
        }
      count_add (c, bc_item_get_id (BC_ITEM (e)));
    }
}

static int
compare_activity (gconstpointer a,
                  gconstpointer b)
{
  const BcCount *x = *(BcCount * const *) a, *y = *(BcCount * const *) b;
  int tx = 0, ty = 0;

  /* The key is "NICK@YEAR": the track's nick is before the "@". */
  {
    g_autofree char *kx = g_strndup (x->key, strchr (x->key, '@') - x->key);
    g_autofree char *ky = g_strndup (y->key, strchr (y->key, '@') - y->key);

    bc_enum_from_nick (BC_TYPE_TRACK, kx, &tx);
    bc_enum_from_nick (BC_TYPE_TRACK, ky, &ty);
  }
  if (tx != ty)
    return tx - ty;
  return strcmp (x->key, y->key);
}

/* An actor who took part in an event and carried a transfer from it is
 * joined to it once: the graph is simple. */
static gboolean
has_edge (GArray *next,
          guint   node)
{
  for (guint k = 0; k < next->len; k++)
    if (g_array_index (next, guint, k) == node)
      return TRUE;
  return FALSE;
}

/* The graph of actors and events: an actor is joined to the events it
 * took part in and to both ends of each transfer it carried. Brandes'
 * algorithm on the unweighted, undirected graph. */
static void
measure_betweenness (BcMeasures *self,
                     GHashTable *carriers)
{
  GListModel *actors = bc_case_get_actors (self->kase);
  GListModel *events = bc_case_get_events (self->kase);
  GListModel *transfers = bc_case_get_transfers (self->kase);
  guint n_actors = g_list_model_get_n_items (actors);
  guint n = n_actors + g_list_model_get_n_items (events);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) adjacency = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree double *centrality = g_new0 (double, n);
  g_autofree double *sigma = g_new (double, n);
  g_autofree double *delta = g_new (double, n);
  g_autofree int *dist = g_new (int, n);
  g_autofree guint *queue = g_new (guint, n + 1);
  g_autofree guint *offset = NULL;
  g_autofree guint *flat = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (i < n_actors ? actors : events,
                                                       i < n_actors ? i : i - n_actors);

      g_hash_table_insert (index, (gpointer) bc_item_get_id (BC_ITEM (item)), GUINT_TO_POINTER (i));
      g_ptr_array_add (adjacency, g_array_new (FALSE, FALSE, sizeof (guint)));
    }

#define JOIN(a, b) G_STMT_START {                                             \
    gpointer pa, pb;                                                          \
    if (g_hash_table_lookup_extended (index, (a), NULL, &pa) &&               \
        g_hash_table_lookup_extended (index, (b), NULL, &pb) && pa != pb)     \
      {                                                                       \
        guint ia = GPOINTER_TO_UINT (pa), ib = GPOINTER_TO_UINT (pb);         \
        if (!has_edge (g_ptr_array_index (adjacency, ia), ib))                \
          {                                                                   \
            g_array_append_val (g_ptr_array_index (adjacency, ia), ib);       \
            g_array_append_val (g_ptr_array_index (adjacency, ib), ia);       \
          }                                                                   \
      }                                                                       \
  } G_STMT_END

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) e = g_list_model_get_item (events, i);
      const char * const *people = bc_event_get_participants (e);

      for (guint k = 0; people != NULL && people[k] != NULL; k++)
        JOIN (people[k], bc_item_get_id (BC_ITEM (e)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      const char * const *carried_by = bc_transfer_get_carriers (t);

      if (!counted (self, t))
        continue;
      for (guint k = 0; carried_by != NULL && carried_by[k] != NULL; k++)
        {
          JOIN (carried_by[k], bc_transfer_get_from (t));
          JOIN (carried_by[k], bc_transfer_get_to (t));
        }
    }
#undef JOIN

  /* The adjacency in one flat array, node after node: the searches
   * below walk it n times. */
  offset = g_new (guint, n + 1);
  offset[0] = 0;
  for (guint i = 0; i < n; i++)
    offset[i + 1] = offset[i] + ((GArray *) g_ptr_array_index (adjacency, i))->len;
  flat = g_new (guint, offset[n] + 1);
  for (guint i = 0; i < n; i++)
    {
      GArray *next = g_ptr_array_index (adjacency, i);

      if (next->len > 0)
        memcpy (flat + offset[i], next->data, next->len * sizeof (guint));
    }

  for (guint i = 0; i < n; i++)
    {
      sigma[i] = 0;
      delta[i] = 0;
      dist[i] = -1;
    }
  for (guint s = 0; s < n; s++)
    {
      guint head = 0, tail = 0;

      sigma[s] = 1;
      dist[s] = 0;
      queue[tail++] = s;
      while (head < tail)
        {
          guint v = queue[head++];

          for (guint k = offset[v]; k < offset[v + 1]; k++)
            {
              guint w = flat[k];

              if (dist[w] < 0)
                {
                  dist[w] = dist[v] + 1;
                  queue[tail++] = w;
                }
              if (dist[w] == dist[v] + 1)
                sigma[w] += sigma[v];
            }
        }
      /* Back from the farthest: a node's predecessors are its neighbours
       * one step nearer to s, so no list of them is kept. */
      for (guint q = tail; q-- > 0;)
        {
          guint w = queue[q];

          for (guint k = offset[w]; k < offset[w + 1]; k++)
            {
              guint v = flat[k];

              if (dist[v] == dist[w] - 1)
                delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
            }
          if (w != s)
            centrality[w] += delta[w];
        }
      /* Only what this search reached needs setting back. */
      for (guint q = 0; q < tail; q++)
        {
          sigma[queue[q]] = 0;
          delta[queue[q]] = 0;
          dist[queue[q]] = -1;
        }
    }

  /* Each pair was counted from both ends; normalised by the pairs that
   * do not include the node. */
  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(BcActor) a = g_list_model_get_item (actors, i);
      BcCarrier *c = g_hash_table_lookup (carriers, bc_item_get_id (BC_ITEM (a)));
      double pairs = n > 2 ? (double) (n - 1) * (n - 2) / 2.0 : 1;

      if (c != NULL)
        c->betweenness = centrality[i] / 2.0 / pairs;
    }
}

static int
compare_carriers (gconstpointer a,
                  gconstpointer b)
{
  const BcCarrier *x = *(BcCarrier * const *) a, *y = *(BcCarrier * const *) b;

  if (x->transfers != y->transfers)
    return x->transfers > y->transfers ? -1 : 1;
  return strcmp (x->actor, y->actor);
}

static void
measure_carriers (BcMeasures *self)
{
  GListModel *transfers = bc_case_get_transfers (self->kase);
  g_autoptr(GHashTable) carriers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tracks = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      const char * const *carried_by = bc_transfer_get_carriers (t);
      BcEvent *from = bc_case_lookup_event (self->kase, bc_transfer_get_from (t));
      BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (t));

      if (!counted (self, t))
        continue;
      for (guint k = 0; carried_by != NULL && carried_by[k] != NULL; k++)
        {
          BcActor *actor = bc_case_lookup_actor (self->kase, carried_by[k]);
          BcCarrier *c = g_hash_table_lookup (carriers, carried_by[k]);
          guint mask;

          if (actor == NULL)
            continue;
          if (c == NULL)
            {
              c = g_new0 (BcCarrier, 1);
              c->actor = g_strdup (carried_by[k]);
              c->name = g_strdup (bc_actor_get_name (actor));
              c->items = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (carriers, c->actor, c);
              g_ptr_array_add (self->carriers, c);
            }
          c->transfers++;
          g_ptr_array_add (c->items, g_strdup (bc_item_get_id (BC_ITEM (t))));
          mask = GPOINTER_TO_UINT (g_hash_table_lookup (tracks, c->actor));
          if (from != NULL)
            mask |= BC_TRACK_BIT (bc_event_get_track (from));
          if (to != NULL)
            mask |= BC_TRACK_BIT (bc_event_get_track (to));
          g_hash_table_insert (tracks, c->actor, GUINT_TO_POINTER (mask));
        }
    }

  for (guint i = 0; i < self->carriers->len; i++)
    {
      BcCarrier *c = g_ptr_array_index (self->carriers, i);

      c->tracks = 0;
      for (guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (tracks, c->actor)); mask != 0; mask &= mask - 1)
        c->tracks++;
    }

  measure_betweenness (self, carriers);
  g_ptr_array_sort (self->carriers, compare_carriers);
}

/* Public API */

/**
 * bc_span_between:
 * @start: the earlier date
 * @end: the later date
 *
 * How long from @start to @end, honest about precision: from the last
 * day @start may be to the first day @end may be, up to from the first
 * to the last. Two day-precise dates give one number of days.
 *
 * Returns: the span, without an item
 */
BcSpan
bc_span_between (BcDate start,
                 BcDate end)
{
  BcSpan span = { NULL, 0, 0 };

  if (!bc_date_is_set (start) || !bc_date_is_set (end))
    return span;
  span.min_days = (int) bc_date_get_first_day (end) - (int) bc_date_get_last_day (start);
  span.max_days = (int) bc_date_get_last_day (end) - (int) bc_date_get_first_day (start);
  return span;
}

/**
 * bc_measures_new:
 * @kase: a case
 * @documented_only: count only transfers whose status is documented
 *
 * Returns: (transfer full): the measures of @kase
 */
BcMeasures *
bc_measures_new (BcCase   *kase,
                 gboolean  documented_only)
{
  BcMeasures *self = g_new0 (BcMeasures, 1);

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);

  self->kase = g_object_ref (kase);
  self->documented_only = documented_only;
  self->by_mechanism = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  self->by_direction = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  self->by_status = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  self->uptake_lags = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  self->uptake_summary = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_free);
  self->carriers = g_ptr_array_new_with_free_func ((GDestroyNotify) carrier_free);
  self->disclosure_lags = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  self->activity = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);

  count_transfers (self);
  measure_uptake (self);
  measure_carriers (self);
  measure_disclosure (self);
  measure_activity (self);
  g_ptr_array_sort (self->activity, compare_activity);
  return self;
}

void
bc_measures_free (BcMeasures *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->kase);
  g_ptr_array_unref (self->by_mechanism);
  g_ptr_array_unref (self->by_direction);
  g_ptr_array_unref (self->by_status);
  g_ptr_array_unref (self->uptake_lags);
  g_ptr_array_unref (self->uptake_summary);
  g_ptr_array_unref (self->carriers);
  g_ptr_array_unref (self->disclosure_lags);
  summary_free (self->disclosure_summary);
  g_ptr_array_unref (self->activity);
  g_free (self);
}
