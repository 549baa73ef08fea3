/* mw-compare-view.c: two networks side by side, their scores and differences
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Left, the window's own canvas (the window lends it: edits still work);
 * right, the other network, read-only. What only one of them has is marked
 * on its canvas (see mw-compare.h) and the scores of both are set side by
 * side with the difference. Each side's scores come from its document's
 * scorer (the left one is the score panel's too), so they follow every edit
 * without scoring twice.
 */

#define G_LOG_DOMAIN "meshwork-compare"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-compare-view.h"

typedef struct
{
  GtkWidget *title;
  GtkWidget *value[MW_N_COMPARE_SIDES];
  GtkWidget *delta;
  char      *value_text[MW_N_COMPARE_SIDES];
  char      *delta_text;
} Row;

struct _MwCompareView
{
  GtkWidget       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *this_title;
  GtkLabel       *other_title;
  GtkLabel       *this_legend;
  GtkLabel       *other_legend;
  GtkWidget      *this_swatch;
  GtkWidget      *other_swatch;
  GtkBox         *live_slot;
  GtkBox         *pair_box;
  GtkWidget      *pair_separator;
  MwCanvas       *other_canvas;
  GtkGrid        *score_grid;

  /* borrowed while comparing */
  MwCanvas       *canvas;

  /* owned */
  MwNetwork      *network;         /* the canvas's */
  MwScorer       *scorer;          /* the score panel's, reffed */
  MwDocument     *other;
  MwScorer       *other_scorer;
  MwComparison   *comparison;
  guint           compare_id;
  guint           orient_id;
  Row             rows[MW_N_COMPARE_ROWS];
};

G_DEFINE_FINAL_TYPE (MwCompareView, mw_compare_view, GTK_TYPE_WIDGET)

/* Which way is better: +1 higher, −1 lower (a score that is more
 * distributed), 0 neither. */
static const struct
{
  const char *title;
  int         better;
} measure_rows[] = {
  [MW_COMPARE_ROW_CENTRALIZATION - MW_COMPARE_ROW_CENTRALIZATION] = { N_("Centralization"), -1 },
  [MW_COMPARE_ROW_DENSITY - MW_COMPARE_ROW_CENTRALIZATION] = { N_("Density"), +1 },
  [MW_COMPARE_ROW_RECIPROCITY - MW_COMPARE_ROW_CENTRALIZATION] = { N_("Reciprocity"), +1 },
  [MW_COMPARE_ROW_EFFICIENCY - MW_COMPARE_ROW_CENTRALIZATION] = { N_("Efficiency"), +1 },
  [MW_COMPARE_ROW_ARTICULATION - MW_COMPARE_ROW_CENTRALIZATION] = { N_("Single Points of Failure"), -1 },
  [MW_COMPARE_ROW_DEPTH - MW_COMPARE_ROW_CENTRALIZATION] = { N_("Levels of Hierarchy"), -1 },
};

static int
row_better (MwCompareRow row)
{
  if (row >= MW_COMPARE_ROW_CENTRALIZATION && row <= MW_COMPARE_ROW_DEPTH)
    return measure_rows[row - MW_COMPARE_ROW_CENTRALIZATION].better;
  return +1;
}

/* The figure a row shows, rounded as shown: differences are taken between
 * what the user reads. */
static double
row_value (MwScores     *scores,
           MwCompareRow  row)
{
  const MwMeasures *m = mw_scores_get_measures (scores);

  switch ((int)row)
    {
    case MW_COMPARE_ROW_INDEX:          return round (mw_scores_get_index (scores));
    case MW_COMPARE_ROW_CENTRALIZATION: return round (m->centralization * 100) / 100;
    case MW_COMPARE_ROW_DENSITY:        return round (m->density * 100) / 100;
    case MW_COMPARE_ROW_RECIPROCITY:    return round (m->reciprocity * 100) / 100;
    case MW_COMPARE_ROW_EFFICIENCY:     return round (m->efficiency * 100) / 100;
    case MW_COMPARE_ROW_ARTICULATION:   return m->articulation_points;
    case MW_COMPARE_ROW_DEPTH:          return m->hierarchy_depth;
    default:
      g_assert (row >= MW_COMPARE_ROW_ELEMENT && row < MW_COMPARE_ROW_ELEMENT + MW_N_ELEMENTS);
      return round (mw_scores_get_score (scores, row - MW_COMPARE_ROW_ELEMENT));
    }
}

