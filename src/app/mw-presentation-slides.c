/* mw-presentation-slides.c: which slides a presentation or Export Slides
 * has, and keeping the current view as one of the user's own slides
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under the presentation and the window: it only reads the canvas and the
 * document it is given and calls the core and the renderer.
 */

#define G_LOG_DOMAIN "meshwork-presentation"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-export-slides.h"
#include "mw-format.h"
#include "mw-presentation-slides.h"
#include "mw-start-page.h"
#include "mw-templates.h"

/**
 * mw_presentation_context_slides:
 * @builds: whether they reveal their networks layer by layer
 *
 * The four contexts of the research: the very networks the start page's
 * New cards make (same size, same seed), so the numbers match.
 *
 * Returns: (transfer full) (element-type MwSlide): the slides
 */
GPtrArray *
mw_presentation_context_slides (gboolean builds)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < MW_N_RESEARCH_CONTEXTS; i++)
    {
      const char *name = mw_score_context_to_string (i);
      const MwTemplate *context = mw_template_lookup (name);
      g_autoptr(MwNetwork) network = NULL;
      g_autoptr(GError) error = NULL;
      MwSlide *slide;

      if (context == NULL)
        continue;
      network = mw_template_build (name, MW_TEMPLATE_DEFAULT_SIZE, MW_START_SEED, &error);
      if (network == NULL)
        {
          g_warning ("Could not build the “%s” diagram: %s", name, error->message);
          continue;
        }
      slide = mw_slide_new (network, _(context->title), _(context->caption));
      g_object_set_data (G_OBJECT (slide), "mw-context", GINT_TO_POINTER (TRUE));
      mw_slide_set_builds (slide, builds);
      g_ptr_array_add (slides, slide);
    }
  return slides;
}

/* The cache below holds NULL for a file that cannot be read. */
static void
unref_network (gpointer network)
{
  if (network != NULL)
    g_object_unref (network);
}

/* The network a kept slide was compared with, loaded once per file for
 * all the slides that name it; %NULL when it cannot be read. Only local
 * files: a file's slides never make a presentation reach over the network. */
static MwNetwork *
load_compared (GFile      *compared,
               GHashTable *loaded)
{
  g_autofree char *uri = g_file_get_uri (compared);
  g_autofree char *path = g_file_get_path (compared);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = NULL;
  gpointer value;

  if (g_hash_table_lookup_extended (loaded, uri, NULL, &value))
    return value;
  if (path != NULL)
    network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
  if (network == NULL)
    g_debug ("The compared network “%s” cannot be read: %s", uri,
             error != NULL ? error->message : "not a local file");
  g_hash_table_insert (loaded, g_steal_pointer (&uri), network);
  return network;
}

/* What the slide's caption calls the compared network: its file's name. */
static char *
compared_name (const MwSavedSlide *saved,
               GFile              *compared)
{
  g_autofree char *basename = NULL;
  g_autofree char *reference = NULL;

  if (compared != NULL)
    basename = g_file_get_basename (compared);
  if (basename == NULL)
    {
      reference = g_uri_unescape_string (saved->compare, NULL);
      basename = g_path_get_basename (reference != NULL ? reference : saved->compare);
    }
  return g_filename_display_name (basename);
}

/* Gives a kept slide of a comparison its baseline and says so under its
 * title; a compared file that is gone leaves a note instead, never an
 * error: the slide still shows. */
static void
compare_slide (MwSlide            *slide,
               const MwSavedSlide *saved,
               GFile              *file,
               GHashTable         *loaded)
{
  g_autoptr(GFile) compared = mw_saved_slide_dup_compare_file (saved, file);
  g_autofree char *name = compared_name (saved, compared);
  g_autofree char *caption = NULL;
  MwNetwork *baseline = compared != NULL ? load_compared (compared, loaded) : NULL;

  if (baseline != NULL)
    {
      mw_slide_set_baseline (slide, baseline);
      /* Translators: the caption of a kept slide of a comparison, "Compared with Ward B.gv" */
      caption = g_strdup_printf (_("Compared with %s"), name);
    }
  else
    {
      /* Translators: the caption of a kept slide whose compared file is gone */
      caption = g_strdup_printf (_("Not compared: “%s” could not be opened"), name);
    }
  mw_slide_set_caption (slide, caption);
}

/**
 * mw_presentation_document_slides:
 * @slides: (element-type MwSlide): where to add them
 *
 * Adds the document's network as a slide, then the slides the user kept in
 * its file; nothing for an empty network. Slides that cannot be read are
 * left out with a warning: they never stop a presentation. A kept slide of
 * a comparison loads the compared network (relative to the document's
 * file) and shows its scores' changes against it.
 */
void
mw_presentation_document_slides (GPtrArray  *slides,
                                 MwDocument *document)
{
  MwNetwork *network = mw_document_get_network (document);
  g_autofree char *title = mw_document_dup_title (document);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GHashTable) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (slides != NULL && MW_IS_DOCUMENT (document));

  if (mw_network_get_n_actors (network) == 0)
    return;
  g_ptr_array_add (slides, mw_slide_new (network, title, NULL));
  saved = mw_slides_get (network, &error);
  if (saved == NULL)
    {
      g_warning ("The slides of “%s” cannot be read: %s", title, error->message);
      return;
    }
  loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_network);
  for (guint i = 0; i < saved->len; i++)
    {
      const MwSavedSlide *view = g_ptr_array_index (saved, i);
      MwSlide *slide = mw_slide_new_for_view (network, view);

      if (view->compare != NULL)
        compare_slide (slide, view, mw_document_get_file (document), loaded);
      g_ptr_array_add (slides, slide);
    }
}

