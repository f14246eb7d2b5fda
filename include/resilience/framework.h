/*
 * framework.h - the tree of resilience areas, RPIs and indicators
 *
 * A framework is read from a JSON file (docs/framework-format.md) or taken
 * from the copy of data/frameworks/dpt.json embedded at build time.  Nodes
 * are stored in pre-order: a node's descendants follow it, so a reverse
 * walk visits every child before its parent.
 */
#ifndef RS_FRAMEWORK_H
#define RS_FRAMEWORK_H

#include <stddef.h>

#include "resilience/error.h"
#include "resilience/limits.h"


/* A text in one language; lang is "" for a plain string. */
struct rs_name {
	const char *lang;	/* language code such as "en", or "" */
	const char *text;	/* UTF-8 */
};

struct rs_level {
	const char *id;		/* such as "moderate" */
	double min;		/* lowest score of the level, 0..100 */
	struct rs_name *names;	/* display names, nnames of them */
	size_t nnames;
};

/*
 * Who can move an indicator (docs/framework-format.md, "lever"): the city
 * government with its own powers and budget, the national government, or
 * nobody within a plan (structure, the world economy, a shock).
 */
enum rs_lever {
	RS_LEVER_NONE,		/* not said in the framework */
	RS_LEVER_MUNICIPAL,
	RS_LEVER_NATIONAL,
	RS_LEVER_CONTEXT,
	RS_LEVER_COUNT
};

/* A set of levers: bit 1 << lever for each. */
#define RS_LEVER_BIT(l)	(1u << (unsigned)(l))

/* The levers acted on unless told otherwise: all but context. */
#define RS_LEVERS_ACTIONABLE (RS_LEVER_BIT(RS_LEVER_NONE) | \
	RS_LEVER_BIT(RS_LEVER_MUNICIPAL) | RS_LEVER_BIT(RS_LEVER_NATIONAL))

/* The levels of a rubric item (docs/framework-format.md, "rubric"). */
#define RS_RUBRIC_LEVELS 5

struct rs_node {
	const char *id;		/* unique in the framework */
	struct rs_name *names;	/* display names, nnames of them */
	size_t nnames;
	double weight;		/* > 0, relative to the siblings */
	size_t parent;		/* index of the parent node, RS_NONE at top */
	size_t *children;	/* indices of the children, in file order */
	size_t nchildren;	/* 0 for an indicator */
	int depth;		/* 1 for the top level */
	size_t indicator;	/* position among the indicators, or RS_NONE */
	/* Indicators only: */
	int has_goalposts;	/* 0: no worst and best (a pipeline's) */
	double worst;		/* raw value that scores 0 */
	double best;		/* raw value that scores 100; for a band,
				   worst is worst_low and best is low */
	int has_band;		/* goalposts are a target band */
	double band[4];		/* worst_low, low, high, worst_high: 0 at
				   or outside the outer two, 100 between
				   the inner two (methodology.md, "Target
				   band") */
	int has_min, has_max;	/* whether min and max are set */
	double min, max;	/* valid domain of raw values */
	const char *unit;	/* NULL when not given */
	const char *unit_ar;	/* the unit in Arabic, NULL when not given */
	const char *description;	/* NULL when not given */
	struct rs_name *sources;	/* suggested data source, nsources
				   languages of it (none: not given) */
	size_t nsources;
	struct rs_name *rubric[RS_RUBRIC_LEVELS];	/* rubric items: the
				   description of each level 1 to 5, in
				   nrubric[k] languages; nrubric[0] == 0
				   for an indicator without a rubric */
	size_t nrubric[RS_RUBRIC_LEVELS];
	enum rs_lever lever;	/* who can move it */
	double effort;		/* effort of one point of its score, > 0
				   (default 1) */
	int has_max_change;	/* whether max_change is set */
	double max_change;	/* most it can move in a year, raw units */
	const char *series_db;	/* "wdi" or "wgi" (key of "series"), or
				   NULL when no published series is named */
	const char *series_code;	/* such as "SL.UEM.TOTL.ZS", or NULL */
	long line, col;		/* where the node starts in its file */
};

