/* mw-draft-autosave.c: writes a network's draft a few seconds after it changes
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-drafts"

#include "config.h"

#include "mw-draft-autosave.h"
#include "mw-format.h"

struct _MwDraftAutosave
{
  GObject    parent_instance;

  MwDrafts  *drafts;
  MwNetwork *network;
  char      *id;
  char      *uri;
  char      *etag;
  char      *title;
  guint      interval_ms;
  guint      timeout_id;
  guint      n_written;   /* drafts written and on disk */
  gboolean   dirty;       /* the network differs from its file */
  gboolean   on_disk;     /* a draft may exist: removing it is needed */
};

G_DEFINE_FINAL_TYPE (MwDraftAutosave, mw_draft_autosave, G_TYPE_OBJECT)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MwDraftAutosave) self = user_data;
  g_autoptr(GError) error = NULL;

  if (mw_drafts_write_finish (MW_DRAFTS (object), result, &error))
    self->n_written++;
  else
    g_signal_emit (self, signals[FAILED], 0, error);
}

static void
remove_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mw_drafts_remove_finish (MW_DRAFTS (object), result, &error))
    g_message ("Could not forget a draft: %s", error->message);
}

static gboolean
timeout_cb (gpointer user_data)
{
  MwDraftAutosave *self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  char *text;

  g_assert (MW_IS_DRAFT_AUTOSAVE (self));

  self->timeout_id = 0;
  if (!self->dirty || self->network == NULL)
    return G_SOURCE_REMOVE;

  /* Serialising is quick; the disk is what must stay off the UI thread. */
  text = mw_format_save_data (MW_FORMAT_DOT, self->network, &length);
  bytes = g_bytes_new_take (text, length);
  self->on_disk = TRUE;
  mw_drafts_write_async (self->drafts, self->id, self->uri, self->etag, self->title, bytes,
                         NULL, write_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule (MwDraftAutosave *self)
{
  g_assert (MW_IS_DRAFT_AUTOSAVE (self));

  /* Debounced: a burst of edits is one write, the interval after the last. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->interval_ms, timeout_cb, self);
}

static void
network_changed_cb (MwDraftAutosave *self)
{
  g_assert (MW_IS_DRAFT_AUTOSAVE (self));
  schedule (self);
}

static void
mw_draft_autosave_dispose (GObject *object)
{
  MwDraftAutosave *self = (MwDraftAutosave *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (mw_draft_autosave_parent_class)->dispose (object);
}

static void
mw_draft_autosave_finalize (GObject *object)
{
  MwDraftAutosave *self = (MwDraftAutosave *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (mw_draft_autosave_parent_class)->finalize (object);
}

static void
mw_draft_autosave_class_init (MwDraftAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mw_draft_autosave_dispose;
  object_class->finalize = mw_draft_autosave_finalize;

  /**
   * MwDraftAutosave::failed:
   * @error: why the draft could not be written (a full disk, say)
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
mw_draft_autosave_init (MwDraftAutosave *self)
{
}

/**
 * mw_draft_autosave_new:
 * @interval_ms: how long after the last change the draft is written
 *
 * Returns: (transfer full): an autosave with a fresh draft id
 */
MwDraftAutosave *
mw_draft_autosave_new (MwDrafts *drafts,
                       guint     interval_ms)
{
  MwDraftAutosave *self;

  g_return_val_if_fail (MW_IS_DRAFTS (drafts), NULL);

  self = g_object_new (MW_TYPE_DRAFT_AUTOSAVE, NULL);
  self->drafts = g_object_ref (drafts);
  self->interval_ms = MAX (interval_ms, 1);
  self->id = mw_drafts_new_id (drafts);
  return self;
}

const char *
mw_draft_autosave_get_id (MwDraftAutosave *self)
{
  g_return_val_if_fail (MW_IS_DRAFT_AUTOSAVE (self), NULL);
  return self->id;
}

/* A restored draft keeps its id, so a second crash still finds it. */
void
mw_draft_autosave_set_id (MwDraftAutosave *self,
                          const char      *id)
{
  g_return_if_fail (MW_IS_DRAFT_AUTOSAVE (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
  self->on_disk = TRUE;
}

void
mw_draft_autosave_set_network (MwDraftAutosave *self,
                               MwNetwork       *network)
{
  g_return_if_fail (MW_IS_DRAFT_AUTOSAVE (self));
  g_return_if_fail (network == NULL || MW_IS_NETWORK (network));

  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_set_object (&self->network, network);
  if (network != NULL)
    g_signal_connect_object (network, "changed", G_CALLBACK (network_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/**
 * mw_draft_autosave_set_origin:
 * @uri: (nullable): the document's file
 * @etag: (nullable): that file's etag when the document last loaded or saved it
 * @title: (nullable): its title
 *
 * What the session index says the draft belongs to.
 */
void
mw_draft_autosave_set_origin (MwDraftAutosave *self,
                              const char      *uri,
                              const char      *etag,
                              const char      *title)
{
  g_return_if_fail (MW_IS_DRAFT_AUTOSAVE (self));

  g_free (self->uri);
  self->uri = g_strdup (uri);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * mw_draft_autosave_set_dirty:
 *
 * A dirty network gets a draft after its next change; a clean one (saved,
 * or its changes discarded) loses its draft now.
 */
void
mw_draft_autosave_set_dirty (MwDraftAutosave *self,
                             gboolean         dirty)
{
  g_return_if_fail (MW_IS_DRAFT_AUTOSAVE (self));

  dirty = !!dirty;
  if (dirty == self->dirty)
    return;
  self->dirty = dirty;
  if (dirty)
    {
      schedule (self);
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->on_disk)
    mw_drafts_remove_async (self->drafts, self->id, NULL, remove_cb, NULL);
  self->on_disk = FALSE;
}

guint
mw_draft_autosave_get_n_written (MwDraftAutosave *self)
{
  g_return_val_if_fail (MW_IS_DRAFT_AUTOSAVE (self), 0);
  return self->n_written;
}
