/* mw-score-card.c: the score card of an export, filled from the scores
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mw-export.c draws a card of plain rows and knows nothing of the scores;
 * this is the one place that says what the card shows (the five elements
 * as a radar and as rows, and the index, under which titles; "—" for an
 * element that is not measurable), for the export dialog and meshwork-cli
 * export alike.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <glib/gi18n.h>

#include "mw-score-card.h"

/**
 * mw_score_card_fill:
 * @card: (out caller-allocates): the card to fill
 * @rows: (out caller-allocates): room for its rows
 * @scores: what it shows
 *
 * The card points into @rows and @scores (its radar), and its names are
 * static: @rows and @scores must outlive @card.
 */
void
mw_score_card_fill (MwScoreCard *card,
                    MwScoreRow   rows[MW_N_ELEMENTS],
                    MwScores    *scores)
{
  g_return_if_fail (card != NULL);
  g_return_if_fail (rows != NULL);
  g_return_if_fail (scores != NULL);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      rows[e].name = mw_element_get_title (e);
      rows[e].value = mw_scores_get_score (scores, e);
      rows[e].not_measurable = !mw_scores_is_measurable (scores, e);
    }

  card->title = _("Distributed leadership");
  if (mw_scores_get_n_measurable (scores) == MW_N_ELEMENTS)
    card->index_name = _("Index");
  else
    {
      /* Translators: the index of an export's score card when some elements are not measurable */
      g_autofree char *name = g_strdup_printf (_("Index (from %u of 5 elements)"), mw_scores_get_n_measurable (scores));

      /* Interned: at most five such names, and the card's names are static. */
      card->index_name = g_intern_string (name);
    }
  card->index = mw_scores_get_index (scores);
  card->rows = rows;
  card->n_rows = MW_N_ELEMENTS;
  card->scores = scores;
}

/**
 * mw_score_card_say_filtered:
 * @card: a card mw_score_card_fill() filled
 *
 * Says on the card that its scores are of the filtered view, not of the
 * whole network: a second line under its title.
 */
void
mw_score_card_say_filtered (MwScoreCard *card)
{
  g_return_if_fail (card != NULL);

  /* Translators: the export's score card when it shows the scores of the filtered view; keep the line break */
  card->title = _("Distributed leadership\nof the filtered view only");
}
