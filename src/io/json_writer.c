/*
 * json_writer.c - numbers and strings of the JSON reports (json_writer.h)
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/mem.h"
#include "base/text.h"
#include "io/json_writer.h"

cJSON *
rs_json_number(double v)
{
	char buf[64];

	if (isnan(v) || isinf(v))
		return cJSON_CreateNull();
	return cJSON_CreateRaw(rs_fmt_exact(buf, sizeof(buf), v));
}

/* Whether s holds a code point cJSON would print raw but should not. */
static int
needs_own_escape(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x7F) {
			i++;
			continue;
		}
		if ((len = rs_utf8_next(s + i, n - i, &cp)) == 0 ||
		    rs_text_unsafe(cp))
			return 1;
		i += len;
	}
	return 0;
}

/* Bytes escape_one() may write for one character. */
#define ESCAPE_MAX 6

/*
 * The one JSON escaper: the character at s (n bytes left) into o, as
 * cJSON's printer escapes (\" \\ \b \f \n \r \t, other C0 controls as
 * \u00xx in lower case) and as json_writer.h adds.  Sets *used to the
 * bytes of s it took; returns the bytes written, ESCAPE_MAX at most.
 */
static size_t
escape_one(char *o, const char *s, size_t n, size_t *used)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c = (unsigned char)*s;
	size_t len;
	uint32_t cp;

	if ((len = rs_utf8_next(s, n, &cp)) == 0) {
		*used = 1;
		memcpy(o, "\\\\x", 3);	/* NOLINT(bugprone-not-null-terminated-result): bytes of a block */
		o[3] = "0123456789ABCDEF"[c >> 4];
		o[4] = "0123456789ABCDEF"[c & 15];
		return 5;
	}
	*used = len;
	if (cp == '"' || cp == '\\') {
		o[0] = '\\';
		o[1] = (char)cp;
		return 2;
	}
	if (cp == '\b' || cp == '\f' || cp == '\n' || cp == '\r' ||
	    cp == '\t') {
		o[0] = '\\';
		o[1] = cp == '\b' ? 'b' : cp == '\f' ? 'f' : cp == '\n' ? 'n' :
		    cp == '\r' ? 'r' : 't';
		return 2;
	}
	if (rs_text_unsafe(cp)) {	/* below U+10000: four hex digits */
		memcpy(o, "\\u", 2);	/* NOLINT(bugprone-not-null-terminated-result): bytes of a block */
		o[2] = hex[cp >> 12 & 15];
		o[3] = hex[cp >> 8 & 15];
		o[4] = hex[cp >> 4 & 15];
		o[5] = hex[cp & 15];
		return 6;
	}
	memcpy(o, s, len);
	return len;
}

/* 1 for the bytes escape_one() must look at: C0, '"', '\\', DEL, non-ASCII. */
static const unsigned char unplain[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,		/* 0x00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,		/* 0x10 */
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* 0x20 '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* 0x30 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* 0x40 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,		/* 0x50 '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,		/* 0x60 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,		/* 0x70 DEL */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,		/* 0x80 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Whether escape_one() would copy c as it is, a byte of ASCII. */
static inline int
plain(unsigned char c)
{
	return !unplain[c];
}

/*
 * Not 0 when some byte of the 8 in x is not plain(): a byte below 0x20,
 * '"', '\\', DEL, or with its high bit set.  The tests of "some byte
 * less than" and "some byte zero" (Anderson, "Bit Twiddling Hacks") miss
 * none; the caller then looks at each byte.
 */
static inline uint64_t
unplain8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t q = x ^ ones * '"', b = x ^ ones * '\\', d = x ^ ones * 0x7F;

	return (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) |
	    ((b - ones) & ~b) | ((d - ones) & ~d) | x) &
	    0x8080808080808080u;
}

/* unplain8() of the 8 bytes at s. */
static inline uint64_t
unplain_at(const char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return unplain8(x);
}

