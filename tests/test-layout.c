/* test-layout.c: automatic layout, in this process and in the child
 *
 * The child is made slow or made to crash with the test-only environment
 * variable MESHWORK_LAYOUT_TEST ("sleep" hangs for a minute before the
 * layout, "crash" aborts), read by `meshwork-cli-test layout`
 * ($MESHWORK_CLI_TEST, tests/meshwork-cli-test.c), not by meshwork-cli.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mw-dot.h"
#include "mw-test-cli.h"
#include "mw-layout.h"
#include "mw-layout-private.h"
#include "mw-layout-tree.h"
#include "mw-overview.h"

static MwNetwork *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

static MwNetwork *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* A small org: a boss, three managers, two reports each, some lateral ties. */
static MwNetwork *
make_org (void)
{
  MwNetwork *network = mw_network_new ();
  MwActor *boss = mw_network_add_actor (network, "boss", "Boss", MW_ACTOR_PERSON, NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      MwActor *manager = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_unit (network, manager, i == 0 ? "Sales" : "Ops");
      mw_network_add_tie (network, manager, boss, MW_TIE_REPORTS, 1, NULL);
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *rid = g_strdup_printf ("r%u%u", i, k);
          MwActor *report = mw_network_add_actor (network, rid, NULL, MW_ACTOR_PERSON, NULL);

          mw_network_set_actor_unit (network, report, manager->unit);
          mw_network_add_tie (network, report, manager, MW_TIE_REPORTS, 1, NULL);
        }
    }
  mw_network_add_tie (network, mw_network_lookup_actor (network, "r00"),
                      mw_network_lookup_actor (network, "r20"), MW_TIE_COLLABORATES, 1, NULL);
  return network;
}

static const MwLayoutPoint *
point_of (GHashTable *positions,
          const char *id)
{
  const MwLayoutPoint *point = g_hash_table_lookup (positions, id);

  g_assert_nonnull (point);
  return point;
}

/* Every actor has a finite position, and no two share a spot. */
static void
assert_laid_out (MwNetwork  *network,
                 GHashTable *positions)
{
  guint n = mw_network_get_n_actors (network);

  g_assert_cmpuint (g_hash_table_size (positions), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const MwLayoutPoint *a = point_of (positions, mw_network_get_actor (network, i)->id);

      g_assert_true (isfinite (a->x) && isfinite (a->y));
      for (guint j = i + 1; j < n; j++)
        {
          const MwLayoutPoint *b = point_of (positions, mw_network_get_actor (network, j)->id);

          g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >, 20.0);
        }
    }
}

static void
test_every_engine (void)
{
  g_autoptr(MwNetwork) network = make_org ();

  for (MwLayoutEngine engine = MW_LAYOUT_AUTO; engine < MW_N_LAYOUT_ENGINES; engine++)
    {
      g_autoptr(GHashTable) positions = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("engine %s", mw_layout_engine_to_string (engine));
      positions = mw_layout_compute (network, engine, &error);
      g_assert_no_error (error);
      assert_laid_out (network, positions);
    }
}

/* dot draws an org chart: every manager above each of their reports. */
static void
test_dot_org_chart (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GHashTable) positions = mw_layout_compute (network, MW_LAYOUT_DOT, NULL);

  assert_laid_out (network, positions);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->type == MW_TIE_REPORTS)
        g_assert_cmpfloat (point_of (positions, tie->to->id)->y, <, point_of (positions, tie->from->id)->y);
    }
}

static void
test_pinned_stay_put (void)
{
  for (MwLayoutEngine engine = MW_LAYOUT_DOT; engine < MW_N_LAYOUT_ENGINES; engine++)
    {
      g_autoptr(MwNetwork) network = make_org ();
      g_autoptr(GHashTable) positions = NULL;
      g_autoptr(GError) error = NULL;
      MwActor *boss = mw_network_lookup_actor (network, "boss");
      MwActor *report = mw_network_lookup_actor (network, "r11");

      mw_network_set_actor_position (network, boss, 1234.5, -987.25);
      mw_network_set_actor_pinned (network, boss, TRUE);
      mw_network_set_actor_position (network, report, -300.125, 42.0);
      mw_network_set_actor_pinned (network, report, TRUE);

      positions = mw_layout_compute (network, engine, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (point_of (positions, "boss")->x, ==, 1234.5);
      g_assert_cmpfloat (point_of (positions, "boss")->y, ==, -987.25);
      g_assert_cmpfloat (point_of (positions, "r11")->x, ==, -300.125);
      g_assert_cmpfloat (point_of (positions, "r11")->y, ==, 42.0);

      mw_layout_apply (network, positions);
      g_assert_cmpfloat (boss->x, ==, 1234.5);
      g_assert_cmpfloat (report->y, ==, 42.0);
    }
}

static void
test_cyclic_reports (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("strict-cycle.gv");

  for (MwLayoutEngine engine = MW_LAYOUT_AUTO; engine < MW_N_LAYOUT_ENGINES; engine++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) positions = mw_layout_compute (network, engine, &error);

      g_assert_no_error (error);
      assert_laid_out (network, positions);
    }
}

static void
test_empty_and_single (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GHashTable) none = mw_layout_compute (network, MW_LAYOUT_AUTO, NULL);
  g_autoptr(GHashTable) one = NULL;

  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
  mw_network_add_actor (network, "solo", NULL, MW_ACTOR_PERSON, NULL);
  one = mw_layout_compute (network, MW_LAYOUT_DOT, NULL);
  g_assert_cmpuint (g_hash_table_size (one), ==, 1);
}

static const char * const hostile_words[] = {
  "shapefile", "image", "imagepath", "fontpath", "fontname", "passwd", "IMG", "<", "mw-probe", NULL
};

/* What gvc is given comes from the model only: none of the file's
 * attributes that could make Graphviz open a file. */
static void
test_hostile_graph_is_clean (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("hostile-attributes.gv");

  /* the attributes are still kept for the round trip */
  g_assert_cmpstr (g_hash_table_lookup (mw_network_lookup_actor (network, "boss")->attrs, "shapefile"),
                   ==, "/etc/passwd");

  for (MwLayoutEngine engine = MW_LAYOUT_DOT; engine < MW_N_LAYOUT_ENGINES; engine++)
    {
      g_autofree char *graph = mw_layout_describe_graph (network, engine);

      for (guint i = 0; hostile_words[i] != NULL; i++)
        if (strstr (graph, hostile_words[i]) != NULL)
          g_error ("“%s” reaches %s:\n%s", hostile_words[i], mw_layout_engine_to_string (engine), graph);
    }
}

