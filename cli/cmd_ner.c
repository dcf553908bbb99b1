/*
 * cmd_ner.c - `isnad train-ner` and `isnad eval-ner`: the NER model from
 * CoNLL files (token<TAB>tag, a blank line between sentences), and its
 * entity-level scores by conlleval rules.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "isnad/ner.h"
#include "isnad/phrases.h"
#include "isnad/token.h"

struct conll {
	char *data;         /* the file, cut into NUL-terminated words */
	const char **words; /* all words */
	size_t *lens;
	uint8_t *tags; /* gold tags, mapped to PER/ORG/LOC/MISC */
	size_t n, cap;
	size_t *sent; /* sentence i: words sent[i] .. sent[i + 1] */
	size_t nsent, scap;
};

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		cli_error("out of memory");
		exit(1);
	}
	return q;
}

static char *read_all(const char *path, size_t *len_out)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *d = NULL;
	size_t n = 0, cap = 0, r;
	if (!f)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 1 << 20;
			d = xrealloc(d, cap + 1);
		}
		r = fread(d + n, 1, cap - n, f);
		n += r;
	} while (r);
	if (ferror(f)) {
		if (f != stdin)
			fclose(f);
		free(d);
		return NULL;
	}
	if (f != stdin)
		fclose(f);
	d[n] = '\0';
	*len_out = n;
	return d;
}

static void push_sent(struct conll *c)
{
	if (c->nsent + 2 > c->scap) {
		c->scap = c->scap ? c->scap * 2 : 1024;
		c->sent = xrealloc(c->sent, c->scap * sizeof *c->sent);
	}
	c->sent[++c->nsent] = c->n;
}

/* Read one CoNLL file, appending its sentences to c.  Returns 0 or -1. */
static int conll_read(struct conll *c, const char *path)
{
	size_t len, i = 0;
	char *d = read_all(path, &len);
	if (!d) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if (!c->sent) {
		c->scap = 1024;
		c->sent = xrealloc(NULL, c->scap * sizeof *c->sent);
		c->sent[0] = 0;
	}
	while (i < len) {
		size_t e = i, tab, end;
		while (e < len && d[e] != '\n')
			e++;
		end = e;
		if (end > i && d[end - 1] == '\r')
			end--;
		d[end] = '\0';
		tab = end;
		while (tab > i && d[tab - 1] != '\t' && d[tab - 1] != ' ')
			tab--;
		if (end == i || tab == i) {
			/* blank line (or a lone field): sentence break */
			if (c->n > c->sent[c->nsent])
				push_sent(c);
		} else {
			size_t wl = tab - 1 - i;
			if (c->n == c->cap) {
				c->cap = c->cap ? c->cap * 2 : 65536;
				c->words = xrealloc(c->words,
				                    c->cap * sizeof *c->words);
				c->lens =
				    xrealloc(c->lens, c->cap * sizeof *c->lens);
				c->tags = xrealloc(c->tags, c->cap);
			}
			d[tab - 1] = '\0';
			c->words[c->n] = d + i;
			c->lens[c->n] = wl;
			c->tags[c->n] =
			    (uint8_t)isnad_ner_tag_parse(d + tab, end - tab);
			c->n++;
		}
		i = e + 1;
	}
	if (c->n > c->sent[c->nsent])
		push_sent(c);
	/* Keep every file's buffer: words point into it.  A list of buffers
	 * would do; chaining through realloc'd pointers is simpler. */
	{
		char **keep = (char **)xrealloc(NULL, sizeof(char *) * 2);
		keep[0] = d;
		keep[1] = c->data;
		c->data = (char *)keep;
	}
	return 0;
}

static void conll_free(struct conll *c)
{
	char **k = (char **)c->data;
	while (k) {
		char **next = (char **)k[1];
		free(k[0]);
		free(k);
		k = next;
	}
	free(c->words);
	free(c->lens);
	free(c->tags);
	free(c->sent);
}

