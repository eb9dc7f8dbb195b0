/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-case.h"
#include "bc-recovery.h"

G_BEGIN_DECLS

#define BC_TYPE_DOCUMENT (bc_document_get_type ())
G_DECLARE_FINAL_TYPE (BcDocument, bc_document, BC, DOCUMENT, GObject)

/* Called in the loading thread with the case just read, before the
 * document has it: work that may be done off the main thread. */
typedef void (*BcDocumentPrepareFunc) (BcCase   *kase,
                                       gpointer  user_data);

BcDocument *bc_document_new                (void);

void        bc_document_load_async         (BcDocument             *self,
                                            GFile                  *file,
                                            BcDocumentPrepareFunc   prepare,
                                            gpointer                prepare_data,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
BcCase     *bc_document_load_finish        (BcDocument             *self,
                                            GAsyncResult           *result,
                                            GPtrArray             **diagnostics,
                                            GError                **error);
gboolean    bc_document_get_loading        (BcDocument             *self);
GFile      *bc_document_get_loading_file   (BcDocument             *self);
void        bc_document_wait_loaded        (BcDocument             *self);

void        bc_document_set_case           (BcDocument             *self,
                                            BcCase                 *kase,
                                            GFile                  *file,
                                            GFile                  *copy_of,
                                            gboolean                modified);
gboolean    bc_document_adopt_recovery     (BcDocument             *self,
                                            BcRecoveryEntry        *entry,
                                            GError                **error);

BcCase     *bc_document_get_case           (BcDocument             *self);
GFile      *bc_document_get_file           (BcDocument             *self);
GFile      *bc_document_get_copy_of        (BcDocument             *self);
gboolean    bc_document_get_read_only      (BcDocument             *self);
gboolean    bc_document_get_modified       (BcDocument             *self);
gboolean    bc_document_get_recovered      (BcDocument             *self);
gboolean    bc_document_get_changed_on_disk (BcDocument            *self);

gboolean    bc_document_save_to            (BcDocument             *self,
                                            GFile                  *file,
                                            GError                **error);

gboolean    bc_document_autosave           (BcDocument             *self);
gboolean    bc_document_get_autosave_pending (BcDocument           *self);
const char *bc_document_get_recovery_id    (BcDocument             *self);
void        bc_document_discard_recovery   (BcDocument             *self);


G_END_DECLS
