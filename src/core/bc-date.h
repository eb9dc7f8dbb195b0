/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BC_TYPE_DATE (bc_date_get_type ())

typedef enum
{
  BC_DATE_PRECISION_NONE,
  BC_DATE_PRECISION_YEAR,
  BC_DATE_PRECISION_MONTH,
  BC_DATE_PRECISION_DAY,
} BcDatePrecision;

/**
 * BcDate:
 * @year: 1000 to 9999, or 0 when the date is not set
 * @month: 1 to 12, or 0 for a date known only to the year
 * @day: 1 to 31, or 0 for a date known only to the month
 *
 * A calendar date of year, month or day precision, as case files write
 * them. Passed by value.
 */
typedef struct
{
  guint16 year;
  guint8  month;
  guint8  day;
} BcDate;

#define BC_DATE_UNSET ((BcDate) { 0, 0, 0 })

typedef enum
{
  BC_DATE_ERROR_SYNTAX,
  BC_DATE_ERROR_RANGE,
  BC_DATE_ERROR_NO_SUCH_DAY,
} BcDateError;

#define BC_DATE_ERROR (bc_date_error_quark ())

GType           bc_date_get_type       (void) G_GNUC_CONST;
GQuark          bc_date_error_quark    (void);

BcDate         *bc_date_copy           (const BcDate *date);
void            bc_date_free           (BcDate       *date);

gboolean        bc_date_parse          (const char   *text,
                                        BcDate       *date,
                                        GError      **error);
char           *bc_date_to_string      (BcDate        date);
gboolean        bc_date_is_set         (BcDate        date);
BcDatePrecision bc_date_get_precision  (BcDate        date);
guint32         bc_date_get_first_day  (BcDate        date);
guint32         bc_date_get_last_day   (BcDate        date);
int             bc_date_compare        (BcDate        a,
                                        BcDate        b);
gboolean        bc_date_equal          (BcDate        a,
                                        BcDate        b);
BcDate          bc_date_from_julian    (guint32       julian_day,
                                        BcDatePrecision precision);
gboolean        bc_date_add            (BcDate        date,
                                        int           steps,
                                        BcDate       *moved);
BcDate          bc_date_snap           (BcDate        date,
                                        double        days);
gboolean        bc_date_shift_end      (BcDate        old,
                                        BcDate        moved,
                                        BcDate        end,
                                        BcDate       *shifted);

G_END_DECLS
