/* mw-renderer.c: one cairo/Pango renderer for the canvas, PNG, SVG, PDF and print
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer-private.h"

#define GRID_DX          120.0   /* the fallback grid for actors without a position */
#define GRID_DY           90.0
#define GRID_GAP          90.0
#define UNIT_PADDING      14.0
#define ORG_PADDING       16.0
#define DIM_ALPHA         0.16
#define LABEL_GAP          3.0
#define AUTO_LABEL_PX      5.0   /* labels below this size on screen are noise */
#define AUTO_LABEL_MAX  2000     /* … and so are more of them at once */
#define EMPHASIS_LABEL_MAX  60   /* highlighted and selected actors keep theirs … */
#define EMPHASIS_LABEL_PX  10.0  /* … at least this size on screen */
#define N_COLORS           8
#define DENSE_TIES      2500     /* the palette's 7 hues and "no organisation" */

enum { STATE_NORMAL, STATE_DIM, STATE_HIGHLIGHT, STATE_SELECTED, N_STATES };

typedef struct
{
  double x, y, r;
  int    color;      /* palette index; -1 without organisation */
  MwRect box;        /* shape, label and badges, from actor_box() */
  double label_y;    /* top of the label, under or over the shape */
} ActorGeom;

/* What a frame needs of a tie, packed: reading it through MwTie and
 * MwActor costs three cache misses a tie, the most of a dense overview. */
typedef struct
{
  guint   from;      /* actor indices */
  guint   to;
  guint8  type;
  guint8  heavy;     /* drawn twice as wide (weight > 1.5) */
} TieEnds;

typedef struct
{
  char        *text;     /* the label it was made for */
  PangoLayout *layout;   /* its text is what shows: ellipsised when long */
  double       width;
  double       height;
} Label;

/* One of the A8 masks dense ties are rasterised into: a state (normal or
 * dim) in a tone (reports darker than the rest). */
typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
  int              stride;
  gboolean         used;        /* has ties this frame */
  double           x1, y1, x2, y2;  /* the ties' ends, device pixels */
} ToneMask;

#define N_TONE_MASKS 4          /* STATE_NORMAL and STATE_DIM, two tones each */
#define N_BANDS      6          /* rows of the masks, rasterised in any order */

typedef struct
{
  char        *name;
  char        *org;
  gboolean     is_org;
  int          color;
  MwRect       box;
  PangoLayout *layout;
} Group;

struct _MwRenderer
{
  GObject       parent_instance;

  /* owned */
  MwNetwork    *network;
  PangoContext *pango;
  char         *font;
  GArray       *geoms;        /* ActorGeom by actor index */
  GArray       *bends;        /* double by tie index: lanes of parallel ties */
  GArray       *ties;         /* TieEnds by tie index */
  ToneMask      masks[N_TONE_MASKS]; /* A8, for ties at dense overviews */
  GArray       *device_xy;    /* double pairs by actor index: the mask's pixels */
  cairo_surface_t *layer;     /* ARGB, actors stamped by hand on raster targets */
  GHashTable   *stamps;       /* StampKey* → cairo_surface_t*: one actor's pixels */
  double        stamps_k;     /* the device pixels per point they were drawn at */
  GHashTable   *labels;       /* MwActor* (never dereferenced) → Label* */
  GHashTable   *org_colors;   /* org name → palette index + 1 */
  GPtrArray    *groups;       /* Group*: units first, then organisations */
  GHashTable   *group_layouts;/* "u|o" + name → PangoLayout*: names outlive regrouping */
  GArray       *buckets[MW_N_TIE_TYPES * N_STATES * 2];

  MwSizeBy      size_by;
  guint64       generation;
  gboolean      geometry_valid;
  gboolean      topology_valid; /* organisations' colours and tie lanes */
  MwRect        bounds;
  double        max_radius;
  gboolean      has_bounds;
  guint         n_unplaced;

  MwTextSink    sink;
  gpointer      sink_data;

  /* Dense ties on raster targets: the masks are cut into bands of rows, and
   * the main thread and one persistent worker take bands until none is
   * left. A band writes only its own rows, and coverage adds saturating
   * (which does not depend on the order), so the pixels are the same
   * whoever draws which band. */
  guint         n_threads;    /* 1: everything on the calling thread */
  GThread      *worker;
  GMutex        pool_lock;
  GCond         pool_cond;
  gboolean      pool_quit;
  void        (*job) (MwRenderer *self, int band, int n_bands);
  int           n_bands;      /* of the job posted; 0 when none */
  int           next_band;
  int           bands_done;
  int           mask_w;
  int           mask_h;
  guchar       *paint_data;   /* the target's pixels, when masks are painted in bands */
  int           paint_stride;
  MwColor       paint_colors[N_TONE_MASKS];
  gboolean      paint_pending;/* … and their bands wait to do the actors' stamps too */
  gconstpointer paint_frame;  /* the Frame, when the bands fill the boundaries first */
  double        paint_tolerance;
  cairo_antialias_t paint_antialias;
  GArray       *stamp_refs;   /* StampRef: the stamps those bands copy, in order */
};

G_DEFINE_FINAL_TYPE (MwRenderer, mw_renderer, G_TYPE_OBJECT)

/* One actor's look at one size and quarter-pixel phase: drawn once by
 * cairo, then copied wherever such an actor stands. */
typedef struct
{
  double  r;         /* model points; the scale is the cache's */
  gint8   kind;
  gint8   color;
  gint8   dim;
  gint8   tiny;
  gint8   dark;
  gint8   phase_x;   /* quarters of a device pixel */
  gint8   phase_y;
} StampKey;

static guint
stamp_key_hash (gconstpointer data)
{
  const StampKey *key = data;
  guint h = g_double_hash (&key->r);

  h = h * 31 + (guint)key->kind;
  h = h * 31 + (guint)(key->color + 1);
  h = h * 31 + (guint)(key->dim | key->tiny << 1 | key->dark << 2);
  return h * 31 + (guint)(key->phase_x << 2 | key->phase_y);
}

static gboolean
stamp_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const StampKey *x = a, *y = b;

  return x->r == y->r && x->kind == y->kind && x->color == y->color && x->dim == y->dim &&
         x->tiny == y->tiny && x->dark == y->dark && x->phase_x == y->phase_x && x->phase_y == y->phase_y;
}

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->text);
  g_clear_object (&label->layout);
  g_free (label);
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->name);
  g_free (group->org);
  g_clear_object (&group->layout);
  g_free (group);
}

/* Layouts are dropped for exactly the actors whose label changed or who
 * left; geometry is recomputed lazily from the network's generation. */
static void
network_changed_cb (MwRenderer *self,
                    MwChange   *change)
{
  g_assert (MW_IS_RENDERER (self));

  self->geometry_valid = FALSE;
  /* a drag changes positions only: colours and lanes stay */
  if (change->kind != MW_CHANGE_ACTOR_CHANGED ||
      (change->fields & (MW_FIELD_ORG | MW_FIELD_ID)) != 0)
    self->topology_valid = FALSE;
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_REMOVED:
      g_hash_table_remove (self->labels, change->actor);
      break;
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->fields & MW_FIELD_LABEL)
        g_hash_table_remove (self->labels, change->actor);
      break;
    case MW_CHANGE_BATCH:
      /* removed actors' addresses may be reused: keep only the living */
      {
        g_autoptr(GHashTable) alive = g_hash_table_new (NULL, NULL);
        GHashTableIter iter;
        gpointer key;

        for (guint i = 0; i < mw_network_get_n_actors (self->network); i++)
          g_hash_table_add (alive, mw_network_get_actor (self->network, i));
        g_hash_table_iter_init (&iter, self->labels);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (alive, key))
            g_hash_table_iter_remove (&iter);
      }
      break;
    default:
      break;
    }
}

static void
mw_renderer_dispose (GObject *object)
{
  MwRenderer *self = MW_RENDERER (object);

  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (mw_renderer_parent_class)->dispose (object);
}

static void
mw_renderer_finalize (GObject *object)
{
  MwRenderer *self = MW_RENDERER (object);

  g_clear_pointer (&self->font, g_free);
  g_clear_pointer (&self->geoms, g_array_unref);
  g_clear_pointer (&self->bends, g_array_unref);
  g_clear_pointer (&self->ties, g_array_unref);
  g_clear_pointer (&self->device_xy, g_array_unref);
  g_clear_pointer (&self->stamp_refs, g_array_unref);
  if (self->worker != NULL)
    {
      g_mutex_lock (&self->pool_lock);
      self->pool_quit = TRUE;
      g_cond_broadcast (&self->pool_cond);
      g_mutex_unlock (&self->pool_lock);
      g_thread_join (self->worker);
      self->worker = NULL;
    }
  g_mutex_clear (&self->pool_lock);
  g_cond_clear (&self->pool_cond);
  for (guint i = 0; i < N_TONE_MASKS; i++)
    g_clear_pointer (&self->masks[i].surface, cairo_surface_destroy);
  g_clear_pointer (&self->layer, cairo_surface_destroy);
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->org_colors, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->group_layouts, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    g_clear_pointer (&self->buckets[i], g_array_unref);

  G_OBJECT_CLASS (mw_renderer_parent_class)->finalize (object);
}

static void
mw_renderer_class_init (MwRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mw_renderer_dispose;
  object_class->finalize = mw_renderer_finalize;
}

/* A stamp to copy, with its top-left in device pixels. */
typedef struct
{
  const guchar *data;
  int           stride;
  int           size;
  int           x, y;
} StampRef;

/* One Pango context for every label. Hinting is off so that text has the
 * same metrics at every zoom and on every surface: the screen, PNG, SVG and
 * PDF place each glyph at the same model position. 72 dpi makes a font's
 * size in points equal to model points. */
