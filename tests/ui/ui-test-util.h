/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <stdio.h>

#include "bc-bundled.h"
#include "bc-window-private.h"

/* What the widget tests share: running the main loop, and a window with a
 * bundled case open in it. */

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds. There is no time limit here:
 * meson's test timeout stops a test that hangs, and nothing is measured
 * against the clock. */
static inline void
wait_until (Condition condition,
            gpointer  data)
{
  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
}

static inline void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline BcWindow *
window_with_case (const char *name)
{
  BcWindow *window = bc_window_new (NULL);
  g_autoptr(GFile) file = bc_bundled_find_case (name);

  g_assert_nonnull (file);
  g_assert_true (bc_window_open (window, file));
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  return window;
}

/* @widget as its snapshot draws it now, in its window's renderer: rows of
 * 4-byte pixels, its width a row. */
static inline GBytes *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) width * 4;
  guchar *data = g_malloc (stride * height);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * height);
}

/* Starts GTK and libadwaita for a widget test, or reports a TAP skip and
 * returns FALSE when there is no display to start them on. */
static inline gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_set_application_name ("Backchannel tests");
  return TRUE;
}
