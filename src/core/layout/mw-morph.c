/* mw-morph.c: one network turning into the next, frame by frame
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once from two networks: which actors are the same (by id, then by
 * name, as compare decides in mw-actor-match.c), which ties are the same
 * (same type between the same actors), and where each actor starts and
 * ends. A frame then only reads these arrays: nothing is allocated per
 * frame, so 2,000 actors cost a few microseconds.
 */

#define G_LOG_DOMAIN "meshwork-morph"

#include "config.h"

#include "mw-actor-match.h"
#include "mw-morph.h"

struct _MwMorph
{
  GArray *actors;     /* MwMorphActor: the first network's, then the arriving */
  GArray *ties;       /* MwMorphTie: the first network's, then the arriving */
  int    *from_map;   /* by actor index of the first network: its morph actor */
  int    *to_map;     /* the same for the second */
  guint   n_from;
  guint   n_to;
  guint   n_matched;
};

static void
actor_place (const MwActor *actor,
             double        *x,
             double        *y)
{
  /* unplaced actors are at 0, 0 until the renderer says where it draws them */
  *x = actor->has_position ? actor->x : 0;
  *y = actor->has_position ? actor->y : 0;
}

static void
add_actors (MwMorph   *self,
            MwNetwork *from,
            MwNetwork *to)
{
  g_autofree MwActor **a_to_b = g_new0 (MwActor *, MAX (self->n_from, 1));
  g_autofree MwActor **b_to_a = g_new0 (MwActor *, MAX (self->n_to, 1));

  mw_actor_match_networks (from, to, a_to_b, b_to_a);

  for (guint i = 0; i < self->n_from; i++)
    {
      MwMorphActor m = { (int)i, -1, 0, 0, 0, 0 };

      actor_place (mw_network_get_actor (from, i), &m.x0, &m.y0);
      m.x1 = m.x0;
      m.y1 = m.y0;
      if (a_to_b[i] != NULL)
        {
          m.to_index = (int)a_to_b[i]->index;
          actor_place (a_to_b[i], &m.x1, &m.y1);
          self->to_map[m.to_index] = (int)self->actors->len;
          self->n_matched++;
        }
      self->from_map[i] = (int)self->actors->len;
      g_array_append_val (self->actors, m);
    }
  for (guint j = 0; j < self->n_to; j++)
    {
      MwMorphActor m = { -1, (int)j, 0, 0, 0, 0 };

      if (b_to_a[j] != NULL)
        continue;
      actor_place (mw_network_get_actor (to, j), &m.x1, &m.y1);
      m.x0 = m.x1;
      m.y0 = m.y1;
      self->to_map[j] = (int)self->actors->len;
      g_array_append_val (self->actors, m);
    }
}

/* The second network's tie of @tie's type between the counterparts of
 * @tie's ends that no tie of the first has claimed yet, or NULL. */
static MwTie *
find_kept_tie (MwMorph   *self,
               MwNetwork *to,
               MwTie     *tie,
               gboolean  *claimed)
{
  const MwMorphActor *a = &g_array_index (self->actors, MwMorphActor, self->from_map[tie->from->index]);
  const MwMorphActor *b = &g_array_index (self->actors, MwMorphActor, self->from_map[tie->to->index]);
  MwActor *from_there, *to_there;

  if (a->to_index < 0 || b->to_index < 0)
    return NULL;
  from_there = mw_network_get_actor (to, a->to_index);
  to_there = mw_network_get_actor (to, b->to_index);
  for (guint k = 0; k < mw_actor_n_out (from_there, tie->type); k++)
    {
      MwTie *other = mw_actor_out (from_there, tie->type, k);

      if (other->to == to_there && !claimed[other->index])
        return other;
    }
  /* without arrows, a tie drawn the other way round is the same tie */
  if (mw_network_get_directed (to))
    return NULL;
  for (guint k = 0; k < mw_actor_n_in (from_there, tie->type); k++)
    {
      MwTie *other = mw_actor_in (from_there, tie->type, k);

      if (other->from == to_there && !claimed[other->index])
        return other;
    }
  return NULL;
}

