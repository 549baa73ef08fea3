/* test-app-appearance.c: Colour by, chosen with the pointer, undone with Ctrl+Z
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clicks the header bar's Appearance button through XTest, opens Colour
 * by and clicks "Unit": the canvas's pixels change, the choice is one undo
 * step, and Ctrl+Z brings back the organisations' colours.
 */

#include <adwaita.h>

#include "mw-appearance.h"
#include "mw-appearance-popover.h"
#include "mw-application.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

/* The canvas as drawn now, as bytes. */
static GBytes *
canvas_pixels (MwCanvas *canvas)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride;
  guchar *data;

  mw_test_spin (150);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  stride = (gsize)gdk_texture_get_width (texture) * 4;
  data = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * gdk_texture_get_height (texture));
}

static gboolean
is_appearance_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         MW_IS_APPEARANCE_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)));
}

static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
                            &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
color_is_unit (gpointer data)
{
  return g_strcmp0 (g_hash_table_lookup (mw_network_get_attrs (data), MW_APPEARANCE_COLOR_ATTR), "unit") == 0;
}

static gboolean
color_is_default (gpointer data)
{
  return g_hash_table_lookup (mw_network_get_attrs (data), MW_APPEARANCE_COLOR_ATTR) == NULL;
}

static void
test_color_by_unit (void)
{
  g_autoptr(MwApplication) app = NULL;
  MwWindow *window;
  MwCanvas *canvas;
  MwNetwork *network;
  MwHistory *history;
  GtkWidget *button, *popover, *dropdown, *item;
  g_autoptr(GBytes) before = NULL, colored = NULL, undone = NULL;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;
  /* an application, for its accelerators (Ctrl+Z) */
  app = mw_test_application_new ();
  window = mw_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_spin (300);
  mw_test_wait_idle (window);
  canvas = mw_window_get_canvas (window);
  network = mw_test_network_of (window);
  history = mw_test_history_of (window);
  before = canvas_pixels (canvas);

  button = mw_test_find_widget (GTK_WIDGET (window), is_appearance_button, NULL);
  g_assert_nonnull (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  click_widget (button);
  g_assert_true (mw_test_wait_for_within (is_visible, popover, 3000));

  dropdown = GTK_WIDGET (mw_appearance_popover_get_dropdown (MW_APPEARANCE_POPOVER (popover), MW_APPEARANCE_COLOR));
  mw_test_spin (200);
  click_widget (dropdown);
  mw_test_spin (400);
  item = mw_test_find_label (dropdown, "Unit");
  g_assert_nonnull (item);
  click_widget (item);
  g_assert_true (mw_test_wait_for_within (color_is_unit, network, 3000));
  g_assert_true (mw_history_get_modified (history));
  g_assert_cmpstr (mw_history_get_undo_name (history), ==, "Colour Actors By");

  /* Escape closes the popover; the pointer goes back over the network */
  mw_test_press_key (GDK_KEY_Escape, 0);
  mw_test_spin (200);
  if (gtk_widget_get_mapped (popover))
    mw_test_press_key (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for_within (is_hidden, popover, 3000));
  mw_test_widget_to_screen (GTK_WIDGET (canvas), 20, 20, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (200);
  colored = canvas_pixels (canvas);
  g_assert_false (g_bytes_equal (before, colored));

  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for_within (color_is_default, network, 3000));
  undone = canvas_pixels (canvas);
  g_assert_true (g_bytes_equal (before, undone));

  mw_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/app-appearance/color-by-unit", test_color_by_unit);
  return g_test_run ();
}
