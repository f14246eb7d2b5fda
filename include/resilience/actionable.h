/*
 * actionable.h - what a city can act on: its priorities restricted to
 * the levers allowed, and the fewest indicators to collect for a city
 * without a score (docs/methodology.md, "Levers" and "A city without a
 * score"; docs/planning.md)
 */
#ifndef RS_ACTIONABLE_H
#define RS_ACTIONABLE_H

#include <stddef.h>

#include "resilience/engine.h"
#include "resilience/framework.h"

/* Whether an indicator of lever l is acted on under the set levers. */
#define RS_LEVER_ALLOWED(levers, l) (((levers) & RS_LEVER_BIT(l)) != 0)

/*
 * Parse a --levers list such as "municipal,national" (names of
 * rs_lever_name(), or "all" for every lever but context and the
 * indicators without one) into *levers.  Returns 0, or -1 when s names
 * something else or nothing.
 */
int rs_levers_parse(const char *s, unsigned *levers);

/*
 * Restrict the derived results of c (rs_engine_derive()) to the levers
 * allowed: c->priorities keeps, in its order, only the indicators whose
 * lever is in levers, and the gain of each aggregate becomes the sum of
 * the gains of its allowed indicators (NaN when none has one), summed in
 * the engine's order so that with every lever allowed nothing changes by
 * a bit.  The indicators' own gains stay.
 */
void rs_actionable_restrict(const struct rs_framework *fw, unsigned levers,
    struct rs_city_result *c);

/*
 * For a city without a score, the fewest indicators without a value whose
 * collection would give it one, whatever their values: at each aggregate
 * the children to be scored are the cheapest set that reaches
 * min_coverage (fewest indicators, then the most weight with complete
 * data, then the first in file order).  Writes their node indices, by
 * complete-data weight (largest first, then id), into nodes (room for
 * fw->nindicators) and returns their count; 0 when the city has a score.
 */
size_t rs_actionable_to_score(const struct rs_framework *fw,
    const struct rs_city_result *c, size_t *nodes);

#endif /* RS_ACTIONABLE_H */
