/* bench-render.c: frame times of a large network, and SVG export beside Graphviz
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never fails on time. MESHWORK_BENCH_ACTORS and
 * MESHWORK_BENCH_TIES change the size (default 10,000 and 30,000);
 * MESHWORK_BENCH_QUICK=1 leaves out forced labels and the SVG export.
 */

#include <glib/gstdio.h>
#include <time.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "mw-dot.h"
#include "mw-export.h"
#include "mw-renderer-private.h"
#include "mw-templates.h"

#define FRAMES 21

/* Actors spread over a plane in organisations and units; ties mostly join
 * near neighbours, as a laid-out network has them, with some long ones. */
static MwNetwork *
make_network (guint n_actors,
              guint n_ties,
              int   long_permille)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260501);
  guint side = (guint)ceil (sqrt (n_actors * 16.0 / 9.0));

  mw_network_begin_batch (network, "bench");
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = g_strdup_printf ("Person number %u", i);
      g_autofree char *org = g_strdup_printf ("Organisation %u", (i % side) * 6 / side + 6 * ((i / side) * 2 / (n_actors / side + 1)));
      g_autofree char *unit = g_strdup_printf ("Unit %u", (i % side) * 24 / side);
      MwActor *actor = mw_network_add_actor (network, id, label, i % 17 == 0 ? MW_ACTOR_TEAM : MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_org (network, actor, org);
      mw_network_set_actor_unit (network, actor, unit);
      mw_network_set_actor_position (network, actor, (i % side) * 60 + g_rand_double_range (rand, -15, 15),
                                     (i / side) * 60 + g_rand_double_range (rand, -15, 15));
      if (i % 31 == 0)
        mw_network_set_actor_purpose (network, actor, TRUE);
    }
  for (guint t = 0; t < n_ties; t++)
    {
      guint a = g_rand_int_range (rand, 0, n_actors);
      gint32 step = g_rand_int_range (rand, 0, 1000) < long_permille ? g_rand_int_range (rand, 1, n_actors)
                                                      : g_rand_int_range (rand, -2, 3) * (gint32)side + g_rand_int_range (rand, -2, 3);
      guint b = (guint)(((gint64)a + step + n_actors) % n_actors);

      if (a == b)
        b = (b + 1) % n_actors;
      mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* CPU time: on a machine shared with other jobs it tells what the frame
 * costs better than the wall clock does. The process's counts the
 * renderer's worker thread too (nothing else runs in the benchmark). */
static double
cpu_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct
{
  double wall, wall_p90;
  double cpu, cpu_p90;
  double thread_cpu;
} Timing;

/* Medians and 90th percentiles of FRAMES frames into a 1920×1080 image
 * surface. */
static Timing
time_frames_threads (MwRenderer   *renderer,
                     const MwView *view,
                     guint         n_threads,
                     Timing       *other)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  double wall[FRAMES], cpu[FRAMES], thread_cpu[FRAMES];
  double wall1[FRAMES], cpu1[FRAMES], thread_cpu1[FRAMES];

  for (int i = 0; i < FRAMES; i++)
    {
      /* frames alternate with one-thread frames, so both meet the same load */
      if (other != NULL)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 start = g_get_monotonic_time ();
          double start_cpu = cpu_ms (CLOCK_PROCESS_CPUTIME_ID), start_thread = cpu_ms (CLOCK_THREAD_CPUTIME_ID);

          _mw_renderer_set_n_threads (renderer, 1);
          mw_renderer_draw (renderer, cr, view);
          cairo_surface_flush (surface);
          wall1[i] = (g_get_monotonic_time () - start) / 1000.0;
          cpu1[i] = cpu_ms (CLOCK_PROCESS_CPUTIME_ID) - start_cpu;
          thread_cpu1[i] = cpu_ms (CLOCK_THREAD_CPUTIME_ID) - start_thread;
          cairo_destroy (cr);
          _mw_renderer_set_n_threads (renderer, n_threads);
        }
      {
        cairo_t *cr = cairo_create (surface);
        gint64 start = g_get_monotonic_time ();
        double start_cpu = cpu_ms (CLOCK_PROCESS_CPUTIME_ID), start_thread = cpu_ms (CLOCK_THREAD_CPUTIME_ID);

        mw_renderer_draw (renderer, cr, view);
        cairo_surface_flush (surface);
        wall[i] = (g_get_monotonic_time () - start) / 1000.0;
        cpu[i] = cpu_ms (CLOCK_PROCESS_CPUTIME_ID) - start_cpu;
        thread_cpu[i] = cpu_ms (CLOCK_THREAD_CPUTIME_ID) - start_thread;
        cairo_destroy (cr);
      }
    }
  cairo_surface_destroy (surface);
  if (other != NULL)
    {
      qsort (wall1, FRAMES, sizeof (double), compare_doubles);
      qsort (cpu1, FRAMES, sizeof (double), compare_doubles);
      qsort (thread_cpu1, FRAMES, sizeof (double), compare_doubles);
      *other = (Timing) { wall1[FRAMES / 2], wall1[FRAMES * 9 / 10], cpu1[FRAMES / 2], cpu1[FRAMES * 9 / 10],
                          thread_cpu1[FRAMES / 2] };
    }
  qsort (wall, FRAMES, sizeof (double), compare_doubles);
  qsort (cpu, FRAMES, sizeof (double), compare_doubles);
  qsort (thread_cpu, FRAMES, sizeof (double), compare_doubles);
  return (Timing) { wall[FRAMES / 2], wall[FRAMES * 9 / 10], cpu[FRAMES / 2], cpu[FRAMES * 9 / 10],
                    thread_cpu[FRAMES / 2] };
}

