/* mw-templates.c: the built-in context diagrams
 *
 * Ancona, D. & Backman, E. (2017), "Distributed leadership: from pyramids
 * to networks" (MIT Leadership Center): distributed leadership appears in
 * four contexts; each template is a small, editable network of one of
 * them, plus a command-and-control pyramid to compare them with.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-contexts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-templates.h"

static const MwTemplate contexts[] = {
  { "pyramid", N_("Command and control"),
    N_("A traditional pyramid: every line runs up the chain of command. Direction, "
       "initiative and risk control sit at the top; people talk to each other through "
       "their managers. Shown for contrast with the four contexts of distributed leadership.") },
  { "hierarchy", N_("Distributed leadership in hierarchies"),
    N_("A pyramid with a distributed overlay: the formal lines stay, but cross-unit teams, "
       "lateral collaboration among middle managers and the front line, upward influence "
       "and self-started initiatives run across it.") },
  { "flat", N_("Distributed leadership in flat organisations"),
    N_("Few levels and small self-managing teams. Influence runs in every direction, many "
       "people start ventures of their own, and colleagues check each other's risks: "
       "leadership is in the organisation's DNA rather than its chart.") },
  { "nimble", N_("Distributed leadership in nimble networks"),
    N_("Semi-autonomous contributors around a shared purpose, with no formal boundary "
       "(open source, Wikipedia): a committed core that holds the purpose and reviews the "
       "work, and a periphery that comes and goes and proposes its own initiatives.") },
  { "cross-org", N_("Distributed leadership across organisations"),
    N_("Several organisations, each with its own structure inside its boundary, joined by "
       "boundary-spanning ties (a joint venture, a pharma–biotech alliance, a value chain): "
       "people lead across lines that no single chart of command covers.") },
};

const MwTemplate *
mw_templates_get_all (guint *n_contexts)
{
  if (n_contexts != NULL)
    *n_contexts = G_N_ELEMENTS (contexts);
  return contexts;
}

const MwTemplate *
mw_template_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
    if (strcmp (contexts[i].name, name) == 0)
      return &contexts[i];

  return NULL;
}

/* --- building blocks ------------------------------------------------------ */

#define COLUMN 96.0  /* horizontal space per actor in a tree */
#define ROW    120.0 /* vertical space per level */

typedef struct
{
  MwNetwork *network;
  GRand     *rand;
  guint      next_id;
} Builder;

static const char * const first_names[] = {
  "Ana", "Ben", "Chloé", "Dev", "Elif", "Farah", "Goran", "Hana", "Ivan", "Jia",
  "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomás",
  "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dara",
  "Emeka", "Freya", "Gita", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maya", "Noor",
};

static const char * const family_initials = "ABCDEFGHIJKLMNOPRSTUVWYZ";

static const char * const unit_names[] = {
  "Operations", "Sales", "Engineering", "Finance", "Customer care", "Research",
  "Marketing", "People", "Logistics", "Legal",
};

static guint
pick (Builder *b,
      guint    n)
{
  return (guint) g_rand_int_range (b->rand, 0, (gint32) n);
}

static gboolean
chance (Builder *b,
        double   p)
{
  return g_rand_double (b->rand) < p;
}

static MwActor *
add_actor (Builder     *b,
           MwActorKind  kind,
           const char  *label,
           const char  *org,
           const char  *unit)
{
  g_autofree char *id = g_strdup_printf ("%s%u", kind == MW_ACTOR_PERSON ? "p" : "t", ++b->next_id);
  g_autofree char *name = NULL;
  MwActor *actor;

  if (label == NULL)
    name = g_strdup_printf ("%s %c.", first_names[pick (b, G_N_ELEMENTS (first_names))],
                            family_initials[pick (b, strlen (family_initials))]);
  actor = mw_network_add_actor (b->network, id, label != NULL ? label : name, kind, NULL);
  mw_network_set_actor_org (b->network, actor, org != NULL ? org : "");
  mw_network_set_actor_unit (b->network, actor, unit != NULL ? unit : "");

  return actor;
}

