/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"
#include "bc-editing.h"
#include "bc-history.h"
#include "bc-painter.h"
#include "bc-transfer-popover.h"

#define MIN_ZOOM  0.05
#define MAX_ZOOM  8.0
#define ZOOM_STEP 1.2
/* Pixels scrolled per wheel step when panning. */
#define SCROLL_STEP 40.0
/* The diagram is painted in square tiles of this many device pixels,
 * kept as textures, so that panning only paints the tiles that come into
 * view: a frame of a large case would otherwise stroke thousands of long
 * transfer curves again. */
#define TILE_SIZE 512
/* Enough for two screens of tiles at 4K; more when a screen needs it. */
#define MAX_TILES 64
/* Space left around the diagram when it is fitted to the canvas, in
 * widget pixels. */
#define FIT_MARGIN 24.0
/* Below this zoom the labels cannot be read: a new case that would need
 * less to fit opens at its top-left corner instead. */
#define MIN_FIT_ZOOM 0.3
/* Widget pixels a press must move before it is a drag, not a click. */
#define DRAG_THRESHOLD 3.0
/* The handle to draw a transfer from: its radius and how far above the
 * event's node it sits, and how near a press must be to take it, all in
 * widget pixels so that it stays usable at any zoom. */
#define HANDLE_RADIUS 5.0
#define HANDLE_GAP    9.0
#define HANDLE_GRAB   9.0
/* How near an end of the selected transfer a press takes that end. */
#define END_GRAB      9.0
/* How near an item, in widget pixels, the pointer is on it. */
#define PICK_SLACK    6.0
/* How long a hint about a refused drop stays, in seconds. */
#define HINT_SECONDS  4

/* What a press and drag on the canvas does, decided where it starts:
 * on empty space it pans; on an event it moves the event in time; on
 * the handle above the hovered or selected event (or with Shift on an
 * event) it draws a new transfer; on an end of the selected transfer it
 * reconnects that end. */
typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_CONNECT,
  DRAG_RECONNECT_FROM,
  DRAG_RECONNECT_TO,
} DragMode;

typedef struct
{
  gint64           key; /* column and row, see tile_key () */
  cairo_surface_t *surface;
  GdkTexture      *texture; /* shares the surface's pixels */
} Tile;

struct _BcCanvas
{
  GtkWidget  parent_instance;

  BcCase      *case_;
  BcItem      *selected_item;
  BcView       view;
  BcTimeScale  time_scale;
  guint        tracks;
  int          highlight;
  BcDate       known_on;
  BcLayout    *layout;
  /* Options changed since the layout was made: it is made again before
   * it is next used, so that a dragged slider costs one layout a frame. */
  gboolean     layout_stale;
  /* Counts the layouts made, so that tiles of an old one are not used. */
  guint        layout_generation;

  /* The tile cache: Tile by key in tiles, most recently used first in
   * tile_lru. Every tile was painted with the settings below; when one
   * of them changes, all tiles go. */
  GHashTable  *tiles;
  GQueue       tile_lru;
  double       tiles_zoom;
  int          tiles_scale;
  BcTheme      tiles_theme;
  guint        tiles_generation;
  guint        tiles_painted;
  guint        views_painted;
  /* The first frame after the tiles went paints the view straight
   * (view_painted) and has the tiles in view painted when the main loop
   * is idle (fill_tiles_id). Frames that come before the idle does, as
   * in a pan, use tiles. */
  gboolean     view_painted;
  guint        fill_tiles_id;
  /* Tiles with nothing of the case on them, most of the margin around
   * a fitted case, share one background tile of these settings. */
  Tile        *blank_tile;

  /* The layout point at the widget's top-left corner, and the scale. */
  double     offset_x;
  double     offset_y;
  double     zoom;
  gboolean   needs_fit;

  double     drag_offset_x;
  double     drag_offset_y;
  double     pinch_zoom;
  double     pointer_x;
  double     pointer_y;

  /* Editing on the canvas. The drag's objects are held, not borrowed:
   * the layout, which owns its items' geometry, may be made again in the
   * middle of a drag. */
  gboolean     editable;
  DragMode     drag_mode;
  gboolean     drag_moved;  /* past the threshold: not a click */
  double       drag_start_x, drag_start_y;
  double       drag_x, drag_y;
  BcEvent     *drag_event;  /* moved, or the fixed end of the arrow drawn */
  BcTransfer  *drag_transfer; /* being reconnected */
  BcEvent     *drop_event;  /* the event under the pointer, if another */
  BcDate       drop_date;   /* where a moved event lands */
  BcDate       drop_end;
  BcEvent     *hover_event;
  const char  *cursor_name;
  GtkWidget   *popover;     /* asks about a transfer being made */
  char        *hint;        /* why the last drop did nothing */
  double       hint_x, hint_y;
  guint        hint_source;
};

