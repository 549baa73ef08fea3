/* bench-dot.c: time and memory of loading hostile DOT files
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case runs in a child process of its own, so that its peak resident
 * memory is its own: parallel ties, one hub with a huge degree, a long
 * declared default on many actors, 100,000 subgraphs, and the pre-scan's
 * refusal of a file over the tie limit against a full parse of it.
 * It prints the figures; nothing fails on time.
 */

#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mw-dot-private.h"
#include "mw-dot.h"
#include "mw-graphviz-lock.h"
#include "mw-limits.h"

typedef GString *(*MakeText) (guint n);

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static GString *
parallel_ties (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "a -> b\n");
  g_string_append (text, "}\n");
  return text;
}

static GString *
hub (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "hub -> n%u\n", i);
  g_string_append (text, "}\n");
  return text;
}

static GString *
long_default (guint n)
{
  GString *text = g_string_new ("digraph {\nnode [label=\"");

  for (guint i = 0; i < 250 * 1000; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\"]\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "n%u\n", i);
  g_string_append (text, "}\n");
  return text;
}

static GString *
subgraphs (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "subgraph s%u { n%u }\n", i, i % 1000);
  g_string_append (text, "}\n");
  return text;
}

static GString *
chain (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "n%u -> n%u\n", i, i + 1);
  g_string_append (text, "}\n");
  return text;
}

/* What an exported network looks like: actors with labels and a colour,
 * ties with a type, one statement a line. */
static GString *
attributed (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "n%u [label=\"Person %u\", color=grey%u]\n", i, i, i % 100);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "n%u -> n%u [mw_tie=reports]\n", i, (i * 7 + 1) % n);
  g_string_append (text, "}\n");
  return text;
}

/* In the child: generate, load, print one line. */
static void
load_case (const char *name,
           MakeText    make,
           guint       n)
{
  g_autoptr(GString) text = make (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  double before = peak_mib ();
  gint64 start = g_get_monotonic_time ();
  double seconds;

  network = mw_dot_load_data (text->str, text->len, name, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_print ("%-24s %9u  %8.1f MB  %8.3f s  peak %8.1f MiB (%.1fx the file)  %s\n",
           name, n, text->len / 1e6, seconds, peak_mib (),
           (peak_mib () - before) * 1024 * 1024 / text->len,
           error != NULL ? error->message : "loaded");
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* Where the memory of a load goes, per byte of the file: cgraph's parse
 * alone, and the network Meshwork keeps once cgraph's graph is closed. */
static void
breakdown_case (const char *name,
                MakeText    make,
                guint       n)
{
  g_autoptr(GString) text = make (n);
  g_autoptr(MwNetwork) network = NULL;
  gsize start, parsed, kept;
  Agraph_t *graph;

  start = heap_in_use ();
  mw_graphviz_lock ();
  graph = agmemread (text->str);
  parsed = heap_in_use ();
  agclose (graph);
  mw_graphviz_unlock ();

  start = MIN (start, heap_in_use ());
  network = mw_dot_load_data (text->str, text->len, name, NULL, NULL);
  kept = heap_in_use ();

  g_print ("%-24s %9u  %8.1f MB  cgraph's parse alone %.1fx the file (%" G_GSIZE_FORMAT " B per actor and its tie); "
           "the network kept %.1fx (%" G_GSIZE_FORMAT " B per actor and its tie)\n",
           name, n, text->len / 1e6, (double)(parsed - start) / text->len, (parsed - start) / n,
           (double)(kept - start) / text->len, (kept - start) / n);
}

/* A file over the tie limit: refused by the pre-scan, against cgraph's
 * full parse of the same text. */
static void
prescan_case (guint n)
{
  g_autoptr(GString) text = chain (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwDotCounts counts;
  MwLimits limits;
  gint64 start;
  double scan, refusal, parse;

  mw_limits_init_default (&limits);
  start = g_get_monotonic_time ();
  _mw_dot_scan_structure (text->str, text->len, "chain.gv", &limits, &counts, NULL);
  scan = (g_get_monotonic_time () - start) / 1e6;

  limits.max_ties = n / 2;
  start = g_get_monotonic_time ();
  network = mw_dot_load_data (text->str, text->len, "chain.gv", &limits, &error);
  refusal = (g_get_monotonic_time () - start) / 1e6;
  g_assert_null (network);

  start = g_get_monotonic_time ();
  network = mw_dot_load_data (text->str, text->len, "chain.gv", NULL, NULL);
  parse = (g_get_monotonic_time () - start) / 1e6;

  g_print ("pre-scan of %u ties (%.1f MB): scan %.3f s, refusal %.3f s, full load %.3f s "
           "(scan is %.0f%% of a load); %s\n",
           n, text->len / 1e6, scan, refusal, parse, 100 * scan / parse, error->message);
}

static void
in_child (const char *name,
          MakeText    make,
          guint       n)
{
  pid_t pid = fork ();
  int status;

  if (pid == 0)
    {
      if (make != NULL && g_str_has_prefix (name, "where:"))
        breakdown_case (name + strlen ("where:"), make, n);
      else if (make != NULL)
        load_case (name, make, n);
      else
        prescan_case (n);
      fflush (stdout);
      _exit (0);
    }

  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_print ("%-24s %9u  failed (status %d)\n", name, n, status);
}

int
main (int    argc,
      char **argv)
{
  g_print ("case                     count       file        time         memory\n");
  for (guint n = 5000; n <= 40000; n *= 2)
    in_child ("parallel ties", parallel_ties, n);
  in_child ("tie chain", chain, 10000);
  /* memory per byte of files of short lines (the goal: at most 16x) */
  for (guint n = 50000; n <= 400000; n *= 2)
    in_child ("tie chain", chain, n);
  for (guint n = 25000; n <= 200000; n *= 2)
    in_child ("attributed actors+ties", attributed, n);
  in_child ("where:tie chain", chain, 200000);
  in_child ("where:attributed", attributed, 100000);
  in_child ("hub", hub, 200000);
  in_child ("hub", hub, 600000);
  in_child ("250 KB default label", long_default, 10000);
  in_child ("subgraphs", subgraphs, 100000);
  in_child ("pre-scan", NULL, 500000);

  return 0;
}
