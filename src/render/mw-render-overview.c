/* mw-render-overview.c: the organisation's map when people are too small to see
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Below a few pixels an actor is a speck and 100,000 of them a grey mass.
 * The map draws each group (units, organisations, or groups found in the
 * structure: MwOverview) as a disc where its people are, its area by their
 * number, and one band per pair of groups, as wide as their ties are many,
 * striped by tie type; group names stay legible at any zoom. Zooming in
 * blends it into the actors and ties themselves. */

#define G_LOG_DOMAIN "meshwork-render"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mw-overview.h"
#include "mw-renderer-private.h"

/* The overview shows fully below OVERVIEW_FULL_PX of actor radius on
 * screen and not at all above OVERVIEW_NONE_PX. */
#define NOMINAL_RADIUS     12.0
#define OVERVIEW_FULL_PX    2.5
#define OVERVIEW_NONE_PX    5.0
#define OVERVIEW_MIN_ACTORS 500
#define OVERVIEW_MAX_GROUPS 300
#define DISC_MIN_PX        14.0
#define NAME_PX            13.0

/* Bands tell tie types apart by colour (Okabe–Ito, for colour-blind
 * readers), since on the map there are no dash patterns to see. */
static const MwColor band_light[MW_N_TIE_TYPES] = {
  { 0.24, 0.22, 0.27, 1 },   /* reports: the ink of reporting lines */
  { 0.00, 0.45, 0.70, 1 },   /* collaborates: blue */
  { 0.90, 0.62, 0.00, 1 },   /* influences: orange */
  { 0.00, 0.62, 0.45, 1 },   /* checks: bluish green */
};
static const MwColor band_dark[MW_N_TIE_TYPES] = {
  { 0.87, 0.87, 0.85, 1 },
  { 0.34, 0.71, 0.91, 1 },   /* sky blue */
  { 0.90, 0.62, 0.00, 1 },
  { 0.00, 0.72, 0.53, 1 },
};

typedef struct
{
  double x, y;   /* centre, view pixels */
  double r;
} Disc;

void
_mw_render_overview_init (MwRenderOverview *overview)
{
  overview->map = NULL;
  overview->valid = FALSE;
  overview->links = g_array_new (FALSE, FALSE, sizeof (MwOverviewLink));
}

void
_mw_render_overview_clear (MwRenderOverview *overview)
{
  g_clear_pointer (&overview->map, mw_overview_free);
  g_clear_pointer (&overview->links, g_array_unref);
  overview->valid = FALSE;
}

/* Whether an edit of @tie may leave the groups as they are: they are the
 * units, and the tie is no reporting line that could make organisations
 * of them (nor was one, for a change of type). */
static gboolean
keeps_groups (MwRenderer     *self,
              const MwChange *change)
{
  gboolean reports = change->tie->type == MW_TIE_REPORTS ||
                     (change->kind == MW_CHANGE_TIE_CHANGED && (change->fields & MW_FIELD_TIE_TYPE) != 0);

  if (!self->overview.by_labels)
    return FALSE;
  if (!reports)
    return TRUE;
  /* actors moved between units since: whether organisations are still
   * drawn is known before the next frame, which then builds the map */
  self->overview.reports_edited |= self->overview.relabelled;
  return !self->overview.reports_matter;
}

/* Whether an actor's move, arrival or departure may be followed in the
 * map: its groups are the units, which the actor's own labels place it in.
 * Whether they still are afterwards is checked before the next frame. */
static gboolean
follows_actor (MwRenderer *self)
{
  if (!self->overview.valid || !self->overview.by_labels || self->overview.map == NULL)
    return FALSE;
  self->overview.relabelled = TRUE;
  self->overview.n_moves++;
  return TRUE;
}

/* The map's groups follow ties, units and organisations, not positions.
 * When they are the units (by_labels) an edit of ties changes only the
 * bands between them: those are counted again, not the groups; and an
 * actor that moves to another unit, comes or goes moves between groups
 * (mw_overview_move_actor()), its bands counted again: a new map took a
 * quarter of a second at 100,000 actors (issue 17). */
