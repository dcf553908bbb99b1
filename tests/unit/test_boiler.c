/*
 * test_boiler.c - boilerplate removal on real pages: the seeds' flattened
 * text pages against their gold, scrapinghub and Arabic HTML pages from
 * ../shared/data/boilerplate (read at run time, never copied), and bad
 * input (binary, invalid UTF-8, 100,000-deep nesting, allocation failure).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <zlib.h>

#include "harness.h"
#include "isnad/isnad.h"
#include "isnad/boiler.h"

static char *slurp_gz(const char *path, size_t *len_out)
{
	gzFile f = gzopen(path, "rb");
	size_t cap = 1 << 16, len = 0;
	char *s;
	int n;
	if (!f)
		return NULL;
	s = malloc(cap + 1);
	while (s && (n = gzread(f, s + len, (unsigned)(cap - len))) > 0) {
		len += (size_t)n;
		if (len == cap) {
			char *t = realloc(s, (cap *= 2) + 1);
			if (!t)
				free(s);
			s = t;
		}
	}
	gzclose(f);
	if (s)
		s[len] = '\0';
	*len_out = len;
	return s;
}

static json_t *load_json(const char *rel)
{
	char path[1024];
	json_error_t err;
	snprintf(path, sizeof(path), "%s/%s", harness_shared(), rel);
	return json_load_file(path, 0, &err);
}

static int valid_utf8(const char *s, size_t n)
{
	return isnad_utf8_valid_prefix(s, n) == n;
}

/* ---- flattened text pages: the seeds ------------------------------------- */

TEST(boiler_text_seeds_match_gold)
{
	static const char *const seeds[] = {
	    "000_d7045005b1b551ef.txt", "001_c3bd0c4db61350cf.txt",
	    "002_ed962ffacf59246b.txt", "003_08cc6811943044f1.txt"};
	for (size_t i = 0; i < 4; i++) {
		char gp[64];
		size_t len;
		char *t = harness_seed(seeds[i], &len);
		json_t *g, *v;
		struct isnad_page p;
		size_t k;
		snprintf(gp, sizeof(gp), "seeds/gold/%.3s.gold.json", seeds[i]);
		g = load_json(gp);
		CHECK(t != NULL && g != NULL);
		if (!t || !g) {
			free(t);
			json_decref(g);
			continue;
		}
		CHECK_INT(isnad_text_extract(t, len, &p), ISNAD_OK);
		CHECK(p.text && valid_utf8(p.text, p.text_len));
		json_array_foreach(json_object_get(json_object_get(g, "clean"),
		                                   "must_contain"),
		                   k, v)
		{
			if (!p.text || !strstr(p.text, json_string_value(v)))
				harness_fail(__FILE__, __LINE__,
				             "%s: missing '%s'", seeds[i],
				             json_string_value(v));
		}
		json_array_foreach(json_object_get(json_object_get(g, "clean"),
		                                   "must_not_contain"),
		                   k, v)
		{
			if (p.text && strstr(p.text, json_string_value(v)))
				harness_fail(__FILE__, __LINE__,
				             "%s: kept '%s'", seeds[i],
				             json_string_value(v));
		}
		v = json_object_get(g, "title");
		if (json_is_string(v))
			CHECK(p.title &&
			      !strcmp(p.title, json_string_value(v)));
		else
			CHECK(p.title == NULL);
		v = json_object_get(g, "published");
		if (json_is_string(v))
			CHECK(p.published &&
			      !strncmp(p.published, json_string_value(v), 10));
		v = json_object_get(g, "outlet");
		if (json_is_string(v))
			CHECK(p.outlet &&
			      !strcmp(p.outlet, json_string_value(v)));
		v = json_object_get(g, "tags");
		if (json_is_array(v)) {
			CHECK_INT(p.n_tags, json_array_size(v));
			for (k = 0; k < p.n_tags && k < json_array_size(v); k++)
				CHECK_STR(p.tags[k], json_string_value(
				                         json_array_get(v, k)));
		}
		/* paragraphs are separated by blank lines, never run on */
		CHECK(p.text && strstr(p.text, "\n\n") != NULL);
		isnad_page_release(&p);
		json_decref(g);
		free(t);
	}
}

