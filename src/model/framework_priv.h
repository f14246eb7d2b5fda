/*
 * framework_priv.h - what the framework model shares with its readers
 */
#ifndef RS_FRAMEWORK_PRIV_H
#define RS_FRAMEWORK_PRIV_H

#include "base/strmap.h"
#include "resilience/framework.h"

struct rs_framework_priv {
	struct rs_pool pool;	/* every string of the framework */
	struct rs_strmap ids;	/* node id -> node index */
	int borrowed;		/* arrays and strings are static data */
};

#endif /* RS_FRAMEWORK_PRIV_H */
