#!/bin/sh
# Every benchmark of docs/performance.md, as one Markdown table.
#
#	bench/all.sh [BUILD_DIR]
#
# BUILD_DIR (default build/) holds resilience and the bench_* tools that
# CMake builds with it (RS_BENCH=ON, the default); this script builds
# nothing.  Inputs are generated into bench/out/ (ignored by git) by
# bench_gen and kept for the next run.  Each figure is the best of
# RS_BENCH_REPEAT runs (default 3; the one-city figure is the best of 20)
# by bench_timeit: wall time, CPU time (user + system) and peak resident
# set size from wait4(), the figures GNU time -v prints.
#
# The peer rows run bench/peer_pandas.py, the same scores and ranks in
# pandas, with the first python3 that has it (Debian: python3-pandas);
# without it they say "skipped".  DuckDB is not packaged in Debian 12.
#
# The sensitivity rows need ../shared/coinr-asem (COINr's ASEM example)
# and a binary with the sensitivity command (or, for the ASEM rows, the
# older uncertainty command); without them they say "skipped".
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
bin=$build/resilience
gen=$build/bench_gen
timeit=$build/bench_timeit
repeat=${RS_BENCH_REPEAT:-3}
out=$root/bench/out
asem=$root/../shared/coinr-asem
for t in "$bin" "$gen" "$timeit" "$build/bench_tokenise"; do
	[ -x "$t" ] || { echo "bench: no $t; build first" >&2; exit 2; }
done
mkdir -p "$out"
cd "$root"

# input FILE COMMAND...: generate FILE unless it is there already, made
# by the same command (FILE.cmd keeps it: a file left by another version
# of this script is made again).
input() {
	f=$1
	shift
	if [ ! -s "$f" ] || [ "$(cat "$f.cmd" 2>/dev/null)" != "$*" ]; then
		"$@" > "$f.tmp"
		mv "$f.tmp" "$f"
		printf '%s\n' "$*" > "$f.cmd"
	fi
}

input "$out/wide-100000.csv" "$gen" data --cities 100000 --decimals 6
input "$out/world.csv" "$gen" data --cities 13000 --seed 2
input "$out/framework-10x10.json" "$gen" framework 10x10
for n in 2500 5000 10000; do
	input "$out/long-$n.csv" "$gen" data --framework \
	    "$out/framework-10x10.json" --cities $n --format long
done

# time R COMMAND...: "wall cpu rss_kib" of the best of R runs, or
# "failed".
time_best() {
	"$timeit" "$@" 2>"$out/stderr" || echo failed
}

# The first line of the last failure, for the table.
why() {
	head -n 1 "$out/stderr" | cut -c 1-160 | sed 's/|/\\|/g'
}

# row NAME TARGET FIGURE MET: one line of the table.
row() {
	printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"
}

# Seconds or milliseconds, as the figure asks; why a run failed.
secs() {
	if [ "$1" = failed ]; then
		echo "failed: $(why)"
		return
	fi
	awk -v s="$1" 'BEGIN { if (s < 0.1) printf "%.2f ms", s * 1000
		else printf "%.2f s", s }'
}

# is A < B (awk: floating point)
below() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'
}

verdict() {
	if [ "$1" = failed ]; then
		echo missed
	elif below "$1" "$2"; then
		echo met
	else
		awk -v a="$1" -v b="$2" \
		    'BEGIN { printf "missed (%.2fx the target)", a / b }'
	fi
}

echo "| benchmark | target | figure | met |"
echo "|---|---|---|---|"

# 1. One city, the whole process; the floor of any process here.
set -- $(time_best 20 /bin/true)
row "\`/bin/true\` (the cost of a process here)" "-" "$(secs "$1")" "-"
set -- $(time_best 20 "$bin" score data/alexandria.csv)
row "\`resilience score data/alexandria.csv\`" "< 5 ms" \
    "$(secs "$1")${2:+ (CPU $(secs "$2"))}" "$(verdict "$1" 0.005)"

# 2. 100,000 cities x 63 indicators, wide CSV.
wide=$out/wide-100000.csv
size=$(wc -c < "$wide")
set -- $(time_best "$repeat" "$build/bench_tokenise" "$wide")
base=$1
row "tokenise-only baseline, \`wide-100000.csv\` ($(awk -v s="$size" \
    'BEGIN { printf "%.1f MB", s / 1e6 }'))" "-" "$(secs "$1")" "-"
for fmt in csv text json; do
	set -- $(time_best "$repeat" "$bin" score --format $fmt "$wide")
	if [ "$1" = failed ]; then
		row "\`score --format $fmt wide-100000.csv\`" "-" \
		    "failed: $(why)" "missed"
		continue
	fi
	target=-
	met=-
	if [ $fmt = csv ]; then
		target="<= 15x baseline"
		met=$(verdict "$1" "$(awk -v b="$base" \
		    'BEGIN { print 15 * b * 1.000001 }')")
	elif [ $fmt = text ]; then
		target="<= 2.5x baseline"
		met=$(verdict "$1" "$(awk -v b="$base" \
		    'BEGIN { print 2.5 * b * 1.000001 }')")
	elif [ $fmt = json ]; then
		target="<= 20x baseline"
		met=$(verdict "$1" "$(awk -v b="$base" \
		    'BEGIN { print 20 * b * 1.000001 }')")
	fi
	[ $fmt = text ] && text_wall=$1 text_cpu=$2
	row "\`score --format $fmt wide-100000.csv\`, time" "$target" \
	    "$(secs "$1") ($(awk -v a="$1" -v b="$base" \
	    'BEGIN { printf "%.1f", a / b }')x; CPU $(secs "$2"))" "$met"
	# under twice the file, for every format
	target="< 2x file size"
	met=$(verdict "$(($3 * 1024))" "$((2 * size))")
	row "\`score --format $fmt wide-100000.csv\`, peak memory" \
	    "$target" "$(awk -v k="$3" -v s="$size" 'BEGIN {
		printf "%.0f MiB (%.1fx the file)", k / 1024, k * 1024 / s }')" \
	    "$met"