void
_mw_renderer_overview_changed (MwRenderer     *self,
                               const MwChange *change)
{
  MwField grouping = MW_FIELD_ORG | MW_FIELD_UNIT | MW_FIELD_KIND | MW_FIELD_LABEL;

  if (self->overview.by_labels)
    grouping &= ~MW_FIELD_LABEL;   /* names come from units then, not from people */
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_CHANGED:
      if ((change->fields & grouping) == 0)
        break;
      if ((change->fields & grouping & ~(MW_FIELD_ORG | MW_FIELD_UNIT)) == 0 && follows_actor (self))
        {
          mw_overview_move_actor (self->overview.map, self->network, change->actor->index);
          self->overview.links_valid = FALSE;
        }
      else
        self->overview.valid = FALSE;
      break;
    case MW_CHANGE_ACTOR_ADDED:
      /* no ties yet: the bands stay */
      if (follows_actor (self))
        mw_overview_add_actor (self->overview.map, self->network);
      else
        self->overview.valid = FALSE;
      break;
    case MW_CHANGE_ACTOR_REMOVED:
      /* (its ties went first, each an edit of its own) */
      if (follows_actor (self))
        {
          mw_overview_remove_actor (self->overview.map, self->network, change->actor->index);
          self->overview.links_valid = FALSE;
        }
      else
        self->overview.valid = FALSE;
      break;
    case MW_CHANGE_TIE_CHANGED:
      if ((change->fields & (MW_FIELD_TIE_TYPE | MW_FIELD_ENDPOINTS)) == 0)
        break;
      G_GNUC_FALLTHROUGH;
    case MW_CHANGE_TIE_ADDED:
    case MW_CHANGE_TIE_REMOVED:
      if (keeps_groups (self, change))
        self->overview.links_valid = FALSE;
      else
        self->overview.valid = FALSE;
      break;
    case MW_CHANGE_NETWORK_CHANGED:
    case MW_CHANGE_BATCH:
    default:
      self->overview.valid = FALSE;
      break;
    }
  self->overview.heard = mw_network_get_generation (self->network);
}

/* Whether the map's groups are the units, as the core's grouping makes
 * them (mw-graph-groups.c) when every actor has a unit, all have an
 * organisation or none has and none is one (nobody joins one by a tie),
 * and the units say who works together (labels_group()). Then ties change
 * them only without organisations, where reporting lines may make
 * organisations of units. Checked against the map itself: each actor in
 * the group of its own unit, one group a unit, not mostly single people. */
static gboolean
grouped_by_labels (MwRenderer *self,
                   MwOverview *map)
{
  guint n = mw_network_get_n_actors (self->network), n_groups = mw_overview_get_n_groups (map);
  g_autofree guint *size = g_new0 (guint, MAX (n_groups, 1));
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean people_only = FALSE;
  guint n_units = 0, singles = 0, n_orgs = 0, n_org_actors = 0;

  for (guint g = 0; g < n_groups; g++)
    {
      const MwOverviewGroup *group = mw_overview_get_group (map, g);

      if (!g_hash_table_add (pairs, g_strconcat (group->org, "\x1f", group->name, NULL)))
        return FALSE;
    }
  for (guint i = 0; i < n && !people_only; i++)
    people_only = mw_network_get_actor (self->network, i)->kind == MW_ACTOR_PERSON;
  for (guint i = 0; i < n; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, i);
      guint g = mw_overview_get_actor_group (map, i);
      const MwOverviewGroup *group = mw_overview_get_group (map, g);

      if (actor->unit[0] == '\0' || strcmp (group->name, actor->unit) != 0 || strcmp (group->org, actor->org) != 0)
        return FALSE;
      n_orgs += actor->org[0] != '\0';
      n_org_actors += actor->kind == MW_ACTOR_ORGANISATION;
      if (!people_only || actor->kind == MW_ACTOR_PERSON)
        size[g]++;
    }
  if (n_orgs == 0 ? n_org_actors > 0 : n_orgs != n)
    return FALSE;
  for (guint g = 0; g < n_groups; g++)
    {
      n_units += size[g] > 0;
      singles += size[g] == 1;
    }
  self->overview.reports_matter = n_orgs == 0;
  return n_units >= 2 && 2 * singles <= n_units;
}

