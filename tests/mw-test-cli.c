/* mw-test-cli.c: running meshwork-cli from a test, as a user runs it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "mw-test-cli.h"

void
mw_test_run_clear (MwTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs in the child between fork and exec: only async-signal-safe calls. */
static void
limit_file_size_cb (gpointer user_data)
{
  const MwTestCliOptions *options = user_data;
  struct rlimit limit = { options->max_file_size, options->max_file_size };

  /* a write past the limit then fails with EFBIG, as on a full disk,
   * instead of killing the child with SIGXFSZ */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_cli_va (MwTestRun              *run,
            const MwTestCliOptions *options,
            const char             *first,
            va_list                 ap)
{
  static const MwTestCliOptions defaults = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;

  if (options == NULL)
    options = &defaults;

  g_assert_nonnull (g_getenv ("MESHWORK_CLI"));
  g_ptr_array_add (args, (gpointer)g_getenv ("MESHWORK_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  g_ptr_array_add (args, NULL);

  if (options->stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  if (options->stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, options->stdin_path);
  if (options->stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, options->stdout_path);
  if (options->max_file_size > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size_cb, (gpointer)options, NULL);
  for (guint i = 0; options->env != NULL && options->env[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (options->env[i], strcspn (options->env[i], "="));
      const char *value = options->env[i] + strlen (name);

      g_subprocess_launcher_setenv (launcher, name, *value == '=' ? value + 1 : "", TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL,
                                 options->stdout_path == NULL ? &run->out : NULL, &run->err, &error);
  g_assert_no_error (error);
  if (run->out == NULL)
    run->out = g_strdup ("");
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

void
mw_test_run_cli (MwTestRun *run,
                 ...)
{
  va_list ap;
  const char *first;

  va_start (ap, run);
  first = va_arg (ap, const char *);
  run_cli_va (run, NULL, first, ap);
  va_end (ap);
}

void
mw_test_run_cli_full (MwTestRun              *run,
                      const MwTestCliOptions *options,
                      ...)
{
  va_list ap;
  const char *first;

  va_start (ap, options);
  first = va_arg (ap, const char *);
  run_cli_va (run, options, first, ap);
  va_end (ap);
}

char *
mw_test_cli_output (int        *status,
                    const char *first,
                    ...)
{
  MwTestRun run = { 0 };
  va_list ap;

  va_start (ap, first);
  run_cli_va (&run, NULL, first, ap);
  va_end (ap);

  *status = run.status;
  g_free (run.err);
  return run.out;
}
