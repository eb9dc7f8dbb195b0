/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-canvas-private.h"

/* Benchmarks (tests/bench/bench-startup.sh, bench-frames.sh): with
 * BACKCHANNEL_REPORT_FIRST_FRAME=1 the canvas prints "first-frame T", T
 * the monotonic clock in µs, once the first frame with a case drawn in
 * it has been painted; with BACKCHANNEL_BENCH_PAN=FRAMES[:DX[:DY]] it pans
 * by itself, DX and DY pixels a frame (default 0 and 12), prints "frame N
 * WORK_MS INTERVAL_MS" from the frame clock's before-paint and after-paint
 * for each frame, and quits. Read once. */

static struct
{
  int    pan_frames;
  double pan_dx;
  double pan_dy;
  int    frame;
  gint64 frame_start;
  gint64 last_end;
} bench;

static void
bench_first_frame (GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, bench_first_frame, user_data);
}

static void
bench_before_paint (GdkFrameClock *clock,
                    gpointer       user_data)
{
  bench.frame_start = g_get_monotonic_time ();
}

static void
bench_after_paint (GdkFrameClock *clock,
                   gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.frame > 0 && bench.frame_start > 0)
    g_print ("frame %d %.3f %.3f\n", bench.frame, (now - bench.frame_start) / 1000.0,
             (now - bench.last_end) / 1000.0);
  bench.last_end = now;
}

static gboolean
bench_pan_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BcCanvas *self = BC_CANVAS (widget);

  if (bench.frame++ >= bench.pan_frames)
    {
      g_signal_handlers_disconnect_by_func (clock, bench_before_paint, NULL);
      g_signal_handlers_disconnect_by_func (clock, bench_after_paint, NULL);
      g_print ("pan-done\n");
      if (g_application_get_default () != NULL)
        g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  self->offset_x += bench.pan_dx / self->zoom;
  self->offset_y += bench.pan_dy / self->zoom;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Internal API */

/* Called when a frame with a case in it is being painted. */
void
_bc_canvas_bench_painted (BcCanvas *self)
{
  static gsize once = 0;
  GdkFrameClock *clock;
  const char *pan;

  if (!g_once_init_enter (&once))
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (g_strcmp0 (g_getenv ("BACKCHANNEL_REPORT_FIRST_FRAME"), "1") == 0)
    g_signal_connect (clock, "after-paint", G_CALLBACK (bench_first_frame), NULL);

  pan = g_getenv ("BACKCHANNEL_BENCH_PAN");
  if (pan != NULL && *pan != '\0')
    {
      char *end = NULL;

      bench.pan_frames = MAX (1, (int) g_ascii_strtoll (pan, &end, 10));
      bench.pan_dy = 12.0;
      if (*end == ':')
        bench.pan_dx = g_ascii_strtod (end + 1, &end);
      if (*end == ':')
        bench.pan_dy = g_ascii_strtod (end + 1, &end);
      g_signal_connect (clock, "before-paint", G_CALLBACK (bench_before_paint), NULL);
      g_signal_connect (clock, "after-paint", G_CALLBACK (bench_after_paint), NULL);
      gtk_widget_add_tick_callback (GTK_WIDGET (self), bench_pan_tick, NULL, NULL);
    }

  g_once_init_leave (&once, 1);
}
