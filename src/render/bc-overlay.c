/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-overlay"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bc-overlay.h"

/* What follows the user rather than the case, drawn over the painted
 * picture: the selection ring, the date "as known on", the handle and
 * grips of the editing tool, what a drag would do, and the hints that
 * say why a drop was refused. Sizes here are screen pixels; divided by
 * the zoom they keep their size at any zoom, around items that grow with
 * it. */

/* The selection ring: its gap around the item's shape and its line. */
#define SELECTION_GAP  4.0
#define SELECTION_LINE 3.0
/* The ring around an event a drag joins. */
#define RING_GAP       5.0
#define RING_LINE      2.0
#define ARROW_LINE     2.5
#define ARROW_HEAD     10.0
#define GRIP_RADIUS    4.0
#define TAG_PAD        6.0
#define TAG_RADIUS     5.0
#define TAG_WIDTH      360

/* Auxiliary functions */

static void
set_color (cairo_t       *cr,
           const BcColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
ring_node (cairo_t      *cr,
           const BcRect *node,
           double        zoom)
{
  cairo_set_line_width (cr, RING_LINE / zoom);
  cairo_arc (cr, node->x + node->width / 2, node->y + node->height / 2,
             MAX (node->width, node->height) / 2 + RING_GAP / zoom, 0, 2 * G_PI);
  cairo_stroke (cr);
}

/* A line down the lanes at @x, from just above the plot. */
static void
plot_line (cairo_t       *cr,
           BcLayout      *layout,
           double         x,
           double         width,
           const BcColor *color)
{
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, layout->plot.y - 8);
  cairo_line_to (cr, x, layout->plot.y + layout->plot.height);
  cairo_stroke (cr);
}

/* Public API */

void
bc_overlay_style_init (BcOverlayStyle *style,
                       double          zoom)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (zoom > 0);

  /* Adwaita's blue and red, for a context with no style of its own. */
  *style = (BcOverlayStyle) {
    zoom,
    { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 },
    { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 },
    { 0, 0, 0, 0.8 },
    { 1, 1, 1, 1 },
  };
}

/**
 * bc_overlay_selection_bounds:
 * @hit: the selected item
 * @zoom: screen pixels per layout unit
 * @bounds: (out caller-allocates): the box the selection paints into
 *
 * The ring fits its item at every zoom: it lies a few screen pixels
 * around the item's shape (bc_layout_hit_shape()).
 */
void
bc_overlay_selection_bounds (BcLayout          *layout,
                             const BcLayoutHit *hit,
                             double             zoom,
                             BcRect            *bounds)
{
  BcRect shape;
  double out;

  bc_layout_hit_shape (layout, hit, &shape);
  if (hit->kind == BC_LAYOUT_ITEM_TRANSFER)
    out = SELECTION_LINE / zoom;
  else
    out = (SELECTION_GAP + SELECTION_LINE / 2) / zoom;
  *bounds = (BcRect) { shape.x - out, shape.y - out, shape.width + 2 * out, shape.height + 2 * out };
}

/* The path around an item's shape, @gap away from it: a frame round an
 * event, a ring round an actor. A transfer's path is its line itself,
 * and the result says so: it is stroked wide and soft, not framed. */
static gboolean
item_path (cairo_t           *cr,
           BcLayout          *layout,
           const BcLayoutHit *hit,
           double             gap)
{
  BcRect shape;
  const BcLayoutCurve *c;

  bc_layout_hit_shape (layout, hit, &shape);
  if (hit->kind == BC_LAYOUT_ITEM_EVENT)
    {
      cairo_rectangle (cr, shape.x - gap, shape.y - gap, shape.width + 2 * gap, shape.height + 2 * gap);
      return FALSE;
    }
  if (hit->kind == BC_LAYOUT_ITEM_ACTOR)
    {
      cairo_arc (cr, shape.x + shape.width / 2, shape.y + shape.height / 2,
                 MAX (shape.width, shape.height) / 2 + gap, 0, 2 * G_PI);
      return FALSE;
    }
  c = &g_array_index (layout->transfers, BcLayoutCurve, hit->index);
  cairo_move_to (cr, c->p[0].x, c->p[0].y);
  for (guint s = 0; s < c->n_segments; s++)
    {
      const BcPoint *p = &c->p[3 * s];

      cairo_curve_to (cr, p[1].x, p[1].y, p[2].x, p[2].y, p[3].x, p[3].y);
    }
  return TRUE;
}

static void
set_accent (cairo_t              *cr,
            const BcOverlayStyle *style,
            double                opacity)
{
  cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue,
                         style->accent.alpha * opacity);
}

