/* mw-test-core.h: what the headless tests share — temporary folders and async results
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char         *mw_test_make_dir          (const char     *prefix);
void          mw_test_remove_tree       (const char     *path);

void          mw_test_store_result_cb   (GObject        *source,
                                         GAsyncResult   *result,
                                         gpointer        user_data);
GAsyncResult *mw_test_wait_result       (GAsyncResult  **slot);

G_END_DECLS
