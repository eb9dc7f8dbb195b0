/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-bundled.h"
#include "bc-document.h"
#include "bc-canvas.h"
#include "bc-compare-window.h"
#include "bc-compat.h"
#include "bc-editing.h"
#include "bc-history.h"
#include "bc-export-dialog.h"
#include "bc-import-dialog.h"
#include "bc-inspector.h"
#include "bc-outline.h"
#include "bc-preferences-window.h"
#include "bc-print-operation.h"
#include "bc-reader.h"
#include "bc-recovery.h"
#include "bc-timeline.h"
#include "bc-view-state.h"
#include "bc-window-private.h"
#include "bc-writer.h"

/* The actions of a window: search, panes, views, zoom, the timeline,
 * export and print, undo, new items, new and duplicated cases. */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ == NULL)
    return;

  gtk_toggle_button_set_active (self->outline_button, TRUE);
  bc_outline_focus_search (self->outline);
}

static void
toggle_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ != NULL)
    gtk_toggle_button_set_active (self->outline_button,
                                  !gtk_toggle_button_get_active (self->outline_button));
}

static void
toggle_inspector_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ != NULL)
    gtk_toggle_button_set_active (self->inspector_button,
                                  !gtk_toggle_button_get_active (self->inspector_button));
}

/* The canvas is the one place the view is kept: the header's buttons and
 * the menu's items follow it, however it changed. */
static void
canvas_view_changed (BcCanvas   *canvas,
                     GParamSpec *pspec,
                     BcWindow   *self)
{
  gboolean wheel = bc_canvas_get_view (canvas) == BC_VIEW_WHEEL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");

  gtk_toggle_button_set_active (wheel ? self->wheel_button : self->lanes_button, TRUE);
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (wheel ? "wheel" : "lanes"));
}

static void
canvas_time_scale_changed (BcCanvas   *canvas,
                           GParamSpec *pspec,
                           BcWindow   *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "time-scale");

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_string (bc_time_scale_to_nick (bc_canvas_get_time_scale (canvas))));
}

static void
change_view_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  BcWindow *self = user_data;

  bc_canvas_set_view (self->canvas,
                      g_str_equal (g_variant_get_string (state, NULL), "wheel") ? BC_VIEW_WHEEL : BC_VIEW_LANES);
}

static void
change_time_scale_state (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  BcWindow *self = user_data;
  BcTimeScale scale;

  if (bc_time_scale_from_nick (g_variant_get_string (state, NULL), &scale))
    bc_canvas_set_time_scale (self->canvas, scale);
}

static void
picture_exported (BcExportDialog *dialog,
                  GFile          *file,
                  BcWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
export_dialog_destroyed (GtkWindow *dialog,
                         BcWindow  *self)
{
  if (self->export_dialog == dialog)
    self->export_dialog = NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  BcLayoutOptions options;
  BcExportDialog *dialog;

  if (self->case_ == NULL)
    return;

  if (self->export_dialog != NULL)
    {
      gtk_window_present (self->export_dialog);
      return;
    }

  bc_view_state_get_layout_options (self->view_state, &options);
  dialog = bc_export_dialog_new (GTK_WINDOW (self), self->case_, self->file, &options);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (picture_exported), self, 0);
  /* Destroyed, not finalized: a file chooser may still hold it. */
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (export_dialog_destroyed), self, 0);
  self->export_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import dialog pointer: cleared on destroy like the export dialog's,
 * not on finalize, since a file chooser or a worker may still hold it. */
static void
import_dialog_destroyed (GtkWindow *dialog,
                         BcWindow  *self)
{
  if (self->import_dialog == dialog)
    self->import_dialog = NULL;
}

static void
imported (BcImportDialog *dialog,
          const char     *message,
          BcWindow       *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * _bc_window_import:
 * @self: the window
 * @file: (nullable): what to import, or %NULL to choose in the dialog
 *
 * Opens the import dialog on the window's case, starting a new case
 * when the window shows none.
 */
void
_bc_window_import (BcWindow *self,
                   GFile    *file)
{
  BcImportDialog *dialog;

  if (self->case_ == NULL)
    bc_window_new_case (self);
  if (self->case_ == NULL)
    return;

  dialog = bc_import_dialog_new (GTK_WINDOW (self), self->case_);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (import_dialog_destroyed), self, 0);
  self->import_dialog = GTK_WINDOW (dialog);
  if (file != NULL)
    bc_import_dialog_set_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
_bc_window_get_import_dialog (BcWindow *self)
{
  return self->import_dialog;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _bc_window_import (BC_WINDOW (widget), NULL);
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            BcWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = NULL;

      gtk_print_operation_get_error (operation, &error);
      title = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : _("unknown error"));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }

  if (operation == self->print_operation)
    g_clear_object (&self->print_operation);
}

