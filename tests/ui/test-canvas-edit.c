/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-canvas-edit"

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>

#include <string.h>

#include "bc-bundled.h"
#include "bc-edit.h"
#include "bc-canvas-private.h"
#include "bc-history.h"
#include "bc-reader.h"
#include "bc-transfer-popover.h"

/* Editing on the canvas, driven through the same code as the drag
 * gesture: a canvas in a window of its own, with a bundled case. */

typedef struct
{
  GtkWindow *window;
  BcCanvas  *canvas;
  BcCase    *kase;
  BcHistory *history;
} Fixture;

static gboolean
canvas_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = bc_bundled_find_case ("oslo");
  g_autoptr(GError) error = NULL;

  f->kase = bc_case_read_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->history = bc_case_get_history (f->kase);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
  f->canvas = BC_CANVAS (bc_canvas_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->canvas));
  bc_canvas_set_case (f->canvas, f->kase);
  gtk_window_present (f->window);
  wait_until (canvas_allocated, f->canvas);
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  drain ();
  g_clear_object (&f->kase);
}

static BcEvent *
event (Fixture    *f,
       const char *id)
{
  BcEvent *e = bc_case_lookup_event (f->kase, id);

  g_assert_nonnull (e);
  return e;
}

/* Where the handle to draw a transfer from @event is drawn, in widget
 * coordinates. */
static gboolean
handle_of (Fixture *f,
           BcItem  *event,
           double  *x,
           double  *y)
{
  BcLayoutHit hit;
  BcRect node;
  BcPoint c;

  if (!bc_layout_find (_bc_canvas_get_layout (f->canvas), G_OBJECT (event), &hit))
    return FALSE;
  bc_layout_hit_shape (f->canvas->layout, &hit, &node);
  c = bc_overlay_handle_centre (&node, bc_canvas_get_zoom (f->canvas));
  _bc_canvas_layout_to_widget (f->canvas, c.x, c.y, x, y);
  return TRUE;
}

/* Where an end of @transfer is drawn, in widget coordinates: its head
 * when @head, else its tail. */
static gboolean
transfer_end_of (Fixture    *f,
                 BcTransfer *transfer,
                 gboolean    head,
                 double     *x,
                 double     *y)
{
  BcLayoutHit hit;
  const BcLayoutCurve *c;
  BcPoint end;

  if (!bc_layout_find (_bc_canvas_get_layout (f->canvas), G_OBJECT (transfer), &hit))
    return FALSE;
  c = &g_array_index (f->canvas->layout->transfers, BcLayoutCurve, hit.index);
  end = head ? bc_layout_curve_end (c) : c->p[0];
  _bc_canvas_layout_to_widget (f->canvas, end.x, end.y, x, y);
  return TRUE;
}

/* Where the event being moved would land if released now; unset when no
 * event is being moved. */
static void
drop_date_of (Fixture *f,
              BcDate  *date,
              BcDate  *end)
{
  gboolean moving = f->canvas->drag_mode == BC_CANVAS_DRAG_MOVE && f->canvas->drag_moved;

  *date = moving ? f->canvas->drop_date : BC_DATE_UNSET;
  *end = moving ? f->canvas->drop_end : BC_DATE_UNSET;
}

static void
centre_of (Fixture    *f,
           const char *id,
           double     *x,
           double     *y)
{
  g_assert_true (_bc_canvas_item_to_widget (f->canvas, BC_ITEM (event (f, id)), x, y));
}

/* A drag as the gesture reports it: a press, a few motions, a release. */
static void
drag (Fixture         *f,
      double           x0,
      double           y0,
      double           x1,
      double           y1,
      GdkModifierType  state)
{
  _bc_canvas_drag_begin (f->canvas, x0, y0, state);
  for (int i = 1; i <= 4; i++)
    _bc_canvas_drag_update (f->canvas, x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4);
  _bc_canvas_drag_end (f->canvas, x1, y1);
  drain ();
}

/* From the handle of @from, which shows on the selected event, to the
 * centre of @to. */
