/* mw-render-ties.c: ties as cairo paths, sorted by stroke style
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderTies: each frame sorts the visible ties into buckets of one
 * stroke style, so cairo strokes a few long paths instead of thousands of
 * short ones. Past DENSE_TIES on screen the normal and dimmed buckets go to
 * mw-render-masks.c as hairlines instead (their arrowheads are still drawn
 * here, over the masks); the emphasised ones stay paths.
 *
 * A view dense with ties (their summed length, at the view's zoom, would
 * cover the drawing's area half over or more) fades its long ties: each
 * normal or dimmed tie gets a level of alpha by its length on screen,
 * which the masks scale its coverage by and the paths stroke it in (a
 * path a level). The level depends only on the network, the zoom and the
 * whole view's size, so tiles and whole frames agree. A tie that is
 * emphasised, or that joins an emphasised actor, keeps all of it.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-progress.h"
#include "mw-renderer-private.h"

#define DENSE_TIES      2500     /* ties on screen past which they become hairlines */
#define DENSE_LONG_TIES  600     /* … or ties across it: cairo strokes (and dots) all their length */

#define FADE_MIN_TIES    1000     /* fewer ties than this never fade */
#define FADE_FROM_INK    0.5      /* ties covering each pixel this many times begin to fade … */
#define FADE_FULL_INK    2.0      /* … and fade all the way from this many */
#define FADE_VEIL_INK    0.15     /* what is left of the long ties covers each pixel about this much */
#define FADE_MIN_FLOOR   0.01     /* but a tie keeps at least this */
#define FADE_LENGTH      0.15     /* ties longer than this share of the view's side fade, */
#define FADE_MIN_LENGTH  60.0     /* … never shorter than this, view pixels, */
#define FADE_MAX_SIDE    1000.0   /* … and of a side no longer than a screen's (an export's page is
                                   * the whole drawing, but eyes take in a screen's worth of it) */

void
_mw_render_ties_init (MwRenderTies *ties)
{
  for (guint i = 0; i < G_N_ELEMENTS (ties->buckets); i++)
    {
      ties->buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      ties->levels[i] = g_array_new (FALSE, FALSE, sizeof (guint8));
    }
  ties->near = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
_mw_render_ties_clear (MwRenderTies *ties)
{
  for (guint i = 0; i < G_N_ELEMENTS (ties->buckets); i++)
    {
      g_clear_pointer (&ties->buckets[i], g_array_unref);
      g_clear_pointer (&ties->levels[i], g_array_unref);
    }
  g_clear_pointer (&ties->near, g_array_unref);
}

static double
tie_width (MwTieType type,
           double    weight)
{
  double base = type == MW_TIE_REPORTS ? 1.6 : 1.2;

  return weight > 1.5 ? base * 2 : base;
}

/* How far past its line a tie's stroke, glow or arrowhead may reach. */
static double
tie_reach (MwRenderer    *self,
           const MwFrame *f)
{
  return self->geometry.max_radius + 2 * MW_ARROW_LENGTH + 4 * f->px + 8;
}

/* The ties the index finds near the view (widened by their reach), or
 * NULL to look at every tie. */
static GArray *
near_ties (MwRenderer    *self,
           const MwFrame *f)
{
  double margin = tie_reach (self, f);
  MwRect rect = { f->visible.x - margin, f->visible.y - margin,
                  f->visible.width + 2 * margin, f->visible.height + 2 * margin };

  /* far actors pulled in for this frame are not where the index has them */
  if (f->pulled_in)
    return NULL;
  g_array_set_size (self->ties.near, 0);
  if (!_mw_renderer_index_ties (self, &rect, self->ties.near))
    return NULL;
  return self->ties.near;
}

/* Sorts the visible ties into buckets of one stroke style each, so a frame
 * strokes a few long paths instead of thousands of short ones. */
static void
fill_tie_buckets (MwRenderer    *self,
                  const MwFrame *f)
{
  const MwRenderMoving *moving = self->moving;
  /* a drag's moving half: only the ties with a moving end */
  GArray *near = moving != NULL && moving->only ? moving->ties : near_ties (self, f);
  guint n = near != NULL ? near->len : mw_network_get_n_ties (self->network);
  double reach = tie_reach (self, f);

  self->ties.indexed = near != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (self->ties.buckets); i++)
    g_array_set_size (self->ties.buckets[i], 0);
  self->ties.n_long = 0;
  self->ties.faded = FALSE;   /* until weigh_ties() */

  for (guint k = 0; k < n; k++)
    {
      guint i = near != NULL ? g_array_index (near, guint, k) : k;
      const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, i);
      const MwActorGeom *a = &g_array_index (self->geometry.actors, MwActorGeom, ends->from);
      const MwActorGeom *b = &g_array_index (self->geometry.actors, MwActorGeom, ends->to);
      double bow = (ends->type == MW_TIE_INFLUENCES ? 0.1 * (fabs (a->x - b->x) + fabs (a->y - b->y)) : 0) +
                   fabs (g_array_index (self->geometry.bends, double, i));
      int state = MW_STATE_NORMAL;
      guint bucket;

      /* … and its background: none of them */
      if (moving != NULL && !moving->only && (moving->marks[ends->from] || moving->marks[ends->to]))
        continue;
      /* the line, with its bow and its reach, crosses the view: a long tie
       * whose box meets the view but whose line passes it by is left out */
      if (!_mw_rect_meets (&f->visible, MIN (a->x, b->x) - bow - reach, MIN (a->y, b->y) - bow - reach,
                           MAX (a->x, b->x) + bow + reach, MAX (a->y, b->y) + bow + reach) ||
          !_mw_segment_meets (&f->visible, bow + reach, a->x, a->y, b->x, b->y))
        continue;
      if (f->emphasis)
        state = _mw_frame_tie_state (f, mw_network_get_tie (self->network, i));
      bucket = _mw_tie_bucket (ends->type, state, ends->heavy);
      g_array_append_val (self->ties.buckets[bucket], i);
      if (fabs (a->x - b->x) + fabs (a->y - b->y) > f->visible.width + f->visible.height)
        self->ties.n_long++;
    }
}

