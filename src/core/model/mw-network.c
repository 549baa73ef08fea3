/* mw-network.c: the network object: actors and ties added, found and removed, batches
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "mw-network-private.h"

G_DEFINE_FINAL_TYPE (MwNetwork, mw_network, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DIRECTED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GHashTable *
new_string_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Most actors and ties have no other attributes: they share one empty
 * table until their first attribute is set, which saves a hash table per
 * tie (about 120 MB at 500,000 ties). Only the mw-network*.c files write to the tables. */
static GHashTable *
shared_empty_table (void)
{
  static GHashTable *empty;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      empty = new_string_table ();
      g_once_init_leave (&initialised, 1);
    }

  return g_hash_table_ref (empty);
}

/* Returns: (transfer full): the empty table actors and ties share */
GHashTable *
_mw_string_table_shared_empty (void)
{
  return shared_empty_table ();
}

/* Gives *table a table of its own before it is written to. */
GHashTable *
_mw_string_table_writable (GHashTable **table)
{
  GHashTable *empty = shared_empty_table ();

  if (*table == empty)
    {
      g_hash_table_unref (*table);
      *table = new_string_table ();
    }
  g_hash_table_unref (empty);

  return *table;
}

/* "" as a GRefString of its own: one reference each, without the intern
 * table's lock for every actor added. */
static char *
empty_ref_string (void)
{
  static char *empty;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      empty = g_ref_string_new_intern ("");
      g_once_init_leave (&initialised, 1);
    }

  return g_ref_string_acquire (empty);
}

/* An actor's label, org, unit and notes are GRefStrings, so that a long
 * declared default (`node [label="…"]`) is held once, not once per actor.
 * Sets *field to a new one holding @value; TRUE when the text changed. */
