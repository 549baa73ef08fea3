/* mw-interpret.c: what a foreign network's actors and ties mean
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-interpret"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-interpret.h"

/* The key that maps every value no other pair names. */
#define ANY_VALUE "*"

MwInterpretPlan *
mw_interpret_plan_new (void)
{
  MwInterpretPlan *plan = g_new0 (MwInterpretPlan, 1);

  plan->tie_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->kind_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return plan;
}

void
mw_interpret_plan_free (MwInterpretPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->tie_attr);
  g_hash_table_unref (plan->tie_map);
  g_free (plan->kind_attr);
  g_hash_table_unref (plan->kind_map);
  g_free (plan->org_attr);
  g_free (plan->unit_attr);
  g_free (plan->weight_attr);
  g_free (plan);
}

/* "ATTR" or "ATTR:VALUE=NAME,VALUE=NAME" into @attr and @map. */
static gboolean
parse_spec (const char  *spec,
            char       **attr,
            GHashTable  *map,
            GError     **error)
{
  const char *colon = strchr (spec, ':');
  g_auto(GStrv) pairs = NULL;

  g_hash_table_remove_all (map);
  g_free (*attr);
  *attr = colon != NULL ? g_strndup (spec, colon - spec) : g_strdup (spec);
  if (**attr == '\0')
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("“%s” names no attribute (expected ATTR or ATTR:VALUE=NAME,…)"), spec);
      return FALSE;
    }
  if (colon == NULL)
    return TRUE;

  pairs = g_strsplit (colon + 1, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *value = NULL;
      g_autofree char *name = NULL;

      if (eq == NULL)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       _("“%s” is not VALUE=NAME"), pairs[i]);
          return FALSE;
        }
      value = g_strstrip (g_strndup (pairs[i], eq - pairs[i]));
      name = g_strstrip (g_strdup (eq + 1));
      g_hash_table_replace (map, g_steal_pointer (&value), g_steal_pointer (&name));
    }

  return TRUE;
}

gboolean
mw_interpret_plan_set_ties_from (MwInterpretPlan *plan,
                                 const char      *spec,
                                 GError         **error)
{
  g_return_val_if_fail (plan != NULL && spec != NULL, FALSE);

  plan->ties = MW_INTERPRET_ATTRIBUTE;
  return parse_spec (spec, &plan->tie_attr, plan->tie_map, error);
}

gboolean
mw_interpret_plan_set_kinds_from (MwInterpretPlan *plan,
                                  const char      *spec,
                                  GError         **error)
{
  g_return_val_if_fail (plan != NULL && spec != NULL, FALSE);

  plan->kinds = MW_INTERPRET_ATTRIBUTE;
  return parse_spec (spec, &plan->kind_attr, plan->kind_map, error);
}

/* An attribute's value in force: the element's own, else the file's
 * declared default (the DOT loader keeps only values that differ). */
static const char *
attr_value (GHashTable *attrs,
            GHashTable *defaults,
            const char *name)
{
  const char *value = g_hash_table_lookup (attrs, name);

  if (value == NULL)
    value = g_hash_table_lookup (defaults, name);
  return value != NULL ? value : "";
}

/* An actor's value of @name; "id" and "label" name its own fields unless
 * the file has attributes called so (an organisation's name as its org). */
static const char *
actor_value (MwNetwork     *network,
             const MwActor *actor,
             const char    *name)
{
  const char *value = attr_value (actor->attrs, mw_network_get_node_defaults (network), name);

  if (*value != '\0')
    return value;
  if (strcmp (name, "id") == 0)
    return actor->id;
  if (strcmp (name, "label") == 0)
    return actor->label;
  return value;
}

static gboolean
map_tie_value (const MwInterpretPlan *plan,
               const char            *value,
               MwTieType             *type)
{
  const char *name = g_hash_table_lookup (plan->tie_map, value);

  if (name != NULL)
    return mw_tie_type_from_synonym (name, type);
  if (*value != '\0' && mw_tie_type_from_synonym (value, type))
    return TRUE;
  name = g_hash_table_lookup (plan->tie_map, ANY_VALUE);
  return name != NULL && mw_tie_type_from_synonym (name, type);
}

static gboolean
kind_from_name (const char  *name,
                MwActorKind *kind)
{
  if (mw_actor_kind_from_string (name, kind))
    return TRUE;
  /* the short forms survey tools and people write */
  if (g_ascii_strcasecmp (name, "org") == 0 || g_ascii_strcasecmp (name, "organisations") == 0 ||
      g_ascii_strcasecmp (name, "organizations") == 0 || g_ascii_strcasecmp (name, "agency") == 0)
    *kind = MW_ACTOR_ORGANISATION;
  else if (g_ascii_strcasecmp (name, "people") == 0 || g_ascii_strcasecmp (name, "individual") == 0)
    *kind = MW_ACTOR_PERSON;
  else if (g_ascii_strcasecmp (name, "group") == 0 || g_ascii_strcasecmp (name, "teams") == 0)
    *kind = MW_ACTOR_TEAM;
  else
    return FALSE;
  return TRUE;
}

