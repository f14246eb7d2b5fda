/*
 * shortest.c - the decimal digits of a double, computed with integers
 *
 * Both functions start from the step that Ryu (Adams, "Ryu: fast
 * float-to-string conversion", PLDI 2018, section 3) is built on: with
 * v = mv x 2^e2 (mv = 4 x the mantissa, so that the bounds below are
 * integers too), a decimal scale 10^e10 is chosen so that the interval of
 * reals that strtod rounds to v, [v - ulp/2, v + ulp/2] (a quarter below
 * at a power of two), spans at least 20 units (or v is an integer on that
 * scale), and three products with a 125-bit power of five give the exact
 * floors
 *
 *	vr = floor(v x 10^-e10), vp = floor(upper bound x 10^-e10),
 *	vm = floor(lower bound x 10^-e10).
 *
 * The paper proves these floors exact for every double with the tables of
 * scripts/gen-shortest-table.py.  Whether each product is an integer, the
 * one more fact needed for rounding and for the ends of the interval, is
 * decided here from mv itself: v x 10^-e10 is mv x 2^(e2-q) / 5^q when
 * e2 >= 0 and mv x 5^i / 2^q when e2 < 0, so it is an integer exactly
 * when 5^q, or 2^q, divides mv.
 *
 * For a normal double vr has 18 or 19 digits (v is 2^52 to 2^53 ulps,
 * and an ulp is 40 to 400 units), or 17 in the few binades where the
 * scale is 10^0 or 10^-1 and vr is exact; a subnormal number has fewer.
 * rs_shortest() removes digits while the interval still holds a shorter
 * number, as the paper does.  rs_shortest_g() rounds vr to 15, 16 and 17
 * digits, half to even with the exact remainder, and tests each rounded
 * value against vm and vp: the decimal reads back as v exactly when it
 * lies in the interval, ends included when the mantissa is even (strtod
 * rounds a tie to the even mantissa).  That is the rule of %.15g, %.16g,
 * %.17g tried in turn, with nothing approximate left; it gives up only
 * when vr has too few digits to round and is not exact (subnormals).
 */
#include <stdint.h>
#include <string.h>

#include "base/shortest.h"
#include "base/shortest_table.h"

#ifndef __SIZEOF_INT128__
#error "shortest.c needs unsigned __int128 (gcc or clang, 64-bit target)"
#endif
__extension__ typedef unsigned __int128 u128;

static const uint64_t pow10_u64[20] = {
	1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
	100000000u, 1000000000u, 10000000000u, 100000000000u,
	1000000000000u, 10000000000000u, 100000000000000u,
	1000000000000000u, 10000000000000000u, 100000000000000000u,
	1000000000000000000u, 10000000000000000000u,
};

/* v on a decimal scale: see the comment at the top. */
struct scaled {
	uint64_t vr;		/* floor(v x 10^-e10) */
	uint64_t vp;		/* floor(upper bound x 10^-e10) */
	uint64_t vm;		/* floor(lower bound x 10^-e10) */
	int e10;		/* decimal exponent of one unit */
	int vr_exact;		/* 1: vr is v x 10^-e10 itself */
	int vp_exact;		/* 1: vp is the upper bound itself */
	int vm_exact;		/* 1: vm is the lower bound itself */
	int even;		/* 1: strtod rounds either bound to v */
};

/* floor(log10(2^e)), 0 <= e <= 1650 (checked by the table script). */
static int
log10_pow2(int e)
{
	return (int)(((uint32_t)e * 78913u) >> 18);
}

/* floor(log10(5^e)), 0 <= e <= 2620. */
static int
log10_pow5(int e)
{
	return (int)(((uint32_t)e * 732923u) >> 20);
}

/* The bit length of 5^e, 1 for e = 0, 0 <= e <= 3528. */
static int
pow5_bits(int e)
{
	return (int)((((uint32_t)e * 1217359u) >> 19) + 1);
}

/* floor(m x mul / 2^j), mul = {low, high} of 125 bits, j >= 64. */
static uint64_t
mul_shift(uint64_t m, const uint64_t *mul, int j)
{
	u128 lo = (u128)m * mul[0];
	u128 hi = (u128)m * mul[1];

	return (uint64_t)(((lo >> 64) + hi) >> (j - 64));
}

/* 1 when 5^q divides x (x > 0). */
static int
multiple_of_pow5(uint64_t x, int q)
{
	int n;

	for (n = 0; n < q; n++, x /= 5)
		if (x % 5 != 0)
			return 0;
	return 1;
}

