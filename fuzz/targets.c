/*
 * targets.c - the fuzzing entry points and the invariants they check
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "base/mem.h"
#include "ingest/readers.h"
#include "ingest/sheet.h"
#include "resilience/load.h"
#include "resilience/dataset.h"
#include "resilience/engine.h"
#include "resilience/framework.h"
#include "resilience/import.h"
#include "resilience/report.h"
#include "resilience/actions.h"
#include "resilience/baseline.h"
#include "resilience/pipeline.h"
#include "resilience/pipeline_spec.h"
#include "resilience/sa_section.h"
#include "resilience/scenario.h"
#include "targets.h"
#include "base/text.h"

/*
 * The framework data files are scored on: tests/data/small.json with a
 * domain on b1 and an Arabic name, so that short fuzzed ids hit it.
 */
static const char small_framework[] =
    "{\"id\": \"small\", \"name\": {\"en\": \"Small\", \"ar\": \"\xd8\xb5\"},\n"
    " \"children\": [\n"
    "  {\"id\": \"A\", \"weight\": 2, \"children\": [\n"
    "   {\"id\": \"a1\", \"worst\": 0, \"best\": 100},\n"
    "   {\"id\": \"a2\", \"weight\": 3, \"worst\": 100, \"best\": 0}]},\n"
    "  {\"id\": \"B\", \"children\": [\n"
    "   {\"id\": \"b1\", \"worst\": 10, \"best\": 20, \"min\": 0, "
    "\"max\": 50},\n"
    "   {\"id\": \"B2\", \"children\": [\n"
    "    {\"id\": \"b2\", \"worst\": 0, \"best\": 10},\n"
    "    {\"id\": \"b3\", \"worst\": 0, \"best\": 10}]}]}]}\n";

static void
init_once(void)
{
	static int done;
	static cJSON_Hooks hooks = {rs_malloc, free};

	if (!done) {
		cJSON_InitHooks(&hooks);	/* as the CLI does */
		done = 1;
	}
}

static int
broken(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what,
	    detail ? ": " : "", detail ? detail : "");
	return -1;
}

/* Printable UTF-8: no C0 or C1 control, no DEL, except '\n' if allowed. */
static int
printable(const char *s, size_t n, int newlines)
{
	size_t bad, i = 0, k;
	uint32_t cp;

	if (rs_utf8_check(s, n, &bad) != 0)
		return 0;
	while (i < n) {
		k = rs_utf8_decode(s + i, n - i, &cp);
		if ((cp < 0x20 && !(newlines && cp == '\n')) ||
		    (cp >= 0x7F && cp <= 0x9F))
			return 0;
		i += k;
	}
	return 1;
}

/*
 * A rejected input: one RS_EINPUT error naming the file, located on one of
 * its lines, whose formatted form is a single printable line.
 */
static int
check_error(const struct rs_error *err, int rc, const char *name,
    const unsigned char *data, size_t size)
{
	char line[1200];
	long nlines = 1;
	size_t i, n;
	unsigned char last;

	if (rc != RS_EINPUT || err->code != RS_EINPUT)
		return broken("a rejected input is not RS_EINPUT", err->msg);
	if (strcmp(err->path, name) != 0)
		return broken("the error does not name the file", err->path);
	for (i = 0; i < size; i += n) {
		n = rs_line_len((const char *)data + i, size - i);
		last = data[i + n - 1];
		nlines += last == '\n' || last == '\r';
	}
	if (err->line < 1 || err->col < 1 || err->line > nlines)
		return broken("the error is not located in the file",
		    rs_error_format(err, line, sizeof(line)));
	if (err->msg[0] == '\0')
		return broken("empty error message", NULL);
	rs_error_format(err, line, sizeof(line));
	if (!printable(line, strlen(line), 0))
		return broken("the error line is not printable UTF-8", line);
	return 0;
}

/* Scores are null or in [0, 100], coverages in [0, 1]. */
static int
check_results(const struct rs_framework *fw, const struct rs_results *res)
{
	size_t i, k;

	for (i = 0; i < res->ncities; i++) {
		const struct rs_city_result *c = &res->cities[i];

		if (!isnan(c->score) && !(c->score >= 0 && c->score <=
		    100 + 1e-9))
			return broken("city score out of [0, 100]", c->name);
		if (!(c->coverage >= 0 && c->coverage <= 1 + 1e-12))
			return broken("coverage out of [0, 1]", c->name);
		if (isnan(c->score) != (c->level == RS_NONE))
			return broken("level and score disagree", c->name);
		for (k = 0; k < fw->nnodes; k++) {
			double s = c->score_of[k];

			if (!isnan(s) && !(s >= 0 && s <= 100 + 1e-9))
				return broken("node score out of [0, 100]",
				    fw->nodes[k].id);
			if (!isnan(c->gain_of[k]) && !(c->gain_of[k] >= 0 &&
			    c->gain_of[k] <= 100 + 1e-9))
				return broken("gain out of [0, 100]",
				    fw->nodes[k].id);
		}
	}
	return 0;
}

