/* mw-report.h: a report for the client, as a multi-page PDF
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <cairo.h>

#include "mw-export.h"
#include "mw-network.h"
#include "mw-renderer.h"

G_BEGIN_DECLS

/**
 * MwReportSnapshot:
 * @network: the network at one moment, with positions (the report draws
 *   it as it is)
 * @date: (nullable): when, as the file says ("2026-03-31"); the graph's
 *   `date` attribute when %NULL
 * @title: (nullable): its name in tables, the file's name without
 *   extension; the date or "Snapshot N" when %NULL
 *
 * One input of a report. A series (several files of one organisation) is
 * an ordered array of these; the last one is the network reported on.
 */
typedef struct
{
  MwNetwork  *network;
  const char *date;
  const char *title;
} MwReportSnapshot;

/**
 * MwReportOptions:
 * @page: %MW_PAGE_A4 or %MW_PAGE_LETTER
 * @anonymise: people called by their role or "Person N" in text, drawing
 *   and metadata (mw_anonymise())
 * @title: (nullable): the report's title; else the network's label, else
 *   the last snapshot's title
 * @date: (nullable): the date on the cover; today when %NULL
 * @baseline: (nullable): a network to compare the last snapshot with
 * @baseline_title: (nullable): its name ("Baseline" when %NULL)
 * @by_date: order the snapshots by their dates when every one has one
 */
typedef struct
{
  MwPageSize  page;
  gboolean    anonymise;
  const char *title;
  const char *date;
  MwNetwork  *baseline;
  const char *baseline_title;
  gboolean    by_date;
} MwReportOptions;

/**
 * MwReportNetworkLayout:
 * @landscape: the page is turned sideways (a wide drawing)
 * @page_width: the page's size in points, as turned
 * @drawing: where the network is drawn on the page, in points
 * @label_size: the smallest name's type size in points
 * @all_labels: every actor is named; else only the key people
 * @names: (element-type utf8): every name drawn
 *
 * How the report's network page is laid out, as it is drawn.
 */
typedef struct
{
  gboolean   landscape;
  double     page_width;
  double     page_height;
  MwRect     drawing;
  double     label_size;
  gboolean   all_labels;
  GPtrArray *names;
} MwReportNetworkLayout;

void        mw_report_options_init   (MwReportOptions         *options);
/* A4 or Letter, as the locale's paper (LC_PAPER) says; A4 when it does not. */
MwPageSize  mw_report_default_page   (void);

GBytes     *mw_report_to_bytes       (const MwReportSnapshot  *snapshots,
                                      guint                    n_snapshots,
                                      const MwReportOptions   *options,
                                      GCancellable            *cancellable,
                                      GError                 **error);
gboolean    mw_report_to_file        (const MwReportSnapshot  *snapshots,
                                      guint                    n_snapshots,
                                      const MwReportOptions   *options,
                                      const char              *path,
                                      GCancellable            *cancellable,
                                      GError                 **error);

void        mw_report_lay_out_network (MwNetwork              *network,
                                       MwPageSize              page,
                                       cairo_t                *cr,
                                       MwReportNetworkLayout  *layout);
void        mw_report_network_layout_clear (MwReportNetworkLayout *layout);

G_END_DECLS