static GStrv
ids_of (GPtrArray *actors,
        GPtrArray *ties)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; actors != NULL && i < actors->len; i++)
    g_strv_builder_add (builder, ((MwActor *)g_ptr_array_index (actors, i))->id);
  for (guint i = 0; ties != NULL && i < ties->len; i++)
    g_strv_builder_add (builder, ((MwTie *)g_ptr_array_index (ties, i))->id);
  return g_strv_builder_end (builder);
}

/**
 * mw_presentation_keep_view:
 * @what_if: whether the scores preview a what-if without the selected actors
 * @compared: (nullable): the file of the network the window compares with
 * @file: (nullable): the document's file, which @compared is kept relative to
 *
 * Returns: (transfer full): the canvas's view as a slide: the part of the
 *   network in view, what is highlighted, who the what-if leaves out and
 *   what it is compared with
 */
MwSavedSlide *
mw_presentation_keep_view (MwCanvas   *canvas,
                           const char *title,
                           gboolean    what_if,
                           GFile      *compared,
                           GFile      *file)
{
  MwSavedSlide *saved = mw_saved_slide_new (title);
  double x0, y0, x1, y1, zoom = mw_canvas_get_zoom (canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autoptr(GPtrArray) actors = mw_canvas_get_highlighted_actors (canvas);
  g_autoptr(GPtrArray) ties = mw_canvas_get_highlighted_ties (canvas);

  g_return_val_if_fail (MW_IS_CANVAS (canvas), NULL);

  /* Where model (0, 0) and (1, 1) are on the widget gives the view back. */
  mw_canvas_model_to_widget (canvas, 0, 0, &x0, &y0);
  mw_canvas_model_to_widget (canvas, 1, 1, &x1, &y1);
  if (width > 0 && height > 0 && zoom > 0 && x1 > x0)
    {
      saved->has_area = TRUE;
      saved->x = -x0 / (x1 - x0);
      saved->y = -y0 / (y1 - y0);
      saved->width = width / (x1 - x0);
      saved->height = height / (y1 - y0);
    }
  g_strfreev (saved->highlight);
  saved->highlight = ids_of (actors, ties);
  if (what_if)
    {
      g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (canvas);

      g_strfreev (saved->without);
      saved->without = ids_of (selected, NULL);
    }
  mw_saved_slide_set_compare (saved, compared, file);
  return saved;
}

/**
 * mw_presentation_add_saved_slide:
 * @saved: (transfer full): the slide to keep
 *
 * Keeps @saved after the document's other slides, in the file: the
 * document then differs from its file until it is saved.
 *
 * Returns: how many slides of its own the document has, or 0 with @error
 *   set when the ones it has cannot be read (they are left as they are)
 */
guint
mw_presentation_add_saved_slide (MwDocument    *document,
                                 MwSavedSlide  *saved,
                                 GError       **error)
{
  MwNetwork *network = mw_document_get_network (document);
  g_autoptr(MwSavedSlide) owned = saved;
  g_autoptr(GPtrArray) slides = NULL;

  g_return_val_if_fail (MW_IS_DOCUMENT (document), 0);

  slides = mw_slides_get (network, error);
  if (slides == NULL)
    return 0;
  g_ptr_array_add (slides, g_steal_pointer (&owned));
  mw_slides_set (network, slides);
  mw_document_mark_modified (document);
  return slides->len;
}

/**
 * mw_presentation_export_slides:
 * @path: the PDF to write
 *
 * Writes what a presentation of @document shows — the context diagrams,
 * the network and its own slides — one page a slide, each as its build
 * ends, laid out as on the projector.
 */
gboolean
mw_presentation_export_slides (MwDocument  *document,
                               const char  *path,
                               gboolean     dark,
                               gboolean     scores,
                               GError     **error)
{
  g_autoptr(GPtrArray) slides = mw_presentation_context_slides (FALSE);
  MwSlideOptions options = { .dark = dark, .scores = scores, .legend = TRUE, .background = TRUE };

  g_return_val_if_fail (MW_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mw_presentation_document_slides (slides, document);
  return mw_export_slides_to_file (slides, path, &options, error);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    MwDocument      *document)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GSettings) settings = g_settings_new ("io.github.meshwork.Meshwork");
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Slides can only be saved to a local folder"));
      if (error != NULL ||
          !mw_presentation_export_slides (document, path, g_settings_get_boolean (settings, "presentation-dark"),
                                          g_settings_get_boolean (settings, "presentation-scores"), &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Export the Slides"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks where to write the slides, then writes them. */
void
mw_presentation_choose_export (GtkWindow  *parent,
                               MwDocument *document)
{
  g_autofree char *title = mw_document_dup_title (document);
  /* Translators: the file name Export Slides suggests, "Example Network slides.pdf" */
  g_autofree char *name = g_strdup_printf (_("%s slides.pdf"), title);
  GtkFileChooserNative *chooser;

  g_return_if_fail (MW_IS_DOCUMENT (document));

  g_strdelimit (name, "/", '-');
  chooser = gtk_file_chooser_native_new (_("Export Slides"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), document, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
