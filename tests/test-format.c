/* test-format.c: every file is read and written in the format it is
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "mw-format.h"

static char *
read_fixture (const char  *first,
              const char  *second,
              gsize       *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", first, second, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static MwNetwork *
load_fixture (const char *first,
              const char *second)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", first, second, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

static void
assert_same (MwNetwork *expected,
             MwNetwork *actual)
{
  g_autofree char *difference = NULL;

  if (!mw_network_equal (expected, actual, &difference))
    g_error ("the networks differ: %s", difference);
}

static void
test_by_name (void)
{
  g_assert_cmpint (mw_format_for_name ("acme.gv"), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_for_name ("/tmp/acme.dot"), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_for_name ("ACME.GV"), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_for_name ("acme.Dot"), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_for_name ("acme.graphml"), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_for_name ("file:///tmp/Acme.GraphML"), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_for_name ("acme.txt"), ==, MW_FORMAT_UNKNOWN);
  g_assert_cmpint (mw_format_for_name ("graphml"), ==, MW_FORMAT_UNKNOWN);
  g_assert_cmpint (mw_format_for_name ("acme.gv.bak"), ==, MW_FORMAT_UNKNOWN);
  g_assert_cmpint (mw_format_for_name ("-"), ==, MW_FORMAT_UNKNOWN);
  g_assert_cmpint (mw_format_for_name (NULL), ==, MW_FORMAT_UNKNOWN);
}

static void
test_by_content (void)
{
  static const char dot[] = "digraph acme { a -> b }";
  static const char commented[] = "/* <not xml> */\ndigraph { }";
  static const char xml[] = "\n  <?xml version=\"1.0\"?><graphml/>";
  static const char bom_xml[] = "\xef\xbb\xbf<graphml/>";
  static const char bom_dot[] = "\xef\xbb\xbfgraph { }";
  /* "<g" and " <" in UTF-16, with and without a byte order mark */
  static const char le_bom[] = "\xff\xfe<\0g\0";
  static const char be_bom[] = "\xfe\xff\0 \0<";
  static const char le[] = "<\0g\0";
  static const char be[] = "\0<\0g";
  static const char le_dot[] = "\xff\xfeg\0r\0";

  g_assert_cmpint (mw_format_sniff (dot, strlen (dot)), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_sniff (commented, strlen (commented)), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_sniff (xml, strlen (xml)), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_sniff (bom_xml, strlen (bom_xml)), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_sniff (bom_dot, strlen (bom_dot)), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_sniff (le_bom, sizeof le_bom - 1), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_sniff (be_bom, sizeof be_bom - 1), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_sniff (le, sizeof le - 1), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_sniff (be, sizeof be - 1), ==, MW_FORMAT_GRAPHML);
  g_assert_cmpint (mw_format_sniff (le_dot, sizeof le_dot - 1), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_sniff ("", 0), ==, MW_FORMAT_DOT);
  g_assert_cmpint (mw_format_sniff (NULL, 0), ==, MW_FORMAT_DOT);
}

