/* mw-render-text.c: the renderer's text: label layouts, drawn or handed to a sink
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderText: one Pango context and font for every label, a layout
 * cached per actor (dropped when its label changes), and the text sink the
 * SVG export sets. Draws the actors' labels, or only the emphasised ones.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-label.h"
#include "mw-renderer-private.h"

#define AUTO_LABEL_PX      5.0   /* labels below this size on screen are noise */
#define AUTO_LABEL_MAX  2000     /* … and so are more of them at once */
#define EMPHASIS_LABEL_MAX  60   /* highlighted and selected actors keep theirs … */
#define EMPHASIS_LABEL_PX  10.0  /* … at least this size on screen */
#define PARALLEL_LABELS_MIN 20000 /* fewer labels are measured as they are asked for */
#define PARALLEL_LABELS_MAX     4 /* threads that measure them, the calling one included */

typedef struct
{
  char        *text;     /* the label it was made for */
  gboolean     mapped;   /* … by the appearance's label mapping */
  char        *shown;    /* what shows: ellipsised when long */
  PangoLayout *layout;   /* made from shown when first drawn */
  double       width;
  double       height;
} Label;

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->text);
  g_free (label->shown);
  g_clear_object (&label->layout);
  g_free (label);
}

/* One Pango context for every label. Hinting is off so that text has the
 * same metrics at every zoom and on every surface: the screen, PNG, SVG and
 * PDF place each glyph at the same model position. 72 dpi makes a font's
 * size in points equal to model points. */
static PangoContext *
create_context (PangoFontMap *font_map)
{
  PangoContext *pango = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango, options);
  pango_cairo_context_set_resolution (pango, 72);
  pango_context_set_round_glyph_positions (pango, FALSE);
  cairo_font_options_destroy (options);
  return pango;
}

void
_mw_render_text_init (MwRenderText *text)
{
  text->pango = create_context (pango_cairo_font_map_get_default ());
  text->scale = 1;
  text->font = g_strdup ("Cantarell, DejaVu Sans, sans-serif");
  text->labels = g_hash_table_new_full (NULL, NULL, NULL, label_free);
  text->parallel_min = PARALLEL_LABELS_MIN;
}

void
_mw_render_text_clear (MwRenderText *text)
{
  g_clear_object (&text->measure);
  g_clear_pointer (&text->measure_font, g_free);
  g_clear_object (&text->pango);
  g_clear_pointer (&text->font, g_free);
  g_clear_pointer (&text->labels, g_hash_table_unref);
}

/* A renderer that draws on another thread (the tiles' twin, see
 * mw-render-tile-worker.c) gets a font map of its own: the default one is
 * the creating thread's, and Pango's font maps are not thread-safe. Before
 * the first label is laid out. */
void
_mw_render_text_use_own_font_map (MwRenderText *text)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();

  g_hash_table_remove_all (text->labels);
  g_clear_object (&text->measure);
  g_clear_object (&text->pango);
  text->pango = create_context (font_map);
}

/* Layouts are dropped for exactly the actors whose label changed or who
 * left. */
void
_mw_renderer_labels_changed (MwRenderer     *self,
                             const MwChange *change)
{
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_REMOVED:
      g_hash_table_remove (self->text.labels, change->actor);
      break;
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->fields & MW_FIELD_LABEL)
        g_hash_table_remove (self->text.labels, change->actor);
      break;
    case MW_CHANGE_BATCH:
      /* removed actors' addresses may be reused: keep only the living */
      {
        g_autoptr(GHashTable) alive = g_hash_table_new (NULL, NULL);
        GHashTableIter iter;
        gpointer key;

        for (guint i = 0; i < mw_network_get_n_actors (self->network); i++)
          g_hash_table_add (alive, mw_network_get_actor (self->network, i));
        g_hash_table_iter_init (&iter, self->text.labels);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (!g_hash_table_contains (alive, key))
            g_hash_table_iter_remove (&iter);
      }
      break;
    default:
      break;
    }
}

