/*
 * test_robust_text.c - numbers whatever the locale, encodings, escapes and
 * positions (text.c, error.c; docs/robustness.md)
 */
#include "test_util.h"

#include <locale.h>
#include <stdlib.h>

#include "resilience/error.h"
#include "base/text.h"
#include "io/readfile.h"

/* A value field and what rs_number_parse() makes of it. */
struct number_case {
	const char *in;
	enum rs_number_status status;
	double value;		/* RS_NUMBER_OK */
	const char *why;	/* RS_NUMBER_BAD: part of the reason */
};

#define OK(s, v) {s, RS_NUMBER_OK, v, NULL}
#define MISSING(s) {s, RS_NUMBER_MISSING, 0, NULL}
#define BAD(s, why) {s, RS_NUMBER_BAD, 0, why}

static const struct number_case numbers[] = {
	OK("12.5", 12.5),
	OK("0", 0),
	OK("007", 7),
	OK("-3.25", -3.25),
	/* A plus sign is accepted. */
	OK("+3", 3),
	OK("+.5", 0.5),
	/* Leading and trailing spaces and tabs are ignored. */
	OK("  12.5", 12.5),
	OK("12.5\t ", 12.5),
	OK(" \t-1 ", -1),
	/* A point with digits on one side. */
	OK(".5", 0.5),
	OK("5.", 5),
	/* Exponents, either case, signed or not. */
	OK("1e3", 1000),
	OK("1E3", 1000),
	OK("2.5e-3", 0.0025),
	OK("2.5E+2", 250),
	OK("1e308", 1e308),
	/* Underflow rounds to zero or a subnormal, as strtod does. */
	OK("1e-400", 0),
	/* Arabic-Indic digits (U+0660..U+0669) and the Arabic decimal
	 * separator (U+066B); Extended Arabic-Indic (U+06F0..U+06F9). */
	OK("\xd9\xa1\xd9\xa2\xd9\xab\xd9\xa5", 12.5),		/* ١٢٫٥ */
	OK("\xd9\xa0\xd9\xab\xd9\xa0\xd9\xa5", 0.05),		/* ٠٫٠٥ */
	OK("\xdb\xb1\xdb\xb2", 12),				/* ۱۲ */
	OK("-\xd9\xa3", -3),					/* -٣ */
	OK("\xd9\xa1" "e" "\xd9\xa2", 100),			/* ١e٢ */
	OK("\xd9\xa1" "2.5", 12.5),	/* scripts may be mixed */
	/* Missing values. */
	MISSING(""),
	MISSING("   "),
	MISSING("NA"),
	MISSING("na"),
	MISSING("N/A"),
	MISSING(" n/a "),
	/* A decimal comma or a thousands separator: a hint. */
	BAD("12,5", "use '.' as the decimal point"),
	BAD("1,234.5", "no thousands separator"),
	BAD("\xd9\xa1\xd9\xa2\xd9\xac\xd9\xa5", "decimal point"),	/* ٬ */
	BAD("1 234", "without spaces or thousands separators"),
	BAD("1\xc2\xa0" "234", "without spaces"),		/* NBSP */
	BAD("1\xe2\x80\xaf" "234", "without spaces"),		/* NNBSP */
	BAD("1'234", "thousands separators"),
	/* Not numbers. */
	BAD("abc", "is not a number"),
	BAD("null", "is not a number"),
	BAD("-", "is not a number"),
	BAD(".", "is not a number"),
	BAD("e5", "is not a number"),
	BAD("1e", "is not a number"),
	BAD("1e+", "is not a number"),
	BAD("1.2.3", "is not a number"),
	BAD("--1", "is not a number"),
	BAD("+-1", "is not a number"),
	BAD("0x10", "is not a number"),
	BAD("1_000", "is not a number"),
	BAD("12%", "is not a number"),
	BAD("$12", "is not a number"),
	BAD("1 e3", "is not a number"),
	BAD("\xef\xbc\x91", "is not a number"),		/* fullwidth 1 */
	BAD("nan", "is NaN"),
	BAD("NaN", "is NaN"),
	BAD("-nan", "is NaN"),
	BAD("inf", "is infinite"),
	BAD("-Infinity", "is infinite"),
	BAD("INF", "is infinite"),
	BAD("1e309", "out of range"),
	BAD("-1e400", "out of range"),
};

