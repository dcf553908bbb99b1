/*
 * boiler_meta.c - page lifecycle and the small parsers both cleaners share:
 * dates (ISO 8601, numeric, Arabic and English month names of every
 * regional set, Arabic-Indic digits), URL hosts, tag lists.
 *
 * Invariant: every string stored in a struct isnad_page is NUL-terminated,
 * valid UTF-8 when its input was, and allocated with isnad_malloc.
 */
#include <string.h>

#include "boiler_int.h"
#include "isnad_int.h"

void isnad_page_init(struct isnad_page *p)
{
	memset(p, 0, sizeof(*p));
}

void isnad_page_release(struct isnad_page *p)
{
	if (!p)
		return;
	isnad_free(p->text);
	isnad_free(p->title);
	isnad_free(p->published);
	isnad_free(p->author);
	isnad_free(p->outlet);
	isnad_free(p->url);
	for (size_t i = 0; i < p->n_tags; i++)
		isnad_free(p->tags[i]);
	isnad_free(p->tags);
	memset(p, 0, sizeof(*p));
}

char *isnad__bstrndup(const char *s, size_t len)
{
	char *r = isnad_malloc(len + 1);
	if (!r)
		return NULL;
	if (len)
		memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

static int is_space_at(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v') {
		*n = 1;
		return 1;
	}
	/* NBSP U+00A0 and the U+2000..U+200A spaces, U+202F, U+3000 */
	if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
		*n = 2;
		return 1;
	}
	if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
	    (((unsigned char)s[i + 2] >= 0x80 &&
	      (unsigned char)s[i + 2] <= 0x8A) ||
	     (unsigned char)s[i + 2] == 0xAF)) {
		*n = 3;
		return 1;
	}
	return 0;
}

char *isnad__bclean(const char *s, size_t len)
{
	char *r = isnad_malloc(len + 1);
	size_t o = 0, n;
	int sp = 0;
	if (!r)
		return NULL;
	for (size_t i = 0; i < len;) {
		if (is_space_at(s, len, i, &n)) {
			sp = 1;
			i += n;
			continue;
		}
		if (sp && o)
			r[o++] = ' ';
		sp = 0;
		r[o++] = s[i++];
	}
	r[o] = '\0';
	if (!o) {
		isnad_free(r);
		return NULL;
	}
	return r;
}

/* ---- dates --------------------------------------------------------------- */

enum { T_END, T_NUM, T_WORD, T_SEP };

struct dtok {
	int kind;
	int ndig;     /* T_NUM: digits */
	long val;     /* T_NUM: value */
	size_t s, e;  /* byte span */
	uint32_t sep; /* T_SEP: the character */
	int space;    /* white space before the token */
};

static int digit_of(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0x660 && cp <= 0x669)
		return (int)(cp - 0x660);
	if (cp >= 0x6F0 && cp <= 0x6F9)
		return (int)(cp - 0x6F0);
	return -1;
}

static int is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0x620 && cp <= 0x64A) || cp == 0x671 ||
	       (cp >= 0x67E && cp <= 0x6D3 && cp != 0x6D4) ||
	       (cp >= 0x64B && cp <= 0x652) || cp == 0x640;
}

static size_t next_tok(const char *s, size_t len, size_t i, struct dtok *t)
{
	uint32_t cp;
	size_t n;
	memset(t, 0, sizeof(*t));
	while (i < len) {
		n = isnad__utf8_decode((const unsigned char *)s + i, len - i,
		                       &cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0xA0 || cp == 0x200F || cp == 0x200E) {
			t->space = 1;
			i += n;
			continue;
		}
		break;
	}
	if (i >= len) {
		t->kind = T_END;
		return i;
	}
	t->s = i;
	n = isnad__utf8_decode((const unsigned char *)s + i, len - i, &cp);
	if (digit_of(cp) >= 0) {
		t->kind = T_NUM;
		while (i < len) {
			n = isnad__utf8_decode((const unsigned char *)s + i,
			                       len - i, &cp);
			int d = digit_of(cp);
			if (d < 0)
				break;
			if (t->ndig < 9)
				t->val = t->val * 10 + d;
			t->ndig++;
			i += n;
		}
	} else if (is_letter(cp)) {
		t->kind = T_WORD;
		while (i < len) {
			n = isnad__utf8_decode((const unsigned char *)s + i,
			                       len - i, &cp);
			if (!is_letter(cp))
				break;
			i += n;
		}
	} else {
		t->kind = T_SEP;
		t->sep = cp;
		i += n;
	}
	t->e = i;
	return i;
}

