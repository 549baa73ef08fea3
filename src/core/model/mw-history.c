/* mw-history.c: undoable edits of a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-history"

#include "config.h"

#include "mw-actor-match.h"
#include "mw-history.h"

/* What an actor or a tie looks like at one moment; NULL stands for "absent".
 * An actor's is a snapshot (mw_actor_snapshot_new()). */
typedef struct
{
  char       *from_id;
  char       *to_id;
  MwTieType   type;
  double      weight;
  GHashTable *attrs;
} TieState;

typedef struct
{
  char     *id;
  gboolean  is_tie;
  gboolean  is_graph; /* a graph attribute: id is its key, the states its char* values */
  gpointer  before;   /* (nullable) an actor snapshot or TieState */
  gpointer  after;    /* (nullable) */
} Entry;

typedef struct
{
  char      *name;
  GPtrArray *entries;
} Step;

struct _MwEdit
{
  MwHistory  *history;
  char       *name;
  GPtrArray  *entries;   /* Entry*, in the order first touched */
  GHashTable *by_key;    /* "a:id" / "t:id" → Entry* */
};

struct _MwHistory
{
  GObject    parent_instance;

  MwNetwork *network;
  GPtrArray *steps;      /* Step*: steps[0..position) are done, the rest undone */
  guint      position;
  gint64     saved_position;  /* -1 when the saved state was dropped from the redo list */
  MwEdit    *edit;       /* (nullable) the edit in progress */
};

G_DEFINE_FINAL_TYPE (MwHistory, mw_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_NAME,
  PROP_REDO_NAME,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GHashTable *
copy_table (GHashTable *table)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));

  return copy;
}

static gboolean
actor_states_equal (const MwActor *a,
                    const MwActor *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return mw_actor_diff (a, b, 0) == MW_FIELD_NONE;
}

static TieState *
tie_state_new (const MwTie *tie)
{
  TieState *state = g_new0 (TieState, 1);

  state->from_id = g_strdup (tie->from->id);
  state->to_id = g_strdup (tie->to->id);
  state->type = tie->type;
  state->weight = tie->weight;
  state->attrs = copy_table (tie->attrs);

  return state;
}

static void
tie_state_free (TieState *state)
{
  g_free (state->from_id);
  g_free (state->to_id);
  g_hash_table_unref (state->attrs);
  g_free (state);
}

static gboolean
tie_states_equal (const TieState *a,
                  const TieState *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_str_equal (a->from_id, b->from_id) && g_str_equal (a->to_id, b->to_id) &&
         a->type == b->type && a->weight == b->weight &&
         mw_attrs_equal (a->attrs, b->attrs);
}

static void
entry_free (Entry *entry)
{
  GDestroyNotify free_state = entry->is_graph ? g_free
                               : entry->is_tie ? (GDestroyNotify)tie_state_free
                               : (GDestroyNotify)mw_actor_snapshot_free;

  g_clear_pointer (&entry->before, free_state);
  g_clear_pointer (&entry->after, free_state);
  g_free (entry->id);
  g_free (entry);
}

static void
step_free (Step *step)
{
  g_free (step->name);
  g_ptr_array_unref (step->entries);
  g_free (step);
}

/* Sets every key of @target and removes the others, through @set. */
static void
apply_attrs (GHashTable *current,
             GHashTable *target,
             void      (*set) (gpointer, const char *, const char *, gpointer),
             gpointer    item,
             gpointer    data)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, current);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (target, key))
      g_ptr_array_add (stale, g_strdup (key));

  for (guint i = 0; i < stale->len; i++)
    set (item, g_ptr_array_index (stale, i), NULL, data);

  g_hash_table_iter_init (&iter, target);
  while (g_hash_table_iter_next (&iter, &key, &value))
    set (item, key, value, data);
}

static void
set_actor_attr (gpointer    item,
                const char *key,
                const char *value,
                gpointer    network)
{
  mw_network_set_actor_attr (network, item, key, value);
}

static void
set_tie_attr (gpointer    item,
              const char *key,
              const char *value,
              gpointer    network)
{
  mw_network_set_tie_attr (network, item, key, value);
}

