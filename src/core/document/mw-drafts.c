/* mw-drafts.c: unsaved networks kept under the user data dir until saved
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mw-drafts.h"
#include "mw-file.h"
#include "mw-format.h"

/* The session index: a version, then one (id, uri, title, saved, etag) per
 * draft; version 1 had no etag and is still read. Anything else in that
 * file (another version, a torn write, junk) is ignored rather than trusted. */
#define INDEX_TYPE "(ua(sssxs))"
#define INDEX_TYPE_V1 "(ua(sssx))"
#define INDEX_NAME "session.gvariant"

struct _MwDrafts
{
  GObject     parent_instance;

  char       *directory;
  GMutex      lock;       /* the index and the draft files: one writer at a time */
  GHashTable *done;       /* id → last operation applied (guint64 in a pointer) */
  guint64     next_seq;   /* operations are numbered when they are asked for */
  gint        in_flight;  /* operations asked for and not yet done (atomic) */
};

G_DEFINE_FINAL_TYPE (MwDrafts, mw_drafts, G_TYPE_OBJECT)

typedef struct
{
  char    *id;
  char    *uri;
  char    *etag;
  char    *title;
  GBytes  *contents;   /* NULL: remove the draft */
  guint64  seq;
} DraftOp;

void
mw_draft_free (MwDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_free (draft->uri);
  g_free (draft->etag);
  g_free (draft->title);
  g_free (draft);
}

static void
draft_op_free (DraftOp *op)
{
  g_free (op->id);
  g_free (op->uri);
  g_free (op->etag);
  g_free (op->title);
  g_clear_pointer (&op->contents, g_bytes_unref);
  g_free (op);
}

/* Ids name files: a hostile index must not point outside the directory. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

static char *
draft_path (MwDrafts   *self,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, ".dot", NULL);

  g_assert (MW_IS_DRAFTS (self));
  return g_build_filename (self->directory, name, NULL);
}

static void
mw_drafts_finalize (GObject *object)
{
  MwDrafts *self = (MwDrafts *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->done, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (mw_drafts_parent_class)->finalize (object);
}

static void
mw_drafts_class_init (MwDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mw_drafts_finalize;
}

static void
mw_drafts_init (MwDrafts *self)
{
  g_mutex_init (&self->lock);
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * mw_drafts_new:
 * @directory: (nullable): where drafts go; `$XDG_DATA_HOME/meshwork/drafts`
 *   when %NULL
 *
 * Returns: (transfer full): a store of drafts in @directory
 */
MwDrafts *
mw_drafts_new (const char *directory)
{
  MwDrafts *self = g_object_new (MW_TYPE_DRAFTS, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), "meshwork", "drafts", NULL);
  return self;
}

const char *
mw_drafts_get_directory (MwDrafts *self)
{
  g_return_val_if_fail (MW_IS_DRAFTS (self), NULL);
  return self->directory;
}

/**
 * mw_drafts_new_id:
 *
 * Returns: (transfer full): an id no other draft has
 */
char *
mw_drafts_new_id (MwDrafts *self)
{
  g_return_val_if_fail (MW_IS_DRAFTS (self), NULL);
  return g_uuid_string_random ();
}

/* INDEX_TYPE_NAME in BYTES at VERSION, or NULL: another version or damaged. */
static GVariant *
parse_index (GBytes     *bytes,
             const char *type,
             guint32     version)
{
  g_autoptr(GVariant) index = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (type),
                                                                            bytes, FALSE));
  guint32 found = 0;

  if (!g_variant_is_normal_form (index))
    return NULL;
  g_variant_get_child (index, 0, "u", &found);
  return found == version ? g_steal_pointer (&index) : NULL;
}

static void
add_draft (GPtrArray  *drafts,
           const char *id,
           const char *uri,
           const char *title,
           gint64      saved,
           const char *etag)
{
  MwDraft *draft;

  if (!id_is_valid (id))
    return;
  draft = g_new0 (MwDraft, 1);
  draft->id = g_strdup (id);
  draft->uri = *uri != '\0' ? g_strdup (uri) : NULL;
  draft->etag = etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
  draft->title = g_strdup (title);
  draft->saved = saved;
  g_ptr_array_add (drafts, draft);
}

