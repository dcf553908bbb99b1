/*
 * sentence.c - split news text into sentences.
 *
 * One left-to-right pass decides at each terminator whether it ends a
 * sentence by looking at a few characters around it (a digit on both sides
 * is a decimal point, a lone letter before it is an abbreviation, ...), so
 * the cost is linear in the input.
 *
 * The one long-range rule is quotation: from an opening mark we need its
 * closing mark, and searching afresh from every opener would be quadratic
 * on text full of unclosed quotes.  The next position of each closing mark
 * and of the next blank line are therefore cached; queries only move
 * forward, so every byte is scanned a bounded number of times.
 */
#include <string.h>

#include "isnad/sentence.h"
#include "isnad_int.h"

/* A quotation longer than this (bytes, opener to closer) is not protected:
 * a stray or unbalanced mark must not swallow a whole article. */
#define QUOTE_MAX 2000

enum term_kind { T_NONE = 0, T_DOT, T_ELLIPSIS, T_STRONG };

/* Quotation kinds: opener, closer and the closer's bytes. */
static const struct quote {
	uint32_t open, close;
	const char *close_utf8;
	size_t close_len;
} quotes[] = {
    {0x00AB, 0x00BB, "\xC2\xBB", 2},     /* « » */
    {0x201C, 0x201D, "\xE2\x80\x9D", 3}, /* “ ” */
    {'"', '"', "\"", 1},
};
#define N_QUOTES ISNAD_ARRAY_LEN(quotes)

struct splitter {
	const unsigned char *s;
	size_t len;
	struct isnad_spans *out;
	size_t start;              /* where the current sentence began */
	size_t close_at[N_QUOTES]; /* next closer of each kind, or len */
	int have_close[N_QUOTES];  /* close_at[] computed */
	size_t blank_at;           /* next blank line, or len */
	int have_blank;
};

/* ---- characters ---------------------------------------------------------- */

static uint32_t cp_at(const unsigned char *s, size_t len, size_t i,
                      size_t *n_out)
{
	uint32_t cp;
	*n_out = isnad__utf8_decode(s + i, len - i, &cp);
	return cp;
}

/* The character ending at s[i] (i > lo), never looking below lo; a broken
 * sequence reads as one U+FFFD byte. */
static uint32_t cp_before(const unsigned char *s, size_t lo, size_t i,
                          size_t *n_out)
{
	size_t j = i - 1, n;
	uint32_t cp;
	while (j > lo && i - j < 4 && (s[j] & 0xC0) == 0x80)
		j--;
	n = isnad__utf8_decode(s + j, i - j, &cp);
	if (n != i - j) {
		*n_out = 1;
		return 0xFFFD;
	}
	*n_out = n;
	return cp;
}

static int is_break(uint32_t c)
{
	return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
	       c == 0x0085 || c == 0x2028 || c == 0x2029;
}

/* White space and the invisible marks that may surround a sentence. */
static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || is_break(c) || c == 0x00A0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F ||
	       (c >= 0x202A && c <= 0x202E) || c == 0x205F || c == 0x2060 ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x3000 || c == 0xFEFF ||
	       c == 0x061C;
}

static int is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) ||
	       (c >= 0x06F0 && c <= 0x06F9);
}

static int is_arabic_letter(uint32_t c)
{
	return (c >= 0x0620 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) ||
	       (c >= 0x066E && c <= 0x066F) || (c >= 0x0671 && c <= 0x06D3) ||
	       c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) ||
	       (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	       (c >= 0x08A0 && c <= 0x08C9) || (c >= 0xFB50 && c <= 0xFDFB) ||
	       (c >= 0xFE70 && c <= 0xFEFC);
}

static int is_arabic_mark(uint32_t c)
{
	return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
	       c == 0x0640 || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}

static int is_latin_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') ||
	       (c >= 0x00DF && c <= 0x00FF && c != 0x00F7);
}

static int is_latin_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || is_latin_lower(c) ||
	       (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}

static enum term_kind term_kind(uint32_t c)
{
	switch (c) {
	case '.':
		return T_DOT;
	case 0x2026: /* … */
		return T_ELLIPSIS;
	case '!':
	case '?':
	case 0x061F: /* ؟ */
	case 0x06D4: /* ۔ Urdu full stop */
	case 0x203C:
	case 0x2047:
	case 0x2048:
	case 0x2049:
		return T_STRONG;
	default:
		return T_NONE;
	}
}

/* Marks that close a quotation or a bracket and stay with the sentence
 * they end. */
static int is_closer(uint32_t c)
{
	return c == 0x00BB || c == 0x201D || c == 0x2019 || c == '"' ||
	       c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x203A ||
	       c == 0xFD3F || c == 0x300D;
}

/* ---- output -------------------------------------------------------------- */

