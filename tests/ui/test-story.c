/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-story"

#include "config.h"

#include "ui-test-util.h"

#include "bc-canvas-private.h"
#include "bc-history.h"
#include "bc-story-bar-private.h"
#include "bc-window-private.h"

/* The story player and its authoring, driven as a user would: Play, the
 * keys, the caption field, Add Step from View, Undo. */

static gboolean
press (BcStoryBar *bar,
       guint       keyval)
{
  GtkEventController *keys = _bc_story_bar_get_keys (bar);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  drain ();
  return handled;
}

static char *
caption_text (BcStoryBar *bar)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (_bc_story_bar_get_caption_view (bar));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static BcStoryStep *
step_at (BcCase *c,
         guint   i)
{
  g_autoptr(BcStoryStep) step = g_list_model_get_item (bc_case_get_story (c), i);

  return step;
}

/* What the bar shows and the view is set to for step @i. */
static void
assert_shows_step (BcWindow *window,
                   guint     i)
{
  BcStoryBar *bar = window->story_bar;
  BcCase *c = window->case_;
  BcStoryStep *step = step_at (c, i);
  guint n = g_list_model_get_n_items (bc_case_get_story (c));
  g_autofree char *title = g_strdup_printf ("Step %u of %u", i + 1, n);
  g_autofree char *caption = caption_text (bar);
  const char * const *focus = bc_story_step_get_focus (step);

  g_assert_cmpint (bc_story_bar_get_position (bar), ==, (int) i);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (_bc_story_bar_get_title_label (bar)), title));
  g_assert_cmpstr (caption, ==, bc_story_step_get_caption (step));
  g_assert_cmpstr (gtk_label_get_text (_bc_story_bar_get_sources_label (bar)), !=, "");
  g_assert_true (bc_date_equal (bc_view_state_get_known_on (_bc_window_get_view_state (window)),
                                bc_story_step_get_known_on (step)));
  g_assert_true (bc_date_equal (_bc_canvas_get_layout (window->canvas)->options.known_on,
                                bc_story_step_get_known_on (step)));
  /* The first item in focus is selected. */
  g_assert_nonnull (window->selected_item);
  g_assert_cmpstr (bc_item_get_id (window->selected_item), ==, focus[0]);
}

