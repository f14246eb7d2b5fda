/*
 * test_text.c - number parsing, UTF-8 helpers and the terminal escaper
 */
#include <stdlib.h>

#include "test_util.h"

#include "base/text.h"

struct number_case {
	const char *in;
	enum rs_number_status status;
	double value;		/* when RS_NUMBER_OK */
	const char *why;	/* a part of the reason, when RS_NUMBER_BAD */
};

static const struct number_case number_cases[] = {
	{"12.5", RS_NUMBER_OK, 12.5, NULL},
	{"  -3 ", RS_NUMBER_OK, -3, NULL},
	{"\t+4.25\t", RS_NUMBER_OK, 4.25, NULL},
	{"1.5e3", RS_NUMBER_OK, 1500, NULL},
	{"2E-2", RS_NUMBER_OK, 0.02, NULL},
	{".5", RS_NUMBER_OK, 0.5, NULL},
	{"5.", RS_NUMBER_OK, 5, NULL},
	{"0.1", RS_NUMBER_OK, 0.1, NULL},
	{"1e-400", RS_NUMBER_OK, 0, NULL},	/* underflows to 0 */
	/* Arabic-Indic digits and decimal separator: ١٢٫٥ */
	{"\xD9\xA1\xD9\xA2\xD9\xAB\xD9\xA5", RS_NUMBER_OK, 12.5, NULL},
	/* Extended Arabic-Indic (Persian) digits: ۴۰ */
	{"\xDB\xB4\xDB\xB0", RS_NUMBER_OK, 40, NULL},
	{"", RS_NUMBER_MISSING, 0, NULL},
	{"   ", RS_NUMBER_MISSING, 0, NULL},
	{"NA", RS_NUMBER_MISSING, 0, NULL},
	{"n/a", RS_NUMBER_MISSING, 0, NULL},
	{" N/A ", RS_NUMBER_MISSING, 0, NULL},
	{"12,5", RS_NUMBER_BAD, 0, "decimal point"},
	{"1,234.5", RS_NUMBER_BAD, 0, "thousands separator"},
	{"1 234", RS_NUMBER_BAD, 0, "is not a number"},
	{"NaN", RS_NUMBER_BAD, 0, "NaN"},
	{"-nan", RS_NUMBER_BAD, 0, "NaN"},
	{"inf", RS_NUMBER_BAD, 0, "infinite"},
	{"-Infinity", RS_NUMBER_BAD, 0, "infinite"},
	{"1e999", RS_NUMBER_BAD, 0, "out of range"},
	{"-1e400", RS_NUMBER_BAD, 0, "out of range"},
	{"0x10", RS_NUMBER_BAD, 0, "is not a number"},
	{"12%", RS_NUMBER_BAD, 0, "is not a number"},
	{"e5", RS_NUMBER_BAD, 0, "is not a number"},
	{"1e", RS_NUMBER_BAD, 0, "is not a number"},
	{"+-1", RS_NUMBER_BAD, 0, "is not a number"},
	{".", RS_NUMBER_BAD, 0, "is not a number"},
	{"NAN", RS_NUMBER_BAD, 0, "NaN"},
	{"NA NA", RS_NUMBER_BAD, 0, "is not a number"},
};

static void
numbers_parse_by_the_documented_rules(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(number_cases) / sizeof(*number_cases); i++) {
		const struct number_case *c = &number_cases[i];
		const char *why = NULL;
		double v = -999;
		enum rs_number_status st;

		st = rs_number_parse(c->in, strlen(c->in), &v, &why);
		if (st != c->status)
			print_error("\"%s\": status %d, want %d\n", c->in,
			    (int)st, (int)c->status);
		assert_int_equal(st, c->status);
		if (st == RS_NUMBER_OK)
			assert_near(v, c->value, 0);
		if (st == RS_NUMBER_BAD) {
			assert_non_null(why);
			if (strstr(why, c->why) == NULL)
				print_error("\"%s\": %s\n", c->in, why);
			assert_non_null(strstr(why, c->why));
		}
	}
}

/* COINr writes 17 digits: both neighbours of 5.1 must come back exact. */
static void
numbers_round_trip_17_digits(void **state)
{
	const char *a = "5.0999999999999996", *b = "5.1000000000000005";
	const char *why;
	double x, y;

	(void)state;
	assert_int_equal(rs_number_parse(a, strlen(a), &x, &why),
	    RS_NUMBER_OK);
	assert_int_equal(rs_number_parse(b, strlen(b), &y, &why),
	    RS_NUMBER_OK);
	assert_false(x < 5.1 || x > 5.1);	/* the double nearest 5.1 */
	assert_true(y > x);
	assert_true(nextafter(x, 6) >= y && nextafter(x, 6) <= y);
}

