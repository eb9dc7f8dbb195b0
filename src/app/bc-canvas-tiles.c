/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"
#include "bc-painter.h"

/* The canvas's picture, painted in tiles kept between frames: a frame
 * composites the tiles in view and paints only those it has not got.
 * The first frame after the tiles went (a new zoom, an edit) paints the
 * view straight instead, and the tiles follow when the main loop is
 * idle. */

#define TILE_SIZE BC_CANVAS_TILE_SIZE
/* Enough for two screens of tiles at 4K; more when a screen needs it. */
#define MAX_TILES 64

/* The tiles in view: the widget's corner in device pixels of the tile
 * grid, rounded so that the tiles land on whole pixels and stay sharp,
 * and the columns and rows it spans. */
typedef struct
{
  double origin_x;
  double origin_y;
  int    col0, col1;
  int    row0, row1;
} TileRange;

/* Auxiliary functions */

static void
tile_free (gpointer data)
{
  BcCanvasTile *tile = data;

  g_clear_object (&tile->texture);
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
  g_free (tile);
}

/* Columns and rows go negative left of and above the diagram; shifting a
 * negative number is undefined, so the halves are packed unsigned. */
static gint64
tile_key (int col,
          int row)
{
  return (gint64) (((guint64) (guint32) col << 32) | (guint32) row);
}

static void
clear_tiles (BcCanvas *self)
{
  g_hash_table_remove_all (self->tiles);
  g_queue_clear_full (&self->tile_lru, tile_free);
  g_clear_pointer (&self->blank_tile, tile_free);
  self->view_painted = FALSE;
}

static BcTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? BC_THEME_DARK : BC_THEME_LIGHT;
}

/* Drops every tile unless it was painted at this zoom, scale, theme and
 * layout: all of them change what every pixel looks like. */
static void
validate_tiles (BcCanvas *self,
                int       scale,
                BcTheme   theme)
{
  if (self->tiles_zoom == self->zoom && self->tiles_scale == scale &&
      self->tiles_theme == theme && self->tiles_generation == self->layout_generation)
    return;

  clear_tiles (self);
  self->tiles_zoom = self->zoom;
  self->tiles_scale = scale;
  self->tiles_theme = theme;
  self->tiles_generation = self->layout_generation;
}

/* How the tiles are painted: on the theme's background, without the
 * axis's labels and the lanes' titles, which the canvas pins over them. */
static void
tile_paint_options (BcPaintOptions *options,
                    BcTheme         theme)
{
  bc_paint_options_init (options);
  options->theme = theme;
  options->background = TRUE;
  options->pinned = TRUE;
}

/* Tile (col, row) covers the device pixels [col, col + 1) × [row, row + 1)
 * times TILE_SIZE of the layout drawn at zoom × scale, so that the tiles
 * of one zoom share one pixel grid and meet without seams. */
