/*
 * cmd_analyze.c - the main job for now: read documents and print what the
 * text core finds in each (charset, sentences, tokens by type, clitics cut,
 * numbers with their values, the most frequent stems).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define TOP_STEMS 8
#define MAX_NUMBERS 12

struct stem_count {
	char *stem;
	size_t n;
};

struct doc {
	const char *source;
	const char *encoding;
	uint64_t bytes;
	size_t sentences, by_type[ISNAD_TOK__COUNT], words;
	struct stem_count *stems;
	size_t n_stems, cap_stems;
	size_t n_numbers;
	char numbers[MAX_NUMBERS][160];
	char first_sentence[400];
};

struct an_state {
	struct isnad_tokenizer *tk;
	struct isnad_tokens toks;
	struct doc d;
	int json;
	size_t docs;
};

static void add_stem(struct doc *d, const char *s, size_t n)
{
	for (size_t i = 0; i < d->n_stems; i++)
		if (strlen(d->stems[i].stem) == n &&
		    !memcmp(d->stems[i].stem, s, n)) {
			d->stems[i].n++;
			return;
		}
	if (d->n_stems == d->cap_stems) {
		size_t nc = d->cap_stems ? d->cap_stems * 2 : 256;
		struct stem_count *v = realloc(d->stems, nc * sizeof *v);
		if (!v)
			return;
		d->stems = v;
		d->cap_stems = nc;
	}
	d->stems[d->n_stems].stem = strndup(s, n);
	if (d->stems[d->n_stems].stem)
		d->stems[d->n_stems++].n = 1;
}

static int by_count(const void *a, const void *b)
{
	const struct stem_count *x = a, *y = b;
	return x->n == y->n ? strcmp(x->stem, y->stem) : (x->n < y->n ? 1 : -1);
}

static void doc_reset(struct doc *d)
{
	for (size_t i = 0; i < d->n_stems; i++)
		free(d->stems[i].stem);
	free(d->stems);
	memset(d, 0, sizeof *d);
}

/* Stems worth counting: content words of three letters or more. */
static int content_stem(const struct isnad_token *t)
{
	return t->type == ISNAD_TOK_ARABIC && t->stem_len >= 6;
}

static void print_doc(struct an_state *as)
{
	struct doc *d = &as->d;
	size_t ntok = 0;
	for (int t = 0; t < ISNAD_TOK__COUNT; t++)
		ntok += d->by_type[t];
	qsort(d->stems, d->n_stems, sizeof *d->stems, by_count);
	if (as->json) {
		printf("{\"source\":");
		json_str(stdout, d->source, strlen(d->source));
		printf(",\"encoding\":\"%s\",\"bytes\":%llu,\"sentences\":%zu,"
		       "\"words\":%zu,\"tokens\":{",
		       d->encoding, (unsigned long long)d->bytes, d->sentences,
		       d->words);
		for (int t = 0; t < ISNAD_TOK__COUNT; t++)
			printf("%s\"%s\":%zu", t ? "," : "",
			       isnad_token_type_name((enum isnad_token_type)t),
			       d->by_type[t]);
		printf("},\"numbers\":[");
		for (size_t i = 0; i < d->n_numbers && i < MAX_NUMBERS; i++)
			printf("%s%s", i ? "," : "", d->numbers[i]);
		printf("],\"top_stems\":[");
		for (size_t i = 0; i < d->n_stems && i < TOP_STEMS; i++) {
			printf("%s", i ? "," : "");
			json_str(stdout, d->stems[i].stem,
			         strlen(d->stems[i].stem));
		}
		printf("]}\n");
		return;
	}
	printf("== %s  (%s, %llu bytes)\n", d->source, d->encoding,
	       (unsigned long long)d->bytes);
	printf("   %zu sentences, %zu words, %zu tokens:", d->sentences,
	       d->words, ntok);
	for (int t = 0; t < ISNAD_TOK__COUNT; t++)
		if (d->by_type[t])
			printf(" %s %zu",
			       isnad_token_type_name((enum isnad_token_type)t),
			       d->by_type[t]);
	printf("\n");
	if (d->first_sentence[0])
		printf("   first sentence: %s\n", d->first_sentence);
	if (d->n_numbers) {
		printf("   numbers (%zu):", d->n_numbers);
		for (size_t i = 0; i < d->n_numbers && i < MAX_NUMBERS; i++)
			printf(" %s", d->numbers[i]);
		printf("\n");
	}
	if (d->n_stems) {
		printf("   frequent stems:");
		for (size_t i = 0; i < d->n_stems && i < TOP_STEMS; i++)
			printf(" %s×%zu", d->stems[i].stem, d->stems[i].n);
		printf("\n");
	}
}

