/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-application.h"
#include "bc-bundled.h"
#include "bc-compat.h"
#include "bc-preferences-window.h"
#include "bc-reader.h"
#include "bc-recovery-dialog.h"
#include "bc-window.h"

struct _BcApplication
{
  AdwApplication parent_instance;

  gboolean recovery_offered;
  gboolean quitting;

  /* The case named on the command line, read while GTK starts. */
  BcDocument *ahead;
  GFile      *ahead_file;
  BcCase     *ahead_case;
  GPtrArray  *ahead_diagnostics;
  GError     *ahead_error;
};

G_DEFINE_FINAL_TYPE (BcApplication, bc_application, ADW_TYPE_APPLICATION)

/* Auxiliary functions */

static void
drop_ahead (BcApplication *self)
{
  if (self->ahead != NULL)
    bc_document_wait_loaded (self->ahead);
  g_clear_object (&self->ahead);
  g_clear_object (&self->ahead_file);
  g_clear_object (&self->ahead_case);
  g_clear_pointer (&self->ahead_diagnostics, g_ptr_array_unref);
  g_clear_error (&self->ahead_error);
}

static void
read_ahead_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BcApplication *self = user_data;

  /* A resolved file: the path as the user named it may be relative. */
  self->ahead_case = bc_document_load_finish (BC_DOCUMENT (object), result,
                                              &self->ahead_diagnostics, &self->ahead_error);
}

static BcWindow *
find_window_for_file (BcApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!BC_IS_WINDOW (l->data))
        continue;

      shown = bc_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

/* A window still showing its welcome page takes the next case; every
 * other case gets a window of its own. */
static BcWindow *
find_empty_window (BcApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BC_IS_WINDOW (active) && bc_window_get_case (BC_WINDOW (active)) == NULL)
    return BC_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BC_IS_WINDOW (l->data) && bc_window_get_case (l->data) == NULL)
      return l->data;

  return NULL;
}

/* "backchannel oslo" opens the bundled case when no file of that name
 * exists, as the command-line options do. */
static GFile *
resolve_file (GFile *file)
{
  g_autofree char *base = NULL;
  GFile *bundled;

  if (g_file_query_exists (file, NULL))
    return g_object_ref (file);

  base = g_file_get_basename (file);
  bundled = bc_bundled_find_case (base);
  return bundled != NULL ? bundled : g_object_ref (file);
}

/* The cases of a process that ended without saving them open again, as
 * unsaved documents, only if the user says so. */
static void
recover_entry (BcRecoveryEntry *entry,
               gpointer         user_data)
{
  BcApplication *self = user_data;
  BcWindow *window = find_empty_window (self);
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    window = bc_window_new (self);

  if (!bc_window_open_recovered (window, entry, &error))
    {
      g_warning ("Could not recover “%s”: %s", bc_recovery_entry_get_title (entry), error->message);
      if (bc_window_get_case (window) == NULL && gtk_application_get_windows (GTK_APPLICATION (self))->next != NULL)
        gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
offer_recovery (BcApplication *self,
                GtkWindow     *parent)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  entries = bc_recovery_list (TRUE);
  if (entries->len > 0)
    gtk_window_present (GTK_WINDOW (bc_recovery_dialog_new (parent, entries, recover_entry, self)));
}

/* Quitting asks about each window with unsaved changes in turn, and
 * stops at the first the user keeps open. */
static void quit_next (BcApplication *self);

static gboolean
quit_next_idle (gpointer data)
{
  BcApplication *self = data;

  if (self->quitting)
    quit_next (self);
  return G_SOURCE_REMOVE;
}

static void
quit_window_closed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BcApplication) self = user_data;

  /* From an idle: when the answer came from the window's own dialog, the
   * window is still in the list, still modified, until its close request
   * returns; asking it again would cancel the quit. */
  if (bc_window_close_finish (BC_WINDOW (source), result, NULL))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_next_idle, g_steal_pointer (&self), g_object_unref);
  else
    self->quitting = FALSE;
}

static void
quit_next (BcApplication *self)
{
  GList *windows;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BC_IS_WINDOW (l->data) && bc_window_get_modified (l->data))
      {
        gtk_window_present (l->data);
        bc_window_close_async (l->data, NULL, quit_window_closed, g_object_ref (self));
        return;
      }

  /* Nothing is left unsaved; the application ends with its last window. */
  self->quitting = FALSE;
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* Callbacks */

