#!/bin/sh
# Branch coverage of the whole test suite, per source file of src/, by gcov.
#
#	scripts/coverage.sh [BUILD_DIR]      (default build-coverage)
#
# Builds with -DRS_COVERAGE=ON, runs every test, then prints each file's
# branches taken at least once, the total, and fails (status 1) when the
# total is below 90% or a file below 75%.  RS_COVERAGE_NO_BUILD=1 reads
# the counters of the last run without building or testing again.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-coverage}
if [ "${RS_COVERAGE_NO_BUILD:-}" != 1 ]; then
	cmake -S . -B "$build" -DRS_COVERAGE=ON -DRS_WERROR=OFF >/dev/null
	cmake --build "$build" -j2 >/dev/null 2>&1 ||
		{ echo "coverage.sh: the build failed" >&2; exit 1; }
	find "$build" -name '*.gcda' -delete
	ctest --test-dir "$build" -j2 --output-on-failure >"$build/coverage-ctest.log" ||
		{ tail -n 30 "$build/coverage-ctest.log"; exit 1; }
fi
exec python3 - "$build" "$(pwd)" <<'PY'
import json, os, subprocess, sys
build, src = sys.argv[1], sys.argv[2]
branches = {}           # (file, line, index) -> taken
for root, _, names in os.walk(build):
    for n in names:
        if not n.endswith(".gcda"):
            continue
        out = subprocess.run(["gcov", "--json-format", "--stdout",
                              "--branch-probabilities",
                              os.path.abspath(os.path.join(root, n))],
                             cwd=os.path.abspath(root), capture_output=True, text=True).stdout
        for doc in out.splitlines():
            if not doc.startswith("{"):
                continue
            for f in json.loads(doc)["files"]:
                path = os.path.normpath(os.path.join(src, f["file"])) \
                    if not os.path.isabs(f["file"]) else f["file"]
                rel = os.path.relpath(path, src)
                if not rel.startswith("src/"):
                    continue
                for line in f["lines"]:
                    for i, b in enumerate(line.get("branches", [])):
                        if b.get("throw"):
                            continue
                        k = (rel, line["line_number"], i)
                        branches[k] = branches.get(k, False) or b["count"] > 0
per = {}
for (f, _, _), taken in branches.items():
    t, n = per.get(f, (0, 0))
    per[f] = (t + taken, n + 1)
bad = []
for f in sorted(per):
    t, n = per[f]
    pct = 100.0 * t / n
    flag = "  below 75%" if pct < 75 else ""
    if flag:
        bad.append(f)
    print("%6.1f%%  %5d/%-5d  %s%s" % (pct, t, n, f, flag))
t = sum(v[0] for v in per.values())
n = sum(v[1] for v in per.values())
total = 100.0 * t / n if n else 0.0
print("%6.1f%%  %5d/%-5d  total" % (total, t, n))
sys.exit(1 if total < 90 or bad else 0)
PY
