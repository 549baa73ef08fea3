/* mw-render-geometry.c: where the renderer puts actors and ties; hit-testing
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderGeometry: each actor's place, radius, colour, label side and
 * box, the tie lanes and the drawing's bounds, recomputed lazily when the
 * network's generation moves on. Hit-testing reads the same numbers.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer-private.h"

#define GRID_DX          120.0   /* the fallback grid for actors without a position */
#define GRID_DY           90.0
#define GRID_GAP          90.0
#define LABEL_GAP          3.0
#define LANE               9.0

void
_mw_render_geometry_init (MwRenderGeometry *geometry)
{
  geometry->actors = g_array_new (FALSE, TRUE, sizeof (MwActorGeom));
  geometry->lanes = g_array_new (FALSE, TRUE, sizeof (double));
  geometry->bends = g_array_new (FALSE, TRUE, sizeof (double));
  geometry->detours = g_array_new (FALSE, TRUE, sizeof (double));
  geometry->routed = g_array_new (FALSE, TRUE, sizeof (double));
  geometry->labelled = g_array_new (FALSE, TRUE, sizeof (double));
  geometry->ties = g_array_new (FALSE, TRUE, sizeof (MwTieEnds));
  geometry->org_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_mw_render_geometry_clear (MwRenderGeometry *geometry)
{
  g_clear_pointer (&geometry->actors, g_array_unref);
  g_clear_pointer (&geometry->lanes, g_array_unref);
  g_clear_pointer (&geometry->bends, g_array_unref);
  g_clear_pointer (&geometry->detours, g_array_unref);
  g_clear_pointer (&geometry->routed, g_array_unref);
  g_clear_pointer (&geometry->labelled, g_array_unref);
  g_clear_pointer (&geometry->ties, g_array_unref);
  g_clear_pointer (&geometry->org_colors, g_hash_table_unref);
}

static double
actor_radius (MwRenderer    *self,
              const MwActor *actor)
{
  double base = actor->kind == MW_ACTOR_ORGANISATION ? 20 : actor->kind == MW_ACTOR_TEAM ? 15 : 12;
  double sized = _mw_renderer_appearance_radius (self, actor, base);
  guint n = 0;

  if (sized > 0)
    return sized;

  switch (self->size_by)
    {
    case MW_SIZE_BY_SPAN:
      n = mw_actor_n_in (actor, MW_TIE_REPORTS);
      break;
    case MW_SIZE_BY_INFLUENCE:
      n = mw_actor_n_in (actor, MW_TIE_INFLUENCES);
      break;
    case MW_SIZE_UNIFORM:
    default:
      break;
    }
  /* area, not radius, grows with the count, and only so far */
  return MIN (base * sqrt (1.0 + 0.35 * n), base * 2.6);
}

static int
compare_unplaced (gconstpointer a,
                  gconstpointer b)
{
  const MwActor *x = *(MwActor * const *)a, *y = *(MwActor * const *)b;
  int c = strcmp (x->org, y->org);

  if (c == 0)
    c = strcmp (x->unit, y->unit);
  if (c == 0)
    c = x->index < y->index ? -1 : x->index > y->index;
  return c;
}

/* Actors without a position go on a grid to the right of the others, in
 * organisation and unit order, so their boundaries stay compact. */
static void
place_unplaced (MwRenderer *self)
{
  guint n = mw_network_get_n_actors (self->network);
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
  double max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE;
  guint columns;

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);

      if (!actor->has_position)
        g_ptr_array_add (unplaced, actor);
      else
        max_x = MAX (max_x, actor->x), min_y = MIN (min_y, actor->y);
    }
  self->geometry.n_unplaced = unplaced->len;
  if (unplaced->len == 0)
    return;
  if (max_x == -G_MAXDOUBLE)
    max_x = -GRID_GAP, min_y = 0;

  g_ptr_array_sort (unplaced, compare_unplaced);
  columns = (guint)ceil (sqrt (unplaced->len * 1.5));
  for (guint i = 0; i < unplaced->len; i++)
    {
      const MwActor *actor = g_ptr_array_index (unplaced, i);
      MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);

      g->x = max_x + GRID_GAP + (i % columns) * GRID_DX;
      g->y = min_y + (i / columns) * GRID_DY;
    }
}