/* 1 when 2^q divides x (x > 0). */
static int
multiple_of_pow2(uint64_t x, int q)
{
	return q < 64 && (x & (((uint64_t)1 << q) - 1)) == 0;
}

/* Fill *s for v; returns 0 when v is zero, infinite or NaN. */
static int
scale(double v, struct scaled *s)
{
	uint64_t bits, mant, m2, mv, mp, mm;
	int bexp, e2, q, i, j, lower_near;

	memcpy(&bits, &v, sizeof(bits));
	mant = bits & (((uint64_t)1 << 52) - 1);
	bexp = (int)((bits >> 52) & 0x7ff);
	if (bexp == 0x7ff || (bexp == 0 && mant == 0))
		return 0;
	if (bexp == 0) {		/* subnormal */
		e2 = 1 - 1023 - 52 - 2;
		m2 = mant;
	} else {
		e2 = bexp - 1023 - 52 - 2;
		m2 = mant | (uint64_t)1 << 52;
	}
	s->even = (m2 & 1) == 0;
	/*
	 * Below a power of two (a mantissa of 2^52 above the smallest normal
	 * binade) the next double down is a quarter ulp away, not a half.
	 */
	lower_near = mant != 0 || bexp <= 1;
	mv = 4 * m2;
	mp = mv + 2;
	mm = mv - 1 - (uint64_t)lower_near;
	if (e2 >= 0) {
		/* one digit more than log10(2^e2) for a wide interval */
		q = log10_pow2(e2) - (e2 > 3);
		s->e10 = q;
		j = -e2 + q + RS_POW5_BITS + pow5_bits(q) - 1;
		s->vr = mul_shift(mv, rs_pow5_inv[q], j);
		s->vp = mul_shift(mp, rs_pow5_inv[q], j);
		s->vm = mul_shift(mm, rs_pow5_inv[q], j);
		s->vr_exact = multiple_of_pow5(mv, q);
		s->vp_exact = multiple_of_pow5(mp, q);
		s->vm_exact = multiple_of_pow5(mm, q);
	} else {
		q = log10_pow5(-e2) - (-e2 > 1);
		s->e10 = q + e2;
		i = -e2 - q;
		j = q - (pow5_bits(i) - RS_POW5_BITS);
		s->vr = mul_shift(mv, rs_pow5[i], j);
		s->vp = mul_shift(mp, rs_pow5[i], j);
		s->vm = mul_shift(mm, rs_pow5[i], j);
		s->vr_exact = multiple_of_pow2(mv, q);
		s->vp_exact = multiple_of_pow2(mp, q);
		s->vm_exact = multiple_of_pow2(mm, q);
	}
	return 1;
}

/* The number of decimal digits of x; 17 to 19 for a normal double's vr. */
static int
decimal_length(uint64_t x)
{
	int n = 1;

	if (x >= pow10_u64[16])
		return 17 + (x >= pow10_u64[17]) + (x >= pow10_u64[18]) +
		    (x >= pow10_u64[19]);
	while (x >= pow10_u64[n])
		n++;
	return n;
}

/* "00" to "99". */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/* The last n digits of x, written so that they end just before end. */
static void
put_digits(char *end, uint32_t x, int n)
{
	for (; n >= 2; n -= 2, x /= 100) {
		end -= 2;
		memcpy(end, digit_pairs + 2 * (x % 100), 2);
	}
	if (n > 0)
		end[-1] = (char)('0' + (int)(x % 10));
}

/* 1 when n x 10^e10 lies in the interval that strtod rounds to v. */
static int
inside(const struct scaled *s, uint64_t n)
{
	int above, below;

	above = n > s->vm || (n == s->vm && s->vm_exact && s->even);
	below = n < s->vp || (n == s->vp && (s->even || !s->vp_exact));
	return above && below;
}

int
rs_shortest(double v, uint64_t *digits, int *exp10)
{
	struct scaled s;
	uint64_t vr, vp, vm, out;
	int removed = 0, last = 0, vr_zeros, vm_zeros;

	if (!scale(v, &s))
		return 0;
	vr = s.vr;
	vp = s.vp;
	vm = s.vm;
	if (!s.even && s.vp_exact)
		vp--;			/* the upper bound itself is out */
	vm_zeros = s.even && s.vm_exact;	/* vm is in, and exact */
	vr_zeros = s.vr_exact;	/* all the digits dropped from vr are 0 */
	/* drop digits while the interval holds a number one digit shorter */
	while (vp / 10 > vm / 10) {
		vm_zeros &= vm % 10 == 0;
		vr_zeros &= last == 0;
		last = (int)(vr % 10);
		vr /= 10;
		vp /= 10;
		vm /= 10;
		removed++;
	}
	/* the lower bound itself may be shorter still */
	if (vm_zeros) {
		while (vm % 10 == 0) {
			vr_zeros &= last == 0;
			last = (int)(vr % 10);
			vr /= 10;
			vp /= 10;
			vm /= 10;
			removed++;
		}
	}
	if (vr_zeros && last == 5 && vr % 2 == 0)
		last = 4;		/* an exact half: to even */
	out = vr + ((vr == vm && !vm_zeros) || last >= 5);
	while (out % 10 == 0) {
		out /= 10;
		removed++;
	}
	*digits = out;
	*exp10 = s.e10 + removed;
	return decimal_length(out);
}