gboolean
_mw_ref_string_set (char       **field,
                    const char  *value)
{
  if (*field == value || g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_ref_string_release (*field);
  *field = g_ref_string_new (value);
  return TRUE;
}

/* Makes *field a reference to @ref_string; TRUE when the text changed. */
gboolean
_mw_ref_string_share (char **field,
                      char  *ref_string)
{
  gboolean changed;

  if (*field == ref_string)
    return FALSE;

  /* lengths first: a long shared value is not read through for each actor */
  changed = g_ref_string_length (*field) != g_ref_string_length (ref_string) ||
            memcmp (*field, ref_string, g_ref_string_length (ref_string)) != 0;
  g_ref_string_release (*field);
  *field = g_ref_string_acquire (ref_string);
  return changed;
}

static void
actor_free (MwActor *actor)
{
  g_free (actor->adjacency);
  g_ref_string_release (actor->id);
  g_ref_string_release (actor->label);
  g_ref_string_release (actor->org);
  g_ref_string_release (actor->unit);
  g_ref_string_release (actor->notes);
  g_clear_pointer (&actor->attrs, g_hash_table_unref);
  g_free (actor);
}

static void
tie_free (MwTie *tie)
{
  g_free (tie->id);
  g_clear_pointer (&tie->attrs, g_hash_table_unref);
  g_free (tie);
}

void
mw_problem_free (MwProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_strfreev (problem->actor_ids);
  g_strfreev (problem->tie_ids);
  g_free (problem);
}

const char *
mw_problem_kind_to_string (MwProblemKind kind)
{
  switch (kind)
    {
    case MW_PROBLEM_REPORTS_CYCLE: return "reports-cycle";
    case MW_PROBLEM_SELF_TIE:      return "self-tie";
    case MW_PROBLEM_DUPLICATE_TIE: return "duplicate-tie";
    case MW_PROBLEM_NOT_A_TIE:     return "weight-not-positive";
    default:                       g_return_val_if_reached (NULL);
    }
}

void
_mw_network_emit_change (MwNetwork    *self,
                         MwChangeKind  kind,
                         MwField       fields,
                         MwActor      *actor,
                         MwTie        *tie)
{
  MwChange change = { kind, fields, actor, tie, NULL };

  self->generation++;

  /* A batch is announced once, when it ends. */
  if (self->batch_depth > 0)
    return;

  g_signal_emit (self, signals[CHANGED], 0, &change);
}

static void
mw_network_finalize (GObject *object)
{
  MwNetwork *self = (MwNetwork *)object;

  g_clear_pointer (&self->actors_by_id, g_hash_table_unref);
  g_clear_pointer (&self->ties_by_id, g_hash_table_unref);
  g_clear_pointer (&self->tie_id_next, g_hash_table_unref);
  g_clear_pointer (&self->ties, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_clear_pointer (&self->node_defaults, g_hash_table_unref);
  g_clear_pointer (&self->edge_defaults, g_hash_table_unref);
  g_clear_pointer (&self->subgraphs, g_ptr_array_unref);
  g_clear_pointer (&self->lossy, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->batch_name, g_free);

  G_OBJECT_CLASS (mw_network_parent_class)->finalize (object);
}

static void
mw_network_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MwNetwork *self = MW_NETWORK (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DIRECTED:
      g_value_set_boolean (value, self->directed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_network_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MwNetwork *self = MW_NETWORK (object);

  switch (prop_id)
    {
    case PROP_NAME:
      mw_network_set_name (self, g_value_get_string (value));
      break;

    case PROP_DIRECTED:
      mw_network_set_directed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_network_class_init (MwNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mw_network_finalize;
  object_class->get_property = mw_network_get_property;
  object_class->set_property = mw_network_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "network",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MwNetwork::changed:
   * @change: (type gpointer): a #MwChange saying what changed
   *
   * Emitted after every change, or once at the end of a batch with
   * %MW_CHANGE_BATCH.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
mw_network_init (MwNetwork *self)
{
  self->name = g_strdup ("network");
  self->directed = TRUE;
  self->actors = g_ptr_array_new_with_free_func ((GDestroyNotify)actor_free);
  self->ties = g_ptr_array_new_with_free_func ((GDestroyNotify)tie_free);
  self->actors_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->ties_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->tie_id_next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attrs = new_string_table ();
  self->node_defaults = new_string_table ();
  self->edge_defaults = new_string_table ();
  self->subgraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_subgraph_free);
  self->lossy = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * mw_network_new:
 *
 * Returns: (transfer full): an empty, directed network
 */
MwNetwork *
mw_network_new (void)
{
  return g_object_new (MW_TYPE_NETWORK, NULL);
}

const char *
mw_network_get_name (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return self->name;
}

void
mw_network_set_name (MwNetwork  *self,
                     const char *name)
{
  g_return_if_fail (MW_IS_NETWORK (self));

  if (name == NULL || *name == '\0')
    name = "network";

  if (mw_set_str (&self->name, name))
    {
      _mw_network_emit_change (self, MW_CHANGE_NETWORK_CHANGED, MW_FIELD_NONE, NULL, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

gboolean
mw_network_get_directed (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), FALSE);
  return self->directed;
}

void
mw_network_set_directed (MwNetwork *self,
                         gboolean   directed)
{
  g_return_if_fail (MW_IS_NETWORK (self));

  directed = !!directed;
  if (self->directed == directed)
    return;

  self->directed = directed;
  _mw_network_emit_change (self, MW_CHANGE_NETWORK_CHANGED, MW_FIELD_NONE, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTED]);
}

/**
 * mw_network_get_generation:
 *
 * Returns: a counter that grows with every change, so that a result
 *   computed from an older state can be recognised as stale
 */
guint64
mw_network_get_generation (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), 0);
  return self->generation;
}

/**
 * mw_network_get_attrs:
 *
 * Returns: (transfer none): graph attributes Meshwork keeps for the round trip
 */
GHashTable *
mw_network_get_attrs (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return self->attrs;
}

/**
 * mw_network_get_node_defaults:
 *
 * Returns: (transfer none): the file's `node [...]` defaults, modifiable by
 *   loaders; they are not announced as changes
 */
GHashTable *
mw_network_get_node_defaults (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return self->node_defaults;
}

/**
 * mw_network_get_edge_defaults:
 *
 * Returns: (transfer none): the file's `edge [...]` defaults
 */
GHashTable *
mw_network_get_edge_defaults (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return self->edge_defaults;
}

/* A NULL or empty value removes the attribute. Returns whether anything changed. */
gboolean
_mw_string_table_set (GHashTable *table,
                      const char *key,
                      const char *value)
{
  const char *old = g_hash_table_lookup (table, key);

  if (value == NULL || *value == '\0')
    return g_hash_table_remove (table, key);

  if (g_strcmp0 (old, value) == 0)
    return FALSE;

  g_hash_table_insert (table, g_strdup (key), g_strdup (value));
  return TRUE;
}

void
mw_network_set_attr (MwNetwork  *self,
                     const char *key,
                     const char *value)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (key != NULL);

  if (_mw_string_table_set (self->attrs, key, value))
    _mw_network_emit_change (self, MW_CHANGE_NETWORK_CHANGED, MW_FIELD_ATTRS, NULL, NULL);
}

guint
mw_network_get_n_actors (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), 0);
  return self->actors->len;
}

/**
 * mw_network_get_actor:
 *
 * Returns: (transfer none): the actor at @index
 */
MwActor *
mw_network_get_actor (MwNetwork *self,
                      guint      index)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  g_return_val_if_fail (index < self->actors->len, NULL);
  return g_ptr_array_index (self->actors, index);
}

