/* meshwork-cli-test.c: meshwork-cli with its test hook, for tests/test-layout.c
 *
 * The same commands as meshwork-cli; MESHWORK_LAYOUT_TEST stands in for a
 * hostile input in `layout`: "sleep" hangs for a minute before Graphviz,
 * "crash" aborts. meshwork-cli itself reads neither
 * (tests/test-no-back-doors.sh checks it).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include "mw-cli.h"

static void
layout_hook (void)
{
  const char *hook = g_getenv ("MESHWORK_LAYOUT_TEST");

  if (g_strcmp0 (hook, "sleep") == 0)
    g_usleep (60 * G_USEC_PER_SEC);
  else if (g_strcmp0 (hook, "crash") == 0)
    abort ();
}

int
main (int    argc,
      char **argv)
{
  mw_cli_set_layout_hook (layout_hook);
  return mw_cli_main (argc, argv);
}
