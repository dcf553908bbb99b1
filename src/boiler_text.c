/*
 * boiler_text.c - main text and metadata of a flattened text page: the text
 * of a web page as scrapers save it, one block per line, with the site's
 * ticker, menus, comment and report prompts, share lines and tag lists
 * still around the article.
 *
 * Lines are classified from structure only, never from phrase lists:
 *   - length in words and whether the line ends like a sentence;
 *   - tickers: a line cut by runs of 3+ spaces into many short unpunctuated
 *     headlines;
 *   - repetition on the page (a headline repeated, a dateline echoed);
 *   - position: the body is the run of lines that maximises
 *     sum(words of body-like lines) - sum(3 + 2 * words of the others), so
 *     a headline or a run of menu lines between a stray prompt and the
 *     article cuts the prompt off; short lines at the edges of that run
 *     (prompts, "read at the source", datelines) are trimmed.
 * Above the body: the nearest headline-like line is the title; a short line
 * between title and body is the outlet; a short line holding a date is the
 * publication date.  Below the body: a list of short items separated by
 * commas is the tag list.  See docs/internals/boiler.md for how the
 * thresholds were checked on ../shared/data/news.
 */
#include <string.h>

#include "boiler_int.h"
#include "isnad/buf.h"
#include "isnad/text.h"
#include "isnad_int.h"

struct line {
	size_t s, e; /* trimmed byte span */
	int words;
	int segs; /* pieces cut by runs of 3+ spaces */
	unsigned char terminal, question, blank, ticker, repeated, listsep;
	unsigned char body, keep;
	int nsep; /* list separators (, ، | ;) */
};

#define MAX_LINES 200000

/* «PLACE - OUTLET»: at most six words, a dash between two parts, and the
 * part after it the outlet's name. */
static int is_dateline(const char *t, const struct line *l, const char *outlet)
{
	size_t ol = strlen(outlet);
	if (l->words > 6 || l->e - l->s <= ol + 3)
		return 0;
	for (size_t k = l->s + 1; k + 1 < l->e; k++) {
		size_t r = k + 1;
		if (t[k] != '-' || t[k - 1] != ' ')
			continue;
		while (r < l->e && t[r] == ' ')
			r++;
		return l->e - r == ol && !memcmp(t + r, outlet, ol);
	}
	return 0;
}

static int terminal_cp(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x61F ||
	       cp == 0x6D4 || cp == 0x2026 || cp == ':' || cp == '"' ||
	       cp == 0xBB || cp == 0x201D || cp == ')' || cp == 0x2019;
}

static void measure(const char *t, struct line *l)
{
	size_t i = l->s;
	int inword = 0, spaces = 0, seg_words = 0, short_unpunct = 0;
	uint32_t last = 0;
	l->segs = 1;
	while (i < l->e) {
		uint32_t cp;
		size_t n = isnad__utf8_decode((const unsigned char *)t + i,
		                              l->e - i, &cp);
		int ws = cp == ' ' || cp == '\t' || cp == 0xA0;
		if (ws) {
			spaces += cp == '\t' ? 3 : 1;
			inword = 0;
		} else {
			if (spaces >= 3) {
				/* a ticker piece ends */
				if (seg_words <= 25 && !terminal_cp(last))
					short_unpunct++;
				l->segs++;
				seg_words = 0;
			}
			spaces = 0;
			if (!inword) {
				l->words++;
				seg_words++;
			}
			inword = 1;
			last = cp;
			if (cp == ',' || cp == 0x60C || cp == '|' || cp == ';')
				l->nsep++;
		}
		i += n;
	}
	if (l->segs >= 3 && 10 * short_unpunct >= 6 * (l->segs - 1))
		l->ticker = 1;
	l->terminal = (unsigned char)terminal_cp(last);
	l->question = last == '?' || last == 0x61F || last == '!';
}

static int same_line(const char *t, const struct line *a, const struct line *b)
{
	return a->e - a->s == b->e - b->s &&
	       memcmp(t + a->s, t + b->s, a->e - a->s) == 0;
}

