/* test-appearance.c: colour, size and label by an attribute or a measure, headless
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "mw-appearance.h"
#include "mw-format.h"
#include "mw-history.h"

/* Actors a…e in units and with a numeric "budget", in the order given. */
static MwNetwork *
network_of (const char * const *ids,
            const char * const *units,
            const char * const *budgets,
            guint               n)
{
  MwNetwork *network = mw_network_new ();

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_add_actor (network, ids[i], ids[i], MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_unit (network, actor, units[i]);
      if (budgets != NULL)
        mw_network_set_actor_attr (network, actor, "budget", budgets[i]);
    }
  return network;
}

static int
color_of (MwAppearanceMap *map,
          MwNetwork       *network,
          const char      *id)
{
  return mw_appearance_map_color_class (map, mw_network_lookup_actor (network, id)->index);
}

/* The same values get the same colours whatever the actors' order. */
static void
test_categories_stable (void)
{
  static const char * const ids[] = { "a", "b", "c", "d", "e" };
  static const char * const units[] = { "Sales", "Clinical", "Sales", "Digital", "" };
  static const char * const ids_rev[] = { "e", "d", "c", "b", "a" };
  static const char * const units_rev[] = { "", "Digital", "Sales", "Clinical", "Sales" };
  g_autoptr(MwNetwork) one = network_of (ids, units, NULL, 5);
  g_autoptr(MwNetwork) two = network_of (ids_rev, units_rev, NULL, 5);
  g_autoptr(MwAppearanceMap) map_one = NULL, map_two = NULL;

  mw_network_set_attr (one, MW_APPEARANCE_COLOR_ATTR, "unit");
  mw_network_set_attr (two, MW_APPEARANCE_COLOR_ATTR, "unit");
  map_one = mw_appearance_map_new (one);
  map_two = mw_appearance_map_new (two);

  g_assert_false (mw_appearance_map_color_is_numeric (map_one));
  g_assert_cmpuint (mw_appearance_map_get_n_categories (map_one), ==, 3);
  g_assert_cmpstr (mw_appearance_map_get_category (map_one, 0), ==, "Clinical");
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (color_of (map_one, one, ids[i]), ==, color_of (map_two, two, ids[i]));
  g_assert_cmpint (color_of (map_one, one, "a"), ==, color_of (map_one, one, "c"));
  g_assert_cmpint (color_of (map_one, one, "a"), !=, color_of (map_one, one, "b"));
  g_assert_cmpint (color_of (map_one, one, "e"), ==, -1);   /* no unit: no category */
  g_assert_false (mw_appearance_map_has_other (map_one));
}

/* Past eight values, the rarest share "Other". */
static void
test_categories_other (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwAppearanceMap) map = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *unit = g_strdup_printf ("u%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      /* u0…u7 twice, u8 and u9 once */
      mw_network_set_actor_unit (network, actor, unit);
      if (i < 8)
        mw_network_set_actor_unit (network, mw_network_add_actor (network, unit, unit, MW_ACTOR_PERSON, NULL), unit);
    }
  mw_network_set_attr (network, MW_APPEARANCE_COLOR_ATTR, "unit");
  map = mw_appearance_map_new (network);
  g_assert_cmpuint (mw_appearance_map_get_n_categories (map), ==, MW_APPEARANCE_N_CATEGORIES);
  g_assert_true (mw_appearance_map_has_other (map));
  g_assert_cmpint (color_of (map, network, "p8"), ==, MW_APPEARANCE_OTHER);
  g_assert_cmpint (color_of (map, network, "p9"), ==, MW_APPEARANCE_OTHER);
  g_assert_cmpint (color_of (map, network, "p0"), ==, 0);
}

