/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-actor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-actor.h"
#include "bc-enum-types.h"
#include "bc-item-private.h"

struct _BcActor
{
  BcItem       parent_instance;

  BcTrack      track;
  BcActorType  type;
  char        *name;
  char        *role;
  char       **member_of;
  GPtrArray   *positions;
  char        *description;
  GPtrArray   *sources;
};

G_DEFINE_FINAL_TYPE (BcActor, bc_actor, BC_TYPE_ITEM)

G_DEFINE_BOXED_TYPE (BcPosition, bc_position, bc_position_copy, bc_position_free)

enum {
  PROP_0,
  PROP_TRACK,
  PROP_ACTOR_TYPE,
  PROP_NAME,
  PROP_ROLE,
  PROP_MEMBER_OF,
  PROP_POSITIONS,
  PROP_DESCRIPTION,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject */

static void
bc_actor_finalize (GObject *object)
{
  BcActor *self = BC_ACTOR (object);

  g_free (self->name);
  g_free (self->role);
  g_strfreev (self->member_of);
  g_clear_pointer (&self->positions, g_ptr_array_unref);
  g_free (self->description);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_actor_parent_class)->finalize (object);
}

static void
bc_actor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BcActor *self = BC_ACTOR (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_enum (value, self->track);
      break;
    case PROP_ACTOR_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_MEMBER_OF:
      g_value_set_boxed (value, self->member_of);
      break;
    case PROP_POSITIONS:
      g_value_set_boxed (value, self->positions);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_actor_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BcActor *self = BC_ACTOR (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_TRACK:
      changed = self->track != (BcTrack) g_value_get_enum (value);
      self->track = g_value_get_enum (value);
      break;
    case PROP_ACTOR_TYPE:
      changed = self->type != (BcActorType) g_value_get_enum (value);
      self->type = g_value_get_enum (value);
      break;
    case PROP_NAME:
      changed = _bc_set_string (&self->name, g_value_get_string (value));
      break;
    case PROP_ROLE:
      changed = _bc_set_string (&self->role, g_value_get_string (value));
      break;
    case PROP_MEMBER_OF:
      changed = _bc_set_strv (&self->member_of, g_value_get_boxed (value));
      break;
    case PROP_POSITIONS:
      changed = _bc_set_ptr_array (&self->positions, g_value_get_boxed (value));
      break;
    case PROP_DESCRIPTION:
      changed = _bc_set_string (&self->description, g_value_get_string (value));
      break;
    case PROP_SOURCES:
      changed = _bc_set_ptr_array (&self->sources, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bc_actor_class_init (BcActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BcItemClass *item_class = BC_ITEM_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_actor_finalize;
  object_class->get_property = bc_actor_get_property;
  object_class->set_property = bc_actor_set_property;

  item_class->section = "actors";

  properties[PROP_TRACK] =
    g_param_spec_enum ("track", NULL, NULL, BC_TYPE_TRACK, BC_TRACK_1, flags);
  properties[PROP_ACTOR_TYPE] =
    g_param_spec_enum ("actor-type", NULL, NULL, BC_TYPE_ACTOR_TYPE, BC_ACTOR_PERSON, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_MEMBER_OF] =
    g_param_spec_boxed ("member-of", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_POSITIONS] =
    g_param_spec_boxed ("positions", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_actor_init (BcActor *self)
{
}

/* Public API */

BcActor *
bc_actor_new (const char  *id,
              BcTrack      track,
              BcActorType  type,
              const char  *name)
{
  return g_object_new (BC_TYPE_ACTOR,
                       "id", id,
                       "track", track,
                       "actor-type", type,
                       "name", name,
                       NULL);
}

BcTrack
bc_actor_get_track (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), BC_TRACK_1);
  return self->track;
}

BcActorType
bc_actor_get_actor_type (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), BC_ACTOR_PERSON);
  return self->type;
}

const char *
bc_actor_get_name (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), NULL);
  return self->name;
}

const char *
bc_actor_get_role (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), NULL);
  return self->role;
}

/**
 * bc_actor_get_member_of:
 * @self: an actor
 *
 * Returns: (transfer none) (nullable): ids of the actors @self belongs to
 */
const char * const *
bc_actor_get_member_of (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), NULL);
  return (const char * const *) self->member_of;
}

/**
 * bc_actor_get_positions:
 * @self: an actor
 *
 * Returns: (transfer none) (nullable) (element-type BcPosition): the
 *   positions in file order; do not modify, set a new array instead
 */
GPtrArray *
bc_actor_get_positions (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), NULL);
  return self->positions;
}

const char *
bc_actor_get_description (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), NULL);
  return self->description;
}

/**
 * bc_actor_get_sources:
 * @self: an actor
 *
 * Returns: (transfer none) (nullable) (element-type BcSourceRef): the
 *   sources cited; do not modify, set a new array instead
 */
GPtrArray *
bc_actor_get_sources (BcActor *self)
{
  g_return_val_if_fail (BC_IS_ACTOR (self), NULL);
  return self->sources;
}

/**
 * bc_actor_get_track_on:
 * @self: an actor
 * @date: a date
 *
 * Finds the track @self stood on at @date: the last position whose span
 * contains it (an open end reaches as far as it can), or else the
 * actor's own track.
 */
BcTrack
bc_actor_get_track_on (BcActor *self,
                       BcDate   date)
{
  BcTrack track;
  guint32 day;

  g_return_val_if_fail (BC_IS_ACTOR (self), BC_TRACK_1);

  track = self->track;
  if (self->positions == NULL || !bc_date_is_set (date))
    return track;

  day = bc_date_get_first_day (date);
  for (guint i = 0; i < self->positions->len; i++)
    {
      BcPosition *p = g_ptr_array_index (self->positions, i);

      if (bc_date_is_set (p->from) && day < bc_date_get_first_day (p->from))
        continue;
      if (bc_date_is_set (p->to) && day > bc_date_get_last_day (p->to))
        continue;
      track = p->track;
    }

  return track;
}

BcPosition *
bc_position_new (BcTrack     track,
                 BcDate      from,
                 BcDate      to,
                 const char *role)
{
  BcPosition *self = g_new0 (BcPosition, 1);

  self->track = track;
  self->from = from;
  self->to = to;
  self->role = g_strdup (role);
  return self;
}

BcPosition *
bc_position_copy (const BcPosition *self)
{
  return bc_position_new (self->track, self->from, self->to, self->role);
}

void
bc_position_free (BcPosition *self)
{
  if (self == NULL)
    return;

  g_free (self->role);
  g_free (self);
}

/**
 * bc_positions_new:
 *
 * Returns: (transfer full): an empty array that frees its #BcPosition
 *   elements
 */
GPtrArray *
bc_positions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bc_position_free);
}
