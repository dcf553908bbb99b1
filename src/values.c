/*
 * values.c - DATE, MONEY and QUANTITY mentions with their values.
 *
 * The text is cut into white-space words; each word's search-normalised
 * form, with a leading conjunction/preposition and article taken off, is
 * matched against the calendar and currency vocabularies.  Dates are found
 * first; numbers (number.c) not inside a date then become MONEY when a
 * currency follows, or QUANTITY when a counted noun does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/number.h"
#include "isnad/text.h"
#include "isnad/values.h"
#include "isnad_int.h"

#define MAX_WORD 96
/* Bounded ints for the TIMEX3 formats (years are checked to 1000..9999
 * before; the modulo tells the compiler so). */
#define YR(y) ((int)((y) % 10000))
#define DY(d)                                                                  \
	((int)((d) % 100)) /* bytes of a normalised word kept for matching */

struct word {
	size_t start, end;   /* trimmed of punctuation */
	char norm[MAX_WORD]; /* search-normalised */
	char base[MAX_WORD]; /* norm without و ف ب ل ك and ال */
	int has_digit;
};

/* ---- vocabularies (search-normalised) --------------------------------------
 */

/* Gregorian months in the regional sets: Egypt/Gulf, Levant/Iraq (two-word
 * forms are matched as "first second"), Maghreb. */
static const struct {
	const char *name;
	int month;
} gregorian[] = {
    {"يناير", 1},   {"كانون الثاني", 1},  {"جانفي", 1},
    {"فبراير", 2},  {"شباط", 2},          {"فيفري", 2},
    {"مارس", 3},    {"اذار", 3},          {"ابريل", 4},
    {"نيسان", 4},   {"افريل", 4},         {"مايو", 5},
    {"ايار", 5},    {"ماي", 5},           {"يونيو", 6},
    {"يونيه", 6},   {"حزيران", 6},        {"جوان", 6},
    {"يوليو", 7},   {"يوليه", 7},         {"تموز", 7},
    {"جويليه", 7},  {"اغسطس", 8},         {"اب", 8},
    {"اوت", 8},     {"سبتمبر", 9},        {"ايلول", 9},
    {"شتنبر", 9},   {"اكتوبر", 10},       {"تشرين الاول", 10},
    {"نوفمبر", 11}, {"تشرين الثاني", 11}, {"نونبر", 11},
    {"ديسمبر", 12}, {"كانون الاول", 12},  {"دجنبر", 12},
    {"يوليوز", 7},  {"غشت", 8},
};

static const struct {
	const char *name;
	int month;
} hijri[] = {
    {"محرم", 1},        {"صفر", 2},           {"ربيع الاول", 3},
    {"ربيع الثاني", 4}, {"ربيع الاخر", 4},    {"جمادي الاولي", 5},
    {"جمادي الاول", 5}, {"جمادي الثانيه", 6}, {"جمادي الاخره", 6},
    {"جمادي الاخر", 6}, {"رجب", 7},           {"شعبان", 8},
    {"رمضان", 9},       {"شوال", 10},         {"ذو القعده", 11},
    {"ذي القعده", 11},  {"ذو الحجه", 12},     {"ذي الحجه", 12},
};

static const struct {
	const char *name, *code;
} seasons[] = {
    {"ربيع", "SP"},
    {"صيف", "SU"},
    {"خريف", "FA"},
    {"شتاء", "WI"},
};

/* Day names, Sunday = 0. */
static const char *const days[] = {"احد",  "اثنين", "ثلاثاء", "اربعاء",
                                   "خميس", "جمعه",  "سبت"};

/* Currencies: the noun, an optional adjective, the code. The first row of
 * a noun without adjective is its default. */
static const struct {
	const char *noun, *adj, *code;
} currencies[] = {
    {"دولار", "كندي", "CAD"},
    {"دولار", "استرالي", "AUD"},
    {"دولار", "", "USD"},
    {"يورو", "", "EUR"},
    {"ريال", "قطري", "QAR"},
    {"ريال", "عماني", "OMR"},
    {"ريال", "يمني", "YER"},
    {"ريال", "ايراني", "IRR"},
    {"ريال", "", "SAR"},
    {"درهم", "مغربي", "MAD"},
    {"درهم", "", "AED"},
    {"دينار", "كويتي", "KWD"},
    {"دينار", "اردني", "JOD"},
    {"دينار", "عراقي", "IQD"},
    {"دينار", "بحريني", "BHD"},
    {"دينار", "تونسي", "TND"},
    {"دينار", "جزايري", "DZD"},
    {"دينار", "ليبي", "LYD"},
    {"ليره", "تركيه", "TRY"},
    {"ليره", "سوريه", "SYP"},
    {"ليره", "لبنانيه", "LBP"},
    {"جنيه", "استرليني", "GBP"},
    {"جنيه", "سوداني", "SDG"},
    {"جنيه", "", "EGP"},
    {"روبيه", "باكستانيه", "PKR"},
    {"روبيه", "", "INR"},
    {"ين", "", "JPY"},
    {"يوان", "", "CNY"},
    {"روبل", "", "RUB"},
    {"فرنك", "سويسري", "CHF"},
    {"ليره", "", ""},
    {"دينار", "", ""},
};