struct rs_framework {
	const char *path;	/* file it was read from, "<builtin>" */
	const char *id;		/* framework id */
	struct rs_name *names;	/* display names, nnames of them */
	size_t nnames;
	const char *version;	/* "" when not given */
	double min_coverage;	/* in (0, 1], default 0.5 */
	struct rs_level *levels;	/* ascending by min, first min 0 */
	size_t nlevels;
	struct rs_node *nodes;	/* every node, in pre-order */
	size_t nnodes;
	size_t *top;		/* indices of the top-level nodes */
	size_t ntop;
	size_t *indicators;	/* node index of each indicator, pre-order */
	size_t nindicators;
	struct rs_pipeline_spec *pipeline;	/* "pipeline" section, or NULL
					   (resilience/pipeline.h) */
	struct rs_sa_section *sensitivity;	/* "sensitivity" section, or
					   NULL (resilience/sa_section.h) */
	struct rs_shock_section *shock;	/* "shock" section, or NULL */
	struct rs_framework_priv *priv;	/* id index and string pool */
};

/*
 * The "shock" section of a framework file (docs/framework-format.md,
 * "The shock section"): the years of resilience shock's before, shock
 * and after, and the indicators that are levels (real output,
 * employment) for Martin and Sunley's indices.
 */
struct rs_shock_section {
	long before, shock, after;	/* years, before < shock < after */
	size_t *series;		/* indicator node indices, nseries */
	size_t nseries;
	const char *reference;	/* the reference row's id or name, NULL */
};

/* Prepare an empty framework; release it with rs_framework_release(). */
void rs_framework_init(struct rs_framework *fw);
void rs_framework_release(struct rs_framework *fw);

/*
 * Load the default framework embedded in the library: the model of
 * data/frameworks/dpt.json, compiled in as C data at build time, so that
 * nothing is parsed (it cannot fail).  fw borrows the static data; release
 * it with rs_framework_release() as any other.
 */
int rs_framework_load_default(struct rs_framework *fw, struct rs_error *err);

/* Index of the node with id s[0..n), or RS_NONE. */
size_t rs_framework_find(const struct rs_framework *fw, const char *s,
    size_t n);

/*
 * The indicator id closest to s (by edit distance, ignoring case) if it
 * is close enough to be a plausible typo, else NULL; the first in
 * framework order among equally close ones.  The framework owns it.
 */
const char *rs_framework_suggest(const struct rs_framework *fw,
    const char *s);

/*
 * A rubric item's choice as the template lists it (template.h): the
 * level, a colon, a space and the level's description in one of the
 * framework's languages, "3: Several programmes exist ...".  Returns the
 * level, 1 to 5, when s[0..n) is exactly such a choice of node, else 0.
 */
int rs_rubric_level(const struct rs_node *node, const char *s, size_t n);

/* Index of the level of a (non-NaN) score: the last whose min <= score. */
size_t rs_framework_level(const struct rs_framework *fw, double score);

/*
 * The name in language lang (NULL for the default): the exact language,
 * else "en", else the plain string, else the first one, else fallback.
 */
const char *rs_name_get(const struct rs_name *names, size_t n,
    const char *lang, const char *fallback);

/*
 * Node n's unit in language lang (NULL for the default): "unit_ar" under
 * "ar" when the framework gives it, else "unit"; NULL when neither.
 */
const char *rs_node_unit(const struct rs_node *n, const char *lang);

/*
 * The JSON text of the embedded default framework (data/frameworks/dpt.json),
 * for the test that its C data is the model of this text.
 */
extern const char rs_default_framework[];
extern const size_t rs_default_framework_len;

/*
 * The name of a lever as the framework file writes it ("municipal",
 * "national", "context"), or NULL for RS_LEVER_NONE; static.
 */
const char *rs_lever_name(enum rs_lever lever);

/* The lever named s[0..n), or RS_LEVER_COUNT when s names none. */
enum rs_lever rs_lever_parse(const char *s, size_t n);

/* COINr's level of node i: 1 for indicators, up to the top. */
int rs_node_level(const struct rs_framework *fw, size_t i);

#endif /* RS_FRAMEWORK_H */
