#!/usr/bin/env python3
"""A filled template scores as it is.

Usage: template_roundtrip.py RESILIENCE

Writes the template of the built-in framework with a city column, fills
every value so that each indicator of area k (1-based) sits at the
fraction k/10 of the way from its worst to its best goalpost (goalposts
from 'resilience framework --format json'; for a target band from
worst_low to low), scores the file and checks
that every indicator, RPI and area scores 10*k, that each indicator kept
the value and year written into it, and that the city scores the mean of
the areas, 30.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile


def run(*args):
    p = subprocess.run(args, capture_output=True)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(args), p.returncode,
                                        p.stderr.decode("utf-8", "replace")))
    return p.stdout.decode("utf-8")


BANDS = set()


def walk(node, area, out):
    if "children" in node:
        for c in node["children"]:
            walk(c, area, out)
    elif node["band"] is not None:
        BANDS.add(node["id"])
        # a target band: along its rising side, worst_low to low
        out[node["id"]] = (area, node["band"]["worst_low"],
                           node["band"]["low"])
    else:
        out[node["id"]] = (area, node["worst"], node["best"])


def main(argv):
    exe = argv[1]
    desc = json.loads(run(exe, "framework", "--format", "json"))
    goal = {}
    for k, area in enumerate(desc["nodes"], start=1):
        walk(area, k, goal)
    with tempfile.TemporaryDirectory() as tmp:
        tpl = os.path.join(tmp, "template.csv")
        run(exe, "template", "--city", "Testville", "--lang", "ar",
            "--output", tpl)
        raw = open(tpl, "rb").read()
        if not raw.startswith(b"\xef\xbb\xbf"):
            sys.exit("the template does not start with a byte order mark")
        with open(tpl, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        head = rows[0]
        if head != ["city", "indicator", "name", "unit", "direction",
                    "worst", "best", "min", "max", "value", "year",
                    "source", "note", "suggested_source", "rubric_1",
                    "rubric_2", "rubric_3", "rubric_4", "rubric_5"]:
            sys.exit("unexpected header %r" % head)
        ci = {name: i for i, name in enumerate(head)}
        if sorted(r[1] for r in rows[1:]) != sorted(goal):
            sys.exit("template rows do not match the framework's indicators")
        written = {}
        for r in rows[1:]:
            area, worst, best = goal[r[1]]
            written[r[1]] = worst + area / 10 * (best - worst)
            # a band's four points are in the direction column instead
            if r[ci["worst"]] == "" and r[ci["best"]] == "":
                if r[1] not in BANDS:
                    sys.exit("%s: no goalposts and no band" % r[1])
            elif float(r[ci["worst"]]) != worst or \
                    float(r[ci["best"]]) != best:
                sys.exit("%s: goalposts %r %r, framework %r %r" % (
                    r[1], r[ci["worst"]], r[ci["best"]], worst, best))
            r[ci["value"]] = repr(written[r[1]])
            r[ci["year"]] = "2020"
            r[ci["source"]] = "round-trip test"
        filled = os.path.join(tmp, "filled.csv")
        # written back with its byte order mark, as Excel saves it
        with open(filled, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rows)
        rep = json.loads(run(exe, "score", "--format", "json", filled))
    city = rep["cities"][0]
    bad = []
    if city["city"] != "Testville":
        bad.append("city %r" % city["city"])
    if city["indicators_with_data"] != len(goal):
        bad.append("indicators with data %r" % city["indicators_with_data"])
    if abs(city["score"] - 30) > 1e-9 or city["coverage"] != 1:
        bad.append("city score %r coverage %r" % (city["score"], city["coverage"]))
    for i, v in written.items():
        got = city["scores"][i]
        # the JSON report prints 15 significant digits
        if abs(got["value"] - v) > 1e-12 * max(1, abs(v)) or got["year"] != 2020:
            bad.append("%s read back as %r (%r), wrote %r (2020)"
                       % (i, got["value"], got["year"], v))
    for k, area in enumerate(desc["nodes"], start=1):
        ids = [area["id"]] + [r["id"] for r in area["children"]]
        ids += [i for i, g in goal.items() if g[0] == k]
        for i in ids:
            s = city["scores"][i]["score"]
            if s is None or abs(s - 10 * k) > 1e-9:
                bad.append("%s scored %r, wanted %d" % (i, s, 10 * k))
    if bad:
        sys.exit("round trip failed:\n  " + "\n  ".join(bad))
    print("round trip: %d indicators, areas %s, city %.1f" % (
        len(goal), ", ".join("%s %.0f" % (a["id"], city["scores"][a["id"]]["score"])
                             for a in desc["nodes"]), city["score"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
