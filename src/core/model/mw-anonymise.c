/* mw-anonymise.c: a copy of a network with no person's name in it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-anonymise.h"
#include "mw-label.h"
#include "mw-subgraph.h"

/* The attributes that say a person's role; the first one set wins. */
static const char * const role_keys[] = { "title", "role" };

/* Graph attributes that would bring names back: a label chosen from an
 * attribute, and kept views that may name people. */
static const char * const dropped_graph_keys[] = { "mw_label_by", "mw_slides" };

/* Ids this short, or without a letter ("p1", "42"), name no one; scrubbing
 * them from text would only mangle it. */
#define MIN_SCRUBBED_ID 3
/* Nor do name parts this short ("Li" would hit "Lima"); whole names do. */
#define MIN_NAME_PART 3

typedef struct
{
  GRegex     *names;         /* (nullable) any person's name, as a whole word */
  GHashTable *replacements;  /* folded name → its replacement ("…" when shared) */
  GHashTable *spellings;     /* folded name → the name as first written */
} Scrubber;

struct _MwAnonymiser
{
  GHashTable *numbers;       /* a person's original id → their number, from 1 */
  GHashTable *others;        /* any other actor's original id → its number */
  Scrubber    scrubber;
};

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

/* Teaches the scrubber one way of writing a person's name; a word two
 * people share ("Ann" of Ann Lee and Ann Park) is replaced by "…". */
static void
scrubber_learn (Scrubber   *self,
                const char *name,
                const char *replacement)
{
  g_autofree char *folded = NULL;
  const char *known;

  if (name == NULL || *name == '\0')
    return;
  folded = g_utf8_casefold (name, -1);
  known = g_hash_table_lookup (self->replacements, folded);
  if (known == NULL)
    {
      g_hash_table_insert (self->spellings, g_strdup (folded), g_strdup (name));
      g_hash_table_insert (self->replacements, g_steal_pointer (&folded), g_strdup (replacement));
    }
  else if (strcmp (known, replacement) != 0)
    g_hash_table_insert (self->replacements, g_steal_pointer (&folded), g_strdup ("…"));
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
scrubber_compile (Scrubber *self)
{
  g_autoptr(GString) pattern = g_string_new (NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer spelling;

  g_hash_table_iter_init (&iter, self->spellings);
  while (g_hash_table_iter_next (&iter, NULL, &spelling))
    g_ptr_array_add (order, spelling);
  g_ptr_array_sort (order, compare_longer_first);
  for (guint i = 0; i < order->len; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (order->pdata[i], -1);

      g_string_append_printf (pattern, "%s%s", pattern->len > 0 ? "|" : "", escaped);
    }
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
  g_clear_pointer (&self->spellings, g_hash_table_unref);
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

/* A replacement is a role, which may name someone else ("Assistant to Ann
 * Lee"): replacements are scrubbed in turn, twice for a role naming a
 * person whose role names a third. */
static void
scrubber_clean_replacements (Scrubber *self)
{
  for (guint round = 0; round < 2 && self->names != NULL; round++)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->replacements);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          char *clean = g_regex_replace_eval (self->names, value, -1, 0, 0, replace_cb, self, NULL);

          g_ptr_array_add (keys, g_strdup (key));
          g_ptr_array_add (values, clean != NULL ? clean : g_strdup (value));
        }
      for (guint i = 0; i < keys->len; i++)
        g_hash_table_replace (self->replacements, g_strdup (keys->pdata[i]), g_strdup (values->pdata[i]));
    }
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

/* ---- learning who is who -------------------------------------------------- */

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
id_can_name (const char *id)
{
  if (g_utf8_strlen (id, -1) < MIN_SCRUBBED_ID)
    return FALSE;
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "Dr." has two: a title, no name. */
static guint
count_letters (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_isalpha (g_utf8_get_char (p)) ? 1 : 0;
  return n;
}

/* A name, and each of its words long enough to be someone's first or last
 * name on its own ("Maria" of "Maria Okafor" in a team's notes). */
static void
learn_name (Scrubber   *scrubber,
            const char *name,
            const char *replacement)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t\r\n,;:()\"", -1);

  scrubber_learn (scrubber, name, replacement);
  for (guint i = 0; words[i] != NULL; i++)
    if (count_letters (words[i]) >= MIN_NAME_PART)
      scrubber_learn (scrubber, words[i], replacement);
}

static void
collect_ids (MwNetwork  *network,
             GHashTable *people,
             GHashTable *others)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      g_hash_table_add (actor->kind == MW_ACTOR_PERSON ? people : others, g_strdup (actor->id));
    }
}

/* Turns a set of ids into id → its place among them sorted, from 1. */
static void
number_sorted (GHashTable *ids)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (ids, NULL);
  guint n = g_hash_table_size (ids);

  qsort (keys, n, sizeof *keys, (int (*) (const void *, const void *))compare_strings);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (ids, g_strdup (keys[i]), GUINT_TO_POINTER (i + 1));
}

static guint
person_number (MwAnonymiser  *self,
               const MwActor *actor)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, actor->id));
}

