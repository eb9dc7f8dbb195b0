/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"

G_BEGIN_DECLS

/* The domain edits of a case, each one step of its history with a
 * translated label ("Move Event", "Delete Actor"), built from commands.
 * Each fails with a GError and changes nothing when the case could not
 * hold the result. The window, the canvas, the inspector and the outline
 * edit a case through these and nothing else. */

char         *bc_edit_fresh_id          (BcCase            *case_,
                                         const char        *prefix);

gboolean      bc_edit_insert            (BcCase            *case_,
                                         GObject           *object,
                                         GError           **error);
BcEvent      *bc_edit_add_event         (BcCase            *case_,
                                         BcTrack            track,
                                         BcDate             date,
                                         GError           **error);
BcActor      *bc_edit_add_actor         (BcCase            *case_,
                                         BcTrack            track,
                                         GError           **error);
BcSource     *bc_edit_add_source        (BcCase            *case_,
                                         BcSourceType       type,
                                         const char        *citation,
                                         GError           **error);
BcTransfer   *bc_edit_add_transfer      (BcCase            *case_,
                                         const char        *from,
                                         const char        *to,
                                         BcMechanism        mechanism,
                                         BcTransferStatus   status,
                                         const char * const *carriers,
                                         GError           **error);
BcLink       *bc_edit_add_link          (BcCase            *case_,
                                         const char        *from,
                                         const char        *to,
                                         BcLinkType         type,
                                         GError           **error);
BcAnnotation *bc_edit_add_annotation    (BcCase            *case_,
                                         GObject           *about,
                                         const char        *author,
                                         const char        *text,
                                         GError           **error);
gboolean      bc_edit_cite              (BcCase            *case_,
                                         GObject           *object,
                                         const char        *source,
                                         const char        *pages,
                                         GError           **error);

BcSource     *bc_edit_cite_new_source   (BcCase            *case_,
                                         GObject           *object,
                                         BcSourceType       type,
                                         const char        *citation,
                                         GError           **error);
gboolean      bc_edit_set               (BcCase            *case_,
                                         GObject           *object,
                                         const char        *property,
                                         const GValue      *value,
                                         GError           **error);
gboolean      bc_edit_move_event        (BcCase            *case_,
                                         BcEvent           *event,
                                         BcDate             date,
                                         GError           **error);
gboolean      bc_edit_nudge_event       (BcCase            *case_,
                                         BcEvent           *event,
                                         int                steps,
                                         GError           **error);
gboolean      bc_edit_delete            (BcCase            *case_,
                                         GObject           *object,
                                         GError           **error);

BcStoryStep  *bc_edit_add_step          (BcCase            *case_,
                                         int                position,
                                         BcDate             known_on,
                                         const char * const *focus,
                                         const char        *caption,
                                         GError           **error);
gboolean      bc_edit_remove_step       (BcCase            *case_,
                                         BcStoryStep       *step,
                                         GError           **error);
gboolean      bc_edit_move_step         (BcCase            *case_,
                                         BcStoryStep       *step,
                                         guint              position,
                                         GError           **error);

const char   *bc_edit_kind_label        (GObject           *object);

G_END_DECLS
