/* mw-renderer.c: one cairo/Pango renderer for the canvas, PNG, SVG, PDF and print
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object: its parts' life, its settings and one frame's drawing order.
 * The parts live in mw-render-*.c, each owning one member of MwRenderer;
 * this file is the top of their layers (see mw-renderer-private.h).
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer-private.h"

/* cairo turns device coordinates into 24.8 fixed point, which wraps past
 * ±8,388,607 pixels; geometry is kept well inside that. */
#define DEVICE_REACH 4000000.0

G_DEFINE_FINAL_TYPE (MwRenderer, mw_renderer, G_TYPE_OBJECT)

/* Geometry is recomputed lazily from the network's generation; layouts
 * are dropped for exactly the actors whose label changed or who left. */
static void
network_changed_cb (MwRenderer *self,
                    MwChange   *change)
{
  g_assert (MW_IS_RENDERER (self));

  /* past a few thousand actors an edit updates only what it touches */
  if (!_mw_renderer_geometry_changed (self, change))
    {
      self->geometry.valid = FALSE;
      /* a drag changes positions only: colours and lanes stay */
      if (change->kind != MW_CHANGE_ACTOR_CHANGED ||
          (change->fields & (MW_FIELD_ORG | MW_FIELD_ID)) != 0)
        self->geometry.topology_valid = FALSE;
    }
  _mw_renderer_overview_changed (self, change);
  _mw_renderer_labels_changed (self, change);
  _mw_renderer_appearance_changed (self, change);
}

static void
mw_renderer_dispose (GObject *object)
{
  MwRenderer *self = MW_RENDERER (object);

  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);
  g_clear_object (&self->text.pango);

  G_OBJECT_CLASS (mw_renderer_parent_class)->dispose (object);
}

static void
mw_renderer_finalize (GObject *object)
{
  MwRenderer *self = MW_RENDERER (object);

  /* the worker first: it may not touch the other parts once they go */
  _mw_render_worker_clear (&self->worker);
  _mw_render_geometry_clear (&self->geometry);
  _mw_render_index_clear (&self->index);
  _mw_render_overview_clear (&self->overview);
  _mw_render_groups_clear (&self->groups);
  _mw_render_text_clear (&self->text);
  _mw_render_ties_clear (&self->ties);
  _mw_render_masks_clear (&self->masks);
  _mw_render_bands_clear (&self->bands);
  _mw_render_stamps_clear (&self->stamps);
  _mw_render_appearance_clear (&self->appearance);

  G_OBJECT_CLASS (mw_renderer_parent_class)->finalize (object);
}

static void
mw_renderer_class_init (MwRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mw_renderer_dispose;
  object_class->finalize = mw_renderer_finalize;
}

static void
mw_renderer_init (MwRenderer *self)
{
  _mw_render_geometry_init (&self->geometry);
  _mw_render_index_init (&self->index);
  _mw_render_overview_init (&self->overview);
  _mw_render_groups_init (&self->groups);
  _mw_render_text_init (&self->text);
  _mw_render_ties_init (&self->ties);
  _mw_render_masks_init (&self->masks);
  _mw_render_bands_init (&self->bands);
  _mw_render_worker_init (&self->worker);
  _mw_render_stamps_init (&self->stamps);
}

/**
 * mw_renderer_new:
 * @network: the network to draw; the renderer keeps a reference and
 *   follows its #MwNetwork::changed signal
 *
 * Returns: (transfer full): a new renderer
 */
MwRenderer *
mw_renderer_new (MwNetwork *network)
{
  MwRenderer *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_object_new (MW_TYPE_RENDERER, NULL);
  self->network = g_object_ref (network);
  g_signal_connect_swapped (network, "changed", G_CALLBACK (network_changed_cb), self);
  return self;
}

/**
 * mw_renderer_get_network:
 *
 * Returns: (transfer none): the network drawn
 */
MwNetwork *
mw_renderer_get_network (MwRenderer *self)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  return self->network;
}

