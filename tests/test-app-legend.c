/* test-app-legend.c: the legend on the canvas, toggled by its key
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presses win.show-legend's key (read from the application's accelerator
 * table) through XTest on the real window and looks at the canvas's
 * pixels: a card appears in a corner the zoom buttons do not take, in the
 * light and the dark style, and the same key takes it away again.
 */

#include <adwaita.h>

#include "mw-application.h"
#include "mw-render-legend.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwApplication *app;
  MwWindow      *window;
  MwCanvas      *canvas;
  GSettings     *settings;
} Fixture;

/* What the canvas shows, as 32-bit pixels. */
typedef struct
{
  guint32 *data;
  int      width;
  int      height;
} Pixels;

static void
pixels_clear (Pixels *p)
{
  g_clear_pointer (&p->data, g_free);
}

static Pixels
canvas_pixels (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Pixels p;

  mw_test_spin (100);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  p.width = gdk_texture_get_width (texture);
  p.height = gdk_texture_get_height (texture);
  p.data = g_new (guint32, (gsize)p.width * p.height);
  gdk_texture_download (texture, (guchar *)p.data, p.width * 4);
  return p;
}

static gboolean changed_box (const Pixels *a, const Pixels *b, GdkRectangle *box);

/* The canvas's pixels once two looks in a row agree (a fit or an
 * animation may still be moving the view). */
static Pixels
settled_pixels (Fixture *fixture)
{
  Pixels p = canvas_pixels (fixture);

  for (guint i = 0; i < 30; i++)
    {
      Pixels again = canvas_pixels (fixture);
      GdkRectangle box;
      gboolean moved = again.width != p.width || again.height != p.height || changed_box (&p, &again, &box);

      pixels_clear (&p);
      p = again;
      if (!moved)
        break;
    }
  return p;
}

/* The box around the pixels that differ; FALSE when none do. */
static gboolean
changed_box (const Pixels  *a,
             const Pixels  *b,
             GdkRectangle  *box)
{
  int x1 = G_MAXINT, y1 = G_MAXINT, x2 = -1, y2 = -1;
  int edge = 4;   /* the focus ring a key press shows round the canvas */

  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  for (int y = edge; y < a->height - edge; y++)
    for (int x = edge; x < a->width - edge; x++)
      if (a->data[y * a->width + x] != b->data[y * b->width + x])
        x1 = MIN (x1, x), y1 = MIN (y1, y), x2 = MAX (x2, x), y2 = MAX (y2, y);
  *box = (GdkRectangle) { x1, y1, x2 - x1 + 1, y2 - y1 + 1 };
  return x2 >= 0;
}

static double
luma (guint32 pixel)
{
  /* BGRA in memory, as cairo and GDK's default download have it */
  return (0.0722 * (pixel & 0xff) + 0.7152 * ((pixel >> 8) & 0xff) + 0.2126 * ((pixel >> 16) & 0xff)) / 255;
}

static void
press_legend_key (void)
{
  const MwApplicationAccel *accels;
  guint n, keyval = 0;
  GdkModifierType mods = 0;

  accels = mw_application_get_accels (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (accels[i].action, "win.show-legend"))
      g_assert_true (gtk_accelerator_parse (accels[i].accels[0], &keyval, &mods));
  g_assert_cmpuint (keyval, !=, 0);
  mw_test_press_key (keyval, mods);
}

static gboolean
legend_is (gpointer data)
{
  Fixture *fixture = data;

  return mw_canvas_get_show_legend (fixture->canvas) == g_settings_get_boolean (fixture->settings, "show-legend") &&
         g_settings_get_boolean (fixture->settings, "show-legend") ==
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->canvas), "wanted"));
}

static void
toggle_and_wait (Fixture  *fixture,
                 gboolean  wanted)
{
  g_object_set_data (G_OBJECT (fixture->canvas), "wanted", GINT_TO_POINTER (wanted));
  press_legend_key ();
  g_assert_true (mw_test_wait_for_within (legend_is, fixture, 2000));
  g_assert_cmpint (mw_canvas_get_show_legend (fixture->canvas), ==, wanted);
}

