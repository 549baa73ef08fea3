/* mw-window.c: one network in a window
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-compare-view.h"
#include "mw-templates.h"
#include "mw-dot.h"
#include "mw-graphml.h"
#include "mw-export.h"
#include "mw-export-dialog.h"
#include "mw-import-dialog.h"
#include "mw-layout.h"
#include "mw-recovery.h"
#include "mw-inspector.h"
#include "mw-presentation.h"
#include "mw-score-panel.h"
#include "mw-start-page.h"
#include "mw-window.h"

#define MAX_RECENT 8
#define EXAMPLE_RESOURCE "/io/github/meshwork/Meshwork/examples/meshwork-example.gv"

struct _MwWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  MwStartPage          *start_page;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkDropDown          *tie_type_dropdown;
  GtkButton            *zoom_button;
  GtkRevealer          *inspector_revealer;
  MwCanvas             *canvas;
  MwInspector          *inspector;
  MwScorePanel         *score_panel;
  GtkStack             *sidebar_stack;
  GtkWidget            *canvas_overlay;
  GtkBox               *canvas_box;
  MwCompareView        *compare_view;
  GMenu                *history_section;
  GMenu                *recent_menu;
  GMenu                *template_menu;
  GMenu                *arrange_menu;

  /* owned */
  MwDocument           *document;
  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *last_error;
  GtkWidget            *close_dialog;   /* (nullable) weak */
  MwPresentation       *presentation;   /* (nullable) weak */
  MwExportDialog       *export_dialog;  /* (nullable) weak */
  MwNetwork            *layout_network; /* (nullable) the one being laid out */
  GCancellable         *compare_cancellable; /* (nullable) the other network loading */
  guint                 n_pending;
  guint                 inhibit_cookie;
  gboolean              close_confirmed;
  gboolean              close_after_save;
};

