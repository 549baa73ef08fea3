/* mw-network.c
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "mw-network.h"

struct _MwNetwork
{
  GObject     parent_instance;

  char       *name;
  GPtrArray  *actors;        /* MwActor*, owned, dense by actor->index */
  GPtrArray  *ties;          /* MwTie*, owned, dense by tie->index */
  GHashTable *actors_by_id;  /* borrowed id → MwActor* */
  GHashTable *ties_by_id;    /* borrowed id → MwTie* */
  GHashTable *attrs;
  GHashTable *node_defaults;
  GHashTable *edge_defaults;
  guint64     generation;
  guint64     next_tie_serial;
  guint       batch_depth;
  char       *batch_name;
  guint       directed : 1;
};

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
 * tie (about 120 MB at 500,000 ties). Only this file writes to the tables. */
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

/* Gives *table a table of its own before it is written to. */
static GHashTable *
writable_table (GHashTable **table)
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

static void
copy_string_table (GHashTable *dest,
                   GHashTable *src)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (dest, g_strdup (key), g_strdup (value));
}

static gboolean
string_tables_equal (GHashTable *a,
                     GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *other = g_hash_table_lookup (b, key);

      if (other == NULL || strcmp (other, value) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
actor_free (MwActor *actor)
{
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      g_clear_pointer (&actor->out_ties[t], g_ptr_array_unref);
      g_clear_pointer (&actor->in_ties[t], g_ptr_array_unref);
    }
  g_free (actor->id);
  g_free (actor->label);
  g_free (actor->org);
  g_free (actor->unit);
  g_free (actor->notes);
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
    default:                       g_return_val_if_reached (NULL);
    }
}

static void
emit_change (MwNetwork    *self,
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
  g_clear_pointer (&self->ties, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_clear_pointer (&self->node_defaults, g_hash_table_unref);
  g_clear_pointer (&self->edge_defaults, g_hash_table_unref);
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
  self->attrs = new_string_table ();
  self->node_defaults = new_string_table ();
  self->edge_defaults = new_string_table ();
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
      emit_change (self, MW_CHANGE_NETWORK_CHANGED, MW_FIELD_NONE, NULL, NULL);
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
  emit_change (self, MW_CHANGE_NETWORK_CHANGED, MW_FIELD_NONE, NULL, NULL);
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
static gboolean
set_table_value (GHashTable *table,
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

  if (set_table_value (self->attrs, key, value))
    emit_change (self, MW_CHANGE_NETWORK_CHANGED, MW_FIELD_ATTRS, NULL, NULL);
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

  return g_hash_table_lookup (self->ties_by_id, id);
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
  actor->id = g_strdup (id);
  actor->label = g_strdup (label != NULL && *label != '\0' ? label : id);
  actor->kind = kind;
  actor->org = g_strdup ("");
  actor->unit = g_strdup ("");
  actor->notes = g_strdup ("");
  actor->attrs = shared_empty_table ();
  actor->index = self->actors->len;

  g_ptr_array_add (self->actors, actor);
  g_hash_table_insert (self->actors_by_id, actor->id, actor);

  emit_change (self, MW_CHANGE_ACTOR_ADDED, MW_FIELD_NONE, actor, NULL);

  return actor;
}

static void
detach_tie (GPtrArray **adjacency,
            MwTie      *tie)
{
  if (*adjacency != NULL)
    g_ptr_array_remove_fast (*adjacency, tie);
}

static void
attach_tie (GPtrArray **adjacency,
            MwTie      *tie)
{
  if (*adjacency == NULL)
    *adjacency = g_ptr_array_new ();
  g_ptr_array_add (*adjacency, tie);
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

  detach_tie (&tie->from->out_ties[tie->type], tie);
  detach_tie (&tie->to->in_ties[tie->type], tie);
  g_hash_table_remove (self->ties_by_id, tie->id);
  steal_dense (self->ties, tie->index, G_STRUCT_OFFSET (MwTie, index));

  emit_change (self, MW_CHANGE_TIE_REMOVED, MW_FIELD_NONE, NULL, tie);
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

  emit_change (self, MW_CHANGE_ACTOR_REMOVED, MW_FIELD_NONE, actor, NULL);
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
  g_free (actor->id);
  actor->id = g_strdup (id);
  g_hash_table_insert (self->actors_by_id, actor->id, actor);

  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_ID, actor, NULL);
  return TRUE;
}

static void
set_actor_string (MwNetwork   *self,
                  MwActor     *actor,
                  char       **field,
                  const char  *value,
                  MwField      which)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);

  if (value == NULL)
    value = "";

  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  if (mw_set_str (field, value))
    emit_change (self, MW_CHANGE_ACTOR_CHANGED, which, actor, NULL);
}

