/* mw-document.c: a network, its history and its file
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-document"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-document.h"
#include "mw-dot.h"

struct _MwDocument
{
  GObject    parent_instance;

  MwNetwork *network;
  MwHistory *history;
  GFile     *file;
  char      *title;      /* (nullable) shown when there is no file */
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
history_modified_cb (MwDocument *self)
{
  g_assert (MW_IS_DOCUMENT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
mw_document_dispose (GObject *object)
{
  MwDocument *self = (MwDocument *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->network);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (mw_document_parent_class)->dispose (object);
}

static void
mw_document_finalize (GObject *object)
{
  MwDocument *self = (MwDocument *)object;

  g_clear_pointer (&self->title, g_free);

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
  return mw_history_get_modified (self->history);
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

  g_set_object (&self->network, network);
  g_set_object (&self->file, file);
  mw_set_str (&self->title, title);
  g_clear_object (&self->history);
  self->history = mw_history_new (network);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Runs in a worker thread: the parser takes the Graphviz lock itself. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  network = mw_dot_load_data (contents, length, name, NULL, &error);
  if (network == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&network), g_object_unref);
}

/**
 * mw_document_load_async:
 *
 * Reads and parses @file in a worker thread. The document changes only
 * when that succeeds: a broken file leaves the current network untouched.
 */
void
mw_document_load_async (MwDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
mw_document_load_finish (MwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(MwNetwork) network = NULL;

  g_return_val_if_fail (MW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  network = g_task_propagate_pointer (G_TASK (result), error);
  if (network == NULL)
    return FALSE;

  mw_document_replace_network (self, network,
                               g_task_get_task_data (G_TASK (result)), NULL);
  return TRUE;
}

typedef struct
{
  GFile   *file;
  guint64  generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MwDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (data->file);
      g_task_return_new_error (task, error->domain, error->code,
                               "%s: %s", name, error->message);
      return;
    }

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_set_object (&self->file, data->file);
      g_clear_pointer (&self->title, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  /* Edits made while the bytes were on their way are still unsaved. */
  if (mw_network_get_generation (self->network) == data->generation)
    mw_history_set_unmodified (self->history);

  g_task_return_boolean (task, TRUE);
}

/**
 * mw_document_save_async:
 * @file: (nullable): where to save; the document's own file when %NULL
 *
 * Writes the network as DOT, atomically (a temporary file renamed over
 * the old one), and makes @file the document's file.
 */
void
mw_document_save_async (MwDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;
  char *text;
  gsize length = 0;

  g_return_if_fail (MW_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_document_save_async);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file != NULL ? file : self->file);
  data->generation = mw_network_get_generation (self->network);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  text = mw_dot_save_data (self->network, &length);
  bytes = g_bytes_new_take (text, length);
  g_file_replace_contents_bytes_async (data->file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replace_contents_cb,
                                       g_steal_pointer (&task));
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
