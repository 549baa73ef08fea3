/* test-report.c: the report for the client, read back as a client's PDF reader does
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mw-anonymise.h"
#include "mw-format.h"
#include "mw-label.h"
#include "mw-report.h"
#include "mw-scorer-suggest.h"
#include "mw-scores.h"
#include "mw-test-core.h"

static MwNetwork *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* Runs a poppler tool on @pdf and returns its output, white space made
 * single spaces so that a wrapped title reads as one. */
static char *
poppler (const char *tool,
         GBytes     *pdf)
{
  g_autofree char *dir = mw_test_make_dir ("test-report");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv_text[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *argv_info[] = { "pdfinfo", path, NULL };
  int status = -1;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_spawn_sync (NULL, (char **)(strcmp (tool, "pdftotext") == 0 ? argv_text : argv_info), NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);
  mw_test_remove_tree (dir);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static GBytes *
report_of_snapshot (const MwReportSnapshot *snapshot,
                    const MwReportOptions  *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = mw_report_to_bytes (snapshot, 1, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static GBytes *
report_of (MwNetwork             *network,
           const MwReportOptions *options)
{
  MwReportSnapshot snapshot = { network, NULL, "example" };

  return report_of_snapshot (&snapshot, options);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the report", part);
}

/* pdftotext finds every element's title, the index and each suggestion;
 * the metadata names the report and Meshwork. */
static void
test_contents (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GPtrArray) suggestions = mw_suggest (network, MW_SUGGEST_MAX, NULL);
  g_autoptr(MwScores) scores = mw_scores_compute (network);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL, *info = NULL, *index = NULL;
  MwReportOptions options;

  mw_report_options_init (&options);
  options.page = MW_PAGE_A4;
  pdf = report_of (network, &options);
  text = poppler ("pdftotext", pdf);
  info = poppler ("pdfinfo", pdf);

  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    assert_contains (text, mw_element_get_title (e));
  index = g_strdup_printf ("Distributed leadership index: %.0f of 100", mw_scores_get_index (scores));
  assert_contains (text, index);
  g_assert_cmpuint (suggestions->len, >, 0);
  for (guint i = 0; i < suggestions->len; i++)
    assert_contains (text, ((MwSuggestion *)suggestions->pdata[i])->text);
  assert_contains (text, "Method and Limits");
  assert_contains (text, "Page 2");
  /* people behind the explanations, by name when not anonymised */
  assert_contains (text, "Maria Okafor");
  g_assert_null (strstr (text, "Over Time"));

  assert_contains (info, "Title: Northwind Health and partners");
  assert_contains (info, "Creator: Meshwork");
  assert_contains (info, "Page size: 595.276 x 841.89 pts (A4)");
}

/* The person's title or role when there is one, else "Person N" by id;
 * a unit named after a person loses the name; the scores stay. */
static void
test_anonymise_transform (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(MwScores) before = NULL, after = NULL;
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwActor *coo = mw_network_lookup_actor (network, "coo");

  mw_network_set_actor_attr (network, ceo, "title", "Chief executive");
  mw_network_set_actor_unit (network, coo, "Maria Okafor's office");
  copy = mw_anonymise (network);

  /* people's ids are "pN" as they are "Person N" ("ceo" is the second by id) */
  g_assert_null (mw_network_lookup_actor (copy, "ceo"));
  g_assert_cmpstr (mw_network_lookup_actor (copy, "p2")->label, ==, "Chief executive");
  /* by id, "coo" comes after "cdo", "ceo" and "cmo": the fourth person */
  g_assert_cmpstr (mw_network_lookup_actor (copy, "p4")->label, ==, "Person 4");
  g_assert_cmpstr (mw_network_lookup_actor (copy, "p1")->label, ==, "Person 1");
  g_assert_cmpstr (mw_network_lookup_actor (copy, "p4")->unit, ==, "Chief executive's office");
  g_assert_cmpstr (mw_network_lookup_actor (copy, "p4")->notes, ==, "");
  /* a team is not a person: after "brightlab", "huddle" is the second other actor */
  g_assert_cmpstr (mw_network_lookup_actor (copy, "g2")->label, ==, "Discharge huddle");
  /* the original is untouched */
  g_assert_cmpstr (ceo->label, ==, "Maria Okafor");

  before = mw_scores_compute (network);
  after = mw_scores_compute (copy);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (before), mw_scores_get_index (after), 1e-9);
}

/* No person's name anywhere: the text, the metadata, the raw bytes. */
static void
test_anonymised_report (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL, *info = NULL;
  MwReportOptions options;
  gsize size;
  const char *raw;

  /* a graph label naming a person must not reach the title either */
  mw_network_set_attr (network, "label", "Tom Brandt's organisation");
  mw_report_options_init (&options);
  options.anonymise = TRUE;
  pdf = report_of (network, &options);
  text = poppler ("pdftotext", pdf);
  info = poppler ("pdfinfo", pdf);
  raw = g_bytes_get_data (pdf, &size);

  assert_contains (text, "Person 1");
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      g_autofree char *name = mw_actor_dup_display_label (actor);

      if (actor->kind != MW_ACTOR_PERSON)
        continue;
      g_assert_null (strstr (text, name));
      g_assert_null (strstr (info, name));
      g_assert_null (g_strstr_len (raw, size, name));
    }
  assert_contains (info, "Title: Person 4's organisation");
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A chain of @n people in one row, or @n people in a grid of four units
 * reporting in a tree of four (a large organisation); names that are not
 * part of one another ("Member 07", "Staff 0042"). */
static MwNetwork *
make_network (guint    n,
              gboolean chain)
{
  static const char *units[] = { "North", "South", "East", "West" };
  g_autoptr(GString) dot = g_string_new ("digraph made {\n");
  g_autoptr(GError) error = NULL;
  guint side = 1;
  MwNetwork *network;

  while (side * side < n)
    side++;
  for (guint i = 0; i < n; i++)
    if (chain)
      g_string_append_printf (dot, "a%u [label=\"Member %02u\", pos=\"%u,0\"];\n", i, i + 1, i * 90);
    else
      g_string_append_printf (dot, "a%u [label=\"Staff %04u\", mw_unit=\"%s\", pos=\"%u,%u\"];\n", i, i + 1,
                              units[i * 4 / n], (i % side) * 80, (i / side) * 80);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (dot, "a%u -> a%u [mw_tie=reports];\n", i, chain ? i - 1 : (i - 1) / 4);
  for (guint i = 0; !chain && i + 7 < n; i += 3)
    g_string_append_printf (dot, "a%u -> a%u [mw_tie=collaborates];\n", i, i + 7);
  g_string_append (dot, "}\n");
  network = mw_format_load_data (MW_FORMAT_DOT, dot->str, dot->len, "made.gv", NULL, NULL, &error);
  g_assert_no_error (error);
  return network;
}

/* The network page of the example, a 40-person chain in one row and 2,000
 * actors: the page turns sideways for a wide drawing and fills it, no
 * name is under 6 pt (measured from the layout the page is drawn from),
 * a crowded page names only the key people and says so, and pdftotext
 * finds every name drawn. */
static void
test_network_page (void)
{
  MwNetwork *networks[] = { load_example (), make_network (40, TRUE), make_network (2000, FALSE) };

  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *text = NULL;
      cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 595.276, 841.89);
      cairo_t *cr = cairo_create (surface);
      MwReportNetworkLayout layout;
      double content_w, content_h;

      mw_report_lay_out_network (networks[i], MW_PAGE_A4, cr, &layout);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      pdf = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
      text = poppler ("pdftotext", pdf);

      g_test_message ("%u actors: %s, drawing %.0f×%.0f pt, %u names at %.1f pt%s", mw_network_get_n_actors (networks[i]),
                      layout.landscape ? "landscape" : "portrait", layout.drawing.width, layout.drawing.height,
                      layout.names->len, layout.label_size, layout.all_labels ? "" : " (key people)");
      g_assert_cmpfloat (layout.label_size, >=, 6.0);
      g_assert_cmpuint (layout.names->len, >, 0);
      for (guint n = 0; n < layout.names->len; n++)
        assert_contains (text, layout.names->pdata[n]);
      /* the drawing fills the page across or down */
      content_w = layout.page_width - 2 * 56.7;
      content_h = layout.page_height - 2 * 56.7;
      g_assert_true (layout.drawing.width >= 0.6 * content_w || layout.drawing.height >= 0.6 * content_h);
      /* a caption says who is named: "… for 24 key people of 40 …", "… Key people: …" */
      if (layout.names->len < mw_network_get_n_actors (networks[i]))
        assert_contains (text, mw_network_get_n_actors (networks[i]) > 300 ? "Key people:" : "key people");
      if (i == 0)
        g_assert_cmpuint (layout.names->len, ==, mw_network_get_n_actors (networks[i]));
      if (i == 1)
        {
          g_assert_true (layout.landscape);
          g_assert_cmpfloat (layout.page_width, >, layout.page_height);
          g_assert_false (layout.all_labels);
        }
      /* MESHWORK_REPORT_PAGES=DIR keeps each page to look at (never committed) */
      if (g_getenv ("MESHWORK_REPORT_PAGES") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("network-%u.pdf", mw_network_get_n_actors (networks[i]));
          g_autofree char *path = g_build_filename (g_getenv ("MESHWORK_REPORT_PAGES"), name, NULL);

          g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
        }
      mw_report_network_layout_clear (&layout);
      g_object_unref (networks[i]);
    }
}