G_DEFINE_FINAL_TYPE (MwWindow, mw_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *tool_names[] = { "select", "actor", "tie" };

static void set_document (MwWindow *self, MwDocument *document);
static void show_canvas (MwWindow *self);
static void stop_comparing (MwWindow *self);

static void
enable (MwWindow   *self,
        const char *name,
        gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
show_error (MwWindow   *self,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog;

  g_assert (MW_IS_WINDOW (self));

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (MwWindow   *self,
       const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_title (MwWindow *self)
{
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = mw_document_get_file (self->document);
  gboolean modified = mw_document_get_modified (self->document);

  g_assert (MW_IS_WINDOW (self));

  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (path, home))
        {
          g_autofree char *rest = g_strdup (path + strlen (home));
          g_free (path);
          path = g_strconcat ("~", rest, NULL);
        }
      adw_window_title_set_subtitle (self->window_title, path);
    }
  else
    adw_window_title_set_subtitle (self->window_title, modified ? _("Not saved") : "");

  window_title = g_strdup_printf ("%s%s — %s", modified ? "*" : "", title, _("Meshwork"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

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

  enable (self, "undo", mw_history_can_undo (history));
  enable (self, "redo", mw_history_can_redo (history));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_label, "win.undo");
  g_menu_append (self->history_section, redo_label, "win.redo");
}

static void
update_selection_actions (MwWindow *self)
{
  g_autoptr(GPtrArray) actors = mw_canvas_get_selected_actors (self->canvas);
  g_autoptr(GPtrArray) ties = mw_canvas_get_selected_ties (self->canvas);

  g_assert (MW_IS_WINDOW (self));

  enable (self, "copy", actors->len > 0);
  enable (self, "cut", actors->len > 0);
  enable (self, "duplicate", actors->len > 0);
  enable (self, "delete", actors->len > 0 || ties->len > 0);
  enable (self, "rename", actors->len == 1);
  enable (self, "connect", actors->len >= 2);
  enable (self, "zoom-selection", actors->len > 0);
  enable (self, "what-if-left", actors->len > 0);
}

static void
zoom_changed_cb (MwWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f%%", mw_canvas_get_zoom (self->canvas) * 100);

  gtk_button_set_label (self->zoom_button, label);
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
  update_history (self);
  update_title (self);
  update_inhibit (self);
}

typedef struct
{
  MwWindow  *window;
  MwNetwork *network;
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
  self->n_pending++;
  mw_layout_run_async (network, mw_layout_choose_engine (network), 0, self->cancellable,
                       initial_layout_cb, data);
}

static void
document_history_cb (MwWindow *self)
{
  MwHistory *history = mw_document_get_history (self->document);

  g_assert (MW_IS_WINDOW (self));

  /* Another network in this window: the comparison was with the old one. */
  if (mw_window_get_comparing (self))
    stop_comparing (self);
  mw_canvas_set_history (self->canvas, history);
  place_if_unplaced (self);
  g_signal_connect_object (history, "notify::undo-name",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::modified",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  history_changed_cb (self);
}

static void
set_document (MwWindow   *self,
              MwDocument *document)
{
  g_assert (MW_IS_WINDOW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  mw_recovery_attach (document);

  g_signal_connect_object (document, "notify::history",
                           G_CALLBACK (document_history_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  document_history_cb (self);
}

static void
remember_recent (MwWindow *self,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  GtkRecentData data = { NULL, NULL, (char *)"text/vnd.graphviz",
                         (char *)"Meshwork", (char *)"meshwork %u", NULL, FALSE };

  g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (folder != NULL)
    g_settings_set_string (self->settings, "last-folder", folder);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified (*(GtkRecentInfo **)a);
  GDateTime *time_b = gtk_recent_info_get_modified (*(GtkRecentInfo **)b);

  return g_date_time_compare (time_b, time_a);
}

static void
update_recent_menu (MwWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);

  g_assert (MW_IS_WINDOW (self));

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, "Meshwork"))
        g_ptr_array_add (ours, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
  g_ptr_array_sort (ours, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  enable (self, "open-recent", ours->len > 0);
}

typedef struct
{
  MwWindow   *window;
  MwDocument *document;
  GFile      *file;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* Ends a load for Open or Compare With: FALSE when there is nothing more to
 * do — the file did not load (said in the window under @heading_format, a
 * "…“%s”" with the file's name) or the window went away meanwhile. */
static gboolean
finish_load (MwWindow     *self,
             LoadData     *data,
             GAsyncResult *result,
             const char   *heading_format)
{
  g_autoptr(GError) error = NULL;

  self->n_pending--;

  if (!mw_document_load_finish (data->document, result, &error))
    {
      g_autofree char *basename = g_file_get_basename (data->file);
      g_autofree char *heading = g_strdup_printf (heading_format, basename);

      if (self->document != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, heading, error);
      return FALSE;
    }
  return self->document != NULL;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  MwWindow *self = data->window;

  if (!finish_load (self, data, result, _("Could Not Open “%s”")))
    return;

  remember_recent (self, data->file);
  if (data->document == self->document)
    show_canvas (self);

  /* A new document gets a window of its own; the blank one was reused. */
  if (data->document != self->document)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      MwWindow *window = mw_window_new (app);

      set_document (window, data->document);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/**
 * mw_window_open_file:
 *
 * Loads @file in the background: into this window when it shows a blank
 * network, else into a new window once it has loaded. A file that does not
 * load leaves every open network as it was and says why in this window.
 */
void
mw_window_open_file (MwWindow *self,
                     GFile    *file)
{
  LoadData *data;

  g_return_if_fail (MW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->document = mw_document_is_blank (self->document) ? g_object_ref (self->document)
                                                         : mw_document_new ();
  self->n_pending++;
  mw_document_load_async (data->document, file, self->cancellable, load_cb, data);
}

static void
show_canvas (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "canvas");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* Shows @network here when this window is blank, else in a new window. */
static void
show_network (MwWindow   *self,
              MwNetwork  *network,
              const char *title)
{
  g_autoptr(MwDocument) document = NULL;
  MwWindow *window;

  g_assert (MW_IS_WINDOW (self));

  if (mw_document_is_blank (self->document))
    {
      mw_document_replace_network (self->document, network, NULL, title);
      show_canvas (self);
      return;
    }

  window = mw_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  document = mw_document_new ();
  mw_document_replace_network (document, network, NULL, title);
  set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

/* The built-in example, from the GResource: it has no file of its own. */
void
mw_window_open_example (MwWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *text;

  g_return_if_fail (MW_IS_WINDOW (self));

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, 0, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &length);
  network = mw_dot_load_data (text, length, "meshwork-example.gv", NULL, &error);
  g_assert_no_error (error);

  show_network (self, network, _("Example Network"));
}

/**
 * mw_window_new_from_template:
 * @name: a context name, such as "nimble"
 *
 * Builds one of the context diagrams (a fresh one each time) and shows it.
 */
void
mw_window_new_from_template (MwWindow   *self,
                             const char *name)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const MwTemplate *context;

  g_return_if_fail (MW_IS_WINDOW (self));

  context = mw_template_lookup (name);
  network = mw_template_build (name, MW_TEMPLATE_DEFAULT_SIZE, g_random_int (), &error);
  if (network == NULL || context == NULL)
    {
      if (error == NULL)
        g_set_error (&error, MW_ERROR, MW_ERROR_INVALID, _("No template called “%s”"), name);
      show_error (self, _("Could Not Create the Network"), error);
      return;
    }

  show_network (self, network, _(context->title));
}

/* The cards build what they show: the same seed as their thumbnails. */
static void
start_chosen_cb (MwWindow   *self,
                 const char *id)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const MwTemplate *context;

  g_assert (MW_IS_WINDOW (self));

  if (g_str_equal (id, MW_START_EXAMPLE))
    {
      mw_window_open_example (self);
      return;
    }
  if (g_str_equal (id, MW_START_BLANK))
    {
      show_canvas (self);
      return;
    }

  context = mw_template_lookup (id);
  g_return_if_fail (context != NULL);
  network = mw_template_build (id, MW_TEMPLATE_DEFAULT_SIZE, MW_START_SEED, &error);
  if (network == NULL)
    {
      show_error (self, _("Could Not Create the Network"), error);
      return;
    }
  show_network (self, network, context->title);
}

/**
 * mw_window_show_start_page:
 *
 * Offers the example, a blank network and the templates instead of the
 * canvas, while the window's network is blank; choosing one brings the
 * canvas back with it.
 */
void
mw_window_show_start_page (MwWindow *self)
{
  g_return_if_fail (MW_IS_WINDOW (self));

  if (!mw_document_is_blank (self->document))
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  mw_start_page_focus_first (self->start_page);
}

/**
 * mw_window_get_start_page:
 *
 * Returns: (transfer none): the start page, shown or not
 */
GtkWidget *
mw_window_get_start_page (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->start_page);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_pending--;

  if (!mw_document_save_finish (MW_DOCUMENT (object), result, &error))
    {
      self->close_after_save = FALSE;
      if (!mw_recovery_handle_save_error (GTK_WINDOW (self), error))
        show_error (self, _("Could Not Save"), error);
      return;
    }

  remember_recent (self, mw_document_get_file (self->document));
  update_title (self);
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    toast (self, _("Saved"));
}

/* Saves atomically to @file, which becomes the document's file. */
void
mw_window_save_to_file (MwWindow *self,
                        GFile    *file)
{
  g_return_if_fail (MW_IS_WINDOW (self));

  self->n_pending++;
  mw_document_save_async (self->document, file, self->cancellable, save_cb, g_object_ref (self));
}

static void
add_network_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) dot = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) graphml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (dot, _("Networks (DOT)"));
  gtk_file_filter_add_pattern (dot, "*.gv");
  gtk_file_filter_add_pattern (dot, "*.dot");
  gtk_file_filter_add_mime_type (dot, "text/vnd.graphviz");
  gtk_file_filter_set_name (graphml, _("Networks (GraphML)"));
  gtk_file_filter_add_pattern (graphml, "*.graphml");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, dot);
  gtk_file_chooser_add_filter (chooser, graphml);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
set_chooser_folder (MwWindow       *self,
                    GtkFileChooser *chooser)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");

  if (*folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, file, NULL);
    }
}

typedef void (*MwFileChosenFunc) (MwWindow *self,
                                  GFile    *file);

static void
network_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   MwWindow        *self)
{
  MwFileChosenFunc chosen = (MwFileChosenFunc)g_object_get_data (G_OBJECT (chooser), "mw-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      chosen (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A file chooser for DOT and GraphML networks; @chosen gets the file picked. */
static void
choose_network (MwWindow         *self,
                const char       *title,
                const char       *accept_label,
                MwFileChosenFunc  chosen)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  add_network_filters (GTK_FILE_CHOOSER (chooser));
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "mw-chosen", (gpointer)chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (network_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  choose_network (user_data, _("Open Network"), _("_Open"), mw_window_open_file);
}

static void
import_done_cb (MwImportDialog *dialog,
                MwImportReport *report,
                MwWindow       *self)
{
  AdwToast *toast = mw_import_report_toast_new (GTK_WINDOW (self), report,
                                                mw_import_dialog_get_layout_error (dialog));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  show_canvas (self);
  mw_canvas_zoom_to_fit (self->canvas);
}

/**
 * mw_window_import_file:
 * @file: a people file (CSV or TSV)
 *
 * Opens the import dialog on @file; what it imports goes into this
 * window's network as one undoable step.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
mw_window_import_file (MwWindow *self,
                       GFile    *file)
{
  MwImportDialog *dialog;

  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = mw_import_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_done_cb), self, 0);
  mw_import_dialog_load_people (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    MwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      mw_window_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  MwWindow *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import People or Ties"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  mw_import_dialog_add_filters (GTK_FILE_CHOOSER (chooser));
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  mw_window_open_file (MW_WINDOW (user_data), file);
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  mw_window_open_example (MW_WINDOW (user_data));
}

static void
new_from_template_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  mw_window_new_from_template (MW_WINDOW (user_data), g_variant_get_string (param, NULL));
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
  if (self->document == NULL)
    return;
  enable (self, "arrange", TRUE);

  if (positions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Arrange the Network"), error);
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
arrange_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  MwWindow *self = user_data;
  MwNetwork *network = mw_document_get_network (self->document);
  MwLayoutEngine engine = MW_LAYOUT_AUTO;
  double seconds;

  if (mw_network_get_n_actors (network) == 0)
    return;

  mw_layout_engine_from_string (g_variant_get_string (param, NULL), &engine);
  if (engine == MW_LAYOUT_AUTO)
    engine = mw_layout_choose_engine (network);

  seconds = mw_layout_estimate_seconds (network, engine);
  if (seconds > MW_LAYOUT_SLOW_SECONDS)
    {
      g_autofree char *text = g_strdup_printf (_("Arranging may take about %.0f seconds"), seconds);
      toast (self, text);
    }

  g_set_object (&self->layout_network, network);
  enable (self, "arrange", FALSE);
  self->n_pending++;
  mw_layout_run_async (network, engine, 0, self->cancellable, layout_cb, g_object_ref (self));
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     MwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      mw_window_save_to_file (self, file);
    }
  else
    self->close_after_save = FALSE;
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  MwWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Network"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_network_filters (GTK_FILE_CHOOSER (chooser));
  if (mw_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), mw_document_get_file (self->document), NULL);
  else
    {
      name = g_strconcat (title, ".gv", NULL);
      set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  MwWindow *self = user_data;

  if (mw_document_get_file (self->document) == NULL)
    save_as_action (action, param, user_data);
  else
    mw_window_save_to_file (self, NULL);
}

static void
close_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  MwWindow *self = user_data;

  mw_history_undo (mw_document_get_history (self->document));
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  MwWindow *self = user_data;

  mw_history_redo (mw_document_get_history (self->document));
}

static gboolean
copy_to_clipboard (MwWindow *self)
{
  g_autoptr(MwNetwork) copy = mw_canvas_copy_selection (self->canvas);
  g_autofree char *text = NULL;

  if (copy == NULL)
    return FALSE;

  text = mw_dot_save_data (copy, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  return TRUE;
}

static void
copy_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  copy_to_clipboard (MW_WINDOW (user_data));
}

static void
cut_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  MwWindow *self = user_data;

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
      toast (self, _("The clipboard holds no network to paste"));
      return;
    }

  mw_canvas_paste_network (self->canvas, network, _("Paste"));
}

static void
paste_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  MwWindow *self = user_data;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_text_cb, g_object_ref (self));
}

static void
duplicate_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  MwWindow *self = user_data;
  g_autoptr(MwNetwork) copy = mw_canvas_copy_selection (self->canvas);

  if (copy != NULL)
    mw_canvas_paste_network (self->canvas, copy, _("Duplicate"));
}

static void
canvas_command_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  MwWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "delete"))
    mw_canvas_delete_selection (self->canvas);
  else if (g_str_equal (name, "rename"))
    mw_canvas_rename_selected (self->canvas);
  else if (g_str_equal (name, "select-all"))
    mw_canvas_select_all (self->canvas);
  else if (g_str_equal (name, "connect"))
    mw_canvas_connect_selected (self->canvas);
  else if (g_str_equal (name, "add-actor"))
    gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.add-actor", NULL);
  else if (g_str_equal (name, "zoom-in"))
    mw_canvas_zoom_by (self->canvas, 1.25);
  else if (g_str_equal (name, "zoom-out"))
    mw_canvas_zoom_by (self->canvas, 0.8);
  else if (g_str_equal (name, "zoom-reset"))
    mw_canvas_zoom_by (self->canvas, 1.0 / mw_canvas_get_zoom (self->canvas));
  else if (g_str_equal (name, "zoom-fit"))
    mw_canvas_zoom_to_fit (self->canvas);
  else if (g_str_equal (name, "zoom-selection"))
    mw_canvas_zoom_to_selection (self->canvas);
}

static void
tool_change_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  MwWindow *self = user_data;
  const char *name = g_variant_get_string (state, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tool_names); i++)
    if (g_str_equal (name, tool_names[i]))
      {
        mw_canvas_set_tool (self->canvas, i);
        g_simple_action_set_state (action, state);
      }
}

static void
canvas_tool_cb (MwWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "tool");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (tool_names[mw_canvas_get_tool (self->canvas)]));
}

static void
tie_type_cb (MwWindow *self)
{
  g_settings_set_enum (self->settings, "tie-type", mw_canvas_get_tie_type (self->canvas));
}

static void
add_network_slide (MwPresentation *presentation,
                   MwWindow       *window)
{
  g_autofree char *title = mw_document_dup_title (window->document);
  MwNetwork *network = mw_document_get_network (window->document);

  if (mw_network_get_n_actors (network) > 0)
    mw_presentation_add_network (presentation, network, title, NULL);
}

/* The context diagrams, then this window's network, then the others open. */
static void
present_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  MwWindow *self = user_data;
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

/* "What if they left?": the scores without the selected actors, shown in
 * the panel as a preview; the network is not touched. */
static void
what_if_left_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  MwWindow *self = user_data;
  g_autoptr(GPtrArray) actors = mw_canvas_get_selected_actors (self->canvas);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < actors->len; i++)
    g_ptr_array_add (ids, ((MwActor *)g_ptr_array_index (actors, i))->id);
  g_ptr_array_add (ids, NULL);

  g_settings_set_boolean (self->settings, "show-inspector", TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "scores");
  mw_score_panel_preview_without (self->score_panel, (const char * const *)ids->pdata);
}

/* PNG at twice the size, for sharp slides, and SVG for apps that take it. */
static void
copy_image_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  MwWindow *self = user_data;
  g_autoptr(MwRenderer) renderer = mw_renderer_new (mw_document_get_network (self->document));
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  MwExportOptions options;

  mw_export_options_init (&options, MW_EXPORT_PNG);
  options.scale = 2;
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  png = mw_export_to_bytes (renderer, &options, &error);
  if (png == NULL)
    {
      show_error (self, _("Could Not Copy the Image"), error);
      return;
    }
  mw_export_options_init (&options, MW_EXPORT_SVG);
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  svg = mw_export_to_bytes (renderer, &options, NULL);

  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  if (svg != NULL)
    providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (providers, svg != NULL ? 2 : 1);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
  toast (self, _("Image copied"));
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  MwWindow *self = user_data;
  MwScorer *scorer = mw_score_panel_get_scorer (self->score_panel);
  g_autofree char *title = mw_document_dup_title (self->document);
  MwExportDialog *dialog;

  /* A title for people: "meshwork-example", not the file name. */
  if (g_str_has_suffix (title, ".gv") || g_str_has_suffix (title, ".dot") || g_str_has_suffix (title, ".graphml"))
    *strrchr (title, '.') = '\0';
  dialog = mw_export_dialog_new (GTK_WINDOW (self), mw_document_get_network (self->document),
                                 scorer != NULL ? mw_scorer_get_scores (scorer) : NULL, title);
  g_set_weak_pointer (&self->export_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One page: the title, then the network as large as the page allows, with
 * the same renderer as the screen and the exports (light style: paper). */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              MwWindow          *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (mw_document_get_network (self->document));
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 16");
  g_autofree char *title = mw_document_dup_title (self->document);
  MwView view;
  MwRect bounds;
  int title_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, title, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &title_height);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_cairo_show_layout (cr, layout);

  cairo_translate (cr, 0, title_height + 12);
  mw_view_init (&view, width, height - title_height - 12);
  view.transparent = TRUE;
  if (mw_renderer_get_bounds (renderer, &bounds))
    {
      mw_view_fit (&view, &bounds, 0);
      view.offset_y = bounds.y;  /* right under the title, not mid-page */
    }
  mw_renderer_draw (renderer, cr, &view);
}

