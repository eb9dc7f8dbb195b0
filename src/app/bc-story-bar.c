/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-story-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-edit.h"
#include "bc-history.h"
#include "bc-story-bar-private.h"

/* The player of a case's story, over the timeline: the step's heading,
 * its caption (editable, each change one undo step) and its sources.
 * Each step sets the view's "as known on" date and selects the first
 * item in its focus; the framing of a known-on view keeps the axis and
 * the lanes where they are, so the picture does not jump between steps.
 * Right, Space and Page Down go on, Left and Page Up back, Home and End
 * to the ends, Escape leaves, wherever the focus is but in a text
 * field. */
struct _BcStoryBar
{
  GtkWidget           parent_instance;

  BcViewState        *view_state;
  BcCase             *case_;       /* the view state's, while active */
  int                 position;    /* -1 when not playing */
  BcItem             *focus_item;  /* borrowed from the case */
  gboolean            showing;     /* filling the caption, not editing it */
  GtkEventController *keys;        /* on the window, while active */
  GtkWidget          *keys_on;

  /* Template widgets */
  GtkWidget          *box;
  GtkLabel           *title_label;
  GtkTextView        *caption_view;
  GtkLabel           *sources_label;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (BcStoryBar, bc_story_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_POSITION,
  PROP_FOCUS_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_case_changed (BcCase       *case_,
                             BcChangeKind  kind,
                             GObject      *object,
                             const char   *detail,
                             BcStoryBar   *self);

/* Auxiliary functions */

static guint
n_steps (BcStoryBar *self)
{
  return self->case_ != NULL ? g_list_model_get_n_items (bc_case_get_story (self->case_)) : 0;
}

static BcStoryStep *
current_step (BcStoryBar *self)
{
  g_autoptr(BcStoryStep) step = NULL;

  if (self->position < 0 || (guint) self->position >= n_steps (self))
    return NULL;
  step = g_list_model_get_item (bc_case_get_story (self->case_), (guint) self->position);
  return step; /* the story keeps its reference */
}

static void
update_actions (BcStoryBar *self)
{
  guint n = n_steps (self);
  gboolean active = self->position >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.previous", active && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.first", active && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.next", active && (guint) self->position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.last", active && (guint) self->position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.move-earlier", active && self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.move-later", active && (guint) self->position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.remove", active && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.close", active);
}

static void
show_error (BcStoryBar   *self,
            const GError *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* The labels and the caption of the current step, as the case has them. */
static void
show_text (BcStoryBar *self)
{
  BcStoryStep *step = current_step (self);
  g_autofree char *title = NULL;
  g_autofree char *sources = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caption_view);

  if (step == NULL)
    return;

  title = bc_story_step_format_title (step, (guint) self->position, n_steps (self));
  sources = bc_story_step_format_sources (step, self->case_);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->sources_label, sources);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_label), *sources != '\0');

  self->showing = TRUE;
  gtk_text_buffer_set_text (buffer, bc_story_step_get_caption (step), -1);
  self->showing = FALSE;
}

/* Shows step @position: its text, its date, its focus. */
static void
show_step (BcStoryBar *self,
           guint       position)
{
  BcStoryStep *step;
  const char * const *focus;
  BcItem *item = NULL;

  if (position >= n_steps (self))
    return;

  self->position = (int) position;
  step = current_step (self);
  focus = bc_story_step_get_focus (step);
  if (focus != NULL && focus[0] != NULL)
    item = bc_case_lookup (self->case_, focus[0]);

  show_error (self, NULL);
  show_text (self);
  bc_view_state_set_known_on (self->view_state, bc_story_step_get_known_on (step));

  self->focus_item = item;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ITEM]);
  update_actions (self);
}

/* Keeps an edited caption as one undo step. */
static void
commit_caption (BcStoryBar *self)
{
  BcStoryStep *step = current_step (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->caption_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (step == NULL || self->showing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, bc_story_step_get_caption (step)) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  if (!bc_edit_set (self->case_, G_OBJECT (step), "caption", &value, &error))
    show_error (self, error);
  else
    show_error (self, NULL);
}

static gboolean
in_text_field (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_TEXT_VIEW (w) || GTK_IS_EDITABLE (w))
      return TRUE;
  return FALSE;
}

