/* fuzz-model.c: libFuzzer target for editing a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a program: each byte picks an edit (add or remove an actor
 * or a tie, rename, set a field, open or close a batch, …) and the next
 * bytes its arguments. After every edit the model's invariants must hold
 * (dense indices, lookup tables, adjacency lists), `changed` must have
 * been emitted once per generation step outside batches and never inside
 * one, and now and then the network is copied, checked, and saved and
 * loaded again, which must give an equal network.
 */

#include <string.h>

#include "mw-dot.h"
#include "fuzz-common.h"

typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         pos;
} Input;

typedef struct
{
  MwNetwork *network;
  guint      n_signals;
  guint      batch_depth;
} State;

/* Ids and texts that are hard to write as DOT, or collide with what
 * Meshwork or cgraph make up themselves. */
static const char * const ids[] = {
  "a", "b", "c", "Ann", "bob", "p1", "p2", "node", "graph", "strict", "subgraph",
  "edge", "\\N", "x y", "quo\"te", "back\\slash", "end\\", "new\nline", "é", "日本",
  "-1.5", "1", "%1", "%", "a->b:reports", "<b>html</b>", "cluster_x", "a\x1f" "b",
  "org/unit", "\\\"", "\"", "'", ";", "{", "--", "->",
};

static const char * const texts[] = {
  "", "x", "Engineering", "Acme", "a\"b", "a\\", "\\", "\\N", "\\G", "\\E", "\\n",
  "line\nbreak", "back\\\nslash", "tab\there", "<i>html</i>", "<", ">", "<<>>", "é",
  "日本語", "a\x1f" "b", "/", "a/b", "  spaced  ", "true", "false", "1", "\r\n",
  "\"\"", "\\\\", "a,b", "1,2!", "%2", "# not a comment", "/* nor this */",
};

static const char * const keys[] = {
  "color", "shape", "x y", "a\"b", "é", "_", "1", "class", "tooltip", "URL",
  "mw_other", "\\", "style", "comment", "id", "mw", "xlabel", "key2", "width",
};

/* at most three decimals: files keep that many (mw_format_double) */
static const double numbers[] = {
  0, 1, -1, 0.5, 2.25, -0.125, 1000, 72, -300.75, 1e6, 123456789.125, -1e15,
  1e20, 1e300, -1e300, 0.001, 4503599627370496.0,
};

static guint8
next (Input *in)
{
  return in->pos < in->size ? in->data[in->pos++] : 0;
}

#define PICK(in, array) ((array)[next (in) % G_N_ELEMENTS (array)])

static const char *
pick_id (Input *in)
{
  guint8 b = next (in);

  /* NULL lets the network make one up */
  return b == 0xff ? NULL : ids[b % G_N_ELEMENTS (ids)];
}

static MwActor *
pick_actor (Input     *in,
            MwNetwork *network)
{
  guint n = mw_network_get_n_actors (network);
  guint8 b = next (in);

  return n > 0 ? mw_network_get_actor (network, b % n) : NULL;
}

static MwTie *
pick_tie (Input     *in,
          MwNetwork *network)
{
  guint n = mw_network_get_n_ties (network);
  guint8 b = next (in);

  return n > 0 ? mw_network_get_tie (network, b % n) : NULL;
}

static void
changed_cb (MwNetwork *network,
            MwChange  *change,
            State     *state)
{
  state->n_signals++;

  if (mw_network_in_batch (network))
    g_error ("a change was announced inside a batch");

  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_ADDED:
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->actor == NULL || mw_network_lookup_actor (network, change->actor->id) != change->actor)
        g_error ("an added or changed actor is not in the network");
      break;
    case MW_CHANGE_ACTOR_REMOVED:
      if (change->actor == NULL || mw_network_lookup_actor (network, change->actor->id) == change->actor)
        g_error ("a removed actor is still in the network");
      break;
    case MW_CHANGE_TIE_ADDED:
    case MW_CHANGE_TIE_CHANGED:
      if (change->tie == NULL || mw_network_lookup_tie (network, change->tie->id) != change->tie)
        g_error ("an added or changed tie is not in the network");
      break;
    case MW_CHANGE_TIE_REMOVED:
      if (change->tie == NULL || mw_network_lookup_tie (network, change->tie->id) == change->tie)
        g_error ("a removed tie is still in the network");
      break;
    case MW_CHANGE_NETWORK_CHANGED:
    case MW_CHANGE_BATCH:
      break;
    default:
      g_error ("a change of unknown kind %d", change->kind);
    }
}

