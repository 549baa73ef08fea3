/* test-cli.c: meshwork-cli run as a user runs it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mw-test-cli.h"


static void
test_info_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "info", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "7 (6 people, 1 team, 0 organisations)"));
  g_assert_nonnull (strstr (run.out, "9 (5 reports, 2 collaborates, 1 influences, 1 checks)"));
  g_assert_nonnull (strstr (run.out, "Organisations:  1 (Acme)"));
  g_assert_nonnull (strstr (run.out, "Problems:       none"));
  g_assert_null (strstr (run.out, "Lost on save:"));
}

/* What a save cannot keep is said by info too: an edge's key, a second graph. */
static void
test_info_lost_on_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.gv", NULL);
  g_auto(MwTestRun) run = { 0 };
  g_auto(MwTestRun) json = { 0 };

  g_assert_true (g_file_set_contents (path, "digraph { a -> b [key=k] }\ndigraph { c -> d }\n", -1, NULL));
  mw_test_run_cli (&run, "info", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Lost on save:   the key of 1 edge, what follows the first graph (from line 2)\n"));
  mw_test_run_cli (&json, "info", "--json", path, NULL);
  g_assert_nonnull (strstr (json.out, "\"lost_on_save\" : [\n    \"the key of 1 edge\",\n    \"what follows the first graph (from line 2)\"\n  ]"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_info_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "strict-cycle.gv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(MwTestRun) run = { 0 };
  JsonObject *root, *problem;
  JsonArray *problems;

  mw_test_run_cli (&run, "info", "--json", path, NULL);
  /* a reporting cycle is a problem: exit 1 */
  g_assert_cmpint (run.status, ==, 1);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "actors"), "total"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "ties"), "reports"), ==, 4);
  problems = json_object_get_array_member (root, "problems");
  g_assert_cmpuint (json_array_get_length (problems), ==, 1);
  problem = json_array_get_object_element (problems, 0);
  g_assert_cmpstr (json_object_get_string_member (problem, "kind"), ==, "reports-cycle");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (problem, "actors")), ==, 3);
}

static void
test_info_bad_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "syntax.gv", NULL);
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "info", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  /* one line naming the file and the line */
  g_assert_nonnull (strstr (run.err, "syntax.gv:3:"));
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
}

static void
test_missing_file (void)
{
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "info", "/nonexistent/network.gv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "/nonexistent/network.gv"));
}

static void
test_help_version_usage (void)
{
  g_auto(MwTestRun) help = { 0 };
  g_auto(MwTestRun) version = { 0 };
  g_auto(MwTestRun) unknown = { 0 };
  g_auto(MwTestRun) info_help = { 0 };
  g_auto(MwTestRun) no_file = { 0 };

  mw_test_run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Usage: meshwork-cli"));
  g_assert_nonnull (strstr (help.out, "info"));

  mw_test_run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "meshwork-cli "));

  mw_test_run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  mw_test_run_cli (&info_help, "info", "--help", NULL);
  g_assert_cmpint (info_help.status, ==, 0);
  g_assert_nonnull (strstr (info_help.out, "--json"));

  mw_test_run_cli (&no_file, "info", NULL);
  g_assert_cmpint (no_file.status, ==, 2);
}

