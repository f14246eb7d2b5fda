#!/usr/bin/env python3
"""Rewrite the per-city part of docs/data-sources.md from the city files.

Usage: python3 scripts/gen-data-sources.py [--check] [--resilience BIN]

Everything in docs/data-sources.md above the marker line is written by hand
(rules, datasets, coverage discussion); everything below it is generated
here from data/frameworks/dpt.json and data/<city>.csv: for each city the
area scores (computed by running `BIN score --format json`, default
build/resilience), a table of every value with its year, level, note and
source, and the list of gaps.

With --check nothing is written: the script exits 1 if the document
differs from what it would write (the test suite runs it this way, so the
tables cannot drift from the data).
"""
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "data-sources.md")
FRAMEWORK = os.path.join(ROOT, "data", "frameworks", "dpt.json")
MARKER = ("<!-- Generated below by scripts/gen-data-sources.py from the "
          "city files; do not edit by hand. -->")
CITIES = [("alexandria", "Alexandria", "Egypt"),
          ("beirut", "Beirut", "Lebanon"),
          ("kuwait", "Kuwait City", "Kuwait")]
NO_SOURCE = "no public source found"


def leaves(node, out):
    if "children" in node:
        for c in node["children"]:
            leaves(c, out)
    else:
        out[node["id"]] = node
    return out


def cell(text):
    """A Markdown table cell: bare addresses become links, | is escaped."""
    text = re.sub(r"(https?://[^\s;,)]+)", r"<\1>", text)
    return text.replace("|", "\\|")


def split_note(note):
    """'national proxy: Egypt; caveat' -> ('national proxy', 'caveat');
    'city-level: Beirut governorate; caveat' keeps the place."""
    m = re.match(r"(city-level|national proxy)(?:: ([^;]*))?(?:; (.*))?$",
                 note)
    if m is None:
        return "", note.rstrip(".")
    level = m.group(1)
    if level == "city-level" and m.group(2):
        level += " (%s)" % m.group(2)
    return level, (m.group(3) or "").rstrip(".")


def city_section(key, title, country, fw, ind, scores):
    path = os.path.join(ROOT, "data", key + ".csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    values = [r for r in rows if r["value"] != ""]
    have = {r["indicator"] for r in values}
    s = scores[key]
    out = ["## %s (%s)" % (title, country), ""]
    if s["score"] is None:
        out.append("Scores with the values below (`resilience score "
                   "data/%s.csv`): overall n/a." % key)
    else:
        out.append("Scores with the values below (`resilience score "
                   "data/%s.csv`): overall %.1f (%s)."
                   % (key, s["score"], s["level"]))
    out += ["", "| Area | Score | Level | RPIs scored |", "|---|---|---|---|"]
    for area in fw["children"]:
        a = s["scores"][area["id"]]
        scored = [r["id"] for r in area["children"]
                  if s["scores"][r["id"]]["score"] is not None]
        score = "n/a" if a["score"] is None else "%.1f" % a["score"]
        out.append("| %s %s | %s | %s | %s |"
                   % (area["id"], area["name"]["en"], score,
                      a["level"] or "n/a", ", ".join(scored) or "none"))
    out += ["", "| Indicator | Year | Value | Level | Note | Source |",
            "|---|---|---|---|---|---|"]
    for r in values:
        level, caveat = split_note(r["note"])
        out.append("| %s %s | %s | %s | %s | %s | %s |"
                   % (r["indicator"], ind[r["indicator"]]["name"]["en"],
                      r["year"], r["value"], level, cell(caveat),
                      cell(r["source"])))
    out += ["", "Gaps:", ""]
    plain = []
    for r in rows:
        if r["value"] != "" or r["indicator"] in have:
            continue
        if ind[r["indicator"]].get("unit") == "rubric 1-5":
            continue
        if r["note"] == NO_SOURCE:
            plain.append(r["indicator"])
        else:
            out.append("- %s %s: %s." % (r["indicator"],
                       ind[r["indicator"]]["name"]["en"],
                       cell(r["note"].rstrip("."))))
    if plain:
        out.append("- No public source found: %s."
                   % "; ".join("%s %s" % (i, ind[i]["name"]["en"])
                               for i in plain))
    rubrics = [i for i, n in ind.items()
               if n.get("unit") == "rubric 1-5" and i not in have]
    if rubrics:
        out.append("- Qualitative (rubric) items, to be scored by a local "
                   "assessment: %s." % ", ".join(rubrics))
    out.append("")
    return "\n".join(out)


def main(argv):
    check = False
    binary = os.path.join(ROOT, "build", "resilience")
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--check":
            check = True
        elif a == "--resilience" and args:
            binary = args.pop(0)
        else:
            sys.stderr.write(__doc__)
            return 2
    with open(FRAMEWORK, encoding="utf-8") as f:
        fw = json.load(f)
    ind = leaves(fw, {})
    files = [os.path.join(ROOT, "data", k + ".csv") for k, _, _ in CITIES]
    run = subprocess.run([binary, "score", "--format", "json"] + files,
                         capture_output=True, check=True)
    scores = {c["id"]: c for c in json.loads(run.stdout)["cities"]}
    with open(DOC, encoding="utf-8") as f:
        old = f.read()
    at = old.find(MARKER)
    if at < 0:
        sys.stderr.write("%s: marker line not found\n" % DOC)
        return 1
    new = old[:at] + MARKER + "\n\n" + "\n".join(
        city_section(k, t, c, fw, ind, scores) for k, t, c in CITIES)
    if check:
        if new != old:
            sys.stderr.write("%s is out of date: run "
                             "python3 scripts/gen-data-sources.py\n" % DOC)
            return 1
        return 0
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
