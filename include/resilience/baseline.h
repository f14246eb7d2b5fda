/*
 * baseline.h - the scores of an earlier run, to report what changed
 *
 * A baseline is the JSON report that `resilience score --format json`
 * wrote earlier (docs/cli.md, "--baseline").  Only what a change needs is
 * kept: each city's id, name and score, the score of each node of the
 * framework the run uses and the raw value of each indicator, from which
 * the like-for-like change is computed (docs/methodology.md, "Change
 * against a baseline").  Node ids the framework does not have are
 * ignored, so that a baseline survives the addition or removal of an
 * indicator.
 */
#ifndef RS_BASELINE_H
#define RS_BASELINE_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/framework.h"

struct rs_baseline {
	const char *path;		/* the file it was read from */
	const char **cities;		/* city names, in file order */
	const char **ids;		/* per city: "id", else its name */
	size_t ncities;
	double *score;			/* per city: its score, NaN when null */
	double *score_of;		/* ncities rows of nnodes node scores */
	size_t nnodes;			/* the framework's node count */
	double *value;			/* ncities rows of nindicators raw
					   values, NaN when null or absent */
	unsigned char *has_values;	/* per city: 1 when its indicators
					   carry "value" (a score report) */
	size_t nindicators;		/* the framework's indicator count */
	const char *version;		/* its "framework" "version", or ""  */
	int same_framework;		/* 1: the version is the run's too */
	struct rs_baseline_priv *priv;	/* id index and string pool */
};

/* Prepare an empty baseline; release it with rs_baseline_release(). */
void rs_baseline_init(struct rs_baseline *b);
void rs_baseline_release(struct rs_baseline *b);

/*
 * Load the JSON report text[0..len), named path in messages, against
 * framework fw: its "framework" "id" must be fw's, every city id must
 * appear once, and every score must be null or a number from 0 to 100.
 * A "version" other than fw's is kept, with same_framework 0: the
 * like-for-like change is then refused rather than guessed.
 * On failure b is left empty and err is located in the text (RS_EINPUT).
 * b copies what it keeps; score_of rows follow fw's node order.
 */
int rs_baseline_load_text(struct rs_baseline *b,
    const struct rs_framework *fw, const char *text, size_t len,
    const char *path, struct rs_error *err);

/* Read the file at path ("-" is standard input) and load it. */
int rs_baseline_load_file(struct rs_baseline *b,
    const struct rs_framework *fw, const char *path, struct rs_error *err);

/*
 * The index of the city whose id is id (its name, for a baseline written
 * before cities had ids), or RS_NONE when b does not have it.
 */
size_t rs_baseline_find(const struct rs_baseline *b, const char *id);

#endif /* RS_BASELINE_H */