static gboolean
has_tie (MwActor   *from,
         MwActor   *to,
         MwTieType  type)
{
  for (guint i = 0; i < mw_actor_n_out (from, type); i++)
    if (mw_actor_out (from, type, i)->to == to)
      return TRUE;
  if (type == MW_TIE_COLLABORATES)
    for (guint i = 0; i < mw_actor_n_out (to, type); i++)
      if (mw_actor_out (to, type, i)->to == from)
        return TRUE;

  return FALSE;
}

/* At most one tie of a type between two actors, none to oneself. */
static void
tie (Builder   *b,
     MwActor   *from,
     MwActor   *to,
     MwTieType  type)
{
  if (from != to && !has_tie (from, to, type))
    mw_network_add_tie (b->network, from, to, type, 1.0, NULL);
}

static void
place (Builder *b,
       MwActor *actor,
       double   x,
       double   y)
{
  mw_network_set_actor_position (b->network, actor, round (x), round (y));
}

/* --- trees ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *actors;   /* MwActor*, breadth first: a parent before its children */
  GArray    *parent;   /* guint index into actors; G_MAXUINT for the top */
  GArray    *depth;    /* guint */
  guint      n_levels;
} Tree;

static void
tree_clear (Tree *t)
{
  g_clear_pointer (&t->actors, g_ptr_array_unref);
  g_clear_pointer (&t->parent, g_array_unref);
  g_clear_pointer (&t->depth, g_array_unref);
}

#define TREE_PARENT(t, i) g_array_index ((t)->parent, guint, (i))
#define TREE_DEPTH(t, i)  g_array_index ((t)->depth, guint, (i))
#define TREE_ACTOR(t, i)  ((MwActor *) g_ptr_array_index ((t)->actors, (i)))

static const char *
role_of (guint depth)
{
  switch (depth)
    {
    case 0: return "Chief executive";
    case 1: return "Director";
    case 2: return "Manager";
    default: return "";
    }
}

/* Grows a tree of @n people breadth first, each giving 2 to @max_span
 * reports, so that the levels fill like an organisation's. Units are the
 * directors' departments. */
static void
add_to_tree (Builder    *b,
             Tree       *t,
             guint       parent,
             const char *org,
             const char *unit)
{
  guint depth = parent == G_MAXUINT ? 0 : TREE_DEPTH (t, parent) + 1;
  MwActor *actor = add_actor (b, MW_ACTOR_PERSON, NULL, org, unit);

  mw_network_set_actor_notes (b->network, actor, role_of (depth));
  if (parent != G_MAXUINT)
    tie (b, actor, TREE_ACTOR (t, parent), MW_TIE_REPORTS);
  g_ptr_array_add (t->actors, actor);
  g_array_append_val (t->parent, parent);
  g_array_append_val (t->depth, depth);
  t->n_levels = MAX (t->n_levels, depth + 1);
}

static void
grow_tree (Builder    *b,
           Tree       *t,
           guint       n,
           guint       max_span,
           guint       max_levels,
           const char *org)
{
  guint n_units = CLAMP (n / 6, 2, 5);
  guint unit_offset = pick (b, G_N_ELEMENTS (unit_names));

  t->actors = g_ptr_array_new ();
  t->parent = g_array_new (FALSE, FALSE, sizeof (guint));
  t->depth = g_array_new (FALSE, FALSE, sizeof (guint));
  t->n_levels = 0;

  add_to_tree (b, t, G_MAXUINT, org, NULL);

  /* level by level, one report per manager per round: a level that cannot
   * be filled is spread across its managers instead of piling under one */
  for (guint first = 0, last = 1; t->actors->len < n; first = last, last = t->actors->len)
    {
      g_autofree guint *spans = g_new (guint, last - first);
      /* on the deepest level allowed, spans grow to take everyone left */
      gboolean deepest = max_levels > 0 && TREE_DEPTH (t, first) + 2 >= max_levels;
      guint max = 0;

      for (guint q = first; q < last; q++)
        {
          spans[q - first] = q == 0 ? n_units : (guint) g_rand_int_range (b->rand, 2, (gint32) max_span + 1);
          if (deepest)
            spans[q - first] = n;
          max = MAX (max, spans[q - first]);
        }
      for (guint round = 0; round < max && t->actors->len < n; round++)
        for (guint q = first; q < last && t->actors->len < n; q++)
          if (round < spans[q - first])
            add_to_tree (b, t, q, org, q == 0
                         ? unit_names[(unit_offset + round) % G_N_ELEMENTS (unit_names)]
                         : TREE_ACTOR (t, q)->unit);
    }
}

