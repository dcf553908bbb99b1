/*
 * resolve.c - mentions to entities within a document (see resolve.h).
 *
 * Names are compared as skeletons: search-normalised, the article taken
 * off each word, and the long vowels inside a word (ا و ي) dropped, since
 * Arabic spells foreign names with and without them (أمريكا / أميركا,
 * أورن / أوورن).  Full names are processed longest first so that short
 * forms find the entity they belong to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/ner.h"
#include "isnad/resolve.h"
#include "isnad/text.h"
#include "isnad/token.h"
#include "isnad_int.h"

#define MAX_NAME 512

size_t isnad_name_skeleton(const char *s, size_t len, char *out, size_t cap)
{
	char norm[3 * MAX_NAME + 4];
	size_t n, o = 0, i = 0;
	if (!cap)
		return 0;
	if (len > MAX_NAME)
		len = MAX_NAME;
	/* LIGHT first: hamza still tells ألبير (a name) from البير (the
	 * well); the article is taken off there, the folds come after */
	n = isnad_normalize_word(s, len, ISNAD_NORM_LIGHT, norm);
	/* quotes inside a name («تنظيم "الدولة"») are no part of it */
	for (size_t q = 0; q < n; q++) {
		unsigned char c = (unsigned char)norm[q];
		if (c == '"' || c == '\'')
			norm[q] = ' ';
		else if (c == 0xC2 && q + 1 < n &&
		         ((unsigned char)norm[q + 1] == 0xAB ||
		          (unsigned char)norm[q + 1] == 0xBB))
			norm[q] = norm[q + 1] = ' ';
		else if (c == 0xE2 && q + 2 < n &&
		         (unsigned char)norm[q + 1] == 0x80 &&
		         ((unsigned char)norm[q + 2] == 0x9C ||
		          (unsigned char)norm[q + 2] == 0x9D))
			norm[q] = norm[q + 1] = norm[q + 2] = ' ';
	}
	while (i < n) {
		size_t w = i, e, k;
		while (i < n && (norm[i] == ' ' || norm[i] == '\n' ||
		                 norm[i] == '\t' || norm[i] == '-'))
			i++;
		w = i;
		while (i < n && norm[i] != ' ' && norm[i] != '\n' &&
		       norm[i] != '\t' && norm[i] != '-')
			i++;
		e = i;
		if (w == e)
			continue;
		/* the article */
		if (e - w > 6 && !memcmp(norm + w, "\xd8\xa7\xd9\x84", 4))
			w += 4;
		if (o && o + 1 < cap)
			out[o++] = ' ';
		{
			/* fold this word to the search level */
			char f[3 * MAX_NAME + 4];
			size_t fl = isnad_normalize_word(norm + w, e - w,
			                                 ISNAD_NORM_SEARCH, f);
			memcpy(norm + w, f, fl <= e - w ? fl : e - w);
			e = w + (fl <= e - w ? fl : e - w);
		}
		for (k = w; k < e;) {
			size_t cl =
			    ((unsigned char)norm[k] & 0xE0) == 0xC0   ? 2
			    : ((unsigned char)norm[k] & 0xF0) == 0xE0 ? 3
			    : ((unsigned char)norm[k] & 0xF8) == 0xF0 ? 4
			                                              : 1;
			int inner = k > w && k + cl < e;
			int vowel = cl == 2 && (unsigned char)norm[k] == 0xD8 &&
			            (unsigned char)norm[k + 1] == 0xA7; /* ا */
			vowel |= cl == 2 && (unsigned char)norm[k] == 0xD9 &&
			         ((unsigned char)norm[k + 1] == 0x88 ||
			          (unsigned char)norm[k + 1] == 0x8A); /* و ي */
			if (!(inner && vowel) && o + cl < cap) {
				memcpy(out + o, norm + k, cl);
				o += cl;
			}
			k += cl;
		}
	}
	if (o >= cap)
		o = cap - 1;
	out[o] = '\0';
	return o;
}

/* Is the word sequence of short a run of words of long (both skeletons)? */
static int word_run_of(const char *shrt, const char *lng)
{
	size_t sl = strlen(shrt), ll = strlen(lng);
	const char *p = lng;
	if (!sl || sl >= ll)
		return 0;
	while ((p = strstr(p, shrt)) != NULL) {
		int left = p == lng || p[-1] == ' ';
		int right = p[sl] == '\0' || p[sl] == ' ';
		if (left && right)
			return 1;
		p++;
	}
	return 0;
}

