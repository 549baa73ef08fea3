/* mw-document.c: a network, its history, its scores and its file
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-document"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-document.h"
#include "mw-draft-autosave.h"
#include "mw-file.h"
#include "mw-format.h"

struct _MwDocument
{
  GObject    parent_instance;

  MwNetwork *network;
  MwHistory *history;
  GFile     *file;
  char      *title;      /* (nullable) shown when there is no file */
  char      *etag;       /* (nullable) the file as last loaded or saved */
  MwLimits   limits;     /* refusals for files this document opens */
  MwDraftAutosave *autosave;  /* (nullable) keeps unsaved edits in a draft */
  MwScorer  *scorer;     /* (nullable) made when first asked for, per network */
  MwNetwork *scorer_copy;    /* (nullable) the load's copy of network for its scorer */
  MwNetwork *view_copy;      /* (nullable) … and for a view that draws on another thread */
  MwProgress *load_progress; /* (nullable) the load on its way */
  gboolean   restored;   /* holds a recovered draft or kept slides: differs from its file */
};

G_DEFINE_FINAL_TYPE (MwDocument, mw_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_HISTORY,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_autosave (MwDocument *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;

  g_assert (MW_IS_DOCUMENT (self));

  if (self->autosave == NULL)
    return;
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  title = mw_document_dup_title (self);
  mw_draft_autosave_set_network (self->autosave, self->network);
  mw_draft_autosave_set_origin (self->autosave, uri, self->etag, title);
  mw_draft_autosave_set_dirty (self->autosave, mw_document_get_modified (self));
}

static void
history_modified_cb (MwDocument *self)
{
  g_assert (MW_IS_DOCUMENT (self));
  if (self->autosave != NULL)
    mw_draft_autosave_set_dirty (self->autosave, mw_document_get_modified (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void replace_network (MwDocument *self,
                             MwNetwork  *network,
                             GFile      *file,
                             const char *title,
                             gboolean    restored);

static void
mw_document_dispose (GObject *object)
{
  MwDocument *self = (MwDocument *)object;

  g_clear_object (&self->scorer);
  g_clear_object (&self->scorer_copy);
  g_clear_object (&self->view_copy);
  g_clear_object (&self->history);
  g_clear_object (&self->network);
  g_clear_object (&self->file);
  g_clear_object (&self->autosave);

  G_OBJECT_CLASS (mw_document_parent_class)->dispose (object);
}

static void
mw_document_finalize (GObject *object)
{
  MwDocument *self = (MwDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->load_progress, mw_progress_unref);

  G_OBJECT_CLASS (mw_document_parent_class)->finalize (object);
}

static void
mw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MwDocument *self = MW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NETWORK:  g_value_set_object (value, self->network); break;
    case PROP_HISTORY:  g_value_set_object (value, self->history); break;
    case PROP_FILE:     g_value_set_object (value, self->file); break;
    case PROP_TITLE:    g_value_take_string (value, mw_document_dup_title (self)); break;
    case PROP_MODIFIED: g_value_set_boolean (value, mw_document_get_modified (self)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_document_class_init (MwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mw_document_dispose;
  object_class->finalize = mw_document_finalize;
  object_class->get_property = mw_document_get_property;

  properties[PROP_NETWORK] = g_param_spec_object ("network", NULL, NULL, MW_TYPE_NETWORK, ro);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, MW_TYPE_HISTORY, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mw_document_init (MwDocument *self)
{
  g_autoptr(MwNetwork) network = mw_network_new ();

  mw_limits_init_default (&self->limits);
  mw_document_replace_network (self, network, NULL, NULL);
}

MwDocument *
mw_document_new (void)
{
  return g_object_new (MW_TYPE_DOCUMENT, NULL);
}

/**
 * mw_document_get_network:
 *
 * Returns: (transfer none): the network; a load replaces it (notify::network)
 */
MwNetwork *
mw_document_get_network (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);
  return self->network;
}

/**
 * mw_document_get_scorer:
 *
 * The scores of the document's network, kept current as it is edited. The
 * scorer is made on the first call, so a document nobody looks at is never
 * scored; a new network (notify::network) gets a new one.
 *
 * Returns: (transfer none): the scorer of the current network
 */
MwScorer *
mw_document_get_scorer (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);

  if (self->scorer == NULL)
    self->scorer = mw_scorer_new_with_copy (self->network, self->scorer_copy);
  g_clear_object (&self->scorer_copy);
  return self->scorer;
}

/**
 * mw_document_take_view_copy:
 *
 * A copy of the network just loaded, made beside the scorer's in the
 * load's worker, for a view that draws it on a thread of its own (the
 * canvas's tiles): only while the network is announced, and only while it
 * is the network as loaded (a large one's; a small one has none).
 *
 * Returns: (transfer full) (nullable): the copy, given once
 */
MwNetwork *
mw_document_take_view_copy (MwDocument *self)
{
  g_autoptr(MwNetwork) copy = NULL;

  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);

  copy = g_steal_pointer (&self->view_copy);
  if (copy == NULL || mw_network_get_generation (copy) != mw_network_get_generation (self->network))
    return NULL;
  return g_steal_pointer (&copy);
}

/**
 * mw_document_get_history:
 *
 * Returns: (transfer none): the edits of the current network
 */
MwHistory *
mw_document_get_history (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);
  return self->history;
}

/**
 * mw_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the network is saved
 */
GFile *
mw_document_get_file (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * mw_document_dup_title:
 *
 * Returns: (transfer full): the file's display name, or a title for a
 *   network that has never been saved
 */
char *
mw_document_dup_title (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      return g_filename_display_name (basename);
    }

  return g_strdup (self->title != NULL ? self->title : _("Untitled Network"));
}

gboolean
mw_document_get_modified (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), FALSE);
  return self->restored || mw_history_get_modified (self->history);
}