/* The ties between each pair of groups, by type, in the order their first
 * tie comes: as mw_overview_new() counts them. The geometry's packed ends
 * are read when they are the network's (three cache misses a tie less). */
static void
count_links (MwRenderer *self,
             MwOverview *map)
{
  guint n_groups = mw_overview_get_n_groups (map), n_ties = mw_network_get_n_ties (self->network);
  g_autofree guint *pair = g_new0 (guint, MAX ((gsize)n_groups * n_groups, 1));   /* link + 1 */
  gboolean packed = self->geometry.valid && self->geometry.ties->len == n_ties &&
                    self->geometry.generation == mw_network_get_generation (self->network);

  g_array_set_size (self->overview.links, 0);
  for (guint i = 0; i < n_ties; i++)
    {
      const MwTieEnds *ends = packed ? &g_array_index (self->geometry.ties, MwTieEnds, i) : NULL;
      const MwTie *tie = packed ? NULL : mw_network_get_tie (self->network, i);
      guint a = mw_overview_get_actor_group (map, packed ? ends->from : tie->from->index);
      guint b = mw_overview_get_actor_group (map, packed ? ends->to : tie->to->index);
      guint *slot = &pair[(gsize)MIN (a, b) * n_groups + MAX (a, b)];
      MwOverviewLink *link;

      if (a == b)
        continue;
      if (*slot == 0)
        {
          MwOverviewLink fresh = { MIN (a, b), MAX (a, b), { 0 }, 0 };

          g_array_append_val (self->overview.links, fresh);
          *slot = self->overview.links->len;
        }
      link = &g_array_index (self->overview.links, MwOverviewLink, *slot - 1);
      link->count[packed ? ends->type : tie->type]++;
      link->total++;
    }
}

/* Actors moved between groups: are these still the units, and did no
 * reporting line that now matters change? If not, the map is invalid. */
static void
check_moves (MwRenderer *self)
{
  MwRenderOverview *overview = &self->overview;
  gboolean reports_mattered = overview->reports_matter;

  if (!overview->valid || !overview->relabelled)
    return;
  overview->relabelled = FALSE;
  if (!grouped_by_labels (self, overview->map) ||
      (overview->reports_matter && (overview->reports_edited || !reports_mattered)))
    overview->valid = FALSE;
  overview->reports_edited = FALSE;
}

static MwOverview *
ensure_map (MwRenderer *self)
{
  MwRenderOverview *overview = &self->overview;

  check_moves (self);
  if (!overview->valid)
    {
      g_clear_pointer (&overview->map, mw_overview_free);
      overview->map = mw_overview_new (self->network);
      overview->heard = mw_network_get_generation (self->network);
      overview->valid = TRUE;
      overview->relabelled = FALSE;
      overview->reports_edited = FALSE;
      overview->n_builds++;
      overview->by_labels = grouped_by_labels (self, overview->map);
      g_array_set_size (overview->links, 0);
      for (guint l = 0; l < mw_overview_get_n_links (overview->map); l++)
        g_array_append_vals (overview->links, mw_overview_get_link (overview->map, l), 1);
      overview->links_valid = TRUE;
    }
  else if (!overview->links_valid)
    {
      count_links (self, overview->map);
      overview->links_valid = TRUE;
    }
  return overview->map;
}

