/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-layout-private.h"
#include "bc-render-private.h"

/* A label's lines: as wide as reads comfortably, wider only when three
 * lines of that width cannot hold the title. */
#define LABEL_LINE_W   180.0
#define LABEL_MAX_LINES 3
#define ROW_H          20.0
#define LABEL_PAD      1.5
#define BAND_H         4.0
/* Beyond this many rows a lane is dense: a row is taken only when it is
 * clear to the right of everything in it, which needs no search. */
#define SEARCHED_ROWS  12
/* Beyond this many rows, lines kept clear are no longer in a label's
 * way (see _bc_placer_place()). */
#define CLEAR_ROWS     40
#define CLEAR_BUCKET   32.0

/* auxiliary functions: the grid of boxes */

struct _BcBoxGrid
{
  double      cell;
  GHashTable *cells; /* packed cell key → GArray of guint */
  GArray     *boxes; /* BcRect */
  GArray     *marks; /* guint: the query a box was last seen in */
  guint       query;
};

static gint64
cell_key (int cx,
          int cy)
{
  /* Cells left of or above the origin have negative indices: shifted
   * as unsigned bits, which C defines. */
  return (gint64) (((guint64) (guint32) cx << 32) | (guint32) cy);
}

/* g_int64_hash() folds the two halves of a key together, x ^ y, which
 * gives every cell of a diagonal the same hash: a grid of many cells
 * then searches long chains. The halves are mixed apart instead. */
static guint
cell_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;

  return (guint) (k >> 32) * 0x9E3779B1u ^ (guint) k * 0x85EBCA77u;
}

BcBoxGrid *
_bc_box_grid_new (double cell)
{
  BcBoxGrid *grid = g_new0 (BcBoxGrid, 1);

  grid->cell = cell;
  grid->cells = g_hash_table_new_full (cell_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  grid->boxes = g_array_new (FALSE, FALSE, sizeof (BcRect));
  grid->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  return grid;
}

void
_bc_box_grid_free (BcBoxGrid *grid)
{
  if (grid == NULL)
    return;
  g_hash_table_unref (grid->cells);
  g_array_unref (grid->boxes);
  g_array_unref (grid->marks);
  g_free (grid);
}

guint
_bc_box_grid_add (BcBoxGrid    *grid,
                  const BcRect *box)
{
  guint id = grid->boxes->len;
  guint zero = 0;

  g_array_append_val (grid->boxes, *box);
  g_array_append_val (grid->marks, zero);
  for (int cy = floor (box->y / grid->cell); cy <= floor ((box->y + box->height) / grid->cell); cy++)
    for (int cx = floor (box->x / grid->cell); cx <= floor ((box->x + box->width) / grid->cell); cx++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *list = g_hash_table_lookup (grid->cells, &key);

        if (list == NULL)
          {
            list = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid->cells, g_memdup2 (&key, sizeof key), list);
          }
        g_array_append_val (list, id);
      }
  return id;
}

const BcRect *
_bc_box_grid_get (BcBoxGrid *grid,
                  guint      id)
{
  return &g_array_index (grid->boxes, BcRect, id);
}

gboolean
_bc_box_grid_any (BcBoxGrid    *grid,
                  const BcRect *box,
                  gboolean    (*func) (guint id, const BcRect *r, gpointer data),
                  gpointer      data)
{
  grid->query++;
  for (int cy = floor (box->y / grid->cell); cy <= floor ((box->y + box->height) / grid->cell); cy++)
    for (int cx = floor (box->x / grid->cell); cx <= floor ((box->x + box->width) / grid->cell); cx++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *list = g_hash_table_lookup (grid->cells, &key);

        for (guint i = 0; list != NULL && i < list->len; i++)
          {
            guint id = g_array_index (list, guint, i);
            guint *mark = &g_array_index (grid->marks, guint, id);

            /* A box over several cells is looked at once. */
            if (*mark == grid->query)
              continue;
            *mark = grid->query;
            if (func (id, &g_array_index (grid->boxes, BcRect, id), data))
              return TRUE;
          }
      }
  return FALSE;
}

