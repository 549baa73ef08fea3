/* mw-score-panel.c: the live scores beside the canvas
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows what the document's MwScorer (mw_document_get_scorer()) computes
 * for the canvas's network: the index, the five elements with their
 * explanation and change since the baseline, the context match and the
 * classic measures. Selecting an element (or one of its factors) highlights
 * the actors and ties behind it on the canvas. While a filter is on, the
 * scope above the index (mw-score-scope.c, below this file) lets people
 * choose the scores of the filtered view instead, whose scorer it owns;
 * "shown" is whichever scorer's scores are on show.
 */

#define G_LOG_DOMAIN "meshwork-score-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mw-score-panel.h"
#include "mw-score-panel-private.h"
#include "mw-score-radar.h"
#include "mw-score-scope.h"
#include "mw-scorer-suggest.h"
#include "mw-document.h"
#include "mw-interpret.h"

#define MAX_LISTED_ACTORS 50
#define UPDATING_DELAY_MS 250
/* Each suggestion costs some sixty scorings: not for the largest networks. */
#define MAX_SUGGEST_ACTORS 5000

typedef struct
{
  GtkWidget *row;
  GtkWidget *value;
  GtkWidget *delta;
  GtkWidget *bar;
  GtkWidget *explanation;
  char      *value_text;
  char      *delta_text;
} ElementRow;

struct _MwScorePanel
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkLabel     *heading_label;
  MwScoreScope *scope;
  GtkLabel     *updating_label;
  GtkLabel     *index_label;
  GtkLabel     *index_delta_label;
  GtkLabel     *index_basis_label;
  GtkWidget    *clear_baseline_button;
  GtkWidget    *preview_box;
  GtkLabel     *preview_label;
  GtkLabel     *context_label;
  GtkLabel     *reason_label;
  MwScoreRadar *radar;
  GtkListBox   *element_list;
  AdwPreferencesGroup *explain_group;
  GtkListBox   *factor_list;
  GtkLabel     *actors_heading;
  GtkListBox   *actor_list;
  GtkListBox   *measure_list;
  AdwPreferencesGroup *suggest_group;
  GtkListBox   *suggest_list;

  /* borrowed */
  MwCanvas     *canvas;

  /* owned */
  MwDocument   *document;  /* (nullable) the window's: it owns the scorer */

  MwScorer     *scorer;    /* (nullable) the document's, reffed */
  MwScorer     *shown;     /* (nullable) the scope's: the document's or the filtered view's, reffed */
  MwScores     *baseline;
  MwScores     *preview;   /* (nullable) the scores of a what-if */
  GPtrArray    *suggestions;  /* MwSuggestion, for the network as it is */
  GCancellable *suggest_cancellable;
  ElementRow    elements[MW_N_ELEMENTS];
  GtkWidget    *measures[MW_N_SCORE_MEASURES];
  int           element;  /* the one explained, or -1 */
  int           factor;   /* its factor highlighted, or -1 for all */
  gboolean      highlighting;
  guint         updating_id;
};

G_DEFINE_FINAL_TYPE (MwScorePanel, mw_score_panel, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* "+4", "−3" or "±0", coloured when it matters. */
static char *
format_delta (GtkWidget *label,
              double     now,
              double     before)
{
  double delta = round (now) - round (before);

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (delta > 0)
    gtk_widget_add_css_class (label, "success");
  else if (delta < 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_add_css_class (label, "dim-label");

  if (delta > 0)
    return g_strdup_printf ("+%.0f", delta);
  if (delta < 0)
    return g_strdup_printf ("−%.0f", -delta);
  return g_strdup ("±0");
}

/* What the changes are measured from: the network as it is while a
 * what-if is previewed, else the baseline (nullable). */
static MwScores *
reference_scores (MwScorePanel *self)
{
  if (self->preview != NULL)
    return mw_scorer_get_scores (self->shown);
  return self->baseline;
}

static void
build_element_rows (MwScorePanel *self)
{
  g_assert (MW_IS_SCORE_PANEL (self));

  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      ElementRow *row = &self->elements[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (mw_element_get_title (i));

      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      row->delta = gtk_label_new (NULL);
      row->value = gtk_label_new (NULL);
      gtk_widget_add_css_class (row->delta, "numeric");
      gtk_widget_add_css_class (row->delta, "caption");
      gtk_widget_add_css_class (row->value, "numeric");
      gtk_widget_add_css_class (row->value, "heading");
      gtk_box_append (GTK_BOX (top), title);
      gtk_box_append (GTK_BOX (top), row->delta);
      gtk_box_append (GTK_BOX (top), row->value);

      row->bar = gtk_level_bar_new_for_interval (0, 100);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (row->bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (row->bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (row->bar), GTK_LEVEL_BAR_OFFSET_FULL);

      row->explanation = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->explanation), 0);
      gtk_label_set_wrap (GTK_LABEL (row->explanation), TRUE);
      gtk_widget_add_css_class (row->explanation, "dim-label");
      gtk_widget_add_css_class (row->explanation, "caption");

      gtk_box_append (GTK_BOX (box), top);
      gtk_box_append (GTK_BOX (box), row->bar);
      gtk_box_append (GTK_BOX (box), row->explanation);
      row->row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row->bar),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
      gtk_list_box_append (self->element_list, row->row);
    }
}

