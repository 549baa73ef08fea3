/* test-render-geometry.c: labels clear of arrowheads, ties clear of actors
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every template and the example network and checks, from the
 * renderer's own geometry, that no label box covers an arrowhead or the
 * start of a tie, and that no tie runs through an actor it does not join.
 */

#include <math.h>
#include <string.h>

#include "mw-dot.h"
#include "mw-overview.h"
#include "mw-renderer.h"
#include "mw-renderer-private.h"
#include "mw-test-render.h"
#include "mw-templates.h"

#define PIECES 24

static gboolean
inside (const MwRect *r,
        double        x,
        double        y)
{
  return x > r->x && x < r->x + r->width && y > r->y && y < r->y + r->height;
}

/* Points of an arrowhead or diamond: its corners, the middles of its
 * sides and its centre — enough to see any real overlap with a label. */
static guint
marker_points (MwTieType        type,
               const MwTieGeom *g,
               double          *xy)
{
  double len = type == MW_TIE_CHECKS ? 2 * MW_ARROW_HALF_WIDTH : MW_ARROW_LENGTH;
  double bx = g->tx - g->ux * len, by = g->ty - g->uy * len, px = -g->uy, py = g->ux;
  double corners[3][2] = {
    { g->tx, g->ty },
    { bx + px * MW_ARROW_HALF_WIDTH * 0.8, by + py * MW_ARROW_HALF_WIDTH * 0.8 },
    { bx - px * MW_ARROW_HALF_WIDTH * 0.8, by - py * MW_ARROW_HALF_WIDTH * 0.8 },
  };
  guint n = 0;

  for (guint i = 0; i < 3; i++)
    {
      const double *a = corners[i], *b = corners[(i + 1) % 3];

      xy[n++] = a[0], xy[n++] = a[1];
      xy[n++] = (a[0] + b[0]) / 2, xy[n++] = (a[1] + b[1]) / 2;
    }
  xy[n++] = (corners[0][0] + corners[1][0] + corners[2][0]) / 3;
  xy[n++] = (corners[0][1] + corners[1][1] + corners[2][1]) / 3;
  return n / 2;
}

static double
segment_distance (double px,
                  double py,
                  const double *s)
{
  double dx = s[2] - s[0], dy = s[3] - s[1], len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - s[0]) * dx + (py - s[1]) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (s[0] + t * dx), py - (s[1] + t * dy));
}

typedef struct
{
  guint covered_markers;   /* arrowheads or tie starts under a label */
  guint crossings;         /* ties through an actor they do not join */
} Faults;

static void
check_labels (MwRenderer *renderer,
              const char *what,
              Faults     *faults)
{
  MwNetwork *network = mw_renderer_get_network (renderer);
  guint n_actors = mw_network_get_n_actors (network);

  for (guint t = 0; t < mw_network_get_n_ties (network); t++)
    {
      const MwTie *tie = mw_network_get_tie (network, t);
      double xy[16];
      guint n = 0;
      MwTieGeom g;

      _mw_renderer_tie_geom (renderer, t, &g);
      if (g.marker)
        n = marker_points (tie->type, &g, xy);
      /* where the tie leaves its source */
      xy[2 * n] = g.x1, xy[2 * n + 1] = g.y1;
      n++;
      for (guint a = 0; a < n_actors; a++)
        {
          MwRect label;

          _mw_renderer_label_rect (renderer, a, &label);
          for (guint p = 0; p < n; p++)
            if (inside (&label, xy[2 * p], xy[2 * p + 1]))
              {
                g_test_message ("%s: the label of %s covers the %s of %s → %s", what,
                                mw_network_get_actor (network, a)->label,
                                p + 1 == n ? "start" : "arrowhead", tie->from->label, tie->to->label);
                faults->covered_markers++;
                break;
              }
        }
    }
}

