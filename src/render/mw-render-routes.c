/* mw-render-routes.c: ties bent round the actors they do not join
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A grid of boxes answers "what is near here" without looking at every
 * actor; with it each tie that would run through an actor it does not join
 * gets a detour: the smallest bow, to either side, that clears them all.
 * The detour is added to the tie's lane in MwRenderGeometry.bends, which
 * the frame, the markers and hit-testing all read. Past
 * MW_ROUTE_MAX_ACTORS ties go straight (and the grid is not built).
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer-private.h"

#define ROUTE_CLEARANCE  3.0    /* points between a bent tie and a shape it passes */
#define ROUTE_STEP      10.0    /* the detours tried grow by this much… */
#define ROUTE_TRIES       24    /* … this many times on each side */
#define CURVE_PIECES      12    /* a curved tie is checked as this many segments */
#define GRID_SPREAD       64    /* a box over more cells is kept on a list of its own */
#define CELL_LIMIT   1.0e9      /* cell numbers stay far inside 32 bits */

/* Boxes by the cells they cover, in a hash table of chains kept in two
 * flat arrays: adding a box allocates nothing but its entries. */
typedef struct
{
  guint  item;
  gint64 cell;
  gint   next;      /* the next entry of the bucket; -1 ends it */
} Entry;

struct _MwGrid
{
  double  cell;
  GArray *boxes;        /* MwRect by item */
  GArray *stamps;       /* guint by item: the last query that saw it */
  GArray *entries;      /* Entry */
  GArray *big;          /* items whose box spans too many cells */
  gint   *heads;        /* first entry of each bucket, -1 for none */
  guint   mask;         /* buckets − 1 */
  guint   n_cells;      /* entries, an upper bound of the cells used */
  guint   query;
};

/* @expected: about how many boxes will be added (the table's size). */
MwGrid *
_mw_grid_new (double cell,
              guint  expected)
{
  MwGrid *grid = g_new0 (MwGrid, 1);
  guint n_buckets = 64;

  while (n_buckets < 2 * expected && n_buckets < (1u << 24))
    n_buckets *= 2;
  grid->cell = cell > 0 ? cell : 64;
  grid->boxes = g_array_sized_new (FALSE, FALSE, sizeof (MwRect), expected);
  grid->stamps = g_array_sized_new (FALSE, TRUE, sizeof (guint), expected);
  grid->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), 2 * expected);
  grid->big = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->heads = g_new (gint, n_buckets);
  memset (grid->heads, 0xff, n_buckets * sizeof (gint));
  grid->mask = n_buckets - 1;
  return grid;
}

void
_mw_grid_free (MwGrid *grid)
{
  if (grid == NULL)
    return;
  g_array_unref (grid->boxes);
  g_array_unref (grid->stamps);
  g_array_unref (grid->entries);
  g_array_unref (grid->big);
  g_free (grid->heads);
  g_free (grid);
}

static gint64
cell_of (const MwGrid *grid,
         double        v)
{
  double c = floor (v / grid->cell);

  /* far actors (and NaN) share the outermost cells instead of wrapping */
  if (!(c > -CELL_LIMIT))
    return (gint64)-CELL_LIMIT;
  return (gint64)MIN (c, CELL_LIMIT);
}

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (gint64)((guint64)cx << 32 | ((guint64)cy & 0xffffffffu));
}

static guint
bucket_of (const MwGrid *grid,
           gint64        key)
{
  guint64 h = (guint64)key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  return (guint)(h >> 32) & grid->mask;
}

/* The box's cells; FALSE when they are too many to list. */
static gboolean
cell_range (const MwGrid *grid,
            const MwRect *box,
            gint64        range[4],
            guint         limit)
{
  range[0] = cell_of (grid, box->x);
  range[1] = cell_of (grid, box->y);
  range[2] = cell_of (grid, box->x + box->width);
  range[3] = cell_of (grid, box->y + box->height);
  return (range[2] - range[0] + 1) * (range[3] - range[1] + 1) <= limit;
}

