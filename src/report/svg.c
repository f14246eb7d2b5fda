/*
 * svg.c - chart geometry for the HTML report (svg.h)
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_priv.h"
#include "report/svg.h"

/* M_PI is not C11; this is it to the last digit of a double. */
#define PI 3.14159265358979323846

void
rs_svg_radar_point(double cx, double cy, double radius, size_t n,
    size_t k, double score, int mirror, double *x, double *y)
{
	double a, r;

	if (!(score > 0))
		score = 0;
	if (score > 100)
		score = 100;
	r = radius * score / 100;
	/* Angles from the top, clockwise as the SVG y axis points down. */
	a = n > 0 ? 2 * PI * (double)k / (double)n : 0;
	*x = cx + (mirror ? -1 : 1) * r * sin(a);
	*y = cy - r * cos(a);
}

double
rs_svg_scale(double v, double d0, double d1, double r0, double r1)
{
	if (!(d1 > d0) && !(d1 < d0))
		return r0;
	return r0 + (v - d0) * (r1 - r0) / (d1 - d0);
}

double
rs_svg_nice_step(double max)
{
	static const double mult[] = {1, 2, 5};
	double p;
	size_t i;

	if (!(max > 0) || isinf(max))
		return 1;
	p = pow(10, floor(log10(max / 5)));
	for (;;) {
		for (i = 0; i < 3; i++)
			if (max / (mult[i] * p) <= 5)
				return mult[i] * p;
		p *= 10;
	}
}

char *
rs_svg_num(char *buf, size_t n, double v)
{
	char two[64];

	/*
	 * Rounded by printf, which rounds the exact binary value the same
	 * way in every build (floor(v * 100 + 0.5) did not: a tie such as
	 * 204.815 went either way), then trimmed by the prose format.
	 */
	snprintf(two, sizeof(two), "%.2f", isfinite(v) ? v : 0);
	return rs_fmt_value(buf, n, strtod(two, NULL));
}