MwSizeBy
mw_renderer_get_size_by (MwRenderer *self)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), MW_SIZE_BY_SPAN);
  return self->size_by;
}

void
mw_renderer_set_size_by (MwRenderer *self,
                         MwSizeBy    size_by)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  if (self->size_by == size_by)
    return;
  self->size_by = size_by;
  self->geometry.valid = FALSE;
}

const char *
mw_renderer_get_font (MwRenderer *self)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  return self->text.font;
}

/* A Pango family list, e.g. "Cantarell, sans-serif". */
void
mw_renderer_set_font (MwRenderer *self,
                      const char *family)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (family != NULL);

  if (!mw_set_str (&self->text.font, family))
    return;
  g_hash_table_remove_all (self->text.labels);
  g_hash_table_remove_all (self->groups.layouts);
  self->geometry.valid = FALSE;
}

/**
 * mw_renderer_set_text_scale:
 * @scale: the desktop's text scaling factor (1: none)
 *
 * Actor labels and the names of units and organisations grow or shrink
 * with it, as the text of the rest of the desktop does.
 */
void
mw_renderer_set_text_scale (MwRenderer *self,
                            double      scale)
{
  g_return_if_fail (MW_IS_RENDERER (self));

  scale = CLAMP (scale, 0.5, 3.0);
  if (scale == self->text.scale)
    return;
  self->text.scale = scale;
  g_hash_table_remove_all (self->text.labels);
  g_hash_table_remove_all (self->groups.layouts);
  self->geometry.valid = FALSE;
}

/* 1 draws dense ties on the calling thread only (tests compare the two). */
void
_mw_renderer_set_n_threads (MwRenderer *self,
                            guint       n_threads)
{
  g_assert (MW_IS_RENDERER (self));
  self->worker.n_threads = MAX (n_threads, 1);
}

/* Frames that last a sixtieth of a second each (a morph's): ties go
 * straight and labels take their first spot, as past MW_ROUTE_MAX_ACTORS;
 * routing every tie again each frame would take a tenth of a second. */
void
_mw_renderer_set_quick_geometry (MwRenderer *self,
                                 gboolean    quick)
{
  g_assert (MW_IS_RENDERER (self));
  if (self->geometry.quick == !!quick)
    return;
  self->geometry.quick = !!quick;
  self->geometry.valid = FALSE;
}

/* ---- one frame ----------------------------------------------------------- */

static gboolean
set_nonempty (GHashTable *set)
{
  return set != NULL && g_hash_table_size (set) > 0;
}

static gboolean
actor_visible (const MwFrame     *f,
               const MwActorGeom *g)
{
  const MwRect *b = &g->box;

  return _mw_rect_meets (&f->visible, b->x - 2, b->y - 2, b->x + b->width + 2, b->y + b->height + 2);
}

static void
frame_init (MwFrame      *f,
            const MwView *view)
{
  double scale = view->scale > 0 ? view->scale : 1;

  memset (f, 0, sizeof *f);
  f->view = view;
  f->theme = _mw_theme_get_for (view->dark, view->high_contrast);
  f->visible.x = view->offset_x;
  f->visible.y = view->offset_y;
  f->visible.width = view->width / view->zoom;
  f->visible.height = view->height / view->zoom;
  /* a hairline is one device pixel wide */
  f->px = 1.0 / (view->zoom * scale);
  f->emphasis = set_nonempty (view->highlighted_actors) || set_nonempty (view->highlighted_ties) ||
                set_nonempty (view->selected_actors) || set_nonempty (view->selected_ties);
  f->markers = MW_ARROW_LENGTH * view->zoom >= 3.5 || view->labels == MW_LABELS_ALWAYS;
  f->outlines = 12 * view->zoom >= 3;
}

static void
frame_set_target (MwFrame *f,
                  cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_IMAGE:
      f->raster = cairo_get_target (cr) == cairo_get_group_target (cr);
      break;
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      f->vector = TRUE;
      break;
    default:
      break;
    }
  f->raster = f->raster || f->view->raster;
}