/*
 * «للأمم المتحدة» is ل + الأمم with the article's alef gone, so the
 * mention (which starts at the article) reads «لأمم المتحدة»; «للبنان» is
 * ل + لبنان.  Which one the news writes tells them apart: if the first
 * word with ال in place of its ل is the more frequent form (الأمم, not
 * لأمم; لبنان, not البنان), the ل is the article.  Returns the bytes to
 * skip (2 or 0).
 */
static size_t assimilated_article(const char *text, size_t a, size_t b)
{
	char word[64], light[3 * 64 + 4], alt[3 * 64 + 8];
	size_t e = a, n, l1;
	const struct isnad_lexicon *lx = isnad_lexicon_default();
	if (a < 2 || b - a < 6 || memcmp(text + a - 2, "\xd9\x84", 2) ||
	    memcmp(text + a, "\xd9\x84", 2) || !lx)
		return 0;
	while (e < b && text[e] != ' ')
		e++;
	if (e - a < 4 || e - a >= sizeof word)
		return 0;
	memcpy(word, text + a, e - a);
	n = isnad_normalize_word(word, e - a, ISNAD_NORM_LIGHT, light);
	if (n < 4)
		return 0;
	memcpy(alt, "\xd8\xa7", 2); /* ا then the ل already there */
	memcpy(alt + 2, light, n);
	l1 = isnad_lexicon_count(lx, light, n);
	return isnad_lexicon_count(lx, alt, n + 2) > l1 ? 2 : 0;
}

/* The bytes of an opening (o = 1) or closing bracket or quote at t, or 0. */
static size_t opener(const char *t, size_t at, size_t end, int o)
{
	static const char *const open[] = {"(", "\xc2\xab", "\"",
	                                   "\xe2\x80\x9c"};
	static const char *const close[] = {")", "\xc2\xbb", "\"",
	                                    "\xe2\x80\x9d"};
	for (size_t k = 0; k < 4; k++) {
		const char *q = o ? open[k] : close[k];
		size_t l = strlen(q);
		if (at + l <= end && !memcmp(t + at, q, l))
			return l;
	}
	return 0;
}

/*
 * For each mention, the one it stands beside as a short form, or SIZE_MAX:
 * in brackets or quotes after it («الاسم (الاختصار)», «حركة المقاومة
 * الإسلامية "حماس"»).
 */
static void bracket_pairs(const char *text, size_t len,
                          const struct isnad_span_typed *m, size_t n,
                          size_t *pair)
{
	for (size_t i = 0; i < n; i++)
		pair[i] = SIZE_MAX;
	for (size_t i = 1; i < n; i++) {
		size_t a = m[i - 1].end, b = m[i].start, q = 0, after;
		if (m[i].type != m[i - 1].type || a > b)
			continue;
		while (a < b && text[a] == ' ')
			a++;
		if (a < b && (q = opener(text, a, b, 1)) != 0)
			a += q;
		while (a < b && text[a] == ' ')
			a++;
		/* with nothing between, two names are as often subject
		 * and object: «هزمت الولايات المتحدة الصين» */
		if (a != b || !q)
			continue;
		for (after = m[i].end; after < len && text[after] == ' ';
		     after++)
			;
		if (!opener(text, after, len, 0))
			continue;
		pair[i] = i - 1;
		pair[i - 1] = i;
	}
}

/*
 * A body's name may open with the kind of body it is, which a document
 * drops as often as it writes: «منظمة الصحة العالمية» / «الصحة العالمية»,
 * «حركة حماس» / «حماس», «شركة أرامكو» / «أرامكو».  The key leaves it out so
 * that documents naming the body either way agree.  Heads that tell
 * bodies apart stay: «مجلس الأمن» is not «مديرية الأمن».  So does a kind
 * before one definite word, which other bodies also go by: «حركة
 * الشباب» (Somalia) is not the club الشباب, «حزب الوفد» not its paper.
 * Returns the bytes of skeleton sk to skip (the kind and its space), or
 * 0; name[0..len) is the mention as written.
 */
