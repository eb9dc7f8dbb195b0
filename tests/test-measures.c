/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures of complementarity on a small case whose answers are worked
 * out by hand (see the comments), and the report in its three forms. */
#include "config.h"

#include <string.h>

#include "bc-enum-types.h"
#include "bc-measures.h"
#include "small-case.h"

/* Three actors, six events, four transfers:
 *   t1 e1 (Track 2, 10–12 Jan 1993) → e2 (Track 1, 20 Jan 1993), briefing,
 *      documented, carried by a: upward, 12 Jan to 20 Jan = 8 days;
 *   t2 e3 (Track 2, February 1993) → e4 (Track 1, 1 March 1993),
 *      draft text, inferred, by a: upward, from 1 day (28 Feb) to 28 days
 *      (1 Feb), midpoint 14.5;
 *   t3 e2 (Track 1) → e3 (Track 2), memorandum, documented, by b: downward;
 *   t4 e5 (Track 1.5, 1993) → e4 (Track 1, 1 March 1993), facilitation,
 *      disputed, by c: upward, from −305 days (31 Dec) to 59 (1 Jan),
 *      midpoint −123.
 * Upward lags: midpoints 8, 14.5 and −123, so the median is 8, the range
 * −305 to 59, two of three known only to the month or year.
 * Disclosure: e5 (1993) disclosed 1 June 1995: 517 to 881 days; e6 (5 Jan
 * 1994) disclosed 10 Feb 1994: 36 days. Median of 699 and 36: 367.5.
 * Betweenness on the graph a–e1, c–e1, b–e2, a–e3, b–e4, c–e5 (taking
 * part) and a–e2, a–e4, b–e3, c–e4 (carrying), nine nodes, e6 alone:
 * summed over every pair of other nodes, the share of shortest paths
 * through a is 7.4167, through b 2.8333, through c 6.75; normalised by
 * the 28 pairs: 0.2649, 0.1012, 0.2411.
 * The case is tests/report/small.bcase, which the chart, command-line
 * and analysis pane tests read too. */
static BcCount *
find_count (GPtrArray  *counts,
            const char *key)
{
  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (((BcCount *) g_ptr_array_index (counts, i))->key, key))
      return g_ptr_array_index (counts, i);
  g_assert_not_reached ();
}

static void
assert_items (BcCount    *c,
              const char *ids)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < c->items->len; i++)
    g_string_append_printf (joined, "%s%s", i ? " " : "", (char *) g_ptr_array_index (c->items, i));
  g_assert_cmpstr (joined->str, ==, ids);
}

static void
test_transfer_counts (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  g_autoptr(BcMeasures) d = bc_measures_new (c, TRUE);

  g_assert_cmpuint (m->n_transfers, ==, 4);
  assert_items (find_count (m->by_mechanism, "briefing"), "t1");
  assert_items (find_count (m->by_mechanism, "draft-text"), "t2");
  assert_items (find_count (m->by_mechanism, "memorandum"), "t3");
  assert_items (find_count (m->by_mechanism, "facilitation"), "t4");
  g_assert_cmpuint (find_count (m->by_mechanism, "public-statement")->count, ==, 0);
  assert_items (find_count (m->by_direction, "upward"), "t1 t2 t4");
  assert_items (find_count (m->by_direction, "downward"), "t3");
  g_assert_cmpuint (find_count (m->by_direction, "across")->count, ==, 0);
  assert_items (find_count (m->by_status, "documented"), "t1 t3");
  assert_items (find_count (m->by_status, "inferred"), "t2");
  assert_items (find_count (m->by_status, "disputed"), "t4");

  /* Documented transfers only. */
  g_assert_cmpuint (d->n_transfers, ==, 2);
  assert_items (find_count (d->by_direction, "upward"), "t1");
  g_assert_cmpuint (find_count (d->by_status, "inferred")->count, ==, 0);
}

static void
test_uptake_lags (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  g_autoptr(BcMeasures) d = bc_measures_new (c, TRUE);
  BcSpanSummary *all, *draft;
  BcSpan *t2;

  g_assert_cmpuint (m->uptake_lags->len, ==, 3);
  t2 = g_ptr_array_index (m->uptake_lags, 1);
  g_assert_cmpstr (t2->item, ==, "t2");
  g_assert_cmpint (t2->min_days, ==, 1);
  g_assert_cmpint (t2->max_days, ==, 28);

  all = g_ptr_array_index (m->uptake_summary, 0);
  g_assert_cmpstr (all->key, ==, "all");
  g_assert_cmpuint (all->n, ==, 3);
  g_assert_cmpuint (all->imprecise, ==, 2);
  g_assert_cmpfloat (all->median_days, ==, 8);
  g_assert_cmpint (all->min_days, ==, -305);
  g_assert_cmpint (all->max_days, ==, 59);

  /* Per mechanism, in the mechanisms' order: briefing, draft text,
   * facilitation. */
  g_assert_cmpuint (m->uptake_summary->len, ==, 4);
  draft = g_ptr_array_index (m->uptake_summary, 2);
  g_assert_cmpstr (draft->key, ==, "draft-text");
  g_assert_cmpfloat (draft->median_days, ==, 14.5);

  all = g_ptr_array_index (d->uptake_summary, 0);
  g_assert_cmpuint (all->n, ==, 1);
  g_assert_cmpfloat (all->median_days, ==, 8);
  g_assert_cmpuint (all->imprecise, ==, 0);
}

