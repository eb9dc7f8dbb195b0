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

/* How many recent case files the welcome page offers. */
#define MAX_RECENT 5
/* How many reader errors the error dialog lists before "and N more". */
#define MAX_SHOWN_DIAGNOSTICS 20
struct _BcWindow
{
  AdwApplicationWindow parent_instance;

  BcCase           *case_;            /* the document's, while shown */
  GFile            *file;             /* the document's, as last notified */
  BcItem           *selected_item;
  BcViewState      *view_state;       /* what every view binds to */
  GtkRecentManager *recent_manager;
  GSettings        *settings;
  GtkWindow        *export_dialog;    /* unowned, until destroyed */
  GtkPrintOperation *print_operation; /* while one runs */
  GtkPrintSettings *print_settings;   /* the last ones used */
  BcHistory        *history;          /* the case's, while it is shown */
  BcDocument       *document;         /* the case, its file, its autosave */
  gboolean          discard_confirmed;
  GtkWindow        *dialog;           /* the question it asks, weak */
  GTask            *close_task;       /* of bc_window_close_async() */
  GFile            *test_save_as;     /* a test's answer to Save As */
  gboolean          welcome_filled;   /* the welcome page's lists */

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *open_button;
  GtkMenuButton    *menu_button;
  GMenuModel       *primary_menu;
  GMenu            *undo_section;     /* its labels say what they undo */
  GtkButton        *zoom_fit_button;
  GtkButton        *welcome_new_button;
  GtkToggleButton  *outline_button;
  GtkToggleButton  *inspector_button;
  GtkBox           *view_controls;
  GtkStack         *stack;
  GtkListBox       *cases_list;
  AdwPreferencesGroup *recent_group;
  GtkListBox       *recent_list;
  AdwFlap          *outline_flap;
  AdwFlap          *inspector_flap;
  BcOutline        *outline;
  BcInspector      *inspector;
  GtkBox           *canvas_box;
  BcCanvas         *canvas;
  BcTimeline       *timeline;
  GtkToggleButton  *lanes_button;
  GtkToggleButton  *wheel_button;
  GtkRevealer      *disk_revealer;
  GtkProgressBar   *load_progress;
  guint             pulse_id;         /* while a case is read */
  GCancellable     *load_cancellable;
};

G_DEFINE_FINAL_TYPE (BcWindow, bc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  PROP_FILE,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

/* The first sentence of a summary, for the one-line description on the
 * welcome page: up to the first full stop followed by a space and a
 * capital, so that "U.S." or "(PLO)." do not cut it short. */
static char *
first_sentence (const char *text)
{
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((*p == '.' || *p == '\n') &&
          (p[1] == '\0' || p[1] == '\n' ||
           (p[1] == ' ' && g_unichar_isupper (g_utf8_get_char (p + 2)))) &&
          !(p - text >= 2 && p[-2] == '.'))
        return g_strndup (text, p - text + (*p == '.' ? 1 : 0));
    }

  return g_strdup (text);
}

static char *
format_period (BcCase *case_)
{
  g_autofree char *start = bc_date_to_string (bc_case_get_period_start (case_));
  g_autofree char *end = bc_date_to_string (bc_case_get_period_end (case_));

  if (start != NULL && end != NULL)
    return g_strdup_printf ("%s – %s", start, end);
  if (start != NULL)
    return g_strdup_printf (_("from %s"), start);
  return g_strdup ("");
}

static void duplicate_row_clicked (GtkButton *button,
                                   BcWindow  *self);

/* A row of the welcome page; with @duplicate_to, it also has a button
 * that opens an untitled copy of the case in that window. */