/* A tidy org chart: leaves side by side in depth-first order, each manager
 * centred over its reports. Returns the width used. */
static double
place_subtree (Builder *b,
               Tree    *t,
               guint    index,
               double   x0,
               double   y0,
               double  *next_x)
{
  double first = NAN, last = NAN, x;

  for (guint i = index + 1; i < t->actors->len; i++)
    if (TREE_PARENT (t, i) == index)
      {
        double child_x = place_subtree (b, t, i, x0, y0, next_x);

        if (isnan (first))
          first = child_x;
        last = child_x;
      }

  if (isnan (first))
    {
      x = *next_x;
      *next_x += COLUMN;
    }
  else
    x = (first + last) / 2;

  place (b, TREE_ACTOR (t, index), x0 + x, y0 + TREE_DEPTH (t, index) * ROW);
  return x;
}

/* Returns the width of the placed tree. */
static double
place_tree (Builder *b,
            Tree    *t,
            double   x0,
            double   y0)
{
  double next_x = 0.0;

  place_subtree (b, t, 0, x0, y0, &next_x);
  return next_x;
}

static GPtrArray *
tree_level (Tree  *t,
            guint  depth,
            gboolean or_deeper)
{
  GPtrArray *level = g_ptr_array_new ();

  for (guint i = 0; i < t->actors->len; i++)
    if (TREE_DEPTH (t, i) == depth || (or_deeper && TREE_DEPTH (t, i) > depth))
      g_ptr_array_add (level, TREE_ACTOR (t, i));

  return level;
}

static MwActor *
any_of (Builder   *b,
        GPtrArray *actors)
{
  return g_ptr_array_index (actors, pick (b, actors->len));
}

/* Front line: people nobody reports to. Middle: the rest below the top. */
static void
split_levels (Tree       *t,
              GPtrArray **middle,
              GPtrArray **front)
{
  *middle = g_ptr_array_new ();
  *front = g_ptr_array_new ();

  for (guint i = 1; i < t->actors->len; i++)
    {
      MwActor *actor = TREE_ACTOR (t, i);

      g_ptr_array_add (mw_actor_n_in (actor, MW_TIE_REPORTS) > 0 ? *middle : *front, actor);
    }
}

/* Someone from @pool in another unit than @actor (or anyone, failing that). */
static MwActor *
other_unit (Builder   *b,
            GPtrArray *pool,
            MwActor   *actor)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      MwActor *other = any_of (b, pool);

      if (strcmp (other->unit, actor->unit) != 0 || strcmp (other->org, actor->org) != 0)
        return other;
    }

  return any_of (b, pool);
}

/* Someone from @pool in another organisation than @actor (or anyone). */
static MwActor *
other_org (Builder   *b,
           GPtrArray *pool,
           MwActor   *actor)
{
  for (guint attempt = 0; attempt < 16; attempt++)
    {
      MwActor *other = any_of (b, pool);

      if (strcmp (other->org, actor->org) != 0)
        return other;
    }

  return any_of (b, pool);
}

/* Lateral ties are drawn straight where they can be: a partner is chosen
 * so that the line to it passes no other actor (a tie along a rank would
 * run through everyone between its ends). Past CHECKED_SIZE actors the
 * first pick stands: the renderer draws such networks' ties straight. */
#define CLEARANCE    28.0   /* from a line to an actor's centre: its shape and a margin */
#define CHECKED_SIZE 400
#define ATTEMPTS     12

