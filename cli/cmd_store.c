/*
 * cmd_store.c - the store commands: ingest, list, search, show.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "isnad/ingest.h"
#include "isnad/read.h"
#include "isnad/store.h"

const char *cli_db_path(const char *opt)
{
	const char *env = getenv("ISNAD_DB");
	if (opt)
		return opt;
	return env && *env ? env : "isnad.db";
}

/* Options shared by the store commands. */
struct sopts {
	const char *db;
	int json;
	int no_extract;
	size_t limit;
	int n;
	char **args;
};

static int parse(int argc, char **argv, struct sopts *o, const char *usage,
                 int want_limit)
{
	memset(o, 0, sizeof *o);
	o->args = malloc(sizeof(char *) * (size_t)(argc + 1));
	if (!o->args)
		return -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			return 1;
		} else if (!strcmp(a, "--json")) {
			o->json = 1;
		} else if (!strcmp(a, "--no-extract")) {
			o->no_extract = 1;
		} else if (!strcmp(a, "--db") && i + 1 < argc) {
			o->db = argv[++i];
		} else if (!strncmp(a, "--db=", 5)) {
			o->db = a + 5;
		} else if (want_limit && !strcmp(a, "--limit") &&
		           i + 1 < argc) {
			char *e;
			long v = strtol(argv[++i], &e, 10);
			if (*e || v <= 0) {
				cli_error(
				    "--limit wants a positive number, not '%s'",
				    argv[i]);
				return -1;
			}
			o->limit = (size_t)v;
		} else if (!strcmp(a, "--")) {
			while (++i < argc)
				o->args[o->n++] = argv[i];
		} else if (a[0] == '-' && a[1] && strcmp(a, "-") != 0 &&
		           !(want_limit == 2)) {
			cli_error("unknown option '%s'", a);
			fputs(usage, stderr);
			return -1;
		} else {
			o->args[o->n++] = argv[i];
		}
	}
	return 0;
}

static struct isnad_store *open_store(const struct sopts *o)
{
	struct isnad_store *st;
	char err[600];
	if (isnad_store_open(cli_db_path(o->db), &st, err, sizeof err) !=
	    ISNAD_OK) {
		cli_error("%s", err);
		return NULL;
	}
	return st;
}

static void json_opt(FILE *f, const char *key, const char *v, int comma)
{
	fprintf(f, "%s\"%s\":", comma ? "," : "", key);
	if (v)
		json_str(f, v, strlen(v));
	else
		fputs("null", f);
}

/* The fields list and search objects open with (spec/cli.md). */
static void json_doc_head(const char *id, const char *source,
                          const char *title, const char *published)
{
	fputs("{", stdout);
	json_opt(stdout, "id", id, 0);
	json_opt(stdout, "source", source, 1);
	json_opt(stdout, "title", title, 1);
	json_opt(stdout, "published", published, 1);
}

/* ---- ingest -------------------------------------------------------------- */

