/*
 * svg.h - the arithmetic of the HTML report's charts (its XML escaping
 * is markup.h's)
 *
 * Geometry is computed here and printed with fixed formats, so that a
 * chart is the same bytes on every run; report_html.c lays the charts
 * out with these and writes the markup.
 */
#ifndef RS_SVG_H
#define RS_SVG_H

#include <stddef.h>
#include <stdio.h>

/*
 * The point of axis k of an n-axis radar chart centred on (cx, cy) whose
 * 100 lies radius away from the centre, at score (0..100; below 0 or NaN
 * counts as 0, above 100 as 100).  Axis 0 points up and the next ones
 * follow clockwise, or anticlockwise when mirror is set (right-to-left
 * pages).
 */
void rs_svg_radar_point(double cx, double cy, double radius, size_t n,
    size_t k, double score, int mirror, double *x, double *y);

/* v mapped linearly from [d0, d1] onto [r0, r1] (r0 when d0 == d1). */
double rs_svg_scale(double v, double d0, double d1, double r0, double r1);

/*
 * The step of a round axis from 0 past max with at most about 5 ticks:
 * 1, 2 or 5 times a power of ten (1 when max <= 0 or is not finite).
 */
double rs_svg_nice_step(double max);

/*
 * v with 2 decimals and trailing zeros dropped ("12.5", "3", never
 * "-0"), the format of every coordinate.  Returns buf.
 */
char *rs_svg_num(char *buf, size_t n, double v);

#endif /* RS_SVG_H */
