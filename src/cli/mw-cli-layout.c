/* mw-cli-layout.c: meshwork-cli layout — positions through Graphviz or the tree engine
 *
 * This is also the child process the app starts for every automatic
 * layout (mw_layout_run_async()): DOT in, DOT with positions out.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-format.h"
#include "mw-layout.h"

static void
alarm_cb (int signum)
{
  static const char message[] = "meshwork-cli: layout: time limit reached, stopped\n";

  if (write (STDERR_FILENO, message, sizeof message - 1) < 0)
    _exit (MW_CLI_FAILED);
  _exit (MW_CLI_FAILED);
}

static MwCliLayoutHook layout_hook;

/**
 * mw_cli_set_layout_hook:
 * @hook: (nullable): what runs before every layout, or %NULL
 *
 * Lets a test stand in for a hostile input without needing one: the test
 * CLI's hook hangs or aborts where Graphviz would start.
 */
void
mw_cli_set_layout_hook (MwCliLayoutHook hook)
{
  layout_hook = hook;
}

int
mw_cli_layout (int    argc,
               char **argv)
{
  g_autofree char *engine_name = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GError) error = NULL;
  MwLayoutEngine engine = MW_LAYOUT_AUTO;
  double time_limit = 0;
  gboolean estimate = FALSE;
  GOptionEntry entries[] = {
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &engine_name,
      N_("auto (default), dot, neato, fdp, sfdp, circo, twopi or tree"), "ENGINE" },
    { "time-limit", 't', 0, G_OPTION_ARG_DOUBLE, &time_limit, N_("Give up after SECONDS"), "SECONDS" },
    { "estimate", 0, 0, G_OPTION_ARG_NONE, &estimate,
      N_("Print the engine auto would choose and the estimated seconds, do not lay out"), NULL },
    { NULL }
  };

  if (!mw_cli_parse_options ("layout", "IN|- OUT|-",
                             N_("Lay out a network with Graphviz and write it with positions.\n"
                                "Pinned actors stay where they are; nothing but positions changes."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (argc != (estimate ? 2 : 3))
    return mw_cli_fail (_("layout: expected %s (try “meshwork-cli layout --help”)"),
                        estimate ? "IN" : _("IN and OUT"));
  if (engine_name != NULL && !mw_layout_engine_from_string (engine_name, &engine))
    return mw_cli_fail (_("layout: unknown engine “%s”"), engine_name);
  if (time_limit < 0 || time_limit > 86400)
    return mw_cli_fail (_("layout: --time-limit must be between 0 and 86400 seconds"));

  if (time_limit > 0)
    {
      signal (SIGALRM, alarm_cb);
      alarm ((unsigned) ceil (time_limit));
    }

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("layout: %s", error->message);

  if (estimate)
    {
      MwLayoutEngine chosen = engine == MW_LAYOUT_AUTO ? mw_layout_choose_engine (network) : engine;

      printf ("%s %.1f\n", mw_layout_engine_to_string (chosen), mw_layout_estimate_seconds (network, chosen));
      return MW_CLI_OK;
    }

  if (layout_hook != NULL)
    layout_hook ();
  positions = mw_layout_compute (network, engine, &error);
  if (positions == NULL)
    return mw_cli_fail ("layout: %s", error->message);
  mw_layout_apply (network, positions);
  mw_cli_warn_losses (network, MW_FORMAT_UNKNOWN, argv[2]);
  if (!mw_format_save_file (MW_FORMAT_UNKNOWN, network, argv[2], &error))
    return mw_cli_fail ("layout: %s", error->message);

  return MW_CLI_OK;
}
