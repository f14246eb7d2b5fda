/*
 * coinr.c - reading COINr's iMeta and iData tables (docs/pipeline.md,
 * "COINr input")
 *
 * iMeta is checked row by row, then turned into the framework JSON of
 * docs/framework-format.md (with a "pipeline" section) and loaded by
 * framework.c, so that both inputs give the same model.
 */
#include <stddef.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "io/csv_table.h"
#include "ingest/sheet.h"
#include "base/mem.h"
#include "io/readfile.h"
#include "resilience/load.h"
#include "base/strmap.h"
#include "base/text.h"

enum meta_type {
	TYPE_INDICATOR,
	TYPE_AGGREGATE,
	TYPE_OTHER,	/* Group, Denominator, Other: data columns */
};

struct meta_row {
	const char *code;
	int type;		/* enum meta_type */
	long level;
	size_t parent;		/* row index, RS_NONE at the top */
	int linked;		/* node is in its parent's array or the top */
	cJSON *node;		/* its JSON node while building */
	cJSON *kids;		/* its "children" array, aggregates */
};

/* Columns of iMeta, RS_NONE when absent. */
struct meta_cols {
	size_t code, level, name, dir, weight, unit, target, denom, parent,
	    type;
};

static const char *
field(const struct rs_csv_table *t, size_t row, size_t col, size_t *n)
{
	const char *s;

	if (col == RS_NONE) {
		*n = 0;
		return "";
	}
	s = rs_csv_table_get(t, row, col);
	*n = strlen(s);
	return rs_trim(s, n);
}

