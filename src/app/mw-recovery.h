/* mw-recovery.h: the app's drafts, its file limits and the offer after a crash
 *
 * One module in three files, each owning one job:
 * mw-recovery.c (the offer of a previous run's drafts),
 * mw-recovery-drafts.c (the drafts of this user and the documents they protect),
 * mw-recovery-limits.c (the limits from GSettings).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-document.h"
#include "mw-limits.h"

G_BEGIN_DECLS

/**
 * MwRecoveryPolicy:
 * @MW_RECOVERY_ASK: a dialog for each draft: restore, discard or later
 * @MW_RECOVERY_RESTORE_ALL: every draft is restored without asking
 *
 * What mw_recovery_offer() does with the drafts a previous run left.
 */
typedef enum
{
  MW_RECOVERY_ASK,
  MW_RECOVERY_RESTORE_ALL,
} MwRecoveryPolicy;

/* mw-recovery.c */
void       mw_recovery_offer              (GtkApplication   *application);
void       mw_recovery_set_policy         (MwRecoveryPolicy  policy);
GtkWindow *mw_recovery_get_last_restored  (void);

/* mw-recovery-drafts.c */
MwDrafts  *mw_recovery_get_drafts         (void);
void       mw_recovery_attach             (MwDocument       *document);
void       mw_recovery_set_draft_interval (guint             interval_ms);

/* mw-recovery-limits.c */
void       mw_recovery_get_limits         (MwLimits         *limits);

G_END_DECLS
