/* mw-score-texts.h: what each element means and how Meshwork scores, for people
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-scores.h"

G_BEGIN_DECLS

/* A section of the method and its limits: a heading and one paragraph. */
typedef struct
{
  const char *heading;
  const char *text;
} MwMethodSection;

/* Translated: what the element means in Ancona & Backman's research. */
const char *mw_element_get_meaning    (MwElement  element);
/* The sections of docs/scoring.md a reader of a report needs, translated,
 * in order; %NULL past the last one. */
gboolean    mw_scoring_method_section (guint            index,
                                       MwMethodSection *section);

G_END_DECLS
