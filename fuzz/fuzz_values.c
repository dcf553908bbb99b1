/*
 * fuzz_values.c - dates, money and quantities over any valid UTF-8, with
 * and without a document date: spans in bounds, ordered, not overlapping.
 */
#include <stdint.h>
#include <stdlib.h>

#include "isnad/isnad.h"
#include "isnad/values.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t len = isnad_utf8_valid_prefix(s, size);
	for (int k = 0; k < 2; k++) {
		struct isnad_values v;
		isnad_values_init(&v);
		if (isnad_values_find(s, len, k ? "2015-07-21" : NULL, &v) !=
		    ISNAD_OK)
			abort();
		for (size_t i = 0; i < v.n; i++)
			if (v.v[i].start >= v.v[i].end || v.v[i].end > len ||
			    (i && v.v[i].start < v.v[i - 1].start))
				abort();
		isnad_values_release(&v);
	}
	return 0;
}