/* Words that follow a number without being what it counts. */
static const char *const not_units[] = {
    "في",   "من",   "علي", "الي",  "عن",  "مع",  "او",  "ثم",    "حتي", "منذ",
    "قبل",  "بعد",  "الي", "خلال", "عند", "بين", "نحو", "حوالي", "هذا", "هذه",
    "التي", "الذي", "ما",  "لا",   "لم",  "لن",  "ان",  "قد",    "كل",
};

/* ---- words -----------------------------------------------------------------
 */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Punctuation trimmed off word ends: ASCII and « » “ ” ، ؛ ؟ (UTF-8). */
static size_t punct_len_at(const unsigned char *p, size_t n)
{
	if (n >= 1 && strchr(".,;:!?()[]{}\"'-/%", p[0]) && p[0])
		return 1;
	if (n >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
		return 2;
	if (n >= 2 && p[0] == 0xD8 &&
	    (p[1] == 0x8C || p[1] == 0x9B || p[1] == 0x9F))
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
	    (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0xA6))
		return 3;
	return 0;
}

static size_t punct_len_before(const unsigned char *p, size_t n)
{
	if (n >= 1 && p[n - 1] < 0x80)
		return strchr(".,;:!?()[]{}\"'-/%", p[n - 1]) && p[n - 1] ? 1
		                                                          : 0;
	for (size_t k = 2; k <= 3 && k <= n; k++)
		if (punct_len_at(p + n - k, k) == k)
			return k;
	return 0;
}

static void strip_clitics(const char *norm, char *base)
{
	static const char *const pre[] = {
	    "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"};
	size_t n = strlen(norm);
	for (size_t i = 0; i < ISNAD_ARRAY_LEN(pre); i++) {
		size_t k = strlen(pre[i]);
		/* keep at least two letters; و15 is و + 15 */
		if (!memcmp(norm, pre[i], k) &&
		    (n > k + 3 ||
		     (n > k && norm[k] >= '0' && norm[k] <= '9'))) {
			memcpy(base, norm + k, n - k + 1);
			return;
		}
	}
	memcpy(base, norm, n + 1);
}

static int make_words(const char *s, size_t len, struct word **out,
                      size_t *n_out)
{
	const unsigned char *p = (const unsigned char *)s;
	struct word *w = NULL;
	size_t n = 0, cap = 0, i = 0;
	while (i < len) {
		size_t a, b, k;
		char tmp[3 * MAX_WORD + 4];
		while (i < len && is_space(p[i]))
			i++;
		a = i;
		while (i < len && !is_space(p[i]))
			i++;
		b = i;
		while (a < b && (k = punct_len_at(p + a, b - a)) != 0)
			a += k;
		while (b > a && (k = punct_len_before(p + a, b - a)) != 0)
			b -= k;
		if (a >= b)
			continue;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 256;
			struct word *nw = isnad_realloc(w, nc * sizeof *nw);
			if (!nw) {
				isnad_free(w);
				return 0;
			}
			w = nw;
			cap = nc;
		}
		w[n].start = a;
		w[n].end = b;
		k = b - a < MAX_WORD - 1 ? b - a : MAX_WORD / 3 - 1;
		k = isnad_normalize_word(s + a, k, ISNAD_NORM_SEARCH, tmp);
		if (k >= MAX_WORD)
			k = MAX_WORD - 1;
		memcpy(w[n].norm, tmp, k);
		w[n].norm[k] = '\0';
		strip_clitics(w[n].norm, w[n].base);
		w[n].has_digit = strpbrk(w[n].norm, "0123456789") != NULL;
		n++;
	}
	*out = w;
	*n_out = n;
	return 1;
}

/* Does the phrase (one or two words) start at word i?  Matches on base
 * for the first word, norm for the second. Returns words used. */
static int match_phrase(const struct word *w, size_t n, size_t i,
                        const char *phrase)
{
	const char *sp = strchr(phrase, ' ');
	size_t k;
	if (!sp)
		return !strcmp(w[i].base, phrase) || !strcmp(w[i].norm, phrase)
		           ? 1
		           : 0;
	if (i + 1 >= n)
		return 0;
	k = (size_t)(sp - phrase);
	/* كانون must not lose its ك as if it were a preposition */
	if ((strncmp(w[i].base, phrase, k) || w[i].base[k] != '\0') &&
	    (strncmp(w[i].norm, phrase, k) || w[i].norm[k] != '\0'))
		return 0;
	return !strcmp(w[i + 1].norm, sp + 1) ? 2 : 0;
}

static int lookup_month_1(const struct word *w, size_t n, size_t i, int *used,
                          int *is_hijri);

/* A month name at word i, also when a slash joins two names in one word
 * («مايو/أيار»): the part before the slash decides. */
static int lookup_month(const struct word *w, size_t n, size_t i, int *used,
                        int *is_hijri)
{
	int m = lookup_month_1(w, n, i, used, is_hijri);
	if (!m && strchr(w[i].norm, '/')) {
		struct word tmp = w[i];
		*strchr(tmp.norm, '/') = '\0';
		strip_clitics(tmp.norm, tmp.base);
		m = lookup_month_1(&tmp, 1, 0, used, is_hijri);
	}
	return m;
}