static PangoLayout *
create_layout (PangoContext *pango,
               const char   *font,
               const char   *text,
               double        size,
               gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (desc);
  return layout;
}

PangoLayout *
_mw_renderer_create_layout (MwRenderer *self,
                            const char *text,
                            double      size,
                            gboolean    bold)
{
  return create_layout (self->text.pango, self->text.font, text, size, bold);
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

/* One layout, kept, that measures every label: making a layout per label
 * took 1.8 s of a 100,000-person network's first frame, and only labels
 * that are drawn need one (label_layout()). */
static PangoLayout *
measuring_layout (MwRenderer *self)
{
  MwRenderText *text = &self->text;

  if (text->measure != NULL && text->measure_scale == text->scale &&
      g_strcmp0 (text->measure_font, text->font) == 0)
    return text->measure;
  g_clear_object (&text->measure);
  text->measure = _mw_renderer_create_layout (self, "", MW_LABEL_FONT_SIZE * text->scale, FALSE);
  text->measure_scale = text->scale;
  g_free (text->measure_font);
  text->measure_font = g_strdup (text->font);
  return text->measure;
}

/* The layout a label is drawn with, made the first time it is. */
static PangoLayout *
label_layout (MwRenderer *self,
              Label      *label)
{
  if (label->layout == NULL)
    label->layout = _mw_renderer_create_layout (self, label->shown, MW_LABEL_FONT_SIZE * self->text.scale, FALSE);
  return label->layout;
}

/* @actor's label as measured with @measure: @mapped is the appearance's
 * label for it, if any. Reads the network only: other threads may call it
 * while nobody changes the network (measure_all()). */
static Label *
measure_label (MwNetwork     *network,
               PangoLayout   *measure,
               const MwActor *actor,
               const char    *mapped)
{
  Label *label = g_new0 (Label, 1);
  g_autofree char *one_line = NULL;
  PangoRectangle logical;

  label->text = g_strdup (mapped != NULL ? mapped : actor->label);
  label->mapped = mapped != NULL;
  one_line = g_strdelimit (mapped != NULL ? g_strdup (mapped) : mw_network_dup_actor_display_label (network, actor),
                           "\r\n\t", ' ');
  pango_layout_set_text (measure, one_line, -1);
  ellipsise (measure, one_line, MW_LABEL_MAX_WIDTH);
  pango_layout_get_extents (measure, NULL, &logical);
  label->shown = g_strdup (pango_layout_get_text (measure));
  label->width = (double)logical.width / PANGO_SCALE;
  label->height = (double)logical.height / PANGO_SCALE;
  return label;
}

/* Whether @label is still @actor's, whose appearance's label is @mapped. */
static gboolean
label_fresh (const Label   *label,
             const MwActor *actor,
             const char    *mapped)
{
  return label != NULL && label->mapped == (mapped != NULL) &&
         strcmp (label->text, mapped != NULL ? mapped : actor->label) == 0;
}

static Label *
get_label (MwRenderer    *self,
           const MwActor *actor)
{
  Label *label = g_hash_table_lookup (self->text.labels, actor);
  const char *mapped = _mw_renderer_appearance_label (self, actor);

  if (label_fresh (label, actor, mapped))
    return label;
  label = measure_label (self->network, measuring_layout (self), actor, mapped);
  g_hash_table_replace (self->text.labels, (gpointer)actor, label);
  return label;
}

/* ---- many labels at once, on several threads ------------------------------ */

/* One thread's share of the labels to measure. */
typedef struct
{
  MwNetwork    *network;
  const char   *font;
  double        size;
  MwActor     **actors;      /* the renderer's, from start to end */
  const char  **mapped;
  Label       **labels;      /* out, by the same position */
  guint         start, end;
} MeasureShare;

static void
measure_share (MeasureShare *share,
               PangoLayout  *measure)
{
  for (guint k = share->start; k < share->end; k++)
    share->labels[k] = measure_label (share->network, measure, share->actors[k], share->mapped[k]);
}

/* A helper thread measures with a font map of its own, as the tiles' twin
 * does: Pango's font maps are not thread-safe, and with hinting off the
 * metrics are the same in every one. */
static gpointer
measure_share_thread (gpointer data)
{
  MeasureShare *share = data;
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *pango = create_context (font_map);
  PangoLayout *measure = create_layout (pango, share->font, "", share->size, FALSE);

  measure_share (share, measure);
  g_object_unref (measure);
  g_object_unref (pango);
  g_object_unref (font_map);
  return NULL;
}

/**
 * _mw_renderer_measure_labels:
 *
 * Measures every actor's label that is not measured yet, on several
 * threads when there are many: a network of 100,000 people spent half a
 * second of its first frame here, on the UI thread alone. The network is
 * only read meanwhile, and the calling thread waits for them all.
 */
void
_mw_renderer_measure_labels (MwRenderer *self)
{
  guint n = mw_network_get_n_actors (self->network), n_threads, n_todo = 0;
  g_autofree MwActor **actors = NULL;
  g_autofree const char **mapped = NULL;
  g_autofree Label **labels = NULL;
  MeasureShare shares[PARALLEL_LABELS_MAX];
  GThread *threads[PARALLEL_LABELS_MAX] = { NULL };

  n_threads = self->worker.n_threads > 1 ? CLAMP (g_get_num_processors (), 2, PARALLEL_LABELS_MAX) : 1;
  if (n < self->text.parallel_min || n_threads < 2)
    return;

  /* which are missing or stale, decided here: the appearance is this thread's */
  actors = g_new (MwActor *, n);
  mapped = g_new (const char *, n);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      const char *map = _mw_renderer_appearance_label (self, actor);

      if (label_fresh (g_hash_table_lookup (self->text.labels, actor), actor, map))
        continue;
      actors[n_todo] = actor;
      mapped[n_todo++] = map;
    }
  if (n_todo < self->text.parallel_min)
    {
      for (guint k = 0; k < n_todo; k++)
        get_label (self, actors[k]);
      return;
    }

  labels = g_new0 (Label *, n_todo);
  for (guint t = 0; t < n_threads; t++)
    {
      shares[t] = (MeasureShare) { self->network, self->text.font, MW_LABEL_FONT_SIZE * self->text.scale,
                                   actors, mapped, labels,
                                   (guint)((guint64)n_todo * t / n_threads),
                                   (guint)((guint64)n_todo * (t + 1) / n_threads) };
      if (t > 0)
        threads[t] = g_thread_new ("mw-render-labels", measure_share_thread, &shares[t]);
    }
  measure_share (&shares[0], measuring_layout (self));
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  for (guint k = 0; k < n_todo; k++)
    g_hash_table_replace (self->text.labels, actors[k], labels[k]);
  self->text.parallel_runs++;
}

