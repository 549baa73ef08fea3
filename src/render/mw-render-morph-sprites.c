/* mw-render-morph-sprites.c: what a morph reads once and the actors' pictures it copies
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the set-up of mw-render-morph.c: every actor's size and reach in
 * both networks, the boxes of units and organisations, the ties sorted
 * into buckets; and the sprites: each actor with its badges and label,
 * drawn alone by its network's renderer (_mw_renderer_draw_actor_alone)
 * into a small image the first time it is in view, at the view's zoom,
 * scale and style, then copied to its place in every frame. A kept actor
 * that looks the same in both networks keeps one sprite.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-render-morph-private.h"

#define UNIT_PADDING     14.0   /* as mw-render-groups.c frames them */
#define ORG_PADDING      16.0
#define SPRITE_MARGIN     2.0   /* model points round an actor's box: outline, halo */
#define MAX_SPRITE_AREA  (2048 * 2048)
#define REZOOM           1.25   /* sprites are drawn again past this change of zoom */

/* ---- set-up ---------------------------------------------------------------- */

static void
read_actors (MwRenderMorph *self)
{
  guint n = mw_morph_get_n_actors (self->morph);

  self->actors = g_new0 (MwMorphPlace, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const MwMorphActor *m = mw_morph_get_actor (self->morph, i);
      MwMorphPlace *p = &self->actors[i];
      int index[MW_MORPH_N_ENDS] = { m->from_index, m->to_index };
      double r[MW_MORPH_N_ENDS] = { 0, 0 };

      p->reach.width = -1;
      for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
        {
          const MwActorGeom *g;
          MwRect box;

          if (index[end] < 0)
            continue;
          g = _mw_renderer_actor_geom (self->renderers[end], (guint)index[end]);
          r[end] = g->r;
          box = g->box;
          box.x -= g->x + SPRITE_MARGIN;
          box.y -= g->y + SPRITE_MARGIN;
          box.width += 2 * SPRITE_MARGIN;
          box.height += 2 * SPRITE_MARGIN;
          _mw_rect_union (&p->reach, &box);
        }
      /* one that arrives or leaves keeps its one size */
      p->r0 = m->from_index >= 0 ? r[MW_MORPH_FROM] : r[MW_MORPH_TO];
      p->r1 = m->to_index >= 0 ? r[MW_MORPH_TO] : r[MW_MORPH_FROM];
    }
}

static void
read_ties (MwRenderMorph *self)
{
  for (guint b = 0; b < MW_MORPH_N_TIE_BUCKETS; b++)
    self->tie_buckets[b] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < mw_morph_get_n_ties (self->morph); i++)
    {
      const MwMorphTie *m = mw_morph_get_tie (self->morph, i);
      MwMorphFate fate = mw_morph_tie_fate (self->morph, i);
      const MwTie *tie = m->from_index >= 0
                           ? mw_network_get_tie (self->networks[MW_MORPH_FROM], (guint)m->from_index)
                           : mw_network_get_tie (self->networks[MW_MORPH_TO], (guint)m->to_index);

      g_array_append_val (self->tie_buckets[MW_MORPH_TIE_BUCKET (fate, tie->type, tie->weight > 1.5)], i);
    }
}

/* A group's key: units by organisation and name, organisations by name. */
static char *
group_key (const MwActor *actor,
           gboolean       is_org)
{
  return is_org ? g_strconcat ("o", actor->org, NULL) : g_strconcat ("u", actor->org, "\x1f", actor->unit, NULL);
}

static MwMorphGroup *
lookup_group (MwRenderMorph *self,
              GHashTable    *index,
              guint          end,
              const MwActor *actor,
              gboolean       is_org)
{
  g_autofree char *key = group_key (actor, is_org);
  gpointer found = g_hash_table_lookup (index, key);
  MwMorphGroup *group;

  if (found == NULL)
    {
      MwMorphGroup blank = { MW_MORPH_LEAVING, is_org, { { 0, 0, -1, -1 }, { 0, 0, -1, -1 } }, { -1, -1 }, { FALSE, FALSE } };

      g_array_append_val (self->groups, blank);
      found = GUINT_TO_POINTER (self->groups->len);
      g_hash_table_insert (index, g_steal_pointer (&key), found);
    }
  group = &g_array_index (self->groups, MwMorphGroup, GPOINTER_TO_UINT (found) - 1);
  if (group->box[end].width < 0)
    group->color[end] = _mw_renderer_actor_geom (self->renderers[end], actor->index)->color;
  return group;
}

