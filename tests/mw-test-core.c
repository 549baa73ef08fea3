/* mw-test-core.c: what the headless tests share — temporary folders and async results
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "mw-test-core.h"

/**
 * mw_test_make_dir:
 * @prefix: the start of the folder's name, e.g. "mw-file"
 *
 * Returns: (transfer full): a new, empty folder under the temporary folder
 */
char *
mw_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * mw_test_remove_tree:
 * @path: a file or a folder
 *
 * Removes @path and, for a folder, everything in it. Symbolic links are
 * removed, never followed.
 */
void
mw_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          mw_test_remove_tree (child);
        }
    }
  g_remove (path);
}

/**
 * mw_test_store_result_cb:
 * @user_data: a `GAsyncResult *` slot, %NULL until the call ends
 *
 * A #GAsyncReadyCallback that keeps a reference to the result in the slot.
 */
void
mw_test_store_result_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/**
 * mw_test_wait_result:
 * @slot: filled by mw_test_store_result_cb()
 *
 * Runs the default main context until the slot holds a result.
 *
 * Returns: (transfer none): the result, still owned by the slot
 */
GAsyncResult *
mw_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}
