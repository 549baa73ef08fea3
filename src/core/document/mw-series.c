/* mw-series.c: the series file — its snapshots, reading and writing it
 *
 * A series file is a small JSON document:
 *
 *   { "meshwork-series": 1,
 *     "snapshots": [ { "file": "q1.gv", "date": "2026-03-31", "title": "Q1" }, … ] }
 *
 * Files are written relative to the series file, so a folder of snapshots
 * moves with it. Loading and scoring the snapshots is mw-series-load.c's.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-series"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mw-file.h"
#include "mw-series-private.h"

#define FORMAT_KEY     "meshwork-series"
#define FORMAT_VERSION 1

G_DEFINE_FINAL_TYPE (MwSeries, mw_series, G_TYPE_OBJECT)

void
_mw_snapshot_clear_loaded (MwSnapshot *snapshot)
{
  g_clear_object (&snapshot->network);
  g_clear_pointer (&snapshot->scores, mw_scores_unref);
  g_clear_error (&snapshot->error);
  g_clear_pointer (&snapshot->when, g_date_time_unref);
  snapshot->date_source = MW_SERIES_DATE_NONE;
}

static void
snapshot_free (MwSnapshot *snapshot)
{
  _mw_snapshot_clear_loaded (snapshot);
  g_free (snapshot->path);
  g_free (snapshot->date);
  g_free (snapshot->title);
  g_free (snapshot);
}

static void
mw_series_finalize (GObject *object)
{
  MwSeries *self = MW_SERIES (object);

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mw_series_parent_class)->finalize (object);
}

static void
mw_series_class_init (MwSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mw_series_finalize;
}

static void
mw_series_init (MwSeries *self)
{
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify)snapshot_free);
}

/**
 * mw_series_is_series_name:
 * @name: a file name or path
 *
 * Returns: whether @name ends in `.mwseries` (any case): what the app's
 *   open dispatch and the CLI decide a series by
 */
gboolean
mw_series_is_series_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_ascii_strdown (name, -1);
  return g_str_has_suffix (folded, MW_SERIES_EXTENSION);
}

MwSeries *
mw_series_new (void)
{
  return g_object_new (MW_TYPE_SERIES, NULL);
}

/* @path made absolute against @folder (or the working directory); @folder
 * itself may be relative, as the folder of "S.mwseries" is ".". */
static char *
absolute_path (const char *path,
               const char *folder)
{
  g_autofree char *base = NULL;

  if (g_path_is_absolute (path))
    return g_canonicalize_filename (path, NULL);
  base = g_canonicalize_filename (folder != NULL ? folder : ".", NULL);
  return g_canonicalize_filename (path, base);
}

static gboolean
read_snapshot (MwSeries    *self,
               JsonNode    *node,
               const char  *folder,
               const char  *series_path,
               guint        i,
               GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *file = object != NULL ? json_object_get_string_member_with_default (object, "file", NULL) : NULL;
  MwSnapshot *snapshot;

  if (file == NULL || *file == '\0')
    {
      g_set_error (error, MW_ERROR, MW_ERROR_PARSE,
                   _("“%s”: snapshot %u names no file"), series_path, i + 1);
      return FALSE;
    }

  snapshot = g_new0 (MwSnapshot, 1);
  snapshot->path = absolute_path (file, folder);
  snapshot->date = g_strdup (json_object_get_string_member_with_default (object, "date", NULL));
  snapshot->title = g_strdup (json_object_get_string_member_with_default (object, "title", NULL));
  g_ptr_array_add (self->snapshots, snapshot);
  return TRUE;
}

static gboolean
read_series (MwSeries    *self,
             JsonNode    *root,
             const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *snapshots;

  if (object == NULL || !json_object_has_member (object, FORMAT_KEY)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "snapshots")))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_PARSE, _("“%s” is not a Meshwork series"), path);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (object, FORMAT_KEY, 0) > FORMAT_VERSION)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_PARSE,
                   _("“%s” is a series from a newer Meshwork"), path);
      return FALSE;
    }

  snapshots = json_object_get_array_member (object, "snapshots");
  for (guint i = 0; i < json_array_get_length (snapshots); i++)
    if (!read_snapshot (self, json_array_get_element (snapshots, i), folder, path, i, error))
      return FALSE;
  return TRUE;
}