void
mw_network_set_actor_label (MwNetwork  *self,
                            MwActor    *actor,
                            const char *label)
{
  g_return_if_fail (actor != NULL);

  if (label == NULL || *label == '\0')
    label = actor->id;

  set_actor_string (self, actor, &actor->label, label, MW_FIELD_LABEL);
}

void
mw_network_set_actor_kind (MwNetwork   *self,
                           MwActor     *actor,
                           MwActorKind  kind)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (kind < MW_N_ACTOR_KINDS);

  if (actor->kind == kind)
    return;

  actor->kind = kind;
  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_KIND, actor, NULL);
}

void
mw_network_set_actor_org (MwNetwork  *self,
                          MwActor    *actor,
                          const char *org)
{
  g_return_if_fail (actor != NULL);
  set_actor_string (self, actor, &actor->org, org, MW_FIELD_ORG);
}

void
mw_network_set_actor_unit (MwNetwork  *self,
                           MwActor    *actor,
                           const char *unit)
{
  g_return_if_fail (actor != NULL);
  set_actor_string (self, actor, &actor->unit, unit, MW_FIELD_UNIT);
}

void
mw_network_set_actor_notes (MwNetwork  *self,
                            MwActor    *actor,
                            const char *notes)
{
  g_return_if_fail (actor != NULL);
  set_actor_string (self, actor, &actor->notes, notes, MW_FIELD_NOTES);
}

void
mw_network_set_actor_purpose (MwNetwork *self,
                              MwActor   *actor,
                              gboolean   purpose)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);

  if (actor->purpose == !!purpose)
    return;

  actor->purpose = !!purpose;
  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_PURPOSE, actor, NULL);
}

void
mw_network_set_actor_initiative (MwNetwork *self,
                                 MwActor   *actor,
                                 gboolean   initiative)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);

  if (actor->initiative == !!initiative)
    return;

  actor->initiative = !!initiative;
  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_INITIATIVE, actor, NULL);
}

void
mw_network_set_actor_pinned (MwNetwork *self,
                             MwActor   *actor,
                             gboolean   pinned)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);

  if (actor->pinned == !!pinned)
    return;

  actor->pinned = !!pinned;
  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_PINNED, actor, NULL);
}

void
mw_network_set_actor_position (MwNetwork *self,
                               MwActor   *actor,
                               double     x,
                               double     y)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (isfinite (x) && isfinite (y));

  if (actor->has_position && actor->x == x && actor->y == y)
    return;

  actor->x = x;
  actor->y = y;
  actor->has_position = TRUE;
  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_POSITION, actor, NULL);
}

void
mw_network_clear_actor_position (MwNetwork *self,
                                 MwActor   *actor)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);

  if (!actor->has_position)
    return;

  actor->has_position = FALSE;
  actor->x = actor->y = 0;
  emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_POSITION, actor, NULL);
}

/**
 * mw_network_set_actor_attr:
 * @value: (nullable): %NULL or "" removes the attribute
 */
void
mw_network_set_actor_attr (MwNetwork  *self,
                           MwActor    *actor,
                           const char *key,
                           const char *value)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (key != NULL);

  if ((value == NULL || *value == '\0') && g_hash_table_size (actor->attrs) == 0)
    return;
  if (set_table_value (writable_table (&actor->attrs), key, value))
    emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_ATTRS, actor, NULL);
}

static char *
make_tie_id (MwNetwork *self,
             MwActor   *from,
             MwActor   *to,
             MwTieType  type)
{
  g_autofree char *base = g_strdup_printf ("%s->%s:%s", from->id, to->id,
                                           mw_tie_type_to_string (type));

  if (!g_hash_table_contains (self->ties_by_id, base))
    return g_steal_pointer (&base);

  for (guint n = 2; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s#%u", base, n);

      if (!g_hash_table_contains (self->ties_by_id, id))
        return g_steal_pointer (&id);
    }
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
  MwTie *tie;

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (type < MW_N_TIE_TYPES, NULL);
  g_return_val_if_fail (mw_network_lookup_actor (self, from->id) == from, NULL);
  g_return_val_if_fail (mw_network_lookup_actor (self, to->id) == to, NULL);

  tie = g_new0 (MwTie, 1);
  if (id != NULL && *id != '\0' && g_utf8_validate (id, -1, NULL) &&
      !g_hash_table_contains (self->ties_by_id, id))
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
  g_hash_table_insert (self->ties_by_id, tie->id, tie);
  attach_tie (&from->out_ties[type], tie);
  attach_tie (&to->in_ties[type], tie);

  emit_change (self, MW_CHANGE_TIE_ADDED, MW_FIELD_NONE, NULL, tie);

  return tie;
}

