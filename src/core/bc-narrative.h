/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"
#include "bc-event.h"
#include "bc-transfer.h"

G_BEGIN_DECLS

/* The case told in words: dates as a reader says them, transfers as
 * sentences, citations with their pages. The reading view, the command
 * line and exports share these, so a case reads the same everywhere. */

char      *bc_narrative_format_date        (BcDate       date);
char      *bc_narrative_format_when        (BcDate       date,
                                            BcDate       end,
                                            BcCertainty  certainty);
char      *bc_narrative_format_citation    (BcCase      *kase,
                                            BcSourceRef *ref);
char      *bc_narrative_join_names         (const char * const *names);
char      *bc_narrative_participants       (BcCase      *kase,
                                            BcEvent     *event);
char      *bc_narrative_transfer_sentence  (BcCase      *kase,
                                            BcTransfer  *transfer);
gboolean   bc_narrative_is_contested       (BcItem      *item);
guint32    bc_narrative_transfer_day       (BcCase      *kase,
                                            BcTransfer  *transfer);

G_END_DECLS
