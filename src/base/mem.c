/*
 * mem.c - allocation wrappers and the string pool
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

static void (*oom_handler)(void);

void
rs_mem_set_oom_handler(void (*handler)(void))
{
	oom_handler = handler;
}

_Noreturn void
rs_mem_oom(void)
{
	if (oom_handler != NULL)
		oom_handler();
	fputs("resilience: out of memory\n", stderr);
	abort();
}

void *
rs_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		rs_mem_oom();
	return p;
}

void *
rs_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		rs_mem_oom();
	return p;
}

void *
rs_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		rs_mem_oom();
	return q;
}

void
rs_grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void **p = pp;
	size_t n = *cap;

	if (need <= n)
		return;
	if (n < 8)
		n = 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			rs_mem_oom();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		rs_mem_oom();
	*p = rs_realloc(*p, n * size);
	*cap = n;
}

char *
rs_strndup(const char *s, size_t n)
{
	char *p = rs_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
rs_strdup(const char *s)
{
	return rs_strndup(s, strlen(s));
}

struct rs_pool_chunk {
	struct rs_pool_chunk *next;	/* older chunk */
	char data[];			/* the strings */
};

#define POOL_CHUNK 65536

void
rs_pool_init(struct rs_pool *pool)
{
	pool->head = NULL;
	pool->used = 0;
	pool->size = 0;
}

void
rs_pool_release(struct rs_pool *pool)
{
	struct rs_pool_chunk *c, *next;

	for (c = pool->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	rs_pool_init(pool);
}

char *
rs_pool_strndup(struct rs_pool *pool, const char *s, size_t n)
{
	struct rs_pool_chunk *c;
	size_t size;
	char *p;

	if (n >= SIZE_MAX - sizeof(*c) - POOL_CHUNK)
		rs_mem_oom();
	if (pool->head == NULL || pool->size - pool->used < n + 1) {
		size = n + 1 > POOL_CHUNK ? n + 1 : POOL_CHUNK;
		c = rs_malloc(sizeof(*c) + size);
		c->next = pool->head;
		pool->head = c;
		pool->used = 0;
		pool->size = size;
	}
	p = pool->head->data + pool->used;
	memcpy(p, s, n);
	p[n] = '\0';
	pool->used += n + 1;
	return p;
}

char *
rs_pool_strdup(struct rs_pool *pool, const char *s)
{
	return rs_pool_strndup(pool, s, strlen(s));
}