static char *
strace_layout (const char *program,
               const char *path,
               const char *engine)
{
  g_autofree char *log = g_build_filename (g_get_tmp_dir (), "mw-test-layout-strace-XXXXXX", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int fd = g_mkstemp (log);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  if (g_strcmp0 (program, "dot") == 0)
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                "strace", "-f", "-o", log, "-e", "trace=open,openat,stat,access,newfstatat",
                                "dot", "-Tdot", path, NULL);
  else
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                "strace", "-f", "-o", log, "-e", "trace=open,openat,stat,access,newfstatat",
                                program, "layout", "--engine", engine, path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (log, &text, NULL, &error);
  g_assert_no_error (error);
  g_unlink (log);

  return g_steal_pointer (&text);
}

/* The real thing, watched with strace: `dot` itself opens the hostile
 * paths (so the check can fail), Meshwork's layout opens none of them. */
static void
test_hostile_files_never_opened (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile-attributes.gv", NULL);
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *dot = g_find_program_in_path ("dot");

  if (strace == NULL || dot == NULL)
    {
      g_test_skip ("needs strace and dot (Debian packages strace, graphviz)");
      return;
    }

  {
    g_autofree char *log = strace_layout ("dot", path, NULL);

    if (strstr (log, "mw-probe-shapefile") == NULL)
      {
        g_test_skip ("strace cannot watch here (no ptrace?)");
        return;
      }
  }

  for (MwLayoutEngine engine = MW_LAYOUT_AUTO; engine < MW_N_LAYOUT_ENGINES; engine++)
    {
      g_autofree char *log = strace_layout (g_getenv ("MESHWORK_CLI"), path, mw_layout_engine_to_string (engine));

      g_assert_nonnull (strstr (log, "hostile-attributes.gv"));
      /* (not /etc/passwd: the C library may read it for its own reasons) */
      g_assert_null (strstr (log, "mw-probe"));
    }
}

static void
test_choose_engine (void)
{
  g_autoptr(MwNetwork) org = make_org ();
  g_autoptr(MwNetwork) mesh = mw_network_new ();
  g_autoptr(MwNetwork) big = mw_network_new ();

  g_assert_cmpint (mw_layout_choose_engine (org), ==, MW_LAYOUT_DOT);

  for (guint i = 0; i < 60; i++)
    mw_network_add_actor (mesh, NULL, NULL, MW_ACTOR_PERSON, NULL);
  for (guint i = 0; i < 60; i++)
    mw_network_add_tie (mesh, mw_network_get_actor (mesh, i), mw_network_get_actor (mesh, (i * 7 + 3) % 60),
                        MW_TIE_COLLABORATES, 1, NULL);
  g_assert_cmpint (mw_layout_choose_engine (mesh), ==, MW_LAYOUT_NEATO);

  for (guint i = 0; i < 3000; i++)
    mw_network_add_actor (big, NULL, NULL, MW_ACTOR_PERSON, NULL);
  g_assert_cmpint (mw_layout_choose_engine (big), ==, MW_LAYOUT_SFDP);

  /* a big network is announced as slow with neato, not with sfdp */
  g_assert_cmpfloat (mw_layout_estimate_seconds (big, MW_LAYOUT_NEATO), >, MW_LAYOUT_SLOW_SECONDS);
  g_assert_cmpfloat (mw_layout_estimate_seconds (big, MW_LAYOUT_AUTO), <, MW_LAYOUT_SLOW_SECONDS);
  g_assert_cmpfloat (mw_layout_estimate_seconds (mesh, MW_LAYOUT_AUTO), <,
                     mw_layout_estimate_seconds (big, MW_LAYOUT_NEATO));
}

/* The app's import dialog and meshwork-cli import lay an import out alike:
 * people as an org chart while that is quick enough, ties alone as any
 * network of their size. */
static void
test_engine_for_import (void)
{
  g_autoptr(MwNetwork) org = make_org ();
  g_autoptr(MwNetwork) mesh = mw_network_new ();
  g_autoptr(MwNetwork) huge = mw_network_new ();

  g_assert_cmpint (mw_layout_engine_for_import (org, TRUE), ==, MW_LAYOUT_DOT);
  g_assert_cmpint (mw_layout_engine_for_import (org, FALSE), ==, MW_LAYOUT_DOT);

  for (guint i = 0; i < 60; i++)
    mw_network_add_actor (mesh, NULL, NULL, MW_ACTOR_PERSON, NULL);
  for (guint i = 0; i < 60; i++)
    mw_network_add_tie (mesh, mw_network_get_actor (mesh, i), mw_network_get_actor (mesh, (i * 7 + 3) % 60),
                        MW_TIE_COLLABORATES, 1, NULL);
  /* a people file is an org chart even before anyone reports to anyone */
  g_assert_cmpint (mw_layout_engine_for_import (mesh, TRUE), ==, MW_LAYOUT_DOT);
  g_assert_cmpint (mw_layout_engine_for_import (mesh, FALSE), ==, MW_LAYOUT_NEATO);

  for (guint i = 0; i < 30000; i++)
    mw_network_add_actor (huge, NULL, NULL, MW_ACTOR_PERSON, NULL);
  g_assert_cmpfloat (mw_layout_estimate_seconds (huge, MW_LAYOUT_DOT), >, MW_LAYOUT_IMPORT_MAX_SECONDS);
  /* too big for dot, still an org chart: in linear time */
  g_assert_cmpint (mw_layout_engine_for_import (huge, TRUE), ==, MW_LAYOUT_TREE);
  g_assert_cmpint (mw_layout_engine_for_import (huge, FALSE), ==, MW_LAYOUT_SFDP);
}

static void
test_place_new_actor (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GHashTable) positions = mw_layout_compute (network, MW_LAYOUT_DOT, NULL);
  MwActor *manager, *peer, *newcomer;
  double x, y;

  mw_layout_apply (network, positions);
  manager = mw_network_lookup_actor (network, "cdo");
  peer = mw_network_lookup_actor (network, "dev1");
  newcomer = mw_network_add_actor (network, "new", "New Hire", MW_ACTOR_PERSON, NULL);
  mw_network_add_tie (network, newcomer, manager, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, newcomer, peer, MW_TIE_COLLABORATES, 1, NULL);

  mw_layout_place_new_actor (network, newcomer, &x, &y);
  /* below its manager, near its neighbours, on nobody */
  g_assert_cmpfloat (y, >, manager->y);
  g_assert_cmpfloat (hypot (x - (manager->x + peer->x) / 2, y - (manager->y + peer->y) / 2), <, 400.0);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *other = mw_network_get_actor (network, i);

      if (other != newcomer && other->has_position)
        g_assert_cmpfloat (hypot (other->x - x, other->y - y), >=, 50.0);
    }
}

