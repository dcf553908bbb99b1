/*
 * ingest.c - record -> clean page -> duplicate checks -> store + index.
 *
 * Exact duplicates are found by a key of the search-normalised text (so a
 * copy that differs only in harakat, hamza forms or spacing is the same
 * document) and skipped.  Near duplicates (the same wire story in several
 * papers, a re-crawl with a changed footer) are found by MinHash over
 * shingles of three stems: 32 hashes, indexed as 8 bands of 4 (LSH), so
 * documents whose shingle sets overlap by Jaccard 0.7 are candidates with
 * probability 0.89 (0.98 at 0.8), and the estimate from all 32 decides.
 * SimHash was tried first: on news-length texts a one-clause edit moved
 * it by more bits than its bands could index.  A near duplicate is stored
 * and linked to its original, not dropped, so later stages can tell copies
 * from independent reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/boiler.h"
#include "isnad/extract.h"
#include "isnad/ingest.h"
#include "isnad/text.h"
#include "isnad_int.h"
#include "store_int.h"

#define N_HASHES 32
#define N_BANDS 8            /* of N_HASHES / N_BANDS rows each */
#define NEAR_MIN_JACCARD 0.7 /* estimated shingle overlap for a copy */
#define NEAR_MIN_TOKENS 20   /* shorter texts are too alike by chance */

struct isnad_ingest {
	struct isnad_store *st;
	struct isnad_extractor *ex; /* NULL: store no extraction */
	struct isnad_tokens toks;
	unsigned batch, pending;
	int in_tx;
	sqlite3_stmt *find_key, *ins_doc, *ins_fts, *find_band, *ins_band,
	    *get_doc;
};

static const char *const sql_text[] = {
    "SELECT id FROM documents WHERE content_key = ?1",
    "INSERT INTO documents(id, content_key, source, url, title, published,"
    " outlet, outlet_key, author, tags, text, minhash, duplicate_of,"
    " similarity, extract)"
    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
    "INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
    "SELECT b.doc, d.minhash, d.duplicate_of FROM lsh_bands b"
    " JOIN documents d ON d.rowid = b.doc WHERE b.band = ?1 AND b.key = ?2"
    " LIMIT 64",
    "INSERT OR IGNORE INTO lsh_bands VALUES(?1, ?2, ?3)",
    "SELECT id FROM documents WHERE rowid = ?1",
};

isnad_status isnad_ingest_new(struct isnad_store *st, unsigned batch,
                              struct isnad_ingest **out)
{
	struct isnad_ingest *ig;
	sqlite3_stmt **slots[6];
	*out = NULL;
	ig = isnad_calloc(1, sizeof *ig);
	if (!ig)
		return ISNAD_ENOMEM;
	ig->st = st;
	ig->batch = batch ? batch : 500;
	isnad_tokens_init(&ig->toks);
	slots[0] = &ig->find_key;
	slots[1] = &ig->ins_doc;
	slots[2] = &ig->ins_fts;
	slots[3] = &ig->find_band;
	slots[4] = &ig->ins_band;
	slots[5] = &ig->get_doc;
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(slots); i++)
		if (sqlite3_prepare_v3(st->db, sql_text[i], -1,
		                       SQLITE_PREPARE_PERSISTENT, slots[i],
		                       NULL) != SQLITE_OK) {
			isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
			isnad_ingest_free(ig);
			return ISNAD_ESTORE;
		}
	*out = ig;
	return ISNAD_OK;
}

isnad_status isnad_ingest_set_extract(struct isnad_ingest *ig, int on)
{
	if (!on) {
		isnad_extractor_free(ig->ex);
		ig->ex = NULL;
		return ISNAD_OK;
	}
	return ig->ex ? ISNAD_OK : isnad_extractor_new(&ig->ex);
}

isnad_status isnad_ingest_flush(struct isnad_ingest *ig)
{
	if (!ig->in_tx)
		return ISNAD_OK;
	ig->in_tx = 0;
	ig->pending = 0;
	return isnad_store_commit(ig->st);
}

