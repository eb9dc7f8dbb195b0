/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-mime"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>

/* The MIME type as the desktop installs it: the package file copied into
 * a temporary XDG_DATA_HOME, update-mime-database run there, and GIO
 * asked what a case is, by its name and by its content.
 *
 * BC_MIME_XML: the built mime package; BC_CASE_FILE: a bundled case;
 * BC_UPDATE_MIME_DATABASE: the program, or unset to skip. */

#define CASE_TYPE "application/x-backchannel-case+xml"

static char *data_home;

static void
test_guess_by_name (void)
{
  g_autofree char *type = g_content_type_guess ("Oslo notes.bcase", NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);

  g_assert_cmpstr (mime, ==, CASE_TYPE);
  g_assert_true (g_content_type_is_a (type, "application/xml"));
}

static void
test_guess_by_content (void)
{
  const char *path = g_getenv ("BC_CASE_FILE");
  g_autofree char *contents = NULL;
  g_autofree char *type = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  gboolean uncertain = TRUE;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* No name: the root element decides. */
  type = g_content_type_guess (NULL, (const guchar *) contents, MIN (length, 4096), &uncertain);
  g_assert_cmpstr (type, ==, CASE_TYPE);
  g_assert_false (uncertain);

  /* Other XML is not a case. */
  {
    const char *other = "<?xml version=\"1.0\"?>\n<casebook><case-study/></casebook>\n";
    g_autofree char *other_type = g_content_type_guess (NULL, (const guchar *) other, strlen (other), NULL);

    g_assert_cmpstr (other_type, !=, CASE_TYPE);
  }
}

static void
test_description_and_icon (void)
{
  g_autofree char *description = g_content_type_get_description (CASE_TYPE);
  g_autoptr(GIcon) icon = g_content_type_get_icon (CASE_TYPE);
  g_autofree char *icon_names = g_icon_to_string (icon);

  g_assert_cmpstr (description, ==, "Backchannel case");
  g_assert_nonnull (strstr (icon_names, "application-x-backchannel-case+xml"));
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

int
main (int    argc,
      char **argv)
{
  const char *update = g_getenv ("BC_UPDATE_MIME_DATABASE");
  const char *xml = g_getenv ("BC_MIME_XML");
  g_autofree char *packages = NULL;
  g_autofree char *mime_dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status = 0;
  int result;

  if (update == NULL || *update == '\0')
    {
      printf ("1..0 # SKIP update-mime-database is not installed\n");
      return 0;
    }

  /* Before anything asks GLib for the data folders: it reads them once. */
  data_home = g_dir_make_tmp ("backchannel-mime-XXXXXX", &error);
  g_assert_no_error (error);
  mime_dir = g_build_filename (data_home, "mime", NULL);
  packages = g_build_filename (mime_dir, "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  target = g_build_filename (packages, "io.github.backchannel.Backchannel.xml", NULL);
  g_file_get_contents (xml, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { update, mime_dir, NULL };

    g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/desktop/mime/guess-by-name", test_guess_by_name);
  g_test_add_func ("/desktop/mime/guess-by-content", test_guess_by_content);
  g_test_add_func ("/desktop/mime/description-and-icon", test_description_and_icon);
  result = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);
  return result;
}
