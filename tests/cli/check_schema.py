#!/usr/bin/env python3
"""Validate real JSON output of resilience against docs/schema/*.json.

usage: check_schema.py BIN SOURCE_DIR

Runs score, compare and priorities with --format json on the test data
(with and without a baseline, --by node, --depth) and on the sample
cities, validates each document against its schema, then checks that
damaged copies of the documents are rejected, so that the schemas are
known to constrain what they claim to.  Exits 77 (skipped) when the
jsonschema module is missing: apt-get install python3-jsonschema.
"""
import copy
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIPPED: the Python module jsonschema is missing "
          "(apt-get install python3-jsonschema)")
    sys.exit(77)

BIN, SRC = sys.argv[1], sys.argv[2]
TESTS = os.path.join(SRC, "tests")
SMALL = ["--framework", "data/small.json", "data/small.csv"]
ARABIC = ["--framework", "cli/data/arabic.json", "cli/data/arabic.csv"]
SPARSE = ["--framework", "data/small.json", "cli/data/sparse.csv"]
BASE = ["--baseline", "cli/data/baseline.json"]
PIPELINE = ["--framework", "cli/data/pipeline.json",
            "cli/data/pipeline-data.csv"]
NONE = ["--framework", "data/small.json", "cli/data/no-cities.csv"]
SAMPLES = [os.path.join(SRC, "data", f) for f in
           ("alexandria.csv", "beirut.csv", "kuwait.csv")]
SAMPLES = [f for f in SAMPLES if os.path.exists(f)]

RUNS = [
    ("score", SMALL), ("score", BASE + SMALL), ("score", ARABIC),
    ("score", ["--lang", "ar"] + ARABIC),
    ("compare", SMALL), ("compare", ["--depth", "3"] + BASE + SMALL),
    ("compare", ARABIC),
    ("priorities", SMALL), ("priorities", ["--by", "node"] + SMALL),
    ("priorities", ["--top", "all"] + SPARSE),
    ("priorities", ["--top", "0"] + BASE + SMALL),
    ("score", PIPELINE), ("compare", PIPELINE), ("priorities", PIPELINE),
    ("score", NONE), ("compare", NONE), ("priorities", NONE),
    ("sensitivity", ["--runs", "20", "--exclude-indicators"] + SMALL),
    ("sensitivity", ["--runs", "20", "--sobol", "--weight-noise", "0.3",
                     "--goalpost-noise", "0.2"] + SMALL),
    ("sensitivity", ["--runs", "20", "--vary-normalise", "zscore",
                     "--vary-normalise", "minmax"] + PIPELINE),
]
YEARS = ["--framework", "data/small.json", "cli/data/years.csv"]
LFL = ["--framework", "data/small.json", "--baseline",
       "cli/data/baseline-lfl.json", "cli/data/lfl-2020.csv"]
RUNS += [
    ("score", LFL), ("compare", ["--depth", "3"] + LFL), ("priorities", LFL),
    ("score", ["--baseline", "cli/data/baseline-lfl-v2.json"] + LFL[:2] +
     LFL[-1:]),
    ("score", ["--year", "2021", "--max-age", "1"] + YEARS),
    ("compare", ["--max-age", "0"] + YEARS),
    ("trend", YEARS), ("trend", ["--max-age", "2", "--from", "2017"] + YEARS),
    ("shock", ["--framework", "cli/data/small-shock.json",
               "cli/data/years.csv"]),
    ("shock", ["--before", "2019", "--shock", "2020", "--after", "2022"]
     + YEARS),
]
BEIRUT = [os.path.join(SRC, "data", "beirut.csv")]
ACTIONS = ["--actions", os.path.join(SRC, "data", "plans",
                                     "beirut-actions.csv")]
THIN = ["--framework", "data/small.json", "cli/data/thin.csv"]
RUNS += [
    ("score", ["--min-coverage", "0.2"] + THIN),
    ("compare", ["--min-coverage", "0.2", "--depth", "3"] + THIN),
    ("priorities", ["--min-coverage", "0.2"] + THIN),
    ("whatif", ["--set", "X:a1=60", "--set", "*:b1=+2"] + SMALL),
    ("whatif", ["--set", "S:a2=40"] + SPARSE),
    ("plan", ["--target", "A=sound", "--target", "city=high"] + SMALL),
    ("plan", ["--target", "city=high", "--levers", "municipal"] + SMALL),
    ("plan", ["--target", "A2=moderate", "--levers", "municipal",
              "--horizon", "2026"] + ACTIONS + BEIRUT),
    ("plan", ["--target", "A5=sound", "--collect"] + SAMPLES),
]
if SAMPLES:
    RUNS += [("trend", ["--from", "2018", "--to", "2022"] + SAMPLES),
             ("shock", ["--before", "2019", "--shock", "2020", "--after",
                        "2022", "--max-age", "3"] + SAMPLES),
             ("score", SAMPLES), ("compare", ["--depth", "3"] + SAMPLES),
             ("priorities", ["--top", "all", "--by", "node"] + SAMPLES),
             ("priorities", ["--top", "all"] + SAMPLES)]

