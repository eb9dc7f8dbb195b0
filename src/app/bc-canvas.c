/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"
#include "bc-painter.h"

#define MIN_ZOOM  0.05
#define MAX_ZOOM  8.0
#define ZOOM_STEP 1.2
/* Pixels scrolled per wheel step when panning. */
#define SCROLL_STEP 40.0

struct _BcCanvas
{
  GtkWidget  parent_instance;

  BcCase    *case_;
  BcItem    *selected_item;
  BcView     view;
  BcLayout  *layout;

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
};

G_DEFINE_FINAL_TYPE (BcCanvas, bc_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_VIEW,
  PROP_SELECTED_ITEM,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static void
rebuild_layout (BcCanvas *self)
{
  BcLayoutOptions options;

  g_clear_pointer (&self->layout, bc_layout_free);
  if (self->case_ != NULL)
    {
      bc_layout_options_init (&options);
      options.view = self->view;
      self->layout = bc_layout_new (self->case_, &options);
    }
  self->needs_fit = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  int i;

  if (self->layout == NULL || !BC_IS_EVENT (item))
    return NULL;
  i = bc_layout_find_event (self->layout, bc_item_get_id (item));
  return i >= 0 ? &g_array_index (self->layout->events, BcLayoutEvent, i) : NULL;
}

static BcLayoutActor *
layout_actor_for (BcCanvas *self,
                  BcItem   *item)
{
  if (self->layout == NULL || self->layout->actors == NULL || !BC_IS_ACTOR (item))
    return NULL;
  for (guint i = 0; i < self->layout->actors->len; i++)
    {
      BcLayoutActor *a = &g_array_index (self->layout->actors, BcLayoutActor, i);

      if (a->actor == BC_ACTOR (item))
        return a;
    }
  return NULL;
}

static BcLayoutCurve *
layout_transfer_for (BcCanvas *self,
                     BcItem   *item)
{
  if (self->layout == NULL || self->layout->transfers == NULL || !BC_IS_TRANSFER (item))
    return NULL;
  for (guint i = 0; i < self->layout->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (self->layout->transfers, BcLayoutCurve, i);

      if (c->object == G_OBJECT (item))
        return c;
    }
  return NULL;
}

/* The point of a Bézier curve at t. */
static BcPoint
curve_point (const BcLayoutCurve *c,
             double               t)
{
  double u = 1 - t;
  BcPoint p;

  p.x = u * u * u * c->p[0].x + 3 * u * u * t * c->p[1].x + 3 * u * t * t * c->p[2].x + t * t * t * c->p[3].x;
  p.y = u * u * u * c->p[0].y + 3 * u * u * t * c->p[1].y + 3 * u * t * t * c->p[2].y + t * t * t * c->p[3].y;
  return p;
}

/* Events first (the layout's own hit test), then actors of the wheel,
 * then transfers by distance to their curve. */
static BcItem *
pick (BcCanvas *self,
      double    lx,
      double    ly)
{
  double slack = 6 / self->zoom;
  int i;

  if (self->layout == NULL)
    return NULL;

  i = bc_layout_hit_test (self->layout, lx, ly);
  if (i >= 0)
    return BC_ITEM (g_array_index (self->layout->events, BcLayoutEvent, i).event);

  for (guint k = 0; self->layout->actors != NULL && k < self->layout->actors->len; k++)
    {
      BcLayoutActor *a = &g_array_index (self->layout->actors, BcLayoutActor, k);

      if (hypot (a->centre.x - lx, a->centre.y - ly) <= a->radius + slack)
        return BC_ITEM (a->actor);
    }

  for (guint k = 0; self->layout->transfers != NULL && k < self->layout->transfers->len; k++)
    {
      BcLayoutCurve *c = &g_array_index (self->layout->transfers, BcLayoutCurve, k);

      if (!BC_IS_TRANSFER (c->object))
        continue;
      for (int s = 0; s <= 32; s++)
        {
          BcPoint p = curve_point (c, s / 32.0);

          if (hypot (p.x - lx, p.y - ly) <= slack)
            return BC_ITEM (c->object);
        }
    }

  return NULL;
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

/* Keyboard: the nearest event in @dir along the same lane (left/right),
 * or the event at the other end of a transfer (up: where it came from,
 * down: where it went). */
static BcItem *
neighbour (BcCanvas *self,
           int       dx,
           int       dy)
{
  BcLayoutEvent *current = self->selected_item ? layout_event_for (self, self->selected_item) : NULL;
  BcLayoutEvent *best = NULL;
  double best_d = G_MAXDOUBLE;

  if (self->layout == NULL || self->layout->events->len == 0)
    return NULL;

  if (current == NULL)
    return BC_ITEM (g_array_index (self->layout->events, BcLayoutEvent, 0).event);

  if (dy != 0)
    {
      const char *id = bc_item_get_id (self->selected_item);
      GListModel *transfers = bc_case_get_transfers (self->case_);

      for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
        {
          g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);

          if (dy > 0 && g_strcmp0 (bc_transfer_get_from (t), id) == 0)
            return bc_case_lookup (self->case_, bc_transfer_get_to (t));
          if (dy < 0 && g_strcmp0 (bc_transfer_get_to (t), id) == 0)
            return bc_case_lookup (self->case_, bc_transfer_get_from (t));
        }
      return NULL;
    }

  for (guint i = 0; i < self->layout->events->len; i++)
    {
      BcLayoutEvent *e = &g_array_index (self->layout->events, BcLayoutEvent, i);
      double d;

      if (e == current || e->lane != current->lane)
        continue;
      d = (e->node.x - current->node.x) * dx;
      if (d < 0 || (d == 0 && i < (guint) (current - (BcLayoutEvent *) self->layout->events->data)))
        continue;
      if (d < best_d)
        {
          best_d = d;
          best = e;
        }
    }

  return best ? BC_ITEM (best->event) : NULL;
}

static void
draw_selection (BcCanvas *self,
                cairo_t  *cr)
{
  GdkRGBA accent;
  double line = 3 / self->zoom;
  BcLayoutEvent *e;
  BcLayoutActor *a;
  BcLayoutCurve *c;

  if (self->selected_item == NULL)
    return;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, line);

  if ((e = layout_event_for (self, self->selected_item)) != NULL)
    {
      double pad = 4 / self->zoom;

      cairo_rectangle (cr, e->node.x - pad, e->node.y - pad,
                       e->node.width + 2 * pad, e->node.height + 2 * pad);
      cairo_stroke (cr);
    }
  else if ((a = layout_actor_for (self, self->selected_item)) != NULL)
    {
      cairo_arc (cr, a->centre.x, a->centre.y, a->radius + 4 / self->zoom, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  else if ((c = layout_transfer_for (self, self->selected_item)) != NULL)
    {
      cairo_set_line_width (cr, 2 * line);
      accent.alpha = 0.5;
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_move_to (cr, c->p[0].x, c->p[0].y);
      cairo_curve_to (cr, c->p[1].x, c->p[1].y, c->p[2].x, c->p[2].y, c->p[3].x, c->p[3].y);
      cairo_stroke (cr);
    }
}

/* Callbacks */

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            BcCanvas       *self)
{
  self->drag_offset_x = self->offset_x;
  self->drag_offset_y = self->offset_y;
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             BcCanvas       *self)
{
  /* Small movements are clicks, not pans. */
  if (fabs (dx) < 3 && fabs (dy) < 3)
    return;
  self->offset_x = self->drag_offset_x - dx / self->zoom;
  self->offset_y = self->drag_offset_y - dy / self->zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        BcCanvas                 *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
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
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  BcCanvas *self = BC_CANVAS (widget);
  BcItem *item = keyboard ? self->selected_item : _bc_canvas_pick (self, x, y);
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *sources_text = NULL;
  g_autofree char *markup = NULL;
  GPtrArray *sources = NULL;

  if (item == NULL)
    return FALSE;

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
    return FALSE;

  if (sources != NULL && sources->len > 0)
    sources_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", sources->len),
                                    sources->len);

  markup = g_strdup_printf ("<b>%s</b>\n%s%s%s", title, details,
                            sources_text ? "\n" : "", sources_text ? sources_text : "");
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
  BcPaintOptions options;
  BcRect viewport;
  cairo_t *cr;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  bc_paint_options_init (&options);
  options.theme = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? BC_THEME_DARK : BC_THEME_LIGHT;
  options.background = TRUE;

  viewport.x = self->offset_x;
  viewport.y = self->offset_y;
  viewport.width = width / self->zoom;
  viewport.height = height / self->zoom;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->offset_x, -self->offset_y);
  bc_painter_paint (self->layout, cr, &viewport, &options);
  draw_selection (self, cr);
  cairo_destroy (cr);

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