/*
 * s[0..n) copied to o when every byte is plain(), eight at a time (the
 * last eight overlapping the ones before; a string of 4 to 7 bytes as
 * two fours that overlap); 0 when one is not, with o then partly
 * written.
 */
static int
copy_plain(char *o, const char *s, size_t n)
{
	size_t i;
	unsigned bad = 0;

	if (n >= 4 && n < 8) {	/* the first four and the last four */
		uint32_t lo, hi;

		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		if (unplain8(lo | (uint64_t)hi << 32))
			return 0;
		memcpy(o, &lo, 4);
		memcpy(o + n - 4, &hi, 4);
		return 1;
	}
	if (n < 4) {
		for (i = 0; i < n; i++) {
			o[i] = s[i];
			bad |= unplain[(unsigned char)s[i]];
		}
		return !bad;
	}
	for (i = 0; i + 8 < n; i += 8) {
		if (unplain_at(s + i))
			return 0;
		memcpy(o + i, s + i, 8);
	}
	if (unplain_at(s + n - 8))
		return 0;
	memcpy(o + n - 8, s + n - 8, 8);
	return 1;
}

/*
 * s[0..n) escaped into o, which has room for ESCAPE_MAX * n bytes; the
 * end of what was written.  Plain ASCII, most of a report, is copied
 * eight bytes at a time; a string with anything else is then written
 * again a character at a time.
 */
static char *
escape_into(char *o, const char *s, size_t n)
{
	size_t i, used;

	if (copy_plain(o, s, n))
		return o + n;
	for (i = 0; i < n; i += used) {
		if (plain((unsigned char)s[i])) {
			*o++ = s[i];
			used = 1;
		} else {
			o += escape_one(o, s + i, n - i, &used);
		}
	}
	return o;
}

/* s[0..n) as a JSON string literal with its quotes; the caller frees it. */
static char *
literal(const char *s, size_t n)
{
	/* ESCAPE_MAX bytes out per byte in at most, the quotes, the NUL */
	char *buf = rs_malloc(ESCAPE_MAX * n + 3), *o = buf;

	*o++ = '"';
	o = escape_into(o, s, n);
	*o++ = '"';
	*o = '\0';
	return buf;
}

cJSON *
rs_json_string(const char *s)
{
	cJSON *item;
	char *raw;

	if (s == NULL)
		return cJSON_CreateNull();
	if (!needs_own_escape(s, strlen(s)))
		return cJSON_CreateString(s);
	raw = literal(s, strlen(s));
	item = cJSON_CreateRaw(raw);
	free(raw);
	return item;
}

/* A container the stream has open: its depth and members so far. */
struct jw_level {
	unsigned depth;
	unsigned object;	/* 1: an object, 0: an array */
	size_t count;
};

/* A number's text as rs_fmt_exact_put() wrote it, kept by its bits. */
struct jw_number {
	uint64_t bits;
	unsigned char len;
	char text[RS_FMT_EXACT_MAX - 9];
};

/* Numbers remembered: the weights of a framework's nodes, and more. */
#define NUMBERS_KEPT 1024

/*
 * The output of rs_json_write() and of the stream (struct rs_jw): a
 * block handed to the stream when full, the containers open, and the
 * last numbers written: a report writes the same weights for every city.
 */
struct rs_jw {
	FILE *out;
	size_t len;
	int failed;
	unsigned depth;		/* of a value at the top */
	unsigned nopen;
	size_t ntop;		/* values written at the top */
	struct jw_level open[RS_JW_DEPTH_MAX];
	struct jw_number kept[NUMBERS_KEPT];
	char buf[65536];
};

static struct rs_jw *
jw_new(FILE *out, unsigned depth)
{
	struct rs_jw *w = rs_malloc(sizeof(*w));
	size_t k;

	w->out = out;
	w->len = 0;
	w->failed = 0;
	w->depth = depth;
	w->nopen = 0;
	w->ntop = 0;
	/* a NaN's bits: no number written has them */
	memset(w->kept, 0, sizeof(w->kept));
	for (k = 0; k < NUMBERS_KEPT; k++)
		w->kept[k].bits = UINT64_MAX;
	return w;
}

