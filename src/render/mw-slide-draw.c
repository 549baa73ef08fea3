/* mw-slide-draw.c: a slide laid out on a stage and drawn — the same on a
 * projector and on a page of Export Slides
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every size is a share of the stage's height, so a 1024×768 projector and
 * a 4K screen show the same slide, only sharper. The network is drawn by
 * the normal renderer without its labels; the slide sets its own, at least
 * MW_SLIDE_LABEL_SHARE of the stage's height, because the renderer's follow
 * the zoom and a whole network on one slide makes them small. Only this
 * file's layout decides where things go; mw_slide_draw() draws what it says.
 *
 * Levels: above mw-slide.c (its public getters) and the renderer.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mw-render-radar.h"
#include "mw-renderer-private.h"
#include "mw-slide.h"

#define LABEL_GAP_SHARE  0.004   /* between a shape and its label */
#define MAX_SHAPE_SHARE  0.06    /* few actors must not grow into balloons */
#define LABEL_WIDTH_SHARE 0.22   /* longer labels are cut with "…" */
#define LEGEND_TEXT_SIZE  9.5    /* the legend's own type size, in its units */
#define LEGEND_MIN_SHARE  0.6    /* of the body size: the smallest legend type */
#define MIN_NETWORK_SHARE 0.7    /* a legend of its own may shrink the network this far */
#define RADAR_SHARE       0.62   /* the card's radar: at most this share of its width tall… */
#define RADAR_MIN_SHARE   0.4    /* … and at least this, else there is none */

/* The stage's type sizes and margin, all from its height. */
typedef struct
{
  double margin;
  double title;
  double caption;
  double body;
  double index;
  double label_min;   /* no text on the stage is smaller (MW_SLIDE_LABEL_SHARE) */
} Sizes;

static void
stage_sizes (double  height,
             Sizes  *s)
{
  s->margin = MAX (12, height / 24);
  s->title = MAX (20, height / 22);
  s->caption = MAX (14, height / 40);
  s->body = MAX (12, height / 42);
  s->index = MAX (16, height / 20);
  s->label_min = height * MW_SLIDE_LABEL_SHARE;
}

static PangoLayout *
text_layout (MwRenderer *renderer,
             const char *text,
             double      size,
             gboolean    bold,
             double      wrap_width)
{
  PangoLayout *layout = _mw_renderer_create_layout (renderer, text, size, bold);

  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int)(wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

/* ---- the header: title, caption and the build step ---------------------- */

/* Measures, and draws when cr is not NULL: one code path for both. */
static double
header (MwSlide       *self,
        MwRenderer    *renderer,
        cairo_t       *cr,
        guint          step,
        const MwRect  *box,
        const Sizes   *s,
        const MwTheme *theme)
{
  const char *caption = mw_slide_get_caption (self);
  const char *step_name = mw_slide_get_step_name (self, step);
  g_autoptr(PangoLayout) title = text_layout (renderer, mw_slide_get_title (self), s->title, TRUE, box->width);
  double y = box->y, h;

  layout_size (title, NULL, &h);
  if (cr != NULL)
    _mw_renderer_show_layout (renderer, cr, title, mw_slide_get_title (self), box->x, y, &theme->text);
  y += h;
  if (caption != NULL && *caption != '\0')
    {
      g_autoptr(PangoLayout) layout = text_layout (renderer, caption, s->caption, FALSE, box->width);

      layout_size (layout, NULL, &h);
      y += s->caption * 0.3;
      if (cr != NULL)
        _mw_renderer_show_layout (renderer, cr, layout, caption, box->x, y, &theme->text_soft);
      y += h;
    }
  if (step_name != NULL)
    {
      /* Translators: a build step on a slide, "Step 2 of 5: + collaboration" */
      g_autofree char *text = g_strdup_printf (_("Step %u of %u: %s"), MIN (step, MW_N_BUILD_STEPS - 1) + 1,
                                               (guint)MW_N_BUILD_STEPS, step_name);
      g_autoptr(PangoLayout) layout = text_layout (renderer, text, s->caption, TRUE, box->width);

      layout_size (layout, NULL, &h);
      y += s->caption * 0.3;
      if (cr != NULL)
        _mw_renderer_show_layout (renderer, cr, layout, text, box->x, y, &theme->accent);
      y += h;
    }
  return y - box->y;
}

/* ---- the score card and the closest context ----------------------------- */

static void
show_text (MwRenderer    *renderer,
           cairo_t       *cr,
           const char    *text,
           double         size,
           gboolean       bold,
           double         x,
           double         y,
           gboolean       right,
           const MwColor *color)
{
  g_autoptr(PangoLayout) layout = text_layout (renderer, text, size, bold, 0);
  double w;

  layout_size (layout, &w, NULL);
  _mw_renderer_show_layout (renderer, cr, layout, text, right ? x - w : x, y, color);
}

/* A title cut with "…" where it would run into the value after it. */
static void
show_fitted (MwRenderer    *renderer,
             cairo_t       *cr,
             const char    *text,
             double         size,
             double         x,
             double         y,
             double         width,
             const MwColor *color)
{
  g_autoptr(PangoLayout) layout = text_layout (renderer, text, size, FALSE, 0);

  pango_layout_set_width (layout, (int)(MAX (width, size) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _mw_renderer_show_layout (renderer, cr, layout, text, x, y, color);
}

static void
bar (cairo_t       *cr,
     double         x,
     double         y,
     double         width,
     double         height,
     double         value,
     const MwTheme *theme)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, width, height);
  _mw_set_source (cr, &theme->text_soft, 0.25);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, width * CLAMP (value, 0, 100) / 100, height);
  _mw_set_source (cr, &theme->accent, 1);
  cairo_fill (cr);
}

