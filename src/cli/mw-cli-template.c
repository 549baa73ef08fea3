/* mw-cli-template.c: meshwork-cli template — the built-in context diagrams
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-format.h"
#include "mw-templates.h"

static int
list_templates (void)
{
  guint n;
  const MwTemplate *all = mw_templates_get_all (&n);

  for (guint i = 0; i < n; i++)
    printf ("%-10s %s\n", all[i].name, _(all[i].title));

  return MW_CLI_OK;
}

int
mw_cli_template (int    argc,
                 char **argv)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  gboolean list = FALSE;
  int size = MW_TEMPLATE_DEFAULT_SIZE;
  gint64 seed = MW_TEMPLATE_DEFAULT_SEED;
  GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the templates with their titles"), NULL },
    { "size", 'n', 0, G_OPTION_ARG_INT, &size, N_("About N actors (8–5000, default 24)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Vary the network; the same seed gives the same one"), "S" },
    { NULL }
  };

  if (!mw_cli_parse_options ("template", "NAME OUT.gv | --list",
                             N_("Write a built-in context diagram (Ancona & Backman, 2017) as a DOT file.\n"
                                "NAME is pyramid, hierarchy, flat, nimble or cross-org; OUT may be “-”."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (list)
    return argc == 1 ? list_templates () : mw_cli_fail (_("template: --list takes no arguments"));
  if (argc != 3)
    return mw_cli_fail (_("template: expected NAME and OUT (try “meshwork-cli template --help”)"));
  if (size < MW_TEMPLATE_MIN_SIZE || size > MW_TEMPLATE_MAX_SIZE)
    return mw_cli_fail (_("template: --size must be between %d and %d"), MW_TEMPLATE_MIN_SIZE, MW_TEMPLATE_MAX_SIZE);
  if (seed < 0 || seed > G_MAXUINT32)
    return mw_cli_fail (_("template: --seed must be between 0 and %u"), G_MAXUINT32);

  network = mw_template_build (argv[1], (guint) size, (guint32) seed, &error);
  if (network == NULL)
    return mw_cli_fail ("template: %s", error->message);

  if (!mw_format_save_file (MW_FORMAT_UNKNOWN, network, argv[2], &error))
    return mw_cli_fail ("template: %s", error->message);

  return MW_CLI_OK;
}
