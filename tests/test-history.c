/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-fixture.h"

static gboolean
set_string (BcHistory  *h,
            GObject    *object,
            const char *property,
            const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  return bc_history_set (h, object, property, &value, NULL);
}

static void
test_set_apply_revert (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  BcEvent *e = bc_case_lookup_event (c, "meet-1");

  g_assert_false (bc_history_can_undo (h));
  g_assert_true (set_string (h, G_OBJECT (e), "title", "Sarpsborg I"));
  g_assert_cmpstr (bc_event_get_title (e), ==, "Sarpsborg I");
  g_assert_true (bc_history_can_undo (h));

  g_assert_true (bc_history_undo (h));
  g_assert_cmpstr (bc_event_get_title (e), ==, "First meeting");
  g_assert_true (bc_history_can_redo (h));

  g_assert_true (bc_history_redo (h));
  g_assert_cmpstr (bc_event_get_title (e), ==, "Sarpsborg I");
}

static void
test_set_date_and_enum (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  BcEvent *e = bc_case_lookup_event (c, "meet-1");
  BcDate d = fixture_date ("1993-01-21");
  g_auto(GValue) date = G_VALUE_INIT;
  g_auto(GValue) track = G_VALUE_INIT;

  g_value_init (&date, BC_TYPE_DATE);
  g_value_set_boxed (&date, &d);
  g_value_init (&track, g_type_from_name ("BcTrack"));
  g_value_set_enum (&track, BC_TRACK_1_5);

  bc_history_begin_group (h, "Move event");
  g_assert_true (bc_history_set (h, G_OBJECT (e), "date", &date, NULL));
  g_assert_true (bc_history_set (h, G_OBJECT (e), "track", &track, NULL));
  bc_history_end_group (h);

  g_assert_true (bc_date_equal (bc_event_get_date (e), d));
  g_assert_cmpint (bc_event_get_track (e), ==, BC_TRACK_1_5);
  g_assert_cmpstr (bc_history_get_undo_label (h), ==, "Move event");

  /* One step undoes the whole group. */
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_date_equal (bc_event_get_date (e), fixture_date ("1993-01-20")));
  g_assert_cmpint (bc_event_get_track (e), ==, BC_TRACK_2);
  g_assert_false (bc_history_can_undo (h));
}

static void
test_insert_remove (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  g_autoptr(BcEvent) e = bc_event_new ("oslo", BC_TRACK_1, BC_EVENT_AGREEMENT,
                                       fixture_date ("1993-08-20"), "Initialled");
  g_autoptr(BcCommand) insert = bc_insert_command_new ("events", NULL, 1, G_OBJECT (e));
  g_autoptr(BcCommand) remove = NULL;
  g_autoptr(BcEvent) second = NULL;
  g_autoptr(GObject) link = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_history_perform (h, insert, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 4);
  second = g_list_model_get_item (bc_case_get_events (c), 1);
  g_assert_true (second == e);
  g_assert_true (bc_case_lookup_event (c, "oslo") == e);

  /* A link still names meet-1: removing it alone would leave the link
   * dangling, which the reader refuses. */
  remove = bc_remove_command_new_for (c, G_OBJECT (bc_case_lookup (c, "meet-1")));
  g_assert_nonnull (remove);
  g_assert_false (bc_history_perform (h, remove, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID);
  g_assert_nonnull (bc_case_lookup (c, "meet-1"));
  g_clear_object (&remove);

  link = g_list_model_get_item (bc_case_get_links (c), 0);
  remove = bc_remove_command_new_for (c, link);
  g_assert_true (bc_history_perform (h, remove, NULL));
  g_clear_object (&remove);

  remove = bc_remove_command_new_for (c, G_OBJECT (bc_case_lookup (c, "meet-1")));
  g_assert_true (bc_history_perform (h, remove, NULL));
  g_assert_null (bc_case_lookup (c, "meet-1"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 3);

  g_assert_true (bc_history_undo (h));
  g_assert_nonnull (bc_case_lookup_event (c, "meet-1"));
  g_clear_object (&second);
  second = g_list_model_get_item (bc_case_get_events (c), 0);
  g_assert_cmpstr (bc_item_get_id (BC_ITEM (second)), ==, "meet-1");

  g_assert_true (bc_history_undo (h));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (c)), ==, 1);
  g_assert_true (bc_history_undo (h));
  g_assert_null (bc_case_lookup (c, "oslo"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 3);
}

static void
test_annotation_commands (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  BcTransfer *t = bc_case_lookup_transfer (c, "draft");
  g_autoptr(BcAnnotation) a = bc_annotation_new ("A. Analyst", "2026-11-24T10:00:00Z", NULL, "Check Savir");
  g_autoptr(BcCommand) insert = bc_insert_command_new ("annotations", "draft", -1, G_OBJECT (a));

  g_assert_true (bc_history_perform (h, insert, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (t)), ==, 1);
  g_assert_true (set_string (h, G_OBJECT (a), "text", "Checked"));
  g_assert_cmpstr (bc_annotation_get_text (a), ==, "Checked");
  g_assert_true (bc_history_undo (h));
  g_assert_cmpstr (bc_annotation_get_text (a), ==, "Check Savir");
  g_assert_true (bc_history_undo (h));
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (t)), ==, 0);
}

