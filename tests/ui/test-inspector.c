/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-inspector"

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>

#include "bc-history.h"
#include "bc-inspector-private.h"
#include "bc-item-picker.h"
#include "bc-rules.h"
#include "bc-window-private.h"

/* The inspector as a person reads and edits it: whole texts, the focus
 * and the scroll position kept across edits, Escape, the names of the
 * tracks and of transfer ends, what cites a source, refused pages, and a
 * case that cannot be edited. */

/* Auxiliary functions */

static void
close_window (BcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static GtkWidget *
field (BcWindow   *window,
       const char *key)
{
  GtkWidget *widget = _bc_inspector_get_field (_bc_window_get_inspector (window), key);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
field_error (BcWindow   *window,
             const char *key)
{
  return _bc_inspector_get_field_error (_bc_window_get_inspector (window), key);
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What a key pressed in @widget does, through its key controllers as
 * GTK runs them. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static gboolean
on_screen (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

/* The inspector is folded away in a small window; its button in the
 * header bar reveals it. */
static void
reveal_inspector (BcWindow *window)
{
  GtkWidget *inspector = GTK_WIDGET (_bc_window_get_inspector (window));

  adw_flap_set_reveal_flap (ADW_FLAP (gtk_widget_get_ancestor (inspector, ADW_TYPE_FLAP)), TRUE);
  wait_until (on_screen, inspector);
  drain ();
}

static GtkAdjustment *
inspector_scroll (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* Scrolls the inspector to @data, until it is laid out in the part that
 * shows: the page may still grow as its text views are measured. */
static gboolean
scrolled_into_view (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return FALSE;
  /* Its first line, where a click puts the cursor. */
  if (bounds.origin.y >= 0 && bounds.origin.y + MIN (bounds.size.height, 12) <= gtk_widget_get_height (scrolled))
    return TRUE;

  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  gtk_adjustment_set_value (inspector_scroll (widget), bounds.origin.y - 24);
  return FALSE;
}

/* Scrolls the inspector to @widget, as a user would. */
static void
scroll_to (GtkWidget *widget)
{
  wait_until (scrolled_into_view, widget);
}

static GtkWidget *
focus_of (BcWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
has_focus_in (BcWindow  *window,
              GtkWidget *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Types a key as a person would into whatever has the focus: over the
 * selection, else at the cursor. Then the focus goes elsewhere, which
 * commits what was typed. */
static void
type_q_and_leave (BcWindow *window)
{
  GtkWidget *focus = focus_of (window);

  g_assert_nonnull (focus);
  if (GTK_IS_TEXT_VIEW (focus))
    gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Q", 1, TRUE);
  else
    {
      int position;

      g_assert_true (GTK_IS_EDITABLE (focus));
      gtk_editable_delete_selection (GTK_EDITABLE (focus));
      position = gtk_editable_get_position (GTK_EDITABLE (focus));
      gtk_editable_insert_text (GTK_EDITABLE (focus), "Q", 1, &position);
    }
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  drain ();
}

static BcTransfer *
cited_transfer (BcCase *case_)
{
  GListModel *transfers = bc_case_get_transfers (case_);

  for (guint i = 0; i < g_list_model_get_n_items (transfers); i++)
    {
      g_autoptr(BcTransfer) transfer = g_list_model_get_item (transfers, i);
      GPtrArray *refs = bc_transfer_get_sources (transfer);

      if (refs != NULL && refs->len > 0)
        return transfer;
    }
  g_assert_not_reached ();
}

static guint
n_refs (BcTransfer *transfer)
{
  GPtrArray *refs = bc_transfer_get_sources (transfer);

  return refs != NULL ? refs->len : 0;
}

static BcTransfer *
select_cited_transfer (BcWindow *window)
{
  BcTransfer *transfer = cited_transfer (bc_window_get_case (window));

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();
  reveal_inspector (window);
  return transfer;
}

/* Tests */

static void
test_pages_edit_keeps_focus_and_scroll (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTransfer *transfer = select_cited_transfer (window);
  g_autofree char *title = g_strdup (bc_transfer_get_title (transfer));
  GtkWidget *pages = field (window, "pages:0");
  BcSourceRef *ref;
  double scroll;

  scroll_to (pages);
  scroll = gtk_adjustment_get_value (inspector_scroll (pages));
  gtk_widget_grab_focus (pages);
  gtk_editable_set_text (GTK_EDITABLE (pages), "52-54");
  g_signal_emit_by_name (pages, "apply");
  drain ();

  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), 0);
  g_assert_cmpstr (ref->pages, ==, "52-54");
  /* The same field, still focused, where it was. */
  g_assert_true (field (window, "pages:0") == pages);
  g_assert_true (has_focus_in (window, pages));
  g_assert_cmpfloat (gtk_adjustment_get_value (inspector_scroll (pages)), ==, scroll);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pages)), ==, "52-54");

  /* The next key goes into the pages, never over the title. */
  type_q_and_leave (window);
  g_assert_cmpstr (bc_transfer_get_title (transfer), ==, title);

  close_window (window);
}

static void
test_annotation_edit_keeps_focus (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTransfer *transfer = select_cited_transfer (window);
  g_autofree char *title = g_strdup (bc_transfer_get_title (transfer));
  guint before = g_list_model_get_n_items (bc_transfer_get_annotations (transfer));
  g_autofree char *key = g_strdup_printf ("annotation:%u", before);
  g_autoptr(BcAnnotation) annotation = NULL;
  GtkWidget *composer = field (window, "new-annotation");
  GtkWidget *view;
  g_autofree char *text = NULL;
  double scroll;

  /* Enter in the composer adds the annotation; the focus goes to it. */
  scroll_to (composer);
  gtk_widget_grab_focus (composer);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer)), "Checked.", -1);
  g_assert_true (press_key (composer, GDK_KEY_Return, 0));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (bc_transfer_get_annotations (transfer)), ==, before + 1);
  view = field (window, key);
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_true (has_focus_in (window, view));

  /* Editing it keeps the same view, focused, at the same scroll. */
  scroll_to (view);
  scroll = gtk_adjustment_get_value (inspector_scroll (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Checked against the minutes.", -1);
  g_assert_true (press_key (view, GDK_KEY_Return, GDK_CONTROL_MASK));
  drain ();
  annotation = g_list_model_get_item (bc_transfer_get_annotations (transfer), before);
  g_assert_cmpstr (bc_annotation_get_text (annotation), ==, "Checked against the minutes.");
  g_assert_true (field (window, key) == view);
  g_assert_true (has_focus_in (window, view));
  g_assert_cmpfloat (gtk_adjustment_get_value (inspector_scroll (view)), ==, scroll);

  type_q_and_leave (window);
  g_assert_cmpstr (bc_transfer_get_title (transfer), ==, title);
  text = view_text (view);
  g_assert_true (g_str_has_suffix (bc_annotation_get_text (annotation), "Q"));

  close_window (window);
}

static void
test_create_and_cite_focuses_the_new_pages (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTransfer *transfer = select_cited_transfer (window);
  g_autofree char *title = g_strdup (bc_transfer_get_title (transfer));
  guint before = n_refs (transfer);
  g_autofree char *key = g_strdup_printf ("pages:%u", before);
  GtkWidget *button = field (window, "evidence:add");
  GtkWidget *pages;
  BcSourceRef *ref;

  scroll_to (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  drain ();
  gtk_editable_set_text (GTK_EDITABLE (field (window, "evidence:new-citation")), "Minutes, 1993.");
  g_signal_emit_by_name (field (window, "evidence:create"), "clicked");
  drain ();

  g_assert_cmpuint (n_refs (transfer), ==, before + 1);
  pages = field (window, key);
  g_assert_true (has_focus_in (window, pages));
  /* The title is not selected, the page is not back at its top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (inspector_scroll (pages)), >, 0);

  type_q_and_leave (window);
  g_assert_cmpstr (bc_transfer_get_title (transfer), ==, title);
  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), before);
  g_assert_cmpstr (ref->pages, ==, "Q");

  close_window (window);
}

static void
test_long_description_is_shown_whole (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, "letters");
  GtkWidget *view;
  g_autofree char *text = NULL;

  g_assert_nonnull (event);
  g_assert_cmpuint (strlen (bc_event_get_description (event)), >=, 467);
  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();

  view = field (window, "description");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_false (GTK_IS_EDITABLE (view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), !=, GTK_WRAP_NONE);
  text = view_text (view);
  g_assert_cmpstr (text, ==, bc_event_get_description (event));
  g_clear_pointer (&text, g_free);

  /* The case's summary too, with nothing selected. */
  bc_window_set_selected_item (window, NULL);
  drain ();
  view = field (window, "summary");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  text = view_text (view);
  g_assert_cmpstr (text, ==, bc_case_get_summary (case_));

  close_window (window);
}

static void
test_escape_restores (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, "letters");
  g_autofree char *title = g_strdup (bc_event_get_title (event));
  GtkWidget *view;
  GtkWidget *entry;
  g_autofree char *text = NULL;

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();

  view = field (window, "description");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Half a thought", -1);
  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  text = view_text (view);
  g_assert_cmpstr (text, ==, bc_event_get_description (event));

  /* A refused text goes too, with its message. */
  entry = field (window, "date");
  gtk_editable_set_text (GTK_EDITABLE (entry), "1993-13-45");
  g_assert_nonnull (field_error (window, "date"));
  g_assert_true (press_key (entry, GDK_KEY_Escape, 0));
  g_assert_null (field_error (window, "date"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  entry = field (window, "title");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Something else");
  g_assert_true (press_key (entry, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, title);

  /* Leaving the field afterwards commits nothing. */
  gtk_widget_grab_focus (entry);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  drain ();
  g_assert_cmpstr (bc_event_get_title (event), ==, title);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_track_chooser_names_tracks (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcEvent *event = bc_case_lookup_event (case_, "letters");
  GtkWidget *track;
  GListModel *labels;

  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();
  track = field (window, "track");
  g_assert_true (ADW_IS_COMBO_ROW (track));
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (track));
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, BC_N_TRACKS);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), BC_TRACK_1), ==,
                   "Track 1 · Government (official diplomacy)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), BC_TRACK_2), ==,
                   "Track 2 · Professional / nongovernmental");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), BC_TRACK_9), ==,
                   "Track 9 · Communications and media");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (track)), ==, bc_event_get_track (event));

  close_window (window);
}