/* An element without the data it needs has no figure (docs/scoring.md):
 * a dash, as in the score panel, never 0. */
static gboolean
row_measurable (MwScores     *scores,
                MwCompareRow  row)
{
  if (row < MW_COMPARE_ROW_ELEMENT || row >= MW_COMPARE_ROW_ELEMENT + MW_N_ELEMENTS)
    return TRUE;
  return mw_scores_is_measurable (scores, row - MW_COMPARE_ROW_ELEMENT);
}

static gboolean
row_has_decimals (MwCompareRow row)
{
  return row >= MW_COMPARE_ROW_CENTRALIZATION && row <= MW_COMPARE_ROW_EFFICIENCY;
}

/**
 * mw_compare_view_format_value:
 *
 * Returns: (transfer full): a row's figure as the table shows it
 */
char *
mw_compare_view_format_value (MwScores     *scores,
                              MwCompareRow  row)
{
  g_return_val_if_fail (scores != NULL, NULL);
  g_return_val_if_fail (row < MW_N_COMPARE_ROWS, NULL);

  if (row == MW_COMPARE_ROW_CONTEXT)
    return g_strdup (mw_score_context_get_title (mw_scores_get_context (scores)));
  if (!row_measurable (scores, row))
    return g_strdup ("—");
  if (row_has_decimals (row))
    return g_strdup_printf ("%.2f", row_value (scores, row));
  return g_strdup_printf ("%.0f", row_value (scores, row));
}