static void
mw_renderer_init (MwRenderer *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->pango = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  pango_cairo_context_set_resolution (self->pango, 72);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  cairo_font_options_destroy (options);

  self->font = g_strdup ("Cantarell, DejaVu Sans, sans-serif");
  self->geoms = g_array_new (FALSE, TRUE, sizeof (ActorGeom));
  self->bends = g_array_new (FALSE, TRUE, sizeof (double));
  self->ties = g_array_new (FALSE, TRUE, sizeof (TieEnds));
  self->device_xy = g_array_new (FALSE, FALSE, sizeof (double));
  self->stamp_refs = g_array_new (FALSE, FALSE, sizeof (StampRef));
  g_mutex_init (&self->pool_lock);
  g_cond_init (&self->pool_cond);
  self->n_threads = MIN (g_get_num_processors (), 2);
  self->stamps = g_hash_table_new_full (stamp_key_hash, stamp_key_equal, g_free,
                                        (GDestroyNotify)cairo_surface_destroy);
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, label_free);
  self->org_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->group_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    self->buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint));
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
  self->geometry_valid = FALSE;
}

const char *
mw_renderer_get_font (MwRenderer *self)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  return self->font;
}

/* A Pango family list, e.g. "Cantarell, sans-serif". */
void
mw_renderer_set_font (MwRenderer *self,
                      const char *family)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (family != NULL);

  if (!mw_set_str (&self->font, family))
    return;
  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->group_layouts);
  self->geometry_valid = FALSE;
}

/* ---- text ---------------------------------------------------------------- */

PangoLayout *
_mw_renderer_create_layout (MwRenderer *self,
                            const char *text,
                            double      size,
                            gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *desc = pango_font_description_from_string (self->font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);
  return layout;
}

/* Cuts a long label at a character boundary and adds "…" itself (rather
 * than Pango's ellipsis run), so the text a layout holds is exactly what
 * shows — which is what the SVG export writes as text. */
static void
ellipsise (PangoLayout *layout,
           const char  *text,
           double       max_width)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong lo = 0, hi = n_chars;
  int width;

  pango_layout_get_size (layout, &width, NULL);
  if (width <= max_width * PANGO_SCALE)
    return;

  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (text, mid);
      g_autofree char *candidate = g_strdup_printf ("%.*s…", (int)(end - text), text);

      pango_layout_set_text (layout, candidate, -1);
      pango_layout_get_size (layout, &width, NULL);
      if (width <= max_width * PANGO_SCALE)
        lo = mid;
      else
        hi = mid - 1;
    }
  {
    const char *end = g_utf8_offset_to_pointer (text, lo);
    g_autofree char *shown = g_strdup_printf ("%.*s…", (int)(end - text), text);

    pango_layout_set_text (layout, shown, -1);
  }
}

static Label *
get_label (MwRenderer    *self,
           const MwActor *actor)
{
  Label *label = g_hash_table_lookup (self->labels, actor);
  PangoRectangle logical;
  g_autofree char *one_line = NULL;

  if (label != NULL && strcmp (label->text, actor->label) == 0)
    return label;

  label = g_new0 (Label, 1);
  label->text = g_strdup (actor->label);
  one_line = g_strdelimit (g_strdup (actor->label), "\r\n\t", ' ');
  label->layout = _mw_renderer_create_layout (self, one_line, MW_LABEL_FONT_SIZE, FALSE);
  ellipsise (label->layout, one_line, MW_LABEL_MAX_WIDTH);
  pango_layout_get_extents (label->layout, NULL, &logical);
  label->width = (double)logical.width / PANGO_SCALE;
  label->height = (double)logical.height / PANGO_SCALE;
  g_hash_table_replace (self->labels, (gpointer)actor, label);
  return label;
}

/* 1 draws dense ties on the calling thread only (tests compare the two). */
void
_mw_renderer_set_n_threads (MwRenderer *self,
                            guint       n_threads)
{
  g_assert (MW_IS_RENDERER (self));
  self->n_threads = MAX (n_threads, 1);
}

void
_mw_renderer_set_text_sink (MwRenderer *self,
                            MwTextSink  sink,
                            gpointer    user_data)
{
  g_assert (MW_IS_RENDERER (self));
  self->sink = sink;
  self->sink_data = user_data;
}

/* Draws a layout with its top-left at (x, y), or hands it to the sink. */
void
_mw_renderer_show_layout (MwRenderer    *self,
                          cairo_t       *cr,
                          PangoLayout   *layout,
                          const char    *full_text,
                          double         x,
                          double         y,
                          const MwColor *color)
{
  g_assert (MW_IS_RENDERER (self));

  if (self->sink != NULL)
    {
      const PangoFontDescription *desc = pango_layout_get_font_description (layout);
      double bx = x, by = y + (double)pango_layout_get_baseline (layout) / PANGO_SCALE;
      double sx = pango_font_description_get_size (desc) / (double)PANGO_SCALE, sy = 0;
      PangoRectangle logical;
      double wx, wy = 0;

      pango_layout_get_extents (layout, NULL, &logical);
      wx = (double)logical.width / PANGO_SCALE;
      cairo_user_to_device (cr, &bx, &by);
      cairo_user_to_device_distance (cr, &sx, &sy);
      cairo_user_to_device_distance (cr, &wx, &wy);
      self->sink (pango_layout_get_text (layout), full_text, desc, hypot (sx, sy), color,
                  bx, by, hypot (wx, wy), self->sink_data);
      return;
    }

  _mw_set_source (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---- geometry ------------------------------------------------------------ */

static double
actor_radius (MwRenderer    *self,
              const MwActor *actor)
{
  double base = actor->kind == MW_ACTOR_ORGANISATION ? 20 : actor->kind == MW_ACTOR_TEAM ? 15 : 12;
  guint n = 0;

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
  self->n_unplaced = unplaced->len;
  if (unplaced->len == 0)
    return;
  if (max_x == -G_MAXDOUBLE)
    max_x = -GRID_GAP, min_y = 0;

  g_ptr_array_sort (unplaced, compare_unplaced);
  columns = (guint)ceil (sqrt (unplaced->len * 1.5));
  for (guint i = 0; i < unplaced->len; i++)
    {
      const MwActor *actor = g_ptr_array_index (unplaced, i);
      ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);

      g->x = max_x + GRID_GAP + (i % columns) * GRID_DX;
      g->y = min_y + (i / columns) * GRID_DY;
    }
}

static void
assign_org_colors (MwRenderer *self)
{
  g_auto(GStrv) orgs = mw_network_list_orgs (self->network);
  int next = 0;

  g_hash_table_remove_all (self->org_colors);
  for (guint i = 0; orgs[i] != NULL; i++)
    if (orgs[i][0] != '\0')
      g_hash_table_insert (self->org_colors, g_strdup (orgs[i]), GINT_TO_POINTER (++next));
}

static int
org_color (MwRenderer *self,
           const char *org)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->org_colors, org)) - 1;
}

static void
rect_union (MwRect       *r,
            const MwRect *s)
{
  double x2, y2;

  if (r->width < 0)
    {
      *r = *s;
      return;
    }
  x2 = MAX (r->x + r->width, s->x + s->width);
  y2 = MAX (r->y + r->height, s->y + s->height);
  r->x = MIN (r->x, s->x);
  r->y = MIN (r->y, s->y);
  r->width = x2 - r->x;
  r->height = y2 - r->y;
}

/* The shape with its label and badges. */
static void
actor_box (MwRenderer    *self,
           const MwActor *actor,
           MwRect        *box)
{
  const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);
  Label *label = get_label (self, actor);
  double half = MAX (g->r + 4, label->width / 2), top = g->r + 4, bottom = g->r + 4;

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    for (guint i = 0; i < mw_actor_n_out (actor, t); i++)
      if (mw_actor_out (actor, t, i)->to == actor)
        top = MAX (g->r, 6) * 2.2 + 2;   /* room for the self-tie's loop */
  top = MAX (top, g->y - g->label_y);
  bottom = MAX (bottom, g->label_y + label->height - g->y);

  box->x = g->x - half;
  box->y = g->y - top;
  box->width = 2 * half;
  box->height = top + bottom;
}

/* A label goes under its shape unless more ties leave the shape downwards
 * than upwards — a manager's reports arrive from below — and then over it,
 * clear of the badges, so arrowheads are never hidden under words. */
static void
place_labels (MwRenderer *self)
{
  guint n = mw_network_get_n_actors (self->network);
  g_autofree int *balance = g_new0 (int, n);

  for (guint i = 0; i < mw_network_get_n_ties (self->network); i++)
    {
      const MwTie *tie = mw_network_get_tie (self->network, i);
      const ActorGeom *a = &g_array_index (self->geoms, ActorGeom, tie->from->index);
      const ActorGeom *b = &g_array_index (self->geoms, ActorGeom, tie->to->index);
      double dx = fabs (b->x - a->x), dy = b->y - a->y;

      if (dy > dx * 0.5)
        balance[tie->from->index]++, balance[tie->to->index]--;
      else if (-dy > dx * 0.5)
        balance[tie->from->index]--, balance[tie->to->index]++;
    }
  for (guint i = 0; i < n; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, i);
      ActorGeom *g = &g_array_index (self->geoms, ActorGeom, i);

      if (balance[i] > 0)
        {
          double clear = g->r + LABEL_GAP + 2;

          if (actor->purpose || actor->initiative)
            clear = MAX (clear, g->r * 0.78 + MAX (10, g->r * 0.75) / 2 + 2);
          g->label_y = g->y - clear - get_label (self, actor)->height;
        }
      else
        g->label_y = g->y + g->r + LABEL_GAP;
    }
}

