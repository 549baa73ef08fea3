/* fuzz-common.c: invariants of the model, checked after every fuzzed step
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mw-dot.h"
#include "fuzz-common.h"

/* GLib stops a fatal message with SIGTRAP, which libFuzzer does not catch
 * (no crash input would be saved): abort() instead. */
static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
mw_fuzz_init (void)
{
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);
}

int
mw_fuzz_finish (int result)
{
  mw_dot_wait_closed ();
  return result;
}

/* Counts how often @tie occurs in @list: it must be exactly once. */
static guint
count_in (const MwActor *actor,
          gboolean       out,
          const MwTie   *tie)
{
  guint n = 0;
  guint len = out ? mw_actor_n_out (actor, tie->type) : mw_actor_n_in (actor, tie->type);

  for (guint i = 0; i < len; i++)
    if ((out ? mw_actor_out (actor, tie->type, i) : mw_actor_in (actor, tie->type, i)) == tie)
      n++;

  return n;
}

static void
check_actor (MwNetwork  *network,
             MwActor    *actor,
             guint       index,
             GHashTable *ids,
             guint      *n_adjacent)
{
  if (actor->index != index)
    g_error ("actor %s has index %u at position %u", actor->id, actor->index, index);
  if (mw_network_lookup_actor (network, actor->id) != actor)
    g_error ("looking up actor %s does not find it", actor->id);
  if (!g_hash_table_add (ids, actor->id))
    g_error ("two actors share the id %s", actor->id);
  if (*actor->id == '\0' || !g_utf8_validate (actor->id, -1, NULL))
    g_error ("an actor id is empty or not UTF-8");
  if (actor->label == NULL || *actor->label == '\0' || !g_utf8_validate (actor->label, -1, NULL) ||
      actor->org == NULL || actor->unit == NULL || actor->notes == NULL)
    g_error ("actor %s has a missing or invalid text field", actor->id);
  if (actor->kind >= MW_N_ACTOR_KINDS)
    g_error ("actor %s has kind %d", actor->id, actor->kind);

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      for (guint k = 0; k < mw_actor_n_out (actor, t); k++)
        {
          MwTie *tie = mw_actor_out (actor, t, k);

          if (tie->from != actor || tie->type != t || tie->index >= mw_network_get_n_ties (network) ||
              mw_network_get_tie (network, tie->index) != tie)
            g_error ("actor %s lists a tie out that is not its own", actor->id);
          n_adjacent[t]++;
        }
      for (guint k = 0; k < mw_actor_n_in (actor, t); k++)
        {
          MwTie *tie = mw_actor_in (actor, t, k);

          if (tie->to != actor || tie->type != t || tie->index >= mw_network_get_n_ties (network) ||
              mw_network_get_tie (network, tie->index) != tie)
            g_error ("actor %s lists a tie in that is not its own", actor->id);
        }
    }
}

static void
check_tie (MwNetwork  *network,
           MwTie      *tie,
           guint       index,
           GHashTable *ids,
           guint      *n_typed)
{
  if (tie->index != index)
    g_error ("tie %s has index %u at position %u", tie->id, tie->index, index);
  if (mw_network_lookup_tie (network, tie->id) != tie)
    g_error ("looking up tie %s does not find it", tie->id);
  if (!g_hash_table_add (ids, tie->id))
    g_error ("two ties share the id %s", tie->id);
  if (*tie->id == '\0' || !g_utf8_validate (tie->id, -1, NULL))
    g_error ("a tie id is empty or not UTF-8");
  if (tie->type >= MW_N_TIE_TYPES || !isfinite (tie->weight))
    g_error ("tie %s has type %d, weight %g", tie->id, tie->type, tie->weight);
  if (tie->from->index >= mw_network_get_n_actors (network) ||
      mw_network_get_actor (network, tie->from->index) != tie->from ||
      tie->to->index >= mw_network_get_n_actors (network) ||
      mw_network_get_actor (network, tie->to->index) != tie->to)
    g_error ("tie %s joins an actor that is not in the network", tie->id);
  if (count_in (tie->from, TRUE, tie) != 1 ||
      count_in (tie->to, FALSE, tie) != 1)
    g_error ("tie %s is not listed exactly once at each end", tie->id);

  n_typed[tie->type]++;
}

