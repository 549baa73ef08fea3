/* mw-window-private.h: what the files of MwWindow share — the struct and
 * the helpers one part of the window calls in another
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-compare-view.h"
#include "mw-export-dialog.h"
#include "mw-inspector.h"
#include "mw-presentation.h"
#include "mw-score-panel.h"
#include "mw-start-page.h"
#include "mw-window.h"

G_BEGIN_DECLS

struct _MwWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  MwStartPage          *start_page;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkDropDown          *tie_type_dropdown;
  GtkButton            *zoom_button;
  GtkRevealer          *inspector_revealer;
  MwCanvas             *canvas;
  MwInspector          *inspector;
  MwScorePanel         *score_panel;
  GtkStack             *sidebar_stack;
  GtkWidget            *canvas_overlay;
  GtkBox               *canvas_box;
  MwCompareView        *compare_view;
  GMenu                *history_section;
  GMenu                *recent_menu;
  GMenu                *template_menu;
  GMenu                *arrange_menu;

  /* owned */
  MwDocument           *document;
  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *last_error;
  GtkWidget            *close_dialog;   /* (nullable) weak */
  MwPresentation       *presentation;   /* (nullable) weak */
  MwExportDialog       *export_dialog;  /* (nullable) weak */
  MwNetwork            *layout_network; /* (nullable) the one being laid out */
  GCancellable         *compare_cancellable; /* (nullable) the other network loading */

  /* state the actions follow (see _mw_window_update_actions) */
  guint                 n_pending;
  guint                 n_recent;
  guint                 inhibit_cookie;
  gboolean              arranging;
  gboolean              comparing;
  gboolean              show_inspector;
  gboolean              close_confirmed;
  gboolean              close_after_save;
};

/* A file on its way into a document, for Open and Compare With. */
typedef struct
{
  MwWindow   *window;
  MwDocument *document;
  GFile      *file;
} MwWindowLoad;

typedef void (*MwFileChosenFunc) (MwWindow *self,
                                  GFile    *file);

/* mw-window-feedback.c */
void          _mw_window_show_error             (MwWindow          *self,
                                                 const char        *heading,
                                                 GError            *error);
void          _mw_window_toast                  (MwWindow          *self,
                                                 const char        *title);
void          _mw_window_show_canvas            (MwWindow          *self);
void          _mw_window_update_title           (MwWindow          *self);

/* mw-window-actions.c */
void          _mw_window_class_actions_init     (GtkWidgetClass    *widget_class);
void          _mw_window_update_actions         (MwWindow          *self);

/* mw-window-files.c */
MwWindowLoad *_mw_window_load_new               (MwWindow          *self,
                                                 MwDocument        *document,
                                                 GFile             *file);
void          _mw_window_load_free              (MwWindowLoad      *load);
gboolean      _mw_window_finish_load            (MwWindow          *self,
                                                 MwWindowLoad      *load,
                                                 GAsyncResult      *result,
                                                 const char        *heading_format);
void          _mw_window_choose_network         (MwWindow          *self,
                                                 const char        *title,
                                                 const char        *accept_label,
                                                 MwFileChosenFunc   chosen);
void          _mw_window_choose_import          (MwWindow          *self);
void          _mw_window_save                   (MwWindow          *self);
void          _mw_window_save_as                (MwWindow          *self);
void          _mw_window_update_recent_menu     (MwWindow          *self);
void          _mw_window_ask_before_closing     (MwWindow          *self);
void          _mw_window_start_chosen_cb        (MwWindow          *self,
                                                 const char        *id);

/* mw-window-compare.c */
void          _mw_window_stop_comparing         (MwWindow          *self);

/* mw-window-print.c */
void          _mw_window_print                  (MwWindow          *self);
void          _mw_window_export                 (MwWindow          *self);
void          _mw_window_copy_image             (MwWindow          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwWindowLoad, _mw_window_load_free)

G_END_DECLS
