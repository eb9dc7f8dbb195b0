/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "bc-bundled.h"
#include "bc-reader.h"
#include "bc-writer.h"

/* What the bundled cases promise students: see the issue on the three
 * historical cases. */
#define MIN_EVENTS     45
#define MIN_ACTORS     30
#define MIN_TRACKS     4
#define MIN_TRANSFERS  10
#define MIN_MECHANISMS 3

static BcCase *
load_case (const char *name)
{
  g_autoptr(GFile) file = bc_bundled_find_case (name);
  g_autoptr(GError) error = NULL;
  BcCase *loaded;

  g_assert_nonnull (file);
  loaded = bc_case_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return loaded;
}

static gboolean
cites_a_source (GPtrArray *sources)
{
  return sources != NULL && sources->len > 0;
}

static void
test_counts (gconstpointer data)
{
  g_autoptr(BcCase) c = load_case (data);
  GListModel *events = bc_case_get_events (c);
  GListModel *transfers = bc_case_get_transfers (c);
  GListModel *actors = bc_case_get_actors (c);
  guint tracks = 0, mechanisms = 0, n_tracks = 0, n_mechanisms = 0;
  gboolean crossover = FALSE, disclosed = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (events), >=, MIN_EVENTS);
  g_assert_cmpuint (g_list_model_get_n_items (actors), >=, MIN_ACTORS);
  g_assert_cmpuint (g_list_model_get_n_items (transfers), >=, MIN_TRANSFERS);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) e = g_list_model_get_item (events, i);

      tracks |= BC_TRACK_BIT (bc_event_get_track (e));
      disclosed |= bc_date_is_set (bc_event_get_disclosed (e));
      if (!cites_a_source (bc_event_get_sources (e)))
        g_error ("Event “%s” cites no source", bc_item_get_id (BC_ITEM (e)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) t = g_list_model_get_item (transfers, i);
      const char *id = bc_item_get_id (BC_ITEM (t));

      mechanisms |= 1u << bc_transfer_get_mechanism (t);
      disclosed |= bc_date_is_set (bc_transfer_get_disclosed (t));
      if (!cites_a_source (bc_transfer_get_sources (t)))
        g_error ("Transfer “%s” cites no evidence", id);
      if (bc_transfer_get_carriers (t) == NULL)
        g_error ("Transfer “%s” names no carrier", id);
      if (bc_transfer_get_description (t) == NULL || *bc_transfer_get_description (t) == '\0')
        g_error ("Transfer “%s” does not say what passed", id);
      g_assert_cmpint (bc_case_get_transfer_direction (c, t), >=, 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(BcActor) a = g_list_model_get_item (actors, i);
      GPtrArray *positions = bc_actor_get_positions (a);

      for (guint p = 0; positions != NULL && p < positions->len; p++)
        if (((BcPosition *) g_ptr_array_index (positions, p))->track != bc_actor_get_track (a))
          crossover = TRUE;
    }

  for (guint t = 0; t < BC_N_TRACKS; t++)
    n_tracks += (tracks >> t) & 1;
  for (guint m = 0; m < BC_N_MECHANISMS; m++)
    n_mechanisms += (mechanisms >> m) & 1;

  g_assert_cmpuint (n_tracks, >=, MIN_TRACKS);
  g_assert_cmpuint (n_mechanisms, >=, MIN_MECHANISMS);
  g_assert_true (crossover);
  g_assert_true (disclosed);
  g_assert_nonnull (bc_case_get_summary (c));
  g_assert_cmpuint (strlen (bc_case_get_summary (c)), >, 200);
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_annotations (c)), >, 0);
  g_assert_cmpstr (bc_case_get_license (c), ==, "CC-BY-4.0");
}

/* Each bundled case tells a story of 8 to 15 steps, in time order, each
 * citing the case's sources, with its items in focus visible on the
 * canvas as known on the step's date (a secret item appears only once
 * disclosed, so a step that focuses on it must come after). */
#define MIN_STEPS 8
#define MAX_STEPS 15

static void
test_story (gconstpointer data)
{
  g_autoptr(BcCase) c = load_case (data);
  GListModel *story = bc_case_get_story (c);
  guint n = g_list_model_get_n_items (story);
  BcDate previous = BC_DATE_UNSET;

  g_assert_nonnull (bc_case_get_story_title (c));
  g_assert_cmpuint (n, >=, MIN_STEPS);
  g_assert_cmpuint (n, <=, MAX_STEPS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcStoryStep) step = g_list_model_get_item (story, i);
      const char * const *focus = bc_story_step_get_focus (step);
      BcDate known_on = bc_story_step_get_known_on (step);

      g_test_message ("step %u", i + 1);
      g_assert_true (cites_a_source (bc_story_step_get_sources (step)));
      g_assert_nonnull (focus);
      g_assert_cmpuint (strlen (bc_story_step_get_caption (step)), >, 80);
      if (bc_date_is_set (previous))
        g_assert_cmpuint (bc_date_get_last_day (known_on), >=, bc_date_get_last_day (previous));
      previous = known_on;

      for (guint k = 0; focus[k] != NULL; k++)
        {
          BcEvent *event = bc_case_lookup_event (c, focus[k]);
          BcTransfer *transfer = bc_case_lookup_transfer (c, focus[k]);

          g_test_message ("step %u: %s", i + 1, focus[k]);
          if (event != NULL)
            g_assert_true (bc_event_is_known_on (event, known_on));
          if (transfer != NULL)
            {
              BcDate disclosed = bc_transfer_get_disclosed (transfer);

              g_assert_true (bc_event_is_known_on (bc_case_lookup_event (c, bc_transfer_get_from (transfer)), known_on));
              g_assert_true (bc_event_is_known_on (bc_case_lookup_event (c, bc_transfer_get_to (transfer)), known_on));
              g_assert_true (!bc_date_is_set (disclosed) ||
                             bc_date_get_first_day (disclosed) <= bc_date_get_last_day (known_on));
            }
        }
    }
}

/* The bundled files are in canonical form: reading and writing one gives
 * its bytes back. */
static void
test_canonical (gconstpointer data)
{
  g_autoptr(BcCase) c = load_case (data);
  g_autoptr(GFile) file = bc_bundled_find_case (data);
  g_autoptr(GBytes) on_disk = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GBytes) written = bc_case_to_bytes (c);

  g_assert_true (g_bytes_equal (on_disk, written));
}

static void
test_listed (void)
{
  g_autoptr(GPtrArray) files = bc_bundled_list_cases ();

  g_assert_cmpuint (files->len, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  const char *names[] = { "oslo", "camp-david", "abkhazia" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cases/three-are-listed", test_listed);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *counts = g_strdup_printf ("/cases/%s/meets-the-counts", names[i]);
      g_autofree char *canonical = g_strdup_printf ("/cases/%s/is-canonical", names[i]);

      g_test_add_data_func (counts, names[i], test_counts);
      g_autofree char *story = g_strdup_printf ("/cases/%s/tells-a-sourced-story", names[i]);

      g_test_add_data_func (canonical, names[i], test_canonical);
      g_test_add_data_func (story, names[i], test_story);
    }

  return g_test_run ();
}