static void
test_carriers (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  BcCarrier *a, *b, *cc;

  g_assert_cmpuint (m->carriers->len, ==, 3);
  a = g_ptr_array_index (m->carriers, 0);
  b = g_ptr_array_index (m->carriers, 1);
  cc = g_ptr_array_index (m->carriers, 2);
  g_assert_cmpstr (a->actor, ==, "a");
  g_assert_cmpuint (a->transfers, ==, 2);
  g_assert_cmpuint (a->tracks, ==, 2);
  g_assert_cmpstr (b->actor, ==, "b");
  g_assert_cmpuint (b->transfers, ==, 1);
  g_assert_cmpstr (cc->actor, ==, "c");
  g_assert_cmpuint (cc->tracks, ==, 2);
  g_assert_cmpfloat_with_epsilon (a->betweenness, 7.416667 / 28, 1e-6);
  g_assert_cmpfloat_with_epsilon (b->betweenness, 2.833333 / 28, 1e-6);
  g_assert_cmpfloat_with_epsilon (cc->betweenness, 6.75 / 28, 1e-6);
}

static void
test_disclosure_and_activity (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  BcSpan *e5;

  g_assert_cmpuint (m->disclosure_lags->len, ==, 2);
  e5 = g_ptr_array_index (m->disclosure_lags, 0);
  g_assert_cmpstr (e5->item, ==, "e5");
  g_assert_cmpint (e5->min_days, ==, 517);
  g_assert_cmpint (e5->max_days, ==, 881);
  g_assert_cmpfloat (m->disclosure_summary->median_days, ==, 367.5);
  g_assert_cmpint (m->disclosure_summary->min_days, ==, 36);

  g_assert_cmpuint (m->activity->len, ==, 4);
  assert_items (g_ptr_array_index (m->activity, 0), "e2 e4");
  g_assert_cmpstr (((BcCount *) g_ptr_array_index (m->activity, 0))->key, ==, "1@1993");
  g_assert_cmpstr (((BcCount *) g_ptr_array_index (m->activity, 1))->key, ==, "1@1994");
  g_assert_cmpstr (((BcCount *) g_ptr_array_index (m->activity, 2))->key, ==, "1.5@1993");
  assert_items (g_ptr_array_index (m->activity, 3), "e1 e3");
}

static void
test_report_forms (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_measures_free);
  g_autofree char *md = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  BcReportFormat format;

  g_ptr_array_add (both, bc_measures_new (c, FALSE));
  g_ptr_array_add (both, bc_measures_new (c, TRUE));
  md = bc_report_write (both, BC_REPORT_MARKDOWN);
  csv = bc_report_write (both, BC_REPORT_CSV);
  json = bc_report_write (both, BC_REPORT_JSON);

  /* The numbers, and the items behind them. */
  g_assert_nonnull (strstr (md, "| Upward, towards the officials | 3 (t1, t2, t4) | 1 (t1) |"));
  g_assert_nonnull (strstr (md, "median 8.0 days, from -305 to 59 days"));
  g_assert_nonnull (strstr (csv, "small,direction,upward,\"Upward, towards the officials\",3,,,t1 t2 t4\r\n"));
  g_assert_nonnull (strstr (csv, "small,uptake-lag,t2,,,1,28,t2\r\n"));
  g_assert_nonnull (strstr (json, "\"median_days\": 367.5"));
  g_assert_nonnull (strstr (json, "\"documented_only\": true"));

  g_assert_true (bc_report_format_from_name ("out.md", &format) && format == BC_REPORT_MARKDOWN);
  g_assert_true (bc_report_format_from_name ("OUT.JSON", &format) && format == BC_REPORT_JSON);
  g_assert_false (bc_report_format_from_name ("out.txt", &format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/measures/transfers-by-mechanism-direction-status", test_transfer_counts);
  g_test_add_func ("/core/measures/uptake-lag-honest-about-precision", test_uptake_lags);
  g_test_add_func ("/core/measures/carriers-and-betweenness", test_carriers);
  g_test_add_func ("/core/measures/disclosure-and-activity", test_disclosure_and_activity);
  g_test_add_func ("/core/measures/report-md-csv-json", test_report_forms);

  return g_test_run ();
}