/* Pads a box and makes room above its members for the name, as the
 * renderer frames a group. */
static void
frame_box (MwRenderer    *renderer,
           const char    *name,
           gboolean       is_org,
           MwRect        *box)
{
  double padding = is_org ? ORG_PADDING : UNIT_PADDING, name_w, name_h;

  _mw_renderer_group_label_size (renderer, name, is_org, &name_w, &name_h);
  box->x -= padding;
  box->width += 2 * padding;
  box->y -= padding + name_h + 2;
  box->height += 2 * padding + name_h + 2;
  if (box->width < name_w + 2 * padding)
    {
      double grow = name_w + 2 * padding - box->width;

      box->x -= grow / 2;
      box->width += grow;
    }
}

/* The boxes of one network's units, then of its organisations round them. */
static void
read_groups_of (MwRenderMorph *self,
                GHashTable    *index,
                guint          end)
{
  MwNetwork *network = self->networks[end];
  guint n = mw_network_get_n_actors (network);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean is_org = pass == 1;

      for (guint i = 0; i < n; i++)
        {
          MwActor *actor = mw_network_get_actor (network, i);
          MwRect box = _mw_renderer_actor_geom (self->renderers[end], i)->box;

          if ((is_org ? actor->org : actor->unit)[0] == '\0')
            continue;
          if (is_org && actor->unit[0] != '\0')
            box = lookup_group (self, index, end, actor, FALSE)->box[end];
          _mw_rect_union (&lookup_group (self, index, end, actor, is_org)->box[end], &box);
        }
      for (guint i = 0; i < n; i++)
        {
          MwActor *actor = mw_network_get_actor (network, i);
          MwMorphGroup *group;

          if ((is_org ? actor->org : actor->unit)[0] == '\0')
            continue;
          group = lookup_group (self, index, end, actor, is_org);
          if (group->framed[end])
            continue;
          frame_box (self->renderers[end], is_org ? actor->org : actor->unit, is_org, &group->box[end]);
          group->framed[end] = TRUE;
        }
    }
}

static void
read_groups (MwRenderMorph *self)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->groups = g_array_new (FALSE, FALSE, sizeof (MwMorphGroup));
  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
    read_groups_of (self, index, end);
  for (guint i = 0; i < self->groups->len; i++)
    {
      MwMorphGroup *group = &g_array_index (self->groups, MwMorphGroup, i);
      gboolean in_from = group->box[MW_MORPH_FROM].width >= 0, in_to = group->box[MW_MORPH_TO].width >= 0;

      group->fate = in_from && in_to ? MW_MORPH_KEPT : in_from ? MW_MORPH_LEAVING : MW_MORPH_ARRIVING;
    }
}

/* Reads what a frame between the ends needs from both renderers, once. */
void
_mw_render_morph_prepare (MwRenderMorph *self)
{
  g_assert (MW_IS_RENDER_MORPH (self));

  if (self->prepared)
    return;
  g_clear_pointer (&self->actors, g_free);
  g_clear_pointer (&self->groups, g_array_unref);
  for (guint b = 0; b < MW_MORPH_N_TIE_BUCKETS; b++)
    g_clear_pointer (&self->tie_buckets[b], g_array_unref);
  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
    _mw_renderer_ensure_geometry (self->renderers[end]);
  read_actors (self);
  read_ties (self);
  read_groups (self);
  self->prepared = TRUE;
}

/* ---- sprites ---------------------------------------------------------------- */

