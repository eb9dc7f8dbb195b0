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

/* BcSetCommand: one property of one object */

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

  /* Ids are the keys of the case; a second item must not take one. */
  if (BC_IS_ITEM (object) && g_strcmp0 (self->property, "id") == 0)
    {
      const char *id = g_value_get_string (&self->new_value);
      BcItem *other = bc_case_lookup (target, id);

      if (id == NULL || (other != NULL && other != BC_ITEM (object)))
        {
          g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_DUPLICATE_ID,
                       _("The id “%s” is already used in this case"), id ? id : "");
          return FALSE;
        }
    }

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

/* BcInsertCommand: add an object to a list of the case */

struct _BcInsertCommand
{
  BcCommand  parent_instance;

  char      *section;
  char      *owner_id;
  int        position;
  GObject   *object;
  guint      inserted_at;
};

G_DEFINE_FINAL_TYPE (BcInsertCommand, bc_insert_command, BC_TYPE_COMMAND)

static gboolean
bc_insert_command_apply (BcCommand  *command,
                         BcCase     *target,
                         GError    **error)
{
  BcInsertCommand *self = BC_INSERT_COMMAND (command);
  GListStore *store = _bc_case_get_store (target, self->section, self->owner_id, error);
  guint n;

  if (store == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (!_bc_case_insert (target, self->section, self->owner_id, self->position,
                        self->object, error))
    return FALSE;

  self->inserted_at = (self->position < 0 || (guint) self->position >= n) ? n : (guint) self->position;
  return TRUE;
}

static void
bc_insert_command_revert (BcCommand *command,
                          BcCase    *target)
{
  BcInsertCommand *self = BC_INSERT_COMMAND (command);
  g_autoptr(GObject) removed = NULL;

  removed = _bc_case_remove (target, self->section, self->owner_id, self->inserted_at, NULL);
  g_warn_if_fail (removed == self->object);
}

static void
bc_insert_command_finalize (GObject *object)
{
  BcInsertCommand *self = BC_INSERT_COMMAND (object);

  g_free (self->section);
  g_free (self->owner_id);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (bc_insert_command_parent_class)->finalize (object);
}

static void
bc_insert_command_class_init (BcInsertCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_insert_command_finalize;
  BC_COMMAND_CLASS (klass)->apply = bc_insert_command_apply;
  BC_COMMAND_CLASS (klass)->revert = bc_insert_command_revert;
}

static void
bc_insert_command_init (BcInsertCommand *self)
{
}

/**
 * bc_insert_command_new:
 * @section: "actors", "events", "links", "transfers", "sources" or
 *   "annotations"
 * @owner_id: (nullable): a transfer id, to annotate that transfer
 * @position: where to insert, or -1 to append
 * @object: the new actor, event, link, transfer, source or annotation
 *
 * Returns: (transfer full): a command that inserts @object
 */
BcCommand *
bc_insert_command_new (const char *section,
                       const char *owner_id,
                       int         position,
                       GObject    *object)
{
  BcInsertCommand *self;

  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  self = g_object_new (BC_TYPE_INSERT_COMMAND, NULL);
  self->section = g_strdup (section);
  self->owner_id = g_strdup (owner_id);
  self->position = position;
  self->object = g_object_ref (object);

  return BC_COMMAND (self);
}

/* BcRemoveCommand: take an object out of a list of the case */

struct _BcRemoveCommand
{
  BcCommand  parent_instance;

  char      *section;
  char      *owner_id;
  guint      position;
  GObject   *removed;
};

G_DEFINE_FINAL_TYPE (BcRemoveCommand, bc_remove_command, BC_TYPE_COMMAND)

static gboolean
bc_remove_command_apply (BcCommand  *command,
                         BcCase     *target,
                         GError    **error)
{
  BcRemoveCommand *self = BC_REMOVE_COMMAND (command);
  GObject *removed = _bc_case_remove (target, self->section, self->owner_id, self->position, error);

  if (removed == NULL)
    return FALSE;

  g_clear_object (&self->removed);
  self->removed = removed;
  return TRUE;
}

static void
bc_remove_command_revert (BcCommand *command,
                          BcCase    *target)
{
  BcRemoveCommand *self = BC_REMOVE_COMMAND (command);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->removed != NULL);

  if (!_bc_case_insert (target, self->section, self->owner_id, (int) self->position,
                        self->removed, &error))
    g_critical ("Cannot put back what was removed: %s", error->message);
}

static void
bc_remove_command_finalize (GObject *object)
{
  BcRemoveCommand *self = BC_REMOVE_COMMAND (object);

  g_free (self->section);
  g_free (self->owner_id);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (bc_remove_command_parent_class)->finalize (object);
}

static void
bc_remove_command_class_init (BcRemoveCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_remove_command_finalize;
  BC_COMMAND_CLASS (klass)->apply = bc_remove_command_apply;
  BC_COMMAND_CLASS (klass)->revert = bc_remove_command_revert;
}

static void
bc_remove_command_init (BcRemoveCommand *self)
{
}

/**
 * bc_remove_command_new:
 * @section: the section, as for bc_insert_command_new()
 * @owner_id: (nullable): a transfer id, for that transfer's annotations
 * @position: the place of the object in its list
 *
 * Returns: (transfer full): a command that removes the object
 */
BcCommand *
bc_remove_command_new (const char *section,
                       const char *owner_id,
                       guint       position)
{
  BcRemoveCommand *self;

  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (BC_TYPE_REMOVE_COMMAND, NULL);
  self->section = g_strdup (section);
  self->owner_id = g_strdup (owner_id);
  self->position = position;

  return BC_COMMAND (self);
}

/**
 * bc_remove_command_new_for:
 * @target: a case
 * @object: an actor, event, link, transfer, source or annotation of it
 *
 * Returns: (transfer full) (nullable): a command that removes @object,
 *   or %NULL when @object is not in @target
 */
BcCommand *
bc_remove_command_new_for (BcCase  *target,
                           GObject *object)
{
  g_autofree char *path = bc_case_get_target_path (target, object);
  g_autofree char *owner = NULL;
  const char *section;
  const char *hash;
  guint position;
  GListStore *store;

  if (path == NULL || *path == '\0')
    return NULL;

  hash = strchr (path, '#');
  if (hash != NULL)
    {
      owner = g_strndup (path, (gsize) (hash - path));
      section = BC_IS_LINK (object) ? "links" : "annotations";
    }
  else
    section = bc_item_get_section (BC_ITEM (object));

  store = _bc_case_get_store (target, section, owner && *owner ? owner : NULL, NULL);
  if (store == NULL || !g_list_store_find (store, object, &position))
    return NULL;

  return bc_remove_command_new (section, owner && *owner ? owner : NULL, position);
}

/* BcCommandGroup: several commands that undo as one */

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
