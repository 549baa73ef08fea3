/* mw-text.h: which Unicode form a file's bytes are in, one rule for every format
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MW_TEXT_UTF8,
  MW_TEXT_UTF16LE,
  MW_TEXT_UTF16BE,
  MW_TEXT_UTF32LE,
  MW_TEXT_UTF32BE,
} MwTextForm;

gsize       mw_text_bom_length (const char  *data,
                                gsize        length,
                                MwTextForm  *form);
gboolean    mw_text_guess_wide (const char  *data,
                                gsize        length,
                                MwTextForm  *form);
MwTextForm  mw_text_detect     (const char  *data,
                                gsize        length,
                                gsize       *bom_length);
guint       mw_text_unit_size  (MwTextForm   form);
gboolean    mw_text_is_big_endian (MwTextForm form);
const char *mw_text_form_name  (MwTextForm   form);
char       *mw_text_to_utf8    (const char  *data,
                                gsize        length,
                                const char  *source_name,
                                gsize       *out_length,
                                GError     **error);

G_END_DECLS