static void
assign_org_colors (MwRenderer *self)
{
  g_auto(GStrv) orgs = mw_network_list_orgs (self->network);
  int next = 0;

  g_hash_table_remove_all (self->geometry.org_colors);
  for (guint i = 0; orgs[i] != NULL; i++)
    if (orgs[i][0] != '\0')
      g_hash_table_insert (self->geometry.org_colors, g_strdup (orgs[i]), GINT_TO_POINTER (++next));
}

/* An organisation's palette index; -1 for none or one not in the network. */
static int
org_color (MwRenderer *self,
           const char *org)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->geometry.org_colors, org)) - 1;
}

/* The label's halo, as drawn: its text with 2 points either side. */
static void
label_rect_at (double  x,
               double  y,
               double  label_w,
               double  label_h,
               MwRect *rect)
{
  *rect = (MwRect) { x - label_w / 2 - 2, y, label_w + 4, label_h };
}

void
_mw_renderer_label_rect (MwRenderer *self,
                         guint       actor,
                         MwRect     *rect)
{
  const MwActorGeom *g = _mw_renderer_actor_geom (self, actor);
  double label_w, label_h;

  _mw_renderer_label_size (self, mw_network_get_actor (self->network, actor), &label_w, &label_h);
  label_rect_at (g->label_x, g->label_y, label_w, label_h, rect);
}

/* The shape with its label and badges. */
static void
actor_box (MwRenderer    *self,
           const MwActor *actor,
           MwRect        *box)
{
  const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
  double top = g->r + 4;
  MwRect label;

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    for (guint i = 0; i < mw_actor_n_out (actor, t); i++)
      if (mw_actor_out (actor, t, i)->to == actor)
        top = MAX (g->r, 6) * 2.2 + 2;   /* room for the self-tie's loop */

  box->x = g->x - g->r - 4;
  box->y = g->y - top;
  box->width = 2 * (g->r + 4);
  box->height = top + g->r + 4;
  _mw_renderer_label_rect (self, actor->index, &label);
  _mw_rect_union (box, &label);
}

/* Where a label may go, in the order tried: under the shape, over it
 * (clear of the badges), right and left of it, then under and over again
 * but past the arrowheads. */
enum { SPOT_UNDER, SPOT_OVER, SPOT_RIGHT, SPOT_LEFT, SPOT_UNDER_FAR, SPOT_OVER_FAR, N_SPOTS };

static void
label_spot (const MwActor     *actor,
            const MwActorGeom *g,
            int                spot,
            double             label_w,
            double             label_h,
            double            *x,
            double            *y)
{
  double over = g->r + LABEL_GAP + 2, far = g->r + 1.5 + MW_ARROW_LENGTH + LABEL_GAP;

  if (actor->purpose || actor->initiative)
    over = MAX (over, g->r * 0.78 + MAX (10, g->r * 0.75) / 2 + 2);
  *x = g->x;
  switch (spot)
    {
    case SPOT_UNDER:
      *y = g->y + g->r + LABEL_GAP;
      break;
    case SPOT_OVER:
      *y = g->y - over - label_h;
      break;
    case SPOT_RIGHT:
    case SPOT_LEFT:
      *x = g->x + (spot == SPOT_RIGHT ? 1 : -1) * (g->r + LABEL_GAP + 2 + label_w / 2 + 2);
      *y = g->y - label_h / 2;
      break;
    case SPOT_UNDER_FAR:
      *y = g->y + far;
      break;
    case SPOT_OVER_FAR:
    default:
      *y = g->y - MAX (over, far) - label_h;
      break;
    }
}

typedef struct
{
  guint skip;
  guint hits;
} Count;

static gboolean
count_box (guint    item,
           gpointer user_data)
{
  Count *count = user_data;

  if (item != count->skip)
    count->hits++;
  return FALSE;
}

static guint
count_in (MwGrid       *grid,
          const MwRect *rect,
          guint         skip)
{
  Count count = { skip, 0 };

  _mw_grid_query (grid, rect, count_box, &count);
  return count.hits;
}

/* Whether more ties leave the shape downwards than upwards: a manager's
 * reports arrive from below, and the label is then tried over it first. */