static void
show_element (MwScorePanel *self,
              MwElement     element,
              MwScores     *scores)
{
  ElementRow *row = &self->elements[element];
  double value = mw_scores_get_score (scores, element);
  gboolean measurable = mw_scores_is_measurable (scores, element);
  MwScores *reference = reference_scores (self);
  GPtrArray *factors = mw_scores_get_factors (scores, element);
  const char *explanation = factors->len > 0 ? ((MwFactor *)g_ptr_array_index (factors, 0))->text : "";
  g_autofree char *description = NULL;

  g_assert (MW_IS_SCORE_PANEL (self));

  /* Not measurable: no number at all, and the sentence says what to add. */
  if (!measurable)
    explanation = mw_scores_get_evidence (scores, element)->reason;
  g_free (row->value_text);
  row->value_text = measurable ? g_strdup_printf ("%.0f", value) : g_strdup ("—");
  gtk_label_set_label (GTK_LABEL (row->value), row->value_text);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (row->bar), value);
  gtk_widget_set_visible (row->bar, measurable);
  gtk_label_set_label (GTK_LABEL (row->explanation), explanation);

  g_clear_pointer (&row->delta_text, g_free);
  if (reference != NULL && measurable && mw_scores_is_measurable (reference, element))
    row->delta_text = format_delta (row->delta, value, mw_scores_get_score (reference, element));
  gtk_label_set_label (GTK_LABEL (row->delta), row->delta_text);
  gtk_widget_set_visible (row->delta, row->delta_text != NULL);

  if (!measurable)
    /* Translators: an element without a score, for screen readers, "Global purpose mindset: not measurable" */
    description = g_strdup_printf (_("%s: not measurable"), mw_element_get_title (element));
  else if (row->delta_text != NULL)
    /* Translators: an element's score and its change for screen readers,
     * "Spontaneous collaboration: 64 of 100 (+4)" */
    description = g_strdup_printf (_("%s: %.0f of 100 (%s)"), mw_element_get_title (element), value,
                                   row->delta_text);
  else
    /* Translators: an element's score for screen readers, "Spontaneous collaboration: 64 of 100" */
    description = g_strdup_printf (_("%s: %.0f of 100"), mw_element_get_title (element), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation, -1);
}

static void
show_context (MwScorePanel *self,
              MwScores     *scores)
{
  double confidence = mw_scores_get_context_confidence (scores);
  g_autofree char *text = NULL;

  g_assert (MW_IS_SCORE_PANEL (self));

  /* Translators: "Closest context: Nimble network (72% confident)" */
  text = g_strdup_printf (_("Closest context: %s (%.0f%% confident)"),
                          mw_score_context_get_title (mw_scores_get_context (scores)),
                          confidence * 100);
  gtk_label_set_label (self->context_label, text);
  gtk_label_set_label (self->reason_label, mw_scores_get_context_reason (scores));
}

