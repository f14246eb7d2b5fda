/*
 * fmt.c - numbers as text: the exact forms that read back and the display
 * forms of the reports (fmt.h)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/shortest.h"
#include "base/text.h"

/* a == b without -Wfloat-equal's complaint: exact comparison is meant. */
static int
same(double a, double b)
{
	return !(a < b) && !(a > b);
}

/*
 * v's P most significant decimal digits as %.*g rounds them, into dig[],
 * its decimal exponent in *x, from d17, the 17 digits of "%.16e" and
 * their exponent x17.  Rounding the rounded 17 digits again gives what
 * rounding v itself gives unless the digits dropped read exactly 5 or 50
 * (v may then lie on either side of the half): 0 for those, which
 * printf must settle.
 */
static int
round_digits(const char *d17, int x17, int p, char *dig, int *x)
{
	int k;

	if (d17[p] == '5' && (p == 16 || d17[p + 1] == '0'))
		return 0;
	memcpy(dig, d17, (size_t)p);
	*x = x17;
	if (d17[p] < '5')
		return 1;
	for (k = p - 1; k >= 0 && dig[k] == '9'; k--)
		dig[k] = '0';
	if (k >= 0) {
		dig[k]++;
	} else {			/* 9.99... rounds to 10.0... */
		dig[0] = '1';
		(*x)++;
	}
	return 1;
}

/* The double nearest dig[0..p) x 10^(x - p + 1), as rs_decimal_exact(). */
static int
digits_value(const char *dig, int p, int x, double *v)
{
	uint64_t m = 0;
	int k;

	for (k = 0; k < p; k++)
		m = m * 10 + (uint64_t)(dig[k] - '0');
	return rs_decimal_exact(m, x - p + 1, v);
}

/*
 * Most numbers of a report need 15 digits or fewer (raw values, shares,
 * years), and those need no printf at all: the integer r nearest to
 * |v| x 10^(14 - x), x the decimal exponent of v, is read back with one
 * exact operation; when that gives |v|, r is the only decimal of 15
 * digits that does (they lie ten times further apart than doubles do),
 * so it is the one %.15g writes.  Fills dig[0..15) and *x, or returns 0.
 */
static int
short_digits(double a, char *dig, int *x)
{
	double r, back;
	uint64_t m;
	int k, tries;

	*x = (int)floor(log10(a));
	for (tries = 0; tries < 2; tries++) {
		if (*x < -8 || *x > 36)
			return 0;
		r = *x <= 14 ? a * rs_pow10[14 - *x] : a / rs_pow10[*x - 14];
		r = nearbyint(r);
		if (r < 1e14)
			(*x)--;
		else if (r >= 1e15)	/* log10 was one short */
			(*x)++;
		else
			break;
	}
	if (tries == 2)
		return 0;
	if (!rs_decimal_exact((uint64_t)r, *x - 14, &back) || !same(back, a))
		return 0;
	for (m = (uint64_t)r, k = 14; k >= 0; k--, m /= 10)
		dig[k] = (char)('0' + (int)(m % 10));
	return 1;
}

/* The %.*g text of dig[0..p) and exponent x, as printf writes it. */
static void
put_g(char *buf, size_t n, int neg, const char *dig, int p, int x)
{
	char tmp[64], *o = tmp;
	int last = p, k;

	while (last > 1 && dig[last - 1] == '0')
		last--;			/* %g drops trailing zeros */
	if (neg)
		*o++ = '-';
	if (x < -4 || x >= p) {
		*o++ = dig[0];
		if (last > 1)
			*o++ = '.';
		for (k = 1; k < last; k++)
			*o++ = dig[k];
		snprintf(o, sizeof(tmp) - (size_t)(o - tmp), "e%c%02d",
		    x < 0 ? '-' : '+', x < 0 ? -x : x);
	} else {
		if (x < 0)
			*o++ = '0';
		for (k = 0; k <= x; k++)
			*o++ = dig[k];
		if (last > x + 1 || x < 0)
			*o++ = '.';
		for (k = x + 1; k < 0; k++)
			*o++ = '0';
		for (k = x + 1 > 0 ? x + 1 : 0; k < last; k++)
			*o++ = dig[k];
		*o = '\0';
	}
	snprintf(buf, n, "%s", tmp);
}

