/*
 * bench_store.c - ingest and search over real news, beside the peer named
 * in the issue: the same corpus in SQLite FTS5 with its stock unicode61
 * tokenizer, in the same run.
 *
 * Usage: bench_store saudinewsnet.jsonl [DB]
 *  1. ingest every article through the library's pipeline (clean, dedupe,
 *     store, index): articles/s, and peak RSS after every 2,000 articles;
 *  2. 200 queries made of the first two content words of 200 titles:
 *     latency p50/p95/p99/mean for isnad and for unicode61;
 *  3. inflected variants: for each query word w, the corpus forms that are
 *     w with clitics (و ف ب ل ك ال and their chains): how many of the
 *     documents containing such a form each engine's query for w finds.
 */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "isnad/ingest.h"
#include "isnad/isnad.h"
#include "isnad/store.h"

#define N_QUERIES 200

struct art {
	char *title, *text;
};

static struct art *arts;
static size_t n_arts;

static int load(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0, acap = 0;
	ssize_t n;
	if (!f)
		return -1;
	while ((n = getline(&line, &cap, f)) > 0) {
		json_error_t e;
		json_t *o = json_loadb(line, (size_t)n, 0, &e);
		json_t *t, *ti;
		if (!o)
			continue;
		t = json_object_get(o, "text");
		ti = json_object_get(o, "title");
		if (json_is_string(t)) {
			if (n_arts == acap) {
				acap = acap ? acap * 2 : 1024;
				arts = realloc(arts, acap * sizeof *arts);
			}
			arts[n_arts].text = strdup(json_string_value(t));
			arts[n_arts].title = strdup(
			    json_is_string(ti) ? json_string_value(ti) : "");
			n_arts++;
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void latency(const char *name, double *v, int n)
{
	double sum = 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	for (int i = 0; i < n; i++)
		sum += v[i];
	printf("  %-22s mean %.3f ms  p50 %.3f  p95 %.3f  p99 %.3f\n", name,
	       1e3 * sum / n, 1e3 * v[n / 2], 1e3 * v[n * 95 / 100],
	       1e3 * v[n * 99 / 100]);
}

/* The first two Arabic words of 3+ letters of a title, bare of clitics as
 * written (what a user would type). */
static int query_of(struct isnad_tokenizer *tk, const char *title, char *out,
                    size_t cap, char words[2][128])
{
	struct isnad_tokens t;
	int n = 0;
	isnad_tokens_init(&t);
	out[0] = '\0';
	isnad_tokenize(tk, title, strlen(title), &t);
	for (size_t i = 0; i < t.n && n < 2; i++) {
		const struct isnad_token *k = &t.v[i];
		if (k->type != ISNAD_TOK_ARABIC || k->norm_len < 6 ||
		    k->end - k->start >= 127)
			continue;
		snprintf(words[n], 128, "%.*s", (int)(k->end - k->start),
		         title + k->start);
		n++;
	}
	if (n == 2)
		snprintf(out, cap, "%s %s", words[0], words[1]);
	isnad_tokens_release(&t);
	return n == 2;
}

static int count_hit(const struct isnad_hit *h, void *ud)
{
	(void)h;
	(*(int *)ud)++;
	return 0;
}

/* article numbers of our hits, for the variant check */
struct idset {
	char (*v)[24];
	int n, cap;
};

static int add_hit(const struct isnad_hit *h, void *ud)
{
	struct idset *s = ud;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = realloc(s->v, (size_t)s->cap * sizeof *s->v);
	}
	/* the article number: sources are saudinewsnet#N */
	snprintf(s->v[s->n++], 24, "%s",
	         strchr(h->source, '#') ? strchr(h->source, '#') + 1 : "0");
	return 0;
}

/* 3-stem shingles of a text, as a sorted array of hashes */
static size_t shingles(struct isnad_tokenizer *tk, const char *text,
                       uint64_t **out)
{
	struct isnad_tokens t;
	uint64_t win[3] = {0, 0, 0}, *v = NULL;
	size_t n = 0, cap = 0, seen = 0;
	isnad_tokens_init(&t);
	isnad_tokenize(tk, text, strlen(text), &t);
	for (size_t i = 0; i < t.n; i++) {
		const struct isnad_token *k = &t.v[i];
		uint64_t h = 1469598103934665603ull;
		if (k->type != ISNAD_TOK_ARABIC && k->type != ISNAD_TOK_LATIN &&
		    k->type != ISNAD_TOK_NUMBER)
			continue;
		for (uint32_t j = 0; j < k->stem_len; j++)
			h = (h ^ (unsigned char)k->stem[j]) * 1099511628211ull;
		win[0] = win[1];
		win[1] = win[2];
		win[2] = h;
		if (++seen < 3)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			v = realloc(v, cap * sizeof *v);
		}
		v[n++] = win[0] * 31 * 31 + win[1] * 31 + win[2];
	}
	isnad_tokens_release(&t);
	for (size_t i = 1; i < n; i++) /* insertion sort is fine here */
		for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t x = v[j];
			v[j] = v[j - 1];
			v[j - 1] = x;
		}
	*out = v;
	return n;
}