static PangoLayout *
group_layout (MwRenderer *self,
              const char *name,
              gboolean    is_org)
{
  g_autofree char *key = g_strconcat (is_org ? "o" : "u", name, NULL);
  PangoLayout *layout = g_hash_table_lookup (self->group_layouts, key);

  if (layout == NULL)
    {
      layout = _mw_renderer_create_layout (self, name, is_org ? 11.5 : 9.5, is_org);
      g_hash_table_insert (self->group_layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static Group *
lookup_group (MwRenderer *self,
              GHashTable *index,
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
      group->color = org_color (self, org);
      group->box.width = -1;
      group->layout = group_layout (self, group->name, is_org);
      g_ptr_array_add (self->groups, group);
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

static void
compute_groups (MwRenderer *self)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = mw_network_get_n_actors (self->network);

  g_ptr_array_set_size (self->groups, 0);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      MwRect box;

      if (actor->unit[0] == '\0')
        continue;
      box = g_array_index (self->geoms, ActorGeom, i).box;
      rect_union (&lookup_group (self, index, actor->org, actor->unit)->box, &box);
    }
  for (guint i = 0; i < self->groups->len; i++)
    frame_group (g_ptr_array_index (self->groups, i), UNIT_PADDING);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      MwRect box;

      if (actor->org[0] == '\0')
        continue;
      box = g_array_index (self->geoms, ActorGeom, i).box;
      if (actor->unit[0] != '\0')
        box = lookup_group (self, index, actor->org, actor->unit)->box;
      rect_union (&lookup_group (self, index, actor->org, "")->box, &box);
    }
  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);

      if (group->is_org)
        frame_group (group, ORG_PADDING);
    }
}

#define LANE 9.0

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

  g_array_set_size (self->bends, n);
  g_array_set_size (self->ties, n);
  for (guint i = 0; i < n; i++)
    {
      const MwTie *tie = mw_network_get_tie (self->network, i);
      guint64 key = pair_key (tie);
      TieEnds *ends = &g_array_index (self->ties, TieEnds, i);

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
      g_array_index (self->bends, double, i) = bend;
    }
}

static double
tie_bend (MwRenderer  *self,
          const MwTie *tie)
{
  return g_array_index (self->bends, double, tie->index);
}

static void
ensure_geometry (MwRenderer *self)
{
  guint n = mw_network_get_n_actors (self->network);

  g_assert (MW_IS_RENDERER (self));
  if (self->geometry_valid && self->generation == mw_network_get_generation (self->network))
    return;

  if (!self->topology_valid || self->bends->len != mw_network_get_n_ties (self->network))
    {
      assign_org_colors (self);
      compute_bends (self);
      self->topology_valid = TRUE;
    }
  g_array_set_size (self->geoms, n);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      ActorGeom *g = &g_array_index (self->geoms, ActorGeom, i);

      g->x = actor->x;
      g->y = actor->y;
      g->r = actor_radius (self, actor);
      g->color = org_color (self, actor->org);
    }
  self->max_radius = 0;
  for (guint i = 0; i < n; i++)
    self->max_radius = MAX (self->max_radius, g_array_index (self->geoms, ActorGeom, i).r);
  place_unplaced (self);
  place_labels (self);
  for (guint i = 0; i < n; i++)
    actor_box (self, mw_network_get_actor (self->network, i), &g_array_index (self->geoms, ActorGeom, i).box);
  compute_groups (self);

  self->bounds.width = -1;
  for (guint i = 0; i < n; i++)
    rect_union (&self->bounds, &g_array_index (self->geoms, ActorGeom, i).box);
  for (guint i = 0; i < self->groups->len; i++)
    rect_union (&self->bounds, &((Group *)g_ptr_array_index (self->groups, i))->box);
  self->has_bounds = self->bounds.width >= 0;

  self->generation = mw_network_get_generation (self->network);
  self->geometry_valid = TRUE;
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

  ensure_geometry (self);
  if (!self->has_bounds)
    {
      *bounds = (MwRect) { 0, 0, 0, 0 };
      return FALSE;
    }
  *bounds = self->bounds;
  return TRUE;
}

void
mw_renderer_get_actor_position (MwRenderer    *self,
                                const MwActor *actor,
                                double        *x,
                                double        *y)
{
  const ActorGeom *g;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (actor != NULL);

  ensure_geometry (self);
  g = &g_array_index (self->geoms, ActorGeom, actor->index);
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

  ensure_geometry (self);
  return g_array_index (self->geoms, ActorGeom, actor->index).r;
}

/* How many actors are drawn on the fallback grid for want of a position. */
guint
mw_renderer_get_n_unplaced (MwRenderer *self)
{
  g_return_val_if_fail (MW_IS_RENDERER (self), 0);
  ensure_geometry (self);
  return self->n_unplaced;
}

void
mw_renderer_get_org_color (MwRenderer *self,
                           const char *org,
                           gboolean    dark,
                           MwColor    *color)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (color != NULL);

  ensure_geometry (self);
  _mw_palette_color (org != NULL ? org_color (self, org) : -1, dark, color);
}

/* ---- drawing ------------------------------------------------------------- */

typedef struct
{
  const MwView  *view;
  const MwTheme *theme;
  MwRect         visible;     /* model rectangle on screen */
  double         px;          /* model points per view pixel: hairlines */
  gboolean       emphasis;    /* something is highlighted or selected */
  gboolean       markers;     /* arrowheads and badges are big enough */
  gboolean       outlines;
  gboolean       dense;       /* thousands of ties on screen: hairlines in a mask */
  gboolean       raster;      /* pixels only: shapes may be stamped */
  gboolean       vector;      /* SVG, PDF, PostScript: fewer, richer paths */
  cairo_matrix_t view_matrix; /* the cairo_t's view pixels */
} Frame;

static gboolean
in_set (GHashTable    *set,
        gconstpointer  item)
{
  return set != NULL && g_hash_table_contains (set, item);
}

static gboolean
set_nonempty (GHashTable *set)
{
  return set != NULL && g_hash_table_size (set) > 0;
}

static int
actor_state (const Frame   *f,
             const MwActor *actor)
{
  if (in_set (f->view->selected_actors, actor))
    return STATE_SELECTED;
  if (in_set (f->view->highlighted_actors, actor))
    return STATE_HIGHLIGHT;
  return f->emphasis && f->view->dim_others ? STATE_DIM : STATE_NORMAL;
}

static int
tie_state (const Frame *f,
           const MwTie *tie)
{
  if (in_set (f->view->selected_ties, tie))
    return STATE_SELECTED;
  if (in_set (f->view->highlighted_ties, tie))
    return STATE_HIGHLIGHT;
  return f->emphasis && f->view->dim_others ? STATE_DIM : STATE_NORMAL;
}

static gboolean
rect_meets (const MwRect *a,
            double        x1,
            double        y1,
            double        x2,
            double        y2)
{
  return x2 >= a->x && x1 <= a->x + a->width && y2 >= a->y && y1 <= a->y + a->height;
}

static gboolean
actor_visible (const Frame     *f,
               const ActorGeom *g)
{
  const MwRect *b = &g->box;

  return rect_meets (&f->visible, b->x - 2, b->y - 2, b->x + b->width + 2, b->y + b->height + 2);
}

static void
draw_groups (MwRenderer  *self,
             cairo_t     *cr,
             const Frame *f)
{
  /* organisations first (they hold units), from the biggest down */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->groups->len; i++)
      {
        Group *group = g_ptr_array_index (self->groups, i);
        const MwRect *b = &group->box;
        MwColor color;
        double r = group->is_org ? 22 : 14;

        if (group->is_org != (pass == 0) ||
            !rect_meets (&f->visible, b->x, b->y, b->x + b->width, b->y + b->height))
          continue;

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
static void
draw_group_names (MwRenderer  *self,
                  cairo_t     *cr,
                  const Frame *f)
{
  if (f->view->labels == MW_LABELS_NEVER || !(f->markers || f->view->labels == MW_LABELS_ALWAYS))
    return;

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = g_ptr_array_index (self->groups, i);
      const MwRect *b = &group->box;

      if (!rect_meets (&f->visible, b->x, b->y, b->x + b->width, b->y + b->height))
        continue;
      _mw_renderer_show_layout (self, cr, group->layout, group->name,
                                b->x + (group->is_org ? 12 : 10), b->y + (group->is_org ? 7 : 6),
                                group->is_org ? &f->theme->text : &f->theme->text_soft);
    }
}

static double
tie_width (MwTieType type,
           double    weight)
{
  double base = type == MW_TIE_REPORTS ? 1.6 : 1.2;

  return weight > 1.5 ? base * 2 : base;
}

/* Sorts the visible ties into buckets of one stroke style each, so a frame
 * strokes a few long paths instead of thousands of short ones. */
static void
fill_tie_buckets (MwRenderer  *self,
                  const Frame *f)
{
  guint n = mw_network_get_n_ties (self->network);

  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    g_array_set_size (self->buckets[i], 0);

  for (guint i = 0; i < n; i++)
    {
      const TieEnds *ends = &g_array_index (self->ties, TieEnds, i);
      const ActorGeom *a = &g_array_index (self->geoms, ActorGeom, ends->from);
      const ActorGeom *b = &g_array_index (self->geoms, ActorGeom, ends->to);
      double bow = (ends->type == MW_TIE_INFLUENCES ? 0.1 * (fabs (a->x - b->x) + fabs (a->y - b->y)) : 0) +
                   fabs (g_array_index (self->bends, double, i));
      int state = STATE_NORMAL;
      guint bucket;

      if (!rect_meets (&f->visible, MIN (a->x, b->x) - bow, MIN (a->y, b->y) - bow,
                       MAX (a->x, b->x) + bow, MAX (a->y, b->y) + bow))
        continue;
      if (f->emphasis)
        state = tie_state (f, mw_network_get_tie (self->network, i));
      bucket = (ends->type * N_STATES + state) * 2 + ends->heavy;
      g_array_append_val (self->buckets[bucket], i);
    }
}

