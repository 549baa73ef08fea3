/* test-export.c: PNG, SVG and PDF of every fixture; atomic writes; the CLI
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "mw-dot.h"
#include "mw-export.h"
#include "mw-progress.h"
#include "mw-renderer-private.h"
#include "mw-score-card.h"

/* Every DOT fixture, and the built-in example (which has no positions). */
static GPtrArray *
list_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".gv"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL));
  g_assert_cmpuint (paths->len, >, 8);
  return paths;
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  gsize n = 0;

  if (!g_input_stream_read_all (closure, data, length, &n, NULL, NULL) || n != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_bytes_cb, in);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Distinct colours in the image: a blank or one-colour picture has 1. */
static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < h; y += 2)
    for (int x = 0; x < w; x += 2)
      g_hash_table_add (colours, GUINT_TO_POINTER (*(const guint32 *)(data + y * stride + x * 4)));
  return g_hash_table_size (colours);
}

static guint32
corner (cairo_surface_t *surface)
{
  return *(const guint32 *)cairo_image_surface_get_data (surface);
}

static MwRenderer *
renderer_for (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return mw_renderer_new (network);
}

static void
check_png (MwRenderer *renderer,
           double      scale)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  MwExportOptions options;
  double w, h;
  MwView view;

  mw_export_options_init (&options, MW_EXPORT_PNG);
  options.scale = scale;
  options.legend = scale > 1;
  png = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  image = decode_png (png);
  mw_export_get_view (renderer, &options, &view, &w, &h);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)ceil (w * scale));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int)ceil (h * scale));
  g_assert_cmpuint (count_colours (image), >, 10);
  cairo_surface_destroy (image);
}

typedef struct
{
  GString *text;
  int      in_text;
} SvgScan;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgScan *scan = user_data;

  if (strcmp (element, "text") == 0 || strcmp (element, "title") == 0)
    scan->in_text++;
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SvgScan *scan = user_data;

  if (strcmp (element, "text") == 0 || strcmp (element, "title") == 0)
    {
      scan->in_text--;
      g_string_append_c (scan->text, '\n');
    }
}

static void
svg_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  SvgScan *scan = user_data;

  if (scan->in_text > 0)
    g_string_append_len (scan->text, text, length);
}

/* Well-formed XML; returns the text of its <text> and <title> elements. */
static char *
parse_svg (GBytes *svg)
{
  static const GMarkupParser parser = { svg_start_cb, svg_end_cb, svg_text_cb, NULL, NULL };
  SvgScan scan = { g_string_new (NULL), 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return g_string_free (scan.text, FALSE);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size, n = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static char *
one_line (const char *text)
{
  return g_strdelimit (g_strdup (text), "\r\n\t", ' ');
}

static void
check_svg (MwRenderer *renderer)
{
  MwNetwork *network = mw_renderer_get_network (renderer);
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL, *text = NULL;
  MwExportOptions options;

  mw_export_options_init (&options, MW_EXPORT_SVG);
  options.legend = TRUE;
  options.title = "A title & <more>";
  svg = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  raw = parse_svg (svg);
  text = one_line (raw);
  /* text stays text: cairo drew no glyph outlines */
  g_assert_false (bytes_contain (svg, "<symbol"));
  g_assert_false (bytes_contain (svg, "glyph"));

  g_assert_nonnull (strstr (text, "A title & <more>"));
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      g_autofree char *label = one_line (mw_network_get_actor (network, i)->label);

      if (strstr (text, label) == NULL)
        g_error ("label “%s” is not text in the SVG", label);
    }
}

static char *
tmp_path (const char *name)
{
  static char *dir = NULL;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("meshwork-export-XXXXXX", NULL);
      g_assert_nonnull (dir);
    }
  return g_build_filename (dir, name, NULL);
}

