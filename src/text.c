/*
 * text.c - UTF-8 checks, display width and locale-independent numbers
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

int
rs_utf8_check(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len, k;
	uint32_t cp, min;

	while (i < n) {
		unsigned char c = s[i];

		if (c == 0)
			goto fail;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0) {
			len = 2, cp = c & 0x1Fu, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3, cp = c & 0x0Fu, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4, cp = c & 0x07u, min = 0x10000;
		} else {
			goto fail;
		}
		if (n - i < len)
			goto fail;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3Fu);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += len;
	}
	return 0;
fail:
	*bad = i;
	return -1;
}

size_t
rs_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len, k;

	if (s[0] < 0x80 || n < 2) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, *cp = s[0] & 0x1Fu;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, *cp = s[0] & 0x0Fu;
	else
		len = 4, *cp = s[0] & 0x07u;
	if (len > n) {
		*cp = s[0];
		return 1;
	}
	for (k = 1; k < len; k++)
		*cp = (*cp << 6) | (s[k] & 0x3Fu);
	return len;
}

struct range {
	uint32_t lo, hi;
};

/* Combining marks and format characters that take no column. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
	{0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5},
	{0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x061C, 0x061C},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},
	{0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},
	{0x0711, 0x0711}, {0x0730, 0x074A}, {0x0900, 0x0902},
	{0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
	{0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
	{0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
	{0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
	{0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
	{0xE0100, 0xE01EF},
};

/* East Asian wide and fullwidth characters, emoji. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
	{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
	{0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F},
	{0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

static size_t
cp_width(uint32_t cp)
{
	if (in_table(cp, zero_width, sizeof(zero_width) / sizeof(*zero_width)))
		return 0;
	if (in_table(cp, wide, sizeof(wide) / sizeof(*wide)))
		return 2;
	return 1;
}

size_t
rs_utf8_width(const char *s)
{
	return rs_utf8_nwidth(s, strlen(s));
}

size_t
rs_utf8_nwidth(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		i += rs_utf8_decode(s + i, n - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

size_t
rs_utf8_fit(const char *s, size_t width, int *truncated)
{
	size_t n = strlen(s), i = 0, w = 0, k, cw, room;
	uint32_t cp;

	*truncated = 0;
	if (rs_utf8_width(s) <= width)
		return n;
	*truncated = 1;
	room = width > 3 ? width - 3 : 0;
	while (i < n) {
		k = rs_utf8_decode(s + i, n - i, &cp);
		cw = cp_width(cp);
		if (w + cw > room)
			break;
		w += cw;
		i += k;
	}
	return i;
}

long
rs_utf8_column(const char *line, size_t off)
{
	const unsigned char *s = (const unsigned char *)line;
	long col = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if ((s[i] & 0xC0) != 0x80)
			col++;
	return col;
}

const char *
rs_trim(const char *s, size_t *n)
{
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

int
rs_word_eq(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char a = (unsigned char)s[i];
		unsigned char b = (unsigned char)word[i];

		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

/*
 * Copy s into buf as plain ASCII: Arabic-Indic digits become 0-9 and the
 * Arabic decimal separator becomes '.'.  Returns -1 when buf is too small.
 */
static int
to_ascii(const char *s, size_t n, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;

	while (i < n) {
		if (o + 1 >= size)
			return -1;
		if (u[i] == 0xD9 && i + 1 < n && u[i + 1] >= 0xA0 &&
		    u[i + 1] <= 0xA9) {			/* U+0660..U+0669 */
			buf[o++] = (char)('0' + (u[i + 1] - 0xA0));
			i += 2;
		} else if (u[i] == 0xDB && i + 1 < n && u[i + 1] >= 0xB0 &&
		    u[i + 1] <= 0xB9) {			/* U+06F0..U+06F9 */
			buf[o++] = (char)('0' + (u[i + 1] - 0xB0));
			i += 2;
		} else if (u[i] == 0xD9 && i + 1 < n && u[i + 1] == 0xAB) {
			buf[o++] = '.';			/* U+066B */
			i += 2;
		} else {
			buf[o++] = (char)u[i++];
		}
	}
	buf[o] = '\0';
	return 0;
}

/*
 * strtod follows LC_NUMERIC.  The CLI never changes it, but a program
 * linking the library might: swap '.' for the locale's point if it differs.
 */
static void
localize_point(char *buf)
{
	const char *dp = localeconv()->decimal_point;
	char *p;

	if (dp == NULL || dp[0] == '\0' || (dp[0] == '.' && dp[1] == '\0'))
		return;
	if (dp[1] != '\0')
		return;			/* multibyte point: cannot swap in place */
	if ((p = strchr(buf, '.')) != NULL)
		*p = dp[0];
}

enum rs_number_status
rs_number_parse(const char *s, size_t n, double *value, const char **why)
{
	char buf[256];
	const char *p;
	char *end;
	int digits = 0;
	double v;

	*why = NULL;
	s = rs_trim(s, &n);
	if (n == 0 || rs_word_eq(s, n, "NA") || rs_word_eq(s, n, "N/A"))
		return RS_NUMBER_MISSING;
	if (to_ascii(s, n, buf, sizeof(buf)) != 0) {
		*why = "is too long to be a number";
		return RS_NUMBER_BAD;
	}
	/* The grammar strtod accepts is wider (hex, nan, inf): check first. */
	p = buf;
	if (*p == '+' || *p == '-')
		p++;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (digits > 0 && (*p == 'e' || *p == 'E')) {
		const char *q = p + 1;

		if (*q == '+' || *q == '-')
			q++;
		if (*q >= '0' && *q <= '9') {
			while (*q >= '0' && *q <= '9')
				q++;
			p = q;
		}
	}
	if (digits == 0 || *p != '\0') {
		if (strchr(buf, ',') != NULL)
			*why = "is not a number: use '.' as the decimal point "
			    "and no thousands separator";
		else if (rs_word_eq(buf, strlen(buf), "nan") ||
		    rs_word_eq(buf, strlen(buf), "-nan") ||
		    rs_word_eq(buf, strlen(buf), "+nan"))
			*why = "is NaN, not a number (leave the field empty "
			    "for a missing value)";
		else if (strstr(buf, "inf") != NULL ||
		    strstr(buf, "Inf") != NULL || strstr(buf, "INF") != NULL)
			*why = "is infinite, not a finite number";
		else
			*why = "is not a number";
		return RS_NUMBER_BAD;
	}
	localize_point(buf);
	errno = 0;
	v = strtod(buf, &end);
	if (*end != '\0') {
		*why = "is not a number";
		return RS_NUMBER_BAD;
	}
	if (!isfinite(v)) {
		*why = "is out of range for a double";
		return RS_NUMBER_BAD;
	}
	*value = v;
	return RS_NUMBER_OK;
}

void
rs_text_position(const char *text, size_t off, long *line, long *col)
{
	size_t i, start = 0;

	*line = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	}
	*col = rs_utf8_column(text + start, off - start);
}

int
rs_text_check(const char *text, size_t len, const char *path,
    struct rs_error *err)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t bad;
	long line, col;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)))
		return rs_error_set(err, RS_EINPUT, path, 1, 1,
		    "file is UTF-16 or UTF-32; save it as UTF-8");
	if (rs_utf8_check(text, len, &bad) != 0) {
		rs_text_position(text, bad, &line, &col);
		if (text[bad] == '\0')
			return rs_error_set(err, RS_EINPUT, path, line, col,
			    "NUL byte: this is not a text file");
		return rs_error_set(err, RS_EINPUT, path, line, col,
		    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
		    (unsigned)u[bad]);
	}
	return 0;
}

