/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-set-command"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-case-private.h"
#include "bc-rules.h"
#include "bc-set-command.h"

/* BcSetCommand: one property of one object. */
struct _BcSetCommand
{
  BcCommand  parent_instance;

  char      *target;
  char      *property;
  GValue     new_value;
  GValue     old_value;
};

G_DEFINE_FINAL_TYPE (BcSetCommand, bc_set_command, BC_TYPE_COMMAND)

static GObject *
set_command_find (BcSetCommand  *self,
                  BcCase        *target,
                  GParamSpec   **pspec,
                  GError       **error)
{
  GObject *object = bc_case_resolve_target (target, self->target);

  if (object == NULL)
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the case"), self->target);
      return NULL;
    }

  *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), self->property);
  if (*pspec == NULL || !G_VALUE_HOLDS (&self->new_value, (*pspec)->value_type))
    {
      g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_INVALID,
                   _("“%s” has no field “%s” of that kind"), self->target, self->property);
      return NULL;
    }

  return object;
}

static gboolean
bc_set_command_apply (BcCommand  *command,
                      BcCase     *target,
                      GError    **error)
{
  BcSetCommand *self = BC_SET_COMMAND (command);
  GParamSpec *pspec;
  GObject *object = set_command_find (self, target, &pspec, error);

  if (object == NULL)
    return FALSE;

  /* Nothing the reader would refuse. */
  if (!bc_rules_check_value (target, object, self->property, &self->new_value, error))
    return FALSE;

  g_value_unset (&self->old_value);
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (object, self->property, &self->old_value);
  g_object_set_property (object, self->property, &self->new_value);

  /* Once applied, the target is wherever the object now is. */
  if (BC_IS_ITEM (object) && g_strcmp0 (self->property, "id") == 0)
    {
      g_free (self->target);
      self->target = g_value_dup_string (&self->new_value);
    }

  return TRUE;
}

static void
bc_set_command_revert (BcCommand *command,
                       BcCase    *target)
{
  BcSetCommand *self = BC_SET_COMMAND (command);
  GObject *object = bc_case_resolve_target (target, self->target);

  g_return_if_fail (object != NULL);

  g_object_set_property (object, self->property, &self->old_value);

  if (BC_IS_ITEM (object) && g_strcmp0 (self->property, "id") == 0)
    {
      g_free (self->target);
      self->target = g_value_dup_string (&self->old_value);
    }
}

static void
bc_set_command_finalize (GObject *object)
{
  BcSetCommand *self = BC_SET_COMMAND (object);

  g_free (self->target);
  g_free (self->property);
  g_value_unset (&self->new_value);
  g_value_unset (&self->old_value);

  G_OBJECT_CLASS (bc_set_command_parent_class)->finalize (object);
}

static void
bc_set_command_class_init (BcSetCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_set_command_finalize;
  BC_COMMAND_CLASS (klass)->apply = bc_set_command_apply;
  BC_COMMAND_CLASS (klass)->revert = bc_set_command_revert;
}

static void
bc_set_command_init (BcSetCommand *self)
{
}

/**
 * bc_set_command_new:
 * @target: a path from bc_case_get_target_path()
 * @property: the name of a property of the object @target names
 * @value: the new value
 *
 * Returns: (transfer full): a command that sets the property; the old
 *   value is taken when it is applied
 */
BcCommand *
bc_set_command_new (const char   *target,
                    const char   *property,
                    const GValue *value)
{
  BcSetCommand *self;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  self = g_object_new (BC_TYPE_SET_COMMAND, NULL);
  self->target = g_strdup (target);
  self->property = g_strdup (property);
  g_value_init (&self->new_value, G_VALUE_TYPE (value));
  g_value_copy (value, &self->new_value);

  return BC_COMMAND (self);
}
