/*
 * test_shortest.c - the integer digit writer (src/base/shortest.c): the
 * exact number writer gives the very bytes of its reference on every kind
 * of double, and the shortest digits read back and are what the
 * reference's rule implies
 */
#include "test_util.h"

#include <float.h>
#include <stdlib.h>

#include "base/shortest.h"
#include "double_mix.h"
#include "base/fmt.h"

/* a == b without -Wfloat-equal's complaint: exact comparison is meant. */
static int
same(double a, double b)
{
	return !(a < b) && !(a > b);
}

/* Whether the new writer and the reference write the same bytes. */
struct tally {
	size_t checked;		/* doubles compared */
	size_t mismatches;	/* of them, written differently */
	size_t undecided;	/* normal doubles rs_shortest_g() left */
};

static void
check(struct tally *t, double v)
{
	char got[64], want[64];
	uint64_t digits;
	int x;

	if (isnan(v) || isinf(v))
		return;
	t->checked++;
	rs_fmt_exact(got, sizeof(got), v);
	rs_fmt_exact_ref(want, sizeof(want), v);
	if (strcmp(got, want) != 0 && t->mismatches++ < 10)
		print_error("%a: \"%s\", reference \"%s\"\n", v, got, want);
	if (fabs(v) >= DBL_MIN && rs_shortest_g(v, &digits, &x) == 0 &&
	    t->undecided++ < 10)
		print_error("%a: left to the reference\n", v);
}

/*
 * The number of doubles of each kind to draw: 200,000, or
 * RS_SHORTEST_SAMPLE when set (tests/CMakeLists.txt sets a smaller one
 * under valgrind).
 */
static size_t
sample_size(void)
{
	const char *env = getenv("RS_SHORTEST_SAMPLE");
	unsigned long n;
	char *end;

	if (env == NULL)
		return 200000;
	n = strtoul(env, &end, 10);
	assert_true(*env != '\0' && *end == '\0' && n > 0);
	return n;
}

/*
 * A million doubles of every kind (tests/double_mix.h), compared byte for
 * byte with the reference; bench/bench_shortest.c runs the same mix on
 * 10^8.
 */
static void
writer_matches_the_reference_on_a_million_doubles(void **state)
{
	struct tally t = {0, 0, 0};
	double *edges = malloc(MIX_EDGES_MAX * sizeof(double));
	size_t per = sample_size(), i, n;
	uint64_t seed = 19;
	int k;

	(void)state;
	assert_non_null(edges);
	n = mix_edges(edges);
	for (i = 0; i < n; i++)
		check(&t, edges[i]);
	free(edges);
	for (i = 0; i < per; i++)
		for (k = 0; k < MIX_NKINDS; k++)
			check(&t, mix_draw(&seed, (enum mix_kind)k));
	if (t.mismatches != 0 || t.undecided != 0)
		fail_msg("%zu of %zu doubles written differently, %zu normal "
		    "ones left to the reference", t.mismatches, t.checked,
		    t.undecided);
	if (t.checked + 100 < n + per * MIX_NKINDS)
		fail_msg("%zu doubles checked of %zu", t.checked,
		    n + per * MIX_NKINDS);
}

/*
 * Hand-computed cases: each form of %g, each choice of 15, 16 or 17
 * digits, and the powers of two whose shortest digits (16) are not what
 * %.16g rounds to, so that the writer goes on to 17.
 */
