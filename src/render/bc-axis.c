/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-axis"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "bc-axis.h"
#include "bc-date.h"

/* The time axis, shared by the exported diagram and the pinned axis of
 * the window: the finest unit whose ticks stand far enough apart at the
 * scale given, with the years always named, whatever the unit. */

typedef struct
{
  BcAxisUnit unit;
  int        step; /* in days, months or years */
} Spacing;

/* How close year labels may stand, as a share of the room asked. */
#define YEAR_GAP 0.75

/* From the finest to the coarsest. */
static const Spacing spacings[] = {
  { BC_AXIS_DAYS, 1 },
  { BC_AXIS_DAYS, 7 },
  { BC_AXIS_MONTHS, 1 },
  { BC_AXIS_QUARTERS, 3 },
  { BC_AXIS_YEARS, 1 },
  { BC_AXIS_YEARS, 2 },
  { BC_AXIS_YEARS, 5 },
  { BC_AXIS_YEARS, 10 },
  { BC_AXIS_YEARS, 25 },
  { BC_AXIS_YEARS, 50 },
  { BC_AXIS_YEARS, 100 },
};

static void
clear_tick (gpointer data)
{
  g_free (((BcAxisTick *) data)->label);
}

static guint32
first_of (int year,
          int month,
          int day)
{
  return bc_date_get_first_day ((BcDate) { year, month, day });
}

/* The unit a boundary begins: the widest of year, quarter, month. */
static BcAxisUnit
boundary_unit (BcDate date)
{
  if (date.day != 1)
    return BC_AXIS_DAYS;
  if (date.month == 1)
    return BC_AXIS_YEARS;
  if ((date.month - 1) % 3 == 0)
    return BC_AXIS_QUARTERS;
  return BC_AXIS_MONTHS;
}

/* Every boundary of @s from @first to @last, as Julian days. */
static GArray *
boundaries (const Spacing *s,
            guint32        first,
            guint32        last)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  BcDate start = bc_date_from_julian (first, BC_DATE_PRECISION_DAY);

  if (s->unit == BC_AXIS_DAYS)
    {
      /* Weeks fall on the 1st, 8th, 15th and 22nd, so that each month
       * still begins with a tick. */
      for (guint32 d = first; d <= last; d++)
        {
          BcDate date = bc_date_from_julian (d, BC_DATE_PRECISION_DAY);

          if (s->step == 1 || ((date.day - 1) % 7 == 0 && date.day < 29))
            g_array_append_val (days, d);
        }
    }
  else
    {
      int months = s->unit == BC_AXIS_YEARS ? 12 * s->step : s->step;
      int year = start.year, month = 1;

      if (s->unit == BC_AXIS_YEARS)
        year -= year % s->step;
      for (;;)
        {
          guint32 d;

          if (year > 9999)
            break;
          d = first_of (year, month, 1);
          if (d > last)
            break;
          if (d >= first)
            g_array_append_val (days, d);
          month += months;
          year += (month - 1) / 12;
          month = (month - 1) % 12 + 1;
        }
    }
  return days;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The gap between neighbouring boundaries that a share @q of them are
 * no wider than. */
static double
gap_quantile (GArray       *days,
              BcAxisMapFunc map,
              gpointer      user_data,
              double        q)
{
  g_autofree double *gaps = NULL;
  double prev;
  guint n;

  if (days->len < 2)
    return G_MAXDOUBLE;
  n = days->len - 1;
  gaps = g_new (double, n);
  prev = map (g_array_index (days, guint32, 0), user_data);
  for (guint i = 0; i < n; i++)
    {
      double x = map (g_array_index (days, guint32, i + 1), user_data);

      gaps[i] = x - prev;
      prev = x;
    }
  qsort (gaps, n, sizeof (double), compare_double);
  return gaps[MIN ((guint) (q * n), n - 1)];
}

/* Whether a label at tick @i would stand at least @min_gap from every
 * label already given. */