G_DEFINE_FINAL_TYPE (BcCanvas, bc_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_VIEW,
  PROP_SELECTED_ITEM,
  PROP_ZOOM,
  PROP_TIME_SCALE,
  PROP_TRACKS,
  PROP_HIGHLIGHT,
  PROP_KNOWN_ON,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static void
layout_changed (BcCanvas *self,
                gboolean  refit)
{
  if (refit)
    self->needs_fit = TRUE;
  self->layout_stale = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void case_changed (BcCanvas     *self,
                          BcChangeKind  kind,
                          GObject      *object,
                          const char   *detail);

static void
watch_case (BcCanvas *self,
            gboolean  watch)
{
  if (watch)
    g_signal_connect_swapped (self->case_, "changed", G_CALLBACK (case_changed), self);
  else
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
}

static BcLayout *
ensure_layout (BcCanvas *self)
{
  BcLayoutOptions options;

  if (!self->layout_stale)
    return self->layout;

  self->layout_stale = FALSE;
  self->layout_generation++;
  g_clear_pointer (&self->layout, bc_layout_free);
  if (self->case_ != NULL)
    {
      bc_canvas_get_layout_options (self, &options);
      self->layout = bc_layout_new (self->case_, &options);
    }
  return self->layout;
}

/* A new case or a new view opens at the default framing; filters and
 * the date keep the place and the zoom the user chose. */
static void
rebuild_layout (BcCanvas *self)
{
  layout_changed (self, TRUE);
  ensure_layout (self);
}

static void
set_zoom_at (BcCanvas *self,
             double    zoom,
             double    wx,
             double    wy)
{
  double lx, ly;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  /* Keep the layout point under (wx, wy) where it is. */
  lx = wx / self->zoom + self->offset_x;
  ly = wy / self->zoom + self->offset_y;
  self->zoom = zoom;
  self->offset_x = lx - wx / zoom;
  self->offset_y = ly - wy / zoom;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The zoom at which the whole layout fits in width × height with a
 * margin around it. */
static double
fit_zoom (BcCanvas *self,
          int       width,
          int       height)
{
  double w = MAX (width - 2 * FIT_MARGIN, width / 2.0);
  double h = MAX (height - 2 * FIT_MARGIN, height / 2.0);

  return MIN (w / self->layout->width, h / self->layout->height);
}

static void
widget_to_layout (BcCanvas *self,
                  double    wx,
                  double    wy,
                  double   *lx,
                  double   *ly)
{
  *lx = wx / self->zoom + self->offset_x;
  *ly = wy / self->zoom + self->offset_y;
}

static BcLayoutEvent *
layout_event_for (BcCanvas *self,
                  BcItem   *item)
{
  BcLayoutHit hit;

  if (ensure_layout (self) == NULL || !BC_IS_EVENT (item) ||
      !bc_layout_find (self->layout, G_OBJECT (item), &hit))
    return NULL;
  return &g_array_index (self->layout->events, BcLayoutEvent, hit.index);
}

static BcLayoutCurve *
layout_transfer_for (BcCanvas *self,
                     BcItem   *item)
{
  BcLayoutHit hit;

  if (ensure_layout (self) == NULL || !BC_IS_TRANSFER (item) ||
      !bc_layout_find (self->layout, G_OBJECT (item), &hit))
    return NULL;
  return &g_array_index (self->layout->transfers, BcLayoutCurve, hit.index);
}

/* What the pointer is on, with a few pixels' slack at any zoom. */
static gboolean
pick (BcCanvas    *self,
      double       lx,
      double       ly,
      BcLayoutHit *hit)
{
  return ensure_layout (self) != NULL &&
         bc_layout_pick (self->layout, lx, ly, PICK_SLACK / self->zoom, hit);
}

static void
select_item (BcCanvas *self,
             BcItem   *item)
{
  if (!g_set_object (&self->selected_item, item))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
scroll_into_view (BcCanvas *self,
                  BcItem   *item)
{
  double x, y;
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));

  if (w <= 0 || h <= 0 || !_bc_canvas_item_to_widget (self, item, &x, &y))
    return;
  if (x < 0 || y < 0 || x > w || y > h)
    {
      self->offset_x += (x - w / 2.0) / self->zoom;
      self->offset_y += (y - h / 2.0) / self->zoom;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Keyboard: where the arrow keys lead from the selection. */
static BcItem *
neighbour (BcCanvas *self,
           int       dx,
           int       dy)
{
  BcLayoutHit from, to;
  gboolean found;

  if (ensure_layout (self) == NULL)
    return NULL;
  found = self->selected_item != NULL &&
          bc_layout_find (self->layout, G_OBJECT (self->selected_item), &from);
  if (!bc_layout_step (self->layout, found ? &from : NULL, dx, dy, &to))
    return NULL;
  return BC_ITEM (to.object);
}

static void
draw_selection (BcCanvas *self,
                cairo_t  *cr)
{
  GdkRGBA accent;
  double line = 3 / self->zoom;
  BcLayoutHit hit;
  BcRect node;

  if (self->selected_item == NULL || ensure_layout (self) == NULL ||
      !bc_layout_find (self->layout, G_OBJECT (self->selected_item), &hit))
    return;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, line);

  if (hit.kind == BC_LAYOUT_ITEM_EVENT)
    {
      double pad = 4 / self->zoom;

      bc_layout_hit_shape (self->layout, &hit, &node);
      cairo_rectangle (cr, node.x - pad, node.y - pad, node.width + 2 * pad, node.height + 2 * pad);
      cairo_stroke (cr);
    }
  else if (hit.kind == BC_LAYOUT_ITEM_ACTOR)
    {
      bc_layout_hit_shape (self->layout, &hit, &node);
      cairo_arc (cr, node.x + node.width / 2, node.y + node.height / 2,
                 node.width / 2 + 4 / self->zoom, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  else
    {
      BcLayoutCurve *c = &g_array_index (self->layout->transfers, BcLayoutCurve, hit.index);

      cairo_set_line_width (cr, 2 * line);
      accent.alpha = 0.5;
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_move_to (cr, c->p[0].x, c->p[0].y);
      cairo_curve_to (cr, c->p[1].x, c->p[1].y, c->p[2].x, c->p[2].y, c->p[3].x, c->p[3].y);
      cairo_stroke (cr);
    }
}

/* Where the date "as known on" falls on the time axis of the lanes, read
 * back from the axis's own ticks: those labelled with a date give pairs
 * of day and x, and a proportional axis is linear between them. */
static gboolean
known_on_x (BcCanvas *self,
            double   *x)
{
  BcLayout *layout = self->layout;
  double x0 = 0, x1 = 0;
  guint32 d0 = 0, d1 = 0, day;

  if (layout == NULL || !bc_date_is_set (self->known_on) ||
      layout->options.view != BC_VIEW_LANES ||
      layout->options.time_scale != BC_TIME_SCALE_PROPORTIONAL)
    return FALSE;

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      BcLayoutTick *tick = &g_array_index (layout->ticks, BcLayoutTick, i);
      BcDate date;

      if (tick->label == NULL || !bc_date_parse (tick->label, &date, NULL))
        continue;
      if (d0 == 0)
        {
          d0 = bc_date_get_first_day (date);
          x0 = tick->x;
        }
      else
        {
          d1 = bc_date_get_first_day (date);
          x1 = tick->x;
        }
    }
  if (d0 == 0 || d1 <= d0)
    return FALSE;

  /* The end of the day, month or year typed. */
  day = bc_date_get_last_day (self->known_on) + 1;
  *x = x0 + ((double) day - d0) * (x1 - x0) / (d1 - d0);
  *x = CLAMP (*x, layout->plot.x, layout->plot.x + layout->plot.width);
  return TRUE;
}

static void
draw_known_on (BcCanvas *self,
               cairo_t  *cr)
{
  GdkRGBA accent;
  double x, top, bottom;

  if (!known_on_x (self, &x))
    return;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  top = self->layout->plot.y - 8;
  bottom = self->layout->plot.y + self->layout->plot.height;

  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2 / self->zoom);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  /* A small marker on the axis, like the slider's knob. */
  cairo_move_to (cr, x - 5 / self->zoom, top - 6 / self->zoom);
  cairo_line_to (cr, x + 5 / self->zoom, top - 6 / self->zoom);
  cairo_line_to (cr, x, top);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
tile_free (gpointer data)
{
  Tile *tile = data;

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

/* Tile (col, row) covers the device pixels [col, col + 1) × [row, row + 1)
 * times TILE_SIZE of the layout drawn at zoom × scale, so that the tiles
 * of one zoom share one pixel grid and meet without seams. */
static void
paint_tile (BcCanvas *self,
            Tile     *tile,
            int       col,
            int       row,
            int       scale,
            BcTheme   theme)
{
  double pixels = self->zoom * scale;
  cairo_surface_t *surface;
  GBytes *bytes;
  BcPaintOptions options;
  BcRect viewport;
  cairo_t *cr;

  bc_paint_options_init (&options);
  options.theme = theme;
  options.background = TRUE;

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
              self->blank_tile = g_new0 (Tile, 1);
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
}

/* Tile (col, row), painted if it is not in the cache. The least
 * recently used tiles beyond @limit are dropped. */
static Tile *
lookup_tile (BcCanvas *self,
             int       col,
             int       row,
             int       scale,
             BcTheme   theme,
             guint     limit)
{
  gint64 key = tile_key (col, row);
  GList *link = g_hash_table_lookup (self->tiles, &key);
  Tile *tile;

  if (link != NULL)
    {
      g_queue_unlink (&self->tile_lru, link);
      g_queue_push_head_link (&self->tile_lru, link);
      return link->data;
    }

  while (self->tile_lru.length >= limit)
    {
      Tile *old = g_queue_pop_tail (&self->tile_lru);

      g_hash_table_remove (self->tiles, &old->key);
      tile_free (old);
    }

  tile = g_new0 (Tile, 1);
  tile->key = key;
  paint_tile (self, tile, col, row, scale, theme);
  g_queue_push_head (&self->tile_lru, tile);
  g_hash_table_insert (self->tiles, &tile->key, self->tile_lru.head);
  return tile;
}

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

  bc_paint_options_init (&options);
  options.theme = theme;
  options.background = TRUE;

  viewport.x = range->origin_x / pixels;
  viewport.y = range->origin_y / pixels;
  viewport.width = (double) width * scale / pixels;
  viewport.height = (double) height * scale / pixels;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width * scale, height * scale);
  cairo_clip (cr);
  cairo_translate (cr, -range->origin_x, -range->origin_y);
  cairo_scale (cr, pixels, pixels);
  bc_painter_paint (self->layout, cr, &viewport, &options);
  cairo_restore (cr);
  self->views_painted++;
}

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

/* Editing: moving events, drawing and reconnecting transfers */

static gboolean
can_edit (BcCanvas *self)
{
  return self->editable && self->case_ != NULL && ensure_layout (self) != NULL &&
         self->layout->options.view == BC_VIEW_LANES;
}

static void
set_cursor (BcCanvas   *self,
            const char *name)
{
  /* Names are static strings: compare them by address. */
  if (self->cursor_name == name)
    return;
  self->cursor_name = name;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
layout_to_widget (BcCanvas *self,
                  double    lx,
                  double    ly,
                  double   *wx,
                  double   *wy)
{
  *wx = (lx - self->offset_x) * self->zoom;
  *wy = (ly - self->offset_y) * self->zoom;
}

/* The event whose node or label is at a widget point, if it is shown. */
static BcEvent *
event_at (BcCanvas *self,
          double    x,
          double    y)
{
  BcLayoutHit hit;
  double lx, ly;

  widget_to_layout (self, x, y, &lx, &ly);
  return pick (self, lx, ly, &hit) && hit.kind == BC_LAYOUT_ITEM_EVENT ? BC_EVENT (hit.object) : NULL;
}

/* The event that shows the handle to draw a transfer from: the one under
 * the pointer, else the selected one. */
static BcEvent *
handle_event (BcCanvas *self)
{
  if (!can_edit (self) || self->popover != NULL)
    return NULL;
  if (self->hover_event != NULL && layout_event_for (self, BC_ITEM (self->hover_event)) != NULL)
    return self->hover_event;
  if (self->selected_item != NULL && layout_event_for (self, self->selected_item) != NULL)
    return BC_EVENT (self->selected_item);
  return NULL;
}

/* The handle's centre, in layout coordinates: above the node, where a
 * transfer to an official track leaves. */
static gboolean
handle_centre (BcCanvas *self,
               BcEvent  *event,
               double   *lx,
               double   *ly)
{
  BcLayoutEvent *e = event != NULL ? layout_event_for (self, BC_ITEM (event)) : NULL;

  if (e == NULL)
    return FALSE;
  *lx = e->node.x + e->node.width / 2;
  *ly = e->node.y - HANDLE_GAP / self->zoom;
  return TRUE;
}

static gboolean
on_handle (BcCanvas *self,
           double    x,
           double    y)
{
  double lx, ly, wx, wy;

  if (!handle_centre (self, handle_event (self), &lx, &ly))
    return FALSE;
  layout_to_widget (self, lx, ly, &wx, &wy);
  return hypot (x - wx, y - wy) <= HANDLE_GRAB;
}

/* Which end of the selected transfer is at a widget point: 1 for its
 * head ("to"), -1 for its tail ("from"), 0 for neither. */
static int
transfer_end_at (BcCanvas *self,
                 double    x,
                 double    y)
{
  BcLayoutCurve *c;
  double wx, wy;

  if (!can_edit (self) || self->selected_item == NULL ||
      (c = layout_transfer_for (self, self->selected_item)) == NULL)
    return 0;
  layout_to_widget (self, c->p[3].x, c->p[3].y, &wx, &wy);
  if (hypot (x - wx, y - wy) <= END_GRAB)
    return 1;
  layout_to_widget (self, c->p[0].x, c->p[0].y, &wx, &wy);
  if (hypot (x - wx, y - wy) <= END_GRAB)
    return -1;
  return 0;
}

/* The end that stays where it is while the other is dragged. */
static BcEvent *
fixed_end (BcCanvas *self)
{
  return self->drag_event;
}

static gboolean
drop_is_valid (BcCanvas *self)
{
  return self->drop_event != NULL && self->drag_event != NULL &&
         bc_event_get_track (self->drop_event) != bc_event_get_track (fixed_end (self));
}

static gboolean
hint_timeout (gpointer data)
{
  BcCanvas *self = data;

  self->hint_source = 0;
  g_clear_pointer (&self->hint, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
clear_hint (BcCanvas *self)
{
  g_clear_handle_id (&self->hint_source, g_source_remove);
  if (self->hint != NULL)
    {
      g_clear_pointer (&self->hint, g_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Says, next to the pointer, why a drop did nothing; it goes by itself
 * after a few seconds or with the next press. */
static void
show_hint (BcCanvas   *self,
           const char *text,
           double      x,
           double      y)
{
  clear_hint (self);
  self->hint = g_strdup (text);
  self->hint_x = x;
  self->hint_y = y;
  self->hint_source = g_timeout_add_seconds (HINT_SECONDS, hint_timeout, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moving in time */

static void
update_move (BcCanvas *self)
{
  double lx0, lx1, ly;
  BcDate date = bc_event_get_date (self->drag_event);

  widget_to_layout (self, self->drag_start_x, self->drag_start_y, &lx0, &ly);
  widget_to_layout (self, self->drag_x, self->drag_y, &lx1, &ly);
  self->drop_date = bc_date_snap (date, bc_layout_x_to_day (self->layout, lx1) -
                                        bc_layout_x_to_day (self->layout, lx0));
  if (!bc_date_shift_end (date, self->drop_date, bc_event_get_end (self->drag_event), &self->drop_end))
    self->drop_end = BC_DATE_UNSET;
}

/* Transfers */

static gboolean
unparent_later (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  return G_SOURCE_REMOVE;
}

static void
transfer_popover_closed (BcCanvas *self)
{
  GtkWidget *popover = self->popover;

  if (popover == NULL)
    return;
  /* The popover is still being unmapped: let it go once that is done. */
  self->popover = NULL;
  g_signal_handlers_disconnect_by_data (popover, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, unparent_later, g_object_ref (popover), g_object_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
transfer_popover_create (BcCanvas          *self,
                         BcTransferPopover *popover)
{
  g_autofree char *id = bc_edit_fresh_id (self->case_, "transfer");
  g_autoptr(BcTransfer) transfer = bc_transfer_popover_build (popover, id);
  g_autoptr(GError) error = NULL;

  if (!bc_edit_insert (self->case_, G_OBJECT (transfer), &error))
    {
      show_hint (self, error->message, self->drag_x, self->drag_y);
      return;
    }
  select_item (self, BC_ITEM (transfer));
}

/* The middle of the arrow a popover asks about, in widget coordinates. */
static gboolean
pending_path (BcCanvas *self,
              BcPoint  *p)
{
  BcTransferPopover *popover = BC_TRANSFER_POPOVER (self->popover);
  BcLayoutEvent *a, *b;

  if (popover == NULL ||
      (a = layout_event_for (self, BC_ITEM (bc_transfer_popover_get_from (popover)))) == NULL ||
      (b = layout_event_for (self, BC_ITEM (bc_transfer_popover_get_to (popover)))) == NULL)
    return FALSE;
  bc_layout_transfer_path (&a->node, &b->node, p);
  return TRUE;
}

static void
open_transfer_popover (BcCanvas *self,
                       BcEvent  *from,
                       BcEvent  *to)
{
  BcPoint p[4], mid;
  double wx, wy;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  self->popover = bc_transfer_popover_new (self->case_, from, to);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "create", G_CALLBACK (transfer_popover_create), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (transfer_popover_closed), self);

  if (pending_path (self, p))
    {
      mid = bc_curve_point (p, 0.5);
      layout_to_widget (self, mid.x, mid.y, &wx, &wy);
      gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                   &(GdkRectangle) { (int) wx - 2, (int) wy - 2, 4, 4 });
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
reconnect (BcCanvas *self)
{
  const char *property = self->drag_mode == DRAG_RECONNECT_TO ? "to" : "from";
  const char *current = self->drag_mode == DRAG_RECONNECT_TO ? bc_transfer_get_to (self->drag_transfer)
                                                             : bc_transfer_get_from (self->drag_transfer);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->drop_event == NULL)
    {
      show_hint (self, _("Release over an event on another track to reconnect the transfer"),
                 self->drag_x, self->drag_y);
      return;
    }
  if (g_strcmp0 (bc_item_get_id (BC_ITEM (self->drop_event)), current) == 0)
    return;
  if (!drop_is_valid (self))
    {
      show_hint (self, _("A transfer joins events on two different tracks"), self->drag_x, self->drag_y);
      return;
    }

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, bc_item_get_id (BC_ITEM (self->drop_event)));
  if (!bc_history_set (bc_case_get_history (self->case_), G_OBJECT (self->drag_transfer),
                       property, &value, &error))
    show_hint (self, error->message, self->drag_x, self->drag_y);
}

static void
end_drag_state (BcCanvas *self)
{
  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  g_clear_object (&self->drag_event);
  g_clear_object (&self->drag_transfer);
  g_clear_object (&self->drop_event);
  self->drop_date = BC_DATE_UNSET;
  self->drop_end = BC_DATE_UNSET;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cancel-drag", FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing what follows the pointer */

static void
lookup_accent (BcCanvas *self,
               GdkRGBA  *accent)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

static void
lookup_error (BcCanvas *self,
              GdkRGBA  *error)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "error_color", error))
    gdk_rgba_parse (error, "#e01b24");
}

static void
stroke_arrow (BcCanvas      *self,
              cairo_t       *cr,
              const BcPoint *p,
              gboolean       dashed)
{
  double size = 10 / self->zoom, angle;
  BcPoint before;

  cairo_set_line_width (cr, 2.5 / self->zoom);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 6 / self->zoom, 4 / self->zoom }, 2, 0);
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
}

static void
ring_node (BcCanvas     *self,
           cairo_t      *cr,
           const BcRect *node)
{
  double pad = 5 / self->zoom;

  cairo_set_line_width (cr, 2 / self->zoom);
  cairo_arc (cr, node->x + node->width / 2, node->y + node->height / 2,
             MAX (node->width, node->height) / 2 + pad, 0, 2 * G_PI);
  cairo_stroke (cr);
}

/* The handle above the hovered or selected event, and the grips at the
 * ends of the selected transfer. */
static void
draw_handles (BcCanvas *self,
              cairo_t  *cr)
{
  GdkRGBA accent;
  BcLayoutCurve *c;
  double lx, ly, r = HANDLE_RADIUS / self->zoom;

  if (!can_edit (self) || self->drag_mode != DRAG_NONE)
    return;
  lookup_accent (self, &accent);

  if (handle_centre (self, handle_event (self), &lx, &ly))
    {
      cairo_arc (cr, lx, ly, r, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5 / self->zoom);
      cairo_stroke (cr);
      /* An arrow up: something leaves from here. */
      cairo_move_to (cr, lx, ly + r * 0.55);
      cairo_line_to (cr, lx, ly - r * 0.55);
      cairo_move_to (cr, lx - r * 0.4, ly - r * 0.1);
      cairo_line_to (cr, lx, ly - r * 0.55);
      cairo_line_to (cr, lx + r * 0.4, ly - r * 0.1);
      cairo_stroke (cr);
    }

  if (self->selected_item != NULL && (c = layout_transfer_for (self, self->selected_item)) != NULL)
    for (int i = 0; i < 4; i += 3)
      {
        cairo_arc (cr, c->p[i].x, c->p[i].y, 4 / self->zoom, 0, 2 * G_PI);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill_preserve (cr);
        gdk_cairo_set_source_rgba (cr, &accent);
        cairo_set_line_width (cr, 2 / self->zoom);
        cairo_stroke (cr);
      }
}

/* The arrow being drawn or reconnected, the event moved to its new
 * place, or the arrow a popover asks about. */
static void
draw_drag (BcCanvas *self,
           cairo_t  *cr)
{
  GdkRGBA accent, error;
  BcLayoutEvent *fixed, *target;
  BcPoint p[4];
  double lx, ly;

  lookup_accent (self, &accent);
  lookup_error (self, &error);

  if (self->drag_mode == DRAG_NONE && pending_path (self, p))
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      stroke_arrow (self, cr, p, FALSE);
      return;
    }
  if (!self->drag_moved || self->drag_event == NULL ||
      (fixed = layout_event_for (self, BC_ITEM (self->drag_event))) == NULL)
    return;

  if (self->drag_mode == DRAG_MOVE && bc_date_is_set (self->drop_date))
    {
      double top = self->layout->plot.y - 8, bottom = self->layout->plot.y + self->layout->plot.height;
      double x0 = bc_layout_day_to_x (self->layout, bc_date_get_first_day (self->drop_date));
      double x1 = bc_layout_day_to_x (self->layout, bc_date_get_last_day (bc_date_is_set (self->drop_end)
                                                                         ? self->drop_end : self->drop_date) + 1.0);
      gboolean range = bc_date_is_set (self->drop_end);
      double cx = range ? x0 + fixed->node.width / 2 : (x0 + x1) / 2;
      double cy = fixed->node.y + fixed->node.height / 2;

      /* Where it will land on the axis: a line down the lanes, and the
       * span of the new date. */
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 1.5 / self->zoom);
      cairo_move_to (cr, x0, top);
      cairo_line_to (cr, x0, bottom);
      cairo_stroke (cr);
      accent.alpha = 0.25;
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x0, cy - 6, MAX (x1 - x0, 1 / self->zoom), 12);
      cairo_fill (cr);
      accent.alpha = 1;
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2 / self->zoom);
      cairo_set_dash (cr, (double[]) { 3 / self->zoom, 2 / self->zoom }, 2, 0);
      cairo_rectangle (cr, cx - fixed->node.width / 2, fixed->node.y, fixed->node.width, fixed->node.height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }

  if (self->drag_mode != DRAG_CONNECT && self->drag_mode != DRAG_RECONNECT_FROM &&
      self->drag_mode != DRAG_RECONNECT_TO)
    return;

  widget_to_layout (self, self->drag_x, self->drag_y, &lx, &ly);
  target = self->drop_event != NULL ? layout_event_for (self, BC_ITEM (self->drop_event)) : NULL;
  {
    BcRect point = { lx, ly, 0, 0 };
    const BcRect *other = target != NULL && drop_is_valid (self) ? &target->node : &point;

    if (self->drag_mode == DRAG_RECONNECT_FROM)
      bc_layout_transfer_path (other, &fixed->node, p);
    else
      bc_layout_transfer_path (&fixed->node, other, p);
  }

  gdk_cairo_set_source_rgba (cr, target != NULL && !drop_is_valid (self) ? &error : &accent);
  stroke_arrow (self, cr, p, target == NULL || !drop_is_valid (self));
  if (target != NULL)
    ring_node (self, cr, &target->node);
  gdk_cairo_set_source_rgba (cr, &accent);
  ring_node (self, cr, &fixed->node);
}

/* A rounded label in widget coordinates, kept inside the widget. */
static void
draw_label (BcCanvas      *self,
            cairo_t       *cr,
            const char    *text,
            double         x,
            double         y,
            const GdkRGBA *background)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int tw, th;
  double pad = 6, w, h, r = 5;

  pango_layout_set_width (layout, 360 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &tw, &th);
  w = tw + 2 * pad;
  h = th + 2 * pad;
  x = CLAMP (x, 4, MAX (4, width - w - 4));
  y = CLAMP (y, 4, MAX (4, height - h - 4));

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, background);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
}

/* Text that follows the pointer: the date an event will land on, why
 * a drop would be or was refused. */
static void
draw_drag_text (BcCanvas *self,
                cairo_t  *cr)
{
  GdkRGBA accent, error, osd = { 0, 0, 0, 0.8 };

  lookup_accent (self, &accent);
  lookup_error (self, &error);

  if (self->drag_moved && self->drag_mode == DRAG_MOVE && bc_date_is_set (self->drop_date))
    {
      g_autofree char *date = bc_date_to_string (self->drop_date);
      g_autofree char *end = bc_date_is_set (self->drop_end) ? bc_date_to_string (self->drop_end) : NULL;
      g_autofree char *text = end != NULL ? g_strdup_printf ("%s – %s", date, end) : g_strdup (date);
      double x = bc_layout_day_to_x (self->layout, bc_date_get_first_day (self->drop_date));
      double wx, wy;

      /* On the axis, or at the top of the canvas when the axis is
       * scrolled away. */
      layout_to_widget (self, x, self->layout->plot.y - 30, &wx, &wy);
      draw_label (self, cr, text, wx + 4, wy, &accent);
    }
  else if (self->drag_moved && self->drop_event != NULL && !drop_is_valid (self) &&
           self->drag_mode != DRAG_MOVE && self->drag_mode != DRAG_PAN)
    draw_label (self, cr, _("A transfer joins events on two different tracks"),
                self->drag_x + 14, self->drag_y + 14, &error);

  if (self->hint != NULL)
    draw_label (self, cr, self->hint, self->hint_x + 14, self->hint_y + 14, &osd);
}

/* Callbacks */

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            BcCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  _bc_canvas_drag_begin (self, x, y, state);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             BcCanvas       *self)
{
  _bc_canvas_drag_update (self, self->drag_start_x + dx, self->drag_start_y + dy);
}

static void
drag_end (GtkGestureDrag *gesture,
          double          dx,
          double          dy,
          BcCanvas       *self)
{
  _bc_canvas_drag_end (self, self->drag_start_x + dx, self->drag_start_y + dy);
}

static void
cancel_drag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _bc_canvas_cancel_drag (BC_CANVAS (widget));
}