static void
show_index (MwScorePanel *self,
            MwScores     *scores)
{
  g_autofree char *index = g_strdup_printf ("%.0f", mw_scores_get_index (scores));
  g_autofree char *delta = NULL;
  g_autofree char *accessible = NULL;
  guint n_measurable = mw_scores_get_n_measurable (scores);
  /* Translators: what the index is the mean of, "from 3 of 5 elements" */
  g_autofree char *basis = g_strdup_printf (ngettext ("from %u of 5 elements", "from %u of 5 elements",
                                                         n_measurable),
                                            n_measurable);

  g_assert (MW_IS_SCORE_PANEL (self));

  gtk_label_set_label (self->index_label, index);
  if (reference_scores (self) != NULL)
    {
      g_autofree char *change = format_delta (GTK_WIDGET (self->index_delta_label),
                                              mw_scores_get_index (scores),
                                              mw_scores_get_index (reference_scores (self)));
      if (self->preview != NULL)
        /* Translators: how the index would change in a what-if, "−6 if they left" */
        delta = g_strdup_printf (_("%s if they left"), change);
      else
        /* Translators: the change of the index since the baseline, "+4 since the baseline" */
        delta = g_strdup_printf (_("%s since the baseline"), change);
    }
  gtk_label_set_label (self->index_delta_label, delta);
  if (self->scorer != NULL && mw_interpret_is_guessed (mw_scorer_get_network (self->scorer)))
    {
      /* The scores of a file from another tool rest on tie types guessed from its arrows. */
      g_autofree char *guessed = g_strdup_printf ("%s\n%s", basis, _("The tie types are guessed: interpret the network"));

      g_free (basis);
      basis = g_steal_pointer (&guessed);
    }
  gtk_label_set_label (self->index_basis_label, basis);

  /* Translators: the distributed leadership index for screen readers */
  accessible = g_strdup_printf (_("Distributed leadership index %s of 100"), index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->index_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
add_actor_row (MwScorePanel *self,
               MwActor      *actor)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (actor->label, -1);
  g_autofree char *subtitle = g_markup_escape_text (actor->unit, -1);

  g_assert (MW_IS_SCORE_PANEL (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("find-location-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Select and show on the network"));
  g_object_set_data_full (G_OBJECT (row), "actor-id", g_strdup (actor->id), g_free);
  gtk_list_box_append (self->actor_list, row);
}

/* Lists the actors behind the highlight, at most MAX_LISTED_ACTORS. */
static void
list_highlighted_actors (MwScorePanel *self)
{
  g_autoptr(GPtrArray) actors = mw_canvas_get_highlighted_actors (self->canvas);
  g_autofree char *heading = NULL;

  g_assert (MW_IS_SCORE_PANEL (self));

  clear_list (self->actor_list);
  for (guint i = 0; i < actors->len && i < MAX_LISTED_ACTORS; i++)
    add_actor_row (self, g_ptr_array_index (actors, i));

  if (actors->len > MAX_LISTED_ACTORS)
    /* Translators: heading of the list of actors behind a score, when it is cut short */
    heading = g_strdup_printf (_("People and Groups (first %u of %u)"), MAX_LISTED_ACTORS, actors->len);
  else
    /* Translators: heading of the list of actors behind a score */
    heading = g_strdup_printf (_("People and Groups (%u)"), actors->len);
  gtk_label_set_label (self->actors_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->actors_heading), actors->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->actor_list), actors->len > 0);
}

static void
add_factor_row (MwScorePanel *self,
                MwFactor     *factor,
                guint         index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (factor->text, -1);
  guint n = g_strv_length (factor->actor_ids) + g_strv_length (factor->tie_ids);

  g_assert (MW_IS_SCORE_PANEL (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), n > 0);
  if ((int)index == self->factor)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  g_object_set_data (G_OBJECT (row), "factor", GUINT_TO_POINTER (index));
  gtk_list_box_append (self->factor_list, row);
}

/* Highlights what explains the chosen element (or one factor of it) and
 * lists it in the panel. */
static void mark_explained_row (MwScorePanel *self);

static void
show_explanation (MwScorePanel *self)
{
  MwScores *scores = self->shown != NULL ? mw_scorer_get_scores (self->shown) : NULL;
  g_autoptr(GPtrArray) actor_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) tie_ids = g_ptr_array_new ();
  GPtrArray *factors;

  g_assert (MW_IS_SCORE_PANEL (self));

  if (self->element < 0 || scores == NULL)
    return;

  factors = mw_scores_get_factors (scores, self->element);
  if (self->factor >= (int)factors->len)
    self->factor = -1;

  clear_list (self->factor_list);
  for (guint i = 0; i < factors->len; i++)
    {
      MwFactor *factor = g_ptr_array_index (factors, i);

      add_factor_row (self, factor, i);
      if (self->factor >= 0 && (int)i != self->factor)
        continue;
      for (guint j = 0; factor->actor_ids[j] != NULL; j++)
        g_ptr_array_add (actor_ids, factor->actor_ids[j]);
      for (guint j = 0; factor->tie_ids[j] != NULL; j++)
        g_ptr_array_add (tie_ids, factor->tie_ids[j]);
    }
  g_ptr_array_add (actor_ids, NULL);
  g_ptr_array_add (tie_ids, NULL);

  adw_preferences_group_set_title (self->explain_group, mw_element_get_title (self->element));
  adw_preferences_group_set_description (self->explain_group,
                                         _("Select a line to show only what it is about"));
  gtk_widget_set_visible (GTK_WIDGET (self->explain_group), TRUE);

  self->highlighting = TRUE;
  mw_canvas_set_highlight (self->canvas, (const char * const *)actor_ids->pdata,
                           (const char * const *)tie_ids->pdata);
  self->highlighting = FALSE;
  list_highlighted_actors (self);
}

