/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rtl"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bc-bundled.h"
#include "bc-canvas-private.h"
#include "bc-timeline-private.h"
#include "bc-window-private.h"

/* The window in Arabic, as main() starts it: the translation loaded
 * before GTK, which then lays the interface out right to left. Run with
 * LANGUAGE=ar and BC_LOCALEDIR=<build>/po; BC_SCREENSHOT=FILE.png also
 * saves a picture of the window. */

/* No time limit: meson's test timeout stops a test that hangs. */
static void
wait_for_allocation (GtkWidget *widget)
{
  while (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The centre of @widget, in the window's coordinates. */
static double
centre_x (GtkWidget *widget,
          GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds.origin.x + bounds.size.width / 2;
}

static GtkWidget *
find_css_node (GtkWidget  *root,
               const char *name)
{
  if (g_strcmp0 (gtk_widget_get_css_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css_node (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Where the scale's slider starts once GTK has laid it out again. */
static double
slider_start_after_layout (GtkRange *range)
{
  gboolean timeout = FALSE;
  GtkWidget *slider;
  graphene_rect_t bounds;

  g_timeout_add (500, timed_out, &timeout);

  gtk_widget_queue_allocate (GTK_WIDGET (range));
  while (!timeout)
    g_main_context_iteration (NULL, TRUE);
  slider = find_css_node (GTK_WIDGET (range), "slider");
  g_assert_nonnull (slider);
  g_assert_true (gtk_widget_compute_bounds (slider, GTK_WIDGET (range), &bounds));
  return bounds.origin.x;
}

static void
save_screenshot (GtkWidget *window)
{
  const char *path = g_getenv ("BC_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (path == NULL || *path == '\0')
    return;

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
test_direction_from_translation (void)
{
  /* GTK reads the direction from its own translation of "default:LTR";
   * ours must be loaded for the words. */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (_("Historical Cases"), !=, "Historical Cases");
  g_assert_cmpstr (_("Track 1"), ==, "المسار الأول");
}

static void
test_welcome_mirrors (void)
{
  BcWindow *window = bc_window_new (NULL);
  GtkWidget *menu_button;
  GtkWidget *heading;
  GMenuModel *menu;
  g_autofree char *label = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_allocation (GTK_WIDGET (window));

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  /* The header bar's end is on the left: the main menu is there. */
  menu_button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (menu_button);
  g_assert_cmpfloat (centre_x (menu_button, GTK_WIDGET (window)), <, gtk_widget_get_width (GTK_WIDGET (window)) / 2.0);

  /* Its items and the welcome page speak Arabic. The menu is made when
   * it is first opened. */
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  {
    GMenuModel *section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);

    g_assert_nonnull (section);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_object_unref (section);
  }
  g_assert_cmpstr (label, ==, _("_New Window"));
  g_assert_cmpstr (label, !=, "_New Window");

  heading = find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, _("Historical Cases"));
  g_assert_nonnull (heading);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_case_mirrors_but_time_runs_left_to_right (void)
{
  BcWindow *window = bc_window_new (NULL);
  g_autoptr(GFile) file = bc_bundled_find_case ("oslo");
  BcCanvas *canvas;
  GListModel *events;
  BcItem *earliest = NULL, *latest = NULL;
  double x_earliest, y_earliest, x_latest, y_latest;
  double width;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  g_assert_nonnull (file);
  g_assert_true (bc_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  canvas = _bc_window_get_canvas (window);
  wait_for_allocation (GTK_WIDGET (canvas));
  width = gtk_widget_get_width (GTK_WIDGET (window));

  /* The outline, at the start of the reading direction, is on the right;
   * the canvas is left of it. */
  g_assert_cmpfloat (centre_x (GTK_WIDGET (_bc_window_get_outline (window)), GTK_WIDGET (window)), >, width / 2);
  g_assert_cmpfloat (centre_x (GTK_WIDGET (canvas), GTK_WIDGET (window)), <,
                     centre_x (GTK_WIDGET (_bc_window_get_outline (window)), GTK_WIDGET (window)));

  /* The diagram is not mirrored: the first event of the case is left
   * of the last. */
  events = bc_case_get_events (bc_window_get_case (window));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BcEvent) event = g_list_model_get_item (events, i);

      if (bc_event_get_first_day (event) == 0)
        continue;
      if (earliest == NULL || bc_event_get_first_day (event) < bc_event_get_first_day (BC_EVENT (earliest)))
        earliest = BC_ITEM (event);
      if (latest == NULL || bc_event_get_first_day (event) > bc_event_get_first_day (BC_EVENT (latest)))
        latest = BC_ITEM (event);
    }
  g_assert_nonnull (earliest);
  g_assert_nonnull (latest);
  g_assert_true (bc_event_get_first_day (BC_EVENT (earliest)) < bc_event_get_first_day (BC_EVENT (latest)));
  g_assert_true (_bc_canvas_item_to_widget (canvas, earliest, &x_earliest, &y_earliest));
  g_assert_true (_bc_canvas_item_to_widget (canvas, latest, &x_latest, &y_latest));
  g_assert_cmpfloat (x_earliest, <, x_latest);

  /* The timeline under it is the same axis, and runs the same way. */
  {
    GtkRange *scale = _bc_timeline_get_scale (_bc_window_get_timeline (window));
    GtkAdjustment *adjustment = gtk_range_get_adjustment (scale);
    double value = gtk_adjustment_get_value (adjustment);
    double first_start, last_start;

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    first_start = slider_start_after_layout (scale);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    last_start = slider_start_after_layout (scale);
    g_assert_cmpfloat (first_start, <, last_start);
    gtk_adjustment_set_value (adjustment, value);
  }

  save_screenshot (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("BC_LOCALEDIR");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  /* As main.c does, before GTK starts. (gtk_test_init() would set an
   * English locale.) */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/desktop/rtl/direction-comes-from-the-translation", test_direction_from_translation);
  g_test_add_func ("/desktop/rtl/welcome-page-mirrors", test_welcome_mirrors);
  g_test_add_func ("/desktop/rtl/case-mirrors-but-time-runs-left-to-right",
                   test_case_mirrors_but_time_runs_left_to_right);

  return g_test_run ();
}