static GtkPrintOperation *
create_print_operation (MwWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (mw_document_get_network (self->document));
  MwRect bounds;

  g_assert (MW_IS_WINDOW (self));

  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (mw_renderer_get_bounds (renderer, &bounds) && bounds.width > bounds.height)
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MwWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print"), error);
    }
}

static void
print_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  MwWindow *self = user_data;
  g_autoptr(GtkPrintOperation) operation = create_print_operation (self);

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
}

/* Compare mode: the compare view borrows the canvas (with its zoom bar),
 * so editing, the shortcuts and the inspector keep working on it. */
static void
stop_comparing (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  if (gtk_widget_get_parent (self->canvas_overlay) == GTK_WIDGET (self->canvas_box))
    return;

  g_object_ref (self->canvas_overlay);
  mw_compare_view_set_live_child (self->compare_view, NULL);
  gtk_box_insert_child_after (self->canvas_box, self->canvas_overlay, NULL);
  g_object_unref (self->canvas_overlay);
  mw_compare_view_stop (self->compare_view);
  enable (self, "stop-comparing", FALSE);
  show_canvas (self);
}

static void
start_comparing (MwWindow   *self,
                 MwDocument *other)
{
  g_autofree char *title = mw_document_dup_title (self->document);

  g_assert (MW_IS_WINDOW (self));

  /* A score explanation would hide the marks. */
  mw_score_panel_explain (self->score_panel, -1, -1);
  if (gtk_widget_get_parent (self->canvas_overlay) == GTK_WIDGET (self->canvas_box))
    {
      g_object_ref (self->canvas_overlay);
      gtk_box_remove (self->canvas_box, self->canvas_overlay);
      mw_compare_view_set_live_child (self->compare_view, self->canvas_overlay);
      g_object_unref (self->canvas_overlay);
    }
  mw_compare_view_start (self->compare_view, self->canvas, mw_score_panel_get_scorer (self->score_panel),
                         title, other);
  enable (self, "stop-comparing", TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "compare");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
compare_load_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  MwWindow *self = data->window;

  if (!finish_load (self, data, result, _("Could Not Compare With “%s”")))
    return;

  g_clear_object (&self->compare_cancellable);
  start_comparing (self, data->document);
}