/* Callbacks */

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BcStoryBar            *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  guint n = n_steps (self);

  if (self->position < 0 || n == 0)
    return GDK_EVENT_PROPAGATE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (in_text_field (focus))
    {
      /* Escape leaves the caption for the story's keys. */
      if (keyval == GDK_KEY_Escape && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        {
          commit_caption (self);
          gtk_widget_grab_focus (GTK_WIDGET (self));
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    }

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
      if ((guint) self->position + 1 < n)
        show_step (self, (guint) self->position + 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      if (self->position > 0)
        show_step (self, (guint) self->position - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
      show_step (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
      show_step (self, n - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      bc_story_bar_stop (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
on_caption_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BcStoryBar            *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      commit_caption (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_caption_leave (GtkEventControllerFocus *controller,
                  BcStoryBar              *self)
{
  commit_caption (self);
}

static void
on_case_changed (BcCase       *case_,
                 BcChangeKind  kind,
                 GObject      *object,
                 const char   *detail,
                 BcStoryBar   *self)
{
  guint n;

  if (self->position < 0)
    return;

  n = n_steps (self);
  if (n == 0)
    {
      bc_story_bar_stop (self);
      return;
    }

  /* A step added, removed or moved: follow it where it went. */
  if (kind != BC_CHANGE_FIELD && g_strcmp0 (detail, "story") == 0)
    {
      guint found;

      if (kind == BC_CHANGE_ADDED &&
          g_list_store_find (G_LIST_STORE (bc_case_get_story (case_)), object, &found))
        show_step (self, found);
      else
        show_step (self, MIN ((guint) self->position, n - 1));
      return;
    }

  if (BC_IS_STORY_STEP (object) || BC_IS_SOURCE (object))
    {
      show_text (self);
      update_actions (self);
    }
}

static void
story_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BcStoryBar *self = BC_STORY_BAR (widget);
  BcStoryStep *step = current_step (self);
  guint n = n_steps (self);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action_name, "story.close"))
    {
      bc_story_bar_stop (self);
      return;
    }
  if (step == NULL)
    return;

  commit_caption (self);

  if (g_str_equal (action_name, "story.next") && (guint) self->position + 1 < n)
    show_step (self, (guint) self->position + 1);
  else if (g_str_equal (action_name, "story.previous") && self->position > 0)
    show_step (self, (guint) self->position - 1);
  else if (g_str_equal (action_name, "story.first"))
    show_step (self, 0);
  else if (g_str_equal (action_name, "story.last"))
    show_step (self, n - 1);
  else if (g_str_equal (action_name, "story.remove"))
    bc_edit_remove_step (self->case_, step, &error);
  else if (g_str_equal (action_name, "story.move-earlier") && self->position > 0)
    bc_edit_move_step (self->case_, step, (guint) self->position - 1, &error);
  else if (g_str_equal (action_name, "story.move-later") && (guint) self->position + 1 < n)
    bc_edit_move_step (self->case_, step, (guint) self->position + 1, &error);

  if (error != NULL)
    show_error (self, error);
}

/* GObject */

static void
bc_story_bar_dispose (GObject *object)
{
  BcStoryBar *self = BC_STORY_BAR (object);

  /* Going away is no edit of the caption. */
  self->showing = TRUE;
  bc_story_bar_stop (self);
  g_clear_object (&self->view_state);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_STORY_BAR);

  G_OBJECT_CLASS (bc_story_bar_parent_class)->dispose (object);
}

static void
bc_story_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BcStoryBar *self = BC_STORY_BAR (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->position >= 0);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_FOCUS_ITEM:
      g_value_set_object (value, self->focus_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_story_bar_class_init (BcStoryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const actions[] = {
    "story.previous", "story.next", "story.first", "story.last", "story.close",
    "story.remove", "story.move-earlier", "story.move-later",
  };

  object_class->dispose = bc_story_bar_dispose;
  object_class->get_property = bc_story_bar_get_property;

  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_FOCUS_ITEM] = g_param_spec_object ("focus-item", NULL, NULL, BC_TYPE_ITEM, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/backchannel/Backchannel/ui/bc-story-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BcStoryBar, box);
  gtk_widget_class_bind_template_child (widget_class, BcStoryBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcStoryBar, caption_view);
  gtk_widget_class_bind_template_child (widget_class, BcStoryBar, sources_label);
  gtk_widget_class_bind_template_child (widget_class, BcStoryBar, error_label);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, story_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bcstorybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_story_bar_init (BcStoryBar *self)
{
  GtkEventController *controller;

  self->position = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_caption_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->caption_view), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_caption_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->caption_view), controller);

  update_actions (self);
}

/* Public API */

GtkWidget *
bc_story_bar_new (void)
{
  return g_object_new (BC_TYPE_STORY_BAR, NULL);
}

/**
 * bc_story_bar_set_view_state:
 * @self: a story bar
 * @view_state: what the window's views show; the bar plays its case
 */
void
bc_story_bar_set_view_state (BcStoryBar  *self,
                             BcViewState *view_state)
{
  g_return_if_fail (BC_IS_STORY_BAR (self));

  bc_story_bar_stop (self);
  g_set_object (&self->view_state, view_state);
}

/**
 * bc_story_bar_start:
 * @self: a story bar
 * @position: the step to show first
 *
 * Shows the bar and step @position of the story of the view state's
 * case; does nothing when the case has no story.
 */
void
bc_story_bar_start (BcStoryBar *self,
                    guint       position)
{
  BcCase *case_;
  GtkWidget *root;

  g_return_if_fail (BC_IS_STORY_BAR (self));
  g_return_if_fail (self->view_state != NULL);

  case_ = bc_view_state_get_case (self->view_state);
  if (case_ == NULL || !bc_case_has_story (case_))
    return;

  if (self->case_ != case_)
    {
      bc_story_bar_stop (self);
      self->case_ = g_object_ref (case_);
      g_signal_connect (case_, "changed", G_CALLBACK (on_case_changed), self);
    }

  root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  if (self->keys == NULL && root != NULL)
    {
      /* Capture: the canvas has its own use for the arrow keys. */
      self->keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
      g_signal_connect (self->keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
      gtk_widget_add_controller (root, self->keys);
      self->keys_on = root;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  show_step (self, MIN (position, n_steps (self) - 1));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * bc_story_bar_stop:
 * @self: a story bar
 *
 * Hides the bar; the view keeps the last step's date.
 */
void
bc_story_bar_stop (BcStoryBar *self)
{
  gboolean was_active;

  g_return_if_fail (BC_IS_STORY_BAR (self));

  was_active = self->position >= 0;
  if (was_active)
    commit_caption (self);

  if (self->keys != NULL)
    {
      gtk_widget_remove_controller (self->keys_on, self->keys);
      self->keys = NULL;
      self->keys_on = NULL;
    }
  if (self->case_ != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->case_, on_case_changed, self);
      g_clear_object (&self->case_);
    }

  self->position = -1;
  self->focus_item = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update_actions (self);
  if (was_active)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

gboolean
bc_story_bar_get_active (BcStoryBar *self)
{
  g_return_val_if_fail (BC_IS_STORY_BAR (self), FALSE);
  return self->position >= 0;
}

/**
 * bc_story_bar_get_position:
 * @self: a story bar
 *
 * Returns: the step shown, from 0, or -1 when the story is not playing
 */
int
bc_story_bar_get_position (BcStoryBar *self)
{
  g_return_val_if_fail (BC_IS_STORY_BAR (self), -1);
  return self->position;
}

/* Puts the keyboard in the caption, all of it selected, for an author
 * who has just made the step. */
void
_bc_story_bar_edit_caption (BcStoryBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (BC_IS_STORY_BAR (self));

  buffer = gtk_text_view_get_buffer (self->caption_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->caption_view));
}

/**
 * bc_story_bar_get_focus_item:
 * @self: a story bar
 *
 * Returns: (transfer none) (nullable): the first item in the shown
 *   step's focus
 */
BcItem *
bc_story_bar_get_focus_item (BcStoryBar *self)
{
  g_return_val_if_fail (BC_IS_STORY_BAR (self), NULL);
  return self->focus_item;
}

/**
 * bc_story_bar_dup_focus:
 * @self: a story bar
 *
 * Returns: (transfer full) (nullable): the ids of the items in focus in
 *   the step shown, separated by commas, as #BcLayoutOptions.focus takes
 *   them; %NULL when no step is shown or it has none
 */
char *
bc_story_bar_dup_focus (BcStoryBar *self)
{
  BcStoryStep *step;

  g_return_val_if_fail (BC_IS_STORY_BAR (self), NULL);

  step = current_step (self);
  return step != NULL ? bc_layout_focus_join (bc_story_step_get_focus (step)) : NULL;
}

/* Private API */

GtkEventController *
_bc_story_bar_get_keys (BcStoryBar *self)
{
  return self->keys;
}

GtkTextView *
_bc_story_bar_get_caption_view (BcStoryBar *self)
{
  return self->caption_view;
}

GtkLabel *
_bc_story_bar_get_title_label (BcStoryBar *self)
{
  return self->title_label;
}

GtkLabel *
_bc_story_bar_get_sources_label (BcStoryBar *self)
{
  return self->sources_label;
}