void isnad_ingest_free(struct isnad_ingest *ig)
{
	if (!ig)
		return;
	isnad_ingest_flush(ig);
	isnad_extractor_free(ig->ex);
	sqlite3_finalize(ig->find_key);
	sqlite3_finalize(ig->ins_doc);
	sqlite3_finalize(ig->ins_fts);
	sqlite3_finalize(ig->find_band);
	sqlite3_finalize(ig->ins_band);
	sqlite3_finalize(ig->get_doc);
	isnad_tokens_release(&ig->toks);
	isnad_free(ig);
}

/* ---- keys ---------------------------------------------------------------- */

/* 32 hex digits from two independent 64-bit hashes of the normalised
 * text: collisions are out of the question at any corpus size. */
static isnad_status content_key(const char *text, size_t len, char out[33])
{
	struct isnad_buf b;
	isnad_status rc;
	uint64_t fnv = 0xcbf29ce484222325ull;
	isnad_buf_init(&b, 0);
	if ((rc = isnad_normalize(text, len, ISNAD_NORM_SEARCH, &b, NULL)))
		return rc;
	for (size_t i = 0; i < b.len; i++)
		fnv = (fnv ^ (unsigned char)b.s[i]) * 0x100000001b3ull;
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)fnv,
	         (unsigned long long)isnad__hash(b.s, b.len));
	isnad_buf_release(&b);
	return ISNAD_OK;
}

/* MinHash of the 3-stem shingles of the content tokens, one permutation
 * hashing: each shingle's hash picks one of N_HASHES bins and competes
 * for its minimum (one hash per shingle instead of N_HASHES); empty bins
 * borrow the next filled bin's value (densification), so short texts
 * still compare fairly.  Returns the number of content tokens. */
static size_t minhash(const struct isnad_tokens *t, uint32_t mh[N_HASHES])
{
	uint64_t hs[3] = {0, 0, 0};
	size_t n = 0;
	int filled = 0;
	for (int i = 0; i < N_HASHES; i++)
		mh[i] = UINT32_MAX;
	for (size_t i = 0; i < t->n; i++) {
		const struct isnad_token *k = &t->v[i];
		uint64_t h;
		uint32_t v;
		int bin;
		if (!isnad__fts_indexed(k->type))
			continue;
		hs[0] = hs[1];
		hs[1] = hs[2];
		hs[2] = isnad__hash(k->stem, k->stem_len);
		if (++n < 3)
			continue;
		h = isnad__mix64(isnad__hash(hs, sizeof hs));
		bin = (int)(h >> 59) & (N_HASHES - 1);
		v = (uint32_t)h;
		if (v < mh[bin])
			mh[bin] = v;
	}
	for (int i = 0; i < N_HASHES; i++)
		filled += mh[i] != UINT32_MAX;
	if (filled && filled < N_HASHES)
		for (int i = 0; i < N_HASHES; i++) {
			int j = i;
			while (mh[j] == UINT32_MAX)
				j = (j + 1) & (N_HASHES - 1);
			/* mark borrowed values so two texts agree on a bin only
			 * if they borrowed from the same distance */
			if (j != i)
				mh[i] = (uint32_t)isnad__mix64(
				    mh[j] + (uint64_t)(j - i + N_HASHES));
		}
	return n;
}

static int64_t band_key(const uint32_t *mh, int band)
{
	const int r = N_HASHES / N_BANDS;
	return (int64_t)(isnad__hash(mh + band * r, r * sizeof *mh) >> 1);
}