static void
test_place_without_neighbours (void)
{
  g_autoptr(MwNetwork) network = make_org ();
  MwActor *loner;
  double x, y;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    mw_network_set_actor_position (network, mw_network_get_actor (network, i), i * 10.0, 0.0);
  loner = mw_network_add_actor (network, "loner", NULL, MW_ACTOR_PERSON, NULL);
  mw_layout_place_new_actor (network, loner, &x, &y);
  g_assert_cmpfloat (x, >, 100.0);
}

/* --- the tree engine ------------------------------------------------------ */

/* AddressSanitizer with full unwinding (see tests/meson.build) makes every
 * allocation slow: the big cases shrink there, the linear checks stay. */
#if defined(__SANITIZE_ADDRESS__)
#define TREE_SCALE 10
#define TREE_TIDY_N 200
#define UNDER_ASAN TRUE
#else
#define TREE_SCALE 1
#define TREE_TIDY_N 600
#define UNDER_ASAN FALSE
#endif

static const char * const tree_units[] = { "Sales", "Ops", "Legal", "" };

/* @n people, each after the first reporting to a random one of the @span
 * before it (a long chain when @span is 1, bushy when it is large); units
 * and names drawn at random, so siblings come in no useful order; a few
 * lateral ties that must not matter. */
static MwNetwork *
make_tree_org (guint   n,
               guint   span,
               guint32 seed)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("Person %u", g_rand_int_range (rand, 0, 1000));
      MwActor *actor = mw_network_add_actor (network, NULL, label, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_unit (network, actor, tree_units[g_rand_int_range (rand, 0, G_N_ELEMENTS (tree_units))]);
      if (i > 0)
        mw_network_add_tie (network, actor,
                            mw_network_get_actor (network, g_rand_int_range (rand, i > span ? i - span : 0, i)),
                            MW_TIE_REPORTS, 1, NULL);
    }
  for (guint k = 0; k < n / 10; k++)
    mw_network_add_tie (network, mw_network_get_actor (network, g_rand_int_range (rand, 0, n)),
                        mw_network_get_actor (network, g_rand_int_range (rand, 0, n)), MW_TIE_COLLABORATES, 1, NULL);

  return network;
}

/* An org chart asked for (the app's Arrange → Org Chart) gets what an
 * import of the same people gets: dot while quick, the tidy tree beyond. */
static void
test_engine_for_org_chart (void)
{
  g_autoptr(MwNetwork) org = make_org ();
  g_autoptr(MwNetwork) big = make_tree_org (5000, 6, 16);

  g_assert_cmpint (mw_layout_engine_for_org_chart (org), ==, MW_LAYOUT_DOT);
  g_assert_cmpfloat (mw_layout_estimate_seconds (big, MW_LAYOUT_DOT), >, MW_LAYOUT_SLOW_SECONDS);
  g_assert_cmpint (mw_layout_engine_for_org_chart (big), ==, MW_LAYOUT_TREE);
  g_assert_cmpint (mw_layout_engine_for_org_chart (big), ==, mw_layout_engine_for_import (big, TRUE));
}

/* The manager the tree engine follows: the first reports tie, not to oneself. */
static MwActor *
tree_manager (MwActor *actor)
{
  MwTie *first = NULL;

  for (guint i = 0; i < mw_actor_n_out (actor, MW_TIE_REPORTS); i++)
    {
      MwTie *tie = mw_actor_out (actor, MW_TIE_REPORTS, i);

      if (tie->to != actor && (first == NULL || tie->index < first->index))
        first = tie;
    }
  return first != NULL ? first->to : NULL;
}

static int
compare_by_rank_then_x (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  GHashTable *positions = user_data;
  const MwLayoutPoint *p = point_of (positions, (*(MwActor * const *) a)->id);
  const MwLayoutPoint *q = point_of (positions, (*(MwActor * const *) b)->id);

  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return (p->x > q->x) - (p->x < q->x);
}

/* A tidy tree, for a network whose reporting lines have no cycle: every
 * report one rank below its manager, managers centred over their reports,
 * nobody overlapping anybody on a rank, a unit's siblings side by side. */
static void
assert_tidy (MwNetwork  *network,
             GHashTable *positions)
{
  guint n = mw_network_get_n_actors (network);
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  g_assert_cmpuint (g_hash_table_size (positions), ==, n);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      const MwLayoutPoint *p = point_of (positions, actor->id);
      MwActor *manager = tree_manager (actor);
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
      g_autoptr(GPtrArray) reports = g_ptr_array_new ();
      g_autoptr(GHashTable) units_seen = g_hash_table_new (g_str_hash, g_str_equal);
      const char *unit = NULL;

      g_assert_true (isfinite (p->x) && isfinite (p->y));
      g_ptr_array_add (actors, actor);
      if (manager != NULL)
        g_assert_cmpfloat_with_epsilon (p->y - point_of (positions, manager->id)->y,
                                        MW_LAYOUT_TREE_RANK_STEP, 1e-9);

      for (guint k = 0; k < mw_actor_n_in (actor, MW_TIE_REPORTS); k++)
        {
          MwActor *report = mw_actor_in (actor, MW_TIE_REPORTS, k)->from;

          if (tree_manager (report) != actor)
            continue;
          lo = MIN (lo, point_of (positions, report->id)->x);
          hi = MAX (hi, point_of (positions, report->id)->x);
          g_ptr_array_add (reports, report);
        }
      if (reports->len == 0)
        continue;
      g_assert_cmpfloat_with_epsilon (p->x, (lo + hi) / 2.0, 1e-6);

      g_ptr_array_sort_with_data (reports, compare_by_rank_then_x, positions);
      for (guint k = 0; k < reports->len; k++)
        {
          MwActor *report = g_ptr_array_index (reports, k);

          if (unit != NULL && strcmp (unit, report->unit) == 0)
            continue;
          g_assert_false (g_hash_table_contains (units_seen, report->unit));
          unit = report->unit;
          g_hash_table_add (units_seen, (gpointer) unit);
        }
    }

  g_ptr_array_sort_with_data (actors, compare_by_rank_then_x, positions);
  for (guint i = 1; i < n; i++)
    {
      MwActor *a = g_ptr_array_index (actors, i - 1), *b = g_ptr_array_index (actors, i);
      const MwLayoutPoint *p = point_of (positions, a->id), *q = point_of (positions, b->id);

      if (p->y == q->y)
        g_assert_cmpfloat (q->x - p->x, >=, (_mw_layout_label_width (a) + _mw_layout_label_width (b)) / 2.0);
    }
}