static void
set_delta_style (GtkWidget  *label,
                 const char *style)
{
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

/* "↑ +4" in green when this network is better there, "↓ −0.12" in red when
 * worse; the arrow gives the direction to those who do not see colours, and
 * screen readers hear words. */
static void
show_delta (MwCompareView *self,
            MwCompareRow   row,
            MwScores      *this_scores,
            MwScores      *other_scores)
{
  Row *r = &self->rows[row];
  g_autofree char *accessible = NULL;
  double delta;

  g_clear_pointer (&r->delta_text, g_free);
  if (row == MW_COMPARE_ROW_CONTEXT)
    {
      gboolean same = mw_scores_get_context (this_scores) == mw_scores_get_context (other_scores);

      r->delta_text = g_strdup (same ? _("Same") : _("Differs"));
      set_delta_style (r->delta, "dim-label");
      accessible = g_strdup (same ? _("The same context") : _("A different context"));
    }
  else if (!row_measurable (this_scores, row) || !row_measurable (other_scores, row))
    {
      r->delta_text = g_strdup ("—");
      set_delta_style (r->delta, "dim-label");
      accessible = g_strdup (_("Not measurable in one of the networks: no difference to show"));
    }
  else
    {
      const char *format = row_has_decimals (row) ? "%s %s%.2f" : "%s %s%.0f";
      int better = row_better (row);

      delta = row_value (this_scores, row) - row_value (other_scores, row);
      if (fabs (delta) < 0.005)
        {
          r->delta_text = g_strdup ("±0");
          set_delta_style (r->delta, "dim-label");
          accessible = g_strdup (_("No difference"));
        }
      else
        {
          g_autofree char *amount = g_strdup_printf (row_has_decimals (row) ? "%.2f" : "%.0f", fabs (delta));

          r->delta_text = g_strdup_printf (format, delta > 0 ? "↑" : "↓", delta > 0 ? "+" : "−", fabs (delta));
          set_delta_style (r->delta, delta * better > 0 ? "success" : "error");
          if (delta > 0)
            /* Translators: for screen readers, "4 higher than the other network" */
            accessible = g_strdup_printf (_("%s higher than the other network"), amount);
          else
            /* Translators: for screen readers, "0.12 lower than the other network" */
            accessible = g_strdup_printf (_("%s lower than the other network"), amount);
        }
    }
  gtk_label_set_label (GTK_LABEL (r->delta), r->delta_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->delta), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
refresh_scores (MwCompareView *self)
{
  MwScores *scores[MW_N_COMPARE_SIDES] = { NULL, NULL };

  g_assert (MW_IS_COMPARE_VIEW (self));

  if (self->scorer != NULL)
    scores[MW_COMPARE_THIS] = mw_scorer_get_scores (self->scorer);
  if (self->other_scorer != NULL)
    scores[MW_COMPARE_OTHER] = mw_scorer_get_scores (self->other_scorer);

  for (guint row = 0; row < MW_N_COMPARE_ROWS; row++)
    {
      Row *r = &self->rows[row];

      for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
        {
          g_clear_pointer (&r->value_text[side], g_free);
          if (scores[side] != NULL)
            r->value_text[side] = mw_compare_view_format_value (scores[side], row);
          gtk_label_set_label (GTK_LABEL (r->value[side]), r->value_text[side] ? r->value_text[side] : "…");
        }
      if (scores[0] != NULL && scores[1] != NULL)
        show_delta (self, row, scores[0], scores[1]);
      else
        {
          g_clear_pointer (&r->delta_text, g_free);
          gtk_label_set_label (GTK_LABEL (r->delta), "");
        }
    }
}

/* "1 actor and 2 ties", "No differences" */
static char *
describe_only (GStrv actors,
               GStrv ties)
{
  guint n_actors = g_strv_length (actors);
  guint n_ties = g_strv_length (ties);
  g_autofree char *actor_text = NULL;
  g_autofree char *tie_text = NULL;

  actor_text = g_strdup_printf (ngettext ("%u actor", "%u actors", n_actors), n_actors);
  tie_text = g_strdup_printf (ngettext ("%u tie", "%u ties", n_ties), n_ties);
  /* Translators: the legend under each network of a comparison, "Only in this network: 1 actor, 2 ties" */
  return g_strdup_printf (_("Only in this network: %s, %s"), actor_text, tie_text);
}

static void
show_marks (MwCompareView *self)
{
  g_autoptr(MwComparison) old = NULL;
  MwNetwork *other;

  g_assert (MW_IS_COMPARE_VIEW (self));

  if (self->network == NULL || self->other == NULL)
    return;
  other = mw_document_get_network (self->other);
  old = g_steal_pointer (&self->comparison);
  self->comparison = mw_comparison_compute (self->network, other);

  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    {
      MwCanvas *canvas = side == MW_COMPARE_THIS ? self->canvas : self->other_canvas;
      GtkLabel *legend = side == MW_COMPARE_THIS ? self->this_legend : self->other_legend;
      g_auto(GStrv) actors = mw_comparison_dup_marked_actor_ids (self->comparison, side);
      g_auto(GStrv) ties = mw_comparison_dup_marked_tie_ids (self->comparison, side);
      g_autofree char *text = describe_only (actors, ties);

      mw_canvas_set_marks (canvas, (const char * const *)actors, (const char * const *)ties);
      gtk_label_set_label (legend, text);
    }
}

static gboolean
compare_idle_cb (gpointer user_data)
{
  MwCompareView *self = user_data;

  self->compare_id = 0;
  show_marks (self);
  return G_SOURCE_REMOVE;
}

/* Once per burst of edits; moving actors changes nothing compared. */
static void
network_changed_cb (MwCompareView *self,
                    MwChange      *change)
{
  g_assert (MW_IS_COMPARE_VIEW (self));

  if (change->kind == MW_CHANGE_ACTOR_CHANGED && (change->fields & ~MW_FIELD_POSITION) == 0)
    return;
  if (self->compare_id == 0)
    self->compare_id = g_idle_add (compare_idle_cb, self);
}

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  return heading;
}

/* Context names are long: each network's gets a line of its own, and the
 * difference sits by the heading. */
static void
build_context_rows (MwCompareView *self,
                    int            y)
{
  Row *r = &self->rows[MW_COMPARE_ROW_CONTEXT];
  const char *sides[] = { N_("This"), N_("Other") };

  g_assert (MW_IS_COMPARE_VIEW (self));

  r->title = section_heading (_("Closest Context"));
  gtk_grid_attach (self->score_grid, r->title, 0, y, 3, 1);
  r->delta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (r->delta), 1);
  gtk_widget_set_valign (r->delta, GTK_ALIGN_END);
  gtk_grid_attach (self->score_grid, r->delta, 3, y++, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (r->delta),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, r->title, NULL, -1);

  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    {
      GtkWidget *label = gtk_label_new (_(sides[side]));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->score_grid, label, 0, y, 1, 1);

      r->value[side] = gtk_label_new ("…");
      gtk_label_set_xalign (GTK_LABEL (r->value[side]), 0);
      gtk_label_set_wrap (GTK_LABEL (r->value[side]), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (r->value[side]), 24);
      gtk_grid_attach (self->score_grid, r->value[side], 1, y++, 3, 1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (r->value[side]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    }
}

static void
build_rows (MwCompareView *self)
{
  const char *headings[] = { N_("This"), N_("Other"), N_("Difference") };
  int y = 0;

  g_assert (MW_IS_COMPARE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      GtkWidget *label = gtk_label_new (_(headings[i]));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->score_grid, label, i + 1, y, 1, 1);
    }
  y++;

  for (guint row = 0; row < MW_N_COMPARE_ROWS; row++)
    {
      Row *r = &self->rows[row];
      const char *title;

      if (row == MW_COMPARE_ROW_INDEX)
        title = _("Index");
      else if (row < MW_COMPARE_ROW_CENTRALIZATION)
        title = mw_element_get_title (row - MW_COMPARE_ROW_ELEMENT);
      else if (row < MW_COMPARE_ROW_CONTEXT)
        title = _(measure_rows[row - MW_COMPARE_ROW_CENTRALIZATION].title);
      else
        {
          build_context_rows (self, y);
          break;
        }

      if (row == MW_COMPARE_ROW_CENTRALIZATION)
        gtk_grid_attach (self->score_grid, section_heading (_("Classic Measures")), 0, y++, 4, 1);

      r->title = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (r->title), 0);
      gtk_label_set_wrap (GTK_LABEL (r->title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (r->title), 26);
      gtk_widget_set_hexpand (r->title, TRUE);
      if (row == MW_COMPARE_ROW_INDEX)
        gtk_widget_add_css_class (r->title, "heading");
      gtk_grid_attach (self->score_grid, r->title, 0, y, 1, 1);

      for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
        {
          r->value[side] = gtk_label_new ("…");
          gtk_label_set_xalign (GTK_LABEL (r->value[side]), 1);
          gtk_widget_add_css_class (r->value[side], "numeric");
          gtk_grid_attach (self->score_grid, r->value[side], 1 + side, y, 1, 1);
        }
      r->delta = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (r->delta), 1);
      gtk_widget_add_css_class (r->delta, "numeric");
      gtk_grid_attach (self->score_grid, r->delta, 3, y, 1, 1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (r->delta),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, r->title, NULL, -1);
      y++;
    }
}

