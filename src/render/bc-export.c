/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-export"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>

#include "bc-export.h"
#include "bc-render-private.h"

/* cairo's image surfaces stop at 32767 pixels a side. */
#define MAX_PIXELS 32767

/* PDF dates are fixed so that the same case gives the same bytes: the
 * file records what was drawn, not when. */
#define FIXED_PDF_DATE "2000-01-01T00:00:00Z"

G_DEFINE_QUARK (bc-render-error-quark, bc_render_error)

/* auxiliary functions */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF surface writing into @out. Its dates are fixed, so that the
 * same picture gives the same bytes: the file records what was drawn,
 * not when. */
cairo_surface_t *
_bc_export_pdf_surface_new (GByteArray *out,
                            double      width,
                            double      height,
                            const char *title,
                            const char *author)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width, height);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Backchannel");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, FIXED_PDF_DATE);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, FIXED_PDF_DATE);
  return surface;
}

/* A cairo surface of @type writing into @out: a PNG at device @scale
 * (refused, with @error set, past what cairo can hold), a PDF, or an
 * SVG through cairo's own surface (only for what the painter's SVG
 * writer does not draw). */
cairo_surface_t *
_bc_export_surface_new (BcExportType  type,
                        GByteArray   *out,
                        double        width,
                        double        height,
                        double        scale,
                        const char   *title,
                        const char   *author,
                        GError      **error)
{
  cairo_surface_t *surface;

  switch (type)
    {
    case BC_EXPORT_PNG:
      {
        int w = (int) ceil (width * scale), h = (int) ceil (height * scale);

        if (w > MAX_PIXELS || h > MAX_PIXELS)
          {
            g_set_error (error, BC_RENDER_ERROR, BC_RENDER_ERROR_TOO_LARGE,
                         _("The picture would be %d × %d pixels, more than a PNG can hold "
                           "here (%d a side); use a smaller scale, SVG or PDF"),
                         w, h, MAX_PIXELS);
            return NULL;
          }
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
        cairo_surface_set_device_scale (surface, scale, scale);
      }
      break;
    case BC_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, out, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      break;
    case BC_EXPORT_PDF:
    default:
      surface = _bc_export_pdf_surface_new (out, width, height, title, author);
      break;
    }
  return surface;
}

/* Writes what was drawn on @surface (from _bc_export_surface_new())
 * into its bytes and destroys it. */
cairo_status_t
_bc_export_surface_finish (BcExportType     type,
                           cairo_surface_t *surface,
                           GByteArray      *out)
{
  cairo_status_t status;

  if (type == BC_EXPORT_PNG)
    {
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, append_bytes, out);
    }
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return status;
}

/* public API */

void
bc_export_options_init (BcExportOptions *options)
{
  memset (options, 0, sizeof *options);
  bc_layout_options_init (&options->layout);
  options->theme = BC_THEME_LIGHT;
  options->scale = 1.0;
}

gboolean
bc_export_type_from_name (const char   *name,
                          BcExportType *type)
{
  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "png") == 0)
    *type = BC_EXPORT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *type = BC_EXPORT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *type = BC_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

/**
 * bc_export_layout_to_bytes:
 *
 * Paints @layout whole onto a PNG or PDF surface in memory, or writes
 * it as an SVG document.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
bc_export_layout_to_bytes (BcLayout               *layout,
                           BcExportType            type,
                           const BcExportOptions  *options,
                           GError                **error)
{
  GByteArray *out;
  BcPaintOptions paint;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;
  double scale = options->scale > 0 ? options->scale : 1.0;

  bc_paint_options_init (&paint);
  paint.theme = options->theme;

  if (type == BC_EXPORT_SVG)
    {
      /* Written as text by the SVG backend, not through cairo's SVG
       * surface, which would draw every letter as a glyph outline. */
      g_autoptr(BcDraw) draw = bc_draw_svg_new (layout->width, layout->height,
                                                bc_case_get_title (layout->kase),
                                                bc_case_get_summary (layout->kase));

      bc_painter_draw (layout, draw, NULL, &paint);
      return bc_draw_svg_finish (draw);
    }

  {
    const char * const *authors = bc_case_get_authors (layout->kase);
    g_autofree char *author = authors != NULL ? g_strjoinv (", ", (char **) authors) : NULL;

    out = g_byte_array_new ();
    surface = _bc_export_surface_new (type, out, layout->width, layout->height, scale,
                                      bc_case_get_title (layout->kase), author, error);
  }
  if (surface == NULL)
    {
      g_byte_array_unref (out);
      return NULL;
    }

  cr = cairo_create (surface);
  bc_painter_paint (layout, cr, NULL, &paint);
  cairo_destroy (cr);
  status = _bc_export_surface_finish (type, surface, out);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BC_RENDER_ERROR, BC_RENDER_ERROR_FAILED,
                   _("Could not draw the picture: %s"), cairo_status_to_string (status));
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

/**
 * bc_export_to_bytes:
 *
 * Returns: (transfer full): the picture of @kase as a file's bytes
 */
GBytes *
bc_export_to_bytes (BcCase                 *kase,
                    BcExportType            type,
                    const BcExportOptions  *options,
                    GError                **error)
{
  BcExportOptions defaults;
  g_autoptr(BcLayout) layout = NULL;

  if (options == NULL)
    {
      bc_export_options_init (&defaults);
      options = &defaults;
    }
  layout = bc_layout_new (kase, &options->layout);
  return bc_export_layout_to_bytes (layout, type, options, error);
}

/**
 * bc_export_to_file:
 *
 * Draws @kase and writes it to @file in one replacement, so that a
 * failure leaves any earlier file as it was.
 */
gboolean
bc_export_to_file (BcCase                 *kase,
                   GFile                  *file,
                   BcExportType            type,
                   const BcExportOptions  *options,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = bc_export_to_bytes (kase, type, options, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}