static void
check_ties (MwRenderer *renderer,
            const char *what,
            Faults     *faults)
{
  MwNetwork *network = mw_renderer_get_network (renderer);

  for (guint t = 0; t < mw_network_get_n_ties (network); t++)
    {
      const MwTie *tie = mw_network_get_tie (network, t);
      double xy[2 * (PIECES + 2)];
      MwTieGeom g;
      guint n;

      if (tie->from == tie->to)
        continue;
      _mw_renderer_tie_geom (renderer, t, &g);
      n = _mw_tie_geom_points (&g, xy, PIECES);
      for (guint a = 0; a < mw_network_get_n_actors (network); a++)
        {
          const MwActor *actor = mw_network_get_actor (network, a);
          double x, y, r = mw_renderer_get_actor_radius (renderer, actor);

          if (actor == tie->from || actor == tie->to)
            continue;
          mw_renderer_get_actor_position (renderer, actor, &x, &y);
          for (guint p = 0; p + 1 < n; p++)
            if (segment_distance (x, y, xy + 2 * p) < r)
              {
                g_test_message ("%s: the %s tie %s → %s runs through %s", what,
                                mw_tie_type_to_string (tie->type), tie->from->label, tie->to->label,
                                actor->label);
                faults->crossings++;
                break;
              }
        }
    }
}

static Faults
check_network (MwNetwork  *network,
               const char *what)
{
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  Faults faults = { 0, 0 };
  MwRect bounds;

  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  check_labels (renderer, what, &faults);
  check_ties (renderer, what, &faults);
  return faults;
}

/* Every template, at its usual size, with the seeds the app and the
 * presentation use and a few more. */
static void
test_templates (void)
{
  static const guint32 seeds[] = { 1, 2, 3, 7, 42, 2017 };
  const MwTemplate *templates;
  guint n_templates, covered = 0, crossings = 0;

  templates = mw_templates_get_all (&n_templates);
  for (guint i = 0; i < n_templates; i++)
    for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(MwNetwork) network = mw_template_build (templates[i].name, MW_TEMPLATE_DEFAULT_SIZE,
                                                          seeds[s], &error);
        g_autofree char *what = g_strdup_printf ("%s, seed %u", templates[i].name, seeds[s]);
        Faults faults;

        g_assert_no_error (error);
        faults = check_network (network, what);
        covered += faults.covered_markers;
        crossings += faults.crossings;
      }
  g_test_message ("templates: %u covered tie ends, %u ties through actors", covered, crossings);
  g_assert_cmpuint (covered, ==, 0);
  g_assert_cmpuint (crossings, ==, 0);
}

static void
test_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, &error);
  Faults faults;

  g_assert_no_error (error);
  faults = check_network (network, "example");
  g_assert_cmpuint (faults.covered_markers, ==, 0);
  g_assert_cmpuint (faults.crossings, ==, 0);
}