/**
 * mw_window_compare_with_file:
 *
 * Loads @file in the background and shows it beside this window's network,
 * with the scores of both and what differs; the network here stays
 * editable. A file that does not load says why and changes nothing.
 */
void
mw_window_compare_with_file (MwWindow *self,
                             GFile    *file)
{
  LoadData *data;

  g_return_if_fail (MW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  self->compare_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->document = mw_document_new ();
  self->n_pending++;
  mw_document_load_async (data->document, file, self->compare_cancellable, compare_load_cb, data);
}

/**
 * mw_window_get_compare_view:
 *
 * Returns: (transfer none): the compare view, shown or not
 */
GtkWidget *
mw_window_get_compare_view (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->compare_view);
}

gboolean
mw_window_get_comparing (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), FALSE);
  return gtk_widget_get_parent (self->canvas_overlay) != GTK_WIDGET (self->canvas_box);
}

static void
compare_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  choose_network (user_data, _("Compare With"), _("C_ompare"), mw_window_compare_with_file);
}

static void
stop_comparing_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  stop_comparing (MW_WINDOW (user_data));
}

/* The inspector comes forward when something gets selected, except while a
 * score explanation the user chose is on show: they are reading the scores. */
static void
selection_shows_inspector (MwWindow *self)
{
  g_autoptr(GPtrArray) actors = mw_canvas_get_selected_actors (self->canvas);
  g_autoptr(GPtrArray) ties = mw_canvas_get_selected_ties (self->canvas);

  g_assert (MW_IS_WINDOW (self));

  if ((actors->len > 0 || ties->len > 0) && !mw_canvas_has_highlight (self->canvas))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "selection");
}

