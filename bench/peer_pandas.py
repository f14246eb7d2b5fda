#!/usr/bin/env python3
"""The core of `resilience score` in pandas, as a peer for bench/all.sh.

    bench/peer_pandas.py FRAMEWORK.json DATA.csv > scores.csv

Reads a wide CSV (a `city` column and one column per indicator id),
scores every indicator against its goalposts (min-max, clamped to 0..100,
or its target band), takes the weighted mean of the children with a score
up the framework's tree with the coverage rule (docs/methodology.md,
"Aggregate score"), and ranks the cities by their score (1 + the number
strictly higher; none without a score).  Writes city, score and rank.

It is the same job as the text report's figures, not its report: no
priorities, levels, years or checks of the input.  Exit status 3 when
pandas is not installed (bench/all.sh then says "skipped").
"""
import json
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError:
    sys.stderr.write("peer_pandas: pandas is not installed\n")
    sys.exit(3)


def indicator_score(x, node):
    """100 * clamp((x - worst) / (best - worst), 0, 1), or the band's."""
    band = node.get("band")
    if band is None:
        s = (x - node["worst"]) / (node["best"] - node["worst"])
        return 100 * s.clip(0, 1)
    a, b = band["worst_low"], band["low"]
    c, d = band["high"], band["worst_high"]
    up = ((x - a) / (b - a)).clip(0, 1) if b > a else (x >= b) * 1.0
    down = ((d - x) / (d - c)).clip(0, 1) if d > c else (x <= c) * 1.0
    return (100 * np.minimum(up, down)).where(x.notna())


def aggregate(node, data, min_coverage):
    """The score column of node, its children's weighted mean."""
    if "children" not in node:
        return indicator_score(data[node["id"]].astype("float64"), node)
    num = 0.0
    have = 0.0
    total = 0.0
    for child in node["children"]:
        s = aggregate(child, data, min_coverage)
        w = float(child.get("weight", 1))
        num = num + (w * s).fillna(0)
        have = have + s.notna() * w
        total += w
    score = num / have
    return score.where((have > 0) & (have / total >= min_coverage))


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: peer_pandas.py FRAMEWORK.json DATA.csv\n")
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        fw = json.load(f)
    data = pd.read_csv(sys.argv[2], dtype={"city": str})
    root = {"id": "", "children": fw["children"]}
    score = aggregate(root, data, float(fw.get("min_coverage", 0.5)))
    rank = (-score).rank(method="min", na_option="keep")
    out = pd.DataFrame({"city": data["city"], "score": score,
                        "rank": rank.astype("Int64")})
    out.to_csv(sys.stdout, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
