/*
 * scenario.c - what-if changes and plan targets from the command line and
 * from CSV files (scenario.h)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "io/csv_table.h"
#include "resilience/scenario.h"

void
rs_scenario_init(struct rs_scenario *sc)
{
	memset(sc, 0, sizeof(*sc));
	sc->pool = rs_malloc(sizeof(*sc->pool));
	rs_pool_init(sc->pool);
}

void
rs_scenario_release(struct rs_scenario *sc)
{
	free(sc->changes);
	if (sc->pool != NULL)
		rs_pool_release(sc->pool);
	free(sc->pool);
	memset(sc, 0, sizeof(*sc));
}

int
rs_change_parse(const char *s, enum rs_change_op *op, double *amount,
    const char **why)
{
	size_t n = strlen(s);
	const char *num = s;
	double v;

	*why = "is not a number";
	if (n == 0) {
		*why = "is empty";
		return -1;
	}
	if (s[0] == '=') {
		*op = RS_CHANGE_SET;
		num = s + 1;
		n--;
	} else if (s[0] == '+' || s[0] == '-') {
		*op = RS_CHANGE_ADD;
		if (s[n - 1] == '%') {
			*op = RS_CHANGE_PERCENT;
			n--;
		}
	} else {
		*op = RS_CHANGE_SET;
	}
	/* The sign stays with the number: "-5" adds -5. */
	if (n == 0 || rs_number_parse(num, n, &v, why) != RS_NUMBER_OK)
		return -1;
	if (*op == RS_CHANGE_PERCENT && !(v >= -100)) {
		*why = "is below -100%, which would turn the value's sign";
		return -1;
	}
	*amount = v;
	return 0;
}

static void
add(struct rs_scenario *sc, const struct rs_scenario_change *c)
{
	rs_grow(&sc->changes, &sc->cap, sc->nchanges + 1, sizeof(*c));
	sc->changes[sc->nchanges++] = *c;
}

/* The indicator named s[0..n), or RS_NONE. */
static size_t
indicator(const struct rs_framework *fw, const char *s, size_t n)
{
	size_t i = rs_framework_find(fw, s, n);

	return i != RS_NONE && fw->nodes[i].nchildren == 0 ? i : RS_NONE;
}

int
rs_scenario_add_spec(struct rs_scenario *sc, const struct rs_framework *fw,
    const char *spec, struct rs_error *err)
{
	const char *eq = strrchr(spec, '='), *colon, *why;
	struct rs_scenario_change c;
	char *city;

	memset(&c, 0, sizeof(c));
	/* "=-0.5" sets a negative value: the '=' of the change is kept. */
	while (eq != NULL && eq > spec && eq[-1] == '=')
		eq--;
	if (eq == NULL)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--set takes "
		    "CITY:INDICATOR=CHANGE, not '%s'", spec);
	c.node = RS_NONE;
	for (colon = spec; (colon = memchr(colon, ':', (size_t)(eq -
	    colon))) != NULL; colon++)
		if ((c.node = indicator(fw, colon + 1, (size_t)(eq - colon -
		    1))) != RS_NONE)
			break;
	if (c.node == RS_NONE || colon == spec)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--set '%s': "
		    "no CITY:INDICATOR before '=' names an indicator of "
		    "framework \"%s\"", spec, fw->id);
	if (rs_change_parse(eq + 1, &c.op, &c.amount, &why) != 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--set '%s': "
		    "the change '%s' %s; write a value, =VALUE, +N, -N, "
		    "+N%% or -N%%", spec, eq + 1, why);
	city = rs_pool_strndup(sc->pool, spec, (size_t)(colon - spec));
	c.city = city;
	c.path = "--set";
	add(sc, &c);
	return 0;
}

