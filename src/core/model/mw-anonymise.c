/* mw-anonymise.c: a copy of a network with no person's name in it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-anonymise.h"
#include "mw-label.h"

/* The attributes that say a person's role; the first one set wins. */
static const char * const role_keys[] = { "title", "role" };

/* Graph attributes that would bring names back: a label chosen from an
 * attribute, and kept views that may name people. */
static const char * const dropped_graph_keys[] = { "mw_label_by", "mw_slides" };

typedef struct
{
  GRegex     *names;         /* (nullable) any person's name, as a whole word */
  GHashTable *replacements;  /* folded name → its replacement */
} Scrubber;

static int
compare_actor_ids (gconstpointer a,
                   gconstpointer b)
{
  const MwActor *x = *(const MwActor * const *)a;
  const MwActor *y = *(const MwActor * const *)b;

  return strcmp (x->id, y->id);
}

/* The people, in the order of their ids: "Person 3" stays the same person
 * however the file orders its nodes. */
static GPtrArray *
people_by_id (MwNetwork *network)
{
  GPtrArray *people = g_ptr_array_new ();

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (actor->kind == MW_ACTOR_PERSON)
        g_ptr_array_add (people, actor);
    }
  g_ptr_array_sort (people, compare_actor_ids);
  return people;
}

/**
 * mw_anonymise_dup_replacement:
 * @number: the person's place among the people sorted by id, from 1
 *
 * What a person is called in an anonymised network: their `title` or `role`
 * attribute, else "Person @number".
 *
 * Returns: (transfer full): the replacement
 */
char *
mw_anonymise_dup_replacement (MwNetwork *network,
                              MwActor   *actor,
                              guint      number)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_keys); i++)
    {
      const char *role = g_hash_table_lookup (actor->attrs, role_keys[i]);
      g_autofree char *tidy = role != NULL ? g_strstrip (g_strdup (role)) : NULL;

      if (tidy != NULL && *tidy != '\0')
        return g_steal_pointer (&tidy);
    }
  /* Translators: an anonymised person without a role, "Person 3" */
  return g_strdup_printf (_("Person %u"), number);
}

static void
add_name (GString    *pattern,
          GHashTable *replacements,
          const char *name,
          const char *replacement)
{
  g_autofree char *escaped = NULL;

  if (name == NULL || *name == '\0' || g_hash_table_contains (replacements, name))
    return;
  escaped = g_regex_escape_string (name, -1);
  g_string_append_printf (pattern, "%s%s", pattern->len > 0 ? "|" : "", escaped);
  g_hash_table_insert (replacements, g_utf8_casefold (name, -1), g_strdup (replacement));
}

static int
compare_longer_first (gconstpointer a,
                      gconstpointer b)
{
  return (int)strlen (*(const char * const *)b) - (int)strlen (*(const char * const *)a);
}

/* One pattern for every name, longest first so "Ann Lee" wins over "Ann",
 * matched as whole words without case. */
static void
scrubber_init (Scrubber  *self,
               GPtrArray *names,
               GPtrArray *replacements)
{
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  self->replacements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = NULL;
  for (guint i = 0; i < names->len; i++)
    {
      g_ptr_array_add (order, names->pdata[i]);
      g_hash_table_insert (by_name, names->pdata[i], replacements->pdata[i]);
    }
  g_ptr_array_sort (order, compare_longer_first);
  for (guint i = 0; i < order->len; i++)
    add_name (pattern, self->replacements, order->pdata[i], g_hash_table_lookup (by_name, order->pdata[i]));
  if (pattern->len == 0)
    return;
  g_string_prepend (pattern, "(?<!\\w)(?:");
  g_string_append (pattern, ")(?!\\w)");
  self->names = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static void
scrubber_clear (Scrubber *self)
{
  g_clear_pointer (&self->names, g_regex_unref);
  g_clear_pointer (&self->replacements, g_hash_table_unref);
}

static gboolean
replace_cb (const GMatchInfo *info,
            GString          *result,
            gpointer          user_data)
{
  Scrubber *self = user_data;
  g_autofree char *match = g_match_info_fetch (info, 0);
  g_autofree char *folded = g_utf8_casefold (match, -1);
  const char *replacement = g_hash_table_lookup (self->replacements, folded);

  g_string_append (result, replacement != NULL ? replacement : "…");
  return FALSE;
}

/* @text with every person's name replaced; %NULL when there was none. */
static char *
scrub (Scrubber   *self,
       const char *text)
{
  g_autofree char *out = NULL;

  if (self->names == NULL || text == NULL || *text == '\0')
    return NULL;
  out = g_regex_replace_eval (self->names, text, -1, 0, 0, replace_cb, self, NULL);
  if (out == NULL || strcmp (out, text) == 0)
    return NULL;
  return g_steal_pointer (&out);
}

static void
rename_people (MwNetwork *copy,
               GPtrArray *people,
               Scrubber  *scrubber)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) replacements = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < people->len; i++)
    {
      MwActor *actor = people->pdata[i];
      char *replacement = mw_anonymise_dup_replacement (copy, actor, i + 1);

      /* the name as written and as drawn: either may reach a text */
      g_ptr_array_add (names, g_strdup (actor->label));
      g_ptr_array_add (replacements, g_strdup (replacement));
      g_ptr_array_add (names, mw_network_dup_actor_display_label (copy, actor));
      g_ptr_array_add (replacements, replacement);
    }
  scrubber_init (scrubber, names, replacements);

  for (guint i = 0; i < people->len; i++)
    {
      MwActor *actor = people->pdata[i];
      g_autoptr(GList) keys = g_hash_table_get_keys (actor->attrs);

      /* everything else said about a person may identify them */
      for (GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *key = g_strdup (l->data);
          gboolean is_role = strcmp (key, role_keys[0]) == 0 || strcmp (key, role_keys[1]) == 0;

          if (!is_role)
            mw_network_set_actor_attr (copy, actor, key, NULL);
        }
      mw_network_set_actor_label (copy, actor, replacements->pdata[2 * i]);
      mw_network_set_actor_notes (copy, actor, "");
    }
}

