/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts of the measures, on the small case of test-measures.c whose
 * answers are worked out by hand: one bar per figure, where the figure
 * says, and the same chart as PNG, SVG and PDF. */
#include "config.h"

#include <string.h>

#include "bc-chart.h"
#include "small-case.h"

static BcChartBar *
bar (BcChart *chart,
     guint    i)
{
  g_assert_cmpuint (i, <, chart->bars->len);
  return g_ptr_array_index (chart->bars, i);
}

static void
assert_keys (BcChart    *chart,
             const char *keys)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < chart->bars->len; i++)
    g_string_append_printf (joined, "%s%s", i ? " " : "", bar (chart, i)->key);
  g_assert_cmpstr (joined->str, ==, keys);
}

static void
test_mechanisms (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  g_autoptr(BcMeasures) d = bc_measures_new (c, TRUE);
  g_autoptr(BcChart) chart = bc_chart_new (m, BC_CHART_MECHANISMS, BC_THEME_LIGHT);
  g_autoptr(BcChart) documented = bc_chart_new (d, BC_CHART_MECHANISMS, BC_THEME_LIGHT);
  double rgb[3];

  /* One bar per mechanism used, in the mechanisms' order, each one
   * transfer long, in its mechanism's colour. */
  assert_keys (chart, "briefing memorandum draft-text facilitation");
  for (guint i = 1; i < 4; i++)
    {
      g_assert_cmpfloat (bar (chart, i)->rect.width, ==, bar (chart, 0)->rect.width);
      g_assert_cmpfloat (bar (chart, i)->rect.y, >, bar (chart, i - 1)->rect.y);
    }
  g_assert_cmpstr (g_ptr_array_index (bar (chart, 2)->items, 0), ==, "t2");
  bc_mechanism_get_rgb (BC_MECHANISM_DRAFT_TEXT, BC_THEME_LIGHT, rgb);
  g_assert_cmpmem (bar (chart, 2)->rgb, sizeof rgb, rgb, sizeof rgb);

  assert_keys (documented, "briefing memorandum");
}

static void
test_lags (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  g_autoptr(BcChart) chart = bc_chart_new (m, BC_CHART_LAGS, BC_THEME_LIGHT);
  BcChartBar *draft, *facilitation;
  double per_day;

  /* A range bar per mechanism of an upward transfer. */
  assert_keys (chart, "briefing draft-text facilitation");
  draft = bar (chart, 1);
  facilitation = bar (chart, 2);

  /* Draft text: 1 to 28 days, median 14.5; facilitation: −305 to 59,
   * median −123; both on one scale of days. */
  per_day = facilitation->rect.width / (59 + 305);
  g_assert_cmpfloat_with_epsilon (draft->rect.width, 27 * per_day, 1e-9);
  g_assert_cmpfloat_with_epsilon (draft->rect.x - facilitation->rect.x, 306 * per_day, 1e-9);
  g_assert_true (facilitation->has_mark);
  g_assert_cmpfloat_with_epsilon (facilitation->mark - facilitation->rect.x, 182 * per_day, 1e-9);
  g_assert_cmpfloat_with_epsilon (draft->mark - draft->rect.x, 13.5 * per_day, 1e-9);
  /* Briefing is exactly 8 days: a thin bar with its median in the middle. */
  g_assert_cmpfloat_with_epsilon (bar (chart, 0)->mark,
                                  bar (chart, 0)->rect.x + bar (chart, 0)->rect.width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar (chart, 0)->mark - facilitation->rect.x, 313 * per_day, 1e-9);
}