static const GActionEntry win_entries[] = {
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "import", import_action },
  { "open-example", open_example_action },
  { "new-from-template", new_from_template_action, "s" },
  { "arrange", arrange_action, "s" },
  { "save", save_action },
  { "save-as", save_as_action },
  { "close", close_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "copy", copy_action },
  { "cut", cut_action },
  { "paste", paste_action },
  { "duplicate", duplicate_action },
  { "delete", canvas_command_action },
  { "rename", canvas_command_action },
  { "select-all", canvas_command_action },
  { "connect", canvas_command_action },
  { "add-actor", canvas_command_action },
  { "zoom-in", canvas_command_action },
  { "zoom-out", canvas_command_action },
  { "zoom-reset", canvas_command_action },
  { "zoom-fit", canvas_command_action },
  { "zoom-selection", canvas_command_action },
  { "tool", NULL, "s", "'select'", tool_change_state },
  { "present", present_action },
  { "what-if-left", what_if_left_action },
  { "copy-image", copy_image_action },
  { "export", export_action },
  { "print", print_action },
  { "compare", compare_action },
  { "stop-comparing", stop_comparing_action },
};

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (MwWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  /* The dialog is still busy with its response: close once it is done. */
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      mw_document_discard_draft (self->document);
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (self), "save", NULL);
    }
}

