/* mw-network-fields.c: an actor's or a tie's fields changed, each change announced
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <math.h>

#include "mw-network-private.h"

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

  if (_mw_ref_string_set (field, value))
    _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, which, actor, NULL);
}

static char **
actor_string_field (MwActor *actor,
                    MwField  field)
{
  switch ((int)field)
    {
    case MW_FIELD_LABEL:
      return &actor->label;
    case MW_FIELD_ORG:
      return &actor->org;
    case MW_FIELD_UNIT:
      return &actor->unit;
    case MW_FIELD_NOTES:
      return &actor->notes;
    default:
      return NULL;
    }
}

/**
 * mw_network_share_actor_string:
 * @field: %MW_FIELD_LABEL, %MW_FIELD_ORG, %MW_FIELD_UNIT or %MW_FIELD_NOTES
 * @ref_string: a non-empty, valid UTF-8 #GRefString
 *
 * Sets the field to @ref_string itself, taking a reference rather than a
 * copy, so that many actors can hold one long value (a declared default)
 * for the memory of one. Announced like the other setters.
 */
void
mw_network_share_actor_string (MwNetwork *self,
                               MwActor   *actor,
                               MwField    field,
                               char      *ref_string)
{
  char **pointer;

  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (ref_string != NULL && *ref_string != '\0');

  pointer = actor_string_field (actor, field);
  g_return_if_fail (pointer != NULL);

  if (_mw_ref_string_share (pointer, ref_string))
    _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, field, actor, NULL);
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
  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_KIND, actor, NULL);
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
  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_PURPOSE, actor, NULL);
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
  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_INITIATIVE, actor, NULL);
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
  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_PINNED, actor, NULL);
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
  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_POSITION, actor, NULL);
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
  _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_POSITION, actor, NULL);
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
  if (_mw_string_table_set (_mw_string_table_writable (&actor->attrs), key, value))
    _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_ATTRS, actor, NULL);
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

  _mw_network_detach_tie (tie->from, MW_OUT_GROUP (tie->type), tie);
  _mw_network_detach_tie (tie->to, MW_IN_GROUP (tie->type), tie);
  tie->type = type;
  _mw_network_attach_tie (tie->from, MW_OUT_GROUP (type), tie);
  _mw_network_attach_tie (tie->to, MW_IN_GROUP (type), tie);

  _mw_network_emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_TIE_TYPE, NULL, tie);
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
  _mw_network_emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_WEIGHT, NULL, tie);
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

  _mw_network_detach_tie (tie->from, MW_OUT_GROUP (tie->type), tie);
  _mw_network_detach_tie (tie->to, MW_IN_GROUP (tie->type), tie);
  tie->from = from;
  tie->to = to;
  _mw_network_attach_tie (from, MW_OUT_GROUP (tie->type), tie);
  _mw_network_attach_tie (to, MW_IN_GROUP (tie->type), tie);

  _mw_network_emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_ENDPOINTS, NULL, tie);
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
  if (_mw_string_table_set (_mw_string_table_writable (&tie->attrs), key, value))
    _mw_network_emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_ATTRS, NULL, tie);
}

/* "" in a string table: unlike the setters, where "" removes the attribute. */
static gboolean
string_table_blank (GHashTable  **table,
                    const char   *key)
{
  const char *old = g_hash_table_lookup (*table, key);

  if (old != NULL && *old == '\0')
    return FALSE;

  g_hash_table_insert (_mw_string_table_writable (table), g_strdup (key), g_strdup (""));
  return TRUE;
}

/**
 * mw_network_blank_actor_attr:
 *
 * Sets @key to the empty string, which a file uses to override a declared
 * default for one node (`node [color=grey]` declared after it). The setter
 * takes "" for removing the attribute instead.
 */
void
mw_network_blank_actor_attr (MwNetwork  *self,
                             MwActor    *actor,
                             const char *key)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (key != NULL);

  if (string_table_blank (&actor->attrs, key))
    _mw_network_emit_change (self, MW_CHANGE_ACTOR_CHANGED, MW_FIELD_ATTRS, actor, NULL);
}

/* The same for a tie: `edge [style=invis]` after the edges it must not hide. */
void
mw_network_blank_tie_attr (MwNetwork  *self,
                           MwTie      *tie,
                           const char *key)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (tie != NULL);
  g_return_if_fail (key != NULL);

  if (string_table_blank (&tie->attrs, key))
    _mw_network_emit_change (self, MW_CHANGE_TIE_CHANGED, MW_FIELD_ATTRS, NULL, tie);
}
