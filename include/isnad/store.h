/*
 * store.h - the embedded store: one SQLite file (WAL mode) holding
 * documents, their clean text and metadata, duplicate links, a full-text
 * index with Arabic-aware tokens, and feed state.  The store is the only
 * shared state of the system; a handle is used by one thread at a time.
 */
#ifndef ISNAD_STORE_H
#define ISNAD_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "status.h"

struct isnad_store;

/* Open (creating and migrating as needed) the store at path.  On failure
 * *out is NULL and errbuf names the file and the problem.
 * Ownership: owned (isnad_store_close). */
isnad_status isnad_store_open(const char *path, struct isnad_store **out,
			      char *errbuf, size_t errlen);
void isnad_store_close(struct isnad_store *st);
/* Last error message of this handle.  Ownership: borrowed until the next
 * call on the handle. */
const char *isnad_store_errmsg(const struct isnad_store *st);
int isnad_store_schema_version(struct isnad_store *st);

/* Transactions: ingest commits in batches. */
isnad_status isnad_store_begin(struct isnad_store *st);
isnad_status isnad_store_commit(struct isnad_store *st);
isnad_status isnad_store_rollback(struct isnad_store *st);

/* A document as stored.  Strings borrowed as documented per function. */
struct isnad_doc {
	int64_t id;
	const char *source, *url, *title, *published, *outlet, *author;
	const char *tags_json;  /* JSON array of strings */
	const char *text;
	size_t text_len;
	int64_t duplicate_of;   /* 0 if an original */
	double similarity;      /* to duplicate_of, 0..1 */
	const char *extract_json;  /* extraction results (issue #4), or NULL */
};

#endif
