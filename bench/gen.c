/*
 * gen.c - synthetic frameworks and city data for the benchmarks
 * (docs/performance.md)
 *
 *	gen framework SHAPE
 *	gen data [--framework FILE] [--cities N] [--format wide|long|json]
 *	    [--seed S] [--missing PERMILLE] [--decimals D]
 *
 * "framework 5x4x3" writes a framework of 5 areas, each with 4 children,
 * each with 3 indicators (ids A1, A1.2, A1.2.3; goalposts 0..100, every
 * other indicator lower-is-better; domain 0..100).  "data" writes N
 * cities (default 1000) for the framework FILE, or for the built-in DPT
 * framework when none is given: values uniform between each indicator's
 * goalposts with D decimals (default 2), PERMILLE in 1000 of them missing (default
 * 37).  The same arguments give the same bytes: the generator is
 * splitmix64 from the seed (default 1), and nothing else is random.
 *
 * A C program rather than a script so that the indicator ids, goalposts
 * and domains come from the framework loader itself, and stay true to
 * the embedded DPT framework whatever it becomes.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resilience/load.h"
#include "resilience/framework.h"

#define MAX_LEVELS 8

static void
usage(void)
{
	fputs("usage: gen framework SHAPE (such as 5x4x3)\n"
	    "       gen data [--framework FILE] [--cities N] "
	    "[--format wide|long|json]\n"
	    "                [--seed S] [--missing PERMILLE] "
	    "[--decimals D]\n", stderr);
	exit(2);
}

static unsigned long
count(const char *s)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0)
		usage();
	return v;
}

static unsigned long
limit(unsigned long v, unsigned long max)
{
	if (v > max)
		usage();
	return v;
}

/* splitmix64 (Steele, Lea and Flood, 2014): small, fast, reproducible. */
static uint64_t
next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Write the children of the node named id at level (0-based). */
static void
subtree(const unsigned long *shape, int levels, int level, const char *id,
    int indent)
{
	unsigned long k;
	char child[64];

	for (k = 1; k <= shape[level]; k++) {
		if ((size_t)snprintf(child, sizeof(child), "%s%s%lu", id,
		    level ? "." : "A", k) >= sizeof(child)) {
			fprintf(stderr, "bench_gen: framework too deep\n");
			exit(2);
		}
		printf("%s\n%*s{\"id\": \"%s\"", k > 1 ? "," : "",
		    indent, "", child);
		if (level + 1 == levels) {
			printf(", \"worst\": %d, \"best\": %d, \"min\": 0, "
			    "\"max\": 100}", k % 2 ? 0 : 100, k % 2 ? 100 : 0);
			continue;
		}
		printf(", \"children\": [");
		subtree(shape, levels, level + 1, child, indent + 2);
		printf("]}");
	}
}

static int
gen_framework(const char *spec)
{
	unsigned long shape[MAX_LEVELS];
	char *copy = strdup(spec), *p, *save = NULL;
	int levels = 0;

	for (p = strtok_r(copy, "x", &save); p != NULL;
	    p = strtok_r(NULL, "x", &save)) {
		if (levels == MAX_LEVELS)
			usage();
		if ((shape[levels++] = count(p)) == 0)
			usage();
	}
	free(copy);
	if (levels == 0)
		usage();
	printf("{\"id\": \"bench-%s\", \"name\": \"Benchmark %s\", "
	    "\"children\": [", spec, spec);
	subtree(shape, levels, 0, "", 2);
	printf("\n]}\n");
	return 0;
}

/* A value of indicator node: between its goalposts, in its domain. */
static double
value(const struct rs_node *n, uint64_t *state, double scale)
{
	double lo = n->worst < n->best ? n->worst : n->best;
	double hi = n->worst < n->best ? n->best : n->worst;
	double u = (double)(next(state) >> 11) * 0x1p-53, v;

	if (n->has_min && lo < n->min)
		lo = n->min;
	if (n->has_max && hi > n->max)
		hi = n->max;
	v = round((lo + u * (hi - lo)) * scale) / scale;
	return v < lo ? lo : v > hi ? hi : v;
}

enum format {
	WIDE,
	LONG,
	JSON,
};

/* The cell of city c and indicator k: "" when missing. */
struct options {
	unsigned long cities;
	enum format format;
	uint64_t seed;
	unsigned long missing;	/* in 1000 */
	int decimals;
};