/* Adds a box; its item is the number of boxes added before it. */
void
_mw_grid_add (MwGrid       *grid,
              const MwRect *box)
{
  guint item = grid->boxes->len;
  gint64 range[4];

  g_array_append_val (grid->boxes, *box);
  g_array_set_size (grid->stamps, grid->boxes->len);
  if (!cell_range (grid, box, range, GRID_SPREAD))
    {
      g_array_append_val (grid->big, item);
      return;
    }
  for (gint64 cx = range[0]; cx <= range[2]; cx++)
    for (gint64 cy = range[1]; cy <= range[3]; cy++)
      {
        Entry entry = { item, cell_key (cx, cy), 0 };
        guint bucket = bucket_of (grid, entry.cell);

        entry.next = grid->heads[bucket];
        grid->heads[bucket] = (gint)grid->entries->len;
        g_array_append_val (grid->entries, entry);
      }
}

static gboolean
boxes_overlap (const MwRect *a,
               const MwRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Offers one item to the query, once per query. */
static gboolean
visit (MwGrid       *grid,
       guint         item,
       const MwRect *rect,
       MwGridFunc    func,
       gpointer      user_data)
{
  guint *stamp = &g_array_index (grid->stamps, guint, item);

  if (*stamp == grid->query)
    return FALSE;
  *stamp = grid->query;
  if (!boxes_overlap (&g_array_index (grid->boxes, MwRect, item), rect))
    return FALSE;
  return func (item, user_data);
}

/* Calls @func once for each box that overlaps @rect (touching is not
 * overlapping), until it returns TRUE. */
void
_mw_grid_query (MwGrid       *grid,
                const MwRect *rect,
                MwGridFunc    func,
                gpointer      user_data)
{
  const Entry *entries = (const Entry *)(gpointer)grid->entries->data;
  gint64 range[4];

  if (++grid->query == 0)
    {
      /* stamps wrapped: none of them may look seen */
      if (grid->stamps->len > 0)
        memset (grid->stamps->data, 0, grid->stamps->len * sizeof (guint));
      grid->query = 1;
    }
  for (guint i = 0; i < grid->big->len; i++)
    if (visit (grid, g_array_index (grid->big, guint, i), rect, func, user_data))
      return;
  if (!cell_range (grid, rect, range, MAX (grid->entries->len, 16)))
    {
      /* a rectangle over more cells than are used: every box once */
      for (guint i = 0; i < grid->boxes->len; i++)
        if (visit (grid, i, rect, func, user_data))
          return;
      return;
    }
  for (gint64 cx = range[0]; cx <= range[2]; cx++)
    for (gint64 cy = range[1]; cy <= range[3]; cy++)
      {
        gint64 key = cell_key (cx, cy);

        for (gint e = grid->heads[bucket_of (grid, key)]; e >= 0; e = entries[e].next)
          if (entries[e].cell == key && visit (grid, entries[e].item, rect, func, user_data))
            return;
      }
}

/* ---- a tie's drawn shape ------------------------------------------------- */

/* A tie as drawn, with its bend of this geometry and its markers. */
void
_mw_renderer_tie_geom (MwRenderer *self,
                       guint       tie,
                       MwTieGeom  *geom)
{
  const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, tie);
  const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
  const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);

  _mw_tie_geometry (ends->type, a->x, a->y, a->r, b->x, b->y, b->r,
                    g_array_index (self->geometry.bends, double, tie), TRUE, geom);
}

/* The drawn line as a polyline: the stroke from (x1, y1) to (x2, y2), then
 * on to the marker's tip. @xy holds 2 × (n_pieces + 2) numbers; returns the
 * number of points. */