static gboolean
room_for_label (GArray *ticks,
                guint   i,
                double  min_gap)
{
  double x = g_array_index (ticks, BcAxisTick, i).x;

  for (guint j = i; j-- > 0;)
    {
      BcAxisTick *t = &g_array_index (ticks, BcAxisTick, j);

      if (x - t->x >= min_gap)
        break;
      if (t->label != NULL)
        return FALSE;
    }
  for (guint j = i + 1; j < ticks->len; j++)
    {
      BcAxisTick *t = &g_array_index (ticks, BcAxisTick, j);

      if (t->x - x >= min_gap)
        break;
      if (t->label != NULL)
        return FALSE;
    }
  return TRUE;
}

static char *
month_name (BcDate date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (date.year, date.month, 1, 0, 0, 0);

  /* TRANSLATORS: the abbreviated month on the time axis, a strftime()
   * format; "%b" is the local abbreviation ("Mar"). */
  return g_date_time_format (dt, C_("axis", "%b"));
}

static char *
tick_label (BcDate     date,
            BcAxisUnit unit,
            BcAxisUnit axis)
{
  switch (unit)
    {
    case BC_AXIS_YEARS:
      return g_strdup_printf ("%d", date.year);
    case BC_AXIS_QUARTERS:
      if (axis == BC_AXIS_QUARTERS)
        /* TRANSLATORS: a quarter of the year on the time axis: "Q2" */
        return g_strdup_printf (C_("axis", "Q%d"), (date.month - 1) / 3 + 1);
      G_GNUC_FALLTHROUGH;
    case BC_AXIS_MONTHS:
      return month_name (date);
    case BC_AXIS_DAYS:
    default:
      return g_strdup_printf ("%d", date.day);
    }
}

/**
 * bc_axis_context_label:
 * @day: a Julian day
 * @unit: the unit of the axis it is read on
 *
 * What places @day in time on an axis of @unit when no year is in sight:
 * the year, with the month on a day axis ("March 1978").
 *
 * Returns: (transfer full): the label
 */
char *
bc_axis_context_label (guint32    day,
                       BcAxisUnit unit)
{
  BcDate date = bc_date_from_julian (day, BC_DATE_PRECISION_DAY);

  if (unit == BC_AXIS_DAYS)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (date.year, date.month, 1, 0, 0, 0);

      /* TRANSLATORS: month and year that head a time axis of days, a
       * strftime() format: "%B %Y" gives "March 1978". */
      return g_date_time_format (dt, C_("axis", "%B %Y"));
    }
  return g_strdup_printf ("%d", date.year);
}

/**
 * bc_axis_ticks:
 * @first_day: the Julian day at the start of the axis
 * @last_day: the Julian day at its end
 * @map: where a day lands along the axis
 * @user_data: for @map
 * @min_gap: the room a label needs, in the units @map gives
 *
 * The ticks of a time axis: the finest of days, weeks, months, quarters,
 * years, or several years, whose ticks stand at least @min_gap apart
 * where the axis is widest (a scale that is not the calendar's, such as
 * the balanced one, widens some stretches and narrows others). Labels
 * are given coarsest first, each where it keeps @min_gap from those
 * already given: years on every axis, then quarters, months and days as
 * room allows, so that a narrowed stretch reads "1992 Apr Jul Oct" and
 * a widened one names every month. The first label carries its year when
 * it is not one ("Mar 1976").
 *
 * Returns: (transfer full) (element-type BcAxisTick): the ticks, in order
 */
