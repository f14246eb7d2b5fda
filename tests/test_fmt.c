/*
 * test_fmt.c - every number a report writes (fmt.c): the exact forms read
 * back to the last bit, the display forms round as documented
 */
#include "test_util.h"

#include <stdlib.h>

#include "base/fmt.h"

#define N ((double)NAN)

static void
exact_numbers_read_back(void **state)
{
	static const double fixed[] = {
		0.1 + 0.2, 207.5 / 3, 50.0 / 6, 1.0 / 3, 1e-300, 5e-324,
		1.7976931348623157e308, 100, 0, 66.25, 2.0 / 3 * 100,
	};
	char buf[64];
	uint64_t seed = 88172645463325252u;
	double v, back;
	size_t i;

	(void)state;
	assert_string_equal(rs_fmt_exact(buf, sizeof(buf), 0.1 + 0.2),
	    "0.30000000000000004");
	assert_string_equal(rs_fmt_exact(buf, sizeof(buf), 0.5), "0.5");
	assert_string_equal(rs_fmt_exact(buf, sizeof(buf), 100), "100");
	assert_string_equal(rs_fmt_exact(buf, sizeof(buf), -0.0), "0");
	assert_string_equal(rs_fmt_exact(buf, sizeof(buf), N), "");
	assert_string_equal(rs_fmt_exact(buf, sizeof(buf), 50.0 / 6),
	    "8.333333333333334");
	for (i = 0; i < sizeof(fixed) / sizeof(*fixed); i++) {
		back = strtod(rs_fmt_exact(buf, sizeof(buf), fixed[i]), NULL);
		assert_memory_equal(&back, &fixed[i], sizeof(double));
	}
	/* xorshift64: many doubles of every magnitude, fixed seed */
	for (i = 0; i < 100000; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		memcpy(&v, &seed, sizeof(v));
		if (isnan(v) || isinf(v) || !(fabs(v) > 0))
			continue;	/* -0 prints as 0 on purpose */
		back = strtod(rs_fmt_exact(buf, sizeof(buf), v), NULL);
		if (memcmp(&back, &v, sizeof(v)) != 0)
			fail_msg("%.17g printed as %s", v, buf);
	}
}

/* rs_fmt_exact() as it was: printf and strtod for each candidate. */
static const char *
fmt_exact_by_printf(char *buf, size_t n, double v)
{
	int digits;

	v += 0.0;
	for (digits = 15; digits < 17; digits++) {
		snprintf(buf, n, "%.*g", digits, v);
		if (!(strtod(buf, NULL) < v) && !(strtod(buf, NULL) > v))
			return buf;
	}
	snprintf(buf, n, "%.17g", v);
	return buf;
}

/*
 * rs_fmt_exact() (digits from integers, src/base/shortest.c) and
 * rs_fmt_exact_ref() (candidates rounded from one "%.16e") must both
 * write the very bytes printf and strtod chose, on every kind of double a
 * report holds (means of a few values, shares, decimals of a few digits,
 * carries such as 9.9999999999999995, the edges of the fixed and the
 * exponent forms) and on random bit patterns.  tests/test_shortest.c
 * holds the two to each other on a million more.
 */
static void
exact_numbers_are_the_shortest_printf_gives(void **state)
{
	char got[64], want[64];
	uint64_t seed = 0x9E3779B97F4A7C15u;
	double v, cases[8];
	size_t i, k;

	(void)state;
	for (i = 0; i < 20000; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		memcpy(&cases[0], &seed, sizeof(double));
		cases[1] = (double)(seed % 100000) / (double)(1 + seed % 997);
		cases[2] = (double)(seed % 10000000) / 1e6;
		cases[3] = (double)(seed % 1000) * pow(10, (int)(seed >>
		    50) % 40 - 20);
		cases[4] = 100 - (double)(seed % 1000) * 1e-15;
		cases[5] = pow(10, (int)(seed >> 40) % 44 - 22) *
		    (1 - 1e-16 * (double)(seed % 5));
		cases[6] = -(double)(seed % 7) / 3;
		cases[7] = nextafter((double)(seed % 100000) / 1000, 0);
		for (k = 0; k < 8; k++) {
			v = cases[k];
			if (isnan(v) || isinf(v))
				continue;
			fmt_exact_by_printf(want, sizeof(want), v);
			rs_fmt_exact(got, sizeof(got), v);
			if (strcmp(got, want) != 0)
				print_error("%a: \"%s\", printf \"%s\"\n", v,
				    got, want);
			assert_string_equal(got, want);
			rs_fmt_exact_ref(got, sizeof(got), v);
			assert_string_equal(got, want);
		}
	}
}