/**
 * mw_anonymiser_new:
 * @networks: (array length=n_networks): every network of one report
 *
 * Learns the people of all @networks: each is numbered by their place
 * among all the people's ids sorted, so that a person keeps one number
 * ("Person 3", id "p3") in every snapshot and baseline of a report, and
 * the comparison still matches them.
 *
 * Returns: (transfer full): the anonymiser
 */
MwAnonymiser *
mw_anonymiser_new (MwNetwork * const *networks,
                   guint              n_networks)
{
  MwAnonymiser *self = g_new0 (MwAnonymiser, 1);

  self->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scrubber.replacements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->scrubber.spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint n = 0; n < n_networks; n++)
    collect_ids (networks[n], self->numbers, self->others);
  number_sorted (self->numbers);
  number_sorted (self->others);

  for (guint n = 0; n < n_networks; n++)
    for (guint i = 0; i < mw_network_get_n_actors (networks[n]); i++)
      {
        MwActor *actor = mw_network_get_actor (networks[n], i);
        g_autofree char *replacement = NULL;
        g_autofree char *shown = NULL;

        if (actor->kind != MW_ACTOR_PERSON)
          continue;
        replacement = mw_anonymise_dup_replacement (networks[n], actor, person_number (self, actor));
        shown = mw_network_dup_actor_display_label (networks[n], actor);
        /* the name as written and as drawn, and the id: any may reach a text */
        learn_name (&self->scrubber, actor->label, replacement);
        learn_name (&self->scrubber, shown, replacement);
        if (id_can_name (actor->id))
          scrubber_learn (&self->scrubber, actor->id, replacement);
      }
  scrubber_compile (&self->scrubber);
  scrubber_clean_replacements (&self->scrubber);
  return self;
}

void
mw_anonymiser_free (MwAnonymiser *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->numbers);
  g_hash_table_unref (self->others);
  scrubber_clear (&self->scrubber);
  g_free (self);
}

/**
 * mw_anonymiser_scrub:
 *
 * @text with every name of a person the anonymiser knows replaced as in
 * its networks: for what a report says beside them (a file's name).
 *
 * Returns: (transfer full) (nullable): the text, %NULL for %NULL
 */
char *
mw_anonymiser_scrub (MwAnonymiser *self,
                     const char   *text)
{
  char *clean;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  clean = scrub (&self->scrubber, text);
  return clean != NULL ? clean : g_strdup (text);
}

/* ---- the copy ------------------------------------------------------------- */

static void
rename_people (MwAnonymiser *self,
               MwNetwork    *copy)
{
  for (guint i = 0; i < mw_network_get_n_actors (copy); i++)
    {
      MwActor *actor = mw_network_get_actor (copy, i);
      g_autoptr(GList) keys = NULL;
      g_autofree char *replacement = NULL;
      g_autofree char *scrubbed = NULL;

      if (actor->kind != MW_ACTOR_PERSON)
        continue;
      /* everything else said about a person may identify them */
      keys = g_hash_table_get_keys (actor->attrs);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *key = g_strdup (l->data);
          gboolean is_role = strcmp (key, role_keys[0]) == 0 || strcmp (key, role_keys[1]) == 0;
          /* a role may name someone too: "Assistant to Ann Lee" */
          g_autofree char *role = is_role ? scrub (&self->scrubber, g_hash_table_lookup (actor->attrs, key)) : NULL;

          if (!is_role)
            mw_network_set_actor_attr (copy, actor, key, NULL);
          else if (role != NULL)
            mw_network_set_actor_attr (copy, actor, key, role);
        }
      replacement = mw_anonymise_dup_replacement (copy, actor, person_number (self, actor));
      scrubbed = scrub (&self->scrubber, replacement);
      mw_network_set_actor_label (copy, actor, scrubbed != NULL ? scrubbed : replacement);
      mw_network_set_actor_notes (copy, actor, "");
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
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

    if (label != NULL)
      mw_network_set_actor_label (copy, actor, label);
    if (notes != NULL)
      mw_network_set_actor_notes (copy, actor, notes);
    scrub_table (actor->attrs, scrubber, keys, values);
    for (guint k = 0; k < keys->len; k++)
      mw_network_set_actor_attr (copy, actor, keys->pdata[k], values->pdata[k]);
  }
}

/* A cluster's label may name its head; the copy's subgraphs are its own.
 * Members are ids, and the new ones replace them (@ids: old → new). */