static void
add_actor (Input     *in,
           MwNetwork *network)
{
  g_autoptr(GError) error = NULL;
  const char *id = pick_id (in);
  const char *label = PICK (in, texts);
  MwActorKind kind = next (in) % MW_N_ACTOR_KINDS;
  gboolean taken = id != NULL && mw_network_lookup_actor (network, id) != NULL;
  guint n = mw_network_get_n_actors (network);
  MwActor *actor = mw_network_add_actor (network, id, label, kind, &error);

  if (taken != (actor == NULL) || (actor == NULL) != (error != NULL))
    g_error ("adding actor “%s”: taken %d, added %d", id, taken, actor != NULL);
  if (actor == NULL)
    return;
  if (mw_network_get_n_actors (network) != n + 1 || actor->kind != kind ||
      strcmp (actor->label, *label != '\0' ? label : actor->id) != 0 ||
      (id != NULL && *id != '\0' && strcmp (actor->id, id) != 0))
    g_error ("the added actor is not the one asked for");
}

static void
remove_actor (Input     *in,
              MwNetwork *network)
{
  MwActor *actor = pick_actor (in, network);
  g_autofree char *id = NULL;
  guint n_actors = mw_network_get_n_actors (network);

  if (actor == NULL)
    return;

  id = g_strdup (actor->id);
  mw_network_remove_actor (network, actor);

  if (mw_network_lookup_actor (network, id) != NULL || mw_network_get_n_actors (network) != n_actors - 1)
    g_error ("actor %s is still there after its removal", id);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (strcmp (tie->from->id, id) == 0 || strcmp (tie->to->id, id) == 0)
        g_error ("a tie of the removed actor %s is left", id);
    }
}

static void
add_tie (Input     *in,
         MwNetwork *network)
{
  MwActor *from = pick_actor (in, network);
  MwActor *to = pick_actor (in, network);
  MwTieType type = next (in) % MW_N_TIE_TYPES;
  double weight = PICK (in, numbers);
  const char *id = pick_id (in);
  MwTie *tie;

  if (from == NULL)
    return;

  tie = mw_network_add_tie (network, from, to, type, weight, id);
  if (tie == NULL || tie->from != from || tie->to != to || tie->type != type || tie->weight != weight)
    g_error ("the added tie is not the one asked for");
}

static void
remove_tie (Input     *in,
            MwNetwork *network)
{
  MwTie *tie = pick_tie (in, network);
  g_autofree char *id = NULL;

  if (tie == NULL)
    return;

  id = g_strdup (tie->id);
  mw_network_remove_tie (network, tie);
  if (mw_network_lookup_tie (network, id) != NULL)
    g_error ("tie %s is still there after its removal", id);
}

static void
rename_actor (Input     *in,
              MwNetwork *network)
{
  g_autoptr(GError) error = NULL;
  MwActor *actor = pick_actor (in, network);
  const char *id = ids[next (in) % G_N_ELEMENTS (ids)];
  g_autofree char *old = NULL;
  MwActor *holder;
  gboolean expected, renamed;

  if (actor == NULL)
    return;

  old = g_strdup (actor->id);
  holder = mw_network_lookup_actor (network, id);
  expected = *id != '\0' && (holder == NULL || holder == actor);
  renamed = mw_network_set_actor_id (network, actor, id, &error);

  if (renamed != expected || renamed == (error != NULL))
    g_error ("renaming %s to %s: expected %d, got %d", old, id, expected, renamed);
  if (renamed && (mw_network_lookup_actor (network, id) != actor ||
                  (strcmp (old, id) != 0 && mw_network_lookup_actor (network, old) != NULL)))
    g_error ("after renaming %s to %s the lookup table is stale", old, id);
}

