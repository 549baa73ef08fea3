/* mw-slide.c: one slide: its network, its build steps and their scores
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slide keeps its own copy of the network, so the presentation shows
 * the network as it was when it started. A build shows the network layer
 * by layer: each step is a copy with only the layers shown so far, scored
 * by the same scorer as the whole, so the audience sees what each layer
 * adds. The layout and drawing are in mw-slide-draw.c, above this file.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mw-slide.h"

struct _MwSlide
{
  GObject     parent_instance;

  MwNetwork  *network;
  char       *title;
  char       *caption;
  gboolean    builds;
  gboolean    has_area;
  MwRect      area;
  GStrv       highlight;
  MwNetwork  *baseline;          /* (nullable) what the scores are compared with */
  MwScores   *baseline_scores;

  /* by build step; the last is the whole network */
  MwNetwork  *steps[MW_N_BUILD_STEPS];
  MwScores   *scores[MW_N_BUILD_STEPS];
  MwRenderer *renderers[MW_N_BUILD_STEPS];
};

G_DEFINE_FINAL_TYPE (MwSlide, mw_slide, G_TYPE_OBJECT)

/* How much a person matters when only some can be named: whom a slide
 * of a big network or a crowded page labels. */
static int
key_rank (const MwActor *actor,
          GHashTable    *highlighted)
{
  if (highlighted != NULL && g_hash_table_contains (highlighted, actor->id))
    return 4;
  if (mw_actor_n_in (actor, MW_TIE_REPORTS) > 0 && mw_actor_n_out (actor, MW_TIE_REPORTS) == 0)
    return 3;  /* a top of the hierarchy */
  if (actor->purpose || actor->initiative)
    return 2;
  return 0;
}

static guint
degree (const MwActor *actor)
{
  guint n = 0;

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    n += mw_actor_n_in (actor, t) + mw_actor_n_out (actor, t);
  return n;
}

typedef struct
{
  guint index;
  int   rank;
  guint degree;
} Candidate;

static int
candidate_compare (gconstpointer a,
                   gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->rank != y->rank)
    return y->rank - x->rank;
  if (x->degree != y->degree)
    return y->degree > x->degree ? 1 : -1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * mw_slide_rank_people:
 * @highlighted: (nullable): ids (char*) that come first
 *
 * The key people of a network first: the highlighted, the tops of the
 * hierarchy, purpose holders and initiative leaders, then the best
 * connected; ties broken by the file's order. A slide of more than
 * MW_SLIDE_ALL_LABELS actors labels the first MW_SLIDE_KEY_PEOPLE; the
 * report's network page labels them too where all labels would be too small.
 *
 * Returns: (transfer full) (element-type guint): every actor's index, ranked
 */
GArray *
mw_slide_rank_people (MwNetwork  *network,
                      GHashTable *highlighted)
{
  guint n = mw_network_get_n_actors (network);
  g_autoptr(GArray) candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n);
  GArray *ranked = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  g_return_val_if_fail (MW_IS_NETWORK (network), ranked);

  for (guint i = 0; i < n; i++)
    {
      const MwActor *actor = mw_network_get_actor (network, i);
      Candidate c = { i, key_rank (actor, highlighted), degree (actor) };

      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, candidate_compare);
  for (guint i = 0; i < n; i++)
    g_array_append_val (ranked, g_array_index (candidates, Candidate, i).index);
  return ranked;
}

static void
mw_slide_finalize (GObject *object)
{
  MwSlide *self = MW_SLIDE (object);

  for (guint i = 0; i < MW_N_BUILD_STEPS; i++)
    {
      g_clear_object (&self->renderers[i]);
      g_clear_object (&self->steps[i]);
      g_clear_pointer (&self->scores[i], mw_scores_unref);
    }
  g_clear_object (&self->network);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->highlight, g_strfreev);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->baseline_scores, mw_scores_unref);

  G_OBJECT_CLASS (mw_slide_parent_class)->finalize (object);
}

static void
mw_slide_class_init (MwSlideClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mw_slide_finalize;
}

static void
mw_slide_init (MwSlide *self)
{
}

/**
 * mw_slide_new:
 * @network: what the slide shows; copied
 * @caption: (nullable): a sentence under the title
 *
 * Returns: (transfer full): a slide of the whole network, without builds
 */
MwSlide *
mw_slide_new (MwNetwork  *network,
              const char *title,
              const char *caption)
{
  MwSlide *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_object_new (MW_TYPE_SLIDE, NULL);
  self->network = mw_network_copy (network);
  self->title = g_strdup (title != NULL ? title : "");
  self->caption = g_strdup (caption != NULL ? caption : "");
  return self;
}