/**
 * mw_document_mark_modified:
 *
 * The document differs from its file by a change the history does not
 * record (the slides kept in a graph attribute), until it is saved.
 */
void
mw_document_mark_modified (MwDocument *self)
{
  g_return_if_fail (MW_IS_DOCUMENT (self));

  if (self->restored)
    return;
  self->restored = TRUE;
  history_modified_cb (self);
}

/* Empty, never saved and never edited: a place an opened file can take over. */
gboolean
mw_document_is_blank (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), FALSE);

  return self->file == NULL && self->title == NULL &&
         mw_network_get_n_actors (self->network) == 0 &&
         mw_history_get_n_steps (self->history) == 0;
}

/**
 * mw_document_replace_network:
 * @file: (nullable): where @network came from
 * @title: (nullable): the title when there is no file
 *
 * Makes @network the document's, with a fresh history.
 */
void
mw_document_replace_network (MwDocument *self,
                             MwNetwork  *network,
                             GFile      *file,
                             const char *title)
{
  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (MW_IS_NETWORK (network));

  replace_network (self, network, file, title, FALSE);
}

static void
replace_network (MwDocument *self,
                 MwNetwork  *network,
                 GFile      *file,
                 const char *title,
                 gboolean    restored)
{
  g_assert (MW_IS_DOCUMENT (self));

  /* Before anyone hears of the new network: its scorer must be new too. */
  if (self->network != network)
    g_clear_object (&self->scorer);
  g_set_object (&self->network, network);
  g_set_object (&self->file, file);
  mw_set_str (&self->title, title);
  g_clear_pointer (&self->etag, g_free);
  self->restored = restored;
  g_clear_object (&self->history);
  self->history = mw_history_new (network);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);
  update_autosave (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  /* The load's copies serve only a scorer and a view asked for while the network was announced. */
  g_clear_object (&self->scorer_copy);
  g_clear_object (&self->view_copy);
}

typedef struct
{
  GFile      *file;
  MwLimits    limits;
  MwProgress *progress;
  guint64     size;      /* the file's, as queried before reading */
  MwNetwork  *network;   /* out */
  MwNetwork  *copy;      /* out, (nullable): network's copy for a scorer's worker */
  MwNetwork  *view_copy; /* out, (nullable): … and one for a view's (the canvas's tiles) */
  char       *etag;      /* out */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->progress, mw_progress_unref);
  g_clear_object (&data->file);
  g_clear_object (&data->network);
  g_clear_object (&data->copy);
  g_clear_object (&data->view_copy);
  g_free (data->etag);
  g_free (data);
}

