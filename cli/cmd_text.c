/*
 * cmd_text.c - the text-core commands: normalize, tokenize, sentences.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct opts {
	int json;
	int level;
	unsigned tflags;
	struct input_opts in;
	int n;
	char **inputs;
	int owned; /* inputs was allocated here */
};

static void free_opts(struct opts *o);

/* Parse common options; returns -1 on misuse, 1 after --help, else 0. */
static int parse_opts(int argc, char **argv, struct opts *o, const char *usage)
{
	static char dash[] = "-";
	static char *stdin_only[] = {dash};
	memset(o, 0, sizeof *o);
	o->level = ISNAD_NORM_SEARCH;
	o->inputs = malloc(sizeof(char *) * (size_t)(argc + 1));
	if (!o->inputs)
		return -1;
	o->owned = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			free_opts(o);
			return 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "--no-stem")) {
			o->tflags |= ISNAD_TOKENIZE_NO_STEM;
		} else if (!strcmp(a, "--level") ||
		           !strncmp(a, "--level=", 8)) {
			const char *v = a[7] == '='
			                    ? a + 8
			                    : (i + 1 < argc ? argv[++i] : "");
			if (!strcmp(v, "search"))
				o->level = ISNAD_NORM_SEARCH;
			else if (!strcmp(v, "display"))
				o->level = ISNAD_NORM_DISPLAY;
			else if (!strcmp(v, "light"))
				o->level = ISNAD_NORM_LIGHT;
			else {
				cli_error("unknown level '%s' (search, "
				          "display, light)",
				          v);
				free_opts(o);
				return -1;
			}
		} else if (!strcmp(a, "--encoding") ||
		           !strncmp(a, "--encoding=", 11)) {
			o->in.encoding =
			    a[10] == '=' ? a + 11
			                 : (i + 1 < argc ? argv[++i] : NULL);
			if (!o->in.encoding) {
				cli_error("--encoding needs a charset name");
				free_opts(o);
				return -1;
			}
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s'", a);
			fputs(usage, stderr);
			free_opts(o);
			return -1;
		} else {
			o->inputs[o->n++] = argv[i];
		}
	}
	if (!o->n) {
		free(o->inputs);
		o->owned = 0;
		o->inputs = stdin_only;
		o->n = 1;
	}
	return 0;
}

static void free_opts(struct opts *o)
{
	if (o->owned)
		free(o->inputs);
	o->inputs = NULL;
}

/* ---- normalize ----------------------------------------------------------- */

static int norm_chunk(const struct chunk *c, void *ud)
{
	struct opts *o = ud;
	struct isnad_buf b;
	isnad_status st;
	isnad_buf_init(&b, 0);
	st = isnad_normalize(c->text, c->len, o->level, &b, NULL);
	if (st) {
		cli_error("'%s': %s", c->source, isnad_strerror(st));
		isnad_buf_release(&b);
		return 1;
	}
	fwrite(b.s, 1, b.len, stdout);
	if (c->last && b.len && b.s[b.len - 1] != '\n')
		putchar('\n');
	isnad_buf_release(&b);
	return 0;
}

int cmd_normalize(int argc, char **argv)
{
	struct opts o;
	int r = parse_opts(
	    argc, argv, &o,
	    "usage: isnad normalize [--level search|display|light] "
	    "[--encoding CHARSET] INPUT...\n"
	    "  search   (default) harakat, tatweel removed; alef forms, ى ة ؤ "
	    "ئ\n"
	    "           folded; digits to ASCII; presentation forms, "
	    "controls,\n"
	    "           white space normalised\n"
	    "  display  presentation forms, controls and white space only\n"
	    "  light    display plus harakat and tatweel removed\n");
	if (r)
		return r < 0 ? EXIT_MISUSE : 0;
	r = cli_for_each_input(o.n, o.inputs, &o.in, norm_chunk, &o);
	free_opts(&o);
	return r;
}

/* ---- tokenize ------------------------------------------------------------ */

struct tok_state {
	struct opts *o;
	struct isnad_tokenizer *tk;
	struct isnad_tokens toks;
};

