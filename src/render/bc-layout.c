/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout.h"
#include "bc-axis.h"
#include "bc-layout-private.h"
#include "bc-render-private.h"

#define DEFAULT_WIDTH   1400.0
#define DEFAULT_WHEEL   1100.0
#define LEGEND_ROW_H    17.0
#define LEGEND_COL_W    250.0
#define CELL_SIZE       160.0
/* The annotation mark: a small speech bubble. */
/* An actor's disc in the wheel, and the gap between the rim and its
 * label. */
/* Half the width a wheel chord or a lane's transfer is stroked at, at
 * the least: a pointer on the line is on the transfer. */

/* auxiliary functions */

void
bc_layout_options_init (BcLayoutOptions *options)
{
  memset (options, 0, sizeof *options);
  options->view = BC_VIEW_LANES;
  options->time_scale = BC_TIME_SCALE_BALANCED;
  options->highlight = -1;
  options->actor_paths = BC_ACTOR_PATHS_ALL;
  options->frame = TRUE;
}

/* The names of the time scales on the command line and in the
 * settings, in the order of the enumeration. */
static const char * const time_scale_nicks[] = { "proportional", "sequence", "balanced", NULL };

/**
 * bc_time_scale_get_nicks:
 *
 * Returns: (transfer none): the names of the time scales, in the order
 *   of #BcTimeScale, ending with %NULL
 */
const char * const *
bc_time_scale_get_nicks (void)
{
  return time_scale_nicks;
}

const char *
bc_time_scale_to_nick (BcTimeScale scale)
{
  g_return_val_if_fail (scale <= BC_TIME_SCALE_BALANCED, NULL);

  return time_scale_nicks[scale];
}

/**
 * bc_time_scale_from_nick:
 * @nick: "proportional", "sequence" or "balanced"
 * @scale: (out): the scale it names
 *
 * Returns: whether @nick names a time scale
 */
gboolean
bc_time_scale_from_nick (const char  *nick,
                         BcTimeScale *scale)
{
  for (guint i = 0; nick != NULL && time_scale_nicks[i] != NULL; i++)
    if (g_str_equal (nick, time_scale_nicks[i]))
      {
        *scale = (BcTimeScale) i;
        return TRUE;
      }
  return FALSE;
}

/* The tracks that have a dated event in @kase, as a mask. */
static guint
tracks_with_events (BcCase *kase)
{
  GListModel *events = bc_case_get_events (kase);
  guint mask = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if (bc_event_get_first_day (event) != 0)
        mask |= BC_TRACK_BIT (bc_event_get_track (event));
    }
  return mask;
}

/* The framing rule, the same for the window, an export, a printout and
 * the command line: a view "as known on" a date keeps the axis and the
 * lanes of the whole case, so that as the date moves, events appear in
 * their places instead of the picture stretching to fit what is known so
 * far. */
static void
frame_options (BcCase          *kase,
               BcLayoutOptions *options)
{
  guint32 first, last;
  guint present, wanted;

  if (!bc_date_is_set (options->known_on))
    return;

  if (options->first_day == 0 && options->last_day == 0 &&
      bc_case_get_time_span (kase, &first, &last))
    {
      options->first_day = first;
      options->last_day = last;
    }

  present = tracks_with_events (kase);
  wanted = (options->tracks != 0 ? options->tracks : BC_ALL_TRACKS) & present;
  /* A mask of 0 means every track: only narrow it when something is left. */
  if (wanted != 0)
    {
      options->tracks = wanted;
      options->show_empty_tracks = TRUE;
    }
}