static size_t kind_prefix(const char *sk, const char *name, size_t len)
{
	/* not جماعة: its skeleton جمعه is also جامعة's (جامعة الدول
	 * العربية is not الدول العربية) */
	static const char *const kinds[] = {"منظمه", "حركه", "حزب",
	                                    "تنظم",  "جبهه", "شركه"};
	const char *sp = strchr(sk, ' ');
	size_t hl;
	if (!sp || strlen(sp + 1) < 6)
		return 0;
	hl = (size_t)(sp - sk);
	if (!strchr(sp + 1, ' ')) {
		/* one word after the kind: only an indefinite name */
		const char *w = memchr(name, ' ', len);
		/* spaces and quotes: «تنظيم "الدولة"» */
		while (w && w < name + len &&
		       (*w == ' ' || *w == '"' ||
		        (name + len - w >= 2 && !memcmp(w, "«", 2)) ||
		        (name + len - w >= 3 && !memcmp(w, "“", 3))))
			w += *w == ' ' || *w == '"' ? 1
			     : !memcmp(w, "«", 2)   ? 2
			                            : 3;
		if (!w || (name + len - w >= 4 &&
		           !memcmp(w, "\xd8\xa7\xd9\x84", 4))) /* ال */
			return 0;
	}
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(kinds); k++)
		if (strlen(kinds[k]) == hl && !memcmp(sk, kinds[k], hl))
			return hl + 1;
	return 0;
}

struct item {
	size_t idx;  /* mention */
	size_t len;  /* skeleton length */
	int article; /* its first ل is the article's */
	char sk[160];
};

/* A mention's place in the order names are resolved in. */
struct ord {
	size_t len, idx;
	int skip; /* its ل is the article's («للنصر»): a name written so is
	             the entity's name only when no other form comes first */
};

/*
 * Entities by the words of their names and short forms: a mention can
 * only join an entity whose name or short form holds its first word, so
 * it is compared with those alone and not with every entity (a long text
 * holds thousands).  A word's 32-bit hash leads to a list of (entity,
 * next) nodes, newest first; two words that share a hash only add
 * candidates, which are checked anyway.
 */
struct wnode {
	uint32_t ent, next;
};

struct windex {
	struct isnad_ktab head; /* word hash -> first node */
	struct wnode *node;
	size_t nn, ncap;
};

static uint32_t word_key(const char *w, size_t n)
{
	return (uint32_t)isnad__hash(w, n) | 1;
}

/* Every word of skeleton sk (and the empty name as a word) leads to e. */
static int windex_add(struct windex *x, const char *sk, size_t e)
{
	const char *p = sk;
	do {
		const char *q = strchr(p, ' ');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		uint32_t *h;
		if (isnad__ktab_upsert(&x->head, word_key(p, n),
		                       ISNAD_KTAB_NONE, &h))
			return 0;
		if (*h == ISNAD_KTAB_NONE || x->node[*h].ent != e) {
			if (x->nn == x->ncap) {
				size_t nc = x->ncap ? 2 * x->ncap : 256;
				struct wnode *nv =
				    isnad_realloc(x->node, nc * sizeof *nv);
				if (!nv || nc >= ISNAD_KTAB_NONE)
					return 0;
				x->node = nv;
				x->ncap = nc;
			}
			x->node[x->nn].ent = (uint32_t)e;
			x->node[x->nn].next = *h;
			*h = (uint32_t)x->nn++;
		}
		p = q ? q + 1 : NULL;
	} while (p);
	return 1;
}