/* ---- gazetteers ---------------------------------------------------------- */

struct gaz {
	struct isnad_ner_gaz_entry *v;
	size_t n, cap;
	char **bufs;
	size_t nbufs;
};

/* Read the first column (arabic_name) of a gazetteer TSV, skipping the
 * header.  Returns the number of names, or -1. */
static long gaz_read(struct gaz *g, const char *path, uint8_t type)
{
	size_t len, i = 0;
	long cnt = 0;
	int header = 1;
	char *d = read_all(path, &len);
	if (!d)
		return -1;
	g->bufs = xrealloc(g->bufs, (g->nbufs + 1) * sizeof *g->bufs);
	g->bufs[g->nbufs++] = d;
	while (i < len) {
		size_t e = i, t;
		while (e < len && d[e] != '\n')
			e++;
		for (t = i; t < e && d[t] != '\t'; t++)
			;
		if (!header && t > i) {
			if (g->n == g->cap) {
				g->cap = g->cap ? g->cap * 2 : 16384;
				g->v = xrealloc(g->v, g->cap * sizeof *g->v);
			}
			g->v[g->n].name = d + i;
			g->v[g->n].len = t - i;
			g->v[g->n].type = type;
			g->n++;
			cnt++;
		}
		header = 0;
		i = e + 1;
	}
	return cnt;
}

static void gaz_free(struct gaz *g)
{
	for (size_t i = 0; i < g->nbufs; i++)
		free(g->bufs[i]);
	free(g->bufs);
	free(g->v);
}

/* ---- unlabelled news (JSON Lines, the "text" field) ------------------------
 */

struct news {
	char *data;
	const char **texts;
	size_t *lens;
	size_t n, cap;
};

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | cp >> 18);
	o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static unsigned long hex4(const char *p)
{
	char b[5];
	memcpy(b, p, 4);
	b[4] = '\0';
	return strtoul(b, NULL, 16);
}

/* Decode the JSON string starting after its opening quote at d[i], in
 * place; returns its decoded length and stores the index after it. */
static size_t json_unescape(char *d, size_t len, size_t i, size_t *next)
{
	size_t o = i;
	while (i < len && d[i] != '"' && d[i] != '\n') {
		if (d[i] != '\\' || i + 1 >= len) {
			d[o++] = d[i++];
			continue;
		}
		i++;
		switch (d[i]) {
		case 'n':
		case 't':
		case 'r':
		case 'b':
		case 'f':
			d[o++] = ' ';
			i++;
			break;
		case 'u':
			if (i + 5 <= len) {
				unsigned long cp = hex4(d + i + 1);
				i += 5;
				if (cp >= 0xD800 && cp < 0xDC00 &&
				    i + 6 <= len && d[i] == '\\' &&
				    d[i + 1] == 'u') {
					unsigned long lo = hex4(d + i + 2);
					if (lo >= 0xDC00 && lo < 0xE000) {
						cp = 0x10000 +
						     ((cp - 0xD800) << 10) +
						     (lo - 0xDC00);
						i += 6;
					}
				}
				if (cp >= 0xD800 && cp < 0xE000)
					cp = 0xFFFD;
				o += put_utf8(d + o, cp);
			} else {
				i = len;
			}
			break;
		default:
			d[o++] = d[i++];
		}
	}
	*next = i;
	return o;
}

