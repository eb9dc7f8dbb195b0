/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"
#include "bc-search.h"
#include "bc-overview.h"

#define MIN_ZOOM  0.05
#define MAX_ZOOM  8.0
/* Space left around the diagram when it is fitted to the canvas, in
 * widget pixels. */
#define FIT_MARGIN 24.0
/* Below this zoom the labels cannot be read: the layout sets them in
 * 8.5 pt at 96 dpi, 11.3 px at zoom 1, and text under about 9 px is not
 * read but guessed at. Fit never goes below it (see
 * bc_canvas_zoom_to_fit()). */
#define READABLE_ZOOM (9.0 / (8.5 * 96.0 / 72.0))
/* How near an item, in widget pixels, the pointer is on it. */
#define PICK_SLACK 6.0
/* Room between the overview and the canvas' edges, in pixels. */
#define OVERVIEW_MARGIN 12

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
  PROP_ACTOR_PATHS,
  PROP_FOCUS_SELECTION,
  PROP_FRAME,
  PROP_SEARCH,
  PROP_SHOW_OVERVIEW,
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
      g_free (self->layout_focus);
      self->layout_focus = g_strdup (options.focus);
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

/* What fit frames: on screen the title block and the legend belong to
 * the `frame` option, not to the zoom, so without it the lanes view fits
 * its lanes and plot alone; with it, or in the wheel, the whole layout. */
