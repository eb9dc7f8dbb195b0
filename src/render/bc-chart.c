/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bc-chart.h"
#include "bc-draw.h"
#include "bc-enum-types.h"
#include "bc-painter.h"
#include "bc-render-private.h"

/* The page of a chart, in points. */
#define CHART_WIDTH   640.0
#define MARGIN        16.0
#define TITLE_HEIGHT  44.0
#define LABEL_WIDTH   170.0
#define VALUE_WIDTH   150.0
#define ROW_HEIGHT    26.0
#define BAR_HEIGHT    16.0
#define AXIS_HEIGHT   28.0
#define CELL_HEIGHT   24.0

static const char * const chart_names[BC_N_CHARTS] = { "mechanisms", "lags", "activity" };

/* Auxiliary functions */

static void
bar_free (BcChartBar *bar)
{
  g_free (bar->key);
  g_free (bar->label);
  g_ptr_array_unref (bar->items);
  g_free (bar);
}

static void
text_free (BcChartText *text)
{
  g_free (text->text);
  g_free (text);
}

static void
set_hex (double  *rgb,
         guint32  c)
{
  rgb[0] = ((c >> 16) & 0xff) / 255.0;
  rgb[1] = ((c >> 8) & 0xff) / 255.0;
  rgb[2] = (c & 0xff) / 255.0;
}

static BcChartBar *
add_bar (BcChart          *self,
         const char       *key,
         char             *label,
         double            x,
         double            y,
         double            width,
         double            height,
         const GPtrArray  *items)
{
  BcChartBar *bar = g_new0 (BcChartBar, 1);

  bar->key = g_strdup (key);
  bar->label = label;
  bar->rect = (BcRect) { x, y, width, height };
  bar->items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (bar->items, g_strdup (g_ptr_array_index (items, i)));
  g_ptr_array_add (self->bars, bar);
  return bar;
}

static void
add_line (BcChart  *self,
          double    x0,
          double    y0,
          double    x1,
          double    y1,
          gboolean  grid)
{
  BcChartLine line = { x0, y0, x1, y1, grid };

  g_array_append_val (self->lines, line);
}

static BcChartText *
add_text (BcChart      *self,
          char         *text,
          double        x,
          double        y,
          double        max_width,
          BcChartAlign  align)
{
  BcChartText *t = g_new0 (BcChartText, 1);

  t->text = text;
  t->x = x;
  t->y = y;
  t->max_width = max_width;
  t->align = align;
  g_ptr_array_add (self->texts, t);
  return t;
}

static void
add_title (BcChart    *self,
           BcMeasures *measures,
           const char *subtitle)
{
  BcChartText *t;
  g_autofree char *sub = NULL;

  t = add_text (self, g_strdup_printf ("%s — %s", bc_chart_kind_get_label (self->kind),
                                       bc_case_get_title (measures->kase)),
                MARGIN, MARGIN - 4, self->width - 2 * MARGIN, BC_CHART_TEXT_START);
  t->title = TRUE;
  if (measures->documented_only)
    sub = g_strdup_printf ("%s%s%s", subtitle, *subtitle ? " · " : "",
                           _("Documented transfers only"));
  else
    sub = g_strdup (subtitle);
  add_text (self, g_steal_pointer (&sub), MARGIN, MARGIN + 18, self->width - 2 * MARGIN,
            BC_CHART_TEXT_START);
}

/* A step of 1, 2 or 5 times a power of ten that cuts @span into at most
 * about six parts. */
static double
nice_step (double span)
{
  double raw = MAX (span, 1) / 6, power = pow (10, floor (log10 (raw))), r = raw / power;

  return power * (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10);
}

/* Ticks and their labels under a horizontal axis from @lo to @hi, drawn
 * from @x0 to @x1 at @y. */