static int
meta_error(const struct rs_csv_table *t, size_t row, size_t col,
    struct rs_error *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int
meta_error(const struct rs_csv_table *t, size_t row, size_t col,
    struct rs_error *err, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return rs_error_set(err, RS_EINPUT, t->path, t->line[row],
	    col == RS_NONE ? 0 : (long)col + 1, "%s", msg);
}

/* A number in a field; *has is 0 for an empty or NA field. */
static int
meta_number(const struct rs_csv_table *t, size_t row, size_t col,
    const char *what, int *has, double *v, struct rs_error *err)
{
	const char *s, *why;
	size_t n;

	s = field(t, row, col, &n);
	*has = 0;
	switch (rs_number_parse(s, n, v, &why)) {
	case RS_NUMBER_OK:
		*has = 1;
		return 0;
	case RS_NUMBER_MISSING:
		return 0;
	default:
		return meta_error(t, row, col, err, "%s \"%.*s\" %s", what,
		    (int)(n > 40 ? 40 : n), s, why);
	}
}

static int
meta_columns(const struct rs_csv_table *t, struct meta_cols *c,
    struct rs_error *err)
{
	c->code = rs_csv_table_column(t, "iCode");
	c->level = rs_csv_table_column(t, "Level");
	c->name = rs_csv_table_column(t, "iName");
	c->dir = rs_csv_table_column(t, "Direction");
	c->weight = rs_csv_table_column(t, "Weight");
	c->unit = rs_csv_table_column(t, "Unit");
	c->target = rs_csv_table_column(t, "Target");
	c->denom = rs_csv_table_column(t, "Denominator");
	c->parent = rs_csv_table_column(t, "Parent");
	c->type = rs_csv_table_column(t, "Type");
	if (c->code == RS_NONE || c->level == RS_NONE ||
	    c->parent == RS_NONE)
		return rs_error_set(err, RS_EINPUT, t->path, t->line[0], 1,
		    "an iMeta table needs columns \"iCode\", \"Level\" and "
		    "\"Parent\" (missing \"%s\")", c->code == RS_NONE ?
		    "iCode" : c->level == RS_NONE ? "Level" : "Parent");
	return 0;
}

static int
meta_type(const struct rs_csv_table *t, size_t row, size_t col, long level,
    int has_level, int *type, struct rs_error *err)
{
	const char *s;
	size_t n;

	s = field(t, row, col, &n);
	if (n == 0)
		*type = !has_level ? TYPE_OTHER : level == 1 ?
		    TYPE_INDICATOR : TYPE_AGGREGATE;
	else if (rs_word_eq(s, n, "Indicator"))
		*type = TYPE_INDICATOR;
	else if (rs_word_eq(s, n, "Aggregate"))
		*type = TYPE_AGGREGATE;
	else if (rs_word_eq(s, n, "Group") ||
	    rs_word_eq(s, n, "Denominator") || rs_word_eq(s, n, "Other"))
		*type = TYPE_OTHER;
	else
		return meta_error(t, row, col, err, "unknown Type \"%.*s\" "
		    "(Indicator, Aggregate, Group, Denominator, Other)",
		    (int)(n > 40 ? 40 : n), s);
	return 0;
}

/* Check every row and fill rows; build the JSON nodes. */
/*
 * Add number v to node as a JSON number that reads back as v: cJSON's
 * own printer rounds to 15 digits when they come within its tolerance.
 */
static void
add_exact(cJSON *node, const char *key, double v)
{
	char buf[40];
	locale_t old = rs_c_locale_push();

	snprintf(buf, sizeof(buf), "%.17g", v);
	rs_c_locale_pop(old);
	cJSON_AddItemToObject(node, key, cJSON_CreateRaw(buf));
}

static int
meta_rows(const struct rs_csv_table *t, const struct meta_cols *c,
    struct meta_row *rows, struct rs_strmap *ids, struct rs_pool *pool,
    struct rs_error *err)
{
	size_t r, n, np;
	const char *s, *p;
	const size_t *prev;
	double v;
	int has, rc;

	for (r = 1; r < t->nrows; r++) {
		struct meta_row *m = &rows[r];
		cJSON *node;

		s = field(t, r, c->code, &n);
		if (n == 0)
			return meta_error(t, r, c->code, err, "empty iCode");
		m->code = rs_pool_strndup(pool, s, n);
		if ((prev = rs_strmap_get(ids, s, n)) != NULL)
			return meta_error(t, r, c->code, err, "duplicate "
			    "iCode \"%s\" (first at line %ld)", m->code,
			    t->line[*prev]);
		rs_strmap_put(ids, m->code, r);
		if ((rc = meta_number(t, r, c->level, "Level", &has, &v,
		    err)) != 0)
			return rc;
		if (has && (v < 1 || v > 100 || (v < floor(v) || v > floor(v))))
			return meta_error(t, r, c->level, err, "Level of "
			    "\"%s\" must be a whole number from 1", m->code);
		m->level = has ? (long)v : 0;
		if ((rc = meta_type(t, r, c->type, m->level, has, &m->type,
		    err)) != 0)
			return rc;
		m->parent = RS_NONE;
		if (m->type == TYPE_OTHER)
			continue;
		if (!has)
			return meta_error(t, r, c->level, err, "%s \"%s\" "
			    "needs a Level", m->type == TYPE_INDICATOR ?
			    "indicator" : "aggregate", m->code);
		if ((m->type == TYPE_INDICATOR) != (m->level == 1))
			return meta_error(t, r, c->level, err, "\"%s\": "
			    "indicators are level 1 and aggregates level 2 "
			    "or above, not %s at level %ld", m->code,
			    m->type == TYPE_INDICATOR ? "an indicator" :
			    "an aggregate", m->level);
		node = cJSON_CreateObject();
		m->node = node;
		cJSON_AddStringToObject(node, "id", m->code);
		p = field(t, r, c->name, &np);
		if (np > 0) {
			char *name = rs_strndup(p, np);

			cJSON_AddStringToObject(node, "name", name);
			free(name);
		}
		if ((rc = meta_number(t, r, c->weight, "Weight", &has, &v,
		    err)) != 0)
			return rc;
		if (has && !(v > 0))
			return meta_error(t, r, c->weight, err, "Weight of "
			    "\"%s\" must be > 0, not %g", m->code, v);
		add_exact(node, "weight", has ? v : 1);
		if (m->type == TYPE_AGGREGATE) {
			m->kids = cJSON_AddArrayToObject(node, "children");
			continue;
		}
		if ((rc = meta_number(t, r, c->dir, "Direction", &has, &v,
		    err)) != 0)
			return rc;
		if (has && (v < 1 || v > 1) && (v < -1 || v > -1))
			return meta_error(t, r, c->dir, err, "Direction of "
			    "\"%s\" must be 1 or -1, not %g", m->code, v);
		add_exact(node, "direction", has ? v : 1);
		if ((rc = meta_number(t, r, c->target, "Target", &has, &v,
		    err)) != 0)
			return rc;
		if (has)
			add_exact(node, "target", v);
		p = field(t, r, c->denom, &np);
		if (np > 0) {
			char *d = rs_strndup(p, np);

			cJSON_AddStringToObject(node, "denominator", d);
			free(d);
		}
		p = field(t, r, c->unit, &np);
		if (np > 0) {
			char *u = rs_strndup(p, np);

			cJSON_AddStringToObject(node, "unit", u);
			free(u);
		}
	}
	return 0;
}

/* Link every node to its parent; collect the top in top. */
static int
meta_tree(const struct rs_csv_table *t, const struct meta_cols *c,
    struct meta_row *rows, const struct rs_strmap *ids, cJSON *top,
    struct rs_error *err)
{
	long maxlevel = 0;
	size_t r, n;
	const size_t *par;
	const char *s;

	for (r = 1; r < t->nrows; r++)
		if (rows[r].type != TYPE_OTHER && rows[r].level > maxlevel)
			maxlevel = rows[r].level;
	if (maxlevel == 0)
		return rs_error_set(err, RS_EINPUT, t->path, t->line[0],
		    c->type == RS_NONE ? 1 : (long)c->type + 1,
		    "the iMeta table has no indicator (no row of Type "
		    "\"Indicator\" at Level 1)");
	for (r = 1; r < t->nrows; r++) {
		struct meta_row *m = &rows[r];

		if (m->type == TYPE_OTHER)
			continue;
		s = field(t, r, c->parent, &n);
		if (n == 0) {
			if (m->level != maxlevel)
				return meta_error(t, r, c->parent, err, "\"%s\" "
				    "(level %ld) has no Parent; only the top "
				    "level %ld may go without", m->code,
				    m->level, maxlevel);
			cJSON_AddItemToArray(top, m->node);
			m->linked = 1;
			continue;
		}
		par = rs_strmap_get(ids, s, n);
		if (par == NULL || rows[*par].type != TYPE_AGGREGATE)
			return meta_error(t, r, c->parent, err, "Parent "
			    "\"%.*s\" of \"%s\" is not an aggregate of the "
			    "table", (int)(n > 40 ? 40 : n), s, m->code);
		if (rows[*par].level != m->level + 1)
			return meta_error(t, r, c->parent, err, "Parent "
			    "\"%s\" of \"%s\" is at level %ld, not %ld",
			    rows[*par].code, m->code, rows[*par].level,
			    m->level + 1);
		m->parent = *par;
		cJSON_AddItemToArray(rows[*par].kids, m->node);
		m->linked = 1;
	}
	for (r = 1; r < t->nrows; r++)
		if (rows[r].type == TYPE_AGGREGATE &&
		    cJSON_GetArraySize(rows[r].kids) == 0)
			return meta_error(t, r, c->code, err, "aggregate \"%s\" "
			    "has no children", rows[r].code);
	return 0;
}

/* The framework id: the file's base name without extension. */
static char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/'), *dot;

	b = b ? b + 1 : path;
	dot = strrchr(b, '.');
	if (dot == NULL || dot == b)
		dot = b + strlen(b);
	/* A file name is bytes: make it text, as the data is. */
	return dot > b ? rs_utf8_valid_dup(b, (size_t)(dot - b)) :
	    rs_strdup("iMeta");
}

