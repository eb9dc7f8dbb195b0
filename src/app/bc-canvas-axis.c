/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "bc-axis.h"
#include "bc-canvas-private.h"
#include "bc-render-private.h"

/* What stays pinned while the diagram pans and zooms under it, in the
 * lanes view: the time axis along the top, its ticks those of the scale
 * on screen (years, quarters, months or days) and the year of the left
 * edge at its start; and the title of each lane in view at the start
 * edge (the left, or the right in a right-to-left locale), held inside
 * its lane. They are painted in widget pixels at the size of the
 * interface's text, above the tiles, so that no zoom leaves fragments of
 * them at the edge. */

/* The least room between two labels of the axis, in pixels. */
#define AXIS_MIN_GAP   64.0
#define AXIS_PADDING    4.0
#define TICK_MAJOR      8.0
#define TICK_MINOR      4.0
#define CHIP_PADDING_X  6.0
#define CHIP_PADDING_Y  2.0
#define CHIP_MARGIN     4.0

/* Auxiliary functions */

static void
pinned_clear (gpointer data)
{
  g_free (((BcCanvasPinned *) data)->text);
}

typedef struct
{
  BcCanvas *self;
  BcLayout *layout;
} AxisMap;

static double
day_to_widget_x (double   day,
                 gpointer user_data)
{
  AxisMap *map = user_data;

  return (bc_layout_day_to_x (map->layout, day) - map->self->offset_x) * map->self->zoom;
}

static PangoLayout *
text_layout (BcCanvas   *self,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

static void
append (GArray         *pinned,
        BcCanvasPinned  item)
{
  g_array_append_val (pinned, item);
}

static void
set_color (cairo_t       *cr,
           const BcColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Whether a year's own label stands near the start of the axis: then
 * it places the axis in time, and a context label just before it would
 * only crowd it ("1991 1992"). */
static gboolean
year_near_start (GArray *ticks,
                 double  start_x,
                 int     width)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *tick = &g_array_index (ticks, BcAxisTick, i);

      if (tick->x < start_x - AXIS_PADDING || tick->x > width)
        continue;
      return tick->major && tick->label != NULL && tick->x < start_x + AXIS_MIN_GAP;
    }
  return FALSE;
}

/* The first label of the axis in view, if any. */
static const char *
first_label (GArray *ticks,
             double  start_x,
             int     width)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *tick = &g_array_index (ticks, BcAxisTick, i);

      if (tick->x >= start_x - AXIS_PADDING && tick->x <= width && tick->label != NULL)
        return tick->label;
    }
  return NULL;
}

/* Whether the first label in view names the year of the left edge. */
static gboolean
first_names_year (GArray *ticks,
                  double  start_x,
                  int     width,
                  double  left_day)
{
  const char *first = first_label (ticks, start_x, width);
  g_autofree char *context = NULL;

  if (first == NULL)
    return FALSE;
  context = bc_axis_context_label ((guint32) floor (left_day), bc_axis_ticks_unit (ticks));
  return context != NULL && strstr (first, context) != NULL;
}

/* Where the lane's title as the diagram paints it (bc-painter.c, in
 * the lane's header) ends, in widget pixels, when the left edge of the
 * canvas cuts it and the chip at (0, y) would leave a fragment of it in
 * sight ("cy)", "al"); 0 when there is none to hide. */