static int lookup_month_1(const struct word *w, size_t n, size_t i, int *used,
                          int *is_hijri)
{
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(hijri); k++)
		if ((*used = match_phrase(w, n, i, hijri[k].name)) != 0) {
			*is_hijri = 1;
			return hijri[k].month;
		}
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(gregorian); k++)
		if ((*used = match_phrase(w, n, i, gregorian[k].name)) != 0) {
			*is_hijri = 0;
			return gregorian[k].month;
		}
	return 0;
}

/* A whole-word number (ASCII after normalisation) in [lo, hi], else -1. */
static long word_int(const struct word *w, long lo, long hi)
{
	char *e;
	long v;
	if (!w->has_digit)
		return -1;
	v = strtol(w->base, &e, 10);
	if (*e || e == w->base || v < lo || v > hi)
		return -1;
	return v;
}

/* An ordinal day at word i (الثاني, الحادي عشر, الخامس والعشرين):
 * its value, and *used words; 0 if none. */
static int ordinal_at(const struct word *w, size_t n, size_t i, int *used)
{
	static const char *const units[] = {"اول",  "ثاني", "ثالث", "رابع",
	                                    "خامس", "سادس", "سابع", "ثامن",
	                                    "تاسع", "عاشر"};
	char u[MAX_WORD];
	int v = 0;
	snprintf(u, sizeof u, "%s", w[i].base);
	if (!strcmp(u, "حادي"))
		v = 1;
	if (!strcmp(u, "اولي") || !strcmp(u, "ثانيه"))
		v = !strcmp(u, "اولي") ? 1 : 2;
	for (int k = 0; !v && k < 10; k++)
		if (!strcmp(u, units[k]))
			v = k + 1;
	if (!strcmp(u, "عشرين") || !strcmp(u, "ثلاثين")) {
		*used = 1;
		return u[0] == '\xd8' && !strcmp(u, "عشرين") ? 20 : 30;
	}
	/* a day ordinal carries the article (and maybe و before it) */
	if (!v || (strncmp(w[i].norm, "ال", strlen("ال")) &&
	           strncmp(w[i].norm, "وال", strlen("وال"))))
		return 0;
	*used = 1;
	if (i + 1 < n && v < 10 && !strcmp(w[i + 1].norm, "عشر")) {
		*used = 2;
		return 10 + v;
	}
	if (i + 1 < n && v < 10 && !strcmp(w[i + 1].norm, "والعشرين")) {
		*used = 2;
		return 20 + v;
	}
	if (i + 1 < n && v == 1 && !strcmp(w[i + 1].norm, "والثلاثين")) {
		*used = 2;
		return 31;
	}
	return v;
}

/* ---- calendars ----------------------------------------------------------- */

static long days_from_civil(long y, int m, int d)
{
	/* days since 1970-01-01 (Howard Hinnant's algorithm) */
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y += *m <= 2;
}

/* Tabular Islamic calendar: Hijri date to days since 1970-01-01. */
static long days_from_hijri(long y, int m, int d)
{
	long jd = (11 * y + 3) / 30 + 354 * y + 30 * m - (m - 1) / 2 + d +
	          1948440 - 385;
	return jd - 2440588; /* Julian day of 1970-01-01 */
}

static int parse_doc_date(const char *s, long *days)
{
	int y, m, d;
	if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
	    m > 12 || d < 1 || d > 31)
		return 0;
	*days = days_from_civil(y, m, d);
	return 1;
}

