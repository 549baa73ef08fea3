/* mw-filter.c: what a filter keeps in view and what it fades
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter never removes anything: it says which actors and ties stay in
 * view, and the views fade the rest. Ties stay when their type is shown
 * and both their ends stay.
 *
 * The filtered view as a network of its own (mw_filter_apply_network(),
 * what the score panel scores when asked for the filtered view) holds
 * only what stays in view: faded actors and ties are left out, not kept
 * faded, so its scores are those of a file holding just what is shown.
 * It is built from what is kept alone (no copy of everything, then
 * removals), and only reads the network it filters.
 */

#define G_LOG_DOMAIN "meshwork-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-filter.h"
#include "mw-find.h"
#include "mw-neighbours.h"

/**
 * mw_filter_new:
 *
 * Returns: (transfer full): a filter that keeps everything
 */
MwFilter *
mw_filter_new (void)
{
  MwFilter *filter = g_new0 (MwFilter, 1);

  filter->tie_types = MW_TIE_TYPES_ALL;
  return filter;
}

/**
 * mw_filter_copy:
 *
 * Returns: (transfer full): a filter that keeps what @filter keeps
 */
MwFilter *
mw_filter_copy (const MwFilter *filter)
{
  MwFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_new0 (MwFilter, 1);
  copy->tie_types = filter->tie_types;
  copy->fade_isolates = filter->fade_isolates;
  copy->org = g_strdup (filter->org);
  copy->unit = g_strdup (filter->unit);
  copy->value = g_strdup (filter->value);
  return copy;
}

void
mw_filter_free (MwFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->org);
  g_free (filter->unit);
  g_free (filter->value);
  g_free (filter);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Returns: whether @filter fades anything at all */
gboolean
mw_filter_is_active (const MwFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return (filter->tie_types & MW_TIE_TYPES_ALL) != MW_TIE_TYPES_ALL || filter->fade_isolates ||
         is_set (filter->org) || is_set (filter->unit) || is_set (filter->value);
}

static const char *
or_unset (const char *text)
{
  return is_set (text) ? text : NULL;
}

/* Returns: whether @a and @b keep the same actors and ties in any network */
gboolean
mw_filter_equal (const MwFilter *a,
                 const MwFilter *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return (a->tie_types & MW_TIE_TYPES_ALL) == (b->tie_types & MW_TIE_TYPES_ALL) &&
         !a->fade_isolates == !b->fade_isolates &&
         g_strcmp0 (or_unset (a->org), or_unset (b->org)) == 0 &&
         g_strcmp0 (or_unset (a->unit), or_unset (b->unit)) == 0 &&
         g_strcmp0 (or_unset (a->value), or_unset (b->value)) == 0;
}

static gboolean
has_shown_tie (const MwActor *actor,
               guint          tie_types)
{
  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    if ((tie_types & (1u << type)) != 0 &&
        (mw_actor_n_out (actor, type) > 0 || mw_actor_n_in (actor, type) > 0))
      return TRUE;
  return FALSE;
}

/* Whether @actor's own fields keep it (its ties aside). */
static gboolean
keeps_fields (const MwFilter *filter,
              const MwActor  *actor,
              const char     *folded_value)
{
  if (is_set (filter->org) && g_strcmp0 (actor->org, filter->org) != 0)
    return FALSE;
  if (is_set (filter->unit) && g_strcmp0 (actor->unit, filter->unit) != 0)
    return FALSE;
  return folded_value == NULL || mw_find_actor_matches (actor, folded_value);
}

static gboolean
keeps_actor (const MwFilter *filter,
             const MwActor  *actor,
             const char     *folded_value)
{
  if (!keeps_fields (filter, actor, folded_value))
    return FALSE;
  return !filter->fade_isolates || has_shown_tie (actor, filter->tie_types);
}

/* Returns: (nullable): the value filter as Find compares it, %NULL when unset */
static char *
fold_value (const MwFilter *filter)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  if (!is_set (filter->value))
    return NULL;
  trimmed = g_strstrip (g_strdup (filter->value));
  folded = mw_find_fold (trimmed);
  return *folded != '\0' ? g_steal_pointer (&folded) : NULL;
}