static double
diagram_title_end (BcCanvas           *self,
                   const BcLayoutLane *lane,
                   double              y,
                   double              chip_h,
                   double              band,
                   double              chip_w,
                   double             *cover_top,
                   double             *cover_bottom)
{
  double text_w, text_h, x0, x1, top, bottom;

  _bc_render_text_size (BC_FONT_HEADER, lane->label, lane->header.width - 12, 1, &text_w, &text_h);
  x0 = (lane->header.x + 6 - self->offset_x) * self->zoom;
  x1 = (lane->header.x + 6 + text_w - self->offset_x) * self->zoom;
  top = (lane->header.y - self->offset_y) * self->zoom;
  bottom = (lane->header.y + lane->header.height - self->offset_y) * self->zoom;
  /* Whole in sight, beside or under the chip, or out of sight. */
  if (x0 >= chip_w || x1 <= chip_w || x0 >= 0 || bottom <= band)
    return 0;
  /* Nowhere near the chip's height: nothing of it beside the chip. */
  if (bottom < y || top > y + chip_h)
    return 0;
  /* Zoomed in, the title is taller than the chip: it covers the
   * header's height in view too. */
  *cover_top = MAX (top, band);
  *cover_bottom = bottom;
  return x1 + CHIP_PADDING_X;
}

/* Internal API */

/* The height of the axis' band over the top of the canvas, in widget
 * pixels: what fit leaves free above the lanes. 0 but for the lanes
 * view. */
double
_bc_canvas_axis_band_height (BcCanvas *self)
{
  BcLayout *layout = _bc_canvas_get_layout (self);
  g_autoptr(PangoLayout) probe = NULL;
  int text_w, text_h;

  if (layout == NULL || layout->options.view != BC_VIEW_LANES || layout->day1 < layout->day0)
    return 0;
  probe = text_layout (self, "0", FALSE);
  pango_layout_get_pixel_size (probe, &text_w, &text_h);
  return text_h + 2 * AXIS_PADDING + TICK_MAJOR;
}

/* What the axis says when hovered, as Pango markup: how time runs along
 * it, since the balanced and sequence scales do not give equal time
 * equal width. NULL but for the lanes view. */
char *
_bc_canvas_axis_describe (BcCanvas *self)
{
  BcLayout *layout = _bc_canvas_get_layout (self);
  const char *name, *meaning;

  if (layout == NULL || layout->options.view != BC_VIEW_LANES)
    return NULL;
  switch (layout->options.time_scale)
    {
    case BC_TIME_SCALE_BALANCED:
      name = _("Balanced time");
      meaning = _("Busy stretches are widened and quiet ones narrowed: equal widths are not equal durations.");
      break;
    case BC_TIME_SCALE_SEQUENCE:
      name = _("Events in sequence");
      meaning = _("Every event has the same width, in date order: distances are not durations.");
      break;
    case BC_TIME_SCALE_PROPORTIONAL:
    default:
      name = _("Proportional to dates");
      meaning = _("Equal widths are equal durations.");
      break;
    }
  /* TRANSLATORS: the tooltip of the time axis: the time scale's name in
   * bold, what it means, and where to change it */
  return g_markup_printf_escaped (_("<b>%s</b>\n%s\nThe main menu’s Time section changes it."), name, meaning);
}

/**
 * _bc_canvas_get_pinned:
 * @self: a canvas
 *
 * What is pinned over the diagram as it is now: the band of the axis,
 * its ticks and labels, and the lane titles in view, each with its box
 * in widget pixels. Empty but for the lanes view.
 *
 * Returns: (transfer full) (element-type BcCanvasPinned): the items
 */
