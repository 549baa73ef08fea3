/* mw-templates.h: the built-in context diagrams (Ancona & Backman, 2017)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;     /* "pyramid", "hierarchy", "flat", "nimble", "cross-org" */
  const char *title;
  const char *caption;  /* the context in the research's terms */
} MwTemplate;

#define MW_TEMPLATE_DEFAULT_SIZE 24
/* The one seed everywhere a template is shown by default — New from
 * Template, the start page, the presentation's context slides and
 * `meshwork-cli template` — so that they all show the same network. */
#define MW_TEMPLATE_DEFAULT_SEED 1
#define MW_TEMPLATE_MIN_SIZE     8
#define MW_TEMPLATE_MAX_SIZE     5000

/* The graph attribute holding the caption; the title is `label`. */
#define MW_TEMPLATE_CAPTION_ATTR "mw_caption"

const MwTemplate *mw_templates_get_all  (guint        *n_contexts);
const MwTemplate *mw_template_lookup    (const char   *name);

/* A new, editable network of about @size actors (clamped to the limits
 * above) with positions, title and caption. The same @seed gives the same
 * network, actor for actor. */
MwNetwork       *mw_template_build     (const char   *name,
                                       guint         size,
                                       guint32       seed,
                                       GError      **error);

G_END_DECLS
