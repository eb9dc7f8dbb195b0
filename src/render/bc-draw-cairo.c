/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-draw"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-draw.h"
#include "bc-render-private.h"

/* The cairo backend of BcDraw: screen tiles, PNG, PDF and print. */

typedef struct
{
  BcDraw   parent;
  cairo_t *cr;
  GArray  *opacity; /* double per open group; less than 1: drawn as a layer */
} BcDrawCairo;

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
  GHashTable           *layouts; /* font, width, lines and text → PangoLayout */
} TextCache;

/* Past this many layouts the cache starts again. */
#define MAX_CACHED_LAYOUTS 2048

/* auxiliary functions */

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

/* @text in @font, as _bc_render_text() lays it out for this paint.
 * Returns: (transfer none): the layout, kept by the cache */
static PangoLayout *
text_layout (cairo_t    *cr,
             const char *font,
             const char *text,
             double      max_width,
             int         max_lines)
{
  TextCache *cache = text_cache_for (cr);
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

static void
set_source (cairo_t      *cr,
            const BcRgba *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* A PDF keeps the links of a text as areas over it; other surfaces
 * ignore them. */
static void
tag_links (cairo_t          *cr,
           PangoLayout      *layout,
           const BcDrawText *text)
{
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF)
    return;

  for (guint i = 0; i < text->n_links; i++)
    {
      const BcDrawLink *link = &text->links[i];
      PangoRectangle a, b;
      double x0, y0, x1, y1, ux, uy, uw, uh;
      g_autofree char *attributes = NULL;
      g_autoptr(GString) uri = g_string_new (NULL);

      if (link->end <= link->start || link->href == NULL)
        continue;
      pango_layout_index_to_pos (layout, (int) link->start, &a);
      pango_layout_index_to_pos (layout, (int) link->end - 1, &b);
      if (a.y == b.y)
        {
          x0 = MIN (a.x, b.x + b.width);
          x1 = MAX (a.x, b.x + b.width);
        }
      else
        {
          int w;
          pango_layout_get_size (layout, &w, NULL);
          x0 = 0;
          x1 = w;
        }
      y0 = MIN (a.y, b.y);
      y1 = MAX (a.y + a.height, b.y + b.height);
      ux = text->x + x0 / PANGO_SCALE;
      uy = text->y + y0 / PANGO_SCALE;
      uw = (x1 - x0) / PANGO_SCALE;
      uh = (y1 - y0) / PANGO_SCALE;
      /* The rectangle of a tag is in device units, without the
       * context's transformation. */
      cairo_user_to_device (cr, &ux, &uy);
      cairo_user_to_device_distance (cr, &uw, &uh);
      for (const char *p = link->href; *p != '\0'; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (uri, '\\');
          g_string_append_c (uri, *p);
        }
      attributes = g_strdup_printf ("uri='%s' rect=[%.2f %.2f %.2f %.2f]", uri->str, ux, uy,
                                    fabs (uw), fabs (uh));
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
}

/* BcDrawClass */

static void
cairo_backend_move_to (BcDraw *draw,
                       double  x,
                       double  y)
{
  cairo_move_to (((BcDrawCairo *) draw)->cr, x, y);
}

static void
cairo_backend_line_to (BcDraw *draw,
                       double  x,
                       double  y)
{
  cairo_line_to (((BcDrawCairo *) draw)->cr, x, y);
}

static void
cairo_backend_curve_to (BcDraw *draw,
                        double  x1,
                        double  y1,
                        double  x2,
                        double  y2,
                        double  x3,
                        double  y3)
{
  cairo_curve_to (((BcDrawCairo *) draw)->cr, x1, y1, x2, y2, x3, y3);
}

static void
cairo_backend_arc (BcDraw *draw,
                   double  xc,
                   double  yc,
                   double  radius,
                   double  angle1,
                   double  angle2)
{
  cairo_arc (((BcDrawCairo *) draw)->cr, xc, yc, radius, angle1, angle2);
}

static void
cairo_backend_close_path (BcDraw *draw)
{
  cairo_close_path (((BcDrawCairo *) draw)->cr);
}

static void
cairo_backend_draw_path (BcDraw            *draw,
                         const BcDrawStyle *style)
{
  cairo_t *cr = ((BcDrawCairo *) draw)->cr;

  if (style->fill.alpha > 0)
    {
      set_source (cr, &style->fill);
      cairo_fill_preserve (cr);
    }
  if (style->stroke.alpha > 0 && style->line_width > 0)
    {
      set_source (cr, &style->stroke);
      cairo_set_line_width (cr, style->line_width);
      cairo_set_line_join (cr, style->round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
      cairo_set_line_cap (cr, style->round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, style->dashes, style->dashes != NULL ? (int) style->n_dashes : 0, 0);
      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_new_path (cr);
}

static void
cairo_backend_draw_text (BcDraw           *draw,
                         const BcDrawText *text)
{
  cairo_t *cr = ((BcDrawCairo *) draw)->cr;
  PangoLayout *layout = text_layout (cr, text->font, text->text, text->max_width, text->max_lines);

  cairo_new_path (cr);
  cairo_move_to (cr, text->x, text->y);
  if (text->halo.alpha > 0)
    {
      pango_cairo_layout_path (cr, layout);
      set_source (cr, &text->halo);
      cairo_set_line_width (cr, 3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, text->x, text->y);
    }
  set_source (cr, &text->colour);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  if (text->n_links > 0)
    tag_links (cr, layout, text);
}

static void
cairo_backend_begin_group (BcDraw            *draw,
                           const BcDrawGroup *group)
{
  BcDrawCairo *self = (BcDrawCairo *) draw;
  double opacity = CLAMP (group->opacity, 0, 1);

  cairo_save (self->cr);
  if (opacity < 1)
    cairo_push_group (self->cr);
  g_array_append_val (self->opacity, opacity);
}

static void
cairo_backend_end_group (BcDraw *draw)
{
  BcDrawCairo *self = (BcDrawCairo *) draw;
  double opacity;

  g_return_if_fail (self->opacity->len > 0);
  opacity = g_array_index (self->opacity, double, self->opacity->len - 1);
  g_array_set_size (self->opacity, self->opacity->len - 1);
  if (opacity < 1)
    {
      cairo_pop_group_to_source (self->cr);
      cairo_paint_with_alpha (self->cr, opacity);
    }
  cairo_restore (self->cr);
}

static void
cairo_backend_push_transform (BcDraw *draw,
                              double  tx,
                              double  ty,
                              double  angle)
{
  cairo_t *cr = ((BcDrawCairo *) draw)->cr;

  cairo_save (cr);
  cairo_translate (cr, tx, ty);
  cairo_rotate (cr, angle);
}

static void
cairo_backend_pop_transform (BcDraw *draw)
{
  cairo_restore (((BcDrawCairo *) draw)->cr);
}

static void
cairo_backend_free (BcDraw *draw)
{
  BcDrawCairo *self = (BcDrawCairo *) draw;

  cairo_destroy (self->cr);
  g_array_unref (self->opacity);
  g_free (self);
}

static const BcDrawClass cairo_class = {
  cairo_backend_move_to,
  cairo_backend_line_to,
  cairo_backend_curve_to,
  cairo_backend_arc,
  cairo_backend_close_path,
  cairo_backend_draw_path,
  cairo_backend_draw_text,
  cairo_backend_begin_group,
  cairo_backend_end_group,
  cairo_backend_push_transform,
  cairo_backend_pop_transform,
  cairo_backend_free,
};

/* public API */

/**
 * bc_draw_cairo_new:
 * @cr: where to draw, in the drawing's user units
 *
 * Returns: (transfer full): a #BcDraw that draws on @cr (and keeps a
 *   reference to it); free with bc_draw_free()
 */
BcDraw *
bc_draw_cairo_new (cairo_t *cr)
{
  BcDrawCairo *self = g_new0 (BcDrawCairo, 1);

  self->parent.klass = &cairo_class;
  self->cr = cairo_reference (cr);
  self->opacity = g_array_new (FALSE, FALSE, sizeof (double));
  return &self->parent;
}
