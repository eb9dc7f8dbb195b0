/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reading view: the case told in order beside the canvas, sharing
 * its selection, telling contested facts side by side, and following
 * edits and undo without being rebuilt. */
#include "config.h"

#include "ui-test-util.h"

#include "bc-canvas.h"
#include "bc-edit.h"
#include "bc-history.h"
#include "bc-narrative.h"
#include "bc-reading-view.h"
#include "bc-window-private.h"

/* Auxiliary functions */

static BcReadingView *
open_reading (BcWindow *window)
{
  BcReadingView *reading = _bc_window_get_reading_view (window);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reading)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reading", NULL));
  drain ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reading)));
  return reading;
}

static gboolean
has_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;
  return FALSE;
}

/* Tests */

static void
test_every_event_in_date_order (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *c = bc_window_get_case (window);
  BcReadingView *reading = open_reading (window);
  GListModel *events = bc_case_get_events (c);
  GtkListBox *list = _bc_reading_view_get_list (reading);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint32 last_day = 0;

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0); row != NULL;
       row = gtk_list_box_get_row_at_index (list, gtk_list_box_row_get_index (row) + 1))
    {
      BcItem *item = _bc_reading_view_row_get_item (row);

      if (!BC_IS_EVENT (item))
        continue;
      g_assert_cmpuint (bc_event_get_first_day (BC_EVENT (item)), >=, last_day);
      last_day = bc_event_get_first_day (BC_EVENT (item));
      g_hash_table_add (seen, item);

      /* Its date as precise as it is known, its title and whole description. */
      {
        g_autofree char *when = bc_narrative_format_when (bc_event_get_date (BC_EVENT (item)),
                                                          bc_event_get_end (BC_EVENT (item)),
                                                          bc_event_get_certainty (BC_EVENT (item)));

        g_assert_true (has_text (GTK_WIDGET (row), when));
        g_assert_true (has_text (GTK_WIDGET (row), bc_event_get_title (BC_EVENT (item))));
        if (bc_event_get_description (BC_EVENT (item)) != NULL)
          g_assert_true (has_text (GTK_WIDGET (row), bc_event_get_description (BC_EVENT (item))));
      }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, g_list_model_get_n_items (events));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_selection_both_ways (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *c = bc_window_get_case (window);
  BcReadingView *reading = open_reading (window);
  GtkListBox *list = _bc_reading_view_get_list (reading);
  BcViewState *state = _bc_window_get_view_state (window);
  BcItem *first = BC_ITEM (bc_case_lookup_event (c, "sarpsborg-1"));
  BcItem *signing = BC_ITEM (bc_case_lookup_event (c, "washington-signing"));
  GtkListBoxRow *row;
  GtkAdjustment *adj;
  graphene_rect_t bounds;

  g_assert_nonnull (first);
  g_assert_nonnull (signing);

  /* A paragraph selected in the text selects the event for every view. */
  row = _bc_reading_view_find_row (reading, first);
  g_assert_nonnull (row);
  gtk_list_box_select_row (list, row);
  g_assert_true (bc_view_state_get_selection (state) == first);
  g_assert_true (bc_canvas_get_selected_item (_bc_window_get_canvas (window)) == first);
  g_assert_true (bc_window_get_selected_item (window) == first);

  /* Selected elsewhere (the canvas, the outline): the text marks the
   * paragraph and scrolls to it, the signing near the end of the story. */
  bc_window_set_selected_item (window, signing);
  drain ();
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  g_assert_true (_bc_reading_view_row_get_item (row) == signing);
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (GTK_WIDGET (list))));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adj));
  g_assert_cmpfloat (bounds.origin.y, <, gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_contested_side_by_side (void)
{
  BcWindow *window = window_with_case ("camp-david");
  BcCase *c = bc_window_get_case (window);
  BcReadingView *reading = open_reading (window);
  BcItem *transfer = BC_ITEM (bc_case_lookup_transfer (c, "morocco-to-jerusalem"));
  BcItem *event = BC_ITEM (bc_case_lookup_event (c, "rabin-morocco"));
  BcItem *plain = BC_ITEM (bc_case_lookup_event (c, "jerusalem-visit"));
  BcItem *items[] = { transfer, event };

  g_assert_nonnull (plain);
  g_assert_null (_bc_reading_view_get_versions (reading, plain));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *versions = _bc_reading_view_get_versions (reading, items[i]);
      GtkWidget *account, *note;
      graphene_rect_t a, b;

      g_assert_nonnull (versions);
      g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (versions)), ==, GTK_ORIENTATION_HORIZONTAL);
      account = gtk_widget_get_first_child (versions);
      note = gtk_widget_get_next_sibling (account);
      g_assert_nonnull (note);

      /* The case's account with its source, the note with its author. */
      g_assert_true (has_text (account, "The case’s account"));
      g_assert_true (has_text (account, "Sources: "));
      g_assert_true (has_text (note, "Note by Backchannel contributors"));

      /* Side by side: one beside the other, at the same height. */
      gtk_list_box_select_row (_bc_reading_view_get_list (reading),
                               _bc_reading_view_find_row (reading, items[i]));
      drain ();
      g_assert_true (gtk_widget_compute_bounds (account, versions, &a));
      g_assert_true (gtk_widget_compute_bounds (note, versions, &b));
      g_assert_cmpfloat (a.origin.y, ==, b.origin.y);
      g_assert_cmpfloat (b.origin.x, >=, a.origin.x + a.size.width);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_follows_edits_and_undo (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *c = bc_window_get_case (window);
  BcReadingView *reading = open_reading (window);
  BcEvent *event = bc_case_lookup_event (c, "academic-rounds");
  GtkListBoxRow *row = _bc_reading_view_find_row (reading, BC_ITEM (event));
  g_autofree char *old_title = g_strdup (bc_event_get_title (event));
  g_auto(GValue) title = G_VALUE_INIT;

  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "A renamed meeting");
  g_assert_true (bc_edit_set (c, G_OBJECT (event), "title", &title, NULL));
  drain ();

  /* The same paragraph, told anew; transfers from it name it anew. */
  g_assert_true (_bc_reading_view_find_row (reading, BC_ITEM (event)) == row);
  g_assert_true (has_text (GTK_WIDGET (row), "A renamed meeting"));
  g_assert_true (has_text (GTK_WIDGET (_bc_reading_view_get_list (reading)), "“A renamed meeting” (Track 2) reached"));

  g_assert_true (bc_history_undo (bc_case_get_history (c)));
  drain ();
  g_assert_true (_bc_reading_view_find_row (reading, BC_ITEM (event)) == row);
  g_assert_true (has_text (GTK_WIDGET (row), old_title));
  g_assert_false (has_text (GTK_WIDGET (_bc_reading_view_get_list (reading)), "A renamed meeting"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/reading/every-event-in-date-order", test_every_event_in_date_order);
  g_test_add_func ("/ui/reading/selection-both-ways", test_selection_both_ways);
  g_test_add_func ("/ui/reading/contested-side-by-side", test_contested_side_by_side);
  g_test_add_func ("/ui/reading/follows-edits-and-undo", test_follows_edits_and_undo);

  return g_test_run ();
}
