/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-bib-import.h"
#include "bc-compat.h"
#include "bc-csv-import.h"
#include "bc-import-dialog.h"
#include "bc-reader.h"
#include "bc-writer.h"

/* File → Import…: a file from elsewhere read, checked and previewed
 * before anything is added. The file is read on a worker thread against
 * a copy of the case (the CSV import tries its rows on the case it
 * targets, and no view may see that), with a progress bar and a Stop
 * button; what the user accepts is applied to the case on the main
 * thread as one step of its history. Every rule is the core's: the
 * dialog only shows what BcCsvImport, BcBibImport and the PA-X reader
 * say. */

#define PREVIEW_ROWS  20
#define SHOWN_PROBLEMS 100

typedef enum
{
  KIND_NONE,
  KIND_CSV,
  KIND_PAX,
  KIND_BIB,
} Kind;

/* Counts what a worker has read, for the progress bar. */

#define BC_TYPE_COUNTING_STREAM (bc_counting_stream_get_type ())
G_DECLARE_FINAL_TYPE (BcCountingStream, bc_counting_stream, BC, COUNTING_STREAM, GFilterInputStream)

struct _BcCountingStream
{
  GFilterInputStream parent_instance;
  gssize            *position; /* atomic, the load's */
};

static void bc_counting_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BcCountingStream, bc_counting_stream, G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE, bc_counting_stream_seekable_init))

struct _BcImportDialog
{
  AdwWindow          parent_instance;

  BcCase            *case_;
  GFile             *file;
  Kind               kind;
  gboolean           table_set;
  BcTable            table;
  BcDateOrder        date_order;
  GHashTable        *mapping;      /* column → field, "" to leave out */
  BcCsvImport       *csv;
  BcBibImport       *bib;
  GPtrArray         *processes;    /* BcPaxProcess */
  gboolean           pax_invalid;  /* the process has unreadable agreements */
  BcPaxSelection    *pax_selection; /* the agreements read of one process */
  char              *pax_number;   /* its number */
  gboolean           pax_only_valid; /* what the button pressed asked for */
  GCancellable      *cancellable;  /* of the load running */
  GTask             *task;         /* the load running */
  goffset            size;
  guint              progress_id;
  gboolean           filling;      /* rows being set, not chosen */

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *import_all_button;
  GtkButton         *import_valid_button;
  AdwActionRow      *file_row;
  GtkBox            *progress_box;
  GtkProgressBar    *progress_bar;
  GtkLabel          *status_label;
  AdwPreferencesGroup *csv_group;
  AdwComboRow       *table_row;
  AdwComboRow       *date_order_row;
  AdwPreferencesGroup *columns_group;
  GtkListBox        *columns_list;
  AdwPreferencesGroup *pax_group;
  GtkSearchEntry    *pax_search;
  GtkListBox        *pax_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox        *problems_list;
  AdwPreferencesGroup *preview_group;
  GtkListBox        *preview_list;
};

G_DEFINE_FINAL_TYPE (BcImportDialog, bc_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a worker is given and gives back. */
typedef struct
{
  GFile             *file;
  char              *display_name;
  GBytes            *snapshot;
  gssize             position;     /* bytes read, atomic */
  Kind               kind;
  gboolean           table_set;
  BcTable            table;
  BcDateOrder        date_order;
  GHashTable        *mapping;
  char              *process;      /* PA-X: the process whose agreements to read */
} LoadData;

typedef struct
{
  Kind          kind;
  BcCsvImport  *csv;
  BcBibImport  *bib;
  GPtrArray    *processes;
} LoadResult;

static void start_load (BcImportDialog *self);

/* Auxiliary functions */

static gssize
bc_counting_stream_read (GInputStream  *stream,
                         void          *buffer,
                         gsize          count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  BcCountingStream *self = BC_COUNTING_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n = g_input_stream_read (base, buffer, count, cancellable, error);

  if (n > 0)
    g_atomic_pointer_add (self->position, n);
  return n;
}

static goffset
bc_counting_stream_tell (GSeekable *seekable)
{
  return g_seekable_tell (G_SEEKABLE (g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (seekable))));
}

