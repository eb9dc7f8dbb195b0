/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-painter.h"
#include "bc-render-private.h"

typedef struct
{
  double bg[3];
  double fg[3];
  double muted[3];
  double lane[2][3];
  double header[3];
  double grid[3];
  double node[3];
  double node_edge[3];
  double sector[2][3];
} Theme;

static const Theme themes[] = {
  [BC_THEME_LIGHT] = {
    .bg = { 1, 1, 1 },
    .fg = { 0.10, 0.10, 0.12 },
    .muted = { 0.42, 0.42, 0.46 },
    .lane = { { 0.975, 0.975, 0.98 }, { 0.94, 0.945, 0.955 } },
    .header = { 0.87, 0.88, 0.90 },
    .grid = { 0.82, 0.82, 0.85 },
    .node = { 0.20, 0.20, 0.24 },
    .node_edge = { 1, 1, 1 },
    .sector = { { 0.96, 0.96, 0.97 }, { 0.91, 0.915, 0.93 } },
  },
  [BC_THEME_DARK] = {
    .bg = { 0.12, 0.12, 0.14 },
    .fg = { 0.93, 0.93, 0.95 },
    .muted = { 0.65, 0.65, 0.70 },
    .lane = { { 0.15, 0.15, 0.17 }, { 0.18, 0.18, 0.21 } },
    .header = { 0.24, 0.24, 0.28 },
    .grid = { 0.30, 0.30, 0.34 },
    .node = { 0.88, 0.88, 0.92 },
    .node_edge = { 0.12, 0.12, 0.14 },
    .sector = { { 0.16, 0.16, 0.19 }, { 0.20, 0.20, 0.24 } },
  },
};

/* Okabe and Ito's colour-blind-safe palette, extended with two greys;
 * each mechanism also has its own mark, so greyscale still tells them
 * apart. Black becomes white on the dark theme. */
static const guint32 mechanism_colours[BC_N_MECHANISMS] = {
  0x0072B2, /* briefing: blue */
  0xE69F00, /* memorandum: orange */
  0xD55E00, /* draft text: vermilion */
  0x009E73, /* participant crossover: bluish green */
  0xCC79A7, /* back-channel message: reddish purple */
  0x56B4E9, /* facilitation: sky blue */
  0x000000, /* public statement: black */
  0xB8A000, /* public consultation: a darker Okabe–Ito yellow, legible on white */
  0x7A5195, /* workshop outcome: violet */
  0x888888, /* other: grey */
};

static const guint32 crossover_colours[] = {
  0x8C510A, 0x2D004B, 0x1B7837, 0x762A83, 0xB35806, 0x01665E,
};

static const double crossover_dashes[][2] = {
  { 1, 0 }, { 6, 3 }, { 2, 2 }, { 8, 2 }, { 4, 4 }, { 1, 3 },
};

/* Laid-out text, kept from one paint to the next. The canvas paints the
 * diagram in tiles, and a label across two tiles (the title across all
 * of them) was laid out and shaped again for each. Text is laid out in
 * the layout's own units, as the layout measured it, whatever the scale
 * of the paint: cairo scales the glyphs, and with hinting off (see
 * _bc_render_prepare_context()) the box painted is the box measured at
 * any zoom. So the fonts do not depend on the zoom either, and a new
 * zoom looks up no new font. A layout then depends on the font map and
 * the font options of the surface only, so each thread keeps the Pango
 * context of its last paint, and the layouts made with it, for as long
 * as those stay the same. */
typedef struct
{
  PangoContext         *context;
  cairo_font_options_t *surface_options;
  GHashTable           *layouts;  /* font, width, lines and text → PangoLayout */
} TextCache;

/* Past this many layouts the cache starts again. */
#define MAX_CACHED_LAYOUTS 2048

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_clear_object (&cache->context);
  g_clear_pointer (&cache->surface_options, cairo_font_options_destroy);
  g_hash_table_unref (cache->layouts);
  g_free (cache);
}

static GPrivate text_cache_key = G_PRIVATE_INIT (text_cache_free);

/* The current thread's cache, emptied unless its context lays text out
 * for @cr as a new one would. */