void
mw_network_set_tie_type (MwNetwork *self,
                         MwTie     *tie,
                         MwTieType  type)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (tie != NULL);
  g_return_if_fail (type < MW_N_TIE_TYPES);

  if (tie->type == type)
    return;

  detach_tie (&tie->from->out_ties[tie->type], tie);
  detach_tie (&tie->to->in_ties[tie->type], tie);
  tie->type = type;
  attach_tie (&tie->from->out_ties[type], tie);
  attach_tie (&tie->to->in_ties[type], tie);

  emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_TIE_TYPE, NULL, tie);
}

void
mw_network_set_tie_weight (MwNetwork *self,
                           MwTie     *tie,
                           double     weight)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (tie != NULL);
  g_return_if_fail (isfinite (weight));

  if (weight == 0.0)
    weight = 0.0;  /* not −0: see mw_network_add_tie() */
  if (tie->weight == weight)
    return;

  tie->weight = weight;
  emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_WEIGHT, NULL, tie);
}

/**
 * mw_network_set_tie_endpoints:
 *
 * Moves @tie to new ends; (to, from) reverses it.
 */
void
mw_network_set_tie_endpoints (MwNetwork *self,
                              MwTie     *tie,
                              MwActor   *from,
                              MwActor   *to)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (tie != NULL && from != NULL && to != NULL);

  if (tie->from == from && tie->to == to)
    return;

  detach_tie (&tie->from->out_ties[tie->type], tie);
  detach_tie (&tie->to->in_ties[tie->type], tie);
  tie->from = from;
  tie->to = to;
  attach_tie (&from->out_ties[tie->type], tie);
  attach_tie (&to->in_ties[tie->type], tie);

  emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_ENDPOINTS, NULL, tie);
}

void
mw_network_set_tie_attr (MwNetwork  *self,
                         MwTie      *tie,
                         const char *key,
                         const char *value)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (tie != NULL);
  g_return_if_fail (key != NULL);

  if ((value == NULL || *value == '\0') && g_hash_table_size (tie->attrs) == 0)
    return;
  if (set_table_value (writable_table (&tie->attrs), key, value))
    emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_ATTRS, NULL, tie);
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

/**
 * mw_network_copy:
 *
 * Returns: (transfer full): a deep copy, with the same ids and order; for
 *   scoring in another thread or previewing a change without touching @self
 */
MwNetwork *
mw_network_copy (MwNetwork *self)
{
  MwNetwork *copy;

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);

  copy = mw_network_new ();
  mw_set_str (&copy->name, self->name);
  copy->directed = self->directed;
  copy_string_table (copy->attrs, self->attrs);
  copy_string_table (copy->node_defaults, self->node_defaults);
  copy_string_table (copy->edge_defaults, self->edge_defaults);

  g_ptr_array_set_size (copy->actors, 0);
  for (guint i = 0; i < self->actors->len; i++)
    {
      const MwActor *src = g_ptr_array_index (self->actors, i);
      MwActor *dst = mw_network_add_actor (copy, src->id, src->label, src->kind, NULL);

      mw_set_str (&dst->org, src->org);
      mw_set_str (&dst->unit, src->unit);
      mw_set_str (&dst->notes, src->notes);
      dst->x = src->x;
      dst->y = src->y;
      dst->purpose = src->purpose;
      dst->initiative = src->initiative;
      dst->pinned = src->pinned;
      dst->has_position = src->has_position;
      if (g_hash_table_size (src->attrs) > 0)
        copy_string_table (writable_table (&dst->attrs), src->attrs);
    }

  for (guint i = 0; i < self->ties->len; i++)
    {
      const MwTie *src = g_ptr_array_index (self->ties, i);
      MwTie *dst = mw_network_add_tie (copy,
                                       g_ptr_array_index (copy->actors, src->from->index),
                                       g_ptr_array_index (copy->actors, src->to->index),
                                       src->type, src->weight, src->id);

      if (g_hash_table_size (src->attrs) > 0)
        copy_string_table (writable_table (&dst->attrs), src->attrs);
    }

  copy->generation = self->generation;

  return copy;
}