/* Another case beside this one, in a window of its own: its measures in
 * the same table and its lanes on the same relative time. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ == NULL)
    return;
  gtk_window_present (GTK_WINDOW (bc_compare_window_new (GTK_WINDOW (self), self->case_)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  BcLayoutOptions options;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->case_ == NULL || self->print_operation != NULL)
    return;

  /* A printout is an export: it has the title block and the legend. */
  bc_view_state_get_layout_options (self->view_state, &options);
  self->print_operation = GTK_PRINT_OPERATION (bc_print_operation_new (self->case_, &options));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (self->print_operation, self->print_settings);
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (print_done), self, 0);

  result = gtk_print_operation_run (self->print_operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *title = g_strdup_printf (_("Could not print: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      g_clear_object (&self->print_operation);
    }
}

static void
timeline_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ == NULL)
    return;

  if (g_str_equal (action_name, "win.timeline-play"))
    bc_timeline_set_playing (self->timeline, !bc_timeline_get_playing (self->timeline));
  else
    bc_timeline_reset (self->timeline);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ == NULL)
    return;

  /* The window's shortcuts reach the canvas wherever the focus is. */
  {
    g_autofree char *name = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);

    gtk_widget_activate_action (GTK_WIDGET (self->canvas), name, NULL);
  }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->history == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    bc_history_undo (self->history);
  else
    bc_history_redo (self->history);
}

static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gpointer item;

  if (self->case_ == NULL)
    return;

  if (g_str_equal (action_name, "win.new-event"))
    {
      BcDate date = bc_case_get_period_start (self->case_);

      if (!bc_date_is_set (date))
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          date = (BcDate) { g_date_time_get_year (now), g_date_time_get_month (now),
                            g_date_time_get_day_of_month (now) };
        }
      item = bc_edit_add_event (self->case_, BC_TRACK_1, date, &error);
    }
  else if (g_str_equal (action_name, "win.new-actor"))
    item = bc_edit_add_actor (self->case_, BC_TRACK_1, &error);
  else
    item = bc_edit_add_source (self->case_, BC_SOURCE_BOOK, NULL, &error);

  if (item == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  bc_window_set_selected_item (self, item);
}

/* An independent copy of @case_ as it is now, unsaved edits included. */
static BcCase *
copy_case (BcCase  *case_,
           GError **error)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (case_);

  return bc_case_read_bytes (bytes, bc_case_get_title (case_), NULL, error);
}

BcWindow *
_bc_window_duplicate_case (BcWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) copy = NULL;
  BcWindow *window;

  if (self->case_ == NULL)
    return NULL;

  copy = copy_case (self->case_, &error);
  if (copy == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return NULL;
    }

  window = bc_window_new (BC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  _bc_window_show_case (window, copy, NULL, self->file != NULL ? self->file : bc_document_get_copy_of (self->document),
             _bc_window_is_modified (self));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _bc_window_duplicate_case (BC_WINDOW (widget));
}

BcWindow *
_bc_window_make_new_case (BcWindow *self)
{
  BcWindow *window = _bc_window_for_new_case (self);

  bc_window_new_case (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _bc_window_make_new_case (BC_WINDOW (widget));
}

/* Registration */

void
_bc_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-outline", NULL, toggle_outline_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-play", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-reset", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-actor", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-source", NULL, new_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
}

void
_bc_window_actions_init (BcWindow *self)
{
  static const GActionEntry view_actions[] = {
    { "view", NULL, "s", "'lanes'", change_view_state },
    { "time-scale", NULL, "s", "'balanced'", change_time_scale_state },
  };

  /* Radio items in the menu want stateful actions, which a widget class
   * cannot install on GTK 4.8 without a property per choice. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), view_actions, G_N_ELEMENTS (view_actions), self);
  g_signal_connect (self->canvas, "notify::view", G_CALLBACK (canvas_view_changed), self);
  g_signal_connect (self->canvas, "notify::time-scale", G_CALLBACK (canvas_time_scale_changed), self);

  /* The reading pane is shown or hidden, a check item in the menu. */
  {
    g_autoptr(GPropertyAction) reading = g_property_action_new ("reading", self->reading_view, "visible");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (reading));
  }

  /* The overview in the canvas' corner, a check item in the menu. */
  {
    g_autoptr(GPropertyAction) overview = g_property_action_new ("show-overview", self->canvas,
                                                                 "show-overview");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (overview));
  }
}

/* The View menu's options of the view state: whose paths are drawn
 * (radio items), focus on the selection, and the title block and legend
 * on screen (check items). They are kept in the settings, when the
 * application has them, like the window's size. */
void
_bc_window_view_actions_init (BcWindow *self)
{
  static const struct
  {
    const char *action;
    const char *property;
    const char *key;
  } options[] = {
    { "actor-paths", "actor-paths", "actor-paths" },
    { "focus-selection", "focus-selection", NULL },
    { "show-frame", "frame", "show-title-and-legend" },
  };
  g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (options[i].action, self->view_state,
                                                                 options[i].property);

      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
      if (settings != NULL && options[i].key != NULL)
        g_settings_bind (settings, options[i].key, self->view_state, options[i].property,
                         G_SETTINGS_BIND_DEFAULT);
    }
}
