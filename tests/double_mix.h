/*
 * double_mix.h - the doubles on which the exact number writer is held to
 * its reference: tests/test_shortest.c draws a million of them,
 * bench/bench_shortest.c 10^8, from the same fixed-seed sequence
 */
#ifndef RS_DOUBLE_MIX_H
#define RS_DOUBLE_MIX_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of double of the mix, drawn in turn. */
enum mix_kind {
	MIX_BITS,		/* random bit patterns (no NaN, no infinity) */
	MIX_DECIMAL,		/* decimals of 1 to 17 digits at every scale */
	MIX_REPORT,		/* a report's numbers: few decimals, means */
	MIX_HALFWAY,		/* dyadic numbers, 17-digit decimals ending 5 */
	MIX_SUBNORMAL,		/* below DBL_MIN */
	MIX_NKINDS
};

static inline const char *
mix_kind_name(enum mix_kind kind)
{
	static const char *const name[MIX_NKINDS] = {
		"random bit patterns",
		"decimals of 1 to 17 digits",
		"report values (<= 6 decimals, means)",
		"halfway and dyadic cases",
		"subnormals",
	};

	return name[kind];
}

/* splitmix64: a fixed sequence, the same on every machine. */
static inline uint64_t
mix_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static inline double
mix_from_bits(uint64_t bits)
{
	double v;

	memcpy(&v, &bits, sizeof(v));
	return v;
}

/* m x 10^e as strtod reads it: a decimal of any length. */
static inline double
mix_decimal(uint64_t m, int e)
{
	char s[48];

	snprintf(s, sizeof(s), "%llue%d", (unsigned long long)m, e);
	return strtod(s, NULL);
}

/* One double of the given kind. */
static inline double
mix_draw(uint64_t *state, enum mix_kind kind)
{
	uint64_t r = mix_next(state), m;
	double v;
	int d, k, e;

	switch (kind) {
	case MIX_BITS:
		do
			v = mix_from_bits(r = mix_next(state));
		while (isnan(v) || isinf(v));
		return v;
	case MIX_DECIMAL:
		d = 1 + (int)(r % 17);
		m = mix_next(state) % 100000000000000000u;
		for (k = d; k < 17; k++)
			m /= 10;
		/* from below the subnormals to DBL_MAX's decade */
		e = (int)(mix_next(state) % (uint64_t)(649 - d)) - 340;
		v = mix_decimal(m + 1, e);
		return r >> 63 ? -v : v;
	case MIX_REPORT:
		m = mix_next(state);
		switch ((r >> 8) % 4) {
		case 0:		/* a raw value of 0 to 6 decimals */
			return mix_decimal(m % 100000000000u,
			    -(int)((r >> 16) % 7));
		case 1:		/* a share or a score of 0 to 100 */
			return (double)(m % 1000001) / 10000;
		case 2:		/* a mean of a few values */
			return (double)(m % 100000) / (double)(1 + (r >> 20) %
			    997);
		default:	/* a change, of either sign */
			return ((double)(m % 2000001) - 1000000) /
			    (double)(1 + (r >> 20) % 63) / 1000;
		}
	case MIX_HALFWAY:
		if (r & 1) {	/* odd m x 2^-j: its decimal ends */
			m = mix_next(state) >> (11 + (r >> 58) % 40);
			v = ldexp((double)(m | 1), -(int)((r >> 20) % 64));
		} else {	/* halfway between two 16-digit decimals */
			m = mix_next(state) % 9000000000000000u +
			    1000000000000000u;
			v = mix_decimal(m * 10 + 5, (int)((r >> 8) % 80) - 40);
		}
		return r >> 63 ? -v : v;
	default:
		m = r & (((uint64_t)1 << 52) - 1);
		return mix_from_bits((m ? m : 1) | (r & (uint64_t)1 << 63));
	}
}

/*
 * The fixed cases, each with its negative and two neighbours on either
 * side: every power of ten and of two in range, the edges of the range
 * (DBL_MIN, DBL_MAX, DBL_TRUE_MIN), of the exact integers (2^53) and of
 * %g's two forms (1e-4, 1e-5, 1e15, 1e16, 1e17).  Writes at most
 * MIX_EDGES_MAX doubles to out; returns how many.
 */
#define MIX_EDGES_MAX 20000
static inline size_t
mix_edges(double *out)
{
	static const double edges[] = {
		DBL_MIN, DBL_MAX, DBL_TRUE_MIN, DBL_EPSILON,
		9007199254740992.0, 1e15, 1e16, 1e17, 1e-4, 1e-5,
	};
	double c[2800], v, up, down;
	size_t nc = 0, n = 0, i;
	int e;

	for (e = -325; e <= 309; e++)
		c[nc++] = mix_decimal(1, e);
	for (e = -1074; e <= 1023; e++)
		c[nc++] = ldexp(1, e);
	for (i = 0; i < sizeof(edges) / sizeof(*edges); i++)
		c[nc++] = edges[i];
	for (i = 0; i < nc; i++) {
		v = c[i];
		up = nextafter(v, HUGE_VAL);
		down = nextafter(v, -HUGE_VAL);
		out[n++] = v;
		out[n++] = -v;
		out[n++] = up;
		out[n++] = down;
		out[n++] = nextafter(up, HUGE_VAL);
		out[n++] = nextafter(down, -HUGE_VAL);
	}
	return n;
}

#endif /* RS_DOUBLE_MIX_H */
