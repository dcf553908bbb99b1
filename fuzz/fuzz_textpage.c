/*
 * fuzz_textpage.c - any bytes through isnad_text_extract: never a crash;
 * on success the text is valid UTF-8 made of lines of the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"
#include "isnad/boiler.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct isnad_page p;
	if (isnad_text_extract((const char *)data, size, &p) != ISNAD_OK) {
		if (p.text || p.title)
			abort();
		return 0;
	}
	if (!p.text || strlen(p.text) > p.text_len ||
	    isnad_utf8_valid_prefix(p.text, p.text_len) != p.text_len)
		abort();
	if (p.title && isnad_utf8_valid_prefix(p.title, strlen(p.title)) !=
	                   strlen(p.title))
		abort();
	if (p.published && strlen(p.published) != 10)
		abort();
	isnad_page_release(&p);
	return 0;
}
