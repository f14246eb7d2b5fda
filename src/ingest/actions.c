/*
 * actions.c - the lines of action of a plan from a CSV or JSON file
 * (actions.h; docs/planning.md, "The plan document")
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/csv_table.h"
#include "io/jsonutil.h"
#include "io/readfile.h"
#include "resilience/actions.h"

void
rs_actions_init(struct rs_actions *a)
{
	memset(a, 0, sizeof(*a));
	a->pool = rs_malloc(sizeof(*a->pool));
	rs_pool_init(a->pool);
}

void
rs_actions_release(struct rs_actions *a)
{
	size_t k;

	for (k = 0; k < a->nitems; k++)
		free(a->items[k].moves);
	free(a->items);
	if (a->pool != NULL)
		rs_pool_release(a->pool);
	free(a->pool);
	memset(a, 0, sizeof(*a));
}

/* A year from 1 to 9999, or -1. */
static long
year_of(const char *s)
{
	char *end;
	long y;

	errno = 0;
	y = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || y < 1 || y > 9999)
		return -1;
	return y;
}

static const char *
keep(struct rs_actions *a, const char *s)
{
	return s != NULL && s[0] != '\0' ? rs_pool_strdup(a->pool, s) : NULL;
}

/* Where each check of an action points in its file. */
struct at {
	const char *path;
	long line;
	long id, serves, start, end, monitor;	/* columns */
};

/* The checks an action's fields share, whatever the format. */
static int
check(struct rs_actions *a, const struct rs_framework *fw,
    struct rs_action *it, const char *serves, const char *start,
    const char *end, const char *monitor, const struct at *at,
    struct rs_error *err)
{
	size_t k;

	if (it->id == NULL)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->id,
		    "an action needs an id");
	for (k = 0; k < a->nitems; k++)
		if (&a->items[k] != it && strcmp(a->items[k].id, it->id) == 0)
			return rs_error_set(err, RS_EINPUT, at->path, at->line,
			    at->id, "duplicate action \"%s\" (first at line "
			    "%ld)", it->id, a->items[k].line);
	it->serves = RS_NONE;
	if (serves != NULL && serves[0] != '\0' && (it->serves =
	    rs_framework_find(fw, serves, strlen(serves))) == RS_NONE)
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->serves, "action \"%s\": \"%s\" is not a node of "
		    "framework \"%s\"", it->id, serves, fw->id);
	if ((it->start = year_of(start != NULL ? start : "")) < 0)
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->start, "action \"%s\": start must be a year from 1 to "
		    "9999", it->id);
	if ((it->end = year_of(end != NULL ? end : "")) < 0)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->end,
		    "action \"%s\": end must be a year from 1 to 9999",
		    it->id);
	if (it->end < it->start)
		return rs_error_set(err, RS_EINPUT, at->path, at->line, at->end,
		    "action \"%s\" ends in %ld, before it starts in %ld",
		    it->id, it->end, it->start);
	it->monitor = RS_NONE;
	if (monitor != NULL && monitor[0] != '\0' && ((it->monitor =
	    rs_framework_find(fw, monitor, strlen(monitor))) == RS_NONE ||
	    fw->nodes[it->monitor].nchildren > 0))
		return rs_error_set(err, RS_EINPUT, at->path, at->line,
		    at->monitor, "action \"%s\": \"%s\" is not an indicator of "
		    "framework \"%s\"", it->id, monitor, fw->id);
	return 0;
}

/* Add a move of indicator id by change to it. */
static int
add_move(struct rs_action *it, const struct rs_framework *fw,
    const char *id, const char *change, const char *path, long line,
    long col_id, long col_change, struct rs_error *err)
{
	struct rs_action_move m;
	const char *why;

	if ((m.node = rs_framework_find(fw, id, strlen(id))) == RS_NONE ||
	    fw->nodes[m.node].nchildren > 0)
		return rs_error_set(err, RS_EINPUT, path, line, col_id,
		    "action \"%s\": \"%s\" is not an indicator of framework "
		    "\"%s\"", it->id, id, fw->id);
	if (rs_change_parse(change, &m.op, &m.amount, &why) != 0)
		return rs_error_set(err, RS_EINPUT, path, line, col_change,
		    "action \"%s\": change \"%s\" %s; write =VALUE, +N, "
		    "-N, +N%% or -N%%", it->id, change, why);
	it->moves = rs_realloc(it->moves, (it->nmoves + 1) *
	    sizeof(*it->moves));
	it->moves[it->nmoves++] = m;
	return 0;
}