static gboolean
bc_counting_stream_can_seek (GSeekable *seekable)
{
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (seekable));

  return G_IS_SEEKABLE (base) && g_seekable_can_seek (G_SEEKABLE (base));
}

/* The CSV import reads a file again, month first, when its dates say
 * so: the bar starts over with it. */
static gboolean
bc_counting_stream_seek (GSeekable     *seekable,
                         goffset        offset,
                         GSeekType      type,
                         GCancellable  *cancellable,
                         GError       **error)
{
  BcCountingStream *self = BC_COUNTING_STREAM (seekable);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (seekable));

  if (!G_IS_SEEKABLE (base))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The file cannot be read again"));
      return FALSE;
    }
  if (!g_seekable_seek (G_SEEKABLE (base), offset, type, cancellable, error))
    return FALSE;
  g_atomic_pointer_set (self->position, (gssize) g_seekable_tell (G_SEEKABLE (base)));
  return TRUE;
}

static gboolean
bc_counting_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
bc_counting_stream_truncate (GSeekable     *seekable,
                             goffset        offset,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "read only");
  return FALSE;
}

static void
bc_counting_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = bc_counting_stream_tell;
  iface->can_seek = bc_counting_stream_can_seek;
  iface->seek = bc_counting_stream_seek;
  iface->can_truncate = bc_counting_stream_can_truncate;
  iface->truncate_fn = bc_counting_stream_truncate;
}

static void
bc_counting_stream_class_init (BcCountingStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = bc_counting_stream_read;
}

static void
bc_counting_stream_init (BcCountingStream *self)
{
}