/* The iMeta column a key of the framework JSON made from it comes from. */
static size_t
key_column(const struct meta_cols *c, const char *key, size_t n)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{"\"id\"", offsetof(struct meta_cols, code)},
		{"\"name\"", offsetof(struct meta_cols, name)},
		{"\"weight\"", offsetof(struct meta_cols, weight)},
		{"\"direction\"", offsetof(struct meta_cols, dir)},
		{"\"target\"", offsetof(struct meta_cols, target)},
		{"\"denominator\"", offsetof(struct meta_cols, denom)},
		{"\"unit\"", offsetof(struct meta_cols, unit)},
		{"\"children\"", offsetof(struct meta_cols, weight)},
	};
	size_t k;

	for (k = 0; k < sizeof(keys) / sizeof(*keys); k++)
		if (strlen(keys[k].key) == n && memcmp(keys[k].key, key, n) == 0)
			return *(const size_t *)(const void *)((const char *)c +
			    keys[k].off);
	return c->code;
}

/*
 * An error the framework loader located in the JSON made from the iMeta
 * table is moved to the cell it comes from: the row of the node around
 * the error (the first child's row for its "children") and the column of
 * the key before it.  The JSON is one line of ASCII punctuation around
 * the table's own text, so err->col counts characters of that line.
 */