static struct rs_action *
new_action(struct rs_actions *a)
{
	struct rs_action *it;

	rs_grow(&a->items, &a->cap, a->nitems + 1, sizeof(*a->items));
	it = &a->items[a->nitems++];
	memset(it, 0, sizeof(*it));
	return it;
}

static int
read_csv(struct rs_actions *a, const struct rs_framework *fw,
    const char *text, size_t len, const char *path, struct rs_error *err)
{
	static const char *const names[] = {"id", "title_en", "title_ar",
	    "serves", "indicator", "change", "owner", "cost", "start", "end",
	    "monitor"};
	enum { ID, TEN, TAR, SERVES, IND, CHANGE, OWNER, COST, START, END,
	    MONITOR, NCOLS };
	size_t col[NCOLS], row, k;
	struct rs_csv_table t;
	struct rs_action *it = NULL;
	struct at at;
	int rc = 0;

	rs_csv_table_init(&t);
	if ((rc = rs_csv_table_read(&t, text, len, path, err)) != 0)
		goto out;
	for (k = 0; k < NCOLS; k++) {
		col[k] = rs_csv_table_column(&t, names[k]);
		if (col[k] == RS_NONE && k != TAR && k != COST &&
		    k != MONITOR && k != SERVES && k != OWNER) {
			rc = rs_error_set(err, RS_EINPUT, path, 1, 1, "an "
			    "actions file needs the column %s", names[k]);
			goto out;
		}
	}
#define CELL(c) (col[c] != RS_NONE ? rs_csv_table_get(&t, row, col[c]) : "")
	for (row = 1; row < t.nrows; row++) {
		const char *id = CELL(ID);

		at.path = path;
		at.line = t.line[row];
		at.id = (long)col[ID] + 1;
		at.serves = col[SERVES] != RS_NONE ? (long)col[SERVES] + 1 : 1;
		at.start = (long)col[START] + 1;
		at.end = (long)col[END] + 1;
		at.monitor = col[MONITOR] != RS_NONE ? (long)col[MONITOR] + 1 :
		    1;
		/* A row with the id of the action above moves one more. */
		if (it == NULL || id[0] == '\0' || strcmp(id, it->id) != 0) {
			it = new_action(a);
			it->id = keep(a, id);
			it->title_en = keep(a, CELL(TEN));
			it->title_ar = keep(a, CELL(TAR));
			it->owner = keep(a, CELL(OWNER));
			it->cost = keep(a, CELL(COST));
			it->line = at.line;
			it->col = 1;
			if ((rc = check(a, fw, it, CELL(SERVES), CELL(START),
			    CELL(END), CELL(MONITOR), &at, err)) != 0)
				goto out;
		}
		if (CELL(IND)[0] == '\0' && CELL(CHANGE)[0] == '\0')
			continue;
		if ((rc = add_move(it, fw, CELL(IND), CELL(CHANGE), path,
		    at.line, (long)col[IND] + 1, (long)col[CHANGE] + 1,
		    err)) != 0)
			goto out;
	}
#undef CELL
	if (a->nitems == 0)
		rc = rs_error_set(err, RS_EINPUT, path, 1, 1, "no action in "
		    "the file");
out:
	rs_csv_table_release(&t);
	return rc;
}

/* The string member key of obj, "" when absent; an error when not one. */
static int
member(const struct rs_json_doc *doc, const cJSON *obj, const char *key,
    const char **s, struct rs_error *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	*s = "";
	if (v == NULL || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v))
		return rs_json_error(doc, v, err, "\"%s\" must be a string",
		    key);
	*s = v->valuestring;
	return 0;
}

/*
 * A year member (start, end), as member() or a whole number from 1 to
 * 9999, into buf (size bytes): "" when absent.
 */
static int
member_year(const struct rs_json_doc *doc, const cJSON *obj,
    const char *key, char *buf, size_t size, struct rs_error *err)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	const char *s;
	int rc;

	if (cJSON_IsNumber(v) && v->valuedouble >= 1 &&
	    v->valuedouble <= 9999 &&
	    !(floor(v->valuedouble) < v->valuedouble)) {
		snprintf(buf, size, "%ld", (long)v->valuedouble);
		return 0;
	}
	if ((rc = member(doc, obj, key, &s, err)) != 0)
		return rc;
	snprintf(buf, size, "%s", s);
	return 0;
}

