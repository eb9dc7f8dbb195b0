/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bc-date.h"

static void
test_parse_precisions (void)
{
  BcDate d;

  g_assert_true (bc_date_parse ("1993", &d, NULL));
  g_assert_cmpint (bc_date_get_precision (d), ==, BC_DATE_PRECISION_YEAR);
  g_assert_true (bc_date_parse ("1993-08", &d, NULL));
  g_assert_cmpint (bc_date_get_precision (d), ==, BC_DATE_PRECISION_MONTH);
  g_assert_true (bc_date_parse ("1993-08-20", &d, NULL));
  g_assert_cmpint (bc_date_get_precision (d), ==, BC_DATE_PRECISION_DAY);
  g_assert_cmpuint (d.year, ==, 1993);
  g_assert_cmpuint (d.month, ==, 8);
  g_assert_cmpuint (d.day, ==, 20);
}

static void
test_refuses_bad (void)
{
  const char *bad[] = { "", "93", "1993-8", "1993-08-1", "1993/08/01", "+1993", " 1993",
                        "1993-", "1993-08-", "1993-08-20T10:00", "0999", "1993-00", "1993-13",
                        "1993-02-30", "1900-02-29", "1993-04-31" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      BcDate d;

      g_assert_false (bc_date_parse (bad[i], &d, &error));
      g_assert_error (error, BC_DATE_ERROR, error->code);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_leap_day (void)
{
  g_autoptr(GError) error = NULL;
  BcDate d;

  g_assert_true (bc_date_parse ("2000-02-29", &d, NULL));
  g_assert_false (bc_date_parse ("1993-02-29", &d, &error));
  g_assert_error (error, BC_DATE_ERROR, BC_DATE_ERROR_NO_SUCH_DAY);
  g_assert_nonnull (strstr (error->message, "28 days"));
}

static void
test_span_and_order (void)
{
  BcDate year, month, day;

  bc_date_parse ("1993", &year, NULL);
  bc_date_parse ("1993-02", &month, NULL);
  bc_date_parse ("1993-02-28", &day, NULL);

  g_assert_cmpuint (bc_date_get_last_day (year) - bc_date_get_first_day (year), ==, 364);
  g_assert_cmpuint (bc_date_get_last_day (month) - bc_date_get_first_day (month), ==, 27);
  g_assert_cmpuint (bc_date_get_last_day (month), ==, bc_date_get_first_day (day));
  g_assert_cmpint (bc_date_compare (year, month), <, 0);
  g_assert_cmpint (bc_date_compare (month, day), <, 0);
  g_assert_cmpint (bc_date_compare (day, day), ==, 0);
  g_assert_cmpint (bc_date_compare (BC_DATE_UNSET, year), <, 0);
}

static void
test_round_trip_string (void)
{
  const char *texts[] = { "1000", "1993-08", "1978-09-17", "9999-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      BcDate d;
      g_autofree char *back = NULL;

      g_assert_true (bc_date_parse (texts[i], &d, NULL));
      back = bc_date_to_string (d);
      g_assert_cmpstr (back, ==, texts[i]);
      g_assert_true (bc_date_equal (bc_date_from_julian (bc_date_get_first_day (d),
                                                         bc_date_get_precision (d)),
                                    d) || bc_date_get_precision (d) != BC_DATE_PRECISION_DAY);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/parses-three-precisions", test_parse_precisions);
  g_test_add_func ("/core/date/refuses-malformed-and-impossible", test_refuses_bad);
  g_test_add_func ("/core/date/knows-leap-years", test_leap_day);
  g_test_add_func ("/core/date/spans-its-precision", test_span_and_order);
  g_test_add_func ("/core/date/writes-what-it-read", test_round_trip_string);

  return g_test_run ();
}
