/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-exchange.h"

G_BEGIN_DECLS

/* How to read a date such as 03/04/1993. */
typedef enum
{
  BC_DATE_ORDER_AUTO, /* from the file's other dates; ambiguous ones are problems */
  BC_DATE_ORDER_DMY,
  BC_DATE_ORDER_MDY,
} BcDateOrder;

#define BC_TYPE_IMPORT_PROBLEM (bc_import_problem_get_type ())

/**
 * BcImportProblem:
 * @file: the file, as the user named it
 * @row: the row as a spreadsheet numbers it: the header is row 1
 * @column: (nullable): the column's header
 * @message: what is wrong, for an analyst
 */
typedef struct
{
  char *file;
  guint row;
  char *column;
  char *message;
} BcImportProblem;

GType            bc_import_problem_get_type  (void) G_GNUC_CONST;
BcImportProblem *bc_import_problem_copy      (const BcImportProblem *self);
void             bc_import_problem_free      (BcImportProblem       *self);
char            *bc_import_problem_to_string (const BcImportProblem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcImportProblem, bc_import_problem_free)

#define BC_TYPE_CSV_IMPORT (bc_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (BcCsvImport, bc_csv_import, BC, CSV_IMPORT, GObject)

BcCsvImport        *bc_csv_import_new             (BcCase        *target);
void                bc_csv_import_set_table       (BcCsvImport   *self,
                                                   BcTable        table);
BcTable             bc_csv_import_get_table       (BcCsvImport   *self);
gboolean            bc_csv_import_set_mapping     (BcCsvImport   *self,
                                                   const char    *column,
                                                   const char    *field,
                                                   GError       **error);
void                bc_csv_import_set_date_order  (BcCsvImport   *self,
                                                   BcDateOrder    order);
void                bc_csv_import_set_max_rows    (BcCsvImport   *self,
                                                   guint          max_rows);
gboolean            bc_csv_import_load            (BcCsvImport   *self,
                                                   GInputStream  *stream,
                                                   const char    *display_name,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
const char * const *bc_csv_import_get_columns     (BcCsvImport   *self);
const char         *bc_csv_import_get_column_field (BcCsvImport  *self,
                                                   guint          column);
guint               bc_csv_import_get_n_rows      (BcCsvImport   *self);
guint               bc_csv_import_get_n_valid     (BcCsvImport   *self);
GObject            *bc_csv_import_get_row_object  (BcCsvImport   *self,
                                                   guint          index);
guint               bc_csv_import_get_row_number  (BcCsvImport   *self,
                                                   guint          index);
gboolean            bc_csv_import_get_row_valid   (BcCsvImport   *self,
                                                   guint          index);
void                bc_csv_import_set_target      (BcCsvImport   *self,
                                                   BcCase        *target);
GPtrArray          *bc_csv_import_get_problems    (BcCsvImport   *self);
gboolean            bc_csv_import_apply           (BcCsvImport   *self,
                                                   gboolean       only_valid,
                                                   GError       **error);

const char * const *bc_csv_import_list_fields     (BcTable        table);
BcTable             bc_csv_import_guess_table     (const char * const *columns);

gboolean            bc_date_parse_spreadsheet     (const char    *text,
                                                   BcDateOrder    order,
                                                   BcDate        *date,
                                                   GError       **error);

G_END_DECLS
