/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window-analysis"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-window-private.h"

/* The analysis pane, at the end of the canvas, the inspector after it.
 * A side pane rather than a tab beside the outline: a figure selects
 * the items behind it, and the point is to see them at once on the
 * canvas, in the outline and in the inspector, so the pane must not
 * hide any of them. A GtkPaned lets the analyst give it room. */

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
  gtk_widget_class_install_action (widget_class, "win.toggle-analysis", NULL, toggle_analysis_action);
}

void
_bc_window_analysis_init (BcWindow *self)
{
  GtkWidget *content = GTK_WIDGET (self->canvas_box);
  GtkPaned *paned = GTK_PANED (gtk_paned_new (GTK_ORIENTATION_HORIZONTAL));

  /* The canvas and the timeline keep their place in the template; the
   * pane goes beside them. */
  g_object_ref (content);
  adw_flap_set_content (self->inspector_flap, GTK_WIDGET (paned));
  gtk_paned_set_start_child (paned, content);
  gtk_paned_set_resize_start_child (paned, TRUE);
  gtk_paned_set_shrink_start_child (paned, FALSE);
  g_object_unref (content);

  self->analysis_pane = BC_ANALYSIS_PANE (bc_analysis_pane_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->analysis_pane), 340, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->analysis_pane), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->analysis_pane), "background");
  gtk_paned_set_end_child (paned, GTK_WIDGET (self->analysis_pane));
  gtk_paned_set_resize_end_child (paned, FALSE);
  gtk_paned_set_shrink_end_child (paned, FALSE);
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
