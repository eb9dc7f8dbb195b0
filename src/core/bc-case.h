/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-actor.h"
#include "bc-annotation.h"
#include "bc-event.h"
#include "bc-link.h"
#include "bc-source.h"
#include "bc-story-step.h"
#include "bc-transfer.h"

G_BEGIN_DECLS

#define BC_CASE_ERROR (bc_case_error_quark ())

typedef enum
{
  BC_CASE_ERROR_INVALID,
  BC_CASE_ERROR_NEWER_VERSION,
  BC_CASE_ERROR_TOO_LARGE,
  BC_CASE_ERROR_DUPLICATE_ID,
  BC_CASE_ERROR_NOT_FOUND,
} BcCaseError;

/**
 * BcChangeKind:
 * @BC_CHANGE_FIELD: a field of an object changed; the detail is its
 *   property
 * @BC_CHANGE_ADDED: an object came into a section; the detail is the
 *   section ("events", "annotations"…)
 * @BC_CHANGE_REMOVED: an object left a section
 *
 * What #BcCase::changed says changed.
 */
typedef enum
{
  BC_CHANGE_FIELD,
  BC_CHANGE_ADDED,
  BC_CHANGE_REMOVED,
} BcChangeKind;

/* A bit per track, for queries that take a set of tracks. */
#define BC_TRACK_BIT(track) (1u << (track))
#define BC_ALL_TRACKS       ((1u << BC_N_TRACKS) - 1)

typedef struct _BcHistory BcHistory;

#define BC_TYPE_CASE (bc_case_get_type ())
G_DECLARE_FINAL_TYPE (BcCase, bc_case, BC, CASE, GObject)

GQuark              bc_case_error_quark            (void);

BcCase             *bc_case_new                    (const char  *id,
                                                    const char  *title);

const char         *bc_case_get_id                 (BcCase      *self);
const char         *bc_case_get_language           (BcCase      *self);
const char         *bc_case_get_title              (BcCase      *self);
const char         *bc_case_get_summary            (BcCase      *self);
BcDate              bc_case_get_period_start       (BcCase      *self);
BcDate              bc_case_get_period_end         (BcCase      *self);
const char         *bc_case_get_region             (BcCase      *self);
const char * const *bc_case_get_authors            (BcCase      *self);
const char         *bc_case_get_license            (BcCase      *self);

GListModel         *bc_case_get_actors             (BcCase      *self);
GListModel         *bc_case_get_events             (BcCase      *self);
GListModel         *bc_case_get_links              (BcCase      *self);
GListModel         *bc_case_get_transfers          (BcCase      *self);
GListModel         *bc_case_get_sources            (BcCase      *self);
GListModel         *bc_case_get_annotations        (BcCase      *self);
const char         *bc_case_get_story_title        (BcCase      *self);
GListModel         *bc_case_get_story              (BcCase      *self);
gboolean            bc_case_has_story              (BcCase      *self);

BcHistory          *bc_case_get_history            (BcCase      *self);

BcItem             *bc_case_lookup                 (BcCase      *self,
                                                    const char  *id);
BcActor            *bc_case_lookup_actor           (BcCase      *self,
                                                    const char  *id);
BcEvent            *bc_case_lookup_event           (BcCase      *self,
                                                    const char  *id);
BcTransfer         *bc_case_lookup_transfer        (BcCase      *self,
                                                    const char  *id);
BcSource           *bc_case_lookup_source          (BcCase      *self,
                                                    const char  *id);

GPtrArray          *bc_case_find_events            (BcCase      *self,
                                                    guint        tracks,
                                                    guint32      first_day,
                                                    guint32      last_day);
GPtrArray          *bc_case_find_transfers         (BcCase      *self,
                                                    BcMechanism  mechanism);
GPtrArray          *bc_case_find_annotations_about (BcCase      *self,
                                                    const char  *id);
BcDirection         bc_case_get_transfer_direction (BcCase      *self,
                                                    BcTransfer  *transfer);
gboolean            bc_case_get_time_span          (BcCase      *self,
                                                    guint32     *first_day,
                                                    guint32     *last_day);

char               *bc_case_get_target_path        (BcCase      *self,
                                                    GObject     *object);
GObject            *bc_case_resolve_target         (BcCase      *self,
                                                    const char  *target);

G_END_DECLS
