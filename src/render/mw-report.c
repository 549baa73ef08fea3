/* mw-report.c: a report for the client, as a multi-page PDF
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function lays the report out on any cairo_t through the renderer the
 * canvas uses; cairo's PDF surface keeps its text as text. The report reads
 * copies of the networks (anonymised when asked), never the caller's.
 */

#define G_LOG_DOMAIN "mw-render"

#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mw-anonymise.h"
#include "mw-file.h"
#include "mw-label.h"
#include "mw-report-private.h"
#include "mw-scorer-suggest.h"

#define A4_WIDTH      595.276
#define A4_HEIGHT     841.89
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

void
mw_report_options_init (MwReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->page = mw_report_default_page ();
  options->by_date = TRUE;
}

/**
 * mw_report_default_page:
 *
 * Letter where the locale's paper is 216 mm wide (the United States,
 * Canada, Mexico and others, as LC_PAPER says), else A4.
 */
MwPageSize
mw_report_default_page (void)
{
#ifdef _NL_PAPER_WIDTH
  intptr_t width = (intptr_t)nl_langinfo (_NL_PAPER_WIDTH);

  if (width == 216)
    return MW_PAGE_LETTER;
#endif
  return MW_PAGE_A4;
}

/* ---- the data ------------------------------------------------------------- */

static const char *
snapshot_date (const MwReportSnapshot *snapshot)
{
  const char *date = snapshot->date;

  if (date == NULL || *date == '\0')
    date = g_hash_table_lookup (mw_network_get_attrs (snapshot->network), "date");
  return date != NULL && *date != '\0' ? date : NULL;
}

typedef struct
{
  const MwReportSnapshot *snapshot;
  guint                   given;
} Ordered;

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  const Ordered *x = a, *y = b;
  int by_date = g_strcmp0 (snapshot_date (x->snapshot), snapshot_date (y->snapshot));

  return by_date != 0 ? by_date : (int)x->given - (int)y->given;
}

/* In the order given, or by date when every snapshot has one (ISO dates
 * sort as text; equal dates keep their given order). */
static Ordered *
order_snapshots (const MwReportSnapshot *snapshots,
                 guint                   n,
                 gboolean                by_date)
{
  Ordered *ordered = g_new0 (Ordered, n);
  gboolean all_dated = TRUE;

  for (guint i = 0; i < n; i++)
    {
      ordered[i] = (Ordered) { &snapshots[i], i };
      all_dated = all_dated && snapshot_date (&snapshots[i]) != NULL;
    }
  if (by_date && all_dated)
    qsort (ordered, n, sizeof *ordered, (int (*) (const void *, const void *))compare_dates);
  return ordered;
}

static MwNetwork *
report_copy (MwAnonymiser *anonymiser,
             MwNetwork    *network)
{
  return anonymiser != NULL ? mw_anonymiser_apply (anonymiser, network) : mw_network_copy (network);
}

/* One anonymiser for every network of the report: a person is the same
 * "Person N" in the snapshots and the baseline. */
static MwAnonymiser *
report_anonymiser (const MwReportSnapshot *snapshots,
                   guint                   n,
                   const MwReportOptions  *options)
{
  g_autoptr(GPtrArray) networks = g_ptr_array_new ();

  if (!options->anonymise)
    return NULL;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (networks, snapshots[i].network);
  if (options->baseline != NULL)
    g_ptr_array_add (networks, options->baseline);
  return mw_anonymiser_new ((MwNetwork * const *)networks->pdata, networks->len);
}

/* What the report says of a snapshot or itself, without a name in it
 * when anonymised (a file called "ann-lee.gv"). */
static char *
report_text (MwAnonymiser *anonymiser,
             const char   *text)
{
  return anonymiser != NULL ? mw_anonymiser_scrub (anonymiser, text) : g_strdup (text);
}

static char *
dup_organisations (MwNetwork *network)
{
  g_auto(GStrv) orgs = mw_network_list_orgs (network);
  guint n = orgs != NULL ? g_strv_length (orgs) : 0;

  if (n == 0)
    return NULL;
  if (n > 3)
    {
      g_free (orgs[3]);
      orgs[3] = NULL;
    }
  return g_strjoinv (", ", orgs);
}

static void
data_init (MwReportData           *data,
           const MwReportSnapshot *snapshots,
           guint                   n,
           const MwReportOptions  *options,
           GCancellable           *cancellable)
{
  g_autofree Ordered *ordered = order_snapshots (snapshots, n, options->by_date);
  g_autoptr(MwAnonymiser) anonymiser = report_anonymiser (snapshots, n, options);
  g_autofree char *own_title = NULL;
  g_autofree char *given_title = NULL;

  memset (data, 0, sizeof *data);
  data->anonymised = options->anonymise;
  data->n_snapshots = n;
  data->snapshots = g_new0 (MwReportSnapshot, n);
  data->scores = g_new0 (MwScores *, n);
  for (guint i = 0; i < n; i++)
    {
      const MwReportSnapshot *given = ordered[i].snapshot;
      MwNetwork *copy = report_copy (anonymiser, given->network);

      data->snapshots[i].network = copy;
      data->snapshots[i].date = g_strdup (snapshot_date (given));
      data->snapshots[i].title = given->title != NULL ? report_text (anonymiser, given->title)
        : data->snapshots[i].date != NULL ? g_strdup (data->snapshots[i].date)
        /* Translators: a snapshot without a name in a report's table, "Snapshot 2" */
        : g_strdup_printf (_("Snapshot %u"), ordered[i].given + 1);
      data->scores[i] = mw_scores_compute (copy);
    }
  data->network = data->snapshots[n - 1].network;
  data->current = data->scores[n - 1];

  if (options->baseline != NULL)
    {
      data->baseline = report_copy (anonymiser, options->baseline);
      data->baseline_scores = mw_scores_compute (data->baseline);
      data->baseline_title = options->baseline_title != NULL ? report_text (anonymiser, options->baseline_title)
                                                             : g_strdup (_("Baseline"));
    }
  data->suggestions = mw_suggest (data->network, MW_SUGGEST_MAX, cancellable);

  own_title = mw_network_dup_title (data->network);
  given_title = options->title != NULL && options->title[0] != '\0' ? report_text (anonymiser, options->title) : NULL;
  data->title = g_strdup (given_title != NULL ? given_title
                          : own_title != NULL ? own_title
                          : data->snapshots[n - 1].title);
  data->organisation = dup_organisations (data->network);
  if (options->date != NULL)
    data->date = g_strdup (options->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      data->date = g_date_time_format (now, "%Y-%m-%d");
    }
}

