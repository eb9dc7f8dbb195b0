/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/*
 * BcDraw: the small drawing interface the one painter draws through.
 *
 * A #BcDraw is a struct whose first member points to a table of
 * functions, #BcDrawClass, as Dia's renderer has its backends. Two
 * backends implement it:
 *
 * - bc_draw_cairo_new() draws on a cairo context: screen tiles, PNG,
 *   PDF and print;
 * - bc_draw_svg_new() writes an SVG document as text: every item a
 *   titled group, every label a <text> element.
 *
 * Coordinates are user units (the layout's). A shape is a path, built
 * with bc_draw_move_to(), bc_draw_line_to(), bc_draw_curve_to(),
 * bc_draw_arc(), bc_draw_rectangle() and bc_draw_close_path(), then
 * painted and cleared by bc_draw_path() with a #BcDrawStyle. Text is
 * drawn whole by bc_draw_text(), never as glyph outlines. Groups and
 * transformations nest and must be balanced.
 *
 * Write drawing code against the bc_draw_*() functions only: a backend
 * is free to batch, and what is drawn to the cairo context or written to
 * the document between two calls is not specified.
 */

typedef struct _BcDraw      BcDraw;
typedef struct _BcDrawClass BcDrawClass;

/**
 * BcRgba:
 *
 * A colour in sRGB, each channel 0 to 1; @alpha 0 is "none".
 */
typedef struct
{
  double red, green, blue, alpha;
} BcRgba;

/**
 * BcDrawStyle:
 * @fill: the colour inside the path; alpha 0 does not fill
 * @stroke: the colour of the outline; alpha 0 does not stroke
 * @line_width: the outline's width
 * @dashes: (nullable): on and off lengths, %NULL for a solid line
 * @n_dashes: how many lengths @dashes holds
 * @round: round joins and caps rather than mitred joins and butt caps
 *
 * How bc_draw_path() paints: fill first, then the outline over it.
 */
typedef struct
{
  BcRgba        fill;
  BcRgba        stroke;
  double        line_width;
  const double *dashes;
  guint         n_dashes;
  gboolean      round;
} BcDrawStyle;

/**
 * BcDrawLink:
 * @start: the first byte of the linked part of the text
 * @end: the byte past its last
 * @href: where it leads (an URL)
 */
typedef struct
{
  gsize       start;
  gsize       end;
  const char *href;
} BcDrawLink;

/**
 * BcDrawText:
 * @font: a Pango font description ("Sans Bold 9"); sizes are points at
 *   96 dots per inch, as the layout measures them
 * @text: UTF-8; each '\n' starts a line
 * @x: the left of the text's box
 * @y: the top of the text's box (of its first line)
 * @max_width: more than 0: wider lines are wrapped (with @max_lines
 *   more than 1) or shortened with an ellipsis; 0 or less: drawn whole
 * @max_lines: with @max_width, how many lines a paragraph may wrap into
 *   before it is shortened; 0 or 1 for one line a paragraph
 * @colour: the colour of the glyphs
 * @halo: alpha more than 0: an outline in this colour under the glyphs,
 *   so that text stays legible over lines (the background colour)
 * @links: (nullable) (array length=n_links): parts of @text that link
 *   to an address, in order and not overlapping
 * @n_links: how many @links there are
 *
 * A block of text. Right-to-left paragraphs are laid out as Pango lays
 * them out: they read from the right of the box.
 */
typedef struct
{
  const char       *font;
  const char       *text;
  double            x;
  double            y;
  double            max_width;
  int               max_lines;
  BcRgba            colour;
  BcRgba            halo;
  const BcDrawLink *links;
  guint             n_links;
} BcDrawText;

/**
 * BcDrawGroup:
 * @id: (nullable): a name for the group, unique in the drawing
 *   ("event-oslo-1"); a backend that keeps names makes a repeated one
 *   unique
 * @classes: (nullable): space-separated names of what it is, for style
 *   sheets and scripts ("event track-2 meeting")
 * @title: (nullable): what it is in words, shown on hover and read by
 *   screen readers
 * @opacity: 0 to 1; the group is drawn as one and then blended at this
 *   opacity (1 for opaque)
 */
typedef struct
{
  const char *id;
  const char *classes;
  const char *title;
  double      opacity;
} BcDrawGroup;