/**
 * mw_filter_apply:
 *
 * Returns: (transfer full): the actors and ties @filter keeps in view
 */
MwItemSet *
mw_filter_apply (const MwFilter *filter,
                 MwNetwork      *network)
{
  g_autofree char *folded_value = NULL;
  MwItemSet *kept;
  guint n;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  folded_value = fold_value (filter);

  kept = mw_item_set_new ();
  n = mw_network_get_n_actors (network);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (keeps_actor (filter, actor, folded_value))
        mw_item_set_add_actor (kept, actor);
    }

  n = mw_network_get_n_ties (network);
  for (guint i = 0; i < n; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if ((filter->tie_types & (1u << tie->type)) != 0 &&
          mw_item_set_contains_actor (kept, tie->from) && mw_item_set_contains_actor (kept, tie->to))
        mw_item_set_add_tie (kept, tie);
    }
  return kept;
}

static void
copy_string_table (GHashTable *dst,
                   GHashTable *src)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (dst, g_strdup (key), g_strdup (value));
}

/* What belongs to the network, not to its actors and ties. */
static void
copy_network_fields (MwNetwork *dst,
                     MwNetwork *src)
{
  GPtrArray *subgraphs = mw_network_get_subgraphs (src);
  const char * const *lossy = mw_network_get_lossy_features (src);

  mw_network_set_name (dst, mw_network_get_name (src));
  mw_network_set_directed (dst, mw_network_get_directed (src));
  mw_network_set_strict (dst, mw_network_get_strict (src));
  mw_network_set_has_meshwork_attributes (dst, mw_network_get_has_meshwork_attributes (src));
  copy_string_table (mw_network_get_attrs (dst), mw_network_get_attrs (src));
  copy_string_table (mw_network_get_node_defaults (dst), mw_network_get_node_defaults (src));
  copy_string_table (mw_network_get_edge_defaults (dst), mw_network_get_edge_defaults (src));
  for (guint i = 0; i < subgraphs->len; i++)
    g_ptr_array_add (mw_network_get_subgraphs (dst), mw_subgraph_copy (g_ptr_array_index (subgraphs, i)));
  for (guint i = 0; lossy != NULL && lossy[i] != NULL; i++)
    mw_network_add_lossy_feature (dst, lossy[i]);
}

