/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-bundled.h"
#include "bc-document.h"
#include "bc-canvas.h"
#include "bc-compat.h"
#include "bc-editing.h"
#include "bc-history.h"
#include "bc-export-dialog.h"
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

/* A window's document flows that ask the user: save, save as, overwrite
 * what changed on disk, revert, reload, and close with unsaved changes. */

/* The question the window asks, for the test hooks. */
static void
set_dialog (BcWindow  *self,
            GtkWidget *dialog)
{
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
}

static gboolean
write_case (BcWindow  *self,
            GFile     *file,
            GError   **error)
{
  gboolean new_file = self->file == NULL || !g_file_equal (file, self->file);

  if (!bc_document_save_to (self->document, file, error))
    return FALSE;

  if (new_file)
    {
      g_autofree char *uri = g_file_get_uri (file);

      gtk_recent_manager_add_item (self->recent_manager, uri);
    }
  _bc_window_update_edit_state (self);
  return TRUE;
}

static void
show_save_error (BcWindow *self,
                 GError   *error)
{
  g_autofree char *title = g_strdup_printf (_("Could not save: %s"), error->message);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* What to do once a save has been tried: @saved says whether it was
 * written, or failed or was cancelled. */
typedef void (*SavedFunc) (BcWindow *self,
                           gboolean  saved);

typedef struct
{
  BcWindow  *self;
  SavedFunc  then;
} SaveData;

static void
save_as_chosen (GFile    *file,
                gpointer  user_data)
{
  SaveData *data = user_data;
  BcWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  if (file != NULL && self->case_ != NULL)
    {
      if (bc_bundled_contains (file))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("The example cases are read-only: choose another name")));
      else if (!write_case (self, file, &error))
        show_save_error (self, error);
      else
        saved = TRUE;
    }

  if (data->then != NULL)
    data->then (self, saved);

  g_object_unref (self);
  g_free (data);
}

