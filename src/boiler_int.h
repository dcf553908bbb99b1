/*
 * boiler_int.h - private helpers shared by boiler.c (HTML), boiler_text.c
 * (flattened text pages) and boiler_meta.c (dates, URLs, strings).
 */
#ifndef ISNAD_BOILER_INT_H
#define ISNAD_BOILER_INT_H

#include <stddef.h>
#include "isnad/boiler.h"

/* Largest page either extractor accepts (bytes). */
#define ISNAD__BOILER_MAX ((size_t)32 << 20)

/* Copy s[0..len) to a NUL-terminated isnad_malloc'd string (NULL on OOM). */
char *isnad__bstrndup(const char *s, size_t len);

/* s[0..len) with white space collapsed to single spaces and trimmed, as a
 * new string; NULL when empty or on OOM. */
char *isnad__bclean(const char *s, size_t len);

/* Find a date in s[0..len): ISO 8601 ("2020-06-03T10:00:00+04:00"), a
 * numeric D/M/Y or Y/M/D, or an Arabic or English day-month-year with
 * Gregorian month names of every regional set (يناير, كانون الثاني,
 * جانفي ...) and Arabic-Indic digits.  Writes "YYYY-MM-DD" (or the ISO
 * value with its time, when iso_time is set and one is present) into out
 * (32 bytes).  Returns the byte offset just past the date, 0 if none.
 * Only dates in 1990..2099 are accepted. */
size_t isnad__bdate(const char *s, size_t len, int iso_time, char out[32]);

/* The host of a URL without "www.", into out (cap bytes); 0 if none. */
size_t isnad__bdomain(const char *url, char *out, size_t cap);

/* Append a tag to p->tags unless present (after trimming); ISNAD_OK or
 * ISNAD_ENOMEM. */
isnad_status isnad__btag(struct isnad_page *p, const char *s, size_t len);

/* Split a "a, b، c | d" list into tags. */
isnad_status isnad__btags_split(struct isnad_page *p, const char *s,
				size_t len);

#endif