gboolean
bc_rect_intersects (const BcRect *a,
                    const BcRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether @inner lies wholly within @outer, edges included. */
gboolean
bc_rect_contains (const BcRect *outer,
                  const BcRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

gboolean
bc_rect_contains_point (const BcRect *r,
                        double        x,
                        double        y,
                        double        slack)
{
  return x >= r->x - slack && x <= r->x + r->width + slack &&
         y >= r->y - slack && y <= r->y + r->height + slack;
}

/**
 * bc_layout_focus_join:
 * @ids: (nullable): ids of items, %NULL-terminated
 *
 * Returns: (transfer full) (nullable): @ids as #BcLayoutOptions.focus
 *   takes several, or %NULL when there is none
 */
char *
bc_layout_focus_join (const char * const *ids)
{
  if (ids == NULL || ids[0] == NULL)
    return NULL;
  return g_strjoinv (",", (char **) ids);
}

/**
 * bc_rect_union:
 *
 * Returns: the smallest rectangle holding @a and @b; an empty one (no
 *   width and no height) counts for nothing
 */
BcRect
bc_rect_union (BcRect a,
               BcRect b)
{
  BcRect r;

  if (a.width <= 0 && a.height <= 0)
    return b;
  if (b.width <= 0 && b.height <= 0)
    return a;
  r.x = MIN (a.x, b.x);
  r.y = MIN (a.y, b.y);
  r.width = MAX (a.x + a.width, b.x + b.width) - r.x;
  r.height = MAX (a.y + a.height, b.y + b.height) - r.y;
  return r;
}

BcRect
_bc_curve_bounds (const BcLayoutCurve *c,
                  double               pad)
{
  double x0 = c->p[0].x, x1 = c->p[0].x, y0 = c->p[0].y, y1 = c->p[0].y;

  /* A Bézier lies inside the hull of its control points. */
  for (guint i = 1; i <= 3 * c->n_segments; i++)
    {
      x0 = MIN (x0, c->p[i].x);
      x1 = MAX (x1, c->p[i].x);
      y0 = MIN (y0, c->p[i].y);
      y1 = MAX (y1, c->p[i].y);
    }
  return (BcRect) { x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad };
}

void
_bc_layout_add_item (BcLayout         *self,
          BcLayoutItemKind  kind,
          guint             idx,
          BcRect            bounds)
{
  BcLayoutItem item = { kind, idx, bounds };

  g_array_append_val (self->items, item);
}

gboolean
_bc_transfer_is_known (BcTransfer *t,
                   BcDate      known_on)
{
  BcDate disclosed;

  if (!bc_date_is_set (known_on))
    return TRUE;
  disclosed = bc_transfer_get_disclosed (t);
  return !bc_date_is_set (disclosed) ||
         bc_date_get_first_day (disclosed) <= bc_date_get_last_day (known_on);
}

gboolean
_bc_layout_track_wanted (BcLayout *self,
              BcTrack   track)
{
  return self->options.tracks == 0 || (self->options.tracks & BC_TRACK_BIT (track)) != 0;
}

/* Whether @event is dated, on a track shown and in the time shown,
 * whatever is known of it on the date shown. */
gboolean
_bc_layout_event_in_frame (BcLayout *self,
                           BcEvent  *event)
{
  if (bc_event_get_first_day (event) == 0)
    return FALSE;
  if (!_bc_layout_track_wanted (self, bc_event_get_track (event)))
    return FALSE;
  if (self->options.first_day != 0 && bc_event_get_last_day (event) < self->options.first_day)
    return FALSE;
  if (self->options.last_day != 0 && bc_event_get_first_day (event) > self->options.last_day)
    return FALSE;
  return TRUE;
}

gboolean
_bc_layout_event_wanted (BcLayout *self,
                         BcEvent  *event)
{
  return _bc_layout_event_in_frame (self, event) && bc_event_is_known_on (event, self->options.known_on);
}

/* Whether @id is one of the items in focus. */
gboolean
_bc_layout_focus_names (BcLayout   *self,
                        const char *id)
{
  for (guint i = 0; self->focus_items != NULL && i < self->focus_items->len; i++)
    if (g_strcmp0 (bc_item_get_id (g_ptr_array_index (self->focus_items, i)), id) == 0)
      return TRUE;
  return FALSE;
}

/* How many annotations are about each id: the case's, by their "about",
 * and a transfer's own. Counted once per layout, not once per item. */
GHashTable *
_bc_count_annotations (BcCase *kase)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *annotations = bc_case_get_annotations (kase);
  GListModel *transfers = bc_case_get_transfers (kase);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(BcAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *about = bc_annotation_get_about (annotation);

      /* The keys are borrowed from items of the case, which outlive the
       * table; an annotation about nothing in the case counts for
       * nothing. */
      if (about != NULL && bc_case_lookup (kase, about) != NULL)
        {
          const char *key = bc_item_get_id (bc_case_lookup (kase, about));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

          g_hash_table_insert (counts, (gpointer) key, GUINT_TO_POINTER (n + 1));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      guint own = g_list_model_get_n_items (bc_transfer_get_annotations (transfer));
      const char *key = bc_item_get_id (BC_ITEM (transfer));

      if (own > 0)
        g_hash_table_insert (counts, (gpointer) key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + own));
    }

  return counts;
}

guint
_bc_annotations_about (GHashTable *counts,
                   gpointer    item)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, bc_item_get_id (BC_ITEM (item))));
}

/* The annotation mark of a curve sits up and to the left of its middle,
 * clear of the mechanism mark and of the "disputed" badge, and within
 * the margin that bc_layout_query() keeps around a curve. */
void
_bc_place_curve_mark (BcLayoutCurve *c)
{
  BcPoint mid = bc_layout_curve_middle (c);

  if (c->annotations > 0)
    c->mark = (BcRect) { mid.x - 13, mid.y - 12, MARK_W, MARK_H };
}

static void
clear_lane (gpointer data)
{
  g_free (((BcLayoutLane *) data)->label);
}

static void
clear_tick (gpointer data)
{
  g_free (((BcLayoutTick *) data)->label);
}

static void
clear_event (gpointer data)
{
  g_free (((BcLayoutEvent *) data)->text);
}

static void
clear_crossover (gpointer data)
{
  g_clear_pointer (&((BcLayoutCrossover *) data)->points, g_array_unref);
}

static void
clear_actor (gpointer data)
{
  g_free (((BcLayoutActor *) data)->text);
}

static void
clear_sector (gpointer data)
{
  g_free (((BcLayoutSector *) data)->label);
}

static void
clear_legend (gpointer data)
{
  g_free (((BcLegendEntry *) data)->text);
}

/* The title block: title, period and a short list of the sources, so
 * that an exported picture says what it shows and where it comes from. */
static double
layout_title (BcLayout *self,
              double    width)
{
  GListModel *sources = bc_case_get_sources (self->kase);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *start = bc_date_to_string (bc_case_get_period_start (self->kase));
  g_autofree char *end = bc_date_to_string (bc_case_get_period_end (self->kase));
  double w, h1, h2, h3;
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcSource) s = g_list_model_get_item (sources, i);
      const char *citation = bc_source_get_citation (s);
      const char *stop = citation != NULL ? strpbrk (citation, ".,(") : NULL;
      g_autofree char *shortened = NULL;

      if (citation == NULL)
        continue;
      shortened = stop != NULL && stop > citation ? g_strndup (citation, stop - citation)
                                                  : g_strdup (citation);
      g_strstrip (shortened);
      /* Several works by one author shorten alike: name them once. */
      if (g_hash_table_contains (seen, shortened))
        continue;
      if (list->len > 0)
        g_string_append (list, "; ");
      g_string_append (list, shortened);
      g_hash_table_add (seen, g_steal_pointer (&shortened));
    }

  self->title = g_strdup (bc_case_get_title (self->kase));
  if (start != NULL || end != NULL)
    self->period = g_strdup_printf (_("Period: %s – %s"), start ? start : "?", end ? end : "?");
  else
    self->period = g_strdup ("");
  /* A time axis that is not the calendar's says so where the period is
   * read. */
  if (self->options.view == BC_VIEW_LANES && self->options.time_scale != BC_TIME_SCALE_PROPORTIONAL)
    {
      const char *scale = self->options.time_scale == BC_TIME_SCALE_BALANCED
                          ? _("Time widened where events crowd, narrowed where none happen")
                          : _("Events in sequence, evenly spaced: distances are not durations");
      char *period = *self->period != '\0'
                     /* TRANSLATORS: the period of a case, then how time runs on its axis */
                     ? g_strdup_printf (C_("period", "%s · %s"), self->period, scale)
                     : g_strdup (scale);

      g_free (self->period);
      self->period = period;
    }
  self->sources = g_strdup_printf (_("Sources: %s"), list->len > 0 ? list->str : _("none given"));

  /* Without a frame the strings stay for whoever names the picture,
   * but nothing is laid out. */
  if (!self->options.frame)
    return MARGIN;
  _bc_render_text_size (BC_FONT_TITLE, self->title, width, 1, &w, &h1);
  _bc_render_text_size (BC_FONT_LABEL, self->period, width, 1, &w, &h2);
  _bc_render_text_size (BC_FONT_SMALL, self->sources, width, BC_SOURCES_MAX_LINES, &w, &h3);
  self->title_rect = (BcRect) { MARGIN, MARGIN, width, h1 + h2 + h3 + 10 };
  _bc_layout_add_item (self, BC_LAYOUT_ITEM_TITLE, 0, self->title_rect);
  return self->title_rect.y + self->title_rect.height;
}