/* Strings are shared with @src (GRefStrings), not copied. */
static MwActor *
copy_actor (MwNetwork     *dst,
            const MwActor *src)
{
  MwActor *actor = mw_network_add_actor (dst, src->id, NULL, src->kind, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_assert (actor != NULL);   /* the ids of one network are unique */
  if (src->label != src->id && g_strcmp0 (src->label, src->id) != 0)
    mw_network_share_actor_string (dst, actor, MW_FIELD_LABEL, src->label);
  if (*src->org != '\0')
    mw_network_share_actor_string (dst, actor, MW_FIELD_ORG, src->org);
  if (*src->unit != '\0')
    mw_network_share_actor_string (dst, actor, MW_FIELD_UNIT, src->unit);
  if (*src->notes != '\0')
    mw_network_share_actor_string (dst, actor, MW_FIELD_NOTES, src->notes);
  mw_network_set_actor_purpose (dst, actor, src->purpose);
  mw_network_set_actor_initiative (dst, actor, src->initiative);
  mw_network_set_actor_pinned (dst, actor, src->pinned);
  if (src->has_position)
    mw_network_set_actor_position (dst, actor, src->x, src->y);
  g_hash_table_iter_init (&iter, src->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_actor_attr (dst, actor, key, value);
  return actor;
}

static void
copy_tie (MwNetwork   *dst,
          const MwTie *src,
          MwActor     *from,
          MwActor     *to)
{
  MwTie *tie = mw_network_add_tie (dst, from, to, src->type, src->weight, src->id);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, src->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_tie_attr (dst, tie, key, value);
}

static MwNetwork *apply_network (const MwFilter *filter,
                                 MwNetwork      *network,
                                 GCancellable   *cancellable);

/**
 * mw_filter_apply_network:
 *
 * The filtered view as a network: a new network holding only the actors
 * and ties @filter keeps in view, in @network's order. Ids, names,
 * organisations, units, kinds, positions, the file's attributes and the
 * network's own are kept; what would fade is left out.
 *
 * Only reads @network, so a worker may build it from a copy nobody edits
 * meanwhile (see mw_scorer_new_filtered()).
 *
 * Returns: (transfer full): the network in view
 */
MwNetwork *
mw_filter_apply_network (const MwFilter *filter,
                         MwNetwork      *network)
{
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  return apply_network (filter, network, NULL);
}

/* How many actors or ties a build makes between looks at its cancellable. */
#define CANCEL_EVERY 4096

/* A view given up half built (in the worker that built it). */
static MwNetwork *
drop_view (MwNetwork *view)
{
  mw_network_end_batch (view);
  g_object_unref (view);
  return NULL;
}

static MwNetwork *
apply_network (const MwFilter *filter,
               MwNetwork      *network,
               GCancellable   *cancellable)
{
  g_autofree char *folded_value = fold_value (filter);
  g_autofree MwActor **kept = NULL;
  MwNetwork *view;
  guint n;

  view = mw_network_new ();
  /* Nobody listens yet: one batch spares a signal per field. */
  mw_network_begin_batch (view, NULL);
  copy_network_fields (view, network);

  /* The view's actor for each of @network's by index, NULL when it fades. */
  n = mw_network_get_n_actors (network);
  kept = g_new0 (MwActor *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return drop_view (view);
      if (keeps_actor (filter, actor, folded_value))
        kept[i] = copy_actor (view, actor);
    }

  n = mw_network_get_n_ties (network);
  for (guint i = 0; i < n; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      MwActor *from = kept[tie->from->index];
      MwActor *to = kept[tie->to->index];

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        return drop_view (view);

      if ((filter->tie_types & (1u << tie->type)) != 0 && from != NULL && to != NULL)
        copy_tie (view, tie, from, to);
    }
  mw_network_end_batch (view);
  return view;
}

struct _MwFilterPatch
{
  MwNetwork  *now;        /* the changed actors and ties as they are now, and the ends of those ties */
  GHashTable *actor_ids;  /* ids whose state is in @now; absent there: removed */
  GHashTable *tie_ids;    /* the same for ties */
};

static GHashTable *
copy_id_set (GHashTable *ids)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_strdup (key));
  return copy;
}

/* @src's copy in @now, made the first time it is asked for. */
static MwActor *
patch_actor (MwNetwork     *now,
             const MwActor *src)
{
  MwActor *actor = mw_network_lookup_actor (now, src->id);

  return actor != NULL ? actor : copy_actor (now, src);
}

/**
 * mw_filter_patch_new:
 * @network: the network as it is now
 * @actor_ids: (element-type utf8 utf8): the ids of the actors added,
 *   changed or removed since a copy of @network was taken (keys only)
 * @tie_ids: (element-type utf8 utf8): the same for ties
 *
 * What a copy of @network lacks, as mw_network_copy_update() would bring
 * it, taken from @network now (on the thread that edits it) without
 * touching the copy: mw_filter_apply_network_patched() builds the filtered
 * view from the copy and this. It costs what changed, not the network.
 * Ids must not have been renamed.
 *
 * Returns: (transfer full): the patch
 */
MwFilterPatch *
mw_filter_patch_new (MwNetwork  *network,
                     GHashTable *actor_ids,
                     GHashTable *tie_ids)
{
  MwFilterPatch *patch;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (actor_ids != NULL && tie_ids != NULL, NULL);

  patch = g_new0 (MwFilterPatch, 1);
  patch->now = mw_network_new ();
  patch->actor_ids = copy_id_set (actor_ids);
  patch->tie_ids = copy_id_set (tie_ids);
  mw_network_begin_batch (patch->now, NULL);
  g_hash_table_iter_init (&iter, actor_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      MwActor *actor = mw_network_lookup_actor (network, key);

      if (actor != NULL)
        patch_actor (patch->now, actor);
    }
  g_hash_table_iter_init (&iter, tie_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      MwTie *tie = mw_network_lookup_tie (network, key);

      if (tie != NULL)
        copy_tie (patch->now, tie, patch_actor (patch->now, tie->from), patch_actor (patch->now, tie->to));
    }
  mw_network_end_batch (patch->now);
  return patch;
}