static void note_numbers(struct an_state *as, const struct chunk *c)
{
	struct isnad_numbers nums;
	isnad_numbers_init(&nums);
	if (isnad_numbers_find(c->text, c->len, &nums) == ISNAD_OK) {
		for (size_t i = 0; i < nums.n; i++) {
			const struct isnad_number *n = &nums.v[i];
			struct doc *d = &as->d;
			if (d->n_numbers < MAX_NUMBERS) {
				int len = (int)(n->end - n->start);
				if (as->json)
					snprintf(
					    d->numbers[d->n_numbers],
					    sizeof d->numbers[0],
					    "{\"start\":%llu,\"value\":%.15g}",
					    (unsigned long long)chunk_off(
					        c, n->start),
					    n->value);
				else
					snprintf(d->numbers[d->n_numbers],
					         sizeof d->numbers[0],
					         "«%.*s»=%.15g",
					         len > 80 ? 80 : len,
					         c->text + n->start, n->value);
			}
			as->d.n_numbers++;
		}
	}
	isnad_numbers_release(&nums);
}

static int an_chunk(const struct chunk *c, void *ud)
{
	struct an_state *as = ud;
	struct isnad_spans sp;
	isnad_status st;
	if (c->first) {
		doc_reset(&as->d);
		as->d.source = c->source;
		as->d.encoding = c->encoding;
	}
	isnad_spans_init(&sp);
	if (isnad_sentences(c->text, c->len, &sp) == ISNAD_OK) {
		if (!as->d.sentences && sp.n) {
			size_t n = sp.v[0].end - sp.v[0].start, k = 0;
			if (n > sizeof as->d.first_sentence - 4)
				n = sizeof as->d.first_sentence - 4;
			while (n > 0 &&
			       ((unsigned char)c->text[sp.v[0].start + n] &
			        0xC0) == 0x80)
				n--;
			for (size_t i = 0; i < n; i++) {
				char ch = c->text[sp.v[0].start + i];
				as->d.first_sentence[k++] =
				    ch == '\n' ? ' ' : ch;
			}
			as->d.first_sentence[k] = '\0';
		}
		as->d.sentences += sp.n;
	}
	isnad_spans_release(&sp);
	as->toks.n = 0;
	st = isnad_tokenize(as->tk, c->text, c->len, &as->toks);
	if (st) {
		cli_error("'%s': %s", c->source, isnad_strerror(st));
		return 1;
	}
	for (size_t i = 0; i < as->toks.n; i++) {
		const struct isnad_token *t = &as->toks.v[i];
		as->d.by_type[t->type]++;
		if (content_stem(t))
			add_stem(&as->d, t->stem, t->stem_len);
	}
	if (as->toks.n)
		as->d.words += as->toks.v[as->toks.n - 1].word + 1;
	note_numbers(as, c);
	as->d.bytes = c->base + (c->map ? c->map[c->len] : c->len);
	if (c->last) {
		print_doc(as);
		as->docs++;
	}
	return 0;
}

/* A short text of our own, for a first run with nothing to read. */
static const char sample[] =
    "أعلنت وزارة الصحة، يوم الاثنين 3 مارس 2025، عن تسجيل 1.5 مليون "
    "إصابة، وقالت في بيان نقلته وكالة الأنباء الرسمية إن نحو ثلاثة آلاف "
    "مريض غادروا المستشفيات.\n"
    "وأضاف المتحدث باسم الوزارة: «نعمل مع شركائنا لتوفير اللقاحات "
    "للمحافظات الحدودية».\n";

int cmd_analyze(int argc, char **argv)
{
	static char seeds[] = "../shared/seeds/*.txt";
	struct an_state as;
	struct input_opts in = {NULL};
	char **inputs = malloc(sizeof(char *) * (size_t)(argc + 1));
	int n = 0, rc;
	isnad_status st;
	memset(&as, 0, sizeof as);
	if (!inputs)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: isnad [analyze] [--json] [--encoding "
			       "CHARSET] "
			       "[INPUT...]\n"
			       "  per document: charset, sentences, tokens by "
			       "type,\n"
			       "  numbers with values and frequent stems.  "
			       "With no\n"
			       "  INPUT: ../shared/seeds if present, else a "
			       "built-in "
			       "sample.\n");
			free(inputs);
			return 0;
		} else if (!strcmp(argv[i], "--json")) {
			as.json = 1;
		} else if (!strcmp(argv[i], "--encoding") && i + 1 < argc) {
			in.encoding = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error("unknown option '%s'", argv[i]);
			free(inputs);
			return EXIT_MISUSE;
		} else {
			inputs[n++] = argv[i];
		}
	}
	if ((st = isnad_tokenizer_new(NULL, &as.tk)) != ISNAD_OK) {
		cli_error("cannot start the tokenizer: %s", isnad_strerror(st));
		free(inputs);
		return 1;
	}
	isnad_tokens_init(&as.toks);
	if (!n && access("../shared/seeds", R_OK) == 0)
		inputs[n++] = seeds;
	if (n) {
		rc = cli_for_each_input(n, inputs, &in, an_chunk, &as);
	} else {
		struct chunk c = {"(built-in sample)",
		                  sample,
		                  sizeof sample - 1,
		                  NULL,
		                  0,
		                  "UTF-8",
		                  1,
		                  1};
		rc = an_chunk(&c, &as);
	}
	if (!as.json)
		printf("%zu document%s\n", as.docs, as.docs == 1 ? "" : "s");
	doc_reset(&as.d);
	isnad_tokens_release(&as.toks);
	isnad_tokenizer_free(as.tk);
	free(inputs);
	return rc;
}
