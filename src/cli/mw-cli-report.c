/* mw-cli-report.c: meshwork-cli report
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-format.h"
#include "mw-layout.h"
#include "mw-report.h"
#include "mw-series.h"

static gboolean
parse_paper (const char  *text,
             MwPageSize  *page)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *page = MW_PAGE_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *page = MW_PAGE_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* A network to report on, laid out when it has no positions. */
static MwNetwork *
load_laid_out (const char  *path,
               GError     **error)
{
  MwNetwork *network = mw_cli_load_network (path, error);

  if (network != NULL)
    mw_cli_lay_out_automatically (network, MW_LAYOUT_IMPORT_MAX_SECONDS, "report");
  return network;
}

static char *
dup_file_title (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return mw_format_strip_extension (base);
}

int
mw_cli_report (int    argc,
               char **argv)
{
  gboolean anonymise = FALSE, given_order = FALSE;
  g_autofree char *baseline_path = NULL, *paper = NULL, *title = NULL, *series_path = NULL;
  GOptionEntry entries[] = {
    { "series", 0, 0, G_OPTION_ARG_FILENAME, &series_path,
      N_("Report on the snapshots of this series (.mwseries), in its order, before any IN"), "S" },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &baseline_path, N_("Compare with this network"), "B.gv" },
    { "anonymise", 0, 0, G_OPTION_ARG_NONE, &anonymise,
      N_("Call people by their title or role attribute, else “Person 1…n”"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 or letter (default: the locale’s paper)"), "SIZE" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The report’s title (default: the network’s label)"), "TEXT" },
    { "given-order", 0, 0, G_OPTION_ARG_NONE, &given_order,
      N_("Keep several inputs in the order given, even when each has a date"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) networks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MwSeries) series = NULL;
  g_autofree MwReportSnapshot *snapshots = NULL;
  g_autoptr(MwNetwork) baseline = NULL;
  g_autofree char *baseline_title = NULL;
  g_autoptr(GError) error = NULL;
  MwReportOptions options;
  const char *out;
  guint n;

  if (!mw_cli_parse_options ("report", "IN… OUT.pdf",
                             N_("Write a report for the client as a PDF: a cover, the network, the radar, each "
                                "element explained, suggestions, the comparison with a baseline and, for several "
                                "inputs (snapshots of one organisation), the scores over time."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;
  if (argc < (series_path != NULL ? 2 : 3))
    return mw_cli_fail (_("report: expected IN… and OUT.pdf (try “meshwork-cli report --help”)"));
  out = argv[argc - 1];
  if (!g_str_has_suffix (out, ".pdf") && !g_str_has_suffix (out, ".PDF"))
    return mw_cli_fail (_("report: %s: the report is a PDF; name it …pdf"), out);

  mw_report_options_init (&options);
  if (paper != NULL && !parse_paper (paper, &options.page))
    return mw_cli_fail (_("report: --paper must be a4 or letter, not “%s”"), paper);

  /* The series' snapshots first, with the dates and titles it gives them. */
  if (series_path != NULL)
    {
      series = mw_series_load (series_path, &error);
      if (series == NULL)
        return mw_cli_fail ("report: --series: %s", error->message);
      for (guint i = 0; i < mw_series_get_n_snapshots (series); i++)
        {
          const MwSnapshot *snapshot = mw_series_get_snapshot (series, i);

          g_ptr_array_add (paths, g_strdup (snapshot->path));
          g_ptr_array_add (dates, g_strdup (snapshot->date));
          g_ptr_array_add (titles, snapshot->title != NULL ? g_strdup (snapshot->title)
                                                           : dup_file_title (snapshot->path));
        }
    }
  for (int i = 1; i < argc - 1; i++)
    {
      g_ptr_array_add (paths, g_strdup (argv[i]));
      g_ptr_array_add (dates, NULL);
      g_ptr_array_add (titles, dup_file_title (argv[i]));
    }
  if (paths->len == 0)
    return mw_cli_fail (_("report: %s: the series has no snapshots"), series_path);

  /* every input read before anything is written: a missing one leaves no OUT */
  n = paths->len;
  snapshots = g_new0 (MwReportSnapshot, n);
  for (guint i = 0; i < n; i++)
    {
      MwNetwork *network = load_laid_out (paths->pdata[i], &error);

      if (network == NULL)
        return mw_cli_fail ("report: %s", error->message);
      g_ptr_array_add (networks, network);
      snapshots[i] = (MwReportSnapshot) { network, dates->pdata[i], titles->pdata[i] };
    }
  if (baseline_path != NULL)
    {
      baseline = load_laid_out (baseline_path, &error);
      if (baseline == NULL)
        return mw_cli_fail ("report: --baseline: %s", error->message);
      baseline_title = dup_file_title (baseline_path);
    }

  options.anonymise = anonymise;
  options.title = title;
  options.baseline = baseline;
  options.baseline_title = baseline_title;
  options.by_date = !given_order;
  if (!mw_report_to_file (snapshots, n, &options, out, NULL, &error))
    return mw_cli_fail ("report: %s: %s", out, error->message);
  return MW_CLI_OK;
}