TEST(boiler_text_structure_not_phrases)
{
	/* a page the seeds never showed: ticker pieces, a dateline, a
	 * repeated headline, a prompt, a comma tag list */
	const char *page =
	    "أخبار    رياضة    اقتصاد    ثقافة    منوعات    فيديو\n"
	    "الخميس 3 حزيران 2021\n"
	    "وزير المالية يعلن موازنة جديدة للعام المقبل\n"
	    "\n"
	    "وزير المالية يعلن موازنة جديدة للعام المقبل\n"
	    "أعلن وزير المالية اليوم عن موازنة جديدة للعام المقبل تتضمن "
	    "زيادة في الإنفاق على الصحة والتعليم، وفق ما ذكرت الوكالة.\n"
	    "وقال الوزير في مؤتمر صحفي إن العجز سينخفض إلى ثلاثة في المئة "
	    "من الناتج المحلي بحلول نهاية العام.\n"
	    "أضف تعليقك\n"
	    "موازنة ، مالية ، اقتصاد\n";
	struct isnad_page p;
	CHECK_INT(isnad_text_extract(page, strlen(page), &p), ISNAD_OK);
	CHECK(p.text && strstr(p.text, "أعلن وزير المالية اليوم"));
	CHECK(p.text && strstr(p.text, "بحلول نهاية العام."));
	CHECK(p.text && !strstr(p.text, "رياضة"));
	CHECK(p.text && !strstr(p.text, "أضف تعليقك"));
	CHECK(p.text && !strstr(p.text, "يعلن موازنة"));
	CHECK(p.title &&
	      !strcmp(p.title, "وزير المالية يعلن موازنة جديدة للعام المقبل"));
	CHECK(p.published && !strcmp(p.published, "2021-06-03"));
	CHECK_INT(p.n_tags, 3);
	isnad_page_release(&p);
}

TEST(boiler_text_keeps_the_dateline)
{
	/* «PLACE - OUTLET» under the body names where the report was filed
	 * and who filed it: it stays; a prompt after it does not */
	const char *page =
	    "الحكومة تعلن خطة جديدة لدعم المزارعين هذا العام\n"
	    "\n"
	    "صحيفة المساء\n"
	    "\n"
	    "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق "
	    "الريفية، تشمل قروضا ميسرة وبذورا محسنة.\n"
	    "وقال وزير الزراعة إن الخطة ستبدأ في الربيع المقبل وتستمر ثلاث "
	    "سنوات على الأقل.\n"
	    "\n"
	    "بيروت - صحيفة المساء\n"
	    "\n"
	    "شارك الموضوع\n";
	struct isnad_page p;
	CHECK_INT(isnad_text_extract(page, strlen(page), &p), ISNAD_OK);
	CHECK(p.outlet && !strcmp(p.outlet, "صحيفة المساء"));
	CHECK(p.text && strstr(p.text, "على الأقل.\n\nبيروت - صحيفة المساء"));
	CHECK(p.text && !strstr(p.text, "شارك الموضوع"));
	isnad_page_release(&p);
}

TEST(boiler_text_bad_input)
{
	struct isnad_page p;
	const char bad[] = "\xff\xfe\x80 \xc3\x28 text\n\0\0binary\x01\x02";
	CHECK_INT(isnad_text_extract("", 0, &p), ISNAD_OK);
	CHECK(p.text && p.text_len == 0);
	isnad_page_release(&p);
	CHECK_INT(isnad_text_extract(bad, sizeof(bad) - 1, &p), ISNAD_OK);
	CHECK(p.text && valid_utf8(p.text, p.text_len));
	isnad_page_release(&p);
	CHECK_INT(isnad_text_extract(NULL, 5, &p), ISNAD_EINVAL);
	CHECK(p.text == NULL);
}

/* ---- dates --------------------------------------------------------------- */