/**
 * mw_network_lookup_actor:
 *
 * Returns: (transfer none) (nullable): the actor called @id
 */
MwActor *
mw_network_lookup_actor (MwNetwork  *self,
                         const char *id)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->actors_by_id, id);
}

guint
mw_network_get_n_ties (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), 0);
  return self->ties->len;
}

/**
 * mw_network_get_tie:
 *
 * Returns: (transfer none): the tie at @index
 */
MwTie *
mw_network_get_tie (MwNetwork *self,
                    guint      index)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  g_return_val_if_fail (index < self->ties->len, NULL);
  return g_ptr_array_index (self->ties, index);
}

/**
 * mw_network_lookup_tie:
 *
 * Returns: (transfer none) (nullable): the tie called @id
 */
MwTie *
mw_network_lookup_tie (MwNetwork  *self,
                       const char *id)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (_mw_network_tie_index (self), id);
}

/* A copy's ties are indexed by id only when someone first asks: most
 * copies (a scorer's, a tile worker's) never do, and indexing 500,000 ties
 * is a quarter of a copy. Once made, the index is kept up to date. */
GHashTable *
_mw_network_tie_index (MwNetwork *self)
{
  if (g_once_init_enter (&self->ties_by_id))
    {
      GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < self->ties->len; i++)
        {
          MwTie *tie = g_ptr_array_index (self->ties, i);

          g_hash_table_insert (index, tie->id, tie);
        }
      g_once_init_leave (&self->ties_by_id, index);
    }
  return self->ties_by_id;
}

/**
 * mw_network_unique_actor_id:
 * @prefix: (nullable): "p" when %NULL
 *
 * Returns: (transfer full): an id no actor has yet, such as "p12"
 */
char *
mw_network_unique_actor_id (MwNetwork  *self,
                            const char *prefix)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);

  if (prefix == NULL)
    prefix = "p";

  for (guint n = self->actors->len + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, n);

      if (!g_hash_table_contains (self->actors_by_id, id))
        return g_steal_pointer (&id);
    }
}

/**
 * mw_network_add_actor:
 * @id: (nullable): a unique id; one is made up when %NULL
 * @label: (nullable): the id when %NULL
 *
 * Returns: (transfer none) (nullable): the new actor, or %NULL with @error
 *   set when @id is taken or not valid UTF-8
 */