/* PDF: a real document, and poppler draws it (when pdftoppm is installed). */
static void
check_pdf (MwRenderer *renderer)
{
  g_autofree char *pdf = tmp_path ("out.pdf");
  g_autofree char *prefix = tmp_path ("page");
  g_autofree char *page = tmp_path ("page.png");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *contents = NULL, *out = NULL;
  g_autoptr(GError) error = NULL;
  MwExportOptions options;
  int status;
  gsize size;

  mw_export_options_init (&options, MW_EXPORT_PDF);
  g_assert_true (mw_export_to_file (renderer, pdf, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &size, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  if (pdftoppm == NULL)
    return;

  {
    const char *argv[] = { pdftoppm, "-r", "36", "-png", "-singlefile", pdf, prefix, NULL };
    g_autoptr(GBytes) png = NULL;
    g_autofree char *png_data = NULL;
    cairo_surface_t *image;
    gsize png_size;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_get_contents (page, &png_data, &png_size, NULL));
    png = g_bytes_new_take (g_steal_pointer (&png_data), png_size);
    image = decode_png (png);
    g_assert_cmpuint (count_colours (image), >, 4);
    cairo_surface_destroy (image);
  }
}

/* The PDF, as poppler draws it at one pixel per point, is the PNG: every
 * tie, shape and word is there (text and antialiasing differ a little). */
static void
test_pdf_matches_png (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwRenderer) renderer = renderer_for (path);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *pdf = tmp_path ("same.pdf");
  g_autofree char *prefix = tmp_path ("same");
  g_autofree char *page = tmp_path ("same.png");
  g_autofree char *page_data = NULL;
  g_autoptr(GBytes) png = NULL, page_png = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *drawn, *printed;
  MwExportOptions options;
  guint n_different = 0;
  gsize page_size;
  int status, w, h;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }
  mw_export_options_init (&options, MW_EXPORT_PNG);
  png = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  mw_export_options_init (&options, MW_EXPORT_PDF);
  g_assert_true (mw_export_to_file (renderer, pdf, &options, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { pdftoppm, "-r", "72", "-png", "-singlefile", pdf, prefix, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (page, &page_data, &page_size, NULL));
  page_png = g_bytes_new_take (g_steal_pointer (&page_data), page_size);
  drawn = decode_png (png);
  printed = decode_png (page_png);
  w = MIN (cairo_image_surface_get_width (drawn), cairo_image_surface_get_width (printed));
  h = MIN (cairo_image_surface_get_height (drawn), cairo_image_surface_get_height (printed));
  g_assert_cmpint (ABS (cairo_image_surface_get_width (drawn) - cairo_image_surface_get_width (printed)), <=, 1);
  g_assert_cmpint (ABS (cairo_image_surface_get_height (drawn) - cairo_image_surface_get_height (printed)), <=, 1);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(guint32 *)(cairo_image_surface_get_data (drawn) + y * cairo_image_surface_get_stride (drawn) + x * 4);
        guint32 q = *(guint32 *)(cairo_image_surface_get_data (printed) + y * cairo_image_surface_get_stride (printed) + x * 4);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int)(p >> shift & 0xff) - (int)(q >> shift & 0xff)) > 64)
            {
              n_different++;
              break;
            }
      }
  g_test_message ("%u of %d pixels differ", n_different, w * h);
  /* without the ties' strokes about 1.8% would */
  g_assert_cmpuint (n_different, <, (guint)(w * h) / 100);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (printed);
}

static void
test_fixtures (void)
{
  g_autoptr(GPtrArray) fixtures = list_fixtures ();

  for (guint i = 0; i < fixtures->len; i++)
    {
      g_autoptr(MwRenderer) renderer = renderer_for (g_ptr_array_index (fixtures, i));

      g_test_message ("%s", (char *)g_ptr_array_index (fixtures, i));
      check_png (renderer, 1);
      check_png (renderer, 2);
      check_svg (renderer);
      check_pdf (renderer);
    }
}

