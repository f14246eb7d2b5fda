/*
 * text.c - UTF-8 checks, display width and locale-independent numbers
 */
#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"

/*
 * The length of the valid UTF-8 sequence at s (n > 0 bytes available),
 * its code point in *cp; 0 when s does not start one (a NUL is valid).
 */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, k;
	uint32_t min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, *cp = s[0] & 0x1Fu, min = 0x80;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, *cp = s[0] & 0x0Fu, min = 0x800;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, *cp = s[0] & 0x07u, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[k] & 0x3Fu);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return len;
}

int
rs_utf8_check(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (s[i] == 0)
			goto fail;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_next(s + i, n - i, &cp)) == 0)
			goto fail;
		i += len;
	}
	return 0;
fail:
	*bad = i;
	return -1;
}

/* Code points that must not reach a terminal as they are. */
static int
unsafe_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    cp == 0x2028 || cp == 0x2029 ||		/* line separators */
	    cp == 0x200B || cp == 0xFEFF ||		/* invisible */
	    (cp >= 0x202A && cp <= 0x202E) ||		/* embeddings */
	    (cp >= 0x2066 && cp <= 0x2069);		/* isolates */
}

size_t
rs_utf8_next(const char *s, size_t n, uint32_t *cp)
{
	return n == 0 ? 0 : utf8_next((const unsigned char *)s, n, cp);
}

int
rs_text_unsafe(uint32_t cp)
{
	return unsafe_cp(cp);
}

int
rs_text_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

int
rs_text_needs_escape(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			i++;
			continue;
		}
		if ((len = utf8_next(s + i, n - i, &cp)) == 0 || unsafe_cp(cp))
			return 1;
		i += len;
	}
	return 0;
}