validators = {}
RUNS += [("framework", []), ("framework", ["--framework", "data/band.json"])]
for view in ("score", "compare", "priorities", "sensitivity", "trend",
             "shock", "whatif", "plan", "framework"):
    with open(os.path.join(SRC, "docs", "schema", view + ".schema.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validators[view] = jsonschema.Draft202012Validator(schema)

failures = 0
docs = {}
for view, args in RUNS:
    cmd = [BIN, view, "--format", "json"] + args
    run = subprocess.run(cmd, cwd=TESTS, capture_output=True)
    if run.returncode != 0:
        print("FAIL: exit %d: %s\n%s" % (run.returncode, " ".join(cmd),
                                         run.stderr.decode()))
        failures += 1
        continue
    doc = json.loads(run.stdout)
    errors = list(validators[view].iter_errors(doc))
    for e in errors[:5]:
        print("FAIL: %s: %s at %s" % (" ".join(cmd), e.message,
                                      "/".join(map(str, e.absolute_path))))
    failures += bool(errors)
    docs.setdefault(view, doc)
    if view == "framework":
        docs["framework"] = doc     # the last: data/band.json
    print("ok: %s" % " ".join(cmd[1:]))


# whatif's before and after are score's cities: its $defs are score's.
with open(os.path.join(SRC, "docs", "schema", "score.schema.json"),
          encoding="utf-8") as f:
    score_defs = json.load(f)["$defs"]
with open(os.path.join(SRC, "docs", "schema", "whatif.schema.json"),
          encoding="utf-8") as f:
    if json.load(f)["$defs"] != score_defs:
        print("FAIL: whatif.schema.json's $defs are not score's")
        failures += 1


def damage(view, what, change):
    """A damaged copy of a real document must fail validation."""
    global failures
    doc = copy.deepcopy(docs[view])
    change(doc)
    if validators[view].is_valid(doc):
        print("FAIL: the %s schema accepts %s" % (view, what))
        failures += 1
    else:
        print("ok: the %s schema rejects %s" % (view, what))


def drop(d, key):
    del d[key]


damage("score", "a city without a score",
       lambda d: drop(d["cities"][0], "score"))
damage("score", "a score of 101", lambda d: d["cities"][0].update(score=101))
damage("score", "a score given as a string",
       lambda d: d["cities"][0].update(score="69.2"))
damage("score", "a node with both value and coverage",
       lambda d: d["cities"][0]["scores"]["A"].update(value=1))
damage("score", "a rank of 0", lambda d: d["cities"][0].update(rank=0))
damage("score", "no framework", lambda d: drop(d, "framework"))
damage("score", "a priority without a gain",
       lambda d: drop(d["cities"][0]["priorities"][0], "gain"))
damage("compare", "no ranking", lambda d: drop(d, "ranking"))
damage("compare", "a cell without a gap",
       lambda d: drop(d["nodes"][0]["cities"][0], "gap"))
damage("priorities", "an unknown --by", lambda d: d.update(by="area"))
damage("whatif", "a city without its score after",
       lambda d: drop(d["cities"][0]["after"], "score"))
damage("plan", "a target given as its level",
       lambda d: d["cities"][0]["targets"][0].update(target="sound"))
damage("plan", "a change without its new value",
       lambda d: drop(d["cities"][0]["changes"][0], "value_to"))
damage("priorities", "a priority without its sentence",
       lambda d: drop(d["cities"][0]["priorities"][0], "text"))
damage("priorities", "a collect item with a weight above 1",
       lambda d: d["cities"][0]["collect"][0].update(
           weight_if_collected=1.5))

damage("score", "a city without its id", lambda d: drop(d["cities"][0], "id"))
damage("score", "a city without year_max",
       lambda d: drop(d["cities"][0], "year_max"))
damage("score", "an indicator year of 0",
       lambda d: d["cities"][0]["scores"]["a1"].update(year=0))
damage("score", "a change without its like-for-like part",
       lambda d: d["cities"][0].update(in_baseline=True, change=1))
damage("compare", "a city without its scores",
       lambda d: drop(d["cities"][0], "scores"))
damage("trend", "a year without its scores",
       lambda d: drop(d["cities"][0]["years"][0], "scores"))
damage("trend", "no from", lambda d: drop(d, "from"))
damage("trend", "a year without change_like",
       lambda d: drop(d["cities"][0]["years"][1], "change_like"))
damage("shock", "a node without years_to_recover",
       lambda d: drop(d["cities"][0]["nodes"]["a1"], "years_to_recover"))
damage("shock", "negative years to recover",
       lambda d: d["cities"][0]["nodes"]["a1"].update(years_to_recover=-1))
damage("shock", "a city without city_scores",
       lambda d: drop(d["cities"][0], "city_scores"))
damage("shock", "a series index as a string",
       lambda d: d["cities"][0]["series"]["a1"].update(resistance="-1.5"))

damage("sensitivity", "a nominal rank of 0",
       lambda d: d["cities"][0].update(nominal=0))
damage("sensitivity", "a level share above 1",
       lambda d: d["cities"][0]["levels"].update(weak=1.5))
damage("sensitivity", "an unknown input",
       lambda d: d["inputs"][0].update(name="colour"))
damage("sensitivity", "a city without its mean rank",
       lambda d: drop(d["cities"][0], "mean"))


def band_node(d):
    return d["nodes"][0]["children"][0]


damage("framework", "a band without worst_high",
       lambda d: drop(band_node(d)["band"], "worst_high"))
damage("framework", "a band with goalposts",
       lambda d: band_node(d).update(worst=0))
damage("framework", "a series of an unknown database",
       lambda d: band_node(d).update(series={"imf": "X"}))

print("%d failure(s)" % failures)
sys.exit(1 if failures else 0)
