/* test-slide.c: slides laid out for a projector, their builds, the user's
 * own slides in the file and Export Slides
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mw-dot.h"
#include "mw-export-slides.h"
#include "mw-format.h"
#include "mw-slide.h"
#include "mw-templates.h"
#include "mw-test-core.h"

/* The seed of the start page's New cards (MW_START_SEED): the context
 * slides are those networks. */
#define START_SEED 1

static const struct { double width, height; } stages[] = {
  { 1366, 768 },
  { 1920, 1080 },
};

static GPtrArray *
context_slides (gboolean builds)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < MW_N_RESEARCH_CONTEXTS; i++)
    {
      const char *name = mw_score_context_to_string (i);
      const MwTemplate *context = mw_template_lookup (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) network = NULL;
      MwSlide *slide;

      /* as the presentation does: contexts without a template have no slide */
      if (context == NULL)
        continue;
      network = mw_template_build (name, MW_TEMPLATE_DEFAULT_SIZE, START_SEED, &error);
      g_assert_no_error (error);
      slide = mw_slide_new (network, context->title, context->caption);
      mw_slide_set_builds (slide, builds);
      g_ptr_array_add (slides, slide);
    }
  return slides;
}

static MwNetwork *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

static gboolean
rects_meet (const MwRect *a,
            const MwRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Checks one layout from its geometry; returns the smallest label, px. */
static double
check_layout (MwSlide              *slide,
              double                width,
              double                height,
              const MwSlideOptions *options)
{
  MwNetwork *network = mw_slide_get_network (slide);
  guint n = mw_network_get_n_actors (network);
  MwSlideLayout layout;
  double smallest = G_MAXDOUBLE;

  mw_slide_layout (slide, width, height, options, &layout);
  g_assert_cmpuint (layout.labels->len, ==, layout.labelled->len);
  if (n <= MW_SLIDE_ALL_LABELS)
    g_assert_cmpuint (layout.labels->len, ==, n);
  else
    g_assert_cmpuint (layout.labels->len, ==, MW_SLIDE_KEY_PEOPLE);
  for (guint i = 0; i < layout.labels->len; i++)
    {
      const MwRect *box = &g_array_index (layout.labels, MwRect, i);

      g_assert_cmpfloat (box->height, >=, MW_SLIDE_LABEL_SHARE * height);
      smallest = MIN (smallest, box->height);
    }
  g_assert_cmpfloat (fabs (smallest - layout.label_px), <, 0.01);

  /* The diagram takes the room the header and the column leave… */
  g_assert_false (rects_meet (&layout.diagram, &layout.header));
  if (layout.card.width > 0)
    g_assert_false (rects_meet (&layout.diagram, &layout.card));
  if (layout.legend.width > 0)
    g_assert_false (rects_meet (&layout.diagram, &layout.legend));
  /* … and the network fills it, across or down. */
  g_assert_cmpfloat (layout.drawing.x, >=, layout.diagram.x - 0.5);
  g_assert_cmpfloat (layout.drawing.y, >=, layout.diagram.y - 0.5);
  g_assert_cmpfloat (layout.drawing.width, <=, layout.diagram.width + 1);
  g_assert_cmpfloat (layout.drawing.height, <=, layout.diagram.height + 1);
  g_assert_true (layout.drawing.width >= 0.98 * layout.diagram.width ||
                 layout.drawing.height >= 0.98 * layout.diagram.height);
  mw_slide_layout_clear (&layout);
  return smallest;
}

/* MESHWORK_SLIDE_PNGS=DIR writes each slide as the projector shows it,
 * to look at (never committed). */
static void
maybe_write_png (MwSlide              *slide,
                 guint                 index,
                 double                width,
                 double                height,
                 const MwSlideOptions *options)
{
  const char *dir = g_getenv ("MESHWORK_SLIDE_PNGS");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  MwSlideOptions png = *options;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (dir == NULL)
    return;
  png.background = TRUE;
  name = g_strdup_printf ("slide%u-%.0fx%.0f-%s%s.png", index, width, height, options->dark ? "dark" : "light",
                          options->scores ? "" : "-bare");
  path = g_build_filename (dir, name, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  cr = cairo_create (surface);
  mw_slide_draw (slide, cr, mw_slide_get_n_steps (slide) - 1, width, height, &png);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
print_share (MwSlide              *slide,
             double                width,
             double                height,
             const MwSlideOptions *options)
{
  MwSlideLayout layout;

  mw_slide_layout (slide, width, height, options, &layout);
  g_test_message ("    the network covers %.0f %% of the stage (its free area: %.0f %%)",
                  100 * layout.drawing.width * layout.drawing.height / (width * height),
                  100 * layout.diagram.width * layout.diagram.height / (width * height));
  mw_slide_layout_clear (&layout);
}

/* Every slide at both projector sizes, with and without the column:
 * labels at least 2 % of the stage's height. */
static void
test_slide_labels (void)
{
  g_autoptr(GPtrArray) slides = context_slides (TRUE);
  g_autoptr(MwNetwork) example = load_example ();
  const MwSlideOptions variants[] = {
    { .scores = TRUE, .legend = TRUE },
    { .scores = FALSE, .legend = FALSE, .dark = TRUE },
    { .scores = TRUE, .legend = TRUE, .dark = TRUE },
  };

  g_ptr_array_add (slides, mw_slide_new (example, "Example", NULL));
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    for (guint i = 0; i < slides->len; i++)
      {
        MwSlide *slide = g_ptr_array_index (slides, i);

        for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
          {
            double px = check_layout (slide, stages[s].width, stages[s].height, &variants[v]);

            if (v == 0)
              g_test_message ("%.0f×%.0f %-48s %2u actors: smallest label %.1f px (2 %% = %.1f px)",
                              stages[s].width, stages[s].height, mw_slide_get_title (slide),
                              mw_network_get_n_actors (mw_slide_get_network (slide)), px,
                              MW_SLIDE_LABEL_SHARE * stages[s].height);
            if (v == 0)
              print_share (slide, stages[s].width, stages[s].height, &variants[v]);
            maybe_write_png (slide, i, stages[s].width, stages[s].height, &variants[v]);
          }
      }
}

/* Beyond 60 actors the key people keep their labels: the top first. */
static void
test_slide_key_people (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("hierarchy", 200, START_SEED, &error);
  g_autoptr(MwSlide) slide = NULL;
  MwSlideOptions options = { .scores = TRUE, .legend = TRUE };
  MwSlideLayout layout;
  gboolean top_labelled = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), >, MW_SLIDE_ALL_LABELS);
  slide = mw_slide_new (network, "Big", NULL);
  check_layout (slide, 1366, 768, &options);

  mw_slide_layout (slide, 1366, 768, &options, &layout);
  for (guint i = 0; i < layout.labelled->len; i++)
    {
      MwActor *actor = mw_network_get_actor (network, g_array_index (layout.labelled, guint, i));

      top_labelled |= mw_actor_n_in (actor, MW_TIE_REPORTS) > 0 && mw_actor_n_out (actor, MW_TIE_REPORTS) == 0;
    }
  g_assert_true (top_labelled);
  mw_slide_layout_clear (&layout);
}

/* How much of @box differs from the stage's background in @surface. */
static double
inked_share (cairo_surface_t *surface,
             const MwRect    *box)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 background = *(const guint32 *)data;
  guint inked = 0, all = 0;

  cairo_surface_flush (surface);
  for (int y = (int)box->y; y < (int)(box->y + box->height); y++)
    for (int x = (int)box->x; x < (int)(box->x + box->width); x++, all++)
      inked += *(const guint32 *)(data + y * stride + 4 * x) != background;
  return all > 0 ? (double)inked / all : 0;
}