/* A far actor is pulled in towards the middle of the view, along its line
 * from there, to @reach device units away: the actor itself is far out of
 * sight either way, and a tie from the view to it leaves the view at a
 * slope off by at most (view size)² / reach — a fraction of a pixel. */
static void
pull_in (MwActorGeom *g,
         cairo_t     *cr,
         double       cx,
         double       cy,
         double       reach)
{
  double x = g->x, y = g->y, far;

  cairo_user_to_device (cr, &x, &y);
  far = MAX (fabs (x - cx), fabs (y - cy));
  if (!(far > reach))
    return;
  x = cx + (x - cx) * (reach / far);
  y = cy + (y - cy) * (reach / far);
  cairo_device_to_user (cr, &x, &y);
  g->box.x += x - g->x;
  g->box.y += y - g->y;
  g->label_x += x - g->x;
  g->label_y += y - g->y;
  g->x = x;
  g->y = y;
}

/* Returns: (nullable): the actors' geometry for this frame with the far
 * ones pulled in, or %NULL when everything is within reach of cairo. Only
 * what is visible is drawn, but ties and boundaries reach out of view. */
static GArray *
pull_in_far_actors (MwRenderer    *self,
                    cairo_t       *cr,
                    const MwFrame *f)
{
  const MwRect *b = &self->geometry.bounds;
  double cx = f->visible.x + f->visible.width / 2, cy = f->visible.y + f->visible.height / 2;
  double sx = 1, sy = 1, reach, corners[4][2] = {
    { b->x, b->y }, { b->x + b->width, b->y }, { b->x, b->y + b->height }, { b->x + b->width, b->y + b->height },
  };
  gboolean far = FALSE;
  GArray *actors;

  if (!self->geometry.has_bounds)
    return NULL;
  /* the target may scale once more (HiDPI, PNG scale) */
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  cairo_user_to_device (cr, &cx, &cy);
  reach = DEVICE_REACH / MAX (MAX (f->view->scale, 1), MAX (fabs (sx), fabs (sy))) - MAX (fabs (cx), fabs (cy));
  if (!(reach > 0))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      cairo_user_to_device (cr, &corners[i][0], &corners[i][1]);
      far = far || !(MAX (fabs (corners[i][0] - cx), fabs (corners[i][1] - cy)) <= reach);
    }
  if (!far)
    return NULL;

  actors = g_array_copy (self->geometry.actors);
  for (guint i = 0; i < actors->len; i++)
    pull_in (&g_array_index (actors, MwActorGeom, i), cr, cx, cy, reach);
  return actors;
}

/* A drag's frame (MwRenderMoving): whether actor @i is drawn in it. */
static gboolean
actor_in_frame (MwRenderer *self,
                guint       i)
{
  return self->moving == NULL || !self->moving->marks[i];
}

/* The actors on screen, in index order: those the index finds near the
 * view (when it can tell), each tested as every actor would be. */
static GArray *
find_visible_actors (MwRenderer    *self,
                     const MwFrame *f)
{
  GArray *visible = g_array_new (FALSE, FALSE, sizeof (guint));
  MwRect near = { f->visible.x - 2, f->visible.y - 2, f->visible.width + 4, f->visible.height + 4 };
  guint kept = 0;

  /* only what a drag moves: a few actors, not where the index has them */
  if (self->moving != NULL && self->moving->only)
    {
      for (guint k = 0; k < self->moving->actors->len; k++)
        {
          guint i = g_array_index (self->moving->actors, guint, k);

          if (actor_visible (f, _mw_renderer_actor_geom (self, i)))
            g_array_append_val (visible, i);
        }
      return visible;
    }
  /* far actors pulled in for this frame are not where the index has them */
  if (f->pulled_in || !_mw_renderer_index_actors (self, &near, visible))
    {
      for (guint i = 0; i < self->geometry.actors->len; i++)
        if (actor_visible (f, _mw_renderer_actor_geom (self, i)) && actor_in_frame (self, i))
          g_array_append_val (visible, i);
      return visible;
    }
  for (guint k = 0; k < visible->len; k++)
    {
      guint i = g_array_index (visible, guint, k);

      if (actor_visible (f, _mw_renderer_actor_geom (self, i)) && actor_in_frame (self, i))
        g_array_index (visible, guint, kept++) = i;
    }
  g_array_set_size (visible, kept);
  return visible;
}