static void
test_saved_marker (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  GObject *e = G_OBJECT (bc_case_lookup (c, "meet-1"));

  bc_history_mark_saved (h);
  g_assert_false (bc_history_get_modified (h));

  set_string (h, e, "title", "One");
  g_assert_true (bc_history_get_modified (h));
  bc_history_mark_saved (h);
  g_assert_false (bc_history_get_modified (h));

  set_string (h, e, "title", "Two");
  g_assert_true (bc_history_get_modified (h));
  bc_history_undo (h);
  g_assert_false (bc_history_get_modified (h));
  bc_history_undo (h);
  g_assert_true (bc_history_get_modified (h));
  bc_history_redo (h);
  g_assert_false (bc_history_get_modified (h));
}

static void
test_new_edit_clears_redo (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  GObject *e = G_OBJECT (bc_case_lookup (c, "meet-1"));

  bc_history_mark_saved (h);
  set_string (h, e, "title", "One");
  set_string (h, e, "title", "Two");
  bc_history_mark_saved (h);
  bc_history_undo (h);
  g_assert_true (bc_history_can_redo (h));

  set_string (h, e, "title", "Three");
  g_assert_false (bc_history_can_redo (h));
  /* The saved state ("Two") is gone for good. */
  g_assert_true (bc_history_get_modified (h));
  bc_history_undo (h);
  g_assert_true (bc_history_get_modified (h));
  g_assert_cmpstr (bc_event_get_title (BC_EVENT (e)), ==, "One");
}

static void
test_failed_command_changes_nothing (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  /* Renaming an event to an id an actor has is refused. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "larsen");
  g_assert_false (bc_history_set (h, G_OBJECT (bc_case_lookup (c, "meet-1")), "id", &value, &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID);
  g_assert_false (bc_history_can_undo (h));
  g_assert_nonnull (bc_case_lookup_event (c, "meet-1"));
  g_assert_true (BC_IS_ACTOR (bc_case_lookup (c, "larsen")));
}

static void
test_rename_reindexes (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  BcEvent *e = bc_case_lookup_event (c, "meet-1");

  g_assert_true (set_string (h, G_OBJECT (e), "id", "sarpsborg-1"));
  g_assert_true (bc_case_lookup_event (c, "sarpsborg-1") == e);
  g_assert_null (bc_case_lookup (c, "meet-1"));

  /* A later command that names it by its new id still undoes. */
  g_assert_true (set_string (h, G_OBJECT (e), "title", "Renamed"));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_history_undo (h));
  g_assert_true (bc_case_lookup_event (c, "meet-1") == e);
  g_assert_true (bc_history_redo (h));
  g_assert_true (bc_history_redo (h));
  g_assert_cmpstr (bc_event_get_title (e), ==, "Renamed");
}

static void
test_cancel_group (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);
  GObject *e = G_OBJECT (bc_case_lookup (c, "meet-1"));

  bc_history_begin_group (h, "Drag");
  set_string (h, e, "title", "Half-way");
  g_assert_true (bc_history_get_modified (h));
  bc_history_cancel_group (h);
  g_assert_cmpstr (bc_event_get_title (BC_EVENT (e)), ==, "First meeting");
  g_assert_false (bc_history_can_undo (h));
  g_assert_false (bc_history_get_modified (h));
}

static void
test_empty_group_leaves_no_step (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcHistory *h = bc_case_get_history (c);

  bc_history_begin_group (h, "Nothing");
  bc_history_end_group (h);
  g_assert_false (bc_history_can_undo (h));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/history/set-applies-and-reverts", test_set_apply_revert);
  g_test_add_func ("/core/history/group-undoes-as-one", test_set_date_and_enum);
  g_test_add_func ("/core/history/insert-and-remove", test_insert_remove);
  g_test_add_func ("/core/history/annotation-commands", test_annotation_commands);
  g_test_add_func ("/core/history/saved-marker", test_saved_marker);
  g_test_add_func ("/core/history/new-edit-clears-redo", test_new_edit_clears_redo);
  g_test_add_func ("/core/history/failed-command-changes-nothing", test_failed_command_changes_nothing);
  g_test_add_func ("/core/history/rename-reindexes", test_rename_reindexes);
  g_test_add_func ("/core/history/cancel-group-reverts", test_cancel_group);
  g_test_add_func ("/core/history/empty-group-leaves-no-step", test_empty_group_leaves_no_step);

  return g_test_run ();
}
