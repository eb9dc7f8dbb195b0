/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-compat"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-compat.h"

/* The one place where APIs newer than the Debian 12 baseline (GTK 4.8,
 * libadwaita 1.2) may be used, each behind a version check. */

typedef struct
{
  BcCompatFileCallback callback;
  gpointer             user_data;
} ChooseData;

static GtkFileFilter *
case_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case files"));
  gtk_file_filter_add_pattern (filter, "*.bcase");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChooseData *data = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  data->callback (file, data->user_data);
  g_free (data);
}
#else
static void
native_response (GtkNativeDialog *native,
                 int              response,
                 gpointer         user_data)
{
  ChooseData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  data->callback (file, data->user_data);
  g_free (data);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

/**
 * bc_compat_choose_open_file:
 * @parent: (nullable): the window to attach the chooser to
 * @title: the chooser's title
 * @filter: the kind of file to open
 * @callback: called once, with the file or %NULL
 * @user_data: for @callback
 *
 * Asks the user for a file to read, through the portal where there is
 * one.
 */
void
bc_compat_choose_open_file (GtkWindow            *parent,
                            const char           *title,
                            GtkFileFilter        *filter,
                            BcCompatFileCallback  callback,
                            gpointer              user_data)
{
  ChooseData *data = g_new0 (ChooseData, 1);

  data->callback = callback;
  data->user_data = user_data;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, parent, NULL, file_dialog_done, data);
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Open"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    g_signal_connect (native, "response", G_CALLBACK (native_response), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * bc_compat_choose_case_file:
 * @parent: (nullable): the window to attach the chooser to
 * @callback: called once, with the file or %NULL
 * @user_data: for @callback
 *
 * Asks the user for a case file, through the portal where there is one.
 */
void
bc_compat_choose_case_file (GtkWindow            *parent,
                            BcCompatFileCallback  callback,
                            gpointer              user_data)
{
  g_autoptr(GtkFileFilter) filter = case_file_filter ();

  bc_compat_choose_open_file (parent, _("Open a Case"), filter, callback, user_data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
save_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChooseData *data = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  data->callback (file, data->user_data);
  g_free (data);
}
#endif

/**
 * bc_compat_choose_save_file:
 * @parent: (nullable): the window to attach the chooser to
 * @title: the chooser's title
 * @folder: (nullable): the folder to start in
 * @name: (nullable): the file name to suggest
 * @filter: (nullable): the kind of file being saved
 * @callback: called once, with the file or %NULL
 * @user_data: for @callback
 *
 * Asks the user where to save a file, through the portal where there is
 * one. The chooser itself asks before replacing an existing file.
 */
void
bc_compat_choose_save_file (GtkWindow            *parent,
                            const char           *title,
                            GFile                *folder,
                            const char           *name,
                            GtkFileFilter        *filter,
                            BcCompatFileCallback  callback,
                            gpointer              user_data)
{
  ChooseData *data = g_new0 (ChooseData, 1);

  data->callback = callback;
  data->user_data = user_data;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    if (name != NULL)
      gtk_file_dialog_set_initial_name (dialog, name);
    if (filter != NULL)
      {
        g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

        g_list_store_append (filters, filter);
        gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
        gtk_file_dialog_set_default_filter (dialog, filter);
      }
    gtk_file_dialog_save (dialog, parent, NULL, save_dialog_done, data);
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Save"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    if (folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    if (name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    if (filter != NULL)
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    g_signal_connect (native, "response", G_CALLBACK (native_response), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/**
 * bc_compat_open_web_link:
 * @parent: (nullable): the window asking
 * @uri: a link from a case file
 *
 * Opens @uri in the browser when, and only when, it is an http or https
 * link: a case file is untrusted input, and must not make the desktop
 * open local files or run other handlers.
 *
 * Returns: whether the link was handed to the browser
 */
gboolean
bc_compat_open_web_link (GtkWindow  *parent,
                         const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return FALSE;

  if (!g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return FALSE;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif

  return TRUE;
}