typedef MwActor *(*PickPartner) (Builder   *b,
                                 GPtrArray *pool,
                                 MwActor   *actor);

static double
distance_to_line (const MwActor *p,
                  const MwActor *a,
                  const MwActor *b)
{
  double dx = b->x - a->x, dy = b->y - a->y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p->x - a->x) * dx + (p->y - a->y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (p->x - (a->x + t * dx), p->y - (a->y + t * dy));
}

static gboolean
line_is_clear (Builder *b,
               MwActor *from,
               MwActor *to)
{
  guint n = mw_network_get_n_actors (b->network);

  if (n > CHECKED_SIZE)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      const MwActor *other = mw_network_get_actor (b->network, i);

      if (other != from && other != to && other->has_position &&
          distance_to_line (other, from, to) < CLEARANCE)
        return FALSE;
    }
  return TRUE;
}

static MwActor *
pick_any (Builder   *b,
          GPtrArray *pool,
          MwActor   *actor)
{
  return any_of (b, pool);
}

/* A partner picked by @pick to whom a straight line is clear, if a few
 * tries find one; the last one tried otherwise. */
static MwActor *
clear_partner (Builder     *b,
               GPtrArray   *pool,
               MwActor     *actor,
               PickPartner  pick_one)
{
  MwActor *other = NULL;

  for (guint attempt = 0; attempt < ATTEMPTS; attempt++)
    {
      other = pick_one (b, pool, actor);
      if (line_is_clear (b, actor, other))
        break;
    }
  return other;
}

/* --- the contexts ------------------------------------------------------------ */

static void
build_pyramid (Builder *b,
               guint    n)
{
  Tree t = { 0 };

  grow_tree (b, &t, n, 5, 0, NULL);
  place_tree (b, &t, 0.0, 0.0);
  /* direction comes from the top */
  mw_network_set_actor_purpose (b->network, TREE_ACTOR (&t, 0), TRUE);
  tree_clear (&t);
}

static void
add_cross_unit_teams (Builder   *b,
                      GPtrArray *pool,
                      guint      n_teams,
                      double     width,
                      double     y)
{
  static const char * const topics[] = {
    "Customer journey", "Quality", "New market", "Digital", "Safety", "Onboarding",
  };

  for (guint i = 0; i < n_teams; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s team", topics[i % G_N_ELEMENTS (topics)]);
      MwActor *team = add_actor (b, MW_ACTOR_TEAM, label, NULL, NULL);
      MwActor *member = any_of (b, pool);

      place (b, team, (i + 0.5) * width / n_teams, y);
      for (guint k = 0; k < 3 + pick (b, 3); k++)
        {
          tie (b, member, team, MW_TIE_COLLABORATES);
          member = other_unit (b, pool, member);
        }
    }
}

static void
build_hierarchy (Builder *b,
                 guint    n)
{
  g_autoptr(GPtrArray) middle = NULL;
  g_autoptr(GPtrArray) front = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  guint n_teams = MAX (1, n / 12);
  Tree t = { 0 };
  double width;

  grow_tree (b, &t, n - n_teams, 4, 0, NULL);
  width = place_tree (b, &t, 0.0, 0.0);
  split_levels (&t, &middle, &front);
  everyone = tree_level (&t, 1, TRUE);
  add_cross_unit_teams (b, everyone, n_teams, width, t.n_levels * ROW + 20.0);

  /* lateral collaboration among middle managers and along the front line */
  for (guint i = 0; i < middle->len; i++)
    if (chance (b, 0.8))
      tie (b, g_ptr_array_index (middle, i), clear_partner (b, middle, g_ptr_array_index (middle, i), other_unit),
           MW_TIE_COLLABORATES);
  for (guint i = 0; i < front->len / 3; i++)
    {
      MwActor *actor = any_of (b, front);
      tie (b, actor, clear_partner (b, front, actor, other_unit), MW_TIE_COLLABORATES);
    }

  /* ideas travel up, initiatives start below, peers check each other */
  for (guint i = 0; i < MAX (2, front->len / 4); i++)
    tie (b, any_of (b, front), chance (b, 0.3) ? TREE_ACTOR (&t, 0) : any_of (b, middle), MW_TIE_INFLUENCES);
  for (guint i = 0; i < everyone->len; i++)
    if (chance (b, 0.1))
      mw_network_set_actor_initiative (b->network, g_ptr_array_index (everyone, i), TRUE);
  for (guint i = 0; i < MAX (1, middle->len / 3); i++)
    {
      MwActor *actor = any_of (b, middle);
      tie (b, actor, clear_partner (b, middle, actor, other_unit), MW_TIE_CHECKS);
    }

  mw_network_set_actor_purpose (b->network, TREE_ACTOR (&t, 0), TRUE);
  mw_network_set_actor_purpose (b->network, any_of (b, middle), TRUE);
  tree_clear (&t);
}