static void
run_save_as (BcWindow  *self,
             SavedFunc  then)
{
  SaveData *data = g_new0 (SaveData, 1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GFile *named = self->file != NULL ? self->file : bc_document_get_copy_of (self->document);

  data->self = g_object_ref (self);
  data->then = then;

  /* A widget test answers the file chooser itself. */
  if (self->test_save_as != NULL)
    {
      g_autoptr(GFile) answer = g_steal_pointer (&self->test_save_as);

      save_as_chosen (answer, data);
      return;
    }

  gtk_file_filter_set_name (filter, _("Backchannel cases"));
  gtk_file_filter_add_pattern (filter, "*.bcase");
  gtk_file_filter_add_mime_type (filter, "application/x-backchannel-case");

  if (named != NULL)
    {
      name = g_file_get_basename (named);
      if (!bc_document_get_read_only (self->document) && named == self->file)
        folder = g_file_get_parent (self->file);
    }
  else
    name = g_strdup_printf ("%s.bcase", bc_case_get_id (self->case_) ?: _("Untitled"));

  bc_compat_choose_save_file (GTK_WINDOW (self), _("Save Case As"), folder, name, filter,
                              save_as_chosen, data);
}

typedef struct
{
  BcWindow  *self;
  SavedFunc  then;
} OverwriteData;

static void
overwrite_response (AdwMessageDialog *dialog,
                    const char       *response,
                    OverwriteData    *data)
{
  BcWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean saved = FALSE;

  if (g_str_equal (response, "overwrite") && self->case_ != NULL && self->file != NULL)
    {
      if (write_case (self, self->file, &error))
        saved = TRUE;
      else
        show_save_error (self, error);
    }

  if (data->then != NULL)
    data->then (self, saved);
}

static void
overwrite_data_free (gpointer  data,
                     GClosure *closure)
{
  OverwriteData *od = data;

  g_object_unref (od->self);
  g_free (od);
}

/* Saves where the case came from, unless it is a read-only example, an
 * untitled case, or another program changed the file: then the user
 * decides. */
static void
save_then (BcWindow  *self,
           SavedFunc  then)
{
  g_autoptr(GError) error = NULL;

  if (self->case_ == NULL)
    {
      if (then != NULL)
        then (self, FALSE);
      return;
    }

  if (self->file == NULL || bc_document_get_read_only (self->document))
    {
      run_save_as (self, then);
      return;
    }

  if (bc_document_get_changed_on_disk (self->document))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite Changes on Disk?"),
                                                  _("Another program changed the file since it was opened. "
                                                    "Saving replaces its changes with this case."));
      OverwriteData *data = g_new0 (OverwriteData, 1);

      data->self = g_object_ref (self);
      data->then = then;
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_data (dialog, "response", G_CALLBACK (overwrite_response), data,
                             overwrite_data_free, 0);
      set_dialog (self, dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (!write_case (self, self->file, &error))
    {
      show_save_error (self, error);
      if (then != NULL)
        then (self, FALSE);
    }
  else if (then != NULL)
    then (self, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save_then (BC_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (self->case_ != NULL)
    run_save_as (self, NULL);
}

static void
reload (BcWindow *self)
{
  g_autoptr(GFile) file = self->file ? g_object_ref (self->file) : NULL;

  if (file != NULL)
    bc_window_open (self, file);
}

static void
revert_response (AdwMessageDialog *dialog,
                 const char       *response,
                 BcWindow         *self)
{
  if (g_str_equal (response, "revert"))
    reload (self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);
  GtkWidget *dialog;

  if (self->case_ == NULL || self->file == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Revert Unsaved Changes?"),
                                   _("The case goes back to the file as it is on disk. "
                                     "The changes since the last save are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revert",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (revert_response), self, 0);
  set_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reloading drops unsaved edits, so it asks when there are some. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BcWindow *self = BC_WINDOW (widget);

  if (_bc_window_is_modified (self))
    revert_action (widget, "win.revert", NULL);
  else
    reload (self);
}

/* Closing */

void
_bc_window_finish_close_task (BcWindow *self,
                   gboolean  closed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  if (task == NULL)
    return;
  if (closed)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The user kept the window open");
}

static void
close_after_save (BcWindow *self,
                  gboolean  saved)
{
  if (!saved)
    {
      _bc_window_finish_close_task (self, FALSE);
      return;
    }

  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                BcWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* The user chose to lose the edits: the autosaved copy goes too. */
      bc_document_discard_recovery (self->document);
      self->discard_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    save_then (self, close_after_save);
  else
    _bc_window_finish_close_task (self, FALSE);
}

gboolean
_bc_window_close_request (GtkWindow *window)
{
  BcWindow *self = BC_WINDOW (window);

  if (!self->discard_confirmed && _bc_window_is_modified (self))
    {
      g_autofree char *body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."),
                                               bc_case_get_title (self->case_));
      GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response), self, 0);
      set_dialog (self, dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Nothing is left unsaved: nothing to recover either. */
  bc_document_discard_recovery (self->document);
  _bc_window_finish_close_task (self, TRUE);
  return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))->close_request (window);
}

/**
 * bc_window_close_async:
 * @self: a window
 * @cancellable: (nullable): not used yet
 * @callback: called when the window closed or the user kept it
 * @user_data: for @callback
 *
 * Closes @self as its close button does: with unsaved changes, the user
 * chooses to save, discard or cancel first.
 */
void
bc_window_close_async (BcWindow            *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (BC_IS_WINDOW (self));

  if (self->close_task != NULL)
    _bc_window_finish_close_task (self, FALSE);
  self->close_task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->close_task, bc_window_close_async);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * bc_window_close_finish:
 * @self: a window
 * @result: the result given to the callback
 * @error: %G_IO_ERROR_CANCELLED when the user kept the window
 *
 * Returns: whether the window closed
 */
gboolean
bc_window_close_finish (BcWindow      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saves to @file as Save As would, without the file chooser. */
gboolean
_bc_window_save_to (BcWindow  *self,
                    GFile     *file,
                    GError   **error)
{
  if (self->case_ == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "No case is shown");
      return FALSE;
    }
  return write_case (self, file, error);
}

/* Test hooks: answer the window's questions and run its timers now. */

GtkWindow *
_bc_window_get_dialog (BcWindow *self)
{
  return self->dialog;
}

/* Answers the question the window asks as a click on @response would. */
void
_bc_window_answer_dialog (BcWindow   *self,
                          const char *response)
{
  /* The answer may close this window: it stays until the dialog,
   * which refers to it, has gone. */
  g_autoptr(BcWindow) hold = g_object_ref (self);
  g_autoptr(GtkWindow) dialog = self->dialog ? g_object_ref (self->dialog) : NULL;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  g_clear_weak_pointer (&self->dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  g_clear_object (&dialog);
}

/* The next Save As writes to @file without asking. */
void
_bc_window_set_save_as_answer (BcWindow *self,
                               GFile    *file)
{
  g_set_object (&self->test_save_as, file);
}

/* Registration */

void
_bc_window_saving_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}
