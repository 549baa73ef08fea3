/* mw-cli-main.c: meshwork-cli's command table and dispatch
 *
 * Shared by meshwork-cli.c and the test CLI (tests/meshwork-cli-test.c),
 * so both run the same commands.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mw-cli.h"

static const MwCliCommand commands[] = {
  { "info", "FILE [--json]", N_("Count actors, ties, organisations and units; list problems"), mw_cli_info },
  { "score", "FILE [--json] [--explain] [--filter CONDITION]", N_("Score the five elements of distributed leadership"), mw_cli_score },
  { "export", "IN OUT.{png,svg,pdf} [OPTION…]", N_("Draw a network to PNG, SVG or PDF"), mw_cli_export },
  { "layout", "IN OUT [--engine E] [OPTION…]", N_("Lay out with Graphviz; write DOT with positions"), mw_cli_layout },
  { "template", "NAME OUT [--size N] [--seed S]", N_("Write a built-in context diagram (--list: names)"), mw_cli_template },
  { "import", "PEOPLE.csv [--ties TIES.csv] OUT", N_("Build a network from an org-chart CSV and a ties CSV"), mw_cli_import },
  { "convert", "IN OUT [--to gv|graphml]", N_("Convert between DOT (.gv) and GraphML (.graphml)"), mw_cli_convert },
  { "interpret", "IN OUT [--ties T] [OPTION…]", N_("Say what a network from another tool means"), mw_cli_interpret },
  { "table", "FILE --actors|--ties [OPTION…]", N_("Every actor with its measures, or every tie, as a table"), mw_cli_table },
  { "series", "new|add|show S.mwseries […]", N_("Make a series of snapshots; score each and what changed"), mw_cli_series },
  { "report", "IN… OUT.pdf [--series S] [--baseline B] [--anonymise] [OPTION…]", N_("Write a report for the client: a multi-page PDF"), mw_cli_report },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n\n%s\n",
           _("Usage: meshwork-cli COMMAND [OPTION…] ARGUMENTS"),
           _("Read, score and export Meshwork networks (DOT or GraphML files) without a display."),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %-34s %s\n", commands[i].name, commands[i].arguments, _(commands[i].summary));
  fprintf (out, "\n%s\n  -h, --help     %s\n  -V, --version  %s\n\n%s\n%s\n",
           _("Options:"), _("Show this help"), _("Show the version"),
           _("“meshwork-cli COMMAND --help” describes a command. FILE may be “-” for standard input."),
           _("Exit status: 0 success, 1 problems found in the network, 2 unreadable input, bad usage or output that could not be written."));
}

/* Why the last g_print() failed (GOption's --help prints with it). */
static int print_errno;

static void
print_cb (const char *string)
{
  if (fputs (string, stdout) == EOF || fflush (stdout) != 0)
    print_errno = errno;
}

/* Runs at exit, however the command ended (GOption's --help calls exit()
 * itself): output that could not be written, on a full disk or a closed
 * pipe, turns any exit status into MW_CLI_FAILED, with a word on stderr.
 * Files are written and checked by mw_write_file(); this is the rest. */
static void
check_output_at_exit (void)
{
  gboolean failed = ferror (stdout);
  int saved_errno = print_errno;

  errno = 0;
  if (fclose (stdout) != 0)
    {
      failed = TRUE;
      saved_errno = errno;
    }

  if (failed)
    {
      if (saved_errno != 0)
        mw_cli_fail (_("cannot write standard output: %s"), g_strerror (saved_errno));
      else
        mw_cli_fail (_("cannot write standard output"));
    }

  /* nothing is left to tell of a failing stderr but the exit status */
  if (fclose (stderr) != 0 || failed)
    _exit (MW_CLI_FAILED);
}

/**
 * mw_cli_main:
 *
 * Runs the command argv[1] names, as meshwork-cli's main() does.
 *
 * Returns: the exit status (MW_CLI_OK, MW_CLI_PROBLEMS or MW_CLI_FAILED)
 */
int
mw_cli_main (int    argc,
             char **argv)
{
  const char *name;

  setlocale (LC_ALL, "");
  /* subcommands parse from their own argv, whose argv[0] is the command */
  g_set_prgname ("meshwork-cli");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_cb);
  atexit (check_output_at_exit);
  mw_cli_prepare_exit ();

  if (argc < 2)
    {
      print_usage (stderr);
      return MW_CLI_FAILED;
    }

  name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      print_usage (stdout);
      return MW_CLI_OK;
    }
  if (strcmp (name, "--version") == 0 || strcmp (name, "-V") == 0)
    {
      printf ("meshwork-cli %s\n", PACKAGE_VERSION);
      return MW_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (name, commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  return mw_cli_fail (_("unknown command “%s” (try “meshwork-cli --help”)"), name);
}
