/* mw-slides.c: the user's own slides as JSON in a graph attribute
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One attribute rather than one per slide: DOT, GraphML and drafts keep
 * graph attributes as they are, so the slides travel with every format
 * without another change there.
 */

#define G_LOG_DOMAIN "meshwork-document"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mw-slides.h"

/* A file is not a place for thousands of slides; more is a hostile file. */
#define MAX_SLIDES 500
#define MAX_IDS    10000
#define MAX_URI    4096

MwSavedSlide *
mw_saved_slide_new (const char *title)
{
  MwSavedSlide *slide = g_new0 (MwSavedSlide, 1);

  slide->title = g_strdup (title != NULL ? title : "");
  slide->highlight = g_new0 (char *, 1);
  slide->without = g_new0 (char *, 1);
  return slide;
}

MwSavedSlide *
mw_saved_slide_copy (const MwSavedSlide *slide)
{
  MwSavedSlide *copy;

  g_return_val_if_fail (slide != NULL, NULL);

  copy = g_memdup2 (slide, sizeof *slide);
  copy->title = g_strdup (slide->title);
  copy->highlight = g_strdupv (slide->highlight);
  copy->without = g_strdupv (slide->without);
  copy->compare = g_strdup (slide->compare);
  return copy;
}

void
mw_saved_slide_free (MwSavedSlide *slide)
{
  if (slide == NULL)
    return;
  g_free (slide->title);
  g_strfreev (slide->highlight);
  g_strfreev (slide->without);
  g_free (slide->compare);
  g_free (slide);
}

static gboolean
strv_equal (GStrv a,
            GStrv b)
{
  return g_strv_equal ((const char * const *)a, (const char * const *)b);
}

gboolean
mw_saved_slide_equal (const MwSavedSlide *a,
                      const MwSavedSlide *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->title, b->title) != 0 || a->has_area != b->has_area ||
      g_strcmp0 (a->compare, b->compare) != 0)
    return FALSE;
  if (a->has_area && (a->x != b->x || a->y != b->y || a->width != b->width || a->height != b->height))
    return FALSE;
  return strv_equal (a->highlight, b->highlight) && strv_equal (a->without, b->without);
}

/* The member as an array; NULL when it is anything else. */
static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
read_ids (JsonObject  *object,
          const char  *member,
          GStrv       *ids,
          GError     **error)
{
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!json_object_has_member (object, member))
    return TRUE;
  array = array_member (object, member);
  if (array == NULL || json_array_get_length (array) > MAX_IDS)
    goto invalid;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        goto invalid;
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  g_strfreev (*ids);
  *ids = g_strv_builder_end (builder);
  return TRUE;

invalid:
  g_set_error (error, MW_ERROR, MW_ERROR_PARSE, _("A slide’s “%s” is not a list of ids"), member);
  return FALSE;
}

static gboolean
read_area (JsonObject    *object,
           MwSavedSlide  *slide,
           GError       **error)
{
  JsonArray *area;
  double v[4];

  if (!json_object_has_member (object, "area"))
    return TRUE;
  area = array_member (object, "area");
  if (area == NULL || json_array_get_length (area) != 4)
    goto invalid;
  for (guint i = 0; i < 4; i++)
    {
      JsonNode *node = json_array_get_element (area, i);

      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
        goto invalid;
      v[i] = json_node_get_double (node);
      if (!isfinite (v[i]))
        goto invalid;
    }
  if (v[2] <= 0 || v[3] <= 0)
    goto invalid;
  slide->has_area = TRUE;
  slide->x = v[0];
  slide->y = v[1];
  slide->width = v[2];
  slide->height = v[3];
  return TRUE;

invalid:
  g_set_error_literal (error, MW_ERROR, MW_ERROR_PARSE, _("A slide’s area is not four numbers"));
  return FALSE;
}

static gboolean
read_compare (JsonObject    *object,
              MwSavedSlide  *slide,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, "compare");
  const char *uri;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    goto invalid;
  uri = json_node_get_string (node);
  if (*uri == '\0' || strlen (uri) > MAX_URI)
    goto invalid;
  slide->compare = g_strdup (uri);
  return TRUE;

invalid:
  g_set_error_literal (error, MW_ERROR, MW_ERROR_PARSE, _("A slide’s compared network is not a file address"));
  return FALSE;
}

static MwSavedSlide *
read_slide (JsonNode  *node,
            GError   **error)
{
  JsonObject *object;
  g_autoptr(MwSavedSlide) slide = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_PARSE, _("A slide is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (json_object_has_member (object, "title") &&
      (!JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "title")) ||
       json_node_get_value_type (json_object_get_member (object, "title")) != G_TYPE_STRING))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_PARSE, _("A slide’s title is not text"));
      return NULL;
    }
  slide = mw_saved_slide_new (json_object_get_string_member_with_default (object, "title", ""));
  if (!read_area (object, slide, error) ||
      !read_ids (object, "highlight", &slide->highlight, error) ||
      !read_ids (object, "without", &slide->without, error) ||
      !read_compare (object, slide, error))
    return NULL;
  return g_steal_pointer (&slide);
}

/**
 * mw_slides_from_json:
 * @json: what the `mw_slides` attribute holds
 *
 * Returns: (transfer full) (element-type MwSavedSlide): the slides, or
 *   %NULL with @error set when @json is not a list of slides
 */
