/* mw-window.c: one network in a window — the type, its template and
 * properties, the document it shows with its history, settings and menus,
 * and the wiring of the parts in mw-window-*.c: the top of MwWindow, the
 * one file that may call every other (see mw-window-private.h).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-interpret.h"
#include "mw-layout.h"
#include "mw-recovery.h"
#include "mw-series-create.h"
#include "mw-templates.h"
#include "mw-window-private.h"

G_DEFINE_FINAL_TYPE (MwWindow, mw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TOOL,
  PROP_SHOW_INSPECTOR,
  PROP_SHOW_TABLE,
  PROP_COMPARING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *tool_names[] = { "select", "actor", "tie" };

static void
update_history (MwWindow *self)
{
  MwHistory *history = mw_document_get_history (self->document);
  const char *undo = mw_history_get_undo_name (history);
  const char *redo = mw_history_get_redo_name (history);
  /* Translators: %s names the step, such as “Move 3 Actors” */
  g_autofree char *undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  g_autofree char *redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_autofree char *undo_tip = undo ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  g_autofree char *redo_tip = redo ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  g_assert (MW_IS_WINDOW (self));

  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_label, "win.undo");
  g_menu_append (self->history_section, redo_label, "win.redo");
}

static void
zoom_changed_cb (MwWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f%%", mw_canvas_get_zoom (self->canvas) * 100);

  gtk_button_set_label (self->zoom_button, label);
  /* The button is named for what it does; the zoom is its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom to Fit"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
}

/* Logging out would lose unsaved changes: the session has to ask first. */
static void
update_inhibit (MwWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = mw_document_get_modified (self->document);

  if (app == NULL)
    return;

  if (modified && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self), GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("There are unsaved changes"));
  else if (!modified && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
history_changed_cb (MwWindow *self)
{
  /* answered (the bar shows only when a network arrives: document_history_cb) */
  if (gtk_info_bar_get_revealed (self->interpret_bar) &&
      !mw_interpret_is_guessed (mw_document_get_network (self->document)))
    gtk_info_bar_set_revealed (self->interpret_bar, FALSE);
  update_history (self);
  _mw_window_update_title (self);
  update_inhibit (self);
  _mw_window_update_actions (self);
}

typedef struct
{
  MwWindow     *window;
  MwNetwork    *network;
  GCancellable *activity;   /* (unowned) its entry in the activity bar */
} PlaceData;

static void
place_data_free (PlaceData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->network);
  g_free (data);
}

static void
initial_layout_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PlaceData *data = user_data;
  MwWindow *self = data->window;
  g_autoptr(GHashTable) positions = mw_layout_run_finish (result, NULL);

  self->n_pending--;
  _mw_window_end_activity (self, data->activity);

  /* Only where nobody has put an actor in the meantime. */
  if (positions != NULL && self->document != NULL && data->network == mw_document_get_network (self->document))
    {
      for (guint i = 0; i < mw_network_get_n_actors (data->network); i++)
        {
          MwActor *actor = mw_network_get_actor (data->network, i);
          if (actor->has_position)
            g_hash_table_remove (positions, actor->id);
        }
      mw_layout_apply (data->network, positions);
      mw_canvas_zoom_to_fit (self->canvas);
    }

  place_data_free (data);
}

/* A file without any position (hand-written DOT) is laid out once when it
 * opens. That is not an edit: nothing to undo, nothing to save. */
static void
place_if_unplaced (MwWindow *self)
{
  MwNetwork *network = mw_document_get_network (self->document);
  guint n = mw_network_get_n_actors (network);
  PlaceData *data;

  g_assert (MW_IS_WINDOW (self));

  for (guint i = 0; i < n; i++)
    if (mw_network_get_actor (network, i)->has_position)
      return;
  if (n == 0)
    return;

  data = g_new0 (PlaceData, 1);
  data->window = g_object_ref (self);
  data->network = g_object_ref (network);
  data->activity = _mw_window_begin_activity (self, _("Arranging…"));
  self->n_pending++;
  mw_layout_run_async (network, mw_layout_choose_engine (network), 0, data->activity,
                       initial_layout_cb, data);
}

