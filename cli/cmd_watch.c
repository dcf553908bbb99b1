/*
 * cmd_watch.c - `isnad watch`: polls RSS/Atom feeds and ingests the
 * articles they link.
 *
 * Each round fetches every feed that is due (libcurl, conditional on the
 * ETag / Last-Modified it gave last time), reads its items with the
 * readers, fetches each linked page the store does not hold yet and sends
 * it through the ingest pipeline.  Feed state (validators, consecutive
 * failures, the time of the next fetch) lives in the store, so a later run
 * or a restart continues where this one stopped.  A feed that fails backs
 * off exponentially (one minute doubling up to six hours); new validators
 * are kept only when every item of the feed was handled, so a page that
 * failed is tried again on the next round instead of hiding behind a 304.
 * SIGINT/SIGTERM end the loop after the current document.
 */
#include <curl/curl.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "isnad/ingest.h"
#include "isnad/read.h"
#include "isnad/store.h"

#define FETCH_MAX (16L << 20)  /* bytes of one feed or page */
#define BACKOFF_MIN 60         /* seconds after the first failure */
#define BACKOFF_MAX (6 * 3600) /* cap of the exponential back-off */
#define USER_AGENT "isnad/" ISNAD_VERSION " (news watch)"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

struct fetch {
	char *data;
	size_t len, cap;
	int too_big;
	char etag[512];
	char last_modified[128];
};

struct round {
	int feeds, fetched, not_modified, failed_feeds, backing_off;
	int added, duplicates, known, empty, failed;
};

struct watch {
	CURL *curl;
	struct isnad_store *st;
	struct isnad_ingest *ig;
	long every; /* seconds between fetches of a feed */
	int json;
	struct round r;
	const char *feed;  /* the feed being read */
	int item_failures; /* items of this feed not handled */
	struct fetch page;
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	struct fetch *f = ud;
	size_t len = size * n;
	if (f->len + len > (size_t)FETCH_MAX) {
		f->too_big = 1;
		return 0; /* abort the transfer */
	}
	if (f->len + len + 1 > f->cap) {
		size_t cap = f->cap ? f->cap : 65536;
		char *q;
		while (cap < f->len + len + 1)
			cap *= 2;
		q = realloc(f->data, cap);
		if (!q)
			return 0;
		f->data = q;
		f->cap = cap;
	}
	memcpy(f->data + f->len, p, len);
	f->len += len;
	f->data[f->len] = '\0';
	return len;
}

/* Keep ETag and Last-Modified of the final response. */
static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct fetch *f = ud;
	size_t len = size * n, k;
	char *dst = NULL;
	size_t dst_len = 0;
	if (len > 5 && !strncmp(p, "HTTP/", 5)) {
		/* a new response (after a redirect): forget the last one */
		f->etag[0] = f->last_modified[0] = '\0';
		return len;
	}
	if (len > 5 && !strncasecmp(p, "etag:", 5)) {
		dst = f->etag;
		dst_len = sizeof f->etag;
		k = 5;
	} else if (len > 14 && !strncasecmp(p, "last-modified:", 14)) {
		dst = f->last_modified;
		dst_len = sizeof f->last_modified;
		k = 14;
	}
	if (dst) {
		size_t e = len;
		while (k < len && (p[k] == ' ' || p[k] == '\t'))
			k++;
		while (e > k && (p[e - 1] == '\r' || p[e - 1] == '\n' ||
		                 p[e - 1] == ' '))
			e--;
		if (e - k < dst_len) {
			memcpy(dst, p + k, e - k);
			dst[e - k] = '\0';
		}
	}
	return len;
}

static void fetch_reset(struct fetch *f)
{
	f->len = 0;
	f->too_big = 0;
	f->etag[0] = f->last_modified[0] = '\0';
	if (f->data)
		f->data[0] = '\0';
}

/*
 * GET url into f, with If-None-Match / If-Modified-Since when given.
 * Returns the HTTP status (304 included), or -1 with a message in err.
 */
static long http_get(CURL *c, const char *url, const char *etag,
                     const char *last_modified, struct fetch *f, char *err,
                     size_t errlen)
{
	struct curl_slist *h = NULL;
	char line[700], cerr[CURL_ERROR_SIZE] = "";
	CURLcode rc;
	long status = 0;
	fetch_reset(f);
	curl_easy_reset(c);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_USERAGENT, USER_AGENT);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE, FETCH_MAX);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, f);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	if (etag && *etag) {
		snprintf(line, sizeof line, "If-None-Match: %s", etag);
		h = curl_slist_append(h, line);
	}
	if (last_modified && *last_modified) {
		snprintf(line, sizeof line, "If-Modified-Since: %s",
		         last_modified);
		h = curl_slist_append(h, line);
	}
	if (h)
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	rc = curl_easy_perform(c);
	curl_slist_free_all(h);
	if (rc != CURLE_OK) {
		if (f->too_big || rc == CURLE_FILESIZE_EXCEEDED)
			snprintf(err, errlen, "larger than %ld bytes",
			         FETCH_MAX);
		else
			snprintf(err, errlen, "%s",
			         cerr[0] ? cerr : curl_easy_strerror(rc));
		return -1;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	return status;
}