static void
writer_gives_the_printf_text(void **state)
{
	static const struct {
		double v;
		const char *want;
	} cases[] = {
		{0.1 + 0.2, "0.30000000000000004"},
		{0.5, "0.5"},
		{0.1, "0.1"},
		{100, "100"},
		{-2.5, "-2.5"},
		{1.0 / 3, "0.3333333333333333"},
		{2.0 / 3, "0.6666666666666666"},
		{50.0 / 6, "8.333333333333334"},
		{4.35, "4.35"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{1.23e-5, "1.23e-05"},
		{1e-7, "1e-07"},
		{1e15, "1e+15"},
		{1e16, "1e+16"},
		{1e23, "1e+23"},
		{123456789012345.0, "123456789012345"},
		{9007199254740992.0, "9007199254740992"},
		{4503599627370496.0, "4503599627370496"},
		{1000000000000000.5, "1000000000000000.5"},
		{1234567890123456.8, "1234567890123456.8"},
		{123456789012345678.0, "1.2345678901234568e+17"},
		{9223372036854775808.0, "9.223372036854776e+18"},
		{0.00012345678901234567, "0.00012345678901234567"},
		{5.9604644775390625e-08, "5.9604644775390625e-08"}, /* 2^-24 */
		{5.6843418860808015e-14, "5.6843418860808015e-14"}, /* 2^-44 */
		{6.1897001964269014e+26, "6.1897001964269014e+26"}, /* 2^89 */
		{7.1202363472230444e-307, "7.1202363472230444e-307"},
		{1.7976931348623157e308, "1.7976931348623157e+308"},
		{2.2250738585072014e-308, "2.2250738585072014e-308"},
		{4.4501477170144023e-308, "4.4501477170144023e-308"},
		{1e308, "1e+308"},
		{5e-324, "4.94065645841247e-324"},
		{1e-320, "9.99988867182683e-321"},
		{-0.0, "0"},
		{0, "0"},
		{(double)NAN, ""},
		{(double)INFINITY, ""},
		{-(double)INFINITY, ""},
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		assert_string_equal(rs_fmt_exact(buf, sizeof(buf),
		    cases[i].v), cases[i].want);
		if (!isnan(cases[i].v) && !isinf(cases[i].v))
			assert_string_equal(rs_fmt_exact_ref(buf,
			    sizeof(buf), cases[i].v), cases[i].want);
	}
}

/* A short buffer gets what snprintf would leave in it. */
static void
writer_truncates_as_snprintf(void **state)
{
	char buf[8];

	(void)state;
	assert_string_equal(rs_fmt_exact(buf, 5, 0.1 + 0.2), "0.30");
	assert_string_equal(rs_fmt_exact(buf, 1, 1.5), "");
	assert_string_equal(rs_fmt_exact(buf, 2, -0.0), "0");
	assert_string_equal(rs_fmt_exact(buf, 8, 5e-324), "4.94065");
	memcpy(buf, "xyz", 4);
	rs_fmt_exact(buf, 0, 2.5);
	assert_string_equal(buf, "xyz");
}

/* The layout of %.*g for given digits, precision and exponent. */
static void
put_g_lays_out_as_printf(void **state)
{
	char buf[RS_SHORTEST_G_MAX];

	(void)state;
	assert_int_equal(rs_shortest_put_g(buf, 0, 123450000000000u, 15,
	    -5), 10);
	assert_string_equal(buf, "1.2345e-05");
	rs_shortest_put_g(buf, 1, 123450000000000u, 15, -4);
	assert_string_equal(buf, "-0.00012345");
	rs_shortest_put_g(buf, 0, 100000000000000u, 15, 14);
	assert_string_equal(buf, "100000000000000");
	rs_shortest_put_g(buf, 0, 100000000000000u, 15, 15);
	assert_string_equal(buf, "1e+15");
	rs_shortest_put_g(buf, 0, 1000000000000000u, 16, 15);
	assert_string_equal(buf, "1000000000000000");
	rs_shortest_put_g(buf, 1, 12345678901234567u, 17, -308);
	assert_string_equal(buf, "-1.2345678901234567e-308");
	rs_shortest_put_g(buf, 0, 12345678901234567u, 17, 3);
	assert_string_equal(buf, "1234.5678901234567");
	rs_shortest_put_g(buf, 0, 50000000000000000u, 17, 123);
	assert_string_equal(buf, "5e+123");
	assert_int_equal(rs_shortest_put_g(buf, 0, 5, 0, 0), 0);
	assert_string_equal(buf, "");
	rs_shortest_put_g(buf, 0, 5, 1, 0);
	assert_string_equal(buf, "5");
}

/* The exponent and digits of rs_shortest(), as text. */
static void
shortest_text(char *buf, size_t n, double v)
{
	uint64_t digits;
	int x;

	rs_shortest(v, &digits, &x);
	snprintf(buf, n, "%llue%d", (unsigned long long)digits, x);
}

/*
 * rs_shortest() on known cases, and on a sample: what it gives reads back
 * as v, one digit fewer as printf rounds does not, and it is what the
 * exact writer's rule gives when that has 15 digits or fewer (printf's
 * %.15g, its trailing zeros dropped) or 17 (%.17g).
 */
static void
shortest_digits_read_back_and_agree_with_the_rule(void **state)
{
	char buf[64];
	uint64_t seed = 7, digits, gd, rd;
	double v;
	size_t i, n = sample_size();
	int k, p, x, gx, rx;

	(void)state;
	shortest_text(buf, sizeof(buf), 0.1 + 0.2);
	assert_string_equal(buf, "30000000000000004e-17");
	shortest_text(buf, sizeof(buf), 1e23);
	assert_string_equal(buf, "1e23");
	shortest_text(buf, sizeof(buf), 5e-324);
	assert_string_equal(buf, "5e-324");
	shortest_text(buf, sizeof(buf), DBL_MAX);
	assert_string_equal(buf, "17976931348623157e292");
	shortest_text(buf, sizeof(buf), -1.5);
	assert_string_equal(buf, "15e-1");
	shortest_text(buf, sizeof(buf), 5.9604644775390625e-08);
	assert_string_equal(buf, "5960464477539063e-23");
	assert_int_equal(rs_shortest(0.0, &digits, &x), 0);
	assert_int_equal(rs_shortest((double)NAN, &digits, &x), 0);
	assert_int_equal(rs_shortest_g((double)INFINITY, &digits, &x), 0);
	for (i = 0; i < n; i++) {
		v = mix_from_bits(mix_next(&seed));
		if (isnan(v) || isinf(v))
			continue;
		k = rs_shortest(v, &digits, &x);
		snprintf(buf, sizeof(buf), "%llue%d",
		    (unsigned long long)digits, x);
		if (!same(strtod(buf, NULL), fabs(v)))
			fail_msg("%a: shortest %s does not read back", v, buf);
		if (k > 1) {
			snprintf(buf, sizeof(buf), "%.*e", k - 2, fabs(v));
			if (same(strtod(buf, NULL), fabs(v)))
				fail_msg("%a: %s is shorter", v, buf);
		}
		if (fabs(v) < DBL_MIN)
			continue;
		p = rs_shortest_g(v, &gd, &gx);
		/* the rule's digits, trailing zeros dropped */
		for (rd = gd, rx = gx - p + 1; rd % 10 == 0; rd /= 10)
			rx++;
		if (k <= 15)
			assert_int_equal(p, 15);
		else
			assert_int_equal(p >= 16, 1);
		if (k <= 15 || k == 17 || p == 16) {
			assert_true(rd == digits);
			assert_int_equal(rx, x);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writer_gives_the_printf_text),
		cmocka_unit_test(writer_truncates_as_snprintf),
		cmocka_unit_test(put_g_lays_out_as_printf),
		cmocka_unit_test(shortest_digits_read_back_and_agree_with_the_rule),
		cmocka_unit_test(writer_matches_the_reference_on_a_million_doubles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
