/*
 * store.c - the embedded SQLite store: opening, schema migrations, WAL and
 * transactions, documents, feed state.
 *
 * The schema is versioned (meta.schema_version) and upgraded by the
 * migrations below, in order, each in its own transaction, so a store made
 * by an older isnad opens in a newer one and a newer store is refused by an
 * older isnad instead of being misread.  WAL mode and batched transactions
 * keep a killed ingest from corrupting anything: what was not committed is
 * simply not there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/ingest.h"
#include "isnad/text.h"
#include "isnad_int.h"
#include "store_int.h"

/* Migration i takes the schema from version i to i + 1. */
static const char *const migrations[] = {
    /* 0 -> 1 */
    "CREATE TABLE documents("
    " rowid INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"          /* FNV-1a 64 of the clean text */
    " content_key TEXT NOT NULL UNIQUE," /* of the search-normalised text */
    " source TEXT NOT NULL,"
    " url TEXT, title TEXT, published TEXT, outlet TEXT, outlet_key TEXT,"
    " author TEXT, tags TEXT NOT NULL DEFAULT '[]',"
    " text TEXT NOT NULL,"
    " minhash BLOB,"
    " duplicate_of INTEGER REFERENCES documents(rowid),"
    " similarity REAL,"
    " extract TEXT,"
    " added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX documents_url ON documents(url);"
    "CREATE INDEX documents_order ON documents(published DESC, rowid DESC);"
    "CREATE INDEX documents_outlet ON documents(outlet_key);"
    /* MinHash bands (LSH): documents that agree on a band are candidate
     * near-duplicates (ingest.c). */
    "CREATE TABLE lsh_bands(band INTEGER NOT NULL, key INTEGER NOT NULL,"
    " doc INTEGER NOT NULL, PRIMARY KEY(band, key, doc)) WITHOUT ROWID;"
    "CREATE TABLE feeds(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,"
    " next_fetch INTEGER NOT NULL DEFAULT 0,"
    " failures INTEGER NOT NULL DEFAULT 0);"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text,"
    " content='documents', content_rowid='rowid', tokenize='isnad',"
    " detail=full);"
    /* a title match weighs twice a text match */
    "INSERT INTO documents_fts(documents_fts, rank)"
    " VALUES('rank', 'bm25(2.0, 1.0)');",
};

#define SCHEMA_VERSION ((int)ISNAD_ARRAY_LEN(migrations))

isnad_status isnad__store_fail(struct isnad_store *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
	return ISNAD_ESTORE;
}

const char *isnad_store_errmsg(const struct isnad_store *st)
{
	return st ? st->err : "no store";
}

void isnad__doc_id(const char *s, size_t len, char out[17])
{
	isnad_text_id(s, len, out);
}

static int exec(struct isnad_store *st, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		isnad__store_fail(st, "%s", msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
	}
	return rc;
}

