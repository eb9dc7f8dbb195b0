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
 * the "as known on" date, the selection, and how the selection is
 * brought forward (actor paths, focus) and whether the canvas shows the
 * title block and legend that exports always have, and the text being
 * searched for, which the outline filters by and the canvas marks. */
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
  BcActorPaths actor_paths;
  gboolean     focus_selection;
  gboolean     frame;
  char        *search;
};

G_DEFINE_FINAL_TYPE (BcViewState, bc_view_state, G_TYPE_OBJECT)

/* The nicks are what the View menu's radio items, the settings and the
 * command line's --actor-paths say. */
G_DEFINE_ENUM_TYPE (BcActorPaths, bc_actor_paths,
                    G_DEFINE_ENUM_VALUE (BC_ACTOR_PATHS_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (BC_ACTOR_PATHS_SELECTED, "selected"),
                    G_DEFINE_ENUM_VALUE (BC_ACTOR_PATHS_NONE, "none"))

enum {
  PROP_0,
  PROP_CASE,
  PROP_VIEW,
  PROP_TIME_SCALE,
  PROP_TRACKS,
  PROP_HIGHLIGHT,
  PROP_KNOWN_ON,
  PROP_SELECTION,
  PROP_ACTOR_PATHS,
  PROP_FOCUS_SELECTION,
  PROP_FRAME,
  PROP_SEARCH,
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
  g_clear_pointer (&self->search, g_free);

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
    case PROP_ACTOR_PATHS:
      g_value_set_enum (value, self->actor_paths);
      break;
    case PROP_FOCUS_SELECTION:
      g_value_set_boolean (value, self->focus_selection);
      break;
    case PROP_FRAME:
      g_value_set_boolean (value, self->frame);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
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
    case PROP_ACTOR_PATHS:
      bc_view_state_set_actor_paths (self, g_value_get_enum (value));
      break;
    case PROP_FOCUS_SELECTION:
      bc_view_state_set_focus_selection (self, g_value_get_boolean (value));
      break;
    case PROP_FRAME:
      bc_view_state_set_frame (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH:
      bc_view_state_set_search (self, g_value_get_string (value));
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
    g_param_spec_int ("time-scale", NULL, NULL, BC_TIME_SCALE_PROPORTIONAL, BC_TIME_SCALE_BALANCED,
                      BC_TIME_SCALE_BALANCED, flags);
  /* 0 shows every track. */
  properties[PROP_TRACKS] = g_param_spec_uint ("tracks", NULL, NULL, 0, BC_ALL_TRACKS, 0, flags);
  /* A #BcMechanism, or -1 for none. */
  properties[PROP_HIGHLIGHT] = g_param_spec_int ("highlight", NULL, NULL, -1, BC_N_MECHANISMS - 1,
                                                 -1, flags);
  properties[PROP_KNOWN_ON] = g_param_spec_boxed ("known-on", NULL, NULL, BC_TYPE_DATE, flags);
  properties[PROP_SELECTION] = g_param_spec_object ("selection", NULL, NULL, BC_TYPE_ITEM, flags);
  /* Whose storylines are drawn: everyone's, the selected actor's, or
   * nobody's. */
  properties[PROP_ACTOR_PATHS] = g_param_spec_enum ("actor-paths", NULL, NULL, BC_TYPE_ACTOR_PATHS,
                                                    BC_ACTOR_PATHS_ALL, flags);
  /* Light up what the selection carried and took part in, fade the
   * rest. */
  properties[PROP_FOCUS_SELECTION] = g_param_spec_boolean ("focus-selection", NULL, NULL, FALSE, flags);
  /* Title block and legend on screen; exports always have them. */
  properties[PROP_FRAME] = g_param_spec_boolean ("frame", NULL, NULL, FALSE, flags);
  /* What the user searches for, as typed; empty when not searching. */
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_view_state_init (BcViewState *self)
{
  self->view = BC_VIEW_LANES;
  self->time_scale = BC_TIME_SCALE_BALANCED;
  self->highlight = -1;
  self->search = g_strdup ("");
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

BcActorPaths
bc_view_state_get_actor_paths (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), BC_ACTOR_PATHS_ALL);
  return self->actor_paths;
}

void
bc_view_state_set_actor_paths (BcViewState  *self,
                               BcActorPaths  actor_paths)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  if (self->actor_paths == actor_paths)
    return;
  self->actor_paths = actor_paths;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_PATHS]);
}

gboolean
bc_view_state_get_focus_selection (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), FALSE);
  return self->focus_selection;
}

void
bc_view_state_set_focus_selection (BcViewState *self,
                                   gboolean     focus_selection)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  focus_selection = !!focus_selection;
  if (self->focus_selection == focus_selection)
    return;
  self->focus_selection = focus_selection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_SELECTION]);
}

gboolean
bc_view_state_get_frame (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), FALSE);
  return self->frame;
}

void
bc_view_state_set_frame (BcViewState *self,
                         gboolean     frame)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  frame = !!frame;
  if (self->frame == frame)
    return;
  self->frame = frame;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
}

/**
 * bc_view_state_focus_for:
 * @selection: (nullable): the selected item
 * @actor_paths: whose storylines are drawn
 * @focus_selection: whether the selection is in focus
 *
 * The one rule for #BcLayoutOptions.focus, shared by the canvas and the
 * view state: the selection when focus is on; otherwise the selected
 * actor when only the selected actor's path is drawn.
 *
 * Returns: (nullable) (transfer none): the id, owned by @selection
 */
const char *
bc_view_state_focus_for (BcItem       *selection,
                         BcActorPaths  actor_paths,
                         gboolean      focus_selection)
{
  if (selection == NULL)
    return NULL;
  if (focus_selection || (actor_paths == BC_ACTOR_PATHS_SELECTED && BC_IS_ACTOR (selection)))
    return bc_item_get_id (selection);
  return NULL;
}

/**
 * bc_view_state_get_layout_options:
 * @self: a view state
 * @options: (out caller-allocates): what the user chose to see
 *
 * The view, time scale, tracks, highlight, date, actor paths and focus,
 * as an export and a printout lay them out: with the title block and
 * legend, whatever the canvas shows. #BcLayoutOptions.focus is borrowed
 * from the selection: use @options before the selection changes.
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
  options->actor_paths = self->actor_paths;
  options->focus = bc_view_state_focus_for (self->selection, self->actor_paths, self->focus_selection);
  options->frame = TRUE;
}

/**
 * bc_view_state_get_search:
 * @self: a view state
 *
 * Returns: what the user searches for, empty when not searching
 */
const char *
bc_view_state_get_search (BcViewState *self)
{
  g_return_val_if_fail (BC_IS_VIEW_STATE (self), "");

  return self->search;
}

/**
 * bc_view_state_set_search:
 * @self: a view state
 * @search: (nullable): what the user searches for
 */
void
bc_view_state_set_search (BcViewState *self,
                          const char  *search)
{
  g_return_if_fail (BC_IS_VIEW_STATE (self));

  if (search == NULL)
    search = "";
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}
