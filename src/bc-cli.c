/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <locale.h>

#include "bc-bundled.h"
#include "bc-chart.h"
#include "bc-cli.h"
#include "bc-measures.h"
#include "bc-export.h"
#include "bc-story-export.h"
#include "bc-enum-types.h"
#include "bc-bib-import.h"
#include "bc-csv-import.h"
#include "bc-exchange.h"
#include "bc-reader.h"
#include "bc-writer.h"

enum {
  EXIT_VALID = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  gboolean   validate;
  char      *report;
  char      *chart;
  gboolean   documented_only;
  char      *export_path;
  char      *export_type;
  char      *table;
  char     **imports;
  char      *into;
  char      *map;
  char      *date_order;
  char      *pax_process;
  gboolean   skip_invalid;
  char      *view;
  char      *scale;
  char      *time_scale;
  char      *known_on;
  char      *from;
  char      *to;
  char      *theme;
  char      *tracks;
  char      *highlight;
  char      *actor_paths;
  char      *focus;
  gboolean   empty_tracks;
  gboolean   story;
  gboolean   version;
  gboolean   list_cases;
  char     **files;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->report);
  g_free (o->chart);
  g_free (o->export_path);
  g_free (o->export_type);
  g_free (o->table);
  g_strfreev (o->imports);
  g_free (o->into);
  g_free (o->map);
  g_free (o->date_order);
  g_free (o->pax_process);
  g_free (o->view);
  g_free (o->scale);
  g_free (o->time_scale);
  g_free (o->known_on);
  g_free (o->from);
  g_free (o->to);
  g_free (o->theme);
  g_free (o->tracks);
  g_free (o->highlight);
  g_free (o->actor_paths);
  g_free (o->focus);
  g_strfreev (o->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
print_diagnostics (GPtrArray *diagnostics)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      g_autofree char *line = bc_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
      g_printerr ("%s\n", line);
    }
}

/* A FILE argument may also name a bundled case ("oslo") when no file
 * of that name exists. */
static BcCase *
load (const char  *path,
      GPtrArray  **diagnostics,
      GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    file = bc_bundled_find_case (path);
  if (file == NULL)
    file = g_file_new_for_commandline_arg (path);

  return bc_case_read_file (file, path, diagnostics, error);
}

static int
run_validate (Options *o)
{
  int status = EXIT_VALID;

  for (guint i = 0; o->files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BcCase) loaded = load (o->files[i], &diagnostics, &error);

      if (loaded != NULL)
        continue;

      status = EXIT_INVALID;
      if (diagnostics != NULL && diagnostics->len > 0)
        print_diagnostics (diagnostics);
      else
        g_printerr ("%s: %s\n", o->files[i], error->message);
    }

  return status;
}

static int
run_list_cases (void)
{
  g_autoptr(GPtrArray) files = bc_bundled_list_cases ();

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcCase) loaded = bc_case_read_file (file, NULL, NULL, &error);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (loaded == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_INVALID;
        }

      *strrchr (base, '.') = '\0';
      start = bc_date_to_string (bc_case_get_period_start (loaded));
      end = bc_date_to_string (bc_case_get_period_end (loaded));
      g_print ("%s\t%s\t%s – %s\t%s\n", base, bc_case_get_title (loaded),
               start ? start : "?", end ? end : "?", path);
    }

  return EXIT_VALID;
}