static void
apply_actor_state (MwNetwork     *network,
                   const char    *id,
                   const MwActor *state)
{
  MwActor *actor = mw_network_lookup_actor (network, id);

  if (actor == NULL)
    actor = mw_network_add_actor (network, id, state->label, state->kind, NULL);
  g_return_if_fail (actor != NULL);

  mw_network_set_actor_label (network, actor, state->label);
  mw_network_set_actor_kind (network, actor, state->kind);
  mw_network_set_actor_org (network, actor, state->org);
  mw_network_set_actor_unit (network, actor, state->unit);
  mw_network_set_actor_notes (network, actor, state->notes);
  mw_network_set_actor_purpose (network, actor, state->purpose);
  mw_network_set_actor_initiative (network, actor, state->initiative);
  mw_network_set_actor_pinned (network, actor, state->pinned);
  if (state->has_position)
    mw_network_set_actor_position (network, actor, state->x, state->y);
  else
    mw_network_clear_actor_position (network, actor);
  apply_attrs (actor->attrs, state->attrs, set_actor_attr, actor, network);
}

static void
apply_tie_state (MwNetwork      *network,
                 const char     *id,
                 const TieState *state)
{
  MwTie *tie = mw_network_lookup_tie (network, id);
  MwActor *from = mw_network_lookup_actor (network, state->from_id);
  MwActor *to = mw_network_lookup_actor (network, state->to_id);

  g_return_if_fail (from != NULL && to != NULL);

  if (tie == NULL)
    tie = mw_network_add_tie (network, from, to, state->type, state->weight, id);

  mw_network_set_tie_endpoints (network, tie, from, to);
  mw_network_set_tie_type (network, tie, state->type);
  mw_network_set_tie_weight (network, tie, state->weight);
  apply_attrs (tie->attrs, state->attrs, set_tie_attr, tie, network);
}

/* Brings every entry to its before (@forward FALSE) or after state: ties
 * leave before their actors do, actors arrive before their ties. */
static void
apply_entries (MwNetwork *network,
               GPtrArray *entries,
               gboolean   forward)
{
  for (guint pass = 0; pass < 4; pass++)
    {
      for (guint i = 0; i < entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (entries, i);
          gpointer target = forward ? entry->after : entry->before;
          gboolean wanted_tie = (pass == 0 || pass == 3);
          gboolean wanted_present = (pass >= 2);

          if (entry->is_graph)
            {
              if (pass == 1)
                mw_network_set_attr (network, entry->id, target);
              continue;
            }
          if (entry->is_tie != wanted_tie || (target != NULL) != wanted_present)
            continue;

          if (target == NULL && entry->is_tie)
            {
              MwTie *tie = mw_network_lookup_tie (network, entry->id);
              if (tie != NULL)
                mw_network_remove_tie (network, tie);
            }
          else if (target == NULL)
            {
              MwActor *actor = mw_network_lookup_actor (network, entry->id);
              if (actor != NULL)
                mw_network_remove_actor (network, actor);
            }
          else if (entry->is_tie)
            apply_tie_state (network, entry->id, target);
          else
            apply_actor_state (network, entry->id, target);
        }
    }
}

static void
apply_in_batch (MwHistory  *self,
                GPtrArray  *entries,
                gboolean    forward,
                const char *name)
{
  g_assert (MW_IS_HISTORY (self));

  mw_network_begin_batch (self->network, name);
  apply_entries (self->network, entries, forward);
  mw_network_end_batch (self->network);
}

static void
notify_state (MwHistory *self,
              gboolean   could_undo,
              gboolean   could_redo,
              gboolean   was_modified)
{
  g_assert (MW_IS_HISTORY (self));

  if (could_undo != mw_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != mw_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != mw_history_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);

  /* The names change with almost every step; views re-read them. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_NAME]);
}

static void
edit_free (MwEdit *edit)
{
  g_free (edit->name);
  g_clear_pointer (&edit->entries, g_ptr_array_unref);
  g_hash_table_unref (edit->by_key);
  g_free (edit);
}

static void
mw_history_dispose (GObject *object)
{
  MwHistory *self = (MwHistory *)object;

  g_clear_pointer (&self->edit, edit_free);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (mw_history_parent_class)->dispose (object);
}

static void
mw_history_finalize (GObject *object)
{
  MwHistory *self = (MwHistory *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (mw_history_parent_class)->finalize (object);
}

static void
mw_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MwHistory *self = MW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_NETWORK:   g_value_set_object (value, self->network); break;
    case PROP_CAN_UNDO:  g_value_set_boolean (value, mw_history_can_undo (self)); break;
    case PROP_CAN_REDO:  g_value_set_boolean (value, mw_history_can_redo (self)); break;
    case PROP_UNDO_NAME: g_value_set_string (value, mw_history_get_undo_name (self)); break;
    case PROP_REDO_NAME: g_value_set_string (value, mw_history_get_redo_name (self)); break;
    case PROP_MODIFIED:  g_value_set_boolean (value, mw_history_get_modified (self)); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MwHistory *self = MW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      self->network = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_history_class_init (MwHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mw_history_dispose;
  object_class->finalize = mw_history_finalize;
  object_class->get_property = mw_history_get_property;
  object_class->set_property = mw_history_set_property;

  properties[PROP_NETWORK] =
    g_param_spec_object ("network", NULL, NULL, MW_TYPE_NETWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_NAME] = g_param_spec_string ("undo-name", NULL, NULL, NULL, ro);
  properties[PROP_REDO_NAME] = g_param_spec_string ("redo-name", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mw_history_init (MwHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
}

/**
 * mw_history_new:
 *
 * Returns: (transfer full): an empty history of edits to @network
 */
MwHistory *
mw_history_new (MwNetwork *network)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  return g_object_new (MW_TYPE_HISTORY, "network", network, NULL);
}