static MwNetwork *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_data (text, strlen (text), "test.gv", NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* As a user draws it: a middle manager with one report, whose label used
 * to go under the shape, over the report's arrowhead. */
static void
test_middle_manager (void)
{
  g_autoptr(MwNetwork) network = load_text (
    "digraph { boss [pos=\"0,240\"]; middle [label=\"Middle Manager\", pos=\"0,120\"];"
    " report [pos=\"0,0\"];"
    " middle -> boss [mw_tie=reports]; report -> middle [mw_tie=reports]; }");
  Faults faults = check_network (network, "middle manager");

  g_assert_cmpuint (faults.covered_markers, ==, 0);
}

/* Five on one rank, the two ends tied: the tie bends round the three
 * between them, to either side as the lanes of a second tie need. */
static void
test_lateral_rank (void)
{
  g_autoptr(MwNetwork) network = load_text (
    "digraph { a [pos=\"0,0\"]; b [pos=\"96,0\"]; c [pos=\"192,0\"]; d [pos=\"288,0\"]; e [pos=\"384,0\"];"
    " a -> e [mw_tie=collaborates]; a -> e [mw_tie=checks]; b -> d [mw_tie=influences]; }");
  Faults faults = check_network (network, "lateral rank");

  g_assert_cmpuint (faults.crossings, ==, 0);
  g_assert_cmpuint (faults.covered_markers, ==, 0);
}

/* A drag re-routes only the ties and re-places only the labels near the
 * moved actor: at every step the drawing is as clean as drawn afresh. */
static void
test_drag (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("hierarchy", MW_TEMPLATE_DEFAULT_SIZE, 2017, &error);
  g_autoptr(MwRenderer) renderer = NULL;
  MwActor *actor;
  MwRect bounds;
  double x, y;

  g_assert_no_error (error);
  renderer = mw_renderer_new (network);
  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  actor = mw_network_get_actor (network, 3);
  x = actor->x, y = actor->y;
  for (int step = 1; step <= 40; step++)
    {
      g_autofree char *what = g_strdup_printf ("drag, step %d", step);
      g_autoptr(MwRenderer) fresh = NULL;
      Faults faults = { 0, 0 }, fresh_faults = { 0, 0 };

      /* across a rank and back, through the others */
      mw_network_set_actor_position (network, actor, x + 12 * step, y + (step % 10) * 9);
      g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
      check_labels (renderer, what, &faults);
      check_ties (renderer, what, &faults);
      fresh = mw_renderer_new (network);
      g_assert_true (mw_renderer_get_bounds (fresh, &bounds));
      check_labels (fresh, "afresh", &fresh_faults);
      check_ties (fresh, "afresh", &fresh_faults);
      g_assert_cmpuint (faults.covered_markers, <=, fresh_faults.covered_markers);
      g_assert_cmpuint (faults.crossings, <=, fresh_faults.crossings);
    }
}

/* Past MW_ROUTE_MAX_ACTORS ties go straight: the frame stays quick. */
static void
test_large_goes_straight (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("hierarchy", MW_ROUTE_MAX_ACTORS + 200, 1, &error);
  g_autoptr(MwRenderer) renderer = NULL;
  MwRect bounds;

  g_assert_no_error (error);
  renderer = mw_renderer_new (network);
  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  for (guint t = 0; t < mw_network_get_n_ties (network); t++)
    g_assert_cmpfloat (g_array_index (renderer->geometry.bends, double, t), ==,
                       g_array_index (renderer->geometry.lanes, double, t));
}

/* ---- edits past MW_ROUTE_MAX_ACTORS ---------------------------------------- */

#define EDIT_COLUMNS 50
#define EDIT_ACTORS  (MW_ROUTE_MAX_ACTORS + 400)

/* Three organisations of four units on a grid, a reporting line to the
 * actor above, a collaboration to the next, pairs with two and three ties
 * (lanes), self-ties and badges: what an edit may change. */
static MwNetwork *
make_large (gboolean with_orgs)
{
  MwNetwork *network = mw_network_new ();
  static const char *orgs[] = { "North", "South", "West" };

  mw_network_begin_batch (network, "large");
  for (guint i = 0; i < EDIT_ACTORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *label = g_strdup_printf ("Person %u", i);
      g_autofree char *unit = g_strdup_printf ("Unit %u", i / 200 % 4);
      MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, (i % EDIT_COLUMNS) * 90.0, (i / EDIT_COLUMNS) * 70.0);
      if (with_orgs)
        mw_network_set_actor_org (network, actor, orgs[i / 800]);
      mw_network_set_actor_unit (network, actor, unit);
      if (i % 97 == 0)
        mw_network_set_actor_purpose (network, actor, TRUE);
    }
  for (guint i = 0; i < EDIT_ACTORS; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (i >= EDIT_COLUMNS)
        mw_network_add_tie (network, actor, mw_network_get_actor (network, i - EDIT_COLUMNS), MW_TIE_REPORTS, 1, NULL);
      if (i % EDIT_COLUMNS != EDIT_COLUMNS - 1)
        mw_network_add_tie (network, actor, mw_network_get_actor (network, i + 1), MW_TIE_COLLABORATES,
                            i % 5 == 0 ? 2 : 1, NULL);
      if (i % 13 == 0 && i + 1 < EDIT_ACTORS)
        mw_network_add_tie (network, mw_network_get_actor (network, i + 1), actor, MW_TIE_INFLUENCES, 1, NULL);
      if (i % 301 == 0)
        mw_network_add_tie (network, actor, actor, MW_TIE_CHECKS, 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

static guint
pixels_differing (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);
  const guint32 *pa = (const guint32 *)cairo_image_surface_get_data (a);
  const guint32 *pb = (const guint32 *)cairo_image_surface_get_data (b);
  guint n = 0;

  for (int i = 0; i < h * stride / 4; i++)
    n += pa[i] != pb[i];
  return n;
}

/* The map @renderer followed the edits to is the one @fresh built: its
 * groups, their order, sizes and names, each actor's group, and the bands
 * by type, in order. */
static void
assert_map_like_fresh (MwRenderer *renderer,
                       MwRenderer *fresh)
{
  MwOverview *got = renderer->overview.map, *want = fresh->overview.map;
  GArray *got_links = renderer->overview.links, *want_links = fresh->overview.links;

  g_assert_true (renderer->overview.valid && renderer->overview.links_valid && !renderer->overview.relabelled);
  g_assert_true (fresh->overview.valid);
  g_assert_cmpuint (renderer->overview.by_labels, ==, fresh->overview.by_labels);
  g_assert_cmpuint (mw_overview_get_n_groups (got), ==, mw_overview_get_n_groups (want));
  for (guint g = 0; g < mw_overview_get_n_groups (got); g++)
    {
      const MwOverviewGroup *x = mw_overview_get_group (got, g), *y = mw_overview_get_group (want, g);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->org, ==, y->org);
      g_assert_cmpuint (x->n_actors, ==, y->n_actors);
    }
  for (guint v = 0; v < mw_network_get_n_actors (renderer->network); v++)
    g_assert_cmpuint (mw_overview_get_actor_group (got, v), ==, mw_overview_get_actor_group (want, v));
  g_assert_cmpuint (got_links->len, ==, want_links->len);
  g_assert_cmpmem (got_links->data, got_links->len * sizeof (MwOverviewLink),
                   want_links->data, want_links->len * sizeof (MwOverviewLink));
}

/* The geometry @renderer updated after the edits is the one a renderer
 * made afresh computes, number for number, and draws the same pixels:
 * close up round @actor (labels, lanes, badges) and the whole drawing,
 * where the organisation's map shows (the same map too). */
static void
assert_like_fresh (MwRenderer    *renderer,
                   MwNetwork     *network,
                   const MwActor *actor,
                   const char    *what)
{
  g_autoptr(MwRenderer) fresh = mw_renderer_new (network);
  MwRenderGeometry *got = &renderer->geometry, *want = &fresh->geometry;
  MwRect bounds, fresh_bounds;
  guint64 updates = got->n_updates;
  MwView views[2];

  g_test_message ("%s", what);
  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  /* updated, not computed again */
  g_assert_cmpuint (got->n_updates, ==, updates + 1);
  g_assert_true (mw_renderer_get_bounds (fresh, &fresh_bounds));
  g_assert_cmpmem (&bounds, sizeof bounds, &fresh_bounds, sizeof fresh_bounds);
  g_assert_cmpmem (got->actors->data, got->actors->len * sizeof (MwActorGeom),
                   want->actors->data, want->actors->len * sizeof (MwActorGeom));
  g_assert_cmpuint (got->ties->len, ==, want->ties->len);
  for (guint t = 0; t < got->ties->len; t++)
    {
      const MwTieEnds *x = &g_array_index (got->ties, MwTieEnds, t), *y = &g_array_index (want->ties, MwTieEnds, t);

      g_assert_true (x->from == y->from && x->to == y->to && x->type == y->type && x->heavy == y->heavy);
    }
  g_assert_cmpmem (got->bends->data, got->bends->len * sizeof (double),
                   want->bends->data, want->bends->len * sizeof (double));

  mw_view_init (&views[0], 640, 400);
  views[0].zoom = 1.5;
  views[0].offset_x = actor->x - 200;
  views[0].offset_y = actor->y - 130;
  mw_view_init (&views[1], 640, 400);
  mw_view_fit (&views[1], &fresh_bounds, 24);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      cairo_surface_t *a = mw_test_draw_view (renderer, &views[v]), *b = mw_test_draw_view (fresh, &views[v]);

      g_assert_cmpuint (pixels_differing (a, b), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  g_assert_cmpfloat (_mw_renderer_map_weight (renderer, &views[1]), ==, 1);
  assert_map_like_fresh (renderer, fresh);
}

/* Issue 17: at 100,000 actors one edit recomputed the whole geometry (a
 * frame of seconds). Each kind of edit is now followed: only what it
 * touches is updated, and the result is the fresh computation's. */
static void
test_edits_like_fresh (void)
{
  g_autoptr(MwNetwork) network = make_large (TRUE);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *a = mw_network_get_actor (network, 1234), *b = mw_network_get_actor (network, 1235);
  MwActor *far = mw_network_get_actor (network, 77), *added;
  guint64 topology, maps, moves;
  MwTie *tie;
  MwRect bounds;

  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  topology = renderer->geometry.topology_serial;

  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  assert_like_fresh (renderer, network, a, "a tie added beside two others (lanes)");
  /* the map's groups are the units: edits of ties only count its bands again */
  g_assert_true (renderer->overview.by_labels);
  maps = renderer->overview.n_builds;
  mw_network_add_tie (network, a, far, MW_TIE_REPORTS, 1, NULL);
  assert_like_fresh (renderer, network, far, "a long tie added");
  mw_network_set_tie_type (network, tie, MW_TIE_INFLUENCES);
  mw_network_set_tie_weight (network, tie, 3);
  assert_like_fresh (renderer, network, a, "a tie's type and weight");
  mw_network_set_tie_endpoints (network, tie, b, b);
  assert_like_fresh (renderer, network, b, "a tie's ends: now a self-tie");
  mw_network_remove_tie (network, mw_network_get_tie (network, 40));
  mw_network_remove_tie (network, tie);
  assert_like_fresh (renderer, network, b, "ties removed (the last moved into their index)");
  g_assert_cmpuint (renderer->overview.n_builds, ==, maps);

  mw_network_set_actor_label (network, a, "Someone with a much longer name");
  assert_like_fresh (renderer, network, a, "renamed");
  mw_network_set_actor_kind (network, a, MW_ACTOR_TEAM);
  mw_network_set_actor_purpose (network, b, TRUE);
  assert_like_fresh (renderer, network, a, "kind and badge");
  /* the map follows actors between units, in and out: never built again
   * (a change of kind did: organisations may be actors) */
  maps = renderer->overview.n_builds;
  moves = renderer->overview.n_moves;
  mw_network_set_actor_unit (network, a, "Unit 3");
  assert_like_fresh (renderer, network, a, "moved to another unit");
  g_assert_cmpuint (renderer->overview.n_moves, ==, moves + 1);
  /* the first of its unit (the first group), now after the second one's */
  mw_network_set_actor_unit (network, mw_network_get_actor (network, 0), "Unit 1");
  assert_like_fresh (renderer, network, mw_network_get_actor (network, 0), "the first of the map's first group moved");
  mw_network_set_actor_attr (network, a, "role", "lead");
  assert_like_fresh (renderer, network, a, "an attribute");
  mw_network_set_actor_position (network, b, b->x + 35, b->y - 160);
  assert_like_fresh (renderer, network, b, "moved over its neighbours (their labels turn)");
  g_assert_cmpuint (renderer->geometry.topology_serial, ==, topology);

  added = mw_network_add_actor (network, "new", "Newcomer", MW_ACTOR_PERSON, NULL);
  mw_network_set_actor_position (network, added, a->x + 40, a->y + 30);
  mw_network_set_actor_org (network, added, "North");
  mw_network_set_actor_unit (network, added, "Unit 0");
  mw_network_add_tie (network, added, a, MW_TIE_REPORTS, 1, NULL);
  assert_like_fresh (renderer, network, added, "an actor added, with a tie");
  mw_network_remove_actor (network, mw_network_get_actor (network, 1300));
  assert_like_fresh (renderer, network, a, "an actor removed (the last moved into its index)");
  g_assert_cmpuint (renderer->geometry.topology_serial, ==, topology);

  /* a new organisation shifts the palette: every actor is coloured again */
  mw_network_set_actor_org (network, far, "Atlantis");
  assert_like_fresh (renderer, network, far, "a new organisation");
  g_assert_cmpuint (renderer->overview.n_builds, ==, maps);
  g_assert_cmpuint (renderer->overview.n_moves, >, moves + 1);

  /* one heard, then everything computed again (the text scale): the
   * palette too, not only what the lists held */
  mw_network_set_actor_org (network, b, "Zanzibar");
  mw_renderer_set_text_scale (renderer, 1.25);
  {
    g_autoptr(MwRenderer) fresh = mw_renderer_new (network);
    MwRect fresh_bounds;

    mw_renderer_set_text_scale (fresh, 1.25);
    g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
    g_assert_true (mw_renderer_get_bounds (fresh, &fresh_bounds));
    g_assert_cmpmem (renderer->geometry.actors->data, renderer->geometry.actors->len * sizeof (MwActorGeom),
                     fresh->geometry.actors->data, fresh->geometry.actors->len * sizeof (MwActorGeom));
  }
}

/* Without organisations a reporting line may make organisations of the
 * units: the map's bands are counted again after other ties, its groups
 * made again after a reporting line. */
static void
test_edits_map_without_orgs (void)
{
  g_autoptr(MwNetwork) network = make_large (FALSE);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *a = mw_network_get_actor (network, 150), *b = mw_network_get_actor (network, 2350), *added;
  MwRect bounds;
  guint64 maps;

  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  mw_network_add_tie (network, a, b, MW_TIE_COLLABORATES, 1, NULL);
  assert_like_fresh (renderer, network, a, "a collaboration across the map");
  g_assert_true (renderer->overview.by_labels && renderer->overview.reports_matter);
  maps = renderer->overview.n_builds;
  mw_network_add_tie (network, b, a, MW_TIE_INFLUENCES, 1, NULL);
  assert_like_fresh (renderer, network, b, "an influence across the map");
  g_assert_cmpuint (renderer->overview.n_builds, ==, maps);
  /* actors move between units, come and go: the map follows */
  mw_network_set_actor_unit (network, a, "Unit 2");
  assert_like_fresh (renderer, network, a, "moved to another unit");
  added = mw_network_add_actor (network, "new", "Newcomer", MW_ACTOR_PERSON, NULL);
  mw_network_set_actor_position (network, added, a->x + 40, a->y + 30);
  mw_network_set_actor_unit (network, added, "Unit 0");
  mw_network_add_tie (network, added, b, MW_TIE_COLLABORATES, 1, NULL);
  assert_like_fresh (renderer, network, added, "an actor added into a unit");
  g_assert_cmpuint (renderer->overview.n_builds, ==, maps);
  /* (its reporting lines go first, and they may make organisations) */
  mw_network_remove_actor (network, mw_network_get_actor (network, 0));
  assert_like_fresh (renderer, network, a, "the first actor removed, with its ties");
  maps = renderer->overview.n_builds;
  mw_network_add_tie (network, a, b, MW_TIE_REPORTS, 1, NULL);
  assert_like_fresh (renderer, network, a, "a reporting line across the map");
  g_assert_cmpuint (renderer->overview.n_builds, ==, maps + 1);
}

/* Issue 17: 100,000 labels took half a second of the first frame, measured
 * one by one on the UI thread; now several threads measure them, each with
 * its own font map. Every label must come out as one thread measures it:
 * its size, where it goes, the text shown (ellipsised, on one line) and
 * its pixels — for scripts, emoji, record labels and line breaks too. */
static void
test_labels_measured_in_parallel (void)
{
  static const char *words[] = {
    "Person", "Ana María", "李小龍", "محمد علي", "Zoë 🙂", "<f0> left|<f1> right", "two\nlines",
    "Dr. Maximiliane Theodora Wolkenstein-Oberhausen of the Department of Long Names",
  };
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) parallel = NULL;
  g_autoptr(MwRenderer) serial = NULL;
  MwView view;

  mw_network_begin_batch (network, "labels");
  for (guint i = 0; i < EDIT_ACTORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *label = g_strdup_printf ("%s %u", words[i % G_N_ELEMENTS (words)], i);
      MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, (i % EDIT_COLUMNS) * 90.0, (i / EDIT_COLUMNS) * 70.0);
    }
  mw_network_end_batch (network);

  parallel = mw_renderer_new (network);
  parallel->text.parallel_min = 1;
  _mw_renderer_set_n_threads (parallel, 2);
  serial = mw_renderer_new (network);
  serial->text.parallel_min = G_MAXUINT;
  _mw_renderer_ensure_geometry (parallel);
  _mw_renderer_ensure_geometry (serial);
  g_assert_cmpuint (parallel->text.parallel_runs, ==, 1);
  g_assert_cmpuint (serial->text.parallel_runs, ==, 0);

  for (guint i = 0; i < EDIT_ACTORS; i++)
    {
      const MwActor *actor = mw_network_get_actor (network, i);
      double pw, ph, sw, sh;

      _mw_renderer_label_size (parallel, actor, &pw, &ph);
      _mw_renderer_label_size (serial, actor, &sw, &sh);
      g_assert_cmpfloat (pw, ==, sw);
      g_assert_cmpfloat (ph, ==, sh);
    }
  g_assert_cmpmem (parallel->geometry.actors->data, parallel->geometry.actors->len * sizeof (MwActorGeom),
                   serial->geometry.actors->data, serial->geometry.actors->len * sizeof (MwActorGeom));

  /* the shown text is what is drawn: close up, over several kinds of label */
  mw_view_init (&view, 900, 500);
  view.zoom = 1.2;
  view.labels = MW_LABELS_ALWAYS;
  for (guint k = 0; k < 3; k++)
    {
      cairo_surface_t *a, *b;

      view.offset_x = k * 1500.0;
      view.offset_y = k * 700.0;
      a = mw_test_draw_view (parallel, &view);
      b = mw_test_draw_view (serial, &view);
      g_assert_cmpuint (pixels_differing (a, b), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  /* nothing measured twice: the labels the threads measured are kept */
  g_assert_cmpuint (parallel->text.parallel_runs, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-geometry/templates", test_templates);
  g_test_add_func ("/render-geometry/example", test_example);
  g_test_add_func ("/render-geometry/middle-manager", test_middle_manager);
  g_test_add_func ("/render-geometry/lateral-rank", test_lateral_rank);
  g_test_add_func ("/render-geometry/drag", test_drag);
  g_test_add_func ("/render-geometry/large-goes-straight", test_large_goes_straight);
  g_test_add_func ("/render-geometry/edits-like-fresh", test_edits_like_fresh);
  g_test_add_func ("/render-geometry/edits-map-without-orgs", test_edits_map_without_orgs);
  g_test_add_func ("/render-geometry/labels-in-parallel", test_labels_measured_in_parallel);

  return g_test_run ();
}