/* The actors and ties themselves, with their groups' boxes and names. */
static void
draw_people (MwRenderer    *self,
             cairo_t       *cr,
             MwFrame       *f,
             GArray        *visible)
{
  /* a drag draws the boundaries under its picture, their names over it */
  gboolean groups = self->moving == NULL;
  gboolean names = self->moving == NULL || self->moving->only;

  /* on raster targets the ties' hairlines are drawn meanwhile on another core */
  _mw_renderer_start_ties (self, f);
  if (groups && !_mw_renderer_groups_in_bands (self, cr, f))
    _mw_renderer_draw_groups (self, cr, f);
  _mw_renderer_draw_ties (self, cr, f);
  if (names)
    _mw_renderer_draw_group_names (self, cr, f);   /* never with masks left to paint */
  if (f->emphasis)
    _mw_renderer_draw_states (self, cr, f, visible, TRUE);
  _mw_renderer_draw_actors (self, cr, f, visible);
  if (f->markers)
    _mw_renderer_draw_badges (self, cr, f, visible);
  if (f->emphasis)
    _mw_renderer_draw_states (self, cr, f, visible, FALSE);
  _mw_renderer_draw_labels (self, cr, f, visible);
}

/**
 * mw_renderer_draw:
 * @cr: any cairo context: a widget's snapshot, an image, SVG or PDF surface
 * @view: what to show and how
 *
 * Draws the network as @view sees it into the rectangle (0, 0, width,
 * height) of @cr's user space: background, boundaries, ties, actors,
 * badges, selection and labels, in that order.
 */
void
mw_renderer_draw (MwRenderer   *self,
                  cairo_t      *cr,
                  const MwView *view)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->zoom > 0);

  _mw_renderer_draw_with_lod (self, cr, view, NULL);
}

/* What changes a tile's pixels besides the view: the geometry, which is
 * computed again after every change of the network, the size mapping,
 * the font and the text scale. */
guint64
_mw_renderer_get_look_serial (MwRenderer *self)
{
  g_assert (MW_IS_RENDERER (self));
  _mw_renderer_ensure_geometry (self);
  return self->geometry.serial;
}

/* How many actors @view shows and whether its ties are dense: what a
 * frame of the whole view would decide. */
void
_mw_renderer_measure_lod (MwRenderer   *self,
                          const MwView *view,
                          MwRenderLod  *lod)
{
  g_autoptr(GArray) visible = NULL;
  MwFrame f;

  g_assert (MW_IS_RENDERER (self));

  _mw_renderer_ensure_geometry (self);
  frame_init (&f, view);
  _mw_renderer_ensure_index (self, &f.visible);
  visible = find_visible_actors (self, &f);
  lod->n_visible = visible->len;
  lod->dense = _mw_renderer_overview_weight (self, &f) < 1 && _mw_renderer_ties_dense (self, &f);
  lod->width = view->width;
  lod->height = view->height;
  _mw_renderer_measure_fade (self, view, &lod->fade);
}

/* Draws the map's key over a view composited from tiles, which leave it
 * out. Returns: whether the view shows the map (and so its key). */
gboolean
_mw_renderer_draw_map_key (MwRenderer   *self,
                           cairo_t      *cr,
                           const MwView *view)
{
  double overview;
  MwFrame f;

  g_assert (MW_IS_RENDERER (self));

  _mw_renderer_ensure_geometry (self);
  frame_init (&f, view);
  overview = _mw_renderer_overview_weight (self, &f);
  if (overview <= 0)
    return FALSE;
  if (cr != NULL)
    {
      cairo_get_matrix (cr, &f.view_matrix);
      _mw_renderer_draw_overview_key (self, cr, &f, overview);
    }
  return TRUE;
}