/* Every stream of @pdf inflated (cairo compresses its pages, fonts and
 * metadata with zlib), appended after the raw bytes: what a curious reader
 * of the file could decode. */
static GString *
pdf_bytes_and_streams (GBytes *pdf)
{
  gsize size;
  const char *raw = g_bytes_get_data (pdf, &size);
  GString *all = g_string_new_len (raw, size);
  const char *at = raw, *end = raw + size;

  while ((at = g_strstr_len (at, end - at, "stream")) != NULL)
    {
      const char *data = at + strlen ("stream"), *stop;
      g_autoptr(GConverter) inflate = NULL;
      g_autoptr(GInputStream) base = NULL, in = NULL;
      g_autoptr(GBytes) chunk = NULL, out = NULL;

      at = data;
      if (data > raw + strlen ("stream") && data[-7] == 'd')   /* "endstream" */
        continue;
      data += data[0] == '\r' ? 2 : 1;
      stop = g_strstr_len (data, end - data, "endstream");
      if (stop == NULL)
        break;
      chunk = g_bytes_new_static (data, stop - data);
      base = g_memory_input_stream_new_from_bytes (chunk);
      inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      in = g_converter_input_stream_new (base, inflate);
      out = g_input_stream_read_bytes (in, 64 << 20, NULL, NULL);
      if (out != NULL)
        g_string_append_len (all, g_bytes_get_data (out, NULL), g_bytes_get_size (out));
      at = stop;
    }
  return all;
}

