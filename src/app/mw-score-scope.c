/* mw-score-scope.c: whether the score panel scores the whole network or the filtered view
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two linked toggles, "Whole Network" and "Filtered View", and a caption
 * saying which one the scores are of. The whole network is the default
 * and the only choice while no filter is on; turning the filter off goes
 * back to it. While the filtered view is chosen, the filter's network
 * (mw_filter_apply_network(): what is shown, faded actors and ties left
 * out) is scored by a second MwScorer (mw_scorer_new_filtered()), which
 * follows the network's edits and the filter's changes by itself and, on
 * a large network, builds the view and scores it in a worker from the
 * document's scorer's copy: the UI thread never makes the view. The
 * "scorer" property notifies when the scorer on show is another one; the
 * panel (above this widget) and the window's activity bar follow it.
 */

#define G_LOG_DOMAIN "meshwork-score-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-score-scope.h"

struct _MwScoreScope
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *whole_button;
  GtkWidget *filtered_button;
  GtkWidget *caption;

  MwScorer  *whole;      /* (nullable) (owned) the document's scorer */
  MwFilter  *filter;     /* (nullable) (owned) the filter while it is on */
  MwScorer  *filtered;   /* (nullable) (owned) scores the filtered view while it is shown */
  gboolean   chosen;     /* the filtered view was chosen */
  gboolean   syncing;    /* the toggles are set from here, not by a person */
};

G_DEFINE_FINAL_TYPE (MwScoreScope, mw_score_scope, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SCORER,
  PROP_FILTERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
showing_filtered (MwScoreScope *self)
{
  return self->chosen && self->filter != NULL && self->whole != NULL;
}

static void
update_caption (MwScoreScope *self)
{
  g_autofree char *text = NULL;

  g_assert (MW_IS_SCORE_SCOPE (self));

  if (showing_filtered (self) && self->filtered != NULL &&
      mw_scorer_get_scored_network (self->filtered) == NULL)
    /* Translators: under the scores while the filtered view is scored the first time */
    text = g_strdup (_("Scores of the filtered view only"));
  else if (showing_filtered (self) && self->filtered != NULL)
    text = mw_filter_dup_view_caption (mw_scorer_get_scored_network (self->filtered));
  else if (self->filter != NULL)
    text = g_strdup (_("Scores of the whole network, not of the filtered view"));
  gtk_label_set_label (GTK_LABEL (self->caption), text);
  gtk_widget_set_visible (self->caption, text != NULL);
}

/* The toggles say the choice; they show, and can be used, only while a
 * filter is on: without one there is nothing to choose. */
static void
update_toggles (MwScoreScope *self)
{
  g_assert (MW_IS_SCORE_SCOPE (self));

  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (showing_filtered (self) ? self->filtered_button
                                                                           : self->whole_button), TRUE);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (self->box, self->filter != NULL && self->whole != NULL);
  gtk_widget_set_visible (self->box, self->filter != NULL);
  update_caption (self);
}

static void
drop_filtered (MwScoreScope *self)
{
  g_autoptr(MwScorer) old = g_steal_pointer (&self->filtered);

  if (old == NULL)
    return;
  g_signal_handlers_disconnect_by_data (old, self);
  mw_scorer_cancel (old);
}

/* The filtered view's scorer while it is shown (made once, then told of
 * each new filter; it follows edits itself), none while it is not. */
static void
rebuild (MwScoreScope *self)
{
  MwScorer *before = mw_score_scope_get_scorer (self);

  g_assert (MW_IS_SCORE_SCOPE (self));

  if (!showing_filtered (self))
    drop_filtered (self);
  else if (self->filtered != NULL)
    mw_scorer_set_filter (self->filtered, self->filter);
  else
    {
      self->filtered = mw_scorer_new_filtered (self->whole, self->filter);
      /* The caption counts what the newest scores are of. */
      g_signal_connect_object (self->filtered, "notify::scores", G_CALLBACK (update_caption), self,
                               G_CONNECT_SWAPPED);
    }
  update_toggles (self);
  if (before != mw_score_scope_get_scorer (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORER]);
}

static void
set_chosen (MwScoreScope *self,
            gboolean      chosen)
{
  gboolean before = showing_filtered (self);

  g_assert (MW_IS_SCORE_SCOPE (self));

  self->chosen = chosen && self->filter != NULL;
  if (before == showing_filtered (self))
    {
      update_toggles (self);
      return;
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

static void
filtered_toggled_cb (MwScoreScope *self)
{
  if (self->syncing)
    return;
  set_chosen (self, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->filtered_button)));
}

