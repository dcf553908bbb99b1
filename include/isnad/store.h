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

/* A document as stored.  Strings are borrowed for the duration of the
 * callback (or until the next call on the store), NULL when unknown. */
struct isnad_doc {
	const char *id;         /* stable id: 16 hex digits of FNV-1a 64 of the
				   clean text */
	const char *source, *url, *title, *published, *outlet, *author;
	const char *tags_json;  /* JSON array of strings */
	const char *text;
	size_t text_len;
	const char *duplicate_of;  /* id of the original, NULL if one */
	double similarity;         /* to duplicate_of, 0..1 */
	const char *added;         /* when stored, ISO 8601 UTC */
	const char *extract_json;  /* extraction results (#4), or NULL */
};

typedef int (*isnad_doc_fn)(const struct isnad_doc *d, void *ud);

/* Documents newest first (by published, then by when stored); stops when
 * fn returns nonzero or after limit documents (0: all). */
isnad_status isnad_store_list(struct isnad_store *st, size_t limit,
			      isnad_doc_fn fn, void *ud);
/* One document by id (or a unique prefix of at least 6 hex digits).
 * ISNAD_ENOTFOUND if none, ISNAD_EINVAL if the prefix is ambiguous. */
isnad_status isnad_store_get(struct isnad_store *st, const char *id,
			     isnad_doc_fn fn, void *ud);
size_t isnad_store_count(struct isnad_store *st);

/* ---- search --------------------------------------------------------------- */

struct isnad_hit {
	const char *id, *source, *title, *published, *outlet;
	double score;          /* higher is better (negated BM25) */
	const char *snippet;   /* original words, matches between hl_open and
				  hl_close */
};
typedef int (*isnad_hit_fn)(const struct isnad_hit *h, void *ud);

/*
 * Ranked full-text search.  Query syntax: words (any inflection or clitic
 * form finds the others: اجتماع finds الاجتماعات and بالاجتماعات),
 * "exact phrase" (normalised surface forms, not stems), OR between terms,
 * -word / -"phrase" to exclude, and filters outlet:NAME, from:YYYY-MM-DD,
 * to:YYYY-MM-DD.  Vocalised text is found by plain queries.  hl_open and
 * hl_close (may be NULL: "[" and "]") mark matches in snippets.
 * ISNAD_EINVAL with isnad_store_errmsg for a query with nothing to find.
 */
isnad_status isnad_search(struct isnad_store *st, const char *query,
			  size_t limit, const char *hl_open,
			  const char *hl_close, isnad_hit_fn fn, void *ud);

#endif