static void
paint_tile (BcCanvas     *self,
            BcCanvasTile *tile,
            int           col,
            int           row,
            int           scale,
            BcTheme       theme)
{
  double pixels = self->zoom * scale;
  cairo_surface_t *surface;
  GBytes *bytes;
  BcPaintOptions options;
  BcRect viewport;
  cairo_t *cr;

  tile_paint_options (&options, theme);

  viewport.x = (double) col * TILE_SIZE / pixels;
  viewport.y = (double) row * TILE_SIZE / pixels;
  viewport.width = TILE_SIZE / pixels;
  viewport.height = TILE_SIZE / pixels;

  /* A tile that meets no item is the background alone, the same pixels
   * wherever it lies: it shares the one blank tile, made when first
   * needed, rather than painting and keeping a megabyte of its own. */
  if (tile != self->blank_tile)
    {
      g_autoptr(GArray) hits = bc_layout_query (self->layout, &viewport);

      if (hits->len == 0)
        {
          if (self->blank_tile == NULL)
            {
              self->blank_tile = g_new0 (BcCanvasTile, 1);
              paint_tile (self, self->blank_tile, col, row, scale, theme);
              self->tiles_painted--;
            }
          tile->surface = cairo_surface_reference (self->blank_tile->surface);
          tile->texture = g_object_ref (self->blank_tile->texture);
          self->tiles_painted++;
          return;
        }
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  cr = cairo_create (surface);
  cairo_scale (cr, pixels, pixels);
  cairo_translate (cr, -viewport.x, -viewport.y);
  bc_painter_paint (self->layout, cr, &viewport, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* CAIRO_FORMAT_ARGB32 is premultiplied 32-bit words in native byte
   * order, which is what GDK_MEMORY_DEFAULT names on either endianness
   * (B8G8R8A8_PREMULTIPLIED on little-endian). The bytes keep the
   * surface alive, so its pixels are not copied. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * TILE_SIZE,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  tile->texture = gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  tile->surface = surface;
  g_bytes_unref (bytes);
  self->tiles_painted++;
  g_debug ("Painted tile %d, %d (%u tiles so far)", col, row, self->tiles_painted);
}

/* Tile (col, row), painted if it is not in the cache. The least
 * recently used tiles beyond @limit are dropped. */
static BcCanvasTile *
lookup_tile (BcCanvas *self,
             int       col,
             int       row,
             int       scale,
             BcTheme   theme,
             guint     limit)
{
  gint64 key = tile_key (col, row);
  GList *link = g_hash_table_lookup (self->tiles, &key);
  BcCanvasTile *tile;

  if (link != NULL)
    {
      g_queue_unlink (&self->tile_lru, link);
      g_queue_push_head_link (&self->tile_lru, link);
      return link->data;
    }

  while (self->tile_lru.length >= limit)
    {
      BcCanvasTile *old = g_queue_pop_tail (&self->tile_lru);

      g_hash_table_remove (self->tiles, &old->key);
      tile_free (old);
    }

  tile = g_new0 (BcCanvasTile, 1);
  tile->key = key;
  paint_tile (self, tile, col, row, scale, theme);
  g_queue_push_head (&self->tile_lru, tile);
  g_hash_table_insert (self->tiles, &tile->key, self->tile_lru.head);
  return tile;
}

static void
get_tile_range (BcCanvas  *self,
                int        width,
                int        height,
                int        scale,
                TileRange *range)
{
  double pixels = self->zoom * scale;

  range->origin_x = round (self->offset_x * pixels);
  range->origin_y = round (self->offset_y * pixels);
  range->col0 = (int) floor (range->origin_x / TILE_SIZE);
  range->row0 = (int) floor (range->origin_y / TILE_SIZE);
  range->col1 = (int) floor ((range->origin_x + width * scale - 1) / TILE_SIZE);
  range->row1 = (int) floor ((range->origin_y + height * scale - 1) / TILE_SIZE);
}

static guint
tile_limit (const TileRange *range)
{
  return MAX (MAX_TILES, 2 * (guint) ((range->col1 - range->col0 + 1) * (range->row1 - range->row0 + 1)));
}

/* Paints the part of the diagram in view straight onto @cr, in device
 * pixels, on the tiles' pixel grid, so that it gives the same pixels as
 * the tiles would. */
static void
paint_view (BcCanvas        *self,
            cairo_t         *cr,
            const TileRange *range,
            int              width,
            int              height,
            int              scale,
            BcTheme          theme)
{
  double pixels = self->zoom * scale;
  BcPaintOptions options;
  BcRect viewport;
  cairo_surface_t *surface;
  cairo_t *view_cr;

  tile_paint_options (&options, theme);

  /* Tile by tile, each clipped to its square and painted with the very
   * transformation its tile will have, so that the tiles that follow
   * are the same pixels: a glyph across a tile's edge is cut in the
   * same place, not drawn whole here and in two pieces there. Only the
   * part of each square in view is rasterised. */
  /* And on an image surface, as the tiles are: a recording replayed on
   * the renderer's target sets its text otherwise. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  view_cr = cairo_create (surface);
  for (int row = range->row0; row <= range->row1; row++)
    for (int col = range->col0; col <= range->col1; col++)
      {
        viewport.x = (double) col * TILE_SIZE / pixels;
        viewport.y = (double) row * TILE_SIZE / pixels;
        viewport.width = TILE_SIZE / pixels;
        viewport.height = TILE_SIZE / pixels;

        cairo_save (view_cr);
        cairo_translate (view_cr, col * TILE_SIZE - range->origin_x, row * TILE_SIZE - range->origin_y);
        cairo_rectangle (view_cr, 0, 0, TILE_SIZE, TILE_SIZE);
        cairo_clip (view_cr);
        cairo_scale (view_cr, pixels, pixels);
        cairo_translate (view_cr, -viewport.x, -viewport.y);
        bc_painter_paint (self->layout, view_cr, &viewport, &options);
        cairo_restore (view_cr);
      }
  cairo_destroy (view_cr);
  cairo_surface_flush (surface);

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_rectangle (cr, 0, 0, width * scale, height * scale);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  self->views_painted++;
  g_debug ("Painted the view straight (%u views so far)", self->views_painted);
}

/* Callbacks */

/* Paints one missing tile in view at a time, between frames. */
static gboolean
fill_tiles (gpointer user_data)
{
  BcCanvas *self = user_data;
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  BcTheme theme = current_theme ();
  TileRange range;

  if (!gtk_widget_get_mapped (widget) || self->layout_stale || self->layout == NULL ||
      width <= 0 || height <= 0)
    {
      self->fill_tiles_id = 0;
      return G_SOURCE_REMOVE;
    }

  validate_tiles (self, scale, theme);
  get_tile_range (self, width, height, scale, &range);
  for (int row = range.row0; row <= range.row1; row++)
    for (int col = range.col0; col <= range.col1; col++)
      {
        gint64 key = tile_key (col, row);

        if (!g_hash_table_contains (self->tiles, &key))
          {
            lookup_tile (self, col, row, scale, theme, tile_limit (&range));
            return G_SOURCE_CONTINUE;
          }
      }

  self->fill_tiles_id = 0;
  return G_SOURCE_REMOVE;
}

/* Internal API */

void
_bc_canvas_tiles_init (BcCanvas *self)
{
  /* Keys point into the tiles, which the queue owns. */
  self->tiles = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->tile_lru);
}

void
_bc_canvas_tiles_dispose (BcCanvas *self)
{
  g_clear_handle_id (&self->fill_tiles_id, g_source_remove);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_queue_clear_full (&self->tile_lru, tile_free);
  g_clear_pointer (&self->blank_tile, tile_free);
}

/**
 * _bc_canvas_tiles_snapshot:
 * @origin_x: (out): the layout point drawn at the widget's top-left
 *   corner, on the tiles' pixel grid
 * @origin_y: (out):
 *
 * Adds the picture of the canvas's layout, as the view shows it, to
 * @snapshot: from tiles, painting those it has not got, or straight.
 */
void
_bc_canvas_tiles_snapshot (BcCanvas    *self,
                           GtkSnapshot *snapshot,
                           double      *origin_x,
                           double      *origin_y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  BcTheme theme = current_theme ();
  double pixels;
  guint limit;
  TileRange range;

  g_assert (self->layout != NULL && !self->layout_stale);

  validate_tiles (self, scale, theme);

  get_tile_range (self, width, height, scale, &range);
  pixels = self->zoom * scale;
  limit = tile_limit (&range);

  /* The cairo renderer of GTK 4.8 copies a texture node's pixels into
   * a new surface on every frame, whole, however little of it shows:
   * for it the tiles' own surfaces are composited, clipped to the
   * widget. Other renderers keep textures on the GPU between frames. */
  if (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (gtk_widget_get_native (widget))))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      /* With no tile of this zoom yet (the first frame, a new zoom, an
       * edit) the view is painted straight, less than the whole tiles
       * around it, and its tiles follow when the main loop is idle. */
      if (g_hash_table_size (self->tiles) == 0 && !self->view_painted)
        {
          paint_view (self, cr, &range, width, height, scale, theme);
          self->view_painted = TRUE;
          if (self->fill_tiles_id == 0)
            self->fill_tiles_id = g_idle_add_full (G_PRIORITY_LOW, fill_tiles, self, NULL);
        }
      else
        {
          /* Tiles are opaque (painted on the background): copied, not
           * blended, which is the same pixels for less work. Each fills
           * only its own square, since SOURCE clears what its surface
           * leaves. */
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          for (int row = range.row0; row <= range.row1; row++)
            for (int col = range.col0; col <= range.col1; col++)
              {
                BcCanvasTile *tile = lookup_tile (self, col, row, scale, theme, limit);
                double x = col * TILE_SIZE - range.origin_x;
                double y = row * TILE_SIZE - range.origin_y;

                cairo_set_source_surface (cr, tile->surface, x, y);
                cairo_rectangle (cr, x, y, TILE_SIZE, TILE_SIZE);
                cairo_fill (cr);
              }
        }
      cairo_destroy (cr);
    }
  else
    {
      for (int row = range.row0; row <= range.row1; row++)
        for (int col = range.col0; col <= range.col1; col++)
          {
            BcCanvasTile *tile = lookup_tile (self, col, row, scale, theme, limit);

            gtk_snapshot_append_texture (snapshot, tile->texture,
                                         &GRAPHENE_RECT_INIT ((col * TILE_SIZE - range.origin_x) / scale,
                                                              (row * TILE_SIZE - range.origin_y) / scale,
                                                              (double) TILE_SIZE / scale,
                                                              (double) TILE_SIZE / scale));
          }
    }

  *origin_x = range.origin_x / pixels;
  *origin_y = range.origin_y / pixels;
}
