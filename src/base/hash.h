/*
 * hash.h - keyed hashing for the hash tables: SipHash-1-3
 *
 * The tables of strmap.c hold ids, city names and column names that come
 * from the user's files.  An unkeyed hash lets a file choose names that
 * all fall in one slot, and reading it then takes quadratic time.  Keyed
 * with 128 random bits drawn once per process, SipHash gives no way to
 * choose such names without the key (Aumasson and Bernstein, "SipHash: a
 * fast short-input PRF", 2012).  Nothing the program writes depends on
 * the key: no table is walked to produce output.
 */
#ifndef RS_HASH_H
#define RS_HASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * SipHash-1-3 of data[0..n) under key (16 bytes, read as two 64-bit
 * little-endian words): one compression round per 8-byte block, three
 * finalisation rounds.
 */
uint64_t rs_siphash13(const unsigned char key[16], const void *data,
    size_t n);

/* SipHash-1-3 of data[0..n) under the process key. */
uint64_t rs_hash(const void *data, size_t n);

/* SipHash-1-3 of the 16 bytes of a then b (little-endian) under the key. */
uint64_t rs_hash_pair(uint64_t a, uint64_t b);

/*
 * Use key instead of the random one, for tests and benchmarks that need
 * the same slots in every run.  Call it before any table is filled.
 */
void rs_hash_set_key(const unsigned char key[16]);

#endif /* RS_HASH_H */
