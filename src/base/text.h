/*
 * text.h - UTF-8 and number parsing shared by the readers and reporters
 */
#ifndef RS_TEXT_H
#define RS_TEXT_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>


/*
 * Check that s[0..n) is valid UTF-8 (no overlong forms, no surrogates,
 * nothing past U+10FFFF) and holds no NUL byte.  Returns 0 when it is, or
 * -1 and sets *bad to the offset of the first offending byte.
 */
int rs_utf8_check(const char *s, size_t n, size_t *bad);

/*
 * Copy s[0..n) into buf (size bytes, size > 0, always NUL-terminated) so
 * that it shows as itself on one line of a terminal: control characters
 * (C0, DEL, C1), the line and paragraph separators and the bidirectional
 * embeddings, overrides and isolates become escapes (\n, \r, \t, \x1B,
 * \u0085, \u202E), a byte that is not UTF-8 becomes \xHH.  Other text,
 * Arabic included, is copied as is.  With max > 0 at most max characters
 * are copied; text cut there, or where buf is full, ends with "...".
 * Returns buf.
 */
char *rs_text_escape(char *buf, size_t size, const char *s, size_t n,
    size_t max);

/* 1 when rs_text_escape() would change s[0..n), else 0. */
int rs_text_needs_escape(const char *s, size_t n);

/*
 * rs_text_escape() of the whole of s[0..n), never cut, into a string the
 * caller frees: for text that goes to a terminal or a log whole (report
 * cells, city names in the messages of the CI gates).
 */
char *rs_text_escape_dup(const char *s, size_t n);

/* Write s[0..n) to out as rs_text_escape() shows it, whole. */
void rs_text_write(FILE *out, const char *s, size_t n);

/*
 * Write the C string s as rs_text_escape() shows it in exactly width
 * display columns: cut with "..." when wider, padded with blanks.
 */
void rs_text_write_cell(FILE *out, const char *s, size_t width);

/*
 * The bytes rs_text_write_cell() writes, as a C string the caller frees:
 * a report that shows the same label in every city makes its cell once.
 */
char *rs_text_cell_dup(const char *s, size_t width);

/* Display width of s as rs_text_escape() shows it. */
size_t rs_text_shown_width(const char *s);

/*
 * Write s right-aligned in width display columns, as "%*s" would with
 * columns for bytes; s is text the program made (a number, a label of
 * the message table), written as it is.
 */
void rs_text_put_right(FILE *out, const char *s, size_t width);

/*
 * 1 for the code points rs_text_escape() writes as escapes: C0 and C1
 * controls, DEL, U+2028 and U+2029, the bidirectional embeddings,
 * overrides (U+202A..U+202E) and isolates (U+2066..U+2069), U+200B and
 * U+FEFF.  The JSON writer escapes the same ones.
 */
int rs_text_unsafe(uint32_t cp);

/* 1 for a C0 or C1 control or DEL: what Markdown and HTML turn to blanks. */
int rs_text_control(uint32_t cp);

/*
 * A copy of s[0..n) that is valid UTF-8, for text that no reader checked
 * (a city named after its file): each byte that does not start a valid
 * sequence becomes the four characters \xHH, as rs_text_escape() shows
 * it; everything else is copied as it is.  The caller frees the result.
 */
char *rs_utf8_valid_dup(const char *s, size_t n);

/*
 * The length of the valid UTF-8 sequence at s (n bytes available) and
 * its code point in *cp, or 0 when s does not start one (n == 0, a stray
 * or cut byte, an overlong form, a surrogate).  A NUL byte counts as a
 * character of its own.
 */
size_t rs_utf8_next(const char *s, size_t n, uint32_t *cp);

/*
 * Data quoted in an error message: at most RS_QUOTE_MAX characters,
 * escaped, into a buffer of RS_QUOTE_SIZE bytes.
 *
 *	char q[RS_QUOTE_SIZE];
 *	rs_error_set(err, ..., "unknown indicator \"%s\"",
 *	    rs_text_quote(q, id, n));
 */
#define RS_QUOTE_MAX 50
#define RS_QUOTE_SIZE (RS_QUOTE_MAX * 6 + 4)
#define rs_text_quote(q, s, n) rs_text_escape((q), RS_QUOTE_SIZE, (s), (n), \
    RS_QUOTE_MAX)

/*
 * Decode one code point at s (n bytes available, valid UTF-8 assumed) into
 * *cp; returns the number of bytes used (at least 1).
 */
size_t rs_utf8_decode(const char *s, size_t n, uint32_t *cp);

/*
 * Terminal display width of a NUL-terminated UTF-8 string: combining marks
 * count 0, East Asian wide characters 2, everything else 1.  The table is
 * built in so that output does not depend on the locale.
 */
size_t rs_utf8_width(const char *s);

