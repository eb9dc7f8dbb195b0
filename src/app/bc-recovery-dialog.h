/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-recovery.h"

G_BEGIN_DECLS

/* Opens @entry, the user's choice, as an unsaved case. */
typedef void (*BcRecoverFunc) (BcRecoveryEntry *entry,
                               gpointer         user_data);

GtkWidget *bc_recovery_dialog_new (GtkWindow     *parent,
                                   GPtrArray     *entries,
                                   BcRecoverFunc  recover,
                                   gpointer       user_data);

G_END_DECLS
