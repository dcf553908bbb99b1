/*
 * number.c - numbers in Arabic news text: digits in three scripts and
 * number words, turned into values.
 *
 * The finder walks the text once and tries a parse only where a number can
 * begin (a digit, or the first letter of an Arabic word).  A parse reads
 * whole tokens: a digit string, or a word folded with isnad_normalize_word
 * plus the few folds below so that spelling variants share one key, looked
 * up in a sorted table.  A failed attempt looks at a bounded number of
 * tokens, and a word longer than any number word is rejected unread, so the
 * whole search is linear in the input.
 *
 * Compounds follow the order Arabic writes them: units before tens (ثلاثة
 * وعشرون), hundreds and scales first and joined by و (ألف وخمسمائة).  A و
 * joins two parts only when the result is a well-formed number; otherwise
 * (3 و4, "three and four") the parts stay separate numbers.
 */
#include <float.h>
#include <string.h>

#include "isnad/number.h"
#include "isnad/text.h"
#include "isnad_int.h"

/* Longest word (in bytes, diacritics included) that can be a number word
 * or an approximator, clitic and tanween included. */
#define WORD_MAX 64
#define KEY_MAX (3 * WORD_MAX + 4)
/* Most letters in a number word or approximator, proclitic included
 * (وتريليونات, وثمانيمائة); longer words are rejected unfolded. */
#define MAX_LETTERS 11
/* Values past this would overflow after a scale word; clamp instead. */
#define VALUE_CAP 1e300

enum kind {
	K_NONE = 0,
	K_UNIT, /* 1..9 */
	K_TEENU, /* أحد إحدى اثنا: a number only before عشر/عشرة */
	K_TEN,  /* عشر عشرة */
	K_TENS, /* 20..90 */
	K_HUND, /* 100..900 */
	K_MULT, /* scale word: ألف مليون مليار */
	K_DUAL, /* dual of a scale word: ألفين = 2000 */
	K_PL,   /* plural of a scale word: needs a count (خمسة آلاف) */
	K_HALF, /* نصف ربع: fraction of an adjacent scale word */
	K_JOIN, /* the conjunction و written apart */
	K_DIGITS, /* a digit string */
	K_OTHER
};

#define W(s) s, sizeof(s) - 1

struct word_entry {
	const char *key;
	size_t len;
	double value;
	enum kind kind;
};

/* Keys are in the folded form of fold_key() and sorted by bytes (the table
 * is generated; keep it sorted when editing by hand). */
