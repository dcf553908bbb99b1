/*
 * number.h - numbers in Arabic news text, as values for later stages:
 * digits in any script (0-9, ٠-٩, ۰-۹) with separators (٫ ٬ , .), number
 * words (واحد ... عشرة, أحد عشر ... تسعة عشر, عشرون ... تسعون, مئة/مائة,
 * مئتان, ثلاثمئة ..., ألف/آلاف/ألفين, مليون/ملايين, مليار/مليارات) with or
 * without attached clitics (وخمسة), compounds joined by و (ثلاثة وعشرون),
 * and multipliers after digits («22 ألف» = 22000, «5 ملايين» = 5000000,
 * «1.5 مليار» = 1500000000).  Approximators before a number (حوالى,
 * حوالي, نحو, قرابة, زهاء, ما يقارب, أكثر من, أقل من) are included in the
 * span and flagged; «حوالى 40» has value 40.  أكثر من and the like set
 * ISNAD_NUM_MORE or ISNAD_NUM_LESS as well as ISNAD_NUM_APPROX.  A
 * proclitic attached to the first word (بخمسة، بنحو) is left out of the
 * span.  Values are finite and non-negative (huge digit strings clamp).
 */
#ifndef ISNAD_NUMBER_H
#define ISNAD_NUMBER_H

#include <stddef.h>
#include "status.h"

enum isnad_number_flags {
	ISNAD_NUM_APPROX = 1,  /* preceded by an approximator */
	ISNAD_NUM_WORDS = 2,   /* written (partly) in words */
	ISNAD_NUM_DECIMAL = 4, /* digits with a decimal separator (1.5) */
	ISNAD_NUM_MORE = 8, /* "more than" (أكثر من، ما يزيد عن) */
	ISNAD_NUM_LESS = 16 /* "less than" (أقل من) */
};

struct isnad_number {
	size_t start, end; /* byte range of the whole expression */
	double value;
	unsigned flags; /* enum isnad_number_flags */
};

struct isnad_numbers {
	struct isnad_number *v;
	size_t n, cap;
};

void isnad_numbers_init(struct isnad_numbers *nums);
void isnad_numbers_release(struct isnad_numbers *nums);

/*
 * Find every number expression in s[0..len) (valid UTF-8), left to right,
 * non-overlapping, and append them to *out.  Years and other plain digit
 * strings are numbers too; ordinals (الثالثة) are not.  Digits joined by
 * dots beyond a decimal (28.5.2014, 10.0.0.1) are separate integers.
 * Ownership: *out is caller-provided (isnad_numbers_init, then
 * isnad_numbers_release).  On ISNAD_ENOMEM nothing is appended.
 * Thread-safe (no shared state).
 */
isnad_status isnad_numbers_find(const char *s, size_t len,
                                struct isnad_numbers *out);

/*
 * Parse one number expression that starts exactly at s[0]; returns the
 * number of bytes consumed (0 if none) and fills *out (offsets relative
 * to s; out->end equals the return value, out->start is past a stripped
 * proclitic).  s[0] should begin a word: the caller checks the boundary.
 */
size_t isnad_number_parse(const char *s, size_t len, struct isnad_number *out);

#endif
