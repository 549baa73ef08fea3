/* mw-cli-info.c: meshwork-cli info
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include <glib/gi18n.h>

#include "mw-cli.h"

typedef struct
{
  guint actors[MW_N_ACTOR_KINDS];
  guint ties[MW_N_TIE_TYPES];
} Counts;

static void
count (MwNetwork *network,
       Counts    *counts)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    counts->actors[mw_network_get_actor (network, i)->kind]++;
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    counts->ties[mw_network_get_tie (network, i)->type]++;
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
print_json (const char *path,
            MwNetwork  *network,
            Counts     *counts,
            GStrv       orgs,
            GStrv       units,
            GPtrArray  *problems)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);

  json_builder_set_member_name (builder, "actors");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, mw_network_get_n_actors (network));
  for (guint k = 0; k < MW_N_ACTOR_KINDS; k++)
    {
      json_builder_set_member_name (builder, mw_actor_kind_to_string (k));
      json_builder_add_int_value (builder, counts->actors[k]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "ties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, mw_network_get_n_ties (network));
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      json_builder_set_member_name (builder, mw_tie_type_to_string (t));
      json_builder_add_int_value (builder, counts->ties[t]);
    }
  json_builder_end_object (builder);

  add_string_array (builder, "organisations", (const char * const *)orgs);
  add_string_array (builder, "units", (const char * const *)units);
  add_string_array (builder, "lost_on_save", mw_network_get_lossy_features (network));

  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      MwProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, mw_problem_kind_to_string (problem->kind));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      add_string_array (builder, "actors", (const char * const *)problem->actor_ids);
      add_string_array (builder, "ties", (const char * const *)problem->tie_ids);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mw_cli_print_json (root);
}

static void
print_list (const char *title,
            GStrv       names)
{
  guint n = g_strv_length (names);

  printf ("%-15s %u", title, n);
  for (guint i = 0; i < n; i++)
    printf ("%s%s", i == 0 ? " (" : ", ", names[i]);
  printf ("%s\n", n > 0 ? ")" : "");
}

/* What the file has that Meshwork does not keep: told, not hidden. */
static void
print_losses (const char * const *lossy)
{
  g_autofree char *joined = NULL;

  if (lossy[0] == NULL)
    return;
  /* Translators: the separator between the things a save cannot keep */
  joined = g_strjoinv (_(", "), (char **)lossy);
  printf ("%-15s %s\n", _("Lost on save:"), joined);
}

static void
print_text (const char *path,
            MwNetwork  *network,
            Counts     *counts,
            GStrv       orgs,
            GStrv       units,
            GPtrArray  *problems)
{
  guint people = counts->actors[MW_ACTOR_PERSON];
  guint teams = counts->actors[MW_ACTOR_TEAM];
  guint organisations = counts->actors[MW_ACTOR_ORGANISATION];
  g_autofree char *people_text = g_strdup_printf (ngettext ("%u person", "%u people", people), people);
  g_autofree char *teams_text = g_strdup_printf (ngettext ("%u team", "%u teams", teams), teams);
  g_autofree char *organisations_text =
    g_strdup_printf (ngettext ("%u organisation", "%u organisations", organisations), organisations);

  printf ("%-15s %s\n", _("File:"), path);
  printf ("%-15s ", _("Actors:"));
  /* Translators: the actors' count, then "2 people", "1 team" and "0 organisations" */
  printf (_("%u (%s, %s, %s)\n"), mw_network_get_n_actors (network),
          people_text, teams_text, organisations_text);
  printf ("%-15s ", _("Ties:"));
  printf (_("%u (%u reports, %u collaborates, %u influences, %u checks)\n"),
          mw_network_get_n_ties (network),
          counts->ties[MW_TIE_REPORTS], counts->ties[MW_TIE_COLLABORATES],
          counts->ties[MW_TIE_INFLUENCES], counts->ties[MW_TIE_CHECKS]);
  print_list (_("Organisations:"), orgs);
  print_list (_("Units:"), units);
  print_losses (mw_network_get_lossy_features (network));

  if (problems->len == 0)
    {
      printf ("%-15s %s\n", _("Problems:"), _("none"));
      return;
    }

  printf ("%-15s %u\n", _("Problems:"), problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      MwProblem *problem = g_ptr_array_index (problems, i);
      printf ("  - %s\n", problem->message);
    }
}

int
mw_cli_info (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) orgs = NULL;
  g_auto(GStrv) units = NULL;
  Counts counts = { 0 };

  if (!mw_cli_parse_options ("info", "FILE",
                             N_("Counts the actors by kind and the ties by type, lists the organisations\n"
                                "and units, and the problems found (reporting cycles, self ties, duplicates)."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;

  if (argc != 2)
    return mw_cli_fail (_("info: expected one FILE (try “meshwork-cli info --help”)"));

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  count (network, &counts);
  orgs = mw_network_list_orgs (network);
  units = mw_network_list_units (network);
  problems = mw_network_check (network);

  if (json)
    print_json (argv[1], network, &counts, orgs, units, problems);
  else
    print_text (argv[1], network, &counts, orgs, units, problems);

  mw_cli_drop_at_exit (g_steal_pointer (&network));
  return problems->len > 0 ? MW_CLI_PROBLEMS : MW_CLI_OK;
}
