/*
 * alloc.h - the allocator hook.
 *
 * All memory of libisnad goes through one replaceable function, in the shape
 * of Lua's lua_Alloc: realloc(ptr, new_size), new_size 0 frees.  Tests install
 * an allocator that fails the Nth call to exercise out-of-memory paths.
 */
#ifndef ISNAD_ALLOC_H
#define ISNAD_ALLOC_H

#include <stddef.h>

typedef void *(*isnad_alloc_fn)(void *ud, void *ptr, size_t size);

/* Replace the allocator (NULL restores the default).  Not thread-safe: call
 * before any other libisnad function. */
void isnad_set_allocator(isnad_alloc_fn fn, void *ud);

void *isnad_malloc(size_t size);
void *isnad_calloc(size_t n, size_t size);
void *isnad_realloc(void *ptr, size_t size);
void isnad_free(void *ptr);

#endif
