#!/bin/sh
# Benchmark of `resilience sensitivity` (docs/performance-pipeline.md,
# "Sensitivity analysis"): wall time, CPU time and peak memory of
#
#   1. COINr's ASEM uncertainty analysis (weights +-25% at levels 2 and 3;
#      min-max [1, 100] or z-score (10, 2)), N = 1000 and N = 100,000;
#   2. the same as a Sobol analysis, N = 1000 (4000 runs);
#   3. CITIES synthetic cities (13,000) x the 63 indicators of the
#      built-in DPT framework, weight noise 25% at every level, N = 10,000.
#
#	bench/bench_sensitivity.sh [BINARY [CITIES [RUNS]]]
#
# BINARY defaults to build/resilience.  Needs GNU time, python3 (to list
# the DPT goalposts) and ../shared/coinr-asem (case 1 and 2 are skipped
# without it).  The best of RS_BENCH_REPEAT runs (3) is printed as a
# Markdown table row per case.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/resilience}
cities=${2:-13000}
runs=${3:-10000}
repeat=${RS_BENCH_REPEAT:-3}
threads=${RS_BENCH_THREADS:-2}
asem=${RS_SHARED_DIR:-$root/../shared}/coinr-asem
out=$root/bench/out
mkdir -p "$out"
[ -x "$bin" ] || { echo "bench: no binary $bin; build first" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
	echo "bench: needs GNU time (apt-get install time)" >&2
	exit 2
fi

# best WALL CPU RSS of $repeat runs of "$@"
measure() {
	best=""
	i=0
	while [ $i -lt "$repeat" ]; do
		/usr/bin/time -v -o "$out/time.txt" "$@" >/dev/null
		line=$(awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0
			for (k = 1; k <= n; k++) w = w * 60 + p[k] }
		/User time/ { u = $2 } /System time/ { s = $2 }
		/Maximum resident/ { m = $2 }
		END { printf "%.2f %.2f %.0f\n", w, u + s, m / 1024 }' \
		    "$out/time.txt")
		if [ -z "$best" ] || awk -v a="$line" -v b="$best" \
		    'BEGIN { split(a, x, " "); split(b, y, " ");
		    exit !(x[1] < y[1]) }'; then
			best=$line
		fi
		i=$((i + 1))
	done
	set -- $best
	printf "| %s s | %s s | %s MiB |\n" "$1" "$2" "$3"
}

echo "| case | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
ua="--framework $asem/input_iMeta.csv --weight-noise 0.25 --noise-levels 2,3
    --vary-normalise minmax:1,100 --vary-normalise zscore:10,2
    --impute group-mean:EurAsia_group --screen 0.9 --treat on
    --threads $threads --no-progress"
if [ -f "$asem/input_iData.csv" ]; then
	for n in 1000 100000; do
		printf "| ASEM uncertainty, N = %s " "$n"
		# shellcheck disable=SC2086
		measure "$bin" sensitivity $ua --runs $n "$asem/input_iData.csv"
	done
	printf "| ASEM Sobol, N = 1000 (4000 runs) "
	# shellcheck disable=SC2086
	measure "$bin" sensitivity $ua --sobol --runs 1000 \
	    "$asem/input_iData.csv"
else
	echo "bench: $asem missing: ASEM cases skipped" >&2
fi

# Wide CSV: city, then the 63 DPT indicators, values uniform between
# each indicator's goalposts (fixed seed: the same file every time).
python3 - "$root/data/frameworks/dpt.json" > "$out/dpt-goalposts.tsv" <<'PY'
import json, sys
def walk(n):
    for c in n.get("children", []):
        if "children" in c:
            walk(c)
        else:
            print("%s\t%s\t%s" % (c["id"], c["worst"], c["best"]))
walk(json.load(open(sys.argv[1])))
PY
awk -F'\t' -v n="$cities" '
{ id[NR] = $1; lo[NR] = $2; hi[NR] = $3 }
END {
	srand(1)
	printf "city"
	for (k = 1; k <= NR; k++) printf ",%s", id[k]
	printf "\n"
	for (c = 1; c <= n; c++) {
		printf "City %05d", c
		for (k = 1; k <= NR; k++)
			printf ",%.3f", lo[k] + rand() * (hi[k] - lo[k])
		printf "\n"
	}
}' "$out/dpt-goalposts.tsv" > "$out/world.csv"
printf "| %s cities x 63 DPT indicators, N = %s " "$cities" "$runs"
measure "$bin" sensitivity --weight-noise 0.25 --runs "$runs" \
    --threads "$threads" --no-progress "$out/world.csv"
