/* test-dot.c: DOT files in and out through cgraph
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mw-dot.h"
#include "mw-label.h"
#include "mw-limits.h"

#include "mw-test-cli.h"
#include "mw-test-core.h"

static MwNetwork *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

static MwNetwork *
reload (MwNetwork *network)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = mw_dot_save_data (network, &length);
  MwNetwork *again = mw_dot_load_data (text, length, "saved", NULL, &error);

  g_assert_no_error (error);
  return again;
}

static const char *fixtures[] = {
  "meshwork-basic.gv", "clusters.gv", "ports-html.gv", "multi-edges.gv",
  "undirected.gv", "unicode.gv", "unknown-attrs.gv", "gephi-export.gv",
  "neato-output.gv", "latin1.gv", "strict-cycle.gv", "duplicate-ids.gv",
};

/* load → save → load gives the same network, and saving is stable */
static void
test_round_trip (gconstpointer data)
{
  g_autoptr(MwNetwork) first = load_fixture (data);
  g_autoptr(MwNetwork) second = reload (first);
  g_autoptr(MwNetwork) third = reload (second);
  g_autofree char *difference = NULL;
  g_autofree char *text2 = mw_dot_save_data (second, NULL);
  g_autofree char *text3 = mw_dot_save_data (third, NULL);

  if (!mw_network_equal (first, second, &difference))
    g_error ("%s: %s", (const char *)data, difference);
  g_assert_cmpstr (text2, ==, text3);
}

/* Ties keep the order they have in the file, whatever their tails' order. */
static void
test_ties_keep_file_order (void)
{
  const char *text = "digraph g { c; b; a; b -> c; a -> b; c -> a; b -> a }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (text, strlen (text), NULL, NULL, &error);
  const char *expected[][2] = { { "b", "c" }, { "a", "b" }, { "c", "a" }, { "b", "a" } };

  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      g_assert_cmpstr (tie->from->id, ==, expected[i][0]);
      g_assert_cmpstr (tie->to->id, ==, expected[i][1]);
    }
}

static void
test_meshwork_fields (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("meshwork-basic.gv");
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwActor *eng = mw_network_lookup_actor (network, "eng");
  MwActor *ops = mw_network_lookup_actor (network, "ops");
  MwActor *ana = mw_network_lookup_actor (network, "ana");
  MwActor *guild = mw_network_lookup_actor (network, "guild");
  MwTie *collab;

  g_assert_cmpstr (mw_network_get_name (network), ==, "acme");
  g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (network), "label"), ==, "Acme product group");
  g_assert_cmpstr (ceo->label, ==, "Dana Reyes");
  g_assert_true (ceo->purpose);
  g_assert_cmpstr (ceo->org, ==, "Acme");
  g_assert_cmpstr (eng->unit, ==, "Engineering");
  /* y grows downwards in the model, upwards in Graphviz */
  g_assert_true (eng->has_position);
  g_assert_cmpfloat_with_epsilon (eng->x, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (eng->y, 100, 1e-9);
  g_assert_true (ops->pinned);
  g_assert_false (eng->pinned);
  g_assert_true (ana->initiative);
  g_assert_cmpstr (ana->notes, ==, "Runs the guild");
  g_assert_false (ana->has_position);
  g_assert_cmpint (guild->kind, ==, MW_ACTOR_TEAM);
  g_assert_cmpuint (g_hash_table_size (ana->attrs), ==, 0);

  g_assert_cmpuint (mw_actor_n_out (ana, MW_TIE_COLLABORATES), ==, 2);
  collab = mw_actor_out (ana, MW_TIE_COLLABORATES, 0);
  if (collab->to != mw_network_lookup_actor (network, "cho"))
    collab = mw_actor_out (ana, MW_TIE_COLLABORATES, 1);
  g_assert_cmpfloat_with_epsilon (collab->weight, 2.5, 1e-9);
  g_assert_cmpuint (mw_actor_n_in (ceo, MW_TIE_REPORTS), ==, 2);
}