static void
check_numbers(void)
{
	const char *why;
	double v;
	size_t i;

	for (i = 0; i < sizeof(numbers) / sizeof(*numbers); i++) {
		const struct number_case *c = &numbers[i];
		enum rs_number_status st;

		v = -999;
		st = rs_number_parse(c->in, strlen(c->in), &v, &why);
		if (st != c->status) {
			print_error("\"%s\": status %d, want %d (%s)\n", c->in,
			    (int)st, (int)c->status, why ? why : "");
			fail();
		}
		/* Exact: the nearest double, as strtod gives it. */
		if (st == RS_NUMBER_OK && memcmp(&v, &c->value,
		    sizeof(v)) != 0) {
			print_error("\"%s\": %.17g, want %.17g\n", c->in, v,
			    c->value);
			fail();
		}
		if (st == RS_NUMBER_BAD && (why == NULL ||
		    strstr(why, c->why) == NULL)) {
			print_error("\"%s\": why \"%s\", want \"%s\"\n", c->in,
			    why ? why : "(null)", c->why);
			fail();
		}
	}
}

static void
numbers_parse_as_documented(void **state)
{
	(void)state;
	check_numbers();
}

static void
numbers_are_not_cut_at_a_nul_or_the_length(void **state)
{
	const char *why;
	double v = 0;

	(void)state;
	/* Only n bytes count: "12" of "123". */
	assert_int_equal(rs_number_parse("123", 2, &v, &why), RS_NUMBER_OK);
	assert_near(v, 12, 0);
	/* A number of 255 characters is read; one longer is refused. */
	{
		char buf[400];

		memset(buf, '0', sizeof(buf));
		buf[0] = '1';
		buf[1] = '.';
		assert_int_equal(rs_number_parse(buf, 255, &v, &why),
		    RS_NUMBER_OK);
		assert_near(v, 1, 0);
		assert_int_equal(rs_number_parse(buf, 256, &v, &why),
		    RS_NUMBER_BAD);
		assert_non_null(strstr(why, "too long"));
	}
}

/* The first of names that setlocale accepts for LC_NUMERIC, or NULL. */
static const char *
try_locale(const char *const *names)
{
	for (; *names != NULL; names++)
		if (setlocale(LC_NUMERIC, *names) != NULL)
			return *names;
	return NULL;
}

/*
 * strtod follows LC_NUMERIC: in a decimal-comma locale the library swaps
 * the point before calling it, so "12.5" still reads 12.5 and "12,5" is
 * still refused.  The locales come from tests/robust/make-locales.sh
 * (LOCPATH); without them the test is skipped, saying so.
 */
static void
numbers_ignore_a_decimal_comma_locale(void **state)
{
	static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8",
	    "fr_FR.UTF-8", "fr_FR.utf8", "nl_NL.UTF-8", "ru_RU.UTF-8", NULL};
	const char *name = try_locale(names);
	char msg[64];
	struct rs_error err = {0};

	(void)state;
	if (name == NULL) {
		fprintf(stderr, "SKIP: no decimal-comma locale (de_DE.UTF-8) "
		    "is installed; run tests/robust/make-locales.sh\n");
		skip();
	}
	assert_string_equal(localeconv()->decimal_point, ",");
	check_numbers();
	/* Numbers in error messages keep their point too. */
	rs_error_set(&err, RS_EINPUT, "f", 1, 1, "%.1f %g", 12.5, 0.25);
	snprintf(msg, sizeof(msg), "%.1f", 12.5);
	setlocale(LC_NUMERIC, "C");
	assert_string_equal(msg, "12,5");	/* the locale did apply */
	assert_string_equal(err.msg, "12.5 0.25");
}

/* ps_AF's decimal point is U+066B, two bytes long. */
static void
numbers_ignore_a_multibyte_point_locale(void **state)
{
	static const char *const names[] = {"ps_AF.UTF-8", "ps_AF.utf8",
	    NULL};
	const char *name = try_locale(names);

	(void)state;
	if (name == NULL) {
		fprintf(stderr, "SKIP: no ps_AF.UTF-8 locale is installed; "
		    "run tests/robust/make-locales.sh\n");
		skip();
	}
	assert_string_equal(localeconv()->decimal_point, "\xd9\xab");
	check_numbers();
	setlocale(LC_NUMERIC, "C");
}

