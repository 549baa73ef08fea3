/* mw-row-list.c: the actors or the ties of a network as a GListModel of MwRowItem
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-table"

#include <string.h>
#include <time.h>

#include "mw-row-list.h"

/* Position i is the network's actor (or tie) of index i, unless an order
 * (a sort) or matches (a filter) say otherwise. An item is made when a
 * view asks for it and kept in `alive` only while someone holds it, so a
 * table of 100,000 actors makes the few dozen rows on screen. The
 * network's "changed" becomes "items-changed" (an actor appended, or every
 * row after a removal or a batch) or the item's own "changed" (a field).
 * A new order or new matches keep the items a view holds where they are
 * and let them show the new rows (see rearrange()); only positions that
 * come or go are announced, so GTK keeps its row widgets. */
struct _MwRowList
{
  GObject      parent_instance;

  MwNetwork   *network;
  MwTableKind  kind;
  guint        n_rows;    /* actors or ties, as last read */
  guint        n_items;   /* positions, as last announced */
  GHashTable  *alive;     /* MwActor* or MwTie* → MwRowItem* (weak) */
  guint       *order;     /* (nullable) n_rows: position → row index, when sorted */
  guint       *place;     /* (nullable) n_rows: row index → position in order */
  guint8      *matches;   /* (nullable) n_rows: row index → shown, when filtered */
  guint       *shown;     /* (nullable) n_items: position → row index, when filtered */
  guint       *interim;   /* (nullable) n_items: position → row index, while rearranging */
  guint        n_untold;  /* positions shown after n_items, told a few at a time (see grow()) */
  guint        grow_id;
};

/* Rows told at once to a view that holds every row: GTK 4.8 makes a
 * widget for each (~0.3 ms a row at 100,000 rows) */
#define GROW_STEP 16
/* a frame's time, and below GTK's drawing: one step a frame, even when frames are late */
#define GROW_INTERVAL_MS 16

static void mw_row_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MwRowList, mw_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mw_row_list_model_init))

enum { CHANGED, REARRANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static guint n_asked;

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* "items-changed", with what the views took to follow it in the debug log. */
static void
emit_items_changed (MwRowList *self,
                    guint      position,
                    guint      removed,
                    guint      added)
{
  gint64 start = thread_cpu_usec ();
  guint asked = n_asked;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  g_debug ("items-changed %u −%u +%u: %.1f ms, %u items asked", position, removed, added, (thread_cpu_usec () - start) / 1000.0, n_asked - asked);
}

/* Tells the rows still to come at once: every change starts from all
 * the rows told. */
static void
finish_growing (MwRowList *self)
{
  guint n = self->n_untold;

  if (n == 0)
    return;
  g_clear_handle_id (&self->grow_id, g_source_remove);
  self->n_untold = 0;
  self->n_items += n;
  emit_items_changed (self, self->n_items - n, 0, n);
}

static gboolean
grow_cb (gpointer data)
{
  MwRowList *self = data;
  guint id = self->grow_id;
  /* once the view holds fewer rows than told, it holds all it will: the rest are free */
  guint step = g_hash_table_size (self->alive) >= self->n_items ? MIN (GROW_STEP, self->n_untold) : self->n_untold;

  self->n_untold -= step;
  self->n_items += step;
  if (self->n_untold == 0)
    self->grow_id = 0;
  emit_items_changed (self, self->n_items - step, 0, step);
  /* a change while told finished the growing, or began another */
  return self->n_untold > 0 && self->grow_id == id ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Tells @added rows after the n_items told. A view holding every row
 * (a filter left few) makes a widget for each new one, up to ~200 (some
 * 60 ms): they are told GROW_STEP a frame. */
static void
grow (MwRowList *self,
      guint      added,
      guint      n_held)
{
  guint now = n_held >= self->n_items && added > GROW_STEP ? GROW_STEP : added;

  self->n_items += now;
  self->n_untold = added - now;
  if (self->n_untold > 0)
    self->grow_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, GROW_INTERVAL_MS, grow_cb, self, NULL);
  emit_items_changed (self, self->n_items - now, 0, now);
}

static guint
count_rows (MwRowList *self)
{
  return self->kind == MW_TABLE_ACTORS ? mw_network_get_n_actors (self->network)
                                       : mw_network_get_n_ties (self->network);
}

static void
item_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  MwRowList *self = data;
  /* weak references are told during dispose: the item can still be read */
  gpointer row = mw_row_item_get_row ((MwRowItem *) where_the_object_was);