static Kind
kind_of_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (folded == NULL)
    return KIND_NONE;
  if (g_str_has_suffix (folded, ".bib") || g_str_has_suffix (folded, ".json"))
    return KIND_BIB;
  if (g_str_has_suffix (folded, ".csv") || g_str_has_suffix (folded, ".tsv") ||
      g_str_has_suffix (folded, ".txt"))
    return KIND_CSV;
  return KIND_NONE;
}

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->display_name);
  g_clear_pointer (&data->snapshot, g_bytes_unref);
  g_clear_pointer (&data->mapping, g_hash_table_unref);
  g_free (data->process);
  g_free (data);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->csv);
  g_clear_object (&result->bib);
  g_clear_pointer (&result->processes, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

/* A row as the outline would name what it adds. */
static char *
describe (GObject *object)
{
  if (object == NULL)
    return g_strdup (_("Cannot be read"));
  if (BC_IS_EVENT (object))
    {
      g_autofree char *date = bc_date_to_string (bc_event_get_date (BC_EVENT (object)));

      return g_strdup_printf (_("%s — %s"), date != NULL ? date : _("no date"),
                              bc_event_get_title (BC_EVENT (object)) ? bc_event_get_title (BC_EVENT (object)) : "");
    }
  if (BC_IS_ACTOR (object))
    return g_strdup (bc_actor_get_name (BC_ACTOR (object)));
  if (BC_IS_TRANSFER (object))
    return g_strdup_printf (_("%s → %s: %s"), bc_transfer_get_from (BC_TRANSFER (object)),
                            bc_transfer_get_to (BC_TRANSFER (object)),
                            bc_transfer_get_title (BC_TRANSFER (object)) ? bc_transfer_get_title (BC_TRANSFER (object)) : "");
  if (BC_IS_SOURCE (object))
    return g_strdup (bc_source_get_citation (BC_SOURCE (object)));
  if (BC_IS_LINK (object))
    return g_strdup_printf (_("%s → %s"), bc_link_get_from (BC_LINK (object)), bc_link_get_to (BC_LINK (object)));
  if (BC_IS_ANNOTATION (object))
    return g_strdup (bc_annotation_get_text (BC_ANNOTATION (object)));
  return g_strdup ("");
}

static void
set_status (BcImportDialog *self,
            const char     *text,
            gboolean        is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
show_problems (BcImportDialog *self,
               GPtrArray      *problems)
{
  clear_list (self->problems_list);
  for (guint i = 0; i < problems->len && i < SHOWN_PROBLEMS; i++)
    {
      g_autofree char *line = bc_import_problem_to_string (g_ptr_array_index (problems, i));

      gtk_list_box_append (self->problems_list, text_row (line, NULL));
    }
  if (problems->len > SHOWN_PROBLEMS)
    {
      guint more = problems->len - SHOWN_PROBLEMS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more problem",
                                                            "And %u more problems", more), more);

      gtk_list_box_append (self->problems_list, text_row (text, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
}

/* “Import All 42 Rows” when nothing is wrong; “Import 40 Valid Rows”
 * beside a disabled Import All when something is. */
static void
update_buttons (BcImportDialog *self,
                guint           n_rows,
                guint           n_valid,
                guint           n_problems)
{
  g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import _All %u Row",
                                                       "Import _All %u Rows", n_rows), n_rows);
  g_autofree char *valid = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u _Valid Row",
                                                         "Import %u _Valid Rows", n_valid), n_valid);

  gtk_button_set_label (self->import_all_button, all);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button), n_problems == 0 && n_valid > 0);
  gtk_button_set_label (self->import_valid_button, valid);
  gtk_widget_set_visible (GTK_WIDGET (self->import_valid_button), n_problems > 0 && n_valid > 0);
  /* A load in progress made it insensitive: the rows are read now. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_valid_button), n_problems > 0 && n_valid > 0);
}

static void column_field_changed (AdwComboRow    *row,
                                  GParamSpec     *pspec,
                                  BcImportDialog *self);

static void
show_columns (BcImportDialog *self)
{
  const char * const *columns = bc_csv_import_get_columns (self->csv);
  const char * const *fields = bc_csv_import_list_fields (bc_csv_import_get_table (self->csv));

  clear_list (self->columns_list);
  for (guint c = 0; columns[c] != NULL; c++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      const char *field = bc_csv_import_get_column_field (self->csv, c);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      gtk_string_list_append (model, _("Leave out"));
      for (guint f = 0; fields[f] != NULL; f++)
        {
          gtk_string_list_append (model, fields[f]);
          if (g_strcmp0 (field, fields[f]) == 0)
            selected = f + 1;
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), columns[c]);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data_full (G_OBJECT (row), "bc-column", g_strdup (columns[c]), g_free);
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_field_changed), self);
      gtk_list_box_append (self->columns_list, row);
    }
}

static void
show_csv (BcImportDialog *self)
{
  guint n_rows = bc_csv_import_get_n_rows (self->csv);
  GPtrArray *problems = bc_csv_import_get_problems (self->csv);
  BcTable table = bc_csv_import_get_table (self->csv);

  self->filling = TRUE;
  if (table < BC_N_CASE_TABLES)
    adw_combo_row_set_selected (self->table_row, table);
  show_columns (self);
  self->filling = FALSE;

  clear_list (self->preview_list);
  for (guint i = 0; i < n_rows && i < PREVIEW_ROWS; i++)
    {
      GObject *object = bc_csv_import_get_row_object (self->csv, i);
      g_autofree char *title = describe (object);
      g_autofree char *subtitle = NULL;
      guint row = bc_csv_import_get_row_number (self->csv, i);

      if (bc_csv_import_get_row_valid (self->csv, i))
        subtitle = g_strdup_printf (_("Row %u"), row);
      else
        subtitle = g_strdup_printf (_("Row %u · has a problem, left out by Import Valid Rows"), row);
      gtk_list_box_append (self->preview_list, text_row (title, subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->csv_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), n_rows > 0);
  show_problems (self, problems);
  update_buttons (self, n_rows, bc_csv_import_get_n_valid (self->csv), problems->len);

  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, %u with problems",
                                                          "%u rows, %u with problems", n_rows),
                                             n_rows, n_rows - bc_csv_import_get_n_valid (self->csv));
    set_status (self, text, FALSE);
  }
}

static void
show_bib (BcImportDialog *self)
{
  guint n = bc_bib_import_get_n_entries (self->bib);
  GPtrArray *problems = bc_bib_import_get_problems (self->bib);

  clear_list (self->preview_list);
  for (guint i = 0; i < n && i < PREVIEW_ROWS; i++)
    {
      BcSource *source = bc_bib_import_get_source (self->bib, i);
      const char *match = bc_bib_import_get_match (self->bib, i);
      g_autofree char *subtitle = NULL;

      if (match != NULL)
        subtitle = g_strdup_printf (_("Updates the source %s, which has the same DOI or URL"), match);
      else
        subtitle = g_strdup_printf (_("A new source %s"), bc_item_get_id (BC_ITEM (source)));
      gtk_list_box_append (self->preview_list, text_row (bc_source_get_citation (source), subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), n > 0);
  show_problems (self, problems);
  update_buttons (self, n + problems->len, bc_bib_import_get_n_valid (self->bib), problems->len);
}

static gboolean
filter_process (GtkListBoxRow *row,
                gpointer       user_data)
{
  BcImportDialog *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->pax_search));
  const char *name = g_object_get_data (G_OBJECT (row), "bc-search");
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  return *wanted == '\0' || (name != NULL && strstr (name, wanted) != NULL);
}

static void
show_processes (BcImportDialog *self)
{
  clear_list (self->pax_list);
  for (guint i = 0; i < self->processes->len; i++)
    {
      BcPaxProcess *process = g_ptr_array_index (self->processes, i);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Process %s · %u agreement",
                                                                "Process %s · %u agreements",
                                                                process->n_agreements),
                                                   process->number, process->n_agreements);
      GtkWidget *row = text_row (process->name, subtitle);
      g_autofree char *search = g_strconcat (process->name, " ", process->number, NULL);

      g_object_set_data_full (G_OBJECT (row), "bc-search", g_utf8_casefold (search, -1), g_free);
      g_object_set_data (G_OBJECT (row), "bc-process", process);
      gtk_list_box_append (self->pax_list, row);
    }
  gtk_list_box_set_filter_func (self->pax_list, filter_process, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pax_group), TRUE);
  gtk_button_set_label (self->import_all_button, _("Import _Agreements"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button), FALSE);
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A PA-X agreements file: %u peace process",
                                                          "A PA-X agreements file: %u peace processes",
                                                          self->processes->len),
                                             self->processes->len);
    set_status (self, text, FALSE);
  }
}

static void
hide_results (BcImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->csv_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->pax_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_valid_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button), FALSE);
}

static void
stop_progress (BcImportDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->task);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), FALSE);
}

static gboolean
update_progress (gpointer user_data)
{
  BcImportDialog *self = user_data;
  gssize read;

  if (self->task == NULL)
    return G_SOURCE_CONTINUE;
  read = (gssize) g_atomic_pointer_get (&((LoadData *) g_task_get_task_data (self->task))->position);
  if (self->size > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) read / self->size));
  else
    gtk_progress_bar_pulse (self->progress_bar);
  {
    g_autofree char *done = g_format_size (read);
    g_autofree char *total = g_format_size (self->size);
    g_autofree char *text = g_strdup_printf (_("%s of %s read"), done, total);

    gtk_progress_bar_set_text (self->progress_bar, text);
  }
  return G_SOURCE_CONTINUE;
}

/* The file a worker reads, through a stream that counts the bytes read
 * into @data's position for the progress bar; %NULL with @error set when
 * it cannot be opened. */