static const struct word_entry words[] = {
    {W("اثنا"), 2, K_TEENU},        {W("اثنان"), 2, K_UNIT},
    {W("اثنتا"), 2, K_TEENU},       {W("اثنتان"), 2, K_UNIT},
    {W("اثنتي"), 2, K_TEENU},       {W("اثنتين"), 2, K_UNIT},
    {W("اثني"), 2, K_TEENU},        {W("اثنين"), 2, K_UNIT},
    {W("احد"), 1, K_TEENU},         {W("احدي"), 1, K_TEENU},
    {W("اربع"), 4, K_UNIT},         {W("اربعه"), 4, K_UNIT},
    {W("اربعون"), 40, K_TENS},      {W("اربعين"), 40, K_TENS},
    {W("الاف"), 1e3, K_PL},         {W("الف"), 1e3, K_MULT},
    {W("الفا"), 1e3, K_MULT},       {W("الفان"), 1e3, K_DUAL},
    {W("الفي"), 1e3, K_DUAL},       {W("الفين"), 1e3, K_DUAL},
    {W("الوف"), 1e3, K_PL},         {W("بلايين"), 1e9, K_PL},
    {W("بليون"), 1e9, K_MULT},      {W("بليونا"), 1e9, K_MULT},
    {W("بليونان"), 1e9, K_DUAL},    {W("بليوني"), 1e9, K_DUAL},
    {W("بليونين"), 1e9, K_DUAL},    {W("تريليون"), 1e12, K_MULT},
    {W("تريليونا"), 1e12, K_MULT},  {W("تريليونات"), 1e12, K_PL},
    {W("تريليونان"), 1e12, K_DUAL}, {W("تريليوني"), 1e12, K_DUAL},
    {W("تريليونين"), 1e12, K_DUAL}, {W("تسع"), 9, K_UNIT},
    {W("تسعه"), 9, K_UNIT},         {W("تسعون"), 90, K_TENS},
    {W("تسعين"), 90, K_TENS},       {W("ثلاث"), 3, K_UNIT},
    {W("ثلاثه"), 3, K_UNIT},        {W("ثلاثون"), 30, K_TENS},
    {W("ثلاثين"), 30, K_TENS},      {W("ثمان"), 8, K_UNIT},
    {W("ثمانون"), 80, K_TENS},      {W("ثماني"), 8, K_UNIT},
    {W("ثمانين"), 80, K_TENS},      {W("ثمانيه"), 8, K_UNIT},
    {W("خمس"), 5, K_UNIT},          {W("خمسه"), 5, K_UNIT},
    {W("خمسون"), 50, K_TENS},       {W("خمسين"), 50, K_TENS},
    {W("ربع"), 0.25, K_HALF},       {W("سبع"), 7, K_UNIT},
    {W("سبعه"), 7, K_UNIT},         {W("سبعون"), 70, K_TENS},
    {W("سبعين"), 70, K_TENS},       {W("ست"), 6, K_UNIT},
    {W("سته"), 6, K_UNIT},          {W("ستون"), 60, K_TENS},
    {W("ستين"), 60, K_TENS},        {W("عشر"), 10, K_TEN},
    {W("عشره"), 10, K_TEN},         {W("عشرون"), 20, K_TENS},
    {W("عشرين"), 20, K_TENS},       {W("مايتا"), 200, K_HUND},
    {W("مايتان"), 200, K_HUND},     {W("مايتي"), 200, K_HUND},
    {W("مايتين"), 200, K_HUND},     {W("مايه"), 100, K_HUND},
    {W("ملايين"), 1e6, K_PL},       {W("مليار"), 1e9, K_MULT},
    {W("مليارا"), 1e9, K_MULT},     {W("مليارات"), 1e9, K_PL},
    {W("ملياران"), 1e9, K_DUAL},    {W("ملياري"), 1e9, K_DUAL},
    {W("مليارين"), 1e9, K_DUAL},    {W("مليون"), 1e6, K_MULT},
    {W("مليونا"), 1e6, K_MULT},     {W("مليونان"), 1e6, K_DUAL},
    {W("مليوني"), 1e6, K_DUAL},     {W("مليونين"), 1e6, K_DUAL},
    {W("ميتا"), 200, K_HUND},       {W("ميتان"), 200, K_HUND},
    {W("ميتي"), 200, K_HUND},       {W("ميتين"), 200, K_HUND},
    {W("ميه"), 100, K_HUND},        {W("نصف"), 0.5, K_HALF},
    {W("واحد"), 1, K_UNIT},         {W("واحده"), 1, K_UNIT},
};

enum {
	A_APPROX = ISNAD_NUM_APPROX,
	A_MORE = ISNAD_NUM_APPROX | ISNAD_NUM_MORE,
	A_LESS = ISNAD_NUM_APPROX | ISNAD_NUM_LESS
};

/* Approximators, longest phrase first among those sharing a first word. */
static const struct approx {
	const char *w[4];
	unsigned flags;
} approxes[] = {
    {{"ما", "لا", "يقل", "عن"}, A_MORE},
    {{"ما", "لا", "يزيد", "عن"}, A_LESS},
    {{"ما", "لا", "يزيد", "علي"}, A_LESS},
    {{"ما", "يزيد", "عن", NULL}, A_MORE},
    {{"ما", "يزيد", "علي", NULL}, A_MORE},
    {{"ما", "يربو", "علي", NULL}, A_MORE},
    {{"ما", "يربو", "عن", NULL}, A_MORE},
    {{"ما", "يقرب", "من", NULL}, A_APPROX},
    {{"ما", "يقارب", NULL, NULL}, A_APPROX},
    {{"اكثر", "من", NULL, NULL}, A_MORE},
    {{"ازيد", "من", NULL, NULL}, A_MORE},
    {{"اقل", "من", NULL, NULL}, A_LESS},
    {{"حوالي", NULL, NULL, NULL}, A_APPROX},
    {{"نحو", NULL, NULL, NULL}, A_APPROX},
    {{"قرابه", NULL, NULL, NULL}, A_APPROX},
    {{"زهاي", NULL, NULL, NULL}, A_APPROX},
    {{"يقارب", NULL, NULL, NULL}, A_APPROX},
};