static void
drag_from_handle (Fixture    *f,
                  const char *from,
                  const char *to)
{
  double hx, hy, tx, ty;

  bc_canvas_set_selected_item (f->canvas, BC_ITEM (event (f, from)));
  drain ();
  g_assert_true (handle_of (f, BC_ITEM (event (f, from)), &hx, &hy));
  centre_of (f, to, &tx, &ty);
  drag (f, hx, hy, tx, ty, 0);
}

static guint
n_transfers (Fixture *f)
{
  return g_list_model_get_n_items (bc_case_get_transfers (f->kase));
}

static BcTransfer *
last_transfer (Fixture *f)
{
  g_autoptr(BcTransfer) t = g_list_model_get_item (bc_case_get_transfers (f->kase), n_transfers (f) - 1);

  return t;
}

static gboolean
curve_shown (Fixture    *f,
             BcTransfer *transfer)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);

  for (guint i = 0; i < layout->transfers->len; i++)
    if (g_array_index (layout->transfers, BcLayoutCurve, i).object == G_OBJECT (transfer))
      return TRUE;
  return FALSE;
}

static void
test_drag_creates_transfer (Fixture       *f,
                            gconstpointer  data)
{
  guint before = n_transfers (f);
  BcTransferPopover *popover;
  g_autofree char *id = NULL;
  g_autoptr(BcTransfer) made = NULL;
  const char * const *carriers;

  drag_from_handle (f, "sarpsborg-1", "holst-fm");

  /* The popover asks first; nothing is in the case or the history yet. */
  popover = BC_TRANSFER_POPOVER (f->canvas->popover);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (bc_transfer_popover_get_from (popover) == event (f, "sarpsborg-1"));
  g_assert_true (bc_transfer_popover_get_to (popover) == event (f, "holst-fm"));
  g_assert_cmpint (bc_transfer_popover_get_mechanism (popover), ==, -1);
  g_assert_cmpuint (n_transfers (f), ==, before);

  /* It fits beside the event it points at, not across the window: the
   * meanings and the actors' names wrap. */
  {
    int natural = 0;

    gtk_widget_measure (GTK_WIDGET (popover), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_test_message ("the popover is %d px wide", natural);
    g_assert_cmpint (natural, <=, 800);
  }
  g_assert_false (bc_history_can_undo (f->history));

  bc_transfer_popover_set_mechanism (popover, BC_MECHANISM_DRAFT_TEXT);
  bc_transfer_popover_set_status (popover, BC_STATUS_INFERRED);
  bc_transfer_popover_set_carrier (popover, "larsen", TRUE);
  bc_transfer_popover_set_carrier (popover, "holst", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (popover), "transfer.create", NULL);
  drain ();

  g_assert_null (f->canvas->popover);
  g_assert_cmpuint (n_transfers (f), ==, before + 1);
  made = g_object_ref (last_transfer (f));
  id = g_strdup (bc_item_get_id (BC_ITEM (made)));
  g_assert_true (g_str_has_prefix (id, "transfer-"));
  g_assert_cmpstr (bc_transfer_get_from (made), ==, "sarpsborg-1");
  g_assert_cmpstr (bc_transfer_get_to (made), ==, "holst-fm");
  g_assert_cmpint (bc_transfer_get_mechanism (made), ==, BC_MECHANISM_DRAFT_TEXT);
  g_assert_cmpint (bc_transfer_get_status (made), ==, BC_STATUS_INFERRED);
  carriers = bc_transfer_get_carriers (made);
  g_assert_nonnull (carriers);
  g_assert_cmpuint (g_strv_length ((char **) carriers), ==, 2);
  g_assert_true (g_strv_contains (carriers, "larsen"));
  g_assert_true (g_strv_contains (carriers, "holst"));
  g_assert_nonnull (bc_transfer_get_title (made));
  /* The arrow is there at once, and selected. */
  g_assert_true (curve_shown (f, made));
  g_assert_true (bc_canvas_get_selected_item (f->canvas) == BC_ITEM (made));

  /* One undo takes all of it away; redo brings it back. */
  g_assert_true (bc_history_undo (f->history));
  drain ();
  g_assert_cmpuint (n_transfers (f), ==, before);
  g_assert_null (bc_case_lookup (f->kase, id));
  g_assert_false (bc_history_can_undo (f->history));
  g_assert_false (curve_shown (f, made));
  g_assert_true (bc_history_redo (f->history));
  drain ();
  g_assert_cmpuint (n_transfers (f), ==, before + 1);
  g_assert_true (bc_case_lookup_transfer (f->kase, id) == made);
  g_assert_cmpint (bc_transfer_get_mechanism (made), ==, BC_MECHANISM_DRAFT_TEXT);
  g_assert_true (curve_shown (f, made));
}

static void
test_shift_drag_and_cancel (Fixture       *f,
                            gconstpointer  data)
{
  guint before = n_transfers (f);
  double x0, y0, x1, y1;
  GtkWidget *popover;

  /* Shift and a drag from an event's body draws a transfer too. */
  centre_of (f, "fafo-report", &x0, &y0);
  centre_of (f, "knesset-repeal", &x1, &y1);
  drag (f, x0, y0, x1, y1, GDK_SHIFT_MASK);
  popover = f->canvas->popover;
  g_assert_nonnull (popover);
  g_assert_true (bc_transfer_popover_get_to (BC_TRANSFER_POPOVER (popover)) == event (f, "knesset-repeal"));

  /* Create waits for a mechanism. */
  gtk_widget_activate_action (popover, "transfer.create", NULL);
  drain ();
  g_assert_cmpuint (n_transfers (f), ==, before);

  /* Cancel leaves nothing behind, in the case or the history. */
  gtk_widget_activate_action (popover, "transfer.cancel", NULL);
  drain ();
  g_assert_null (f->canvas->popover);
  g_assert_cmpuint (n_transfers (f), ==, before);
  g_assert_false (bc_history_can_undo (f->history));
  g_assert_false (bc_history_can_redo (f->history));
  g_assert_true (bc_date_equal (bc_event_get_date (event (f, "fafo-report")),
                                (BcDate) { 1993, 1, 20 }));
}

static void
test_same_track_drop_refused (Fixture       *f,
                              gconstpointer  data)
{
  guint before = n_transfers (f);
  double hx, hy;

  /* sarpsborg-1 and academic-rounds are both on Track 2. */
  drag_from_handle (f, "sarpsborg-1", "academic-rounds");
  g_assert_null (f->canvas->popover);
  g_assert_cmpstr (f->canvas->hint, ==, "A transfer joins events on two different tracks");
  g_assert_cmpuint (n_transfers (f), ==, before);
  g_assert_false (bc_history_can_undo (f->history));

  /* Empty space: nothing either, and a word on what to do. */
  g_assert_true (handle_of (f, BC_ITEM (event (f, "sarpsborg-1")), &hx, &hy));
  drag (f, hx, hy, 2, gtk_widget_get_height (GTK_WIDGET (f->canvas)) - 2, 0);
  g_assert_null (f->canvas->popover);
  g_assert_cmpstr (f->canvas->hint, ==, "Release over an event on another track to make a transfer");
  g_assert_cmpuint (n_transfers (f), ==, before);
  g_assert_false (bc_history_can_undo (f->history));
}

static void
test_reconnect (Fixture       *f,
                gconstpointer  data)
{
  BcTransfer *memo = bc_case_lookup_transfer (f->kase, "holst-memo");
  double hx, hy, tx, ty;

  g_assert_cmpstr (bc_transfer_get_to (memo), ==, "peres-letter");
  bc_canvas_set_selected_item (f->canvas, BC_ITEM (memo));
  drain ();

  /* The head, to another Track 1 event. */
  g_assert_true (transfer_end_of (f, memo, TRUE, &hx, &hy));
  centre_of (f, "oslo-ii", &tx, &ty);
  drag (f, hx, hy, tx, ty, 0);
  g_assert_cmpstr (bc_transfer_get_to (memo), ==, "oslo-ii");
  g_assert_cmpstr (bc_transfer_get_from (memo), ==, "holst-tunis-1");

  /* One step. */
  g_assert_true (bc_history_undo (f->history));
  drain ();
  g_assert_cmpstr (bc_transfer_get_to (memo), ==, "peres-letter");
  g_assert_false (bc_history_can_undo (f->history));

  /* The tail may not join the head's track: holst-tunis-1 → peres-letter
   * would become a Track 1 → Track 1 transfer. */
  bc_canvas_set_selected_item (f->canvas, BC_ITEM (memo));
  drain ();
  g_assert_true (transfer_end_of (f, memo, FALSE, &hx, &hy));
  centre_of (f, "singer-joins", &tx, &ty);
  drag (f, hx, hy, tx, ty, 0);
  g_assert_cmpstr (bc_transfer_get_from (memo), ==, "holst-tunis-1");
  g_assert_cmpstr (f->canvas->hint, ==, "A transfer joins events on two different tracks");
  g_assert_false (bc_history_can_undo (f->history));

  /* The tail to another track's event. */
  centre_of (f, "academic-rounds", &tx, &ty);
  g_assert_true (transfer_end_of (f, memo, FALSE, &hx, &hy));
  drag (f, hx, hy, tx, ty, 0);
  g_assert_cmpstr (bc_transfer_get_from (memo), ==, "academic-rounds");
  g_assert_true (bc_history_undo (f->history));
  g_assert_cmpstr (bc_transfer_get_from (memo), ==, "holst-tunis-1");
}

/* The widget distance that @days make on the time axis near @event. */
static double
days_to_pixels (Fixture    *f,
                const char *id,
                double      days)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);
  BcDate date = bc_event_get_date (event (f, id));
  double middle = (bc_date_get_first_day (date) + bc_date_get_last_day (date) + 1) / 2.0;

  return (bc_layout_day_to_x (layout, middle + days) - bc_layout_day_to_x (layout, middle)) *
         bc_canvas_get_zoom (f->canvas);
}