char *
rs_text_escape(char *buf, size_t size, const char *str, size_t n, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, o = 0, len, ulen, chars = 0;
	char unit[16];
	const char *u;
	uint32_t cp;
	int cut = 0;

	while (i < n) {
		if (max > 0 && chars == max) {
			cut = 1;
			break;
		}
		len = utf8_next(s + i, n - i, &cp);
		u = unit;
		if (len == 0) {
			snprintf(unit, sizeof(unit), "\\x%02X", (unsigned)s[i]);
			len = 1;
		} else if (cp == '\n') {
			u = "\\n";
		} else if (cp == '\r') {
			u = "\\r";
		} else if (cp == '\t') {
			u = "\\t";
		} else if (cp < 0x20 || cp == 0x7F) {
			snprintf(unit, sizeof(unit), "\\x%02X", (unsigned)cp);
		} else if (unsafe_cp(cp)) {
			snprintf(unit, sizeof(unit), "\\u%04X", (unsigned)cp);
		} else {
			u = str + i;
		}
		ulen = u == str + i ? len : strlen(u);
		/* Keep room for "..." unless this is the last unit. */
		if (o + ulen + (i + len < n ? 3 : 0) >= size) {
			cut = 1;
			break;
		}
		memcpy(buf + o, u, ulen);
		o += ulen;
		i += len;
		chars++;
	}
	if (cut && o + 3 < size) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

char *
rs_text_escape_dup(const char *s, size_t n)
{
	/* At most 4 bytes out per byte in ("\xHH"), and the NUL. */
	size_t size = 4 * n + 1;
	char *buf = rs_malloc(size);

	return rs_text_escape(buf, size, s, n, 0);
}

/*
 * s[0..n) as a terminal shows it: s itself when nothing needs escaping
 * (most text: no copy), else a copy in *copy, which the caller frees.
 */
static const char *
shown(const char *s, size_t n, char **copy)
{
	*copy = NULL;
	if (!rs_text_needs_escape(s, n))
		return s;
	return *copy = rs_text_escape_dup(s, n);
}

void
rs_text_write(FILE *out, const char *s, size_t n)
{
	char *copy;
	const char *t = shown(s, n, &copy);

	fwrite(t, 1, copy != NULL ? strlen(t) : n, out);
	free(copy);
}

char *
rs_text_cell_dup(const char *s, size_t width)
{
	char *copy, *cell;
	const char *t = shown(s, strlen(s), &copy);
	int cut;
	size_t n = rs_utf8_fit(t, width, &cut), w = rs_utf8_nwidth(t, n), o;

	cell = rs_malloc(n + 3 + width + 1);
	memcpy(cell, t, n);
	o = n;
	free(copy);
	if (cut) {
		memcpy(cell + o, "...", 3);
		o += 3;
		w += 3;
	}
	for (; w < width; w++)
		cell[o++] = ' ';
	cell[o] = '\0';
	return cell;
}

void
rs_text_write_cell(FILE *out, const char *s, size_t width)
{
	char *cell = rs_text_cell_dup(s, width);

	fputs(cell, out);
	free(cell);
}

size_t
rs_text_shown_width(const char *s)
{
	char *copy;
	size_t w = rs_utf8_width(shown(s, strlen(s), &copy));

	free(copy);
	return w;
}

void
rs_text_put_right(FILE *out, const char *s, size_t width)
{
	size_t w = rs_utf8_width(s);

	for (; w < width; w++)
		fputc(' ', out);
	fputs(s, out);
}

char *
rs_utf8_valid_dup(const char *s, size_t n)
{
	char *buf = rs_malloc(4 * n + 1), *o = buf;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((len = rs_utf8_next(s + i, n - i, &cp)) == 0) {
			o += sprintf(o, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		memcpy(o, s + i, len);
		o += len;
		i += len;
	}
	*o = '\0';
	return buf;
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
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		/* Printable ASCII, one column each, needs no table. */
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			i++;
			w++;
			continue;
		}
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
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			k = 1;	/* printable ASCII, as rs_utf8_nwidth() */
			cw = 1;
		} else {
			k = rs_utf8_decode(s + i, n - i, &cp);
			cw = cp_width(cp);
		}
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

int
rs_blank_line(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
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
rs_uint_parse(const char *s, size_t n, uint64_t lo, uint64_t hi,
    uint64_t *value)
{
	uint64_t v = 0, d;
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		d = (uint64_t)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -1;	/* beyond 2^64 - 1 */
		v = v * 10 + d;
	}
	if (v < lo || v > hi)
		return -1;
	*value = v;
	return 0;
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
 * linking the library might: swap the '.' in buf (size bytes) for the
 * locale's decimal point if it differs, which may be several bytes long
 * (U+066B in ps_AF).  Returns -1 when the result does not fit.
 */
static int
localize_point(char *buf, size_t size)
{
	const char *dp = localeconv()->decimal_point;
	size_t n, len;
	char *p;

	if (dp == NULL || dp[0] == '\0' || strcmp(dp, ".") == 0 ||
	    (p = strchr(buf, '.')) == NULL)
		return 0;
	n = strlen(dp);
	len = strlen(buf);
	if (len + n > size)
		return -1;
	memmove(p + n, p + 1, len - (size_t)(p - buf));	/* with the NUL */
	memcpy(p, dp, n);
	return 0;
}

locale_t
rs_c_locale_push(void)
{
	static locale_t c;

	if (c == (locale_t)0)
		c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c == (locale_t)0 ? (locale_t)0 : uselocale(c);
}

void
rs_c_locale_pop(locale_t old)
{
	if (old != (locale_t)0)
		uselocale(old);
}

const double rs_pow10[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/*
 * Both m and 10^|e| are exact doubles, so the one IEEE multiplication or
 * division that joins them is correctly rounded.  Needs arithmetic in
 * double precision, which FLT_EVAL_METHOD 0 promises (x86-64, AArch64),
 * and the default rounding to nearest, which nothing here changes.
 */
int
rs_decimal_exact(uint64_t m, int e, double *v)
{
	if (FLT_EVAL_METHOD != 0 || m > (uint64_t)1 << 53 || e < -22 ||
	    e > 22)
		return 0;
	*v = e < 0 ? (double)m / rs_pow10[-e] : (double)m * rs_pow10[e];
	return 1;
}

/*
 * The digits of s[0..n) up to the first byte that is neither a digit nor
 * the first point: the significant ones (leading zeros do not count)
 * into *m, the digits after the point subtracted from *e, every digit
 * counted in *digits.  Returns the bytes read, or SIZE_MAX past 15
 * significant digits.
 */
static size_t
significand(const char *s, size_t n, uint64_t *m, long *e, int *digits)
{
	size_t i;
	int nd = 0, frac = 0;

	*m = 0;
	*e = 0;
	*digits = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && !frac) {
			frac = 1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			break;
		(*digits)++;
		if (*m > 0 || s[i] != '0') {
			if (++nd > 15)
				return SIZE_MAX;
			*m = *m * 10 + (uint64_t)(s[i] - '0');
		}
		*e -= frac;
	}
	return i;
}

/*
 * Clinger's fast path ("How to read floating point numbers accurately",
 * PLDI 1990): a decimal of at most 15 significant digits is an integer m
 * below 2^53 times 10^e, and with |e| <= 22 rs_decimal_exact() gives the
 * very double strtod gives.  buf holds what the grammar of
 * rs_number_parse() accepted; returns 0 when the number is outside the
 * fast path and strtod must read it.
 */
static int
fast_decimal(const char *buf, double *value)
{
	const char *p = buf;
	uint64_t m;
	long e, x = 0;
	int neg = 0, xneg = 0, digits;
	size_t k;
	double v;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((k = significand(p, strlen(p), &m, &e, &digits)) == SIZE_MAX)
		return 0;
	p += k;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			xneg = *p++ == '-';
		for (; *p >= '0' && *p <= '9'; p++)
			if ((x = x * 10 + (*p - '0')) > 1000)
				return 0;
		e += xneg ? -x : x;
	}
	if (*p != '\0' || e < -22 || e > 22 ||
	    !rs_decimal_exact(m, (int)e, &v))
		return 0;
	*value = neg ? -v : v;
	return 1;
}

/*
 * The common field, a plain ASCII decimal of at most 15 significant
 * digits ("12.5", "-0.250000"), read in one pass over s[0..n): the value
 * fast_decimal() gives it, without the copy, the checks for missing
 * marks and the grammar's scan, none of which such a field can fail.  A
 * field of 256 bytes or more is the general path's to refuse.  Returns 0
 * for anything else.
 */
static int
plain_decimal(const char *s, size_t n, double *value)
{
	uint64_t m;
	size_t i = 0;
	long e;
	int digits, neg = 0;
	double v;

	if (n >= 256)
		return 0;
	if (n > 0 && (s[0] == '+' || s[0] == '-'))
		neg = s[i++] == '-';
	if (significand(s + i, n - i, &m, &e, &digits) != n - i ||
	    digits == 0 || !rs_decimal_exact(m, (int)e, &v))
		return 0;
	*value = neg ? -v : v;
	return 1;
}

enum rs_number_status
rs_number_parse(const char *s, size_t n, double *value, const char **why)
{
	char buf[256 + 8];		/* room for a multibyte point */
	const char *p;
	char *end;
	int digits = 0;
	double v;

	*why = NULL;
	s = rs_trim(s, &n);
	if (plain_decimal(s, n, value))
		return RS_NUMBER_OK;
	/* ".." is the World Bank's mark of a missing value */
	if (n == 0 || rs_word_eq(s, n, "NA") || rs_word_eq(s, n, "N/A") ||
	    rs_word_eq(s, n, ".."))
		return RS_NUMBER_MISSING;
	if (to_ascii(s, n, buf, 256) != 0) {
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
		if (strchr(buf, ',') != NULL ||
		    strstr(buf, "\xD9\xAC") != NULL ||	/* U+066C */
		    strstr(buf, "\xD8\x8C") != NULL)	/* U+060C */
			*why = "is not a number: use '.' as the decimal point "
			    "and no thousands separator";
		else if (strstr(buf, "\xC2\xA0") != NULL ||	/* U+00A0 */
		    strstr(buf, "\xE2\x80\xAF") != NULL ||	/* U+202F */
		    strchr(buf, ' ') != NULL || strchr(buf, '\'') != NULL)
			*why = "is not a number: write it without spaces or "
			    "thousands separators";
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
	if (fast_decimal(buf, value))
		return RS_NUMBER_OK;
	if (localize_point(buf, sizeof(buf)) != 0) {
		*why = "is too long to be a number";
		return RS_NUMBER_BAD;
	}
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

size_t
rs_line_len(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return n;
}

void
rs_cursor_init(struct rs_cursor *cur, const char *text, size_t len)
{
	cur->text = text;
	cur->len = len;
	cur->off = 0;
	cur->line = 1;
	cur->col = 1;
}

void
rs_cursor_seek(struct rs_cursor *cur, size_t off)
{
	const unsigned char *s = (const unsigned char *)cur->text;
	size_t i;

	if (off < cur->off)
		rs_cursor_init(cur, cur->text, cur->len);
	if (off > cur->len)
		off = cur->len;
	for (i = cur->off; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= cur->len ||
		    s[i + 1] != '\n'))) {
			cur->line++;
			cur->col = 1;
		} else if ((s[i] & 0xC0) != 0x80) {
			cur->col++;
		}
	}
	cur->off = off;
}

