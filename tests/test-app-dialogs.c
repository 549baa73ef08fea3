/* test-app-dialogs.c: the main menu as users meet it (short, every action
 * still in it, Help among them) and every dialog of the app opened for real
 * with keys and the pointer, under G_DEBUG=fatal-warnings (issue 18)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-application.h"
#include "mw-export-dialog.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

/* What the main menu offered before it was cut into sections and submenus
 * (issue 18): each must stay reachable. */
static const char *previous_actions[] = {
  "app.new-window", "win.new-from-template", "win.open-example", "win.import", "win.save-as",
  "win.undo", "win.redo", "win.cut", "win.copy", "win.paste", "win.duplicate", "win.connect",
  "win.what-if-left", "win.select-all", "win.arrange", "win.export", "win.print",
  "win.copy-image", "win.compare", "win.present", "win.zoom-fit", "win.zoom-selection",
  "app.preferences", "win.show-help-overlay", "app.about",
};

typedef struct {
  MwApplication *app;
  MwWindow      *window;
} Fixture;

/* Every action in @menu and its sections and submenus. */
/* The window's main menu button, on screen. */
static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

static void
collect_actions (GMenuModel *menu,
                 GHashTable *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      char *action = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_hash_table_add (actions, action);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          collect_actions (linked, actions);
        }
    }
}

/* The entries shown when the menu opens: a section's items count, a
 * submenu counts once. */
static guint
count_visible (GMenuModel *menu)
{
  guint n = 0;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      n += section != NULL ? count_visible (section) : 1;
    }
  return n;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int sx, sy;

  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 768);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  mw_test_wait_idle (fixture->window);
  /* Keys go to the window under the pointer. */
  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (fixture->window)), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (mw_window_get_canvas (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mw_test_destroy_window (fixture->window);
  mw_test_run_pending ();
  g_clear_object (&fixture->app);
}

static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The main menu, opened with the pointer. */
static GtkWidget *
open_main_menu (Fixture *fixture)
{
  GtkWidget *button = mw_test_find_widget (GTK_WIDGET (fixture->window), is_main_menu_button, NULL);

  g_assert_nonnull (button);
  /* Without a window manager, focus does not come back to the window when
   * a dialog closes: give it back as one would. */
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (100);
  click_widget (button);
  g_assert_true (mw_test_wait_for_within (popover_shown, button, 3000));
  mw_test_spin (150);
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}

/* Twelve or so entries that fit a 768-pixel screen without scrolling, Help
 * among them, and every action the menu had before. */
static void
test_dialogs_main_menu (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *button;
  GtkWidget *popover;
  GMenuModel *menu;
  int natural;

  if (!mw_test_has_xtest ())
    return;
  fixture_set_up (fixture, data);
  button = mw_test_find_widget (GTK_WIDGET (fixture->window), is_main_menu_button, NULL);
  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  collect_actions (menu, actions);
  for (guint i = 0; i < G_N_ELEMENTS (previous_actions); i++)
    if (!g_hash_table_contains (actions, previous_actions[i]))
      g_test_fail_printf ("%s is no longer in the main menu", previous_actions[i]);
  g_assert_true (g_hash_table_contains (actions, "app.help"));
  g_assert_cmpuint (count_visible (menu), <=, 13);

  popover = open_main_menu (fixture);
  /* A 768-pixel screen less the header bar and the popover's arrow. */
  gtk_widget_measure (popover, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("main menu: %u entries, %d pixels high", count_visible (menu), natural);
  g_assert_cmpint (natural, <=, 768 - 80);
  gtk_popover_popdown (GTK_POPOVER (popover));
  mw_test_spin (100);
  fixture_tear_down (fixture, data);
}

typedef struct {
  MwWindow *main;
  GType     type;
} Wanted;

static GtkWindow *
find_toplevel (Wanted *wanted)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer) wanted->main && G_TYPE_CHECK_INSTANCE_TYPE (l->data, wanted->type) &&
        gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel (data) != NULL;
}

/* Waits for a window of @type, lets it lay out and draw (where GTK warns),
 * then closes it. */
static void
assert_opens (Fixture    *fixture,
              GType       type,
              const char *what)
{
  Wanted wanted = { fixture->window, type };
  GtkWindow *dialog;

  g_test_message ("opening %s", what);
  g_assert_true (mw_test_wait_for_within (toplevel_shown, &wanted, 5000));
  dialog = find_toplevel (&wanted);
  mw_test_spin (400);
  gtk_window_close (dialog);
  mw_test_spin (150);
  g_assert_null (find_toplevel (&wanted));
}

/* Each dialog opened as a user does: no GTK warning (the suite runs with
 * G_DEBUG=fatal-warnings). Keyboard Shortcuts used to warn "GtkLabel
 * reported min width -3" from the page switcher its one two-page section
 * had. The file choosers are native: left out. */
static void
test_dialogs_no_warnings (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *popover;
  GtkWidget *entry;

  if (!mw_test_has_xtest ())
    return;
  fixture_set_up (fixture, data);

  /* About has no key: through the menu, with the pointer. */
  popover = open_main_menu (fixture);
  entry = mw_test_find_label (popover, _("About Meshwork"));
  g_assert_nonnull (entry);
  click_widget (entry);
  assert_opens (fixture, ADW_TYPE_ABOUT_WINDOW, "about");

  /* Keyboard Shortcuts from the menu as well. */
  popover = open_main_menu (fixture);
  entry = mw_test_find_label (popover, _("Keyboard Shortcuts"));
  g_assert_nonnull (entry);
  click_widget (entry);
  assert_opens (fixture, GTK_TYPE_SHORTCUTS_WINDOW, "the keyboard shortcuts from the menu");

  mw_test_press_key (GDK_KEY_question, GDK_CONTROL_MASK);
  assert_opens (fixture, GTK_TYPE_SHORTCUTS_WINDOW, "the keyboard shortcuts with Ctrl+?");

  mw_test_press_key (GDK_KEY_comma, GDK_CONTROL_MASK);
  assert_opens (fixture, ADW_TYPE_PREFERENCES_WINDOW, "the preferences");

  mw_test_press_key (GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  assert_opens (fixture, MW_TYPE_EXPORT_DIALOG, "the export dialog");

  fixture_tear_down (fixture, data);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dialogs/main-menu", Fixture, NULL, NULL, test_dialogs_main_menu, NULL);
  g_test_add ("/dialogs/no-warnings", Fixture, NULL, NULL, test_dialogs_no_warnings, NULL);
  return g_test_run ();
}