static void
test_clusters_become_units (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("clusters.gv");
  g_autofree char *saved = NULL;
  MwActor *e1;
  MwTie *tie;

  g_assert_cmpstr (mw_network_lookup_actor (network, "s1")->unit, ==, "Sales");
  g_assert_cmpstr (mw_network_lookup_actor (network, "e2")->unit, ==, "eng");
  /* the innermost cluster wins */
  g_assert_cmpstr (mw_network_lookup_actor (network, "e3")->unit, ==, "Platform");

  e1 = mw_network_lookup_actor (network, "e1");
  g_assert_cmpstr (g_hash_table_lookup (e1->attrs, "shape"), ==, "box");
  tie = mw_actor_out (mw_network_lookup_actor (network, "e2"), MW_TIE_INFLUENCES, 0);
  g_assert_cmpstr (g_hash_table_lookup (tie->attrs, "color"), ==, "red");
  g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (network), "rankdir"), ==, "LR");

  /* the file's clusters are saved as they were, with their styles */
  saved = mw_dot_save_data (network, NULL);
  g_assert_nonnull (strstr (saved, "subgraph cluster_sales"));
  g_assert_nonnull (strstr (saved, "color=lightgrey"));
  g_assert_null (strstr (saved, "subgraph cluster_unit"));

  /* an actor moved to another unit leaves the file's cluster for one of
   * Meshwork's own, so `dot` draws it there */
  {
    g_autoptr(MwNetwork) again = NULL;

    mw_network_set_actor_unit (network, mw_network_lookup_actor (network, "s1"), "Marketing");
    g_free (saved);
    saved = mw_dot_save_data (network, NULL);
    g_assert_nonnull (strstr (saved, "subgraph cluster_unit_Marketing"));
    again = reload (network);
    g_assert_cmpstr (mw_network_lookup_actor (again, "s1")->unit, ==, "Marketing");
    g_assert_cmpstr (mw_network_lookup_actor (again, "s2")->unit, ==, "Sales");
    g_assert_cmpstr (mw_network_lookup_actor (again, "e3")->unit, ==, "Platform");
  }
}

static void
test_foreign_edges (void)
{
  g_autoptr(MwNetwork) directed = load_fixture ("gephi-export.gv");
  g_autoptr(MwNetwork) undirected = load_fixture ("undirected.gv");
  MwActor *carol, *dave;

  /* edges without mw_tie: influence in a digraph, collaboration in a graph */
  for (guint i = 0; i < mw_network_get_n_ties (directed); i++)
    g_assert_cmpint (mw_network_get_tie (directed, i)->type, ==, MW_TIE_INFLUENCES);
  g_assert_cmpfloat_with_epsilon (mw_actor_out (mw_network_lookup_actor (directed, "1"),
                                                MW_TIE_INFLUENCES, 0)->weight, 1.5, 1e-9);
  g_assert_cmpstr (mw_network_lookup_actor (directed, "1")->label, ==, "Node 1");
  g_assert_cmpstr (g_hash_table_lookup (mw_network_lookup_actor (directed, "1")->attrs, "x"), ==, "-23.5");

  g_assert_false (mw_network_get_directed (undirected));
  carol = mw_network_lookup_actor (undirected, "carol");
  dave = mw_network_lookup_actor (undirected, "dave");
  g_assert_cmpuint (mw_actor_n_out (carol, MW_TIE_COLLABORATES) + mw_actor_n_in (carol, MW_TIE_COLLABORATES), ==, 3);
  g_assert_cmpuint (mw_actor_n_out (dave, MW_TIE_REPORTS), ==, 1);
}