static void
relocate(struct rs_error *err, const char *json, const struct rs_csv_table *t,
    const struct meta_cols *c, const struct rs_strmap *ids)
{
	static const char open[] = "{\"id\":\"";
	size_t len = strlen(json), off = 0, k, q, col;
	const char *key = NULL, *idp = NULL;
	const size_t *row;
	long ch = 1;
	char id[256];

	if (err->line != 1 || err->col < 1)
		return;
	while (off < len && ch < err->col) {
		off++;
		while (off < len && ((unsigned char)json[off] & 0xC0) == 0x80)
			off++;
		ch++;
	}
	/* the key just before the value at off: "key": */
	for (k = off; k > 0 && json[k - 1] != ':'; k--)
		if (json[k - 1] == ',' || json[k - 1] == '{')
			break;
	if (k > 1 && json[k - 1] == ':' && json[k - 2] == '"') {
		for (q = k - 2; q > 0 && json[q - 1] != '"'; q--)
			;
		if (q > 0)
			key = json + q - 1;
	}
	col = key ? key_column(c, key, (size_t)(json + k - 1 - key)) : c->code;
	/* the node: the first child's for "children", else the enclosing */
	if (key != NULL && strncmp(key, "\"children\"", 10) == 0 &&
	    strncmp(json + off + 1, open, sizeof(open) - 1) == 0)
		idp = json + off + 1;
	for (k = off + 1; idp == NULL && k-- > 0;)
		if (strncmp(json + k, open, sizeof(open) - 1) == 0)
			idp = json + k;
	if (idp == NULL)
		return;
	idp += sizeof(open) - 1;
	for (q = 0; q + 1 < sizeof(id) && idp[q] != '\0' && idp[q] != '"'; q++) {
		if (idp[q] == '\\')
			return;		/* an escaped id: leave the error */
		id[q] = idp[q];
	}
	id[q] = '\0';
	if ((row = rs_strmap_get(ids, id, q)) == NULL)
		return;
	err->line = t->line[*row];
	err->col = col == RS_NONE ? 0 : (long)col + 1;
}

/*
 * iMeta from table t, read already, which the function releases; path
 * gives the framework's id, t->path names the table in messages.
 */
static int
meta_table(struct rs_framework *fw, struct rs_csv_table *t,
    const char *path, struct rs_error *err)
{
	struct meta_cols c;
	struct meta_row *rows = NULL;
	struct rs_strmap ids;
	cJSON *root = NULL, *top, *pipe, *norm, *agg, *range;
	char *json = NULL, *id = NULL;
	size_t r, i;
	int rc;

	rs_strmap_init(&ids);
	if ((rc = meta_columns(t, &c, err)) != 0)
		goto out;
	rows = rs_calloc(t->nrows + 1, sizeof(*rows));
	root = cJSON_CreateObject();
	id = base_name(path);
	cJSON_AddStringToObject(root, "id", id);
	pipe = cJSON_AddObjectToObject(root, "pipeline");
	norm = cJSON_AddObjectToObject(pipe, "normalise");
	cJSON_AddStringToObject(norm, "method", "minmax");
	range = cJSON_AddArrayToObject(norm, "range");
	cJSON_AddItemToArray(range, cJSON_CreateNumber(0));
	cJSON_AddItemToArray(range, cJSON_CreateNumber(100));
	agg = cJSON_AddObjectToObject(pipe, "aggregate");
	cJSON_AddStringToObject(agg, "method", "amean");
	cJSON_AddNumberToObject(agg, "min_coverage", 0);
	top = cJSON_AddArrayToObject(root, "children");
	if ((rc = meta_rows(t, &c, rows, &ids, &t->pool, err)) != 0 ||
	    (rc = meta_tree(t, &c, rows, &ids, top, err)) != 0) {
		/* An unlinked node owns its subtree; the root the rest. */
		for (r = 1; r < t->nrows; r++)
			if (rows[r].node != NULL && !rows[r].linked)
				cJSON_Delete(rows[r].node);
		goto out;
	}
	json = cJSON_PrintUnformatted(root);
	rc = rs_framework_load_json(fw, json, strlen(json), t->path, err);
	if (rc != 0) {
		relocate(err, json, t, &c, &ids);
		goto out;
	}
	/* a COINr project's means round as COINr's (pipeline.md, 3.6) */
	fw->pipeline->sums = RS_SUMS_COINR;
	/* Positions of the nodes: their iMeta rows. */
	for (i = 0; i < fw->nnodes; i++) {
		const size_t *row = rs_strmap_get(&ids, fw->nodes[i].id,
		    strlen(fw->nodes[i].id));

		if (row != NULL) {
			fw->nodes[i].line = t->line[*row];
			fw->nodes[i].col = (long)c.code + 1;
		}
	}
out:
	cJSON_Delete(root);
	free(json);
	free(id);
	free(rows);
	rs_strmap_release(&ids);
	rs_csv_table_release(t);
	return rc;
}

