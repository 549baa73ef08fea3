/* mw-cli.h: the subcommands of meshwork-cli
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mw-format.h"
#include "mw-layout.h"
#include "mw-network.h"

G_BEGIN_DECLS

/* Exit codes, documented in the README and the man page. */
enum {
  MW_CLI_OK = 0,
  MW_CLI_PROBLEMS = 1,   /* ran, and found problems in the network */
  MW_CLI_FAILED = 2,     /* unreadable input, bad arguments, cannot write */
};

typedef struct
{
  const char *name;
  const char *arguments;
  const char *summary;
  int       (*run) (int argc, char **argv);
} MwCliCommand;

/* The command table and dispatch (mw-cli-main.c). */
int         mw_cli_main           (int argc, char **argv);

/* Runs in `meshwork-cli layout` just before Graphviz; none in meshwork-cli.
 * The test CLI (tests/meshwork-cli-test.c) makes the child hang or crash. */
typedef void (*MwCliLayoutHook) (void);
void        mw_cli_set_layout_hook (MwCliLayoutHook hook);

/* One line per subcommand; each lives in its own mw-cli-NAME.c. */
int         mw_cli_info           (int argc, char **argv);
int         mw_cli_score          (int argc, char **argv);
int         mw_cli_export         (int argc, char **argv);
int         mw_cli_layout         (int argc, char **argv);
int         mw_cli_template       (int argc, char **argv);
int         mw_cli_import         (int argc, char **argv);
int         mw_cli_convert        (int argc, char **argv);
int         mw_cli_interpret      (int argc, char **argv);
int         mw_cli_table          (int argc, char **argv);
int         mw_cli_series         (int argc, char **argv);
int         mw_cli_report         (int argc, char **argv);

/* Helpers shared by the subcommands (mw-cli-common.c). */
MwNetwork  *mw_cli_load_network   (const char  *path,
                                   GError     **error);
void        mw_cli_prepare_exit   (void);
void        mw_cli_drop_at_exit   (MwNetwork   *network);
int         mw_cli_fail           (const char  *format,
                                   ...) G_GNUC_PRINTF (1, 2);
void        mw_cli_print_json     (JsonNode    *root);
/* By the file's extension: .gv / .dot or .graphml; no other name. */
void        mw_cli_warn_losses    (MwNetwork   *network,
                                   MwFormat     format,
                                   const char  *out);
gboolean    mw_cli_save_any       (MwNetwork   *network,
                                   const char  *path,
                                   GError     **error);
/* Lays out in the layout child, stopped after @time_limit seconds. */
GHashTable *mw_cli_layout_limited (MwNetwork      *network,
                                   MwLayoutEngine  engine,
                                   double          time_limit,
                                   GError        **error);
/* A network without positions laid out as export does (mw-cli-export.c). */
void        mw_cli_lay_out_automatically (MwNetwork  *network,
                                   double       time_limit,
                                   const char  *command);
gboolean    mw_cli_parse_options  (const char    *command,
                                   const char    *parameter_string,
                                   const char    *summary,
                                   GOptionEntry  *entries,
                                   int           *argc,
                                   char        ***argv);

G_END_DECLS
