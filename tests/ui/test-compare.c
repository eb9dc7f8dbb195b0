/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The comparison window: Oslo against Camp David, their measures in one
 * table and their lanes aligned on an event of each. */
#include "config.h"

#include <math.h>

#include "ui-test-util.h"

#include "bc-compare-window.h"
#include "bc-measures.h"
#include "bc-reader.h"
#include "bc-window-private.h"

/* Auxiliary functions */

static BcCase *
read_bundled (const char *name)
{
  g_autoptr(GFile) file = bc_bundled_find_case (name);
  g_autoptr(GError) error = NULL;
  BcCase *c = bc_case_read_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return c;
}

static guint32
day_of (BcCase     *c,
        const char *id)
{
  BcEvent *event = bc_case_lookup_event (c, id);

  g_assert_nonnull (event);
  return bc_event_get_first_day (event);
}

static guint32
first_day (BcCase *c)
{
  guint32 first, last;

  g_assert_true (bc_case_get_time_span (c, &first, &last));
  return first;
}

/* Tests */

static void
test_action_opens_a_comparison (void)
{
  BcWindow *window = window_with_case ("oslo");
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (BC_IS_COMPARE_WINDOW (w))
        {
          found = TRUE;
          gtk_window_destroy (w);
          break;
        }
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_measures_side_by_side (void)
{
  g_autoptr(BcCase) oslo = read_bundled ("oslo");
  g_autoptr(BcCase) camp_david = read_bundled ("camp-david");
  BcCompareWindow *compare = bc_compare_window_new (NULL, oslo);
  BcCase *cases[] = { oslo, camp_david };

  bc_compare_window_set_other (compare, camp_david);
  gtk_window_present (GTK_WINDOW (compare));
  drain ();

  /* The same figures as the report of each case, a column each. */
  for (guint col = 0; col < 2; col++)
    {
      g_autoptr(BcMeasures) m = bc_measures_new (cases[col], FALSE);
      g_autofree char *n = g_strdup_printf ("%u", m->n_transfers);
      struct { const char *prefix; GPtrArray *counts; } groups[] = {
        { "mechanism:", m->by_mechanism }, { "direction:", m->by_direction }, { "status:", m->by_status },
      };

      g_assert_cmpuint (m->n_transfers, >, 0);
      g_assert_cmpstr (_bc_compare_window_get_cell (compare, "transfers", col), ==, n);
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint i = 0; i < groups[g].counts->len; i++)
          {
            BcCount *count = g_ptr_array_index (groups[g].counts, i);
            g_autofree char *key = g_strconcat (groups[g].prefix, count->key, NULL);
            g_autofree char *value = g_strdup_printf ("%u", count->count);

            g_assert_cmpstr (_bc_compare_window_get_cell (compare, key, col), ==, value);
          }
      {
        g_autofree char *carriers = g_strdup_printf ("%u", m->carriers->len);
        BcSpanSummary *lag = g_ptr_array_index (m->uptake_summary, 0);
        g_autofree char *median = g_strdup_printf ("%.0f ", lag->median_days);

        g_assert_cmpstr (_bc_compare_window_get_cell (compare, "carriers", col), ==, carriers);
        g_assert_true (g_str_has_prefix (_bc_compare_window_get_cell (compare, "uptake-lag", col), median));
      }
    }

  /* The columns differ: two cases, not one twice. */
  g_assert_cmpstr (_bc_compare_window_get_cell (compare, "transfers", 0), !=,
                   _bc_compare_window_get_cell (compare, "transfers", 1));

  gtk_window_destroy (GTK_WINDOW (compare));
}