/* A comma list of short items: "سوريا , تركيا , نظام الاسد ,". */
static int is_taglist(const struct line *l)
{
	return l->nsep >= 2 && l->words <= 6 * (l->nsep + 1) &&
	       l->words >= l->nsep && !l->terminal;
}

static int headline_like(const struct line *l)
{
	return !l->blank && !l->ticker && l->words >= 3 && l->words <= 30 &&
	       (!l->terminal || l->question) && !is_taglist(l);
}

static isnad_status put_tags(struct isnad_page *p, const char *t,
                             const struct line *l)
{
	return isnad__btags_split(p, t + l->s, l->e - l->s);
}

isnad_status isnad_text_extract(const char *text, size_t len,
                                struct isnad_page *out)
{
	struct isnad_decoded dec;
	const char *t = text;
	struct line *L = NULL;
	int n = 0, cap = 0, first = -1, last = -1, title = -1;
	isnad_status st = ISNAD_OK;
	struct isnad_buf ob;

	if (!out)
		return ISNAD_EINVAL;
	isnad_page_init(out);
	if (!text && len)
		return ISNAD_EINVAL;
	if (len > ISNAD__BOILER_MAX)
		return ISNAD_ETOOBIG;
	memset(&dec, 0, sizeof(dec));
	if (len && isnad_utf8_valid_prefix(text, len) != len) {
		/* invalid bytes become U+FFFD so the output stays UTF-8 */
		st = isnad_decode(text, len, "UTF-8", &dec);
		if (st)
			return st;
		t = dec.s;
		len = dec.len;
	}

	/* lines */
	for (size_t i = 0; i <= len && n < MAX_LINES;) {
		size_t j = i;
		struct line *l;
		while (j < len && t[j] != '\n')
			j++;
		if (n == cap) {
			int nc = cap ? cap * 2 : 128;
			struct line *nl =
			    isnad_realloc(L, (size_t)nc * sizeof(*nl));
			if (!nl) {
				st = ISNAD_ENOMEM;
				goto done;
			}
			L = nl;
			cap = nc;
		}
		l = &L[n++];
		memset(l, 0, sizeof(*l));
		l->s = i;
		l->e = j;
		/* trim ASCII and NBSP white space */
		while (l->s < l->e &&
		       (t[l->s] == ' ' || t[l->s] == '\t' || t[l->s] == '\r' ||
		        t[l->s] == '\f' || t[l->s] == '\v'))
			l->s++;
		while (l->e > l->s &&
		       (t[l->e - 1] == ' ' || t[l->e - 1] == '\t' ||
		        t[l->e - 1] == '\r' || t[l->e - 1] == '\f' ||
		        t[l->e - 1] == '\v'))
			l->e--;
		l->blank = l->s == l->e;
		if (!l->blank)
			measure(t, l);
		l->blank = l->words == 0;
		i = j + 1;
	}

	/* repetition on the page (bounded: pages are a few hundred lines) */
	if (n <= 4000)
		for (int a = 0; a < n; a++)
			for (int b = a + 1; b < n && !L[a].blank; b++)
				if (!L[b].blank && same_line(t, &L[a], &L[b]))
					L[a].repeated = L[b].repeated = 1;

	for (int a = 0; a < n; a++) {
		struct line *l = &L[a];
		l->body = !l->blank && !l->ticker && !l->repeated &&
		          !is_taglist(l) &&
		          (l->words >= 10 || (l->words >= 5 && l->terminal));
	}

	/* the body: maximum-sum run of lines */
	{
		long best = 0, cur = 0;
		int cs = 0;
		for (int a = 0; a < n; a++) {
			struct line *l = &L[a];
			long v;
			if (l->blank)
				continue;
			v = l->body ? l->words : -(3 + 2L * l->words);
			if (cur <= 0) {
				cur = 0;
				cs = a;
			}
			cur += v;
			if (cur > best) {
				best = cur;
				first = cs;
				last = a;
			}
		}
	}
	if (first >= 0) {
		/* short edge lines are prompts and datelines, not body */
		while (first < last && (L[first].blank || L[first].words < 8))
			first++;
		while (last > first && (L[last].blank || L[last].words < 8))
			last--;
		while (first <= last && L[first].blank)
			first++;
	}

