/* mw-test-networks.c: networks of each context, drawn in several styles
 *
 * A generator of its own, independent of the built-in templates: each
 * context is drawn from the research's description (Ancona & Backman
 * 2017), then labelled one of several ways. The context reader is judged
 * on these and must not be tuned to them alone.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <unistd.h>

#include "mw-dot.h"
#include "mw-test-networks.h"

#define NO_GROUP (-1)

typedef struct
{
  MwActorKind kind;
  int         org;
  int         unit;
  gboolean    purpose;
  gboolean    initiative;
} Node;

typedef struct
{
  guint     from;
  guint     to;
  MwTieType type;
} Edge;

typedef struct
{
  GArray      *nodes;
  GArray      *edges;
  GRand       *rand;
  MwTestStyle  style;
  guint32      seed;
  int          next_unit;
} Gen;

static const char * const style_names[MW_TEST_N_STYLES] = {
  "plain", "units", "clusters", "org-nodes", "thin", "thick", "teams",
};

const char *
mw_test_style_name (MwTestStyle style)
{
  g_return_val_if_fail (style < MW_TEST_N_STYLES, NULL);
  return style_names[style];
}

gboolean
mw_test_context_drawable (MwScoreContext context)
{
  return context < MW_N_SCORE_CONTEXTS && context != MW_SCORE_CONTEXT_UNDETERMINED;
}

static guint
rnd (Gen   *g,
     guint  n)
{
  return n > 0 ? (guint) g_rand_int_range (g->rand, 0, (gint32) n) : 0;
}

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static guint
node (Gen         *g,
      MwActorKind  kind,
      int          org,
      int          unit)
{
  Node n = { kind, org, unit, FALSE, FALSE };

  g_array_append_val (g->nodes, n);
  return g->nodes->len - 1;
}

#define NODE(g, i) (&g_array_index ((g)->nodes, Node, (i)))

static void
edge (Gen       *g,
      guint      from,
      guint      to,
      MwTieType  type)
{
  Edge e = { from, to, type };

  if (from != to)
    g_array_append_val (g->edges, e);
}

/* How much of the optional ties a style draws. */
static double
liaison_rate (Gen    *g,
              double  normal)
{
  switch (g->style)
    {
    case MW_TEST_STYLE_THIN: return normal / 2;
    case MW_TEST_STYLE_THICK: return normal * 2;
    default: return normal;
    }
}

/* --- trees ------------------------------------------------------------------ */

typedef struct
{
  GArray *who;     /* node indices, breadth first */
  GArray *parent;  /* index into who; G_MAXUINT for the top */
} Tree;

#define TREE_WHO(t, i)    g_array_index ((t)->who, guint, (i))
#define TREE_PARENT(t, i) g_array_index ((t)->parent, guint, (i))

static void
tree_clear (Tree *t)
{
  g_clear_pointer (&t->who, g_array_unref);
  g_clear_pointer (&t->parent, g_array_unref);
}

/* A reporting tree of @n people, each manager with @min to @max reports;
 * the top's reports each head a unit. */
static void
grow_tree (Gen   *g,
           Tree  *t,
           guint  n,
           int    org,
           guint  min,
           guint  max)
{
  guint top = node (g, MW_ACTOR_PERSON, org, NO_GROUP);
  guint none = G_MAXUINT;

  t->who = g_array_new (FALSE, FALSE, sizeof (guint));
  t->parent = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (t->who, top);
  g_array_append_val (t->parent, none);
  NODE (g, top)->purpose = TRUE;

  for (guint q = 0; t->who->len < n; q++)
    {
      guint span = min + rnd (g, max - min + 1);

      for (guint k = 0; k < span && t->who->len < n; k++)
        {
          int unit = q == 0 ? g->next_unit++ : NODE (g, TREE_WHO (t, q))->unit;
          guint v = node (g, MW_ACTOR_PERSON, org, unit);

          edge (g, v, TREE_WHO (t, q), MW_TIE_REPORTS);
          g_array_append_val (t->who, v);
          g_array_append_val (t->parent, q);
        }
    }
}