static gboolean
map_kind_value (const MwInterpretPlan *plan,
                const char            *value,
                MwActorKind           *kind)
{
  const char *name = g_hash_table_lookup (plan->kind_map, value);

  if (name != NULL)
    return kind_from_name (name, kind);
  if (*value != '\0' && kind_from_name (value, kind))
    return TRUE;
  name = g_hash_table_lookup (plan->kind_map, ANY_VALUE);
  return name != NULL && kind_from_name (name, kind);
}

/* What the plan makes of one tie; FALSE when it cannot map its value. */
static gboolean
tie_type_for (MwNetwork             *network,
              const MwInterpretPlan *plan,
              const MwTie           *tie,
              MwTieType             *type)
{
  switch (plan->ties)
    {
    case MW_INTERPRET_ALL:
      *type = plan->tie_type;
      return TRUE;
    case MW_INTERPRET_ATTRIBUTE:
      return map_tie_value (plan, attr_value (tie->attrs, mw_network_get_edge_defaults (network),
                                              plan->tie_attr), type);
    case MW_INTERPRET_KEEP:
    case MW_INTERPRET_NONE:
    default:
      *type = tie->type;
      return TRUE;
    }
}

static gboolean
actor_kind_for (MwNetwork             *network,
                const MwInterpretPlan *plan,
                const MwActor         *actor,
                MwActorKind           *kind)
{
  switch (plan->kinds)
    {
    case MW_INTERPRET_ALL:
      *kind = plan->kind;
      return TRUE;
    case MW_INTERPRET_ATTRIBUTE:
      return map_kind_value (plan, actor_value (network, actor, plan->kind_attr), kind);
    case MW_INTERPRET_KEEP:
    case MW_INTERPRET_NONE:
    default:
      *kind = actor->kind;
      return TRUE;
    }
}

/* The organisation (or unit) the plan gives @actor. */
static const char *
group_for (MwNetwork         *network,
           MwInterpretSource  source,
           const char        *attr,
           const MwActor     *actor,
           const char        *loaded)
{
  switch (source)
    {
    case MW_INTERPRET_ATTRIBUTE:
      return actor_value (network, actor, attr);
    case MW_INTERPRET_NONE:
      return "";
    case MW_INTERPRET_KEEP:
    case MW_INTERPRET_ALL:
    default:
      return loaded;
    }
}

/* FALSE when the weight attribute's value is no number. */
static gboolean
weight_for (MwNetwork             *network,
            const MwInterpretPlan *plan,
            const MwTie           *tie,
            double                *weight)
{
  switch (plan->weight)
    {
    case MW_INTERPRET_ATTRIBUTE:
      return mw_parse_number (attr_value (tie->attrs, mw_network_get_edge_defaults (network),
                                          plan->weight_attr), weight);
    case MW_INTERPRET_NONE:
      *weight = 1.0;
      return TRUE;
    case MW_INTERPRET_KEEP:
    case MW_INTERPRET_ALL:
    default:
      *weight = tie->weight;
      return TRUE;
    }
}

/* The ties a plan drops: each collaboration whose reverse, earlier in the
 * file, is a collaboration too. Returns a new array of MwTie*. */
static GPtrArray *
reciprocal_ties (MwNetwork             *network,
                 const MwInterpretPlan *plan)
{
  GPtrArray *dropped = g_ptr_array_new ();
  g_autoptr(GHashTable) kept = NULL;

  if (plan->keep_reciprocal)
    return dropped;

  kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      gint64 reverse = (gint64) tie->to->index << 32 | tie->from->index;
      gint64 *key;
      MwTieType type;

      if (!tie_type_for (network, plan, tie, &type) || type != MW_TIE_COLLABORATES ||
          tie->from == tie->to)
        continue;
      if (g_hash_table_contains (kept, &reverse))
        {
          g_ptr_array_add (dropped, tie);
          continue;
        }
      key = g_new (gint64, 1);
      *key = (gint64) tie->from->index << 32 | tie->to->index;
      g_hash_table_add (kept, key);
    }

  return dropped;
}

static GStrv
sorted_keys (GHashTable *set)
{
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, NULL);

  return g_strdupv ((char **) keys);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GStrv