/**
 * mw_series_load:
 * @path: a series file
 *
 * Reads the list of snapshots; their networks load with
 * mw_series_load_snapshots().
 *
 * Returns: (transfer full) (nullable): the series, or %NULL with @error,
 *   whose message names the file
 */
MwSeries *
mw_series_load (const char  *path,
                GError     **error)
{
  g_autoptr(MwSeries) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_FAILED, local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_PARSE, "“%s”: %s", path, local_error->message);
      return NULL;
    }

  self = mw_series_new ();
  self->path = absolute_path (path, NULL);
  if (!read_series (self, json_parser_get_root (parser), path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* @path as the series file at @series_path refers to it: relative when it
 * lies in the series file's folder or below, else absolute. */
static char *
relative_path (const char *path,
               const char *series_path)
{
  g_autofree char *folder = g_path_get_dirname (series_path);
  g_autoptr(GFile) base = g_file_new_for_path (folder);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *relative = g_file_get_relative_path (base, file);

  return relative != NULL ? relative : g_strdup (path);
}

static char *
write_series (MwSeries   *self,
              const char *series_path,
              gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, FORMAT_KEY);
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "snapshots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->snapshots->len; i++)
    {
      MwSnapshot *snapshot = g_ptr_array_index (self->snapshots, i);
      g_autofree char *file = relative_path (snapshot->path, series_path);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file);
      if (snapshot->date != NULL)
        {
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, snapshot->date);
        }
      if (snapshot->title != NULL)
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, snapshot->title);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

/**
 * mw_series_save:
 * @path: (nullable): where to write it; %NULL for where it was loaded from
 *
 * Writes the series file atomically (mw_write_file()), with every
 * snapshot's file relative to it where it can be.
 *
 * Returns: %TRUE, or %FALSE with @error
 */
gboolean
mw_series_save (MwSeries    *self,
                const char  *path,
                GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (MW_IS_SERIES (self), FALSE);
  g_return_val_if_fail (path != NULL || self->path != NULL, FALSE);

  target = absolute_path (path != NULL ? path : self->path, NULL);
  data = write_series (self, target, &length);
  if (!mw_write_file (target, data, length, error))
    return FALSE;
  g_free (self->path);
  self->path = g_steal_pointer (&target);
  return TRUE;
}

/* (nullable): the file it was loaded from or last saved to */
const char *
mw_series_get_path (MwSeries *self)
{
  g_return_val_if_fail (MW_IS_SERIES (self), NULL);

  return self->path;
}

guint
mw_series_get_n_snapshots (MwSeries *self)
{
  g_return_val_if_fail (MW_IS_SERIES (self), 0);

  return self->snapshots->len;
}

/* (transfer none) */
const MwSnapshot *
mw_series_get_snapshot (MwSeries *self,
                        guint     index)
{
  g_return_val_if_fail (MW_IS_SERIES (self), NULL);
  g_return_val_if_fail (index < self->snapshots->len, NULL);

  return g_ptr_array_index (self->snapshots, index);
}

/**
 * mw_series_add:
 * @path: the network's file; a relative path is taken from the working
 *   directory
 * @date: (nullable): its date, ISO 8601 ("2026-03-31")
 * @title: (nullable): its title
 *
 * Appends a snapshot, not loaded yet.
 */
void
mw_series_add (MwSeries   *self,
               const char *path,
               const char *date,
               const char *title)
{
  MwSnapshot *snapshot;

  g_return_if_fail (MW_IS_SERIES (self));
  g_return_if_fail (path != NULL);

  snapshot = g_new0 (MwSnapshot, 1);
  snapshot->path = absolute_path (path, NULL);
  snapshot->date = g_strdup (date);
  snapshot->title = g_strdup (title);
  g_ptr_array_add (self->snapshots, snapshot);
}