struct month_name {
	const char *name;
	int month;
};

/* Gregorian month names: Egypt/Gulf, Levant/Iraq (Syriac), Maghreb
 * (French- and Spanish-derived), English.  Two-word Levantine names are
 * matched from their first word (see month_at). */
static const struct month_name months[] = {
    {"يناير", 1},     {"ينير", 1},      {"جانفي", 1},     {"فبراير", 2},
    {"شباط", 2},      {"فيفري", 2},     {"مارس", 3},      {"آذار", 3},
    {"اذار", 3},      {"أذار", 3},      {"أبريل", 4},     {"إبريل", 4},
    {"ابريل", 4},     {"نيسان", 4},     {"أفريل", 4},     {"افريل", 4},
    {"مايو", 5},      {"أيار", 5},      {"ايار", 5},      {"ماي", 5},
    {"يونيو", 6},     {"يونيه", 6},     {"حزيران", 6},    {"جوان", 6},
    {"يوليو", 7},     {"يوليه", 7},     {"تموز", 7},      {"جويلية", 7},
    {"يوليوز", 7},    {"أغسطس", 8},     {"اغسطس", 8},     {"آب", 8},
    {"أوت", 8},       {"اوت", 8},       {"غشت", 8},       {"سبتمبر", 9},
    {"أيلول", 9},     {"ايلول", 9},     {"شتنبر", 9},     {"أكتوبر", 10},
    {"اكتوبر", 10},   {"إكتوبر", 10},   {"نوفمبر", 11},   {"نونبر", 11},
    {"ديسمبر", 12},   {"دجنبر", 12},    {"january", 1},   {"february", 2},
    {"march", 3},     {"april", 4},     {"may", 5},       {"june", 6},
    {"july", 7},      {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},       {"feb", 2},
    {"mar", 3},       {"apr", 4},       {"jun", 6},       {"jul", 7},
    {"aug", 8},       {"sep", 9},       {"sept", 9},      {"oct", 10},
    {"nov", 11},      {"dec", 12},
};

static int word_eq(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);
	if (n != wn)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char a = (unsigned char)s[i];
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a + 32);
		if (a != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* Month of the word token at *t (reading a second word for كانون/تشرين
 * from s at *pos); 0 if none. */
static int month_at(const char *s, size_t len, const struct dtok *t,
                    size_t *pos)
{
	const char *w = s + t->s;
	size_t n = t->e - t->s;
	int kanun = word_eq(w, n, "كانون"), tishrin = word_eq(w, n, "تشرين");
	if (kanun || tishrin) {
		struct dtok u;
		size_t p = next_tok(s, len, *pos, &u);
		if (u.kind != T_WORD)
			return 0;
		const char *x = s + u.s;
		size_t xn = u.e - u.s;
		int first = word_eq(x, xn, "الأول") ||
		            word_eq(x, xn, "الاول") || word_eq(x, xn, "أول") ||
		            word_eq(x, xn, "اول");
		int second = word_eq(x, xn, "الثاني") || word_eq(x, xn, "ثاني");
		if (!first && !second)
			return 0;
		*pos = p;
		if (kanun)
			return first ? 12 : 1;
		return first ? 10 : 11;
	}
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(months); i++)
		if (word_eq(w, n, months[i].name))
			return months[i].month;
	return 0;
}

static int valid_ymd(long y, long m, long d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	return y >= 1990 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= mdays[m - 1];
}

