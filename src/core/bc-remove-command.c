/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-remove-command"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-case-private.h"
#include "bc-remove-command.h"
#include "bc-rules.h"

/* BcRemoveCommand: take an object out of a list of the case. */
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
  GListStore *store = _bc_case_get_store (target, self->section, self->owner_id, error);
  g_autoptr(GObject) object = NULL;
  GObject *removed;

  if (store == NULL || self->position >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    {
      if (store != NULL)
        g_set_error (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                     _("There is nothing to remove at %u in the %s"), self->position, self->section);
      return FALSE;
    }

  /* Nothing may be left naming what goes. */
  object = g_list_model_get_item (G_LIST_MODEL (store), self->position);
  if (!bc_rules_check_removable (target, object, error))
    return FALSE;

  removed = _bc_case_remove (target, self->section, self->owner_id, self->position, error);
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
      section = BC_IS_LINK (object) ? "links" : BC_IS_STORY_STEP (object) ? "story" : "annotations";
    }
  else
    section = bc_item_get_section (BC_ITEM (object));

  store = _bc_case_get_store (target, section, owner && *owner ? owner : NULL, NULL);
  if (store == NULL || !g_list_store_find (store, object, &position))
    return NULL;

  return bc_remove_command_new (section, owner && *owner ? owner : NULL, position);
}
