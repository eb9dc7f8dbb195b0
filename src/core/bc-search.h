/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"
#include "bc-item.h"

G_BEGIN_DECLS

/* What a search of the case reads and how it compares: the outline
 * filters its lists with it, the canvas marks what it finds, so the
 * two always agree on what a search matched. */

char      *bc_search_fold            (const char *text);
char      *bc_search_item_title      (BcItem     *item);
char      *bc_search_item_details    (BcItem     *item);
gboolean   bc_search_item_matches    (BcItem     *item,
                                      const char *folded);
GPtrArray *bc_search_case            (BcCase     *kase,
                                      const char *text);

G_END_DECLS