/* Does rs_number_parse() read s as the very double strtod does? */
static int
same_as_strtod(const char *s)
{
	const char *why;
	double got = 0, want = strtod(s, NULL);

	if (rs_number_parse(s, strlen(s), &got, &why) != RS_NUMBER_OK ||
	    memcmp(&got, &want, sizeof(got)) != 0) {
		print_error("\"%s\": %.17g (%a), strtod %.17g (%a)\n", s, got,
		    got, want, want);
		return 0;
	}
	return 1;
}

/*
 * The fast path (15 digits, powers of ten to 22) and the strtod fallback
 * meet at these edges: each must give strtod's bits, sign of zero too.
 */
static void
numbers_are_bit_identical_to_strtod_at_the_edges(void **state)
{
	static const char *const edges[] = {
		"0", "-0", "+0.0", "-0.000", "0e5", "-0e-30", "0.0e0",
		"1", "-1", "1e22", "1e23", "-1e-22", "1e-23", "1e-5",
		"123456789012345", "1234567890123456", "999999999999999",
		"999999999999999e22", "999999999999999e23",
		"999999999999999e-22", "1.23456789012345e-7",
		"9007199254740991", "9007199254740992", "9007199254740993",
		"0.1", "0.2", "0.3", "2.675", "1.005", "5e-324", "4.9e-324",
		"2.2250738585072011e-308", "2.2250738585072014e-308",
		"1.7976931348623157e308", "1e-400", "0.000000000000000000001",
		"000000000000000000000000000001.5", "1.000000000000000000000",
		"100000000000000000000000", "3.141592653589793",
		"3.14159265358979", "69.16666666666667", "69.1666666666667",
		"12.5", ".5", "5.", "1e0000000000000000022",
		"1e000000000000000000023", "8.589973e9", "7.038531e-26",
		"0.30000000000000004", "1.7976931348623157e-308",
		"123456.789012345e10", "0.000123456789012345e-5",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(edges) / sizeof(*edges); i++)
		assert_true(same_as_strtod(edges[i]));
}

/*
 * Two million random decimals of 1 to 19 digits, a point anywhere or
 * nowhere and an exponent or none: mostly in the fast path, the rest
 * just outside it.  xorshift64 with a fixed seed, so a failure repeats.
 */
static void
numbers_are_bit_identical_to_strtod_at_random(void **state)
{
	uint64_t x = 0x2545F4914F6CDD1DULL;
	char s[64];
	long i;
	int k, nd, point, o;

	(void)state;
	for (i = 0; i < 2000000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		o = 0;
		if (x % 3 == 1)
			s[o++] = (x >> 2) % 2 ? '-' : '+';
		nd = 1 + (int)((x >> 4) % 19);
		point = (int)((x >> 9) % (uint64_t)(nd + 2)) - 1;
		for (k = 0; k < nd; k++) {
			if (k == point)
				s[o++] = '.';
			s[o++] = (char)('0' + (x >> (14 + 3 * (k % 16))) % 10);
			if (k % 16 == 15)
				x = x * 6364136223846793005ULL + 1;
		}
		if ((x >> 60) % 2)
			o += snprintf(s + o, sizeof(s) - (size_t)o, "e%d",
			    (int)((x >> 40) % 61) - 30);
		s[o] = '\0';
		if (!same_as_strtod(s))
			fail();
	}
}

static void
utf8_is_checked(void **state)
{
	size_t bad = 99;

	(void)state;
	assert_int_equal(rs_utf8_check("abc \xD8\xA8", 6, &bad), 0);
	assert_int_equal(rs_utf8_check("ab\xC0\xAF", 4, &bad), -1);
	assert_int_equal(bad, 2);	/* overlong '/' */
	assert_int_equal(rs_utf8_check("\xED\xA0\x80", 3, &bad), -1);
	assert_int_equal(bad, 0);	/* surrogate */
	assert_int_equal(rs_utf8_check("a\xF4\x90\x80\x80", 5, &bad), -1);
	assert_int_equal(bad, 1);	/* beyond U+10FFFF */
	assert_int_equal(rs_utf8_check("ab\xE2\x82", 4, &bad), -1);
	assert_int_equal(bad, 2);	/* truncated */
	assert_int_equal(rs_utf8_check("a\0b", 3, &bad), -1);
	assert_int_equal(bad, 1);	/* NUL */
}

