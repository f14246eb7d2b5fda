/*
 * actions.h - the lines of action of a plan, read from a CSV or JSON file
 * (docs/planning.md, "The plan document")
 */
#ifndef RS_ACTIONS_H
#define RS_ACTIONS_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/framework.h"
#include "resilience/scenario.h"

/* What an action does to one indicator. */
struct rs_action_move {
	size_t node;		/* the indicator */
	enum rs_change_op op;	/* as a scenario's change */
	double amount;
};

struct rs_action {
	const char *id;		/* unique in the file */
	const char *title_en;	/* the title in English */
	const char *title_ar;	/* in Arabic, or NULL */
	size_t serves;		/* the area or RPI it serves, RS_NONE */
	struct rs_action_move *moves;	/* what it moves, nmoves of them */
	size_t nmoves;
	const char *owner;	/* who carries it out, or NULL */
	const char *cost;	/* as written ("USD 2 million"), or NULL */
	long start, end;	/* years, start <= end */
	size_t monitor;		/* the indicator that monitors it, or
				   RS_NONE */
	long line, col;		/* where it starts in its file */
};

struct rs_actions {
	const char *path;	/* the file */
	struct rs_action *items;	/* in file order */
	size_t nitems;
	size_t cap;
	struct rs_pool *pool;	/* the strings */
};

void rs_actions_init(struct rs_actions *a);
void rs_actions_release(struct rs_actions *a);

/*
 * Read the actions file at path: CSV (columns id, title_en, title_ar,
 * serves, indicator, change, owner, cost, start, end, monitor; a row per
 * indicator moved, the rows of one action sharing its id) or JSON
 * ({"actions": [{"id", "title": {"en", "ar"}, "serves", "moves":
 * [{"indicator", "change"}], "owner", "cost", "start", "end",
 * "monitor"}]}), by its first character.  Every error is located.
 */
int rs_actions_read_file(struct rs_actions *a, const struct rs_framework *fw,
    const char *path, struct rs_error *err);

#endif /* RS_ACTIONS_H */
