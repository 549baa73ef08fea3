/* mw-cli-convert.c: meshwork-cli convert, between DOT and GraphML
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-dot.h"
#include "mw-graphml.h"

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, extension);
}

/* The format a path names by its extension: "dot", "graphml" or NULL. */
static const char *
format_of (const char *path)
{
  if (has_extension (path, ".gv") || has_extension (path, ".dot"))
    return "dot";
  if (has_extension (path, ".graphml"))
    return "graphml";
  return NULL;
}

/**
 * mw_cli_load_any:
 *
 * Loads a DOT (.gv, .dot) or GraphML (.graphml) file; "-" reads DOT from
 * standard input.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 */
MwNetwork *
mw_cli_load_any (const char  *path,
                 GError     **error)
{
  const char *format = strcmp (path, "-") == 0 ? "dot" : format_of (path);

  if (format == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: cannot tell the format (use .gv, .dot or .graphml)"), path);
      return NULL;
    }
  if (strcmp (format, "graphml") == 0)
    return mw_graphml_load_file (path, NULL, error);
  return mw_cli_load_network (path, error);
}

/* Saves by the extension of @path: .gv / .dot or .graphml. */
gboolean
mw_cli_save_any (MwNetwork   *network,
                 const char  *path,
                 GError     **error)
{
  const char *format = format_of (path);

  if (format == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: cannot tell the format to write (use .gv, .dot or .graphml)"), path);
      return FALSE;
    }
  if (strcmp (format, "graphml") == 0)
    return mw_graphml_save_file (network, path, error);
  return mw_dot_save_file (network, path, error);
}

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

  network = mw_cli_load_any (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  if (!mw_cli_save_any (network, argv[2], &error))
    return mw_cli_fail ("%s", error->message);

  return MW_CLI_OK;
}