/* On a 16:9 projector the score card has its radar although the slide has
 * a legend: the legend moves beside the card or under the network to make
 * room, and the labels keep their 2 %. */
static void
test_slide_radar_wide (void)
{
  g_autoptr(MwNetwork) example = load_example ();
  g_autoptr(MwSlide) slide = mw_slide_new (example, "Example", "The radar beside a legend");
  MwSlideOptions options = { .scores = TRUE, .legend = TRUE, .background = TRUE };

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      double width = stages[s].width, height = stages[s].height;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
      cairo_t *cr = cairo_create (surface);
      MwSlideLayout layout;

      check_layout (slide, width, height, &options);
      mw_slide_layout (slide, width, height, &options, &layout);
      g_assert_cmpfloat (layout.legend.width, >, 0);
      g_assert_cmpfloat (layout.radar.width, >, 0);
      g_assert_cmpfloat (layout.radar.height, >=, 0.4 * layout.card.width);
      g_assert_false (rects_meet (&layout.radar, &layout.legend));
      g_assert_false (rects_meet (&layout.radar, &layout.diagram));
      g_test_message ("%.0f×%.0f: radar %.0f×%.0f px, legend at %.0f,%.0f", width, height, layout.radar.width,
                      layout.radar.height, layout.legend.x, layout.legend.y);

      /* and it is drawn there */
      mw_slide_draw (slide, cr, 0, width, height, &options);
      g_assert_cmpfloat (inked_share (surface, &layout.radar), >, 0.05);
      maybe_write_png (slide, 90 + s, width, height, &options);
      mw_slide_layout_clear (&layout);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A build shows the layers one by one, scored as it goes, and ends with
 * the whole network and its scores. */
static void
test_slide_builds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("hierarchy", MW_TEMPLATE_DEFAULT_SIZE, START_SEED, &error);
  g_autoptr(MwSlide) slide = mw_slide_new (network, "Hierarchy", NULL);
  g_autoptr(MwScores) whole = mw_scores_compute (network);
  guint ties_before = 0;

  g_assert_cmpuint (mw_slide_get_n_steps (slide), ==, 1);
  mw_slide_set_builds (slide, TRUE);
  g_assert_cmpuint (mw_slide_get_n_steps (slide), ==, MW_N_BUILD_STEPS);

  for (guint step = 0; step < MW_N_BUILD_STEPS; step++)
    {
      MwNetwork *shown = mw_slide_get_step_network (slide, step);
      guint n_ties = mw_network_get_n_ties (shown);

      g_assert_cmpuint (mw_network_get_n_actors (shown), ==, mw_network_get_n_actors (network));
      g_assert_cmpuint (n_ties, >=, ties_before);
      for (guint t = 0; t < n_ties; t++)
        g_assert_cmpuint (mw_network_get_tie (shown, t)->type, <=, step);
      ties_before = n_ties;
      g_assert_nonnull (mw_slide_get_step_name (slide, step));
    }
  /* Formal lines only: no collaboration to score. */
  g_assert_cmpfloat (mw_scores_get_score (mw_slide_get_scores (slide, 0), MW_ELEMENT_SPONTANEOUS_COLLABORATION),
                     <, mw_scores_get_score (whole, MW_ELEMENT_SPONTANEOUS_COLLABORATION));
  g_assert_cmpuint (ties_before, ==, mw_network_get_n_ties (network));
  g_assert_cmpfloat (mw_scores_get_index (mw_slide_get_scores (slide, MW_N_BUILD_STEPS - 1)), ==,
                     mw_scores_get_index (whole));
}

