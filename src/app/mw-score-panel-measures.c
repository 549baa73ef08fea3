/* mw-score-panel-measures.c: the score panel's rows of classic measures
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per measure with its value as a suffix; each row's accessible
 * name holds its value. Below mw-score-panel.c (mw-score-panel-private.h).
 */

#define G_LOG_DOMAIN "meshwork-score-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-score-panel-private.h"

/* Fills @list with a row per measure; @values gets each row's value label. */
void
_mw_score_panel_build_measure_rows (GtkListBox *list,
                                    GtkWidget  *values[MW_N_SCORE_MEASURES])
{
  static const struct { const char *title; const char *subtitle; } measures[MW_N_SCORE_MEASURES] = {
    { N_("Centralization"), N_("How much leadership runs through one person") },
    { N_("Density"), N_("Share of possible leadership relations present") },
    { N_("Reciprocity"), N_("Share of leadership relations returned") },
    { N_("Efficiency"), N_("How directly everyone reaches everyone") },
    { N_("Single Points of Failure"), N_("People whose departure cuts others off") },
    { N_("Levels of Hierarchy"), N_("Depth of the chain of command") },
    { N_("Organisation Boundary Spanning"), N_("Share of actors with a tie into another organisation") },
  };

  for (guint i = 0; i < MW_N_SCORE_MEASURES; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(measures[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(measures[i].subtitle));
      values[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (values[i], "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), values[i]);
      gtk_list_box_append (list, row);
    }
}

void
_mw_score_panel_show_measures (GtkWidget *values[MW_N_SCORE_MEASURES],
                               MwScores  *scores)
{
  const MwMeasures *m = mw_scores_get_measures (scores);
  g_autofree char *centralization = g_strdup_printf ("%.2f", m->centralization);
  g_autofree char *density = g_strdup_printf ("%.2f", m->density);
  g_autofree char *reciprocity = g_strdup_printf ("%.2f", m->reciprocity);
  g_autofree char *efficiency = g_strdup_printf ("%.2f", m->efficiency);
  g_autofree char *articulation = g_strdup_printf ("%u", m->articulation_points);
  g_autofree char *depth = g_strdup_printf ("%u", m->hierarchy_depth);
  g_autofree char *org_boundary = g_strdup_printf ("%.2f", m->org_boundary_spanning);

  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_CENTRALIZATION]), centralization);
  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_DENSITY]), density);
  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_RECIPROCITY]), reciprocity);
  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_EFFICIENCY]), efficiency);
  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_ARTICULATION]), articulation);
  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_DEPTH]), depth);
  gtk_label_set_label (GTK_LABEL (values[MW_SCORE_MEASURE_ORG_BOUNDARY]), org_boundary);

  /* Each row's accessible name holds its value, "Density: 0.12". */
  for (guint i = 0; i < MW_N_SCORE_MEASURES; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (values[i], ADW_TYPE_ACTION_ROW);
      g_autofree char *name = NULL;

      /* Translators: a measure and its value for screen readers, "Density: 0.12" */
      name = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              gtk_label_get_label (GTK_LABEL (values[i])));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), -1);
    }
}