static void
test_lanes_aligned_on_the_anchor (void)
{
  g_autoptr(BcCase) oslo = read_bundled ("oslo");
  g_autoptr(BcCase) camp_david = read_bundled ("camp-david");
  BcCompareWindow *compare = bc_compare_window_new (NULL, oslo);
  double a0, a1, year0, year1, first_before, first_after;
  guint32 oslo_first = first_day (oslo), cd_first = first_day (camp_david);

  bc_compare_window_set_other (compare, camp_david);
  gtk_window_present (GTK_WINDOW (compare));
  drain ();

  /* By default both start at their first event: the origins line up,
   * at one scale. */
  a0 = _bc_compare_window_get_day_x (compare, 0, oslo_first);
  a1 = _bc_compare_window_get_day_x (compare, 1, cd_first);
  g_assert_false (isnan (a0));
  g_assert_cmpfloat (fabs (a0 - a1), <=, 1.0);
  year0 = _bc_compare_window_get_day_x (compare, 0, oslo_first + 365) - a0;
  year1 = _bc_compare_window_get_day_x (compare, 1, cd_first + 365) - a1;
  g_assert_cmpfloat (year0, >, 10);
  g_assert_cmpfloat (fabs (year0 - year1), <=, 1.0);
  first_before = a0;

  /* Aligned on the signings instead: those line up, and the alignment
   * moved. */
  g_assert_true (_bc_compare_window_set_anchor (compare, 0, "washington-signing"));
  g_assert_true (_bc_compare_window_set_anchor (compare, 1, "white-house-signing"));
  drain ();
  a0 = _bc_compare_window_get_day_x (compare, 0, day_of (oslo, "washington-signing"));
  a1 = _bc_compare_window_get_day_x (compare, 1, day_of (camp_david, "white-house-signing"));
  g_assert_cmpfloat (fabs (a0 - a1), <=, 1.0);
  first_after = _bc_compare_window_get_day_x (compare, 0, oslo_first);
  g_assert_cmpfloat (fabs (_bc_compare_window_get_day_x (compare, 1, cd_first) - first_after), >, 1.0);
  g_assert_cmpfloat (fabs (a0 - first_before), >, 1.0);

  gtk_window_destroy (GTK_WINDOW (compare));
}

/* How light the lanes are drawn, from 0 (black) to 1 (white), on
 * average. */
static double
lanes_lightness (BcCompareWindow *compare)
{
  g_autoptr(GBytes) pixels = render_widget (_bc_compare_window_get_lanes (compare));
  gsize n;
  const guchar *data = g_bytes_get_data (pixels, &n);
  double sum = 0;

  g_assert_cmpuint (n, >, 0);
  for (gsize i = 0; i < n; i += 4)
    sum += (data[i] + data[i + 1] + data[i + 2]) / (3 * 255.0);
  return sum / (n / 4);
}

/* The lanes, their headings and the axis follow the window's style. */
static void
test_lanes_follow_the_style (void)
{
  g_autoptr(BcCase) oslo = read_bundled ("oslo");
  g_autoptr(BcCase) camp_david = read_bundled ("camp-david");
  AdwStyleManager *style = adw_style_manager_get_default ();
  BcCompareWindow *compare = bc_compare_window_new (NULL, oslo);
  double light, dark;

  bc_compare_window_set_other (compare, camp_david);
  gtk_window_present (GTK_WINDOW (compare));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  drain ();
  light = lanes_lightness (compare);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  drain ();
  dark = lanes_lightness (compare);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_test_message ("lightness of the lanes: %.2f light, %.2f dark", light, dark);
  g_assert_cmpfloat (light, >, 0.7);
  g_assert_cmpfloat (dark, <, 0.35);
  gtk_window_destroy (GTK_WINDOW (compare));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/compare/action-opens-a-comparison", test_action_opens_a_comparison);
  g_test_add_func ("/ui/compare/measures-side-by-side", test_measures_side_by_side);
  g_test_add_func ("/ui/compare/lanes-aligned-on-the-anchor", test_lanes_aligned_on_the_anchor);
  g_test_add_func ("/ui/compare/lanes-follow-the-style", test_lanes_follow_the_style);

  return g_test_run ();
}
