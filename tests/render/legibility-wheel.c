/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "legibility"

#include "config.h"

#include <math.h>

#include "bc-render-private.h"
#include "legibility.h"

/* The wheel's measures: its names run along rays, so a label is a
 * rotated box, a quad, and overlaps are found by separating axes. */

#define WHY_MAX 5

#define SAY(why, count, ...)                                   \
  G_STMT_START {                                               \
    if ((why) != NULL && (count) <= WHY_MAX)                   \
      {                                                        \
        g_string_append_printf ((why), __VA_ARGS__);           \
        g_string_append_c ((why), '\n');                       \
      }                                                        \
  } G_STMT_END

LegibilityQuad
legibility_wheel_actor_quad (BcLayout *layout,
                             guint     index)
{
  BcLayoutActor *a = &g_array_index (layout->actors, BcLayoutActor, index);
  double c = cos (a->angle), s = sin (a->angle);
  double u0 = a->label_from, u1 = a->label_from + a->label_width;
  double v0 = -a->label_height / 2, v1 = a->label_height / 2;
  /* Round the box: out along the ray, then back across it. */
  double uv[4][2] = { { u0, v0 }, { u1, v0 }, { u1, v1 }, { u0, v1 } };
  LegibilityQuad q = { .text = a->text };

  for (int i = 0; i < 4; i++)
    q.p[i] = (BcPoint) { layout->wheel_centre.x + uv[i][0] * c - uv[i][1] * s,
                         layout->wheel_centre.y + uv[i][0] * s + uv[i][1] * c };
  return q;
}

LegibilityQuad
legibility_rect_quad (const BcRect *r,
                      const char   *text)
{
  LegibilityQuad q = { { { r->x, r->y }, { r->x + r->width, r->y },
                         { r->x + r->width, r->y + r->height }, { r->x, r->y + r->height } },
                       text };
  return q;
}

/**
 * legibility_wheel_label_quads:
 *
 * Returns: (transfer full) (element-type LegibilityQuad): the actors'
 *   names, in the order of the layout's actors, then the sectors' names
 *   (the boxes the layout gives their items)
 */
GArray *
legibility_wheel_label_quads (BcLayout *layout)
{
  GArray *quads = g_array_new (FALSE, FALSE, sizeof (LegibilityQuad));

  for (guint i = 0; i < layout->actors->len; i++)
    {
      LegibilityQuad q = legibility_wheel_actor_quad (layout, i);
      g_array_append_val (quads, q);
    }
  for (guint i = 0; i < layout->items->len; i++)
    {
      BcLayoutItem *item = &g_array_index (layout->items, BcLayoutItem, i);

      if (item->kind == BC_LAYOUT_ITEM_SECTOR_LABEL)
        {
          LegibilityQuad q = legibility_rect_quad (&item->bounds,
                                                   g_array_index (layout->sectors, BcLayoutSector,
                                                                  item->index).label);
          g_array_append_val (quads, q);
        }
    }
  return quads;
}

/* Separating axes: two convex quads overlap unless an edge of one of
 * them gives an axis on which their shadows are apart. Touching is not
 * overlapping. */
gboolean
legibility_quads_overlap (const LegibilityQuad *a,
                          const LegibilityQuad *b)
{
  const LegibilityQuad *both[2] = { a, b };

  for (int k = 0; k < 2; k++)
    for (int e = 0; e < 4; e++)
      {
        BcPoint p = both[k]->p[e], q = both[k]->p[(e + 1) % 4];
        double nx = -(q.y - p.y), ny = q.x - p.x, len = hypot (nx, ny);
        double min_a = G_MAXDOUBLE, max_a = -G_MAXDOUBLE, min_b = G_MAXDOUBLE, max_b = -G_MAXDOUBLE;

        if (len == 0)
          continue;
        for (int i = 0; i < 4; i++)
          {
            double da = (a->p[i].x * nx + a->p[i].y * ny) / len;
            double db = (b->p[i].x * nx + b->p[i].y * ny) / len;

            min_a = MIN (min_a, da), max_a = MAX (max_a, da);
            min_b = MIN (min_b, db), max_b = MAX (max_b, db);
          }
        if (max_a <= min_b + 0.01 || max_b <= min_a + 0.01)
          return FALSE;
      }
  return TRUE;
}

/* How far (@x, @y) is from @q; 0 inside. */
double
legibility_quad_distance (const LegibilityQuad *q,
                          double                x,
                          double                y)
{
  gboolean inside = TRUE;
  double best = G_MAXDOUBLE;

  for (int e = 0; e < 4; e++)
    {
      BcPoint p = q->p[e], r = q->p[(e + 1) % 4];
      double vx = r.x - p.x, vy = r.y - p.y;
      double len2 = vx * vx + vy * vy;
      double t = len2 > 0 ? CLAMP (((x - p.x) * vx + (y - p.y) * vy) / len2, 0, 1) : 0;

      /* The quads go round one way: inside is on one side of each edge. */
      if (vx * (y - p.y) - vy * (x - p.x) < 0)
        inside = FALSE;
      best = MIN (best, hypot (x - (p.x + t * vx), y - (p.y + t * vy)));
    }
  return inside ? 0 : best;
}