static void
count_balance (MwRenderer *self,
               int        *balance)
{
  for (guint i = 0; i < self->geometry.ties->len; i++)
    {
      const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, i);
      const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
      const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);
      double dx = fabs (b->x - a->x), dy = b->y - a->y;

      if (dy > dx * 0.5)
        balance[ends->from]++, balance[ends->to]--;
      else if (-dy > dx * 0.5)
        balance[ends->from]--, balance[ends->to]++;
    }
}

/* Past MW_ROUTE_MAX_ACTORS a label only goes over its shape when the
 * balance says so: looking at every tie end costs more than it shows. */
static void
place_labels_quickly (MwRenderer *self,
                      const int  *balance)
{
  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, i);
      MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);
      double label_w, label_h;

      _mw_renderer_label_size (self, actor, &label_w, &label_h);
      label_spot (actor, g, balance[i] > 0 ? SPOT_OVER : SPOT_UNDER, label_w, label_h,
                  &g->label_x, &g->label_y);
    }
}

/* The ends of every tie: where it leaves its source and its arrowhead. */
static MwGrid *
tie_ends_grid (MwRenderer *self)
{
  MwGrid *grid = _mw_grid_new (32, 2 * self->geometry.ties->len);

  for (guint i = 0; i < self->geometry.ties->len; i++)
    {
      MwTieGeom geom;
      MwRect start, end;

      _mw_renderer_tie_geom (self, i, &geom);
      _mw_tie_geom_ends (g_array_index (self->geometry.ties, MwTieEnds, i).type, &geom, &start, &end);
      _mw_grid_add (grid, &start);
      _mw_grid_add (grid, &end);
    }
  return grid;
}

#define MARK 5          /* doubles an actor leaves in labelled */
#define CHANGED_MAX 48  /* past this many changed places every label is placed again */

static void
remember_labels (MwRenderer *self)
{
  guint n = self->geometry.actors->len, n_ties = self->geometry.bends->len;
  GArray *marks = self->geometry.labelled;

  g_array_set_size (marks, MARK * n + n_ties);
  for (guint i = 0; i < n; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);
      double *m = &g_array_index (marks, double, MARK * i);

      m[0] = g->x, m[1] = g->y, m[2] = g->r;
      _mw_renderer_label_size (self, mw_network_get_actor (self->network, i), &m[3], &m[4]);
    }
  if (n_ties > 0)
    memcpy (&g_array_index (marks, double, MARK * n), self->geometry.bends->data, n_ties * sizeof (double));
  self->geometry.labels_valid = TRUE;
}

/* Which labels to place again (TRUE by actor): those of actors that moved
 * or whose label changed, and of any actor near them or near a tie that
 * now bends otherwise; NULL for all of them. */
static gboolean *
labels_to_place (MwRenderer *self)
{
  guint n = self->geometry.actors->len, n_ties = self->geometry.bends->len;
  GArray *marks = self->geometry.labelled;
  g_autoptr(GArray) changed = NULL;
  g_autofree gboolean *dirty = NULL;
  double near = MW_LABEL_MAX_WIDTH + 4 * self->geometry.max_radius + 40;

  if (!self->geometry.labels_valid || marks->len != MARK * n + n_ties)
    return NULL;
  changed = g_array_new (FALSE, FALSE, sizeof (double));
  dirty = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);
      const double *m = &g_array_index (marks, double, MARK * i);
      double w, h;

      _mw_renderer_label_size (self, mw_network_get_actor (self->network, i), &w, &h);
      if (m[0] != g->x || m[1] != g->y || m[2] != g->r || m[3] != w || m[4] != h)
        {
          double both[4] = { m[0], m[1], g->x, g->y };

          dirty[i] = TRUE;
          g_array_append_vals (changed, both, 4);
        }
    }
  for (guint t = 0; t < n_ties; t++)
    if (g_array_index (marks, double, MARK * n + t) != g_array_index (self->geometry.bends, double, t))
      {
        const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, t);
        const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
        const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);
        double both[4] = { a->x, a->y, b->x, b->y };

        g_array_append_vals (changed, both, 4);
      }
  if (changed->len > 2 * CHANGED_MAX)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);

      for (guint c = 0; c < changed->len && !dirty[i]; c += 2)
        dirty[i] = fabs (g->x - g_array_index (changed, double, c)) < near &&
                   fabs (g->y - g_array_index (changed, double, c + 1)) < near;
    }
  return g_steal_pointer (&dirty);
}