	/* title: the nearest headline-like line above the body, past at most
	 * three short lines (outlet, byline, date) */
	if (first >= 0) {
		int skipped = 0;
		for (int a = first - 1; a >= 0; a--) {
			struct line *l = &L[a];
			if (l->blank)
				continue;
			if (headline_like(l) && l->words >= 4) {
				title = a;
				break;
			}
			if (l->words > 4 || ++skipped > 3)
				break;
		}
	}
	if (title >= 0) {
		out->title =
		    isnad__bclean(t + L[title].s, L[title].e - L[title].s);
		if (!out->title) {
			st = ISNAD_ENOMEM;
			goto done;
		}
		/* outlet: one short line without digits between title and body
		 */
		for (int a = title + 1; a < first; a++) {
			struct line *l = &L[a];
			int digits = 0;
			if (l->blank)
				continue;
			for (size_t k = l->s; k < l->e; k++)
				if (t[k] >= '0' && t[k] <= '9')
					digits = 1;
			if (l->words <= 4 && !digits && !l->terminal &&
			    !out->outlet) {
				out->outlet =
				    isnad__bclean(t + l->s, l->e - l->s);
				if (!out->outlet) {
					st = ISNAD_ENOMEM;
					goto done;
				}
			}
		}
	}

	/* a dateline right below the body, «أنقرة - الخليج أونلاين»: the
	 * place the report was filed from and the outlet named above the
	 * body; it names both, so it stays with the text */
	if (first >= 0 && out->outlet)
		for (int a = last + 1, seen = 0; a < n && seen < 2; a++) {
			if (L[a].blank)
				continue;
			seen++;
			if (is_dateline(t, &L[a], out->outlet)) {
				last = a;
				break;
			}
		}

	/* date: a short line holding a date, above the body (or near the
	 * top when no body was found) */
	{
		int lim = first >= 0 ? first : (n < 10 ? n : 10);
		char d[32];
		for (int a = 0, seen = 0; a < lim && seen < 12; a++) {
			struct line *l = &L[a];
			if (l->blank || l->ticker)
				continue;
			seen++;
			if (l->words <= 12 &&
			    isnad__bdate(t + l->s, l->e - l->s, 0, d)) {
				out->published = isnad__bstrndup(d, strlen(d));
				if (!out->published) {
					st = ISNAD_ENOMEM;
					goto done;
				}
				break;
			}
		}
	}

	/* tags: comma lists below the body */
	for (int a = last + 1; first >= 0 && a < n; a++)
		if (!L[a].blank && is_taglist(&L[a])) {
			st = put_tags(out, t, &L[a]);
			if (st)
				goto done;
		}

	/* inside the body: drop tickers, repeated lines and runs of 3+
	 * headline-like lines (related links, menus) */
	for (int a = first; first >= 0 && a <= last; a++) {
		struct line *l = &L[a];
		l->keep =
		    !l->blank && !l->ticker && !l->repeated && !is_taglist(l);
	}
	for (int a = first; first >= 0 && a <= last;) {
		int b = a, cnt = 0;
		while (b <= last &&
		       (L[b].blank || (!L[b].body && !L[b].terminal))) {
			cnt += !L[b].blank;
			b++;
		}
		if (cnt >= 3)
			for (int k = a; k < b; k++)
				L[k].keep = 0;
		a = b > a ? b : a + 1;
	}

	isnad_buf_init(&ob, 0);
	for (int a = first; first >= 0 && a <= last; a++) {
		struct line *l = &L[a];
		if (!l->keep)
			continue;
		if ((ob.len && isnad_buf_add(&ob, "\n\n", 2)) ||
		    isnad_buf_add(&ob, t + l->s, l->e - l->s)) {
			isnad_buf_release(&ob);
			st = ISNAD_ENOMEM;
			goto done;
		}
	}
	out->text = isnad_buf_detach(&ob, &out->text_len);
	if (!out->text)
		st = ISNAD_ENOMEM;
done:
	isnad_free(L);
	if (dec.s)
		isnad_decoded_release(&dec);
	if (st)
		isnad_page_release(out);
	return st;
}
