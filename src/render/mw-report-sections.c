/* mw-report-sections.c: the report's sections, one function each
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-compare.h"
#include "mw-label.h"
#include "mw-render-radar.h"
#include "mw-renderer.h"
#include "mw-report-private.h"
#include "mw-score-texts.h"
#include "mw-scorer-suggest.h"

/* Past this many, a list of people ends in "and N more". */
#define MAX_NAMED 12
/* Up to this many actors every label is drawn; above, the level of detail
 * decides, and a large organisation becomes its map, as on screen. */
#define ALL_LABELS_MAX_ACTORS 150

static char *
format_score (MwScores  *scores,
              MwElement  element)
{
  if (!mw_scores_is_measurable (scores, element))
    return g_strdup (_("Not measurable"));
  return g_strdup_printf ("%.0f", mw_scores_get_score (scores, element));
}

static char *
format_index (MwScores *scores)
{
  if (mw_scores_get_n_measurable (scores) == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f", mw_scores_get_index (scores));
}

/* "Person 1, Person 4 and 3 more" */
static char *
dup_people (MwNetwork          *network,
            const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = ids != NULL ? g_strv_length ((GStrv)ids) : 0;

  for (guint i = 0; i < n && i < MAX_NAMED; i++)
    {
      MwActor *actor = mw_network_lookup_actor (network, ids[i]);
      g_autofree char *name = actor != NULL ? mw_network_dup_actor_display_label (network, actor)
                                            : g_strdup (ids[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
    }
  if (n > MAX_NAMED)
    /* Translators: after a list of names, "Ann Lee, Raj Patel and 12 more" */
    g_string_append_printf (text, ngettext (" and %u more", " and %u more", n - MAX_NAMED), n - MAX_NAMED);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- cover ---------------------------------------------------------------- */

void
_mw_report_cover (MwReportWriter *w,
                  MwReportData   *data)
{
  g_autofree char *index = format_index (data->current);
  g_autofree char *index_line = NULL;
  g_autofree char *size = NULL;

  _mw_report_new_page (w);
  w->y = w->height * 0.28;
  _mw_report_text (w, _("Distributed Leadership Report"), MW_REPORT_SUBHEADING);
  _mw_report_text (w, data->title, MW_REPORT_TITLE);
  if (data->organisation != NULL)
    _mw_report_text (w, data->organisation, MW_REPORT_HEADING);
  _mw_report_text (w, data->date, MW_REPORT_BODY);
  _mw_report_space (w, 24);
  _mw_report_rule (w);
  _mw_report_space (w, 8);

  /* Translators: the index on a report's cover, "Distributed leadership index: 58 of 100 (from 4 of 5 elements)" */
  index_line = g_strdup_printf (_("Distributed leadership index: %s of 100 (from %u of 5 elements)"),
                                index, mw_scores_get_n_measurable (data->current));
  _mw_report_text (w, index_line, MW_REPORT_BODY_BOLD);
  /* Translators: the size of a network on a report's cover */
  size = g_strdup_printf (_("%u actors, %u ties"), mw_network_get_n_actors (data->network),
                          mw_network_get_n_ties (data->network));
  _mw_report_text (w, size, MW_REPORT_BODY);
  if (data->anonymised)
    _mw_report_text (w, _("Anonymised: people are named by their role, or numbered."), MW_REPORT_SMALL);
  w->y = w->height - w->margin - 30;
  _mw_report_text (w, _("Made with Meshwork. The method and its limits are described in the appendix."),
                   MW_REPORT_SMALL);
}

/* ---- the network ---------------------------------------------------------- */

void
_mw_report_network (MwReportWriter *w,
                    MwReportData   *data)
{
  g_autoptr(MwRenderer) renderer = mw_renderer_new (data->network);
  double legend_w = 0, legend_h = 0, box_w, box_h, top;
  gboolean landscape, beside;
  MwRect bounds;
  MwView view;

  if (!mw_renderer_get_bounds (renderer, &bounds))
    bounds = (MwRect) { 0, 0, 120, 60 };
  /* a wide organisation gets a page turned sideways, its legend beside it */
  landscape = bounds.width > 1.3 * bounds.height;
  _mw_report_new_page_turned (w, landscape);
  _mw_report_text (w, _("The Network"), MW_REPORT_HEADING);
  _mw_report_space (w, 8);
  mw_renderer_measure_legend (renderer, &legend_w, &legend_h);
  beside = landscape && legend_h > 0;
  box_w = _mw_report_content_width (w) - (beside ? legend_w + 24 : 0);
  box_h = _mw_report_room (w) - (legend_h > 0 && !beside ? legend_h + 24 : 0);

  /* only as tall as the drawing fitted to the width is, so the legend
   * follows it rather than the foot of the page */
  mw_view_init (&view, box_w, MAX (box_h, 100));
  mw_view_fit (&view, &bounds, 6);
  view.height = MIN (view.height, bounds.height * view.zoom + 12);
  mw_view_fit (&view, &bounds, 6);
  view.labels = mw_network_get_n_actors (data->network) <= ALL_LABELS_MAX_ACTORS ? MW_LABELS_ALWAYS
                                                                                   : MW_LABELS_AUTO;
  view.transparent = TRUE;
  top = w->y;
  cairo_save (w->cr);
  cairo_rectangle (w->cr, w->margin, top, view.width, view.height);
  cairo_clip (w->cr);
  cairo_translate (w->cr, w->margin, top);
  mw_renderer_draw (renderer, w->cr, &view);
  cairo_restore (w->cr);
  w->y += view.height + 24;
  if (beside)
    mw_renderer_draw_legend (renderer, w->cr, w->width - w->margin - legend_w, top, FALSE);
  else if (legend_h > 0)
    mw_renderer_draw_legend (renderer, w->cr, w->margin, w->y, FALSE);
}

/* ---- the radar ------------------------------------------------------------ */

static void
context_line (MwReportWriter *w,
              MwReportData   *data)
{
  MwScoreContext context = mw_scores_get_context (data->current);
  g_autofree char *text = NULL;

  if (context == MW_SCORE_CONTEXT_UNDETERMINED)
    return;
  /* the score panel's sentence */
  text = g_strdup_printf (_("Closest context: %s (%.0f%% confident)"), mw_score_context_get_title (context),
                          100 * mw_scores_get_context_confidence (data->current));
  _mw_report_text (w, text, MW_REPORT_BODY_BOLD);
  _mw_report_text (w, mw_scores_get_context_reason (data->current), MW_REPORT_SMALL);
  _mw_report_space (w, 8);
}

void
_mw_report_radar (MwReportWriter *w,
                  MwReportData   *data)
{
  MwRadarSeries series[2] = {
    /* Translators: the network reported on, in the radar chart's key */
    { data->current, _("Now") },
    { data->baseline_scores, data->baseline_title },
  };
  double size;

  _mw_report_new_page (w);
  _mw_report_text (w, _("The Five Elements"), MW_REPORT_HEADING);
  _mw_report_text (w, _("Each element from 0 at the centre to 100 at the rim; an element that is not "
                        "measurable is marked as such, not drawn as zero."), MW_REPORT_BODY);
  _mw_report_space (w, 12);
  size = MIN (_mw_report_content_width (w) * 0.8, _mw_report_room (w) - 300);
  mw_render_radar (w->cr, series, data->baseline_scores != NULL ? 2 : 1,
                   w->margin, w->y, _mw_report_content_width (w), size, FALSE);
  w->y += size + 16;
  context_line (w, data);

  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_autofree char *value = format_score (data->current, e);
      const char *cells[] = { mw_element_get_title (e), value };
      const double widths[] = { 0.7, 0.3 };

      _mw_report_table_row (w, cells, widths, 2, FALSE);
    }
  {
    g_autofree char *value = format_index (data->current);
    const char *cells[] = { _("Index"), value };
    const double widths[] = { 0.7, 0.3 };

    _mw_report_rule (w);
    _mw_report_table_row (w, cells, widths, 2, TRUE);
  }
}

/* ---- each element --------------------------------------------------------- */

static void
element_section (MwReportWriter *w,
                 MwReportData   *data,
                 MwElement       element)
{
  const MwEvidence *evidence = mw_scores_get_evidence (data->current, element);
  GPtrArray *factors = mw_scores_get_factors (data->current, element);
  g_autofree char *value = NULL;

  _mw_report_space (w, 10);
  _mw_report_text (w, mw_element_get_title (element), MW_REPORT_SUBHEADING);
  _mw_report_text (w, mw_element_get_meaning (element), MW_REPORT_BODY);
  if (mw_scores_is_measurable (data->current, element))
    /* Translators: an element's score in a report, "Score: 64 of 100" */
    value = g_strdup_printf (_("Score: %.0f of 100"), mw_scores_get_score (data->current, element));
  else
    value = g_strdup (_("Not measurable"));
  _mw_report_text (w, value, MW_REPORT_BODY_BOLD);
  if (evidence->reason != NULL && evidence->reason[0] != '\0')
    _mw_report_text (w, evidence->reason, MW_REPORT_SMALL);

  for (guint i = 0; factors != NULL && i < factors->len; i++)
    {
      const MwFactor *factor = factors->pdata[i];
      g_autofree char *line = g_strdup_printf ("•  %s", factor->text);

      /* the not-measurable element's one factor is its reason, said above */
      if (!mw_scores_is_measurable (data->current, element))
        break;
      _mw_report_ensure (w, 44);
      _mw_report_text (w, line, MW_REPORT_BODY);
      if (factor->actor_ids != NULL && factor->actor_ids[0] != NULL)
        {
          g_autofree char *people = dup_people (data->network, (const char * const *)factor->actor_ids);
          /* Translators: the people behind an explanation, "People: Ann Lee, Raj Patel" */
          g_autofree char *text = g_strdup_printf (_("People: %s"), people);

          _mw_report_text (w, text, MW_REPORT_SMALL);
        }
    }
}

void
_mw_report_elements (MwReportWriter *w,
                     MwReportData   *data)
{
  _mw_report_new_page (w);
  _mw_report_text (w, _("Each Element and What Explains It"), MW_REPORT_HEADING);
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    element_section (w, data, e);
}

/* ---- suggestions ---------------------------------------------------------- */

void
_mw_report_suggestions (MwReportWriter *w,
                        MwReportData   *data)
{
  _mw_report_space (w, 18);
  _mw_report_text (w, _("Suggestions"), MW_REPORT_HEADING);
  if (data->suggestions == NULL || data->suggestions->len == 0)
    {
      _mw_report_text (w, _("No single tie would raise a measurable element."), MW_REPORT_BODY);
      return;
    }
  _mw_report_text (w, _("Ties that would raise the weakest elements most, each measured by scoring the "
                        "network with the tie added."), MW_REPORT_BODY);
  for (guint i = 0; i < data->suggestions->len; i++)
    {
      const MwSuggestion *s = data->suggestions->pdata[i];
      int digits = s->gain < 1 ? 2 : 1;
      g_autofree char *line = g_strdup_printf ("%u.  %s", i + 1, s->text);
      /* Translators: a suggestion's measured effect in a report, "+6.0 Multi-directional influence, index +1.2" */
      g_autofree char *gain = g_strdup_printf (_("+%.*f %s, index %+.*f"), digits, s->gain,
                                               mw_element_get_title (s->element), digits, s->index_gain);

      /* a suggestion and its gain on one page */
      _mw_report_ensure (w, 40);
      _mw_report_text (w, line, MW_REPORT_BODY);
      _mw_report_text (w, gain, MW_REPORT_SMALL);
    }
}

/* ---- the baseline --------------------------------------------------------- */

static void
score_change_row (MwReportWriter *w,
                  const char     *name,
                  gboolean        then_ok,
                  double          then,
                  gboolean        now_ok,
                  double          now)
{
  static const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  g_autofree char *a = then_ok ? g_strdup_printf ("%.0f", then) : g_strdup ("—");
  g_autofree char *b = now_ok ? g_strdup_printf ("%.0f", now) : g_strdup ("—");
  g_autofree char *d = then_ok && now_ok ? g_strdup_printf ("%+.0f", now - then) : g_strdup ("—");
  const char *cells[] = { name, a, b, d };

  _mw_report_table_row (w, cells, widths, 4, FALSE);
}

static void
changes_line (MwReportWriter     *w,
              MwNetwork          *network,
              const char         *format,
              const char * const *ids)
{
  guint n = ids != NULL ? g_strv_length ((GStrv)ids) : 0;
  g_autofree char *people = NULL;
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  people = dup_people (network, ids);
  text = g_strdup_printf (format, n, people);
  _mw_report_text (w, text, MW_REPORT_BODY);
}

void
_mw_report_comparison (MwReportWriter *w,
                       MwReportData   *data)
{
  static const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  g_autoptr(MwComparison) comparison = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *ties = NULL;
  const char *header[] = { _("Element"), data->baseline_title, _("Now"), _("Change") };

  if (data->baseline == NULL)
    return;
  _mw_report_new_page (w);
  /* Translators: a report's heading, "Compared with Spring 2026" */
  heading = g_strdup_printf (_("Compared with %s"), data->baseline_title);
  _mw_report_text (w, heading, MW_REPORT_HEADING);
  _mw_report_table_row (w, header, widths, 4, TRUE);
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    score_change_row (w, mw_element_get_title (e),
                      mw_scores_is_measurable (data->baseline_scores, e), mw_scores_get_score (data->baseline_scores, e),
                      mw_scores_is_measurable (data->current, e), mw_scores_get_score (data->current, e));
  score_change_row (w, _("Index"), mw_scores_get_n_measurable (data->baseline_scores) > 0,
                    mw_scores_get_index (data->baseline_scores), mw_scores_get_n_measurable (data->current) > 0,
                    mw_scores_get_index (data->current));
  if (mw_scores_get_n_measurable (data->baseline_scores) != mw_scores_get_n_measurable (data->current))
    _mw_report_text (w, _("The two indices rest on different elements: compare them with care."), MW_REPORT_SMALL);

  _mw_report_space (w, 12);
  _mw_report_text (w, _("What Changed"), MW_REPORT_SUBHEADING);
  comparison = mw_comparison_compute (data->network, data->baseline);
  if (mw_comparison_is_empty (comparison))
    {
      _mw_report_text (w, _("The two networks have the same actors and ties."), MW_REPORT_BODY);
      return;
    }
  /* Translators: in a report's comparison, "3 people joined: Ann Lee, Raj Patel, Person 4" */
  changes_line (w, data->network, _("Joined (%u): %s"), (const char * const *)comparison->only_actor_ids[MW_COMPARE_THIS]);
  /* Translators: in a report's comparison, "Left (2): Ann Lee, Raj Patel" */
  changes_line (w, data->baseline, _("Left (%u): %s"), (const char * const *)comparison->only_actor_ids[MW_COMPARE_OTHER]);
  /* Translators: in a report's comparison, "Ties gained: 4, lost: 2, changed type: 1" */
  ties = g_strdup_printf (_("Ties gained: %u, lost: %u, changed type: %u"),
                          g_strv_length (comparison->only_tie_ids[MW_COMPARE_THIS]),
                          g_strv_length (comparison->only_tie_ids[MW_COMPARE_OTHER]),
                          g_strv_length (comparison->retyped_tie_ids[MW_COMPARE_THIS]));
  _mw_report_text (w, ties, MW_REPORT_BODY);
}

/* ---- over time ------------------------------------------------------------ */

void
_mw_report_over_time (MwReportWriter *w,
                      MwReportData   *data)
{
  static const double widths[] = { 0.2, 0.1, 0.14, 0.14, 0.14, 0.14, 0.14 };
  const char *header[7];

  if (data->n_snapshots < 2)
    return;
  _mw_report_new_page (w);
  _mw_report_text (w, _("Over Time"), MW_REPORT_HEADING);
  _mw_report_text (w, _("Each snapshot’s index and elements, oldest first; “—” is not measurable."),
                   MW_REPORT_BODY);
  _mw_report_space (w, 6);
  header[0] = _("Snapshot");
  header[1] = _("Index");
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    header[2 + e] = mw_element_get_title (e);
  _mw_report_table_row (w, header, widths, 7, TRUE);

  for (guint i = 0; i < data->n_snapshots; i++)
    {
      MwScores *scores = data->scores[i];
      g_autofree char *name = data->snapshots[i].date != NULL && data->snapshots[i].title != NULL
        ? g_strdup_printf ("%s\n%s", data->snapshots[i].title, data->snapshots[i].date)
        : g_strdup (data->snapshots[i].title);
      char *values[MW_N_ELEMENTS + 1];
      const char *cells[7];

      values[0] = format_index (scores);
      for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
        values[1 + e] = mw_scores_is_measurable (scores, e) ? format_score (scores, e) : g_strdup ("—");
      cells[0] = name;
      for (guint c = 0; c <= MW_N_ELEMENTS; c++)
        cells[1 + c] = values[c];
      _mw_report_table_row (w, cells, widths, 7, FALSE);
      for (guint c = 0; c <= MW_N_ELEMENTS; c++)
        g_free (values[c]);
    }
}

/* ---- method --------------------------------------------------------------- */

void
_mw_report_method (MwReportWriter *w)
{
  MwMethodSection section;

  _mw_report_new_page (w);
  _mw_report_text (w, _("Appendix: Method and Limits"), MW_REPORT_HEADING);
  for (guint i = 0; mw_scoring_method_section (i, &section); i++)
    {
      _mw_report_space (w, 6);
      _mw_report_text (w, section.heading, MW_REPORT_SUBHEADING);
      _mw_report_text (w, section.text, MW_REPORT_BODY);
    }
}