/* Places one label: the first spot that covers no tie end or arrowhead,
 * then the fewest shapes and labels. */
static void
place_label (MwRenderer *self,
             guint       i,
             int         balance,
             MwGrid     *ends,
             MwGrid     *shapes,
             MwGrid     *labels)
{
  const MwActor *actor = mw_network_get_actor (self->network, i);
  MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);
  double label_w, label_h, best = G_MAXDOUBLE;
  MwRect rect;

  _mw_renderer_label_size (self, actor, &label_w, &label_h);
  for (int spot = 0; spot < N_SPOTS && best >= 1; spot++)
    {
      /* over first where the balance says so */
      int tried = balance > 0 && spot < 2 ? 1 - spot : spot;
      double x, y, cost;

      label_spot (actor, g, tried, label_w, label_h, &x, &y);
      label_rect_at (x, y, label_w, label_h, &rect);
      cost = 1000.0 * count_in (ends, &rect, G_MAXUINT) + 10.0 * count_in (shapes, &rect, i) +
             count_in (labels, &rect, G_MAXUINT) + spot * 0.01;
      if (cost < best)
        best = cost, g->label_x = x, g->label_y = y;
    }
}

/* Each label goes where it hides no tie's start or arrowhead: words never
 * hide where a tie starts or which way it points. After a drag only the
 * labels near what moved are placed again, round the others as they are. */
static void
place_labels (MwRenderer *self)
{
  guint n = self->geometry.actors->len;
  g_autofree int *balance = g_new0 (int, n);
  g_autofree gboolean *dirty = NULL;
  g_autoptr(MwGrid) ends = NULL;
  g_autoptr(MwGrid) shapes = NULL;
  g_autoptr(MwGrid) labels = NULL;

  count_balance (self, balance);
  if (n > MW_ROUTE_MAX_ACTORS || self->geometry.quick)
    {
      place_labels_quickly (self, balance);
      self->geometry.labels_valid = FALSE;
      return;
    }
  dirty = labels_to_place (self);
  ends = tie_ends_grid (self);
  shapes = _mw_grid_new (MAX (4 * self->geometry.max_radius, 48), n);
  labels = _mw_grid_new (64, n);
  for (guint i = 0; i < n; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);

      _mw_grid_add (shapes, &(MwRect) { g->x - g->r, g->y - g->r, 2 * g->r, 2 * g->r });
    }
  /* the labels that stay, first */
  for (guint i = 0; dirty != NULL && i < n; i++)
    if (!dirty[i])
      {
        MwRect rect;

        _mw_renderer_label_rect (self, i, &rect);
        _mw_grid_add (labels, &rect);
      }
  for (guint i = 0; i < n; i++)
    if (dirty == NULL || dirty[i])
      {
        MwRect rect;

        place_label (self, i, balance[i], ends, shapes, labels);
        _mw_renderer_label_rect (self, i, &rect);
        _mw_grid_add (labels, &rect);
      }
  remember_labels (self);
}

static guint64
pair_key (const MwTie *tie)
{
  guint a = MIN (tie->from->index, tie->to->index), b = MAX (tie->from->index, tie->to->index);

  return (guint64)a << 32 | b;
}

/* Ties that join the same two actors would hide each other: each gets a
 * lane, LANE points apart, measured to the left of the lower-indexed actor
 * → the other, so opposite directions share one side of the lanes. */
static void
compute_bends (MwRenderer *self)
{
  guint n = mw_network_get_n_ties (self->network);
  g_autoptr(GHashTable) count = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_array_set_size (self->geometry.lanes, n);
  g_array_set_size (self->geometry.ties, n);
  for (guint i = 0; i < n; i++)
    {
      const MwTie *tie = mw_network_get_tie (self->network, i);
      guint64 key = pair_key (tie);
      MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, i);

      ends->from = tie->from->index;
      ends->to = tie->to->index;
      ends->type = tie->type;
      ends->heavy = tie->weight > 1.5;
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (count, &key));

      g_hash_table_replace (count, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (k + 1));
    }
  for (guint i = 0; i < n; i++)
    {
      const MwTie *tie = mw_network_get_tie (self->network, i);
      guint64 key = pair_key (tie);
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (count, &key));
      guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (seen, &key));
      double bend = 0;

      if (k > 1)
        {
          bend = (lane - (k - 1) / 2.0) * LANE;
          if (tie->from->index > tie->to->index)
            bend = -bend;
          g_hash_table_replace (seen, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (lane + 1));
        }
      g_array_index (self->geometry.lanes, double, i) = bend;
    }
}