/* rs_text_escape: what must not reach a terminal, and cutting. */
static void
escape_neutralises_control_characters(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "plain"},
		/* Beirut in Arabic */
		{"\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa",
		    "\xd8\xa8\xd9\x8a\xd8\xb1\xd9\x88\xd8\xaa"},
		{"a\nb\rc\td", "a\\nb\\rc\\td"},
		{"\x1b[31mred", "\\x1B[31mred"},
		{"del\x7f", "del\\x7F"},
		{"c1\xc2\x9b", "c1\\u009B"},			/* CSI */
		{"rlo\xe2\x80\xae", "rlo\\u202E"},
		{"lri\xe2\x81\xa6", "lri\\u2066"},
		{"ls\xe2\x80\xa8", "ls\\u2028"},
		{"bom\xef\xbb\xbf" "1", "bom\\uFEFF1"},
		{"bad\xff", "bad\\xFF"},
		{"cut\xd9", "cut\\xD9"},		/* truncated sequence */
		{"back\\slash", "back\\slash"},		/* not doubled */
	};
	char buf[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		rs_text_escape(buf, sizeof(buf), cases[i].in,
		    strlen(cases[i].in), 0);
		assert_string_equal(buf, cases[i].out);
		assert_int_equal(rs_text_needs_escape(cases[i].in,
		    strlen(cases[i].in)), strcmp(cases[i].in,
		    cases[i].out) != 0);
	}
	/* A NUL inside the n bytes is escaped too. */
	rs_text_escape(buf, sizeof(buf), "a\0b", 3, 0);
	assert_string_equal(buf, "a\\x00b");
}

static void
escape_cuts_on_character_boundaries(void **state)
{
	char buf[16], q[RS_QUOTE_SIZE];
	const char *ar = "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4";	/* ١٢٣٤ */
	char longer[200];

	(void)state;
	rs_text_escape(buf, sizeof(buf), "abcdef", 6, 3);
	assert_string_equal(buf, "abc...");
	rs_text_escape(buf, sizeof(buf), ar, strlen(ar), 2);
	assert_string_equal(buf, "\xd9\xa1\xd9\xa2...");
	/* A full buffer: never half a character, never half an escape. */
	rs_text_escape(buf, 8, ar, strlen(ar), 0);
	assert_string_equal(buf, "\xd9\xa1\xd9\xa2...");
	rs_text_escape(buf, 9, "\n\n\n\n\n", 5, 0);
	assert_string_equal(buf, "\\n\\n...");
	rs_text_escape(buf, 1, "abc", 3, 0);
	assert_string_equal(buf, "");
	memset(longer, 'x', sizeof(longer));
	rs_text_quote(q, longer, sizeof(longer));
	assert_int_equal(strlen(q), RS_QUOTE_MAX + 3);
}

/* An error always formats to one printable line. */
static void
error_lines_are_one_printable_line(void **state)
{
	struct rs_error err = {0};
	char buf[1200], big[2000];
	size_t i;

	(void)state;
	rs_error_set(&err, RS_EINPUT, "dir/we\nird.csv", 3, 2,
	    "unknown indicator \"%s\"", "a\x1b]0;pwned\x07");
	rs_error_format(&err, buf, sizeof(buf));
	assert_string_equal(buf, "dir/we\\nird.csv:3:2: unknown indicator "
	    "\"a\\x1B]0;pwned\\x07\"");
	/* A message longer than the buffer is cut on a boundary, marked. */
	for (i = 0; i + 2 < sizeof(big); i += 2)
		memcpy(big + i, "\xd9\xa1", 2);
	big[i] = '\0';
	rs_error_set(&err, RS_EINPUT, "f", 1, 1, "%s", big);
	assert_int_equal(strlen(err.msg), sizeof(err.msg) - 1);
	assert_string_equal(err.msg + strlen(err.msg) - 3, "...");
	rs_error_format(&err, buf, sizeof(buf));
	assert_null(strstr(buf, "\\x"));	/* no broken sequence */
	/* A small buffer still gets a terminated, marked line. */
	rs_error_format(&err, buf, 20);
	assert_string_equal(buf, "f:1:1: \xd9\xa1\xd9\xa1\xd9\xa1\xd9\xa1...");
}