static GtkWidget *
file_row_new (GFile      *file,
              const char *title,
              const char *period,
              const char *description,
              BcWindow   *duplicate_to)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (period != NULL && *period != '\0')
    {
      label = gtk_label_new (period);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "case-period");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (description != NULL && *description != '\0')
    {
      label = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (duplicate_to != NULL)
    {
      GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *label_text = g_strdup_printf (_("Duplicate “%s” as a new case"), title);

      gtk_widget_set_hexpand (box, TRUE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_end (button, 12);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Duplicate as New Case"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label_text,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "bc-file", g_object_ref (file), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (duplicate_row_clicked), duplicate_to);
      gtk_box_append (GTK_BOX (outer), box);
      gtk_box_append (GTK_BOX (outer), button);
      box = outer;
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "welcome-case");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "bc-file", g_object_ref (file), g_object_unref);
  return row;
}

static void
fill_bundled_cases (BcWindow *self)
{
  g_autoptr(GPtrArray) files = bc_bundled_list_cases ();

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcCase) loaded = bc_case_read_file (file, NULL, NULL, &error);
      g_autofree char *period = NULL;
      g_autofree char *summary = NULL;

      if (loaded == NULL)
        {
          g_warning ("Bundled case unreadable: %s", error->message);
          continue;
        }

      period = format_period (loaded);
      summary = first_sentence (bc_case_get_summary (loaded));
      gtk_list_box_append (self->cases_list,
                           file_row_new (file, bc_case_get_title (loaded), period, summary, self));
    }
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib),
                              gtk_recent_info_get_modified (ia));
}

