/* mw-cli-series.c: meshwork-cli series new|add|show
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-series.h"

#define SERIES_USAGE "new S.mwseries IN…  |  add S.mwseries IN [--date D] [--title T]  |  show S.mwseries [--json]"

static const char *date_source_names[] = { "none", "entry", "attribute", "mtime" };
static const char *group_names[] = { "people_added", "people_removed", "ties_gained", "ties_lost" };

/* A series' name must say it is one: the app opens it by its extension. */
static gboolean
check_series_name (const char *path)
{
  if (mw_series_is_series_name (path))
    return TRUE;
  mw_cli_fail (_("“%s” is not a series file name (it must end in %s)"), path, MW_SERIES_EXTENSION);
  return FALSE;
}

/* A snapshot is only added when it loads now. */
static gboolean
check_network (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_cli_load_network (path, &error);

  if (network != NULL)
    return TRUE;
  mw_cli_fail ("%s", error->message);
  return FALSE;
}

static int
series_new (int    argc,
            char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(MwSeries) series = mw_series_new ();
  g_autoptr(GError) error = NULL;

  if (!mw_cli_parse_options ("series new", "S.mwseries IN…",
                             N_("Writes a series file listing the networks IN as its snapshots, in that order."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (argc < 3)
    return mw_cli_fail (_("series new: expected S.mwseries and at least one IN (try “meshwork-cli series new --help”)"));
  if (!check_series_name (argv[1]))
    return MW_CLI_FAILED;

  for (int i = 2; i < argc; i++)
    {
      if (!check_network (argv[i]))
        return MW_CLI_FAILED;
      mw_series_add (series, argv[i], NULL, NULL);
    }
  if (!mw_series_save (series, argv[1], &error))
    return mw_cli_fail ("%s", error->message);
  return MW_CLI_OK;
}

static int
series_add (int    argc,
            char **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The snapshot's date, ISO 8601 (2026-03-31)"), "D" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The snapshot's title"), "T" },
    { NULL }
  };
  g_autoptr(MwSeries) series = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GError) error = NULL;

  if (!mw_cli_parse_options ("series add", "S.mwseries IN",
                             N_("Appends the network IN to the series S as its latest snapshot."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (argc != 3)
    return mw_cli_fail (_("series add: expected S.mwseries and one IN (try “meshwork-cli series add --help”)"));
  if (!check_series_name (argv[1]))
    return MW_CLI_FAILED;
  if (date != NULL && (when = mw_series_parse_date (date)) == NULL)
    return mw_cli_fail (_("series add: “%s” is not a date such as 2026-03-31"), date);

  series = mw_series_load (argv[1], &error);
  if (series == NULL)
    return mw_cli_fail ("%s", error->message);
  if (!check_network (argv[2]))
    return MW_CLI_FAILED;
  mw_series_add (series, argv[2], date, title);
  if (!mw_series_save (series, NULL, &error))
    return mw_cli_fail ("%s", error->message);
  return MW_CLI_OK;
}

static void
add_value (JsonBuilder *builder,
           const char  *member,
           double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The same "scores" object and "index_elements" as `meshwork-cli score --json`. */
static void
add_scores (JsonBuilder *builder,
            MwScores    *scores)
{
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    add_value (builder, mw_element_to_string (e),
               mw_scores_is_measurable (scores, e) ? mw_scores_get_score (scores, e) : NAN);
  add_value (builder, "index", mw_scores_get_index (scores));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "index_elements");
  json_builder_add_int_value (builder, mw_scores_get_n_measurable (scores));
}

static void
add_snapshot (JsonBuilder      *builder,
              const MwSnapshot *snapshot,
              guint             position)
{
  g_autofree char *date = mw_snapshot_dup_date_text (snapshot);
  g_autofree char *title = mw_snapshot_dup_title (snapshot);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, position + 1);
  add_string (builder, "file", snapshot->path);
  add_string (builder, "title", title);
  add_string (builder, "date", *date != '\0' ? date : NULL);
  add_string (builder, "date_source", date_source_names[snapshot->date_source]);
  if (snapshot->scores != NULL)
    add_scores (builder, snapshot->scores);
  else
    add_string (builder, "error", snapshot->error->message);
  json_builder_end_object (builder);
}

static void
add_ids (JsonBuilder *builder,
         const char  *member,
         GStrv        ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

static void
add_group (JsonBuilder         *builder,
           const MwChangeGroup *group)
{
  json_builder_begin_object (builder);
  add_string (builder, "group", group_names[group->kind]);
  if (group->kind >= MW_CHANGE_GROUP_TIES_GAINED)
    add_string (builder, "tie_type", mw_tie_type_to_string (group->tie_type));
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, group->count);
  json_builder_set_member_name (builder, "effect");
  json_builder_begin_object (builder);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    add_value (builder, mw_element_to_string (e), group->effect[e]);
  add_value (builder, "index", group->index_effect);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_changes (JsonBuilder     *builder,
             MwSeriesChanges *changes,
             guint            from)
{
  MwComparison *comparison = changes->comparison;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from + 1);
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, from + 2);
  add_ids (builder, "people_in", comparison->only_actor_ids[MW_COMPARE_OTHER]);
  add_ids (builder, "people_out", comparison->only_actor_ids[MW_COMPARE_THIS]);
  add_ids (builder, "ties_gained", comparison->only_tie_ids[MW_COMPARE_OTHER]);
  add_ids (builder, "ties_lost", comparison->only_tie_ids[MW_COMPARE_THIS]);
  add_ids (builder, "ties_retyped", comparison->retyped_tie_ids[MW_COMPARE_OTHER]);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint g = 0; g < changes->groups->len; g++)
    add_group (builder, &g_array_index (changes->groups, MwChangeGroup, g));
  json_builder_end_array (builder);
  /* per element, the position in "groups" of what moved it most */
  json_builder_set_member_name (builder, "moved_most");
  json_builder_begin_object (builder);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      json_builder_set_member_name (builder, mw_element_to_string (e));
      if (changes->moved_most[e] < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, changes->moved_most[e]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
print_json (const char *path,
            MwSeries   *series)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = mw_series_get_n_snapshots (series);

  json_builder_begin_object (builder);
  add_string (builder, "file", path);
  json_builder_set_member_name (builder, "snapshots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    add_snapshot (builder, mw_series_get_snapshot (series, i), i);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(MwSeriesChanges) changes = mw_series_compute_changes (series, i);

      if (changes != NULL)
        add_changes (builder, changes, i);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mw_cli_print_json (root);
}

static const char *
date_source_text (MwSeriesDateSource source)
{
  switch (source)
    {
    case MW_SERIES_DATE_ATTRIBUTE:
      return _("(date from the file’s “date” attribute)");
    case MW_SERIES_DATE_MTIME:
      return _("(date: when the file was last changed)");
    case MW_SERIES_DATE_ENTRY:
    case MW_SERIES_DATE_NONE:
    default:
      return "";
    }
}

static void
print_snapshot_text (const MwSnapshot *snapshot,
                     guint             position)
{
  g_autofree char *date = mw_snapshot_dup_date_text (snapshot);
  g_autofree char *title = mw_snapshot_dup_title (snapshot);

  printf ("%u. %s  %s %s\n", position + 1, *date != '\0' ? date : "—", title,
          date_source_text (snapshot->date_source));
  if (snapshot->scores == NULL)
    {
      printf ("   %s %s\n", _("Marked:"), snapshot->error->message);
      return;
    }
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      /* Translators: an element's name as a label, "Spontaneous collaboration:" */
      g_autofree char *label = g_strdup_printf (_("%s:"), mw_element_get_title (e));

      if (mw_scores_is_measurable (snapshot->scores, e))
        printf ("   %-30s %5.1f\n", label, mw_scores_get_score (snapshot->scores, e));
      else
        printf ("   %-30s %s\n", label, _("not measurable"));
    }
  printf ("   %-30s %5.1f\n", _("Distributed leadership index:"), mw_scores_get_index (snapshot->scores));
}

static void
print_changes_text (MwSeriesChanges *changes,
                    guint            from)
{
  MwComparison *comparison = changes->comparison;

  printf (_("Changes %u → %u: %u people in, %u out, %u ties gained, %u lost, %u retyped\n"),
          from + 1, from + 2,
          g_strv_length (comparison->only_actor_ids[MW_COMPARE_OTHER]),
          g_strv_length (comparison->only_actor_ids[MW_COMPARE_THIS]),
          g_strv_length (comparison->only_tie_ids[MW_COMPARE_OTHER]),
          g_strv_length (comparison->only_tie_ids[MW_COMPARE_THIS]),
          g_strv_length (comparison->retyped_tie_ids[MW_COMPARE_OTHER]));
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      const MwChangeGroup *group;
      g_autofree char *title = NULL;

      if (changes->moved_most[e] < 0)
        continue;
      group = &g_array_index (changes->groups, MwChangeGroup, changes->moved_most[e]);
      title = mw_change_group_dup_title (group);
      /* Translators: "Moved Peer risk mitigation most: Ties gained: Checks (+4.2)" */
      printf (_("   Moved %s most: %s (%+.1f)\n"), mw_element_get_title (e), title, group->effect[e]);
    }
}

static int
series_show (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr(MwSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  guint n, n_marked = 0;

  if (!mw_cli_parse_options ("series show", "S.mwseries",
                             N_("Scores each snapshot of the series and says what changed between neighbours\n"
                                "and which changes moved each element most. Exits with 2 when a snapshot\n"
                                "is missing or unreadable (it is shown as marked)."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (argc != 2)
    return mw_cli_fail (_("series show: expected one S.mwseries (try “meshwork-cli series show --help”)"));

  series = mw_series_load (argv[1], &error);
  if (series == NULL)
    return mw_cli_fail ("%s", error->message);
  mw_series_load_snapshots (series, NULL);
  n = mw_series_get_n_snapshots (series);

  if (json)
    print_json (argv[1], series);
  for (guint i = 0; i < n; i++)
    {
      const MwSnapshot *snapshot = mw_series_get_snapshot (series, i);
      g_autoptr(MwSeriesChanges) changes = NULL;

      n_marked += snapshot->error != NULL;
      if (json)
        continue;
      print_snapshot_text (snapshot, i);
      if (i + 1 < n && (changes = mw_series_compute_changes (series, i)) != NULL)
        print_changes_text (changes, i);
    }

  for (guint i = 0; i < n; i++)
    if (mw_series_get_snapshot (series, i)->error != NULL)
      mw_cli_fail ("%s", mw_series_get_snapshot (series, i)->error->message);
  return n_marked > 0 ? MW_CLI_FAILED : MW_CLI_OK;
}

int
mw_cli_series (int    argc,
               char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "new") == 0)
    return series_new (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return series_add (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "show") == 0)
    return series_show (argc - 1, argv + 1);
  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      printf ("%s\n  meshwork-cli series %s\n", _("Usage:"), SERIES_USAGE);
      return MW_CLI_OK;
    }
  return mw_cli_fail (_("series: expected new, add or show (try “meshwork-cli series --help”)"));
}
