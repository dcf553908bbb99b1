/*
 * cli.h - shared pieces of the isnad command: the command table, input
 * iteration with bounded-memory chunking, and output helpers.
 */
#ifndef ISNAD_CLI_H
#define ISNAD_CLI_H

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "isnad/isnad.h"

#define EXIT_MISUSE 2

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

/* Print "isnad: <fmt>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * One chunk of an input, decoded to UTF-8.  Inputs are read in chunks of
 * at most CLI_CHUNK bytes cut after a line break (or white space, or a
 * character boundary when a line is longer), so a 100 MB line or an endless
 * pipe runs in bounded memory.  Offsets in the chunk map to input offsets
 * through base + (map ? map[i] : i).
 */
#define CLI_CHUNK (4u << 20)

struct chunk {
	const char *source; /* the input as named by the user */
	const char *text;   /* decoded UTF-8 of this chunk */
	size_t len;
	const uint32_t *map; /* NULL: identity */
	uint64_t base;       /* input offset of the chunk's first byte */
	const char *encoding;
	int first, last; /* first / last chunk of this input */
};

/* Called per chunk; return 0 to go on, nonzero to stop this input. */
typedef int (*chunk_fn)(const struct chunk *c, void *ud);

struct input_opts {
	const char *encoding; /* forced charset or NULL */
};

/*
 * Run fn over every chunk of every input (file, folder recursively, "-",
 * glob).  Problems (missing file, binary data, invalid bytes) are reported
 * naming the input; the others are still processed.  Returns 0 if all
 * inputs were fine, 1 otherwise.
 */
int cli_for_each_input(int n, char **inputs, const struct input_opts *o,
                       chunk_fn fn, void *ud);

/* Call fn with each file of the INPUTs (folders recursively, sorted;
 * globs; "-" is stdin), reporting those that cannot be opened.  Returns 0
 * if every input and every fn call succeeded, 1 otherwise. */
typedef int (*file_fn)(const char *name, FILE *f, void *ud);
int cli_for_each_file(int n, char **inputs, file_fn fn, void *ud);

/* The store path: --db, else $ISNAD_DB, else ./isnad.db. */
const char *cli_db_path(const char *opt);

static inline uint64_t chunk_off(const struct chunk *c, size_t i)
{
	return c->base + (c->map ? c->map[i] : i);
}

/* Write s[0..n) as a JSON string (with quotes). */
void json_str(FILE *f, const char *s, size_t n);

int cmd_normalize(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_sentences(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_attrib(int argc, char **argv);
int cmd_train_ner(int argc, char **argv);
int cmd_eval_ner(int argc, char **argv);

#endif
