/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"
#include "bc-layout-wheel.h"
#include "bc-render-private.h"

/* The wheel view: the tracks as sectors of a circle, sized by the actors
 * they hold; the actors on a ring inside the rim, their names running
 * outwards; the transfers as chords through the middle, one per pair of
 * tracks and direction, as thick as the transfers it bundles.
 *
 * From the centre outwards: the chords, inside the inner circle; the
 * band where the sectors' names sit; the ring of actors; the rim; the
 * actors' names. Chords never reach the names, and the names of
 * neighbouring actors are kept apart by the wheel's size, not by
 * cutting them. */

/* The angle left empty between two sectors. */
#define SECTOR_GAP      0.035
/* The least a sector gets, whatever it holds: room for its name, and
 * for the ends of its chords, by the transfers they bundle. */
#define SECTOR_MIN_SPAN 0.28
#define SECTOR_END_SPAN 0.035
#define SECTOR_END_MARGIN 0.04
/* How far inside the rim the actors' discs are. */
#define RIM_TO_DISC     10.0
/* A name wider than this is broken over lines, at most three. */
#define NAME_WRAP_W     130.0
#define NAME_MAX_LINES  3
/* Between the labels of neighbouring actors, across the rays. */
#define NAME_SPACING    2.0
/* The wheel's radius at the least, and the share of it the chords get
 * at the least. */
#define WHEEL_MIN_R     200.0
#define CHORDS_MIN_R    0.4
/* The padding the painter puts around a sector's name. */
#define SECTOR_LABEL_PAD_X 4.0
#define SECTOR_LABEL_PAD_Y 1.0

typedef struct
{
  BcTrack      from, to;
  guint        count;
  BcTransfer  *first;    /* the transfer that stands for the chord */
  guint        by_mechanism[BC_N_MECHANISMS];
  BcTransferStatus status;
  guint        annotations;
  gboolean     in_focus;
  double       end_from, end_to; /* angles where the chord meets its sectors */
} Chord;

typedef struct
{
  guint    chord;
  gboolean outgoing;
  double   offset; /* how far clockwise the other end's sector lies */
} ChordEnd;

/* auxiliary functions */

/* Whether the wheel shows @t, and between which tracks: those of the
 * events it runs between. One rule for the layout and for the detail of
 * a chord, so that the two always agree. */
static gboolean
transfer_tracks (BcLayout   *self,
                 BcTransfer *t,
                 BcTrack    *from_track,
                 BcTrack    *to_track)
{
  BcEvent *from = bc_case_lookup_event (self->kase, bc_transfer_get_from (t));
  BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (t));

  if (from == NULL || to == NULL || !_bc_transfer_is_known (t, self->options.known_on) ||
      !_bc_layout_event_wanted (self, from) || !_bc_layout_event_wanted (self, to) ||
      bc_event_get_track (from) == bc_event_get_track (to))
    return FALSE;
  *from_track = bc_event_get_track (from);
  *to_track = bc_event_get_track (to);
  return TRUE;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @actor_id carried @t or took part in the events at its ends. */
static gboolean
transfer_involves (BcLayout   *self,
                   BcTransfer *t,
                   const char *actor_id)
{
  BcEvent *from = bc_case_lookup_event (self->kase, bc_transfer_get_from (t));
  BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (t));

  return strv_has (bc_transfer_get_carriers (t), actor_id) ||
         (from != NULL && strv_has (bc_event_get_participants (from), actor_id)) ||
         (to != NULL && strv_has (bc_event_get_participants (to), actor_id));
}

/* Whether @t stays in sight when @focus is in focus. */
static gboolean
transfer_in_focus (BcLayout   *self,
                   BcTransfer *t,
                   BcItem     *focus)
{
  const char *id = bc_item_get_id (focus);

  if (BC_IS_ACTOR (focus))
    return transfer_involves (self, t, id);
  if (BC_IS_EVENT (focus))
    return g_strcmp0 (bc_transfer_get_from (t), id) == 0 || g_strcmp0 (bc_transfer_get_to (t), id) == 0;
  return (BcItem *) t == focus;
}