/* The ties' summed length in model points, kept for the geometry's
 * serial; a frame with far actors pulled in measures without keeping. */
static double
tie_ink (MwRenderer *self,
         gboolean    pulled_in)
{
  const MwTieEnds *ends = (const MwTieEnds *)(gpointer)self->geometry.ties->data;
  double ink = 0;

  if (!pulled_in && self->ties.ink_serial == self->geometry.serial + 1)
    return self->ties.ink;
  for (guint i = 0; i < self->geometry.ties->len; i++)
    {
      const MwActorGeom *a = _mw_renderer_actor_geom (self, ends[i].from);
      const MwActorGeom *b = _mw_renderer_actor_geom (self, ends[i].to);

      ink += hypot (a->x - b->x, a->y - b->y);
    }
  if (!pulled_in)
    {
      self->ties.ink = ink;
      self->ties.ink_serial = self->geometry.serial + 1;
    }
  return ink;
}

static void
measure_fade (MwRenderer   *self,
              const MwView *view,
              gboolean      pulled_in,
              MwTieFade    *fade)
{
  const MwRect *b = &self->geometry.bounds;
  double ink, t;

  fade->strength = 0;
  fade->length = MAX (FADE_LENGTH * MIN (MIN (view->width, view->height), FADE_MAX_SIDE), FADE_MIN_LENGTH);
  fade->floor = 1;
  if (self->geometry.ties->len < FADE_MIN_TIES || !self->geometry.has_bounds || b->width * b->height <= 0)
    return;
  /* how many times the ties would cover each view pixel of the drawing
   * (one pixel wide): the same wherever the view is, so a pan keeps it */
  ink = tie_ink (self, pulled_in) / (b->width * b->height * view->zoom);
  t = CLAMP ((ink - FADE_FROM_INK) / (FADE_FULL_INK - FADE_FROM_INK), 0, 1);
  fade->strength = t * t * (3 - 2 * t);
  fade->floor = CLAMP (FADE_VEIL_INK / ink, FADE_MIN_FLOOR, 1);
}

