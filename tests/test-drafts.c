/* test-drafts.c: drafts survive a kill -9; a damaged index is ignored
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "mw-draft-autosave.h"
#include "mw-dot.h"
#include "mw-drafts.h"
#include "mw-test-core.h"

#define CHILD_INTERVAL_MS 150

static const char *self_path;

static void
write_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mw_drafts_write_finish (MW_DRAFTS (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
remove_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (mw_drafts_remove_finish (MW_DRAFTS (object), result, &error));
  *done = TRUE;
}

static MwNetwork *
network_with (const char *first, ...)
{
  MwNetwork *network = mw_network_new ();
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_assert_nonnull (mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL));
  va_end (args);
  return network;
}

static GBytes *
dot_of (MwNetwork *network)
{
  gsize length = 0;
  char *text = mw_dot_save_data (network, &length);

  return g_bytes_new_take (text, length);
}

static void
test_write_list_load (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-drafts");
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(MwNetwork) network = network_with ("ada", "bo", NULL);
  g_autoptr(GBytes) bytes = dot_of (network);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MwNetwork) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  MwDraft *draft;

  g_autofree char *own = g_build_filename (dir, "org.dot", NULL);
  g_autofree char *uri = g_filename_to_uri (own, NULL, NULL);

  mw_drafts_write_async (drafts, "abc-1", uri, "1700000000:0", "org.dot", bytes,
                         NULL, write_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);
  draft = g_ptr_array_index (list, 0);
  g_assert_cmpstr (draft->id, ==, "abc-1");
  g_assert_cmpstr (draft->uri, ==, uri);
  g_assert_cmpstr (draft->title, ==, "org.dot");
  g_assert_cmpstr (draft->etag, ==, "1700000000:0");
  g_assert_cmpint (draft->saved, >, 0);

  loaded = mw_drafts_load (drafts, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mw_network_equal (loaded, network, NULL));

  /* The user's own file is never written. */
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  mw_test_remove_tree (dir);
}

/* Saving or discarding a document drops its draft, even one still being written. */
static void
test_remove_wins (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-drafts");
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(MwNetwork) network = network_with ("ada", NULL);
  g_autoptr(GBytes) bytes = dot_of (network);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = g_build_filename (dir, "d1.dot", NULL);
  gboolean written = FALSE, removed = FALSE, kept = FALSE;

  mw_drafts_write_async (drafts, "d1", NULL, NULL, "Untitled", bytes, NULL, write_cb, &written);
  mw_drafts_remove_async (drafts, "d1", NULL, remove_cb, &removed);
  mw_drafts_write_async (drafts, "d2", NULL, NULL, "Other", bytes, NULL, write_cb, &kept);
  while (!written || !removed || !kept)
    g_main_context_iteration (NULL, TRUE);

  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MwDraft *)g_ptr_array_index (list, 0))->id, ==, "d2");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Quitting waits for a removal in flight: no stale draft at the next start. */
  removed = FALSE;
  mw_drafts_remove_async (drafts, "d2", NULL, remove_cb, &removed);
  g_assert_true (mw_drafts_wait (drafts, 5000));
  g_assert_true (removed);
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  mw_test_remove_tree (dir);
}

static void
put_index (const char *dir,
           const char *data,
           gsize       length)
{
  g_autofree char *path = g_build_filename (dir, "session.gvariant", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
put_variant (const char *dir, GVariant *variant)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (variant);

  put_index (dir, g_variant_get_data (v), g_variant_get_size (v));
}

/* A damaged index, another version or an id that names another file lists
 * nothing and never crashes; a damaged draft is an error naming it. */
static void
test_corrupt_index (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-drafts");
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autofree char *bad_path = g_build_filename (dir, "bad.dot", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MwNetwork) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint8 junk[512];

  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    junk[i] = (guint8)g_test_rand_int ();
  for (gsize cut = 0; cut < sizeof junk; cut += 37)
    {
      g_autoptr(GPtrArray) l = NULL;
      put_index (dir, (const char *)junk, cut);
      l = mw_drafts_list (drafts);
      g_assert_cmpuint (l->len, ==, 0);
    }

  g_file_set_contents (bad_path, "digraph { a -> ", -1, NULL);
  put_variant (dir, g_variant_new_parsed ("(uint32 7, [('bad', '', 'x', int64 1)])"));
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  put_variant (dir, g_variant_new_parsed ("(uint32 1, [('../../etc/passwd', '', 'x', int64 1),"
                                          " ('missing', '', 'x', int64 1), ('bad', '', 'x', int64 1)])"));
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);
  loaded = mw_drafts_load (drafts, g_ptr_array_index (list, 0), NULL, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad.dot"));
  mw_test_remove_tree (dir);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The autosave writes once after a burst, and forgets when clean. */
static void
test_autosave (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-drafts");
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwDraftAutosave) autosave = mw_draft_autosave_new (drafts, 100);
  g_autoptr(GPtrArray) list = NULL;

  mw_draft_autosave_set_network (autosave, network);
  mw_draft_autosave_set_origin (autosave, NULL, NULL, "Untitled Network");

  /* Not an edit (the document is clean): no draft. */
  mw_network_add_actor (network, "placed", NULL, MW_ACTOR_PERSON, NULL);
  wait_ms (300);
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  mw_draft_autosave_set_dirty (autosave, TRUE);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);
    }
  while (mw_draft_autosave_get_n_written (autosave) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (300);
  g_assert_cmpuint (mw_draft_autosave_get_n_written (autosave), ==, 1);
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  mw_draft_autosave_set_dirty (autosave, FALSE);
  wait_ms (200);
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 0);
  mw_test_remove_tree (dir);
}

/* The child: edits like a user, one actor at a time, and tells the parent
 * when each has been on disk for a whole interval. Then it is killed. */
static int
child_main (const char *dir)
{
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwDraftAutosave) autosave = mw_draft_autosave_new (drafts, CHILD_INTERVAL_MS);

  mw_draft_autosave_set_network (autosave, network);
  mw_draft_autosave_set_origin (autosave, NULL, NULL, "Kill me");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("early%u", i);
      mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);
      mw_draft_autosave_set_dirty (autosave, TRUE);
      wait_ms (CHILD_INTERVAL_MS * 3);
    }
  mw_network_add_actor (network, "late", NULL, MW_ACTOR_PERSON, NULL);
  g_print ("edited\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
test_kill_9 (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-drafts");
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "MW_DRAFTS_CHILD", dir, TRUE);
  const char *argv[] = { self_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MwNetwork) restored = NULL;
  GPid pid;
  int out = -1, status = 0;

  g_spawn_async_with_pipes (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_line (channel, &line, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "edited\n");

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  /* The next start: one draft, every edit older than the interval in it. */
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MwDraft *)g_ptr_array_index (list, 0))->title, ==, "Kill me");
  restored = mw_drafts_load (drafts, g_ptr_array_index (list, 0), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("early%u", i);
      g_assert_nonnull (mw_network_lookup_actor (restored, id));
    }
  mw_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  const char *child = g_getenv ("MW_DRAFTS_CHILD");

  if (child != NULL)
    return child_main (child);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drafts/write-list-load", test_write_list_load);
  g_test_add_func ("/drafts/remove-wins", test_remove_wins);
  g_test_add_func ("/drafts/corrupt-index", test_corrupt_index);
  g_test_add_func ("/drafts/autosave", test_autosave);
  g_test_add_func ("/drafts/kill-9", test_kill_9);
  return g_test_run ();
}