typedef struct
{
  BcRect box;
} Meets;

static gboolean
meets_cb (guint         id,
          const BcRect *r,
          gpointer      data)
{
  return r->width > 0 && r->height > 0 && bc_rect_intersects (r, &((Meets *) data)->box);
}

/* Whether a box of the grid comes within @pad of @box. */
gboolean
_bc_box_grid_meets (BcBoxGrid    *grid,
                    const BcRect *box,
                    double        pad)
{
  Meets m = { { box->x - pad, box->y - pad, box->width + 2 * pad, box->height + 2 * pad } };

  return _bc_box_grid_any (grid, &m.box, meets_cb, &m);
}

/* auxiliary functions: breaking titles */

/* The lines Pango breaks @title into at @width, joined by '\n', and how
 * many there are. */
static char *
break_lines (const char *title,
             double      width,
             int        *n_lines)
{
  g_autoptr(PangoLayout) layout = _bc_render_text (_bc_render_get_measure_context (),
                                                   BC_FONT_LABEL, title, 0, 1);
  GString *text = g_string_new (NULL);
  PangoLayoutIter *iter;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  *n_lines = pango_layout_get_line_count (layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *part = g_strndup (title + line->start_index, line->length);

      /* The space a line is broken at goes with the break. */
      g_strchomp (part);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, part);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return g_string_free (text, FALSE);
}

/**
 * _bc_label_wrap:
 * @text: (out) (transfer full): @title broken into lines by '\n'
 * @width: (out): the widest line
 * @height: (out): the lines' height
 *
 * Breaks @title into as few lines as it needs, at most three, of about
 * even length and no wider than a comfortable measure; a title that
 * three such lines cannot hold gets wider lines, never a cut.
 */
void
_bc_label_wrap (const char *title,
                char      **text,
                double     *width,
                double     *height)
{
  double natural, h;
  int n = 1;

  title = title != NULL ? title : "";
  _bc_render_text_size (BC_FONT_LABEL, title, 0, 1, &natural, &h);
  if (natural <= LABEL_LINE_W || strchr (title, '\n') != NULL)
    *text = g_strdup (title);
  else
    {
      int lines = (int) ceil (natural / LABEL_LINE_W);
      /* Even lines: the natural width shared out, with room for words
       * that do not break evenly. */
      double w = MAX (natural / MIN (lines, LABEL_MAX_LINES) * 1.08, 60);

      *text = NULL;
      for (int tries = 0; tries < 12; tries++, w *= 1.12)
        {
          g_free (*text);
          *text = break_lines (title, w, &n);
          if (n <= LABEL_MAX_LINES)
            break;
        }
      if (n > LABEL_MAX_LINES)
        {
          g_free (*text);
          *text = g_strdup (title);
        }
    }
  _bc_render_text_size (BC_FONT_LABEL, *text, 0, 1, width, height);
}

/* auxiliary functions: placing */

struct _BcPlacer
{
  double     left, right, top, bottom;
  BcBoxGrid *placed;
  /* For each band of BAND_H from the top, the right end of what is
   * placed across it: a box right of all of them is clear at once. */
  GArray    *skyline;
  /* Vertical lines labels keep clear of: boxes of x and y, bucketed. */
  GPtrArray *clear; /* per bucket: GArray of x0, x1, y0, y1 */
};

BcPlacer *
_bc_placer_new (double left,
                double right,
                double top)
{
  BcPlacer *p = g_new0 (BcPlacer, 1);

  p->left = left;
  p->right = right;
  p->top = top;
  p->bottom = top;
  p->placed = _bc_box_grid_new (64);
  p->skyline = g_array_new (FALSE, TRUE, sizeof (double));
  p->clear = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return p;
}

void
_bc_placer_free (BcPlacer *p)
{
  if (p == NULL)
    return;
  _bc_box_grid_free (p->placed);
  g_array_unref (p->skyline);
  g_ptr_array_unref (p->clear);
  g_free (p);
}