static void
fill_recent_cases (BcWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".bcase") &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (found, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (found, compare_recent);
  for (guint i = 0; i < found->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (found, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *where = g_file_get_parse_name (file);

      gtk_list_box_append (self->recent_list,
                           file_row_new (file, gtk_recent_info_get_display_name (info), NULL, where, NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

/* Reading the bundled cases costs more than the rest of the window, so
 * the welcome page lists them only once it is first shown: a window
 * opened on a file never pays for it. */
static void
ensure_welcome_lists (BcWindow *self)
{
  if (self->welcome_filled)
    return;

  self->welcome_filled = TRUE;
  fill_bundled_cases (self);
  fill_recent_cases (self);
}

static void
set_view_actions_enabled (BcWindow *self,
                          gboolean  enabled)
{
  static const char * const names[] = { "view", "sequence" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

static void
show_load_error (BcWindow   *self,
                 GFile      *file,
                 GPtrArray  *diagnostics,
                 GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  if (diagnostics != NULL && diagnostics->len > 0)
    {
      for (guint i = 0; i < diagnostics->len && i < MAX_SHOWN_DIAGNOSTICS; i++)
        {
          g_autofree char *line = bc_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

          g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", line);
        }
      if (diagnostics->len > MAX_SHOWN_DIAGNOSTICS)
        g_string_append_printf (body, "\n%s",
                                _("and more: run “backchannel --validate FILE” to see every error"));
    }
  else
    g_string_append (body, error != NULL ? error->message : _("The file could not be read."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The file is not a case Backchannel can read:"));
  label = gtk_label_new (body->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (heading));
}

/* Callbacks */

static void
file_row_activated (GtkListBox    *list,
                    GtkListBoxRow *row,
                    BcWindow      *self)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "bc-file");
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (file == NULL)
    return;

  if (app != NULL)
    g_application_open (app, &file, 1, "");
  else
    bc_window_open (self, file);
}

static void
recent_changed (GtkRecentManager *manager,
                BcWindow         *self)
{
  if (self->welcome_filled)
    fill_recent_cases (self);
}

static void
welcome_page_mapped (GtkWidget *page,
                     BcWindow  *self)
{
  ensure_welcome_lists (self);
}

static gboolean
file_dropped (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              BcWindow      *self)
{
  GFile *file = g_value_get_object (value);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (file == NULL)
    return FALSE;

  if (app != NULL)
    g_application_open (app, &file, 1, "");
  else
    bc_window_open (self, file);
  return TRUE;
}

/* The next window opens as the last one closed. */
static gboolean
save_window_state (GtkWindow *window,
                   BcWindow  *self)
{
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return FALSE;
}

static void
outline_selection_changed (BcOutline  *outline,
                           GParamSpec *pspec,
                           BcWindow   *self)
{
  BcItem *item = bc_outline_get_selected_item (outline);

  /* An empty outline selection (a search that hides the row) keeps the
   * item selected on the canvas and in the inspector. */
  if (item != NULL)
    bc_window_set_selected_item (self, item);
}

static void
inspector_item_activated (BcInspector *inspector,
                          BcItem      *item,
                          BcWindow    *self)
{
  bc_window_set_selected_item (self, item);
}

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

static void
canvas_selection_changed (BcCanvas   *canvas,
                          GParamSpec *pspec,
                          BcWindow   *self)
{
  bc_window_set_selected_item (self, bc_canvas_get_selected_item (canvas));
}

static void
view_toggled (GtkToggleButton *button,
              BcWindow        *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  bc_canvas_set_view (self->canvas, button == self->wheel_button ? BC_VIEW_WHEEL : BC_VIEW_LANES);
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
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "sequence");

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_boolean (bc_canvas_get_time_scale (canvas) == BC_TIME_SCALE_SEQUENCE));
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
change_sequence_state (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  BcWindow *self = user_data;

  bc_canvas_set_time_scale (self->canvas,
                            g_variant_get_boolean (state) ? BC_TIME_SCALE_SEQUENCE : BC_TIME_SCALE_PROPORTIONAL);
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

  bc_canvas_get_layout_options (self->canvas, &options);
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

/* Editing: history, saving, the file on disk */

static gboolean
is_modified (BcWindow *self)
{
  return self->case_ != NULL && bc_document_get_modified (self->document);
}

/* The question the window asks, for the test hooks. */
static void
set_dialog (BcWindow  *self,
            GtkWidget *dialog)
{
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
}

/* "Undo Move Event", "Redo Delete Actor": the menu says what it does. */
static void
update_undo_labels (BcWindow *self)
{
  const char *undo = self->history && bc_history_can_undo (self->history)
                     ? bc_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history && bc_history_can_redo (self->history)
                     ? bc_history_get_redo_label (self->history) : NULL;
  /* Translators: %s says what is undone, such as "Move Event" */
  g_autofree char *undo_label = undo ? g_strdup_printf (C_("menu", "_Undo %s"), undo) : NULL;
  /* Translators: %s says what is redone, such as "Move Event" */
  g_autofree char *redo_label = redo ? g_strdup_printf (C_("menu", "_Redo %s"), redo) : NULL;
  g_autoptr(GMenuItem) undo_item = g_menu_item_new (undo_label ? undo_label : _("_Undo"), "win.undo");
  g_autoptr(GMenuItem) redo_item = g_menu_item_new (redo_label ? redo_label : _("_Redo"), "win.redo");

  if (self->undo_section == NULL)
    return;
  g_menu_remove_all (self->undo_section);
  g_menu_append_item (self->undo_section, undo_item);
  g_menu_append_item (self->undo_section, redo_item);
}

static void
update_edit_state (BcWindow *self)
{
  gboolean has_case = self->case_ != NULL;
  gboolean modified = is_modified (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && bc_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && bc_history_can_redo (self->history));
  update_undo_labels (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-actor", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-source", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert",
                                 has_case && self->file != NULL &&
                                 (modified || bc_document_get_changed_on_disk (self->document)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 has_case && self->file != NULL && bc_document_get_changed_on_disk (self->document));
  gtk_revealer_set_reveal_child (self->disk_revealer,
                                 has_case && bc_document_get_changed_on_disk (self->document));

  if (has_case)
    {
      /* The GNOME convention for unsaved changes: a bullet before the title. */
      g_autofree char *title = g_strdup_printf ("%s%s", modified ? "• " : "",
                                                bc_case_get_title (self->case_) ?: "");
      g_autofree char *base = self->file != NULL ? g_file_get_basename (self->file) : NULL;
      g_autofree char *subtitle = NULL;

      GFile *copy_of = bc_document_get_copy_of (self->document);
      gboolean recovered = bc_document_get_recovered (self->document);

      if (bc_document_get_read_only (self->document))
        subtitle = g_strdup_printf (_("%s (read-only example)"), base);
      else if (self->file == NULL && copy_of != NULL)
        {
          g_autofree char *of = g_file_get_basename (copy_of);

          subtitle = g_strdup_printf (_("Unsaved copy of %s"), of);
        }
      else if (self->file == NULL)
        subtitle = g_strdup (recovered ? _("Recovered, not saved") : _("New case, not saved"));
      else if (recovered)
        subtitle = g_strdup_printf (_("%s (recovered, not saved)"), base);
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : base ? base : "");
    }
}

static void
history_changed (BcHistory  *history,
                 GParamSpec *pspec,
                 BcWindow   *self)
{
  update_edit_state (self);
}

/* The title follows the case's. */
static void
case_changed (BcCase       *case_,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              BcWindow     *self)
{
  if (object == G_OBJECT (case_))
    update_edit_state (self);
}

static void
set_history (BcWindow  *self,
             BcHistory *history)
{
  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, history_changed, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect (history, "notify", G_CALLBACK (history_changed), self);
  update_edit_state (self);
}

/* The document's file, its state on disk, modified or not: the header
 * and the actions follow. */
static void
document_changed (BcDocument *document,
                  GParamSpec *pspec,
                  BcWindow   *self)
{
  if (g_str_equal (pspec->name, "file"))
    {
      GFile *file = bc_document_get_file (document);

      if (self->file != file)
        {
          g_set_object (&self->file, file);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
        }
    }
  update_edit_state (self);
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
  update_edit_state (self);
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

  if (is_modified (self))
    revert_action (widget, "win.revert", NULL);
  else
    reload (self);
}

/* Closing */

static void
finish_close_task (BcWindow *self,
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
      finish_close_task (self, FALSE);
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
    finish_close_task (self, FALSE);
}

static gboolean
bc_window_close_request (GtkWindow *window)
{
  BcWindow *self = BC_WINDOW (window);

  if (!self->discard_confirmed && is_modified (self))
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
  finish_close_task (self, TRUE);
  return GTK_WINDOW_CLASS (bc_window_parent_class)->close_request (window);
}

/* The view state */

static void
bind_view_state (BcWindow *self)
{
  static const struct { const char *name; gboolean canvas, timeline; } shared[] = {
    { "view", TRUE, FALSE },
    { "time-scale", TRUE, FALSE },
    { "tracks", TRUE, TRUE },
    { "highlight", TRUE, TRUE },
    { "known-on", TRUE, TRUE },
  };

  self->view_state = bc_view_state_new ();
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    {
      if (shared[i].timeline)
        g_object_bind_property (self->view_state, shared[i].name, self->timeline, shared[i].name,
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      if (shared[i].canvas)
        g_object_bind_property (self->view_state, shared[i].name, self->canvas, shared[i].name,
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
}

/**
 * _bc_window_get_view_state:
 * @self: a window
 *
 * Returns: (transfer none): what the views of @self show
 */
BcViewState *
_bc_window_get_view_state (BcWindow *self)
{
  return self->view_state;
}

/* New items */

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

/* The inspector lets go of an item that was deleted. */
static void
inspector_item_changed (BcInspector *inspector,
                        GParamSpec  *pspec,
                        BcWindow    *self)
{
  if (bc_inspector_get_item (inspector) == NULL)
    bc_window_set_selected_item (self, NULL);
}

/* New cases, copies */

/* Shows @loaded, read from @file (or untitled when %NULL); @copy_of names
 * the file an untitled copy was made from. */
static void
present_case (BcWindow *self)
{
  BcCase *loaded = bc_document_get_case (self->document);
  GtkWidget *welcome, *focus;

  bc_window_set_selected_item (self, NULL);
  set_history (self, NULL);
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  g_set_object (&self->case_, loaded);
  g_signal_connect (loaded, "changed", G_CALLBACK (case_changed), self);
  self->discard_confirmed = FALSE;
  set_history (self, bc_case_get_history (loaded));

  bc_view_state_set_case (self->view_state, loaded);
  bc_outline_set_case (self->outline, loaded);
  bc_canvas_set_case (self->canvas, loaded);
  bc_timeline_set_case (self->timeline, loaded);
  bc_inspector_set_case (self->inspector, loaded);
  bc_inspector_set_item (self->inspector, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->outline_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->inspector_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->view_controls), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-outline", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-play", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-reset", TRUE);
  set_view_actions_enabled (self, TRUE);
  /* A window leaves its welcome page for good. The page that is not
   * shown is hidden rather than only covered, so that its styles are not
   * worked out while the other one is first shown. */
  welcome = gtk_stack_get_child_by_name (self->stack, "welcome");
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "case"), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "case");
  gtk_widget_set_visible (welcome, FALSE);
  /* The keys move along the diagram from the start, unless the focus
   * is somewhere else than on the welcome page. */
  if (focus == NULL || focus == welcome || gtk_widget_is_ancestor (focus, welcome))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  update_edit_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
show_case (BcWindow *self,
           BcCase   *loaded,
           GFile    *file,
           GFile    *copy_of,
           gboolean  modified)
{
  bc_document_set_case (self->document, loaded, file, copy_of, modified);
  present_case (self);
}

/* An independent copy of @case_ as it is now, unsaved edits included. */
static BcCase *
copy_case (BcCase  *case_,
           GError **error)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (case_);

  return bc_case_read_bytes (bytes, bc_case_get_title (case_), NULL, error);
}

/* Where a case the window makes goes: this window while it shows its
 * welcome page, a new one of the same application otherwise. */
static BcWindow *
window_for_new_case (BcWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->case_ == NULL)
    return self;
  return bc_window_new (app != NULL ? BC_APPLICATION (app) : NULL);
}

static BcWindow *
duplicate_case (BcWindow *self)
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
  show_case (window, copy, NULL, self->file != NULL ? self->file : bc_document_get_copy_of (self->document),
             is_modified (self));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  duplicate_case (BC_WINDOW (widget));
}

static BcWindow *
new_case (BcWindow *self)
{
  BcWindow *window = window_for_new_case (self);

  bc_window_new_case (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  new_case (BC_WINDOW (widget));
}

static void
duplicate_row_clicked (GtkButton *button,
                       BcWindow  *self)
{
  GFile *file = g_object_get_data (G_OBJECT (button), "bc-file");
  BcWindow *window = window_for_new_case (self);

  if (file != NULL && bc_window_open_copy (window, file))
    gtk_window_present (GTK_WINDOW (window));
  else if (window != self)
    gtk_window_destroy (GTK_WINDOW (window));
}

/* GObject */

static void
bc_window_dispose (GObject *object)
{
  BcWindow *self = BC_WINDOW (object);

  g_clear_object (&self->view_state);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_manager, recent_changed, self);
  self->recent_manager = NULL;

  if (self->export_dialog != NULL)
    gtk_window_destroy (self->export_dialog);
  self->export_dialog = NULL;
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_settings);
  /* A window that goes with unsaved changes nobody decided on keeps its
   * autosaved copy, for the next start to offer. */
  if (self->document != NULL && (!is_modified (self) || self->discard_confirmed))
    bc_document_discard_recovery (self->document);
  finish_close_task (self, FALSE);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_func (self->case_, case_changed, self);
  set_history (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed, self);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->test_save_as);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_WINDOW);

  g_clear_object (&self->selected_item);
  g_clear_object (&self->case_);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bc_window_parent_class)->dispose (object);
}

static void
bc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BcWindow *self = BC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BcWindow *self = BC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ITEM:
      bc_window_set_selected_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_window_class_init (BcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_window_dispose;
  object_class->get_property = bc_window_get_property;
  object_class->set_property = bc_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = bc_window_close_request;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The one selection of the window: the outline, the canvas and the
   * inspector all follow it. */
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, BC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BC_TYPE_CANVAS);
  g_type_ensure (BC_TYPE_OUTLINE);
  g_type_ensure (BC_TYPE_INSPECTOR);
  g_type_ensure (BC_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/backchannel/Backchannel/ui/bc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, zoom_fit_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, welcome_new_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, view_controls);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, cases_list);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, outline_flap);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, inspector_flap);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, canvas_box);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, lanes_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, wheel_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, disk_revealer);
  gtk_widget_class_bind_template_callback (widget_class, file_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, welcome_page_mapped);
  gtk_widget_class_bind_template_callback (widget_class, canvas_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-outline", NULL, toggle_outline_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-play", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.timeline-reset", NULL, timeline_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-actor", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-source", NULL, new_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

/* A flap that is out of sight, neither revealed, nor on its way in or
 * out, nor folded (where it can be swiped in), is hidden: GTK would
 * otherwise work out its styles and measure it, fonts and all, while
 * the window is first shown. */
static void
update_flap_visible (AdwFlap *flap)
{
  gboolean seen = adw_flap_get_reveal_flap (flap) || adw_flap_get_reveal_progress (flap) > 0 ||
                  adw_flap_get_folded (flap);

  gtk_widget_set_visible (adw_flap_get_flap (flap), seen);
}

static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  BcWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
bc_window_init (BcWindow *self)
{
  static const GActionEntry view_actions[] = {
    { "view", NULL, "s", "'lanes'", change_view_state },
    { "sequence", NULL, NULL, "false", change_sequence_state },
  };
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = bc_document_new ();
  g_signal_connect (self->document, "notify", G_CALLBACK (document_changed), self);
  /* The main menu's popover, a hundred widgets, is made when it is
   * first opened rather than with the window. */
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  /* The template sets these buttons' tooltips while they are hidden:
   * on GTK 4.8 a tooltip set on a shown widget costs a round trip to the
   * display server. */
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->lanes_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->wheel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->zoom_fit_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->welcome_new_button), TRUE);

  g_signal_connect (self->inspector_flap, "notify::reveal-flap", G_CALLBACK (update_flap_visible), NULL);
  g_signal_connect (self->inspector_flap, "notify::reveal-progress", G_CALLBACK (update_flap_visible), NULL);
  g_signal_connect (self->inspector_flap, "notify::folded", G_CALLBACK (update_flap_visible), NULL);
  update_flap_visible (self->inspector_flap);

  /* Radio items in the menu want stateful actions, which a widget class
   * cannot install on GTK 4.8 without a property per choice. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), view_actions, G_N_ELEMENTS (view_actions), self);
  g_signal_connect (self->canvas, "notify::view", G_CALLBACK (canvas_view_changed), self);
  g_signal_connect (self->canvas, "notify::time-scale", G_CALLBACK (canvas_time_scale_changed), self);

  /* Every view binds to the one view state, instead of to each other. */
  bind_view_state (self);

  g_signal_connect (self->outline, "notify::selected-item",
                    G_CALLBACK (outline_selection_changed), self);
  g_signal_connect (self->inspector, "item-activated",
                    G_CALLBACK (inspector_item_activated), self);
  g_signal_connect (self->inspector, "notify::item",
                    G_CALLBACK (inspector_item_changed), self);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect (self->recent_manager, "changed", G_CALLBACK (recent_changed), self);

  self->settings = bc_preferences_window_lookup_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *view = g_settings_get_string (self->settings, "default-view");
      g_autofree char *time_scale = g_settings_get_string (self->settings, "default-time-scale");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect (self, "close-request", G_CALLBACK (save_window_state), self);

      /* The canvas tells the view buttons and actions. */
      if (g_str_equal (view, "wheel"))
        bc_canvas_set_view (self->canvas, BC_VIEW_WHEEL);
      if (g_str_equal (time_scale, "sequence"))
        bc_canvas_set_time_scale (self->canvas, BC_TIME_SCALE_SEQUENCE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-outline", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-play", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-reset", FALSE);
  set_view_actions_enabled (self, FALSE);
  update_edit_state (self);
}

