/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bc-bundled.h"
#include "bc-cli.h"
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
  char      *export_path;
  char      *export_type;
  gboolean   version;
  gboolean   list_cases;
  char     **files;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->export_path);
  g_free (o->export_type);
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

  dot = strrchr (o->export_path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return NULL;
  return dot + 1;
}

static int
run_export (Options *o)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCase) loaded = NULL;
  g_autoptr(GFile) out = NULL;
  const char *type = export_type_of (o);

  if (type == NULL || g_ascii_strcasecmp (type, "bcase") != 0)
    {
      g_printerr (_("Cannot tell what to export “%s” as: use a name ending in .bcase, "
                    "or --export-type=bcase\n"), o->export_path);
      return EXIT_USAGE;
    }

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

  out = g_file_new_for_commandline_arg (o->export_path);
  if (!bc_case_write_file (loaded, out, BC_WRITE_FLAGS_NONE, NULL, &error))
    {
      g_printerr ("%s: %s\n", o->export_path, error->message);
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
    { "validate", 0, 0, G_OPTION_ARG_NONE, &o.validate,
      N_("Check case files and print each error as FILE:LINE:COLUMN: message"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &o.export_path,
      N_("Write the case to OUT; the type comes from its extension"), N_("OUT") },
    { "export-type", 0, 0, G_OPTION_ARG_STRING, &o.export_type,
      N_("The type to export: bcase"), N_("TYPE") },
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