/* export --scores draws the score card; --layout places a network that has no positions */
static void
test_export_scores_and_layout (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "multi-edges.gv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *text = NULL;
  g_auto(MwTestRun) plain = { 0 };
  g_auto(MwTestRun) laid_out = { 0 };
  g_auto(MwTestRun) bad_engine = { 0 };

  /* a file with no positions at all is laid out without being asked */
  mw_test_run_cli (&plain, "export", path, svg, "--scores", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_null (strstr (plain.err, "no position"));
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Distributed leadership"));
  g_assert_nonnull (strstr (text, "Peer mitigation of risk"));

  mw_test_run_cli (&laid_out, "export", path, svg, "--layout", "circo", NULL);
  g_assert_cmpint (laid_out.status, ==, 0);

  mw_test_run_cli (&bad_engine, "export", path, svg, "--layout", "magic", NULL);
  g_assert_cmpint (bad_engine.status, ==, 2);
  g_assert_nonnull (strstr (bad_engine.err, "magic"));

  g_unlink (svg);
  g_rmdir (dir);
}

/* Everything after the first line, which names the file. */
static const char *
after_file_line (const char *text)
{
  const char *newline = strchr (text, '\n');

  g_assert_nonnull (newline);
  return newline + 1;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Every command that reads a network reads GraphML as it reads DOT. */
static void
test_graphml_like_dot (void)
{
  g_autofree char *graphml = g_test_build_filename (G_TEST_DIST, "data", "graphml", "cytoscape-export.graphml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *dot = g_build_filename (dir, "partners.gv", NULL);
  const char *commands[] = { "info", "score" };
  const char *outputs[] = { "out.svg", "laid-out.gv" };
  g_auto(MwTestRun) convert = { 0 };

  mw_test_run_cli (&convert, "convert", graphml, dot, NULL);
  g_assert_cmpint (convert.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(MwTestRun) from_graphml = { 0 };
      g_auto(MwTestRun) from_dot = { 0 };

      mw_test_run_cli (&from_graphml, commands[i], graphml, NULL);
      mw_test_run_cli (&from_dot, commands[i], dot, NULL);
      g_assert_cmpint (from_graphml.status, ==, 0);
      g_assert_cmpint (from_dot.status, ==, 0);
      g_assert_cmpstr (from_graphml.err, ==, "");
      g_assert_cmpstr (after_file_line (from_graphml.out), ==, after_file_line (from_dot.out));
    }

  /* export OUT.svg and layout OUT.gv: the same drawing, the same positions */
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      const char *command = i == 0 ? "export" : "layout";
      g_autofree char *out_graphml = g_strconcat (dir, "/graphml-", outputs[i], NULL);
      g_autofree char *out_dot = g_strconcat (dir, "/dot-", outputs[i], NULL);
      g_autofree char *text_graphml = NULL;
      g_autofree char *text_dot = NULL;
      g_auto(MwTestRun) from_graphml = { 0 };
      g_auto(MwTestRun) from_dot = { 0 };

      mw_test_run_cli (&from_graphml, command, graphml, out_graphml, NULL);
      mw_test_run_cli (&from_dot, command, dot, out_dot, NULL);
      g_assert_cmpint (from_graphml.status, ==, 0);
      g_assert_cmpint (from_dot.status, ==, 0);
      text_graphml = read_text (out_graphml);
      text_dot = read_text (out_dot);
      g_assert_cmpstr (text_graphml, ==, text_dot);
      g_unlink (out_graphml);
      g_unlink (out_dot);
    }

  g_unlink (dot);
  g_rmdir (dir);
}

/* layout writes the format OUT's name says; standard input is read by its
 * content, standard output is DOT. */
static void
test_layout_formats (void)
{
  g_autofree char *graphml = g_test_build_filename (G_TEST_DIST, "data", "graphml", "cytoscape-export.graphml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "laid-out.GraphML", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *stdout_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "layout", graphml, out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = read_text (out);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "Acme"));

  g_subprocess_launcher_set_stdin_file_path (launcher, graphml);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("MESHWORK_CLI"), "layout", "-", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_str_has_prefix (stdout_text, "digraph"));
  g_assert_nonnull (strstr (stdout_text, "pos="));

  g_unlink (out);
  g_rmdir (dir);
}

/* A reporting cycle through 20,000 people is one short line naming the
 * first few, then how many more; --json still lists every actor. */
static void
test_info_long_cycle (void)
{
  const guint n = 20000;
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cycle.gv", NULL);
  g_autoptr(GString) dot = g_string_new ("digraph cycle {\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(MwTestRun) text = { 0 };
  g_auto(MwTestRun) json = { 0 };
  const char *line, *end;
  JsonObject *problem;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (dot, "  p%05u -> p%05u [mw_tie=reports];\n", i, (i + 1) % n);
  g_string_append (dot, "}\n");
  g_assert_true (g_file_set_contents (path, dot->str, dot->len, NULL));

  mw_test_run_cli (&text, "info", path, NULL);
  g_assert_cmpint (text.status, ==, 1);
  line = strstr (text.out, "Reporting lines go round in a circle through “p00000”, “p00001”");
  g_assert_nonnull (line);
  end = strchr (line, '\n');
  g_assert_cmpint (end - line, <, 300);
  g_assert_true (g_strstr_len (line, end - line, " and 19990 more") != NULL ||
                 g_strstr_len (line, end - line, " and 19,990 more") != NULL);
  g_assert_null (g_strstr_len (line, end - line, "p00010"));

  mw_test_run_cli (&json, "info", "--json", path, NULL);
  g_assert_cmpint (json.status, ==, 1);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  problem = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "problems"), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (problem, "actors")), ==, n);
  g_assert_cmpuint (strlen (json_object_get_string_member (problem, "message")), <, 300);

  g_unlink (path);
  g_rmdir (dir);
}

