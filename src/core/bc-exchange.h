/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-case.h"

G_BEGIN_DECLS

/* The formats analysts already use, out of a case and into one. Each
 * writer is deterministic: the same case gives the same bytes. Readers
 * of files from elsewhere stream them, bound their memory and report
 * every problem as FILE:ROW: column NAME: what is wrong. */

#define BC_EXCHANGE_ERROR (bc_exchange_error_quark ())

typedef enum
{
  BC_EXCHANGE_ERROR_FORMAT,    /* not the format it claims to be */
  BC_EXCHANGE_ERROR_TOO_LARGE, /* a field, a row or the file is over a limit */
  BC_EXCHANGE_ERROR_INVALID,   /* rows with problems, and none may be skipped */
  BC_EXCHANGE_ERROR_NOT_FOUND, /* the peace process, the table… */
} BcExchangeError;

typedef enum
{
  BC_EXCHANGE_CSV,        /* one table, RFC 4180 */
  BC_EXCHANGE_GEPHI_CSV,  /* Gephi's nodes or edges spreadsheet */
  BC_EXCHANGE_GEXF,       /* GEXF 1.2, dynamic */
  BC_EXCHANGE_GRAPHML,
  BC_EXCHANGE_CSL_JSON,
  BC_EXCHANGE_BIBTEX,
  BC_EXCHANGE_TIMELINEJS,
  BC_EXCHANGE_KUMU,
} BcExchangeFormat;

/* The tables of the CSV layouts: the case's six sections, then Gephi's
 * two. */
typedef enum
{
  BC_TABLE_EVENTS,
  BC_TABLE_ACTORS,
  BC_TABLE_TRANSFERS,
  BC_TABLE_SOURCES,
  BC_TABLE_LINKS,
  BC_TABLE_ANNOTATIONS,
  BC_TABLE_NODES,
  BC_TABLE_EDGES,
} BcTable;

#define BC_N_CASE_TABLES 6

GQuark       bc_exchange_error_quark          (void);

gboolean     bc_exchange_format_from_name     (const char        *name,
                                               BcExchangeFormat  *format);
const char  *bc_exchange_format_get_name      (BcExchangeFormat   format);
gboolean     bc_exchange_format_has_tables    (BcExchangeFormat   format);
gboolean     bc_table_from_name               (const char        *name,
                                               BcTable           *table);
const char  *bc_table_get_name                (BcTable            table);

GBytes      *bc_exchange_write                (BcCase            *case_,
                                               BcExchangeFormat   format,
                                               BcTable            table);
gboolean     bc_exchange_write_file           (BcCase            *case_,
                                               BcExchangeFormat   format,
                                               BcTable            table,
                                               GFile             *file,
                                               GCancellable      *cancellable,
                                               GError           **error);
gboolean     bc_exchange_write_folder         (BcCase            *case_,
                                               BcExchangeFormat   format,
                                               GFile             *folder,
                                               GCancellable      *cancellable,
                                               GError           **error);

/* The writers, one per file. */
GBytes      *bc_csv_write_table               (BcCase            *case_,
                                               BcTable            table);
GBytes      *bc_gexf_write                    (BcCase            *case_);
GBytes      *bc_graphml_write                 (BcCase            *case_);
GBytes      *bc_csl_json_write                (BcCase            *case_);
GBytes      *bc_bibtex_write                  (BcCase            *case_);
GBytes      *bc_timelinejs_write              (BcCase            *case_);
GBytes      *bc_kumu_write                    (BcCase            *case_);

/**
 * BcCitationParts:
 *
 * What bc_citation_parse() could tell from a free-text citation; every
 * field may be %NULL. @authors and @editors are "Family, Given" or, for
 * an institution, the name as written.
 */
typedef struct
{
  GStrv  authors;
  GStrv  editors;
  char  *title;
  char  *container;
  char  *publisher;
  char  *place;
  BcDate issued;
  char  *volume;
  char  *issue;
  char  *pages;
} BcCitationParts;

void         bc_citation_parts_clear          (BcCitationParts   *parts);
void         bc_citation_parse                (const char        *citation,
                                               BcSourceType       type,
                                               BcCitationParts   *parts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BcCitationParts, bc_citation_parts_clear)

/**
 * BcPaxResult:
 * @added: events added
 * @updated: events already in the case, updated from the file
 * @links: links added from OthAgr
 * @problems: (element-type utf8) (nullable): with skip_invalid, the
 *   agreements left out, each FILE:ROW: column NAME: what is wrong
 */
typedef struct
{
  guint      added;
  guint      updated;
  guint      links;
  GPtrArray *problems;
} BcPaxResult;

/**
 * BcPaxProcess:
 * @number: its PP
 * @name: its PPName
 * @n_agreements: how many rows of the file are its agreements
 */
typedef struct
{
  char  *number;
  char  *name;
  guint  n_agreements;
} BcPaxProcess;

#define BC_PAX_MAX_PROCESSES 5000

gboolean     bc_pax_import                    (BcCase            *case_,
                                               GInputStream      *stream,
                                               const char        *display_name,
                                               const char        *process,
                                               gboolean           skip_invalid,
                                               BcPaxResult       *result,
                                               GCancellable      *cancellable,
                                               GError           **error);

void         bc_pax_result_clear              (BcPaxResult       *result);
GPtrArray   *bc_pax_list_processes            (GInputStream      *stream,
                                               const char        *display_name,
                                               GCancellable      *cancellable,
                                               GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BcPaxResult, bc_pax_result_clear)

G_END_DECLS
