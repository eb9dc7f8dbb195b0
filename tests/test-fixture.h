/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case-private.h"
#include "bc-history.h"

/* A small case built through the API: two actors (one who moves from
 * Track 2 to Track 1), three events on two tracks, a transfer upward. */
static inline BcDate
fixture_date (const char *text)
{
  BcDate d = BC_DATE_UNSET;

  g_assert_true (bc_date_parse (text, &d, NULL));
  return d;
}

static inline BcCase *
fixture_case (void)
{
  BcCase *c = bc_case_new ("test", "A test case");
  g_autoptr(BcActor) larsen = bc_actor_new ("larsen", BC_TRACK_2, BC_ACTOR_PERSON, "Terje Rød-Larsen");
  g_autoptr(BcActor) savir = bc_actor_new ("savir", BC_TRACK_1, BC_ACTOR_PERSON, "Uri Savir");
  g_autoptr(BcEvent) e1 = bc_event_new ("meet-1", BC_TRACK_2, BC_EVENT_MEETING,
                                        fixture_date ("1993-01-20"), "First meeting");
  g_autoptr(BcEvent) e2 = bc_event_new ("meet-2", BC_TRACK_2, BC_EVENT_MEETING,
                                        fixture_date ("1993-05"), "Fifth meeting");
  g_autoptr(BcEvent) e3 = bc_event_new ("signing", BC_TRACK_1, BC_EVENT_SIGNING,
                                        fixture_date ("1993-09-13"), "Signing");
  g_autoptr(BcTransfer) t = bc_transfer_new ("draft", "meet-2", "signing",
                                             BC_MECHANISM_DRAFT_TEXT, "Draft becomes the text");
  g_autoptr(BcSource) s = bc_source_new ("corbin", BC_SOURCE_BOOK, "Corbin, Gaza First, 1994.");
  g_autoptr(BcLink) l = bc_link_new ("meet-1", "meet-2", BC_LINK_LEADS_TO);
  g_autoptr(GPtrArray) positions = bc_positions_new ();

  g_ptr_array_add (positions, bc_position_new (BC_TRACK_1, fixture_date ("1993-05"),
                                               BC_DATE_UNSET, "Director-General"));
  g_object_set (savir, "positions", positions, NULL);
  /* The model shares arrays it is given: a new one for the next actor. */
  g_ptr_array_unref (positions);
  positions = bc_positions_new ();
  g_ptr_array_add (positions, bc_position_new (BC_TRACK_2, BC_DATE_UNSET,
                                               fixture_date ("1993-04"), NULL));
  g_object_set (larsen, "positions", positions, NULL);

  g_assert_true (_bc_case_insert (c, "actors", NULL, -1, G_OBJECT (larsen), NULL));
  g_assert_true (_bc_case_insert (c, "actors", NULL, -1, G_OBJECT (savir), NULL));
  g_assert_true (_bc_case_insert (c, "events", NULL, -1, G_OBJECT (e1), NULL));
  g_assert_true (_bc_case_insert (c, "events", NULL, -1, G_OBJECT (e2), NULL));
  g_assert_true (_bc_case_insert (c, "events", NULL, -1, G_OBJECT (e3), NULL));
  g_assert_true (_bc_case_insert (c, "links", NULL, -1, G_OBJECT (l), NULL));
  g_assert_true (_bc_case_insert (c, "transfers", NULL, -1, G_OBJECT (t), NULL));
  g_assert_true (_bc_case_insert (c, "sources", NULL, -1, G_OBJECT (s), NULL));

  return c;
}
