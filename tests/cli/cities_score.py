#!/usr/bin/env python3
"""The three pilot cities score on the built-in framework.

Usage: cities_score.py RESILIENCE DATA_DIR

Scores data/alexandria.csv, data/beirut.csv and data/kuwait.csv together
(JSON report) and checks that the run succeeds, that each city has a
score, a level and full coverage at the top level, and that every area
(top-level node) of every city has a score.  Prints the coverage of each
area so that the test log shows it.
"""
import json
import os
import subprocess
import sys


def main(argv):
    exe, data = argv[1], argv[2]
    files = [os.path.join(data, c + ".csv") for c in ("alexandria", "beirut", "kuwait")]
    p = subprocess.run([exe, "score", "--format", "json"] + files, capture_output=True)
    if p.returncode != 0:
        sys.exit("score failed (%d): %s" % (p.returncode, p.stderr.decode("utf-8", "replace")))
    rep = json.loads(p.stdout.decode("utf-8"))
    areas = [k for k in rep["cities"][0]["scores"] if not k.startswith("RPI ")]
    bad = []
    if [c["id"] for c in rep["cities"]] != ["alexandria", "beirut", "kuwait"]:
        bad.append("city ids %r" % [c["id"] for c in rep["cities"]])
    if [c["city"] for c in rep["cities"]] != ["Alexandria", "Beirut", "Kuwait City"]:
        bad.append("cities %r" % [c["city"] for c in rep["cities"]])
    for c in rep["cities"]:
        print("%-11s score %5.1f %-14s coverage %.2f, %d of %d indicators" % (
            c["city"], c["score"] or 0, c["level"], c["coverage"],
            c["indicators_with_data"], c["indicators"]))
        if c["score"] is None or c["level"] is None or c["coverage"] != 1:
            bad.append("%s: score %r level %r coverage %r" % (c["city"], c["score"], c["level"], c["coverage"]))
        for a in areas:
            s = c["scores"][a]
            print("  %-3s score %5s coverage %.2f" % (
                a, "n/a" if s["score"] is None else "%.1f" % s["score"], s["coverage"]))
            if s["score"] is None:
                bad.append("%s: area %s has no score" % (c["city"], a))
    if len(areas) != 5:
        bad.append("areas %r" % areas)
    if bad:
        sys.exit("\n".join(bad))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
