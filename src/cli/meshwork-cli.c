/* meshwork-cli.c: headless Meshwork
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-cli.h"

int
main (int    argc,
      char **argv)
{
  return mw_cli_main (argc, argv);
}