static void
test_tree_tidy (void)
{
  static const guint spans[] = { 1, 3, 40, 100000 };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      g_autoptr(MwNetwork) network = make_tree_org (TREE_TIDY_N, spans[s], s);
      g_autoptr(GHashTable) positions = NULL;
      g_autoptr(GError) error = NULL;
      MwLayoutTreeStats stats;

      g_test_message ("span %u", spans[s]);
      positions = mw_layout_compute (network, MW_LAYOUT_TREE, &error);
      g_assert_no_error (error);
      assert_tidy (network, positions);
      assert_laid_out (network, positions);

      g_clear_pointer (&positions, g_hash_table_unref);
      positions = mw_layout_tree_compute (network, &stats);
      g_assert_cmpuint (stats.n_roots, ==, 1);
      g_assert_cmpuint (stats.n_lone, ==, 0);
      g_assert_cmpuint (stats.n_cycles_broken, ==, 0);
      if (spans[s] == 1)
        g_assert_cmpuint (stats.depth, ==, TREE_TIDY_N - 1);
    }
}

/* Trees of a forest side by side, the top of each on the first rank; the
 * people outside every reporting line in a block to their right. */
static void
test_tree_forest_and_lone (void)
{
  g_autoptr(MwNetwork) network = make_org ();
  g_autoptr(GHashTable) positions = NULL;
  MwLayoutTreeStats stats;
  MwActor *second = mw_network_add_actor (network, "boss2", "Second Boss", MW_ACTOR_PERSON, NULL);
  double forest_right = -G_MAXDOUBLE;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);

      mw_network_add_tie (network, mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL), second,
                          MW_TIE_REPORTS, 1, NULL);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("lone%u", i);
      MwActor *lone = mw_network_add_actor (network, id, NULL, i == 0 ? MW_ACTOR_TEAM : MW_ACTOR_PERSON, NULL);

      /* a lateral tie does not pull anyone into the tree */
      mw_network_add_tie (network, lone, second, MW_TIE_COLLABORATES, 1, NULL);
    }

  positions = mw_layout_tree_compute (network, &stats);
  assert_tidy (network, positions);
  assert_laid_out (network, positions);
  g_assert_cmpuint (stats.n_roots, ==, 2);
  g_assert_cmpuint (stats.n_lone, ==, 5);
  g_assert_cmpfloat (point_of (positions, "boss")->y, ==, point_of (positions, "boss2")->y);
  g_assert_cmpfloat (point_of (positions, "m0")->y, ==, point_of (positions, "s0")->y);

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (!g_str_has_prefix (actor->id, "lone"))
        forest_right = MAX (forest_right, point_of (positions, actor->id)->x);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("lone%u", i);

      g_assert_cmpfloat (point_of (positions, id)->x, >, forest_right);
    }
}

/* Reporting rings are cut, deterministically, above their first actor;
 * a second manager and a self-report are ignored; it always ends. */
static void
test_tree_cycles_and_managers (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GHashTable) again = NULL;
  MwLayoutTreeStats stats;
  MwActor *ring[5], *chief, *twice, *self;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("ring%u", i);

      ring[i] = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);
    }
  for (guint i = 0; i < 5; i++)
    mw_network_add_tie (network, ring[i], ring[(i + 1) % 5], MW_TIE_REPORTS, 1, NULL);
  /* a tree hanging from the ring, and a two-person ring of its own */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("hang%u", i);

      mw_network_add_tie (network, mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL), ring[2],
                          MW_TIE_REPORTS, 1, NULL);
    }
  chief = mw_network_add_actor (network, "chief", NULL, MW_ACTOR_PERSON, NULL);
  twice = mw_network_add_actor (network, "twice", NULL, MW_ACTOR_PERSON, NULL);
  mw_network_add_tie (network, twice, chief, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, chief, twice, MW_TIE_REPORTS, 1, NULL);
  /* two managers: the first tie wins */
  mw_network_add_tie (network, twice, ring[4], MW_TIE_REPORTS, 1, NULL);
  self = mw_network_add_actor (network, "self", NULL, MW_ACTOR_PERSON, NULL);
  mw_network_add_tie (network, self, self, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, self, chief, MW_TIE_REPORTS, 1, NULL);

  positions = mw_layout_tree_compute (network, &stats);
  assert_laid_out (network, positions);
  g_assert_cmpuint (stats.n_cycles_broken, ==, 2);
  g_assert_cmpuint (stats.n_extra_managers, ==, 1);
  g_assert_cmpuint (stats.n_roots, ==, 2);

  /* ring0 is the first of its ring: its line upwards is the one cut */
  g_assert_cmpfloat (point_of (positions, "ring0")->y, ==, 0.0);
  g_assert_cmpfloat (point_of (positions, "ring4")->y, ==, MW_LAYOUT_TREE_RANK_STEP);
  g_assert_cmpfloat (point_of (positions, "ring1")->y, ==, 4 * MW_LAYOUT_TREE_RANK_STEP);
  g_assert_cmpfloat (point_of (positions, "hang0")->y, ==, 4 * MW_LAYOUT_TREE_RANK_STEP);
  /* chief comes before twice: chief's line upwards is the one cut */
  g_assert_cmpfloat (point_of (positions, "chief")->y, ==, 0.0);
  g_assert_cmpfloat (point_of (positions, "twice")->y, ==, MW_LAYOUT_TREE_RANK_STEP);
  g_assert_cmpfloat (point_of (positions, "self")->y, ==, MW_LAYOUT_TREE_RANK_STEP);

  /* the same answer every time */
  again = mw_layout_tree_compute (network, NULL);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      const char *id = mw_network_get_actor (network, i)->id;

      g_assert_cmpfloat (point_of (positions, id)->x, ==, point_of (again, id)->x);
      g_assert_cmpfloat (point_of (positions, id)->y, ==, point_of (again, id)->y);
    }
}