/* Arrowheads and diamonds of a bucket, in the current source. */
static void
fill_tie_markers (MwRenderer   *self,
                  cairo_t      *cr,
                  const Frame  *f,
                  const GArray *bucket,
                  MwTieType     type)
{
  if (type == MW_TIE_COLLABORATES)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < bucket->len; i++)
    {
      guint index = g_array_index (bucket, guint, i);
      const TieEnds *ends = &g_array_index (self->ties, TieEnds, index);
      const ActorGeom *a = &g_array_index (self->geoms, ActorGeom, ends->from);
      const ActorGeom *b = &g_array_index (self->geoms, ActorGeom, ends->to);
      double reach = b->r + 2 * MW_ARROW_LENGTH;
      MwTieGeom g;

      /* the marker touches its target: none for a target out of view */
      if (!rect_meets (&f->visible, b->x - reach, b->y - reach, b->x + reach, b->y + reach))
        continue;
      _mw_tie_geometry (type, a->x, a->y, a->r, b->x, b->y, b->r,
                        f->dense ? 0 : g_array_index (self->bends, double, index), TRUE, &g);
      _mw_tie_marker_path (cr, type, &g);
    }
  cairo_fill (cr);
}

static void
stroke_tie_bucket (MwRenderer  *self,
                   cairo_t     *cr,
                   const Frame *f,
                   MwTieType    type,
                   int          state,
                   gboolean     heavy)
{
  GArray *bucket = self->buckets[(type * N_STATES + state) * 2 + heavy];
  double width = MAX (tie_width (type, heavy ? 2 : 1), f->px);
  MwColor color = f->theme->tie[type];
  double alpha = state == STATE_DIM ? DIM_ALPHA : 1;

  if (bucket->len == 0)
    return;
  if (state == STATE_SELECTED)
    color = f->theme->accent;
  if (state >= STATE_HIGHLIGHT)
    width *= 1.6;

  cairo_new_path (cr);
  for (guint i = 0; i < bucket->len; i++)
    {
      const MwTie *tie = mw_network_get_tie (self->network, g_array_index (bucket, guint, i));
      const ActorGeom *a = &g_array_index (self->geoms, ActorGeom, tie->from->index);
      const ActorGeom *b = &g_array_index (self->geoms, ActorGeom, tie->to->index);
      MwTieGeom g;

      _mw_tie_geometry (type, a->x, a->y, a->r, b->x, b->y, b->r, tie_bend (self, tie), f->markers, &g);
      /* at a dense overview a bow is not worth its flattening */
      g.curved = g.curved && !f->dense;
      _mw_tie_path (cr, &g);
    }

  if (state == STATE_HIGHLIGHT)
    {
      /* a soft glow under the line marks it without changing its style */
      cairo_save (cr);
      _mw_tie_set_stroke (cr, MW_TIE_COLLABORATES, width + 6 * f->px);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      _mw_set_source (cr, &f->theme->highlight, 0.75);
      cairo_stroke_preserve (cr);
      cairo_restore (cr);
    }
  /* dots only where they can be told from a line */
  _mw_tie_set_stroke (cr, f->markers ? type : MW_TIE_COLLABORATES, width);
  _mw_set_source (cr, &color, alpha);
  if (f->vector)
    {
      /* A file keeps the curves and the dash pattern as they are, but cairo
       * measures every stroke exactly before writing it: each dot of a
       * dotted tie becomes a polygon. A coarser tolerance makes those
       * polygons smaller without changing a byte of the output, as long
       * as it stays under half the line width: past that cairo's pen
       * degenerates, the measured stroke is empty and PDF leaves it out
       * (test-export's pdf-matches-png catches it). */
      double old_tolerance = cairo_get_tolerance (cr), dx = 1, dy = 0;

      cairo_user_to_device_distance (cr, &dx, &dy);
      cairo_set_tolerance (cr, MAX (old_tolerance, 0.45 * width * hypot (dx, dy)));
      cairo_stroke (cr);
      cairo_set_tolerance (cr, old_tolerance);
    }
  else
    cairo_stroke (cr);

  if (f->markers)
    fill_tie_markers (self, cr, f, bucket, type);
}

typedef struct
{
  guchar *data;
  int     stride;
  int     width;
  int     height;
  int     row0;     /* the band: only rows row0 … row1 - 1 are written */
  int     row1;
} Mask;

/* An antialiased one-pixel line (Xiaolin Wu's algorithm) for a fraction
 * of what cairo spends on a line: the minor coordinate in 16.16 fixed
 * point, the run clipped to the mask first so the loop has no bounds to
 * test along the line, coverage added saturating. Within a band the run
 * starts where the whole line's would and steps the same, so a pixel gets
 * the same coverage whichever band draws it. */
static void
wu_line (const Mask *m,
         double      x0,
         double      y0,
         double      x1,
         double      y1)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  int limit = steep ? m->height : m->width;
  int minor_limit = steep ? m->width : m->height;
  int lo = 0, hi = minor_limit;
  gsize major_step = steep ? (gsize)m->stride : 1, minor_step = steep ? 1 : (gsize)m->stride;
  double gradient, from_d, to_d;
  gint64 y, dy;
  int from, to;

  if (steep)
    {
      double t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }
  gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0;
  from_d = MAX (floor (x0), 0);
  to_d = MIN (floor (x1), limit - 1);
  /* only where the line crosses the mask's other axis (a pixel of margin) */
  if (gradient > 1e-9)
    {
      from_d = MAX (from_d, floor (x0 + (-2 - y0) / gradient));
      to_d = MIN (to_d, ceil (x0 + (minor_limit + 1 - y0) / gradient));
    }
  else if (gradient < -1e-9)
    {
      from_d = MAX (from_d, floor (x0 + (minor_limit + 1 - y0) / gradient));
      to_d = MIN (to_d, ceil (x0 + (-2 - y0) / gradient));
    }
  else if (y0 < -2 || y0 > minor_limit + 1)
    return;
  if (from_d > to_d)
    return;
  from = (int)from_d, to = (int)to_d;

  /* the line's height at pixel centres, against pixel centres */
  y = (gint64)llround ((y0 + gradient * (from + 0.5 - x0) - 0.5) * 65536);
  dy = (gint64)llround (gradient * 65536);

  /* then only the band's part of the run, from the same start */
  if (steep)
    {
      int a = MAX (from, m->row0), b = MIN (to, m->row1 - 1);

      if (a > b)
        return;
      y += (gint64)(a - from) * dy;
      from = a, to = b;
    }
  else
    {
      lo = m->row0, hi = m->row1;
      if (dy != 0)
        {
          /* where the run's rows meet the band, two pixels of margin */
          double t0 = ((double)(lo - 3) * 65536 - (double)y) / (double)dy;
          double t1 = ((double)(hi + 2) * 65536 - (double)y) / (double)dy;
          double ta = CLAMP (floor (MIN (t0, t1)), 0, to - from + 1);
          double tb = CLAMP (ceil (MAX (t0, t1)), -1, to - from);
          int a = from + (int)ta, b = from + (int)tb;

          if (a > b)
            return;
          y += (gint64)(a - from) * dy;
          from = a, to = b;
        }
      else if ((int)(y >> 16) + 1 < lo || (int)(y >> 16) >= hi)
        return;
    }

  for (int x = from; x <= to; x++, y += dy)
    {
      int yi = (int)(y >> 16), f = (int)(y >> 8 & 0xff);
      guchar *p = m->data + (gsize)x * major_step;

      if ((guint)(yi - lo) < (guint)(hi - lo))
        {
          guchar *q = p + (gsize)yi * minor_step;
          int v = *q + (255 - f);

          *q = v > 255 ? 255 : v;
        }
      if ((guint)(yi + 1 - lo) < (guint)(hi - lo))
        {
          guchar *q = p + (gsize)(yi + 1) * minor_step;
          int v = *q + f;

          *q = v > 255 ? 255 : v;
        }
    }
}

/* Mask i holds the ties of state i / 2 (normal or dim) in tone i % 2. */
static int
tone_mask_state (int i)
{
  return i / 2 == 0 ? STATE_NORMAL : STATE_DIM;
}

/* Where a mask's ties are composited: their ends' box with two pixels of
 * margin, in the view's pixels. */
static void
tone_mask_clip (const ToneMask *tm,
                double          scale,
                MwRect         *clip)
{
  clip->x = floor (tm->x1 / scale) - 2;
  clip->y = floor (tm->y1 / scale) - 2;
  clip->width = ceil ((tm->x2 - tm->x1) / scale) + 4;
  clip->height = ceil ((tm->y2 - tm->y1) / scale) + 4;
}

/* Band number band of n_bands: clears its rows of every mask in use and
 * draws into them every tie that may reach them. Band 0 also measures
 * where each mask's ties are. */
static void
rasterise_band (MwRenderer *self,
                int         band,
                int         n_bands)
{
  int w = self->mask_w, h = self->mask_h;
  int row0 = (int)((gint64)h * band / n_bands), row1 = (int)((gint64)h * (band + 1) / n_bands);
  const double *xy = (const double *)(gpointer)self->device_xy->data;

  for (int i = 0; i < N_TONE_MASKS; i++)
    {
      ToneMask *tm = &self->masks[i];
      Mask m = { tm->data, tm->stride, w, h, row0, row1 };
      double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
      int state = tone_mask_state (i);

      if (!tm->used)
        continue;
      memset (tm->data + (gsize)row0 * tm->stride, 0, (gsize)(row1 - row0) * tm->stride);
      for (int type = 0; type < MW_N_TIE_TYPES; type++)
        for (int heavy = 0; heavy < 2; heavy++)
          {
            GArray *bucket = self->buckets[(type * N_STATES + state) * 2 + heavy];

            if ((type == MW_TIE_REPORTS) != (i % 2 == 1))
              continue;
            for (guint j = 0; j < bucket->len; j++)
              {
                const TieEnds *ends = &g_array_index (self->ties, TieEnds, g_array_index (bucket, guint, j));
                const double *a = xy + 2 * ends->from, *b = xy + 2 * ends->to;
                double ax = a[0], ay = a[1], bx = b[0], by = b[1];

                if (band == 0)
                  {
                    x1 = MIN (x1, MIN (ax, bx)), y1 = MIN (y1, MIN (ay, by));
                    x2 = MAX (x2, MAX (ax, bx)), y2 = MAX (y2, MAX (ay, by));
                  }
                /* a line's pixels lie within two rows of its ends */
                if (MAX (ay, by) < row0 - 3 || MIN (ay, by) > row1 + 3)
                  continue;
                wu_line (&m, ax, ay, bx, by);
              }
          }
      if (band == 0)
        tm->x1 = x1, tm->y1 = y1, tm->x2 = x2, tm->y2 = y2;
    }
}