/* convert IN - writes the format --to names to standard output; without
 * --to it is refused, since "-" has no extension. */
static void
test_convert_to_stdout (void)
{
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *named = g_build_filename (dir, "out.gv", NULL);
  g_autofree char *named_text = NULL;
  g_auto(MwTestRun) graphml = { 0 };
  g_auto(MwTestRun) dot = { 0 };
  g_auto(MwTestRun) no_to = { 0 };
  g_auto(MwTestRun) bad_to = { 0 };
  g_auto(MwTestRun) to_file = { 0 };

  mw_test_run_cli (&graphml, "convert", "--to", "graphml", basic, "-", NULL);
  g_assert_cmpint (graphml.status, ==, 0);
  g_assert_true (g_str_has_prefix (graphml.out, "<?xml"));
  g_assert_nonnull (strstr (graphml.out, "Acme"));

  mw_test_run_cli (&dot, "convert", "--to", "gv", basic, "-", NULL);
  g_assert_cmpint (dot.status, ==, 0);
  g_assert_true (g_str_has_prefix (dot.out, "digraph") || g_str_has_prefix (dot.out, "strict digraph"));

  mw_test_run_cli (&no_to, "convert", basic, "-", NULL);
  g_assert_cmpint (no_to.status, ==, 2);
  g_assert_cmpstr (no_to.out, ==, "");
  g_assert_nonnull (strstr (no_to.err, "--to"));

  mw_test_run_cli (&bad_to, "convert", "--to", "png", basic, "-", NULL);
  g_assert_cmpint (bad_to.status, ==, 2);
  g_assert_nonnull (strstr (bad_to.err, "png"));

  /* --to wins over the name: the same text as standard output */
  mw_test_run_cli (&to_file, "convert", "--to", "graphml", basic, named, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  named_text = read_text (named);
  g_assert_cmpstr (named_text, ==, graphml.out);

  g_unlink (named);
  g_rmdir (dir);
}

/* Writes a network of @n actors and as many collaborates ties, without
 * positions: sfdp's, so it has no quick org chart. */
static char *
write_unplaced (const char *dir,
                guint       n)
{
  g_autofree char *path = g_build_filename (dir, "unplaced.gv", NULL);
  g_autoptr(GString) dot = g_string_new ("digraph unplaced {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (dot, "  a%u -> a%u [mw_tie=collaborates];\n", i, (i * 7 + 1) % n);
  g_string_append (dot, "}\n");
  g_assert_true (g_file_set_contents (path, dot->str, dot->len, NULL));
  return g_steal_pointer (&path);
}

/* export lays out a network without positions only within a time limit
 * (by default import's): one estimated to take longer is drawn on a grid
 * at once, and stderr says so. */
static void
test_export_layout_estimate_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *path = write_unplaced (dir, 1000);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_auto(MwTestRun) run = { 0 };
  g_auto(MwTestRun) bad = { 0 };

  mw_test_run_cli (&run, "export", "--time-limit", "0.2", path, svg, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "not laid out: sfdp would take about"));
  g_assert_nonnull (strstr (run.err, "1000 of 1000 actors have no position"));
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  mw_test_run_cli (&bad, "export", "--time-limit", "0", path, svg, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--time-limit"));

  g_unlink (svg);
  g_unlink (path);
  g_rmdir (dir);
}

/* A layout that does not end (the test CLI's hook hangs where Graphviz
 * would start) is stopped at the time limit: the automatic one falls back
 * to the grid with a word on stderr, an asked-for one fails. */
static void
test_export_layout_time_limit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "multi-edges.gv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *cli_env = NULL;
  const char *env[3] = { NULL, "MESHWORK_LAYOUT_TEST=sleep", NULL };
  MwTestCliOptions options = { .env = env };
  g_auto(MwTestRun) automatic = { 0 };
  g_auto(MwTestRun) asked = { 0 };
  gint64 start;

  if (g_getenv ("MESHWORK_CLI_TEST") == NULL)
    {
      g_test_skip ("no MESHWORK_CLI_TEST");
      return;
    }
  cli_env = g_strconcat ("MESHWORK_CLI=", g_getenv ("MESHWORK_CLI_TEST"), NULL);
  env[0] = cli_env;

  start = g_get_monotonic_time ();
  mw_test_run_cli_full (&automatic, &options, "export", "--time-limit", "1", path, svg, NULL);
  g_test_message ("%s", automatic.err);
  g_assert_cmpint (automatic.status, ==, 0);
  g_assert_nonnull (strstr (automatic.err, "not laid out"));
  g_assert_nonnull (strstr (automatic.err, "have no position"));
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  mw_test_run_cli_full (&asked, &options, "export", "--time-limit", "1", "--layout", "neato", path, svg, NULL);
  g_assert_cmpint (asked.status, ==, 2);
  /* the hook sleeps a minute: both were stopped long before */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * G_USEC_PER_SEC);

  g_unlink (svg);
  g_rmdir (dir);
}

