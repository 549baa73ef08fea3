/* mw-dot-arena.c: cgraph's memory for one load, in large chunks without a header per object
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _DEFAULT_SOURCE  /* MAP_ANONYMOUS */
#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mw-dot-private.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION ((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION ((p), (n))
#else
#define POISON(p, n)   ((void) 0)
#define UNPOISON(p, n) ((void) 0)
#endif

/* cgraph allocates a few small records per node and edge (the node 104
 * bytes, the edge pair 128, its name, two attribute records of 32): with
 * malloc each carries a 16-byte header and rounding, about a fifth of a
 * parsed graph of short lines. Here objects up to MAX_SMALL bytes are slots
 * of chunks that hold one size each; larger ones go to malloc.
 *
 * Chunks are mapped at an address that is a multiple of their size, so a
 * pointer's chunk is found by masking it. A chunk whose slots are all free
 * again is unmapped at once: what a load frees goes back to the system. */
#define CHUNK_BYTES  ((gsize) 1 << 20)
#define GRAIN        8
#define MAX_SMALL    512
#define N_CLASSES    (MAX_SMALL / GRAIN)

typedef struct _Chunk Chunk;

struct _Chunk
{
  Chunk      *prev;       /* in the class's list of chunks with freed slots */
  Chunk      *next;
  void       *free_slots; /* freed slots, linked through their first word */
  guint       klass;
  guint       slot_size;
  guint       n_live;
  guint       n_made;     /* slots given out from the untouched end so far */
  guint       capacity;
  gboolean    listed;
};

#define CHUNK_HEADER  ((sizeof (Chunk) + 15) & ~(gsize) 15)

struct _MwDotArena
{
  Chunk *fresh[N_CLASSES];    /* the chunk each class takes new slots from */
  Chunk *partial[N_CLASSES];  /* chunks with freed slots */
  GHashTable *chunks;         /* Chunk*: to tell the arena's pointers from malloc's */
  GHashTable *large;          /* what was given out with calloc(): freed with the arena */
  gboolean    releasing;      /* the graph is freed as it is read: no slot is reused */
};

/* Bytes mapped by every arena, which mallinfo2() does not see (for
 * bench-dot). Arenas map and unmap only under the Graphviz lock. */
static gsize mapped_bytes;

gsize
_mw_dot_arena_mapped_bytes (void)
{
  return mapped_bytes;
}

static Chunk *
chunk_of (const void *pointer)
{
  return (Chunk *) ((uintptr_t) pointer & ~(uintptr_t) (CHUNK_BYTES - 1));
}