static void
add_ties (MwMorph   *self,
          MwNetwork *from,
          MwNetwork *to)
{
  guint n_to_ties = mw_network_get_n_ties (to);
  g_autofree gboolean *claimed = g_new0 (gboolean, MAX (n_to_ties, 1));

  for (guint i = 0; i < mw_network_get_n_ties (from); i++)
    {
      MwTie *tie = mw_network_get_tie (from, i);
      MwTie *kept = find_kept_tie (self, to, tie, claimed);
      MwMorphTie m = { (int)i, -1, self->from_map[tie->from->index], self->from_map[tie->to->index] };

      if (kept != NULL)
        {
          m.to_index = (int)kept->index;
          claimed[kept->index] = TRUE;
        }
      g_array_append_val (self->ties, m);
    }
  for (guint j = 0; j < n_to_ties; j++)
    {
      MwTie *tie = mw_network_get_tie (to, j);
      MwMorphTie m = { -1, (int)j, self->to_map[tie->from->index], self->to_map[tie->to->index] };

      if (!claimed[j])
        g_array_append_val (self->ties, m);
    }
}

/**
 * mw_morph_new:
 * @from: the network shown first
 * @to: the network shown last
 *
 * Neither network is kept: the morph holds indices and positions only, so
 * neither may lose or gain actors or ties while the morph is used.
 *
 * Returns: (transfer full): the morph, for mw_morph_free()
 */
MwMorph *
mw_morph_new (MwNetwork *from,
              MwNetwork *to)
{
  MwMorph *self;

  g_return_val_if_fail (MW_IS_NETWORK (from), NULL);
  g_return_val_if_fail (MW_IS_NETWORK (to), NULL);

  self = g_new0 (MwMorph, 1);
  self->n_from = mw_network_get_n_actors (from);
  self->n_to = mw_network_get_n_actors (to);
  self->actors = g_array_sized_new (FALSE, FALSE, sizeof (MwMorphActor), self->n_from + self->n_to);
  self->ties = g_array_new (FALSE, FALSE, sizeof (MwMorphTie));
  self->from_map = g_new0 (int, MAX (self->n_from, 1));
  self->to_map = g_new0 (int, MAX (self->n_to, 1));
  add_actors (self, from, to);
  add_ties (self, from, to);
  return self;
}

void
mw_morph_free (MwMorph *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->actors);
  g_array_unref (self->ties);
  g_free (self->from_map);
  g_free (self->to_map);
  g_free (self);
}

/**
 * mw_morph_ease:
 * @t: the share of the time gone, 0…1
 *
 * Returns: the share of the way gone: slow at both ends (cubic in and out)
 */
double
mw_morph_ease (double t)
{
  double u;

  t = CLAMP (t, 0, 1);
  if (t < 0.5)
    return 4 * t * t * t;
  u = 2 - 2 * t;
  return 1 - u * u * u / 2;
}

guint
mw_morph_get_n_actors (MwMorph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->actors->len;
}

/* Returns: (transfer none): actor @i of the morph */
const MwMorphActor *
mw_morph_get_actor (MwMorph *self,
                    guint    i)
{
  g_return_val_if_fail (self != NULL && i < self->actors->len, NULL);
  return &g_array_index (self->actors, MwMorphActor, i);
}

static MwMorphFate
fate_of (int from_index,
         int to_index)
{
  if (from_index >= 0 && to_index >= 0)
    return MW_MORPH_KEPT;
  return from_index >= 0 ? MW_MORPH_LEAVING : MW_MORPH_ARRIVING;
}

MwMorphFate
mw_morph_actor_fate (MwMorph *self,
                     guint    i)
{
  const MwMorphActor *m = mw_morph_get_actor (self, i);

  g_return_val_if_fail (m != NULL, MW_MORPH_KEPT);
  return fate_of (m->from_index, m->to_index);
}

/* Returns: how many actors are in both networks */
guint
mw_morph_get_n_matched (MwMorph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_matched;
}

/* Returns: the morph actor of the first network's actor @from_index */
int
mw_morph_from_actor (MwMorph *self,
                     guint    from_index)
{
  g_return_val_if_fail (self != NULL && from_index < self->n_from, -1);
  return self->from_map[from_index];
}

/* Returns: the morph actor of the second network's actor @to_index */
int
mw_morph_to_actor (MwMorph *self,
                   guint    to_index)
{
  g_return_val_if_fail (self != NULL && to_index < self->n_to, -1);
  return self->to_map[to_index];
}

/**
 * mw_morph_set_start:
 *
 * Where the first network's actor @from_index is drawn (a renderer places
 * actors without a position); a leaving actor stays there.
 */