/* The original a near duplicate of mh points to, or 0. */
static int64_t find_near(struct isnad_ingest *ig, const uint32_t *mh,
                         double *sim)
{
	int64_t best = 0;
	int best_same = 0;
	for (int band = 0; band < N_BANDS; band++) {
		sqlite3_stmt *s = ig->find_band;
		sqlite3_reset(s);
		sqlite3_bind_int(s, 1, band);
		sqlite3_bind_int64(s, 2, band_key(mh, band));
		while (sqlite3_step(s) == SQLITE_ROW) {
			const uint32_t *o = sqlite3_column_blob(s, 1);
			int same = 0;
			if (!o || sqlite3_column_bytes(s, 1) !=
			              N_HASHES * (int)sizeof *mh)
				continue;
			for (int j = 0; j < N_HASHES; j++)
				same += o[j] == mh[j];
			if (same > best_same) {
				best_same = same;
				/* link to the original, not to another copy */
				best = sqlite3_column_type(s, 2) == SQLITE_NULL
				           ? sqlite3_column_int64(s, 0)
				           : sqlite3_column_int64(s, 2);
			}
		}
	}
	*sim = (double)best_same / N_HASHES;
	return *sim >= NEAR_MIN_JACCARD ? best : 0;
}

/* ---- the pipeline -------------------------------------------------------- */

static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static char *tags_json(const struct isnad_page *p)
{
	struct isnad_buf b;
	isnad_buf_init(&b, 1 << 20);
	isnad_buf_addc(&b, '[');
	for (size_t i = 0; i < p->n_tags; i++) {
		if (i)
			isnad_buf_addc(&b, ',');
		isnad_buf_addc(&b, '"');
		for (const char *c = p->tags[i]; *c; c++) {
			if (*c == '"' || *c == '\\')
				isnad_buf_addc(&b, '\\');
			if ((unsigned char)*c >= 0x20)
				isnad_buf_addc(&b, *c);
		}
		isnad_buf_addc(&b, '"');
	}
	isnad_buf_addc(&b, ']');
	return isnad_buf_detach(&b, NULL);
}

