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

/* 64-bit hash of a byte string.  FNV-1a over 8-byte words with a final
 * avalanche: the keys are words of 2-30 bytes, hashed once per token, so
 * it is inline and word-at-a-time. */
static inline uint64_t isnad__hash(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
		p += 8;
		n -= 8;
	}
	if (n) {
		uint64_t w = 0;
		memcpy(&w, p, n);
		h = (h ^ w) * 0x100000001b3ull;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

#endif