/* The step's scores as a radar, the baseline's outlined over them; the
 * rows under it give the values, so its axes carry the titles alone. */
static void
radar (MwSlide       *self,
       cairo_t       *cr,
       guint          step,
       const MwRect  *box,
       const Sizes   *s,
       gboolean       dark,
       MwRadarFlags   flags)
{
  MwRadarSeries series[] = {
    { mw_slide_get_scores (self, step), C_("radar", "Now") },
    { mw_slide_get_baseline_scores (self), C_("radar", "Baseline") },
  };

  mw_render_radar_full (cr, series, series[1].scores != NULL ? 2 : 1, box->x, box->y, box->width, box->height,
                        dark, MAX (s->body * 0.7, s->label_min), flags);
}

/* Measures, and draws when cr is not NULL. With a radar @radar_h tall
 * (0 for none) the rows give the values without bars, which the radar
 * replaces; without @rows (a column short of room) the radar gives them. */
static double
card (MwSlide       *self,
      MwRenderer    *renderer,
      cairo_t       *cr,
      guint          step,
      const MwRect  *box,
      const Sizes   *s,
      const MwTheme *theme,
      gboolean       dark,
      double         radar_h,
      gboolean       rows)
{
  MwScores *scores = mw_slide_get_scores (self, step);
  double row = s->body * 1.3, bar_h = radar_h > 0 ? 0 : MAX (4, s->body / 4), y = box->y;
  g_autofree char *index = NULL;
  g_autofree char *index_change = NULL;
  g_autoptr(PangoLayout) context = NULL;
  double h;

  /* Translators: the distributed leadership index on a slide */
  index = g_strdup_printf (_("Index %.0f"), mw_scores_get_index (scores));
  index_change = mw_slide_dup_change (self, step, -1);
  if (cr != NULL)
    {
      show_text (renderer, cr, index, s->index, TRUE, box->x, y, FALSE, &theme->text);
      if (index_change != NULL)
        show_text (renderer, cr, index_change, s->index, TRUE, box->x + box->width, y, TRUE, &theme->accent);
    }
  y += s->index * 1.35;
  if (radar_h > 0)
    {
      if (cr != NULL)
        radar (self, cr, step, &(MwRect) { box->x, y, box->width, radar_h }, s, dark,
               rows ? MW_RADAR_LEGEND : MW_RADAR_DEFAULT);
      /* without rows the radar's values end it, and the context follows closer */
      y += radar_h + s->body * (rows ? 0.6 : 0.3);
    }

  for (guint i = 0; rows && i < MW_N_ELEMENTS; i++)
    {
      gboolean measurable = mw_scores_is_measurable (scores, i);
      double value = mw_scores_get_score (scores, i);
      /* Not measurable is no 0: a dash and an empty bar (or a gap in the radar), as on the export's card */
      g_autofree char *text = measurable ? g_strdup_printf ("%.0f", value) : g_strdup ("—");
      g_autofree char *change = measurable ? mw_slide_dup_change (self, step, i) : NULL;

      if (cr != NULL)
        {
          double value_x = box->x + box->width - (change != NULL ? s->body * 2.6 : 0);
          g_autoptr(PangoLayout) value_layout = text_layout (renderer, text, s->body, TRUE, 0);
          double value_w;

          layout_size (value_layout, &value_w, NULL);
          show_fitted (renderer, cr, mw_element_get_title (i), s->body, box->x, y,
                       value_x - value_w - s->body * 0.4 - box->x, &theme->text);
          show_text (renderer, cr, text, s->body, TRUE, value_x, y, TRUE, &theme->text);
          if (change != NULL)
            show_text (renderer, cr, change, s->body, TRUE, box->x + box->width, y, TRUE, &theme->accent);
          if (bar_h > 0)
            bar (cr, box->x, y + row, box->width, bar_h, measurable ? value : 0, theme);
        }
      y += row + (bar_h > 0 ? bar_h + s->body * 0.45 : s->body * 0.2);
    }

  if (cr != NULL)
    show_text (renderer, cr, _("Closest context"), s->body * 0.85, FALSE, box->x, y + s->body * 0.3, FALSE,
               &theme->text_soft);
  y += s->body * 0.3 + s->body * 0.85 * 1.3;
  context = text_layout (renderer, mw_score_context_get_title (mw_scores_get_context (scores)),
                         s->body, TRUE, box->width);
  layout_size (context, NULL, &h);
  if (cr != NULL)
    _mw_renderer_show_layout (renderer, cr, context, pango_layout_get_text (context), box->x, y, &theme->text);
  y += h;
  return y - box->y;
}