static void
test_activity (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  g_autoptr(BcChart) chart = bc_chart_new (m, BC_CHART_ACTIVITY, BC_THEME_LIGHT);

  /* A cell per track and year with events: Track 1 in 1993 (e2, e4) and
   * 1994 (e6), Track 1.5 in 1993 (e5), Track 2 in 1993 (e1, e3). */
  assert_keys (chart, "1@1993 1@1994 1.5@1993 2@1993");
  g_assert_cmpfloat (bar (chart, 0)->rect.y, ==, bar (chart, 1)->rect.y);
  g_assert_cmpfloat (bar (chart, 1)->rect.x, >, bar (chart, 0)->rect.x);
  g_assert_cmpfloat (bar (chart, 2)->rect.x, ==, bar (chart, 0)->rect.x);
  g_assert_cmpfloat (bar (chart, 3)->rect.y, >, bar (chart, 2)->rect.y);
  /* Two events are darker than one. */
  g_assert_cmpfloat (bar (chart, 0)->rgb[0], <, bar (chart, 1)->rgb[0]);
  g_assert_cmpuint (bar (chart, 3)->items->len, ==, 2);
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

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GBytes **rest = closure;
  gsize size;
  const guint8 *p = g_bytes_get_data (*rest, &size);
  GBytes *next;

  if (length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, p, length);
  next = g_bytes_new_from_bytes (*rest, length, size - length);
  g_bytes_unref (*rest);
  *rest = next;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_export (void)
{
  g_autoptr(BcCase) c = small_case_read (".");
  g_autoptr(BcMeasures) m = bc_measures_new (c, FALSE);
  g_autoptr(GError) error = NULL;

  for (BcChartKind kind = 0; kind < BC_N_CHARTS; kind++)
    {
      g_autoptr(BcChart) chart = bc_chart_new (m, kind, BC_THEME_LIGHT);
      g_autoptr(GBytes) png = bc_chart_to_bytes (chart, BC_EXPORT_PNG, 2, &error);
      g_autoptr(GBytes) svg = bc_chart_to_bytes (chart, BC_EXPORT_SVG, 1, &error);
      g_autoptr(GBytes) pdf = bc_chart_to_bytes (chart, BC_EXPORT_PDF, 1, &error);
      g_autoptr(GBytes) pdf_again = bc_chart_to_bytes (chart, BC_EXPORT_PDF, 1, &error);
      g_autofree char *svg_text = NULL;
      GBytes *rest;
      cairo_surface_t *image;

      g_assert_no_error (error);

      /* A PNG of twice the chart's size at scale 2. */
      rest = g_bytes_ref (png);
      image = cairo_image_surface_create_from_png_stream (read_bytes, &rest);
      g_bytes_unref (rest);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * chart->width);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2 * chart->height);
      cairo_surface_destroy (image);

      /* An SVG written by the SVG backend: one titled group per bar,
       * every label a <text> element, no glyph outlines. */
      svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
      g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
      g_assert_cmpuint (count (svg_text, "class=\"bar\""), ==, chart->bars->len);
      g_assert_cmpuint (count (svg_text, "<text"), ==, chart->texts->len);
      g_assert_null (strstr (svg_text, "<symbol"));
      g_assert_null (strstr (svg_text, "glyph"));
      if (kind == BC_CHART_MECHANISMS)
        {
          g_assert_nonnull (strstr (svg_text, ">Confidential briefing</text>"));
          g_assert_nonnull (strstr (svg_text, ">Draft text</text>"));
          g_assert_nonnull (strstr (svg_text, ">Memorandum</text>"));
          g_assert_nonnull (strstr (svg_text, ">Facilitation</text>"));
        }

      /* A PDF, the same bytes every time. */
      g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
      g_assert_true (g_bytes_equal (pdf, pdf_again));
    }
}

static void
test_kind_names (void)
{
  BcChartKind kind;

  g_assert_true (bc_chart_kind_from_name ("lags", &kind) && kind == BC_CHART_LAGS);
  g_assert_cmpstr (bc_chart_kind_to_name (BC_CHART_ACTIVITY), ==, "activity");
  g_assert_false (bc_chart_kind_from_name ("bogus", &kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/chart/mechanisms-one-bar-per-mechanism-used", test_mechanisms);
  g_test_add_func ("/render/chart/lags-range-bars-with-median-tick", test_lags);
  g_test_add_func ("/render/chart/activity-cell-per-track-and-year", test_activity);
  g_test_add_func ("/render/chart/export-png-svg-pdf", test_export);
  g_test_add_func ("/render/chart/kind-names", test_kind_names);

  return g_test_run ();
}
