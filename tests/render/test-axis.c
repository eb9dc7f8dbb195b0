/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "bc-axis.h"
#include "bc-date.h"

/* A linear axis: @scale units a day from @origin. */
typedef struct
{
  guint32 origin;
  double  scale;
} Linear;

static double
linear_map (double   day,
            gpointer user_data)
{
  Linear *l = user_data;

  return (day - l->origin) * l->scale;
}

static guint32
jd (const char *text)
{
  BcDate date;

  g_assert_true (bc_date_parse (text, &date, NULL));
  return bc_date_get_first_day (date);
}

static GArray *
axis (const char *from,
      const char *to,
      double      width)
{
  Linear l = { jd (from), 0 };

  l.scale = width / MAX (1, jd (to) - jd (from));
  return bc_axis_ticks (jd (from), jd (to), linear_map, &l, 44);
}

static gboolean
has_label (GArray     *ticks,
           const char *label)
{
  for (guint i = 0; i < ticks->len; i++)
    if (g_strcmp0 (g_array_index (ticks, BcAxisTick, i).label, label) == 0)
      return TRUE;
  return FALSE;
}

static const char *
first_label (GArray *ticks)
{
  for (guint i = 0; i < ticks->len; i++)
    if (g_array_index (ticks, BcAxisTick, i).label != NULL)
      return g_array_index (ticks, BcAxisTick, i).label;
  return NULL;
}

static void
assert_spaced (GArray *ticks,
               double  gap)
{
  double last = -G_MAXDOUBLE;

  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *t = &g_array_index (ticks, BcAxisTick, i);

      if (t->label == NULL)
        continue;
      g_assert_cmpfloat (t->x - last, >=, gap);
      last = t->x;
    }
}

/* Camp David's span on the width of an export: every year from 1976 to
 * 1979 is named (the defect read "1976-03 06 09 12 03 06 …"). */
static void
test_years_named (void)
{
  g_autoptr(GArray) ticks = axis ("1976-03-01", "1979-04-30", 1200);

  g_assert_cmpstr (first_label (ticks), ==, "Q2 1976");
  g_assert_true (has_label (ticks, "1977"));
  g_assert_true (has_label (ticks, "1978"));
  g_assert_true (has_label (ticks, "1979"));
  g_assert_cmpint (bc_axis_ticks_unit (ticks), <, BC_AXIS_YEARS);
  assert_spaced (ticks, 44);
}

/* The ticks follow the scale: years, quarters, months, days. */
static void
test_unit_follows_scale (void)
{
  g_autoptr(GArray) narrow = axis ("1970-01-01", "1995-12-31", 900);
  g_autoptr(GArray) quarters = axis ("1990-01-01", "1995-12-31", 1400);
  g_autoptr(GArray) months = axis ("1993-01-01", "1993-12-31", 1400);
  g_autoptr(GArray) days = axis ("1993-08-10", "1993-08-31", 1400);

  g_assert_cmpint (bc_axis_ticks_unit (narrow), ==, BC_AXIS_YEARS);
  g_assert_true (has_label (narrow, "1980"));
  assert_spaced (narrow, 44);

  g_assert_cmpint (bc_axis_ticks_unit (quarters), ==, BC_AXIS_QUARTERS);
  g_assert_true (has_label (quarters, "Q2"));
  g_assert_true (has_label (quarters, "1995"));

  g_assert_cmpint (bc_axis_ticks_unit (months), ==, BC_AXIS_MONTHS);
  g_assert_cmpstr (first_label (months), ==, "1993");
  g_assert_true (has_label (months, "Jun"));

  g_assert_cmpint (bc_axis_ticks_unit (days), ==, BC_AXIS_DAYS);
  g_assert_cmpstr (first_label (days), ==, "10 August 1993");
  g_assert_true (has_label (days, "20"));
  assert_spaced (days, 44);
}