static int tok_chunk(const struct chunk *c, void *ud)
{
	struct tok_state *ts = ud;
	isnad_status st;
	ts->toks.n = 0;
	st = isnad_tokenize(ts->tk, c->text, c->len, &ts->toks);
	if (st) {
		cli_error("'%s': %s", c->source, isnad_strerror(st));
		return 1;
	}
	for (size_t i = 0; i < ts->toks.n; i++) {
		const struct isnad_token *t = &ts->toks.v[i];
		unsigned long long s = chunk_off(c, t->start),
		                   e = chunk_off(c, t->end);
		const char *type = isnad_token_type_name(t->type);
		if (ts->o->json) {
			printf("{\"start\":%llu,\"end\":%llu,\"text\":", s, e);
			json_str(stdout, c->text + t->start, t->end - t->start);
			printf(",\"type\":\"%s\",\"norm\":", type);
			json_str(stdout, t->norm, t->norm_len);
			fputs(",\"stem\":", stdout);
			json_str(stdout, t->stem, t->stem_len);
			fputs("}\n", stdout);
		} else {
			printf("%llu\t%llu\t%s\t%.*s\t%.*s\t%.*s\n", s, e, type,
			       (int)(t->end - t->start), c->text + t->start,
			       (int)t->norm_len, t->norm, (int)t->stem_len,
			       t->stem);
		}
	}
	return 0;
}

int cmd_tokenize(int argc, char **argv)
{
	struct opts o;
	struct tok_state ts;
	isnad_status st;
	int r = parse_opts(
	    argc, argv, &o,
	    "usage: isnad tokenize [--json] [--no-stem] [--encoding CHARSET] "
	    "INPUT...\n"
	    "  one token per line: START END TYPE TEXT NORM STEM (byte "
	    "offsets\n"
	    "  into the input); --json writes JSON Lines\n"
	    "  {\"start\",\"end\",\"text\",\"type\",\"norm\",\"stem\"}\n");
	if (r)
		return r < 0 ? EXIT_MISUSE : 0;
	ts.o = &o;
	if ((st = isnad_tokenizer_new(NULL, &ts.tk)) != ISNAD_OK) {
		cli_error("cannot start the tokenizer: %s", isnad_strerror(st));
		return 1;
	}
	isnad_tokenizer_set_flags(ts.tk, o.tflags);
	isnad_tokens_init(&ts.toks);
	r = cli_for_each_input(o.n, o.inputs, &o.in, tok_chunk, &ts);
	isnad_tokens_release(&ts.toks);
	isnad_tokenizer_free(ts.tk);
	free_opts(&o);
	return r;
}

/* ---- sentences ----------------------------------------------------------- */

/* Print a sentence on one line: inner line breaks become spaces. */
static void print_flat(const char *s, size_t n)
{
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			sp = 1;
			continue;
		}
		if (sp)
			putchar(' ');
		sp = 0;
		putchar(ch);
	}
	putchar('\n');
}

static int sent_chunk(const struct chunk *c, void *ud)
{
	struct opts *o = ud;
	struct isnad_spans sp;
	isnad_status st;
	isnad_spans_init(&sp);
	st = isnad_sentences(c->text, c->len, &sp);
	if (st) {
		cli_error("'%s': %s", c->source, isnad_strerror(st));
		isnad_spans_release(&sp);
		return 1;
	}
	for (size_t i = 0; i < sp.n; i++) {
		const char *s = c->text + sp.v[i].start;
		size_t n = sp.v[i].end - sp.v[i].start;
		if (o->json) {
			printf("{\"start\":%llu,\"end\":%llu,\"text\":",
			       (unsigned long long)chunk_off(c, sp.v[i].start),
			       (unsigned long long)chunk_off(c, sp.v[i].end));
			json_str(stdout, s, n);
			fputs("}\n", stdout);
		} else {
			print_flat(s, n);
		}
	}
	isnad_spans_release(&sp);
	return 0;
}

int cmd_sentences(int argc, char **argv)
{
	struct opts o;
	int r = parse_opts(
	    argc, argv, &o,
	    "usage: isnad sentences [--json] [--encoding CHARSET] INPUT...\n"
	    "  one sentence per line (line breaks inside become spaces);\n"
	    "  --json writes {\"start\",\"end\",\"text\"} per sentence\n");
	if (r)
		return r < 0 ? EXIT_MISUSE : 0;
	r = cli_for_each_input(o.n, o.inputs, &o.in, sent_chunk, &o);
	free_opts(&o);
	return r;
}