static void
data_clear (MwReportData *data)
{
  for (guint i = 0; i < data->n_snapshots; i++)
    {
      g_object_unref (data->snapshots[i].network);
      g_free ((char *)data->snapshots[i].date);
      g_free ((char *)data->snapshots[i].title);
      mw_scores_unref (data->scores[i]);
    }
  g_free (data->snapshots);
  g_free (data->scores);
  g_clear_object (&data->baseline);
  g_clear_pointer (&data->baseline_scores, mw_scores_unref);
  g_clear_pointer (&data->suggestions, g_ptr_array_unref);
  g_free (data->baseline_title);
  g_free (data->title);
  g_free (data->organisation);
  g_free (data->date);
}

/* ---- the document --------------------------------------------------------- */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *bytes,
           unsigned int         length)
{
  g_byte_array_append (closure, bytes, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
write_report (MwReportWriter *w,
              MwReportData   *data)
{
  _mw_report_cover (w, data);
  _mw_report_network (w, data);
  _mw_report_radar (w, data);
  _mw_report_elements (w, data);
  _mw_report_suggestions (w, data);
  _mw_report_comparison (w, data);
  _mw_report_over_time (w, data);
  _mw_report_method (w);
  _mw_report_end_page (w);
}

/**
 * mw_report_to_bytes:
 * @snapshots: (array length=n_snapshots): one or more, the network reported
 *   on last (after ordering by date when @options says so)
 *
 * The report as a PDF: a cover, the network, the radar, each element with
 * its meaning, explanation and people, the suggestions, the comparison with
 * the baseline, the snapshots over time and the method with its limits.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
mw_report_to_bytes (const MwReportSnapshot  *snapshots,
                    guint                    n_snapshots,
                    const MwReportOptions   *options,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(GByteArray) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  MwReportWriter writer;
  MwReportData data;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (snapshots != NULL && n_snapshots > 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data_init (&data, snapshots, n_snapshots, options, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      data_clear (&data);
      return NULL;
    }

  width = options->page == MW_PAGE_LETTER ? LETTER_WIDTH : A4_WIDTH;
  height = options->page == MW_PAGE_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
  out = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_cb, out, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Meshwork");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data.title);
  cr = cairo_create (surface);
  _mw_report_writer_init (&writer, cr, width, height);
  write_report (&writer, &data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  data_clear (&data);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("Drawing failed: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * mw_report_to_file:
 *
 * Writes the whole report atomically (mw_write_file()): a failure leaves
 * no file, and an existing one is only replaced by a complete report.
 */
gboolean
mw_report_to_file (const MwReportSnapshot  *snapshots,
                   guint                    n_snapshots,
                   const MwReportOptions   *options,
                   const char              *path,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *folder = NULL;
  gsize size;
  const char *contents;

  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("The folder “%s” does not exist"), folder);
      return FALSE;
    }
  bytes = mw_report_to_bytes (snapshots, n_snapshots, options, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  contents = g_bytes_get_data (bytes, &size);
  return mw_write_file (path, contents, size, error);
}

/**
 * mw_report_lay_out_network:
 * @cr: (nullable): where to draw the page (a PDF surface's first page);
 *   %NULL measures only
 * @layout: (out caller-allocates): the page as drawn; free its names
 *   with mw_report_network_layout_clear()
 *
 * The report's network page for @network alone, as mw_report_to_bytes()
 * draws it: for tests and to look at.
 */
void
mw_report_lay_out_network (MwNetwork             *network,
                           MwPageSize             page,
                           cairo_t               *cr,
                           MwReportNetworkLayout *layout)
{
  double width = page == MW_PAGE_LETTER ? LETTER_WIDTH : A4_WIDTH;
  double height = page == MW_PAGE_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
  cairo_surface_t *scratch = NULL;
  MwReportWriter writer;

  g_return_if_fail (MW_IS_NETWORK (network));
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  layout->names = g_ptr_array_new_with_free_func (g_free);
  if (cr == NULL)
    {
      scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (scratch);
    }
  else
    cairo_reference (cr);
  _mw_report_writer_init (&writer, cr, width, height);
  _mw_report_network_page (&writer, network, layout);
  _mw_report_end_page (&writer);
  cairo_destroy (cr);
  if (scratch != NULL)
    cairo_surface_destroy (scratch);
}

void
mw_report_network_layout_clear (MwReportNetworkLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->names, g_ptr_array_unref);
}