/* ---- labels --------------------------------------------------------------- */

/* Every actor up to MW_SLIDE_ALL_LABELS; beyond, the key people
 * (mw_slide_rank_people()), MW_SLIDE_KEY_PEOPLE of them. */
static GArray *
choose_labelled (MwNetwork  *network,
                 GHashTable *highlighted)
{
  guint n = mw_network_get_n_actors (network);
  GArray *labelled;

  if (n > MW_SLIDE_ALL_LABELS)
    {
      labelled = mw_slide_rank_people (network, highlighted);
      g_array_set_size (labelled, MW_SLIDE_KEY_PEOPLE);
      return labelled;
    }
  labelled = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (labelled, i);
  return labelled;
}

static GHashTable *
id_set (const char * const *ids)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (set, (gpointer)ids[i]);
  return set;
}

/* The label font size whose line is at least @px tall; @height: (out)
 * that line's height. */
static double
label_font_size (MwRenderer *renderer,
                 double      px,
                 double     *height)
{
  double size = px / 1.2, h = 0;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (renderer, "Ag", size, FALSE, 0);

      layout_size (layout, NULL, &h);
      if (h >= px)
        break;
      size *= MAX (1.01, px / MAX (h, 1));
    }
  *height = h;
  return size;
}

static PangoLayout *
label_layout (MwRenderer    *renderer,
              const MwActor *actor,
              double         size,
              double         max_width)
{
  g_autofree char *one_line = g_strdelimit (g_strdup (actor->label), "\r\n\t", ' ');
  PangoLayout *layout = text_layout (renderer, one_line, size, FALSE, 0);

  pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* ---- fitting the network into the free area ----------------------------- */

typedef struct
{
  double x, y, r;       /* model */
  double label_w;       /* px; 0 when unlabelled */
} Item;

/* The extent in px of everything at zoom @z, around the model origin. */
static void
extent_at (GArray       *items,
           const MwRect *groups,
           double        z,
           double        label_h,
           double        gap,
           MwRect       *out)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = &g_array_index (items, Item, i);
      double half = MAX (it->r * z, it->label_w / 2);

      x0 = MIN (x0, it->x * z - half);
      x1 = MAX (x1, it->x * z + half);
      y0 = MIN (y0, (it->y - it->r) * z);
      y1 = MAX (y1, (it->y + it->r) * z + (it->label_w > 0 ? gap + label_h : 0));
    }
  if (groups->width > 0)
    {
      x0 = MIN (x0, groups->x * z);
      y0 = MIN (y0, groups->y * z);
      x1 = MAX (x1, (groups->x + groups->width) * z);
      y1 = MAX (y1, (groups->y + groups->height) * z);
    }
  *out = (MwRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* The largest zoom at which the network and its labels fit the area. */
static double
fit_zoom (GArray       *items,
          const MwRect *groups,
          const MwRect *area,
          double        label_h,
          double        gap,
          double        max_zoom)
{
  double lo = 0, hi = max_zoom;
  MwRect e;

  extent_at (items, groups, hi, label_h, gap, &e);
  if (e.width <= area->width && e.height <= area->height)
    return hi;
  for (guint i = 0; i < 40; i++)
    {
      double mid = (lo + hi) / 2;

      extent_at (items, groups, mid, label_h, gap, &e);
      if (e.width <= area->width && e.height <= area->height)
        lo = mid;
      else
        hi = mid;
    }
  return MAX (lo, 1e-6);
}

static gboolean
meets_any (GArray       *boxes,
           const MwRect *box)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const MwRect *b = &g_array_index (boxes, MwRect, i);

      if (_mw_rect_meets (b, box->x, box->y, box->x + box->width, box->y + box->height))
        return TRUE;
    }
  return FALSE;
}

