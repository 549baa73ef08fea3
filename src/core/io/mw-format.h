/* mw-format.h: which network format a file is, and loading and saving by it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-limits.h"
#include "mw-network.h"

G_BEGIN_DECLS

typedef enum
{
  MW_FORMAT_UNKNOWN = 0,   /* decide by the name, then by the content */
  MW_FORMAT_DOT,           /* Graphviz DOT, Meshwork's own */
  MW_FORMAT_GRAPHML,
} MwFormat;

/* One row per format, for file choosers and messages. */
typedef struct
{
  MwFormat            format;
  const char         *id;          /* "dot", "graphml" */
  const char         *name;        /* untranslated: show it with gettext () */
  const char * const *patterns;    /* "*.gv", "*.dot"; %NULL-terminated */
  const char         *mime_type;   /* (nullable) */
  const char         *extension;   /* the one new files get: ".gv" */
} MwFormatInfo;

const MwFormatInfo *mw_format_get_all         (guint           *n_formats);
const MwFormatInfo *mw_format_get_info        (MwFormat         format);
MwFormat            mw_format_for_name        (const char      *name);
gboolean            mw_format_is_import_name  (const char      *name);
MwFormat            mw_format_sniff           (const char      *data,
                                               gsize            length);
char               *mw_format_strip_extension (const char      *basename);

MwNetwork          *mw_format_load_data       (MwFormat         format,
                                               const char      *data,
                                               gsize            length,
                                               const char      *source_name,
                                               const char      *name_hint,
                                               const MwLimits  *limits,
                                               GError         **error);
MwNetwork          *mw_format_load_file       (MwFormat         format,
                                               const char      *path,
                                               const MwLimits  *limits,
                                               GError         **error);
char               *mw_format_save_data       (MwFormat         format,
                                               MwNetwork       *network,
                                               gsize           *length);
char               *mw_format_describe_losses (MwFormat         format,
                                               MwNetwork       *network);
gboolean            mw_format_save_file       (MwFormat         format,
                                               MwNetwork       *network,
                                               const char      *path,
                                               GError         **error);

G_END_DECLS