/* The charset parameter of the last response's Content-Type, or "". */
static void response_charset(CURL *c, char *out, size_t len)
{
	char *ct = NULL;
	const char *p;
	size_t k;
	out[0] = '\0';
	if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) != CURLE_OK || !ct)
		return;
	for (p = ct; *p; p++)
		if (!strncasecmp(p, "charset=", 8))
			break;
	if (!*p)
		return;
	p += 8;
	while (*p == '"' || *p == '\'' || *p == ' ')
		p++;
	k = strcspn(p, "\"'; \t");
	if (k < len) {
		memcpy(out, p, k);
		out[k] = '\0';
	}
}

static int response_is_text_plain(CURL *c)
{
	char *ct = NULL;
	return curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK &&
	       ct && !strncasecmp(ct, "text/plain", 10);
}

/* One feed item: fetch its page unless stored, and ingest it. */
static int on_item(const struct isnad_record *it, void *ud)
{
	struct watch *w = ud;
	struct isnad_record rec;
	enum isnad_ingest_result res;
	char err[512], charset[64];
	long status;
	isnad_status st;
	if (stop_requested) {
		w->item_failures++; /* not handled: keep the validators */
		return 1;
	}
	if (!it->url || !*it->url) {
		cli_error("'%s': item without a link, skipped", it->source);
		return 0;
	}
	if (isnad_store_has_url(w->st, it->url)) {
		w->r.known++;
		return 0;
	}
	status =
	    http_get(w->curl, it->url, NULL, NULL, &w->page, err, sizeof err);
	if (status != 200) {
		if (status >= 0)
			snprintf(err, sizeof err, "HTTP %ld", status);
		cli_error("'%s': %s", it->url, err);
		w->r.failed++;
		w->item_failures++;
		return 0;
	}
	response_charset(w->curl, charset, sizeof charset);
	memset(&rec, 0, sizeof rec);
	rec.source = it->url;
	rec.url = it->url;
	rec.title = it->title;
	rec.published = it->published;
	rec.outlet = it->outlet;
	rec.author = it->author;
	rec.charset = charset[0] ? charset : NULL;
	rec.body = w->page.data ? w->page.data : "";
	rec.body_len = w->page.len;
	rec.is_html = !response_is_text_plain(w->curl);
	rec.container = rec.is_html ? ISNAD_FMT_HTML : ISNAD_FMT_TEXT;
	err[0] = '\0';
	st = isnad_ingest_record(w->ig, &rec, &res, NULL, err, sizeof err);
	if (st != ISNAD_OK) {
		cli_error("'%s': %s", it->url,
		          err[0] ? err : isnad_strerror(st));
		w->r.failed++;
		w->item_failures++;
		return 0;
	}
	switch (res) {
	case ISNAD_INGEST_ADDED:
	case ISNAD_INGEST_NEAR_DUPLICATE:
		w->r.added++;
		break;
	case ISNAD_INGEST_DUPLICATE:
		w->r.duplicates++;
		break;
	case ISNAD_INGEST_EMPTY:
		w->r.empty++;
		break;
	case ISNAD_INGEST_FAILED:
		cli_error("'%s': %s", it->url, err[0] ? err : "failed");
		w->r.failed++;
		w->item_failures++;
		break;
	}
	return 0;
}

static void on_read_error(const char *source, const char *problem, void *ud)
{
	struct watch *w = ud;
	(void)w;
	cli_error("'%s': %s", source, problem);
}

static long backoff(int failures)
{
	long d = BACKOFF_MIN;
	for (int i = 1; i < failures && d < BACKOFF_MAX; i++)
		d *= 2;
	return d < BACKOFF_MAX ? d : BACKOFF_MAX;
}