TEST(boiler_html_dates_in_every_regional_month_set)
{
	static const char *const cases[][2] = {
	    {"<p>الاثنين 8 كانون الثاني 2026</p>", "2026-01-08"},
	    {"<p>نشر في ٣ يونيو ٢٠٢٠ - ١٠:٣٠ ص</p>", "2020-06-03"},
	    {"<p>12 جانفي 2021</p>", "2021-01-12"},
	    {"<p>تاريخ النشر: 24 أبريل/نيسان 2020</p>", "2020-04-24"},
	    {"<p>25 دجنبر 2020 - 14:00</p>", "2020-12-25"},
	    {"<p>السبت 9 تشرين الثاني 2019</p>", "2019-11-09"},
	    {"<p>17/03/2020</p>", "2020-03-17"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char html[512];
		struct isnad_page p;
		snprintf(html, sizeof(html),
		         "<html><body><h1>عنوان الخبر هنا</h1>%s<p>%s</p>"
		         "</body></html>",
		         cases[i][0],
		         "نص الخبر الكامل كما نشرته الصحيفة في عددها الصادر "
		         "صباح اليوم، وفيه تفاصيل كثيرة عن الحدث.");
		CHECK_INT(
		    isnad_html_extract(html, strlen(html), NULL, NULL, &p),
		    ISNAD_OK);
		if (!p.published || strcmp(p.published, cases[i][1]))
			harness_fail(__FILE__, __LINE__, "%s -> %s",
			             cases[i][0],
			             p.published ? p.published : "(null)");
		isnad_page_release(&p);
	}
}

/* ---- HTML: markup handling ----------------------------------------------- */

static const char article_page[] =
    "<!DOCTYPE html><html><head><title>Rain falls on the city - Daily "
    "Planet</title><meta property='og:site_name' content='Daily Planet'>"
    "<meta property='article:published_time' "
    "content='2020-06-03T10:00:00+04:00'>"
    "<meta name='keywords' content='weather, city,rain'>"
    "<link rel='canonical' href='https://www.planet.example/a/1'></head>"
    "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
    "<div class='menu'><ul><li><a href='/1'>One story</a></li>"
    "<li><a href='/2'>Another story</a></li></ul></div>"
    "<div class='article-body'><h1>Rain falls on the city</h1>"
    "<p>It rained &amp; poured all day, the <b>weather</b> <i>office</i> "
    "said on Tuesday, and more is expected tomorrow.</p>"
    "<p>Streets were flooded in the old town.<br>Buses stopped running "
    "for an hour while crews cleared the drains.</p>"
    "<div class='share-buttons'><a href='#'>Share on Facebook</a></div>"
    "</div><div id='comments'><p>Great article, I really enjoyed reading "
    "it and will tell all my friends about it tomorrow.</p></div>"
    "<footer>Copyright 2020 Daily Planet. All rights reserved.</footer>"
    "</body></html>";

TEST(boiler_html_keeps_paragraphs_drops_chrome)
{
	struct isnad_page p;
	CHECK_INT(isnad_html_extract(article_page, sizeof(article_page) - 1,
	                             NULL, NULL, &p),
	          ISNAD_OK);
	CHECK(p.text && strstr(p.text, "It rained & poured all day, the "
	                               "weather office said"));
	CHECK(p.text && strstr(p.text, "tomorrow.\n\nStreets were flooded"));
	CHECK(p.text && strstr(p.text, "old town.\nBuses stopped"));
	CHECK(p.text && !strstr(p.text, "Home"));
	CHECK(p.text && !strstr(p.text, "Another story"));
	CHECK(p.text && !strstr(p.text, "Share on"));
	CHECK(p.text && !strstr(p.text, "Great article"));
	CHECK(p.text && !strstr(p.text, "Copyright"));
	CHECK(p.title && !strcmp(p.title, "Rain falls on the city"));
	CHECK(p.outlet && !strcmp(p.outlet, "Daily Planet"));
	CHECK(p.published && !strncmp(p.published, "2020-06-03T10:00", 16));
	CHECK(p.url && !strcmp(p.url, "https://www.planet.example/a/1"));
	CHECK_INT(p.n_tags, 3);
	isnad_page_release(&p);
}

TEST(boiler_html_charset_from_meta_and_hint)
{
	/* "مرحبا بكم" in Windows-1256, declared by <meta> only */
	const char page[] =
	    "<html><head><meta http-equiv='Content-Type' content='text/html;"
	    " charset=windows-1256'></head><body><p>\xE3\xD1\xCD\xC8\xC7 "
	    "\xC8\xDF\xE3</p></body></html>";
	struct isnad_page p;
	CHECK_INT(isnad_html_extract(page, sizeof(page) - 1, NULL, NULL, &p),
	          ISNAD_OK);
	CHECK(p.text && !strcmp(p.text, "مرحبا بكم"));
	isnad_page_release(&p);
	CHECK_INT(isnad_html_extract(page + 99, sizeof(page) - 100,
	                             "windows-1256", "http://x.example/", &p),
	          ISNAD_OK);
	CHECK(p.text && strstr(p.text, "مرحبا بكم"));
	CHECK(p.outlet && !strcmp(p.outlet, "x.example"));
	isnad_page_release(&p);
}

TEST(boiler_html_deep_nesting_survives)
{
	const size_t depth = 100000;
	static const char *const open[] = {"<div>", "<b>", "<p><span>"};
	for (size_t k = 0; k < 3; k++) {
		size_t ol = strlen(open[k]);
		const char *tail = "deep text at the bottom of the page.";
		char *h = malloc(depth * ol + 64);
		struct isnad_page p;
		isnad_status st;
		for (size_t i = 0; i < depth; i++)
			memcpy(h + i * ol, open[k], ol);
		strcpy(h + depth * ol, tail);
		st = isnad_html_extract(h, depth * ol + strlen(tail), NULL,
		                        NULL, &p);
		CHECK(st == ISNAD_OK);
		if (st == ISNAD_OK)
			CHECK(p.text && valid_utf8(p.text, p.text_len));
		isnad_page_release(&p);
		free(h);
	}
}

TEST(boiler_html_bad_input)
{
	struct isnad_page p;
	unsigned char bin[4096];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof(bin); i++) {
		x = x * 1103515245u + 12345u;
		bin[i] = (unsigned char)(x >> 24);
	}
	CHECK_INT(isnad_html_extract("", 0, NULL, NULL, &p), ISNAD_OK);
	CHECK(p.text && !p.text_len);
	isnad_page_release(&p);
	CHECK_INT(
	    isnad_html_extract((const char *)bin, sizeof(bin), NULL, NULL, &p),
	    ISNAD_OK);
	CHECK(p.text && valid_utf8(p.text, p.text_len));
	isnad_page_release(&p);
	CHECK_INT(
	    isnad_html_extract("<p>\xff\xfe\xc3(</p>", 12, "utf-8", NULL, &p),
	    ISNAD_OK);
	CHECK(p.text && valid_utf8(p.text, p.text_len));
	isnad_page_release(&p);
	CHECK_INT(isnad_html_extract(NULL, 3, NULL, NULL, &p), ISNAD_EINVAL);
	CHECK(p.text == NULL);
}

