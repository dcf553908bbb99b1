/*
 * cmd_extract.c - `isnad extract`: clean each document and print what is
 * extracted from it, one isnad.extract/1 object per line
 * (../shared/spec/extract-json.md), without a store.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "isnad/boiler.h"
#include "isnad/extract.h"
#include "isnad/read.h"

struct ex {
	int rc;
	struct isnad_extractor *x;
};

static int on_record(const struct isnad_record *r, void *ud)
{
	struct ex *ex = ud;
	struct isnad_page page;
	isnad_status st;
	isnad_page_init(&page);
	st = isnad_clean_record(r, &page);
	if (st == ISNAD_OK)
		st = isnad_extract_write(ex->x, r->source, &page, stdout);
	if (st != ISNAD_OK) {
		cli_error("'%s': %s", r->source, isnad_strerror(st));
		ex->rc = 1;
	}
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
	isnad_status st = isnad_read_stream(name, f, on_record, on_read_error, ex);
	if (st != ISNAD_OK && st != ISNAD_EFORMAT) {
		cli_error("'%s': %s", name, isnad_strerror(st));
		ex->rc = 1;
	}
	return ex->rc;
}

int cmd_extract(int argc, char **argv)
{
	struct ex ex = {0, NULL};
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
	if (isnad_extractor_new(&ex.x) != ISNAD_OK) {
		cli_error("cannot start the extractor");
		free(inputs);
		return 1;
	}
	cli_for_each_file(n, inputs, extract_file, &ex);
	isnad_extractor_free(ex.x);
	free(inputs);
	return ex.rc ? 1 : 0;
}
