/* mw-cli-export.c: meshwork-cli export
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-label.h"
#include "mw-export.h"
#include "mw-layout.h"
#include "mw-score-card.h"
#include "mw-scores.h"

static gboolean
parse_page (const char  *text,
            MwPageSize  *page)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *page = MW_PAGE_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *page = MW_PAGE_LETTER;
  else if (g_ascii_strcasecmp (text, "fit") == 0)
    *page = MW_PAGE_FIT;
  else
    return FALSE;
  return TRUE;
}

static gboolean
has_any_position (MwNetwork *network)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    if (mw_network_get_actor (network, i)->has_position)
      return TRUE;
  return FALSE;
}

static gboolean
has_reports_ties (MwNetwork *network)
{
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    if (mw_network_get_tie (network, i)->type == MW_TIE_REPORTS)
      return TRUE;
  return FALSE;
}

/* With no --layout, a network without any positions is laid out by the
 * engine an import would get, unless that is estimated or found to take
 * longer than @time_limit: then its actors are drawn on a grid, and stderr
 * says why (export and report). */
void
mw_cli_lay_out_automatically (MwNetwork  *network,
                              double      time_limit,
                              const char *command)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GError) error = NULL;
  MwLayoutEngine engine;
  double estimate;

  if (mw_network_get_n_actors (network) == 0 || has_any_position (network))
    return;

  engine = mw_layout_engine_for_import (network, has_reports_ties (network));
  estimate = mw_layout_estimate_seconds (network, engine);
  if (estimate > time_limit)
    {
      g_printerr (_("meshwork-cli: %s: not laid out: %s would take about %.0f s, the limit is %.0f s "
                    "(--time-limit or --layout ENGINE)\n"),
                  command, mw_layout_engine_to_string (engine), estimate, time_limit);
      return;
    }

  positions = mw_cli_layout_limited (network, engine, time_limit, &error);
  if (positions == NULL)
    {
      g_printerr (_("meshwork-cli: %s: not laid out: %s\n"), command, error->message);
      return;
    }

  mw_layout_apply (network, positions);
}

/* --layout ENGINE: laid out whatever the positions, within @time_limit. */
static gboolean
lay_out (MwNetwork   *network,
         const char  *engine_name,
         double       time_limit,
         GError     **error)
{
  MwLayoutEngine engine = MW_LAYOUT_AUTO;
  g_autoptr(GHashTable) positions = NULL;

  if (engine_name == NULL)
    {
      mw_cli_lay_out_automatically (network, time_limit, "export");
      return TRUE;
    }

  if (!mw_layout_engine_from_string (engine_name, &engine))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("--layout: “%s” is not auto, dot, neato, fdp, sfdp, circo or twopi"), engine_name);
      return FALSE;
    }
  if (mw_network_get_n_actors (network) == 0)
    return TRUE;

  positions = mw_cli_layout_limited (network, engine, time_limit, error);
  if (positions == NULL)
    return FALSE;

  mw_layout_apply (network, positions);
  return TRUE;
}

int
mw_cli_export (int    argc,
               char **argv)
{
  double scale = 1;
  double time_limit = MW_LAYOUT_IMPORT_MAX_SECONDS;
  gboolean legend = FALSE, dark = FALSE, with_scores = FALSE;
  g_autofree char *background = NULL, *title = NULL, *page = NULL, *engine = NULL;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("PNG pixels per point, 1 to 4 (default 1)"), "N" },
    { "legend", 0, 0, G_OPTION_ARG_NONE, &legend, N_("Add the legend of shapes, ties and colours"), NULL },
    { "background", 0, 0, G_OPTION_ARG_STRING, &background, N_("A colour, or “transparent” (default: the style’s)"), "COLOR" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("A title above the drawing"), "TEXT" },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, N_("PDF page: a4, letter or fit (default fit)"), "SIZE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light ink on a dark background"), NULL },
    { "scores", 0, 0, G_OPTION_ARG_NONE, &with_scores, N_("Add a score card: the five elements and the index"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &engine,
      N_("Lay the network out first: auto, dot, neato, fdp, sfdp, circo or twopi "
         "(default: only a network without any positions, automatically)"), "ENGINE" },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &time_limit,
      N_("Give up laying out after SECONDS (default 30); unplaced actors are then drawn on a grid"), "SECONDS" },
    { NULL }
  };
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwScores) scores = NULL;
  MwScoreRow score_rows[MW_N_ELEMENTS];
  MwScoreCard score_card;
  MwExportOptions options;
  MwExportFormat format;
  guint n_unplaced;

  if (!mw_cli_parse_options ("export", "IN OUT.{png,svg,pdf}",
                             N_("Draw a network to PNG, SVG or PDF; the format comes from OUT’s extension."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (argc != 3)
    return mw_cli_fail (_("export: expected IN and OUT (try “meshwork-cli export --help”)"));
  if (!mw_export_format_from_path (argv[2], &format, &error))
    return mw_cli_fail ("export: %s", error->message);

  mw_export_options_init (&options, format);
  options.scale = scale;
  options.legend = legend;
  options.dark = dark;
  options.title = title;
  if (format == MW_EXPORT_PNG && (scale < 1 || scale > 4))
    return mw_cli_fail (_("export: --scale must be between 1 and 4, not %g"), scale);
  if (time_limit <= 0 || time_limit > 86400)
    return mw_cli_fail (_("export: --time-limit must be more than 0 and at most 86400 seconds"));
  if (page != NULL && !parse_page (page, &options.page))
    return mw_cli_fail (_("export: --page must be a4, letter or fit, not “%s”"), page);
  if (background != NULL)
    {
      if (!mw_export_parse_color (background, &options.background, &options.transparent, &error))
        return mw_cli_fail (_("export: --background: %s"), error->message);
      options.has_background = !options.transparent;
    }

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  if (!lay_out (network, engine, time_limit, &error))
    return mw_cli_fail ("export: %s", error->message);
  /* no --title: the graph's own label, when it has one */
  if (title == NULL && (title = mw_export_dup_title (network, NULL)) != NULL)
    options.title = title;

  if (with_scores)
    {
      scores = mw_scores_compute (network);
      mw_score_card_fill (&score_card, score_rows, scores);
      options.score_card = &score_card;
    }

  renderer = mw_renderer_new (network);
  n_unplaced = mw_renderer_get_n_unplaced (renderer);
  if (n_unplaced > 0)
    fprintf (stderr, _("meshwork-cli: note: %u of %u actors have no position and are drawn on a grid "
                       "beside the others (--layout places them)\n"), n_unplaced, mw_network_get_n_actors (network));

  if (!mw_export_to_file (renderer, argv[2], &options, &error))
    return mw_cli_fail ("%s: %s", argv[2], error->message);
  return MW_CLI_OK;
}