static gboolean
tree_above (Tree  *t,
            guint  a,
            guint  b)
{
  for (guint p = TREE_PARENT (t, b); p != G_MAXUINT; p = TREE_PARENT (t, p))
    if (p == a)
      return TRUE;
  return FALSE;
}

/* Someone neither above nor below @a in the tree (or anyone, failing that). */
static guint
lateral_to (Gen   *g,
            Tree  *t,
            guint  a)
{
  guint b = a;

  for (guint attempt = 0; attempt < 12; attempt++)
    {
      b = 1 + rnd (g, t->who->len - 1);
      if (b != a && !tree_above (t, a, b) && !tree_above (t, b, a))
        break;
    }
  return b;
}

/* --- the contexts ------------------------------------------------------------ */

static void
top_to_org_node (Gen  *g,
                 guint top,
                 int   org)
{
  if (g->style == MW_TEST_STYLE_ORG_NODES)
    edge (g, top, node (g, MW_ACTOR_ORGANISATION, org, NO_GROUP), MW_TIE_REPORTS);
}

static void
build_command_and_control (Gen   *g,
                           guint  n)
{
  Tree t = { 0 };

  grow_tree (g, &t, n, NO_GROUP, 2, 5);
  top_to_org_node (g, TREE_WHO (&t, 0), NO_GROUP);
  /* orders and oversight run down the lines, never across them */
  for (guint i = 1; i < t.who->len; i++)
    if (chance (g, liaison_rate (g, 0.2)))
      edge (g, TREE_WHO (&t, TREE_PARENT (&t, i)), TREE_WHO (&t, i),
            chance (g, 0.5) ? MW_TIE_INFLUENCES : MW_TIE_CHECKS);
  if (g->style == MW_TEST_STYLE_TEAMS)
    {
      guint all_hands = node (g, MW_ACTOR_TEAM, NO_GROUP, NO_GROUP);

      for (guint i = 0; i < t.who->len; i++)
        edge (g, TREE_WHO (&t, i), all_hands, MW_TIE_COLLABORATES);
    }
  tree_clear (&t);
}

static void
add_overlay (Gen   *g,
             Tree  *t,
             double rate)
{
  guint n_ties = MAX (2, (guint) (rate * t->who->len));

  for (guint k = 0; k < n_ties; k++)
    {
      guint a = 1 + rnd (g, t->who->len - 1);
      guint roll = rnd (g, 10);

      if (roll < 5)
        edge (g, TREE_WHO (t, a), TREE_WHO (t, lateral_to (g, t, a)), MW_TIE_COLLABORATES);
      else if (roll < 8)
        edge (g, TREE_WHO (t, a), TREE_WHO (t, TREE_PARENT (t, a) == 0 || chance (g, 0.5) ? 0 : TREE_PARENT (t, TREE_PARENT (t, a))),
              MW_TIE_INFLUENCES);
      else
        edge (g, TREE_WHO (t, a), TREE_WHO (t, lateral_to (g, t, a)), MW_TIE_CHECKS);
      if (chance (g, 0.2))
        NODE (g, TREE_WHO (t, a))->initiative = TRUE;
    }
}