/**
 * _mw_renderer_overview_copy_to:
 * @twin: a renderer of a copy of @self's network, in the same order
 *
 * Gives @twin @self's map when it is the network's as it is now (after
 * checking the moves it followed, if any): a new map is a quarter of a
 * second at 100,000 actors, which the tiles' worker spent after each edit.
 * Never builds one.
 */
void
_mw_renderer_overview_copy_to (MwRenderer *self,
                               MwRenderer *twin)
{
  MwRenderOverview *from = &self->overview, *to = &twin->overview;

  /* (a batch under way changes the network unheard) */
  if (from->heard != mw_network_get_generation (self->network))
    return;
  check_moves (self);
  if (!from->valid || from->map == NULL)
    return;
  g_clear_pointer (&to->map, mw_overview_free);
  to->map = mw_overview_copy (from->map);
  to->valid = TRUE;
  to->by_labels = from->by_labels;
  to->reports_matter = from->reports_matter;
  to->relabelled = FALSE;
  to->reports_edited = FALSE;
  to->links_valid = from->links_valid;
  g_array_set_size (to->links, 0);
  g_array_append_vals (to->links, from->links->data, from->links->len);
}

/**
 * _mw_renderer_overview_weight:
 *
 * Returns: how much of the frame is the map: 0 (none: the actors are big
 *   enough, the network small, or all in one group) to 1 (only the map)
 */
double
_mw_renderer_overview_weight (MwRenderer    *self,
                              const MwFrame *f)
{
  double radius_px = NOMINAL_RADIUS * f->view->zoom;

  if (mw_network_get_n_actors (self->network) < OVERVIEW_MIN_ACTORS || radius_px >= OVERVIEW_NONE_PX)
    return 0;
  /* one group is no map; hundreds are no longer a map one can read */
  if (mw_overview_get_n_groups (ensure_map (self)) < 2 ||
      mw_overview_get_n_groups (ensure_map (self)) > OVERVIEW_MAX_GROUPS)
    return 0;
  return CLAMP ((OVERVIEW_NONE_PX - radius_px) / (OVERVIEW_NONE_PX - OVERVIEW_FULL_PX), 0, 1);
}

/* Groups whose people are mixed in the drawing have their centres close
 * together; their discs are pushed apart, each pair along the line between
 * them (or a fixed direction when they coincide), until none overlap, so
 * that every group and its name can be read. Quadratic in the groups, of
 * which there are at most OVERVIEW_MAX_GROUPS. */
#define SEPARATE_ROUNDS 60
#define DISC_GAP        6.0

static void
separate_discs (Disc  *discs,
                guint  n_groups)
{
  for (guint round = 0; round < SEPARATE_ROUNDS; round++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < n_groups; i++)
        for (guint j = i + 1; j < n_groups; j++)
          {
            double dx = discs[j].x - discs[i].x, dy = discs[j].y - discs[i].y;
            double d = hypot (dx, dy), need = discs[i].r + discs[j].r + DISC_GAP;
            double push;

            if (d >= need)
              continue;
            if (d < 1e-6)
              {
                /* coinciding: spread round a circle by index, the same every frame */
                dx = cos (2 * G_PI * j / n_groups);
                dy = sin (2 * G_PI * j / n_groups);
                d = 1;
              }
            push = (need - d) / 2;
            discs[i].x -= dx / d * push, discs[i].y -= dy / d * push;
            discs[j].x += dx / d * push, discs[j].y += dy / d * push;
            moved = TRUE;
          }
      if (!moved)
        break;
    }
}

/* Each group's disc: centred on its members as drawn, its area by their
 * number, the largest an eighth of the view's smaller side; then moved
 * apart where they overlap. */
