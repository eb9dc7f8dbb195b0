/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-canvas.h"
#include "bc-overlay.h"
#include "bc-view-state.h"

G_BEGIN_DECLS

/* The canvas is one widget in several files, at its seams, sharing this
 * struct (as gnome-text-editor's editor-window-*.c share
 * editor-window-private.h):
 *
 *   bc-canvas.c         the widget: the case, the view's options, the
 *                       layout, zoom and place, selection, keyboard,
 *                       tooltips, and the frame that puts it together;
 *   bc-canvas-tiles.c   the picture, painted in tiles kept between
 *                       frames;
 *   bc-canvas-tool.c    the editing tool: press, drag and hover, which
 *                       select, move events, draw and reconnect
 *                       transfers, and pan;
 *   bc-canvas-scroll.c  scrolling and pinching, which pan and zoom;
 *   bc-canvas-axis.c    the time axis and lane titles pinned over the
 *                       diagram;
 *   bc-canvas-bench.c   the benchmarks' environment switches.
 *
 * What every picking and drawing rests on is in src/render: the layout
 * (bc_layout_pick ()) and the overlay painter (bc-overlay.c). */

/* The picture is painted in square tiles of this many device pixels,
 * kept as textures, so that panning only paints the tiles that come into
 * view: a frame of a large case would otherwise stroke thousands of long
 * transfer curves again. */
#define BC_CANVAS_TILE_SIZE 512

/* What a step of the zoom keys, or of the mouse wheel with Control,
 * multiplies the zoom by. */
#define BC_CANVAS_ZOOM_STEP 1.2

/* What a press and drag on the canvas does, decided where it starts:
 * on empty space it pans; on an event it moves the event in time; on
 * the handle above the hovered or selected event (or with Shift on an
 * event) it draws a new transfer; on an end of the selected transfer it
 * reconnects that end. */
typedef enum
{
  BC_CANVAS_DRAG_NONE,
  BC_CANVAS_DRAG_PAN,
  BC_CANVAS_DRAG_MOVE,
  BC_CANVAS_DRAG_CONNECT,
  BC_CANVAS_DRAG_RECONNECT_FROM,
  BC_CANVAS_DRAG_RECONNECT_TO,
} BcCanvasDrag;

/* What stays pinned over the diagram (bc-canvas-axis.c). */
typedef enum
{
  BC_CANVAS_PINNED_BAND,       /* the axis's band along the top */
  BC_CANVAS_PINNED_TICK,
  BC_CANVAS_PINNED_MAJOR_TICK, /* a year, or a decade */
  BC_CANVAS_PINNED_LABEL,      /* a quarter, a month or a day */
  BC_CANVAS_PINNED_YEAR,
  BC_CANVAS_PINNED_CONTEXT,    /* the year of the left edge */
  BC_CANVAS_PINNED_LANE,       /* a lane's title */
} BcCanvasPinnedKind;

typedef struct
{
  BcCanvasPinnedKind kind;
  char              *text;
  BcRect             rect; /* in widget pixels */
} BcCanvasPinned;

typedef struct
{
  gint64           key; /* column and row */
  cairo_surface_t *surface;
  GdkTexture      *texture; /* shares the surface's pixels */
} BcCanvasTile;

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
  BcActorPaths actor_paths;
  gboolean     focus_selection;
  gboolean     frame;
  /* What the user searches for, and what it finds in the case: marked
   * over the tiles; %NULL until the next frame asks after a change. */
  char        *search;
  GPtrArray   *search_found;
  gboolean     show_overview;
  GtkWidget   *overview; /* BcOverview, a child in the bottom end corner */
  /* The id the layout was made with as its focus, to lay out again only
   * when a new selection changes it. */
  char        *layout_focus;
  char        *story_focus;   /* a story step's items, see _bc_canvas_set_story_focus() */
  BcLayout    *layout;
  /* Options changed since the layout was made: it is made again before
   * it is next used, so that a dragged slider costs one layout a frame. */
  gboolean     layout_stale;
  /* Counts the layouts made, so that tiles of an old one are not used. */
  guint        layout_generation;

  /* The layout point at the widget's top-left corner, and the scale. */
  double       offset_x;
  double       offset_y;
  double       zoom;
  gboolean     needs_fit;
  /* The size of the last allocation, to keep the centre of the view
   * where it is when the size changes. */
  int          last_width;
  int          last_height;
  double       pointer_x;
  double       pointer_y;

  /* The tile cache (bc-canvas-tiles.c): BcCanvasTile by key in tiles,
   * most recently used first in tile_lru. Every tile was painted with
   * the settings below; when one of them changes, all tiles go. */
  GHashTable   *tiles;
  GQueue        tile_lru;
  double        tiles_zoom;
  int           tiles_scale;
  BcTheme       tiles_theme;
  guint         tiles_generation;
  /* The first frame after the tiles went paints the view straight
   * (view_painted) and has the tiles in view painted when the main loop
   * is idle (fill_tiles_id). Frames that come before the idle does, as
   * in a pan, use tiles. */
  gboolean      view_painted;
  guint         fill_tiles_id;
  /* Tiles with nothing of the case on them, most of the margin around
   * a fitted case, share one background tile of these settings. */
  BcCanvasTile *blank_tile;
  /* What the frames cost: tiles painted and views painted straight since
   * the canvas was made. G_MESSAGES_DEBUG=bc-canvas logs them with each
   * frame that painted something (see tests/bench/README.md). */
  guint         tiles_painted;
  guint         views_painted;

  /* Scrolling and pinching (bc-canvas-scroll.c). */
  double        pinch_zoom;

  /* The editing tool (bc-canvas-tool.c). The drag's objects are held,
   * not borrowed: the layout, which owns its items' geometry, may be
   * made again in the middle of a drag. */
  gboolean      editable;
  BcCanvasDrag  drag_mode;
  gboolean      drag_moved;  /* past the threshold: not a click */
  double        drag_start_x, drag_start_y;
  double        drag_x, drag_y;
  double        drag_offset_x, drag_offset_y;
  BcEvent      *drag_event;  /* moved, or the fixed end of the arrow drawn */
  BcTransfer   *drag_transfer; /* being reconnected */
  BcEvent      *drop_event;  /* the event under the pointer, if another */
  BcDate        drop_date;   /* where a moved event lands */
  BcDate        drop_end;
  BcEvent      *hover_event;
  const char   *cursor_name;
  GtkWidget    *popover;     /* asks about a transfer being made */
  char         *hint;        /* why the last drop did nothing */
  double        hint_x, hint_y;
  guint         hint_source;
};

