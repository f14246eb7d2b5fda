/*
 * now.h - the clock of the benchmarks
 */
#ifndef RS_BENCH_NOW_H
#define RS_BENCH_NOW_H

#include <time.h>

/* Seconds on CLOCK_MONOTONIC: differences are elapsed wall time. */
static inline double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#endif /* RS_BENCH_NOW_H */