/**
 * mw_slide_new_for_view:
 * @network: the network the view was of; copied
 * @saved: the view: its area, highlight and the actors a what-if leaves out
 *
 * Returns: (transfer full): a slide of that view
 */
MwSlide *
mw_slide_new_for_view (MwNetwork          *network,
                       const MwSavedSlide *saved)
{
  MwSlide *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (saved != NULL, NULL);

  self = mw_slide_new (network, saved->title, NULL);
  for (guint i = 0; saved->without[i] != NULL; i++)
    {
      MwActor *actor = mw_network_lookup_actor (self->network, saved->without[i]);

      if (actor != NULL)
        mw_network_remove_actor (self->network, actor);
    }
  self->has_area = saved->has_area;
  self->area = (MwRect) { saved->x, saved->y, saved->width, saved->height };
  self->highlight = g_strdupv (saved->highlight);
  return self;
}

const char *
mw_slide_get_title (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);
  return self->title;
}

const char *
mw_slide_get_caption (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);
  return self->caption;
}

/* Returns: (transfer none): the whole network of the slide */
MwNetwork *
mw_slide_get_network (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);
  return self->network;
}

/**
 * mw_slide_get_area:
 * @area: (out): the part of the network the slide shows, model points
 *
 * Returns: whether the slide shows a part; else it shows the whole
 */
gboolean
mw_slide_get_area (MwSlide *self,
                   MwRect  *area)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), FALSE);

  if (area != NULL)
    *area = self->area;
  return self->has_area;
}

/* Returns: (transfer none) (nullable): ids of what the slide highlights */
const char * const *
mw_slide_get_highlight (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);
  return (const char * const *)self->highlight;
}

/* @caption: (nullable): a sentence under the title; %NULL for none */
void
mw_slide_set_caption (MwSlide    *self,
                      const char *caption)
{
  g_return_if_fail (MW_IS_SLIDE (self));

  g_free (self->caption);
  self->caption = g_strdup (caption != NULL ? caption : "");
}

/**
 * mw_slide_set_baseline:
 * @baseline: (nullable): the network the slide's scores are compared
 *   with (a kept view of a comparison); copied; %NULL for none
 *
 * With a baseline the score card shows each score's change against it,
 * as a build step shows its change against the step before.
 */
void
mw_slide_set_baseline (MwSlide   *self,
                       MwNetwork *baseline)
{
  g_return_if_fail (MW_IS_SLIDE (self));
  g_return_if_fail (baseline == NULL || MW_IS_NETWORK (baseline));

  g_clear_object (&self->baseline);
  g_clear_pointer (&self->baseline_scores, mw_scores_unref);
  if (baseline != NULL)
    self->baseline = mw_network_copy (baseline);
}

/**
 * mw_slide_get_baseline_scores:
 *
 * Returns: (transfer none) (nullable): the baseline's scores, computed
 *   when first asked for; %NULL without a baseline
 */
MwScores *
mw_slide_get_baseline_scores (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);

  if (self->baseline == NULL)
    return NULL;
  if (self->baseline_scores == NULL)
    self->baseline_scores = mw_scores_compute (self->baseline);
  return self->baseline_scores;
}

/* What the step's scores are shown against: the baseline, else the build
 * step before; %NULL for neither. */
static MwScores *
scores_before (MwSlide *self,
               guint    step)
{
  if (self->baseline != NULL)
    return mw_slide_get_baseline_scores (self);
  if (self->builds && step > 0)
    return mw_slide_get_scores (self, step - 1);
  return NULL;
}

/**
 * mw_slide_dup_change:
 * @step: the build step
 * @element: an #MwElement, or -1 for the index
 *
 * Returns: (transfer full) (nullable): how the score changed against the
 *   baseline or the step before, "+8" or "−3"; %NULL when it did not or
 *   there is nothing to compare with
 */
char *
mw_slide_dup_change (MwSlide *self,
                     guint    step,
                     int      element)
{
  MwScores *scores, *before;
  long change;

  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);
  g_return_val_if_fail (element >= -1 && element < MW_N_ELEMENTS, NULL);

  before = scores_before (self, step);
  if (before == NULL)
    return NULL;
  scores = mw_slide_get_scores (self, step);
  /* from or to "not measurable" is no change in points */
  if (element >= 0 && (!mw_scores_is_measurable (scores, element) || !mw_scores_is_measurable (before, element)))
    return NULL;
  if (element < 0)
    change = lround (mw_scores_get_index (scores)) - lround (mw_scores_get_index (before));
  else
    change = lround (mw_scores_get_score (scores, element)) - lround (mw_scores_get_score (before, element));
  if (change == 0)
    return NULL;
  /* Translators: how a score changed with a build step, "+8" or "−3" */
  return change > 0 ? g_strdup_printf (_("+%ld"), change) : g_strdup_printf (_("−%ld"), -change);
}

