/*
 * isnad_int.h - small private header shared by the library's modules.
 */
#ifndef ISNAD_INT_H
#define ISNAD_INT_H

#include <stddef.h>
#include <stdint.h>
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

/* 64-bit hash of a byte string. */
uint64_t isnad__hash(const void *p, size_t n);

#endif
