/* mw-file.h: writing files without ever leaving half of one
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Our temporaries are named MW_FILE_TEMP_PREFIX and six more characters. */
#define MW_FILE_TEMP_PREFIX ".meshwork-tmp-"

/* A temporary of ours older than this (in seconds) was left by a killed write. */
#define MW_FILE_STALE_SECONDS 60

/**
 * MwWriteFlags:
 * @MW_WRITE_NONE: just replace the file
 * @MW_WRITE_BACKUP: keep the old file as NAME~ (only once the new one is complete)
 */
typedef enum {
  MW_WRITE_NONE   = 0,
  MW_WRITE_BACKUP = 1 << 0,
} MwWriteFlags;

gboolean mw_write_file      (const char    *path,
                             const char    *data,
                             gsize          length,
                             GError       **error);
gboolean mw_write_file_full (const char    *path,
                             const char    *data,
                             gsize          length,
                             MwWriteFlags   flags,
                             GError       **error);

G_END_DECLS
