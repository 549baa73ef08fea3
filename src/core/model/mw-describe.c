/* mw-describe.c: the network, an actor or a selection said in one sentence
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader says about the canvas: the canvas only shows these
 * sentences as its accessible label and description, so that they are
 * built, translated and tested without GTK.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mw-describe.h"

static const char *
kind_name (MwActorKind kind)
{
  switch (kind)
    {
    case MW_ACTOR_TEAM:         return _("team");
    case MW_ACTOR_ORGANISATION: return _("organisation");
    case MW_ACTOR_PERSON:
    case MW_N_ACTOR_KINDS:
    default:                    return _("person");
    }
}

/**
 * mw_describe_network:
 *
 * Returns: (transfer full): "Network: 18 actors, 33 ties"
 */
char *
mw_describe_network (MwNetwork *network)
{
  guint n_actors, n_ties;
  g_autofree char *actors = NULL;
  g_autofree char *ties = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  n_actors = mw_network_get_n_actors (network);
  n_ties = mw_network_get_n_ties (network);
  actors = g_strdup_printf (ngettext ("%u actor", "%u actors", n_actors), n_actors);
  ties = g_strdup_printf (ngettext ("%u tie", "%u ties", n_ties), n_ties);
  /* TRANSLATORS: the canvas's name for screen readers: "Network: 18 actors, 33 ties" */
  return g_strdup_printf (_("Network: %s, %s"), actors, ties);
}

static guint
n_all (const MwActor *actor,
       MwTieType      type)
{
  return mw_actor_n_out (actor, type) + mw_actor_n_in (actor, type);
}

/* The managers an actor reports to, by name. */
static void
add_reports_to (GPtrArray     *parts,
                const MwActor *actor)
{
  guint n = mw_actor_n_out (actor, MW_TIE_REPORTS);
  const MwTie *first;

  if (n == 0)
    return;
  first = mw_actor_out (actor, MW_TIE_REPORTS, 0);
  if (n == 1)
    g_ptr_array_add (parts, g_strdup_printf (_("reports to %s"), first->to->label));
  else
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("reports to %s and %u other",
                                                       "reports to %s and %u others", n - 1),
                                             first->to->label, n - 1));
}

/* "3 report to them; collaborates with 2; …": the actor's other ties,
 * counted by type and direction. */
static void
add_counts (GPtrArray     *parts,
            const MwActor *actor)
{
  guint n;

  if ((n = mw_actor_n_in (actor, MW_TIE_REPORTS)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u reports to them", "%u report to them", n), n));
  if ((n = n_all (actor, MW_TIE_COLLABORATES)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("collaborates with %u"), n));
  if ((n = mw_actor_n_out (actor, MW_TIE_INFLUENCES)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("influences %u"), n));
  if ((n = mw_actor_n_in (actor, MW_TIE_INFLUENCES)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("influenced by %u"), n));
  if ((n = mw_actor_n_out (actor, MW_TIE_CHECKS)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("checks %u"), n));
  if ((n = mw_actor_n_in (actor, MW_TIE_CHECKS)) > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("checked by %u"), n));
}

/**
 * mw_describe_actor:
 *
 * Returns: (transfer full): the actor's name, kind, unit and organisation
 *   and its ties: "Maria Okafor, person, unit Sales, organisation Acme;
 *   reports to Ines Brandt; 3 report to them; collaborates with 2"
 */
char *
mw_describe_actor (const MwActor *actor)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) who = NULL;

  g_return_val_if_fail (actor != NULL, NULL);

  who = g_string_new (actor->label);
  g_string_append_printf (who, ", %s", kind_name (actor->kind));
  if (actor->unit != NULL && *actor->unit != '\0')
    g_string_append_printf (who, _(", unit %s"), actor->unit);
  if (actor->org != NULL && *actor->org != '\0')
    g_string_append_printf (who, _(", organisation %s"), actor->org);
  g_ptr_array_add (parts, g_string_free (g_steal_pointer (&who), FALSE));

  add_reports_to (parts, actor);
  add_counts (parts, actor);
  if (parts->len == 1)
    g_ptr_array_add (parts, g_strdup (_("no ties")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **)parts->pdata);
}

/**
 * mw_describe_tie:
 *
 * Returns: (transfer full): "Tie: Ines Brandt reports to Maria Okafor"
 */
char *
mw_describe_tie (const MwTie *tie)
{
  g_autofree char *weight = NULL;
  g_autofree char *sentence = NULL;
  const char *format;

  g_return_val_if_fail (tie != NULL, NULL);

  switch (tie->type)
    {
    case MW_TIE_REPORTS:      format = _("Tie: %s reports to %s"); break;
    case MW_TIE_INFLUENCES:   format = _("Tie: %s influences %s"); break;
    case MW_TIE_CHECKS:       format = _("Tie: %s checks %s"); break;
    case MW_TIE_COLLABORATES:
    case MW_N_TIE_TYPES:
    default:                  format = _("Tie: %s collaborates with %s"); break;
    }

  sentence = g_strdup_printf (format, tie->from->label, tie->to->label);
  if (tie->weight == 1.0)
    return g_steal_pointer (&sentence);

  weight = mw_format_double (tie->weight);
  /* TRANSLATORS: a tie's sentence, then its weight */
  return g_strdup_printf (_("%s, weight %s"), sentence, weight);
}

/**
 * mw_describe_selection:
 *
 * Returns: (transfer full): "4 actors selected", "2 ties selected",
 *   "3 actors and 1 tie selected" or "Nothing selected"
 */
char *
mw_describe_selection (guint n_actors,
                       guint n_ties)
{
  g_autofree char *actors = NULL;
  g_autofree char *ties = NULL;

  if (n_actors == 0 && n_ties == 0)
    return g_strdup (_("Nothing selected"));
  if (n_ties == 0)
    return g_strdup_printf (ngettext ("%u actor selected", "%u actors selected", n_actors), n_actors);
  if (n_actors == 0)
    return g_strdup_printf (ngettext ("%u tie selected", "%u ties selected", n_ties), n_ties);

  actors = g_strdup_printf (ngettext ("%u actor", "%u actors", n_actors), n_actors);
  ties = g_strdup_printf (ngettext ("%u tie", "%u ties", n_ties), n_ties);
  /* TRANSLATORS: "3 actors and 1 tie selected" */
  return g_strdup_printf (_("%s and %s selected"), actors, ties);
}

/**
 * mw_describe_score:
 * @previous: the value before the last edit, or NAN when there was none
 *
 * Returns: (transfer full): "Index 42 (+3)", or "Index 42"
 */
char *
mw_describe_score (const char *name,
                   double      value,
                   double      previous)
{
  double change = value - previous;

  g_return_val_if_fail (name != NULL, NULL);

  if (isnan (previous) || fabs (change) < 0.5)
    return g_strdup_printf ("%s %.0f", name, value);
  /* TRANSLATORS: a score and its change since the last edit: "Index 42 (+3)" */
  return g_strdup_printf (_("%s %.0f (%+.0f)"), name, value, change);
}
