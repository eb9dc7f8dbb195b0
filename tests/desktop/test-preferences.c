/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bc-preferences-window.h"
#include "bc-window-private.h"

/* The preferences as a user meets them: the settings from the schema
 * compiled in the build folder (GSETTINGS_SCHEMA_DIR), in memory
 * (GSETTINGS_BACKEND=memory), read by new windows and written by the
 * preferences window. */

static GSettings *
reset_settings (void)
{
  GSettings *settings = bc_preferences_window_lookup_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_new_window_follows_settings (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  BcWindow *window;
  int width, height;

  g_settings_set_string (settings, "default-view", "wheel");
  g_settings_set_string (settings, "default-time-scale", "sequence");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  window = bc_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  g_assert_cmpint (bc_canvas_get_view (_bc_window_get_canvas (window)), ==, BC_VIEW_WHEEL);
  g_assert_cmpint (bc_canvas_get_time_scale (_bc_window_get_canvas (window)), ==, BC_TIME_SCALE_SEQUENCE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_closing_remembers_the_size (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  BcWindow *window = bc_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  gtk_window_close (GTK_WINDOW (window));
  drain ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_COMBO_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences_window_writes_settings (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  GtkWidget *preferences = bc_preferences_window_new (NULL, settings);
  AdwComboRow *view = find_combo_row (preferences, "Default View");
  AdwComboRow *export_format = find_combo_row (preferences, "Format");
  AdwComboRow *style = find_combo_row (preferences, "Style");

  g_assert_nonnull (view);
  g_assert_nonnull (export_format);
  g_assert_nonnull (style);

  /* The rows show the settings... */
  g_assert_cmpuint (adw_combo_row_get_selected (view), ==, 0);
  g_settings_set_string (settings, "export-format", "pdf");
  g_assert_cmpuint (adw_combo_row_get_selected (export_format), ==, 2);

  /* ...and write them. */
  adw_combo_row_set_selected (view, 1);
  adw_combo_row_set_selected (style, 2);
  {
    g_autofree char *chosen_view = g_settings_get_string (settings, "default-view");
    g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (chosen_view, ==, "wheel");
    g_assert_cmpstr (scheme, ==, "dark");
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_color_scheme_reaches_the_style_manager (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  bc_preferences_window_bind_color_scheme (settings);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (settings, "color-scheme", "follow");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_author_name_defaults_to_the_user (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *author = bc_preferences_window_dup_author_name (settings);
  g_autofree char *chosen = NULL;
  const char *real_name = g_get_real_name ();

  if (g_strcmp0 (real_name, "Unknown") != 0 && real_name != NULL && *real_name != '\0')
    g_assert_cmpstr (author, ==, real_name);
  else
    g_assert_null (author);

  g_settings_set_string (settings, "author-name", "  Susan Allen Nan ");
  chosen = bc_preferences_window_dup_author_name (settings);
  g_assert_cmpstr (chosen, ==, "Susan Allen Nan");
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

  {
    g_autoptr(GSettings) settings = bc_preferences_window_lookup_settings ();

    if (settings == NULL)
      {
        printf ("1..0 # SKIP the settings schema is not found: set GSETTINGS_SCHEMA_DIR\n");
        return 0;
      }
  }

  g_test_add_func ("/desktop/preferences/new-window-follows-settings", test_new_window_follows_settings);
  g_test_add_func ("/desktop/preferences/closing-remembers-the-size", test_closing_remembers_the_size);
  g_test_add_func ("/desktop/preferences/window-writes-settings", test_preferences_window_writes_settings);
  g_test_add_func ("/desktop/preferences/color-scheme-reaches-the-style-manager",
                   test_color_scheme_reaches_the_style_manager);
  g_test_add_func ("/desktop/preferences/author-name-defaults-to-the-user", test_author_name_defaults_to_the_user);

  return g_test_run ();
}
