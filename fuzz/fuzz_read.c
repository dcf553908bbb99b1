/*
 * fuzz_read.c - any bytes through the readers (format guessing, gzip,
 * JSON Lines, WARC, RSS/Atom) via fmemopen: records must be well formed
 * (body NUL-terminated, source named), and nothing may crash or leak.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"
#include "isnad/read.h"

struct seen {
	size_t records, bytes;
};

static int on_rec(const struct isnad_record *r, void *ud)
{
	struct seen *s = ud;
	if (!r->source || !r->body || r->body[r->body_len] != '\0')
		abort();
	if (r->url)
		s->bytes += strlen(r->url);
	if (r->title)
		s->bytes += strlen(r->title);
	s->bytes += r->body_len;
	s->records++;
	return 0;
}

static void on_err(const char *source, const char *problem, void *ud)
{
	(void)ud;
	if (!source || !problem || !*problem)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen s = {0, 0};
	FILE *f;
	isnad_status st;
	if (!size)
		return 0;
	isnad_guess_format(data, size);
	f = fmemopen((void *)(uintptr_t)data, size, "rb");
	if (!f)
		return 0;
	st = isnad_read_stream("fuzz", f, on_rec, on_err, &s);
	if (st != ISNAD_OK && st != ISNAD_EFORMAT && st != ISNAD_ENOMEM &&
	    st != ISNAD_EIO)
		abort();
	fclose(f);
	return 0;
}