GArray *
_bc_canvas_get_pinned (BcCanvas *self)
{
  GArray *pinned = g_array_new (FALSE, TRUE, sizeof (BcCanvasPinned));
  BcLayout *layout = _bc_canvas_get_layout (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  AxisMap map = { self, layout };
  double left_day, right_day, band, start_x, context_end = -G_MAXDOUBLE;
  int text_w, text_h;

  g_array_set_clear_func (pinned, pinned_clear);
  if (layout == NULL || layout->options.view != BC_VIEW_LANES || width <= 0 || height <= 0 ||
      layout->day1 < layout->day0)
    return pinned;

  probe = text_layout (self, "0", FALSE);
  pango_layout_get_pixel_size (probe, &text_w, &text_h);
  band = text_h + 2 * AXIS_PADDING + TICK_MAJOR;
  append (pinned, (BcCanvasPinned) { BC_CANVAS_PINNED_BAND, NULL, { 0, 0, width, band } });

  /* The days in view, within the layout's: left of its first day there
   * is nothing to name. */
  left_day = bc_layout_x_to_day (layout, self->offset_x);
  right_day = bc_layout_x_to_day (layout, self->offset_x + width / self->zoom);
  left_day = CLAMP (left_day, layout->day0, layout->day1);
  right_day = CLAMP (right_day, layout->day0, layout->day1);

  ticks = bc_axis_ticks ((guint32) floor (left_day), (guint32) ceil (right_day),
                         day_to_widget_x, &map, AXIS_MIN_GAP);

  /* The year (and month, on a day axis) of the left edge, so that the
   * axis is placed in time before its first labelled tick. */
  start_x = MAX (0, day_to_widget_x (left_day, &map)) + AXIS_PADDING;
  if (ticks->len > 0 && !year_near_start (ticks, start_x, width) &&
      !first_names_year (ticks, start_x, width, left_day))
    {
      g_autofree char *context = bc_axis_context_label ((guint32) floor (left_day),
                                                        bc_axis_ticks_unit (ticks));
      g_autoptr(PangoLayout) text = text_layout (self, context, TRUE);
      int w, h;

      pango_layout_get_pixel_size (text, &w, &h);
      append (pinned, (BcCanvasPinned) { BC_CANVAS_PINNED_CONTEXT, g_steal_pointer (&context),
                                         { start_x, AXIS_PADDING, w, h } });
      context_end = start_x + w + AXIS_PADDING;
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *tick = &g_array_index (ticks, BcAxisTick, i);
      double tick_h = tick->major ? TICK_MAJOR : TICK_MINOR;

      if (tick->x < 0 || tick->x > width)
        continue;
      append (pinned, (BcCanvasPinned) { tick->major ? BC_CANVAS_PINNED_MAJOR_TICK : BC_CANVAS_PINNED_TICK,
                                         NULL, { tick->x, band - tick_h, 0, tick_h } });
      if (tick->label != NULL)
        {
          g_autoptr(PangoLayout) text = text_layout (self, tick->label, tick->major);
          int w, h;
          double x;

          pango_layout_get_pixel_size (text, &w, &h);
          x = tick->x + AXIS_PADDING;
          /* The context label names this place already. */
          if (x < context_end || x + w > width)
            continue;
          append (pinned, (BcCanvasPinned) { tick->major ? BC_CANVAS_PINNED_YEAR : BC_CANVAS_PINNED_LABEL,
                                             g_strdup (tick->label), { x, AXIS_PADDING, w, h } });
        }
    }

  /* Each lane's title, at the start edge, inside its lane and below the
   * axis for as long as the lane is in view. */
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      BcLayoutLane *lane = &g_array_index (layout->lanes, BcLayoutLane, i);
      g_autoptr(PangoLayout) text = NULL;
      double top, bottom, y, chip_w, chip_h;
      int w, h;

      if (lane->label == NULL)
        continue;
      top = (lane->rect.y - self->offset_y) * self->zoom;
      bottom = (lane->rect.y + lane->rect.height - self->offset_y) * self->zoom;
      if (bottom <= band || top >= height)
        continue;
      /* At most half the canvas across: a longer name wraps onto a
       * second line rather than losing its end. */
      text = text_layout (self, lane->label, TRUE);
      pango_layout_set_width (text, (int) MAX (1, (width / 2.0 - 2 * CHIP_PADDING_X) * PANGO_SCALE));
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (text, &w, &h);
      chip_w = w + 2 * CHIP_PADDING_X;
      chip_h = h + 2 * CHIP_PADDING_Y;
      y = MAX (top, band) + CHIP_MARGIN;
      /* Pushed up by the lane's end, as a sticky header is. */
      y = MIN (y, bottom - chip_h - CHIP_MARGIN);
      /* From the very edge, so that nothing that scrolls under it (the
       * lane's own title in the diagram) peeks out beside it. */
      chip_w += CHIP_MARGIN;
      if (!rtl)
        {
          double cover_top = y, cover_bottom = y + chip_h;
          double end = diagram_title_end (self, lane, y, chip_h, band, chip_w, &cover_top, &cover_bottom);

          if (end > chip_w)
            {
              chip_w = MIN (width, end);
              cover_top = MIN (cover_top, y);
              cover_bottom = MAX (cover_bottom, y + chip_h);
              y = cover_top;
              chip_h = cover_bottom - cover_top;
            }
        }
      append (pinned, (BcCanvasPinned) { BC_CANVAS_PINNED_LANE, g_strdup (lane->label),
                                         { rtl ? width - chip_w : 0, y, chip_w, chip_h } });
    }

  return pinned;
}