/* Both reports: printable text, and JSON that gives back the names. */
static int
check_reports(const struct rs_report *r)
{
	struct rs_error err = {0};
	char *buf = NULL;
	size_t len = 0, i;
	FILE *mem;
	cJSON *root = NULL;
	const cJSON *cities, *c;
	int rc = 0;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		abort();
	if (rs_report_text(mem, r, &err) != 0)
		rc = broken("the text report failed", err.msg);
	fclose(mem);
	/* ANSI colours are the only escapes a text report may hold. */
	if (rc == 0 && !(r->color ? rs_utf8_check(buf, len, &i) == 0 :
	    printable(buf, len, 1)))
		rc = broken("the text report is not printable UTF-8", NULL);
	free(buf);
	buf = NULL;
	if (rc != 0)
		return rc;

	if ((mem = open_memstream(&buf, &len)) == NULL)
		abort();
	if (rs_report_json(mem, r, &err) != 0)
		rc = broken("the JSON report failed", err.msg);
	fclose(mem);
	if (rc == 0 && (root = cJSON_ParseWithLength(buf, len)) == NULL)
		rc = broken("the JSON report does not parse", NULL);
	cities = cJSON_GetObjectItemCaseSensitive(root, "cities");
	if (rc == 0 && (size_t)cJSON_GetArraySize(cities) != r->res->ncities)
		rc = broken("the JSON report lacks cities", NULL);
	for (i = 0, c = cities ? cities->child : NULL; rc == 0 && c != NULL;
	    i++, c = c->next) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(c, "city");

		if (!cJSON_IsString(name) ||
		    strcmp(name->valuestring, r->res->cities[i].name) != 0)
			rc = broken("a city name does not survive the JSON "
			    "report", r->res->cities[i].name);
	}
	cJSON_Delete(root);
	free(buf);
	return rc;
}

/* Score the data read into ds and check results and reports. */
static int
score_and_report(const struct rs_framework *fw, const struct rs_dataset *ds)
{
	size_t n = ds->ncities * fw->nindicators, i;
	size_t *chosen = rs_calloc(n, sizeof(*chosen));
	double *values = rs_calloc(n, sizeof(*values));
	const char **names = rs_calloc(ds->ncities, sizeof(*names));
	struct rs_results res;
	struct rs_report r = {0};
	int rc;

	rs_dataset_select(ds, 0, 0, chosen);
	for (i = 0; i < n; i++)
		values[i] = chosen[i] == RS_NONE ? (double)NAN :
		    rs_dataset_obs(ds, chosen[i])->value;
	for (i = 0; i < ds->ncities; i++)
		names[i] = ds->cities[i].name;
	rs_engine_score(fw, ds->ncities, names, values, &res);
	r.fw = fw;
	r.res = &res;
	r.ds = ds;
	r.chosen = chosen;
	r.top = 5;
	rc = check_results(fw, &res);
	if (rc == 0)
		rc = check_reports(&r);
	if (rc == 0) {
		r.lang = "ar";
		r.color = 1;
		rc = check_reports(&r);
	}
	rs_results_release(&res);
	free(chosen);
	free(values);
	free(names);
	return rc;
}

/* The framework data is scored on, loaded once, released at exit. */
static struct rs_framework small_fw;

static void
release_small_fw(void)
{
	rs_framework_release(&small_fw);
}

/* Load the framework data is scored on, once. */
static int
load_small_fw(void)
{
	static int loaded;
	struct rs_error err = {0};

	init_once();
	if (!loaded) {
		rs_framework_init(&small_fw);
		if (rs_framework_load_json(&small_fw, small_framework,
		    strlen(small_framework), "small.json", &err) != 0)
			return broken("the built-in framework is rejected",
			    err.msg);
		atexit(release_small_fw);
		loaded = 1;
	}
	return 0;
}