  if (row != NULL && g_hash_table_lookup (self->alive, row) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->alive, row);
}

/* Every item now alive shows nothing more; the views get new ones. */
static void
forget_all (MwRowList *self)
{
  g_autoptr(GList) items = g_hash_table_get_values (self->alive);

  g_hash_table_remove_all (self->alive);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_object_weak_unref (l->data, item_gone_cb, self);
      mw_row_item_forget (l->data);
    }
}

static void
clear_order (MwRowList *self)
{
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->place, g_free);
}

static guint
row_at (MwRowList *self,
        guint      position)
{
  if (self->interim != NULL)
    return self->interim[position];
  if (self->shown != NULL)
    return self->shown[position];
  return self->order != NULL ? self->order[position] : position;
}

/* The rows the filter keeps, in the order's order. */
static void
update_shown (MwRowList *self)
{
  guint n = 0;

  if (self->matches == NULL)
    {
      g_clear_pointer (&self->shown, g_free);
      self->n_items = self->n_rows;
      return;
    }
  self->shown = g_renew (guint, self->shown, MAX (self->n_rows, 1));
  for (guint p = 0; p < self->n_rows; p++)
    {
      guint row = self->order != NULL ? self->order[p] : p;

      if (self->matches[row])
        self->shown[n++] = row;
    }
  self->n_items = n;
}

/* Returns: (transfer full): the row index at each position now */
static guint *
positions_now (MwRowList *self)
{
  guint *rows = g_new (guint, MAX (self->n_items, 1));

  for (guint p = 0; p < self->n_items; p++)
    rows[p] = row_at (self, p);
  return rows;
}

/* Announces the span between the first and the last position whose row
 * changed since @before (positions_now() of then, @n_before long). */
static void
announce (MwRowList *self,
          guint     *before,
          guint      n_before)
{
  guint n = MIN (n_before, self->n_items);
  guint head = 0, tail = 0;

  while (head < n && before[head] == row_at (self, head))
    head++;
  while (tail < n - head && before[n_before - 1 - tail] == row_at (self, self->n_items - 1 - tail))
    tail++;
  g_free (before);
  if (head == n_before && n_before == self->n_items)
    return;
  emit_items_changed (self, head, n_before - head - tail, self->n_items - head - tail);
}

static void
reset (MwRowList *self)
{
  guint old_n = self->n_items;

  g_assert (MW_IS_ROW_LIST (self));

  forget_all (self);
  /* as many rows are still a permutation: sorted again soon, they do not jump to the file's order first;
   * the filter keeps its matches until the view has read the rows again */
  if (count_rows (self) != self->n_rows)
    {
      clear_order (self);
      g_clear_pointer (&self->matches, g_free);
    }
  self->n_rows = count_rows (self);
  update_shown (self);
  emit_items_changed (self, 0, old_n, self->n_items);
}

static void
changed_one (MwRowList *self,
             gpointer   row)
{
  MwRowItem *item = row != NULL ? g_hash_table_lookup (self->alive, row) : NULL;

  if (item != NULL)
    mw_row_item_changed (item);
}

static void
added (MwRowList *self,
       guint      index)
{
  /* a new actor or tie is appended; anything else reorders the rows */
  if (index != self->n_rows || count_rows (self) != self->n_rows + 1)
    {
      reset (self);
      return;
    }
  if (self->order != NULL)
    {
      /* at the end until the rows are sorted again */
      self->order = g_renew (guint, self->order, index + 1);
      self->place = g_renew (guint, self->place, index + 1);
      self->order[index] = self->place[index] = index;
    }
  self->n_rows++;
  if (self->matches != NULL)
    {
      /* shown until the view reads whether it matches */
      self->matches = g_renew (guint8, self->matches, self->n_rows);
      self->matches[index] = TRUE;
      self->shown = g_renew (guint, self->shown, self->n_items + 1);
      self->shown[self->n_items] = index;
    }
  self->n_items++;
  emit_items_changed (self, self->n_items - 1, 0, 1);
}

