/* mw-score-texts.c: what each element means and how Meshwork scores, for people
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-scores"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-score-texts.h"

/* The first sentence of each element in the help ("The five elements and
 * how each is scored"): the research's meaning, before Meshwork's rule. */
static const char * const meanings[MW_N_ELEMENTS] = {
  N_("People work together across lines without going through their managers."),
  N_("Influence flows up and sideways, not only down, and from many people."),
  N_("People without formal authority start things that others take up."),
  N_("The purpose is held widely, top to bottom."),
  N_("Peers check each other, and nobody depends on a single person."),
};

/* docs/scoring.md in short: what a reader of a report must know to weigh
 * its numbers, its limits first among them. */
static const MwMethodSection method[] = {
  { N_("What is scored"),
    N_("Meshwork scores a network on the five elements of a distributed leadership system described by "
       "Ancona and Backman (Distributed Leadership — From Pyramids to Networks, MIT Leadership Center, 2017). "
       "Each element scores from 0 to 100; the index is the mean of the measurable elements.") },
  { N_("Evidence"),
    N_("Each element says what it rests on: the ties, the declared marks (who holds the purpose, who leads "
       "an initiative), or both. An element is not measurable when the network lacks what it needs: influence "
       "without influence ties, entrepreneurship without initiative marks or influence ties, purpose without "
       "purpose marks, peer risk without checks ties. It is then left out of the index, never counted as zero.") },
  { N_("Explanations and suggestions"),
    N_("Each score lists the counts it is made of and the people behind them. Each suggestion is one tie "
       "added to a copy of the network, which is then scored again: its gain is measured, not guessed.") },
  { N_("Comparisons"),
    N_("Snapshots are compared actor by actor, matched by id, then by name. A change in a score shows what "
       "changed in the network, not why.") },
  { N_("Limits"),
    N_("The scores are heuristics built from the paper’s descriptions, not a published, validated instrument. "
       "They read only what the network shows: a tie nobody drew does not count, the marks are declarations "
       "like survey answers, and the strength of a tie counts nowhere. Compare indices only when they rest on "
       "the same elements.") },
};

const char *
mw_element_get_meaning (MwElement element)
{
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);
  return _(meanings[element]);
}

gboolean
mw_scoring_method_section (guint            index,
                          MwMethodSection *section)
{
  g_return_val_if_fail (section != NULL, FALSE);

  if (index >= G_N_ELEMENTS (method))
    return FALSE;
  section->heading = _(method[index].heading);
  section->text = _(method[index].text);
  return TRUE;
}