/* A file over the size limit is refused before a byte of it is read. */
static gboolean
check_size (LoadData      *data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);
  guint64 size;

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  size = data->size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);
  if (size > data->limits.max_bytes)
    {
      /* The numbers are formatted apart: xgettext cannot see through
       * G_GUINT64_FORMAT, so the message would never be translated. */
      g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
      g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, data->limits.max_bytes);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: the file is %s bytes, more than the limit of %s "
                     "(the setting max-file-size can raise it)"),
                   name, size_text, limit_text);
      return FALSE;
    }
  return TRUE;
}

#define READ_CHUNK (1024 * 1024)
#define READ_SHARE 0.05   /* of the whole load's progress */

/* Reads the whole file in chunks, so that the progress tells bytes read
 * and a cancel is heard between chunks. */
static char *
read_contents (LoadData      *data,
               guint64        size,
               gsize         *length,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (data->file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  gsize n = 0;

  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE, cancellable, NULL);
  if (info != NULL)
    data->etag = g_strdup (g_file_info_get_etag (info));

  bytes = g_byte_array_sized_new ((guint) MIN (size + 1, G_MAXUINT));
  for (;;)
    {
      gssize got;

      g_byte_array_set_size (bytes, n + READ_CHUNK);
      got = g_input_stream_read (G_INPUT_STREAM (stream), bytes->data + n, READ_CHUNK, cancellable, error);
      if (got < 0)
        return NULL;
      if (got == 0)
        break;
      n += got;
      mw_progress_set_fraction (data->progress, READ_SHARE * MIN (1.0, (double) n / MAX (size, 1)));
    }
  g_byte_array_set_size (bytes, n + 1);
  bytes->data[n] = '\0';
  *length = n;
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Runs in a worker thread: the parser takes the Graphviz lock itself and
 * reports how far it has read to the thread's progress. */
/* Only reads @data, a network nobody else holds yet. */
static gpointer
copy_thread (gpointer data)
{
  return mw_network_copy (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!check_size (data, cancellable, &error) ||
      (contents = read_contents (data, data->size, &length, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  basename = g_file_get_basename (data->file);
  mw_progress_push_thread_default (data->progress);
  data->network = mw_format_load_data (MW_FORMAT_UNKNOWN, contents, length, name, basename,
                                       &data->limits, &error);
  mw_progress_pop_thread_default (data->progress);
  if (data->network == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* A large network's scorer scores a copy in its own worker, and the
   * canvas draws its tiles on another: made here, where nobody else holds
   * the network yet, they cost the window nothing (a quarter of a second
   * each at 100,000 actors), and side by side, the load no more than one. */
  if (mw_network_get_n_actors (data->network) > MW_SCORER_DEFAULT_THREAD_THRESHOLD)
    {
      GThread *beside = g_thread_new ("mw-load-copy", copy_thread, data->network);

      data->copy = mw_network_copy (data->network);
      data->view_copy = g_thread_join (beside);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * mw_document_load_async:
 *
 * Reads and parses @file in a worker thread, within the document's limits,
 * as the format its name says, or else its content (mw_format_load_data()).
 * The document changes only when that succeeds: a broken or oversized file
 * leaves the current network untouched.
 */
void
mw_document_load_async (MwDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->limits = self->limits;
  data->progress = mw_progress_new (cancellable);
  g_clear_pointer (&self->load_progress, mw_progress_unref);
  self->load_progress = mw_progress_ref (data->progress);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * mw_document_get_load_progress:
 *
 * Returns: (nullable) (transfer none): how far the load on its way has
 *   come (readable while the worker reads and parses), or %NULL
 */
MwProgress *
mw_document_get_load_progress (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);
  return self->load_progress;
}

gboolean
mw_document_load_finish (MwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (MW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (self->load_progress == data->progress)
    g_clear_pointer (&self->load_progress, mw_progress_unref);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* Before the network is announced: whoever hears of it asks for its scorer. */
  g_set_object (&self->scorer_copy, data->copy);
  g_set_object (&self->view_copy, data->view_copy);
  mw_document_replace_network (self, data->network, data->file, NULL);
  self->etag = g_steal_pointer (&data->etag);
  /* The etag goes with every draft of this network. */
  update_autosave (self);
  return TRUE;
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  char    *etag;        /* (nullable) what the file must still be */
  guint64  generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->etag);
  g_free (data);
}

static void
saved (MwDocument *self,
       SaveData   *data,
       char       *new_etag)
{
  g_assert (MW_IS_DOCUMENT (self));

  g_free (self->etag);
  self->etag = new_etag;

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_set_object (&self->file, data->file);
      g_clear_pointer (&self->title, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  /* Edits made while the bytes were on their way are still unsaved. */
  if (mw_network_get_generation (self->network) == data->generation)
    {
      self->restored = FALSE;
      mw_history_set_unmodified (self->history);
      history_modified_cb (self);
    }
  update_autosave (self);
}

/* Takes TASK and NEW_ETAG: the end of every save, written or not. */
static void
return_saved (GTask        *task,
              char         *new_etag,
              const GError *error)
{
  MwDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *name = g_file_get_parse_name (data->file);

  if (error == NULL)
    {
      saved (self, data, new_etag);
      g_task_return_boolean (task, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                             _("%s was changed by another program since it was opened"), name);
  else if (error->domain == G_FILE_ERROR)
    /* mw_write_file()'s message names the file already. */
    g_task_return_new_error (task, error->domain, error->code, _("%s. The changes are kept "
                             "in Meshwork: save them somewhere else"), error->message);
  else
    g_task_return_new_error (task, error->domain, error->code, _("%s: %s. The changes are kept "
                             "in Meshwork: save them somewhere else"), name, error->message);
  g_object_unref (task);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *new_etag = NULL;

  g_file_replace_contents_finish (G_FILE (object), result, &new_etag, &error);
  return_saved (user_data, new_etag, error);
}

static char *
query_etag (GFile   *file,
            GError **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* A worker thread. GIO's replace leaves its .goutputstream-XXXXXX beside
 * the file when killed; mw_write_file_full() leaves nothing. */
static void
write_local_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;
  const char *bytes;
  gsize size;

  if (data->etag != NULL)
    {
      etag = query_etag (data->file, &error);
      if (etag != NULL && !g_str_equal (etag, data->etag))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG, "%s", path);
          return;
        }
      g_clear_error (&error);
    }

  bytes = g_bytes_get_data (data->bytes, &size);
  if (!mw_write_file_full (path, bytes, size, MW_WRITE_BACKUP, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Written: without an etag the next save just does not check it. */
  g_task_return_pointer (task, query_etag (data->file, NULL), g_free);
}

static void
write_local_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *new_etag = g_task_propagate_pointer (G_TASK (result), &error);

  return_saved (user_data, new_etag, error);
}

/* Takes TASK. */
static void
write_bytes (GTask *task)
{
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GTask) local = NULL;

  if (!g_file_is_native (data->file))
    {
      /* Atomic: a temporary file renamed over the old one, which stays as FILE~. */
      g_file_replace_contents_bytes_async (data->file, data->bytes, data->etag, TRUE,
                                           G_FILE_CREATE_NONE, g_task_get_cancellable (task),
                                           replace_contents_cb, task);
      return;
    }

  /* The same, with no temporary left however the write ends. */
  local = g_task_new (NULL, g_task_get_cancellable (task), write_local_cb, task);
  g_task_set_source_tag (local, write_local_thread);
  g_task_set_task_data (local, data, NULL);
  g_task_run_in_thread (local, write_local_thread);
}

/* GIO creates a missing file without looking at the etag: a file deleted
 * under the document has to be noticed before. */
static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (object));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                               _("%s was deleted or moved by another program since it was opened"), name);
      g_object_unref (task);
      return;
    }
  write_bytes (task);
}

/**
 * mw_document_save_async:
 * @file: (nullable): where to save; the document's own file when %NULL
 *
 * Writes the network in the format @file's name says (DOT when it says
 * none: see mw_format_for_name()), atomically (a temporary file renamed over
 * the old one, kept as a backup), and makes @file the document's file.
 * Saving over the document's own file fails with %G_IO_ERROR_WRONG_ETAG
 * when another program changed or deleted it since it was loaded or saved;
 * mw_document_forget_etag() lets the next save overwrite it. On any error
 * the document stays as it was, modified.
 */
void
mw_document_save_async (MwDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = NULL;
  SaveData *data;
  g_autofree char *basename = NULL;
  char *text;
  gsize length = 0;

  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_document_save_async);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file != NULL ? file : self->file);
  data->generation = mw_network_get_generation (self->network);
  if (self->file != NULL && g_file_equal (self->file, data->file))
    data->etag = g_strdup (self->etag);
  /* Saved back in the format its name says, so a network opened from yEd
   * or Gephi stays GraphML; DOT when the name says nothing. */
  basename = g_file_get_basename (data->file);
  text = mw_format_save_data (mw_format_for_name (basename), self->network, &length);
  data->bytes = g_bytes_new_take (text, length);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  if (data->etag != NULL)
    g_file_query_info_async (data->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                             G_PRIORITY_DEFAULT, cancellable, query_cb, task);
  else
    write_bytes (task);
}

gboolean
mw_document_save_finish (MwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mw_document_forget_etag:
 *
 * The user chose to overwrite what another program did to the file: the
 * next save does not check it.
 */
void
mw_document_forget_etag (MwDocument *self)
{
  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_clear_pointer (&self->etag, g_free);
}

/**
 * mw_document_set_limits:
 * @limits: (nullable): the defaults when %NULL
 *
 * Files this document opens from now on are refused beyond @limits.
 */
void
mw_document_set_limits (MwDocument     *self,
                        const MwLimits *limits)
{
  g_return_if_fail (MW_IS_DOCUMENT (self));

  if (limits != NULL)
    self->limits = *limits;
  else
    mw_limits_init_default (&self->limits);
}

/**
 * mw_document_set_drafts:
 * @drafts: where unsaved edits go
 * @interval_ms: how long after the last edit its draft is written
 *
 * From now on every unsaved edit reaches a draft in @drafts, which goes
 * when the document is saved or its changes are discarded.
 */
void
mw_document_set_drafts (MwDocument *self,
                        MwDrafts   *drafts,
                        guint       interval_ms)
{
  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (MW_IS_DRAFTS (drafts));
  g_return_if_fail (self->autosave == NULL);

  self->autosave = mw_draft_autosave_new (drafts, interval_ms);
  update_autosave (self);
}

/**
 * mw_document_get_autosave:
 *
 * Returns: (transfer none) (nullable): what writes the document's draft
 */
MwDraftAutosave *
mw_document_get_autosave (MwDocument *self)
{
  g_return_val_if_fail (MW_IS_DOCUMENT (self), NULL);
  return self->autosave;
}

/**
 * mw_document_restore_draft:
 * @network: what @draft held
 *
 * Makes @network the document's, modified (it is not in its file), still
 * kept in the same draft. The first save over its file checks the etag the
 * draft recorded, so a file another program changed meanwhile is not
 * overwritten without asking.
 */
void
mw_document_restore_draft (MwDocument    *self,
                           MwNetwork     *network,
                           const MwDraft *draft)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (MW_IS_NETWORK (network));
  g_return_if_fail (draft != NULL);

  /* The same draft goes on holding the network, so a second crash finds it. */
  if (self->autosave != NULL)
    mw_draft_autosave_set_id (self->autosave, draft->id);
  file = draft->uri != NULL ? g_file_new_for_uri (draft->uri) : NULL;
  replace_network (self, network, file, file == NULL ? draft->title : NULL, TRUE);
  if (file != NULL && draft->etag != NULL)
    {
      self->etag = g_strdup (draft->etag);
      update_autosave (self);
    }
}

/**
 * mw_document_discard_draft:
 *
 * The user chose to lose the unsaved changes: their draft goes too.
 */
void
mw_document_discard_draft (MwDocument *self)
{
  g_return_if_fail (MW_IS_DOCUMENT (self));

  if (self->autosave != NULL)
    mw_draft_autosave_set_dirty (self->autosave, FALSE);
}