static int
bucket_of (BcPlacer *p,
           double    x)
{
  return CLAMP ((int) floor ((x - p->left) / CLEAR_BUCKET), 0, (int) ((p->right - p->left) / CLEAR_BUCKET) + 1);
}

void
_bc_placer_keep_clear (BcPlacer *p,
                       double    x0,
                       double    x1)
{
  _bc_placer_keep_clear_rows (p, x0, x1, -G_MAXDOUBLE, G_MAXDOUBLE);
}

/* Keeps the columns from @x0 to @x1 clear of labels between @y0 and @y1
 * only: where a line runs from its event to the edge of the lane. */
void
_bc_placer_keep_clear_rows (BcPlacer *p,
                            double    x0,
                            double    x1,
                            double    y0,
                            double    y1)
{
  double box[4] = { x0, x1, y0, y1 };

  for (int b = bucket_of (p, x0); b <= bucket_of (p, x1); b++)
    {
      while ((int) p->clear->len <= b)
        g_ptr_array_add (p->clear, g_array_new (FALSE, FALSE, sizeof (double)));
      g_array_append_vals (g_ptr_array_index (p->clear, b), box, 4);
    }
}

static gboolean
crosses_clear (BcPlacer     *p,
               const BcRect *r)
{
  for (int b = bucket_of (p, r->x); b <= bucket_of (p, r->x + r->width) && b < (int) p->clear->len; b++)
    {
      GArray *list = g_ptr_array_index (p->clear, b);

      for (guint i = 0; i < list->len; i += 4)
        if (r->x < g_array_index (list, double, i + 1) && g_array_index (list, double, i) < r->x + r->width &&
            r->y < g_array_index (list, double, i + 3) && g_array_index (list, double, i + 2) < r->y + r->height)
          return TRUE;
    }
  return FALSE;
}

static void
band_range (BcPlacer     *p,
            const BcRect *r,
            int          *b0,
            int          *b1)
{
  *b0 = MAX (0, (int) floor ((r->y - p->top) / BAND_H));
  *b1 = MAX (*b0, (int) floor ((r->y + r->height - p->top) / BAND_H));
}

/* Right of everything placed across its height. */
static gboolean
clear_to_the_right (BcPlacer     *p,
                    const BcRect *r)
{
  int b0, b1;

  band_range (p, r, &b0, &b1);
  for (int b = b0; b <= b1 && b < (int) p->skyline->len; b++)
    if (g_array_index (p->skyline, double, b) + LABEL_PAD > r->x)
      return FALSE;
  return TRUE;
}

/* Whether @r is clear of what is placed; a label must also keep within
 * the lane, where a node stands where its date puts it. */
static gboolean
is_free (BcPlacer     *p,
         const BcRect *r,
         gboolean      searched,
         gboolean      inside)
{
  if (r->y < p->top)
    return FALSE;
  if (inside && (r->x < p->left - 0.01 || r->x + r->width > p->right + 0.01))
    return FALSE;
  if (clear_to_the_right (p, r))
    return TRUE;
  return searched && !_bc_box_grid_meets (p->placed, r, LABEL_PAD);
}

static void
take (BcPlacer     *p,
      const BcRect *r)
{
  int b0, b1;

  if (r->width <= 0)
    return;
  _bc_box_grid_add (p->placed, r);
  band_range (p, r, &b0, &b1);
  if ((int) p->skyline->len <= b1)
    {
      double none = -G_MAXDOUBLE;
      while ((int) p->skyline->len <= b1)
        g_array_append_val (p->skyline, none);
    }
  for (int b = b0; b <= b1; b++)
    {
      double *end = &g_array_index (p->skyline, double, b);
      *end = MAX (*end, r->x + r->width);
    }
  p->bottom = MAX (p->bottom, r->y + r->height);
}