/* Public API */

BcWindow *
bc_window_new (BcApplication *application)
{
  return g_object_new (BC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * bc_window_open:
 * @self: a window
 * @file: a case file
 *
 * Reads @file and shows it. When the file cannot be read, the window
 * keeps what it showed and lists the errors in a dialog.
 *
 * Returns: whether the case was opened
 */
gboolean
bc_window_open (BcWindow *self,
                GFile    *file)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display = g_file_get_parse_name (file);
  loaded = bc_case_read_file (file, display, &diagnostics, &error);
  return bc_window_show_loaded (self, file, loaded, diagnostics, error);
}

/**
 * bc_window_show_loaded:
 * @self: a window
 * @file: the file read
 * @loaded: (nullable): the case read from it
 * @diagnostics: (nullable) (element-type BcDiagnostic): what is wrong
 *   with the file, when it was refused
 * @error: (nullable): why it was refused
 *
 * Shows a case read elsewhere (in a thread, or ahead of the window), or
 * why it could not be read, as bc_window_open() does.
 *
 * Returns: whether the case is shown
 */
gboolean
bc_window_show_loaded (BcWindow  *self,
                       GFile     *file,
                       BcCase    *loaded,
                       GPtrArray *diagnostics,
                       GError    *error)
{
  g_autofree char *display = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (loaded == NULL)
    {
      show_load_error (self, file, diagnostics, error);
      return FALSE;
    }

  show_case (self, loaded, file, NULL, FALSE);

  /* Explicit names: gtk_recent_manager_add_item() relies on the program
   * name, which an embedding program may not have set. */
  display = g_file_get_parse_name (file);
  uri = g_file_get_uri (file);
  {
    g_autofree char *content_type = g_content_type_guess (display, NULL, 0, NULL);
    g_autofree char *mime_type = g_content_type_get_mime_type (content_type);
    GtkRecentData data = {
      .display_name = (char *) bc_case_get_title (loaded),
      .mime_type = mime_type ? mime_type : (char *) "application/xml",
      .app_name = (char *) "backchannel",
      .app_exec = (char *) "backchannel %u",
    };

    gtk_recent_manager_add_full (self->recent_manager, uri, &data);
  }

  return TRUE;
}

static gboolean
pulse_progress (gpointer data)
{
  BcWindow *self = data;

  gtk_progress_bar_pulse (self->load_progress);
  return G_SOURCE_CONTINUE;
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BcWindow) self = user_data;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));

  loaded = bc_document_load_finish (BC_DOCUMENT (object), result, &diagnostics, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->load_progress), FALSE);
  g_clear_object (&self->load_cancellable);
  bc_window_show_loaded (self, file, loaded, diagnostics, error);
}