static int
data_one(const unsigned char *data, size_t size, enum rs_input_format format,
    const char *name)
{
	struct rs_framework *fw = &small_fw;
	struct rs_dataset ds;
	struct rs_error err = {0};
	int rc;

	if ((rc = load_small_fw()) != 0)
		return rc;
	rs_dataset_init(&ds, fw);
	rc = rs_dataset_read_text(&ds, name, (const char *)data, size, format,
	    &err);
	if (rc != 0) {
		rc = check_error(&err, rc, name, data, size);
	} else if (ds.ncities > 0) {
		rc = score_and_report(fw, &ds);
		/* The same cities again from a second file: an error. */
		if (rc == 0) {
			rs_error_clear(&err);
			rc = rs_dataset_read_text(&ds, name, (const char *)data,
			    size, format, &err);
			rc = rc == 0 ? broken("a city defined twice is "
			    "accepted", NULL) : check_error(&err, rc, name,
			    data, size);
		}
	}
	rs_dataset_release(&ds);
	return rc;
}

int
fuzz_csv_one(const unsigned char *data, size_t size)
{
	return data_one(data, size, RS_INPUT_CSV, "fuzz.csv");
}

int
fuzz_json_one(const unsigned char *data, size_t size)
{
	return data_one(data, size, RS_INPUT_JSON, "fuzz.json");
}

/* An error about a workbook: located, naming it, printable. */
static int
check_sheet_error(const struct rs_error *err, int rc, const char *name)
{
	char line[1200];

	if (rc != RS_EINPUT || err->code != RS_EINPUT)
		return broken("a rejected workbook is not RS_EINPUT", err->msg);
	if (strncmp(err->path, name, strlen(name)) != 0)
		return broken("the error does not name the workbook", err->path);
	if (err->line < 1 || (!err->cell && err->col < 1))
		return broken("the error is not located",
		    rs_error_format(err, line, sizeof(line)));
	if (err->msg[0] == '\0')
		return broken("empty error message", NULL);
	rs_error_format(err, line, sizeof(line));
	if (!printable(line, strlen(line), 0))
		return broken("the error line is not printable UTF-8", line);
	return 0;
}

/* The cells of a sheet: in order, each once, inside it, well formed. */
static int
check_cells(const struct rs_sheet *sh)
{
	const struct rs_cell *c;
	size_t i, bad;

	for (i = 0; i < sh->ncells; i++) {
		c = &sh->cells[i];
		if (c->row < 1 || c->row > RS_SHEET_MAX_ROWS || c->col < 1 ||
		    c->col > RS_SHEET_MAX_COLS)
			return broken("a cell outside the sheet", NULL);
		if (i > 0 && (c->row < c[-1].row || (c->row == c[-1].row &&
		    c->col <= c[-1].col)))
			return broken("cells out of order or given twice", NULL);
		switch (c->kind) {
		case RS_CELL_TEXT:
		case RS_CELL_DATE:
		case RS_CELL_ERROR:
			if (c->text == NULL || strlen(c->text) != c->len ||
			    rs_utf8_check(c->text, c->len, &bad) != 0)
				return broken("cell text is not UTF-8 of its "
				    "length", NULL);
			if (c->kind == RS_CELL_TEXT && c->len == 0)
				return broken("an empty text cell is kept", NULL);
			break;
		case RS_CELL_NUMBER:
		case RS_CELL_BOOL:
			if (!isfinite(c->num))
				return broken("a number cell is not finite",
				    NULL);
			break;
		case RS_CELL_NOVALUE:
			break;
		default:
			return broken("a cell of no kind", NULL);
		}
	}
	return 0;
}

/*
 * Parts of a workbook written out one after the other, each after a line
 * "@@ NAME", so that the fuzzer mutates the XML itself rather than
 * compressed bytes under a CRC.  Returns the number of parts (at most
 * max).
 */
static size_t
split_parts(const char *s, size_t n, struct rs_sheet_part *parts,
    size_t max, char names[][64])
{
	const char *end = s + n, *p = s, *nl, *next;
	size_t k = 0, len;

	while (p + 3 <= end && k < max && memcmp(p, "@@ ", 3) == 0) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		len = (size_t)(nl - p - 3);
		snprintf(names[k], 64, "%.*s", (int)(len < 63 ? len : 63),
		    p + 3);
		next = nl + 1;
		while (next < end && !(next + 4 <= end && memcmp(next, "\n@@ ",
		    4) == 0))
			next++;
		parts[k].name = names[k];
		parts[k].data = nl + 1;
		parts[k].len = (size_t)(next - nl - 1);
		k++;
		p = next < end ? next + 1 : end;
	}
	return k;
}

