/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"
#include "bc-edit.h"
#include "bc-transfer-popover.h"

/* The canvas's editing tool (gaphas' tools, Dia's modify_tool.c): it
 * owns the press-and-drag, click and hover controllers, and through them
 * selects, moves an event in time, draws a transfer from one event to
 * another, reconnects an end of one, or pans. What it shows while it
 * works is drawn by the overlay painter (src/render/bc-overlay.c); what
 * it changes goes through the case's domain edits (bc-edit.h), each one
 * step of the history. */

/* Widget pixels a press must move before it is a drag, not a click. */
#define DRAG_THRESHOLD 3.0
/* How near the handle a press takes it, in widget pixels. */
#define HANDLE_GRAB    9.0
/* How near an end of the selected transfer a press takes that end. */
#define END_GRAB       9.0
/* How long a hint about a refused drop stays, in seconds. */
#define HINT_SECONDS   4

/* Auxiliary functions */

/* Where the layout shows @item, if it is an event (or a transfer) of the
 * picture. */
static BcLayoutEvent *
layout_event_for (BcCanvas *self,
                  BcItem   *item)
{
  BcLayoutHit hit;

  if (!BC_IS_EVENT (item) || _bc_canvas_get_layout (self) == NULL ||
      !bc_layout_find (self->layout, G_OBJECT (item), &hit))
    return NULL;
  return &g_array_index (self->layout->events, BcLayoutEvent, hit.index);
}