/* The scores shown, filled, and what their changes are measured from
 * outlined over them. */
static void
show_radar (MwScorePanel *self,
            MwScores     *scores)
{
  MwScores *reference = reference_scores (self);

  g_assert (MW_IS_SCORE_PANEL (self));

  if (reference == NULL)
    mw_score_radar_set_scores (self->radar, scores, NULL, NULL, NULL);
  else if (self->preview != NULL)
    /* Translators: the radar chart's legend while a what-if is previewed */
    mw_score_radar_set_scores (self->radar, scores, C_("radar", "Preview"), reference, C_("radar", "Now"));
  else
    mw_score_radar_set_scores (self->radar, scores, C_("radar", "Now"), reference, C_("radar", "Baseline"));
}

static void
refresh (MwScorePanel *self)
{
  MwScores *scores = self->shown != NULL ? mw_scorer_get_scores (self->shown) : NULL;

  g_assert (MW_IS_SCORE_PANEL (self));

  if (self->preview != NULL)
    scores = self->preview;
  gtk_widget_set_visible (self->preview_box, self->preview != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scores.end-preview", self->preview != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scores.set-baseline", scores != NULL && self->preview == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scores.clear-baseline", self->baseline != NULL);
  gtk_widget_set_visible (self->clear_baseline_button, self->baseline != NULL);
  if (scores == NULL)
    return;

  show_index (self, scores);
  show_radar (self, scores);
  show_context (self, scores);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    show_element (self, i, scores);
  _mw_score_panel_show_measures (self->measures, scores);
  if (self->element >= 0)
    show_explanation (self);
}

static void
show_suggestions (MwScorePanel *self)
{
  g_assert (MW_IS_SCORE_PANEL (self));

  clear_list (self->suggest_list);
  for (guint i = 0; i < self->suggestions->len; i++)
    {
      MwSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *apply = gtk_button_new_with_label (_("Apply"));
      g_autofree char *title = g_markup_escape_text (suggestion->text, -1);
      /* Small gains keep two digits: one tie among thousands moves a score by hundredths. */
      int digits = suggestion->gain >= 1.0 ? 0 : suggestion->gain >= 0.1 ? 1 : 2;
      /* Translators: a suggestion's predicted effect, "+6 Multi-directional influence, index +1";
       * %.*f is a number with the given digits after the decimal point */
      g_autofree char *subtitle = g_strdup_printf (_("+%.*f %s, index %+.*f"), digits, suggestion->gain,
                                                   mw_element_get_title (suggestion->element),
                                                   digits, suggestion->index_gain);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (apply, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (apply), "scores.apply-suggestion");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (apply), "u", i);
      gtk_widget_set_tooltip_text (apply, _("Add this tie (it can be undone)"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), apply);
      gtk_list_box_append (self->suggest_list, row);
    }
  if (self->suggestions->len > 0)
    {
      MwSuggestion *first = g_ptr_array_index (self->suggestions, 0);
      /* Translators: under the Suggestions heading, "Ties that would raise the weakest element, Peer mitigation of risk, most" */
      g_autofree char *description = g_strdup_printf (_("Ties that would raise the weakest element, %s, most"),
                                                      mw_element_get_title (first->element));
      adw_preferences_group_set_description (self->suggest_group, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggest_group), self->suggestions->len > 0 && self->preview == NULL);
}

static void
suggest_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = mw_suggest_finish (result, &error);
  MwScorePanel *self;

  /* Cancelled: the network changed since, or the panel is gone. */
  if (suggestions == NULL)
    return;

  self = MW_SCORE_PANEL (user_data);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = g_steal_pointer (&suggestions);
  show_suggestions (self);
}

