/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bc-export-dialog-private.h"
#include "ui-test-util.h"

/* File → Export… offers the exchange formats beside the pictures, and
 * writes them with the functions --export calls: the file the dialog
 * saves is the command line's, byte for byte. */

static BcExportDialog *
open_export_dialog (BcWindow *window)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = _bc_window_get_export_dialog (window);
  g_assert_nonnull (dialog);
  drain ();
  return BC_EXPORT_DIALOG (dialog);
}

/* Runs backchannel --export=OUT CASE and returns what it wrote. */
static char *
cli_export (const char *out,
            const char *case_name,
            const char *read_back,
            gsize      *length)
{
  const char *exe = g_getenv ("BACKCHANNEL_EXE");
  g_autofree char *out_arg = g_strconcat ("--export=", out, NULL);
  const char *argv[] = { exe, out_arg, case_name, NULL };
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (read_back, &contents, length, NULL));
  return contents;
}

static guint
row_of (BcExportDialog   *dialog,
        BcExchangeFormat  wanted)
{
  AdwComboRow *row = _bc_export_dialog_get_format_row (dialog);
  GListModel *model = adw_combo_row_get_model (row);
  BcExchangeFormat format;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, BC_EXPORT_DIALOG_N_FORMATS);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      adw_combo_row_set_selected (row, i);
      if (_bc_export_dialog_get_exchange (dialog, &format) && format == wanted)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_every_format_offered (void)
{
  static const BcExchangeFormat all[] = {
    BC_EXCHANGE_CSV, BC_EXCHANGE_GEPHI_CSV, BC_EXCHANGE_GEXF, BC_EXCHANGE_GRAPHML,
    BC_EXCHANGE_CSL_JSON, BC_EXCHANGE_BIBTEX, BC_EXCHANGE_TIMELINEJS, BC_EXCHANGE_KUMU,
  };
  static const char *names[] = {
    "oslo-tables", "oslo-gephi", "oslo.gexf", "oslo.graphml",
    "oslo.csl.json", "oslo.bib", "oslo.timeline.json", "oslo.kumu.json",
  };
  BcWindow *window = window_with_case ("oslo");
  BcExportDialog *dialog = open_export_dialog (window);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *name = NULL;

      row_of (dialog, all[i]);
      name = _bc_export_dialog_get_suggested_name (dialog);
      g_assert_cmpstr (name, ==, names[i]);
    }
  /* The pictures are still there, first. */
  adw_combo_row_set_selected (_bc_export_dialog_get_format_row (dialog), BC_EXPORT_PDF);
  g_assert_false (_bc_export_dialog_get_exchange (dialog, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_gexf_same_as_command_line (void)
{
  BcWindow *window = window_with_case ("oslo");
  g_autofree char *dir = g_dir_make_tmp ("bc-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dialog.gexf", NULL);
  g_autofree char *cli_path = g_build_filename (dir, "cli.gexf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *dialog_bytes = NULL;
  g_autofree char *cli_bytes = NULL;
  gsize dialog_length, cli_length;
  BcExportDialog *dialog;

  if (g_getenv ("BACKCHANNEL_EXE") == NULL)
    {
      g_test_skip ("BACKCHANNEL_EXE is not set");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  dialog = open_export_dialog (window);
  row_of (dialog, BC_EXCHANGE_GEXF);
  g_assert_true (_bc_export_dialog_save_to (dialog, file));
  g_assert_null (_bc_window_get_export_dialog (window));
  g_assert_true (g_file_get_contents (path, &dialog_bytes, &dialog_length, NULL));
  g_assert_nonnull (strstr (dialog_bytes, "<gexf"));
  g_assert_nonnull (strstr (dialog_bytes, "mode=\"dynamic\""));

  cli_bytes = cli_export (cli_path, "oslo", cli_path, &cli_length);
  g_assert_cmpuint (dialog_length, ==, cli_length);
  g_assert_true (memcmp (dialog_bytes, cli_bytes, dialog_length) == 0);

  g_remove (path);
  g_remove (cli_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_csv_folder_same_as_command_line (void)
{
  BcWindow *window = window_with_case ("oslo");
  g_autofree char *dir = g_dir_make_tmp ("bc-export-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "oslo-tables", NULL);
  g_autofree char *cli_folder = g_build_filename (dir, "cli", NULL);
  g_autofree char *cli_out = g_strconcat (cli_folder, "/", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  BcExportDialog *dialog;
  static const char *tables[] = { "events", "actors", "transfers", "sources", "links", "annotations" };

  if (g_getenv ("BACKCHANNEL_EXE") == NULL)
    {
      g_test_skip ("BACKCHANNEL_EXE is not set");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  dialog = open_export_dialog (window);
  row_of (dialog, BC_EXCHANGE_CSV);
  g_assert_true (_bc_export_dialog_save_to (dialog, file));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *name = g_strconcat (tables[i], ".csv", NULL);
      g_autofree char *mine = g_build_filename (folder, name, NULL);
      g_autofree char *theirs = g_build_filename (cli_folder, name, NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize la, lb;

      g_assert_true (g_file_get_contents (mine, &a, &la, NULL));
      if (i == 0)
        {
          g_free (cli_export (cli_out, "oslo", theirs, &lb));
          g_assert_true (g_str_has_prefix (a, "id,"));
        }
      g_assert_true (g_file_get_contents (theirs, &b, &lb, NULL));
      g_assert_cmpuint (la, ==, lb);
      g_assert_true (memcmp (a, b, la) == 0);
      g_remove (mine);
      g_remove (theirs);
    }
  g_rmdir (folder);
  g_rmdir (cli_folder);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/export/every-exchange-format-offered", test_every_format_offered);
  g_test_add_func ("/ui/export/gexf-same-as-command-line", test_gexf_same_as_command_line);
  g_test_add_func ("/ui/export/csv-folder-same-as-command-line", test_csv_folder_same_as_command_line);
  return g_test_run ();
}
