/* mw-render-index.c: a grid of actors and ties, so a frame reads only what is near the view
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderIndex: a uniform grid over the drawing whose cells list the
 * actors whose box and the ties whose line (with its bow) meet them, in two
 * flat arrays (offsets by cell, then items). It is built once per change of
 * the geometry; a frame then finds its actors and ties in the cells under
 * the view instead of looking at all of them. A long tie is listed in every
 * cell it crosses, not in those of its bounding box. A drag does not build
 * it again: what moved since is compared with what it was built for and
 * kept on two short lists, which every query reads too, until they grow.
 * Nor does an edit: an added actor or tie is on those lists, one that an
 * edit moved into a removed one's index (the network's swap-removal) too,
 * and the cells' items past the network's ends are skipped.
 * Queries return candidates in index order; the caller tests each as it
 * would without the index, so the picture does not depend on it.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer-private.h"

#define INDEX_MIN_TIES   1000   /* fewer: every frame looks at everything */
#define INDEX_MIN_CELLS     4   /* cells per side */
#define INDEX_MAX_CELLS   128
#define ACTORS_PER_CELL    24   /* about this many actors a cell */
#define WIDE_CELLS          3   /* a tie bowing wider is on the wide list */
#define MOVED_MAX         256   /* past this many moved actors the grid is built again */
#define MOVED_TIES_MAX   4096
#define ASYNC_MIN_TIES 100000   /* from this many ties the grid is built on a worker */

/* What a grid is built from: the geometry's arrays, or a worker's copy. */
typedef struct
{
  const MwActorGeom *actors;
  guint              n_actors;
  const MwTieEnds   *ties;
  const double      *bends;
  guint              n_ties;
  guint64            topology;
  const gint        *abandoned; /* (nullable) atomic: stop, nobody wants the grid */
} Source;

/* A grid built on a worker thread from a copy of the geometry, while the
 * frames read every actor and tie (the same pixels, only slower). The
 * renderer and the thread each hold a reference: a renderer that lets go
 * of a job under way (a twin replaced after an edit, one finalized) never
 * waits for it, since a grid of 500,000 ties takes a core for a few
 * hundred milliseconds; the thread stops at its next check and the last
 * reference frees the job. */
struct _MwIndexJob
{
  GThread      *thread;
  gint          refs;        /* atomic */
  gint          done;        /* atomic */
  gint          abandoned;   /* atomic */
  GMutex       *hold;        /* (nullable) the index's, for tests */
  MwActorGeom  *actors;      /* the copy */
  MwTieEnds    *ties;
  double       *bends;
  Source        source;
  MwRenderIndex result;
};

void
_mw_render_index_init (MwRenderIndex *index)
{
  index->moved_actors = g_array_new (FALSE, FALSE, sizeof (guint));
  index->moved_ties = g_array_new (FALSE, FALSE, sizeof (guint));
  index->wide = g_array_new (FALSE, FALSE, sizeof (guint));
  index->async_min_ties = ASYNC_MIN_TIES;
}

static void
index_free_grid (MwRenderIndex *index)
{
  g_clear_pointer (&index->actor_start, g_free);
  g_clear_pointer (&index->actor_items, g_free);
  g_clear_pointer (&index->tie_start, g_free);
  g_clear_pointer (&index->tie_items, g_free);
  g_clear_pointer (&index->boxes, g_free);
  g_clear_pointer (&index->bends, g_free);
  g_clear_pointer (&index->ends, g_free);
  g_clear_pointer (&index->marks, g_free);
  index->built = FALSE;
}

static void index_job_abandon (MwIndexJob *job);

void
_mw_render_index_clear (MwRenderIndex *index)
{
  g_clear_pointer (&index->job, index_job_abandon);
  index_free_grid (index);
  g_clear_pointer (&index->moved_actors, g_array_unref);
  g_clear_pointer (&index->moved_ties, g_array_unref);
  g_clear_pointer (&index->wide, g_array_unref);
}

/* A model coordinate's cell, clamped to the grid: what lies outside it is
 * listed in the cells at its edge, and queries are clamped the same way. */
