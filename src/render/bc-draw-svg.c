/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-draw"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bc-draw.h"
#include "bc-render-private.h"

/* The SVG backend of BcDraw: writes the document as text into one
 * GString. Text stays text (<text> and <tspan> with the font's family,
 * size and weight), each group keeps its id, classes and <title>, and
 * numbers are written with two decimals by hand, the same in every
 * locale, so that the same drawing gives the same bytes.
 *
 * Lines of text are placed where Pango places them on the cairo
 * surfaces, so that the document renders like the PNG. A line of plain
 * ASCII needs no Pango layout: its baseline follows from the font's
 * metrics and its width from the advances of its characters, measured
 * once a font. Anything else (other scripts, right-to-left text, a line
 * that may need shortening, links) is laid out by Pango, and a line
 * it shortens is written as it shows it: the text up to its ellipsis
 * run, then "…". */

typedef struct
{
  char   *attributes;   /* ' font-family="…" font-size="…"…' */
  double  ascent;       /* from the top of a line to its baseline */
  double  line_height;
  double  advance[128]; /* of each ASCII character alone */
} SvgFont;

typedef struct
{
  BcDraw      parent;
  GString    *out;
  GString    *path;
  gboolean    has_point;
  double      x, y;           /* the current point */
  double      start_x, start_y; /* where the sub-path began */
  GHashTable *fonts;          /* font description → SvgFont */
  GHashTable *ids;            /* ids written so far */
  guint       depth;          /* open groups and transformations */
} BcDrawSvg;

/* auxiliary functions */

/* @v rounded to hundredths, without trailing zeros: "12.5", "-3", "0.07".
 * No printf: this is the writer's hottest path, and it must not follow
 * the locale. */
static void
append_number (GString *out,
               double   v)
{
  char buf[32];
  char *end = buf + sizeof buf, *p = end;
  gint64 n;
  int frac;

  if (!isfinite (v))
    v = 0;
  n = (gint64) llround (fabs (v) * 100);
  frac = (int) (n % 100);
  n /= 100;
  if (frac != 0)
    {
      if (frac % 10 != 0)
        {
          *--p = (char) ('0' + frac % 10);
          *--p = (char) ('0' + frac / 10);
        }
      else
        *--p = (char) ('0' + frac / 10);
      *--p = '.';
    }
  do
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  if (v < 0 && (frac != 0 || p[0] != '0' || p + 1 != end))
    *--p = '-';
  g_string_append_len (out, p, end - p);
}

static void
append_attribute_number (GString    *out,
                         const char *name,
                         double      v)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_number (out, v);
  g_string_append_c (out, '"');
}

/* Text as XML character data or an attribute value: the five specials
 * escaped, line breaks kept as references, and the control characters
 * XML 1.0 cannot hold left out. Runs of ordinary bytes go in at once. */
static void
append_escaped_len (GString    *out,
                    const char *text,
                    gsize       len)
{
  const char *run = text, *end = text + len;

  for (const char *p = text; p < end; p++)
    {
      const char *with;
      guchar c = (guchar) *p;

      if (c > '>')
        continue;
      switch (c)
        {
        case '&':
          with = "&amp;";
          break;
        case '<':
          with = "&lt;";
          break;
        case '>':
          with = "&gt;";
          break;
        case '"':
          with = "&quot;";
          break;
        case '\n':
          with = "&#10;";
          break;
        case '\t':
          with = "&#9;";
          break;
        case '\r':
          with = "&#13;";
          break;
        default:
          if (c >= 0x20)
            continue;
          with = "";
          break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, with);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  if (text != NULL)
    append_escaped_len (out, text, strlen (text));
}

static void
append_colour (GString      *out,
               const char   *name,
               const BcRgba *c)
{
  static const char hex[] = "0123456789abcdef";
  const double channels[3] = { c->red, c->green, c->blue };
  char buf[8] = "#";

  for (int i = 0; i < 3; i++)
    {
      int v = (int) lround (CLAMP (channels[i], 0, 1) * 255);
      buf[1 + 2 * i] = hex[v >> 4];
      buf[2 + 2 * i] = hex[v & 15];
    }
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  g_string_append_len (out, buf, 7);
  g_string_append_c (out, '"');
  if (c->alpha < 1)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, name);
      g_string_append (out, "-opacity=\"");
      append_number (out, MAX (c->alpha, 0));
      g_string_append_c (out, '"');
    }
}