void
mw_filter_patch_free (MwFilterPatch *patch)
{
  if (patch == NULL)
    return;
  g_clear_object (&patch->now);
  g_clear_pointer (&patch->actor_ids, g_hash_table_unref);
  g_clear_pointer (&patch->tie_ids, g_hash_table_unref);
  g_free (patch);
}

#define GONE G_MAXUINT

/* The network @copy and @patch make together: its actors, taken from
 * either (@copy's order, the new ones last), where each of @copy's and
 * @patch's actors stands among them (GONE: removed), and which of @copy's
 * ties the patch replaces. Marked by index from the ids that changed: the
 * cost of a look-up is the changes', not the network's. */
typedef struct
{
  GPtrArray *actors;    /* (element-type MwActor) not owned */
  guint     *at_copy;   /* by @copy's actor index */
  guint     *at_now;    /* by @patch->now's actor index */
  guint8    *tie_gone;  /* by @copy's tie index: changed or removed since */
} Merged;

/* Sets @marks[i] for the item of @copy (actor or tie) each id names. */
static guint8 *
mark_changed (GHashTable *ids,
              MwNetwork  *copy,
              gboolean    ties)
{
  guint n = ties ? mw_network_get_n_ties (copy) : mw_network_get_n_actors (copy);
  guint8 *marks = g_new0 (guint8, MAX (n, 1));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (ties)
        {
          MwTie *tie = mw_network_lookup_tie (copy, key);

          if (tie != NULL)
            marks[tie->index] = 1;
        }
      else
        {
          MwActor *actor = mw_network_lookup_actor (copy, key);

          if (actor != NULL)
            marks[actor->index] = 1;
        }
    }
  return marks;
}

static void
merge (Merged              *merged,
       MwNetwork           *copy,
       const MwFilterPatch *patch)
{
  guint n = mw_network_get_n_actors (copy), n_now = mw_network_get_n_actors (patch->now);
  g_autofree guint8 *changed = mark_changed (patch->actor_ids, copy, FALSE);

  merged->actors = g_ptr_array_sized_new (n + n_now);
  merged->at_copy = g_new (guint, MAX (n, 1));
  merged->at_now = g_new (guint, MAX (n_now, 1));
  merged->tie_gone = mark_changed (patch->tie_ids, copy, TRUE);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (copy, i);

      if (changed[i])
        actor = mw_network_lookup_actor (patch->now, actor->id);
      merged->at_copy[i] = actor != NULL ? merged->actors->len : GONE;
      if (actor != NULL)
        g_ptr_array_add (merged->actors, actor);
    }
  for (guint i = 0; i < n_now; i++)
    {
      MwActor *actor = mw_network_get_actor (patch->now, i);
      MwActor *old = mw_network_lookup_actor (copy, actor->id);

      /* A new actor; else the one placed above (changed or not). */
      if (old == NULL)
        {
          merged->at_now[i] = merged->actors->len;
          g_ptr_array_add (merged->actors, actor);
        }
      else
        merged->at_now[i] = merged->at_copy[old->index];
    }
}

static void
merged_clear (Merged *merged)
{
  g_clear_pointer (&merged->actors, g_ptr_array_unref);
  g_clear_pointer (&merged->at_copy, g_free);
  g_clear_pointer (&merged->at_now, g_free);
  g_clear_pointer (&merged->tie_gone, g_free);
}

/* Called for a tie of the merged network, its ends as indices into
 * merged->actors. */
typedef void (*MergedTieFunc) (const MwTie *tie,
                               guint        from,
                               guint        to,
                               gpointer     data);

/* Calls @func for each tie of the merged network of a type in @tie_types
 * (no other is ever looked at). */