MwActor *
mw_network_add_actor (MwNetwork    *self,
                      const char   *id,
                      const char   *label,
                      MwActorKind   kind,
                      GError      **error)
{
  g_autofree char *new_id = NULL;
  MwActor *actor;

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  g_return_val_if_fail (kind < MW_N_ACTOR_KINDS, NULL);

  if (id == NULL || *id == '\0')
    id = new_id = mw_network_unique_actor_id (self, "p");

  if (!g_utf8_validate (id, -1, NULL) ||
      (label != NULL && !g_utf8_validate (label, -1, NULL)))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_ENCODING,
                           _("Actor ids and labels must be valid UTF-8"));
      return NULL;
    }

  if (g_hash_table_contains (self->actors_by_id, id))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("An actor with the id “%s” already exists"), id);
      return NULL;
    }

  actor = g_new0 (MwActor, 1);
  actor->id = g_ref_string_new (id);
  if (label != NULL && *label != '\0' && strcmp (label, id) != 0)
    actor->label = g_ref_string_new (label);
  else
    actor->label = g_ref_string_acquire (actor->id);
  actor->kind = kind;
  actor->org = empty_ref_string ();
  actor->unit = empty_ref_string ();
  actor->notes = empty_ref_string ();
  actor->attrs = shared_empty_table ();
  actor->index = self->actors->len;

  g_ptr_array_add (self->actors, actor);
  g_hash_table_insert (self->actors_by_id, actor->id, actor);

  _mw_network_emit_change (self, MW_CHANGE_ACTOR_ADDED, MW_FIELD_NONE, actor, NULL);

  return actor;
}

#define LAST_GROUP (2 * MW_N_TIE_TYPES - 1)

/* A group grows by one: each later group moves its first tie to its end,
 * so adding costs O(groups), not O(degree). */
void
_mw_network_attach_tie (MwActor *actor,
                        guint    group,
                        MwTie   *tie)
{
  guint *ends = actor->adjacency_ends;

  if (ends[LAST_GROUP] == actor->adjacency_alloc)
    {
      actor->adjacency_alloc += actor->adjacency_alloc / 2 + 2;
      actor->adjacency = g_renew (MwTie *, actor->adjacency, actor->adjacency_alloc);
    }

  for (guint g = LAST_GROUP; g > group; g--)
    actor->adjacency[ends[g]++] = actor->adjacency[ends[g - 1]];
  actor->adjacency[ends[group]++] = tie;
}

/* The tie's place takes its group's last tie; then each later group moves
 * its last tie into the gap at its front. */
void
_mw_network_detach_tie (MwActor *actor,
                        guint    group,
                        MwTie   *tie)
{
  guint *ends = actor->adjacency_ends;
  guint at = _mw_actor_group_start (actor, group);

  while (at < ends[group] && actor->adjacency[at] != tie)
    at++;
  if (at == ends[group])
    return;

  actor->adjacency[at] = actor->adjacency[--ends[group]];
  for (guint g = group + 1; g <= LAST_GROUP; g++)
    actor->adjacency[ends[g - 1]] = actor->adjacency[--ends[g]];
}

/* Parallel ties are "base", "base#2", "base#3"…: tie_id_next keeps, per
 * base, a number below which every "#n" is taken, so that the N-th parallel
 * tie costs O(1) and not N lookups. Removing a tie lowers it again, so a freed
 * number is given out first, as it always was. */
static char *
make_tie_id (MwNetwork *self,
             MwActor   *from,
             MwActor   *to,
             MwTieType  type)
{
  g_autofree char *base = g_strconcat (from->id, "->", to->id, ":", mw_tie_type_to_string (type), NULL);
  GHashTable *index = _mw_network_tie_index (self);
  guint n;

  if (!g_hash_table_contains (index, base))
    return g_steal_pointer (&base);

  n = MAX (2, GPOINTER_TO_UINT (g_hash_table_lookup (self->tie_id_next, base)));
  for (; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s#%u", base, n);

      if (!g_hash_table_contains (index, id))
        {
          g_hash_table_replace (self->tie_id_next, g_steal_pointer (&base), GUINT_TO_POINTER (n + 1));
          return g_steal_pointer (&id);
        }
    }
}