/* The user's own slides survive a save and a load, in DOT and GraphML. */
static void
test_slides_round_trip (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_saved_slide_free);
  g_autofree char *dir = mw_test_make_dir ("slides");
  MwSavedSlide *view = mw_saved_slide_new ("Die „Mitte“ & <more>");
  MwTie *tie = mw_network_get_tie (network, 0);

  view->has_area = TRUE;
  view->x = -12.5;
  view->y = 40;
  view->width = 640.25;
  view->height = 360;
  g_strfreev (view->highlight);
  view->highlight = g_strsplit (mw_network_get_actor (network, 1)->id, "\n", -1);
  g_strfreev (view->without);
  view->without = g_strsplit (tie->from->id, "\n", -1);
  view->compare = g_strdup ("../Ward%20B/b%3Anet.gv");
  g_ptr_array_add (slides, view);
  g_ptr_array_add (slides, mw_saved_slide_new ("Whole"));
  mw_slides_set (network, slides);

  for (guint f = 0; f < 2; f++)
    {
      MwFormat format = f == 0 ? MW_FORMAT_DOT : MW_FORMAT_GRAPHML;
      g_autofree char *path = g_build_filename (dir, f == 0 ? "n.gv" : "n.graphml", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) loaded = NULL;
      g_autoptr(GPtrArray) back = NULL;

      g_assert_true (mw_format_save_file (format, network, path, &error));
      g_assert_no_error (error);
      loaded = mw_format_load_file (format, path, NULL, &error);
      g_assert_no_error (error);
      back = mw_slides_get (loaded, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (back->len, ==, 2);
      for (guint i = 0; i < 2; i++)
        g_assert_true (mw_saved_slide_equal (g_ptr_array_index (back, i), g_ptr_array_index (slides, i)));
    }

  /* No slides: no attribute left behind. */
  g_ptr_array_set_size (slides, 0);
  mw_slides_set (network, slides);
  g_assert_null (g_hash_table_lookup (mw_network_get_attrs (network), MW_SLIDES_ATTR));
  mw_test_remove_tree (dir);
}