/* Suggestions are worked out in a worker, for the network as it is now. */
static void
start_suggesting (MwScorePanel *self)
{
  /* The filtered view's scores are of a view of their own (NULL before the first). */
  MwNetwork *network = mw_scorer_get_scored_network (self->shown);

  g_assert (MW_IS_SCORE_PANEL (self));

  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  g_ptr_array_set_size (self->suggestions, 0);
  show_suggestions (self);
  if (network == NULL || mw_network_get_n_actors (network) == 0 || mw_network_get_n_actors (network) > MAX_SUGGEST_ACTORS)
    return;

  self->suggest_cancellable = g_cancellable_new ();
  mw_suggest_async (network, MW_SUGGEST_MAX, self->suggest_cancellable, suggest_cb, self);
}

/* An edit ends a what-if: it was about the network before the edit. */
static void
scores_cb (MwScorePanel *self)
{
  MwScores *scores = mw_scorer_get_scores (self->shown);

  g_clear_pointer (&self->preview, mw_scores_unref);
  /* A screen reader hears the change on the canvas, which keeps the focus. */
  if (self->canvas != NULL && scores != NULL)
    mw_canvas_announce_score (self->canvas, _("Index"), mw_scores_get_index (scores));
  refresh (self);
  start_suggesting (self);
}

static void
apply_suggestion (MwScorePanel *self,
                  guint         index)
{
  MwSuggestion *suggestion;
  MwHistory *history = mw_canvas_get_history (self->canvas);
  MwNetwork *network = mw_history_get_network (history);
  MwActor *from, *to;
  MwEdit *edit;

  g_assert (MW_IS_SCORE_PANEL (self));

  if (index >= self->suggestions->len)
    return;
  suggestion = g_ptr_array_index (self->suggestions, index);
  from = mw_network_lookup_actor (network, suggestion->from_id);
  to = mw_network_lookup_actor (network, suggestion->to_id);
  if (from == NULL || to == NULL || mw_history_is_editing (history))
    return;

  edit = mw_history_begin (history, _("Apply Suggestion"));
  mw_edit_add_tie (edit, from, to, suggestion->type, 1.0, NULL);
  mw_history_commit (history, edit);
}

static gboolean
show_updating_cb (gpointer user_data)
{
  MwScorePanel *self = user_data;

  self->updating_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->updating_label), TRUE);
  return G_SOURCE_REMOVE;
}

/* Says "Updating…" only when scoring takes long enough to be noticed, so
 * small networks never flicker. */
static void
busy_cb (MwScorePanel *self)
{
  g_assert (MW_IS_SCORE_PANEL (self));

  g_clear_handle_id (&self->updating_id, g_source_remove);
  if (mw_scorer_get_busy (self->shown))
    self->updating_id = g_timeout_add (UPDATING_DELAY_MS, show_updating_cb, self);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->updating_label), FALSE);
}

/* The document owns the scorer (so export and compare share it); the canvas
 * only shows the document's network once the window has given it one. */
static MwScorer *
find_scorer (MwScorePanel *self,
             MwNetwork    *network)
{
  g_assert (MW_IS_SCORE_PANEL (self));

  if (self->document == NULL || mw_document_get_network (self->document) != network)
    return NULL;
  return mw_document_get_scorer (self->document);
}

/* The heading says which network the scores are of. */
static void
show_heading (MwScorePanel *self)
{
  gboolean filtered = mw_score_scope_get_filtered (self->scope);

  gtk_label_set_label (self->heading_label, filtered ? _("Distributed Leadership of the Filtered View")
                                                     : _("Distributed Leadership"));
}

/* The scores on show come from another scorer: the document's, or the
 * filtered view's, made again when the filter or the network changes.
 * What is explained stays explained, in the new scores. */