/* One self-managing team around its team node at (cx, cy). */
static GPtrArray *
add_flat_team (Builder    *b,
               const char *unit,
               guint       size,
               double      cx,
               double      cy)
{
  g_autofree char *label = g_strdup_printf ("%s team", unit);
  MwActor *team = add_actor (b, MW_ACTOR_TEAM, label, NULL, unit);
  GPtrArray *members = g_ptr_array_new ();
  /* about 100 points of ring per member, so labels keep clear */
  double rx = MAX (100.0, size * 100.0 / (2 * G_PI));

  place (b, team, cx, cy);
  for (guint k = 0; k < size; k++)
    {
      MwActor *member = add_actor (b, MW_ACTOR_PERSON, NULL, NULL, unit);
      double angle = 2 * G_PI * k / size;

      place (b, member, cx + rx * cos (angle), cy + rx * 0.8 * sin (angle));
      tie (b, member, team, MW_TIE_COLLABORATES);
      g_ptr_array_add (members, member);
    }

  return members;
}

static void
build_flat (Builder *b,
            guint    n)
{
  guint n_teams = MAX (2, (n - 1) / 7);
  guint left = n - 1 - n_teams;
  double team_size = (double) (n - 1 - n_teams) / n_teams;
  double radius = MAX (300.0, n_teams * (2 * MAX (100.0, team_size * 100.0 / (2 * G_PI)) + 120.0) / (2 * G_PI));
  MwActor *founder = add_actor (b, MW_ACTOR_PERSON, NULL, NULL, NULL);
  g_autoptr(GPtrArray) everyone = g_ptr_array_new ();

  mw_network_set_actor_notes (b->network, founder, "Founder");
  mw_network_set_actor_purpose (b->network, founder, TRUE);
  place (b, founder, 0.0, 0.0);

  for (guint i = 0; i < n_teams; i++)
    {
      guint size = left / (n_teams - i);
      double angle = 2 * G_PI * i / n_teams - G_PI / 2;
      g_autoptr(GPtrArray) members = add_flat_team (b, unit_names[i % G_N_ELEMENTS (unit_names)], size,
                                                    radius * cos (angle), radius * sin (angle));

      left -= size;
      /* a coordinator, not a boss: the only formal line, one level deep */
      tie (b, g_ptr_array_index (members, 0), founder, MW_TIE_REPORTS);
      for (guint k = 0; k < members->len; k++)
        {
          MwActor *member = g_ptr_array_index (members, k);

          tie (b, member, clear_partner (b, members, member, pick_any), MW_TIE_INFLUENCES);
          tie (b, member, clear_partner (b, members, member, pick_any), MW_TIE_INFLUENCES);
          tie (b, member, clear_partner (b, members, member, pick_any), MW_TIE_CHECKS);
          mw_network_set_actor_initiative (b->network, member, chance (b, 0.35));
          mw_network_set_actor_purpose (b->network, member, chance (b, 0.2));
          g_ptr_array_add (everyone, member);
        }
    }

  /* influence in every direction: up to the founder, down and across */
  for (guint i = 0; i < MAX (2, everyone->len / 3); i++)
    {
      MwActor *actor = any_of (b, everyone);

      tie (b, clear_partner (b, everyone, founder, pick_any), founder, MW_TIE_INFLUENCES);
      tie (b, founder, clear_partner (b, everyone, founder, pick_any), MW_TIE_INFLUENCES);
      tie (b, actor, clear_partner (b, everyone, actor, other_unit), MW_TIE_INFLUENCES);
      actor = any_of (b, everyone);
      tie (b, actor, clear_partner (b, everyone, actor, other_unit), MW_TIE_COLLABORATES);
    }
}

