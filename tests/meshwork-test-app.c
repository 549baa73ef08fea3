/* meshwork-test-app.c: Meshwork with its test hooks, for tests that run it as a process
 *
 * The same application as meshwork, driven from the environment, because
 * tests/test-app-drafts.c cannot reach into a process it kills:
 *   MESHWORK_DRAFT_INTERVAL_MS=MS  drafts are written MS after an edit
 *   MESHWORK_RECOVER=restore       every draft is restored without asking
 *   MESHWORK_TEST_SCRIPT=STEPS     steps separated by `;` run on the window:
 *     `wait:MS`, `add:ID` (an undoable "Add Actor" edit), `save:PATH`,
 *     `import:PATH` (the import dialog on a people file, for screenshots),
 *     `compare:PATH` (compares the window's network with PATH once it has
 *     loaded, for screenshots and demos), `asked` (waits until a message
 *     dialog, such as the offer of drafts, is up and has the keyboard, so
 *     the test can press a key in it), `page` (waits until no message dialog
 *     is left, then prints `page NAME…`: what the main stack of each window
 *     shows, sorted), `quit`.
 *     Each step done is printed on stdout.
 *   MESHWORK_COMPARE=FILE          compares what opens with FILE (for
 *                                  screenshots and demos): a first step
 *                                  `compare:FILE`
 * Unset, they do nothing. meshwork itself reads none of them
 * (tests/test-no-back-doors.sh checks it).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-application.h"
#include "mw-recovery.h"
#include "mw-window.h"

typedef struct
{
  GtkApplication *application;
  GStrv           steps;
  guint           next;
} Script;

/* The window the last draft went into, else the active one. */
static MwWindow *
script_window (Script *script)
{
  GtkWindow *window = mw_recovery_get_last_restored ();

  if (window == NULL)
    window = gtk_application_get_active_window (script->application);
  return MW_WINDOW (window);
}

static void
script_add (MwWindow   *window,
            const char *id)
{
  MwHistory *history = mw_document_get_history (mw_window_get_document (window));
  MwEdit *edit = mw_history_begin (history, "Add Actor");

  mw_edit_add_actor (edit, id, id, MW_ACTOR_PERSON, NULL);
  mw_history_commit (history, edit);
}

/* Saving is done once the document is clean; until then, FALSE. */
static gboolean
script_save (MwWindow   *window,
             const char *path)
{
  if (!mw_document_get_modified (mw_window_get_document (window)))
    return TRUE;
  if (mw_window_get_n_pending (window) == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      mw_window_save_to_file (window, file);
    }
  return FALSE;
}

/* Compares once what the window opens has loaded; until then, FALSE. */
static gboolean
script_compare (MwWindow   *window,
                const char *path)
{
  g_autoptr(GFile) other = NULL;

  if (mw_window_get_n_pending (window) > 0)
    return FALSE;
  other = g_file_new_for_commandline_arg (path);
  mw_window_compare_with_file (window, other);
  return TRUE;
}

/* The message dialog shown, if any (they are toplevels of their own). */
static GtkWindow *
shown_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Done once a dialog is up and active: a key pressed now goes to it. */
static gboolean
script_asked (void)
{
  GtkWindow *dialog = shown_dialog ();

  return dialog != NULL && gtk_window_is_active (dialog);
}

/* The visible child of a window's main stack, read from the widgets: the
 * stack is the start page's nearest stack. */
static const char *
visible_page (MwWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (mw_window_get_start_page (window), GTK_TYPE_STACK);

  g_assert (stack != NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Prints what each window shows, once no dialog is left to answer. */
static gboolean
script_page (Script *script)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *line = NULL;

  if (shown_dialog () != NULL)
    return FALSE;
  for (GList *l = gtk_application_get_windows (script->application); l != NULL; l = l->next)
    if (MW_IS_WINDOW (l->data))
      g_ptr_array_add (names, (gpointer)visible_page (l->data));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  line = g_strjoinv (" ", (char **)names->pdata);
  g_print ("page %s\n", line);
  return TRUE;
}

static gboolean
script_step_cb (gpointer user_data)
{
  Script *script = user_data;
  MwWindow *window = script_window (script);
  const char *step = script->steps[script->next];
  gboolean done = TRUE;
  guint delay = 0;

  if (step == NULL)
    return G_SOURCE_REMOVE;

  if (g_str_has_prefix (step, "wait:"))
    delay = (guint)g_ascii_strtoull (step + 5, NULL, 10);
  else if (g_str_has_prefix (step, "add:"))
    script_add (window, step + 4);
  else if (g_str_has_prefix (step, "import:"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (step + 7);

      mw_window_import_file (window, file);
    }
  else if (g_str_has_prefix (step, "save:"))
    done = script_save (window, step + 5);
  else if (g_str_has_prefix (step, "compare:"))
    done = script_compare (window, step + 8);
  else if (g_str_equal (step, "asked"))
    done = script_asked ();
  else if (g_str_equal (step, "page"))
    done = script_page (script);
  else if (g_str_equal (step, "quit"))
    g_application_quit (G_APPLICATION (script->application));

  if (!done)
    {
      /* Look again soon. */
      g_timeout_add (50, script_step_cb, script);
      return G_SOURCE_REMOVE;
    }

  g_print ("done %s\n", step);
  fflush (stdout);
  script->next++;
  g_timeout_add (delay, script_step_cb, script);
  return G_SOURCE_REMOVE;
}

/* After the application's own activate or open, so after the offer of
 * drafts: once per process. */
static void
start_script_cb (GApplication *application)
{
  /* Lives as long as the process: tests kill it or it quits. */
  static Script script;
  const char *text = g_getenv ("MESHWORK_TEST_SCRIPT");
  const char *compare = g_getenv ("MESHWORK_COMPARE");
  g_autoptr(GStrvBuilder) steps = NULL;

  if (script.steps != NULL)
    return;

  steps = g_strv_builder_new ();
  if (compare != NULL && *compare != '\0')
    {
      g_autofree char *step = g_strconcat ("compare:", compare, NULL);

      g_strv_builder_add (steps, step);
    }
  if (text != NULL && *text != '\0')
    {
      g_auto(GStrv) split = g_strsplit (text, ";", -1);

      g_strv_builder_addv (steps, (const char **)split);
    }
  script.steps = g_strv_builder_end (steps);
  if (script.steps[0] == NULL)
    return;

  script.application = GTK_APPLICATION (application);
  g_idle_add (script_step_cb, &script);
}

static void
set_hooks (void)
{
  const char *interval = g_getenv ("MESHWORK_DRAFT_INTERVAL_MS");
  guint64 value = 0;

  if (interval != NULL && g_ascii_string_to_unsigned (interval, 10, 1, 3600000, &value, NULL))
    mw_recovery_set_draft_interval ((guint)value);
  if (g_strcmp0 (g_getenv ("MESHWORK_RECOVER"), "restore") == 0)
    mw_recovery_set_policy (MW_RECOVERY_RESTORE_ALL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MwApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  set_hooks ();
  /* Settings live in memory under test, so every run would be a first
   * start: the scripts expect a later one, as after a crash. */
  settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_settings_set_boolean (settings, "first-run", FALSE);
  app = mw_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (start_script_cb), NULL);
  g_signal_connect_after (app, "open", G_CALLBACK (start_script_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