/* Partners as peers, associates reporting to them; no managing partner. */
static void
build_partnership (Gen   *g,
                   guint  n)
{
  guint n_partners = CLAMP (n / 5, 3, 8);
  g_autoptr(GArray) partners = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) associates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lead = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_partners; i++)
    {
      guint p = node (g, MW_ACTOR_PERSON, NO_GROUP, g->next_unit++);

      NODE (g, p)->purpose = TRUE;
      g_array_append_val (partners, p);
    }
  for (guint i = 0; i < n_partners; i++)
    edge (g, g_array_index (partners, guint, i), g_array_index (partners, guint, (i + 1) % n_partners),
          MW_TIE_COLLABORATES);
  for (guint i = n_partners; i < n; i++)
    {
      guint k = rnd (g, n_partners);
      guint partner = g_array_index (partners, guint, k);
      guint a = node (g, MW_ACTOR_PERSON, NO_GROUP, NODE (g, partner)->unit);

      edge (g, a, partner, MW_TIE_REPORTS);
      g_array_append_val (associates, a);
      g_array_append_val (lead, k);
    }
  /* associates work across the partners' teams */
  for (guint k = 0; k < MAX (2, (guint) (liaison_rate (g, 0.3) * associates->len)); k++)
    {
      guint a = rnd (g, associates->len), b = rnd (g, associates->len);

      if (g_array_index (lead, guint, a) != g_array_index (lead, guint, b))
        edge (g, g_array_index (associates, guint, a), g_array_index (associates, guint, b), MW_TIE_COLLABORATES);
      else
        edge (g, g_array_index (associates, guint, a),
              g_array_index (partners, guint, g_array_index (lead, guint, a)), MW_TIE_INFLUENCES);
    }
}

static void
build_hierarchy (Gen   *g,
                 guint  n)
{
  Tree t = { 0 };

  if (g->style == MW_TEST_STYLE_TEAMS && g->seed % 2 == 1)
    {
      build_partnership (g, n);
      return;
    }

  grow_tree (g, &t, n, NO_GROUP, 2, 5);
  top_to_org_node (g, TREE_WHO (&t, 0), NO_GROUP);
  if (g->style == MW_TEST_STYLE_TEAMS)
    {
      /* cross-unit project teams carry the overlay */
      for (guint k = 0; k < MAX (1, t.who->len / 10); k++)
        {
          guint team = node (g, MW_ACTOR_TEAM, NO_GROUP, NO_GROUP);
          guint a = 1 + rnd (g, t.who->len - 1);

          for (guint m = 0; m < 3 + rnd (g, 3); m++, a = lateral_to (g, &t, a))
            edge (g, TREE_WHO (&t, a), team, MW_TIE_COLLABORATES);
        }
      add_overlay (g, &t, 0.1);
    }
  else
    add_overlay (g, &t, liaison_rate (g, 0.3));
  tree_clear (&t);
}

/* Self-managing teams: dense inside, some ties across; a founder with a
 * coordinator per team on some seeds, no reporting line at all on others. */