/* Whether @actor stays in sight when @focus is in focus: the actor
 * itself, those who took part in an event, or in a transfer. */
static gboolean
actor_in_focus (BcLayout *self,
                BcActor  *actor,
                BcItem   *focus)
{
  const char *id = bc_item_get_id (BC_ITEM (actor));

  if (BC_IS_ACTOR (focus))
    return (BcItem *) actor == focus;
  if (BC_IS_EVENT (focus))
    return strv_has (bc_event_get_participants (BC_EVENT (focus)), id);
  if (BC_IS_TRANSFER (focus))
    return transfer_involves (self, BC_TRANSFER (focus), id);
  return TRUE;
}

/* Whether @t, or @actor, stays in sight for one of the items in focus. */
static gboolean
transfer_in_any_focus (BcLayout   *self,
                       BcTransfer *t,
                       GPtrArray  *focus)
{
  for (guint i = 0; i < focus->len; i++)
    if (transfer_in_focus (self, t, g_ptr_array_index (focus, i)))
      return TRUE;
  return FALSE;
}

static gboolean
actor_in_any_focus (BcLayout  *self,
                    BcActor   *actor,
                    GPtrArray *focus)
{
  for (guint i = 0; i < focus->len; i++)
    if (actor_in_focus (self, actor, g_ptr_array_index (focus, i)))
      return TRUE;
  return FALSE;
}

/* The width of words [@from, @to) on one line. */
static double
line_width (const double *w,
            double        space,
            guint         from,
            guint         to)
{
  double width = 0;

  for (guint i = from; i < to; i++)
    width += w[i] + (i > from ? space : 0);
  return width;
}

/* @name broken over as few lines as keep each under NAME_WRAP_W, at
 * most NAME_MAX_LINES, with the breaks where the lines come out most
 * even. Never shortened: a name too long for three lines keeps three
 * long ones. Words are measured once; the lines add them up. */