/**
 * bc_window_load:
 * @self: a window
 * @file: a case file
 *
 * Reads @file in a worker thread and then shows it, or why it could not
 * be read: the window goes on answering, with a progress bar under its
 * header, however large the file. A second load replaces the first.
 */
void
bc_window_load (BcWindow *self,
                GFile    *file)
{
  g_return_if_fail (BC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (self->load_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->load_progress), TRUE);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_progress, self);
  bc_document_load_async (self->document, file, NULL, NULL, self->load_cancellable,
                          load_done, g_object_ref (self));
}

/**
 * bc_window_get_loading:
 * @self: a window
 *
 * Returns: whether a case is being read for @self
 */
gboolean
bc_window_get_loading (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

/**
 * bc_window_new_case:
 * @self: a window
 *
 * Shows a new, empty, untitled case: a title and nothing else, which is
 * all a case file needs. Save asks for a file name.
 */
void
bc_window_new_case (BcWindow *self)
{
  g_autoptr(BcCase) blank = NULL;

  g_return_if_fail (BC_IS_WINDOW (self));

  blank = bc_case_new ("untitled", _("Untitled Case"));
  show_case (self, blank, NULL, NULL, FALSE);
}

/**
 * bc_window_open_copy:
 * @self: a window
 * @file: a case file, typically a bundled example
 *
 * Shows an untitled copy of the case in @file; saving it asks for a new
 * file name, and @file is never written.
 *
 * Returns: whether the case was read
 */
gboolean
bc_window_open_copy (BcWindow *self,
                     GFile    *file)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display = g_file_get_parse_name (file);
  loaded = bc_case_read_file (file, display, &diagnostics, &error);
  if (loaded == NULL)
    {
      show_load_error (self, file, diagnostics, error);
      return FALSE;
    }

  show_case (self, loaded, NULL, file, FALSE);
  return TRUE;
}

