/* mw-cli-convert.c: meshwork-cli convert, between DOT and GraphML
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "mw-cli.h"

int
mw_cli_convert (int    argc,
                char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;

  if (!mw_cli_parse_options ("convert", "IN OUT",
                             N_("Converts a network between Graphviz DOT (.gv, .dot) and GraphML (.graphml);\n"
                                "the formats come from the file names. Meshwork's fields and every other\n"
                                "attribute are kept."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;

  if (argc != 3)
    return mw_cli_fail (_("convert: expected IN and OUT (try “meshwork-cli convert --help”)"));

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  if (!mw_cli_save_any (network, argv[2], &error))
    return mw_cli_fail ("%s", error->message);

  return MW_CLI_OK;
}