static isnad_status push(struct isnad_spans *out, size_t a, size_t b)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct isnad_span *v;
		if (cap > (size_t)-1 / sizeof *v)
			return ISNAD_ENOMEM;
		v = isnad_realloc(out->v, cap * sizeof *v);
		if (!v)
			return ISNAD_ENOMEM;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n].start = a;
	out->v[out->n].end = b;
	out->n++;
	return ISNAD_OK;
}

/* End the current sentence at e (trimmed; dropped if empty) and start the
 * next one there. */
static isnad_status cut(struct splitter *sp, size_t e)
{
	size_t a = sp->start, b = e, n;
	sp->start = e;
	while (a < b && is_space(cp_at(sp->s, b, a, &n)))
		a += n;
	while (b > a && is_space(cp_before(sp->s, a, b, &n)))
		b -= n;
	return a < b ? push(sp->out, a, b) : ISNAD_OK;
}

/* ---- look-ahead with forward-only caches --------------------------------- */

static size_t next_close(struct splitter *sp, size_t k, size_t q)
{
	if (!sp->have_close[k] || sp->close_at[k] < q) {
		const struct quote *qt = &quotes[k];
		size_t i = q;
		unsigned char b0 = (unsigned char)qt->close_utf8[0];
		for (;;) {
			const unsigned char *hit;
			if (i >= sp->len) {
				i = sp->len;
				break;
			}
			hit = memchr(sp->s + i, b0, sp->len - i);
			if (!hit) {
				i = sp->len;
				break;
			}
			i = (size_t)(hit - sp->s);
			if (sp->len - i >= qt->close_len &&
			    memcmp(hit, qt->close_utf8, qt->close_len) == 0)
				break;
			i++;
		}
		sp->close_at[k] = i;
		sp->have_close[k] = 1;
	}
	return sp->close_at[k];
}

/* Position of the next blank line (a line break followed, after optional
 * spaces, by another) at or after q, or len. */
static size_t next_blank(struct splitter *sp, size_t q)
{
	if (!sp->have_blank || sp->blank_at < q) {
		size_t i = q;
		for (;;) {
			const unsigned char *hit;
			size_t j;
			if (i >= sp->len) {
				i = sp->len;
				break;
			}
			hit = memchr(sp->s + i, '\n', sp->len - i);
			if (!hit) {
				i = sp->len;
				break;
			}
			i = (size_t)(hit - sp->s);
			j = i + 1;
			while (j < sp->len &&
			       (sp->s[j] == ' ' || sp->s[j] == '\t' ||
			        sp->s[j] == '\r'))
				j++;
			if (j < sp->len && sp->s[j] == '\n')
				break;
			i = j;
		}
		sp->blank_at = i;
		sp->have_blank = 1;
	}
	return sp->blank_at;
}

/* If the opener at i (n bytes) of kind k closes within the paragraph and
 * QUOTE_MAX, return the position after its closer, else 0. */
static size_t quote_end(struct splitter *sp, size_t k, size_t i, size_t n)
{
	size_t c = next_close(sp, k, i + n), m;
	if (c >= sp->len || c - i > QUOTE_MAX)
		return 0;
	/* A straight mark after a space and before a letter opens the next
	 * quotation: this one was never closed (ان "وزيرة العدل ... كتبت
	 * "يسرائيل هيوم"), and pairing it there would turn the text between
	 * quotations into one. */
	if (quotes[k].open == '"' && c > 0 && is_space(sp->s[c - 1]) &&
	    c + 1 < sp->len &&
	    is_arabic_letter(cp_at(sp->s, sp->len, c + 1, &m)))
		return 0;
	if (next_blank(sp, i + n) < c)
		return 0;
	return c + quotes[k].close_len;
}

/* ---- local decisions ----------------------------------------------------- */

/* Is the dot at i the end of an abbreviation: one letter (د. U.S. J.),
 * or a common Latin one (Mr. etc.)? */
