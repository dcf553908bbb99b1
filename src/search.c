/*
 * search.c - the query language over the FTS5 index.
 *
 * A query is parsed here, not by FTS5: each word goes through the same
 * tokenizer as the documents and becomes the stems of its content tokens
 * (so اجتماع and بالاجتماعات meet), a "phrase" becomes the '='-prefixed
 * surface forms in a row, OR joins its neighbours, a leading '-' excludes,
 * and outlet:/from:/to: become SQL conditions.  The FTS5 expression built
 * is a conjunction of groups; exclusions follow as NOT (...).
 */
#include <stdio.h>
#include <string.h>

#include "isnad/buf.h"
#include "isnad/text.h"
#include "isnad_int.h"
#include "store_int.h"

struct query {
	struct isnad_buf pos, neg; /* FTS5 expressions */
	char outlet[256], from[32], to[32];
	int n_pos, n_neg, pending_or;
};

/* Append the FTS5 string for text: its content tokens' stems, or (phrase)
 * their '=' surface forms, quoted.  Returns the number of tokens. */
static int add_term(struct isnad_store *st, struct isnad_buf *b,
                    const char *text, size_t len, int phrase)
{
	struct isnad_tokens t;
	int n = 0;
	isnad_tokens_init(&t);
	if (isnad_tokenize(st->tk, text, len, &t) != ISNAD_OK) {
		isnad_tokens_release(&t);
		return -1;
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct isnad_token *k = &t.v[i];
		const char *s = phrase ? k->norm : k->stem;
		size_t sl = phrase ? k->norm_len : k->stem_len;
		if (!isnad__fts_indexed(k->type) || !sl)
			continue;
		/* a word with several content tokens (F-16 2014) needs all;
		 * a phrase keeps them in one quoted string */
		if (n == 0 || !phrase)
			isnad_buf_adds(b, n ? " AND \"" : "\"");
		else
			isnad_buf_addc(b, ' ');
		if (phrase)
			isnad_buf_addc(b, ISNAD_FTS_SURFACE);
		for (size_t j = 0; j < sl; j++) {
			if (s[j] == '"')
				isnad_buf_addc(b, '"');
			isnad_buf_addc(b, s[j]);
		}
		if (!phrase)
			isnad_buf_addc(b, '"');
		n++;
	}
	if (phrase && n)
		isnad_buf_addc(b, '"');
	isnad_tokens_release(&t);
	return n;
}

static int filter(const char *w, size_t n, const char *name, char *dst,
                  size_t cap)
{
	size_t k = strlen(name);
	if (n <= k || memcmp(w, name, k) != 0)
		return 0;
	snprintf(dst, cap, "%.*s", (int)(n - k), w + k);
	return 1;
}

static isnad_status parse(struct isnad_store *st, const char *q,
                          struct query *out)
{
	const char *p = q;
	while (*p) {
		const char *w;
		size_t n;
		int neg = 0, phrase = 0, k;
		struct isnad_buf *b;
		struct isnad_buf term;
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		if (*p == '-' && p[1] && p[1] != ' ') {
			neg = 1;
			p++;
		}
		if (*p == '"') {
			phrase = 1;
			w = ++p;
			while (*p && *p != '"')
				p++;
			n = (size_t)(p - w);
			if (*p)
				p++;
		} else {
			w = p;
			while (*p && *p != ' ' && *p != '\t' && *p != '\n')
				p++;
			n = (size_t)(p - w);
		}
		if (!phrase && !neg) {
			if (n == 2 && !memcmp(w, "OR", 2)) {
				out->pending_or = out->n_pos > 0;
				continue;
			}
			if (filter(w, n, "outlet:", out->outlet,
			           sizeof out->outlet) ||
			    filter(w, n, "from:", out->from,
			           sizeof out->from) ||
			    filter(w, n, "to:", out->to, sizeof out->to))
				continue;
		}
		isnad_buf_init(&term, 0);
		k = add_term(st, &term, w, n, phrase);
		if (k < 0) {
			isnad_buf_release(&term);
			return ISNAD_ENOMEM;
		}
		if (k > 0) {
			b = neg ? &out->neg : &out->pos;
			if (neg) {
				if (out->n_neg++)
					isnad_buf_adds(b, " OR ");
			} else if (out->n_pos++) {
				isnad_buf_adds(b, out->pending_or ? " OR "
				                                  : " AND ");
			}
			isnad_buf_addc(b, '(');
			isnad_buf_add(b, term.s, term.len);
			isnad_buf_addc(b, ')');
			if (!neg)
				out->pending_or = 0;
		}
		isnad_buf_release(&term);
	}
	return ISNAD_OK;
}

