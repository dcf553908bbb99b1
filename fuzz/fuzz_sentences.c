/*
 * fuzz_sentences.c - libFuzzer target for isnad_sentences.
 *
 * The input is cut to its longest valid UTF-8 prefix (the API's contract),
 * split, and every span is checked: inside the text, on character
 * boundaries, non-empty, trimmed, in order and not overlapping, and only
 * white space between them (no text is lost).
 */
#include <stdint.h>
#include <stdlib.h>

#include "isnad/sentence.h"
#include "isnad/text.h"

static int is_char_start(const uint8_t *s, size_t len, size_t i)
{
	return i >= len || (s[i] & 0xC0) != 0x80;
}

static int is_ascii_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t len = isnad_utf8_valid_prefix(s, size), prev = 0;
	struct isnad_spans sp;

	isnad_spans_init(&sp);
	if (isnad_sentences(s, len, &sp) != ISNAD_OK)
		abort();
	for (size_t i = 0; i < sp.n; i++) {
		size_t a = sp.v[i].start, b = sp.v[i].end;
		if (a >= b || b > len || a < prev)
			abort();
		if (!is_char_start(data, len, a) ||
		    !is_char_start(data, len, b))
			abort();
		if (is_ascii_space(data[a]) || is_ascii_space(data[b - 1]))
			abort();
		/* No printable ASCII between two sentences. */
		for (size_t j = prev; j < a; j++)
			if (data[j] > ' ' && data[j] < 0x7F)
				abort();
		prev = b;
	}
	for (size_t j = prev; j < len; j++)
		if (data[j] > ' ' && data[j] < 0x7F)
			abort();
	isnad_spans_release(&sp);
	return 0;
}
