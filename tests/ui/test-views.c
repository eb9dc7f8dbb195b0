/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The views follow the case: the outline and the timeline after an edit,
 * an undo or a redo, and the main menu says what Undo and Redo do. Each
 * test is a defect seen on the window before the case announced its
 * changes through one signal. */
#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>

#include "bc-bundled.h"
#include "bc-canvas-private.h"
#include "bc-edit.h"
#include "bc-history.h"
#include "bc-outline.h"
#include "bc-search.h"
#include "bc-timeline-private.h"
#include "bc-view-state.h"
#include "bc-window-private.h"

/* Auxiliary functions */

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelQuery;

static gboolean
shows_label (gpointer data)
{
  LabelQuery *q = data;

  return has_label (q->root, q->text);
}

static void
assert_outline_shows (BcWindow   *window,
                      const char *text)
{
  LabelQuery q = { GTK_WIDGET (_bc_window_get_outline (window)), text };

  wait_until (shows_label, &q);
  g_assert_true (has_label (q.root, text));
}


/* The first widget under @widget, itself included, that @match takes. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*match) (GtkWidget *widget))
{
  if (match (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_search_entry (GtkWidget *widget)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
is_main_menu_button (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

static gboolean
is_progress_bar (GtkWidget *widget)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

static BcCase *
editable_case (BcWindow *window)
{
  BcCase *c = bc_window_get_case (window);

  /* A bundled case is read-only: the first edit makes an untitled copy,
   * which the window then shows. */
  g_assert_nonnull (bc_edit_add_source (c, BC_SOURCE_OTHER, "A first edit", NULL));
  drain ();
  return bc_window_get_case (window);
}

/* Tests */

static void
test_outline_follows_edits (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcOutline *outline = _bc_window_get_outline (window);
  BcCase *c = editable_case (window);
  BcHistory *h = bc_case_get_history (c);
  BcActor *actor;
  BcEvent *event = bc_case_lookup_event (c, "sarpsborg-1");
  g_auto(GValue) name = G_VALUE_INIT;
  g_autofree char *moved = NULL;

  /* A new actor, renamed: the row reads the new name, not "New actor". */
  actor = bc_edit_add_actor (c, BC_TRACK_2, NULL);
  g_assert_nonnull (actor);
  bc_outline_set_selected_item (outline, BC_ITEM (actor));
  assert_outline_shows (window, "New actor");
  g_value_init (&name, G_TYPE_STRING);
  g_value_set_string (&name, "Marianne Heiberg");
  g_assert_true (bc_edit_set (c, G_OBJECT (actor), "name", &name, NULL));
  assert_outline_shows (window, "Marianne Heiberg");

  /* Alt+Right moves an event a day: the outline says the new date. */
  bc_outline_set_selected_item (outline, BC_ITEM (event));
  g_assert_true (bc_edit_nudge_event (c, event, 1, NULL));
  moved = bc_date_to_string (bc_event_get_date (event));
  g_assert_cmpstr (moved, ==, "1993-01-21");
  assert_outline_shows (window, "1993-01-21 · Track 2 · Meeting");

  /* Undo: the outline shows what the case has again. */
  g_assert_true (bc_history_undo (h));
  assert_outline_shows (window, "1993-01-20 · Track 2 · Meeting");
  g_assert_true (bc_history_undo (h));
  bc_outline_set_selected_item (outline, BC_ITEM (actor));
  assert_outline_shows (window, "New actor");

  /* While a search filters the outline, its rows still follow edits. */
  {
    GtkWidget *search = find_widget (GTK_WIDGET (outline), is_search_entry);
    g_auto(GValue) other = G_VALUE_INIT;

    g_assert_nonnull (search);
    gtk_editable_set_text (GTK_EDITABLE (search), "actor");
    drain ();
    g_value_init (&other, G_TYPE_STRING);
    g_value_set_string (&other, "New actor, renamed");
    g_assert_true (bc_edit_set (c, G_OBJECT (actor), "name", &other, NULL));
    assert_outline_shows (window, "New actor, renamed");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_kind (GPtrArray *found,
            GType      type)
{
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (found, i), type))
      n++;
  return n;
}

static gboolean
canvas_searches (gpointer data)
{
  return g_strcmp0 (bc_canvas_get_search (data), "holst") == 0;
}

/* A search filters the outline, says in each tab how many it found
 * there, and marks on the canvas the same items the outline lists; it
 * follows edits, and clearing it leaves nothing marked. */
