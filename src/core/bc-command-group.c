/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-command-group"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-case-private.h"
#include "bc-command-group.h"

/* BcCommandGroup: several commands that undo as one. */
struct _BcCommandGroup
{
  BcCommand  parent_instance;

  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (BcCommandGroup, bc_command_group, BC_TYPE_COMMAND)

static gboolean
bc_command_group_apply (BcCommand  *command,
                        BcCase     *target,
                        GError    **error)
{
  BcCommandGroup *self = BC_COMMAND_GROUP (command);

  for (guint i = 0; i < self->commands->len; i++)
    if (!bc_command_apply (g_ptr_array_index (self->commands, i), target, error))
      {
        /* All or nothing: undo the part that went through. */
        while (i-- > 0)
          bc_command_revert (g_ptr_array_index (self->commands, i), target);
        return FALSE;
      }

  return TRUE;
}

static void
bc_command_group_revert (BcCommand *command,
                         BcCase    *target)
{
  BcCommandGroup *self = BC_COMMAND_GROUP (command);

  for (guint i = self->commands->len; i > 0; i--)
    bc_command_revert (g_ptr_array_index (self->commands, i - 1), target);
}

static void
bc_command_group_finalize (GObject *object)
{
  BcCommandGroup *self = BC_COMMAND_GROUP (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_command_group_parent_class)->finalize (object);
}

static void
bc_command_group_class_init (BcCommandGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_command_group_finalize;
  BC_COMMAND_CLASS (klass)->apply = bc_command_group_apply;
  BC_COMMAND_CLASS (klass)->revert = bc_command_group_revert;
}

static void
bc_command_group_init (BcCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

BcCommandGroup *
bc_command_group_new (const char *label)
{
  BcCommandGroup *self = g_object_new (BC_TYPE_COMMAND_GROUP, NULL);

  bc_command_set_label (BC_COMMAND (self), label);
  return self;
}

/* Adds an already applied command to the group. */
void
bc_command_group_add (BcCommandGroup *self,
                      BcCommand      *command)
{
  g_return_if_fail (BC_IS_COMMAND_GROUP (self));
  g_return_if_fail (BC_IS_COMMAND (command));

  g_ptr_array_add (self->commands, g_object_ref (command));
}

guint
bc_command_group_get_length (BcCommandGroup *self)
{
  g_return_val_if_fail (BC_IS_COMMAND_GROUP (self), 0);
  return self->commands->len;
}
