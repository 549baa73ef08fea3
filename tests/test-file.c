/* test-file.c: a write killed or out of space leaves the old file and no temporary
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "mw-document.h"
#include "mw-dot.h"
#include "mw-drafts.h"
#include "mw-export.h"
#include "mw-file.h"
#include "mw-format.h"
#include "mw-test-core.h"

#define BIG_SIZE (4 * 1024 * 1024)
#define SMALL_DISK "size=64k"

static const char *self_path;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

/* The names in DIR, sorted, joined by spaces: easy to compare and to read. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static gboolean
is_ours (const char *name)
{
  return g_str_has_prefix (name, MW_FILE_TEMP_PREFIX) && strlen (name) == strlen (MW_FILE_TEMP_PREFIX) + 6;
}

static void
make_stale (const char *path)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - 2 * MW_FILE_STALE_SECONDS;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* Ages our leftovers in DIR and writes there once: the sweep takes them. */
static void
sweep_by_writing (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *entry;

  while ((entry = g_dir_read_name (d)) != NULL)
    if (is_ours (entry))
      {
        g_autofree char *leftover = g_build_filename (dir, entry, NULL);
        g_test_message ("a kill -9 left %s: swept", entry);
        make_stale (leftover);
      }
  g_assert_true (mw_write_file (path, "swept\n", 6, &error));
  g_assert_no_error (error);
}

static MwNetwork *
big_network (guint n_actors)
{
  MwNetwork *network = mw_network_new ();

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("actor%u", i);
      g_autofree char *name = g_strdup_printf ("Actor number %u of a long list", i);
      g_assert_nonnull (mw_network_add_actor (network, id, name, MW_ACTOR_PERSON, NULL));
    }
  return network;
}

/* The children: each writes in DIR until killed. */

static int
child_new_files (const char *dir)
{
  g_autofree char *data = g_malloc (BIG_SIZE);

  memset (data, 'n', BIG_SIZE);
  for (guint i = 0;; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/out-%u.png", dir, i);
      if (!mw_write_file (path, data, BIG_SIZE, NULL))
        return 1;
    }
}

static int
child_overwrite (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "export.png", NULL);
  g_autofree char *data = g_malloc (BIG_SIZE);

  for (guint i = 0;; i++)
    {
      memset (data, i % 2 ? 'a' : 'b', BIG_SIZE);
      if (!mw_write_file (path, data, BIG_SIZE, NULL))
        return 1;
    }
}

static int
child_document (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "net.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MwDocument) document = mw_document_new ();
  g_autoptr(MwNetwork) network = big_network (10000);

  mw_document_replace_network (document, network, file, NULL);
  for (;;)
    {
      g_autoptr(GAsyncResult) result = NULL;

      mw_document_save_async (document, NULL, NULL, mw_test_store_result_cb, &result);
      if (!mw_document_save_finish (document, mw_test_wait_result (&result), NULL))
        return 1;
    }
}

/* Runs this program as the child WHAT in DIR, and kills it with SIGKILL
 * the moment a file whose name KEEP does not accept shows in DIR (a
 * temporary a kill -9 would leave), or else after a while of writing. */
static void
run_and_kill (const char *what,
              const char *dir,
              gboolean  (*keep) (const char *name))
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "MW_FILE_CHILD", what, TRUE);
  const char *argv[] = { self_path, dir, NULL };
  g_autoptr(GError) error = NULL;
  gboolean started = FALSE;
  gint64 end;
  GPid pid;
  int status = 0;

  g_spawn_async (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* Half a second of writing once the first file is there. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;
      gboolean seen = FALSE;

      while (!seen && (name = g_dir_read_name (d)) != NULL)
        {
          seen = !keep (name);
          if (!started)
            end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
          started = TRUE;
        }
      if (seen)
        {
          g_test_message ("%s: a temporary showed; killed then", what);
          break;
        }
    }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (pid);
}

static gboolean
is_output (const char *name)
{
  g_autofree char *number = NULL;

  if (!g_str_has_prefix (name, "out-") || !g_str_has_suffix (name, ".png"))
    return FALSE;
  number = g_strndup (name + 4, strlen (name) - 8);
  return g_ascii_string_to_unsigned (number, 10, 0, G_MAXUINT, NULL, NULL);
}

/* New files: with O_TMPFILE a file has no name until it is complete, so
 * nothing but complete files is ever seen, killed or not. */
static void
test_kill_new_files (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-file");
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  run_and_kill ("new-files", dir, is_output);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      g_assert_true (is_output (name));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, BIG_SIZE);
      n++;
    }
  g_test_message ("%u complete files, nothing else", n);
  mw_test_remove_tree (dir);
}

static gboolean
is_export_or_ours (const char *name)
{
  return g_str_equal (name, "export.png") || is_ours (name);
}