static void
document_history_cb (MwWindow *self)
{
  MwHistory *history = mw_document_get_history (self->document);

  g_assert (MW_IS_WINDOW (self));

  /* Another network in this window: the comparison was with the old one. */
  if (self->comparing)
    _mw_window_stop_comparing (self);
  mw_canvas_set_history (self->canvas, history);
  {
    g_autoptr(MwNetwork) copy = mw_document_take_view_copy (self->document);

    if (copy != NULL)
      mw_canvas_offer_copy (self->canvas, copy);
  }
  place_if_unplaced (self);
  gtk_info_bar_set_revealed (self->interpret_bar, mw_interpret_is_guessed (mw_history_get_network (history)));
  g_signal_connect_object (history, "notify::undo-name",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::modified",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  history_changed_cb (self);
}

/* The bar's close button: the guesses stand until Interpret… in the menu. */
static void
interpret_bar_response_cb (MwWindow *self,
                           int       response)
{
  if (response == GTK_RESPONSE_CLOSE)
    gtk_info_bar_set_revealed (self->interpret_bar, FALSE);
}

/* The files part opens a network in a new window by this property. */
static void
set_document (MwWindow   *self,
              MwDocument *document)
{
  g_assert (MW_IS_WINDOW (self));
  g_return_if_fail (MW_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  mw_recovery_attach (document);
  mw_score_panel_set_document (self->score_panel, document);
  mw_appearance_popover_set_document (self->appearance_popover, document);
  _mw_window_follow_scoring (self, document);

  g_signal_connect_object (document, "notify::history",
                           G_CALLBACK (document_history_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (_mw_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file",
                           G_CALLBACK (_mw_window_update_title), self, G_CONNECT_SWAPPED);
  document_history_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* The recent files changed: the menu first, then "win.open-recent". */
static void
recent_changed_cb (MwWindow *self)
{
  _mw_window_update_recent_menu (self);
  _mw_window_update_actions (self);
}

/* "win.tool" follows the window's property, which follows the canvas. */
static void
canvas_tool_cb (MwWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

static void
tie_type_cb (MwWindow *self)
{
  g_settings_set_enum (self->settings, "tie-type", mw_canvas_get_tie_type (self->canvas));
}

/* Alt+Return, GNOME's "Properties" key: the selection's details come
 * forward only when asked for, so a plain select or add leaves the live
 * scores in view. */
static gboolean
show_details_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  MwWindow *self = MW_WINDOW (widget);

  g_object_set (self, "show-inspector", TRUE, NULL);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "selection");
  gtk_widget_child_focus (GTK_WIDGET (self->inspector), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static gboolean
mw_window_close_request (GtkWindow *window)
{
  MwWindow *self = MW_WINDOW (window);

  if (!self->close_confirmed && mw_document_get_modified (self->document))
    {
      _mw_window_ask_before_closing (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  _mw_window_cancel_activities (self);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (window) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (window), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  return GTK_WINDOW_CLASS (mw_window_parent_class)->close_request (window);
}

static void
mw_window_dispose (GObject *object)
{
  MwWindow *self = (MwWindow *)object;

  if (self->close_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->close_dialog), (gpointer *)&self->close_dialog);
  self->close_dialog = NULL;
  g_clear_weak_pointer (&self->presentation);
  g_clear_weak_pointer (&self->export_dialog);
  _mw_window_clear_activities (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->compare_cancellable != NULL)
    g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->layout_network);
  g_clear_object (&self->compare_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_WINDOW);

  G_OBJECT_CLASS (mw_window_parent_class)->dispose (object);
}

static void
mw_window_finalize (GObject *object)
{
  MwWindow *self = (MwWindow *)object;

  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (mw_window_parent_class)->finalize (object);
}

static const char *
get_tool (MwWindow *self)
{
  if (self->canvas == NULL)
    return tool_names[0];
  return tool_names[mw_canvas_get_tool (self->canvas)];
}

static void
set_tool (MwWindow   *self,
          const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tool_names); i++)
    if (g_strcmp0 (name, tool_names[i]) == 0)
      mw_canvas_set_tool (self->canvas, i);
}

static void
set_show_inspector (MwWindow *self,
                    gboolean  show)
{
  show = !!show;
  if (self->show_inspector == show)
    return;
  self->show_inspector = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_INSPECTOR]);
}

/* The data table below the canvas; it takes the keyboard when it comes. */
static void
set_show_table (MwWindow *self,
                gboolean  show)
{
  show = !!show;
  if (self->show_table == show)
    return;
  self->show_table = show;
  gtk_widget_set_visible (GTK_WIDGET (self->table_view), show);
  gtk_widget_grab_focus (show ? GTK_WIDGET (mw_table_view_get_column_view (self->table_view))
                              : GTK_WIDGET (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

static void
mw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MwWindow *self = MW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TOOL:
      g_value_set_string (value, get_tool (self));
      break;
    case PROP_SHOW_INSPECTOR:
      g_value_set_boolean (value, self->show_inspector);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MwWindow *self = MW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_TOOL:
      set_tool (self, g_value_get_string (value));
      break;
    case PROP_SHOW_INSPECTOR:
      set_show_inspector (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_TABLE:
      set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_window_class_init (MwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mw_window_dispose;
  object_class->finalize = mw_window_finalize;
  object_class->get_property = mw_window_get_property;
  object_class->set_property = mw_window_set_property;
  window_class->close_request = mw_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MW_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The tool the canvas draws with, by name: "select", "actor" or "tie". */
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "select",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_INSPECTOR] =
    g_param_spec_boolean ("show-inspector", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Set by the compare part (mw-window-compare.c); the actions follow it. */
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MW_TYPE_CANVAS);
  g_type_ensure (MW_TYPE_INSPECTOR);
  g_type_ensure (MW_TYPE_SCORE_PANEL);
  g_type_ensure (MW_TYPE_START_PAGE);
  g_type_ensure (MW_TYPE_COMPARE_VIEW);
  g_type_ensure (MW_TYPE_TABLE_VIEW);
  g_type_ensure (MW_TYPE_FIND_BAR);
  g_type_ensure (MW_TYPE_FILTER_MENU);
  g_type_ensure (MW_TYPE_APPEARANCE_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-window.ui");
  mw_a11y_init ();
  gtk_widget_class_bind_template_child (widget_class, MwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, activity_bar);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, activity_label);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, activity_progress);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, start_page);
  gtk_widget_class_bind_template_callback_full (widget_class, "start_chosen_cb",
                                                G_CALLBACK (_mw_window_start_chosen_cb));
  gtk_widget_class_bind_template_child (widget_class, MwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, tie_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, filter_menu);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, table_view);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, score_panel);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, canvas_overlay);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, canvas_box);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, template_menu);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, arrange_menu);;
  gtk_widget_class_bind_template_child (widget_class, MwWindow, interpret_bar);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, appearance_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, appearance_popover);
  gtk_widget_class_bind_template_callback (widget_class, interpret_bar_response_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_ALT_MASK, show_details_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK, show_details_cb, NULL);

  _mw_window_class_actions_init (widget_class);
}

