/* mw-cli-score.c: meshwork-cli score
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-filter.h"
#include "mw-interpret.h"
#include "mw-scores.h"

static void
add_strv (JsonBuilder        *builder,
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
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* An element's score, or null when it is not measurable. */
static void
add_score (JsonBuilder *builder,
           MwScores    *scores,
           MwElement    element)
{
  json_builder_set_member_name (builder, mw_element_to_string (element));
  if (mw_scores_is_measurable (scores, element))
    json_builder_add_double_value (builder, mw_scores_get_score (scores, element));
  else
    json_builder_add_null_value (builder);
}

static void
add_evidence (JsonBuilder *builder,
              MwScores    *scores)
{
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_object (builder);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      const MwEvidence *evidence = mw_scores_get_evidence (scores, e);

      json_builder_set_member_name (builder, mw_element_to_string (e));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "basis");
      json_builder_add_string_value (builder, mw_basis_to_string (evidence->basis));
      json_builder_set_member_name (builder, "measurable");
      json_builder_add_boolean_value (builder, evidence->measurable);
      add_double (builder, "coverage", evidence->coverage);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, evidence->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_measures (JsonBuilder *builder,
              MwScores    *scores)
{
  const MwMeasures *m = mw_scores_get_measures (scores);

  json_builder_set_member_name (builder, "measures");
  json_builder_begin_object (builder);
  add_double (builder, "centralization", m->centralization);
  add_double (builder, "density", m->density);
  add_double (builder, "reciprocity", m->reciprocity);
  add_double (builder, "efficiency", m->efficiency);
  add_double (builder, "efficiency_error", m->efficiency_error);
  add_double (builder, "ei_index", m->ei_index);
  add_int (builder, "articulation_points", m->articulation_points);
  add_int (builder, "hierarchy_depth", m->hierarchy_depth);
  add_double (builder, "span_of_control", m->span_of_control);
  add_int (builder, "max_span_of_control", m->max_span_of_control);
  add_double (builder, "org_boundary_spanning", m->org_boundary_spanning);
  json_builder_end_object (builder);
}

static void
add_factors (JsonBuilder *builder,
             MwScores    *scores)
{
  json_builder_set_member_name (builder, "factors");
  json_builder_begin_object (builder);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      GPtrArray *factors = mw_scores_get_factors (scores, e);

      json_builder_set_member_name (builder, mw_element_to_string (e));
      json_builder_begin_array (builder);
      for (guint i = 0; i < factors->len; i++)
        {
          MwFactor *factor = g_ptr_array_index (factors, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, factor->text);
          add_strv (builder, "actors", (const char * const *) factor->actor_ids);
          add_strv (builder, "ties", (const char * const *) factor->tie_ids);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/* Until `meshwork-cli interpret` (or the app) says what a foreign file means. */
#define GUESSED_NOTE N_("The scores rest on guesses: this file says nothing of what its ties and actors are. " \
                        "Say it with “meshwork-cli interpret”.")

/* With --filter: what the scores are of, in the app's words. */
typedef struct
{
  MwNetwork *view;    /* (nullable) the filtered view scored */
  GStrv      specs;   /* the --filter conditions as given */
} Scope;

static void
add_scope (JsonBuilder *builder,
           const Scope *scope)
{
  g_autofree char *caption = NULL;

  if (scope->view == NULL)
    return;
  caption = mw_filter_dup_view_caption (scope->view);
  json_builder_set_member_name (builder, "scope");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "of");
  json_builder_add_string_value (builder, "filtered-view");
  add_strv (builder, "filter", (const char * const *) scope->specs);
  add_int (builder, "actors", mw_network_get_n_actors (scope->view));
  add_int (builder, "ties", mw_network_get_n_ties (scope->view));
  json_builder_set_member_name (builder, "caption");
  json_builder_add_string_value (builder, caption);
  json_builder_end_object (builder);
}

static void
print_json (const char  *path,
            MwScores    *scores,
            gboolean     explain,
            gboolean     guessed,
            const Scope *scope)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  MwScoreContext context = mw_scores_get_context (scores);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);

  /* a file from another tool: its ties' and actors' meaning was guessed */
  json_builder_set_member_name (builder, "interpreted");
  json_builder_add_boolean_value (builder, !guessed);
  if (guessed)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, _(GUESSED_NOTE));
    }
  add_scope (builder, scope);

  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    add_score (builder, scores, e);
  add_double (builder, "index", mw_scores_get_index (scores));
  json_builder_end_object (builder);
  /* How many measurable elements the index is the mean of. */
  add_int (builder, "index_elements", mw_scores_get_n_measurable (scores));
  add_evidence (builder, scores);

  add_measures (builder, scores);

  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, mw_score_context_to_string (context));
  add_double (builder, "confidence", mw_scores_get_context_confidence (scores));
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, mw_scores_get_context_reason (scores));
  json_builder_end_object (builder);

  if (explain)
    {
      add_factors (builder, scores);
      add_strv (builder, "articulation_point_ids", mw_scores_get_articulation_point_ids (scores));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mw_cli_print_json (root);
}