/* mw_renderer_draw(), with the level of detail of a larger view when
 * @lod is set: a tile of that view. */
void
_mw_renderer_draw_with_lod (MwRenderer        *self,
                            cairo_t           *cr,
                            const MwView      *view,
                            const MwRenderLod *lod)
{
  g_autoptr(GArray) visible = NULL;
  GArray *actors, *pulled_in;
  double overview;
  MwFrame f;

  _mw_renderer_ensure_geometry (self);
  frame_init (&f, view);
  f.lod = lod;
  _mw_renderer_ensure_index (self, &f.visible);

  cairo_save (cr);
  if (!view->transparent)
    {
      cairo_rectangle (cr, 0, 0, view->width, view->height);
      _mw_set_source (cr, &f.theme->background, 1);
      cairo_fill (cr);
    }
  cairo_get_matrix (cr, &f.view_matrix);
  frame_set_target (&f, cr);
  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->offset_x, -view->offset_y);

  /* for this frame only; the worker drawing ties is done before it ends */
  actors = self->geometry.actors;
  pulled_in = pull_in_far_actors (self, cr, &f);
  if (pulled_in != NULL)
    self->geometry.actors = pulled_in;
  f.pulled_in = pulled_in != NULL;

  visible = find_visible_actors (self, &f);

  overview = _mw_renderer_overview_weight (self, &f);
  if (overview < 1)
    draw_people (self, cr, &f, visible);
  if (overview > 0)
    {
      /* the map stays in a drag's picture of the rest */
      if (self->moving == NULL || !self->moving->only)
        _mw_renderer_draw_overview (self, cr, &f, overview);
      /* who is marked stays visible on the map */
      if (f.emphasis)
        {
          _mw_renderer_draw_states (self, cr, &f, visible, FALSE);
          _mw_renderer_draw_labels (self, cr, &f, visible);
        }
    }
  cairo_restore (cr);

  self->geometry.actors = actors;
  g_clear_pointer (&pulled_in, g_array_unref);
}

/* Moves the moving actors' geometry by (dx, dy) for one frame; returns
 * what it was, for shift_back(). */
static GArray *
shift_moving (MwRenderer           *self,
              const MwRenderMoving *moving,
              double                dx,
              double                dy)
{
  GArray *saved = g_array_sized_new (FALSE, FALSE, sizeof (MwActorGeom), moving->actors->len);

  for (guint k = 0; k < moving->actors->len; k++)
    {
      MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom,
                                       g_array_index (moving->actors, guint, k));

      g_array_append_val (saved, *g);
      g->x += dx, g->y += dy;
      g->box.x += dx, g->box.y += dy;
      g->label_x += dx, g->label_y += dy;
    }
  return saved;
}

static void
shift_back (MwRenderer           *self,
            const MwRenderMoving *moving,
            GArray               *saved)
{
  for (guint k = 0; k < moving->actors->len; k++)
    g_array_index (self->geometry.actors, MwActorGeom, g_array_index (moving->actors, guint, k)) =
      g_array_index (saved, MwActorGeom, k);
}

/**
 * _mw_renderer_draw_moving:
 * @moving: what a drag moves, and which half to draw
 * @lod: the whole view's detail (_mw_renderer_measure_lod()), so that
 *   both halves show labels and hairlines as one frame of @view would
 * @dx: how far the moving actors are drawn from where the network has
 *   them, in model points (only with @moving->only)
 *
 * Draws a drag's picture of the rest (@view without the moving actors,
 * their ties, the background and the boundaries) or, over it, only those
 * actors and ties, moved by (@dx, @dy), with the boundaries' names. The
 * network is not changed: the geometry is moved for this frame and put
 * back.
 */