static void windex_release(struct windex *x)
{
	isnad__ktab_release(&x->head);
	isnad_free(x->node);
	memset(x, 0, sizeof *x);
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

static int by_length(const void *a, const void *b)
{
	const struct ord *x = a, *y = b;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	if (x->skip != y->skip)
		return x->skip < y->skip ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Mention i has joined entity e: a shorter form bracketed beside it
 * becomes the entity's alias, before any mention of that length is
 * placed (names are placed longest first). */
static void set_alias(struct isnad_resolution *out, size_t e,
                      const struct item *it, const size_t *pair, size_t i)
{
	size_t j = pair[i];
	if (j != SIZE_MAX && it[j].len < it[i].len && !out->ents[e].alias[0] &&
	    it[j].len < sizeof out->ents[e].alias)
		memcpy(out->ents[e].alias, it[j].sk, it[j].len + 1);
}

isnad_status isnad_resolve(const char *text, const struct isnad_span_typed *m,
                           size_t n, struct isnad_resolution *out)
{
	struct item *it;
	struct ord *order;
	size_t *pair, *cand = NULL, ccap = 0;
	struct windex wx = {0};
	isnad_status st = ISNAD_OK;
	memset(out, 0, sizeof *out);
	if (!n)
		return ISNAD_OK;
	it = isnad_calloc(n, sizeof *it);
	order = isnad_calloc(n, sizeof *order);
	pair = isnad_calloc(n, sizeof *pair);
	out->ents = isnad_calloc(n, sizeof *out->ents);
	out->entity_of = isnad_calloc(n, sizeof *out->entity_of);
	if (!it || !order || !pair || !out->ents || !out->entity_of) {
		isnad_free(it);
		isnad_free(order);
		isnad_free(pair);
		isnad_resolution_release(out);
		return ISNAD_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		size_t skip = assimilated_article(text, m[i].start, m[i].end);
		it[i].idx = i;
		it[i].len = isnad_name_skeleton(text + m[i].start + skip,
		                                m[i].end - m[i].start - skip,
		                                it[i].sk, sizeof it[i].sk);
		order[i].idx = i;
		order[i].len = it[i].len;
		order[i].skip = skip != 0;
		it[i].article = skip != 0;
	}
	bracket_pairs(text, strlen(text), m, n, pair);
	/* longest names first, in text order among equals (qsort: a long
	 * text's tens of thousands of mentions) */
	qsort(order, n, sizeof *order, by_length);
	for (size_t oi = 0; oi < n; oi++) {
		size_t i = order[oi].idx, found = (size_t)-1, runs = 0, nc = 0;
		{
			/* the candidates, in the order entities were made */
			const char *sp = strchr(it[i].sk, ' ');
			size_t wl = sp ? (size_t)(sp - it[i].sk) : it[i].len;
			for (uint32_t q = isnad__ktab_find(
			         &wx.head, word_key(it[i].sk, wl));
			     q != ISNAD_KTAB_NONE; q = wx.node[q].next) {
				if (nc == ccap) {
					size_t nv = ccap ? 2 * ccap : 64;
					size_t *c2 = isnad_realloc(
					    cand, nv * sizeof *c2);
					if (!c2) {
						st = ISNAD_ENOMEM;
						goto fail;
					}
					cand = c2;
					ccap = nv;
				}
				cand[nc++] = wx.node[q].ent;
			}
			if (nc > 1)
				qsort(cand, nc, sizeof *cand, by_size);
		}
		for (size_t c = 0; c < nc; c++) {
			size_t e = cand[c];
			const struct item *full = &it[out->ents[e].name];
			if (c && cand[c - 1] == e)
				continue;
			if (out->ents[e].type != m[i].type)
				continue;
			if (!strcmp(full->sk, it[i].sk) ||
			    (out->ents[e].alias[0] &&
			     !strcmp(out->ents[e].alias, it[i].sk))) {
				found = e;
				runs = 1;
				break;
			}
			if (word_run_of(it[i].sk, full->sk)) {
				if (!runs++)
					found = e;
			}
		}
		if (found != (size_t)-1 && runs == 1) {
			int had = out->ents[found].alias[0] != 0;
			out->entity_of[i] = found;
			out->ents[found].n_mentions++;
			set_alias(out, found, it, pair, i);
			if (!had && out->ents[found].alias[0] &&
			    !windex_add(&wx, out->ents[found].alias, found)) {
				st = ISNAD_ENOMEM;
				goto fail;
			}
			continue;
		}
		/* a new entity, named by this mention */
		{
			struct isnad_entity *e = &out->ents[out->n_ents];
			static const char *const tn[] = {"PER", "ORG", "LOC",
			                                 "MISC"};
			e->type = m[i].type;
			e->name = i;
			e->name_article = it[i].article;
			e->n_mentions = 1;
			snprintf(
			    e->key, sizeof e->key, "%s:%.150s",
			    m[i].type >= 0 && m[i].type < 4 ? tn[m[i].type]
			                                    : "X",
			    it[i].sk +
			        (m[i].type == ISNAD_NER_ORG
			             ? kind_prefix(it[i].sk, text + m[i].start,
			                           m[i].end - m[i].start)
			             : 0));
			out->entity_of[i] = out->n_ents++;
			set_alias(out, out->entity_of[i], it, pair, i);
			if (!windex_add(&wx, it[i].sk, out->entity_of[i]) ||
			    (e->alias[0] &&
			     !windex_add(&wx, e->alias, out->entity_of[i]))) {
				st = ISNAD_ENOMEM;
				goto fail;
			}
		}
	}
fail:
	windex_release(&wx);
	isnad_free(cand);
	isnad_free(it);
	isnad_free(order);
	isnad_free(pair);
	if (st)
		isnad_resolution_release(out);
	return st;
}

void isnad_resolution_release(struct isnad_resolution *r)
{
	if (!r)
		return;
	isnad_free(r->ents);
	isnad_free(r->entity_of);
	memset(r, 0, sizeof *r);
}
