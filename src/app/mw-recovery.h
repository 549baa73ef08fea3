/* mw-recovery.h: drafts for every window, offered back after a crash
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-document.h"
#include "mw-limits.h"
#include "mw-window.h"

G_BEGIN_DECLS

MwDrafts *mw_recovery_get_drafts       (void);
void      mw_recovery_get_limits       (MwLimits       *limits);
void      mw_recovery_attach           (MwDocument     *document);
void      mw_recovery_offer            (GtkApplication *application);
gboolean  mw_recovery_handle_save_error (MwWindow      *window,
                                        const GError   *error);

G_END_DECLS
