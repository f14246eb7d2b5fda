/*
 * framework_default.c - the embedded default framework
 *
 * Apart from the rest of the library so that src/fwgen.c, which links
 * the library to load frameworks, does not need its own output.
 */
#include "model/framework_data.h"

int
rs_framework_load_default(struct rs_framework *fw, struct rs_error *err)
{
	(void)err;
	rs_framework_load_static(fw, &rs_default_framework_data);
	return 0;
}
