/* mw-recovery-private.h: what the files of the recovery module share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-recovery.h"

G_BEGIN_DECLS

#define MW_RECOVERY_SAFETY_SCHEMA "io.github.meshwork.Meshwork.Safety"

gboolean _mw_recovery_drafts_wait (guint timeout_ms);

G_END_DECLS
