/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-render"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-render-private.h"

/* The layout measures text without any surface, and the painter draws it
 * on screen, PNG, SVG or PDF: both turn hinting off so that a label has
 * the same size everywhere and the box measured is the box painted. */
void
_bc_render_prepare_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (options);
}

PangoContext *
_bc_render_get_measure_context (void)
{
  static PangoContext *context;

  if (g_once_init_enter (&context))
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      PangoContext *c = pango_font_map_create_context (map);

      _bc_render_prepare_context (c);
      g_once_init_leave (&context, c);
    }
  return context;
}

/**
 * _bc_render_text:
 * @max_width: ellipsize past this width; 0 or less for none
 * @max_lines: 1 for one line a paragraph, more to wrap before ellipsizing
 *
 * Returns: (transfer full): a layout of @text in @font
 */
PangoLayout *
_bc_render_text (PangoContext *context,
                 const char   *font,
                 const char   *text,
                 double        max_width,
                 int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      /* Each paragraph ('\n' starts one) wraps into at most @max_lines
       * lines, the last of them shortened if the text goes on. */
      if (max_lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -max_lines);
        }
    }
  return layout;
}

void
_bc_render_text_size (const char *font,
                      const char *text,
                      double      max_width,
                      int         max_lines,
                      double     *width,
                      double     *height)
{
  g_autoptr(PangoLayout) layout = _bc_render_text (_bc_render_get_measure_context (),
                                                   font, text, max_width, max_lines);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
  if (max_width > 0 && *width > max_width)
    *width = max_width;
}
