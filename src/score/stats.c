/*
 * stats.c - descriptive statistics, correlations and effective weights,
 * as docs/pipeline.md ("Analysis") defines them
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "resilience/stats.h"
#include "score/formula.h"

/* Copy the non-NaN values of a column into a new array; *m gets the count. */
static double *
present(const double *x, size_t n, size_t stride, size_t *m)
{
	double *v = rs_malloc((n + 1) * sizeof(*v));
	size_t i;

	*m = 0;
	for (i = 0; i < n; i++)
		if (!isnan(x[i * stride]))
			v[(*m)++] = x[i * stride];
	return v;
}

/*
 * The mean of v[0..m): a long double sum divided by m, then corrected by
 * the mean of the deviations (R's mean.default and var() do this).
 */
static double
mean_of(const double *v, size_t m)
{
	long double s = 0, t = 0;
	size_t i;

	if (m == 0)
		return (double)NAN;
	for (i = 0; i < m; i++)
		s += (long double)v[i];
	s /= (long double)m;
	if (isfinite((double)s)) {
		for (i = 0; i < m; i++)
			t += (long double)v[i] - s;
		s += t / (long double)m;
	}
	return (double)s;
}

double
rs_stats_mean(const double *x, size_t n, size_t stride)
{
	size_t m;
	double *v = present(x, n, stride, &m), r = mean_of(v, m);

	free(v);
	return r;
}

double
rs_stats_sd(const double *x, size_t n, size_t stride)
{
	size_t m, i;
	double *v = present(x, n, stride, &m), mean, d;
	long double s = 0;

	if (m < 2) {
		free(v);
		return (double)NAN;
	}
	mean = mean_of(v, m);
	for (i = 0; i < m; i++) {
		d = v[i] - mean;
		/* a double product, as R's cov.c */
		s += (long double)(d * d);
	}
	free(v);
	return sqrt((double)(s / (long double)(m - 1)));
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
rs_stats_median(const double *x, size_t n, size_t stride)
{
	size_t m;
	double *v = present(x, n, stride, &m), r;

	if (m == 0) {
		free(v);
		return (double)NAN;
	}
	qsort(v, m, sizeof(*v), cmp_double);
	if (m % 2 == 1)
		r = v[m / 2];
	else
		r = (double)(((long double)v[m / 2 - 1] +
		    (long double)v[m / 2]) / 2);
	free(v);
	return r;
}

/* Sums of squared, cubed and fourth-power deviations from the mean. */
static void
moments(const double *v, size_t m, double *s2, double *s3, double *s4)
{
	long double a = 0, b = 0, c = 0;
	double mean = mean_of(v, m), d;
	size_t i;

	for (i = 0; i < m; i++) {
		d = v[i] - mean;
		a += (long double)(d * d);
		b += (long double)(d * d * d);
		c += (long double)(d * d * d * d);
	}
	*s2 = (double)a;
	*s3 = (double)b;
	*s4 = (double)c;
}

/* pipeline.md, "Treat": SKEW. */
double
rs_stats_skew(const double *x, size_t n, size_t stride)
{
	size_t m;
	double *v = present(x, n, stride, &m), s2, s3, s4, dm, y;

	if (m < 3) {
		free(v);
		return (double)NAN;
	}
	moments(v, m, &s2, &s3, &s4);
	free(v);
	dm = (double)m;
	y = sqrt(dm) * s3 / pow(s2, 1.5);
	return y * sqrt(dm * (dm - 1)) / (dm - 2);
}

/* pipeline.md, "Treat": KURT. */
double
rs_stats_kurt(const double *x, size_t n, size_t stride)
{
	size_t m;
	double *v = present(x, n, stride, &m), s2, s3, s4, dm, r;

	if (m < 4) {
		free(v);
		return (double)NAN;
	}
	moments(v, m, &s2, &s3, &s4);
	free(v);
	dm = (double)m;
	r = dm * s4 / (s2 * s2);
	return ((dm + 1) * (r - 3) + 6) * (dm - 1) / ((dm - 2) * (dm - 3));
}

/*
 * The continued fraction of the regularised incomplete beta function
 * I_x(a, b), evaluated by the modified Lentz method.
 */
static double
beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300, eps = 1e-16;
	double c = 1, d = 1 - (a + b) * x / (a + 1), f, num, delta;
	int k;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	f = d;
	for (k = 1; k <= 1000; k++) {
		double dk = (double)k;

		num = dk * (b - dk) * x / ((a + 2 * dk - 1) * (a + 2 * dk));
		d = 1 + num * d;
		d = fabs(d) < tiny ? 1 / tiny : 1 / d;
		c = 1 + num / c;
		if (fabs(c) < tiny)
			c = tiny;
		f *= c * d;
		num = -(a + dk) * (a + b + dk) * x /
		    ((a + 2 * dk) * (a + 2 * dk + 1));
		d = 1 + num * d;
		d = fabs(d) < tiny ? 1 / tiny : 1 / d;
		c = 1 + num / c;
		if (fabs(c) < tiny)
			c = tiny;
		delta = c * d;
		f *= delta;
		if (fabs(delta - 1) < eps)
			break;
	}
	return f;
}

