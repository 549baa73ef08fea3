/* mw-window.h: one network in a window
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-canvas.h"
#include "mw-document.h"

G_BEGIN_DECLS

#define MW_TYPE_WINDOW (mw_window_get_type ())

G_DECLARE_FINAL_TYPE (MwWindow, mw_window, MW, WINDOW, AdwApplicationWindow)

MwWindow   *mw_window_new              (GtkApplication *application);
MwDocument *mw_window_get_document     (MwWindow       *self);
MwCanvas   *mw_window_get_canvas       (MwWindow       *self);
GtkWidget  *mw_window_get_inspector    (MwWindow       *self);
GtkWidget  *mw_window_get_table_view   (MwWindow       *self);
GtkWidget  *mw_window_get_score_panel  (MwWindow       *self);
GtkWidget  *mw_window_get_presentation (MwWindow       *self);
GtkWidget  *mw_window_get_export_dialog (MwWindow      *self);
gboolean    mw_window_print_to_pdf     (MwWindow       *self,
                                        const char     *path,
                                        GError        **error);
void        mw_window_open_file        (MwWindow       *self,
                                        GFile          *file);
void        mw_window_open_example     (MwWindow       *self);
GtkWidget  *mw_window_import_file      (MwWindow       *self,
                                        GFile          *file);
void        mw_window_restore_draft    (MwWindow       *self,
                                        MwNetwork      *network,
                                        const MwDraft  *draft);
void        mw_window_show_start_page  (MwWindow       *self);
GtkWidget  *mw_window_get_start_page   (MwWindow       *self);
void        mw_window_new_from_template (MwWindow      *self,
                                        const char     *name);
void        mw_window_save_to_file     (MwWindow       *self,
                                        GFile          *file);
guint       mw_window_get_n_pending    (MwWindow       *self);
const char *mw_window_get_last_error   (MwWindow       *self);
GtkWidget  *mw_window_get_close_dialog (MwWindow       *self);
void        mw_window_compare_with_file (MwWindow      *self,
                                        GFile          *file);
GtkWidget  *mw_window_get_compare_view (MwWindow       *self);
gboolean    mw_window_get_comparing    (MwWindow       *self);

G_END_DECLS
