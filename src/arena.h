/*
 * arena.h - bump allocator for memory that dies together (one document,
 * one tokenize call).  Blocks are kept across isnad__arena_reset so a
 * steady stream of documents allocates nothing after warm-up.
 */
#ifndef ISNAD_ARENA_H
#define ISNAD_ARENA_H

#include <stddef.h>

struct arena_block;
struct isnad_arena {
	struct arena_block *head; /* block being filled */
	struct arena_block *free; /* blocks kept for reuse */
	size_t used;              /* bytes handed out since reset */
};

void isnad__arena_init(struct isnad_arena *a);
/* NULL on out of memory. Alignment: 8 bytes. */
void *isnad__arena_alloc(struct isnad_arena *a, size_t n);
void isnad__arena_reset(struct isnad_arena *a);
void isnad__arena_release(struct isnad_arena *a);

#endif