static void
add_axis (BcChart    *self,
          double      lo,
          double      hi,
          double      x0,
          double      x1,
          double      top,
          double      y,
          double      step,
          const char *unit)
{

  add_line (self, x0, y, x1, y, FALSE);
  for (double v = ceil (lo / step) * step; v <= hi + step / 1000; v += step)
    {
      double x = x0 + (v - lo) / (hi - lo) * (x1 - x0);

      add_line (self, x, top, x, y, TRUE);
      add_line (self, x, y, x, y + 4, FALSE);
      add_text (self, g_strdup_printf ("%g", v), x, y + 6, 60, BC_CHART_TEXT_CENTER);
    }
  if (unit != NULL)
    add_text (self, g_strdup (unit), x1, y + 6 + 14, VALUE_WIDTH, BC_CHART_TEXT_END);
}

static void
add_empty (BcChart    *self,
           const char *message)
{
  add_text (self, g_strdup (message), self->width / 2, TITLE_HEIGHT + MARGIN + 8,
            self->width - 2 * MARGIN, BC_CHART_TEXT_CENTER);
  self->height = TITLE_HEIGHT + 2 * MARGIN + 40;
}

/* Transfers by mechanism: one horizontal bar per mechanism used, in the
 * mechanism's colour. */
static void
build_mechanisms (BcChart    *self,
                  BcMeasures *m)
{
  double x0 = MARGIN + LABEL_WIDTH, x1 = self->width - MARGIN - VALUE_WIDTH / 3;
  double top = TITLE_HEIGHT + MARGIN, y = top;
  guint max = 0, rows = 0;
  double step, axis_max;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < m->by_mechanism->len; i++)
    {
      BcCount *c = g_ptr_array_index (m->by_mechanism, i);

      max = MAX (max, c->count);
      rows += c->count > 0;
    }
  subtitle = g_strdup_printf (ngettext ("%u transfer", "%u transfers", m->n_transfers), m->n_transfers);
  add_title (self, m, subtitle);
  if (rows == 0)
    {
      add_empty (self, _("No transfers"));
      return;
    }
  /* Whole transfers on the axis. */
  step = MAX (1, nice_step (max));
  axis_max = step * ceil (max / step);

  for (guint i = 0; i < m->by_mechanism->len; i++)
    {
      BcCount *c = g_ptr_array_index (m->by_mechanism, i);
      double width = (x1 - x0) * c->count / axis_max;
      BcChartBar *bar;
      int mechanism;

      if (c->count == 0)
        continue;
      bar = add_bar (self, c->key,
                     g_strdup_printf (ngettext ("%s: %u transfer", "%s: %u transfers", c->count),
                                      c->label, c->count),
                     x0, y + (ROW_HEIGHT - BAR_HEIGHT) / 2, width, BAR_HEIGHT, c->items);
      if (bc_enum_from_nick (BC_TYPE_MECHANISM, c->key, &mechanism))
        bc_mechanism_get_rgb (mechanism, self->theme, bar->rgb);
      bar->dark = TRUE;
      add_text (self, g_strdup (c->label), x0 - 8, y + 5, LABEL_WIDTH - 8, BC_CHART_TEXT_END);
      add_text (self, g_strdup_printf ("%u", c->count), x0 + width + 6, y + 5, 60,
                BC_CHART_TEXT_START);
      y += ROW_HEIGHT;
    }
  add_axis (self, 0, axis_max, x0, x1, top, y + 4, step, _("transfers"));
  self->height = y + 4 + AXIS_HEIGHT + 14 + MARGIN;
}

/* Uptake lag per mechanism: a bar from the shortest to the longest the
 * lag can be (dates known to the month or year make it a range), with a
 * tick at the median of the midpoints. */