static TextCache *
text_cache_for (cairo_t *cr)
{
  TextCache *cache = g_private_get (&text_cache_key);
  cairo_font_options_t *options = cairo_font_options_create ();

  if (cache == NULL)
    {
      cache = g_new0 (TextCache, 1);
      cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&text_cache_key, cache);
    }

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  if (cache->context != NULL &&
      pango_context_get_font_map (cache->context) == pango_cairo_font_map_get_default () &&
      cairo_font_options_equal (cache->surface_options, options) &&
      g_hash_table_size (cache->layouts) < MAX_CACHED_LAYOUTS)
    {
      cairo_font_options_destroy (options);
      return cache;
    }

  g_hash_table_remove_all (cache->layouts);
  g_clear_object (&cache->context);
  g_clear_pointer (&cache->surface_options, cairo_font_options_destroy);
  cache->context = pango_cairo_create_context (cr);
  pango_context_set_matrix (cache->context, NULL);
  _bc_render_prepare_context (cache->context);
  cache->surface_options = options;
  return cache;
}

/* auxiliary functions */

/* @text in @font, as _bc_render_text() lays it out for this paint.
 * Returns: (transfer none): the layout, kept by the cache */
static PangoLayout *
text_layout (const char *font,
             const char *text,
             double      max_width,
             int         max_lines)
{
  TextCache *cache = g_private_get (&text_cache_key);
  char *key = g_strdup_printf ("%s\x1f%.17g\x1f%d\x1f%s", font, max_width, max_lines,
                               text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (cache->layouts, key);

  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }

  layout = _bc_render_text (cache->context, font, text, max_width, max_lines);
  g_hash_table_insert (cache->layouts, key, layout);
  return layout;
}

void
bc_mechanism_get_rgb (BcMechanism  mechanism,
                      BcTheme      theme,
                      double      *rgb)
{
  guint32 c = mechanism_colours[MIN ((guint) mechanism, BC_N_MECHANISMS - 1)];

  if (c == 0 && theme == BC_THEME_DARK)
    c = 0xF0F0F0;
  rgb[0] = ((c >> 16) & 0xff) / 255.0;
  rgb[1] = ((c >> 8) & 0xff) / 255.0;
  rgb[2] = (c & 0xff) / 255.0;
}

static void
set_rgb (cairo_t      *cr,
         const double *rgb)
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static void
set_hex (cairo_t *cr,
         guint32  c,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
                         (c & 0xff) / 255.0, alpha);
}

static void
draw_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           int         max_lines)
{
  PangoLayout *layout = text_layout (font, text, max_width, max_lines);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
polygon (cairo_t *cr,
         double   cx,
         double   cy,
         double   r,
         int      n,
         double   rotation)
{
  for (int i = 0; i < n; i++)
    {
      double a = rotation + 2 * G_PI * i / n;
      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
star (cairo_t *cr,
      double   cx,
      double   cy,
      double   r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + G_PI * i / 5;
      double rr = i % 2 == 0 ? r : r * 0.45;
      if (i == 0)
        cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a));
      else
        cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a));
    }
  cairo_close_path (cr);
}

