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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/info/text", test_info_text);
  g_test_add_func ("/cli/info/json", test_info_json);
  g_test_add_func ("/cli/info/bad-file", test_info_bad_file);
  g_test_add_func ("/cli/info/missing-file", test_missing_file);
  g_test_add_func ("/cli/help-version-usage", test_help_version_usage);
  g_test_add_func ("/cli/export/scores-and-layout", test_export_scores_and_layout);
  g_test_add_func ("/cli/graphml-like-dot", test_graphml_like_dot);
  g_test_add_func ("/cli/layout/formats", test_layout_formats);

  return g_test_run ();
}