static char *
wrap_name (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);
  g_autofree double *w = NULL;
  double space, h, one;
  int best_a = -1, best_b = -1;
  double best = G_MAXDOUBLE;
  GString *out;

  _bc_render_text_size (BC_FONT_SMALL, name, 0, 1, &one, &h);
  if (one <= NAME_WRAP_W || n < 2)
    return g_strdup (name);

  w = g_new (double, n);
  for (guint i = 0; i < n; i++)
    _bc_render_text_size (BC_FONT_SMALL, words[i], 0, 1, &w[i], &h);
  _bc_render_text_size (BC_FONT_SMALL, "x x", 0, 1, &space, &h);
  _bc_render_text_size (BC_FONT_SMALL, "xx", 0, 1, &one, &h);
  space -= one;

  /* Two lines: words [0, a) and [a, n). */
  for (guint a = 1; a < n; a++)
    {
      double width = MAX (line_width (w, space, 0, a), line_width (w, space, a, n));

      if (width < best)
        best = width, best_a = a, best_b = -1;
    }
  /* Three lines, when two are still too wide. */
  if (best > NAME_WRAP_W && n >= 3)
    {
      double best3 = G_MAXDOUBLE;
      int a3 = -1, b3 = -1;

      for (guint a = 1; a + 1 < n; a++)
        for (guint b = a + 1; b < n; b++)
          {
            double width = MAX (line_width (w, space, 0, a),
                                MAX (line_width (w, space, a, b), line_width (w, space, b, n)));

            if (width < best3)
              best3 = width, a3 = a, b3 = b;
          }
      if (best3 < best)
        best_a = a3, best_b = b3;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, (int) i == best_a || (int) i == best_b ? '\n' : ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static BcPoint
polar (BcPoint centre,
       double  radius,
       double  angle)
{
  return (BcPoint) { centre.x + cos (angle) * radius, centre.y + sin (angle) * radius };
}

/* The corners of @a's label, relative to the wheel's centre. */
static void
label_corners (const BcLayoutActor *a,
               BcPoint             *corners)
{
  double c = cos (a->angle), s = sin (a->angle);
  double along[2] = { a->label_from, a->label_from + a->label_width };
  double across[2] = { -a->label_height / 2, a->label_height / 2 };

  for (int i = 0; i < 4; i++)
    {
      double u = along[i / 2], v = across[(i / 2) ^ (i % 2)];
      corners[i] = (BcPoint) { u * c - v * s, u * s + v * c };
    }
}

/* The nearest and the farthest a box of @w × @h centred at @at comes to
 * the origin. */
static void
box_reach (BcPoint at,
           double  w,
           double  h,
           double *nearest,
           double *farthest)
{
  double dx = MAX (fabs (at.x) - w / 2, 0), dy = MAX (fabs (at.y) - h / 2, 0);

  *nearest = hypot (dx, dy);
  *farthest = hypot (fabs (at.x) + w / 2, fabs (at.y) + h / 2);
}

/* Whether a box of @w × @h centred at @at lies between the rays at
 * @angle0 and @angle1 (clockwise, less than half a turn apart). */
static gboolean
box_in_wedge (BcPoint at,
              double  w,
              double  h,
              double  angle0,
              double  angle1)
{
  for (int i = 0; i < 4; i++)
    {
      double x = at.x + (i & 1 ? w : -w) / 2, y = at.y + (i & 2 ? h : -h) / 2;

      /* Left of the first ray's normal, right of the second's. */
      if (-x * sin (angle0) + y * cos (angle0) < 0 ||
          -x * sin (angle1) + y * cos (angle1) > 0)
        return FALSE;
    }
  return TRUE;
}

static int
compare_ends (gconstpointer a,
              gconstpointer b)
{
  const ChordEnd *x = a, *y = b;

  /* The chord whose other end lies farthest clockwise starts first, so
   * that chords leave a sector in the order they arrive elsewhere and do
   * not cross near it; of the two chords between one pair of sectors,
   * the outgoing one first, which nests them at both ends. */
  if (x->offset != y->offset)
    return x->offset > y->offset ? -1 : 1;
  if (x->outgoing != y->outgoing)
    return x->outgoing ? -1 : 1;
  return (int) x->chord - (int) y->chord;
}

/* Lays out the chords' ends on the sectors' arcs and the chords. */
static void
place_chords (BcLayout *self,
              GArray   *chords,
              int      *sector_of,
              double    r_in)
{
  for (guint s = 0; s < self->sectors->len; s++)
    {
      BcLayoutSector *sec = &g_array_index (self->sectors, BcLayoutSector, s);
      double mid = (sec->angle0 + sec->angle1) / 2;
      double span = sec->angle1 - sec->angle0;
      double margin = MIN (0.15 * span, SECTOR_END_MARGIN);
      g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (ChordEnd));
      guint total = 0, so_far = 0;

      for (guint i = 0; i < chords->len; i++)
        {
          Chord *c = &g_array_index (chords, Chord, i);

          for (int out = 0; out < 2; out++)
            {
              BcTrack here = out ? c->from : c->to, there = out ? c->to : c->from;
              BcLayoutSector *other;
              ChordEnd e = { i, out };

              if (here != sec->track)
                continue;
              other = &g_array_index (self->sectors, BcLayoutSector, sector_of[there]);
              e.offset = fmod ((other->angle0 + other->angle1) / 2 - mid + 4 * G_PI, 2 * G_PI);
              g_array_append_val (ends, e);
              total += c->count;
            }
        }
      g_array_sort (ends, compare_ends);
      /* Each end gets a share of the arc as large as its chord. */
      for (guint i = 0; i < ends->len; i++)
        {
          ChordEnd *e = &g_array_index (ends, ChordEnd, i);
          Chord *c = &g_array_index (chords, Chord, e->chord);
          double at = sec->angle0 + margin + (span - 2 * margin) * (so_far + c->count / 2.0) / total;

          if (e->outgoing)
            c->end_from = at;
          else
            c->end_to = at;
          so_far += c->count;
        }
    }

  for (guint i = 0; i < chords->len; i++)
    {
      Chord *c = &g_array_index (chords, Chord, i);
      BcLayoutCurve *curve = &g_array_index (self->transfers, BcLayoutCurve, i);
      BcPoint o = self->wheel_centre;
      double apart = fabs (remainder (c->end_to - c->end_from, 2 * G_PI));
      /* Chords between near sectors keep near the rim; chords across the
       * wheel pass close to its centre, each at its own distance, so that
       * they meet there without knotting. */
      double pull = 0.15 + 0.6 * (1 - apart / G_PI);

      curve->p[0] = polar (o, r_in, c->end_from);
      curve->p[3] = polar (o, r_in, c->end_to);
      curve->p[1] = polar (o, r_in * pull, c->end_from);
      curve->p[2] = polar (o, r_in * pull, c->end_to);
      curve->n_segments = 1;
    }
}

