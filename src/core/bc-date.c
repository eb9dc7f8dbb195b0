/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-date"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bc-date.h"

G_DEFINE_BOXED_TYPE (BcDate, bc_date, bc_date_copy, bc_date_free)

G_DEFINE_QUARK (bc-date-error-quark, bc_date_error)

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* Reads exactly @n_digits ASCII digits; g_ascii_strtoull would accept
 * signs and spaces, which the format does not. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + (guint) ((*p)[i] - '0');
    }

  *p += n_digits;
  *value = v;
  return TRUE;
}

BcDate *
bc_date_copy (const BcDate *date)
{
  return g_memdup2 (date, sizeof *date);
}

void
bc_date_free (BcDate *date)
{
  g_free (date);
}

/**
 * bc_date_parse:
 * @text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @date: (out): where to store the date
 * @error: a #GError in %BC_DATE_ERROR
 *
 * Parses a date of year, month or day precision. The day must exist in
 * that month of that year.
 */
gboolean
bc_date_parse (const char  *text,
               BcDate      *date,
               GError     **error)
{
  const char *p = text;
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!read_digits (&p, 4, &year) ||
      (*p == '-' && (p++, !read_digits (&p, 2, &month))) ||
      (month != 0 && *p == '-' && (p++, !read_digits (&p, 2, &day))) ||
      *p != '\0')
    {
      g_set_error (error, BC_DATE_ERROR, BC_DATE_ERROR_SYNTAX,
                   _("“%s” is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD"), text);
      return FALSE;
    }

  if (year < 1000)
    {
      g_set_error (error, BC_DATE_ERROR, BC_DATE_ERROR_RANGE,
                   _("The year in “%s” is before 1000, which case files cannot hold"), text);
      return FALSE;
    }

  if (strlen (text) >= 7 && (month < 1 || month > 12))
    {
      g_set_error (error, BC_DATE_ERROR, BC_DATE_ERROR_RANGE,
                   _("“%s” has no month %02u; months run from 01 to 12"), text, month);
      return FALSE;
    }

  if (strlen (text) == 10 &&
      (day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)))
    {
      g_set_error (error, BC_DATE_ERROR, BC_DATE_ERROR_NO_SUCH_DAY,
                   _("“%s” does not exist: %s %u has %u days"), text,
                   _(month_names[month - 1]), year,
                   g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
      return FALSE;
    }

  date->year = (guint16) year;
  date->month = (guint8) month;
  date->day = (guint8) day;
  return TRUE;
}

char *
bc_date_to_string (BcDate date)
{
  switch (bc_date_get_precision (date))
    {
    case BC_DATE_PRECISION_NONE:
      return NULL;
    case BC_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04u", date.year);
    case BC_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04u-%02u", date.year, date.month);
    case BC_DATE_PRECISION_DAY:
    default:
      return g_strdup_printf ("%04u-%02u-%02u", date.year, date.month, date.day);
    }
}

gboolean
bc_date_is_set (BcDate date)
{
  return date.year != 0;
}

BcDatePrecision
bc_date_get_precision (BcDate date)
{
  if (date.year == 0)
    return BC_DATE_PRECISION_NONE;
  if (date.month == 0)
    return BC_DATE_PRECISION_YEAR;
  if (date.day == 0)
    return BC_DATE_PRECISION_MONTH;
  return BC_DATE_PRECISION_DAY;
}

/**
 * bc_date_get_first_day:
 * @date: a set date
 *
 * Returns: the Julian day number (as #GDate counts) of the first day
 *   that @date can mean: 1 January for a year, the 1st for a month.
 */
guint32
bc_date_get_first_day (BcDate date)
{
  GDate d;

  g_return_val_if_fail (bc_date_is_set (date), 0);

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day ? date.day : 1,
                  date.month ? (GDateMonth) date.month : G_DATE_JANUARY,
                  date.year);
  return g_date_get_julian (&d);
}

/**
 * bc_date_get_last_day:
 * @date: a set date
 *
 * Returns: the Julian day number of the last day that @date can mean.
 */
guint32
bc_date_get_last_day (BcDate date)
{
  GDate d;
  GDateMonth month;

  g_return_val_if_fail (bc_date_is_set (date), 0);

  month = date.month ? (GDateMonth) date.month : G_DATE_DECEMBER;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, date.day ? date.day : g_date_get_days_in_month (month, date.year),
                  month, date.year);
  return g_date_get_julian (&d);
}

/* Orders by the first day, then puts the less precise date first, so that
 * "1993" sorts before "1993-01-01". Unset dates sort first. */
int
bc_date_compare (BcDate a,
                 BcDate b)
{
  guint32 ja, jb;

  if (!bc_date_is_set (a) || !bc_date_is_set (b))
    return (int) bc_date_is_set (a) - (int) bc_date_is_set (b);

  ja = bc_date_get_first_day (a);
  jb = bc_date_get_first_day (b);
  if (ja != jb)
    return ja < jb ? -1 : 1;

  return (int) bc_date_get_precision (a) - (int) bc_date_get_precision (b);
}

