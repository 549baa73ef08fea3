/* mw-window-print.c: the window's network on paper and elsewhere — Print
 * (laid out by mw-page like the PDF export), the export dialog and Copy Image
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-export.h"
#include "mw-format.h"
#include "mw-page.h"
#include "mw-window-private.h"

#define TITLE_GAP 12
/* The limits of the canvas's zoom to fit: a tiny network is not drawn giant. */
#define PRINT_MIN_SCALE 0.005
#define PRINT_MAX_SCALE 2.0

/* PNG at twice the size, for sharp slides, and SVG for apps that take it. */
void
_mw_window_copy_image (MwWindow *self)
{
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
      _mw_window_show_error (self, _("Could Not Copy the Image"), error);
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
  _mw_window_toast (self, _("Image copied"));
}

/* The export dialog's file is written in a worker, shown in the activity
 * bar with Cancel; the hidden dialog goes once it is done. */
typedef struct
{
  MwWindow     *window;
  GCancellable *activity;  /* (unowned) its entry in the activity bar */
} ExportJob;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MwExportDialog *dialog = MW_EXPORT_DIALOG (source);
  g_autofree ExportJob *job = user_data;
  g_autoptr(MwWindow) self = job->window;
  g_autoptr(GError) error = NULL;
  gboolean written = mw_export_dialog_export_finish (dialog, result, &error);

  gtk_window_destroy (GTK_WINDOW (dialog));
  /* closed while the file was written: nobody to tell */
  if (self->document == NULL)
    return;
  _mw_window_end_activity (self, job->activity);
  if (!written && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _mw_window_show_error (self, _("Could Not Export"), error);
}

static gboolean
export_cb (MwExportDialog *dialog,
           GFile          *file,
           MwWindow       *self)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Writing “%s”…"), base);
  g_autoptr(MwProgress) progress = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->window = g_object_ref (self);
  job->activity = _mw_window_begin_activity (self, label);
  progress = mw_progress_new (job->activity);
  _mw_window_set_activity_progress (self, job->activity, progress);
  mw_export_dialog_export_async (dialog, file, job->activity, progress, exported_cb, job);
  return TRUE;
}

void
_mw_window_export (MwWindow *self)
{
  /* The scores on show: the filtered view's when it is chosen. */
  MwScorer *scorer = mw_score_panel_get_shown_scorer (self->score_panel);
  g_autofree char *name = mw_document_dup_title (self->document);
  /* A title for people: "meshwork-example", not the file name. */
  g_autofree char *stripped = mw_format_strip_extension (name);
  g_autofree char *title = mw_export_dup_title (mw_document_get_network (self->document), stripped);
  MwExportDialog *dialog;

  dialog = mw_export_dialog_new (GTK_WINDOW (self), mw_document_get_network (self->document),
                                 scorer != NULL ? mw_scorer_get_scores (scorer) : NULL, title);
  mw_export_dialog_set_filtered_view (dialog, mw_score_panel_get_showing_filtered (self->score_panel));
  g_set_weak_pointer (&self->export_dialog, dialog);
  g_signal_connect_object (dialog, "export", G_CALLBACK (export_cb), self, 0);
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
  g_autofree char *name = mw_document_dup_title (self->document);
  g_autofree char *title = mw_export_dup_title (mw_document_get_network (self->document), name);
  MwView view;
  MwRect bounds;
  int title_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, title, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &title_height);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_cairo_show_layout (cr, layout);

  mw_view_init (&view, width, height);
  view.transparent = TRUE;
  if (mw_renderer_get_bounds (renderer, &bounds))
    {
      MwPage page;
      MwPagePlacement placement;

      /* The print dialog's margins are already outside the context; the
       * network goes right under the title, not mid-page. */
      mw_page_init (&page, width, height);
      page.header = title_height + TITLE_GAP;
      page.align_top = TRUE;
      page.min_scale = PRINT_MIN_SCALE;
      page.max_scale = PRINT_MAX_SCALE;
      mw_page_place (&page, bounds.width, bounds.height, &placement);
      view.zoom = placement.scale;
      view.offset_x = bounds.x - placement.x / placement.scale;
      view.offset_y = bounds.y - placement.y / placement.scale;
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
  if (mw_renderer_get_bounds (renderer, &bounds) && mw_page_wants_landscape (bounds.width, bounds.height))
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
      _mw_window_show_error (self, _("Could Not Print"), error);
    }
}

void
_mw_window_print (MwWindow *self)
{
  g_autoptr(GtkPrintOperation) operation = create_print_operation (self);

  g_assert (MW_IS_WINDOW (self));

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), NULL);
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
