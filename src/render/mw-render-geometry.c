/* mw-render-geometry.c: where the renderer puts actors and ties
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderGeometry: each actor's place, radius, colour, label side and
 * box, the tie lanes and the drawing's bounds, recomputed lazily when the
 * network's generation moves on, or past MW_ROUTE_MAX_ACTORS updated for
 * only what the edits since touched. Hit-testing (mw-render-pick.c) reads
 * the same numbers.
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
  geometry->edited_actors = g_array_new (FALSE, FALSE, sizeof (guint));
  geometry->edited_ties = g_array_new (FALSE, FALSE, sizeof (guint));
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
  g_clear_pointer (&geometry->edited_actors, g_array_unref);
  g_clear_pointer (&geometry->edited_ties, g_array_unref);
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

/* The same balance for one actor, from its own ties: after an edit. */
static int
actor_balance (MwRenderer    *self,
               const MwActor *actor)
{
  int balance = 0;

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      for (guint i = 0; i < mw_actor_n_out (actor, t); i++)
        {
          const MwTie *tie = mw_actor_out (actor, t, i);
          const MwActorGeom *a = _mw_renderer_actor_geom (self, tie->from->index);
          const MwActorGeom *b = _mw_renderer_actor_geom (self, tie->to->index);
          double dx = fabs (b->x - a->x), dy = b->y - a->y;

          balance += dy > dx * 0.5 ? 1 : -dy > dx * 0.5 ? -1 : 0;
        }
      for (guint i = 0; i < mw_actor_n_in (actor, t); i++)
        {
          const MwTie *tie = mw_actor_in (actor, t, i);
          const MwActorGeom *a = _mw_renderer_actor_geom (self, tie->from->index);
          const MwActorGeom *b = _mw_renderer_actor_geom (self, tie->to->index);
          double dx = fabs (b->x - a->x), dy = b->y - a->y;

          balance += dy > dx * 0.5 ? -1 : -dy > dx * 0.5 ? 1 : 0;
        }
    }
  return balance;
}

/* Past MW_ROUTE_MAX_ACTORS a label only goes over its shape when the
 * balance says so: looking at every tie end costs more than it shows. */
static void
place_label_quickly (MwRenderer *self,
                     guint       i,
                     int         balance)
{
  const MwActor *actor = mw_network_get_actor (self->network, i);
  MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);
  double label_w, label_h;

  _mw_renderer_label_size (self, actor, &label_w, &label_h);
  label_spot (actor, g, balance > 0 ? SPOT_OVER : SPOT_UNDER, label_w, label_h, &g->label_x, &g->label_y);
}

static void
place_labels_quickly (MwRenderer *self,
                      const int  *balance)
{
  _mw_renderer_measure_labels (self);
  for (guint i = 0; i < self->geometry.actors->len; i++)
    place_label_quickly (self, i, balance[i]);
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

/* Ties by the pair of actors they join, in an open-addressed table of
 * flat slots: half a million ties would cost as many allocations in a
 * GHashTable. */
typedef struct
{
  guint64 key;
  guint   count;       /* 0: the slot is free */
  guint   seen;
} PairSlot;

static guint64
pair_key (guint a,
          guint b)
{
  return (guint64)MIN (a, b) << 32 | MAX (a, b);
}

static PairSlot *
pair_slot (PairSlot *slots,
           guint     mask,
           guint64   key)
{
  guint i = (guint)((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;

  while (slots[i].count != 0 && slots[i].key != key)
    i = (i + 1) & mask;
  slots[i].key = key;
  return &slots[i];
}

static double
lane_bend (guint lane,
           guint k,
           guint from,
           guint to)
{
  double bend;

  if (k < 2)
    return 0;
  bend = (lane - (k - 1) / 2.0) * LANE;
  return from > to ? -bend : bend;
}

static MwTieEnds
tie_ends (const MwTie *tie)
{
  return (MwTieEnds) { tie->from->index, tie->to->index, tie->type, tie->weight > 1.5 };
}

/* Ties that join the same two actors would hide each other: each gets a
 * lane, LANE points apart, measured to the left of the lower-indexed actor
 * → the other, so opposite directions share one side of the lanes. */
static void
compute_bends (MwRenderer *self)
{
  guint n = mw_network_get_n_ties (self->network), size = 16;
  g_autofree PairSlot *slots = NULL;

  while (size < 2 * n)
    size *= 2;
  slots = g_new0 (PairSlot, size);
  g_array_set_size (self->geometry.lanes, n);
  g_array_set_size (self->geometry.ties, n);
  for (guint i = 0; i < n; i++)
    {
      MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, i);

      *ends = tie_ends (mw_network_get_tie (self->network, i));
      pair_slot (slots, size - 1, pair_key (ends->from, ends->to))->count++;
    }
  for (guint i = 0; i < n; i++)
    {
      const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, i);
      PairSlot *slot = pair_slot (slots, size - 1, pair_key (ends->from, ends->to));

      g_array_index (self->geometry.lanes, double, i) = lane_bend (slot->seen++, slot->count, ends->from, ends->to);
    }
}

/* An actor's place, size and colours, before labels and boxes. */
static void
place_actor (MwRenderer    *self,
             const MwActor *actor)
{
  MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);

  g->x = actor->x;
  g->y = actor->y;
  g->r = actor_radius (self, actor);
  g->color = org_color (self, actor->org);
  g->fill = _mw_renderer_appearance_color (self, actor, g->color);
}

