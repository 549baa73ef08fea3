/* bench-startup.c: from start to the first drawn frame (prints figures)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Does what the app does on its first start — GTK and libadwaita, the
 * window template, the built-in example — and stops the clock when the
 * window's first frame has been painted. Needs a display (Xvfb will do).
 */

#include <adwaita.h>

#include "mw-window.h"

static gint64 start_time;
static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (painted)
    return;

  painted = TRUE;
  g_print ("%-44s %7.1f ms\n", "start-up to first drawn frame (in process)",
           (g_get_monotonic_time () - start_time) / 1000.0);
}

static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  MwWindow *window;
  gint64 deadline;

  start_time = g_get_monotonic_time ();
  if (!gtk_init_check ())
    {
      g_print ("start-up: skipped, no display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  window = mw_window_new (NULL);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  return painted ? 0 : 1;
}