guint
_mw_tie_geom_points (const MwTieGeom *geom,
                     double          *xy,
                     guint            n_pieces)
{
  guint n = 0;

  if (!geom->curved)
    n_pieces = 1;
  for (guint i = 0; i <= n_pieces; i++)
    {
      double t = (double)i / n_pieces, u = 1 - t;

      xy[2 * n] = u * u * geom->x1 + 2 * u * t * geom->cx + t * t * geom->x2;
      xy[2 * n + 1] = u * u * geom->y1 + 2 * u * t * geom->cy + t * t * geom->y2;
      if (!geom->curved)
        {
          xy[2 * n] = u * geom->x1 + t * geom->x2;
          xy[2 * n + 1] = u * geom->y1 + t * geom->y2;
        }
      n++;
    }
  xy[2 * n] = geom->tx, xy[2 * n + 1] = geom->ty;
  return n + 1;
}

static void
rect_of_points (const double *p,
                guint         n,
                MwRect       *rect)
{
  double x1 = p[0], y1 = p[1], x2 = p[0], y2 = p[1];

  for (guint i = 1; i < n; i++)
    {
      x1 = MIN (x1, p[2 * i]), x2 = MAX (x2, p[2 * i]);
      y1 = MIN (y1, p[2 * i + 1]), y2 = MAX (y2, p[2 * i + 1]);
    }
  *rect = (MwRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* The boxes of a tie's two ends: where it leaves its source (its first
 * MW_TIE_END_LENGTH points) and its arrowhead or diamond (or, without one,
 * its last MW_TIE_END_LENGTH points). Labels keep off both. */
void
_mw_tie_geom_ends (MwTieType        type,
                   const MwTieGeom *geom,
                   MwRect          *start,
                   MwRect          *end)
{
  double sx = (geom->curved ? geom->cx : geom->tx) - geom->x1;
  double sy = (geom->curved ? geom->cy : geom->ty) - geom->y1;
  double sl = hypot (sx, sy), px = -geom->uy, py = geom->ux;
  double p[8];

  if (!(sl > 0))
    sl = 1;
  p[0] = geom->x1, p[1] = geom->y1;
  p[2] = geom->x1 + sx / sl * MW_TIE_END_LENGTH, p[3] = geom->y1 + sy / sl * MW_TIE_END_LENGTH;
  rect_of_points (p, 2, start);

  if (geom->marker)
    {
      double len = type == MW_TIE_CHECKS ? 2 * MW_ARROW_HALF_WIDTH : MW_ARROW_LENGTH;
      double bx = geom->tx - geom->ux * len, by = geom->ty - geom->uy * len;

      p[0] = geom->tx, p[1] = geom->ty;
      p[2] = bx + px * MW_ARROW_HALF_WIDTH, p[3] = by + py * MW_ARROW_HALF_WIDTH;
      p[4] = bx - px * MW_ARROW_HALF_WIDTH, p[5] = by - py * MW_ARROW_HALF_WIDTH;
      p[6] = bx, p[7] = by;
      rect_of_points (p, 4, end);
      return;
    }
  p[0] = geom->tx, p[1] = geom->ty;
  p[2] = geom->tx - geom->ux * MW_TIE_END_LENGTH, p[3] = geom->ty - geom->uy * MW_TIE_END_LENGTH;
  rect_of_points (p, 2, end);
}

/* ---- routing ------------------------------------------------------------- */

/* The squared distance from a point to a segment. */
static double
segment_distance2 (double px,
                   double py,
                   const double *s)
{
  double dx = s[2] - s[0], dy = s[3] - s[1];
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - s[0]) * dx + (py - s[1]) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0, 1);
  ex = px - (s[0] + t * dx), ey = py - (s[1] + t * dy);
  return ex * ex + ey * ey;
}

typedef struct
{
  MwRenderer   *self;
  const double *segment;    /* x1, y1, x2, y2 */
  guint         from, to;   /* the actors the tie joins */
  guint         hits;
} Probe;

static gboolean
probe_actor (guint    item,
             gpointer user_data)
{
  Probe *probe = user_data;
  const MwActorGeom *g;
  const double *s = probe->segment;

  if (item == probe->from || item == probe->to)
    return FALSE;
  g = _mw_renderer_actor_geom (probe->self, item);
  /* one shape in the way is enough to try another bow */
  if (segment_distance2 (g->x, g->y, s) < (g->r + ROUTE_CLEARANCE) * (g->r + ROUTE_CLEARANCE))
    {
      probe->hits++;
      return TRUE;
    }
  return FALSE;
}

