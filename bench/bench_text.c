/*
 * bench_text.c - throughput of the text core over real news, beside the peer
 * named in the issue: a plain Snowball-only loop (white-space split + stem)
 * run in the same process on the same texts.
 *
 * Usage: bench_text saudinewsnet.jsonl [passes]
 * Prints MB/s and tokens/s for each stage and the peak RSS.
 */
#include <jansson.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench_util.h"
#include "isnad/isnad.h"

static struct bench_doc *docs;
static size_t n_docs, total_bytes;

static int load(const char *path)
{
	return bench_load_texts(path, &docs, &n_docs, &total_bytes, 0);
}

struct result {
	double secs;       /* best pass */
	double first_secs; /* first pass: cold word cache */
	size_t tokens, words;
};

static void report(const char *name, struct result r)
{
	printf("%-36s %8.1f MB/s %12.0f tokens/s %12.0f words/s\n", name,
	       (double)total_bytes / r.secs / 1e6,
	       r.tokens ? (double)r.tokens / r.secs : 0.0,
	       r.words ? (double)r.words / r.secs : 0.0);
}

/* Each stage runs `passes` times; the best time is kept. */
static int passes = 3;

static struct result run_decode_normalize(void)
{
	struct result best = {1e30, 0, 0, 0};
	struct isnad_buf b;
	isnad_buf_init(&b, 0);
	for (int p = 0; p < passes; p++) {
		double t0 = bench_now();
		for (size_t i = 0; i < n_docs; i++) {
			struct isnad_decoded d;
			isnad_decode(docs[i].s, docs[i].len, NULL, &d);
			isnad_buf_reset(&b);
			isnad_normalize(d.s, d.len, ISNAD_NORM_SEARCH, &b,
			                NULL);
			isnad_decoded_release(&d);
		}
		t0 = bench_now() - t0;
		if (t0 < best.secs)
			best.secs = t0;
	}
	isnad_buf_release(&b);
	return best;
}

static struct result run_tokenize(unsigned flags, int with_decode,
                                  int with_sentences)
{
	struct result best = {1e30, 0, 0, 0};
	struct isnad_tokenizer *tk;
	struct isnad_tokens t;
	struct isnad_spans sp;
	isnad_tokenizer_new(NULL, &tk);
	isnad_tokenizer_set_flags(tk, flags);
	isnad_tokens_init(&t);
	isnad_spans_init(&sp);
	for (int p = 0; p < passes; p++) {
		size_t ntok = 0, nwords = 0;
		double t0 = bench_now();
		for (size_t i = 0; i < n_docs; i++) {
			t.n = 0;
			if (with_decode) {
				struct isnad_decoded d;
				isnad_decode(docs[i].s, docs[i].len, NULL, &d);
				isnad_tokenize(tk, d.s, d.len, &t);
				if (with_sentences) {
					sp.n = 0;
					isnad_sentences(d.s, d.len, &sp);
				}
				isnad_decoded_release(&d);
			} else {
				isnad_tokenize(tk, docs[i].s, docs[i].len, &t);
			}
			ntok += t.n;
			if (t.n)
				nwords += t.v[t.n - 1].word + 1;
		}
		t0 = bench_now() - t0;
		if (p == 0)
			best.first_secs = t0;
		if (t0 < best.secs) {
			best.secs = t0;
			best.tokens = ntok;
			best.words = nwords;
		}
	}
	isnad_spans_release(&sp);
	isnad_tokens_release(&t);
	isnad_tokenizer_free(tk);
	return best;
}

/* The peer: split on ASCII white space, stem every token with Snowball. */
static struct result run_snowball_loop(void)
{
	struct result best = {1e30, 0, 0, 0};
	struct sb_stemmer *sb = sb_stemmer_new("arabic", "UTF_8");
	size_t sink = 0;
	for (int p = 0; p < passes; p++) {
		size_t ntok = 0;
		double t0 = bench_now();
		for (size_t i = 0; i < n_docs; i++) {
			const char *s = docs[i].s, *e = s + docs[i].len;
			while (s < e) {
				const char *w;
				while (s < e &&
				       (*s == ' ' || *s == '\n' || *s == '\t'))
					s++;
				w = s;
				while (s < e && *s != ' ' && *s != '\n' &&
				       *s != '\t')
					s++;
				if (s > w) {
					sb_stemmer_stem(sb,
					                (const sb_symbol *)w,
					                (int)(s - w));
					sink += (size_t)sb_stemmer_length(sb);
					ntok++;
				}
			}
		}
		t0 = bench_now() - t0;
		if (t0 < best.secs) {
			best.secs = t0;
			best.tokens = best.words = ntok;
		}
	}
	sb_stemmer_delete(sb);
	if (sink == 1)
		puts(""); /* keep the loop from being optimised away */
	return best;
}

int main(int argc, char **argv)
{
	struct result dn, tok, dnt, core, peer;
	double rss_loaded;
	if (argc < 2) {
		fprintf(stderr, "usage: bench_text FILE.jsonl [passes]\n");
		return 2;
	}
	if (argc > 2)
		passes = atoi(argv[2]) > 0 ? atoi(argv[2]) : 1;
	if (load(argv[1]) != 0)
		return 1;
	rss_loaded = bench_peak_rss_mb();
	printf(
	    "corpus: %zu articles, %.1f MB (%s), best of %d passes, 1 core\n",
	    n_docs, (double)total_bytes / 1e6, argv[1], passes);
	isnad_lexicon_default(); /* parse the lexicon outside the timings */

	dn = run_decode_normalize();
	report("decode + normalise (search)", dn);
	tok = run_tokenize(ISNAD_TOKENIZE_NO_STEM, 0, 0);
	report("tokenise (clitics, no stems)", tok);
	dnt = run_tokenize(ISNAD_TOKENIZE_NO_STEM, 1, 0);
	report("decode + normalise + tokenise", dnt);
	core = run_tokenize(0, 1, 1);
	report("whole text core (+stems, sentences)", core);
	printf("%-36s %8.1f MB/s  (first pass, cold word cache)\n",
	       "whole text core, first pass",
	       (double)total_bytes / core.first_secs / 1e6);
	peer = run_snowball_loop();
	report("peer: white-space split + Snowball", peer);
	printf(
	    "ratio whole core / Snowball-only: %.2fx tokens/s, %.2fx words/s\n",
	    ((double)core.tokens / core.secs) /
	        ((double)peer.tokens / peer.secs),
	    ((double)core.words / core.secs) /
	        ((double)peer.words / peer.secs));
	printf("peak RSS: %.1f MB (corpus loaded: %.1f MB, so %.1f MB for the "
	       "text core)\n",
	       bench_peak_rss_mb(), rss_loaded,
	       bench_peak_rss_mb() - rss_loaded);
	for (size_t i = 0; i < n_docs; i++)
		free(docs[i].s);
	free(docs);
	return 0;
}
