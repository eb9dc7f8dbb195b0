/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"

G_BEGIN_DECLS

/* The rules of the case format (../shared/case-format.md), one
 * implementation each. The reader, every command and every field of the
 * editor check a value with these functions; each fails with a
 * BC_CASE_ERROR whose message an analyst understands, without a place:
 * the caller knows the file, line and column, or the field. */

/* Which pair of dates a range check is about, for its message. */
typedef enum
{
  BC_RANGE_EVENT,     /* date … end */
  BC_RANGE_PERIOD,    /* start … end */
  BC_RANGE_POSITION,  /* from … to */
} BcRangeKind;

gboolean bc_rules_check_id          (const char   *id,
                                     GError      **error);
gboolean bc_rules_check_id_free     (BcCase       *case_,
                                     gpointer      owner,
                                     const char   *id,
                                     GError      **error);
gboolean bc_rules_check_required    (const char   *text,
                                     GError      **error);
gboolean bc_rules_check_range       (BcRangeKind   kind,
                                     BcDate        start,
                                     BcDate        end,
                                     GError      **error);
gboolean bc_rules_check_url         (const char   *url,
                                     GError      **error);
gboolean bc_rules_check_created     (const char   *created,
                                     GError      **error);
gboolean bc_rules_check_pages       (const char   *pages,
                                     GError      **error);
gboolean bc_rules_check_language    (const char   *language,
                                     GError      **error);
gboolean bc_rules_check_license     (const char   *license,
                                     GError      **error);
gboolean bc_rules_check_crossing    (const char   *transfer_id,
                                     BcTrack       from_track,
                                     BcTrack       to_track,
                                     GError      **error);
gboolean bc_rules_check_transfer_ends (BcCase     *case_,
                                     const char   *transfer_id,
                                     const char   *from,
                                     const char   *to,
                                     GError      **error);
gboolean bc_rules_check_link_ends   (BcCase       *case_,
                                     const char   *from,
                                     const char   *to,
                                     GError      **error);
gboolean bc_rules_check_reference   (BcCase       *case_,
                                     const char   *id,
                                     GType         kind,
                                     GError      **error);

gboolean bc_rules_check_known_on    (BcDate        date,
                                     GError      **error);
gboolean bc_rules_check_focus_item  (BcCase       *case_,
                                     const char   *id,
                                     GError      **error);

gboolean bc_rules_check_value       (BcCase       *case_,
                                     GObject      *object,
                                     const char   *property,
                                     const GValue *value,
                                     GError      **error);
gboolean bc_rules_check_object      (BcCase       *case_,
                                     GObject      *object,
                                     GError      **error);
gboolean bc_rules_check_removable   (BcCase       *case_,
                                     GObject      *object,
                                     GError      **error);

G_END_DECLS