int isnad_store_schema_version(struct isnad_store *st)
{
	sqlite3_stmt *s;
	int v = 0;
	if (sqlite3_prepare_v2(
	        st->db, "SELECT value FROM meta WHERE key='schema_version'", -1,
	        &s, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static isnad_status migrate(struct isnad_store *st, const char *path)
{
	int v;
	if (exec(st, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY,"
	             " value TEXT NOT NULL)") != SQLITE_OK)
		return ISNAD_ESTORE;
	v = isnad_store_schema_version(st);
	if (v > SCHEMA_VERSION)
		return isnad__store_fail(
		    st,
		    "'%s' has schema version %d; this isnad "
		    "reads up to %d",
		    path, v, SCHEMA_VERSION);
	for (; v < SCHEMA_VERSION; v++) {
		char sql[128];
		if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
			return ISNAD_ESTORE;
		snprintf(sql, sizeof sql,
		         "INSERT OR REPLACE INTO meta VALUES('schema_version',"
		         " '%d')",
		         v + 1);
		if (exec(st, migrations[v]) != SQLITE_OK ||
		    exec(st, sql) != SQLITE_OK) {
			char keep[sizeof st->err];
			memcpy(keep, st->err, sizeof keep);
			exec(st, "ROLLBACK");
			return isnad__store_fail(st,
			                         "'%s': migration to "
			                         "version %d failed: %s",
			                         path, v + 1, keep);
		}
		if (exec(st, "COMMIT") != SQLITE_OK)
			return ISNAD_ESTORE;
	}
	return ISNAD_OK;
}

isnad_status isnad_store_open(const char *path, struct isnad_store **out,
                              char *errbuf, size_t errlen)
{
	struct isnad_store *st;
	isnad_status rc;
	*out = NULL;
	st = isnad_calloc(1, sizeof *st);
	if (!st)
		return ISNAD_ENOMEM;
	if (sqlite3_open_v2(path, &st->db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                    NULL) != SQLITE_OK) {
		rc = isnad__store_fail(st, "cannot open '%s': %s", path,
		                       st->db ? sqlite3_errmsg(st->db)
		                              : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(st->db, 5000);
	if ((rc = isnad_tokenizer_new(NULL, &st->tk)) != ISNAD_OK) {
		isnad__store_fail(st, "cannot start the tokenizer");
		goto fail;
	}
	if (isnad__fts_register(st->db, st->tk) != SQLITE_OK) {
		rc = isnad__store_fail(st, "'%s': FTS5 is not available", path);
		goto fail;
	}
	/* A file that is not a database fails here, with SQLite's message. */
	if (exec(st, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
	    exec(st, "PRAGMA synchronous=NORMAL") != SQLITE_OK ||
	    exec(st, "PRAGMA foreign_keys=ON") != SQLITE_OK) {
		char keep[sizeof st->err];
		memcpy(keep, st->err, sizeof keep);
		rc = isnad__store_fail(st, "'%s': %s", path, keep);
		goto fail;
	}
	if ((rc = migrate(st, path)) != ISNAD_OK)
		goto fail;
	*out = st;
	return ISNAD_OK;
fail:
	if (errbuf && errlen)
		snprintf(errbuf, errlen, "%s", st->err);
	sqlite3_close(st->db);
	isnad_tokenizer_free(st->tk);
	isnad_free(st);
	return rc == ISNAD_OK ? ISNAD_ESTORE : rc;
}

void isnad_store_close(struct isnad_store *st)
{
	if (!st)
		return;
	sqlite3_close(st->db); /* first: its FTS5 tokenizers borrow st->tk */
	isnad_tokenizer_free(st->tk);
	isnad_free(st);
}

isnad_status isnad_store_begin(struct isnad_store *st)
{
	return exec(st, "BEGIN IMMEDIATE") == SQLITE_OK ? ISNAD_OK
	                                                : ISNAD_ESTORE;
}

isnad_status isnad_store_commit(struct isnad_store *st)
{
	return exec(st, "COMMIT") == SQLITE_OK ? ISNAD_OK : ISNAD_ESTORE;
}

isnad_status isnad_store_rollback(struct isnad_store *st)
{
	return exec(st, "ROLLBACK") == SQLITE_OK ? ISNAD_OK : ISNAD_ESTORE;
}

size_t isnad_store_count(struct isnad_store *st)
{
	sqlite3_stmt *s;
	size_t n = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM documents", -1, &s,
	                       NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* ---- reading documents --------------------------------------------------- */

#define DOC_COLUMNS                                                            \
	"d.id, d.source, d.url, d.title, d.published, d.outlet, d.author,"     \
	" d.tags, d.text, o.id, d.similarity, d.added, d.extract"

static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static void row_doc(sqlite3_stmt *s, struct isnad_doc *d)
{
	d->id = col(s, 0);
	d->source = col(s, 1);
	d->url = col(s, 2);
	d->title = col(s, 3);
	d->published = col(s, 4);
	d->outlet = col(s, 5);
	d->author = col(s, 6);
	d->tags_json = col(s, 7);
	d->text = col(s, 8);
	d->text_len = (size_t)sqlite3_column_bytes(s, 8);
	d->duplicate_of = col(s, 9);
	d->similarity = sqlite3_column_double(s, 10);
	d->added = col(s, 11);
	d->extract_json = col(s, 12);
}

static isnad_status each_doc(struct isnad_store *st, sqlite3_stmt *s,
                             size_t limit, isnad_doc_fn fn, void *ud,
                             size_t *n_out)
{
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct isnad_doc d;
		row_doc(s, &d);
		n++;
		if (fn(&d, ud) || (limit && n >= limit)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (n_out)
		*n_out = n;
	if (rc != SQLITE_DONE)
		return isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
	return ISNAD_OK;
}

isnad_status isnad_store_list(struct isnad_store *st, size_t limit,
                              isnad_doc_fn fn, void *ud)
{
	sqlite3_stmt *s;
	isnad_status rc;
	if (sqlite3_prepare_v2(
	        st->db,
	        "SELECT " DOC_COLUMNS " FROM documents d"
	        " LEFT JOIN documents o ON o.rowid = d.duplicate_of"
	        " ORDER BY d.published IS NULL, d.published DESC,"
	        " d.rowid DESC",
	        -1, &s, NULL) != SQLITE_OK)
		return isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
	rc = each_doc(st, s, limit, fn, ud, NULL);
	sqlite3_finalize(s);
	return rc;
}

isnad_status isnad_store_get(struct isnad_store *st, const char *id,
                             isnad_doc_fn fn, void *ud)
{
	sqlite3_stmt *s;
	isnad_status rc;
	size_t n = 0, len = strlen(id);
	char hi[24];
	for (size_t i = 0; i < len; i++)
		if (!strchr("0123456789abcdef", id[i]) || !id[i])
			return isnad__store_fail(
			    st, "'%s' is not a document id", id);
	if (len < 6 || len > 16)
		return isnad__store_fail(st, "'%s' is not a document id", id);
	/* a prefix: every id in [prefix, prefix + "g") */
	snprintf(hi, sizeof hi, "%sg", id);
	if (sqlite3_prepare_v2(
	        st->db,
	        "SELECT " DOC_COLUMNS " FROM documents d"
	        " LEFT JOIN documents o ON o.rowid = d.duplicate_of"
	        " WHERE d.id >= ?1 AND d.id < ?2 LIMIT 2",
	        -1, &s, NULL) != SQLITE_OK)
		return isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hi, -1, SQLITE_STATIC);
	/* count first: an ambiguous prefix must not print anything */
	while (sqlite3_step(s) == SQLITE_ROW)
		n++;
	if (n != 1) {
		sqlite3_finalize(s);
		isnad__store_fail(st,
		                  n ? "'%s' matches several documents"
		                    : "no document '%s'",
		                  id);
		return n ? ISNAD_EINVAL : ISNAD_ENOTFOUND;
	}
	sqlite3_reset(s);
	rc = each_doc(st, s, 1, fn, ud, NULL);
	sqlite3_finalize(s);
	return rc;
}

int isnad_store_has_url(struct isnad_store *st, const char *url)
{
	sqlite3_stmt *s;
	int found = 0;
	if (!url ||
	    sqlite3_prepare_v2(st->db, "SELECT 1 FROM documents WHERE url = ?1",
	                       -1, &s, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

/* ---- feed state ---------------------------------------------------------- */

static char *dup_col(sqlite3_stmt *s, int i)
{
	const char *v = col(s, i);
	size_t n;
	char *p;
	if (!v)
		return NULL;
	n = strlen(v);
	p = isnad_malloc(n + 1);
	if (p)
		memcpy(p, v, n + 1);
	return p;
}

isnad_status isnad_store_feed_get(struct isnad_store *st, const char *url,
                                  struct isnad_feed_state *out)
{
	sqlite3_stmt *s;
	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(
	        st->db,
	        "SELECT etag, last_modified, next_fetch, failures"
	        " FROM feeds WHERE url = ?1",
	        -1, &s, NULL) != SQLITE_OK)
		return isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		out->etag = dup_col(s, 0);
		out->last_modified = dup_col(s, 1);
		out->next_fetch = sqlite3_column_int64(s, 2);
		out->failures = sqlite3_column_int(s, 3);
	}
	sqlite3_finalize(s);
	return ISNAD_OK;
}

isnad_status isnad_store_feed_put(struct isnad_store *st, const char *url,
                                  const struct isnad_feed_state *f)
{
	sqlite3_stmt *s;
	int rc;
	if (sqlite3_prepare_v2(
	        st->db, "INSERT OR REPLACE INTO feeds VALUES(?1,?2,?3,?4,?5)",
	        -1, &s, NULL) != SQLITE_OK)
		return isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->etag, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, f->last_modified, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, f->next_fetch);
	sqlite3_bind_int(s, 5, f->failures);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
	return ISNAD_OK;
}

void isnad_feed_state_release(struct isnad_feed_state *f)
{
	if (!f)
		return;
	isnad_free(f->etag);
	isnad_free(f->last_modified);
	memset(f, 0, sizeof *f);
}