/* A numeric attribute gets the ramp: never darker for a smaller value. */
static void
test_ramp_monotone (void)
{
  static const char * const ids[] = { "a", "b", "c", "d", "e", "f" };
  static const char * const units[] = { "", "", "", "", "", "" };
  static const char * const budgets[] = { "40", "-3", "7.5", "1e3", "", "12" };
  g_autoptr(MwNetwork) network = network_of (ids, units, budgets, 6);
  g_autoptr(MwAppearanceMap) map = NULL;
  double min, max;
  int last = -1;
  const char * const sorted[] = { "b", "c", "f", "a", "d" };

  mw_network_set_attr (network, MW_APPEARANCE_COLOR_ATTR, "budget");
  map = mw_appearance_map_new (network);
  g_assert_true (mw_appearance_map_color_is_numeric (map));
  g_assert_true (mw_appearance_map_get_range (map, MW_APPEARANCE_COLOR, &min, &max));
  g_assert_cmpfloat (min, ==, -3);
  g_assert_cmpfloat (max, ==, 1000);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      int c = color_of (map, network, sorted[i]);

      g_assert_cmpint (c, >=, last);
      last = c;
    }
  g_assert_cmpint (color_of (map, network, "b"), ==, 0);
  g_assert_cmpint (color_of (map, network, "d"), ==, MW_APPEARANCE_RAMP_STEPS - 1);
  g_assert_cmpint (color_of (map, network, "e"), ==, -1);
}

/* Size: area in proportion to the value, a measure computed on demand. */
static void
test_size_by_measure (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwAppearanceMap) map = NULL;
  MwActor *a, *b, *c, *d;

  mw_network_set_directed (network, FALSE);
  a = mw_network_add_actor (network, "a", "A", MW_ACTOR_PERSON, NULL);
  b = mw_network_add_actor (network, "b", "B", MW_ACTOR_PERSON, NULL);
  c = mw_network_add_actor (network, "c", "C", MW_ACTOR_PERSON, NULL);
  d = mw_network_add_actor (network, "d", "D", MW_ACTOR_PERSON, NULL);
  mw_network_add_tie (network, a, b, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, b, c, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, b, d, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, c, d, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_set_attr (network, MW_APPEARANCE_SIZE_ATTR, "degree_out");
  mw_network_set_attr (network, MW_APPEARANCE_LABEL_ATTR, "betweenness");
  map = mw_appearance_map_new (network);

  /* out-degrees as stored: a 1, b 2, c 1, d 0 */
  g_assert_cmpfloat (mw_appearance_map_size_share (map, b->index), ==, 1);
  g_assert_cmpfloat_with_epsilon (mw_appearance_map_size_share (map, a->index), 0.5, 1e-9);
  g_assert_cmpfloat (mw_appearance_map_size_share (map, d->index), >, 0);   /* clamped, still visible */
  g_assert_cmpfloat (mw_appearance_map_size_share (map, d->index), <, mw_appearance_map_size_share (map, a->index));
  g_assert_cmpstr (mw_appearance_map_label (map, a->index), ==, "0");
  g_assert_nonnull (mw_appearance_map_label (map, b->index));
  g_assert_cmpstr (mw_appearance_map_label (map, b->index), !=, "0");
  g_assert_true (isnan (mw_appearance_map_size_share (map, 99)));
}

/* With no mapping everything stays as today. */
static void
test_default (void)
{
  static const char * const ids[] = { "a" };
  static const char * const units[] = { "x" };
  g_autoptr(MwNetwork) network = network_of (ids, units, NULL, 1);
  g_autoptr(MwAppearanceMap) map = mw_appearance_map_new (network);

  g_assert_null (mw_appearance_map_get_source (map, MW_APPEARANCE_COLOR));
  g_assert_cmpint (color_of (map, network, "a"), ==, -1);
  g_assert_true (isnan (mw_appearance_map_size_share (map, 0)));
  g_assert_null (mw_appearance_map_label (map, 0));
}