void
_mw_renderer_draw_moving (MwRenderer           *self,
                          cairo_t              *cr,
                          const MwView         *view,
                          const MwRenderMoving *moving,
                          const MwRenderLod    *lod,
                          double                dx,
                          double                dy)
{
  g_autoptr(GArray) saved = NULL;
  MwView layer = *view;
  MwFrame f;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && view != NULL && view->zoom > 0);
  g_return_if_fail (moving != NULL);

  _mw_renderer_ensure_geometry (self);
  /* the index is built from where the network has the actors, never
   * from a frame's moved ones */
  frame_init (&f, view);
  _mw_renderer_ensure_index (self, &f.visible);
  /* both halves go over the boundaries (_mw_renderer_draw_moving_under()) */
  layer.transparent = TRUE;
  if (moving->only)
    saved = shift_moving (self, moving, dx, dy);
  self->moving = moving;
  _mw_renderer_draw_with_lod (self, cr, &layer, lod);
  self->moving = NULL;
  if (saved != NULL)
    shift_back (self, moving, saved);
  /* these masks hold part of a frame: never shifted into the next one */
  self->masks.last_valid = FALSE;
}

/* Under a drag's picture: the background and the boundaries, as the drag
 * has set them for this frame (mw-render-drag.c). */
void
_mw_renderer_draw_moving_under (MwRenderer   *self,
                                cairo_t      *cr,
                                const MwView *view)
{
  MwFrame f;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && view != NULL && view->zoom > 0);

  _mw_renderer_ensure_geometry (self);
  frame_init (&f, view);
  cairo_save (cr);
  if (!view->transparent)
    {
      cairo_rectangle (cr, 0, 0, view->width, view->height);
      _mw_set_source (cr, &f.theme->background, 1);
      cairo_fill (cr);
    }
  cairo_get_matrix (cr, &f.view_matrix);
  frame_set_target (&f, cr);
  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->offset_x, -view->offset_y);
  /* a frame draws people, with their boundaries, below a whole map */
  if (_mw_renderer_overview_weight (self, &f) < 1)
    _mw_renderer_draw_groups (self, cr, &f);
  cairo_restore (cr);
}

/**
 * _mw_renderer_draw_actor_alone:
 * @view: as for mw_renderer_draw(); only its zoom, offset, scale, style
 *   and labels count
 * @index: the actor's index
 *
 * Draws one actor — shape, badges and label, as a frame of @view draws
 * them when the actor is the only one in it — and nothing else: a morph
 * (mw-render-morph.c) copies these pixels instead of painting actors itself.
 */
void
_mw_renderer_draw_actor_alone (MwRenderer   *self,
                               cairo_t      *cr,
                               const MwView *view,
                               guint         index)
{
  g_autoptr(GArray) visible = g_array_sized_new (FALSE, FALSE, sizeof (guint), 1);
  MwFrame f;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL && view != NULL && view->zoom > 0);

  _mw_renderer_ensure_geometry (self);
  g_return_if_fail (index < self->geometry.actors->len);
  frame_init (&f, view);
  g_array_append_val (visible, index);

  cairo_save (cr);
  cairo_get_matrix (cr, &f.view_matrix);
  frame_set_target (&f, cr);
  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->offset_x, -view->offset_y);
  _mw_renderer_draw_actors (self, cr, &f, visible);
  if (f.markers)
    _mw_renderer_draw_badges (self, cr, &f, visible);
  _mw_renderer_draw_labels (self, cr, &f, visible);
  cairo_restore (cr);
}

/* Returns: how much of a frame of @view is the map (0…1): a morph only
 * fades between its two networks' frames where actors are specks. */
double
_mw_renderer_map_weight (MwRenderer   *self,
                         const MwView *view)
{
  MwFrame f;

  g_return_val_if_fail (MW_IS_RENDERER (self), 0);
  g_return_val_if_fail (view != NULL && view->zoom > 0, 0);

  _mw_renderer_ensure_geometry (self);
  frame_init (&f, view);
  return _mw_renderer_overview_weight (self, &f);
}
