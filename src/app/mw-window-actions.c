/* mw-window-actions.c: the window's actions ("win.*"), installed once on
 * the class, each a small function; which of them are enabled is decided
 * in one place, _mw_window_update_actions(). The accelerators are not
 * here: MwApplication holds the one table of them.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-appearance.h"
#include "mw-dot.h"
#include "mw-interpret-dialog.h"
#include "mw-layout.h"
#include "mw-presentation-kept.h"
#include "mw-presentation-slides.h"
#include "mw-window-private.h"

/**
 * _mw_window_update_actions:
 *
 * Enables each action the window's state allows: the history, the
 * selection, the recent files, an arrange under way, compare mode. Called
 * whenever one of them changes: here for an arrange, by mw-window.c for
 * the rest (compare mode by its notify::comparing).
 */
void
_mw_window_update_actions (MwWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) ties = NULL;
  MwHistory *history;

  g_assert (MW_IS_WINDOW (self));

  /* Nothing to decide while the window is being built or torn down. */
  if (self->document == NULL || self->canvas == NULL)
    return;

  history = mw_document_get_history (self->document);
  actors = mw_canvas_get_selected_actors (self->canvas);
  ties = mw_canvas_get_selected_ties (self->canvas);

  gtk_widget_action_set_enabled (widget, "win.undo", mw_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", mw_history_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.copy", actors->len > 0);
  gtk_widget_action_set_enabled (widget, "win.cut", actors->len > 0);
  gtk_widget_action_set_enabled (widget, "win.duplicate", actors->len > 0);
  gtk_widget_action_set_enabled (widget, "win.delete", actors->len > 0 || ties->len > 0);
  gtk_widget_action_set_enabled (widget, "win.rename", actors->len == 1);
  gtk_widget_action_set_enabled (widget, "win.connect", actors->len >= 2);
  gtk_widget_action_set_enabled (widget, "win.zoom-selection", actors->len > 0);
  gtk_widget_action_set_enabled (widget, "win.what-if-left", actors->len > 0);
  gtk_widget_action_set_enabled (widget, "win.open-recent", self->n_recent > 0);
  gtk_widget_action_set_enabled (widget, "win.arrange", !self->arranging);
  gtk_widget_action_set_enabled (widget, "win.stop-comparing", self->comparing);
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _mw_window_choose_network (MW_WINDOW (widget), _("Open Network"), _("_Open"), mw_window_open_file);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  mw_window_open_file (MW_WINDOW (widget), file);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  _mw_window_choose_import (MW_WINDOW (widget));
}

static void
interpret_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (mw_interpret_dialog_new (GTK_WINDOW (self), self->document)));
}

static void
open_example_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  mw_window_open_example (MW_WINDOW (widget));
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  mw_window_new_from_template (MW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  _mw_window_save (MW_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  _mw_window_save_as (MW_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);

  mw_history_undo (mw_document_get_history (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);

  mw_history_redo (mw_document_get_history (self->document));
}

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) positions = mw_layout_run_finish (result, &error);

  self->n_pending--;
  _mw_window_end_activity (self, g_steal_pointer (&self->arrange_activity));
  if (self->document == NULL)
    return;
  self->arranging = FALSE;
  _mw_window_update_actions (self);

  if (positions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mw_window_show_error (self, _("Could Not Arrange the Network"), error);
      return;
    }

  /* The network may have been replaced while Graphviz worked. */
  if (self->layout_network == mw_document_get_network (self->document))
    mw_canvas_animate_to (self->canvas, positions, _("Arrange"));
  g_clear_object (&self->layout_network);
}

/* Lays out in a child process: the window stays responsive and a stuck
 * Graphviz is killed; the result arrives as one undoable step. */
