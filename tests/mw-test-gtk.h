/* mw-test-gtk.h: what every UI test needs: the main loop, windows, real input
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI tests run under Xvfb. Input comes from the X server through XTest,
 * so keys and the pointer travel the whole way through GDK, as a user's do.
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-application.h"
#include "mw-window.h"

#include "mw-test-core.h"

G_BEGIN_DECLS

/* A condition mw_test_wait_for() waits for. */
typedef gboolean (*MwTestDoneFunc) (gpointer data);

/* The main loop */
void           mw_test_run_pending           (void);
void           mw_test_spin                  (guint           milliseconds);
gboolean       mw_test_wait_for              (MwTestDoneFunc  done,
                                              gpointer        data);
gboolean       mw_test_wait_for_within       (MwTestDoneFunc  done,
                                              gpointer        data,
                                              guint           milliseconds);

/* The application and its windows */
MwApplication *mw_test_application_new       (void);
MwWindow      *mw_test_example_window_new    (int             width,
                                              int             height);
void           mw_test_wait_idle             (MwWindow       *window);
void           mw_test_destroy_window        (MwWindow       *window);
MwNetwork     *mw_test_network_of            (MwWindow       *window);
MwHistory     *mw_test_history_of            (MwWindow       *window);
void           mw_test_assert_networks_equal (MwNetwork      *a,
                                              MwNetwork      *b);

/* Finding widgets as a user finds them on screen */
typedef gboolean (*MwTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);
GtkWidget     *mw_test_find_widget           (GtkWidget         *root,
                                              MwTestWidgetMatch  match,
                                              gconstpointer      data);
GtkWidget     *mw_test_find_label            (GtkWidget         *root,
                                              const char        *text);

/* Real input through XTest (only in tests built with XTest) */
gboolean       mw_test_has_xtest             (void);
void           mw_test_widget_to_screen      (GtkWidget      *widget,
                                              double          x,
                                              double          y,
                                              int            *sx,
                                              int            *sy);
void           mw_test_pointer_move          (int             sx,
                                              int             sy);
void           mw_test_pointer_click         (guint           n_clicks);
void           mw_test_pointer_drag          (int             x0,
                                              int             y0,
                                              int             x1,
                                              int             y1);
void           mw_test_press_key             (guint           keyval,
                                              GdkModifierType modifiers);

G_END_DECLS
