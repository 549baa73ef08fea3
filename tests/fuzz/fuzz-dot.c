/* fuzz-dot.c: libFuzzer target for DOT loading and saving
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is loaded with the default limits and with small ones
 * (limits only refuse, they never change a result). A refusal is an
 * MW_ERROR naming the file and a line it has; what the scan before parsing
 * refuses as unclosed, cgraph refuses too. Loading the same bytes twice
 * gives the same answer, so cgraph's global parser state cannot leak from
 * one parse into the next. What loads keeps the model's invariants, passes
 * mw_network_check(), copies exactly, and survives a real round trip: the
 * saved text loads again into an equal network (mw_fuzz_check_round_trip).
 */

#include <string.h>

#include <graphviz/cgraph.h>

#include "mw-dot.h"
#include "mw-graphviz-lock.h"
#include "mw-limits.h"
#include "fuzz-common.h"

#define SOURCE "fuzz.gv"

/* small enough that the fuzzer reaches every refusal */
static const MwLimits small_limits = {
  .max_bytes = 2048,
  .max_subgraphs = 6,
  .max_depth = 3,
  .max_string = 40,
  .max_actors = 12,
  .max_ties = 20,
};

/* "SOURCE:LINE: …" must name a line the file has: a line count left over
 * from an earlier parse in cgraph's scanner would show here. */
static void
check_error_line (const GError *error,
                  const char   *source,
                  const char   *data,
                  size_t        size)
{
  const char *after = error->message + strlen (source) + 1;
  guint64 line, n_lines = 1;
  char *end;

  if (!g_ascii_isdigit (*after))
    return;

  line = g_ascii_strtoull (after, &end, 10);
  for (size_t i = 0; i < size; i++)
    {
      /* cgraph reads "# 23 …" at the start of a line as a C preprocessor
       * line marker, which sets the line number on purpose */
      if (data[i] == '#' && (i == 0 || data[i - 1] == '\n'))
        return;
      if (data[i] == '\n')
        n_lines++;
    }

  if (*end != ':' || line == 0 || line > n_lines)
    g_error ("the error names line %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT ": %s",
             line, n_lines, error->message);
}

static void
check_error (const GError *error,
             const char   *source)
{
  if (error == NULL)
    g_error ("loading failed without an error");
  if (error->domain != MW_ERROR)
    g_error ("a load error outside MW_ERROR: %s", error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("a load error message is not UTF-8");
  /* users must learn which file is wrong, and where */
  if (!g_str_has_prefix (error->message, source) || error->message[strlen (source)] != ':')
    g_error ("a load error does not start with the file name: %s", error->message);
}

static MwNetwork *
load (const char      *data,
      size_t           size,
      const char      *source,
      const MwLimits  *limits,
      GError         **error)
{
  MwNetwork *network = mw_dot_load_data (data, size, source, limits, error);

  if (network == NULL)
    {
      check_error (*error, source);
      check_error_line (*error, source, data, size);
    }
  else if (*error != NULL)
    g_error ("a network came back with an error: %s", (*error)->message);
  else
    mw_fuzz_check_invariants (network);

  return network;
}

static void
check_copy (MwNetwork *network)
{
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autofree char *text = mw_dot_save_data (network, NULL);
  g_autofree char *copy_text = mw_dot_save_data (copy, NULL);

  mw_fuzz_check_invariants (copy);
  mw_fuzz_assert_same_network (network, copy, "copy");
  if (mw_network_get_generation (copy) != mw_network_get_generation (network))
    g_error ("the copy has another generation");
  if (strcmp (text, copy_text) != 0)
    g_error ("the copy saves other bytes");
}

/* The same bytes again: the same network or the same error. */
static void
check_repeatable (const char *data,
                  size_t      size,
                  MwNetwork  *network,
                  GError     *error)
{
  g_autoptr(GError) error_again = NULL;
  g_autoptr(MwNetwork) again = load (data, size, SOURCE, NULL, &error_again);

  if ((again == NULL) != (network == NULL))
    g_error ("loading the same bytes twice: %s, then %s",
             network != NULL ? "a network" : error->message,
             again != NULL ? "a network" : error_again->message);
  if (again != NULL)
    mw_fuzz_assert_same_network (network, again, "loading twice");
  else if (error->code != error_again->code || strcmp (error->message, error_again->message) != 0)
    g_error ("loading the same bytes twice: “%s”, then “%s”", error->message, error_again->message);
}

/* exported by libcgraph, not in its header (see mw-dot-load.c) */
extern int aaglex_destroy (void);

static int
ignore_cgraph_message_cb (char *message)
{
  return 0;
}

/* Whether cgraph itself reads @data (UTF-8 text) as a graph. */
static gboolean
cgraph_reads (const char *data,
              size_t      size)
{
  g_autofree char *text = g_strndup (data, size);
  agusererrf old_errf;
  Agraph_t *graph;

  mw_graphviz_lock ();
  old_errf = agseterrf (ignore_cgraph_message_cb);
  graph = agmemread (text);
  aaglex_destroy ();
  agseterrf (old_errf);
  if (graph != NULL)
    agclose (graph);
  mw_graphviz_unlock ();

  return graph != NULL;
}

/* mw-dot-check.c's scan before parsing refuses unclosed strings and braces
 * itself; it must never refuse a file cgraph would read. */
static void
check_scan_agrees (const char *data,
                   size_t      size,
                   GError     *error)
{
  if (error == NULL || error->code != MW_ERROR_PARSE || strstr (error->message, "never closed") == NULL)
    return;
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL))
    return;

  if (cgraph_reads (data, size))
    g_error ("refused as “%s”, but cgraph reads it", error->message);
}

/* Limits only refuse: they never change what loads or how it fails. */
static void
check_small_limits (const char *data,
                    size_t      size,
                    MwNetwork  *network,
                    GError     *error)
{
  g_autoptr(GError) small_error = NULL;
  g_autoptr(MwNetwork) small = load (data, size, SOURCE, &small_limits, &small_error);

  if (small != NULL)
    {
      if (network == NULL)
        g_error ("loads with small limits but not with the defaults: %s", error->message);
      mw_fuzz_assert_same_network (network, small, "small limits");
    }
  else if (small_error->code != MW_ERROR_LIMIT)
    {
      if (network != NULL)
        g_error ("fails with small limits, not over any of them: %s", small_error->message);
      if (strcmp (error->message, small_error->message) != 0)
        g_error ("small limits change the error: “%s”, then “%s”", error->message, small_error->message);
    }
}

int
mw_fuzz_dot (const uint8_t *bytes,
             size_t         size)
{
  const char *data = (const char *)bytes;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = load (data, size, SOURCE, NULL, &error);

  check_repeatable (data, size, network, error);
  check_scan_agrees (data, size, error);
  check_small_limits (data, size, network, error);

  if (network != NULL)
    {
      mw_fuzz_check_problems (network);
      check_copy (network);
      mw_fuzz_check_round_trip (network);
    }

  return 0;
}

#ifndef MW_FUZZ_NO_MAIN
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mw_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return mw_fuzz_finish (mw_fuzz_dot (data, size));
}
#endif