static BcCountingStream *
open_counting (LoadData      *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) file_stream = g_file_read (data->file, cancellable, error);
  BcCountingStream *counting;

  if (file_stream == NULL)
    return NULL;
  counting = g_object_new (BC_TYPE_COUNTING_STREAM, "base-stream", file_stream, NULL);
  counting->position = &data->position;
  return counting;
}

/* Runs on a worker thread: nothing here touches the window or the case
 * shown, only the copy read from @data's snapshot. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) copy = NULL;
  g_autoptr(BcCountingStream) counting = open_counting (data, cancellable, &error);
  GInputStream *stream;

  if (counting == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stream = G_INPUT_STREAM (counting);
  copy = bc_case_read_bytes (data->snapshot, data->display_name, NULL, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result->kind = data->kind;
  if (result->kind == KIND_BIB)
    {
      result->bib = bc_bib_import_new (copy);
      if (!bc_bib_import_load (result->bib, stream, data->display_name, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
      return;
    }

  /* A CSV may be PA-X's: its header tells at once. */
  if (result->kind == KIND_NONE || result->kind == KIND_PAX)
    {
      result->processes = bc_pax_list_processes (stream, data->display_name, cancellable, &error);
      if (result->processes != NULL)
        {
          result->kind = KIND_PAX;
          g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
          return;
        }
      if (!g_error_matches (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_FORMAT) ||
          !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, NULL))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_clear_error (&error);
    }

  result->kind = KIND_CSV;
  result->csv = bc_csv_import_new (copy);
  if (data->table_set)
    bc_csv_import_set_table (result->csv, data->table);
  bc_csv_import_set_date_order (result->csv, data->date_order);
  {
    GHashTableIter iter;
    gpointer column, field;

    g_hash_table_iter_init (&iter, data->mapping);
    while (g_hash_table_iter_next (&iter, &column, &field))
      bc_csv_import_set_mapping (result->csv, column, *(char *) field ? field : "-", NULL);
  }
  if (!bc_csv_import_load (result->csv, stream, data->display_name, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) load_result_free);
}