static void
test_ports_html_multi (void)
{
  g_autoptr(MwNetwork) records = load_fixture ("ports-html.gv");
  g_autoptr(MwNetwork) multi = load_fixture ("multi-edges.gv");
  g_autoptr(GPtrArray) problems = NULL;
  char *label;

  g_assert_cmpuint (mw_network_get_n_actors (records), ==, 3);
  g_assert_cmpuint (mw_network_get_n_ties (records), ==, 2);
  /* labels are kept as written, and shown as their text (test_display_labels) */
  g_assert_cmpstr (mw_network_lookup_actor (records, "b")->label, ==, "<b>Bold</b> person");
  label = mw_network_dup_actor_display_label (records, mw_network_lookup_actor (records, "b"));
  g_assert_cmpstr (label, ==, "Bold person");
  g_free (label);
  label = mw_network_dup_actor_display_label (records, mw_network_lookup_actor (records, "c"));
  g_assert_cmpstr (label, ==, "cell {with braces}");
  g_free (label);
  label = mw_network_dup_actor_display_label (records, mw_network_lookup_actor (records, "a"));
  g_assert_cmpstr (label, ==, "left | mid | right");
  g_free (label);

  g_assert_cmpuint (mw_network_get_n_ties (multi), ==, 5);
  problems = mw_network_check (multi);
  /* a → b twice (duplicate) and a → a (self tie) */
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_unknown_attributes_survive (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("unknown-attrs.gv");
  g_autofree char *saved = mw_dot_save_data (network, NULL);
  g_autoptr(MwNetwork) again = reload (network);
  MwActor *x = mw_network_lookup_actor (again, "x");

  for (const char * const *needle = (const char * const[]) {
         "employee_no=1234", "survey_score=0.75", "bgcolor=\"#fafafa\"",
         "survey_round=\"2026-Q3\"", "tooltip=\"hover text\"", "penwidth=2",
         "fontsize=11", "color=gray40", NULL };
       *needle != NULL; needle++)
    if (strstr (saved, *needle) == NULL)
      g_error ("“%s” was lost in:\n%s", *needle, saved);

  g_assert_cmpstr (g_hash_table_lookup (x->attrs, "shape"), ==, "box");
  g_assert_cmpstr (g_hash_table_lookup (mw_network_get_node_defaults (again), "shape"), ==, "ellipse");
  g_assert_cmpstr (g_hash_table_lookup (mw_network_lookup_actor (again, "y")->attrs, "URL"),
                   ==, "https://example.org/y");
}

/* cgraph reads a file's first graph; what follows it (another graph, as
 * Graphviz's tools draw each) was dropped without a word. It is named, with
 * its line, among what a save cannot keep; for a big file too, whose scan
 * runs beside the parse. Comments and a stray `;` after the graph are not. */
static void
test_graphs_after_the_first (void)
{
  static const char two[] = "digraph a { x -> y }\n/* the next one */\ndigraph b { p -> q -> r }\n";
  static const char one[] = "digraph a { x -> y }\n// the end\n/* really */ ;\n#\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new ("digraph big {\n");
  g_autoptr(MwNetwork) network = NULL;
  const char * const *lossy;

  network = mw_dot_load_data (two, strlen (two), "two.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 2);
  lossy = mw_network_get_lossy_features (network);
  g_assert_cmpstr (lossy[0], ==, "what follows the first graph (from line 3)");
  g_assert_null (lossy[1]);
  g_clear_object (&network);

  network = mw_dot_load_data (one, strlen (one), "one.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (mw_network_get_lossy_features (network)[0]);
  g_clear_object (&network);

  /* past 1 MiB the pre-scan runs on another thread while cgraph parses */
  for (guint i = 0; big->len < 1200 * 1024; i++)
    g_string_append_printf (big, "  n%u -> n%u [label=\"a tie that takes some room\"];\n", i, i + 1);
  g_string_append (big, "}\ngraph second { a -- b }\n");
  network = mw_dot_load_data (big->str, big->len, "big.gv", NULL, &error);
  g_assert_no_error (error);
  lossy = mw_network_get_lossy_features (network);
  g_assert_nonnull (lossy[0]);
  g_assert_true (g_str_has_prefix (lossy[0], "what follows the first graph (from line "));
}

/* Character entities as Graphviz reads them in every label (HTML 4's
 * names, decimal and hexadecimal): "Caf&eacute;" was drawn as written. An
 * "&" that starts no entity is itself. */
static void
test_label_entities (void)
{
  static const struct { const char *label; gboolean html; gboolean record; const char *shown; } cases[] = {
    { "Caf&eacute; R&amp;D &#945;&#x3B2;&#X3b3; &Omega;&sigmaf; &hellip;&euro;&nbsp;x", FALSE, FALSE,
      "Café R&D αβγ Ως …€ x" },
    { "R&D, Q&A; &bogus; &#12ab; &#; &; & &amp", FALSE, FALSE, "R&D, Q&A; &bogus; &#12ab; &#; &; & &amp" },
    { "&AElig;&yuml;&szlig;&iexcl;&THORN;", FALSE, FALSE, "Æÿß¡Þ" },
    { "Caf&eacute;<BR/><b>R&amp;D</b> &lt;x&gt;", TRUE, FALSE, "Café\nR&D <x>" },
    { "{&lt;in&gt;|<p1> caf&eacute;}", FALSE, TRUE, "<in> | café" },
    { "&#0; &#55296; &#1114112;", FALSE, FALSE, "&#0; &#55296; &#1114112;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = mw_label_dup_text (cases[i].label, cases[i].html, cases[i].record, NULL);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

static void
test_unicode_and_charset (void)
{
  g_autoptr(MwNetwork) unicode = load_fixture ("unicode.gv");
  g_autoptr(MwNetwork) latin1 = load_fixture ("latin1.gv");
  g_autofree char *saved = mw_dot_save_data (latin1, NULL);

  g_assert_cmpstr (mw_network_get_name (unicode), ==, "Équipe");
  g_assert_cmpstr (mw_network_lookup_actor (unicode, "zoë")->unit, ==, "研究開発");
  g_assert_cmpstr (mw_network_lookup_actor (unicode, "мария")->label, ==, "Мария 👩‍💼");

  /* converted to UTF-8, and no longer claims to be Latin-1 */
  g_assert_cmpstr (mw_network_lookup_actor (latin1, "a")->label, ==, "José Muñoz");
  g_assert_true (g_utf8_validate (saved, -1, NULL));
  g_assert_null (strstr (saved, "charset"));
}

static void
test_duplicate_ids_merge (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("duplicate-ids.gv");
  MwActor *a = mw_network_lookup_actor (network, "a");

  /* DOT: a node named twice is one node with both statements' attributes */
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 2);
  g_assert_cmpstr (a->label, ==, "First");
  g_assert_cmpstr (a->unit, ==, "Ops");
}

typedef struct
{
  const char *file;
  MwError     code;
  guint       line;   /* 0: no line expected */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty.gv", MW_ERROR_EMPTY, 0 },
  { "truncated.gv", MW_ERROR_PARSE, 3 },
  { "binary.gv", MW_ERROR_ENCODING, 1 },
  { "unbalanced.gv", MW_ERROR_PARSE, 1 },
  { "invalid-utf8.gv", MW_ERROR_ENCODING, 2 },
  { "long-line.gv", MW_ERROR_LIMIT, 3 },
  { "nested.gv", MW_ERROR_LIMIT, 2 },
  { "syntax.gv", MW_ERROR_PARSE, 3 },
  { "notdot.gv", MW_ERROR_PARSE, 1 },
};

static char *
display_label (MwNetwork  *network,
               const char *id)
{
  return mw_network_dup_actor_display_label (network, mw_network_lookup_actor (network, id));
}

/* Labels as users wrote them: shown as text, kept as written */
static void
test_display_labels (void)
{
  static const char text[] =
    "digraph G {\n"
    "  label=<Org <i>chart</i> &amp; more>;\n"
    "  a [label=\"first\\nsecond\\lthird\\r\"];\n"
    "  b [label=\"\\N (lead)\"];\n"
    "  c [label=<one<BR/>two &lt;3&gt; &#233;>];\n"
    "  d [shape=Mrecord, label=\"<f0> one|{<f1> two|three}\"];\n"
    "  e [label=\"a|b\"];\n"
    "  f [label=<<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>>];\n"
    "  a -> b [label=<<b>tie</b>>];\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (text, strlen (text), "labels", NULL, &error);
  g_autoptr(MwNetwork) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *title = NULL;
  const struct { const char *id; const char *shown; } cases[] = {
    { "a", "first\nsecond\nthird" },
    { "b", "b (lead)" },
    { "c", "one\ntwo <3> \xc3\xa9" },
    { "d", "one | two | three" },
    { "e", "a|b" },  /* not a record: the bar is text */
    { "f", "x y\nz" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = display_label (network, cases[i].id);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  title = mw_network_dup_title (network);
  g_assert_cmpstr (title, ==, "Org chart & more");

  /* kept exactly as written, and written back so */
  g_assert_cmpstr (mw_network_lookup_actor (network, "a")->label, ==, "first\\nsecond\\lthird\\r");
  g_assert_cmpstr (mw_network_lookup_actor (network, "c")->label, ==, "one<BR/>two &lt;3&gt; &#233;");
  saved = mw_dot_save_data (network, NULL);
  g_assert_nonnull (strstr (saved, "label=<one<BR/>two &lt;3&gt; &#233;>"));
  g_assert_nonnull (strstr (saved, "label=<<b>tie</b>>"));
  g_assert_nonnull (strstr (saved, "label=<Org <i>chart</i> &amp; more>"));
  again = reload (network);
  g_assert_true (mw_network_equal (network, again, NULL));

  /* a label the user types is text, even where an HTML label was */
  mw_network_set_actor_label (network, mw_network_lookup_actor (network, "c"), "<b>typed</b>");
  {
    g_autofree char *shown = display_label (network, "c");
    g_autofree char *typed = mw_dot_save_data (network, NULL);

    g_assert_cmpstr (shown, ==, "<b>typed</b>");
    g_assert_nonnull (strstr (typed, "label=\"<b>typed</b>\""));
  }
  /* and the HTML label again (an undo) is HTML again */
  mw_network_set_actor_label (network, mw_network_lookup_actor (network, "c"), "one<BR/>two &lt;3&gt; &#233;");
  {
    g_autofree char *shown = display_label (network, "c");
    g_assert_cmpstr (shown, ==, "one\ntwo <3> \xc3\xa9");
  }
}

/* `meshwork-cli export` titles the page with the graph's label unless
 * --title says otherwise */
static void
test_graph_label_titles_export (void)
{
  static const char titled[] =
    "digraph { label=\"Quarterly\\nreview\"; a [pos=\"0,0\"]; b [pos=\"100,0\"]; a -> b }";
  g_autofree char *dir = mw_test_make_dir ("dot-title");
  g_autofree char *in = g_build_filename (dir, "in.gv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *svg_given = NULL;
  g_auto(MwTestRun) run = { 0 };
  g_auto(MwTestRun) given = { 0 };

  g_assert_true (g_file_set_contents (in, titled, -1, NULL));
  mw_test_run_cli (&run, "export", in, out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "Quarterly"));
  g_assert_null (strstr (svg, "\\n"));

  mw_test_run_cli (&given, "export", "--title", "Given", in, out, NULL);
  g_assert_cmpint (given.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg_given, NULL, NULL));
  g_assert_nonnull (strstr (svg_given, "Given"));
  g_assert_null (strstr (svg_given, "Quarterly"));
  mw_test_remove_tree (dir);
}

/* An HTML-like declared default is held once, like any other: each actor
 * holds the shared label and a 64-byte mark, never a copy of the text */
static void
test_html_default_shared (void)
{
  g_autoptr(GString) text = g_string_new ("digraph {\n node [label=<<b>");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  gsize own_bytes = 0;
  const char *first_label;

  for (guint i = 0; i < 100 * 1000; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "</b>>]\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, " n%u\n", i);
  g_string_append (text, "}\n");

  network = mw_dot_load_data (text->str, text->len, "html-default", NULL, &error);
  g_assert_no_error (error);
  first_label = mw_network_get_actor (network, 0)->label;
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      GHashTableIter iter;
      gpointer key, value;

      g_assert_true (actor->label == first_label);
      g_hash_table_iter_init (&iter, actor->attrs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        own_bytes += strlen (key) + strlen (value);
    }
  g_assert_cmpuint (own_bytes, <=, 100 * mw_network_get_n_actors (network));

  /* and it is still HTML when written back */
  {
    g_autofree char *saved = mw_dot_save_data (network, NULL);
    g_assert_nonnull (strstr (saved, "label=<<b>abc"));
  }
}

/* s20 tells Meshwork's own files from other tools' graphs by this */
static void
test_has_meshwork_attributes (void)
{
  static const char ours[] = "digraph { a -> b [mw_tie=reports] }";
  static const char theirs[] = "digraph { a -> b [color=red] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) with = mw_dot_load_data (ours, strlen (ours), "ours", NULL, &error);
  g_autoptr(MwNetwork) without = mw_dot_load_data (theirs, strlen (theirs), "theirs", NULL, &error);
  g_autoptr(MwNetwork) copy = NULL;

  g_assert_no_error (error);
  g_assert_true (mw_network_get_has_meshwork_attributes (with));
  g_assert_false (mw_network_get_has_meshwork_attributes (without));
  copy = mw_network_copy (with);
  g_assert_true (mw_network_get_has_meshwork_attributes (copy));
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, &error);
  g_autoptr(MwNetwork) good = NULL;

  g_assert_null (network);
  g_assert_error (error, MW_ERROR, (gint)bad->code);
  g_assert_nonnull (strstr (error->message, bad->file));
  if (bad->line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u:", bad->file, bad->line);
      if (strstr (error->message, where) == NULL)
        g_error ("expected “%s” in “%s”", where, error->message);
    }

  /* the parser is left in a state that reads the next file from line 1 */
  good = load_fixture ("meshwork-basic.gv");
  g_assert_cmpuint (mw_network_get_n_actors (good), ==, 7);
}

static void
test_limits (void)
{
  const char *text = "digraph { a -> b; b -> c; c -> d; }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;

  mw_limits_init_default (&limits);
  limits.max_actors = 3;
  network = mw_dot_load_data (text, strlen (text), "small", &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_bytes = 10;
  network = mw_dot_load_data (text, strlen (text), "small", &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
}

static gpointer
load_in_thread (gpointer data)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(MwNetwork) network = load_fixture (i % 2 ? "clusters.gv" : "meshwork-basic.gv");
      g_autofree char *text = mw_dot_save_data (network, NULL);

      g_assert_cmpuint (mw_network_get_n_actors (network), ==, i % 2 ? 5 : 7);
    }
  return NULL;
}

/* cgraph has global parser state; the loader serialises every call. */
static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("loader", load_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_save_file_atomic (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("meshwork-basic.gv");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meshwork-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.gv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "out.gv", NULL);
  g_autoptr(MwNetwork) again = NULL;

  g_assert_no_error (error);
  g_assert_true (mw_dot_save_file (network, path, &error));
  g_assert_no_error (error);
  again = mw_dot_load_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mw_network_equal (network, again, NULL));

  g_assert_false (mw_dot_save_file (network, bad_path, &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

static gpointer
read_fifo (gpointer path)
{
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return g_steal_pointer (&contents);
}

/* A pipe (or /dev/null) is written in place, never replaced by a file; a
 * symbolic link keeps pointing where it did; permissions are kept. */
static void
test_save_special_files (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("meshwork-basic.gv");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meshwork-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *real = g_build_filename (dir, "real.gv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gv", NULL);
  g_autofree char *received = NULL;
  GThread *reader;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo", read_fifo, fifo);
  g_assert_true (mw_dot_save_file (network, fifo, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);
  g_assert_nonnull (strstr (received, "Dana Reyes"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);
  g_assert_true (mw_dot_save_file (network, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpint (st.st_size, >, 100);

  g_unlink (fifo);
  g_unlink (link);
  g_unlink (real);
  g_rmdir (dir);
}

/* A graph without subgraphs is freed while it is read and dropped whole
 * (mw-dot-arena.c). cgraph remembers the graph its dictionaries last took
 * memory from (agstrfree() names it: here when "red" is replaced); a
 * dropped graph that stayed named gave memory of its unmapped arena to the
 * next graph closed in the background, whose subgraph edge sets then
 * crashed agclose(). Loads alternate so that closes wait behind drops. */
static void
test_dropped_graph_forgotten (void)
{
  static const char flat[] = "digraph { a [color=red]; a [color=blue]; a -> b }";
  static const char nested[] = "digraph { subgraph s { x -> y; y -> z } subgraph cluster_t { x -> z } }";

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) first = mw_dot_load_data (nested, strlen (nested), "nested.gv", NULL, &error);
      g_autoptr(MwNetwork) second = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (mw_network_get_n_ties (first), ==, 3);
      second = mw_dot_load_data (flat, strlen (flat), "flat.gv", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_hash_table_lookup (mw_network_get_actor (second, 0)->attrs, "color"), ==, "blue");
    }
  mw_dot_wait_closed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dot/round-trip/%s", fixtures[i]);
      g_test_add_data_func (name, fixtures[i], test_round_trip);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dot/bad/%s", bad_cases[i].file);
      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }

  g_test_add_func ("/dot/meshwork-fields", test_meshwork_fields);
  g_test_add_func ("/dot/ties-keep-file-order", test_ties_keep_file_order);
  g_test_add_func ("/dot/clusters-become-units", test_clusters_become_units);
  g_test_add_func ("/dot/foreign-edges", test_foreign_edges);
  g_test_add_func ("/dot/ports-html-multi", test_ports_html_multi);
  g_test_add_func ("/dot/unknown-attributes-survive", test_unknown_attributes_survive);
  g_test_add_func ("/dot/unicode-and-charset", test_unicode_and_charset);
  g_test_add_func ("/dot/label-entities", test_label_entities);
  g_test_add_func ("/dot/graphs-after-the-first", test_graphs_after_the_first);
  g_test_add_func ("/dot/duplicate-ids-merge", test_duplicate_ids_merge);
  g_test_add_func ("/dot/limits", test_limits);
  g_test_add_func ("/dot/has-meshwork-attributes", test_has_meshwork_attributes);
  g_test_add_func ("/dot/display-labels", test_display_labels);
  g_test_add_func ("/dot/html-default-shared", test_html_default_shared);
  g_test_add_func ("/dot/graph-label-titles-export", test_graph_label_titles_export);
  g_test_add_func ("/dot/threads", test_threads);
  g_test_add_func ("/dot/save-file-atomic", test_save_file_atomic);
  g_test_add_func ("/dot/save-special-files", test_save_special_files);
  g_test_add_func ("/dot/dropped-graph-forgotten", test_dropped_graph_forgotten);

  return g_test_run ();
}