/**
 * BcDrawClass:
 *
 * What a backend implements. Paths follow cairo's rules: bc_draw_arc()
 * joins the current point, if any, to its start with a straight line;
 * bc_draw_path() paints the path and clears it.
 */
struct _BcDrawClass
{
  void (*move_to)        (BcDraw            *self,
                          double             x,
                          double             y);
  void (*line_to)        (BcDraw            *self,
                          double             x,
                          double             y);
  void (*curve_to)       (BcDraw            *self,
                          double             x1,
                          double             y1,
                          double             x2,
                          double             y2,
                          double             x3,
                          double             y3);
  void (*arc)            (BcDraw            *self,
                          double             xc,
                          double             yc,
                          double             radius,
                          double             angle1,
                          double             angle2);
  void (*close_path)     (BcDraw            *self);
  void (*draw_path)      (BcDraw            *self,
                          const BcDrawStyle *style);
  void (*draw_text)      (BcDraw            *self,
                          const BcDrawText  *text);
  void (*begin_group)    (BcDraw            *self,
                          const BcDrawGroup *group);
  void (*end_group)      (BcDraw            *self);
  void (*push_transform) (BcDraw            *self,
                          double             tx,
                          double             ty,
                          double             angle);
  void (*pop_transform)  (BcDraw            *self);
  void (*free)           (BcDraw            *self);
};

/**
 * BcDraw:
 * @klass: the backend's functions
 * @keeps_names: the backend keeps the ids, classes and titles of groups
 *   (the SVG); when %FALSE a caller may leave them out and save the work
 *   of making them
 */
struct _BcDraw
{
  const BcDrawClass *klass;
  gboolean           keeps_names;
};

/* Backends. */
BcDraw  *bc_draw_cairo_new        (cairo_t           *cr);
BcDraw  *bc_draw_svg_new          (double             width,
                                   double             height,
                                   const char        *title,
                                   const char        *description);
GBytes  *bc_draw_svg_finish       (BcDraw            *self);
void     bc_draw_free             (BcDraw            *self);

/* Paths. */
void     bc_draw_move_to          (BcDraw            *self,
                                   double             x,
                                   double             y);
void     bc_draw_line_to          (BcDraw            *self,
                                   double             x,
                                   double             y);
void     bc_draw_curve_to         (BcDraw            *self,
                                   double             x1,
                                   double             y1,
                                   double             x2,
                                   double             y2,
                                   double             x3,
                                   double             y3);
void     bc_draw_arc              (BcDraw            *self,
                                   double             xc,
                                   double             yc,
                                   double             radius,
                                   double             angle1,
                                   double             angle2);
void     bc_draw_circle           (BcDraw            *self,
                                   double             xc,
                                   double             yc,
                                   double             radius);
void     bc_draw_rectangle        (BcDraw            *self,
                                   double             x,
                                   double             y,
                                   double             width,
                                   double             height);
void     bc_draw_close_path       (BcDraw            *self);
void     bc_draw_path             (BcDraw            *self,
                                   const BcDrawStyle *style);

/* Text, groups and transformations. */
void     bc_draw_text             (BcDraw            *self,
                                   const BcDrawText  *text);
void     bc_draw_text_size        (const char        *font,
                                   const char        *text,
                                   double             max_width,
                                   int                max_lines,
                                   double            *width,
                                   double            *height);
void     bc_draw_begin_group      (BcDraw            *self,
                                   const BcDrawGroup *group);
void     bc_draw_end_group        (BcDraw            *self);
void     bc_draw_push_transform   (BcDraw            *self,
                                   double             tx,
                                   double             ty,
                                   double             angle);
void     bc_draw_pop_transform    (BcDraw            *self);

/* Colours. */
BcRgba   bc_rgba_from_hex         (guint32            rgb,
                                   double             alpha);
BcRgba   bc_rgba_from_rgb         (const double      *rgb,
                                   double             alpha);
double   bc_rgba_luminance        (const BcRgba      *colour);
double   bc_rgba_contrast         (const BcRgba      *a,
                                   const BcRgba      *b);
BcRgba   bc_rgba_over             (const BcRgba      *top,
                                   const BcRgba      *bottom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcDraw, bc_draw_free)

G_END_DECLS