static void
click_released (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                BcCanvas        *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  select_item (self, _bc_canvas_pick (self, x, y));
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          BcCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  double step = unit == GDK_SCROLL_UNIT_WHEEL ? SCROLL_STEP : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = unit == GDK_SCROLL_UNIT_WHEEL ? pow (ZOOM_STEP, -dy) : exp (-dy / 200.0);

      set_zoom_at (self, self->zoom * factor, self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  self->offset_x += dx * step / self->zoom;
  self->offset_y += dy * step / self->zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* The pointer shows what a press would do there. */
static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        BcCanvas                 *self)
{
  BcEvent *event;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_mode != DRAG_NONE || !can_edit (self))
    return;

  /* Moving up from an event to its handle keeps the handle. */
  if (!on_handle (self, x, y))
    {
      event = event_at (self, x, y);
      if (event != self->hover_event)
        {
          g_set_object (&self->hover_event, event);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }

  if (on_handle (self, x, y) || transfer_end_at (self, x, y) != 0)
    set_cursor (self, "crosshair");
  else if (self->hover_event != NULL)
    set_cursor (self, "grab");
  else
    set_cursor (self, NULL);
}

static void
motion_leave (GtkEventControllerMotion *controller,
              BcCanvas                 *self)
{
  if (self->hover_event != NULL && self->drag_mode == DRAG_NONE)
    {
      g_clear_object (&self->hover_event);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
pinch_begin (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             BcCanvas         *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_changed (GtkGestureZoom *gesture,
               double          scale,
               BcCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static void
dark_changed (BcCanvas *self)
{
  /* The tiles of the other theme are dropped when the next frame sees
   * the change. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* An edit anywhere in the case may move or repaint anything, the title
 * block's list of sources included: lay out again, keeping the place
 * and the zoom. The layout holds references to the items it shows, so a
 * removed item stays valid until then. */
static void
case_changed (BcCanvas     *self,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail)
{
  layout_changed (self, FALSE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BcCanvas *self = BC_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    bc_canvas_zoom_by (self, ZOOM_STEP);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    bc_canvas_zoom_by (self, 1 / ZOOM_STEP);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    bc_canvas_zoom_reset (self);
  else
    bc_canvas_zoom_to_fit (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BcCanvas *self = BC_CANVAS (widget);
  int dx = 0, dy = 0;
  BcItem *next;

  g_variant_get (param, "(ii)", &dx, &dy);
  next = neighbour (self, dx, dy);
  if (next != NULL)
    {
      select_item (self, next);
      scroll_into_view (self, next);
    }
}

/* Alt+Left and Alt+Right: the keyboard's way to move the selected event
 * by one day, month or year, as its date is known. */
static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BcCanvas *self = BC_CANVAS (widget);
  int step = g_variant_get_int32 (param);
  g_autoptr(GError) error = NULL;
  BcEvent *event;
  double x, y;

  if (!can_edit (self) || self->selected_item == NULL || !BC_IS_EVENT (self->selected_item))
    return;
  event = BC_EVENT (self->selected_item);
  if (!bc_edit_nudge_event (self->case_, event, step, &error) &&
      _bc_canvas_item_to_widget (self, BC_ITEM (event), &x, &y))
    show_hint (self, error->message, x, y);
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  BcCanvas *self = BC_CANVAS (widget);
  BcItem *item = keyboard ? self->selected_item : _bc_canvas_pick (self, x, y);
  g_autofree char *markup = item != NULL ? _bc_canvas_describe (self, item) : NULL;

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Benchmarks (tests/bench/bench-startup.sh, bench-frames.sh): with
 * BACKCHANNEL_REPORT_FIRST_FRAME=1 the canvas prints "first-frame T", T
 * the monotonic clock in µs, once the first frame with a case drawn in
 * it has been painted; with BACKCHANNEL_BENCH_PAN=FRAMES[:DX[:DY]] it pans
 * by itself, DX and DY pixels a frame (default 0 and 12), prints "frame N
 * WORK_MS INTERVAL_MS" from the frame clock's before-paint and after-paint
 * for each frame, and quits. Read once. */

static struct
{
  int    pan_frames;
  double pan_dx;
  double pan_dy;
  int    frame;
  gint64 frame_start;
  gint64 last_end;
} bench;

static void
bench_first_frame (GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, bench_first_frame, user_data);
}

static void
bench_before_paint (GdkFrameClock *clock,
                    gpointer       user_data)
{
  bench.frame_start = g_get_monotonic_time ();
}

static void
bench_after_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.frame > 0 && bench.frame_start > 0)
    g_print ("frame %d %.3f %.3f\n", bench.frame, (now - bench.frame_start) / 1000.0,
             (now - bench.last_end) / 1000.0);
  bench.last_end = now;
}

static gboolean
bench_pan_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BcCanvas *self = BC_CANVAS (widget);

  if (bench.frame++ >= bench.pan_frames)
    {
      g_signal_handlers_disconnect_by_func (clock, bench_before_paint, NULL);
      g_signal_handlers_disconnect_by_func (clock, bench_after_paint, NULL);
      g_print ("pan-done\n");
      if (g_application_get_default () != NULL)
        g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  self->offset_x += bench.pan_dx / self->zoom;
  self->offset_y += bench.pan_dy / self->zoom;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Called when a frame with a case in it is being painted. */
static void
bench_painted (BcCanvas *self)
{
  static gsize once = 0;
  GdkFrameClock *clock;
  const char *pan;

  if (!g_once_init_enter (&once))
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (g_strcmp0 (g_getenv ("BACKCHANNEL_REPORT_FIRST_FRAME"), "1") == 0)
    g_signal_connect (clock, "after-paint", G_CALLBACK (bench_first_frame), NULL);

  pan = g_getenv ("BACKCHANNEL_BENCH_PAN");
  if (pan != NULL && *pan != '\0')
    {
      char *end = NULL;

      bench.pan_frames = MAX (1, (int) g_ascii_strtoll (pan, &end, 10));
      bench.pan_dy = 12.0;
      if (*end == ':')
        bench.pan_dx = g_ascii_strtod (end + 1, &end);
      if (*end == ':')
        bench.pan_dy = g_ascii_strtod (end + 1, &end);
      g_signal_connect (clock, "before-paint", G_CALLBACK (bench_before_paint), NULL);
      g_signal_connect (clock, "after-paint", G_CALLBACK (bench_after_paint), NULL);
      gtk_widget_add_tick_callback (GTK_WIDGET (self), bench_pan_tick, NULL, NULL);
    }

  g_once_init_leave (&once, 1);
}

/* GObject */

static void
bc_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  BcCanvas *self = BC_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  BcTheme theme = current_theme ();
  double pixels;
  guint limit;
  double known_x;
  TileRange range;

  if (ensure_layout (self) == NULL || width <= 0 || height <= 0)
    return;

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
                Tile *tile = lookup_tile (self, col, row, scale, theme, limit);
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
            Tile *tile = lookup_tile (self, col, row, scale, theme, limit);

            gtk_snapshot_append_texture (snapshot, tile->texture,
                                         &GRAPHENE_RECT_INIT ((col * TILE_SIZE - range.origin_x) / scale,
                                                              (row * TILE_SIZE - range.origin_y) / scale,
                                                              (double) TILE_SIZE / scale,
                                                              (double) TILE_SIZE / scale));
          }
    }

  /* What follows the user, not the case, goes on top of the tiles, so
   * that selecting does not paint them again. */
  if (self->selected_item != NULL || known_on_x (self, &known_x) || self->drag_moved ||
      self->popover != NULL || self->hint != NULL || handle_event (self) != NULL)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_save (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -range.origin_x / pixels, -range.origin_y / pixels);
      draw_known_on (self, cr);
      draw_selection (self, cr);
      draw_handles (self, cr);
      draw_drag (self, cr);
      cairo_restore (cr);
      draw_drag_text (self, cr);
      cairo_destroy (cr);
    }
  bench_painted (self);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;
      GskRoundedRect outline;

      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
        gdk_rgba_parse (&accent, "#3584e4");
      accent.alpha = 0.5;
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { accent, accent, accent, accent });
    }
}

