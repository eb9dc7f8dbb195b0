/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-fixture.h"

static void
test_lookup_resolves_kinds (void)
{
  g_autoptr(BcCase) c = fixture_case ();

  g_assert_true (BC_IS_ACTOR (bc_case_lookup (c, "larsen")));
  g_assert_nonnull (bc_case_lookup_event (c, "signing"));
  g_assert_null (bc_case_lookup_event (c, "larsen"));
  g_assert_null (bc_case_lookup_actor (c, "signing"));
  g_assert_nonnull (bc_case_lookup_source (c, "corbin"));
  g_assert_nonnull (bc_case_lookup_transfer (c, "draft"));
  g_assert_null (bc_case_lookup (c, "nobody"));
  g_assert_true (bc_item_get_case (bc_case_lookup (c, "larsen")) == c);
}

static void
test_collections_are_list_models (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(BcActor) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_actors (c)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_links (c)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_transfers (c)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_sources (c)), ==, 1);
  g_assert_true (g_list_model_get_item_type (bc_case_get_events (c)) == BC_TYPE_EVENT);
  first = g_list_model_get_item (bc_case_get_actors (c), 0);
  g_assert_cmpstr (bc_actor_get_name (first), ==, "Terje Rød-Larsen");
}

static void
on_changed (BcCase       *c,
            BcChangeKind  kind,
            GObject      *object,
            const char   *detail,
            GPtrArray    *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s:%s%s", G_OBJECT_TYPE_NAME (object),
                                          kind == BC_CHANGE_ADDED ? "+" : kind == BC_CHANGE_REMOVED ? "-" : "",
                                          detail));
}

static void
test_change_notification (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  BcEvent *e = bc_case_lookup_event (c, "meet-1");
  g_autoptr(BcAnnotation) a = bc_annotation_new ("A. Analyst", "2026-11-24T10:00:00Z", NULL, "Why");

  g_signal_connect (c, "changed", G_CALLBACK (on_changed), seen);

  g_object_set (e, "title", "Renamed", NULL);
  g_object_set (e, "title", "Renamed", NULL); /* no change, no signal */
  g_assert_true (_bc_case_insert (c, "annotations", "draft", -1, G_OBJECT (a), NULL));
  g_object_set (a, "text", "Because", NULL);
  g_object_set (c, "title", "New title", NULL);
  g_assert_nonnull (_bc_case_remove (c, "annotations", "draft", 0, NULL));
  g_object_unref (a);

  /* One signal says what changed: a field, or what came or went where. */
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "BcEvent:title");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "BcAnnotation:+annotations");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "BcAnnotation:text");
  g_assert_cmpstr (g_ptr_array_index (seen, 3), ==, "BcCase:title");
  g_assert_cmpstr (g_ptr_array_index (seen, 4), ==, "BcAnnotation:-annotations");
}

static void
test_events_by_track_and_range (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GPtrArray) track2 = NULL;
  g_autoptr(GPtrArray) may = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BcDate d = fixture_date ("1993-05-15");

  track2 = bc_case_find_events (c, BC_TRACK_BIT (BC_TRACK_2), 0, 0);
  g_assert_cmpuint (track2->len, ==, 2);

  /* A month-precision event meets any day of its month. */
  may = bc_case_find_events (c, BC_ALL_TRACKS, bc_date_get_first_day (d), bc_date_get_last_day (d));
  g_assert_cmpuint (may->len, ==, 1);
  g_assert_cmpstr (bc_item_get_id (g_ptr_array_index (may, 0)), ==, "meet-2");

  all = bc_case_find_events (c, BC_TRACK_BIT (BC_TRACK_1) | BC_TRACK_BIT (BC_TRACK_2),
                             bc_date_get_first_day (fixture_date ("1993")),
                             bc_date_get_last_day (fixture_date ("1993")));
  g_assert_cmpuint (all->len, ==, 3);
}

static void
test_transfers_by_mechanism (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(GPtrArray) drafts = bc_case_find_transfers (c, BC_MECHANISM_DRAFT_TEXT);
  g_autoptr(GPtrArray) briefings = bc_case_find_transfers (c, BC_MECHANISM_BRIEFING);

  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpuint (briefings->len, ==, 0);
  g_assert_cmpint (bc_case_get_transfer_direction (c, g_ptr_array_index (drafts, 0)), ==,
                   BC_DIRECTION_UPWARD);
}