static void
build_lags (BcChart    *self,
            BcMeasures *m)
{
  double x0 = MARGIN + LABEL_WIDTH, x1 = self->width - MARGIN - VALUE_WIDTH;
  double top = TITLE_HEIGHT + MARGIN, y = top, lo = 0, hi = 0, step;
  g_autofree char *subtitle = NULL;
  BcSpanSummary *all = m->uptake_summary->len > 0 ? g_ptr_array_index (m->uptake_summary, 0) : NULL;

  if (all != NULL && all->n > 0)
    subtitle = g_strdup_printf (ngettext ("%u upward transfer, median %.1f days; a bar runs from the shortest "
                                          "to the longest the lag can be",
                                          "%u upward transfers, median %.1f days; a bar runs from the shortest "
                                          "to the longest the lag can be", all->n),
                                all->n, all->median_days);
  else
    subtitle = g_strdup ("");
  add_title (self, m, subtitle);
  if (m->uptake_summary->len < 2)
    {
      add_empty (self, _("No upward transfers"));
      return;
    }

  for (guint i = 1; i < m->uptake_summary->len; i++)
    {
      BcSpanSummary *s = g_ptr_array_index (m->uptake_summary, i);

      lo = MIN (lo, s->min_days);
      hi = MAX (hi, s->max_days);
    }
  step = nice_step (hi - lo);
  lo = floor (lo / step) * step;
  hi = MAX (ceil (hi / step) * step, lo + step);

  for (guint i = 1; i < m->uptake_summary->len; i++)
    {
      BcSpanSummary *s = g_ptr_array_index (m->uptake_summary, i);
      double a = x0 + (s->min_days - lo) / (hi - lo) * (x1 - x0);
      double b = x0 + (s->max_days - lo) / (hi - lo) * (x1 - x0);
      double width = MAX (b - a, 2);
      BcChartBar *bar;
      int mechanism;

      bar = add_bar (self, s->key,
                     g_strdup_printf (_("%s: median %.1f days, from %d to %d days"),
                                      s->label, s->median_days, s->min_days, s->max_days),
                     a - (width - (b - a)) / 2, y + (ROW_HEIGHT - BAR_HEIGHT) / 2, width,
                     BAR_HEIGHT, s->items);
      if (bc_enum_from_nick (BC_TYPE_MECHANISM, s->key, &mechanism))
        bc_mechanism_get_rgb (mechanism, self->theme, bar->rgb);
      bar->has_mark = TRUE;
      bar->mark = x0 + (s->median_days - lo) / (hi - lo) * (x1 - x0);
      add_text (self, g_strdup (s->label), x0 - 8, y + 5, LABEL_WIDTH - 8, BC_CHART_TEXT_END);
      add_text (self,
                s->imprecise > 0
                ? g_strdup_printf (ngettext ("%.1f (n %u, %u a range)", "%.1f (n %u, %u ranges)", s->imprecise),
                                   s->median_days, s->n, s->imprecise)
                : g_strdup_printf ("%.1f (n %u)", s->median_days, s->n),
                x1 + 8, y + 5, VALUE_WIDTH - 8, BC_CHART_TEXT_START);
      y += ROW_HEIGHT;
    }
  if (lo < 0)
    add_line (self, x0 + -lo / (hi - lo) * (x1 - x0), top, x0 + -lo / (hi - lo) * (x1 - x0), y + 4, FALSE);
  add_axis (self, lo, hi, x0, x1, top, y + 4, step, _("days"));
  self->height = y + 4 + AXIS_HEIGHT + 14 + MARGIN;
}

/* Activity per track per year: a grid, a row per track with events, a
 * column per year, each cell as dark as it has events. */
