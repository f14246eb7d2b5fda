/*
 * test_markup.c - the Markdown and XML escapers (markup.c)
 */
#include "test_util.h"

#include <stdlib.h>

#include "io/markup.h"

/* What the escaper makes of s[0..n), as a string the caller frees. */
static char *
escaped(void (*write)(FILE *, const char *, size_t), const char *s,
    size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	assert_non_null(mem);
	write(mem, s, n);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

static void
check(void (*write)(FILE *, const char *, size_t), const char *s,
    const char *want)
{
	char *got = escaped(write, s, strlen(s));

	if (strcmp(got, want) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", s, got, want);
	free(got);
}

static void
markdown_backslashes_its_specials(void **state)
{
	(void)state;
	/* docs/cli.md, "md": \ | * _ ` [ ] < > # ~ & ! */
	check(rs_md_write, "a|b*c_d`e[f](g)<h>i\\k#l~m&n!o",
	    "a\\|b\\*c\\_d\\`e\\[f\\](g)\\<h\\>i\\\\k\\#l\\~m\\&n\\!o");
	/* a level id that would add a column and bold text */
	check(rs_md_write, "sound | <b>x</b>",
	    "sound \\| \\<b\\>x\\</b\\>");
	check(rs_md_write, "[link](http://x)", "\\[link\\](http://x)");
	/* other punctuation and Arabic pass */
	check(rs_md_write, "O'Hara \"Sons\" (1-2), 50% = ok.",
	    "O'Hara \"Sons\" (1-2), 50% = ok.");
	check(rs_md_write, "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9",
	    "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9");
	check(rs_md_write, "", "");
}

static void
markdown_blanks_controls_and_shows_bad_bytes(void **state)
{
	char *got;

	(void)state;
	/* C0, DEL and C1 (U+0085, U+009B) become blanks */
	check(rs_md_write, "a\nb\r\tc\033[2Jd\x7f" "e",
	    "a b  c \\[2Jd e");
	check(rs_md_write, "x\xc2\x85y\xc2\x9b" "31m", "x y 31m");
	/* a byte that is not UTF-8: \xHH, its backslash escaped */
	check(rs_md_write, "bad\xff", "bad\\\\xFF");
	check(rs_md_write, "cut \xd8", "cut \\\\xD8");
	check(rs_md_write, "\xc0\xaf", "\\\\xC0\\\\xAF");	/* overlong */
	/* bidirectional controls are text to Markdown: they pass */
	check(rs_md_write, "a\xe2\x80\xae" "b", "a\xe2\x80\xae" "b");
	/* only n bytes, a NUL among them a blank */
	got = escaped(rs_md_write, "a\0|b", 3);
	assert_string_equal(got, "a \\|");
	free(got);
}

static void
xml_uses_the_five_entities(void **state)
{
	(void)state;
	check(rs_xml_write, "<script>alert(1)</script> & \"q\" 'a'",
	    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; "
	    "&#39;a&#39;");
	/* Markdown's specials are text to XML */
	check(rs_xml_write, "a|b*c_#!\\", "a|b*c_#!\\");
	check(rs_xml_write, "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9",
	    "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9");
}

static void
xml_blanks_controls_and_shows_bad_bytes(void **state)
{
	(void)state;
	/* XML 1.0 has no place for C0 controls; C1 ones never reach HTML */
	check(rs_xml_write, "a\tb\x01" "c\x1b[31m\x7f", "a b c [31m ");
	check(rs_xml_write, "x\xc2\x85y\xc2\x80z\xc2\x9f", "x y z ");
	/* U+00A0 and U+00C0, just past the C1 block, are text */
	check(rs_xml_write, "\xc2\xa0\xc3\x80", "\xc2\xa0\xc3\x80");
	/* a name from the file name bad\xff.csv */
	check(rs_xml_write, "bad\xff", "bad\\xFF");
	check(rs_xml_write, "\xed\xa0\x80", "\\xED\\xA0\\x80");	/* surrogate */
}

static void
puts_takes_c_strings_and_null(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(mem);
	rs_md_puts(mem, "a|b");
	rs_md_puts(mem, NULL);
	rs_xml_puts(mem, " <c>");
	rs_xml_puts(mem, NULL);
	assert_int_equal(fclose(mem), 0);
	assert_string_equal(buf, "a\\|b &lt;c&gt;");
	free(buf);
}

/* What a notes renderer makes of the C string s. */
static void
check_render(void (*render)(FILE *, const char *), const char *s,
    const char *want)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	assert_non_null(mem);
	render(mem, s);
	assert_int_equal(fclose(mem), 0);
	if (strcmp(buf, want) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", s, buf, want);
	free(buf);
}

static void
notes_render_the_subset_as_html(void **state)
{
	(void)state;
	check_render(rs_md_render_html, "One\ntwo.\n\n- a **b**\n- *c* `d`\n",
	    "<p>One two.</p>\n<ul>\n<li>a <strong>b</strong></li>\n"
	    "<li><em>c</em> <code>d</code></li>\n</ul>\n");
	check_render(rs_md_render_html, "_e_ and **f *g* h**",
	    "<p><em>e</em> and <strong>f <em>g</em> h</strong></p>\n");
	/* an unclosed or spaced marker is text */
	check_render(rs_md_render_html, "2 * 3 and **open",
	    "<p>2 * 3 and **open</p>\n");
	check_render(rs_md_render_html, "", "");
	check_render(rs_md_render_html, NULL, "");
}

static void
notes_let_no_html_through(void **state)
{
	(void)state;
	check_render(rs_md_render_html,
	    "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>",
	    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
	    "<p>&lt;img src=x onerror=alert(2)&gt;</p>\n");
	/* links, images, entities and attributes stay text */
	check_render(rs_md_render_html,
	    "[x](javascript:alert(3)) ![i](http://e/i.png) &amp; \"q\"",
	    "<p>[x](javascript:alert(3)) ![i](http://e/i.png) &amp;amp; "
	    "&quot;q&quot;</p>\n");
	/* markup inside a span is escaped too; controls become blanks */
	check_render(rs_md_render_html, "**<b>x</b>** `<i>`\x1b",
	    "<p><strong>&lt;b&gt;x&lt;/b&gt;</strong> <code>&lt;i&gt;</code> "
	    "</p>\n");
}

static void
notes_render_as_markdown_through_its_escaper(void **state)
{
	(void)state;
	check_render(rs_md_render_md, "One\ntwo **b** _c_ `d|e`\n\n- x\n- y",
	    "One two **b** *c* d\\|e\n\n- x\n- y\n\n");
	check_render(rs_md_render_md, "<script>x</script> [l](u) # h | t",
	    "\\<script\\>x\\</script\\> \\[l\\](u) \\# h \\| t\n\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markdown_backslashes_its_specials),
		cmocka_unit_test(notes_render_the_subset_as_html),
		cmocka_unit_test(notes_let_no_html_through),
		cmocka_unit_test(notes_render_as_markdown_through_its_escaper),
		cmocka_unit_test(markdown_blanks_controls_and_shows_bad_bytes),
		cmocka_unit_test(xml_uses_the_five_entities),
		cmocka_unit_test(xml_blanks_controls_and_shows_bad_bytes),
		cmocka_unit_test(puts_takes_c_strings_and_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
