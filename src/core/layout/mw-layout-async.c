/* mw-layout-async.c: layout in a `meshwork-cli layout` child process
 *
 * gvc is not thread-safe, and on hostile or huge input it can crash, assert
 * or run for minutes. In a child it can be killed on Cancel or at a time
 * limit, held to a memory limit, and its crash costs the user nothing.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include "mw-dot.h"
#include "mw-limits.h"
#include "mw-layout.h"

typedef struct
{
  GSubprocess *process;
  GCancellable *cancellable;
  gulong cancelled_id;
  guint timeout_id;
  double time_limit;
  gboolean timed_out;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->cancellable, data->cancelled_id);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->process);
  g_free (data);
}

/**
 * mw_layout_find_cli:
 *
 * Returns: (transfer full): the path of the meshwork-cli to start
 */
char *
mw_layout_find_cli (void)
{
  const char *env = g_getenv ("MESHWORK_CLI");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (MESHWORK_BUILD_CLI, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (MESHWORK_BUILD_CLI);

  return g_build_filename (BINDIR, "meshwork-cli", NULL);
}

/* Runs in the child between fork and exec: only async-signal-safe calls. */
static void
limit_memory_cb (gpointer user_data)
{
#ifndef __SANITIZE_ADDRESS__
  /* AddressSanitizer reserves terabytes of shadow memory up front */
  struct rlimit limit = { MW_LAYOUT_MEMORY_LIMIT, MW_LAYOUT_MEMORY_LIMIT };

  setrlimit (RLIMIT_AS, &limit);
#endif
}

static gboolean
timeout_cb (gpointer user_data)
{
  RunData *data = user_data;

  data->timeout_id = 0;
  data->timed_out = TRUE;
  g_subprocess_force_exit (data->process);

  return G_SOURCE_REMOVE;
}

/* May run in any thread; killing the child is all it takes. */
static void
cancelled_cb (GCancellable *cancellable,
              RunData      *data)
{
  g_subprocess_force_exit (data->process);
}

static GHashTable *
positions_from_network (MwNetwork *network)
{
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwLayoutPoint *point;

      if (!actor->has_position)
        continue;
      point = g_new (MwLayoutPoint, 1);
      point->x = actor->x;
      point->y = actor->y;
      g_hash_table_insert (positions, g_strdup (actor->id), point);
    }

  return positions;
}

/* The child's answer can be large: it is parsed off the main thread. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *output = g_object_get_data (G_OBJECT (task), "mw-output");
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;
  GError *error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (output, &length);

  mw_limits_init_default (&limits);
  network = mw_dot_load_data (text, length, "<layout>", &limits, &error);
  if (network == NULL)
    {
      g_prefix_error (&error, _("The layout result could not be read: "));
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, positions_from_network (network), (GDestroyNotify) g_hash_table_unref);
}

static char *
first_line (GBytes *bytes)
{
  g_autofree char *text = NULL;
  char *newline;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return g_strdup (_("no reason given"));
  text = g_strndup (g_bytes_get_data (bytes, NULL), MIN (g_bytes_get_size (bytes), 500));
  if ((newline = strchr (text, '\n')) != NULL)
    *newline = '\0';

  return g_utf8_make_valid (text, -1);
}

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GSubprocess *process = data->process;

  g_subprocess_communicate_finish (process, result, &out, &err, &error);
  g_clear_handle_id (&data->timeout_id, g_source_remove);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (data->timed_out)
    g_task_return_new_error (task, MW_ERROR, MW_ERROR_LIMIT,
                             _("The layout took longer than %g seconds and was stopped"), data->time_limit);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_subprocess_get_if_signaled (process))
    g_task_return_new_error (task, MW_ERROR, MW_ERROR_FAILED,
                             _("The layout engine stopped unexpectedly (%s)"),
                             g_strsignal (g_subprocess_get_term_sig (process)));
  else if (g_subprocess_get_exit_status (process) != 0)
    {
      reason = first_line (err);
      g_task_return_new_error (task, MW_ERROR, MW_ERROR_FAILED, _("The layout failed: %s"), reason);
    }
  else
    {
      g_object_set_data_full (G_OBJECT (task), "mw-output", g_steal_pointer (&out),
                              (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (task, parse_thread);
    }
}

static GSubprocess *
spawn_child (MwLayoutEngine   engine,
             double           time_limit,
             GError         **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *cli = mw_layout_find_cli ();
  char seconds[G_ASCII_DTOSTR_BUF_SIZE];

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, limit_memory_cb, NULL, NULL);

  /* the child's own alarm is a backstop in case this process goes away */
  g_ascii_formatd (seconds, sizeof seconds, "%.0f", ceil (time_limit) + 5);

  return g_subprocess_launcher_spawn (launcher, error, cli, "layout",
                                      "--engine", mw_layout_engine_to_string (engine),
                                      "--time-limit", seconds, "-", "-", NULL);
}

/**
 * mw_layout_run_async:
 *
 * Never blocks: the network is written out as DOT and handed to the child,
 * whose answer is parsed in a worker thread. Nothing in @network changes;
 * apply the result with mw_layout_apply().
 */
void
mw_layout_run_async (MwNetwork           *network,
                     MwLayoutEngine       engine,
                     double               time_limit,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) input = NULL;
  GError *error = NULL;
  RunData *data;
  gsize length;
  char *text;

  g_return_if_fail (MW_IS_NETWORK (network));
  g_return_if_fail (engine < MW_N_LAYOUT_ENGINES);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_layout_run_async);
  data = g_new0 (RunData, 1);
  data->time_limit = time_limit > 0 ? time_limit : MW_LAYOUT_DEFAULT_TIME_LIMIT;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  data->process = spawn_child (engine, data->time_limit, &error);
  if (data->process == NULL)
    {
      g_prefix_error (&error, _("Could not start the layout: "));
      g_task_return_error (task, error);
      return;
    }

  text = mw_dot_save_data (network, &length);
  input = g_bytes_new_take (text, length);
  data->timeout_id = g_timeout_add ((guint) (data->time_limit * 1000), timeout_cb, data);
  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), data, NULL);
    }

  g_subprocess_communicate_async (data->process, input, NULL, communicate_cb, g_steal_pointer (&task));
}

/**
 * mw_layout_run_finish:
 *
 * Returns: (transfer full) (element-type utf8 MwLayoutPoint) (nullable):
 *   id → position, or %NULL with @error (%G_IO_ERROR_CANCELLED on cancel,
 *   %MW_ERROR_LIMIT at the time limit)
 */
GHashTable *
mw_layout_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mw_layout_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