/**
 * bc_window_open_recovered:
 * @self: a window
 * @entry: a recovery entry
 * @error: why the entry cannot be read
 *
 * Shows the case of @entry as an unsaved document bound to its original
 * file (or untitled): nothing is written until the user saves, and when
 * the original changed on disk since, saving asks first. The window
 * takes the entry over, so that it stays until the case is saved or
 * discarded.
 *
 * Returns: whether the case was recovered
 */
gboolean
bc_window_open_recovered (BcWindow         *self,
                          BcRecoveryEntry  *entry,
                          GError          **error)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (BC_IS_RECOVERY_ENTRY (entry), FALSE);

  if (!bc_document_adopt_recovery (self->document, entry, error))
    return FALSE;
  present_case (self);
  update_edit_state (self);
  return TRUE;
}

/**
 * bc_window_get_modified:
 * @self: a window
 *
 * Returns: whether the case shown has changes that are not saved
 */
gboolean
bc_window_get_modified (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), FALSE);
  return is_modified (self);
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
    finish_close_task (self, FALSE);
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

BcCase *
bc_window_get_case (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->case_;
}

GFile *
bc_window_get_file (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->file;
}

BcItem *
bc_window_get_selected_item (BcWindow *self)
{
  g_return_val_if_fail (BC_IS_WINDOW (self), NULL);
  return self->selected_item;
}