BcRect
_bc_canvas_get_content_rect (BcCanvas *self)
{
  BcLayout *layout = self->layout;
  double x0, y0, x1, y1;

  if (self->frame || layout->options.view != BC_VIEW_LANES || layout->lanes->len == 0 ||
      layout->plot.width <= 0)
    return (BcRect) { 0, 0, layout->width, layout->height };

  /* Across, the plot and the lanes; down, the lanes alone: the axis the
   * layout draws above them is the pinned axis' on screen, and goes
   * under it. */
  x0 = layout->plot.x;
  x1 = layout->plot.x + layout->plot.width;
  y0 = G_MAXDOUBLE;
  y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const BcRect *r = &g_array_index (layout->lanes, BcLayoutLane, i).rect;

      x0 = MIN (x0, r->x);
      y0 = MIN (y0, r->y);
      x1 = MAX (x1, r->x + r->width);
      y1 = MAX (y1, r->y + r->height);
    }
  return (BcRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* The zoom at which @rect fits in width × height with a margin around
 * it. */
static double
fit_zoom (const BcRect *rect,
          int           width,
          int           height)
{
  double w = MAX (width - 2 * FIT_MARGIN, width / 2.0);
  double h = MAX (height - 2 * FIT_MARGIN, height / 2.0);

  return MIN (w / rect->width, h / rect->height);
}

/* A new selection is laid out again only when it changes what is in
 * focus (see bc_view_state_focus_for()). */
static const char *
current_focus (BcCanvas *self)
{
  /* A story step puts its own items in focus. */
  if (self->story_focus != NULL)
    return self->story_focus;
  return bc_view_state_focus_for (self->selected_item, self->actor_paths, self->focus_selection);
}

static void
focus_changed (BcCanvas *self)
{
  const char *focus = current_focus (self);

  if (g_strcmp0 (focus, self->layout_focus) != 0)
    layout_changed (self, FALSE);
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

/* Where @item is drawn, in layout coordinates: an event is its mark and
 * its label, both of which must be read; anything else its anchor. */
static gboolean
item_extent (BcCanvas *self,
             BcItem   *item,
             BcRect   *r)
{
  BcLayoutHit hit;
  BcPoint anchor;

  if (ensure_layout (self) == NULL || !bc_layout_find (self->layout, G_OBJECT (item), &hit))
    return FALSE;
  anchor = bc_layout_hit_anchor (self->layout, &hit);
  *r = (BcRect) { anchor.x, anchor.y, 0, 0 };
  if (hit.kind == BC_LAYOUT_ITEM_EVENT && hit.index < self->layout->events->len)
    {
      BcLayoutEvent *e = &g_array_index (self->layout->events, BcLayoutEvent, hit.index);

      *r = bc_rect_union (e->node, e->label);
    }
  return TRUE;
}

/* Whether all of @r is in sight, below the pinned axis. */
static gboolean
extent_in_sight (BcCanvas     *self,
                 const BcRect *r)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  double band = _bc_canvas_axis_band_height (self);
  double margin = 16;
  double x0 = (r->x - self->offset_x) * self->zoom;
  double y0 = (r->y - self->offset_y) * self->zoom;
  double x1 = (r->x + r->width - self->offset_x) * self->zoom;
  double y1 = (r->y + r->height - self->offset_y) * self->zoom;

  return x0 >= margin && x1 <= w - margin && y0 >= band + margin && y1 <= h - margin;
}

static void
scroll_into_view (BcCanvas *self,
                  BcItem   *item)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  double band = _bc_canvas_axis_band_height (self);
  BcRect r;

  if (w <= 0 || h <= 0 || !item_extent (self, item, &r) || extent_in_sight (self, &r))
    return;
  /* Out of sight, or cut by an edge: to the middle of the view, below the
   * pinned axis. */
  self->offset_x = r.x + r.width / 2 - w / 2.0 / self->zoom;
  self->offset_y = r.y + r.height / 2 - (band + (h - band) / 2.0) / self->zoom;
  /* No further than the diagram goes: no empty band above its lanes or
   * past its ends when it is larger than the view. */
  {
    BcRect content = _bc_canvas_get_content_rect (self);
    double view_w = w / self->zoom, view_h = (h - band) / self->zoom;
    double slack = 8 / self->zoom, top = self->offset_y + band / self->zoom;

    if (content.width > view_w)
      self->offset_x = CLAMP (self->offset_x, content.x - slack, content.x + content.width - view_w + slack);
    if (content.height > view_h)
      top = CLAMP (top, content.y - slack, content.y + content.height - view_h + slack);
    self->offset_y = top - band / self->zoom;
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A search whose finds are all out of sight brings the first event it
 * finds (else the first thing) into sight; one in sight keeps the view
 * where the reader is. */
static void
scroll_to_found (BcCanvas *self)
{
  GPtrArray *found = _bc_canvas_get_search_found (self);
  BcItem *first = NULL;

  if (found == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;
  for (guint i = 0; i < found->len; i++)
    {
      BcItem *item = g_ptr_array_index (found, i);
      BcRect r;

      if (!item_extent (self, item, &r))
        continue;
      if (extent_in_sight (self, &r))
        return;
      if (first == NULL || (!BC_IS_EVENT (first) && BC_IS_EVENT (item)))
        first = item;
    }
  if (first != NULL)
    scroll_into_view (self, first);
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

/* Callbacks */

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
  g_clear_pointer (&self->search_found, g_ptr_array_unref);
  layout_changed (self, FALSE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BcCanvas *self = BC_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    bc_canvas_zoom_by (self, BC_CANVAS_ZOOM_STEP);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    bc_canvas_zoom_by (self, 1 / BC_CANVAS_ZOOM_STEP);
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
      _bc_canvas_select (self, next);
      scroll_into_view (self, next);
    }
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  BcCanvas *self = BC_CANVAS (widget);
  g_autofree char *markup = NULL;

  if (keyboard)
    markup = self->selected_item != NULL ? _bc_canvas_describe (self, self->selected_item) : NULL;
  else
    markup = _bc_canvas_tooltip_at (self, x, y);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* GObject */

static void
bc_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  BcCanvas *self = BC_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  BcOverlayStyle style;
  BcLayoutHit selected;
  gboolean has_selection;
  double origin_x, origin_y, known_x;
  gboolean has_known_on;
  GPtrArray *found;

  if (ensure_layout (self) == NULL || width <= 0 || height <= 0)
    return;

  _bc_canvas_tiles_snapshot (self, snapshot, &origin_x, &origin_y);

  /* What follows the user, not the case, goes on top of the tiles, so
   * that selecting does not paint them again. */
  has_selection = self->selected_item != NULL &&
                  bc_layout_find (self->layout, G_OBJECT (self->selected_item), &selected);
  has_known_on = bc_overlay_known_on_x (self->layout, self->known_on, &known_x);
  found = _bc_canvas_get_search_found (self);
  _bc_canvas_get_overlay_style (self, &style);
  if (has_selection || has_known_on || (found != NULL && found->len > 0) ||
      _bc_canvas_tool_has_overlay (self))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_save (cr);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -origin_x, -origin_y);
      if (has_known_on)
        bc_overlay_paint_known_on (cr, self->layout, known_x, &style);
      for (guint i = 0; found != NULL && i < found->len; i++)
        {
          BcLayoutHit hit;

          if (bc_layout_find (self->layout, g_ptr_array_index (found, i), &hit))
            bc_overlay_paint_found (cr, self->layout, &hit, &style);
        }
      if (has_selection)
        bc_overlay_paint_selection (cr, self->layout, &selected, &style);
      _bc_canvas_tool_snapshot (self, cr, &style);
      cairo_restore (cr);
      _bc_canvas_tool_snapshot_tags (self, cr, &style);
      cairo_destroy (cr);
    }
  _bc_canvas_axis_snapshot (self, snapshot, &style);
  bc_overview_paint (BC_OVERVIEW (self->overview), snapshot);
  _bc_canvas_bench_painted (self);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent = { style.accent.red, style.accent.green, style.accent.blue, 0.5 };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { accent, accent, accent, accent });
    }
}