static void
foreach_merged_tie (const Merged        *merged,
                    MwNetwork           *copy,
                    const MwFilterPatch *patch,
                    guint                tie_types,
                    MergedTieFunc        func,
                    gpointer             data)
{
  guint n = mw_network_get_n_ties (copy), n_now = mw_network_get_n_ties (patch->now);

  for (guint i = 0; i < n; i++)
    {
      MwTie *tie = mw_network_get_tie (copy, i);
      guint from = merged->at_copy[tie->from->index], to = merged->at_copy[tie->to->index];

      /* Changed ties come from the patch; an end's removal took its ties. */
      if ((tie_types & (1u << tie->type)) != 0 && !merged->tie_gone[i] && from != GONE && to != GONE)
        func (tie, from, to, data);
    }
  for (guint i = 0; i < n_now; i++)
    {
      MwTie *tie = mw_network_get_tie (patch->now, i);
      guint from = merged->at_now[tie->from->index], to = merged->at_now[tie->to->index];

      if ((tie_types & (1u << tie->type)) != 0 && from != GONE && to != GONE)
        func (tie, from, to, data);
    }
}

static void
mark_tied (const MwTie *tie,
           guint        from,
           guint        to,
           gpointer     data)
{
  gboolean *tied = data;

  tied[from] = tied[to] = TRUE;
}

/* The view and the view's actor for each merged one (NULL: faded). */
typedef struct
{
  MwNetwork    *view;
  MwActor     **kept;
  GCancellable *cancellable;  /* (nullable) */
  guint         n_seen;
  gboolean      cancelled;    /* the rest is skipped */
} ViewBuild;

static void
copy_kept_tie (const MwTie *tie,
               guint        from,
               guint        to,
               gpointer     data)
{
  ViewBuild *build = data;

  if (build->cancelled)
    return;
  if (build->n_seen++ % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (build->cancellable))
    {
      build->cancelled = TRUE;
      return;
    }
  if (build->kept[from] != NULL && build->kept[to] != NULL)
    copy_tie (build->view, tie, build->kept[from], build->kept[to]);
}

/**
 * mw_filter_apply_network_patched:
 * @copy: a copy of a network taken earlier; only read
 * @patch: (nullable): what changed since (mw_filter_patch_new())
 *
 * As mw_filter_apply_network() of the network as it is now, built from
 * @copy and @patch alone: a worker may build it while the network is
 * edited and @copy is read by others, with no copy of its own. The view
 * holds @copy's actors and ties in @copy's order, the new ones last.
 *
 * Returns: (transfer full): the network in view
 */
MwNetwork *
mw_filter_apply_network_patched (const MwFilter      *filter,
                                 MwNetwork           *copy,
                                 const MwFilterPatch *patch)
{
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (copy), NULL);

  return mw_filter_apply_network_cancellable (filter, copy, patch, NULL);
}

/**
 * mw_filter_apply_network_cancellable:
 * @patch: (nullable): what changed since @copy (mw_filter_patch_new())
 * @cancellable: (nullable): stops the build
 *
 * mw_filter_apply_network_patched(), which stops (every few thousand
 * actors or ties) once @cancellable is cancelled: a view no one will score
 * is not built to the end.
 *
 * Returns: (transfer full) (nullable): the network in view, %NULL when
 *   cancelled
 */
MwNetwork *
mw_filter_apply_network_cancellable (const MwFilter      *filter,
                                     MwNetwork           *copy,
                                     const MwFilterPatch *patch,
                                     GCancellable        *cancellable)
{
  g_autofree char *folded_value = NULL;
  g_autofree MwActor **kept = NULL;
  g_autofree gboolean *tied = NULL;
  Merged merged = { 0 };
  ViewBuild build = { 0 };

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (copy), NULL);

  if (patch == NULL)
    return apply_network (filter, copy, cancellable);

  folded_value = fold_value (filter);
  merge (&merged, copy, patch);

  /* Isolates by the merged ties: the copy's actors count ties since gone. */
  if (filter->fade_isolates)
    {
      tied = g_new0 (gboolean, MAX (merged.actors->len, 1));
      foreach_merged_tie (&merged, copy, patch, filter->tie_types, mark_tied, tied);
    }

  build.view = mw_network_new ();
  build.cancellable = cancellable;
  mw_network_begin_batch (build.view, NULL);
  copy_network_fields (build.view, copy);
  build.kept = kept = g_new0 (MwActor *, MAX (merged.actors->len, 1));
  for (guint i = 0; i < merged.actors->len && !build.cancelled; i++)
    {
      const MwActor *actor = g_ptr_array_index (merged.actors, i);

      if (i % CANCEL_EVERY == 0 && g_cancellable_is_cancelled (cancellable))
        build.cancelled = TRUE;
      else if (keeps_fields (filter, actor, folded_value) && (tied == NULL || tied[i]))
        kept[i] = copy_actor (build.view, actor);
    }
  if (!build.cancelled)
    foreach_merged_tie (&merged, copy, patch, filter->tie_types, copy_kept_tie, &build);
  merged_clear (&merged);
  if (build.cancelled)
    return drop_view (build.view);
  mw_network_end_batch (build.view);
  return build.view;
}