/* The size of an actor's label as drawn, in model points. */
void
_mw_renderer_label_size (MwRenderer    *self,
                         const MwActor *actor,
                         double        *width,
                         double        *height)
{
  Label *label = get_label (self, actor);

  if (width != NULL)
    *width = label->width;
  if (height != NULL)
    *height = label->height;
}

/* Text then goes to the sink instead of being drawn (the SVG export). */
void
_mw_renderer_set_text_sink (MwRenderer *self,
                            MwTextSink  sink,
                            gpointer    user_data)
{
  g_assert (MW_IS_RENDERER (self));
  self->text.sink = sink;
  self->text.sink_data = user_data;
}

/* Whether text goes to the target as glyphs. Vector targets place glyphs
 * exactly and keep the text selectable; pixel targets (images, the screen's
 * recordings) would put every glyph at a whole pixel (cairo 1.16), which at
 * fractional zoom swallows narrow word spaces, so they fill the glyphs'
 * outlines, placed where Pango laid them out. */
static gboolean
keeps_glyphs (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
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

  if (self->text.sink != NULL)
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
      self->text.sink (pango_layout_get_text (layout), full_text, desc, hypot (sx, sy), color,
                       bx, by, hypot (wx, wy), self->text.sink_data);
      return;
    }

  _mw_set_source (cr, color, 1);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  if (keeps_glyphs (cr))
    pango_cairo_show_layout (cr, layout);
  else
    {
      pango_cairo_layout_path (cr, layout);
      cairo_fill (cr);
    }
}