/* Reads the index; an unreadable or foreign one reads as empty. */
static GPtrArray *
read_index (MwDrafts *self)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_draft_free);
  g_autofree char *path = g_build_filename (self->directory, INDEX_NAME, NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GVariant) entries = NULL;
  g_autoptr(GError) error = NULL;
  GVariantIter iter;
  const char *id, *uri, *title, *etag;
  gint64 saved;

  g_assert (MW_IS_DRAFTS (self));

  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Ignoring the drafts index: %s", error->message);
      return g_steal_pointer (&drafts);
    }

  bytes = g_mapped_file_get_bytes (mapped);
  if ((index = parse_index (bytes, INDEX_TYPE, MW_DRAFTS_INDEX_VERSION)) != NULL)
    {
      entries = g_variant_get_child_value (index, 1);
      g_variant_iter_init (&iter, entries);
      while (g_variant_iter_next (&iter, "(&s&s&sx&s)", &id, &uri, &title, &saved, &etag))
        add_draft (drafts, id, uri, title, saved, etag);
    }
  else if ((index = parse_index (bytes, INDEX_TYPE_V1, 1)) != NULL)
    {
      /* Drafts written before the index held etags: their first save cannot check. */
      entries = g_variant_get_child_value (index, 1);
      g_variant_iter_init (&iter, entries);
      while (g_variant_iter_next (&iter, "(&s&s&sx)", &id, &uri, &title, &saved))
        add_draft (drafts, id, uri, title, saved, NULL);
    }
  else
    g_message ("Ignoring the drafts index %s: another version, or damaged", path);

  return g_steal_pointer (&drafts);
}

static gboolean
write_index (MwDrafts   *self,
             GPtrArray  *drafts,
             GError    **error)
{
  g_autofree char *path = g_build_filename (self->directory, INDEX_NAME, NULL);
  g_autoptr(GVariant) index = NULL;
  GVariantBuilder builder;

  g_assert (MW_IS_DRAFTS (self));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sssxs)"));
  for (guint i = 0; i < drafts->len; i++)
    {
      MwDraft *draft = g_ptr_array_index (drafts, i);
      g_variant_builder_add (&builder, "(sssxs)", draft->id, draft->uri ? draft->uri : "",
                             draft->title ? draft->title : "", draft->saved,
                             draft->etag ? draft->etag : "");
    }
  index = g_variant_ref_sink (g_variant_new (INDEX_TYPE, MW_DRAFTS_INDEX_VERSION, &builder));

  return mw_write_file (path, g_variant_get_data (index), g_variant_get_size (index), error);
}

static guint
find_draft (GPtrArray  *drafts,
            const char *id)
{
  for (guint i = 0; i < drafts->len; i++)
    if (g_str_equal (((MwDraft *)g_ptr_array_index (drafts, i))->id, id))
      return i;
  return G_MAXUINT;
}

/* Under the lock: the draft file first, then the index that names it. */
static gboolean
apply_op (MwDrafts  *self,
          DraftOp   *op,
          GError   **error)
{
  g_autoptr(GPtrArray) drafts = read_index (self);
  g_autofree char *path = draft_path (self, op->id);
  guint pos = find_draft (drafts, op->id);
  MwDraft *draft;

  if (op->contents == NULL)
    {
      if (pos != G_MAXUINT)
        g_ptr_array_remove_index (drafts, pos);
      if (!write_index (self, drafts, error))
        return FALSE;
      if (g_remove (path) != 0 && errno != ENOENT)
        g_message ("Could not remove the draft %s: %s", path, g_strerror (errno));
      return TRUE;
    }

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the drafts folder %s: %s"), self->directory,
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!mw_write_file (path, g_bytes_get_data (op->contents, NULL),
                      g_bytes_get_size (op->contents), error))
    return FALSE;

  if (pos == G_MAXUINT)
    {
      draft = g_new0 (MwDraft, 1);
      draft->id = g_strdup (op->id);
      g_ptr_array_add (drafts, draft);
    }
  else
    draft = g_ptr_array_index (drafts, pos);
  g_free (draft->uri);
  draft->uri = g_strdup (op->uri);
  g_free (draft->etag);
  draft->etag = g_strdup (op->etag);
  g_free (draft->title);
  draft->title = g_strdup (op->title);
  draft->saved = g_get_real_time ();
  return write_index (self, drafts, error);
}

/* A worker thread: writes may finish out of order, so an operation older
 * than the last one applied to its draft is dropped. */