static void
ask_before_closing (MwWindow *self)
{
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *body = g_strdup_printf (_("“%s” has changes that are not saved. Changes you do not save are lost."), title);
  GtkWidget *dialog;

  g_assert (MW_IS_WINDOW (self));

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  self->close_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->close_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
mw_window_close_request (GtkWindow *window)
{
  MwWindow *self = MW_WINDOW (window);

  if (!self->close_confirmed && mw_document_get_modified (self->document))
    {
      ask_before_closing (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
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

static void
mw_window_class_init (MwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mw_window_dispose;
  object_class->finalize = mw_window_finalize;
  window_class->close_request = mw_window_close_request;

  g_type_ensure (MW_TYPE_CANVAS);
  g_type_ensure (MW_TYPE_INSPECTOR);
  g_type_ensure (MW_TYPE_SCORE_PANEL);
  g_type_ensure (MW_TYPE_START_PAGE);
  g_type_ensure (MW_TYPE_COMPARE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, start_page);
  gtk_widget_class_bind_template_callback (widget_class, start_chosen_cb);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, tie_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, inspector_revealer);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, score_panel);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, canvas_overlay);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, canvas_box);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, template_menu);
  gtk_widget_class_bind_template_child (widget_class, MwWindow, arrange_menu);
}

static void
bind_settings (MwWindow *self)
{
  g_autoptr(GAction) inspector = NULL;

  g_assert (MW_IS_WINDOW (self));

  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-inspector", self->inspector_revealer, "reveal-child",
                   G_SETTINGS_BIND_DEFAULT);
  inspector = g_settings_create_action (self->settings, "show-inspector");
  g_action_map_add_action (G_ACTION_MAP (self), inspector);

  mw_canvas_set_tie_type (self->canvas, g_settings_get_enum (self->settings, "tie-type"));
}