static void
build_flat (Gen   *g,
            guint  n,
            int    org)
{
  gboolean team_nodes = g->style == MW_TEST_STYLE_TEAMS || (g->style != MW_TEST_STYLE_THIN && g->seed % 4 == 1);
  guint founder = G_MAXUINT, n_teams = 0;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) team_of = g_array_new (FALSE, FALSE, sizeof (guint));

  if (g->seed % 3 != 0)
    {
      founder = node (g, MW_ACTOR_PERSON, org, NO_GROUP);
      NODE (g, founder)->purpose = TRUE;
    }
  while (members->len + (founder != G_MAXUINT) < n)
    {
      guint size = g->style == MW_TEST_STYLE_TEAMS ? 3 + rnd (g, 2) : 4 + rnd (g, 6);
      guint start = members->len, team = G_MAXUINT;
      int unit = g->next_unit++;

      for (guint k = 0; k < size; k++)
        {
          guint v = node (g, MW_ACTOR_PERSON, org, unit);

          g_array_append_val (members, v);
          g_array_append_val (team_of, n_teams);
          NODE (g, v)->initiative = chance (g, 0.3);
          NODE (g, v)->purpose = chance (g, 0.2);
        }
      if (team_nodes)
        team = node (g, MW_ACTOR_TEAM, org, unit);
      for (guint k = 0; k < size; k++)
        {
          guint v = g_array_index (members, guint, start + k);

          if (team != G_MAXUINT)
            edge (g, v, team, MW_TIE_COLLABORATES);
          for (guint m = 0; m < (team != G_MAXUINT ? 1u : 2u); m++)
            edge (g, v, g_array_index (members, guint, start + rnd (g, size)),
                  rnd (g, 3) == 0 ? MW_TIE_COLLABORATES : rnd (g, 2) ? MW_TIE_INFLUENCES : MW_TIE_CHECKS);
        }
      /* a coordinator, not a boss */
      if (founder != G_MAXUINT)
        edge (g, g_array_index (members, guint, start), founder, MW_TIE_REPORTS);
      n_teams++;
    }

  /* ventures and help across the teams */
  for (guint k = 0; k < MAX (2, (guint) (liaison_rate (g, 0.25) * members->len)); k++)
    {
      guint a = rnd (g, members->len), b = rnd (g, members->len);

      if (g_array_index (team_of, guint, a) != g_array_index (team_of, guint, b))
        edge (g, g_array_index (members, guint, a), g_array_index (members, guint, b),
              chance (g, 0.6) ? MW_TIE_COLLABORATES : MW_TIE_INFLUENCES);
    }
  if (founder != G_MAXUINT)
    {
      top_to_org_node (g, founder, org);
      for (guint k = 0; k < MAX (1, members->len / 5); k++)
        edge (g, g_array_index (members, guint, rnd (g, members->len)), founder, MW_TIE_INFLUENCES);
    }
  else if (g->style == MW_TEST_STYLE_ORG_NODES)
    {
      /* no top to hang the organisation on: everyone is its member */
      guint organisation = node (g, MW_ACTOR_ORGANISATION, org, NO_GROUP);

      for (guint k = 0; k < members->len; k++)
        edge (g, g_array_index (members, guint, k), organisation, MW_TIE_COLLABORATES);
    }
}

/* A committed core holding the purpose and reviewing the work; a
 * periphery that proposes, contributes and comes and goes. */
static void
build_nimble (Gen   *g,
              guint  n)
{
  guint n_core = MAX (3, n / (5 + rnd (g, 4)));
  g_autoptr(GArray) everyone = g_array_new (FALSE, FALSE, sizeof (guint));
  int core_unit = g->next_unit++, periphery_unit = g->next_unit++;

  for (guint i = 0; i < n; i++)
    {
      guint v = node (g, MW_ACTOR_PERSON, NO_GROUP, i < n_core ? core_unit : periphery_unit);

      NODE (g, v)->purpose = i < n_core && chance (g, 0.5);
      NODE (g, v)->initiative = i >= n_core && chance (g, 0.3);
      g_array_append_val (everyone, v);
    }
#define WHO(i) g_array_index (everyone, guint, (i))
  for (guint i = 0; i < n_core; i++)
    {
      edge (g, WHO (i), WHO ((i + 1) % n_core), MW_TIE_COLLABORATES);
      edge (g, WHO (i), WHO (rnd (g, n_core)), MW_TIE_CHECKS);
    }
  for (guint i = n_core; i < n; i++)
    {
      edge (g, WHO (i), WHO (rnd (g, n_core)), chance (g, 0.5) ? MW_TIE_COLLABORATES : MW_TIE_INFLUENCES);
      if (chance (g, liaison_rate (g, 0.25)))
        edge (g, WHO (i), WHO (rnd (g, n_core)), MW_TIE_INFLUENCES);
      if (i > n_core && chance (g, liaison_rate (g, 0.3)))
        edge (g, WHO (i), WHO (n_core + rnd (g, i - n_core)), chance (g, 0.5) ? MW_TIE_COLLABORATES : MW_TIE_INFLUENCES);
      if (chance (g, 0.4))
        edge (g, WHO (rnd (g, n_core)), WHO (i), MW_TIE_CHECKS);
    }
  if (g->style == MW_TEST_STYLE_ORG_NODES)
    {
      guint foundation = node (g, MW_ACTOR_ORGANISATION, NO_GROUP, NO_GROUP);

      for (guint i = 0; i < n_core; i++)
        edge (g, WHO (i), foundation, MW_TIE_COLLABORATES);
    }
  if (g->style == MW_TEST_STYLE_TEAMS)
    {
      /* a working group or two: a few contributors around a topic */
      for (guint k = 0; k < 1 + n / 40; k++)
        {
          guint team = node (g, MW_ACTOR_TEAM, NO_GROUP, NO_GROUP);

          for (guint m = 0; m < 3 + rnd (g, 3); m++)
            edge (g, WHO (rnd (g, n)), team, MW_TIE_COLLABORATES);
        }
    }
#undef WHO
}