/* The index in @self->actors of the first of @ids the wheel shows. */
static int
first_shown (GHashTable         *actor_index,
             const char * const *ids)
{
  gpointer index;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_lookup_extended (actor_index, ids[i], NULL, &index))
      return GPOINTER_TO_INT (index);
  return -1;
}

/* The sector's name, in the band between the chords and the actors,
 * as far out as it goes without touching the discs. Returns the nearest
 * it comes to the centre, or a negative number when the sector is too
 * narrow to hold it at this size of the wheel. */
static double
place_sector_label (BcLayoutSector *sec,
                    BcPoint         centre,
                    double          limit)
{
  double w, h, mid = (sec->angle0 + sec->angle1) / 2;

  _bc_render_text_size (BC_FONT_HEADER, sec->label, 0, 1, &w, &h);
  w += 2 * SECTOR_LABEL_PAD_X;
  h += 2 * SECTOR_LABEL_PAD_Y;
  for (double rho = limit; rho > 0; rho -= 1)
    {
      BcPoint at = { cos (mid) * rho, sin (mid) * rho };
      double nearest, farthest;

      box_reach (at, w, h, &nearest, &farthest);
      if (farthest > limit)
        continue;
      sec->label_at = (BcPoint) { centre.x + at.x, centre.y + at.y };
      if (!box_in_wedge (at, w, h, sec->angle0, sec->angle1))
        return -1;
      return nearest;
    }
  return -1;
}

/* Shares the circle among @n sectors holding @held actors each: in
 * proportion, but none under its @least. */
static void
share_circle (const guint  *held,
              const double *least,
              guint         n,
              double       *span)
{
  double free = 2 * G_PI - n * SECTOR_GAP;
  gboolean *fixed = g_newa (gboolean, n);
  gboolean changed = TRUE;
  double unit = 0;

  memset (fixed, 0, n * sizeof (gboolean));
  while (changed)
    {
      double left = free, weight = 0;

      changed = FALSE;
      for (guint i = 0; i < n; i++)
        {
          if (fixed[i])
            left -= least[i];
          else
            weight += held[i];
        }
      unit = weight > 0 ? left / weight : 0;
      for (guint i = 0; i < n; i++)
        if (!fixed[i] && unit * held[i] < least[i])
          fixed[i] = changed = TRUE;
    }
  for (guint i = 0; i < n; i++)
    span[i] = fixed[i] ? least[i] : unit * held[i];
  if (unit == 0)
    for (guint i = 0; i < n; i++)
      span[i] = free / n;
}

