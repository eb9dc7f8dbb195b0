/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The analysis pane in the real window, on the small case whose measures
 * tests/test-measures.c works out by hand: it shows those figures, a
 * figure selects or lists exactly the items behind it, the "Documented
 * transfers only" switch changes the figures, the pane follows edits,
 * and the chart exports as PNG, SVG and PDF. */
#include "config.h"

#include "ui-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bc-analysis-pane.h"
#include "bc-edit.h"
#include "bc-enum-types.h"
#include "bc-history.h"
#include "bc-view-state.h"
#include "bc-window-private.h"

/* Auxiliary functions */

static gboolean
case_shown (gpointer data)
{
  return bc_analysis_pane_get_case (_bc_window_get_analysis_pane (data)) != NULL;
}

static BcWindow *
window_with_small_case (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "report", "small.bcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BcWindow *window = bc_window_new (NULL);

  g_assert_true (bc_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (case_shown, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-analysis", NULL));
  drain ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_bc_window_get_analysis_pane (window))));
  return window;
}

static gboolean
measured (gpointer data)
{
  return !_bc_analysis_pane_is_measuring (_bc_window_get_analysis_pane (data));
}

/* A figure once the worker has measured the case as it is. */
static GtkWidget *
figure (BcWindow   *window,
        const char *measure,
        const char *key)
{
  wait_until (measured, window);
  return _bc_analysis_pane_get_figure (_bc_window_get_analysis_pane (window), measure, key);
}

static const char *
value (BcWindow   *window,
       const char *measure,
       const char *key)
{
  GtkWidget *button = figure (window, measure, key);

  g_assert_nonnull (button);
  return gtk_button_get_label (GTK_BUTTON (button));
}

/* The remark under a figure, on the next row of its grid. */
static const char *
remark (BcWindow   *window,
        const char *measure,
        const char *key)
{
  GtkWidget *button = figure (window, measure, key);
  GtkGrid *grid = GTK_GRID (gtk_widget_get_parent (button));
  int row;

  gtk_grid_query_child (grid, button, NULL, &row, NULL, NULL);
  return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, row + 1)));
}

/* The window's selection, checked to be the view state's too: the
 * selection the canvas and the outline show. */
static const char *
selected_id (BcWindow *window)
{
  BcItem *item = bc_window_get_selected_item (window);

  g_assert_true (bc_view_state_get_selection (_bc_window_get_view_state (window)) == item);
  return item != NULL ? bc_item_get_id (item) : NULL;
}

/* The ids of the rows of the list a figure opened, space-separated. */
static char *
listed_ids (BcWindow *window)
{
  GtkListBox *list = _bc_analysis_pane_get_item_list (_bc_window_get_analysis_pane (window));
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      BcItem *item = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, i)), "item");

      g_string_append_printf (ids, "%s%s", i ? " " : "", bc_item_get_id (item));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  BcWindow   *window;
  const char *id;
} SelectionQuery;

static gboolean
selects (gpointer data)
{
  SelectionQuery *q = data;

  return g_strcmp0 (selected_id (q->window), q->id) == 0;
}

typedef struct
{
  BcWindow   *window;
  GtkListBox *before;
} ListQuery;

static gboolean
lists (gpointer data)
{
  ListQuery *q = data;
  GtkListBox *list = _bc_analysis_pane_get_item_list (_bc_window_get_analysis_pane (q->window));

  return list != NULL && list != q->before && gtk_widget_get_mapped (GTK_WIDGET (list));
}

/* Activates a figure as Enter does (a button answers after its pressed
 * look), and waits until the item is selected. */
static void
activate_and_select (BcWindow   *window,
                     GtkWidget  *widget,
                     const char *id)
{
  SelectionQuery q = { window, id };

  g_assert_true (gtk_widget_activate (widget));
  wait_until (selects, &q);
}

static void
activate_and_list (BcWindow  *window,
                   GtkWidget *widget)
{
  ListQuery q = { window, _bc_analysis_pane_get_item_list (_bc_window_get_analysis_pane (window)) };

  g_assert_true (gtk_widget_activate (widget));
  wait_until (lists, &q);
}