static void
network_changed_cb (MwRowList      *self,
                    const MwChange *change)
{
  gboolean actors = self->kind == MW_TABLE_ACTORS;

  g_assert (MW_IS_ROW_LIST (self));

  finish_growing (self);
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_ADDED:
      if (actors)
        added (self, change->actor->index);
      break;
    case MW_CHANGE_TIE_ADDED:
      if (!actors)
        added (self, change->tie->index);
      break;
    case MW_CHANGE_ACTOR_REMOVED:
    case MW_CHANGE_TIE_REMOVED:
    case MW_CHANGE_BATCH:
      if (change->kind == MW_CHANGE_BATCH || actors == (change->kind == MW_CHANGE_ACTOR_REMOVED))
        reset (self);
      break;
    case MW_CHANGE_ACTOR_CHANGED:
      if (actors)
        changed_one (self, change->actor);
      else
        mw_row_list_refresh (self);   /* a tie shows its actors' ids */
      break;
    case MW_CHANGE_TIE_CHANGED:
      if (!actors)
        changed_one (self, change->tie);
      break;
    case MW_CHANGE_NETWORK_CHANGED:
    default:
      break;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static GType
mw_row_list_get_item_type (GListModel *model)
{
  return MW_TYPE_ROW_ITEM;
}

static guint
mw_row_list_get_n_items (GListModel *model)
{
  return MW_ROW_LIST (model)->n_items;
}

static gpointer
mw_row_list_get_item (GListModel *model,
                      guint       position)
{
  MwRowList *self = MW_ROW_LIST (model);
  MwActor *actor = NULL;
  n_asked++;
  MwTie *tie = NULL;
  gpointer row;
  MwRowItem *item;

  if (position >= self->n_items || position >= count_rows (self))
    return NULL;

  position = row_at (self, position);
  if (position >= count_rows (self))
    return NULL;
  if (self->kind == MW_TABLE_ACTORS)
    row = actor = mw_network_get_actor (self->network, position);
  else
    row = tie = mw_network_get_tie (self->network, position);

  item = g_hash_table_lookup (self->alive, row);
  if (item != NULL)
    return g_object_ref (item);

  item = mw_row_item_new (actor, tie);
  g_hash_table_insert (self->alive, row, item);
  g_object_weak_ref (G_OBJECT (item), item_gone_cb, self);
  return item;
}

static void
mw_row_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mw_row_list_get_item_type;
  iface->get_n_items = mw_row_list_get_n_items;
  iface->get_item = mw_row_list_get_item;
}

static void
mw_row_list_dispose (GObject *object)
{
  MwRowList *self = MW_ROW_LIST (object);

  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (self->alive != NULL)
    forget_all (self);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (mw_row_list_parent_class)->dispose (object);
}

static void
mw_row_list_finalize (GObject *object)
{
  MwRowList *self = MW_ROW_LIST (object);

  g_clear_pointer (&self->alive, g_hash_table_unref);
  clear_order (self);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (mw_row_list_parent_class)->finalize (object);
}

static void
mw_row_list_class_init (MwRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mw_row_list_dispose;
  object_class->finalize = mw_row_list_finalize;

  /* After the rows followed any change of the network. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The rows under the items a view holds changed (a sort, a filter): the
   * items stayed and show other rows, and no "items-changed" said so. */
  signals[REARRANGED] =
    g_signal_new ("rearranged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mw_row_list_init (MwRowList *self)
{
  self->alive = g_hash_table_new (NULL, NULL);
}

/**
 * mw_row_list_new:
 *
 * Returns: (transfer full): the rows of @network's actors or ties, which
 *   follow its changes
 */
MwRowList *
mw_row_list_new (MwNetwork   *network,
                 MwTableKind  kind)
{
  MwRowList *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_object_new (MW_TYPE_ROW_LIST, NULL);
  self->network = g_object_ref (network);
  self->kind = kind;
  self->n_rows = self->n_items = count_rows (self);
  g_signal_connect_swapped (network, "changed", G_CALLBACK (network_changed_cb), self);
  return self;
}

/* Returns: (transfer none): the network */
MwNetwork *
mw_row_list_get_network (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), NULL);
  return self->network;
}