/* Takes bands of the posted job until none is left; with the lock held. */
static void
take_bands (MwRenderer *self)
{
  while (self->next_band < self->n_bands)
    {
      int band = self->next_band++, n_bands = self->n_bands;

      g_mutex_unlock (&self->pool_lock);
      self->job (self, band, n_bands);
      g_mutex_lock (&self->pool_lock);
      if (++self->bands_done == n_bands)
        g_cond_broadcast (&self->pool_cond);
    }
}

static gpointer
worker_main (gpointer data)
{
  MwRenderer *self = data;   /* finalize joins the thread before it goes */

  g_mutex_lock (&self->pool_lock);
  while (!self->pool_quit)
    {
      if (self->next_band < self->n_bands)
        take_bands (self);
      else
        g_cond_wait (&self->pool_cond, &self->pool_lock);
    }
  g_mutex_unlock (&self->pool_lock);
  return NULL;
}

/* Hands bands of a job to the worker; finish_job() helps and waits. */
static void
post_job (MwRenderer *self,
          void      (*job) (MwRenderer *self, int band, int n_bands))
{
  if (self->worker == NULL)
    self->worker = g_thread_new ("mw-render-bands", worker_main, self);
  g_mutex_lock (&self->pool_lock);
  self->job = job;
  self->n_bands = N_BANDS;
  self->next_band = 0;
  self->bands_done = 0;
  g_cond_broadcast (&self->pool_cond);
  g_mutex_unlock (&self->pool_lock);
}

/* Dense overviews, first part: the ties of each state and tone go into
 * their mask. On raster targets with a second core this only hands the
 * bands out (the caller draws something else meanwhile, then calls
 * finish_job()); elsewhere it draws all of them at once. */
static void
start_masks (MwRenderer  *self,
             const Frame *f)
{
  double scale = f->view->scale > 0 ? f->view->scale : 1;
  double k = f->view->zoom * scale;
  int w = (int)ceil (f->view->width * scale), h = (int)ceil (f->view->height * scale);
  gboolean any = FALSE;

  for (int i = 0; i < N_TONE_MASKS; i++)
    {
      ToneMask *tm = &self->masks[i];
      int state = tone_mask_state (i);

      tm->used = FALSE;
      for (int type = 0; type < MW_N_TIE_TYPES; type++)
        for (int heavy = 0; heavy < 2; heavy++)
          if ((type == MW_TIE_REPORTS) == (i % 2 == 1) &&
              self->buckets[(type * N_STATES + state) * 2 + heavy]->len > 0)
            tm->used = TRUE;
      if (!tm->used)
        continue;
      any = TRUE;
      /* kept from frame to frame rather than fresh pages each time */
      if (tm->surface == NULL ||
          cairo_image_surface_get_width (tm->surface) != w || cairo_image_surface_get_height (tm->surface) != h)
        {
          g_clear_pointer (&tm->surface, cairo_surface_destroy);
          tm->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
        }
      cairo_surface_flush (tm->surface);
      tm->data = cairo_image_surface_get_data (tm->surface);
      tm->stride = cairo_image_surface_get_stride (tm->surface);
    }
  self->mask_w = w, self->mask_h = h;
  if (!any)
    return;

  /* every actor in device pixels once: a tie then reads 16 bytes per end
   * from a small array instead of a scattered ActorGeom */
  g_array_set_size (self->device_xy, 2 * self->geoms->len);
  for (guint i = 0; i < self->geoms->len; i++)
    {
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, i);

      g_array_index (self->device_xy, double, 2 * i) = (g->x - f->view->offset_x) * k;
      g_array_index (self->device_xy, double, 2 * i + 1) = (g->y - f->view->offset_y) * k;
    }
  self->mask_w = w, self->mask_h = h;

  if (!f->raster || self->n_threads < 2)
    {
      rasterise_band (self, 0, 1);
      return;
    }
  post_job (self, rasterise_band);
}

/* … and second: helps with the bands left, waits for the worker's. */
static void
finish_job (MwRenderer *self)
{
  g_mutex_lock (&self->pool_lock);
  take_bands (self);
  while (self->bands_done < self->n_bands)
    g_cond_wait (&self->pool_cond, &self->pool_lock);
  self->n_bands = 0;
  self->next_band = 0;
  g_mutex_unlock (&self->pool_lock);
}

/* Dense overviews: ties of one state in two tones (reports darker), each
 * mask painted once, then the state's arrowheads. */
static void
paint_tie_state (MwRenderer  *self,
                 cairo_t     *cr,
                 const Frame *f,
                 int          state)
{
  double scale = f->view->scale > 0 ? f->view->scale : 1;

  for (int tone = 0; tone < 2; tone++)
    {
      ToneMask *tm = &self->masks[(state == STATE_DIM) * 2 + tone];

      /* or left for paint_band() */
      if (!tm->used || self->paint_pending)
        continue;
      cairo_surface_mark_dirty (tm->surface);
      cairo_surface_set_device_scale (tm->surface, scale, scale);
      cairo_save (cr);
      cairo_set_matrix (cr, &f->view_matrix);
      /* composite only where lines are */
      {
        MwRect clip;

        tone_mask_clip (tm, scale, &clip);
        cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
        cairo_clip (cr);
      }
      _mw_set_source (cr, &f->theme->tie[tone == 1 ? MW_TIE_REPORTS : MW_TIE_INFLUENCES],
                      state == STATE_DIM ? DIM_ALPHA : 1);
      cairo_mask_surface (cr, tm->surface, 0, 0);
      cairo_restore (cr);
    }

  if (!f->markers)
    return;
  /* thousands of arrowheads a few pixels long over a texture of hairlines:
   * cairo's coarser antialiasing is a third cheaper and looks the same */
  cairo_save (cr);
  if (f->raster)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (int type = 0; type < MW_N_TIE_TYPES; type++)
    for (int heavy = 0; heavy < 2; heavy++)
      {
        _mw_set_source (cr, &f->theme->tie[type == MW_TIE_REPORTS ? MW_TIE_REPORTS : MW_TIE_INFLUENCES],
                        state == STATE_DIM ? DIM_ALPHA : 1);
        fill_tie_markers (self, cr, f, self->buckets[(type * N_STATES + state) * 2 + heavy], type);
      }
  cairo_restore (cr);
}

/* Sorts the ties into buckets and, when they are thousands (an overview,
 * never an export), starts their masks: cairo 1.16 spends ~10 µs on each
 * antialiased line, so past a few thousand lines on screen the ties become
 * a texture of hairlines rasterised by hand. */
static void
start_ties (MwRenderer *self,
            Frame      *f)
{
  guint n_visible = 0;

  fill_tie_buckets (self, f);
  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    n_visible += self->buckets[i]->len;
  f->dense = n_visible > DENSE_TIES && f->view->labels != MW_LABELS_ALWAYS;
  if (f->dense)
    start_masks (self, f);
}

static gboolean paint_masks_in_bands (MwRenderer  *self,
                                      cairo_t     *cr,
                                      const Frame *f);
static void     paint_pending_bands  (MwRenderer  *self,
                                      cairo_t     *cr);
static void     flush_pending_paint  (MwRenderer  *self,
                                      cairo_t     *cr);

static void
draw_ties (MwRenderer  *self,
           cairo_t     *cr,
           Frame       *f)
{
  if (f->dense && f->raster && self->n_threads > 1)
    finish_job (self);
  if (f->dense)
    paint_masks_in_bands (self, cr, f);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* dimmed under normal under emphasised; lighter styles under reports */
  for (int state = 0; state < N_STATES; state++)
    {
      static const int order[N_STATES] = { STATE_DIM, STATE_NORMAL, STATE_HIGHLIGHT, STATE_SELECTED };
      static const MwTieType types[] = { MW_TIE_CHECKS, MW_TIE_COLLABORATES, MW_TIE_INFLUENCES, MW_TIE_REPORTS };

      if (f->dense && order[state] <= STATE_DIM)
        {
          paint_tie_state (self, cr, f, order[state]);
          continue;
        }
      for (guint t = 0; t < G_N_ELEMENTS (types); t++)
        for (int heavy = 0; heavy < 2; heavy++)
          stroke_tie_bucket (self, cr, f, types[t], order[state], heavy);
    }
  cairo_restore (cr);
}

static void
outline_color (const MwColor *fill,
               gboolean       dark,
               MwColor       *out)
{
  double k = dark ? 0.55 : 0.62;

  out->red = fill->red * k;
  out->green = fill->green * k;
  out->blue = fill->blue * k;
  out->alpha = 1;
}

/* An actor's shape, grown by grow model points; a square when grow is
 * G_MAXDOUBLE (too small on screen for a shape to show). */
static void
path_actor (cairo_t     *cr,
            MwActorKind  kind,
            double       x,
            double       y,
            double       r,
            double       grow)
{
  if (grow == G_MAXDOUBLE)
    cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else
    _mw_path_shape (cr, kind, x, y, r + grow);
}

