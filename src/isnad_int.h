/*
 * isnad_int.h - small private header shared by the library's modules.
 */
#ifndef ISNAD_INT_H
#define ISNAD_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "isnad/alloc.h"
#include "isnad/status.h"

/* File-local functions that unit tests need are declared UNITTEST. */
#ifdef ISNAD_UNITTEST
#define UNITTEST
#else
#define UNITTEST static
#endif

#define ISNAD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Decode one UTF-8 character at s[0..len).  Returns its length (1..4) and
 * stores the code point, or returns the length of the maximal invalid
 * subsequence (>= 1) and stores 0xFFFD. */
size_t isnad__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* After isnad__utf8_decode returned n and cp: was the input invalid (as
 * opposed to a literal U+FFFD)? */
static inline int isnad__utf8_bad(const unsigned char *s, size_t n, uint32_t cp)
{
	return cp == 0xFFFD &&
	       !(n == 3 && s[0] == 0xEF && s[1] == 0xBF && s[2] == 0xBD);
}

/* Encode cp as UTF-8 into out (4 bytes room); returns the length. */
size_t isnad__utf8_encode(uint32_t cp, char *out);

/* Scanner class of U+0600..U+06FF: 1 word character, 2 digit, 0 other
 * (generated into norm_tables.h). */
extern const unsigned char isnad__ar_cls[256];

static inline uint64_t isnad__load64(const void *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

static inline uint32_t isnad__load32(const void *p)
{
	uint32_t w;
	memcpy(&w, p, 4);
	return w;
}

/* The last 1..8 bytes of a string of total length len, ending at end, as
 * one word: overlapping loads instead of a byte loop (which would also
 * stall on store forwarding).  Deterministic, which is all a hash needs. */
static inline uint64_t isnad__tail64(const unsigned char *end, size_t n,
				     size_t len)
{
	if (len >= 8)
		return isnad__load64(end - 8);
	if (n >= 4)
		return isnad__load32(end - n) |
		       (uint64_t)isnad__load32(end - 4) << 32;
	if (n)
		return (uint64_t)end[-(ptrdiff_t)n] |
		       (uint64_t)end[-(ptrdiff_t)n + (ptrdiff_t)(n >> 1)] << 8 |
		       (uint64_t)end[-1] << 16;
	return 0;
}

/* Final avalanche of a 64-bit value (MurmurHash3's fmix64). */
static inline uint64_t isnad__mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

/* 64-bit hash of a byte string: word-at-a-time multiply-xor with a final
 * avalanche.  Keys are words of 2-30 bytes hashed once per token, so it is
 * inline and branch-light. */
static inline uint64_t isnad__hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t n = len;
	uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)len;
	while (n > 8) {
		h = (h ^ isnad__load64(p)) * 0x100000001b3ull;
		h ^= h >> 29;
		p += 8;
		n -= 8;
	}
	h = (h ^ isnad__tail64(p + n, n, len)) * 0x100000001b3ull;
	return isnad__mix64(h);
}

/* a[0..n) == b[0..n), for the short keys of the word cache. */
static inline int isnad__mem_eq(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	size_t i;
	if (n < 8)
		return isnad__tail64(x + n, n, n) == isnad__tail64(y + n, n, n) &&
		       (n < 4 || isnad__load32(x) == isnad__load32(y));
	for (i = 0; i + 8 <= n; i += 8)
		if (isnad__load64(x + i) != isnad__load64(y + i))
			return 0;
	return isnad__load64(x + n - 8) == isnad__load64(y + n - 8);
}

/*
 * Open addressing from a uint32 key (never 0: it marks an empty slot) to
 * a uint32 value (ktab.c), for the model's feature and gazetteer tables
 * and resolve's word index.  The table owns its arrays.
 */
struct isnad_ktab {
	uint32_t *key, *val;
	uint32_t cap, n; /* cap: a power of two, or 0 */
};

#define ISNAD_KTAB_NONE UINT32_MAX

/* k's value, or ISNAD_KTAB_NONE.  Inline: the tagger looks up some fifty
 * feature keys per word. */
static inline uint32_t isnad__ktab_find(const struct isnad_ktab *t,
                                        uint32_t k)
{
	uint32_t mask, i;
	if (!t->cap)
		return ISNAD_KTAB_NONE;
	mask = t->cap - 1;
	for (i = k & mask; t->key[i]; i = (i + 1) & mask)
		if (t->key[i] == k)
			return t->val[i];
	return ISNAD_KTAB_NONE;
}
/* Find k; if absent insert it with value v.  *val_out points at the
 * stored value until the next upsert. */
isnad_status isnad__ktab_upsert(struct isnad_ktab *t, uint32_t k, uint32_t v,
                                uint32_t **val_out);
void isnad__ktab_release(struct isnad_ktab *t);

#endif