static char *
describe_actor_difference (const MwActor *a,
                           const MwActor *b)
{
  if (strcmp (a->label, b->label) != 0)
    return g_strdup_printf ("actor %s: label “%s” ≠ “%s”", a->id, a->label, b->label);
  if (a->kind != b->kind)
    return g_strdup_printf ("actor %s: kind differs", a->id);
  if (strcmp (a->org, b->org) != 0)
    return g_strdup_printf ("actor %s: organisation “%s” ≠ “%s”", a->id, a->org, b->org);
  if (strcmp (a->unit, b->unit) != 0)
    return g_strdup_printf ("actor %s: unit “%s” ≠ “%s”", a->id, a->unit, b->unit);
  if (strcmp (a->notes, b->notes) != 0)
    return g_strdup_printf ("actor %s: notes differ", a->id);
  if (a->purpose != b->purpose || a->initiative != b->initiative || a->pinned != b->pinned)
    return g_strdup_printf ("actor %s: flags differ", a->id);
  if (a->has_position != b->has_position ||
      (a->has_position && (fabs (a->x - b->x) > 0.01 || fabs (a->y - b->y) > 0.01)))
    return g_strdup_printf ("actor %s: position (%g, %g) ≠ (%g, %g)",
                            a->id, a->x, a->y, b->x, b->y);
  if (!string_tables_equal (a->attrs, b->attrs))
    return g_strdup_printf ("actor %s: other attributes differ", a->id);

  return NULL;
}

static int
compare_strings_indirect (gconstpointer a,
                          gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Ties are matched by (from, to, type, weight, attrs) as a multiset, not by
 * id: generated ids depend on the order a file lists its edges in. */
static char *
tie_signature (const MwTie *tie)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GString *sig = g_string_new (NULL);

  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, tie->attrs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings_indirect);
  g_string_printf (sig, "%s\x1f%s\x1f%s\x1f%.6g",
                   tie->from->id, tie->to->id,
                   mw_tie_type_to_string (tie->type), tie->weight);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_string_append_printf (sig, "\x1f%s=%s", key,
                              (const char *)g_hash_table_lookup (tie->attrs, key));
    }

  return g_string_free (sig, FALSE);
}

static GHashTable *
count_tie_signatures (MwNetwork *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->ties->len; i++)
    {
      char *sig = tie_signature (g_ptr_array_index (self->ties, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, sig));

      g_hash_table_insert (counts, sig, GUINT_TO_POINTER (n + 1));
    }

  return counts;
}

static char *
describe_tie_difference (MwNetwork *a,
                         MwNetwork *b)
{
  g_autoptr(GHashTable) counts_a = count_tie_signatures (a);
  g_autoptr(GHashTable) counts_b = count_tie_signatures (b);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_lookup (counts_b, key) != value)
        {
          g_autofree char *readable = g_strdelimit (g_strdup (key), "\x1f", ' ');
          return g_strdup_printf ("tie “%s” appears %u time(s) in one network and %u in the other",
                                  readable, GPOINTER_TO_UINT (value),
                                  GPOINTER_TO_UINT (g_hash_table_lookup (counts_b, key)));
        }
    }

  return NULL;
}

/**
 * mw_network_equal:
 * @difference: (out) (optional) (transfer full): the first difference found
 *
 * Compares two networks as Meshwork sees them: actors by id with every
 * field, ties as a multiset, graph attributes. Order does not matter.
 */
gboolean
mw_network_equal (MwNetwork  *a,
                  MwNetwork  *b,
                  char      **difference)
{
  char *diff = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (a) && MW_IS_NETWORK (b), FALSE);

  if (a->actors->len != b->actors->len)
    diff = g_strdup_printf ("%u actors ≠ %u actors", a->actors->len, b->actors->len);
  else if (a->ties->len != b->ties->len)
    diff = g_strdup_printf ("%u ties ≠ %u ties", a->ties->len, b->ties->len);
  else if (!string_tables_equal (a->attrs, b->attrs))
    diff = g_strdup ("graph attributes differ");

  for (guint i = 0; diff == NULL && i < a->actors->len; i++)
    {
      const MwActor *actor_a = g_ptr_array_index (a->actors, i);
      const MwActor *actor_b = g_hash_table_lookup (b->actors_by_id, actor_a->id);

      if (actor_b == NULL)
        diff = g_strdup_printf ("actor %s is missing", actor_a->id);
      else
        diff = describe_actor_difference (actor_a, actor_b);
    }

  if (diff == NULL)
    diff = describe_tie_difference (a, b);

  if (difference != NULL)
    *difference = diff;
  else
    g_free (diff);

  return diff == NULL;
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

  g_ptr_array_sort (names, compare_strings_indirect);
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