/* What both a computation and an update end with: the boundaries, the
 * bounds, and the lists of edits started afresh. */
static void
finish_geometry (MwRenderer *self)
{
  MwRenderGeometry *geometry = &self->geometry;
  guint n = geometry->actors->len;

  geometry->max_radius = 0;
  for (guint i = 0; i < n; i++)
    geometry->max_radius = MAX (geometry->max_radius, _mw_renderer_actor_geom (self, i)->r);
  _mw_renderer_compute_groups (self);
  geometry->bounds.width = -1;
  for (guint i = 0; i < n; i++)
    _mw_rect_union (&geometry->bounds, &_mw_renderer_actor_geom (self, i)->box);
  _mw_renderer_groups_bounds (self, &geometry->bounds);
  geometry->has_bounds = geometry->bounds.width >= 0;

  geometry->generation = mw_network_get_generation (self->network);
  geometry->serial++;
  geometry->valid = TRUE;
  geometry->editing = TRUE;
  geometry->edit_generation = geometry->generation;
  g_array_set_size (geometry->edited_actors, 0);
  g_array_set_size (geometry->edited_ties, 0);
}

/* ---- edits --------------------------------------------------------------- *
 *
 * At 100,000 actors computing everything again costs seconds. Past
 * MW_ROUTE_MAX_ACTORS (ties go straight, labels take the side their ties
 * leave), an edit changes only its own actors and ties, their pairs'
 * lanes and their neighbours' label sides: those are listed as each change
 * is heard, and the next computation updates only them, then the
 * boundaries and bounds (a pass over the actors' boxes). The network's
 * swap-removals move the last actor or tie into the removed one's index;
 * the geometry's arrays follow at once, so the lists stay right.
 */

#define EDITED_ACTORS_MAX  4096   /* past these, the geometry is computed again */
#define EDITED_TIES_MAX   16384

static guint
actor_degree (const MwActor *actor)
{
  return actor->adjacency_ends[2 * MW_N_TIE_TYPES - 1];
}

static void
note_actor (MwRenderer *self,
            guint       index)
{
  g_array_append_val (self->geometry.edited_actors, index);
}

static void
note_tie (MwRenderer *self,
          guint       index)
{
  g_array_append_val (self->geometry.edited_ties, index);
}

/* What was listed under index @from is now at @to. */
static void
rename_edits (GArray *list,
              guint   from,
              guint   to)
{
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, guint, i) == from)
      g_array_index (list, guint, i) = to;
}

static int
compare_tie_index (gconstpointer a,
                   gconstpointer b)
{
  guint x = (*(MwTie * const *)a)->index, y = (*(MwTie * const *)b)->index;

  return (x > y) - (x < y);
}

/* The lanes of the ties between @a and @b, as compute_bends() gives them:
 * found in the adjacency of whichever has fewer ties. */
