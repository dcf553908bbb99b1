/*
 * cmd_attrib.c - `isnad attrib`: the attributions (claims, cues, chains of
 * sources) and the unattributed assertions of each input, for inspection.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "isnad/attrib.h"

struct attrib_state {
	int json;
	struct isnad_tokenizer *tk;
	struct isnad_attributions at;
};

static void print_span(const struct chunk *c, size_t a, size_t b)
{
	printf("\"start\":%llu,\"end\":%llu",
	       (unsigned long long)chunk_off(c, a),
	       (unsigned long long)chunk_off(c, b));
}

static void print_flat(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putchar(s[i] == '\n' || s[i] == '\t' ? ' ' : s[i]);
}

static int attrib_chunk(const struct chunk *c, void *ud)
{
	struct attrib_state *as = ud;
	const struct isnad_attributions *a = &as->at;
	isnad_status st;
	isnad_attributions_clear(&as->at);
	st = isnad_attrib_find(as->tk, c->text, c->len, &as->at);
	if (st) {
		cli_error("'%s': %s", c->source, isnad_strerror(st));
		return 1;
	}
	if (!as->json) {
		for (size_t i = 0; i < a->n; i++) {
			const struct isnad_attribution *x = &a->v[i];
			printf("%s\t", c->source);
			print_flat(c->text + x->cue_start,
			           x->cue_end - x->cue_start);
			putchar('\t');
			for (size_t k = 0; k < x->n_links; k++) {
				const struct isnad_attrib_link *l =
				    &a->links[x->link + k];
				printf("%s[%s:", k ? " > " : "",
				       isnad_source_kind_name(l->kind));
				print_flat(c->text + l->start,
				           l->end - l->start);
				putchar(']');
			}
			putchar('\t');
			print_flat(c->text + x->start, x->end - x->start);
			putchar('\n');
		}
		for (size_t i = 0; i < a->unattributed.n; i++) {
			const struct isnad_span *u = &a->unattributed.v[i];
			printf("%s\tUNATTRIBUTED\t\t", c->source);
			print_flat(c->text + u->start, u->end - u->start);
			putchar('\n');
		}
		return 0;
	}
	fputs("{\"source\":", stdout);
	json_str(stdout, c->source, strlen(c->source));
	fputs(",\"attributions\":[", stdout);
	for (size_t i = 0; i < a->n; i++) {
		const struct isnad_attribution *x = &a->v[i];
		printf("%s{", i ? "," : "");
		print_span(c, x->start, x->end);
		fputs(",\"text\":", stdout);
		json_str(stdout, c->text + x->start, x->end - x->start);
		fputs(",\"cue\":", stdout);
		json_str(stdout, c->text + x->cue_start,
		         x->cue_end - x->cue_start);
		fputs(",\"cue_start\":", stdout);
		printf("%llu", (unsigned long long)chunk_off(c, x->cue_start));
		fputs(",\"chain\":[", stdout);
		for (size_t k = 0; k < x->n_links; k++) {
			const struct isnad_attrib_link *l =
			    &a->links[x->link + k];
			printf("%s{\"kind\":\"%s\",", k ? "," : "",
			       isnad_source_kind_name(l->kind));
			print_span(c, l->start, l->end);
			fputs(",\"text\":", stdout);
			json_str(stdout, c->text + l->start, l->end - l->start);
			if (l->ref_end) {
				fputs(",\"refers\":", stdout);
				json_str(stdout, c->text + l->ref_start,
				         l->ref_end - l->ref_start);
			}
			putchar('}');
		}
		fputs("]}", stdout);
	}
	fputs("],\"unattributed\":[", stdout);
	for (size_t i = 0; i < a->unattributed.n; i++) {
		const struct isnad_span *u = &a->unattributed.v[i];
		printf("%s{", i ? "," : "");
		print_span(c, u->start, u->end);
		fputs(",\"text\":", stdout);
		json_str(stdout, c->text + u->start, u->end - u->start);
		putchar('}');
	}
	fputs("]}\n", stdout);
	return 0;
}

int cmd_attrib(int argc, char **argv)
{
	static const char usage[] =
	    "usage: isnad attrib [--json] [--encoding CHARSET] INPUT...\n"
	    "  attributions: claim, cue and chain of sources, one per line\n"
	    "  (SOURCE CUE CHAIN CLAIM), then UNATTRIBUTED assertions;\n"
	    "  --json writes one object per document: {\"source\",\n"
	    "  "
	    "\"attributions\":[{\"start\",\"end\",\"text\",\"cue\",\"chain\":\n"
	    "  [{\"kind\",\"start\",\"end\",\"text\",\"refers\"}]}],\n"
	    "  \"unattributed\":[{\"start\",\"end\",\"text\"}]}\n";
	static char dash[] = "-";
	struct attrib_state as;
	struct input_opts in = {NULL};
	char **inputs;
	int n = 0, r;
	isnad_status st;

	memset(&as, 0, sizeof as);
	inputs = malloc(sizeof(char *) * (size_t)(argc + 1));
	if (!inputs) {
		cli_error("out of memory");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			free(inputs);
			return 0;
		} else if (!strcmp(a, "--json")) {
			as.json = 1;
		} else if (!strcmp(a, "--encoding") ||
		           !strncmp(a, "--encoding=", 11)) {
			in.encoding = a[10] == '='
			                  ? a + 11
			                  : (i + 1 < argc ? argv[++i] : NULL);
			if (!in.encoding) {
				cli_error("--encoding needs a charset name");
				free(inputs);
				return EXIT_MISUSE;
			}
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s'", a);
			fputs(usage, stderr);
			free(inputs);
			return EXIT_MISUSE;
		} else {
			inputs[n++] = argv[i];
		}
	}
	if (!n)
		inputs[n++] = dash;
	if ((st = isnad_tokenizer_new(NULL, &as.tk)) != ISNAD_OK) {
		cli_error("cannot start the tokenizer: %s", isnad_strerror(st));
		free(inputs);
		return 1;
	}
	isnad_attributions_init(&as.at);
	r = cli_for_each_input(n, inputs, &in, attrib_chunk, &as);
	isnad_attributions_release(&as.at);
	isnad_tokenizer_free(as.tk);
	free(inputs);
	return r;
}
