/* test-describe.c: the sentences a screen reader hears about the canvas
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "mw-describe.h"

typedef struct
{
  MwNetwork *network;
  MwActor   *maria, *ines, *ben, *cleo, *dan, *team;
} Fixture;

/* Maria reports to Ines; Ben, Cleo and Dan report to Maria; Maria
 * collaborates with Ben and the team; the team checks Maria. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->network = mw_network_new ();
  f->maria = mw_network_add_actor (f->network, "m", "Maria Okafor", MW_ACTOR_PERSON, NULL);
  f->ines = mw_network_add_actor (f->network, "i", "Ines Brandt", MW_ACTOR_PERSON, NULL);
  f->ben = mw_network_add_actor (f->network, "b", "Ben", MW_ACTOR_PERSON, NULL);
  f->cleo = mw_network_add_actor (f->network, "c", "Cleo", MW_ACTOR_PERSON, NULL);
  f->dan = mw_network_add_actor (f->network, "d", "Dan", MW_ACTOR_PERSON, NULL);
  f->team = mw_network_add_actor (f->network, "t", "Audit", MW_ACTOR_TEAM, NULL);
  mw_network_set_actor_unit (f->network, f->maria, "Sales");
  mw_network_set_actor_org (f->network, f->maria, "Acme");
  mw_network_add_tie (f->network, f->maria, f->ines, MW_TIE_REPORTS, 1.0, NULL);
  mw_network_add_tie (f->network, f->ben, f->maria, MW_TIE_REPORTS, 1.0, NULL);
  mw_network_add_tie (f->network, f->cleo, f->maria, MW_TIE_REPORTS, 1.0, NULL);
  mw_network_add_tie (f->network, f->dan, f->maria, MW_TIE_REPORTS, 1.0, NULL);
  mw_network_add_tie (f->network, f->maria, f->ben, MW_TIE_COLLABORATES, 1.0, NULL);
  mw_network_add_tie (f->network, f->team, f->maria, MW_TIE_COLLABORATES, 1.0, NULL);
  mw_network_add_tie (f->network, f->team, f->maria, MW_TIE_CHECKS, 2.5, "check");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->network);
}

static void
test_describe_network (Fixture *f, gconstpointer data)
{
  g_autofree char *text = mw_describe_network (f->network);
  g_autoptr(MwNetwork) one = mw_network_new ();
  g_autofree char *single = NULL;

  g_assert_cmpstr (text, ==, "Network: 6 actors, 7 ties");
  mw_network_add_actor (one, "a", "Ana", MW_ACTOR_PERSON, NULL);
  single = mw_describe_network (one);
  g_assert_cmpstr (single, ==, "Network: 1 actor, 0 ties");
}

static void
test_describe_actor (Fixture *f, gconstpointer data)
{
  g_autofree char *maria = mw_describe_actor (f->maria);
  g_autofree char *ines = mw_describe_actor (f->ines);
  g_autofree char *team = mw_describe_actor (f->team);
  g_autoptr(MwNetwork) lone = mw_network_new ();
  g_autofree char *nobody = NULL;

  g_assert_cmpstr (maria, ==, "Maria Okafor, person, unit Sales, organisation Acme; "
                              "reports to Ines Brandt; 3 report to them; collaborates with 2; "
                              "checked by 1");
  g_assert_cmpstr (ines, ==, "Ines Brandt, person; 1 reports to them");
  g_assert_cmpstr (team, ==, "Audit, team; collaborates with 1; checks 1");
  nobody = mw_describe_actor (mw_network_add_actor (lone, "x", "Xia", MW_ACTOR_ORGANISATION, NULL));
  g_assert_cmpstr (nobody, ==, "Xia, organisation; no ties");
}

static void
test_describe_tie (Fixture *f, gconstpointer data)
{
  g_autofree char *reports = mw_describe_tie (mw_network_get_tie (f->network, 0));
  g_autofree char *check = mw_describe_tie (mw_network_lookup_tie (f->network, "check"));

  g_assert_cmpstr (reports, ==, "Tie: Maria Okafor reports to Ines Brandt");
  g_assert_cmpstr (check, ==, "Tie: Audit checks Maria Okafor, weight 2.5");
}

static void
test_describe_selection (void)
{
  const struct { guint actors, ties; const char *text; } cases[] = {
    { 0, 0, "Nothing selected" },
    { 1, 0, "1 actor selected" },
    { 4, 0, "4 actors selected" },
    { 0, 2, "2 ties selected" },
    { 3, 1, "3 actors and 1 tie selected" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = mw_describe_selection (cases[i].actors, cases[i].ties);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_describe_score (void)
{
  g_autofree char *up = mw_describe_score ("Index", 42.2, 39);
  g_autofree char *down = mw_describe_score ("Index", 40, 42);
  g_autofree char *first = mw_describe_score ("Index", 42, NAN);
  g_autofree char *same = mw_describe_score ("Index", 42, 42.1);

  g_assert_cmpstr (up, ==, "Index 42 (+3)");
  g_assert_cmpstr (down, ==, "Index 40 (-2)");
  g_assert_cmpstr (first, ==, "Index 42");
  g_assert_cmpstr (same, ==, "Index 42");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/describe/network", Fixture, NULL, fixture_set_up, test_describe_network, fixture_tear_down);
  g_test_add ("/describe/actor", Fixture, NULL, fixture_set_up, test_describe_actor, fixture_tear_down);
  g_test_add ("/describe/tie", Fixture, NULL, fixture_set_up, test_describe_tie, fixture_tear_down);
  g_test_add_func ("/describe/selection", test_describe_selection);
  g_test_add_func ("/describe/score", test_describe_score);
  return g_test_run ();
}
