/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-case.h"

G_BEGIN_DECLS

/* Case files larger than this, or nested deeper, are refused unread. */
#define BC_READER_MAX_SIZE   (64 * 1024 * 1024)
#define BC_READER_MAX_DEPTH  256
/* A file reports at most this many errors; past it, reading stops. */
#define BC_READER_MAX_ERRORS 100

#define BC_TYPE_DIAGNOSTIC (bc_diagnostic_get_type ())

/**
 * BcDiagnostic:
 * @file: the file, as the user named it
 * @line: 1-based line
 * @column: 1-based column, in characters
 * @message: what is wrong, for an analyst
 *
 * One error found in a case file.
 */
typedef struct
{
  char *file;
  guint line;
  guint column;
  char *message;
} BcDiagnostic;

GType         bc_diagnostic_get_type  (void) G_GNUC_CONST;
BcDiagnostic *bc_diagnostic_copy      (const BcDiagnostic *self);
void          bc_diagnostic_free      (BcDiagnostic       *self);
char         *bc_diagnostic_to_string (const BcDiagnostic *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcDiagnostic, bc_diagnostic_free)

BcCase       *bc_case_read_bytes      (GBytes      *bytes,
                                       const char  *display_name,
                                       GPtrArray  **diagnostics,
                                       GError     **error);
BcCase       *bc_case_read_file       (GFile       *file,
                                       const char  *display_name,
                                       GPtrArray  **diagnostics,
                                       GError     **error);


G_END_DECLS
