/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-case.h"

G_BEGIN_DECLS

#define BC_TYPE_COMMAND (bc_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (BcCommand, bc_command, BC, COMMAND, GObject)

/**
 * BcCommandClass:
 * @apply: make the edit; fails without changing anything
 * @revert: undo a successful @apply
 *
 * One edit of a case. Commands name what they edit by id or by path
 * (bc_case_get_target_path()), never by pointer, so that they still
 * apply after the history has undone and redone around them.
 */
struct _BcCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (BcCommand  *self,
                      BcCase     *target,
                      GError    **error);
  void     (*revert) (BcCommand  *self,
                      BcCase     *target);
};

const char *bc_command_get_label (BcCommand  *self);
void        bc_command_set_label (BcCommand  *self,
                                  const char *label);
gboolean    bc_command_apply     (BcCommand  *self,
                                  BcCase     *target,
                                  GError    **error);
void        bc_command_revert    (BcCommand  *self,
                                  BcCase     *target);

G_END_DECLS
