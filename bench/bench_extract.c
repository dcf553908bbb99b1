/*
 * bench_extract.c - throughput of clean + extract (what `isnad extract`
 * does to each text) over real news, in words per second, with the peak
 * RSS.  No outside tool does this extraction for Arabic, so the reference
 * line in the same run is our own tagger alone (tokenize + NER), the part
 * a plain NER tool would do: the rest is the cost of values, naming
 * patterns, entities, attributions and events.
 *
 * Usage: bench_extract saudinewsnet.jsonl [max_articles] [passes]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "isnad/boiler.h"
#include "isnad/extract.h"
#include "isnad/isnad.h"
#include "isnad/ner.h"

static struct bench_doc *docs;
static size_t n_docs, total_bytes, total_words;

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;
	for (size_t i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
		         s[i] == '\r';
		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* One pass of clean + extract; returns seconds, or -1. */
static double pass_extract(struct isnad_extractor *ex, FILE *sink)
{
	double t0 = bench_now();
	for (size_t i = 0; i < n_docs; i++) {
		struct isnad_page page;
		isnad_page_init(&page);
		if (isnad_text_extract(docs[i].s, docs[i].len, &page) !=
		        ISNAD_OK ||
		    isnad_extract_write(ex, "bench", &page, sink) != ISNAD_OK) {
			isnad_page_release(&page);
			return -1;
		}
		isnad_page_release(&page);
	}
	return bench_now() - t0;
}

/* One pass of the reference: tokenize + tag. */
static double pass_tagger(struct isnad_tokenizer *tk,
                          struct isnad_ner_tagger *tg)
{
	struct isnad_tokens t;
	double t0 = bench_now();
	isnad_tokens_init(&t);
	for (size_t i = 0; i < n_docs; i++) {
		const struct isnad_ner_mention *m;
		size_t n;
		t.n = 0;
		if (isnad_tokenize(tk, docs[i].s, docs[i].len, &t) != ISNAD_OK ||
		    isnad_ner_tag_tokens(tg, &t, &m, &n) != ISNAD_OK) {
			isnad_tokens_release(&t);
			return -1;
		}
	}
	isnad_tokens_release(&t);
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	size_t max = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 3000;
	int passes = argc > 3 && atoi(argv[3]) > 0 ? atoi(argv[3]) : 3;
	struct isnad_extractor *ex = NULL;
	struct isnad_tokenizer *tk = NULL;
	struct isnad_ner_tagger *tg = NULL;
	double best_x = 0, best_t = 0, rss_loaded;
	FILE *sink;
	if (argc < 2) {
		fprintf(stderr,
		        "usage: bench_extract FILE.jsonl [max_articles] "
		        "[passes]\n");
		return 2;
	}
	if (bench_load_texts(argv[1], &docs, &n_docs, &total_bytes, max))
		return 1;
	for (size_t i = 0; i < n_docs; i++)
		total_words += count_words(docs[i].s, docs[i].len);
	rss_loaded = bench_peak_rss_mb();
	sink = fopen("/dev/null", "w");
	if (!sink || isnad_extractor_new(&ex) != ISNAD_OK ||
	    isnad_tokenizer_new(NULL, &tk) != ISNAD_OK || !isnad_ner_default() ||
	    isnad_ner_tagger_new(isnad_ner_default(), &tg) != ISNAD_OK) {
		fprintf(stderr, "bench_extract: cannot set up\n");
		return 1;
	}
	printf("corpus: %zu articles, %zu words, %.1f MB (%s), best of %d "
	       "passes, 1 core\n",
	       n_docs, total_words, (double)total_bytes / 1e6, argv[1], passes);
	for (int p = 0; p < passes; p++) {
		double x = pass_extract(ex, sink), t = pass_tagger(tk, tg);
		if (x < 0 || t < 0) {
			fprintf(stderr, "bench_extract: a pass failed\n");
			return 1;
		}
		if (!p || x < best_x)
			best_x = x;
		if (!p || t < best_t)
			best_t = t;
	}
	printf("%-40s %9.0f words/s %8.1f articles/s\n",
	       "clean + extract (isnad extract)", (double)total_words / best_x,
	       (double)n_docs / best_x);
	printf("%-40s %9.0f words/s %8.1f articles/s\n",
	       "reference: tokenize + NER tagger only",
	       (double)total_words / best_t, (double)n_docs / best_t);
	printf("extract / tagger-only time: %.2fx (target: >= 300000 "
	       "words/s for clean + extract)\n",
	       best_x / best_t);
	printf("peak RSS: %.1f MB (corpus loaded: %.1f MB)\n",
	       bench_peak_rss_mb(), rss_loaded);
	fclose(sink);
	isnad_ner_tagger_free(tg);
	isnad_tokenizer_free(tk);
	isnad_extractor_free(ex);
	for (size_t i = 0; i < n_docs; i++)
		free(docs[i].s);
	free(docs);
	return 0;
}