void
_bc_layout_wheel (BcLayout *self,
                  double    top)
{
  GListModel *actors = bc_case_get_actors (self->kase);
  GListModel *transfers = bc_case_get_transfers (self->kase);
  g_autoptr(GHashTable) actor_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = _bc_count_annotations (self->kase);
  GPtrArray *by_track[BC_N_TRACKS];
  g_autoptr(GArray) chords = g_array_new (FALSE, TRUE, sizeof (Chord));
  int chord_of[BC_N_TRACKS][BC_N_TRACKS];
  int sector_of[BC_N_TRACKS];
  guint ends[BC_N_TRACKS] = { 0 }, carried[BC_N_TRACKS] = { 0 };
  guint held[BC_N_TRACKS];
  double least[BC_N_TRACKS];
  double span[BC_N_TRACKS];
  GPtrArray *focus = self->focus_items;
  double r, orbit, r_in = 0, room = 0, angle;
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0, avail;
  guint n_sectors = 0;

  memset (chord_of, -1, sizeof chord_of);
  for (int t = 0; t < BC_N_TRACKS; t++)
    by_track[t] = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      BcActor *a = g_list_model_get_item (actors, i);

      if (_bc_layout_track_wanted (self, bc_actor_get_track (a)))
        g_ptr_array_add (by_track[bc_actor_get_track (a)], a);
      else
        g_object_unref (a);
    }

  /* The chords: one for each pair of tracks and direction that
   * transfers run between. */
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      BcTrack from, to;
      Chord *c;

      if (!transfer_tracks (self, t, &from, &to))
        continue;
      if (chord_of[from][to] < 0)
        {
          Chord fresh = { from, to, 0, t };

          fresh.status = bc_transfer_get_status (t);
          chord_of[from][to] = chords->len;
          g_array_append_val (chords, fresh);
          ends[from]++;
          ends[to]++;
        }
      c = &g_array_index (chords, Chord, chord_of[from][to]);
      c->count++;
      carried[from]++;
      carried[to]++;
      c->by_mechanism[bc_transfer_get_mechanism (t)]++;
      c->status = MIN (c->status, bc_transfer_get_status (t));
      c->annotations += _bc_annotations_about (counts, t);
      if (focus->len == 0 || transfer_in_any_focus (self, t, focus))
        c->in_focus = TRUE;
    }

  /* Sectors for the tracks that hold actors or the end of a chord,
   * clockwise from Track 1, which is centred at the top. */
  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      sector_of[t] = -1;
      if (!_bc_layout_track_wanted (self, t) ||
          (by_track[t]->len == 0 && ends[t] == 0 && !self->options.show_empty_tracks))
        continue;
      held[n_sectors] = by_track[t]->len;
      least[n_sectors++] = MAX (SECTOR_MIN_SPAN, 2 * SECTOR_END_MARGIN + SECTOR_END_SPAN * carried[t]);
      sector_of[t] = 0;
    }
  share_circle (held, least, n_sectors, span);
  angle = n_sectors > 0 ? -G_PI / 2 - span[0] / 2 : 0;
  for (int t = 0; t < BC_N_TRACKS; t++)
    {
      BcLayoutSector s = { t };
      guint k = self->sectors->len;

      if (sector_of[t] < 0)
        continue;
      s.angle0 = angle;
      s.angle1 = angle + span[k];
      s.label = g_strdup (bc_track_get_label (t));
      angle = s.angle1 + SECTOR_GAP;
      sector_of[t] = k;
      g_array_append_val (self->sectors, s);
    }

  /* The actors, evenly over their sector, their names whole. */
  for (guint k = 0; k < self->sectors->len; k++)
    {
      BcLayoutSector *s = &g_array_index (self->sectors, BcLayoutSector, k);
      GPtrArray *list = by_track[s->track];

      for (guint i = 0; i < list->len; i++)
        {
          BcActor *a = g_ptr_array_index (list, i);
          BcLayoutActor la = { g_object_ref (a), s->track };

          la.angle = s->angle0 + (s->angle1 - s->angle0) * (i + 0.5) / list->len;
          la.text = wrap_name (bc_actor_get_name (a));
          _bc_render_text_size (BC_FONT_SMALL, la.text, 0, 1, &la.label_width, &la.label_height);
          la.annotations = _bc_annotations_about (counts, a);
          la.flip = cos (la.angle) < 0;
          la.faded = focus->len > 0 && !actor_in_any_focus (self, a, focus);
          room = MAX (room, ACTOR_LABEL_GAP + la.label_width + la.label_height / 2);
          g_hash_table_insert (actor_index, (gpointer) bc_item_get_id (BC_ITEM (a)),
                               GUINT_TO_POINTER (self->actors->len));
          g_array_append_val (self->actors, la);
        }
    }

  /* The radius: what the width leaves beside the names, but never so
   * small that neighbouring names touch or a sector's name leaves its
   * sector. */
  r = MAX ((self->width - 2 * MARGIN) / 2 - room, WHEEL_MIN_R);
  for (guint i = 0; i < self->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (self->actors, BcLayoutActor, i);
      BcLayoutActor *b = &g_array_index (self->actors, BcLayoutActor, (i + 1) % self->actors->len);
      double apart = fmod (b->angle - a->angle + 4 * G_PI, 2 * G_PI);

      if (i == (i + 1) % self->actors->len || apart >= G_PI / 2)
        continue;
      r = MAX (r, ((a->label_height + b->label_height) / 2 + NAME_SPACING) / sin (apart) - ACTOR_LABEL_GAP);
    }
  for (;;)
    {
      gboolean fits = TRUE;

      orbit = r - RIM_TO_DISC;
      r_in = orbit;
      for (guint k = 0; k < self->sectors->len && fits; k++)
        {
          double nearest = place_sector_label (&g_array_index (self->sectors, BcLayoutSector, k),
                                               (BcPoint) { 0, 0 }, orbit - ACTOR_R - 4);
          fits = nearest >= CHORDS_MIN_R * r;
          r_in = MIN (r_in, nearest - 4);
        }
      if (fits)
        break;
      r *= 1.1;
    }

  /* How far the wheel and its names reach from its centre. */
  min_x = min_y = -r;
  max_x = max_y = r;
  for (guint i = 0; i < self->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (self->actors, BcLayoutActor, i);
      BcPoint corners[4];

      a->orbit = orbit;
      a->label_from = r + ACTOR_LABEL_GAP;
      label_corners (a, corners);
      for (int k = 0; k < 4; k++)
        {
          min_x = MIN (min_x, corners[k].x);
          max_x = MAX (max_x, corners[k].x);
          min_y = MIN (min_y, corners[k].y);
          max_y = MAX (max_y, corners[k].y);
        }
    }
  /* The drawing grows to hold them, rather than cut them. */
  avail = MAX (self->width - 2 * MARGIN, max_x - min_x);
  self->width = avail + 2 * MARGIN;
  self->wheel_radius = r;
  self->wheel_centre = (BcPoint) { MARGIN + (avail - (max_x - min_x)) / 2 - min_x, top + 8 - min_y };

  for (guint k = 0; k < self->sectors->len; k++)
    {
      BcLayoutSector *s = &g_array_index (self->sectors, BcLayoutSector, k);

      s->centre = self->wheel_centre;
      s->inner = 0;
      s->outer = r;
      s->label_at.x += self->wheel_centre.x;
      s->label_at.y += self->wheel_centre.y;
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_SECTOR, k,
                           (BcRect) { self->wheel_centre.x - r, self->wheel_centre.y - r, 2 * r, 2 * r });
    }

  for (guint i = 0; i < self->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (self->actors, BcLayoutActor, i);
      BcPoint corners[4];
      BcRect box;

      a->centre = polar (self->wheel_centre, a->orbit, a->angle);
      a->node = (BcRect) { a->centre.x - ACTOR_R, a->centre.y - ACTOR_R, 2 * ACTOR_R, 2 * ACTOR_R };
      if (a->annotations > 0)
        a->mark = (BcRect) { a->centre.x + 3, a->centre.y - 10, MARK_W, MARK_H };
      label_corners (a, corners);
      {
        double x0 = a->node.x, y0 = a->node.y;
        double x1 = x0 + a->node.width, y1 = y0 + a->node.height;

        for (int k = 0; k < 4; k++)
          {
            x0 = MIN (x0, self->wheel_centre.x + corners[k].x);
            x1 = MAX (x1, self->wheel_centre.x + corners[k].x);
            y0 = MIN (y0, self->wheel_centre.y + corners[k].y);
            y1 = MAX (y1, self->wheel_centre.y + corners[k].y);
          }
        box = (BcRect) { x0, y0, x1 - x0, y1 - y0 };
      }
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_ACTOR, i, bc_rect_union (box, a->mark));
    }

  for (guint i = 0; i < chords->len; i++)
    {
      Chord *c = &g_array_index (chords, Chord, i);
      BcLayoutCurve curve = { G_OBJECT (g_object_ref (c->first)) };
      BcEvent *from = bc_case_lookup_event (self->kase, bc_transfer_get_from (c->first));
      BcEvent *to = bc_case_lookup_event (self->kase, bc_transfer_get_to (c->first));
      const char * const *carriers = bc_transfer_get_carriers (c->first);
      guint most = 0;

      /* The ends, for the arrow keys: who carried the first transfer and
       * who received it, when the wheel shows them. */
      curve.from = first_shown (actor_index, carriers != NULL && carriers[0] != NULL
                                               ? carriers : bc_event_get_participants (from));
      curve.to = first_shown (actor_index, bc_event_get_participants (to));
      /* A chord of several mechanisms takes the colour of the most
       * frequent; its detail lists each. */
      curve.mechanism = bc_transfer_get_mechanism (c->first);
      for (int m = 0; m < BC_N_MECHANISMS; m++)
        if (c->by_mechanism[m] > most)
          most = c->by_mechanism[m], curve.mechanism = m;
      curve.status = c->status;
      curve.direction = bc_case_get_transfer_direction (self->kase, c->first);
      curve.count = c->count;
      curve.weight = c->count;
      curve.annotations = c->annotations;
      curve.faded = !c->in_focus;
      g_array_append_val (self->transfers, curve);
    }
  place_chords (self, chords, sector_of, r_in);
  for (guint i = 0; i < self->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->transfers, BcLayoutCurve, i);

      _bc_place_curve_mark (c);
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_TRANSFER, i, bc_rect_union (_bc_curve_bounds (c, 12), c->mark));
    }

  /* Track names go over the chords, so that they stay legible. */
  for (guint i = 0; i < self->sectors->len; i++)
    {
      BcLayoutSector *sec = &g_array_index (self->sectors, BcLayoutSector, i);
      double w, h;

      _bc_render_text_size (BC_FONT_HEADER, sec->label, 0, 1, &w, &h);
      _bc_layout_add_item (self, BC_LAYOUT_ITEM_SECTOR_LABEL, i,
                           (BcRect) { sec->label_at.x - w / 2 - SECTOR_LABEL_PAD_X,
                                      sec->label_at.y - h / 2 - SECTOR_LABEL_PAD_Y,
                                      w + 2 * SECTOR_LABEL_PAD_X, h + 2 * SECTOR_LABEL_PAD_Y });
    }

  self->height = self->wheel_centre.y + max_y + 16;
  if (self->options.frame)
    {
      _bc_layout_legend (self, self->height);
      self->height = self->legend_rect.y + self->legend_rect.height + MARGIN;
    }
  for (int t = 0; t < BC_N_TRACKS; t++)
    g_ptr_array_unref (by_track[t]);
}

