#!/bin/sh
# Peak memory against the size of the input (docs/robustness.md,
# "Memory"): the resident set of each command on generated inputs, and
# its multiple of the input's size.
#
#	bench/bench_memory.sh [BUILD_DIR]
#
# BUILD_DIR (default build/) holds resilience, bench_gen, bench_collide
# and bench_timeit.  Each figure is the peak resident set size that
# wait4() reports for one run (bench_timeit); inputs are generated into
# bench/out/ (ignored by git).  Prints a Markdown table.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
bin=$build/resilience
timeit=$build/bench_timeit
out=$root/bench/out
for t in "$bin" "$build/bench_gen" "$build/bench_collide" "$timeit"; do
	[ -x "$t" ] || { echo "bench: no $t; build first" >&2; exit 2; }
done
mkdir -p "$out"

m=$out/memory
[ -s "$m-20000.csv" ] || "$build/bench_gen" data --cities 20000 >"$m-20000.csv"
[ -s "$m-100000.csv" ] ||
    "$build/bench_gen" data --cities 100000 --decimals 6 >"$m-100000.csv"
[ -s "$m-20000.json" ] ||
    "$build/bench_gen" data --cities 20000 --format json >"$m-20000.json"
[ -s "$m-fw.json" ] ||
    "$build/bench_collide" framework 99990 --random >"$m-fw.json"
printf 'indicator,value\n' >"$m-none.csv"

# row INPUT COMMAND...: the peak RSS of one run and its multiple of INPUT.
row() {
	f=$1
	shift
	size=$(wc -c <"$f")
	if res=$("$timeit" 1 "$bin" "$@" 2>/dev/null); then
		echo "$res" | awk -v s="$size" -v f="$(basename "$f")" \
		    -v c="$(echo "$*" | sed "s|$out/||g")" '{ printf "| %s | %.1f MB | `%s` | %.0f MB | %.1f |\n",
		    f, s / 1e6, c, $3 * 1024 / 1e6, $3 * 1024 / s }'
	else
		echo "| $(basename "$f") | | \`$*\` | failed | |"
	fi
}

echo "| Input | Size | Command | Peak RSS | Multiple |"
echo "|---|---:|---|---:|---:|"
c=$m-20000.csv
for cmd in "score -q" "score" "score --format csv" "score --format json" \
    "compare" "priorities"; do
	# shellcheck disable=SC2086
	row "$c" $cmd "$c"
done
row "$m-20000.json" score -q "$m-20000.json"
row "$m-20000.json" score --format json "$m-20000.json"
row "$m-100000.csv" score -q "$m-100000.csv"
row "$m-100000.csv" score "$m-100000.csv"
row "$m-fw.json" framework --framework "$m-fw.json"
row "$m-fw.json" score -q --framework "$m-fw.json" "$m-none.csv"