void
_bc_canvas_axis_snapshot (BcCanvas             *self,
                          GtkSnapshot          *snapshot,
                          const BcOverlayStyle *style)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GArray) pinned = _bc_canvas_get_pinned (self);
  cairo_t *cr;
  double band = 0;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (pinned->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < pinned->len; i++)
    {
      BcCanvasPinned *p = &g_array_index (pinned, BcCanvasPinned, i);
      g_autoptr(PangoLayout) text = NULL;

      switch (p->kind)
        {
        case BC_CANVAS_PINNED_BAND:
          band = p->rect.height;
          /* Above the clip of the lane titles: they slide under it. */
          /* Opaque: what scrolls under it does not show through. */
          set_color (cr, &style->background, 1);
          cairo_rectangle (cr, 0, 0, p->rect.width, band);
          cairo_fill (cr);
          set_color (cr, &style->foreground, 0.25);
          cairo_rectangle (cr, 0, band - 1, p->rect.width, 1);
          cairo_fill (cr);
          break;

        case BC_CANVAS_PINNED_TICK:
        case BC_CANVAS_PINNED_MAJOR_TICK:
          set_color (cr, &style->foreground, p->kind == BC_CANVAS_PINNED_MAJOR_TICK ? 0.8 : 0.45);
          cairo_rectangle (cr, round (p->rect.x), p->rect.y, 1, p->rect.height);
          cairo_fill (cr);
          break;

        case BC_CANVAS_PINNED_LABEL:
        case BC_CANVAS_PINNED_YEAR:
        case BC_CANVAS_PINNED_CONTEXT:
          text = text_layout (self, p->text, p->kind != BC_CANVAS_PINNED_LABEL);
          set_color (cr, &style->foreground, p->kind == BC_CANVAS_PINNED_LABEL ? 0.75 : 1);
          cairo_move_to (cr, p->rect.x, p->rect.y);
          pango_cairo_show_layout (cr, text);
          break;

        case BC_CANVAS_PINNED_LANE:
          cairo_save (cr);
          cairo_rectangle (cr, 0, band, width, height - band);
          cairo_clip (cr);
          text = text_layout (self, p->text, TRUE);
          pango_layout_set_width (text, (int) MAX (1, (p->rect.width - CHIP_MARGIN - 2 * CHIP_PADDING_X) *
                                                      PANGO_SCALE));
          pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
          /* Opaque: what it covers does not show through as a ghost. */
          set_color (cr, &style->background, 1);
          cairo_rectangle (cr, p->rect.x, p->rect.y, p->rect.width, p->rect.height);
          cairo_fill (cr);
          set_color (cr, &style->foreground, 0.2);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, p->rect.x + 0.5, p->rect.y + 0.5, p->rect.width - 1, p->rect.height - 1);
          cairo_stroke (cr);
          set_color (cr, &style->foreground, 1);
          cairo_move_to (cr, p->rect.x + CHIP_PADDING_X + (rtl ? 0 : CHIP_MARGIN), p->rect.y + CHIP_PADDING_Y);
          pango_cairo_show_layout (cr, text);
          cairo_restore (cr);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  cairo_destroy (cr);
}
