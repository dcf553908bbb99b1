/*
 * lexicon.c - word-form frequencies and clitic rates, learnt from real news
 * by tools/mklexicon (`make lexicon`) and used by the tokenizer to decide
 * whether a leading و or a trailing ها is a clitic or part of the word.
 *
 * File format (text, UTF-8):
 *   isnad-lexicon 1            magic and version
 *   # ...                      comments
 *   @rho CHAIN RATE            proclitic chain rate
 *   @sigma SUFFIX RATE         enclitic rate
 *   WORD<TAB>COUNT             light-normalised form and its frequency
 * The table is an open-addressing hash over one blob of words; it is
 * immutable after parsing and can be shared by threads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/token.h"
#include "isnad_int.h"
#include "lexicon_int.h"

#define LEX_MAGIC "isnad-lexicon"
#define LEX_VERSION 1
#define MAX_RATES 32

struct lex_slot {
	uint64_t hash;
	uint32_t off, count;
	uint16_t len;
};

struct lex_rate {
	char key[16];
	size_t len;
	double rate;
};

struct isnad_lexicon {
	struct lex_slot *slots;
	size_t mask, n;
	char *blob;
	struct lex_rate rho[MAX_RATES], sigma[MAX_RATES];
	size_t n_rho, n_sigma;
};

extern const char isnad__lexicon_blob[];
extern const char isnad__lexicon_blob_end[];

static void set_err(char *errbuf, size_t errlen, const char *fmt, size_t line,
                    const char *what)
{
	if (errbuf && errlen)
		snprintf(errbuf, errlen, fmt, line, what);
}

static isnad_status insert(struct isnad_lexicon *lx, const char *w, size_t len,
                           uint32_t count, size_t off)
{
	uint64_t h = isnad__hash(w, len);
	size_t i = (size_t)h & lx->mask;
	while (lx->slots[i].len) {
		if (lx->slots[i].hash == h && lx->slots[i].len == len &&
		    !memcmp(lx->blob + lx->slots[i].off, w, len)) {
			lx->slots[i].count += count;
			return ISNAD_OK;
		}
		i = (i + 1) & lx->mask;
	}
	lx->slots[i].hash = h;
	lx->slots[i].off = (uint32_t)off;
	lx->slots[i].len = (uint16_t)len;
	lx->slots[i].count = count;
	lx->n++;
	return ISNAD_OK;
}

static int add_rate(struct lex_rate *v, size_t *n, const char *key, size_t klen,
                    double rate)
{
	if (*n >= MAX_RATES || klen >= sizeof v->key ||
	    !(rate >= 0 && rate < 1e6))
		return 0;
	memcpy(v[*n].key, key, klen);
	v[*n].key[klen] = '\0';
	v[*n].len = klen;
	v[*n].rate = rate;
	(*n)++;
	return 1;
}

isnad_status isnad_lexicon_parse(const char *data, size_t len,
                                 struct isnad_lexicon **out, char *errbuf,
                                 size_t errlen)
{
	struct isnad_lexicon *lx;
	size_t lines = 0, cap = 16, i, line_no = 0;
	const char *p = data, *end = data + len, *nl;

	*out = NULL;
	if (!data || len < sizeof LEX_MAGIC ||
	    memcmp(data, LEX_MAGIC " ", sizeof LEX_MAGIC)) {
		set_err(errbuf, errlen, "line %zu: %s", 1,
		        "not an isnad lexicon");
		return ISNAD_EFORMAT;
	}
	if (atoi(data + sizeof LEX_MAGIC) != LEX_VERSION) {
		set_err(errbuf, errlen, "line %zu: %s", 1,
		        "lexicon version is not 1");
		return ISNAD_EVERSION;
	}
	for (i = 0; i < len; i++)
		lines += data[i] == '\n';
	while (cap < 2 * (lines + 1))
		cap *= 2;
	lx = isnad_calloc(1, sizeof *lx);
	if (!lx)
		return ISNAD_ENOMEM;
	lx->slots = isnad_calloc(cap, sizeof *lx->slots);
	lx->blob = isnad_malloc(len + 1);
	if (!lx->slots || !lx->blob) {
		isnad_lexicon_free(lx);
		return ISNAD_ENOMEM;
	}
	memcpy(lx->blob, data, len);
	lx->blob[len] = '\0';
	lx->mask = cap - 1;
	p = lx->blob;
	end = lx->blob + len;
	for (; p < end; p = nl + 1) {
		const char *tab;
		char *e;
		unsigned long c;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		line_no++;
		if (line_no == 1 || p == nl || *p == '#')
			continue;
		if (*p == '@') {
			/* "@rho KEY RATE" / "@sigma KEY RATE" */
			const char *k = memchr(p, ' ', (size_t)(nl - p));
			const char *r =
			    k ? memchr(k + 1, ' ', (size_t)(nl - k - 1)) : NULL;
			double rate;
			int ok = 0;
			if (k && r) {
				rate = strtod(r + 1, &e);
				if (e == nl || *e == '\r') {
					if (!strncmp(p, "@rho ", 5))
						ok = add_rate(
						    lx->rho, &lx->n_rho, k + 1,
						    (size_t)(r - k - 1), rate);
					else if (!strncmp(p, "@sigma ", 7))
						ok = add_rate(
						    lx->sigma, &lx->n_sigma,
						    k + 1, (size_t)(r - k - 1),
						    rate);
					else
						ok = 1; /* unknown directive:
						           later version */
				}
			}
			if (!ok) {
				set_err(errbuf, errlen, "line %zu: %s", line_no,
				        "malformed directive");
				isnad_lexicon_free(lx);
				return ISNAD_EFORMAT;
			}
			continue;
		}
		tab = memchr(p, '\t', (size_t)(nl - p));
		if (!tab || tab == p || tab - p > 255) {
			set_err(errbuf, errlen, "line %zu: %s", line_no,
			        "expected WORD<TAB>COUNT");
			isnad_lexicon_free(lx);
			return ISNAD_EFORMAT;
		}
		c = strtoul(tab + 1, &e, 10);
		if (e == tab + 1 || (e != nl && *e != '\r') ||
		    c > 0xFFFFFFFFul) {
			set_err(errbuf, errlen, "line %zu: %s", line_no,
			        "bad count");
			isnad_lexicon_free(lx);
			return ISNAD_EFORMAT;
		}
		insert(lx, p, (size_t)(tab - p), (uint32_t)c,
		       (size_t)(p - lx->blob));
	}
	*out = lx;
	return ISNAD_OK;
}