/*
 * The shortest of %.15g, %.16g and %.17g that reads back as v, the way
 * rs_fmt_exact() wrote it before src/base/shortest.c: the candidates are
 * rounded from one "%.16e" and read back with one exact operation;
 * printf and strtod remain for the cases that cannot be settled so
 * (tests/test_report.c holds both ways to each other).
 */
char *
rs_fmt_exact_ref(char *buf, size_t n, double v)
{
	char e17[40], d17[18], dig[17];
	double back;
	int digits, x17, x, k, neg;
	const char *p;

	if (isnan(v) || isinf(v)) {
		snprintf(buf, n, "%s", "");
		return buf;
	}
	v += 0.0;		/* -0 prints as 0 */
	if (same(v, 0)) {
		snprintf(buf, n, "0");
		return buf;
	}
	neg = v < 0;
	if (short_digits(fabs(v), dig, &x)) {
		put_g(buf, n, neg, dig, 15, x);
		return buf;
	}
	snprintf(e17, sizeof(e17), "%.16e", v);
	p = e17 + neg;
	d17[0] = *p++;
	p++;			/* the point, whatever the locale */
	for (k = 1; k < 17; k++)
		d17[k] = *p++;
	d17[17] = '\0';
	x17 = (int)strtol(p + 1, NULL, 10);
	for (digits = 15; digits < 17; digits++) {
		if (round_digits(d17, x17, digits, dig, &x) &&
		    digits_value(dig, digits, x, &back)) {
			if (same(neg ? -back : back, v)) {
				put_g(buf, n, neg, dig, digits, x);
				return buf;
			}
			continue;
		}
		snprintf(buf, n, "%.*g", digits, v);
		if (same(strtod(buf, NULL), v))
			return buf;
	}
	put_g(buf, n, neg, d17, 17, x17);
	return buf;
}

/*
 * An integer below 10^15 in magnitude is its own shortest form: %.15g
 * writes its digits in the fixed form.  The years, counts and ranks of a
 * report, and the scores and gains of 0 and 100, go this way.
 */
static size_t
put_integer(char *out, double v)
{
	char tmp[16], *t = tmp + sizeof(tmp), *o = out;
	uint64_t u;

	if (v < 0)
		*o++ = '-';
	u = (uint64_t)fabs(v);
	do
		*--t = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	memcpy(o, t, (size_t)(tmp + sizeof(tmp) - t));
	o += tmp + sizeof(tmp) - t;
	*o = '\0';
	return (size_t)(o - out);
}

_Static_assert(RS_FMT_EXACT_MAX >= RS_SHORTEST_G_MAX,
    "rs_fmt_exact_put() writes what rs_shortest_put_g() does");

size_t
rs_fmt_exact_put(char *out, double v)
{
	uint64_t digits;
	int p, x;

	if (isnan(v) || isinf(v)) {
		out[0] = '\0';
		return 0;
	}
	v += 0.0;		/* -0 prints as 0 */
	if (fabs(v) < 1e15 && same(v, trunc(v)))
		return put_integer(out, v);
	p = rs_shortest_g(v, &digits, &x);
	if (p == 0)		/* a subnormal number (zero is an integer) */
		return strlen(rs_fmt_exact_ref(out, RS_FMT_EXACT_MAX, v));
	return rs_shortest_put_g(out, v < 0, digits, p, x);
}

/*
 * rs_fmt_exact_put() into a buffer of any size: what snprintf(buf, n,
 * ...) would write, so a short buffer gets the same truncated text.
 */
char *
rs_fmt_exact(char *buf, size_t n, double v)
{
	char tmp[RS_FMT_EXACT_MAX];
	size_t len = rs_fmt_exact_put(tmp, v);

	if (n > 0) {
		if (len >= n)
			len = n - 1;
		memcpy(buf, tmp, len);
		buf[len] = '\0';
	}
	return buf;
}

