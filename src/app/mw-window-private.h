/* mw-window-private.h: what the files of MwWindow share — the struct and
 * the helpers one part of the window calls in another
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The files of MwWindow stand in levels and call only downwards, never
 * up nor round:
 *
 *   5  mw-window.c           the type, class_init, init and dispose, the
 *                            document and its history; it wires the rest
 *   4  mw-window-actions.c   the actions, which call the parts below
 *   3  mw-window-compare.c   compare mode (it loads as the files part does)
 *   2  mw-window-files.c     open, save, recent, choosers, closing
 *      mw-window-print.c     print, export, copy image
 *      mw-window-report.c    Export Report…
 *   1  mw-window-feedback.c  title, canvas page, error dialog, toast
 *      mw-window-activity.c  the bar showing a long load or arrange, with Cancel
 *
 * A lower part that changes what a higher one follows does not call it: it
 * changes the state, and the top reacts. So _mw_window_update_actions(), the
 * one place that decides which actions are enabled, is called by the actions
 * (an arrange starting or ending) and by mw-window.c, on the history, the
 * selection, the recent files (after the files part refilled the menu) and
 * notify::comparing (which the compare part emits). A network opened in a
 * new window is given to it as its "document" property.
 */

#include "mw-appearance-popover.h"
#include "mw-compare-view.h"
#include "mw-export-dialog.h"
#include "mw-filter-menu.h"
#include "mw-find-bar.h"
#include "mw-inspector.h"
#include "mw-presentation.h"
#include "mw-score-panel.h"
#include "mw-start-page.h"
#include "mw-table-view.h"
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
  GtkInfoBar           *interpret_bar;
  GtkMenuButton        *appearance_button;
  MwAppearancePopover  *appearance_popover;
  MwCanvas             *canvas;
  MwFindBar            *find_bar;
  MwFilterMenu         *filter_menu;
  MwInspector          *inspector;
  MwTableView          *table_view;
  MwScorePanel         *score_panel;
  GtkStack             *sidebar_stack;
  GtkWidget            *canvas_overlay;
  GtkBox               *canvas_box;
  MwCompareView        *compare_view;
  GtkWidget            *activity_bar;
  GtkLabel             *activity_label;
  GtkProgressBar       *activity_progress;
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
  GPtrArray            *activities;     /* what is on its way (MwWindowActivity*), see mw-window-activity.c */
  guint                 activity_timer;
  GCancellable         *arrange_activity; /* (nullable) (unowned) the arrange on its way */
  MwDocument           *scored_document;  /* (nullable) whose scoring the bar shows */
  MwScorer             *scorer;           /* (nullable) its scorer, followed while busy */
  GCancellable         *scoring_activity; /* (nullable) (unowned) its scoring on its way */

  /* state the actions follow (see _mw_window_update_actions) */
  guint                 n_pending;
  guint                 n_recent;
  guint                 inhibit_cookie;
  gboolean              arranging;
  gboolean              comparing;
  gboolean              show_inspector;
  gboolean              show_table;
  gboolean              close_confirmed;
  gboolean              close_after_save;
};

/* A file on its way into a document, for Open and Compare With. */
typedef struct
{
  MwWindow     *window;
  MwDocument   *document;
  GFile        *file;
  GCancellable *activity;   /* (nullable) (unowned) its entry in the activity bar */
} MwWindowLoad;

typedef void (*MwFileChosenFunc) (MwWindow *self,
                                  GFile    *file);

/* Level 1, the bottom — mw-window-feedback.c: what the window shows the
 * user; every part may call it. */
void          _mw_window_show_error             (MwWindow          *self,
                                                 const char        *heading,
                                                 GError            *error);
void          _mw_window_toast                  (MwWindow          *self,
                                                 const char        *title);
void          _mw_window_show_canvas            (MwWindow          *self);
void          _mw_window_update_title           (MwWindow          *self);

/* Level 1 — mw-window-activity.c: the bar that shows what takes long,
 * how far it has come, and cancels it. */
GCancellable *_mw_window_begin_activity         (MwWindow          *self,
                                                 const char        *label);
void          _mw_window_set_activity_progress  (MwWindow          *self,
                                                 GCancellable      *activity,
                                                 MwProgress        *progress);
void          _mw_window_end_activity           (MwWindow          *self,
                                                 GCancellable      *activity);
void          _mw_window_cancel_activities      (MwWindow          *self);
void          _mw_window_clear_activities       (MwWindow          *self);
void          _mw_window_follow_scoring         (MwWindow          *self,
                                                 MwDocument        *document);

/* Level 2 — mw-window-files.c, mw-window-print.c: one job each. */
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

void          _mw_window_print                  (MwWindow          *self);
void          _mw_window_export                 (MwWindow          *self);
void          _mw_window_copy_image             (MwWindow          *self);
/* mw-window-report.c: Export Report… */
void          _mw_window_export_report          (MwWindow          *self);

/* Level 3 — mw-window-compare.c: loads the other network with the files
 * part's load record. */
void          _mw_window_stop_comparing         (MwWindow          *self);

/* Level 4 — mw-window-actions.c: every "win.*" action, each handing over
 * to the part whose job it is. */
void          _mw_window_class_actions_init     (GtkWidgetClass    *widget_class);
void          _mw_window_update_actions         (MwWindow          *self);
void          _mw_window_add_text_keys          (MwWindow          *self);

/* Level 5, the top — mw-window.c: nothing here, as no part calls it. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwWindowLoad, _mw_window_load_free)

G_END_DECLS