/* A new layout opens fitted to the canvas, once the canvas has a size;
 * one too large to be read that way opens at its top-left corner, its
 * width fitted if the labels stay readable, and is explored from there. */
static void
bc_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  BcCanvas *self = BC_CANVAS (widget);
  double zoom;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));

  if (!self->needs_fit || ensure_layout (self) == NULL || width <= 0 || height <= 0 ||
      self->layout->width <= 0 || self->layout->height <= 0)
    return;

  if (fit_zoom (self, width, height) >= MIN_FIT_ZOOM)
    {
      bc_canvas_zoom_to_fit (self);
      return;
    }

  self->needs_fit = FALSE;
  zoom = MIN (1.0, MAX (0.6, height / self->layout->height));
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->offset_x = 0;
  self->offset_y = 0;
  if (self->layout->width * self->zoom < width)
    self->offset_x = self->layout->width / 2 - width / 2.0 / self->zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
bc_canvas_dispose (GObject *object)
{
  BcCanvas *self = BC_CANVAS (object);

  GtkWidget *child;

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed, self);
  if (self->popover != NULL)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  self->popover = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->hint_source, g_source_remove);
  g_clear_handle_id (&self->fill_tiles_id, g_source_remove);
  g_clear_pointer (&self->hint, g_free);
  end_drag_state (self);
  g_clear_object (&self->hover_event);
  if (self->case_ != NULL)
    watch_case (self, FALSE);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_queue_clear_full (&self->tile_lru, tile_free);
  g_clear_pointer (&self->blank_tile, tile_free);
  g_clear_pointer (&self->layout, bc_layout_free);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->case_);

  G_OBJECT_CLASS (bc_canvas_parent_class)->dispose (object);
}