static void
shown_cb (MwScorePanel *self)
{
  MwScorer *shown = mw_score_scope_get_scorer (self->scope);

  g_assert (MW_IS_SCORE_PANEL (self));

  show_heading (self);
  if (self->shown == shown)
    return;
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_set_object (&self->shown, shown);
  g_clear_pointer (&self->preview, mw_scores_unref);
  if (shown == NULL)
    {
      g_clear_handle_id (&self->updating_id, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->updating_label), FALSE);
      refresh (self);
      return;
    }
  g_signal_connect_object (shown, "notify::scores", G_CALLBACK (scores_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (shown, "notify::busy", G_CALLBACK (busy_cb), self, G_CONNECT_SWAPPED);
  busy_cb (self);
  refresh (self);
  start_suggesting (self);
}

/* The canvas shows another network (a file was opened into the window). */
static void
history_cb (MwScorePanel *self)
{
  MwNetwork *network = mw_history_get_network (mw_canvas_get_history (self->canvas));
  MwScorer *scorer = find_scorer (self, network);

  g_assert (MW_IS_SCORE_PANEL (self));

  if (self->scorer == scorer)
    return;

  g_set_object (&self->scorer, scorer);
  self->element = -1;
  self->factor = -1;
  mark_explained_row (self);
  gtk_widget_set_visible (GTK_WIDGET (self->explain_group), FALSE);
  mw_score_scope_set_whole (self->scope, scorer);
  shown_cb (self);
}

/* The element on show on the canvas keeps its row marked, so people see
 * which score the highlighted actors and ties explain. */
static void
mark_explained_row (MwScorePanel *self)
{
  for (int i = 0; i < MW_N_ELEMENTS; i++)
    {
      if (i == self->element)
        gtk_widget_add_css_class (self->elements[i].row, "explained");
      else
        gtk_widget_remove_css_class (self->elements[i].row, "explained");
    }
}

static void
end_explanation (MwScorePanel *self)
{
  g_assert (MW_IS_SCORE_PANEL (self));

  self->element = -1;
  self->factor = -1;
  mark_explained_row (self);
  gtk_widget_set_visible (GTK_WIDGET (self->explain_group), FALSE);
  clear_list (self->actor_list);
  clear_list (self->factor_list);
}

/* Escape on the canvas ends the explanation too. */
static void
highlight_changed_cb (MwScorePanel *self)
{
  g_assert (MW_IS_SCORE_PANEL (self));

  if (!self->highlighting && !mw_canvas_has_highlight (self->canvas))
    end_explanation (self);
}

static void
element_activated_cb (MwScorePanel  *self,
                      GtkListBoxRow *row)
{
  mw_score_panel_explain (self, gtk_list_box_row_get_index (row), -1);
}

static void
factor_activated_cb (MwScorePanel  *self,
                     GtkListBoxRow *row)
{
  int factor = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "factor"));

  /* Choosing the highlighted factor again goes back to all of them. */
  mw_score_panel_explain (self, self->element, factor == self->factor ? -1 : factor);
}

static void
actor_activated_cb (MwScorePanel  *self,
                    GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "actor-id");
  MwNetwork *network = mw_scorer_get_network (self->scorer);

  /* The filtered view keeps the ids: the actor is found in the network. */
  MwActor *actor = mw_network_lookup_actor (network, id);

  if (actor != NULL)
    mw_canvas_select_and_center (self->canvas, actor);
}

static void
panel_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  MwScorePanel *self = MW_SCORE_PANEL (widget);

  if (g_str_equal (name, "scores.set-baseline"))
    mw_score_panel_set_baseline (self, mw_scorer_get_scores (self->shown));
  else if (g_str_equal (name, "scores.clear-baseline"))
    mw_score_panel_set_baseline (self, NULL);
  else if (g_str_equal (name, "scores.apply-suggestion"))
    apply_suggestion (self, g_variant_get_uint32 (param));
  else if (g_str_equal (name, "scores.end-preview"))
    mw_score_panel_preview_without (self, NULL);
  else if (g_str_equal (name, "scores.clear-highlight") && self->canvas != NULL)
    {
      mw_canvas_clear_highlight (self->canvas);
      end_explanation (self);
    }
}

static void
mw_score_panel_dispose (GObject *object)
{
  MwScorePanel *self = (MwScorePanel *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->updating_id, g_source_remove);
  g_cancellable_cancel (self->suggest_cancellable);
  g_clear_object (&self->suggest_cancellable);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->scorer);
  g_clear_object (&self->document);
  g_clear_pointer (&self->baseline, mw_scores_unref);
  g_clear_pointer (&self->preview, mw_scores_unref);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      g_clear_pointer (&self->elements[i].value_text, g_free);
      g_clear_pointer (&self->elements[i].delta_text, g_free);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_SCORE_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mw_score_panel_parent_class)->dispose (object);
}

