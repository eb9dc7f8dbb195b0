/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-exchange.h"

G_BEGIN_DECLS

/* Writing helpers shared by the formats' files. */

void      _bc_csv_append_field     (GString            *out,
                                    const char         *text);
void      _bc_csv_end_row          (GString            *out);
void      _bc_json_append_string   (GString            *out,
                                    const char         *text);
void      _bc_xml_append_escaped   (GString            *out,
                                    const char         *text);
void      _bc_html_append_escaped  (GString            *out,
                                    const char         *text);
char     *_bc_date_first_iso       (BcDate              date);
char     *_bc_date_last_iso        (BcDate              date);
void      _bc_event_span           (BcEvent            *event,
                                    guint32            *first,
                                    guint32            *last);
char     *_bc_julian_iso           (guint32             day);
char     *_bc_list_join            (GPtrArray          *items);
void      _bc_list_append_item     (GString            *out,
                                    const char * const *fields,
                                    guint               n_fields);
GPtrArray *_bc_list_split          (const char         *text,
                                    guint               n_fields);
char     *_bc_source_refs_to_list  (GPtrArray          *refs);
char     *_bc_strv_to_list         (const char * const *strv);
char     *_bc_positions_to_list    (GPtrArray          *positions);
char     *_bc_slug                 (const char         *text,
                                    gsize               max_len);

/* The case as a network, the same for every graph format: events and
 * actors are nodes; transfers, links, participation and membership are
 * directed edges. */
typedef struct
{
  char       *id;
  const char *source;
  const char *target;
  const char *kind;       /* transfer, link, participant, member-of */
  const char *relation;   /* the mechanism or the link type */
  const char *label;
  BcTransfer *transfer;   /* for a transfer */
  guint32     first;      /* its span, or 0 */
  guint32     last;
} BcGraphEdge;

GPtrArray *_bc_graph_edges         (BcCase             *case_);
gboolean   _bc_actor_span          (BcCase             *case_,
                                    BcPosition         *position,
                                    guint32            *first,
                                    guint32            *last);

/* A streaming RFC 4180 reader, for the importers: fields are returned one
 * row at a time, never the whole file. */

typedef struct _BcCsvReader BcCsvReader;

/* Limits that keep an untrusted file from taking all memory. */
#define BC_CSV_MAX_FIELD   (256 * 1024)
#define BC_CSV_MAX_ROW     (4 * 1024 * 1024)
#define BC_CSV_MAX_COLUMNS 1024

BcCsvReader *_bc_csv_reader_new       (GInputStream  *stream,
                                       const char    *display_name);
void         _bc_csv_reader_free      (BcCsvReader   *reader);
gboolean     _bc_csv_reader_next      (BcCsvReader   *reader,
                                       GPtrArray    **fields,
                                       GCancellable  *cancellable,
                                       GError       **error);
guint        _bc_csv_reader_get_line  (BcCsvReader   *reader);
guint64      _bc_csv_reader_get_offset (BcCsvReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcCsvReader, _bc_csv_reader_free)

gboolean     _bc_date_parse_loose     (const char    *text,
                                       int            order,
                                       BcDate        *date,
                                       gboolean      *ambiguous,
                                       GError       **error);

G_END_DECLS
