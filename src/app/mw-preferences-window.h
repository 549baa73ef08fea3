/* mw-preferences-window.h: the preferences
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MW_TYPE_PREFERENCES_WINDOW (mw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MwPreferencesWindow, mw_preferences_window, MW, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *mw_preferences_window_new (GtkWindow *parent);

G_END_DECLS