static void
jw_flush(struct rs_jw *w)
{
	if (w->len > 0 && fwrite(w->buf, 1, w->len, w->out) != w->len)
		w->failed = 1;
	w->len = 0;
}

/* Room for n more bytes in the block (n no more than its size). */
static inline char *
jw_room(struct rs_jw *w, size_t n)
{
	if (n > sizeof(w->buf) - w->len)
		jw_flush(w);
	return w->buf + w->len;
}

static void
jw_put_slow(struct rs_jw *w, const char *s, size_t n)
{
	jw_flush(w);
	if (n > sizeof(w->buf)) {
		if (fwrite(s, 1, n, w->out) != n)
			w->failed = 1;
		return;
	}
	memcpy(w->buf, s, n);
	w->len = n;
}

/* Most pieces are a few bytes: copied without a call. */
static inline void
jw_put(struct rs_jw *w, const char *s, size_t n)
{
	char *d = w->buf + w->len;
	size_t i;

	if (n > sizeof(w->buf) - w->len) {
		jw_put_slow(w, s, n);
		return;
	}
	if (n <= 16)
		for (i = 0; i < n; i++)
			d[i] = s[i];
	else
		memcpy(d, s, n);
	w->len += n;
}

static void
jw_tabs(struct rs_jw *w, unsigned n)
{
	if (n > sizeof(w->buf) - w->len) {
		jw_flush(w);
		for (; n > sizeof(w->buf); n -= (unsigned)sizeof(w->buf)) {
			memset(w->buf, '\t', sizeof(w->buf));
			w->len = sizeof(w->buf);
			jw_flush(w);
		}
	}
	memset(w->buf + w->len, '\t', n);
	w->len += n;
}

/* A string as cJSON prints one: the C0 controls escaped, the rest raw. */
static void
jw_string(struct rs_jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	char esc[6];
	size_t n;

	jw_put(w, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		jw_put(w, run, (size_t)(s - run));
		run = s + 1;
		esc[0] = '\\';
		n = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
		}
		jw_put(w, esc, n);
	}
	jw_put(w, run, (size_t)(s - run));
	jw_put(w, "\"", 1);
}

/*
 * s as a JSON string literal, with the rules of literal(), into the
 * block: at once when it fits, else a character at a time.
 */
static void
jw_escaped(struct rs_jw *w, const char *s)
{
	size_t n = strlen(s), i, used;
	char *o;

	if (n <= (sizeof(w->buf) - 2) / ESCAPE_MAX) {
		o = jw_room(w, ESCAPE_MAX * n + 2);
		*o++ = '"';
		o = escape_into(o, s, n);
		*o++ = '"';
		w->len = (size_t)(o - w->buf);
		return;
	}
	jw_put(w, "\"", 1);
	for (i = 0; i < n; i += used) {
		o = jw_room(w, ESCAPE_MAX);
		if (plain((unsigned char)s[i])) {
			*o = s[i];
			used = 1;
			w->len++;
		} else {
			w->len += escape_one(o, s + i, n - i, &used);
		}
	}
	jw_put(w, "\"", 1);
}

/* A key and an indentation that jw_member() writes in one go. */
#define KEY_FAST 1024
#define TABS_FAST 1024

/*
 * An object's member up to its value, at depth tabs: the ",\n" that ends
 * the member before (sep), the indentation, the key and ":\t", written
 * with fixed-size copies into room kept once.
 */
static void
jw_member(struct rs_jw *w, int sep, unsigned depth, const char *key)
{
	size_t n = strlen(key);
	unsigned k;
	char *o;

	if (n > KEY_FAST || depth > TABS_FAST) {
		if (sep)
			jw_put(w, ",\n", 2);
		jw_tabs(w, depth);
		jw_escaped(w, key);
		jw_put(w, ":\t", 2);
		return;
	}
	o = jw_room(w, 2 + depth + 8 + ESCAPE_MAX * n + 4);
	memcpy(o, ",\n", 2);	/* NOLINT(bugprone-not-null-terminated-result): bytes of a block */
	o += sep ? 2 : 0;
	for (k = 0; k < depth; k += 8)
		memcpy(o + k, "\t\t\t\t\t\t\t\t", 8);	/* NOLINT(bugprone-not-null-terminated-result): bytes of a block */
	o += depth;
	*o++ = '"';
	o = escape_into(o, key, n);
	memcpy(o, "\":\t", 3);	/* NOLINT(bugprone-not-null-terminated-result): bytes of a block */
	w->len = (size_t)(o + 3 - w->buf);
}

