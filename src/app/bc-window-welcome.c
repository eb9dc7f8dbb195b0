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
#include "bc-import-dialog.h"
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

/* The welcome page of a window: the bundled cases, the recent files, and
 * files dropped on the window. */

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
void
_bc_window_ensure_welcome_lists (BcWindow *self)
{
  if (self->welcome_filled)
    return;

  self->welcome_filled = TRUE;
  fill_bundled_cases (self);
  fill_recent_cases (self);
}

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
  _bc_window_ensure_welcome_lists (self);
}

/* A table or references file is imported into the case shown; anything
 * else is opened as a case. */
gboolean
_bc_window_drop_file (BcWindow *self,
                      GFile    *file)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (file == NULL)
    return FALSE;

  if (bc_import_dialog_can_import (file))
    _bc_window_import (self, file);
  else if (app != NULL)
    g_application_open (app, &file, 1, "");
  else
    bc_window_open (self, file);
  return TRUE;
}

static gboolean
file_dropped (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              BcWindow      *self)
{
  return _bc_window_drop_file (self, g_value_get_object (value));
}

static void
duplicate_row_clicked (GtkButton *button,
                       BcWindow  *self)
{
  GFile *file = g_object_get_data (G_OBJECT (button), "bc-file");
  BcWindow *window = _bc_window_for_new_case (self);

  if (file != NULL && bc_window_open_copy (window, file))
    gtk_window_present (GTK_WINDOW (window));
  else if (window != self)
    gtk_window_destroy (GTK_WINDOW (window));
}

/* Registration */

void
_bc_window_welcome_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, file_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, welcome_page_mapped);
}

void
_bc_window_welcome_init (BcWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect (self->recent_manager, "changed", G_CALLBACK (recent_changed), self);
}

void
_bc_window_welcome_dispose (BcWindow *self)
{
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_manager, recent_changed, self);
  self->recent_manager = NULL;
}