/* Escape peels one layer: first the selection on the left, then the
 * comparison itself. A popover (renaming in place) keeps its own Escape. */
static gboolean
key_pressed_cb (MwCompareView   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GtkWidget *focus;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) ties = NULL;

  g_assert (MW_IS_COMPARE_VIEW (self));

  if (keyval != GDK_KEY_Escape || self->canvas == NULL)
    return FALSE;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;

  actors = mw_canvas_get_selected_actors (self->canvas);
  ties = mw_canvas_get_selected_ties (self->canvas);
  if (focus == GTK_WIDGET (self->canvas) && (actors->len > 0 || ties->len > 0 || mw_canvas_has_highlight (self->canvas)))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.stop-comparing", NULL);
}

/* Side by side, as the user expects, unless the networks are so much
 * wider than tall that one above the other shows them far larger. */
static GtkOrientation
best_orientation (MwCompareView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->pair_box));
  double height = gtk_widget_get_height (GTK_WIDGET (self->pair_box));
  MwRect bounds[2];
  double bw, bh, beside, stacked;

  g_assert (MW_IS_COMPARE_VIEW (self));

  if (self->canvas == NULL || width < 1 || height < 1 ||
      !mw_renderer_get_bounds (mw_canvas_get_renderer (self->canvas), &bounds[0]) ||
      !mw_renderer_get_bounds (mw_canvas_get_renderer (self->other_canvas), &bounds[1]))
    return gtk_orientable_get_orientation (GTK_ORIENTABLE (self->pair_box));

  bw = MAX (MAX (bounds[0].width, bounds[1].width), 1);
  bh = MAX (MAX (bounds[0].height, bounds[1].height), 1);
  beside = MIN (width / 2 / bw, height / bh);
  stacked = MIN (width / bw, height / 2 / bh);

  /* A margin before leaving side by side, so a resize does not make it
   * flip back and forth. */
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->pair_box)) == GTK_ORIENTATION_HORIZONTAL)
    return stacked > beside * 1.3 ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;
  return stacked > beside ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;
}