static void
op_thread (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  MwDrafts *self = source_object;
  DraftOp *op = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_mutex_lock (&self->lock);
  if (op->seq > GPOINTER_TO_SIZE (g_hash_table_lookup (self->done, op->id)))
    {
      ok = apply_op (self, op, &error);
      g_hash_table_replace (self->done, g_strdup (op->id), GSIZE_TO_POINTER ((gsize)op->seq));
    }
  g_mutex_unlock (&self->lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  /* After the return: its callback is queued before mw_drafts_wait() looks. */
  g_atomic_int_add (&self->in_flight, -1);
}

static void
run_op (MwDrafts            *self,
        DraftOp             *op,
        gpointer             source_tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_assert (MW_IS_DRAFTS (self));

  g_mutex_lock (&self->lock);
  op->seq = ++self->next_seq;
  g_mutex_unlock (&self->lock);
  g_atomic_int_inc (&self->in_flight);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify)draft_op_free);
  g_task_run_in_thread (task, op_thread);
}

/**
 * mw_drafts_write_async:
 * @uri: (nullable): the document's own file, never written here
 * @etag: (nullable): that file's etag when the document last loaded or
 *   saved it, so that a restored draft's first save can check it
 * @contents: the network as DOT
 *
 * Writes the draft @id and records it in the session index, in a worker
 * thread. A later write or removal of the same draft always wins.
 */
void
mw_drafts_write_async (MwDrafts            *self,
                       const char          *id,
                       const char          *uri,
                       const char          *etag,
                       const char          *title,
                       GBytes              *contents,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  DraftOp *op;

  g_return_if_fail (MW_IS_DRAFTS (self));
  g_return_if_fail (id_is_valid (id));
  g_return_if_fail (contents != NULL);

  op = g_new0 (DraftOp, 1);
  op->id = g_strdup (id);
  op->uri = g_strdup (uri);
  op->etag = g_strdup (etag);
  op->title = g_strdup (title);
  op->contents = g_bytes_ref (contents);
  run_op (self, op, mw_drafts_write_async, cancellable, callback, user_data);
}

gboolean
mw_drafts_write_finish (MwDrafts      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (MW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mw_drafts_remove_async:
 *
 * Forgets the draft @id (its document was saved or discarded), in a worker
 * thread. Writes asked for before this one are dropped.
 */
void
mw_drafts_remove_async (MwDrafts            *self,
                        const char          *id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  DraftOp *op;

  g_return_if_fail (MW_IS_DRAFTS (self));
  g_return_if_fail (id_is_valid (id));

  op = g_new0 (DraftOp, 1);
  op->id = g_strdup (id);
  run_op (self, op, mw_drafts_remove_async, cancellable, callback, user_data);
}

gboolean
mw_drafts_remove_finish (MwDrafts      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (MW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mw_drafts_list:
 *
 * Reads the session index. A damaged index lists nothing; a draft whose
 * file is gone is left out.
 *
 * Returns: (transfer full) (element-type MwDraft): the drafts, oldest first
 */
GPtrArray *
mw_drafts_list (MwDrafts *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (MW_IS_DRAFTS (self), NULL);

  g_mutex_lock (&self->lock);
  drafts = read_index (self);
  g_mutex_unlock (&self->lock);

  for (guint i = drafts->len; i > 0; i--)
    {
      g_autofree char *path = draft_path (self, ((MwDraft *)g_ptr_array_index (drafts, i - 1))->id);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_remove_index (drafts, i - 1);
    }
  return g_steal_pointer (&drafts);
}

/**
 * mw_drafts_load:
 * @limits: (nullable): refusals for the draft file, the defaults when %NULL
 *
 * Returns: (transfer full) (nullable): the network @draft holds
 */
MwNetwork *
mw_drafts_load (MwDrafts        *self,
                const MwDraft   *draft,
                const MwLimits  *limits,
                GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MW_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (draft != NULL && id_is_valid (draft->id), NULL);

  path = draft_path (self, draft->id);
  /* Drafts are always DOT, whatever their network's own file is. */
  return mw_format_load_file (MW_FORMAT_DOT, path, limits, error);
}

/**
 * mw_drafts_wait:
 * @timeout_ms: the longest to wait
 *
 * Blocks until every write and removal asked for is on disk and its
 * callback has run, so a process that exits loses none (a removal after
 * a save, say).
 *
 * Returns: %TRUE when nothing is left in flight
 */
gboolean
mw_drafts_wait (MwDrafts *self,
                guint     timeout_ms)
{
  gint64 end;

  g_return_val_if_fail (MW_IS_DRAFTS (self), FALSE);

  end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  while (g_atomic_int_get (&self->in_flight) > 0 && g_get_monotonic_time () < end)
    g_usleep (1000);
  /* The callbacks, and the tasks' last references, come through the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return g_atomic_int_get (&self->in_flight) == 0;
}