int
rs_scenario_read_file(struct rs_scenario *sc, const struct rs_framework *fw,
    const char *path, struct rs_error *err)
{
	struct rs_csv_table t;
	size_t row, ccity, cind, cval, cchg, cnote;
	const char *why, *v, *ch, *id;
	struct rs_scenario_change c;
	int rc;

	rs_csv_table_init(&t);
	if ((rc = rs_csv_table_load(&t, path, err)) != 0)
		goto out;
	ccity = rs_csv_table_column(&t, "city");
	cind = rs_csv_table_column(&t, "indicator");
	cval = rs_csv_table_column(&t, "value");
	cchg = rs_csv_table_column(&t, "change");
	cnote = rs_csv_table_column(&t, "note");
	if (ccity == RS_NONE || cind == RS_NONE || (cval == RS_NONE &&
	    cchg == RS_NONE)) {
		rc = rs_error_set(err, RS_EINPUT, path, 1, 1, "a scenario "
		    "needs the columns city, indicator and value or change");
		goto out;
	}
	for (row = 1; row < t.nrows; row++) {
		memset(&c, 0, sizeof(c));
		c.path = rs_pool_strdup(sc->pool, path);
		c.line = t.line[row];
		id = rs_csv_table_get(&t, row, cind);
		v = cval != RS_NONE ? rs_csv_table_get(&t, row, cval) : "";
		ch = cchg != RS_NONE ? rs_csv_table_get(&t, row, cchg) : "";
		c.city = rs_pool_strdup(sc->pool, rs_csv_table_get(&t, row,
		    ccity));
		if (c.city[0] == '\0') {
			rc = rs_error_set(err, RS_EINPUT, path, c.line,
			    (long)ccity + 1, "no city");
			goto out;
		}
		if ((c.node = indicator(fw, id, strlen(id))) == RS_NONE) {
			rc = rs_error_set(err, RS_EINPUT, path, c.line,
			    (long)cind + 1, "\"%s\" is not an indicator of "
			    "framework \"%s\"", id, fw->id);
			goto out;
		}
		if ((v[0] == '\0') == (ch[0] == '\0')) {
			/* both: at the change; neither: at the column the
			 * file has, value first */
			rc = rs_error_set(err, RS_EINPUT, path, c.line,
			    (long)(v[0] != '\0' || cval == RS_NONE ? cchg :
			    cval) + 1, "give either a value or a change, not %s",
			    v[0] == '\0' ? "neither" : "both");
			goto out;
		}
		c.col = (long)(v[0] != '\0' ? cval : cchg) + 1;
		if (v[0] != '\0') {
			c.op = RS_CHANGE_SET;
			if (rs_number_parse(v, strlen(v), &c.amount, &why) !=
			    RS_NUMBER_OK) {
				rc = rs_error_set(err, RS_EINPUT, path, c.line,
				    c.col, "value \"%s\" %s", v, why);
				goto out;
			}
		} else if (rs_change_parse(ch, &c.op, &c.amount, &why) != 0) {
			rc = rs_error_set(err, RS_EINPUT, path, c.line, c.col,
			    "change \"%s\" %s; write =VALUE, +N, -N, +N%% or "
			    "-N%%", ch, why);
			goto out;
		}
		if (cnote != RS_NONE && rs_csv_table_get(&t, row,
		    cnote)[0] != '\0')
			c.note = rs_pool_strdup(sc->pool, rs_csv_table_get(&t,
			    row, cnote));
		add(sc, &c);
	}
out:
	rs_csv_table_release(&t);
	return rc;
}

int
rs_target_parse(const struct rs_framework *fw, const char *spec,
    struct rs_target *t, struct rs_error *err)
{
	const char *eq = strrchr(spec, '='), *why, *arg;
	size_t i, n;
	double v;

	if (eq == NULL || eq == spec || eq[1] == '\0')
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "a target is "
		    "NODE=LEVEL or NODE=SCORE, not '%s'", spec);
	n = (size_t)(eq - spec);
	arg = eq + 1;
	t->node = rs_framework_find(fw, spec, n);
	if (t->node == RS_NONE && !(n == 4 && memcmp(spec, "city", 4) == 0))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "target '%s': "
		    "'%.*s' is neither a node of framework \"%s\" nor 'city'",
		    spec, (int)n, spec, fw->id);
	t->level = RS_NONE;
	for (i = 0; i < fw->nlevels; i++)
		if (strcmp(fw->levels[i].id, arg) == 0) {
			t->level = i;
			t->score = fw->levels[i].min;
			return 0;
		}
	if (rs_number_parse(arg, strlen(arg), &v, &why) != RS_NUMBER_OK ||
	    !(v >= 0 && v <= 100))
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "target '%s': "
		    "'%s' is neither a level of framework \"%s\" nor a score "
		    "from 0 to 100", spec, arg, fw->id);
	t->score = v;
	return 0;
}

int
rs_targets_read_file(const struct rs_framework *fw, const char *path,
    struct rs_target **t, size_t *nt, struct rs_error *err)
{
	struct rs_csv_table tab;
	size_t row, cnode, ctarget, cap = *nt;
	struct rs_error e2;
	char spec[1200];
	int rc;

	rs_csv_table_init(&tab);
	if ((rc = rs_csv_table_load(&tab, path, err)) != 0)
		goto out;
	cnode = rs_csv_table_column(&tab, "node");
	ctarget = rs_csv_table_column(&tab, "target");
	if (cnode == RS_NONE || ctarget == RS_NONE) {
		rc = rs_error_set(err, RS_EINPUT, path, 1, 1, "a targets file "
		    "needs the columns node and target");
		goto out;
	}
	for (row = 1; row < tab.nrows; row++) {
		snprintf(spec, sizeof(spec), "%s=%s", rs_csv_table_get(&tab,
		    row, cnode), rs_csv_table_get(&tab, row, ctarget));
		rs_grow(t, &cap, *nt + 1, sizeof(**t));
		if (rs_target_parse(fw, spec, &(*t)[*nt], &e2) != 0) {
			rc = rs_error_set(err, RS_EINPUT, path, tab.line[row],
			    (long)cnode + 1, "%s", e2.msg);
			goto out;
		}
		(*nt)++;
	}
out:
	rs_csv_table_release(&tab);
	return rc;
}
