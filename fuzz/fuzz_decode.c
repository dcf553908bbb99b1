/*
 * fuzz_decode.c - any bytes through charset detection and decoding: the
 * output must be valid UTF-8 and the offset map monotonic and in range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const forced[] = {NULL,           "UTF-8",
	                                     "UTF-16LE",     "UTF-16BE",
	                                     "WINDOWS-1256", "ISO-8859-6"};
	/* the first byte picks detection or a forced charset */
	const char *enc = size ? forced[data[0] % 6] : NULL;
	struct isnad_decoded d;
	if (isnad_decode(data, size, enc, &d) != ISNAD_OK)
		return 0;
	if (isnad_utf8_valid_prefix(d.s, d.len) != d.len || d.s[d.len] != '\0')
		abort();
	if (d.map) {
		for (size_t i = 0; i < d.len; i++)
			if (d.map[i] > size || (i && d.map[i] < d.map[i - 1]))
				abort();
		if (d.map[d.len] != size)
			abort();
	} else if (d.len != size || memcmp(d.s, data, size) != 0) {
		abort();
	}
	isnad_decoded_release(&d);
	return 0;
}
