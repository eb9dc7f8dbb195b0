/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-event"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-event-private.h"
#include "bc-item-private.h"

struct _BcEvent
{
  BcItem       parent_instance;

  BcTrack      track;
  BcEventType  type;
  BcDate       date;
  BcDate       end;
  BcCertainty  certainty;
  BcDate       disclosed;
  char        *title;
  char        *place;
  char       **participants;
  char        *description;
  GPtrArray   *sources;

  /* The file said certainty="exact", which is the default; kept so that
   * writing the file back does not drop it. */
  guint        certainty_explicit : 1;
};

G_DEFINE_FINAL_TYPE (BcEvent, bc_event, BC_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TRACK,
  PROP_EVENT_TYPE,
  PROP_DATE,
  PROP_END,
  PROP_CERTAINTY,
  PROP_DISCLOSED,
  PROP_TITLE,
  PROP_PLACE,
  PROP_PARTICIPANTS,
  PROP_DESCRIPTION,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject */

static void
bc_event_finalize (GObject *object)
{
  BcEvent *self = BC_EVENT (object);

  g_free (self->title);
  g_free (self->place);
  g_strfreev (self->participants);
  g_free (self->description);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_event_parent_class)->finalize (object);
}

static void
bc_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BcEvent *self = BC_EVENT (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_enum (value, self->track);
      break;
    case PROP_EVENT_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_DATE:
      _bc_value_set_date (value, self->date);
      break;
    case PROP_END:
      _bc_value_set_date (value, self->end);
      break;
    case PROP_CERTAINTY:
      g_value_set_enum (value, self->certainty);
      break;
    case PROP_DISCLOSED:
      _bc_value_set_date (value, self->disclosed);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_boxed (value, self->participants);
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
bc_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BcEvent *self = BC_EVENT (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_TRACK:
      changed = self->track != (BcTrack) g_value_get_enum (value);
      self->track = g_value_get_enum (value);
      break;
    case PROP_EVENT_TYPE:
      changed = self->type != (BcEventType) g_value_get_enum (value);
      self->type = g_value_get_enum (value);
      break;
    case PROP_DATE:
      changed = _bc_set_date (&self->date, g_value_get_boxed (value));
      break;
    case PROP_END:
      changed = _bc_set_date (&self->end, g_value_get_boxed (value));
      break;
    case PROP_CERTAINTY:
      changed = self->certainty != (BcCertainty) g_value_get_enum (value);
      self->certainty = g_value_get_enum (value);
      break;
    case PROP_DISCLOSED:
      changed = _bc_set_date (&self->disclosed, g_value_get_boxed (value));
      break;
    case PROP_TITLE:
      changed = _bc_set_string (&self->title, g_value_get_string (value));
      break;
    case PROP_PLACE:
      changed = _bc_set_string (&self->place, g_value_get_string (value));
      break;
    case PROP_PARTICIPANTS:
      changed = _bc_set_strv (&self->participants, g_value_get_boxed (value));
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
bc_event_class_init (BcEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BcItemClass *item_class = BC_ITEM_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bc_event_finalize;
  object_class->get_property = bc_event_get_property;
  object_class->set_property = bc_event_set_property;

  item_class->section = "events";

  properties[PROP_TRACK] =
    g_param_spec_enum ("track", NULL, NULL, BC_TYPE_TRACK, BC_TRACK_1, flags);
  properties[PROP_EVENT_TYPE] =
    g_param_spec_enum ("event-type", NULL, NULL, BC_TYPE_EVENT_TYPE, BC_EVENT_MEETING, flags);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_END] = g_param_spec_boxed ("end", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_CERTAINTY] =
    g_param_spec_enum ("certainty", NULL, NULL, BC_TYPE_CERTAINTY, BC_CERTAINTY_EXACT, flags);
  properties[PROP_DISCLOSED] = g_param_spec_boxed ("disclosed", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_PARTICIPANTS] =
    g_param_spec_boxed ("participants", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_event_init (BcEvent *self)
{
}

/* Public API */

BcEvent *
bc_event_new (const char  *id,
              BcTrack      track,
              BcEventType  type,
              BcDate       date,
              const char  *title)
{
  return g_object_new (BC_TYPE_EVENT,
                       "id", id,
                       "track", track,
                       "event-type", type,
                       "date", bc_date_is_set (date) ? &date : NULL,
                       "title", title,
                       NULL);
}

BcTrack
bc_event_get_track (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), BC_TRACK_1);
  return self->track;
}

BcEventType
bc_event_get_event_type (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), BC_EVENT_OTHER);
  return self->type;
}

BcDate
bc_event_get_date (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), BC_DATE_UNSET);
  return self->date;
}

BcDate
bc_event_get_end (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), BC_DATE_UNSET);
  return self->end;
}

BcCertainty
bc_event_get_certainty (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), BC_CERTAINTY_EXACT);
  return self->certainty;
}

BcDate
bc_event_get_disclosed (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), BC_DATE_UNSET);
  return self->disclosed;
}

const char *
bc_event_get_title (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), NULL);
  return self->title;
}

const char *
bc_event_get_place (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), NULL);
  return self->place;
}

/**
 * bc_event_get_participants:
 * @self: an event
 *
 * Returns: (transfer none) (nullable): ids of the participating actors
 */
const char * const *
bc_event_get_participants (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), NULL);
  return (const char * const *) self->participants;
}

const char *
bc_event_get_description (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), NULL);
  return self->description;
}

/**
 * bc_event_get_sources:
 * @self: an event
 *
 * Returns: (transfer none) (nullable) (element-type BcSourceRef): the
 *   sources cited; do not modify, set a new array instead
 */
GPtrArray *
bc_event_get_sources (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), NULL);
  return self->sources;
}

/* The first day the event can have begun on (Julian day number). */
guint32
bc_event_get_first_day (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), 0);
  return bc_date_is_set (self->date) ? bc_date_get_first_day (self->date) : 0;
}

/* The last day the event can have run to: the end of its range, or of its
 * date at the date's precision. */
guint32
bc_event_get_last_day (BcEvent *self)
{
  g_return_val_if_fail (BC_IS_EVENT (self), 0);

  if (bc_date_is_set (self->end))
    return bc_date_get_last_day (self->end);
  return bc_date_is_set (self->date) ? bc_date_get_last_day (self->date) : 0;
}

/**
 * bc_event_is_known_on:
 * @self: an event
 * @date: the date of the view "as known on"
 *
 * An event is known once it has happened and, if it was secret, once it
 * was disclosed. An unset @date knows everything.
 */
gboolean
bc_event_is_known_on (BcEvent *self,
                      BcDate   date)
{
  guint32 day;

  g_return_val_if_fail (BC_IS_EVENT (self), FALSE);

  if (!bc_date_is_set (date))
    return TRUE;

  day = bc_date_get_last_day (date);
  if (bc_event_get_first_day (self) > day)
    return FALSE;
  if (bc_date_is_set (self->disclosed) && bc_date_get_first_day (self->disclosed) > day)
    return FALSE;
  return TRUE;
}

gboolean
_bc_event_get_certainty_explicit (BcEvent *self)
{
  return self->certainty_explicit || self->certainty != BC_CERTAINTY_EXACT;
}

void
_bc_event_set_certainty_explicit (BcEvent  *self,
                                  gboolean  explicit_)
{
  self->certainty_explicit = !!explicit_;
}