static int abbreviation_before(const unsigned char *s, size_t i)
{
	static const char *const latin[] = {
	    "mr", "mrs", "ms",  "dr",  "prof", "st",   "jr",   "sr",
	    "vs", "etc", "inc", "ltd", "co",   "no",   "gen",  "col",
	    "lt", "sen", "rep", "gov", "corp", "dept", "univ", "approx"};
	size_t j = i, n, letters = 0, latin_n = 0;
	char low[8];
	uint32_t c = 0;

	while (j > 0 && letters <= 6) {
		c = cp_before(s, 0, j, &n);
		if (is_latin_letter(c)) {
			if (latin_n < sizeof low)
				low[latin_n] =
				    (char)(c < 0x80 ? (c | 0x20) : 0);
			latin_n++;
			letters++;
		} else if (is_arabic_letter(c)) {
			letters++;
		} else if (!is_arabic_mark(c)) {
			break;
		}
		j -= n;
	}
	if (letters == 0 || letters > 6)
		return 0;
	if (letters == 1) {
		/* م/هـ after a year (ولد عام 1950 م.) usually ends the
		 * sentence. */
		uint32_t l = cp_at(s, i, j, &n);
		if (!latin_n && (l == 0x0645 || l == 0x0647)) {
			size_t k = j;
			while (k > 0) {
				c = cp_before(s, 0, k, &n);
				if (c != ' ')
					return !is_digit(c);
				k -= n;
			}
		}
		return 1;
	}
	if (latin_n != letters)
		return 0;
	for (size_t a = 0; a < ISNAD_ARRAY_LEN(latin); a++) {
		size_t m = strlen(latin[a]);
		if (m != latin_n)
			continue;
		/* low[] holds the word backwards. */
		size_t b;
		for (b = 0; b < m; b++)
			if (low[m - 1 - b] != latin[a][b])
				break;
		if (b == m)
			return 1;
	}
	return 0;
}

/* Arabic letters in the word ending at i (capped at 3). */
static size_t arabic_word_before(const unsigned char *s, size_t i)
{
	size_t n, letters = 0;
	while (i > 0 && letters < 3) {
		uint32_t c = cp_before(s, 0, i, &n);
		if (is_arabic_letter(c))
			letters++;
		else if (!is_arabic_mark(c))
			break;
		i -= n;
	}
	return letters;
}

/* After an ellipsis and white space: does a new sentence begin?  A Latin
 * lower-case letter or a comma says the sentence goes on. */
static int new_sentence_at(const unsigned char *s, size_t len, size_t i)
{
	size_t n;
	while (i < len) {
		uint32_t c = cp_at(s, len, i, &n);
		if (is_break(c))
			return 1;
		if (!is_space(c))
			return !is_latin_lower(c) && c != ',' && c != ';' &&
			       c != ':' && c != 0x060C && c != 0x061B;
		i += n;
	}
	return 1;
}

/* A list marker at a line start (1. 1- 1) (1) ١.), whose dot must not end
 * a sentence.  Returns its length or 0.  Word markers (أولاً: ثانياً -)
 * hold no terminator and need nothing: the line break already begins a
 * new sentence. */
static size_t list_marker(const unsigned char *s, size_t len, size_t i)
{
	size_t j = i, n, d = 0;
	int paren = 0;
	uint32_t c;

	if (j < len && s[j] == '(') {
		paren = 1;
		j++;
	}
	while (j < len && d < 4 && is_digit(cp_at(s, len, j, &n))) {
		j += n;
		d++;
	}
	if (d == 0 || d > 3 || j >= len)
		return 0;
	c = cp_at(s, len, j, &n);
	if (paren)
		return c == ')' ? j + n - i : 0;
	if (c == '.' || c == ')' || c == '-' || c == ':' || c == 0x2013) {
		j += n;
		if (c == '.' && j < len && !is_space(cp_at(s, len, j, &n)))
			return 0;
		return j - i;
	}
	return 0;
}

/* A URL starting at i (http://, https://, www.): its end, before any
 * trailing punctuation that belongs to the sentence; else 0. */
static size_t url_end(const unsigned char *s, size_t len, size_t i)
{
	static const char *const pre[] = {"http://", "https://", "www."};
	size_t j, n, p;
	for (p = 0; p < ISNAD_ARRAY_LEN(pre); p++) {
		size_t m = strlen(pre[p]), k;
		if (len - i < m)
			continue;
		for (k = 0; k < m; k++)
			if ((s[i + k] | 0x20) != (unsigned char)pre[p][k] &&
			    s[i + k] != (unsigned char)pre[p][k])
				break;
		if (k == m)
			break;
	}
	if (p == ISNAD_ARRAY_LEN(pre))
		return 0;
	j = i;
	while (j < len) {
		uint32_t c = cp_at(s, len, j, &n);
		if (is_space(c) || c == '"' || c == '<' || c == '>' ||
		    c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D)
			break;
		j += n;
	}
	while (j > i) {
		uint32_t c = cp_before(s, i, j, &n);
		if (!(term_kind(c) != T_NONE || c == ',' || c == ';' ||
		      c == ':' || c == ')' || c == '\'' || c == 0x060C ||
		      c == 0x061B))
			break;
		j -= n;
	}
	return j;
}

/*
 * A terminator group starts at i.  Decide whether the sentence ends after
 * it (and its closing marks); returns where scanning resumes and sets
 * *split.
 */
