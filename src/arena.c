/*
 * arena.c - bump allocator (see arena.h).
 */
#include "arena.h"
#include "isnad_int.h"

#define BLOCK_SIZE (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t cap, used;
	max_align_t data[];
};

void isnad__arena_init(struct isnad_arena *a)
{
	a->head = a->free = NULL;
	a->used = 0;
}

void *isnad__arena_alloc(struct isnad_arena *a, size_t n)
{
	struct arena_block *b = a->head;
	void *p;
	n = (n + 7) & ~(size_t)7;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		if (a->free && a->free->cap >= cap) {
			b = a->free;
			a->free = b->next;
		} else {
			b = isnad_malloc(sizeof *b + cap);
			if (!b)
				return NULL;
			b->cap = cap;
		}
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	a->used += n;
	return p;
}

void isnad__arena_reset(struct isnad_arena *a)
{
	while (a->head) {
		struct arena_block *b = a->head;
		a->head = b->next;
		if (b->cap > BLOCK_SIZE) {
			isnad_free(b); /* oversized: don't hoard it */
			continue;
		}
		b->next = a->free;
		a->free = b;
	}
	a->used = 0;
}

void isnad__arena_release(struct isnad_arena *a)
{
	isnad__arena_reset(a);
	while (a->free) {
		struct arena_block *b = a->free;
		a->free = b->next;
		isnad_free(b);
	}
}