struct ing {
	struct isnad_ingest *ig;
	size_t seen, added, near, dups, empty, failed;
	int tty, rc;
	double t0, last_draw;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void draw(struct ing *g, int final)
{
	double t = now();
	if (!g->tty || (!final && t - g->last_draw < 0.2))
		return;
	g->last_draw = t;
	fprintf(stderr,
	        "\r\033[Kingest: %zu read, %zu added (%zu near-duplicates), "
	        "%zu duplicates, %zu failed  %.0f/s",
	        g->seen, g->added, g->near, g->dups, g->failed,
	        (double)g->seen / (t - g->t0 > 1e-9 ? t - g->t0 : 1e-9));
	if (final)
		fputc('\n', stderr);
}

static int on_record(const struct isnad_record *r, void *ud)
{
	struct ing *g = ud;
	enum isnad_ingest_result res;
	char err[600];
	isnad_status st;
	g->seen++;
	err[0] = '\0';
	st = isnad_ingest_record(g->ig, r, &res, NULL, err, sizeof err);
	if (st != ISNAD_OK) {
		/* the store itself failed: stop, keeping what is committed */
		if (g->tty)
			fputc('\n', stderr);
		cli_error("'%s': %s", r->source,
		          err[0] ? err : isnad_strerror(st));
		g->failed++;
		g->rc = 1;
		return 1;
	}
	switch (res) {
	case ISNAD_INGEST_ADDED:
		g->added++;
		break;
	case ISNAD_INGEST_NEAR_DUPLICATE:
		g->added++;
		g->near++;
		break;
	case ISNAD_INGEST_DUPLICATE:
		g->dups++;
		break;
	case ISNAD_INGEST_EMPTY:
		g->empty++;
		break;
	case ISNAD_INGEST_FAILED:
		if (g->tty)
			fputs("\r\033[K", stderr);
		cli_error("'%s': %s", r->source, err[0] ? err : "cannot clean");
		g->failed++;
		g->rc = 1;
		break;
	}
	draw(g, 0);
	return 0;
}

static void on_read_error(const char *source, const char *problem, void *ud)
{
	struct ing *g = ud;
	if (g->tty)
		fputs("\r\033[K", stderr);
	cli_error("'%s': %s", source, problem);
	g->failed++;
	g->rc = 1;
}

static int ingest_file(const char *name, FILE *f, void *ud)
{
	struct ing *g = ud;
	isnad_status st =
	    isnad_read_stream(name, f, on_record, on_read_error, g);
	if (st != ISNAD_OK && st != ISNAD_EFORMAT) {
		cli_error("'%s': %s", name, isnad_strerror(st));
		g->rc = 1;
	}
	return g->rc;
}

int cmd_ingest(int argc, char **argv)
{
	struct sopts o;
	struct isnad_store *st;
	struct ing g;
	static char dash[] = "-";
	char *stdin_only[] = {dash};
	int r = parse(
	    argc, argv, &o,
	    "usage: isnad ingest [--db PATH] [--json] [--no-extract] INPUT...\n"
	    "  clean, deduplicate and store documents: text, HTML, JSON "
	    "Lines,\n  WARC, RSS/Atom and .gz of these (by content); "
	    "folders recursively;\n  '-' for stdin.  Idempotent.  "
	    "--json prints {\"added\",\"duplicates\",\n  \"failed\"} on "
	    "stdout.  Store: --db, $ISNAD_DB or ./isnad.db.\n"
	    "  Extraction (isnad extract) is stored for `isnad show`; "
	    "--no-extract\n  skips it.\n",
	    0);
	if (r) {
		free(o.args);
		return r < 0 ? EXIT_MISUSE : 0;
	}
	st = open_store(&o);
	if (!st) {
		free(o.args);
		return 1;
	}
	memset(&g, 0, sizeof g);
	g.tty = isatty(2);
	g.t0 = now();
	if (isnad_ingest_new(st, 0, &g.ig) != ISNAD_OK ||
	    isnad_ingest_set_extract(g.ig, !o.no_extract) != ISNAD_OK) {
		cli_error("%s", isnad_store_errmsg(st));
		isnad_store_close(st);
		free(o.args);
		return 1;
	}
	if (o.n)
		g.rc |= cli_for_each_file(o.n, o.args, ingest_file, &g);
	else
		g.rc |= cli_for_each_file(1, stdin_only, ingest_file, &g);
	if (isnad_ingest_flush(g.ig) != ISNAD_OK) {
		cli_error("cannot commit: %s", isnad_store_errmsg(st));
		g.rc = 1;
	}
	isnad_ingest_free(g.ig);
	draw(&g, 1);
	fprintf(stderr,
	        "isnad: %zu record%s: %zu added (%zu near-duplicates linked "
	        "to their originals), %zu duplicates, %zu without text, %zu "
	        "failed in %.2f s\n",
	        g.seen, g.seen == 1 ? "" : "s", g.added, g.near, g.dups,
	        g.empty, g.failed, now() - g.t0);
	if (o.json)
		printf("{\"added\":%zu,\"duplicates\":%zu,\"failed\":%zu,"
		       "\"near_duplicates\":%zu,\"empty\":%zu}\n",
		       g.added, g.dups, g.failed, g.near, g.empty);
	isnad_store_close(st);
	free(o.args);
	return g.rc ? 1 : 0;
}

/* ---- list ---------------------------------------------------------------- */

static int print_listed(const struct isnad_doc *d, void *ud)
{
	const struct sopts *o = ud;
	if (o->json) {
		json_doc_head(d->id, d->source, d->title, d->published);
		json_opt(stdout, "outlet", d->outlet, 1);
		json_opt(stdout, "duplicate_of", d->duplicate_of, 1);
		fputs("}\n", stdout);
	} else {
		printf("%s  %-10.10s  %-20.20s  %s%s\n", d->id,
		       d->published ? d->published : "-",
		       d->outlet ? d->outlet : "-",
		       d->title ? d->title : d->source,
		       d->duplicate_of ? "  (copy)" : "");
	}
	return 0;
}

int cmd_list(int argc, char **argv)
{
	struct sopts o;
	struct isnad_store *st;
	int r = parse(argc, argv, &o,
	              "usage: isnad list [--db PATH] [--json] [--limit N]\n"
	              "  the stored documents, newest first; --json writes\n"
	              "  {\"id\",\"source\",\"title\",\"published\",\"outlet\","
	              "\"duplicate_of\"} per line\n",
	              1);
	if (r || o.n) {
		if (o.n)
			cli_error("list takes no INPUT");
		free(o.args);
		return r > 0 ? 0 : EXIT_MISUSE;
	}
	st = open_store(&o);
	if (!st) {
		free(o.args);
		return 1;
	}
	r = isnad_store_list(st, o.limit, print_listed, &o) != ISNAD_OK;
	if (r)
		cli_error("%s", isnad_store_errmsg(st));
	isnad_store_close(st);
	free(o.args);
	return r;
}

/* ---- search -------------------------------------------------------------- */

static int print_hit(const struct isnad_hit *h, void *ud)
{
	const struct sopts *o = ud;
	if (o->json) {
		json_doc_head(h->id, h->source, h->title, h->published);
		printf(",\"score\":%.6g", h->score);
		json_opt(stdout, "snippet", h->snippet, 1);
		fputs("}\n", stdout);
	} else {
		printf("%s  %.3g  %s  %s\n    %s\n\n", h->id, h->score,
		       h->published ? h->published : "-",
		       h->title ? h->title : h->source,
		       h->snippet ? h->snippet : "");
	}
	return 0;
}

int cmd_search(int argc, char **argv)
{
	struct sopts o;
	struct isnad_store *st;
	char *q;
	size_t ql = 0;
	int tty = isatty(1);
	int r = parse(
	    argc, argv, &o,
	    "usage: isnad search [--db PATH] [--json] [--limit N] "
	    "QUERY\n"
	    "  words find every inflection and clitic form; \"exact "
	    "phrase\";\n  OR; -word excludes; outlet:NAME from:DATE "
	    "to:DATE filter.\n  Best first (BM25); --json writes {\"id\","
	    "\"source\",\"title\",\n  \"published\",\"score\",\"snippet\"} "
	    "per line.  Default limit 20.\n",
	    2);
	if (r || !o.n) {
		if (!r)
			cli_error("search needs a QUERY");
		free(o.args);
		return r > 0 ? 0 : EXIT_MISUSE;
	}
	for (int i = 0; i < o.n; i++)
		ql += strlen(o.args[i]) + 1;
	q = malloc(ql + 1);
	if (!q) {
		free(o.args);
		return 1;
	}
	q[0] = '\0';
	for (int i = 0; i < o.n; i++) {
		strcat(q, o.args[i]);
		strcat(q, " ");
	}
	st = open_store(&o);
	if (!st) {
		free(q);
		free(o.args);
		return 1;
	}
	r = isnad_search(st, q, o.limit ? o.limit : 20,
	                 o.json || !tty ? "[" : "\033[1m",
	                 o.json || !tty ? "]" : "\033[0m", print_hit, &o);
	if (r != ISNAD_OK)
		cli_error("%s", isnad_store_errmsg(st));
	isnad_store_close(st);
	free(q);
	free(o.args);
	return r == ISNAD_EINVAL ? EXIT_MISUSE : r != ISNAD_OK;
}

/* ---- show ---------------------------------------------------------------- */

static int print_doc(const struct isnad_doc *d, void *ud)
{
	const struct sopts *o = ud;
	if (!o->json) {
		printf("id:        %s\nsource:    %s\n", d->id, d->source);
		if (d->url)
			printf("url:       %s\n", d->url);
		printf(
		    "title:     %s\npublished: %s\noutlet:    %s\ntags:      "
		    "%s\n",
		    d->title ? d->title : "-",
		    d->published ? d->published : "-",
		    d->outlet ? d->outlet : "-", d->tags_json);
		if (d->duplicate_of)
			printf("copy of:   %s (%.0f%% similar)\n",
			       d->duplicate_of, 100.0 * d->similarity);
		printf("\n%.*s\n", (int)d->text_len, d->text);
		return 0;
	}
	if (d->extract_json) {
		puts(d->extract_json);
		return 0;
	}
	/* Nothing extracted yet: the extract object with what is known. */
	fputs("{\"schema\":\"isnad.extract/1\"", stdout);
	json_opt(stdout, "id", d->id, 1);
	json_opt(stdout, "source", d->source, 1);
	json_opt(stdout, "title", d->title, 1);
	json_opt(stdout, "outlet", d->outlet, 1);
	printf(",\"published\":");
	if (d->published && strlen(d->published) >= 10)
		json_str(stdout, d->published, 10);
	else
		fputs("null", stdout);
	printf(",\"lang\":\"ar\",\"tags\":%s",
	       d->tags_json ? d->tags_json : "[]");
	json_opt(stdout, "url", d->url, 1);
	json_opt(stdout, "duplicate_of", d->duplicate_of, 1);
	fputs(",\"text\":", stdout);
	json_str(stdout, d->text, d->text_len);
	fputs(",\"mentions\":[],\"entities\":[],\"attributions\":[],"
	      "\"events\":[]}\n",
	      stdout);
	return 0;
}

int cmd_show(int argc, char **argv)
{
	struct sopts o;
	struct isnad_store *st;
	isnad_status s;
	int r =
	    parse(argc, argv, &o,
	          "usage: isnad show [--db PATH] [--json] ID\n"
	          "  one stored document (ID as listed, or a unique prefix of "
	          "6+ digits);\n  --json writes its extract object "
	          "(isnad.extract/1)\n",
	          0);
	if (r || o.n != 1) {
		if (!r)
			cli_error("show needs one ID");
		free(o.args);
		return r > 0 ? 0 : EXIT_MISUSE;
	}
	st = open_store(&o);
	if (!st) {
		free(o.args);
		return 1;
	}
	s = isnad_store_get(st, o.args[0], print_doc, &o);
	if (s != ISNAD_OK)
		cli_error("%s", isnad_store_errmsg(st));
	isnad_store_close(st);
	free(o.args);
	return s != ISNAD_OK;
}