/* Accelerators of this window's own features (the application's list
 * belongs to MwApplication). */
static void
add_shortcuts (MwWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_assert (MW_IS_WINDOW (self));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("F5"),
                                                          gtk_named_action_new ("win.present")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>e"),
                                                          gtk_named_action_new ("win.export")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>p"),
                                                          gtk_named_action_new ("win.print")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>d"),
                                                          gtk_named_action_new ("win.compare")));
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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

static void
mw_window_init (MwWindow *self)
{
  g_autoptr(MwDocument) document = mw_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->main_stack, "canvas");
  self->cancellable = g_cancellable_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  bind_settings (self);

  g_object_bind_property (self->canvas, "tie-type", self->tie_type_dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->canvas, "notify::tie-type", G_CALLBACK (tie_type_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::tool", G_CALLBACK (canvas_tool_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (update_selection_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (selection_shows_inspector), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  mw_inspector_set_canvas (self->inspector, self->canvas);
  mw_score_panel_set_canvas (self->score_panel, self->canvas);

  add_shortcuts (self);
  fill_static_menus (self);
  set_document (self, document);
  update_selection_actions (self);
  enable (self, "stop-comparing", FALSE);
  update_recent_menu (self);
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

/**
 * mw_window_get_export_dialog:
 *
 * Returns: (transfer none) (nullable): the export dialog, while it is open
 */
GtkWidget *
mw_window_get_export_dialog (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->export_dialog);
}

/**
 * mw_window_print_to_pdf:
 *
 * Writes to @path, as a PDF, the page Print would print.
 */
gboolean
mw_window_print_to_pdf (MwWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (MW_IS_WINDOW (self), FALSE);

  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         == GTK_PRINT_OPERATION_RESULT_APPLY;
}