/* ---- characters ---------------------------------------------------------- */

static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n_out)
{
	uint32_t cp;
	*n_out = isnad__utf8_decode((const unsigned char *)s + i, len - i, &cp);
	return cp;
}

/* The character ending at s[i] (i > 0), or U+FFFD for a broken one. */
static uint32_t cp_before(const char *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t j = i - 1, n;
	uint32_t cp;
	while (j > 0 && i - j < 4 && (u[j] & 0xC0) == 0x80)
		j--;
	n = isnad__utf8_decode(u + j, i - j, &cp);
	return n == i - j ? cp : 0xFFFD;
}

static int digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0x0660 && c <= 0x0669)
		return (int)(c - 0x0660);
	if (c >= 0x06F0 && c <= 0x06F9)
		return (int)(c - 0x06F0);
	return -1;
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

/* Marks that sit inside an Arabic word without being letters. */
static int is_arabic_mark(uint32_t c)
{
	return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
	       c == 0x0640 || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
	       (c >= 0x08CA && c <= 0x08FF) || c == 0x200C || c == 0x200D;
}

static int is_word_char(uint32_t c)
{
	return is_arabic_letter(c) || is_arabic_mark(c);
}

static int is_latin_letter(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}

/* White space allowed between the words of one number: not a line break,
 * since a number never continues on the next line of a news text. */
static int is_inline_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x200E ||
	       c == 0x200F || c == 0x061C || c == 0x202F ||
	       (c >= 0x2000 && c <= 0x200A);
}

/* ---- words --------------------------------------------------------------- */

/*
 * Key of a word for table lookup.  ISNAD_NORM_SEARCH already folds most of
 * this; folding again here keeps the keys independent of the direction the
 * normaliser picks for each pair (ى/ي, ة/ه) and of whether it maps ئ to ء.
 */
static size_t fold_key(const char *w, size_t n, char *dst)
{
	char tmp[KEY_MAX];
	size_t m = isnad_normalize_word(w, n, ISNAD_NORM_SEARCH, tmp);
	size_t i = 0, o = 0, k;
	while (i < m) {
		uint32_t c = cp_at(tmp, m, i, &k);
		i += k;
		if (is_arabic_mark(c))
			continue;
		switch (c) {
		case 0x0622:
		case 0x0623:
		case 0x0625:
		case 0x0671:
		case 0x0672:
		case 0x0673:
			c = 0x0627;
			break;
		case 0x0649:
		case 0x0626:
		case 0x0621:
		case 0x06CC:
			c = 0x064A;
			break;
		case 0x0629:
			c = 0x0647;
			break;
		case 0x0624:
			c = 0x0648;
			break;
		case 0x06A9:
			c = 0x0643;
			break;
		default:
			break;
		}
		o += isnad__utf8_encode(c, dst + o);
	}
	return o;
}

/* Keys are a few bytes long: plain loops beat library calls here, which
 * matters because every Arabic word of the text is looked up. */
static int key_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	size_t m = na < nb ? na : nb;
	for (size_t i = 0; i < m; i++)
		if (a[i] != b[i])
			return (unsigned char)a[i] < (unsigned char)b[i] ? -1
			                                                 : 1;
	return na < nb ? -1 : na > nb;
}

