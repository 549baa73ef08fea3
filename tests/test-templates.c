/* test-templates.c: the built-in context diagrams
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "mw-templates.h"
#include "mw-test-cli.h"
#include "mw-dot.h"

static const guint sizes[] = { 8, 24, 120 };

typedef struct
{
  guint ties[MW_N_TIE_TYPES];
  guint initiative;
  guint purpose;
  guint teams;
  guint cross_org;   /* ties between two different, named organisations */
} Census;

static void
take_census (MwNetwork *network,
             Census    *census)
{
  memset (census, 0, sizeof *census);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      census->initiative += actor->initiative;
      census->purpose += actor->purpose;
      census->teams += actor->kind == MW_ACTOR_TEAM;
    }
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      census->ties[tie->type]++;
      if (*tie->from->org && *tie->to->org && strcmp (tie->from->org, tie->to->org) != 0)
        census->cross_org++;
    }
}

static MwNetwork *
build (const char *name,
       guint       size,
       guint32     seed)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_template_build (name, size, seed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

/* Exactly @size actors, all placed, none on top of another, no problems. */
static void
test_well_formed (gconstpointer data)
{
  const MwTemplate *context = data;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(MwNetwork) network = build (context->name, sizes[s], 1);
      g_autoptr(GPtrArray) problems = mw_network_check (network);
      guint n = mw_network_get_n_actors (network);

      g_assert_cmpuint (n, ==, sizes[s]);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (network), "label"), ==, context->title);
      g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (network), MW_TEMPLATE_CAPTION_ATTR), ==,
                       context->caption);
      for (guint i = 0; i < n; i++)
        {
          MwActor *a = mw_network_get_actor (network, i);

          g_assert_true (a->has_position);
          for (guint j = i + 1; j < n; j++)
            {
              MwActor *b = mw_network_get_actor (network, j);
              g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, 60.0);
            }
        }
    }
}

static void
test_deterministic (gconstpointer data)
{
  const MwTemplate *context = data;
  g_autoptr(MwNetwork) first = build (context->name, 40, 11);
  g_autoptr(MwNetwork) again = build (context->name, 40, 11);
  g_autoptr(MwNetwork) other = build (context->name, 40, 12);
  g_autofree char *difference = NULL;

  g_assert_true (mw_network_equal (first, again, &difference));
  g_assert_false (mw_network_equal (first, other, NULL));
}

/* Saved and loaded, nothing is lost: title, caption, positions, flags. */
static void
test_round_trip (gconstpointer data)
{
  const MwTemplate *context = data;
  g_autoptr(MwNetwork) network = build (context->name, 30, 5);
  g_autoptr(MwNetwork) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  gsize length;
  g_autofree char *text = mw_dot_save_data (network, &length);

  loaded = mw_dot_load_data (text, length, context->name, NULL, &error);
  g_assert_no_error (error);
  if (!mw_network_equal (network, loaded, &difference))
    g_error ("%s changed on a round trip: %s", context->name, difference);
  g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (loaded), MW_TEMPLATE_CAPTION_ATTR), ==,
                   context->caption);
}

/* The structures a scorer must tell apart. */
static void
test_pyramid_is_command_and_control (void)
{
  g_autoptr(MwNetwork) network = build ("pyramid", 60, 3);
  Census census;

  take_census (network, &census);
  g_assert_cmpuint (census.ties[MW_TIE_REPORTS], ==, 59);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 59);
  g_assert_cmpuint (census.initiative, ==, 0);
  g_assert_cmpuint (census.purpose, ==, 1);
}

static void
test_hierarchy_has_overlay (void)
{
  g_autoptr(MwNetwork) network = build ("hierarchy", 60, 3);
  Census census;

  take_census (network, &census);
  g_assert_cmpuint (census.ties[MW_TIE_REPORTS], >=, 45);
  g_assert_cmpuint (census.teams, >=, 3);
  g_assert_cmpuint (census.ties[MW_TIE_COLLABORATES], >=, 20);
  g_assert_cmpuint (census.ties[MW_TIE_INFLUENCES], >=, 5);
  g_assert_cmpuint (census.ties[MW_TIE_CHECKS], >=, 2);
  g_assert_cmpuint (census.initiative, >=, 1);
}

static void
test_flat_is_dense_and_multidirectional (void)
{
  g_autoptr(MwNetwork) network = build ("flat", 60, 3);
  Census census;
  guint up = 0, down = 0;

  take_census (network, &census);
  /* few levels: the only formal lines are coordinators to the founder */
  g_assert_cmpuint (census.ties[MW_TIE_REPORTS], <=, 10);
  g_assert_cmpuint (census.ties[MW_TIE_INFLUENCES], >=, 60);
  g_assert_cmpuint (census.ties[MW_TIE_CHECKS], >=, 30);
  g_assert_cmpuint (census.initiative, >=, 8);
  g_assert_cmpuint (census.purpose, >=, 4);
  g_assert_cmpuint (census.teams, >=, 5);

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->type == MW_TIE_INFLUENCES && strcmp (tie->to->notes, "Founder") == 0)
        up++;
      if (tie->type == MW_TIE_INFLUENCES && strcmp (tie->from->notes, "Founder") == 0)
        down++;
    }
  g_assert_cmpuint (up, >=, 3);
  g_assert_cmpuint (down, >=, 3);
}