/**
 * mw_history_get_network:
 *
 * Returns: (transfer none): the network this history edits
 */
MwNetwork *
mw_history_get_network (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), NULL);
  return self->network;
}

gboolean
mw_history_can_undo (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);
  return self->position > 0 && self->edit == NULL;
}

gboolean
mw_history_can_redo (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len && self->edit == NULL;
}

/**
 * mw_history_get_undo_name:
 *
 * Returns: (nullable): what undo would take back, such as "Move 3 Actors"
 */
const char *
mw_history_get_undo_name (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  return ((Step *)g_ptr_array_index (self->steps, self->position - 1))->name;
}

/**
 * mw_history_get_redo_name:
 *
 * Returns: (nullable): what redo would do again
 */
const char *
mw_history_get_redo_name (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), NULL);

  if (self->position >= self->steps->len)
    return NULL;

  return ((Step *)g_ptr_array_index (self->steps, self->position))->name;
}

/* Steps done and undone, kept without limit. */
guint
mw_history_get_n_steps (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), 0);
  return self->steps->len;
}

gboolean
mw_history_undo (MwHistory *self)
{
  gboolean was_modified;
  Step *step;

  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);

  if (!mw_history_can_undo (self))
    return FALSE;

  was_modified = mw_history_get_modified (self);
  step = g_ptr_array_index (self->steps, --self->position);
  apply_in_batch (self, step->entries, FALSE, step->name);
  notify_state (self, TRUE, self->position + 1 < self->steps->len, was_modified);

  return TRUE;
}

gboolean
mw_history_redo (MwHistory *self)
{
  gboolean was_modified;
  Step *step;

  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);

  if (!mw_history_can_redo (self))
    return FALSE;

  was_modified = mw_history_get_modified (self);
  step = g_ptr_array_index (self->steps, self->position++);
  apply_in_batch (self, step->entries, TRUE, step->name);
  notify_state (self, self->position > 1, TRUE, was_modified);

  return TRUE;
}

/* Whether the network differs from what was last saved (or loaded). */
gboolean
mw_history_get_modified (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);
  return self->saved_position != (gint64)self->position;
}

void
mw_history_set_unmodified (MwHistory *self)
{
  gboolean was_modified;

  g_return_if_fail (MW_IS_HISTORY (self));

  was_modified = mw_history_get_modified (self);
  self->saved_position = self->position;
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
mw_history_is_editing (MwHistory *self)
{
  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);
  return self->edit != NULL;
}

/**
 * mw_history_begin:
 * @name: what the step does, for the Undo menu item ("Add Actor")
 *
 * Starts a step. Change the network through the mw_edit_*() functions, or
 * call mw_edit_touch_actor()/mw_edit_touch_tie() before any
 * mw_network_set_*() call. Changes are announced as they happen, so a drag
 * redraws only what moved; end with mw_history_commit() or
 * mw_history_cancel(). One edit at a time.
 *
 * Returns: (transfer none): the edit, owned by the history until it ends
 */
MwEdit *
mw_history_begin (MwHistory  *self,
                  const char *name)
{
  MwEdit *edit;

  g_return_val_if_fail (MW_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->edit == NULL, NULL);

  edit = g_new0 (MwEdit, 1);
  edit->history = self;
  edit->name = g_strdup (name);
  edit->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  edit->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->edit = edit;

  return edit;
}