/* Each ring of a big reporting cycle, a chain and a long comb: linear. */
static void
test_tree_rings_at_scale (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GHashTable) positions = NULL;
  MwLayoutTreeStats stats;
  guint n = 20000 / TREE_SCALE;

  for (guint i = 0; i < n; i++)
    mw_network_add_actor (network, NULL, NULL, MW_ACTOR_PERSON, NULL);
  for (guint i = 0; i < n; i++)
    mw_network_add_tie (network, mw_network_get_actor (network, i), mw_network_get_actor (network, (i + 1) % n),
                        MW_TIE_REPORTS, 1, NULL);

  positions = mw_layout_tree_compute (network, &stats);
  g_assert_cmpuint (g_hash_table_size (positions), ==, n);
  g_assert_cmpuint (stats.n_cycles_broken, ==, 1);
  g_assert_cmpuint (stats.depth, ==, n - 1);
  g_assert_cmpuint (stats.steps, <=, 8 * (guint64) n);
}

static guint64
tree_steps (guint n,
            guint span)
{
  g_autoptr(MwNetwork) network = make_tree_org (n, span, 7);
  g_autoptr(GHashTable) positions = NULL;
  MwLayoutTreeStats stats;

  positions = mw_layout_tree_compute (network, &stats);
  g_assert_cmpuint (g_hash_table_size (positions), ==, n);
  return stats.steps;
}

/* Linear: four times the people, about four times the work, for deep,
 * middling and bushy charts alike (counted, not timed). */
static void
test_tree_linear (void)
{
  static const guint spans[] = { 1, 2, 30, 1000000 };
  guint n = 5000 / TREE_SCALE;

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      guint64 small = tree_steps (n, spans[s]);
      guint64 large = tree_steps (4 * n, spans[s]);
      double ratio = (double) large / small;

      g_test_message ("span %u: %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT " steps, ratio %.2f",
                      spans[s], small, large, ratio);
      g_assert_cmpfloat (ratio, <, 4.6);
      g_assert_cmpuint (large, <=, 8 * (guint64) (4 * n));
    }
}

static void
limit_child (gpointer user_data)
{
  struct rlimit stack = { 1024 * 1024, 1024 * 1024 };
  struct rlimit memory = { MW_LAYOUT_MEMORY_LIMIT, MW_LAYOUT_MEMORY_LIMIT };

  setrlimit (RLIMIT_STACK, &stack);
  /* (AddressSanitizer reserves terabytes of address space for itself) */
  if (!UNDER_ASAN)
    setrlimit (RLIMIT_AS, &memory);
}

/* Runs meshwork-cli with 1 MiB of stack and 4 GiB of address space; no
 * Graphviz runs in it, so under ASan it may unwind the fast way. */
static void
run_cli_limited (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *asan = g_strdup_printf ("%s:fast_unwind_on_malloc=1",
                                           g_getenv ("ASAN_OPTIONS") != NULL ? g_getenv ("ASAN_OPTIONS") : "");

  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, limit_child, NULL, NULL);
  g_ptr_array_add (argv, (gpointer) g_getenv ("MESHWORK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* meshwork-cli import picks the tree for a people file too large for dot
 * to be quick (12,000 people: dot would be estimated at 9 s, and take
 * longer), and the file it writes is an org chart. */
static void
test_tree_import_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mw-test-layout-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *out_path = g_build_filename (dir, "org.gv", NULL);
  g_autoptr(GString) csv = g_string_new ("Employee ID,Name,Manager ID,Department\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  guint n = UNDER_ASAN ? 5000 : 12000;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "E%05u,Person %u,", i, i);
      if (i > 0)
        g_string_append_printf (csv, "E%05u", g_rand_int_range (rand, i > 30 ? i - 30 : 0, i));
      g_string_append_printf (csv, ",%s\n", tree_units[g_rand_int_range (rand, 0, 3)]);
    }
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);

  run_cli_limited ((const char * const[]) { "import", csv_path, out_path, NULL });
  network = mw_dot_load_file (out_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwActor *manager = tree_manager (actor);

      g_assert_true (actor->has_position);
      if (manager != NULL)
        g_assert_cmpfloat (fabs (actor->y - manager->y - MW_LAYOUT_TREE_RANK_STEP), <, 0.5);
    }

  g_unlink (csv_path);
  g_unlink (out_path);
  g_rmdir (dir);
}

/* A reporting chain 30,000 deep (3,000 under ASan), laid out by
 * meshwork-cli in a child with 1 MiB of stack: the tree walks keep stacks
 * of their own. */
static void
test_tree_deep_chain_small_stack (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwNetwork) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mw-test-layout-XXXXXX", NULL);
  g_autofree char *in_path = g_build_filename (dir, "chain.gv", NULL);
  g_autofree char *out_path = g_build_filename (dir, "chain-out.gv", NULL);
  guint n = 30000 / TREE_SCALE;

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_add_actor (network, NULL, NULL, MW_ACTOR_PERSON, NULL);

      if (i > 0)
        mw_network_add_tie (network, actor, mw_network_get_actor (network, i - 1), MW_TIE_REPORTS, 1, NULL);
    }
  mw_dot_save_file (network, in_path, &error);
  g_assert_no_error (error);

  run_cli_limited ((const char * const[]) { "layout", "--engine", "tree", in_path, out_path, NULL });

  result = mw_dot_load_file (out_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (result), ==, n);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (result, i);
      MwActor *manager = tree_manager (actor);

      if (manager != NULL)
        g_assert_cmpfloat (fabs (actor->y - manager->y - MW_LAYOUT_TREE_RANK_STEP), <, 0.5);
    }

  g_unlink (in_path);
  g_unlink (out_path);
  g_rmdir (dir);
}

/* --- the child ------------------------------------------------------------ */

typedef struct
{
  GMainLoop  *loop;
  GHashTable *positions;
  GError     *error;
} Wait;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->positions = mw_layout_run_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
run_and_wait (MwNetwork    *network,
              double        time_limit,
              GCancellable *cancellable,
              Wait         *wait)
{
  wait->loop = g_main_loop_new (NULL, FALSE);
  mw_layout_run_async (network, MW_LAYOUT_AUTO, time_limit, cancellable, run_done_cb, wait);
  g_main_loop_run (wait->loop);
  g_main_loop_unref (wait->loop);
}

static void
test_async_positions (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  guint64 generation = mw_network_get_generation (network);
  Wait wait = { 0 };

  run_and_wait (network, 30, NULL, &wait);
  g_assert_no_error (wait.error);
  assert_laid_out (network, wait.positions);
  /* the network itself is left alone; the app applies the result */
  g_assert_cmpuint (mw_network_get_generation (network), ==, generation);
  g_hash_table_unref (wait.positions);
}

