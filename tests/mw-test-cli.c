/* mw-test-cli.c: running meshwork-cli from a test, as a user runs it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-test-cli.h"

void
mw_test_run_clear (MwTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_cli_va (MwTestRun  *run,
            const char *first,
            va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("MESHWORK_CLI"));
  g_ptr_array_add (args, (gpointer)g_getenv ("MESHWORK_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
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
  run_cli_va (run, first, ap);
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
  run_cli_va (&run, first, ap);
  va_end (ap);

  *status = run.status;
  g_free (run.err);
  return run.out;
}