static int
cell_x (const MwRenderIndex *index,
        double               x)
{
  double c = floor ((x - index->x0) / index->cell);

  if (!(c > 0))
    return 0;
  return c < index->nx - 1 ? (int)c : index->nx - 1;
}

static int
cell_y (const MwRenderIndex *index,
        double               y)
{
  double c = floor ((y - index->y0) / index->cell);

  if (!(c > 0))
    return 0;
  return c < index->ny - 1 ? (int)c : index->ny - 1;
}

static gboolean
is_abandoned (const Source *src)
{
  return src->abandoned != NULL && g_atomic_int_get (src->abandoned);
}

/* How far a tie may stray from the line between its actors' centres: the
 * bound the frame's own test uses (the bow of an influence and the lane). */
static double
tie_bow (const Source    *src,
         guint            tie,
         const MwTieEnds *ends)
{
  const MwActorGeom *a = &src->actors[ends->from], *b = &src->actors[ends->to];

  return (ends->type == MW_TIE_INFLUENCES ? 0.1 * (fabs (a->x - b->x) + fabs (a->y - b->y)) : 0) +
         fabs (src->bends[tie]);
}

/* Counts or fills each cell within @bow of the segment: column by column,
 * the rows the segment spans over the column's width and @bow either side
 * of it, widened by @bow. */
static void
segment_cells (const MwRenderIndex *index,
               double               ax,
               double               ay,
               double               bx,
               double               by,
               double               bow,
               guint               *count,
               guint               *cursor,
               guint               *items,
               guint                item)
{
  double lo_x = MIN (ax, bx), hi_x = MAX (ax, bx);
  int c0 = cell_x (index, lo_x - bow), c1 = cell_x (index, hi_x + bow);

  for (int cx = c0; cx <= c1; cx++)
    {
      /* the column and, either side, what the bow reaches into it from */
      double x1 = index->x0 + cx * index->cell - bow, x2 = x1 + index->cell + 2 * bow, ya, yb;
      int r0, r1;

      /* the edge columns also hold what lies beyond them */
      if (cx == 0)
        x1 = -G_MAXDOUBLE;
      if (cx == index->nx - 1)
        x2 = G_MAXDOUBLE;
      /* the segment's part over this column (its nearest end when the
       * column is only reached by the bow) */
      x1 = CLAMP (x1, lo_x, hi_x);
      x2 = CLAMP (x2, lo_x, hi_x);
      if (hi_x - lo_x > 1e-9)
        {
          ya = ay + (by - ay) * (x1 - ax) / (bx - ax);
          yb = ay + (by - ay) * (x2 - ax) / (bx - ax);
        }
      else
        ya = ay, yb = by;
      if (!(fabs (ya) < G_MAXDOUBLE && fabs (yb) < G_MAXDOUBLE))
        ya = MIN (ay, by), yb = MAX (ay, by);   /* NaN: every row the ends span */
      r0 = cell_y (index, MIN (ya, yb) - bow);
      r1 = cell_y (index, MAX (ya, yb) + bow);
      for (int cy = r0; cy <= r1; cy++)
        {
          guint cell = (guint)cy * (guint)index->nx + (guint)cx;

          if (items == NULL)
            count[cell]++;
          else
            items[cursor[cell]++] = item;
        }
    }
}

/* Lists every tie in the cells it crosses; a tie that bows wider than a
 * few cells goes on the wide list instead. */
static void
index_ties (const Source  *src,
            MwRenderIndex *index,
            guint         *count,
            guint         *cursor,
            guint         *items)
{
  for (guint i = 0; i < index->n_ties; i++)
    {
      const MwTieEnds *ends = &src->ties[i];
      const MwActorGeom *a = &src->actors[ends->from], *b = &src->actors[ends->to];
      double bow;

      if (i % 4096 == 0 && is_abandoned (src))
        return;
      bow = tie_bow (src, i, ends);

      if (bow > WIDE_CELLS * index->cell)
        {
          if (items == NULL)
            g_array_append_val (index->wide, i);
          continue;
        }
      /* (a little wider than the frame's test, against rounding) */
      segment_cells (index, a->x, a->y, b->x, b->y, bow * 1.000001 + 1e-6 * index->cell, count, cursor,
                     items, i);
    }
}