static void put_ymd(char out[32], long y, long m, long d)
{
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

static void put2(char *o, long v)
{
	o[0] = (char)('0' + v / 10 % 10);
	o[1] = (char)('0' + v % 10);
}

/* After an ISO date ending at *pos: "Thh:mm[:ss[.fff]][Z|+hh:mm]". */
static void iso_time(const char *s, size_t len, size_t *pos, char out[32])
{
	size_t p = *pos, q;
	struct dtok t, a, b, c, d;
	long hh, mm, ss = -1;
	char *o = out + 10;
	if (p < len && (s[p] == 'T' || s[p] == ' ' || s[p] == 't'))
		p++;
	else
		return;
	q = next_tok(s, len, p, &t);
	if (t.kind != T_NUM || t.ndig != 2 || t.space)
		return;
	q = next_tok(s, len, q, &a);
	if (a.kind != T_SEP || a.sep != ':')
		return;
	q = next_tok(s, len, q, &b);
	if (b.kind != T_NUM || b.ndig != 2)
		return;
	hh = t.val;
	mm = b.val;
	if (hh > 23 || mm > 59)
		return;
	p = q;
	q = next_tok(s, len, p, &c);
	if (c.kind == T_SEP && c.sep == ':' && !c.space) {
		size_t q2 = next_tok(s, len, q, &d);
		if (d.kind == T_NUM && d.ndig == 2 && d.val < 61) {
			ss = d.val;
			p = q2;
			q = next_tok(s, len, p, &c);
			if (c.kind == T_SEP && c.sep == '.' && !c.space) {
				q2 = next_tok(s, len, q, &d);
				if (d.kind == T_NUM) {
					p = q2;
					q = next_tok(s, len, p, &c);
				}
			}
		}
	}
	*o++ = 'T';
	put2(o, hh);
	o += 2;
	*o++ = ':';
	put2(o, mm);
	o += 2;
	if (ss >= 0) {
		*o++ = ':';
		put2(o, ss);
		o += 2;
	}
	if (!c.space && ((c.kind == T_WORD && c.e - c.s == 1 &&
	                  (s[c.s] == 'Z' || s[c.s] == 'z')))) {
		*o++ = 'Z';
		p = q;
	} else if (!c.space && c.kind == T_SEP &&
	           (c.sep == '+' || c.sep == '-')) {
		struct dtok h, m2;
		size_t q2 = next_tok(s, len, q, &h);
		long th = -1, tm = 0;
		if (h.kind == T_NUM && h.ndig == 4) {
			th = h.val / 100;
			tm = h.val % 100;
			p = q2;
		} else if (h.kind == T_NUM && h.ndig == 2) {
			th = h.val;
			p = q2;
			q2 = next_tok(s, len, q2, &a);
			if (a.kind == T_SEP && a.sep == ':') {
				q2 = next_tok(s, len, q2, &m2);
				if (m2.kind == T_NUM && m2.ndig == 2) {
					tm = m2.val;
					p = q2;
				}
			}
		}
		if (th >= 0 && th <= 14 && tm < 60) {
			*o++ = (char)c.sep;
			put2(o, th);
			o += 2;
			*o++ = ':';
			put2(o, tm);
			o += 2;
		}
	}
	*o = '\0';
	*pos = p;
}

size_t isnad__bdate(const char *s, size_t len, int want_time, char out[32])
{
	size_t i = 0;
	struct dtok t[6];
	out[0] = '\0';
	while (i < len) {
		size_t p[6], first_end;
		int k;
		p[0] = next_tok(s, len, i, &t[0]);
		if (t[0].kind == T_END)
			break;
		first_end = p[0];
		for (k = 1; k < 6; k++)
			p[k] = next_tok(s, len, p[k - 1], &t[k]);
		if (t[0].kind == T_NUM && t[0].ndig == 4 &&
		    t[1].kind == T_SEP &&
		    (t[1].sep == '-' || t[1].sep == '/' || t[1].sep == '.') &&
		    t[2].kind == T_NUM && t[2].ndig <= 2 &&
		    t[3].kind == T_SEP && t[3].sep == t[1].sep &&
		    t[4].kind == T_NUM && t[4].ndig <= 2 && !t[1].space &&
		    !t[3].space && valid_ymd(t[0].val, t[2].val, t[4].val)) {
			size_t end = p[4];
			put_ymd(out, t[0].val, t[2].val, t[4].val);
			if (want_time && t[1].sep == '-')
				iso_time(s, len, &end, out);
			return end;
		}
		if (t[0].kind == T_NUM && t[0].ndig <= 2 &&
		    t[1].kind == T_SEP &&
		    (t[1].sep == '-' || t[1].sep == '/' || t[1].sep == '.') &&
		    t[2].kind == T_NUM && t[2].ndig <= 2 &&
		    t[3].kind == T_SEP && t[3].sep == t[1].sep &&
		    t[4].kind == T_NUM && t[4].ndig == 4) {
			long a = t[0].val, b = t[2].val, y = t[4].val;
			/* day first, as Arabic outlets write it, unless
			 * only month-first is valid */
			if (valid_ymd(y, b, a)) {
				put_ymd(out, y, b, a);
				return p[4];
			}
			if (valid_ymd(y, a, b)) {
				put_ymd(out, y, a, b);
				return p[4];
			}
		}
		/* D Month[/Month] [,] YYYY  and  Month D, YYYY */
		if (t[0].kind == T_NUM && t[0].ndig <= 2 &&
		    t[1].kind == T_WORD) {
			size_t q = p[1];
			int m = month_at(s, len, &t[1], &q);
			if (m) {
				struct dtok u;
				size_t r = next_tok(s, len, q, &u);
				if (u.kind == T_SEP && u.sep == '/') {
					struct dtok w;
					size_t r2 = next_tok(s, len, r, &w);
					if (w.kind == T_WORD) {
						size_t q3 = r2;
						if (month_at(s, len, &w, &q3)) {
							q = q3;
							r = next_tok(s, len, q,
							             &u);
						}
					}
				}
				if (u.kind == T_SEP &&
				    (u.sep == ',' || u.sep == 0x60C))
					r = next_tok(s, len, r, &u);
				if (u.kind == T_NUM && u.ndig == 4 &&
				    valid_ymd(u.val, m, t[0].val)) {
					put_ymd(out, u.val, m, t[0].val);
					return r;
				}
			}
		}
		if (t[0].kind == T_WORD && t[1].kind == T_NUM &&
		    t[1].ndig <= 2) {
			size_t q = first_end;
			int m = month_at(s, len, &t[0], &q);
			if (m && q == first_end) {
				struct dtok u;
				size_t r = next_tok(s, len, p[1], &u);
				if (u.kind == T_SEP &&
				    (u.sep == ',' || u.sep == 0x60C))
					r = next_tok(s, len, r, &u);
				if (u.kind == T_NUM && u.ndig == 4 &&
				    valid_ymd(u.val, m, t[1].val)) {
					put_ymd(out, u.val, m, t[1].val);
					return r;
				}
			}
		}
		i = first_end;
	}
	out[0] = '\0';
	return 0;
}

/* ---- URLs and tags ------------------------------------------------------- */

size_t isnad__bdomain(const char *url, char *out, size_t cap)
{
	const char *p, *e;
	size_t n;
	if (!url || cap < 2)
		return 0;
	p = strstr(url, "://");
	p = p ? p + 3 : (url[0] == '/' && url[1] == '/' ? url + 2 : NULL);
	if (!p)
		return 0;
	e = p;
	while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
		e++;
	{
		const char *at = memchr(p, '@', (size_t)(e - p));
		if (at)
			p = at + 1;
	}
	if (e - p > 4 && (p[0] == 'w' || p[0] == 'W') &&
	    (p[1] == 'w' || p[1] == 'W') && (p[2] == 'w' || p[2] == 'W') &&
	    p[3] == '.')
		p += 4;
	n = (size_t)(e - p);
	if (!n || n >= cap)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		out[i] = c;
	}
	out[n] = '\0';
	return n;
}

