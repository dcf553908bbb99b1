/*
 * ingest.h - the ingest pipeline: a record (read.h) is decoded, cleaned
 * (boiler.h), checked for exact and near duplicates and stored with its
 * full-text index (store.h).  `isnad ingest` and `isnad watch` both use it.
 */
#ifndef ISNAD_INGEST_H
#define ISNAD_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include "read.h"
#include "status.h"
#include "store.h"

enum isnad_ingest_result {
	ISNAD_INGEST_ADDED = 0,      /* a new document */
	ISNAD_INGEST_NEAR_DUPLICATE, /* stored, linked to its original */
	ISNAD_INGEST_DUPLICATE,      /* same clean text already stored: skipped */
	ISNAD_INGEST_EMPTY,          /* no main text found: skipped */
	ISNAD_INGEST_FAILED          /* bad record (message in errbuf) */
};

struct isnad_ingest;

/*
 * Start ingesting into st (borrowed; must outlive the pipeline).  Records
 * are committed in transactions of batch records (0: a default of 500).
 * Ownership: owned (isnad_ingest_free, which commits what is pending).
 */
isnad_status isnad_ingest_new(struct isnad_store *st, unsigned batch,
			      struct isnad_ingest **out);
/* Clean, dedupe and store one record.  *res says what happened; *id_out
 * (may be NULL) receives the stored id (or the original's, for a
 * duplicate).  errbuf (may be NULL) receives a message on FAILED. */
isnad_status isnad_ingest_record(struct isnad_ingest *ig,
				 const struct isnad_record *r,
				 enum isnad_ingest_result *res, int64_t *id_out,
				 char *errbuf, size_t errlen);
/* Also run extraction (extract.h) on every stored document and keep the
 * isnad.extract/1 object beside it, for `isnad show`. Off by default. */
isnad_status isnad_ingest_set_extract(struct isnad_ingest *ig, int on);
/* Commit the pending batch now. */
isnad_status isnad_ingest_flush(struct isnad_ingest *ig);
void isnad_ingest_free(struct isnad_ingest *ig);

/* Has a document with this URL been stored?  (feeds skip what they saw) */
int isnad_store_has_url(struct isnad_store *st, const char *url);

/* Feed state kept in the store for `isnad watch`. Strings returned are
 * owned by the caller (free with isnad_free); NULL when unknown. */
struct isnad_feed_state {
	char *etag, *last_modified;
	int64_t next_fetch;   /* unix seconds: not before */
	int failures;         /* consecutive, for back-off */
};
isnad_status isnad_store_feed_get(struct isnad_store *st, const char *url,
				  struct isnad_feed_state *out);
isnad_status isnad_store_feed_put(struct isnad_store *st, const char *url,
				  const struct isnad_feed_state *s);
void isnad_feed_state_release(struct isnad_feed_state *s);

#endif
