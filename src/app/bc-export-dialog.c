/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-canvas.h"
#include "bc-compat.h"
#include "bc-exchange.h"
#include "bc-export-dialog-private.h"

/* The rows of the format list: the pictures in the order of
 * BcExportType, then the exchange formats, written by the same
 * functions as --export/--export-type. The CSV layouts are one file per
 * table: the name chosen is a folder, created with every table inside,
 * as --export=OUT/ does. */
static const struct
{
  const char       *extension; /* NULL: a folder */
  const char       *mime_type;
  const char       *filter_name;
  gboolean          exchange;
  BcExchangeFormat  format;
} formats[] = {
  { "png", "image/png", N_("PNG images"), FALSE, 0 },
  { "svg", "image/svg+xml", N_("SVG drawings"), FALSE, 0 },
  { "pdf", "application/pdf", N_("PDF documents"), FALSE, 0 },
  { NULL, NULL, N_("Folders of CSV tables"), TRUE, BC_EXCHANGE_CSV },
  { NULL, NULL, N_("Folders of Gephi spreadsheets"), TRUE, BC_EXCHANGE_GEPHI_CSV },
  { "gexf", "application/gexf+xml", N_("GEXF networks"), TRUE, BC_EXCHANGE_GEXF },
  { "graphml", "application/graphml+xml", N_("GraphML networks"), TRUE, BC_EXCHANGE_GRAPHML },
  { "csl.json", "application/vnd.citationstyles.csl+json", N_("CSL-JSON sources"), TRUE, BC_EXCHANGE_CSL_JSON },
  { "bib", "text/x-bibtex", N_("BibTeX sources"), TRUE, BC_EXCHANGE_BIBTEX },
  { "timeline.json", "application/json", N_("TimelineJS timelines"), TRUE, BC_EXCHANGE_TIMELINEJS },
  { "kumu.json", "application/json", N_("Kumu blueprints"), TRUE, BC_EXCHANGE_KUMU },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == BC_EXPORT_DIALOG_N_FORMATS);

struct _BcExportDialog
{
  AdwWindow        parent_instance;

  BcCase          *case_;
  GFile           *case_file;
  /* What the canvas showed when the dialog opened. */
  BcLayoutOptions  shown;