/* A slide from a saved view: the what-if leaves its actors out, and the
 * view's part of the network fills the diagram. */
static void
test_slide_for_view (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwSavedSlide) view = mw_saved_slide_new ("View");
  g_autoptr(MwSlide) slide = NULL;
  MwSlideOptions options = { .scores = TRUE };
  MwSlideLayout layout;

  g_strfreev (view->without);
  view->without = g_strsplit (mw_network_get_actor (network, 0)->id, "\n", -1);
  view->has_area = TRUE;
  view->width = 200;
  view->height = 100;
  slide = mw_slide_new_for_view (network, view);
  g_assert_cmpuint (mw_network_get_n_actors (mw_slide_get_network (slide)), ==,
                    mw_network_get_n_actors (network) - 1);
  mw_slide_layout (slide, 1366, 768, &options, &layout);
  g_assert_cmpfloat (layout.view.zoom, ==, MIN (layout.diagram.width / 200, layout.diagram.height / 100));
  mw_slide_layout_clear (&layout);
}

/* The compared network's file is kept relative to the document's when both
 * are local, so a moved folder still finds it; else as its URI. */
static void
test_slides_compare_file (void)
{
  static const struct { const char *document, *compared, *reference; } cases[] = {
    { "/a/b/kept.gv",  "/a/b/other.gv",        "other.gv" },
    { "/a/b/kept.gv",  "/a/b/sub/other.gv",    "sub/other.gv" },
    { "/a/b/kept.gv",  "/a/c/Ward B.gv",       "../c/Ward%20B.gv" },
    { "/a/b/kept.gv",  "/x/y:z.gv",            "../../x/y%3Az.gv" },
    { "/kept.gv",      "/a/other.gv",          "a/other.gv" },
  };
  g_autoptr(MwSavedSlide) slide = mw_saved_slide_new ("Compare");
  g_autoptr(GFile) remote = g_file_new_for_uri ("https://example.org/nets/b.gv");
  g_autoptr(GFile) local = g_file_new_for_path ("/a/b/other.gv");
  g_autoptr(GFile) back = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].document);
      g_autoptr(GFile) compared = g_file_new_for_path (cases[i].compared);
      g_autoptr(GFile) resolved = NULL;
      g_autoptr(GFile) moved = NULL;
      g_autoptr(GFile) moved_file = NULL;
      g_autofree char *moved_path = NULL;
      g_autofree char *moved_compared = NULL;

      mw_saved_slide_set_compare (slide, compared, file);
      g_assert_cmpstr (slide->compare, ==, cases[i].reference);
      resolved = mw_saved_slide_dup_compare_file (slide, file);
      g_assert_true (g_file_equal (resolved, compared));

      /* Both moved into another folder, the reference still leads there. */
      moved_path = g_strconcat ("/moved", cases[i].document, NULL);
      moved_compared = g_strconcat ("/moved", cases[i].compared, NULL);
      moved_file = g_file_new_for_path (moved_path);
      moved = mw_saved_slide_dup_compare_file (slide, moved_file);
      g_assert_cmpstr (g_file_peek_path (moved), ==, moved_compared);
    }

  /* No local file on either side: the URI, and it needs no base. */
  mw_saved_slide_set_compare (slide, remote, local);
  g_assert_cmpstr (slide->compare, ==, "https://example.org/nets/b.gv");
  back = mw_saved_slide_dup_compare_file (slide, NULL);
  g_assert_true (g_file_equal (back, remote));
  g_clear_object (&back);
  mw_saved_slide_set_compare (slide, local, NULL);
  g_assert_cmpstr (slide->compare, ==, "file:///a/b/other.gv");

  /* A relative reference without the document's file leads nowhere. */
  g_free (slide->compare);
  slide->compare = g_strdup ("other.gv");
  g_assert_null (mw_saved_slide_dup_compare_file (slide, NULL));
  mw_saved_slide_set_compare (slide, NULL, local);
  g_assert_null (slide->compare);
}

