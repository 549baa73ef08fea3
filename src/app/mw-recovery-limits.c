/* mw-recovery-limits.c: the user's file limits, from GSettings
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-recovery"

#include "config.h"

#include "mw-recovery-private.h"

/* Generous defaults; Preferences (GSettings) can move them either way. */
void
mw_recovery_get_limits (MwLimits *limits)
{
  g_autoptr(GSettings) settings = g_settings_new (MW_RECOVERY_SAFETY_SCHEMA);

  g_return_if_fail (limits != NULL);

  mw_limits_init_default (limits);
  limits->max_bytes = (gsize)g_settings_get_uint (settings, "max-file-size") * 1024 * 1024;
  limits->max_actors = g_settings_get_uint (settings, "max-actors");
  limits->max_ties = g_settings_get_uint (settings, "max-ties");
}
