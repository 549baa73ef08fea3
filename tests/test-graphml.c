/* test-graphml.c: GraphML from yEd, Gephi, Cytoscape, networkx and igraph
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "mw-dot.h"
#include "mw-graphml.h"
#include "mw-limits.h"

static MwNetwork *
load_graphml (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "graphml", name, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_graphml_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

static MwNetwork *
load_dot (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

static MwNetwork *
through_graphml (MwNetwork *network)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = mw_graphml_save_data (network, &length);
  MwNetwork *again = mw_graphml_load_data (text, length, "saved.graphml", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

static MwNetwork *
through_dot (MwNetwork *network)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = mw_dot_save_data (network, &length);
  MwNetwork *again = mw_dot_load_data (text, length, "saved.gv", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

static const char *
attr (GHashTable *attrs,
      const char *key)
{
  return g_hash_table_lookup (attrs, key);
}

static MwTie *
only_tie (MwActor   *from,
          MwTieType  type)
{
  g_assert_cmpuint (mw_actor_n_out (from, type), ==, 1);
  return mw_actor_out (from, type, 0);
}

static void
test_networkx (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("networkx-advice.graphml");
  MwActor *ann = mw_network_lookup_actor (network, "ann");
  MwActor *cid = mw_network_lookup_actor (network, "cid");
  MwTie *tie;

  g_assert_true (mw_network_get_directed (network));
  g_assert_cmpstr (attr (mw_network_get_attrs (network), "name"), ==, "advice");
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  /* networkx's "name" is the label, and is kept as it is */
  g_assert_cmpstr (ann->label, ==, "Ann Lee");
  g_assert_cmpstr (attr (ann->attrs, "name"), ==, "Ann Lee");
  g_assert_cmpstr (attr (ann->attrs, "tenure"), ==, "4");
  g_assert_cmpstr (attr (ann->attrs, "remote"), ==, "True");
  g_assert_cmpstr (attr (cid->attrs, "dept"), ==, "R&D <core>");

  /* a directed edge without a type is influence */
  tie = only_tie (ann, MW_TIE_INFLUENCES);
  g_assert_cmpfloat_with_epsilon (tie->weight, 2.5, 1e-9);
  g_assert_cmpstr (attr (tie->attrs, "since"), ==, "2021");
  g_assert_null (attr (tie->attrs, "weight"));
  tie = only_tie (cid, MW_TIE_CHECKS);
  g_assert_true (tie->to == ann);
  g_assert_false (ann->has_position);
}

static void
test_networkx_undirected (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("networkx-karate.graphml");
  MwActor *hi = mw_network_lookup_actor (network, "0");
  guint n_collaborates = 0;

  g_assert_false (mw_network_get_directed (network));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 34);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 78);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    n_collaborates += mw_network_get_tie (network, i)->type == MW_TIE_COLLABORATES;
  g_assert_cmpuint (n_collaborates, ==, 78);
  g_assert_cmpstr (attr (hi->attrs, "club"), ==, "Mr. Hi");
  g_assert_cmpstr (hi->label, ==, "0");
}

static void
test_igraph (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("igraph-teams.graphml");
  MwActor *ada = mw_network_lookup_actor (network, "n0");
  MwActor *ben = mw_network_lookup_actor (network, "n1");
  MwActor *cy = mw_network_lookup_actor (network, "n2");
  MwTie *friendship;

  g_assert_cmpstr (mw_network_get_name (network), ==, "G");
  g_assert_cmpstr (attr (mw_network_get_attrs (network), "title"), ==, "Project Atlas");
  g_assert_cmpstr (ada->label, ==, "Ada");
  g_assert_cmpstr (attr (ada->attrs, "team"), ==, "north");
  /* "type" values that name a tie type give the type */
  g_assert_cmpuint (mw_actor_n_out (ada, MW_TIE_COLLABORATES), ==, 2);
  g_assert_cmpfloat (mw_actor_out (ada, MW_TIE_COLLABORATES, 0)->weight, ==, 1.0);
  g_assert_cmpfloat (only_tie (ben, MW_TIE_INFLUENCES)->weight, ==, 3.0);
  g_assert_true (only_tie (cy, MW_TIE_CHECKS)->to == mw_network_lookup_actor (network, "n3"));
  /* "friendship" is no type Meshwork knows: undirected, so collaboration, with the value kept */
  friendship = mw_actor_in (mw_network_lookup_actor (network, "n3"), MW_TIE_COLLABORATES, 0);
  g_assert_cmpstr (attr (friendship->attrs, "type"), ==, "friendship");
  g_assert_cmpfloat_with_epsilon (friendship->weight, 4.5, 1e-9);
}