/* A slide with a baseline shows each score's change against it, as a
 * build step does against the step before; without one it shows none. */
static void
test_slide_baseline (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) baseline = mw_network_copy (network);
  g_autoptr(MwSlide) slide = mw_slide_new (network, "Now", NULL);
  MwSlideOptions options = { .scores = TRUE, .background = TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 683, 384);
  cairo_t *cr = cairo_create (surface);
  MwScores *now, *before;
  guint n_changed = 0;

  for (guint i = mw_network_get_n_ties (baseline); i >= 2; i -= 2)
    mw_network_remove_tie (baseline, mw_network_get_tie (baseline, i - 1));
  g_assert_null (mw_slide_dup_change (slide, 0, -1));
  g_assert_null (mw_slide_get_baseline_scores (slide));

  mw_slide_set_baseline (slide, baseline);
  mw_slide_set_caption (slide, "Compared with before.gv");
  g_assert_cmpstr (mw_slide_get_caption (slide), ==, "Compared with before.gv");
  now = mw_slide_get_scores (slide, 0);
  before = mw_slide_get_baseline_scores (slide);
  g_assert_nonnull (before);
  for (int e = -1; e < MW_N_ELEMENTS; e++)
    {
      double a = e < 0 ? mw_scores_get_index (now) : mw_scores_get_score (now, e);
      double b = e < 0 ? mw_scores_get_index (before) : mw_scores_get_score (before, e);
      long change = lround (a) - lround (b);
      g_autofree char *text = mw_slide_dup_change (slide, 0, e);
      g_autofree char *want = change == 0 ? NULL
                              : change > 0 ? g_strdup_printf ("+%ld", change) : g_strdup_printf ("−%ld", -change);

      g_assert_cmpstr (text, ==, want);
      n_changed += want != NULL;
    }
  g_assert_cmpuint (n_changed, >, 0);
  mw_slide_draw (slide, cr, 0, 683, 384, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  mw_slide_set_baseline (slide, NULL);
  g_assert_null (mw_slide_dup_change (slide, 0, -1));
}