/* cJSON's test of whether %1.15g read back well enough. */
static int
close_enough(double a, double b)
{
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= m * DBL_EPSILON;
}

/*
 * cJSON's formatted printer, item by item: an object puts each member on
 * a line of its own, indented one tab deeper, as "key":<tab>value; an
 * array keeps its elements on one line, separated by ", ", each one
 * level deeper (an object in it indents its members by one tab more).
 */
static int
jw_value(struct rs_jw *w, const cJSON *it, unsigned depth)
{
	char num[64];
	const cJSON *c;

	switch (it->type & 0xFF) {
	case cJSON_NULL:
		jw_put(w, "null", 4);
		return 0;
	case cJSON_False:
		jw_put(w, "false", 5);
		return 0;
	case cJSON_True:
		jw_put(w, "true", 4);
		return 0;
	case cJSON_Raw:
		if (it->valuestring == NULL)
			return -1;
		jw_put(w, it->valuestring, strlen(it->valuestring));
		return 0;
	case cJSON_String:
		if (it->valuestring == NULL)
			jw_put(w, "\"\"", 2);
		else
			jw_string(w, it->valuestring);
		return 0;
	case cJSON_Number:
		/* not made by rs_json_number(): printed as cJSON would */
		if (isnan(it->valuedouble) || isinf(it->valuedouble))
			jw_put(w, "null", 4);
		else if (!(it->valuedouble < (double)it->valueint) &&
		    !(it->valuedouble > (double)it->valueint))
			jw_put(w, num, (size_t)snprintf(num, sizeof(num),
			    "%d", it->valueint));
		else {
			snprintf(num, sizeof(num), "%1.15g", it->valuedouble);
			if (!close_enough(strtod(num, NULL), it->valuedouble))
				snprintf(num, sizeof(num), "%1.17g",
				    it->valuedouble);
			jw_put(w, num, strlen(num));
		}
		return 0;
	case cJSON_Array:
		jw_put(w, "[", 1);
		for (c = it->child; c != NULL; c = c->next) {
			if (jw_value(w, c, depth + 1) != 0)
				return -1;
			if (c->next != NULL)
				jw_put(w, ", ", 2);
		}
		jw_put(w, "]", 1);
		return 0;
	case cJSON_Object:
		jw_put(w, "{\n", 2);
		for (c = it->child; c != NULL; c = c->next) {
			jw_tabs(w, depth + 1);
			jw_string(w, c->string != NULL ? c->string : "");
			jw_put(w, ":\t", 2);
			if (jw_value(w, c, depth + 1) != 0)
				return -1;
			jw_put(w, c->next != NULL ? ",\n" : "\n",
			    c->next != NULL ? 2 : 1);
		}
		jw_tabs(w, depth);
		jw_put(w, "}", 1);
		return 0;
	default:
		return -1;
	}
}

/* Frees w; -1 when the stream failed or fail is set. */
static int
jw_free(struct rs_jw *w, int fail)
{
	int rc;

	jw_flush(w);
	rc = fail || w->failed ? -1 : 0;
	free(w);
	return rc;
}

int
rs_json_write(FILE *out, const cJSON *item, unsigned depth)
{
	struct rs_jw *w = jw_new(out, depth);

	return jw_free(w, jw_value(w, item, depth) != 0);
}

/* ---- the stream ------------------------------------------------------ */

struct rs_jw *
rs_jw_new(FILE *out, unsigned depth)
{
	return jw_new(out, depth);
}

