/*
 * mklexicon.c - builds the tokenizer's lexicon (data/lexicon.tsv) from real
 * text: JSON Lines news articles ("text" and "title") and CoNLL token files.
 *
 * It counts every Arabic word form (light-normalised: no harakat or tatweel,
 * letters untouched) and learns, for each proclitic chain and enclitic
 * pronoun, the median rate at which a frequent bare form appears with it
 * attached.  The tokenizer compares a word's own frequency with the rate
 * times its remainder's frequency to decide whether to cut.
 * Usage: mklexicon FILE.jsonl|FILE.conll... > data/lexicon.tsv
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/text.h"

#define MIN_COUNT 2 /* forms seen once are mostly typos and names */
#define MIN_BASE 30 /* bare forms this frequent estimate the rates */

struct ent {
	char *w;
	size_t len;
	unsigned long count;
};

static struct ent *tab;
static size_t tab_mask = (1u << 20) - 1, tab_n;
static unsigned long total_tokens;

static unsigned long fnv(const char *s, size_t n)
{
	unsigned long h = 1469598103934665603ul;
	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ul;
	return h;
}

static struct ent *lookup(const char *w, size_t len, int create)
{
	size_t i = fnv(w, len) & tab_mask;
	while (tab[i].w) {
		if (tab[i].len == len && !memcmp(tab[i].w, w, len))
			return &tab[i];
		i = (i + 1) & tab_mask;
	}
	if (!create)
		return NULL;
	if (tab_n * 2 > tab_mask) {
		fprintf(stderr, "mklexicon: vocabulary too large\n");
		exit(1);
	}
	tab[i].w = malloc(len + 1);
	if (!tab[i].w)
		exit(1);
	memcpy(tab[i].w, w, len);
	tab[i].w[len] = '\0';
	tab[i].len = len;
	tab_n++;
	return &tab[i];
}

static unsigned long count_of(const char *w, size_t len)
{
	struct ent *e = lookup(w, len, 0);
	return e ? e->count : 0;
}

static size_t utf8_next(const unsigned char *p, size_t n, unsigned *cp)
{
	if (p[0] < 0x80 || n < 2) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0) {
		*cp = (unsigned)((p[0] & 0x1F) << 6 | (p[1] & 0x3F));
		return 2;
	}
	if ((p[0] & 0xF0) == 0xE0 && n >= 3) {
		*cp = (unsigned)((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 |
		                 (p[2] & 0x3F));
		return 3;
	}
	*cp = 0xFFFD;
	return 1;
}

static void add_text(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	char buf[3 * 256 + 4];
	while (i < len) {
		size_t start, k;
		unsigned cp;
		k = utf8_next(p + i, len - i, &cp);
		if (!isnad_is_arabic_wordchar(cp)) {
			i += k;
			continue;
		}
		start = i;
		while (i < len) {
			k = utf8_next(p + i, len - i, &cp);
			if (!isnad_is_arabic_wordchar(cp))
				break;
			i += k;
		}
		if (i - start > 256)
			continue;
		k = isnad_normalize_word(s + start, i - start, ISNAD_NORM_LIGHT,
		                         buf);
		if (k) {
			lookup(buf, k, 1)->count++;
			total_tokens++;
		}
	}
}

static void read_jsonl(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *o = json_loadb(line, (size_t)n, 0, &err);
		const char *keys[] = {"title", "text"};
		if (!o)
			continue;
		for (size_t k = 0; k < 2; k++) {
			json_t *v = json_object_get(o, keys[k]);
			if (json_is_string(v))
				add_text(json_string_value(v),
				         json_string_length(v));
		}
		json_decref(o);
	}
	free(line);
}

static void read_conll(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		char *tab = strchr(line, '\t');
		add_text(line, tab ? (size_t)(tab - line) : (size_t)n);
	}
	free(line);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median over frequent bare forms b of count(join(b)) / count(b), counting
 * only forms seen with the affix at all: a median of ratios is robust to
 * lexicalised words (كما is not ك + ما) that a pooled ratio would absorb. */
