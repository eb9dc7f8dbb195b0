/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-templates"

#include "config.h"

#include <adwaita.h>
#include <gmodule.h>
#include <stdio.h>
#include <stdlib.h>

#include "bc-preferences-window.h"

/* Every .ui file of the application's resources, built as the
 * application builds it: a template by creating its widget, anything
 * else by GtkBuilder. A template added later is found here without
 * listing it, and a property or type that GTK 4.8 or libadwaita 1.2 do
 * not know fails the test (a critical, fatal in tests). */

#define UI_PATH "/io/github/backchannel/Backchannel/"

static GPtrArray *ui_files;

/* "BcPreferencesWindow" → "bc_preferences_window_get_type" */
static char *
get_type_function (const char *class_name)
{
  GString *name = g_string_new (NULL);

  for (const char *p = class_name; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && p != class_name)
        g_string_append_c (name, '_');
      g_string_append_c (name, g_ascii_tolower (*p));
    }
  g_string_append (name, "_get_type");
  return g_string_free (name, FALSE);
}

/* The class of the <template> in @xml, or NULL for a plain builder file. */
static char *
find_template_class (const char *xml)
{
  const char *start = strstr (xml, "<template ");
  const char *class_attr;
  const char *end;

  if (start == NULL)
    return NULL;
  class_attr = strstr (start, "class=\"");
  g_assert_nonnull (class_attr);
  class_attr += strlen ("class=\"");
  end = strchr (class_attr, '"');
  g_assert_nonnull (end);
  return g_strndup (class_attr, end - class_attr);
}

static GType
type_for_class (const char *class_name)
{
  g_autofree char *function = get_type_function (class_name);
  GModule *self = g_module_open (NULL, 0);
  GType (*get_type) (void) = NULL;
  gboolean found;

  g_assert_nonnull (self);
  found = g_module_symbol (self, function, (gpointer *) &get_type);
  g_module_close (self);
  if (!found)
    g_error ("No %s() in the program for the template class %s", function, class_name);
  return get_type ();
}

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  g_autofree char *xml = NULL;
  g_autofree char *class_name = NULL;

  /* Each file in a process of its own, so that a type one template
   * registers cannot hide that another file forgot to register it. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_no_error (error);
  xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  class_name = find_template_class (xml);

  if (class_name != NULL)
    {
      GType type = type_for_class (class_name);
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "settings");
      GtkWidget *widget;

      g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
      g_assert_false (G_TYPE_IS_ABSTRACT (type));

      if (pspec != NULL && pspec->value_type == G_TYPE_SETTINGS)
        {
          /* A widget that shows preferences is built on the settings,
           * from the schema compiled in the build folder. */
          g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();

          if (settings == NULL)
            {
              g_test_skip ("The settings schema is not found: set GSETTINGS_SCHEMA_DIR");
              return;
            }
          widget = g_object_new (type, "settings", settings, NULL);
        }
      else
        widget = g_object_new (type, NULL);

      g_assert_nonnull (gtk_widget_get_first_child (widget));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      else
        g_object_unref (g_object_ref_sink (widget));
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();

      gtk_builder_add_from_string (builder, xml, -1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (gtk_builder_get_objects (builder));
      for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (l->data);
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_ui_files (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (dir, 0, &error);

  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, names[i], NULL);
      g_autofree char *test_path = NULL;

      if (g_str_has_suffix (names[i], "/"))
        {
          add_ui_files (path);
          continue;
        }
      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      /* Kept in a global, so that a test's process (which exits at its
       * end, see test_ui_file()) still references them. */
      test_path = g_strconcat ("/desktop/templates/", path + strlen (UI_PATH), NULL);
      g_ptr_array_add (ui_files, g_strdup (path));
      g_test_add_data_func (test_path, g_ptr_array_index (ui_files, ui_files->len - 1), test_ui_file);
    }
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  ui_files = g_ptr_array_new_with_free_func (g_free);
  add_ui_files (UI_PATH);
  return g_test_run ();
}