/* The layout child becomes the test CLI, obeying MESHWORK_LAYOUT_TEST=@hook. */
static char *
use_layout_hook (const char *hook)
{
  char *saved = g_strdup (g_getenv ("MESHWORK_CLI"));

  g_assert_nonnull (g_getenv ("MESHWORK_CLI_TEST"));
  g_setenv ("MESHWORK_CLI", g_getenv ("MESHWORK_CLI_TEST"), TRUE);
  g_setenv ("MESHWORK_LAYOUT_TEST", hook, TRUE);
  return saved;
}

/* Back to meshwork-cli, saved by use_layout_hook(). */
static void
drop_layout_hook (char *saved)
{
  g_unsetenv ("MESHWORK_LAYOUT_TEST");
  g_setenv ("MESHWORK_CLI", saved, TRUE);
  g_free (saved);
}

static void
test_async_time_limit (void)
{
  g_autoptr(MwNetwork) network = make_org ();
  gint64 start = g_get_monotonic_time ();
  Wait wait = { 0 };
  char *saved;

  saved = use_layout_hook ("sleep");
  run_and_wait (network, 0.5, NULL, &wait);
  drop_layout_hook (saved);

  g_assert_error (wait.error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_null (wait.positions);
  /* killed, not waited for: the child would sleep a whole minute */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_clear_error (&wait.error);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_async_cancel (void)
{
  g_autoptr(MwNetwork) network = make_org ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start = g_get_monotonic_time ();
  Wait wait = { 0 };
  char *saved;

  saved = use_layout_hook ("sleep");
  g_timeout_add (300, cancel_cb, cancellable);
  run_and_wait (network, 60, cancellable, &wait);
  drop_layout_hook (saved);

  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* the child was killed, not waited for: it sleeps a minute */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_clear_error (&wait.error);
}

static void
test_async_crash (void)
{
  g_autoptr(MwNetwork) network = make_org ();
  Wait wait = { 0 };
  char *saved;

  saved = use_layout_hook ("crash");
  run_and_wait (network, 30, NULL, &wait);
  drop_layout_hook (saved);

  g_assert_error (wait.error, MW_ERROR, MW_ERROR_FAILED);
  g_assert_nonnull (strstr (wait.error->message, "stopped unexpectedly"));
  g_clear_error (&wait.error);
}

/* The child dies before reading its input: more than a pipe holds. */
static void
test_async_crash_big_input (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  Wait wait = { 0 };
  char *saved;

  for (guint i = 0; i < 4000; i++)
    mw_network_add_actor (network, NULL, "A label long enough to fill the pipe quickly", MW_ACTOR_PERSON, NULL);

  saved = use_layout_hook ("crash");
  run_and_wait (network, 30, NULL, &wait);
  drop_layout_hook (saved);

  g_assert_error (wait.error, MW_ERROR, MW_ERROR_FAILED);
  g_assert_nonnull (strstr (wait.error->message, "stopped unexpectedly"));
  g_clear_error (&wait.error);
}

static void
test_async_missing_cli (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("MESHWORK_CLI"));
  g_autoptr(MwNetwork) network = make_org ();
  Wait wait = { 0 };

  g_setenv ("MESHWORK_CLI", "/nonexistent/meshwork-cli", TRUE);
  run_and_wait (network, 30, NULL, &wait);
  g_setenv ("MESHWORK_CLI", saved, TRUE);

  g_assert_nonnull (wait.error);
  g_assert_nonnull (strstr (wait.error->message, "Could not start the layout"));
  g_clear_error (&wait.error);
}

static void
count_batches_cb (MwNetwork *network,
                  MwChange  *change,
                  guint     *n_batches)
{
  if (change->kind == MW_CHANGE_BATCH)
    (*n_batches)++;
}

/* Applying a layout is one change, so the app can undo it in one step. */
static void
test_apply_is_one_batch (void)
{
  g_autoptr(MwNetwork) network = make_org ();
  g_autoptr(GHashTable) positions = mw_layout_compute (network, MW_LAYOUT_NEATO, NULL);
  guint n_batches = 0;

  g_signal_connect (network, "changed", G_CALLBACK (count_batches_cb), &n_batches);
  mw_layout_apply (network, positions);
  g_assert_cmpuint (n_batches, ==, 1);
  g_assert_cmpfloat (mw_network_lookup_actor (network, "m1")->x, ==, point_of (positions, "m1")->x);
}


/* meshwork-cli layout: every actor gets a position, nothing else changes. */
static void
test_cli_layout (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autoptr(MwNetwork) before = mw_dot_load_file (path, NULL, NULL);
  g_autoptr(MwNetwork) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *estimate = NULL;
  int status;

  out = mw_test_cli_output (&status, "layout", "--engine", "neato", path, "-", NULL);
  g_assert_cmpint (status, ==, 0);
  after = mw_dot_load_data (out, strlen (out), "stdout", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mw_network_get_n_actors (before); i++)
    {
      MwActor *actor = mw_network_get_actor (before, i);

      g_assert_true (mw_network_lookup_actor (after, actor->id)->has_position);
      /* put the old position back: then the networks must be equal */
      if (actor->has_position)
        mw_network_set_actor_position (after, mw_network_lookup_actor (after, actor->id), actor->x, actor->y);
      else
        mw_network_clear_actor_position (after, mw_network_lookup_actor (after, actor->id));
    }
  g_assert_true (mw_network_equal (before, after, NULL));

  estimate = mw_test_cli_output (&status, "layout", "--estimate", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (estimate, "dot ") || g_str_has_prefix (estimate, "neato "));

  g_free (mw_test_cli_output (&status, "layout", "--engine", "osage", path, "-", NULL));
  g_assert_cmpint (status, ==, 2);
  g_free (mw_test_cli_output (&status, "layout", "/nonexistent.gv", "-", NULL));
  g_assert_cmpint (status, ==, 2);
}

static void
test_engine_names (void)
{
  MwLayoutEngine engine;

  for (MwLayoutEngine e = MW_LAYOUT_AUTO; e < MW_N_LAYOUT_ENGINES; e++)
    {
      g_assert_true (mw_layout_engine_from_string (mw_layout_engine_to_string (e), &engine));
      g_assert_cmpint (engine, ==, e);
    }
  g_assert_false (mw_layout_engine_from_string ("osage", &engine));
  g_assert_false (mw_layout_engine_from_string ("", &engine));
}

/* Issue 17: sfdp without overlap removal (beyond 5,000 actors) drew 10,000
 * actors inside some 200 points, a speck in a corner of the canvas. The
 * drawing is spread, keeping its shape, until each actor has a cell. */
static void
test_spread_to_fit (void)
{
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  MwLayoutPoint *a, *b, *c;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < 10000; i++)
    {
      MwLayoutPoint *point = g_new (MwLayoutPoint, 1);

      point->x = 40 + (i % 100) * 1.5;   /* 150 × 100 points, as sfdp gave */
      point->y = 20 + (i / 100) * 1.0;
      g_hash_table_insert (positions, g_strdup_printf ("p%u", i), point);
    }
  _mw_layout_spread_to_fit (positions);

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MwLayoutPoint *point = value;

      x0 = MIN (x0, point->x), y0 = MIN (y0, point->y);
      x1 = MAX (x1, point->x), y1 = MAX (y1, point->y);
    }
  /* room for every actor, and no more than a cell's worth each */
  g_assert_cmpfloat ((x1 - x0) * (y1 - y0), >=, 10000 * 100.0 * 80.0);
  g_assert_cmpfloat ((x1 - x0) * (y1 - y0), <=, 10000 * 200.0 * 150.0);
  /* the same shape: width over height kept */
  g_assert_cmpfloat (fabs ((x1 - x0) / (y1 - y0) - 148.5 / 99.0), <, 0.01);
  /* and neighbours stay in their order */
  a = g_hash_table_lookup (positions, "p0");
  b = g_hash_table_lookup (positions, "p1");
  c = g_hash_table_lookup (positions, "p100");
  g_assert_cmpfloat (a->x, <, b->x);
  g_assert_cmpfloat (a->y, <, c->y);

  /* a drawing that already has room is left as it is */
  {
    g_autoptr(GHashTable) roomy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    MwLayoutPoint *p = g_new (MwLayoutPoint, 1), *q = g_new (MwLayoutPoint, 1);

    *p = (MwLayoutPoint) { 0, 0 };
    *q = (MwLayoutPoint) { 1000, 1000 };
    g_hash_table_insert (roomy, g_strdup ("p"), p);
    g_hash_table_insert (roomy, g_strdup ("q"), q);
    _mw_layout_spread_to_fit (roomy);
    g_assert_cmpfloat (q->x, ==, 1000);
  }
}