static gboolean
orient_idle_cb (gpointer user_data)
{
  MwCompareView *self = user_data;
  GtkOrientation orientation = best_orientation (self);

  self->orient_id = 0;
  if (orientation == gtk_orientable_get_orientation (GTK_ORIENTABLE (self->pair_box)))
    return G_SOURCE_REMOVE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->pair_box), orientation);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->pair_separator),
                                  orientation == GTK_ORIENTATION_HORIZONTAL ? GTK_ORIENTATION_VERTICAL
                                                                            : GTK_ORIENTATION_HORIZONTAL);
  mw_canvas_fit_when_allocated (self->canvas);
  mw_canvas_fit_when_allocated (self->other_canvas);
  return G_SOURCE_REMOVE;
}

static void
mw_compare_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The orientation is chosen after the size is known, outside allocation. */
static void
mw_compare_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MwCompareView *self = MW_COMPARE_VIEW (widget);

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
  if (self->canvas != NULL && self->orient_id == 0)
    self->orient_id = g_idle_add (orient_idle_cb, self);
}

static void
mw_compare_view_dispose (GObject *object)
{
  MwCompareView *self = (MwCompareView *)object;

  GtkWidget *child;

  mw_compare_view_stop (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_COMPARE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mw_compare_view_parent_class)->dispose (object);
}

static void
mw_compare_view_finalize (GObject *object)
{
  MwCompareView *self = (MwCompareView *)object;

  for (guint row = 0; row < MW_N_COMPARE_ROWS; row++)
    {
      g_clear_pointer (&self->rows[row].value_text[0], g_free);
      g_clear_pointer (&self->rows[row].value_text[1], g_free);
      g_clear_pointer (&self->rows[row].delta_text, g_free);
    }

  G_OBJECT_CLASS (mw_compare_view_parent_class)->finalize (object);
}

/* Play Change: the compared network turns into this one on its canvas. */
static void
play_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MwCompareView *self = MW_COMPARE_VIEW (widget);

  if (self->canvas != NULL && self->other != NULL)
    mw_canvas_morph_from (self->canvas, mw_document_get_network (self->other));
}

static void
mw_compare_view_class_init (MwCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_compare_view_dispose;
  object_class->finalize = mw_compare_view_finalize;

  g_type_ensure (MW_TYPE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, window_title);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, this_title);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, other_title);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, this_legend);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, other_legend);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, this_swatch);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, other_swatch);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, live_slot);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, pair_box);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, pair_separator);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, other_canvas);
  gtk_widget_class_bind_template_child (widget_class, MwCompareView, score_grid);
  gtk_widget_class_install_action (widget_class, "compare.play-change", NULL, play_change_action);
  widget_class->measure = mw_compare_view_measure;
  widget_class->size_allocate = mw_compare_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "mwcompareview");
}

static void
mw_compare_view_init (MwCompareView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Compare Networks"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.play-change", FALSE);
  mw_canvas_set_editable (self->other_canvas, FALSE);
  build_rows (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * mw_compare_view_start:
 * @canvas: the window's canvas, whose network is compared (its widget is
 *   lent with mw_compare_view_set_live_child())
 * @scorer: the scorer already following @canvas's network (its document's)
 * @title: that network's title
 * @other: (transfer none): the other network, loaded
 *
 * Compares @canvas's network with @other's until mw_compare_view_stop().
 */
