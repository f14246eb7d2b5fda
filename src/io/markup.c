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
