/*
 * fts.c - the "isnad" FTS5 tokenizer: SQLite's full-text index sees our
 * normaliser, clitic split and stems, with byte offsets into the original
 * text so snippets and highlights show the words as written.
 *
 * Documents: each content token gives its stem, and, colocated (same
 * position), '=' + its normalised surface form, so that a phrase query can
 * match surface forms while a word query matches any inflection.  Queries
 * are built by search.c already tokenized (stems and '=' forms separated by
 * spaces), so in query mode the tokenizer only splits on spaces.
 */
#include <string.h>

#include "isnad/buf.h"
#include "isnad_int.h"
#include "store_int.h"

int isnad__fts_indexed(int type)
{
	return type == ISNAD_TOK_ARABIC || type == ISNAD_TOK_LATIN ||
	       type == ISNAD_TOK_NUMBER || type == ISNAD_TOK_HASHTAG ||
	       type == ISNAD_TOK_MENTION || type == ISNAD_TOK_URL ||
	       type == ISNAD_TOK_EMAIL;
}

struct fts_tok {
	struct isnad_tokenizer *tk;
	int own_tk; /* 0 when borrowed from the store */
	struct isnad_tokens toks;
	char *buf; /* '=' + surface forms */
	size_t cap;
};

/* ctx is the store's tokenizer: the index then shares its word cache
 * (each new word is analysed once, not once per tokenizer).  The store
 * uses a connection from one thread at a time, and never holds tokens of
 * its own across a statement that runs this tokenizer. */
static int fts_create(void *ctx, const char **azArg, int nArg,
                      Fts5Tokenizer **ppOut)
{
	struct fts_tok *t = isnad_calloc(1, sizeof *t);
	(void)azArg;
	(void)nArg;
	*ppOut = NULL;
	if (!t)
		return SQLITE_NOMEM;
	if (ctx) {
		t->tk = ctx;
	} else if (isnad_tokenizer_new(NULL, &t->tk) != ISNAD_OK) {
		isnad_free(t);
		return SQLITE_ERROR;
	} else {
		t->own_tk = 1;
	}
	isnad_tokens_init(&t->toks);
	*ppOut = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *p)
{
	struct fts_tok *t = (struct fts_tok *)p;
	if (!t)
		return;
	isnad_tokens_release(&t->toks);
	if (t->own_tk)
		isnad_tokenizer_free(t->tk);
	isnad_free(t->buf);
	isnad_free(t);
}

static int query_tokens(void *pCtx, const char *text, int n,
                        int (*xToken)(void *, int, const char *, int, int, int))
{
	int i = 0, rc = SQLITE_OK;
	while (i < n && rc == SQLITE_OK) {
		int j;
		while (i < n && text[i] == ' ')
			i++;
		for (j = i; j < n && text[j] != ' '; j++)
			;
		if (j > i)
			rc = xToken(pCtx, 0, text + i, j - i, i, j);
		i = j;
	}
	return rc;
}

static int fts_tokenize(Fts5Tokenizer *p, void *pCtx, int flags,
                        const char *text, int n,
                        int (*xToken)(void *, int, const char *, int, int, int))
{
	struct fts_tok *t = (struct fts_tok *)p;
	int rc = SQLITE_OK;
	if (flags & FTS5_TOKENIZE_QUERY)
		return query_tokens(pCtx, text, n, xToken);
	t->toks.n = 0;
	if (n <= 0)
		return SQLITE_OK;
	if (isnad_tokenize(t->tk, text, (size_t)n, &t->toks) != ISNAD_OK)
		return SQLITE_NOMEM;
	for (size_t i = 0; i < t->toks.n && rc == SQLITE_OK; i++) {
		const struct isnad_token *k = &t->toks.v[i];
		size_t a = i, b = i;
		if (!isnad__fts_indexed(k->type) || !k->stem_len)
			continue;
		/* highlights cover the whole written word: والمخابرات, not
		 * just مخابرات */
		while (a > 0 && t->toks.v[a - 1].type == ISNAD_TOK_PROCLITIC &&
		       t->toks.v[a - 1].end == t->toks.v[a].start)
			a--;
		while (b + 1 < t->toks.n &&
		       t->toks.v[b + 1].type == ISNAD_TOK_ENCLITIC &&
		       t->toks.v[b + 1].start == t->toks.v[b].end)
			b++;
		rc = xToken(pCtx, 0, k->stem, (int)k->stem_len,
		            (int)t->toks.v[a].start, (int)t->toks.v[b].end);
		if (rc != SQLITE_OK)
			break;
		if (k->norm_len + 1 > t->cap) {
			size_t nc = k->norm_len + 64;
			char *b = isnad_realloc(t->buf, nc);
			if (!b)
				return SQLITE_NOMEM;
			t->buf = b;
			t->cap = nc;
		}
		t->buf[0] = ISNAD_FTS_SURFACE;
		memcpy(t->buf + 1, k->norm, k->norm_len);
		rc = xToken(pCtx, FTS5_TOKEN_COLOCATED, t->buf,
		            (int)k->norm_len + 1, (int)t->toks.v[a].start,
		            (int)t->toks.v[b].end);
	}
	return rc;
}

static void snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
                       sqlite3_context *ctx, int nVal, sqlite3_value **apVal);

static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr",
		                     NULL);
		sqlite3_step(stmt);
	}
	sqlite3_finalize(stmt);
	return api;
}