void
bc_window_set_selected_item (BcWindow *self,
                             BcItem   *item)
{
  g_return_if_fail (BC_IS_WINDOW (self));
  g_return_if_fail (item == NULL || BC_IS_ITEM (item));

  if (!g_set_object (&self->selected_item, item))
    return;

  bc_view_state_set_selection (self->view_state, item);
  bc_outline_set_selected_item (self->outline, item);
  bc_canvas_set_selected_item (self->canvas, item);
  bc_inspector_set_item (self->inspector, item);
  if (item != NULL)
    gtk_toggle_button_set_active (self->inspector_button, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

/* Private API */

GtkListBox *
_bc_window_get_cases_list (BcWindow *self)
{
  ensure_welcome_lists (self);
  return self->cases_list;
}

GtkListBox *
_bc_window_get_recent_list (BcWindow *self)
{
  ensure_welcome_lists (self);
  return self->recent_list;
}

BcOutline *
_bc_window_get_outline (BcWindow *self)
{
  return self->outline;
}

BcCanvas *
_bc_window_get_canvas (BcWindow *self)
{
  return self->canvas;
}

BcInspector *
_bc_window_get_inspector (BcWindow *self)
{
  return self->inspector;
}

BcTimeline *
_bc_window_get_timeline (BcWindow *self)
{
  return self->timeline;
}

GtkWindow *
_bc_window_get_export_dialog (BcWindow *self)
{
  return self->export_dialog;
}

const char *
_bc_window_get_page (BcWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
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

gboolean
_bc_window_autosave_now (BcWindow *self)
{
  return bc_document_autosave (self->document);
}

gboolean
_bc_window_get_autosave_pending (BcWindow *self)
{
  return bc_document_get_autosave_pending (self->document);
}

const char *
_bc_window_get_recovery_id (BcWindow *self)
{
  return bc_document_get_recovery_id (self->document);
}

GFile *
_bc_window_get_copy_of (BcWindow *self)
{
  return bc_document_get_copy_of (self->document);
}

const char *
_bc_window_get_subtitle (BcWindow *self)
{
  return adw_window_title_get_subtitle (self->window_title);
}

BcWindow *
_bc_window_duplicate (BcWindow *self)
{
  return duplicate_case (self);
}

BcWindow *
_bc_window_new_case (BcWindow *self)
{
  return new_case (self);
}

gboolean
_bc_window_get_changed_on_disk (BcWindow *self)
{
  return bc_document_get_changed_on_disk (self->document);
}