static void
index_actors (const Source  *src,
              MwRenderIndex *index,
              guint         *count,
              guint         *cursor,
              guint         *items)
{
  for (guint i = 0; i < index->n_actors; i++)
    {
      const MwRect *b = &src->actors[i].box;
      int c0 = cell_x (index, b->x), c1 = cell_x (index, b->x + b->width);
      int r0 = cell_y (index, b->y), r1 = cell_y (index, b->y + b->height);

      for (int cy = r0; cy <= r1; cy++)
        for (int cx = c0; cx <= c1; cx++)
          {
            guint cell = (guint)cy * (guint)index->nx + (guint)cx;

            if (items == NULL)
              count[cell]++;
            else
              items[cursor[cell]++] = i;
          }
    }
}

/* Offsets from counts (in place: count[c] becomes where cell c starts, and
 * count[n] the total); returns the total. */
static guint
prefix_sums (guint *count,
             guint  n)
{
  guint total = 0;

  for (guint c = 0; c <= n; c++)
    {
      guint k = c < n ? count[c] : 0;

      count[c] = total;
      total += k;
    }
  return total;
}

/* The grid over the actors' boxes: about ACTORS_PER_CELL actors a cell. */
static void
index_size (const Source  *src,
            MwRenderIndex *index)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE, side;
  int cells = (int)ceil (sqrt ((double)index->n_actors / ACTORS_PER_CELL));

  for (guint i = 0; i < index->n_actors; i++)
    {
      const MwActorGeom *g = &src->actors[i];

      /* far and broken positions would stretch the grid: they go to its edges */
      if (!(fabs (g->x) < 1e7 && fabs (g->y) < 1e7))
        continue;
      x1 = MIN (x1, g->x), y1 = MIN (y1, g->y);
      x2 = MAX (x2, g->x), y2 = MAX (y2, g->y);
    }
  if (x1 > x2)
    x1 = y1 = 0, x2 = y2 = 1;
  cells = CLAMP (cells, INDEX_MIN_CELLS, INDEX_MAX_CELLS);
  side = MAX (x2 - x1, y2 - y1);
  index->cell = MAX (side / cells, 1);
  index->x0 = x1, index->y0 = y1;
  index->nx = CLAMP ((int)ceil ((x2 - x1) / index->cell) + 1, 1, INDEX_MAX_CELLS + 1);
  index->ny = CLAMP ((int)ceil ((y2 - y1) / index->cell) + 1, 1, INDEX_MAX_CELLS + 1);
}

static void
index_build (const Source  *src,
             MwRenderIndex *index)
{
  guint n_cells, total;
  g_autofree guint *cursor = NULL;

  index_free_grid (index);
  g_array_set_size (index->moved_actors, 0);
  g_array_set_size (index->moved_ties, 0);
  g_array_set_size (index->wide, 0);
  index->n_actors = src->n_actors;
  index->n_ties = src->n_ties;
  index_size (src, index);
  n_cells = (guint)index->nx * (guint)index->ny;

  index->actor_start = g_new0 (guint, n_cells + 1);
  index_actors (src, index, index->actor_start, NULL, NULL);
  total = prefix_sums (index->actor_start, n_cells);
  index->actor_items = g_new (guint, MAX (total, 1));
  cursor = g_memdup2 (index->actor_start, (n_cells + 1) * sizeof (guint));
  index_actors (src, index, NULL, cursor, index->actor_items);

  index->tie_start = g_new0 (guint, n_cells + 1);
  index_ties (src, index, index->tie_start, NULL, NULL);
  total = prefix_sums (index->tie_start, n_cells);
  index->tie_items = g_new (guint, MAX (total, 1));
  memcpy (cursor, index->tie_start, (n_cells + 1) * sizeof (guint));
  index_ties (src, index, NULL, cursor, index->tie_items);

  /* what it was built for, to tell later what moved */
  index->boxes = g_new (MwRect, MAX (index->n_actors, 1));
  for (guint i = 0; i < index->n_actors; i++)
    index->boxes[i] = src->actors[i].box;
  index->bends = g_memdup2 (src->bends, MAX (index->n_ties, 1) * sizeof (double));
  index->ends = g_new (guint, 2 * MAX (index->n_ties, 1));
  for (guint t = 0; t < index->n_ties; t++)
    {
      index->ends[2 * t] = src->ties[t].from;
      index->ends[2 * t + 1] = src->ties[t].to;
    }
  index->tie_base = index->n_actors + MOVED_MAX + 1;
  index->marks = g_new0 (guint64, (index->tie_base + index->n_ties + MOVED_TIES_MAX + 1) / 64 + 2);
  index->topology = src->topology;
  index->built = TRUE;
}