void
mw_compare_view_start (MwCompareView *self,
                       MwCanvas      *canvas,
                       MwScorer      *scorer,
                       const char    *title,
                       MwDocument    *other)
{
  g_autofree char *other_title = NULL;
  g_autofree char *both = NULL;

  g_return_if_fail (MW_IS_COMPARE_VIEW (self));
  g_return_if_fail (MW_IS_CANVAS (canvas));
  g_return_if_fail (MW_IS_SCORER (scorer));
  g_return_if_fail (MW_IS_DOCUMENT (other));

  mw_compare_view_stop (self);

  self->canvas = canvas;
  self->network = g_object_ref (mw_history_get_network (mw_canvas_get_history (canvas)));
  self->scorer = g_object_ref (scorer);
  self->other = g_object_ref (other);
  self->other_scorer = g_object_ref (mw_document_get_scorer (other));
  mw_canvas_set_history (self->other_canvas, mw_document_get_history (other));

  g_signal_connect_object (self->network, "changed", G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scorer, "notify::scores", G_CALLBACK (refresh_scores), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->other_scorer, "notify::scores", G_CALLBACK (refresh_scores), self,
                           G_CONNECT_SWAPPED);

  other_title = mw_document_dup_title (other);
  gtk_label_set_label (self->this_title, title);
  gtk_label_set_label (self->other_title, other_title);
  /* Translators: the two networks compared, in the header bar */
  both = g_strdup_printf (_("%s and %s"), title, other_title);
  adw_window_title_set_subtitle (self->window_title, both);

  mw_canvas_fit_when_allocated (self->canvas);
  show_marks (self);
  refresh_scores (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.play-change", TRUE);
}

/* Drops the other network and the marks; the lent canvas stays where it is. */
void
mw_compare_view_stop (MwCompareView *self)
{
  g_return_if_fail (MW_IS_COMPARE_VIEW (self));

  g_clear_handle_id (&self->compare_id, g_source_remove);
  g_clear_handle_id (&self->orient_id, g_source_remove);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  if (self->scorer != NULL)
    g_signal_handlers_disconnect_by_data (self->scorer, self);
  if (self->canvas != NULL)
    {
      mw_canvas_finish_morph (self->canvas);
      mw_canvas_set_marks (self->canvas, NULL, NULL);
      mw_canvas_fit_when_allocated (self->canvas);
    }
  self->canvas = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.play-change", FALSE);
  g_clear_object (&self->network);
  g_clear_object (&self->scorer);
  g_clear_object (&self->other_scorer);
  g_clear_object (&self->other);
  g_clear_pointer (&self->comparison, mw_comparison_free);
}

/**
 * mw_compare_view_set_live_child:
 * @child: (nullable): the widget holding the window's canvas, or %NULL to
 *   give it back (the caller holds a reference to take it)
 */
void
mw_compare_view_set_live_child (MwCompareView *self,
                                GtkWidget     *child)
{
  GtkWidget *old;

  g_return_if_fail (MW_IS_COMPARE_VIEW (self));

  while ((old = gtk_widget_get_first_child (GTK_WIDGET (self->live_slot))) != NULL)
    gtk_box_remove (self->live_slot, old);
  if (child != NULL)
    gtk_box_append (self->live_slot, child);
}

/**
 * mw_compare_view_get_other_canvas:
 *
 * Returns: (transfer none): the read-only canvas of the other network
 */
MwCanvas *
mw_compare_view_get_other_canvas (MwCompareView *self)
{
  g_return_val_if_fail (MW_IS_COMPARE_VIEW (self), NULL);
  return self->other_canvas;
}

/**
 * mw_compare_view_get_other:
 *
 * Returns: (transfer none) (nullable): the other network, while comparing
 */
MwDocument *
mw_compare_view_get_other (MwCompareView *self)
{
  g_return_val_if_fail (MW_IS_COMPARE_VIEW (self), NULL);
  return self->other;
}

/**
 * mw_compare_view_get_comparison:
 *
 * Returns: (transfer none) (nullable): what differs, as marked now
 */
MwComparison *
mw_compare_view_get_comparison (MwCompareView *self)
{
  g_return_val_if_fail (MW_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

/**
 * mw_compare_view_get_other_scorer:
 *
 * Returns: (transfer none) (nullable): the scorer of the other network
 */
MwScorer *
mw_compare_view_get_other_scorer (MwCompareView *self)
{
  g_return_val_if_fail (MW_IS_COMPARE_VIEW (self), NULL);
  return self->other_scorer;
}

/* (nullable) what a cell of the table shows, "…" aside */
const char *
mw_compare_view_get_value_text (MwCompareView *self,
                                MwCompareSide  side,
                                MwCompareRow   row)
{
  g_return_val_if_fail (MW_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (side < MW_N_COMPARE_SIDES && row < MW_N_COMPARE_ROWS, NULL);
  return self->rows[row].value_text[side];
}

const char *
mw_compare_view_get_delta_text (MwCompareView *self,
                                MwCompareRow   row)
{
  g_return_val_if_fail (MW_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (row < MW_N_COMPARE_ROWS, NULL);
  return self->rows[row].delta_text;
}