/*
 * Integers below 10^15 take rs_fmt_exact_put()'s shortcut: the same bytes
 * as printf's, around every power of ten, the edge of the shortcut and
 * the next doubles after it, and the length returned is the text's.
 */
static void
exact_integers_are_printfs(void **state)
{
	char got[RS_FMT_EXACT_MAX], want[64];
	double v, p;
	size_t len;
	int k, d, sign;

	(void)state;
	for (p = 1, k = 0; k <= 17; k++, p *= 10)
		for (d = -3; d <= 3; d++)
			for (sign = -1; sign <= 1; sign += 2) {
				v = sign * (p + d);
				if (k >= 15 && d != 0)
					v = sign * nextafter(p, d < 0 ? 0 :
					    2 * p);
				len = rs_fmt_exact_put(got, v);
				fmt_exact_by_printf(want, sizeof(want), v);
				assert_string_equal(got, want);
				assert_int_equal(len, strlen(want));
			}
	assert_string_equal((rs_fmt_exact_put(got, 999999999999999.0),
	    got), "999999999999999");
	assert_string_equal((rs_fmt_exact_put(got, 1e15), got), "1e+15");
	assert_string_equal((rs_fmt_exact_put(got, -0.0), got), "0");
	assert_int_equal(rs_fmt_exact_put(got, (double)NAN), 0);
	assert_string_equal(got, "");
	/* a subnormal number: through rs_fmt_exact_ref() */
	fmt_exact_by_printf(want, sizeof(want), -5e-324);
	assert_int_equal(rs_fmt_exact_put(got, -5e-324), strlen(want));
	assert_string_equal(got, want);
}

static void
values_for_prose(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), 25), "25");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), 42.66), "42.66");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), 0.6), "0.6");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), 1.0 / 3),
	    "0.3333");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), -2.5), "-2.5");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), -0.00001),
	    "-1e-05");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), -0.0), "0");
	assert_string_equal(rs_fmt_value(buf, sizeof(buf), 1e13), "1e+13");
}

static void
pipeline_numbers_have_17_digits(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), 0.1),
	    "0.10000000000000001");
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), 100), "100");
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), 1.0 / 3),
	    "0.33333333333333331");
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), -0.0), "-0");
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), 1e300),
	    "1.0000000000000001e+300");
	/* COINr's layout: a missing value empty, infinities by name */
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), N), "");
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), (double)INFINITY),
	    "Inf");
	assert_string_equal(rs_fmt_17(buf, sizeof(buf), -(double)INFINITY),
	    "-Inf");
}

/* The framework description's numbers as describe.c wrote them. */
static const char *
short_by_printf(char *buf, size_t n, double v)
{
	int prec;

	for (prec = 6; prec <= 17; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		if (!(strtod(buf, NULL) < v) && !(strtod(buf, NULL) > v))
			break;
	}
	return buf;
}

static void
framework_numbers_are_the_shortest_from_six_digits(void **state)
{
	char got[64], want[64];
	uint64_t seed = 0x2545F4914F6CDD1Du;
	double v;
	size_t i;

	(void)state;
	assert_string_equal(rs_fmt_short(got, sizeof(got), 0.1), "0.1");
	assert_string_equal(rs_fmt_short(got, sizeof(got), 100), "100");
	assert_string_equal(rs_fmt_short(got, sizeof(got), 1e6), "1e+06");
	assert_string_equal(rs_fmt_short(got, sizeof(got), 1234567),
	    "1234567");
	assert_string_equal(rs_fmt_short(got, sizeof(got), -0.5), "-0.5");
	assert_string_equal(rs_fmt_short(got, sizeof(got), 1.0 / 3),
	    "0.3333333333333333");
	assert_string_equal(rs_fmt_short(got, sizeof(got), 0.1 + 0.2),
	    "0.30000000000000004");
	assert_string_equal(rs_fmt_short(got, sizeof(got), N), "");
	for (i = 0; i < 20000; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		v = i % 2 ? (double)(seed % 100000) / (double)(1 + seed % 97) :
		    (double)(seed % 1000) * pow(10, (int)(seed >> 50) % 30 -
		    15);
		rs_fmt_short(got, sizeof(got), v);
		short_by_printf(want, sizeof(want), v);
		if (strcmp(got, want) != 0)
			fail_msg("%a: \"%s\", printf \"%s\"", v, got, want);
	}
}

static void
table_numbers_are_fixed_or_na(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), 69.2444, 1),
	    "69.2");
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), 69.26, 1), "69.3");
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), 0.123456, 4),
	    "0.1235");
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), 100, 2), "100.00");
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), -0.04, 1), "-0.0");
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), N, 1), "n/a");
	assert_string_equal(rs_fmt_fixed(buf, sizeof(buf), N, 4), "n/a");
}

