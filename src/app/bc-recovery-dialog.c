/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-recovery-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-recovery-dialog.h"

/* The question the first start after a crash asks: which unsaved cases
 * to open again and which to let go. Each row recovers or discards one
 * case; the dialog's own buttons do so for all of them, or keep them all
 * for the next start. A recovered case is handed to the caller, which
 * opens it as an unsaved document; nothing here writes a case file. */

typedef struct
{
  GtkWidget     *dialog;
  GtkListBox    *list;
  GPtrArray     *entries;   /* those not yet decided */
  BcRecoverFunc  recover;
  gpointer       user_data;
} RecoveryDialog;

static void
recovery_dialog_free (gpointer data)
{
  RecoveryDialog *rd = data;

  g_ptr_array_unref (rd->entries);
  g_free (rd);
}

static char *
describe_entry (BcRecoveryEntry *entry)
{
  GFile *original = bc_recovery_entry_get_original (entry);
  g_autoptr(GDateTime) local = g_date_time_to_local (bc_recovery_entry_get_saved (entry));
  g_autofree char *when = g_date_time_format (local, "%x %X");
  g_autofree char *where = NULL;
  g_autofree char *saved = NULL;

  where = original != NULL ? g_file_get_parse_name (original) : g_strdup (_("A new case, never saved to a file"));
  saved = g_strdup_printf (_("Autosaved %s"), when);

  if (bc_recovery_entry_original_changed (entry))
    return g_strdup_printf ("%s\n%s\n%s", where, saved,
                            _("The file has changed on disk since this autosave; recovering does not replace it."));
  return g_strdup_printf ("%s\n%s", where, saved);
}

static void
forget_entry (RecoveryDialog  *rd,
              BcRecoveryEntry *entry,
              GtkWidget       *row)
{
  gtk_list_box_remove (rd->list, row);
  g_ptr_array_remove (rd->entries, entry);

  if (rd->entries->len == 0)
    gtk_window_close (GTK_WINDOW (rd->dialog));
}

static void
discard_entry (BcRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!bc_recovery_entry_discard (entry, &error))
    g_warning ("%s", error->message);
}

static void
row_button_clicked (GtkButton      *button,
                    RecoveryDialog *rd)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  BcRecoveryEntry *entry = g_object_get_data (G_OBJECT (row), "bc-entry");
  g_autoptr(BcRecoveryEntry) held = g_object_ref (entry);

  if (g_object_get_data (G_OBJECT (button), "bc-recover") != NULL)
    rd->recover (held, rd->user_data);
  else
    discard_entry (held);

  forget_entry (rd, held, row);
}

static GtkWidget *
entry_row_new (RecoveryDialog  *rd,
               BcRecoveryEntry *entry)
{
  const char *stored = bc_recovery_entry_get_title (entry);
  const char *title = stored != NULL && *stored != '\0' ? stored : _("Untitled Case");
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *subtitle = describe_entry (entry);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  g_autofree char *recover_label = g_strdup_printf (_("Recover “%s”"), title);
  g_autofree char *discard_label = g_strdup_printf (_("Discard “%s”"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *recover = gtk_button_new_with_mnemonic (_("_Recover"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);

  gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (recover, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (recover), GTK_ACCESSIBLE_PROPERTY_LABEL, recover_label, -1);
  g_object_set_data (G_OBJECT (recover), "bc-recover", GINT_TO_POINTER (TRUE));
  g_signal_connect (recover, "clicked", G_CALLBACK (row_button_clicked), rd);

  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, discard_label, -1);
  g_signal_connect (discard, "clicked", G_CALLBACK (row_button_clicked), rd);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);
  g_object_set_data_full (G_OBJECT (row), "bc-entry", g_object_ref (entry), g_object_unref);
  return row;
}

static void
dialog_response (AdwMessageDialog *dialog,
                 const char       *response,
                 RecoveryDialog   *rd)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_copy (rd->entries, (GCopyFunc) g_object_ref, NULL);

  g_ptr_array_set_free_func (entries, g_object_unref);

  /* "later" keeps every entry for the next start. */
  for (guint i = 0; i < entries->len; i++)
    {
      BcRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (response, "recover-all"))
        rd->recover (entry, rd->user_data);
      else if (g_str_equal (response, "discard-all"))
        discard_entry (entry);
    }
}

/**
 * bc_recovery_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @entries: (element-type BcRecoveryEntry): the unsaved cases
 * @recover: opens one of them
 * @user_data: for @recover
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
bc_recovery_dialog_new (GtkWindow     *parent,
                        GPtrArray     *entries,
                        BcRecoverFunc  recover,
                        gpointer       user_data)
{
  RecoveryDialog *rd = g_new0 (RecoveryDialog, 1);
  GtkWidget *scrolled;
  const char *body;

  g_return_val_if_fail (entries != NULL && entries->len > 0, NULL);
  g_return_val_if_fail (recover != NULL, NULL);

  body = g_dngettext (GETTEXT_PACKAGE,
                      "Backchannel did not close properly, and a case had changes that were not saved. "
                      "Recovering opens it as an unsaved case; its file is not changed until you save.",
                      "Backchannel did not close properly, and some cases had changes that were not saved. "
                      "Recovering opens each as an unsaved case; their files are not changed until you save.",
                      entries->len);
  rd->dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body);
  rd->entries = g_ptr_array_copy (entries, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (rd->entries, g_object_unref);
  rd->recover = recover;
  rd->user_data = user_data;

  rd->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (rd->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (rd->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (rd->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Unsaved cases"), -1);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (rd->list, entry_row_new (rd, g_ptr_array_index (entries, i)));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (rd->list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (rd->dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (rd->dialog),
                                    "later", _("_Later"),
                                    "discard-all", _("_Discard All"),
                                    "recover-all", _("_Recover All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (rd->dialog), "discard-all",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (rd->dialog), "recover-all",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (rd->dialog), "recover-all");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (rd->dialog), "later");
  g_signal_connect (rd->dialog, "response", G_CALLBACK (dialog_response), rd);
  g_object_set_data_full (G_OBJECT (rd->dialog), "bc-recovery-dialog", rd, recovery_dialog_free);

  return rd->dialog;
}
