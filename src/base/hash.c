/*
 * hash.c - SipHash-1-3 under a per-process random key
 *
 * Written from the description in Aumasson and Bernstein, "SipHash: a
 * fast short-input PRF" (2012), section 2, with c = 1 compression and
 * d = 3 finalisation rounds, the variant Python and Rust use for their
 * hash tables.  tests/test_hash.c checks it against the reference
 * implementation's outputs.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "base/hash.h"

static unsigned char process_key[16];
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

#define ROTL(x, b) ((uint64_t)((x) << (b)) | ((x) >> (64 - (b))))

/*
 * One SipRound: the ARX network of section 2 of the paper, on four
 * variables (a macro, so that they stay in registers).
 */
#define SIPROUND(v0, v1, v2, v3) do {					\
	(v0) += (v1); (v1) = ROTL((v1), 13); (v1) ^= (v0);		\
	(v0) = ROTL((v0), 32);						\
	(v2) += (v3); (v3) = ROTL((v3), 16); (v3) ^= (v2);		\
	(v0) += (v3); (v3) = ROTL((v3), 21); (v3) ^= (v0);		\
	(v2) += (v1); (v1) = ROTL((v1), 17); (v1) ^= (v2);		\
	(v2) = ROTL((v2), 32);						\
} while (0)

static uint64_t
load64(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
	    (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
	    (uint64_t)p[7] << 56;
}

uint64_t
rs_siphash13(const unsigned char key[16], const void *data, size_t n)
{
	const unsigned char *p = data, *end = p + (n - n % 8);
	uint64_t k0 = load64(key), k1 = load64(key + 8), m;
	/* "somepseudorandomlygeneratedbytes" */
	uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
	uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
	uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
	uint64_t v3 = k1 ^ 0x7465646279746573ULL;
	uint64_t b = (uint64_t)n << 56;	/* the length mod 256, on top */

	for (; p != end; p += 8) {
		m = load64(p);
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	switch (n % 8) {	/* the last 0 to 7 bytes, little-endian */
	case 7:
		b |= (uint64_t)p[6] << 48;
		/* FALLTHROUGH */
	case 6:
		b |= (uint64_t)p[5] << 40;
		/* FALLTHROUGH */
	case 5:
		b |= (uint64_t)p[4] << 32;
		/* FALLTHROUGH */
	case 4:
		b |= (uint64_t)p[3] << 24;
		/* FALLTHROUGH */
	case 3:
		b |= (uint64_t)p[2] << 16;
		/* FALLTHROUGH */
	case 2:
		b |= (uint64_t)p[1] << 8;
		/* FALLTHROUGH */
	case 1:
		b |= (uint64_t)p[0];
		break;
	default:
		break;
	}
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

/* Read all of the n bytes at buf from fd; 0 on success. */
static int
read_all(int fd, unsigned char *buf, size_t n)
{
	ssize_t r;

	while (n > 0) {
		r = read(fd, buf, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		buf += r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * The process key: getrandom(2), else /dev/urandom.  Where neither
 * answers (a sandbox without either), the clock, the process id and
 * addresses that ASLR moves: weak, but different in every run.
 */
static void
key_init(void)
{
	struct timespec ts;
	unsigned char *k = process_key;
	size_t got = 0;
	ssize_t r;
	uint64_t x;
	int fd;

	while (got < sizeof(process_key)) {
		r = getrandom(k + got, sizeof(process_key) - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got == sizeof(process_key))
		return;
	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		r = read_all(fd, k, sizeof(process_key)) == 0 ? 1 : 0;
		close(fd);
		if (r)
			return;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec ^
	    (uint64_t)getpid() << 40 ^ (uint64_t)(uintptr_t)&ts;
	memcpy(k, &x, 8);
	x = rs_siphash13(k, &x, sizeof(x)) ^ (uint64_t)(uintptr_t)&key_init;
	memcpy(k + 8, &x, 8);
}

uint64_t
rs_hash(const void *data, size_t n)
{
	pthread_once(&key_once, key_init);
	return rs_siphash13(process_key, data, n);
}

uint64_t
rs_hash_pair(uint64_t a, uint64_t b)
{
	unsigned char buf[16];
	int i;

	for (i = 0; i < 8; i++) {
		buf[i] = (unsigned char)(a >> (8 * i));
		buf[8 + i] = (unsigned char)(b >> (8 * i));
	}
	pthread_once(&key_once, key_init);
	return rs_siphash13(process_key, buf, sizeof(buf));
}

void
rs_hash_set_key(const unsigned char key[16])
{
	pthread_once(&key_once, key_init);
	memcpy(process_key, key, sizeof(process_key));
}