static void
bc_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BcCanvas *self = BC_CANVAS (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_TIME_SCALE:
      g_value_set_int (value, self->time_scale);
      break;
    case PROP_TRACKS:
      g_value_set_uint (value, self->tracks);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;
    case PROP_KNOWN_ON:
      g_value_set_boxed (value, bc_date_is_set (self->known_on) ? &self->known_on : NULL);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BcCanvas *self = BC_CANVAS (object);

  switch (prop_id)
    {
    case PROP_CASE:
      bc_canvas_set_case (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      bc_canvas_set_view (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_ITEM:
      bc_canvas_set_selected_item (self, g_value_get_object (value));
      break;
    case PROP_TIME_SCALE:
      bc_canvas_set_time_scale (self, g_value_get_int (value));
      break;
    case PROP_TRACKS:
      bc_canvas_set_tracks (self, g_value_get_uint (value));
      break;
    case PROP_HIGHLIGHT:
      bc_canvas_set_highlight (self, g_value_get_int (value));
      break;
    case PROP_KNOWN_ON:
      {
        const BcDate *date = g_value_get_boxed (value);

        bc_canvas_set_known_on (self, date != NULL ? *date : BC_DATE_UNSET);
      }
      break;
    case PROP_EDITABLE:
      bc_canvas_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_canvas_class_init (BcCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_canvas_dispose;
  object_class->get_property = bc_canvas_get_property;
  object_class->set_property = bc_canvas_set_property;

  widget_class->snapshot = bc_canvas_snapshot;
  widget_class->size_allocate = bc_canvas_size_allocate;
  widget_class->query_tooltip = query_tooltip;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL, BC_VIEW_LANES, BC_VIEW_WHEEL, BC_VIEW_LANES,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, BC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_SCALE] =
    g_param_spec_int ("time-scale", NULL, NULL, BC_TIME_SCALE_PROPORTIONAL, BC_TIME_SCALE_SEQUENCE,
                      BC_TIME_SCALE_PROPORTIONAL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A mask of BC_TRACK_BIT() values; 0 shows every track. */
  properties[PROP_TRACKS] =
    g_param_spec_uint ("tracks", NULL, NULL, 0, BC_ALL_TRACKS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A BcMechanism to bring forward, or -1 for none. */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, BC_N_MECHANISMS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* NULL shows everything; a date hides what was not yet known then. */
  properties[PROP_KNOWN_ON] =
    g_param_spec_boxed ("known-on", NULL, NULL, BC_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether dragging moves events and draws transfers, through the
   * case's history; without it a drag only pans. */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "canvas.cancel-drag", NULL, cancel_drag_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "i", nudge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "canvas.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "canvas.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "canvas.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "canvas.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.cancel-drag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "canvas.nudge", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "canvas.nudge", "i", 1);

  gtk_widget_class_set_css_name (widget_class, "bccanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bc_canvas_init (BcCanvas *self)
{
  GtkGesture *drag, *click, *pinch;
  GtkEventController *scroll, *motion_controller;

  self->zoom = 1.0;
  self->view = BC_VIEW_LANES;
  self->time_scale = BC_TIME_SCALE_PROPORTIONAL;
  self->highlight = -1;
  self->known_on = BC_DATE_UNSET;
  self->editable = TRUE;
  self->drop_date = BC_DATE_UNSET;
  self->drop_end = BC_DATE_UNSET;
  /* Keys point into the tiles, which the queue owns. */
  self->tiles = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->tile_lru);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram of the case"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between events along a lane and along transfers; "
                                    "Alt with Left or Right moves the selected event earlier or later"),
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cancel-drag", FALSE);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion_controller = gtk_event_controller_motion_new ();
  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed), self);
}

/* Public API */

GtkWidget *
bc_canvas_new (void)
{
  return g_object_new (BC_TYPE_CANVAS, NULL);
}

BcCase *
bc_canvas_get_case (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), NULL);
  return self->case_;
}

void
bc_canvas_set_case (BcCanvas *self,
                    BcCase   *case_)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (self->case_ == case_)
    return;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  end_drag_state (self);
  g_clear_object (&self->hover_event);
  if (self->case_ != NULL)
    watch_case (self, FALSE);
  g_set_object (&self->case_, case_);
  if (self->case_ != NULL)
    watch_case (self, TRUE);

  g_clear_object (&self->selected_item);
  rebuild_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

BcView
bc_canvas_get_view (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), BC_VIEW_LANES);
  return self->view;
}

