/*
 * input.c - turns the command line's INPUTs into decoded chunks.
 *
 * Each input is read in chunks of at most CLI_CHUNK bytes, cut just after
 * a line break followed by text (so a white-space run is never split), or
 * at white space, or at a character boundary; the charset is detected once
 * on the first chunk and kept for the rest.  Memory stays bounded whatever
 * the input: a 100 MB single line or an endless pipe.
 */
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "isnad/json.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("isnad: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void json_str(FILE *f, const char *s, size_t n)
{
	isnad_json_str(f, s, n);
}

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Where to cut buf[0..n) so the rest waits for the next chunk. */
static size_t cut_point(const unsigned char *buf, size_t n, const char *enc)
{
	size_t i, lo = n / 2;
	int u16 = !strncmp(enc, "UTF-16", 6), be = !strcmp(enc, "UTF-16BE");
	if (u16) {
		for (i = (n & ~(size_t)1); i >= 2 && i > lo; i -= 2) {
			unsigned lo_b = be ? buf[i - 1] : buf[i - 2];
			unsigned hi_b = be ? buf[i - 2] : buf[i - 1];
			if (lo_b == '\n' && hi_b == 0)
				return i;
		}
		return n & ~(size_t)1;
	}
	for (i = n - 1; i > lo; i--)
		if (buf[i - 1] == '\n' && !is_ws(buf[i]))
			return i;
	for (i = n - 1; i > lo; i--)
		if (is_ws(buf[i - 1]))
			return i;
	if (!strcmp(enc, "UTF-8"))
		for (i = n; i > n - 4 && i > 0; i--)
			if ((buf[i] & 0xC0) != 0x80)
				return i;
	return n;
}

/* Binary data: NUL and other C0 controls that text never has, in numbers
 * no damaged text file shows (more than one byte in twenty). */
static int looks_binary(const unsigned char *p, size_t n)
{
	size_t bad = 0, m = n < 65536 ? n : 65536;
	for (size_t i = 0; i < m; i++)
		if ((p[i] < 0x20 && !is_ws(p[i]) && p[i] != 0x1B) ||
		    p[i] == 0x7F)
			bad++;
	return m && bad * 20 > m;
}

static int run_stream(FILE *f, const char *name, const struct input_opts *o,
                      chunk_fn fn, void *ud)
{
	unsigned char *buf = malloc(CLI_CHUNK);
	size_t have = 0, n_invalid = 0, nul = 0;
	uint64_t base = 0;
	const char *enc = o->encoding;
	int first = 1, rc = 0, eof = 0, stop = 0;
	if (!buf) {
		cli_error("'%s': out of memory", name);
		return 1;
	}
	while (!stop) {
		size_t got, cut;
		struct isnad_decoded d;
		struct chunk c;
		isnad_status st;
		if (!eof) {
			got = fread(buf + have, 1, CLI_CHUNK - have, f);
			have += got;
			if (have < CLI_CHUNK) {
				if (ferror(f)) {
					cli_error("'%s': read error: %s", name,
					          strerror(errno));
					rc = 1;
					break;
				}
				eof = 1;
			}
		}
		if (first) {
			if (!enc)
				enc = isnad_detect_encoding(buf, have);
			if (strncmp(enc, "UTF-16", 6) &&
			    looks_binary(buf, have)) {
				cli_error("'%s': binary data, not text", name);
				rc = 1;
				break;
			}
		}
		if (!have && !first)
			break;
		cut = eof ? have : cut_point(buf, have, enc);
		for (size_t i = 0; i < cut; i++)
			nul += buf[i] == 0;
		st = isnad_decode(buf, cut, enc, &d);
		if (st) {
			cli_error("'%s': cannot decode as %s: %s", name, enc,
			          isnad_strerror(st));
			rc = 1;
			break;
		}
		n_invalid += d.n_invalid;
		c.source = name;
		c.text = d.s;
		c.len = d.len;
		c.map = d.map;
		c.base = base;
		c.encoding = d.encoding;
		c.first = first;
		c.last = eof && cut == have;
		stop = fn(&c, ud) != 0;
		isnad_decoded_release(&d);
		memmove(buf, buf + cut, have - cut);
		base += cut;
		have -= cut;
		first = 0;
		if (eof && !have)
			break;
	}
	free(buf);
	if (n_invalid) {
		cli_error("'%s': %zu invalid %s sequence%s replaced by U+FFFD",
		          name, n_invalid, enc ? enc : "UTF-8",
		          n_invalid == 1 ? "" : "s");
		rc = 1;
	}
	if (nul && !rc) {
		cli_error("'%s': %zu NUL byte%s in text", name, nul,
		          nul == 1 ? "" : "s");
		rc = 1;
	}
	return rc;
}

/* Walk one INPUT: "-", a glob, a folder (recursively, sorted), a file;
 * call fn with each opened file. */
static int walk(const char *path, file_fn fn, void *ud, int depth)
{
	struct stat st;
	FILE *f;
	int rc;
	if (!strcmp(path, "-"))
		return fn("-", stdin, ud);
	if (stat(path, &st) != 0) {
		glob_t g;
		if (strpbrk(path, "*?[") && glob(path, 0, NULL, &g) == 0) {
			rc = 0;
			for (size_t i = 0; i < g.gl_pathc; i++)
				rc |= walk(g.gl_pathv[i], fn, ud, depth);
			globfree(&g);
			return rc;
		}
		cli_error("cannot open '%s': %s", path, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		struct dirent **ents;
		int n;
		if (depth > 64) {
			cli_error("'%s': folders nested too deep", path);
			return 1;
		}
		n = scandir(path, &ents, NULL, alphasort);
		if (n < 0) {
			cli_error("cannot read folder '%s': %s", path,
			          strerror(errno));
			return 1;
		}
		rc = 0;
		for (int i = 0; i < n; i++) {
			if (ents[i]->d_name[0] != '.') {
				size_t l =
				    strlen(path) + strlen(ents[i]->d_name) + 2;
				char *sub = malloc(l);
				if (sub) {
					snprintf(sub, l, "%s%s%s", path,
					         path[strlen(path) - 1] == '/'
					             ? ""
					             : "/",
					         ents[i]->d_name);
					rc |= walk(sub, fn, ud, depth + 1);
					free(sub);
				}
			}
			free(ents[i]);
		}
		free(ents);
		return rc;
	}
	f = fopen(path, "rb");
	if (!f) {
		cli_error("cannot open '%s': %s", path, strerror(errno));
		return 1;
	}
	rc = fn(path, f, ud);
	fclose(f);
	return rc;
}

int cli_for_each_file(int n, char **inputs, file_fn fn, void *ud)
{
	int rc = 0;
	for (int i = 0; i < n; i++)
		rc |= walk(inputs[i], fn, ud, 0);
	return rc;
}

struct chunk_walk {
	const struct input_opts *o;
	chunk_fn fn;
	void *ud;
};

static int chunk_file(const char *name, FILE *f, void *ud)
{
	struct chunk_walk *cw = ud;
	return run_stream(f, name, cw->o, cw->fn, cw->ud);
}

int cli_for_each_input(int n, char **inputs, const struct input_opts *o,
                       chunk_fn fn, void *ud)
{
	struct chunk_walk cw = {o, fn, ud};
	return cli_for_each_file(n, inputs, chunk_file, &cw);
}