static void
test_search_marks_canvas_and_counts_tabs (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcOutline *outline = _bc_window_get_outline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  BcCase *c = editable_case (window);
  GtkWidget *search = find_widget (GTK_WIDGET (outline), is_search_entry);
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *actors_tab = NULL;
  g_autofree char *events_tab = NULL;
  GPtrArray *marked;
  BcEvent *event = bc_case_lookup_event (c, "sarpsborg-1");
  g_auto(GValue) title = G_VALUE_INIT;

  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "holst");
  wait_until (canvas_searches, canvas);
  g_assert_cmpstr (bc_view_state_get_search (_bc_window_get_view_state (window)), ==, "holst");

  expected = bc_search_case (c, "holst");
  g_assert_cmpuint (count_kind (expected, BC_TYPE_ACTOR), >=, 1);
  actors_tab = g_strdup_printf ("Actors (%u)", count_kind (expected, BC_TYPE_ACTOR));
  assert_outline_shows (window, actors_tab);

  /* The canvas marks what the outline found. */
  marked = _bc_canvas_get_search_found (canvas);
  g_assert_nonnull (marked);
  g_assert_cmpuint (marked->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_ptr_array_find (marked, g_ptr_array_index (expected, i), NULL));

  /* What it finds is in sight: Holst's events are in 1993, the view
   * opened on 1991. */
  {
    int w = gtk_widget_get_width (GTK_WIDGET (canvas));
    int h = gtk_widget_get_height (GTK_WIDGET (canvas));
    guint in_sight = 0;

    g_assert_cmpint (w, >, 0);
    for (guint i = 0; i < marked->len; i++)
      {
        double x, y;

        if (BC_IS_EVENT (g_ptr_array_index (marked, i)) &&
            _bc_canvas_item_to_widget (canvas, g_ptr_array_index (marked, i), &x, &y) &&
            x >= 0 && x <= w && y >= _bc_canvas_axis_band_height (canvas) && y <= h)
          in_sight++;
      }
    g_test_message ("%u events found in sight", in_sight);
    g_assert_cmpuint (in_sight, >, 0);
  }

  /* An event renamed into the search is counted and marked. */
  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Holst hears of the Sarpsborg talks");
  g_assert_true (bc_edit_set (c, G_OBJECT (event), "title", &title, NULL));
  events_tab = g_strdup_printf ("Events (%u)", count_kind (expected, BC_TYPE_EVENT) + 1);
  assert_outline_shows (window, events_tab);
  marked = _bc_canvas_get_search_found (canvas);
  g_assert_true (g_ptr_array_find (marked, event, NULL));

  /* Cleared: the tabs say their names, nothing is marked. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  assert_outline_shows (window, "Actors");
  marked = _bc_canvas_get_search_found (canvas);
  g_assert_true (marked == NULL || marked->len == 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  BcTimeline *timeline;
  guint32     day;
} SpanQuery;

static gboolean
span_reaches (gpointer data)
{
  SpanQuery *q = data;
  guint32 first, last;

  _bc_timeline_get_span (q->timeline, &first, &last);
  return last >= q->day;
}

static void
test_timeline_follows_edits (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCase *c = editable_case (window);
  BcDate in_2005 = { 2005, 6, 1 };
  SpanQuery q = { timeline, bc_date_get_first_day (in_2005) };
  GtkRange *scale = _bc_timeline_get_scale (timeline);
  BcEvent *event;
  BcTransfer *transfer;

  /* The religious track and the public-consultation mechanism are not in
   * Oslo: no filter offers them yet. */
  g_assert_null (_bc_timeline_get_track_check (timeline, BC_TRACK_7));
  g_assert_null (_bc_timeline_get_mechanism_check (timeline, BC_MECHANISM_PUBLIC_CONSULTATION));

  event = bc_edit_add_event (c, BC_TRACK_7, in_2005, NULL);
  g_assert_nonnull (event);
  wait_until (span_reaches, &q);
  /* The slider reaches the new event. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (scale)), >=, q.day);
  g_assert_nonnull (_bc_timeline_get_track_check (timeline, BC_TRACK_7));

  transfer = bc_edit_add_transfer (c, "sarpsborg-1", bc_item_get_id (BC_ITEM (event)),
                                   BC_MECHANISM_PUBLIC_CONSULTATION, BC_STATUS_INFERRED, NULL, NULL);
  g_assert_nonnull (transfer);
  drain ();
  g_assert_nonnull (_bc_timeline_get_mechanism_check (timeline, BC_MECHANISM_PUBLIC_CONSULTATION));

  /* And back: deleting the event takes its track out of the filters. */
  g_assert_true (bc_edit_delete (c, G_OBJECT (event), NULL));
  drain ();
  g_assert_null (_bc_timeline_get_track_check (timeline, BC_TRACK_7));
  g_assert_null (_bc_timeline_get_mechanism_check (timeline, BC_MECHANISM_PUBLIC_CONSULTATION));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of the menu item for @action in @model, sections included. */