static int news_read(struct news *nw, const char *path)
{
	size_t len, i = 0;
	char *d = read_all(path, &len);
	if (!d) {
		cli_error("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	nw->data = d;
	while (i < len) {
		size_t e = i, k, next;
		char *hit;
		while (e < len && d[e] != '\n')
			e++;
		d[e] = '\0';
		hit = strstr(d + i, "\"text\":");
		if (hit) {
			k = (size_t)(hit - d) + 7;
			while (k < e && d[k] == ' ')
				k++;
			if (k < e && d[k] == '"') {
				size_t sl = json_unescape(d, e, k + 1, &next);
				if (nw->n == nw->cap) {
					nw->cap = nw->cap ? nw->cap * 2 : 4096;
					nw->texts = xrealloc(
					    nw->texts,
					    nw->cap * sizeof *nw->texts);
					nw->lens = xrealloc(
					    nw->lens,
					    nw->cap * sizeof *nw->lens);
				}
				nw->texts[nw->n] = d + k + 1;
				nw->lens[nw->n++] = sl - (k + 1);
			}
		}
		i = e + 1;
	}
	return 0;
}

/* ---- train-ner ------------------------------------------------------------
 */

static void progress(void *ud, unsigned epoch, double acc)
{
	(void)ud;
	fprintf(stderr, "isnad: epoch %u: %.2f%% of training words right\n",
	        epoch, 100 * acc);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char train_usage[] =
    "usage: isnad train-ner [--out M] [--gazetteers DIR | --no-gazetteers]\n"
    "                       [--news FILE] [--aux FILE]... [--epochs N]\n"
    "                       [--seed N] [--runs N] [--word-dropout P]\n"
    "                       FILE.conll...\n"
    "  trains the NER model (averaged perceptron) on CoNLL files\n"
    "  (token<TAB>tag, blank line between sentences)\n"
    "  --out M          where to write it (default data/ner.model)\n"
    "  --gazetteers DIR places.tsv, organisations.tsv, persons.tsv as\n"
    "                   features (default ../shared/data/gazetteers if "
    "present)\n"
    "  --news FILE      JSON Lines of unlabelled news (\"text\") for "
    "word clusters\n"
    "  --aux FILE       more training data from other conventions, its\n"
    "                   updates scaled by --aux-weight W (default 0.3)\n"
    "  --epochs N       passes over the data (default 12)\n"
    "  --seed N         order of the sentences (default 1)\n"
    "  --runs N         mean of N runs with seeds N, N+1, ... (default 1)\n"
    "  --word-dropout P hide a word's own form from training with chance\n"
    "                   P (0 to 0.9, default 0), so that its context and\n"
    "                   shape learn to carry unseen names\n";

int cmd_train_ner(int argc, char **argv)
{
	const char *out = "data/ner.model", *gdir = NULL, *newsf = NULL;
	struct news nw;
	int nogaz = 0, nfiles = 0, rc = 0, naux = 0;
	char **files = xrealloc(NULL, (size_t)argc * sizeof *files);
	int *aux = xrealloc(NULL, (size_t)argc * sizeof *aux);
	size_t *fend = xrealloc(NULL, (size_t)argc * sizeof *fend);
	float auxw = 0.3f;
	struct isnad_ner_train_opts o;
	struct conll c;
	struct gaz g;
	struct isnad_ner_sentence *s;
	struct isnad_ner_model *m = NULL;
	char *data = NULL;
	size_t dlen = 0;
	isnad_status st;
	double t0 = now();
	memset(&o, 0, sizeof o);
	memset(&c, 0, sizeof c);
	memset(&g, 0, sizeof g);
	memset(&nw, 0, sizeof nw);
	o.seed = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(train_usage, stdout);
			free(files);
			free(aux);
			free(fend);
			return 0;
		} else if (!strcmp(a, "--out") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(a, "--gazetteers") && i + 1 < argc) {
			gdir = argv[++i];
		} else if (!strcmp(a, "--news") && i + 1 < argc) {
			newsf = argv[++i];
		} else if (!strcmp(a, "--aux") && i + 1 < argc) {
			aux[nfiles] = 1;
			files[nfiles++] = argv[++i];
			naux++;
		} else if (!strcmp(a, "--aux-weight") && i + 1 < argc) {
			auxw = strtof(argv[++i], NULL);
		} else if (!strcmp(a, "--no-gazetteers")) {
			nogaz = 1;
		} else if (!strcmp(a, "--epochs") && i + 1 < argc) {
			o.epochs = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--runs") && i + 1 < argc) {
			o.runs = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--word-dropout") && i + 1 < argc) {
			char *end;
			o.word_dropout = strtod(argv[++i], &end);
			if (*end || !(o.word_dropout >= 0 &&
			              o.word_dropout <= 0.9)) {
				cli_error("--word-dropout: '%s' is not a "
				          "number from 0 to 0.9",
				          argv[i]);
				free(files);
				free(aux);
				free(fend);
				return EXIT_MISUSE;
			}
		} else if (!strcmp(a, "--seed") && i + 1 < argc) {
			o.seed = strtoull(argv[++i], NULL, 10);
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s'", a);
			fputs(train_usage, stderr);
			free(files);
			free(aux);
			free(fend);
			return EXIT_MISUSE;
		} else {
			aux[nfiles] = 0;
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles == naux) {
		fputs(train_usage, stderr);
		free(files);
		free(aux);
		free(fend);
		return EXIT_MISUSE;
	}
	for (int i = 0; i < nfiles; i++) {
		if (conll_read(&c, files[i]))
			rc = 1;
		fend[i] = c.nsent;
	}
	if (rc) {
		conll_free(&c);
		free(files);
		free(aux);
		free(fend);
		return 1;
	}
	if (!nogaz) {
		static const struct {
			const char *file;
			uint8_t type;
		} gf[] = {{"places.tsv", ISNAD_NER_LOC},
		          {"organisations.tsv", ISNAD_NER_ORG},
		          {"persons.tsv", ISNAD_NER_PER}};
		struct stat sb;
		const char *dir = gdir ? gdir : "../shared/data/gazetteers";
		if (gdir || stat(dir, &sb) == 0) {
			for (size_t i = 0; i < 3; i++) {
				char p[4096];
				long k;
				snprintf(p, sizeof p, "%s/%s", dir, gf[i].file);
				k = gaz_read(&g, p, gf[i].type);
				if (k < 0) {
					cli_error("cannot read '%s': %s", p,
					          strerror(errno));
					rc = 1;
				} else {
					fprintf(stderr,
					        "isnad: %s: %ld names\n", p, k);
				}
			}
		} else {
			fprintf(stderr, "isnad: no gazetteers (%s missing)\n",
			        dir);
		}
	}
	if (newsf) {
		if (news_read(&nw, newsf))
			rc = 1;
		else
			fprintf(stderr,
			        "isnad: %s: %zu texts for word "
			        "clusters\n",
			        newsf, nw.n);
		o.texts = nw.texts;
		o.text_lens = nw.lens;
		o.n_texts = nw.n;
	}
	s = xrealloc(NULL, (c.nsent + 1) * sizeof *s);
	for (size_t i = 0; i < c.nsent; i++) {
		s[i].words = c.words + c.sent[i];
		s[i].lens = c.lens + c.sent[i];
		s[i].tags = c.tags + c.sent[i];
		s[i].n = c.sent[i + 1] - c.sent[i];
		s[i].weight = 1;
	}
	for (int i = 0, f = 0; i < (int)c.nsent; i++) {
		while (f < nfiles && (size_t)i >= fend[f])
			f++;
		if (f < nfiles && aux[f])
			s[i].weight = auxw;
	}
	fprintf(stderr, "isnad: training on %zu sentences, %zu words\n",
	        c.nsent, c.n);
	o.gaz = g.v;
	o.n_gaz = g.n;
	o.progress = progress;
	st = isnad_ner_train(s, c.nsent, &o, &m);
	if (!st)
		st = isnad_ner_model_serialize(m, &data, &dlen);
	if (st) {
		cli_error("training failed: %s", isnad_strerror(st));
		rc = 1;
	} else {
		char tmp[4096];
		FILE *f;
		snprintf(tmp, sizeof tmp, "%s.tmp", out);
		f = fopen(tmp, "wb");
		if (!f || fwrite(data, 1, dlen, f) != dlen || fclose(f) ||
		    rename(tmp, out)) {
			cli_error("cannot write '%s': %s", out,
			          strerror(errno));
			rc = 1;
		} else {
			printf("wrote %s: %zu bytes, %zu features, %zu "
			       "gazetteer keys, %zu clustered words, %.1f s\n",
			       out, dlen, isnad_ner_model_features(m),
			       isnad_ner_model_gazetteer(m),
			       isnad_ner_model_clusters(m), now() - t0);
		}
	}
	isnad_free(data);
	isnad_ner_model_free(m);
	free(s);
	gaz_free(&g);
	free(nw.data);
	free(nw.texts);
	free(nw.lens);
	conll_free(&c);
	free(files);
	free(aux);
	free(fend);
	return rc;
}

/* ---- eval-ner --------------------------------------------------------------
 */

/* The file is read as one text of consecutive articles: repetitions of a
 * name count within about twenty sentences. */
#define NER_WINDOW 600

struct chunk3 {
	size_t a, b;
	unsigned type;
};

/* Entities by conlleval rules: B-X starts one; I-X starts one unless it
 * follows B-X or I-X. */
static size_t chunks(const uint8_t *t, size_t n, struct chunk3 *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		unsigned ty;
		size_t j = i + 1;
		if (t[i] == ISNAD_NER_O || t[i] >= ISNAD_NER_NTAGS) {
			i++;
			continue;
		}
		ty = ISNAD_NER_TAG_TYPE(t[i]);
		while (j < n && t[j] == ISNAD_NER_I(ty))
			j++;
		out[k].a = i;
		out[k].b = j;
		out[k].type = ty;
		k++;
		i = j;
	}
	return k;
}

/*
 * --rules: what `isnad extract` does after the tagger, on each sentence:
 * the words joined by spaces, the tagger's names as spans, the naming
 * patterns of phrases.h over them, and the spans back to word tags.
 */
static isnad_status apply_phrases(struct isnad_tokenizer *tk,
                                  const char *const *words, const size_t *lens,
                                  size_t n, uint8_t *tags)
{
	size_t len = 0, *off, nm = 0;
	char *text;
	struct isnad_tokens toks;
	struct isnad_span_typed *m;
	struct chunk3 *ch;
	isnad_status st;
	for (size_t i = 0; i < n; i++)
		len += lens[i] + 1;
	text = xrealloc(NULL, len + 1);
	off = xrealloc(NULL, (n + 1) * sizeof *off);
	ch = xrealloc(NULL, (n + 1) * sizeof *ch);
	len = 0;
	for (size_t i = 0; i < n; i++) {
		off[i] = len;
		memcpy(text + len, words[i], lens[i]);
		len += lens[i];
		text[len++] = ' ';
	}
	off[n] = len;
	text[len] = '\0';
	{
		size_t nc = chunks(tags, n, ch);
		m = isnad_malloc((nc + 1) * sizeof *m);
		if (!m) {
			free(text);
			free(off);
			free(ch);
			return ISNAD_ENOMEM;
		}
		for (size_t k = 0; k < nc; k++) {
			m[nm].start = off[ch[k].a];
			m[nm].end = off[ch[k].b] - 1;
			m[nm++].type = (int)ch[k].type;
		}
	}
	isnad_tokens_init(&toks);
	st = isnad_tokenize(tk, text, len, &toks);
	if (!st)
		st = isnad_name_phrases(text, len, &toks, &m, &nm);
	if (!st) {
		size_t w = 0;
		memset(tags, ISNAD_NER_O, n);
		for (size_t k = 0; k < nm; k++) {
			int first = 1;
			while (w < n && off[w + 1] - 1 <= m[k].start)
				w++;
			for (size_t j = w; j < n && off[j] < m[k].end; j++) {
				tags[j] = first ? ISNAD_NER_B(m[k].type)
				                : ISNAD_NER_I(m[k].type);
				first = 0;
			}
		}
	}
	isnad_tokens_release(&toks);
	isnad_free(m);
	free(text);
	free(off);
	free(ch);
	return st;
}

static const char eval_usage[] =
    "usage: isnad eval-ner [--model M] [--output OUT] [--window N] "
    "[--rules] FILE.conll\n"
    "  tags the words of a CoNLL file and prints entity-level precision,\n"
    "  recall and F1 per type and overall (conlleval rules)\n"
    "  --model M     model file (default: the built-in one)\n"
    "  --output OUT  also write token<TAB>gold<TAB>predicted per word\n"
    "  --window N    give a name to its untagged repetitions within N "
    "words\n"
    "                (default 600; 0: off)\n"
    "  --rules       add the naming patterns `isnad extract` applies after\n"
    "                the tagger (phrases.h), to score the whole system\n";

int cmd_eval_ner(int argc, char **argv)
{
	const char *mpath = NULL, *opath = NULL, *file = NULL;
	struct isnad_ner_model *own = NULL;
	const struct isnad_ner_model *m;
	struct isnad_ner_tagger *tg = NULL;
	struct conll c;
	uint8_t *pred;
	struct chunk3 *gc, *pc;
	size_t gold_n[ISNAD_NER__COUNT] = {0}, pred_n[ISNAD_NER__COUNT] = {0},
	       ok_n[ISNAD_NER__COUNT] = {0}, right = 0;
	FILE *of = NULL;
	size_t window = NER_WINDOW;
	int rules = 0;
	double t0, secs;
	isnad_status st;
	int rc = 0;
	memset(&c, 0, sizeof c);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(eval_usage, stdout);
			return 0;
		} else if (!strcmp(a, "--model") && i + 1 < argc) {
			mpath = argv[++i];
		} else if (!strcmp(a, "--output") && i + 1 < argc) {
			opath = argv[++i];
		} else if (!strcmp(a, "--window") && i + 1 < argc) {
			window = (size_t)strtoull(argv[++i], NULL, 10);
		} else if (!strcmp(a, "--rules")) {
			rules = 1;
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s'", a);
			fputs(eval_usage, stderr);
			return EXIT_MISUSE;
		} else if (!file) {
			file = a;
		} else {
			cli_error("eval-ner takes one file");
			return EXIT_MISUSE;
		}
	}
	if (!file) {
		fputs(eval_usage, stderr);
		return EXIT_MISUSE;
	}
	if (mpath) {
		char err[256];
		st = isnad_ner_model_load(mpath, &own, err, sizeof err);
		if (st) {
			cli_error("cannot load model '%s': %s", mpath,
			          err[0] ? err : isnad_strerror(st));
			return 1;
		}
		m = own;
	} else if (!(m = isnad_ner_default())) {
		cli_error("no built-in NER model (run 'make model')");
		return 1;
	}
	if (conll_read(&c, file)) {
		isnad_ner_model_free(own);
		return 1;
	}
	if (opath && !(of = fopen(opath, "w"))) {
		cli_error("cannot open '%s': %s", opath, strerror(errno));
		isnad_ner_model_free(own);
		conll_free(&c);
		return 1;
	}
	if ((st = isnad_ner_tagger_new(m, &tg))) {
		cli_error("%s", isnad_strerror(st));
		isnad_ner_model_free(own);
		conll_free(&c);
		if (of)
			fclose(of);
		return 1;
	}
	pred = xrealloc(NULL, c.n + 1);
	gc = xrealloc(NULL, (c.n + 1) * sizeof *gc);
	pc = xrealloc(NULL, (c.n + 1) * sizeof *pc);
	t0 = now();
	st = c.nsent ? isnad_ner_tag_text_words(tg, c.words, c.lens, c.sent,
	                                        c.nsent, window, pred)
	             : ISNAD_OK;
	if (st) {
		cli_error("%s: %s", file, isnad_strerror(st));
		rc = 1;
	}
	if (rules && !rc) {
		struct isnad_tokenizer *tk = NULL;
		st = isnad_tokenizer_new(NULL, &tk);
		for (size_t s = 0; s < c.nsent && !st; s++)
			st = apply_phrases(tk, c.words + c.sent[s],
			                   c.lens + c.sent[s],
			                   c.sent[s + 1] - c.sent[s],
			                   pred + c.sent[s]);
		isnad_tokenizer_free(tk);
		if (st) {
			cli_error("%s: %s", file, isnad_strerror(st));
			rc = 1;
		}
	}
	secs = now() - t0;
	for (size_t s = 0; s < c.nsent && !rc; s++) {
		size_t a = c.sent[s], n = c.sent[s + 1] - a;
		size_t ng = chunks(c.tags + a, n, gc);
		size_t np = chunks(pred + a, n, pc);
		size_t i = 0, j = 0;
		for (size_t k = 0; k < ng; k++)
			gold_n[gc[k].type]++;
		for (size_t k = 0; k < np; k++)
			pred_n[pc[k].type]++;
		while (i < ng && j < np) {
			if (gc[i].a < pc[j].a)
				i++;
			else if (gc[i].a > pc[j].a)
				j++;
			else {
				if (gc[i].b == pc[j].b &&
				    gc[i].type == pc[j].type)
					ok_n[gc[i].type]++;
				i++;
				j++;
			}
		}
		for (size_t k = 0; k < n; k++) {
			right += c.tags[a + k] == pred[a + k];
			if (of)
				fprintf(of, "%s\t%s\t%s\n", c.words[a + k],
				        isnad_ner_tag_name(c.tags[a + k]),
				        isnad_ner_tag_name(pred[a + k]));
		}
		if (of)
			fputc('\n', of);
	}
	if (!rc) {
		size_t G = 0, P = 0, C = 0;
		double p, r, f;
		for (unsigned t = 0; t < ISNAD_NER__COUNT; t++) {
			G += gold_n[t];
			P += pred_n[t];
			C += ok_n[t];
		}
		printf("processed %zu tokens with %zu phrases; found: %zu "
		       "phrases; correct: %zu.\n",
		       c.n, G, P, C);
		printf("accuracy %.2f; %.0f tokens/s\n",
		       c.n ? 100.0 * (double)right / (double)c.n : 0.0,
		       secs > 0 ? (double)c.n / secs : 0.0);
		for (unsigned t = 0; t < ISNAD_NER__COUNT; t++) {
			p = pred_n[t]
			        ? 100.0 * (double)ok_n[t] / (double)pred_n[t]
			        : 0.0;
			r = gold_n[t]
			        ? 100.0 * (double)ok_n[t] / (double)gold_n[t]
			        : 0.0;
			f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
			printf("%s precision %.2f recall %.2f f1 %.2f "
			       "(gold %zu found %zu correct %zu)\n",
			       isnad_ner_type_name((enum isnad_ner_type)t), p,
			       r, f, gold_n[t], pred_n[t], ok_n[t]);
		}
		p = P ? 100.0 * (double)C / (double)P : 0.0;
		r = G ? 100.0 * (double)C / (double)G : 0.0;
		f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
		printf("overall precision %.2f recall %.2f f1 %.2f\n", p, r, f);
	}
	if (of && fclose(of)) {
		cli_error("cannot write '%s': %s", opath, strerror(errno));
		rc = 1;
	}
	free(pred);
	free(gc);
	free(pc);
	isnad_ner_tagger_free(tg);
	isnad_ner_model_free(own);
	conll_free(&c);
	return rc;
}