MwTableKind
mw_row_list_get_kind (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), MW_TABLE_ACTORS);
  return self->kind;
}

/* How many items exist now — a view of 100,000 rows should hold only dozens. */
guint
mw_row_list_get_n_alive (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), 0);
  return g_hash_table_size (self->alive);
}

/* Every row alive reads its cells again (the measures arrived, a tie's actor was renamed). */
void
mw_row_list_refresh (MwRowList *self)
{
  g_autoptr(GList) items = NULL;

  g_return_if_fail (MW_IS_ROW_LIST (self));

  items = g_hash_table_get_values (self->alive);
  for (GList *l = items; l != NULL; l = l->next)
    mw_row_item_changed (l->data);
}

typedef struct
{
  guint      position;
  MwRowItem *item;
} Held;

static int
compare_held (gconstpointer a,
              gconstpointer b)
{
  guint x = ((const Held *) a)->position, y = ((const Held *) b)->position;

  return (x > y) - (x < y);
}

/* Drops the item from the rows alive: it shows nothing any more. */
static void
let_go (MwRowList *self,
        MwRowItem *item)
{
  g_object_weak_unref (G_OBJECT (item), item_gone_cb, self);
  mw_row_item_forget (item);
}

/* Returns: (transfer full): the items alive at a position of @rows (@n
 * long), by position; those at none are forgotten. */
static GArray *
held_items (MwRowList   *self,
            const guint *rows,
            guint        n)
{
  g_autofree guint *place = g_new (guint, MAX (self->n_rows, 1));
  GArray *held = g_array_new (FALSE, FALSE, sizeof (Held));
  g_autoptr(GList) items = g_hash_table_get_values (self->alive);

  memset (place, 0xff, MAX (self->n_rows, 1) * sizeof (guint));
  for (guint p = 0; p < n; p++)
    place[rows[p]] = p;
  for (GList *l = items; l != NULL; l = l->next)
    {
      guint row = mw_row_item_get_index (l->data);
      Held h = { row < self->n_rows ? place[row] : G_MAXUINT, l->data };

      if (h.position != G_MAXUINT)
        g_array_append_val (held, h);
      else
        {
          g_hash_table_remove (self->alive, mw_row_item_get_row (l->data));
          let_go (self, l->data);
        }
    }
  g_array_sort (held, compare_held);
  return held;
}

/* Removes rows no item is held at from before the held ones, so that the
 * last held item sits before @n_new: a view scrolled far down keeps its
 * rows (and their widgets) when the rows become fewer. Each removal is
 * told, with @rows (@n long) shown meanwhile. */
static guint
compact (MwRowList *self,
         guint     *rows,
         guint      n,
         GArray    *held,
         guint      n_new)
{
  guint need, gap_start = 0;

  if (held->len == 0 || g_array_index (held, Held, held->len - 1).position < n_new)
    return n;
  need = g_array_index (held, Held, held->len - 1).position - (n_new - 1);
  self->interim = rows;
  for (guint i = 0; i < held->len && need > 0; i++)
    {
      guint p = g_array_index (held, Held, i).position;
      guint k = MIN (p - gap_start, need);

      if (k > 0)
        {
          memmove (rows + p - k, rows + p, (n - p) * sizeof (guint));
          n -= k;
          need -= k;
          for (guint j = i; j < held->len; j++)
            g_array_index (held, Held, j).position -= k;
          self->n_items = n;
          emit_items_changed (self, p - k, k, 0);
        }
      gap_start = g_array_index (held, Held, i).position + 1;
    }
  self->interim = NULL;
  return n;
}

