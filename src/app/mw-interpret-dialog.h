/* mw-interpret-dialog.h: the Interpret dialog, what a foreign network means
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-document.h"

G_BEGIN_DECLS

#define MW_TYPE_INTERPRET_DIALOG (mw_interpret_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MwInterpretDialog, mw_interpret_dialog, MW, INTERPRET_DIALOG, AdwWindow)

MwInterpretDialog *mw_interpret_dialog_new              (GtkWindow         *parent,
                                                         MwDocument        *document);
/* What the preview says now: the counts, or the values that map to nothing. */
const char        *mw_interpret_dialog_get_preview_text (MwInterpretDialog *self);

G_END_DECLS