static double jaccard(const uint64_t *a, size_t na, const uint64_t *b,
                      size_t nb)
{
	size_t i = 0, j = 0, inter = 0, uni = 0;
	while (i < na || j < nb) {
		uint64_t x = i < na ? a[i] : UINT64_MAX,
		         y = j < nb ? b[j] : UINT64_MAX;
		if (i < na && i + 1 < na && a[i] == a[i + 1]) {
			i++;
			continue;
		}
		if (j < nb && j + 1 < nb && b[j] == b[j + 1]) {
			j++;
			continue;
		}
		uni++;
		if (x == y) {
			inter++;
			i++;
			j++;
		} else if (x < y) {
			i++;
		} else {
			j++;
		}
	}
	return uni ? (double)inter / (double)uni : 0.0;
}

/* Precision of the near-duplicate links on this corpus: for a sample of
 * linked pairs, the exact Jaccard of their 3-stem shingle sets. */
static void near_duplicate_precision(struct isnad_store *st, const char *db,
                                     struct isnad_tokenizer *tk)
{
	sqlite3 *c;
	sqlite3_stmt *s;
	int n = 0, total = 0, ge50 = 0, ge70 = 0;
	double sum = 0;
	(void)st;
	if (sqlite3_open_v2(db, &c, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return;
	sqlite3_prepare_v2(c,
	                   "SELECT count(*) FROM documents WHERE"
	                   " duplicate_of IS NOT NULL",
	                   -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		total = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	/* a deterministic sample spread over the corpus */
	sqlite3_prepare_v2(
	    c,
	    "SELECT a.text, b.text, a.title, b.title, a.similarity"
	    " FROM documents a JOIN documents b"
	    " ON b.rowid = a.duplicate_of"
	    " WHERE a.duplicate_of IS NOT NULL"
	    " AND a.rowid % ?1 = 0 LIMIT 100",
	    -1, &s, NULL);
	sqlite3_bind_int(s, 1, total > 100 ? 2 : 1);
	while (sqlite3_step(s) == SQLITE_ROW) {
		uint64_t *x, *y;
		size_t nx =
		    shingles(tk, (const char *)sqlite3_column_text(s, 0), &x);
		size_t ny =
		    shingles(tk, (const char *)sqlite3_column_text(s, 1), &y);
		double j = jaccard(x, nx, y, ny);
		sum += j;
		ge50 += j >= 0.5;
		ge70 += j >= 0.7;
		if (n < 8)
			printf(
			    "    pair %d: Jaccard %.2f (MinHash %.2f)  %.60s | "
			    "%.60s\n",
			    n + 1, j, sqlite3_column_double(s, 4),
			    sqlite3_column_text(s, 2)
			        ? (const char *)sqlite3_column_text(s, 2)
			        : "-",
			    sqlite3_column_text(s, 3)
			        ? (const char *)sqlite3_column_text(s, 3)
			        : "-");
		free(x);
		free(y);
		n++;
	}
	sqlite3_finalize(s);
	sqlite3_close(c);
	printf("near duplicates: %d linked; a sample of %d pairs has true "
	       "3-stem-shingle\n  Jaccard mean %.2f; %d/%d (%.0f%%) >= 0.5, "
	       "%d/%d (%.0f%%) >= 0.7\n",
	       total, n, n ? sum / n : 0.0, ge50, n, n ? 100.0 * ge50 / n : 0.0,
	       ge70, n, n ? 100.0 * ge70 / n : 0.0);
}

int main(int argc, char **argv)
{
	const char *db = argc > 2 ? argv[2] : "/tmp/isnad-bench.db";
	char err[600], wal[300];
	struct isnad_store *st;
	struct isnad_ingest *ig;
	struct isnad_tokenizer *tk;
	sqlite3 *peer;
	sqlite3_stmt *pins, *pq;
	double t0, t, lat_ours[N_QUERIES], lat_peer[N_QUERIES];
	char queries[N_QUERIES][300], qwords[N_QUERIES][2][128];
	int nq = 0;
	size_t added = 0, dups = 0;
	static const char *const clitics[] = {"و",  "ف",   "ب",   "ل",   "ك",
	                                      "ال", "وال", "بال", "فال", "كال",
	                                      "لل", "ولل", "وب",  "ول"};
	long var_total = 0, var_ours = 0, var_peer = 0;

	if (argc < 2 || load(argv[1]) != 0) {
		fprintf(stderr, "usage: bench_store saudinewsnet.jsonl [DB]\n");
		return 2;
	}
	snprintf(wal, sizeof wal, "%s-wal", db);
	unlink(db);
	unlink(wal);
	printf("corpus: %zu articles (%s)\n", n_arts, argv[1]);
	if (isnad_store_open(db, &st, err, sizeof err) != ISNAD_OK ||
	    isnad_ingest_new(st, 1000, &ig) != ISNAD_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	printf("ingest (clean + dedupe + store + index), RSS as it grows:\n");
	t0 = bench_now();
	for (size_t i = 0; i < n_arts; i++) {
		struct isnad_record r;
		enum isnad_ingest_result res;
		char src[64];
		memset(&r, 0, sizeof r);
		snprintf(src, sizeof src, "saudinewsnet#%zu", i + 1);
		r.source = src;
		r.title = arts[i].title;
		r.body = arts[i].text;
		r.body_len = strlen(arts[i].text);
		isnad_ingest_record(ig, &r, &res, NULL, NULL, 0);
		added += res == ISNAD_INGEST_ADDED ||
		         res == ISNAD_INGEST_NEAR_DUPLICATE;
		dups += res == ISNAD_INGEST_DUPLICATE;
		if ((i + 1) % 2000 == 0)
			printf("  %6zu articles  %7.0f articles/s  peak RSS "
			       "%.0f MB\n",
			       i + 1, (double)(i + 1) / (bench_now() - t0),
			       bench_peak_rss_mb());
	}
	isnad_ingest_free(ig);
	t = bench_now() - t0;
	printf("  %6zu articles  %7.0f articles/s  peak RSS %.0f MB  (%zu "
	       "stored, %zu exact duplicates)\n",
	       n_arts, (double)n_arts / t, bench_peak_rss_mb(), added, dups);

	/* the peer: stock FTS5 unicode61 over the same texts */
	sqlite3_open(":memory:", &peer);
	sqlite3_exec(peer,
	             "CREATE VIRTUAL TABLE f USING fts5(title, text,"
	             " tokenize='unicode61 remove_diacritics 2')",
	             NULL, NULL, NULL);
	sqlite3_prepare_v2(peer, "INSERT INTO f VALUES(?1, ?2)", -1, &pins,
	                   NULL);
	t0 = bench_now();
	sqlite3_exec(peer, "BEGIN", NULL, NULL, NULL);
	for (size_t i = 0; i < n_arts; i++) {
		sqlite3_reset(pins);
		sqlite3_bind_text(pins, 1, arts[i].title, -1, SQLITE_STATIC);
		sqlite3_bind_text(pins, 2, arts[i].text, -1, SQLITE_STATIC);
		sqlite3_step(pins);
	}
	sqlite3_exec(peer, "COMMIT", NULL, NULL, NULL);
	printf("peer: FTS5 unicode61 index only: %.0f articles/s\n",
	       (double)n_arts / (bench_now() - t0));

	/* queries from titles, every n_arts/N_QUERIES-th article */
	isnad_tokenizer_new(NULL, &tk);
	for (size_t i = 0; i < n_arts && nq < N_QUERIES; i += 13)
		if (query_of(tk, arts[i].title, queries[nq], sizeof queries[0],
		             qwords[nq]))
			nq++;
	sqlite3_prepare_v2(peer,
	                   "SELECT rowid, bm25(f) FROM f WHERE f MATCH ?1"
	                   " ORDER BY bm25(f) LIMIT 20",
	                   -1, &pq, NULL);
	for (int q = 0; q < nq; q++) {
		int n = 0;
		char pm[400];
		t0 = bench_now();
		isnad_search(st, queries[q], 20, "[", "]", count_hit, &n);
		lat_ours[q] = bench_now() - t0;
		snprintf(pm, sizeof pm, "\"%.127s\" \"%.127s\"", qwords[q][0],
		         qwords[q][1]);
		t0 = bench_now();
		sqlite3_reset(pq);
		sqlite3_bind_text(pq, 1, pm, -1, SQLITE_STATIC);
		while (sqlite3_step(pq) == SQLITE_ROW)
			;
		lat_peer[q] = bench_now() - t0;
	}
	printf("search, %d queries from titles (2 words, top 20, snippets for "
	       "isnad):\n",
	       nq);
	latency("isnad", lat_ours, nq);
	latency("FTS5 unicode61", lat_peer, nq);

	/* Inflected variants: for each query word and each clitic form of it
	 * found in the corpus, the documents that contain the form but not the
	 * bare word (so only the form can make them match).  Does a query for
	 * the bare word find at least one of them? */
	for (int q = 0; q < nq; q++) {
		for (int w = 0; w < 2; w++) {
			struct idset ours = {NULL, 0, 0};
			const char *bare = qwords[q][w];
			char **hit_src = NULL;
			if (!strncmp(bare, "ال", strlen("ال")))
				bare += strlen("ال");
			isnad_search(st, bare, 0, "[", "]", add_hit, &ours);
			(void)hit_src;
			for (size_t c = 0; c < sizeof clitics / sizeof *clitics;
			     c++) {
				char form[300], pm[700];
				sqlite3_stmt *s;
				long only[50];
				int n_only = 0, f_ours = 0, f_peer = 0;
				snprintf(form, sizeof form, "%s%.127s",
				         clitics[c], bare);
				snprintf(pm, sizeof pm,
				         "\"%.140s\" NOT \"%.127s\"", form,
				         bare);
				sqlite3_prepare_v2(
				    peer,
				    "SELECT rowid FROM f WHERE f MATCH ?1"
				    " LIMIT 50",
				    -1, &s, NULL);
				sqlite3_bind_text(s, 1, pm, -1, SQLITE_STATIC);
				while (sqlite3_step(s) == SQLITE_ROW)
					only[n_only++] =
					    sqlite3_column_int64(s, 0);
				sqlite3_finalize(s);
				if (!n_only)
					continue;
				var_total++;
				/* peer: its bare query, intersected */
				snprintf(pm, sizeof pm, "\"%.127s\"", bare);
				sqlite3_prepare_v2(
				    peer,
				    "SELECT rowid FROM f WHERE f MATCH ?1", -1,
				    &s, NULL);
				sqlite3_bind_text(s, 1, pm, -1, SQLITE_STATIC);
				while (!f_peer && sqlite3_step(s) == SQLITE_ROW)
					for (int k = 0; k < n_only; k++)
						if (only[k] ==
						    sqlite3_column_int64(s, 0))
							f_peer = 1;
				sqlite3_finalize(s);
				/* ours: hits carry source saudinewsnet#N, N the
				 * peer's rowid */
				for (int k = 0; k < ours.n && !f_ours; k++)
					for (int m = 0; m < n_only; m++)
						if (atol(ours.v[k]) == only[m])
							f_ours = 1;
				var_ours += f_ours;
				var_peer += f_peer;
			}
			free(ours.v);
		}
	}
	printf("inflected variants: %ld clitic forms of the query words occur "
	       "in documents\n  without the bare word; a bare-word query finds "
	       "such a document for\n  %ld of them in isnad (%.0f%%), %ld in "
	       "FTS5 unicode61 (%.0f%%)\n",
	       var_total, var_ours,
	       var_total ? 100.0 * (double)var_ours / (double)var_total : 0.0,
	       var_peer,
	       var_total ? 100.0 * (double)var_peer / (double)var_total : 0.0);
	near_duplicate_precision(st, db, tk);
	printf("peak RSS %.0f MB\n", bench_peak_rss_mb());
	sqlite3_finalize(pins);
	sqlite3_finalize(pq);
	sqlite3_close(peer);
	isnad_tokenizer_free(tk);
	isnad_store_close(st);
	return 0;
}