/* The item shows the row at @position from now on. */
static void
point (MwRowList *self,
       MwRowItem *item,
       guint      position)
{
  gpointer row = self->kind == MW_TABLE_ACTORS ? (gpointer) mw_network_get_actor (self->network, row_at (self, position))
                                               : (gpointer) mw_network_get_tie (self->network, row_at (self, position));

  mw_row_item_set_row (item, self->kind == MW_TABLE_ACTORS ? row : NULL, self->kind == MW_TABLE_ACTORS ? NULL : row);
  g_hash_table_insert (self->alive, row, item);
}

/* Fewer rows than the items a view holds (@held, by position): the first
 * of them show every row, the others are let go. Told as one change of
 * every position, GTK 4.8 looks for the items it held among the new
 * positions and keeps their widgets there: it makes no row and only
 * throws away those left over (a new list cost 67–122 ms at 100,000 rows:
 * every row made again). */
static void
hand_over (MwRowList *self,
           GArray    *held)
{
  g_hash_table_remove_all (self->alive);
  for (guint i = 0; i < held->len; i++)
    {
      MwRowItem *item = g_array_index (held, Held, i).item;

      if (i < self->n_items)
        point (self, item, i);
      else
        let_go (self, item);
    }
}

/* The rows' new arrangement (the order and matches already set; @before
 * holds the row at each position until now, @n_before long) told to the
 * views. GTK 4.8 throws away the widgets of every held position told
 * changed and makes new ones — some 100 ms for the ~200 rows it holds —
 * and, when a tracked row (the one in view, the focused one) is among
 * them, asks for every added row to find it again (100,000 objects made).
 * Instead the items held keep their positions and show the new rows
 * there ("rearranged"); only the positions that come or go at the end are
 * told. The other positions hold no item and no widget: GTK asks for
 * them when it shows them. With fewer rows than the view holds, every
 * position is told changed, with items it held at the new ones (see
 * hand_over()). */
static void
rearrange (MwRowList *self,
           guint     *before,
           guint      n_before)
{
  gint64 start = thread_cpu_usec ();
  g_autoptr(GArray) held = held_items (self, before, n_before);
  guint n_new = self->n_items;
  guint n;

  if (held->len > n_new)
    {
      hand_over (self, held);
      g_free (before);
      emit_items_changed (self, 0, n_before, n_new);
      g_debug ("handed over %u → %u rows, %u held: %.1f ms", n_before, n_new, held->len,
               (thread_cpu_usec () - start) / 1000.0);
      g_signal_emit (self, signals[REARRANGED], 0);
      g_debug ("  and the view followed: %.1f ms", (thread_cpu_usec () - start) / 1000.0);
      return;
    }
  n = compact (self, before, n_before, held, n_new);
  /* a view may have asked for rows while told of the removals */
  if (n != n_before)
    {
      g_array_unref (held);
      held = held_items (self, before, n);
    }

  g_hash_table_remove_all (self->alive);
  for (guint i = 0; i < held->len; i++)
    {
      Held *h = &g_array_index (held, Held, i);

      /* only if a view asked for a row past the end while told of the removals */
      if (h->position >= n_new)
        {
          let_go (self, h->item);
          continue;
        }
      point (self, h->item, h->position);
    }
  g_free (before);
  self->n_items = n_new;
  if (n > n_new)
    emit_items_changed (self, n_new, n - n_new, 0);
  else if (n < n_new)
    {
      self->n_items = n;
      grow (self, n_new - n, held->len);
    }
  g_debug ("rearranged %u → %u rows, %u held: %.1f ms", n_before, n_new, held->len,
           (thread_cpu_usec () - start) / 1000.0);
  g_signal_emit (self, signals[REARRANGED], 0);
  g_debug ("  and the view followed: %.1f ms", (thread_cpu_usec () - start) / 1000.0);
}

/**
 * mw_row_list_set_order:
 * @order: (transfer full) (nullable) (array): a row index for each
 *   position, as many as the rows; %NULL for the file's order
 *
 * Shows the rows in @order: a sort made from a key array (in a thread),
 * that makes no row object for the rows off screen.
 */