void
_mw_render_morph_clear_sprites (MwRenderMorph *self)
{
  g_assert (MW_IS_RENDER_MORPH (self));

  if (self->sprites == NULL)
    return;
  for (guint i = 0; i < 2 * mw_morph_get_n_actors (self->morph); i++)
    g_clear_pointer (&self->sprites[i].surface, cairo_surface_destroy);
  g_clear_pointer (&self->sprites, g_free);
  if (self->actors != NULL)
    for (guint i = 0; i < mw_morph_get_n_actors (self->morph); i++)
      self->actors[i].look = 0;
}

/* Sprites are kept while the zoom stays within REZOOM of theirs and the
 * scale and style are theirs; otherwise they are drawn again. */
static void
ensure_sprites (MwRenderMorph *self,
                const MwView  *view)
{
  double scale = view->scale > 0 ? view->scale : 1;
  double ratio = view->zoom / MAX (self->sprite_zoom, 1e-9);

  if (self->sprites != NULL && ratio <= REZOOM && ratio >= 1 / REZOOM && scale == self->sprite_scale &&
      !!view->dark == self->sprite_dark && !!view->high_contrast == self->sprite_contrast &&
      view->labels == self->sprite_labels)
    return;
  _mw_render_morph_clear_sprites (self);
  self->sprites = g_new0 (MwMorphSprite, 2 * MAX (mw_morph_get_n_actors (self->morph), 1));
  self->sprite_zoom = view->zoom;
  self->sprite_scale = scale;
  self->sprite_dark = !!view->dark;
  self->sprite_contrast = !!view->high_contrast;
  self->sprite_labels = view->labels;
}

/* Draws actor @index of network @end alone into a sprite. */
static void
make_sprite (MwRenderMorph *self,
             guint          end,
             guint          index,
             MwMorphSprite *sprite)
{
  const MwActorGeom *g = _mw_renderer_actor_geom (self->renderers[end], index);
  double k = self->sprite_zoom * self->sprite_scale;
  int x0 = (int)floor ((g->box.x - SPRITE_MARGIN) * k), y0 = (int)floor ((g->box.y - SPRITE_MARGIN) * k);
  int x1 = (int)ceil ((g->box.x + g->box.width + SPRITE_MARGIN) * k);
  int y1 = (int)ceil ((g->box.y + g->box.height + SPRITE_MARGIN) * k);
  MwView view;
  cairo_t *cr;

  sprite->tried = TRUE;
  if (x1 <= x0 || y1 <= y0 || (double)(x1 - x0) * (y1 - y0) > MAX_SPRITE_AREA)
    return;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, x1 - x0, y1 - y0);
  cairo_surface_set_device_scale (sprite->surface, self->sprite_scale, self->sprite_scale);
  mw_view_init (&view, (x1 - x0) / self->sprite_scale, (y1 - y0) / self->sprite_scale);
  view.zoom = self->sprite_zoom;
  view.scale = self->sprite_scale;
  view.offset_x = x0 / k;
  view.offset_y = y0 / k;
  view.dark = self->sprite_dark;
  view.high_contrast = self->sprite_contrast;
  view.labels = self->sprite_labels;
  view.transparent = TRUE;
  view.raster = TRUE;
  cr = cairo_create (sprite->surface);
  _mw_renderer_draw_actor_alone (self->renderers[end], cr, &view, index);
  cairo_destroy (cr);
  cairo_surface_flush (sprite->surface);
  /* the top-left from the centre, whole device pixels */
  sprite->x = x0 - (int)floor (g->x * k);
  sprite->y = y0 - (int)floor (g->y * k);
}

static gboolean
same_pixels (const MwMorphSprite *a,
             const MwMorphSprite *b)
{
  cairo_surface_t *s = a->surface, *t = b->surface;
  int w, h, stride;

  if (s == NULL || t == NULL || a->x != b->x || a->y != b->y)
    return s == t;
  w = cairo_image_surface_get_width (s);
  h = cairo_image_surface_get_height (s);
  stride = cairo_image_surface_get_stride (s);
  if (w != cairo_image_surface_get_width (t) || h != cairo_image_surface_get_height (t))
    return FALSE;
  return memcmp (cairo_image_surface_get_data (s), cairo_image_surface_get_data (t), (gsize)stride * h) == 0;
}

