/* bench-morph.c: frame times of one organisation turning into the next
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; never fails on time. Draws the frames of a morph
 * (mw_render_morph_draw) onto a 1280×800 image surface, as the canvas does,
 * for 500 and 2,000 actors (MESHWORK_BENCH_MORPH="500 2000" changes the
 * sizes): the whole organisation fitted into the view, and at 100 %. The
 * second network has everyone moved (a new layout), a tenth gone, a tenth
 * new, and a fifth of the ties changed. A still frame of the first network
 * is timed beside it, and the set-up before the motion (the actors'
 * pictures, mw_render_morph_prepare). Target: 16.7 ms a frame (60 per
 * second). MESHWORK_BENCH_MORPH_PNG=DIR writes the frames at t = 0, ¼, ½
 * and 1 there, to be looked at.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mw-render-morph.h"

#define FRAMES 37   /* 600 ms at 60 frames per second */

static MwActor *
add_person (MwNetwork *network,
            const char *prefix,
            guint       i,
            guint       side,
            GRand      *rand)
{
  g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);
  g_autofree char *label = g_strdup_printf ("Person %s%u", prefix, i);
  g_autofree char *org = g_strdup_printf ("Organisation %u", (i % side) * 3 / side);
  g_autofree char *unit = g_strdup_printf ("Unit %u", (i % side) * 12 / side);
  MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

  mw_network_set_actor_org (network, actor, org);
  mw_network_set_actor_unit (network, actor, unit);
  mw_network_set_actor_position (network, actor, (i % side) * 60 + g_rand_double_range (rand, -15, 15),
                                 (i / side) * 60 + g_rand_double_range (rand, -15, 15));
  return actor;
}

/* A grid of people in units and organisations, ties mostly to near
 * neighbours; about @ties_per_actor ties each. */
static void
add_ties (MwNetwork *network,
          guint      n_ties,
          guint      side,
          GRand     *rand)
{
  guint n = mw_network_get_n_actors (network);

  for (guint t = 0; t < n_ties; t++)
    {
      guint a = g_rand_int_range (rand, 0, n);
      gint32 step = g_rand_int_range (rand, -2, 3) * (gint32)side + g_rand_int_range (rand, -2, 3);
      guint b = (guint)(((gint64)a + step + n) % n);

      if (a == b)
        b = (b + 1) % n;
      mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
}

static MwNetwork *
make_before (guint n_actors)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  guint side = (guint)ceil (sqrt (n_actors * 16.0 / 10.0));

  mw_network_begin_batch (network, "bench");
  for (guint i = 0; i < n_actors; i++)
    add_person (network, "p", i, side, rand);
  add_ties (network, n_actors * 3, side, rand);
  mw_network_end_batch (network);
  return network;
}

/* Everyone moved (the grid turned and spread), a tenth gone, a tenth new,
 * a fifth of the ties gone and as many new. */