/* import lays out in the layout child too, stopped at --time-limit: the
 * default layout leaves the people unplaced with a word, one asked for
 * fails. It ran in meshwork-cli's own process, without any time limit. */
static void
test_import_layout_time_limit (void)
{
  g_autofree char *people = g_test_build_filename (G_TEST_DIST, "data", "csv", "workday-people.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "org.gv", NULL);
  g_autofree char *cli_env = NULL;
  const char *env[3] = { NULL, "MESHWORK_LAYOUT_TEST=sleep", NULL };
  MwTestCliOptions options = { .env = env };
  g_auto(MwTestRun) automatic = { 0 };
  g_auto(MwTestRun) asked = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_getenv ("MESHWORK_CLI_TEST") == NULL)
    {
      g_test_skip ("no MESHWORK_CLI_TEST");
      return;
    }
  cli_env = g_strconcat ("MESHWORK_CLI=", g_getenv ("MESHWORK_CLI_TEST"), NULL);
  env[0] = cli_env;

  start = g_get_monotonic_time ();
  mw_test_run_cli_full (&automatic, &options, "import", "--time-limit", "1", people, out, NULL);
  g_test_message ("%s", automatic.err);
  g_assert_cmpint (automatic.status, !=, 2);
  g_assert_nonnull (strstr (automatic.err, "import: not laid out"));
  /* written, every person in it, nobody placed */
  g_file_get_contents (out, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "->"));
  g_assert_null (strstr (text, "pos="));
  g_unlink (out);

  mw_test_run_cli_full (&asked, &options, "import", "--time-limit", "1", "--layout", "neato", people, out, NULL);
  g_assert_cmpint (asked.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* the hook sleeps a minute: both were stopped long before */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * G_USEC_PER_SEC);

  g_rmdir (dir);
}

/* Standard output on a full disk: every command that prints says so and
 * exits 2, whatever it printed and however it ended (GOption's --help
 * exits on its own). */