static void
arrange_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  MwNetwork *network = mw_document_get_network (self->document);
  MwLayoutEngine engine = MW_LAYOUT_AUTO;
  double seconds;

  if (mw_network_get_n_actors (network) == 0)
    return;

  mw_layout_engine_from_string (g_variant_get_string (param, NULL), &engine);
  if (engine == MW_LAYOUT_AUTO)
    engine = mw_layout_choose_engine (network);
  else if (engine == MW_LAYOUT_DOT)
    /* Org Chart: the engine an import of these people would get */
    engine = mw_layout_engine_for_org_chart (network);

  seconds = mw_layout_estimate_seconds (network, engine);
  if (seconds > MW_LAYOUT_SLOW_SECONDS)
    {
      g_autofree char *text = g_strdup_printf (_("Arranging may take about %.0f seconds"), seconds);
      _mw_window_toast (self, text);
    }

  g_set_object (&self->layout_network, network);
  self->arranging = TRUE;
  _mw_window_update_actions (self);
  self->n_pending++;
  self->arrange_activity = _mw_window_begin_activity (self, _("Arranging…"));
  mw_layout_run_async (network, engine, 0, self->arrange_activity, layout_cb, g_object_ref (self));
}

static gboolean
copy_to_clipboard (MwWindow *self)
{
  g_autoptr(MwNetwork) copy = mw_canvas_copy_selection (self->canvas);
  g_autofree char *text = NULL;

  g_assert (MW_IS_WINDOW (self));

  if (copy == NULL)
    return FALSE;

  text = mw_dot_save_data (copy, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  copy_to_clipboard (MW_WINDOW (widget));
}

static void
cut_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);

  if (copy_to_clipboard (self))
    mw_canvas_delete_selection (self->canvas);
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(MwNetwork) network = NULL;

  if (text != NULL)
    network = mw_dot_load_data (text, strlen (text), _("Clipboard"), NULL, &error);

  if (network == NULL)
    {
      _mw_window_toast (self, _("The clipboard holds no network to paste"));
      return;
    }

  mw_canvas_paste_network (self->canvas, network, _("Paste"));
}

static void
paste_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_text_cb, g_object_ref (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  g_autoptr(MwNetwork) copy = mw_canvas_copy_selection (self->canvas);

  if (copy != NULL)
    mw_canvas_paste_network (self->canvas, copy, _("Duplicate"));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  mw_canvas_delete_selection (MW_WINDOW (widget)->canvas);
}

static void
rename_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  mw_canvas_rename_selected (MW_WINDOW (widget)->canvas);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  mw_canvas_select_all (MW_WINDOW (widget)->canvas);
}

static void
connect_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  mw_canvas_connect_selected (MW_WINDOW (widget)->canvas);
}

/* The canvas adds where it was last clicked; its own action knows where. */
static void
add_actor_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (MW_WINDOW (widget)->canvas), "canvas.add-actor", NULL);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  mw_canvas_zoom_by (MW_WINDOW (widget)->canvas, 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  mw_canvas_zoom_by (MW_WINDOW (widget)->canvas, 0.8);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  MwCanvas *canvas = MW_WINDOW (widget)->canvas;

  mw_canvas_zoom_by (canvas, 1.0 / mw_canvas_get_zoom (canvas));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  mw_canvas_zoom_to_fit (MW_WINDOW (widget)->canvas);
}

static void
zoom_selection_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  mw_canvas_zoom_to_selection (MW_WINDOW (widget)->canvas);
}

static void
add_network_slide (MwPresentation *presentation,
                   MwWindow       *window)
{
  mw_presentation_add_document (presentation, window->document);
}

/* The context diagrams, then this window's network and its own slides,
 * then the others open. */
static void
present_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  MwPresentation *presentation = mw_presentation_new (GTK_WINDOW (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  add_network_slide (presentation, self);
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (MW_IS_WINDOW (l->data) && l->data != (gpointer)self)
      add_network_slide (presentation, l->data);

  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
  g_set_weak_pointer (&self->presentation, presentation);
}

/* Keeps the view as it is now as a slide in the file. */
static void
add_view_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  MwDocument *other = self->comparing ? mw_compare_view_get_other (self->compare_view) : NULL;
  MwSavedSlide *saved;
  guint n;

  saved = mw_presentation_keep_view (self->canvas, title, mw_score_panel_get_previewing (self->score_panel),
                                     other != NULL ? mw_document_get_file (other) : NULL,
                                     mw_document_get_file (self->document));
  n = mw_presentation_add_saved_slide (self->document, saved, &error);
  if (n == 0)
    {
      _mw_window_show_error (self, _("Could Not Add the View"), error);
      return;
    }
  /* Translators: a toast after Add View to Presentation */
  toast = g_strdup_printf (_("The view is kept as slide %u of this network"), n);
  _mw_window_toast (self, toast);
}