/* The overview sits in the bottom end corner, as wide as a quarter of
 * the canvas (at most 240 px) and as tall as the case's shape asks,
 * within a quarter of the canvas' height; in the lanes view, and when
 * the canvas is large enough to spare the room. */
static void
allocate_overview (BcCanvas *self,
                   int       width,
                   int       height)
{
  gboolean visible = self->show_overview && width >= 480 && height >= 240 && self->case_ != NULL &&
                     self->view == BC_VIEW_LANES && ensure_layout (self) != NULL;
  double w, h, aspect;
  BcRect content;

  if (visible)
    {
      content = _bc_canvas_get_content_rect (self);
      visible = content.width > 0 && content.height > 0;
    }
  gtk_widget_set_child_visible (self->overview, visible);
  if (!visible)
    return;

  aspect = content.height / content.width;
  w = MIN (240.0, width / 4.0);
  h = CLAMP (w * aspect + 12, 48.0, height / 4.0);
  gtk_widget_size_allocate (self->overview,
                            &(GtkAllocation) {
                              gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                ? OVERVIEW_MARGIN : width - OVERVIEW_MARGIN - (int) w,
                              height - OVERVIEW_MARGIN - (int) h, (int) w, (int) h
                            }, -1);
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

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
  allocate_overview (self, width, height);

  /* A side pane that opens or closes changes the canvas' size: what was
   * at the centre of the view (the time, and the lane) stays there. */
  if (!self->needs_fit && self->last_width > 0 && self->last_height > 0 &&
      (width != self->last_width || height != self->last_height))
    {
      self->offset_x += (self->last_width - width) / 2.0 / self->zoom;
      self->offset_y += (self->last_height - height) / 2.0 / self->zoom;
    }
  self->last_width = width;
  self->last_height = height;

  if (!self->needs_fit || ensure_layout (self) == NULL || width <= 0 || height <= 0 ||
      self->layout->width <= 0 || self->layout->height <= 0)
    return;

  bc_canvas_zoom_to_fit (self);
}