static const char *
export_type_of (Options *o)
{
  const char *dot;

  if (o->export_type != NULL)
    return o->export_type;

  /* A folder takes the CSV tables, one file each. */
  if (g_str_has_suffix (o->export_path, "/") || g_file_test (o->export_path, G_FILE_TEST_IS_DIR))
    return "csv";

  dot = strrchr (o->export_path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return NULL;
  /* The extensions of the exchange formats whose names are not theirs. */
  if (g_ascii_strcasecmp (dot + 1, "json") == 0)
    {
      if (g_str_has_suffix (o->export_path, ".csl.json"))
        return "csl-json";
      if (g_str_has_suffix (o->export_path, ".timeline.json"))
        return "timeline-json";
      if (g_str_has_suffix (o->export_path, ".kumu.json"))
        return "kumu-json";
      return NULL;
    }
  if (g_ascii_strcasecmp (dot + 1, "bibtex") == 0)
    return "bib";
  return dot + 1;
}

/* Reads the picture options; a bad value is a usage error, told plainly. */

/* Finds @text in @names, which list an enumeration's values in order. */
static gboolean
parse_choice (const char         *text,
              const char * const *names,
              int                *value)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
picture_options (Options          *o,
                 BcExportOptions  *options)
{
  int value;

  bc_export_options_init (options);

  if (o->view != NULL)
    {
      static const char * const views[] = { "lanes", "wheel", NULL };

      if (!parse_choice (o->view, views, &value))
        {
          g_printerr (_("Unknown view “%s”: use lanes or wheel\n"), o->view);
          return FALSE;
        }
      options->layout.view = (BcView) value;
    }
  if (o->time_scale != NULL)
    {
      if (!bc_time_scale_from_nick (o->time_scale, &options->layout.time_scale))
        {
          g_printerr (_("Unknown time scale “%s”: use balanced, proportional or sequence\n"), o->time_scale);
          return FALSE;
        }
    }
  if (o->theme != NULL)
    {
      static const char * const themes[] = { "light", "dark", NULL };

      if (!parse_choice (o->theme, themes, &value))
        {
          g_printerr (_("Unknown theme “%s”: use light or dark\n"), o->theme);
          return FALSE;
        }
      options->theme = (BcTheme) value;
    }
  if (o->scale != NULL)
    {
      char *end = NULL;
      double scale = g_ascii_strtod (o->scale, &end);

      if (end == o->scale || *end != '\0' || !(scale >= 0.25 && scale <= 8))
        {
          g_printerr (_("--scale: “%s” is not a number between 0.25 and 8\n"), o->scale);
          return FALSE;
        }
      options->scale = scale;
    }
  if (o->known_on != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!bc_date_parse (o->known_on, &options->layout.known_on, &error))
        {
          g_printerr (_("--as-known-on: “%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD): %s\n"),
                      o->known_on, error->message);
          return FALSE;
        }
    }
  if (o->from != NULL || o->to != NULL)
    {
      BcDate from = BC_DATE_UNSET, to = BC_DATE_UNSET;
      g_autoptr(GError) error = NULL;

      if ((o->from != NULL && !bc_date_parse (o->from, &from, &error)) ||
          (o->to != NULL && !bc_date_parse (o->to, &to, &error)))
        {
          g_printerr (_("--from/--to: %s\n"), error->message);
          return FALSE;
        }
      if (bc_date_is_set (from) && bc_date_is_set (to) &&
          bc_date_get_last_day (to) < bc_date_get_first_day (from))
        {
          g_printerr (_("--to (%s) is before --from (%s)\n"), o->to, o->from);
          return FALSE;
        }
      /* A date covers its whole span: --from=1978-09 starts on the 1st. */
      options->layout.first_day = bc_date_is_set (from) ? bc_date_get_first_day (from) : 0;
      options->layout.last_day = bc_date_is_set (to) ? bc_date_get_last_day (to) : 0;
    }
  if (o->tracks != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (o->tracks, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (!bc_enum_from_nick (BC_TYPE_TRACK, g_strstrip (parts[i]), &value))
            {
              g_printerr (_("--tracks: “%s” is not a track (1, 1.5, 2 … 9)\n"), parts[i]);
              return FALSE;
            }
          options->layout.tracks |= BC_TRACK_BIT (value);
        }
    }
  if (o->highlight != NULL)
    {
      if (!bc_enum_from_nick (BC_TYPE_MECHANISM, o->highlight, &value))
        {
          g_printerr (_("--highlight: “%s” is not a transfer mechanism (briefing, memorandum, "
                        "draft-text, participant-crossover, back-channel-message, facilitation, "
                        "public-statement, public-consultation, workshop-outcome, other)\n"),
                      o->highlight);
          return FALSE;
        }
      options->layout.highlight = value;
    }
  if (o->actor_paths != NULL)
    {
      /* In the order of BcActorPaths. */
      static const char * const paths[] = { "all", "selected", "none", NULL };

      if (!parse_choice (o->actor_paths, paths, &value))
        {
          g_printerr (_("--actor-paths: “%s” is not one of all, selected or none\n"), o->actor_paths);
          return FALSE;
        }
      if (value == BC_ACTOR_PATHS_SELECTED && o->focus == NULL)
        {
          g_printerr (_("--actor-paths=selected draws the path of the actor --focus=ID names: "
                        "say which actor\n"));
          return FALSE;
        }
      options->layout.actor_paths = (BcActorPaths) value;
    }
  /* Borrowed: @o outlives the export. Checked against the case once it
   * is read. */
  options->layout.focus = o->focus;
  options->layout.show_empty_tracks = o->empty_tracks;
  return TRUE;
}