/* Organisations each with a structure of its own, joined by liaisons. */
static void
build_cross_org (Gen   *g,
                 guint  n)
{
  guint n_orgs = MIN (2 + g->seed % 3, MAX (2, n / 5));
  guint liaisons;
  g_autoptr(GArray) org_of = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) everyone = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < n_orgs; k++)
    {
      guint size = n / n_orgs, first = g->nodes->len;

      /* the first organisation is a hierarchy; partners may be flat */
      if (k > 0 && g->seed % 5 == 4)
        build_flat (g, size, (int) k);
      else
        {
          Tree t = { 0 };

          grow_tree (g, &t, size, (int) k, 2, 4);
          top_to_org_node (g, TREE_WHO (&t, 0), (int) k);
          add_overlay (g, &t, 0.1);
          tree_clear (&t);
        }
      for (guint v = first; v < g->nodes->len; v++)
        if (NODE (g, v)->kind == MW_ACTOR_PERSON)
          {
            int org = (int) k;

            g_array_append_val (everyone, v);
            g_array_append_val (org_of, org);
          }
    }

  liaisons = g->style == MW_TEST_STYLE_THIN ? 2 + n_orgs : MAX (4, (guint) (liaison_rate (g, 0.25) * n));
  for (guint k = 0; k < liaisons; k++)
    {
      guint a = rnd (g, everyone->len), b = rnd (g, everyone->len);
      static const MwTieType types[] = { MW_TIE_COLLABORATES, MW_TIE_COLLABORATES, MW_TIE_INFLUENCES, MW_TIE_CHECKS };

      if (g_array_index (org_of, int, a) == g_array_index (org_of, int, b))
        b = (b + n / n_orgs) % everyone->len;
      edge (g, g_array_index (everyone, guint, a), g_array_index (everyone, guint, b), types[rnd (g, 4)]);
    }
  if (g->style == MW_TEST_STYLE_TEAMS)
    {
      guint joint = node (g, MW_ACTOR_TEAM, NO_GROUP, NO_GROUP);

      for (guint k = 0; k < 2 * n_orgs; k++)
        edge (g, g_array_index (everyone, guint, (k % n_orgs) * (n / n_orgs) + rnd (g, n / n_orgs)), joint,
              MW_TIE_COLLABORATES);
    }
}

/* --- drawing ---------------------------------------------------------------- */

static gboolean
draws_units (Gen *g)
{
  switch (g->style)
    {
    case MW_TEST_STYLE_UNITS: return TRUE;
    case MW_TEST_STYLE_THIN:
    case MW_TEST_STYLE_THICK:
    case MW_TEST_STYLE_TEAMS: return g->seed % 2 == 0;
    default: return FALSE;
    }
}