static void
legend_entry (BcLayout     *self,
              BcLegendKind  kind,
              int           value,
              const char   *text,
              double        x,
              double        y)
{
  BcLegendEntry e = { kind, value, { 0 }, { 0 }, g_strdup (text) };
  double w, h;
  double text_x = kind == BC_LEGEND_HEADING ? x : x + 34;

  _bc_render_text_size (kind == BC_LEGEND_HEADING ? BC_FONT_HEADER : BC_FONT_SMALL,
                        text, LEGEND_COL_W - (text_x - x) - 8, 1, &w, &h);
  e.swatch = kind == BC_LEGEND_HEADING ? (BcRect) { x, y, 0, 0 }
                                       : (BcRect) { x, y + 2, 28, LEGEND_ROW_H - 4 };
  e.text_box = (BcRect) { text_x, y + (LEGEND_ROW_H - h) / 2, w, h };
  g_array_append_val (self->legend, e);
}

/* The legend: columns of tracks, mechanisms, statuses and event shapes,
 * listing only what the picture uses so that it stays short. */
void
_bc_layout_legend (BcLayout *self,
               double    top)
{
  gboolean mech_used[BC_N_MECHANISMS] = { FALSE };
  gboolean type_used[BC_EVENT_OTHER + 1] = { FALSE };
  gboolean status_used[BC_STATUS_DISPUTED + 1] = { FALSE };
  double x = MARGIN, y, col_bottom = top, right = self->width - MARGIN;
  double max_bottom = top;
  guint n_cols = 0;

  for (guint i = 0; i < self->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, i);
      mech_used[c->mechanism] = TRUE;
      status_used[c->status] = TRUE;
    }
  for (guint i = 0; i < self->events->len; i++)
    type_used[g_array_index (self->events, BcLayoutEvent, i).type] = TRUE;
  status_used[BC_STATUS_DOCUMENTED] = TRUE;

  if (!self->options.frame)
    {
      self->legend_rect = (BcRect) { MARGIN, top, 0, 0 };
      return;
    }

#define NEXT_COLUMN()                                            \
  G_STMT_START {                                                 \
    max_bottom = MAX (max_bottom, col_bottom);                   \
    n_cols++;                                                    \
    x += LEGEND_COL_W;                                           \
    if (x + LEGEND_COL_W > right + 1)                            \
      {                                                          \
        x = MARGIN;                                              \
        top = max_bottom + 8;                                    \
      }                                                          \
    y = top;                                                     \
  } G_STMT_END

  y = top;
  legend_entry (self, BC_LEGEND_HEADING, 0, _("Tracks"), x, y);
  y += LEGEND_ROW_H;
  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      g_autofree char *text = NULL;
      gboolean shown = FALSE;

      if (self->options.view == BC_VIEW_WHEEL)
        shown = _bc_layout_track_wanted (self, t);
      for (guint i = 0; i < self->lanes->len; i++)
        shown |= g_array_index (self->lanes, BcLayoutLane, i).track == (BcTrack) t;
      if (!shown)
        continue;
      text = g_strdup_printf ("%s · %s", bc_track_get_label (t), bc_track_get_name (t));
      legend_entry (self, BC_LEGEND_TRACK, t, text, x, y);
      y += LEGEND_ROW_H;
    }
  col_bottom = y;
  NEXT_COLUMN ();

  legend_entry (self, BC_LEGEND_HEADING, 0, _("Transfer mechanisms"), x, y);
  y += LEGEND_ROW_H;
  for (int m = 0; m < BC_N_MECHANISMS; m++)
    {
      if (!mech_used[m])
        continue;
      legend_entry (self, BC_LEGEND_MECHANISM, m, bc_mechanism_get_label (m), x, y);
      y += LEGEND_ROW_H;
    }
  col_bottom = y;
  NEXT_COLUMN ();

  legend_entry (self, BC_LEGEND_HEADING, 0, _("Status and dates"), x, y);
  y += LEGEND_ROW_H;
  for (int s = 0; s <= BC_STATUS_DISPUTED; s++)
    {
      if (!status_used[s])
        continue;
      legend_entry (self, BC_LEGEND_STATUS, s, bc_status_get_label (s), x, y);
      y += LEGEND_ROW_H;
    }
  if (self->options.view == BC_VIEW_LANES)
    {
      legend_entry (self, BC_LEGEND_PRECISION, 0, _("Date range"), x, y);
      y += LEGEND_ROW_H;
      legend_entry (self, BC_LEGEND_PRECISION, 1, _("Month or year only"), x, y);
      y += LEGEND_ROW_H;
      legend_entry (self, BC_LEGEND_PRECISION, 2, _("Link between events"), x, y);
      y += LEGEND_ROW_H;
    }
  else
    {
      legend_entry (self, BC_LEGEND_PRECISION, 2, _("Link between actors’ events"), x, y);
      y += LEGEND_ROW_H;
    }
  col_bottom = y;

  if (self->options.view == BC_VIEW_LANES)
    {
      NEXT_COLUMN ();
      legend_entry (self, BC_LEGEND_HEADING, 0, _("Events"), x, y);
      y += LEGEND_ROW_H;
      for (int t = 0; t <= BC_EVENT_OTHER; t++)
        {
          if (!type_used[t])
            continue;
          legend_entry (self, BC_LEGEND_EVENT_TYPE, t, bc_event_type_get_label (t), x, y);
          y += LEGEND_ROW_H;
        }
      col_bottom = y;

      if (self->crossovers->len > 0)
        {
          NEXT_COLUMN ();
          legend_entry (self, BC_LEGEND_HEADING, 0, _("Actors who changed track"), x, y);
          y += LEGEND_ROW_H;
          for (guint i = 0; i < self->crossovers->len; i++)
            {
              BcLayoutCrossover *c = &g_array_index (self->crossovers, BcLayoutCrossover, i);

              /* A storyline broken by gaps is listed once. */
              if (i > 0 && g_array_index (self->crossovers, BcLayoutCrossover, i - 1).actor == c->actor)
                continue;
              legend_entry (self, BC_LEGEND_CROSSOVER, c->style,
                            bc_actor_get_name (c->actor), x, y);
              y += LEGEND_ROW_H;
            }
          col_bottom = y;
        }
    }
