/*
 * main.c - the isnad command: a table of subcommands over the public API.
 * Adding a command takes one function and one row here.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct cmd commands[] = {
    {"analyze", cmd_analyze,
     "summarise documents: sentences, tokens, clitics, numbers (default)"},
    {"normalize", cmd_normalize, "Arabic normalisation (search|display|light)"},
    {"tokenize", cmd_tokenize, "tokens with clitics split, offsets, stems"},
    {"sentences", cmd_sentences, "one sentence per line"},
    {"extract", cmd_extract, "clean + extract, JSON per document, no store"},
    {"ingest", cmd_ingest, "clean, deduplicate and store documents"},
    {"list", cmd_list, "the stored documents, newest first"},
    {"search", cmd_search, "ranked Arabic full-text search"},
    {"show", cmd_show, "one stored document"},
    {"watch", cmd_watch, "poll RSS/Atom feeds and ingest new articles"},
    {"attrib", cmd_attrib, "attributions: claims and their chains of sources"},
    {"train-ner", cmd_train_ner, "train the NER model on CoNLL files"},
    {"eval-ner", cmd_eval_ner, "NER precision/recall/F1 on a CoNLL file"},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: isnad [COMMAND] [OPTIONS] INPUT...\n\n"
	           "INPUT is a file, a folder (read recursively), '-' for "
	           "standard input, or a glob.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
		        commands[i].summary);
	fprintf(f, "\n'isnad COMMAND --help' describes a command's options.\n");
}

int main(int argc, char **argv)
{
	if (argc >= 2 && (!strcmp(argv[1], "--help") ||
	                  !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))) {
		usage(stdout);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "--version")) {
		printf("isnad %s\n", ISNAD_VERSION);
		return 0;
	}
	if (argc >= 2)
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (!strcmp(argv[1], commands[i].name))
				return commands[i].fn(argc - 1, argv + 1);
	if (argc >= 2 && argv[1][0] != '-' && !strchr(argv[1], '/') &&
	    !strchr(argv[1], '.')) {
		FILE *f = fopen(argv[1], "rb");
		if (!f) {
			cli_error("'%s' is not an isnad command", argv[1]);
			usage(stderr);
			return EXIT_MISUSE;
		}
		fclose(f);
	}
	/* No command: the main job, analyze, over the inputs given. */
	return cmd_analyze(argc, argv);
}
