/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-view-state"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-enum-types.h"
#include "bc-view-state.h"

/* BcViewState: what the user is looking at, held once by the window and
 * bound by every view (canvas, timeline, outline, inspector, export
 * dialog, print), instead of the views mirroring each other: the case,
 * the view, its time scale, the tracks shown, the mechanism highlighted,
 * the "as known on" date and the selection. */
struct _BcViewState
{
  GObject      parent_instance;

  BcCase      *case_;
  BcView       view;
  BcTimeScale  time_scale;
  guint        tracks;
  int          highlight;
  BcDate       known_on;
  BcItem      *selection;
};

G_DEFINE_FINAL_TYPE (BcViewState, bc_view_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_VIEW,
  PROP_TIME_SCALE,
  PROP_TRACKS,
  PROP_HIGHLIGHT,
  PROP_KNOWN_ON,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static void
drop_selection (BcViewState *self)
{
  if (self->selection != NULL)
    {
      g_clear_object (&self->selection);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
    }
}

/* Callbacks */

/* A selected item that leaves the case is no longer selected. */
static void
case_changed (BcCase       *case_,
              BcChangeKind  kind,
              GObject      *object,
              const char   *detail,
              BcViewState  *self)
{
  if (kind == BC_CHANGE_REMOVED && self->selection != NULL &&
      object == G_OBJECT (self->selection))
    drop_selection (self);
}

/* GObject */

static void
bc_view_state_dispose (GObject *object)
{
  BcViewState *self = BC_VIEW_STATE (object);

  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_data (self->case_, self);
  g_clear_object (&self->case_);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (bc_view_state_parent_class)->dispose (object);
}

static void
bc_view_state_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BcViewState *self = BC_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;
    case PROP_TIME_SCALE:
      g_value_set_int (value, self->time_scale);
      break;
    case PROP_TRACKS:
      g_value_set_uint (value, self->tracks);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;
    case PROP_KNOWN_ON:
      g_value_set_boxed (value, bc_date_is_set (self->known_on) ? &self->known_on : NULL);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_view_state_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BcViewState *self = BC_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      bc_view_state_set_case (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      bc_view_state_set_view (self, g_value_get_int (value));
      break;
    case PROP_TIME_SCALE:
      bc_view_state_set_time_scale (self, g_value_get_int (value));
      break;
    case PROP_TRACKS:
      bc_view_state_set_tracks (self, g_value_get_uint (value));
      break;
    case PROP_HIGHLIGHT:
      bc_view_state_set_highlight (self, g_value_get_int (value));
      break;
    case PROP_KNOWN_ON:
      {
        const BcDate *date = g_value_get_boxed (value);

        bc_view_state_set_known_on (self, date ? *date : BC_DATE_UNSET);
      }
      break;
    case PROP_SELECTION:
      bc_view_state_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_view_state_class_init (BcViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bc_view_state_dispose;
  object_class->get_property = bc_view_state_get_property;
  object_class->set_property = bc_view_state_set_property;

  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, BC_TYPE_CASE, flags);
  properties[PROP_VIEW] = g_param_spec_int ("view", NULL, NULL, BC_VIEW_LANES, BC_VIEW_WHEEL,
                                            BC_VIEW_LANES, flags);
  properties[PROP_TIME_SCALE] =
    g_param_spec_int ("time-scale", NULL, NULL, BC_TIME_SCALE_PROPORTIONAL, BC_TIME_SCALE_SEQUENCE,
                      BC_TIME_SCALE_PROPORTIONAL, flags);
  /* 0 shows every track. */
  properties[PROP_TRACKS] = g_param_spec_uint ("tracks", NULL, NULL, 0, BC_ALL_TRACKS, 0, flags);
  /* A #BcMechanism, or -1 for none. */
  properties[PROP_HIGHLIGHT] = g_param_spec_int ("highlight", NULL, NULL, -1, BC_N_MECHANISMS - 1,
                                                 -1, flags);
  properties[PROP_KNOWN_ON] = g_param_spec_boxed ("known-on", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_SELECTION] = g_param_spec_object ("selection", NULL, NULL, BC_TYPE_ITEM, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_view_state_init (BcViewState *self)
{
  self->view = BC_VIEW_LANES;
  self->time_scale = BC_TIME_SCALE_PROPORTIONAL;
  self->highlight = -1;
}

/* Public API */

BcViewState *
bc_view_state_new (void)
{
  return g_object_new (BC_TYPE_VIEW_STATE, NULL);
}

BcCase *
bc_view_state_get_case (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), NULL);
  return self->case_;
}

/**
 * bc_view_state_set_case:
 * @self: a view state
 * @case_: (nullable): the case shown
 *
 * A new case starts with nothing selected, every track, no highlight and
 * no date: the filters of one case mean nothing for another.
 */
void
bc_view_state_set_case (BcViewState *self,
                        BcCase      *case_)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));
  g_return_if_fail (case_ == NULL || BC_IS_CASE (case_));

  if (self->case_ == case_)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  drop_selection (self);
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_data (self->case_, self);
  g_set_object (&self->case_, case_);
  if (case_ != NULL)
    g_signal_connect (case_, "changed", G_CALLBACK (case_changed), self);
  bc_view_state_set_tracks (self, 0);
  bc_view_state_set_highlight (self, -1);
  bc_view_state_set_known_on (self, BC_DATE_UNSET);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
  g_object_thaw_notify (G_OBJECT (self));
}