static BcLayoutCurve *
layout_transfer_for (BcCanvas *self,
                     BcItem   *item)
{
  BcLayoutHit hit;

  if (!BC_IS_TRANSFER (item) || !bc_layout_find (_bc_canvas_get_layout (self), G_OBJECT (item), &hit))
    return NULL;
  return &g_array_index (self->layout->transfers, BcLayoutCurve, hit.index);
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

/* The event whose node or label is at a widget point, if it is shown. */
static BcEvent *
event_at (BcCanvas *self,
          double    x,
          double    y)
{
  BcItem *item = _bc_canvas_pick (self, x, y);

  return BC_IS_EVENT (item) ? BC_EVENT (item) : NULL;
}

/* The event that shows the handle to draw a transfer from: the one under
 * the pointer, else the selected one. */
static BcEvent *
handle_event (BcCanvas *self)
{
  if (!_bc_canvas_can_edit (self) || self->popover != NULL)
    return NULL;
  if (self->hover_event != NULL && layout_event_for (self, BC_ITEM (self->hover_event)) != NULL)
    return self->hover_event;
  if (self->selected_item != NULL && layout_event_for (self, self->selected_item) != NULL)
    return BC_EVENT (self->selected_item);
  return NULL;
}

/* The handle's centre, in layout coordinates. */
static gboolean
handle_centre (BcCanvas *self,
               BcEvent  *event,
               BcPoint  *centre)
{
  BcLayoutEvent *e = event != NULL ? layout_event_for (self, BC_ITEM (event)) : NULL;

  if (e == NULL)
    return FALSE;
  *centre = bc_overlay_handle_centre (&e->node, self->zoom);
  return TRUE;
}

static gboolean
on_handle (BcCanvas *self,
           double    x,
           double    y)
{
  BcPoint c;
  double wx, wy;

  if (!handle_centre (self, handle_event (self), &c))
    return FALSE;
  _bc_canvas_layout_to_widget (self, c.x, c.y, &wx, &wy);
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

  if (!_bc_canvas_can_edit (self) || self->selected_item == NULL ||
      (c = layout_transfer_for (self, self->selected_item)) == NULL)
    return 0;
  _bc_canvas_layout_to_widget (self, bc_layout_curve_end (c).x, bc_layout_curve_end (c).y, &wx, &wy);
  if (hypot (x - wx, y - wy) <= END_GRAB)
    return 1;
  _bc_canvas_layout_to_widget (self, c->p[0].x, c->p[0].y, &wx, &wy);
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

  _bc_canvas_widget_to_layout (self, self->drag_start_x, self->drag_start_y, &lx0, &ly);
  _bc_canvas_widget_to_layout (self, self->drag_x, self->drag_y, &lx1, &ly);
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
  _bc_canvas_select (self, BC_ITEM (transfer));
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
      _bc_canvas_layout_to_widget (self, mid.x, mid.y, &wx, &wy);
      /* A line whose middle is scrolled out of sight: the popover points
       * from the nearest edge of the canvas rather than off the screen. */
      wx = CLAMP (wx, 2, MAX (2, gtk_widget_get_width (GTK_WIDGET (self)) - 2));
      wy = CLAMP (wy, 2, MAX (2, gtk_widget_get_height (GTK_WIDGET (self)) - 2));
      gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                   &(GdkRectangle) { (int) wx - 2, (int) wy - 2, 4, 4 });
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
reconnect (BcCanvas *self)
{
  const char *property = self->drag_mode == BC_CANVAS_DRAG_RECONNECT_TO ? "to" : "from";
  const char *current = self->drag_mode == BC_CANVAS_DRAG_RECONNECT_TO ? bc_transfer_get_to (self->drag_transfer)
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
  if (!bc_edit_set (self->case_, G_OBJECT (self->drag_transfer), property, &value, &error))
    show_hint (self, error->message, self->drag_x, self->drag_y);
}

static void
end_drag_state (BcCanvas *self)
{
  self->drag_mode = BC_CANVAS_DRAG_NONE;
  self->drag_moved = FALSE;
  g_clear_object (&self->drag_event);
  g_clear_object (&self->drag_transfer);
  g_clear_object (&self->drop_event);
  self->drop_date = BC_DATE_UNSET;
  self->drop_end = BC_DATE_UNSET;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cancel-drag", FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What follows the pointer, drawn by the overlay painter */

/* The handle above the hovered or selected event, and the grips at the
 * ends of the selected transfer. */
static void
draw_handles (BcCanvas             *self,
              cairo_t              *cr,
              const BcOverlayStyle *style)
{
  BcLayoutCurve *c;
  BcPoint centre;

  if (!_bc_canvas_can_edit (self) || self->drag_mode != BC_CANVAS_DRAG_NONE)
    return;
  if (handle_centre (self, handle_event (self), &centre))
    bc_overlay_paint_handle (cr, centre, style);
  if (self->selected_item != NULL && (c = layout_transfer_for (self, self->selected_item)) != NULL)
    bc_overlay_paint_grips (cr, c, style);
}

/* The arrow being drawn or reconnected, the event moved to its new
 * place, or the arrow a popover asks about. */
static void
draw_drag (BcCanvas             *self,
           cairo_t              *cr,
           const BcOverlayStyle *style)
{
  BcLayoutEvent *fixed, *target;
  BcPoint p[4];
  double lx, ly;

  if (self->drag_mode == BC_CANVAS_DRAG_NONE && pending_path (self, p))
    {
      bc_overlay_paint_arrow (cr, p, FALSE, &style->accent, style->zoom);
      return;
    }
  if (!self->drag_moved || self->drag_event == NULL ||
      (fixed = layout_event_for (self, BC_ITEM (self->drag_event))) == NULL)
    return;

  if (self->drag_mode == BC_CANVAS_DRAG_MOVE && bc_date_is_set (self->drop_date))
    {
      bc_overlay_paint_move (cr, self->layout, &fixed->node, self->drop_date, self->drop_end, style);
      return;
    }
  if (self->drag_mode != BC_CANVAS_DRAG_CONNECT && self->drag_mode != BC_CANVAS_DRAG_RECONNECT_FROM &&
      self->drag_mode != BC_CANVAS_DRAG_RECONNECT_TO)
    return;

  _bc_canvas_widget_to_layout (self, self->drag_x, self->drag_y, &lx, &ly);
  target = self->drop_event != NULL ? layout_event_for (self, BC_ITEM (self->drop_event)) : NULL;
  {
    BcRect point = { lx, ly, 0, 0 };
    const BcRect *other = target != NULL && drop_is_valid (self) ? &target->node : &point;

    if (self->drag_mode == BC_CANVAS_DRAG_RECONNECT_FROM)
      bc_layout_transfer_path (other, &fixed->node, p);
    else
      bc_layout_transfer_path (&fixed->node, other, p);
  }
  bc_overlay_paint_connect (cr, p, &fixed->node, target != NULL ? &target->node : NULL,
                            drop_is_valid (self), style);
}

/* A tag next to the pointer, kept inside the widget. */
static void
draw_tag (BcCanvas      *self,
          cairo_t       *cr,
          const char    *text,
          double         x,
          double         y,
          const BcColor *background)
{
  BcRect room = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)) };

  bc_overlay_paint_tag (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)), text, x, y, &room, background);
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
  BcCanvas *self = BC_CANVAS (widget);

  /* Escape ends a drag first; with none, it leaves the focus. */
  if (self->drag_mode != BC_CANVAS_DRAG_NONE)
    _bc_canvas_cancel_drag (self);
  else
    bc_canvas_set_focus_selection (self, FALSE);
}