/* A removed "base#n" makes n free again. */
static void
forget_tie_id (MwNetwork  *self,
               const char *id)
{
  const char *hash = strrchr (id, '#');
  g_autofree char *base = NULL;
  char *end;
  guint64 n;
  gpointer next;

  if (hash == NULL || !g_ascii_isdigit (hash[1]))
    return;

  n = g_ascii_strtoull (hash + 1, &end, 10);
  if (*end != '\0' || n < 2 || n > G_MAXUINT)
    return;

  base = g_strndup (id, hash - id);
  next = g_hash_table_lookup (self->tie_id_next, base);
  if (next != NULL && GPOINTER_TO_UINT (next) > n)
    g_hash_table_replace (self->tie_id_next, g_steal_pointer (&base), GUINT_TO_POINTER ((guint)n));
}

/* Swap-removal keeps indices dense in O(1); only the moved item's index changes. */
static gpointer
steal_dense (GPtrArray *array,
             guint      index,
             gsize      index_offset)
{
  gpointer item = g_ptr_array_steal_index_fast (array, index);

  if (index < array->len)
    G_STRUCT_MEMBER (guint, g_ptr_array_index (array, index), index_offset) = index;

  return item;
}

void
mw_network_remove_tie (MwNetwork *self,
                       MwTie     *tie)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (tie != NULL);
  g_return_if_fail (tie->index < self->ties->len &&
                    g_ptr_array_index (self->ties, tie->index) == tie);

  _mw_network_detach_tie (tie->from, MW_OUT_GROUP (tie->type), tie);
  _mw_network_detach_tie (tie->to, MW_IN_GROUP (tie->type), tie);
  g_hash_table_remove (_mw_network_tie_index (self), tie->id);
  forget_tie_id (self, tie->id);
  steal_dense (self->ties, tie->index, G_STRUCT_OFFSET (MwTie, index));

  _mw_network_emit_change (self, MW_CHANGE_TIE_REMOVED, MW_FIELD_NONE, NULL, tie);
  tie_free (tie);
}

/**
 * mw_network_remove_actor:
 *
 * Removes @actor and every tie it has; each removal is announced.
 */
void
mw_network_remove_actor (MwNetwork *self,
                         MwActor   *actor)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (actor->index < self->actors->len &&
                    g_ptr_array_index (self->actors, actor->index) == actor);

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      while (mw_actor_n_out (actor, t) > 0)
        mw_network_remove_tie (self, mw_actor_out (actor, t, 0));
      while (mw_actor_n_in (actor, t) > 0)
        mw_network_remove_tie (self, mw_actor_in (actor, t, 0));
    }

  g_hash_table_remove (self->actors_by_id, actor->id);
  steal_dense (self->actors, actor->index, G_STRUCT_OFFSET (MwActor, index));

  _mw_network_emit_change (self, MW_CHANGE_ACTOR_REMOVED, MW_FIELD_NONE, actor, NULL);
  actor_free (actor);
}

gboolean
mw_network_set_actor_id (MwNetwork   *self,
                         MwActor     *actor,
                         const char  *id,
                         GError     **error)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (strcmp (actor->id, id) == 0)
    return TRUE;

  if (*id == '\0' || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_INVALID,
                           _("An actor id must be non-empty UTF-8"));
      return FALSE;
    }

  if (g_hash_table_contains (self->actors_by_id, id))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("An actor with the id “%s” already exists"), id);
      return FALSE;
    }

  g_hash_table_remove (self->actors_by_id, actor->id);
  g_ref_string_release (actor->id);
  actor->id = g_ref_string_new (id);
  g_hash_table_insert (self->actors_by_id, actor->id, actor);

  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_ID, actor, NULL);
  return TRUE;
}