static void
svg_font_free (gpointer data)
{
  SvgFont *font = data;

  g_free (font->attributes);
  g_free (font);
}

/* The SVG attributes and the metrics of @description, measured once. */
static SvgFont *
font_for (BcDrawSvg  *self,
          const char *description)
{
  SvgFont *font = g_hash_table_lookup (self->fonts, description);
  PangoContext *context;
  PangoFontDescription *desc;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) attributes = NULL;
  const char *family;
  PangoRectangle logical;
  int weight;

  if (font != NULL)
    return font;

  font = g_new0 (SvgFont, 1);
  context = _bc_render_get_measure_context ();
  desc = pango_font_description_from_string (description);
  family = pango_font_description_get_family (desc);
  weight = pango_font_description_get_weight (desc);

  /* The family as Pango names it first, so that librsvg and Inkscape
   * resolve it as the PNG did; a generic family after it for browsers. */
  attributes = g_string_new (" font-family=\"");
  append_escaped (attributes, family != NULL ? family : "Sans");
  g_string_append (attributes, ", sans-serif\"");
  /* Points at 96 dots per inch, as the layout measured them: user units. */
  {
    char size[G_ASCII_DTOSTR_BUF_SIZE];

    /* Four decimals: a size a hundredth off widens a long line. */
    g_ascii_formatd (size, sizeof size, "%.4g",
                     pango_font_description_get_size (desc) / (double) PANGO_SCALE * 96.0 / 72.0);
    g_string_append_printf (attributes, " font-size=\"%s\"", size);
  }
  if (weight == PANGO_WEIGHT_BOLD)
    g_string_append (attributes, " font-weight=\"bold\"");
  else if (weight != PANGO_WEIGHT_NORMAL)
    g_string_append_printf (attributes, " font-weight=\"%d\"", weight);
  if (pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC)
    g_string_append (attributes, " font-style=\"italic\"");
  font->attributes = g_string_free (g_steal_pointer (&attributes), FALSE);

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  font->ascent = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  font->line_height = logical.height / (double) PANGO_SCALE;
  for (int c = 0x20; c < 0x7f; c++)
    {
      char one[2] = { (char) c, '\0' };
      pango_layout_set_text (layout, one, 1);
      pango_layout_get_extents (layout, NULL, &logical);
      font->advance[c] = logical.width / (double) PANGO_SCALE;
    }
  pango_font_description_free (desc);
  g_hash_table_insert (self->fonts, g_strdup (description), font);
  return font;
}

static void
flush_path (BcDrawSvg *self)
{
  g_string_truncate (self->path, 0);
  self->has_point = FALSE;
}

static void
path_command (BcDrawSvg *self,
              char       command,
              double     x,
              double     y)
{
  GString *p = self->path;

  if (p->len > 0)
    g_string_append_c (p, ' ');
  g_string_append_c (p, command);
  append_number (p, x);
  g_string_append_c (p, ' ');
  append_number (p, y);
  self->x = x;
  self->y = y;
  self->has_point = TRUE;
}

/* Writing text */

/* The content of a line, from @start to @end of @text, with the parts
 * that @links cover as <a> elements. */
static void
append_line_content (GString          *out,
                     const char       *text,
                     gsize             start,
                     gsize             end,
                     const BcDrawText *t)
{
  gsize at = start;

  for (guint i = 0; i < t->n_links && at < end; i++)
    {
      const BcDrawLink *link = &t->links[i];
      gsize a = MAX (link->start, at), b = MIN (link->end, end);

      if (link->href == NULL || a >= b)
        continue;
      append_escaped_len (out, text + at, a - at);
      g_string_append (out, "<a href=\"");
      append_escaped (out, link->href);
      g_string_append (out, "\" xlink:href=\"");
      append_escaped (out, link->href);
      g_string_append (out, "\">");
      append_escaped_len (out, text + a, b - a);
      g_string_append (out, "</a>");
      at = b;
    }
  if (at < end)
    append_escaped_len (out, text + at, end - at);
}

typedef struct
{
  const char *text;  /* the text the line is cut from */
  gsize       start, end;
  char       *shortened; /* when set, the line as drawn, with its ellipsis */
  double      x;     /* where the line starts (its right end, right to left) */
  double      baseline;
  gboolean    rtl;
} SvgLine;

