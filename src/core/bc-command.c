/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-command"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-case-private.h"
#include "bc-command.h"

typedef struct
{
  char *label;
} BcCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BcCommand, bc_command, G_TYPE_OBJECT)

static void
bc_command_finalize (GObject *object)
{
  BcCommandPrivate *priv = bc_command_get_instance_private (BC_COMMAND (object));

  g_free (priv->label);

  G_OBJECT_CLASS (bc_command_parent_class)->finalize (object);
}

static void
bc_command_class_init (BcCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_command_finalize;
}

static void
bc_command_init (BcCommand *self)
{
}

const char *
bc_command_get_label (BcCommand *self)
{
  BcCommandPrivate *priv = bc_command_get_instance_private (self);

  g_return_val_if_fail (BC_IS_COMMAND (self), NULL);
  return priv->label;
}

void
bc_command_set_label (BcCommand  *self,
                      const char *label)
{
  BcCommandPrivate *priv = bc_command_get_instance_private (self);

  g_return_if_fail (BC_IS_COMMAND (self));
  g_free (priv->label);
  priv->label = g_strdup (label);
}

gboolean
bc_command_apply (BcCommand  *self,
                  BcCase     *target,
                  GError    **error)
{
  g_return_val_if_fail (BC_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (BC_IS_CASE (target), FALSE);

  return BC_COMMAND_GET_CLASS (self)->apply (self, target, error);
}

void
bc_command_revert (BcCommand *self,
                   BcCase    *target)
{
  g_return_if_fail (BC_IS_COMMAND (self));
  g_return_if_fail (BC_IS_CASE (target));

  BC_COMMAND_GET_CLASS (self)->revert (self, target);
}