static void
mw_score_panel_class_init (MwScorePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_score_panel_dispose;

  g_type_ensure (MW_TYPE_SCORE_RADAR);
  g_type_ensure (MW_TYPE_SCORE_SCOPE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-score-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, scope);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, updating_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, index_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, index_delta_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, index_basis_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, clear_baseline_button);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, preview_box);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, preview_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, context_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, reason_label);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, radar);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, element_list);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, explain_group);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, factor_list);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, actors_heading);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, actor_list);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, measure_list);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, suggest_group);
  gtk_widget_class_bind_template_child (widget_class, MwScorePanel, suggest_list);
  gtk_widget_class_bind_template_callback (widget_class, element_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, factor_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, actor_activated_cb);

  gtk_widget_class_install_action (widget_class, "scores.set-baseline", NULL, panel_action);
  gtk_widget_class_install_action (widget_class, "scores.clear-baseline", NULL, panel_action);
  gtk_widget_class_install_action (widget_class, "scores.end-preview", NULL, panel_action);
  gtk_widget_class_install_action (widget_class, "scores.apply-suggestion", "u", panel_action);
  gtk_widget_class_install_action (widget_class, "scores.clear-highlight", NULL, panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "scores.clear-highlight", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mw_score_panel_init (MwScorePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_suggestion_free);
  self->element = -1;
  self->factor = -1;
  build_element_rows (self);
  _mw_score_panel_build_measure_rows (self->measure_list, self->measures);
  g_signal_connect_object (self->scope, "notify::scorer", G_CALLBACK (shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scope, "notify::filtered", G_CALLBACK (show_heading), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scores"), -1);
  refresh (self);
}

GtkWidget *
mw_score_panel_new (void)
{
  return g_object_new (MW_TYPE_SCORE_PANEL, NULL);
}

/* Scores the network @canvas edits, and explains the scores on it. */
void
mw_score_panel_set_canvas (MwScorePanel *self,
                           MwCanvas     *canvas)
{
  g_return_if_fail (MW_IS_SCORE_PANEL (self));
  g_return_if_fail (MW_IS_CANVAS (canvas));

  self->canvas = canvas;
  g_signal_connect_object (canvas, "notify::history", G_CALLBACK (history_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "highlight-changed", G_CALLBACK (highlight_changed_cb),
                           self, G_CONNECT_SWAPPED);
  history_cb (self);
}

/**
 * mw_score_panel_set_document:
 * @document: (nullable): the window's document, whose scorer the panel shows
 *
 * Call it before the canvas is given the document's history, so that the
 * panel finds the scorer when the canvas changes network.
 */
void
mw_score_panel_set_document (MwScorePanel *self,
                             MwDocument   *document)
{
  g_return_if_fail (MW_IS_SCORE_PANEL (self));
  g_return_if_fail (document == NULL || MW_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  if (self->canvas != NULL)
    history_cb (self);
}

/**
 * mw_score_panel_get_scorer:
 *
 * Returns: (transfer none) (nullable): what keeps the scores current: the
 *   scorer of the window's document (mw_document_get_scorer())
 */
MwScorer *
mw_score_panel_get_scorer (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return self->scorer;
}

/**
 * mw_score_panel_get_baseline:
 *
 * Returns: (transfer none) (nullable): the scores changes are shown against
 */
MwScores *
mw_score_panel_get_baseline (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return self->baseline;
}

/* Pins @baseline (nullable): every score then shows its change since. */
void
mw_score_panel_set_baseline (MwScorePanel *self,
                             MwScores     *baseline)
{
  g_return_if_fail (MW_IS_SCORE_PANEL (self));

  if (baseline == self->baseline)
    return;
  if (baseline != NULL)
    mw_scores_ref (baseline);
  g_clear_pointer (&self->baseline, mw_scores_unref);
  self->baseline = baseline;
  refresh (self);
}

/**
 * mw_score_panel_explain:
 * @element: an #MwElement, or -1 to stop explaining
 * @factor: one of its factors, or -1 for all of them
 *
 * Highlights on the canvas the actors and ties behind the score.
 */
void
mw_score_panel_explain (MwScorePanel *self,
                        int           element,
                        int           factor)
{
  g_return_if_fail (MW_IS_SCORE_PANEL (self));
  g_return_if_fail (element < MW_N_ELEMENTS);

  if (element < 0)
    {
      mw_canvas_clear_highlight (self->canvas);
      end_explanation (self);
      return;
    }
  self->element = element;
  self->factor = factor;
  mark_explained_row (self);
  show_explanation (self);
}

int
mw_score_panel_get_explained_element (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), -1);
  return self->element;
}

/* What the panel shows, for tests and screen readers. */
const char *
mw_score_panel_get_value_text (MwScorePanel *self,
                               MwElement     element)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);
  return self->elements[element].value_text;
}