int
rs_jw_free(struct rs_jw *w)
{
	if (w == NULL)
		return 0;
	return jw_free(w, w->nopen != 0);
}

/*
 * What goes before a value: in an object the separator of the member
 * before, the indentation and the key; in an array the ", " after the
 * element before.  Returns the depth of the value.
 */
static unsigned
jw_begin(struct rs_jw *w, const char *key)
{
	struct jw_level *l;

	if (w->nopen == 0) {
		if (key != NULL || w->ntop++ > 0)
			w->failed = 1;
		return w->depth;
	}
	l = &w->open[w->nopen - 1];
	if (!l->object) {
		if (key != NULL)
			w->failed = 1;
		if (l->count++ > 0)
			jw_put(w, ", ", 2);
		return l->depth + 1;
	}
	if (key == NULL) {
		w->failed = 1;
		key = "";
	}
	jw_member(w, l->count++ > 0, l->depth + 1, key);
	return l->depth + 1;
}

static void
jw_open(struct rs_jw *w, const char *key, unsigned object)
{
	unsigned depth = jw_begin(w, key);

	if (w->nopen == RS_JW_DEPTH_MAX) {
		w->failed = 1;
		return;
	}
	w->open[w->nopen].depth = depth;
	w->open[w->nopen].object = object;
	w->open[w->nopen].count = 0;
	w->nopen++;
	jw_put(w, object ? "{\n" : "[", object ? 2 : 1);
}

static void
jw_close(struct rs_jw *w, unsigned object)
{
	struct jw_level *l;

	if (w->nopen == 0 || w->open[w->nopen - 1].object != object) {
		w->failed = 1;
		return;
	}
	l = &w->open[--w->nopen];
	if (!object) {
		jw_put(w, "]", 1);
		return;
	}
	if (l->count > 0)
		jw_put(w, "\n", 1);
	jw_tabs(w, l->depth);
	jw_put(w, "}", 1);
}

void
rs_jw_object(struct rs_jw *w, const char *key)
{
	jw_open(w, key, 1);
}

void
rs_jw_end_object(struct rs_jw *w)
{
	jw_close(w, 1);
}

void
rs_jw_array(struct rs_jw *w, const char *key)
{
	jw_open(w, key, 0);
}

void
rs_jw_end_array(struct rs_jw *w)
{
	jw_close(w, 0);
}

void
rs_jw_string(struct rs_jw *w, const char *key, const char *s)
{
	jw_begin(w, key);
	if (s == NULL)
		jw_put(w, "null", 4);
	else
		jw_escaped(w, s);
}

void
rs_jw_number(struct rs_jw *w, const char *key, double v)
{
	struct jw_number *k;
	uint64_t bits;
	size_t n;
	char *d;

	jw_begin(w, key);
	if (isnan(v) || isinf(v)) {
		jw_put(w, "null", 4);
		return;
	}
	d = jw_room(w, RS_FMT_EXACT_MAX);
	v += 0.0;		/* -0 and 0 share their text */
	memcpy(&bits, &v, sizeof(bits));
	k = &w->kept[(bits * UINT64_C(0x9E3779B97F4A7C15)) >> 54];
	if (k->bits == bits) {
		memcpy(d, k->text, sizeof(k->text));
		w->len += k->len;
		return;
	}
	n = rs_fmt_exact_put(d, v);
	w->len += n;
	if (n <= sizeof(k->text)) {
		k->bits = bits;
		k->len = (unsigned char)n;
		memcpy(k->text, d, n);
	}
}

void
rs_jw_bool(struct rs_jw *w, const char *key, int b)
{
	jw_begin(w, key);
	jw_put(w, b ? "true" : "false", b ? 4 : 5);
}

void
rs_jw_null(struct rs_jw *w, const char *key)
{
	jw_begin(w, key);
	jw_put(w, "null", 4);
}

void
rs_jw_tree(struct rs_jw *w, const char *key, const cJSON *item)
{
	if (jw_value(w, item, jw_begin(w, key)) != 0)
		w->failed = 1;
}