static void fmt_days(long days, char *out, size_t cap)
{
	long y;
	int m, d;
	civil_from_days(days, &y, &m, &d);
	snprintf(out, cap, "%04d-%02d-%02d", YR(y), m, d);
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* An era mark as a word of its own: هـ م, هجري(ة), ميلادي(ة). */
static int era_word(const char *base)
{
	if (!strcmp(base, "\xd9\x87") || !strcmp(base, "هجري") ||
	    !strcmp(base, "هجريه"))
		return 'H';
	if (!strcmp(base, "\xd9\x85") || !strcmp(base, "ميلادي") ||
	    !strcmp(base, "ميلاديه"))
		return 'G';
	return 0;
}

/* A year at word i with its era mark, attached or not: «1436هـ», «1436
 * هـ», «2015م».  want is the era the context asks for ('H' after a Hijri
 * month, 'G' after a Gregorian one, 0 for either); a year with no mark is
 * of that era, or Hijri in 1300..1600.  *era gets 'H' or 'G', *used the
 * words taken; -1 when there is no such year. */
static long year_at(const struct word *w, size_t n, size_t i, int want,
                    int *era, size_t *used)
{
	char *e;
	long y;
	int mark = 0;
	*era = 0;
	*used = 0;
	if (i >= n || w[i].base[0] < '0' || w[i].base[0] > '9')
		return -1;
	y = strtol(w[i].base, &e, 10);
	if (!strcmp(e, "\xd9\x87")) /* ه */
		mark = 'H';
	else if (!strcmp(e, "\xd9\x85")) /* م */
		mark = 'G';
	else if (*e)
		return -1;
	*used = 1;
	if (!mark && i + 1 < n && (mark = era_word(w[i + 1].base)) != 0)
		*used = 2;
	if (mark && want && mark != want)
		return -1;
	/* unmarked 1300..1470 is a Hijri year of modern times, not a
	 * Gregorian one of the Middle Ages («عام 1534» is Gregorian) */
	*era = mark ? mark : want ? want : y >= 1300 && y <= 1470 ? 'H' : 'G';
	if (*era == 'H' ? (y < 1300 || y > 1600) : (y < 1000 || y > 2100))
		return -1;
	return y;
}

/* Is the year at word i marked Hijri («1436هـ», «1436 هـ»)? */
static int hijri_marked(const struct word *w, size_t n, size_t i)
{
	return w[i].has_digit &&
	       (ends_with(w[i].norm, "\xd9\x87") ||
	        (i + 1 < n && era_word(w[i + 1].base) == 'H'));
}

/* The one separator of a date between two numbers, spaces aside
 * («20/ 8»), or 0. */
static char gap_sep(const char *text, size_t a, size_t b)
{
	char sep = 0;
	for (; a < b; a++) {
		if (text[a] == ' ')
			continue;
		if (sep || !strchr("/-.", text[a]))
			return 0;
		sep = text[a];
	}
	return sep;
}

/* TIMEX3 of a Hijri year: the Gregorian year its middle falls in (1436
 * runs from October 2014 to October 2015: 2015). */
static void hijri_year_timex(long y, char *out, size_t cap)
{
	long yy;
	int m, d;
	civil_from_days(days_from_hijri(y, 7, 1), &yy, &m, &d);
	snprintf(out, cap, "%04d", YR(yy));
}

/* Day, month and year as numbers: a Gregorian or Hijri TIMEX3 value. */
static int numeric_date(long a, long b, long c, int era, long y, char *out,
                        size_t cap)
{
	long d = a > 31 ? c : a;
	if (b < 1 || b > 12 || d < 1 || d > 31)
		return 0;
	if (era == 'H') {
		if (d > 30)
			return 0;
		fmt_days(days_from_hijri(y, (int)b, (int)d), out, cap);
	} else {
		snprintf(out, cap, "%04d-%02d-%02d", YR(y), (int)b, DY(d));
	}
	return 1;
}

/* ---- finding ------------------------------------------------------------- */

static int push(struct isnad_values *vals, const struct isnad_value *v)
{
	if (vals->n == vals->cap) {
		size_t nc = vals->cap ? vals->cap * 2 : 32;
		struct isnad_value *nv =
		    isnad_realloc(vals->v, nc * sizeof *nv);
		if (!nv)
			return 0;
		vals->v = nv;
		vals->cap = nc;
	}
	vals->v[vals->n++] = *v;
	return 1;
}

/* Where a mention starting with word w begins: after an attached
 * conjunction or preposition (و15 رمضان -> 15 رمضان, والشهر -> الشهر),
 * which the spec leaves out of mention spans; the article stays. */
static size_t span_start(const char *text, const struct word *w)
{
	size_t nl = strlen(w->norm), bl = strlen(w->base), pre, at = w->start;
	if (bl >= nl || strcmp(w->norm + (nl - bl), w->base))
		return w->start;
	pre = nl - bl;
	if (pre >= 4 && !memcmp(w->norm + pre - 4, "\xd8\xa7\xd9\x84", 4))
		pre -= 4; /* keep ال */
	for (size_t letters = pre / 2; letters > 0 && at < w->end; letters--) {
		at += 2; /* an Arabic letter */
		/* and the harakat or tatweel that follow it */
		while (at + 1 < w->end && (unsigned char)text[at] == 0xD9 &&
		       (((unsigned char)text[at + 1] >= 0x8B &&
		         (unsigned char)text[at + 1] <= 0x92) ||
		        (unsigned char)text[at + 1] == 0x80))
			at += 2;
	}
	return at < w->end ? at : w->start;
}

static void new_value(struct isnad_value *v, enum isnad_value_type t, size_t a,
                      size_t b)
{
	memset(v, 0, sizeof *v);
	v->type = t;
	v->start = a;
	v->end = b;
}

/* A date starting at word i: returns the words it covers (0: none). */
/* The words a date can start with, as a small hash set: most words are
 * rejected by one lookup instead of a walk through every vocabulary. */
#define STARTERS 512
struct starters {
	uint64_t h[STARTERS];
};

static void starters_add(struct starters *st, const char *phrase)
{
	const char *sp = strchr(phrase, ' ');
	size_t n = sp ? (size_t)(sp - phrase) : strlen(phrase);
	uint64_t h = isnad__hash(phrase, n) | 1;
	size_t i = (size_t)h & (STARTERS - 1);
	while (st->h[i] && st->h[i] != h)
		i = (i + 1) & (STARTERS - 1);
	st->h[i] = h;
}

static int starters_has(const struct starters *st, const char *w)
{
	uint64_t h = isnad__hash(w, strlen(w)) | 1;
	size_t i = (size_t)h & (STARTERS - 1);
	for (; st->h[i]; i = (i + 1) & (STARTERS - 1))
		if (st->h[i] == h)
			return 1;
	return 0;
}

static void starters_init(struct starters *st)
{
	static const char *const more[] = {
	    "عام",  "سنه",  "شهر",  "اسبوع", "امس",   "غدا",   "اليوم", "يوم",
	    "اول",  "ثاني", "ثالث", "رابع",  "خامس",  "سادس",  "سابع",  "ثامن",
	    "تاسع", "عاشر", "حادي", "اولي",  "ثانيه", "عشرين", "ثلاثين"};
	memset(st, 0, sizeof *st);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(gregorian); k++)
		starters_add(st, gregorian[k].name);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(hijri); k++)
		starters_add(st, hijri[k].name);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(seasons); k++)
		starters_add(st, seasons[k].name);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(days); k++)
		starters_add(st, days[k]);
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(more); k++)
		starters_add(st, more[k]);
}