/**
 * _bc_placer_place:
 * @event: an event whose node and bar are placed in x, and whose label
 *   has its size
 *
 * Finds the first row, from the top, where the event's node and bar are
 * free and its label fits in one of the places around it, in order of
 * preference: right of the mark, left of it, above, below, and right
 * but a row or two lower, with a leader line. There is always such a
 * row: below everything placed so far.
 */
void
_bc_placer_place (BcPlacer      *p,
                  BcLayoutEvent *e)
{
  BcRect mark = e->node;
  double w = e->label.width, h = e->label.height;
  double cx = e->node.x + e->node.width / 2;

  if (e->bar.width > 0)
    mark = bc_rect_union (mark, e->bar);
  /* The annotation mark, on the node's top-right corner, is part of
   * what the label must leave visible. */
  if (e->annotations > 0)
    mark = bc_rect_union (mark, (BcRect) { e->node.x + e->node.width - 3, e->node.y - 5, MARK_W, MARK_H });

  for (int row = 0; ; row++)
    {
      gboolean searched = row < SEARCHED_ROWS;
      gboolean beyond;
      double cy = p->top + ROW_H / 2 + row * ROW_H;
      BcRect node = { e->node.x, cy - e->node.height / 2, e->node.width, e->node.height };
      BcRect bar = { e->bar.x, cy - e->bar.height / 2, e->bar.width, e->bar.height };
      BcRect ext = e->bar.width > 0 ? bc_rect_union (node, bar) : node;
      BcRect note = { node.x + node.width - 3, node.y - 5, MARK_W, MARK_H };
      double above_x = CLAMP (cx - w / 2, p->left, p->right - w);
      BcRect candidates[] = {
        { mark.x + mark.width + LABEL_GAP, cy - h / 2, w, h },
        { mark.x - LABEL_GAP - w, cy - h / 2, w, h },
        { above_x, MIN (node.y, e->annotations > 0 ? note.y : node.y) - 2 - h, w, h },
        { above_x, node.y + node.height + 2, w, h },
        { mark.x + mark.width + LABEL_GAP, cy + ROW_H - h / 2, w, h },
        { mark.x + mark.width + LABEL_GAP, cy + 2 * ROW_H - h / 2, w, h },
      };

      if (e->annotations > 0)
        ext = bc_rect_union (ext, note);
      if (!is_free (p, &ext, searched, FALSE))
        continue;
      /* Below everything placed, nothing but the lines kept clear and
       * the lane's ends can be in the way: let the label cross a line
       * (it gets a halo) or stand out of a lane too narrow for it,
       * rather than search on for ever. */
      beyond = candidates[2].y > p->bottom + LABEL_PAD;
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          BcRect *l = &candidates[c];
          gboolean last_resort = beyond && c == 2;
          BcRect leader;

          /* In a dense lane, only what is placed is in the way: lines
           * kept clear there would leave a label nowhere but a row of
           * its own, and the lane would grow a row per label. */
          if (!last_resort && ((row < CLEAR_ROWS && crosses_clear (p, l)) || !is_free (p, l, searched, TRUE)))
            continue;
          /* The label may not sit on its own node or bar either. */
          if (bc_rect_intersects (l, &ext))
            continue;
          /* Nor may its leader run through another label: the leader
           * keeps the strip it runs down, between mark and label. */
          leader = (BcRect) { ext.x + ext.width, cy, l->x - (ext.x + ext.width), l->y + l->height / 2 - cy };
          if (c >= 4 && !last_resort && !is_free (p, &leader, searched, TRUE))
            continue;
          e->node = node;
          e->bar = e->bar.width > 0 ? bar : e->bar;
          e->label = *l;
          e->leader = c >= 4;
          if (e->leader)
            {
              e->leader_from = (BcPoint) { ext.x + ext.width, cy };
              e->leader_to = (BcPoint) { l->x, l->y + l->height / 2 };
              take (p, &leader);
            }
          take (p, &ext);
          take (p, l);
          return;
        }
    }
}

double
_bc_placer_bottom (BcPlacer *p)
{
  return p->bottom;
}
