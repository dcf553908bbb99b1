/*
 * fuzz_normalize.c - valid UTF-8 through every normalisation level: output
 * is valid UTF-8, the map is monotonic and in range, search-level output is
 * stable under a second pass, and the word function keeps its size bound.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t len = isnad_utf8_valid_prefix(s, size);
	for (int lv = 0; lv <= 2; lv++) {
		struct isnad_buf b, b2;
		uint32_t *map = NULL;
		char *w;
		size_t wl;
		isnad_buf_init(&b, 0);
		if (isnad_normalize(s, len, (enum isnad_norm_level)lv, &b,
		                    &map))
			abort();
		if (isnad_utf8_valid_prefix(b.s, b.len) != b.len)
			abort();
		for (size_t i = 0; i < b.len; i++)
			if (map[i] >= len || (i && map[i] < map[i - 1]))
				abort();
		if (map[b.len] != len)
			abort();
		if (lv == 2) {
			/* idempotent: normalising twice changes nothing */
			isnad_buf_init(&b2, 0);
			if (isnad_normalize(b.s, b.len, ISNAD_NORM_SEARCH, &b2,
			                    NULL))
				abort();
			if (b2.len != b.len || memcmp(b2.s, b.s, b.len))
				abort();
			isnad_buf_release(&b2);
		}
		w = malloc(3 * len + 4);
		if (!w)
			abort();
		wl = isnad_normalize_word(s, len, (enum isnad_norm_level)lv, w);
		if (wl > 3 * len + 4 || isnad_utf8_valid_prefix(w, wl) != wl)
			abort();
		free(w);
		isnad_free(map);
		isnad_buf_release(&b);
	}
	return 0;
}