#undef NEXT_COLUMN

  max_bottom = MAX (max_bottom, col_bottom);
  self->legend_rect = (BcRect) { MARGIN, MIN (top, max_bottom), 0, 0 };
  for (guint i = 0; i < self->legend->len; i++)
    {
      BcLegendEntry *e = &g_array_index (self->legend, BcLegendEntry, i);
      self->legend_rect = bc_rect_union (self->legend_rect, bc_rect_union (e->swatch, e->text_box));
    }
  _bc_layout_add_item (self, BC_LAYOUT_ITEM_LEGEND, 0, self->legend_rect);
}

static void
build_index (BcLayout *self)
{
  self->cell_size = CELL_SIZE;
  self->n_cols = MAX (1, (guint) ceil (self->width / self->cell_size));
  self->n_rows = MAX (1, (guint) ceil (self->height / self->cell_size));
  self->cells = g_new0 (GArray *, self->n_cols * self->n_rows);

  for (guint i = 0; i < self->items->len; i++)
    {
      BcLayoutItem *item = &g_array_index (self->items, BcLayoutItem, i);
      int c0 = CLAMP ((int) floor (item->bounds.x / self->cell_size), 0, (int) self->n_cols - 1);
      int c1 = CLAMP ((int) floor ((item->bounds.x + item->bounds.width) / self->cell_size), 0, (int) self->n_cols - 1);
      int r0 = CLAMP ((int) floor (item->bounds.y / self->cell_size), 0, (int) self->n_rows - 1);
      int r1 = CLAMP ((int) floor ((item->bounds.y + item->bounds.height) / self->cell_size), 0, (int) self->n_rows - 1);

      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          {
            GArray **cell = &self->cells[r * self->n_cols + c];
            if (*cell == NULL)
              *cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (*cell, i);
          }
    }
}

/* public API */

/**
 * bc_layout_new:
 * @kase: the case; the layout keeps a reference
 * @options: (nullable): what to show; %NULL for the defaults
 *
 * Computes the geometry of the whole picture once. The result is plain
 * data: the painter only reads it, and tests can check it.
 *
 * Returns: (transfer full): the layout, freed with bc_layout_free()
 */
BcLayout *
bc_layout_new (BcCase                *kase,
               const BcLayoutOptions *options)
{
  BcLayout *self = g_new0 (BcLayout, 1);
  double bottom;

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);

  self->kase = g_object_ref (kase);
  if (options != NULL)
    self->options = *options;
  else
    bc_layout_options_init (&self->options);
  self->focus = g_strdup (self->options.focus);
  self->options.focus = self->focus;
  self->focus_items = g_ptr_array_new ();
  if (self->focus != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (self->focus, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          BcItem *item = bc_case_lookup (kase, g_strstrip (ids[i]));

          if (item != NULL && !g_ptr_array_find (self->focus_items, item, NULL))
            g_ptr_array_add (self->focus_items, item);
        }
    }
  frame_options (kase, &self->options);

  self->lanes = g_array_new (FALSE, TRUE, sizeof (BcLayoutLane));
  g_array_set_clear_func (self->lanes, clear_lane);
  self->ticks = g_array_new (FALSE, TRUE, sizeof (BcLayoutTick));
  g_array_set_clear_func (self->ticks, clear_tick);
  self->events = g_array_new (FALSE, TRUE, sizeof (BcLayoutEvent));
  g_array_set_clear_func (self->events, clear_event);
  self->links = g_array_new (FALSE, TRUE, sizeof (BcLayoutCurve));
  self->transfers = g_array_new (FALSE, TRUE, sizeof (BcLayoutCurve));
  self->crossovers = g_array_new (FALSE, TRUE, sizeof (BcLayoutCrossover));
  g_array_set_clear_func (self->crossovers, clear_crossover);
  self->actors = g_array_new (FALSE, TRUE, sizeof (BcLayoutActor));
  g_array_set_clear_func (self->actors, clear_actor);
  self->sectors = g_array_new (FALSE, TRUE, sizeof (BcLayoutSector));
  g_array_set_clear_func (self->sectors, clear_sector);
  self->legend = g_array_new (FALSE, TRUE, sizeof (BcLegendEntry));
  g_array_set_clear_func (self->legend, clear_legend);
  self->items = g_array_new (FALSE, TRUE, sizeof (BcLayoutItem));

  self->width = self->options.width > 0 ? self->options.width
                : self->options.view == BC_VIEW_WHEEL ? DEFAULT_WHEEL : DEFAULT_WIDTH;
  bottom = layout_title (self, self->width - 2 * MARGIN);
  if (self->options.view == BC_VIEW_WHEEL)
    _bc_layout_wheel (self, bottom);
  else
    _bc_layout_lanes (self, bottom);
  self->width = MAX (self->width, self->legend_rect.x + self->legend_rect.width + MARGIN);
  self->width = ceil (self->width);
  self->height = ceil (self->height);

  build_index (self);
  return self;
}

