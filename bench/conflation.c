/*
 * conflation.c - the conflation check: on word pairs drawn from real text,
 * how often our pipeline (clitic split + Snowball) and Snowball alone put
 * each pair right (same lemma -> same stem, look-alikes -> different stems).
 * Usage: conflation tests/data/conflation/pairs.tsv [--errors]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad/isnad.h"

#define MAX_KINDS 32

struct kind {
	char name[32];
	int n, ours, peer;
};

/* Stem of a word's base (its Arabic, non-clitic token). */
static void our_stem(struct isnad_tokenizer *tk, const char *w, char *out,
                     size_t cap)
{
	struct isnad_tokens t;
	out[0] = '\0';
	isnad_tokens_init(&t);
	if (isnad_tokenize(tk, w, strlen(w), &t) == ISNAD_OK)
		for (size_t i = 0; i < t.n; i++)
			if (t.v[i].type == ISNAD_TOK_ARABIC) {
				snprintf(out, cap, "%.*s", (int)t.v[i].stem_len,
				         t.v[i].stem);
				break;
			}
	isnad_tokens_release(&t);
}

static void peer_stem(struct isnad_stemmer *st, const char *w, char *out,
                      size_t cap)
{
	size_t n;
	const char *s = isnad_stem_snowball(st, w, strlen(w), &n);
	snprintf(out, cap, "%.*s", (int)n, s);
}

int main(int argc, char **argv)
{
	FILE *f;
	char line[1024];
	struct kind kinds[MAX_KINDS];
	int nk = 0, total = 0, ours = 0, peer = 0, show = argc > 2;
	struct isnad_tokenizer *tk;
	struct isnad_stemmer *st;
	if (argc < 2) {
		fprintf(stderr, "usage: conflation PAIRS.tsv [--errors]\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	if (!f) {
		fprintf(stderr, "conflation: cannot open '%s'\n", argv[1]);
		return 1;
	}
	if (isnad_tokenizer_new(NULL, &tk) || isnad_stemmer_new(&st)) {
		fprintf(stderr, "conflation: cannot start the stemmer\n");
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		char *a = strtok(line, "\t\n"), *b = strtok(NULL, "\t\n");
		char *expect = strtok(NULL, "\t\n"),
		     *kind = strtok(NULL, "\t\n");
		char sa[256], sb[256], pa[256], pb[256];
		int same, ok_ours, ok_peer, k;
		if (!a || !b || !expect || !kind || !strcmp(a, "word_a"))
			continue;
		same = !strcmp(expect, "same");
		our_stem(tk, a, sa, sizeof sa);
		our_stem(tk, b, sb, sizeof sb);
		peer_stem(st, a, pa, sizeof pa);
		peer_stem(st, b, pb, sizeof pb);
		ok_ours = (strcmp(sa, sb) == 0) == same;
		ok_peer = (strcmp(pa, pb) == 0) == same;
		for (k = 0; k < nk; k++)
			if (!strcmp(kinds[k].name, kind))
				break;
		if (k == nk && nk < MAX_KINDS) {
			snprintf(kinds[nk].name, sizeof kinds[nk].name, "%s",
			         kind);
			kinds[nk].n = kinds[nk].ours = kinds[nk].peer = 0;
			nk++;
		}
		if (k < nk) {
			kinds[k].n++;
			kinds[k].ours += ok_ours;
			kinds[k].peer += ok_peer;
		}
		total++;
		ours += ok_ours;
		peer += ok_peer;
		if (show && !ok_ours)
			printf("  ours wrong: %s/%s (%s) -> %s / %s\n", a, b,
			       expect, sa, sb);
	}
	fclose(f);
	printf("conflation check, %d pairs from real text (%s)\n", total,
	       argv[1]);
	printf("  %-14s %5s %18s %18s\n", "kind", "pairs", "isnad",
	       "Snowball alone");
	for (int k = 0; k < nk; k++)
		printf("  %-14s %5d %10d (%3.0f%%) %10d (%3.0f%%)\n",
		       kinds[k].name, kinds[k].n, kinds[k].ours,
		       100.0 * kinds[k].ours / kinds[k].n, kinds[k].peer,
		       100.0 * kinds[k].peer / kinds[k].n);
	printf("  %-14s %5d %10d (%3.0f%%) %10d (%3.0f%%)\n", "all", total,
	       ours, total ? 100.0 * ours / total : 0, peer,
	       total ? 100.0 * peer / total : 0);
	isnad_tokenizer_free(tk);
	isnad_stemmer_free(st);
	return 0;
}