isnad_status isnad_lexicon_load(const char *path, struct isnad_lexicon **out,
                                char *errbuf, size_t errlen)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	isnad_status st;
	*out = NULL;
	f = fopen(path, "rb");
	if (!f) {
		set_err(errbuf, errlen, "line %zu: %s", 0, "cannot open file");
		return ISNAD_EIO;
	}
	do {
		if (cap - len < 65536) {
			char *nb;
			if (cap > ((size_t)1 << 30)) {
				isnad_free(buf);
				fclose(f);
				return ISNAD_ETOOBIG;
			}
			nb = isnad_realloc(buf, cap ? cap * 2 : 1 << 20);
			if (!nb) {
				isnad_free(buf);
				fclose(f);
				return ISNAD_ENOMEM;
			}
			buf = nb;
			cap = cap ? cap * 2 : 1 << 20;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	st = isnad_lexicon_parse(buf, len, out, errbuf, errlen);
	isnad_free(buf);
	return st;
}

void isnad_lexicon_free(struct isnad_lexicon *lx)
{
	if (!lx)
		return;
	isnad_free(lx->slots);
	isnad_free(lx->blob);
	isnad_free(lx);
}

uint32_t isnad_lexicon_count(const struct isnad_lexicon *lx, const char *w,
                             size_t len)
{
	uint64_t h;
	size_t i;
	if (!lx || !len || len > 0xFFFF)
		return 0;
	h = isnad__hash(w, len);
	for (i = (size_t)h & lx->mask; lx->slots[i].len; i = (i + 1) & lx->mask)
		if (lx->slots[i].hash == h && lx->slots[i].len == len &&
		    isnad__mem_eq(lx->blob + lx->slots[i].off, w, len))
			return lx->slots[i].count;
	return 0;
}

size_t isnad_lexicon_size(const struct isnad_lexicon *lx)
{
	return lx ? lx->n : 0;
}

static double find_rate(const struct lex_rate *v, size_t n, const char *k,
                        size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].len == len && !memcmp(v[i].key, k, len))
			return v[i].rate;
	return 0.0;
}

double isnad__lexicon_rho(const struct isnad_lexicon *lx, const char *chain,
                          size_t len)
{
	return lx ? find_rate(lx->rho, lx->n_rho, chain, len) : 0.0;
}

double isnad__lexicon_sigma(const struct isnad_lexicon *lx, const char *suf,
                            size_t len)
{
	return lx ? find_rate(lx->sigma, lx->n_sigma, suf, len) : 0.0;
}

/* The built-in lexicon is parsed once, on first use. */
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static struct isnad_lexicon *default_lx;

static void parse_default(void)
{
	size_t n = (size_t)(isnad__lexicon_blob_end - isnad__lexicon_blob);
	if (isnad_lexicon_parse(isnad__lexicon_blob, n, &default_lx, NULL, 0))
		default_lx = NULL;
}

const struct isnad_lexicon *isnad_lexicon_default(void)
{
	pthread_once(&default_once, parse_default);
	return default_lx;
}