/* Each encoding problem named, and where it is. */
static void
text_check_names_encodings(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		long line, col;
		const char *msg;
	} cases[] = {
		{"\xff\xfei\0n\0", 6, 1, 1, "UTF-16LE (it starts with a byte"},
		{"\xfe\xff\0i\0n", 6, 1, 1, "UTF-16BE (it starts with a byte"},
		{"\xff\xfe\0\0i\0\0\0", 8, 1, 1, "UTF-32LE"},
		{"\0\0\xfe\xff\0\0\0i", 8, 1, 1, "UTF-32BE"},
		{"c\0i\0t\0y\0,\0a\0", 12, 1, 1,
		    "UTF-16LE without a byte order mark"},
		{"\0c\0i\0t\0y\0,\0a", 12, 1, 1,
		    "UTF-16BE without a byte order mark"},
		{"PK\x03\x04\x14\0\x06\0", 8, 1, 1, ".xlsx"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0", 9, 1, 1, ".xls"},
		{"\x1f\x8b\x08\0", 4, 1, 1, "gzip"},
		{"%PDF-1.7\n\xe2\xe3\xcf\xd3", 13, 1, 1, "PDF"},
		{"city\nX\0", 7, 2, 2, "NUL byte"},
		{"a,b\r\nc,\xe9t\xe9\n", 11, 2, 3,
		    "invalid UTF-8 (byte 0xE9); save the file as UTF-8 (it "
		    "may be Latin-1"},
		{"x\n\xd9\xa1\xd9", 5, 2, 2, "invalid UTF-8 (byte 0xD9)"},
		{"\xc0\xaf", 2, 1, 1, "invalid UTF-8 (byte 0xC0)"}, /* overlong */
		{"\xed\xa0\x80", 3, 1, 1, "invalid UTF-8"},	/* surrogate */
		{"\xf4\x90\x80\x80", 4, 1, 1, "invalid UTF-8"}, /* > U+10FFFF */
		{"a\rb\r\xff", 5, 3, 1, "invalid UTF-8"},	/* lone CRs */
	};
	struct rs_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		rs_error_clear(&err);
		assert_int_equal(rs_text_check(cases[i].text, cases[i].len,
		    "in.csv", &err), RS_EINPUT);
		assert_string_equal(err.path, "in.csv");
		assert_error_at(err, cases[i].line, cases[i].col,
		    cases[i].msg);
	}
	/* Valid text passes, Arabic, a BOM-less file and controls alike. */
	assert_int_equal(rs_text_check("a,\xd8\xa8\x01\n", 6, "f", &err), 0);
	assert_int_equal(rs_text_check("", 0, "f", &err), 0);
}

/* Lines end at LF, CRLF and a lone CR; columns count characters. */
static void
positions_count_lines_and_characters(void **state)
{
	static const char text[] = "ab\ncd\r\nef\rg\xd9\xa1h";
	long line, col;

	(void)state;
	rs_text_locate(text, sizeof(text) - 1, 0, &line, &col);
	assert_true(line == 1 && col == 1);
	rs_text_locate(text, sizeof(text) - 1, 4, &line, &col);
	assert_true(line == 2 && col == 2);
	rs_text_locate(text, sizeof(text) - 1, 5, &line, &col);
	assert_true(line == 2 && col == 3);	/* the CR of CRLF */
	rs_text_locate(text, sizeof(text) - 1, 7, &line, &col);
	assert_true(line == 3 && col == 1);
	rs_text_locate(text, sizeof(text) - 1, 10, &line, &col);
	assert_true(line == 4 && col == 1);
	rs_text_locate(text, sizeof(text) - 1, 13, &line, &col);
	assert_true(line == 4 && col == 3);	/* after one Arabic digit */
	assert_int_equal(rs_line_len("ab\r\ncd", 6), 4);
	assert_int_equal(rs_line_len("ab\rcd", 5), 3);
	assert_int_equal(rs_line_len("ab\r", 3), 3);
	assert_int_equal(rs_line_len("ab", 2), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_parse_as_documented),
		cmocka_unit_test(numbers_are_not_cut_at_a_nul_or_the_length),
		cmocka_unit_test(numbers_ignore_a_decimal_comma_locale),
		cmocka_unit_test(numbers_ignore_a_multibyte_point_locale),
		cmocka_unit_test(escape_neutralises_control_characters),
		cmocka_unit_test(escape_cuts_on_character_boundaries),
		cmocka_unit_test(error_lines_are_one_printable_line),
		cmocka_unit_test(text_check_names_encodings),
		cmocka_unit_test(positions_count_lines_and_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