/* Setting a source is one undo step; undo removes it. */
static void
test_undo (void)
{
  static const char * const ids[] = { "a" };
  static const char * const units[] = { "x" };
  g_autoptr(MwNetwork) network = network_of (ids, units, NULL, 1);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autofree char *source = NULL;

  g_assert_true (mw_appearance_set_source (history, MW_APPEARANCE_COLOR, "unit"));
  g_assert_false (mw_appearance_set_source (history, MW_APPEARANCE_COLOR, "unit"));
  source = mw_appearance_get_source (network, MW_APPEARANCE_COLOR);
  g_assert_cmpstr (source, ==, "unit");
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 1);
  g_assert_true (mw_history_get_modified (history));
  g_assert_true (mw_history_undo (history));
  g_assert_null (g_hash_table_lookup (mw_network_get_attrs (network), MW_APPEARANCE_COLOR_ATTR));
  g_assert_true (mw_history_redo (history));
  g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (network), MW_APPEARANCE_COLOR_ATTR), ==, "unit");
  g_assert_true (mw_appearance_set_source (history, MW_APPEARANCE_COLOR, NULL));
  g_assert_null (g_hash_table_lookup (mw_network_get_attrs (network), MW_APPEARANCE_COLOR_ATTR));
}

/* The mapping is kept by a save and a load, in DOT and in GraphML. */
static void
test_round_trip (gconstpointer data)
{
  MwFormat format = GPOINTER_TO_INT (data);
  static const char * const ids[] = { "a", "b" };
  static const char * const units[] = { "x", "y" };
  static const char * const budgets[] = { "1", "2" };
  g_autoptr(MwNetwork) network = network_of (ids, units, budgets, 2);
  g_autoptr(MwNetwork) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  mw_network_set_attr (network, MW_APPEARANCE_COLOR_ATTR, "unit");
  mw_network_set_attr (network, MW_APPEARANCE_SIZE_ATTR, "budget");
  mw_network_set_attr (network, MW_APPEARANCE_LABEL_ATTR, "betweenness");
  saved = mw_format_save_data (format, network, &length);
  g_assert_nonnull (strstr (saved, "mw_color_by"));
  back = mw_format_load_data (format, saved, length, "test", NULL, NULL, &error);
  g_assert_no_error (error);
  for (MwAppearanceChannel c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    {
      g_autofree char *before = mw_appearance_get_source (network, c);
      g_autofree char *after = mw_appearance_get_source (back, c);

      g_assert_cmpstr (after, ==, before);
    }
}

/* Choosers list fields, the file's attributes and the measures; size only numbers. */
static void
test_sources (void)
{
  static const char * const ids[] = { "a", "b" };
  static const char * const units[] = { "x", "y" };
  static const char * const budgets[] = { "1", "2" };
  g_autoptr(MwNetwork) network = network_of (ids, units, budgets, 2);
  g_auto(GStrv) all = mw_appearance_list_sources (network, FALSE);
  g_auto(GStrv) numbers = mw_appearance_list_sources (network, TRUE);

  mw_network_set_actor_attr (network, mw_network_lookup_actor (network, "a"), "title", "Boss");
  g_clear_pointer (&all, g_strfreev);
  all = mw_appearance_list_sources (network, FALSE);
  g_assert_true (g_strv_contains ((const char * const *)all, "unit"));
  g_assert_true (g_strv_contains ((const char * const *)all, "title"));
  g_assert_true (g_strv_contains ((const char * const *)all, "betweenness"));
  g_assert_true (g_strv_contains ((const char * const *)numbers, "budget"));
  g_assert_false (g_strv_contains ((const char * const *)numbers, "unit"));
  g_assert_true (g_strv_contains ((const char * const *)numbers, "betweenness"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/appearance/categories-stable", test_categories_stable);
  g_test_add_func ("/appearance/categories-other", test_categories_other);
  g_test_add_func ("/appearance/ramp-monotone", test_ramp_monotone);
  g_test_add_func ("/appearance/size-by-measure", test_size_by_measure);
  g_test_add_func ("/appearance/default", test_default);
  g_test_add_func ("/appearance/undo", test_undo);
  g_test_add_data_func ("/appearance/round-trip/dot", GINT_TO_POINTER (MW_FORMAT_DOT), test_round_trip);
  g_test_add_data_func ("/appearance/round-trip/graphml", GINT_TO_POINTER (MW_FORMAT_GRAPHML), test_round_trip);
  g_test_add_func ("/appearance/sources", test_sources);
  return g_test_run ();
}