static void
display_width_counts_columns(void **state)
{
	int cut;

	(void)state;
	assert_int_equal(rs_utf8_width("Beirut"), 6);
	/* بيروت: five letters, five columns, ten bytes */
	assert_int_equal(rs_utf8_width("\xD8\xA8\xD9\x8A\xD8\xB1\xD9\x88"
	    "\xD8\xAA"), 5);
	/* a fatha (U+064E) takes no column */
	assert_int_equal(rs_utf8_width("\xD8\xA8\xD9\x8E"), 1);
	/* CJK is two columns wide */
	assert_int_equal(rs_utf8_width("\xE4\xB8\xAD\xE6\x96\x87"), 4);
	assert_int_equal(rs_utf8_fit("Alexandria", 20, &cut), 10);
	assert_false(cut);
	/* cut to 7 columns: 4 characters and "..." */
	assert_int_equal(rs_utf8_fit("Alexandria", 7, &cut), 4);
	assert_true(cut);
	assert_int_equal(rs_utf8_fit("\xD8\xA8\xD9\x8A\xD8\xB1\xD9\x88"
	    "\xD8\xAA\xD8\xA8", 5, &cut), 4);
	assert_true(cut);
}

static void
positions_count_characters(void **state)
{
	long line, col;

	(void)state;
	rs_text_position("ab\ncd\xD8\xA8x", 7, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);	/* x after c, d and one letter */
	rs_text_position("", 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
}

/* The terminal escaper for text shown whole: never cut, whatever n. */
static void
escape_dup_is_never_cut(void **state)
{
	char in[3000], *out;
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)	/* the worst case: 4 bytes out per byte */
		in[i] = '\033';
	out = rs_text_escape_dup(in, 1000);
	assert_int_equal(strlen(out), 4000);
	assert_memory_equal(out + 3996, "\\x1B", 4);
	free(out);
	for (i = 0; i < 1000; i++)	/* U+202E: 3 bytes in, 6 out */
		memcpy(in + 3 * i, "\xe2\x80\xae", 3);
	out = rs_text_escape_dup(in, 3000);
	assert_int_equal(strlen(out), 6000);
	assert_null(strstr(out, "..."));
	free(out);
	out = rs_text_escape_dup("Evil\033[2J\nCity\xff", 14);
	assert_string_equal(out, "Evil\\x1B[2J\\nCity\\xFF");
	free(out);
	out = rs_text_escape_dup("", 0);
	assert_string_equal(out, "");
	free(out);
}

/* Text no reader checked (a file name) made UTF-8, controls kept. */
static void
file_names_are_made_utf8(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"bad\xff", "bad\\xFF"},
		{"M\xfcnchen", "M\\xFCnchen"},			/* Latin-1 */
		{"cut\xd8", "cut\\xD8"},
		{"\xc0\xaf", "\\xC0\\xAF"},			/* overlong */
		{"\xed\xa0\x80", "\\xED\\xA0\\x80"},		/* surrogate */
		{"\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa",
		    "\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa"},
		{"esc\033 kept", "esc\033 kept"},	/* data, escaped on output */
		{"", ""},
	};
	char *out;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		out = rs_utf8_valid_dup(cases[i].in, strlen(cases[i].in));
		assert_string_equal(out, cases[i].out);
		free(out);
	}
	out = rs_utf8_valid_dup("ab\xff", 2);	/* only n bytes */
	assert_string_equal(out, "ab");
	free(out);
}

static void
code_points_are_classified(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(rs_utf8_next("\xc2\x85x", 3, &cp), 2);
	assert_int_equal(cp, 0x85);
	assert_int_equal(rs_utf8_next("\xe2\x80\xae", 3, &cp), 3);
	assert_int_equal(cp, 0x202E);
	assert_int_equal(rs_utf8_next("\xe2\x80", 2, &cp), 0);	/* cut */
	assert_int_equal(rs_utf8_next("\xff", 1, &cp), 0);
	assert_int_equal(rs_utf8_next("a", 0, &cp), 0);
	assert_int_equal(rs_utf8_next("", 1, &cp), 1);		/* a NUL */
	assert_true(rs_text_control(0x00) && rs_text_control(0x1B));
	assert_true(rs_text_control(0x7F) && rs_text_control(0x85));
	assert_true(rs_text_control(0x9F));
	assert_false(rs_text_control(0xA0) || rs_text_control(' '));
	assert_false(rs_text_control(0x202E));
	assert_true(rs_text_unsafe(0x1B) && rs_text_unsafe(0x85));
	assert_true(rs_text_unsafe(0x2028) && rs_text_unsafe(0x2029));
	assert_true(rs_text_unsafe(0x202A) && rs_text_unsafe(0x202E));
	assert_true(rs_text_unsafe(0x2066) && rs_text_unsafe(0x2069));
	assert_true(rs_text_unsafe(0x200B) && rs_text_unsafe(0xFEFF));
	/* right-to-left marks and Arabic letters are text */
	assert_false(rs_text_unsafe(0x200F) || rs_text_unsafe(0x061C));
	assert_false(rs_text_unsafe(0x0628) || rs_text_unsafe(0x2065));
	assert_false(rs_text_unsafe(0x202F) || rs_text_unsafe('a'));
}

