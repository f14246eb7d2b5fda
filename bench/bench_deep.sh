#!/bin/sh
# Deep frameworks (docs/performance.md, "Deep frameworks"): a chain of
# aggregates DEPTH deep, each holding INDICATORS / DEPTH indicators and
# the next aggregate, scored and compared on CITIES cities with every
# value present.
#
#	bench/bench_deep.sh [BUILD_DIR [OLD_BINARY]]
#
# BUILD_DIR (default build/) holds resilience and bench_timeit; OLD_BINARY,
# when given, is a resilience to time on the same inputs (one run each).
# The last two runs read the data with every third value missing, so
# that every city has a list of indicators to collect.
# Prints a Markdown table: CPU time (user + system) of the best of
# RS_BENCH_REPEAT runs (default 3), and in brackets its wall time.
# RS_DEEP="DEPTH INDICATORS CITIES" sets the size (default "495 20000
# 400", the largest chain JSON's nesting limit of 1000 allows).  Inputs
# go to bench/out/ (ignored by git); their outputs are compared byte for
# byte between the two binaries.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
old=${2:-}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
bin=$build/resilience
timeit=$build/bench_timeit
repeat=${RS_BENCH_REPEAT:-3}
out=$root/bench/out
for t in "$bin" "$timeit" ${old:+"$old"}; do
	[ -x "$t" ] || { echo "bench: no $t; build first" >&2; exit 2; }
done
mkdir -p "$out"
# shellcheck disable=SC2086 # three words
set -- ${RS_DEEP:-495 20000 400}
depth=$1 nind=$2 ncities=$3
fw=$out/deep-$depth-$nind.json
data=$out/deep-$depth-$nind-$ncities.csv
sparse=$out/deep-$depth-$nind-$ncities-sparse.csv

# The chain: level L holds indicators L-0 .. L-(per-1), then level L+1.
awk -v depth="$depth" -v nind="$nind" 'BEGIN {
	per = int(nind / depth); extra = nind - per * depth
	printf "{\"id\": \"deep\", \"children\": ["
	for (l = 0; l < depth; l++) {
		k = per + (l < extra)
		for (i = 0; i < k; i++)
			printf "%s{\"id\": \"i%d-%d\", \"weight\": %d, \"worst\": 0, \"best\": 100}", (i ? ", " : ""), l, i, 1 + (i % 3)
		if (l + 1 < depth)
			printf ", {\"id\": \"L%d\", \"weight\": 2, \"children\": [", l + 1
	}
	for (l = 1; l < depth; l++)
		printf "]}"
	printf "]}\n"
}' >"$fw"
awk -v depth="$depth" -v nind="$nind" -v ncities="$ncities" 'BEGIN {
	per = int(nind / depth); extra = nind - per * depth
	printf "city"
	for (l = 0; l < depth; l++)
		for (i = 0; i < per + (l < extra); i++)
			printf ",i%d-%d", l, i
	printf "\n"
	for (c = 0; c < ncities; c++) {
		printf "C%d", c
		n = 0
		for (l = 0; l < depth; l++)
			for (i = 0; i < per + (l < extra); i++)
				printf ",%d", (c * 7919 + n++ * 104729) % 101
		printf "\n"
	}
}' >"$data"
# The same with every third value missing: the collection lists.
awk -F, 'NR == 1 { print; next } {
	for (i = 2; i <= NF; i++) if ((NR + i) % 3 == 0) $i = ""
	print }' OFS=, "$data" >"$sparse"

# cell R BINARY NAME ARGS...: "cpu s (wall s)" of the best of R runs; the
# output is kept in $out/deep-NAME.out for the comparison.
cell() {
	r=$1 b=$2 name=$3
	shift 3
	if res=$("$timeit" "$r" "$b" "$@" -o "$out/deep-$name.out" \
	    2>"$out/deep.err"); then
		echo "$res" | awk '{ printf "%.2f s (%.2f s)", $2, $1 }'
	else
		printf 'failed: %s' "$(head -n 1 "$out/deep.err")"
	fi
}

echo "| Command ($depth deep, $nind indicators, $ncities cities) | Now |${old:+ Before | Same output |}"
echo "|---|---:|${old:+---:|---|}"
for run in "score:score --framework $fw $data" \
    "score-json:score --format json --framework $fw $data" \
    "priorities:priorities --framework $fw $data" \
    "compare:compare --depth 1000 --framework $fw $data" \
    "sparse-json:score --format json --framework $fw $sparse" \
    "sparse-priorities:priorities --framework $fw $sparse"; do
	name=${run%%:*}
	# shellcheck disable=SC2086 # the command's words
	line="| \`${run#*:}\` | $(cell "$repeat" "$bin" "$name" ${run#*:})"
	if [ -n "$old" ]; then
		mv "$out/deep-$name.out" "$out/deep-$name.new"
		# shellcheck disable=SC2086
		line="$line | $(cell 1 "$old" "$name" ${run#*:})"
		if cmp -s "$out/deep-$name.out" "$out/deep-$name.new"; then
			line="$line | yes"
		else
			line="$line | **no**"
		fi
	fi
	echo "$line |" | sed "s|$out/||g"
done
