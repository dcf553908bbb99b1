/*
 * harness.h - a tiny unit-test harness.  A test is declared once with TEST()
 * and registers itself (constructor), so adding a test file needs no list
 * edits.  CHECK* record a failure with file:line and the values, and the test
 * goes on, so one run shows every broken assertion.
 */
#ifndef ISNAD_HARNESS_H
#define ISNAD_HARNESS_H

#include <stdio.h>
#include <string.h>

void harness_register(const char *name, void (*fn)(void), const char *file);
void harness_fail(const char *file, int line, const char *fmt, ...);
/* Directory of the shared data (../shared) for tests that read real text. */
const char *harness_shared(void);
/* Read a whole file; NULL if missing.  Caller frees with free(). */
char *harness_slurp(const char *path, size_t *len_out);
/* Read ../shared/seeds/NAME, recording a failure if it is missing. */
char *harness_seed(const char *name, size_t *len_out);
/* Make libisnad's allocator fail every call after the next n (to test
 * out-of-memory paths); n < 0 restores the default allocator. */
void harness_fail_allocs_after(int n);

#define TEST(name)                                                             \
	static void name(void);                                                \
	__attribute__((constructor)) static void reg_##name(void)              \
	{                                                                      \
		harness_register(#name, name, __FILE__);                       \
	}                                                                      \
	static void name(void)

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond))                                                   \
			harness_fail(__FILE__, __LINE__, "%s", #cond);         \
	} while (0)

#define CHECK_INT(a, b)                                                        \
	do {                                                                   \
		long long a_ = (long long)(a), b_ = (long long)(b);            \
		if (a_ != b_)                                                  \
			harness_fail(__FILE__, __LINE__,                       \
			             "%s == %lld, expected %lld", #a, a_, b_); \
	} while (0)

/* Compare a (ptr,len) byte string with a C string. */
#define CHECK_MEM(p, n, str)                                                   \
	do {                                                                   \
		const char *p_ = (const char *)(p);                            \
		size_t n_ = (size_t)(n);                                       \
		const char *s_ = (str);                                        \
		if (n_ != strlen(s_) || memcmp(p_, s_, n_) != 0)               \
			harness_fail(__FILE__, __LINE__,                       \
			             "%s is \"%.*s\", expected \"%s\"", #p,    \
			             (int)n_, p_, s_);                         \
	} while (0)

#define CHECK_STR(a, b) CHECK_MEM((a), strlen(a), (b))

#endif
