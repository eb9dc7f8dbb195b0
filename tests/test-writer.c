/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "bc-reader.h"
#include "bc-writer.h"
#include "test-fixture.h"

static const char expected[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<case version=\"1\" id=\"test\">\n"
  "  <title>A test case</title>\n"
  "  <actors>\n"
  "    <actor id=\"larsen\" track=\"2\" type=\"person\">\n"
  "      <name>Terje Rød-Larsen</name>\n"
  "      <position track=\"2\" to=\"1993-04\"/>\n"
  "    </actor>\n"
  "    <actor id=\"savir\" track=\"1\" type=\"person\">\n"
  "      <name>Uri Savir</name>\n"
  "      <position track=\"1\" from=\"1993-05\">\n"
  "        <role>Director-General</role>\n"
  "      </position>\n"
  "    </actor>\n"
  "  </actors>\n"
  "  <events>\n"
  "    <event id=\"meet-1\" track=\"2\" type=\"meeting\" date=\"1993-01-20\">\n"
  "      <title>First meeting</title>\n"
  "    </event>\n"
  "    <event id=\"meet-2\" track=\"2\" type=\"meeting\" date=\"1993-05\">\n"
  "      <title>Fifth meeting</title>\n"
  "    </event>\n"
  "    <event id=\"signing\" track=\"1\" type=\"signing\" date=\"1993-09-13\">\n"
  "      <title>Signing</title>\n"
  "    </event>\n"
  "  </events>\n"
  "  <links>\n"
  "    <link from=\"meet-1\" to=\"meet-2\" type=\"leads-to\"/>\n"
  "  </links>\n"
  "  <transfers>\n"
  "    <transfer id=\"draft\" from=\"meet-2\" to=\"signing\" mechanism=\"draft-text\">\n"
  "      <title>Draft becomes the text</title>\n"
  "    </transfer>\n"
  "  </transfers>\n"
  "  <sources>\n"
  "    <source id=\"corbin\" type=\"book\">\n"
  "      <citation>Corbin, Gaza First, 1994.</citation>\n"
  "    </source>\n"
  "  </sources>\n"
  "</case>\n";

static char *
to_string (BcCase *c)
{
  g_autoptr(GBytes) bytes = bc_case_to_bytes (c);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_canonical_output (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autofree char *text = to_string (c);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_deterministic (void)
{
  g_autoptr(BcCase) a = fixture_case ();
  g_autoptr(BcCase) b = fixture_case ();
  g_autoptr(GBytes) ba = bc_case_to_bytes (a);
  g_autoptr(GBytes) bb = bc_case_to_bytes (b);
  g_autoptr(GBytes) again = bc_case_to_bytes (a);

  g_assert_true (g_bytes_equal (ba, bb));
  g_assert_true (g_bytes_equal (ba, again));
}

static void
test_escapes_survive (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(BcCase) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = "Tom & Jerry <draft> \"quoted\"\r\nline two\ttab";
  const char *pages = "12–14 & \"n. 3\"\ttab\nnew";
  g_autoptr(GPtrArray) refs = bc_source_refs_new ();
  GPtrArray *back_refs;

  g_ptr_array_add (refs, bc_source_ref_new ("corbin", pages));
  g_object_set (bc_case_lookup (c, "signing"), "title", title, "sources", refs, NULL);
  bytes = bc_case_to_bytes (c);
  back = bc_case_read_bytes (bytes, "escapes.bcase", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (bc_event_get_title (bc_case_lookup_event (back, "signing")), ==, title);
  back_refs = bc_event_get_sources (bc_case_lookup_event (back, "signing"));
  g_assert_cmpuint (back_refs->len, ==, 1);
  g_assert_cmpstr (((BcSourceRef *) g_ptr_array_index (back_refs, 0))->pages, ==, pages);
}

static void
test_write_read_write (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GBytes) first = bc_case_to_bytes (c);
  g_autoptr(BcCase) back = bc_case_read_bytes (first, "fixture.bcase", NULL, NULL);
  g_autoptr(GBytes) second = NULL;

  g_assert_nonnull (back);
  second = bc_case_to_bytes (back);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_atomic_save_with_backup (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bc-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.bcase", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *content = NULL;
  g_autofree char *old = NULL;

  g_assert_true (g_file_set_contents (path, "old content\n", -1, NULL));
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "Saved");
    g_assert_true (bc_history_set (bc_case_get_history (c), G_OBJECT (c), "title", &value, NULL));
    g_assert_true (bc_history_get_modified (bc_case_get_history (c)));
  }

  g_assert_true (bc_case_write_file (c, file, BC_WRITE_FLAGS_BACKUP, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (bc_history_get_modified (bc_case_get_history (c)));

  g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "old content\n");
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_nonnull (strstr (content, "<title>Saved</title>"));

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/writer/canonical-output", test_canonical_output);
  g_test_add_func ("/core/writer/deterministic", test_deterministic);
  g_test_add_func ("/core/writer/escapes-survive-reading", test_escapes_survive);
  g_test_add_func ("/core/writer/write-read-write-identical", test_write_read_write);
  g_test_add_func ("/core/writer/atomic-save-keeps-backup", test_atomic_save_with_backup);

  return g_test_run ();
}
