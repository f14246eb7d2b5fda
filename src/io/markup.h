/*
 * markup.h - the Markdown and XML (HTML) escapers
 *
 * Every text that a Markdown or HTML report takes from its input (city
 * names, framework names, ids, units and level names, notes, file names,
 * sentences quoting them) is written through one of these, so that no
 * input can add a table cell, a link, an element or a control character.
 * Both rules share two parts: C0 and C1 controls and DEL (U+0085
 * included) become blanks, and a byte that is not UTF-8 becomes the four
 * characters \xHH, as the terminal escaper of text.h shows it.
 */
#ifndef RS_MARKUP_H
#define RS_MARKUP_H

#include <stddef.h>
#include <stdio.h>

/*
 * Write s[0..n) as Markdown inline text or a table cell: the characters
 * \ | * _ ` [ ] < > # ~ & ! take a backslash (docs/cli.md, "md").
 */
void rs_md_write(FILE *out, const char *s, size_t n);

/* The same for the C string s; NULL writes nothing. */
void rs_md_puts(FILE *out, const char *s);

/*
 * Write s[0..n) as XML text or attribute value: & < > " ' as the entities
 * &amp; &lt; &gt; &quot; &#39;.
 */
void rs_xml_write(FILE *out, const char *s, size_t n);

/* The same for the C string s; NULL writes nothing. */
void rs_xml_puts(FILE *out, const char *s);

/*
 * Write the notes' Markdown subset s (docs/cli.md, "Notes": paragraphs,
 * "- " lists, **strong**, *emphasis*, `code`) as HTML elements or as
 * Markdown again.  Every other character is text, escaped as above: no
 * raw HTML, link or image passes.  NULL writes nothing.
 */
void rs_md_render_html(FILE *out, const char *s);
void rs_md_render_md(FILE *out, const char *s);

#endif /* RS_MARKUP_H */