/* Over an old file: the file is always whole, old or new; the instant
 * between linking the new one under a temporary name and renaming it is
 * the only time a temporary exists, and the next write sweeps it. */
static void
test_kill_overwrite (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-file");
  g_autofree char *path = g_build_filename (dir, "export.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  gsize length = 0;

  run_and_kill ("overwrite", dir, is_export_or_ours);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, BIG_SIZE);
  for (gsize i = 1; i < length; i++)
    g_assert_cmpint (contents[i], ==, contents[0]);

  sweep_by_writing (dir, "export.png");
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "export.png");
  mw_test_remove_tree (dir);
}

static gboolean
is_saved_network (const char *name)
{
  return g_str_equal (name, "net.gv") || g_str_equal (name, "net.gv~") || is_ours (name);
}

/* GIO's g_file_replace() leaves its .goutputstream-XXXXXX when killed;
 * the document's save of a local file does not. */
static void
test_kill_document_save (void)
{
  g_autofree char *dir = mw_test_make_dir ("mw-file");
  g_autofree char *path = g_build_filename (dir, "net.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autofree char *names = NULL;

  run_and_kill ("document", dir, is_saved_network);

  network = mw_dot_load_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 10000);

  sweep_by_writing (dir, "net.gv");
  /* The backup is there from the second save on (unless killed as it moved). */
  names = list_dir (dir);
  if (!g_str_equal (names, "net.gv"))
    g_assert_cmpstr (names, ==, "net.gv net.gv~");
  mw_test_remove_tree (dir);
}

/* Only our own stale temporaries go: not a fresh one (a write may be
 * using it), not anyone else's file, not a link or a folder by our name. */
static void
test_sweep (void)
{
  static const char *const planted[] = {
    ".meshwork-tmp-Ab12Cd",   /* ours, stale: goes */
    ".meshwork-tmp-Fresh1",   /* ours, fresh: stays */
    ".meshwork-tmp-abc",      /* not our name */
    ".meshwork-tmp-abcdefg",  /* not our name */
    "notes.txt.Xy12Zz",       /* someone else's temporary */
    ".goutputstream-Q1W2E3",  /* GIO's */
  };
  g_autofree char *dir = mw_test_make_dir ("mw-file");
  g_autofree char *target = g_build_filename (dir, "net.gv", NULL);
  g_autofree char *link = g_build_filename (dir, ".meshwork-tmp-Link01", NULL);
  g_autofree char *folder = g_build_filename (dir, ".meshwork-tmp-Dir001", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;
  GString *expected = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *path = g_build_filename (dir, planted[i], NULL);

      g_assert_true (g_file_set_contents (path, "x", 1, NULL));
      if (i != 1)
        make_stale (path);
    }
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_stale (folder);

  /* Another user's file of our name is theirs. */
  if (geteuid () == 0)
    {
      g_autofree char *theirs = g_build_filename (dir, ".meshwork-tmp-Theirs", NULL);

      g_assert_true (g_file_set_contents (theirs, "x", 1, NULL));
      g_assert_cmpint (chown (theirs, 65534, 65534), ==, 0);
      make_stale (theirs);
    }

  g_assert_true (mw_write_file (target, "digraph { }\n", 12, &error));
  g_assert_no_error (error);

  names = list_dir (dir);
  g_string_append (expected, ".goutputstream-Q1W2E3 .meshwork-tmp-Dir001 .meshwork-tmp-Fresh1 "
                   ".meshwork-tmp-Link01 ");
  if (geteuid () == 0)
    g_string_append (expected, ".meshwork-tmp-Theirs ");
  g_string_append (expected, ".meshwork-tmp-abc .meshwork-tmp-abcdefg net.gv notes.txt.Xy12Zz");
  g_assert_cmpstr (names, ==, expected->str);
  g_string_free (expected, TRUE);
  mw_test_remove_tree (dir);
}

/* A full disk, in this process only: a 64 KiB tmpfs over DIR in a mount
 * namespace of its own (as root, or in a user namespace), else a 64 KiB
 * file size limit (EFBIG rather than ENOSPC, the same failure path).
 * Returns whether the failure is ENOSPC. */
static gboolean
make_disk_small (const char *dir)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint)geteuid ());
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint)getegid ());

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0
          || !g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL)
          || !g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL)
          || !g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL))
        goto no_mount;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0
      && mount ("tmpfs", dir, "tmpfs", 0, SMALL_DISK) == 0)
    return TRUE;

no_mount:
  g_test_message ("no tmpfs here (%s): a file size limit instead", g_strerror (errno));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  return FALSE;
}

static void
assert_write_error (const GError *error,
                    const char   *name,
                    gboolean      nospc)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (nospc)
    g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
