/*
 * bench_boiler.c - HTML boilerplate removal on the shared evaluation pages:
 * writes what isnad keeps of every page (JSON Lines, for bench/
 * boiler_score.py, which scores it beside Readability's output) and reports
 * pages/s and peak RSS.  Pages are read one at a time (gzip through zlib),
 * so the RSS is the extractor's, not the corpus's; the clock runs only
 * around isnad_html_extract.
 *
 *   bench_boiler SHARED OUT.jsonl [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include <jansson.h>
#include <zlib.h>

#include "isnad/isnad.h"
#include "isnad/boiler.h"

static char *read_any(const char *path, size_t *len_out)
{
	gzFile f = gzopen(path, "rb");
	size_t cap = 1 << 16, len = 0;
	char *s;
	int n;
	if (!f)
		return NULL;
	s = malloc(cap);
	while (s && (n = gzread(f, s + len, (unsigned)(cap - len))) > 0) {
		len += (size_t)n;
		if (len == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t) {
				free(s);
				s = NULL;
			}
			s = t;
		}
	}
	gzclose(f);
	*len_out = len;
	return s;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct job {
	char set[24];
	char id[160];
	char path[1024];
	char url[1024];
};

static void put(FILE *out, const struct job *j, const struct isnad_page *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "set", json_string(j->set));
	json_object_set_new(o, "id", json_string(j->id));
	json_object_set_new(o, "text", json_string(p->text ? p->text : ""));
	json_object_set_new(o, "title",
	                    p->title ? json_string(p->title) : json_null());
	json_object_set_new(o, "published",
	                    p->published ? json_string(p->published)
	                                 : json_null());
	json_object_set_new(o, "outlet",
	                    p->outlet ? json_string(p->outlet) : json_null());
	char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII * 0);
	if (s) {
		fprintf(out, "%s\n", s);
		free(s);
	}
	json_decref(o);
}

int main(int argc, char **argv)
{
	const char *shared = argc > 1 ? argv[1] : "../shared";
	const char *outp = argc > 2 ? argv[2] : "build/boiler_isnad.jsonl";
	int rounds = argc > 3 ? atoi(argv[3]) : 5;
	char path[1024];
	struct job *jobs = NULL;
	size_t nj = 0, cj = 0;
	json_error_t err;
	json_t *gt;
	const char *key;
	json_t *val;
	FILE *out;

	snprintf(path, sizeof(path),
	         "%s/data/boilerplate/scrapinghub_aeb/ground-truth.json",
	         shared);
	gt = json_load_file(path, 0, &err);
	if (!gt) {
		fprintf(stderr, "bench_boiler: cannot read '%s'\n", path);
		return 1;
	}
	json_object_foreach(gt, key, val)
	{
		if (nj == cj) {
			cj = cj ? cj * 2 : 256;
			jobs = realloc(jobs, cj * sizeof(*jobs));
			if (!jobs)
				return 1;
		}
		struct job *j = &jobs[nj++];
		const char *u = json_string_value(json_object_get(val, "url"));
		snprintf(j->set, sizeof(j->set), "aeb");
		snprintf(j->id, sizeof(j->id), "%s", key);
		snprintf(j->path, sizeof(j->path),
		         "%s/data/boilerplate/scrapinghub_aeb/html/%s.html.gz",
		         shared, key);
		snprintf(j->url, sizeof(j->url), "%s", u ? u : "");
	}
	json_decref(gt);
	size_t n_aeb = nj;
	snprintf(path, sizeof(path),
	         "%s/data/boilerplate/arabic_news/gold.jsonl", shared);
	FILE *g = fopen(path, "r");
	char line[1 << 16];
	while (g && fgets(line, sizeof(line), g)) {
		json_t *o = json_loads(line, 0, &err);
		if (!o)
			continue;
		if (nj == cj) {
			cj *= 2;
			jobs = realloc(jobs, cj * sizeof(*jobs));
			if (!jobs)
				return 1;
		}
		struct job *j = &jobs[nj++];
		const char *u = json_string_value(json_object_get(o, "url"));
		snprintf(j->set, sizeof(j->set), "arabic");
		snprintf(j->id, sizeof(j->id), "%s",
		         json_string_value(json_object_get(o, "id")));
		snprintf(j->path, sizeof(j->path),
		         "%s/data/boilerplate/arabic_news/%s", shared,
		         json_string_value(json_object_get(o, "file")));
		snprintf(j->url, sizeof(j->url), "%s", u ? u : "");
		json_decref(o);
	}
	if (g)
		fclose(g);
	if (nj == cj) {
		jobs = realloc(jobs, (cj + 1) * sizeof(*jobs));
		if (!jobs)
			return 1;
	}
	{
		struct job *j = &jobs[nj++];
		snprintf(j->set, sizeof(j->set), "trafilatura_ar");
		snprintf(j->id, sizeof(j->id), "assabah.com.tn.article");
		snprintf(j->path, sizeof(j->path),
		         "%s/data/boilerplate/trafilatura_ar/"
		         "assabah.com.tn.article.html",
		         shared);
		j->url[0] = '\0';
	}

	out = fopen(outp, "w");
	if (!out) {
		fprintf(stderr, "bench_boiler: cannot write '%s'\n", outp);
		return 1;
	}
	double t_aeb = 0, mb = 0;
	size_t pages = 0, failed = 0;
	for (int r = 0; r < rounds; r++) {
		for (size_t i = 0; i < nj; i++) {
			size_t len;
			char *html = read_any(jobs[i].path, &len);
			struct isnad_page p;
			double t0, t1;
			isnad_status st;
			if (!html) {
				fprintf(stderr,
				        "bench_boiler: cannot read '%s'\n",
				        jobs[i].path);
				continue;
			}
			t0 = now();
			st = isnad_html_extract(
			    html, len, NULL,
			    jobs[i].url[0] ? jobs[i].url : NULL, &p);
			t1 = now();
			if (i < n_aeb) {
				t_aeb += t1 - t0;
				mb += (double)len / 1e6;
				pages++;
			}
			if (st)
				failed++;
			if (r == 0)
				put(out, &jobs[i], &p);
			isnad_page_release(&p);
			free(html);
		}
	}
	fclose(out);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("{\"tool\":\"isnad\",\"pages\":%zu,\"seconds\":%.4f,"
	       "\"pages_per_s\":%.1f,\"mb_per_s\":%.2f,\"peak_rss_mb\":%.1f,"
	       "\"failed\":%zu,\"rounds\":%d}\n",
	       pages, t_aeb, t_aeb > 0 ? (double)pages / t_aeb : 0,
	       t_aeb > 0 ? mb / t_aeb : 0, (double)ru.ru_maxrss / 1024.0,
	       failed, rounds);
	free(jobs);
	return 0;
}