/* The same for the n bytes at s. */
size_t rs_utf8_nwidth(const char *s, size_t n);

/*
 * Number of bytes of s that fit in width columns.  When s is wider than
 * width, the result leaves room for a 3-column "..." ellipsis.
 */
size_t rs_utf8_fit(const char *s, size_t width, int *truncated);

/* Character column (1-based) of byte offset off in the line starting at s. */
long rs_utf8_column(const char *line, size_t off);

enum rs_number_status {
	RS_NUMBER_OK,		/* *value holds a finite number */
	RS_NUMBER_MISSING,	/* empty, NA, N/A or .. */
	RS_NUMBER_BAD,		/* not a number; *why says what is wrong */
};

/*
 * Parse a data value: '.' as decimal point whatever the locale, optional
 * sign and exponent, surrounding blanks ignored, Arabic-Indic digits
 * (U+0660..U+0669, U+06F0..U+06F9) and the Arabic decimal separator
 * (U+066B) accepted.  Thousands separators, decimal commas, hexadecimal,
 * NaN and infinities are refused.  *why points to a static string.
 */
enum rs_number_status rs_number_parse(const char *s, size_t n, double *value,
    const char **why);

/* The powers of ten that are exact doubles, 10^0 to 10^22. */
extern const double rs_pow10[23];

/*
 * m x 10^e as the nearest double into *v when one IEEE operation gives
 * it exactly (Clinger's fast path: m at most 2^53, |e| at most 22), the
 * double strtod would give for that decimal; else 0.
 */
int rs_decimal_exact(uint64_t m, int e, double *v);

/*
 * printf follows LC_NUMERIC, which a program linking the library may have
 * set to a decimal-comma locale.  Code that formats numbers switches the
 * calling thread to the C locale with rs_c_locale_push() and back with
 * rs_c_locale_pop(old), old being what push returned.
 */
locale_t rs_c_locale_push(void);
void rs_c_locale_pop(locale_t old);

/*
 * The letters of spreadsheet column col (1 is "A", 27 is "AA"), into buf
 * of at least 8 bytes; "?" for a column outside 1 to 16384 * 26.
 */
char *rs_column_name(char *buf, long col);

/*
 * Parse s[0..n), all of it, as a whole number from lo to hi written with
 * the ASCII digits 0-9 alone: no sign, no blank, no other base, so that
 * " -1", "0x10" and "+5" are refused rather than read as something else.
 * Returns 0 and sets *value, or -1 (not such a number, or outside
 * [lo, hi]).  Every integer option of the program goes through it.
 */
int rs_uint_parse(const char *s, size_t n, uint64_t lo, uint64_t hi,
    uint64_t *value);

/* Trim ASCII blanks (space, tab) from both ends of s[0..*n); returns start. */
const char *rs_trim(const char *s, size_t *n);

/* 1 when line s[0..n) holds only spaces, tabs and carriage returns. */
int rs_blank_line(const char *s, size_t n);

/* Case-insensitive ASCII comparison of s[0..n) with the C string word. */
int rs_word_eq(const char *s, size_t n, const char *word);

/*
 * Lines end with LF, CRLF or a lone CR (libcsv ends a row at each, and an
 * editor starts a new line at each).  rs_line_len() is the length of the
 * line at s[0..n) including its end, or n when it has no end.
 */
size_t rs_line_len(const char *s, size_t n);

/*
 * A position moving forward through a text: locating many offsets in
 * increasing order costs one pass over the text, not one per offset.
 */
struct rs_cursor {
	const char *text;	/* borrowed */
	size_t len;		/* bytes in text */
	size_t off;		/* byte offset reached */
	long line, col;		/* its line and character column, 1-based */
};

void rs_cursor_init(struct rs_cursor *cur, const char *text, size_t len);

/* Move to byte offset off (<= len); moving back restarts from the top. */
void rs_cursor_seek(struct rs_cursor *cur, size_t off);

/* Line and character column of byte offset off in text[0..len). */
void rs_text_locate(const char *text, size_t len, size_t off, long *line,
    long *col);

/*
 * The same when only text[0..off) is known: a CR just before off counts
 * as a line end, as if no LF followed.
 */
void rs_text_position(const char *text, size_t off, long *line, long *col);

/*
 * The Levenshtein distance between a and b, ignoring ASCII case, or
 * limit + 1 when it is above limit (found without computing it all).
 */
size_t rs_edit_distance(const char *a, const char *b, size_t limit);

/*
 * The word of words[0..n) closest to s by rs_edit_distance() when it is
 * close enough to be a plausible typo (a third of s's length, at most 3
 * edits), else NULL; the first among equally close ones.  The "did you
 * mean" of unknown indicators, commands and options.
 */
const char *rs_suggest(const char *s, const char *const *words, size_t n);

#endif /* RS_TEXT_H */