/* Maps twice the size and unmaps what lies outside the aligned middle. */
static Chunk *
chunk_new (MwDotArena *arena,
           guint       klass)
{
  char *raw = mmap (NULL, 2 * CHUNK_BYTES, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *start;
  gsize before;
  Chunk *chunk;

  if (raw == MAP_FAILED)
    return NULL;

  start = (char *) (((uintptr_t) raw + CHUNK_BYTES - 1) & ~(uintptr_t) (CHUNK_BYTES - 1));
  before = start - raw;
  if (before > 0)
    munmap (raw, before);
  munmap (start + CHUNK_BYTES, CHUNK_BYTES - before);
  mapped_bytes += CHUNK_BYTES;

  chunk = (Chunk *) start;
  chunk->klass = klass;
  chunk->slot_size = (klass + 1) * GRAIN;
  chunk->capacity = (CHUNK_BYTES - CHUNK_HEADER) / chunk->slot_size;
  POISON (start + CHUNK_HEADER, CHUNK_BYTES - CHUNK_HEADER);
  g_hash_table_add (arena->chunks, chunk);
  return chunk;
}

static void
chunk_free (MwDotArena *arena,
            Chunk      *chunk)
{
  g_hash_table_remove (arena->chunks, chunk);
  UNPOISON (chunk, CHUNK_BYTES);
  munmap (chunk, CHUNK_BYTES);
  mapped_bytes -= CHUNK_BYTES;
}

static void
unlist (MwDotArena *arena,
        Chunk      *chunk)
{
  if (chunk->prev != NULL)
    chunk->prev->next = chunk->next;
  else
    arena->partial[chunk->klass] = chunk->next;
  if (chunk->next != NULL)
    chunk->next->prev = chunk->prev;
  chunk->prev = chunk->next = NULL;
  chunk->listed = FALSE;
}

static void
list (MwDotArena *arena,
      Chunk      *chunk)
{
  chunk->next = arena->partial[chunk->klass];
  if (chunk->next != NULL)
    chunk->next->prev = chunk;
  arena->partial[chunk->klass] = chunk;
  chunk->listed = TRUE;
}

static void *
slot_take (MwDotArena *arena,
           guint       klass)
{
  Chunk *chunk = arena->partial[klass];
  char *slot;

  if (chunk != NULL)
    {
      slot = chunk->free_slots;
      UNPOISON (slot, sizeof (void *));
      chunk->free_slots = *(void **) slot;
      if (chunk->free_slots == NULL)
        unlist (arena, chunk);
    }
  else
    {
      chunk = arena->fresh[klass];
      if (chunk == NULL || chunk->n_made == chunk->capacity)
        {
          chunk = arena->fresh[klass] = chunk_new (arena, klass);
          if (chunk == NULL)
            return NULL;
        }
      slot = (char *) chunk + CHUNK_HEADER + (gsize) chunk->n_made++ * chunk->slot_size;
    }

  chunk->n_live++;
  UNPOISON (slot, chunk->slot_size);
  memset (slot, 0, chunk->slot_size);
  return slot;
}

static void
chunk_drop (MwDotArena *arena,
            Chunk      *chunk)
{
  if (chunk->listed)
    unlist (arena, chunk);
  if (arena->fresh[chunk->klass] == chunk)
    arena->fresh[chunk->klass] = NULL;
  chunk_free (arena, chunk);
}

static void
slot_give_back (MwDotArena *arena,
                Chunk      *chunk,
                void       *slot)
{
  /* cgraph's sets still link what is released: never given out again,
   * and its chunk goes once nothing in it is alive */
  if (arena->releasing)
    {
      POISON (slot, chunk->slot_size);
      if (--chunk->n_live == 0)
        chunk_drop (arena, chunk);
      return;
    }

  *(void **) slot = chunk->free_slots;
  chunk->free_slots = slot;
  POISON ((char *) slot + sizeof (void *), chunk->slot_size - sizeof (void *));
  chunk->n_live--;

  if (chunk->n_live == 0 && chunk != arena->fresh[chunk->klass])
    {
      if (chunk->listed)
        unlist (arena, chunk);
      chunk_free (arena, chunk);
    }
  else if (!chunk->listed)
    list (arena, chunk);
}

/* cgraph also hands free() memory that libcdt took with malloc()
 * (agdictobjmem() while no graph is set): only a pointer in one of the
 * arena's chunks is the arena's. */
static gboolean
arena_owns (MwDotArena *arena,
            const void *pointer)
{
  return g_hash_table_contains (arena->chunks, chunk_of (pointer));
}

/* The last arena opened: cgraph closes a graph it could not read itself,
 * so the loader frees its arena (_mw_dot_arena_take_opened()). */
static MwDotArena *last_opened;

static void *
arena_open (Agdisc_t *disc)
{
  MwDotArena *arena = g_new0 (MwDotArena, 1);

  arena->chunks = g_hash_table_new (NULL, NULL);
  arena->large = g_hash_table_new_full (NULL, NULL, free, NULL);
  last_opened = arena;
  return arena;
}

static void *
arena_alloc (void   *state,
             size_t  request)
{
  MwDotArena *arena = state;
  void *large;

  if (request <= MAX_SMALL && !arena->releasing)
    return slot_take (state, request == 0 ? 0 : (guint) ((request - 1) / GRAIN));

  large = calloc (1, request);
  if (large != NULL)
    g_hash_table_add (arena->large, large);
  return large;
}

static void
arena_free (void *state,
            void *pointer)
{
  MwDotArena *arena = state;

  if (pointer == NULL)
    return;
  if (arena_owns (arena, pointer))
    slot_give_back (arena, chunk_of (pointer), pointer);
  else
    {
      g_hash_table_steal (arena->large, pointer);
      free (pointer);
    }
}

static void *
arena_resize (void   *state,
              void   *pointer,
              size_t  old_size,
              size_t  request)
{
  MwDotArena *arena = state;
  void *bigger;

  if (pointer == NULL)
    return arena_alloc (state, request);

  if (!arena_owns (arena, pointer))
    {
      gboolean ours = g_hash_table_steal (arena->large, pointer);

      bigger = realloc (pointer, request);
      if (bigger != NULL && request > old_size)
        memset ((char *) bigger + old_size, 0, request - old_size);
      if (bigger != NULL && ours)
        g_hash_table_add (arena->large, bigger);
      return bigger;
    }

  bigger = arena_alloc (state, request);
  if (bigger != NULL)
    {
      memcpy (bigger, pointer, MIN (old_size, request));
      arena_free (state, pointer);
    }
  return bigger;
}

/* No close(): with one, agclose() drops the whole heap without freeing
 * what libcdt took with malloc(). The graph is closed object by object
 * and the arena freed after it (_mw_dot_arena_free()). */
static Agmemdisc_t arena_disc = {
  arena_open, arena_alloc, arena_resize, arena_free, NULL
};

Agmemdisc_t *
_mw_dot_arena_disc (void)
{
  return &arena_disc;
}

/**
 * _mw_dot_arena_of:
 *
 * The arena of a graph read with _mw_dot_arena_disc(), to be freed with
 * _mw_dot_arena_free() once agclose() has closed the graph.
 */
MwDotArena *
_mw_dot_arena_of (Agraph_t *graph)
{
  return graph->clos->disc.mem == &arena_disc ? graph->clos->state.mem : NULL;
}

/**
 * _mw_dot_arena_disc_for:
 *
 * The memory discipline to parse @text with: the arena for a flat graph,
 * malloc() as before for any other. libcdt takes the memory of some of
 * cgraph's dictionaries from agdictobjmem(), which asks the graph's
 * discipline only while cgraph has set a graph for it and malloc()
 * otherwise; a dictionary that is made under one and freed under the other
 * hands arena memory to free(). Two kinds of file do that: a name that
 * starts with '%' (cgraph's internal name maps, closed with dtclose()), and
 * subgraphs, whose sets hold their nodes and edges in holders
 * (`digraph{{a:2:1->m{}}}` aborted in free(), found by fuzz-dot). So the
 * arena is for text without a '%' and without a '{' after the graph's
 * own: the large flat files it is for. A '{' in a label (a record) only
 * costs the arena, never correctness.
 */
Agmemdisc_t *
_mw_dot_arena_disc_for (const char *text,
                        gsize       length)
{
  const char *body = memchr (text, '{', length);

  if (memchr (text, '%', length) != NULL)
    return &AgMemDisc;
  if (body != NULL && memchr (body + 1, '{', length - (gsize) (body + 1 - text)) != NULL)
    return &AgMemDisc;
  return &arena_disc;
}

/* Called under the Graphviz lock, before and after agread(). */
MwDotArena *
_mw_dot_arena_take_opened (void)
{
  return g_steal_pointer (&last_opened);
}

/* What agclose() left (nothing, unless cgraph forgot something). */
void
_mw_dot_arena_free (MwDotArena *arena)
{
  GHashTableIter iter;
  gpointer chunk;

  g_hash_table_iter_init (&iter, arena->chunks);
  while (g_hash_table_iter_next (&iter, &chunk, NULL))
    {
      g_hash_table_iter_remove (&iter);
      UNPOISON (chunk, CHUNK_BYTES);
      munmap (chunk, CHUNK_BYTES);
      mapped_bytes -= CHUNK_BYTES;
    }
  g_hash_table_unref (arena->chunks);
  g_hash_table_unref (arena->large);
  g_free (arena);
}

/* ---------------------------------------------------------------------- */
/* Freeing a graph while it is read                                        */

/* Once the loader has read a node or an edge it does not look at it again:
 * its memory goes back at once, so that a load holds at most about one of
 * cgraph's graph and Meshwork's network, not both. cgraph is not told: its
 * ordered sets still link what is released, and the graph is never walked
 * again, only dropped whole (_mw_dot_arena_drop()). Only for a graph
 * without subgraphs, whose parse deleted nothing. */
void
_mw_dot_arena_begin_release (MwDotArena *arena)
{
  arena->releasing = TRUE;
}

static void
release (MwDotArena *arena,
         void       *pointer)
{
  if (pointer != NULL && arena_owns (arena, pointer))
    slot_give_back (arena, chunk_of (pointer), pointer);
}

/* The object's string attributes (one record shared by both halves of an
 * edge), when it holds no other record. The values are shared strings and
 * stay. */
static void
release_attributes (MwDotArena *arena,
                    void       *object)
{
  Agrec_t *record = AGDATA (object);

  if (record == NULL || record->next != record || strcmp (record->name, "_AG_strdata") != 0)
    return;
  release (arena, ((Agattr_t *) record)->str);
  release (arena, record);
}

/* A node's name is one of cgraph's counted strings (refstr.c in 2.42: two
 * links, the count, a pointer to the text, then the text). It goes when
 * the node holds its only reference. */
typedef struct
{
  Dtlink_t       link;
  unsigned long  count;
  char          *text;
  char           store[];
} CountedString;

static void
release_name (MwDotArena *arena,
              Agnode_t   *node)
{
  IDTYPE id = AGID (node);
  CountedString *counted;

  if (id % 2 != 0)  /* an anonymous id, not a string */
    return;
  counted = (CountedString *) ((char *) (uintptr_t) id - offsetof (CountedString, store));
  if (!arena_owns (arena, counted) || counted->text != (char *) (uintptr_t) id || counted->count != 1)
    return;
  release (arena, counted);
}

void
_mw_dot_arena_release_node (MwDotArena *arena,
                            Agnode_t   *node)
{
  g_return_if_fail (arena->releasing);

  release_attributes (arena, node);
  release_name (arena, node);
  release (arena, node);
}

void
_mw_dot_arena_release_edge (MwDotArena *arena,
                            Agedge_t   *edge)
{
  g_return_if_fail (arena->releasing);

  release_attributes (arena, edge);
  release (arena, AGMKOUT (edge));
}

/* cgraph's own dictionary helpers (cghdr.h): exported, not declared. */
Dict_t *agdtopen  (Agraph_t   *graph,
                   Dtdisc_t   *disc,
                   Dtmethod_t *method);
int     agdtclose (Agraph_t   *graph,
                   Dict_t     *dict);

/* agdictobjmem() gives libcdt memory of the graph the last agdtdelete()
 * named, a static of cgraph's that only agdtopen() and agdtclose() clear
 * (agclose() ends with them). A graph dropped without agclose() would stay
 * named, and the next graph's subgraph edge sets would be given (and
 * would give back) memory of an unmapped arena: an empty dictionary
 * opened and closed clears it. */
static void
forget_dictionary_graph (Agraph_t *graph)
{
  static Dtdisc_t empty_disc;

  agdtclose (graph, agdtopen (graph, &empty_disc, Dttree));
}

/**
 * _mw_dot_arena_drop:
 *
 * Frees a graph read with _mw_dot_arena_disc() whole, without walking it:
 * its arena, and the dictionary headers libcdt's dtopen() took with
 * malloc(). Only for a graph without subgraphs. Called under the Graphviz
 * lock.
 */
void
_mw_dot_arena_drop (Agraph_t *graph)
{
  MwDotArena *arena = _mw_dot_arena_of (graph);
  Agclos_t *closure = graph->clos;
  Agdatadict_t *data = (Agdatadict_t *) aggetrec (graph, (char *) "_AG_datadict", FALSE);
  Dict_t *dicts[] = {
    graph->n_seq, graph->n_id, graph->e_seq, graph->e_id, graph->g_dict, closure->strdict,
    data != NULL ? data->dict.n : NULL, data != NULL ? data->dict.e : NULL,
    data != NULL ? data->dict.g : NULL,
    closure->lookup_by_name[0], closure->lookup_by_name[1], closure->lookup_by_name[2],
    closure->lookup_by_id[0], closure->lookup_by_id[1], closure->lookup_by_id[2],
  };

  g_return_if_fail (agfstsubg (graph) == NULL);

  forget_dictionary_graph (graph);
  for (guint i = 0; i < G_N_ELEMENTS (dicts); i++)
    free (dicts[i]);
  _mw_dot_arena_free (arena);
}