/* Returns: (nullable): morph actor @i's sprite in network @end, made now
 * if it never was. */
static MwMorphSprite *
get_sprite (MwRenderMorph *self,
            guint          i,
            guint          end)
{
  const MwMorphActor *m = mw_morph_get_actor (self->morph, i);
  int index = end == MW_MORPH_FROM ? m->from_index : m->to_index;
  MwMorphSprite *sprite = &self->sprites[2 * i + end];

  if (index < 0)
    return NULL;
  if (!sprite->tried)
    make_sprite (self, end, (guint)index, sprite);
  return sprite->surface != NULL ? sprite : NULL;
}

/* Whether what the renderer draws of kept actor @i is alike in both
 * networks: shape, size, colour, badges, label and where the label sits. */
static gboolean
drawn_alike (MwRenderMorph *self,
             guint          i)
{
  const MwMorphActor *m = mw_morph_get_actor (self->morph, i);
  MwRenderer *ra = self->renderers[MW_MORPH_FROM], *rb = self->renderers[MW_MORPH_TO];
  const MwActorGeom *a = _mw_renderer_actor_geom (ra, (guint)m->from_index);
  const MwActorGeom *b = _mw_renderer_actor_geom (rb, (guint)m->to_index);
  const MwActor *x = mw_network_get_actor (self->networks[MW_MORPH_FROM], (guint)m->from_index);
  const MwActor *y = mw_network_get_actor (self->networks[MW_MORPH_TO], (guint)m->to_index);

  return a->r == b->r && a->fill == b->fill && a->color == b->color && x->kind == y->kind &&
         x->purpose == y->purpose && x->initiative == y->initiative &&
         a->box.x - a->x == b->box.x - b->x && a->box.y - a->y == b->box.y - b->y &&
         a->box.width == b->box.width && a->box.height == b->box.height &&
         a->label_x - a->x == b->label_x - b->x && a->label_y - a->y == b->label_y - b->y &&
         g_strcmp0 (_mw_renderer_appearance_label (ra, x), _mw_renderer_appearance_label (rb, y)) == 0;
}

/* Whether kept actor @i looks the same in both networks (one sprite then). */
static gboolean
looks_the_same (MwRenderMorph *self,
                guint          i)
{
  MwMorphPlace *p = &self->actors[i];

  /* most kept actors are drawn alike: one picture, not two compared */
  if (p->look == 0 && drawn_alike (self, i))
    {
      p->look = 1;
      self->sprites[2 * i + 1].tried = TRUE;
    }
  if (p->look == 0)
    {
      get_sprite (self, i, MW_MORPH_FROM);
      get_sprite (self, i, MW_MORPH_TO);
      p->look = same_pixels (&self->sprites[2 * i], &self->sprites[2 * i + 1]) ? 1 : 2;
      /* the second copy is not needed */
      if (p->look == 1)
        g_clear_pointer (&self->sprites[2 * i + 1].surface, cairo_surface_destroy);
    }
  return p->look == 1;
}

static void
copy_sprite (MwRenderMorph       *self,
             cairo_t             *cr,
             const MwView        *view,
             const MwMorphSprite *sprite,
             const MwMorphPlace  *p,
             double               alpha)
{
  double scale = self->sprite_scale;
  double cx = (p->x - view->offset_x) * view->zoom, cy = (p->y - view->offset_y) * view->zoom;

  if (sprite == NULL || alpha <= 0)
    return;
  self->n_drawn++;
  if (view->zoom == self->sprite_zoom)
    {
      /* whole device pixels: cairo copies rather than filters */
      double x = floor (cx * scale) + sprite->x, y = floor (cy * scale) + sprite->y;

      cairo_set_source_surface (cr, sprite->surface, x / scale, y / scale);
      cairo_paint_with_alpha (cr, MIN (alpha, 1));
      return;
    }
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, view->zoom / self->sprite_zoom, view->zoom / self->sprite_zoom);
  cairo_set_source_surface (cr, sprite->surface, sprite->x / scale, sprite->y / scale);
  cairo_paint_with_alpha (cr, MIN (alpha, 1));
  cairo_restore (cr);
}