static GtkWidget *
toggle (const char *label,
        const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

static void
build (MwScoreScope *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (self->box), TRUE);
  gtk_widget_add_css_class (self->box, "linked");
  gtk_widget_set_visible (self->box, FALSE);    /* until a filter is on */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of"), -1);
  self->whole_button = toggle (_("Whole Network"), _("Score every actor and tie, also those the filter fades"));
  self->filtered_button = toggle (_("Filtered View"), _("Score only the actors and ties the filter shows"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->filtered_button), GTK_TOGGLE_BUTTON (self->whole_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->whole_button), TRUE);
  g_signal_connect_swapped (self->filtered_button, "toggled", G_CALLBACK (filtered_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->whole_button);
  gtk_box_append (GTK_BOX (self->box), self->filtered_button);

  self->caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_add_css_class (self->caption, "accent");
  gtk_widget_set_visible (self->caption, FALSE);

  gtk_box_append (GTK_BOX (column), self->box);
  gtk_box_append (GTK_BOX (column), self->caption);
  gtk_widget_set_parent (column, GTK_WIDGET (self));
}

static void
mw_score_scope_dispose (GObject *object)
{
  MwScoreScope *self = MW_SCORE_SCOPE (object);
  GtkWidget *child;

  drop_filtered (self);
  g_clear_object (&self->whole);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (mw_score_scope_parent_class)->dispose (object);
}

static void
mw_score_scope_finalize (GObject *object)
{
  MwScoreScope *self = MW_SCORE_SCOPE (object);

  g_clear_pointer (&self->filter, mw_filter_free);
  G_OBJECT_CLASS (mw_score_scope_parent_class)->finalize (object);
}

static void
mw_score_scope_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MwScoreScope *self = MW_SCORE_SCOPE (object);

  switch (prop_id)
    {
    case PROP_SCORER:
      g_value_set_object (value, mw_score_scope_get_scorer (self));
      break;
    case PROP_FILTERED:
      g_value_set_boolean (value, mw_score_scope_get_filtered (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_score_scope_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MwScoreScope *self = MW_SCORE_SCOPE (object);

  switch (prop_id)
    {
    case PROP_FILTERED:
      mw_score_scope_set_filtered (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_score_scope_class_init (MwScoreScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_score_scope_dispose;
  object_class->finalize = mw_score_scope_finalize;
  object_class->get_property = mw_score_scope_get_property;
  object_class->set_property = mw_score_scope_set_property;

  properties[PROP_SCORER] =
    g_param_spec_object ("scorer", NULL, NULL, MW_TYPE_SCORER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mw_score_scope_init (MwScoreScope *self)
{
  build (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of the whole network or of the filtered view"), -1);
  update_toggles (self);
}

/* @whole (nullable): the document's scorer, whose network is filtered. */
void
mw_score_scope_set_whole (MwScoreScope *self,
                          MwScorer     *whole)
{
  gboolean before;

  g_return_if_fail (MW_IS_SCORE_SCOPE (self));
  g_return_if_fail (whole == NULL || MW_IS_SCORER (whole));

  before = showing_filtered (self);
  if (self->whole == whole)
    return;
  /* The filtered view of another network needs a scorer of its own;
   * "scorer" notifies below, with the whole network's scorer or that one. */
  drop_filtered (self);
  g_set_object (&self->whole, whole);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORER]);
  if (before != showing_filtered (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

/**
 * mw_score_scope_set_filter:
 * @filter: (nullable): the filter in use; %NULL or one that fades nothing
 *   when it is off
 *
 * Off, it goes back to the whole network.
 */
void
mw_score_scope_set_filter (MwScoreScope   *self,
                           const MwFilter *filter)
{
  gboolean before;

  g_return_if_fail (MW_IS_SCORE_SCOPE (self));

  if (filter != NULL && !mw_filter_is_active (filter))
    filter = NULL;
  if (filter == NULL && self->filter == NULL)
    return;
  if (filter != NULL && self->filter != NULL && mw_filter_equal (filter, self->filter))
    return;

  before = showing_filtered (self);
  g_clear_pointer (&self->filter, mw_filter_free);
  if (filter != NULL)
    self->filter = mw_filter_copy (filter);
  else
    self->chosen = FALSE;
  if (before || showing_filtered (self))
    rebuild (self);
  else
    update_toggles (self);
  if (before != showing_filtered (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

/**
 * mw_score_scope_get_scorer:
 *
 * Returns: (transfer none) (nullable): the scorer whose scores are shown:
 *   the filtered view's while it is chosen, else the whole network's
 */
MwScorer *
mw_score_scope_get_scorer (MwScoreScope *self)
{
  g_return_val_if_fail (MW_IS_SCORE_SCOPE (self), NULL);

  return self->filtered != NULL ? self->filtered : self->whole;
}

/* Returns: whether the scores shown are the filtered view's */
gboolean
mw_score_scope_get_filtered (MwScoreScope *self)
{
  g_return_val_if_fail (MW_IS_SCORE_SCOPE (self), FALSE);

  return showing_filtered (self);
}

/* Chooses the filtered view (it shows only while a filter is on). */
void
mw_score_scope_set_filtered (MwScoreScope *self,
                             gboolean      filtered)
{
  g_return_if_fail (MW_IS_SCORE_SCOPE (self));

  set_chosen (self, filtered);
}

/* Returns: (nullable): what the caption says, %NULL while no filter is on */
const char *
mw_score_scope_get_caption (MwScoreScope *self)
{
  g_return_val_if_fail (MW_IS_SCORE_SCOPE (self), NULL);

  return gtk_widget_get_visible (self->caption) ? gtk_label_get_label (GTK_LABEL (self->caption)) : NULL;
}
