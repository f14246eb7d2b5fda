/*
 * fmt.h - every number a report writes, in one place
 *
 * Machine forms read back as the very double written: rs_fmt_exact() for
 * the JSON and CSV reports, rs_fmt_17() for the pipeline's tables in
 * COINr's layout, rs_fmt_short() for the framework's own numbers.  Display
 * forms round for people: rs_fmt_value() in sentences, rs_fmt_fixed() in
 * tables.  Each writes into buf (n bytes) and returns it; none depends on
 * the locale's decimal point once rs_c_locale_push() (text.h) is in force,
 * as every reporter arranges.
 */
#ifndef RS_FMT_H
#define RS_FMT_H

#include <stddef.h>

/*
 * A number that reads back as exactly v: the shortest of 15, 16 or 17
 * significant digits that does ("" for NaN and infinities, "0" for -0).
 * JSON and CSV both use it, so they agree to the last digit.
 */
char *rs_fmt_exact(char *buf, size_t n, double v);

/* Bytes that rs_fmt_exact_put() may write, the NUL included. */
#define RS_FMT_EXACT_MAX 32

/*
 * rs_fmt_exact()'s text of v into out, which has room for
 * RS_FMT_EXACT_MAX bytes; returns its length (the NUL not counted), so
 * that a writer can format straight into its block.
 */
size_t rs_fmt_exact_put(char *out, double v);

/*
 * The same bytes as rs_fmt_exact(), found with printf and a few exact
 * double operations: rs_fmt_exact() falls back on it where its integer
 * digits cannot settle the choice (subnormal numbers), and the tests and
 * bench/bench_shortest.c hold the two to each other.
 */
char *rs_fmt_exact_ref(char *buf, size_t n, double v);

/*
 * v with 17 significant digits (printf's %.17g), "" for NaN, "Inf" and
 * "-Inf" for infinities: the numbers of the pipeline's CSV tables.
 */
char *rs_fmt_17(char *buf, size_t n, double v);

/*
 * The shortest %g form from 6 significant digits up that reads back as v
 * (1e+06 for a million, 0.1 for 0.1): the weights, goalposts and domains
 * of the framework description.  "" for NaN and infinities.
 */
char *rs_fmt_short(char *buf, size_t n, double v);

/* A raw value for prose: up to 4 decimals, trailing zeros dropped. */
char *rs_fmt_value(char *buf, size_t n, double v);

/* v with prec decimals (%.*f), or "n/a" for NaN. */
char *rs_fmt_fixed(char *buf, size_t n, double v, int prec);

/* A share (0..1) as a percentage with one decimal, "46.8%"; "n/a": NaN. */
char *rs_fmt_percent(char *buf, size_t n, double share);

/*
 * A change in points with its sign and one decimal ("+2.5", "-0.1"),
 * "0.0" for one that rounds to zero (never "+0.0" or "-0.0"), "n/a" for
 * NaN.
 */
char *rs_fmt_change(char *buf, size_t n, double v);

#endif /* RS_FMT_H */