static void
assert_nowhere (const char *what,
                const char *haystack,
                gsize       length,
                const char *where)
{
  g_autofree char *folded_what = g_ascii_strdown (what, -1);
  g_autofree char *folded = g_ascii_strdown (haystack, length);

  if (g_strstr_len (folded, length, folded_what) != NULL)
    g_error ("“%s” is in the anonymised report's %s", what, where);
}

/* A file whose ids are names ("annlee"), with e-mail, phone, notes, a
 * cluster and a tie label that name people, and a baseline: the report
 * shows no id, name, word of a name, note or value that names someone —
 * not in the text, the metadata, the raw bytes or any decoded stream.
 * Roles stay; people are numbered alike in the snapshot and the baseline. */
static void
test_anonymised_ids (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "names-as-ids.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
  g_autoptr(MwNetwork) baseline = NULL;
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GString) decoded = NULL;
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL, *info = NULL;
  /* file names are names too, read in the Over Time table */
  MwReportSnapshot snapshots[] = { { NULL, "2026-03-31", "annlee-spring" }, { NULL, "2026-06-30", "annlee-team" } };
  MwReportOptions options;

  g_assert_no_error (error);
  baseline = mw_network_copy (network);
  mw_network_remove_actor (network, mw_network_lookup_actor (network, "dvorak"));
  for (guint i = 0; i < mw_network_get_n_actors (baseline); i++)
    {
      MwActor *actor = mw_network_get_actor (baseline, i);
      g_auto(GStrv) words = g_strsplit (actor->label, " ", -1);
      GHashTableIter iter;
      gpointer key, value;

      if (actor->kind != MW_ACTOR_PERSON)
        continue;
      g_ptr_array_add (secrets, g_strdup (actor->id));
      for (guint w = 0; words[w] != NULL; w++)
        g_ptr_array_add (secrets, g_strdup (words[w]));
      if (actor->notes[0] != '\0')
        g_ptr_array_add (secrets, g_strdup (actor->notes));
      g_hash_table_iter_init (&iter, actor->attrs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (strcmp (key, "title") != 0 && strcmp (key, "pos") != 0)
          g_ptr_array_add (secrets, g_strdup (value));
    }
  g_assert_cmpuint (secrets->len, >=, 14);

  /* the copy: ids replaced, the same person the same number in both */
  copy = mw_anonymise (baseline);
  g_assert_nonnull (mw_network_lookup_actor (copy, "p1"));
  g_assert_null (mw_network_lookup_actor (copy, "annlee"));
  g_assert_cmpstr (mw_network_lookup_actor (copy, "p2")->label, ==, "Finance lead");
  g_assert_cmpstr (mw_network_get_tie (copy, 0)->id, ==, "t1");

  snapshots[0].network = baseline;
  snapshots[1].network = network;
  mw_report_options_init (&options);
  options.anonymise = TRUE;
  options.baseline = baseline;
  pdf = mw_report_to_bytes (snapshots, G_N_ELEMENTS (snapshots), &options, NULL, &error);
  g_assert_no_error (error);
  text = poppler ("pdftotext", pdf);
  info = poppler ("pdfinfo", pdf);
  decoded = pdf_bytes_and_streams (pdf);
  assert_contains (text, "Person 1");
  assert_contains (text, "Finance lead");
  /* a role that names someone names them by their number */
  assert_contains (text, "Assistant to Person 1");
  assert_contains (text, "Over Time");
  /* Dmitri Dvorak left: as the baseline's Person 4, not a name */
  assert_contains (text, "Left (1): Person 4");
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = secrets->pdata[i];

      assert_nowhere (secret, text, strlen (text), "text");
      assert_nowhere (secret, info, strlen (info), "metadata");
      assert_nowhere (secret, decoded->str, decoded->len, "bytes");
    }
}