static void
add_characters (GHashTable *seen,
                GString    *characters,
                const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        {
          g_hash_table_add (seen, GUINT_TO_POINTER (c));
          g_string_append_unichar (characters, c);
        }
    }
}

/**
 * bc_layout_load_fonts:
 * @kase: a case
 *
 * Loads into the context that labels are measured with the fonts, and
 * the glyphs, that the labels of @kase need: each character they use is
 * measured once in each label font, which costs little next to laying
 * the case out. Run in a thread while the program starts, it spares the
 * first layout of @kase from loading them; nothing may lay out or paint
 * in another thread meanwhile.
 */
void
bc_layout_load_fonts (BcCase *kase)
{
  static const char * const fonts[] = { BC_FONT_TITLE, BC_FONT_HEADER, BC_FONT_LABEL, BC_FONT_SMALL };
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) characters = g_string_new (NULL);
  GListModel *events = bc_case_get_events (kase);
  GListModel *actors = bc_case_get_actors (kase);
  GListModel *sources = bc_case_get_sources (kase);

  g_return_if_fail (BC_IS_CASE (kase));

  /* Digits and punctuation of dates and ticks, and the ellipsis. */
  add_characters (seen, characters, "0123456789 ?:;,.()[]–-\u2026");
  add_characters (seen, characters, bc_case_get_title (kase));
  add_characters (seen, characters, _("Sources: %s"));
  add_characters (seen, characters, _("Period: %s – %s"));
  for (int t = 0; t < BC_N_TRACKS; t++)
    add_characters (seen, characters, bc_track_get_label (t));
  for (int m = 0; m < BC_N_MECHANISMS; m++)
    add_characters (seen, characters, bc_mechanism_get_label (m));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) e = g_list_model_get_item (events, i);
      add_characters (seen, characters, bc_event_get_title (e));
    }
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) a = g_list_model_get_item (actors, i);
      add_characters (seen, characters, bc_actor_get_name (a));
    }
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(BcSource) s = g_list_model_get_item (sources, i);
      add_characters (seen, characters, bc_source_get_citation (s));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      double w, h;

      _bc_render_text_size (fonts[i], characters->str, 0, 1, &w, &h);
      /* Long labels end in an ellipsis, which Pango shapes in fonts
       * looked up for a language of their own. */
      _bc_render_text_size (fonts[i], characters->str, 10, 1, &w, &h);
    }
}

void
bc_layout_free (BcLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->events->len; i++)
    g_object_unref (g_array_index (self->events, BcLayoutEvent, i).event);
  for (guint i = 0; i < self->links->len; i++)
    g_object_unref (g_array_index (self->links, BcLayoutCurve, i).object);
  for (guint i = 0; i < self->transfers->len; i++)
    g_object_unref (g_array_index (self->transfers, BcLayoutCurve, i).object);
  for (guint i = 0; i < self->crossovers->len; i++)
    g_object_unref (g_array_index (self->crossovers, BcLayoutCrossover, i).actor);
  for (guint i = 0; i < self->actors->len; i++)
    g_object_unref (g_array_index (self->actors, BcLayoutActor, i).actor);

  for (guint i = 0; i < self->n_cols * self->n_rows; i++)
    g_clear_pointer (&self->cells[i], g_array_unref);
  g_free (self->cells);

  g_array_unref (self->lanes);
  g_array_unref (self->ticks);
  g_array_unref (self->events);
  g_array_unref (self->links);
  g_array_unref (self->transfers);
  g_array_unref (self->crossovers);
  g_array_unref (self->actors);
  g_array_unref (self->sectors);
  g_array_unref (self->legend);
  g_array_unref (self->items);
  g_clear_pointer (&self->time_points, g_array_unref);
  g_free (self->title);
  g_free (self->period);
  g_free (self->sources);
  g_free (self->focus);
  g_clear_pointer (&self->focus_items, g_ptr_array_unref);
  g_object_unref (self->kase);
  g_free (self);
}

/* A long curve's box covers much it does not touch: check the curve
 * itself, as a chain of short segments, before calling it visible. */
static gboolean
curve_meets (const BcLayoutCurve *c,
             const BcRect        *rect,
             double               pad)
{
  BcPoint prev = c->p[0];
  int n = 16 * c->n_segments;

  for (int i = 1; i <= n; i++)
    {
      BcPoint pt = bc_layout_curve_at (c, i / (double) n);
      BcRect seg = { MIN (prev.x, pt.x) - pad, MIN (prev.y, pt.y) - pad,
                     fabs (pt.x - prev.x) + 2 * pad, fabs (pt.y - prev.y) + 2 * pad };

      if (bc_rect_intersects (&seg, rect))
        return TRUE;
      prev = pt;
    }
  return FALSE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/**
 * bc_layout_query:
 * @rect: an area in layout coordinates
 *
 * Finds the items whose bounds meet @rect, through the grid: the cost
 * follows the cells covered and what is in them, not the whole case.
 *
 * Returns: (transfer full) (element-type guint): indices into the
 *   layout's items, in paint order
 */
GArray *
bc_layout_query (BcLayout     *self,
                 const BcRect *rect)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));
  int c0, c1, r0, r1;
  gboolean single;

  c0 = CLAMP ((int) floor (rect->x / self->cell_size), 0, (int) self->n_cols - 1);
  c1 = CLAMP ((int) floor ((rect->x + rect->width) / self->cell_size), 0, (int) self->n_cols - 1);
  r0 = CLAMP ((int) floor (rect->y / self->cell_size), 0, (int) self->n_rows - 1);
  r1 = CLAMP ((int) floor ((rect->y + rect->height) / self->cell_size), 0, (int) self->n_rows - 1);
  single = c0 == c1 && r0 == r1;

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = self->cells[r * self->n_cols + c];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint id = g_array_index (cell, guint, i);
            BcLayoutItem *item = &g_array_index (self->items, BcLayoutItem, id);
            int ic0, ir0;

            if (!bc_rect_intersects (&item->bounds, rect))
              continue;
            /* An item spanning several cells is reported by the first
             * cell of it that the query covers, and only there. */
            ic0 = MAX (c0, CLAMP ((int) floor (item->bounds.x / self->cell_size), 0, (int) self->n_cols - 1));
            ir0 = MAX (r0, CLAMP ((int) floor (item->bounds.y / self->cell_size), 0, (int) self->n_rows - 1));
            if (!single && (ic0 != c || ir0 != r))
              continue;
            if (item->kind == BC_LAYOUT_ITEM_TRANSFER &&
                !curve_meets (&g_array_index (self->transfers, BcLayoutCurve, item->index), rect, 14))
              continue;
            if (item->kind == BC_LAYOUT_ITEM_LINK &&
                !curve_meets (&g_array_index (self->links, BcLayoutCurve, item->index), rect, 6))
              continue;
            g_array_append_val (result, id);
          }
      }
  g_array_sort (result, compare_uint);
  return result;
}