int
rs_coinr_read_meta(struct rs_framework *fw, const char *text, size_t len,
    const char *path, struct rs_error *err)
{
	struct rs_csv_table t;
	int rc;

	rs_csv_table_init(&t);
	rs_framework_release(fw);
	if ((rc = rs_csv_table_read(&t, text, len, path, err)) != 0) {
		rs_csv_table_release(&t);
		return rc;
	}
	return meta_table(fw, &t, path, err);
}

int
rs_coinr_load_meta(struct rs_framework *fw, const char *path,
    struct rs_error *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	if (rs_sheet_is_zip(text, len))
		rc = rs_coinr_read_meta_book(fw, text, len, path, err);
	else
		rc = rs_coinr_read_meta(fw, text, len, path, err);
	free(text);
	return rc;
}

/* iData ----------------------------------------------------------------- */

static int
is_col(const char *s, const char *a, const char *b)
{
	return strcmp(s, a) == 0 || (b != NULL && rs_word_eq(s, strlen(s),
	    b));
}

/*
 * iData from table c, read already, which the function releases; path
 * names it in messages.
 */
static int
data_table(struct rs_table *t, const struct rs_framework *fw,
    struct rs_csv_table *c, const char *path, struct rs_error *err)
{
	struct rs_strmap seen;
	char key[32], *keyed;
	size_t ucol = RS_NONE, ncol = RS_NONE, tcol = RS_NONE, *ind = NULL;
	size_t *aux = NULL, j, r, i, k, n, node, klen;
	const char *s, *why, *hdr;
	const size_t *prev;
	double v;
	int rc;