/* Fetch and read one feed.  Returns 0, or 1 when the feed failed. */
static int watch_feed(struct watch *w, const char *url, int honour_due)
{
	struct isnad_feed_state fs;
	struct fetch feed;
	char err[512];
	long status;
	int64_t now = (int64_t)time(NULL);
	int failed = 0, keep_validators = 1;
	memset(&feed, 0, sizeof feed);
	memset(&fs, 0, sizeof fs);
	if (isnad_store_feed_get(w->st, url, &fs) != ISNAD_OK) {
		cli_error("'%s': cannot read the feed state: %s", url,
		          isnad_store_errmsg(w->st));
		return 1;
	}
	w->r.feeds++;
	if (honour_due && fs.failures > 0 && fs.next_fetch > now) {
		w->r.backing_off++;
		cli_error("'%s': failed %d time%s, next try in %llds", url,
		          fs.failures, fs.failures == 1 ? "" : "s",
		          (long long)(fs.next_fetch - now));
		isnad_feed_state_release(&fs);
		return 0;
	}
	status = http_get(w->curl, url, fs.etag, fs.last_modified, &feed, err,
	                  sizeof err);
	if (status == 304) {
		w->r.not_modified++;
	} else if (status == 200) {
		FILE *f = fmemopen(feed.data, feed.len ? feed.len : 1, "rb");
		isnad_status st;
		w->r.fetched++;
		w->feed = url;
		w->item_failures = 0;
		if (!f || !feed.len) {
			cli_error("'%s': empty response", url);
			failed = 1;
		} else {
			int before = w->r.known + w->r.added + w->r.duplicates +
			             w->r.empty + w->r.failed;
			st = isnad_read_stream(url, f, on_item, on_read_error,
			                       w);
			if (st != ISNAD_OK &&
			    w->r.known + w->r.added + w->r.duplicates +
			            w->r.empty + w->r.failed ==
			        before)
				failed = 1; /* nothing readable in it */
		}
		if (f)
			fclose(f);
		if (w->item_failures || failed) {
			keep_validators = 1; /* retry the whole feed */
		} else {
			keep_validators = 0;
		}
		isnad_ingest_flush(w->ig);
	} else {
		if (status > 0)
			snprintf(err, sizeof err, "HTTP %ld", status);
		cli_error("'%s': %s", url, err);
		failed = 1;
	}
	if (failed) {
		w->r.failed_feeds++;
		fs.failures++;
		fs.next_fetch = now + backoff(fs.failures);
	} else {
		fs.failures = 0;
		fs.next_fetch = now + w->every;
		if (!keep_validators) {
			isnad_free(fs.etag);
			isnad_free(fs.last_modified);
			fs.etag = feed.etag[0] ? feed.etag : NULL;
			fs.last_modified =
			    feed.last_modified[0] ? feed.last_modified : NULL;
		}
	}
	if (isnad_store_feed_put(w->st, url, &fs) != ISNAD_OK)
		cli_error("'%s': cannot save the feed state: %s", url,
		          isnad_store_errmsg(w->st));
	if (!failed && !keep_validators)
		fs.etag = fs.last_modified = NULL; /* they were not ours */
	isnad_feed_state_release(&fs);
	free(feed.data);
	return failed || w->item_failures;
}

/* "30s", "10m", "1h", "2d" or plain seconds; -1 if invalid. */
static long parse_every(const char *s)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || v <= 0)
		return -1;
	switch (*end) {
	case '\0':
	case 's':
		break;
	case 'm':
		v *= 60;
		break;
	case 'h':
		v *= 3600;
		break;
	case 'd':
		v *= 86400;
		break;
	default:
		return -1;
	}
	if (*end && end[1])
		return -1;
	return v;
}

static void print_round(const struct watch *w)
{
	const struct round *r = &w->r;
	fprintf(stderr,
	        "isnad: watch: %d feed%s: %d fetched, %d not modified, "
	        "%d failed, %d backing off; %d article%s added, "
	        "%d duplicate%s, %d already stored, %d empty, %d failed\n",
	        r->feeds, r->feeds == 1 ? "" : "s", r->fetched, r->not_modified,
	        r->failed_feeds, r->backing_off, r->added,
	        r->added == 1 ? "" : "s", r->duplicates,
	        r->duplicates == 1 ? "" : "s", r->known, r->empty, r->failed);
	if (w->json)
		printf("{\"feeds\":%d,\"fetched\":%d,\"not_modified\":%d,"
		       "\"failed_feeds\":%d,\"backing_off\":%d,\"added\":%d,"
		       "\"duplicates\":%d,\"known\":%d,\"empty\":%d,"
		       "\"failed\":%d}\n",
		       r->feeds, r->fetched, r->not_modified, r->failed_feeds,
		       r->backing_off, r->added, r->duplicates, r->known,
		       r->empty, r->failed);
	fflush(stdout);
}