static void
test_nimble_is_core_periphery (void)
{
  g_autoptr(MwNetwork) network = build ("nimble", 60, 3);
  g_auto(GStrv) orgs = mw_network_list_orgs (network);
  g_autoptr(GArray) degrees = g_array_new (FALSE, TRUE, sizeof (guint));
  guint n = mw_network_get_n_actors (network);
  guint core_endpoints = 0;
  Census census;

  take_census (network, &census);
  g_assert_cmpuint (census.ties[MW_TIE_REPORTS], ==, 0);
  g_assert_cmpuint (g_strv_length (orgs), ==, 0);
  g_assert_cmpuint (census.initiative, >=, 8);
  g_assert_cmpuint (census.purpose, >=, 3);
  g_assert_cmpuint (census.ties[MW_TIE_CHECKS], >=, 10);

  /* the core (a sixth of the actors) is on more than half the ties */
  g_array_set_size (degrees, n);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      g_array_index (degrees, guint, tie->from->index)++;
      g_array_index (degrees, guint, tie->to->index)++;
    }
  for (guint i = 0; i < n; i++)
    if (strcmp (mw_network_get_actor (network, i)->notes, "Core contributor") == 0)
      core_endpoints += g_array_index (degrees, guint, i);
  g_assert_cmpuint (core_endpoints, >, mw_network_get_n_ties (network));
}

static void
test_cross_org_spans_boundaries (void)
{
  g_autoptr(MwNetwork) network = build ("cross-org", 60, 3);
  g_auto(GStrv) orgs = mw_network_list_orgs (network);
  Census census;

  take_census (network, &census);
  g_assert_cmpuint (g_strv_length (orgs), >=, 3);
  g_assert_cmpuint (census.cross_org, >=, 12);
  /* each organisation keeps its own chain of command */
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->type == MW_TIE_REPORTS)
        g_assert_cmpstr (tie->from->org, ==, tie->to->org);
    }
}

static void
test_unknown_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("matrix", 20, 1, &error);

  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "matrix"));
}

static void
test_size_is_clamped (void)
{
  g_autoptr(MwNetwork) tiny = build ("flat", 0, 1);

  g_assert_cmpuint (mw_network_get_n_actors (tiny), ==, MW_TEMPLATE_MIN_SIZE);
}


static void
test_cli_list_and_write (void)
{
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(MwNetwork) expected = build ("nimble", 30, 9);
  g_autoptr(MwNetwork) written = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint n;
  const MwTemplate *all = mw_templates_get_all (&n);

  list = mw_test_cli_output (&status, "template", "--list", NULL);
  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (strstr (list, all[i].name));
      g_assert_nonnull (strstr (list, all[i].title));
    }

  text = mw_test_cli_output (&status, "template", "nimble", "--size", "30", "--seed", "9", "-", NULL);
  g_assert_cmpint (status, ==, 0);
  written = mw_dot_load_data (text, strlen (text), "stdout", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mw_network_equal (expected, written, NULL));

  bad = mw_test_cli_output (&status, "template", "matrix", "-", NULL);
  g_assert_cmpint (status, ==, 2);
  g_free (mw_test_cli_output (&status, "template", "flat", "--size", "2", "-", NULL));
  g_assert_cmpint (status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  guint n;
  const MwTemplate *all;

  g_test_init (&argc, &argv, NULL);

  all = mw_templates_get_all (&n);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *well = g_strdup_printf ("/contexts/%s/well-formed", all[i].name);
      g_autofree char *det = g_strdup_printf ("/contexts/%s/deterministic", all[i].name);
      g_autofree char *trip = g_strdup_printf ("/contexts/%s/round-trip", all[i].name);

      g_test_add_data_func (well, &all[i], test_well_formed);
      g_test_add_data_func (det, &all[i], test_deterministic);
      g_test_add_data_func (trip, &all[i], test_round_trip);
    }
  g_test_add_func ("/contexts/pyramid-is-command-and-control", test_pyramid_is_command_and_control);
  g_test_add_func ("/contexts/hierarchy-has-overlay", test_hierarchy_has_overlay);
  g_test_add_func ("/contexts/flat-is-dense-and-multidirectional", test_flat_is_dense_and_multidirectional);
  g_test_add_func ("/contexts/nimble-is-core-periphery", test_nimble_is_core_periphery);
  g_test_add_func ("/contexts/cross-org-spans-boundaries", test_cross_org_spans_boundaries);
  g_test_add_func ("/contexts/unknown-name", test_unknown_name);
  g_test_add_func ("/contexts/size-is-clamped", test_size_is_clamped);
  g_test_add_func ("/contexts/cli-list-and-write", test_cli_list_and_write);

  return g_test_run ();
}