/*
 * rs_fmt_fixed(), rs_fmt_percent() and rs_fmt_change() write their digits
 * without printf where they can: byte for byte what "%.*f", "%.1f%%" and
 * "%+.1f" give, on ties of every precision (k + 0.5) / 10^p, their
 * neighbours, scores and gains of the reports, -0, and random bit
 * patterns of every magnitude (those of 1e9 and more go to printf).
 */
static void
fixed_numbers_are_what_printf_gives(void **state)
{
	static const double pw[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	uint64_t seed = 0x9e3779b97f4a7c15u;
	char got[64], want[64];
	double v = 0;
	size_t i;
	int p, kind;

	(void)state;
	for (i = 0; i < 700000; i++) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		p = (int)(i % 7);
		kind = (int)(i / 7 % 5);
		if (kind == 0) {	/* a tie at this precision */
			v = ((double)(seed % 2000000) + 0.5) / pw[p];
		} else if (kind == 1) {	/* beside a tie */
			v = ((double)(seed % 2000000) + 0.5) / pw[p];
			v = nextafter(v, seed & 1 ? 1e300 : -1e300);
		} else if (kind == 2) {	/* a score or a gain */
			v = (double)(seed % 100000001) / 1e6;
		} else if (kind == 3) {	/* every magnitude */
			memcpy(&v, &seed, sizeof(v));
			if (isnan(v))
				continue;
		} else {		/* 0 to 1e9 */
			v = (double)(seed >> 11) * 0x1.0p-53 * 1e9;
		}
		if (seed & 2)
			v = -v;
		snprintf(want, sizeof(want), "%.*f", p, v);
		if (strcmp(rs_fmt_fixed(got, sizeof(got), v, p), want) != 0)
			fail_msg("%a at %d: \"%s\", printf \"%s\"", v, p, got,
			    want);
		snprintf(want, sizeof(want), "%.1f%%", 100 * v);
		if (strcmp(rs_fmt_percent(got, sizeof(got), v), want) != 0)
			fail_msg("%a as a share: \"%s\", printf \"%s\"", v, got,
			    want);
		if (fabs(v) < 0.05)
			continue;
		snprintf(want, sizeof(want), "%+.1f", v);
		if (strcmp(rs_fmt_change(got, sizeof(got), v), want) != 0)
			fail_msg("%a as a change: \"%s\", printf \"%s\"", v, got,
			    want);
	}
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), -0.0, 1), "-0.0");
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), 0.0, 0), "0");
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), 2.5, 0), "2");
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), 0.125, 2), "0.12");
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), 0.375, 2), "0.38");
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), 1e9, 1),
	    "1000000000.0");
	snprintf(want, sizeof(want), "%.1f", (double)INFINITY);
	assert_string_equal(rs_fmt_fixed(got, sizeof(got), (double)INFINITY,
	    1), want);
}

static void
shares_and_changes(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(rs_fmt_percent(buf, sizeof(buf), 0.4675),
	    "46.8%");
	assert_string_equal(rs_fmt_percent(buf, sizeof(buf), 1), "100.0%");
	assert_string_equal(rs_fmt_percent(buf, sizeof(buf), 0), "0.0%");
	assert_string_equal(rs_fmt_percent(buf, sizeof(buf), N), "n/a");
	assert_string_equal(rs_fmt_change(buf, sizeof(buf), 2.5), "+2.5");
	assert_string_equal(rs_fmt_change(buf, sizeof(buf), -0.06), "-0.1");
	/* what rounds to zero is written without a sign */
	assert_string_equal(rs_fmt_change(buf, sizeof(buf), 0.049), "0.0");
	assert_string_equal(rs_fmt_change(buf, sizeof(buf), -0.049), "0.0");
	assert_string_equal(rs_fmt_change(buf, sizeof(buf), 0), "0.0");
	assert_string_equal(rs_fmt_change(buf, sizeof(buf), N), "n/a");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_numbers_read_back),
		cmocka_unit_test(exact_numbers_are_the_shortest_printf_gives),
		cmocka_unit_test(exact_integers_are_printfs),
		cmocka_unit_test(values_for_prose),
		cmocka_unit_test(pipeline_numbers_have_17_digits),
		cmocka_unit_test(
		    framework_numbers_are_the_shortest_from_six_digits),
		cmocka_unit_test(table_numbers_are_fixed_or_na),
		cmocka_unit_test(fixed_numbers_are_what_printf_gives),
		cmocka_unit_test(shares_and_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