static const char *
cell(const struct rs_framework *fw, size_t k, uint64_t *state,
    const struct options *o, char *buf, size_t size)
{
	const struct rs_node *n = &fw->nodes[fw->indicators[k]];
	double v = value(n, state, pow(10, o->decimals));

	if (next(state) % 1000 < o->missing)
		return "";
	snprintf(buf, size, "%.*f", o->decimals, v);
	return buf;
}

static void
csv_id(const char *id)
{
	const char *p;

	if (strpbrk(id, ",\"\r\n") == NULL) {
		fputs(id, stdout);
		return;
	}
	putchar('"');
	for (p = id; *p != '\0'; p++) {
		if (*p == '"')
			putchar('"');
		putchar(*p);
	}
	putchar('"');
}

static enum format
parse_format(const char *s)
{
	if (strcmp(s, "wide") == 0)
		return WIDE;
	if (strcmp(s, "long") == 0)
		return LONG;
	if (strcmp(s, "json") != 0)
		usage();
	return JSON;
}

static int
gen_data(const struct rs_framework *fw, const struct options *o)
{
	enum format format = o->format;
	unsigned long cities = o->cities;
	uint64_t state = o->seed;
	unsigned long c;
	size_t k;
	char buf[64];
	const char *v;

	if (format == WIDE) {
		fputs("city", stdout);
		for (k = 0; k < fw->nindicators; k++) {
			putchar(',');
			csv_id(fw->nodes[fw->indicators[k]].id);
		}
		putchar('\n');
	} else if (format == LONG) {
		puts("city,indicator,value,year,source");
	} else {
		puts("{\"cities\": [");
	}
	for (c = 1; c <= cities; c++) {
		if (format == WIDE)
			printf("City %06lu", c);
		else if (format == JSON)
			printf("%s{\"city\": \"City %06lu\", \"values\": {",
			    c > 1 ? ",\n" : "", c);
		for (k = 0; k < fw->nindicators; k++) {
			v = cell(fw, k, &state, o, buf, sizeof(buf));
			if (format == WIDE) {
				printf(",%s", v);
			} else if (format == LONG) {
				printf("City %06lu,", c);
				csv_id(fw->nodes[fw->indicators[k]].id);
				printf(",%s,2019,survey\n", v);
			} else {
				printf("%s\"%s\": %s", k > 0 ? ", " : "",
				    fw->nodes[fw->indicators[k]].id,
				    v[0] != '\0' ? v : "null");
			}
		}
		if (format == WIDE)
			putchar('\n');
		else if (format == JSON)
			fputs("}}", stdout);
	}
	if (format == JSON)
		puts("\n]}");
	return 0;
}

int
main(int argc, char **argv)
{
	struct rs_framework fw;
	struct rs_error err;
	char msg[1200];
	struct options o = {1000, WIDE, 1, 37, 2};
	const char *path = NULL;
	int i, rc;

	if (argc == 3 && strcmp(argv[1], "framework") == 0)
		return gen_framework(argv[2]);
	if (argc < 2 || strcmp(argv[1], "data") != 0)
		usage();
	for (i = 2; i < argc; i++) {
		if (i + 1 == argc)
			usage();
		if (strcmp(argv[i], "--framework") == 0)
			path = argv[++i];
		else if (strcmp(argv[i], "--cities") == 0)
			o.cities = count(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0)
			o.seed = count(argv[++i]);
		else if (strcmp(argv[i], "--missing") == 0)
			o.missing = count(argv[++i]);
		else if (strcmp(argv[i], "--decimals") == 0)
			o.decimals = (int)limit(count(argv[++i]), 9);
		else if (strcmp(argv[i], "--format") == 0)
			o.format = parse_format(argv[++i]);
		else
			usage();
	}
	rs_framework_init(&fw);
	rc = path != NULL ? rs_framework_load_file(&fw, path, &err) :
	    rs_framework_load_default(&fw, &err);
	if (rc != 0) {
		fprintf(stderr, "gen: %s\n", rs_error_format(&err, msg,
		    sizeof(msg)));
		rs_framework_release(&fw);
		return 1;
	}
	rc = gen_data(&fw, &o);
	rs_framework_release(&fw);
	if (fflush(stdout) != 0)
		return 1;
	return rc;
}
