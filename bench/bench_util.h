/*
 * bench_util.h - the clock and memory readings every benchmark prints.
 */
#ifndef ISNAD_BENCH_UTIL_H
#define ISNAD_BENCH_UTIL_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <time.h>

/* Monotonic seconds. */
static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Peak resident set size of this process so far, in MB. */
static inline double bench_peak_rss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

/* One text of the corpus, NUL-terminated. */
struct bench_doc {
	char *s;
	size_t len;
};

/*
 * The "text" fields of a JSON Lines file, the first max of them (0: all),
 * appended to *docs.  Returns 0, or -1 with a message.
 */
static inline int bench_load_texts(const char *path, struct bench_doc **docs,
                                   size_t *n_docs, size_t *total_bytes,
                                   size_t max)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0, dcap = *n_docs;
	ssize_t n;
	if (!f) {
		fprintf(stderr, "bench: cannot open '%s'\n", path);
		return -1;
	}
	while ((!max || *n_docs < max) && (n = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *o = json_loadb(line, (size_t)n, 0, &err), *t;
		if (!o)
			continue;
		t = json_object_get(o, "text");
		if (json_is_string(t)) {
			struct bench_doc *d;
			if (*n_docs == dcap) {
				struct bench_doc *v;
				dcap = dcap ? dcap * 2 : 1024;
				v = realloc(*docs, dcap * sizeof *v);
				if (!v)
					return -1;
				*docs = v;
			}
			d = &(*docs)[*n_docs];
			d->len = json_string_length(t);
			d->s = malloc(d->len + 1);
			if (!d->s)
				return -1;
			memcpy(d->s, json_string_value(t), d->len + 1);
			*total_bytes += d->len;
			(*n_docs)++;
		}
		json_decref(o);
	}
	free(line);
	fclose(f);
	return 0;
}

#endif