static void
bc_canvas_dispose (GObject *object)
{
  BcCanvas *self = BC_CANVAS (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed, self);
  /* Before the tool lets go of the other children. */
  g_clear_pointer (&self->overview, gtk_widget_unparent);
  _bc_canvas_tool_dispose (self);
  if (self->case_ != NULL)
    watch_case (self, FALSE);
  _bc_canvas_tiles_dispose (self);
  g_clear_pointer (&self->layout, bc_layout_free);
  g_clear_pointer (&self->layout_focus, g_free);
  g_clear_pointer (&self->story_focus, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_found, g_ptr_array_unref);
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
    case PROP_ACTOR_PATHS:
      g_value_set_enum (value, self->actor_paths);
      break;
    case PROP_FOCUS_SELECTION:
      g_value_set_boolean (value, self->focus_selection);
      break;
    case PROP_FRAME:
      g_value_set_boolean (value, self->frame);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search ? self->search : "");
      break;
    case PROP_SHOW_OVERVIEW:
      g_value_set_boolean (value, self->show_overview);
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
    case PROP_ACTOR_PATHS:
      bc_canvas_set_actor_paths (self, g_value_get_enum (value));
      break;
    case PROP_FOCUS_SELECTION:
      bc_canvas_set_focus_selection (self, g_value_get_boolean (value));
      break;
    case PROP_FRAME:
      bc_canvas_set_frame (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH:
      bc_canvas_set_search (self, g_value_get_string (value));
      break;
    case PROP_SHOW_OVERVIEW:
      bc_canvas_set_show_overview (self, g_value_get_boolean (value));
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
    g_param_spec_int ("time-scale", NULL, NULL, BC_TIME_SCALE_PROPORTIONAL, BC_TIME_SCALE_BALANCED,
                      BC_TIME_SCALE_BALANCED,
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
  properties[PROP_ACTOR_PATHS] =
    g_param_spec_enum ("actor-paths", NULL, NULL, BC_TYPE_ACTOR_PATHS, BC_ACTOR_PATHS_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the selected item is in focus: what it carried and took
   * part in stays, the rest fades. */
  properties[PROP_FOCUS_SELECTION] =
    g_param_spec_boolean ("focus-selection", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the title block and the legend are laid out on screen; they
   * belong to exports and do not take part in the zoom otherwise. */
  properties[PROP_FRAME] =
    g_param_spec_boolean ("frame", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the outline searches for: what it finds is marked. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the overview of the whole case shows in a corner. */
  properties[PROP_SHOW_OVERVIEW] =
    g_param_spec_boolean ("show-overview", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "canvas.show-overview", "show-overview");

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.move", "(ii)", move_action);

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
  _bc_canvas_tool_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "bccanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bc_canvas_init (BcCanvas *self)
{
  self->zoom = 1.0;
  self->view = BC_VIEW_LANES;
  self->time_scale = BC_TIME_SCALE_BALANCED;
  self->highlight = -1;
  self->known_on = BC_DATE_UNSET;
  self->show_overview = TRUE;

  self->overview = bc_overview_new (self);
  gtk_widget_set_parent (self->overview, GTK_WIDGET (self));
  g_signal_connect_swapped (self->overview, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), self);

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

  _bc_canvas_tiles_init (self);
  _bc_canvas_tool_init (self);
  _bc_canvas_scroll_init (self);

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

  _bc_canvas_tool_reset (self);
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
  _bc_canvas_select (self, item);
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

  _bc_canvas_set_zoom_at (self, self->zoom * factor,
               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
bc_canvas_zoom_reset (BcCanvas *self)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  _bc_canvas_set_zoom_at (self, 1.0,
               gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
bc_canvas_zoom_to_fit (BcCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom, band;
  BcRect rect;

  g_return_if_fail (BC_IS_CANVAS (self));

  if (ensure_layout (self) == NULL || width <= 0 || height <= 0 ||
      self->layout->width <= 0 || self->layout->height <= 0)
    return;

  self->needs_fit = FALSE;
  rect = _bc_canvas_get_content_rect (self);
  if (rect.width <= 0 || rect.height <= 0)
    return;
  /* The pinned axis covers the top of the canvas: the lanes go below. */
  band = _bc_canvas_axis_band_height (self);
  height -= band;
  if (height <= 0)
    return;
  zoom = fit_zoom (&rect, width, height);
  if (zoom >= READABLE_ZOOM)
    {
      zoom = MIN (zoom, MAX_ZOOM);
      self->offset_x = rect.x + rect.width / 2 - width / 2.0 / zoom;
      self->offset_y = rect.y + rect.height / 2 - height / 2.0 / zoom;
    }
  else
    {
      /* Too large to be read whole: the whole height, at a readable size
       * and no larger than life, from the start of the case; the rest is
       * a pan away. */
      double h = MAX (height - 2 * FIT_MARGIN, height / 2.0);

      zoom = CLAMP (h / rect.height, READABLE_ZOOM, MAX (1.0, READABLE_ZOOM));
      self->offset_x = rect.x - FIT_MARGIN / zoom;
      /* The wheel has no start: its centre, at a readable size. */
      if (self->layout->options.view != BC_VIEW_LANES)
        {
          self->offset_x = rect.x + rect.width / 2 - width / 2.0 / zoom;
          self->offset_y = rect.y + rect.height / 2 - height / 2.0 / zoom;
        }
      else if (rect.height * zoom <= height)
        self->offset_y = rect.y + rect.height / 2 - height / 2.0 / zoom;
      else
        /* The lanes right under the pinned axis, which stands for the
         * one the layout draws above them. */
        self->offset_y = rect.y;
    }
  self->offset_y -= band / zoom;
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bc_canvas_get_readable_zoom:
 *
 * The least zoom at which the canvas' labels can be read, about 9 px
 * high; fitting never goes below it.
 *
 * Returns: the zoom
 */
double
bc_canvas_get_readable_zoom (void)
{
  return READABLE_ZOOM;
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
  options->actor_paths = self->actor_paths;
  options->focus = current_focus (self);
  options->frame = self->frame;
}

BcActorPaths
bc_canvas_get_actor_paths (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), BC_ACTOR_PATHS_ALL);
  return self->actor_paths;
}

/**
 * bc_canvas_set_actor_paths:
 * @self: a canvas
 * @actor_paths: whose storylines to draw
 *
 * With %BC_ACTOR_PATHS_SELECTED, the path of the selected actor only.
 */
void
bc_canvas_set_actor_paths (BcCanvas     *self,
                           BcActorPaths  actor_paths)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (self->actor_paths == actor_paths)
    return;
  self->actor_paths = actor_paths;
  layout_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_PATHS]);
}

gboolean
bc_canvas_get_focus_selection (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), FALSE);
  return self->focus_selection;
}

/**
 * bc_canvas_set_focus_selection:
 * @self: a canvas
 * @focus_selection: whether the selection is in focus
 *
 * Lights up what the selected item (an actor: what they carried and
 * took part in) is part of, and fades the rest; follows the selection.
 */
void
bc_canvas_set_focus_selection (BcCanvas *self,
                               gboolean  focus_selection)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  focus_selection = !!focus_selection;
  if (self->focus_selection == focus_selection)
    return;
  self->focus_selection = focus_selection;
  focus_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_SELECTION]);
}