	rs_strmap_init(&seen);
	t->path = rs_pool_strdup(t->pool, path);
	t->nind = fw->nindicators;
	rc = 0;
	ind = rs_malloc((fw->nindicators + 1) * sizeof(size_t));
	for (k = 0; k < fw->nindicators; k++)
		ind[k] = RS_NONE;
	aux = rs_malloc((c->ncols + 1) * sizeof(size_t));
	t->aux_name = rs_malloc((c->ncols + 1) * sizeof(char *));
	for (j = 0; j < c->ncols; j++) {
		hdr = rs_csv_table_get(c, 0, j);
		n = strlen(hdr);
		s = rs_trim(hdr, &n);
		hdr = rs_pool_strndup(t->pool, s, n);
		if (n == 0) {
			rc = rs_error_set(err, RS_EINPUT, path, c->line[0],
			    (long)j + 1, "empty column name in the header");
			goto out;
		}
		if (is_col(hdr, "uCode", "city") && ucol == RS_NONE) {
			ucol = j;
			continue;
		}
		if (is_col(hdr, "uName", NULL) && ncol == RS_NONE) {
			ncol = j;
			continue;
		}
		if (is_col(hdr, "Time", "year") && tcol == RS_NONE) {
			tcol = j;
			continue;
		}
		node = rs_framework_find(fw, hdr, n);
		if (node != RS_NONE && fw->nodes[node].indicator != RS_NONE) {
			k = fw->nodes[node].indicator;
			if (ind[k] != RS_NONE) {
				rc = rs_error_set(err, RS_EINPUT, path,
				    c->line[0], (long)j + 1, "duplicate column "
				    "\"%s\"", hdr);
				goto out;
			}
			ind[k] = j;
			continue;
		}
		if (rs_table_aux(t, hdr) != RS_NONE) {
			rc = rs_error_set(err, RS_EINPUT, path, c->line[0],
			    (long)j + 1, "duplicate column \"%s\"", hdr);
			goto out;
		}
		aux[t->naux] = j;
		t->aux_name[t->naux++] = hdr;
	}
	if (ucol == RS_NONE) {
		rc = rs_error_set(err, RS_EINPUT, path, c->line[0], 1, "missing "
		    "column \"uCode\" (or \"city\"): the units' codes");
		goto out;
	}
	for (k = 0; k < fw->nindicators; k++)
		if (ind[k] == RS_NONE) {
			rc = rs_error_set(err, RS_EINPUT, path, c->line[0],
			    (long)c->ncols + 1, "indicator \"%s\" of framework "
			    "\"%s\" is not a column: the header ends after "
			    "%zu columns", fw->nodes[fw->indicators[k]].id,
			    fw->id, c->ncols);
			goto out;
		}
	t->nrows = c->nrows - 1;
	t->unit = rs_calloc(t->nrows + 1, sizeof(char *));
	t->uname = rs_calloc(t->nrows + 1, sizeof(char *));
	t->time = rs_calloc(t->nrows + 1, sizeof(long));
	t->line = rs_calloc(t->nrows + 1, sizeof(long));
	t->x = rs_malloc((t->nrows * t->nind + 1) * sizeof(double));
	t->col = rs_malloc((t->nind + 1) * sizeof(long));
	for (k = 0; k < t->nind; k++)
		t->col[k] = (long)ind[k] + 1;
	t->aux_text = rs_calloc(t->nrows * t->naux + 1, sizeof(char *));
	t->aux = rs_malloc((t->nrows * t->naux + 1) * sizeof(double));
	for (r = 1; r < c->nrows; r++) {
		i = r - 1;
		t->line[i] = c->line[r];
		s = rs_csv_table_get(c, r, ucol);
		n = strlen(s);
		s = rs_trim(s, &n);
		if (n == 0) {
			rc = rs_error_set(err, RS_EINPUT, path, c->line[r],
			    (long)ucol + 1, "empty unit code");
			goto out;
		}
		t->unit[i] = rs_pool_strndup(t->pool, s, n);
		t->uname[i] = t->unit[i];
		if (ncol != RS_NONE) {
			s = rs_csv_table_get(c, r, ncol);
			n = strlen(s);
			s = rs_trim(s, &n);
			if (n > 0)
				t->uname[i] = rs_pool_strndup(t->pool, s, n);
		}
		if (tcol != RS_NONE) {
			s = rs_csv_table_get(c, r, tcol);
			n = strlen(s);
			s = rs_trim(s, &n);
			if (rs_number_parse(s, n, &v, &why) != RS_NUMBER_OK ||
			    v < 1 || v > 9999 || (v < floor(v) || v > floor(v))) {
				rc = rs_error_set(err, RS_EINPUT, path,
				    c->line[r], (long)tcol + 1, "Time \"%.*s\" "
				    "is not a year from 1 to 9999",
				    (int)(n > 20 ? 20 : n), s);
				goto out;
			}
			t->time[i] = (long)v;
		}
		snprintf(key, sizeof(key), "\x1f%ld", t->time[i]);
		klen = strlen(t->unit[i]) + strlen(key) + 1;
		keyed = rs_malloc(klen);
		snprintf(keyed, klen, "%s%s", t->unit[i], key);
		s = rs_pool_strdup(t->pool, keyed);
		free(keyed);
		if ((prev = rs_strmap_get(&seen, s, strlen(s))) != NULL) {
			rc = rs_error_set(err, RS_EINPUT, path, c->line[r],
			    (long)ucol + 1, "unit \"%s\" appears twice%s "
			    "(first at line %ld)", t->unit[i], tcol !=
			    RS_NONE ? " in the same year" : "",
			    t->line[*prev]);
			goto out;
		}
		rs_strmap_put(&seen, s, i);
		for (k = 0; k < t->nind; k++) {
			s = rs_csv_table_get(c, r, ind[k]);
			n = strlen(s);
			switch (rs_number_parse(s, n, &v, &why)) {
			case RS_NUMBER_OK:
				break;
			case RS_NUMBER_MISSING:
				v = (double)NAN;
				break;
			default:
				s = rs_trim(s, &n);
				rc = rs_error_set(err, RS_EINPUT, path,
				    c->line[r], (long)ind[k] + 1, "value "
				    "\"%.*s\" %s", (int)(n > 40 ? 40 : n), s,
				    why);
				goto out;
			}
			t->x[i * t->nind + k] = v;
		}
		for (k = 0; k < t->naux; k++) {
			s = rs_csv_table_get(c, r, aux[k]);
			n = strlen(s);
			s = rs_trim(s, &n);
			t->aux_text[i * t->naux + k] = rs_pool_strndup(t->pool,
			    s, n);
			if (rs_number_parse(s, n, &v, &why) != RS_NUMBER_OK)
				v = (double)NAN;
			t->aux[i * t->naux + k] = v;
		}
	}
	if (t->nrows == 0)
		rc = rs_error_set(err, RS_EINPUT, path, c->line[0], 1,
		    "no unit in the data");
out:
	free(ind);
	free(aux);
	rs_strmap_release(&seen);
	rs_csv_table_release(c);
	return rc;
}

