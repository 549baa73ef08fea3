/* mw-entry-row.c: a list row with a title and a text field a screen reader can follow
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwEntryRow (libadwaita 1.2 on GTK 4.8) focuses an inner GtkText that has
 * no accessible object of its own, so a screen reader is never told that
 * the field has focus. A GtkEntry reports its focus, so this row puts one
 * beside its title. Like AdwEntryRow it is a GtkEditable, offers an apply
 * button once the user has typed something new, emits "apply" on Enter or
 * a click of that button, and takes `<child type="suffix">` in templates.
 * Its title label can join a size group, so a column of rows lines up.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mw-entry-row.h"

struct _MwEntryRow
{
  AdwPreferencesRow  parent_instance;

  GtkWidget    *title_label;
  GtkWidget    *entry;
  GtkWidget    *suffixes;
  GtkWidget    *apply_button;
  gboolean      show_apply_button;
  char         *shown_text;   /* what the row showed or applied last */
};

static void mw_entry_row_editable_init  (GtkEditableInterface *iface);
static void mw_entry_row_buildable_init (GtkBuildableIface    *iface);

static GtkBuildableIface *parent_buildable_iface;

G_DEFINE_FINAL_TYPE_WITH_CODE (MwEntryRow, mw_entry_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, mw_entry_row_editable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, mw_entry_row_buildable_init))

enum
{
  PROP_0,
  PROP_SHOW_APPLY_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
mw_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (MW_ENTRY_ROW (editable)->entry);
}

static void
mw_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = mw_entry_row_get_delegate;
}

static void
mw_entry_row_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  MwEntryRow *self = MW_ENTRY_ROW (buildable);

  if (g_strcmp0 (type, "suffix") == 0 && self->suffixes != NULL)
    gtk_box_append (GTK_BOX (self->suffixes), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
mw_entry_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = mw_entry_row_add_child;
}

static void
update_apply_button (MwEntryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_widget_set_visible (self->apply_button,
                          self->show_apply_button && g_strcmp0 (text, self->shown_text) != 0);
}

static void
text_changed_cb (MwEntryRow *self)
{
  /* Text set while the user is elsewhere is the row's value, not an edit. */
  if (!(gtk_widget_get_state_flags (self->entry) & GTK_STATE_FLAG_FOCUS_WITHIN))
    {
      g_free (self->shown_text);
      self->shown_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
    }
  update_apply_button (self);
}

static void
apply_cb (MwEntryRow *self)
{
  g_free (self->shown_text);
  self->shown_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  update_apply_button (self);
  g_signal_emit (self, signals[SIGNAL_APPLY], 0);
}

/* The title shows beside the field and names it for a screen reader. */
static void
title_changed_cb (MwEntryRow *self)
{
  gtk_label_set_text (GTK_LABEL (self->title_label),
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
}

static void
mw_entry_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MwEntryRow *self = MW_ENTRY_ROW (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      if (self->show_apply_button != g_value_get_boolean (value))
        {
          self->show_apply_button = g_value_get_boolean (value);
          update_apply_button (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_entry_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MwEntryRow *self = MW_ENTRY_ROW (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      g_value_set_boolean (value, self->show_apply_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_entry_row_dispose (GObject *object)
{
  MwEntryRow *self = MW_ENTRY_ROW (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_ENTRY_ROW);
  self->title_label = NULL;
  self->entry = NULL;
  self->apply_button = NULL;
  self->suffixes = NULL;

  G_OBJECT_CLASS (mw_entry_row_parent_class)->dispose (object);
}

static void
mw_entry_row_finalize (GObject *object)
{
  MwEntryRow *self = MW_ENTRY_ROW (object);

  g_free (self->shown_text);

  G_OBJECT_CLASS (mw_entry_row_parent_class)->finalize (object);
}

static gboolean
mw_entry_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (MW_ENTRY_ROW (widget)->entry);
}

static void
mw_entry_row_class_init (MwEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = mw_entry_row_set_property;
  object_class->get_property = mw_entry_row_get_property;
  object_class->dispose = mw_entry_row_dispose;
  object_class->finalize = mw_entry_row_finalize;
  widget_class->grab_focus = mw_entry_row_grab_focus;

  /**
   * MwEntryRow:show-apply-button:
   *
   * Whether typing something new offers an apply button, as AdwEntryRow's
   * property of the same name.
   */
  properties[PROP_SHOW_APPLY_BUTTON] =
    g_param_spec_boolean ("show-apply-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * MwEntryRow::apply:
   *
   * The user pressed Enter in the field or clicked the apply button.
   */
  signals[SIGNAL_APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MwEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MwEntryRow, entry);
  gtk_widget_class_bind_template_child (widget_class, MwEntryRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, MwEntryRow, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
}

static void
mw_entry_row_init (MwEntryRow *self)
{
  self->shown_text = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

GtkWidget *
mw_entry_row_new (void)
{
  return g_object_new (MW_TYPE_ENTRY_ROW, NULL);
}

void
mw_entry_row_show_text (MwEntryRow *self,
                        const char *text)
{
  g_autofree char *shown = g_strdup (text != NULL ? text : "");

  g_return_if_fail (MW_IS_ENTRY_ROW (self));

  /* Set from a copy: the entry's "changed" replaces shown_text midway. */
  g_free (self->shown_text);
  self->shown_text = g_strdup (shown);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), shown) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), shown);
  g_free (self->shown_text);
  self->shown_text = g_steal_pointer (&shown);
  update_apply_button (self);
}

GtkWidget *
mw_entry_row_get_entry (MwEntryRow *self)
{
  g_return_val_if_fail (MW_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

/* The label showing the title: put it in a GtkSizeGroup with its
 * neighbours' so their fields line up. */
GtkWidget *
mw_entry_row_get_title_label (MwEntryRow *self)
{
  g_return_val_if_fail (MW_IS_ENTRY_ROW (self), NULL);

  return self->title_label;
}
