/* mw-label-private.h: what the files of labels share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gunichar _mw_label_entity (const char *name,
                           gsize       length);

G_END_DECLS