static char *
menu_label_for (GMenuModel *model,
                const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          char *found = menu_label_for (section, action);

          if (found != NULL)
            return found;
          continue;
        }
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &a) &&
          g_str_equal (a, action) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);
    }
  return NULL;
}


static void
test_undo_menu_says_what (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *c = editable_case (window);
  BcHistory *h = bc_case_get_history (c);
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_main_menu_button));
  GMenuModel *menu;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *redo_after = NULL;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  drain ();
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);

  g_assert_true (bc_edit_nudge_event (c, bc_case_lookup_event (c, "sarpsborg-1"), 1, NULL));
  drain ();
  undo = menu_label_for (menu, "win.undo");
  g_assert_cmpstr (undo, ==, "_Undo Move Event");
  redo = menu_label_for (menu, "win.redo");
  g_assert_cmpstr (redo, ==, "_Redo");

  g_assert_true (bc_history_undo (h));
  drain ();
  after_undo = menu_label_for (menu, "win.undo");
  g_assert_cmpstr (after_undo, ==, "_Undo Add Source");
  redo_after = menu_label_for (menu, "win.redo");
  g_assert_cmpstr (redo_after, ==, "_Redo Move Event");

  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window holds one view state, and the views follow it. */
static void
test_views_bind_the_view_state (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcViewState *state = _bc_window_get_view_state (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcDate date = { 1993, 5, 1 };

  g_assert_true (bc_view_state_get_case (state) == bc_window_get_case (window));

  bc_view_state_set_known_on (state, date);
  g_assert_true (bc_date_equal (bc_canvas_get_known_on (canvas), date));
  g_assert_true (bc_date_equal (bc_timeline_get_known_on (timeline), date));

  bc_timeline_set_tracks (timeline, BC_TRACK_BIT (BC_TRACK_2));
  g_assert_cmpuint (bc_view_state_get_tracks (state), ==, BC_TRACK_BIT (BC_TRACK_2));
  g_assert_cmpuint (bc_canvas_get_tracks (canvas), ==, BC_TRACK_BIT (BC_TRACK_2));

  bc_view_state_set_view (state, BC_VIEW_WHEEL);
  g_assert_cmpint (bc_canvas_get_view (canvas), ==, BC_VIEW_WHEEL);

  bc_window_set_selected_item (window, bc_case_lookup (bc_window_get_case (window), "larsen"));
  g_assert_true (bc_view_state_get_selection (state) == bc_case_lookup (bc_window_get_case (window), "larsen"));

  gtk_window_destroy (GTK_WINDOW (window));
}


static gboolean
has_case (gpointer data)
{
  return bc_window_get_case (data) != NULL;
}

/* A case is read in a worker thread: the window shows progress and goes
 * on answering, then shows the case. */
static void
test_load_in_a_thread_with_progress (void)
{
  BcWindow *window = bc_window_new (NULL);
  g_autoptr(GFile) file = bc_bundled_find_case ("abkhazia");
  GtkWidget *progress;

  gtk_window_present (GTK_WINDOW (window));
  drain ();
  progress = find_widget (GTK_WIDGET (window), is_progress_bar);
  g_assert_nonnull (progress);
  g_assert_false (gtk_widget_get_visible (progress));

  bc_window_load (window, file);
  /* Nothing read yet on this thread: the window is free. */
  g_assert_true (bc_window_get_loading (window));
  g_assert_null (bc_window_get_case (window));
  g_assert_true (gtk_widget_get_visible (progress));

  wait_until (has_case, window);
  g_assert_false (bc_window_get_loading (window));
  g_assert_false (gtk_widget_get_visible (progress));
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_events (bc_window_get_case (window))), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/views/outline-follows-edits-and-undo", test_outline_follows_edits);
  g_test_add_func ("/ui/views/search-marks-canvas-and-counts-tabs",
                   test_search_marks_canvas_and_counts_tabs);
  g_test_add_func ("/ui/views/timeline-span-and-filters-follow-edits", test_timeline_follows_edits);
  g_test_add_func ("/ui/views/undo-menu-says-what-it-undoes", test_undo_menu_says_what);
  g_test_add_func ("/ui/views/views-bind-one-view-state", test_views_bind_the_view_state);
  g_test_add_func ("/ui/views/load-in-a-thread-with-progress", test_load_in_a_thread_with_progress);

  return g_test_run ();
}