static int may_start_date(const struct starters *st, const struct word *w)
{
	size_t nl;
	if (w->has_digit || starters_has(st, w->base) ||
	    starters_has(st, w->norm))
		return 1;
	/* «مايو/أيار» and day names with the article or و */
	nl = strlen(w->norm);
	if (strchr(w->norm, '/'))
		return 1;
	if (nl > 4 && !memcmp(w->norm, "\xd8\xa7\xd9\x84", 4) &&
	    starters_has(st, w->norm + 4))
		return 1;
	return nl > 6 && !memcmp(w->norm, "\xd9\x88\xd8\xa7\xd9\x84", 6) &&
	       starters_has(st, w->norm + 6);
}

/* Words [i, i + u) as the numeric date a/b/c of year y; 0 if the
 * numbers make none. */
static int put_numeric(const char *text, const struct word *w, size_t i,
                       size_t u, long a, long b, long c, int era, long y,
                       struct isnad_value *v)
{
	char timex[sizeof v->timex];
	if (!numeric_date(a, b, c, era, y, timex, sizeof timex))
		return 0;
	new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]), w[i + u - 1].end);
	memcpy(v->timex, timex, sizeof timex);
	return 1;
}

static size_t date_at(const char *text, const struct word *w, size_t n,
                      size_t i, int have_doc, long doc_days,
                      struct isnad_value *v)
{
	int used = 0, hij = 0, month, era;
	long day = -1, year = -1;
	size_t j, yu;
	/* numeric: 28/5/2014, 2014-05-28, 28-05-2014, 28.05.2014, and
	 * Hijri 20/8/1436هـ, 1436/8/20 */
	if (w[i].has_digit) {
		int a, b, c, k = 0, era;
		char sep1, sep2;
		if (sscanf(w[i].norm, "%d%c%d%c%d%n", &a, &sep1, &b, &sep2, &c,
		           &k) == 5 &&
		    sep1 == sep2 &&
		    (sep1 == '/' || sep1 == '-' || sep1 == '.')) {
			/* the era mark after the last number, or a word
			 * after it: 20/8/1436هـ, 1436/8/20 هـ */
			struct word yw = w[i];
			size_t u;
			long y;
			snprintf(yw.base, sizeof yw.base, "%d%s",
			         a > 31 ? a : c, w[i].norm + k);
			snprintf(yw.norm, sizeof yw.norm, "%s", yw.base);
			{
				struct word two[2];
				two[0] = yw;
				if (i + 1 < n)
					two[1] = w[i + 1];
				y = year_at(two, i + 1 < n ? 2 : 1, 0, 0, &era,
				            &u);
			}
			if (y >= 0 &&
			    put_numeric(text, w, i, u, a, b, c, era, y, v))
				return u;
		}
	}
	/* the same with spaces: «20/ 8/ 1436 هـ» (word ends lose the
	 * slashes, the gaps keep them) */
	if (w[i].has_digit && i + 2 < n) {
		long a = word_int(&w[i], 1, 9999),
		     b = word_int(&w[i + 1], 1, 12), y;
		char sep = gap_sep(text, w[i].end, w[i + 1].start);
		int era;
		size_t u;
		if (a >= 1 && b >= 1 && sep &&
		    gap_sep(text, w[i + 1].end, w[i + 2].start) == sep) {
			long c;
			if (a > 31) {
				c = word_int(&w[i + 2], 1, 31);
				y = year_at(w, n, i, 0, &era, &u);
				u = 3;
			} else {
				y = year_at(w, n, i + 2, 0, &era, &u);
				c = y;
				u += 2;
			}
			if (y >= 0 && c >= 1 &&
			    put_numeric(text, w, i, u, a, b, c, era, y, v))
				return u;
		}
	}
	/* [day] month[/month] [year]; the day may be an ordinal:
	 * «الثاني من يناير 2015» */
	j = i;
	{
		int ou = 0, od = ordinal_at(w, n, i, &ou);
		size_t m_at = i + (size_t)ou;
		if (od && m_at < n && !strcmp(w[m_at].norm, "من"))
			m_at++;
		if (od && m_at < n && lookup_month(w, n, m_at, &used, &hij)) {
			day = od;
			j = m_at;
		}
	}
	if (day < 0 && word_int(&w[i], 1, 31) >= 0 && i + 1 < n &&
	    lookup_month(w, n, i + 1, &used, &hij)) {
		day = word_int(&w[i], 1, 31);
		j = i + 1;
	}
	month = lookup_month(w, n, j, &used, &hij);
	if (month) {
		size_t end = j + (size_t)used;
		/* an alternative name after a slash: «28 مايو / أيار» */
		if (end + 1 < n && !strcmp(w[end].norm, "/"))
			end++;
		if (end < n) {
			int u2, h2;
			if (lookup_month(w, n, end, &u2, &h2) == month && !h2 &&
			    !hij)
				end += (size_t)u2;
		}
		if (end < n && (year = year_at(w, n, end, hij ? 'H' : 'G', &era,
		                               &yu)) >= 0)
			end += yu;
		else if (day < 0)
			return 0; /* a bare month name is too often a name */
		new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
		          w[end - 1].end);
		if (hij) {
			if (year >= 0) {
				long dd = days_from_hijri(
				    year, month, day > 0 ? (int)day : 1);
				char full[16];
				fmt_days(dd, full, sizeof full);
				if (day > 0)
					snprintf(v->timex, sizeof v->timex,
					         "%s", full);
				else
					snprintf(v->timex, sizeof v->timex,
					         "%.7s", full);
			}
		} else if (year >= 0 && day > 0) {
			snprintf(v->timex, sizeof v->timex, "%04d-%02d-%02d",
			         YR(year), month, DY(day));
		} else if (year >= 0) {
			snprintf(v->timex, sizeof v->timex, "%04d-%02d",
			         YR(year), month);
		} else {
			snprintf(v->timex, sizeof v->timex, "XXXX-%02d-%02d",
			         month, DY(day));
		}
		return end - i;
	}
	/* season + year: «ربيع 2014», «ربيع عام 2014» */
	if (i + 2 < n &&
	    (!strcmp(w[i + 1].base, "عام") || !strcmp(w[i + 1].base, "سنه")))
		for (size_t k = 0; k < ISNAD_ARRAY_LEN(seasons); k++)
			if (!strcmp(w[i].base, seasons[k].name) &&
			    (year = word_int(&w[i + 2], 1900, 2100)) >= 0) {
				new_value(v, ISNAD_VAL_DATE,
				          span_start(text, &w[i]),
				          w[i + 2].end);
				snprintf(v->timex, sizeof v->timex, "%04d-%s",
				         YR(year), seasons[k].code);
				return 3;
			}
	/* season + year: «ربيع 2014» */
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(seasons); k++)
		if (!strcmp(w[i].base, seasons[k].name) && i + 1 < n &&
		    (year = word_int(&w[i + 1], 1900, 2100)) >= 0) {
			new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
			          w[i + 1].end);
			snprintf(v->timex, sizeof v->timex, "%04d-%s", YR(year),
			         seasons[k].code);
			return 2;
		}
	/* «عام 2014», «سنة 2014», «عام 1436هـ» */
	if ((!strcmp(w[i].base, "عام") || !strcmp(w[i].base, "سنه")) &&
	    (year = year_at(w, n, i + 1, 0, &era, &yu)) >= 0) {
		new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
		          w[i + yu].end);
		if (era == 'H')
			hijri_year_timex(year, v->timex, sizeof v->timex);
		else
			snprintf(v->timex, sizeof v->timex, "%04d", YR(year));
		return 1 + yu;
	}
	/* a Hijri year alone, its mark makes it a date: «1436هـ» */
	if (hijri_marked(w, n, i) &&
	    (year = year_at(w, n, i, 'H', &era, &yu)) >= 0) {
		new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
		          w[i + yu - 1].end);
		hijri_year_timex(year, v->timex, sizeof v->timex);
		return yu;
	}
	/* relative to the document's date: الشهر الماضي, العام الماضي ... */
	if (i + 1 < n && (!strcmp(w[i + 1].base, "ماضي") ||
	                  !strcmp(w[i + 1].base, "ماضيه"))) {
		const char *u = w[i].base;
		int kind = !strcmp(u, "شهر")                        ? 1
		           : !strcmp(u, "عام") || !strcmp(u, "سنه") ? 2
		           : !strcmp(u, "اسبوع")                    ? 3
		                                                    : 0;
		if (kind) {
			long y;
			int m, d;
			new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
			          w[i + 1].end);
			civil_from_days(doc_days - (kind == 3 ? 7 : 0), &y, &m,
			                &d);
			if (have_doc && kind == 1)
				snprintf(v->timex, sizeof v->timex, "%04d-%02d",
				         YR(m == 1 ? y - 1 : y),
				         m == 1 ? 12 : m - 1);
			else if (have_doc && kind == 2)
				snprintf(v->timex, sizeof v->timex, "%04d",
				         YR(y - 1));
			else if (have_doc) /* the week's month: TIMEX3 weeks
			                      need ISO week numbers; this is
			                      safe */
				snprintf(v->timex, sizeof v->timex, "%04d-%02d",
				         YR(y), m);
			return 2;
		}
	}
	{
		int rel = !strcmp(w[i].base, "امس")       ? -1
		          : !strcmp(w[i].base, "غدا")     ? 1
		          : ends_with(w[i].norm, "اليوم") ? 0
		                                          : 99;
		if (rel != 99) {
			new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
			          w[i].end);
			if (have_doc)
				fmt_days(doc_days + rel, v->timex,
				         sizeof v->timex);
			return 1;
		}
	}
	/* a day name with the article (الاثنين, يوم الاثنين): the last such
	 * day on or before the document's date */
	{
		size_t at = !strcmp(w[i].base, "يوم") && i + 1 < n ? i + 1 : i;
		for (int k = 0; k < 7; k++) {
			char with_al[32];
			snprintf(with_al, sizeof with_al, "ال%s", days[k]);
			if (!ends_with(w[at].norm, with_al))
				continue;
			new_value(v, ISNAD_VAL_DATE, span_start(text, &w[i]),
			          w[at].end);
			if (have_doc) {
				/* 1970-01-01 was a Thursday (4) */
				long dow = ((doc_days % 7) + 7 + 4) % 7;
				fmt_days(doc_days - (dow - k + 7) % 7, v->timex,
				         sizeof v->timex);
			}
			return at - i + 1;
		}
	}
	return 0;
}

