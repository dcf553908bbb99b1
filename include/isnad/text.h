/*
 * text.h - decoding bytes to UTF-8 and Arabic normalisation, both keeping a
 * map back to the original byte offsets ("offsets are sacred").
 *
 * Text is always passed as (s, len); no NUL terminator is required.
 */
#ifndef ISNAD_TEXT_H
#define ISNAD_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"
#include "buf.h"

/* ---- decoding -------------------------------------------------------- */

struct isnad_decoded {
	char *s; /* valid UTF-8, NUL-terminated */
	size_t len;
	/* map[i] is the offset in the input of the byte that produced output
	 * byte i, and map[len] is the input length.  NULL when the output is
	 * byte-for-byte the input (valid UTF-8 without a BOM): offsets are then
	 * identical. */
	uint32_t *map;
	const char *encoding; /* "UTF-8", "UTF-16LE", "WINDOWS-1256", ...;
	                         borrowed, static */
	size_t n_invalid;     /* invalid sequences replaced by U+FFFD */
	int had_bom;
};

/* Largest input isnad_decode accepts in one call (offsets are 32-bit). */
#define ISNAD_DECODE_MAX ((size_t)1 << 30)

/*
 * Decode in[0..len) to UTF-8.  encoding may name the input's charset
 * ("UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1256", "ISO-8859-6", or any
 * single-byte charset iconv knows), or be NULL to detect it: BOM first, then
 * UTF-8 validity, then UTF-16 without BOM, then Arabic single-byte charsets
 * (uchardet's opinion checked against bytes each charset leaves undefined).
 * Invalid UTF-8 sequences become U+FFFD, one per maximal invalid
 * subsequence, as Unicode recommends.  NUL bytes are kept.
 * Ownership: *out is caller-provided; release with isnad_decoded_release.
 * On error *out is zeroed.
 */
isnad_status isnad_decode(const void *in, size_t len, const char *encoding,
                          struct isnad_decoded *out);
void isnad_decoded_release(struct isnad_decoded *d);

/*
 * Guess the charset of a sample without converting (NULL-safe name as in
 * isnad_decoded.encoding).  Ownership: borrowed, static.
 */
const char *isnad_detect_encoding(const void *in, size_t len);

/* The stable id of a document's clean text: FNV-1a 64 of its bytes as 16
 * lower-case hex digits (out holds 17 bytes). */
void isnad_text_id(const char *s, size_t len, char out[17]);

/* Length of the longest prefix of s that is valid UTF-8. */
size_t isnad_utf8_valid_prefix(const char *s, size_t len);

/* ---- normalisation --------------------------------------------------- */

enum isnad_norm_level {
	/* presentation forms to base letters, bidi/zero-width controls
	 * removed, whitespace folded */
	ISNAD_NORM_DISPLAY = 0,
	/* DISPLAY plus removal of harakat, tanween, shadda, sukun,
	 * superscript alef, Quranic marks and tatweel; letters untouched.
	 * This is the form the lexicon and the stemmer see. */
	ISNAD_NORM_LIGHT = 1,
	/* LIGHT plus letter folds (alef forms, ى ة ؤ ئ), digits to ASCII,
	 * Latin lower-case: the form used for matching and search. */
	ISNAD_NORM_SEARCH = 2
};

/*
 * Whitespace folding (all levels): a run of white space becomes one space,
 * or one newline if the run holds one line break, or two newlines if it
 * holds more (a paragraph break survives).  Leading white space of the
 * whole input is dropped; trailing white space becomes at most the newline
 * form of the run.
 *
 * Input must be valid UTF-8 (see isnad_decode); invalid bytes are passed
 * through as U+FFFD.  Output is appended to *out.  If map is not NULL it
 * receives, for each output byte appended, the input offset of the
 * character that produced it, plus one final entry equal to len; *map is
 * (re)allocated with isnad_realloc and owned by the caller.
 */
isnad_status isnad_normalize(const char *s, size_t len,
                             enum isnad_norm_level level, struct isnad_buf *out,
                             uint32_t **map);

/*
 * Normalise one word (no whitespace folding, no map) into dst, which must
 * hold at least 3*len+4 bytes: a ligature whose expansion would break that
 * bound (U+FDFA) is kept as it is.  White space inside is copied, controls
 * dropped.  Returns the output length.  This is the tokenizer's hot path.
 */
size_t isnad_normalize_word(const char *s, size_t len,
                            enum isnad_norm_level level, char *dst);

/* True for code points that can be part of an Arabic word: letters of the
 * Arabic blocks (including presentation forms), harakat and tatweel; false
 * for Arabic digits and punctuation (، ؛ ؟ ٪ ...). */
int isnad_is_arabic_wordchar(uint32_t cp);

#endif
