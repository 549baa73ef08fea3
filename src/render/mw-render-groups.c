/* mw-render-groups.c: unit and organisation boundaries: where they go and how they look
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderGroups: one rounded box per unit and per organisation around
 * its members, computed with the geometry, and the layouts of their names.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "mw-renderer-private.h"

#define UNIT_PADDING      14.0
#define ORG_PADDING       16.0

/* A unit's or an organisation's boundary, in model points. */
typedef struct
{
  char        *name;
  char        *org;
  gboolean     is_org;
  int          color;
  MwRect       box;
  PangoLayout *layout;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->name);
  g_free (group->org);
  g_clear_object (&group->layout);
  g_free (group);
}

void
_mw_render_groups_init (MwRenderGroups *groups)
{
  groups->list = g_ptr_array_new_with_free_func (group_free);
  groups->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
_mw_render_groups_clear (MwRenderGroups *groups)
{
  g_clear_pointer (&groups->list, g_ptr_array_unref);
  g_clear_pointer (&groups->layouts, g_hash_table_unref);
}

static PangoLayout *
group_layout (MwRenderer *self,
              const char *name,
              gboolean    is_org)
{
  g_autofree char *key = g_strconcat (is_org ? "o" : "u", name, NULL);
  PangoLayout *layout = g_hash_table_lookup (self->groups.layouts, key);

  if (layout == NULL)
    {
      /* Group names follow the desktop's text scaling, as actor labels do. */
      layout = _mw_renderer_create_layout (self, name, (is_org ? 11.5 : 9.5) * self->text.scale, is_org);
      g_hash_table_insert (self->groups.layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

/* The size of a group's name as the canvas draws it, in canvas units. */
void
_mw_renderer_group_label_size (MwRenderer *self,
                               const char *name,
                               gboolean    is_org,
                               double     *width,
                               double     *height)
{
  g_autoptr(PangoLayout) layout = group_layout (self, name, is_org);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

/* The group of (org, unit), made when its first member (actor index first)
 * is met: it takes the colour the geometry gave that member's organisation. */
static Group *
lookup_group (MwRenderer *self,
              GHashTable *index,
              guint       first,
              const char *org,
              const char *unit)
{
  g_autofree char *key = g_strconcat (org, "\x1f", unit, NULL);
  Group *group = g_hash_table_lookup (index, key);

  if (group == NULL)
    {
      gboolean is_org = unit == NULL || unit[0] == '\0';

      group = g_new0 (Group, 1);
      group->org = g_strdup (org);
      group->name = g_strdup (is_org ? org : unit);
      group->is_org = is_org;
      group->color = _mw_renderer_actor_geom (self, first)->color;
      group->box.width = -1;
      group->layout = group_layout (self, group->name, is_org);
      g_ptr_array_add (self->groups.list, group);
      g_hash_table_insert (index, g_steal_pointer (&key), group);
    }
  return group;
}

/* Pads a group's box and makes room above the members for its name. */
static void
frame_group (Group  *group,
             double  padding)
{
  PangoRectangle logical;
  double name_w, name_h;

  pango_layout_get_extents (group->layout, NULL, &logical);
  name_w = (double)logical.width / PANGO_SCALE;
  name_h = (double)logical.height / PANGO_SCALE;
  group->box.x -= padding;
  group->box.width += 2 * padding;
  group->box.y -= padding + name_h + 2;
  group->box.height += 2 * padding + name_h + 2;
  if (group->box.width < name_w + 2 * padding)
    {
      double grow = name_w + 2 * padding - group->box.width;

      group->box.x -= grow / 2;
      group->box.width += grow;
    }
}

void
_mw_renderer_compute_groups (MwRenderer *self)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = mw_network_get_n_actors (self->network);

  g_ptr_array_set_size (self->groups.list, 0);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      MwRect box;

      if (actor->unit[0] == '\0')
        continue;
      box = g_array_index (self->geometry.actors, MwActorGeom, i).box;
      _mw_rect_union (&lookup_group (self, index, i, actor->org, actor->unit)->box, &box);
    }
  for (guint i = 0; i < self->groups.list->len; i++)
    frame_group (g_ptr_array_index (self->groups.list, i), UNIT_PADDING);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      MwRect box;

      if (actor->org[0] == '\0')
        continue;
      box = g_array_index (self->geometry.actors, MwActorGeom, i).box;
      if (actor->unit[0] != '\0')
        box = lookup_group (self, index, i, actor->org, actor->unit)->box;
      _mw_rect_union (&lookup_group (self, index, i, actor->org, "")->box, &box);
    }
  for (guint i = 0; i < self->groups.list->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups.list, i);

      if (group->is_org)
        frame_group (group, ORG_PADDING);
    }
}

/* Grows bounds by every boundary with its name. */
void
_mw_renderer_groups_bounds (MwRenderer *self,
                            MwRect     *bounds)
{
  for (guint i = 0; i < self->groups.list->len; i++)
    _mw_rect_union (bounds, &((Group *)g_ptr_array_index (self->groups.list, i))->box);
}

/* A box that reaches far beyond the view (a unit with an actor millions of
 * points away) is cut to the view and a margin of as much again on every
 * side: within the view it looks the same, and no coordinate handed to cairo
 * leaves the range its fixed point can hold. Returns whether it was cut. */
static gboolean
clip_to_reach (const MwRect *box,
               const MwRect *visible,
               MwRect       *clipped)
{
  double margin = MAX (visible->width, visible->height) + 64;
  double x0 = MAX (box->x, visible->x - margin);
  double y0 = MAX (box->y, visible->y - margin);
  double x1 = MIN (box->x + box->width, visible->x + visible->width + margin);
  double y1 = MIN (box->y + box->height, visible->y + visible->height + margin);

  if (x0 == box->x && y0 == box->y && x1 == box->x + box->width && y1 == box->y + box->height)
    return FALSE;
  *clipped = (MwRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

void
_mw_renderer_draw_groups (MwRenderer    *self,
                          cairo_t       *cr,
                          const MwFrame *f)
{
  /* organisations first (they hold units), from the biggest down */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->groups.list->len; i++)
      {
        Group *group = g_ptr_array_index (self->groups.list, i);
        MwRect clipped;
        const MwRect *b = &group->box;
        MwColor color;
        double r = group->is_org ? 22 : 14;

        if (group->is_org != (pass == 0) ||
            !_mw_rect_meets (&f->visible, b->x, b->y, b->x + b->width, b->y + b->height))
          continue;
        if (clip_to_reach (b, &f->visible, &clipped))
          b = &clipped;

        _mw_palette_color (group->color, f->view->dark, &color);
        cairo_new_path (cr);
        cairo_new_sub_path (cr);
        cairo_arc (cr, b->x + b->width - r, b->y + r, r, -G_PI / 2, 0);
        cairo_arc (cr, b->x + b->width - r, b->y + b->height - r, r, 0, G_PI / 2);
        cairo_arc (cr, b->x + r, b->y + b->height - r, r, G_PI / 2, G_PI);
        cairo_arc (cr, b->x + r, b->y + r, r, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
        if (group->is_org)
          _mw_set_source (cr, &color, f->view->dark ? 0.12 : 0.08);
        else
          _mw_set_source (cr, &f->theme->text, f->view->dark ? 0.06 : 0.035);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_set_line_width (cr, MAX (group->is_org ? 1.6 : 1.0, f->px));
        if (group->is_org)
          _mw_set_source (cr, &color, 0.7);
        else
          _mw_set_source (cr, &f->theme->text_soft, 0.35);
        cairo_stroke (cr);
      }
}

/* Boundary names go over the ties, so no line runs through them. */
void
_mw_renderer_draw_group_names (MwRenderer    *self,
                               cairo_t       *cr,
                               const MwFrame *f)
{
  if (f->view->labels == MW_LABELS_NEVER || !(f->markers || f->view->labels == MW_LABELS_ALWAYS))
    return;

  for (guint i = 0; i < self->groups.list->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups.list, i);
      const MwRect *b = &group->box;

      if (!_mw_rect_meets (&f->visible, b->x, b->y, b->x + b->width, b->y + b->height))
        continue;
      _mw_renderer_show_layout (self, cr, group->layout, group->name,
                                b->x + (group->is_org ? 12 : 10), b->y + (group->is_org ? 7 : 6),
                                group->is_org ? &f->theme->text : &f->theme->text_soft);
    }
}

/* ---- for a drag (mw-render-drag.c) -------------------------------------- */

guint
_mw_renderer_n_groups (MwRenderer *self)
{
  return self->groups.list->len;
}

/* Group @i: its organisation, its unit (%NULL for an organisation's own
 * box) and its box as computed, which a drag sets for a frame. */
MwRect *
_mw_renderer_group_box (MwRenderer  *self,
                        guint        i,
                        const char **org,
                        const char **unit)
{
  Group *group = g_ptr_array_index (self->groups.list, i);

  *org = group->org;
  *unit = group->is_org ? NULL : group->name;
  return &group->box;
}

/* Sets group @i's box round @members (the union of its members' boxes, or
 * of its units' for an organisation), padded as the geometry pads it. */
void
_mw_renderer_frame_group_box (MwRenderer   *self,
                              guint         i,
                              const MwRect *members)
{
  Group *group = g_ptr_array_index (self->groups.list, i);

  group->box = *members;
  frame_group (group, group->is_org ? ORG_PADDING : UNIT_PADDING);
}
