/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-draw"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-draw.h"
#include "bc-render-private.h"

/* The calls every backend answers, and what is the same for all of them:
 * shapes made of other calls, measuring text, colours. */

void
bc_draw_free (BcDraw *self)
{
  if (self != NULL)
    self->klass->free (self);
}

void
bc_draw_move_to (BcDraw *self,
                 double  x,
                 double  y)
{
  self->klass->move_to (self, x, y);
}

void
bc_draw_line_to (BcDraw *self,
                 double  x,
                 double  y)
{
  self->klass->line_to (self, x, y);
}

void
bc_draw_curve_to (BcDraw *self,
                  double  x1,
                  double  y1,
                  double  x2,
                  double  y2,
                  double  x3,
                  double  y3)
{
  self->klass->curve_to (self, x1, y1, x2, y2, x3, y3);
}

/**
 * bc_draw_arc:
 *
 * Adds a circular arc from @angle1 to @angle2 (radians, increasing
 * clockwise on screen, as in cairo_arc()). A current point is joined to
 * the arc's start by a straight line.
 */
void
bc_draw_arc (BcDraw *self,
             double  xc,
             double  yc,
             double  radius,
             double  angle1,
             double  angle2)
{
  self->klass->arc (self, xc, yc, radius, angle1, angle2);
}

/**
 * bc_draw_circle:
 *
 * Adds a whole circle as a closed path of its own.
 */
void
bc_draw_circle (BcDraw *self,
                double  xc,
                double  yc,
                double  radius)
{
  bc_draw_move_to (self, xc + radius, yc);
  bc_draw_arc (self, xc, yc, radius, 0, 2 * G_PI);
  bc_draw_close_path (self);
}

void
bc_draw_rectangle (BcDraw *self,
                   double  x,
                   double  y,
                   double  width,
                   double  height)
{
  bc_draw_move_to (self, x, y);
  bc_draw_line_to (self, x + width, y);
  bc_draw_line_to (self, x + width, y + height);
  bc_draw_line_to (self, x, y + height);
  bc_draw_close_path (self);
}

void
bc_draw_close_path (BcDraw *self)
{
  self->klass->close_path (self);
}

/**
 * bc_draw_path:
 *
 * Fills and then strokes the path built so far, as @style says, and
 * starts a new one.
 */
void
bc_draw_path (BcDraw            *self,
              const BcDrawStyle *style)
{
  self->klass->draw_path (self, style);
}

void
bc_draw_text (BcDraw           *self,
              const BcDrawText *text)
{
  if (text->text == NULL || text->text[0] == '\0' || text->colour.alpha <= 0)
    return;
  self->klass->draw_text (self, text);
}

/**
 * bc_draw_text_size:
 *
 * The size of the box bc_draw_text() fills with @text, the same for every
 * backend: hinting is off wherever text is laid out.
 */
void
bc_draw_text_size (const char *font,
                   const char *text,
                   double      max_width,
                   int         max_lines,
                   double     *width,
                   double     *height)
{
  _bc_render_text_size (font, text, max_width, max_lines, width, height);
}

/**
 * bc_draw_begin_group:
 *
 * Opens a group that ends at the matching bc_draw_end_group(). The SVG
 * writes it as `<g id class>` with `<title>`; cairo draws it as one
 * layer when its opacity is less than 1.
 */
void
bc_draw_begin_group (BcDraw            *self,
                     const BcDrawGroup *group)
{
  self->klass->begin_group (self, group);
}

void
bc_draw_end_group (BcDraw *self)
{
  self->klass->end_group (self);
}

/**
 * bc_draw_push_transform:
 *
 * Until the matching bc_draw_pop_transform(), (0, 0) is at (@tx, @ty)
 * and the axes are turned by @angle (radians, clockwise on screen).
 */
void
bc_draw_push_transform (BcDraw *self,
                        double  tx,
                        double  ty,
                        double  angle)
{
  self->klass->push_transform (self, tx, ty, angle);
}

void
bc_draw_pop_transform (BcDraw *self)
{
  self->klass->pop_transform (self);
}

/* colours */

BcRgba
bc_rgba_from_hex (guint32 rgb,
                  double  alpha)
{
  return (BcRgba) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                    (rgb & 0xff) / 255.0, alpha };
}

BcRgba
bc_rgba_from_rgb (const double *rgb,
                  double        alpha)
{
  return (BcRgba) { rgb[0], rgb[1], rgb[2], alpha };
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * bc_rgba_luminance:
 *
 * Returns: the relative luminance of @colour as WCAG 2 defines it,
 *   ignoring its alpha
 */
double
bc_rgba_luminance (const BcRgba *colour)
{
  return 0.2126 * linear (colour->red) + 0.7152 * linear (colour->green) +
         0.0722 * linear (colour->blue);
}

/**
 * bc_rgba_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of two opaque colours, 1 to 21
 */
double
bc_rgba_contrast (const BcRgba *a,
                  const BcRgba *b)
{
  double la = bc_rgba_luminance (a), lb = bc_rgba_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * bc_rgba_over:
 *
 * Returns: @top blended over an opaque @bottom, as cairo blends them
 *   (in sRGB values)
 */
BcRgba
bc_rgba_over (const BcRgba *top,
              const BcRgba *bottom)
{
  double a = CLAMP (top->alpha, 0, 1);

  return (BcRgba) { top->red * a + bottom->red * (1 - a),
                    top->green * a + bottom->green * (1 - a),
                    top->blue * a + bottom->blue * (1 - a), 1 };
}