int
fuzz_sheet_one(const unsigned char *data, size_t size)
{
	static const struct rs_sheet_limits lim = {(size_t)16 << 20, 100000};
	struct rs_framework *fw = &small_fw;
	struct rs_sheet_part parts[16];
	char names[16][64];
	struct rs_dataset ds;
	struct rs_sheet sh;
	struct rs_error err = {0};
	size_t nparts = 0;
	int rc, zip = rs_sheet_is_zip((const char *)data, size);

	if ((rc = load_small_fw()) != 0)
		return rc;
	if (!zip)
		nparts = split_parts((const char *)data, size, parts, 16,
		    names);
	rs_sheet_init(&sh);
	rc = zip ? rs_sheet_read(&sh, "fuzz.xlsx", (const char *)data, size,
	    RS_SHEET_ANY, NULL, &lim, &err) : rs_sheet_read_parts(&sh,
	    "fuzz.xlsx", parts, nparts, RS_SHEET_ANY, NULL, &lim, &err);
	if (rc != 0) {
		rc = check_sheet_error(&err, rc, "fuzz.xlsx");
		rs_sheet_release(&sh);
		return rc;
	}
	rc = check_cells(&sh);
	/* Within the small limits: read as data, as the command does. */
	rs_dataset_init(&ds, fw);
	rs_error_clear(&err);
	if (rc == 0) {
		rc = rs_load_sheet(&ds, &sh, size, &err);
		if (rc != 0)
			rc = check_sheet_error(&err, rc, "fuzz.xlsx");
		else if (ds.ncities > 0)
			rc = score_and_report(fw, &ds);
	}
	rs_sheet_release(&sh);
	rs_dataset_release(&ds);
	return rc;
}

/* Each node can be found by its id; indicators have distinct goalposts. */
static int
check_framework(const struct rs_framework *fw)
{
	size_t i;

	if (fw->nnodes == 0 || fw->nindicators == 0 || fw->ntop == 0)
		return broken("an empty framework is accepted", NULL);
	if (fw->nlevels == 0 || fw->levels[0].min > 0 ||
	    fw->levels[0].min < 0)
		return broken("levels do not start at 0", NULL);
	for (i = 1; i < fw->nlevels; i++)
		if (!(fw->levels[i].min > fw->levels[i - 1].min))
			return broken("levels do not ascend", NULL);
	for (i = 0; i < fw->nnodes; i++) {
		const struct rs_node *node = &fw->nodes[i];

		if (rs_framework_find(fw, node->id, strlen(node->id)) != i)
			return broken("a node is not found by its id",
			    node->id);
		if (!(node->weight > 0) || !isfinite(node->weight))
			return broken("a weight is not positive", node->id);
		if (node->nchildren == 0 && !(node->worst < node->best ||
		    node->worst > node->best))
			return broken("worst equals best", node->id);
	}
	return 0;
}

int
fuzz_framework_one(const unsigned char *data, size_t size)
{
	static const char *const names[] = {"worst", "best", "mixed"};
	struct rs_framework fw;
	struct rs_error err = {0};
	struct rs_results res;
	struct rs_report r = {0};
	double *values;
	size_t i, k, n;
	int rc;

	init_once();
	rs_framework_init(&fw);
	rc = rs_framework_load_json(&fw, (const char *)data, size,
	    "fuzz-framework.json", &err);
	if (rc != 0) {
		rc = check_error(&err, rc, "fuzz-framework.json", data, size);
		rs_framework_release(&fw);
		return rc;
	}
	if ((rc = check_framework(&fw)) != 0) {
		rs_framework_release(&fw);
		return rc;
	}
	/* Three cities: every indicator at worst, at best, and a mix. */
	n = fw.nindicators;
	values = rs_calloc(3 * n, sizeof(*values));
	for (k = 0; k < n; k++) {
		const struct rs_node *node = &fw.nodes[fw.indicators[k]];

		values[k] = node->worst;
		values[n + k] = node->best;
		i = (size_t)data[k % size];
		values[2 * n + k] = i % 3 == 0 ? (double)NAN : i % 3 == 1 ?
		    node->worst + (node->best - node->worst) * (double)i / 255 :
		    node->best * 2 - node->worst;
		if (!isfinite(values[2 * n + k]))
			values[2 * n + k] = node->best;
	}
	rs_engine_score(&fw, 3, names, values, &res);
	rc = check_results(&fw, &res);
	r.fw = &fw;
	r.res = &res;
	r.top = 5;
	if (rc == 0)
		rc = check_reports(&r);
	rs_results_release(&res);
	free(values);
	rs_framework_release(&fw);
	return rc;
}

/*
 * The readers added since the first harnesses: baselines, COINr's iMeta
 * and iData, the framework's sections, scenario and actions files.
 */