static void
test_table (void)
{
  guint n = 0;
  const MwFormatInfo *formats = mw_format_get_all (&n);

  g_assert_cmpuint (n, ==, 2);
  /* The native format first: a file chooser's default filter. */
  g_assert_cmpint (formats[0].format, ==, MW_FORMAT_DOT);
  g_assert_cmpstr (formats[0].name, ==, "Networks (DOT)");
  g_assert_cmpstr (formats[0].mime_type, ==, "text/vnd.graphviz");
  g_assert_cmpstr (formats[1].name, ==, "Networks (GraphML)");

  /* Every pattern a chooser shows is a name the loader recognises. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *made = g_strconcat ("network", formats[i].extension, NULL);

      g_assert_true (mw_format_get_info (formats[i].format) == &formats[i]);
      g_assert_cmpint (mw_format_for_name (made), ==, formats[i].format);
      for (const char * const *p = formats[i].patterns; *p != NULL; p++)
        {
          g_autofree char *name = g_strconcat ("x", *p + 1, NULL);
          g_assert_cmpint (mw_format_for_name (name), ==, formats[i].format);
        }
    }
  g_assert_null (mw_format_get_info (MW_FORMAT_UNKNOWN));
}

static void
test_strip_extension (void)
{
  static const struct { const char *name, *title; } cases[] = {
    { "meshwork-example.gv", "meshwork-example" },
    { "Acme.GraphML", "Acme" },
    { "team.v2.DOT", "team.v2" },
    { "notes.txt", "notes.txt" },
    { "README", "README" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = mw_format_strip_extension (cases[i].name);
      g_assert_cmpstr (title, ==, cases[i].title);
    }
}

/* The explicit format beats the name, which beats the content. */
static void
test_order (void)
{
  gsize length = 0;
  g_autofree char *graphml = read_fixture ("graphml", "cytoscape-export.graphml", &length);
  g_autoptr(MwNetwork) by_content = NULL;
  g_autoptr(MwNetwork) by_name = NULL;
  g_autoptr(MwNetwork) explicit = NULL;
  g_autoptr(GError) error = NULL;

  by_content = mw_format_load_data (MW_FORMAT_UNKNOWN, graphml, length, "partners", "partners.txt",
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (by_content), >, 0);

  by_name = mw_format_load_data (MW_FORMAT_UNKNOWN, graphml, length, "partners.gv", "partners.gv",
                                 NULL, &error);
  g_assert_null (by_name);
  g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
  g_clear_error (&error);

  explicit = mw_format_load_data (MW_FORMAT_DOT, graphml, length, "partners", "partners.graphml",
                                  NULL, &error);
  g_assert_null (explicit);
  g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
}

static void
test_utf16_graphml (void)
{
  gsize length = 0, utf16_length = 0;
  g_autofree char *graphml = read_fixture ("graphml", "cytoscape-export.graphml", &length);
  g_autofree char *utf16 = g_convert (graphml, length, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_autofree char *with_bom = g_malloc (utf16_length + 2);
  g_autoptr(MwNetwork) expected = load_fixture ("graphml", "cytoscape-export.graphml");
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (utf16);
  memcpy (with_bom, "\xff\xfe", 2);
  memcpy (with_bom + 2, utf16, utf16_length);

  network = mw_format_load_data (MW_FORMAT_UNKNOWN, with_bom, utf16_length + 2, "<stdin>", NULL,
                                 NULL, &error);
  g_assert_no_error (error);
  assert_same (expected, network);
}

/* The same file in another Unicode form, with or without a byte order mark. */
static char *
encode (const char *utf8,
        gsize       length,
        const char *form,
        const char *bom,
        gsize       bom_length,
        gsize      *out_length)
{
  gsize converted_length = 0;
  g_autofree char *converted = g_convert (utf8, length, form, "UTF-8", NULL, &converted_length, NULL);
  char *text = g_malloc (bom_length + converted_length + 1);

  g_assert_nonnull (converted);
  memcpy (text, bom, bom_length);
  memcpy (text + bom_length, converted, converted_length);
  text[bom_length + converted_length] = '\0';
  *out_length = bom_length + converted_length;
  return text;
}

static const struct
{
  const char *form;
  const char *bom;
  gsize       bom_length;
} text_forms[] = {
  { "UTF-8", "\xef\xbb\xbf", 3 },      /* Notepad's "UTF-8" */
  { "UTF-16LE", "\xff\xfe", 2 },        /* Notepad's "Unicode" */
  { "UTF-16BE", "\xfe\xff", 2 },
  { "UTF-16LE", "", 0 },                /* some "Unicode text" exports */
  { "UTF-16BE", "", 0 },
  { "UTF-32LE", "\xff\xfe\0\0", 4 },
  { "UTF-32BE", "\0\0\xfe\xff", 4 },
};

/* DOT and GraphML in every Unicode form people's editors save in read as
 * the UTF-8 file does, by content and by name, from memory and from disk
 * (a DOT file with a byte order mark was a syntax error near "digraph"). */
static void
test_text_forms (void)
{
  static const char *fixtures[][3] = {
    { "unicode.gv", NULL, "x.gv" },
    { "gephi-export.gv", NULL, "x.dot" },
    { "graphml", "cytoscape-export.graphml", "x.graphml" },
  };
  g_autofree char *dir = g_dir_make_tmp ("meshwork-forms-XXXXXX", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    for (guint i = 0; i < G_N_ELEMENTS (text_forms); i++)
      {
        gsize length = 0, encoded_length = 0;
        g_autofree char *utf8 = read_fixture (fixtures[f][0], fixtures[f][1], &length);
        g_autoptr(MwNetwork) expected = load_fixture (fixtures[f][0], fixtures[f][1]);
        g_autofree char *encoded = encode (utf8, length, text_forms[i].form, text_forms[i].bom,
                                           text_forms[i].bom_length, &encoded_length);
        g_autofree char *unnamed = g_build_filename (dir, "network", NULL);
        g_autofree char *named = g_build_filename (dir, fixtures[f][2], NULL);
        g_autoptr(GError) error = NULL;

        g_test_message ("%s as %s, %s a byte order mark", fixtures[f][0], text_forms[i].form,
                        text_forms[i].bom_length > 0 ? "with" : "without");
        {
          g_autoptr(MwNetwork) network = mw_format_load_data (MW_FORMAT_UNKNOWN, encoded, encoded_length,
                                                              "<stdin>", NULL, NULL, &error);
          g_assert_no_error (error);
          assert_same (expected, network);
        }
        g_assert_true (g_file_set_contents (unnamed, encoded, encoded_length, NULL));
        g_assert_true (g_file_set_contents (named, encoded, encoded_length, NULL));
        for (guint k = 0; k < 2; k++)
          {
            g_autoptr(MwNetwork) network = mw_format_load_file (MW_FORMAT_UNKNOWN, k == 0 ? unnamed : named,
                                                                NULL, &error);
            g_assert_no_error (error);
            assert_same (expected, network);
          }
        g_unlink (unnamed);
        g_unlink (named);
      }
  g_rmdir (dir);
}

/* Broken wide text is refused with its line, as broken UTF-8 is; a
 * syntax error in UTF-16 is on the line it is in the file. */
static void
test_text_forms_broken (void)
{
  static const char dot[] = "digraph {\n  a -> b\n  c -> -> d\n}\n";
  /* a lone high surrogate on line 3 */
  static const char surrogate[] = "\xff\xfe" "d\0{\0\n\0a\0\n\0" "\x00\xd8" "x\0\n\0}\0";
  gsize length = 0;
  g_autofree char *utf16 = encode (dot, strlen (dot), "UTF-16LE", "\xff\xfe", 2, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;

  network = mw_format_load_data (MW_FORMAT_DOT, utf16, length, "bad.gv", NULL, NULL, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "bad.gv:3:"));
  g_clear_error (&error);

  for (guint f = 0; f < 2; f++)
    {
      network = mw_format_load_data (f == 0 ? MW_FORMAT_DOT : MW_FORMAT_GRAPHML, surrogate, sizeof surrogate - 1,
                                     "bad", NULL, NULL, &error);
      g_assert_null (network);
      g_assert_error (error, MW_ERROR, MW_ERROR_ENCODING);
      g_assert_true (g_str_has_prefix (error->message, "bad:3:"));
      g_assert_nonnull (strstr (error->message, "UTF-16LE"));
      g_clear_error (&error);
    }
}

/* Files people bring that Meshwork does not open are refused with what to
 * do instead, from disk and from memory with the name as a hint; before,
 * read as DOT, a CSV file was "syntax error near 'name'". */
static void
test_foreign_files (void)
{
  static const struct { const char *name; const char *says; } cases[] = {
    { "people.csv", "imported into a network" },
    { "People.TSV", "imported into a network" },
    { "org.xlsx", "saved as CSV" },
    { "org.xls", "saved as CSV" },
    { "org.ods", "saved as CSV" },
    { "web.gexf", "export the network from Gephi as GraphML" },
    { "web.net", "Pajek" },
    { "web.paj", "Pajek" },
    { "web.gml", "GML" },
    { "web.json", "JSON" },
  };
  static const char csv[] = "name,manager\nAnn,\nBob,Ann\n";
  g_autofree char *dir = g_dir_make_tmp ("meshwork-foreign-XXXXXX", NULL);

  /* what the app imports where it would open a network */
  g_assert_true (mw_format_is_import_name ("people.csv"));
  g_assert_true (mw_format_is_import_name ("file:///tmp/People.TSV"));
  g_assert_false (mw_format_is_import_name ("org.xlsx"));
  g_assert_false (mw_format_is_import_name ("acme.gv"));
  g_assert_false (mw_format_is_import_name (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) from_file = NULL;
      g_autoptr(MwNetwork) from_data = NULL;

      g_assert_true (g_file_set_contents (path, csv, -1, NULL));
      from_file = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
      g_assert_null (from_file);
      g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_true (g_str_has_prefix (error->message, path));
      g_clear_error (&error);

      from_data = mw_format_load_data (MW_FORMAT_UNKNOWN, csv, strlen (csv), cases[i].name, cases[i].name, NULL, &error);
      g_assert_null (from_data);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A file whose name says nothing is read by its content, from disk too. */
static void
test_unknown_extension (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-format-XXXXXX", NULL);
  g_autofree char *as_txt = g_build_filename (dir, "partners.txt", NULL);
  g_autofree char *as_data = g_build_filename (dir, "basic.data", NULL);
  g_autofree char *upper = g_build_filename (dir, "PARTNERS.GRAPHML", NULL);
  gsize length = 0, dot_length = 0;
  g_autofree char *graphml = read_fixture ("graphml", "cytoscape-export.graphml", &length);
  g_autofree char *dot = read_fixture ("meshwork-basic.gv", NULL, &dot_length);
  g_autoptr(MwNetwork) partners = load_fixture ("graphml", "cytoscape-export.graphml");
  g_autoptr(MwNetwork) basic = load_fixture ("meshwork-basic.gv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (as_txt, graphml, length, &error);
  g_assert_no_error (error);
  g_file_set_contents (as_data, dot, dot_length, &error);
  g_assert_no_error (error);
  g_file_set_contents (upper, graphml, length, &error);
  g_assert_no_error (error);

  {
    g_autoptr(MwNetwork) a = mw_format_load_file (MW_FORMAT_UNKNOWN, as_txt, NULL, &error);
    g_assert_no_error (error);
    assert_same (partners, a);
  }
  {
    g_autoptr(MwNetwork) b = mw_format_load_file (MW_FORMAT_UNKNOWN, as_data, NULL, &error);
    g_assert_no_error (error);
    assert_same (basic, b);
  }
  {
    g_autoptr(MwNetwork) c = mw_format_load_file (MW_FORMAT_UNKNOWN, upper, NULL, &error);
    g_assert_no_error (error);
    assert_same (partners, c);
  }

  g_remove (as_txt);
  g_remove (as_data);
  g_remove (upper);
  g_rmdir (dir);
}

/* Saved in the format the name says, read back the same. */
static void
test_round_trip (void)
{
  static const struct { const char *name; const char *starts; } cases[] = {
    { "acme.graphml", "<?xml" },
    { "acme.GV", "digraph" },
    { "acme.dot", "digraph" },
    { "acme.network", "digraph" },   /* no format named: DOT, Meshwork's own */
  };
  g_autofree char *dir = g_dir_make_tmp ("meshwork-format-XXXXXX", NULL);
  g_autoptr(MwNetwork) basic = load_fixture ("meshwork-basic.gv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(MwNetwork) again = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (mw_format_save_file (MW_FORMAT_UNKNOWN, basic, path, &error));
      g_assert_no_error (error);
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (contents, cases[i].starts));

      again = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
      g_assert_no_error (error);
      assert_same (basic, again);
      g_remove (path);
    }
  g_rmdir (dir);

  /* And in memory, each format by name. */
  for (MwFormat format = MW_FORMAT_DOT; format <= MW_FORMAT_GRAPHML; format++)
    {
      gsize length = 0;
      g_autofree char *text = mw_format_save_data (format, basic, &length);
      g_autoptr(MwNetwork) again = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (mw_format_sniff (text, length), ==, format);
      again = mw_format_load_data (MW_FORMAT_UNKNOWN, text, length, "saved", NULL, NULL, &error);
      g_assert_no_error (error);
      assert_same (basic, again);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/by-name", test_by_name);
  g_test_add_func ("/format/by-content", test_by_content);
  g_test_add_func ("/format/table", test_table);
  g_test_add_func ("/format/strip-extension", test_strip_extension);
  g_test_add_func ("/format/order", test_order);
  g_test_add_func ("/format/utf16-graphml", test_utf16_graphml);
  g_test_add_func ("/format/text-forms", test_text_forms);
  g_test_add_func ("/format/text-forms-broken", test_text_forms_broken);
  g_test_add_func ("/format/foreign-files", test_foreign_files);
  g_test_add_func ("/format/unknown-extension", test_unknown_extension);
  g_test_add_func ("/format/round-trip", test_round_trip);

  return g_test_run ();
}