static Source
geometry_source (MwRenderer *self)
{
  return (Source) {
    (const MwActorGeom *)self->geometry.actors->data, self->geometry.actors->len,
    (const MwTieEnds *)self->geometry.ties->data, (const double *)self->geometry.bends->data,
    self->geometry.ties->len, self->geometry.topology_serial,
  };
}

static gint n_jobs;   /* atomic: started and not yet freed, for tests */

/**
 * _mw_render_index_n_jobs:
 *
 * Returns: how many grids are being built or kept by a worker, in the
 *   whole process: those let go of are freed by their threads, later
 */
guint
_mw_render_index_n_jobs (void)
{
  return (guint)g_atomic_int_get (&n_jobs);
}

static void
index_job_unref (MwIndexJob *job)
{
  if (!g_atomic_int_dec_and_test (&job->refs))
    return;
  g_atomic_int_add (&n_jobs, -1);
  _mw_render_index_clear (&job->result);
  g_free (job->actors);
  g_free (job->ties);
  g_free (job->bends);
  g_free (job);
}

static gpointer
index_job_run (gpointer data)
{
  MwIndexJob *job = data;

  if (job->hold != NULL)
    {
      g_mutex_lock (job->hold);
      g_mutex_unlock (job->hold);
    }
  index_build (&job->source, &job->result);
  g_atomic_int_set (&job->done, 1);
  index_job_unref (job);
  return NULL;
}

/* Copies what the grid is built from (a few milliseconds at 100,000
 * actors) and builds it on a thread of its own. */
static MwIndexJob *
index_job_start (MwRenderer *self)
{
  MwIndexJob *job = g_new0 (MwIndexJob, 1);
  Source src = geometry_source (self);

  job->actors = g_memdup2 (src.actors, MAX (src.n_actors, 1) * sizeof (MwActorGeom));
  job->ties = g_memdup2 (src.ties, MAX (src.n_ties, 1) * sizeof (MwTieEnds));
  job->bends = g_memdup2 (src.bends, MAX (src.n_ties, 1) * sizeof (double));
  job->source = (Source) { job->actors, src.n_actors, job->ties, job->bends, src.n_ties, src.topology,
                           &job->abandoned };
  _mw_render_index_init (&job->result);
  job->refs = 2;
  job->hold = self->index.hold;
  g_atomic_int_inc (&n_jobs);
  job->thread = g_thread_new ("mw-render-index", index_job_run, job);
  return job;
}

/* Lets go of @job without waiting for it. */
static void
index_job_abandon (MwIndexJob *job)
{
  g_atomic_int_set (&job->abandoned, 1);
  g_thread_unref (job->thread);
  index_job_unref (job);
}

/* Takes a finished worker's grid in place of the index's own. */
static void
index_take_job (MwRenderIndex *index)
{
  MwIndexJob *job = g_steal_pointer (&index->job);
  MwRenderIndex *built = &job->result;
  gboolean off = index->off;
  guint async_min_ties = index->async_min_ties;
  GMutex *hold = index->hold;

  /* done: the grid is whole; the thread only has its reference to drop */
  g_thread_unref (job->thread);
  _mw_render_index_clear (index);
  *index = *built;
  index->off = off;
  index->async_min_ties = async_min_ties;
  index->hold = hold;
  index->serial = 0;   /* brought up to the geometry by index_update() */
  memset (built, 0, sizeof *built);
  index_job_unref (job);
}

