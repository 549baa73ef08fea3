/* mw-render-drag.c: a drag drawn as a background kept once and what moves over it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stands over the renderer, beside mw-render-tiles.c: it calls
 * _mw_renderer_draw_moving() and nothing calls back. A drag of a big
 * network redrew every actor and tie for each motion of the pointer; this
 * draws the view without the dragged actors and their ties once (again
 * only when the view changes), and each motion only what changes: under
 * that picture the background and the unit and organisation boundaries,
 * which follow the dragged actors (each box kept without them, theirs
 * added), and over it the dragged actors, their ties and labels, and the
 * boundaries' names. Both halves take the whole view's detail (labels,
 * hairlines), so together they are the frame the network shows once the
 * actors are put down: past MW_ROUTE_MAX_ACTORS ties go straight and
 * labels keep their side, so nothing else moves with them. The map of an
 * overview stays in the picture and follows on release.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-render-drag.h"
#include "mw-renderer-private.h"

struct _MwRenderDrag
{
  MwRenderer      *renderer;
  guint64          generation;  /* the network's, when the drag began */
  guint8          *marks;       /* by actor index */
  guint            n_marks;
  GArray          *actors;      /* guint: the dragged actors' indices */
  GArray          *ties;        /* guint: their ties */
  MwRenderLod      lod;         /* the whole view's, of the background's view */
  cairo_surface_t *background;  /* (nullable) */
  MwView           drawn;       /* the view the background shows */

  /* the boundaries, which follow the dragged actors, by group index */
  guint64          look;        /* the geometry's serial they are for */
  GArray          *boxes;       /* MwRect: each group's box as computed */
  GArray          *still;       /* MwRect: the union of what does not move in it */
  GArray          *unit_org;    /* int: a unit's organisation's group, or -1 */
  GArray          *actor_group; /* int: by dragged actor, its unit's group, else its organisation's, or -1 */
};

/**
 * mw_render_drag_supported:
 *
 * Returns: whether a drag of @renderer's network may be drawn in two
 *   halves: past MW_ROUTE_MAX_ACTORS, where moving an actor moves no
 *   other tie's bend nor label
 */
gboolean
mw_render_drag_supported (MwRenderer *renderer)
{
  g_return_val_if_fail (MW_IS_RENDERER (renderer), FALSE);
  return mw_network_get_n_actors (mw_renderer_get_network (renderer)) > MW_ROUTE_MAX_ACTORS;
}

/* The group of (@org, @unit) in @index (org → unit → group + 1), or -1. */
static int
find_group (GHashTable *index,
            const char *org,
            const char *unit)
{
  GHashTable *units = g_hash_table_lookup (index, org);

  return units != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (units, unit)) - 1 : -1;
}

/* Each unit's and organisation's box without the dragged actors, as the
 * geometry computes boxes (mw-render-groups.c): a unit round its members,
 * an organisation round its units and the members in none. A frame adds
 * the dragged actors' boxes where they are (set_groups()). */
static void
collect_groups (MwRenderDrag *drag)
{
  MwRenderer *renderer = drag->renderer;
  MwNetwork *network = mw_renderer_get_network (renderer);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify)g_hash_table_unref);
  guint n_groups, n_actors = mw_network_get_n_actors (network);
  MwRect empty = { 0, 0, -1, -1 };

  drag->look = _mw_renderer_get_look_serial (renderer);
  n_groups = _mw_renderer_n_groups (renderer);
  drag->boxes = g_array_sized_new (FALSE, FALSE, sizeof (MwRect), n_groups);
  drag->still = g_array_sized_new (FALSE, FALSE, sizeof (MwRect), n_groups);
  drag->unit_org = g_array_sized_new (FALSE, FALSE, sizeof (int), n_groups);
  drag->actor_group = g_array_sized_new (FALSE, FALSE, sizeof (int), drag->actors->len);

  for (guint i = 0; i < n_groups; i++)
    {
      const char *org, *unit;
      MwRect *box = _mw_renderer_group_box (renderer, i, &org, &unit);
      GHashTable *units = g_hash_table_lookup (index, org);

      if (units == NULL)
        {
          units = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (index, (gpointer)org, units);
        }
      g_hash_table_insert (units, (gpointer)(unit != NULL ? unit : ""), GINT_TO_POINTER (i + 1));
      g_array_append_val (drag->boxes, *box);
      g_array_append_val (drag->still, empty);
    }
  for (guint i = 0; i < n_groups; i++)
    {
      const char *org, *unit;
      int o = -1;

      _mw_renderer_group_box (renderer, i, &org, &unit);
      if (unit != NULL && org[0] != '\0')
        o = find_group (index, org, "");
      g_array_append_val (drag->unit_org, o);
    }

  for (guint i = 0; i < n_actors; i++)
    {
      const MwActor *actor = mw_network_get_actor (network, i);
      int group = -1;

      if (actor->unit[0] != '\0')
        group = find_group (index, actor->org, actor->unit);
      else if (actor->org[0] != '\0')
        group = find_group (index, actor->org, "");
      if (group < 0 || drag->marks[i])
        continue;
      _mw_rect_union (&g_array_index (drag->still, MwRect, group), &_mw_renderer_actor_geom (renderer, i)->box);
    }
  for (guint k = 0; k < drag->actors->len; k++)
    {
      const MwActor *actor = mw_network_get_actor (network, g_array_index (drag->actors, guint, k));
      int group = -1;

      if (actor->unit[0] != '\0')
        group = find_group (index, actor->org, actor->unit);
      else if (actor->org[0] != '\0')
        group = find_group (index, actor->org, "");
      g_array_append_val (drag->actor_group, group);
    }
}

