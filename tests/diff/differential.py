#!/usr/bin/env python3
"""Differential test: score random frameworks and data sets with the
resilience binary and with reference.py, and compare every number.

usage: differential.py RESILIENCE_BINARY [CASES] [SEED]

Frameworks have 1 to 4 levels, random weights, reversed goalposts and
domains; data comes as long CSV (with and without city and year columns),
wide CSV and JSON, with missing values in every spelling, values beyond
the goalposts (clamping) and coverage cut-offs.  Prints "N passed, N
failed" and exits 1 on any difference.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reference  # noqa: E402


def gen_framework(rng):
    count = [0]

    def node(depth, maxdepth):
        count[0] += 1
        nid = "n%d" % count[0] if rng.random() < 0.8 else \
            "RPI %d-%d" % (count[0], rng.randint(1, 9))
        n = {"id": nid, "name": "Node %d" % count[0]}
        if rng.random() < 0.6:
            n["weight"] = rng.choice([1, 2, 0.5, 3, 0.25, 1.5,
                                      round(rng.uniform(0.1, 5), 3)])
        if depth < maxdepth and rng.random() < 0.75:
            n["children"] = [node(depth + 1, maxdepth)
                             for _ in range(rng.randint(1, 4))]
        else:
            a, b = sorted(rng.sample(range(-50, 150), 2))
            if rng.random() < 0.5:
                a, b = b, a
            if rng.random() < 0.3:
                a += 0.5
            n["worst"], n["best"] = a, b
            if rng.random() < 0.5:
                n["min"] = min(a, b) - rng.randint(0, 40)
                n["max"] = max(a, b) + rng.randint(0, 40)
        return n

    maxdepth = rng.randint(1, 4)
    fw = {"id": "fw%d" % rng.randint(0, 999), "version": "1",
          "children": [node(1, maxdepth) for _ in range(rng.randint(1, 5))]}
    if rng.random() < 0.6:
        fw["min_coverage"] = rng.choice([0.5, 0.25, 1, 0.75, 0.34, 0.6])
    if rng.random() < 0.3:
        fw["levels"] = [{"id": "low", "min": 0}, {"id": "mid", "min": 33.5},
                        {"id": "top", "min": 70}]
    return fw


def indicators(fw):
    out = []

    def walk(n):
        if "children" in n:
            for c in n["children"]:
                walk(c)
        else:
            out.append(n)
    for n in fw["children"]:
        walk(n)
    return out


def gen_value(rng, ind):
    lo = ind.get("min", min(ind["worst"], ind["best"]) - 30)
    hi = ind.get("max", max(ind["worst"], ind["best"]) + 30)
    v = rng.uniform(lo, hi)
    if rng.random() < 0.2:
        v = rng.choice([lo, hi, ind["worst"], ind["best"]])
    # rounding may step out of the domain: clamp back into it
    return min(max(round(v, rng.choice([0, 1, 3, 6, 12])), lo), hi)


MISSING = ["", "NA", "N/A", "na", " "]


def fmt(v):
    return repr(float(v)) if rng_fmt.random() < 0.5 else "%.17g" % v


rng_fmt = random.Random(7)


def csv_field(s):
    if any(c in s for c in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def gen_data(rng, fw, tmp, case):
    inds = indicators(fw)
    ncities = rng.randint(1, 5)
    cities = ["City %d" % i if rng.random() < 0.8 else "Ville, %d" % i
              for i in range(ncities)]
    kind = rng.choice(["long", "long-nocity", "wide", "json", "long-years"])
    files = []
    if kind == "long-nocity":
        for i in range(ncities):
            path = os.path.join(tmp, "c%d_%d.csv" % (case, i))
            lines = ["indicator,value,source"]
            for ind in inds:
                r = rng.random()
                if r < 0.15:
                    continue
                v = rng.choice(MISSING) if r < 0.3 else fmt(gen_value(rng, ind))
                lines.append("%s,%s,src" % (csv_field(ind["id"]), v))
            rng.shuffle(lines[1:])
            with open(path, "w", newline="") as f:
                f.write("\r\n".join(lines) + "\r\n")
            files.append(path)
        return files
    path = os.path.join(tmp, "d%d.%s" % (case, "json" if kind == "json"
                                           else "csv"))
    if kind == "json":
        doc = {"cities": []}
        for c in cities:
            vals = {}
            for ind in inds:
                r = rng.random()
                if r < 0.15:
                    continue
                vals[ind["id"]] = None if r < 0.3 else gen_value(rng, ind)
            doc["cities"].append({"city": c, "values": vals})
        with open(path, "w") as f:
            json.dump(doc, f, indent=rng.choice([None, 1]))
    elif kind == "wide":
        cols = [i["id"] for i in inds if rng.random() < 0.85]
        rng.shuffle(cols)
        lines = [",".join(["city"] + [csv_field(c) for c in cols])]
        byid = {i["id"]: i for i in inds}
        for c in cities:
            row = [csv_field(c)]
            for col in cols:
                row.append(rng.choice(MISSING) if rng.random() < 0.2
                           else fmt(gen_value(rng, byid[col])))
            lines.append(",".join(row))
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    else:
        years = kind == "long-years"
        header = ["value", "note", "indicator", "city"] + \
            (["Year"] if years else [])
        lines = [",".join(header)]
        rows = []
        for c in cities:
            for ind in inds:
                yrs = rng.sample(range(2015, 2023), rng.randint(1, 3)) \
                    if years else [None]
                if not years and rng.random() < 0.15:
                    continue
                for y in yrs:
                    v = rng.choice(MISSING) if rng.random() < 0.2 \
                        else fmt(gen_value(rng, ind))
                    row = [v, "n", csv_field(ind["id"]), csv_field(c)]
                    if years:
                        row.append(str(y))
                    rows.append(",".join(row))
        rng.shuffle(rows)
        with open(path, "w") as f:
            f.write("\n".join(lines + rows) + "\n")
    return [path]


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def compare(got, want):
    errs = []
    gc = got["cities"]
    wc = want["cities"]
    if [c["city"] for c in gc] != [c["city"] for c in wc]:
        return ["cities %r != %r" % ([c["city"] for c in gc],
                                     [c["city"] for c in wc])]
    for g, w in zip(gc, wc):
        for k in ("score", "level", "coverage", "rank"):
            if not close(g[k], w[k]):
                errs.append("%s %s: %r != %r" % (g["city"], k, g[k], w[k]))
        if g["missing"] != w["missing"]:
            errs.append("%s missing %r != %r" % (g["city"], g["missing"],
                                                 w["missing"]))
        if list(g["scores"]) != list(w["scores"]):
            errs.append("%s node order differs" % g["city"])
        for nid, wn in w["scores"].items():
            gn = g["scores"].get(nid, {})
            for k, v in wn.items():
                if not close(gn.get(k), v):
                    errs.append("%s %s %s: %r != %r" % (
                        g["city"], nid, k, gn.get(k), v))
        gp = [(p["id"], p["score"], p["gain"]) for p in g["priorities"]]
        wp = [(p["id"], p["score"], p["gain"]) for p in w["priorities"]]
        if [p[0] for p in gp] != [p[0] for p in wp] or not all(
                close(a[1], b[1]) and close(a[2], b[2])
                for a, b in zip(gp, wp)):
            errs.append("%s priorities %r != %r" % (g["city"], gp, wp))
    return errs


def main():
    binary = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20210201
    rng = random.Random(seed)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in range(cases):
            fw = gen_framework(rng)
            fwpath = os.path.join(tmp, "fw%d.json" % case)
            with open(fwpath, "w") as f:
                json.dump(fw, f)
            files = gen_data(rng, fw, tmp, case)
            year = rng.choice([None, None, 2018, 2020])
            yargs = ["--year", str(year)] if year else []
            run = subprocess.run([binary, "score", "--format", "json",
                                  "--framework", fwpath] + yargs + files,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                failed += 1
                print("case %d: exit %d: %s" % (case, run.returncode,
                                                 run.stderr.strip()))
                continue
            ref = subprocess.run([sys.executable, os.path.join(
                HERE, "reference.py")] + yargs + [fwpath] + files,
                capture_output=True, text=True, check=True)
            errs = compare(json.loads(run.stdout), json.loads(ref.stdout))
            if errs:
                failed += 1
                print("case %d (seed %d): %s" % (case, seed, "; ".join(
                    errs[:5])))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