static GtkSwitch *
documented_switch (BcWindow *window)
{
  GtkWidget *w = GTK_WIDGET (_bc_window_get_analysis_pane (window));

  /* Depth first, to the one switch of the pane. */
  while (w != NULL && !GTK_IS_SWITCH (w))
    {
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (w);
  return GTK_SWITCH (w);
}

static guint count (const char *haystack,
                    const char *needle);

/* The bars of the chart the pane shows, as its SVG export writes them. */
static guint
chart_bars (BcWindow *window)
{
  g_autofree char *dir = g_dir_make_tmp ("bc-analysis-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (bc_analysis_pane_export_chart (_bc_window_get_analysis_pane (window), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return count (text, "class=\"bar\"");
}

/* Tests */

static void
test_hand_worked_figures (void)
{
  g_autoptr(BcWindow) window = g_object_ref_sink (window_with_small_case ());

  g_assert_cmpstr (value (window, "mechanism", "briefing"), ==, "1");
  g_assert_cmpstr (value (window, "mechanism", "draft-text"), ==, "1");
  g_assert_null (figure (window, "mechanism", "public-statement"));
  g_assert_cmpstr (value (window, "direction", "upward"), ==, "3");
  g_assert_cmpstr (value (window, "direction", "downward"), ==, "1");
  g_assert_cmpstr (value (window, "direction", "across"), ==, "0");
  g_assert_false (gtk_widget_get_sensitive (figure (window, "direction", "across")));
  g_assert_cmpstr (value (window, "status", "documented"), ==, "2");
  g_assert_cmpstr (value (window, "status", "disputed"), ==, "1");

  /* Uptake lag: midpoints 8, 14.5 and −123; two of three are ranges,
   * one because e5 is known only to the year, so the median (8 days) is
   * said no more precisely than that; t2's e3 is known to the month. */
  g_assert_cmpstr (value (window, "uptake-lag", "all"), ==, "under a year (year precision)");
  g_assert_cmpstr (remark (window, "uptake-lag", "all"), ==, "-305 to 59 days; 2 of 3 known only as ranges");
  g_assert_cmpstr (value (window, "uptake-lag", "draft-text"), ==, "under a month (month precision)");
  g_assert_cmpstr (remark (window, "uptake-lag", "draft-text"), ==, "1 to 28 days; 1 of 1 known only as a range");
  g_assert_cmpstr (value (window, "uptake-lag", "briefing"), ==, "8 days");
  g_assert_cmpstr (remark (window, "uptake-lag", "briefing"), ==, "exact to the day");
  g_assert_cmpstr (value (window, "uptake-lag", "facilitation"), ==, "under a year (year precision)");

  /* Carriers and betweenness: 7.4167, 2.8333 and 6.75 of 28 pairs. */
  g_assert_cmpstr (value (window, "carrier", "a"), ==, "2 transfers");
  g_assert_cmpstr (remark (window, "carrier", "a"), ==, "2 tracks · betweenness 0.265");
  g_assert_cmpstr (remark (window, "carrier", "b"), ==, "2 tracks · betweenness 0.101");
  g_assert_cmpstr (remark (window, "carrier", "c"), ==, "2 tracks · betweenness 0.241");

  /* Disclosure: e5 517 to 881 days (midpoint 699), e6 36 days exactly,
   * median 367.5: about a year, as e5 is dated to the year. */
  g_assert_cmpstr (value (window, "disclosure-lag", "all"), ==, "about 1 year (year precision)");
  g_assert_cmpstr (value (window, "disclosure-lag", "e5"), ==, "about 2 years (year precision)");
  g_assert_cmpstr (remark (window, "disclosure-lag", "e5"), ==, "517 to 881 days");
  g_assert_cmpstr (value (window, "disclosure-lag", "e6"), ==, "36 days");

  g_assert_cmpstr (value (window, "activity", "1@1993"), ==, "2 events");
  g_assert_cmpstr (value (window, "activity", "2@1993"), ==, "2 events");
  g_assert_cmpstr (value (window, "activity", "1.5@1993"), ==, "1 event");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_figure_selects_items (void)
{
  g_autoptr(BcWindow) window = g_object_ref_sink (window_with_small_case ());
  g_autofree char *upward = NULL;
  g_autofree char *carried = NULL;
  GtkListBox *list;

  /* One item behind the figure: activating it selects the item. */
  activate_and_select (window, figure (window, "direction", "downward"), "t3");
  drain ();
  g_assert_cmpstr (selected_id (window), ==, "t3");

  /* Several: they are listed, exactly those, and each can be selected. */
  activate_and_list (window, figure (window, "direction", "upward"));
  upward = listed_ids (window);
  g_assert_cmpstr (upward, ==, "t1 t2 t4");
  list = _bc_analysis_pane_get_item_list (_bc_window_get_analysis_pane (window));
  activate_and_select (window, GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)), "t2");
  g_assert_cmpstr (selected_id (window), ==, "t2");

  activate_and_list (window, figure (window, "carrier", "a"));
  carried = listed_ids (window);
  g_assert_cmpstr (carried, ==, "t1 t2");

  activate_and_select (window, figure (window, "disclosure-lag", "e5"), "e5");
  g_assert_cmpstr (selected_id (window), ==, "e5");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_documented_only (void)
{
  g_autoptr(BcWindow) window = g_object_ref_sink (window_with_small_case ());

  g_assert_cmpuint (chart_bars (window), ==, 4);
  gtk_switch_set_active (documented_switch (window), TRUE);
  g_assert_true (bc_analysis_pane_get_documented_only (_bc_window_get_analysis_pane (window)));
  /* The chart too: only briefing and memorandum are documented. */
  g_assert_cmpuint (chart_bars (window), ==, 2);
  g_assert_cmpstr (value (window, "direction", "upward"), ==, "1");
  g_assert_cmpstr (value (window, "status", "inferred"), ==, "0");
  g_assert_null (figure (window, "mechanism", "draft-text"));
  g_assert_cmpstr (value (window, "uptake-lag", "all"), ==, "8 days");
  g_assert_cmpstr (remark (window, "uptake-lag", "all"), ==, "exact to the day");

  gtk_switch_set_active (documented_switch (window), FALSE);
  g_assert_cmpstr (value (window, "direction", "upward"), ==, "3");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The measures are worked out in a worker thread, on a case read back
 * from what the window's case writes: the window stays free while they
 * are, with the old figures dimmed, and the new ones come when the
 * worker is done. */
static void
test_measures_in_a_worker (void)
{
  g_autoptr(BcWindow) window = g_object_ref_sink (window_with_small_case ());
  BcAnalysisPane *pane = _bc_window_get_analysis_pane (window);
  GtkWidget *upward;

  g_assert_cmpstr (value (window, "direction", "upward"), ==, "3");
  bc_analysis_pane_set_documented_only (pane, TRUE);
  /* No turn of the main loop yet: the worker has the case, and the
   * figures shown are the old ones, insensitive. */
  g_assert_true (_bc_analysis_pane_is_measuring (pane));
  upward = _bc_analysis_pane_get_figure (pane, "direction", "upward");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (upward)), ==, "3");
  g_assert_false (gtk_widget_is_sensitive (upward));

  g_assert_cmpstr (value (window, "direction", "upward"), ==, "1");
  g_assert_true (gtk_widget_is_sensitive (figure (window, "direction", "upward")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_follows_edits (void)
{
  g_autoptr(BcWindow) window = g_object_ref_sink (window_with_small_case ());
  BcCase *c = bc_window_get_case (window);
  g_auto(GValue) documented = G_VALUE_INIT;

  g_value_init (&documented, BC_TYPE_TRANSFER_STATUS);
  g_value_set_enum (&documented, BC_STATUS_DOCUMENTED);
  g_assert_true (bc_edit_set (c, G_OBJECT (bc_case_lookup (c, "t2")), "status", &documented, NULL));
  drain ();
  g_assert_cmpstr (value (window, "status", "documented"), ==, "3");
  g_assert_cmpstr (value (window, "status", "inferred"), ==, "0");

  g_assert_true (bc_history_undo (bc_case_get_history (c)));
  drain ();
  g_assert_cmpstr (value (window, "status", "documented"), ==, "2");

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_export_chart (void)
{
  g_autoptr(BcWindow) window = g_object_ref_sink (window_with_small_case ());
  BcAnalysisPane *pane = _bc_window_get_analysis_pane (window);
  g_autofree char *dir = g_dir_make_tmp ("bc-analysis-XXXXXX", NULL);
  const char *names[] = { "chart.svg", "chart.png", "chart.pdf" };
  const char *magic[] = { "<?xml", "\x89PNG", "%PDF-" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (bc_analysis_pane_export_chart (pane, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      g_assert_cmpmem (text, strlen (magic[i]), magic[i], strlen (magic[i]));
      /* Transfers by mechanism: four bars, and the names as text. */
      if (i == 0)
        {
          g_assert_cmpuint (count (text, "class=\"bar\""), ==, 4);
          g_assert_nonnull (strstr (text, ">Draft text</text>"));
        }
      g_unlink (path);
    }
  {
    g_autofree char *path = g_build_filename (dir, "chart.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_false (bc_analysis_pane_export_chart (pane, file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  }
  g_rmdir (dir);

  /* The menu's action hides the pane again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-analysis", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pane)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/analysis/shows-hand-worked-figures", test_hand_worked_figures);
  g_test_add_func ("/ui/analysis/figure-selects-exactly-its-items", test_figure_selects_items);
  g_test_add_func ("/ui/analysis/documented-only-changes-figures", test_documented_only);
  g_test_add_func ("/ui/analysis/follows-edits", test_follows_edits);
  g_test_add_func ("/ui/analysis/measures-in-a-worker", test_measures_in_a_worker);
  g_test_add_func ("/ui/analysis/exports-chart-png-svg-pdf", test_export_chart);

  return g_test_run ();
}
