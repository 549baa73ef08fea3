/* mw-dot-arena.c: one arena for all of cgraph's memory while a file is read
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cgraph makes one small allocation per node, edge, name, attribute
 * record and dictionary entry. From malloc each costs its header and its
 * rounding, and agclose() gives them back one at a time through every
 * dictionary (an eighth of a large load). Here they come from large
 * blocks, each with an 8-byte size in front; a freed block waits in a
 * list of its size for the next allocation of that size; and the whole
 * graph goes when the arena does, without agclose().
 */

#define _GNU_SOURCE  /* MAP_ANONYMOUS */
#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "mw-dot-private.h"

#define ARENA_BLOCK   (1024 * 1024)
#define ALIGNMENT     8
#define N_FREE_LISTS  64    /* sizes up to 64 × 8 bytes are reused */

typedef struct _FreeItem FreeItem;
struct _FreeItem
{
  FreeItem *next;
};

typedef struct
{
  void  *start;
  gsize  size;
} Block;

struct _MwDotArena
{
  GArray    *blocks;        /* Block, each mapped */
  char      *at;            /* the next free byte of the current block */
  char      *end;
  FreeItem  *free_lists[N_FREE_LISTS + 1];
  gsize      in_blocks;     /* bytes held in blocks */
};

static gsize
round_up (gsize size)
{
  return (size + ALIGNMENT - 1) & ~(gsize)(ALIGNMENT - 1);
}

static void *
arena_open (Agdisc_t *disc)
{
  MwDotArena *arena = g_new0 (MwDotArena, 1);

  arena->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  return arena;
}

/* Blocks are mapped, not taken from malloc: they come zeroed, they go
 * back to the system the moment the arena is freed, and they leave
 * malloc's own heap and thresholds as they were. */
static char *
map_block (MwDotArena *arena,
           gsize       size)
{
  Block block = { mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), size };

  if (block.start == MAP_FAILED)
    g_error ("%s: out of memory (%" G_GSIZE_FORMAT " bytes)", G_STRLOC, size);
  g_array_append_val (arena->blocks, block);
  arena->in_blocks += size;
  return block.start;
}

/* What is reused is zeroed by arena_alloc(), as cgraph expects of its
 * allocator; fresh memory is zero already. */
static char *
carve (MwDotArena *arena,
       gsize       size)
{
  char *block;

  /* a large table gets a block of its own; the current block stays */
  if (size > ARENA_BLOCK / 4)
    return map_block (arena, size);

  if ((gsize)(arena->end - arena->at) < size)
    {
      arena->at = map_block (arena, ARENA_BLOCK);
      arena->end = arena->at + ARENA_BLOCK;
    }

  block = arena->at;
  arena->at += size;
  return block;
}

static void *
arena_alloc (void   *state,
             size_t  request)
{
  MwDotArena *arena = state;
  gsize size = round_up (MAX (request, sizeof (FreeItem)));
  gsize slot = size / ALIGNMENT;
  gsize *header;

  if (slot <= N_FREE_LISTS && arena->free_lists[slot] != NULL)
    {
      FreeItem *item = arena->free_lists[slot];

      arena->free_lists[slot] = item->next;
      memset (item, 0, size);
      return item;
    }

  header = (gsize *)carve (arena, size + sizeof (gsize));
  *header = size;
  return header + 1;
}

static void
arena_free (void *state,
            void *ptr)
{
  MwDotArena *arena = state;
  gsize size;
  gsize slot;
  FreeItem *item = ptr;

  if (ptr == NULL)
    return;

  size = ((gsize *)ptr)[-1];
  slot = size / ALIGNMENT;
  if (slot > N_FREE_LISTS)
    return;  /* a large block stays until the arena goes */

  item->next = arena->free_lists[slot];
  arena->free_lists[slot] = item;
}

static void *
arena_resize (void   *state,
              void   *ptr,
              size_t  old,
              size_t  request)
{
  void *moved;

  if (ptr != NULL && request <= ((gsize *)ptr)[-1])
    {
      if (request > old)
        memset ((char *)ptr + old, 0, request - old);
      return ptr;
    }

  moved = arena_alloc (state, request);
  if (ptr != NULL)
    {
      memcpy (moved, ptr, MIN (old, request));
      arena_free (state, ptr);
    }
  return moved;
}

/* agclose() calls this last: cgraph closes a graph it could not finish
 * reading. A graph that was read is freed with its arena instead. */
static void
arena_close (void *state)
{
  _mw_dot_arena_free (state);
}

static const Agmemdisc_t arena_disc = {
  arena_open, arena_alloc, arena_resize, arena_free, arena_close,
};

/**
 * _mw_dot_arena_disc:
 *
 * Returns: the memory discipline whose open() makes a new arena; the
 *   graph's arena is _mw_dot_arena_of()
 */
Agmemdisc_t *
_mw_dot_arena_disc (void)
{
  return (Agmemdisc_t *)&arena_disc;
}

/**
 * _mw_dot_arena_of:
 *
 * Returns: (transfer none): the arena a graph read with _mw_dot_arena_disc()
 *   lives in
 */
MwDotArena *
_mw_dot_arena_of (Agraph_t *graph)
{
  return graph->clos->state.mem;
}

gsize
_mw_dot_arena_size (MwDotArena *arena)
{
  return arena->in_blocks;
}

/* Frees the graph in it with it: the graph must not be used again, and
 * agclose() must not be called on it. */
void
_mw_dot_arena_free (MwDotArena *arena)
{
  if (arena == NULL)
    return;

  for (guint i = 0; i < arena->blocks->len; i++)
    munmap (g_array_index (arena->blocks, Block, i).start, g_array_index (arena->blocks, Block, i).size);
  g_array_unref (arena->blocks);
  g_free (arena);
}