/* The measures of complementarity of one case, or of several side by
 * side, as Markdown, CSV or JSON by the extension of OUT ("-" writes
 * Markdown to the standard output). */
static int
run_report (Options *o)
{
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_measures_free);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  BcReportFormat format = BC_REPORT_MARKDOWN;
  gboolean to_stdout = g_str_equal (o->report, "-");

  if (!to_stdout && !bc_report_format_from_name (o->report, &format))
    {
      g_printerr (_("%s: a report is written as .md, .csv or .json\n"), o->report);
      return EXIT_USAGE;
    }

  for (guint i = 0; o->files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(BcCase) loaded = load (o->files[i], &diagnostics, &error);

      if (loaded == NULL)
        {
          if (diagnostics != NULL && diagnostics->len > 0)
            print_diagnostics (diagnostics);
          else
            g_printerr ("%s: %s\n", o->files[i], error->message);
          return EXIT_INVALID;
        }
      g_ptr_array_add (measures, bc_measures_new (loaded, o->documented_only));
    }

  text = bc_report_write (measures, format);
  if (to_stdout)
    {
      g_print ("%s", text);
      return EXIT_VALID;
    }
  {
    g_autoptr(GFile) out = g_file_new_for_commandline_arg (o->report);

    /* Atomic, as every file the program writes. */
    if (!g_file_replace_contents (out, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, &error))
      {
        g_printerr ("%s: %s\n", o->report, error->message);
        return EXIT_INVALID;
      }
  }
  return EXIT_VALID;
}

/* Loads the one case that --export and --import name, or prints why
 * not. */
static BcCase *
load_one (Options *o)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  BcCase *loaded;

  if (g_strv_length (o->files) != 1)
    {
      g_printerr (_("--export takes exactly one case file\n"));
      return NULL;
    }
  loaded = load (o->files[0], &diagnostics, &error);
  if (loaded == NULL)
    {
      if (diagnostics != NULL && diagnostics->len > 0)
        print_diagnostics (diagnostics);
      else
        g_printerr ("%s: %s\n", o->files[0], error->message);
    }
  return loaded;
}

/* A chart of the measures, drawn as PNG, SVG or PDF by the extension of
 * --export; --documented-only, --theme and --scale apply. */
static int
run_chart (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  g_autoptr(BcMeasures) measures = NULL;
  g_autoptr(BcChart) chart = NULL;
  g_autoptr(GFile) out = NULL;
  const char *type = export_type_of (o);
  BcExportType picture = BC_EXPORT_PNG;
  BcExportOptions options;
  BcChartKind kind;

  if (!bc_chart_kind_from_name (o->chart, &kind))
    {
      g_printerr (_("Unknown chart “%s”: use mechanisms, lags or activity\n"), o->chart);
      return EXIT_USAGE;
    }
  if (type == NULL || !bc_export_type_from_name (type, &picture))
    {
      g_printerr (_("A chart is drawn as PNG, SVG or PDF: name a file ending in .png, .svg or "
                    ".pdf, not “%s”\n"), o->export_path);
      return EXIT_USAGE;
    }
  if (!picture_options (o, &options))
    return EXIT_USAGE;

  loaded = load_one (o);
  if (loaded == NULL)
    return g_strv_length (o->files) != 1 ? EXIT_USAGE : EXIT_INVALID;

  measures = bc_measures_new (loaded, o->documented_only);
  chart = bc_chart_new (measures, kind, options.theme);
  out = g_file_new_for_commandline_arg (o->export_path);
  if (!bc_chart_to_file (chart, out, picture, options.scale, &error))
    {
      g_printerr ("%s: %s\n", o->export_path, error->message);
      return EXIT_INVALID;
    }
  return EXIT_VALID;
}