void
mw_series_remove (MwSeries *self,
                  guint     index)
{
  g_return_if_fail (MW_IS_SERIES (self));
  g_return_if_fail (index < self->snapshots->len);

  g_ptr_array_remove_index (self->snapshots, index);
}

/* Moves snapshot @from so that it becomes snapshot @to. */
void
mw_series_move (MwSeries *self,
                guint     from,
                guint     to)
{
  gpointer snapshot;

  g_return_if_fail (MW_IS_SERIES (self));
  g_return_if_fail (from < self->snapshots->len && to < self->snapshots->len);

  snapshot = g_ptr_array_steal_index (self->snapshots, from);
  g_ptr_array_insert (self->snapshots, to, snapshot);
}

/**
 * mw_series_parse_date:
 * @text: (nullable): "2026-03-31" or any ISO 8601 date and time
 *
 * Returns: (transfer full) (nullable): the date, in UTC without a zone
 */
GDateTime *
mw_series_parse_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *when;
  int year, month, day;
  char rest;

  if (text == NULL)
    return NULL;
  when = g_date_time_new_from_iso8601 (text, utc);
  if (when != NULL)
    return when;
  if (sscanf (text, "%d-%d-%d%c", &year, &month, &day, &rest) == 3)
    return g_date_time_new_utc (year, month, day, 0, 0, 0);
  return NULL;
}

/**
 * mw_series_set_title:
 * @title: (nullable): the new title; %NULL or "" for the file's name
 *
 * Retitles snapshot @index (in memory: mw_series_save() writes it).
 */
void
mw_series_set_title (MwSeries   *self,
                     guint       index,
                     const char *title)
{
  MwSnapshot *snapshot;

  g_return_if_fail (MW_IS_SERIES (self));
  g_return_if_fail (index < self->snapshots->len);

  snapshot = g_ptr_array_index (self->snapshots, index);
  g_free (snapshot->title);
  snapshot->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
}

/**
 * mw_series_set_date:
 * @date: (nullable): "2026-03-31" or any ISO 8601 date and time; %NULL or
 *   "" for none (the file's `date` attribute or time is used again)
 *
 * Redates snapshot @index (in memory). A date is taken as written; until
 * the snapshots load again, its loaded date follows it.
 *
 * Returns: %TRUE, or %FALSE with %MW_ERROR_INVALID when @date is not a
 *   date (the snapshot is left as it was)
 */
gboolean
mw_series_set_date (MwSeries    *self,
                    guint        index,
                    const char  *date,
                    GError     **error)
{
  g_autoptr(GDateTime) when = NULL;
  MwSnapshot *snapshot;

  g_return_val_if_fail (MW_IS_SERIES (self), FALSE);
  g_return_val_if_fail (index < self->snapshots->len, FALSE);

  snapshot = g_ptr_array_index (self->snapshots, index);
  if (date != NULL && *date != '\0')
    {
      when = mw_series_parse_date (date);
      if (when == NULL)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       /* Translators: a date the user typed that is not one */
                       _("“%s” is not a date: write it as year-month-day, for example 2026-03-31"), date);
          return FALSE;
        }
    }
  g_free (snapshot->date);
  snapshot->date = when != NULL ? g_strdup (date) : NULL;
  if (when != NULL)
    {
      g_clear_pointer (&snapshot->when, g_date_time_unref);
      snapshot->when = g_steal_pointer (&when);
      snapshot->date_source = MW_SERIES_DATE_ENTRY;
    }
  return TRUE;
}

char *
mw_snapshot_dup_date_text (const MwSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  if (snapshot->when != NULL)
    return g_date_time_format (snapshot->when, "%Y-%m-%d");
  return g_strdup (snapshot->date != NULL ? snapshot->date : "");
}

char *
mw_snapshot_dup_title (const MwSnapshot *snapshot)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);

  if (snapshot->title != NULL && *snapshot->title != '\0')
    return g_strdup (snapshot->title);
  basename = g_path_get_basename (snapshot->path);
  return mw_format_strip_extension (basename);
}