static void
build_nimble (Builder *b,
              guint    n)
{
  guint n_core = MAX (3, n / 6);
  double core_radius = MAX (90.0, n_core * 110.0 / (2 * G_PI));
  double outer = core_radius + 200.0;
  g_autoptr(GPtrArray) core = g_ptr_array_new ();
  g_autoptr(GPtrArray) periphery = g_ptr_array_new ();

  for (guint i = 0; i < n_core; i++)
    {
      MwActor *actor = add_actor (b, MW_ACTOR_PERSON, NULL, NULL, NULL);
      double angle = 2 * G_PI * i / n_core;

      mw_network_set_actor_notes (b->network, actor, "Core contributor");
      mw_network_set_actor_purpose (b->network, actor, i % 2 == 0);
      place (b, actor, core_radius * cos (angle), core_radius * sin (angle));
      g_ptr_array_add (core, actor);
    }
  for (guint i = 0; i < n_core; i++)
    {
      tie (b, g_ptr_array_index (core, i), g_ptr_array_index (core, (i + 1) % n_core), MW_TIE_COLLABORATES);
      tie (b, g_ptr_array_index (core, i), any_of (b, core), MW_TIE_COLLABORATES);
      tie (b, g_ptr_array_index (core, i), any_of (b, core), MW_TIE_CHECKS);
    }

  for (guint i = 0, ring = 0, ring_start = 0; i < n - n_core; i++)
    {
      MwActor *actor = add_actor (b, MW_ACTOR_PERSON, NULL, NULL, NULL);
      double radius = outer + ring * 110.0;
      /* rings fill outwards, about 110 points of arc per contributor */
      guint capacity = (guint) (2 * G_PI * radius / 110.0);
      guint slot = i - ring_start;
      guint in_ring = MIN (capacity, n - n_core - ring_start);
      double angle = 2 * G_PI * (slot + g_rand_double_range (b->rand, 0, 0.3)) / in_ring + ring * 0.4;

      place (b, actor, radius * cos (angle), radius * sin (angle));
      if (slot + 1 == capacity)
        {
          ring++;
          ring_start = i + 1;
        }
      /* proposals go to the core, the core reviews what comes in */
      tie (b, actor, any_of (b, core), chance (b, 0.5) ? MW_TIE_COLLABORATES : MW_TIE_INFLUENCES);
      if (chance (b, 0.4))
        tie (b, any_of (b, core), actor, MW_TIE_CHECKS);
      /* some work with one another, most with the core: a periphery as
       * tied among itself as to the core would read as a flat organisation */
      if (periphery->len > 0 && chance (b, 0.3))
        tie (b, actor, clear_partner (b, periphery, actor, pick_any),
             chance (b, 0.5) ? MW_TIE_COLLABORATES : MW_TIE_INFLUENCES);
      mw_network_set_actor_initiative (b->network, actor, chance (b, 0.3));
      g_ptr_array_add (periphery, actor);
    }
  for (guint i = 0; i < MAX (1, n_core / 2); i++)
    tie (b, any_of (b, core), any_of (b, periphery), MW_TIE_INFLUENCES);
}

