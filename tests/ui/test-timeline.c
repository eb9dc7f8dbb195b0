/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline"

#include "config.h"

#include "ui-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdio.h>

#include "bc-application.h"
#include "bc-bundled.h"
#include "bc-case-private.h"
#include "bc-canvas-private.h"
#include "bc-export-dialog-private.h"
#include "bc-print-operation.h"
#include "bc-timeline-private.h"
#include "bc-window-private.h"

/* The timeline, its filters, the export dialog, printing and the narrow
 * window, driven through the widgets a user would touch. */

static void
type_date (BcTimeline *timeline,
           const char *text)
{
  GtkEditable *entry = _bc_timeline_get_entry (timeline);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
layout_shows (BcCanvas   *canvas,
              const char *id)
{
  return bc_layout_find_event (_bc_canvas_get_layout (canvas), id) >= 0;
}

static gboolean
layout_has_lane (BcCanvas *canvas,
                 BcTrack   track)
{
  BcLayout *layout = _bc_canvas_get_layout (canvas);

  for (guint i = 0; i < layout->lanes->len; i++)
    if (g_array_index (layout->lanes, BcLayoutLane, i).track == track)
      return TRUE;
  return FALSE;
}

static guint32
day_of (BcDate date)
{
  return bc_date_get_last_day (date);
}

static void
test_known_on_hides_undisclosed_event (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  guint all = _bc_canvas_get_layout (canvas)->events->len;
  BcDate date;

  /* Sarpsborg met in January 1993 but stayed secret until August. */
  g_assert_true (layout_shows (canvas, "sarpsborg-1"));

  type_date (timeline, "1993-06-01");
  g_assert_true (bc_date_parse ("1993-06-01", &date, NULL));
  g_assert_true (bc_date_equal (bc_canvas_get_known_on (canvas), date));
  g_assert_true (bc_date_equal (_bc_canvas_get_layout (canvas)->options.known_on, date));
  g_assert_false (layout_shows (canvas, "sarpsborg-1"));
  /* What was public by then stays, what had not happened goes. */
  g_assert_true (layout_shows (canvas, "knesset-repeal"));
  g_assert_true (layout_shows (canvas, "telaviv-1992"));
  g_assert_false (layout_shows (canvas, "initialling"));
  /* The slider follows the entry. */
  g_assert_cmpfloat (gtk_range_get_value (_bc_timeline_get_scale (timeline)), ==, day_of (date));

  type_date (timeline, "1993-09");
  g_assert_true (layout_shows (canvas, "sarpsborg-1"));

  /* An empty entry, or Reset, shows everything again. */
  type_date (timeline, "");
  g_assert_false (bc_date_is_set (bc_canvas_get_known_on (canvas)));
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->events->len, ==, all);

  type_date (timeline, "1992");
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->events->len, <, all);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-reset", NULL);
  g_assert_false (bc_date_is_set (bc_timeline_get_known_on (timeline)));
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->events->len, ==, all);
  g_assert_cmpstr (gtk_editable_get_text (_bc_timeline_get_entry (timeline)), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_known_on_keeps_the_frame (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  guint lanes = _bc_canvas_get_layout (canvas)->lanes->len;
  double width = _bc_canvas_get_layout (canvas)->plot.width;

  /* Early on only a few tracks have events; the lanes of the others stay,
   * empty, so that events appear in their places as the date moves. */
  type_date (timeline, "1992-05");
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->lanes->len, ==, lanes);
  g_assert_cmpfloat (_bc_canvas_get_layout (canvas)->plot.width, ==, width);
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->options.first_day, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_date_is_not_applied (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  GtkWidget *entry = GTK_WIDGET (_bc_timeline_get_entry (timeline));
  BcDate before;

  type_date (timeline, "1993-03-01");
  before = bc_canvas_get_known_on (canvas);

  type_date (timeline, "1993-13-45");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (entry), "1993-13-45"));
  g_assert_true (bc_date_equal (bc_canvas_get_known_on (canvas), before));

  type_date (timeline, "the day after");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (bc_date_equal (bc_canvas_get_known_on (canvas), before));

  /* Typing again clears the error until the text is confirmed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1993-0");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  type_date (timeline, "1993-04");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (bc_date_equal (bc_canvas_get_known_on (canvas), before));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_track_filter_removes_a_lane (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  guint lanes = _bc_canvas_get_layout (canvas)->lanes->len;
  GtkCheckButton *track5 = _bc_timeline_get_track_check (timeline, BC_TRACK_5);

  /* A check for each track that has events, and none for the others. */
  g_assert_nonnull (track5);
  g_assert_nonnull (_bc_timeline_get_track_check (timeline, BC_TRACK_1));
  g_assert_null (_bc_timeline_get_track_check (timeline, BC_TRACK_7));
  g_assert_true (layout_has_lane (canvas, BC_TRACK_5));

  gtk_check_button_set_active (track5, FALSE);
  g_assert_cmpuint (bc_canvas_get_tracks (canvas), !=, 0);
  g_assert_false (bc_canvas_get_tracks (canvas) & BC_TRACK_BIT (BC_TRACK_5));
  g_assert_true (bc_canvas_get_tracks (canvas) & BC_TRACK_BIT (BC_TRACK_2));
  g_assert_false (layout_has_lane (canvas, BC_TRACK_5));
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->lanes->len, ==, lanes - 1);
  g_assert_false (layout_shows (canvas, "fafo-report"));

  /* Together with a date, the filtered lane stays away. */
  type_date (timeline, "1993-06-01");
  g_assert_false (layout_has_lane (canvas, BC_TRACK_5));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-reset", NULL);

  gtk_check_button_set_active (track5, TRUE);
  g_assert_cmpuint (bc_canvas_get_tracks (canvas), ==, 0);
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->lanes->len, ==, lanes);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_last_track_cannot_be_hidden (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  GtkCheckButton *track2 = _bc_timeline_get_track_check (timeline, BC_TRACK_2);

  bc_timeline_set_tracks (timeline, BC_TRACK_BIT (BC_TRACK_2));
  g_assert_cmpuint (bc_canvas_get_tracks (canvas), ==, BC_TRACK_BIT (BC_TRACK_2));
  g_assert_cmpuint (_bc_canvas_get_layout (canvas)->lanes->len, ==, 1);
  g_assert_true (gtk_check_button_get_active (track2));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (track2)));
  g_assert_false (gtk_check_button_get_active (_bc_timeline_get_track_check (timeline, BC_TRACK_1)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_highlight_sets_the_option (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  GtkCheckButton *draft = _bc_timeline_get_mechanism_check (timeline, BC_MECHANISM_DRAFT_TEXT);

  g_assert_cmpint (_bc_canvas_get_layout (canvas)->options.highlight, ==, -1);
  /* Oslo has no public consultation: no choice for it. */
  g_assert_null (_bc_timeline_get_mechanism_check (timeline, BC_MECHANISM_PUBLIC_CONSULTATION));

  gtk_check_button_set_active (draft, TRUE);
  g_assert_cmpint (bc_canvas_get_highlight (canvas), ==, BC_MECHANISM_DRAFT_TEXT);
  g_assert_cmpint (_bc_canvas_get_layout (canvas)->options.highlight, ==, BC_MECHANISM_DRAFT_TEXT);

  gtk_check_button_set_active (_bc_timeline_get_mechanism_check (timeline, -1), TRUE);
  g_assert_cmpint (bc_canvas_get_highlight (canvas), ==, -1);
  g_assert_false (gtk_check_button_get_active (draft));
  g_assert_cmpint (_bc_canvas_get_layout (canvas)->options.highlight, ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  BcTimeline *timeline;
  guint32     day;
} Moved;

static gboolean
date_moved_past (gpointer data)
{
  Moved *m = data;
  BcDate date = bc_timeline_get_known_on (m->timeline);

  return bc_date_is_set (date) && day_of (date) > m->day;
}

static gboolean
stopped_playing (gpointer data)
{
  return !bc_timeline_get_playing (data);
}

/* Oslo without its story: Play runs the date on only in a case that has
 * no story to tell. */
static BcWindow *
window_without_story (const char *name)
{
  BcWindow *window = window_with_case (name);
  GListModel *story = bc_case_get_story (window->case_);

  while (g_list_model_get_n_items (story) > 0)
    g_object_unref (_bc_case_remove (window->case_, "story", NULL, 0, NULL));
  return window;
}

static void
test_play_advances_the_date (void)
{
  BcWindow *window = window_without_story ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  guint32 first, last;
  Moved moved = { timeline, 0 };
  BcDate paused;

  _bc_timeline_get_span (timeline, &first, &last);
  g_assert_cmpuint (first, <, last);

  /* From "everything known", playing starts at the beginning. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-play", NULL);
  g_assert_true (bc_timeline_get_playing (timeline));
  g_assert_cmpuint (day_of (bc_timeline_get_known_on (timeline)), ==, first);

  moved.day = first;
  wait_until (date_moved_past, &moved);
  g_assert_true (bc_timeline_get_playing (timeline));
  /* The canvas follows the timeline. */
  g_assert_true (bc_date_equal (bc_canvas_get_known_on (canvas), bc_timeline_get_known_on (timeline)));

  /* A second step moves further on. */
  moved.day = day_of (bc_timeline_get_known_on (timeline));
  wait_until (date_moved_past, &moved);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.timeline-play", NULL);
  g_assert_false (bc_timeline_get_playing (timeline));
  paused = bc_timeline_get_known_on (timeline);
  drain ();
  g_assert_true (bc_date_equal (bc_timeline_get_known_on (timeline), paused));

  /* Near the end, playing stops by itself on the last day. */
  bc_timeline_set_known_on (timeline, bc_date_from_julian (last - 2, BC_DATE_PRECISION_DAY));
  bc_timeline_set_playing (timeline, TRUE);
  wait_until (stopped_playing, timeline);
  g_assert_cmpuint (day_of (bc_timeline_get_known_on (timeline)), ==, last);

  /* Playing again from the end starts over. */
  bc_timeline_set_playing (timeline, TRUE);
  g_assert_cmpuint (day_of (bc_timeline_get_known_on (timeline)), ==, first);
  bc_timeline_reset (timeline);
  g_assert_false (bc_timeline_get_playing (timeline));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_play_reaches_the_end_in_bounded_steps (void)
{
  BcWindow *window = window_without_story ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcCanvas *canvas = _bc_window_get_canvas (window);
  guint32 first, last, previous = 0;
  guint steps = 0;
  gboolean saw_sarpsborg_hidden = FALSE;

  _bc_timeline_get_span (timeline, &first, &last);
  bc_timeline_set_known_on (timeline, bc_date_from_julian (first, BC_DATE_PRECISION_DAY));

  /* Every step moves forward; the secret channel is hidden for a while
   * and shows once disclosed, as a student would watch it. */
  while (_bc_timeline_step (timeline))
    {
      guint32 day = day_of (bc_timeline_get_known_on (timeline));

      g_assert_cmpuint (day, >, previous);
      previous = day;
      if (day > bc_date_get_last_day ((BcDate) { 1993, 1, 20 }) && !layout_shows (canvas, "sarpsborg-1"))
        saw_sarpsborg_hidden = TRUE;
      g_assert_cmpuint (++steps, <, 200);
    }
  g_assert_cmpuint (steps, >, 20);
  g_assert_true (saw_sarpsborg_hidden);
  g_assert_cmpuint (day_of (bc_timeline_get_known_on (timeline)), ==, last);
  g_assert_true (layout_shows (canvas, "sarpsborg-1"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static BcExportDialog *
open_export_dialog (BcWindow *window)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = _bc_window_get_export_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (BC_IS_EXPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  drain ();
  return BC_EXPORT_DIALOG (dialog);
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bc-test-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_export_dialog_saves_svg (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  BcExportDialog *dialog;
  g_autofree char *path = temp_path ("oslo.svg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  BcExportOptions options;
  BcExportType type;
  xmlDocPtr doc;

  type_date (timeline, "1993-06-01");
  bc_timeline_set_highlight (timeline, BC_MECHANISM_DRAFT_TEXT);
  dialog = open_export_dialog (window);

  /* The dialog starts from what the canvas shows. */
  g_assert_cmpuint (adw_combo_row_get_selected (_bc_export_dialog_get_format_row (dialog)), ==, BC_EXPORT_SVG);
  g_assert_true (gtk_switch_get_active (_bc_export_dialog_get_known_on_switch (dialog)));
  _bc_export_dialog_get_options (dialog, &type, &options);
  g_assert_cmpint (type, ==, BC_EXPORT_SVG);
  g_assert_cmpint (options.theme, ==, BC_THEME_LIGHT);
  g_assert_cmpint (options.layout.highlight, ==, BC_MECHANISM_DRAFT_TEXT);
  g_assert_cmpuint (options.layout.known_on.year, ==, 1993);
  name = _bc_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "oslo-1993-06-01.svg");

  g_assert_true (_bc_export_dialog_save_to (dialog, file));
  /* Saved: the dialog is gone. */
  g_assert_null (_bc_window_get_export_dialog (window));

  /* A well-formed SVG document, without the event still secret then.
   * From memory: the case reader's entity loader refuses to open files. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = xmlReadMemory (contents, length, "oslo.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);

  remove_temp (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The framing rule lives with the layout: Camp David "as known on"
 * 1977-12-31 gives the same picture, byte for byte, from the Export
 * dialog and from the command line (it used to give 3 lanes at 1400×619
 * from one and 6 at 1400×827 from the other). */
static void
test_export_dialog_same_as_command_line (void)
{
  BcWindow *window = window_with_case ("camp-david");
  BcTimeline *timeline = _bc_window_get_timeline (window);
  const char *exe = g_getenv ("BACKCHANNEL_EXE");
  g_autofree char *path = temp_path ("dialog.png");
  g_autofree char *cli_path = NULL;
  g_autofree char *out_arg = NULL;
  g_autofree char *scale_arg = NULL;
  g_autofree char *dialog_bytes = NULL;
  g_autofree char *cli_bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BcExportDialog *dialog;
  BcExportOptions options;
  BcExportType type;
  gsize dialog_length, cli_length;
  int status;

  if (exe == NULL)
    {
      g_test_skip ("BACKCHANNEL_EXE is not set");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  type_date (timeline, "1977-12-31");
  dialog = open_export_dialog (window);
  adw_combo_row_set_selected (_bc_export_dialog_get_format_row (dialog), BC_EXPORT_PNG);
  _bc_export_dialog_get_options (dialog, &type, &options);
  g_assert_true (_bc_export_dialog_save_to (dialog, file));
  g_assert_true (g_file_get_contents (path, &dialog_bytes, &dialog_length, NULL));

  cli_path = g_strconcat (path, ".cli.png", NULL);
  out_arg = g_strconcat ("--export=", cli_path, NULL);
  scale_arg = g_strdup_printf ("--scale=%g", options.scale);
  {
    const char *argv[] = { exe, out_arg, "--as-known-on=1977-12-31", scale_arg, "--theme=light",
                           "camp-david", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (cli_path, &cli_bytes, &cli_length, NULL));

  g_assert_cmpuint (dialog_length, ==, cli_length);
  g_assert_true (memcmp (dialog_bytes, cli_bytes, dialog_length) == 0);

  g_remove (cli_path);
  remove_temp (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog_formats (void)
{
  BcWindow *window = window_with_case ("camp-david");
  BcExportDialog *dialog = open_export_dialog (window);
  g_autofree char *png = temp_path ("camp-david.png");
  g_autofree char *pdf = temp_path ("camp-david.pdf");
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *bytes = NULL;
  gsize length;
  g_autofree char *name = NULL;

  adw_combo_row_set_selected (_bc_export_dialog_get_format_row (dialog), BC_EXPORT_PNG);
  adw_combo_row_set_selected (_bc_export_dialog_get_view_row (dialog), 1);
  adw_combo_row_set_selected (_bc_export_dialog_get_theme_row (dialog), 1);
  name = _bc_export_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "camp-david.png");
  g_assert_true (_bc_export_dialog_save_to (dialog, png_file));
  g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&bytes, g_free);
  g_assert_null (_bc_window_get_export_dialog (window));

  dialog = open_export_dialog (window);
  adw_combo_row_set_selected (_bc_export_dialog_get_format_row (dialog), BC_EXPORT_PDF);
  g_assert_true (_bc_export_dialog_save_to (dialog, pdf_file));
  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  remove_temp (png);
  remove_temp (pdf);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog_shows_errors (void)
{
  BcWindow *window = window_with_case ("oslo");
  g_autoptr(BcExportDialog) dialog = g_object_ref (open_export_dialog (window));
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/folder/oslo.svg");

  g_assert_false (_bc_export_dialog_save_to (dialog, nowhere));
  g_assert_nonnull (_bc_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (_bc_export_dialog_get_error (dialog), "/nonexistent/folder/oslo.svg"));
  /* The dialog stays open for another try. */
  drain ();
  g_assert_true (_bc_window_get_export_dialog (window) == GTK_WINDOW (dialog));

  /* A second ctrl+E brings the same dialog forward. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_true (_bc_window_get_export_dialog (window) == GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static void
test_print_fits_one_page (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCanvas *canvas = _bc_window_get_canvas (window);
  g_autoptr(BcPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) page = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *path = temp_path ("print.pdf");
  g_autofree char *contents = NULL;
  gsize length;
  BcLayoutOptions options;
  guint pages = 0;

  bc_canvas_get_layout_options (canvas, &options);
  operation = bc_print_operation_new (bc_window_get_case (window), &options);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  /* The lanes are wider than tall: landscape. */
  g_assert_cmpint (gtk_page_setup_get_orientation (gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation))),
                   ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_regex_match_full (page, contents, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      pages++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (pages, ==, 1);

  remove_temp (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_fits_360_px (void)
{
  BcWindow *window = window_with_case ("oslo");
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int minimum, natural;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-inspector", NULL);
  drain ();
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  /* There is room for everything when there is room. */
  g_assert_cmpint (natural, >, 360);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_view_menu_follows_the_canvas (void)
{
  BcWindow *window = window_with_case ("oslo");
  BcCanvas *canvas = _bc_window_get_canvas (window);
  GActionGroup *group = G_ACTION_GROUP (window);
  g_autoptr(GVariant) state = NULL;

  /* The menu's radio items: the action sets the view... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "wheel");
  g_assert_cmpint (bc_canvas_get_view (canvas), ==, BC_VIEW_WHEEL);

  /* ...and follows it when it changes elsewhere. */
  bc_canvas_set_view (canvas, BC_VIEW_LANES);
  state = g_action_group_get_action_state (group, "view");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "lanes");

  /* The time scale's radio items likewise. */
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (group, "time-scale");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "balanced");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.time-scale", "s", "sequence");
  g_assert_cmpint (bc_canvas_get_time_scale (canvas), ==, BC_TIME_SCALE_SEQUENCE);
  g_assert_cmpint (_bc_canvas_get_layout (canvas)->options.time_scale, ==, BC_TIME_SCALE_SEQUENCE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.time-scale", "s", "proportional");
  g_assert_cmpint (_bc_canvas_get_layout (canvas)->options.time_scale, ==, BC_TIME_SCALE_PROPORTIONAL);
  bc_canvas_set_time_scale (canvas, BC_TIME_SCALE_BALANCED);
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (group, "time-scale");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "balanced");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_shortcut_actions (GtkWidget  *widget,
                          GHashTable *actions)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *name = NULL;

      g_object_get (widget, "action-name", &name, NULL);
      if (name != NULL)
        g_hash_table_add (actions, g_steal_pointer (&name));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcut_actions (child, actions);
}

static void
test_shortcuts_are_listed (void)
{
  static const struct
  {
    const char *action;
    const char *accel;
  } standard[] = {
    { "app.open", "<Control>o" },
    { "window.close", "<Control>w" },
    { "app.quit", "<Control>q" },
    { "win.print", "<Control>p" },
    { "win.export", "<Control>e" },
    { "win.search", "<Control>f" },
    { "win.zoom-in", "<Control>plus" },
    { "win.zoom-out", "<Control>minus" },
    { "win.zoom-reset", "<Control>0" },
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/backchannel/Backchannel/ui/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(BcApplication) app = bc_application_new ();
  g_autoptr(GError) error = NULL;

  collect_shortcut_actions (overlay, listed);

  /* Registering runs startup, which sets the accelerators; no bus needed. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), standard[i].action);

      g_test_message ("%s", standard[i].action);
      g_assert_true (g_hash_table_contains (listed, standard[i].action));
      g_assert_true (g_strv_contains ((const char * const *) accels, standard[i].accel));
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  /* The application's style sheet, as AdwApplication loads it: widths
   * depend on it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/backchannel/Backchannel/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/ui/timeline/known-on-hides-an-undisclosed-event", test_known_on_hides_undisclosed_event);
  g_test_add_func ("/ui/timeline/known-on-keeps-the-lanes-and-the-axis", test_known_on_keeps_the_frame);
  g_test_add_func ("/ui/timeline/invalid-date-is-marked-and-not-applied", test_invalid_date_is_not_applied);
  g_test_add_func ("/ui/timeline/track-filter-removes-a-lane", test_track_filter_removes_a_lane);
  g_test_add_func ("/ui/timeline/last-track-cannot-be-hidden", test_last_track_cannot_be_hidden);
  g_test_add_func ("/ui/timeline/highlight-sets-the-layout-option", test_highlight_sets_the_option);
  g_test_add_func ("/ui/timeline/play-advances-the-date-and-stops-at-the-end", test_play_advances_the_date);
  g_test_add_func ("/ui/timeline/play-reaches-the-end-in-bounded-steps", test_play_reaches_the_end_in_bounded_steps);
  g_test_add_func ("/ui/export/dialog-saves-a-valid-svg", test_export_dialog_saves_svg);
  g_test_add_func ("/ui/export/dialog-saves-png-and-pdf", test_export_dialog_formats);
  g_test_add_func ("/ui/export/dialog-shows-errors-and-stays-open", test_export_dialog_shows_errors);
  g_test_add_func ("/ui/export/dialog-same-bytes-as-command-line", test_export_dialog_same_as_command_line);
  g_test_add_func ("/ui/print/one-page-fitted", test_print_fits_one_page);
  g_test_add_func ("/ui/window/fits-360-px", test_window_fits_360_px);
  g_test_add_func ("/ui/window/view-menu-follows-the-canvas", test_view_menu_follows_the_canvas);
  g_test_add_func ("/ui/window/standard-shortcuts-are-set-and-listed", test_shortcuts_are_listed);

  return g_test_run ();
}