/* Keeps only the entries that changed; Returns whether any did. */
static gboolean
finish_entries (MwEdit *edit)
{
  MwNetwork *network = edit->history->network;

  for (guint i = edit->entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (edit->entries, i - 1);
      gboolean same;

      if (entry->is_graph)
        {
          entry->after = g_strdup (g_hash_table_lookup (mw_network_get_attrs (network), entry->id));
          same = g_strcmp0 (entry->before, entry->after) == 0;
        }
      else if (entry->is_tie)
        {
          MwTie *tie = mw_network_lookup_tie (network, entry->id);
          entry->after = tie != NULL ? tie_state_new (tie) : NULL;
          same = tie_states_equal (entry->before, entry->after);
        }
      else
        {
          MwActor *actor = mw_network_lookup_actor (network, entry->id);
          entry->after = actor != NULL ? mw_actor_snapshot_new (actor) : NULL;
          same = actor_states_equal (entry->before, entry->after);
        }

      if (same)
        g_ptr_array_remove_index (edit->entries, i - 1);
    }

  return edit->entries->len > 0;
}

/**
 * mw_history_commit:
 *
 * Records @edit as one step (dropping whatever was undone) and frees it.
 *
 * Returns: %TRUE when the edit changed something and became a step
 */
gboolean
mw_history_commit (MwHistory *self,
                   MwEdit    *edit)
{
  gboolean could_undo, could_redo, was_modified;
  Step *step;

  g_return_val_if_fail (MW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (edit != NULL && edit == self->edit, FALSE);

  self->edit = NULL;
  could_undo = mw_history_can_undo (self);
  could_redo = mw_history_can_redo (self);
  was_modified = mw_history_get_modified (self);

  if (!finish_entries (edit))
    {
      edit_free (edit);
      return FALSE;
    }

  if (self->saved_position > (gint64)self->position)
    self->saved_position = -1;
  g_ptr_array_set_size (self->steps, self->position);

  step = g_new0 (Step, 1);
  step->name = g_steal_pointer (&edit->name);
  step->entries = g_steal_pointer (&edit->entries);
  g_ptr_array_add (self->steps, step);
  self->position++;
  edit_free (edit);

  notify_state (self, could_undo, could_redo, was_modified);
  return TRUE;
}

/**
 * mw_history_cancel:
 *
 * Puts everything @edit touched back as it was and frees it; no step is
 * recorded (Escape during a drag).
 */
void
mw_history_cancel (MwHistory *self,
                   MwEdit    *edit)
{
  g_return_if_fail (MW_IS_HISTORY (self));
  g_return_if_fail (edit != NULL && edit == self->edit);

  self->edit = NULL;
  if (edit->entries->len > 0)
    apply_in_batch (self, edit->entries, FALSE, edit->name);
  edit_free (edit);
}

void
mw_edit_set_name (MwEdit     *edit,
                  const char *name)
{
  g_return_if_fail (edit != NULL);
  mw_set_str (&edit->name, name);
}

/* How many actors and ties the edit has touched so far. */
guint
mw_edit_get_n_touched (MwEdit *edit)
{
  g_return_val_if_fail (edit != NULL, 0);
  return edit->entries->len;
}

static void
edit_note (MwEdit     *edit,
           const char *id,
           gboolean    is_tie,
           gpointer    before)
{
  g_autofree char *key = g_strconcat (is_tie ? "t:" : "a:", id, NULL);
  Entry *entry;

  if (g_hash_table_contains (edit->by_key, key))
    {
      if (before != NULL)
        (is_tie ? (GDestroyNotify)tie_state_free : (GDestroyNotify)mw_actor_snapshot_free) (before);
      return;
    }

  entry = g_new0 (Entry, 1);
  entry->id = g_strdup (id);
  entry->is_tie = is_tie;
  entry->before = before;
  g_ptr_array_add (edit->entries, entry);
  g_hash_table_insert (edit->by_key, g_steal_pointer (&key), entry);
}

/**
 * mw_edit_touch_actor:
 *
 * Remembers how @actor is now, before the caller changes it with a
 * mw_network_set_actor_*() function. Touching twice is harmless.
 */
void
mw_edit_touch_actor (MwEdit  *edit,
                     MwActor *actor)
{
  g_autofree char *key = NULL;

  g_return_if_fail (edit != NULL);
  g_return_if_fail (actor != NULL);

  key = g_strconcat ("a:", actor->id, NULL);
  if (!g_hash_table_contains (edit->by_key, key))
    edit_note (edit, actor->id, FALSE, mw_actor_snapshot_new (actor));
}

void
mw_edit_touch_tie (MwEdit *edit,
                   MwTie  *tie)
{
  g_autofree char *key = NULL;

  g_return_if_fail (edit != NULL);
  g_return_if_fail (tie != NULL);

  key = g_strconcat ("t:", tie->id, NULL);
  if (!g_hash_table_contains (edit->by_key, key))
    edit_note (edit, tie->id, TRUE, tie_state_new (tie));
}

/**
 * mw_edit_touch_network_attr:
 *
 * Remembers the graph attribute @key as it is now, before the caller
 * changes it with mw_network_set_attr().
 */
void
mw_edit_touch_network_attr (MwEdit     *edit,
                            const char *key)
{
  g_autofree char *entry_key = NULL;
  Entry *entry;

  g_return_if_fail (edit != NULL);
  g_return_if_fail (key != NULL);

  entry_key = g_strconcat ("g:", key, NULL);
  if (g_hash_table_contains (edit->by_key, entry_key))
    return;
  entry = g_new0 (Entry, 1);
  entry->id = g_strdup (key);
  entry->is_graph = TRUE;
  entry->before = g_strdup (g_hash_table_lookup (mw_network_get_attrs (edit->history->network), key));
  g_ptr_array_add (edit->entries, entry);
  g_hash_table_insert (edit->by_key, g_steal_pointer (&entry_key), entry);
}

/**
 * mw_edit_add_actor:
 *
 * Returns: (transfer none) (nullable): the new actor, %NULL with @error set
 *   when the id is taken
 */
MwActor *
mw_edit_add_actor (MwEdit       *edit,
                   const char   *id,
                   const char   *label,
                   MwActorKind   kind,
                   GError      **error)
{
  MwActor *actor;

  g_return_val_if_fail (edit != NULL, NULL);

  actor = mw_network_add_actor (edit->history->network, id, label, kind, error);
  if (actor != NULL)
    edit_note (edit, actor->id, FALSE, NULL);

  return actor;
}

static void
touch_ties_of (MwEdit  *edit,
               MwActor *actor)
{
  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    {
      for (guint i = 0; i < mw_actor_n_out (actor, type); i++)
        mw_edit_touch_tie (edit, mw_actor_out (actor, type, i));
      for (guint i = 0; i < mw_actor_n_in (actor, type); i++)
        mw_edit_touch_tie (edit, mw_actor_in (actor, type, i));
    }
}

/* Removes @actor and its ties. */
void
mw_edit_remove_actor (MwEdit  *edit,
                      MwActor *actor)
{
  g_return_if_fail (edit != NULL);
  g_return_if_fail (actor != NULL);

  touch_ties_of (edit, actor);
  mw_edit_touch_actor (edit, actor);
  mw_network_remove_actor (edit->history->network, actor);
}

/**
 * mw_edit_add_tie:
 * @id: (nullable): one is made up when %NULL or taken
 *
 * Returns: (transfer none): the new tie
 */
MwTie *
mw_edit_add_tie (MwEdit     *edit,
                 MwActor    *from,
                 MwActor    *to,
                 MwTieType   type,
                 double      weight,
                 const char *id)
{
  MwTie *tie;

  g_return_val_if_fail (edit != NULL, NULL);

  tie = mw_network_add_tie (edit->history->network, from, to, type, weight, id);
  if (tie != NULL)
    edit_note (edit, tie->id, TRUE, NULL);

  return tie;
}

void
mw_edit_remove_tie (MwEdit *edit,
                    MwTie  *tie)
{
  g_return_if_fail (edit != NULL);
  g_return_if_fail (tie != NULL);

  mw_edit_touch_tie (edit, tie);
  mw_network_remove_tie (edit->history->network, tie);
}

void
mw_edit_move_actor (MwEdit  *edit,
                    MwActor *actor,
                    double   x,
                    double   y)
{
  g_return_if_fail (edit != NULL);
  g_return_if_fail (actor != NULL);

  mw_edit_touch_actor (edit, actor);
  mw_network_set_actor_position (edit->history->network, actor, x, y);
}

static void
copy_actor_fields (MwNetwork     *network,
                   MwActor       *actor,
                   const MwActor *source,
                   double         dx,
                   double         dy)
{
  GHashTableIter iter;
  gpointer key, value;

  mw_network_set_actor_org (network, actor, source->org);
  mw_network_set_actor_unit (network, actor, source->unit);
  mw_network_set_actor_notes (network, actor, source->notes);
  mw_network_set_actor_purpose (network, actor, source->purpose);
  mw_network_set_actor_initiative (network, actor, source->initiative);
  mw_network_set_actor_pinned (network, actor, source->pinned);
  if (source->has_position)
    mw_network_set_actor_position (network, actor, source->x + dx, source->y + dy);

  g_hash_table_iter_init (&iter, source->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_actor_attr (network, actor, key, value);
}

/**
 * mw_edit_add_network:
 * @other: actors and ties to add (pasted, duplicated or imported)
 * @added_actors: (nullable): receives the new MwActor*s
 *
 * Adds a copy of everything in @other, moved by (@dx, @dy). Actors whose
 * id is taken get a fresh one; ties follow them.
 */
void
mw_edit_add_network (MwEdit    *edit,
                     MwNetwork *other,
                     double     dx,
                     double     dy,
                     GPtrArray *added_actors)
{
  MwNetwork *network;
  g_autoptr(GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (edit != NULL);
  g_return_if_fail (MW_IS_NETWORK (other));

  network = edit->history->network;

  for (guint i = 0; i < mw_network_get_n_actors (other); i++)
    {
      const MwActor *source = mw_network_get_actor (other, i);
      g_autofree char *fresh = NULL;
      const char *id = source->id;
      MwActor *actor;

      if (mw_network_lookup_actor (network, id) != NULL)
        id = fresh = mw_network_unique_actor_id (network, "p");

      actor = mw_edit_add_actor (edit, id, source->label, source->kind, NULL);
      g_return_if_fail (actor != NULL);
      copy_actor_fields (network, actor, source, dx, dy);
      g_hash_table_insert (map, source->id, actor);
      if (added_actors != NULL)
        g_ptr_array_add (added_actors, actor);
    }

  for (guint i = 0; i < mw_network_get_n_ties (other); i++)
    {
      const MwTie *source = mw_network_get_tie (other, i);
      MwTie *tie = mw_edit_add_tie (edit,
                                    g_hash_table_lookup (map, source->from->id),
                                    g_hash_table_lookup (map, source->to->id),
                                    source->type, source->weight, NULL);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, source->attrs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        mw_network_set_tie_attr (network, tie, key, value);
    }
}

/**
 * mw_edit_add_missing:
 * @other: a copy of the network with things added (an import checked on
 *   a copy first)
 *
 * Adds the actors and ties of @other whose ids the network lacks, with all
 * their fields and the same ids; a new tie may join an actor the network
 * already had. Actors it already has are left as they are.
 *
 * Returns: how many actors and ties were added
 */
guint
mw_edit_add_missing (MwEdit    *edit,
                     MwNetwork *other)
{
  MwNetwork *network;
  guint n_added = 0;

  g_return_val_if_fail (edit != NULL, 0);
  g_return_val_if_fail (MW_IS_NETWORK (other), 0);

  network = edit->history->network;

  for (guint i = 0; i < mw_network_get_n_actors (other); i++)
    {
      const MwActor *source = mw_network_get_actor (other, i);
      MwActor *actor;

      if (mw_network_lookup_actor (network, source->id) != NULL)
        continue;
      actor = mw_edit_add_actor (edit, source->id, source->label, source->kind, NULL);
      g_return_val_if_fail (actor != NULL, n_added);
      copy_actor_fields (network, actor, source, 0, 0);
      n_added++;
    }

  for (guint i = 0; i < mw_network_get_n_ties (other); i++)
    {
      const MwTie *source = mw_network_get_tie (other, i);
      MwActor *from, *to;
      MwTie *tie;
      GHashTableIter iter;
      gpointer key, value;

      if (mw_network_lookup_tie (network, source->id) != NULL)
        continue;
      from = mw_network_lookup_actor (network, source->from->id);
      to = mw_network_lookup_actor (network, source->to->id);
      g_return_val_if_fail (from != NULL && to != NULL, n_added);
      tie = mw_edit_add_tie (edit, from, to, source->type, source->weight, source->id);
      g_hash_table_iter_init (&iter, source->attrs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        mw_network_set_tie_attr (network, tie, key, value);
      n_added++;
    }

  return n_added;
}