static gboolean
inside (const MwRect *outer,
        const MwRect *box)
{
  return box->x >= outer->x && box->y >= outer->y &&
         box->x + box->width <= outer->x + outer->width &&
         box->y + box->height <= outer->y + outer->height;
}

/* Labels go under their shapes; one that would cover another goes over
 * its shape when there is room. */
static void
place_labels (MwSlide       *self,
              MwRenderer    *renderer,
              GArray        *items,
              MwSlideLayout *layout)
{
  double gap = layout->height * LABEL_GAP_SHARE;

  g_assert (MW_IS_SLIDE (self));

  for (guint i = 0; i < layout->labelled->len; i++)
    {
      guint index = g_array_index (layout->labelled, guint, i);
      const Item *it = &g_array_index (items, Item, index);
      /* Measured as drawn: the test reads the labels' heights from here. */
      g_autoptr(PangoLayout) text = label_layout (renderer, mw_network_get_actor (mw_slide_get_network (self), index),
                                                  layout->label_size, layout->width * LABEL_WIDTH_SHARE);
      double vx, vy, r, w, h;
      MwRect box;

      layout_size (text, &w, &h);

      mw_view_from_model (&layout->view, it->x, it->y, &vx, &vy);
      r = it->r * layout->view.zoom;
      box = (MwRect) { vx - w / 2, vy + r + gap, w, h };
      if (meets_any (layout->labels, &box))
        {
          /* Over the shape, then beside it, wherever no other label is. */
          const MwRect others[] = {
            { vx - w / 2, vy - r - gap - h, w, h },
            { vx + r + gap, vy - h / 2, w, h },
            { vx - r - gap - w, vy - h / 2, w, h },
          };

          for (guint k = 0; k < G_N_ELEMENTS (others); k++)
            if (inside (&layout->diagram, &others[k]) && !meets_any (layout->labels, &others[k]))
              {
                box = others[k];
                break;
              }
        }
      g_array_append_val (layout->labels, box);
      layout->label_px = i == 0 ? h : MIN (layout->label_px, h);
    }
}

/* Where every actor is and how wide its label is: what the fit needs,
 * gathered once for every arrangement tried. */
static GArray *
gather_items (MwSlide       *self,
              MwRenderer    *renderer,
              MwSlideLayout *layout)
{
  MwNetwork *network = mw_slide_get_network (self);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      const MwActor *actor = mw_network_get_actor (network, i);
      Item it = { 0 };

      mw_renderer_get_actor_position (renderer, actor, &it.x, &it.y);
      it.r = mw_renderer_get_actor_radius (renderer, actor);
      g_array_append_val (items, it);
    }
  for (guint i = 0; i < layout->labelled->len; i++)
    {
      guint index = g_array_index (layout->labelled, guint, i);
      g_autoptr(PangoLayout) text = label_layout (renderer, mw_network_get_actor (network, index),
                                                  layout->label_size, layout->width * LABEL_WIDTH_SHARE);

      layout_size (text, &g_array_index (items, Item, index).label_w, NULL);
    }
  return items;
}