/* Regularised incomplete beta function I_x(a, b), 0 <= x <= 1. */
static double
beta_inc(double a, double b, double x)
{
	double front;

	if (!(x > 0))
		return 0;
	if (!(x < 1))
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
	    b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * beta_cf(a, b, x) / a;
	return 1 - front * beta_cf(b, a, 1 - x) / b;
}

double
rs_stats_pearson(const double *x, size_t xstride, const double *y,
    size_t ystride, size_t n, double *p)
{
	double *a = rs_malloc((n + 1) * sizeof(double));
	double *b = rs_malloc((n + 1) * sizeof(double));
	double ma, mb, r, df, t;
	long double sab = 0, saa = 0, sbb = 0;
	size_t i, m = 0;

	if (p != NULL)
		*p = (double)NAN;
	for (i = 0; i < n; i++) {
		if (isnan(x[i * xstride]) || isnan(y[i * ystride]))
			continue;
		a[m] = x[i * xstride];
		b[m++] = y[i * ystride];
	}
	if (m < 3) {
		free(a);
		free(b);
		return (double)NAN;
	}
	ma = mean_of(a, m);
	mb = mean_of(b, m);
	for (i = 0; i < m; i++) {
		sab += (long double)(a[i] - ma) * (long double)(b[i] - mb);
		saa += (long double)(a[i] - ma) * (long double)(a[i] - ma);
		sbb += (long double)(b[i] - mb) * (long double)(b[i] - mb);
	}
	free(a);
	free(b);
	if (!(saa > 0) || !(sbb > 0))
		return (double)NAN;
	r = (double)(sab / sqrtl(saa * sbb));
	if (r > 1)
		r = 1;
	if (r < -1)
		r = -1;
	if (p != NULL) {
		/* t = r sqrt(df / (1 - r^2)); p = I_{df/(df+t^2)}(df/2, 1/2) */
		df = (double)m - 2;
		if (!(1 - r * r > 0)) {
			*p = 0;
		} else {
			t = r * sqrt(df / (1 - r * r));
			*p = beta_inc(df / 2, 0.5, df / (df + t * t));
		}
	}
	return r;
}

void
rs_stats_default_flags(struct rs_stats_flags *f)
{
	f->t_avail = 0.65;
	f->t_zero = 0.5;
	f->t_unique = 0.5;
	f->t_skew = 2;
	f->t_kurt = 3.5;
}

void
rs_stats_column(const double *x, size_t n, size_t stride,
    const struct rs_stats_flags *f, struct rs_stats *st)
{
	size_t m, i, run;
	double *v = present(x, n, stride, &m);

	memset(st, 0, sizeof(*st));
	st->n = n;
	st->navail = m;
	st->min = st->max = (double)NAN;
	qsort(v, m, sizeof(*v), cmp_double);
	for (i = 0, run = 0; i < m; i++) {
		if (v[i] < 0 || v[i] > 0)
			st->nnonzero++;
		if (i == 0 || v[i] > v[i - 1]) {
			st->nunique++;
			run = 1;
		} else {
			run++;
		}
		if (run > st->nsame)
			st->nsame = run;
	}
	if (m > 0) {
		st->min = v[0];
		st->max = v[m - 1];
	}
	free(v);
	st->mean = rs_stats_mean(x, n, stride);
	st->median = rs_stats_median(x, n, stride);
	st->sd = rs_stats_sd(x, n, stride);
	st->skew = rs_stats_skew(x, n, stride);
	st->kurt = rs_stats_kurt(x, n, stride);
	st->frc_avail = n > 0 ? (double)m / (double)n : (double)NAN;
	st->frc_nonzero = m > 0 ? (double)st->nnonzero / (double)m :
	    (double)NAN;
	st->frc_unique = m > 0 ? (double)st->nunique / (double)m : (double)NAN;
	st->frc_same = m > 0 ? (double)st->nsame / (double)m : (double)NAN;
	st->low_avail = st->frc_avail < f->t_avail;
	st->low_nonzero = st->frc_nonzero < f->t_zero;
	st->low_unique = st->frc_unique < f->t_unique;
	st->outlier = fabs(st->skew) >= f->t_skew && st->kurt >= f->t_kurt;
}

/* pipeline.md, "Effective weights": every node counts. */
void
rs_stats_effective_weights(const struct rs_framework *fw, double *w)
{
	rs_formula_weights(fw, NULL, w);
}