/* Whether the tie would pass through a shape with this bend. */
static gboolean
is_blocked (MwRenderer *self,
            MwGrid     *grid,
            guint       tie,
            double      bend)
{
  const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, tie);
  const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
  const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);
  double xy[2 * (CURVE_PIECES + 2)], reach = self->geometry.max_radius + ROUTE_CLEARANCE;
  Probe probe = { self, NULL, ends->from, ends->to, 0 };
  MwTieGeom geom;
  guint n;

  _mw_tie_geometry (ends->type, a->x, a->y, a->r, b->x, b->y, b->r, bend, TRUE, &geom);
  n = _mw_tie_geom_points (&geom, xy, CURVE_PIECES);
  for (guint i = 0; i + 1 < n && probe.hits == 0; i++)
    {
      MwRect rect;

      rect_of_points (xy + 2 * i, 2, &rect);
      rect.x -= reach, rect.y -= reach;
      rect.width += 2 * reach, rect.height += 2 * reach;
      probe.segment = xy + 2 * i;
      _mw_grid_query (grid, &rect, probe_actor, &probe);
    }
  return probe.hits > 0;
}

/* The detour of one tie: the smallest bow, to either side, that passes
 * every shape but its own two (the side of its lane first); none when no
 * bow tried does (a crowd is better crossed straight than in a wide arc). */
static double
route_tie (MwRenderer *self,
           MwGrid     *grid,
           guint       tie)
{
  const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, tie);
  const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
  const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);
  double lane = g_array_index (self->geometry.lanes, double, tie);
  double len = hypot (b->x - a->x, b->y - a->y), limit = MAX (0.6 * len, 4 * ROUTE_STEP);
  double side = lane < 0 ? -1 : 1;

  if (!is_blocked (self, grid, tie, lane))
    return 0;
  /* an influence's bow straightened may be all it takes */
  if (ends->type == MW_TIE_INFLUENCES && !is_blocked (self, grid, tie, lane - 0.09 * len))
    return -0.09 * len;
  for (guint k = 1; k <= ROUTE_TRIES && k * ROUTE_STEP <= limit; k++)
    for (int s = 0; s < 2; s++)
      {
        double detour = (s == 0 ? side : -side) * k * ROUTE_STEP;

        if (!is_blocked (self, grid, tie, lane + detour))
          return detour;
      }
  return 0;
}

#define MOVED_MAX 16   /* past this many moved actors every tie is routed again */

/* The actors that moved (or grew) since the detours were made, as
 * (x, y, r) before and after; NULL when every tie is to be routed again. */
static GArray *
moved_actors (MwRenderer *self)
{
  GArray *routed = self->geometry.routed, *moved;
  guint n = self->geometry.actors->len;

  if (!self->geometry.routes_valid || routed->len != 3 * n ||
      self->geometry.detours->len != self->geometry.lanes->len)
    return NULL;
  moved = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);
      const double *was = &g_array_index (routed, double, 3 * i);

      if (was[0] != g->x || was[1] != g->y || was[2] != g->r)
        {
          double both[6] = { was[0], was[1], was[2], g->x, g->y, g->r };

          if (moved->len >= 6 * MOVED_MAX)
            {
              g_array_unref (moved);
              return NULL;
            }
          g_array_append_vals (moved, both, 6);
        }
    }
  return moved;
}

/* Whether a point is within @reach of a tie's drawn line. */
static gboolean
line_passes (const double *xy,
             guint         n,
             double        x,
             double        y,
             double        reach)
{
  for (guint i = 0; i + 1 < n; i++)
    if (segment_distance2 (x, y, xy + 2 * i) < reach * reach)
      return TRUE;
  return FALSE;
}

