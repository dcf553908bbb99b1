/*
 * fuzz_numbers.c - libFuzzer target for isnad_numbers_find and
 * isnad_number_parse.
 *
 * The input is cut to its longest valid UTF-8 prefix (the API's contract).
 * Every number found must lie inside the text on character boundaries, be
 * non-empty, come in order without overlap, and have a finite,
 * non-negative value; parsing again at each number's start must stay
 * inside the text too.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "isnad/number.h"
#include "isnad/text.h"

static int is_char_start(const uint8_t *s, size_t len, size_t i)
{
	return i >= len || (s[i] & 0xC0) != 0x80;
}

static void check_one(const uint8_t *s, size_t len,
                      const struct isnad_number *x)
{
	if (x->start >= x->end || x->end > len)
		abort();
	if (!is_char_start(s, len, x->start) || !is_char_start(s, len, x->end))
		abort();
	if (!isfinite(x->value) || x->value < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t len = isnad_utf8_valid_prefix(s, size), prev = 0;
	struct isnad_numbers nums;

	isnad_numbers_init(&nums);
	if (isnad_numbers_find(s, len, &nums) != ISNAD_OK)
		abort();
	for (size_t i = 0; i < nums.n; i++) {
		struct isnad_number y;
		size_t a = nums.v[i].start, n;
		check_one(data, len, &nums.v[i]);
		if (a < prev)
			abort();
		prev = nums.v[i].end;
		n = isnad_number_parse(s + a, len - a, &y);
		if (n) {
			if (n != y.end)
				abort();
			check_one(data + a, len - a, &y);
		}
	}
	isnad_numbers_release(&nums);
	return 0;
}