int
bc_layout_find_event (BcLayout   *self,
                      const char *id)
{
  for (guint i = 0; i < self->events->len; i++)
    if (g_strcmp0 (bc_item_get_id (BC_ITEM (g_array_index (self->events, BcLayoutEvent, i).event)), id) == 0)
      return i;
  return -1;
}

/* How far (x, y) lies outside @r; 0 inside. */
static double
rect_distance (const BcRect *r,
               double        x,
               double        y)
{
  double dx = MAX (MAX (r->x - x, x - (r->x + r->width)), 0);
  double dy = MAX (MAX (r->y - y, y - (r->y + r->height)), 0);

  return hypot (dx, dy);
}

/* How far (x, y) lies from a curve, as a chain of short segments. */
static double
curve_distance (const BcLayoutCurve *c,
                double               x,
                double               y)
{
  BcPoint a = c->p[0];
  double best = G_MAXDOUBLE;
  int n = 32 * c->n_segments;

  for (int i = 1; i <= n; i++)
    {
      BcPoint b = bc_layout_curve_at (c, i / (double) n);
      double vx = b.x - a.x, vy = b.y - a.y;
      double len2 = vx * vx + vy * vy;
      double t = len2 > 0 ? CLAMP (((x - a.x) * vx + (y - a.y) * vy) / len2, 0, 1) : 0;

      best = MIN (best, hypot (x - (a.x + t * vx), y - (a.y + t * vy)));
      a = b;
    }
  return best;
}

/* How far (x, y) lies from what an item shows of its object: an event's
 * node or label; an actor's disc or its label along the ray; a
 * transfer's line. */
static double
item_distance (BcLayout           *self,
               const BcLayoutItem *item,
               double              x,
               double              y)
{
  if (item->kind == BC_LAYOUT_ITEM_EVENT)
    {
      BcLayoutEvent *e = &g_array_index (self->events, BcLayoutEvent, item->index);
      double d = rect_distance (&e->node, x, y);

      if (e->label.width > 0)
        d = MIN (d, rect_distance (&e->label, x, y));
      return d;
    }
  if (item->kind == BC_LAYOUT_ITEM_ACTOR)
    {
      BcLayoutActor *a = &g_array_index (self->actors, BcLayoutActor, item->index);
      double px = x - self->wheel_centre.x, py = y - self->wheel_centre.y;
      /* The point in the frame of the ray: along it and across it. */
      BcRect label = { a->label_from, -a->label_height / 2, a->label_width, a->label_height };
      double along = px * cos (a->angle) + py * sin (a->angle);
      double across = -px * sin (a->angle) + py * cos (a->angle);
      double disc = MAX (hypot (x - a->centre.x, y - a->centre.y) - a->node.width / 2, 0);

      return MIN (disc, rect_distance (&label, along, across));
    }
  if (item->kind == BC_LAYOUT_ITEM_TRANSFER)
    {
      BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, item->index);

      if (BC_IS_TRANSFER (c->object))
        return MAX (curve_distance (c, x, y) - CURVE_HALF_W, 0);
    }
  return G_MAXDOUBLE;
}

/* The object an item of the picture shows, for the kinds a pointer
 * can pick; NULL for the others. */
static GObject *
item_object (BcLayout         *self,
             BcLayoutItemKind  kind,
             guint             index)
{
  if (kind == BC_LAYOUT_ITEM_EVENT)
    return G_OBJECT (g_array_index (self->events, BcLayoutEvent, index).event);
  if (kind == BC_LAYOUT_ITEM_ACTOR)
    return G_OBJECT (g_array_index (self->actors, BcLayoutActor, index).actor);
  if (kind == BC_LAYOUT_ITEM_TRANSFER)
    return g_array_index (self->transfers, BcLayoutCurve, index).object;
  return NULL;
}

/**
 * bc_layout_pick:
 * @x: a point in layout coordinates
 * @y:
 * @slack: how far from an item a point may be and still be on it, in
 *   layout units (a few pixels of the screen, divided by the zoom)
 * @hit: (out caller-allocates): what is there
 *
 * What a pointer at (@x, @y) is on: the event, actor or transfer that
 * the picture shows there. The one hit-test of every view: hover, click,
 * tooltips and the canvas's tools all ask here. A node or label within
 * @slack wins over a line, the nearest over the others; between nodes
 * the point is on, the one whose centre is nearest; else the one painted
 * on top. Empty space is nothing.
 *
 * Returns: whether something is at (@x, @y)
 */