void
bc_overlay_paint_selection (cairo_t              *cr,
                            BcLayout             *layout,
                            const BcLayoutHit    *hit,
                            const BcOverlayStyle *style)
{
  cairo_save (cr);
  set_color (cr, &style->accent);
  cairo_set_line_width (cr, SELECTION_LINE / style->zoom);
  if (item_path (cr, layout, hit, SELECTION_GAP / style->zoom))
    {
      /* A transfer: the line itself, widened and softened. */
      cairo_set_line_width (cr, 2 * SELECTION_LINE / style->zoom);
      set_accent (cr, style, 0.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * bc_overlay_paint_found:
 * @hit: an item a search found
 *
 * Marks what a search found: the item's shape tinted with the accent
 * and framed with a dashed line, wider apart than the selection ring so
 * that a found item that is also selected shows both; a transfer's line
 * widened and softened more than a selected one's.
 */
void
bc_overlay_paint_found (cairo_t              *cr,
                        BcLayout             *layout,
                        const BcLayoutHit    *hit,
                        const BcOverlayStyle *style)
{
  cairo_save (cr);
  cairo_set_line_width (cr, SELECTION_LINE / style->zoom);
  if (item_path (cr, layout, hit, 2 * SELECTION_GAP / style->zoom))
    {
      cairo_set_line_width (cr, 3 * SELECTION_LINE / style->zoom);
      set_accent (cr, style, 1.0 / 3);
    }
  else
    {
      set_accent (cr, style, 0.2);
      cairo_fill_preserve (cr);
      set_accent (cr, style, 0.8);
      cairo_set_dash (cr, (double[]) { 3 / style->zoom, 2 / style->zoom }, 2, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * bc_overlay_known_on_x:
 * @known_on: the date the case is shown as known on
 * @x: (out): where it falls on the time axis
 *
 * Where the end of the date "as known on" falls on the time axis of the
 * lanes, on whichever time scale they are laid out.
 *
 * Returns: whether the date has a place: it is set, and the view is the
 *   lanes
 */
gboolean
bc_overlay_known_on_x (BcLayout *layout,
                       BcDate    known_on,
                       double   *x)
{
  if (layout == NULL || !bc_date_is_set (known_on) || layout->options.view != BC_VIEW_LANES)
    return FALSE;

  /* The end of the day, month or year typed. */
  *x = bc_layout_day_to_x (layout, bc_date_get_last_day (known_on) + 1.0);
  *x = CLAMP (*x, layout->plot.x, layout->plot.x + layout->plot.width);
  return TRUE;
}

void
bc_overlay_paint_known_on (cairo_t              *cr,
                           BcLayout             *layout,
                           double                x,
                           const BcOverlayStyle *style)
{
  double zoom = style->zoom;
  double top = layout->plot.y - 8;

  cairo_save (cr);
  plot_line (cr, layout, x, 2 / zoom, &style->accent);
  /* A small marker on the axis, like the slider's knob. */
  cairo_move_to (cr, x - 5 / zoom, top - 6 / zoom);
  cairo_line_to (cr, x + 5 / zoom, top - 6 / zoom);
  cairo_line_to (cr, x, top);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * bc_overlay_handle_centre:
 * @node: an event's node
 * @zoom: screen pixels per layout unit
 *
 * Returns: where the handle to draw a transfer from the event sits:
 *   above its node, where a transfer to an official track leaves
 */
BcPoint
bc_overlay_handle_centre (const BcRect *node,
                          double        zoom)
{
  return (BcPoint) { node->x + node->width / 2, node->y - BC_OVERLAY_HANDLE_GAP / zoom };
}

void
bc_overlay_paint_handle (cairo_t              *cr,
                         BcPoint               centre,
                         const BcOverlayStyle *style)
{
  double r = BC_OVERLAY_HANDLE_RADIUS / style->zoom;
  double lx = centre.x, ly = centre.y;

  cairo_save (cr);
  cairo_arc (cr, lx, ly, r, 0, 2 * G_PI);
  set_color (cr, &style->accent);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5 / style->zoom);
  cairo_stroke (cr);
  /* An arrow up: something leaves from here. */
  cairo_move_to (cr, lx, ly + r * 0.55);
  cairo_line_to (cr, lx, ly - r * 0.55);
  cairo_move_to (cr, lx - r * 0.4, ly - r * 0.1);
  cairo_line_to (cr, lx, ly - r * 0.55);
  cairo_line_to (cr, lx + r * 0.4, ly - r * 0.1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The grips at the ends of the selected transfer's line @c. */
void
bc_overlay_paint_grips (cairo_t              *cr,
                        const BcLayoutCurve  *c,
                        const BcOverlayStyle *style)
{
  BcPoint ends[] = { c->p[0], bc_layout_curve_end (c) };

  cairo_save (cr);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      cairo_arc (cr, ends[i].x, ends[i].y, GRIP_RADIUS / style->zoom, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &style->accent);
      cairo_set_line_width (cr, 2 / style->zoom);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/**
 * bc_overlay_paint_move:
 * @node: the node of the event being moved, where it is now
 * @date: where it would land
 * @end: the end it would get, or unset
 *
 * Where an event being dragged in time would land: a line down the
 * lanes at its new date, the span of that date, and its node there.
 */
void
bc_overlay_paint_move (cairo_t              *cr,
                       BcLayout             *layout,
                       const BcRect         *node,
                       BcDate                date,
                       BcDate                end,
                       const BcOverlayStyle *style)
{
  double zoom = style->zoom;
  gboolean range = bc_date_is_set (end);
  double x0 = bc_layout_day_to_x (layout, bc_date_get_first_day (date));
  double x1 = bc_layout_day_to_x (layout, bc_date_get_last_day (range ? end : date) + 1.0);
  double cx = range ? x0 + node->width / 2 : (x0 + x1) / 2;
  double cy = node->y + node->height / 2;

  cairo_save (cr);
  plot_line (cr, layout, x0, 1.5 / zoom, &style->accent);
  cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 0.25);
  cairo_rectangle (cr, x0, cy - 6, MAX (x1 - x0, 1 / zoom), 12);
  cairo_fill (cr);
  set_color (cr, &style->accent);
  cairo_set_line_width (cr, 2 / zoom);
  cairo_set_dash (cr, (double[]) { 3 / zoom, 2 / zoom }, 2, 0);
  cairo_rectangle (cr, cx - node->width / 2, node->y, node->width, node->height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* An arrow along the curve @p, its head at p[3]. */
void
bc_overlay_paint_arrow (cairo_t       *cr,
                        const BcPoint *p,
                        gboolean       dashed,
                        const BcColor *color,
                        double         zoom)
{
  double size = ARROW_HEAD / zoom, angle;
  BcPoint before;

  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, ARROW_LINE / zoom);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 6 / zoom, 4 / zoom }, 2, 0);
  cairo_move_to (cr, p[0].x, p[0].y);
  cairo_curve_to (cr, p[1].x, p[1].y, p[2].x, p[2].y, p[3].x, p[3].y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  before = bc_curve_point (p, 0.95);
  angle = atan2 (p[3].y - before.y, p[3].x - before.x);
  if (hypot (p[3].y - before.y, p[3].x - before.x) < 1e-6)
    angle = G_PI / 2;
  cairo_move_to (cr, p[3].x, p[3].y);
  cairo_line_to (cr, p[3].x - size * cos (angle - 0.42), p[3].y - size * sin (angle - 0.42));
  cairo_line_to (cr, p[3].x - size * cos (angle + 0.42), p[3].y - size * sin (angle + 0.42));
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * bc_overlay_paint_connect:
 * @p: the curve of the arrow being drawn
 * @fixed: the node of the event the arrow stays attached to
 * @target: (nullable): the node of the event under the pointer
 * @valid: whether a drop on @target would be accepted
 *
 * A transfer being drawn or reconnected: the arrow, dashed until it
 * reaches an event that would take it and red over one that would not,
 * with rings around both its events.
 */
void
bc_overlay_paint_connect (cairo_t              *cr,
                          const BcPoint        *p,
                          const BcRect         *fixed,
                          const BcRect         *target,
                          gboolean              valid,
                          const BcOverlayStyle *style)
{
  const BcColor *color = target != NULL && !valid ? &style->error : &style->accent;

  bc_overlay_paint_arrow (cr, p, target == NULL || !valid, color, style->zoom);
  cairo_save (cr);
  if (target != NULL)
    {
      set_color (cr, color);
      ring_node (cr, target, style->zoom);
    }
  set_color (cr, &style->accent);
  ring_node (cr, fixed, style->zoom);
  cairo_restore (cr);
}

/**
 * bc_overlay_paint_tag:
 * @context: the widget's Pango context, for its font
 * @x: where the tag's top-left corner goes, in screen pixels
 * @y:
 * @room: the screen area the tag is kept inside
 * @background: its colour; the text is white
 *
 * A rounded label next to the pointer: the date an event will land on,
 * why a drop would be or was refused.
 */
void
bc_overlay_paint_tag (cairo_t       *cr,
                      PangoContext  *context,
                      const char    *text,
                      double         x,
                      double         y,
                      const BcRect  *room,
                      const BcColor *background)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  double pad = TAG_PAD, r = TAG_RADIUS, w, h;
  int tw, th;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, TAG_WIDTH * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &tw, &th);
  w = tw + 2 * pad;
  h = th + 2 * pad;
  x = CLAMP (x, room->x + 4, MAX (room->x + 4, room->x + room->width - w - 4));
  y = CLAMP (y, room->y + 4, MAX (room->y + 4, room->y + room->height - h - 4));

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_color (cr, background);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