static void
build_activity (BcChart    *self,
                BcMeasures *m)
{
  guint first = G_MAXUINT, last = 0, max = 0, n_years;
  gboolean present[BC_N_TRACKS] = { FALSE };
  double x0 = MARGIN + 90, cell, top = TITLE_HEIGHT + MARGIN + 18, y;
  double accent[3], background[3];
  g_autofree char *subtitle = NULL;
  guint n_events = 0;

  for (guint i = 0; i < m->activity->len; i++)
    {
      BcCount *c = g_ptr_array_index (m->activity, i);
      const char *at = strchr (c->key, '@');
      g_autofree char *nick = g_strndup (c->key, at - c->key);
      guint year = (guint) g_ascii_strtoull (at + 1, NULL, 10);
      int track;

      if (bc_enum_from_nick (BC_TYPE_TRACK, nick, &track))
        present[track] = TRUE;
      first = MIN (first, year);
      last = MAX (last, year);
      max = MAX (max, c->count);
      n_events += c->count;
    }
  subtitle = g_strdup_printf (ngettext ("%u event; a cell is as dark as its track had events that year",
                                        "%u events; a cell is as dark as its track had events that year",
                                        n_events), n_events);
  add_title (self, m, subtitle);
  if (m->activity->len == 0)
    {
      add_empty (self, _("No dated events"));
      return;
    }

  n_years = last - first + 1;
  cell = CLAMP ((CHART_WIDTH - x0 - MARGIN) / n_years, 14, 48);
  self->width = MAX (CHART_WIDTH, x0 + cell * n_years + MARGIN);
  set_hex (accent, self->theme == BC_THEME_DARK ? 0x99C1F1 : 0x1C71D8);
  memcpy (background, self->background, sizeof background);

  /* Years over the columns: every one when there is room, else every fifth. */
  for (guint year = first; year <= last; year++)
    if (cell >= 36 || year % 5 == 0 || year == first)
      add_text (self, g_strdup_printf ("%u", year), x0 + (year - first + 0.5) * cell, top - 16,
                cell >= 36 ? cell : 5 * cell, BC_CHART_TEXT_CENTER);

  y = top;
  for (int track = 0; track < BC_N_TRACKS; track++)
    {
      if (!present[track])
        continue;
      add_text (self, g_strdup (bc_track_get_label (track)), x0 - 8,
                y + 5, 90, BC_CHART_TEXT_END);
      add_line (self, x0, y + CELL_HEIGHT, x0 + cell * n_years, y + CELL_HEIGHT, TRUE);
      for (guint i = 0; i < m->activity->len; i++)
        {
          BcCount *c = g_ptr_array_index (m->activity, i);
          const char *at = strchr (c->key, '@');
          g_autofree char *nick = g_strndup (c->key, at - c->key);
          guint year = (guint) g_ascii_strtoull (at + 1, NULL, 10);
          double share = 0.25 + 0.75 * c->count / max;
          BcChartBar *bar;
          int t;

          if (!bc_enum_from_nick (BC_TYPE_TRACK, nick, &t) || t != track || c->count == 0)
            continue;
          bar = add_bar (self, c->key,
                         g_strdup_printf (ngettext ("Track %s in %u: %u event", "Track %s in %u: %u events",
                                                    c->count),
                                          bc_track_get_label (track), year, c->count),
                         x0 + (year - first) * cell + 1, y + 1, cell - 2, CELL_HEIGHT - 2, c->items);
          /* Opaque, mixed with the background, so that every format
           * shows the same colour. */
          for (int k = 0; k < 3; k++)
            bar->rgb[k] = background[k] + share * (accent[k] - background[k]);
          bar->dark = (self->theme == BC_THEME_DARK) != (share > 0.5);
          if (cell >= 20)
            add_text (self, g_strdup_printf ("%u", c->count), bar->rect.x + bar->rect.width / 2,
                      y + 5, cell, BC_CHART_TEXT_CENTER)->on_dark = bar->dark;
        }
      y += CELL_HEIGHT;
    }
  add_line (self, x0, top, x0, y, FALSE);
  self->height = y + MARGIN + 8;
}

static BcRgba
rgba (const double *rgb)
{
  return bc_rgba_from_rgb (rgb, 1);
}

/* A text of the chart, aligned on its x by its width as laid out (after
 * any ellipsis), so that every backend puts it in the same place. */
