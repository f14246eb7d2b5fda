/*
 * shortest.h - the decimal digits of a double, computed with integers:
 * the shortest that read back (Ryu), and the ones the exact number writer
 * chooses among %.15g, %.16g and %.17g
 *
 * The base layer: this module includes the C library alone.
 */
#ifndef RS_SHORTEST_H
#define RS_SHORTEST_H

#include <stddef.h>
#include <stdint.h>

/* Bytes that rs_shortest_put_g() may write, the NUL included. */
#define RS_SHORTEST_G_MAX 32

/*
 * The shortest decimal that reads back as |v| under round-to-nearest-even
 * (strtod), and among those the nearest to v, half to even: Adams, "Ryu:
 * fast float-to-string conversion", PLDI 2018.  v must be finite and not
 * zero.  Sets *digits (no trailing zero) and *exp10 so that the decimal is
 * *digits x 10^*exp10; returns the number of digits (1 to 17), or 0 when
 * v is zero, infinite or NaN.
 */
int rs_shortest(double v, uint64_t *digits, int *exp10);

/*
 * The digits that the first of printf's %.15g, %.16g and %.17g to read
 * back as v would write: P = 15, 16 or 17 digits of |v| correctly rounded
 * (half to even, as glibc's printf rounds), the first P whose decimal
 * strtod reads as v.  Sets *digits to that decimal's P digits, trailing
 * zeros included (10^(P-1) <= *digits < 10^P), and *exp10 to the decimal
 * exponent of its first digit.  Returns P, or 0 when v is zero, infinite
 * or NaN, or when the integers at hand cannot settle it (subnormal
 * numbers of few bits): the caller must then ask printf.
 */
int rs_shortest_g(double v, uint64_t *digits, int *exp10);

/*
 * Write into out (at least RS_SHORTEST_G_MAX bytes) what printf's "%.*g"
 * with precision p writes for the p-digit decimal digits x 10^(exp10 -
 * p + 1), with a minus sign when neg: the fixed form when -4 <= exp10 <
 * p, else d.ddde+XX (at least two exponent digits), trailing zeros and a
 * bare point dropped.  p is 1 to 17 (anything else writes ""), exp10
 * -999 to 999.  Returns the length written, the NUL not counted.
 */
size_t rs_shortest_put_g(char *out, int neg, uint64_t digits, int p,
    int exp10);

#endif /* RS_SHORTEST_H */