void
_mw_renderer_ensure_geometry (MwRenderer *self)
{
  guint n = mw_network_get_n_actors (self->network);

  g_assert (MW_IS_RENDERER (self));
  if (self->geometry.valid && self->geometry.generation == mw_network_get_generation (self->network))
    return;

  if (!self->geometry.topology_valid || self->geometry.lanes->len != mw_network_get_n_ties (self->network))
    {
      assign_org_colors (self);
      compute_bends (self);
      self->geometry.topology_serial++;
      self->geometry.topology_valid = TRUE;
      self->geometry.routes_valid = FALSE;
      self->geometry.labels_valid = FALSE;
    }
  g_array_set_size (self->geometry.actors, n);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);

      g->x = actor->x;
      g->y = actor->y;
      g->r = actor_radius (self, actor);
      g->color = org_color (self, actor->org);
      g->fill = _mw_renderer_appearance_color (self, actor, g->color);
    }
  self->geometry.max_radius = 0;
  for (guint i = 0; i < n; i++)
    self->geometry.max_radius = MAX (self->geometry.max_radius, _mw_renderer_actor_geom (self, i)->r);
  place_unplaced (self);
  _mw_renderer_route_ties (self);
  place_labels (self);
  for (guint i = 0; i < n; i++)
    actor_box (self, mw_network_get_actor (self->network, i),
               &g_array_index (self->geometry.actors, MwActorGeom, i).box);
  _mw_renderer_compute_groups (self);

  self->geometry.bounds.width = -1;
  for (guint i = 0; i < n; i++)
    _mw_rect_union (&self->geometry.bounds, &g_array_index (self->geometry.actors, MwActorGeom, i).box);
  _mw_renderer_groups_bounds (self, &self->geometry.bounds);
  self->geometry.has_bounds = self->geometry.bounds.width >= 0;

  self->geometry.generation = mw_network_get_generation (self->network);
  self->geometry.serial++;
  self->geometry.valid = TRUE;
}

/**
 * mw_renderer_get_bounds:
 * @bounds: (out): the drawing's extent in model points: shapes, labels,
 *   badges and unit and organisation boundaries with their names
 *
 * Returns: %FALSE when there is nothing to draw
 */
gboolean
mw_renderer_get_bounds (MwRenderer *self,
                        MwRect     *bounds)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  _mw_renderer_ensure_geometry (self);
  if (!self->geometry.has_bounds)
    {
      *bounds = (MwRect) { 0, 0, 0, 0 };
      return FALSE;
    }
  *bounds = self->geometry.bounds;
  return TRUE;
}

void
mw_renderer_get_actor_position (MwRenderer    *self,
                                const MwActor *actor,
                                double        *x,
                                double        *y)
{
  const MwActorGeom *g;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (actor != NULL);

  _mw_renderer_ensure_geometry (self);
  g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
  if (x != NULL)
    *x = g->x;
  if (y != NULL)
    *y = g->y;
}

double
mw_renderer_get_actor_radius (MwRenderer    *self,
                              const MwActor *actor)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), 0);
  g_return_val_if_fail (actor != NULL, 0);

  _mw_renderer_ensure_geometry (self);
  return g_array_index (self->geometry.actors, MwActorGeom, actor->index).r;
}

/* How many actors are drawn on the fallback grid for want of a position. */
guint
mw_renderer_get_n_unplaced (MwRenderer *self)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), 0);
  _mw_renderer_ensure_geometry (self);
  return self->geometry.n_unplaced;
}

void
mw_renderer_get_org_color (MwRenderer *self,
                           const char *org,
                           gboolean    dark,
                           MwColor    *color)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (color != NULL);

  _mw_renderer_ensure_geometry (self);
  _mw_palette_color (org != NULL ? org_color (self, org) : -1, dark, color);
}