gboolean
bc_layout_pick (BcLayout    *self,
                double       x,
                double       y,
                double       slack,
                BcLayoutHit *hit)
{
  BcRect around = { x - slack - 1, y - slack - 1, 2 * slack + 2, 2 * slack + 2 };
  g_autoptr(GArray) found = NULL;
  const BcLayoutItem *node = NULL, *line = NULL;
  double node_d = G_MAXDOUBLE, node_centre = G_MAXDOUBLE, line_d = G_MAXDOUBLE;
  const BcLayoutItem *best;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  found = bc_layout_query (self, &around);
  /* Topmost first, so that a tie goes to what is drawn on top. */
  for (guint i = found->len; i > 0; i--)
    {
      const BcLayoutItem *item = &g_array_index (self->items, BcLayoutItem,
                                                 g_array_index (found, guint, i - 1));
      double d = item_distance (self, item, x, y);

      if (d > slack)
        continue;
      if (item->kind == BC_LAYOUT_ITEM_TRANSFER)
        {
          if (d < line_d)
            line = item, line_d = d;
        }
      else
        {
          /* Nodes of events a day apart overlap: of those the point is
           * on, the one whose centre is nearest, so that each can be
           * picked at its own centre. */
          BcLayoutHit h = { item->kind, item->index, NULL };
          BcPoint c = bc_layout_hit_anchor (self, &h);
          double centre = hypot (x - c.x, y - c.y);

          if (d < node_d || (d == node_d && centre < node_centre))
            node = item, node_d = d, node_centre = centre;
        }
    }

  best = node != NULL ? node : line;
  if (best == NULL)
    return FALSE;
  hit->kind = best->kind;
  hit->index = best->index;
  hit->object = item_object (self, best->kind, best->index);
  return TRUE;
}

/**
 * bc_layout_find:
 * @object: an event, actor or transfer of the layout's case
 * @hit: (out caller-allocates): where the layout shows it
 *
 * Where @object is in the picture, if it is shown.
 *
 * Returns: whether the layout shows @object
 */
gboolean
bc_layout_find (BcLayout    *self,
                GObject     *object,
                BcLayoutHit *hit)
{
  GArray *array;
  BcLayoutItemKind kind;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (BC_IS_EVENT (object))
    {
      int i = bc_layout_find_event (self, bc_item_get_id (BC_ITEM (object)));

      if (i < 0)
        return FALSE;
      *hit = (BcLayoutHit) { BC_LAYOUT_ITEM_EVENT, i, object };
      return TRUE;
    }
  if (BC_IS_ACTOR (object))
    array = self->actors, kind = BC_LAYOUT_ITEM_ACTOR;
  else if (BC_IS_TRANSFER (object))
    array = self->transfers, kind = BC_LAYOUT_ITEM_TRANSFER;
  else
    return FALSE;

  for (guint i = 0; i < array->len; i++)
    if (item_object (self, kind, i) == object)
      {
        *hit = (BcLayoutHit) { kind, i, object };
        return TRUE;
      }
  return FALSE;
}

/**
 * bc_layout_hit_shape:
 * @hit: an item of this layout
 * @shape: (out caller-allocates): its shape's box
 *
 * The box of what stands for @hit's object: an event's node, an actor's
 * disc, a transfer's curve. A selection ring goes around it.
 */
void
bc_layout_hit_shape (BcLayout          *self,
                     const BcLayoutHit *hit,
                     BcRect            *shape)
{
  if (hit->kind == BC_LAYOUT_ITEM_EVENT)
    *shape = g_array_index (self->events, BcLayoutEvent, hit->index).node;
  else if (hit->kind == BC_LAYOUT_ITEM_ACTOR)
    *shape = g_array_index (self->actors, BcLayoutActor, hit->index).node;
  else if (hit->kind == BC_LAYOUT_ITEM_TRANSFER)
    *shape = _bc_curve_bounds (&g_array_index (self->transfers, BcLayoutCurve, hit->index), 0);
  else
    g_return_if_reached ();
}

/**
 * bc_layout_hit_anchor:
 * @hit: an item of this layout
 *
 * The point that stands for @hit's object: the centre of an event's node
 * or an actor's disc, the middle of a transfer's curve.
 *
 * Returns: the point, in layout coordinates
 */
BcPoint
bc_layout_hit_anchor (BcLayout          *self,
                      const BcLayoutHit *hit)
{
  BcRect r;

  if (hit->kind == BC_LAYOUT_ITEM_TRANSFER)
    return bc_layout_curve_middle (&g_array_index (self->transfers, BcLayoutCurve, hit->index));
  bc_layout_hit_shape (self, hit, &r);
  return (BcPoint) { r.x + r.width / 2, r.y + r.height / 2 };
}

/* The next actor round the wheel from @a, clockwise for @dir 1. */
static int
step_round_wheel (BcLayout *self,
                  guint     a,
                  int       dir)
{
  double from = g_array_index (self->actors, BcLayoutActor, a).angle;
  double best = G_MAXDOUBLE;
  int next = -1;

  for (guint i = 0; i < self->actors->len; i++)
    {
      double turn = (g_array_index (self->actors, BcLayoutActor, i).angle - from) * dir;

      if (i == a)
        continue;
      turn = fmod (turn + 4 * G_PI, 2 * G_PI);
      if (turn < best)
        best = turn, next = i;
    }
  return next;
}

/* The nearest event in @dir along the lane of event @e. */
static int
step_along_lane (BcLayout *self,
                 guint     e,
                 int       dir)
{
  BcLayoutEvent *current = &g_array_index (self->events, BcLayoutEvent, e);
  double best = G_MAXDOUBLE;
  int next = -1;

  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *other = &g_array_index (self->events, BcLayoutEvent, i);
      double d = (other->node.x - current->node.x) * dir;

      /* Events at one x are taken in their order. */
      if (i == e || other->lane != current->lane || d < 0 || (d == 0 && (int) (i - e) * dir < 0))
        continue;
      if (d < best)
        best = d, next = i;
    }
  return next;
}

/**
 * bc_layout_step:
 * @from: (nullable): where the keyboard is, or %NULL
 * @dx: -1 or 1 to go left or right, else 0
 * @dy: -1 or 1 to go up or down, else 0
 * @to: (out caller-allocates): where it goes
 *
 * Where the arrow keys lead from @from: left and right, the nearest event
 * along its lane, or the next actor round the wheel; down and up, along a
 * transfer from @from to where it went, or back to where it came from.
 * From nothing, or from what is not an event of the lanes or an actor
 * of the wheel, the first of those.
 *
 * Returns: whether there is somewhere to go
 */