void
bc_canvas_set_view (BcCanvas *self,
                    BcView    view)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (self->view == view)
    return;

  self->view = view;
  rebuild_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

BcItem *
bc_canvas_get_selected_item (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), NULL);
  return self->selected_item;
}

void
bc_canvas_set_selected_item (BcCanvas *self,
                             BcItem   *item)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (item == self->selected_item)
    return;
  select_item (self, item);
  if (item != NULL)
    scroll_into_view (self, item);
}

double
bc_canvas_get_zoom (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
bc_canvas_zoom_by (BcCanvas *self,
                   double    factor)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  set_zoom_at (self, self->zoom * factor,
               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
bc_canvas_zoom_reset (BcCanvas *self)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  set_zoom_at (self, 1.0,
               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
bc_canvas_zoom_to_fit (BcCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_return_if_fail (BC_IS_CANVAS (self));

  if (ensure_layout (self) == NULL || width <= 0 || height <= 0 ||
      self->layout->width <= 0 || self->layout->height <= 0)
    return;

  self->needs_fit = FALSE;
  zoom = CLAMP (fit_zoom (self, width, height), MIN_ZOOM, MAX_ZOOM);
  self->offset_x = self->layout->width / 2 - width / 2.0 / zoom;
  self->offset_y = self->layout->height / 2 - height / 2.0 / zoom;
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BcTimeScale
bc_canvas_get_time_scale (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), BC_TIME_SCALE_PROPORTIONAL);
  return self->time_scale;
}

void
bc_canvas_set_time_scale (BcCanvas    *self,
                          BcTimeScale  time_scale)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (self->time_scale == time_scale)
    return;

  self->time_scale = time_scale;
  layout_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
}

guint
bc_canvas_get_tracks (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), 0);
  return self->tracks;
}

