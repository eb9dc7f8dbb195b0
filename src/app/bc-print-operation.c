/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-painter.h"
#include "bc-print-operation.h"

/* Prints the diagram on one page, through the same painter as the
 * screen and the exports, in the light theme whatever the desktop's. */

struct _BcPrintOperation
{
  GtkPrintOperation  parent_instance;

  BcCase            *case_;
  BcLayout          *layout;
};

G_DEFINE_FINAL_TYPE (BcPrintOperation, bc_print_operation, GTK_TYPE_PRINT_OPERATION)

/* GObject */

static void
bc_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* The whole diagram, as large as the printable area allows, its aspect
 * kept, centred. */
static void
bc_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  BcPrintOperation *self = BC_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  BcPaintOptions paint;
  double scale;

  if (self->layout->width <= 0 || self->layout->height <= 0 || width <= 0 || height <= 0)
    return;

  scale = MIN (width / self->layout->width, height / self->layout->height);

  cairo_save (cr);
  cairo_translate (cr, (width - self->layout->width * scale) / 2,
                   (height - self->layout->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  bc_paint_options_init (&paint);
  paint.theme = BC_THEME_LIGHT;
  /* The paper is the background: no ink for it. */
  paint.background = FALSE;
  bc_painter_paint (self->layout, cr, NULL, &paint);
  cairo_restore (cr);
}

static void
bc_print_operation_dispose (GObject *object)
{
  BcPrintOperation *self = BC_PRINT_OPERATION (object);

  g_clear_pointer (&self->layout, bc_layout_free);
  g_clear_object (&self->case_);

  G_OBJECT_CLASS (bc_print_operation_parent_class)->dispose (object);
}

static void
bc_print_operation_class_init (BcPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = bc_print_operation_dispose;
  operation_class->begin_print = bc_print_operation_begin_print;
  operation_class->draw_page = bc_print_operation_draw_page;
}

static void
bc_print_operation_init (BcPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
}

/* Public API */

/**
 * bc_print_operation_new:
 * @case_: the case to print
 * @options: what to show, as from bc_canvas_get_layout_options()
 *
 * Returns: (transfer full): an operation that prints @case_ on one page,
 *   in landscape when the diagram is wider than it is tall
 */
BcPrintOperation *
bc_print_operation_new (BcCase                *case_,
                        const BcLayoutOptions *options)
{
  BcPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  g_return_val_if_fail (BC_IS_CASE (case_), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (BC_TYPE_PRINT_OPERATION, NULL);
  self->case_ = g_object_ref (case_);
  self->layout = bc_layout_new (case_, options);

  gtk_page_setup_set_orientation (setup, self->layout->width > self->layout->height
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), bc_case_get_title (case_));
  return self;
}