/* By index, not by id: no string is hashed for each tie added. */
static gboolean
owns_actor (MwNetwork     *self,
            const MwActor *actor)
{
  return actor->index < self->actors->len && g_ptr_array_index (self->actors, actor->index) == actor;
}

/**
 * mw_network_add_tie:
 * @id: (nullable): a unique id; "from->to:type" when %NULL or taken
 *
 * Self ties and duplicates are allowed while people draw;
 * mw_network_check() reports them.
 *
 * Returns: (transfer none): the new tie
 */
MwTie *
mw_network_add_tie (MwNetwork  *self,
                    MwActor    *from,
                    MwActor    *to,
                    MwTieType   type,
                    double      weight,
                    const char *id)
{
  GHashTable *index;
  MwTie *tie;

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (type < MW_N_TIE_TYPES, NULL);
  g_return_val_if_fail (owns_actor (self, from), NULL);
  g_return_val_if_fail (owns_actor (self, to), NULL);

  index = _mw_network_tie_index (self);
  tie = g_new0 (MwTie, 1);
  if (id != NULL && *id != '\0' && g_utf8_validate (id, -1, NULL) &&
      !g_hash_table_contains (index, id))
    tie->id = g_strdup (id);
  else
    tie->id = make_tie_id (self, from, to, type);
  tie->from = from;
  tie->to = to;
  tie->type = type;
  /* −0 reads back from any file as 0: store it as 0 so round trips agree */
  tie->weight = !isfinite (weight) ? 1.0 : weight == 0.0 ? 0.0 : weight;
  tie->attrs = shared_empty_table ();
  tie->index = self->ties->len;

  g_ptr_array_add (self->ties, tie);
  g_hash_table_insert (index, tie->id, tie);
  _mw_network_attach_tie (from, MW_OUT_GROUP (type), tie);
  _mw_network_attach_tie (to, MW_IN_GROUP (type), tie);

  _mw_network_emit_change (self, MW_CHANGE_TIE_ADDED, MW_FIELD_NONE, NULL, tie);

  return tie;
}

/**
 * mw_network_begin_batch:
 * @name: (nullable): what the batch does, for people ("Move 3 Actors")
 *
 * Until the matching mw_network_end_batch(), changes are not announced one
 * by one; the outermost end announces a single %MW_CHANGE_BATCH. Batches nest.
 */
void
mw_network_begin_batch (MwNetwork  *self,
                        const char *name)
{
  g_return_if_fail (MW_IS_NETWORK (self));

  if (self->batch_depth++ == 0)
    {
      g_free (self->batch_name);
      self->batch_name = g_strdup (name);
    }
}

void
mw_network_end_batch (MwNetwork *self)
{
  MwChange change = { MW_CHANGE_BATCH, MW_FIELD_NONE, NULL, NULL, NULL };

  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  change.batch_name = self->batch_name;
  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0, &change);
  g_clear_pointer (&self->batch_name, g_free);
}

gboolean
mw_network_in_batch (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), FALSE);
  return self->batch_depth > 0;
}

int
_mw_compare_strings_indirect (gconstpointer a,
                              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GStrv
list_distinct (MwNetwork *self,
               gsize      field_offset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->actors->len; i++)
    {
      const char *value = G_STRUCT_MEMBER (char *, g_ptr_array_index (self->actors, i), field_offset);

      if (*value != '\0' && g_hash_table_add (seen, (gpointer)value))
        g_ptr_array_add (names, g_strdup (value));
    }

  g_ptr_array_sort (names, _mw_compare_strings_indirect);
  g_ptr_array_add (names, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * mw_network_list_orgs:
 *
 * Returns: (transfer full): the organisation names in use, sorted
 */
GStrv
mw_network_list_orgs (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return list_distinct (self, G_STRUCT_OFFSET (MwActor, org));
}

/**
 * mw_network_list_units:
 *
 * Returns: (transfer full): the unit names in use, sorted
 */
GStrv
mw_network_list_units (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return list_distinct (self, G_STRUCT_OFFSET (MwActor, unit));
}
