/* test-find.c: Find's matching rule, neighbours and filters, headless
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-filter.h"
#include "mw-find.h"
#include "mw-neighbours.h"

typedef struct
{
  MwNetwork *network;
  MwActor   *zoe, *ben, *cleo, *dan, *eve;
  MwTie     *zb, *bc, *cd;
} Fixture;

/* Zoë → Ben (reports), Ben ↔ Cleo (collaborates), Cleo → Dan (influences);
 * Eve alone. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->network = mw_network_new ();
  f->zoe = mw_network_add_actor (f->network, "z", "Zoë Muñoz", MW_ACTOR_PERSON, NULL);
  f->ben = mw_network_add_actor (f->network, "b", "Ben", MW_ACTOR_PERSON, NULL);
  f->cleo = mw_network_add_actor (f->network, "c", "Cleo", MW_ACTOR_PERSON, NULL);
  f->dan = mw_network_add_actor (f->network, "d", "Dan", MW_ACTOR_PERSON, NULL);
  f->eve = mw_network_add_actor (f->network, "e", "Eve", MW_ACTOR_PERSON, NULL);
  mw_network_set_actor_org (f->network, f->zoe, "Red Cross");
  mw_network_set_actor_org (f->network, f->ben, "Red Cross");
  mw_network_set_actor_org (f->network, f->cleo, "Fire Brigade");
  mw_network_set_actor_unit (f->network, f->ben, "Logistics");
  mw_network_set_actor_notes (f->network, f->dan, "Runs the shelter");
  mw_network_set_actor_attr (f->network, f->eve, "sponsorship", "Public");
  f->zb = mw_network_add_tie (f->network, f->zoe, f->ben, MW_TIE_REPORTS, 1.0, "zb");
  f->bc = mw_network_add_tie (f->network, f->ben, f->cleo, MW_TIE_COLLABORATES, 1.0, "bc");
  f->cd = mw_network_add_tie (f->network, f->cleo, f->dan, MW_TIE_INFLUENCES, 1.0, "cd");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->network);
}

static guint
n_found (Fixture *f, const char *query)
{
  g_autoptr(GPtrArray) found = mw_find_actors (f->network, query);

  return found->len;
}

static void
test_find_fold (void)
{
  g_autofree char *a = mw_find_fold ("Zoë MUÑOZ");
  g_autofree char *b = mw_find_fold ("Ǆ Ångström");
  g_autofree char *bad = mw_find_fold ("\xff\xfe");

  g_assert_cmpstr (a, ==, "zoe munoz");
  g_assert_cmpstr (b, ==, "dz angstrom");
  g_assert_cmpstr (bad, ==, "");
}

/* Names, organisation, unit, notes and the file's own values; no case,
 * no accents; in network order. */
static void
test_find_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) red = mw_find_actors (f->network, "  red CROSS ");

  g_assert_cmpuint (red->len, ==, 2);
  g_assert_true (red->pdata[0] == f->zoe);
  g_assert_true (red->pdata[1] == f->ben);
  g_assert_cmpuint (n_found (f, "zoe munoz"), ==, 1);
  g_assert_cmpuint (n_found (f, "ZOË"), ==, 1);
  g_assert_cmpuint (n_found (f, "logist"), ==, 1);
  g_assert_cmpuint (n_found (f, "shelter"), ==, 1);
  g_assert_cmpuint (n_found (f, "public"), ==, 1);
  g_assert_cmpuint (n_found (f, "e"), ==, 5);
  g_assert_cmpuint (n_found (f, "nobody"), ==, 0);
  g_assert_cmpuint (n_found (f, ""), ==, 0);
  g_assert_cmpuint (n_found (f, "   "), ==, 0);
  /* Attribute names are not values. */
  g_assert_cmpuint (n_found (f, "sponsorship"), ==, 0);
}

static void
test_neighbours_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(MwItemSet) one = mw_neighbours (f->ben, 1, MW_TIE_TYPES_ALL);
  g_autoptr(MwItemSet) two = mw_neighbours (f->ben, 2, MW_TIE_TYPES_ALL);
  g_autoptr(MwItemSet) none = mw_neighbours (f->eve, 2, MW_TIE_TYPES_ALL);

  /* Both directions: whom Ben reports to and who collaborates with him. */
  g_assert_cmpuint (mw_item_set_get_n_actors (one), ==, 3);
  g_assert_true (mw_item_set_contains_actor (one, f->zoe));
  g_assert_true (mw_item_set_contains_actor (one, f->cleo));
  g_assert_true (mw_item_set_contains_tie (one, f->zb));
  g_assert_false (mw_item_set_contains_actor (one, f->dan));
  g_assert_false (mw_item_set_contains_tie (one, f->cd));

  g_assert_cmpuint (mw_item_set_get_n_actors (two), ==, 4);
  g_assert_true (mw_item_set_contains_actor (two, f->dan));
  g_assert_true (mw_item_set_contains_tie (two, f->cd));
  g_assert_false (mw_item_set_contains_actor (two, f->eve));

  g_assert_cmpuint (mw_item_set_get_n_actors (none), ==, 1);
  g_assert_cmpuint (mw_item_set_get_n_ties (none), ==, 0);
}