static void
path_actors (MwRenderer   *self,
             cairo_t      *cr,
             const GArray *actors,
             double        grow)
{
  cairo_new_path (cr);
  for (guint i = 0; i < actors->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (actors, guint, i));
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);

      path_actor (cr, actor->kind, g->x, g->y, g->r, grow);
    }
}

/* An actor as draw_actor_bucket() draws it, at (x, y). */
static void
paint_actor (cairo_t       *cr,
             MwActorKind    kind,
             double         x,
             double         y,
             double         r,
             const MwColor *fill,
             const MwColor *line,
             gboolean       tiny,
             gboolean       dim)
{
  /* the outline as a slightly larger shape under the fill: two fills cost
   * half of a fill and a stroke in cairo's image backend */
  if (!tiny && !dim)
    {
      cairo_new_path (cr);
      path_actor (cr, kind, x, y, r, 0.7);
      _mw_set_source (cr, line, 1);
      cairo_fill (cr);
    }
  cairo_new_path (cr);
  path_actor (cr, kind, x, y, r, tiny ? G_MAXDOUBLE : dim ? 0 : -0.7);
  _mw_set_source (cr, fill, dim ? DIM_ALPHA + 0.1 : 1);
  cairo_fill (cr);
}

/* Stamps grow with the zoom; past this (device pixels) paths are cheaper. */
#define STAMP_MAX_RADIUS 40.0
#define STAMP_CACHE_MAX  4096

static cairo_surface_t *
get_stamp (MwRenderer     *self,
           const StampKey *key,
           double          k,
           int            *pad)
{
  cairo_surface_t *stamp;
  MwColor fill, line;
  cairo_t *cr;
  int size;

  *pad = (int)ceil ((key->r + 0.7) * k) + 2;
  stamp = g_hash_table_lookup (self->stamps, key);
  if (stamp != NULL)
    return stamp;

  _mw_palette_color (key->color, key->dark, &fill);
  outline_color (&fill, key->dark, &line);
  size = 2 * *pad + 1;
  stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (stamp);
  cairo_translate (cr, *pad + key->phase_x / 4.0, *pad + key->phase_y / 4.0);
  cairo_scale (cr, k, k);
  paint_actor (cr, key->kind, 0, 0, key->r, &fill, &line, key->tiny, key->dim);
  cairo_destroy (cr);
  cairo_surface_flush (stamp);
  g_hash_table_insert (self->stamps, g_memdup2 (key, sizeof *key), stamp);
  return stamp;
}

/* dst = src OVER dst, premultiplied, as pixman rounds it. */
static inline guint32
over (guint32 src,
      guint32 dst)
{
  guint32 ia = 255 - (src >> 24), rb, ag;

  rb = (dst & 0x00ff00ff) * ia + 0x00800080;
  rb = ((rb + (rb >> 8 & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (dst >> 8 & 0x00ff00ff) * ia + 0x00800080;
  ag = (ag + (ag >> 8 & 0x00ff00ff)) & 0xff00ff00;
  return src + (rb | ag);
}

/* Pixels stamps are copied into: the target's own, or the layer's. */
typedef struct
{
  guchar *data;
  int     stride;
  int     x1, y1, x2, y2;   /* where they may go (the clip), device pixels */
} Pixels;

static void
blend_stamp_data (const Pixels *px,
                  const guchar *sd,
                  int           ss,
                  int           sw,
                  int           sh,
                  int           x0,
                  int           y0)
{
  int xa = MAX (0, px->x1 - x0), xb = MIN (sw, px->x2 - x0);
  int ya = MAX (0, px->y1 - y0), yb = MIN (sh, px->y2 - y0);

  for (int y = ya; y < yb; y++)
    {
      const guint32 *s = (const guint32 *)(sd + (gsize)y * ss);
      guint32 *d = (guint32 *)(px->data + (gsize)(y + y0) * px->stride) + x0;

      for (int x = xa; x < xb; x++)
        {
          guint32 v = s[x];

          if (v == 0)
            continue;
          d[x] = v >> 24 == 255 ? v : over (v, d[x]);
        }
    }
}

static void
blend_stamp (const Pixels    *px,
             cairo_surface_t *stamp,
             int              x0,
             int              y0)
{
  blend_stamp_data (px, cairo_image_surface_get_data (stamp), cairo_image_surface_get_stride (stamp),
                    cairo_image_surface_get_width (stamp), cairo_image_surface_get_height (stamp), x0, y0);
}

/* An image surface drawn on without transformation, offset or group, and
 * clipped to at most one rectangle: stamps can go straight into it. */
static gboolean
target_pixels (cairo_t     *cr,
               const Frame *f,
               Pixels      *px)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double scale = f->view->scale > 0 ? f->view->scale : 1, sx, sy, ox, oy;
  cairo_rectangle_list_t *clip;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_group_target (cr) != target ||
      f->view_matrix.x0 != 0 || f->view_matrix.y0 != 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  if (sx != scale || sy != scale || ox != 0 || oy != 0)
    return FALSE;
  /* the clip in view pixels, not the model's points */
  cairo_save (cr);
  cairo_set_matrix (cr, &f->view_matrix);
  clip = cairo_copy_clip_rectangle_list (cr);
  cairo_restore (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }
  px->x1 = MAX (0, (int)ceil (clip->rectangles[0].x * scale));
  px->y1 = MAX (0, (int)ceil (clip->rectangles[0].y * scale));
  px->x2 = MIN (cairo_image_surface_get_width (target),
                (int)floor ((clip->rectangles[0].x + clip->rectangles[0].width) * scale));
  px->y2 = MIN (cairo_image_surface_get_height (target),
                (int)floor ((clip->rectangles[0].y + clip->rectangles[0].height) * scale));
  cairo_rectangle_list_destroy (clip);
  cairo_surface_flush (target);
  px->data = cairo_image_surface_get_data (target);
  px->stride = cairo_image_surface_get_stride (target);
  return px->data != NULL;
}

/* The stamp of actor index in colour bucket c, and where its top-left
 * goes; %NULL when it is far out of view. */
static cairo_surface_t *
actor_stamp (MwRenderer  *self,
             const Frame *f,
             guint        index,
             int          c,
             int          dim,
             int         *pad,
             int         *sx,
             int         *sy)
{
  double scale = f->view->scale > 0 ? f->view->scale : 1;
  double k = f->view->zoom * scale;
  int w = (int)ceil (f->view->width * scale), h = (int)ceil (f->view->height * scale);
  const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, index);
  double cx = (g->x - f->view->offset_x) * k, cy = (g->y - f->view->offset_y) * k;
  gint64 qx, qy;
  StampKey key = { 0, };
  cairo_surface_t *stamp;

  if (cx < -4 * STAMP_MAX_RADIUS || cy < -4 * STAMP_MAX_RADIUS ||
      cx > w + 4 * STAMP_MAX_RADIUS || cy > h + 4 * STAMP_MAX_RADIUS)
    return NULL;
  qx = (gint64)floor (cx * 4 + 0.5), qy = (gint64)floor (cy * 4 + 0.5);
  key.r = g->r;
  key.kind = mw_network_get_actor (self->network, index)->kind;
  key.color = c == N_COLORS - 1 ? -1 : c;
  key.dim = dim;
  key.tiny = !f->outlines;
  key.dark = f->view->dark;
  key.phase_x = qx & 3;
  key.phase_y = qy & 3;
  stamp = get_stamp (self, &key, k, pad);
  *sx = (int)(qx >> 2) - *pad, *sy = (int)(qy >> 2) - *pad;
  return stamp;
}

/* Every stamp a frame copies, in order, for paint_band(). */
static void
resolve_stamps (MwRenderer  *self,
                const Frame *f,
                GArray     **buckets)
{
  g_array_set_size (self->stamp_refs, 0);
  for (int dim = 1; dim >= 0; dim--)
    for (int c = 0; c < N_COLORS; c++)
      {
        GArray *actors = buckets[dim * N_COLORS + c];

        for (guint i = 0; i < actors->len; i++)
          {
            cairo_surface_t *stamp;
            StampRef ref;
            int pad;

            stamp = actor_stamp (self, f, g_array_index (actors, guint, i), c, dim, &pad, &ref.x, &ref.y);
            if (stamp == NULL)
              continue;
            ref.data = cairo_image_surface_get_data (stamp);
            ref.stride = cairo_image_surface_get_stride (stamp);
            ref.size = 2 * pad + 1;
            g_array_append_val (self->stamp_refs, ref);
          }
      }
}

/* Raster targets: every actor copied from a stamp, in the order the
 * buckets would be filled: straight into an image surface, or into one
 * layer painted once (the canvas). A stamp is cairo's own drawing of the
 * shape at a quarter-pixel phase, so the result is the path drawing moved
 * by at most an eighth of a pixel. */
static gboolean
stamp_actors (MwRenderer  *self,
              cairo_t     *cr,
              const Frame *f,
              GArray     **buckets)
{
  double scale = f->view->scale > 0 ? f->view->scale : 1;
  double k = f->view->zoom * scale;
  int w = (int)ceil (f->view->width * scale), h = (int)ceil (f->view->height * scale);
  int x1 = G_MAXINT, y1 = G_MAXINT, x2 = G_MININT, y2 = G_MININT;
  gboolean direct;
  Pixels px;

  /* stamps are dropped only between frames: a frame may hold on to them */
  if (k != self->stamps_k || g_hash_table_size (self->stamps) >= STAMP_CACHE_MAX)
    {
      g_hash_table_remove_all (self->stamps);
      self->stamps_k = k;
    }
  direct = target_pixels (cr, f, &px);
  if (direct && self->paint_pending)
    {
      /* the bands composite the ties' masks and copy the stamps in one go */
      resolve_stamps (self, f, buckets);
      paint_pending_bands (self, cr);
      return TRUE;
    }
  flush_pending_paint (self, cr);
  if (!direct)
    {
      if (self->layer == NULL ||
          cairo_image_surface_get_width (self->layer) != w || cairo_image_surface_get_height (self->layer) != h)
        {
          g_clear_pointer (&self->layer, cairo_surface_destroy);
          self->layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
        }
      cairo_surface_flush (self->layer);
      px.data = cairo_image_surface_get_data (self->layer);
      px.stride = cairo_image_surface_get_stride (self->layer);
      px.x1 = 0, px.y1 = 0, px.x2 = w, px.y2 = h;
      memset (px.data, 0, (gsize)px.stride * h);
    }

  for (int dim = 1; dim >= 0; dim--)
    for (int c = 0; c < N_COLORS; c++)
      {
        GArray *actors = buckets[dim * N_COLORS + c];

        for (guint i = 0; i < actors->len; i++)
          {
            cairo_surface_t *stamp;
            int pad, sx, sy;

            stamp = actor_stamp (self, f, g_array_index (actors, guint, i), c, dim, &pad, &sx, &sy);
            if (stamp == NULL)
              continue;
            blend_stamp (&px, stamp, sx, sy);
            x1 = MIN (x1, sx), y1 = MIN (y1, sy);
            x2 = MAX (x2, sx + 2 * pad + 1), y2 = MAX (y2, sy + 2 * pad + 1);
          }
      }
  if (direct)
    {
      cairo_surface_mark_dirty (cairo_get_target (cr));
      return TRUE;
    }
  if (x1 > x2)
    return TRUE;
  cairo_surface_mark_dirty (self->layer);
  cairo_surface_set_device_scale (self->layer, scale, scale);
  cairo_save (cr);
  cairo_set_matrix (cr, &f->view_matrix);
  cairo_rectangle (cr, floor (x1 / scale), floor (y1 / scale), ceil ((x2 - x1) / scale) + 1, ceil ((y2 - y1) / scale) + 1);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->layer, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  return TRUE;
}

/* All actors of one colour and state: an outline and a fill. */
static void
draw_actor_bucket (MwRenderer   *self,
                   cairo_t      *cr,
                   const Frame  *f,
                   const GArray *actors,
                   int           color,
                   gboolean      dim)
{
  MwColor fill, line;
  double alpha = dim ? DIM_ALPHA + 0.1 : 1;
  gboolean tiny = !f->outlines;

  if (actors->len == 0)
    return;
  _mw_palette_color (color, f->view->dark, &fill);
  outline_color (&fill, f->view->dark, &line);

  if (f->vector && !tiny && !dim)
    {
      /* in a file, one path filled and stroked: the outline ring as two
       * fills would write every shape twice */
      path_actors (self, cr, actors, 0);
      _mw_set_source (cr, &fill, 1);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_set_dash (cr, NULL, 0, 0);
      _mw_set_source (cr, &line, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }
  if (!tiny && !dim)
    {
      path_actors (self, cr, actors, 0.7);
      _mw_set_source (cr, &line, 1);
      cairo_fill (cr);
    }
  path_actors (self, cr, actors, tiny ? G_MAXDOUBLE : dim ? 0 : -0.7);
  _mw_set_source (cr, &fill, alpha);
  cairo_fill (cr);
}

static void
draw_actors (MwRenderer  *self,
             cairo_t     *cr,
             const Frame *f,
             GArray      *visible)
{
  GArray *buckets[2 * N_COLORS];
  double scale = f->view->scale > 0 ? f->view->scale : 1;
  gboolean stamped = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < visible->len; i++)
    {
      guint index = g_array_index (visible, guint, i);
      const MwActor *actor = mw_network_get_actor (self->network, index);
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, index);
      int color = g->color < 0 ? N_COLORS - 1 : g->color % (N_COLORS - 1);
      gboolean dim = actor_state (f, actor) == STATE_DIM;

      g_array_append_val (buckets[dim * N_COLORS + color], index);
    }
  /* stamps only where cairo's pixels would land one to one */
  if (f->raster && visible->len > 0 &&
      f->view_matrix.xx == 1 && f->view_matrix.yy == 1 && f->view_matrix.xy == 0 && f->view_matrix.yx == 0 &&
      self->max_radius * f->view->zoom * scale <= STAMP_MAX_RADIUS)
    stamped = stamp_actors (self, cr, f, buckets);
  flush_pending_paint (self, cr);
  for (int dim = 1; !stamped && dim >= 0; dim--)
    for (int c = 0; c < N_COLORS; c++)
      draw_actor_bucket (self, cr, f, buckets[dim * N_COLORS + c], c == N_COLORS - 1 ? -1 : c, dim);
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    g_array_unref (buckets[i]);
}

