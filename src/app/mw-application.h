/* mw-application.h: the Meshwork application
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MW_TYPE_APPLICATION (mw_application_get_type ())

G_DECLARE_FINAL_TYPE (MwApplication, mw_application, MW, APPLICATION, AdwApplication)

/* A detailed action ("win.save") and its accelerators, NULL-terminated. */
typedef struct
{
  const char *action;
  const char *accels[5];
} MwApplicationAccel;

MwApplication            *mw_application_new        (void);
const MwApplicationAccel *mw_application_get_accels (guint *n_accels);

G_END_DECLS