static Disc *
place_discs (MwRenderer    *self,
             const MwFrame *f,
             MwOverview    *map)
{
  guint n_groups = mw_overview_get_n_groups (map);
  Disc *discs = g_new0 (Disc, n_groups);
  guint largest = 1;
  /* a tile's discs are the whole view's */
  double r_max = f->lod != NULL ? MIN (f->lod->width, f->lod->height) / 8 : MIN (f->view->width, f->view->height) / 8;

  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);
      Disc *disc = &discs[mw_overview_get_actor_group (map, i)];

      disc->x += g->x;
      disc->y += g->y;
    }
  for (guint k = 0; k < n_groups; k++)
    largest = MAX (largest, mw_overview_get_group (map, k)->n_actors);
  for (guint k = 0; k < n_groups; k++)
    {
      const MwOverviewGroup *group = mw_overview_get_group (map, k);
      double mx = discs[k].x / MAX (group->n_actors, 1);
      double my = discs[k].y / MAX (group->n_actors, 1);

      discs[k].x = (mx - f->view->offset_x) * f->view->zoom;
      discs[k].y = (my - f->view->offset_y) * f->view->zoom;
      discs[k].r = MAX (DISC_MIN_PX, r_max * sqrt ((double) group->n_actors / largest));
    }
  separate_discs (discs, n_groups);
  return discs;
}

/* One band a pair: a stripe per tie type side by side, their widths by
 * count, the widest band as wide as the smaller disc allows. */
static void
draw_bands (MwRenderer    *self,
            const MwFrame *f,
            cairo_t       *cr,
            const Disc    *discs)
{
  GArray *links = self->overview.links;
  guint most = 1;

  for (guint l = 0; l < links->len; l++)
    most = MAX (most, g_array_index (links, MwOverviewLink, l).total);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint l = 0; l < links->len; l++)
    {
      const MwOverviewLink *link = &g_array_index (links, MwOverviewLink, l);
      const Disc *a = &discs[link->a], *b = &discs[link->b];
      double dx = b->x - a->x, dy = b->y - a->y, length = hypot (dx, dy);
      double width = 1.5 + (MIN (a->r, b->r) * 0.8 - 1.5) * sqrt ((double) link->total / most);
      double nx, ny, at;

      if (length < 1)
        continue;
      nx = -dy / length;
      ny = dx / length;
      at = -width / 2;
      for (guint type = 0; type < MW_N_TIE_TYPES; type++)
        {
          double stripe = width * link->count[type] / link->total;
          double mid = at + stripe / 2;

          if (link->count[type] == 0)
            continue;
          _mw_set_source (cr, f->view->dark ? &band_dark[type] : &band_light[type], 0.85);
          cairo_set_line_width (cr, MAX (stripe, 0.75));
          cairo_move_to (cr, a->x + nx * mid, a->y + ny * mid);
          cairo_line_to (cr, b->x + nx * mid, b->y + ny * mid);
          cairo_stroke (cr);
          at += stripe;
        }
    }
}

