/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-history"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-history.h"

struct _BcHistory
{
  GObject    parent_instance;

  BcCase    *target; /* weak: the case owns its history */
  GPtrArray *undo;   /* oldest first */
  GPtrArray *redo;   /* next to redo last */
  GPtrArray *open;   /* groups begun and not yet ended, outermost first */

  /* Length of the undo stack when the case was saved; -1 when that state
   * can no longer be reached. */
  int        saved_depth;
};

G_DEFINE_FINAL_TYPE (BcHistory, bc_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
  gpointer undo_top;   /* what Undo would undo, to notice a new label */
  gpointer redo_top;
} State;

static State
get_state (BcHistory *self)
{
  return (State) {
    bc_history_can_undo (self),
    bc_history_can_redo (self),
    bc_history_get_modified (self),
    self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL,
    self->redo->len > 0 ? g_ptr_array_index (self->redo, self->redo->len - 1) : NULL,
  };
}

static void
notify_changes (BcHistory *self,
                State      before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before.undo_top != after.undo_top || before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before.redo_top != after.redo_top || before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
push_done (BcHistory *self,
           BcCommand *command)
{
  if (self->open->len > 0)
    {
      bc_command_group_add (g_ptr_array_index (self->open, self->open->len - 1), command);
      return;
    }

  g_ptr_array_add (self->undo, g_object_ref (command));

  /* A new edit forgets what could be redone, and with it perhaps the
   * saved state. */
  if (self->redo->len > 0)
    {
      if (self->saved_depth >= (int) self->undo->len)
        self->saved_depth = -1;
      g_ptr_array_set_size (self->redo, 0);
    }
}

/* GObject */

static void
bc_history_finalize (GObject *object)
{
  BcHistory *self = BC_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_history_parent_class)->finalize (object);
}

static void
bc_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BcHistory *self = BC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bc_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bc_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bc_history_get_modified (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, bc_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, bc_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_history_class_init (BcHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_history_finalize;
  object_class->get_property = bc_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  /* What Undo and Redo would do, such as "Move Event"; %NULL when they
   * cannot. */
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_history_init (BcHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  self->open = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

BcHistory *
bc_history_new (BcCase *target)
{
  BcHistory *self = g_object_new (BC_TYPE_HISTORY, NULL);

  self->target = target;
  return self;
}

/**
 * bc_history_perform:
 * @self: a history
 * @command: a command not yet applied
 * @error: why the command could not apply
 *
 * Applies @command to the case and records it, inside the open group if
 * there is one. A command that fails leaves the case and the history as
 * they were.
 */
gboolean
bc_history_perform (BcHistory  *self,
                    BcCommand  *command,
                    GError    **error)
{
  State before;

  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (BC_IS_COMMAND (command), FALSE);

  before = get_state (self);

  if (!bc_command_apply (command, self->target, error))
    return FALSE;

  push_done (self, command);
  notify_changes (self, before);
  return TRUE;
}

/**
 * bc_history_set:
 * @self: a history
 * @object: the case or anything in it
 * @property: a property of @object
 * @value: its new value
 * @error: why it could not be set
 *
 * Sets one property as one undoable step (or part of the open group).
 */
gboolean
bc_history_set (BcHistory     *self,
                GObject       *object,
                const char    *property,
                const GValue  *value,
                GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(BcCommand) command = NULL;

  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);

  path = bc_case_get_target_path (self->target, object);
  if (path == NULL)
    {
      g_set_error_literal (error, BC_CASE_ERROR, BC_CASE_ERROR_NOT_FOUND,
                           _("That is no longer part of the case"));
      return FALSE;
    }

  command = bc_set_command_new (path, property, value);
  return bc_history_perform (self, command, error);
}

/**
 * bc_history_begin_group:
 * @self: a history
 * @label: what the user would call the step, such as "Move event"
 *
 * Starts a group: every command performed until the matching
 * bc_history_end_group() undoes as one step. Groups nest.
 */
void
bc_history_begin_group (BcHistory  *self,
                        const char *label)
{
  State before;

  g_return_if_fail (BC_IS_HISTORY (self));

  /* Nothing can be undone or redone while a group is open: say so, or
   * an Undo button bound to can-undo stays active through a drag. */
  before = get_state (self);
  g_ptr_array_add (self->open, bc_command_group_new (label));
  notify_changes (self, before);
}

void
bc_history_end_group (BcHistory *self)
{
  g_autoptr(BcCommandGroup) group = NULL;
  State before;

  g_return_if_fail (BC_IS_HISTORY (self));
  g_return_if_fail (self->open->len > 0);

  before = get_state (self);
  group = g_ptr_array_steal_index (self->open, self->open->len - 1);

  if (bc_command_group_get_length (group) > 0)
    push_done (self, BC_COMMAND (group));

  notify_changes (self, before);
}

/* Reverts what the innermost open group did and forgets it, as when a
 * drag is cancelled with Escape. */
void
bc_history_cancel_group (BcHistory *self)
{
  g_autoptr(BcCommandGroup) group = NULL;
  State before;

  g_return_if_fail (BC_IS_HISTORY (self));
  g_return_if_fail (self->open->len > 0);

  before = get_state (self);
  group = g_ptr_array_steal_index (self->open, self->open->len - 1);
  bc_command_revert (BC_COMMAND (group), self->target);
  notify_changes (self, before);
}

gboolean
bc_history_can_undo (BcHistory *self)
{
  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);
  return self->undo->len > 0 && self->open->len == 0;
}

gboolean
bc_history_can_redo (BcHistory *self)
{
  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);
  return self->redo->len > 0 && self->open->len == 0;
}