set_to_strv (GHashTable *set)
{
  GStrv strv = sorted_keys (set);

  qsort (strv, g_strv_length (strv), sizeof (char *), compare_strings);
  return strv;
}

/**
 * mw_interpret_preview:
 *
 * Counts what @plan would make of @network without changing it.
 *
 * Returns: (transfer full): the preview
 */
MwInterpretPreview *
mw_interpret_preview (MwNetwork             *network,
                      const MwInterpretPlan *plan)
{
  MwInterpretPreview *preview = g_new0 (MwInterpretPreview, 1);
  g_autoptr(GHashTable) unmapped_ties = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) unmapped_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) bad_weights = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) orgs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) merged = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (network) && plan != NULL, preview);

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      const char *org = group_for (network, plan->org, plan->org_attr, actor, actor->org);
      const char *unit = group_for (network, plan->unit, plan->unit_attr, actor, actor->unit);
      MwActorKind kind;

      if (actor_kind_for (network, plan, actor, &kind))
        preview->n_kinds[kind]++;
      else
        g_hash_table_add (unmapped_kinds, (char *) actor_value (network, actor, plan->kind_attr));
      if (*org != '\0')
        g_hash_table_add (orgs, (char *) org);
      if (*unit != '\0')
        g_hash_table_add (units, (char *) unit);
    }

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      MwTieType type;
      double weight;

      if (tie_type_for (network, plan, tie, &type))
        preview->n_ties[type]++;
      else
        g_hash_table_add (unmapped_ties,
                          (char *) attr_value (tie->attrs, mw_network_get_edge_defaults (network),
                                               plan->tie_attr));
      if (!weight_for (network, plan, tie, &weight))
        g_hash_table_add (bad_weights,
                          (char *) attr_value (tie->attrs, mw_network_get_edge_defaults (network),
                                               plan->weight_attr));
      else if (weight != 1.0)
        preview->n_weighted++;
    }

  merged = reciprocal_ties (network, plan);
  preview->n_merged = merged->len;
  preview->n_ties[MW_TIE_COLLABORATES] -= merged->len;

  preview->n_orgs = g_hash_table_size (orgs);
  preview->n_units = g_hash_table_size (units);
  preview->unmapped_ties = set_to_strv (unmapped_ties);
  preview->unmapped_kinds = set_to_strv (unmapped_kinds);
  preview->bad_weights = set_to_strv (bad_weights);

  return preview;
}

void
mw_interpret_preview_free (MwInterpretPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->unmapped_ties);
  g_strfreev (preview->unmapped_kinds);
  g_strfreev (preview->bad_weights);
  g_free (preview);
}

/* "“a”, “b” and (no value)" for an error message. */
static char *
quote_values (const char * const *values)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      if (*values[i] == '\0')
        g_string_append (text, _("(no value)"));
      else
        g_string_append_printf (text, "“%s”", values[i]);
    }

  return g_string_free (text, FALSE);
}

gboolean
mw_interpret_preview_check (const MwInterpretPreview *preview,
                            const MwInterpretPlan    *plan,
                            GError                  **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  g_return_val_if_fail (preview != NULL && plan != NULL, FALSE);

  if (preview->unmapped_ties[0] != NULL)
    {
      g_autofree char *values = quote_values ((const char * const *) preview->unmapped_ties);

      g_string_append_printf (message,
                              _("These values of “%s” map to no tie type: %s. "
                                "Map them with VALUE=TYPE (reports, collaborates, influences or checks), "
                                "or “*=TYPE” for every other value."),
                              plan->tie_attr, values);
    }
  if (preview->unmapped_kinds[0] != NULL)
    {
      g_autofree char *values = quote_values ((const char * const *) preview->unmapped_kinds);

      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append_printf (message,
                              _("These values of “%s” map to no actor kind: %s. "
                                "Map them with VALUE=KIND (person, team or organisation), "
                                "or “*=KIND” for every other value."),
                              plan->kind_attr, values);
    }
  if (preview->bad_weights[0] != NULL)
    {
      g_autofree char *values = quote_values ((const char * const *) preview->bad_weights);

      if (message->len > 0)
        g_string_append_c (message, ' ');
      g_string_append_printf (message, _("These values of “%s” are no weight: %s."),
                              plan->weight_attr, values);
    }

  if (message->len == 0)
    return TRUE;

  g_set_error_literal (error, MW_ERROR, MW_ERROR_INVALID, message->str);
  return FALSE;
}

