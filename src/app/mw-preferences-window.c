/* mw-preferences-window.c: the preferences
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-preferences-window.h"

struct _MwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MwPreferencesWindow, mw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
style_row_cb (MwPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "style-variant", adw_combo_row_get_selected (self->style_row));
}

static void
mw_preferences_window_dispose (GObject *object)
{
  MwPreferencesWindow *self = (MwPreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (mw_preferences_window_parent_class)->dispose (object);
}

static void
mw_preferences_window_class_init (MwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/meshwork/Meshwork/mw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MwPreferencesWindow, style_row);
}

static void
mw_preferences_window_init (MwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mw_a11y_name_combo_row (self->style_row);
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Preferences"));

  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  adw_combo_row_set_selected (self->style_row, g_settings_get_enum (self->settings, "style-variant"));
  g_signal_connect_object (self->style_row, "notify::selected",
                           G_CALLBACK (style_row_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
mw_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (MW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
