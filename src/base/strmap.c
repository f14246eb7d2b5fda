/*
 * strmap.c - hash tables for ids and duplicate detection
 */
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/mem.h"
#include "base/strmap.h"

struct rs_strmap_slot {
	const char *key;	/* borrowed, NULL when the slot is free */
	size_t len;		/* strlen(key) */
	uint64_t hash;		/* rs_hash() of key */
	size_t value;
};

void
rs_strmap_init(struct rs_strmap *map)
{
	map->slots = NULL;
	map->nslots = 0;
	map->count = 0;
}

void
rs_strmap_release(struct rs_strmap *map)
{
	free(map->slots);
	rs_strmap_init(map);
}

static struct rs_strmap_slot *
strmap_find(const struct rs_strmap *map, const char *key, size_t n,
    uint64_t h)
{
	size_t mask = map->nslots - 1, i = (size_t)h & mask;
	struct rs_strmap_slot *s;

	for (;; i = (i + 1) & mask) {
		s = &map->slots[i];
		if (s->key == NULL || (s->hash == h && s->len == n &&
		    memcmp(s->key, key, n) == 0))
			return s;
	}
}

size_t *
rs_strmap_get(const struct rs_strmap *map, const char *key, size_t n)
{
	struct rs_strmap_slot *s;

	if (map->nslots == 0)
		return NULL;
	s = strmap_find(map, key, n, rs_hash(key, n));
	return s->key ? &s->value : NULL;
}

static void
strmap_resize(struct rs_strmap *map)
{
	struct rs_strmap_slot *old = map->slots, *s;
	size_t oldn = map->nslots, i;

	map->nslots = oldn ? oldn * 2 : 16;
	map->slots = rs_calloc(map->nslots, sizeof(*map->slots));
	for (i = 0; i < oldn; i++) {
		if (old[i].key == NULL)
			continue;
		s = strmap_find(map, old[i].key, old[i].len, old[i].hash);
		*s = old[i];
	}
	free(old);
}

void
rs_strmap_put(struct rs_strmap *map, const char *key, size_t value)
{
	size_t n = strlen(key);
	uint64_t h = rs_hash(key, n);
	struct rs_strmap_slot *s;

	if ((map->count + 1) * 4 > map->nslots * 3)
		strmap_resize(map);
	s = strmap_find(map, key, n, h);
	if (s->key == NULL) {
		s->key = key;
		s->len = n;
		s->hash = h;
		map->count++;
	}
	s->value = value;
}

struct rs_pairmap_slot {
	uint64_t a, b;	/* the pair */
	size_t value;	/* stored with it */
	int used;	/* 1 when the slot holds a pair */
};

void
rs_pairmap_init(struct rs_pairmap *map)
{
	map->slots = NULL;
	map->nslots = 0;
	map->count = 0;
}

void
rs_pairmap_release(struct rs_pairmap *map)
{
	free(map->slots);
	rs_pairmap_init(map);
}

static struct rs_pairmap_slot *
pairmap_find(const struct rs_pairmap *map, uint64_t a, uint64_t b)
{
	size_t mask = map->nslots - 1, i = (size_t)rs_hash_pair(a, b) & mask;
	struct rs_pairmap_slot *s;

	for (;; i = (i + 1) & mask) {
		s = &map->slots[i];
		if (!s->used || (s->a == a && s->b == b))
			return s;
	}
}

const size_t *
rs_pairmap_add(struct rs_pairmap *map, uint64_t a, uint64_t b, size_t value)
{
	struct rs_pairmap_slot *old, *s;
	size_t oldn, i;

	if ((map->count + 1) * 4 > map->nslots * 3) {
		old = map->slots;
		oldn = map->nslots;
		map->nslots = oldn ? oldn * 2 : 16;
		map->slots = rs_calloc(map->nslots, sizeof(*map->slots));
		for (i = 0; i < oldn; i++)
			if (old[i].used)
				*pairmap_find(map, old[i].a, old[i].b) = old[i];
		free(old);
	}
	s = pairmap_find(map, a, b);
	if (s->used)
		return &s->value;
	s->used = 1;
	s->a = a;
	s->b = b;
	s->value = value;
	map->count++;
	return NULL;
}

const size_t *
rs_pairmap_get(const struct rs_pairmap *map, uint64_t a, uint64_t b)
{
	const struct rs_pairmap_slot *s;

	if (map->nslots == 0)
		return NULL;
	s = pairmap_find(map, a, b);
	return s->used ? &s->value : NULL;
}