static void
append_line (GString          *out,
             const SvgLine    *line,
             const BcDrawText *t,
             gboolean          tspan)
{
  if (tspan)
    g_string_append (out, "<tspan");
  append_attribute_number (out, "x", line->x);
  append_attribute_number (out, "y", line->baseline);
  if (line->rtl)
    g_string_append (out, " direction=\"rtl\" unicode-bidi=\"embed\"");
  g_string_append_c (out, '>');
  if (line->shortened != NULL)
    append_escaped (out, line->shortened);
  else
    append_line_content (out, line->text, line->start, line->end, t);
  if (tspan)
    g_string_append (out, "</tspan>");
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The lines of plain ASCII text without Pango, or FALSE when one of them
 * might not fit @t->max_width (kerning can move a width by a little; a
 * line that comes close is left to Pango). */
static gboolean
ascii_lines (SvgFont          *font,
             const BcDrawText *t,
             GArray           *lines)
{
  const char *text = t->text;
  gsize start = 0;
  double limit = t->max_width > 0 ? t->max_width * 0.97 : G_MAXDOUBLE;

  if (!is_ascii (text) || t->n_links > 0)
    return FALSE;
  for (guint i = 0;; i++)
    {
      const char *nl = strchr (text + start, '\n');
      gsize end = nl != NULL ? (gsize) (nl - text) : strlen (text);
      SvgLine line = { text, start, end, NULL, t->x, t->y + font->ascent + i * font->line_height };
      double width = 0;

      for (gsize k = start; k < end; k++)
        width += font->advance[(guchar) text[k] & 0x7f];
      if (width > limit)
        return FALSE;
      if (end > start && text[end - 1] == '\r')
        line.end--;
      g_array_append_val (lines, line);
      if (nl == NULL)
        return TRUE;
      start = end + 1;
    }
}

/* Where Pango shortened @line: the start of the run that stands for the
 * text left out (its ellipsis), or -1. */
static int
ellipsis_offset (PangoLayoutLine *line)
{
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        return run->item->offset;
    }
  return -1;
}

/* The lines as Pango lays them out on the cairo surfaces. */
static void
pango_lines (const BcDrawText *t,
             GArray           *lines)
{
  g_autoptr(PangoLayout) layout = _bc_render_text (_bc_render_get_measure_context (), t->font, t->text, t->max_width,
                                                   t->max_lines);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean ellipsized = pango_layout_is_ellipsized (layout);

  do
    {
      PangoLayoutLine *pl = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      SvgLine line = { t->text, pl->start_index, pl->start_index + pl->length };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      while (line.end > line.start && (t->text[line.end - 1] == '\n' || t->text[line.end - 1] == '\r'))
        line.end--;
      line.rtl = pl->resolved_dir == PANGO_DIRECTION_RTL;
      line.x = t->x + (line.rtl ? logical.x + logical.width : logical.x) / (double) PANGO_SCALE;
      line.baseline = t->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      if (ellipsized)
        {
          int cut = ellipsis_offset (pl);

          /* The text kept, and the ellipsis Pango draws after it. */
          if (cut >= (int) line.start)
            line.shortened = g_strdup_printf ("%.*s…", cut - (int) line.start,
                                              t->text + line.start);
        }
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* BcDrawClass */

static void
svg_move_to (BcDraw *draw,
             double  x,
             double  y)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;

  path_command (self, 'M', x, y);
  self->start_x = x;
  self->start_y = y;
}

static void
svg_line_to (BcDraw *draw,
             double  x,
             double  y)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;

  if (!self->has_point)
    svg_move_to (draw, x, y);
  else
    path_command (self, 'L', x, y);
}

static void
svg_curve_to (BcDraw *draw,
              double  x1,
              double  y1,
              double  x2,
              double  y2,
              double  x3,
              double  y3)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;

  if (!self->has_point)
    svg_move_to (draw, x1, y1);
  path_command (self, 'C', x1, y1);
  g_string_append_c (self->path, ' ');
  append_number (self->path, x2);
  g_string_append_c (self->path, ' ');
  append_number (self->path, y2);
  g_string_append_c (self->path, ' ');
  append_number (self->path, x3);
  g_string_append_c (self->path, ' ');
  append_number (self->path, y3);
  self->x = x3;
  self->y = y3;
}

/* As cairo_arc(): clockwise on screen from @angle1 to @angle2, joined to
 * the current point by a line. Written as elliptical arcs of at most a
 * quarter turn each, so that their flags are never ambiguous. */