/**
 * _mw_renderer_measure_fade:
 * @view: a whole view (not a tile of it)
 *
 * How @view fades its long ties: by the network's ties at its zoom, and
 * by its size.
 */
void
_mw_renderer_measure_fade (MwRenderer   *self,
                           const MwView *view,
                           MwTieFade    *fade)
{
  _mw_renderer_ensure_geometry (self);
  measure_fade (self, view, FALSE, fade);
}

/* Whether a tie of state @state from actor @from to @to fades: not when
 * it or an end is emphasised. */
static gboolean
tie_may_fade (MwRenderer    *self,
              const MwFrame *f,
              int            state,
              guint          from,
              guint          to)
{
  if (state != MW_STATE_NORMAL && state != MW_STATE_DIM)
    return FALSE;
  if (!f->emphasis)
    return TRUE;
  return _mw_frame_actor_state (f, mw_network_get_actor (self->network, from)) < MW_STATE_HIGHLIGHT &&
         _mw_frame_actor_state (f, mw_network_get_actor (self->network, to)) < MW_STATE_HIGHLIGHT;
}

/* The level of every tie in the buckets, when the view fades. */
static void
weigh_ties (MwRenderer    *self,
            const MwFrame *f)
{
  self->ties.faded = f->fade.strength > 0;
  for (guint k = 0; k < G_N_ELEMENTS (self->ties.buckets); k++)
    {
      GArray *bucket = self->ties.buckets[k], *levels = self->ties.levels[k];
      int state = (int)(k / 2 % MW_N_STATES);

      g_array_set_size (levels, self->ties.faded ? bucket->len : 0);
      for (guint j = 0; j < levels->len; j++)
        {
          const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, g_array_index (bucket, guint, j));
          const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
          const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);

          g_array_index (levels, guint8, j) =
            tie_may_fade (self, f, state, ends->from, ends->to)
              ? _mw_tie_fade_level (_mw_tie_fade_kept (&f->fade, hypot (a->x - b->x, a->y - b->y) * f->view->zoom))
              : MW_TIE_FADE_LEVELS - 1;
        }
    }
}

/* The levels of a bucket's ties, a bit each; only the top one when the
 * frame does not fade. */
static guint
bucket_levels (MwRenderer *self,
               guint       bucket)
{
  guint levels = 0;

  if (!self->ties.faded)
    return 1u << (MW_TIE_FADE_LEVELS - 1);
  for (guint j = 0; j < self->ties.levels[bucket]->len; j++)
    levels |= 1u << g_array_index (self->ties.levels[bucket], guint8, j);
  return levels;
}

static gboolean
in_level (MwRenderer *self,
          guint       bucket,
          guint       j,
          guint       level)
{
  return _mw_tie_level (&self->ties, bucket, j) == level;
}

/* Arrowheads and diamonds of a bucket's ties of level @level, in
 * the current source. */
static void
fill_tie_markers (MwRenderer    *self,
                  cairo_t       *cr,
                  const MwFrame *f,
                  guint          bucket_index,
                  MwTieType      type,
                  guint          level)
{
  const GArray *bucket = self->ties.buckets[bucket_index];

  if (type == MW_TIE_COLLABORATES)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < bucket->len; i++)
    {
      guint index = g_array_index (bucket, guint, i);
      const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, index);
      const MwActorGeom *a = &g_array_index (self->geometry.actors, MwActorGeom, ends->from);
      const MwActorGeom *b = &g_array_index (self->geometry.actors, MwActorGeom, ends->to);
      double reach = b->r + 2 * MW_ARROW_LENGTH;
      MwTieGeom g;

      if (!in_level (self, bucket_index, i, level))
        continue;
      /* the marker touches its target: none for a target out of view */
      if (!_mw_rect_meets (&f->visible, b->x - reach, b->y - reach, b->x + reach, b->y + reach))
        continue;
      _mw_tie_geometry (type, a->x, a->y, a->r, b->x, b->y, b->r,
                        f->dense ? 0 : g_array_index (self->geometry.bends, double, index), TRUE, &g);
      _mw_tie_marker_path (cr, type, &g);
    }
  cairo_fill (cr);
}