/* Scores of a baseline: null or in [0, 100]; every city found by its id. */
int
fuzz_baseline_one(const unsigned char *data, size_t size)
{
	static const char name[] = "fuzz-baseline.json";
	struct rs_baseline b;
	struct rs_error err = {0};
	size_t i, k;
	int rc;

	if ((rc = load_small_fw()) != 0)
		return rc;
	rs_baseline_init(&b);
	rc = rs_baseline_load_text(&b, &small_fw, (const char *)data, size,
	    name, &err);
	if (rc != 0) {
		rc = check_error(&err, rc, name, data, size);
		rs_baseline_release(&b);
		return rc;
	}
	for (i = 0; rc == 0 && i < b.ncities; i++) {
		if (!isnan(b.score[i]) && !(b.score[i] >= 0 &&
		    b.score[i] <= 100))
			rc = broken("a baseline score out of [0, 100]",
			    b.cities[i]);
		else if (rs_baseline_find(&b, b.ids[i]) != i)
			rc = broken("a baseline city is not found by its id",
			    b.ids[i]);
		else if (!printable(b.cities[i], strlen(b.cities[i]), 1) &&
		    rs_utf8_check(b.cities[i], strlen(b.cities[i]), &k) != 0)
			rc = broken("a baseline city name is not UTF-8",
			    NULL);
		for (k = 0; rc == 0 && k < b.nnodes; k++) {
			double s = b.score_of[i * b.nnodes + k];

			if (!isnan(s) && !(s >= 0 && s <= 100))
				rc = broken("a baseline node score out of "
				    "[0, 100]", b.cities[i]);
		}
		for (k = 0; rc == 0 && k < b.nindicators; k++) {
			double v = b.value[i * b.nindicators + k];

			if (!isnan(v) && !isfinite(v))
				rc = broken("a baseline value is infinite",
				    b.cities[i]);
		}
	}
	rs_baseline_release(&b);
	return rc;
}

/* Weights positive and finite, ids found; goalposts distinct if any. */
static int
check_pipeline_framework(const struct rs_framework *fw)
{
	size_t i;

	if (fw->nnodes == 0 || fw->nindicators == 0 || fw->ntop == 0)
		return broken("an empty framework is accepted", NULL);
	for (i = 0; i < fw->nnodes; i++) {
		const struct rs_node *node = &fw->nodes[i];

		if (rs_framework_find(fw, node->id, strlen(node->id)) != i)
			return broken("a node is not found by its id",
			    node->id);
		if (!(node->weight >= 0) || !isfinite(node->weight))
			return broken("a weight is negative or not finite",
			    node->id);
		if (node->nchildren == 0 && node->has_goalposts &&
		    !(node->worst < node->best || node->worst > node->best))
			return broken("worst equals best", node->id);
	}
	return 0;
}

/* Run fw's pipeline on t; a failure is one printable RS_EINPUT error. */
static int
run_pipeline(const struct rs_framework *fw, const struct rs_table *t)
{
	struct rs_pipeline_result res = {0};
	struct rs_error err = {0};
	char line[1200];
	size_t i, k;
	int rc;

	if ((rc = rs_pipeline_check(fw, fw->pipeline, &err)) == 0)
		rc = rs_pipeline_run(fw, fw->pipeline, t, &res, &err);
	if (rc != 0) {
		rs_pipeline_result_release(&res);
		if (rc != RS_EINPUT || err.msg[0] == '\0')
			return broken("a pipeline failure is not RS_EINPUT",
			    err.msg);
		rs_error_format(&err, line, sizeof(line));
		if (!printable(line, strlen(line), 0))
			return broken("the error line is not printable UTF-8",
			    line);
		return 0;
	}
	for (i = 0; rc == 0 && i < res.nunits; i++) {
		if (!isnan(res.index[i]) && !isfinite(res.index[i]))
			rc = broken("an index is infinite", NULL);
		for (k = 0; rc == 0 && k < fw->nnodes; k++) {
			double s = res.scores[i * fw->nnodes + k];

			if (!isnan(s) && !isfinite(s))
				rc = broken("a pipeline score is infinite",
				    fw->nodes[k].id);
		}
	}
	rs_pipeline_result_release(&res);
	return rc;
}

/* The COINr example of tests/data/coinr/: the iMeta, and its iData. */
static const char coinr_meta[] =
    "Level,iCode,iName,Direction,Weight,Target,Denominator,Parent,Type\n"
    "1,a,Alpha,1,1,,,P,Indicator\n"
    "1,b,Beta,-1,2,5,pop,P,Indicator\n"
    "1,c,Gamma,1,1,,,Q,Indicator\n"
    "2,P,Pillar P,,1,,,Idx,Aggregate\n"
    "2,Q,Pillar Q,,1,,,Idx,Aggregate\n"
    "3,Idx,Index,,1,,,,Aggregate\n"
    ",grp,Group,,,,,,Group\n"
    ",pop,Population,,,,,,Denominator\n";