static void
move (Fixture    *f,
      const char *id,
      double      days)
{
  double x, y;

  centre_of (f, id, &x, &y);
  drag (f, x, y, x + days_to_pixels (f, id, days), y + 2, 0);
}

static gboolean
date_is (BcDate      date,
         const char *text)
{
  g_autofree char *s = bc_date_to_string (date);

  return g_strcmp0 (s, text) == 0;
}

static void
test_move_snaps_to_precision (Fixture       *f,
                              gconstpointer  data)
{
  BcEvent *day = event (f, "sarpsborg-1");
  BcEvent *month = event (f, "holst-fm");
  BcEvent *range = event (f, "academic-rounds");

  /* Known to the day: ten days later. */
  move (f, "sarpsborg-1", 10.2);
  g_assert_true (date_is (bc_event_get_date (day), "1993-01-30"));
  g_assert_true (bc_history_undo (f->history));
  g_assert_true (date_is (bc_event_get_date (day), "1993-01-20"));
  g_assert_false (bc_history_can_undo (f->history));

  /* Known to the month: it lands on a month, two later. */
  move (f, "holst-fm", 61);
  g_assert_true (date_is (bc_event_get_date (month), "1993-06"));
  g_assert_true (bc_history_undo (f->history));
  g_assert_true (date_is (bc_event_get_date (month), "1993-04"));

  /* A span keeps its length, and is one step. */
  move (f, "academic-rounds", -31);
  g_assert_true (date_is (bc_event_get_date (range), "1993-01-11"));
  g_assert_true (date_is (bc_event_get_end (range), "1993-01-12"));
  g_assert_true (bc_history_undo (f->history));
  g_assert_true (date_is (bc_event_get_date (range), "1993-02-11"));
  g_assert_true (date_is (bc_event_get_end (range), "1993-02-12"));
  g_assert_false (bc_history_can_undo (f->history));
}

