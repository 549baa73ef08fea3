/* mw-file.c: writing files without ever leaving half of one
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "mw-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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

/**
 * mw_write_file:
 * @path: a file name, or "-" for standard output
 *
 * A regular file, new or old, is replaced atomically: the data goes to a
 * temporary file in the same folder which is then renamed over it, so a
 * failure (a full disk, a crash) leaves the old file as it was. The old
 * file's permissions are kept, and a symbolic link is followed rather than
 * replaced. Anything else — /dev/null, a pipe, a terminal — is written in
 * place: renaming over it would replace the device itself.
 */
gboolean
mw_write_file (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autofree char *target = NULL;
  int mode = 0666;
  GStatBuf st;

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
    }

  return g_file_set_contents_full (target, data, length, G_FILE_SET_CONTENTS_CONSISTENT, mode, error);
}