static void
file_chosen (GFile    *file,
             gpointer  user_data)
{
  g_autoptr(GApplication) app = user_data;

  if (file != NULL)
    g_application_open (app, &file, 1, "");
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  BcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  bc_compat_choose_case_file (parent, file_chosen, g_object_ref (self));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  BcApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (bc_window_new (self)));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  BcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();

  if (settings != NULL)
    gtk_window_present (GTK_WINDOW (bc_preferences_window_new (parent, settings)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  BcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("Backchannel contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Backchannel"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("A workbench for studying how peace processes move between "
                                      "official and unofficial diplomacy: the tracks, the people "
                                      "and the transfers between them."),
                        "developer-name", _("Backchannel contributors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© Backchannel contributors"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Historical cases"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The Oslo, Camp David and Abkhazia case files are "
                                        "licensed under the Creative Commons Attribution 4.0 "
                                        "International licence (CC-BY-4.0). Each event, actor and "
                                        "transfer cites its sources; the inspector lists them."));
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about),
                             _("Case licence (CC-BY-4.0)"),
                             "https://creativecommons.org/licenses/by/4.0/");
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Concepts"),
                                                (const char *[]) {
                                                  "Louise Diamond and John McDonald, Multi-Track Diplomacy (1996)",
                                                  "Kumar Mapendere, Track One and a Half Diplomacy (2006)",
                                                  "Susan Allen Nan, Complementarity and Coordination (1999)",
                                                  NULL,
                                                });
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  BcApplication *self = user_data;

  if (self->quitting)
    return;
  self->quitting = TRUE;
  quit_next (self);
}

/* The keyboard shortcuts window is built the first time it is asked
 * for. GtkApplication would build one for every new window, from
 * gtk/help-overlay.ui under the resource base path, which is why the
 * file is not there. */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/backchannel/Backchannel/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Made transient for, and hidden on close from, the window; the
       * window keeps this action rather than adding its own. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  static const GActionEntry window_actions[] = {
    { "show-help-overlay", show_help_overlay_activated },
  };

  if (GTK_IS_APPLICATION_WINDOW (window) && gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    g_action_map_add_action_entries (G_ACTION_MAP (window), window_actions,
                                     G_N_ELEMENTS (window_actions), window);
}

static const GActionEntry app_actions[] = {
  { "open", open_activated },
  { "new-window", new_window_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

/* GObject */

static void
bc_application_startup (GApplication *app)
{
  static const struct
  {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new-case", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.toggle-outline", { "F9", NULL } },
    { "win.toggle-inspector", { "<Shift>F9", NULL } },
    { "win.toggle-analysis", { "<Control><Shift>a", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
    { "win.zoom-fit", { "<Control>9", NULL } },
    { "win.reading", { "<Control><Shift>r", NULL } },
    { "win.focus-selection", { "<Control>period", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (bc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);

  /* Without the installed schema (an uninstalled build run directly)
   * the application runs with its defaults and offers no preferences. */
  {
    g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();

    if (settings != NULL)
      bc_preferences_window_bind_color_scheme (settings);
    else
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")),
                                   FALSE);
  }

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
bc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bc_window_new (BC_APPLICATION (app)));

  gtk_window_present (window);
  offer_recovery (BC_APPLICATION (app), window);
}

static void
bc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BcApplication *self = BC_APPLICATION (app);

  /* A case named on the command line is being read ahead, its fonts
   * loaded into this thread's font map (see main()): nothing here may
   * use that map until the reading ends. */
  if (self->ahead != NULL)
    bc_document_wait_loaded (self->ahead);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GFile) file = resolve_file (files[i]);
      BcWindow *window = find_window_for_file (self, file);

      if (window == NULL)
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = bc_window_new (self);
          if (self->ahead_file != NULL && g_file_equal (file, self->ahead_file))
            {
              /* Taken once: a second open of the file reads it again. */
              bc_window_show_loaded (window, file, self->ahead_case, self->ahead_diagnostics,
                                     self->ahead_error);
              drop_ahead (self);
            }
          else
            bc_window_load (window, file);
        }

      gtk_window_present (GTK_WINDOW (window));
    }

  offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
bc_application_dispose (GObject *object)
{
  drop_ahead (BC_APPLICATION (object));
  G_OBJECT_CLASS (bc_application_parent_class)->dispose (object);
}

static void
bc_application_class_init (BcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_application_dispose;
  app_class->startup = bc_application_startup;
  app_class->activate = bc_application_activate;
  app_class->open = bc_application_open;
}

static void
bc_application_init (BcApplication *self)
{
}

/* Public API */

/**
 * bc_application_read_ahead:
 * @self: the application, not yet running
 * @file: the case named on the command line
 * @prepare: (nullable): called in the reading thread, as for
 *   bc_document_load_async()
 * @prepare_data: for @prepare
 *
 * Starts reading @file in a worker thread while GTK starts: opening @file
 * then shows the case read, unless it failed (then the error) — a case
 * is read ahead once.
 */
void
bc_application_read_ahead (BcApplication         *self,
                           GFile                 *file,
                           BcDocumentPrepareFunc  prepare,
                           gpointer               prepare_data)
{
  g_return_if_fail (BC_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  drop_ahead (self);
  self->ahead = bc_document_new ();
  self->ahead_file = g_object_ref (file);
  bc_document_load_async (self->ahead, file, prepare, prepare_data, NULL, read_ahead_done, self);
}

BcApplication *
bc_application_new (void)
{
  /* The resources live under the release id's path, whichever id runs,
   * so that the Devel build finds style.css. */
  return g_object_new (BC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/backchannel/Backchannel",
                       NULL);
}