static void
scrub_subgraphs (GPtrArray  *subgraphs,
                 Scrubber   *scrubber,
                 GHashTable *ids,
                 guint      *named)
{
  for (guint i = 0; subgraphs != NULL && i < subgraphs->len; i++)
    {
      MwSubgraph *subgraph = subgraphs->pdata[i];
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      scrub_table (subgraph->attrs, scrubber, keys, values);
      for (guint k = 0; k < keys->len; k++)
        g_hash_table_replace (subgraph->attrs, g_strdup (keys->pdata[k]), g_strdup (values->pdata[k]));
      for (guint m = 0; m < subgraph->members->len; m++)
        {
          const char *id = g_hash_table_lookup (ids, subgraph->members->pdata[m]);

          if (id != NULL)
            {
              g_free (subgraph->members->pdata[m]);
              subgraph->members->pdata[m] = g_strdup (id);
            }
        }
      /* "cluster_ann" names Ann: a cluster stays a cluster, by number */
      if (subgraph->name[0] != '\0')
        {
          gboolean cluster = mw_subgraph_is_cluster (subgraph);

          g_free (subgraph->name);
          subgraph->name = g_strdup_printf ("%s%u", cluster ? "cluster_" : "s", ++*named);
        }
      scrub_subgraphs (subgraph->children, scrubber, ids, named);
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
  {
    g_autofree char *name = scrub (scrubber, mw_network_get_name (copy));

    if (name != NULL)
      mw_network_set_name (copy, name);
  }
}

/* Every actor's id becomes "pN" (a person, numbered as their "Person N")
 * or "gN" (a team or organisation), through a temporary id, so that a new
 * id never meets an old one; returns old → new. */
static GHashTable *
renumber_actors (MwAnonymiser *self,
                 MwNetwork    *copy)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = mw_network_get_n_actors (copy);
  g_auto(GStrv) new_ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (copy, i);
      gboolean person = actor->kind == MW_ACTOR_PERSON;
      guint number = GPOINTER_TO_UINT (g_hash_table_lookup (person ? self->numbers : self->others, actor->id));
      g_autofree char *parked = g_strdup_printf ("\1%u", i);

      new_ids[i] = g_strdup_printf ("%s%u", person ? "p" : "g", number);
      g_hash_table_insert (ids, g_strdup (actor->id), g_strdup (new_ids[i]));
      mw_network_set_actor_id (copy, actor, parked, NULL);
    }
  for (guint i = 0; i < n; i++)
    mw_network_set_actor_id (copy, mw_network_get_actor (copy, i), new_ids[i], NULL);
  return ids;
}

typedef struct
{
  MwActor    *from;
  MwActor    *to;
  MwTieType   type;
  double      weight;
  GHashTable *attrs;
} TieCopy;

/* A tie's id is made of its ends' ids ("ann->bob:reports"): every tie is
 * taken out and put back as "tN", in the same order, with its attributes. */
static void
renumber_ties (MwNetwork *copy)
{
  guint n = mw_network_get_n_ties (copy);
  g_autofree TieCopy *ties = g_new0 (TieCopy, n);

  for (guint i = 0; i < n; i++)
    {
      MwTie *tie = mw_network_get_tie (copy, i);

      ties[i] = (TieCopy) { tie->from, tie->to, tie->type, tie->weight, g_hash_table_ref (tie->attrs) };
    }
  for (guint i = n; i > 0; i--)
    mw_network_remove_tie (copy, mw_network_get_tie (copy, i - 1));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      MwTie *tie = mw_network_add_tie (copy, ties[i].from, ties[i].to, ties[i].type, ties[i].weight, id);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, ties[i].attrs);
      while (tie != NULL && g_hash_table_iter_next (&iter, &key, &value))
        mw_network_set_tie_attr (copy, tie, key, value);
      g_hash_table_unref (ties[i].attrs);
    }
}

/**
 * mw_anonymiser_apply:
 *
 * A copy of @network in which every person is called by their `title` or
 * `role` attribute, else "Person N", with their notes and other attributes
 * dropped. Teams, organisations, units, ties and the graph keep their names
 * and values unless one holds a person's name, a word of it or their id,
 * which is then replaced the same way. Ids are replaced too — people's by
 * "pN", other actors' by "gN", ties' by "tN" — for a file's ids are often
 * names ("ann"). Scores of the copy equal the original's.
 *
 * Returns: (transfer full): the anonymised copy
 */
MwNetwork *
mw_anonymiser_apply (MwAnonymiser *self,
                     MwNetwork    *network)
{
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(GHashTable) ids = NULL;
  guint named = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  copy = mw_network_copy (network);
  mw_network_begin_batch (copy, NULL);
  rename_people (self, copy);
  for (guint i = 0; i < mw_network_get_n_actors (copy); i++)
    scrub_actor (copy, mw_network_get_actor (copy, i), &self->scrubber);
  scrub_ties_and_graph (copy, &self->scrubber);
  ids = renumber_actors (self, copy);
  renumber_ties (copy);
  scrub_subgraphs (mw_network_get_subgraphs (copy), &self->scrubber, ids, &named);
  mw_network_end_batch (copy);
  return g_steal_pointer (&copy);
}

/**
 * mw_anonymise:
 *
 * mw_anonymiser_apply() for one network on its own.
 *
 * Returns: (transfer full): the anonymised copy
 */
MwNetwork *
mw_anonymise (MwNetwork *network)
{
  g_autoptr(MwAnonymiser) anonymiser = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  anonymiser = mw_anonymiser_new (&network, 1);
  return mw_anonymiser_apply (anonymiser, network);
}