/* The zoom and offset that put the network (or the slide's part of it)
 * in the middle of the diagram area, as big as its labels allow. */
static void
place_network (MwSlide       *self,
               MwRenderer    *renderer,
               GArray        *items,
               double         label_h,
               MwSlideLayout *layout)
{
  double gap = layout->height * LABEL_GAP_SHARE, max_r = 1, z;
  MwRect bounds, groups = { 0, 0, -1, -1 }, area, e;

  mw_view_init (&layout->view, layout->width, layout->height);
  layout->view.labels = MW_LABELS_NEVER;
  layout->view.transparent = TRUE;
  if (!mw_renderer_get_bounds (renderer, &bounds))
    return;
  for (guint i = 0; i < items->len; i++)
    max_r = MAX (max_r, g_array_index (items, Item, i).r);
  _mw_renderer_groups_bounds (renderer, &groups);

  if (mw_slide_get_area (self, &area))
    {
      z = MIN (layout->diagram.width / area.width, layout->diagram.height / area.height);
      e = (MwRect) { area.x * z, area.y * z, area.width * z, area.height * z };
    }
  else
    {
      z = fit_zoom (items, &groups, &layout->diagram, label_h, gap, layout->height * MAX_SHAPE_SHARE / max_r);
      extent_at (items, &groups, z, label_h, gap, &e);
    }
  layout->drawing = (MwRect) { layout->diagram.x + (layout->diagram.width - e.width) / 2,
                               layout->diagram.y + (layout->diagram.height - e.height) / 2,
                               e.width, e.height };
  layout->view.zoom = z;
  layout->view.offset_x = (e.x - layout->drawing.x) / z;
  layout->view.offset_y = (e.y - layout->drawing.y) / z;
}

/* ---- the whole slide ------------------------------------------------------ */

static double
legend_min (const Sizes *s)
{
  return s->body / LEGEND_TEXT_SIZE * LEGEND_MIN_SHARE;
}

/* Where the legend goes when it does not fit under the score card. */
typedef enum
{
  LEGEND_BESIDE,       /* a narrow column of its own, beside the card */
  LEGEND_BELOW,        /* under the network */
  LEGEND_SQUEEZED,     /* under the card after all, smaller */
} LegendPlace;

/* What every arrangement tried shares, measured once. */
typedef struct
{
  MwSlide              *slide;
  MwRenderer           *renderer;
  const MwSlideOptions *options;
  Sizes                 s;
  double                top;
  double                bottom;
  double                column;    /* the right column's width */
  double                card_h;
  double                radar_h;   /* the card's radar; 0 for none */
  gboolean              rows;      /* the card's rows of values (else the radar's) */
  double                legend_w;  /* in the legend's own units */
  double                legend_h;
  GArray               *items;     /* Item by actor index */
  double                label_h;
} Stage;

/* Between the card and the legend under it: a margin, half of one in a
 * card without rows, which shares its column with the legend tightly. */
static double
column_gap (const Stage *st)
{
  return st->rows ? st->s.margin : st->s.margin / 2;
}

/* The score card at the top of a column on the right; the legend under
 * it, or where it does not fit there, at @place. */
static void
place_column (const Stage   *st,
              LegendPlace    place,
              MwSlideLayout *layout)
{
  const Sizes *s = &st->s;
  double x = layout->width - s->margin - st->column, y = st->top;

  if (st->options->scores)
    {
      layout->card = (MwRect) { x, st->top, st->column, st->card_h };
      y = st->top + st->card_h + column_gap (st);
    }
  layout->diagram.width = x - s->margin - layout->diagram.x;
  if (st->options->legend)
    {
      /* Legend type between LEGEND_MIN_SHARE of the body size and the body size. */
      double lw = st->legend_w, lh = st->legend_h, k, k_max = s->body / LEGEND_TEXT_SIZE, k_min = legend_min (s);

      k = MIN (k_max, MIN (st->column / lw, (st->bottom - y) / lh));
      if (k < k_min && st->options->scores && place != LEGEND_SQUEEZED)
        {
          k = MAX (k_min, MIN (k_min * 1.15, (st->bottom - st->top) / lh));
          if (place == LEGEND_BELOW)
            {
              x = layout->diagram.x + layout->diagram.width - lw * k;
              y = st->bottom - lh * k;
              layout->diagram.height = MAX (y - s->margin / 2 - layout->diagram.y, 1);
            }
          else
            {
              y = st->top;
              x -= lw * k + s->margin;
              layout->diagram.width = x - s->margin - layout->diagram.x;
            }
        }
      if (k > 0)
        {
          layout->legend_scale = k;
          layout->legend = (MwRect) { x, y, lw * k, lh * k };
        }
    }
}

