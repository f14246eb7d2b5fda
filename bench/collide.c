/*
 * collide.c - inputs whose names all fall in one slot of an unkeyed
 * FNV-1a hash table (docs/performance.md, "Hash flooding")
 *
 *	collide KIND N [--random]
 *
 * KIND is one of
 *   cities     a long CSV of N cities, one value each
 *   header     a long CSV whose header has N extra columns, one city
 *   json       a JSON data file of N cities, one value each
 *   baseline   a 'score --format json' report of N cities (a --baseline)
 *   framework  a framework of N indicators under one area
 * and the names (cities, columns, ids) are 85 characters of [A-Za-z0-9].
 *
 * Until the hash tables were keyed, strmap.c hashed with 64-bit FNV-1a:
 * h = (h ^ byte) * 0x100000001b3 from 0xcbf29ce484222325.  The low 32
 * bits of h depend on nothing but the low 32 bits before each step, so
 * names that agree there land in one slot of every table up to 2^32
 * slots, and with linear probing each insert walks all the names before
 * it.  They are built as Joux's multicollisions: for each of 17 blocks
 * of 5 characters, two different blocks that take the state reached so
 * far to one same state (find_pair(): a few thousand blocks); name
 * i takes the first or the second block at position j as bit j of i
 * says, so 2^17 names share one low-32-bit state.  --random writes
 * names of the same length drawn at random instead, the baseline.
 *
 * The same arguments give the same bytes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBLOCKS 17		/* 2^17 = 131,072 names */
#define BLOCK 5			/* characters per block */
#define NAME (NBLOCKS * BLOCK)
#define TABLE (1u << 20)	/* birthday table, a power of two */
#define INDICATOR "RPI 1-1.1"	/* of the built-in DPT framework */

static const char alnum[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static char blocks[NBLOCKS][2][BLOCK];

/* The low 32 bits of one FNV-1a step: only they decide the slot. */
static uint32_t
fnv_low(uint32_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x1b3u;	/* 2^40 + 0x1b3 */
	return h;
}

/* The 4-character prefix number k of a block. */
static void
prefix_of(uint32_t k, char *b)
{
	int i;

	for (i = 0; i < BLOCK - 1; i++) {
		b[i] = alnum[k % 62];
		k /= 62;
	}
}

/*
 * Two blocks that take h to one same state; returns that state.  Each
 * step xors a byte into the low 8 bits and multiplies by an odd number,
 * a bijection: two blocks meet only if the states after their first 4
 * characters differ in the low 8 bits alone, and last characters whose
 * xor is that difference.  So: a birthday search on the upper 24 bits of
 * the state after 4 characters, then the last characters.
 */
static uint32_t
find_pair(uint32_t h, char a[BLOCK], char b[BLOCK])
{
	static uint32_t key[TABLE], val[TABLE];	/* state -> prefix + 1 */
	uint32_t k, s, slot, d;
	const char *c;

	memset(val, 0, sizeof(val));
	for (k = 0; k < 62u * 62 * 62 * 62 && k < TABLE / 2; k++) {
		prefix_of(k, a);
		s = fnv_low(h, a, BLOCK - 1);
		for (slot = ((s >> 8) * 2654435761u) & (TABLE - 1);
		    val[slot] != 0; slot = (slot + 1) & (TABLE - 1))
			if (key[slot] >> 8 == s >> 8)
				break;
		if (val[slot] == 0) {
			key[slot] = s;
			val[slot] = k + 1;
			continue;
		}
		d = (key[slot] ^ s) & 0xff;
		for (c = alnum; *c != '\0'; c++)
			if (strchr(alnum, *c ^ (int)d) != NULL && (*c ^ (int)d))
				break;
		if (*c == '\0')
			continue;
		a[BLOCK - 1] = *c;
		prefix_of(val[slot] - 1, b);
		b[BLOCK - 1] = (char)(*c ^ (int)d);
		s = fnv_low(h, a, BLOCK);
		if (s != fnv_low(h, b, BLOCK) || memcmp(a, b, BLOCK) == 0)
			continue;	/* cannot happen; checked anyway */
		return s;
	}
	fputs("collide: no pair found\n", stderr);
	exit(1);
}

static void
build_blocks(void)
{
	uint32_t h = 0x84222325u;	/* low 32 bits of the offset basis */
	int j;

	for (j = 0; j < NBLOCKS; j++)
		h = find_pair(h, blocks[j][0], blocks[j][1]);
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 32);
}

/* Name i into buf (NAME + 1 bytes). */
static void
name(unsigned long i, int random, char *buf)
{
	int j, k;

	for (j = 0; j < NBLOCKS; j++) {
		if (random)
			for (k = 0; k < BLOCK; k++)
				buf[j * BLOCK + k] = alnum[next_random() % 62];
		else
			memcpy(buf + j * BLOCK, blocks[j][(i >> j) & 1],
			    BLOCK);
	}
	buf[NAME] = '\0';
}

static void
usage(void)
{
	fputs("usage: collide cities|header|json|baseline|framework N "
	    "[--random]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	char buf[NAME + 1];
	unsigned long n, i;
	const char *kind;
	char *end;
	int random;

	if (argc < 3 || argc > 4)
		usage();
	kind = argv[1];
	errno = 0;
	n = strtoul(argv[2], &end, 10);
	if (end == argv[2] || *end != '\0' || errno != 0 ||
	    n > 1ul << NBLOCKS)
		usage();
	random = argc == 4 && strcmp(argv[3], "--random") == 0;
	if (argc == 4 && !random)
		usage();
	build_blocks();
	if (strcmp(kind, "cities") == 0) {
		puts("city,indicator,value");
		for (i = 0; i < n; i++) {
			name(i, random, buf);
			printf("%s,%s,50\n", buf, INDICATOR);
		}
	} else if (strcmp(kind, "header") == 0) {
		fputs("city,indicator,value", stdout);
		for (i = 0; i < n; i++) {
			name(i, random, buf);
			printf(",%s", buf);
		}
		fputs("\nX," INDICATOR ",50", stdout);
		for (i = 0; i < n; i++)
			putchar(',');
		putchar('\n');
	} else if (strcmp(kind, "json") == 0) {
		puts("{\"cities\": [");
		for (i = 0; i < n; i++) {
			name(i, random, buf);
			printf("{\"city\": \"%s\", \"values\": "
			    "{\"%s\": 50}}%s\n", buf, INDICATOR,
			    i + 1 < n ? "," : "");
		}
		puts("]}");
	} else if (strcmp(kind, "baseline") == 0) {
		puts("{\"framework\": {\"id\": \"dpt\"}, \"cities\": [");
		for (i = 0; i < n; i++) {
			name(i, random, buf);
			printf("{\"city\": \"%s\", \"score\": 50}%s\n", buf,
			    i + 1 < n ? "," : "");
		}
		puts("]}");
	} else if (strcmp(kind, "framework") == 0) {
		puts("{\"id\": \"flood\", \"children\": [{\"id\": \"A\", "
		    "\"children\": [");
		for (i = 0; i < n; i++) {
			name(i, random, buf);
			printf("{\"id\": \"%s\", \"worst\": 0, "
			    "\"best\": 100}%s\n", buf, i + 1 < n ? "," : "");
		}
		puts("]}]}");
	} else {
		usage();
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