/* public API */

/**
 * bc_layout_chord_transfers:
 * @self: a layout of the wheel view
 * @index: a chord, an index into @self's transfers
 *
 * The transfers that a chord of the wheel bundles: those the wheel shows
 * between the same two tracks, in the same direction, in the case's
 * order. The first is the chord's own object.
 *
 * Returns: (transfer container) (element-type BcTransfer): the transfers
 */
GPtrArray *
bc_layout_chord_transfers (BcLayout *self,
                           guint     index)
{
  GListModel *transfers;
  GPtrArray *found;
  BcLayoutCurve *c;
  BcTrack from, to, f, t;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->transfers->len, NULL);

  found = g_ptr_array_new ();
  c = &g_array_index (self->transfers, BcLayoutCurve, index);
  if (self->options.view != BC_VIEW_WHEEL)
    {
      g_ptr_array_add (found, c->object);
      return found;
    }
  if (!transfer_tracks (self, BC_TRANSFER (c->object), &from, &to))
    return found;
  transfers = bc_case_get_transfers (self->kase);
  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) tr = g_list_model_get_item (transfers, i);

      if (transfer_tracks (self, tr, &f, &t) && f == from && t == to)
        g_ptr_array_add (found, tr);
    }
  return found;
}

/**
 * bc_layout_find_chord:
 * @self: a layout
 * @transfer: a transfer of the layout's case
 *
 * Which chord of the wheel carries @transfer, or in the lanes view which
 * curve is it.
 *
 * Returns: the index in @self's transfers, or -1 when it is not shown
 */