/* Whole-number option values: digits alone, all of them, in range. */
static void
uint_parse_takes_decimal_digits_only(void **state)
{
	static const struct {
		const char *in;
		uint64_t lo, hi;
		int ok;
		uint64_t value;
	} cases[] = {
		{"0", 0, 10, 1, 0},
		{"10", 0, 10, 1, 10},
		{"007", 0, 10, 1, 7},
		{"18446744073709551615", 0, UINT64_MAX, 1, UINT64_MAX},
		{"18446744073709551616", 0, UINT64_MAX, 0, 0},
		{"99999999999999999999", 0, UINT64_MAX, 0, 0},
		{"11", 0, 10, 0, 0},
		{"0", 1, 10, 0, 0},
		{"", 0, 10, 0, 0},
		{" -1", 0, UINT64_MAX, 0, 0},
		{"-1", 0, UINT64_MAX, 0, 0},
		{"-0", 0, 10, 0, 0},
		{"+5", 0, 10, 0, 0},
		{" 5", 0, 10, 0, 0},
		{"5 ", 0, 10, 0, 0},
		{"\t5", 0, 10, 0, 0},
		{"0x10", 0, 100, 0, 0},
		{" 0x7e3", 1, 9999, 0, 0},
		{"1e3", 0, 10000, 0, 0},
		{"5.0", 0, 10, 0, 0},
		{"\xd9\xa5", 0, 10, 0, 0},	/* Arabic-Indic 5 */
	};
	uint64_t v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		v = 12345;
		if (rs_uint_parse(cases[i].in, strlen(cases[i].in),
		    cases[i].lo, cases[i].hi, &v) != (cases[i].ok ? 0 : -1))
			fail_msg("\"%s\": want %s", cases[i].in,
			    cases[i].ok ? "accepted" : "refused");
		assert_true(cases[i].ok ? v == cases[i].value : v == 12345);
	}
	/* a prefix of the text only: "12" of "123" */
	assert_int_equal(rs_uint_parse("123", 2, 0, 100, &v), 0);
	assert_true(v == 12);
}

/* A line of spaces, tabs and a CR is blank; any other byte is not. */
static void
blank_lines(void **state)
{
	(void)state;
	assert_true(rs_blank_line("", 0));
	assert_true(rs_blank_line(" \t \r", 4));
	assert_false(rs_blank_line(" x ", 3));
	assert_false(rs_blank_line("\n", 1));
	assert_false(rs_blank_line("\xc2\xa0", 2));	/* no-break space */
	/* only the first n bytes count */
	assert_true(rs_blank_line("  x", 2));
}

/* Right-aligned by display columns, not bytes: Arabic is 2 bytes a column. */
static void
put_right_pads_by_columns(void **state)
{
	static const struct {
		const char *s;
		size_t width;
		const char *want;
	} cases[] = {
		{"12", 5, "   12"},
		{"12", 2, "12"},
		{"12345", 3, "12345"},	/* wider: never cut */
		{"", 2, "  "},
		{"\xd9\x85\xd8\xb1\xd8\xaa\xd9\x81\xd8\xb9", 7,
		    "  \xd9\x85\xd8\xb1\xd8\xaa\xd9\x81\xd8\xb9"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		assert_non_null(mem);
		rs_text_put_right(mem, cases[i].s, cases[i].width);
		assert_int_equal(fclose(mem), 0);
		assert_string_equal(buf, cases[i].want);
		free(buf);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blank_lines),
		cmocka_unit_test(numbers_parse_by_the_documented_rules),
		cmocka_unit_test(uint_parse_takes_decimal_digits_only),
		cmocka_unit_test(numbers_round_trip_17_digits),
		cmocka_unit_test(
		    numbers_are_bit_identical_to_strtod_at_the_edges),
		cmocka_unit_test(numbers_are_bit_identical_to_strtod_at_random),
		cmocka_unit_test(utf8_is_checked),
		cmocka_unit_test(display_width_counts_columns),
		cmocka_unit_test(put_right_pads_by_columns),
		cmocka_unit_test(positions_count_characters),
		cmocka_unit_test(escape_dup_is_never_cut),
		cmocka_unit_test(file_names_are_made_utf8),
		cmocka_unit_test(code_points_are_classified),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