static void
load_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  BcImportDialog *self = BC_IMPORT_DIALOG (source);
  GTask *task = G_TASK (res);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoadResult) result = g_task_propagate_pointer (task, &error);

  /* A newer load replaced this one. */
  if (g_task_get_cancellable (task) != self->cancellable)
    return;

  stop_progress (self);
  g_clear_object (&self->cancellable);
  if (result == NULL)
    {
      hide_results (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, _("Stopped: nothing was read and nothing will be imported"), FALSE);
      else
        set_status (self, error->message, TRUE);
      return;
    }

  self->kind = result->kind;
  g_set_object (&self->csv, result->csv);
  g_set_object (&self->bib, result->bib);
  g_clear_pointer (&self->processes, g_ptr_array_unref);
  self->processes = g_steal_pointer (&result->processes);
  self->pax_invalid = FALSE;
  g_clear_pointer (&self->pax_selection, bc_pax_selection_free);
  g_clear_pointer (&self->pax_number, g_free);
  hide_results (self);
  switch (self->kind)
    {
    case KIND_CSV:
      show_csv (self);
      break;
    case KIND_PAX:
      show_processes (self);
      break;
    case KIND_BIB:
      show_bib (self);
      set_status (self, NULL, FALSE);
      break;
    case KIND_NONE:
    default:
      break;
    }
}

static void
start_load (BcImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFileInfo) info = NULL;
  LoadData *data;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  if (self->file == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  self->size = info != NULL ? g_file_info_get_size (info) : 0;

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (self->file);
  data->display_name = g_file_get_basename (self->file);
  data->snapshot = bc_case_to_bytes (self->case_);
  data->kind = self->kind != KIND_NONE ? self->kind : kind_of_file (self->file);
  if (data->kind == KIND_CSV && self->csv == NULL)
    data->kind = KIND_NONE; /* not yet known not to be PA-X */
  data->table_set = self->table_set;
  data->table = self->table;
  data->date_order = self->date_order;
  data->mapping = g_hash_table_ref (self->mapping);
  /* The mapping is the worker's now: changes go to a fresh table. */
  {
    GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->mapping);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
    g_hash_table_unref (self->mapping);
    self->mapping = copy;
  }

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, start_load);
  /* The worker counts into the data; the bar reads it from there. */
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_check_cancellable (task, TRUE);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_valid_button), FALSE);
  set_status (self, NULL, FALSE);
  g_task_run_in_thread (task, load_in_thread);
  self->task = g_steal_pointer (&task);
  self->progress_id = g_timeout_add (100, update_progress, self);
}

