/*
 * read.h - inputs as they come (plain text, HTML, JSON Lines, WARC, RSS/
 * Atom, and .gz of any of these), recognised by content, turned into
 * records: one page each.
 */
#ifndef ISNAD_READ_H
#define ISNAD_READ_H

#include <stddef.h>
#include <stdio.h>
#include "status.h"

enum isnad_format {
	ISNAD_FMT_TEXT = 0,
	ISNAD_FMT_HTML,
	ISNAD_FMT_JSONL,
	ISNAD_FMT_WARC,
	ISNAD_FMT_FEED   /* RSS or Atom: one record per item */
};

/* One page found in an input.  All pointers are borrowed for the duration
 * of the callback; strings are NUL-terminated, NULL when absent. */
struct isnad_record {
	const char *source;     /* input name as given; "#N" added for the
				   N-th record of a container (JSONL line,
				   WARC record, feed item), counting from 1 */
	const char *url;        /* JSONL url, WARC-Target-URI, feed link */
	const char *title;      /* from the container, when it has one */
	const char *published;  /* likewise (as written there) */
	const char *outlet;
	const char *charset;    /* HTTP Content-Type charset, or NULL */
	const char *body;       /* raw bytes of the page */
	size_t body_len;
	int is_html;            /* body is HTML, else plain text */
	enum isnad_format container;
	const char *author;     /* JSONL author, feed item author */
};

/* Return 0 to go on, nonzero to stop reading this input. */
typedef int (*isnad_record_fn)(const struct isnad_record *r, void *ud);

/*
 * Read one input from f (a file or a pipe; read sequentially, never seeked)
 * and call fn for each record.  Memory stays bounded: records larger than
 * ISNAD_RECORD_MAX are reported and skipped, gzip is inflated as a stream.
 * Bad data (truncated gzip or WARC, a broken JSON line, binary) is reported
 * through errfn (may be NULL) with the input name and the problem, the
 * other records still delivered; the return value is then ISNAD_EFORMAT.
 */
#define ISNAD_RECORD_MAX (64u << 20)
typedef void (*isnad_read_errfn)(const char *source, const char *problem,
				 void *ud);
isnad_status isnad_read_stream(const char *name, FILE *f, isnad_record_fn fn,
			       isnad_read_errfn errfn, void *ud);

/* Guess the format of the first bytes of an (inflated) input. */
enum isnad_format isnad_guess_format(const void *head, size_t len);

#endif