void
mw_fuzz_check_invariants (MwNetwork *network)
{
  g_autoptr(GHashTable) actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tie_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_adjacent[MW_N_TIE_TYPES] = { 0 };
  guint n_typed[MW_N_TIE_TYPES] = { 0 };

  g_assert (MW_IS_NETWORK (network));

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    check_actor (network, mw_network_get_actor (network, i), i, actor_ids, n_adjacent);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    check_tie (network, mw_network_get_tie (network, i), i, tie_ids, n_typed);

  /* every tie is listed once at each end, and nothing else is listed */
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    if (n_adjacent[t] != n_typed[t])
      g_error ("%u %s ties but %u in the actors' lists",
               n_typed[t], mw_tie_type_to_string (t), n_adjacent[t]);

  if (mw_network_get_name (network) == NULL || *mw_network_get_name (network) == '\0')
    g_error ("the network has no name");
}

static gboolean
ids_exist (GStrv        ids,
           MwNetwork   *network,
           gboolean     ties)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (ties ? mw_network_lookup_tie (network, ids[i]) == NULL
               : mw_network_lookup_actor (network, ids[i]) == NULL)
        return FALSE;
    }

  return ids != NULL;
}

void
mw_fuzz_check_problems (MwNetwork *network)
{
  g_autoptr(GPtrArray) problems = mw_network_check (network);

  for (guint i = 0; i < problems->len; i++)
    {
      MwProblem *problem = g_ptr_array_index (problems, i);

      if (mw_problem_kind_to_string (problem->kind) == NULL)
        g_error ("a problem of unknown kind %d", problem->kind);
      if (problem->message == NULL || *problem->message == '\0' ||
          !g_utf8_validate (problem->message, -1, NULL))
        g_error ("a problem without a readable message");
      if (!ids_exist (problem->actor_ids, network, FALSE) || problem->actor_ids[0] == NULL)
        g_error ("problem “%s” names an actor that does not exist", problem->message);
      if (!ids_exist (problem->tie_ids, network, TRUE) || problem->tie_ids[0] == NULL)
        g_error ("problem “%s” names a tie that does not exist", problem->message);
    }
}

static gboolean
tables_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (b, key), value) != 0)
      return FALSE;

  return TRUE;
}

void
mw_fuzz_assert_same_network (MwNetwork  *a,
                             MwNetwork  *b,
                             const char *what)
{
  g_autofree char *difference = NULL;

  if (!mw_network_equal (a, b, &difference))
    g_error ("%s: %s", what, difference);
  if (strcmp (mw_network_get_name (a), mw_network_get_name (b)) != 0)
    g_error ("%s: name “%s” ≠ “%s”", what, mw_network_get_name (a), mw_network_get_name (b));
  if (mw_network_get_directed (a) != mw_network_get_directed (b))
    g_error ("%s: one network is directed, the other is not", what);
  if (!tables_equal (mw_network_get_node_defaults (a), mw_network_get_node_defaults (b)))
    g_error ("%s: the node defaults differ", what);
  if (!tables_equal (mw_network_get_edge_defaults (a), mw_network_get_edge_defaults (b)))
    g_error ("%s: the edge defaults differ", what);
}

/* Whether DOT can hold @text as it is: no odd run of backslashes before a
 * quote, a newline or the end (cgraph's reader would eat or misread it). */
static gboolean
text_survives_dot (const char *text)
{
  /* cgraph's scanner drops a newline standing alone between the opening
   * quote or an escape and a quote or backslash ("\"\n" reads as "\"") */
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    if ((p == text || p[-1] == '"' || p[-1] == '\\') &&
        (p[1] == '\0' || p[1] == '"' || p[1] == '\\'))
      return FALSE;

  /* a byte order mark is written as a word joiner (see writable() in mw-dot-save.c) */
  if (strstr (text, "\xef\xbb\xbf") != NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; )
    {
      gsize run = strspn (p, "\\");

      p += run;
      if (run % 2 == 1 && (*p == '"' || *p == '\n' || *p == '\0'))
        return FALSE;
      if (*p != '\0')
        p++;
    }

  return TRUE;
}

