/* mw-cli-convert.c: meshwork-cli convert, between DOT and GraphML
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-format.h"

/* --to names a format as an extension would: the format layer decides. */
static MwFormat
format_for_option (const char *to)
{
  g_autofree char *name = g_strconcat ("-.", to, NULL);

  return mw_format_for_name (name);
}

int
mw_cli_convert (int    argc,
                char **argv)
{
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Write FORMAT, gv or graphml, whatever OUT is called (needed when OUT is “-”)"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwFormat format = MW_FORMAT_UNKNOWN;

  if (!mw_cli_parse_options ("convert", "IN OUT",
                             N_("Converts a network between Graphviz DOT (.gv, .dot) and GraphML (.graphml);\n"
                                "the formats come from the file names. Meshwork's fields and every other\n"
                                "attribute are kept."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;

  if (argc != 3)
    return mw_cli_fail (_("convert: expected IN and OUT (try “meshwork-cli convert --help”)"));
  if (to != NULL && (format = format_for_option (to)) == MW_FORMAT_UNKNOWN)
    return mw_cli_fail (_("convert: --to must be gv or graphml, not “%s”"), to);
  if (to == NULL && strcmp (argv[2], "-") == 0)
    return mw_cli_fail (_("convert: standard output needs --to gv or --to graphml"));

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  mw_cli_warn_losses (network, format, argv[2]);
  if (format != MW_FORMAT_UNKNOWN)
    {
      if (!mw_format_save_file (format, network, argv[2], &error))
        return mw_cli_fail ("%s", error->message);
    }
  else if (!mw_cli_save_any (network, argv[2], &error))
    return mw_cli_fail ("%s", error->message);

  return MW_CLI_OK;
}