isnad_status isnad__btag(struct isnad_page *p, const char *s, size_t len)
{
	char *t = isnad__bclean(s, len), **nt;
	if (!t)
		return s && len ? ISNAD_OK : ISNAD_OK;
	/* strip a leading '#' of hashtags */
	if (t[0] == '#' && t[1]) {
		memmove(t, t + 1, strlen(t));
	}
	if (strlen(t) > 200) {
		isnad_free(t);
		return ISNAD_OK;
	}
	for (size_t i = 0; i < p->n_tags; i++)
		if (strcmp(p->tags[i], t) == 0) {
			isnad_free(t);
			return ISNAD_OK;
		}
	if (p->n_tags >= 256) {
		isnad_free(t);
		return ISNAD_OK;
	}
	nt = isnad_realloc(p->tags, (p->n_tags + 1) * sizeof(*nt));
	if (!nt) {
		isnad_free(t);
		return ISNAD_ENOMEM;
	}
	p->tags = nt;
	p->tags[p->n_tags++] = t;
	return ISNAD_OK;
}

isnad_status isnad__btags_split(struct isnad_page *p, const char *s, size_t len)
{
	size_t i = 0, st = 0;
	while (i <= len) {
		size_t n = 1;
		int sep = 0;
		if (i == len) {
			sep = 1;
		} else if (s[i] == ',' || s[i] == '|' || s[i] == ';') {
			sep = 1;
		} else if (i + 1 < len && (unsigned char)s[i] == 0xD8 &&
		           (unsigned char)s[i + 1] == 0x8C) { /* ، */
			sep = 1;
			n = 2;
		}
		if (sep) {
			isnad_status st2 = isnad__btag(p, s + st, i - st);
			if (st2)
				return st2;
			st = i + n;
		}
		i += n;
	}
	return ISNAD_OK;
}
