/* mw-appearance-popover.c: Colour by, Size by, Label by — the appearance of actors
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three dropdowns listing "Default", the actor fields, the file's own
 * attributes and the measures (size: only those with numbers). A choice
 * activates win.color-by, win.size-by or win.label-by, so that the
 * window's history makes it one undo step and scripts can do the same.
 */

#define G_LOG_DOMAIN "meshwork-appearance"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-appearance.h"
#include "mw-appearance-popover.h"

struct _MwAppearancePopover
{
  GtkPopover   parent_instance;

  /* template widgets */
  GtkDropDown *dropdowns[MW_N_APPEARANCE_CHANNELS];

  /* owned */
  MwDocument  *document;
  GStrv        sources[MW_N_APPEARANCE_CHANNELS];  /* by row; "" the default */
  gboolean     refreshing;
};

G_DEFINE_FINAL_TYPE (MwAppearancePopover, mw_appearance_popover, GTK_TYPE_POPOVER)

static const char * const action_names[MW_N_APPEARANCE_CHANNELS] = {
  "win.color-by", "win.size-by", "win.label-by",
};

/* One channel's rows: the default, every source, and the current source
 * even when the network no longer has it. */
static void
refresh_channel (MwAppearancePopover *self,
                 MwNetwork           *network,
                 MwAppearanceChannel  channel)
{
  g_auto(GStrv) listed = mw_appearance_list_sources (network, channel == MW_APPEARANCE_SIZE);
  g_autofree char *current = mw_appearance_get_source (network, channel);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  g_assert (MW_IS_APPEARANCE_POPOVER (self));
  g_strv_builder_add (builder, "");
  g_strv_builder_addv (builder, (const char **)listed);
  if (current != NULL && !g_strv_contains ((const char * const *)listed, current))
    g_strv_builder_add (builder, current);
  g_strfreev (self->sources[channel]);
  self->sources[channel] = g_strv_builder_end (builder);

  gtk_string_list_append (model, _("Default"));
  for (guint i = 1; self->sources[channel][i] != NULL; i++)
    {
      gtk_string_list_append (model, mw_appearance_source_title (self->sources[channel][i]));
      if (g_strcmp0 (self->sources[channel][i], current) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->dropdowns[channel], G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->dropdowns[channel], selected);
}

static void
refresh (MwAppearancePopover *self)
{
  g_assert (MW_IS_APPEARANCE_POPOVER (self));
  if (self->document == NULL)
    return;
  self->refreshing = TRUE;
  for (guint c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    refresh_channel (self, mw_document_get_network (self->document), c);
  self->refreshing = FALSE;
}

static void
selected_cb (MwAppearancePopover *self,
             GParamSpec          *pspec,
             GtkDropDown         *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  g_assert (MW_IS_APPEARANCE_POPOVER (self));
  if (self->refreshing)
    return;
  for (guint c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    if (dropdown == self->dropdowns[c] && self->sources[c] != NULL &&
        selected < g_strv_length (self->sources[c]))
      gtk_widget_activate_action (GTK_WIDGET (self), action_names[c], "s", self->sources[c][selected]);
}

static void
mw_appearance_popover_show (GtkWidget *widget)
{
  refresh (MW_APPEARANCE_POPOVER (widget));
  GTK_WIDGET_CLASS (mw_appearance_popover_parent_class)->show (widget);
}

static void
mw_appearance_popover_dispose (GObject *object)
{
  MwAppearancePopover *self = MW_APPEARANCE_POPOVER (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_APPEARANCE_POPOVER);
  G_OBJECT_CLASS (mw_appearance_popover_parent_class)->dispose (object);
}

static void
mw_appearance_popover_finalize (GObject *object)
{
  MwAppearancePopover *self = MW_APPEARANCE_POPOVER (object);

  for (guint c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    g_strfreev (self->sources[c]);
  G_OBJECT_CLASS (mw_appearance_popover_parent_class)->finalize (object);
}

static void
mw_appearance_popover_class_init (MwAppearancePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_appearance_popover_dispose;
  object_class->finalize = mw_appearance_popover_finalize;
  widget_class->show = mw_appearance_popover_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-appearance-popover.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "color_dropdown", FALSE,
                                             G_STRUCT_OFFSET (MwAppearancePopover, dropdowns[MW_APPEARANCE_COLOR]));
  gtk_widget_class_bind_template_child_full (widget_class, "size_dropdown", FALSE,
                                             G_STRUCT_OFFSET (MwAppearancePopover, dropdowns[MW_APPEARANCE_SIZE]));
  gtk_widget_class_bind_template_child_full (widget_class, "label_dropdown", FALSE,
                                             G_STRUCT_OFFSET (MwAppearancePopover, dropdowns[MW_APPEARANCE_LABEL]));
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
mw_appearance_popover_init (MwAppearancePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The document whose network the dropdowns list and show. */
void
mw_appearance_popover_set_document (MwAppearancePopover *self,
                                    MwDocument          *document)
{
  g_return_if_fail (MW_IS_APPEARANCE_POPOVER (self));
  g_return_if_fail (document == NULL || MW_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    refresh (self);
}

/* (transfer none): a channel's dropdown (the tests press on it). */
GtkDropDown *
mw_appearance_popover_get_dropdown (MwAppearancePopover *self,
                                    guint                channel)
{
  g_return_val_if_fail (MW_IS_APPEARANCE_POPOVER (self), NULL);
  g_return_val_if_fail (channel < MW_N_APPEARANCE_CHANNELS, NULL);
  return self->dropdowns[channel];
}