static void
test_full_stdout (void)
{
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autofree char *people = g_test_build_filename (G_TEST_DIST, "data", "csv", "workday-people.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  g_autofree char *imported = g_build_filename (dir, "imported.gv", NULL);
  const char *commands[][7] = {
    { "--help" },
    { "--version" },
    { "info", "--help" },
    { "info", basic },
    { "info", "--json", basic },
    { "score", basic },
    { "score", "--json", "--explain", basic },
    { "template", "--list" },
    { "template", "pyramid", "-" },
    { "layout", "--estimate", basic },
    { "layout", basic, "-" },
    { "import", "--layout", "none", people, imported },
    { "convert", "--to", "gv", basic, "-" },
  };
  MwTestCliOptions options = { .stdout_path = "/dev/full" };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(MwTestRun) run = { 0 };

      g_autofree char *line = g_strjoinv (" ", (char **) commands[i]);

      g_test_message ("meshwork-cli %s > /dev/full", line);
      mw_test_run_cli_full (&run, &options, commands[i][0], commands[i][1], commands[i][2],
                            commands[i][3], commands[i][4], commands[i][5], NULL);
      g_assert_cmpint (run.status, ==, 2);
      /* one message, whether the command or the exit check found it */
      g_assert_true (g_str_has_prefix (run.err, "meshwork-cli: "));
      g_assert_true (strstr (run.err, "standard output") != NULL || strstr (run.err, "<stdout>") != NULL);
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
    }

  g_unlink (imported);
  g_rmdir (dir);
}

static gboolean
folder_has_only (const char *dir,
                 const char *name)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (folder)) != NULL)
    {
      if (strcmp (entry, name) != 0)
        return FALSE;
      n++;
    }
  return n == 1;
}

/* A disk that fills up while a file is written (a file size limit in the
 * child): exit 2 with a message naming the file, the good file that was
 * there is still there, unchanged, and no temporary file is left. */
static void
test_full_disk_keeps_file (void)
{
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autofree char *people = g_test_build_filename (G_TEST_DIST, "data", "csv", "workday-people.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-XXXXXX", NULL);
  const char *outputs[] = { "good.gv", "good.graphml", "good.gv", "good.gv", "good.svg", "good.png" };
  const char *good = "a small good file\n";
  MwTestCliOptions options = { .max_file_size = 64 };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = g_build_filename (dir, outputs[i], NULL);
      g_autofree char *text = NULL;
      g_auto(MwTestRun) run = { 0 };

      g_assert_true (g_file_set_contents (out, good, -1, NULL));
      switch (i)
        {
        case 0: mw_test_run_cli_full (&run, &options, "template", "pyramid", out, NULL); break;
        case 1: mw_test_run_cli_full (&run, &options, "convert", basic, out, NULL); break;
        case 2: mw_test_run_cli_full (&run, &options, "layout", basic, out, NULL); break;
        case 3: mw_test_run_cli_full (&run, &options, "import", "--layout", "none", people, out, NULL); break;
        default: mw_test_run_cli_full (&run, &options, "export", basic, out, NULL); break;
        }
      g_test_message ("%s: %s", outputs[i], run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, outputs[i]));
      g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
      g_assert_cmpstr (text, ==, good);
      g_assert_true (folder_has_only (dir, outputs[i]));
      g_unlink (out);
    }

  g_rmdir (dir);
}

