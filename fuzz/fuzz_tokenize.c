/*
 * fuzz_tokenize.c - valid UTF-8 through the tokenizer: tokens are ordered,
 * non-empty, within the input, never overlap, and their norms are valid
 * UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>

#include "isnad/isnad.h"

static struct isnad_tokenizer *tk;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t len = isnad_utf8_valid_prefix(s, size), prev_end = 0;
	struct isnad_tokens t;
	if (!tk && isnad_tokenizer_new(NULL, &tk) != ISNAD_OK)
		abort();
	isnad_tokens_init(&t);
	if (isnad_tokenize(tk, s, len, &t) != ISNAD_OK)
		abort();
	for (size_t i = 0; i < t.n; i++) {
		const struct isnad_token *k = &t.v[i];
		if (k->start >= k->end || k->end > len || k->start < prev_end)
			abort();
		if (isnad_utf8_valid_prefix(k->norm, k->norm_len) !=
		        k->norm_len ||
		    isnad_utf8_valid_prefix(k->stem, k->stem_len) !=
		        k->stem_len)
			abort();
		if (k->type >= ISNAD_TOK__COUNT ||
		    (i && k->word < t.v[i - 1].word))
			abort();
		prev_end = k->end;
	}
	isnad_tokens_release(&t);
	return 0;
}