/* CSV tables, Gephi's spreadsheets, GEXF, GraphML, CSL-JSON, BibTeX,
 * TimelineJS and Kumu. A folder (OUT/) takes every table of a CSV
 * layout, one file each; a file takes the table --table names. */
static int
run_export_exchange (Options          *o,
                     BcExchangeFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  g_autoptr(GFile) out = NULL;
  gboolean folder = g_str_has_suffix (o->export_path, "/") ||
                    g_file_test (o->export_path, G_FILE_TEST_IS_DIR);
  BcTable table = format == BC_EXCHANGE_GEPHI_CSV ? BC_TABLE_NODES : BC_TABLE_EVENTS;
  gboolean ok;

  if (bc_exchange_format_has_tables (format))
    {
      gboolean gephi = format == BC_EXCHANGE_GEPHI_CSV;

      if (o->table != NULL &&
          (!bc_table_from_name (o->table, &table) || gephi != (table >= BC_TABLE_NODES)))
        {
          g_printerr (gephi ? _("--table: “%s” is not a table of Gephi's layout: use nodes or edges\n")
                            : _("--table: “%s” is not a table: use events, actors, transfers, sources, "
                                "links or annotations\n"), o->table);
          return EXIT_USAGE;
        }
      if (o->table == NULL && !folder)
        {
          g_printerr (gephi ? _("A CSV file holds one table: add --table=nodes or --table=edges, or "
                                "export to a folder (OUT/) for both\n")
                            : _("A CSV file holds one table: add --table=events (or actors, transfers, "
                                "sources, links, annotations), or export to a folder (OUT/) for all "
                                "of them\n"));
          return EXIT_USAGE;
        }
    }
  else if (folder)
    {
      g_printerr (_("Only the CSV layouts export to a folder; name a file for %s\n"),
                  bc_exchange_format_get_name (format));
      return EXIT_USAGE;
    }
  else if (o->table != NULL)
    {
      g_printerr (_("--table is for the CSV layouts\n"));
      return EXIT_USAGE;
    }

  loaded = load_one (o);
  if (loaded == NULL)
    return g_strv_length (o->files) != 1 ? EXIT_USAGE : EXIT_INVALID;

  out = g_file_new_for_commandline_arg (o->export_path);
  if (folder && o->table == NULL)
    ok = bc_exchange_write_folder (loaded, format, out, NULL, &error);
  else if (folder)
    {
      g_autofree char *name = g_strconcat (bc_table_get_name (table), ".csv", NULL);
      g_autoptr(GFile) file = g_file_get_child (out, name);

      ok = g_file_make_directory_with_parents (out, NULL, NULL) || g_file_test (o->export_path, G_FILE_TEST_IS_DIR);
      ok = ok && bc_exchange_write_file (loaded, format, table, file, NULL, &error);
      if (!ok && error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the folder"));
    }
  else
    ok = bc_exchange_write_file (loaded, format, table, out, NULL, &error);

  if (!ok)
    {
      g_printerr ("%s: %s\n", o->export_path, error->message);
      return EXIT_INVALID;
    }
  return EXIT_VALID;
}

static int
run_export (Options *o)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  g_autoptr(GFile) out = NULL;
  const char *type = export_type_of (o);
  BcExportType picture = BC_EXPORT_PNG;
  gboolean is_picture = bc_export_type_from_name (type, &picture);
  BcExportOptions options;
  BcExchangeFormat exchange = BC_EXCHANGE_CSV;
  gboolean is_exchange = !is_picture && bc_exchange_format_from_name (type, &exchange);

  if (type == NULL || (!is_picture && !is_exchange && g_ascii_strcasecmp (type, "bcase") != 0))
    {
      g_printerr (_("Cannot tell what to export “%s” as: use a name ending in .bcase, .png, "
                    ".svg, .pdf, .csv, .gexf, .graphml, .bib, .csl.json, .timeline.json or "
                    ".kumu.json, a folder ending in /, or --export-type=TYPE with one of bcase, "
                    "png, svg, pdf, csv, gephi-csv, gexf, graphml, bib, csl-json, timeline-json, "
                    "kumu-json\n"), o->export_path);
      return EXIT_USAGE;
    }

  if (o->story && (!is_picture || picture != BC_EXPORT_PDF))
    {
      g_printerr (_("--story exports a PDF, one page a step: name a file ending in .pdf, "
                    "not “%s”\n"), o->export_path);
      return EXIT_USAGE;
    }

  if (is_exchange)
    return run_export_exchange (o, exchange);

  if (is_picture && !picture_options (o, &options))
    return EXIT_USAGE;

  if (g_strv_length (o->files) != 1)
    {
      g_printerr (_("--export takes exactly one case file\n"));
      return EXIT_USAGE;
    }

  loaded = load (o->files[0], &diagnostics, &error);
  if (loaded == NULL)
    {
      if (diagnostics != NULL && diagnostics->len > 0)
        print_diagnostics (diagnostics);
      else
        g_printerr ("%s: %s\n", o->files[0], error->message);
      return EXIT_INVALID;
    }

  if (is_picture && o->focus != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (o->focus, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        if (bc_case_lookup (loaded, g_strstrip (ids[i])) == NULL)
          {
            g_printerr (_("--focus: %s has no item “%s”\n"), o->files[0], ids[i]);
            return EXIT_USAGE;
          }
    }

  out = g_file_new_for_commandline_arg (o->export_path);
  if (o->story)
    {
      if (!bc_story_export_to_file (loaded, out, &options, &error))
        {
          g_printerr ("%s: %s\n", bc_case_has_story (loaded) ? o->export_path : o->files[0],
                      error->message);
          return EXIT_INVALID;
        }
      return EXIT_VALID;
    }
  if (is_picture)
    {
      if (!bc_export_to_file (loaded, out, picture, &options, &error))
        {
          g_printerr ("%s: %s\n", o->export_path, error->message);
          return EXIT_INVALID;
        }
      return EXIT_VALID;
    }
  if (!bc_case_write_file (loaded, out, BC_WRITE_FLAGS_NONE, NULL, &error))
    {
      g_printerr ("%s: %s\n", o->export_path, error->message);
      return EXIT_INVALID;
    }

  return EXIT_VALID;
}

/* The case --into names, or a new one when the file does not exist. */
static BcCase *
load_or_create (const char  *path,
                GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  BcCase *loaded;
  char *dot;

  if (g_file_query_exists (file, NULL))
    {
      loaded = bc_case_read_file (file, path, &diagnostics, error);
      if (loaded == NULL && diagnostics != NULL && diagnostics->len > 0)
        {
          print_diagnostics (diagnostics);
          g_clear_error (error);
          g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID, _("%s is not a valid case"), path);
        }
      return loaded;
    }

  /* Named after the file: "talks-1993.bcase" is case "talks-1993". */
  base = g_file_get_basename (file);
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';
  {
    GString *slug = g_string_new (NULL);

    for (const char *p = base; *p && slug->len < 60; p++)
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
        g_string_append_c (slug, *p);
    if (slug->len == 0 || !g_ascii_isalpha (slug->str[0]))
      g_string_prepend (slug, "case-");
    id = g_string_free (slug, FALSE);
  }
  return bc_case_new (id, base);
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = bc_import_problem_to_string (g_ptr_array_index (problems, i));
      g_printerr ("%s\n", line);
    }
}