BcView
bc_view_state_get_view (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), BC_VIEW_LANES);
  return self->view;
}

void
bc_view_state_set_view (BcViewState *self,
                        BcView       view)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  if (self->view == view)
    return;
  self->view = view;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

BcTimeScale
bc_view_state_get_time_scale (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), BC_TIME_SCALE_PROPORTIONAL);
  return self->time_scale;
}

void
bc_view_state_set_time_scale (BcViewState *self,
                              BcTimeScale  time_scale)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  if (self->time_scale == time_scale)
    return;
  self->time_scale = time_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
}

guint
bc_view_state_get_tracks (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), 0);
  return self->tracks;
}

void
bc_view_state_set_tracks (BcViewState *self,
                          guint        tracks)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  tracks &= BC_ALL_TRACKS;
  if (self->tracks == tracks)
    return;
  self->tracks = tracks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKS]);
}

int
bc_view_state_get_highlight (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), -1);
  return self->highlight;
}

void
bc_view_state_set_highlight (BcViewState *self,
                             int          mechanism)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  if (mechanism < -1 || mechanism >= BC_N_MECHANISMS)
    mechanism = -1;
  if (self->highlight == mechanism)
    return;
  self->highlight = mechanism;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

BcDate
bc_view_state_get_known_on (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), BC_DATE_UNSET);
  return self->known_on;
}

void
bc_view_state_set_known_on (BcViewState *self,
                            BcDate       date)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  if (bc_date_equal (self->known_on, date))
    return;
  self->known_on = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN_ON]);
}

BcItem *
bc_view_state_get_selection (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), NULL);
  return self->selection;
}

/**
 * bc_view_state_set_selection:
 * @self: a view state
 * @item: (nullable): an item of the case, or %NULL
 */
void
bc_view_state_set_selection (BcViewState *self,
                             BcItem      *item)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));
  g_return_if_fail (item == NULL || BC_IS_ITEM (item));

  if (item != NULL && bc_item_get_case (item) != self->case_)
    item = NULL;
  if (g_set_object (&self->selection, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/**
 * bc_view_state_get_layout_options:
 * @self: a view state
 * @options: (out caller-allocates): what the user chose to see
 *
 * The view, time scale, tracks, highlight and date, as the canvas, an
 * export and a printout lay them out (bc_layout_new() frames them).
 */
void
bc_view_state_get_layout_options (BcViewState     *self,
                                  BcLayoutOptions *options)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));
  g_return_if_fail (options != NULL);

  bc_layout_options_init (options);
  options->view = self->view;
  options->time_scale = self->time_scale;
  options->tracks = self->tracks;
  options->highlight = self->highlight;
  options->known_on = self->known_on;
}