static void
test_escape_cancels_move (Fixture       *f,
                          gconstpointer  data)
{
  BcEvent *day = event (f, "sarpsborg-1");
  double x, y, dx = days_to_pixels (f, "sarpsborg-1", 20.2);
  BcDate landing, end;

  centre_of (f, "sarpsborg-1", &x, &y);
  _bc_canvas_drag_begin (f->canvas, x, y, 0);
  _bc_canvas_drag_update (f->canvas, x + dx / 2, y);
  _bc_canvas_drag_update (f->canvas, x + dx, y);
  /* The axis shows where it would land; nothing changes until the
   * release. */
  drop_date_of (f, &landing, &end);
  g_assert_true (date_is (landing, "1993-02-09"));
  g_assert_false (bc_date_is_set (end));
  g_assert_true (date_is (bc_event_get_date (day), "1993-01-20"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.cancel-drag", NULL));
  drop_date_of (f, &landing, &end);
  g_assert_false (bc_date_is_set (landing));
  _bc_canvas_drag_end (f->canvas, x + dx, y);
  drain ();
  g_assert_true (date_is (bc_event_get_date (day), "1993-01-20"));
  g_assert_false (bc_history_can_undo (f->history));
}

static void
test_click_and_pan_unchanged (Fixture       *f,
                              gconstpointer  data)
{
  BcEvent *day = event (f, "sarpsborg-1");
  BcLayout *layout;
  double x, y, x0, y0, x1, y1;

  /* A press that hardly moves is a click: it moves nothing. */
  centre_of (f, "sarpsborg-1", &x, &y);
  drag (f, x, y, x + 1, y + 1, 0);
  g_assert_true (date_is (bc_event_get_date (day), "1993-01-20"));
  g_assert_false (bc_history_can_undo (f->history));

  /* A drag on empty space pans. The title block's left margin is empty. */
  layout = _bc_canvas_get_layout (f->canvas);
  g_assert_nonnull (layout);
  g_assert_null (_bc_canvas_pick (f->canvas, 3, gtk_widget_get_height (GTK_WIDGET (f->canvas)) - 3));
  centre_of (f, "sarpsborg-1", &x0, &y0);
  drag (f, 3, gtk_widget_get_height (GTK_WIDGET (f->canvas)) - 3,
        53, gtk_widget_get_height (GTK_WIDGET (f->canvas)) - 23, 0);
  centre_of (f, "sarpsborg-1", &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 50, 0.01);
  g_assert_cmpfloat_with_epsilon (y1 - y0, -20, 0.01);
  g_assert_false (bc_history_can_undo (f->history));

  /* Not editable: a drag on an event pans too. */
  bc_canvas_set_editable (f->canvas, FALSE);
  drag (f, x1, y1, x1 + 40, y1, 0);
  g_assert_true (date_is (bc_event_get_date (day), "1993-01-20"));
  g_assert_false (bc_history_can_undo (f->history));
  centre_of (f, "sarpsborg-1", &x0, &y0);
  g_assert_cmpfloat_with_epsilon (x0 - x1, 40, 0.01);
}

static BcLayoutEvent *
layout_event (Fixture    *f,
              const char *id)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);
  int i = bc_layout_find_event (layout, id);

  g_assert_cmpint (i, >=, 0);
  return &g_array_index (layout->events, BcLayoutEvent, i);
}

