/* mw-find.c: which actors a text finds, by name and attribute values
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one matching rule of Find (the app's search bar, a filter by value,
 * and any CLI command that wants it): the query is a part of the actor's
 * name, id, organisation, unit, notes or any value of the file's own
 * attributes, compared without case and without accents ("zoe" finds
 * "Zoë", "MUNOZ" finds "Muñoz").
 */

#define G_LOG_DOMAIN "meshwork-model"

#include "config.h"

#include "mw-find.h"
#include "mw-label.h"

/**
 * mw_find_fold:
 * @text: UTF-8 text
 *
 * Folds @text for comparison: accents dropped (decomposed, the marks
 * removed) and case folded. Invalid UTF-8 folds to an empty string.
 *
 * Returns: (transfer full): the folded text
 */
char *
mw_find_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *bare;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (bare, c);
    }
  {
    g_autofree char *plain = g_string_free (bare, FALSE);

    return g_utf8_casefold (plain, -1);
  }
}

static gboolean
text_matches (const char *text,
              const char *folded_query)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = mw_find_fold (text);
  return strstr (folded, folded_query) != NULL;
}

/* The label as drawn, where it differs from the text written: "Café" finds
 * "Caf&eacute;", "Line one" finds "Line\none". */
static gboolean
shown_label_matches (const MwActor *actor,
                     const char    *folded_query)
{
  g_autofree char *shown = NULL;

  if (actor->label == NULL || (strchr (actor->label, '&') == NULL && strchr (actor->label, '\\') == NULL))
    return FALSE;
  shown = mw_label_dup_text (actor->label, actor->attrs != NULL &&
                                           mw_attrs_value_is_html (actor->attrs, "label", actor->label),
                             FALSE, actor->id);
  /* the lines read as one: nobody types a line break into Find */
  return text_matches (g_strdelimit (shown, "\n", ' '), folded_query);
}

/**
 * mw_find_actor_matches:
 * @folded_query: a query already passed through mw_find_fold(); not empty
 *
 * Returns: whether @actor's name, id, organisation, unit, notes or one of
 *   its own attribute values holds the query
 */
gboolean
mw_find_actor_matches (const MwActor *actor,
                       const char    *folded_query)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (folded_query != NULL && *folded_query != '\0', FALSE);

  if (text_matches (actor->label, folded_query) || shown_label_matches (actor, folded_query) ||
      text_matches (actor->id, folded_query) ||
      text_matches (actor->org, folded_query) || text_matches (actor->unit, folded_query) ||
      text_matches (actor->notes, folded_query))
    return TRUE;

  if (actor->attrs == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, actor->attrs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (text_matches (value, folded_query))
      return TRUE;
  return FALSE;
}

/**
 * mw_find_actors:
 * @query: what the user typed; surrounding spaces are ignored
 *
 * Returns: (transfer container) (element-type MwActor): the actors @query
 *   finds, in network order; empty for an empty query
 */
GPtrArray *
mw_find_actors (MwNetwork  *network,
                const char *query)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  GPtrArray *found;
  guint n;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  found = g_ptr_array_new ();
  trimmed = g_strstrip (g_strdup (query));
  folded = mw_find_fold (trimmed);
  if (*folded == '\0')
    return found;

  n = mw_network_get_n_actors (network);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (mw_find_actor_matches (actor, folded))
        g_ptr_array_add (found, actor);
    }
  return found;
}