/* Shows and hides the legend by its key; the card sits in a corner, clear
 * of the zoom buttons, its background that of the style. */
static void
check_style (Fixture  *fixture,
             gboolean  dark)
{
  Pixels before, shown, hidden;
  GdkRectangle box;
  int w = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int h = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (fixture->canvas));
  double card;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  mw_test_spin (200);
  before = settled_pixels (fixture);
  toggle_and_wait (fixture, TRUE);
  shown = settled_pixels (fixture);
  g_assert_true (changed_box (&before, &shown, &box));
  g_test_message ("%s: the legend took %d×%d px at %d,%d of %d×%d", dark ? "dark" : "light",
                  box.width, box.height, box.x, box.y, w * scale, h * scale);

  /* a card of some size, 12 px from a side, over the zoom buttons if on their side */
  g_assert_cmpint (box.width, >, 120 * scale);
  g_assert_cmpint (box.height, >, 150 * scale);
  g_assert_true (box.x <= 14 * scale || box.x + box.width >= (w - 14) * scale);
  g_assert_true (box.y <= 14 * scale || box.y + box.height >= (h - 14 - 56) * scale);
  g_assert_false (box.x + box.width >= (w - 14) * scale && box.y + box.height > (h - 56) * scale);

  /* the card's own background, just inside its border */
  card = luma (shown.data[(box.y + box.height - 4 * scale) * shown.width + box.x + 4 * scale]);
  g_test_message ("%s: card background luma %.2f", dark ? "dark" : "light", card);
  if (dark)
    g_assert_cmpfloat (card, <, 0.35);
  else
    g_assert_cmpfloat (card, >, 0.8);

  toggle_and_wait (fixture, FALSE);
  hidden = settled_pixels (fixture);
  g_assert_false (changed_box (&before, &hidden, &box));

  pixels_clear (&before);
  pixels_clear (&shown);
  pixels_clear (&hidden);
}

static void
test_toggle (void)
{
  Fixture fixture = { 0 };
  int sx, sy;

  if (!mw_test_has_xtest ())
    {
      g_test_skip ("no XTest");
      return;
    }
  fixture.app = mw_test_application_new ();
  fixture.window = mw_window_new (GTK_APPLICATION (fixture.app));
  fixture.canvas = mw_window_get_canvas (fixture.window);
  fixture.settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_settings_set_boolean (fixture.settings, "show-legend", FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 900, 640);
  mw_window_open_example (fixture.window);
  gtk_window_present (GTK_WINDOW (fixture.window));
  mw_test_spin (300);
  mw_test_wait_idle (fixture.window);
  g_assert_false (mw_canvas_get_show_legend (fixture.canvas));

  /* keys go to the window under the pointer */
  mw_test_widget_to_screen (GTK_WIDGET (fixture.canvas), 300, 300, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (fixture.canvas));
  mw_test_spin (100);

  check_style (&fixture, FALSE);
  check_style (&fixture, TRUE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_clear_object (&fixture.settings);
  mw_test_destroy_window (g_steal_pointer (&fixture.window));
  g_clear_object (&fixture.app);
}

/* The legend the canvas draws is the one exports draw: one list of
 * entries, and a mapping's own entry shows in it. */
static void
test_entries (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwLegend) legend = mw_legend_new (renderer);
  double w1, h1, w2, h2;
  guint n = mw_legend_get_n_entries (legend);

  g_assert_cmpuint (n, ==, 10);
  mw_legend_measure (legend, &w1, &h1);
  mw_renderer_measure_legend (renderer, &w2, &h2);
  g_assert_cmpfloat (w1, ==, w2);
  g_assert_cmpfloat (h1, ==, h2);
  mw_legend_append (legend, MW_LEGEND_COLOR, 2, "Salary band C");
  g_assert_cmpuint (mw_legend_get_n_entries (legend), ==, n + 1);
  g_assert_cmpstr (mw_legend_get_entry_text (legend, n), ==, "Salary band C");
  mw_legend_measure (legend, &w2, &h2);
  g_assert_cmpfloat (h2, >, h1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app-legend/toggle", test_toggle);
  g_test_add_func ("/app-legend/entries", test_entries);

  return g_test_run ();
}
