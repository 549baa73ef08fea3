/* mw-layout-place.c: a place for one new actor, without a full layout
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-layout"

#include <math.h>

#include "mw-layout.h"

/* Centre-to-centre distance below which two actors would overlap. */
#define CLEARANCE 70.0
/* How far below its manager a report goes (and a manager above). */
#define RANK_STEP 100.0

typedef struct
{
  double sx, sy;
  guint  n;
  double rank_shift;
  guint  n_ranked;
} Neighbours;

static void
add_neighbour (Neighbours    *nb,
               const MwActor *other,
               double         rank_shift)
{
  if (!other->has_position)
    return;
  nb->sx += other->x;
  nb->sy += other->y;
  nb->n++;
  if (rank_shift != 0.0)
    {
      nb->rank_shift += rank_shift;
      nb->n_ranked++;
    }
}

/* Reports ties pull the actor a rank below its manager (above its
 * reports); other ties just towards the neighbour. */
static void
collect_neighbours (const MwActor *actor,
                    Neighbours    *nb)
{
  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    {
      double down = type == MW_TIE_REPORTS ? RANK_STEP : 0.0;

      for (guint i = 0; i < mw_actor_n_out (actor, type); i++)
        add_neighbour (nb, mw_actor_out (actor, type, i)->to, down);
      for (guint i = 0; i < mw_actor_n_in (actor, type); i++)
        add_neighbour (nb, mw_actor_in (actor, type, i)->from, -down);
    }
}

static gboolean
is_free (MwNetwork     *network,
         const MwActor *actor,
         double         x,
         double         y)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *other = mw_network_get_actor (network, i);

      if (other == actor || !other->has_position)
        continue;
      if (fabs (other->x - x) < CLEARANCE * 1.4 && fabs (other->y - y) < CLEARANCE * 0.8)
        return FALSE;
    }

  return TRUE;
}

/* Where to start looking when the actor has no placed neighbour: to the
 * right of everything already drawn, level with its top. */
static void
beside_drawing (MwNetwork     *network,
                const MwActor *actor,
                double        *x,
                double        *y)
{
  gboolean any = FALSE;
  double max_x = 0.0, min_y = 0.0;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *other = mw_network_get_actor (network, i);

      if (other == actor || !other->has_position)
        continue;
      max_x = any ? MAX (max_x, other->x) : other->x;
      min_y = any ? MIN (min_y, other->y) : other->y;
      any = TRUE;
    }

  *x = any ? max_x + CLEARANCE * 1.6 : 0.0;
  *y = min_y;
}

/**
 * mw_layout_place_new_actor:
 * @x: (out): where to put @actor
 * @y: (out):
 *
 * The centroid of the placed neighbours, a rank below a manager, then the
 * nearest free spot on a spiral around it. O(actors) per probe, so cheap
 * enough to call on every "add actor".
 */
void
mw_layout_place_new_actor (MwNetwork *network,
                           MwActor   *actor,
                           double    *x,
                           double    *y)
{
  Neighbours nb = { 0 };
  double cx, cy;

  g_return_if_fail (MW_IS_NETWORK (network));
  g_return_if_fail (actor != NULL && x != NULL && y != NULL);

  collect_neighbours (actor, &nb);
  if (nb.n == 0)
    beside_drawing (network, actor, &cx, &cy);
  else
    {
      cx = nb.sx / nb.n;
      cy = nb.sy / nb.n + (nb.n_ranked > 0 ? nb.rank_shift / nb.n_ranked : CLEARANCE);
    }

  /* golden-angle spiral: evenly spread probes, nearest first */
  for (guint k = 0; k < 4000; k++)
    {
      double r = CLEARANCE * 0.5 * sqrt ((double) k);
      double angle = k * 2.39996322972865332;
      double px = round (cx + r * cos (angle));
      double py = round (cy + r * sin (angle) * 0.7);

      if (is_free (network, actor, px, py))
        {
          *x = px;
          *y = py;
          return;
        }
    }

  *x = cx;
  *y = cy;
}
