/* mw-slides.h: the user's own slides, kept in the file as a graph attribute
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* The graph attribute that holds them, as JSON (docs/file-format.md). */
#define MW_SLIDES_ATTR "mw_slides"

/**
 * MwSavedSlide:
 *
 * A view of the network kept as a slide: what part was looked at, what
 * was highlighted, which actors a what-if left out and which network it
 * was compared with.
 */
typedef struct
{
  char     *title;
  gboolean  has_area;   /* else the whole network */
  double    x;          /* the visible rectangle, model points */
  double    y;
  double    width;
  double    height;
  GStrv     highlight;  /* ids of highlighted actors and ties; never NULL */
  GStrv     without;    /* ids of actors the what-if leaves out; never NULL */
  char     *compare;    /* (nullable) the compared network's file: a URI,
                         * or a URI reference relative to the document's */
} MwSavedSlide;

MwSavedSlide *mw_saved_slide_new     (const char          *title);
MwSavedSlide *mw_saved_slide_copy    (const MwSavedSlide  *slide);
void          mw_saved_slide_free    (MwSavedSlide        *slide);
gboolean      mw_saved_slide_equal   (const MwSavedSlide  *a,
                                      const MwSavedSlide  *b);
void          mw_saved_slide_set_compare      (MwSavedSlide       *slide,
                                               GFile              *compared,
                                               GFile              *file);
GFile        *mw_saved_slide_dup_compare_file (const MwSavedSlide *slide,
                                               GFile              *file);

GPtrArray    *mw_slides_from_json    (const char          *json,
                                      GError             **error);
char         *mw_slides_to_json      (GPtrArray           *slides);
GPtrArray    *mw_slides_get          (MwNetwork           *network,
                                      GError             **error);
void          mw_slides_set          (MwNetwork           *network,
                                      GPtrArray           *slides);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwSavedSlide, mw_saved_slide_free)

G_END_DECLS