/* The free area and the network in it, with the legend at @place. */
static void
place_body (const Stage   *st,
            LegendPlace    place,
            MwSlideLayout *layout)
{
  layout->diagram = (MwRect) { st->s.margin, st->top, layout->width - 2 * st->s.margin,
                               MAX (st->bottom - st->top, 1) };
  layout->card = layout->legend = (MwRect) { 0, 0, 0, 0 };
  layout->legend_scale = 0;
  if (st->options->scores || st->options->legend)
    place_column (st, place, layout);
  layout->diagram.width = MAX (layout->diagram.width, 1);
  place_network (st->slide, st->renderer, st->items, st->label_h, layout);
}

/* The legend beside or under the network, whichever leaves the network
 * bigger, unless that shrinks it too much (on a 4:3 stage): then a
 * smaller legend under the card. */
static void
place_all (const Stage   *st,
           MwSlideLayout *layout)
{
  double squeezed, beside, below;

  place_body (st, LEGEND_SQUEEZED, layout);
  /* a legend with no room at all under the card goes beside or below too */
  if (!st->options->legend || st->legend_h <= 0 || layout->card.width == 0 ||
      (layout->legend.width > 0 && layout->legend_scale >= legend_min (&st->s)))
    return;
  squeezed = layout->legend.width > 0 ? layout->view.zoom : 0;
  place_body (st, LEGEND_BESIDE, layout);
  beside = layout->view.zoom;
  place_body (st, LEGEND_BELOW, layout);
  below = layout->view.zoom;
  if (MAX (beside, below) < squeezed * MIN_NETWORK_SHARE)
    place_body (st, LEGEND_SQUEEZED, layout);
  else if (beside >= below)
    place_body (st, LEGEND_BESIDE, layout);
}

/* The card's radar takes the room the column has left under the card once
 * the slide is laid out without it, keeping the legend there at the size it
 * had: none when that is too little. */
static double
radar_height (const Stage         *st,
              const MwSlideLayout *layout)
{
  double h = st->column * RADAR_SHARE, room = st->bottom - st->top - st->card_h;
  const MwRect *legend = &layout->legend;

  if (legend->width > 0 && legend->x >= layout->card.x - 1 && legend->y >= layout->card.y + layout->card.height)
    room -= legend->height + st->s.margin;
  /* The rows lose their bars to the radar, and a gap opens under it. */
  room += (MAX (4, st->s.body / 4) + st->s.body * 0.25) * MW_N_ELEMENTS - st->s.body * 0.6;
  h = MIN (h, room);
  return h >= st->column * RADAR_MIN_SHARE ? h : 0;
}

static double
card_height (const Stage   *st,
             const MwTheme *theme,
             double         radar_h)
{
  return card (st->slide, st->renderer, NULL, mw_slide_get_n_steps (st->slide) - 1,
               &(MwRect) { 0, 0, st->column, 0 }, &st->s, theme, st->options->dark, radar_h, st->rows);
}

/* The radar a card without rows can hold over the legend at its smallest
 * type; 0 when too little. */
static double
radar_height_compact (const Stage   *st,
                      const MwTheme *theme)
{
  double room = st->bottom - st->top - card_height (st, theme, 0) - st->s.body * 0.3;

  if (st->options->legend && st->legend_h > 0)
    room -= st->legend_h * legend_min (&st->s) + column_gap (st);
  room = MIN (st->column * RADAR_SHARE, room);
  return room >= st->column * RADAR_MIN_SHARE ? room : 0;
}

/* The card's radar: in the room left under the card with the legend
 * there; else the card gives up its rows, whose values the radar then
 * shows, so that radar and legend share the column (16:9 stages), as long
 * as the legend keeps its smallest type and the network most of its size. */
