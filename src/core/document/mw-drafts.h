/* mw-drafts.h: unsaved networks kept under the user data dir until saved
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-limits.h"
#include "mw-network.h"

G_BEGIN_DECLS

/* One draft as the session index lists it. */
typedef struct
{
  char   *id;      /* names the draft file: ID.dot */
  char   *uri;     /* (nullable) the document's own file */
  char   *etag;    /* (nullable) that file's etag when the document last loaded or saved it */
  char   *title;   /* what the window showed */
  gint64  saved;   /* when the draft was written, µs since the epoch */
} MwDraft;

void     mw_draft_free (MwDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwDraft, mw_draft_free)

#define MW_DRAFTS_INDEX_VERSION 2

#define MW_TYPE_DRAFTS (mw_drafts_get_type ())

G_DECLARE_FINAL_TYPE (MwDrafts, mw_drafts, MW, DRAFTS, GObject)

MwDrafts   *mw_drafts_new            (const char          *directory);
const char *mw_drafts_get_directory  (MwDrafts            *self);
char       *mw_drafts_new_id         (MwDrafts            *self);
GPtrArray  *mw_drafts_list           (MwDrafts            *self);
MwNetwork  *mw_drafts_load           (MwDrafts            *self,
                                      const MwDraft       *draft,
                                      const MwLimits      *limits,
                                      GError             **error);
void        mw_drafts_write_async    (MwDrafts            *self,
                                      const char          *id,
                                      const char          *uri,
                                      const char          *etag,
                                      const char          *title,
                                      GBytes              *contents,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    mw_drafts_write_finish   (MwDrafts            *self,
                                      GAsyncResult        *result,
                                      GError             **error);
void        mw_drafts_remove_async   (MwDrafts            *self,
                                      const char          *id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    mw_drafts_remove_finish  (MwDrafts            *self,
                                      GAsyncResult        *result,
                                      GError             **error);
gboolean    mw_drafts_wait           (MwDrafts            *self,
                                      guint                timeout_ms);

G_END_DECLS