  /* Template widgets */
  GtkButton       *save_button;
  AdwComboRow     *format_row;
  AdwActionRow    *scale_row;
  GtkSpinButton   *scale_spin;
  AdwComboRow     *theme_row;
  AdwComboRow     *view_row;
  AdwComboRow     *time_scale_row;
  AdwActionRow    *known_on_row;
  GtkSwitch       *known_on_switch;
  AdwActionRow    *filters_row;
  GtkSwitch       *filters_switch;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (BcExportDialog, bc_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

/* "Tracks 1, 2 · Draft text highlighted" */
static char *
describe_filters (const BcLayoutOptions *options)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (options->tracks != 0)
    {
      g_string_append (text, _("Tracks"));
      for (int t = 0, n = 0; t < BC_N_TRACKS; t++)
        if (options->tracks & BC_TRACK_BIT (t))
          g_string_append_printf (text, "%s%s", n++ > 0 ? ", " : " ", bc_track_get_label (t));
    }
  if (options->highlight >= 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%s highlighted"), bc_mechanism_get_label (options->highlight));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_error (BcExportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A folder the user can write to: the case's own, unless it is one of
 * the bundled cases in a system folder; then Pictures. */
static GFile *
suggested_folder (BcExportDialog *self)
{
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  if (self->case_file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->case_file);
      g_autoptr(GFileInfo) info = NULL;

      if (parent != NULL)
        info = g_file_query_info (parent, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
        return g_steal_pointer (&parent);
    }

  if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (pictures);
  return NULL;
}

/* Callbacks */

static guint
selected_format (BcExportDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format_row);

  return format < G_N_ELEMENTS (formats) ? format : BC_EXPORT_SVG;
}

static void
format_changed (BcExportDialog *self)
{
  guint format = selected_format (self);
  gboolean picture = !formats[format].exchange;

  /* The picture's options say nothing of the data exchanged. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == BC_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->theme_row), picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_row), picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_scale_row), picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->known_on_row),
                            picture && bc_date_is_set (self->shown.known_on));
  gtk_widget_set_sensitive (GTK_WIDGET (self->filters_row),
                            picture && (self->shown.tracks != 0 || self->shown.highlight >= 0));
}

static void
file_chosen (GFile    *file,
             gpointer  user_data)
{
  g_autoptr(BcExportDialog) self = user_data;

  /* The dialog may have been closed while the chooser was open. */
  if (self->case_ == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (file != NULL)
    _bc_export_dialog_save_to (self, file);
}

static void
save_clicked (BcExportDialog *self)
{
  guint format = selected_format (self);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  name = _bc_export_dialog_get_suggested_name (self);
  folder = suggested_folder (self);

  /* A folder of tables: the name typed is the folder to create. */
  if (formats[format].extension != NULL)
    {
      g_autofree char *pattern = g_strconcat ("*.", formats[format].extension, NULL);

      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(formats[format].filter_name));
      gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
      gtk_file_filter_add_pattern (filter, pattern);
    }

  show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  bc_compat_choose_save_file (GTK_WINDOW (self),
                              formats[format].exchange ? _("Export") : _("Export Picture"),
                              folder, name, filter, file_chosen, g_object_ref (self));
}

/* GObject */

static void
bc_export_dialog_dispose (GObject *object)
{
  BcExportDialog *self = BC_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->case_);
  g_clear_object (&self->case_file);

  G_OBJECT_CLASS (bc_export_dialog_parent_class)->dispose (object);
}

static void
bc_export_dialog_class_init (BcExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_export_dialog_dispose;

  /**
   * BcExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   *
   * Emitted once the picture is saved, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backchannel/Backchannel/ui/bc-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, view_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, time_scale_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, known_on_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, known_on_switch);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, filters_row);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, filters_switch);
  gtk_widget_class_bind_template_child (widget_class, BcExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, format_changed);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_export_dialog_init (BcExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bc_layout_options_init (&self->shown);
  /* SVG keeps the text and the lines sharp at any size. */
  adw_combo_row_set_selected (self->format_row, BC_EXPORT_SVG);
  format_changed (self);
}

/* Public API */

/**
 * bc_export_dialog_new:
 * @parent: (nullable): the window of the case
 * @case_: the case to draw
 * @case_file: (nullable): where the case was read from, for the file name
 * @shown: the options of the canvas, from bc_canvas_get_layout_options()
 *
 * Returns: (transfer floating): a dialog that saves a picture of @case_,
 *   starting from what the canvas shows
 */
BcExportDialog *
bc_export_dialog_new (GtkWindow             *parent,
                      BcCase                *case_,
                      GFile                 *case_file,
                      const BcLayoutOptions *shown)
{
  BcExportDialog *self;
  g_autofree char *filters = NULL;

  g_return_val_if_fail (BC_IS_CASE (case_), NULL);
  g_return_val_if_fail (shown != NULL, NULL);

  self = g_object_new (BC_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->case_ = g_object_ref (case_);
  g_set_object (&self->case_file, case_file);
  self->shown = *shown;

  adw_combo_row_set_selected (self->view_row, shown->view);
  adw_combo_row_set_selected (self->time_scale_row, shown->time_scale);
  /* Pictures go on paper and slides: light, whatever the desktop uses. */
  adw_combo_row_set_selected (self->theme_row, BC_THEME_LIGHT);

  if (bc_date_is_set (shown->known_on))
    {
      g_autofree char *date = bc_date_to_string (shown->known_on);

      adw_action_row_set_subtitle (self->known_on_row, date);
      gtk_switch_set_active (self->known_on_switch, TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (self->known_on_row,
                                   _("Everything known: set a date on the timeline to choose one"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->known_on_row), FALSE);
    }

  filters = describe_filters (shown);
  if (*filters != '\0')
    {
      adw_action_row_set_subtitle (self->filters_row, filters);
      gtk_switch_set_active (self->filters_switch, TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (self->filters_row, _("Every track, no mechanism highlighted"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->filters_row), FALSE);
    }
  format_changed (self);

  return self;
}

/* Private API */

AdwComboRow *
_bc_export_dialog_get_format_row (BcExportDialog *self)
{
  return self->format_row;
}

AdwComboRow *
_bc_export_dialog_get_theme_row (BcExportDialog *self)
{
  return self->theme_row;
}

AdwComboRow *
_bc_export_dialog_get_view_row (BcExportDialog *self)
{
  return self->view_row;
}

GtkSwitch *
_bc_export_dialog_get_known_on_switch (BcExportDialog *self)
{
  return self->known_on_switch;
}

/* The options exactly as the command line would build them, framed as
 * the canvas frames its picture. */
void
_bc_export_dialog_get_options (BcExportDialog  *self,
                               BcExportType    *type,
                               BcExportOptions *options)
{
  guint format = selected_format (self);

  *type = format <= BC_EXPORT_PDF ? (BcExportType) format : BC_EXPORT_SVG;

  bc_export_options_init (options);
  options->layout.view = adw_combo_row_get_selected (self->view_row) == 1 ? BC_VIEW_WHEEL : BC_VIEW_LANES;
  /* The rows are in the order of the enumeration. */
  options->layout.time_scale = MIN (adw_combo_row_get_selected (self->time_scale_row), BC_TIME_SCALE_BALANCED);
  if (gtk_switch_get_active (self->known_on_switch))
    options->layout.known_on = self->shown.known_on;
  if (gtk_switch_get_active (self->filters_switch))
    {
      options->layout.tracks = self->shown.tracks;
      options->layout.highlight = self->shown.highlight;
    }

  options->theme = adw_combo_row_get_selected (self->theme_row) == 1 ? BC_THEME_DARK : BC_THEME_LIGHT;
  options->scale = gtk_spin_button_get_value (self->scale_spin);
}

/* "oslo.svg", or "oslo-1993-05-01.svg" for a picture as known on a date. */
char *
_bc_export_dialog_get_suggested_name (BcExportDialog *self)
{
  BcExportType type;
  BcExportOptions options;
  g_autofree char *stem = NULL;
  g_autofree char *date = NULL;

  _bc_export_dialog_get_options (self, &type, &options);

  if (self->case_file != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->case_file);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      stem = g_strdup (base);
    }
  else
    stem = g_strdup (bc_case_get_id (self->case_) ? bc_case_get_id (self->case_) : "case");

  if (bc_date_is_set (options.layout.known_on))
    date = bc_date_to_string (options.layout.known_on);

  {
    guint format = selected_format (self);

    /* The exchange formats carry the whole case, whatever the picture shows. */
    if (formats[format].exchange)
      {
        if (formats[format].extension == NULL)
          return g_strdup_printf ("%s-%s", stem, formats[format].format == BC_EXCHANGE_GEPHI_CSV ? "gephi" : "tables");
        return g_strdup_printf ("%s.%s", stem, formats[format].extension);
      }
  }

  return g_strdup_printf ("%s%s%s.%s", stem, date ? "-" : "", date ? date : "", formats[type].extension);
}

/**
 * _bc_export_dialog_get_exchange:
 * @self: the dialog
 * @format: (out) (optional): the exchange format chosen
 *
 * Returns: whether the format chosen is an exchange format rather than
 *   a picture
 */
gboolean
_bc_export_dialog_get_exchange (BcExportDialog   *self,
                                BcExchangeFormat *format)
{
  guint row = selected_format (self);

  if (format != NULL)
    *format = formats[row].format;
  return formats[row].exchange;
}

/* The exchange formats, through the writers --export calls: a CSV
 * layout to a folder of tables, the others to one file. */
static gboolean
save_exchange (BcExportDialog    *self,
               BcExchangeFormat   format,
               GFile             *file,
               GError           **error)
{
  if (bc_exchange_format_has_tables (format))
    return bc_exchange_write_folder (self->case_, format, file, NULL, error);
  return bc_exchange_write_file (self->case_, format, BC_TABLE_EVENTS, file, NULL, error);
}

/**
 * _bc_export_dialog_save_to:
 * @self: the dialog
 * @file: where to save, as the file chooser answered
 *
 * Saves the picture through bc_export_to_file(), the command line's own
 * export. On success the dialog emits #BcExportDialog::exported and
 * closes; on failure it stays open and says why.
 *
 * Returns: whether the file was written
 */
gboolean
_bc_export_dialog_save_to (BcExportDialog *self,
                           GFile          *file)
{
  g_autoptr(GError) error = NULL;
  BcExportType type;
  BcExportOptions options;
  BcExchangeFormat exchange;
  gboolean ok;

  g_return_val_if_fail (BC_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  _bc_export_dialog_get_options (self, &type, &options);
  if (_bc_export_dialog_get_exchange (self, &exchange))
    ok = save_exchange (self, exchange, file, &error);
  else
    ok = bc_export_to_file (self->case_, file, type, &options, &error);
  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

      show_error (self, message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
_bc_export_dialog_get_error (BcExportDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}