isnad_status isnad_search(struct isnad_store *st, const char *query,
                          size_t limit, const char *hl_open,
                          const char *hl_close, isnad_hit_fn fn, void *ud)
{
	struct query q;
	struct isnad_buf sql, match;
	sqlite3_stmt *s = NULL;
	isnad_status rc = ISNAD_OK;
	int step, arg = 2;
	memset(&q, 0, sizeof q);
	isnad_buf_init(&q.pos, 1 << 16);
	isnad_buf_init(&q.neg, 1 << 16);
	isnad_buf_init(&sql, 0);
	isnad_buf_init(&match, 0);
	if ((rc = parse(st, query, &q)) != ISNAD_OK)
		goto out;
	if (!q.n_pos) {
		rc = ISNAD_EINVAL;
		isnad__store_fail(st,
		                  q.n_neg ? "a query needs something to "
		                            "find, not only exclusions"
		                          : "nothing to search for in '%s'",
		                  query);
		goto out;
	}
	/* In FTS5 NOT binds tightest, then AND, then OR: the positive part
	 * goes in parentheses so that NOT excludes from all of it. */
	isnad_buf_addc(&match, '(');
	isnad_buf_add(&match, q.pos.s, q.pos.len);
	isnad_buf_addc(&match, ')');
	if (q.n_neg) {
		isnad_buf_adds(&match, " NOT (");
		isnad_buf_add(&match, q.neg.s, q.neg.len);
		isnad_buf_addc(&match, ')');
	}
	/* The ranking and the snippets run inside FTS5 over its own top rows
	 * (ORDER BY rank LIMIT is FTS5's fast path); the documents table is
	 * joined only for those, and filters become a rowid set. */
	isnad_buf_adds(&sql,
	               "SELECT d.id, d.source, d.title, d.published, d.outlet,"
	               " -top.rank, top.snip FROM (SELECT rowid, rank,"
	               " isnad_snippet(documents_fts, ?3, ?4) AS snip"
	               " FROM documents_fts WHERE documents_fts MATCH ?1");
	if (q.outlet[0] || q.from[0] || q.to[0]) {
		isnad_buf_adds(&sql,
		               " AND rowid IN (SELECT rowid FROM documents"
		               " WHERE 1");
		if (q.outlet[0])
			isnad_buf_adds(&sql, " AND outlet_key = ?5");
		if (q.from[0])
			isnad_buf_adds(&sql, " AND published >= ?6");
		if (q.to[0])
			isnad_buf_adds(&sql,
			               " AND substr(published, 1, 10) <= ?7");
		isnad_buf_addc(&sql, ')');
	}
	isnad_buf_adds(&sql, " ORDER BY rank LIMIT ?2) AS top"
	                     " JOIN documents d ON d.rowid = top.rowid"
	                     " ORDER BY top.rank");
	if (sqlite3_prepare_v2(st->db, sql.s, -1, &s, NULL) != SQLITE_OK) {
		rc = isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
		goto out;
	}
	sqlite3_bind_text(s, 1, match.s, (int)match.len, SQLITE_STATIC);
	sqlite3_bind_int64(s, arg, limit ? (sqlite3_int64)limit : -1);
	sqlite3_bind_text(s, 3, hl_open ? hl_open : "[", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, hl_close ? hl_close : "]", -1, SQLITE_STATIC);
	if (q.outlet[0]) {
		char key[3 * sizeof q.outlet + 4];
		size_t kl = isnad_normalize_word(q.outlet, strlen(q.outlet),
		                                 ISNAD_NORM_SEARCH, key);
		sqlite3_bind_text(s, 5, key, (int)kl, SQLITE_TRANSIENT);
	}
	if (q.from[0])
		sqlite3_bind_text(s, 6, q.from, -1, SQLITE_STATIC);
	if (q.to[0])
		sqlite3_bind_text(s, 7, q.to, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct isnad_hit h;
		h.id = (const char *)sqlite3_column_text(s, 0);
		h.source = (const char *)sqlite3_column_text(s, 1);
		h.title = (const char *)sqlite3_column_text(s, 2);
		h.published = (const char *)sqlite3_column_text(s, 3);
		h.outlet = (const char *)sqlite3_column_text(s, 4);
		h.score = sqlite3_column_double(s, 5);
		h.snippet = (const char *)sqlite3_column_text(s, 6);
		if (fn(&h, ud))
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = isnad__store_fail(st, "%s", sqlite3_errmsg(st->db));
out:
	sqlite3_finalize(s);
	isnad_buf_release(&q.pos);
	isnad_buf_release(&q.neg);
	isnad_buf_release(&sql);
	isnad_buf_release(&match);
	return rc;
}
