/* mw-test-cli.h: running meshwork-cli from a test, as a user runs it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;   /* the exit status */
  char *out;      /* standard output, UTF-8 ("" when it went to a file) */
  char *err;      /* standard error, UTF-8 */
} MwTestRun;

/* How the child runs; zero-initialise what is not needed. */
typedef struct
{
  const char         *stdin_path;     /* (nullable) standard input from this file */
  const char         *stdout_path;    /* (nullable) standard output to this file, e.g. /dev/full */
  guint64             max_file_size;  /* RLIMIT_FSIZE, 0 for none: a disk that fills up */
  const char * const *env;            /* (nullable) "NAME=VALUE" pairs added to the child's */
} MwTestCliOptions;

void  mw_test_run_clear   (MwTestRun  *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MwTestRun, mw_test_run_clear)

/* Runs $MESHWORK_CLI with the NULL-terminated arguments. */
void  mw_test_run_cli     (MwTestRun  *run,
                           ...) G_GNUC_NULL_TERMINATED;
/* The same, with standard input and output redirected or limits set. */
void  mw_test_run_cli_full (MwTestRun              *run,
                            const MwTestCliOptions *options,
                            ...) G_GNUC_NULL_TERMINATED;
/* The same, for tests that only need the exit status and the output. */
char *mw_test_cli_output  (int        *status,
                           const char *first,
                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
