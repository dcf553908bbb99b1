/*
 * stem.c - Snowball's Arabic stemmer behind our clitic split.
 *
 * Snowball's rules are tuned on whole words: its plural and feminine
 * suffix rules fire on definite forms (الاجتماعات -> اجتماع) but not on the
 * same word without the article (اجتماعات -> اجتماعا).  Our tokenizer has
 * already cut the article and other clitics off, so a noun base is handed
 * to Snowball with the article restored, which makes definite, indefinite
 * and clitic-bearing forms of one word meet.  The result is folded to the
 * search level so stems compare like normalised text.
 */
#include <libstemmer.h>
#include <string.h>

#include "isnad/text.h"
#include "isnad/token.h"
#include "isnad_int.h"

#define STEM_MAX 256 /* longer "words" are not words: returned as is */

struct isnad_stemmer {
	struct sb_stemmer *sb;
	char in[4 + 3 * STEM_MAX + 8];
	char out[3 * STEM_MAX + 8];
};

isnad_status isnad_stemmer_new(struct isnad_stemmer **out)
{
	struct isnad_stemmer *st = isnad_calloc(1, sizeof *st);
	*out = NULL;
	if (!st)
		return ISNAD_ENOMEM;
	st->sb = sb_stemmer_new("arabic", "UTF_8");
	if (!st->sb) {
		isnad_free(st);
		return ISNAD_ESTEMMER;
	}
	*out = st;
	return ISNAD_OK;
}

void isnad_stemmer_free(struct isnad_stemmer *st)
{
	if (!st)
		return;
	sb_stemmer_delete(st->sb);
	isnad_free(st);
}

const char *isnad_stem_snowball(struct isnad_stemmer *st, const char *w,
                                size_t len, size_t *len_out)
{
	const sb_symbol *r;
	if (len > 3 * STEM_MAX) {
		*len_out = len;
		return w;
	}
	r = sb_stemmer_stem(st->sb, (const sb_symbol *)w, (int)len);
	if (!r) { /* out of memory inside Snowball: the word is its stem */
		*len_out = len;
		return w;
	}
	*len_out = (size_t)sb_stemmer_length(st->sb);
	return (const char *)r;
}

const char *isnad_stem(struct isnad_stemmer *st, const char *w, size_t len,
                       size_t *len_out)
{
	const char *r;
	size_t n, n2, k = 0;
	char bare[3 * STEM_MAX + 8], folded[3 * STEM_MAX + 8];
	if (len == 0 || len > 3 * STEM_MAX) {
		*len_out = len;
		return len ? w : "";
	}
	/* ى and ي are one letter to a reader (مستوى/مستوي) but not to
	 * Snowball's rules: give it ي. */
	memcpy(folded, w, len);
	for (size_t i = 0; i + 1 < len; i++)
		if (folded[i] == '\xd9' && folded[i + 1] == '\x89')
			folded[++i] = '\x8a';
	w = folded;
	/* Snowball on the word as it is (its verb rules see قالت) ... */
	r = isnad_stem_snowball(st, w, len, &n2);
	memcpy(bare, r, n2);
	/* ... and with the article restored (its noun rules see اجتماعات) */
	if (!(len >= 4 && !memcmp(w, "\xd8\xa7\xd9\x84", 4))) {
		memcpy(st->in, "\xd8\xa7\xd9\x84", 4);
		k = 4;
	}
	memcpy(st->in + k, w, len);
	r = isnad_stem_snowball(st, st->in, len + k, &n);
	/* Too short for Snowball to take the article off: we added it. */
	if (k && n >= 4 && !memcmp(r, "\xd8\xa7\xd9\x84", 4)) {
		r += 4;
		n -= 4;
	}
	/* The bare reading wins when it only took more off the end (قالت ->
	 * قال); one that took letters off the front (وزارة -> زار) mistook
	 * a root letter for a prefix. */
	if (n2 < n && !memcmp(bare, r, n2)) {
		r = bare;
		n = n2;
	}
	if (n > 3 * STEM_MAX)
		n = 3 * STEM_MAX;
	*len_out = isnad_normalize_word(r, n, ISNAD_NORM_SEARCH, st->out);
	return st->out;
}