gboolean
bc_date_equal (BcDate a,
               BcDate b)
{
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

BcDate
bc_date_from_julian (guint32         julian_day,
                     BcDatePrecision precision)
{
  GDate d;
  BcDate date = BC_DATE_UNSET;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian_day);

  if (precision >= BC_DATE_PRECISION_YEAR)
    date.year = g_date_get_year (&d);
  if (precision >= BC_DATE_PRECISION_MONTH)
    date.month = (guint8) g_date_get_month (&d);
  if (precision >= BC_DATE_PRECISION_DAY)
    date.day = g_date_get_day (&d);

  return date;
}

/* Date arithmetic, for moving events in time */

static BcDate
add_months (BcDate date,
            int    months)
{
  int m = date.year * 12 + (MAX (date.month, 1) - 1) + months;
  BcDate moved = date;

  moved.year = (guint16) (m / 12);
  if (date.month != 0)
    moved.month = (guint8) (m % 12 + 1);
  if (date.day != 0)
    moved.day = (guint8) MIN (date.day, g_date_get_days_in_month (moved.month, moved.year));
  return moved;
}

static gboolean
in_range (BcDate date)
{
  return !bc_date_is_set (date) || (date.year >= 1000 && date.year <= 9999);
}

/**
 * bc_date_add:
 * @date: a date
 * @steps: how many days, months or years, as @date is known, to move
 * @moved: (out): @date moved by @steps of its own precision
 *
 * A day-precise date moves by days, a month by months, a year by years;
 * a day past the end of a shorter month becomes its last day.
 *
 * Returns: %FALSE when the result would leave the years 1000 to 9999 or
 *   @date is not set
 */
gboolean
bc_date_add (BcDate  date,
             int     steps,
             BcDate *moved)
{
  gint64 day;

  switch (bc_date_get_precision (date))
    {
    case BC_DATE_PRECISION_DAY:
      day = (gint64) bc_date_get_first_day (date) + steps;
      if (day < bc_date_get_first_day ((BcDate) { 1000, 1, 1 }) ||
          day > bc_date_get_last_day ((BcDate) { 9999, 12, 31 }))
        return FALSE;
      *moved = bc_date_from_julian ((guint32) day, BC_DATE_PRECISION_DAY);
      return TRUE;
    case BC_DATE_PRECISION_MONTH:
      if ((gint64) date.year * 12 + date.month - 1 + steps < 1000 * 12 ||
          (gint64) date.year * 12 + date.month - 1 + steps > 9999 * 12 + 11)
        return FALSE;
      *moved = add_months (date, steps);
      return TRUE;
    case BC_DATE_PRECISION_YEAR:
      if ((gint64) date.year + steps < 1000 || (gint64) date.year + steps > 9999)
        return FALSE;
      *moved = date;
      moved->year = (guint16) (date.year + steps);
      return TRUE;
    case BC_DATE_PRECISION_NONE:
    default:
      return FALSE;
    }
}

/**
 * bc_date_snap:
 * @date: a date
 * @days: how far to move it, in days
 *
 * @date moved by @days, then rounded to its own precision: a date known
 * to the month moves month by month, and lands in the month where its
 * middle falls. Clamped to the years 1000 to 9999.
 */
BcDate
bc_date_snap (BcDate date,
              double days)
{
  static const BcDate first = { 1000, 1, 1 }, last = { 9999, 12, 31 };
  double middle = (bc_date_get_first_day (date) + bc_date_get_last_day (date) + 1) / 2.0;
  double day = floor (middle + days);

  day = CLAMP (day, bc_date_get_first_day (first), bc_date_get_last_day (last));
  return bc_date_from_julian ((guint32) day, bc_date_get_precision (date));
}

/**
 * bc_date_shift_end:
 * @old: where a range started
 * @moved: where it starts now
 * @end: where it ended, or unset
 * @shifted: (out): the same span from @moved: as many days later or
 *   earlier, or whole months or years when @old is known to the month or
 *   year; unset when @end is
 *
 * Returns: %FALSE when the end would leave the years 1000 to 9999
 */
gboolean
bc_date_shift_end (BcDate  old,
                   BcDate  moved,
                   BcDate  end,
                   BcDate *shifted)
{
  int days = (int) bc_date_get_first_day (moved) - (int) bc_date_get_first_day (old);
  int months;

  *shifted = BC_DATE_UNSET;
  if (!bc_date_is_set (end))
    return TRUE;

  if (bc_date_get_precision (old) == BC_DATE_PRECISION_DAY)
    {
      gint64 day = (gint64) bc_date_get_first_day (end) + days;

      if (day < bc_date_get_first_day ((BcDate) { 1000, 1, 1 }) ||
          day > bc_date_get_last_day ((BcDate) { 9999, 12, 31 }))
        return FALSE;
      *shifted = bc_date_from_julian ((guint32) day, bc_date_get_precision (end));
      return TRUE;
    }

  months = (moved.year * 12 + MAX (moved.month, 1)) - (old.year * 12 + MAX (old.month, 1));
  if (bc_date_get_precision (end) == BC_DATE_PRECISION_YEAR)
    {
      *shifted = end;
      shifted->year = (guint16) (end.year + (months >= 0 ? months + 6 : months - 6) / 12);
    }
  else
    *shifted = add_months (end, months);
  return in_range (*shifted);
}