static MwNetwork *
to_network (Gen *g)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  for (guint i = 0; i < g->nodes->len; i++)
    {
      Node *n = NODE (g, i);
      g_autofree char *id = g_strdup_printf ("a%u", i);
      MwActor *actor = mw_network_add_actor (network, id, NULL, n->kind, NULL);

      if (n->org != NO_GROUP && g->style != MW_TEST_STYLE_ORG_NODES)
        {
          g_autofree char *org = g_strdup_printf ("Org %d", n->org);
          mw_network_set_actor_org (network, actor, org);
        }
      if (n->unit != NO_GROUP && draws_units (g))
        {
          g_autofree char *unit = g_strdup_printf ("Unit %d", n->unit);
          mw_network_set_actor_unit (network, actor, unit);
        }
      mw_network_set_actor_purpose (network, actor, n->purpose);
      mw_network_set_actor_initiative (network, actor, n->initiative);
      g_ptr_array_add (actors, actor);
    }
  for (guint i = 0; i < g->edges->len; i++)
    {
      Edge *e = &g_array_index (g->edges, Edge, i);
      mw_network_add_tie (network, g_ptr_array_index (actors, e->from), g_ptr_array_index (actors, e->to),
                          e->type, 1.0, NULL);
    }

  return network;
}

/* Plain `cluster` subgraphs as another tool writes them: organisations
 * when there are several, units otherwise; no mw_org, no mw_unit. */
static MwNetwork *
to_dot_clusters (Gen *g)
{
  g_autoptr(GString) dot = g_string_new ("digraph {\n");
  g_autoptr(GHashTable) clusters = g_hash_table_new (NULL, NULL);
  gboolean by_org = FALSE;
  g_autoptr(GError) error = NULL;
  MwNetwork *network;

  for (guint i = 0; i < g->nodes->len; i++)
    by_org |= NODE (g, i)->org > 0;
  for (guint i = 0; i < g->nodes->len; i++)
    {
      Node *n = NODE (g, i);
      int key = by_org ? n->org : n->unit;

      g_string_append_printf (dot, "  a%u [mw_kind=%s%s%s];\n", i, mw_actor_kind_to_string (n->kind),
                              n->purpose ? ", mw_purpose=true" : "", n->initiative ? ", mw_initiative=true" : "");
      if (key != NO_GROUP)
        g_hash_table_add (clusters, GINT_TO_POINTER (key + 1));
    }
  for (int key = 0; key <= MAX (g->next_unit, 8); key++)
    {
      if (!g_hash_table_contains (clusters, GINT_TO_POINTER (key + 1)))
        continue;
      g_string_append_printf (dot, "  subgraph cluster_%d { label=\"Group %d\";", key, key);
      for (guint i = 0; i < g->nodes->len; i++)
        if ((by_org ? NODE (g, i)->org : NODE (g, i)->unit) == key)
          g_string_append_printf (dot, " a%u;", i);
      g_string_append (dot, " }\n");
    }
  for (guint i = 0; i < g->edges->len; i++)
    {
      Edge *e = &g_array_index (g->edges, Edge, i);
      g_string_append_printf (dot, "  a%u -> a%u [mw_tie=%s];\n", e->from, e->to, mw_tie_type_to_string (e->type));
    }
  g_string_append (dot, "}\n");

  network = mw_dot_load_data (dot->str, dot->len, "generated.gv", NULL, &error);
  g_assert_no_error (error);
  return network;
}

MwNetwork *
mw_test_network_generate (MwScoreContext context,
                          MwTestStyle    style,
                          guint          size,
                          guint32        seed)
{
  Gen g = { 0 };
  MwNetwork *network;

  g_return_val_if_fail (mw_test_context_drawable (context), NULL);
  g_return_val_if_fail (style < MW_TEST_N_STYLES, NULL);

  size = MAX (size, 8);
  g.nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g.edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g.rand = g_rand_new_with_seed (seed * 7919 + context * 131 + style);
  g.style = style;
  g.seed = seed;

  switch (context)
    {
    case MW_SCORE_CONTEXT_COMMAND_AND_CONTROL: build_command_and_control (&g, size); break;
    case MW_SCORE_CONTEXT_HIERARCHY: build_hierarchy (&g, size); break;
    case MW_SCORE_CONTEXT_FLAT: build_flat (&g, size, NO_GROUP); break;
    case MW_SCORE_CONTEXT_NIMBLE: build_nimble (&g, size); break;
    case MW_SCORE_CONTEXT_CROSS_ORG: build_cross_org (&g, size); break;
    case MW_SCORE_CONTEXT_UNDETERMINED:
    case MW_N_SCORE_CONTEXTS:
    default: g_assert_not_reached ();
    }

  network = style == MW_TEST_STYLE_CLUSTERS ? to_dot_clusters (&g) : to_network (&g);
  g_array_unref (g.nodes);
  g_array_unref (g.edges);
  g_rand_free (g.rand);
  return network;
}