static size_t terminator(const unsigned char *s, size_t len, size_t i,
                         int *split)
{
	size_t g = i, e, n, dots = 0;
	int ell = 0, strong = 0;
	uint32_t next;

	while (g < len) {
		enum term_kind k = term_kind(cp_at(s, len, g, &n));
		if (k == T_NONE)
			break;
		dots += k == T_DOT;
		ell |= k == T_ELLIPSIS;
		strong |= k == T_STRONG;
		g += n;
	}
	e = g;
	while (e < len && is_closer(cp_at(s, len, e, &n)))
		e += n;
	*split = 0;
	if (e >= len) {
		*split = 1;
		return e;
	}
	next = cp_at(s, len, e, &n);
	if (is_space(next)) {
		if (strong)
			*split = 1;
		else if (ell || dots >= 2)
			/* "أن ... الأمر": an ellipsis set off by spaces
			 * marks an elision inside the sentence. */
			*split = !(i > 0 && is_space(cp_before(s, 0, i, &n))) &&
			         new_sentence_at(s, len, e);
		else if (e == g && abbreviation_before(s, i))
			*split = 0;
		else
			*split = new_sentence_at(s, len, e);
		return e;
	}
	/* Glued to the next word: URLs, 16.22, U.S, 28.5.2014 go on; a
	 * missing space between two Arabic sentences does not. */
	if (is_arabic_letter(next)) {
		if (strong || e > g)
			*split = 1;
		else if (dots == 1 && !ell && arabic_word_before(s, i) >= 2)
			*split = 1;
	}
	return e;
}

/*
 * If c at i (n bytes) opens a quotation that closes in time, skip it whole
 * and return the position after it (0 otherwise).  A quotation that ends
 * with a terminator ends the sentence too: «...انتهى.» وأضاف.
 */
static size_t quoted(struct splitter *sp, uint32_t c, size_t i, size_t n,
                     isnad_status *st)
{
	const unsigned char *s = sp->s;
	size_t len = sp->len, k, e, j, m;

	*st = ISNAD_OK;
	for (k = 0; k < N_QUOTES; k++)
		if (c == quotes[k].open)
			break;
	if (k == N_QUOTES || !(e = quote_end(sp, k, i, n)))
		return 0;
	j = e - quotes[k].close_len;
	while (j > i + n && is_space(cp_before(s, i + n, j, &m)))
		j -= m;
	if (j > i + n && term_kind(cp_before(s, i + n, j, &m)) != T_NONE) {
		uint32_t d = 0;
		while (e < len && is_closer(d = cp_at(s, len, e, &m)))
			e += m;
		if (e >= len || is_space(d) || is_arabic_letter(d))
			*st = cut(sp, e);
	}
	return e;
}

/* ---- the pass ------------------------------------------------------------ */

static isnad_status split(struct splitter *sp)
{
	const unsigned char *s = sp->s;
	size_t len = sp->len, i = 0, n, m, e;
	int line_start = 1, sp_split;
	isnad_status st;

	while (i < len) {
		uint32_t c = cp_at(s, len, i, &n);
		enum term_kind tk;

		if (is_break(c)) {
			if ((st = cut(sp, i)) != ISNAD_OK)
				return st;
			line_start = 1;
			i += n;
			continue;
		}
		if (is_space(c)) {
			i += n;
			continue;
		}
		if (line_start) {
			line_start = 0;
			if ((e = list_marker(s, len, i)) > 0) {
				i += e;
				continue;
			}
		}
		if ((e = quoted(sp, c, i, n, &st)) > 0) {
			if (st != ISNAD_OK)
				return st;
			i = e;
			continue;
		}
		if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
		    (i == 0 || !is_latin_letter(cp_before(s, 0, i, &m)))) {
			size_t u = url_end(s, len, i);
			if (u > i) {
				i = u;
				continue;
			}
		}
		tk = term_kind(c);
		if (tk == T_NONE) {
			i += n;
			continue;
		}
		/* A dot between digits: 16.22, 28.5.2014. */
		if (tk == T_DOT && i > 0 && i + 1 < len &&
		    is_digit(cp_before(s, 0, i, &m)) &&
		    is_digit(cp_at(s, len, i + 1, &m))) {
			i += 1;
			continue;
		}
		e = terminator(s, len, i, &sp_split);
		if (sp_split && (st = cut(sp, e)) != ISNAD_OK)
			return st;
		i = e;
	}
	return cut(sp, len);
}

void isnad_spans_init(struct isnad_spans *sp)
{
	sp->v = NULL;
	sp->n = sp->cap = 0;
}

void isnad_spans_release(struct isnad_spans *sp)
{
	isnad_free(sp->v);
	isnad_spans_init(sp);
}

isnad_status isnad_sentences(const char *s, size_t len, struct isnad_spans *out)
{
	struct splitter sp;
	size_t n0 = out->n;
	isnad_status st;

	memset(&sp, 0, sizeof sp);
	sp.s = (const unsigned char *)s;
	sp.len = len;
	sp.out = out;
	st = split(&sp);
	if (st != ISNAD_OK)
		out->n = n0;
	return st;
}