char *
rs_fmt_value(char *buf, size_t n, double v)
{
	char *p;

	v += 0.0;
	if (fabs(v) >= 1e12 || (fabs(v) < 0.001 && !same(v, 0))) {
		snprintf(buf, n, "%.4g", v);
		return buf;
	}
	snprintf(buf, n, "%.4f", v);
	if ((p = strchr(buf, '.')) != NULL) {
		p += strlen(p);
		while (p[-1] == '0')
			*--p = '\0';
		if (p[-1] == '.')
			p[-1] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, n, "0");
	return buf;
}

char *
rs_fmt_17(char *buf, size_t n, double v)
{
	if (isnan(v))
		snprintf(buf, n, "%s", "");
	else if (isinf(v))
		snprintf(buf, n, "%s", v > 0 ? "Inf" : "-Inf");
	else
		snprintf(buf, n, "%.17g", v);
	return buf;
}

char *
rs_fmt_short(char *buf, size_t n, double v)
{
	int prec;

	if (isnan(v) || isinf(v))
		return rs_fmt_exact(buf, n, v);
	for (prec = 6; prec < 15; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		if (same(strtod(buf, NULL), v))
			return buf;
	}
	return rs_fmt_exact(buf, n, v);
}

/*
 * "%.*f" of v (with "%+.*f"'s sign when plus) for prec <= 6 and |v| <
 * 1e9, without printf: the integer nearest to |v| 10^prec, half to even
 * as printf rounds the exact value.  y = |v| 10^prec is rounded, but with
 * r = floor(y), fma() gives d = |v| 10^prec - r rounded once, and d lies
 * in [-0.5, 1.5]: whether it is above 0.5 says whether the nearest is r
 * or r + 1.  When d rounds to -0.5, 0.5 or 1.5 the exact value may be a
 * tie or on either side of one: 0, and printf settles it.  The text
 * report writes some twenty such numbers a city.
 */
static int
fixed(char *buf, size_t n, double v, int prec, int plus)
{
	static const uint64_t p10[] = {1, 10, 100, 1000, 10000, 100000,
	    1000000};
	char dig[24];
	double a = fabs(v), r, d;
	uint64_t m;
	size_t o = 0, k = 0;
	int i;

	if (prec < 0 || prec > 6 || n < 32 || !(a < 1e9))
		return 0;
	r = floor(a * (double)p10[prec]);
	d = fma(a, (double)p10[prec], -r);
	if (same(d, -0.5) || same(d, 0.5) || same(d, 1.5))
		return 0;
	m = (uint64_t)r + (d > 0.5);
	if (signbit(v))
		buf[o++] = '-';
	else if (plus)
		buf[o++] = '+';
	for (i = 0; i < prec; i++, m /= 10)
		dig[k++] = (char)('0' + m % 10);
	if (prec > 0)
		dig[k++] = '.';
	do {
		dig[k++] = (char)('0' + m % 10);
		m /= 10;
	} while (m > 0);
	while (k > 0)
		buf[o++] = dig[--k];
	buf[o] = '\0';
	return 1;
}

char *
rs_fmt_fixed(char *buf, size_t n, double v, int prec)
{
	if (isnan(v))
		snprintf(buf, n, "%s", "n/a");
	else if (!fixed(buf, n, v, prec, 0))
		snprintf(buf, n, "%.*f", prec, v);
	return buf;
}

char *
rs_fmt_percent(char *buf, size_t n, double share)
{
	size_t len;

	if (isnan(share))
		snprintf(buf, n, "%s", "n/a");
	else if (fixed(buf, n, 100 * share, 1, 0) &&
	    (len = strlen(buf)) + 1 < n)
		memcpy(buf + len, "%", 2);
	else
		snprintf(buf, n, "%.1f%%", 100 * share);
	return buf;
}

char *
rs_fmt_change(char *buf, size_t n, double v)
{
	if (isnan(v))
		snprintf(buf, n, "%s", "n/a");
	else if (fabs(v) < 0.05)
		snprintf(buf, n, "%s", "0.0");
	else if (!fixed(buf, n, v, 1, 1))
		snprintf(buf, n, "%+.1f", v);
	return buf;
}