gboolean
bc_layout_step (BcLayout          *self,
                const BcLayoutHit *from,
                int                dx,
                int                dy,
                BcLayoutHit       *to)
{
  gboolean wheel = self->options.view == BC_VIEW_WHEEL;
  BcLayoutItemKind kind = wheel ? BC_LAYOUT_ITEM_ACTOR : BC_LAYOUT_ITEM_EVENT;
  guint n = wheel ? self->actors->len : self->events->len;
  int next = -1;

  if (from == NULL || from->kind != kind)
    next = n > 0 ? 0 : -1;
  else if (dy != 0)
    for (guint i = 0; i < self->transfers->len && next < 0; i++)
      {
        BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, i);

        if (dy > 0 && c->from == (int) from->index)
          next = c->to;
        else if (dy < 0 && c->to == (int) from->index)
          next = c->from;
      }
  else if (dx != 0)
    next = wheel ? step_round_wheel (self, from->index, dx) : step_along_lane (self, from->index, dx);

  if (next < 0)
    return FALSE;
  *to = (BcLayoutHit) { kind, next, item_object (self, kind, next) };
  return TRUE;
}

/**
 * bc_curve_point:
 * @p: (array fixed-size=4): the points of a cubic Bézier curve
 * @t: from 0 at p[0] to 1 at p[3]
 *
 * Returns: the point of the curve at @t
 */
BcPoint
bc_curve_point (const BcPoint *p,
                double         t)
{
  double u = 1 - t;

  return (BcPoint) {
    u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
    u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y,
  };
}

/**
 * bc_layout_curve_end:
 * @c: a line of a layout
 *
 * Returns: where @c ends: the tip of its arrow
 */
BcPoint
bc_layout_curve_end (const BcLayoutCurve *c)
{
  return c->p[3 * c->n_segments];
}

/**
 * bc_layout_curve_at:
 * @c: a line of a layout
 * @t: from 0 at its start to 1 at its end, each segment an equal share
 *
 * Returns: the point of @c at @t
 */
BcPoint
bc_layout_curve_at (const BcLayoutCurve *c,
                    double               t)
{
  guint n = MAX (c->n_segments, 1);
  double at = CLAMP (t, 0, 1) * n;
  guint s = MIN ((guint) at, n - 1);

  return bc_curve_point (&c->p[3 * s], at - s);
}

/**
 * bc_layout_curve_middle:
 * @c: a line of a layout
 *
 * Returns: the point halfway along @c, where its marks go: along its
 *   length where it has more than one segment
 */
BcPoint
bc_layout_curve_middle (const BcLayoutCurve *c)
{
  enum { STEPS = 16 };
  double run[BC_CURVE_MAX_SEGMENTS * STEPS + 1];
  guint n = CLAMP (c->n_segments, 1, BC_CURVE_MAX_SEGMENTS) * STEPS;
  BcPoint prev = c->p[0];

  /* One segment: its middle in t, where a Bézier drawn by its ends and
   * handles puts it. */
  if (c->n_segments <= 1)
    return bc_curve_point (c->p, 0.5);
  run[0] = 0;
  for (guint i = 1; i <= n; i++)
    {
      BcPoint pt = bc_layout_curve_at (c, i / (double) n);

      run[i] = run[i - 1] + hypot (pt.x - prev.x, pt.y - prev.y);
      prev = pt;
    }
  for (guint i = 1; i <= n; i++)
    if (run[i] >= run[n] / 2)
      {
        double part = run[i] > run[i - 1] ? (run[n] / 2 - run[i - 1]) / (run[i] - run[i - 1]) : 0;

        return bc_layout_curve_at (c, (i - 1 + part) / n);
      }
  return c->p[0];
}

/**
 * bc_layout_to_dot:
 *
 * Writes the events and transfers at their computed positions as a
 * Graphviz graph for `neato -n2`, to compare drawing speed with a tool
 * that draws the same nodes and edges.
 *
 * Returns: (transfer full): the graph
 */
char *
bc_layout_to_dot (BcLayout *self)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "digraph case {\n  graph [bb=\"0,0,%g,%g\"];\n"
                             "  node [shape=circle, width=0.17, fixedsize=true, fontsize=8];\n",
                          self->width, self->height);
  for (guint i = 0; i < self->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (self->events, BcLayoutEvent, i);
      g_autofree char *label = g_strescape (e->text ? e->text : "", NULL);

      g_string_append_printf (s, "  e%u [pos=\"%.2f,%.2f\", xlabel=\"%s\", label=\"\"];\n", i,
                              e->node.x + e->node.width / 2,
                              self->height - (e->node.y + e->node.height / 2), label);
    }
  for (guint i = 0; i < self->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, i);
      g_string_append_printf (s, "  e%d -> e%d;\n", c->from, c->to);
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->links, BcLayoutCurve, i);
      g_string_append_printf (s, "  e%d -> e%d [style=dashed];\n", c->from, c->to);
    }
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

/**
 * bc_layout_transfer_path:
 * @from: the node a transfer leaves
 * @to: the node it reaches; a rectangle of no size for a point
 * @p: (out caller-allocates) (array fixed-size=4): the Bézier
 *
 * The curve of a transfer in the lanes view: it leaves its node
 * vertically and arrives vertically, so that up and down read at a
 * glance; between two nodes of one row it arches above them. The canvas
 * draws a transfer being made with it too.
 */
void
bc_layout_transfer_path (const BcRect *from,
                         const BcRect *to,
                         BcPoint      *p)
{
  double ax = from->x + from->width / 2;
  double bx = to->x + to->width / 2;
  double dy;

  if (fabs (from->y - to->y) < 1)
    {
      double h = 18 + MIN (60, fabs (bx - ax) * 0.2);

      p[0] = (BcPoint) { ax, from->y };
      p[3] = (BcPoint) { bx, to->y };
      p[1] = (BcPoint) { ax + (bx - ax) * 0.2, from->y - h };
      p[2] = (BcPoint) { bx - (bx - ax) * 0.2, to->y - h };
    }
  else
    {
      gboolean up = to->y < from->y;

      p[0] = (BcPoint) { ax, up ? from->y : from->y + from->height };
      p[3] = (BcPoint) { bx, up ? to->y + to->height : to->y };
      dy = p[3].y - p[0].y;
      p[1] = (BcPoint) { ax, p[0].y + dy * 0.5 };
      p[2] = (BcPoint) { bx, p[3].y - dy * 0.5 };
    }
}
