/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-command-group.h"
#include "bc-insert-command.h"
#include "bc-remove-command.h"
#include "bc-set-command.h"

G_BEGIN_DECLS

#define BC_TYPE_HISTORY (bc_history_get_type ())
G_DECLARE_FINAL_TYPE (BcHistory, bc_history, BC, HISTORY, GObject)

BcHistory  *bc_history_new            (BcCase      *target);
gboolean    bc_history_perform        (BcHistory   *self,
                                       BcCommand   *command,
                                       GError     **error);
gboolean    bc_history_set            (BcHistory   *self,
                                       GObject     *object,
                                       const char  *property,
                                       const GValue *value,
                                       GError     **error);
void        bc_history_begin_group    (BcHistory   *self,
                                       const char  *label);
void        bc_history_end_group      (BcHistory   *self);
void        bc_history_cancel_group   (BcHistory   *self);
gboolean    bc_history_can_undo       (BcHistory   *self);
gboolean    bc_history_can_redo       (BcHistory   *self);
gboolean    bc_history_undo           (BcHistory   *self);
gboolean    bc_history_redo           (BcHistory   *self);
const char *bc_history_get_undo_label (BcHistory   *self);
const char *bc_history_get_redo_label (BcHistory   *self);
void        bc_history_mark_saved     (BcHistory   *self);
gboolean    bc_history_get_modified   (BcHistory   *self);
void        bc_history_clear          (BcHistory   *self);

G_END_DECLS