TEST(boiler_html_out_of_memory)
{
	int ok = 0;
	for (int n = 0; n < 400 && !ok; n++) {
		struct isnad_page p;
		isnad_status st;
		harness_fail_allocs_after(n);
		st = isnad_html_extract(article_page, sizeof(article_page) - 1,
		                        NULL, NULL, &p);
		harness_fail_allocs_after(-1);
		CHECK(st == ISNAD_OK || st == ISNAD_ENOMEM);
		if (st)
			CHECK(p.text == NULL && p.title == NULL && !p.n_tags);
		ok = st == ISNAD_OK;
		isnad_page_release(&p);
	}
	CHECK(ok);
	ok = 0;
	for (int n = 0; n < 400 && !ok; n++) {
		struct isnad_page p;
		size_t len;
		char *t = harness_seed("001_c3bd0c4db61350cf.txt", &len);
		isnad_status st;
		if (!t)
			break;
		harness_fail_allocs_after(n);
		st = isnad_text_extract(t, len, &p);
		harness_fail_allocs_after(-1);
		CHECK(st == ISNAD_OK || st == ISNAD_ENOMEM);
		ok = st == ISNAD_OK;
		isnad_page_release(&p);
		free(t);
	}
	CHECK(ok);
}

/* ---- HTML: real pages ---------------------------------------------------- */

/* 4-token shingles of \w-ish tokens (ASCII alnum and any non-ASCII byte
 * runs), hashed and sorted */
