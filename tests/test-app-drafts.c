/* test-app-drafts.c: saves that lose nothing, drafts that outlive kill -9
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "mw-document.h"
#include "mw-dot.h"
#include "mw-limits.h"
#include "mw-test-gtk.h"

#define INTERVAL_MS 100

typedef struct
{
  char       *dir;
  MwDrafts   *drafts;
  MwDocument *document;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *drafts_dir = NULL;

  f->dir = g_dir_make_tmp ("mw-app-drafts-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  drafts_dir = g_build_filename (f->dir, "drafts", NULL);
  f->drafts = mw_drafts_new (drafts_dir);
  f->document = mw_document_new ();
  mw_document_set_drafts (f->document, f->drafts, INTERVAL_MS);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  /* A worker thread drops its task (and the task its document) just after
   * the callback ran: give it that moment. */
  for (guint i = 0; i < 5000 && G_OBJECT (f->document)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_finalize_object (f->document);
  /* A draft write may still be on its way: let it land before cleaning up. */
  g_assert_true (mw_drafts_wait (f->drafts, 5000));
  g_clear_object (&f->drafts);
  mw_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
iterate_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
add_actor (MwDocument *document, const char *id)
{
  MwHistory *history = mw_document_get_history (document);
  MwEdit *edit = mw_history_begin (history, "Add Actor");

  g_assert_nonnull (mw_edit_add_actor (edit, id, id, MW_ACTOR_PERSON, NULL));
  g_assert_true (mw_history_commit (history, edit));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
load_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Result *r = data;

  r->ok = mw_document_load_finish (MW_DOCUMENT (object), result, &r->error);
  r->done = TRUE;
}

static void
save_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Result *r = data;

  r->ok = mw_document_save_finish (MW_DOCUMENT (object), result, &r->error);
  r->done = TRUE;
}

