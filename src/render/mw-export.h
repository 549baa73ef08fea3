/* mw-export.h: PNG, SVG and PDF from the one renderer
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-renderer.h"
#include "mw-scores.h"

G_BEGIN_DECLS

typedef enum
{
  MW_EXPORT_PNG,
  MW_EXPORT_SVG,
  MW_EXPORT_PDF,
} MwExportFormat;

typedef enum
{
  MW_PAGE_FIT,      /* the page is the drawing's size */
  MW_PAGE_A4,       /* portrait or landscape, whichever suits the drawing */
  MW_PAGE_LETTER,
} MwPageSize;

/* One row of a score card: a name and a value 0…100, or "—" when the
 * value is not measurable. The render library does not know the scores
 * module; the caller fills these in. */
typedef struct
{
  const char *name;
  double      value;
  gboolean    not_measurable;
} MwScoreRow;

typedef struct
{
  const char       *title;        /* (nullable) "Distributed leadership" */
  const char       *index_name;   /* (nullable) "Index", "Index (from 3 of 5)" */
  double            index;        /* 0…100 */
  const MwScoreRow *rows;
  guint             n_rows;
  MwScores         *scores;       /* (nullable) drawn as a radar above the rows */
} MwScoreCard;

typedef struct
{
  MwExportFormat     format;
  double             scale;           /* PNG pixels per point, 1…4 */
  gboolean           dark;
  gboolean           transparent;     /* no background at all */
  gboolean           has_background;  /* paint background instead of the theme's */
  MwColor            background;
  const char        *title;           /* (nullable) */
  gboolean           legend;
  const MwScoreCard *score_card;      /* (nullable) */
  MwPageSize         page;            /* PDF only */
  double             margin;          /* points around the drawing */
} MwExportOptions;

void      mw_export_options_init     (MwExportOptions        *options,
                                      MwExportFormat          format);
gboolean  mw_export_format_from_path (const char             *path,
                                      MwExportFormat         *format,
                                      GError                **error);
gboolean  mw_export_parse_color      (const char             *text,
                                      MwColor                *color,
                                      gboolean               *transparent,
                                      GError                **error);

/* The view the export draws the network with, and the content's size in
 * points (drawing, title, legend and score card). A canvas that draws with
 * this view gets the export's pixels. */
void      mw_export_get_view         (MwRenderer             *renderer,
                                      const MwExportOptions  *options,
                                      MwView                 *view,
                                      double                 *width,
                                      double                 *height);

/* The title an export or a print of @network carries unless the user
 * gives one: the graph's label, else @fallback (nullable). */
char     *mw_export_dup_title        (MwNetwork              *network,
                                      const char             *fallback);

GBytes   *mw_export_to_bytes         (MwRenderer             *renderer,
                                      const MwExportOptions  *options,
                                      GError                **error);
gboolean  mw_export_to_file          (MwRenderer             *renderer,
                                      const char             *path,
                                      const MwExportOptions  *options,
                                      GError                **error);

/* For tests: a slow export, which a cancel stops before it writes. */
void      _mw_export_set_test_delay  (guint                   ms);

G_END_DECLS