static void
build_cross_org (Builder *b,
                 guint    n)
{
  static const char * const orgs[] = {
    "Helix Pharma", "Nova Biotech", "Meridian Logistics", "Clearwater Labs",
  };
  guint n_orgs = n < 16 ? 2 : n < 200 ? 3 : 4;
  guint left = n - 1;
  double x = 0.0;
  guint deepest = 0;
  g_autoptr(GPtrArray) everyone = g_ptr_array_new ();
  MwActor *joint;

  for (guint i = 0; i < n_orgs; i++)
    {
      guint size = left / (n_orgs - i);
      Tree t = { 0 };

      left -= size;
      /* partners are smaller organisations: three levels at most */
      grow_tree (b, &t, size, 4, 3, orgs[i]);
      x += place_tree (b, &t, x, 0.0) + 2 * COLUMN;
      deepest = MAX (deepest, t.n_levels);
      mw_network_set_actor_purpose (b->network, TREE_ACTOR (&t, 0), TRUE);
      for (guint k = 0; k < t.actors->len; k++)
        g_ptr_array_add (everyone, TREE_ACTOR (&t, k));
      tree_clear (&t);
    }

  joint = add_actor (b, MW_ACTOR_TEAM, "Joint venture team", NULL, NULL);
  place (b, joint, (x - 3 * COLUMN) / 2, deepest * ROW + 20.0);
  for (guint i = 0; i < n_orgs * 2; i++)
    {
      MwActor *member = any_of (b, everyone);
      tie (b, member, joint, MW_TIE_COLLABORATES);
    }

  /* inside each boundary, some collaboration across units */
  for (guint i = 0; i < MAX (2, n / 8); i++)
    {
      MwActor *actor = any_of (b, everyone);
      MwActor *other = any_of (b, everyone);

      if (strcmp (actor->org, other->org) == 0)
        tie (b, actor, other, MW_TIE_COLLABORATES);
    }

  /* boundary spanners: collaboration, influence and checks across lines */
  for (guint i = 0; i < MAX (3, n / 3); i++)
    {
      MwActor *actor = any_of (b, everyone);
      tie (b, actor, other_org (b, everyone, actor), MW_TIE_COLLABORATES);
    }
  for (guint i = 0; i < MAX (2, n / 8); i++)
    {
      MwActor *actor = any_of (b, everyone);
      tie (b, actor, other_org (b, everyone, actor), MW_TIE_INFLUENCES);
    }
  for (guint i = 0; i < MAX (1, n / 12); i++)
    {
      MwActor *actor = any_of (b, everyone);
      tie (b, actor, other_org (b, everyone, actor), MW_TIE_CHECKS);
    }
  for (guint i = 0; i < everyone->len; i++)
    if (chance (b, 0.06))
      mw_network_set_actor_initiative (b->network, g_ptr_array_index (everyone, i), TRUE);
}

/**
 * mw_template_build:
 * @name: one of mw_templates_get_all()
 *
 * Returns: (transfer full) (nullable): a new network, or %NULL with @error
 *   (%MW_ERROR_INVALID) for an unknown @name
 */
MwNetwork *
mw_template_build (const char  *name,
                  guint        size,
                  guint32      seed,
                  GError     **error)
{
  const MwTemplate *context;
  Builder b = { 0 };

  g_return_val_if_fail (name != NULL, NULL);

  context = mw_template_lookup (name);
  if (context == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("No template is called “%s” (pyramid, hierarchy, flat, nimble, cross-org)"), name);
      return NULL;
    }

  size = CLAMP (size, MW_TEMPLATE_MIN_SIZE, MW_TEMPLATE_MAX_SIZE);
  b.network = mw_network_new ();
  b.rand = g_rand_new_with_seed (seed);
  mw_network_set_name (b.network, context->name);
  mw_network_set_attr (b.network, "label", context->title);
  mw_network_set_attr (b.network, MW_TEMPLATE_CAPTION_ATTR, context->caption);

  if (strcmp (name, "pyramid") == 0)
    build_pyramid (&b, size);
  else if (strcmp (name, "hierarchy") == 0)
    build_hierarchy (&b, size);
  else if (strcmp (name, "flat") == 0)
    build_flat (&b, size);
  else if (strcmp (name, "nimble") == 0)
    build_nimble (&b, size);
  else
    build_cross_org (&b, size);

  g_rand_free (b.rand);
  return b.network;
}
