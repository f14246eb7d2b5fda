#!/bin/sh
# Hash flooding (docs/performance.md, "Hash flooding"): inputs whose names
# all fall in one slot of the unkeyed FNV-1a tables of before, against
# names of the same length drawn at random, at three sizes each.
#
#	bench/bench_collide.sh [BUILD_DIR [OLD_BINARY]]
#
# BUILD_DIR (default build/) holds resilience, bench_collide and
# bench_timeit.  OLD_BINARY, when given, is a resilience built before the
# tables were keyed; it runs each colliding input once (it takes seconds
# where the new one takes milliseconds).  Prints a Markdown table: CPU
# time (user + system) of the best of RS_BENCH_REPEAT runs (default 3),
# and in brackets its wall time, by input, size and names.  Inputs are
# generated into bench/out/ (ignored by git).  RS_COLLIDE_KINDS picks
# some of the inputs (default: cities header json baseline framework).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
old=${2:-}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
bin=$build/resilience
gen=$build/bench_collide
timeit=$build/bench_timeit
repeat=${RS_BENCH_REPEAT:-3}
out=$root/bench/out
for t in "$bin" "$gen" "$timeit" ${old:+"$old"}; do
	[ -x "$t" ] || { echo "bench: no $t; build first" >&2; exit 2; }
done
mkdir -p "$out"

# cell R BINARY KIND FILE: "cpu s (wall s)" of the best of R runs.
cell() {
	r=$1 b=$2 kind=$3 f=$4
	case $kind in
	baseline) set -- score -q --baseline "$f" "$root/data/beirut.csv" ;;
	framework) set -- framework --framework "$f" ;;
	*) set -- score -q "$f" ;;
	esac
	if res=$("$timeit" "$r" "$b" "$@" 2>"$out/collide.err"); then
		echo "$res" | awk '{ printf "%.3f s (%.3f s)", $2, $1 }'
	else
		printf 'failed: %s' "$(head -n 1 "$out/collide.err")"
	fi
}

echo "| Input | Names | Random names | Colliding names |${old:+ Colliding, before |}"
echo "|---|---:|---:|---:|${old:+---:|}"
# shellcheck disable=SC2086 # a list of words
for kind in ${RS_COLLIDE_KINDS:-cities header json baseline framework}; do
	for n in 25000 50000 100000; do
		# a row holds 100,000 fields, a framework 100,000 nodes
		case $kind in header|framework) [ "$n" = 100000 ] && n=99990 ;;
		esac
		c=$out/collide-$kind-$n
		"$gen" "$kind" "$n" >"$c.txt"
		"$gen" "$kind" "$n" --random >"$c-random.txt"
		line="| $kind | $n | $(cell "$repeat" "$bin" "$kind" "$c-random.txt")"
		line="$line | $(cell "$repeat" "$bin" "$kind" "$c.txt") |"
		[ -n "$old" ] && line="$line $(cell 1 "$old" "$kind" "$c.txt") |"
		echo "$line"
	done
done