/* The "Over time" table's headers are the elements' titles in narrow
 * columns: each wraps between words (or after its own hyphen), never
 * inside a word, and none is hyphenated by the line breaker. */
static void
test_over_time_headers (void)
{
  g_autoptr(MwNetwork) a = load_example ();
  g_autoptr(MwNetwork) b = mw_network_copy (a);
  MwReportSnapshot snapshots[] = { { a, "2026-03-31", "Spring" }, { b, "2026-06-30", "Summer" } };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) words = g_regex_new ("[^\\s]+", 0, 0, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  MwReportOptions options;
  const char *table, *method;

  mw_report_options_init (&options);
  options.page = MW_PAGE_A4;
  pdf = mw_report_to_bytes (snapshots, G_N_ELEMENTS (snapshots), &options, NULL, &error);
  g_assert_no_error (error);
  text = poppler ("pdftotext", pdf);
  table = strstr (text, "Over Time");
  method = strstr (text, "Method and Limits");
  g_assert_nonnull (table);
  g_assert_true (method > table);

  /* the words of the table, as pdftotext reads them */
  g_regex_match_full (words, table, method - table, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (found, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_auto(GStrv) title = g_strsplit (mw_element_get_title (e), " ", -1);

      for (guint i = 0; title[i] != NULL; i++)
        {
          g_auto(GStrv) halves = g_strsplit (title[i], "-", 2);
          g_autofree char *first = g_strconcat (halves[0], "-", NULL);
          g_autofree char *joined = g_strjoinv ("", halves);

          /* "Multi-directional" may break after its hyphen, which pdftotext
           * reads back as "Multidirectional" */
          if (g_hash_table_contains (found, title[i]) || g_hash_table_contains (found, joined) ||
              (halves[1] != NULL && g_hash_table_contains (found, first) && g_hash_table_contains (found, halves[1])))
            continue;
          g_error ("the header word “%s” is broken in the Over Time table", title[i]);
        }
    }
}

static void
test_paper (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *info = NULL;
  MwReportOptions options;

  mw_report_options_init (&options);
  options.page = MW_PAGE_LETTER;
  pdf = report_of (network, &options);
  info = poppler ("pdfinfo", pdf);
  assert_contains (info, "Page size: 612 x 792 pts (letter)");
}

/* Three snapshots given out of order: the table is by their dates, and
 * the last by date is the one reported on. */
static void
test_over_time (void)
{
  g_autoptr(MwNetwork) a = load_example ();
  g_autoptr(MwNetwork) b = mw_network_copy (a);
  g_autoptr(MwNetwork) c = mw_network_copy (a);
  MwReportSnapshot snapshots[] = {
    { c, NULL, "Autumn" },
    { a, NULL, "Spring" },
    { b, NULL, "Summer" },
  };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MwReportOptions options;
  const char *over_time, *spring, *summer, *autumn;

  mw_network_set_attr (a, "date", "2026-03-31");
  mw_network_set_attr (b, "date", "2026-06-30");
  mw_network_set_attr (c, "date", "2026-09-30");
  mw_network_remove_actor (c, mw_network_lookup_actor (c, "dev2"));
  mw_report_options_init (&options);
  pdf = mw_report_to_bytes (snapshots, G_N_ELEMENTS (snapshots), &options, NULL, &error);
  g_assert_no_error (error);
  text = poppler ("pdftotext", pdf);

  over_time = strstr (text, "Over Time");
  g_assert_nonnull (over_time);
  spring = strstr (over_time, "Spring 2026-03-31");
  summer = strstr (over_time, "Summer 2026-06-30");
  autumn = strstr (over_time, "Autumn 2026-09-30");
  g_assert_nonnull (spring);
  g_assert_true (spring < summer && summer < autumn);
  /* the cover counts the last snapshot's actors: one left */
  assert_contains (text, "17 actors");

  /* in the order given when asked */
  options.by_date = FALSE;
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  pdf = mw_report_to_bytes (snapshots, G_N_ELEMENTS (snapshots), &options, NULL, &error);
  text = poppler ("pdftotext", pdf);
  over_time = strstr (text, "Over Time");
  g_assert_true (strstr (over_time, "Autumn") < strstr (over_time, "Spring"));
}

/* A baseline adds its comparison: the scores side by side and who left. */
static void
test_baseline (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) baseline = mw_network_copy (network);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  MwReportOptions options;

  mw_network_remove_actor (network, mw_network_lookup_actor (network, "dev2"));
  mw_report_options_init (&options);
  options.baseline = baseline;
  options.baseline_title = "Last quarter";
  pdf = report_of (network, &options);
  text = poppler ("pdftotext", pdf);
  assert_contains (text, "Compared with Last quarter");
  assert_contains (text, "Left (1): Ravi Patel");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/contents", test_contents);
  g_test_add_func ("/report/anonymise-transform", test_anonymise_transform);
  g_test_add_func ("/report/anonymised", test_anonymised_report);
  g_test_add_func ("/report/anonymised-ids", test_anonymised_ids);
  g_test_add_func ("/report/network-page", test_network_page);
  g_test_add_func ("/report/over-time-headers", test_over_time_headers);
  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/over-time", test_over_time);
  g_test_add_func ("/report/baseline", test_baseline);
  return g_test_run ();
}