/* Sets every boundary for the dragged actors moved by (@dx, @dy): units
 * first, then the organisations round them. */
static void
set_groups (MwRenderDrag *drag,
            double        dx,
            double        dy)
{
  MwRenderer *renderer = drag->renderer;
  g_autoptr(GArray) members = g_array_copy (drag->still);

  for (guint k = 0; k < drag->actors->len; k++)
    {
      int group = g_array_index (drag->actor_group, int, k);
      MwRect box;

      if (group < 0)
        continue;
      box = _mw_renderer_actor_geom (renderer, g_array_index (drag->actors, guint, k))->box;
      box.x += dx, box.y += dy;
      _mw_rect_union (&g_array_index (members, MwRect, group), &box);
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < members->len; i++)
      {
        const char *org, *unit;
        MwRect *box = _mw_renderer_group_box (renderer, i, &org, &unit);
        int o = g_array_index (drag->unit_org, int, i);

        if ((unit == NULL) != (pass == 1))
          continue;
        _mw_renderer_frame_group_box (renderer, i, &g_array_index (members, MwRect, i));
        if (o >= 0)
          _mw_rect_union (&g_array_index (members, MwRect, o), box);
      }
}

/* Puts the boundaries back as the geometry computed them. */
static void
reset_groups (MwRenderDrag *drag)
{
  for (guint i = 0; i < drag->boxes->len; i++)
    {
      const char *org, *unit;

      *_mw_renderer_group_box (drag->renderer, i, &org, &unit) = g_array_index (drag->boxes, MwRect, i);
    }
}

/**
 * mw_render_drag_new:
 * @actors: (element-type MwActor): what is dragged, all of the network
 *
 * Returns: (transfer full): the drag, for as long as the network does not
 *   change (mw_render_drag_is_valid())
 */
MwRenderDrag *
mw_render_drag_new (MwRenderer *renderer,
                    GPtrArray  *actors)
{
  MwNetwork *network;
  MwRenderDrag *drag;
  guint n_actors, n_ties;

  g_return_val_if_fail (MW_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (actors != NULL, NULL);

  network = mw_renderer_get_network (renderer);
  n_actors = mw_network_get_n_actors (network);
  n_ties = mw_network_get_n_ties (network);
  drag = g_new0 (MwRenderDrag, 1);
  drag->renderer = g_object_ref (renderer);
  drag->generation = mw_network_get_generation (network);
  drag->marks = g_new0 (guint8, MAX (n_actors, 1));
  drag->n_marks = n_actors;
  drag->actors = g_array_sized_new (FALSE, FALSE, sizeof (guint), actors->len);
  drag->ties = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < actors->len; i++)
    {
      const MwActor *actor = g_ptr_array_index (actors, i);

      g_return_val_if_fail (actor->index < n_actors, drag);
      if (drag->marks[actor->index])
        continue;
      drag->marks[actor->index] = 1;
      g_array_append_val (drag->actors, actor->index);
    }
  collect_groups (drag);
  /* once, by index: the frames draw ties in index order */
  for (guint i = 0; i < n_ties; i++)
    {
      const MwTie *tie = mw_network_get_tie (network, i);

      if (drag->marks[tie->from->index] || drag->marks[tie->to->index])
        g_array_append_val (drag->ties, i);
    }
  return drag;
}

void
mw_render_drag_free (MwRenderDrag *drag)
{
  if (drag == NULL)
    return;
  g_clear_pointer (&drag->boxes, g_array_unref);
  g_clear_pointer (&drag->still, g_array_unref);
  g_clear_pointer (&drag->unit_org, g_array_unref);
  g_clear_pointer (&drag->actor_group, g_array_unref);
  g_clear_pointer (&drag->background, cairo_surface_destroy);
  g_clear_pointer (&drag->actors, g_array_unref);
  g_clear_pointer (&drag->ties, g_array_unref);
  g_clear_pointer (&drag->marks, g_free);
  g_clear_object (&drag->renderer);
  g_free (drag);
}

/* Returns: whether the network, and the geometry drawn of it, are still
 * those the drag began on. */
gboolean
mw_render_drag_is_valid (MwRenderDrag *drag)
{
  g_return_val_if_fail (drag != NULL, FALSE);
  return mw_network_get_generation (mw_renderer_get_network (drag->renderer)) == drag->generation &&
         _mw_renderer_get_look_serial (drag->renderer) == drag->look;
}