gboolean
bc_history_undo (BcHistory *self)
{
  BcCommand *command;
  State before;

  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);

  if (!bc_history_can_undo (self))
    return FALSE;

  before = get_state (self);
  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  bc_command_revert (command, self->target);
  g_ptr_array_add (self->redo, command);
  notify_changes (self, before);
  return TRUE;
}

gboolean
bc_history_redo (BcHistory *self)
{
  g_autoptr(GError) error = NULL;
  BcCommand *command;
  State before;

  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);

  if (!bc_history_can_redo (self))
    return FALSE;

  before = get_state (self);
  command = g_ptr_array_index (self->redo, self->redo->len - 1);
  if (!bc_command_apply (command, self->target, &error))
    {
      /* Only a bug can bring this about: redo replays what undo took
       * back on the same case. */
      g_critical ("Cannot redo “%s”: %s", bc_command_get_label (command), error->message);
      return FALSE;
    }

  g_ptr_array_add (self->undo, g_ptr_array_steal_index (self->redo, self->redo->len - 1));
  notify_changes (self, before);
  return TRUE;
}

const char *
bc_history_get_undo_label (BcHistory *self)
{
  g_return_val_if_fail (BC_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return bc_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

const char *
bc_history_get_redo_label (BcHistory *self)
{
  g_return_val_if_fail (BC_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return bc_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

/* The case as it is now is what is on disk. */
void
bc_history_mark_saved (BcHistory *self)
{
  State before;

  g_return_if_fail (BC_IS_HISTORY (self));

  before = get_state (self);
  self->saved_depth = (int) self->undo->len;
  notify_changes (self, before);
}

gboolean
bc_history_get_modified (BcHistory *self)
{
  g_return_val_if_fail (BC_IS_HISTORY (self), FALSE);

  for (guint i = 0; i < self->open->len; i++)
    if (bc_command_group_get_length (g_ptr_array_index (self->open, i)) > 0)
      return TRUE;

  return self->saved_depth != (int) self->undo->len;
}

void
bc_history_clear (BcHistory *self)
{
  State before;

  g_return_if_fail (BC_IS_HISTORY (self));

  before = get_state (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = 0;
  notify_changes (self, before);
}