static void
svg_arc (BcDraw *draw,
         double  xc,
         double  yc,
         double  radius,
         double  angle1,
         double  angle2)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;
  double sx = xc + radius * cos (angle1), sy = yc + radius * sin (angle1);
  double sweep;
  int n;

  while (angle2 < angle1)
    angle2 += 2 * G_PI;
  sweep = angle2 - angle1;

  if (!self->has_point)
    svg_move_to (draw, sx, sy);
  else if (fabs (self->x - sx) > 0.005 || fabs (self->y - sy) > 0.005)
    path_command (self, 'L', sx, sy);
  if (radius <= 0 || sweep <= 0)
    return;

  n = (int) ceil (sweep / (G_PI / 2) - 1e-9);
  for (int i = 1; i <= n; i++)
    {
      double a = angle1 + sweep * i / n;
      GString *p = self->path;

      g_string_append (p, " A");
      append_number (p, radius);
      g_string_append_c (p, ' ');
      append_number (p, radius);
      g_string_append (p, " 0 0 1 ");
      self->x = xc + radius * cos (a);
      self->y = yc + radius * sin (a);
      append_number (p, self->x);
      g_string_append_c (p, ' ');
      append_number (p, self->y);
    }
}

static void
svg_close_path (BcDraw *draw)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;

  if (self->path->len == 0)
    return;
  g_string_append (self->path, " Z");
  self->x = self->start_x;
  self->y = self->start_y;
}

static void
svg_draw_path (BcDraw            *draw,
               const BcDrawStyle *style)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;
  GString *out = self->out;
  gboolean stroked = style->stroke.alpha > 0 && style->line_width > 0;

  if (self->path->len == 0 || (style->fill.alpha <= 0 && !stroked))
    {
      flush_path (self);
      return;
    }

  g_string_append (out, "<path d=\"");
  g_string_append_len (out, self->path->str, self->path->len);
  g_string_append_c (out, '"');
  if (style->fill.alpha > 0)
    append_colour (out, "fill", &style->fill);
  else
    g_string_append (out, " fill=\"none\"");
  if (stroked)
    {
      append_colour (out, "stroke", &style->stroke);
      append_attribute_number (out, "stroke-width", style->line_width);
      if (style->round)
        g_string_append (out, " stroke-linejoin=\"round\" stroke-linecap=\"round\"");
      if (style->dashes != NULL && style->n_dashes > 0)
        {
          g_string_append (out, " stroke-dasharray=\"");
          for (guint i = 0; i < style->n_dashes; i++)
            {
              if (i > 0)
                g_string_append_c (out, ' ');
              append_number (out, style->dashes[i]);
            }
          g_string_append_c (out, '"');
        }
    }
  g_string_append (out, "/>\n");
  flush_path (self);
}

static void
svg_draw_text (BcDraw           *draw,
               const BcDrawText *t)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;
  GString *out = self->out;
  SvgFont *font = font_for (self, t->font);
  g_autoptr(GArray) lines = g_array_sized_new (FALSE, FALSE, sizeof (SvgLine), 4);

  if (!ascii_lines (font, t, lines))
    {
      g_array_set_size (lines, 0);
      pango_lines (t, lines);
    }

  g_string_append (out, "<text");
  g_string_append (out, font->attributes);
  append_colour (out, "fill", &t->colour);
  if (t->halo.alpha > 0)
    {
      /* The outline under the glyphs, as the cairo backend strokes it. */
      append_colour (out, "stroke", &t->halo);
      g_string_append (out, " stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
    }
  if (lines->len == 1)
    append_line (out, &g_array_index (lines, SvgLine, 0), t, FALSE);
  else
    {
      g_string_append_c (out, '>');
      for (guint i = 0; i < lines->len; i++)
        {
          const SvgLine *line = &g_array_index (lines, SvgLine, i);
          const SvgLine *before = i > 0 ? line - 1 : NULL;

          /* The break between two lines is a space to whoever reads the
           * text (a search, a screen reader, Inkscape); drawn at the end
           * of the line before, it shows nothing. */
          if (before != NULL && before->shortened == NULL && before->end > before->start &&
              !g_ascii_isspace (before->text[before->end - 1]))
            g_string_append_c (out, ' ');
          append_line (out, line, t, TRUE);
        }
    }
  g_string_append (out, "</text>\n");
  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, SvgLine, i).shortened);
}

