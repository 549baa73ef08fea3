/* bench-csv.c: how long importing a large org chart takes
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a 100,000-row people CSV (Excel style: BOM, CRLF, quoted cells)
 * and a 200,000-row ties CSV in memory, imports them and prints the times.
 * The target is ≤ 2 s for the people file; nothing fails on time.
 */

#include <string.h>

#include "mw-csv.h"
#include "mw-import-report.h"
#include "mw-graphml.h"

#define N_PEOPLE 100000
#define N_TIES   200000

static const char * const units[] = { "Engineering", "Sales", "Operations", "Finance", "People", "Legal" };
static const char * const titles[] = { "Engineer", "Account Manager", "Analyst", "Team Lead", "Director" };
static const char * const cities[] = { "Lyon, France", "Berlin", "São Paulo", "Nairobi", "Osaka" };

/* Every person but the first reports to someone listed before them. */
static GString *
make_people (GRand *rand)
{
  GString *csv = g_string_new ("\xef\xbb\xbf");

  g_string_append (csv, "Employee ID,Full Name,Manager ID,Job Title,Department,Company,Location,Email,Cost Center\r\n");
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      guint manager = i > 0 ? g_rand_int_range (rand, MAX (0, (int)i - 50), i) : 0;

      g_string_append_printf (csv, "E%06u,\"Person %u \"\"P%u\"\" Example\",", i, i, i % 97);
      if (i > 0)
        g_string_append_printf (csv, "E%06u", manager);
      g_string_append_printf (csv, ",%s,%s,Acme,\"%s\",person%u@acme.example,CC-%u\r\n",
                              titles[i % G_N_ELEMENTS (titles)], units[(i / 1000) % G_N_ELEMENTS (units)],
                              cities[i % G_N_ELEMENTS (cities)], i, i % 40);
    }

  return csv;
}

static GString *
make_ties (GRand *rand)
{
  static const char * const types[] = { "collaborates", "advice", "peer review", "works with" };
  GString *csv = g_string_new ("source;target;type;weight\n");

  for (guint i = 0; i < N_TIES; i++)
    {
      guint from = g_rand_int_range (rand, 0, N_PEOPLE);
      guint to = (from + 1 + g_rand_int_range (rand, 0, 200)) % N_PEOPLE;

      g_string_append_printf (csv, "E%06u;E%06u;%s;%u,%u\n", from, to,
                              types[i % G_N_ELEMENTS (types)], 1 + i % 5, i % 10);
    }

  return csv;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) people_csv = make_people (rand);
  g_autoptr(GString) ties_csv = make_ties (rand);
  g_autoptr(MwCsvTable) people = NULL;
  g_autoptr(MwCsvTable) ties = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwNetwork) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *graphml = NULL;
  double parse_people, parse_ties, import, total, save, load;
  gsize graphml_length;
  gint64 start;

  start = g_get_monotonic_time ();
  people = mw_csv_table_parse (people_csv->str, people_csv->len, "people.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  parse_people = seconds_since (start);

  start = g_get_monotonic_time ();
  network = mw_csv_import (people, NULL, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  import = seconds_since (start);
  total = parse_people + import;
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, N_PEOPLE);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_clear_object (&network);
  g_clear_pointer (&report, mw_import_report_free);

  start = g_get_monotonic_time ();
  ties = mw_csv_table_parse (ties_csv->str, ties_csv->len, "ties.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  parse_ties = seconds_since (start);

  start = g_get_monotonic_time ();
  network = mw_csv_import (people, NULL, ties, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  import = seconds_since (start);

  start = g_get_monotonic_time ();
  graphml = mw_graphml_save_data (network, &graphml_length);
  save = seconds_since (start);
  start = g_get_monotonic_time ();
  again = mw_graphml_load_data (graphml, graphml_length, "bench.graphml", NULL, &error);
  g_assert_no_error (error);
  load = seconds_since (start);

  g_print ("people CSV: %u rows, %.1f MB: parse %.3f s, import %.3f s, total %.3f s (target <= 2 s: %s)\n",
           N_PEOPLE, people_csv->len / 1e6, parse_people, total - parse_people, total,
           total <= 2.0 ? "met" : "MISSED");
  g_print ("with ties CSV: %u rows, %.1f MB: parse %.3f s; people + ties import %.3f s (%u ties)\n",
           N_TIES, ties_csv->len / 1e6, parse_ties, import, mw_network_get_n_ties (network));
  g_print ("GraphML of that network: %.1f MB, save %.3f s, load %.3f s\n",
           graphml_length / 1e6, save, load);

  return 0;
}
