/*
 * markup.c - the Markdown and XML escapers (markup.h)
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "io/markup.h"

enum lang {
	LANG_MD,
	LANG_XML,
};

/* The escape of ASCII character c in lang into tmp, or NULL for none. */
static const char *
ascii_escape(enum lang lang, unsigned char c, char tmp[3])
{
	static const char md_special[] = "\\|*_`[]<>#~&!";

	if (lang == LANG_XML) {
		switch (c) {
		case '&':
			return "&amp;";
		case '<':
			return "&lt;";
		case '>':
			return "&gt;";
		case '"':
			return "&quot;";
		case '\'':
			return "&#39;";
		default:
			return NULL;
		}
	}
	if (strchr(md_special, c) == NULL)
		return NULL;
	tmp[0] = '\\';
	tmp[1] = (char)c;
	tmp[2] = '\0';
	return tmp;
}

/*
 * The one loop of both languages: runs of plain text are written as they
 * are, each character that needs it as its escape.
 */
static void
write_escaped(FILE *out, enum lang lang, const char *s, size_t n)
{
	size_t i = 0, start = 0, len;
	const char *e;
	char hex[8];
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7F) {
			if ((e = ascii_escape(lang, c, hex)) == NULL) {
				i++;
				continue;
			}
			len = 1;
		} else if ((len = rs_utf8_next(s + i, n - i, &cp)) == 0) {
			/* Markdown shows the backslash only when escaped. */
			snprintf(hex, sizeof(hex), "%s\\x%02X",
			    lang == LANG_MD ? "\\" : "", (unsigned)c);
			e = hex;
			len = 1;
		} else if (rs_text_control(cp)) {
			e = " ";
		} else {
			i += len;
			continue;
		}
		fwrite(s + start, 1, i - start, out);
		fputs(e, out);
		i += len;
		start = i;
	}
	fwrite(s + start, 1, n - start, out);
}

void
rs_md_write(FILE *out, const char *s, size_t n)
{
	write_escaped(out, LANG_MD, s, n);
}

void
rs_md_puts(FILE *out, const char *s)
{
	if (s != NULL)
		write_escaped(out, LANG_MD, s, strlen(s));
}

void
rs_xml_write(FILE *out, const char *s, size_t n)
{
	write_escaped(out, LANG_XML, s, n);
}

void
rs_xml_puts(FILE *out, const char *s)
{
	if (s != NULL)
		write_escaped(out, LANG_XML, s, strlen(s));
}

/*
 * ---- the notes' Markdown subset (docs/cli.md, "Notes") -------------
 *
 * Blocks are separated by blank lines; a block whose every line starts
 * with "- " or "* " is a list, any other a paragraph (its lines joined).
 * Inside a block: **strong**, *emphasis* or _emphasis_ and `code`, each
 * closed on the same block; anything else, raw HTML and links included,
 * is text, written through write_escaped() like every other input.
 */

/* The markers an output language writes around an inline span. */
struct span_marks {
	const char *open[3], *close[3];	/* strong, emphasis, code */
};

static const struct span_marks xml_marks = {
	{"<strong>", "<em>", "<code>"}, {"</strong>", "</em>", "</code>"},
};
/* Markdown writes code as plain (escaped) text: a code span would show
 * the escapes' backslashes. */
static const struct span_marks md_marks = {
	{"**", "*", ""}, {"**", "*", ""},
};

/* The end of the span opened by mark (mlen bytes) at s[i], or 0. */
static size_t
span_end(const char *s, size_t n, size_t i, const char *mark, size_t mlen)
{
	size_t j;

	if (i + mlen >= n || s[i + mlen] == ' ')
		return 0;
	for (j = i + mlen + 1; j + mlen <= n; j++)
		if (memcmp(s + j, mark, mlen) == 0 && s[j - 1] != ' ')
			return j;
	return 0;
}

/* Inline text s[0..n) of a block, its spans marked. */
static void
write_inline(FILE *out, enum lang lang, const char *s, size_t n)
{
	const struct span_marks *m = lang == LANG_XML ? &xml_marks :
	    &md_marks;
	static const char *const marks[] = {"**", "*", "_", "`"};
	static const int kind[] = {0, 1, 1, 2};
	size_t i = 0, start = 0, k, len, end;

	while (i < n) {
		for (k = 0; k < 4; k++) {
			len = strlen(marks[k]);
			if (i + len <= n && memcmp(s + i, marks[k], len) == 0 &&
			    (end = span_end(s, n, i, marks[k], len)) != 0)
				break;
		}
		if (k == 4) {
			i++;
			continue;
		}
		write_escaped(out, lang, s + start, i - start);
		fputs(m->open[kind[k]], out);
		if (kind[k] == 2)
			write_escaped(out, lang, s + i + len, end - i - len);
		else
			write_inline(out, lang, s + i + len, end - i - len);
		fputs(m->close[kind[k]], out);
		i = start = end + len;
	}
	write_escaped(out, lang, s + start, n - start);
}

static int
item_line(const char *s, size_t n)
{
	return n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ';
}

/* The length of the line at s (without its newline), s ending at e. */
static size_t
line_len(const char *s, const char *e)
{
	const char *nl = memchr(s, '\n', (size_t)(e - s));

	return nl != NULL ? (size_t)(nl - s) : (size_t)(e - s);
}

/* A block's lines s[0..n) joined by spaces, as inline text. */
static void
write_joined(FILE *out, enum lang lang, const char *s, size_t n,
    size_t skip)
{
	const char *p = s, *e = s + n;
	size_t len;
	int first = 1;

	while (p < e) {
		len = line_len(p, e);
		if (!first)
			fputc(' ', out);
		first = 0;
		while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		write_inline(out, lang, p + skip, len > skip ? len - skip :
		    0);
		p += line_len(p, e) + 1;
	}
}

static void
write_blocks(FILE *out, enum lang lang, const char *s)
{
	const char *p = s, *e = s + strlen(s), *b, *q;
	size_t len;
	int list;

	while (p < e) {
		len = line_len(p, e);
		if (rs_blank_line(p, len)) {
			p += len + 1;
			continue;
		}
		/* A block: lines up to the next blank one. */
		b = p;
		list = 1;
		for (q = p; q < e; q += len + 1) {
			len = line_len(q, e);
			if (rs_blank_line(q, len))
				break;
			while (len > 0 && (*q == ' ' || *q == '\t')) {
				q++;
				len--;
			}
			list = list && item_line(q, len);
		}
		if (q > e)
			q = e;
		if (list) {
			fputs(lang == LANG_XML ? "<ul>\n" : "", out);
			for (p = b; p < q; p += len + 1) {
				len = line_len(p, q);
				while (len > 0 && (*p == ' ' || *p == '\t')) {
					p++;
					len--;
				}
				fputs(lang == LANG_XML ? "<li>" : "- ", out);
				write_joined(out, lang, p, len, 2);
				fputs(lang == LANG_XML ? "</li>\n" : "\n", out);
			}
			fputs(lang == LANG_XML ? "</ul>\n" : "\n", out);
		} else {
			fputs(lang == LANG_XML ? "<p>" : "", out);
			write_joined(out, lang, b, (size_t)(q - b), 0);
			fputs(lang == LANG_XML ? "</p>\n" : "\n\n", out);
		}
		p = q;
	}
}

void
rs_md_render_html(FILE *out, const char *s)
{
	if (s != NULL)
		write_blocks(out, LANG_XML, s);
}

void
rs_md_render_md(FILE *out, const char *s)
{
	if (s != NULL)
		write_blocks(out, LANG_MD, s);
}