static void
bind_settings (MwWindow *self)
{
  g_autoptr(GAction) legend = NULL;

  g_assert (MW_IS_WINDOW (self));

  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-inspector", self, "show-inspector", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self, "show-inspector", self->inspector_revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);
  /* win.show-legend: the setting itself, as a stateful action */
  legend = g_settings_create_action (self->settings, "show-legend");
  g_action_map_add_action (G_ACTION_MAP (self), legend);
  g_settings_bind (self->settings, "show-legend", self->canvas, "show-legend", G_SETTINGS_BIND_GET);

  mw_canvas_set_tie_type (self->canvas, g_settings_get_enum (self->settings, "tie-type"));
}

static void
fill_static_menus (MwWindow *self)
{
  static const struct { const char *engine; const char *label; } engines[] = {
    { "auto", N_("_Best Fit") },
    { "dot", N_("_Org Chart") },
    { "neato", N_("_Spring") },
    { "fdp", N_("_Force-Directed") },
    { "sfdp", N_("_Large Network") },
    { "circo", N_("_Circle") },
    { "twopi", N_("_Radial") },
  };
  const MwTemplate *contexts;
  guint n = 0;

  g_assert (MW_IS_WINDOW (self));

  contexts = mw_templates_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(contexts[i].title), NULL);

      g_menu_item_set_action_and_target (item, "win.new-from-template", "s", contexts[i].name);
      g_menu_append_item (self->template_menu, item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(engines[i].label), NULL);

      g_menu_item_set_action_and_target (item, "win.arrange", "s", engines[i].engine);
      g_menu_append_item (self->arrange_menu, item);
    }
}