static void
kept_slides_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (mw_presentation_kept_new (GTK_WINDOW (self), self->document)));
}

static void
export_slides_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  mw_presentation_choose_export (GTK_WINDOW (widget), MW_WINDOW (widget)->document);
}

/* "What if they left?": the scores without the selected actors, shown in
 * the panel as a preview; the network is not touched. */
static void
what_if_left_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  g_autoptr(GPtrArray) actors = mw_canvas_get_selected_actors (self->canvas);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (ids, ((MwActor *)g_ptr_array_index (actors, i))->id);
  g_ptr_array_add (ids, NULL);

  g_settings_set_boolean (self->settings, "show-inspector", TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "scores");
  mw_score_panel_preview_without (self->score_panel, (const char * const *)ids->pdata);
}

/* F6 and Shift+F6: the canvas, the sidebar (when shown) and the header
 * bar, in turn, as GTK applications move between panes. */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *panes[] = {
    GTK_WIDGET (self->canvas),
    gtk_revealer_get_reveal_child (self->inspector_revealer) ? GTK_WIDGET (self->inspector_revealer) : NULL,
    gtk_widget_get_ancestor (self->undo_button, ADW_TYPE_HEADER_BAR),
  };
  int n = G_N_ELEMENTS (panes), step = g_str_equal (g_variant_get_string (param, NULL), "next") ? 1 : -1;
  int at = step > 0 ? n - 1 : 0;

  for (int i = 0; i < n; i++)
    if (panes[i] != NULL && focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      at = i;
  for (int k = 1; k <= n; k++)
    {
      GtkWidget *pane = panes[(at + k * step + 2 * n) % n];

      if (pane == NULL || !gtk_widget_get_mapped (pane))
        continue;
      if (gtk_widget_get_focusable (pane) ? gtk_widget_grab_focus (pane)
                                          : gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
        return;
    }
}

/* The window's accelerators come before the focused widget: while a text
 * field has the focus, the keys of select all, copy, cut, paste, undo and
 * redo go to the field's own actions, not the network's. The buttons and
 * menus still act on the network. */
static gboolean
text_keys_cb (MwWindow        *self,
              guint            keyval,
              guint            keycode,
              GdkModifierType  state)
{
  static const struct { const char *win; const char *text; } pairs[] = {
    { "win.select-all", "selection.select-all" },
    { "win.copy", "clipboard.copy" },
    { "win.cut", "clipboard.cut" },
    { "win.paste", "clipboard.paste" },
    { "win.undo", "text.undo" },
    { "win.redo", "text.redo" },
  };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL || (!GTK_IS_TEXT (focus) && !GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  keyval = gdk_keyval_to_lower (keyval);
  state &= gtk_accelerator_get_default_mod_mask ();
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, pairs[i].win);

      for (guint k = 0; accels[k] != NULL; k++)
        {
          guint key;
          GdkModifierType mods;

          if (gtk_accelerator_parse (accels[k], &key, &mods) && gdk_keyval_to_lower (key) == keyval && mods == state)
            {
              gtk_widget_activate_action (focus, pairs[i].text, NULL);
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * _mw_window_add_text_keys:
 *
 * Called from init, before the application adds its accelerators, so that
 * this controller runs first.
 */
void
_mw_window_add_text_keys (MwWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (text_keys_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  _mw_window_copy_image (MW_WINDOW (widget));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _mw_window_export_report (MW_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  _mw_window_export (MW_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  _mw_window_print (MW_WINDOW (widget));
}

static void
compare_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  _mw_window_choose_network (MW_WINDOW (widget), _("Compare With"), _("C_ompare"),
                             mw_window_compare_with_file);
}

static void
stop_comparing_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  _mw_window_stop_comparing (MW_WINDOW (widget));
}

/* win.color-by, win.size-by, win.label-by "SOURCE" ("" for the default):
 * one undo step. */
static void
appearance_by_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  MwWindow *self = MW_WINDOW (widget);
  MwAppearanceChannel channel = g_str_equal (name, "win.color-by") ? MW_APPEARANCE_COLOR
                                : g_str_equal (name, "win.size-by") ? MW_APPEARANCE_SIZE
                                : MW_APPEARANCE_LABEL;

  mw_appearance_set_source (mw_document_get_history (self->document), channel, g_variant_get_string (param, NULL));
}

static void
appearance_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  gtk_menu_button_popup (MW_WINDOW (widget)->appearance_button);
}

static void
cancel_activity_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  _mw_window_cancel_activities (MW_WINDOW (widget));
}

/* Find (Ctrl+F, Ctrl+G, Ctrl+Shift+G): the find bar does the work. */
static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  mw_find_bar_open (MW_WINDOW (widget)->find_bar);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  mw_find_bar_move (MW_WINDOW (widget)->find_bar, TRUE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  mw_find_bar_move (MW_WINDOW (widget)->find_bar, FALSE);
}

static void
install_find_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
}

/**
 * _mw_window_class_actions_init:
 *
 * Installs every "win.*" action; the stateful ones follow a property of
 * the window ("tool", "show-inspector"), so install those first.
 */
void
_mw_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const struct {
    const char                  *name;
    const char                  *param_type;
    GtkWidgetActionActivateFunc  activate;
  } actions[] = {
    { "win.open", NULL, open_action },
    { "win.open-recent", "s", open_recent_action },
    { "win.import", NULL, import_action },
    { "win.interpret", NULL, interpret_action },
    { "win.open-example", NULL, open_example_action },
    { "win.new-from-template", "s", new_from_template_action },
    { "win.arrange", "s", arrange_action },
    { "win.save", NULL, save_action },
    { "win.save-as", NULL, save_as_action },
    { "win.close", NULL, close_action },
    { "win.undo", NULL, undo_action },
    { "win.redo", NULL, redo_action },
    { "win.copy", NULL, copy_action },
    { "win.cut", NULL, cut_action },
    { "win.paste", NULL, paste_action },
    { "win.duplicate", NULL, duplicate_action },
    { "win.delete", NULL, delete_action },
    { "win.rename", NULL, rename_action },
    { "win.select-all", NULL, select_all_action },
    { "win.connect", NULL, connect_action },
    { "win.add-actor", NULL, add_actor_action },
    { "win.zoom-in", NULL, zoom_in_action },
    { "win.zoom-out", NULL, zoom_out_action },
    { "win.zoom-reset", NULL, zoom_reset_action },
    { "win.zoom-fit", NULL, zoom_fit_action },
    { "win.zoom-selection", NULL, zoom_selection_action },
    { "win.present", NULL, present_action },
    { "win.add-view", NULL, add_view_action },
    { "win.kept-slides", NULL, kept_slides_action },
    { "win.export-slides", NULL, export_slides_action },
    { "win.what-if-left", NULL, what_if_left_action },
    { "win.focus-pane", "s", focus_pane_action },
    { "win.copy-image", NULL, copy_image_action },
    { "win.export", NULL, export_action },
    { "win.export-report", NULL, export_report_action },
    { "win.print", NULL, print_action },
    { "win.compare", NULL, compare_action },
    { "win.stop-comparing", NULL, stop_comparing_action },
    { "win.cancel-activity", NULL, cancel_activity_action },
    { "win.appearance", NULL, appearance_action },
    { "win.color-by", "s", appearance_by_action },
    { "win.size-by", "s", appearance_by_action },
    { "win.label-by", "s", appearance_by_action },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].param_type,
                                     actions[i].activate);

  gtk_widget_class_install_property_action (widget_class, "win.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "win.show-inspector", "show-inspector");
  gtk_widget_class_install_property_action (widget_class, "win.show-table", "show-table");
  install_find_actions (widget_class);
}