static void
test_backgrounds (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwRenderer) renderer = renderer_for (path);
  g_autoptr(GError) error = NULL;
  MwExportOptions options;
  gboolean transparent;

  mw_export_options_init (&options, MW_EXPORT_PNG);
  g_assert_true (mw_export_parse_color ("transparent", &options.background, &transparent, &error));
  g_assert_true (transparent);
  options.transparent = TRUE;
  {
    g_autoptr(GBytes) png = mw_export_to_bytes (renderer, &options, &error);
    cairo_surface_t *image = decode_png (png);

    g_assert_cmphex (corner (image) >> 24, ==, 0);
    cairo_surface_destroy (image);
  }

  g_assert_true (mw_export_parse_color ("#ff0000", &options.background, &transparent, &error));
  g_assert_false (transparent);
  options.transparent = FALSE;
  options.has_background = TRUE;
  {
    g_autoptr(GBytes) png = mw_export_to_bytes (renderer, &options, &error);
    cairo_surface_t *image = decode_png (png);

    g_assert_cmphex (corner (image), ==, 0xffff0000);
    cairo_surface_destroy (image);
  }

  options.has_background = FALSE;
  options.dark = TRUE;
  {
    g_autoptr(GBytes) png = mw_export_to_bytes (renderer, &options, &error);
    cairo_surface_t *image = decode_png (png);

    g_assert_cmphex (corner (image) & 0xff, <, 0x40);
    cairo_surface_destroy (image);
  }

  g_assert_false (mw_export_parse_color ("not a colour", &options.background, &transparent, &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
}

static void
test_pages_and_extras (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwRenderer) renderer = renderer_for (path);
  static const MwScoreRow rows[] = {
    { "Spontaneous collaboration", 71 }, { "Multi-directional influence", 55 },
    { "Local entrepreneurship", 40 }, { "Global purpose mindset", 62 },
    { "Peer mitigation of risk", 33 },
  };
  MwScoreCard card = { "Distributed leadership", "Index", 52, rows, G_N_ELEMENTS (rows) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a4 = NULL, letter = NULL, svg = NULL;
  g_autofree char *text = NULL;
  MwExportOptions options;

  mw_export_options_init (&options, MW_EXPORT_PDF);
  options.page = MW_PAGE_A4;
  a4 = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  /* the example is wide: landscape A4 */
  g_assert_true (bytes_contain (a4, "/MediaBox [ 0 0 841.89 595.276 ]"));
  options.page = MW_PAGE_LETTER;
  letter = mw_export_to_bytes (renderer, &options, &error);
  g_assert_true (bytes_contain (letter, "/MediaBox [ 0 0 792 612 ]"));

  mw_export_options_init (&options, MW_EXPORT_SVG);
  options.score_card = &card;
  svg = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  text = parse_svg (svg);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_nonnull (strstr (text, rows[i].name));
  g_assert_nonnull (strstr (text, "52"));
}

/* The card of the filtered view's scores says so on a line of its own
 * under its title. */
static void
test_score_card_filtered (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwRenderer) renderer = renderer_for (path);
  g_autoptr(MwScores) scores = mw_scores_compute (mw_renderer_get_network (renderer));
  MwScoreCard card;
  MwScoreRow rows[MW_N_ELEMENTS];
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  MwExportOptions options;

  mw_score_card_fill (&card, rows, scores);
  mw_export_options_init (&options, MW_EXPORT_SVG);
  options.score_card = &card;
  mw_score_card_say_filtered (&card);

  svg = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  text = parse_svg (svg);
  g_assert_nonnull (strstr (text, "Distributed leadership"));
  g_assert_nonnull (strstr (text, "of the filtered view only"));
}

