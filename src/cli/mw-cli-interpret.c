/* mw-cli-interpret.c: meshwork-cli interpret, the meaning of a foreign network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-interpret.h"

typedef struct
{
  char *ties;
  char *ties_from;
  char *kind;
  char *kind_from;
  char *org;
  char *unit;
  char *weight;
  gboolean keep_reciprocal;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->ties);
  g_free (options->ties_from);
  g_free (options->kind);
  g_free (options->kind_from);
  g_free (options->org);
  g_free (options->unit);
  g_free (options->weight);
}

/* "none" clears the field; any other word names the attribute. */
static void
set_attr_source (const char         *option,
                 MwInterpretSource  *source,
                 char              **attr)
{
  if (option == NULL)
    return;
  if (strcmp (option, "none") == 0)
    {
      *source = MW_INTERPRET_NONE;
      return;
    }
  *source = MW_INTERPRET_ATTRIBUTE;
  *attr = g_strdup (option);
}

static gboolean
build_plan (const Options    *options,
            MwInterpretPlan  *plan,
            GError          **error)
{
  if (options->ties != NULL && options->ties_from != NULL)
    return g_set_error_literal (error, MW_ERROR, MW_ERROR_INVALID,
                                _("interpret: give --ties or --ties-from, not both")), FALSE;
  if (options->kind != NULL && options->kind_from != NULL)
    return g_set_error_literal (error, MW_ERROR, MW_ERROR_INVALID,
                                _("interpret: give --kind or --kind-from, not both")), FALSE;

  if (options->ties != NULL)
    {
      if (!mw_tie_type_from_synonym (options->ties, &plan->tie_type))
        return g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                            _("interpret: “%s” is no tie type (reports, collaborates, influences or checks)"),
                            options->ties), FALSE;
      plan->ties = MW_INTERPRET_ALL;
    }
  else if (options->ties_from != NULL && !mw_interpret_plan_set_ties_from (plan, options->ties_from, error))
    return FALSE;

  if (options->kind != NULL)
    {
      if (!mw_actor_kind_from_string (options->kind, &plan->kind))
        return g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                            _("interpret: “%s” is no actor kind (person, team or organisation)"),
                            options->kind), FALSE;
      plan->kinds = MW_INTERPRET_ALL;
    }
  else if (options->kind_from != NULL && !mw_interpret_plan_set_kinds_from (plan, options->kind_from, error))
    return FALSE;

  set_attr_source (options->org, &plan->org, &plan->org_attr);
  set_attr_source (options->unit, &plan->unit, &plan->unit_attr);
  set_attr_source (options->weight, &plan->weight, &plan->weight_attr);
  plan->keep_reciprocal = options->keep_reciprocal;
  return TRUE;
}

static void
print_preview (const MwInterpretPreview *preview)
{
  printf ("%-16s", _("Ties:"));
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    printf (" %s %u%s", mw_tie_type_to_string (t), preview->n_ties[t], t + 1 < MW_N_TIE_TYPES ? "," : "\n");
  printf ("%-16s", _("Actors:"));
  for (guint k = 0; k < MW_N_ACTOR_KINDS; k++)
    printf (" %s %u%s", mw_actor_kind_to_string (k), preview->n_kinds[k], k + 1 < MW_N_ACTOR_KINDS ? "," : "\n");
  printf ("%-16s %u\n", _("Organisations:"), preview->n_orgs);
  printf ("%-16s %u\n", _("Units:"), preview->n_units);
  printf ("%-16s %u\n", _("Weighted ties:"), preview->n_weighted);
  printf ("%-16s %u\n", _("Merged ties:"), preview->n_merged);
}

int
mw_cli_interpret (int    argc,
                  char **argv)
{
  Options options = { 0 };
  GOptionEntry entries[] = {
    { "ties", 0, 0, G_OPTION_ARG_STRING, &options.ties,
      N_("Every tie is of TYPE: reports, collaborates, influences or checks"), "TYPE" },
    { "ties-from", 0, 0, G_OPTION_ARG_STRING, &options.ties_from,
      N_("Tie types from the values of a tie attribute; “*=TYPE” maps the rest"), "ATTR[:VALUE=TYPE,…]" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.kind,
      N_("Every actor is of KIND: person, team or organisation"), "KIND" },
    { "kind-from", 0, 0, G_OPTION_ARG_STRING, &options.kind_from,
      N_("Actor kinds from the values of an actor attribute"), "ATTR[:VALUE=KIND,…]" },
    { "org", 0, 0, G_OPTION_ARG_STRING, &options.org,
      N_("The actor attribute that names the organisation (“none” clears it)"), "ATTR" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &options.unit,
      N_("The actor attribute that names the unit, instead of the DOT clusters (“none” clears it)"), "ATTR" },
    { "weight", 0, 0, G_OPTION_ARG_STRING, &options.weight,
      N_("The tie attribute that gives the tie’s strength (“none”: every weight 1)"), "ATTR" },
    { "keep-reciprocal", 0, 0, G_OPTION_ARG_NONE, &options.keep_reciprocal,
      N_("Keep a → b and b → a as two collaborations (by default they become one)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwHistory) history = NULL;
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(MwInterpretPreview) preview = NULL;
  int status = MW_CLI_OK;

  if (!mw_cli_parse_options ("interpret", "IN OUT",
                             N_("Says what a network from another tool means: what its ties are, what its\n"
                                "actors are, which attributes give organisations and units. The answers are\n"
                                "written to OUT as Meshwork’s own attributes, so the scores no longer rest on\n"
                                "guesses. A value that maps to no type or kind stops it, and OUT is not written."),
                             entries, &argc, &argv))
    status = MW_CLI_FAILED;
  else if (argc != 3)
    status = mw_cli_fail (_("interpret: expected IN and OUT (try “meshwork-cli interpret --help”)"));
  else if (!build_plan (&options, plan, &error))
    status = mw_cli_fail ("%s", error->message);
  else if ((network = mw_cli_load_network (argv[1], &error)) == NULL)
    status = mw_cli_fail ("%s", error->message);
  options_clear (&options);
  if (status != MW_CLI_OK)
    return status;

  preview = mw_interpret_preview (network, plan);
  if (!mw_interpret_preview_check (preview, plan, &error))
    return mw_cli_fail ("interpret: %s", error->message);

  history = mw_history_new (network);
  if (!mw_interpret_apply (history, plan, &error) || !mw_cli_save_any (network, argv[2], &error))
    return mw_cli_fail ("%s", error->message);

  if (strcmp (argv[2], "-") != 0)
    print_preview (preview);

  return MW_CLI_OK;
}
