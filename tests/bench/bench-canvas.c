/* bench-canvas.c: the canvas's drawing path, offscreen (prints figures)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws what the canvas draws each frame — the renderer with the canvas's
 * view, into a 1280×800 ARGB surface like GTK's cairo node — while panning
 * a 10,000-actor network, and times one actor dragged through a history
 * edit in a 2,000-actor network. Nothing here fails on time.
 */

#include <math.h>

#include "mw-history.h"
#include "mw-renderer.h"

#define WIDTH 1280
#define HEIGHT 800
#define FRAMES 60

static MwNetwork *
make_network (guint n_actors)
{
  MwNetwork *network = mw_network_new ();
  GRand *rand = g_rand_new_with_seed (42);
  guint side = (guint)ceil (sqrt (n_actors));
  const char *orgs[] = { "North", "South", "East", "West" };

  mw_network_begin_batch (network, NULL);
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = g_strdup_printf ("Actor %u", i);
      MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_org (network, actor, orgs[(i % side) * G_N_ELEMENTS (orgs) / side]);
      mw_network_set_actor_position (network, actor,
                                     (i % side) * 90 + g_rand_double_range (rand, -20, 20),
                                     (i / side) * 90 + g_rand_double_range (rand, -20, 20));
    }
  /* Ties mostly to neighbours, as in an organisation: a few per actor. */
  for (guint i = 1; i < n_actors; i++)
    {
      MwActor *from = mw_network_get_actor (network, i);
      gint64 wanted = (gint64)i + g_rand_int_range (rand, -2, 3) * (gint64)side
                      + g_rand_int_range (rand, -2, 3);
      guint near = (guint)CLAMP (wanted, 0, (gint64)n_actors - 1);
      MwActor *to = mw_network_get_actor (network, near == i ? i - 1 : near);

      mw_network_add_tie (network, from, to, i % 3 == 0 ? MW_TIE_REPORTS : MW_TIE_COLLABORATES, 1, NULL);
      if (i % 4 == 0)
        mw_network_add_tie (network, to, mw_network_get_actor (network, i - 1), MW_TIE_INFLUENCES, 1, NULL);
    }
  mw_network_end_batch (network);
  g_rand_free (rand);

  return network;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
print_times (const char *what,
             GArray     *times)
{
  double sum = 0;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);

  g_print ("%-44s mean %7.2f ms  median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what,
           sum / times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint)(times->len * 0.95)),
           g_array_index (times, double, times->len - 1));
}

/* One frame as MwCanvas draws it: a fresh cairo context on a surface. */
static double
draw_frame (MwRenderer      *renderer,
            cairo_surface_t *surface,
            const MwView    *view)
{
  gint64 start = g_get_monotonic_time ();
  cairo_t *cr = cairo_create (surface);

  mw_renderer_draw (renderer, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_pan (guint  n_actors,
           double zoom)
{
  g_autoptr(MwNetwork) network = make_network (n_actors);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree char *what = NULL;
  MwRect bounds;
  MwView view;

  mw_view_init (&view, WIDTH, HEIGHT);
  mw_renderer_get_bounds (renderer, &bounds);
  mw_view_fit (&view, &bounds, 48);
  if (zoom > 0)
    mw_view_zoom_at (&view, zoom / view.zoom, WIDTH / 2.0, HEIGHT / 2.0);

  draw_frame (renderer, surface, &view);   /* warm caches, as the first frame did */
  for (guint frame = 0; frame < FRAMES; frame++)
    {
      double t;

      view.offset_x += 12 / view.zoom;
      view.offset_y += 7 / view.zoom;
      t = draw_frame (renderer, surface, &view);
      g_array_append_val (times, t);
    }

  what = g_strdup_printf ("pan %u actors at %.0f%% zoom, per frame", n_actors, view.zoom * 100);
  print_times (what, times);
  cairo_surface_destroy (surface);
}

static void
count_cb (MwNetwork *network,
          MwChange  *change,
          guint     *counts)
{
  counts[change->kind]++;
}

/* A drag as MwCanvas does it: one edit, one setter per pointer event. */
static void
bench_drag (guint n_actors)
{
  g_autoptr(MwNetwork) network = make_network (n_actors);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  guint counts[MW_CHANGE_BATCH + 1] = { 0 };
  MwActor *actor = mw_network_get_actor (network, n_actors / 2);
  MwEdit *edit;
  MwView view;
  MwRect bounds;
  double x = actor->x, y = actor->y;

  mw_view_init (&view, WIDTH, HEIGHT);
  mw_renderer_get_bounds (renderer, &bounds);
  mw_view_fit (&view, &bounds, 48);
  mw_view_zoom_at (&view, 1 / view.zoom, WIDTH / 2.0, HEIGHT / 2.0);
  draw_frame (renderer, surface, &view);

  g_signal_connect (network, "changed", G_CALLBACK (count_cb), counts);
  edit = mw_history_begin (history, "Move Actor");
  for (guint event = 0; event < FRAMES; event++)
    {
      gint64 start = g_get_monotonic_time ();
      double t;

      mw_edit_move_actor (edit, actor, x + event * 3, y + event * 2);
      t = (g_get_monotonic_time () - start) / 1000.0 + draw_frame (renderer, surface, &view);
      g_array_append_val (times, t);
    }
  mw_history_commit (history, edit);

  print_times ("drag 1 of 2000 actors, model + frame, per event", times);
  g_print ("%-44s %u actor changes, %u batches (re-read everything), %u undo step\n",
           "  announced during the drag:", counts[MW_CHANGE_ACTOR_CHANGED], counts[MW_CHANGE_BATCH],
           mw_history_get_n_steps (history));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  bench_pan (10000, 1.0);
  bench_pan (10000, 0);
  bench_drag (2000);
  return 0;
}
