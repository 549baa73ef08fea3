/* mw-presentation-kept.c: the slides kept in a file (Add View to
 * Presentation), in their order: move one up or down, or remove it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change rewrites the network's mw_slides attribute and marks the
 * document as differing from its file, like any edit.
 */

#define G_LOG_DOMAIN "meshwork-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-presentation-kept.h"
#include "mw-slides.h"

struct _MwPresentationKept
{
  AdwWindow   parent_instance;

  GtkWidget  *group;
  GtkWidget  *empty;
  GPtrArray  *rows;       /* the rows shown, to remove them again */

  MwDocument *document;
};

G_DEFINE_FINAL_TYPE (MwPresentationKept, mw_presentation_kept, ADW_TYPE_WINDOW)

static void fill (MwPresentationKept *self);

static GPtrArray *
kept_slides (MwPresentationKept *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *slides;

  g_assert (MW_IS_PRESENTATION_KEPT (self));

  slides = mw_slides_get (mw_document_get_network (self->document), &error);
  if (slides == NULL)
    {
      g_warning ("The kept slides cannot be read: %s", error->message);
      slides = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_saved_slide_free);
    }
  return slides;
}

/* Moves the slide at @index by @delta places; 0 removes it. */
static void
change (MwPresentationKept *self,
        guint               index,
        int                 delta)
{
  g_autoptr(GPtrArray) slides = kept_slides (self);

  g_assert (MW_IS_PRESENTATION_KEPT (self));

  if (index >= slides->len)
    return;
  if (delta == 0)
    g_ptr_array_remove_index (slides, index);
  else if ((int)index + delta >= 0 && index + delta < slides->len)
    {
      gpointer slide = g_ptr_array_steal_index (slides, index);

      g_ptr_array_insert (slides, (int)index + delta, slide);
    }
  else
    return;
  mw_slides_set (mw_document_get_network (self->document), slides);
  mw_document_mark_modified (self->document);
  fill (self);
}

static void
button_clicked_cb (GtkButton          *button,
                   MwPresentationKept *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mw-index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "mw-delta"));

  change (self, index, delta);
}

static GtkWidget *
row_button (MwPresentationKept *self,
            const char         *icon,
            const char         *tooltip,
            guint               index,
            int                 delta,
            gboolean            sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  g_assert (MW_IS_PRESENTATION_KEPT (self));

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "mw-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "mw-delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self, 0);
  return button;
}

static char *
describe (const MwSavedSlide *slide)
{
  guint n_highlight = g_strv_length (slide->highlight), n_without = g_strv_length (slide->without);
  g_autoptr(GString) text = g_string_new (slide->has_area ? _("Part of the network") : _("The whole network"));

  if (n_highlight > 0)
    /* Translators: how much a kept slide highlights, after "Part of the network" */
    g_string_append_printf (text, ngettext (" · %u highlighted", " · %u highlighted", n_highlight), n_highlight);
  if (n_without > 0)
    /* Translators: a kept slide's what-if, after "Part of the network" */
    g_string_append_printf (text, ngettext (" · without %u actor", " · without %u actors", n_without), n_without);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill (MwPresentationKept *self)
{
  g_autoptr(GPtrArray) slides = kept_slides (self);

  g_assert (MW_IS_PRESENTATION_KEPT (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < slides->len; i++)
    {
      const MwSavedSlide *slide = g_ptr_array_index (slides, i);
      g_autofree char *subtitle = describe (slide);
      /* Translators: a kept slide with no title of its own, "Slide 2" */
      g_autofree char *fallback = g_strdup_printf (_("Slide %u"), i + 1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *slide->title != '\0' ? slide->title : fallback);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "go-up-symbolic", _("Move Up"), i, -1, i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "go-down-symbolic", _("Move Down"), i, 1, i + 1 < slides->len));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "user-trash-symbolic", _("Remove"), i, 0, TRUE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty, slides->len == 0);
  gtk_widget_set_visible (self->group, slides->len > 0);
}

static void
mw_presentation_kept_dispose (GObject *object)
{
  MwPresentationKept *self = MW_PRESENTATION_KEPT (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (mw_presentation_kept_parent_class)->dispose (object);
}

static void
mw_presentation_kept_finalize (GObject *object)
{
  MwPresentationKept *self = MW_PRESENTATION_KEPT (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (mw_presentation_kept_parent_class)->finalize (object);
}

static void
mw_presentation_kept_class_init (MwPresentationKeptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_presentation_kept_dispose;
  object_class->finalize = mw_presentation_kept_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mw_presentation_kept_init (MwPresentationKept *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  self->rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Kept Slides"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 420);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Shown in this order after the network’s own slide"));
  self->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "view-presentation-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Kept Slides"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty),
                                   _("Add View to Presentation keeps what the canvas shows as a slide"));
  gtk_widget_set_vexpand (self->empty, TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->group));
  gtk_widget_set_vexpand (page, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), self->empty);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * mw_presentation_kept_new:
 * @document: whose kept slides to show and change
 *
 * Returns: (transfer floating): the dialog, to present
 */
MwPresentationKept *
mw_presentation_kept_new (GtkWindow  *parent,
                          MwDocument *document)
{
  MwPresentationKept *self;

  g_return_val_if_fail (MW_IS_DOCUMENT (document), NULL);

  self = g_object_new (MW_TYPE_PRESENTATION_KEPT, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  fill (self);
  return self;
}