static void
test_atomic (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwRenderer) renderer = renderer_for (path);
  g_autofree char *out = tmp_path ("atomic.png");
  g_autofree char *dir = g_path_get_dirname (out);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  MwExportOptions options;
  const char *name;

  g_assert_true (g_file_set_contents (out, "precious", -1, NULL));

  /* a failing export leaves the existing file alone */
  mw_export_options_init (&options, MW_EXPORT_PNG);
  options.scale = 9;
  g_assert_false (mw_export_to_file (renderer, out, &options, &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");

  g_assert_false (mw_export_to_file (renderer, missing, &options, &error));
  g_clear_error (&error);
  options.scale = 1;
  g_assert_false (mw_export_to_file (renderer, missing, &options, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* a successful one replaces it whole, and leaves no temporary behind */
  g_assert_true (mw_export_to_file (renderer, out, &options, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "atomic.png."));
}

static int
run_cli (const char  *const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("MESHWORK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *in = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autofree char *unplaced = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autofree char *png = tmp_path ("cli.png");
  g_autofree char *svg = tmp_path ("cli.svg");
  g_autofree char *pdf = tmp_path ("cli.pdf");
  g_autofree char *bad = tmp_path ("cli.jpeg");
  g_autofree char *never = tmp_path ("never.png");
  char *err = NULL;

  if (g_getenv ("MESHWORK_CLI") == NULL)
    {
      g_test_skip ("MESHWORK_CLI is not set");
      return;
    }

  g_assert_cmpint (run_cli ((const char *[]) { "export", in, png, "--scale", "2", "--legend", "--title", "T", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli ((const char *[]) { "export", in, svg, "--dark", "--background", "transparent", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", in, pdf, "--page", "letter", NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);

  /* actors without a position: drawn, and the user is told */
  g_assert_cmpint (run_cli ((const char *[]) { "export", unplaced, png, NULL }, &err), ==, 0);
  g_assert_nonnull (strstr (err, "no position"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "export", in, bad, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, ".png, .svg or .pdf"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", in, never, "--scale", "5", NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--scale"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", in, never, "--background", "plaid", NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, "plaid"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", in, never, "--page", "a3", NULL }, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", "/nonexistent/x.gv", never, NULL }, &err), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/x.gv"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

/* Two actors 50,000,000 pt apart: cairo's fixed point would draw the far
 * one wrapped to x = -331,648. SVG and a PDF the drawing's size refuse,
 * naming the width and the limit; PNG refuses its pixels; a PDF on an A4
 * page scales the drawing down, and poppler draws the tie level across
 * the page between its margins. */
static void
test_far_apart (void)
{
  static const char dot[] =
    "digraph far {\n"
    "  a [label=\"Near\", pos=\"0,0\"];\n"
    "  b [label=\"Far\", pos=\"50000000,0\"];\n"
    "  a -> b [mw_tie=checks];\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (dot, sizeof dot - 1, "far.gv", NULL, &error);
  g_autoptr(MwRenderer) renderer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pdf = tmp_path ("far.pdf");
  g_autofree char *prefix = tmp_path ("far");
  g_autofree char *page = tmp_path ("far.png");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  MwExportOptions options;

  g_assert_no_error (error);
  renderer = mw_renderer_new (network);

  for (MwExportFormat format = MW_EXPORT_SVG; format <= MW_EXPORT_PDF; format++)
    {
      mw_export_options_init (&options, format);
      bytes = mw_export_to_bytes (renderer, &options, &error);
      g_assert_null (bytes);
      g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
      g_assert_nonnull (strstr (error->message, "The drawing is 50000"));
      g_assert_nonnull (strstr (error->message, " pt wide; the limit is 4000000 pt"));
      g_clear_error (&error);
    }

  mw_export_options_init (&options, MW_EXPORT_PNG);
  bytes = mw_export_to_bytes (renderer, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "too large for PNG"));
  g_clear_error (&error);

  mw_export_options_init (&options, MW_EXPORT_PDF);
  options.page = MW_PAGE_A4;
  g_assert_true (mw_export_to_file (renderer, pdf, &options, &error));
  g_assert_no_error (error);
  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }
  {
    const char *argv[] = { pdftoppm, "-r", "72", "-png", "-singlefile", pdf, prefix, NULL };
    g_autofree char *page_data = NULL;
    g_autoptr(GBytes) page_png = NULL;
    cairo_surface_t *image;
    int status, w, h, stride, min_x = G_MAXINT, max_x = -1, min_y = G_MAXINT, max_y = -1;
    const guchar *data;
    gsize page_size;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_get_contents (page, &page_data, &page_size, NULL));
    page_png = g_bytes_new_take (g_steal_pointer (&page_data), page_size);
    image = decode_png (page_png);
    w = cairo_image_surface_get_width (image);
    h = cairo_image_surface_get_height (image);
    stride = cairo_image_surface_get_stride (image);
    data = cairo_image_surface_get_data (image);
    /* the page's own edge pixels are half covered by its background */
    for (int y = 4; y < h - 4; y++)
      for (int x = 4; x < w - 4; x++)
        if (*(const guint32 *)(data + y * stride + x * 4) != *(const guint32 *)(data + 10 * stride + 40))
          min_x = MIN (min_x, x), max_x = MAX (max_x, x), min_y = MIN (min_y, y), max_y = MAX (max_y, y);
    cairo_surface_destroy (image);
    /* a landscape A4 page: the tie runs level across it, inside the 36 pt
     * margins, from one actor to the other (which are specks this small) */
    g_assert_cmpint (ABS (w - 842), <=, 1);
    g_assert_cmpint (ABS (h - 595), <=, 1);
    g_assert_cmpint (min_x, >=, 34);
    g_assert_cmpint (min_x, <=, 40);
    g_assert_cmpint (max_x, >=, 842 - 40);
    g_assert_cmpint (max_x, <=, 842 - 34);
    g_assert_cmpint (min_y, >=, 295);
    g_assert_cmpint (max_y, <=, 300);
  }
}

/* 400 checks ties 60,000 pt long: six million dots. Stroked as one path,
 * cairo ran out of memory and every format failed ("Drawing failed: out
 * of memory", as a generated 10,000-person organisation did); now SVG
 * and PDF draw them, and the SVG keeps every tie. */
static void
test_long_dotted_ties (void)
{
  g_autoptr(GString) dot = g_string_new ("digraph long {\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwRenderer) renderer = NULL;
  enum { N = 400 };

  for (int i = 0; i < N; i++)
    g_string_append_printf (dot, "  l%d [pos=\"0,%d\"]; r%d [pos=\"60000,%d\"]; l%d -> r%d [mw_tie=checks];\n",
                            i, i * 20, i, (N - i) * 20, i, i);
  g_string_append (dot, "}\n");
  network = mw_dot_load_data (dot->str, dot->len, "long.gv", NULL, &error);
  g_assert_no_error (error);
  renderer = mw_renderer_new (network);

  /* (a PNG this size would take a gigabyte; the vector formats failed too) */
  for (MwExportFormat format = MW_EXPORT_SVG; format <= MW_EXPORT_PDF; format++)
    {
      g_autoptr(GBytes) bytes = NULL;
      MwExportOptions options;

      mw_export_options_init (&options, format);
      bytes = mw_export_to_bytes (renderer, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      if (format == MW_EXPORT_SVG)
        {
          gsize size;
          const char *svg = g_bytes_get_data (bytes, &size);
          g_autofree char *text = g_strndup (svg, size);
          g_auto(GStrv) paths = g_strsplit (text, "<path ", -1);
          guint ties = 0;

          /* every dotted tie is in the file, a move in a dotted path */
          for (guint i = 0; paths[i] != NULL; i++)
            if (strstr (paths[i], "stroke-dasharray") != NULL)
              for (const char *m = strstr (strstr (paths[i], "d=\""), "M "); m != NULL; m = strstr (m + 2, "M "))
                ties++;
          g_assert_cmpuint (ties, ==, N);
        }
    }
}

typedef struct
{
  MwProgress *progress;
  GCancellable *cancellable;
  gint        stop;        /* atomic */
  double      seen;        /* a fraction seen while the ties were stroked */
} Watch;

/* Cancels the export once its progress says ties are being stroked. */
static gpointer
watch_export (gpointer data)
{
  Watch *watch = data;

  while (!g_atomic_int_get (&watch->stop))
    {
      double fraction = mw_progress_get_fraction (watch->progress);

      if (fraction > 0.1 && fraction < 0.7)
        {
          watch->seen = fraction;
          g_cancellable_cancel (watch->cancellable);
          break;
        }
      g_usleep (50);
    }
  return NULL;
}

/* Issue 17: a 10,000-person PNG export strokes ties for most of a minute,
 * and its progress stood still at 10 % meanwhile, and a Cancel was heard
 * only once all were drawn. Now the ties report as they are stroked, and
 * a cancel stops them: no file, the progress's cancelled error. */
static void
test_cancel_while_drawing (void)
{
  g_autoptr(GString) dot = g_string_new ("digraph long {\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwRenderer) renderer = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MwProgress) progress = mw_progress_new (cancellable);
  g_autoptr(GBytes) bytes = NULL;
  Watch watch = { 0 };
  MwExportOptions options;
  enum { N = 4000 };

  /* long ties criss-crossing a 2,000-point square */
  for (int i = 0; i < N; i++)
    g_string_append_printf (dot, "  l%d [pos=\"0,%d\"]; r%d [pos=\"2000,%d\"]; l%d -> r%d [mw_tie=collaborates];\n",
                            i, i % 2000, i, (i * 7919) % 2000, i, i);
  g_string_append (dot, "}\n");
  network = mw_dot_load_data (dot->str, dot->len, "cross.gv", NULL, &error);
  g_assert_no_error (error);
  renderer = mw_renderer_new (network);

  mw_export_options_init (&options, MW_EXPORT_PNG);
  /* a watcher that slept through all the ties (a loaded machine) tries again */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      GThread *watcher;

      g_clear_error (&error);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_cancellable_reset (cancellable);
      watch = (Watch) { progress, cancellable, 0, 0 };
      watcher = g_thread_new ("watch-export", watch_export, &watch);
      mw_progress_push_thread_default (progress);
      bytes = mw_export_to_bytes (renderer, &options, &error);
      mw_progress_pop_thread_default (progress);
      g_atomic_int_set (&watch.stop, 1);
      g_thread_join (watcher);
      if (_mw_renderer_was_cancelled (renderer))
        break;
    }

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (bytes);
  g_assert_cmpfloat (watch.seen, >, 0.1);
  g_assert_cmpfloat (watch.seen, <, 0.7);
  /* it stopped where it was told to, not after the last tie */
  g_assert_true (_mw_renderer_was_cancelled (renderer));
  g_assert_cmpuint (renderer->ties.n_stroked, <, renderer->ties.n_to_stroke);

  /* the next export of the same renderer, not cancelled, is whole */
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = mw_export_to_bytes (renderer, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (renderer->ties.n_stroked, ==, renderer->ties.n_to_stroke);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/fixtures", test_fixtures);
  g_test_add_func ("/export/backgrounds", test_backgrounds);
  g_test_add_func ("/export/pdf-matches-png", test_pdf_matches_png);
  g_test_add_func ("/export/pages-and-extras", test_pages_and_extras);
  g_test_add_func ("/export/score-card-filtered", test_score_card_filtered);
  g_test_add_func ("/export/atomic", test_atomic);
  g_test_add_func ("/export/cli", test_cli);
  g_test_add_func ("/export/far-apart", test_far_apart);
  g_test_add_func ("/export/long-dotted-ties", test_long_dotted_ties);
  g_test_add_func ("/export/cancel-while-drawing", test_cancel_while_drawing);

  return g_test_run ();
}
