#!/usr/bin/env python3
"""The baseline example of docs/methodology.md on the cities of data/.

usage: check_like_for_like.py BIN SOURCE_DIR

Scores data/*.csv with --year 2019 as a baseline (score --format json),
then compares --year 2020 against it, and checks for every city that the
like-for-like change of the city is the weighted mean of its areas'
like-for-like changes (both runs are scored on the same indicators, so
the same areas have a score on both sides), that the composition effect
is the total change minus the like-for-like one, and that the gate of
--fail-on-drop follows the like-for-like change.  Prints the figures so
that the test log shows them.  The data may change; the rules may not.
"""
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
    if bad:
        sys.exit("\n".join(bad))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