static void
draw_states (MwRenderer  *self,
             cairo_t     *cr,
             const Frame *f,
             GArray      *visible,
             gboolean     halos)
{
  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);
      int state = actor_state (f, actor);

      if (halos && state == STATE_HIGHLIGHT)
        {
          cairo_new_path (cr);
          _mw_path_shape (cr, actor->kind, g->x, g->y, g->r + MAX (5, 4 * f->px));
          _mw_set_source (cr, &f->theme->highlight, 0.8);
          cairo_fill (cr);
        }
      else if (!halos && state == STATE_SELECTED)
        {
          cairo_new_path (cr);
          _mw_path_shape (cr, actor->kind, g->x, g->y, g->r + 2 + 2.5 * f->px);
          cairo_set_line_width (cr, 2.5 * f->px);
          _mw_set_source (cr, &f->theme->accent, 1);
          cairo_stroke (cr);
        }
    }
}

static void
draw_badges (MwRenderer  *self,
             cairo_t     *cr,
             const Frame *f,
             GArray      *visible)
{
  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);
      double size = MAX (10, g->r * 0.75), d = g->r * 0.78;

      if (!actor->purpose && !actor->initiative)
        continue;
      if (actor_state (f, actor) == STATE_DIM)
        cairo_push_group (cr);
      if (actor->purpose)
        _mw_draw_badge (cr, TRUE, g->x + d, g->y - d, size, f->view->dark);
      if (actor->initiative)
        _mw_draw_badge (cr, FALSE, g->x - d, g->y - d, size, f->view->dark);
      if (actor_state (f, actor) == STATE_DIM)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, DIM_ALPHA + 0.1);
        }
    }
}

static void
paint_band (MwRenderer *self,
            int         band,
            int         n_bands)
{
  const Frame *f = self->paint_frame;
  int w = self->mask_w, h = self->mask_h;
  int k = f != NULL && f->view->scale > 1 ? (int)f->view->scale : 1, hv = h / k;
  /* whole view pixels, so that a band's clip is whole device pixels */
  int row0 = k * (int)((gint64)hv * band / n_bands);
  int row1 = band == n_bands - 1 ? h : k * (int)((gint64)hv * (band + 1) / n_bands);
  cairo_surface_t *target;
  cairo_t *cr;

  if (row1 <= row0)
    return;
  if (f != NULL)
    {
      /* the boundaries as the calling thread would fill them: the same
       * transformation, only clipped to the band's rows */
      cairo_surface_t *whole = cairo_image_surface_create_for_data (self->paint_data, CAIRO_FORMAT_ARGB32,
                                                                    w, h, self->paint_stride);

      cairo_surface_set_device_scale (whole, k, k);
      cr = cairo_create (whole);
      cairo_rectangle (cr, 0, row0 / k, (double)w / k, (row1 - row0) / k);
      cairo_clip (cr);
      cairo_set_tolerance (cr, self->paint_tolerance);
      cairo_set_antialias (cr, self->paint_antialias);
      cairo_set_matrix (cr, &f->view_matrix);
      cairo_scale (cr, f->view->zoom, f->view->zoom);
      cairo_translate (cr, -f->view->offset_x, -f->view->offset_y);
      draw_groups (self, cr, f);
      cairo_destroy (cr);
      cairo_surface_finish (whole);
      cairo_surface_destroy (whole);
    }
  target = cairo_image_surface_create_for_data (self->paint_data + (gsize)row0 * self->paint_stride,
                                                CAIRO_FORMAT_ARGB32, w, row1 - row0, self->paint_stride);
  cr = cairo_create (target);
  /* dimmed under normal */
  for (int i = N_TONE_MASKS - 1; i >= 0; i--)
    {
      const ToneMask *tm = &self->masks[i ^ 1];
      cairo_surface_t *mask;

      if (!tm->used)
        continue;
      mask = cairo_image_surface_create_for_data (tm->data + (gsize)row0 * tm->stride, CAIRO_FORMAT_A8,
                                                  w, row1 - row0, tm->stride);
      cairo_save (cr);
      cairo_rectangle (cr, tm->x1, tm->y1 - row0, tm->x2 - tm->x1, tm->y2 - tm->y1);
      cairo_clip (cr);
      _mw_set_source (cr, &self->paint_colors[i ^ 1], 1);
      cairo_mask_surface (cr, mask, 0, 0);
      cairo_restore (cr);
      cairo_surface_destroy (mask);
    }
  cairo_destroy (cr);
  cairo_surface_finish (target);
  cairo_surface_destroy (target);

  /* then the actors' stamps over the ties, each clipped to the band */
  {
    Pixels px = { self->paint_data, self->paint_stride, 0, row0, w, row1 };

    for (guint i = 0; i < self->stamp_refs->len; i++)
      {
        const StampRef *ref = &g_array_index (self->stamp_refs, StampRef, i);

        if (ref->y < row1 && ref->y + ref->size > row0)
          blend_stamp_data (&px, ref->data, ref->stride, ref->size, ref->size, ref->x, ref->y);
      }
  }
}

/* With a second core, on an image surface whose pixels map one to one
 * (integer scale, no clip, no group): the masks are composited in bands
 * on both threads, by the same pixman code as cairo_mask_surface() on the
 * whole target, so with the same pixels. */