static const char watch_usage[] =
    "usage: isnad watch [--db PATH] [--every 10m] [--once] [--json] "
    "FEED_URL...\n"
    "Polls RSS/Atom feeds, fetches the articles they link and ingests the\n"
    "new ones.  ETag/Last-Modified are honoured; a failing feed backs off\n"
    "(1 minute doubling up to 6 hours).  --every: 30s, 10m, 1h (default\n"
    "10m).  --once: one round, then exit.  --json: a summary object per\n"
    "round on stdout.  Without --once it runs until SIGINT/SIGTERM.\n"
    "Store: --db, $ISNAD_DB or ./isnad.db.  Exit: 0 ok, 1 some feed or\n"
    "article failed, 2 misuse.\n";

int cmd_watch(int argc, char **argv)
{
	struct watch w;
	const char *db = NULL;
	char errbuf[512];
	char **feeds;
	int n = 0, once = 0, rc = 0;
	struct sigaction sa;
	memset(&w, 0, sizeof w);
	w.every = 600;
	feeds = calloc((size_t)argc + 1, sizeof *feeds);
	if (!feeds) {
		cli_error("out of memory");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(watch_usage, stdout);
			free(feeds);
			return 0;
		} else if (!strcmp(a, "--once")) {
			once = 1;
		} else if (!strcmp(a, "--json")) {
			w.json = 1;
		} else if (!strcmp(a, "--db") || !strncmp(a, "--db=", 5)) {
			if (a[4] == '=')
				db = a + 5;
			else if (i + 1 < argc)
				db = argv[++i];
			else
				goto misuse;
		} else if (!strcmp(a, "--every") ||
		           !strncmp(a, "--every=", 8)) {
			const char *v = a[7] == '='
			                    ? a + 8
			                    : (i + 1 < argc ? argv[++i] : "");
			w.every = parse_every(v);
			if (w.every < 0) {
				cli_error(
				    "bad --every '%s' (e.g. 30s, 10m, 1h)", v);
				free(feeds);
				return EXIT_MISUSE;
			}
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s'", a);
			goto misuse;
		} else if (strncmp(a, "http://", 7) &&
		           strncmp(a, "https://", 8)) {
			cli_error("'%s': not an http(s) URL", a);
			goto misuse;
		} else {
			feeds[n++] = argv[i];
		}
	}
	if (!n) {
		cli_error("no feed URL given");
		goto misuse;
	}
	db = cli_db_path(db);

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    !(w.curl = curl_easy_init())) {
		cli_error("cannot start libcurl");
		free(feeds);
		return 1;
	}
	if (isnad_store_open(db, &w.st, errbuf, sizeof errbuf) != ISNAD_OK) {
		cli_error("%s", errbuf);
		rc = 1;
		goto out;
	}
	if (isnad_ingest_new(w.st, 0, &w.ig) != ISNAD_OK) {
		cli_error("'%s': cannot start ingesting: %s", db,
		          isnad_store_errmsg(w.st));
		rc = 1;
		goto out;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	for (;;) {
		int64_t next = 0, now;
		memset(&w.r, 0, sizeof w.r);
		rc = 0;
		for (int i = 0; i < n && !stop_requested; i++) {
			struct isnad_feed_state fs;
			memset(&fs, 0, sizeof fs);
			/* in the loop, only the feeds that are due */
			if (!once &&
			    isnad_store_feed_get(w.st, feeds[i], &fs) ==
			        ISNAD_OK &&
			    fs.next_fetch > (int64_t)time(NULL)) {
				isnad_feed_state_release(&fs);
				continue;
			}
			isnad_feed_state_release(&fs);
			if (watch_feed(&w, feeds[i], 1))
				rc = 1;
		}
		if (w.r.feeds || once)
			print_round(&w);
		if (once || stop_requested)
			break;
		/* sleep until the next feed is due (or a signal) */
		for (int i = 0; i < n; i++) {
			struct isnad_feed_state fs;
			memset(&fs, 0, sizeof fs);
			if (isnad_store_feed_get(w.st, feeds[i], &fs) ==
			    ISNAD_OK) {
				if (!next || fs.next_fetch < next)
					next = fs.next_fetch;
			}
			isnad_feed_state_release(&fs);
		}
		now = (int64_t)time(NULL);
		while (!stop_requested && now < next) {
			sleep(1);
			now = (int64_t)time(NULL);
		}
		if (stop_requested)
			break;
	}
	if (stop_requested)
		rc = 0;
out:
	isnad_ingest_free(w.ig);
	isnad_store_close(w.st);
	curl_easy_cleanup(w.curl);
	curl_global_cleanup();
	free(w.page.data);
	free(feeds);
	return rc;
misuse:
	fputs(watch_usage, stderr);
	free(feeds);
	return EXIT_MISUSE;
}
