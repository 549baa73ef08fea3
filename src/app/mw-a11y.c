/* mw-a11y.c: accessible names GTK 4.8 and libadwaita 1.2 leave wrong
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gaps of the toolkit versions Meshwork builds on, each closed in one
 * place: a button with a mnemonic ("Set as _Baseline") is named twice,
 * once with its underscore; a drop-down's button is named by its type
 * ("GtkToggleButton"); list items (a drop-down's, a combo row's) have no
 * name at all (GTK 4.12 adds gtk_list_item_set_accessible_label()), nor
 * has the list in which a combo row shows its choice; and the toolkit's
 * own windows and bars leave icon buttons unnamed: the shortcuts window's
 * search and section buttons, a search bar's close button.
 */

#define G_LOG_DOMAIN "meshwork-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-a11y.h"

static void
name_widget (GtkWidget  *widget,
             const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static gboolean
shows_icon (GtkWidget  *button,
            const char *icon_name)
{
  GtkWidget *child = gtk_widget_get_first_child (button);

  return GTK_IS_IMAGE (child) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (child)), icon_name) == 0;
}

/* The shortcuts window's header: a search toggle and, with several
 * sections, a menu button to choose one. */
static void
name_shortcuts_header (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    name_widget (widget, _("Sections"));
  else if (GTK_IS_TOGGLE_BUTTON (widget) && shows_icon (widget, "edit-find-symbolic"))
    name_widget (widget, _("Search Shortcuts"));
  if (GTK_IS_MENU_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_header (child);
}

static void
name_toolkit_widget (GtkWidget *widget)
{
  /* GTK 4.8 names a button both by its raw label and by the mnemonic
   * label it holds; the latter alone is right. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (GTK_IS_BUTTON (widget) && shows_icon (widget, "window-close-symbolic") &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL)
    name_widget (widget, _("Close Search"));
  else if (GTK_IS_SHORTCUTS_WINDOW (widget) && gtk_window_get_titlebar (GTK_WINDOW (widget)) != NULL)
    name_shortcuts_header (gtk_window_get_titlebar (GTK_WINDOW (widget)));
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  name_toolkit_widget (GTK_WIDGET (g_value_get_object (&values[0])));
  return TRUE;
}

/**
 * mw_a11y_init:
 *
 * Names every mnemonic button of the process, and the toolkit's unnamed
 * icon buttons, as they are shown.
 */
void
mw_a11y_init (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *owner = gtk_widget_get_parent (label);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (label), text);
  if (owner != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/**
 * mw_a11y_string_factory_new:
 *
 * Returns: (transfer full): a factory for a list of #GtkStringObject that
 *   shows each string and names its item with it
 */
GtkListItemFactory *
mw_a11y_string_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}

static void
selected_cb (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "mw-a11y-name");
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  g_autofree char *label = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down's name and its choice, "Type of new ties: Collaborates" */
    label = g_strdup_printf (_("%s: %s"), name,
                             gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : name, -1);
}

/**
 * mw_a11y_name_drop_down:
 * @name: what the drop-down chooses, "Type of new ties"
 *
 * Names the drop-down's button with @name and its choice, kept current,
 * and each of its items with its string.
 */
void
mw_a11y_name_drop_down (GtkDropDown *drop_down,
                        const char  *name)
{
  g_autoptr(GtkListItemFactory) factory = mw_a11y_string_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_object_set_data_full (G_OBJECT (drop_down), "mw-a11y-name", g_strdup (name), g_free);
  gtk_drop_down_set_factory (drop_down, factory);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (selected_cb), NULL);
  selected_cb (drop_down);
}

static void
name_list_views (GtkWidget  *widget,
                 const char *name)
{
  if (GTK_IS_LIST_VIEW (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_list_views (child, name);
}

/* "_Format" → "Format": a title's mnemonic is not part of its name. */
static char *
without_mnemonic (const char *title)
{
  GString *name = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (name, *p == '_' ? *++p : *p);
  return g_string_free (name, FALSE);
}

/**
 * mw_a11y_name_combo_row:
 *
 * Names the combo row's choices, and the list that shows the chosen one,
 * after the row's title.
 */
void
mw_a11y_name_combo_row (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = mw_a11y_string_factory_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  name = without_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_combo_row_set_factory (row, factory);
  name_list_views (GTK_WIDGET (row), name);
}

/**
 * mw_a11y_name_scrollers:
 * @name: what the scrolled content is, "Selection"
 *
 * Names every scrolled window under @root, its own and those inside
 * libadwaita's widgets (a status page scrolls too): screen readers reach
 * them with the focus.
 */
void
mw_a11y_name_scrollers (GtkWidget  *root,
                        const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SCROLLED_WINDOW (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mw_a11y_name_scrollers (child, name);
}


/* A column view's header row is a list item widget of its own, which
 * GTK 4.8 names by its type. */
static void
name_column_headers (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Column Headers"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_column_headers (child);
}

/**
 * mw_a11y_name_list_views:
 * @name: what the list shows, "Data Table"
 *
 * Names every list view under @root (a column view's rows sit in one that
 * GTK 4.8 names by its type) and every column view's header row.
 */
void
mw_a11y_name_list_views (GtkWidget  *root,
                         const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_list_views (root, name);
  name_column_headers (root);
}