/* --- shuffling --------------------------------------------------------------- */

static guint *
permutation (GRand *rand,
             guint  n)
{
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i), swap = order[i - 1];

      order[i - 1] = order[j];
      order[j] = swap;
    }
  return order;
}

MwNetwork *
mw_test_network_shuffle (MwNetwork *network,
                         guint32    seed,
                         gboolean   rename)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n = mw_network_get_n_actors (network), m = mw_network_get_n_ties (network);
  g_autofree guint *order = permutation (rand, n);
  g_autofree guint *names = permutation (rand, n);
  g_autofree guint *tie_order = permutation (rand, m);
  g_autofree MwActor **copies = g_new0 (MwActor *, MAX (n, 1));
  MwNetwork *shuffled = mw_network_new ();

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, order[i]);
      g_autofree char *id = rename ? g_strdup_printf ("z%u", names[i] * 7 + 3) : g_strdup (actor->id);
      /* the label keeps the old id, so that a test can match the actors */
      MwActor *copy = mw_network_add_actor (shuffled, id, actor->id, actor->kind, NULL);

      mw_network_set_actor_org (shuffled, copy, actor->org);
      mw_network_set_actor_unit (shuffled, copy, actor->unit);
      mw_network_set_actor_purpose (shuffled, copy, actor->purpose);
      mw_network_set_actor_initiative (shuffled, copy, actor->initiative);
      copies[order[i]] = copy;
    }
  for (guint i = 0; i < m; i++)
    {
      MwTie *tie = mw_network_get_tie (network, tie_order[i]);

      mw_network_add_tie (shuffled, copies[tie->from->index], copies[tie->to->index], tie->type, tie->weight, NULL);
    }

  return shuffled;
}

#define LARGE_TIES_PER_ACTOR 5

/**
 * mw_test_write_large_organisation:
 *
 * Returns: (transfer full): the file's path
 */
char *
mw_test_write_large_organisation (guint n_actors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dot = g_string_sized_new ((gsize) n_actors * 150);
  static const char *units[] = { "North", "South", "East", "West" };
  static const char *lateral[] = { "collaborates", "influences", "checks" };
  guint side = 1;
  GRand *rand = g_rand_new_with_seed (17);
  char *path;
  int fd;

  while (side * side < n_actors)
    side++;
  g_string_append (dot, "digraph large {\n");
  for (guint i = 0; i < n_actors; i++)
    g_string_append_printf (dot, "a%u [label=\"Person %u\", mw_unit=\"%s\", pos=\"%u,%u\"];\n",
                            i, i, units[((guint64) i * 4) / n_actors], (i % side) * 80, (i / side) * 80);
  for (guint i = 0; i < n_actors; i++)
    {
      if (i > 0)
        g_string_append_printf (dot, "a%u -> a%u [mw_tie=reports];\n", i, (i - 1) / 4);
      for (guint k = 1; k < LARGE_TIES_PER_ACTOR; k++)
        {
          guint j = k < 3 ? MIN (i + k, n_actors - 1) : (guint) g_rand_int_range (rand, 0, n_actors);

          if (j != i)
            g_string_append_printf (dot, "a%u -> a%u [mw_tie=%s];\n", i, j,
                                    lateral[g_rand_int_range (rand, 0, 3)]);
        }
    }
  g_string_append (dot, "}\n");
  g_rand_free (rand);

  fd = g_file_open_tmp ("meshwork-large-XXXXXX.gv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, dot->str, dot->len, &error);
  g_assert_no_error (error);
  return path;
}