static void
draw_discs (MwRenderer    *self,
            const MwFrame *f,
            cairo_t       *cr,
            MwOverview    *map,
            const Disc    *discs)
{
  for (guint k = 0; k < mw_overview_get_n_groups (map); k++)
    {
      const MwOverviewGroup *group = mw_overview_get_group (map, k);
      gpointer index = g_hash_table_lookup (self->geometry.org_colors, group->org);
      MwColor fill = f->theme->background;

      if (index != NULL)
        _mw_palette_color (GPOINTER_TO_INT (index) - 1, f->view->dark, &fill);
      cairo_new_path (cr);
      cairo_arc (cr, discs[k].x, discs[k].y, discs[k].r, 0, 2 * G_PI);
      _mw_set_source (cr, &fill, index != NULL ? 0.6 : 1);
      cairo_fill_preserve (cr);
      /* a tint, so that a group without an organisation's colour still
       * stands out from the background */
      _mw_set_source (cr, &f->theme->text_soft, 0.12);
      cairo_fill_preserve (cr);
      _mw_set_source (cr, &f->theme->text_soft, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

/* "North · 25,000" on a halo, centred on the disc, at a size legible at
 * any zoom. */
static void
draw_names (MwRenderer    *self,
            const MwFrame *f,
            cairo_t       *cr,
            MwOverview    *map,
            const Disc    *discs)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->text.pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (self->text.font);

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, NAME_PX * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  for (guint k = 0; k < mw_overview_get_n_groups (map); k++)
    {
      const MwOverviewGroup *group = mw_overview_get_group (map, k);
      /* Translators: a group on the overview map and how many people it has */
      g_autofree char *text = g_strdup_printf (_("%s · %'u"), group->name, group->n_actors);
      PangoRectangle logical;
      double x, y;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      x = discs[k].x - logical.width / 2.0;
      y = discs[k].y - logical.height / 2.0;
      cairo_rectangle (cr, x - 4, y - 1, logical.width + 8, logical.height + 2);
      _mw_set_source (cr, &f->theme->halo, 0.85);
      cairo_fill (cr);
      _mw_renderer_show_layout (self, cr, layout, text, x, y, &f->theme->text);
    }
}

/* What the bands' colours mean, in the bottom-left corner: the map has no
 * dash patterns for the usual legend to explain. */
static void
draw_key (MwRenderer    *self,
          const MwFrame *f,
          cairo_t       *cr)
{
  static const char *names[MW_N_TIE_TYPES] = {
    N_("Reports to"), N_("Collaborates"), N_("Influences"), N_("Checks"),
  };
  g_autoptr(PangoLayout) layout = pango_layout_new (self->text.pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (self->text.font);
  double x = 12, y = f->view->height - 12 - MW_N_TIE_TYPES * (NAME_PX + 6);

  pango_font_description_set_absolute_size (font, (NAME_PX - 1) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  cairo_rectangle (cr, x - 6, y - 6, 150, MW_N_TIE_TYPES * (NAME_PX + 6) + 8);
  _mw_set_source (cr, &f->theme->halo, 0.9);
  cairo_fill (cr);
  for (guint type = 0; type < MW_N_TIE_TYPES; type++, y += NAME_PX + 6)
    {
      cairo_rectangle (cr, x, y + NAME_PX / 2 - 2.5, 22, 5);
      _mw_set_source (cr, f->view->dark ? &band_dark[type] : &band_light[type], 1);
      cairo_fill (cr);
      pango_layout_set_text (layout, _(names[type]), -1);
      _mw_renderer_show_layout (self, cr, layout, _(names[type]), x + 30, y - 1, &f->theme->text);
    }
}

/* The map's key alone, in view pixels, as _mw_renderer_draw_overview()
 * draws it in a frame of the whole view. */
void
_mw_renderer_draw_overview_key (MwRenderer    *self,
                                cairo_t       *cr,
                                const MwFrame *f,
                                double         alpha)
{
  if (f->view->labels == MW_LABELS_NEVER)
    return;
  cairo_save (cr);
  cairo_set_matrix (cr, &f->view_matrix);
  cairo_push_group (cr);
  draw_key (self, f, cr);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
}

/**
 * _mw_renderer_draw_overview:
 * @alpha: how opaque the map is over what is already drawn
 *
 * Draws the map in view pixels, whatever @cr's current transformation.
 */
void
_mw_renderer_draw_overview (MwRenderer    *self,
                            cairo_t       *cr,
                            const MwFrame *f,
                            double         alpha)
{
  MwOverview *map = ensure_map (self);
  g_autofree Disc *discs = place_discs (self, f, map);

  cairo_save (cr);
  cairo_set_matrix (cr, &f->view_matrix);
  cairo_push_group (cr);
  draw_bands (self, f, cr, discs);
  draw_discs (self, f, cr, map, discs);
  if (f->view->labels != MW_LABELS_NEVER)
    {
      draw_names (self, f, cr, map, discs);
      /* a tile's corner is not the view's: the tiles draw the key once */
      if (f->lod == NULL)
        draw_key (self, f, cr);
    }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
}
