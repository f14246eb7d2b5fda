#!/usr/bin/env python3
"""The baseline example of docs/methodology.md on the cities of data/.

usage: check_like_for_like.py BIN SOURCE_DIR

Scores data/*.csv with --year 2019 as a baseline (score --format json),
then compares --year 2020 against it, and checks for every city that the
like-for-like change of the city is the weighted mean of its areas'
like-for-like changes (both runs are scored on the same indicators, so
the same areas have a score on both sides), that the composition effect
is the total change minus the like-for-like one, and that the gate of
--fail-on-drop follows the like-for-like change.  Then copies
data/beirut.csv to Beirut.csv: with its city_id the renamed file is still
the baseline's city and --fail-on-drop still gates it; without one it is
missing (and new), which only --fail-on-missing fails.  Prints the figures so
that the test log shows them.  The data may change; the rules may not.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile


def run(args, check=True):
    p = subprocess.run(args, capture_output=True)
    if check and p.returncode != 0:
        sys.exit("%s: exit %d\n%s" % (" ".join(args), p.returncode,
                                      p.stderr.decode()))
    return p


def main(binary, src):
    files = [os.path.join(src, "data", c + ".csv")
             for c in ("alexandria", "beirut", "kuwait")]
    with open(os.path.join(src, "data", "frameworks", "dpt.json"),
              encoding="utf-8") as f:
        fw = json.load(f)
    weight = {a["id"]: a.get("weight", 1) for a in fw["children"]}
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "2019.json")
        run([binary, "score", "--year", "2019", "--format", "json",
             "--output", base] + files)
        now = json.loads(run([binary, "compare", "--year", "2020",
                              "--format", "json", "--baseline", base]
                             + files).stdout)
        if not now["baseline"]["like_for_like"]:
            bad.append("like for like refused on the same framework")
        for c in now["cities"]:
            s = c["scores"]
            like = {a: s[a]["change_like"] for a in weight}
            got = [a for a in weight if like[a] is not None]
            print("%-12s total %+7.2f  like for like %+7.2f  composition "
                  "%+7.2f" % (c["city"], c["change"], c["change_like"],
                              c["change_composition"]))
            for a in weight:
                print("  %-3s total %8s  like %8s" % (
                    a, "n/a" if s[a]["change"] is None else
                    "%+.2f" % s[a]["change"],
                    "n/a" if like[a] is None else "%+.2f" % like[a]))
            if c["change_like"] is None:
                bad.append("%s: no like-for-like change" % c["id"])
                continue
            mean = sum(weight[a] * like[a] for a in got) / sum(
                weight[a] for a in got)
            if abs(mean - c["change_like"]) > 1e-9:
                bad.append("%s: like for like %r is not the mean %r of "
                           "its areas'" % (c["id"], c["change_like"], mean))
            if min(like[a] for a in got) - 1e-9 > c["change_like"] or \
                    c["change_like"] > max(like[a] for a in got) + 1e-9:
                bad.append("%s: like for like outside its areas'" % c["id"])
            if abs(c["change"] - c["change_like"] -
                   c["change_composition"]) > 1e-9:
                bad.append("%s: composition is not total - like" % c["id"])
            # the gate: just below and just above the like-for-like drop
            drop = -c["change_like"]
            if drop > 0:
                for p, want in ((drop * 0.99, 1), (min(drop * 1.01, 100), 0)):
                    g = run([binary, "compare", "-q", "--year", "2020",
                             "--baseline", base, "--fail-on-drop",
                             "%.6f" % p, files[[x["id"] for x in
                                                now["cities"]].index(
                                 c["id"])]], check=False)
                    if g.returncode != want:
                        bad.append("%s: --fail-on-drop %.6f gave %d" % (
                            c["id"], p, g.returncode))
        renamed(binary, src, tmp, bad)
    if bad:
        sys.exit("\n".join(bad))
    return 0


def renamed(binary, src, tmp, bad):
    """beirut.csv copied to Beirut.csv, with and without its city_id."""
    orig = os.path.join(src, "data", "beirut.csv")
    base = os.path.join(tmp, "beirut-2019.json")
    run([binary, "score", "--year", "2019", "--format", "json",
         "--output", base, orig])
    with open(orig, encoding="utf-8") as f:
        lines = f.read().split("\n")
    copy = os.path.join(tmp, "Beirut.csv")
    with open(copy, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    bare = os.path.join(tmp, "noid", "Beirut.csv")
    os.mkdir(os.path.dirname(bare))
    with open(orig, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(bare, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(
            [row[:5] for row in rows])
    doc = json.loads(run([binary, "score", "--format", "json",
                          "--baseline", base, copy]).stdout)
    c = doc["cities"][0]
    print("Beirut.csv: id %s, in the baseline %s, total %s, like for like "
          "%s" % (c["id"], c["in_baseline"], c["change"], c["change_like"]))
    if not c["in_baseline"] or doc["baseline"]["missing"]:
        bad.append("Beirut.csv with its city_id is not the baseline's city")
        return
    drop = -c["change_like"] if c["change_like"] is not None else 0
    p = max(drop - 0.01, 0)
    want = 1 if drop > p else 0
    g = run([binary, "score", "-q", "--baseline", base, "--fail-on-drop",
             "%.6f" % p, copy], check=False)
    if g.returncode != want:
        bad.append("Beirut.csv: --fail-on-drop %.6f gave %d, not %d" % (
            p, g.returncode, want))
    doc = json.loads(run([binary, "score", "--format", "json",
                          "--baseline", base, bare]).stdout)
    if doc["cities"][0]["in_baseline"] or \
            [m["id"] for m in doc["baseline"]["missing"]] != ["beirut"]:
        bad.append("Beirut.csv without a city_id: not missing and new")
    g = run([binary, "score", "-q", "--baseline", base, "--fail-on-drop",
             "0", bare], check=False)
    if g.returncode != 0:
        bad.append("Beirut.csv without a city_id: --fail-on-drop gave %d" %
                   g.returncode)
    g = run([binary, "score", "-q", "--baseline", base, "--fail-on-missing",
             bare], check=False)
    if g.returncode != 1 or b"(id 'beirut') of the baseline is not in" \
            not in g.stderr:
        bad.append("Beirut.csv without a city_id: --fail-on-missing gave "
                   "%d: %s" % (g.returncode, g.stderr.decode()))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