static void
set_actor_field (Input     *in,
                 MwNetwork *network,
                 guint      which)
{
  MwActor *actor = pick_actor (in, network);
  const char *text = PICK (in, texts);

  if (actor == NULL)
    return;

  switch (which)
    {
    case 0: mw_network_set_actor_label (network, actor, text); break;
    case 1: mw_network_set_actor_org (network, actor, text); break;
    case 2: mw_network_set_actor_unit (network, actor, text); break;
    case 3: mw_network_set_actor_notes (network, actor, text); break;
    case 4: mw_network_set_actor_kind (network, actor, next (in) % MW_N_ACTOR_KINDS); break;
    case 5: mw_network_set_actor_purpose (network, actor, next (in) & 1); break;
    case 6: mw_network_set_actor_initiative (network, actor, next (in) & 1); break;
    case 7: mw_network_set_actor_pinned (network, actor, next (in) & 1); break;
    case 8:
      {
        double x = PICK (in, numbers), y = PICK (in, numbers);
        mw_network_set_actor_position (network, actor, x, y);
        if (!actor->has_position || actor->x != x || actor->y != y)
          g_error ("the position did not stick");
        break;
      }
    case 9: mw_network_clear_actor_position (network, actor); break;
    default:
      mw_network_set_actor_attr (network, actor, PICK (in, keys), text);
    }
}

static void
set_tie_field (Input     *in,
               MwNetwork *network,
               guint      which)
{
  MwTie *tie = pick_tie (in, network);

  if (tie == NULL)
    return;

  switch (which)
    {
    case 0: mw_network_set_tie_type (network, tie, next (in) % MW_N_TIE_TYPES); break;
    case 1: mw_network_set_tie_weight (network, tie, PICK (in, numbers)); break;
    case 2:
      {
        MwActor *from = pick_actor (in, network), *to = pick_actor (in, network);
        mw_network_set_tie_endpoints (network, tie, from, to);
        if (tie->from != from || tie->to != to)
          g_error ("the new ends did not stick");
        break;
      }
    default:
      {
        const char *key = PICK (in, keys);
        const char *value = PICK (in, texts);
        mw_network_set_tie_attr (network, tie, key, value);
      }
    }
}

static void
set_network_field (Input     *in,
                   MwNetwork *network)
{
  switch (next (in) % 3)
    {
    case 0: mw_network_set_name (network, PICK (in, ids)); break;
    case 1: mw_network_set_directed (network, next (in) & 1); break;
    default: mw_network_set_attr (network, PICK (in, keys), PICK (in, texts));
    }
}

/* Copy, check and round trip: the expensive checks, now and then. */
static void
check_whole (MwNetwork *network)
{
  g_autoptr(MwNetwork) copy = mw_network_copy (network);

  mw_fuzz_check_invariants (copy);
  mw_fuzz_assert_same_network (network, copy, "copy");
  mw_fuzz_check_problems (network);
  mw_fuzz_check_round_trip (network);
}

static void
step (Input *in,
      State *state)
{
  MwNetwork *network = state->network;
  guint8 op = next (in);

  switch (op % 16)
    {
    case 0: case 1: add_actor (in, network); break;
    case 2: remove_actor (in, network); break;
    case 3: case 4: add_tie (in, network); break;
    case 5: remove_tie (in, network); break;
    case 6: rename_actor (in, network); break;
    case 7: case 8: set_actor_field (in, network, next (in) % 11); break;
    case 9: case 10: set_tie_field (in, network, next (in) % 4); break;
    case 11: set_network_field (in, network); break;
    case 12:
      mw_network_begin_batch (network, "fuzz");
      state->batch_depth++;
      break;
    case 13:
      if (state->batch_depth > 0)
        {
          mw_network_end_batch (network);
          state->batch_depth--;
        }
      break;
    case 14: mw_fuzz_check_problems (network); break;
    default: check_whole (network);
    }
}

int
mw_fuzz_model (const uint8_t *data,
               size_t         size)
{
  Input in = { data, size, 0 };
  State state = { mw_network_new (), 0, 0 };

  g_signal_connect (state.network, "changed", G_CALLBACK (changed_cb), &state);

  while (in.pos < in.size)
    {
      guint64 before = mw_network_get_generation (state.network);
      guint64 after;

      state.n_signals = 0;
      step (&in, &state);
      after = mw_network_get_generation (state.network);

      mw_fuzz_check_invariants (state.network);
      if (mw_network_in_batch (state.network) != (state.batch_depth > 0))
        g_error ("the network's batch state is wrong");
      /* every change is a generation step, announced at once outside a batch */
      if (after < before || (state.batch_depth == 0 && after - before != state.n_signals))
        g_error ("generation %" G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT " with %u signals",
                 before, after, state.n_signals);
    }

  while (state.batch_depth-- > 0)
    mw_network_end_batch (state.network);
  check_whole (state.network);

  g_object_unref (state.network);
  return 0;
}

#ifndef MW_FUZZ_NO_MAIN
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mw_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return mw_fuzz_finish (mw_fuzz_model (data, size));
}
#endif