GArray *
bc_axis_ticks (guint32       first_day,
               guint32       last_day,
               BcAxisMapFunc map,
               gpointer      user_data,
               double        min_gap)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (BcAxisTick));
  g_autoptr(GArray) days = NULL;
  const Spacing *s = NULL;
  BcAxisUnit coarsest;
  double last_x = -G_MAXDOUBLE;
  guint kept = 0;

  g_array_set_clear_func (ticks, clear_tick);
  g_return_val_if_fail (map != NULL, ticks);
  if (last_day < first_day)
    return ticks;

  for (guint i = 0; i < G_N_ELEMENTS (spacings); i++)
    {
      double unit_days;

      s = &spacings[i];
      /* Far too fine even where the axis is eight times as wide as on
       * average: no need to count its ticks. */
      unit_days = s->step * (s->unit == BC_AXIS_DAYS ? 1 : s->unit == BC_AXIS_YEARS ? 365.25 : 30.44);
      if (i + 1 < G_N_ELEMENTS (spacings) && last_day > first_day &&
          8 * (map (last_day, user_data) - map (first_day, user_data)) * unit_days /
            (last_day - first_day) < min_gap)
        continue;
      g_clear_pointer (&days, g_array_unref);
      days = boundaries (s, first_day, last_day);
      if (gap_quantile (days, map, user_data, 0.9) >= min_gap)
        break;
    }

  coarsest = s->unit;
  for (guint i = 0; i < days->len; i++)
    {
      guint32 d = g_array_index (days, guint32, i);
      BcDate date = bc_date_from_julian (d, BC_DATE_PRECISION_DAY);
      BcAxisTick tick = { d, map (d, user_data), boundary_unit (date), FALSE, NULL };

      if (tick.unit < coarsest)
        tick.unit = coarsest;
      tick.major = tick.unit == BC_AXIS_YEARS;
      g_array_append_val (ticks, tick);
    }

  /* Years first, then each finer unit where it finds room. A year's
   * label is four digits: years may stand closer than the room a month
   * asks, so that a narrowed stretch still names each of its years. */
  for (int unit = BC_AXIS_YEARS; unit >= (int) coarsest; unit--)
    for (guint i = 0; i < ticks->len; i++)
      {
        BcAxisTick *t = &g_array_index (ticks, BcAxisTick, i);
        double gap = unit == BC_AXIS_YEARS ? min_gap * YEAR_GAP : min_gap;

        if ((int) t->unit == unit && room_for_label (ticks, i, gap))
          t->label = tick_label (bc_date_from_julian (t->day, BC_DATE_PRECISION_DAY), t->unit, coarsest);
      }

  /* Where the unit is finer than the stretch has room for, the ticks
   * without a label are thinned too, so as not to smear. */
  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *t = &g_array_index (ticks, BcAxisTick, i);

      if (t->label == NULL && t->x - last_x < min_gap / 6)
        {
          clear_tick (t);
          continue;
        }
      last_x = t->x;
      if (kept != i)
        g_array_index (ticks, BcAxisTick, kept) = *t;
      kept++;
    }
  /* The moved ones are not to be freed twice. */
  g_array_set_clear_func (ticks, NULL);
  g_array_set_size (ticks, kept);
  g_array_set_clear_func (ticks, clear_tick);

  /* The first label carries its year when it is not one, so that the
   * axis is placed in time before the first new year comes. */
  for (guint i = 0; i < ticks->len; i++)
    {
      BcAxisTick *t = &g_array_index (ticks, BcAxisTick, i);
      g_autofree char *own = NULL;
      g_autofree char *context = NULL;

      if (t->label == NULL)
        continue;
      if (t->unit == BC_AXIS_YEARS)
        break;
      own = g_steal_pointer (&t->label);
      context = bc_axis_context_label (t->day, coarsest);
      /* TRANSLATORS: a tick's label with what places it in time:
       * "14 March 1978", "Mar 1978", "Q2 1978" */
      t->label = g_strdup_printf (C_("axis", "%s %s"), own, context);
      break;
    }
  return ticks;
}

/**
 * bc_axis_ticks_unit:
 * @ticks: (element-type BcAxisTick): from bc_axis_ticks()
 *
 * Returns: the finest unit among @ticks, that is the unit of the axis
 */
BcAxisUnit
bc_axis_ticks_unit (GArray *ticks)
{
  BcAxisUnit unit = BC_AXIS_YEARS;

  for (guint i = 0; i < ticks->len; i++)
    unit = MIN (unit, g_array_index (ticks, BcAxisTick, i).unit);
  return unit;
}
