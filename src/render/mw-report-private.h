/* mw-report-private.h: what the parts of the report share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Levels, bottom up (no file calls into a file above it):
 *   mw-report-text.c      the page: text, tables, page breaks, page numbers
 *   mw-report-sections.c  cover, network, radar, elements, suggestions,
 *                         comparison, over time, method
 *   mw-report.c           options, ordering, anonymising, scoring, the PDF
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "mw-report.h"
#include "mw-scores.h"

G_BEGIN_DECLS

typedef enum
{
  MW_REPORT_TITLE,       /* the cover's title */
  MW_REPORT_HEADING,     /* a page's or section's heading */
  MW_REPORT_SUBHEADING,  /* an element's title, a table's caption */
  MW_REPORT_BODY,
  MW_REPORT_BODY_BOLD,
  MW_REPORT_SMALL,       /* soft: reasons, people, notes */
  MW_REPORT_FIGURE,      /* a score */
  MW_N_REPORT_STYLES
} MwReportStyle;

/* Where the writing is: the page, and how far down it the text has come. */
typedef struct
{
  cairo_t *cr;
  double   width;       /* page size in points */
  double   height;
  double   margin;
  double   y;           /* the top of the next line, in points */
  guint    page;        /* 1 on the cover */
  gboolean page_open;
} MwReportWriter;

/* Everything the sections draw from, made by mw-report.c. */
typedef struct
{
  MwReportSnapshot *snapshots;   /* in report order, anonymised when asked */
  guint             n_snapshots;
  MwScores        **scores;      /* one per snapshot */
  MwNetwork        *network;     /* the last snapshot's */
  MwScores         *current;     /* its scores */
  MwNetwork        *baseline;    /* (nullable) anonymised when asked */
  MwScores         *baseline_scores;
  char             *baseline_title;
  GPtrArray        *suggestions; /* MwSuggestion* */
  char             *title;
  char             *organisation; /* (nullable) */
  char             *date;
  gboolean          anonymised;
} MwReportData;

/* mw-report-text.c */
void         _mw_report_writer_init   (MwReportWriter *w,
                                       cairo_t        *cr,
                                       double          width,
                                       double          height);
void         _mw_report_new_page      (MwReportWriter *w);
void         _mw_report_new_page_turned (MwReportWriter *w,
                                       gboolean        landscape);
void         _mw_report_end_page      (MwReportWriter *w);
double       _mw_report_content_width (MwReportWriter *w);
double       _mw_report_room          (MwReportWriter *w);
void         _mw_report_ensure        (MwReportWriter *w,
                                       double          height);
PangoLayout *_mw_report_layout        (MwReportWriter *w,
                                       const char     *text,
                                       MwReportStyle   style,
                                       double          width);
double       _mw_report_text          (MwReportWriter *w,
                                       const char     *text,
                                       MwReportStyle   style);
void         _mw_report_text_at       (MwReportWriter *w,
                                       const char     *text,
                                       MwReportStyle   style,
                                       double          x,
                                       double          y,
                                       double          width);
void         _mw_report_space         (MwReportWriter *w,
                                       double          points);
void         _mw_report_rule          (MwReportWriter *w);
void         _mw_report_table_row     (MwReportWriter *w,
                                       const char * const *cells,
                                       const double   *widths,
                                       guint           n_cells,
                                       gboolean        header);
void         _mw_report_set_ink       (cairo_t        *cr,
                                       MwReportStyle   style);

/* mw-report-sections.c */
void         _mw_report_cover         (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_network       (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_network_page  (MwReportWriter        *w,
                                       MwNetwork             *network,
                                       MwReportNetworkLayout *out);
void         _mw_report_radar         (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_elements      (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_suggestions   (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_comparison    (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_over_time     (MwReportWriter *w,
                                       MwReportData   *data);
void         _mw_report_method        (MwReportWriter *w);

G_END_DECLS