/* Returns: whether @actor is one of those dragged. */
gboolean
mw_render_drag_moves (MwRenderDrag  *drag,
                      const MwActor *actor)
{
  g_return_val_if_fail (drag != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  return mw_render_drag_is_valid (drag) && actor->index < drag->n_marks && drag->marks[actor->index];
}

static void
moving_init (MwRenderDrag   *drag,
             MwRenderMoving *moving,
             gboolean        only)
{
  moving->marks = drag->marks;
  moving->actors = drag->actors;
  moving->ties = drag->ties;
  moving->only = only;
}

/* Whether the background drawn for @a shows @b too: everything that
 * changes its pixels but the borrowed sets, which a drag does not change. */
static gboolean
same_view (const MwView *a,
           const MwView *b)
{
  return a->zoom == b->zoom && a->offset_x == b->offset_x && a->offset_y == b->offset_y &&
         a->width == b->width && a->height == b->height && a->scale == b->scale &&
         a->dark == b->dark && a->high_contrast == b->high_contrast &&
         a->dim_others == b->dim_others && a->labels == b->labels && a->raster == b->raster;
}

/**
 * mw_render_drag_get_background:
 * @view: the view, its size in view pixels and its device scale
 * @redrawn: (out) (optional): set when this call drew it
 *
 * The view without the dragged actors and their ties, and without its
 * background and boundaries (mw_render_drag_draw_under() goes under it),
 * drawn once for a view: again only after a pan, a zoom, a resize or
 * another style.
 *
 * Returns: (transfer none) (nullable): an ARGB32 image of the view's
 *   device pixels (its device scale set), transparent where nothing is,
 *   or %NULL once the network changed
 */
cairo_surface_t *
mw_render_drag_get_background (MwRenderDrag *drag,
                               const MwView *view,
                               gboolean     *redrawn)
{
  MwRenderMoving moving;
  double scale;
  cairo_t *cr;

  g_return_val_if_fail (drag != NULL, NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0, NULL);

  if (redrawn != NULL)
    *redrawn = FALSE;
  if (!mw_render_drag_is_valid (drag))
    return NULL;
  if (drag->background != NULL && same_view (&drag->drawn, view))
    return drag->background;

  g_clear_pointer (&drag->background, cairo_surface_destroy);
  scale = view->scale > 0 ? view->scale : 1;
  drag->background = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (view->width * scale),
                                                 (int)ceil (view->height * scale));
  cairo_surface_set_device_scale (drag->background, scale, scale);
  drag->drawn = *view;
  /* labels and hairlines as the whole view would have them */
  _mw_renderer_measure_lod (drag->renderer, view, &drag->lod);

  moving_init (drag, &moving, FALSE);
  cr = cairo_create (drag->background);
  _mw_renderer_draw_moving (drag->renderer, cr, view, &moving, &drag->lod, 0, 0);
  cairo_destroy (cr);
  cairo_surface_flush (drag->background);
  if (redrawn != NULL)
    *redrawn = TRUE;
  return drag->background;
}

/**
 * mw_render_drag_draw_moving:
 * @cr: over the background, in view pixels
 * @dx: how far the pointer has moved them, in model points
 *
 * Draws the dragged actors, their ties, badges, selection and labels,
 * moved by (@dx, @dy), and nothing else. Call
 * mw_render_drag_get_background() for @view first.
 */
void
mw_render_drag_draw_moving (MwRenderDrag *drag,
                            cairo_t      *cr,
                            const MwView *view,
                            double        dx,
                            double        dy)
{
  MwRenderMoving moving;

  g_return_if_fail (drag != NULL);
  g_return_if_fail (cr != NULL && view != NULL && view->zoom > 0);

  if (!mw_render_drag_is_valid (drag) || drag->background == NULL || !same_view (&drag->drawn, view))
    return;
  moving_init (drag, &moving, TRUE);
  set_groups (drag, dx, dy);
  _mw_renderer_draw_moving (drag->renderer, cr, view, &moving, &drag->lod, dx, dy);
  reset_groups (drag);
}

/**
 * mw_render_drag_draw_under:
 * @cr: in view pixels
 * @dx: how far the pointer has moved the dragged actors, in model points
 *
 * Draws what goes under the background: the view's background colour and
 * the unit and organisation boundaries, round the dragged actors where
 * they are now.
 */
void
mw_render_drag_draw_under (MwRenderDrag *drag,
                           cairo_t      *cr,
                           const MwView *view,
                           double        dx,
                           double        dy)
{
  g_return_if_fail (drag != NULL);
  g_return_if_fail (cr != NULL && view != NULL && view->zoom > 0);

  if (!mw_render_drag_is_valid (drag))
    return;
  set_groups (drag, dx, dy);
  _mw_renderer_draw_moving_under (drag->renderer, cr, view);
  reset_groups (drag);
}
