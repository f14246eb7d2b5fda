/*
 * text.h - UTF-8 and number parsing shared by the readers and reporters
 */
#ifndef RS_TEXT_H
#define RS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "resilience/error.h"

/*
 * Check that s[0..n) is valid UTF-8 (no overlong forms, no surrogates,
 * nothing past U+10FFFF) and holds no NUL byte.  Returns 0 when it is, or
 * -1 and sets *bad to the offset of the first offending byte.
 */
int rs_utf8_check(const char *s, size_t n, size_t *bad);

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
	RS_NUMBER_MISSING,	/* empty, NA or N/A */
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

/* Trim ASCII blanks (space, tab) from both ends of s[0..*n); returns start. */
const char *rs_trim(const char *s, size_t *n);

/* Case-insensitive ASCII comparison of s[0..n) with the C string word. */
int rs_word_eq(const char *s, size_t n, const char *word);

/* Line and column of byte offset off in text. */
void rs_text_position(const char *text, size_t off, long *line, long *col);

/*
 * Check that text[0..len) holds neither a UTF-16/32 byte order mark nor
 * invalid UTF-8 nor a NUL byte; on failure raise a located RS_EINPUT.
 */
int rs_text_check(const char *text, size_t len, const char *path,
    struct rs_error *err);

#endif /* RS_TEXT_H */
