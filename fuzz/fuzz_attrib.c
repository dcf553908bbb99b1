/*
 * fuzz_attrib.c - libFuzzer target for isnad_attrib_find.
 *
 * The input is cut to its longest valid UTF-8 prefix (the API's contract)
 * and searched for attributions; every span must lie inside the text, be
 * non-empty and start and end on character boundaries, every chain must
 * have links inside the link array, and the result must be ISNAD_OK.
 */
#include <stdint.h>
#include <stdlib.h>

#include "isnad/attrib.h"
#include "isnad/text.h"

static int boundary(const uint8_t *s, size_t len, size_t i)
{
	return i >= len || (s[i] & 0xC0) != 0x80;
}

static void span_ok(const uint8_t *s, size_t len, size_t a, size_t b)
{
	if (a >= b || b > len || !boundary(s, len, a) || !boundary(s, len, b))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct isnad_tokenizer *tk;
	const char *s = (const char *)data;
	size_t len = isnad_utf8_valid_prefix(s, size);
	struct isnad_attributions a;

	if (!tk && isnad_tokenizer_new(NULL, &tk) != ISNAD_OK)
		abort();
	isnad_attributions_init(&a);
	if (isnad_attrib_find(tk, s, len, &a) != ISNAD_OK)
		abort();
	for (size_t i = 0; i < a.n; i++) {
		const struct isnad_attribution *x = &a.v[i];
		span_ok(data, len, x->start, x->end);
		span_ok(data, len, x->cue_start, x->cue_end);
		if (!x->n_links || x->link + x->n_links > a.n_links)
			abort();
	}
	for (size_t i = 0; i < a.n_links; i++) {
		const struct isnad_attrib_link *l = &a.links[i];
		span_ok(data, len, l->start, l->end);
		if (l->kind >= ISNAD_SRC__COUNT)
			abort();
		if (l->ref_end)
			span_ok(data, len, l->ref_start, l->ref_end);
	}
	for (size_t i = 0; i < a.unattributed.n; i++)
		span_ok(data, len, a.unattributed.v[i].start,
		        a.unattributed.v[i].end);
	isnad_attributions_release(&a);
	return 0;
}