void
mw_morph_set_start (MwMorph *self,
                    guint    from_index,
                    double   x,
                    double   y)
{
  MwMorphActor *m;

  g_return_if_fail (self != NULL && from_index < self->n_from);

  m = &g_array_index (self->actors, MwMorphActor, self->from_map[from_index]);
  m->x0 = x;
  m->y0 = y;
  if (m->to_index < 0)
    {
      m->x1 = x;
      m->y1 = y;
    }
}

/* The same as mw_morph_set_start() for where an actor ends. */
void
mw_morph_set_end (MwMorph *self,
                  guint    to_index,
                  double   x,
                  double   y)
{
  MwMorphActor *m;

  g_return_if_fail (self != NULL && to_index < self->n_to);

  m = &g_array_index (self->actors, MwMorphActor, self->to_map[to_index]);
  m->x1 = x;
  m->y1 = y;
  if (m->from_index < 0)
    {
      m->x0 = x;
      m->y0 = y;
    }
}

static double
fate_opacity (MwMorphFate fate,
              double      eased)
{
  switch (fate)
    {
    case MW_MORPH_LEAVING:  return 1 - eased;
    case MW_MORPH_ARRIVING: return eased;
    case MW_MORPH_KEPT:
    default:                return 1;
    }
}

/**
 * mw_morph_actor_at:
 * @t: the share of the time gone, 0…1 (eased here)
 * @x: (out) (optional): where actor @i is then
 * @y: (out) (optional):
 * @opacity: (out) (optional): 1 for a kept actor; a leaving one fades
 *   out, an arriving one in
 */
void
mw_morph_actor_at (MwMorph *self,
                   guint    i,
                   double   t,
                   double  *x,
                   double  *y,
                   double  *opacity)
{
  const MwMorphActor *m = mw_morph_get_actor (self, i);
  double e = mw_morph_ease (t);

  g_return_if_fail (m != NULL);

  if (x != NULL)
    *x = m->x0 + (m->x1 - m->x0) * e;
  if (y != NULL)
    *y = m->y0 + (m->y1 - m->y0) * e;
  if (opacity != NULL)
    *opacity = fate_opacity (fate_of (m->from_index, m->to_index), e);
}

guint
mw_morph_get_n_ties (MwMorph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ties->len;
}

/* Returns: (transfer none): tie @i of the morph */
const MwMorphTie *
mw_morph_get_tie (MwMorph *self,
                  guint    i)
{
  g_return_val_if_fail (self != NULL && i < self->ties->len, NULL);
  return &g_array_index (self->ties, MwMorphTie, i);
}

MwMorphFate
mw_morph_tie_fate (MwMorph *self,
                   guint    i)
{
  const MwMorphTie *m = mw_morph_get_tie (self, i);

  g_return_val_if_fail (m != NULL, MW_MORPH_KEPT);
  return fate_of (m->from_index, m->to_index);
}

/* Returns: tie @i's opacity at @t; a kept tie stays and follows its ends */
double
mw_morph_tie_opacity (MwMorph *self,
                      guint    i,
                      double   t)
{
  return fate_opacity (mw_morph_tie_fate (self, i), mw_morph_ease (t));
}

/**
 * mw_morph_positions_at:
 * @from_xy: (nullable) (out caller-allocates): x, y pairs by actor index
 *   of the first network
 * @to_xy: (nullable) (out caller-allocates): the same for the second
 *
 * Every actor's place at @t, for both networks at once: a kept actor is
 * at the same place in both.
 */
void
mw_morph_positions_at (MwMorph *self,
                       double   t,
                       double  *from_xy,
                       double  *to_xy)
{
  double e = mw_morph_ease (t);

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->actors->len; i++)
    {
      const MwMorphActor *m = &g_array_index (self->actors, MwMorphActor, i);
      double x = m->x0 + (m->x1 - m->x0) * e;
      double y = m->y0 + (m->y1 - m->y0) * e;

      if (from_xy != NULL && m->from_index >= 0)
        {
          from_xy[2 * m->from_index] = x;
          from_xy[2 * m->from_index + 1] = y;
        }
      if (to_xy != NULL && m->to_index >= 0)
        {
          to_xy[2 * m->to_index] = x;
          to_xy[2 * m->to_index + 1] = y;
        }
    }
}