/* "ties=collaborates,influences": only those types shown. */
static gboolean
parse_tie_types (MwFilter    *filter,
                 const char  *list,
                 GError     **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  guint types = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      MwTieType type;

      g_strstrip (names[i]);
      if (!mw_tie_type_from_string (names[i], &type))
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       /* Translators: the CLI's --filter ties=…; do not translate the type names */
                       _("Unknown tie type “%s” (reports, collaborates, influences or checks)"), names[i]);
          return FALSE;
        }
      types |= 1u << type;
    }
  filter->tie_types = types;
  return TRUE;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/**
 * mw_filter_parse:
 * @spec: one condition: `ties=TYPE[,TYPE…]` (only those types shown),
 *   `fade-isolates`, `org=NAME`, `unit=NAME` or `value=TEXT` (as Find
 *   finds it)
 *
 * Adds @spec's condition to @filter: the command line's words for what
 * the app's Filter menu sets.
 *
 * Returns: whether @spec was understood; else @filter is unchanged
 */
gboolean
mw_filter_parse (MwFilter    *filter,
                 const char  *spec,
                 GError     **error)
{
  const char *equals;
  g_autofree char *key = NULL;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (g_strcmp0 (spec, "fade-isolates") == 0)
    {
      filter->fade_isolates = TRUE;
      return TRUE;
    }
  equals = strchr (spec, '=');
  key = equals != NULL ? g_strndup (spec, equals - spec) : g_strdup (spec);
  if (equals != NULL && g_strcmp0 (key, "ties") == 0)
    return parse_tie_types (filter, equals + 1, error);
  if (equals != NULL && g_strcmp0 (key, "org") == 0)
    set_text (&filter->org, equals + 1);
  else if (equals != NULL && g_strcmp0 (key, "unit") == 0)
    set_text (&filter->unit, equals + 1);
  else if (equals != NULL && g_strcmp0 (key, "value") == 0)
    set_text (&filter->value, equals + 1);
  else
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   /* Translators: the CLI's --filter; do not translate what is in quotes after the colon */
                   _("Unknown filter “%s”: expected “ties=TYPE,…”, “fade-isolates”, “org=NAME”, “unit=NAME” or "
                     "“value=TEXT”"), spec);
      return FALSE;
    }
  return TRUE;
}

/**
 * mw_filter_dup_view_caption:
 * @view: the filtered view (mw_filter_apply_network())
 *
 * Returns: (transfer full): what the scores of @view are of, as the score
 *   panel and `meshwork-cli score --filter` say it: "Scores of the
 *   filtered view only: 4 actors, 3 ties"
 */
char *
mw_filter_dup_view_caption (MwNetwork *view)
{
  guint n_actors, n_ties;
  g_autofree char *actors = NULL;
  g_autofree char *ties = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (view), NULL);

  n_actors = mw_network_get_n_actors (view);
  n_ties = mw_network_get_n_ties (view);
  /* Translators: what the filtered view holds, "4 actors" (then ", 3 ties") */
  actors = g_strdup_printf (ngettext ("%u actor", "%u actors", n_actors), n_actors);
  /* Translators: what the filtered view holds, "3 ties" (after "4 actors, ") */
  ties = g_strdup_printf (ngettext ("%u tie", "%u ties", n_ties), n_ties);
  /* Translators: under the scores, "Scores of the filtered view only: 4 actors, 3 ties" */
  return g_strdup_printf (_("Scores of the filtered view only: %s, %s"), actors, ties);
}