int
bc_layout_find_chord (BcLayout   *self,
                      BcTransfer *transfer)
{
  BcTrack from, to, f, t;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (BC_IS_TRANSFER (transfer), -1);

  for (guint i = 0; i < self->transfers->len; i++)
    if (g_array_index (self->transfers, BcLayoutCurve, i).object == G_OBJECT (transfer))
      return i;
  if (self->options.view != BC_VIEW_WHEEL || !transfer_tracks (self, transfer, &from, &to))
    return -1;
  for (guint i = 0; i < self->transfers->len; i++)
    {
      GObject *first = g_array_index (self->transfers, BcLayoutCurve, i).object;

      if (transfer_tracks (self, BC_TRANSFER (first), &f, &t) && f == from && t == to)
        return i;
    }
  return -1;
}

/**
 * bc_layout_describe_chord:
 * @self: a layout of the wheel view
 * @index: a chord, an index into @self's transfers
 *
 * The detail of a chord, for its tooltip: the tracks it joins, how many
 * transfers it bundles, and each of them with its date, mechanism and
 * status.
 *
 * Returns: (transfer full): Pango markup
 */
char *
bc_layout_describe_chord (BcLayout *self,
                          guint     index)
{
  g_autoptr(GPtrArray) list = bc_layout_chord_transfers (self, index);
  GString *markup = g_string_new (NULL);
  BcTrack from, to;
  g_autofree char *count = NULL;

  if (list->len > 0 && transfer_tracks (self, g_ptr_array_index (list, 0), &from, &to))
    {
      g_autofree char *head = NULL;

      /* Translators: a chord of the wheel, from one track to another */
      head = g_markup_printf_escaped (_("%s → %s"), bc_track_get_label (from), bc_track_get_label (to));
      g_string_append_printf (markup, "<b>%s</b>\n", head);
    }
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transfer", "%u transfers", list->len),
                           list->len);
  g_string_append (markup, count);
  for (guint i = 0; i < list->len; i++)
    {
      BcTransfer *t = g_ptr_array_index (list, i);
      BcEvent *from_event = bc_case_lookup_event (self->kase, bc_transfer_get_from (t));
      g_autofree char *date = from_event != NULL ? bc_date_to_string (bc_event_get_date (from_event)) : NULL;
      g_autofree char *line = NULL;

      line = g_markup_printf_escaped ("\n• %s%s%s <small>(%s · %s)</small>",
                                      date != NULL ? date : "", date != NULL ? " " : "",
                                      bc_transfer_get_title (t),
                                      bc_mechanism_get_label (bc_transfer_get_mechanism (t)),
                                      bc_status_get_label (bc_transfer_get_status (t)));
      g_string_append (markup, line);
    }
  return g_string_free (markup, FALSE);
}
