/* mw-file.h: writing files without ever leaving half of one
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean mw_write_file (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error);

G_END_DECLS
