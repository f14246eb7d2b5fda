#!/usr/bin/env python3
"""Every number of a plan is reproducible with whatif.

usage: plan_whatif.py BIN SOURCE_DIR

For each case, runs plan --format json, gives each city's changes to
whatif as --set CITY:ID==VALUE (the values as the plan's JSON writes
them), and checks that whatif's scores after the changes are the plan's,
bit for bit: each target's score_after, each change's score_to and the
city's score_after.  Also checks the contract of the two documents (the
keys docs/cli.md promises) and that no national or context indicator is
a change under --levers municipal.
"""
import json
import os
import subprocess
import sys

BIN, SRC = sys.argv[1], sys.argv[2]
DATA = os.path.join(SRC, "data")
BEIRUT = os.path.join(DATA, "beirut.csv")
CITIES = [os.path.join(DATA, f) for f in
          ("alexandria.csv", "beirut.csv", "kuwait.csv")]
SMALL = ["--framework", os.path.join(SRC, "tests", "data", "small.json"),
         os.path.join(SRC, "tests", "data", "small.csv")]

CASES = [
    ["--target", "A2=moderate", "--levers", "municipal", "--horizon",
     "2026", BEIRUT],
    ["--target", "A2=moderate", "--target", "A4=30", "--target",
     "city=45"] + CITIES,
    ["--target", "A5=sound", "--levers", "municipal", "--collect"] + CITIES,
    ["--target", "RPI 4-3=60", "--levers", "national,municipal"] + CITIES,
    ["--target", "A=sound", "--target", "B=80"] + SMALL,
    ["--target", "city=high"] + SMALL,
]

failures = 0


def run(args):
    p = subprocess.run([BIN] + args, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("%s exited %d: %s" % (args, p.returncode,
                                                p.stderr))
    return json.loads(p.stdout)


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


def same(a, b):
    return a is None and b is None or (a is not None and b is not None and
                                        float(a) == float(b))


for case in CASES:
    plan = run(["plan", "--format", "json"] + case)
    check(set(plan) >= {"framework", "cities"}, "plan keys %s" % case)
    files = [a for a in case if a.endswith(".csv")]
    framework = case[case.index("--framework") + 1:][:1] \
        if "--framework" in case else []
    for city in plan["cities"]:
        check(set(city) >= {"city", "targets", "changes", "effort"},
              "plan city keys")
        for t in city["targets"]:
            check(set(t) >= {"node", "target", "score_before",
                             "score_after", "reached"}, "target keys")
            check(isinstance(t["target"], (int, float)), "target number")
        for c in city["changes"]:
            check(set(c) >= {"id", "value_from", "value_to", "score_from",
                             "score_to"}, "change keys")
            if "municipal" in case and "national,municipal" not in case:
                check(c["lever"] == "municipal",
                      "%s moved under --levers municipal" % c["id"])
        if not city["changes"]:
            continue
        sets = []
        for c in city["changes"]:
            sets += ["--set", "%s:%s==%r" % (city["city"], c["id"],
                                            float(c["value_to"]))]
        args = ["whatif", "--format", "json"] + sets
        if framework:
            args += ["--framework"] + framework
        w = run(args + files)
        check(set(w) >= {"framework", "cities"}, "whatif keys")
        after = [x for x in w["cities"] if x["city"] == city["city"]][0]
        check(set(after) >= {"city", "before", "after"}, "whatif city keys")
        a = after["after"]
        check(same(a["score"], city["score_after"]),
              "%s: city %s != %s" % (city["city"], a["score"],
                                     city["score_after"]))
        for t in city["targets"]:
            got = a["score"] if t["node"] == "city" else \
                a["scores"][t["node"]]["score"]
            check(same(got, t["score_after"]),
                  "%s %s: whatif %r, plan %r" % (city["city"], t["node"],
                                                 got, t["score_after"]))
        for c in city["changes"]:
            check(same(a["scores"][c["id"]]["score"], c["score_to"]),
                  "%s %s: score_to" % (city["city"], c["id"]))
            check(same(a["scores"][c["id"]]["value"], c["value_to"]),
                  "%s %s: value_to" % (city["city"], c["id"]))
        b = after["before"]
        for t in city["targets"]:
            got = b["score"] if t["node"] == "city" else \
                b["scores"][t["node"]]["score"]
            check(same(got, t["score_before"]), "score_before")

print("%d passed, %d failed" % (len(CASES) - (1 if failures else 0),
                                 1 if failures else 0))
sys.exit(1 if failures else 0)