static gboolean
same_rect (const MwRect *a,
           const MwRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static gboolean
is_marked (const guint64 *bits,
           guint          i)
{
  return (bits[i / 64] >> (i % 64) & 1) != 0;
}

/* Whether tie @t is not where the grid has it: an end moved, it bends
 * otherwise, joins other actors (another tie was moved into its index) or
 * was added since. */
static gboolean
tie_moved (MwRenderer          *self,
           const MwRenderIndex *index,
           const guint64       *moved,
           guint                t)
{
  const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, t);

  return t >= index->n_ties || is_marked (moved, ends->from) || is_marked (moved, ends->to) ||
         index->bends[t] != g_array_index (self->geometry.bends, double, t) ||
         index->ends[2 * t] != ends->from || index->ends[2 * t + 1] != ends->to;
}

/* After a drag or an edit: the actors whose box moved (or that were added)
 * and the ties that moved go on the moved lists. FALSE when they are too
 * many (the grid is then built again). */
static gboolean
index_update (MwRenderer    *self,
              MwRenderIndex *index)
{
  guint n = self->geometry.actors->len, n_ties = self->geometry.ties->len;
  g_autofree guint64 *moved = g_new0 (guint64, n / 64 + 1);
  guint n_moved = 0;

  g_array_set_size (index->moved_actors, 0);
  g_array_set_size (index->moved_ties, 0);
  if (n >= index->tie_base || n_ties > index->n_ties + MOVED_TIES_MAX)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (i >= index->n_actors || !same_rect (&index->boxes[i], &_mw_renderer_actor_geom (self, i)->box))
      {
        moved[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
        g_array_append_val (index->moved_actors, i);
        if (++n_moved > MOVED_MAX)
          return FALSE;
      }
  for (guint t = 0; t < n_ties; t++)
    if (tie_moved (self, index, moved, t))
      {
        g_array_append_val (index->moved_ties, t);
        if (index->moved_ties->len > MOVED_TIES_MAX)
          return FALSE;
      }
  return TRUE;
}

/* Brings the index up to the geometry (which must be valid), when a view
 * of @visible (model points) would use it: a view of much of the drawing
 * reads everything anyway, and the first frame, fitted to the window,
 * need not wait for the grid. */
void
_mw_renderer_ensure_index (MwRenderer   *self,
                           const MwRect *visible)
{
  MwRenderIndex *index = &self->index;
  const MwRect *b = &self->geometry.bounds;

  if (self->geometry.ties->len < INDEX_MIN_TIES)
    {
      if (index->built)
        index_free_grid (index);
      return;
    }
  /* a worker's grid of another topology is of no use any more */
  if (index->job != NULL && g_atomic_int_get (&index->job->done))
    {
      if (index->job->source.topology == self->geometry.topology_serial)
        index_take_job (index);
      else
        g_clear_pointer (&index->job, index_job_abandon);
    }
  if (index->built && index->serial == self->geometry.serial)
    return;
  if (self->geometry.has_bounds && visible->width * visible->height * 4 > b->width * b->height)
    return;
  if (index->built && index->topology == self->geometry.topology_serial && index_update (self, index))
    {
      index->serial = self->geometry.serial;
      return;
    }
  if (self->geometry.ties->len >= index->async_min_ties)
    {
      /* meanwhile every frame reads everything */
      if (index->job == NULL)
        index->job = index_job_start (self);
      index->built = index->built && index->topology == self->geometry.topology_serial;
      return;
    }
  {
    Source src = geometry_source (self);

    index_build (&src, index);
  }
  index->serial = self->geometry.serial;
}

static void
mark (guint64 *marks,
      guint    bit)
{
  marks[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

/* Appends the set bits from @first on, in order, less @first, clearing them. */
static void
take_marks (guint64 *marks,
            guint    first,
            guint    n,
            GArray  *out)
{
  for (guint w = first / 64; w <= (first + n - 1) / 64 && n > 0; w++)
    while (marks[w] != 0)
      {
        guint bit = w * 64 + (guint)__builtin_ctzll (marks[w]);

        if (bit >= first && bit < first + n)
          {
            guint item = bit - first;

            g_array_append_val (out, item);
          }
        else if (bit >= first + n)
          break;
        marks[w] &= marks[w] - 1;
      }
}

/* Whether the index can answer for @rect: built, and the rect covers
 * little enough of it that reading its cells beats reading everything. */
static gboolean
index_cells (MwRenderer   *self,
             const MwRect *rect,
             int           cells[4])
{
  const MwRenderIndex *index = &self->index;

  /* (not brought up to the geometry: the last view did not need it) */
  if (!index->built || index->off || index->serial != self->geometry.serial)
    return FALSE;
  cells[0] = cell_x (index, rect->x);
  cells[1] = cell_y (index, rect->y);
  cells[2] = cell_x (index, rect->x + rect->width);
  cells[3] = cell_y (index, rect->y + rect->height);
  return (gint64)(cells[2] - cells[0] + 1) * (cells[3] - cells[1] + 1) * 4 <= (gint64)index->nx * index->ny;
}

/**
 * _mw_renderer_index_actors:
 * @rect: model points
 * @out: receives actor indices, in order, each once
 *
 * The actors whose box may meet @rect (and maybe a few more).
 *
 * Returns: %FALSE when the index cannot tell (the caller reads every actor)
 */
gboolean
_mw_renderer_index_actors (MwRenderer   *self,
                           const MwRect *rect,
                           GArray       *out)
{
  MwRenderIndex *index = &self->index;
  guint n = self->geometry.actors->len;
  int cells[4];

  if (!index_cells (self, rect, cells))
    return FALSE;
  for (int cy = cells[1]; cy <= cells[3]; cy++)
    for (int cx = cells[0]; cx <= cells[2]; cx++)
      {
        guint cell = (guint)cy * (guint)index->nx + (guint)cx;

        for (guint k = index->actor_start[cell]; k < index->actor_start[cell + 1]; k++)
          if (index->actor_items[k] < n)   /* (removed since) */
            mark (index->marks, index->actor_items[k]);
      }
  for (guint i = 0; i < index->moved_actors->len; i++)
    mark (index->marks, g_array_index (index->moved_actors, guint, i));
  take_marks (index->marks, 0, n, out);
  return TRUE;
}

/**
 * _mw_renderer_index_ties:
 * @rect: model points
 * @out: receives tie indices, in order, each once
 *
 * The ties whose line, with its bow, may pass within @rect.
 *
 * Returns: %FALSE when the index cannot tell (the caller reads every tie)
 */
gboolean
_mw_renderer_index_ties (MwRenderer   *self,
                         const MwRect *rect,
                         GArray       *out)
{
  MwRenderIndex *index = &self->index;
  guint first = index->tie_base, n = self->geometry.ties->len;
  int cells[4];

  if (!index_cells (self, rect, cells))
    return FALSE;
  for (int cy = cells[1]; cy <= cells[3]; cy++)
    for (int cx = cells[0]; cx <= cells[2]; cx++)
      {
        guint cell = (guint)cy * (guint)index->nx + (guint)cx;

        for (guint k = index->tie_start[cell]; k < index->tie_start[cell + 1]; k++)
          if (index->tie_items[k] < n)   /* (removed since) */
            mark (index->marks, first + index->tie_items[k]);
      }
  for (guint i = 0; i < index->moved_ties->len; i++)
    mark (index->marks, first + g_array_index (index->moved_ties, guint, i));
  for (guint i = 0; i < index->wide->len; i++)
    if (g_array_index (index->wide, guint, i) < n)
      mark (index->marks, first + g_array_index (index->wide, guint, i));
  take_marks (index->marks, first, n, out);
  return TRUE;
}