/* Only white space between a number and its noun: «2002. وقدم» counts
 * no feet; «(354863) شخصا» closes its own bracket. */
static int blank(const char *text, size_t a, size_t b, size_t num_start)
{
	if (a < b && text[a] == ')' && num_start > 0 &&
	    text[num_start - 1] == '(')
		a++;
	for (; a < b; a++)
		if (text[a] != ' ' && text[a] != '\t' && text[a] != '\n')
			return 0;
	return 1;
}

static int is_not_unit(const char *base)
{
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(not_units); k++)
		if (!strcmp(base, not_units[k]))
			return 1;
	return 0;
}

/* Currency at word i (and an adjective at i+1): returns words used. */
static int currency_at_1(const struct word *w, size_t n, size_t i,
                         const char *word, const char **code);

/* The word as written first (ليرة is not ل + يرة), then without clitics. */
static int currency_at(const struct word *w, size_t n, size_t i,
                       const char **code)
{
	int u = currency_at_1(w, n, i, w[i].norm, code);
	return u ? u : currency_at_1(w, n, i, w[i].base, code);
}

/* «0504294643 للاستفسار»: what follows a number with a preposition and
 * the article (لل، بال، كال) is no counted noun. */
static int prep_definite(const char *norm)
{
	return !strncmp(norm, "لل", strlen("لل")) ||
	       !strncmp(norm, "بال", strlen("بال")) ||
	       !strncmp(norm, "كال", strlen("كال"));
}

