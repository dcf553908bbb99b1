/*
 * fuzz_html.c - any bytes through isnad_html_extract (the first byte picks
 * a charset hint): never a crash, and on success the text and every
 * metadata string are valid UTF-8, the text's length is right, and the
 * date has the documented shape.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"
#include "isnad/boiler.h"

static void utf8_or_die(const char *s)
{
	if (s && isnad_utf8_valid_prefix(s, strlen(s)) != strlen(s))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = {NULL, "utf-8", "windows-1256",
	                                    "iso-8859-6"};
	const char *hint = size ? hints[data[0] & 3] : NULL;
	struct isnad_page p;
	if (isnad_html_extract((const char *)data, size, hint,
	                       "https://www.example.org/x", &p) != ISNAD_OK) {
		if (p.text || p.title || p.n_tags)
			abort();
		return 0;
	}
	if (!p.text || strlen(p.text) != p.text_len)
		abort();
	if (isnad_utf8_valid_prefix(p.text, p.text_len) != p.text_len)
		abort();
	utf8_or_die(p.title);
	utf8_or_die(p.author);
	utf8_or_die(p.outlet);
	utf8_or_die(p.url);
	for (size_t i = 0; i < p.n_tags; i++)
		utf8_or_die(p.tags[i]);
	if (p.published && (strlen(p.published) < 10 || p.published[4] != '-' ||
	                    p.published[7] != '-'))
		abort();
	isnad_page_release(&p);
	return 0;
}