/* ---- hit-testing --------------------------------------------------------- */

/**
 * mw_renderer_pick_actor:
 * @x: view pixels
 * @y: view pixels
 *
 * Returns: (transfer none) (nullable): the actor under the point (the
 *   nearest when shapes overlap), with a few pixels' tolerance
 */
MwActor *
mw_renderer_pick_actor (MwRenderer   *self,
                        const MwView *view,
                        double        x,
                        double        y)
{
  MwActor *best = NULL;
  double mx, my, best_d = G_MAXDOUBLE, tolerance;

  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0, NULL);

  _mw_renderer_ensure_geometry (self);
  mw_view_to_model (view, x, y, &mx, &my);
  tolerance = 3 / view->zoom;
  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);
      double d = hypot (mx - g->x, my - g->y);

      if (d <= g->r + tolerance && d - g->r < best_d)
        {
          best_d = d - g->r;
          best = mw_network_get_actor (self->network, i);
        }
    }
  return best;
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

static double
distance_to_tie (const MwTieGeom *g,
                 double           px,
                 double           py)
{
  double best = G_MAXDOUBLE, lx = g->x1, ly = g->y1;

  if (!g->curved)
    return distance_to_segment (px, py, g->x1, g->y1, g->tx, g->ty);

  /* the quadratic in 12 straight pieces is close enough for a pointer */
  for (int i = 1; i <= 12; i++)
    {
      double t = i / 12.0, u = 1 - t;
      double x = u * u * g->x1 + 2 * u * t * g->cx + t * t * g->tx;
      double y = u * u * g->y1 + 2 * u * t * g->cy + t * t * g->ty;

      best = MIN (best, distance_to_segment (px, py, lx, ly, x, y));
      lx = x, ly = y;
    }
  return best;
}

/**
 * mw_renderer_pick_tie:
 *
 * Returns: (transfer none) (nullable): the tie nearest the point, if
 *   within a few pixels of its stroke
 */
MwTie *
mw_renderer_pick_tie (MwRenderer   *self,
                      const MwView *view,
                      double        x,
                      double        y)
{
  MwTie *best = NULL;
  double mx, my, best_d;

  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0, NULL);

  _mw_renderer_ensure_geometry (self);
  mw_view_to_model (view, x, y, &mx, &my);
  best_d = 4 / view->zoom;
  for (guint i = 0; i < mw_network_get_n_ties (self->network); i++)
    {
      MwTie *tie = mw_network_get_tie (self->network, i);
      const MwActorGeom *a = &g_array_index (self->geometry.actors, MwActorGeom, tie->from->index);
      const MwActorGeom *b = &g_array_index (self->geometry.actors, MwActorGeom, tie->to->index);
      MwTieGeom g;
      double d;

      _mw_tie_geometry (tie->type, a->x, a->y, a->r, b->x, b->y, b->r, _mw_renderer_tie_bend (self, tie), TRUE, &g);
      d = distance_to_tie (&g, mx, my);
      if (d <= best_d)
        {
          best_d = d;
          best = tie;
        }
    }
  return best;
}

/**
 * mw_renderer_actors_in_rect:
 * @rect: a rectangle in view pixels (a rubber band); any sign of width/height
 *
 * Returns: (transfer container) (element-type MwActor): the actors whose
 *   centre lies inside, in index order
 */
GPtrArray *
mw_renderer_actors_in_rect (MwRenderer   *self,
                            const MwView *view,
                            const MwRect *rect)
{
  GPtrArray *actors;
  double x1, y1, x2, y2;

  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0 && rect != NULL, NULL);

  _mw_renderer_ensure_geometry (self);
  mw_view_to_model (view, MIN (rect->x, rect->x + rect->width), MIN (rect->y, rect->y + rect->height), &x1, &y1);
  mw_view_to_model (view, MAX (rect->x, rect->x + rect->width), MAX (rect->y, rect->y + rect->height), &x2, &y2);

  actors = g_ptr_array_new ();
  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);

      if (g->x >= x1 && g->x <= x2 && g->y >= y1 && g->y <= y2)
        g_ptr_array_add (actors, mw_network_get_actor (self->network, i));
    }
  return actors;
}