/* cairo turns a whole path into one polygon before it fills it, and a
 * dotted tie into a polygon per dot: one path of 13,000 long dotted ties
 * (a 10,000-person export) asked for more than cairo can hold and the
 * whole drawing failed. A stroke is flushed past this many pieces. */
#define MAX_STROKE_PIECES 50000.0
#define RASTER_STROKE_PIECES 8.0

/* How many pieces @g's stroke costs cairo: one per dot when dotted, a
 * few for a curve's flattening. */
static double
tie_stroke_pieces (const MwTieGeom *g,
                   MwTieType        type,
                   double           width)
{
  double pieces = g->curved ? 8 : 1;

  if (type == MW_TIE_CHECKS)
    pieces += hypot (g->x2 - g->x1, g->y2 - g->y1) / (_mw_tie_dot_period () * width);
  return pieces;
}

/* How many pieces one stroke may hold. On pixels, cairo 1.16 sorts the
 * edges of a path's lines where they cross, so long ties that cross by
 * the thousand cost less stroked one by one (a 10,000-person export with
 * 37,000 long ties: 87 s in one path, 37 s one by one); a dimmed tie is
 * translucent and stays in one path, where overlaps do not darken. */
static double
stroke_limit (const MwFrame *f,
              int            state)
{
  return f->raster && state != MW_STATE_DIM ? 1 : MAX_STROKE_PIECES;
}

/* Strokes the current path in one state's style (and its glow). */
static void
stroke_tie_path (cairo_t       *cr,
                 const MwFrame *f,
                 MwTieType      type,
                 int            state,
                 double         width,
                 double         alpha)
{
  MwColor color = state == MW_STATE_SELECTED ? f->theme->accent : f->theme->tie[type];

  if (state == MW_STATE_HIGHLIGHT)
    {
      /* a soft glow under the line marks it without changing its style */
      cairo_save (cr);
      _mw_tie_set_stroke (cr, MW_TIE_COLLABORATES, width + 6 * f->px);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      _mw_set_source (cr, &f->theme->highlight, 0.75);
      cairo_stroke_preserve (cr);
      cairo_restore (cr);
    }
  /* dots only where they can be told from a line */
  _mw_tie_set_stroke (cr, f->markers ? type : MW_TIE_COLLABORATES, width);
  _mw_set_source (cr, &color, (state == MW_STATE_DIM ? MW_DIM_ALPHA : 1) * alpha);
  if (f->vector)
    {
      /* A file keeps the curves and the dash pattern as they are, but cairo
       * measures every stroke exactly before writing it: each dot of a
       * dotted tie becomes a polygon. A coarser tolerance makes those
       * polygons smaller without changing a byte of the output, as long
       * as it stays under half the line width: past that cairo's pen
       * degenerates, the measured stroke is empty and PDF leaves it out
       * (test-export's pdf-matches-png catches it). */
      double old_tolerance = cairo_get_tolerance (cr), dx = 1, dy = 0;

      cairo_user_to_device_distance (cr, &dx, &dy);
      cairo_set_tolerance (cr, MAX (old_tolerance, 0.45 * width * hypot (dx, dy)));
      cairo_stroke (cr);
      cairo_set_tolerance (cr, old_tolerance);
    }
  else
    cairo_stroke (cr);
}

/* How many ties are stroked between two looks at the thread's progress. */
#define PROGRESS_TIES 256

/**
 * _mw_renderer_set_progress:
 * @start: the thread's progress (mw_progress_get_thread_default()) when a
 *   drawing starts to stroke its ties
 * @end: when it has stroked them all; equal to @start for none
 *
 * Makes the next drawings report their ties to the thread's progress and
 * stop stroking them when it is cancelled: the ties of a 10,000-person
 * export take cairo most of a minute on pixels.
 */
void
_mw_renderer_set_progress (MwRenderer *self,
                           double      start,
                           double      end)
{
  self->ties.progress_start = start;
  self->ties.progress_end = end;
}