gboolean
bc_canvas_get_frame (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), FALSE);
  return self->frame;
}

/**
 * bc_canvas_set_frame:
 * @self: a canvas
 * @frame: whether to show the title block and the legend
 *
 * Exports always have them; on screen they are off unless asked for.
 */
void
bc_canvas_set_frame (BcCanvas *self,
                     gboolean  frame)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  frame = !!frame;
  if (self->frame == frame)
    return;
  self->frame = frame;
  layout_changed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
}

const char *
bc_canvas_get_search (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), "");
  return self->search ? self->search : "";
}

/**
 * bc_canvas_set_search:
 * @self: a canvas
 * @search: (nullable): what the user searches for
 *
 * Marks on the canvas everything the search finds (bc_search_case()),
 * the same items the outline lists for it. The marks are drawn over
 * the tiles: searching paints nothing of the case again.
 */
void
bc_canvas_set_search (BcCanvas   *self,
                      const char *search)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (g_strcmp0 (self->search ? self->search : "", search ? search : "") == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  g_clear_pointer (&self->search_found, g_ptr_array_unref);
  if (self->search != NULL && *self->search != '\0')
    scroll_to_found (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/* What the search finds, worked out when a frame first needs it. */
GPtrArray *
_bc_canvas_get_search_found (BcCanvas *self)
{
  if (self->search_found == NULL && self->case_ != NULL)
    self->search_found = bc_search_case (self->case_, self->search);
  return self->search_found;
}

gboolean
bc_canvas_get_show_overview (BcCanvas *self)
{
  g_return_val_if_fail (BC_IS_CANVAS (self), FALSE);
  return self->show_overview;
}

/**
 * bc_canvas_set_show_overview:
 * @self: a canvas
 * @show_overview: whether to show the overview of the whole case
 */
void
bc_canvas_set_show_overview (BcCanvas *self,
                             gboolean  show_overview)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  show_overview = !!show_overview;
  if (self->show_overview == show_overview)
    return;
  self->show_overview = show_overview;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_OVERVIEW]);
}

/**
 * _bc_canvas_centre_on:
 * @self: a canvas
 * @lx: a layout point
 * @ly: the same
 *
 * Pans, at the zoom it has, so that (@lx, @ly) is at the centre.
 */