static void
test_neighbours_types (Fixture *f, gconstpointer data)
{
  g_autoptr(MwItemSet) collab = mw_neighbours (f->ben, 2, 1u << MW_TIE_COLLABORATES);

  g_assert_cmpuint (mw_item_set_get_n_actors (collab), ==, 2);
  g_assert_true (mw_item_set_contains_actor (collab, f->cleo));
  g_assert_true (mw_item_set_contains_tie (collab, f->bc));
  g_assert_false (mw_item_set_contains_actor (collab, f->zoe));
}

static void
test_filter_default (Fixture *f, gconstpointer data)
{
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwItemSet) kept = mw_filter_apply (filter, f->network);

  g_assert_false (mw_filter_is_active (filter));
  g_assert_cmpuint (mw_item_set_get_n_actors (kept), ==, 5);
  g_assert_cmpuint (mw_item_set_get_n_ties (kept), ==, 3);
  filter->org = g_strdup ("");
  g_assert_false (mw_filter_is_active (filter));
}

static void
test_filter_ties_isolates (Fixture *f, gconstpointer data)
{
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwItemSet) kept = NULL;

  filter->tie_types &= ~(1u << MW_TIE_INFLUENCES);
  filter->fade_isolates = TRUE;
  g_assert_true (mw_filter_is_active (filter));
  kept = mw_filter_apply (filter, f->network);
  /* Dan's only tie is an influence, faded: he is an isolate now, as Eve. */
  g_assert_cmpuint (mw_item_set_get_n_actors (kept), ==, 3);
  g_assert_false (mw_item_set_contains_actor (kept, f->dan));
  g_assert_false (mw_item_set_contains_actor (kept, f->eve));
  g_assert_cmpuint (mw_item_set_get_n_ties (kept), ==, 2);
  g_assert_false (mw_item_set_contains_tie (kept, f->cd));
}

static void
test_filter_org_unit_value (Fixture *f, gconstpointer data)
{
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwItemSet) org = NULL;
  g_autoptr(MwItemSet) unit = NULL;
  g_autoptr(MwItemSet) value = NULL;

  filter->org = g_strdup ("Red Cross");
  org = mw_filter_apply (filter, f->network);
  g_assert_cmpuint (mw_item_set_get_n_actors (org), ==, 2);
  /* A tie stays only with both its ends. */
  g_assert_cmpuint (mw_item_set_get_n_ties (org), ==, 1);
  g_assert_true (mw_item_set_contains_tie (org, f->zb));

  filter->unit = g_strdup ("Logistics");
  unit = mw_filter_apply (filter, f->network);
  g_assert_cmpuint (mw_item_set_get_n_actors (unit), ==, 1);
  g_assert_true (mw_item_set_contains_actor (unit, f->ben));

  g_clear_pointer (&filter->org, g_free);
  g_clear_pointer (&filter->unit, g_free);
  filter->value = g_strdup ("PUBLIC");
  value = mw_filter_apply (filter, f->network);
  g_assert_cmpuint (mw_item_set_get_n_actors (value), ==, 1);
  g_assert_true (mw_item_set_contains_actor (value, f->eve));
}

/* A label written with HTML entities or DOT's line breaks is found by what
 * it shows, as Graphviz draws it; and by what is written. */
static void
test_find_shown_labels (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GPtrArray) cafe = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  MwActor *a = mw_network_add_actor (network, "a", "Caf&eacute; R&amp;D", MW_ACTOR_PERSON, NULL);
  MwActor *b = mw_network_add_actor (network, "b", "Line\\none", MW_ACTOR_PERSON, NULL);

  mw_network_add_actor (network, "c", "Cafeteria", MW_ACTOR_PERSON, NULL);
  cafe = mw_find_actors (network, "café r&d");
  written = mw_find_actors (network, "eacute");
  lines = mw_find_actors (network, "line one");
  g_assert_cmpuint (cafe->len, ==, 1);
  g_assert_true (cafe->pdata[0] == a);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_true (lines->pdata[0] == b);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/find/fold", test_find_fold);
  g_test_add_func ("/find/shown-labels", test_find_shown_labels);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/find/fields", test_find_fields);
  ADD ("/find/neighbours/steps", test_neighbours_steps);
  ADD ("/find/neighbours/types", test_neighbours_types);
  ADD ("/find/filter/default", test_filter_default);
  ADD ("/find/filter/ties-isolates", test_filter_ties_isolates);
  ADD ("/find/filter/org-unit-value", test_filter_org_unit_value);
#undef ADD

  return g_test_run ();
}