static void
scrub_actor (MwNetwork *copy,
             MwActor   *actor,
             Scrubber  *scrubber)
{
  g_autofree char *org = scrub (scrubber, actor->org);
  g_autofree char *unit = scrub (scrubber, actor->unit);

  if (org != NULL)
    mw_network_set_actor_org (copy, actor, org);
  if (unit != NULL)
    mw_network_set_actor_unit (copy, actor, unit);
  if (actor->kind == MW_ACTOR_PERSON)
    return;

  /* a team or an organisation keeps its name, unless it is named after a person */
  {
    g_autofree char *label = scrub (scrubber, actor->label);
    g_autofree char *notes = scrub (scrubber, actor->notes);

    if (label != NULL)
      mw_network_set_actor_label (copy, actor, label);
    if (notes != NULL)
      mw_network_set_actor_notes (copy, actor, notes);
  }
}

static void
scrub_table (GHashTable *attrs,
             Scrubber   *scrubber,
             GPtrArray  *keys_out,
             GPtrArray  *values_out)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char *clean = scrub (scrubber, value);

      if (clean == NULL)
        continue;
      g_ptr_array_add (keys_out, g_strdup (key));
      g_ptr_array_add (values_out, clean);
    }
}

/* A cluster's label may name its head; the copy's subgraphs are its own. */
static void
scrub_subgraphs (GPtrArray *subgraphs,
                 Scrubber  *scrubber)
{
  for (guint i = 0; subgraphs != NULL && i < subgraphs->len; i++)
    {
      MwSubgraph *subgraph = subgraphs->pdata[i];
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      scrub_table (subgraph->attrs, scrubber, keys, values);
      for (guint k = 0; k < keys->len; k++)
        g_hash_table_replace (subgraph->attrs, g_strdup (keys->pdata[k]), g_strdup (values->pdata[k]));
      scrub_subgraphs (subgraph->children, scrubber);
    }
}

static void
scrub_ties_and_graph (MwNetwork *copy,
                      Scrubber  *scrubber)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < mw_network_get_n_ties (copy); i++)
    {
      MwTie *tie = mw_network_get_tie (copy, i);

      g_ptr_array_set_size (keys, 0);
      g_ptr_array_set_size (values, 0);
      scrub_table (tie->attrs, scrubber, keys, values);
      for (guint k = 0; k < keys->len; k++)
        mw_network_set_tie_attr (copy, tie, keys->pdata[k], values->pdata[k]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dropped_graph_keys); i++)
    if (g_hash_table_contains (mw_network_get_attrs (copy), dropped_graph_keys[i]))
      mw_network_set_attr (copy, dropped_graph_keys[i], NULL);
  g_ptr_array_set_size (keys, 0);
  g_ptr_array_set_size (values, 0);
  scrub_table (mw_network_get_attrs (copy), scrubber, keys, values);
  for (guint k = 0; k < keys->len; k++)
    mw_network_set_attr (copy, keys->pdata[k], values->pdata[k]);

  scrub_subgraphs (mw_network_get_subgraphs (copy), scrubber);
  {
    g_autofree char *name = scrub (scrubber, mw_network_get_name (copy));

    if (name != NULL)
      mw_network_set_name (copy, name);
  }
}

/**
 * mw_anonymise:
 *
 * A copy of @network in which every person is called by their `title` or
 * `role` attribute, else "Person 1…n" numbered by id, with their notes and
 * other attributes dropped. Teams, organisations, units and ties keep their
 * names unless a name holds a person's name, which is then replaced the
 * same way; so is the graph's label. Ids stay: no report or drawing shows
 * them. Scores of the copy equal the original's.
 *
 * Returns: (transfer full): the anonymised copy
 */
MwNetwork *
mw_anonymise (MwNetwork *network)
{
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(GPtrArray) people = NULL;
  Scrubber scrubber = { NULL, NULL };

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  copy = mw_network_copy (network);
  people = people_by_id (copy);
  mw_network_begin_batch (copy, NULL);
  rename_people (copy, people, &scrubber);
  for (guint i = 0; i < mw_network_get_n_actors (copy); i++)
    scrub_actor (copy, mw_network_get_actor (copy, i), &scrubber);
  scrub_ties_and_graph (copy, &scrubber);
  mw_network_end_batch (copy);
  scrubber_clear (&scrubber);
  return g_steal_pointer (&copy);
}