int
rs_shortest_g(double v, uint64_t *digits, int *exp10)
{
	struct scaled s;
	uint64_t t, d[3], at[3];
	int n, len, p, rd, sticky, up, x, carry[3], known[3];

	if (!scale(v, &s))
		return 0;
	n = decimal_length(s.vr);
	if (n > 19)
		return 0;
	/*
	 * t: the first len digits of v x 10^-e10; rd: the digit after them
	 * (-1 while none is dropped); sticky: something after rd is not 0.
	 */
	t = s.vr;
	len = n;
	rd = -1;
	sticky = !s.vr_exact;
	for (p = 17; p >= 15; p--) {
		while (len > p) {
			if (rd > 0)
				sticky = 1;
			rd = (int)(t % 10);
			t /= 10;
			len--;
		}
		known[p - 15] = 1;
		if (rd < 0) {
			/*
			 * No digit dropped: v has p digits or fewer when vr
			 * is exact, else the rounding is not known (a
			 * subnormal number of few bits).
			 */
			known[p - 15] = !sticky;
			d[p - 15] = t * pow10_u64[p - len];
			at[p - 15] = t;
			carry[p - 15] = 0;
			continue;
		}
		up = rd > 5 || (rd == 5 && (sticky || (t & 1)));
		d[p - 15] = t + (uint64_t)up;
		at[p - 15] = d[p - 15] * pow10_u64[n - p];
		carry[p - 15] = d[p - 15] == pow10_u64[p];
	}
	x = s.e10 + n - 1;
	for (p = 15; p <= 17; p++) {
		if (!known[p - 15])
			return 0;
		if (!inside(&s, at[p - 15]))
			continue;
		if (carry[p - 15]) {	/* 9.99...9x rounds to 10.00...0 */
			*digits = pow10_u64[p - 1];
			*exp10 = x + 1;
		} else {
			*digits = d[p - 15];
			*exp10 = x;
		}
		return p;
	}
	return 0;			/* never for a normal double */
}

size_t
rs_shortest_put_g(char *out, int neg, uint64_t digits, int p, int exp10)
{
	char dig[20] = "";	/* the analyser cannot see put_digits() fill it */
	char *o = out;
	int last, k, e;

	if (p < 1 || p > 17) {
		*out = '\0';
		return 0;
	}
	if (p > 8) {		/* 8 digits at a time in 32 bits */
		put_digits(dig + p, (uint32_t)(digits % 100000000u), 8);
		put_digits(dig + p - 8, (uint32_t)(digits / 100000000u),
		    p - 8);
	} else {
		put_digits(dig + p, (uint32_t)digits, p);
	}
	for (last = p; last > 1 && dig[last - 1] == '0'; last--)
		;			/* %g drops trailing zeros */
	if (neg)
		*o++ = '-';
	if (exp10 < -4 || exp10 >= p) {
		*o++ = dig[0];
		if (last > 1) {
			*o++ = '.';
			memcpy(o, dig + 1, (size_t)(last - 1));
			o += last - 1;
		}
		*o++ = 'e';
		*o++ = exp10 < 0 ? '-' : '+';
		e = exp10 < 0 ? -exp10 : exp10;
		if (e >= 100)
			*o++ = (char)('0' + e / 100);
		*o++ = (char)('0' + e / 10 % 10);
		*o++ = (char)('0' + e % 10);
	} else if (exp10 < 0) {
		*o++ = '0';
		*o++ = '.';
		for (k = exp10 + 1; k < 0; k++)
			*o++ = '0';
		memcpy(o, dig, (size_t)last);
		o += last;
	} else {
		memcpy(o, dig, (size_t)exp10 + 1);
		o += exp10 + 1;
		if (last > exp10 + 1) {
			*o++ = '.';
			memcpy(o, dig + exp10 + 1, (size_t)(last - exp10 - 1));
			o += last - exp10 - 1;
		}
	}
	*o = '\0';
	return (size_t)(o - out);
}
