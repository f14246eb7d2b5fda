#!/usr/bin/env python3
"""A second, independent implementation of the scoring contract
(docs/methodology.md), written from the contract alone, to check the C
engine against on random frameworks and data (see differential.py).

It reads a framework JSON and data in the three input formats and prints
the contract's JSON fields.  It implements only what the contract says and
accepts only well-formed input: it is a test oracle, not a second tool.
"""
import csv
import io
import json
import math
import os
import sys

DEFAULT_LEVELS = [("weak", 0), ("moderate-weak", 20), ("moderate", 40),
                  ("sound", 60), ("high", 80)]


def flatten(fw):
    """Nodes in pre-order as dicts with parent and children indices."""
    nodes = []

    def walk(node, parent):
        i = len(nodes)
        entry = {"id": node["id"], "weight": node.get("weight", 1),
                 "parent": parent, "children": []}
        nodes.append(entry)
        if "children" in node:
            for child in node["children"]:
                entry["children"].append(walk(child, i))
        else:
            entry["worst"] = node["worst"]
            entry["best"] = node["best"]
        return i

    top = [walk(n, None) for n in fw["children"]]
    return nodes, top


def parse_value(s):
    s = s.strip()
    if s == "" or s.upper() in ("NA", "N/A"):
        return None
    return float(s)


def read_data(path):
    """City -> {indicator id -> [(year or None, value or None)]}, in order."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    cities = {}
    if text.lstrip().startswith("{"):
        doc = json.loads(text)
        for c in doc.get("cities", [doc]):
            vals = cities.setdefault(c["city"], {})
            for k, v in c["values"].items():
                vals.setdefault(k, []).append((None, v))
        return cities
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(f.strip() for f in r)]
    header = [h.strip().lower() for h in rows[0]]
    if "indicator" in header:
        ci = header.index("city") if "city" in header else None
        yi = header.index("year") if "year" in header else None
        ii, vi = header.index("indicator"), header.index("value")
        name = os.path.splitext(os.path.basename(path))[0]
        if ci is None:
            cities[name] = {}
        for r in rows[1:]:
            city = r[ci].strip() if ci is not None else name
            year = int(r[yi]) if yi is not None and r[yi].strip() else None
            cities.setdefault(city, {}).setdefault(
                r[ii].strip(), []).append((year, parse_value(r[vi])))
        return cities
    ci = header.index("city")
    for r in rows[1:]:
        vals = cities.setdefault(r[ci].strip(), {})
        for j, h in enumerate(rows[0]):
            if j != ci:
                vals.setdefault(h.strip(), []).append(
                    (None, parse_value(r[j])))
    return cities


def pick(obs, year_limit):
    """The latest value (a dated value is newer than an undated one)."""
    best = None
    for year, value in obs:
        if value is None:
            continue
        if year_limit is not None and year is not None and year > year_limit:
            continue
        key = (year is not None, year or 0)
        if best is None or key > best[0]:
            best = (key, value)
    return None if best is None else best[1]


def score(fw, nodes, top, values):
    minc = fw.get("min_coverage", 0.5)
    levels = [(l["id"], l["min"]) for l in fw["levels"]] \
        if "levels" in fw else DEFAULT_LEVELS

    def level(s):
        if s is None:
            return None
        return [lid for lid, m in levels if m <= s][-1]

    def agg(children, sc):
        allw = sum(nodes[c]["weight"] for c in children)
        have = [c for c in children if sc[c] is not None]
        w = sum(nodes[c]["weight"] for c in have)
        cov = w / allw
        if have and cov >= minc:
            return sum(nodes[c]["weight"] * sc[c] for c in have) / w, cov
        return None, cov

    sc, cov = [None] * len(nodes), [None] * len(nodes)
    for i in reversed(range(len(nodes))):
        n = nodes[i]
        if n["children"]:
            sc[i], cov[i] = agg(n["children"], sc)
        else:
            x = values.get(n["id"])
            if x is not None:
                t = (x - n["worst"]) / (n["best"] - n["worst"])
                sc[i] = 100 * min(max(t, 0.0), 1.0)
    city, city_cov = agg(top, sc)

    def siblings(i):
        p = nodes[i]["parent"]
        return top if p is None else nodes[p]["children"]

    def eff(i):
        w = 1.0
        path = []
        while i is not None:
            path.append(i)
            i = nodes[i]["parent"]
        for j in reversed(path):
            if sc[j] is None:
                return None
            w *= nodes[j]["weight"] / sum(
                nodes[s]["weight"] for s in siblings(j) if sc[s] is not None)
        return w

    prio, missing = [], []
    for i, n in enumerate(nodes):
        if n["children"]:
            continue
        if values.get(n["id"]) is None:
            missing.append(n["id"])
        e = eff(i)
        # no gain without a city score (methodology.md, "Gain")
        if city is not None and e is not None and e * (100 - sc[i]) > 0:
            prio.append((-(e * (100 - sc[i])), n["id"], sc[i]))
    prio.sort()
    out = {"score": city, "level": level(city), "coverage": city_cov,
           "scores": {}, "missing": missing,
           "priorities": [{"id": p[1], "score": p[2], "gain": -p[0]}
                          for p in prio]}
    for i, n in enumerate(nodes):
        entry = {"score": sc[i], "level": level(sc[i])}
        if n["children"]:
            entry["coverage"] = cov[i]
        else:
            entry["value"] = values.get(n["id"])
        out["scores"][n["id"]] = entry
    return out


def main(argv):
    year = None
    if argv[1] == "--year":
        year = int(argv[2])
        argv = argv[2:]
    with open(argv[1], encoding="utf-8") as f:
        fw = json.load(f)
    nodes, top = flatten(fw)
    cities = {}
    for path in argv[2:]:
        cities.update(read_data(path))
    out = []
    for name, obs in cities.items():
        values = {k: pick(v, year) for k, v in obs.items()}
        r = score(fw, nodes, top, values)
        r["city"] = name
        out.append(r)
    for r in out:
        s = r["score"]
        r["rank"] = None if s is None else 1 + sum(
            1 for o in out if o["score"] is not None and o["score"] > s)
    json.dump({"framework": {"id": fw["id"]}, "cities": out}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