static void
place_radar (Stage         *st,
             const MwTheme *theme,
             MwSlideLayout *layout)
{
  MwSlideLayout before = *layout;
  double card_h = st->card_h;

  if ((st->radar_h = radar_height (st, layout)) > 0)
    {
      st->card_h = card_height (st, theme, st->radar_h);
      place_all (st, layout);
      return;
    }
  st->rows = FALSE;
  if ((st->radar_h = radar_height_compact (st, theme)) > 0)
    {
      st->card_h = card_height (st, theme, st->radar_h);
      place_all (st, layout);
      if ((!st->options->legend || st->legend_h <= 0 ||
           (layout->legend.width > 0 && layout->legend_scale >= legend_min (&st->s))) &&
          layout->view.zoom >= before.view.zoom * MIN_NETWORK_SHARE)
        return;
    }
  *layout = before;
  st->card_h = card_h;
  st->radar_h = 0;
  st->rows = TRUE;
}

/* mw_slide_layout(), and the card's radar's height, which only the
 * drawing needs. */
static void
lay_out (MwSlide              *self,
         double                width,
         double                height,
         const MwSlideOptions *options,
         MwSlideLayout        *layout,
         double               *radar_h,
         gboolean             *rows)
{
  const MwTheme *theme;
  g_autoptr(GHashTable) highlighted = NULL;
  g_autoptr(GArray) items = NULL;
  Stage st = { .slide = self, .options = options, .rows = TRUE };

  g_return_if_fail (MW_IS_SLIDE (self));
  g_return_if_fail (options != NULL && layout != NULL);

  st.renderer = mw_slide_get_renderer (self, mw_slide_get_n_steps (self) - 1);
  theme = _mw_theme_get (options->dark);
  memset (layout, 0, sizeof *layout);
  layout->width = MAX (width, 1);
  layout->height = MAX (height, 1);
  layout->labels = g_array_new (FALSE, FALSE, sizeof (MwRect));
  stage_sizes (layout->height, &st.s);

  layout->header = (MwRect) { st.s.margin, st.s.margin, layout->width - 2 * st.s.margin, 0 };
  layout->header.height = header (self, st.renderer, NULL, 0, &layout->header, &st.s, theme);
  st.top = layout->header.y + layout->header.height + st.s.margin / 2;
  /* The footer (which slide, which keys) sits under the bottom margin. */
  st.bottom = layout->height - st.s.margin * 1.5;
  st.column = MIN (layout->width * 0.27, MAX (layout->height * 0.42, layout->width * 0.2));
  if (options->legend)
    mw_renderer_measure_legend (st.renderer, &st.legend_w, &st.legend_h);
  if (options->scores)
    st.card_h = card_height (&st, theme, 0);

  highlighted = id_set (mw_slide_get_highlight (self));
  layout->labelled = choose_labelled (mw_slide_get_network (self), highlighted);
  layout->label_size = label_font_size (st.renderer, layout->height * MW_SLIDE_LABEL_SHARE, &st.label_h);
  items = gather_items (self, st.renderer, layout);
  st.items = items;
  place_all (&st, layout);
  if (options->scores)
    place_radar (&st, theme, layout);
  place_labels (self, st.renderer, items, layout);
  if (st.radar_h > 0)
    layout->radar = (MwRect) { layout->card.x, layout->card.y + st.s.index * 1.35, layout->card.width, st.radar_h };
  if (radar_h != NULL)
    *radar_h = st.radar_h;
  if (rows != NULL)
    *rows = st.rows;
}

/**
 * mw_slide_layout:
 * @width: the stage's size, in the units it is drawn in
 * @layout: (out caller-allocates): where everything goes; free its arrays
 *   with mw_slide_layout_clear()
 *
 * Lays the slide out: the header, the score card and legend in a column
 * on the right, and the network in all the room left, as big as it fits
 * with every label drawn at least MW_SLIDE_LABEL_SHARE of @height tall.
 * The same for every build step, so nothing moves while a build runs.
 */
void
mw_slide_layout (MwSlide              *self,
                 double                width,
                 double                height,
                 const MwSlideOptions *options,
                 MwSlideLayout        *layout)
{
  lay_out (self, width, height, options, layout, NULL, NULL);
}

void
mw_slide_layout_clear (MwSlideLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->labels, g_array_unref);
  g_clear_pointer (&layout->labelled, g_array_unref);
}

