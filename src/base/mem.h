/*
 * mem.h - allocation that never returns NULL, and a string pool
 *
 * Out of memory is not an error the library can recover from: every
 * module allocates through these wrappers, which never return NULL, and
 * a failure goes to one place, rs_mem_oom().  The library never exits:
 * the program decides what out of memory does with
 * rs_mem_set_oom_handler() (the resilience command removes its temporary
 * output files, prints "resilience: out of memory" and exits with status
 * 4).  Without a handler the wrappers print that line and abort, as jq's
 * jv_mem_alloc and Redis's zmalloc do.
 */
#ifndef RS_MEM_H
#define RS_MEM_H

#include <stddef.h>

/*
 * Call handler when an allocation fails; it must not return (it may exit
 * or longjmp).  NULL restores the default: one line on stderr, abort().
 */
void rs_mem_set_oom_handler(void (*handler)(void));

/*
 * The out-of-memory path, for a failure the wrappers did not see (a
 * stream in memory that could not grow, a size that overflows).
 */
_Noreturn void rs_mem_oom(void);

void *rs_malloc(size_t n);
void *rs_calloc(size_t count, size_t size);
void *rs_realloc(void *p, size_t n);
/* Grow *p (an array of *cap elements of size size) to hold need elements. */
void rs_grow(void *pp, size_t *cap, size_t need, size_t size);
char *rs_strdup(const char *s);
char *rs_strndup(const char *s, size_t n);

/*
 * A pool hands out strings that live until rs_pool_release(): the dataset
 * and the framework keep their names there, so that freeing a model is one
 * call whatever its size.
 */
struct rs_pool {
	struct rs_pool_chunk *head;	/* newest chunk first */
	size_t used;			/* bytes used in head */
	size_t size;			/* bytes available in head */
};

void rs_pool_init(struct rs_pool *pool);
void rs_pool_release(struct rs_pool *pool);
/* Copy n bytes of s plus a NUL into the pool; the pool owns the copy. */
char *rs_pool_strndup(struct rs_pool *pool, const char *s, size_t n);
char *rs_pool_strdup(struct rs_pool *pool, const char *s);

#endif /* RS_MEM_H */