static void
test_transfer_ends_show_event_titles (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  g_autoptr(BcTransfer) transfer = g_list_model_get_item (bc_case_get_transfers (case_), 0);
  const char *ends[] = { "from", "to" };

  bc_window_set_selected_item (window, BC_ITEM (transfer));
  drain ();

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      const char *id = i == 0 ? bc_transfer_get_from (transfer) : bc_transfer_get_to (transfer);
      BcEvent *event = bc_case_lookup_event (case_, id);
      GtkWidget *row = gtk_widget_get_ancestor (field (window, ends[i]), ADW_TYPE_ACTION_ROW);
      g_autofree char *date = bc_date_to_string (bc_event_get_date (event));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, bc_event_get_title (event));
      g_assert_nonnull (strstr (subtitle, date));
      g_assert_nonnull (strstr (subtitle, bc_track_get_label (bc_event_get_track (event))));
      g_assert_null (strstr (subtitle, id));
    }

  close_window (window);
}

static void
test_source_lists_what_cites_it (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = cited_transfer (case_);
  const char *source_id = ((BcSourceRef *) g_ptr_array_index (bc_transfer_get_sources (transfer), 0))->ref;
  BcSource *source = bc_case_lookup_source (case_, source_id);
  g_autofree char *key = g_strdup_printf ("cited-by:%s", bc_item_get_id (BC_ITEM (transfer)));
  GtkWidget *row;

  bc_window_set_selected_item (window, BC_ITEM (source));
  drain ();
  row = field (window, key);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, bc_transfer_get_title (transfer));

  /* Each is selectable, like the other rows that name an item. */
  g_signal_emit_by_name (row, "activated");
  drain ();
  g_assert_true (bc_window_get_selected_item (window) == BC_ITEM (transfer));

  close_window (window);
}

