/* mw-render-appearance.c: actors' colour, size and label by the network's appearance mapping
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderAppearance. The geometry asks it for each actor's colour
 * and radius, the text for each label, the legend for the entries; it
 * asks only the core (model/scores) and is rebuilt after any change of the
 * network but a move, so that a drag never recomputes a measure.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-renderer-private.h"

/* The largest actor, by the size mapping, against its kind's usual size:
 * the same bound as the size by span. */
#define MAX_GROWTH 2.6

void
_mw_render_appearance_clear (MwRenderAppearance *appearance)
{
  g_clear_pointer (&appearance->map, mw_appearance_map_free);
}

/* Any change may change a category, a measure or the mapping itself;
 * only a move (or a pin) cannot. */
void
_mw_renderer_appearance_changed (MwRenderer     *self,
                                 const MwChange *change)
{
  g_assert (MW_IS_RENDERER (self));
  if (change->kind == MW_CHANGE_ACTOR_CHANGED &&
      (change->fields & ~(MW_FIELD_POSITION | MW_FIELD_PINNED)) == 0)
    return;
  _mw_render_appearance_clear (&self->appearance);
}

/* (transfer none): the mapping, evaluated for the network as it is. */
MwAppearanceMap *
_mw_renderer_get_appearance (MwRenderer *self)
{
  g_assert (MW_IS_RENDERER (self));
  if (self->appearance.map == NULL ||
      mw_appearance_map_get_n_actors (self->appearance.map) != mw_network_get_n_actors (self->network))
    {
      _mw_render_appearance_clear (&self->appearance);
      self->appearance.map = mw_appearance_map_new (self->network);
    }
  return self->appearance.map;
}

/* The colour code of an actor's shape: its organisation's unless a
 * colour mapping says otherwise. */
int
_mw_renderer_appearance_color (MwRenderer    *self,
                               const MwActor *actor,
                               int            org_color)
{
  MwAppearanceMap *map = _mw_renderer_get_appearance (self);
  int c;

  if (mw_appearance_map_get_source (map, MW_APPEARANCE_COLOR) == NULL)
    return org_color;
  c = mw_appearance_map_color_class (map, actor->index);
  if (c < 0)
    return -1;
  return mw_appearance_map_color_is_numeric (map) ? MW_COLOR_RAMP (c) : MW_COLOR_CATEGORY (c);
}

/* The radius by the size mapping (area in proportion to the value, up to
 * MAX_GROWTH times @base); 0 when size is not mapped or the actor has no
 * value. */
double
_mw_renderer_appearance_radius (MwRenderer    *self,
                                const MwActor *actor,
                                double         base)
{
  double share = mw_appearance_map_size_share (_mw_renderer_get_appearance (self), actor->index);

  return isnan (share) ? 0 : base * MAX_GROWTH * sqrt (share);
}

/* (nullable): the text the label mapping gives, NULL for the usual label. */
const char *
_mw_renderer_appearance_label (MwRenderer    *self,
                               const MwActor *actor)
{
  return mw_appearance_map_label (_mw_renderer_get_appearance (self), actor->index);
}