static void
finish (BcImportDialog *self,
        const char     *message)
{
  g_signal_emit (self, signals[IMPORTED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Adds the agreements read, as one step, on the main thread. */
static void
apply_pax (BcImportDialog *self,
           gboolean        only_valid)
{
  g_autoptr(GError) error = NULL;
  g_auto(BcPaxResult) result = { 0 };
  g_autofree char *message = NULL;

  if (!bc_pax_apply (self->case_, self->pax_selection, only_valid, &result, &error))
    {
      if (g_error_matches (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID))
        {
          gtk_button_set_label (self->import_valid_button, _("Import the _Valid Agreements"));
          gtk_widget_set_visible (GTK_WIDGET (self->import_valid_button), TRUE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->import_valid_button), TRUE);
        }
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button),
                                gtk_list_box_get_selected_row (self->pax_list) != NULL);
      set_status (self, error->message, TRUE);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement added, %u updated",
                                          "%u agreements added, %u updated", result.added),
                             result.added, result.updated);
  finish (self, message);
}

/* Runs on a worker thread: reads the chosen process's agreements from
 * the file, touching no case. */
static void
pax_read_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCountingStream) counting = open_counting (data, cancellable, &error);
  BcPaxSelection *selection;

  if (counting == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  selection = bc_pax_read_process (G_INPUT_STREAM (counting), data->display_name, data->process,
                                   cancellable, &error);
  if (selection == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, selection, (GDestroyNotify) bc_pax_selection_free);
}

static void
pax_read_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  BcImportDialog *self = BC_IMPORT_DIALOG (source);
  GTask *task = G_TASK (res);
  g_autoptr(GError) error = NULL;
  BcPaxSelection *selection = g_task_propagate_pointer (task, &error);

  /* Stopped by a newer load, or the dialog closed. */
  if (g_task_get_cancellable (task) != self->cancellable)
    {
      bc_pax_selection_free (selection);
      return;
    }

  stop_progress (self);
  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pax_list), TRUE);
  if (selection == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button),
                                gtk_list_box_get_selected_row (self->pax_list) != NULL);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, _("Stopped: nothing was imported"), FALSE);
      else
        set_status (self, error->message, TRUE);
      return;
    }

  g_clear_pointer (&self->pax_selection, bc_pax_selection_free);
  self->pax_selection = selection;
  g_free (self->pax_number);
  self->pax_number = g_strdup (g_task_get_task_data (task) != NULL
                               ? ((LoadData *) g_task_get_task_data (task))->process : NULL);
  set_status (self, NULL, FALSE);
  apply_pax (self, self->pax_only_valid);
}

/* The PA-X file is large: its agreements are read again for the
 * process chosen on a worker, with the progress bar and Stop. */
static void
start_pax_read (BcImportDialog *self,
                const char     *number,
                gboolean        only_valid)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  self->pax_only_valid = only_valid;
  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (self->file);
  data->display_name = g_file_get_basename (self->file);
  data->process = g_strdup (number);

  task = g_task_new (self, self->cancellable, pax_read_done, NULL);
  g_task_set_source_tag (task, start_pax_read);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_check_cancellable (task, TRUE);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_valid_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pax_list), FALSE);
  set_status (self, _("Reading the agreements…"), FALSE);
  g_task_run_in_thread (task, pax_read_in_thread);
  self->task = g_steal_pointer (&task);
  self->progress_id = g_timeout_add (100, update_progress, self);
}