/* Find owns the highlight while its bar shows a text; the filter menu sets it
 * otherwise, and the score panel says when a filter fades part of the
 * network. */
static void
find_showing_cb (MwWindow *self)
{
  mw_filter_menu_set_suspended (self->filter_menu, mw_find_bar_get_showing (self->find_bar));
}

static void
filtering_cb (MwWindow *self)
{
  mw_score_panel_set_filter (self->score_panel, mw_filter_menu_get_filter (self->filter_menu));
}

static void
wire_find_and_filter (MwWindow *self)
{
  mw_find_bar_set_canvas (self->find_bar, self->canvas);
  mw_filter_menu_set_canvas (self->filter_menu, self->canvas);
  g_signal_connect_object (self->find_bar, "notify::showing", G_CALLBACK (find_showing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_menu, "notify::filtering", G_CALLBACK (filtering_cb), self, G_CONNECT_SWAPPED);
}

static void
mw_window_init (MwWindow *self)
{
  g_autoptr(MwDocument) document = mw_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _mw_window_add_text_keys (self);
  /* one file dropped opens, several make a series */
  mw_series_create_attach_drop (GTK_WINDOW (self));
  mw_a11y_name_drop_down (self->tie_type_dropdown, _("Type of new ties"));
  gtk_stack_set_visible_child_name (self->main_stack, "canvas");
  self->cancellable = g_cancellable_new ();

  bind_settings (self);

  g_object_bind_property (self->canvas, "tie-type", self->tie_type_dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->canvas, "notify::tie-type", G_CALLBACK (tie_type_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::tool", G_CALLBACK (canvas_tool_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (_mw_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::comparing", G_CALLBACK (_mw_window_update_actions), NULL);
  mw_inspector_set_canvas (self->inspector, self->canvas);
  mw_score_panel_set_canvas (self->score_panel, self->canvas);
  mw_table_view_set_canvas (self->table_view, self->canvas);
  wire_find_and_filter (self);

  fill_static_menus (self);
  set_document (self, document);
  recent_changed_cb (self);
  zoom_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

MwWindow *
mw_window_new (GtkApplication *application)
{
  return g_object_new (MW_TYPE_WINDOW, "application", application, NULL);
}

/**
 * mw_window_get_document:
 *
 * Returns: (transfer none): the network shown in the window and its file
 */
MwDocument *
mw_window_get_document (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * mw_window_get_canvas:
 *
 * Returns: (transfer none): the editing canvas
 */
MwCanvas *
mw_window_get_canvas (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return self->canvas;
}

/**
 * mw_window_get_inspector:
 *
 * Returns: (transfer none): the sidebar editing the selection
 */
GtkWidget *
mw_window_get_inspector (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->inspector);
}

/**
 * mw_window_get_table_view:
 *
 * Returns: (transfer none): the data table below the canvas (win.show-table)
 */
GtkWidget *
mw_window_get_table_view (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->table_view);
}

/* Loads and saves still on their way. */
guint
mw_window_get_n_pending (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), 0);
  return self->n_pending;
}

/**
 * mw_window_get_last_error:
 *
 * Returns: (nullable): the last error shown in the window
 */
const char *
mw_window_get_last_error (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return self->last_error;
}

/**
 * mw_window_get_close_dialog:
 *
 * Returns: (transfer none) (nullable): the "Save Changes?" dialog, while it is open
 */
GtkWidget *
mw_window_get_close_dialog (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return self->close_dialog;
}

/**
 * mw_window_get_score_panel:
 *
 * Returns: (transfer none): the live scores in the sidebar
 */
GtkWidget *
mw_window_get_score_panel (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->score_panel);
}

/**
 * mw_window_get_presentation:
 *
 * Returns: (transfer none) (nullable): the presentation started from this
 *   window, while it is open
 */
GtkWidget *
mw_window_get_presentation (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->presentation);
}
