/* mw-application.c: the Meshwork application
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-application.h"
#include "mw-preferences-window.h"
#include "mw-recovery.h"
#include "mw-window.h"

struct _MwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (MwApplication, mw_application, ADW_TYPE_APPLICATION)

static const char *window_accels[][5] = {
  { "app.new-window", "<Control>n", NULL },
  { "app.quit", "<Control>q", NULL },
  { "app.preferences", "<Control>comma", NULL },
  { "win.open", "<Control>o", NULL },
  { "win.save", "<Control>s", NULL },
  { "win.save-as", "<Control><Shift>s", NULL },
  { "win.close", "<Control>w", NULL },
  { "win.undo", "<Control>z", NULL },
  { "win.redo", "<Control><Shift>z", "<Control>y", NULL },
  { "win.cut", "<Control>x", NULL },
  { "win.copy", "<Control>c", NULL },
  { "win.paste", "<Control>v", NULL },
  { "win.duplicate", "<Control>d", NULL },
  { "win.select-all", "<Control>a", NULL },
  { "win.connect", "<Control>l", NULL },
  { "win.add-actor", "<Control>Return", NULL },
  { "win.zoom-in", "<Control>plus", "<Control>equal", "<Control>KP_Add" },
  { "win.zoom-out", "<Control>minus", "<Control>KP_Subtract", NULL },
  { "win.zoom-reset", "<Control>1", NULL },
  { "win.zoom-fit", "<Control>0", NULL },
  { "win.zoom-selection", "<Control><Shift>0", NULL },
  { "win.show-inspector", "F9", NULL },
  { "win.arrange::auto", "<Control><Shift>l", NULL },
  { "win.tool::select", "<Alt>1", NULL },
  { "win.tool::actor", "<Alt>2", NULL },
  { "win.tool::tie", "<Alt>3", NULL },
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
      window = GTK_WINDOW (new_window (self));
      if (g_settings_get_boolean (self->settings, "first-run"))
        {
          mw_window_open_example (MW_WINDOW (window));
          g_settings_set_boolean (self->settings, "first-run", FALSE);
        }
    }

  gtk_window_present (window);
  mw_recovery_offer (GTK_APPLICATION (app));
}

/* Each file opens in a window of its own. */
static void
mw_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MwApplication *self = MW_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      MwWindow *window = new_window (self);

      mw_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
  g_settings_set_boolean (self->settings, "first-run", FALSE);
  mw_recovery_offer (GTK_APPLICATION (app));
}

static void
mw_application_startup (GApplication *app)
{
  MwApplication *self = MW_APPLICATION (app);

  G_APPLICATION_CLASS (mw_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (window_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), window_accels[i][0],
                                           &window_accels[i][1]);

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
  gtk_window_present (GTK_WINDOW (new_window (user_data)));
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

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  const char *developers[] = { _("The Meshwork authors"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Meshwork"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Meshwork authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Draw organisational networks and see how distributed their leadership is."),
                         "developers", developers,
                         "copyright", "© 2026 The Meshwork authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "new-window", new_window_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
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