/* Seven digits or more, starting with 0, nothing between them: a
 * telephone number, which counts nothing. */
static int telephone(const char *text, const struct isnad_number *num)
{
	size_t d = 0;
	if (text[num->start] != '0')
		return 0;
	for (size_t k = num->start; k < num->end; k++) {
		if (text[k] < '0' || text[k] > '9')
			return 0;
		d++;
	}
	return d >= 7;
}

static int currency_known(const char *noun)
{
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(currencies); k++)
		if (!strcmp(noun, currencies[k].noun))
			return 1;
	return 0;
}

static int currency_at_1(const struct word *w, size_t n, size_t i,
                         const char *word, const char **code)
{
	char noun[MAX_WORD];
	size_t l;
	snprintf(noun, sizeof noun, "%s", word);
	l = strlen(noun);
	/* plural دولارات, ليرات: the singular */
	if (l > 6 && !strcmp(noun + l - 4, "ات"))
		noun[l - 4] = '\0';
	/* the accusative after 11..99, «137 دولاراً»: the tanween's alef */
	else if (l > 4 && !strcmp(noun + l - 2, "ا") && !currency_known(noun))
		noun[l - 2] = '\0';
	if (!strcmp(noun, "$") || !strcmp(w[i].norm, "$")) {
		*code = "USD";
		return 1;
	}
	for (size_t k = 0; k < ISNAD_ARRAY_LEN(currencies); k++) {
		if (strcmp(noun, currencies[k].noun))
			continue;
		if (currencies[k].adj[0]) {
			if (i + 1 < n &&
			    (!strcmp(w[i + 1].base, currencies[k].adj) ||
			     !strcmp(w[i + 1].norm, currencies[k].adj))) {
				*code = currencies[k].code;
				return 2;
			}
			continue;
		}
		*code = currencies[k].code;
		return 1;
	}
	return 0;
}