/* Whether a tie's detour may have to change: it touches a moved actor, a
 * moved actor now stands in its way, or it bends and a moved actor may
 * have been what it bent round. */
static gboolean
tie_near_moved (MwRenderer *self,
                guint       tie,
                GArray     *moved)
{
  const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, tie);
  const MwActorGeom *a = _mw_renderer_actor_geom (self, ends->from);
  const MwActorGeom *b = _mw_renderer_actor_geom (self, ends->to);
  double detour = g_array_index (self->geometry.detours, double, tie);
  double xy[2 * (CURVE_PIECES + 2)], straight[4] = { a->x, a->y, b->x, b->y };
  MwTieGeom geom;
  guint n;

  _mw_tie_geometry (ends->type, a->x, a->y, a->r, b->x, b->y, b->r,
                    g_array_index (self->geometry.lanes, double, tie) + detour, TRUE, &geom);
  n = _mw_tie_geom_points (&geom, xy, CURVE_PIECES);
  for (guint m = 0; m < moved->len; m += 6)
    {
      const double *c = &g_array_index (moved, double, m);   /* was x, y, r; is x, y, r */

      if ((c[3] == a->x && c[4] == a->y) || (c[3] == b->x && c[4] == b->y) ||
          line_passes (xy, n, c[3], c[4], c[5] + ROUTE_CLEARANCE))
        return TRUE;
      /* the old place, near the line straight or as bent */
      if (detour != 0 && (line_passes (straight, 2, c[0], c[1], c[2] + ROUTE_CLEARANCE + fabs (detour)) ||
                          line_passes (xy, n, c[0], c[1], c[2] + ROUTE_CLEARANCE + fabs (detour))))
        return TRUE;
    }
  return FALSE;
}

static void
remember_routed (MwRenderer *self)
{
  GArray *routed = self->geometry.routed;
  guint n = self->geometry.actors->len;

  g_array_set_size (routed, 3 * n);
  for (guint i = 0; i < n; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);
      double *was = &g_array_index (routed, double, 3 * i);

      was[0] = g->x, was[1] = g->y, was[2] = g->r;
    }
  self->geometry.routes_valid = TRUE;
}

/* Sets every tie's bend: its lane, plus a detour round the shapes in its
 * way. Each tie of a pair looks for its own, starting on its lane's side,
 * so their lanes stay apart. When a few actors moved (a drag), only the
 * ties near them look again. */
void
_mw_renderer_route_ties (MwRenderer *self)
{
  GArray *bends = self->geometry.bends, *lanes = self->geometry.lanes;
  GArray *detours = self->geometry.detours;
  guint n_actors = self->geometry.actors->len;
  g_autoptr(MwGrid) grid = NULL;
  g_autoptr(GArray) moved = NULL;

  g_array_set_size (bends, lanes->len);
  if (lanes->len > 0)
    memcpy (bends->data, lanes->data, lanes->len * sizeof (double));
  if (n_actors < 3 || n_actors > MW_ROUTE_MAX_ACTORS || self->geometry.quick)
    {
      self->geometry.routes_valid = FALSE;
      return;
    }

  moved = moved_actors (self);
  if (moved == NULL)
    {
      g_array_set_size (detours, lanes->len);
      if (lanes->len > 0)
        memset (detours->data, 0, lanes->len * sizeof (double));
    }
  grid = _mw_grid_new (MAX (4 * self->geometry.max_radius, 48), n_actors);
  for (guint i = 0; i < n_actors; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (self, i);
      MwRect box = { g->x - g->r, g->y - g->r, 2 * g->r, 2 * g->r };

      _mw_grid_add (grid, &box);
    }
  for (guint i = 0; i < lanes->len; i++)
    {
      const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, i);
      double *detour = &g_array_index (detours, double, i);

      if (ends->from != ends->to && (moved == NULL || tie_near_moved (self, i, moved)))
        *detour = route_tie (self, grid, i);
      g_array_index (bends, double, i) += *detour;
    }
  remember_routed (self);
}