static BcLayoutCurve *
layout_curve (Fixture    *f,
              const char *id)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);

  for (guint i = 0; i < layout->transfers->len; i++)
    {
      BcLayoutCurve *c = &g_array_index (layout->transfers, BcLayoutCurve, i);

      if (g_str_equal (bc_item_get_id (BC_ITEM (c->object)), id))
        return c;
    }
  g_assert_not_reached ();
}

static void
test_annotation_marks_follow_edits (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(BcAnnotation) about = bc_annotation_new_now ("A. Analyst", "cairo", "Checked.");
  g_autoptr(BcAnnotation) own = bc_annotation_new_now ("A. Analyst", NULL, "Where from?");
  g_autoptr(BcCommand) insert_about = bc_insert_command_new ("annotations", NULL, -1, G_OBJECT (about));
  g_autoptr(BcCommand) insert_own = bc_insert_command_new ("annotations", "holst-memo", -1, G_OBJECT (own));
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (layout_event (f, "sarpsborg-1")->mark.width, >, 0);
  g_assert_cmpfloat (layout_event (f, "cairo")->mark.width, ==, 0);
  g_assert_cmpfloat (layout_curve (f, "holst-memo")->mark.width, ==, 0);

  /* A case-level annotation about an event. */
  g_assert_true (bc_history_perform (f->history, insert_about, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpfloat (layout_event (f, "cairo")->mark.width, >, 0);
  g_assert_true (bc_history_undo (f->history));
  drain ();
  g_assert_cmpfloat (layout_event (f, "cairo")->mark.width, ==, 0);

  /* A transfer's own annotation. */
  g_assert_true (bc_history_perform (f->history, insert_own, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (layout_curve (f, "holst-memo")->annotations, ==, 1);
  g_assert_cmpfloat (layout_curve (f, "holst-memo")->mark.width, >, 0);
  g_assert_true (bc_history_undo (f->history));
  drain ();
  g_assert_cmpfloat (layout_curve (f, "holst-memo")->mark.width, ==, 0);
}

static void
test_keyboard_nudge (Fixture       *f,
                     gconstpointer  data)
{
  BcEvent *month = event (f, "holst-fm");

  bc_canvas_set_selected_item (f->canvas, BC_ITEM (month));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "i", 1));
  g_assert_true (date_is (bc_event_get_date (month), "1993-05"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "i", -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "i", -1));
  g_assert_true (date_is (bc_event_get_date (month), "1993-03"));
  g_assert_true (bc_history_undo (f->history));
  g_assert_true (date_is (bc_event_get_date (month), "1993-04"));
}

static gboolean
sources_line_names (Fixture    *f,
                    const char *author)
{
  BcLayout *layout = _bc_canvas_get_layout (f->canvas);

  g_assert_true (g_str_has_prefix (layout->sources, "Sources: "));
  return strstr (layout->sources, author) != NULL;
}

/* The title block's "Sources:" line follows a source added, renamed and
 * removed, and the undoing of each. */
static void
test_sources_line_follows_sources (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BcSource *source;

  g_assert_false (sources_line_names (f, "Zuckermann"));
  source = bc_edit_add_source (f->kase, BC_SOURCE_BOOK, "Zuckermann, Q. A Later Study. 2024.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  drain ();
  g_assert_true (sources_line_names (f, "Zuckermann"));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Quennell, R. Another Study. 2025.");
  g_assert_true (bc_edit_set (f->kase, G_OBJECT (source), "citation", &value, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_false (sources_line_names (f, "Zuckermann"));
  g_assert_true (sources_line_names (f, "Quennell"));

  g_assert_true (bc_edit_delete (f->kase, G_OBJECT (source), &error));
  g_assert_no_error (error);
  drain ();
  g_assert_false (sources_line_names (f, "Quennell"));

  g_assert_true (bc_history_undo (f->history));
  drain ();
  g_assert_true (sources_line_names (f, "Quennell"));
  g_assert_true (bc_history_undo (f->history));
  g_assert_true (bc_history_undo (f->history));
  drain ();
  g_assert_false (sources_line_names (f, "Quennell"));
  g_assert_false (sources_line_names (f, "Zuckermann"));
}

#define ADD(path, func) \
  g_test_add ("/ui/canvas-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  ADD ("drag-creates-transfer", test_drag_creates_transfer);
  ADD ("shift-drag-and-cancel-leave-no-trace", test_shift_drag_and_cancel);
  ADD ("same-track-or-empty-drop-refused", test_same_track_drop_refused);
  ADD ("drag-end-reconnects", test_reconnect);
  ADD ("move-snaps-to-date-precision", test_move_snaps_to_precision);
  ADD ("escape-cancels-move", test_escape_cancels_move);
  ADD ("click-and-pan-unchanged", test_click_and_pan_unchanged);
  ADD ("annotation-marks-follow-edits", test_annotation_marks_follow_edits);
  ADD ("keyboard-nudge-moves-by-precision", test_keyboard_nudge);
  ADD ("sources-line-follows-sources", test_sources_line_follows_sources);

  return g_test_run ();
}