static void
test_yed (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("yed-orgchart.graphml");
  MwActor *rosa = mw_network_lookup_actor (network, "n0");
  MwActor *eng = mw_network_lookup_actor (network, "n1");
  MwActor *kenji = mw_network_lookup_actor (network, "n1::n0");
  MwActor *amara = mw_network_lookup_actor (network, "n1::n1");
  MwTie *tie;

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 4);
  g_assert_cmpstr (attr (mw_network_get_attrs (network), "Description"), ==, "Org chart drawn in yEd");
  /* the NodeLabel's text, not the label model around it */
  g_assert_cmpstr (rosa->label, ==, "Rosa Díaz");
  g_assert_cmpstr (attr (rosa->attrs, "description"), ==, "Founder & CEO");
  /* the geometry's centre, y down as in yEd */
  g_assert_true (rosa->has_position);
  g_assert_cmpfloat_with_epsilon (rosa->x, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (rosa->y, 15, 1e-9);

  /* a group node is a team, its members in that unit */
  g_assert_cmpstr (eng->label, ==, "Engineering");
  g_assert_cmpint (eng->kind, ==, MW_ACTOR_TEAM);
  g_assert_cmpstr (attr (eng->attrs, "url"), ==, "https://intranet.example/eng");
  g_assert_cmpstr (kenji->label, ==, "Kenji Sato");
  g_assert_cmpstr (kenji->unit, ==, "Engineering");
  g_assert_cmpstr (amara->label, ==, "Amara Obi");
  g_assert_cmpstr (amara->unit, ==, "Engineering");
  g_assert_cmpfloat_with_epsilon (amara->x, 380, 1e-9);

  /* "reports to" on the edge's label is kept, the tie is directed influence */
  tie = only_tie (kenji, MW_TIE_INFLUENCES);
  g_assert_true (tie->to == rosa);
  g_assert_cmpstr (tie->id, ==, "e0");
  g_assert_cmpstr (attr (tie->attrs, "label"), ==, "reports to");
  g_assert_cmpstr (attr (only_tie (amara, MW_TIE_INFLUENCES)->attrs, "description"), ==, "pairs weekly");
}