static gboolean
apply_mapping (Options      *o,
               BcCsvImport  *import,
               GError      **error)
{
  g_auto(GStrv) pairs = NULL;

  if (o->map == NULL)
    return TRUE;
  pairs = g_strsplit (o->map, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      /* The last colon: a column's header may hold one. */
      char *colon = strrchr (pairs[i], ':');

      if (colon == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--map: “%s” is not COLUMN:FIELD"), pairs[i]);
          return FALSE;
        }
      *colon = '\0';
      if (!bc_csv_import_set_mapping (import, pairs[i], colon + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* --import=FILE… --into=CASE: each file is read, checked and, when it
 * has no problem (or --skip-invalid), added as one step; the case is
 * written once, atomically, after all of them. A file with problems
 * that may not be skipped leaves the case as it was. */
static int
run_import (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) target = NULL;
  g_autoptr(GFile) into = NULL;
  BcDateOrder order = BC_DATE_ORDER_AUTO;
  BcTable table = BC_TABLE_EVENTS;
  gboolean refused = FALSE;

  if (o->into == NULL)
    {
      g_printerr (_("--import needs --into=CASE.bcase, the case to add to (created when missing)\n"));
      return EXIT_USAGE;
    }
  if (o->files != NULL && o->files[0] != NULL)
    {
      g_printerr (_("--import takes its files as --import=FILE, one per option\n"));
      return EXIT_USAGE;
    }
  if (o->date_order != NULL)
    {
      if (g_strcmp0 (o->date_order, "dmy") == 0)
        order = BC_DATE_ORDER_DMY;
      else if (g_strcmp0 (o->date_order, "mdy") == 0)
        order = BC_DATE_ORDER_MDY;
      else if (g_strcmp0 (o->date_order, "auto") != 0)
        {
          g_printerr (_("--date-order: use dmy (20/01/1993), mdy (01/20/1993) or auto\n"));
          return EXIT_USAGE;
        }
    }
  if (o->table != NULL && (!bc_table_from_name (o->table, &table) || table >= BC_N_CASE_TABLES))
    {
      g_printerr (_("--table: “%s” is not a table: use events, actors, transfers, sources, links "
                    "or annotations\n"), o->table);
      return EXIT_USAGE;
    }

  target = load_or_create (o->into, &error);
  if (target == NULL)
    {
      g_printerr ("%s: %s\n", o->into, error->message);
      return EXIT_INVALID;
    }

  for (guint i = 0; o->imports[i] != NULL; i++)
    {
      const char *path = o->imports[i];
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);

      if (stream == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return EXIT_INVALID;
        }

      if (o->pax_process != NULL)
        {
          g_auto(BcPaxResult) result = { 0 };

          if (!bc_pax_import (target, G_INPUT_STREAM (stream), path, o->pax_process, o->skip_invalid,
                              &result, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              if (g_error_matches (error, BC_EXCHANGE_ERROR, BC_EXCHANGE_ERROR_INVALID))
                g_printerr (_("Nothing was imported; add --skip-invalid to leave out the agreements "
                              "that cannot be read\n"));
              return EXIT_INVALID;
            }
          for (guint p = 0; result.problems != NULL && p < result.problems->len; p++)
            g_printerr ("%s\n", (const char *) g_ptr_array_index (result.problems, p));
          g_print (_("%s: %u agreements added, %u updated, %u links\n"), path, result.added,
                   result.updated, result.links);
        }
      else if (g_str_has_suffix (path, ".bib") || g_str_has_suffix (path, ".json"))
        {
          g_autoptr(BcBibImport) import = bc_bib_import_new (target);
          GPtrArray *problems;
          guint added = 0, updated = 0;

          if (!bc_bib_import_load (import, G_INPUT_STREAM (stream), path, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              return EXIT_INVALID;
            }
          problems = bc_bib_import_get_problems (import);
          print_problems (problems);
          if (problems->len > 0 && !o->skip_invalid)
            {
              g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %u entry has a problem; nothing is imported (add "
                                       "--skip-invalid to import the %u others)\n",
                                       "%s: %u entries have problems; nothing is imported (add "
                                       "--skip-invalid to import the %u others)\n", problems->len),
                          path, problems->len, bc_bib_import_get_n_valid (import));
              refused = TRUE;
              continue;
            }
          if (!bc_bib_import_apply (import, o->skip_invalid, &added, &updated, &error))
            {
              g_printerr ("%s\n", error->message);
              return EXIT_INVALID;
            }
          g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u source added, %u updated\n",
                                "%s: %u sources added, %u updated\n", added), path, added, updated);
        }
      else
        {
          g_autoptr(BcCsvImport) import = bc_csv_import_new (target);
          GPtrArray *problems;

          if (o->table != NULL)
            bc_csv_import_set_table (import, table);
          bc_csv_import_set_date_order (import, order);
          if (!apply_mapping (o, import, &error))
            {
              g_printerr ("%s\n", error->message);
              return EXIT_USAGE;
            }
          if (!bc_csv_import_load (import, G_INPUT_STREAM (stream), path, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              return EXIT_INVALID;
            }
          problems = bc_csv_import_get_problems (import);
          print_problems (problems);
          if (problems->len > 0 && !o->skip_invalid)
            {
              g_printerr (_("%s: %u of %u rows have problems; nothing is imported (add "
                            "--skip-invalid to import the %u valid rows)\n"),
                          path, bc_csv_import_get_n_rows (import) - bc_csv_import_get_n_valid (import),
                          bc_csv_import_get_n_rows (import), bc_csv_import_get_n_valid (import));
              refused = TRUE;
              continue;
            }
          if (!bc_csv_import_apply (import, o->skip_invalid, &error))
            {
              g_printerr ("%s\n", error->message);
              return EXIT_INVALID;
            }
          g_print (_("%s: %u %s imported\n"), path, bc_csv_import_get_n_valid (import),
                   bc_table_get_name (bc_csv_import_get_table (import)));
        }
    }

  if (refused)
    return EXIT_INVALID;

  into = g_file_new_for_commandline_arg (o->into);
  if (!bc_case_write_file (target, into, BC_WRITE_FLAGS_NONE, NULL, &error))
    {
      g_printerr ("%s: %s\n", o->into, error->message);
      return EXIT_INVALID;
    }
  return EXIT_VALID;
}

/**
 * bc_cli_run:
 * @argc: the argument count
 * @argv: the arguments
 *
 * Runs what the command line asks for, without a display.
 *
 * Returns: the exit status, or %BC_CLI_NOT_HANDLED when the arguments
 *   ask for the window
 */
int
bc_cli_run (int    argc,
            char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &o.report,
      N_("Write the measures of complementarity of the case, or of several cases side by side, "
         "to OUT.md, OUT.csv or OUT.json (- for Markdown on the standard output)"), N_("OUT") },
    { "documented-only", 0, 0, G_OPTION_ARG_NONE, &o.documented_only,
      N_("With --report or --chart, count only documented transfers"), NULL },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o.chart,
      N_("With --export=OUT.png, .svg or .pdf, draw a chart of the measures instead of the case: "
         "mechanisms, lags or activity"), N_("CHART") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &o.validate,
      N_("Check case files and print each error as FILE:LINE:COLUMN: message"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &o.export_path,
      N_("Write the case to OUT; the type comes from its extension"), N_("OUT") },
    { "export-type", 0, 0, G_OPTION_ARG_STRING, &o.export_type,
      N_("The type to export: bcase, png, svg, pdf, csv, gephi-csv, gexf, graphml, bib, "
         "csl-json, timeline-json or kumu-json"), N_("TYPE") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &o.table,
      N_("The table a CSV export writes: events, actors, transfers, sources, links, "
         "annotations; nodes or edges for gephi-csv"), N_("TABLE") },
    { "import", 'i', 0, G_OPTION_ARG_FILENAME_ARRAY, &o.imports,
      N_("Add the rows of a CSV file (events, actors, transfers, sources, links or annotations) "
         "or, with --pax-process, PA-X agreements to the case --into names; repeatable"), N_("FILE") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &o.into,
      N_("The case --import adds to, created when missing, written atomically"), N_("CASE") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &o.map,
      N_("Read columns as fields, such as \"Start Date:date,Notes:description,Extra:-\""), N_("COLUMN:FIELD,…") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &o.date_order,
      N_("How --import reads 03/04/1993: dmy, mdy or auto (default: from the file's other dates)"), N_("ORDER") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &o.skip_invalid,
      N_("Import the valid rows of a file that has problems, and leave the others out"), NULL },
    { "pax-process", 0, 0, G_OPTION_ARG_STRING, &o.pax_process,
      N_("Import the agreements of this peace process (its PA-X number or name) from a PA-X CSV"), N_("PROCESS") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &o.view,
      N_("The picture to export: lanes (default) or wheel"), N_("VIEW") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &o.scale,
      N_("Device scale of a PNG export: 2 gives twice the pixels"), N_("N") },
    { "time-scale", 0, 0, G_OPTION_ARG_STRING, &o.time_scale,
      N_("How time runs in the lanes: balanced (default: busy stretches widened), proportional (true to the calendar) or sequence"), N_("SCALE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("Show the case from DATE on, such as 1978-09-05"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("Show the case up to DATE, such as 1978-09-17"), N_("DATE") },
    { "story", 0, 0, G_OPTION_ARG_NONE, &o.story,
      N_("Export the case's story as a PDF, one page a step with its caption"), NULL },
    { "as-known-on", 0, 0, G_OPTION_ARG_STRING, &o.known_on,
      N_("Hide what was not yet known on DATE"), N_("DATE") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &o.theme,
      N_("Colours of the picture: light (default) or dark"), N_("THEME") },
    { "tracks", 0, 0, G_OPTION_ARG_STRING, &o.tracks,
      N_("Show only these tracks, such as 1,1.5,2"), N_("LIST") },
    { "highlight", 0, 0, G_OPTION_ARG_STRING, &o.highlight,
      N_("Bring one transfer mechanism forward, such as draft-text"), N_("MECHANISM") },
    { "actor-paths", 0, 0, G_OPTION_ARG_STRING, &o.actor_paths,
      N_("Whose paths through the tracks to draw: all (default), selected (the --focus actor’s) or none"),
      N_("WHOSE") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &o.focus,
      N_("Bring forward the items ID,… and what they carried and took part in, fading the rest"),
      N_("ID,…") },
    { "empty-tracks", 0, 0, G_OPTION_ARG_NONE, &o.empty_tracks,
      N_("Keep lanes for tracks with no events"), NULL },
    { "list-cases", 0, 0, G_OPTION_ARG_NONE, &o.list_cases,
      N_("List the bundled cases: name, title, period and file"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Study how peace processes move between tracks of diplomacy."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options\n"), g_get_prgname ());
      return EXIT_USAGE;
    }

  if (o.version)
    {
      g_print ("backchannel %s\n", PACKAGE_VERSION);
      return EXIT_VALID;
    }

  if (o.list_cases)
    return run_list_cases ();

  if (o.imports != NULL)
    {
      if (o.validate || o.export_path != NULL)
        {
          g_printerr (_("--import cannot be used with --validate or --export\n"));
          return EXIT_USAGE;
        }
      return run_import (&o);
    }
  if (o.into != NULL || o.pax_process != NULL || o.map != NULL)
    {
      g_printerr (_("--into, --map and --pax-process go with --import\n"));
      return EXIT_USAGE;
    }

  if (o.report != NULL)
    {
      if (o.validate || o.export_path != NULL)
        {
          g_printerr (_("--report cannot be used with --validate or --export\n"));
          return EXIT_USAGE;
        }
      if (o.files == NULL || o.files[0] == NULL)
        {
          g_printerr (_("No case file given\n"));
          return EXIT_USAGE;
        }
      return run_report (&o);
    }
  if (o.chart != NULL)
    {
      if (o.validate || o.export_path == NULL)
        {
          g_printerr (_("--chart draws into the file --export names, and cannot be used with "
                        "--validate\n"));
          return EXIT_USAGE;
        }
      if (o.files == NULL || o.files[0] == NULL)
        {
          g_printerr (_("No case file given\n"));
          return EXIT_USAGE;
        }
      return run_chart (&o);
    }
  if (o.documented_only)
    {
      g_printerr (_("--documented-only goes with --report or --chart\n"));
      return EXIT_USAGE;
    }

  if (o.validate && o.export_path != NULL)
    {
      g_printerr (_("--validate and --export cannot be used together\n"));
      return EXIT_USAGE;
    }

  if (!o.validate && o.export_path == NULL)
    return BC_CLI_NOT_HANDLED;

  if (o.files == NULL || o.files[0] == NULL)
    {
      g_printerr (_("No case file given\n"));
      return EXIT_USAGE;
    }

  if (o.validate)
    return run_validate (&o);

  return run_export (&o);
}