/* What a hostile file can put in the attribute is refused, not trusted. */
static void
test_slides_invalid (void)
{
  const char *invalid[] = {
    "{", "{}", "[1]", "[{\"area\": [1, 2, 3]}]", "[{\"area\": [0, 0, -1, 5]}]",
    "[{\"highlight\": [1]}]", "[{\"without\": \"a\"}]", "[{\"compare\": 3}]", "[{\"compare\": \"\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) slides = mw_slides_from_json (invalid[i], &error);

      g_assert_null (slides);
      g_assert_nonnull (error);
    }
}

static guint
count_pdf_pages (GBytes *pdf)
{
  g_autofree char *dir = mw_test_make_dir ("pdf");
  g_autofree char *path = g_build_filename (dir, "slides.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  mw_test_remove_tree (dir);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Export Slides: one page a slide, whatever the builds. */
static void
test_slides_export (void)
{
  g_autoptr(GPtrArray) slides = context_slides (TRUE);
  g_autoptr(MwNetwork) example = load_example ();
  g_autoptr(MwSavedSlide) view = mw_saved_slide_new ("View");
  MwSlideOptions options = { .scores = TRUE, .legend = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_ptr_array_add (slides, mw_slide_new (example, "Example", NULL));
  g_ptr_array_add (slides, mw_slide_new_for_view (example, view));
  pdf = mw_export_slides_to_bytes (slides, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF"));
  g_assert_cmpuint (count_pdf_pages (pdf), ==, slides->len);
}

/* The page's text, as pdftotext reads it, laid out in lines. */
static char *
pdf_text (GBytes *pdf)
{
  g_autofree char *dir = mw_test_make_dir ("pdf");
  g_autofree char *path = g_build_filename (dir, "slides.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  mw_test_remove_tree (dir);
  return out;
}

/* An element that is not measurable shows "—" on the slide's score card,
 * never 0: a pyramid whose CEO alone holds the purpose has no influence,
 * initiative or checks to measure. */
static void
test_slide_not_measurable (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "validity", "pyramid-ceo-purpose.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, &error);
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func (g_object_unref);
  MwSlideOptions options = { .scores = TRUE };
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_dashes = 0, n_purpose = 0;

  g_assert_no_error (error);
  g_ptr_array_add (slides, mw_slide_new (network, "Pyramid", NULL));
  pdf = mw_export_slides_to_bytes (slides, &options, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
      if (strstr (lines[i], mw_element_get_title (e)) != NULL)
        {
          gboolean digit = FALSE;

          for (const char *p = strstr (lines[i], mw_element_get_title (e)); *p != '\0'; p++)
            digit = digit || g_ascii_isdigit (*p);
          if (e == MW_ELEMENT_GLOBAL_PURPOSE)
            n_purpose += digit;
          else if (e != MW_ELEMENT_SPONTANEOUS_COLLABORATION)
            {
              g_assert_false (digit);
              n_dashes += strstr (lines[i], "—") != NULL;
            }
        }
  g_assert_cmpuint (n_purpose, ==, 1);
  g_assert_cmpuint (n_dashes, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slide/labels", test_slide_labels);
  g_test_add_func ("/slide/key-people", test_slide_key_people);
  g_test_add_func ("/slide/radar-wide", test_slide_radar_wide);
  g_test_add_func ("/slide/builds", test_slide_builds);
  g_test_add_func ("/slide/for-view", test_slide_for_view);
  g_test_add_func ("/slides/round-trip", test_slides_round_trip);
  g_test_add_func ("/slides/invalid", test_slides_invalid);
  g_test_add_func ("/slides/compare-file", test_slides_compare_file);
  g_test_add_func ("/slide/baseline", test_slide_baseline);
  g_test_add_func ("/slides/export", test_slides_export);
  g_test_add_func ("/slide/not-measurable", test_slide_not_measurable);

  return g_test_run ();
}
