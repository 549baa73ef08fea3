/* mw-draft-autosave.h: writes a network's draft a few seconds after it changes
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-drafts.h"

G_BEGIN_DECLS

#define MW_TYPE_DRAFT_AUTOSAVE (mw_draft_autosave_get_type ())

G_DECLARE_FINAL_TYPE (MwDraftAutosave, mw_draft_autosave, MW, DRAFT_AUTOSAVE, GObject)

MwDraftAutosave *mw_draft_autosave_new          (MwDrafts        *drafts,
                                                 guint            interval_ms);
const char      *mw_draft_autosave_get_id       (MwDraftAutosave *self);
void             mw_draft_autosave_set_id       (MwDraftAutosave *self,
                                                 const char      *id);
void             mw_draft_autosave_set_network  (MwDraftAutosave *self,
                                                 MwNetwork       *network);
void             mw_draft_autosave_set_origin   (MwDraftAutosave *self,
                                                 const char      *uri,
                                                 const char      *etag,
                                                 const char      *title);
void             mw_draft_autosave_set_dirty    (MwDraftAutosave *self,
                                                 gboolean         dirty);
guint            mw_draft_autosave_get_n_written (MwDraftAutosave *self);

G_END_DECLS