/* The shape of an event says its type. */
static void
event_shape (cairo_t     *cr,
             BcEventType  type,
             double       cx,
             double       cy,
             double       r)
{
  switch (type)
    {
    case BC_EVENT_MEETING:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case BC_EVENT_NEGOTIATION:
      cairo_rectangle (cr, cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
      break;
    case BC_EVENT_WORKSHOP:
      polygon (cr, cx, cy + r * 0.15, r * 1.1, 3, -G_PI / 2);
      break;
    case BC_EVENT_AGREEMENT:
      polygon (cr, cx, cy, r * 1.15, 4, 0);
      break;
    case BC_EVENT_SIGNING:
      star (cr, cx, cy, r * 1.25);
      break;
    case BC_EVENT_STATEMENT:
      polygon (cr, cx, cy, r * 1.1, 3, 0);
      break;
    case BC_EVENT_PUBLICATION:
      cairo_rectangle (cr, cx - r * 0.7, cy - r, r * 1.4, r * 2);
      break;
    case BC_EVENT_VISIT:
      polygon (cr, cx, cy - r * 0.15, r * 1.1, 3, G_PI / 2);
      break;
    case BC_EVENT_APPOINTMENT:
      polygon (cr, cx, cy, r, 5, -G_PI / 2);
      break;
    case BC_EVENT_VIOLENCE:
      polygon (cr, cx, cy, r * 1.05, 8, G_PI / 8);
      break;
    case BC_EVENT_OTHER:
    default:
      polygon (cr, cx, cy, r, 6, 0);
      break;
    }
}

/* A mark per mechanism, drawn on the curve, so that the mechanism shows
 * without colour. */
static void
mechanism_mark (cairo_t     *cr,
                BcMechanism  m,
                double       cx,
                double       cy,
                double       r)
{
  switch (m)
    {
    case BC_MECHANISM_BRIEFING:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case BC_MECHANISM_MEMORANDUM:
      cairo_rectangle (cr, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      break;
    case BC_MECHANISM_DRAFT_TEXT:
      polygon (cr, cx, cy, r * 1.2, 4, 0);
      break;
    case BC_MECHANISM_PARTICIPANT_CROSSOVER:
      polygon (cr, cx, cy, r * 1.15, 3, -G_PI / 2);
      break;
    case BC_MECHANISM_BACK_CHANNEL_MESSAGE:
      polygon (cr, cx, cy, r * 1.15, 3, G_PI / 2);
      break;
    case BC_MECHANISM_FACILITATION:
      polygon (cr, cx, cy, r * 1.1, 6, 0);
      break;
    case BC_MECHANISM_PUBLIC_STATEMENT:
      star (cr, cx, cy, r * 1.35);
      break;
    case BC_MECHANISM_PUBLIC_CONSULTATION:
      polygon (cr, cx, cy, r * 1.1, 5, -G_PI / 2);
      break;
    case BC_MECHANISM_WORKSHOP_OUTCOME:
      /* a plus */
      cairo_rectangle (cr, cx - r * 1.1, cy - r * 0.4, r * 2.2, r * 0.8);
      cairo_rectangle (cr, cx - r * 0.4, cy - r * 1.1, r * 0.8, r * 2.2);
      break;
    case BC_MECHANISM_OTHER:
    default:
      polygon (cr, cx, cy, r * 1.0, 8, G_PI / 8);
      break;
    }
}

static void
bezier_at (const BcPoint *p,
           double         t,
           BcPoint       *out)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  out->x = a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x;
  out->y = a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y;
}

static void
arrowhead (cairo_t       *cr,
           const BcPoint *p,
           double         size)
{
  BcPoint tip = p[3], before;
  double angle;

  bezier_at (p, 0.97, &before);
  if (fabs (before.x - tip.x) < 1e-6 && fabs (before.y - tip.y) < 1e-6)
    before = p[0];
  angle = atan2 (tip.y - before.y, tip.x - before.x);
  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, tip.x - size * cos (angle - 0.42), tip.y - size * sin (angle - 0.42));
  cairo_line_to (cr, tip.x - size * cos (angle + 0.42), tip.y - size * sin (angle + 0.42));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
hatch (cairo_t      *cr,
       const BcRect *r)
{
  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  for (double x = r->x - r->height; x < r->x + r->width; x += 4)
    {
      cairo_move_to (cr, x, r->y + r->height);
      cairo_line_to (cr, x + r->height, r->y);
    }
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The mark of an annotated item: a speech bubble, filled in a warm
 * yellow that no mechanism uses, with a tail at its lower left. */
static void
annotation_mark (cairo_t      *cr,
                 const Theme  *th,
                 const BcRect *r)
{
  double rad = 1.5;
  double x = r->x, y = r->y, w = r->width, h = r->height - 2;

  if (r->width <= 0)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - rad, y + rad, rad, -G_PI / 2, 0);
  cairo_arc (cr, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
  cairo_line_to (cr, x + 3.5, y + h);
  cairo_line_to (cr, x + 1, y + h + 2);
  cairo_line_to (cr, x + 1.5, y + h);
  cairo_arc (cr, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
  cairo_arc (cr, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_hex (cr, 0xF5C211, 1);
  cairo_fill_preserve (cr);
  set_rgb (cr, th->node);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
}

/* painting each kind of item */

static void
paint_title (BcLayout    *layout,
             cairo_t     *cr,
             const Theme *th)
{
  BcRect *r = &layout->title_rect;
  PangoLayout *t;
  int h;

  set_rgb (cr, th->fg);
  t = text_layout (BC_FONT_TITLE, layout->title, r->width, 1);
  cairo_move_to (cr, r->x, r->y);
  pango_cairo_show_layout (cr, t);
  pango_layout_get_size (t, NULL, &h);
  set_rgb (cr, th->muted);
  draw_text (cr, BC_FONT_LABEL, layout->period, r->x, r->y + h / (double) PANGO_SCALE + 3, r->width, 1);
  draw_text (cr, BC_FONT_SMALL, layout->sources, r->x, r->y + h / (double) PANGO_SCALE + 20, r->width, 2);
}

static void
paint_lane (BcLayout    *layout,
            cairo_t     *cr,
            const Theme *th,
            guint        i)
{
  BcLayoutLane *lane = &g_array_index (layout->lanes, BcLayoutLane, i);

  set_rgb (cr, th->lane[i % 2]);
  cairo_rectangle (cr, lane->rect.x, lane->rect.y, lane->rect.width, lane->rect.height);
  cairo_fill (cr);
  set_rgb (cr, th->header);
  cairo_rectangle (cr, lane->header.x, lane->header.y, lane->header.width, lane->header.height);
  cairo_fill (cr);
  set_rgb (cr, th->fg);
  draw_text (cr, BC_FONT_HEADER, lane->label, lane->header.x + 6, lane->header.y + 3,
             lane->header.width - 12, 1);
}

static void
paint_tick (BcLayout    *layout,
            cairo_t     *cr,
            const Theme *th,
            guint        i)
{
  BcLayoutTick *t = &g_array_index (layout->ticks, BcLayoutTick, i);
  double top = layout->plot.y;

  set_rgb (cr, th->grid);
  cairo_set_line_width (cr, t->major ? 1.0 : 0.5);
  cairo_move_to (cr, t->x, top - 6);
  cairo_line_to (cr, t->x, layout->plot.y + layout->plot.height);
  cairo_stroke (cr);
  set_rgb (cr, t->major ? th->fg : th->muted);
  draw_text (cr, t->major ? BC_FONT_HEADER : BC_FONT_SMALL, t->label, t->x + 2, top - 22, 0, 1);
}

static void
paint_event (BcLayout    *layout,
             cairo_t     *cr,
             const Theme *th,
             guint        i)
{
  BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, i);
  double cx = e->node.x + e->node.width / 2, cy = e->node.y + e->node.height / 2;

  if (e->bar.width > 0)
    {
      if (e->imprecise)
        {
          /* Only the month or year is known: a faint hatched span. */
          cairo_set_source_rgba (cr, th->node[0], th->node[1], th->node[2], 0.10);
          cairo_rectangle (cr, e->bar.x, e->bar.y, e->bar.width, e->bar.height);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, th->node[0], th->node[1], th->node[2], 0.35);
          hatch (cr, &e->bar);
        }
      else
        {
          double r = e->bar.height / 2;
          cairo_set_source_rgba (cr, th->node[0], th->node[1], th->node[2], 0.40);
          cairo_new_sub_path (cr);
          cairo_arc (cr, e->bar.x + r, e->bar.y + r, r, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (cr, e->bar.x + e->bar.width - r, e->bar.y + r, r, -G_PI / 2, G_PI / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
    }

  event_shape (cr, e->type, cx, cy, e->node.width / 2);
  if (e->imprecise)
    {
      /* An open shape: the date is less precise than a day. */
      set_rgb (cr, th->bg);
      cairo_fill_preserve (cr);
      set_rgb (cr, th->node);
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
    }
  else
    {
      set_rgb (cr, th->node);
      cairo_fill_preserve (cr);
      set_rgb (cr, th->node_edge);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  if (e->label.width > 0)
    {
      set_rgb (cr, th->fg);
      draw_text (cr, BC_FONT_LABEL, e->text, e->label.x, e->label.y, e->label.width + 0.5, 1);
    }
  annotation_mark (cr, th, &e->mark);
}

static void
paint_curve_path (cairo_t       *cr,
                  const BcPoint *p)
{
  cairo_move_to (cr, p[0].x, p[0].y);
  cairo_curve_to (cr, p[1].x, p[1].y, p[2].x, p[2].y, p[3].x, p[3].y);
}

static void
paint_link (BcLayout    *layout,
            cairo_t     *cr,
            const Theme *th,
            guint        i)
{
  BcLayoutCurve *c = &g_array_index (layout->links, BcLayoutCurve, i);
  BcLinkType type = BC_IS_LINK (c->object) ? bc_link_get_link_type (BC_LINK (c->object))
                                            : BC_LINK_LEADS_TO;
  static const double dots[] = { 2, 2 };

  cairo_set_source_rgba (cr, th->muted[0], th->muted[1], th->muted[2], 0.8);
  cairo_set_line_width (cr, layout->options.view == BC_VIEW_WHEEL ? 0.6 * MIN (c->weight, 4) : 0.8);
  if (type == BC_LINK_PARALLEL_TO)
    cairo_set_dash (cr, dots, 2, 0);
  paint_curve_path (cr, c->p);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (type != BC_LINK_PARALLEL_TO && layout->options.view == BC_VIEW_LANES)
    arrowhead (cr, c->p, 5);
}

static void
paint_transfer (BcLayout    *layout,
                cairo_t     *cr,
                const Theme *th,
                BcTheme      theme,
                guint        i)
{
  BcLayoutCurve *c = &g_array_index (layout->transfers, BcLayoutCurve, i);
  static const double dashes[] = { 7, 4 };
  double rgb[3], alpha = 1, width;
  BcPoint mid;
  gboolean wheel = layout->options.view == BC_VIEW_WHEEL;

  bc_mechanism_get_rgb (c->mechanism, theme, rgb);
  width = wheel ? 1.5 + 1.2 * (MIN (c->weight, 6) - 1) : 2.4;
  if (layout->options.highlight >= 0)
    {
      if ((int) c->mechanism == layout->options.highlight)
        width += 1.6;
      else
        alpha = 0.2;
    }

  /* A halo in the background colour keeps the curve readable where it
   * crosses labels and other curves. */
  cairo_set_source_rgba (cr, th->bg[0], th->bg[1], th->bg[2], 0.7 * alpha);
  cairo_set_line_width (cr, width + 2.5);
  paint_curve_path (cr, c->p);
  cairo_stroke (cr);

  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_set_line_width (cr, width);
  if (c->status == BC_STATUS_INFERRED)
    cairo_set_dash (cr, dashes, 2, 0);
  paint_curve_path (cr, c->p);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  arrowhead (cr, c->p, 8 + width);

  bezier_at (c->p, 0.5, &mid);
  mechanism_mark (cr, c->mechanism, mid.x, mid.y, 4.5);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, th->bg[0], th->bg[1], th->bg[2], alpha);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);

  if (c->status == BC_STATUS_DISPUTED)
    {
      /* A "?" badge: the claim is contested. */
      double bx = mid.x + 10, by = mid.y - 10;
      cairo_arc (cr, bx, by, 6.5, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, th->bg[0], th->bg[1], th->bg[2], alpha);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], alpha);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      set_rgb (cr, th->fg);
      draw_text (cr, BC_FONT_HEADER, "?", bx - 3.2, by - 7.5, 0, 1);
    }
  annotation_mark (cr, th, &c->mark);
}

static void
paint_crossover (BcLayout    *layout,
                 cairo_t     *cr,
                 guint        i)
{
  BcLayoutCrossover *c = &g_array_index (layout->crossovers, BcLayoutCrossover, i);
  guint s = c->style % G_N_ELEMENTS (crossover_colours);

  if (c->points->len == 0)
    return;
  set_hex (cr, crossover_colours[s], 0.7);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (crossover_dashes[s][1] > 0)
    cairo_set_dash (cr, crossover_dashes[s], 2, 0);
  for (guint p = 0; p < c->points->len; p++)
    {
      BcPoint *pt = &g_array_index (c->points, BcPoint, p);
      if (p == 0)
        cairo_move_to (cr, pt->x, pt->y);
      else
        cairo_line_to (cr, pt->x, pt->y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint p = 0; p < c->points->len; p += 2)
    {
      BcPoint *pt = &g_array_index (c->points, BcPoint, p);
      cairo_arc (cr, pt->x, pt->y, 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
paint_sector (BcLayout    *layout,
              cairo_t     *cr,
              const Theme *th,
              guint        i)
{
  BcLayoutSector *s = &g_array_index (layout->sectors, BcLayoutSector, i);

  cairo_move_to (cr, s->centre.x, s->centre.y);
  cairo_arc (cr, s->centre.x, s->centre.y, s->outer, s->angle0, s->angle1);
  cairo_close_path (cr);
  set_rgb (cr, th->sector[s->track % 2]);
  cairo_fill_preserve (cr);
  set_rgb (cr, th->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
paint_sector_label (BcLayout    *layout,
                    cairo_t     *cr,
                    const Theme *th,
                    guint        i)
{
  BcLayoutSector *s = &g_array_index (layout->sectors, BcLayoutSector, i);
  double w, h;

  _bc_render_text_size (BC_FONT_HEADER, s->label, 0, 1, &w, &h);
  cairo_set_source_rgba (cr, th->bg[0], th->bg[1], th->bg[2], 0.8);
  cairo_rectangle (cr, s->label_at.x - w / 2 - 4, s->label_at.y - h / 2 - 1, w + 8, h + 2);
  cairo_fill (cr);
  set_rgb (cr, th->fg);
  _bc_render_text_size (BC_FONT_HEADER, s->label, 0, 1, &w, &h);
  draw_text (cr, BC_FONT_HEADER, s->label, s->label_at.x - w / 2, s->label_at.y - h / 2, 0, 1);
}

static void
paint_actor (BcLayout    *layout,
             cairo_t     *cr,
             const Theme *th,
             guint        i)
{
  BcLayoutActor *a = &g_array_index (layout->actors, BcLayoutActor, i);
  PangoLayout *text;
  gboolean left = cos (a->angle) < 0;
  int tw, th_;

  cairo_arc (cr, a->centre.x, a->centre.y, a->node.width / 2, 0, 2 * G_PI);
  set_rgb (cr, th->node);
  cairo_fill (cr);
  annotation_mark (cr, th, &a->mark);

  text = text_layout (BC_FONT_SMALL, a->text, 160, 1);
  pango_layout_get_size (text, &tw, &th_);
  cairo_save (cr);
  cairo_translate (cr, layout->wheel_centre.x, layout->wheel_centre.y);
  /* Labels run outwards; on the left half they are turned over so that
   * they still read left to right. */
  if (left)
    {
      cairo_rotate (cr, a->angle + G_PI);
      cairo_move_to (cr, -a->label_from - tw / (double) PANGO_SCALE, -th_ / (2.0 * PANGO_SCALE));
    }
  else
    {
      cairo_rotate (cr, a->angle);
      cairo_move_to (cr, a->label_from, -th_ / (2.0 * PANGO_SCALE));
    }
  set_rgb (cr, th->fg);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
}

static void
paint_legend (BcLayout    *layout,
              cairo_t     *cr,
              const Theme *th,
              BcTheme      theme)
{
  for (guint i = 0; i < layout->legend->len; i++)
    {
      BcLegendEntry *e = &g_array_index (layout->legend, BcLegendEntry, i);
      BcRect *s = &e->swatch;
      double cy = s->y + s->height / 2;

      switch (e->kind)
        {
        case BC_LEGEND_HEADING:
          set_rgb (cr, th->fg);
          draw_text (cr, BC_FONT_HEADER, e->text, e->text_box.x, e->text_box.y, e->text_box.width + 1, 1);
          continue;
        case BC_LEGEND_TRACK:
          set_rgb (cr, th->header);
          cairo_rectangle (cr, s->x + 2, s->y + 1, s->width - 4, s->height - 2);
          cairo_fill (cr);
          break;
        case BC_LEGEND_MECHANISM:
          {
            double rgb[3];
            bc_mechanism_get_rgb (e->value, theme, rgb);
            cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
            cairo_set_line_width (cr, 2.4);
            cairo_move_to (cr, s->x, cy);
            cairo_line_to (cr, s->x + s->width, cy);
            cairo_stroke (cr);
            mechanism_mark (cr, e->value, s->x + s->width / 2, cy, 4);
            cairo_fill_preserve (cr);
            set_rgb (cr, th->bg);
            cairo_set_line_width (cr, 1);
            cairo_stroke (cr);
          }
          break;
        case BC_LEGEND_STATUS:
          {
            static const double dashes[] = { 7, 4 };
            set_rgb (cr, th->fg);
            cairo_set_line_width (cr, 2);
            if (e->value == BC_STATUS_INFERRED)
              cairo_set_dash (cr, dashes, 2, 0);
            cairo_move_to (cr, s->x, cy);
            cairo_line_to (cr, s->x + s->width - 8, cy);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
            if (e->value == BC_STATUS_DISPUTED)
              draw_text (cr, BC_FONT_HEADER, "?", s->x + s->width - 6, s->y - 1, 0, 1);
          }
          break;
        case BC_LEGEND_EVENT_TYPE:
          event_shape (cr, e->value, s->x + s->width / 2, cy, 5.5);
          set_rgb (cr, th->node);
          cairo_fill (cr);
          break;
        case BC_LEGEND_CROSSOVER:
          {
            guint k = e->value % G_N_ELEMENTS (crossover_colours);
            set_hex (cr, crossover_colours[k], 0.85);
            cairo_set_line_width (cr, 2);
            if (crossover_dashes[k][1] > 0)
              cairo_set_dash (cr, crossover_dashes[k], 2, 0);
            cairo_move_to (cr, s->x, cy);
            cairo_line_to (cr, s->x + s->width, cy);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;
        case BC_LEGEND_PRECISION:
          {
            BcRect bar = { s->x, cy - 5, s->width, 10 };
            if (e->value == 0)
              {
                cairo_set_source_rgba (cr, th->node[0], th->node[1], th->node[2], 0.4);
                cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
                cairo_fill (cr);
              }
            else if (e->value == 1)
              {
                cairo_set_source_rgba (cr, th->node[0], th->node[1], th->node[2], 0.35);
                hatch (cr, &bar);
              }
            else
              {
                BcPoint p[4] = { { s->x, cy }, { s->x + 9, cy }, { s->x + 18, cy }, { s->x + s->width, cy } };
                set_rgb (cr, th->muted);
                cairo_set_line_width (cr, 0.8);
                paint_curve_path (cr, p);
                cairo_stroke (cr);
                arrowhead (cr, p, 5);
              }
          }
          break;
        default:
          break;
        }
      set_rgb (cr, th->fg);
      draw_text (cr, BC_FONT_SMALL, e->text, e->text_box.x, e->text_box.y, e->text_box.width + 1, 1);
    }
}

/* public API */

void
bc_paint_options_init (BcPaintOptions *options)
{
  options->theme = BC_THEME_LIGHT;
  options->background = TRUE;
}

/**
 * bc_painter_paint:
 * @layout: the geometry to paint
 * @cr: a cairo context in layout coordinates
 * @viewport: (nullable): the area to paint; %NULL for the whole layout
 * @options: (nullable): theme and background
 *
 * Paints the items that meet @viewport, found through the layout's
 * spatial index; nothing else is visited. Screen, PNG, SVG and PDF all
 * go through here.
 *
 * Returns: how many items were painted
 */
guint
bc_painter_paint (BcLayout             *layout,
                  cairo_t              *cr,
                  const BcRect         *viewport,
                  const BcPaintOptions *options)
{
  BcPaintOptions defaults;
  BcRect whole = { 0, 0, layout->width, layout->height };
  g_autoptr(GArray) hits = NULL;
  const Theme *th;

  if (options == NULL)
    {
      bc_paint_options_init (&defaults);
      options = &defaults;
    }
  if (viewport == NULL)
    viewport = &whole;
  th = &themes[options->theme == BC_THEME_DARK ? BC_THEME_DARK : BC_THEME_LIGHT];
  text_cache_for (cr);

  cairo_save (cr);
  cairo_rectangle (cr, viewport->x, viewport->y, viewport->width, viewport->height);
  cairo_clip (cr);
  if (options->background)
    {
      set_rgb (cr, th->bg);
      cairo_paint (cr);
    }

  hits = bc_layout_query (layout, viewport);
  for (guint i = 0; i < hits->len; i++)
    {
      BcLayoutItem *item = &g_array_index (layout->items, BcLayoutItem, g_array_index (hits, guint, i));

      cairo_save (cr);
      switch (item->kind)
        {
        case BC_LAYOUT_ITEM_TITLE:
          paint_title (layout, cr, th);
          break;
        case BC_LAYOUT_ITEM_LANE:
          paint_lane (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_TICK:
          paint_tick (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_SECTOR:
          paint_sector (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_SECTOR_LABEL:
          paint_sector_label (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_CROSSOVER:
          paint_crossover (layout, cr, item->index);
          break;
        case BC_LAYOUT_ITEM_LINK:
          paint_link (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_EVENT:
          paint_event (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_ACTOR:
          paint_actor (layout, cr, th, item->index);
          break;
        case BC_LAYOUT_ITEM_TRANSFER:
          paint_transfer (layout, cr, th, options->theme, item->index);
          break;
        case BC_LAYOUT_ITEM_LEGEND:
          paint_legend (layout, cr, th, options->theme);
          break;
        default:
          break;
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
  return hits->len;
}