static void
apply_to_actor (MwNetwork             *network,
                MwEdit                *edit,
                const MwInterpretPlan *plan,
                MwActor               *actor)
{
  g_autofree char *org = g_strdup (group_for (network, plan->org, plan->org_attr, actor, actor->org));
  g_autofree char *unit = g_strdup (group_for (network, plan->unit, plan->unit_attr, actor, actor->unit));
  MwActorKind kind = actor->kind;

  actor_kind_for (network, plan, actor, &kind);
  if (kind == actor->kind && strcmp (org, actor->org) == 0 && strcmp (unit, actor->unit) == 0)
    return;

  mw_edit_touch_actor (edit, actor);
  mw_network_set_actor_kind (network, actor, kind);
  mw_network_set_actor_org (network, actor, org);
  mw_network_set_actor_unit (network, actor, unit);
}

static void
apply_to_tie (MwNetwork             *network,
              MwEdit                *edit,
              const MwInterpretPlan *plan,
              MwTie                 *tie)
{
  MwTieType type = tie->type;
  double weight = tie->weight;

  tie_type_for (network, plan, tie, &type);
  weight_for (network, plan, tie, &weight);
  if (type == tie->type && weight == tie->weight)
    return;

  mw_edit_touch_tie (edit, tie);
  mw_network_set_tie_type (network, tie, type);
  mw_network_set_tie_weight (network, tie, weight);
}

/**
 * mw_interpret_apply:
 *
 * Returns: %TRUE when applied; %FALSE with @error, and nothing changed,
 *   when a value cannot be mapped or another edit is in progress
 */
gboolean
mw_interpret_apply (MwHistory             *history,
                    const MwInterpretPlan *plan,
                    GError               **error)
{
  MwNetwork *network;
  g_autoptr(MwInterpretPreview) preview = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  MwEdit *edit;

  g_return_val_if_fail (MW_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  network = mw_history_get_network (history);
  preview = mw_interpret_preview (network, plan);
  if (!mw_interpret_preview_check (preview, plan, error))
    return FALSE;
  if (mw_history_is_editing (history))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_FAILED,
                           _("Another change is in progress; try again when it is done."));
      return FALSE;
    }

  /* one batch, so that views re-read the network once, not per actor */
  mw_network_begin_batch (network, _("Interpret Network"));
  merged = reciprocal_ties (network, plan);
  edit = mw_history_begin (history, _("Interpret Network"));
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    apply_to_actor (network, edit, plan, mw_network_get_actor (network, i));
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    apply_to_tie (network, edit, plan, mw_network_get_tie (network, i));
  for (guint i = 0; i < merged->len; i++)
    mw_edit_remove_tie (edit, g_ptr_array_index (merged, i));
  mw_history_commit (history, edit);
  /* the graph attribute is no undo step of its own: undoing the
   * interpretation leaves the answers given, as a saved file would */
  mw_network_set_attr (network, MW_INTERPRET_MARK, "true");
  mw_network_end_batch (network);

  return TRUE;
}

static gboolean
has_meshwork_key (GHashTable *attrs)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "mw_"))
      return TRUE;

  return FALSE;
}

gboolean
mw_interpret_is_guessed (MwNetwork *network)
{
  MwTieType guessed;

  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);

  if (mw_network_get_n_actors (network) == 0 || has_meshwork_key (mw_network_get_attrs (network)) ||
      has_meshwork_key (mw_network_get_node_defaults (network)) ||
      has_meshwork_key (mw_network_get_edge_defaults (network)))
    return FALSE;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (actor->kind != MW_ACTOR_PERSON || *actor->org != '\0' || *actor->notes != '\0' ||
          actor->purpose || actor->initiative || has_meshwork_key (actor->attrs))
        return FALSE;
    }

  /* what the loaders make of another tool's edges */
  guessed = mw_network_get_directed (network) ? MW_TIE_INFLUENCES : MW_TIE_COLLABORATES;
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->type != guessed || has_meshwork_key (tie->attrs))
        return FALSE;
    }

  return TRUE;
}

static GStrv
list_attrs (MwNetwork *network,
            gboolean   ties)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = ties ? mw_network_get_n_ties (network) : mw_network_get_n_actors (network);
  GHashTable *defaults = ties ? mw_network_get_edge_defaults (network) : mw_network_get_node_defaults (network);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n; i++)
    {
      GHashTable *attrs = ties ? mw_network_get_tie (network, i)->attrs : mw_network_get_actor (network, i)->attrs;

      g_hash_table_iter_init (&iter, attrs);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (names, key);
    }
  g_hash_table_iter_init (&iter, defaults);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (names, key);

  return set_to_strv (names);
}

GStrv
mw_interpret_list_actor_attrs (MwNetwork *network)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  return list_attrs (network, FALSE);
}

GStrv
mw_interpret_list_tie_attrs (MwNetwork *network)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  return list_attrs (network, TRUE);
}
