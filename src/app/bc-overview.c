/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-canvas-private.h"
#include "bc-overview.h"

/* A small map of the whole case in a corner of the canvas: the lanes as
 * bands, each event as a dot, and the rectangle of what the canvas shows.
 * A click or a drag on it brings that place to the centre of the view;
 * with the keyboard focus on it, the arrow keys move the view by an
 * eighth of itself, Home and End go to the start and the end of the
 * case.
 *
 * It is a child of the canvas for its place, its input and its
 * accessible name; the canvas paints it with its own frame
 * (bc_overview_paint()), so that it follows every pan and zoom without
 * being invalidated on its own. */

#define PADDING 6.0
#define RADIUS  6.0

struct _BcOverview
{
  GtkWidget  parent_instance;

  BcCanvas  *canvas; /* the parent: not held */

  /* The card, the lanes and the dots, which change only with the layout,
   * the size and the theme: kept, so that a pan of a large case does not
   * draw thousands of dots each frame. Only the view's rectangle is
   * drawn each time. */
  cairo_surface_t *picture;
  guint            picture_generation;
  int              picture_width, picture_height, picture_scale;
  BcColor          picture_foreground, picture_background;
};

G_DEFINE_FINAL_TYPE (BcOverview, bc_overview, GTK_TYPE_WIDGET)

/* Auxiliary functions */

/* How layout coordinates map into the overview: the case's content,
 * scaled to fit inside the padding and centred. */
static gboolean
get_map (BcOverview *self,
         BcRect     *content,
         double     *scale,
         double     *x0,
         double     *y0)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  BcLayout *layout = _bc_canvas_get_layout (self->canvas);

  if (layout == NULL || width <= 2 * PADDING || height <= 2 * PADDING)
    return FALSE;
  *content = _bc_canvas_get_content_rect (self->canvas);
  if (content->width <= 0 || content->height <= 0)
    return FALSE;
  *scale = MIN ((width - 2 * PADDING) / content->width, (height - 2 * PADDING) / content->height);
  *x0 = (width - content->width * *scale) / 2 - content->x * *scale;
  *y0 = (height - content->height * *scale) / 2 - content->y * *scale;
  return TRUE;
}

