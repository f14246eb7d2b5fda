/*
 * test_i18n.c - the message table and its templates (i18n.c)
 */
#include "test_util.h"

#include <stdlib.h>

#include "base/i18n.h"

/* The placeholders %1..%9 of s, as a bit set. */
static unsigned
placeholders(const char *s)
{
	unsigned set = 0;

	for (; *s != '\0'; s++)
		if (s[0] == '%' && s[1] >= '1' && s[1] <= '9')
			set |= 1u << (s[1] - '0');
	return set;
}

/* Whether s holds a letter of the Arabic block (U+0600..U+06FF). */
static int
has_arabic_letter(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		if ((p[0] == 0xD8 || p[0] == 0xD9 || p[0] == 0xDA ||
		    p[0] == 0xDB) && (p[1] & 0xC0) == 0x80)
			return 1;
	return 0;
}

static void
every_message_has_both_languages(void **state)
{
	int m;

	(void)state;
	for (m = 0; m < RS_MSG_COUNT; m++) {
		const char *en = rs_i18n("en", (enum rs_msg)m);
		const char *ar = rs_i18n("ar", (enum rs_msg)m);

		if (en[0] == '\0' || ar[0] == '\0')
			fail_msg("message %d has an empty form", m);
		/* Arabic, not a copy of the English */
		if (strcmp(en, ar) == 0 || !has_arabic_letter(ar))
			fail_msg("message %d (\"%s\") has no Arabic form", m,
			    en);
		if (has_arabic_letter(en))
			fail_msg("message %d: Arabic in the English form", m);
		/* each language places every argument, none other */
		if (placeholders(en) != placeholders(ar))
			fail_msg("message %d: \"%s\" and \"%s\" take other "
			    "arguments", m, en, ar);
	}
}

static void
languages_are_chosen_by_their_code(void **state)
{
	(void)state;
	assert_string_equal(rs_i18n(NULL, RS_MSG_COVERAGE), "Coverage");
	assert_string_equal(rs_i18n("en", RS_MSG_COVERAGE), "Coverage");
	assert_string_equal(rs_i18n("fr", RS_MSG_COVERAGE), "Coverage");
	assert_string_equal(rs_i18n("ar", RS_MSG_COVERAGE), "التغطية");
	assert_string_equal(rs_i18n("ar-EG", RS_MSG_COVERAGE), "التغطية");
	assert_string_equal(rs_i18n("ar_SA", RS_MSG_COVERAGE), "التغطية");
	/* Mapudungun and Egyptian Arabic's own code are not "ar" */
	assert_string_equal(rs_i18n("arn", RS_MSG_COVERAGE), "Coverage");
	assert_string_equal(rs_i18n("arz", RS_MSG_COVERAGE), "Coverage");
	assert_true(rs_i18n_arabic("ar"));
	assert_false(rs_i18n_arabic("a"));
	assert_false(rs_i18n_arabic(NULL));
	/* past the table: an empty word, not a crash */
	assert_string_equal(rs_i18n("en", RS_MSG_COUNT), "");
	assert_string_equal(rs_i18n("ar", (enum rs_msg)-1), "");
}

static void
right_to_left_languages(void **state)
{
	static const char *const rtl[] = {"ar", "fa", "he", "ur", "he-IL",
	    "fa_IR"};
	static const char *const ltr[] = {"en", "fr", "de", "arn", "heb",
	    "u", ""};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rtl) / sizeof(*rtl); i++)
		assert_true(rs_i18n_rtl(rtl[i]));
	for (i = 0; i < sizeof(ltr) / sizeof(*ltr); i++)
		assert_false(rs_i18n_rtl(ltr[i]));
	assert_false(rs_i18n_rtl(NULL));
}

/* rs_i18n_expand()'s pieces, joined. */
static void
put_str(void *ctx, const char *s, size_t len)
{
	strncat(ctx, s, len);
}

static void
expand(char *out, const char *tmpl, const char *const *args, size_t n)
{
	out[0] = '\0';
	rs_i18n_expand(tmpl, args, n, put_str, out);
}

static void
templates_take_their_arguments_in_any_order(void **state)
{
	static const char *const args[] = {"3", "17", "x"};
	char out[256];

	(void)state;
	expand(out, rs_i18n("en", RS_MSG_OF), args, 2);
	assert_string_equal(out, "3 of 17");
	expand(out, rs_i18n("ar", RS_MSG_OF), args, 2);
	assert_string_equal(out, "3 من 17");
	/* an argument used twice, others in reverse order */
	expand(out, "%2 %1 %2", args, 2);
	assert_string_equal(out, "17 3 17");
	/* a placeholder past the arguments and a lone % stay as written */
	expand(out, "%1%% and %3, 100%", args, 2);
	assert_string_equal(out, "3%% and %3, 100%");
	expand(out, "%1", args, 0);
	assert_string_equal(out, "%1");
	expand(out, "", args, 3);
	assert_string_equal(out, "");
	/* %0 is no placeholder */
	expand(out, "%0%1", args, 1);
	assert_string_equal(out, "%03");
}

static void
print_writes_the_expanded_template(void **state)
{
	static const char *const args[] = {"46.8%", "50%"};
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(mem);
	rs_i18n_print(mem, rs_i18n("en", RS_MSG_NO_SCORE), args, 2);
	assert_int_equal(fclose(mem), 0);
	assert_string_equal(buf, "No score: the areas with a score carry "
	    "46.8% of the weight, less than 50%.");
	free(buf);
}

/*
 * The words the text and Markdown reports used to pass inline: their
 * English as the reports print it, and the Arabic of the same word.
 */
static void
report_words_come_from_the_table(void **state)
{
	static const struct {
		enum rs_msg m;
		const char *en, *ar;
	} words[] = {
		{RS_MSG_T_FRAMEWORK, "framework", "الإطار"},
		{RS_MSG_T_SCORE, "score", "الدرجة"},
		{RS_MSG_T_CITY_SCORE, "city score", "الدرجة الإجمالية للمدينة"},
		{RS_MSG_T_NO_CITIES, "no cities in the input",
		    "لا توجد مدن في المدخلات."},
		{RS_MSG_T_TO_IMPROVE, "indicators to improve first",
		    "المؤشرات ذات الأولوية للتحسين"},
		{RS_MSG_MD_COL_ID, "Id", "الرمز"},
		{RS_MSG_MD_COL_GAIN, "Gain", "المكسب (نقاط)"},
		{RS_MSG_MD_CITY_SCORE, "Score", "الدرجة الإجمالية للمدينة"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(words) / sizeof(*words); i++) {
		assert_string_equal(rs_i18n(NULL, words[i].m), words[i].en);
		assert_string_equal(rs_i18n("ar", words[i].m), words[i].ar);
	}
	/* the same word, in each report's case */
	assert_string_equal(rs_i18n("ar", RS_MSG_T_SCORE),
	    rs_i18n("ar", RS_MSG_SCORE));
	assert_string_equal(rs_i18n("ar", RS_MSG_T_TO_IMPROVE),
	    rs_i18n("ar", RS_MSG_PRIORITIES));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_message_has_both_languages),
		cmocka_unit_test(languages_are_chosen_by_their_code),
		cmocka_unit_test(right_to_left_languages),
		cmocka_unit_test(templates_take_their_arguments_in_any_order),
		cmocka_unit_test(print_writes_the_expanded_template),
		cmocka_unit_test(report_words_come_from_the_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