static void
svg_begin_group (BcDraw            *draw,
                 const BcDrawGroup *group)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;
  GString *out = self->out;

  g_string_append (out, "<g");
  if (group->id != NULL)
    {
      g_autofree char *id = g_strdup (group->id);

      /* Ids are unique in a document; a name drawn twice (a link shown
       * as two chords of the wheel) is numbered from its second use. */
      for (guint n = 2; g_hash_table_contains (self->ids, id); n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s-%u", group->id, n);
        }
      g_string_append (out, " id=\"");
      append_escaped (out, id);
      g_string_append_c (out, '"');
      g_hash_table_add (self->ids, g_steal_pointer (&id));
    }
  if (group->classes != NULL)
    {
      g_string_append (out, " class=\"");
      append_escaped (out, group->classes);
      g_string_append_c (out, '"');
    }
  if (group->opacity < 1)
    append_attribute_number (out, "opacity", MAX (group->opacity, 0));
  g_string_append_c (out, '>');
  if (group->title != NULL)
    {
      g_string_append (out, "<title>");
      append_escaped (out, group->title);
      g_string_append (out, "</title>");
    }
  g_string_append_c (out, '\n');
  self->depth++;
}

static void
svg_end_group (BcDraw *draw)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;

  g_return_if_fail (self->depth > 0);
  g_string_append (self->out, "</g>\n");
  self->depth--;
}

static void
svg_push_transform (BcDraw *draw,
                    double  tx,
                    double  ty,
                    double  angle)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;
  GString *out = self->out;

  g_string_append (out, "<g transform=\"translate(");
  append_number (out, tx);
  g_string_append_c (out, ' ');
  append_number (out, ty);
  g_string_append (out, ") rotate(");
  append_number (out, angle * 180 / G_PI);
  g_string_append (out, ")\">\n");
  self->depth++;
}

static void
svg_free (BcDraw *draw)
{
  BcDrawSvg *self = (BcDrawSvg *) draw;

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_string_free (self->path, TRUE);
  g_hash_table_unref (self->fonts);
  g_hash_table_unref (self->ids);
  g_free (self);
}

static const BcDrawClass svg_class = {
  svg_move_to,
  svg_line_to,
  svg_curve_to,
  svg_arc,
  svg_close_path,
  svg_draw_path,
  svg_draw_text,
  svg_begin_group,
  svg_end_group,
  svg_push_transform,
  svg_end_group,
  svg_free,
};

/* public API */

/**
 * bc_draw_svg_new:
 * @width: the drawing's width in user units (CSS pixels)
 * @height: its height
 * @title: (nullable): the document's title (the case's)
 * @description: (nullable): what it shows (the case's summary)
 *
 * Returns: (transfer full): a #BcDraw that writes an SVG document; take
 *   it with bc_draw_svg_finish(), then free with bc_draw_free()
 */
BcDraw *
bc_draw_svg_new (double      width,
                 double      height,
                 const char *title,
                 const char *description)
{
  BcDrawSvg *self = g_new0 (BcDrawSvg, 1);
  GString *out;

  self->parent.klass = &svg_class;
  self->parent.keeps_names = TRUE;
  self->out = out = g_string_sized_new (64 * 1024);
  self->path = g_string_sized_new (256);
  self->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, svg_font_free);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"");
  append_attribute_number (out, "width", width);
  append_attribute_number (out, "height", height);
  g_string_append (out, " viewBox=\"0 0 ");
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\" xml:space=\"preserve\">\n");
  if (title != NULL)
    {
      g_string_append (out, "<title>");
      append_escaped (out, title);
      g_string_append (out, "</title>\n");
    }
  if (description != NULL)
    {
      g_string_append (out, "<desc>");
      append_escaped (out, description);
      g_string_append (out, "</desc>\n");
    }
  return &self->parent;
}

/**
 * bc_draw_svg_finish:
 * @self: a #BcDraw made by bc_draw_svg_new()
 *
 * Closes what is open and ends the document. Nothing more can be drawn.
 *
 * Returns: (transfer full): the document's bytes, in UTF-8
 */
GBytes *
bc_draw_svg_finish (BcDraw *self)
{
  BcDrawSvg *svg = (BcDrawSvg *) self;
  GString *out;

  g_return_val_if_fail (self->klass == &svg_class, NULL);
  g_return_val_if_fail (svg->out != NULL, NULL);

  out = g_steal_pointer (&svg->out);
  for (; svg->depth > 0; svg->depth--)
    g_string_append (out, "</g>\n");
  g_string_append (out, "</svg>\n");
  return g_string_free_to_bytes (out);
}
