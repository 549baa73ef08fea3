/* mw-application.c: the Meshwork application
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-application.h"
#include "mw-canvas.h"
#include "mw-preferences-window.h"
#include "mw-recovery.h"
#include "mw-series-create.h"
#include "mw-series.h"
#include "mw-timeline-view.h"
#include "mw-window.h"

struct _MwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (MwApplication, mw_application, ADW_TYPE_APPLICATION)

/* Every accelerator of the application and its windows, in one table. The
 * canvas's own keys (arrows, Tab, Delete, Escape…) are its widget bindings;
 * none of them is listed here too. */
static const MwApplicationAccel accels[] = {
  { "app.new-window", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.import", { "<Control><Shift>i", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.cut", { "<Control>x", NULL } },
  { "win.copy", { "<Control>c", NULL } },
  { "win.paste", { "<Control>v", NULL } },
  { "win.duplicate", { "<Control>d", NULL } },
  { "win.select-all", { "<Control>a", NULL } },
  { "win.connect", { "<Control>l", NULL } },
  { "win.add-actor", { "<Control>Return", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>1", NULL } },
  { "win.zoom-fit", { "<Control>0", NULL } },
  /* Shift+0 types “)” on many layouts, and GTK matches the key typed. */
  { "win.zoom-selection", { "<Control><Shift>0", "<Control>parenright", NULL } },
  { "win.show-inspector", { "F9", NULL } },
  { "win.show-legend", { "<Alt>l", NULL } },
  { "win.show-table", { "<Control>t", NULL } },
  { "win.arrange::auto", { "<Control><Shift>l", NULL } },
  { "win.focus-pane::next", { "F6", NULL } },
  { "win.focus-pane::previous", { "<Shift>F6", NULL } },
  { "win.tool::select", { "<Alt>1", NULL } },
  { "win.tool::actor", { "<Alt>2", NULL } },
  { "win.tool::tie", { "<Alt>3", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.add-view", { "<Control>F5", NULL } },
  { "win.export", { "<Control><Shift>e", NULL } },
  { "win.export-report", { "<Control><Shift>r", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.compare", { "<Control><Shift>d", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.find-next", { "<Control>g", NULL } },
  { "win.find-previous", { "<Control><Shift>g", NULL } },
};

static void
style_variant_cb (MwApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint variant = g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (variant, G_N_ELEMENTS (schemes) - 1)]);
}

static MwWindow *
new_window (MwApplication *self)
{
  return mw_window_new (GTK_APPLICATION (self));
}

static void
mw_application_activate (GApplication *app)
{
  MwApplication *self = MW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      /* The very first start opens the example, as the README promises;
       * later starts offer the start page. */
      window = GTK_WINDOW (new_window (self));
      if (g_settings_get_boolean (self->settings, "first-run"))
        mw_window_open_example (MW_WINDOW (window));
      else
        mw_window_show_start_page (MW_WINDOW (window));
      g_settings_set_boolean (self->settings, "first-run", FALSE);
    }

  gtk_window_present (window);
  mw_recovery_offer (GTK_APPLICATION (app));
}

/* Plays the change from the snapshot before into @window's once it shows
 * its own: "how it got here", as the timeline's next point. */
typedef struct
{
  MwWindow  *window;    /* (weak) */
  MwNetwork *previous;  /* (owned) */
  gulong     handler;
} MwSnapshotMorph;

static MwSnapshotMorph *
snapshot_morph_new (MwWindow  *window,
                    MwNetwork *previous)
{
  MwSnapshotMorph *morph = g_new0 (MwSnapshotMorph, 1);

  g_set_weak_pointer (&morph->window, window);
  morph->previous = g_object_ref (previous);
  return morph;
}

static void
snapshot_morph_free (gpointer  data,
                     GClosure *closure)
{
  MwSnapshotMorph *morph = data;

  g_clear_weak_pointer (&morph->window);
  g_clear_object (&morph->previous);
  g_free (morph);
}

static gboolean
play_snapshot_change (gpointer data)
{
  MwSnapshotMorph *morph = data;

  if (morph->window != NULL)
    mw_canvas_morph_from (mw_window_get_canvas (morph->window), morph->previous);
  return G_SOURCE_REMOVE;
}

static void
snapshot_morph_free_notify (gpointer data)
{
  snapshot_morph_free (data, NULL);
}

/* The document loaded: the window's canvas has the snapshot now (the
 * window heard first); the change plays once it has been laid out. A
 * file that never loads never calls this: the handler goes with the
 * window's document. */
static void
snapshot_loaded_cb (MwDocument      *document,
                    GParamSpec      *pspec,
                    MwSnapshotMorph *morph)
{
  if (morph->window != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 100, play_snapshot_change,
                        snapshot_morph_new (morph->window, morph->previous),
                        snapshot_morph_free_notify);
  g_signal_handler_disconnect (document, morph->handler);
}

/* The network of the snapshot before @index, when it loaded. */
static MwNetwork *
previous_network (MwTimelineView *view,
                  guint           index)
{
  const MwSnapshot *before;

  if (index == 0)
    return NULL;
  before = mw_series_get_snapshot (mw_timeline_view_get_series (view), index - 1);
  return before != NULL ? before->network : NULL;
}

/* A snapshot already open comes to the front; else it opens in a window.
 * Either way the change from the snapshot before plays on its canvas. */
static void
open_snapshot_cb (MwTimelineView *view,
                  guint           index,
                  GFile          *file,
                  MwApplication  *self)
{
  MwNetwork *previous = previous_network (view, index);
  MwSnapshotMorph *morph;
  MwWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!MW_IS_WINDOW (l->data))
        continue;
      shown = mw_document_get_file (mw_window_get_document (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        {
          gtk_window_present (l->data);
          if (previous != NULL)
            mw_canvas_morph_from (mw_window_get_canvas (l->data), previous);
          return;
        }
    }
  window = new_window (self);
  if (previous != NULL)
    {
      morph = snapshot_morph_new (window, previous);
      morph->handler = g_signal_connect_data (mw_window_get_document (window), "notify::network",
                                              G_CALLBACK (snapshot_loaded_cb), morph,
                                              snapshot_morph_free, G_CONNECT_AFTER);
    }
  mw_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_series (MwApplication *self,
             GFile         *file)
{
  MwTimelineView *view = mw_timeline_view_new (GTK_APPLICATION (self), file);

  g_signal_connect_object (view, "open-snapshot", G_CALLBACK (open_snapshot_cb), self, 0);
  mw_series_create_attach_drop (GTK_WINDOW (view));
  gtk_window_present (GTK_WINDOW (view));
}

/* Each file opens in a window of its own; a series shows its timeline. */
static void
mw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MwApplication *self = MW_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);
      MwWindow *window;

      if (name != NULL && mw_series_is_series_name (name))
        {
          open_series (self, files[i]);
          continue;
        }
      window = new_window (self);

      /* shown first: a CSV file's import dialog stays above its window */
      gtk_window_present (GTK_WINDOW (window));
      mw_window_open_file (window, files[i]);
    }
  g_settings_set_boolean (self->settings, "first-run", FALSE);
  mw_recovery_offer (GTK_APPLICATION (app));
}