static const struct word_entry *lookup(const char *key, size_t n)
{
	size_t lo = 0, hi = ISNAD_ARRAY_LEN(words);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = key_cmp(key, n, words[mid].key, words[mid].len);
		if (r == 0)
			return &words[mid];
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Does key[0..n) equal the string lit?  (Keys never hold a NUL.) */
static int key_is(const char *key, size_t n, const char *lit)
{
	size_t i;
	if (!lit)
		return 0;
	for (i = 0; i < n; i++)
		if (key[i] != lit[i])
			return 0;
	return lit[n] == '\0';
}

/* Hundreds written as one word: ثلاثمائة, خمسمئة. */
static int lookup_hundreds(const char *key, size_t n, double *v_out)
{
	static const char *const tails[] = {"ميه", "مايه"};
	for (size_t t = 0; t < ISNAD_ARRAY_LEN(tails); t++) {
		size_t tl = strlen(tails[t]);
		const struct word_entry *e;
		if (n <= tl || memcmp(key + n - tl, tails[t], tl) != 0)
			continue;
		e = lookup(key, n - tl);
		if (e && e->kind == K_UNIT && e->value >= 3) {
			*v_out = e->value * 100;
			return 1;
		}
	}
	return 0;
}

/* Value and kind of a folded number word, or 0 if it is none. */
static int lookup_number(const char *key, size_t n, double *v_out,
                         enum kind *k_out)
{
	const struct word_entry *e = lookup(key, n);
	if (e) {
		*v_out = e->value;
		*k_out = e->kind;
		return 1;
	}
	if (lookup_hundreds(key, n, v_out)) {
		*k_out = K_HUND;
		return 1;
	}
	return 0;
}

/* ---- tokens -------------------------------------------------------------- */

struct term {
	enum kind kind;
	double value;
	size_t start, end; /* span, after a stripped proclitic */
	uint32_t clitic;   /* stripped proclitic letter, or 0 */
	int decimal;       /* digits with a fractional part */
	char key[KEY_MAX]; /* folded word (proclitic kept) */
	size_t key_len;
};

/* Read a digit string at s[i]: grouping (1,000,000 ١٬٠٠٠) and a decimal
 * part (16.22 ٣٫٥), but not a dotted date or address (28.5.2014) nor a
 * full stop. */
static size_t read_digits(const char *s, size_t len, size_t i, int no_dec,
                          struct term *t)
{
	double v = 0;
	size_t n, nd = 0, p = i;
	int d;
	while (p < len && (d = digit_value(cp_at(s, len, p, &n))) >= 0) {
		v = v * 10 + d;
		if (v > VALUE_CAP)
			v = VALUE_CAP;
		nd++;
		p += n;
	}
	if (nd <= 3) {
		for (;;) {
			size_t q, ns, g = 0;
			double gv = 0;
			uint32_t c;
			if (p >= len)
				break;
			c = cp_at(s, len, p, &ns);
			if (c != ',' && c != 0x066C)
				break;
			q = p + ns;
			while (q < len && g < 4 &&
			       (d = digit_value(cp_at(s, len, q, &n))) >= 0) {
				gv = gv * 10 + d;
				g++;
				q += n;
			}
			if (g != 3)
				break;
			v = v * 1000 + gv;
			if (v > VALUE_CAP)
				v = VALUE_CAP;
			p = q;
		}
	}
	if (!no_dec && p < len) {
		size_t ns, q;
		uint32_t c = cp_at(s, len, p, &ns);
		if ((c == '.' || c == 0x066B) && p + ns < len &&
		    digit_value(cp_at(s, len, p + ns, &n)) >= 0) {
			double fv = 0, scale = 1;
			size_t fd = 0;
			q = p + ns;
			while (q < len &&
			       (d = digit_value(cp_at(s, len, q, &n))) >= 0) {
				if (fd < 17) {
					fv = fv * 10 + d;
					scale *= 10;
				}
				fd++;
				q += n;
			}
			/* A second dot and digit: a date, a version, an
			 * address: the parts are separate numbers. */
			if (!(c == '.' && q + 1 < len && s[q] == '.' &&
			      digit_value((unsigned char)s[q + 1]) >= 0) &&
			    !(c == '.' && q + 2 < len && s[q] == '.' &&
			      digit_value(cp_at(s, len, q + 1, &n)) >= 0)) {
				v += fv / scale;
				t->decimal = 1;
				p = q;
			}
		}
	}
	t->kind = K_DIGITS;
	t->value = v;
	t->start = i;
	t->end = p;
	return p;
}

static size_t skip_inline_space(const char *s, size_t len, size_t i)
{
	size_t n;
	while (i < len && is_inline_space(cp_at(s, len, i, &n)))
		i += n;
	return i;
}

/*
 * Read one token at s[i] (after inline space if skip) and classify it.
 * Returns 0 at the end of the text or a line break, else 1.
 */
static int read_term(const char *s, size_t len, size_t i, int skip, int no_dec,
                     struct term *t)
{
	size_t n, p, w_end, letters;
	uint32_t c;

	memset(t, 0, offsetof(struct term, key));
	t->key_len = 0;
	if (skip)
		i = skip_inline_space(s, len, i);
	if (i >= len)
		return 0;
	c = cp_at(s, len, i, &n);
	t->start = i;
	t->end = i + n;
	if (digit_value(c) >= 0) {
		read_digits(s, len, i, no_dec, t);
		return 1;
	}
	t->kind = K_OTHER;
	if (!is_arabic_letter(c))
		return 1;
	p = i;
	letters = 0;
	while (p < len && p - i <= WORD_MAX &&
	       is_word_char(c = cp_at(s, len, p, &n))) {
		letters += is_arabic_letter(c);
		p += n;
	}
	if (p - i > WORD_MAX || letters > MAX_LETTERS)
		return 1;
	w_end = p;
	t->end = w_end;
	t->key_len = fold_key(s + i, w_end - i, t->key);
	if (key_is(t->key, t->key_len, "و")) {
		t->kind = K_JOIN;
		return 1;
	}
	if (lookup_number(t->key, t->key_len, &t->value, &t->kind))
		return 1;
	/* One proclitic (وخمسة بخمسة لخمسة فخمسة).  لست is "(you) are not",
	 * far more often than "for six". */
	if (t->key_len > 2 && !key_is(t->key, t->key_len, "لست") &&
	    (key_is(t->key, 2, "و") || key_is(t->key, 2, "ب") ||
	     key_is(t->key, 2, "ل") || key_is(t->key, 2, "ف")) &&
	    lookup_number(t->key + 2, t->key_len - 2, &t->value, &t->kind)) {
		size_t q = i;
		t->clitic = cp_at(s, len, q, &n);
		q += n;
		while (q < w_end && is_arabic_mark(cp_at(s, len, q, &n)))
			q += n;
		t->start = q;
		return 1;
	}
	t->kind = K_OTHER;
	return 1;
}

/* Match an approximator phrase whose first word is *t.  On success returns
 * the position after it and sets *flags. */
static size_t match_approx(const char *s, size_t len, const struct term *t,
                           unsigned *flags, size_t *start_out)
{
	const char *key = t->key;
	size_t klen = t->key_len, kstart = t->start;
	struct term next;
	int stripped;

	/* Longest first word, حوالي, with a proclitic. */
	if (t->kind != K_OTHER || klen == 0 || klen > 12)
		return 0;
	for (stripped = 0; stripped < 2; stripped++) {
		if (stripped) {
			if (klen <= 2 ||
			    !(key_is(key, 2, "و") || key_is(key, 2, "ب") ||
			      key_is(key, 2, "ل") || key_is(key, 2, "ف")))
				return 0;
			key += 2;
			klen -= 2;
		}
		for (size_t a = 0; a < ISNAD_ARRAY_LEN(approxes); a++) {
			size_t pos = t->end, w;
			if (!key_is(key, klen, approxes[a].w[0]))
				continue;
			for (w = 1; w < 4 && approxes[a].w[w]; w++) {
				if (!read_term(s, len, pos, 1, 0, &next) ||
				    next.kind != K_OTHER ||
				    !key_is(next.key, next.key_len,
				            approxes[a].w[w]))
					break;
				pos = next.end;
			}
			if (w < 4 && approxes[a].w[w])
				continue;
			if (stripped) {
				size_t n;
				(void)cp_at(s, len, kstart, &n);
				kstart += n;
				while (
				    kstart < t->end &&
				    is_arabic_mark(cp_at(s, len, kstart, &n)))
					kstart += n;
			}
			*flags |= approxes[a].flags;
			*start_out = kstart;
			return pos;
		}
	}
	return 0;
}

/* ---- expressions --------------------------------------------------------- */

/*
 * Parse the quantity whose first token is *t0, or when t0 is NULL the token
 * after inline space at s[i].  Returns the end of the expression, or 0.
 */
static size_t parse_quantity(const char *s, size_t len, const struct term *t0,
                             size_t i, int first_clitic_ok,
                             struct isnad_number *out)
{
	struct term t, u;
	double total = 0, cur = 0, scale = DBL_MAX, unit = 0;
	enum kind prev;
	int words = 0, decimal = 0;
	size_t end;

	if (t0)
		t = *t0;
	else if (!read_term(s, len, i, 1, 0, &t))
		return 0;
	if (t.clitic && !first_clitic_ok)
		return 0;
	out->start = t.start;
	end = t.end;
	switch (t.kind) {
	case K_DIGITS:
		cur = t.value;
		decimal = t.decimal;
		prev = K_DIGITS;
		break;
	case K_UNIT:
	case K_TEN:
	case K_TENS:
	case K_HUND:
		cur = t.value;
		unit = t.kind == K_UNIT ? t.value : 0;
		prev = t.kind;
		words = 1;
		break;
	case K_TEENU:
		/* أحد alone is "one of" (أحد المسؤولين), not a number. */
		if (!read_term(s, len, end, 1, 0, &u) || u.kind != K_TEN ||
		    u.clitic)
			return 0;
		cur = 10 + t.value;
		end = u.end;
		prev = K_TEN;
		words = 1;
		break;
	case K_MULT:
	case K_DUAL:
		total = t.kind == K_DUAL ? 2 * t.value : t.value;
		scale = t.value;
		prev = K_MULT;
		words = 1;
		break;
	case K_HALF:
		if (!read_term(s, len, end, 1, 0, &u) || u.kind != K_MULT ||
		    u.clitic)
			return 0;
		total = t.value * u.value;
		scale = u.value;
		end = u.end;
		prev = K_MULT;
		words = 1;
		break;
	default:
		return 0;
	}

	for (;;) {
		/* Parts that follow without و: a teen (ثلاثة عشر), hundreds
		 * of a unit (ثلاث مئة), a scale word after a count. */
		if (!read_term(s, len, end, 1, 0, &u))
			break;
		if (!u.clitic && prev == K_UNIT && u.kind == K_TEN) {
			cur += 10;
			prev = K_TEN;
			end = u.end;
			continue;
		}
		if (!u.clitic && prev == K_UNIT && cur == unit && unit >= 1 &&
		    u.kind == K_HUND && u.value == 100) {
			cur = unit * 100;
			prev = K_HUND;
			end = u.end;
			continue;
		}
		if (!u.clitic && prev != K_MULT &&
		    (u.kind == K_MULT || u.kind == K_PL) && u.value < scale) {
			total += cur * u.value;
			if (total > VALUE_CAP)
				total = VALUE_CAP;
			cur = 0;
			scale = u.value;
			prev = K_MULT;
			words = 1;
			end = u.end;
			continue;
		}
		/* The و that joins the next part, apart or attached. */
		if (u.kind == K_JOIN) {
			if (!read_term(s, len, u.end, 1, 0, &u) || u.clitic)
				break;
		} else if (u.clitic != 0x0648 /* و */) {
			break;
		}
		if (u.kind == K_TEENU) {
			struct term v;
			if (read_term(s, len, u.end, 1, 0, &v) &&
			    v.kind == K_TEN && !v.clitic) {
				u.kind = K_TEN;
				u.value += 10;
				u.end = v.end;
			} else {
				u.kind = K_UNIT;
			}
		}
		if (prev == K_UNIT && u.kind == K_TENS) {
			cur += u.value;
			prev = K_TENS;
		} else if ((prev == K_HUND || prev == K_MULT) &&
		           (u.kind == K_UNIT || u.kind == K_TEN ||
		            u.kind == K_TENS ||
		            (u.kind == K_HUND && prev == K_MULT) ||
		            (u.kind == K_DIGITS &&
		             u.value < (prev == K_HUND ? 100 : scale)))) {
			cur += u.value;
			unit = u.kind == K_UNIT ? u.value : 0;
			prev = u.kind;
			decimal |= u.decimal;
		} else if (prev == K_MULT &&
		           (u.kind == K_MULT || u.kind == K_DUAL) &&
		           u.value < scale) {
			total += u.kind == K_DUAL ? 2 * u.value : u.value;
			scale = u.value;
		} else if (prev == K_MULT && u.kind == K_HALF) {
			total += u.value * scale;
			end = u.end;
			break;
		} else {
			break;
		}
		words |= u.kind != K_DIGITS;
		end = u.end;
	}
	out->value = total + cur;
	if (!(out->value <= DBL_MAX))
		out->value = DBL_MAX;
	out->end = end;
	out->flags |=
	    (words ? ISNAD_NUM_WORDS : 0) | (decimal ? ISNAD_NUM_DECIMAL : 0);
	return end;
}

/* Parse at s[0]; no_dec when s[0] follows "digit." (the middle of a dotted
 * date), where a dot is never a decimal point. */
static size_t parse_at(const char *s, size_t len, int no_dec,
                       struct isnad_number *out)
{
	struct term t;
	size_t pos, end, start;
	unsigned flags = 0;

	memset(out, 0, sizeof *out);
	if (!read_term(s, len, 0, 0, no_dec, &t))
		return 0;
	pos = match_approx(s, len, &t, &flags, &start);
	if (pos) {
		end = parse_quantity(s, len, NULL, pos, 0, out);
		if (!end) {
			memset(out, 0, sizeof *out);
			return 0;
		}
		out->start = start;
		out->flags |= flags;
		return end;
	}
	end = parse_quantity(s, len, &t, 0, 1, out);
	if (!end)
		memset(out, 0, sizeof *out);
	return end;
}

size_t isnad_number_parse(const char *s, size_t len, struct isnad_number *out)
{
	return parse_at(s, len, 0, out);
}

void isnad_numbers_init(struct isnad_numbers *nums)
{
	nums->v = NULL;
	nums->n = nums->cap = 0;
}

void isnad_numbers_release(struct isnad_numbers *nums)
{
	isnad_free(nums->v);
	isnad_numbers_init(nums);
}

static isnad_status push(struct isnad_numbers *out,
                         const struct isnad_number *num)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct isnad_number *v;
		if (cap > (size_t)-1 / sizeof *v)
			return ISNAD_ENOMEM;
		v = isnad_realloc(out->v, cap * sizeof *v);
		if (!v)
			return ISNAD_ENOMEM;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n++] = *num;
	return ISNAD_OK;
}