int
rs_coinr_read_data(struct rs_table *t, const struct rs_framework *fw,
    const char *text, size_t len, const char *path, struct rs_error *err)
{
	struct rs_csv_table c;
	int rc;

	rs_csv_table_init(&c);
	rs_table_release(t);
	rs_table_init(t);
	if ((rc = rs_csv_table_read(&c, text, len, path, err)) != 0) {
		rs_csv_table_release(&c);
		return rc;
	}
	return data_table(t, fw, &c, path, err);
}

/* --- workbooks ------------------------------------------------------- */

/* The text of a cell of a COINr table; NULL for a blank one. */
static const char *
cell_text(const struct rs_cell *c, char *num, size_t *n)
{
	const char *s;

	switch (c->kind) {
	case RS_CELL_NUMBER:
		s = rs_sheet_number_text(num, c->num);
		break;
	case RS_CELL_BOOL:
		s = c->num > 0 ? "TRUE" : "FALSE";
		break;
	case RS_CELL_ERROR:
		s = strcmp(c->text, "#N/A") == 0 ? "NA" : c->text;
		break;
	default:
		s = c->text != NULL ? c->text : "";
		break;
	}
	*n = strlen(s);
	rs_trim(s, n);
	return *n > 0 || c->kind == RS_CELL_NOVALUE ? s : NULL;
}

/*
 * The cells of sheet sh as a table: its rows that hold something, each
 * of the fields from column A to the header's last, a number as the
 * shortest text that reads back as it (so the table's numbers are the
 * cells' to the last bit), a boolean as TRUE or FALSE, a date in ISO
 * 8601, the error #N/A as NA; t->path is sh->label and t->line the rows.
 * A cell right of the header's last column and a formula without a saved
 * result are errors at the cell.
 */
static int
sheet_table(struct rs_csv_table *t, const struct rs_sheet *sh,
    struct rs_error *err)
{
	char num[32], a[8], **fields = NULL, *empty;
	const struct rs_cell *c;
	const char *s;
	size_t i, j, k, n, last;
	int rc = 0, filled;