/* A file holding @text, in a temporary folder; the caller unlinks it. */
static char *
write_temp (const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meshwork-cli-filter-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* score --filter: the scores of a file holding only what the filter keeps
 * (as the app's Filtered View scores it), and the app's words for it. */
static void
test_score_filter (void)
{
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  /* meshwork-basic.gv with only Engineering, and its reporting lines */
  g_autofree char *kept = write_temp ("engineering.gv",
    "digraph acme {\n"
    "  label=\"Acme product group\";\n"
    "  eng [label=\"Engineering lead\", mw_org=Acme, mw_unit=Engineering];\n"
    "  ana [label=\"Ana\", mw_org=Acme, mw_unit=Engineering, mw_initiative=true, mw_notes=\"Runs the guild\"];\n"
    "  ben [label=\"Ben\", mw_org=Acme, mw_unit=Engineering];\n"
    "  ana -> eng [mw_tie=reports];\n"
    "  ben -> eng [mw_tie=reports];\n"
    "}\n");
  g_autoptr(JsonParser) filtered_parser = json_parser_new ();
  g_autoptr(JsonParser) kept_parser = json_parser_new ();
  g_auto(MwTestRun) filtered = { 0 };
  g_auto(MwTestRun) file = { 0 };
  g_auto(MwTestRun) text = { 0 };
  g_auto(MwTestRun) whole = { 0 };
  JsonObject *got, *want, *scope;

  mw_test_run_cli (&filtered, "score", "--json", basic, "--filter", "unit=Engineering", "--filter",
                   "ties=reports,influences", NULL);
  mw_test_run_cli (&file, "score", "--json", kept, NULL);
  g_assert_cmpint (filtered.status, ==, 0);
  g_assert_cmpint (file.status, ==, 0);
  got = parse_object (filtered_parser, filtered.out);
  want = parse_object (kept_parser, file.out);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (got, "scores"), "index"),
                                  json_object_get_double_member (json_object_get_object_member (want, "scores"), "index"),
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (got, "measures"),
                                                                 "density"),
                                  json_object_get_double_member (json_object_get_object_member (want, "measures"),
                                                                 "density"),
                                  1e-12);
  scope = json_object_get_object_member (got, "scope");
  g_assert_cmpstr (json_object_get_string_member (scope, "of"), ==, "filtered-view");
  g_assert_cmpint (json_object_get_int_member (scope, "actors"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (scope, "ties"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (scope, "caption"), ==,
                   "Scores of the filtered view only: 3 actors, 2 ties");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (scope, "filter")), ==, 2);
  /* Without a filter the output says nothing of a scope. */
  g_assert_false (json_object_has_member (want, "scope"));

  /* The same words in text; every tie type shown and nothing else is no filter. */
  mw_test_run_cli (&text, "score", basic, "--filter", "unit=Engineering", "--filter", "fade-isolates", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Scores of the filtered view only: 3 actors, 2 ties\n"));
  mw_test_run_cli (&whole, "score", basic, "--filter", "ties=reports,collaborates,influences,checks", NULL);
  g_assert_cmpint (whole.status, ==, 0);
  g_assert_null (strstr (whole.out, "filtered view"));

  remove_temp (kept);
}

/* A condition it does not know: the words it knows, and nothing scored. */
static void
test_score_filter_bad (void)
{
  g_autofree char *basic = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_auto(MwTestRun) key = { 0 };
  g_auto(MwTestRun) type = { 0 };

  mw_test_run_cli (&key, "score", basic, "--filter", "colour=red", NULL);
  g_assert_cmpint (key.status, ==, 2);
  g_assert_cmpstr (key.out, ==, "");
  g_assert_nonnull (strstr (key.err, "Unknown filter “colour=red”"));
  g_assert_nonnull (strstr (key.err, "fade-isolates"));
  mw_test_run_cli (&type, "score", basic, "--filter", "ties=reports,friends", NULL);
  g_assert_cmpint (type.status, ==, 2);
  g_assert_nonnull (strstr (type.err, "Unknown tie type “friends”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/info/text", test_info_text);
  g_test_add_func ("/cli/info/json", test_info_json);
  g_test_add_func ("/cli/info/lost-on-save", test_info_lost_on_save);
  g_test_add_func ("/cli/info/bad-file", test_info_bad_file);
  g_test_add_func ("/cli/info/missing-file", test_missing_file);
  g_test_add_func ("/cli/help-version-usage", test_help_version_usage);
  g_test_add_func ("/cli/export/scores-and-layout", test_export_scores_and_layout);
  g_test_add_func ("/cli/graphml-like-dot", test_graphml_like_dot);
  g_test_add_func ("/cli/layout/formats", test_layout_formats);
  g_test_add_func ("/cli/info/long-cycle", test_info_long_cycle);
  g_test_add_func ("/cli/convert/to-stdout", test_convert_to_stdout);
  g_test_add_func ("/cli/export/layout-estimate-limit", test_export_layout_estimate_limit);
  g_test_add_func ("/cli/export/layout-time-limit", test_export_layout_time_limit);
  g_test_add_func ("/cli/import/layout-time-limit", test_import_layout_time_limit);
  g_test_add_func ("/cli/full-stdout", test_full_stdout);
  g_test_add_func ("/cli/full-disk-keeps-file", test_full_disk_keeps_file);
  g_test_add_func ("/cli/score/filter", test_score_filter);
  g_test_add_func ("/cli/score/filter-bad", test_score_filter_bad);

  return g_test_run ();
}