static const char coinr_data[] =
    "uName,uCode,grp,pop,a,b,c\n"
    "Aland,A,x,10,1,5,3\n"
    "Bland,B,x,20,3,,0\n"
    "Cland,C,y,40,2,8,1\n"
    "Dland,D,y,10,4,2,2\n";

/* The data as a COINr iMeta file; the example's iData run on it. */
int
fuzz_imeta_one(const unsigned char *data, size_t size)
{
	static const char name[] = "fuzz-imeta.csv";
	struct rs_framework fw;
	struct rs_table t;
	struct rs_error err = {0};
	int rc;

	init_once();
	rs_framework_init(&fw);
	rc = rs_coinr_read_meta(&fw, (const char *)data, size, name, &err);
	if (rc != 0) {
		rc = check_error(&err, rc, name, data, size);
		rs_framework_release(&fw);
		return rc;
	}
	if ((rc = check_pipeline_framework(&fw)) == 0 && fw.pipeline == NULL)
		rc = broken("an iMeta framework without a pipeline", NULL);
	rs_table_init(&t);
	if (rc == 0 && rs_coinr_read_data(&t, &fw, coinr_data,
	    sizeof(coinr_data) - 1, "data.csv", &err) == 0)
		rc = run_pipeline(&fw, &t);
	rs_table_release(&t);
	rs_framework_release(&fw);
	return rc;
}

/* The example's iMeta framework, loaded once, released at exit. */
static struct rs_framework coinr_fw;

static void
release_coinr_fw(void)
{
	rs_framework_release(&coinr_fw);
}

/* The data as a COINr iData file on the example's iMeta, then run. */
int
fuzz_idata_one(const unsigned char *data, size_t size)
{
	static const char name[] = "fuzz-idata.csv";
	static int loaded;
	struct rs_table t;
	struct rs_error err = {0};
	size_t i, k;
	int rc;

	init_once();
	if (!loaded) {
		rs_framework_init(&coinr_fw);
		if (rs_coinr_read_meta(&coinr_fw, coinr_meta,
		    sizeof(coinr_meta) - 1, "meta.csv", &err) != 0)
			return broken("the built-in iMeta is rejected",
			    err.msg);
		atexit(release_coinr_fw);
		loaded = 1;
	}
	rs_table_init(&t);
	rc = rs_coinr_read_data(&t, &coinr_fw, (const char *)data, size, name,
	    &err);
	if (rc != 0) {
		rc = check_error(&err, rc, name, data, size);
		rs_table_release(&t);
		return rc;
	}
	for (i = 0; rc == 0 && i < t.nrows; i++)
		for (k = 0; rc == 0 && k < t.nind; k++)
			if (!isnan(t.x[i * t.nind + k]) &&
			    !isfinite(t.x[i * t.nind + k]))
				rc = broken("an iData value is infinite",
				    t.unit[i]);
	if (rc == 0)
		rc = run_pipeline(&coinr_fw, &t);
	rs_table_release(&t);
	return rc;
}

/*
 * A framework section: the data is the value of key in the small
 * framework (its last key, so that positions past the data are few).
 */
static int
section_one(const unsigned char *data, size_t size, const char *key,
    struct rs_framework *fw, char **textp, size_t *lenp, int *rejected)
{
	static const char name[] = "fuzz-section.json";
	static const char head[] =
	    "{\"id\": \"small\", \"min_coverage\": 0.5,\n"
	    " \"children\": [\n"
	    "  {\"id\": \"A\", \"weight\": 2, \"children\": [\n"
	    "   {\"id\": \"a1\", \"worst\": 0, \"best\": 100},\n"
	    "   {\"id\": \"a2\", \"weight\": 3, \"worst\": 100, \"best\": 0}]},\n"
	    "  {\"id\": \"B\", \"children\": [\n"
	    "   {\"id\": \"b1\", \"worst\": 10, \"best\": 20, \"min\": 0, "
	    "\"max\": 50},\n"
	    "   {\"id\": \"b2\", \"worst\": 0, \"best\": 10}]}],\n"
	    " \"";
	size_t nhead = sizeof(head) - 1, nkey = strlen(key);
	size_t len = nhead + nkey + 3 + size + 2;
	char *text = rs_malloc(len + 1);
	struct rs_error err = {0};
	int rc;

	init_once();
	snprintf(text, len + 1, "%s%s\": ", head, key);
	if (size > 0)
		memcpy(text + nhead + nkey + 3, data, size);
	memcpy(text + len - 2, "}\n", 3);
	rs_framework_init(fw);
	rc = rs_framework_load_json(fw, text, len, name, &err);
	*rejected = rc != 0;
	if (rc != 0)
		rc = check_error(&err, rc, name, (const unsigned char *)text,
		    len);
	else
		rc = check_pipeline_framework(fw);
	*textp = text;
	*lenp = len;
	return rc;
}