static void
click_released (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                BcCanvas        *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _bc_canvas_select (self, _bc_canvas_pick (self, x, y));
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
  if (self->drag_mode != BC_CANVAS_DRAG_NONE || !_bc_canvas_can_edit (self))
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
  if (self->hover_event != NULL && self->drag_mode == BC_CANVAS_DRAG_NONE)
    {
      g_clear_object (&self->hover_event);
      gtk_widget_queue_draw (GTK_WIDGET (self));
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

  if (!_bc_canvas_can_edit (self) || self->selected_item == NULL || !BC_IS_EVENT (self->selected_item))
    return;
  event = BC_EVENT (self->selected_item);
  if (!bc_edit_nudge_event (self->case_, event, step, &error) &&
      _bc_canvas_item_to_widget (self, BC_ITEM (event), &x, &y))
    show_hint (self, error->message, x, y);
}

/* Internal API */

/* Whether the tool edits: an editable canvas, in the lanes view, where
 * events have a place in time. */
gboolean
_bc_canvas_can_edit (BcCanvas *self)
{
  return self->editable && self->case_ != NULL && _bc_canvas_get_layout (self) != NULL &&
         self->layout->options.view == BC_VIEW_LANES;
}

/* What a tooltip says the tool can do with @item, or NULL. */
const char *
_bc_canvas_tool_describe (BcCanvas *self,
                          BcItem   *item)
{
  if (_bc_canvas_can_edit (self) && BC_IS_EVENT (item))
    return _("Drag to move it in time; drag the handle above it, or Shift-drag it, to another track’s event to make a transfer");
  if (_bc_canvas_can_edit (self) && BC_IS_TRANSFER (item) && item == self->selected_item)
    return _("Drag an end to another event to reconnect it");
  return NULL;
}

/* Whether the tool has something to draw over the picture. */
gboolean
_bc_canvas_tool_has_overlay (BcCanvas *self)
{
  return self->drag_moved || self->popover != NULL || self->hint != NULL || handle_event (self) != NULL;
}

/* Draws the tool's overlay, on @cr in layout coordinates. */
void
_bc_canvas_tool_snapshot (BcCanvas             *self,
                          cairo_t              *cr,
                          const BcOverlayStyle *style)
{
  draw_handles (self, cr, style);
  draw_drag (self, cr, style);
}

/* Draws the text that follows the pointer, on @cr in widget pixels: the
 * date an event will land on, why a drop would be or was refused. */
void
_bc_canvas_tool_snapshot_tags (BcCanvas             *self,
                               cairo_t              *cr,
                               const BcOverlayStyle *style)
{
  static const BcColor osd = { 0, 0, 0, 0.8 };

  if (self->drag_moved && self->drag_mode == BC_CANVAS_DRAG_MOVE && bc_date_is_set (self->drop_date))
    {
      g_autofree char *date = bc_date_to_string (self->drop_date);
      g_autofree char *end = bc_date_is_set (self->drop_end) ? bc_date_to_string (self->drop_end) : NULL;
      g_autofree char *text = end != NULL ? g_strdup_printf ("%s – %s", date, end) : g_strdup (date);
      double x = bc_layout_day_to_x (self->layout, bc_date_get_first_day (self->drop_date));
      double wx, wy;

      /* On the axis, or at the top of the canvas when the axis is
       * scrolled away. */
      _bc_canvas_layout_to_widget (self, x, self->layout->plot.y - 30, &wx, &wy);
      draw_tag (self, cr, text, wx + 4, wy, &style->accent);
    }
  else if (self->drag_moved && self->drop_event != NULL && !drop_is_valid (self) &&
           self->drag_mode != BC_CANVAS_DRAG_MOVE && self->drag_mode != BC_CANVAS_DRAG_PAN)
    draw_tag (self, cr, _("A transfer joins events on two different tracks"),
              self->drag_x + 14, self->drag_y + 14, &style->error);

  if (self->hint != NULL)
    draw_tag (self, cr, self->hint, self->hint_x + 14, self->hint_y + 14, &osd);
}

/* Ends what the tool is doing, with nothing changed: a new case, or
 * editing turned off. */
void
_bc_canvas_tool_reset (BcCanvas *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->drag_mode != BC_CANVAS_DRAG_PAN)
    end_drag_state (self);
  g_clear_object (&self->hover_event);
}

void
_bc_canvas_tool_dispose (BcCanvas *self)
{
  GtkWidget *child;

  if (self->popover != NULL)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  self->popover = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->hint_source, g_source_remove);
  g_clear_pointer (&self->hint, g_free);
  end_drag_state (self);
  g_clear_object (&self->hover_event);
}