static void
mw_application_startup (GApplication *app)
{
  MwApplication *self = MW_APPLICATION (app);

  G_APPLICATION_CLASS (mw_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (style_variant_cb), self, G_CONNECT_SWAPPED);
  style_variant_cb (self);
}

static void
mw_application_dispose (GObject *object)
{
  MwApplication *self = (MwApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mw_application_parent_class)->dispose (object);
}

static void
mw_application_class_init (MwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mw_application_dispose;
  app_class->activate = mw_application_activate;
  app_class->open = mw_application_open;
  app_class->startup = mw_application_startup;
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  MwWindow *window = new_window (user_data);

  mw_window_show_start_page (window);
  gtk_window_present (GTK_WINDOW (window));
}

/* New Series…: the snapshots, then where the series goes. */
static void
new_series_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  mw_series_create_choose (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

/* Each window asks about its own unsaved changes before it goes. */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (mw_preferences_window_new (parent)));
}

/* The installed guide first; an uninstalled build (build-aux/dev run, the
 * tests) reads the copy meson assembles in the build dir. */
static char *
find_help_index (void)
{
  const char *override = g_getenv ("MESHWORK_HELP_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "help", "index.html", NULL);

  if (override != NULL && *override != '\0')
    return g_build_filename (override, "index.html", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  if (g_file_test (MESHWORK_BUILD_HELP, G_FILE_TEST_IS_REGULAR))
    return g_strdup (MESHWORK_BUILD_HELP);
  return NULL;
}

/* Says so in a dialog: F1 that does nothing would look broken. */
static void
show_help_error (GtkWindow  *parent,
                 const char *detail)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Open the User Guide"), detail);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    show_help_error (parent, error->message);
}

/* Opens the HTML guide in the default browser: it needs no yelp. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *path = find_help_index ();
  g_autofree char *uri = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;

  if (path == NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("It is not installed in %s."), PKGDATADIR);

      show_help_error (parent, detail);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (parent != NULL)
    context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                      gtk_widget_get_display (GTK_WIDGET (parent))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, help_launched_cb,
                                           parent != NULL ? g_object_ref (parent) : NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { _("The Meshwork authors"), NULL };
  /* The research the scores rest on (docs/scoring.md, the guide). */
  const char *research[] = {
    "Ancona & Backman, Distributed Leadership — From Pyramids to Networks, MIT Leadership Center (2017)",
    "Freeman, Centrality in social networks (1979) https://doi.org/10.1016/0378-8733(78)90021-7",
    "Krackhardt & Stern, Informal networks and organizational crises (1988) https://doi.org/10.2307/2786835",
    "Latora & Marchiori, Efficient behavior of small-world networks (2001) https://doi.org/10.1103/PhysRevLett.87.198701",
    "Carson, Tesluk & Marrone, Shared leadership in teams (2007) https://doi.org/10.5465/amj.2007.20159921",
    "Hopcroft & Tarjan, Efficient algorithms for graph manipulation (1973) https://doi.org/10.1145/362248.362272",
    NULL
  };
  const char *libraries[] = {
    "Graphviz https://graphviz.org",
    "json-glib https://gitlab.gnome.org/GNOME/json-glib",
    NULL
  };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Meshwork"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Meshwork authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Draw organisational networks and see how distributed their leadership is."),
                        "website", "https://github.com/meshwork/meshwork",
                        "issue-url", "https://github.com/meshwork/meshwork/issues",
                        "developers", developers,
                        "copyright", "© 2026 The Meshwork authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Research the Scores Rest On"), research);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Built With"), libraries);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "new-window", new_window_action },
  { "new-series", new_series_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "help", help_action },
};

static void
mw_application_init (MwApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
}

MwApplication *
mw_application_new (void)
{
  return g_object_new (MW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/meshwork/Meshwork",
                       NULL);
}

/**
 * mw_application_get_accels:
 * @n_accels: (out): the number of actions
 *
 * Returns: (transfer none): every action of the application and its windows
 * that has accelerators, with them, as the application binds them; read-only
 */
const MwApplicationAccel *
mw_application_get_accels (guint *n_accels)
{
  g_return_val_if_fail (n_accels != NULL, NULL);

  *n_accels = G_N_ELEMENTS (accels);
  return accels;
}
