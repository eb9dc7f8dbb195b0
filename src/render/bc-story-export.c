/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-story-export"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "bc-story-export.h"
#include "bc-render-private.h"

/* A case's story as a PDF handout: one page a step, the diagram as known
 * on the step's date with its focus, and under it the step's heading, its
 * caption and the sources it rests on. Every page has the same size, so
 * the pictures line up when a reader leafs through. */

#define MARGIN       24.0
#define GAP          10.0
#define HEADING_SIZE 11.0
#define CAPTION_SIZE 12.0
#define SOURCES_SIZE 9.0

typedef struct
{
  BcLayout *layout;
  char     *heading;
  char     *caption;
  char     *sources;
} Page;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->layout, bc_layout_free);
  g_free (page->heading);
  g_free (page->caption);
  g_free (page->sources);
}

/* Auxiliary functions */

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             double        size,
             gboolean      bold,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Lays out (and, with @draw, paints) the text under the picture from
 * @y down; returns its height. */
static double
caption_block (cairo_t    *cr,
               const Page *page,
               double      x,
               double      y,
               double      width,
               BcTheme     theme,
               gboolean    draw)
{
  PangoContext *context = pango_cairo_create_context (cr);
  struct { const char *text; double size; gboolean bold; double alpha; } parts[] = {
    { page->heading, HEADING_SIZE, TRUE, 0.75 },
    { page->caption, CAPTION_SIZE, FALSE, 1.0 },
    { page->sources, SOURCES_SIZE, FALSE, 0.75 },
  };
  double top = y;
  double ink = theme == BC_THEME_DARK ? 0.92 : 0.1;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (parts[i].text == NULL || *parts[i].text == '\0')
        continue;
      layout = text_layout (context, parts[i].text, parts[i].size, parts[i].bold, width);
      pango_layout_get_size (layout, &w, &h);
      if (draw)
        {
          cairo_set_source_rgba (cr, ink, ink, ink, parts[i].alpha);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += (double) h / PANGO_SCALE + GAP;
    }

  g_object_unref (context);
  return y - top;
}

/* Public API */

/**
 * bc_story_export_to_bytes:
 * @kase: a case with a story
 * @options: (nullable): what the pictures show; each step sets the date
 *   and focus
 * @error: why there is nothing to export
 *
 * Returns: (transfer full): a PDF, one page a step of @kase's story
 */
GBytes *
bc_story_export_to_bytes (BcCase                 *kase,
                          const BcExportOptions  *options,
                          GError                **error)
{
  GListModel *story;
  BcExportOptions defaults;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GByteArray) out = NULL;
  cairo_surface_t *surface, *scratch;
  cairo_t *cr;
  cairo_status_t status;
  double picture_width = 0, picture_height = 0, text_height = 0, text_width;
  guint n;

  g_return_val_if_fail (BC_IS_CASE (kase), NULL);

  story = bc_case_get_story (kase);
  n = g_list_model_get_n_items (story);
  if (n == 0)
    {
      g_set_error (error, BC_RENDER_ERROR, BC_RENDER_ERROR_FAILED,
                   _("“%s” has no story to export; add steps to it first"),
                   bc_case_get_title (kase) ? bc_case_get_title (kase) : "");
      return NULL;
    }

  if (options == NULL)
    {
      bc_export_options_init (&defaults);
      options = &defaults;
    }

  pages = g_array_sized_new (FALSE, TRUE, sizeof (Page), n);
  g_array_set_clear_func (pages, (GDestroyNotify) page_clear);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcStoryStep) step = g_list_model_get_item (story, i);
      const char * const *focus = bc_story_step_get_focus (step);
      BcLayoutOptions layout_options = options->layout;
      g_autofree char *in_focus = bc_layout_focus_join (focus);
      Page page = { 0 };

      layout_options.known_on = bc_story_step_get_known_on (step);
      /* Every item of the step in focus. */
      layout_options.focus = in_focus;
      page.layout = bc_layout_new (kase, &layout_options);
      page.heading = bc_story_step_format_title (step, i, n);
      page.caption = g_strdup (bc_story_step_get_caption (step));
      page.sources = bc_story_step_format_sources (step, kase);
      picture_width = MAX (picture_width, page.layout->width);
      picture_height = MAX (picture_height, page.layout->height);
      g_array_append_val (pages, page);
    }

  /* Measure every caption first: the tallest sets the page. */
  text_width = MAX (picture_width - 2 * MARGIN, 200.0);
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  for (guint i = 0; i < n; i++)
    text_height = MAX (text_height, caption_block (cr, &g_array_index (pages, Page, i), 0, 0,
                                                   text_width, options->theme, FALSE));
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  out = g_byte_array_new ();
  surface = _bc_export_pdf_surface_new (out, picture_width,
                                        picture_height + text_height + 2 * MARGIN,
                                        bc_case_get_story_title (kase) ? bc_case_get_story_title (kase)
                                                                       : bc_case_get_title (kase),
                                        NULL);

  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      Page *page = &g_array_index (pages, Page, i);
      BcPaintOptions paint;
      double shade = options->theme == BC_THEME_DARK ? 0.12 : 1.0;

      cairo_save (cr);
      cairo_set_source_rgb (cr, shade, shade, shade);
      cairo_paint (cr);
      cairo_restore (cr);

      bc_paint_options_init (&paint);
      paint.theme = options->theme;
      paint.background = TRUE;
      cairo_save (cr);
      bc_painter_paint (page->layout, cr, NULL, &paint);
      cairo_restore (cr);

      caption_block (cr, page, MARGIN, picture_height + MARGIN, text_width, options->theme, TRUE);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BC_RENDER_ERROR, BC_RENDER_ERROR_FAILED,
                   _("Could not draw the story: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * bc_story_export_to_file:
 * @kase: a case with a story
 * @file: where the PDF goes
 * @options: (nullable): what the pictures show
 * @error: why it could not be written
 */
gboolean
bc_story_export_to_file (BcCase                 *kase,
                         GFile                  *file,
                         const BcExportOptions  *options,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = bc_story_export_to_bytes (kase, options, error);

  if (bytes == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