void
_bc_canvas_tool_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.cancel-drag", NULL, cancel_drag_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "i", nudge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.cancel-drag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "canvas.nudge", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "canvas.nudge", "i", 1);
}

void
_bc_canvas_tool_init (BcCanvas *self)
{
  GtkGesture *drag, *click;
  GtkEventController *motion_controller;

  self->editable = TRUE;
  self->drop_date = BC_DATE_UNSET;
  self->drop_end = BC_DATE_UNSET;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cancel-drag", FALSE);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion_controller = gtk_event_controller_motion_new ();
  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);
}

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
  self->drag_mode = BC_CANVAS_DRAG_PAN;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "canvas.cancel-drag", TRUE);

  if (!_bc_canvas_can_edit (self))
    return;

  /* So that Escape reaches the canvas during the drag. */
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if ((end = transfer_end_at (self, x, y)) != 0)
    {
      BcTransfer *transfer = BC_TRANSFER (self->selected_item);
      const char *fixed = end > 0 ? bc_transfer_get_from (transfer) : bc_transfer_get_to (transfer);

      if ((event = bc_case_lookup_event (self->case_, fixed)) != NULL)
        {
          self->drag_mode = end > 0 ? BC_CANVAS_DRAG_RECONNECT_TO : BC_CANVAS_DRAG_RECONNECT_FROM;
          self->drag_transfer = g_object_ref (transfer);
          self->drag_event = g_object_ref (event);
        }
    }
  else if (on_handle (self, x, y))
    {
      self->drag_mode = BC_CANVAS_DRAG_CONNECT;
      self->drag_event = g_object_ref (handle_event (self));
    }
  else if ((event = event_at (self, x, y)) != NULL)
    {
      self->drag_mode = (state & GDK_SHIFT_MASK) ? BC_CANVAS_DRAG_CONNECT : BC_CANVAS_DRAG_MOVE;
      self->drag_event = g_object_ref (event);
    }
}

void
_bc_canvas_drag_update (BcCanvas *self,
                        double    x,
                        double    y)
{
  BcEvent *under;

  if (self->drag_mode == BC_CANVAS_DRAG_NONE)
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
    case BC_CANVAS_DRAG_PAN:
      self->offset_x = self->drag_offset_x - (x - self->drag_start_x) / self->zoom;
      self->offset_y = self->drag_offset_y - (y - self->drag_start_y) / self->zoom;
      set_cursor (self, "grabbing");
      break;
    case BC_CANVAS_DRAG_MOVE:
      /* What is being moved is what the inspector should show. */
      _bc_canvas_select (self, BC_ITEM (self->drag_event));
      if (_bc_canvas_get_layout (self) != NULL)
        update_move (self);
      set_cursor (self, "grabbing");
      break;
    case BC_CANVAS_DRAG_CONNECT:
    case BC_CANVAS_DRAG_RECONNECT_FROM:
    case BC_CANVAS_DRAG_RECONNECT_TO:
      under = event_at (self, x, y);
      if (under == self->drag_event)
        under = NULL;
      g_set_object (&self->drop_event, under);
      set_cursor (self, "crosshair");
      break;
    case BC_CANVAS_DRAG_NONE:
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

  if (self->drag_mode == BC_CANVAS_DRAG_NONE)
    return;

  _bc_canvas_drag_update (self, x, y);
  if (self->drag_moved)
    switch (self->drag_mode)
      {
      case BC_CANVAS_DRAG_MOVE:
        if (bc_date_is_set (self->drop_date) &&
            !bc_edit_move_event (self->case_, self->drag_event, self->drop_date, &error))
          show_hint (self, error->message, x, y);
        break;
      case BC_CANVAS_DRAG_CONNECT:
        if (self->drop_event == NULL)
          show_hint (self, _("Release over an event on another track to make a transfer"), x, y);
        else if (!drop_is_valid (self))
          show_hint (self, _("A transfer joins events on two different tracks"), x, y);
        else
          open_transfer_popover (self, self->drag_event, self->drop_event);
        break;
      case BC_CANVAS_DRAG_RECONNECT_FROM:
      case BC_CANVAS_DRAG_RECONNECT_TO:
        reconnect (self);
        break;
      case BC_CANVAS_DRAG_PAN:
      case BC_CANVAS_DRAG_NONE:
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
  if (self->drag_mode == BC_CANVAS_DRAG_NONE)
    return;
  if (self->drag_mode == BC_CANVAS_DRAG_PAN && self->drag_moved)
    {
      self->offset_x = self->drag_offset_x;
      self->offset_y = self->drag_offset_y;
    }
  end_drag_state (self);
  set_cursor (self, NULL);
}
