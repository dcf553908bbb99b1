/*
 * harness.c - runs every registered test, or those whose name contains one
 * of the arguments, and ends with the line "N passed, N failed".
 */
#include "harness.h"

#include <stdarg.h>
#include <stdlib.h>

#include "isnad/alloc.h"

#define MAX_TESTS 1024

static struct {
	const char *name, *file;
	void (*fn)(void);
} tests[MAX_TESTS];
static int n_tests, cur_failed;

void harness_register(const char *name, void (*fn)(void), const char *file)
{
	if (n_tests < MAX_TESTS) {
		tests[n_tests].name = name;
		tests[n_tests].fn = fn;
		tests[n_tests].file = file;
		n_tests++;
	}
}

void harness_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cur_failed++;
}

const char *harness_shared(void)
{
	const char *s = getenv("SHARED");
	return s && *s ? s : "../shared";
}

char *harness_slurp(const char *path, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	if (!f)
		return NULL;
	do {
		if (cap - len < 65536) {
			char *nb = realloc(buf, cap ? cap * 2 : 65536 + 1);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
			cap = cap ? cap * 2 : 65536 + 1;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	if (len_out)
		*len_out = len;
	return buf;
}

char *harness_seed(const char *name, size_t *len_out)
{
	char path[1024];
	char *s;
	snprintf(path, sizeof path, "%s/seeds/%s", harness_shared(), name);
	s = harness_slurp(path, len_out);
	if (!s)
		harness_fail(__FILE__, __LINE__, "cannot read %s", path);
	return s;
}

static int allocs_left;

static void *failing_alloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	if (allocs_left-- <= 0)
		return NULL;
	return realloc(ptr, size);
}

void harness_fail_allocs_after(int n)
{
	allocs_left = n;
	isnad_set_allocator(n < 0 ? NULL : failing_alloc, NULL);
}

static int wanted(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strstr(name, argv[i]))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (int i = 0; i < n_tests; i++) {
		if (!wanted(tests[i].name, argc, argv))
			continue;
		cur_failed = 0;
		tests[i].fn();
		if (cur_failed) {
			fprintf(stderr, "FAIL %s (%s)\n", tests[i].name,
			        tests[i].file);
			failed++;
		} else {
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