/* bc-canvas.c */
BcLayout  *_bc_canvas_get_layout        (BcCanvas        *self);
GPtrArray *_bc_canvas_get_search_found  (BcCanvas        *self);
void       _bc_canvas_set_story_focus   (BcCanvas        *self,
                                         const char      *ids);
void       _bc_canvas_widget_to_layout  (BcCanvas        *self,
                                         double           wx,
                                         double           wy,
                                         double          *lx,
                                         double          *ly);
void       _bc_canvas_layout_to_widget  (BcCanvas        *self,
                                         double           lx,
                                         double           ly,
                                         double          *wx,
                                         double          *wy);
BcItem    *_bc_canvas_pick              (BcCanvas        *self,
                                         double           x,
                                         double           y);
gboolean   _bc_canvas_item_to_widget    (BcCanvas        *self,
                                         BcItem          *item,
                                         double          *x,
                                         double          *y);
void       _bc_canvas_select            (BcCanvas        *self,
                                         BcItem          *item);
void       _bc_canvas_set_zoom_at       (BcCanvas        *self,
                                         double           zoom,
                                         double           wx,
                                         double           wy);
void       _bc_canvas_get_overlay_style (BcCanvas        *self,
                                         BcOverlayStyle  *style);
char      *_bc_canvas_describe          (BcCanvas        *self,
                                         BcItem          *item);
char      *_bc_canvas_tooltip_at        (BcCanvas        *self,
                                         double           x,
                                         double           y);
BcRect     _bc_canvas_get_content_rect  (BcCanvas        *self);
void       _bc_canvas_centre_on         (BcCanvas        *self,
                                         double           lx,
                                         double           ly);
GtkWidget *_bc_canvas_get_overview      (BcCanvas        *self);

/* bc-canvas-tiles.c */
void       _bc_canvas_tiles_init        (BcCanvas        *self);
void       _bc_canvas_tiles_dispose     (BcCanvas        *self);
void       _bc_canvas_tiles_snapshot    (BcCanvas        *self,
                                         GtkSnapshot     *snapshot,
                                         double          *origin_x,
                                         double          *origin_y);

/* bc-canvas-tool.c: the drag gesture's callbacks call these, and so do
 * the widget tests, so that a test drives the same code as a pointer;
 * (x, y) in widget pixels. */
void       _bc_canvas_tool_class_init   (GtkWidgetClass  *widget_class);
void       _bc_canvas_tool_init         (BcCanvas        *self);
void       _bc_canvas_tool_reset        (BcCanvas        *self);
void       _bc_canvas_tool_dispose      (BcCanvas        *self);
gboolean   _bc_canvas_tool_has_overlay  (BcCanvas        *self);
void       _bc_canvas_tool_snapshot     (BcCanvas        *self,
                                         cairo_t         *cr,
                                         const BcOverlayStyle *style);
void       _bc_canvas_tool_snapshot_tags (BcCanvas       *self,
                                          cairo_t        *cr,
                                          const BcOverlayStyle *style);
gboolean   _bc_canvas_can_edit          (BcCanvas        *self);
const char *_bc_canvas_tool_describe    (BcCanvas        *self,
                                         BcItem          *item);
void       _bc_canvas_drag_begin        (BcCanvas        *self,
                                         double           x,
                                         double           y,
                                         GdkModifierType  state);
void       _bc_canvas_drag_update       (BcCanvas        *self,
                                         double           x,
                                         double           y);
void       _bc_canvas_drag_end          (BcCanvas        *self,
                                         double           x,
                                         double           y);
void       _bc_canvas_cancel_drag       (BcCanvas        *self);

/* bc-canvas-axis.c */
GArray    *_bc_canvas_get_pinned        (BcCanvas        *self);
double     _bc_canvas_axis_band_height  (BcCanvas        *self);
char      *_bc_canvas_axis_describe     (BcCanvas        *self);
void       _bc_canvas_axis_snapshot     (BcCanvas        *self,
                                         GtkSnapshot     *snapshot,
                                         const BcOverlayStyle *style);

/* bc-canvas-scroll.c */
void       _bc_canvas_scroll_init       (BcCanvas        *self);

/* bc-canvas-bench.c */
void       _bc_canvas_bench_painted     (BcCanvas        *self);

G_END_DECLS
