/* mw-export-slides.c: Export Slides: every slide as one page of a PDF
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page is a slide as its build ends (the whole network with its scores),
 * laid out by mw_slide_draw() on a 16:9 page exactly as on the projector.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "mw-export-slides.h"
#include "mw-file.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * mw_export_slides_to_bytes:
 * @slides: (element-type MwSlide): one page each, in this order
 * @options: how they look (options->background is always set)
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
mw_export_slides_to_bytes (GPtrArray             *slides,
                           const MwSlideOptions  *options,
                           GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  MwSlideOptions page_options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (slides != NULL && options != NULL, NULL);

  page_options = *options;
  page_options.background = TRUE;
  page_options.scale = 1;
  surface = cairo_pdf_surface_create_for_stream (append_cb, out, MW_SLIDES_PAGE_WIDTH, MW_SLIDES_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Meshwork");
  cr = cairo_create (surface);
  for (guint i = 0; i < slides->len; i++)
    {
      MwSlide *slide = g_ptr_array_index (slides, i);

      mw_slide_draw (slide, cr, mw_slide_get_n_steps (slide) - 1,
                     MW_SLIDES_PAGE_WIDTH, MW_SLIDES_PAGE_HEIGHT, &page_options);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("Could not draw the slides: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * mw_export_slides_to_file:
 *
 * Draws every page in memory, then writes the file with mw_write_file():
 * never half a file.
 */
gboolean
mw_export_slides_to_file (GPtrArray             *slides,
                          const char            *path,
                          const MwSlideOptions  *options,
                          GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (slides != NULL && path != NULL && options != NULL, FALSE);

  bytes = mw_export_slides_to_bytes (slides, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return mw_write_file (path, data, size, error);
}