isnad_status isnad_values_find(const char *text, size_t len,
                               const char *doc_date, struct isnad_values *out)
{
	struct starters starters;
	struct word *w = NULL;
	size_t nw = 0, i, di = 0;
	struct isnad_numbers nums;
	long doc_days = 0;
	int have_doc = parse_doc_date(doc_date, &doc_days);
	size_t first_new = out->n, nd, dp;
	isnad_status rc = ISNAD_OK;

	if (!make_words(text, len, &w, &nw))
		return ISNAD_ENOMEM;
	starters_init(&starters);
	/* dates first */
	for (i = 0; i < nw;) {
		struct isnad_value v;
		size_t used =
		    may_start_date(&starters, &w[i])
		        ? date_at(text, w, nw, i, have_doc, doc_days, &v)
		        : 0;
		if (used) {
			if (!push(out, &v)) {
				rc = ISNAD_ENOMEM;
				goto done;
			}
			i += used;
		} else {
			i++;
		}
	}
	/* then numbers outside dates: money or quantity */
	isnad_numbers_init(&nums);
	if ((rc = isnad_numbers_find(text, len, &nums)) != ISNAD_OK) {
		isnad_numbers_release(&nums);
		goto done;
	}
	i = 0;
	/* dates and numbers both come in text order, and dates do not
	 * overlap: one pointer finds the date a number may be part of */
	nd = out->n;
	dp = first_new;
	for (size_t k = 0; k < nums.n; k++) {
		const struct isnad_number *num = &nums.v[k];
		struct isnad_value v;
		const char *code = NULL;
		int used;
		size_t wi;
		while (dp < nd && out->v[dp].end <= num->start)
			dp++;
		if (dp < nd && out->v[dp].start < num->end)
			continue;
		/* the first word that starts at or after the number's end */
		while (i < nw && w[i].start < num->end)
			i++;
		wi = i;
		/* "$100" */
		if (num->start > 0 && text[num->start - 1] == '$') {
			new_value(&v, ISNAD_VAL_MONEY, num->start - 1,
			          num->end);
			v.amount = num->value;
			memcpy(v.currency, "USD", 4);
			if (!push(out, &v))
				rc = ISNAD_ENOMEM;
			continue;
		}
		/* "13%", "13٪": a share, whatever follows */
		if ((num->end < len && text[num->end] == '%') ||
		    (num->end + 1 < len &&
		     !memcmp(text + num->end, "\xd9\xaa", 2))) {
			new_value(&v, ISNAD_VAL_QUANTITY, num->start,
			          num->end + (text[num->end] == '%' ? 1 : 2));
			v.amount = num->value;
			if (!push(out, &v))
				rc = ISNAD_ENOMEM;
			continue;
		}
		if (wi >= nw)
			continue;
		if ((used = currency_at(w, nw, wi, &code)) != 0) {
			new_value(&v, ISNAD_VAL_MONEY, num->start,
			          w[wi + (size_t)used - 1].end);
			v.amount = num->value;
			snprintf(v.currency, sizeof v.currency, "%s", code);
			if (!push(out, &v))
				rc = ISNAD_ENOMEM;
			continue;
		}
		/* «4 من أمراء»: the noun after من is what is counted */
		if (!w[wi].has_digit && !strcmp(w[wi].norm, "من") &&
		    wi + 1 < nw && (unsigned char)w[wi + 1].norm[0] >= 0xD8 &&
		    (unsigned char)w[wi + 1].norm[0] <= 0xDB &&
		    !is_not_unit(w[wi + 1].base) &&
		    w[wi].start - num->end <= 2 &&
		    blank(text, num->end, w[wi].start, num->start) &&
		    /* indefinite: «المادة 5 من القانون» counts nothing */
		    strncmp(w[wi + 1].norm, "ال", strlen("ال"))) {
			new_value(&v, ISNAD_VAL_QUANTITY, num->start,
			          w[wi + 1].end);
			v.unit_start = w[wi + 1].start;
			v.unit_end = w[wi + 1].end;
			v.amount = num->value;
			if (!push(out, &v))
				rc = ISNAD_ENOMEM;
			continue;
		}
		/* a plain year is a date only after عام/في, handled above;
		 * otherwise a number followed by a counted noun */
		if (w[wi].has_digit || is_not_unit(w[wi].base) ||
		    w[wi].start - num->end > 2 ||
		    !blank(text, num->end, w[wi].start, num->start))
			continue;
		if (!strcmp(w[wi].norm, "%") || !strcmp(w[wi].norm, "بالميه") ||
		    !strcmp(w[wi].norm, "بالمايه")) {
			new_value(&v, ISNAD_VAL_QUANTITY, num->start,
			          w[wi].end);
		} else if ((unsigned char)w[wi].norm[0] >= 0xD8 &&
		           (unsigned char)w[wi].norm[0] <= 0xDB &&
		           strlen(w[wi].norm) > 2 && /* «1436 هـ», «2015 م» */
		           !prep_definite(w[wi].norm) &&
		           !telephone(text, num) &&
		           /* واحد follows its noun: «عائلة واحدة بإصابات» */
		           !(num->value == 1 &&
		             (num->flags & ISNAD_NUM_WORDS))) {
			new_value(&v, ISNAD_VAL_QUANTITY, num->start,
			          w[wi].end);
			v.unit_start = w[wi].start;
			v.unit_end = w[wi].end;
		} else {
			continue;
		}
		v.amount = num->value;
		if (!push(out, &v))
			rc = ISNAD_ENOMEM;
	}
	isnad_numbers_release(&nums);
	(void)di;
	/* keep the result in text order */
	for (size_t a = first_new + 1; a < out->n; a++)
		for (size_t b = a;
		     b > first_new && out->v[b - 1].start > out->v[b].start;
		     b--) {
			struct isnad_value t = out->v[b];
			out->v[b] = out->v[b - 1];
			out->v[b - 1] = t;
		}
done:
	isnad_free(w);
	return rc;
}

void isnad_values_init(struct isnad_values *vals)
{
	vals->v = NULL;
	vals->n = vals->cap = 0;
}

void isnad_values_release(struct isnad_values *vals)
{
	isnad_free(vals->v);
	isnad_values_init(vals);
}
