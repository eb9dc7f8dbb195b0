/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"

G_BEGIN_DECLS

/* Measures of complementarity: how the tracks of a case worked together.
 * Every figure keeps the ids of the items behind it, so that a view or a
 * report can show what it counts. Plain data, computed once. */

/**
 * BcCount:
 * @key: what is counted, as the file writes it ("briefing", "upward",
 *   "documented", an actor's id, "2@1993" for a track in a year)
 * @label: the same for a reader, translated
 * @count: how many
 * @items: (element-type utf8): the ids behind @count
 */
typedef struct
{
  char      *key;
  char      *label;
  guint      count;
  GPtrArray *items;
} BcCount;

/**
 * BcSpan:
 * @item: the transfer or event measured
 * @min_days: the shortest the span can be, given how precisely both
 *   dates are known
 * @max_days: the longest
 *
 * A span of time between two dates of year, month or day precision: a
 * range, exact only when both dates are days.
 */
typedef struct
{
  char *item;
  int   min_days;
  int   max_days;
} BcSpan;

/**
 * BcSpanSummary:
 * @key: a mechanism's nick, or "all"
 * @label: for a reader
 * @n: how many spans
 * @imprecise: how many of them are ranges rather than a number of days
 * @median_days: the median of the spans' midpoints
 * @min_days: the shortest any can be
 * @max_days: the longest any can be
 * @items: (element-type utf8): the ids behind it
 */
typedef struct
{
  char      *key;
  char      *label;
  guint      n;
  guint      imprecise;
  double     median_days;
  int        min_days;
  int        max_days;
  GPtrArray *items;
} BcSpanSummary;

/**
 * BcCarrier:
 * @actor: an actor's id
 * @name: the actor's name
 * @transfers: how many transfers the actor carried
 * @tracks: how many tracks those transfers touch
 * @betweenness: the actor's betweenness centrality on the graph of
 *   actors and events (participation and carrying), normalised to 0…1
 * @items: (element-type utf8): the transfers carried
 */
typedef struct
{
  char      *actor;
  char      *name;
  guint      transfers;
  guint      tracks;
  double     betweenness;
  GPtrArray *items;
} BcCarrier;

typedef struct
{
  BcCase        *kase;
  gboolean       documented_only;
  guint          n_transfers;        /* counted, after the filter */
  GPtrArray     *by_mechanism;       /* BcCount, every mechanism in order */
  GPtrArray     *by_direction;       /* BcCount: upward, downward, across */
  GPtrArray     *by_status;          /* BcCount: documented, inferred, disputed */
  GPtrArray     *uptake_lags;        /* BcSpan per upward transfer */
  GPtrArray     *uptake_summary;     /* BcSpanSummary: "all", then per mechanism used */
  GPtrArray     *carriers;           /* BcCarrier, most transfers first */
  GPtrArray     *disclosure_lags;    /* BcSpan per event or transfer disclosed later */
  BcSpanSummary *disclosure_summary;
  GPtrArray     *activity;           /* BcCount "TRACK@YEAR", by track then year */
} BcMeasures;

BcMeasures *bc_measures_new   (BcCase     *kase,
                               gboolean    documented_only);
void        bc_measures_free  (BcMeasures *self);
BcSpan      bc_span_between   (BcDate      start,
                               BcDate      end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcMeasures, bc_measures_free)

typedef enum
{
  BC_REPORT_MARKDOWN,
  BC_REPORT_CSV,
  BC_REPORT_JSON,
} BcReportFormat;

gboolean    bc_report_format_from_name (const char      *name,
                                        BcReportFormat  *format);
char       *bc_report_write            (GPtrArray       *measures,
                                        BcReportFormat   format);

G_END_DECLS
