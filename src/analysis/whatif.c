/*
 * whatif.c - a scenario applied to a copy of the city data (whatif.h)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "resilience/whatif.h"

/* Raise err at where change c was given: what, then v unless NaN. */
static int
fail(struct rs_error *err, const struct rs_scenario_change *c, const char *what,
    const char *id, double v)
{
	char num[64] = "";

	if (!isnan(v))
		snprintf(num, sizeof(num), " %g", v);
	if (c->line == 0)
		return rs_error_set(err, RS_EUSAGE, "", 0, 0, "--set %s:%s: "
		    "%s%s", c->city, id, what, num);
	return rs_error_set(err, RS_EINPUT, c->path, c->line, c->col,
	    "%s%s", what, num);
}

int
rs_whatif_apply(const struct rs_framework *fw, size_t ncities,
    const char *const *names, const char *const *ids, const double *values,
    const struct rs_scenario *sc, struct rs_whatif *w,
    struct rs_error *err)
{
	size_t ni = fw->nindicators, k, ci, cell, cap = 0;
	char *changed = NULL, msg[600];
	const char **note = NULL;
	int rc = 0, any;

	memset(w, 0, sizeof(*w));
	w->values = rs_malloc((ncities * ni + 1) * sizeof(double));
	memcpy(w->values, values, ncities * ni * sizeof(double));
	changed = rs_calloc(ncities * ni + 1, 1);
	note = rs_calloc(ncities * ni + 1, sizeof(*note));
	for (k = 0; k < sc->nchanges; k++) {
		const struct rs_scenario_change *c = &sc->changes[k];
		const struct rs_node *n = &fw->nodes[c->node];

		any = 0;
		for (ci = 0; ci < ncities; ci++) {
			double x, v;

			/* a city by its name as shown or by its id */
			if (strcmp(c->city, "*") != 0 && strcmp(c->city,
			    names[ci]) != 0 && (ids == NULL || ids[ci] == NULL ||
			    strcmp(c->city, ids[ci]) != 0))
				continue;
			any = 1;
			cell = ci * ni + n->indicator;
			x = w->values[cell];
			/* '*' changes the cities that have a value. */
			if (c->op != RS_CHANGE_SET && isnan(x) &&
			    strcmp(c->city, "*") == 0)
				continue;
			if (c->op != RS_CHANGE_SET && isnan(x)) {
				snprintf(msg, sizeof(msg), "'%s' has no value "
				    "of %s to change; give a new value",
				    names[ci], n->id);
				rc = fail(err, c, msg, n->id, (double)NAN);
				goto out;
			}
			v = c->op == RS_CHANGE_SET ? c->amount :
			    c->op == RS_CHANGE_ADD ? x + c->amount :
			    x * (1 + c->amount / 100);
			v += 0.0;
			if (!isfinite(v) || (n->has_min && v < n->min) ||
			    (n->has_max && v > n->max)) {
				snprintf(msg, sizeof(msg), "the new value of %s "
				    "for '%s' is outside its domain:", n->id,
				    names[ci]);
				rc = fail(err, c, msg, n->id, v);
				goto out;
			}
			w->values[cell] = v;
			changed[cell] = 1;
			if (c->note != NULL)
				note[cell] = c->note;
		}
		if (!any) {
			snprintf(msg, sizeof(msg), "no city '%s' in the data",
			    c->city);
			rc = fail(err, c, msg, n->id, (double)NAN);
			goto out;
		}
	}
	for (ci = 0; ci < ncities; ci++)
		for (k = 0; k < ni; k++) {
			struct rs_whatif_change *ch;

			cell = ci * ni + k;
			if (!changed[cell])
				continue;
			rs_grow(&w->changes, &cap, w->nchanges + 1,
			    sizeof(*w->changes));
			ch = &w->changes[w->nchanges++];
			ch->city = ci;
			ch->node = fw->indicators[k];
			ch->from = values[cell];
			ch->to = w->values[cell];
			ch->note = note[cell];
		}
out:
	free(changed);
	free(note);
	if (rc != 0)
		rs_whatif_release(w);
	return rc;
}

void
rs_whatif_release(struct rs_whatif *w)
{
	free(w->values);
	free(w->changes);
	memset(w, 0, sizeof(*w));
}

void
rs_actions_apply(const struct rs_framework *fw, const struct rs_actions *a,
    const double *values, double *out)
{
	size_t k, j;

	memcpy(out, values, fw->nindicators * sizeof(double));
	for (k = 0; k < a->nitems; k++)
		for (j = 0; j < a->items[k].nmoves; j++) {
			const struct rs_action_move *m = &a->items[k].moves[j];
			const struct rs_node *n = &fw->nodes[m->node];
			double *x = &out[n->indicator], v;

			if (m->op != RS_CHANGE_SET && isnan(*x))
				continue;
			v = m->op == RS_CHANGE_SET ? m->amount :
			    m->op == RS_CHANGE_ADD ? *x + m->amount :
			    *x * (1 + m->amount / 100);
			if (n->has_min && v < n->min)
				v = n->min;
			if (n->has_max && v > n->max)
				v = n->max;
			if (isfinite(v))
				*x = v + 0.0;
		}
}