done

# 2b. The peer: the same scores and ranks in pandas (bench/peer_pandas.py),
# beside the text report's time.  DuckDB is not packaged in Debian 12.
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pandas' >/dev/null 2>&1; then
		py=$p
		break
	fi
done
name="peer: pandas, the same scores and ranks of \`wide-100000.csv\`"
if [ -z "$py" ]; then
	row "$name" "-" "skipped: no python3 with pandas (Debian: python3-pandas)" "-"
elif [ -z "${text_wall:-}" ]; then
	row "$name" "-" "skipped: the text report failed" "-"
else
	set -- $(time_best "$repeat" "$py" bench/peer_pandas.py \
	    data/frameworks/dpt.json "$wide")
	if [ "$1" = failed ]; then
		row "$name" "-" "failed: $(why)" "-"
	else
		mib=$(awk -v k="$3" 'BEGIN { printf "%.0f MiB", k / 1024 }')
		row "$name" "-" "$(secs "$1") ($(awk -v a="$1" -v b="$base" \
		    'BEGIN { printf "%.1f", a / b }')x; CPU $(secs "$2"), $mib)" \
		    "-"
		row "peer against ours: pandas / \`score --format text\`" "-" \
		    "$(awk -v a="$1" -v b="$text_wall" -v c="$2" -v d="$text_cpu" \
		    'BEGIN { printf "%.1fx wall, %.1fx CPU", a / b, c / d }')" "-"
	fi
fi
row "peer: DuckDB" "-" "skipped: not packaged in Debian 12" "-"

# 3. Sensitivity analysis: the ASEM example, and the world's cities.
cmd=
for c in sensitivity uncertainty; do
	if "$bin" $c --help >/dev/null 2>&1; then
		cmd=$c
		break
	fi
done
for n in 1000 100000; do
	name="\`$cmd --runs $n\` (ASEM, weights +-25% at levels 2 and 3, minmax or zscore)"
	target=$([ $n = 1000 ] && echo 0.1 || echo 10)
	if [ -z "$cmd" ] || [ ! -d "$asem" ]; then
		row "ASEM sensitivity, N = $n" "< $target s" skipped skipped
		continue
	fi
	set -- $(time_best "$repeat" "$bin" $cmd --framework \
	    "$asem/input_iMeta.csv" --runs $n --seed 1 --weight-noise 0.25 \
	    --noise-levels 2,3 --vary-normalise minmax:1,100 \
	    --vary-normalise zscore:10,2 "$asem/input_iData.csv")
	row "$name" "< $target s" "$(secs "$1")${2:+ (CPU $(secs "$2"))}" \
	    "$(verdict "$1" $target)"
done
name="\`sensitivity --runs 10000 --threads 2 world.csv\` (13,000 cities x 63)"
if [ "$cmd" != sensitivity ]; then
	row "$name" "< 60 s" skipped skipped
else
	set -- $(time_best 1 "$bin" sensitivity --runs 10000 \
	    --weight-noise 0.25 --threads 2 "$out/world.csv")
	row "$name" "< 60 s" "$(secs "$1")${2:+ (CPU $(secs "$2"))}" \
	    "$(verdict "$1" 60)"
fi

# 4. Long CSV at scale: 10 areas x 10 indicators, 100 rows a city; the
# text report of a million rows against the tokenise baseline of its file.
set -- $(time_best "$repeat" "$build/bench_tokenise" "$out/long-10000.csv")
long_base=$1
row "tokenise-only baseline, \`long-10000.csv\` (1000000 rows)" "-" \
    "$(secs "$1")" "-"
for n in 2500 5000 10000; do
	for fmt in text json; do
		set -- $(time_best "$repeat" "$bin" score --framework \
		    "$out/framework-10x10.json" --format $fmt \
		    "$out/long-$n.csv")
		target=-
		met=-
		ratio=
		if [ $n = 10000 ] && [ $fmt = text ] && [ "$1" != failed ] &&
		    [ "$long_base" != failed ]; then
			target="<= 3x baseline"
			met=$(verdict "$1" "$(awk -v b="$long_base" \
			    'BEGIN { print 3 * b * 1.000001 }')")
			ratio=" ($(awk -v a="$1" -v b="$long_base" \
			    'BEGIN { printf "%.1f", a / b }')x)"
		fi
		mib=$(awk -v k="${3:-0}" \
		    'BEGIN { printf "%.0f MiB", k / 1024 }')
		row "\`score --format $fmt long-$n.csv\` ($((n * 100)) rows)" \
		    "$target" "$(secs "$1")$ratio${2:+, CPU $(secs "$2"), $mib}" \
		    "$met"
	done
done