void
mw_slide_set_builds (MwSlide  *self,
                     gboolean  builds)
{
  g_return_if_fail (MW_IS_SLIDE (self));
  self->builds = !!builds;
}

gboolean
mw_slide_get_builds (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), FALSE);
  return self->builds;
}

/* Returns: how many steps the slide is shown in; 1 without builds */
guint
mw_slide_get_n_steps (MwSlide *self)
{
  g_return_val_if_fail (MW_IS_SLIDE (self), 1);
  return self->builds ? MW_N_BUILD_STEPS : 1;
}

/* The build step a step of the slide shows. */
static guint
build_step (MwSlide *self,
            guint    step)
{
  return self->builds ? MIN (step, MW_N_BUILD_STEPS - 1) : MW_N_BUILD_STEPS - 1;
}

static guint
tie_layer (MwTieType type)
{
  switch (type)
    {
    case MW_TIE_REPORTS:     return MW_BUILD_FORMAL;
    case MW_TIE_COLLABORATES: return MW_BUILD_COLLABORATION;
    case MW_TIE_INFLUENCES:  return MW_BUILD_INFLUENCE;
    case MW_TIE_CHECKS:      return MW_BUILD_CHECKS;
    case MW_N_TIE_TYPES:
    default:                 return MW_BUILD_PURPOSE;
    }
}

/* The network with only the layers up to @build: ties of later layers go,
 * and badges wait for the last step. */
static MwNetwork *
filtered_copy (MwSlide *self,
               guint    build)
{
  MwNetwork *copy = mw_network_copy (self->network);

  for (guint i = mw_network_get_n_ties (copy); i > 0; i--)
    {
      MwTie *tie = mw_network_get_tie (copy, i - 1);

      if (tie_layer (tie->type) > build)
        mw_network_remove_tie (copy, tie);
    }
  if (build < MW_BUILD_PURPOSE)
    for (guint i = 0; i < mw_network_get_n_actors (copy); i++)
      {
        MwActor *actor = mw_network_get_actor (copy, i);

        mw_network_set_actor_purpose (copy, actor, FALSE);
        mw_network_set_actor_initiative (copy, actor, FALSE);
      }
  return copy;
}

/**
 * mw_slide_get_step_network:
 * @step: 0 … mw_slide_get_n_steps() - 1
 *
 * Returns: (transfer none): the network as the step shows it
 */
MwNetwork *
mw_slide_get_step_network (MwSlide *self,
                           guint    step)
{
  guint build;

  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);

  build = build_step (self, step);
  if (self->steps[build] == NULL)
    self->steps[build] = build == MW_N_BUILD_STEPS - 1 ? g_object_ref (self->network)
                                                       : filtered_copy (self, build);
  return self->steps[build];
}

/* Returns: (transfer none): the renderer of the step's network */
MwRenderer *
mw_slide_get_renderer (MwSlide *self,
                       guint    step)
{
  guint build;

  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);

  build = build_step (self, step);
  if (self->renderers[build] == NULL)
    self->renderers[build] = mw_renderer_new (mw_slide_get_step_network (self, step));
  return self->renderers[build];
}

/**
 * mw_slide_get_scores:
 *
 * Returns: (transfer none): the scores of the network the step shows,
 *   computed when first asked for
 */
MwScores *
mw_slide_get_scores (MwSlide *self,
                     guint    step)
{
  guint build;

  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);

  build = build_step (self, step);
  if (self->scores[build] == NULL)
    self->scores[build] = mw_scores_compute (mw_slide_get_step_network (self, step));
  return self->scores[build];
}

/* Returns: (nullable): what the step adds, for people; %NULL without builds */
const char *
mw_slide_get_step_name (MwSlide *self,
                        guint    step)
{
  static const char *names[MW_N_BUILD_STEPS] = {
    N_("Formal reporting lines"),
    N_("+ collaboration"),
    N_("+ influence"),
    N_("+ peer checks"),
    N_("+ initiatives and shared purpose"),
  };

  g_return_val_if_fail (MW_IS_SLIDE (self), NULL);

  if (!self->builds)
    return NULL;
  return _(names[build_step (self, step)]);
}