/* Whether the last drawing stopped stroking ties, cancelled. */
gboolean
_mw_renderer_was_cancelled (MwRenderer *self)
{
  return self->ties.cancelled;
}

/* Counts one tie stroked; FALSE once the drawing is cancelled. */
static gboolean
tie_stroked (MwRenderer *self)
{
  MwRenderTies *ties = &self->ties;

  if (ties->cancelled)
    return FALSE;
  if (++ties->n_stroked % PROGRESS_TIES != 0 || ties->progress_end <= ties->progress_start)
    return TRUE;
  ties->cancelled = !mw_progress_report (ties->progress_start, ties->progress_end,
                                         (double)ties->n_stroked / MAX (ties->n_to_stroke, 1));
  return !ties->cancelled;
}

/* A bucket's ties of level @level, and their markers. */
static void
stroke_tie_level (MwRenderer    *self,
                  cairo_t       *cr,
                  const MwFrame *f,
                  MwTieType      type,
                  int            state,
                  gboolean       heavy,
                  guint          level)
{
  guint bucket_index = _mw_tie_bucket (type, state, heavy);
  GArray *bucket = self->ties.buckets[bucket_index];
  double width = MAX (tie_width (type, heavy ? 2 : 1), f->px);
  MwTieType style = f->markers ? type : MW_TIE_COLLABORATES;
  double limit = stroke_limit (f, state), pieces = 0, alpha = _mw_tie_fade_level_alpha (level);
  gboolean first = TRUE;

  if (state >= MW_STATE_HIGHLIGHT)
    width *= 1.6;

  cairo_new_path (cr);
  for (guint i = 0; i < bucket->len; i++)
    {
      const MwTie *tie = mw_network_get_tie (self->network, g_array_index (bucket, guint, i));
      const MwActorGeom *a = &g_array_index (self->geometry.actors, MwActorGeom, tie->from->index);
      const MwActorGeom *b = &g_array_index (self->geometry.actors, MwActorGeom, tie->to->index);
      MwTieGeom g;

      if (!in_level (self, bucket_index, i, level))
        continue;
      _mw_tie_geometry (type, a->x, a->y, a->r, b->x, b->y, b->r, _mw_renderer_tie_bend (self, tie),
                        f->markers, &g);
      /* at a dense overview a bow is not worth its flattening */
      g.curved = g.curved && !f->dense;
      pieces += tie_stroke_pieces (&g, style, width);
      if (pieces > limit && !first)
        {
          stroke_tie_path (cr, f, type, state, width, alpha);
          pieces = tie_stroke_pieces (&g, style, width);
        }
      first = FALSE;
      _mw_tie_path (cr, &g);
      if (!tie_stroked (self))
        {
          cairo_new_path (cr);
          return;
        }
    }
  stroke_tie_path (cr, f, type, state, width, alpha);

  if (f->markers)
    fill_tie_markers (self, cr, f, bucket_index, type, level);
}

/* A bucket's ties, the fainter under the stronger. */
static void
stroke_tie_bucket (MwRenderer    *self,
                   cairo_t       *cr,
                   const MwFrame *f,
                   MwTieType      type,
                   int            state,
                   gboolean       heavy)
{
  guint bucket_index = _mw_tie_bucket (type, state, heavy), levels;

  if (self->ties.buckets[bucket_index]->len == 0)
    return;
  levels = bucket_levels (self, bucket_index);
  for (guint level = 0; level < MW_TIE_FADE_LEVELS && !self->ties.cancelled; level++)
    if (levels & 1u << level)
      stroke_tie_level (self, cr, f, type, state, heavy, level);
}

/* Dense overviews: the arrowheads of one state's ties, over their masks
 * and in the masks' two tones. */
