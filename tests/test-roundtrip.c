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
  /* a node's label is its name unless said otherwise */
  if (strcmp (name, "label") == 0)
    return (*a == '\0' && strcmp (b, "\\N") == 0) || (*b == '\0' && strcmp (a, "\\N") == 0);
  return FALSE;
}

static gboolean
skipped (Compare    *cmp,
         const char *name)
{
  return is_ignored_attr (name) || (cmp->layout && is_layout_attr (name));
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
          g_autofree char *va = shown (a, sym_a);
          g_autofree char *vb = shown (b, sym_b);

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
          const char *va = sym_a != NULL ? sym_a->defval : "";
          const char *vb = sym_b != NULL ? sym_b->defval : "";

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roundtrip/corpus/dot", test_corpus_dot);

  return g_test_run ();
}