static void
paint_text (BcChart     *self,
            BcDraw      *draw,
            BcChartText *t)
{
  const char *font = t->title ? BC_FONT_HEADER : BC_FONT_LABEL;
  BcDrawText text = { 0, };
  double width = 0, height = 0;
  double white[3] = { 1, 1, 1 };

  bc_draw_text_size (font, t->text, t->max_width, 1, &width, &height);
  text.font = font;
  text.text = t->text;
  text.x = t->x;
  if (t->align == BC_CHART_TEXT_CENTER)
    text.x -= width / 2.0;
  else if (t->align == BC_CHART_TEXT_END)
    text.x -= width;
  text.y = t->y;
  text.max_width = t->max_width;
  text.max_lines = 1;
  text.colour = rgba (t->on_dark ? white : self->foreground);
  bc_draw_text (draw, &text);
}

static void
paint_line (BcDraw       *draw,
            double        x0,
            double        y0,
            double        x1,
            double        y1,
            const double *rgb,
            double        width)
{
  BcDrawStyle style = { 0, };

  style.stroke = rgba (rgb);
  style.line_width = width;
  bc_draw_move_to (draw, x0, y0);
  bc_draw_line_to (draw, x1, y1);
  bc_draw_path (draw, &style);
}

/* GObject-free public API */