static int
read_json(struct rs_actions *a, const struct rs_framework *fw,
    const char *text, size_t len, const char *path, struct rs_error *err)
{
	struct rs_json_doc doc;
	const cJSON *arr, *o, *t, *mv, *m, *v;
	const char *s, *serves, *monitor, *ind, *chg;
	char start[32], end[32];
	struct rs_action *it;
	struct at at;
	long line, col;
	int rc;

	if ((rc = rs_json_doc_parse(&doc, text, len, path, err)) != 0)
		return rc;
	rs_json_doc_index(&doc, -1);
	arr = cJSON_GetObjectItemCaseSensitive(doc.root, "actions");
	if (!cJSON_IsObject(doc.root) || !cJSON_IsArray(arr) ||
	    arr->child == NULL) {
		rc = rs_json_error(&doc, arr != NULL ? arr : doc.root, err,
		    "an actions file is {\"actions\": [...]} with at least "
		    "one action");
		goto out;
	}
	for (o = arr->child; o != NULL; o = o->next) {
		if (!cJSON_IsObject(o)) {
			rc = rs_json_error(&doc, o, err, "an action must be an "
			    "object");
			goto out;
		}
		rs_json_locate(&doc, o, &line, &col);
		at.path = path;
		at.line = line;
		at.id = at.serves = at.start = at.end = at.monitor = col;
		it = new_action(a);
		it->line = line;
		it->col = col;
		if ((rc = member(&doc, o, "id", &s, err)) != 0)
			goto out;
		it->id = keep(a, s);
		t = cJSON_GetObjectItemCaseSensitive(o, "title");
		if (cJSON_IsString(t)) {
			it->title_en = keep(a, t->valuestring);
		} else if (cJSON_IsObject(t)) {
			if ((rc = member(&doc, t, "en", &s, err)) != 0)
				goto out;
			it->title_en = keep(a, s);
			if ((rc = member(&doc, t, "ar", &s, err)) != 0)
				goto out;
			it->title_ar = keep(a, s);
		} else if (t != NULL) {
			rc = rs_json_error(&doc, t, err, "\"title\" must be a "
			    "string or an object of language codes");
			goto out;
		}
		if ((rc = member(&doc, o, "owner", &s, err)) != 0)
			goto out;
		it->owner = keep(a, s);
		if ((rc = member(&doc, o, "cost", &s, err)) != 0)
			goto out;
		it->cost = keep(a, s);
		if ((rc = member_year(&doc, o, "start", start, sizeof(start),
		    err)) != 0 || (rc = member_year(&doc, o, "end", end,
		    sizeof(end), err)) != 0)
			goto out;
		if ((rc = member(&doc, o, "serves", &serves, err)) != 0 ||
		    (rc = member(&doc, o, "monitor", &monitor, err)) != 0)
			goto out;
		if ((v = cJSON_GetObjectItemCaseSensitive(o, "start")) != NULL)
			rs_json_locate(&doc, v, &at.line, &at.start);
		if ((v = cJSON_GetObjectItemCaseSensitive(o, "end")) != NULL)
			rs_json_locate(&doc, v, &line, &at.end);
		at.line = it->line;
		if ((rc = check(a, fw, it, serves, start, end, monitor, &at,
		    err)) != 0)
			goto out;
		mv = cJSON_GetObjectItemCaseSensitive(o, "moves");
		if (mv != NULL && !cJSON_IsArray(mv)) {
			rc = rs_json_error(&doc, mv, err, "\"moves\" must be an "
			    "array of {\"indicator\", \"change\"}");
			goto out;
		}
		for (m = mv != NULL ? mv->child : NULL; m != NULL;
		    m = m->next) {
			if ((rc = member(&doc, m, "indicator", &ind, err)) != 0)
				goto out;
			if ((rc = member(&doc, m, "change", &chg, err)) != 0)
				goto out;
			rs_json_locate(&doc, m, &line, &col);
			if ((rc = add_move(it, fw, ind, chg, path, line, col,
			    col, err)) != 0)
				goto out;
		}
	}
out:
	rs_json_doc_release(&doc);
	return rc;
}

int
rs_actions_read_file(struct rs_actions *a, const struct rs_framework *fw,
    const char *path, struct rs_error *err)
{
	char *text = NULL;
	size_t len = 0, i = 0;
	int rc;

	a->path = rs_pool_strdup(a->pool, path);
	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	/* a byte order mark, then blanks, then "{" for JSON */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", text[i]) != NULL)
		i++;
	if (i < len && text[i] == '{')
		rc = read_json(a, fw, text, len, path, err);
	else
		rc = read_csv(a, fw, text, len, path, err);
	free(text);
	return rc;
}
