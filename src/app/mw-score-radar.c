/* mw-score-radar.c: the score panel's radar chart of the five elements
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drawing area that hands its size to mw_render_radar(): the scores as
 * they are, filled, and what they are compared with (the baseline, or the
 * network as it is while a what-if is previewed) as an outline. A screen
 * reader cannot see the chart, so its description says every value.
 */

#define G_LOG_DOMAIN "meshwork-score-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-render-radar.h"
#include "mw-score-radar.h"

#define CHART_HEIGHT 280

struct _MwScoreRadar
{
  GtkDrawingArea  parent_instance;

  MwScores       *scores;         /* (nullable) */
  MwScores       *overlay;        /* (nullable) */
  char           *label;
  char           *overlay_label;
  char           *description;
};

G_DEFINE_FINAL_TYPE (MwScoreRadar, mw_score_radar, GTK_TYPE_DRAWING_AREA)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  MwScoreRadar *self = MW_SCORE_RADAR (area);
  MwRadarSeries series[] = {
    { self->scores, self->label },
    { self->overlay, self->overlay_label },
  };

  if (self->scores == NULL)
    return;
  mw_render_radar (cr, series, self->overlay != NULL ? 2 : 1, 0, 0, width, height,
                   adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* "Spontaneous collaboration 80, …, Global purpose mindset not measurable". */
static void
append_values (GString    *text,
               const char *label,
               MwScores   *scores)
{
  if (label != NULL)
    g_string_append_printf (text, "%s: ", label);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      if (e > 0)
        g_string_append (text, ", ");
      if (mw_scores_is_measurable (scores, e))
        /* Translators: an element and its score in the radar chart's description, "Spontaneous collaboration 80" */
        g_string_append_printf (text, _("%s %.0f"), mw_element_get_title (e), mw_scores_get_score (scores, e));
      else
        /* Translators: an element in the radar chart's description */
        g_string_append_printf (text, _("%s not measurable"), mw_element_get_title (e));
    }
  g_string_append (text, ". ");
}

static void
update_description (MwScoreRadar *self)
{
  GString *text = g_string_new (NULL);

  g_assert (MW_IS_SCORE_RADAR (self));

  if (self->scores != NULL)
    append_values (text, self->overlay != NULL ? self->label : NULL, self->scores);
  if (self->scores != NULL && self->overlay != NULL)
    append_values (text, self->overlay_label, self->overlay);
  g_strchomp (text->str);
  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

static void
mw_score_radar_finalize (GObject *object)
{
  MwScoreRadar *self = (MwScoreRadar *)object;

  g_clear_pointer (&self->scores, mw_scores_unref);
  g_clear_pointer (&self->overlay, mw_scores_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->overlay_label, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (mw_score_radar_parent_class)->finalize (object);
}

static void
mw_score_radar_class_init (MwScoreRadarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mw_score_radar_finalize;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mw_score_radar_init (MwScoreRadar *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), CHART_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Radar chart of the five elements"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  update_description (self);
}

GtkWidget *
mw_score_radar_new (void)
{
  return g_object_new (MW_TYPE_SCORE_RADAR, NULL);
}

/**
 * mw_score_radar_set_scores:
 * @scores: (nullable): the scores filled; %NULL draws nothing
 * @label: (nullable): their name in the legend, when there is an overlay
 * @overlay: (nullable): the scores outlined over them
 * @overlay_label: (nullable): their name in the legend
 */
void
mw_score_radar_set_scores (MwScoreRadar *self,
                           MwScores     *scores,
                           const char   *label,
                           MwScores     *overlay,
                           const char   *overlay_label)
{
  g_return_if_fail (MW_IS_SCORE_RADAR (self));

  if (scores == self->scores && overlay == self->overlay &&
      g_strcmp0 (label, self->label) == 0 && g_strcmp0 (overlay_label, self->overlay_label) == 0)
    return;
  if (scores != NULL)
    mw_scores_ref (scores);
  if (overlay != NULL)
    mw_scores_ref (overlay);
  g_clear_pointer (&self->scores, mw_scores_unref);
  g_clear_pointer (&self->overlay, mw_scores_unref);
  self->scores = scores;
  self->overlay = overlay;
  g_free (self->label);
  self->label = g_strdup (label);
  g_free (self->overlay_label);
  self->overlay_label = g_strdup (overlay_label);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* (nullable) (transfer none) */
MwScores *
mw_score_radar_get_scores (MwScoreRadar *self)
{
  g_return_val_if_fail (MW_IS_SCORE_RADAR (self), NULL);
  return self->scores;
}

/* (nullable) (transfer none) */
MwScores *
mw_score_radar_get_overlay (MwScoreRadar *self)
{
  g_return_val_if_fail (MW_IS_SCORE_RADAR (self), NULL);
  return self->overlay;
}

/* What a screen reader hears after the chart's name. */
const char *
mw_score_radar_get_description (MwScoreRadar *self)
{
  g_return_val_if_fail (MW_IS_SCORE_RADAR (self), NULL);
  return self->description;
}