gboolean
bc_chart_kind_from_name (const char  *name,
                         BcChartKind *kind)
{
  for (guint i = 0; i < BC_N_CHARTS; i++)
    if (g_strcmp0 (name, chart_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bc_chart_kind_to_name (BcChartKind kind)
{
  g_return_val_if_fail (kind < BC_N_CHARTS, NULL);
  return chart_names[kind];
}

const char *
bc_chart_kind_get_label (BcChartKind kind)
{
  switch (kind)
    {
    case BC_CHART_MECHANISMS:
      return _("Transfers by mechanism");
    case BC_CHART_LAGS:
      return _("Uptake lag per mechanism");
    case BC_CHART_ACTIVITY:
      return _("Activity per track per year");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bc_chart_new:
 * @measures: the measures to draw
 * @kind: which chart
 * @theme: its colours
 *
 * Lays the chart out: bars, lines and texts, in points.
 *
 * Returns: (transfer full): the chart
 */
BcChart *
bc_chart_new (BcMeasures  *measures,
              BcChartKind  kind,
              BcTheme      theme)
{
  BcChart *self = g_new0 (BcChart, 1);

  g_return_val_if_fail (measures != NULL, NULL);

  self->kind = kind;
  self->theme = theme;
  self->width = CHART_WIDTH;
  self->bars = g_ptr_array_new_with_free_func ((GDestroyNotify) bar_free);
  self->lines = g_array_new (FALSE, FALSE, sizeof (BcChartLine));
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  set_hex (self->background, theme == BC_THEME_DARK ? 0x242424 : 0xFFFFFF);
  set_hex (self->foreground, theme == BC_THEME_DARK ? 0xFFFFFF : 0x241F31);
  set_hex (self->grid, theme == BC_THEME_DARK ? 0x484848 : 0xDEDDDA);

  switch (kind)
    {
    case BC_CHART_MECHANISMS:
      build_mechanisms (self, measures);
      break;
    case BC_CHART_LAGS:
      build_lags (self, measures);
      break;
    case BC_CHART_ACTIVITY:
      build_activity (self, measures);
      break;
    default:
      g_assert_not_reached ();
    }
  self->height = ceil (self->height);
  self->width = ceil (self->width);
  return self;
}

void
bc_chart_free (BcChart *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->bars);
  g_array_unref (self->lines);
  g_ptr_array_unref (self->texts);
  g_free (self);
}

/**
 * bc_chart_paint:
 * @self: a chart
 * @draw: where to draw, in points from the chart's top left
 *
 * Draws the chart's geometry and nothing else: the only function that
 * knows how. The pane, PNG and PDF draw it through cairo, SVG as a
 * document whose labels are <text> and whose bars are titled groups.
 */
void
bc_chart_paint (BcChart *self,
                BcDraw  *draw)
{
  BcDrawStyle fill = { 0, };

  fill.fill = rgba (self->background);
  bc_draw_rectangle (draw, 0, 0, self->width, self->height);
  bc_draw_path (draw, &fill);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->lines->len; i++)
      {
        BcChartLine *l = &g_array_index (self->lines, BcChartLine, i);

        if (l->grid != (pass == 0))
          continue;
        /* Half a point off, so a one-point line covers whole pixels. */
        paint_line (draw, round (l->x0) + 0.5, round (l->y0) + 0.5, round (l->x1) + 0.5,
                    round (l->y1) + 0.5, l->grid ? self->grid : self->foreground, 1);
      }

  for (guint i = 0; i < self->bars->len; i++)
    {
      BcChartBar *bar = g_ptr_array_index (self->bars, i);
      BcDrawGroup group = { NULL, "bar", bar->label, 1 };
      g_autofree char *id = NULL;

      if (draw->keeps_names)
        {
          id = g_strdup_printf ("bar-%s", bar->key);
          /* "1.5@1993" is no XML name: keep letters, digits, '-' and '_'. */
          for (char *p = id; *p != '\0'; p++)
            if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
              *p = '-';
          group.id = id;
        }
      bc_draw_begin_group (draw, &group);
      fill.fill = rgba (bar->rgb);
      bc_draw_rectangle (draw, bar->rect.x, bar->rect.y, bar->rect.width, bar->rect.height);
      bc_draw_path (draw, &fill);
      if (bar->has_mark)
        paint_line (draw, bar->mark, bar->rect.y - 4, bar->mark, bar->rect.y + bar->rect.height + 4,
                    self->foreground, 2.5);
      bc_draw_end_group (draw);
    }

  for (guint i = 0; i < self->texts->len; i++)
    paint_text (self, draw, g_ptr_array_index (self->texts, i));
}

/**
 * bc_chart_draw:
 * @self: a chart
 * @cr: where to draw, in points from the chart's top left
 *
 * bc_chart_paint() on a cairo context: the pane, PNG and PDF.
 */
void
bc_chart_draw (BcChart *self,
               cairo_t *cr)
{
  g_autoptr(BcDraw) draw = NULL;

  cairo_save (cr);
  draw = bc_draw_cairo_new (cr);
  bc_chart_paint (self, draw);
  g_clear_pointer (&draw, bc_draw_free);
  cairo_restore (cr);
}

/**
 * bc_chart_to_bytes:
 * @self: a chart
 * @type: PNG, SVG or PDF
 * @scale: device scale of a PNG
 * @error: where to say why not
 *
 * Returns: (transfer full) (nullable): the file's bytes, the same for the
 *   same chart
 */
GBytes *
bc_chart_to_bytes (BcChart       *self,
                   BcExportType   type,
                   double         scale,
                   GError       **error)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (scale <= 0)
    scale = 1;

  if (type == BC_EXPORT_SVG)
    {
      /* Written as text by the SVG backend, not through cairo's SVG
       * surface, which would draw every letter as a glyph outline. */
      g_autoptr(BcDraw) draw = bc_draw_svg_new (self->width, self->height,
                                                bc_chart_kind_get_label (self->kind), NULL);

      g_byte_array_unref (out);
      bc_chart_paint (self, draw);
      return bc_draw_svg_finish (draw);
    }

  surface = _bc_export_surface_new (type, out, self->width, self->height, scale,
                                    bc_chart_kind_get_label (self->kind), NULL, error);
  if (surface == NULL)
    {
      g_byte_array_unref (out);
      return NULL;
    }

  cr = cairo_create (surface);
  bc_chart_draw (self, cr);
  cairo_destroy (cr);
  status = _bc_export_surface_finish (type, surface, out);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BC_RENDER_ERROR, BC_RENDER_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

gboolean
bc_chart_to_file (BcChart       *self,
                  GFile         *file,
                  BcExportType   type,
                  double         scale,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = bc_chart_to_bytes (self, type, scale, error);

  if (bytes == NULL)
    return FALSE;
  /* Atomic, as every file the program writes. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