static void
fill_dense_markers (MwRenderer    *self,
                    cairo_t       *cr,
                    const MwFrame *f,
                    int            state)
{
  /* thousands of arrowheads a few pixels long over a texture of hairlines:
   * cairo's coarser antialiasing is a third cheaper and looks the same */
  cairo_save (cr);
  if (f->raster)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (int type = 0; type < MW_N_TIE_TYPES; type++)
    for (int heavy = 0; heavy < 2; heavy++)
      {
        guint bucket_index = _mw_tie_bucket (type, state, heavy), levels = bucket_levels (self, bucket_index);

        /* a faded tie's arrowhead fades with it */
        for (guint level = 0; level < MW_TIE_FADE_LEVELS; level++)
          {
            if (!(levels & 1u << level))
              continue;
            _mw_set_source (cr, &f->theme->tie[type == MW_TIE_REPORTS ? MW_TIE_REPORTS : MW_TIE_INFLUENCES],
                            (state == MW_STATE_DIM ? MW_DIM_ALPHA : 1) * _mw_tie_fade_level_alpha (level));
            fill_tie_markers (self, cr, f, bucket_index, type, level);
          }
      }
  cairo_restore (cr);
}

/* Sorts the ties into buckets; whether they are too many to stroke. */
gboolean
_mw_renderer_ties_dense (MwRenderer    *self,
                         const MwFrame *f)
{
  guint n_visible = 0;

  fill_tie_buckets (self, f);
  for (guint i = 0; i < G_N_ELEMENTS (self->ties.buckets); i++)
    n_visible += self->ties.buckets[i]->len;
  return (n_visible > DENSE_TIES || self->ties.n_long > DENSE_LONG_TIES) &&
         f->view->labels != MW_LABELS_ALWAYS;
}

/* Sorts the ties into buckets and, when they are thousands (an overview,
 * never an export), starts their masks: cairo 1.16 spends ~10 µs on each
 * antialiased line, so past a few thousand lines on screen the ties become
 * a texture of hairlines rasterised by hand. */
void
_mw_renderer_start_ties (MwRenderer *self,
                         MwFrame    *f)
{
  f->dense = _mw_renderer_ties_dense (self, f);
  /* a tile of a view takes the view's choice, so that tiles meet */
  if (f->lod != NULL)
    {
      f->dense = f->lod->dense && f->view->labels != MW_LABELS_ALWAYS;
      f->fade = f->lod->fade;
    }
  else
    measure_fade (self, f->view, f->pulled_in, &f->fade);
  weigh_ties (self, f);
  if (f->dense)
    _mw_renderer_start_masks (self, f);
}

/* Dimmed under normal under emphasised; at a dense overview the first two
 * come from their masks. */
void
_mw_renderer_draw_ties (MwRenderer *self,
                        cairo_t    *cr,
                        MwFrame    *f)
{
  if (f->dense && f->raster && self->worker.n_threads > 1)
    _mw_renderer_finish_bands (self);
  if (f->dense)
    _mw_renderer_paint_masks_in_bands (self, cr, f);
  self->ties.cancelled = FALSE;
  self->ties.n_stroked = 0;
  self->ties.n_to_stroke = 0;
  for (guint b = 0; b < MW_N_TIE_BUCKETS; b++)
    self->ties.n_to_stroke += self->ties.buckets[b]->len;
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* dimmed under normal under emphasised; lighter styles under reports */
  for (int state = 0; state < MW_N_STATES; state++)
    {
      static const int order[MW_N_STATES] = { MW_STATE_DIM, MW_STATE_NORMAL, MW_STATE_HIGHLIGHT, MW_STATE_SELECTED };
      static const MwTieType types[] = { MW_TIE_CHECKS, MW_TIE_COLLABORATES, MW_TIE_INFLUENCES, MW_TIE_REPORTS };

      if (f->dense && order[state] <= MW_STATE_DIM)
        {
          _mw_renderer_paint_tie_masks (self, cr, f, order[state]);
          if (f->markers)
            fill_dense_markers (self, cr, f, order[state]);
          continue;
        }
      for (guint t = 0; t < G_N_ELEMENTS (types) && !self->ties.cancelled; t++)
        for (int heavy = 0; heavy < 2 && !self->ties.cancelled; heavy++)
          stroke_tie_bucket (self, cr, f, types[t], order[state], heavy);
    }
  cairo_restore (cr);
}
