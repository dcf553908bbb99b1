/*
 * cmd_extract.c - `isnad extract`: clean each document and print what is
 * extracted from it, one isnad.extract/1 object per line
 * (../shared/spec/extract-json.md), without a store.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "isnad/boiler.h"
#include "isnad/events.h"
#include "isnad/read.h"
#include "isnad/values.h"

struct ex {
	int rc;
	struct isnad_tokenizer *tk;
};

static void jstr(const char *s)
{
	if (s)
		json_str(stdout, s, strlen(s));
	else
		fputs("null", stdout);
}

static void print_values(const struct isnad_values *vals_in, const char *text)
{
	const struct isnad_values vals = *vals_in;
	int first = 1;
	for (size_t i = 0; i < vals.n; i++) {
		const struct isnad_value *v = &vals.v[i];
		static const char *const type[] = {"DATE", "MONEY", "QUANTITY"};
		printf("%s{\"start\":%zu,\"end\":%zu,\"type\":\"%s\",\"text\":",
		       first ? "" : ",", v->start, v->end, type[v->type]);
		json_str(stdout, text + v->start, v->end - v->start);
		fputs(",\"value\":", stdout);
		if (v->type == ISNAD_VAL_DATE) {
			if (v->timex[0])
				printf("\"%s\"", v->timex);
			else
				fputs("null", stdout);
		} else if (v->type == ISNAD_VAL_MONEY) {
			printf("{\"amount\":%.15g,\"currency\":", v->amount);
			if (v->currency[0])
				printf("\"%s\"}", v->currency);
			else
				fputs("null}", stdout);
		} else {
			printf("%.15g", v->amount);
			if (v->unit_end > v->unit_start) {
				fputs(",\"unit\":", stdout);
				json_str(stdout, text + v->unit_start,
				         v->unit_end - v->unit_start);
			}
		}
		fputs(",\"entity\":null}", stdout);
		first = 0;
	}
}

/* Events with their evidence sentence; time is the first date inside it.
 * NEEDSWORK: actors and place come with the entity mentions (NER). */
static void print_events(struct isnad_tokenizer *tk, const char *text,
                         size_t len, const struct isnad_values *vals)
{
	struct isnad_events ev;
	isnad_events_init(&ev);
	if (isnad_events_find(tk, text, len, &ev) == ISNAD_OK)
		for (size_t i = 0; i < ev.n; i++) {
			const struct isnad_event *e = &ev.v[i];
			const char *time = NULL;
			for (size_t k = 0; k < vals->n && !time; k++)
				if (vals->v[k].type == ISNAD_VAL_DATE &&
				    vals->v[k].start >= e->start &&
				    vals->v[k].end <= e->end &&
				    vals->v[k].timex[0])
					time = vals->v[k].timex;
			printf("%s{\"type\":\"%s\",\"start\":%zu,\"end\":%zu,"
			       "\"trigger\":",
			       i ? "," : "", isnad_event_type_name(e->type),
			       e->start, e->end);
			json_str(stdout, text + e->trig_start,
			         e->trig_end - e->trig_start);
			fputs(",\"actors\":[],\"place\":null,\"time\":",
			      stdout);
			jstr(time);
			fputs(",\"attribution\":null}", stdout);
		}
	isnad_events_release(&ev);
}

static int on_record(const struct isnad_record *r, void *ud)
{
	struct ex *ex = ud;
	struct isnad_page page;
	char id[17], date[11];
	struct isnad_values vals;
	isnad_status st;
	isnad_page_init(&page);
	st = isnad_clean_record(r, &page);
	if (st != ISNAD_OK) {
		cli_error("'%s': %s", r->source, isnad_strerror(st));
		ex->rc = 1;
		isnad_page_release(&page);
		return 0;
	}
	if (!page.text)
		page.text_len = 0;
	isnad_text_id(page.text ? page.text : "", page.text_len, id);
	date[0] = '\0';
	if (page.published && strlen(page.published) >= 10)
		snprintf(date, sizeof date, "%.10s", page.published);
	printf("{\"schema\":\"isnad.extract/1\",\"id\":\"%s\",\"source\":", id);
	jstr(r->source);
	fputs(",\"title\":", stdout);
	jstr(page.title);
	fputs(",\"outlet\":", stdout);
	jstr(page.outlet);
	fputs(",\"published\":", stdout);
	jstr(date[0] ? date : NULL);
	fputs(",\"lang\":\"ar\",\"tags\":[", stdout);
	for (size_t i = 0; i < page.n_tags; i++) {
		if (i)
			putchar(',');
		jstr(page.tags[i]);
	}
	fputs("],\"text\":", stdout);
	json_str(stdout, page.text ? page.text : "", page.text_len);
	isnad_values_init(&vals);
	if (page.text)
		isnad_values_find(page.text, page.text_len,
		                  date[0] ? date : NULL, &vals);
	fputs(",\"mentions\":[", stdout);
	print_values(&vals, page.text);
	fputs("],\"entities\":[],\"attributions\":[],\"events\":[", stdout);
	if (page.text && ex->tk)
		print_events(ex->tk, page.text, page.text_len, &vals);
	fputs("]}\n", stdout);
	isnad_values_release(&vals);
	isnad_page_release(&page);
	return 0;
}

static void on_read_error(const char *source, const char *problem, void *ud)
{
	struct ex *ex = ud;
	cli_error("'%s': %s", source, problem);
	ex->rc = 1;
}

static int extract_file(const char *name, FILE *f, void *ud)
{
	struct ex *ex = ud;
	isnad_status st =
	    isnad_read_stream(name, f, on_record, on_read_error, ex);
	if (st != ISNAD_OK && st != ISNAD_EFORMAT) {
		cli_error("'%s': %s", name, isnad_strerror(st));
		ex->rc = 1;
	}
	return ex->rc;
}

int cmd_extract(int argc, char **argv)
{
	struct ex ex = {0};
	static char dash[] = "-";
	char **inputs = malloc(sizeof(char *) * (size_t)(argc + 1));
	int n = 0;
	if (!inputs)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			printf("usage: isnad extract [--json] INPUT...\n"
			       "  clean each document and print one "
			       "isnad.extract/1 JSON object\n  per line "
			       "(JSON is the only output form; --json is "
			       "accepted)\n");
			free(inputs);
			return 0;
		} else if (!strcmp(argv[i], "--json")) {
			continue;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error("unknown option '%s'", argv[i]);
			free(inputs);
			return EXIT_MISUSE;
		}
		inputs[n++] = argv[i];
	}
	if (!n)
		inputs[n++] = dash;
	if (isnad_tokenizer_new(NULL, &ex.tk) != ISNAD_OK) {
		cli_error("cannot start the tokenizer");
		free(inputs);
		return 1;
	}
	cli_for_each_file(n, inputs, extract_file, &ex);
	isnad_tokenizer_free(ex.tk);
	free(inputs);
	return ex.rc ? 1 : 0;
}