isnad_status isnad_ingest_record(struct isnad_ingest *ig,
                                 const struct isnad_record *r,
                                 enum isnad_ingest_result *res, int64_t *id_out,
                                 char *errbuf, size_t errlen)
{
	struct isnad_store *st = ig->st;
	struct isnad_page page;
	isnad_status rc;
	char key[33], id[17], okey[1024];
	const char *outlet;
	size_t n_content = 0;
	uint32_t mh[N_HASHES];
	int64_t orig = 0, rowid;
	double sim = 0.0;
	char *tags = NULL, *ejson = NULL;
	size_t ejson_len = 0;

	*res = ISNAD_INGEST_FAILED;
	if (id_out)
		*id_out = 0;
	isnad_page_init(&page);
	if ((rc = isnad_clean_record(r, &page)) != ISNAD_OK) {
		if (errbuf)
			snprintf(errbuf, errlen, "%s", isnad_strerror(rc));
		isnad_page_release(&page);
		return rc == ISNAD_ENOMEM ? rc : ISNAD_OK;
	}
	if (!page.text || !page.text_len) {
		*res = ISNAD_INGEST_EMPTY;
		isnad_page_release(&page);
		return ISNAD_OK;
	}
	if ((rc = content_key(page.text, page.text_len, key)))
		goto out;
	if (!ig->in_tx) {
		if ((rc = isnad_store_begin(st)))
			goto out;
		ig->in_tx = 1;
	}
	sqlite3_reset(ig->find_key);
	sqlite3_bind_text(ig->find_key, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(ig->find_key) == SQLITE_ROW) {
		*res = ISNAD_INGEST_DUPLICATE;
		goto out;
	}
	ig->toks.n = 0;
	if ((rc = isnad_tokenize(st->tk, page.text, page.text_len, &ig->toks)))
		goto out;
	n_content = minhash(&ig->toks, mh);
	if (n_content == 0) {
		*res = ISNAD_INGEST_EMPTY;
		goto out;
	}
	if (n_content >= NEAR_MIN_TOKENS)
		orig = find_near(ig, mh, &sim);
	isnad__doc_id(page.text, page.text_len, id);
	outlet = page.outlet;
	okey[0] = '\0';
	if (outlet && strlen(outlet) < sizeof okey / 3 - 4)
		okey[isnad_normalize_word(outlet, strlen(outlet),
		                          ISNAD_NORM_SEARCH, okey)] = '\0';
	tags = tags_json(&page);
	if (!tags) {
		rc = ISNAD_ENOMEM;
		goto out;
	}
	sqlite3_reset(ig->ins_doc);
	sqlite3_bind_text(ig->ins_doc, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(ig->ins_doc, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(ig->ins_doc, 3, r->source ? r->source : "-", -1,
	                  SQLITE_STATIC);
	bind_opt(ig->ins_doc, 4, page.url);
	bind_opt(ig->ins_doc, 5, page.title);
	bind_opt(ig->ins_doc, 6, page.published);
	bind_opt(ig->ins_doc, 7, outlet);
	bind_opt(ig->ins_doc, 8, okey);
	bind_opt(ig->ins_doc, 9, page.author);
	sqlite3_bind_text(ig->ins_doc, 10, tags, -1, SQLITE_STATIC);
	sqlite3_bind_text(ig->ins_doc, 11, page.text, (int)page.text_len,
	                  SQLITE_STATIC);
	sqlite3_bind_blob(ig->ins_doc, 12, mh, sizeof mh, SQLITE_STATIC);
	if (orig) {
		sqlite3_bind_int64(ig->ins_doc, 13, orig);
		sqlite3_bind_double(ig->ins_doc, 14, sim);
	} else {
		sqlite3_bind_null(ig->ins_doc, 13);
		sqlite3_bind_null(ig->ins_doc, 14);
	}
	sqlite3_bind_null(ig->ins_doc, 15);
	if (ig->ex) {
		/* the same object `isnad extract` prints, for `show` */
		FILE *mf = open_memstream(&ejson, &ejson_len);
		if (mf) {
			int ok = isnad_extract_write(
			             ig->ex, r->source ? r->source : "-", &page,
			             mf) == ISNAD_OK;
			/* the buffer moves at fclose: bind it after */
			if (fclose(mf) == 0 && ok && ejson && ejson_len)
				sqlite3_bind_text(ig->ins_doc, 15, ejson,
				                  (int)ejson_len - 1,
				                  SQLITE_STATIC);
		}
	}
	if (sqlite3_step(ig->ins_doc) != SQLITE_DONE) {
		/* same clean text, different normalised key: already there */
		if (sqlite3_extended_errcode(st->db) ==
		    SQLITE_CONSTRAINT_UNIQUE) {
			*res = ISNAD_INGEST_DUPLICATE;
			goto out;
		}
		rc = isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
		goto out;
	}
	rowid = sqlite3_last_insert_rowid(st->db);
	sqlite3_reset(ig->ins_fts);
	sqlite3_bind_int64(ig->ins_fts, 1, rowid);
	bind_opt(ig->ins_fts, 2, page.title);
	sqlite3_bind_text(ig->ins_fts, 3, page.text, (int)page.text_len,
	                  SQLITE_STATIC);
	if (sqlite3_step(ig->ins_fts) != SQLITE_DONE) {
		rc = isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
		goto out;
	}
	if (n_content >= NEAR_MIN_TOKENS)
		for (int band = 0; band < N_BANDS; band++) {
			sqlite3_reset(ig->ins_band);
			sqlite3_bind_int(ig->ins_band, 1, band);
			sqlite3_bind_int64(ig->ins_band, 2, band_key(mh, band));
			sqlite3_bind_int64(ig->ins_band, 3, rowid);
			if (sqlite3_step(ig->ins_band) != SQLITE_DONE) {
				rc = isnad__store_fail(st, "%s",
				                       sqlite3_errmsg(st->db));
				goto out;
			}
		}
	*res = orig ? ISNAD_INGEST_NEAR_DUPLICATE : ISNAD_INGEST_ADDED;
	if (id_out)
		*id_out = rowid;
	if (++ig->pending >= ig->batch)
		rc = isnad_ingest_flush(ig);
out:
	if (rc && errbuf)
		snprintf(errbuf, errlen, "%s",
		         rc == ISNAD_ESTORE ? st->err : isnad_strerror(rc));
	isnad_free(tags);
	free(ejson); /* open_memstream's buffer is the C library's */
	isnad_page_release(&page);
	return rc;
}