static gboolean
actor_in_view (const MwMorphPlace *p,
               const MwRect       *visible,
               double              grow)
{
  const MwRect *b = &p->reach;

  return _mw_rect_meets (visible, p->x + b->x * grow, p->y + b->y * grow, p->x + (b->x + b->width) * grow,
                         p->y + (b->y + b->height) * grow);
}

/**
 * _mw_render_morph_draw_sprites:
 * @visible: the view's model rectangle
 * @e: the eased time
 *
 * Copies every actor in view to its place at @e, in @cr's view pixels:
 * those leaving fade out, those arriving fade in, a kept one that changes
 * its look crosses from the first to the last.
 */
void
_mw_render_morph_draw_sprites (MwRenderMorph *self,
                               cairo_t       *cr,
                               const MwView  *view,
                               const MwRect  *visible,
                               double         e)
{
  guint n = mw_morph_get_n_actors (self->morph);
  double grow;

  ensure_sprites (self, view);
  /* sprites drawn smaller than the view reach further than their box */
  grow = MAX (1, view->zoom / self->sprite_zoom);
  for (guint i = 0; i < n; i++)
    {
      const MwMorphPlace *p = &self->actors[i];

      if (!actor_in_view (p, visible, grow))
        continue;
      switch (mw_morph_actor_fate (self->morph, i))
        {
        case MW_MORPH_LEAVING:
          copy_sprite (self, cr, view, get_sprite (self, i, MW_MORPH_FROM), p, 1 - e);
          break;
        case MW_MORPH_ARRIVING:
          copy_sprite (self, cr, view, get_sprite (self, i, MW_MORPH_TO), p, e);
          break;
        case MW_MORPH_KEPT:
        default:
          if (looks_the_same (self, i))
            {
              copy_sprite (self, cr, view, get_sprite (self, i, MW_MORPH_FROM), p, 1);
              break;
            }
          copy_sprite (self, cr, view, get_sprite (self, i, MW_MORPH_FROM), p, 2 * (1 - e));
          copy_sprite (self, cr, view, get_sprite (self, i, MW_MORPH_TO), p, 2 * e);
          break;
        }
    }
}

/**
 * mw_render_morph_prepare:
 * @view: the view the change will be seen through
 *
 * Draws now the pictures of every actor that crosses @view on its way, so
 * that the frames only copy them (otherwise each is drawn the first time
 * it is in view). The canvas calls it as the change starts.
 */
void
mw_render_morph_prepare (MwRenderMorph *self,
                         const MwView  *view)
{
  MwRect visible;

  g_return_if_fail (MW_IS_RENDER_MORPH (self));
  g_return_if_fail (view != NULL && view->zoom > 0);

  visible = (MwRect) { view->offset_x, view->offset_y, view->width / view->zoom, view->height / view->zoom };
  _mw_render_morph_prepare (self);
  ensure_sprites (self, view);
  for (guint i = 0; i < mw_morph_get_n_actors (self->morph); i++)
    {
      const MwMorphActor *m = mw_morph_get_actor (self->morph, i);
      MwMorphPlace *p = &self->actors[i];
      MwMorphPlace a = *p, b = *p;

      a.x = m->x0, a.y = m->y0, b.x = m->x1, b.y = m->y1;
      /* the straight way between is in view when either end is, or it crosses */
      if (!actor_in_view (&a, &visible, 1) && !actor_in_view (&b, &visible, 1) &&
          !_mw_segment_meets (&visible, MAX (p->reach.width, p->reach.height), a.x, a.y, b.x, b.y))
        continue;
      if (mw_morph_actor_fate (self->morph, i) == MW_MORPH_KEPT)
        looks_the_same (self, i);
      else
        {
          get_sprite (self, i, MW_MORPH_FROM);
          get_sprite (self, i, MW_MORPH_TO);
        }
    }
}