static size_t shingles(const char *s, uint64_t **out)
{
	size_t nt = 0, ct = 256, ns = 0;
	uint64_t *tok = malloc(ct * sizeof(*tok)), *sh;
	for (size_t i = 0; s[i];) {
		uint64_t h = 1469598103934665603ull;
		int any = 0;
		while (s[i] && ((unsigned char)s[i] >= 0x80 ||
		                (s[i] >= '0' && s[i] <= '9') ||
		                (s[i] >= 'a' && s[i] <= 'z') ||
		                (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_')) {
			h = (h ^ (unsigned char)s[i++]) * 1099511628211ull;
			any = 1;
		}
		if (any) {
			if (nt == ct)
				tok = realloc(tok, (ct *= 2) * sizeof(*tok));
			tok[nt++] = h;
		} else {
			i++;
		}
	}
	sh = malloc((nt + 1) * sizeof(*sh));
	for (size_t i = 0; i + 4 <= nt; i++)
		sh[ns++] = tok[i] * 31 + tok[i + 1] * 961 + tok[i + 2] * 29791 +
		           tok[i + 3];
	free(tok);
	for (size_t i = 1; i < ns; i++) /* insertion sort is fine here */
		for (size_t j = i; j > 0 && sh[j - 1] > sh[j]; j--) {
			uint64_t t = sh[j];
			sh[j] = sh[j - 1];
			sh[j - 1] = t;
		}
	*out = sh;
	return ns;
}

static void shingle_pr(const char *pred, const char *gold, double *p, double *r)
{
	uint64_t *a, *b;
	size_t na = shingles(pred, &a), nb = shingles(gold, &b), i = 0, j = 0,
	       tp = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			tp++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	*p = na ? (double)tp / (double)na : 0;
	*r = nb ? (double)tp / (double)nb : 1;
	free(a);
	free(b);
}

TEST(boiler_html_scrapinghub_pages_f1)
{
	json_t *gt = load_json("data/boilerplate/scrapinghub_aeb/"
	                       "ground-truth.json");
	const char *key;
	json_t *v;
	double sp = 0, sr = 0;
	int n = 0;
	CHECK(gt != NULL);
	if (!gt)
		return;
	json_object_foreach(gt, key, v)
	{
		char path[1024];
		size_t len;
		char *h;
		struct isnad_page p;
		double pp, rr;
		if (n >= 40)
			break;
		snprintf(path, sizeof(path),
		         "%s/data/boilerplate/scrapinghub_aeb/html/%s.html.gz",
		         harness_shared(), key);
		h = slurp_gz(path, &len);
		CHECK(h != NULL);
		if (!h)
			continue;
		CHECK_INT(isnad_html_extract(h, len, NULL, NULL, &p), ISNAD_OK);
		shingle_pr(p.text ? p.text : "",
		           json_string_value(json_object_get(v, "articleBody")),
		           &pp, &rr);
		sp += pp;
		sr += rr;
		n++;
		isnad_page_release(&p);
		free(h);
	}
	json_decref(gt);
	CHECK(n == 40);
	if (n) {
		double P = sp / n, R = sr / n, F = 2 * P * R / (P + R);
		if (F < 0.88)
			harness_fail(__FILE__, __LINE__,
			             "F1 %.3f (P %.3f R %.3f) on %d pages", F,
			             P, R, n);
	}
}

TEST(boiler_html_arabic_pages)
{
	char path[1024];
	FILE *f;
	char line[1 << 16];
	int dates = 0, dates_ok = 0, bodies = 0;
	snprintf(path, sizeof(path),
	         "%s/data/boilerplate/arabic_news/gold.jsonl",
	         harness_shared());
	f = fopen(path, "r");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f)) {
		json_error_t err;
		json_t *g = json_loads(line, 0, &err), *v;
		struct isnad_page p;
		size_t len, k;
		char *h;
		if (!g)
			continue;
		snprintf(path, sizeof(path),
		         "%s/data/boilerplate/arabic_news/%s", harness_shared(),
		         json_string_value(json_object_get(g, "file")));
		h = slurp_gz(path, &len);
		CHECK(h != NULL);
		if (h && isnad_html_extract(
		             h, len, NULL,
		             json_string_value(json_object_get(g, "url")),
		             &p) == ISNAD_OK) {
			const char *pub =
			    json_string_value(json_object_get(g, "published"));
			CHECK(p.text && valid_utf8(p.text, p.text_len));
			if (pub) {
				dates++;
				dates_ok += p.published &&
				            !strncmp(p.published, pub, 10);
			}
			v = json_object_get(g, "body");
			if (json_is_string(v)) {
				double pp, rr;
				/* the README's advice: drop the player lines
				 * the annotators saw but the HTML lacks */
				char *gold = strdup(json_string_value(v));
				json_t *x;
				json_array_foreach(
				    json_object_get(g,
				                    "body_lines_not_in_html"),
				    k, x)
				{
					const char *l = json_string_value(x);
					char *at;
					size_t ln = l ? strlen(l) : 0;
					while (ln && (at = strstr(gold, l)))
						memset(at, ' ', ln);
				}
				bodies++;
				shingle_pr(p.text, gold, &pp, &rr);
				free(gold);
				if (pp < 0.8 || rr < 0.8)
					harness_fail(
					    __FILE__, __LINE__,
					    "%s: P %.2f R %.2f",
					    json_string_value(
					        json_object_get(g, "id")),
					    pp, rr);
			}
			json_array_foreach(json_object_get(g, "must_contain"),
			                   k, v)
			    CHECK(p.text &&
			          strstr(p.text, json_string_value(v)));
			json_array_foreach(
			    json_object_get(g, "must_not_contain"), k, v)
			    CHECK(p.text &&
			          !strstr(p.text, json_string_value(v)));
			isnad_page_release(&p);
		}
		free(h);
		json_decref(g);
	}
	if (f)
		fclose(f);
	CHECK(bodies == 4);
	CHECK(dates >= 8 && dates_ok + 1 >= dates);
}