static void
draw_labels (MwSlide             *self,
             MwRenderer          *renderer,
             cairo_t             *cr,
             const MwSlideLayout *layout,
             GHashTable          *highlighted,
             const MwTheme       *theme)
{
  MwNetwork *network = mw_slide_get_network (self);
  double pad = layout->label_px * 0.15;

  cairo_new_path (cr);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const MwRect *box = &g_array_index (layout->labels, MwRect, i);

      cairo_rectangle (cr, box->x - pad, box->y, box->width + 2 * pad, box->height);
    }
  _mw_set_source (cr, &theme->halo, 1);
  cairo_fill (cr);

  for (guint i = 0; i < layout->labels->len; i++)
    {
      const MwRect *box = &g_array_index (layout->labels, MwRect, i);
      const MwActor *actor = mw_network_get_actor (network, g_array_index (layout->labelled, guint, i));
      g_autoptr(PangoLayout) text = label_layout (renderer, actor, layout->label_size,
                                                  layout->width * LABEL_WIDTH_SHARE);
      MwColor ink = theme->text;

      if (g_hash_table_size (highlighted) > 0 && !g_hash_table_contains (highlighted, actor->id))
        ink.alpha = MW_DIM_ALPHA + 0.2;
      _mw_renderer_show_layout (renderer, cr, text, actor->label, box->x, box->y, &ink);
    }
}

/* The highlighted actors and ties of the step's network, by pointer. */
static void
highlight_sets (MwNetwork  *network,
                GHashTable *ids,
                GHashTable *actors,
                GHashTable *ties)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    if (g_hash_table_contains (ids, mw_network_get_actor (network, i)->id))
      g_hash_table_add (actors, mw_network_get_actor (network, i));
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    if (g_hash_table_contains (ids, mw_network_get_tie (network, i)->id))
      g_hash_table_add (ties, mw_network_get_tie (network, i));
}

/**
 * mw_slide_draw:
 * @cr: where to draw; the stage is (0, 0, @width, @height) in its user units
 * @step: the build step, 0 … mw_slide_get_n_steps() - 1
 *
 * Draws the slide as mw_slide_layout() lays it out.
 */
void
mw_slide_draw (MwSlide              *self,
               cairo_t              *cr,
               guint                 step,
               double                width,
               double                height,
               const MwSlideOptions *options)
{
  const MwTheme *theme;
  MwRenderer *renderer, *whole;
  MwSlideLayout layout;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) actors = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ties = g_hash_table_new (NULL, NULL);
  MwView view;
  Sizes s;
  double radar_h = 0;
  gboolean rows = TRUE;

  g_return_if_fail (MW_IS_SLIDE (self));
  g_return_if_fail (cr != NULL && options != NULL);

  theme = _mw_theme_get (options->dark);
  renderer = mw_slide_get_renderer (self, step);
  whole = mw_slide_get_renderer (self, mw_slide_get_n_steps (self) - 1);
  lay_out (self, width, height, options, &layout, &radar_h, &rows);
  stage_sizes (layout.height, &s);
  ids = id_set (mw_slide_get_highlight (self));
  highlight_sets (mw_slide_get_step_network (self, step), ids, actors, ties);

  cairo_save (cr);
  if (options->background)
    {
      _mw_set_source (cr, &theme->background, 1);
      cairo_paint (cr);
    }
  view = layout.view;
  view.dark = options->dark;
  view.scale = options->scale > 0 ? options->scale : 1;
  view.highlighted_actors = actors;
  view.highlighted_ties = ties;
  view.dim_others = g_hash_table_size (actors) + g_hash_table_size (ties) > 0;
  mw_renderer_draw (renderer, cr, &view);
  draw_labels (self, whole, cr, &layout, ids, theme);

  header (self, whole, cr, step, &layout.header, &s, theme);
  if (layout.card.width > 0)
    card (self, whole, cr, step, &layout.card, &s, theme, options->dark, radar_h, rows);
  if (layout.legend.width > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, layout.legend.x, layout.legend.y);
      cairo_scale (cr, layout.legend_scale, layout.legend_scale);
      mw_renderer_draw_legend (whole, cr, 0, 0, options->dark);
      cairo_restore (cr);
    }
  cairo_restore (cr);
  mw_slide_layout_clear (&layout);
}