/* A new layout opens at its top-left corner, scaled so that its height
 * fits (the lanes are the reading direction) but never so small that
 * the labels cannot be read: fitting everything is one click away. */
static void
bc_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  BcCanvas *self = BC_CANVAS (widget);
  double zoom;

  if (!self->needs_fit || self->layout == NULL || width <= 0 || height <= 0 ||
      self->layout->width <= 0 || self->layout->height <= 0)
    return;

  self->needs_fit = FALSE;
  zoom = MIN (width / self->layout->width, height / self->layout->height);
  zoom = MAX (zoom, MIN (1.0, MAX (0.6, height / self->layout->height)));
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

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed, self);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Diagram of the case"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between events along a lane and along transfers"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
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

  if (!g_set_object (&self->case_, case_))
    return;

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

  if (self->layout == NULL || width <= 0 || height <= 0 ||
      self->layout->width <= 0 || self->layout->height <= 0)
    return;

  self->needs_fit = FALSE;
  zoom = MIN (width / self->layout->width, height / self->layout->height);
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  self->offset_x = self->layout->width / 2 - width / 2.0 / zoom;
  self->offset_y = self->layout->height / 2 - height / 2.0 / zoom;
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Private API */

BcItem *
_bc_canvas_pick (BcCanvas *self,
                 double    x,
                 double    y)
{
  double lx, ly;

  widget_to_layout (self, x, y, &lx, &ly);
  return pick (self, lx, ly);
}

BcLayout *
_bc_canvas_get_layout (BcCanvas *self)
{
  return self->layout;
}

gboolean
_bc_canvas_item_to_widget (BcCanvas *self,
                           BcItem   *item,
                           double   *x,
                           double   *y)
{
  BcLayoutEvent *e = layout_event_for (self, item);
  BcLayoutActor *a = layout_actor_for (self, item);
  BcLayoutCurve *c = layout_transfer_for (self, item);
  BcPoint p;

  if (e != NULL)
    p = (BcPoint) { e->node.x + e->node.width / 2, e->node.y + e->node.height / 2 };
  else if (a != NULL)
    p = a->centre;
  else if (c != NULL)
    p = curve_point (c, 0.5);
  else
    return FALSE;

  *x = (p.x - self->offset_x) * self->zoom;
  *y = (p.y - self->offset_y) * self->zoom;
  return TRUE;
}