void
rs_text_locate(const char *text, size_t len, size_t off, long *line,
    long *col)
{
	struct rs_cursor cur;

	rs_cursor_init(&cur, text, len);
	rs_cursor_seek(&cur, off);
	*line = cur.line;
	*col = cur.col;
}

void
rs_text_position(const char *text, size_t off, long *line, long *col)
{
	rs_text_locate(text, off, off, line, col);
}

char *
rs_column_name(char *buf, long col)
{
	char tmp[8];
	size_t n = 0, i;

	if (col < 1 || col > 16384L * 26) {
		snprintf(buf, 8, "?");
		return buf;
	}
	while (col > 0) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

static int
lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

size_t
rs_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, best, d;

	if (la > lb + limit || lb > la + limit)
		return limit + 1;
	row = rs_malloc((lb + 1) * sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];

			d = diag + (lower_ascii(a[i - 1]) != lower_ascii(b[j - 1]));
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			if (up + 1 < d)
				d = up + 1;
			row[j] = d;
			diag = up;
			if (d < best)
				best = d;
		}
		if (best > limit) {
			free(row);
			return limit + 1;
		}
	}
	d = row[lb];
	free(row);
	return d;
}


const char *
rs_suggest(const char *s, const char *const *words, size_t n)
{
	size_t i, d, limit = strlen(s) / 3 + 1, bestd;
	const char *best = NULL;

	if (limit > 3)
		limit = 3;
	bestd = limit + 1;
	for (i = 0; i < n; i++) {
		d = rs_edit_distance(s, words[i], limit);
		if (d < bestd) {
			bestd = d;
			best = words[i];
		}
	}
	return best;
}