void
mw_row_list_set_order (MwRowList *self,
                       guint     *order)
{
  guint n_before;
  guint *before;

  g_return_if_fail (MW_IS_ROW_LIST (self));

  finish_growing (self);
  n_before = self->n_items;
  before = positions_now (self);
  clear_order (self);
  if (order != NULL)
    {
      self->order = order;
      self->place = g_new (guint, MAX (self->n_rows, 1));
      for (guint p = 0; p < self->n_rows; p++)
        self->place[order[p]] = p;
    }
  update_shown (self);
  rearrange (self, before, n_before);
}

gboolean
mw_row_list_is_sorted (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), FALSE);
  return self->order != NULL;
}

/**
 * mw_row_list_place_row:
 * @keys: the sort keys the order was made from, @row's key updated
 *
 * Moves @row to where its new key sorts: an edit in the sorted column
 * sorts the row again, without sorting every row.
 */
void
mw_row_list_place_row (MwRowList       *self,
                       MwTableSortKeys *keys,
                       gboolean         descending,
                       guint            row)
{
  guint from, to, n_before;
  guint *before;

  g_return_if_fail (MW_IS_ROW_LIST (self));

  finish_growing (self);
  if (self->order == NULL || row >= self->n_rows)
    return;
  n_before = self->n_items;
  before = positions_now (self);
  from = self->place[row];
  memmove (self->order + from, self->order + from + 1, (self->n_rows - from - 1) * sizeof (guint));
  to = mw_table_sort_keys_find_place (keys, self->order, self->n_rows - 1, row, descending);
  memmove (self->order + to + 1, self->order + to, (self->n_rows - 1 - to) * sizeof (guint));
  self->order[to] = row;
  for (guint p = MIN (from, to); p <= MAX (from, to); p++)
    self->place[self->order[p]] = p;
  update_shown (self);
  rearrange (self, before, n_before);
}

/**
 * mw_row_list_set_matches:
 * @matches: (transfer full) (nullable) (array): for each row index, whether
 *   it is shown; %NULL shows every row
 *
 * Shows only the rows that match a filter: the rows in view change in
 * place, the positions that go are told in one change at the end.
 */
void
mw_row_list_set_matches (MwRowList *self,
                         guint8    *matches)
{
  guint n_before;
  guint *before;

  g_return_if_fail (MW_IS_ROW_LIST (self));

  finish_growing (self);
  n_before = self->n_items;
  before = positions_now (self);
  g_free (self->matches);
  self->matches = matches;
  update_shown (self);
  rearrange (self, before, n_before);
}

/* An edited row comes or goes as it now matches the filter, or not. */
void
mw_row_list_set_row_matches (MwRowList *self,
                             guint      row,
                             gboolean   match)
{
  guint n_before;
  guint *before;

  g_return_if_fail (MW_IS_ROW_LIST (self));

  finish_growing (self);
  if (self->matches == NULL || row >= self->n_rows || self->matches[row] == !!match)
    return;
  n_before = self->n_items;
  before = positions_now (self);
  self->matches[row] = !!match;
  update_shown (self);
  announce (self, before, n_before);
}

/* Whether a filter leaves some rows out (or could). */
gboolean
mw_row_list_is_filtered (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), FALSE);
  return self->matches != NULL;
}

/* The actors or ties, shown or not. */
guint
mw_row_list_get_n_rows (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), 0);
  return self->n_rows;
}

/* The network's index of the row shown at @position, without an item. */
guint
mw_row_list_get_row_index (MwRowList *self,
                           guint      position)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), G_MAXUINT);
  return position < self->n_items ? row_at (self, position) : G_MAXUINT;
}

/* The rows shown, told or still to be told (see grow()). */
guint
mw_row_list_get_n_shown (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), 0);
  return self->n_items + self->n_untold;
}

/* Whether some rows shown are still to be told, a few a main loop turn. */
gboolean
mw_row_list_is_growing (MwRowList *self)
{
  g_return_val_if_fail (MW_IS_ROW_LIST (self), FALSE);
  return self->n_untold > 0;
}