	rs_csv_table_release(t);
	t->path = rs_pool_strdup(&t->pool, sh->label);
	empty = rs_pool_strdup(&t->pool, "");
	for (i = 0; i < sh->ncells && rc == 0; i = j) {
		last = 0;
		filled = 0;
		for (j = i; j < sh->ncells && sh->cells[j].row ==
		    sh->cells[i].row; j++)
			if (cell_text(&sh->cells[j], num, &n) != NULL) {
				filled = 1;
				last = sh->cells[j].col;
			}
		if (!filled)
			continue;
		if (fields == NULL) {
			t->ncols = last;
			fields = rs_calloc(t->ncols + 1, sizeof(*fields));
		}
		for (k = 0; k < t->ncols; k++)
			fields[k] = empty;
		for (k = i; k < j && rc == 0; k++) {
			c = &sh->cells[k];
			if ((s = cell_text(c, num, &n)) == NULL)
				continue;
			if (c->kind == RS_CELL_NOVALUE)
				rc = rs_error_set(err, RS_EINPUT, sh->label,
				    (long)c->row, (long)c->col, "formula "
				    "without a saved result: open the file in "
				    "a spreadsheet program and save it again");
			else if (c->col > t->ncols)
				rc = rs_error_set(err, RS_EINPUT, sh->label,
				    (long)c->row, (long)c->col, "cell outside "
				    "the table: the header's last column is %s",
				    rs_column_name(a, (long)t->ncols));
			else
				fields[c->col - 1] = rs_pool_strndup(&t->pool,
				    s, n);
		}
		if (rc == 0)
			rs_csv_table_add_row(t, fields, (long)sh->cells[i].row);
	}
	if (rc == 0 && t->nrows == 0)
		rc = rs_error_set(err, RS_EINPUT, sh->label, 1, 1,
		    "empty sheet: no header row");
	free(fields);
	if (rc != 0)
		rs_sheet_locate(sh, err);
	return rc;
}

/*
 * The table of sheet `sheet` of workbook data[0..len) into t; prefer: the
 * first sheet when there is none of that name.
 */
static int
book_table(struct rs_csv_table *t, const char *data, size_t len,
    const char *path, const char *sheet, int prefer, struct rs_error *err)
{
	struct rs_sheet sh;
	int rc;

	rs_sheet_init(&sh);
	rc = rs_sheet_read(&sh, path, data, len, RS_SHEET_ANY |
	    (prefer ? RS_SHEET_PREFER : 0), sheet, NULL, err);
	if (rc == 0)
		rc = sheet_table(t, &sh, err);
	rs_sheet_release(&sh);
	return rc;
}

/* An error at label with a row is a cell's: FILE:SHEET!C7. */
static void
locate_cell(struct rs_error *err, const char *label)
{
	if (err != NULL && err->line > 0 && strcmp(err->path, label) == 0)
		err->cell = 1;
}

int
rs_coinr_read_meta_book(struct rs_framework *fw, const char *data,
    size_t len, const char *path, struct rs_error *err)
{
	struct rs_csv_table t;
	char label[sizeof(err->path)];
	int rc;

	rs_csv_table_init(&t);
	rs_framework_release(fw);
	if ((rc = book_table(&t, data, len, path, "iMeta", 1, err)) != 0) {
		rs_csv_table_release(&t);
		return rc;
	}
	snprintf(label, sizeof(label), "%s", t.path);
	if ((rc = meta_table(fw, &t, path, err)) != 0)
		locate_cell(err, label);
	return rc;
}

int
rs_coinr_read_data_book(struct rs_table *t, const struct rs_framework *fw,
    const char *data, size_t len, const char *path, const char *sheet,
    struct rs_error *err)
{
	struct rs_csv_table c;
	char label[sizeof(err->path)];
	int rc;

	rs_csv_table_init(&c);
	rs_table_release(t);
	rs_table_init(t);
	if ((rc = book_table(&c, data, len, path, sheet, 0, err)) != 0) {
		rs_csv_table_release(&c);
		return rc;
	}
	snprintf(label, sizeof(label), "%s", c.path);
	if ((rc = data_table(t, fw, &c, label, err)) != 0)
		locate_cell(err, label);
	return rc;
}

int
rs_coinr_load_data(struct rs_table *t, const struct rs_framework *fw,
    const char *path, struct rs_error *err)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if ((rc = rs_read_file(path, &text, &len, err)) != 0)
		return rc;
	if (rs_sheet_is_zip(text, len))
		rc = rs_coinr_read_data_book(t, fw, text, len, path, NULL, err);
	else
		rc = rs_coinr_read_data(t, fw, text, len, path, err);
	free(text);
	return rc;
}