static void
set_color (cairo_t       *cr,
           const BcColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
paint_picture (BcOverview           *self,
               cairo_t              *cr,
               BcLayout             *layout,
               const BcOverlayStyle *style,
               int                   width,
               int                   height,
               double                scale,
               double                x0,
               double                y0)
{
  /* A card over the diagram. */
  rounded_rect (cr, 0.5, 0.5, width - 1, height - 1, RADIUS);
  set_color (cr, &style->background, 0.95);
  cairo_fill_preserve (cr);
  set_color (cr, &style->foreground, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_save (cr);
  rounded_rect (cr, 1, 1, width - 2, height - 2, RADIUS);
  cairo_clip (cr);

  /* The lanes as bands, every other one tinted. */
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const BcRect *r = &g_array_index (layout->lanes, BcLayoutLane, i).rect;

      set_color (cr, &style->foreground, i % 2 == 0 ? 0.10 : 0.04);
      cairo_rectangle (cr, x0 + r->x * scale, y0 + r->y * scale, r->width * scale, r->height * scale);
      cairo_fill (cr);
    }

  /* The events as dots. */
  for (guint i = 0; i < layout->events->len; i++)
    {
      const BcLayoutEvent *e = &g_array_index (layout->events, BcLayoutEvent, i);
      double cx = x0 + (e->node.x + e->node.width / 2) * scale;
      double cy = y0 + (e->node.y + e->node.height / 2) * scale;

      set_color (cr, &style->foreground, e->faded ? 0.3 : 0.75);
      cairo_arc (cr, cx, cy, 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static gboolean
same_color (const BcColor *a,
            const BcColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

static void
move_view_by (BcOverview *self,
              double      fx,
              double      fy)
{
  BcCanvas *canvas = self->canvas;
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));

  _bc_canvas_centre_on (canvas,
                        canvas->offset_x + width / 2.0 / canvas->zoom + fx * width / canvas->zoom,
                        canvas->offset_y + height / 2.0 / canvas->zoom + fy * height / canvas->zoom);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *args)
{
  BcOverview *self = BC_OVERVIEW (widget);
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  move_view_by (self, dx / 8.0, dy / 8.0);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *args)
{
  BcOverview *self = BC_OVERVIEW (widget);
  BcCanvas *canvas = self->canvas;
  BcRect content = _bc_canvas_get_content_rect (canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  double half = width / 2.0 / canvas->zoom;
  double cy = canvas->offset_y + gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0 / canvas->zoom;

  if (g_variant_get_boolean (args))
    _bc_canvas_centre_on (canvas, content.x + content.width - half, cy);
  else
    _bc_canvas_centre_on (canvas, content.x + half, cy);
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            BcOverview     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  bc_overview_move_to (self, x, y);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             BcOverview     *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  bc_overview_move_to (self, x + dx, y + dy);
}

/* GObject */

static void
bc_overview_finalize (GObject *object)
{
  BcOverview *self = BC_OVERVIEW (object);

  g_clear_pointer (&self->picture, cairo_surface_destroy);

  G_OBJECT_CLASS (bc_overview_parent_class)->finalize (object);
}

static void
bc_overview_class_init (BcOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key, kp; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  gtk_widget_class_install_action (widget_class, "overview.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "overview.end", "b", end_action);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "overview.move", "(ii)",
                                           arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].kp, 0, "overview.move", "(ii)",
                                           arrows[i].dx, arrows[i].dy);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "overview.end", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "overview.end", "b", TRUE);

  object_class->finalize = bc_overview_finalize;

  gtk_widget_class_set_css_name (widget_class, "overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_overview_init (BcOverview *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Overview: click or drag to move the view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of the case"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Where the view is in the whole case. Click or drag to move the view; "
                                    "the arrow keys move it, Home and End go to the start and the end."),
                                  -1);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

/* Public API */

/**
 * bc_overview_new:
 * @canvas: the canvas it maps, and its parent
 *
 * Returns: (transfer floating): a new overview; the caller sets its
 *   parent to @canvas
 */
GtkWidget *
bc_overview_new (BcCanvas *canvas)
{
  BcOverview *self = g_object_new (BC_TYPE_OVERVIEW, NULL);

  self->canvas = canvas;
  return GTK_WIDGET (self);
}

/**
 * bc_overview_to_layout:
 * @self: an overview
 * @x: (in): a point of the overview, in its own pixels
 * @y: (in): the same
 * @lx: (out): the layout point it stands for
 * @ly: (out): the same
 *
 * Returns: whether there is a map to read the point on
 */
gboolean
bc_overview_to_layout (BcOverview *self,
                       double      x,
                       double      y,
                       double     *lx,
                       double     *ly)
{
  BcRect content;
  double scale, x0, y0;

  g_return_val_if_fail (BC_IS_OVERVIEW (self), FALSE);

  if (!get_map (self, &content, &scale, &x0, &y0))
    return FALSE;
  *lx = (x - x0) / scale;
  *ly = (y - y0) / scale;
  return TRUE;
}

/**
 * bc_overview_get_view_rect:
 * @self: an overview
 * @rect: (out): the rectangle of what the canvas shows, in the overview's
 *   pixels
 *
 * Returns: whether there is a map to draw it on
 */
gboolean
bc_overview_get_view_rect (BcOverview      *self,
                           graphene_rect_t *rect)
{
  BcCanvas *canvas;
  BcRect content;
  double scale, x0, y0;

  g_return_val_if_fail (BC_IS_OVERVIEW (self), FALSE);

  canvas = self->canvas;
  if (!get_map (self, &content, &scale, &x0, &y0))
    return FALSE;
  graphene_rect_init (rect, x0 + canvas->offset_x * scale, y0 + canvas->offset_y * scale,
                      gtk_widget_get_width (GTK_WIDGET (canvas)) / canvas->zoom * scale,
                      gtk_widget_get_height (GTK_WIDGET (canvas)) / canvas->zoom * scale);
  return TRUE;
}

/**
 * bc_overview_move_to:
 * @self: an overview
 * @x: a point of the overview, in its own pixels
 * @y: the same
 *
 * Brings the place of the case under (@x, @y) to the centre of the
 * canvas, as a click there does.
 */
void
bc_overview_move_to (BcOverview *self,
                     double      x,
                     double      y)
{
  double lx, ly;

  g_return_if_fail (BC_IS_OVERVIEW (self));

  if (bc_overview_to_layout (self, x, y, &lx, &ly))
    _bc_canvas_centre_on (self->canvas, lx, ly);
}

/**
 * bc_overview_paint:
 * @self: an overview
 * @snapshot: the canvas' snapshot, in the canvas' coordinates
 *
 * Paints the overview where it is allocated in the canvas.
 */
void
bc_overview_paint (BcOverview  *self,
                   GtkSnapshot *snapshot)
{
  BcLayout *layout = _bc_canvas_get_layout (self->canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t bounds, view;
  BcOverlayStyle style;
  BcRect content;
  double scale, x0, y0;
  int scale_factor;
  cairo_t *cr;

  g_return_if_fail (BC_IS_OVERVIEW (self));

  if (!gtk_widget_get_child_visible (GTK_WIDGET (self)) || layout == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self), GTK_WIDGET (self->canvas), &bounds) ||
      !get_map (self, &content, &scale, &x0, &y0))
    return;

  _bc_canvas_get_overlay_style (self->canvas, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, bounds.origin.x, bounds.origin.y);

  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (self->picture == NULL || self->picture_generation != self->canvas->layout_generation ||
      self->picture_width != width || self->picture_height != height ||
      self->picture_scale != scale_factor ||
      !same_color (&self->picture_foreground, &style.foreground) ||
      !same_color (&self->picture_background, &style.background))
    {
      cairo_t *picture_cr;

      g_clear_pointer (&self->picture, cairo_surface_destroy);
      self->picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                                  height * scale_factor);
      cairo_surface_set_device_scale (self->picture, scale_factor, scale_factor);
      picture_cr = cairo_create (self->picture);
      paint_picture (self, picture_cr, layout, &style, width, height, scale, x0, y0);
      cairo_destroy (picture_cr);
      self->picture_generation = self->canvas->layout_generation;
      self->picture_width = width;
      self->picture_height = height;
      self->picture_scale = scale_factor;
      self->picture_foreground = style.foreground;
      self->picture_background = style.background;
    }
  cairo_set_source_surface (cr, self->picture, 0, 0);
  cairo_paint (cr);

  cairo_save (cr);
  rounded_rect (cr, 1, 1, width - 2, height - 2, RADIUS);
  cairo_clip (cr);

  /* What the canvas shows. */
  if (bc_overview_get_view_rect (self, &view))
    {
      set_color (cr, &style.accent, 0.15);
      cairo_rectangle (cr, view.origin.x, view.origin.y, view.size.width, view.size.height);
      cairo_fill (cr);
      set_color (cr, &style.accent, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, view.origin.x, view.origin.y, view.size.width, view.size.height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      rounded_rect (cr, 1.5, 1.5, width - 3, height - 3, RADIUS);
      set_color (cr, &style.accent, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}