static Timing
time_frames (MwRenderer   *renderer,
             const MwView *view)
{
  return time_frames_threads (renderer, view, 2, NULL);
}

static double
time_svg_export (MwRenderer *renderer,
                 gsize      *size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  MwExportOptions options;
  gint64 start;

  mw_export_options_init (&options, MW_EXPORT_SVG);
  start = g_get_monotonic_time ();
  svg = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  *size = g_bytes_get_size (svg);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* neato -n2 keeps the given positions and only draws: the fair comparison. */
static double
time_neato (MwNetwork *network,
            gsize     *size)
{
  g_autofree char *neato = g_find_program_in_path ("neato");
  g_autofree char *dir = g_dir_make_tmp ("meshwork-bench-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "in.gv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;
  double ms;
  int status;

  if (neato == NULL || !mw_dot_save_file (network, in, &error))
    return -1;
  {
    const char *argv[] = { neato, "-n2", "-Tsvg", "-o", out, in, NULL };

    start = g_get_monotonic_time ();
    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                       NULL, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
      ms = -1;
    else
      ms = (g_get_monotonic_time () - start) / 1000.0;
  }
  {
    GStatBuf st;

    *size = g_stat (out, &st) == 0 ? (gsize)st.st_size : 0;
  }
  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
  return ms;
}

static void
print_timing (const char *what,
              Timing      t)
{
  printf ("  %-52s %7.1f ms, p90 %7.1f  (CPU %6.1f, p90 %6.1f; calling thread %6.1f)\n",
          what, t.wall, t.wall_p90, t.cpu, t.cpu_p90, t.thread_cpu);
}

/* Frame times of one network at overview, with labels and close up. */
static void
bench_frames (MwRenderer *renderer,
              gboolean    quick)
{
  MwRect bounds;
  MwView view;
  gint64 start = g_get_monotonic_time ();

  mw_view_init (&view, 1920, 1080);
  mw_renderer_get_bounds (renderer, &bounds);
  mw_view_fit (&view, &bounds, 16);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    cairo_t *cr = cairo_create (surface);

    mw_renderer_draw (renderer, cr, &view);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  printf ("  %-52s %7.1f ms\n", "first frame (measures every label, fills caches)",
          (g_get_monotonic_time () - start) / 1000.0);

  print_timing ("overview, whole network, no labels (target ≤ 16)", time_frames (renderer, &view));
  {
    Timing one, two = time_frames_threads (renderer, &view, 2, &one);

    print_timing ("  two threads, alternating with …", two);
    print_timing ("  … one thread (the renderer's own worker unused)", one);
  }
  {
    /* what a drag costs: every frame follows a change to the network */
    MwNetwork *network = mw_renderer_get_network (renderer);
    MwActor *actor = mw_network_get_actor (network, 0);
    double x = actor->x, y = actor->y, total = 0;

    for (int i = 0; i < FRAMES; i++)
      {
        start = g_get_monotonic_time ();
        mw_network_set_actor_position (network, actor, x + i, y);
        mw_renderer_get_bounds (renderer, &bounds);
        total += (g_get_monotonic_time () - start) / 1000.0;
      }
    printf ("  %-52s %7.1f ms\n", "geometry after moving one actor (mean)", total / FRAMES);
  }
  if (!quick)
    {
      view.labels = MW_LABELS_ALWAYS;
      print_timing ("overview, whole network, every label forced", time_frames (renderer, &view));
    }
  view.labels = MW_LABELS_AUTO;
  /* the zoom at which labels become legible (6 px) and show by themselves */
  mw_view_zoom_at (&view, 0.6 / view.zoom, 960, 540);
  print_timing ("zoom 0.6 (labels legible), centre, with labels (≤ 50)", time_frames (renderer, &view));
  mw_view_zoom_at (&view, 1.0 / view.zoom, 960, 540);
  print_timing ("zoom 1, centre, with labels", time_frames (renderer, &view));
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Ties bent round actors and labels clear of tie ends (mw-render-routes.c,
 * mw-render-geometry.c) at the largest network they are done for: the
 * geometry from scratch, and after one actor moves (a drag's event). */
static void
bench_routing (guint n_actors)
{
  g_autoptr(MwNetwork) network = mw_template_build ("hierarchy", n_actors, 1, NULL);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *actor = mw_network_get_actor (network, mw_network_get_n_actors (network) / 2);
  double start = thread_cpu_ms (), first, total = 0, x = actor->x, y = actor->y;
  guint bent = 0;
  MwRect bounds;

  mw_renderer_get_bounds (renderer, &bounds);
  first = thread_cpu_ms () - start;
  for (guint t = 0; t < mw_network_get_n_ties (network); t++)
    bent += g_array_index (renderer->geometry.bends, double, t) != g_array_index (renderer->geometry.lanes, double, t);
  for (int i = 0; i < FRAMES; i++)
    {
      start = thread_cpu_ms ();
      mw_network_set_actor_position (network, actor, x + 7 * i, y + 3 * i);
      mw_renderer_get_bounds (renderer, &bounds);
      total += thread_cpu_ms () - start;
    }
  printf ("routing, hierarchy template of %u actors and %u ties (%u bent), CPU:\n",
          mw_network_get_n_actors (network), mw_network_get_n_ties (network), bent);
  printf ("  %-52s %7.1f ms\n", "geometry from scratch (routes, labels)", first);
  printf ("  %-52s %7.1f ms\n", "geometry after moving one actor (mean)", total / FRAMES);
}

int
main (int    argc,
      char **argv)
{
  guint n_actors = g_getenv ("MESHWORK_BENCH_ACTORS") ? atoi (g_getenv ("MESHWORK_BENCH_ACTORS")) : 10000;
  gboolean quick = g_getenv ("MESHWORK_BENCH_QUICK") != NULL;
  guint n_ties = g_getenv ("MESHWORK_BENCH_TIES") ? atoi (g_getenv ("MESHWORK_BENCH_TIES")) : 30000;
  g_autoptr(MwNetwork) local = make_network (n_actors, n_ties, 0);
  g_autoptr(MwNetwork) network = make_network (n_actors, n_ties, 100);
  g_autoptr(MwRenderer) local_renderer = mw_renderer_new (local);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  double svg_ms, neato_ms;
  gsize svg_size, neato_size = 0;

  printf ("# render benchmark: %u actors, %u ties, 1920×1080 ARGB image surface, median and p90 of %d frames\n",
          n_actors, n_ties, FRAMES);
  printf ("ties between neighbours only (as a layout leaves them):\n");
  bench_frames (local_renderer, quick);
  printf ("10%% of ties across the whole drawing (a hairball):\n");
  bench_frames (renderer, quick);
  bench_routing (MW_ROUTE_MAX_ACTORS);
  if (quick)
    return 0;

  /* medians of three: the machine may be busy with other work */
  {
    double svg[3], neato[3];

    for (int i = 0; i < 3; i++)
      {
        svg[i] = time_svg_export (renderer, &svg_size);
        neato[i] = time_neato (network, &neato_size);
      }
    qsort (svg, 3, sizeof (double), compare_doubles);
    qsort (neato, 3, sizeof (double), compare_doubles);
    svg_ms = svg[1];
    neato_ms = neato[1];
  }
  printf ("SVG export of the hairball (labels as text):          %7.1f ms, %.1f MB\n", svg_ms, svg_size / 1e6);
  if (neato_ms > 0)
    printf ("neato -n2 -Tsvg of the same positions:               %7.1f ms, %.1f MB; ratio meshwork/neato %.2f (goal ≤ 1)\n",
            neato_ms, neato_size / 1e6, svg_ms / neato_ms);
  else
    printf ("neato -n2 -Tsvg: not available\n");
  return 0;
}