static double rate(const char *affix, int prefix)
{
	static double *r;
	size_t n = 0, al = strlen(affix);
	char buf[1024];
	if (!r)
		r = malloc(sizeof *r * (tab_mask + 1));
	for (size_t i = 0; i <= tab_mask; i++) {
		const struct ent *e = &tab[i];
		size_t len;
		unsigned long c;
		if (!e->w || e->count < MIN_BASE || e->len < 4 || e->len > 500)
			continue;
		if (prefix) {
			const char *b = e->w;
			size_t bl = e->len;
			memcpy(buf, affix, al);
			/* ل + ال... is written لل... */
			if (!memcmp(affix + al - 2, "\xd9\x84", 2) &&
			    (al == 2 || (al == 4 && (affix[1] == '\x88' ||
			                             affix[1] == '\x81'))) &&
			    bl >= 4 && !memcmp(b, "\xd8\xa7\xd9\x84", 4)) {
				b += 2;
				bl -= 2;
			}
			memcpy(buf + al, b, bl);
			len = al + bl;
		} else {
			size_t bl = e->len;
			memcpy(buf, e->w, bl);
			/* ة becomes ت before a pronoun */
			if (bl >= 2 && !memcmp(buf + bl - 2, "\xd8\xa9", 2))
				memcpy(buf + bl - 2, "\xd8\xaa", 2);
			memcpy(buf + bl, affix, al);
			len = bl + al;
		}
		c = count_of(buf, len);
		if (c)
			r[n++] = (double)c / (double)e->count;
	}
	if (!n)
		return 0.0;
	qsort(r, n, sizeof *r, cmp_double);
	return r[n / 2];
}

static int cmp_ent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->w, y->w);
}

int main(int argc, char **argv)
{
	static const char *const chains[] = {
	    "و",   "ف",   "ب",    "ل",    "ك",   "س",   "وب",   "ول",  "وك",
	    "وس",  "فب",  "فل",   "فك",   "فس",  "لل",  "ال",   "وال", "فال",
	    "بال", "كال", "وبال", "وكال", "ولل", "فلل", "فبال",
	};
	static const char *const sufs[] = {
	    "ه", "ها", "هم", "هما", "هن", "ك", "كم", "ي", "نا",
	};
	struct ent *all;
	size_t n = 0;
	tab = calloc(tab_mask + 1, sizeof *tab);
	if (!tab)
		return 1;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		size_t l = strlen(argv[i]);
		if (!f) {
			fprintf(stderr, "mklexicon: cannot open '%s'\n",
			        argv[i]);
			return 1;
		}
		if (l > 6 && !strcmp(argv[i] + l - 6, ".jsonl"))
			read_jsonl(f);
		else
			read_conll(f);
		fclose(f);
	}
	printf("isnad-lexicon 1\n");
	printf("# Generated by tools/mklexicon (make lexicon); do not edit.\n");
	printf(
	    "# Light-normalised Arabic word forms seen at least %d times in\n",
	    MIN_COUNT);
	printf("# %lu tokens of: ", total_tokens);
	for (int i = 1; i < argc; i++) {
		const char *b = strrchr(argv[i], '/');
		const char *d = b;
		/* corpus/file, e.g. anercorp/train.conll */
		while (d && d > argv[i] && d[-1] != '/')
			d--;
		printf("%s%s", i > 1 ? ", " : "", d ? d : argv[i]);
	}
	printf("\n# Counts of word forms only; no text is reproduced.\n");
	for (size_t i = 0; i < sizeof chains / sizeof *chains; i++)
		printf("@rho %s %.6f\n", chains[i], rate(chains[i], 1));
	for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++)
		printf("@sigma %s %.6f\n", sufs[i], rate(sufs[i], 0));
	all = malloc(tab_n * sizeof *all);
	if (!all)
		return 1;
	for (size_t i = 0; i <= tab_mask; i++)
		if (tab[i].w && tab[i].count >= MIN_COUNT)
			all[n++] = tab[i];
	qsort(all, n, sizeof *all, cmp_ent);
	for (size_t i = 0; i < n; i++)
		printf("%s\t%lu\n", all[i].w, all[i].count);
	return 0;
}