static gboolean
labels_shown (const MwFrame *f,
              guint          n_visible)
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

/* Labels sit where the geometry put them (under, over or beside their
 * shape, clear of tie ends) on a soft halo, so neither ties
 * nor boundaries run through the words. */
static void
draw_labels (MwRenderer    *self,
             cairo_t       *cr,
             const MwFrame *f,
             GArray        *visible)
{
  cairo_new_path (cr);
  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
      Label *label = get_label (self, actor);

      if (_mw_frame_actor_state (f, actor) != MW_STATE_DIM)
        cairo_rectangle (cr, g->label_x - label->width / 2 - 2, g->label_y,
                         label->width + 4, label->height);
    }
  _mw_set_source (cr, &f->theme->halo, 1);
  cairo_fill (cr);

  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
      Label *label = get_label (self, actor);
      MwColor ink = f->theme->text;

      if (_mw_frame_actor_state (f, actor) == MW_STATE_DIM)
        ink.alpha = MW_DIM_ALPHA + 0.2;
      _mw_renderer_show_layout (self, cr, label_layout (self, label), actor->label,
                                g->label_x - label->width / 2, g->label_y, &ink);
    }
}

/* When labels drop out (an overview), the highlighted and then the
 * selected actors keep theirs, so one can see who is marked: at most
 * EMPHASIS_LABEL_MAX, in the usual style but never smaller than
 * EMPHASIS_LABEL_PX on screen, growing away from the shape. */
static void
draw_emphasis_labels (MwRenderer    *self,
                      cairo_t       *cr,
                      const MwFrame *f,
                      GArray        *visible)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  double s = MAX (1, EMPHASIS_LABEL_PX / (MW_LABEL_FONT_SIZE * f->view->zoom));

  for (int want = MW_STATE_HIGHLIGHT; want <= MW_STATE_SELECTED; want++)
    for (guint i = 0; i < visible->len && actors->len < EMPHASIS_LABEL_MAX; i++)
      {
        MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));

        if (_mw_frame_actor_state (f, actor) == want)
          g_ptr_array_add (actors, actor);
      }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < actors->len; i++)
      {
        const MwActor *actor = g_ptr_array_index (actors, i);
        const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
        Label *label = get_label (self, actor);
        /* a label under its shape grows downwards, one over it upwards */
        gboolean under = g->label_y > g->y;
        double top = under ? 0 : -label->height;

        cairo_save (cr);
        cairo_translate (cr, g->label_x, under ? g->label_y : g->label_y + label->height);
        cairo_scale (cr, s, s);
        if (pass == 0)
          {
            cairo_rectangle (cr, -label->width / 2 - 2, top, label->width + 4, label->height);
            _mw_set_source (cr, &f->theme->halo, 1);
            cairo_fill (cr);
          }
        else
          _mw_renderer_show_layout (self, cr, label_layout (self, label), actor->label,
                                    -label->width / 2, top, &f->theme->text);
        cairo_restore (cr);
      }
}

void
_mw_renderer_draw_labels (MwRenderer    *self,
                          cairo_t       *cr,
                          const MwFrame *f,
                          GArray        *visible)
{
  if (labels_shown (f, f->lod != NULL ? f->lod->n_visible : visible->len))
    draw_labels (self, cr, f, visible);
  else if (f->emphasis && f->view->labels == MW_LABELS_AUTO)
    draw_emphasis_labels (self, cr, f, visible);
}