static void
lane_pair (MwRenderer    *self,
           const MwActor *a,
           const MwActor *b)
{
  const MwActor *x = actor_degree (a) <= actor_degree (b) ? a : b, *y = x == a ? b : a;
  g_autoptr(GPtrArray) pair = g_ptr_array_new ();

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      for (guint i = 0; i < mw_actor_n_out (x, t); i++)
        if (mw_actor_out (x, t, i)->to == y)
          g_ptr_array_add (pair, mw_actor_out (x, t, i));
      /* a self-tie is in both of its actor's lists */
      for (guint i = 0; x != y && i < mw_actor_n_in (x, t); i++)
        if (mw_actor_in (x, t, i)->from == y)
          g_ptr_array_add (pair, mw_actor_in (x, t, i));
    }
  g_ptr_array_sort (pair, compare_tie_index);
  for (guint lane = 0; lane < pair->len; lane++)
    {
      const MwTie *tie = g_ptr_array_index (pair, lane);

      g_array_index (self->geometry.lanes, double, tie->index) =
        lane_bend (lane, pair->len, tie->from->index, tie->to->index);
      note_tie (self, tie->index);
    }
}

static gboolean
appearance_mapped (MwRenderer *self)
{
  for (guint c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    {
      g_autofree char *source = mw_appearance_get_source (self->network, c);

      if (source != NULL && source[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Whether @change can be followed edit by edit: the geometry was valid
 * and heard every change since, routes and label placement are the quick
 * ones, and no appearance mapping can change every actor at once. */
static gboolean
can_follow (MwRenderer     *self,
            const MwChange *change)
{
  MwRenderGeometry *geometry = &self->geometry;
  guint n = mw_network_get_n_actors (self->network), n_ties = mw_network_get_n_ties (self->network);

  if (!geometry->valid || !geometry->editing ||
      geometry->edit_generation + 1 != mw_network_get_generation (self->network) ||
      geometry->n_unplaced > 0 || geometry->lanes->len != geometry->ties->len ||
      !(geometry->quick || MIN (n, geometry->actors->len) > MW_ROUTE_MAX_ACTORS))
    return FALSE;
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_ADDED:
      if (change->actor->index != geometry->actors->len || n != geometry->actors->len + 1)
        return FALSE;
      break;
    case MW_CHANGE_ACTOR_REMOVED:
      if (change->actor->index >= geometry->actors->len || n + 1 != geometry->actors->len)
        return FALSE;
      break;
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->actor->index >= geometry->actors->len)
        return FALSE;
      break;
    case MW_CHANGE_TIE_ADDED:
      if (change->tie->index != geometry->ties->len || n_ties != geometry->ties->len + 1)
        return FALSE;
      break;
    case MW_CHANGE_TIE_REMOVED:
      if (change->tie->index >= geometry->ties->len || n_ties + 1 != geometry->ties->len)
        return FALSE;
      break;
    case MW_CHANGE_TIE_CHANGED:
      if (change->tie->index >= geometry->ties->len)
        return FALSE;
      break;
    case MW_CHANGE_NETWORK_CHANGED:
    case MW_CHANGE_BATCH:
    default:
      return FALSE;
    }
  return !appearance_mapped (self);
}

/* Stops following edits: the next computation does everything. */
static void
stop_following (MwRenderer *self)
{
  MwRenderGeometry *geometry = &self->geometry;

  /* a new organisation's colour or lanes may wait on the lists */
  if (geometry->edited_actors->len > 0 || geometry->edited_ties->len > 0)
    geometry->topology_valid = FALSE;
  geometry->editing = FALSE;
  g_array_set_size (geometry->edited_actors, 0);
  g_array_set_size (geometry->edited_ties, 0);
}

static void
tie_added (MwRenderer  *self,
           const MwTie *tie)
{
  MwTieEnds ends = tie_ends (tie);

  g_array_append_val (self->geometry.ties, ends);
  g_array_set_size (self->geometry.lanes, self->geometry.ties->len);
  g_array_set_size (self->geometry.bends, self->geometry.ties->len);
  lane_pair (self, tie->from, tie->to);
  note_actor (self, tie->from->index);
  note_actor (self, tie->to->index);
}

/* The network moved its last tie into the removed one's index. */
static void
tie_removed (MwRenderer  *self,
             const MwTie *tie)
{
  MwRenderGeometry *geometry = &self->geometry;
  guint i = tie->index, last = geometry->ties->len - 1;

  if (i != last)
    {
      g_array_index (geometry->ties, MwTieEnds, i) = g_array_index (geometry->ties, MwTieEnds, last);
      g_array_index (geometry->lanes, double, i) = g_array_index (geometry->lanes, double, last);
      g_array_index (geometry->bends, double, i) = g_array_index (geometry->bends, double, last);
      rename_edits (geometry->edited_ties, last, i);
    }
  g_array_set_size (geometry->ties, last);
  g_array_set_size (geometry->lanes, last);
  g_array_set_size (geometry->bends, last);
  lane_pair (self, tie->from, tie->to);
  if (i < last)
    {
      const MwTie *moved = mw_network_get_tie (self->network, i);

      lane_pair (self, moved->from, moved->to);
      note_tie (self, i);
    }
  note_actor (self, tie->from->index);
  note_actor (self, tie->to->index);
}

static void
tie_changed (MwRenderer  *self,
             const MwTie *tie)
{
  MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, tie->index);
  const MwActor *from = mw_network_get_actor (self->network, ends->from);
  const MwActor *to = mw_network_get_actor (self->network, ends->to);

  note_actor (self, ends->from);
  note_actor (self, ends->to);
  *ends = tie_ends (tie);
  lane_pair (self, from, to);
  lane_pair (self, tie->from, tie->to);
  note_tie (self, tie->index);
  note_actor (self, tie->from->index);
  note_actor (self, tie->to->index);
}

/* The network moved its last actor into the removed one's index (its ties
 * were removed before it): the moved actor's ties follow, and their lanes,
 * whose side depends on which end has the lower index. */
static void
actor_removed (MwRenderer    *self,
               const MwActor *actor)
{
  MwRenderGeometry *geometry = &self->geometry;
  guint k = actor->index, last = geometry->actors->len - 1;
  const MwActor *moved;

  if (k == last)
    {
      g_array_set_size (geometry->actors, last);
      return;
    }
  g_array_index (geometry->actors, MwActorGeom, k) = g_array_index (geometry->actors, MwActorGeom, last);
  g_array_set_size (geometry->actors, last);
  rename_edits (geometry->edited_actors, last, k);
  moved = mw_network_get_actor (self->network, k);
  for (guint e = 0; e < actor_degree (moved); e++)
    {
      const MwTie *tie = moved->adjacency[e];

      g_array_index (geometry->ties, MwTieEnds, tie->index) = tie_ends (tie);
      lane_pair (self, tie->from, tie->to);
    }
  note_actor (self, k);
}

/**
 * _mw_renderer_geometry_changed:
 * @change: as the network announced it, when it happened
 *
 * Follows one change of the network in the geometry's arrays and lists
 * what it touched, for the next computation to update only that.
 *
 * Returns: %FALSE when the geometry is to be computed again in full
 */
gboolean
_mw_renderer_geometry_changed (MwRenderer     *self,
                               const MwChange *change)
{
  MwRenderGeometry *geometry = &self->geometry;

  if (!can_follow (self, change))
    {
      stop_following (self);
      return FALSE;
    }
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_ADDED:
      g_array_set_size (geometry->actors, geometry->actors->len + 1);
      note_actor (self, change->actor->index);
      break;
    case MW_CHANGE_ACTOR_REMOVED:
      actor_removed (self, change->actor);
      break;
    case MW_CHANGE_TIE_ADDED:
      tie_added (self, change->tie);
      break;
    case MW_CHANGE_TIE_REMOVED:
      tie_removed (self, change->tie);
      break;
    case MW_CHANGE_TIE_CHANGED:
      tie_changed (self, change->tie);
      break;
    case MW_CHANGE_ACTOR_CHANGED:
    default:
      note_actor (self, change->actor->index);
      break;
    }
  geometry->edit_generation = mw_network_get_generation (self->network);
  if (geometry->edited_actors->len > EDITED_ACTORS_MAX || geometry->edited_ties->len > EDITED_TIES_MAX)
    {
      stop_following (self);
      return FALSE;
    }
  return TRUE;
}

/* Whether the organisations are still those the colours were given for. */
static gboolean
same_orgs (MwRenderer *self)
{
  g_auto(GStrv) orgs = mw_network_list_orgs (self->network);
  guint next = 0;

  for (guint i = 0; orgs[i] != NULL; i++)
    if (orgs[i][0] != '\0' && org_color (self, orgs[i]) != (int)next++)
      return FALSE;
  return next == g_hash_table_size (self->geometry.org_colors);
}

static void
mark_neighbours (const MwActor *actor,
                 guint8        *relabel)
{
  for (guint e = 0; e < actor_degree (actor); e++)
    {
      const MwTie *tie = actor->adjacency[e];

      relabel[tie->from->index] = relabel[tie->to->index] = 1;
    }
}

/* Updates what the listed edits touched; FALSE when they cannot be
 * followed after all (the caller computes everything). */
static gboolean
update_edited (MwRenderer *self)
{
  MwRenderGeometry *geometry = &self->geometry;
  guint n = mw_network_get_n_actors (self->network), n_ties = mw_network_get_n_ties (self->network);
  g_autofree guint8 *relabel = NULL;

  if (!geometry->valid || !geometry->editing ||
      geometry->edit_generation != mw_network_get_generation (self->network) ||
      geometry->actors->len != n || geometry->ties->len != n_ties || geometry->lanes->len != n_ties ||
      geometry->bends->len != n_ties)
    return FALSE;
  for (guint k = 0; k < geometry->edited_actors->len; k++)
    {
      guint i = g_array_index (geometry->edited_actors, guint, k);

      if (i < n && !mw_network_get_actor (self->network, i)->has_position)
        return FALSE;
    }

  if (!same_orgs (self))
    {
      assign_org_colors (self);
      for (guint i = 0; i < n; i++)
        note_actor (self, i);
    }
  relabel = g_new0 (guint8, MAX (n, 1));
  for (guint k = 0; k < geometry->edited_actors->len; k++)
    {
      guint i = g_array_index (geometry->edited_actors, guint, k);
      const MwActor *actor;
      MwActorGeom was;

      if (i >= n || (relabel[i] & 2) != 0)
        continue;
      actor = mw_network_get_actor (self->network, i);
      was = *_mw_renderer_actor_geom (self, i);
      place_actor (self, actor);
      relabel[i] = 1 | 2;   /* placed, and to be labelled */
      /* a label takes the side its ties leave from: the neighbours' may turn */
      if (was.x != actor->x || was.y != actor->y)
        mark_neighbours (actor, relabel);
    }
  for (guint k = 0; k < geometry->edited_ties->len; k++)
    {
      guint t = g_array_index (geometry->edited_ties, guint, k);

      if (t < n_ties)
        g_array_index (geometry->bends, double, t) = g_array_index (geometry->lanes, double, t);
    }
  for (guint i = 0; i < n; i++)
    if (relabel[i])
      {
        const MwActor *actor = mw_network_get_actor (self->network, i);

        place_label_quickly (self, i, actor_balance (self, actor));
        actor_box (self, actor, &g_array_index (geometry->actors, MwActorGeom, i).box);
      }
  finish_geometry (self);
  geometry->n_updates++;
  return TRUE;
}

void
_mw_renderer_ensure_geometry (MwRenderer *self)
{
  guint n = mw_network_get_n_actors (self->network);

  g_assert (MW_IS_RENDERER (self));
  if (self->geometry.valid && self->geometry.generation == mw_network_get_generation (self->network))
    return;
  if (update_edited (self))
    return;
  /* what waits on the lists (a new organisation, say) is done in full */
  stop_following (self);

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
    place_actor (self, mw_network_get_actor (self->network, i));
  self->geometry.max_radius = 0;
  for (guint i = 0; i < n; i++)
    self->geometry.max_radius = MAX (self->geometry.max_radius, _mw_renderer_actor_geom (self, i)->r);
  place_unplaced (self);
  _mw_renderer_route_ties (self);
  place_labels (self);
  for (guint i = 0; i < n; i++)
    actor_box (self, mw_network_get_actor (self->network, i),
               &g_array_index (self->geometry.actors, MwActorGeom, i).box);
  finish_geometry (self);
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