static void
test_gephi (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("gephi-export.graphml");
  MwActor *myriel = mw_network_lookup_actor (network, "0");
  MwActor *baptistine = mw_network_lookup_actor (network, "2");
  MwTie *tie;

  g_assert_cmpstr (myriel->label, ==, "Myriel");
  g_assert_null (attr (myriel->attrs, "label"));
  g_assert_cmpstr (attr (myriel->attrs, "Modularity Class"), ==, "1");
  g_assert_cmpstr (attr (myriel->attrs, "r"), ==, "153");
  g_assert_cmpstr (attr (myriel->attrs, "degree"), ==, NULL);
  g_assert_cmpstr (attr (myriel->attrs, "Degree"), ==, "10");
  /* Gephi's y is up; the model's is down */
  g_assert_true (baptistine->has_position);
  g_assert_cmpfloat_with_epsilon (baptistine->x, -307.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (baptistine->y, -100, 1e-9);
  /* a key's default is the file's node default */
  g_assert_cmpstr (attr (mw_network_get_node_defaults (network), "Degree"), ==, "0");

  tie = only_tie (baptistine, MW_TIE_INFLUENCES);
  g_assert_cmpfloat (tie->weight, ==, 8.0);
  g_assert_cmpstr (attr (tie->attrs, "Edge Label"), ==, "sister");
}

static void
test_cytoscape (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("cytoscape-export.graphml");
  MwActor *acme = mw_network_lookup_actor (network, "101");
  MwActor *globex = mw_network_lookup_actor (network, "102");

  g_assert_cmpstr (acme->label, ==, "Acme");
  g_assert_cmpstr (attr (acme->attrs, "shared name"), ==, "Acme");
  g_assert_cmpstr (attr (acme->attrs, "SUID"), ==, "101");
  g_assert_cmpstr (attr (mw_network_get_attrs (network), "name"), ==, "Partner network");
  /* Cytoscape's interaction gives the type when it names one */
  g_assert_cmpstr (attr (only_tie (acme, MW_TIE_COLLABORATES)->attrs, "interaction"), ==, "collaborates");
  g_assert_cmpstr (attr (only_tie (globex, MW_TIE_INFLUENCES)->attrs, "interaction"), ==, "pp");
}

static void
test_latin1 (void)
{
  g_autoptr(MwNetwork) network = load_graphml ("latin1.graphml");

  g_assert_cmpstr (mw_network_lookup_actor (network, "a")->label, ==, "Café crème");
}

typedef struct
{
  const char *file;
  int         code;
  const char *where;
} BadCase;

/* each malformed file: a clear error naming the file, line and column */
static void
test_malformed (void)
{
  static const BadCase cases[] = {
    { "mismatched.graphml", MW_ERROR_PARSE, "mismatched.graphml:5:" },
    { "edge-without-source.graphml", MW_ERROR_PARSE, "edge-without-source.graphml:4:" },
    { "not-graphml.graphml", MW_ERROR_PARSE, "not-graphml.graphml:2:" },
    { "no-graph.graphml", MW_ERROR_EMPTY, "no-graph.graphml" },
    { "invalid-utf8.graphml", MW_ERROR_ENCODING, "invalid-utf8.graphml:4:" },
    /* GMarkup quotes half of a converted character; the message stays UTF-8 */
    { "split-character.graphml", MW_ERROR_PARSE, "split-character.graphml:4:" },
    { "nested-edge.graphml", MW_ERROR_PARSE, "nested-edge.graphml:1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "graphml", "bad", cases[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) network = mw_graphml_load_file (path, NULL, &error);

      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "(no error)");
      g_assert_null (network);
      g_assert_error (error, MW_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].where));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_limits (void)
{
  static const char text[] =
    "<graphml><graph><node id=\"a\"/><node id=\"b\"/><node id=\"c\"/></graph></graphml>";
  static const char undeclared[] =
    "<graphml><graph><edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"c\"/></graph></graphml>";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;

  mw_limits_init_default (&limits);
  limits.max_actors = 2;
  network = mw_graphml_load_data (text, strlen (text), "many", &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_clear_error (&error);

  /* nodes that only edges name are added, and count too */
  network = mw_graphml_load_data (undeclared, strlen (undeclared), "undeclared", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  g_clear_object (&network);

  network = mw_graphml_load_data (undeclared, strlen (undeclared), "undeclared", &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_bytes = 10;
  network = mw_graphml_load_data (text, strlen (text), "big", &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
}

/* Damaged copies of every fixture: a network or an error naming a place;
 * never a crash. */
static void
test_damaged_files (void)
{
  static const char *names[] = {
    "networkx-advice.graphml", "igraph-teams.graphml", "yed-orgchart.graphml",
    "gephi-export.graphml", "cytoscape-export.graphml",
  };
  static const char noise[] = "<>/\"'&;=x\n\xc3\0";
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "graphml", names[f], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (guint round = 0; round < 200; round++)
        {
          g_autofree char *copy = g_memdup2 (contents, length);
          gsize cut = g_rand_int_range (rand, 1, length + 1);
          g_autoptr(MwNetwork) network = NULL;
          g_autoptr(GError) error = NULL;

          for (guint k = 0; k < 3; k++)
            copy[g_rand_int_range (rand, 0, cut)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];

          network = mw_graphml_load_data (copy, cut, "damaged.graphml", NULL, &error);
          g_assert_true ((network == NULL) != (error == NULL));
          if (error != NULL)
            g_assert_true (g_str_has_prefix (error->message, "damaged.graphml"));
        }
    }
}

static const char *dot_fixtures[] = {
  "meshwork-basic.gv", "clusters.gv", "multi-edges.gv", "undirected.gv", "unicode.gv",
  "unknown-attrs.gv", "gephi-export.gv", "neato-output.gv", "strict-cycle.gv", "ports-html.gv",
  "latin1.gv", "duplicate-ids.gv",
};

/* DOT → GraphML → DOT keeps the network */
static void
test_dot_round_trip (gconstpointer data)
{
  g_autoptr(MwNetwork) first = load_dot (data);
  g_autoptr(MwNetwork) graphml = through_graphml (first);
  g_autoptr(MwNetwork) second = through_dot (graphml);
  g_autofree char *difference = NULL;

  if (!mw_network_equal (first, graphml, &difference))
    g_error ("%s through GraphML: %s", (const char *)data, difference);
  if (!mw_network_equal (first, second, &difference))
    g_error ("%s → GraphML → DOT: %s", (const char *)data, difference);
  g_assert_cmpint (mw_network_get_directed (first), ==, mw_network_get_directed (second));
  g_assert_cmpstr (mw_network_get_name (first), ==, mw_network_get_name (second));
}

static const char *graphml_fixtures[] = {
  "networkx-advice.graphml", "networkx-karate.graphml", "igraph-teams.graphml",
  "yed-orgchart.graphml", "gephi-export.graphml", "cytoscape-export.graphml",
};

/* GraphML → DOT → GraphML keeps every attribute, and saving is stable */
static void
test_graphml_round_trip (gconstpointer data)
{
  g_autoptr(MwNetwork) first = load_graphml (data);
  g_autoptr(MwNetwork) dot = through_dot (first);
  g_autoptr(MwNetwork) second = through_graphml (dot);
  g_autoptr(MwNetwork) third = through_graphml (second);
  g_autofree char *difference = NULL;
  g_autofree char *text2 = mw_graphml_save_data (second, NULL);
  g_autofree char *text3 = mw_graphml_save_data (third, NULL);

  if (!mw_network_equal (first, second, &difference))
    g_error ("%s → DOT → GraphML: %s", (const char *)data, difference);
  g_assert_cmpstr (text2, ==, text3);
}

/* what needs escaping is escaped, and reads back the same */
static void
test_escaping (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwNetwork) again = NULL;
  g_autofree char *difference = NULL;
  MwActor *a, *b;
  MwTie *tie;

  a = mw_network_add_actor (network, "a&b <\"x\">", "Tom & \"Jerry\" <ltd>", MW_ACTOR_ORGANISATION, NULL);
  b = mw_network_add_actor (network, "line\nbreak", "tab\there", MW_ACTOR_PERSON, NULL);
  mw_network_set_actor_notes (network, a, "first line\r\nsecond 'line'\n\rthird\r");
  mw_network_set_actor_attr (network, b, "odd key <&>", "]]> & <![CDATA[");
  mw_network_set_actor_position (network, b, 12.5, -40);
  mw_network_set_actor_purpose (network, a, TRUE);
  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 0.25, "tie \"1\"");
  mw_network_set_tie_attr (network, tie, "note", "x < y & y > z");
  mw_network_set_attr (network, "label", "Q&A");

  again = through_graphml (network);
  if (!mw_network_equal (network, again, &difference))
    g_error ("escaping: %s", difference);
  g_assert_nonnull (mw_network_lookup_tie (again, "tie \"1\""));
}


static int
run_cli (const char *arg1,
         const char *arg2,
         const char *arg3,
         char      **err)
{
  const char *argv[] = { g_getenv ("MESHWORK_CLI"), arg1, arg2, arg3, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* meshwork-cli convert: DOT → GraphML → DOT, formats from the names */
static void
test_cli_convert (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-convert-XXXXXX", NULL);
  g_autofree char *graphml = g_build_filename (dir, "acme.GraphML", NULL);
  g_autofree char *dot = g_build_filename (dir, "acme.dot", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "graphml", "bad", "mismatched.graphml", NULL);
  g_autofree char *err = NULL;
  g_autoptr(MwNetwork) first = load_dot ("meshwork-basic.gv");
  g_autoptr(MwNetwork) from_graphml = NULL;
  g_autoptr(MwNetwork) from_dot = NULL;
  g_autofree char *difference = NULL;

  g_assert_cmpint (run_cli ("convert", source, graphml, NULL), ==, 0);
  g_assert_cmpint (run_cli ("convert", graphml, dot, NULL), ==, 0);
  from_graphml = mw_graphml_load_file (graphml, NULL, NULL);
  from_dot = mw_dot_load_file (dot, NULL, NULL);
  g_assert_nonnull (from_graphml);
  g_assert_nonnull (from_dot);
  if (!mw_network_equal (first, from_dot, &difference))
    g_error ("convert: %s", difference);

  g_assert_cmpint (run_cli ("convert", bad, dot, &err), ==, 2);
  g_assert_nonnull (strstr (err, "mismatched.graphml:5:11:"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ("convert", source, "out.txt", &err), ==, 2);
  g_assert_nonnull (strstr (err, "out.txt"));

  g_remove (graphml);
  g_remove (dot);
  g_rmdir (dir);
}

/* Meshwork's own GraphML is told from other tools' (igraph's; s20 reads it) */
static void
test_has_meshwork_attributes (void)
{
  g_autoptr(MwNetwork) theirs = load_graphml ("igraph-teams.graphml");
  g_autofree char *ours = mw_graphml_save_data (theirs, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) again = mw_graphml_load_data (ours, strlen (ours), "ours", NULL, &error);

  g_assert_no_error (error);
  g_assert_false (mw_network_get_has_meshwork_attributes (theirs));
  g_assert_true (mw_network_get_has_meshwork_attributes (again));
}

/* The first <graph> is read, as yEd, Gephi and networkx read it: a later
 * one was merged in, its edgedefault turning the first's ties directed;
 * hyperedges were dropped. Both are now named among what a save cannot keep. */
static void
test_graphs_after_the_first (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <graph id=\"G\" edgedefault=\"undirected\">\n"
    "    <node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"
    "    <edge source=\"a\" target=\"b\"/>\n"
    "    <hyperedge><endpoint node=\"a\"/><endpoint node=\"b\"/><endpoint node=\"c\"/></hyperedge>\n"
    "    <hyperedge><endpoint node=\"b\"/><endpoint node=\"c\"/></hyperedge>\n"
    "  </graph>\n"
    "  <graph id=\"H\" edgedefault=\"directed\">\n"
    "    <node id=\"z\"/><edge source=\"z\" target=\"a\"/>\n"
    "  </graph>\n"
    "</graphml>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_graphml_load_data (text, strlen (text), "two.graphml", NULL, &error);
  const char * const *lossy;

  g_assert_no_error (error);
  g_assert_cmpstr (mw_network_get_name (network), ==, "G");
  g_assert_false (mw_network_get_directed (network));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  g_assert_null (mw_network_lookup_actor (network, "z"));
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 1);
  g_assert_cmpint (mw_network_get_tie (network, 0)->type, ==, MW_TIE_COLLABORATES);
  lossy = mw_network_get_lossy_features (network);
  g_assert_cmpstr (lossy[0], ==, "1 graph after the first (“H”)");
  g_assert_cmpstr (lossy[1], ==, "2 hyperedges");
  g_assert_null (lossy[2]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphml/networkx", test_networkx);
  g_test_add_func ("/graphml/networkx-undirected", test_networkx_undirected);
  g_test_add_func ("/graphml/igraph", test_igraph);
  g_test_add_func ("/graphml/yed", test_yed);
  g_test_add_func ("/graphml/gephi", test_gephi);
  g_test_add_func ("/graphml/cytoscape", test_cytoscape);
  g_test_add_func ("/graphml/latin1", test_latin1);
  g_test_add_func ("/graphml/malformed", test_malformed);
  g_test_add_func ("/graphml/limits", test_limits);
  g_test_add_func ("/graphml/has-meshwork-attributes", test_has_meshwork_attributes);
  g_test_add_func ("/graphml/escaping", test_escaping);
  g_test_add_func ("/graphml/damaged-files", test_damaged_files);
  g_test_add_func ("/graphml/cli/convert", test_cli_convert);
  g_test_add_func ("/graphml/graphs-after-the-first", test_graphs_after_the_first);
  for (guint i = 0; i < G_N_ELEMENTS (dot_fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/graphml/round-trip/dot/%s", dot_fixtures[i]);
      g_test_add_data_func (name, dot_fixtures[i], test_dot_round_trip);
    }
  for (guint i = 0; i < G_N_ELEMENTS (graphml_fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/graphml/round-trip/graphml/%s", graphml_fixtures[i]);
      g_test_add_data_func (name, graphml_fixtures[i], test_graphml_round_trip);
    }

  return g_test_run ();
}
