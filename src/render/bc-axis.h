/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The unit a tick of the time axis marks. */
typedef enum
{
  BC_AXIS_DAYS,
  BC_AXIS_MONTHS,
  BC_AXIS_QUARTERS,
  BC_AXIS_YEARS,
} BcAxisUnit;

/**
 * BcAxisTick:
 * @day: the Julian day the tick stands at (the first day of its unit)
 * @x: where it is drawn, from the map the ticks were made with
 * @unit: the unit the tick begins: the first of January on a month axis
 *   is %BC_AXIS_YEARS
 * @major: a tick of the coarsest unit shown (a year, or a decade on a
 *   long axis): drawn longer, with a rule down the plot
 * @label: what it reads, or %NULL when there is no room for a label
 */
typedef struct
{
  guint32    day;
  double     x;
  BcAxisUnit unit;
  gboolean   major;
  char      *label;
} BcAxisTick;

/* Where a (fractional) Julian day lands along the axis. */
typedef double (*BcAxisMapFunc) (double   day,
                                 gpointer user_data);

GArray     *bc_axis_ticks         (guint32       first_day,
                                   guint32       last_day,
                                   BcAxisMapFunc map,
                                   gpointer      user_data,
                                   double        min_gap);
BcAxisUnit  bc_axis_ticks_unit    (GArray       *ticks);
char       *bc_axis_context_label (guint32       day,
                                   BcAxisUnit    unit);

G_END_DECLS
