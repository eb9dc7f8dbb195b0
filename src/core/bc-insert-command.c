/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-insert-command"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-case-private.h"
#include "bc-insert-command.h"
#include "bc-rules.h"

/* BcInsertCommand: add an object to a list of the case. */
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

  /* Nothing the reader would refuse. */
  if (!bc_rules_check_object (target, self->object, error))
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