/* Whether the segment a–b passes through the inside of @q. */
static gboolean
segment_meets_quad (BcPoint               a,
                    BcPoint               b,
                    const LegibilityQuad *q)
{
  LegibilityQuad seg = { { a, b, b, a } };

  if (legibility_quad_distance (q, a.x, a.y) == 0 || legibility_quad_distance (q, b.x, b.y) == 0)
    return TRUE;
  /* A segment is a quad of no width: the same axes decide. */
  return legibility_quads_overlap (q, &seg);
}

static gboolean
actor_label_is_cut (BcLayout  *layout,
                    guint      index,
                    GString   *why,
                    guint      count)
{
  BcLayoutActor *a = &g_array_index (layout->actors, BcLayoutActor, index);
  g_autofree char *joined = g_strdup (a->text);
  g_auto(GStrv) lines = g_strsplit (a->text != NULL ? a->text : "", "\n", -1);
  LegibilityQuad q = legibility_wheel_actor_quad (layout, index);
  double w, h;

  g_strdelimit (joined, "\n", ' ');
  if (g_strcmp0 (joined, bc_actor_get_name (a->actor)) != 0 || g_strv_length (lines) > 3)
    {
      SAY (why, count + 1, "cut: “%s” is not the whole name “%s”", a->text, bc_actor_get_name (a->actor));
      return TRUE;
    }
  _bc_render_text_size (BC_FONT_SMALL, a->text, 0, 1, &w, &h);
  if (a->label_width + 0.01 < w || a->label_height + 0.01 < h)
    {
      SAY (why, count + 1, "cut: “%s” has %g × %g for %g × %g", a->text,
           a->label_width, a->label_height, w, h);
      return TRUE;
    }
  for (int k = 0; k < 4; k++)
    if (q.p[k].x < 0 || q.p[k].y < 0 || q.p[k].x > layout->width || q.p[k].y > layout->height)
      {
        SAY (why, count + 1, "cut: “%s” runs off the drawing", a->text);
        return TRUE;
      }
  return FALSE;
}

/**
 * legibility_measure_wheel:
 *
 * The wheel's figures: `events` counts the actors shown; `cut`, names
 * not whole, wider than their box or off the drawing; `label_label`,
 * pairs of names (actors' and sectors') that overlap; `label_mark`, a
 * name over an actor's disc or an annotation mark; `line_label`,
 * (chord, name) pairs where the chord, sampled as 32 segments, passes
 * through the name.
 */
void
legibility_measure_wheel (BcLayout   *layout,
                          Legibility *out,
                          GString    *why)
{
  g_autoptr(GArray) quads = legibility_wheel_label_quads (layout);

  memset (out, 0, sizeof *out);
  out->events = layout->actors->len;

  for (guint i = 0; i < layout->actors->len; i++)
    if (actor_label_is_cut (layout, i, why, out->cut))
      out->cut++;

  for (guint i = 0; i < quads->len; i++)
    {
      LegibilityQuad *q = &g_array_index (quads, LegibilityQuad, i);

      for (guint j = i + 1; j < quads->len; j++)
        if (legibility_quads_overlap (q, &g_array_index (quads, LegibilityQuad, j)))
          {
            out->label_label++;
            SAY (why, out->label_label, "lab-lab: “%s” and “%s”", q->text,
                 g_array_index (quads, LegibilityQuad, j).text);
          }
      for (guint k = 0; k < layout->actors->len; k++)
        {
          BcLayoutActor *a = &g_array_index (layout->actors, BcLayoutActor, k);
          LegibilityQuad mark = legibility_rect_quad (&a->mark, NULL);

          if (legibility_quad_distance (q, a->centre.x, a->centre.y) < a->node.width / 2 ||
              (a->mark.width > 0 && legibility_quads_overlap (q, &mark)))
            {
              out->label_mark++;
              SAY (why, out->label_mark, "lab-mark: “%s” over the disc or mark of “%s”", q->text, a->text);
            }
        }
    }

  for (guint c = 0; c < layout->transfers->len; c++)
    {
      BcLayoutCurve *chord = &g_array_index (layout->transfers, BcLayoutCurve, c);

      for (guint i = 0; i < quads->len; i++)
        {
          LegibilityQuad *q = &g_array_index (quads, LegibilityQuad, i);
          BcPoint prev = chord->p[0];

          for (int s = 1; s <= 32; s++)
            {
              BcPoint next = bc_curve_point (chord->p, s / 32.0);

              if (segment_meets_quad (prev, next, q))
                {
                  out->line_label++;
                  SAY (why, out->line_label, "line-lab: a chord through “%s”", q->text);
                  break;
                }
              prev = next;
            }
        }
    }
}
