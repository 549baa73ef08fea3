/* mw-row-item.c: one row of the data table — a light handle on an actor or a tie
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork"

#include "mw-row-item.h"

/* Made by MwRowList only while a view asks for the row, so 100,000 actors
 * are not 100,000 objects; the list forgets its rows (pointers to NULL)
 * before the actors and ties they point at can go. */
struct _MwRowItem
{
  GObject  parent_instance;

  MwActor *actor;   /* (nullable) borrowed from the network */
  MwTie   *tie;     /* (nullable) borrowed from the network */
};

G_DEFINE_FINAL_TYPE (MwRowItem, mw_row_item, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
mw_row_item_class_init (MwRowItemClass *klass)
{
  /* The row's cells read the network again. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mw_row_item_init (MwRowItem *self)
{
}

MwRowItem *
mw_row_item_new (MwActor *actor,
                 MwTie   *tie)
{
  MwRowItem *self = g_object_new (MW_TYPE_ROW_ITEM, NULL);

  self->actor = actor;
  self->tie = tie;
  return self;
}

/* Returns: (nullable): the actor of the row, NULL for a tie or a row forgotten */
MwActor *
mw_row_item_get_actor (MwRowItem *self)
{
  g_return_val_if_fail (MW_IS_ROW_ITEM (self), NULL);
  return self->actor;
}

/* Returns: (nullable): the tie of the row, NULL for an actor or a row forgotten */
MwTie *
mw_row_item_get_tie (MwRowItem *self)
{
  g_return_val_if_fail (MW_IS_ROW_ITEM (self), NULL);
  return self->tie;
}

/* Returns: (nullable): the actor or tie, as the key MwRowList keeps it by */
gpointer
mw_row_item_get_row (MwRowItem *self)
{
  g_return_val_if_fail (MW_IS_ROW_ITEM (self), NULL);
  return self->actor != NULL ? (gpointer) self->actor : (gpointer) self->tie;
}

/* Returns: the actor's or tie's index in the network, G_MAXUINT when forgotten */
guint
mw_row_item_get_index (MwRowItem *self)
{
  g_return_val_if_fail (MW_IS_ROW_ITEM (self), G_MAXUINT);

  if (self->actor != NULL)
    return self->actor->index;
  if (self->tie != NULL)
    return self->tie->index;
  return G_MAXUINT;
}

/* The row's actor or tie may go: the row shows nothing from now on. */
void
mw_row_item_forget (MwRowItem *self)
{
  g_return_if_fail (MW_IS_ROW_ITEM (self));

  self->actor = NULL;
  self->tie = NULL;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The item shows another row from now: the row list keeps the items a
 * view holds at their positions when the rows under them change. */
void
mw_row_item_set_row (MwRowItem *self,
                     MwActor   *actor,
                     MwTie     *tie)
{
  g_return_if_fail (MW_IS_ROW_ITEM (self));

  self->actor = actor;
  self->tie = tie;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mw_row_item_changed (MwRowItem *self)
{
  g_return_if_fail (MW_IS_ROW_ITEM (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
