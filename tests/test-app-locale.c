/* test-app-locale.c: in a translated locale, the UI shows no English string
 * that the catalogue translates (run through test-app-locale.sh, which
 * compiles po/LL.po and makes the locale).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "mw-application.h"
#include "mw-preferences-window.h"
#include "mw-presentation.h"
#include "mw-templates.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

static const char *text_properties[] = {
  "label", "title", "subtitle", "tooltip-text", "description", "placeholder-text",
};

/* A text is left in English when the catalogue has a translation for it. */
static void
check_text (const char *text,
            const char *where,
            GPtrArray  *untranslated,
            guint      *n_texts)
{
  if (text == NULL || *text == '\0')
    return;
  (*n_texts)++;
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
    g_ptr_array_add (untranslated, g_strdup_printf ("%s: “%s”", where, text));
}

static void
check_menu (GMenuModel *menu,
            GPtrArray  *untranslated,
            guint      *n_texts)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (label, "menu", untranslated, n_texts);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          check_menu (link, untranslated, n_texts);
          g_object_unref (link);
        }
    }
}

static void
check_widget (GtkWidget *widget,
              GPtrArray *untranslated,
              guint     *n_texts)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (widget);

  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, text_properties[i]);
      g_autofree char *text = NULL;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
        continue;
      g_object_get (widget, text_properties[i], &text, NULL);
      check_text (text, G_OBJECT_TYPE_NAME (widget), untranslated, n_texts);
    }
  if (GTK_IS_MENU_BUTTON (widget))
    check_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), untranslated, n_texts);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child, untranslated, n_texts);
}

/* The main window with the example and an actor selected, the preferences,
 * the shortcuts and About: every text they show is translated. */
static void
test_locale_ui_translated (void)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  g_autoptr(GPtrArray) untranslated = g_ptr_array_new_with_free_func (g_free);
  MwWindow *window;
  GList *toplevels;
  guint n_texts = 0;

  window = mw_window_new (GTK_APPLICATION (app));
  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_spin (500);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  mw_test_spin (500);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    check_widget (l->data, untranslated, &n_texts);
  for (guint i = 0; i < untranslated->len; i++)
    g_test_message ("untranslated: %s", (char *) untranslated->pdata[i]);
  g_assert_cmpuint (n_texts, >, 50);
  g_assert_cmpuint (untranslated->len, ==, 0);

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

/* Every slide's title and caption, and the build steps, in the language. */
static void
test_locale_slides_translated (void)
{
  MwPresentation *presentation = mw_presentation_new (NULL);

  g_assert_cmpuint (mw_presentation_get_n_slides (presentation), ==, MW_N_RESEARCH_CONTEXTS);
  for (guint i = 0; i < MW_N_RESEARCH_CONTEXTS; i++)
    {
      MwSlide *slide = mw_presentation_get_slide_at (presentation, i);
      const MwTemplate *context = mw_template_lookup (mw_score_context_to_string (i));

      g_assert_cmpstr (mw_slide_get_title (slide), !=, context->title);
      g_assert_cmpstr (mw_slide_get_title (slide), ==, g_dgettext (GETTEXT_PACKAGE, context->title));
      g_assert_cmpstr (mw_slide_get_caption (slide), !=, context->caption);
      for (guint step = 0; step < mw_slide_get_n_steps (slide); step++)
        g_assert_cmpstr (mw_slide_get_step_name (slide, step), !=, NULL);
    }
  g_assert_cmpstr (mw_slide_get_step_name (mw_presentation_get_slide_at (presentation, 0), 0), !=,
                   "Formal reporting lines");
  gtk_window_destroy (GTK_WINDOW (presentation));
}

int
main (int   argc,
      char *argv[])
{
  const char *catalogue = g_getenv ("MESHWORK_TEST_LOCALEDIR");

  if (catalogue == NULL)
    {
      g_printerr ("run through test-app-locale.sh\n");
      return 77;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, catalogue);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GTK 4.8 warns that a label "reported min width -3" as German texts
   * reflow: GTK's sizing, not a translation problem; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/locale/ui-translated", test_locale_ui_translated);
  g_test_add_func ("/locale/slides-translated", test_locale_slides_translated);
  return g_test_run ();
}