/* A year's label wins over a month's that would crowd it. */
static void
test_year_wins (void)
{
  g_autoptr(GArray) ticks = axis ("1992-11-20", "1993-02-10", 120);

  g_assert_true (has_label (ticks, "1993"));
  assert_spaced (ticks, 44);
}

/* A scale that widens one year tenfold, as the balanced scale widens a
 * busy stretch. */
typedef struct
{
  guint32 from, to; /* the widened stretch */
  double  scale;    /* units a day elsewhere */
  guint32 origin;
} Uneven;

static double
uneven_map (double   day,
            gpointer user_data)
{
  Uneven *u = user_data;
  double before = MIN (day, u->from) - u->origin;
  double inside = CLAMP (day, u->from, u->to) - u->from;
  double after = MAX (day, u->to) - u->to;

  return (before + 10 * inside + after) * u->scale;
}

/* The labels of @ticks whose day falls in @year. */
static guint
labels_in_year (GArray *ticks,
                int     year)
{
  guint n = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *t = &g_array_index (ticks, BcAxisTick, i);

      if (t->label != NULL && bc_date_from_julian (t->day, BC_DATE_PRECISION_DAY).year == year)
        n++;
    }
  return n;
}

/* On an uneven scale each stretch gets the finest labels it has room
 * for: every month of the widened 1993, quarters at most in the narrow
 * years around it, and every year named. */
static void
test_uneven_scale (void)
{
  Uneven u = { jd ("1993-01-01"), jd ("1994-01-01"), 0, jd ("1990-01-01") };
  g_autoptr(GArray) ticks = NULL;

  /* Six years, one of them ten times as wide, on 1500 units: a narrow
   * year is 100 units, the wide one 1000. */
  u.scale = 1500.0 / (5 * 365.25 + 10 * 365.25);
  ticks = bc_axis_ticks (jd ("1990-01-01"), jd ("1995-12-31"), uneven_map, &u, 44);
  for (int year = 1990; year <= 1995; year++)
    {
      g_autofree char *name = g_strdup_printf ("%d", year);

      g_assert_true (has_label (ticks, name));
      if (year != 1993)
        g_assert_cmpuint (labels_in_year (ticks, year), <=, 4);
    }
  g_assert_cmpuint (labels_in_year (ticks, 1993), ==, 12);
  g_assert_true (has_label (ticks, "Feb"));
  assert_spaced (ticks, 44);

  /* Narrower still, each narrow year a little less wide than a month
   * label asks: the years are named all the same, a little closer. */
  g_clear_pointer (&ticks, g_array_unref);
  u.scale = 36 / 365.25;
  ticks = bc_axis_ticks (jd ("1990-01-01"), jd ("1995-12-31"), uneven_map, &u, 44);
  for (int year = 1990; year <= 1995; year++)
    {
      g_autofree char *name = g_strdup_printf ("%d", year);

      g_assert_true (has_label (ticks, name));
    }
  assert_spaced (ticks, 33);
}

/* One day, and a case of ten thousand years' worth of nothing: a
 * sensible axis, no runaway. */
static void
test_degenerate (void)
{
  g_autoptr(GArray) one = axis ("1993-08-20", "1993-08-20", 800);
  g_autoptr(GArray) long_axis = axis ("1000-01-01", "9999-12-31", 1400);

  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (first_label (one), ==, "20 August 1993");
  g_assert_cmpint (bc_axis_ticks_unit (long_axis), ==, BC_AXIS_YEARS);
  g_assert_cmpuint (long_axis->len, <=, 200);
  assert_spaced (long_axis, 44);
}

int
main (int   argc,
      char *argv[])
{
  /* Month names in English, whatever the machine's locale. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axis/years-named", test_years_named);
  g_test_add_func ("/axis/unit-follows-scale", test_unit_follows_scale);
  g_test_add_func ("/axis/year-wins", test_year_wins);
  g_test_add_func ("/axis/degenerate", test_degenerate);
  g_test_add_func ("/axis/uneven-scale", test_uneven_scale);
  return g_test_run ();
}