/* (nullable): "+4", "−3", "±0"; %NULL without a baseline */
const char *
mw_score_panel_get_delta_text (MwScorePanel *self,
                               MwElement     element)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);
  return self->elements[element].delta_text;
}

const char *
mw_score_panel_get_index_text (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return gtk_label_get_label (self->index_label);
}

/* "from 3 of 5 elements": what the index rests on. */
const char *
mw_score_panel_get_index_basis_text (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return gtk_label_get_label (self->index_basis_label);
}

GtkListBox *
mw_score_panel_get_element_list (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return self->element_list;
}

GtkListBox *
mw_score_panel_get_actor_list (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return self->actor_list;
}

/* "Ann", "Ann and Bob", "Ann, Bob and 3 others" */
static char *
describe_leavers (MwNetwork          *network,
                  const char * const *actor_ids)
{
  guint n = g_strv_length ((char **)actor_ids);
  const char *names[2] = { NULL, NULL };

  for (guint i = 0; i < n && i < 2; i++)
    {
      MwActor *actor = mw_network_lookup_actor (network, actor_ids[i]);
      names[i] = actor != NULL ? actor->label : actor_ids[i];
    }
  if (n == 1)
    return g_strdup (names[0]);
  if (n == 2)
    /* Translators: two people in a what-if, "Ann and Bob" */
    return g_strdup_printf (_("%s and %s"), names[0], names[1]);
  /* Translators: many people in a what-if, "Ann, Bob and 3 others" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s and %u other", "%s, %s and %u others", n - 2),
                          names[0], names[1], n - 2);
}

/**
 * mw_score_panel_preview_without:
 * @actor_ids: (nullable): the actors who would leave; %NULL ends the preview
 *
 * Shows the scores the network would have without these actors, as changes
 * from its scores now. The document is not touched; the next edit ends the
 * preview.
 */
void
mw_score_panel_preview_without (MwScorePanel       *self,
                                const char * const *actor_ids)
{
  MwNetwork *network;
  g_autoptr(MwNetwork) copy = NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (MW_IS_SCORE_PANEL (self));

  g_clear_pointer (&self->preview, mw_scores_unref);
  network = self->shown != NULL ? mw_scorer_get_scored_network (self->shown) : NULL;
  if (actor_ids == NULL || actor_ids[0] == NULL || network == NULL)
    {
      refresh (self);
      return;
    }

  copy = mw_network_copy (network);
  for (guint i = 0; actor_ids[i] != NULL; i++)
    {
      MwActor *actor = mw_network_lookup_actor (copy, actor_ids[i]);
      if (actor != NULL)
        mw_network_remove_actor (copy, actor);
    }
  self->preview = mw_scores_compute (copy);

  names = describe_leavers (network, actor_ids);
  /* Translators: the heading of a what-if, "If Ann and Bob left" */
  text = g_strdup_printf (_("If %s left"), names);
  gtk_label_set_label (self->preview_label, text);
  refresh (self);
}

/* TRUE while a what-if is shown. */
gboolean
mw_score_panel_get_previewing (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), FALSE);
  return self->preview != NULL;
}

/**
 * mw_score_panel_get_suggestions:
 *
 * Returns: (transfer none) (element-type MwSuggestion): the suggestions
 *   shown, empty while they are worked out
 */
GPtrArray *
mw_score_panel_get_suggestions (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return self->suggestions;
}

/**
 * mw_score_panel_set_filter:
 * @filter: (nullable): the filter the canvas shows; %NULL or one that fades
 *   nothing when it is off
 *
 * While a filter is on, the panel offers the scores of the filtered view
 * and says which ones it shows; off, it shows the whole network's.
 */
void
mw_score_panel_set_filter (MwScorePanel   *self,
                           const MwFilter *filter)
{
  g_return_if_fail (MW_IS_SCORE_PANEL (self));

  mw_score_scope_set_filter (self->scope, filter);
}

/**
 * mw_score_panel_get_shown_scorer:
 *
 * Returns: (transfer none) (nullable): the scorer whose scores are on
 *   show: the filtered view's while it is chosen, else the document's
 */
MwScorer *
mw_score_panel_get_shown_scorer (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), NULL);
  return self->shown;
}

/* Returns: whether the scores on show are the filtered view's */
gboolean
mw_score_panel_get_showing_filtered (MwScorePanel *self)
{
  g_return_val_if_fail (MW_IS_SCORE_PANEL (self), FALSE);
  return mw_score_scope_get_filtered (self->scope);
}
