#!/bin/sh
# Fuzz one target for a while:  scripts/fuzz.sh TARGET SECONDS
# TARGET: csv json framework sheet import baseline imeta idata
# pipeline sensitivity shock scenario actions commands (fuzz/targets.h)
#
# Builds the libFuzzer harnesses in build-fuzz (clang, ASan and UBSan),
# seeds build-fuzz/corpus/TARGET from fuzz/seeds/TARGET, the test data and
# the kept regressions, and runs one job on one core.  Crashing inputs land
# in build-fuzz/artifacts/TARGET/; keep each one as a regression test in
# tests/data/fuzz-regressions/TARGET/ once it is fixed.  Exits 1 when the
# run left an artifact.  With RS_FUZZ_KEEP_GOING=1 the run goes on after
# a crash (libFuzzer -fork=1 -ignore_crashes=1, still one process at a
# time) and keeps every crashing input.
set -eu

usage() {
	echo "usage: scripts/fuzz.sh TARGET SECONDS (TARGET: see fuzz/targets.h)" >&2
	exit 2
}
[ $# -eq 2 ] || usage
target=$1
seconds=$2
case $target in
csv|json|framework|sheet|import|baseline|imeta|idata|pipeline|sensitivity|shock|scenario|actions|commands) ;;
*) usage ;;
esac
case $seconds in ''|*[!0-9]*) usage ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=${RS_FUZZ_BUILD:-$root/build-fuzz}
if [ -z "${RS_FUZZ_NOBUILD:-}" ]; then
	CC=clang cmake -S "$root" -B "$build" -DRS_FUZZ=ON -DRS_TESTS=OFF \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build "$build" -j2 --target "fuzz_$target" >/dev/null
fi

corpus=$build/corpus/$target
artifacts=$build/artifacts/$target
run=$build/runs/$target
mkdir -p "$corpus" "$artifacts" "$run"
for dir in "$root/fuzz/seeds/$target" \
    "$root/tests/data/fuzz-regressions/$target"; do
	if [ -d "$dir" ]; then	# git keeps no empty directory
		find "$dir" -type f -exec cp {} "$corpus/" \;
	fi
done
case $target in
csv)	cp "$root"/tests/data/*.csv "$root"/data/*.csv "$corpus/" ;;
framework)
	cp "$root/tests/data/small.json" "$corpus/" ;;
baseline)
	cp "$root"/tests/cli/data/baseline*.json "$corpus/" ;;
import)	cp "$root"/tests/data/import/*.csv "$root"/tests/data/import/bad/*.csv \
	    "$corpus/" ;;
sheet)	cp "$root"/tests/data/sheets/*.xlsx "$root"/tests/data/sheets/*.ods \
	    "$corpus/" ;;
esac

# A target without a dictionary of its own borrows the nearest one.
case $target in
csv|json|framework|sheet|import) dict=$root/fuzz/$target.dict ;;
baseline|pipeline|sensitivity|shock) dict=$root/fuzz/framework.dict ;;
imeta|idata|scenario|actions) dict=$root/fuzz/csv.dict ;;
*) dict= ;;
esac

cd "$run"
rm -f fuzz-0.log
if [ -n "${RS_FUZZ_KEEP_GOING:-}" ]; then
	# One process forked at a time that goes on after a crash, so that
	# the whole time is spent and every crashing input is kept.
	"$build/fuzz/fuzz_$target" -fork=1 -ignore_crashes=1 \
	    -ignore_timeouts=1 -ignore_ooms=1 \
	    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	    ${dict:+-dict="$dict"} -artifact_prefix="$artifacts/" \
	    "$corpus" >fuzz-0.log 2>&1 || true
else
	"$build/fuzz/fuzz_$target" -jobs=1 -workers=1 \
	    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	    ${dict:+-dict="$dict"} -artifact_prefix="$artifacts/" \
	    -print_final_stats=1 "$corpus" >/dev/null 2>&1 || true
fi
tail -n 40 fuzz-0.log
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' fuzz-0.log |
    tail -n 1)
# A forked run prints no final statistics: its last status line counts.
[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\):* .*/\1/p' \
    fuzz-0.log | tail -n 1)
found=$(find "$artifacts" -type f | wc -l)
printf '%s %s %ss %s executions, %s artifacts\n' "$(date -u +%FT%TZ)" \
    "$target" "$seconds" "${execs:-?}" "$found" | tee -a "$build/fuzz.log"
[ "$found" -eq 0 ]
