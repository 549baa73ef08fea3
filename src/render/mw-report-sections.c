/* mw-report-sections.c: the report's sections, one function each
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-compare.h"
#include "mw-label.h"
#include "mw-render-radar.h"
#include "mw-renderer-private.h"
#include "mw-report-private.h"
#include "mw-score-texts.h"
#include "mw-scorer-suggest.h"
#include "mw-slide.h"

/* Past this many, a list of people ends in "and N more". */
#define MAX_NAMED 12

static char *
format_score (MwScores  *scores,
              MwElement  element)
{
  if (!mw_scores_is_measurable (scores, element))
    return g_strdup (_("Not measurable"));
  return g_strdup_printf ("%.0f", mw_scores_get_score (scores, element));
}

static char *
format_index (MwScores *scores)
{
  if (mw_scores_get_n_measurable (scores) == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f", mw_scores_get_index (scores));
}

/* "Person 1, Person 4 and 3 more" */
static char *
dup_people (MwNetwork          *network,
            const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = ids != NULL ? g_strv_length ((GStrv)ids) : 0;

  for (guint i = 0; i < n && i < MAX_NAMED; i++)
    {
      MwActor *actor = mw_network_lookup_actor (network, ids[i]);
      g_autofree char *name = actor != NULL ? mw_network_dup_actor_display_label (network, actor)
                                            : g_strdup (ids[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
    }
  if (n > MAX_NAMED)
    /* Translators: after a list of names, "Ann Lee, Raj Patel and 12 more" */
    g_string_append_printf (text, ngettext (" and %u more", " and %u more", n - MAX_NAMED), n - MAX_NAMED);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- cover ---------------------------------------------------------------- */

void
_mw_report_cover (MwReportWriter *w,
                  MwReportData   *data)
{
  g_autofree char *index = format_index (data->current);
  g_autofree char *index_line = NULL;
  g_autofree char *size = NULL;

  _mw_report_new_page (w);
  w->y = w->height * 0.28;
  _mw_report_text (w, _("Distributed Leadership Report"), MW_REPORT_SUBHEADING);
  _mw_report_text (w, data->title, MW_REPORT_TITLE);
  if (data->organisation != NULL)
    _mw_report_text (w, data->organisation, MW_REPORT_HEADING);
  _mw_report_text (w, data->date, MW_REPORT_BODY);
  _mw_report_space (w, 24);
  _mw_report_rule (w);
  _mw_report_space (w, 8);

  /* Translators: the index on a report's cover, "Distributed leadership index: 58 of 100 (from 4 of 5 elements)" */
  index_line = g_strdup_printf (_("Distributed leadership index: %s of 100 (from %u of 5 elements)"),
                                index, mw_scores_get_n_measurable (data->current));
  _mw_report_text (w, index_line, MW_REPORT_BODY_BOLD);
  /* Translators: the size of a network on a report's cover */
  size = g_strdup_printf (_("%u actors, %u ties"), mw_network_get_n_actors (data->network),
                          mw_network_get_n_ties (data->network));
  _mw_report_text (w, size, MW_REPORT_BODY);
  if (data->anonymised)
    _mw_report_text (w, _("Anonymised: people are named by their role, or numbered."), MW_REPORT_SMALL);
  w->y = w->height - w->margin - 30;
  _mw_report_text (w, _("Made with Meshwork. The method and its limits are described in the appendix."),
                   MW_REPORT_SMALL);
}

/* ---- the network ---------------------------------------------------------- */

/* Where the renderer's labels would be drawn smaller than this, only the key
 * people are named, at KEY_LABEL_SIZE; the rest are too small to read. */
#define MIN_LABEL_SIZE   6.0
#define KEY_LABEL_SIZE   7.5
/* The renderer's text grows this far to keep every name legible: actors'
 * to GROWN_LABEL_SIZE, units' (9.5 of 10) just over MIN_LABEL_SIZE. */
#define MAX_TEXT_SCALE   2.5
#define GROWN_LABEL_SIZE 6.6
#define KEY_LABEL_WIDTH  110.0  /* longer names end in "…" */
/* Under the drawing: the caption that says who is named. */
#define CAPTION_ROOM     30.0
/* Past this many, the key people are listed under the drawing, which sums
 * the actors up as their groups' map when they shrink to specks. */
#define LISTED_ABOVE     300
#define CAPTION_ROOM_LISTED 80.0
/* MW_LABELS_AUTO draws labels from this size (mw-renderer.h). */
#define RENDERER_AUTO_LABEL_SIZE 5.0

typedef struct
{
  MwRenderer *renderer;
  MwNetwork  *network;
  MwView      view;
  double      x, y;          /* the drawing's top left on the page */
  GArray     *boxes;         /* MwRect: the labels placed, on the page */
} KeyLabels;

static PangoLayout *
key_label_layout (KeyLabels     *k,
                  const MwActor *actor)
{
  g_autofree char *name = mw_network_dup_actor_display_label (k->network, (MwActor *)actor);
  PangoLayout *layout;

  g_strdelimit (name, "\r\n\t", ' ');
  layout = _mw_renderer_create_layout (k->renderer, name, KEY_LABEL_SIZE, FALSE);
  pango_layout_set_width (layout, (int)(KEY_LABEL_WIDTH * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static gboolean
box_is_free (KeyLabels    *k,
             const MwRect *box)
{
  if (box->x < k->x || box->y < k->y || box->x + box->width > k->x + k->view.width ||
      box->y + box->height > k->y + k->view.height)
    return FALSE;
  for (guint i = 0; i < k->boxes->len; i++)
    {
      const MwRect *b = &g_array_index (k->boxes, MwRect, i);

      if (box->x < b->x + b->width + 2 && b->x < box->x + box->width + 2 &&
          box->y < b->y + b->height && b->y < box->y + box->height)
        return FALSE;
    }
  return TRUE;
}

/* A key person's name under their shape, else over it, where it meets no
 * other; FALSE when it fits neither (the next person is tried instead). */
static gboolean
place_key_label (KeyLabels     *k,
                 const MwActor *actor,
                 PangoLayout   *layout,
                 MwRect        *box)
{
  double mx, my, vx, vy, r, w, h;
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  w = logical.width / (double)PANGO_SCALE;
  h = logical.height / (double)PANGO_SCALE;
  mw_renderer_get_actor_position (k->renderer, actor, &mx, &my);
  mw_view_from_model (&k->view, mx, my, &vx, &vy);
  vx += k->x;
  vy += k->y;
  r = mw_renderer_get_actor_radius (k->renderer, actor) * k->view.zoom + 1.5;
  /* at the drawing's edge a name slides inwards */
  *box = (MwRect) { CLAMP (vx - w / 2, k->x, k->x + k->view.width - w), vy + r, w, h };
  if (box_is_free (k, box))
    return TRUE;
  box->y = vy - r - h;
  return box_is_free (k, box);
}

/* Names the key people (mw_slide_rank_people()), best first, as many as
 * find room up to MW_SLIDE_KEY_PEOPLE; each on a halo, with a dot where the
 * drawing shows the person too small to see (or only their group's map). */
static void
draw_key_labels (KeyLabels             *k,
                 cairo_t               *cr,
                 MwReportNetworkLayout *out)
{
  g_autoptr(GArray) ranked = mw_slide_rank_people (k->network, NULL);
  const MwColor ink = { 0.12, 0.12, 0.14, 1 };

  for (guint i = 0; i < ranked->len && k->boxes->len < MW_SLIDE_KEY_PEOPLE; i++)
    {
      const MwActor *actor = mw_network_get_actor (k->network, g_array_index (ranked, guint, i));
      g_autoptr(PangoLayout) layout = key_label_layout (k, actor);
      double mx, my, vx, vy;
      MwRect box;

      if (!place_key_label (k, actor, layout, &box))
        continue;
      g_array_append_val (k->boxes, box);
      mw_renderer_get_actor_position (k->renderer, actor, &mx, &my);
      mw_view_from_model (&k->view, mx, my, &vx, &vy);
      cairo_save (cr);
      if (mw_renderer_get_actor_radius (k->renderer, actor) * k->view.zoom < 1.5)
        {
          cairo_new_path (cr);
          cairo_arc (cr, k->x + vx, k->y + vy, 1.8, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, ink.red, ink.green, ink.blue);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, box.x - 1.5, box.y, box.width + 3, box.height);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_fill (cr);
      _mw_renderer_show_layout (k->renderer, cr, layout, pango_layout_get_text (layout), box.x, box.y, &ink);
      cairo_restore (cr);
      if (out != NULL)
        g_ptr_array_add (out->names, g_strdup (pango_layout_get_text (layout)));
    }
}

/* The zoom at which @bounds fill a box, with mw_view_fit()'s margin. */
static double
fit_zoom (const MwRect *bounds,
          double        width,
          double        height)
{
  return MIN ((width - 12) / MAX (bounds->width, 1), (height - 12) / MAX (bounds->height, 1));
}

/* The renderer's labels at the drawing's zoom, in points: its labels are
 * MW_LABEL_FONT_SIZE times its text scale in the model and scale with the
 * zoom. */
static double
renderer_label_size (const MwView *view,
                     double        text_scale)
{
  return MW_LABEL_FONT_SIZE * text_scale * view->zoom;
}

/* Grows the renderer's text (names of actors, units and organisations
 * alike) up to MAX_TEXT_SCALE so that a drawing made small by the page
 * keeps every name at MIN_LABEL_SIZE; bigger names take room, so the
 * drawing is fitted again. Returns the scale (1 when none is needed). */
static double
grow_text (MwRenderer *renderer,
           MwView     *view,
           double      fit_height,
           MwRect     *bounds)
{
  double scale = 1;

  for (guint round = 0; round < 3 && renderer_label_size (view, scale) < MIN_LABEL_SIZE; round++)
    {
      double want = scale * GROWN_LABEL_SIZE / renderer_label_size (view, scale);

      if (want > MAX_TEXT_SCALE)
        break;
      scale = want;
      mw_renderer_set_text_scale (renderer, scale);
      if (!mw_renderer_get_bounds (renderer, bounds))
        break;
      view->height = fit_height;
      mw_view_fit (view, bounds, 6);
    }
  return scale;
}

/* A large organisation's key people, named under its map: the drawing
 * shows their groups, not them. */
static void
list_key_people (MwReportWriter        *w,
                 MwNetwork             *network,
                 MwReportNetworkLayout *out)
{
  g_autoptr(GArray) ranked = mw_slide_rank_people (network, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n = MIN (ranked->len, MW_SLIDE_KEY_PEOPLE);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, g_array_index (ranked, guint, i));
      g_autofree char *name = mw_network_dup_actor_display_label (network, actor);

      g_strdelimit (name, "\r\n\t", ' ');
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
      if (out != NULL)
        g_ptr_array_add (out->names, g_steal_pointer (&name));
    }
  /* Translators: under a large network's map in a report; %u is the number of actors, %s a list of names */
  text = g_strdup_printf (_("%u actors are too many to name on one page: the drawing sums them up as their groups, "
                            "each sized by its people, with the ties between them. Key people: %s."),
                          mw_network_get_n_actors (network), names->str);
  _mw_report_text (w, text, MW_REPORT_SMALL);
}

static void
network_caption (MwReportWriter *w,
                 MwNetwork      *network,
                 guint           n_named)
{
  guint n = mw_network_get_n_actors (network);
  g_autofree char *text = NULL;

  if (n_named >= n)
    return;
  /* Translators: under the network in a report, when only some names fit;
   * "Names are shown for 24 key people of 2000: the others would be too small to read." */
  text = g_strdup_printf (ngettext ("Names are shown for %u key person of %u: the others would be too small to "
                                    "read. The score sections below name the people behind each element.",
                                    "Names are shown for %u key people of %u: the others would be too small to "
                                    "read. The score sections below name the people behind each element.",
                                    n_named), n_named, n);
  _mw_report_text (w, text, MW_REPORT_SMALL);
}

/* The network page: turned sideways when the drawing is wide, the drawing
 * as large as the page allows with its legend beside or under it. Every
 * name is drawn when the renderer's labels are at least MIN_LABEL_SIZE at
 * that size; else only the key people's, and a caption says so. A large
 * organisation's actors shrink into its groups' map, as on the canvas. */
void
_mw_report_network_page (MwReportWriter        *w,
                         MwNetwork             *network,
                         MwReportNetworkLayout *out)
{
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  double legend_w = 0, legend_h = 0, box_w, box_h, top, text_scale;
  gboolean landscape, beside, all_labels, listed;
  KeyLabels keys = { .renderer = renderer, .network = network };
  MwRect bounds;
  MwView view;

  if (!mw_renderer_get_bounds (renderer, &bounds))
    bounds = (MwRect) { 0, 0, 120, 60 };
  /* a wide organisation gets a page turned sideways, its legend beside it */
  landscape = bounds.width > 1.3 * bounds.height;
  _mw_report_new_page_turned (w, landscape);
  _mw_report_text (w, _("The Network"), MW_REPORT_HEADING);
  _mw_report_space (w, 8);
  mw_renderer_measure_legend (renderer, &legend_w, &legend_h);
  /* the legend beside the drawing or under it, whichever leaves it bigger */
  box_h = _mw_report_room (w) - (mw_network_get_n_actors (network) > LISTED_ABOVE ? CAPTION_ROOM_LISTED : CAPTION_ROOM);
  beside = legend_h > 0 &&
           fit_zoom (&bounds, _mw_report_content_width (w) - legend_w - 24, box_h) >
           fit_zoom (&bounds, _mw_report_content_width (w), box_h - legend_h - 24);
  box_w = _mw_report_content_width (w) - (beside ? legend_w + 24 : 0);
  box_h -= legend_h > 0 && !beside ? legend_h + 24 : 0;

  /* only as tall as the drawing fitted to the width is, so the legend
   * follows it rather than the foot of the page; with room over and under
   * it for the key people's names when the others' are too small */
  mw_view_init (&view, box_w, MAX (box_h, 100));
  mw_view_fit (&view, &bounds, 6);
  text_scale = grow_text (renderer, &view, MAX (box_h, 100), &bounds);
  all_labels = renderer_label_size (&view, text_scale) >= MIN_LABEL_SIZE;
  listed = !all_labels && mw_network_get_n_actors (network) > LISTED_ABOVE;
  view.height = MIN (view.height, bounds.height * view.zoom + 12 + (all_labels || listed ? 0 : 4 * KEY_LABEL_SIZE));
  mw_view_fit (&view, &bounds, 6);
  /* the level of detail (labels only from 5 px) draws the groups' map
   * with its names when the actors are specks, and no name under 6 pt */
  view.labels = all_labels ? MW_LABELS_ALWAYS
              : renderer_label_size (&view, text_scale) < RENDERER_AUTO_LABEL_SIZE ? MW_LABELS_AUTO : MW_LABELS_NEVER;
  view.transparent = TRUE;
  top = w->y;
  cairo_save (w->cr);
  cairo_rectangle (w->cr, w->margin, top, view.width, view.height);
  cairo_clip (w->cr);
  cairo_translate (w->cr, w->margin, top);
  mw_renderer_draw (renderer, w->cr, &view);
  cairo_restore (w->cr);

  if (out != NULL)
    {
      out->landscape = landscape;
      out->page_width = w->width;
      out->page_height = w->height;
      out->drawing = (MwRect) { w->margin, top, view.width, view.height };
      out->all_labels = all_labels;
      out->label_size = all_labels ? renderer_label_size (&view, text_scale) : KEY_LABEL_SIZE;
      for (guint i = 0; all_labels && i < mw_network_get_n_actors (network); i++)
        g_ptr_array_add (out->names, mw_network_dup_actor_display_label (network, mw_network_get_actor (network, i)));
    }
  keys.view = view;
  keys.x = w->margin;
  keys.y = top;
  keys.boxes = g_array_new (FALSE, FALSE, sizeof (MwRect));
  if (!all_labels && !listed)
    draw_key_labels (&keys, w->cr, out);

  w->y += view.height + 8;
  if (listed)
    list_key_people (w, network, out);
  else
    network_caption (w, network, all_labels ? mw_network_get_n_actors (network) : keys.boxes->len);
  g_array_unref (keys.boxes);
  w->y += 16;
  if (beside)
    mw_renderer_draw_legend (renderer, w->cr, w->width - w->margin - legend_w, top, FALSE);
  else if (legend_h > 0)
    mw_renderer_draw_legend (renderer, w->cr, w->margin, w->y, FALSE);
}

void
_mw_report_network (MwReportWriter *w,
                    MwReportData   *data)
{
  _mw_report_network_page (w, data->network, NULL);
}

/* ---- the radar ------------------------------------------------------------ */

static void
context_line (MwReportWriter *w,
              MwReportData   *data)
{
  MwScoreContext context = mw_scores_get_context (data->current);
  g_autofree char *text = NULL;

  if (context == MW_SCORE_CONTEXT_UNDETERMINED)
    return;
  /* the score panel's sentence */
  text = g_strdup_printf (_("Closest context: %s (%.0f%% confident)"), mw_score_context_get_title (context),
                          100 * mw_scores_get_context_confidence (data->current));
  _mw_report_text (w, text, MW_REPORT_BODY_BOLD);
  _mw_report_text (w, mw_scores_get_context_reason (data->current), MW_REPORT_SMALL);
  _mw_report_space (w, 8);
}

void
_mw_report_radar (MwReportWriter *w,
                  MwReportData   *data)
{
  MwRadarSeries series[2] = {
    /* Translators: the network reported on, in the radar chart's key */
    { data->current, _("Now") },
    { data->baseline_scores, data->baseline_title },
  };
  double size;

  _mw_report_new_page (w);
  _mw_report_text (w, _("The Five Elements"), MW_REPORT_HEADING);
  _mw_report_text (w, _("Each element from 0 at the centre to 100 at the rim; an element that is not "
                        "measurable is marked as such, not drawn as zero."), MW_REPORT_BODY);
  _mw_report_space (w, 12);
  size = MIN (_mw_report_content_width (w) * 0.8, _mw_report_room (w) - 300);
  mw_render_radar (w->cr, series, data->baseline_scores != NULL ? 2 : 1,
                   w->margin, w->y, _mw_report_content_width (w), size, FALSE);
  w->y += size + 16;
  context_line (w, data);

  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_autofree char *value = format_score (data->current, e);
      const char *cells[] = { mw_element_get_title (e), value };
      const double widths[] = { 0.7, 0.3 };

      _mw_report_table_row (w, cells, widths, 2, FALSE);
    }
  {
    g_autofree char *value = format_index (data->current);
    const char *cells[] = { _("Index"), value };
    const double widths[] = { 0.7, 0.3 };

    _mw_report_rule (w);
    _mw_report_table_row (w, cells, widths, 2, TRUE);
  }
}

/* ---- each element --------------------------------------------------------- */

static void
element_section (MwReportWriter *w,
                 MwReportData   *data,
                 MwElement       element)
{
  const MwEvidence *evidence = mw_scores_get_evidence (data->current, element);
  GPtrArray *factors = mw_scores_get_factors (data->current, element);
  g_autofree char *value = NULL;

  _mw_report_space (w, 10);
  _mw_report_text (w, mw_element_get_title (element), MW_REPORT_SUBHEADING);
  _mw_report_text (w, mw_element_get_meaning (element), MW_REPORT_BODY);
  if (mw_scores_is_measurable (data->current, element))
    /* Translators: an element's score in a report, "Score: 64 of 100" */
    value = g_strdup_printf (_("Score: %.0f of 100"), mw_scores_get_score (data->current, element));
  else
    value = g_strdup (_("Not measurable"));
  _mw_report_text (w, value, MW_REPORT_BODY_BOLD);
  if (evidence->reason != NULL && evidence->reason[0] != '\0')
    _mw_report_text (w, evidence->reason, MW_REPORT_SMALL);

  for (guint i = 0; factors != NULL && i < factors->len; i++)
    {
      const MwFactor *factor = factors->pdata[i];
      g_autofree char *line = g_strdup_printf ("•  %s", factor->text);

      /* the not-measurable element's one factor is its reason, said above */
      if (!mw_scores_is_measurable (data->current, element))
        break;
      _mw_report_ensure (w, 44);
      _mw_report_text (w, line, MW_REPORT_BODY);
      if (factor->actor_ids != NULL && factor->actor_ids[0] != NULL)
        {
          g_autofree char *people = dup_people (data->network, (const char * const *)factor->actor_ids);
          /* Translators: the people behind an explanation, "People: Ann Lee, Raj Patel" */
          g_autofree char *text = g_strdup_printf (_("People: %s"), people);

          _mw_report_text (w, text, MW_REPORT_SMALL);
        }
    }
}

void
_mw_report_elements (MwReportWriter *w,
                     MwReportData   *data)
{
  _mw_report_new_page (w);
  _mw_report_text (w, _("Each Element and What Explains It"), MW_REPORT_HEADING);
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    element_section (w, data, e);
}

/* ---- suggestions ---------------------------------------------------------- */

void
_mw_report_suggestions (MwReportWriter *w,
                        MwReportData   *data)
{
  _mw_report_space (w, 18);
  _mw_report_text (w, _("Suggestions"), MW_REPORT_HEADING);
  if (data->suggestions == NULL || data->suggestions->len == 0)
    {
      _mw_report_text (w, _("No single tie would raise a measurable element."), MW_REPORT_BODY);
      return;
    }
  _mw_report_text (w, _("Ties that would raise the weakest elements most, each measured by scoring the "
                        "network with the tie added."), MW_REPORT_BODY);
  for (guint i = 0; i < data->suggestions->len; i++)
    {
      const MwSuggestion *s = data->suggestions->pdata[i];
      int digits = s->gain < 1 ? 2 : 1;
      g_autofree char *line = g_strdup_printf ("%u.  %s", i + 1, s->text);
      /* Translators: a suggestion's measured effect in a report, "+6.0 Multi-directional influence, index +1.2" */
      g_autofree char *gain = g_strdup_printf (_("+%.*f %s, index %+.*f"), digits, s->gain,
                                               mw_element_get_title (s->element), digits, s->index_gain);

      /* a suggestion and its gain on one page */
      _mw_report_ensure (w, 40);
      _mw_report_text (w, line, MW_REPORT_BODY);
      _mw_report_text (w, gain, MW_REPORT_SMALL);
    }
}

/* ---- the baseline --------------------------------------------------------- */

static void
score_change_row (MwReportWriter *w,
                  const char     *name,
                  gboolean        then_ok,
                  double          then,
                  gboolean        now_ok,
                  double          now)
{
  static const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  g_autofree char *a = then_ok ? g_strdup_printf ("%.0f", then) : g_strdup ("—");
  g_autofree char *b = now_ok ? g_strdup_printf ("%.0f", now) : g_strdup ("—");
  g_autofree char *d = then_ok && now_ok ? g_strdup_printf ("%+.0f", now - then) : g_strdup ("—");
  const char *cells[] = { name, a, b, d };

  _mw_report_table_row (w, cells, widths, 4, FALSE);
}

static void
changes_line (MwReportWriter     *w,
              MwNetwork          *network,
              const char         *format,
              const char * const *ids)
{
  guint n = ids != NULL ? g_strv_length ((GStrv)ids) : 0;
  g_autofree char *people = NULL;
  g_autofree char *text = NULL;

  if (n == 0)
    return;
  people = dup_people (network, ids);
  text = g_strdup_printf (format, n, people);
  _mw_report_text (w, text, MW_REPORT_BODY);
}

void
_mw_report_comparison (MwReportWriter *w,
                       MwReportData   *data)
{
  static const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  g_autoptr(MwComparison) comparison = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *ties = NULL;
  const char *header[] = { _("Element"), data->baseline_title, _("Now"), _("Change") };

  if (data->baseline == NULL)
    return;
  _mw_report_new_page (w);
  /* Translators: a report's heading, "Compared with Spring 2026" */
  heading = g_strdup_printf (_("Compared with %s"), data->baseline_title);
  _mw_report_text (w, heading, MW_REPORT_HEADING);
  _mw_report_table_row (w, header, widths, 4, TRUE);
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    score_change_row (w, mw_element_get_title (e),
                      mw_scores_is_measurable (data->baseline_scores, e), mw_scores_get_score (data->baseline_scores, e),
                      mw_scores_is_measurable (data->current, e), mw_scores_get_score (data->current, e));
  score_change_row (w, _("Index"), mw_scores_get_n_measurable (data->baseline_scores) > 0,
                    mw_scores_get_index (data->baseline_scores), mw_scores_get_n_measurable (data->current) > 0,
                    mw_scores_get_index (data->current));
  if (mw_scores_get_n_measurable (data->baseline_scores) != mw_scores_get_n_measurable (data->current))
    _mw_report_text (w, _("The two indices rest on different elements: compare them with care."), MW_REPORT_SMALL);

  _mw_report_space (w, 12);
  _mw_report_text (w, _("What Changed"), MW_REPORT_SUBHEADING);
  comparison = mw_comparison_compute (data->network, data->baseline);
  if (mw_comparison_is_empty (comparison))
    {
      _mw_report_text (w, _("The two networks have the same actors and ties."), MW_REPORT_BODY);
      return;
    }
  /* Translators: in a report's comparison, "3 people joined: Ann Lee, Raj Patel, Person 4" */
  changes_line (w, data->network, _("Joined (%u): %s"), (const char * const *)comparison->only_actor_ids[MW_COMPARE_THIS]);
  /* Translators: in a report's comparison, "Left (2): Ann Lee, Raj Patel" */
  changes_line (w, data->baseline, _("Left (%u): %s"), (const char * const *)comparison->only_actor_ids[MW_COMPARE_OTHER]);
  /* Translators: in a report's comparison, "Ties gained: 4, lost: 2, changed type: 1" */
  ties = g_strdup_printf (_("Ties gained: %u, lost: %u, changed type: %u"),
                          g_strv_length (comparison->only_tie_ids[MW_COMPARE_THIS]),
                          g_strv_length (comparison->only_tie_ids[MW_COMPARE_OTHER]),
                          g_strv_length (comparison->retyped_tie_ids[MW_COMPARE_THIS]));
  _mw_report_text (w, ties, MW_REPORT_BODY);
}

/* ---- over time ------------------------------------------------------------ */

void
_mw_report_over_time (MwReportWriter *w,
                      MwReportData   *data)
{
  static const double widths[] = { 0.2, 0.08, 0.144, 0.144, 0.144, 0.144, 0.144 };
  const char *header[7];

  if (data->n_snapshots < 2)
    return;
  /* seven columns: a page turned sideways keeps the headers' words whole at body size */
  _mw_report_new_page_turned (w, TRUE);
  _mw_report_text (w, _("Over Time"), MW_REPORT_HEADING);
  _mw_report_text (w, _("Each snapshot’s index and elements, oldest first; “—” is not measurable."),
                   MW_REPORT_BODY);
  _mw_report_space (w, 6);
  header[0] = _("Snapshot");
  header[1] = _("Index");
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    header[2 + e] = mw_element_get_title (e);
  _mw_report_table_row (w, header, widths, 7, TRUE);

  for (guint i = 0; i < data->n_snapshots; i++)
    {
      MwScores *scores = data->scores[i];
      g_autofree char *name = data->snapshots[i].date != NULL && data->snapshots[i].title != NULL
        ? g_strdup_printf ("%s\n%s", data->snapshots[i].title, data->snapshots[i].date)
        : g_strdup (data->snapshots[i].title);
      char *values[MW_N_ELEMENTS + 1];
      const char *cells[7];

      values[0] = format_index (scores);
      for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
        values[1 + e] = mw_scores_is_measurable (scores, e) ? format_score (scores, e) : g_strdup ("—");
      cells[0] = name;
      for (guint c = 0; c <= MW_N_ELEMENTS; c++)
        cells[1 + c] = values[c];
      _mw_report_table_row (w, cells, widths, 7, FALSE);
      for (guint c = 0; c <= MW_N_ELEMENTS; c++)
        g_free (values[c]);
    }
}

/* ---- method --------------------------------------------------------------- */

void
_mw_report_method (MwReportWriter *w)
{
  MwMethodSection section;

  _mw_report_new_page (w);
  _mw_report_text (w, _("Appendix: Method and Limits"), MW_REPORT_HEADING);
  for (guint i = 0; mw_scoring_method_section (i, &section); i++)
    {
      _mw_report_space (w, 6);
      _mw_report_text (w, section.heading, MW_REPORT_SUBHEADING);
      _mw_report_text (w, section.text, MW_REPORT_BODY);
    }
}
