/*
 * bench_util.h - the clock and memory readings every benchmark prints.
 */
#ifndef ISNAD_BENCH_UTIL_H
#define ISNAD_BENCH_UTIL_H

#include <sys/resource.h>
#include <time.h>

/* Monotonic seconds. */
static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Peak resident set size of this process so far, in MB. */
static inline double bench_peak_rss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

#endif