/**
 * bc_canvas_set_tracks:
 * @self: a canvas
 * @tracks: a mask of BC_TRACK_BIT() values, or 0 for every track
 *
 * Shows the lanes (and the wheel sectors) of @tracks only.
 */
void
bc_canvas_set_tracks (BcCanvas *self,
                      guint     tracks)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  tracks &= BC_ALL_TRACKS;
  if (self->tracks == tracks)
    return;

  self->tracks = tracks;
  layout_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKS]);
}

int
bc_canvas_get_highlight (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), -1);
  return self->highlight;
}

/**
 * bc_canvas_set_highlight:
 * @self: a canvas
 * @mechanism: a #BcMechanism, or -1 for none
 *
 * Brings the transfers of @mechanism forward and fades the others.
 */
void
bc_canvas_set_highlight (BcCanvas *self,
                         int       mechanism)
{
  g_return_if_fail (BC_IS_CANVAS (self));
  g_return_if_fail (mechanism >= -1 && mechanism < BC_N_MECHANISMS);

  if (self->highlight == mechanism)
    return;

  self->highlight = mechanism;
  layout_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

BcDate
bc_canvas_get_known_on (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), BC_DATE_UNSET);
  return self->known_on;
}

/**
 * bc_canvas_set_known_on:
 * @self: a canvas
 * @date: a date, or %BC_DATE_UNSET to show everything
 *
 * Shows the case as it was known on @date: events that had not yet
 * happened, or had not yet been disclosed, are hidden.
 */
void
bc_canvas_set_known_on (BcCanvas *self,
                        BcDate    date)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (bc_date_equal (self->known_on, date))
    return;

  self->known_on = date;
  layout_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN_ON]);
}

/**
 * bc_canvas_get_layout_options:
 * @self: a canvas
 * @options: (out caller-allocates): the options
 *
 * Fills @options with what the user chose to see: view, time scale,
 * tracks, highlight and date; the layout frames them (see bc_layout_new()),
 * so that an export or a printout gives the picture the canvas shows.
 */
void
bc_canvas_get_layout_options (BcCanvas        *self,
                              BcLayoutOptions *options)
{
  g_return_if_fail (BC_IS_CANVAS (self));
  g_return_if_fail (options != NULL);

  bc_layout_options_init (options);
  options->view = self->view;
  options->time_scale = self->time_scale;
  options->tracks = self->tracks;
  options->highlight = self->highlight;
  options->known_on = self->known_on;
}

gboolean
bc_canvas_get_editable (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), FALSE);
  return self->editable;
}

/**
 * bc_canvas_set_editable:
 * @self: a canvas
 * @editable: whether the canvas edits the case
 *
 * An editable canvas moves events in time, draws new transfers and
 * reconnects them, all through the case's history. A canvas that is not
 * only shows, selects and pans.
 */
void
bc_canvas_set_editable (BcCanvas *self,
                        gboolean  editable)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  if (!editable)
    {
      if (self->popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->popover));
      if (self->drag_mode != DRAG_PAN)
        end_drag_state (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* Private API */

/* What the tooltip of @item says, as Pango markup: its name, what it
 * is, how many sources back it and, where the canvas edits, what a drag
 * does with it. NULL for what has no tooltip. */
char *
_bc_canvas_describe (BcCanvas *self,
                     BcItem   *item)
{
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *sources_text = NULL;
  g_autofree char *markup = NULL;
  const char *how = NULL;
  GPtrArray *sources = NULL;

  if (BC_IS_EVENT (item))
    {
      BcEvent *event = BC_EVENT (item);
      g_autofree char *date = bc_date_to_string (bc_event_get_date (event));
      BcTrack track = bc_event_get_track (event);

      title = g_markup_escape_text (bc_event_get_title (event), -1);
      details = g_markup_printf_escaped ("%s · %s (%s)", date ? date : "?",
                                         bc_track_get_label (track), bc_track_get_name (track));
      sources = bc_event_get_sources (event);
    }
  else if (BC_IS_ACTOR (item))
    {
      BcActor *actor = BC_ACTOR (item);

      title = g_markup_escape_text (bc_actor_get_name (actor), -1);
      details = g_markup_escape_text (bc_track_get_label (bc_actor_get_track (actor)), -1);
      sources = bc_actor_get_sources (actor);
    }
  else if (BC_IS_TRANSFER (item))
    {
      BcTransfer *transfer = BC_TRANSFER (item);

      title = g_markup_escape_text (bc_transfer_get_title (transfer), -1);
      details = g_markup_printf_escaped ("%s · %s",
                                         bc_mechanism_get_label (bc_transfer_get_mechanism (transfer)),
                                         bc_status_get_label (bc_transfer_get_status (transfer)));
      sources = bc_transfer_get_sources (transfer);
    }
  else
    return NULL;

  if (sources != NULL && sources->len > 0)
    sources_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", sources->len),
                                    sources->len);

  if (can_edit (self) && BC_IS_EVENT (item))
    how = _("Drag to move it in time; drag the handle above it, or Shift-drag it, to another track’s event to make a transfer");
  else if (can_edit (self) && BC_IS_TRANSFER (item) && item == self->selected_item)
    how = _("Drag an end to another event to reconnect it");

  markup = g_strdup_printf ("<b>%s</b>\n%s%s%s%s%s", title, details,
                            sources_text ? "\n" : "", sources_text ? sources_text : "",
                            how ? "\n<small>" : "", how ? how : "");
  if (how != NULL)
    {
      char *closed = g_strconcat (markup, "</small>", NULL);

      g_free (markup);
      markup = closed;
    }
  return g_steal_pointer (&markup);
}

BcItem *
_bc_canvas_pick (BcCanvas *self,
                 double    x,
                 double    y)
{
  BcLayoutHit hit;
  double lx, ly;

  widget_to_layout (self, x, y, &lx, &ly);
  return pick (self, lx, ly, &hit) ? BC_ITEM (hit.object) : NULL;
}