full_disk_write (const char *dir,
                 gboolean    nospc)
{
  g_autofree char *path = g_build_filename (dir, "net.gv", NULL);
  g_autofree char *big = g_malloc0 (256 * 1024);
  g_autofree char *names = NULL;
  g_autoptr(GError) error = NULL;

  memset (big, 'x', 256 * 1024 - 1);
  g_assert_true (mw_write_file (path, "digraph { old }\n", 16, NULL));
  g_assert_false (mw_write_file (path, big, 256 * 1024, &error));
  assert_write_error (error, "net.gv", nospc);
  assert_contents (path, "digraph { old }\n");
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "net.gv");
}

static void
full_disk_export (const char *dir,
                  gboolean    nospc)
{
  g_autofree char *path = g_build_filename (dir, "net.png", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwNetwork) network = mw_dot_load_file (source, NULL, NULL);
  g_autoptr(MwRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  MwExportOptions options;

  g_assert_nonnull (network);
  renderer = mw_renderer_new (network);
  mw_export_options_init (&options, MW_EXPORT_PNG);
  options.scale = 4;  /* over 64 KiB */

  g_assert_true (mw_write_file (path, "old png\n", 8, NULL));
  g_assert_false (mw_export_to_file (renderer, path, &options, &error));
  assert_write_error (error, "net.png", nospc);
  assert_contents (path, "old png\n");
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "net.gv net.png");
}

static void
full_disk_draft (const char *dir,
                 gboolean    nospc)
{
  g_autofree char *folder = g_build_filename (dir, "drafts", NULL);
  g_autoptr(MwDrafts) drafts = mw_drafts_new (folder);
  g_autofree char *id = mw_drafts_new_id (drafts);
  g_autofree char *draft = g_strconcat (folder, "/", id, ".dot", NULL);
  g_autoptr(GBytes) small = g_bytes_new_static ("digraph { draft }\n", 18);
  g_autofree char *big = g_malloc0 (256 * 1024);
  g_autoptr(GBytes) large = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;

  mw_drafts_write_async (drafts, id, NULL, NULL, "Draft", small, NULL, mw_test_store_result_cb, &first);
  g_assert_true (mw_drafts_write_finish (drafts, mw_test_wait_result (&first), &error));
  g_assert_no_error (error);
  names = list_dir (folder);

  memset (big, 'x', 256 * 1024 - 1);
  large = g_bytes_new_take (g_steal_pointer (&big), 256 * 1024);
  mw_drafts_write_async (drafts, id, NULL, NULL, "Draft", large, NULL, mw_test_store_result_cb, &second);
  g_assert_false (mw_drafts_write_finish (drafts, mw_test_wait_result (&second), &error));
  assert_write_error (error, id, nospc);
  assert_contents (draft, "digraph { draft }\n");
  expected = g_strdup (names);
  g_clear_pointer (&names, g_free);
  names = list_dir (folder);
  g_assert_cmpstr (names, ==, expected);
}

static void
full_disk_document (const char *dir,
                    gboolean    nospc)
{
  g_autofree char *path = g_build_filename (dir, "saved.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MwDocument) document = mw_document_new ();
  g_autoptr(MwNetwork) network = big_network (5000);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_true (mw_write_file (path, "digraph { old }\n", 16, NULL));
  mw_document_replace_network (document, network, file, NULL);
  mw_document_save_async (document, NULL, NULL, mw_test_store_result_cb, &result);
  g_assert_false (mw_document_save_finish (document, mw_test_wait_result (&result), &error));
  assert_write_error (error, "saved.gv", nospc);
  g_assert_null (strstr (strstr (error->message, "saved.gv") + 1, "saved.gv"));
  assert_contents (path, "digraph { old }\n");
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "drafts net.gv net.png saved.gv");
}

/* Save, export and draft on a full disk: an error naming the file, the
 * old file intact, no temporary. */
static void
test_full_disk (void)
{
  g_autofree char *dir = NULL;
  gboolean nospc;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  dir = mw_test_make_dir ("mw-file");
  nospc = make_disk_small (dir);
  full_disk_write (dir, nospc);
  full_disk_export (dir, nospc);
  full_disk_draft (dir, nospc);
  full_disk_document (dir, nospc);

  if (nospc)
    {
      g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
    }
  else
    mw_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  const char *child = g_getenv ("MW_FILE_CHILD");

  if (child != NULL && argc == 2)
    {
      if (g_str_equal (child, "new-files"))
        return child_new_files (argv[1]);
      if (g_str_equal (child, "overwrite"))
        return child_overwrite (argv[1]);
      if (g_str_equal (child, "document"))
        return child_document (argv[1]);
      return 2;
    }

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/kill-9/new-files", test_kill_new_files);
  g_test_add_func ("/file/kill-9/overwrite", test_kill_overwrite);
  g_test_add_func ("/file/kill-9/document-save", test_kill_document_save);
  g_test_add_func ("/file/sweep", test_sweep);
  g_test_add_func ("/file/full-disk", test_full_disk);
  return g_test_run ();
}
