/* test-roundtrip.c: Graphviz's example corpus and the GraphML fixtures through load → save → load
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "mw-dot.h"
#include "mw-format.h"
#include "mw-graphml.h"
#include "mw-graphviz-lock.h"

#include "mw-test-cli.h"
#include "mw-test-core.h"

/* Debian's graphviz-doc */
#define CORPUS_DIR "/usr/share/doc/graphviz/examples/graphs"

/* Attributes a save may legitimately change: `charset` (Meshwork writes
 * UTF-8), `linelength` (see docs/file-format.md) and Meshwork's own. */
static gboolean
is_ignored_attr (const char *name)
{
  return strcmp (name, "charset") == 0 || strcmp (name, "linelength") == 0 ||
         g_str_has_prefix (name, "mw_");
}

/* After `layout`, these may change too. */
static gboolean
is_layout_attr (const char *name)
{
  static const char * const layout[] = {
    "pos", "bb", "lp", "lheight", "lwidth", "width", "height", "xlp", "head_lp", "tail_lp",
    "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_", "pin", NULL
  };

  return g_strv_contains (layout, name);
}

typedef struct
{
  gboolean  layout;   /* compare everything but what a layout sets */
  GString  *report;   /* what differs, one line each */
} Compare;

static char *
read_corpus_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  if (g_str_has_suffix (path, ".gz"))
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
    }
  else
    stream = g_object_ref (raw);

  g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write (out, "", 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The corpus's Latin-1 file, as UTF-8, which is what Meshwork writes. */
static char *
read_corpus_text (const char *path)
{
  g_autofree char *text = read_corpus_file (path);

  if (strstr (text, "charset=latin1") != NULL || strstr (text, "charset=\"latin1\"") != NULL)
    return g_convert (text, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  return g_steal_pointer (&text);
}

static Agraph_t *
parse (const char *text)
{
  Agraph_t *graph;

  mw_graphviz_lock ();
  graph = agmemread (text);
  mw_graphviz_unlock ();
  return graph;
}

/* A value as written: HTML-like strings keep their angle brackets. */
static char *
shown (void    *object,
       Agsym_t *sym)
{
  /* a node's label is its name unless the file says otherwise */
  const char *value = sym != NULL ? agxget (object, sym) : "";

  if (value == NULL)
    value = "";
  if (aghtmlstr ((char *)value))
    return g_strdup_printf ("<%s>", value);
  return g_strdup (value);
}

/* "27,18!" and "27.0,18" are one position. */
static gboolean
same_position (const char *a,
               const char *b)
{
  g_auto(GStrv) pa = g_strsplit_set (a, ", ", -1);
  g_auto(GStrv) pb = g_strsplit_set (b, ", ", -1);

  if (g_strv_length (pa) != g_strv_length (pb) || g_strv_length (pa) < 2)
    return FALSE;
  for (guint i = 0; pa[i] != NULL; i++)
    if (fabs (g_ascii_strtod (pa[i], NULL) - g_ascii_strtod (pb[i], NULL)) > 1e-6)
      return FALSE;
  return (strchr (a, '!') != NULL) == (strchr (b, '!') != NULL);
}

static gboolean
same_value (const char *name,
            const char *a,
            const char *b)
{
  if (strcmp (a, b) == 0)
    return TRUE;
  if (strcmp (name, "pos") == 0 && *a != '\0' && *b != '\0')
    return same_position (a, b);
  return FALSE;
}

static gboolean
skipped (Compare    *cmp,
         const char *name)
{
  return is_ignored_attr (name) || (cmp->layout && is_layout_attr (name));
}

/* A node's label is its name, "\\N", unless the file declares another
 * default (`node [label=""]`): the "" cgraph gives a label only some
 * nodes set is Graphviz's "\\N" too. */
static gboolean
is_implicit_label (Agsym_t    *sym,
                   int         kind,
                   const char *name)
{
  return kind == AGNODE && strcmp (name, "label") == 0 &&
         (sym == NULL || (!sym->print && *sym->defval == '\0'));
}

static const char *
default_value (Agsym_t    *sym,
               int         kind,
               const char *name)
{
  if (is_implicit_label (sym, kind, name))
    return "\\N";
  return sym != NULL ? sym->defval : "";
}

static char *
node_value (void       *object,
            Agsym_t    *sym,
            int         kind,
            const char *name)
{
  if (is_implicit_label (sym, kind, name) && (sym == NULL || *agxget (object, sym) == '\0'))
    return g_strdup ("\\N");
  return shown (object, sym);
}

/* Every attribute either object has, of @kind, compared by name. */
static void
compare_objects (Compare    *cmp,
                 const char *what,
                 Agraph_t   *ga,
                 void       *a,
                 Agraph_t   *gb,
                 void       *b,
                 int         kind)
{
  for (int side = 0; side < 2; side++)
    {
      Agraph_t *g = side == 0 ? ga : gb;
      Agsym_t *sym = NULL;

      while ((sym = agnxtattr (g, kind, sym)) != NULL)
        {
          Agsym_t *sym_a = agattr (ga, kind, sym->name, NULL);
          Agsym_t *sym_b = agattr (gb, kind, sym->name, NULL);
          g_autofree char *va = node_value (a, sym_a, kind, sym->name);
          g_autofree char *vb = node_value (b, sym_b, kind, sym->name);

          if (skipped (cmp, sym->name) || (side == 1 && sym_a != NULL))
            continue;
          if (!same_value (sym->name, va, vb))
            g_string_append_printf (cmp->report, "%s %s: “%.60s” became “%.60s”\n",
                                    what, sym->name, va, vb);
        }
    }
}

/* The file's `node [...]` and `edge [...]` defaults. */
static void
compare_defaults (Compare  *cmp,
                  Agraph_t *ga,
                  Agraph_t *gb,
                  int       kind)
{
  for (int side = 0; side < 2; side++)
    {
      Agsym_t *sym = NULL;

      while ((sym = agnxtattr (side == 0 ? ga : gb, kind, sym)) != NULL)
        {
          Agsym_t *sym_a = agattr (ga, kind, sym->name, NULL);
          Agsym_t *sym_b = agattr (gb, kind, sym->name, NULL);
          const char *va = default_value (sym_a, kind, sym->name);
          const char *vb = default_value (sym_b, kind, sym->name);

          if (skipped (cmp, sym->name) || (side == 1 && sym_a != NULL))
            continue;
          if (!same_value (sym->name, va, vb))
            g_string_append_printf (cmp->report, "default %s %s: “%.60s” became “%.60s”\n",
                                    kind == AGNODE ? "node" : "edge", sym->name, va, vb);
        }
    }
}

static gboolean
is_meshworks_cluster (Agraph_t *sub)
{
  const char *role = agget (sub, (char *)"mw_cluster");

  return role != NULL && *role != '\0';
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A subgraph as one string: its name (anonymous ones have none that a file
 * keeps), its graph attributes, its nodes and its subgraphs, sorted. */
static char *
describe_subgraph (Compare  *cmp,
                   Agraph_t *sub);

/* `a -> { b c }`: an anonymous subgraph with no attributes of its own and
 * no subgraphs is only syntax, which a writer need not keep. */
static gboolean
is_syntax_only (Agraph_t *sub)
{
  const char *name = agnameof (sub);
  Agsym_t *sym = NULL;

  if (name != NULL && *name != '%')
    return FALSE;
  for (Agraph_t *child = agfstsubg (sub); child != NULL; child = agnxtsubg (child))
    if (!is_syntax_only (child))
      return FALSE;
  while ((sym = agnxtattr (agroot (sub), AGRAPH, sym)) != NULL)
    if (strcmp (agxget (sub, sym), sym->defval) != 0)
      return FALSE;
  return TRUE;
}

static void
describe_children (Compare   *cmp,
                   Agraph_t  *graph,
                   GPtrArray *list)
{
  for (Agraph_t *sub = agfstsubg (graph); sub != NULL; sub = agnxtsubg (sub))
    if (!is_meshworks_cluster (sub) && !is_syntax_only (sub))
      g_ptr_array_add (list, describe_subgraph (cmp, sub));
}

static char *
describe_subgraph (Compare  *cmp,
                   Agraph_t *sub)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *name = agnameof (sub);
  Agsym_t *sym = NULL;

  g_string_append_printf (text, "subgraph %s {", name != NULL && *name != '%' ? name : "");
  while ((sym = agnxtattr (agroot (sub), AGRAPH, sym)) != NULL)
    {
      g_autofree char *value = shown (sub, sym);

      if (!skipped (cmp, sym->name) && *value != '\0')
        g_ptr_array_add (parts, g_strdup_printf ("%s=%s", sym->name, value));
    }
  for (Agnode_t *node = agfstnode (sub); node != NULL; node = agnxtnode (sub, node))
    g_ptr_array_add (parts, g_strdup_printf ("node %s", agnameof (node)));
  describe_children (cmp, sub, parts);

  g_ptr_array_sort (parts, compare_strings);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (text, " %s;", (char *)g_ptr_array_index (parts, i));
  g_string_append (text, " }");
  return g_string_free (text, FALSE);
}

static void
compare_subgraphs (Compare  *cmp,
                   Agraph_t *ga,
                   Agraph_t *gb)
{
  g_autoptr(GPtrArray) list_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list_b = g_ptr_array_new_with_free_func (g_free);

  describe_children (cmp, ga, list_a);
  describe_children (cmp, gb, list_b);
  g_ptr_array_sort (list_a, compare_strings);
  g_ptr_array_sort (list_b, compare_strings);

  for (guint i = 0; i < MAX (list_a->len, list_b->len); i++)
    {
      const char *a = i < list_a->len ? g_ptr_array_index (list_a, i) : "(none)";
      const char *b = i < list_b->len ? g_ptr_array_index (list_b, i) : "(none)";

      if (strcmp (a, b) != 0)
        {
          g_string_append_printf (cmp->report, "subgraph: “%.200s” became “%.200s”\n", a, b);
          break;
        }
    }
}

/* Edges as "tail -> head [attributes]" strings, compared as a multiset. */
static GPtrArray *
describe_edges (Compare  *cmp,
                Agraph_t *graph,
                Agraph_t *other)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    for (Agedge_t *edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
      {
        GString *text = g_string_new (NULL);
        Agsym_t *sym = NULL;

        g_string_append_printf (text, "%s -> %s [", agnameof (agtail (edge)), agnameof (aghead (edge)));
        while ((sym = agnxtattr (graph, AGEDGE, sym)) != NULL)
          {
            g_autofree char *value = shown (edge, sym);
            Agsym_t *in_other = agattr (other, AGEDGE, sym->name, NULL);

            /* what one side has as a default and the other not at all is ""
             * on both sides once the default is empty */
            if (skipped (cmp, sym->name) || (*value == '\0' && in_other == NULL))
              continue;
            if (strcmp (sym->name, "key") == 0)
              continue;
            g_string_append_printf (text, " %s=%s", sym->name, value);
          }
        g_string_append (text, " ]");
        g_ptr_array_add (list, g_string_free (text, FALSE));
      }

  g_ptr_array_sort (list, compare_strings);
  return list;
}

static void
compare_edges (Compare  *cmp,
               Agraph_t *ga,
               Agraph_t *gb)
{
  g_autoptr(GPtrArray) list_a = describe_edges (cmp, ga, gb);
  g_autoptr(GPtrArray) list_b = describe_edges (cmp, gb, ga);

  for (guint i = 0; i < MAX (list_a->len, list_b->len); i++)
    {
      const char *a = i < list_a->len ? g_ptr_array_index (list_a, i) : "(none)";
      const char *b = i < list_b->len ? g_ptr_array_index (list_b, i) : "(none)";

      if (strcmp (a, b) != 0)
        {
          g_string_append_printf (cmp->report, "edges: %u became %u; first difference “%.200s” / “%.200s”\n",
                                  list_a->len, list_b->len, a, b);
          break;
        }
    }
}

/* Returns what differs between the two files, "" when nothing does. */
static char *
compare_dot (const char *original,
             const char *saved,
             gboolean    layout)
{
  Compare cmp = { layout, g_string_new (NULL) };
  Agraph_t *ga = parse (original);
  Agraph_t *gb = parse (saved);

  g_assert_nonnull (ga);
  g_assert_nonnull (gb);

  mw_graphviz_lock ();

  if (agisdirected (ga) != agisdirected (gb) || agisstrict (ga) != agisstrict (gb))
    g_string_append (cmp.report, "graph kind changed\n");
  compare_objects (&cmp, "graph", ga, ga, gb, gb, AGRAPH);
  compare_defaults (&cmp, ga, gb, AGNODE);
  compare_defaults (&cmp, ga, gb, AGEDGE);

  if (agnnodes (ga) != agnnodes (gb))
    g_string_append_printf (cmp.report, "%d nodes became %d\n", agnnodes (ga), agnnodes (gb));
  for (Agnode_t *na = agfstnode (ga); na != NULL; na = agnxtnode (ga, na))
    {
      Agnode_t *nb = agnode (gb, agnameof (na), FALSE);
      g_autofree char *what = g_strdup_printf ("node %s", agnameof (na));

      if (nb == NULL)
        g_string_append_printf (cmp.report, "%s lost\n", what);
      else
        compare_objects (&cmp, what, ga, na, gb, nb, AGNODE);
    }

  compare_edges (&cmp, ga, gb);
  compare_subgraphs (&cmp, ga, gb);

  agclose (ga);
  agclose (gb);
  mw_graphviz_unlock ();

  return g_string_free (cmp.report, FALSE);
}

static GPtrArray *
list_corpus (void)
{
  static const char * const dirs[] = { "directed", "undirected" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir_path = g_build_filename (CORPUS_DIR, dirs[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }

  g_ptr_array_sort (paths, compare_strings);
  return paths;
}

/* Every graph, subgraph, node and edge attribute the corpus file had is
 * in the saved file, and the saved file loads to the same network. */
static void
test_corpus_dot (void)
{
  g_autoptr(GPtrArray) paths = list_corpus ();
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_lossy = 0;

  if (paths->len == 0)
    {
      g_test_skip ("graphviz-doc is not installed (" CORPUS_DIR ")");
      return;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *text = read_corpus_text (path);
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) first = mw_dot_load_data (text, strlen (text), base, NULL, &error);
      g_autoptr(MwNetwork) second = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *report = NULL;
      g_autofree char *difference = NULL;

      g_assert_no_error (error);
      saved = mw_dot_save_data (first, NULL);
      report = compare_dot (text, saved, FALSE);
      second = mw_dot_load_data (saved, strlen (saved), base, NULL, &error);
      g_assert_no_error (error);
      if (!mw_network_equal (first, second, &difference))
        g_string_append_printf (failures, "%s: the network changed: %s\n", base, difference);
      if (*report != '\0')
        {
          n_lossy++;
          g_string_append_printf (failures, "%s:\n%s", base, report);
        }
    }

  g_test_message ("%u of %u corpus files lose something", n_lossy, paths->len);
  if (failures->len > 0)
    {
      g_autofree char *valid = g_utf8_make_valid (failures->str, -1);
      g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_test_message ("%s", lines[i]);
      g_test_fail ();
    }
}

/* `meshwork-cli layout` changes positions and nothing else. */
static void
test_layout_positions_only (void)
{
  static const char * const files[] = {
    "directed/clust.gv", "directed/KW91.gv", "directed/table.gv", "undirected/ER.gv",
  };
  g_autofree char *dir = mw_test_make_dir ("roundtrip");
  g_autoptr(GString) failures = g_string_new (NULL);

  if (!g_file_test (CORPUS_DIR, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("graphviz-doc is not installed (" CORPUS_DIR ")");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (CORPUS_DIR, files[i], NULL);
      g_autofree char *text = read_corpus_text (path);
      g_autofree char *in = g_build_filename (dir, "in.gv", NULL);
      g_autofree char *out = g_build_filename (dir, "out.gv", NULL);
      g_autofree char *laid_out = NULL;
      g_autofree char *report = NULL;
      g_auto(MwTestRun) run = { 0 };

      g_assert_true (g_file_set_contents (in, text, -1, NULL));
      mw_test_run_cli (&run, "layout", in, out, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &laid_out, NULL, NULL));
      g_assert_nonnull (strstr (laid_out, "pos="));
      report = compare_dot (text, laid_out, TRUE);
      if (*report != '\0')
        g_string_append_printf (failures, "%s:\n%s", files[i], report);
    }

  mw_test_remove_tree (dir);
  if (failures->len > 0)
    g_error ("layout changed more than positions:\n%s", failures->str);
}

/* What cannot be kept is flagged on load and said before a save. */
static void
test_lossy_told (void)
{
  static const char keys[] = "digraph { a -> b [key=first]; a -> b [key=second]; {rank=same; a b} }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (keys, strlen (keys), "keys", NULL, &error);
  g_autofree char *dir = mw_test_make_dir ("roundtrip");
  g_autofree char *in = g_build_filename (dir, "keys.gv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.gv", NULL);
  g_autofree char *out_graphml = g_build_filename (dir, "out.graphml", NULL);
  g_autofree char *losses = NULL;
  g_auto(MwTestRun) convert = { 0 };
  g_auto(MwTestRun) to_graphml = { 0 };
  g_auto(MwTestRun) layout = { 0 };
  g_auto(MwTestRun) clean = { 0 };

  g_assert_no_error (error);
  g_assert_cmpstr (mw_network_get_lossy_features (network)[0], ==, "the keys of 2 edges");
  g_assert_null (mw_network_get_lossy_features (network)[1]);
  losses = mw_format_describe_losses (MW_FORMAT_GRAPHML, network);
  g_assert_cmpstr (losses, ==, "the keys of 2 edges, 1 subgraph");

  g_assert_true (g_file_set_contents (in, keys, -1, NULL));
  mw_test_run_cli (&convert, "convert", in, out, NULL);
  g_assert_cmpint (convert.status, ==, 0);
  g_assert_nonnull (strstr (convert.err, "out.gv cannot keep the keys of 2 edges"));
  mw_test_run_cli (&to_graphml, "convert", in, out_graphml, NULL);
  g_assert_nonnull (strstr (to_graphml.err, "cannot keep the keys of 2 edges, 1 subgraph"));
  mw_test_run_cli (&layout, "layout", in, out, NULL);
  g_assert_cmpint (layout.status, ==, 0);
  g_assert_nonnull (strstr (layout.err, "cannot keep the keys of 2 edges"));

  /* a file that loses nothing says nothing */
  mw_test_run_cli (&clean, "convert", out, in, NULL);
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.err, ==, "");

  mw_test_remove_tree (dir);
}

/* ---------------------------------------------------------------------- */
/* GraphML                                                                 */

/* What a GraphML file says, by name: "node ID NAME" → value, with the
 * data keys' attr.name (yEd's graphics excepted: Meshwork keeps their
 * label and position, not their drawing), and edges as a sorted list. */
typedef struct
{
  GHashTable *keys;       /* key id → attr.name, or NULL for yEd's graphics */
  GHashTable *values;     /* "node n0 label" → value */
  GPtrArray  *edges;      /* "source -> target" */
  char       *element;    /* "graph", "node n0", "edge n0 -> n1 #2" */
  char       *data_name;  /* inside <data> */
  GString    *text;
  guint       depth_in_data;
  guint       n_edges;
} GraphmlFacts;

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
facts_start_cb (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  GraphmlFacts *facts = user_data;

  if (facts->data_name != NULL)
    {
      facts->depth_in_data++;
      return;
    }

  if (strcmp (element, "key") == 0)
    {
      const char *yfiles = find_attribute (names, values, "yfiles.type");
      const char *name = find_attribute (names, values, "attr.name");

      g_hash_table_insert (facts->keys, g_strdup (find_attribute (names, values, "id")),
                           yfiles != NULL ? NULL : g_strdup (name != NULL ? name : find_attribute (names, values, "id")));
    }
  else if (strcmp (element, "graph") == 0 && facts->element == NULL)
    facts->element = g_strdup ("graph");
  else if (strcmp (element, "node") == 0)
    {
      g_free (facts->element);
      facts->element = g_strdup_printf ("node %s", find_attribute (names, values, "id"));
    }
  else if (strcmp (element, "edge") == 0)
    {
      g_autofree char *edge = g_strdup_printf ("%s -> %s", find_attribute (names, values, "source"),
                                               find_attribute (names, values, "target"));
      g_ptr_array_add (facts->edges, g_strdup (edge));
      g_free (facts->element);
      facts->element = g_strdup_printf ("edge %s #%u", edge, facts->n_edges++);
    }
  else if (strcmp (element, "data") == 0)
    {
      const char *key = find_attribute (names, values, "key");

      if (key != NULL && g_hash_table_lookup (facts->keys, key) != NULL)
        {
          facts->data_name = g_strdup (g_hash_table_lookup (facts->keys, key));
          g_string_truncate (facts->text, 0);
        }
      else
        facts->data_name = g_strdup ("");
    }
}

static void
facts_end_cb (GMarkupParseContext  *context,
              const char           *element,
              gpointer              user_data,
              GError              **error)
{
  GraphmlFacts *facts = user_data;

  if (facts->data_name == NULL)
    return;
  if (facts->depth_in_data > 0)
    {
      facts->depth_in_data--;
      return;
    }
  if (*facts->data_name != '\0')
    g_hash_table_insert (facts->values, g_strdup_printf ("%s %s", facts->element, facts->data_name),
                         g_strdup (facts->text->str));
  g_clear_pointer (&facts->data_name, g_free);
}

static void
facts_text_cb (GMarkupParseContext  *context,
               const char           *text,
               gsize                 length,
               gpointer              user_data,
               GError              **error)
{
  GraphmlFacts *facts = user_data;

  if (facts->data_name != NULL && facts->depth_in_data == 0)
    g_string_append_len (facts->text, text, length);
}

/* yEd writes its texts as CDATA sections */
static void
facts_passthrough_cb (GMarkupParseContext  *context,
                      const char           *text,
                      gsize                 length,
                      gpointer              user_data,
                      GError              **error)
{
  GraphmlFacts *facts = user_data;

  if (facts->data_name != NULL && facts->depth_in_data == 0 &&
      g_str_has_prefix (text, "<![CDATA[") && length >= strlen ("<![CDATA[]]>"))
    g_string_append_len (facts->text, text + strlen ("<![CDATA["), length - strlen ("<![CDATA[]]>"));
}

static void
facts_clear (GraphmlFacts *facts)
{
  g_hash_table_unref (facts->keys);
  g_hash_table_unref (facts->values);
  g_ptr_array_unref (facts->edges);
  g_free (facts->element);
  g_free (facts->data_name);
  g_string_free (facts->text, TRUE);
}

static void
read_graphml_facts (const char   *text,
                    GraphmlFacts *facts)
{
  static const GMarkupParser parser = { facts_start_cb, facts_end_cb, facts_text_cb, facts_passthrough_cb, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  memset (facts, 0, sizeof *facts);
  facts->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  facts->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  facts->edges = g_ptr_array_new_with_free_func (g_free);
  facts->text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, facts, NULL);
  g_markup_parse_context_parse (context, text, -1, &error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_ptr_array_sort (facts->edges, compare_strings);
}

/* Every data value the fixture had, under its name, is in the saved file. */
static void
test_corpus_graphml (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "graphml", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GString) failures = g_string_new (NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) first = NULL;
      g_autoptr(MwNetwork) second = NULL;
      g_autofree char *original = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *difference = NULL;
      GraphmlFacts a, b;
      GHashTableIter iter;
      gpointer key, value;

      if (!g_str_has_suffix (name, ".graphml"))
        continue;
      n_files++;
      first = mw_graphml_load_file (path, NULL, &error);
      g_assert_no_error (error);
      saved = mw_graphml_save_data (first, NULL);
      second = mw_graphml_load_data (saved, strlen (saved), name, NULL, &error);
      g_assert_no_error (error);
      if (!mw_network_equal (first, second, &difference))
        g_string_append_printf (failures, "%s: the network changed: %s\n", name, difference);

      g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
      if (!g_utf8_validate (original, -1, NULL))
        continue;  /* latin1.graphml: its text is compared through the network above */
      read_graphml_facts (original, &a);
      read_graphml_facts (saved, &b);
      g_hash_table_iter_init (&iter, a.values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *again = g_hash_table_lookup (b.values, key);
          double x, y;

          /* "8.0" and "8" are one weight */
          if (again != NULL && g_str_has_suffix (key, " weight") &&
              mw_parse_number (value, &x) && mw_parse_number (again, &y) && x == y)
            continue;
          if (g_strcmp0 (again, value) != 0)
            g_string_append_printf (failures, "%s: %s: “%s” became “%s”\n", name, (char *)key,
                                    (char *)value, again != NULL ? again : "(none)");
        }
      if (a.edges->len != b.edges->len)
        g_string_append_printf (failures, "%s: %u edges became %u\n", name, a.edges->len, b.edges->len);
      facts_clear (&a);
      facts_clear (&b);
    }

  g_assert_cmpuint (n_files, >, 0);
  if (failures->len > 0)
    {
      g_auto(GStrv) lines = g_strsplit (failures->str, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_test_message ("%s", lines[i]);
      g_test_fail ();
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roundtrip/corpus/dot", test_corpus_dot);
  g_test_add_func ("/roundtrip/corpus/graphml", test_corpus_graphml);
  g_test_add_func ("/roundtrip/layout-positions-only", test_layout_positions_only);
  g_test_add_func ("/roundtrip/lossy-told", test_lossy_told);

  return g_test_run ();
}
