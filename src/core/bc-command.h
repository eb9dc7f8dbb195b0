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

#define BC_TYPE_SET_COMMAND (bc_set_command_get_type ())
G_DECLARE_FINAL_TYPE (BcSetCommand, bc_set_command, BC, SET_COMMAND, BcCommand)

BcCommand  *bc_set_command_new   (const char   *target,
                                  const char   *property,
                                  const GValue *value);

#define BC_TYPE_INSERT_COMMAND (bc_insert_command_get_type ())
G_DECLARE_FINAL_TYPE (BcInsertCommand, bc_insert_command, BC, INSERT_COMMAND, BcCommand)

BcCommand  *bc_insert_command_new (const char *section,
                                   const char *owner_id,
                                   int         position,
                                   GObject    *object);

#define BC_TYPE_REMOVE_COMMAND (bc_remove_command_get_type ())
G_DECLARE_FINAL_TYPE (BcRemoveCommand, bc_remove_command, BC, REMOVE_COMMAND, BcCommand)

BcCommand  *bc_remove_command_new (const char *section,
                                   const char *owner_id,
                                   guint       position);
BcCommand  *bc_remove_command_new_for (BcCase  *target,
                                       GObject *object);

#define BC_TYPE_COMMAND_GROUP (bc_command_group_get_type ())
G_DECLARE_FINAL_TYPE (BcCommandGroup, bc_command_group, BC, COMMAND_GROUP, BcCommand)

BcCommandGroup *bc_command_group_new        (const char     *label);
void            bc_command_group_add        (BcCommandGroup *self,
                                             BcCommand      *command);
guint           bc_command_group_get_length (BcCommandGroup *self);

G_END_DECLS
