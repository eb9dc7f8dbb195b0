/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window-story"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-canvas-private.h"
#include "bc-compat.h"
#include "bc-edit.h"
#include "bc-story-export.h"
#include "bc-window-private.h"

/* The window's side of a case's story: Play walks the story when the
 * case has one, the player's step selects its focus, an author adds a
 * step from the current view, and the story exports as a PDF. */

/* Auxiliary functions */

/* The date a step made from the view shows: the view's "as known on"
 * date, else the selected event's, else the end of the case. */
static BcDate
view_date (BcWindow *self)
{
  BcDate date = bc_view_state_get_known_on (self->view_state);
  guint32 first, last;

  if (bc_date_is_set (date))
    return date;
  if (BC_IS_EVENT (self->selected_item))
    return bc_event_get_date (BC_EVENT (self->selected_item));
  if (bc_case_get_time_span (self->case_, &first, &last))
    return bc_date_from_julian (last, BC_DATE_PRECISION_DAY);
  return BC_DATE_UNSET;
}

/* Callbacks */

static void
timeline_playing_changed (BcTimeline *timeline,
                          GParamSpec *pspec,
                          BcWindow   *self)
{
  /* Play tells the case's story when it has one. */
  if (!bc_timeline_get_playing (timeline) || self->case_ == NULL || !bc_case_has_story (self->case_))
    return;
  bc_timeline_set_playing (timeline, FALSE);
  bc_story_bar_start (self->story_bar, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->story_bar));
}

static void
story_focus_changed (BcStoryBar *bar,
                     GParamSpec *pspec,
                     BcWindow   *self)
{
  g_autofree char *focus = bc_story_bar_dup_focus (bar);

  /* Every item of the step stays in light; the first is selected, for
   * the inspector to tell about it. */
  _bc_canvas_set_story_focus (self->canvas, bc_story_bar_get_active (bar) ? focus : NULL);
  if (bc_story_bar_get_active (bar))
    bc_window_set_selected_item (self, bc_story_bar_get_focus_item (bar));
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *focus[2] = { NULL, NULL };
  int position = -1;
  BcStoryStep *step;

  if (self->case_ == NULL)
    return;

  if (BC_IS_EVENT (self->selected_item) || BC_IS_ACTOR (self->selected_item) ||
      BC_IS_TRANSFER (self->selected_item))
    focus[0] = bc_item_get_id (self->selected_item);
  if (bc_story_bar_get_active (self->story_bar))
    position = bc_story_bar_get_position (self->story_bar) + 1;

  step = bc_edit_add_step (self->case_, position, view_date (self), focus[0] ? focus : NULL,
                           _("New step: say what this view shows, and cite its sources."), &error);
  if (step == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (!bc_story_bar_get_active (self->story_bar))
    {
      guint found = 0;

      g_list_store_find (G_LIST_STORE (bc_case_get_story (self->case_)), step, &found);
      bc_story_bar_start (self->story_bar, found);
    }
  _bc_story_bar_edit_caption (self->story_bar);
}

static void
export_chosen (GFile    *file,
               gpointer  user_data)
{
  g_autoptr(BcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  BcExportOptions options;

  if (file == NULL || self->case_ == NULL)
    return;

  bc_export_options_init (&options);
  bc_view_state_get_layout_options (self->view_state, &options.layout);
  options.layout.frame = TRUE;
  if (!bc_story_export_to_file (self->case_, file, &options, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Story exported")));
}

static void
export_story_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (self->case_ == NULL)
    return;
  if (!bc_case_has_story (self->case_))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This case has no story yet: add a step from the view first")));
      return;
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  name = g_strdup_printf ("%s-story.pdf", bc_case_get_id (self->case_) ? bc_case_get_id (self->case_) : "case");
  bc_compat_choose_save_file (GTK_WINDOW (self), _("Export Story"), NULL, name, filter,
                              export_chosen, g_object_ref (self));
}

/* Internal API */

void
_bc_window_story_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (BC_TYPE_STORY_BAR);
  gtk_widget_class_install_action (widget_class, "win.story-add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "win.export-story", NULL, export_story_action);
}

void
_bc_window_story_init (BcWindow *self)
{
  bc_story_bar_set_view_state (self->story_bar, self->view_state);
  g_signal_connect (self->timeline, "notify::playing", G_CALLBACK (timeline_playing_changed), self);
  g_signal_connect (self->story_bar, "notify::focus-item", G_CALLBACK (story_focus_changed), self);
  g_signal_connect (self->story_bar, "notify::active", G_CALLBACK (story_focus_changed), self);
}

/* A new case in the window: the story of the last one stops. */
void
_bc_window_story_set_case (BcWindow *self,
                           BcCase   *case_)
{
  bc_story_bar_stop (self->story_bar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.story-add-step", case_ != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-story", case_ != NULL);
}
