/* bench-load-frames.c: frame times while the window opens a large organisation
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never fails on time. The window is shown as the app
 * shows it (under Xvfb, GTK's cairo renderer) and a tick callback asks for
 * a frame at every tick, as an animation does: the time between two ticks
 * is how long the UI thread kept the screen waiting. It opens the
 * organisation tests/test-app-large.c opens and counts frames until the
 * network is shown and its first scores are in, then one edit until it is
 * scored again (a tie added; then a tie removed, an actor renamed and one
 * moved to another unit, which the renderer follows edit by edit). Each
 * phase prints the frames' wall times and the most CPU time the UI thread
 * spent in one frame.
 * MESHWORK_BENCH_LOAD_N sets the size (100,000 by default).
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>

#include "mw-score-panel.h"
#include "mw-scorer.h"
#include "mw-test-networks.h"
#include "mw-window.h"

#define STALL_MS 100

static GArray *frames;  /* gint64 µs between ticks */
static GArray *frames_cpu;  /* gint64 µs of the UI thread's CPU time between ticks */
static gint64  last_tick;
static gint64  last_tick_cpu;

/* The UI thread's CPU time: on a loaded machine a frame's wall time is
 * partly other processes' turn. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_us ();

  if (frames != NULL && last_tick > 0)
    {
      gint64 interval = now - last_tick, cpu_interval = cpu - last_tick_cpu;

      g_array_append_val (frames, interval);
      g_array_append_val (frames_cpu, cpu_interval);
    }
  last_tick = now;
  last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The wait until the first tick counts too: a stall right after an edit
 * is a frame the screen waited for. */
static void
start_frames (void)
{
  g_clear_pointer (&frames, g_array_unref);
  g_clear_pointer (&frames_cpu, g_array_unref);
  frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  frames_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  last_tick = g_get_monotonic_time ();
  last_tick_cpu = thread_cpu_us ();
}

static void
print_frames (const char *what,
              double      seconds)
{
  gint64 tail = g_get_monotonic_time () - last_tick, tail_cpu = thread_cpu_us () - last_tick_cpu;
  guint stalls = 0;

  /* … and so does the wait since the last tick, when it ended the phase */
  if (tail > STALL_MS * 1000)
    {
      g_array_append_val (frames, tail);
      g_array_append_val (frames_cpu, tail_cpu);
    }

  g_array_sort (frames, compare_gint64);
  g_array_sort (frames_cpu, compare_gint64);
  if (frames->len == 0)
    {
      g_print ("  %-34s no frame (%.1f s)\n", what, seconds);
      return;
    }
  for (guint i = 0; i < frames->len; i++)
    stalls += g_array_index (frames, gint64, i) > STALL_MS * 1000;
  g_print ("  %-34s %5u frames in %5.1f s  p50 %6.1f ms  p95 %6.1f ms  max %7.1f ms  over %d ms: %u"
           "  UI thread's CPU, max %7.1f ms\n",
           what, frames->len, seconds,
           g_array_index (frames, gint64, frames->len / 2) / 1000.0,
           g_array_index (frames, gint64, frames->len * 95 / 100) / 1000.0,
           g_array_index (frames, gint64, frames->len - 1) / 1000.0, STALL_MS, stalls,
           g_array_index (frames_cpu, gint64, frames_cpu->len - 1) / 1000.0);
}

typedef gboolean (*Done) (MwWindow *window);

static MwScorer *
scorer_of (MwWindow *window)
{
  return mw_score_panel_get_scorer (MW_SCORE_PANEL (mw_window_get_score_panel (window)));
}

static guint n_expected;

static gboolean
loaded (MwWindow *window)
{
  MwScorer *scorer = scorer_of (window);

  return mw_window_get_n_pending (window) == 0 && scorer != NULL &&
         mw_network_get_n_actors (mw_scorer_get_network (scorer)) == n_expected;
}

static gboolean
never (MwWindow *window)
{
  return FALSE;
}

static gboolean
scored (MwWindow *window)
{
  MwScorer *scorer = scorer_of (window);

  return scorer != NULL && !mw_scorer_get_busy (scorer) && mw_scorer_get_scores (scorer) != NULL;
}

/* Runs the main loop until @done, for at most @limit_s; the seconds taken. */
static double
run_until (MwWindow *window,
           Done      done,
           double    limit_s)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (window) && g_get_monotonic_time () - start < limit_s * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  const char *size = g_getenv ("MESHWORK_BENCH_LOAD_N");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  MwWindow *window;
  MwNetwork *network;
  double seconds;

  gtk_init ();
  adw_init ();
  n_expected = size != NULL ? (guint) g_ascii_strtoull (size, NULL, 10) : 100000;
  path = mw_test_write_large_organisation (n_expected);
  file = g_file_new_for_path (path);

  window = mw_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, NULL, NULL);
  start_frames ();
  run_until (window, never, 2);
  print_frames ("empty window (reference)", 2);

  g_print ("Frames while the window opens %u actors:\n", n_expected);
  start_frames ();
  mw_window_open_file (window, file);
  seconds = run_until (window, loaded, 600);
  print_frames ("load, until the network is shown", seconds);
  start_frames ();
  seconds = run_until (window, scored, 600);
  print_frames ("after it, until the first scores", seconds);

  network = mw_scorer_get_network (scorer_of (window));
  start_frames ();
  mw_network_add_tie (network, mw_network_get_actor (network, 1), mw_network_get_actor (network, n_expected - 2),
                      MW_TIE_COLLABORATES, 1, NULL);
  seconds = run_until (window, scored, 600);
  print_frames ("one edit, until re-scored", seconds);

  /* the other edits the renderer follows without computing everything again */
  start_frames ();
  mw_network_remove_tie (network, mw_network_get_tie (network, 17));
  seconds = run_until (window, scored, 600);
  print_frames ("a tie removed, until re-scored", seconds);
  start_frames ();
  /* (a label is not scored: the next 1.5 s) */
  mw_network_set_actor_label (network, mw_network_get_actor (network, 5), "Someone renamed");
  seconds = run_until (window, never, 1.5);
  print_frames ("an actor renamed, 1.5 s after", seconds);
  start_frames ();
  mw_network_set_actor_unit (network, mw_network_get_actor (network, 6), "West");
  seconds = run_until (window, scored, 600);
  print_frames ("moved to another unit, re-scored", seconds);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_clear_pointer (&frames, g_array_unref);
  g_clear_pointer (&frames_cpu, g_array_unref);
  return 0;
}
