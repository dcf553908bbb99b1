/*
 * fuzz_extract.c - libFuzzer target for isnad_extract_write: the whole
 * extraction of one page (tagger, naming patterns of phrases.c, short
 * forms, values, attributions, events) on its longest valid UTF-8 prefix.
 * The JSON written must be one line ending in "}\n", and the result
 * ISNAD_OK.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/boiler.h"
#include "isnad/extract.h"
#include "isnad/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct isnad_extractor *ex;
	struct isnad_page page;
	char *buf = NULL, *text;
	size_t blen = 0, len = isnad_utf8_valid_prefix((const char *)data, size);
	FILE *f;
	if (!ex && isnad_extractor_new(&ex) != ISNAD_OK)
		abort();
	text = malloc(len + 1);
	if (!text)
		return 0;
	memcpy(text, data, len);
	text[len] = '\0';
	memset(&page, 0, sizeof page);
	page.text = text;
	page.text_len = len;
	f = open_memstream(&buf, &blen);
	if (!f)
		abort();
	if (isnad_extract_write(ex, "fuzz", &page, f) != ISNAD_OK)
		abort();
	fclose(f);
	if (blen < 2 || buf[blen - 1] != '\n' || buf[blen - 2] != '}' ||
	    memchr(buf, '\n', blen - 1))
		abort();
	free(buf);
	free(text);
	return 0;
}
