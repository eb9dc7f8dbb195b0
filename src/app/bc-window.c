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

/* How many reader errors the error dialog lists before "and N more". */
#define MAX_SHOWN_DIAGNOSTICS 20

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

static void
set_view_actions_enabled (BcWindow *self,
                          gboolean  enabled)
{
  static const char * const names[] = { "view", "time-scale" };

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

gboolean
_bc_window_is_modified (BcWindow *self)
{
  return self->case_ != NULL && bc_document_get_modified (self->document);
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

void
_bc_window_update_edit_state (BcWindow *self)
{
  gboolean has_case = self->case_ != NULL;
  gboolean modified = _bc_window_is_modified (self);

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
  _bc_window_update_edit_state (self);
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
    _bc_window_update_edit_state (self);
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
  _bc_window_update_edit_state (self);
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
  _bc_window_update_edit_state (self);
}

/* A view that selects through the view state (the reading view) selects
 * for the whole window. */
static void
view_state_selection_changed (BcViewState *view_state,
                              GParamSpec  *pspec,
                              BcWindow    *self)
{
  bc_window_set_selected_item (self, bc_view_state_get_selection (view_state));
}

static void
bind_view_state (BcWindow *self)
{
  static const struct { const char *name; gboolean canvas, timeline; } shared[] = {
    { "view", TRUE, FALSE },
    { "time-scale", TRUE, FALSE },
    { "tracks", TRUE, TRUE },
    { "highlight", TRUE, TRUE },
    { "known-on", TRUE, TRUE },
    { "actor-paths", TRUE, FALSE },
    { "focus-selection", TRUE, FALSE },
    { "frame", TRUE, FALSE },
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
  /* The outline's search is the window's: the canvas marks what it
   * finds. */
  g_object_bind_property (self->view_state, "search", self->outline, "search-text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->view_state, "search", self->canvas, "search",
                          G_BINDING_SYNC_CREATE);
  bc_reading_view_set_view_state (self->reading_view, self->view_state);
  g_signal_connect_object (self->view_state, "notify::selection",
                           G_CALLBACK (view_state_selection_changed), self, 0);
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
  _bc_window_analysis_set_case (self, loaded);
  _bc_window_story_set_case (self, loaded);
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
  _bc_window_update_edit_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_bc_window_show_case (BcWindow *self,
           BcCase   *loaded,
           GFile    *file,
           GFile    *copy_of,
           gboolean  modified)
{
  bc_document_set_case (self->document, loaded, file, copy_of, modified);
  present_case (self);
}

/* Where a case the window makes goes: this window while it shows its
 * welcome page, a new one of the same application otherwise. */
BcWindow *
_bc_window_for_new_case (BcWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->case_ == NULL)
    return self;
  return bc_window_new (app != NULL ? BC_APPLICATION (app) : NULL);
}

static void
bc_window_dispose (GObject *object)
{
  BcWindow *self = BC_WINDOW (object);

  g_clear_object (&self->view_state);

  _bc_window_welcome_dispose (self);

  if (self->export_dialog != NULL)
    gtk_window_destroy (self->export_dialog);
  self->export_dialog = NULL;
  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);
  self->import_dialog = NULL;
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_settings);
  /* A window that goes with unsaved changes nobody decided on keeps its
   * autosaved copy, for the next start to offer. */
  if (self->document != NULL && (!_bc_window_is_modified (self) || self->discard_confirmed))
    bc_document_discard_recovery (self->document);
  _bc_window_finish_close_task (self, FALSE);
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
  GTK_WINDOW_CLASS (klass)->close_request = _bc_window_close_request;

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
  g_type_ensure (BC_TYPE_READING_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, BcWindow, reading_paned);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, reading_view);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, story_bar);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, lanes_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, wheel_button);
  gtk_widget_class_bind_template_child (widget_class, BcWindow, disk_revealer);
  _bc_window_welcome_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, canvas_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled);

  _bc_window_actions_class_init (widget_class);
  _bc_window_saving_class_init (widget_class);
  _bc_window_analysis_class_init (widget_class);
  _bc_window_story_class_init (widget_class);
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

  _bc_window_actions_init (self);
  _bc_window_analysis_init (self);

  /* Every view binds to the one view state, instead of to each other. */
  bind_view_state (self);
  _bc_window_story_init (self);
  _bc_window_view_actions_init (self);

  g_signal_connect (self->outline, "notify::selected-item",
                    G_CALLBACK (outline_selection_changed), self);
  g_signal_connect (self->inspector, "item-activated",
                    G_CALLBACK (inspector_item_activated), self);
  g_signal_connect (self->inspector, "notify::item",
                    G_CALLBACK (inspector_item_changed), self);

  _bc_window_welcome_init (self);

  self->settings = bc_preferences_window_lookup_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *view = g_settings_get_string (self->settings, "default-view");
      g_autofree char *time_scale = g_settings_get_string (self->settings, "default-time-scale");
      BcTimeScale scale;

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect (self, "close-request", G_CALLBACK (save_window_state), self);

      /* The canvas tells the view buttons and actions. */
      if (g_str_equal (view, "wheel"))
        bc_canvas_set_view (self->canvas, BC_VIEW_WHEEL);
      if (bc_time_scale_from_nick (time_scale, &scale))
        bc_canvas_set_time_scale (self->canvas, scale);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-outline", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-play", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timeline-reset", FALSE);
  _bc_window_story_set_case (self, NULL);
  set_view_actions_enabled (self, FALSE);
  _bc_window_update_edit_state (self);
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

  _bc_window_show_case (self, loaded, file, NULL, FALSE);

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
  _bc_window_show_case (self, blank, NULL, NULL, FALSE);
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

  _bc_window_show_case (self, loaded, NULL, file, FALSE);
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
  _bc_window_update_edit_state (self);
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
  return _bc_window_is_modified (self);
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

BcReadingView *
_bc_window_get_reading_view (BcWindow *self)
{
  return self->reading_view;
}

GtkListBox *
_bc_window_get_cases_list (BcWindow *self)
{
  _bc_window_ensure_welcome_lists (self);
  return self->cases_list;
}

GtkListBox *
_bc_window_get_recent_list (BcWindow *self)
{
  _bc_window_ensure_welcome_lists (self);
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
  return _bc_window_duplicate_case (self);
}

BcWindow *
_bc_window_new_case (BcWindow *self)
{
  return _bc_window_make_new_case (self);
}

gboolean
_bc_window_get_changed_on_disk (BcWindow *self)
{
  return bc_document_get_changed_on_disk (self->document);
}