static gboolean
can_paint_in_bands (MwRenderer  *self,
                    cairo_t     *cr,
                    const Frame *f,
                    Pixels      *px)
{
  double scale = f->view->scale > 0 ? f->view->scale : 1;
  cairo_surface_t *target = cairo_get_target (cr);

  return f->dense && f->raster && self->n_threads > 1 && !f->markers && scale == floor (scale) &&
         target_pixels (cr, f, px) &&
         px->x1 == 0 && px->y1 == 0 && px->x2 == self->mask_w && px->y2 == self->mask_h &&
         cairo_image_surface_get_width (target) == self->mask_w &&
         cairo_image_surface_get_height (target) == self->mask_h &&
         cairo_get_operator (cr) == CAIRO_OPERATOR_OVER;
}

/* Whether the bands fill the boundaries too: when nothing needs them
 * before the ties (as a frame without highlights and arrowheads). */
static gboolean
groups_in_bands (MwRenderer  *self,
                 cairo_t     *cr,
                 const Frame *f)
{
  Pixels px;

  self->paint_frame = NULL;
  if (f->emphasis || cairo_get_fill_rule (cr) != CAIRO_FILL_RULE_WINDING ||
      !can_paint_in_bands (self, cr, f, &px))
    return FALSE;
  self->paint_frame = f;
  self->paint_tolerance = cairo_get_tolerance (cr);
  self->paint_antialias = cairo_get_antialias (cr);
  return TRUE;
}

static gboolean
paint_masks_in_bands (MwRenderer  *self,
                      cairo_t     *cr,
                      const Frame *f)
{
  double scale = f->view->scale > 0 ? f->view->scale : 1;
  Pixels px;

  if (!can_paint_in_bands (self, cr, f, &px))
    {
      /* (never happens: nothing changed the target since groups_in_bands()) */
      if (self->paint_frame != NULL)
        draw_groups (self, cr, f);
      self->paint_frame = NULL;
      return FALSE;
    }
  for (int i = 0; i < N_TONE_MASKS; i++)
    {
      ToneMask *tm = &self->masks[i];
      MwRect clip;

      if (!tm->used)
        continue;
      /* the clip paint_tie_state() would set, in device pixels */
      tone_mask_clip (tm, scale, &clip);
      tm->x1 = clip.x * scale, tm->y1 = clip.y * scale;
      tm->x2 = (clip.x + clip.width) * scale, tm->y2 = (clip.y + clip.height) * scale;
      self->paint_colors[i] = f->theme->tie[i % 2 == 1 ? MW_TIE_REPORTS : MW_TIE_INFLUENCES];
      self->paint_colors[i].alpha *= tone_mask_state (i) == STATE_DIM ? DIM_ALPHA : 1;
    }
  self->paint_data = px.data;
  self->paint_stride = px.stride;
  g_array_set_size (self->stamp_refs, 0);
  self->paint_pending = TRUE;
  /* nothing between the ties and the actors (no boundary names, no
   * highlight halos): the same bands then copy the actors' stamps */
  if (f->emphasis)
    flush_pending_paint (self, cr);
  return TRUE;
}

static void
paint_pending_bands (MwRenderer *self,
                     cairo_t    *cr)
{
  post_job (self, paint_band);
  finish_job (self);
  cairo_surface_mark_dirty (cairo_get_target (cr));
  for (int i = 0; i < N_TONE_MASKS; i++)
    self->masks[i].used = FALSE;
  g_array_set_size (self->stamp_refs, 0);
  self->paint_pending = FALSE;
  self->paint_frame = NULL;
}

/* Composites masks left for the actors' bands, when they have none. */
static void
flush_pending_paint (MwRenderer *self,
                     cairo_t    *cr)
{
  if (!self->paint_pending)
    return;
  g_array_set_size (self->stamp_refs, 0);
  paint_pending_bands (self, cr);
}

static gboolean
labels_shown (const Frame *f,
              guint        n_visible)
{
  switch (f->view->labels)
    {
    case MW_LABELS_ALWAYS:
      return TRUE;
    case MW_LABELS_NEVER:
      return FALSE;
    case MW_LABELS_AUTO:
    default:
      return MW_LABEL_FONT_SIZE * f->view->zoom >= AUTO_LABEL_PX && n_visible <= AUTO_LABEL_MAX;
    }
}

/* Labels sit centred under their shape on a soft halo, so neither ties
 * nor boundaries run through the words. */
static void
draw_labels (MwRenderer  *self,
             cairo_t     *cr,
             const Frame *f,
             GArray      *visible)
{
  cairo_new_path (cr);
  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);
      Label *label = get_label (self, actor);

      if (actor_state (f, actor) != STATE_DIM)
        cairo_rectangle (cr, g->x - label->width / 2 - 2, g->label_y,
                         label->width + 4, label->height);
    }
  _mw_set_source (cr, &f->theme->halo, 1);
  cairo_fill (cr);

  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);
      Label *label = get_label (self, actor);
      MwColor ink = f->theme->text;

      if (actor_state (f, actor) == STATE_DIM)
        ink.alpha = DIM_ALPHA + 0.2;
      _mw_renderer_show_layout (self, cr, label->layout, actor->label,
                                g->x - label->width / 2, g->label_y, &ink);
    }
}

/* When labels drop out (an overview), the highlighted and then the
 * selected actors keep theirs, so one can see who is marked: at most
 * EMPHASIS_LABEL_MAX, in the usual style but never smaller than
 * EMPHASIS_LABEL_PX on screen, growing away from the shape. */
static void
draw_emphasis_labels (MwRenderer  *self,
                      cairo_t     *cr,
                      const Frame *f,
                      GArray      *visible)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  double s = MAX (1, EMPHASIS_LABEL_PX / (MW_LABEL_FONT_SIZE * f->view->zoom));

  for (int want = STATE_HIGHLIGHT; want <= STATE_SELECTED; want++)
    for (guint i = 0; i < visible->len && actors->len < EMPHASIS_LABEL_MAX; i++)
      {
        MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));

        if (actor_state (f, actor) == want)
          g_ptr_array_add (actors, actor);
      }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < actors->len; i++)
      {
        const MwActor *actor = g_ptr_array_index (actors, i);
        const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, actor->index);
        Label *label = get_label (self, actor);
        /* a label under its shape grows downwards, one over it upwards */
        gboolean under = g->label_y > g->y;
        double top = under ? 0 : -label->height;

        cairo_save (cr);
        cairo_translate (cr, g->x, under ? g->label_y : g->label_y + label->height);
        cairo_scale (cr, s, s);
        if (pass == 0)
          {
            cairo_rectangle (cr, -label->width / 2 - 2, top, label->width + 4, label->height);
            _mw_set_source (cr, &f->theme->halo, 1);
            cairo_fill (cr);
          }
        else
          _mw_renderer_show_layout (self, cr, label->layout, actor->label,
                                    -label->width / 2, top, &f->theme->text);
        cairo_restore (cr);
      }
}

static void
frame_init (Frame        *f,
            const MwView *view)
{
  double scale = view->scale > 0 ? view->scale : 1;

  memset (f, 0, sizeof *f);
  f->view = view;
  f->theme = _mw_theme_get (view->dark);
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
frame_set_target (Frame   *f,
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
  g_autoptr(GArray) visible = NULL;
  Frame f;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->zoom > 0);

  ensure_geometry (self);
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

  visible = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->geoms->len; i++)
    if (actor_visible (&f, &g_array_index (self->geoms, ActorGeom, i)))
      g_array_append_val (visible, i);

  /* on raster targets the ties' hairlines are drawn meanwhile on another core */
  start_ties (self, &f);
  if (!groups_in_bands (self, cr, &f))
    draw_groups (self, cr, &f);
  draw_ties (self, cr, &f);
  draw_group_names (self, cr, &f);   /* never with masks left to paint */
  if (f.emphasis)
    draw_states (self, cr, &f, visible, TRUE);
  draw_actors (self, cr, &f, visible);
  if (f.markers)
    draw_badges (self, cr, &f, visible);
  if (f.emphasis)
    draw_states (self, cr, &f, visible, FALSE);
  if (labels_shown (&f, visible->len))
    draw_labels (self, cr, &f, visible);
  else if (f.emphasis && view->labels == MW_LABELS_AUTO)
    draw_emphasis_labels (self, cr, &f, visible);
  cairo_restore (cr);
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

  ensure_geometry (self);
  mw_view_to_model (view, x, y, &mx, &my);
  tolerance = 3 / view->zoom;
  for (guint i = 0; i < self->geoms->len; i++)
    {
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, i);
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

  ensure_geometry (self);
  mw_view_to_model (view, x, y, &mx, &my);
  best_d = 4 / view->zoom;
  for (guint i = 0; i < mw_network_get_n_ties (self->network); i++)
    {
      MwTie *tie = mw_network_get_tie (self->network, i);
      const ActorGeom *a = &g_array_index (self->geoms, ActorGeom, tie->from->index);
      const ActorGeom *b = &g_array_index (self->geoms, ActorGeom, tie->to->index);
      MwTieGeom g;
      double d;

      _mw_tie_geometry (tie->type, a->x, a->y, a->r, b->x, b->y, b->r, tie_bend (self, tie), TRUE, &g);
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

  ensure_geometry (self);
  mw_view_to_model (view, MIN (rect->x, rect->x + rect->width), MIN (rect->y, rect->y + rect->height), &x1, &y1);
  mw_view_to_model (view, MAX (rect->x, rect->x + rect->width), MAX (rect->y, rect->y + rect->height), &x2, &y2);

  actors = g_ptr_array_new ();
  for (guint i = 0; i < self->geoms->len; i++)
    {
      const ActorGeom *g = &g_array_index (self->geoms, ActorGeom, i);

      if (g->x >= x1 && g->x <= x2 && g->y >= y1 && g->y <= y2)
        g_ptr_array_add (actors, mw_network_get_actor (self->network, i));
    }
  return actors;
}