int isnad__fts_register(sqlite3 *db, struct isnad_tokenizer *shared)
{
	static fts5_tokenizer tok = {fts_create, fts_delete, fts_tokenize};
	fts5_api *api = fts5_api_of(db);
	int rc;
	if (!api)
		return SQLITE_ERROR;
	rc = api->xCreateTokenizer(api, "isnad", shared, &tok, NULL);
	if (rc == SQLITE_OK && shared)
		rc = api->xCreateFunction(api, "isnad_snippet", shared,
		                          snippet_fn, NULL);
	return rc;
}

/* ---- snippets --------------------------------------------------------------
 */

#define SNIP_BEFORE 6 /* indexed tokens shown before the first match */
#define SNIP_AFTER 12 /* and after it */
#define SNIP_MAX_INST 256

/*
 * isnad_snippet(fts, open, close): a window of the text column around its
 * first match, matches wrapped in open/close, "…" where text is cut.
 *
 * FTS5's own snippet() tokenizes the whole column of every result; news
 * matches sit near the top, so this one tokenizes only a growing prefix,
 * until the window is complete.  Positions count indexed tokens, as the
 * tokenizer above emits them.
 */
static void snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
                       sqlite3_context *ctx, int nVal, sqlite3_value **apVal)
{
	struct isnad_tokenizer *tk = api->xUserData(fts);
	const char *text, *open, *close;
	int n, ninst = 0, pos[SNIP_MAX_INST], npos = 0, first = -1;
	struct isnad_tokens toks;
	struct isnad_buf out;
	size_t cut;
	if (nVal != 2 || api->xColumnText(fts, 1, &text, &n) != SQLITE_OK ||
	    !text || n <= 0) {
		sqlite3_result_null(ctx);
		return;
	}
	open = (const char *)sqlite3_value_text(apVal[0]);
	close = (const char *)sqlite3_value_text(apVal[1]);
	api->xInstCount(fts, &ninst);
	for (int i = 0; i < ninst && npos < SNIP_MAX_INST; i++) {
		int ph, col, off;
		if (api->xInst(fts, i, &ph, &col, &off) == SQLITE_OK &&
		    col == 1) {
			pos[npos++] = off;
			if (first < 0 || off < first)
				first = off;
		}
	}
	if (first < 0)
		first = 0; /* matched in the title: show the lead */
	isnad_tokens_init(&toks);
	isnad_buf_init(&out, 0);
	for (cut = 2048;; cut *= 2) {
		size_t indexed = 0, lo = 0, hi = 0, k;
		int want_lo = first > SNIP_BEFORE ? first - SNIP_BEFORE : 0;
		int want_hi = first + SNIP_AFTER, p = -1, found_hi = 0;
		if (cut >= (size_t)n)
			cut = (size_t)n;
		else /* cut at white space so the prefix tokenizes as in full */
			while (cut < (size_t)n && text[cut] != ' ' &&
			       text[cut] != '\n')
				cut++;
		toks.n = 0;
		if (isnad_tokenize(tk, text, cut, &toks) != ISNAD_OK)
			break;
		for (k = 0; k < toks.n; k++) {
			if (!isnad__fts_indexed(toks.v[k].type) ||
			    !toks.v[k].stem_len)
				continue;
			p = (int)indexed++;
			if (p == want_lo)
				lo = k;
			if (p == want_hi) {
				hi = k;
				found_hi = 1;
				break;
			}
		}
		if (!found_hi && cut < (size_t)n)
			continue; /* the window runs past the prefix */
		if (!found_hi)
			hi = toks.n ? toks.n - 1 : 0;
		if (!toks.n)
			break;
		/* extend to whole written words, then emit */
		while (lo > 0 && toks.v[lo - 1].end == toks.v[lo].start)
			lo--;
		while (hi + 1 < toks.n &&
		       toks.v[hi + 1].start == toks.v[hi].end)
			hi++;
		if (toks.v[lo].start > 0)
			isnad_buf_adds(&out, "…");
		/* positions of tokens from lo on */
		p = 0;
		for (k = 0; k < lo; k++)
			p += isnad__fts_indexed(toks.v[k].type) &&
			     toks.v[k].stem_len;
		for (k = lo; k <= hi; k++) {
			const struct isnad_token *t = &toks.v[k];
			int hit = 0;
			if (isnad__fts_indexed(t->type) && t->stem_len) {
				for (int q = 0; q < npos; q++)
					hit |= pos[q] == p;
				p++;
			}
			if (k > lo && toks.v[k - 1].end < t->start)
				isnad_buf_add(&out, text + toks.v[k - 1].end,
				              t->start - toks.v[k - 1].end);
			if (hit) {
				/* the whole written word: clitics around it */
				size_t ws = k, we = k;
				while (ws > lo &&
				       toks.v[ws - 1].end == toks.v[ws].start &&
				       toks.v[ws - 1].type ==
				           ISNAD_TOK_PROCLITIC)
					ws--;
				while (we < hi &&
				       toks.v[we + 1].start == toks.v[we].end &&
				       toks.v[we + 1].type ==
				           ISNAD_TOK_ENCLITIC)
					we++;
				/* the proclitics were already written: rewrite
				 */
				out.len -= t->start - toks.v[ws].start;
				isnad_buf_adds(&out, open ? open : "[");
				isnad_buf_add(&out, text + toks.v[ws].start,
				              toks.v[we].end -
				                  toks.v[ws].start);
				isnad_buf_adds(&out, close ? close : "]");
				k = we;
				continue;
			}
			isnad_buf_add(&out, text + t->start, t->end - t->start);
		}
		if (toks.v[hi].end < (size_t)n)
			isnad_buf_adds(&out, "…");
		break;
	}
	sqlite3_result_text(ctx, out.s, (int)out.len, SQLITE_TRANSIENT);
	isnad_buf_release(&out);
	isnad_tokens_release(&toks);
}