isnad_status isnad_numbers_find(const char *s, size_t len,
                                struct isnad_numbers *out)
{
	size_t i = 0, n0 = out->n, n;
	struct isnad_number num;

	while (i < len) {
		uint32_t c = cp_at(s, len, i, &n);
		uint32_t prev = i ? cp_before(s, i) : 0;
		size_t m;

		if (digit_value(c) >= 0) {
			int no_dec = 0;
			if (is_latin_letter(prev)) {
				/* Part of a code or a name (F16, COVID19). */
				while (i < len &&
				       (digit_value(c = cp_at(s, len, i, &n)) >=
				            0 ||
				        is_latin_letter(c)))
					i += n;
				continue;
			}
			if ((prev == '.' || prev == 0x066B) && i >= 2 &&
			    digit_value(cp_before(s, i - 1)) >= 0)
				no_dec = 1;
			m = parse_at(s + i, len - i, no_dec, &num);
		} else if (is_arabic_letter(c) && !is_word_char(prev)) {
			m = parse_at(s + i, len - i, 0, &num);
			if (!m) {
				while (i < len &&
				       is_word_char(cp_at(s, len, i, &n)))
					i += n;
				continue;
			}
		} else {
			i += n;
			continue;
		}
		if (!m) {
			i += n;
			continue;
		}
		num.start += i;
		num.end += i;
		if (push(out, &num) != ISNAD_OK) {
			out->n = n0;
			return ISNAD_ENOMEM;
		}
		i += m;
	}
	return ISNAD_OK;
}
