/*
 * rng.h - xoshiro256** seeded by splitmix64, and R's type-7 quantile
 *
 * Inline because the sensitivity runs draw from it in their inner loop.
 * The same sequence on every platform: results are reproducible from the
 * seed alone.
 */
#ifndef RS_RNG_H
#define RS_RNG_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

struct rs_rng {
	uint64_t s[4];		/* xoshiro256** state */
};

static inline uint64_t
rs_splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static inline void
rs_rng_seed(struct rs_rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = rs_splitmix64(&seed);
}

/*
 * The stream of (seed, tag, index): one per run or per noisy set, so that
 * what a run draws depends on its index, never on the thread running it.
 */
static inline void
rs_rng_stream(struct rs_rng *r, uint64_t seed, uint64_t tag, uint64_t index)
{
	uint64_t x = seed, y;

	y = rs_splitmix64(&x) ^ (tag * 0xd1342543de82ef95u);
	x = y;
	y = rs_splitmix64(&x) ^ index;
	rs_rng_seed(r, y);
}

static inline uint64_t
rs_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* A uniform double in [0, 1). */
static inline double
rs_rng_uniform(struct rs_rng *r)
{
	uint64_t *s = r->s, out = rs_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rs_rotl(s[3], 45);
	return (double)(out >> 11) * 0x1.0p-53;
}

/* R's quantile type 7 of the sorted x[0..n). */
static inline double
rs_quantile7(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p, lo = floor(h);
	size_t i = (size_t)lo;

	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - lo) * (x[i + 1] - x[i]);
}

#endif /* RS_RNG_H */