GPtrArray *
mw_slides_from_json (const char  *json,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_saved_slide_free);
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)) ||
      json_array_get_length (json_node_get_array (json_parser_get_root (parser))) > MAX_SLIDES)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_PARSE, _("The slides are not a list of at most %u slides"), MAX_SLIDES);
      return NULL;
    }
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      MwSavedSlide *slide = read_slide (json_array_get_element (array, i), error);

      if (slide == NULL)
        return NULL;
      g_ptr_array_add (slides, slide);
    }
  return g_steal_pointer (&slides);
}

static void
write_ids (JsonBuilder *builder,
           const char  *member,
           GStrv        ids)
{
  if (ids == NULL || ids[0] == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
}

static void
write_slide (JsonBuilder        *builder,
             const MwSavedSlide *slide)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, slide->title != NULL ? slide->title : "");
  if (slide->has_area)
    {
      json_builder_set_member_name (builder, "area");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, slide->x);
      json_builder_add_double_value (builder, slide->y);
      json_builder_add_double_value (builder, slide->width);
      json_builder_add_double_value (builder, slide->height);
      json_builder_end_array (builder);
    }
  write_ids (builder, "highlight", slide->highlight);
  write_ids (builder, "without", slide->without);
  if (slide->compare != NULL)
    {
      json_builder_set_member_name (builder, "compare");
      json_builder_add_string_value (builder, slide->compare);
    }
  json_builder_end_object (builder);
}

/**
 * mw_slides_to_json:
 * @slides: (element-type MwSavedSlide)
 *
 * Returns: (transfer full): one line of JSON for the `mw_slides` attribute
 */
char *
mw_slides_to_json (GPtrArray *slides)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (slides != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < slides->len; i++)
    write_slide (builder, g_ptr_array_index (slides, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * mw_slides_get:
 *
 * Returns: (transfer full) (element-type MwSavedSlide): the network's own
 *   slides, empty when it has none; %NULL with @error set when the
 *   attribute is not valid
 */
GPtrArray *
mw_slides_get (MwNetwork  *network,
               GError    **error)
{
  const char *json;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  json = g_hash_table_lookup (mw_network_get_attrs (network), MW_SLIDES_ATTR);
  if (json == NULL || *json == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify)mw_saved_slide_free);
  return mw_slides_from_json (json, error);
}

/* Sets the attribute; no slides remove it, so a file without slides stays
 * as it was. */
void
mw_slides_set (MwNetwork *network,
               GPtrArray *slides)
{
  g_autofree char *json = NULL;

  g_return_if_fail (MW_IS_NETWORK (network));

  if (slides != NULL && slides->len > 0)
    json = mw_slides_to_json (slides);
  mw_network_set_attr (network, MW_SLIDES_ATTR, json);
}

/* The path of @target from the folder @dir, as a URI reference: "../b/c.gv".
 * Both are absolute local paths. */
static char *
relative_reference (const char *dir,
                    const char *target)
{
  g_auto(GStrv) from = g_strsplit (dir, G_DIR_SEPARATOR_S, -1);
  g_auto(GStrv) to = g_strsplit (target, G_DIR_SEPARATOR_S, -1);
  g_autoptr(GString) reference = g_string_new (NULL);
  guint common = 0;

  while (from[common] != NULL && to[common] != NULL && strcmp (from[common], to[common]) == 0)
    common++;
  for (guint i = common; from[i] != NULL; i++)
    if (*from[i] != '\0')
      g_string_append (reference, "../");
  for (guint i = common; to[i] != NULL; i++)
    {
      /* ':' stays escaped, so a first segment never reads as a scheme. */
      g_autofree char *segment = g_uri_escape_string (to[i], "!$&'()*+,;=@", FALSE);

      if (*segment == '\0')
        continue;
      if (reference->len > 0 && reference->str[reference->len - 1] != '/')
        g_string_append_c (reference, '/');
      g_string_append (reference, segment);
    }
  return g_string_free (g_steal_pointer (&reference), FALSE);
}

/**
 * mw_saved_slide_set_compare:
 * @compared: (nullable): the file of the network the view was compared
 *   with; %NULL for none
 * @file: (nullable): the document's own file
 *
 * Keeps @compared relative to @file when both are local, so that a folder
 * moved with both still compares; else as its URI.
 */
void
mw_saved_slide_set_compare (MwSavedSlide *slide,
                            GFile        *compared,
                            GFile        *file)
{
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (slide != NULL);

  g_clear_pointer (&slide->compare, g_free);
  if (compared == NULL)
    return;
  target = g_file_get_path (compared);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (target != NULL && path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      slide->compare = relative_reference (dir, target);
    }
  else
    slide->compare = g_file_get_uri (compared);
}

/**
 * mw_saved_slide_dup_compare_file:
 * @file: (nullable): the document's own file, which a relative reference
 *   is relative to
 *
 * Returns: (transfer full) (nullable): the compared network's file; %NULL
 *   when the slide compares with none, or its reference is relative and
 *   there is no @file, or it is not a valid reference
 */
GFile *
mw_saved_slide_dup_compare_file (const MwSavedSlide *slide,
                                 GFile              *file)
{
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (slide != NULL, NULL);

  if (slide->compare == NULL)
    return NULL;
  if (g_uri_peek_scheme (slide->compare) != NULL)
    return g_file_new_for_uri (slide->compare);
  if (file == NULL)
    return NULL;
  base = g_file_get_uri (file);
  uri = g_uri_resolve_relative (base, slide->compare, G_URI_FLAGS_NONE, NULL);
  return uri != NULL ? g_file_new_for_uri (uri) : NULL;
}