/* The map's bands count every tie between two groups once, by type, in the
 * order their first tie comes: with few groups (a square table) and with
 * more than that table holds (hashed pairs), checked against a plain count. */
static void
test_overview_links (void)
{
  static const guint sizes[] = { 12, 1300 };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (31 + k);
      guint n_units = sizes[k], n = 2 * n_units, n_groups, n_ties = 0;
      g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      MwOverview *map;

      mw_network_begin_batch (network, "units");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("a%u", i);
          g_autofree char *unit = g_strdup_printf ("Unit %u", i % n_units);
          MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

          mw_network_set_actor_unit (network, actor, unit);
        }
      for (guint t = 0; t < 6 * n; t++)
        {
          guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

          if (a != b && mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                                            g_rand_int_range (rand, 1, MW_N_TIE_TYPES), 1, NULL) != NULL)
            n_ties++;
        }
      mw_network_end_batch (network);

      map = mw_overview_new (network);
      n_groups = mw_overview_get_n_groups (map);
      g_assert_cmpuint (n_groups, >, 1);
      for (guint i = 0; i < mw_network_get_n_ties (network); i++)
        {
          MwTie *tie = mw_network_get_tie (network, i);
          guint a = mw_overview_get_actor_group (map, tie->from->index);
          guint b = mw_overview_get_actor_group (map, tie->to->index);
          g_autofree char *key = g_strdup_printf ("%u-%u-%d", MIN (a, b), MAX (a, b), tie->type);
          guint *count = g_hash_table_lookup (expected, key);

          if (a == b)
            continue;
          if (count == NULL)
            g_hash_table_insert (expected, g_strdup (key), count = g_new0 (guint, 1));
          (*count)++;
        }
      for (guint l = 0; l < mw_overview_get_n_links (map); l++)
        {
          const MwOverviewLink *link = mw_overview_get_link (map, l);
          guint total = 0;

          g_assert_cmpuint (link->a, <, link->b);
          for (int type = 0; type < MW_N_TIE_TYPES; type++)
            {
              g_autofree char *key = g_strdup_printf ("%u-%u-%d", link->a, link->b, type);
              guint *count = g_hash_table_lookup (expected, key);

              g_assert_cmpuint (link->count[type], ==, count != NULL ? *count : 0);
              total += link->count[type];
              g_hash_table_remove (expected, key);
            }
          g_assert_cmpuint (link->total, ==, total);
        }
      /* every pair with a tie has its band */
      g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
      g_test_message ("%u groups, %u ties, %u bands", n_groups, n_ties, mw_overview_get_n_links (map));
      mw_overview_free (map);
    }
}

/* The overview @map followed the edits to is the one a new overview makes:
 * the groups, their order, sizes, hubs and names, each actor's group, and
 * the links, in order. */
static void
assert_overview_like_fresh (MwOverview *map,
                            MwNetwork  *network,
                            const char *what)
{
  g_autoptr(MwOverview) fresh = mw_overview_new (network);

  g_test_message ("%s", what);
  mw_overview_count_links (map, network);
  g_assert_cmpuint (mw_overview_get_n_groups (map), ==, mw_overview_get_n_groups (fresh));
  for (guint g = 0; g < mw_overview_get_n_groups (map); g++)
    {
      const MwOverviewGroup *got = mw_overview_get_group (map, g), *want = mw_overview_get_group (fresh, g);

      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpstr (got->org, ==, want->org);
      g_assert_cmpuint (got->n_actors, ==, want->n_actors);
      g_assert_cmpuint (got->hub, ==, want->hub);
    }
  for (guint v = 0; v < mw_network_get_n_actors (network); v++)
    g_assert_cmpuint (mw_overview_get_actor_group (map, v), ==, mw_overview_get_actor_group (fresh, v));
  g_assert_cmpuint (mw_overview_get_n_links (map), ==, mw_overview_get_n_links (fresh));
  for (guint l = 0; l < mw_overview_get_n_links (map); l++)
    g_assert_cmpmem (mw_overview_get_link (map, l), sizeof (MwOverviewLink),
                     mw_overview_get_link (fresh, l), sizeof (MwOverviewLink));
}

