/* mw-file.c: writing files without ever leaving half of one, or a temporary
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "mw-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mw-file.h"

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Devices, pipes and standard output are written where they are. */
static gboolean
write_in_place (int          fd,
                const char  *path,
                const char  *data,
                gsize        length,
                GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return set_write_error (error, path, errno);

      data += written;
      length -= written;
    }

  return TRUE;
}

static gboolean
write_special (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return set_write_error (error, path, errno);

  ok = write_in_place (fd, path, data, length, error);
  if (close (fd) != 0 && ok)
    return set_write_error (error, path, errno);

  return ok;
}

static gboolean
is_our_temporary (const char *name)
{
  gsize prefix = strlen (MW_FILE_TEMP_PREFIX);

  if (!g_str_has_prefix (name, MW_FILE_TEMP_PREFIX) || strlen (name) != prefix + 6)
    return FALSE;
  for (const char *p = name + prefix; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* Nothing in a folder becomes stale sooner than a minute after it was last
 * swept, and reading a big folder costs more than a small write: each
 * process sweeps a folder at most once a minute. */
static gboolean
sweep_due (const char *folder)
{
  static GMutex lock;
  static GHashTable *last_sweep;  /* folder → monotonic seconds */
  gint64 now = g_get_monotonic_time () / G_USEC_PER_SEC;
  gpointer last;
  gboolean due;

  g_mutex_lock (&lock);
  if (last_sweep == NULL)
    last_sweep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  due = !g_hash_table_lookup_extended (last_sweep, folder, NULL, &last)
        || now - GPOINTER_TO_SIZE (last) >= MW_FILE_STALE_SECONDS;
  if (due)
    g_hash_table_insert (last_sweep, g_strdup (folder), GSIZE_TO_POINTER (now));
  g_mutex_unlock (&lock);
  return due;
}

/* A write killed between creating its named temporary and renaming it
 * leaves the temporary behind: ours only (name, owner, a regular file), and
 * only once no live write can still be using it. */
static void
sweep_stale_temporaries (const char *folder)
{
  DIR *dir = opendir (folder);
  gint64 stale = g_get_real_time () / G_USEC_PER_SEC - MW_FILE_STALE_SECONDS;
  struct dirent *entry;

  if (dir == NULL)
    return;

  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;

      if (!is_our_temporary (entry->d_name)
          || fstatat (dirfd (dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0
          || !S_ISREG (st.st_mode) || st.st_uid != geteuid () || st.st_mtime > stale)
        continue;
      if (unlinkat (dirfd (dir), entry->d_name, 0) != 0 && errno != ENOENT)
        g_debug ("Could not remove the stale temporary %s/%s: %s", folder, entry->d_name, g_strerror (errno));
    }
  closedir (dir);
}

static char *
random_temporary_name (const char *folder)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char suffix[7];

  for (guint i = 0; i < 6; i++)
    suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  suffix[6] = '\0';
  return g_strconcat (folder, G_DIR_SEPARATOR_S MW_FILE_TEMP_PREFIX, suffix, NULL);
}

/* Gives the unnamed file FD the name NAME; errno tells why not. */
static gboolean
link_unnamed (int         fd,
              const char *name)
{
  char proc[64];

  /* AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; /proc works for anyone. */
  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
    return TRUE;
  if (errno == EEXIST)
    return FALSE;
  return linkat (fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0;
}

/* The old file stays as NAME~, a second name of the same inode when the
 * filesystem allows it, else a copy. */
static gboolean
make_backup (const char  *target,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *old = NULL;
  gsize length = 0;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_write_error (error, backup, errno);
  if (link (target, backup) == 0)
    return TRUE;
  if (!g_file_get_contents (target, &old, &length, error))
    return FALSE;
  return mw_write_file (backup, old, length, error);
}

/* TEMP holds the whole new file: it becomes TARGET. */
static gboolean
rename_over (const char    *temp,
             const char    *target,
             gboolean       existed,
             MwWriteFlags   flags,
             GError       **error)
{
  if (existed && (flags & MW_WRITE_BACKUP) && !make_backup (target, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, target) != 0)
    {
      int saved_errno = errno;
      g_unlink (temp);
      return set_write_error (error, target, saved_errno);
    }
  return TRUE;
}

/* Everything but the name: data, then (over an old file) its permissions
 * and a sync, so that the rename never shows an empty file after a crash. */
static gboolean
fill (int          fd,
      const char  *target,
      const char  *data,
      gsize        length,
      int          mode,
      gboolean     existed,
      GError     **error)
{
  if (!write_in_place (fd, target, data, length, error))
    return FALSE;
  if (existed && (fchmod (fd, mode) != 0 || fsync (fd) != 0))
    return set_write_error (error, target, errno);
  return TRUE;
}

/* The fallback where O_TMPFILE is missing: a named temporary, which a
 * kill -9 can leave behind until the next sweep. */
static gboolean
write_named (const char    *folder,
             const char    *target,
             const char    *data,
             gsize          length,
             int            mode,
             gboolean       existed,
             MwWriteFlags   flags,
             GError       **error)
{
  g_autofree char *temp = g_strconcat (folder, G_DIR_SEPARATOR_S MW_FILE_TEMP_PREFIX "XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, mode);
  gboolean ok;

  if (fd < 0)
    return set_write_error (error, target, errno);

  ok = fill (fd, target, data, length, mode, existed, error);
  if (close (fd) != 0 && ok)
    ok = set_write_error (error, target, errno);
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  return rename_over (temp, target, existed, flags, error);
}

/* O_TMPFILE: the file has no name until it is complete, so a write killed
 * half-way leaves nothing. Over an old file it is linked under a temporary
 * name and renamed (linkat cannot replace), an instant a kill -9 rarely
 * hits and the sweep covers. Returns -1 when the filesystem cannot. */
static int
write_unnamed (const char    *folder,
               const char    *target,
               const char    *data,
               gsize          length,
               int            mode,
               gboolean       existed,
               MwWriteFlags   flags,
               GError       **error)
{
  g_autofree char *temp = NULL;
  int fd = -1;

#ifdef O_TMPFILE
  fd = open (folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
#endif
  if (fd < 0)
    return -1;

  if (!fill (fd, target, data, length, mode, existed, error))
    {
      close (fd);
      return FALSE;
    }

  if (existed || !link_unnamed (fd, target))
    {
      for (guint tries = 0; tries < 100; tries++)
        {
          g_autofree char *name = random_temporary_name (folder);

          if (link_unnamed (fd, name))
            {
              temp = g_steal_pointer (&name);
              break;
            }
          if (errno != EEXIST)
            break;
        }
      if (temp == NULL)
        {
          /* No /proc and no CAP_DAC_READ_SEARCH: the named way. */
          close (fd);
          return -1;
        }
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;
      if (temp != NULL)
        g_unlink (temp);
      return set_write_error (error, target, saved_errno);
    }
  if (temp != NULL)
    return rename_over (temp, target, existed, flags, error);
  return TRUE;
}

/**
 * mw_write_file:
 * @path: a file name, or "-" for standard output
 *
 * mw_write_file_full() without a backup.
 */
gboolean
mw_write_file (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  return mw_write_file_full (path, data, length, MW_WRITE_NONE, error);
}

/**
 * mw_write_file_full:
 * @path: a file name, or "-" for standard output
 *
 * A regular file, new or old, is replaced atomically: the data goes to a
 * file in the same folder that has no name until it is complete
 * (O_TMPFILE; a named temporary where the filesystem has none), which then
 * takes the file's name, so a failure (a full disk, a crash) leaves the old
 * file as it was and no temporary. Our temporaries that a killed write left
 * in the folder more than %MW_FILE_STALE_SECONDS ago go first (at most
 * once a minute per folder). The old
 * file's permissions are kept, and a symbolic link is followed rather than
 * replaced. Anything else — /dev/null, a pipe, a terminal — is written in
 * place: renaming over it would replace the device itself.
 */
gboolean
mw_write_file_full (const char    *path,
                    const char    *data,
                    gsize          length,
                    MwWriteFlags   flags,
                    GError       **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  gboolean existed = FALSE;
  int mode = 0666;
  GStatBuf st;
  int ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_str_equal (path, "-"))
    return write_in_place (STDOUT_FILENO, "<stdout>", data, length, error);

  target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);

  if (g_stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        return write_special (target, data, length, error);
      mode = st.st_mode & 07777;
      existed = TRUE;
    }

  folder = g_path_get_dirname (target);
  if (sweep_due (folder))
    sweep_stale_temporaries (folder);

  ok = write_unnamed (folder, target, data, length, mode, existed, flags, error);
  if (ok >= 0)
    return ok;
  return write_named (folder, target, data, length, mode, existed, flags, error);
}