static gboolean
load (MwDocument *document, const char *path, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result r = { 0 };

  mw_document_load_async (document, file, NULL, load_cb, &r);
  iterate_until (&r.done);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static gboolean
save (MwDocument *document, const char *path, GError **error)
{
  g_autoptr(GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;
  Result r = { 0 };

  mw_document_save_async (document, file, NULL, save_cb, &r);
  iterate_until (&r.done);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static char *
write_file (Fixture *f, const char *name, const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static guint
n_drafts (Fixture *f)
{
  g_autoptr(GPtrArray) list = mw_drafts_list (f->drafts);
  return list->len;
}

/* Another program writes the file: saving asks instead of overwriting. */
static void
test_etag_conflict (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "org.dot", "digraph { a; b; a -> b; }\n");
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (load (f->document, path, &error));
  g_assert_no_error (error);
  add_actor (f->document, "carla");

  /* A second later, so the etag (mtime) differs whatever the clock's grain. */
  g_assert_true (g_file_set_contents (path, "digraph { theirs; }\n", -1, NULL));
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, g_get_real_time () / G_USEC_PER_SEC + 5,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (save (f->document, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "org.dot"));
  g_assert_true (mw_document_get_modified (f->document));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "digraph { theirs; }\n");
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);

  /* "Overwrite": the next save goes through, the old file kept as FILE~. */
  mw_document_forget_etag (f->document);
  g_assert_true (save (f->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mw_document_get_modified (f->document));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "carla"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* Our own save is not someone else's change. */
  add_actor (f->document, "dan");
  g_assert_true (save (f->document, NULL, &error));
  g_assert_no_error (error);
}

/* The file deleted under an open document: asked, not silently recreated. */
static void
test_deleted_under (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "gone.dot", "digraph { a; }\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (load (f->document, path, &error));
  add_actor (f->document, "b");
  g_assert_cmpint (g_remove (path), ==, 0);

  g_assert_false (save (f->document, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_assert_true (mw_document_get_modified (f->document));
  g_assert_nonnull (mw_network_lookup_actor (mw_document_get_network (f->document), "b"));
}

/* A target that cannot be written: a clear error, nothing lost. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* root writes anywhere it may chmod; /proc refuses even root */
  if (geteuid () == 0)
    path = g_strdup ("/proc/meshwork-test.dot");
  else
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      path = g_build_filename (locked, "org.dot", NULL);
    }

  add_actor (f->document, "ada");
  g_assert_false (save (f->document, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (mw_document_get_modified (f->document));
  g_assert_null (mw_document_get_file (f->document));
  g_assert_nonnull (mw_network_lookup_actor (mw_document_get_network (f->document), "ada"));
  g_chmod (locked, 0700);
}

/* An edit reaches a draft; saving drops it; the user's file holds the edit. */
static void
test_draft_gone_on_save (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.dot", NULL);
  g_autoptr(GError) error = NULL;

  add_actor (f->document, "ada");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  while (mw_draft_autosave_get_n_written (mw_document_get_autosave (f->document)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_drafts (f), ==, 1);

  g_assert_true (save (f->document, path, &error));
  g_assert_no_error (error);
  mw_test_spin (INTERVAL_MS * 2);
  g_assert_cmpuint (n_drafts (f), ==, 0);
}

/* Closing with "Discard" drops the draft too. */
static void
test_draft_gone_on_discard (Fixture *f, gconstpointer data)
{
  add_actor (f->document, "ada");
  while (mw_draft_autosave_get_n_written (mw_document_get_autosave (f->document)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_drafts (f), ==, 1);

  mw_document_discard_draft (f->document);
  mw_test_spin (INTERVAL_MS * 2);
  g_assert_cmpuint (n_drafts (f), ==, 0);
}

/* A restored draft is unsaved work: modified, under its old title. */
static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(MwDocument) other = mw_document_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autofree char *title = NULL;

  mw_document_set_drafts (other, f->drafts, INTERVAL_MS);
  add_actor (other, "ada");
  while (mw_draft_autosave_get_n_written (mw_document_get_autosave (other)) == 0)
    g_main_context_iteration (NULL, TRUE);

  list = mw_drafts_list (f->drafts);
  g_assert_cmpuint (list->len, ==, 1);
  network = mw_drafts_load (f->drafts, g_ptr_array_index (list, 0), NULL, NULL);
  mw_document_restore_draft (f->document, network, g_ptr_array_index (list, 0));
  title = mw_document_dup_title (f->document);
  g_assert_cmpstr (title, ==, "Untitled Network");
  g_assert_true (mw_document_get_modified (f->document));
  g_assert_cmpstr (mw_draft_autosave_get_id (mw_document_get_autosave (f->document)), ==,
                   ((MwDraft *)g_ptr_array_index (list, 0))->id);
  /* Restoring must not drop the draft: a second crash still finds it. */
  mw_test_spin (INTERVAL_MS * 3);
  g_assert_cmpuint (n_drafts (f), ==, 1);
  mw_document_discard_draft (other);
}

/* A draft of a file remembers the file's etag: after a crash, the first
 * save of the restored network asks when another program changed the
 * file meanwhile, instead of overwriting it. */
static void
test_restore_checks_etag (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "org.dot", "digraph { a; b; a -> b; }\n");
  g_autoptr(MwDocument) crashed = mw_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  MwDraft *draft;

  mw_document_set_drafts (crashed, f->drafts, INTERVAL_MS);
  g_assert_true (load (crashed, path, &error));
  g_assert_no_error (error);
  add_actor (crashed, "carla");
  while (mw_draft_autosave_get_n_written (mw_document_get_autosave (crashed)) == 0)
    g_main_context_iteration (NULL, TRUE);

  list = mw_drafts_list (f->drafts);
  g_assert_cmpuint (list->len, ==, 1);
  draft = g_ptr_array_index (list, 0);
  g_assert_nonnull (draft->etag);
  etag = g_strdup (draft->etag);

  /* Another program writes the file while Meshwork is down (a later mtime). */
  g_assert_true (g_file_set_contents (path, "digraph { theirs; }\n", -1, NULL));
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, g_get_real_time () / G_USEC_PER_SEC + 5,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  network = mw_drafts_load (f->drafts, draft, NULL, &error);
  g_assert_no_error (error);
  mw_document_restore_draft (f->document, network, draft);
  /* The restored network's own draft keeps the etag, for a second crash. */
  while (mw_draft_autosave_get_n_written (mw_document_get_autosave (f->document)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mw_drafts_list (f->drafts);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MwDraft *)g_ptr_array_index (list, 0))->etag, ==, etag);

  g_assert_false (save (f->document, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_true (mw_document_get_modified (f->document));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "digraph { theirs; }\n");
  g_clear_error (&error);

  /* "Overwrite" still goes through. */
  mw_document_forget_etag (f->document);
  g_assert_true (save (f->document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mw_document_get_modified (f->document));
  mw_document_discard_draft (crashed);
}

/* A file over the limits is refused with a reason, the document untouched. */
static void
test_limits (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_file (f, "big.dot", "digraph { a; b; c; d; }\n");
  g_autoptr(GError) error = NULL;
  MwLimits limits;

  mw_limits_init_default (&limits);
  limits.max_actors = 3;
  mw_document_set_limits (f->document, &limits);
  g_assert_false (load (f->document, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "big.dot"));
  g_clear_error (&error);

  limits.max_bytes = 10;
  mw_document_set_limits (f->document, &limits);
  g_assert_false (load (f->document, path, &error));
  g_assert_nonnull (strstr (error->message, "limit"));
  g_assert_true (mw_document_is_blank (f->document));
}

static void
failed_cb (MwDraftAutosave *autosave, const GError *error, gpointer data)
{
  g_assert_nonnull (error);
  *(gboolean *)data = TRUE;
}

/* A draft that cannot be written is said; the edit stays in memory. */
static void
test_draft_write_fails (void)
{
  g_autoptr(MwDrafts) drafts = mw_drafts_new ("/proc/meshwork-drafts-test");
  g_autoptr(MwDocument) document = mw_document_new ();
  gboolean failed = FALSE;

  mw_document_set_drafts (document, drafts, INTERVAL_MS);
  g_signal_connect (mw_document_get_autosave (document), "failed", G_CALLBACK (failed_cb), &failed);
  add_actor (document, "ada");
  iterate_until (&failed);
  g_assert_true (mw_document_get_modified (document));
  g_assert_nonnull (mw_network_lookup_actor (mw_document_get_network (document), "ada"));
}

static GPid
spawn_app (const char *xdg, const char *script, gboolean restore, GIOChannel **out)
{
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { g_getenv ("MESHWORK_APP"), NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int fd = -1;

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", xdg, TRUE);
  envp = g_environ_setenv (envp, "MESHWORK_TEST_SCRIPT", script, TRUE);
  envp = g_environ_setenv (envp, "MESHWORK_DRAFT_INTERVAL_MS", "200", TRUE);
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  /* Under `dev test --sanitize` the child's own leak check is off: the gvfs
   * GIO module without a session bus (32 bytes) and GtkRecentManager after
   * a save (64 bytes in 2 blocks) fail it at exit, and neither is what this
   * test is about. In-process saves are checked. */
  if (g_environ_getenv (envp, "ASAN_OPTIONS") != NULL)
    {
      g_autofree char *asan = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS"), ":detect_leaks=0", NULL);
      envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan, TRUE);
    }
  if (restore)
    envp = g_environ_setenv (envp, "MESHWORK_RECOVER", "restore", TRUE);
  g_spawn_async_with_pipes (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &fd, NULL, &error);
  g_assert_no_error (error);
  *out = g_io_channel_unix_new (fd);
  g_io_channel_set_close_on_unref (*out, TRUE);
  return pid;
}

static void
read_until (GIOChannel *channel, const char *line)
{
  for (;;)
    {
      g_autofree char *got = NULL;
      g_autoptr(GError) error = NULL;

      if (g_io_channel_read_line (channel, &got, NULL, NULL, &error) != G_IO_STATUS_NORMAL)
        g_error ("the app stopped before printing “%s”", line);
      if (g_str_has_prefix (got, line))
        return;
    }
}

/* Reads up to the line starting with @prefix and returns it, without its
 * newline. */
static char *
read_line (GIOChannel *channel, const char *prefix)
{
  for (;;)
    {
      g_autofree char *got = NULL;
      g_autoptr(GError) error = NULL;

      if (g_io_channel_read_line (channel, &got, NULL, NULL, &error) != G_IO_STATUS_NORMAL)
        g_error ("the app stopped before printing “%s”", prefix);
      if (g_str_has_prefix (got, prefix))
        return g_strchomp (g_steal_pointer (&got));
    }
}

/* Waits for the app to quit by itself. */
static void
wait_exit (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_spawn_close_pid (pid);
}

static gboolean
can_run_app (void)
{
  if (g_getenv ("MESHWORK_APP") != NULL && g_getenv ("DISPLAY") != NULL)
    return TRUE;
  g_test_skip ("needs the app binary and a display");
  return FALSE;
}

/* The app is killed (SIGKILL) once the draft of an edit is written. */
static void
crash_with_draft (const char *xdg)
{
  g_autofree char *dir = g_build_filename (xdg, "meshwork", "drafts", NULL);
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(GIOChannel) channel = NULL;
  int status = 0;
  GPid pid;

  pid = spawn_app (xdg, "wait:300;add:ada", FALSE, &channel);
  read_until (channel, "done add:ada");
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GPtrArray) list = mw_drafts_list (drafts);

      if (list->len > 0)
        break;
      g_usleep (20000);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
}

/* Drafts of @n networks, as a run with @n windows leaves them. */
static void
leave_drafts (const char *xdg, guint n)
{
  g_autofree char *dir = g_build_filename (xdg, "meshwork", "drafts", NULL);
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MwDocument) document = mw_document_new ();
      g_autofree char *id = g_strdup_printf ("actor%u", i);

      mw_document_set_drafts (document, drafts, INTERVAL_MS);
      add_actor (document, id);
      while (mw_draft_autosave_get_n_written (mw_document_get_autosave (document)) == 0)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (mw_drafts_wait (drafts, 5000));
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, n);
}

/* After a crash, the restored network is what the window shows: the
 * canvas, not the start page on top of it. */
static void
test_restore_shows_canvas (void)
{
  g_autofree char *xdg = g_dir_make_tmp ("mw-app-page-XXXXXX", NULL);
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *page = NULL;
  GPid pid;

  if (!can_run_app ())
    return;

  crash_with_draft (xdg);
  pid = spawn_app (xdg, "page;quit", TRUE, &channel);
  page = read_line (channel, "page ");
  g_assert_cmpstr (page, ==, "page canvas");
  read_until (channel, "done quit");
  wait_exit (pid);
  mw_test_remove_tree (xdg);
}

/* Two drafts: two windows, each showing its network. */
static void
test_restore_two_shows_canvas (void)
{
  g_autofree char *xdg = g_dir_make_tmp ("mw-app-page2-XXXXXX", NULL);
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *page = NULL;
  GPid pid;

  if (!can_run_app ())
    return;

  leave_drafts (xdg, 2);
  pid = spawn_app (xdg, "page;quit", TRUE, &channel);
  page = read_line (channel, "page ");
  g_assert_cmpstr (page, ==, "page canvas canvas");
  read_until (channel, "done quit");
  wait_exit (pid);
  mw_test_remove_tree (xdg);
}

/* The user is asked and presses Enter (Restore is the default) on the
 * X server, as at the keyboard: the window shows the network. */
static void
test_restore_asked_shows_canvas (void)
{
  g_autofree char *xdg = g_dir_make_tmp ("mw-app-ask-XXXXXX", NULL);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  int status = 0;
  GPid pid;

  if (!can_run_app ())
    return;
  if (xdotool == NULL)
    {
      g_test_skip ("needs xdotool to press a key");
      return;
    }

  crash_with_draft (xdg);
  pid = spawn_app (xdg, "asked;page;quit", FALSE, &channel);
  read_until (channel, "done asked");
  {
    const char *argv[] = { xdotool, "key", "Return", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  page = read_line (channel, "page ");
  g_assert_cmpstr (page, ==, "page canvas");
  read_until (channel, "done quit");
  wait_exit (pid);
  mw_test_remove_tree (xdg);
}

/* The app as a process ($MESHWORK_APP, tests/meshwork-test-app.c: the real
 * application with its test hooks): edits, waits for the draft, is killed with SIGKILL;
 * the next start restores the draft and saves it: every edit older than
 * the draft interval is in the file. */
static void
test_kill_9 (void)
{
  g_autofree char *xdg = g_dir_make_tmp ("mw-app-kill-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (xdg, "restored.dot", NULL);
  g_autofree char *script2 = g_strconcat ("wait:300;save:", out_path, ";wait:500;quit", NULL);
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GIOChannel) channel2 = NULL;
  g_autoptr(MwNetwork) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwDrafts) drafts = NULL;
  g_autoptr(GPtrArray) left = NULL;
  int status = 0;
  GPid pid;

  if (g_getenv ("MESHWORK_APP") == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs the app binary and a display");
      return;
    }

  pid = spawn_app (xdg, "wait:500;add:early0;wait:600;add:early1;add:early2;wait:600;add:late", FALSE, &channel);
  read_until (channel, "done add:late");
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  pid = spawn_app (xdg, script2, TRUE, &channel2);
  read_until (channel2, "done quit");
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_spawn_close_pid (pid);

  restored = mw_dot_load_file (out_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mw_network_lookup_actor (restored, "early0"));
  g_assert_nonnull (mw_network_lookup_actor (restored, "early1"));
  g_assert_nonnull (mw_network_lookup_actor (restored, "early2"));

  /* Saved, so the draft is gone. */
  {
    g_autofree char *dir = g_build_filename (xdg, "meshwork", "drafts", NULL);
    drafts = mw_drafts_new (dir);
    left = mw_drafts_list (drafts);
    g_assert_cmpuint (left->len, ==, 0);
  }
  mw_test_remove_tree (xdg);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/app-drafts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("etag-conflict", test_etag_conflict);
  ADD ("deleted-under", test_deleted_under);
  ADD ("read-only", test_read_only);
  ADD ("gone-on-save", test_draft_gone_on_save);
  ADD ("gone-on-discard", test_draft_gone_on_discard);
  ADD ("restore", test_restore);
  ADD ("restore-checks-etag", test_restore_checks_etag);
  ADD ("limits", test_limits);
#undef ADD
  g_test_add_func ("/app-drafts/draft-write-fails", test_draft_write_fails);
  g_test_add_func ("/app-drafts/kill-9", test_kill_9);
  g_test_add_func ("/app-drafts/restore-shows-canvas", test_restore_shows_canvas);
  g_test_add_func ("/app-drafts/restore-two-shows-canvas", test_restore_two_shows_canvas);
  g_test_add_func ("/app-drafts/restore-asked-shows-canvas", test_restore_asked_shows_canvas);

  return g_test_run ();
}