static void
apply (BcImportDialog *self,
       gboolean        only_valid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->cancellable != NULL)
    return;

  switch (self->kind)
    {
    case KIND_CSV:
      {
        guint n = bc_csv_import_get_n_valid (self->csv);

        bc_csv_import_set_target (self->csv, self->case_);
        if (!bc_csv_import_apply (self->csv, only_valid, &error))
          break;
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row imported", "%u rows imported", n), n);
      }
      break;

    case KIND_BIB:
      {
        guint added = 0, updated = 0;

        bc_bib_import_set_target (self->bib, self->case_);
        if (!bc_bib_import_apply (self->bib, only_valid, &added, &updated, &error))
          break;
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source added, %u updated",
                                                "%u sources added, %u updated", added), added, updated);
      }
      break;

    case KIND_PAX:
      {
        GtkListBoxRow *row = gtk_list_box_get_selected_row (self->pax_list);
        BcPaxProcess *process = row != NULL ? g_object_get_data (G_OBJECT (row), "bc-process") : NULL;

        if (process == NULL)
          return;
        /* The agreements are read on a worker, then added here. */
        if (self->pax_selection != NULL && g_strcmp0 (self->pax_number, process->number) == 0)
          apply_pax (self, only_valid);
        else
          start_pax_read (self, process->number, only_valid);
        return;
      }

    case KIND_NONE:
    default:
      return;
    }

  if (error != NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  finish (self, message);
}

/* Callbacks */

static void
column_field_changed (AdwComboRow    *row,
                      GParamSpec     *pspec,
                      BcImportDialog *self)
{
  const char *column = g_object_get_data (G_OBJECT (row), "bc-column");
  guint selected = adw_combo_row_get_selected (row);
  const char * const *fields;

  if (self->filling || self->csv == NULL)
    return;
  fields = bc_csv_import_list_fields (bc_csv_import_get_table (self->csv));
  g_hash_table_insert (self->mapping, g_strdup (column),
                       g_strdup (selected == 0 || selected == GTK_INVALID_LIST_POSITION ? "" : fields[selected - 1]));
  /* The table the file was read as stays. */
  self->table_set = TRUE;
  self->table = bc_csv_import_get_table (self->csv);
  start_load (self);
}

static void
table_changed (AdwComboRow    *row,
               GParamSpec     *pspec,
               BcImportDialog *self)
{
  if (self->filling || self->csv == NULL)
    return;
  self->table_set = TRUE;
  self->table = adw_combo_row_get_selected (row);
  g_hash_table_remove_all (self->mapping);
  start_load (self);
}

static void
date_order_changed (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    BcImportDialog *self)
{
  static const BcDateOrder orders[] = { BC_DATE_ORDER_AUTO, BC_DATE_ORDER_DMY, BC_DATE_ORDER_MDY };
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->csv == NULL || selected >= G_N_ELEMENTS (orders))
    return;
  self->date_order = orders[selected];
  self->table_set = TRUE;
  self->table = bc_csv_import_get_table (self->csv);
  start_load (self);
}

static void
pax_search_changed (BcImportDialog *self)
{
  gtk_list_box_invalidate_filter (self->pax_list);
}

static void
pax_selection_changed (BcImportDialog *self)
{
  /* The list unselects its rows as the template is disposed. */
  if (self->pax_list == NULL || self->import_all_button == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button),
                            gtk_list_box_get_selected_row (self->pax_list) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->import_valid_button), FALSE);
}

static void
import_all_clicked (BcImportDialog *self)
{
  apply (self, FALSE);
}

static void
import_valid_clicked (BcImportDialog *self)
{
  apply (self, TRUE);
}

static void
stop_clicked (BcImportDialog *self)
{
  _bc_import_dialog_stop (self);
}

static void
file_chosen (GFile    *file,
             gpointer  user_data)
{
  g_autoptr(BcImportDialog) self = user_data;

  if (file != NULL)
    bc_import_dialog_set_file (self, file);
}

static void
choose_clicked (BcImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tables and references (CSV, PA-X, BibTeX, CSL-JSON)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "bib");
  gtk_file_filter_add_suffix (filter, "json");
  bc_compat_choose_open_file (GTK_WINDOW (self), _("Import"), filter, file_chosen, g_object_ref (self));
}

