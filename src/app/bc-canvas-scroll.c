/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"

/* Scrolling pans the canvas, or zooms it with Control; pinching zooms
 * it, about the fingers. */

/* Pixels scrolled per wheel step when panning. */
#define SCROLL_STEP 40.0

/* Callbacks */

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
      double factor = unit == GDK_SCROLL_UNIT_WHEEL ? pow (BC_CANVAS_ZOOM_STEP, -dy) : exp (-dy / 200.0);

      _bc_canvas_set_zoom_at (self, self->zoom * factor, self->pointer_x, self->pointer_y);
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
  _bc_canvas_set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

/* Internal API */

void
_bc_canvas_scroll_init (BcCanvas *self)
{
  GtkGesture *pinch;
  GtkEventController *scroll;

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}
