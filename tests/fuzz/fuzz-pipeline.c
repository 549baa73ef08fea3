/* fuzz-pipeline.c: DOT bytes loaded, scored and drawn, as the app does
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever loads must score to finite numbers between 0 and 100, with a
 * context and factors that name existing actors and ties, and must draw —
 * at a fitted view and at an extreme zoom — without a crash or a warning.
 */

#include <math.h>

#include "fuzz-common.h"
#include "mw-dot.h"
#include "mw-renderer.h"
#include "mw-scores.h"

static void
check_score (double      value,
             const char *what)
{
  if (!isfinite (value) || value < 0 || value > 100)
    g_error ("%s is %g, not a score from 0 to 100", what, value);
}

static void
check_factor_ids (MwNetwork *network,
                  MwFactor  *factor)
{
  for (guint i = 0; factor->actor_ids[i] != NULL; i++)
    if (mw_network_lookup_actor (network, factor->actor_ids[i]) == NULL)
      g_error ("a factor names the actor “%s”, which does not exist", factor->actor_ids[i]);
  for (guint i = 0; factor->tie_ids[i] != NULL; i++)
    if (mw_network_lookup_tie (network, factor->tie_ids[i]) == NULL)
      g_error ("a factor names the tie “%s”, which does not exist", factor->tie_ids[i]);
}

static void
check_scores (MwNetwork *network)
{
  g_autoptr(MwScores) scores = mw_scores_compute (network);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      GPtrArray *factors = mw_scores_get_factors (scores, e);

      check_score (mw_scores_get_score (scores, e), mw_element_to_string (e));
      for (guint i = 0; factors != NULL && i < factors->len; i++)
        check_factor_ids (network, g_ptr_array_index (factors, i));
    }
  check_score (mw_scores_get_index (scores), "the index");
  if (mw_scores_get_context (scores) >= MW_N_SCORE_CONTEXTS)
    g_error ("no context");
}

static void
draw (MwRenderer *renderer,
      double      zoom_factor)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 120);
  cairo_t *cr = cairo_create (surface);
  MwView view;
  MwRect bounds;

  mw_view_init (&view, 160, 120);
  if (mw_renderer_get_bounds (renderer, &bounds))
    mw_view_fit (&view, &bounds, 8);
  mw_view_zoom_at (&view, zoom_factor, 80, 60);
  mw_renderer_draw (renderer, cr, &view);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("drawing failed: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
mw_fuzz_pipeline (const uint8_t *bytes,
                  size_t         size)
{
  g_autoptr(MwNetwork) network = mw_dot_load_data ((const char *)bytes, size, "fuzz.gv", NULL, NULL);
  g_autoptr(MwRenderer) renderer = NULL;

  if (network == NULL)
    return 0;

  check_scores (network);
  renderer = mw_renderer_new (network);
  draw (renderer, 1);
  draw (renderer, 40);
  draw (renderer, 0.01);

  return 0;
}

#ifndef MW_FUZZ_NO_MAIN
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mw_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return mw_fuzz_finish (mw_fuzz_pipeline (data, size));
}
#endif