/* The button of @bar that runs @action. */
static GtkWidget *
button_for (GtkWidget  *widget,
            const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_for (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_play_walks_the_story (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcStoryBar *bar = window->story_bar;
  BcLayout *layout;
  double width;
  guint32 day0, day1, n;

  n = g_list_model_get_n_items (bc_case_get_story (window->case_));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  /* Play tells the story rather than running the date on. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-play", NULL);
  drain ();
  g_assert_false (bc_timeline_get_playing (window->timeline));
  g_assert_true (bc_story_bar_get_active (bar));
  assert_shows_step (window, 0);

  layout = _bc_canvas_get_layout (window->canvas);
  width = layout->width;
  day0 = layout->day0;
  day1 = layout->day1;

  g_assert_true (press (bar, GDK_KEY_Right));
  assert_shows_step (window, 1);
  g_assert_true (press (bar, GDK_KEY_space));
  assert_shows_step (window, 2);
  g_assert_true (press (bar, GDK_KEY_Left));
  assert_shows_step (window, 1);
  g_assert_true (press (bar, GDK_KEY_End));
  assert_shows_step (window, n - 1);
  /* Past the end stays at the end. */
  g_assert_true (press (bar, GDK_KEY_Right));
  assert_shows_step (window, n - 1);

  /* The picture did not jump: the same axis, the same width. */
  layout = _bc_canvas_get_layout (window->canvas);
  g_assert_cmpfloat (layout->width, ==, width);
  g_assert_cmpuint (layout->day0, ==, day0);
  g_assert_cmpuint (layout->day1, ==, day1);

  g_assert_true (press (bar, GDK_KEY_Home));
  assert_shows_step (window, 0);

  /* The buttons do what the keys do, and can be pressed where a step
   * lies beyond: on the first step, Next and not Previous. */
  g_assert_true (gtk_widget_is_sensitive (button_for (GTK_WIDGET (bar), "story.next")));
  g_assert_false (gtk_widget_is_sensitive (button_for (GTK_WIDGET (bar), "story.previous")));
  g_signal_emit_by_name (button_for (GTK_WIDGET (bar), "story.next"), "clicked");
  drain ();
  assert_shows_step (window, 1);
  g_assert_true (gtk_widget_is_sensitive (button_for (GTK_WIDGET (bar), "story.previous")));

  /* Every item of the step in focus stays in light, the rest fades:
   * the last step of Oslo's has several. */
  g_assert_true (press (bar, GDK_KEY_End));
  assert_shows_step (window, n - 1);
  {
    g_autofree char *focus = bc_story_bar_dup_focus (bar);
    g_auto(GStrv) ids = g_strsplit (focus, ",", -1);
    guint faded = 0;

    g_assert_cmpuint (g_strv_length (ids), >, 1);
    layout = _bc_canvas_get_layout (window->canvas);
    for (guint i = 0; ids[i] != NULL; i++)
      {
        int e = bc_layout_find_event (layout, ids[i]);

        if (e >= 0)
          g_assert_false (g_array_index (layout->events, BcLayoutEvent, e).faded);
      }
    for (guint i = 0; i < layout->events->len; i++)
      faded += g_array_index (layout->events, BcLayoutEvent, i).faded;
    g_assert_cmpuint (faded, >, 0);
  }

  g_assert_true (press (bar, GDK_KEY_Escape));
  g_assert_false (bc_story_bar_get_active (bar));
  /* The story over, nothing is faded for it. */
  layout = _bc_canvas_get_layout (window->canvas);
  for (guint i = 0; i < layout->events->len; i++)
    g_assert_false (g_array_index (layout->events, BcLayoutEvent, i).faded);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  /* Other keys are the canvas's again. */
  g_assert_null (_bc_story_bar_get_keys (bar));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_step_and_edit_caption (void)
{
  BcWindow *window = window_with_case ("camp-david");
  BcStoryBar *bar = window->story_bar;
  BcHistory *history = bc_case_get_history (window->case_);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (_bc_story_bar_get_caption_view (bar));
  guint n = g_list_model_get_n_items (bc_case_get_story (window->case_));
  BcItem *event = bc_case_lookup (window->case_, "leeds-castle");
  BcStoryStep *step;
  BcDate date;
  g_autofree char *placeholder = NULL;

  /* The view: Leeds Castle selected, as known at the end of July 1978. */
  g_assert_true (bc_date_parse ("1978-07-31", &date, NULL));
  bc_view_state_set_known_on (_bc_window_get_view_state (window), date);
  bc_window_set_selected_item (window, event);
  drain ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.story-add-step", NULL);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_story (window->case_)), ==, n + 1);
  g_assert_cmpstr (bc_history_get_undo_label (history), ==, "Add Step");
  g_assert_true (bc_story_bar_get_active (bar));
  step = step_at (window->case_, (guint) bc_story_bar_get_position (bar));
  g_assert_true (bc_date_equal (bc_story_step_get_known_on (step), date));
  g_assert_cmpstr (bc_story_step_get_focus (step)[0], ==, "leeds-castle");
  /* The author is put in the caption. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (_bc_story_bar_get_caption_view (bar))));
  placeholder = g_strdup (bc_story_step_get_caption (step));

  /* Typing does not step; Escape keeps the caption as one undo step. */
  gtk_text_buffer_set_text (buffer, "Vance, Dayan and Kamel meet at Leeds Castle.", -1);
  g_assert_false (press (bar, GDK_KEY_Right));
  g_assert_true (press (bar, GDK_KEY_Escape));
  g_assert_true (bc_story_bar_get_active (bar));
  g_assert_cmpstr (bc_story_step_get_caption (step), ==, "Vance, Dayan and Kamel meet at Leeds Castle.");
  g_assert_cmpstr (bc_history_get_undo_label (history), ==, "Change Caption");

  /* Undo gives the old caption back, in the field too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  drain ();
  g_assert_cmpstr (bc_story_step_get_caption (step), ==, placeholder);
  {
    g_autofree char *shown = caption_text (bar);
    g_assert_cmpstr (shown, ==, placeholder);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  drain ();
  {
    g_autofree char *shown = caption_text (bar);
    g_assert_cmpstr (shown, ==, "Vance, Dayan and Kamel meet at Leeds Castle.");
  }

  /* Move it earlier, then remove it: each one step of the history. */
  {
    int at = bc_story_bar_get_position (bar);

    gtk_widget_activate_action (GTK_WIDGET (bar), "story.move-earlier", NULL);
    drain ();
    g_assert_cmpstr (bc_history_get_undo_label (history), ==, "Move Step");
    g_assert_cmpint (bc_story_bar_get_position (bar), ==, at - 1);
    g_assert_true (step_at (window->case_, (guint) at - 1) == step);
  }
  gtk_widget_activate_action (GTK_WIDGET (bar), "story.remove", NULL);
  drain ();
  g_assert_cmpstr (bc_history_get_undo_label (history), ==, "Remove Step");
  g_assert_cmpuint (g_list_model_get_n_items (bc_case_get_story (window->case_)), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/story/play-walks-the-steps-by-keyboard", test_play_walks_the_story);
  g_test_add_func ("/ui/story/add-step-from-view-and-edit-caption-with-undo", test_add_step_and_edit_caption);

  return g_test_run ();
}