/* GObject */

static void
bc_import_dialog_dispose (GObject *object)
{
  BcImportDialog *self = BC_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (bc_import_dialog_parent_class)->dispose (object);
}

static void
bc_import_dialog_finalize (GObject *object)
{
  BcImportDialog *self = BC_IMPORT_DIALOG (object);

  g_clear_object (&self->case_);
  g_clear_object (&self->file);
  g_clear_object (&self->csv);
  g_clear_object (&self->bib);
  g_clear_pointer (&self->processes, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->pax_selection, bc_pax_selection_free);
  g_free (self->pax_number);
  G_OBJECT_CLASS (bc_import_dialog_parent_class)->finalize (object);
}

static void
bc_import_dialog_class_init (BcImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_import_dialog_dispose;
  object_class->finalize = bc_import_dialog_finalize;

  /**
   * BcImportDialog::imported:
   * @message: what was added, for a toast
   *
   * Emitted once what the user accepted is in the case.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backchannel/Backchannel/ui/bc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, import_all_button);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, import_valid_button);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, pax_group);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, pax_search);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, pax_list);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, BcImportDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, import_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, import_valid_clicked);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, pax_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, pax_selection_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_import_dialog_init (BcImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect (self->table_row, "notify::selected", G_CALLBACK (table_changed), self);
  g_signal_connect (self->date_order_row, "notify::selected", G_CALLBACK (date_order_changed), self);
}

/* Public API */

/**
 * bc_import_dialog_new:
 * @parent: (nullable): the window of the case
 * @case_: the case to add to
 *
 * Returns: (transfer floating): a dialog that imports a file into @case_
 */
BcImportDialog *
bc_import_dialog_new (GtkWindow *parent,
                      BcCase    *case_)
{
  BcImportDialog *self;

  g_return_val_if_fail (BC_IS_CASE (case_), NULL);

  self = g_object_new (BC_TYPE_IMPORT_DIALOG, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
  self->case_ = g_object_ref (case_);
  return self;
}

/**
 * bc_import_dialog_set_file:
 * @self: the dialog
 * @file: what to import
 *
 * Starts reading @file for a preview; nothing is added yet.
 */
void
bc_import_dialog_set_file (BcImportDialog *self,
                           GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (BC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_object (&self->csv);
  g_clear_object (&self->bib);
  g_clear_pointer (&self->processes, g_ptr_array_unref);
  g_hash_table_remove_all (self->mapping);
  self->kind = KIND_NONE;
  self->table_set = FALSE;
  self->date_order = BC_DATE_ORDER_AUTO;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->date_order_row, 0);
  self->filling = FALSE;
  hide_results (self);

  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);
  adw_window_title_set_subtitle (self->window_title, name);
  start_load (self);
}

/**
 * bc_import_dialog_can_import:
 * @file: a file, dropped or chosen
 *
 * Returns: whether @file's name says it is one of the formats the dialog
 *   reads (CSV, BibTeX, CSL-JSON)
 */
gboolean
bc_import_dialog_can_import (GFile *file)
{
  return kind_of_file (file) != KIND_NONE;
}

gboolean
_bc_import_dialog_is_loading (BcImportDialog *self)
{
  return self->cancellable != NULL;
}

GtkListBox *
_bc_import_dialog_get_columns (BcImportDialog *self)
{
  return self->columns_list;
}

GtkListBox *
_bc_import_dialog_get_preview (BcImportDialog *self)
{
  return self->preview_list;
}

GtkListBox *
_bc_import_dialog_get_problems (BcImportDialog *self)
{
  return self->problems_list;
}

GtkListBox *
_bc_import_dialog_get_processes (BcImportDialog *self)
{
  return self->pax_list;
}

GtkButton *
_bc_import_dialog_get_button (BcImportDialog *self,
                              gboolean        only_valid)
{
  return only_valid ? self->import_valid_button : self->import_all_button;
}

/* What the Stop button does. */
void
_bc_import_dialog_stop (BcImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}