static void
test_actor_track_on_date (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcActor *savir = bc_case_lookup_actor (c, "savir");
  BcActor *larsen = bc_case_lookup_actor (c, "larsen");

  /* Before his first position, the actor's own track. */
  g_assert_cmpint (bc_actor_get_track_on (savir, fixture_date ("1993-01-01")), ==, BC_TRACK_1);
  g_assert_cmpint (bc_actor_get_track_on (savir, fixture_date ("1993-06-01")), ==, BC_TRACK_1);
  g_assert_cmpint (bc_actor_get_track_on (larsen, fixture_date ("1993-03-01")), ==, BC_TRACK_2);
  /* A month end covers the whole month. */
  g_assert_cmpint (bc_actor_get_track_on (larsen, fixture_date ("1993-04-30")), ==, BC_TRACK_2);
}

static void
test_known_on (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  BcEvent *e = bc_case_lookup_event (c, "meet-1");
  BcDate disclosed = fixture_date ("1993-08");

  g_object_set (e, "disclosed", &disclosed, NULL);
  g_assert_false (bc_event_is_known_on (e, fixture_date ("1993-01-01")));
  g_assert_false (bc_event_is_known_on (e, fixture_date ("1993-07-31")));
  g_assert_true (bc_event_is_known_on (e, fixture_date ("1993-08-01")));
  g_assert_true (bc_event_is_known_on (e, BC_DATE_UNSET));
}

static void
test_target_paths (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(BcLink) l = g_list_model_get_item (bc_case_get_links (c), 0);
  g_autoptr(BcAnnotation) a = bc_annotation_new ("A", "2026-11-24T10:00:00Z", NULL, "x");
  g_autofree char *lp = NULL;
  g_autofree char *ap = NULL;
  g_autofree char *cp = NULL;

  g_assert_true (_bc_case_insert (c, "annotations", "draft", -1, G_OBJECT (a), NULL));
  lp = bc_case_get_target_path (c, G_OBJECT (l));
  ap = bc_case_get_target_path (c, G_OBJECT (a));
  cp = bc_case_get_target_path (c, G_OBJECT (c));

  g_assert_cmpstr (lp, ==, "#links/0");
  g_assert_cmpstr (ap, ==, "draft#annotations/0");
  g_assert_cmpstr (cp, ==, "");
  g_assert_true (bc_case_resolve_target (c, lp) == G_OBJECT (l));
  g_assert_true (bc_case_resolve_target (c, ap) == G_OBJECT (a));
  g_assert_true (bc_case_resolve_target (c, "signing") == G_OBJECT (bc_case_lookup (c, "signing")));
  g_assert_null (bc_case_resolve_target (c, "#links/7"));
  g_assert_null (bc_case_resolve_target (c, "#nowhere/0"));
}

static void
test_duplicate_id_refused (void)
{
  g_autoptr(BcCase) c = fixture_case ();
  g_autoptr(BcEvent) again = bc_event_new ("larsen", BC_TRACK_1, BC_EVENT_OTHER, BC_DATE_UNSET, "x");
  g_autoptr(GError) error = NULL;

  g_assert_false (_bc_case_insert (c, "events", NULL, -1, G_OBJECT (again), &error));
  g_assert_error (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (c)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/model/lookup-resolves-kinds", test_lookup_resolves_kinds);
  g_test_add_func ("/core/model/collections-are-list-models", test_collections_are_list_models);
  g_test_add_func ("/core/model/changed-on-every-edit", test_change_notification);
  g_test_add_func ("/core/model/events-by-track-and-range", test_events_by_track_and_range);
  g_test_add_func ("/core/model/transfers-by-mechanism", test_transfers_by_mechanism);
  g_test_add_func ("/core/model/actor-track-on-date", test_actor_track_on_date);
  g_test_add_func ("/core/model/event-known-once-disclosed", test_known_on);
  g_test_add_func ("/core/model/target-paths-round-trip", test_target_paths);
  g_test_add_func ("/core/model/refuses-duplicate-id", test_duplicate_id_refused);

  return g_test_run ();
}