/* Issue 17: when the groups are the units an overview follows an actor
 * that moves to another unit, comes or goes, instead of being made again
 * (a quarter of a second at 100,000 actors) — and ends as a new one: when
 * a group's first member leaves or one comes before it (their order), a
 * group empties or a new one begins, its hub leaves, an index moves. */
static void
test_overview_follows_actors (void)
{
  static const char *orgs[] = { "North", "South" };
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(MwOverview) map = NULL;
  guint n = 240;
  MwActor *added;

  mw_network_begin_batch (network, "units");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      /* six units of 38 or so, then a unit of two */
      guint unit = i >= n - 2 ? 6 : i * 6 / (n - 2);
      g_autofree char *name = g_strdup_printf ("Unit %u", unit);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_org (network, actor, orgs[unit % 2]);
      mw_network_set_actor_unit (network, actor, name);
    }
  for (guint t = 0; t < 5 * n; t++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

      if (a != b)
        mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                            g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  map = mw_overview_new (network);
  g_assert_cmpuint (mw_overview_get_n_groups (map), ==, 7);

#define MOVE(v, org, unit)                                                              \
  G_STMT_START {                                                                        \
    mw_network_set_actor_org (network, mw_network_get_actor (network, v), org);        \
    mw_overview_move_actor (map, network, v);                                           \
    mw_network_set_actor_unit (network, mw_network_get_actor (network, v), unit);      \
    mw_overview_move_actor (map, network, v);                                           \
  } G_STMT_END

  MOVE (0, "South", "Unit 3");
  assert_overview_like_fresh (map, network, "the first member of the first group moved into the fourth");
  MOVE (0, "North", "Unit 0");
  assert_overview_like_fresh (map, network, "… and back");
  for (guint g = 0; g < mw_overview_get_n_groups (map); g++)
    {
      guint hub = mw_overview_get_group (map, g)->hub;

      MOVE (hub, "South", "Unit 9");
    }
  assert_overview_like_fresh (map, network, "every group's hub moved into a new unit");
  MOVE (n - 1, "North", "Unit 2");
  MOVE (n - 2, "North", "Unit 4");
  assert_overview_like_fresh (map, network, "a group emptied");

  mw_network_remove_actor (network, mw_network_get_actor (network, 5));
  mw_overview_remove_actor (map, network, 5);
  assert_overview_like_fresh (map, network, "an actor removed (the last took its index)");
  mw_network_remove_actor (network, mw_network_get_actor (network, mw_network_get_n_actors (network) - 1));
  mw_overview_remove_actor (map, network, mw_network_get_n_actors (network));
  assert_overview_like_fresh (map, network, "the last actor removed");

  added = mw_network_add_actor (network, "new", "Newcomer", MW_ACTOR_PERSON, NULL);
  mw_overview_add_actor (map, network);
  MOVE (added->index, "South", "Unit 1");
  mw_network_add_tie (network, added, mw_network_get_actor (network, 3), MW_TIE_COLLABORATES, 1, NULL);
  assert_overview_like_fresh (map, network, "an actor added into a unit, with a tie");

  /* and any mix of them */
  for (guint round = 0; round < 60; round++)
    {
      guint n_now = mw_network_get_n_actors (network), v = g_rand_int_range (rand, 0, n_now);
      guint unit = g_rand_int_range (rand, 0, 8), what = g_rand_int_range (rand, 0, 6);
      g_autofree char *name = g_strdup_printf ("Unit %u", unit);

      if (what == 0)
        {
          mw_network_remove_actor (network, mw_network_get_actor (network, v));
          mw_overview_remove_actor (map, network, v);
        }
      else if (what == 1)
        {
          g_autofree char *id = g_strdup_printf ("r%u", round);

          added = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);
          mw_overview_add_actor (map, network);
          MOVE (added->index, orgs[unit % 2], name);
        }
      else
        MOVE (v, orgs[unit % 2], name);
      assert_overview_like_fresh (map, network, "a random edit");
    }
#undef MOVE
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/engine-names", test_engine_names);
  g_test_add_func ("/layout/every-engine", test_every_engine);
  g_test_add_func ("/layout/dot-org-chart", test_dot_org_chart);
  g_test_add_func ("/layout/pinned-stay-put", test_pinned_stay_put);
  g_test_add_func ("/layout/cyclic-reports", test_cyclic_reports);
  g_test_add_func ("/layout/empty-and-single", test_empty_and_single);
  g_test_add_func ("/layout/hostile-graph-is-clean", test_hostile_graph_is_clean);
  g_test_add_func ("/layout/hostile-files-never-opened", test_hostile_files_never_opened);
  g_test_add_func ("/layout/choose-engine", test_choose_engine);
  g_test_add_func ("/layout/engine-for-import", test_engine_for_import);
  g_test_add_func ("/layout/engine-for-org-chart", test_engine_for_org_chart);
  g_test_add_func ("/layout/tree-tidy", test_tree_tidy);
  g_test_add_func ("/layout/tree-forest-and-lone", test_tree_forest_and_lone);
  g_test_add_func ("/layout/tree-cycles-and-managers", test_tree_cycles_and_managers);
  g_test_add_func ("/layout/tree-rings-at-scale", test_tree_rings_at_scale);
  g_test_add_func ("/layout/tree-linear", test_tree_linear);
  g_test_add_func ("/layout/tree-import-cli", test_tree_import_cli);
  g_test_add_func ("/layout/tree-deep-chain-small-stack", test_tree_deep_chain_small_stack);
  g_test_add_func ("/layout/place-new-actor", test_place_new_actor);
  g_test_add_func ("/layout/place-without-neighbours", test_place_without_neighbours);
  g_test_add_func ("/layout/apply-is-one-batch", test_apply_is_one_batch);
  g_test_add_func ("/layout/cli", test_cli_layout);
  g_test_add_func ("/layout/async-positions", test_async_positions);
  g_test_add_func ("/layout/async-time-limit", test_async_time_limit);
  g_test_add_func ("/layout/async-cancel", test_async_cancel);
  g_test_add_func ("/layout/async-crash", test_async_crash);
  g_test_add_func ("/layout/async-crash-big-input", test_async_crash_big_input);
  g_test_add_func ("/layout/async-missing-cli", test_async_missing_cli);

  g_test_add_func ("/layout/spread-to-fit", test_spread_to_fit);
  g_test_add_func ("/layout/overview-links", test_overview_links);
  g_test_add_func ("/layout/overview-follows-actors", test_overview_follows_actors);

  return g_test_run ();
}
