/* mw-cli-common.c: what every meshwork-cli subcommand needs
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-dot.h"
#include "mw-format.h"
#include "mw-limits.h"

/* The sanitizers check that everything is freed before the process ends. */
#if defined(__SANITIZE_ADDRESS__)
#define FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FREE_AT_EXIT 1
#endif
#endif
#ifndef FREE_AT_EXIT
#define FREE_AT_EXIT 0
#endif

static void
wait_at_exit (void)
{
  mw_dot_wait_closed ();
}

/**
 * mw_cli_prepare_exit:
 *
 * Under the sanitizers, the process's end waits for the graphs cgraph
 * closes in the background (mw-dot-graph.c), so that all is freed.
 */
void
mw_cli_prepare_exit (void)
{
  if (FREE_AT_EXIT)
    atexit (wait_at_exit);
}

/**
 * mw_cli_drop_at_exit:
 * @network: (transfer full): the network of a command that is about to end
 *
 * Freeing 600,000 actors and ties one by one is time the user waits for,
 * and the process's end frees them at once: they are left to it. Under the
 * sanitizers the network is freed.
 */
void
mw_cli_drop_at_exit (MwNetwork *network)
{
  if (FREE_AT_EXIT)
    g_object_unref (network);
}

/**
 * mw_cli_load_network:
 * @path: a file, or "-" for standard input
 *
 * Every subcommand reads its network here: DOT or GraphML, as the file's
 * extension says, else as its content does (standard input always by its
 * content; see mw-format.h).
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 */
MwNetwork *
mw_cli_load_network (const char  *path,
                     GError     **error)
{
  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) buffer = g_memory_output_stream_new_resizable ();
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (buffer);

      if (g_output_stream_splice (buffer, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;

      return mw_format_load_data (MW_FORMAT_UNKNOWN, g_memory_output_stream_get_data (memory),
                                  g_memory_output_stream_get_data_size (memory), "<stdin>", NULL,
                                  NULL, error);
    }

  return mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, error);
}

/**
 * mw_cli_save_any:
 * @path: a file whose extension names the format: .gv, .dot or .graphml
 *
 * For the commands whose output format is the user's choice (convert,
 * import): a name that says no format is refused rather than guessed.
 */
gboolean
mw_cli_save_any (MwNetwork   *network,
                 const char  *path,
                 GError     **error)
{
  MwFormat format = mw_format_for_name (path);

  if (format == MW_FORMAT_UNKNOWN)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: cannot tell the format to write (use .gv, .dot or .graphml)"), path);
      return FALSE;
    }
  return mw_format_save_file (format, network, path, error);
}

/* Before a save: what the file had that @out cannot keep, on stderr. */
void
mw_cli_warn_losses (MwNetwork  *network,
                    MwFormat    format,
                    const char *out)
{
  g_autofree char *losses = NULL;

  if (format == MW_FORMAT_UNKNOWN)
    format = mw_format_for_name (out);
  losses = mw_format_describe_losses (format, network);
  if (losses != NULL)
    /* Translators: %s is the output file, then a list such as "the keys of 3 edges" */
    fprintf (stderr, _("meshwork-cli: warning: %s cannot keep %s\n"), out, losses);
}

/* Prints "meshwork-cli: MESSAGE" on stderr and returns MW_CLI_FAILED. */
int
mw_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "meshwork-cli: %s\n", message);
  return MW_CLI_FAILED;
}

void
mw_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* Parses a subcommand's options; on error prints it and returns FALSE. */
gboolean
mw_cli_parse_options (const char    *command,
                      const char    *parameter_string,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  g_autofree char *parameters = g_strdup_printf ("%s %s", command, parameter_string);
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      mw_cli_fail (_("%s: %s (try “meshwork-cli %s --help”)"), command, error->message, command);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  GHashTable *positions;
  GError     *error;
  gboolean    done;
} LayoutWait;

static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LayoutWait *wait = user_data;

  wait->positions = mw_layout_run_finish (result, &wait->error);
  wait->done = TRUE;
}

/**
 * mw_cli_layout_limited:
 *
 * Runs the layout in a child process, as the app does, so that it can be
 * stopped at @time_limit seconds (and a Graphviz crash is not ours).
 *
 * Returns: (transfer full) (nullable): id → position, or %NULL with @error
 */
GHashTable *
mw_cli_layout_limited (MwNetwork       *network,
                       MwLayoutEngine   engine,
                       double           time_limit,
                       GError         **error)
{
  LayoutWait wait = { 0 };

  mw_layout_run_async (network, engine, time_limit, NULL, layout_done_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.positions;
}