/* The data as a framework's "pipeline" section, run on made-up data. */
int
fuzz_pipeline_one(const unsigned char *data, size_t size)
{
	static const char csv[] =
	    "uCode,a1,a2,b1,b2,pop\nU1,1,5,12,3,10\nU2,3,2,18,,20\n"
	    "U3,2,8,11,1,40\nU4,4,2,,2,10\n";
	struct rs_framework fw;
	struct rs_table t;
	struct rs_error err = {0};
	char *text;
	size_t len;
	int rc, rejected;

	rc = section_one(data, size, "pipeline", &fw, &text, &len, &rejected);
	if (rc == 0 && !rejected && fw.pipeline != NULL) {
		rs_table_init(&t);
		if (rs_coinr_read_data(&t, &fw, csv, sizeof(csv) - 1,
		    "data.csv", &err) == 0)
			rc = run_pipeline(&fw, &t);
		rs_table_release(&t);
	}
	rs_framework_release(&fw);
	free(text);
	return rc;
}

/* The data as a framework's "sensitivity" section: settings in range. */
int
fuzz_sensitivity_one(const unsigned char *data, size_t size)
{
	struct rs_framework fw;
	const struct rs_sa_section *s;
	char *text;
	size_t len, i;
	int rc, rejected;

	rc = section_one(data, size, "sensitivity", &fw, &text, &len,
	    &rejected);
	if (rc == 0 && !rejected && (s = fw.sensitivity) != NULL) {
		if (s->has_weights && !(s->weight_noise >= 0 &&
		    s->weight_noise <= 1))
			rc = broken("a weight noise out of [0, 1]", NULL);
		else if (s->has_goalposts && !(s->goalpost_noise >= 0 &&
		    s->goalpost_noise <= 1))
			rc = broken("a goalpost noise out of [0, 1]", NULL);
		else if (s->nnorms > RS_SA_MAXALT || s->naggs > RS_SA_MAXALT)
			rc = broken("too many alternatives", NULL);
		else if (s->has_runs && s->runs == 0)
			rc = broken("zero runs are accepted", NULL);
		for (i = 0; rc == 0 && i < s->nnorms; i++) {
			char why[256];

			if (rs_norm_spec_check(&s->norms[i], why,
			    sizeof(why)) != 0)
				rc = broken("an alternative normaliser is "
				    "invalid", why);
		}
	}
	rs_framework_release(&fw);
	free(text);
	return rc;
}

/* The data as a framework's "shock" section: ordered years, indicators. */
int
fuzz_shock_one(const unsigned char *data, size_t size)
{
	struct rs_framework fw;
	const struct rs_shock_section *s;
	char *text;
	size_t len, i;
	int rc, rejected;

	rc = section_one(data, size, "shock", &fw, &text, &len, &rejected);
	if (rc == 0 && !rejected && (s = fw.shock) != NULL) {
		if (!(s->before < s->shock && s->shock < s->after))
			rc = broken("the shock's years are not in order",
			    NULL);
		for (i = 0; rc == 0 && i < s->nseries; i++)
			if (s->series[i] >= fw.nnodes ||
			    fw.nodes[s->series[i]].nchildren != 0)
				rc = broken("a shock series is not an "
				    "indicator", NULL);
	}
	rs_framework_release(&fw);
	free(text);
	return rc;
}

/* A directory of its own for the files the file readers need. */
static char fuzz_dir[64];

static void
remove_fuzz_dir(void)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/in.csv", fuzz_dir);
	remove(path);
	rmdir(fuzz_dir);
}