static void
print_ids (const char         *title,
           const char * const *ids)
{
  guint n = ids != NULL ? g_strv_length ((GStrv) ids) : 0;

  if (n == 0)
    return;
  printf ("      %-7s ", title);
  for (guint i = 0; i < n; i++)
    printf ("%s%s", i == 0 ? "" : ", ", ids[i]);
  printf ("\n");
}

static void
print_text (const char  *path,
            MwScores    *scores,
            gboolean     explain,
            gboolean     guessed,
            const Scope *scope)
{
  const MwMeasures *m = mw_scores_get_measures (scores);

  printf ("%-30s %s\n", _("File:"), path);
  if (scope->view != NULL)
    {
      g_autofree char *caption = mw_filter_dup_view_caption (scope->view);

      printf ("%s\n", caption);
    }
  if (guessed)
    printf ("%-30s %s\n", _("Note:"), _(GUESSED_NOTE));
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      GPtrArray *factors = mw_scores_get_factors (scores, e);
      /* Translators: an element's name as a label, "Spontaneous collaboration:" */
      g_autofree char *title = g_strdup_printf (_("%s:"), mw_element_get_title (e));

      if (mw_scores_is_measurable (scores, e))
        printf ("%-30s %5.1f\n", title, mw_scores_get_score (scores, e));
      else
        printf ("%-30s %s\n", title, mw_scores_get_evidence (scores, e)->reason);
      if (explain && mw_scores_is_measurable (scores, e))
        printf ("    (%s)\n", mw_scores_get_evidence (scores, e)->reason);
      for (guint i = 0; explain && i < factors->len; i++)
        {
          MwFactor *factor = g_ptr_array_index (factors, i);

          printf ("    - %s\n", factor->text);
          print_ids (_("actors:"), (const char * const *) factor->actor_ids);
          print_ids (_("ties:"), (const char * const *) factor->tie_ids);
        }
    }
  printf ("%-30s %5.1f  ", _("Distributed leadership index:"), mw_scores_get_index (scores));
  printf (ngettext ("(from %u of 5 elements)\n", "(from %u of 5 elements)\n",
                    mw_scores_get_n_measurable (scores)),
          mw_scores_get_n_measurable (scores));
  printf ("\n");
  printf ("%-30s %.3f\n", _("Centralization:"), m->centralization);
  printf ("%-30s %.3f\n", _("Density:"), m->density);
  printf ("%-30s %.3f\n", _("Reciprocity:"), m->reciprocity);
  if (m->efficiency_error > 0)
    {
      printf ("%-30s ", _("Efficiency:"));
      printf (_("%.3f (± %.3f, sampled)\n"), m->efficiency, m->efficiency_error);
    }
  else
    printf ("%-30s %.3f\n", _("Efficiency:"), m->efficiency);
  printf ("%-30s %+.3f\n", _("E-I index:"), m->ei_index);
  printf ("%-30s %u\n", _("Articulation points:"), m->articulation_points);
  printf ("%-30s %u\n", _("Hierarchy depth:"), m->hierarchy_depth);
  printf ("%-30s ", _("Span of control:"));
  printf (_("%.2f (largest %u)\n"), m->span_of_control, m->max_span_of_control);
  printf ("\n");
  printf ("%-30s ", _("Context:"));
  printf (_("%s (confidence %.2f)\n"),
          mw_score_context_get_title (mw_scores_get_context (scores)),
          mw_scores_get_context_confidence (scores));
  printf ("%-30s %s\n", "", mw_scores_get_context_reason (scores));
}

int
mw_cli_score (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  gboolean explain = FALSE;
  g_auto(GStrv) specs = NULL;
  GOptionEntry entries[] = {
    { "filter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &specs,
      N_("Score only the filtered view, as the app's Filter menu makes it: ties=TYPE,…, fade-isolates, "
         "org=NAME, unit=NAME or value=TEXT (repeat for several)"), N_("CONDITION") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, N_("List the factors and the actors and ties behind each score"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwScores) scores = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) view = NULL;
  Scope scope = { NULL, NULL };

  if (!mw_cli_parse_options ("score", "FILE",
                             N_("Scores how distributed the network's leadership is: the five elements,\n"
                                "the index, the classic network measures and the closest context.\n"
                                "Exits with 1 when the network has problems (as “info” lists them).\n"
                                "With --filter, the scores are of the filtered view only: what the\n"
                                "conditions keep, as if the file held nothing else."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;

  if (argc != 2)
    return mw_cli_fail (_("score: expected one FILE (try “meshwork-cli score --help”)"));

  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    if (!mw_filter_parse (filter, specs[i], &error))
      return mw_cli_fail ("score: %s", error->message);

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  /* A filter that keeps everything is no filter: the whole network, as in the app. */
  if (mw_filter_is_active (filter))
    {
      view = mw_filter_apply_network (filter, network);
      scope.view = view;
      scope.specs = specs;
    }
  scores = mw_scores_compute (view != NULL ? view : network);
  problems = mw_network_check (network);

  if (json)
    print_json (argv[1], scores, explain, mw_interpret_is_guessed (network), &scope);
  else
    print_text (argv[1], scores, explain, mw_interpret_is_guessed (network), &scope);

  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "meshwork-cli: %s\n", ((MwProblem *) g_ptr_array_index (problems, i))->message);

  return problems->len > 0 ? MW_CLI_PROBLEMS : MW_CLI_OK;
}
