/*
 * scenario.h - changes to city data for a what-if scenario, from the
 * command line (--set CITY:ID=CHANGE) or a scenario CSV file, and the
 * targets of a plan (--target NODE=LEVEL|SCORE, --targets FILE)
 * (docs/cli.md, "whatif" and "plan"; docs/planning.md)
 */
#ifndef RS_SCENARIO_H
#define RS_SCENARIO_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/framework.h"

/* A target of a plan: node (or the city) at or above score. */
struct rs_target {
	size_t node;		/* the node, RS_NONE for the city score */
	double score;		/* the score to reach, 0..100 */
	size_t level;		/* the level asked for, RS_NONE for a score */
};

enum rs_change_op {
	RS_CHANGE_SET,		/* the value becomes amount */
	RS_CHANGE_ADD,		/* amount is added, in the indicator's unit */
	RS_CHANGE_PERCENT,	/* the value grows by amount percent */
};

struct rs_scenario_change {
	const char *city;	/* the city's name, "*" for every city */
	size_t node;		/* the indicator */
	enum rs_change_op op;
	double amount;
	const char *note;	/* or NULL */
	const char *path;	/* where it was given: a file, or "--set" */
	long line, col;		/* its position there (0 for --set) */
};

struct rs_scenario {
	struct rs_scenario_change *changes;	/* in the order given */
	size_t nchanges;
	size_t cap;
	struct rs_pool *pool;		/* the strings */
};

void rs_scenario_init(struct rs_scenario *sc);
void rs_scenario_release(struct rs_scenario *sc);

/*
 * Parse a change: "=V" or "V" sets the value V, "+N" and "-N" add N in
 * the indicator's unit, "+N%" and "-N%" change it by N percent.  Returns
 * 0, or -1 with *why saying what is wrong.
 */
int rs_change_parse(const char *s, enum rs_change_op *op, double *amount,
    const char **why);

/*
 * Add the change of --set CITY:ID=CHANGE (the city and the indicator are
 * split at the colon after which an indicator id of fw follows).  A bad
 * one is an RS_EUSAGE error.
 */
int rs_scenario_add_spec(struct rs_scenario *sc,
    const struct rs_framework *fw, const char *spec, struct rs_error *err);

/*
 * Add the changes of the scenario CSV file at path: columns city,
 * indicator, and value (a new value) or change (as rs_change_parse()),
 * optionally note; one of value and change per row.  Errors are located
 * at their row and field.
 */
int rs_scenario_read_file(struct rs_scenario *sc,
    const struct rs_framework *fw, const char *path, struct rs_error *err);

/*
 * Parse a target "NODE=LEVEL" or "NODE=SCORE" (split at the last '='):
 * NODE is a node id of fw or "city", LEVEL a level id (its lower bound is
 * the score) and SCORE a number from 0 to 100.  Returns 0, or an
 * RS_EUSAGE error naming what is wrong.
 */
int rs_target_parse(const struct rs_framework *fw, const char *spec,
    struct rs_target *t, struct rs_error *err);

/*
 * The targets of a targets CSV file: columns node and target (as
 * rs_target_parse() reads them).  *t (count *nt) is grown with them and
 * is the caller's to free.
 */
int rs_targets_read_file(const struct rs_framework *fw, const char *path,
    struct rs_target **t, size_t *nt, struct rs_error *err);

#endif /* RS_SCENARIO_H */