static MwNetwork *
make_after (MwNetwork *before)
{
  MwNetwork *network = mw_network_copy (before);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  guint n = mw_network_get_n_actors (network);
  guint side = (guint)ceil (sqrt (n * 16.0 / 10.0));

  mw_network_begin_batch (network, "bench");
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      mw_network_set_actor_position (network, actor, actor->y * 1.3 + 200, actor->x * 0.7);
    }
  for (guint i = n; i-- > 0;)
    if (i % 10 == 3)
      mw_network_remove_actor (network, mw_network_get_actor (network, i));
  for (guint i = mw_network_get_n_ties (network); i-- > 0;)
    if (i % 5 == 1)
      mw_network_remove_tie (network, mw_network_get_tie (network, i));
  for (guint i = 0; i < n / 10; i++)
    add_person (network, "new", i, side, rand);
  add_ties (network, n * 3 / 5, side, rand);
  mw_network_end_batch (network);
  return network;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
             double     *wall,
             double     *cpu,
             guint       n)
{
  qsort (wall, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  printf ("  %-26s wall p50 %6.1f ms  p95 %6.1f ms   cpu p50 %6.1f ms  p95 %6.1f ms\n", what, wall[n / 2],
          wall[(n * 95) / 100], cpu[n / 2], cpu[(n * 95) / 100]);
}

/* Every frame of the morph, t = 0 … 1, or the first network still. */
static void
time_frames (const char     *what,
             MwRenderMorph  *morph,
             MwRenderer     *still,
             const MwView   *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  double wall[FRAMES], cpu[FRAMES];
  guint n = 0;

  /* a morph's first and last frames are still frames, timed as such */
  for (guint i = morph != NULL; i < FRAMES - (morph != NULL); i++, n++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();
      double start_cpu = cpu_ms ();

      if (morph != NULL)
        mw_render_morph_draw (morph, cr, view, i / (double)(FRAMES - 1));
      else
        mw_renderer_draw (still, cr, view);
      cairo_surface_flush (surface);
      wall[n] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[n] = cpu_ms () - start_cpu;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  print_times (what, wall, cpu, n);
}

/* The set-up a view needs before its first frame between the ends. */
static void
time_prepare (MwRenderMorph *morph,
              const MwView  *view)
{
  gint64 start = g_get_monotonic_time ();
  double start_cpu = cpu_ms ();

  mw_render_morph_prepare (morph, view);
  printf ("  %-26s wall %6.1f ms  cpu %6.1f ms\n", "set-up (actor pictures)",
          (g_get_monotonic_time () - start) / 1000.0, cpu_ms () - start_cpu);
}

/* Frames at a few moments as PNG files in MESHWORK_BENCH_MORPH_PNG. */
static void
write_frames (MwRenderMorph *morph,
              const MwView  *view,
              guint          n_actors,
              const char    *zoom)
{
  const char *dir = g_getenv ("MESHWORK_BENCH_MORPH_PNG");
  const double moments[] = { 0, 0.25, 0.5, 1 };

  if (dir == NULL || *dir == '\0')
    return;
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autofree char *name = g_strdup_printf ("morph-%u-%s-%03d.png", n_actors, zoom, (int)(moments[i] * 100));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
      cairo_t *cr = cairo_create (surface);

      mw_render_morph_draw (morph, cr, view, moments[i]);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, path);
      cairo_surface_destroy (surface);
    }
}

static void
bench_size (guint n_actors)
{
  g_autoptr(MwNetwork) before = make_before (n_actors);
  g_autoptr(MwNetwork) after = make_after (before);
  g_autoptr(MwRenderer) still = mw_renderer_new (before);
  g_autoptr(MwRenderMorph) morph = NULL;
  MwMorph *core;
  gint64 start = g_get_monotonic_time ();
  MwRect bounds;
  MwView view;

  morph = mw_render_morph_new (before, after);
  core = mw_render_morph_get_morph (morph);
  printf ("%u → %u actors, %u → %u ties (%u kept actors): set up in %.1f ms\n", n_actors,
          mw_network_get_n_actors (after), mw_network_get_n_ties (before), mw_network_get_n_ties (after),
          mw_morph_get_n_matched (core), (g_get_monotonic_time () - start) / 1000.0);

  mw_view_init (&view, 1280, 800);
  view.scale = 1;
  view.raster = TRUE;
  mw_render_morph_get_bounds (morph, &bounds);
  mw_view_fit (&view, &bounds, 24);
  printf (" fitted (%.0f %%):\n", view.zoom * 100);
  time_frames ("still frame", NULL, still, &view);
  time_prepare (morph, &view);
  time_frames ("morph frame", morph, NULL, &view);
  write_frames (morph, &view, n_actors, "fitted");

  /* a new morph: the one above has every picture at the fitted zoom */
  g_clear_object (&morph);
  morph = mw_render_morph_new (before, after);
  view.zoom = 1;
  view.offset_x = bounds.x + bounds.width / 2 - 640;
  view.offset_y = bounds.y + bounds.height / 2 - 400;
  printf (" at 100 %%:\n");
  time_frames ("still frame", NULL, still, &view);
  time_prepare (morph, &view);
  time_frames ("morph frame", morph, NULL, &view);
  write_frames (morph, &view, n_actors, "100");
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes = g_getenv ("MESHWORK_BENCH_MORPH");
  g_auto(GStrv) list = g_strsplit (sizes != NULL ? sizes : "500 2000", " ", -1);

  printf ("Morph frames onto a 1280×800 image surface (target 16.7 ms)\n");
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      bench_size ((guint)g_ascii_strtoull (list[i], NULL, 10));
  return 0;
}