/* How many tiles the canvas has painted since it was made, and how
 * many it keeps. */
guint
_bc_canvas_get_tiles_painted (BcCanvas *self)
{
  return self->tiles_painted;
}

guint
_bc_canvas_get_tiles_cached (BcCanvas *self)
{
  return self->tile_lru.length;
}

/* How many frames painted the view straight, without tiles, and
 * whether tiles in view are still to be painted when idle. */
guint
_bc_canvas_get_views_painted (BcCanvas *self)
{
  return self->views_painted;
}

gboolean
_bc_canvas_get_filling_tiles (BcCanvas *self)
{
  return self->fill_tiles_id != 0;
}

/* Moves the view by (dx, dy) widget pixels, as a drag would. */
void
_bc_canvas_pan (BcCanvas *self,
                double    dx,
                double    dy)
{
  self->offset_x += dx / self->zoom;
  self->offset_y += dy / self->zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BcLayout *
_bc_canvas_get_layout (BcCanvas *self)
{
  return ensure_layout (self);
}

gboolean
_bc_canvas_item_to_widget (BcCanvas *self,
                           BcItem   *item,
                           double   *x,
                           double   *y)
{
  BcLayoutHit hit;
  BcPoint p;

  if (ensure_layout (self) == NULL || !bc_layout_find (self->layout, G_OBJECT (item), &hit))
    return FALSE;
  p = bc_layout_hit_anchor (self->layout, &hit);

  *x = (p.x - self->offset_x) * self->zoom;
  *y = (p.y - self->offset_y) * self->zoom;
  return TRUE;
}

/* Editing. The drag gesture's callbacks call these, and so do the widget
 * tests, so that a test drives the same code as a pointer. */

void
_bc_canvas_drag_begin (BcCanvas        *self,
                       double           x,
                       double           y,
                       GdkModifierType  state)
{
  int end;
  BcEvent *event;

  end_drag_state (self);
  clear_hint (self);
  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;
  self->drag_offset_x = self->offset_x;
  self->drag_offset_y = self->offset_y;
  self->drag_mode = DRAG_PAN;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cancel-drag", TRUE);

  if (!can_edit (self))
    return;

  /* So that Escape reaches the canvas during the drag. */
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if ((end = transfer_end_at (self, x, y)) != 0)
    {
      BcTransfer *transfer = BC_TRANSFER (self->selected_item);
      const char *fixed = end > 0 ? bc_transfer_get_from (transfer) : bc_transfer_get_to (transfer);

      if ((event = bc_case_lookup_event (self->case_, fixed)) != NULL)
        {
          self->drag_mode = end > 0 ? DRAG_RECONNECT_TO : DRAG_RECONNECT_FROM;
          self->drag_transfer = g_object_ref (transfer);
          self->drag_event = g_object_ref (event);
        }
    }
  else if (on_handle (self, x, y))
    {
      self->drag_mode = DRAG_CONNECT;
      self->drag_event = g_object_ref (handle_event (self));
    }
  else if ((event = event_at (self, x, y)) != NULL)
    {
      self->drag_mode = (state & GDK_SHIFT_MASK) ? DRAG_CONNECT : DRAG_MOVE;
      self->drag_event = g_object_ref (event);
    }
}

void
_bc_canvas_drag_update (BcCanvas *self,
                        double    x,
                        double    y)
{
  BcEvent *under;

  if (self->drag_mode == DRAG_NONE)
    return;

  self->drag_x = x;
  self->drag_y = y;
  /* Small movements are clicks, not drags. */
  if (!self->drag_moved && fabs (x - self->drag_start_x) < DRAG_THRESHOLD &&
      fabs (y - self->drag_start_y) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      self->offset_x = self->drag_offset_x - (x - self->drag_start_x) / self->zoom;
      self->offset_y = self->drag_offset_y - (y - self->drag_start_y) / self->zoom;
      set_cursor (self, "grabbing");
      break;
    case DRAG_MOVE:
      /* What is being moved is what the inspector should show. */
      select_item (self, BC_ITEM (self->drag_event));
      if (ensure_layout (self) != NULL)
        update_move (self);
      set_cursor (self, "grabbing");
      break;
    case DRAG_CONNECT:
    case DRAG_RECONNECT_FROM:
    case DRAG_RECONNECT_TO:
      under = event_at (self, x, y);
      if (under == self->drag_event)
        under = NULL;
      g_set_object (&self->drop_event, under);
      set_cursor (self, "crosshair");
      break;
    case DRAG_NONE:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_bc_canvas_drag_end (BcCanvas *self,
                     double    x,
                     double    y)
{
  g_autoptr(GError) error = NULL;

  if (self->drag_mode == DRAG_NONE)
    return;

  _bc_canvas_drag_update (self, x, y);
  if (self->drag_moved)
    switch (self->drag_mode)
      {
      case DRAG_MOVE:
        if (bc_date_is_set (self->drop_date) &&
            !bc_edit_move_event (self->case_, self->drag_event, self->drop_date, &error))
          show_hint (self, error->message, x, y);
        break;
      case DRAG_CONNECT:
        if (self->drop_event == NULL)
          show_hint (self, _("Release over an event on another track to make a transfer"), x, y);
        else if (!drop_is_valid (self))
          show_hint (self, _("A transfer joins events on two different tracks"), x, y);
        else
          open_transfer_popover (self, self->drag_event, self->drop_event);
        break;
      case DRAG_RECONNECT_FROM:
      case DRAG_RECONNECT_TO:
        reconnect (self);
        break;
      case DRAG_PAN:
      case DRAG_NONE:
      default:
        break;
      }

  end_drag_state (self);
  set_cursor (self, NULL);
}

/* Escape: the drag ends with nothing changed, the view where it was. */
void
_bc_canvas_cancel_drag (BcCanvas *self)
{
  if (self->drag_mode == DRAG_NONE)
    return;
  if (self->drag_mode == DRAG_PAN && self->drag_moved)
    {
      self->offset_x = self->drag_offset_x;
      self->offset_y = self->drag_offset_y;
    }
  end_drag_state (self);
  set_cursor (self, NULL);
}

/* The popover of a transfer being made, or NULL. */
GtkWidget *
_bc_canvas_get_transfer_popover (BcCanvas *self)
{
  return self->popover;
}

/* What the canvas last said about a refused drop, or NULL. */
const char *
_bc_canvas_get_hint (BcCanvas *self)
{
  return self->hint;
}

/* Where the handle to draw a transfer from @event would be, in widget
 * coordinates. */
gboolean
_bc_canvas_get_handle (BcCanvas *self,
                       BcItem   *event,
                       double   *x,
                       double   *y)
{
  double lx, ly;

  if (!BC_IS_EVENT (event) || !handle_centre (self, BC_EVENT (event), &lx, &ly))
    return FALSE;
  layout_to_widget (self, lx, ly, x, y);
  return TRUE;
}

/* Where an end of @transfer is drawn, in widget coordinates: its head
 * when @head, else its tail. */
gboolean
_bc_canvas_get_transfer_end (BcCanvas   *self,
                             BcTransfer *transfer,
                             gboolean    head,
                             double     *x,
                             double     *y)
{
  BcLayoutCurve *c = layout_transfer_for (self, BC_ITEM (transfer));

  if (c == NULL)
    return FALSE;
  layout_to_widget (self, c->p[head ? 3 : 0].x, c->p[head ? 3 : 0].y, x, y);
  return TRUE;
}

/* Where the event being moved would land if released now, as the axis
 * shows it; unset when no event is being moved. */
void
_bc_canvas_get_drop_date (BcCanvas *self,
                          BcDate   *date,
                          BcDate   *end)
{
  gboolean moving = self->drag_mode == DRAG_MOVE && self->drag_moved;

  *date = moving ? self->drop_date : BC_DATE_UNSET;
  *end = moving ? self->drop_end : BC_DATE_UNSET;
}
