/*
 * strmap.h - a string-keyed hash table of indices
 *
 * Open addressing with linear probing.  Keys are borrowed: the caller keeps
 * them alive (they live in a pool) as long as the map.  Lookups are O(1) on
 * average, so readers stay linear in the size of their input, whatever
 * names the input holds: the hash is SipHash-1-3 under a key drawn at
 * random per process (hash.h), so no file can make its names collide.
 * Nothing walks a table: no output order depends on the key.
 */
#ifndef RS_STRMAP_H
#define RS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct rs_strmap {
	struct rs_strmap_slot *slots;	/* nslots entries, key NULL = free */
	size_t nslots;			/* a power of two, or 0 */
	size_t count;			/* keys stored */
};

void rs_strmap_init(struct rs_strmap *map);
void rs_strmap_release(struct rs_strmap *map);
/* The value stored under key (n bytes), or NULL when absent. */
size_t *rs_strmap_get(const struct rs_strmap *map, const char *key, size_t n);
/* Store value under key (NUL-terminated, borrowed); replaces any old value. */
void rs_strmap_put(struct rs_strmap *map, const char *key, size_t value);

/*
 * A map from (a, b) pairs of 64-bit integers to indices, for duplicate
 * detection such as (city, indicator, year).
 */
struct rs_pairmap {
	struct rs_pairmap_slot *slots;	/* nslots entries */
	size_t nslots;			/* a power of two, or 0 */
	size_t count;			/* pairs stored */
};

void rs_pairmap_init(struct rs_pairmap *map);
void rs_pairmap_release(struct rs_pairmap *map);
/*
 * Store value under (a, b) unless the pair is there already.  Returns NULL
 * when it was new, else a pointer to the value stored before.
 */
const size_t *rs_pairmap_add(struct rs_pairmap *map, uint64_t a, uint64_t b,
    size_t value);

/* The value stored under (a, b), or NULL when absent. */
const size_t *rs_pairmap_get(const struct rs_pairmap *map, uint64_t a,
    uint64_t b);

#endif /* RS_STRMAP_H */