static void
test_reversed_pages_refused (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcTransfer *transfer = select_cited_transfer (window);
  BcSourceRef *ref = g_ptr_array_index (bc_transfer_get_sources (transfer), 0);
  g_autofree char *pages = g_strdup (ref->pages);
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = field (window, "pages:0");

  g_assert_false (bc_rules_check_pages ("52-45", &error));
  gtk_editable_set_text (GTK_EDITABLE (entry), "52-45");
  g_signal_emit_by_name (entry, "apply");
  drain ();

  /* The core's message, under the field; nothing changed. */
  g_assert_cmpstr (field_error (window, "pages:0"), ==, error->message);
  ref = g_ptr_array_index (bc_transfer_get_sources (transfer), 0);
  g_assert_cmpstr (ref->pages, ==, pages);
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

static void
test_read_only_case_is_readable (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCase *case_ = bc_window_get_case (window);
  BcInspector *inspector = _bc_window_get_inspector (window);
  BcEvent *event = bc_case_lookup_event (case_, "letters");
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *view;
  g_autofree char *text = NULL;

  /* As the window shows a case that cannot be edited. */
  bc_inspector_set_editable (inspector, FALSE);
  bc_window_set_selected_item (window, BC_ITEM (event));
  drain ();

  view = field (window, "description");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_true (gtk_widget_get_focusable (view));
  text = view_text (view);
  g_assert_cmpstr (text, ==, bc_event_get_description (event));

  /* Selectable, to be copied. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));

  /* Nothing to add, remove or delete; typing changes nothing. */
  g_assert_null (_bc_inspector_get_field (inspector, "evidence:add"));
  g_assert_null (_bc_inspector_get_field (inspector, "participants:add"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (field (window, "title"))));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "Q", 1, gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_false (press_key (view, GDK_KEY_Return, GDK_CONTROL_MASK) &&
                  bc_history_can_undo (bc_case_get_history (case_)));
  g_assert_false (bc_history_can_undo (bc_case_get_history (case_)));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  /* The inspector is revealed at once, laid out where it will stay. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/inspector/pages-edit-keeps-focus-and-scroll", test_pages_edit_keeps_focus_and_scroll);
  g_test_add_func ("/ui/inspector/annotation-edit-keeps-focus", test_annotation_edit_keeps_focus);
  g_test_add_func ("/ui/inspector/create-and-cite-focuses-the-new-pages", test_create_and_cite_focuses_the_new_pages);
  g_test_add_func ("/ui/inspector/long-description-is-shown-whole", test_long_description_is_shown_whole);
  g_test_add_func ("/ui/inspector/escape-restores", test_escape_restores);
  g_test_add_func ("/ui/inspector/track-chooser-names-tracks", test_track_chooser_names_tracks);
  g_test_add_func ("/ui/inspector/transfer-ends-show-event-titles", test_transfer_ends_show_event_titles);
  g_test_add_func ("/ui/inspector/source-lists-what-cites-it", test_source_lists_what_cites_it);
  g_test_add_func ("/ui/inspector/reversed-pages-refused", test_reversed_pages_refused);
  g_test_add_func ("/ui/inspector/read-only-case-is-readable", test_read_only_case_is_readable);

  return g_test_run ();
}
