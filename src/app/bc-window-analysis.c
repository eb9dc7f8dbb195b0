/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window-analysis"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-window-private.h"

/* The analysis pane, at the end of the canvas, the inspector after it.
 * A side pane rather than a tab beside the outline: a figure selects
 * the items behind it, and the point is to see them at once on the
 * canvas, in the outline and in the inspector, so the pane must not
 * hide any of them. A GtkPaned lets the analyst give it room; both are
 * in the window's template, since a box moved to a new parent after
 * its buttons were bound stops passing them its actions' state (the
 * story bar's Next Step stayed insensitive). */

static void
analysis_item_activated (BcAnalysisPane *pane,
                         BcItem         *item,
                         BcWindow       *self)
{
  bc_window_set_selected_item (self, item);
}

static void
toggle_analysis_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  GtkWidget *pane = GTK_WIDGET (self->analysis_pane);
  gboolean show;

  if (self->case_ == NULL)
    return;
  show = !gtk_widget_get_visible (pane);
  gtk_widget_set_visible (pane, show);
  if (show)
    gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
  else if (gtk_widget_get_focus_child (pane) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
_bc_window_analysis_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (BC_TYPE_ANALYSIS_PANE);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, analysis_pane);
  gtk_widget_class_install_action (widget_class, "win.toggle-analysis", NULL, toggle_analysis_action);
}

void
_bc_window_analysis_init (BcWindow *self)
{
  g_signal_connect (self->analysis_pane, "item-activated", G_CALLBACK (analysis_item_activated), self);
}

void
_bc_window_analysis_set_case (BcWindow *self,
                              BcCase   *case_)
{
  bc_analysis_pane_set_case (self->analysis_pane, case_);
}

BcAnalysisPane *
_bc_window_get_analysis_pane (BcWindow *self)
{
  return self->analysis_pane;
}
