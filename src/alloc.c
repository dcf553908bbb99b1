/*
 * alloc.c - the single allocation hook.  The library never calls malloc
 * directly, so a test can fail any allocation it chooses.
 */
#include <stdlib.h>
#include <string.h>

#include "isnad_int.h"

static void *default_alloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

static isnad_alloc_fn alloc_fn = default_alloc;
static void *alloc_ud;

void isnad_set_allocator(isnad_alloc_fn fn, void *ud)
{
	alloc_fn = fn ? fn : default_alloc;
	alloc_ud = fn ? ud : NULL;
}

void *isnad_malloc(size_t size)
{
	return alloc_fn(alloc_ud, NULL, size ? size : 1);
}

void *isnad_calloc(size_t n, size_t size)
{
	void *p;
	if (size && n > (size_t)-1 / size)
		return NULL;
	p = isnad_malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *isnad_realloc(void *ptr, size_t size)
{
	return alloc_fn(alloc_ud, ptr, size ? size : 1);
}

void isnad_free(void *ptr)
{
	if (ptr)
		alloc_fn(alloc_ud, ptr, 0);
}
