/* mw-entry-row.h: a list row with a title and a text field a screen reader can follow
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MW_TYPE_ENTRY_ROW (mw_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (MwEntryRow, mw_entry_row, MW, ENTRY_ROW, AdwPreferencesRow)

GtkWidget *mw_entry_row_new            (void);
/* Shows @text as the row's value: not something the user typed, so it
 * offers nothing to apply. */
void       mw_entry_row_show_text      (MwEntryRow *self,
                                        const char *text);
GtkWidget *mw_entry_row_get_entry      (MwEntryRow *self);
GtkWidget *mw_entry_row_get_title_label (MwEntryRow *self);

G_END_DECLS