/* Write data[0..size) to in.csv in that directory; its path, or NULL. */
static const char *
write_input(const unsigned char *data, size_t size)
{
	static char path[128];
	FILE *f;

	if (fuzz_dir[0] == '\0') {
		snprintf(fuzz_dir, sizeof(fuzz_dir), "/tmp/rs-fuzz-XXXXXX");
		if (mkdtemp(fuzz_dir) == NULL)
			return NULL;
		atexit(remove_fuzz_dir);
	}
	snprintf(path, sizeof(path), "%s/in.csv", fuzz_dir);
	if ((f = fopen(path, "wb")) == NULL)
		return NULL;
	if ((size > 0 && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		return NULL;
	return path;
}

/* The data as a scenario file (whatif --scenario) on the small framework. */
int
fuzz_scenario_one(const unsigned char *data, size_t size)
{
	struct rs_scenario sc;
	struct rs_error err = {0};
	const char *path;
	size_t i;
	int rc;

	if ((rc = load_small_fw()) != 0)
		return rc;
	if ((path = write_input(data, size)) == NULL)
		return broken("cannot write the input file", NULL);
	rs_scenario_init(&sc);
	rc = rs_scenario_read_file(&sc, &small_fw, path, &err);
	if (rc != 0) {
		rc = check_error(&err, rc, path, data, size);
		rs_scenario_release(&sc);
		return rc;
	}
	for (i = 0; rc == 0 && i < sc.nchanges; i++) {
		const struct rs_scenario_change *c = &sc.changes[i];

		if (c->node >= small_fw.nnodes ||
		    small_fw.nodes[c->node].nchildren != 0)
			rc = broken("a change of no indicator", c->city);
		else if (!isfinite(c->amount))
			rc = broken("a change is not finite", c->city);
		else if (c->line < 1 || c->col < 1)
			rc = broken("a change is not located", c->city);
	}
	rs_scenario_release(&sc);
	return rc;
}

/* The data as an actions file (plan --actions) on the small framework. */
int
fuzz_actions_one(const unsigned char *data, size_t size)
{
	struct rs_actions a;
	struct rs_error err = {0};
	const char *path;
	size_t i, k;
	int rc;

	if ((rc = load_small_fw()) != 0)
		return rc;
	if ((path = write_input(data, size)) == NULL)
		return broken("cannot write the input file", NULL);
	rs_actions_init(&a);
	rc = rs_actions_read_file(&a, &small_fw, path, &err);
	if (rc != 0) {
		rc = check_error(&err, rc, path, data, size);
		rs_actions_release(&a);
		return rc;
	}
	for (i = 0; rc == 0 && i < a.nitems; i++) {
		const struct rs_action *x = &a.items[i];

		if (x->start > x->end)
			rc = broken("an action ends before it starts", x->id);
		for (k = 0; rc == 0 && k < i; k++)
			if (strcmp(a.items[k].id, x->id) == 0)
				rc = broken("two actions of one id", x->id);
		for (k = 0; rc == 0 && k < x->nmoves; k++)
			if (x->moves[k].node >= small_fw.nnodes ||
			    small_fw.nodes[x->moves[k].node].nchildren != 0 ||
			    !isfinite(x->moves[k].amount))
				rc = broken("a move of no indicator or not "
				    "finite", x->id);
	}
	rs_actions_release(&a);
	return rc;
}

/* One reading of data as a World Bank file: fuzz_import_one(). */
static int
import_read(const unsigned char *data, size_t size, const char *name,
    const char *code, const char *iso3)
{
	struct rs_pubset set;
	struct rs_error err = {0};
	long nlines = 1;
	size_t i, n, bad;
	int rc;

	for (i = 0; i < size; i += n) {
		n = rs_line_len((const char *)data + i, size - i);
		nlines += data[i + n - 1] == '\n' || data[i + n - 1] == '\r';
	}
	rs_pub_init(&set);
	rc = rs_pub_read(&set, (const char *)data, size, name, code, iso3,
	    &err);
	if (rc != 0) {
		rc = check_error(&err, rc, name, data, size);
		goto out;
	}
	for (i = 0; i < set.nobs && rc == 0; i++) {
		const struct rs_pub *o = &set.obs[i];

		if (!isfinite(o->value))
			rc = broken("a value that is not finite", NULL);
		else if (o->year < 1800 || o->year > 2200)
			rc = broken("a year outside 1800..2200", NULL);
		else if (o->line < 2 || o->line > nlines)
			rc = broken("a value not on a data line", NULL);
		else if (o->code[0] == '\0' || rs_utf8_check(o->code,
		    strlen(o->code), &bad) != 0 || strcmp(o->path, name) != 0)
			rc = broken("a bad series code or path", o->code);
		else if (rs_utf8_check(o->country, strlen(o->country),
		    &bad) != 0)
			rc = broken("a country name that is not UTF-8", NULL);
		else if (iso3 != NULL && strcmp(o->iso3, iso3) != 0)
			rc = broken("a value of another country", o->iso3);
		for (n = 0; rc == 0 && o->code[n] != '\0'; n++)
			if (o->code[n] >= 'a' && o->code[n] <= 'z')
				rc = broken("a series code not in upper case",
				    o->code);
	}
out:
	rs_pub_release(&set);
	return rc;
}

int
fuzz_import_one(const unsigned char *data, size_t size)
{
	int rc;

	/* a data-package file's series is its folder's name ... */
	if ((rc = import_read(data, size, "indicators/sl.uem.totl.zs/data.csv",
	    NULL, NULL)) != 0)
		return rc;
	/* ... or given; and the rows of one country only */
	return import_read(data, size, "fuzz.csv", "FP.CPI.TOTL.ZG", "LBN");
}
