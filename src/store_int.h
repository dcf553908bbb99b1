/*
 * store_int.h - what the store's modules (store.c, fts.c, search.c,
 * ingest.c) share: the handle's layout and helpers.
 */
#ifndef ISNAD_STORE_INT_H
#define ISNAD_STORE_INT_H

#include <sqlite3.h>
#include <stdarg.h>

#include "isnad/store.h"
#include "isnad/token.h"

struct isnad_store {
	sqlite3 *db;
	char err[512];
	char idbuf[24];
	struct isnad_tokenizer *tk;  /* for queries and duplicate detection */
};

/* Record a message naming the problem; returns ISNAD_ESTORE. */
isnad_status isnad__store_fail(struct isnad_store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Register the "isnad" FTS5 tokenizer on db; shared (may be NULL) is the
 * tokenizer its instances use, borrowed for the connection's life. */
int isnad__fts_register(sqlite3 *db, struct isnad_tokenizer *shared);

/*
 * The tokens the full-text index holds for a text: for every content token
 * (Arabic base, Latin word, number, hashtag ...) its stem, and at the same
 * position its normalised surface form prefixed with '=' (what phrase
 * queries match).  Clitics and punctuation are not indexed.
 */
#define ISNAD_FTS_SURFACE '='
int isnad__fts_indexed(int type);

/* FNV-1a 64 of s, as 16 lower-case hex digits into out (17 bytes). */
void isnad__doc_id(const char *s, size_t len, char out[17]);

#endif
