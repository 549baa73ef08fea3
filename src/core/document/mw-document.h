/* mw-document.h: a network, its history, its scores and its file
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-draft-autosave.h"
#include "mw-drafts.h"
#include "mw-history.h"
#include "mw-limits.h"
#include "mw-network.h"
#include "mw-progress.h"
#include "mw-scorer.h"

G_BEGIN_DECLS

#define MW_TYPE_DOCUMENT (mw_document_get_type ())

G_DECLARE_FINAL_TYPE (MwDocument, mw_document, MW, DOCUMENT, GObject)

MwDocument *mw_document_new              (void);
MwNetwork  *mw_document_get_network      (MwDocument          *self);
MwHistory  *mw_document_get_history      (MwDocument          *self);
MwScorer   *mw_document_get_scorer       (MwDocument          *self);
MwNetwork  *mw_document_take_view_copy   (MwDocument          *self);
GFile      *mw_document_get_file         (MwDocument          *self);
char       *mw_document_dup_title        (MwDocument          *self);
gboolean    mw_document_get_modified     (MwDocument          *self);
void        mw_document_mark_modified    (MwDocument          *self);
gboolean    mw_document_is_blank         (MwDocument          *self);
void        mw_document_replace_network  (MwDocument          *self,
                                          MwNetwork           *network,
                                          GFile               *file,
                                          const char          *title);
void        mw_document_load_async       (MwDocument          *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
MwProgress *mw_document_get_load_progress (MwDocument         *self);
gboolean    mw_document_load_finish      (MwDocument          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void        mw_document_save_async       (MwDocument          *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    mw_document_save_finish      (MwDocument          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

void        mw_document_forget_etag      (MwDocument          *self);
void        mw_document_set_limits       (MwDocument          *self,
                                          const MwLimits      *limits);
void        mw_document_set_drafts       (MwDocument          *self,
                                          MwDrafts            *drafts,
                                          guint                interval_ms);
MwDraftAutosave *mw_document_get_autosave (MwDocument         *self);
void        mw_document_restore_draft    (MwDocument          *self,
                                          MwNetwork           *network,
                                          const MwDraft       *draft);
void        mw_document_discard_draft    (MwDocument          *self);

G_END_DECLS
