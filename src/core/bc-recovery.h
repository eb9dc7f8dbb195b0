/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_RECOVERY_ENTRY (bc_recovery_entry_get_type ())
G_DECLARE_FINAL_TYPE (BcRecoveryEntry, bc_recovery_entry, BC, RECOVERY_ENTRY, GObject)

GFile           *bc_recovery_get_dir                (void);
char            *bc_recovery_new_id                 (void);
gboolean         bc_recovery_save                   (const char       *id,
                                                     BcCase           *case_,
                                                     GFile            *original,
                                                     const char       *original_etag,
                                                     GError          **error);
gboolean         bc_recovery_discard_id             (const char       *id,
                                                     GError          **error);
GPtrArray       *bc_recovery_list                   (gboolean          orphaned_only);
BcRecoveryEntry *bc_recovery_lookup                 (const char       *id);

const char      *bc_recovery_entry_get_id           (BcRecoveryEntry  *self);
GFile           *bc_recovery_entry_get_file         (BcRecoveryEntry  *self);
GFile           *bc_recovery_entry_get_original     (BcRecoveryEntry  *self);
const char      *bc_recovery_entry_get_original_etag (BcRecoveryEntry *self);
const char      *bc_recovery_entry_get_title        (BcRecoveryEntry  *self);
GDateTime       *bc_recovery_entry_get_saved        (BcRecoveryEntry  *self);
GPid             bc_recovery_entry_get_pid          (BcRecoveryEntry  *self);
gboolean         bc_recovery_entry_is_orphaned      (BcRecoveryEntry  *self);
gboolean         bc_recovery_entry_original_changed (BcRecoveryEntry  *self);
BcCase          *bc_recovery_entry_load             (BcRecoveryEntry  *self,
                                                     GError          **error);
gboolean         bc_recovery_entry_discard          (BcRecoveryEntry  *self,
                                                     GError          **error);

G_END_DECLS