void
_bc_canvas_centre_on (BcCanvas *self,
                      double    lx,
                      double    ly)
{
  self->offset_x = lx - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 / self->zoom;
  self->offset_y = ly - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 / self->zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * _bc_canvas_get_overview:
 * @self: a canvas
 *
 * Returns: (transfer none): the overview in its corner
 */
GtkWidget *
_bc_canvas_get_overview (BcCanvas *self)
{
  return self->overview;
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
    _bc_canvas_tool_reset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/* Internal API */

void
_bc_canvas_select (BcCanvas *self,
                   BcItem   *item)
{
  if (!g_set_object (&self->selected_item, item))
    return;
  focus_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

void
_bc_canvas_set_zoom_at (BcCanvas *self,
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

void
_bc_canvas_widget_to_layout (BcCanvas *self,
                             double    wx,
                             double    wy,
                             double   *lx,
                             double   *ly)
{
  *lx = wx / self->zoom + self->offset_x;
  *ly = wy / self->zoom + self->offset_y;
}

void
_bc_canvas_layout_to_widget (BcCanvas *self,
                             double    lx,
                             double    ly,
                             double   *wx,
                             double   *wy)
{
  *wx = (lx - self->offset_x) * self->zoom;
  *wy = (ly - self->offset_y) * self->zoom;
}

/* The overlay's colours, from the widget's style. */
void
_bc_canvas_get_overlay_style (BcCanvas       *self,
                              BcOverlayStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA color;

  bc_overlay_style_init (style, self->zoom);
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    style->accent = (BcColor) { color.red, color.green, color.blue, color.alpha };
  if (gtk_style_context_lookup_color (context, "error_color", &color))
    style->error = (BcColor) { color.red, color.green, color.blue, color.alpha };
  if (gtk_style_context_lookup_color (context, "view_fg_color", &color))
    style->foreground = (BcColor) { color.red, color.green, color.blue, color.alpha };
  if (gtk_style_context_lookup_color (context, "view_bg_color", &color))
    style->background = (BcColor) { color.red, color.green, color.blue, color.alpha };
}


/* One end of a transfer, for its tooltip: the track and the date of
 * the event it leaves or reaches. */
static char *
describe_end (BcEvent *event)
{
  g_autofree char *date = NULL;
  BcTrack track;

  if (event == NULL)
    return g_strdup ("?");
  date = bc_date_to_string (bc_event_get_date (event));
  track = bc_event_get_track (event);
  /* TRANSLATORS: a track and a date, "Track 2, 1993-01-20" */
  return g_strdup_printf (_("%s, %s"), bc_track_get_label (track), date ? date : "?");
}

/**
 * _bc_canvas_tooltip_at:
 * @x: (in widget coordinates)
 * @y: (in widget coordinates)
 *
 * What the tooltip at a point of the canvas says, as Pango markup: the
 * item there, else, over the pinned axis, how time runs along it.
 *
 * Returns: (transfer full) (nullable): the markup
 */
char *
_bc_canvas_tooltip_at (BcCanvas *self,
                       double    x,
                       double    y)
{
  BcItem *item = _bc_canvas_pick (self, x, y);

  if (item != NULL)
    return _bc_canvas_describe (self, item);
  if (y < _bc_canvas_axis_band_height (self))
    return _bc_canvas_axis_describe (self);
  return NULL;
}

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

      BcEvent *from = self->case_ ? bc_case_lookup_event (self->case_, bc_transfer_get_from (transfer)) : NULL;
      BcEvent *to = self->case_ ? bc_case_lookup_event (self->case_, bc_transfer_get_to (transfer)) : NULL;
      g_autofree char *from_end = describe_end (from);
      g_autofree char *to_end = describe_end (to);
      g_autofree char *ends = NULL;

      title = g_markup_escape_text (bc_transfer_get_title (transfer), -1);
      /* TRANSLATORS: a transfer's ends on the canvas' tooltip, each a
       * track and a date: "Track 2, 1993-01-20 → Track 1, 1993-08-19" */
      ends = g_strdup_printf (_("From %s to %s"), from_end, to_end);
      details = g_markup_printf_escaped ("%s\n%s · %s", ends,
                                         bc_mechanism_get_label (bc_transfer_get_mechanism (transfer)),
                                         bc_status_get_label (bc_transfer_get_status (transfer)));
      sources = bc_transfer_get_sources (transfer);
    }
  else
    return NULL;

  if (sources != NULL && sources->len > 0)
    sources_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", sources->len),
                                    sources->len);

  how = _bc_canvas_tool_describe (self, item);

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

  _bc_canvas_widget_to_layout (self, x, y, &lx, &ly);
  return pick (self, lx, ly, &hit) ? BC_ITEM (hit.object) : NULL;
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

/**
 * _bc_canvas_set_story_focus:
 * @ids: (nullable): the ids of a story step's items, separated by commas,
 *   or %NULL when no story is told
 *
 * Brings forward the items of the step being told, and what joins them,
 * and fades the rest, whatever is selected.
 */
void
_bc_canvas_set_story_focus (BcCanvas   *self,
                            const char *ids)
{
  g_return_if_fail (BC_IS_CANVAS (self));

  if (g_strcmp0 (self->story_focus, ids) == 0)
    return;
  g_free (self->story_focus);
  self->story_focus = g_strdup (ids);
  focus_changed (self);
}
