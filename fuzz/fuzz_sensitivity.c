/*
 * fuzz_sensitivity.c - libFuzzer harness: see targets.h
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_sensitivity_one(data, size) != 0)
		abort();
	return 0;
}