/* An HTML-like value goes out between angle brackets as it is, with no
 * escapes and nothing changed: whatever it holds comes back. */
static gboolean
value_survives_dot (GHashTable *table,
                    const char *name,
                    const char *value)
{
  return mw_attrs_value_is_html (table, name, value) || text_survives_dot (value);
}

static gboolean
table_survives_dot (GHashTable *table)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!text_survives_dot (key) || !value_survives_dot (table, key, value))
      return FALSE;

  return TRUE;
}

static gboolean
network_survives_dot (MwNetwork *network)
{
  /* cgraph renames a graph or node whose name starts with % */
  if (*mw_network_get_name (network) == '%' || !text_survives_dot (mw_network_get_name (network)) ||
      !table_survives_dot (mw_network_get_attrs (network)) ||
      !table_survives_dot (mw_network_get_node_defaults (network)) ||
      !table_survives_dot (mw_network_get_edge_defaults (network)))
    return FALSE;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      /* a label \N means the actor's id in DOT */
      if (strcmp (actor->label, "\\N") == 0 && strcmp (actor->id, "\\N") != 0)
        return FALSE;
      if (*actor->id == '%' || !text_survives_dot (actor->id) ||
          !value_survives_dot (actor->attrs, "label", actor->label) ||
          !text_survives_dot (actor->org) || !text_survives_dot (actor->unit) ||
          !text_survives_dot (actor->notes) || !table_survives_dot (actor->attrs))
        return FALSE;
    }

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    if (!table_survives_dot (mw_network_get_tie (network, i)->attrs))
      return FALSE;

  return TRUE;
}

static MwNetwork *
save_and_load (MwNetwork  *network,
               char      **text_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  MwNetwork *again;
  gsize length;

  text = mw_dot_save_data (network, &length);
  if (strlen (text) != length || !g_utf8_validate (text, length, NULL))
    g_error ("the saved text is not UTF-8 text of the length given");
  text_again = mw_dot_save_data (network, NULL);
  if (strcmp (text, text_again) != 0)
    g_error ("saving the same network twice gives other bytes:\n%s\n---\n%s", text, text_again);

  again = mw_dot_load_data (text, length, "saved.gv", NULL, &error);
  if (again == NULL)
    g_error ("the saved text does not load: %s\n%s", error->message, text);
  mw_fuzz_check_invariants (again);

  *text_out = g_steal_pointer (&text);
  return again;
}

void
mw_fuzz_check_round_trip (MwNetwork *network)
{
  g_autofree char *text = NULL, *text_again = NULL;
  g_autoptr(MwNetwork) again = save_and_load (network, &text);
  g_autoptr(MwNetwork) third = NULL;

  if (network_survives_dot (network))
    {
      mw_fuzz_assert_same_network (network, again, text);
      return;
    }

  /* nothing is lost: each actor and tie is still there */
  if (mw_network_get_n_actors (again) != mw_network_get_n_actors (network) ||
      mw_network_get_n_ties (again) != mw_network_get_n_ties (network))
    g_error ("save → load: %u actors, %u ties became %u, %u\n%s",
             mw_network_get_n_actors (network), mw_network_get_n_ties (network),
             mw_network_get_n_actors (again), mw_network_get_n_ties (again), text);
  if (!network_survives_dot (again))
    g_error ("save → load: some text still cannot be written\n%s", text);

  third = save_and_load (again, &text_again);
  mw_fuzz_assert_same_network (again, third, text_again);
}

/* A failed load or import says why, in UTF-8, naming @source first. */
void
mw_fuzz_check_error (const GError *error,
                     const char   *source)
{
  if (error == NULL)
    g_error ("%s: failed without saying why", source);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("%s: the error is not UTF-8", source);
  if (!g_str_has_prefix (error->message, source))
    g_error ("%s: the error does not name the file: %s", source, error->message);
}

void
mw_fuzz_check_network (MwNetwork *network)
{
  mw_fuzz_check_invariants (network);
  mw_fuzz_check_problems (network);
  mw_fuzz_check_round_trip (network);
}

