#!/bin/sh
# End-to-end checks of the resilience binary on hostile and broken input
# (docs/robustness.md): a rejected input gives exit status 3, nothing on
# standard output, no output file, and exactly one line on standard error,
# "resilience: FILE:LINE:COL: message".
#
#	cli.sh BINARY WORKDIR SOURCEDIR
#
# RS_LAUNCHER, when set, runs the binary under a tool (valgrind ...);
# LOCPATH may point at the locales of make-locales.sh.
set -u
bin=$1
work=$2
src=$3
fw=$src/tests/data/small.json
fails=0
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1

run() {
	# shellcheck disable=SC2086
	${RS_LAUNCHER:-} "$bin" "$@" >out.txt 2>err.txt
	echo $? >rc.txt
}

ok() {
	echo "ok - $1"
}

bad() {
	echo "FAIL - $1: $2"
	sed 's/^/#   /' err.txt
	fails=$((fails + 1))
}

# rejected NAME STATUS REGEX FILE...: score FILE... must fail with STATUS
# and one line matching "^resilience: REGEX", writing nothing.
rejected() {
	name=$1 want=$2 re=$3
	shift 3
	printf 'previous report\n' >keep.json
	run score --framework "$fw" --format json --output keep.json "$@"
	rc=$(cat rc.txt)
	if [ "$rc" != "$want" ]; then
		bad "$name" "exit status $rc, want $want"
	elif [ -s out.txt ]; then
		bad "$name" "something on standard output"
	elif [ "$(wc -l <err.txt)" -ne 1 ]; then
		bad "$name" "$(wc -l <err.txt) lines on standard error, want 1"
	elif ! grep -Eq "^resilience: $re" err.txt; then
		bad "$name" "message does not match '$re'"
	elif [ "$(cat keep.json)" != "previous report" ]; then
		bad "$name" "the output file was touched"
	elif [ "$(ls -a | grep -c '^\.keep')" -ne 0 ]; then
		bad "$name" "a temporary file was left"
	else
		ok "$name"
	fi
}

# A rejected input located in FILE: exit 3, "FILE:LINE:COL: ".
input() {
	name=$1 file=$2 msg=$3
	rejected "$name" 3 "$file:[0-9]+:[0-9]+: .*$msg" "$file"
}

# The simple rejected inputs are cases of tests/cli/cases/robust.test;
# these need files made on the spot or the shell.
printf 'city,a1\nX,1\n' >x1.csv
# Files over the size limit are refused before they are read.
truncate -s 300M huge.csv 2>/dev/null &&
    input "file over 256 MiB" huge.csv "larger than the limit of 256 MiB"
rm -f huge.csv
# A usage error: status 2, nothing written (the message has a hint line).
printf 'previous report\n' >keep.json
run score --bogus --output keep.json x1.csv
if [ "$(cat rc.txt)" = 2 ] && [ ! -s out.txt ] &&
    [ "$(cat keep.json)" = "previous report" ]; then
	ok "usage error"
else
	bad "usage error" "status $(cat rc.txt)"
fi

# An output that cannot be written: status 4, the old file untouched.
mkdir -p out.d
run score --framework "$fw" --output out.d x1.csv
if [ "$(cat rc.txt)" = 4 ] && [ -d out.d ] && [ ! -s out.txt ]; then
	ok "directory as output"
else
	bad "directory as output" "status $(cat rc.txt)"
fi

# A report that stops on a full disk, written as it is made (larger than
# a stdio buffer): status 4 and one line naming the output and why.
awk 'BEGIN { print "city,a1,a2,b1"
	for (i = 0; i < 500; i++) print "C" i "," i % 100 ",50,15" }' >many.csv
# shellcheck disable=SC2086
${RS_LAUNCHER:-} "$bin" score --framework "$fw" --format csv many.csv \
    >/dev/full 2>err.txt
rc=$?
if [ "$rc" = 4 ] && [ "$(wc -l <err.txt)" -eq 1 ] &&
    grep -q '^resilience: <stdout>: cannot write: No space left' err.txt; then
	ok "full standard output"
else
	bad "full standard output" "status $rc"
fi
printf 'previous report\n' >keep.csv
(
	trap '' XFSZ
	ulimit -f 8
	# shellcheck disable=SC2086
	${RS_LAUNCHER:-} "$bin" score --framework "$fw" --format csv \
	    --output keep.csv many.csv 2>err.txt
	echo $? >rc.txt
)
if [ "$(cat rc.txt)" = 4 ] && [ "$(cat keep.csv)" = "previous report" ] &&
    [ "$(ls -a | grep -c '^\.keep')" -eq 0 ] &&
    grep -q '^resilience: keep.csv: cannot write: File too large' err.txt
then
	ok "output over the file size limit"
else
	bad "output over the file size limit" "status $(cat rc.txt)"
fi

# -o naming a descriptor of the process writes the descriptor in place,
# appending where it appends: the file behind it is never replaced.
for name in /dev/stdout /proc/self/fd/1 stdout-link; do
	ln -sf /dev/stdout stdout-link
	printf 'earlier log\n' >log.txt
	# shellcheck disable=SC2086
	${RS_LAUNCHER:-} "$bin" score "$src/data/beirut.csv" -o "$name" \
	    >>log.txt 2>err.txt
	rc=$?
	if [ "$rc" = 0 ] && [ "$(head -n 1 log.txt)" = "earlier log" ] &&
	    [ "$(sed -n 2p log.txt)" = "framework: Urban Economic Resilience Diagnostic and Planning Tool (DPT) (2021.02-r3)" ] &&
	    [ "$(ls -a | grep -c '^\.log')" -eq 0 ]; then
		ok "-o $name >>log.txt appends"
	else
		bad "-o $name >>log.txt appends" "status $rc, see log.txt"
	fi
done
printf 'earlier log\n' >log.txt
# shellcheck disable=SC2086
${RS_LAUNCHER:-} "$bin" score "$src/data/beirut.csv" -o /dev/stderr \
    2>>log.txt
rc=$?
# shellcheck disable=SC2086
${RS_LAUNCHER:-} "$bin" score "$src/data/beirut.csv" -o /dev/fd/3 3>>log.txt
rc3=$?
if [ "$rc" = 0 ] && [ "$rc3" = 0 ] &&
    [ "$(head -n 1 log.txt)" = "earlier log" ] &&
    [ "$(grep -c '^Beirut$' log.txt)" -eq 2 ]; then
	ok "-o /dev/stderr 2>>log.txt and -o /dev/fd/3 3>>log.txt append"
else
	bad "-o /dev/stderr and /dev/fd/3 append" "status $rc, see log.txt"
fi

# Standard input is read once, whatever its name: a pipe named - and
# /dev/stdin is one stream.
# shellcheck disable=SC2086
cat "$fw" | ${RS_LAUNCHER:-} "$bin" score --framework /dev/stdin - \
    >out.txt 2>err.txt
rc=$?
if [ "$rc" = 2 ] && [ ! -s out.txt ] &&
    grep -q "^resilience: standard input ('-') can be read only once$" err.txt
then
	ok "standard input by two names"
else
	bad "standard input by two names" "status $rc"
fi

# -o names the option when its value is empty: a usage error.
run score --framework "$fw" -o '' x1.csv
if [ "$(cat rc.txt)" = 2 ] && [ ! -s out.txt ] &&
    grep -q "^resilience score: --output takes a file name, not ''$" err.txt
then
	ok "empty -o"
else
	bad "empty -o" "status $(cat rc.txt)"
fi

# -o on a dangling link: the link stays, the file it names is created.
rm -f dangling made.json
ln -s made.json dangling
run score --framework "$fw" --format json -o dangling x1.csv
if [ "$(cat rc.txt)" = 0 ] && [ -L dangling ] && [ -f made.json ] &&
    grep -q '"city":	"X"' made.json; then
	ok "dangling link as output"
else
	bad "dangling link as output" "status $(cat rc.txt)"
fi

# A file a redirection could not write is not replaced either (tested
# as a user other than root, who may write it).
printf 'previous report\n' >ro.json
chmod 0444 ro.json
if [ "$(id -u)" = 0 ]; then
	chmod 0777 .
	as_user="runuser -u nobody --"
	command -v runuser >/dev/null || as_user=
else
	as_user=" "
fi
if [ -z "$as_user" ]; then
	echo "ok - read-only output # SKIP root without runuser"
else
	# shellcheck disable=SC2086
	$as_user ${RS_LAUNCHER:-} "$bin" score --framework "$fw" \
	    --format json -o ro.json x1.csv >out.txt 2>err.txt
	rc=$?
	if [ "$rc" = 4 ] && [ "$(cat ro.json)" = "previous report" ] &&
	    grep -q '^resilience: ro.json: cannot write: Permission denied$' \
	    err.txt && [ "$(ls -a | grep -c '^\.ro')" -eq 0 ]; then
		ok "read-only output"
	else
		bad "read-only output" "status $rc"
	fi
fi
chmod 0644 ro.json

# Memory (docs/robustness.md, "Limits"): work checked before it is
# allocated, and out of memory is one line and status 4, never a signal.
"$bin" template | awk -F, 'NR > 1 { ids = ids "," $1 }
	END { print "city" ids; n = split(ids, a, ",")
	for (c = 0; c < 20000; c++) { line = "C" c
		for (i = 2; i <= n; i++) line = line ",1"; print line } }' >w20k.csv
run sensitivity --runs 10000000 --weight-noise 0.2 --threads 2 w20k.csv
if [ "$(cat rc.txt)" = 2 ] && [ "$(wc -l <err.txt)" -eq 1 ] &&
    grep -q '^resilience: 10000000 runs of 20000 cities need 381742 MiB of memory, more than the limit of 1024 MiB: at most 25691 runs$' err.txt
then
	ok "sensitivity work over the limit"
else
	bad "sensitivity work over the limit" "status $(cat rc.txt)"
fi
# The same for a pipeline's units (sensitivity, uncertainty): 200 units.
awk 'BEGIN { print "uName,uCode,grp,pop,a,b,c"
	for (i = 0; i < 200; i++)
		print "U" i ",u" i ",x,10," i % 7 + 1 "," i % 5 + 1 "," i % 3 }' \
    >units.csv
for cmd in sensitivity uncertainty; do
	run "$cmd" --runs 10000000 --weight-noise 0.2 \
	    --framework "$src/tests/data/coinr/meta.csv" units.csv
	if [ "$(cat rc.txt)" = 2 ] && [ "$(wc -l <err.txt)" -eq 1 ] &&
	    grep -q '^resilience: 10000000 runs of 200 units need [0-9]* MiB of memory, more than the limit of 1024 MiB: at most [0-9]* runs$' err.txt
	then
		ok "$cmd work over the limit, a pipeline"
	else
		bad "$cmd work over the limit, a pipeline" "status $(cat rc.txt)"
	fi
done
# A JSON file of more values than the limit: refused before cJSON's tree.
{ printf '{"cities": ['; yes "0," | head -n 17000000 | tr -d '\n'
  printf '0]}'; } >values.json
input "JSON values over the limit" values.json \
    "more than 16777216 values in one JSON file"
# A framework of more nodes than the limit, located at the first too many.
if [ -z "${RS_LAUNCHER:-}" ]; then
	awk 'BEGIN { printf "{\"id\": \"big\", \"children\": [\n"
		for (i = 0; i < 100000; i++)
			printf "{\"id\": \"i%d\", \"worst\": 0, \"best\": 1},\n", i
		print "{\"id\": \"last\", \"worst\": 0, \"best\": 1}]}" }' >big.json
	rejected "framework nodes over the limit" 3 \
	    "big.json:100002:1: more than 100000 nodes: a framework may have at most 100000" \
	    --framework big.json x1.csv
	rm -f big.json
else
	echo "ok - framework nodes over the limit # SKIP under $RS_LAUNCHER"
fi
# Under a limit on address space the reports that keep every city's
# nodes may not fit: they end with one line and status 4, leaving no
# file and no temporary file behind.  (Skipped where the binary cannot
# start under the limit: AddressSanitizer, valgrind.)
oom_ok() {	# NAME LIMIT_KIB WANT ARGS...: WANT is 4, or 04 for 0 or 4
	name=$1 kib=$2 want=$3
	shift 3
	printf 'previous report\n' >keep.json
	(
		ulimit -v "$kib"
		"$bin" "$@" -o keep.json w20k.csv >out.txt 2>err.txt
		echo $? >rc.txt
	)
	rc=$(cat rc.txt)
	case $want:$rc in
	04:0 | 04:4 | 4:4) ;;
	*) bad "$name" "status $rc, want $want"; return ;;
	esac
	if [ "$rc" = 4 ] && { [ "$(cat err.txt)" != "resilience: out of memory" ] ||
	    [ "$(cat keep.json)" != "previous report" ]; }; then
		bad "$name" "not one line, or the output file was touched"
	elif [ "$(ls -a | grep -c '^\.keep')" -ne 0 ]; then
		bad "$name" "a temporary file was left"
	else
		ok "$name (status $rc)"
	fi
}
if [ -n "${RS_LAUNCHER:-}" ] ||
    ! (ulimit -v 60000; "$bin" --version) >/dev/null 2>&1; then
	echo "ok - out of memory # SKIP the binary cannot run under ulimit -v"
else
	oom_ok "score --format json under ulimit -v 200000" 200000 04 \
	    score --format json
	oom_ok "compare under ulimit -v 200000" 200000 04 compare
	# (score's json, csv and text reports keep one city whole at a time
	# and fit in 60 MB: compare keeps them all)
	oom_ok "out of memory is one line and status 4" 60000 4 \
	    compare
	# here, on Debian 12, the output is open when memory runs out
	oom_ok "out of memory once the output is open" 120000 04 \
	    score --format csv
fi
rm -f w20k.csv values.json units.csv

# A header and no row is read: a report with no city.
printf 'city,a1\n' >header.csv
run score --framework "$fw" header.csv
if [ "$(cat rc.txt)" = 0 ] && grep -q '^no cities in the input$' out.txt; then
	ok "header only"
else
	bad "header only" "status $(cat rc.txt)"
fi

# Names from the input reach reports escaped.
printf 'city,a1\n"Evil\033[2J\nCity",50\n' >evil.csv
run score --framework "$fw" evil.csv
if [ "$(cat rc.txt)" = 0 ] && grep -qF 'Evil\x1B[2J\nCity' out.txt &&
    ! grep -q "$(printf '\033')" out.txt; then
	ok "text report escapes control characters"
else
	bad "text report escapes control characters" "raw escape in report"
fi
run score --framework "$fw" --format json evil.csv
if [ "$(cat rc.txt)" = 0 ] &&
    grep -q '"city":	"Evil\\u001b\[2J\\nCity"' out.txt; then
	ok "JSON report escapes control characters"
else
	bad "JSON report escapes control characters" "see out.txt"
fi

# A decimal-comma locale changes nothing, in numbers read or written.
printf 'city,a1,a2,b1\nX,12.5,25,15.25\n' >de.csv
run score --framework "$fw" --format json de.csv
cp out.txt c.json
run score --framework "$fw" de.csv
cp out.txt c.txt
if LC_ALL=de_DE.UTF-8 locale 2>&1 | grep -q 'Cannot set'; then
	echo "ok - decimal-comma locale # SKIP de_DE.UTF-8 is not installed"
else
	LC_ALL=de_DE.UTF-8 run score --framework "$fw" --format json de.csv
	if [ "$(cat rc.txt)" = 0 ] && cmp -s out.txt c.json; then
		LC_ALL=de_DE.UTF-8 run score --framework "$fw" de.csv
		if cmp -s out.txt c.txt && grep -q '12.5' out.txt; then
			ok "decimal-comma locale"
		else
			bad "decimal-comma locale" "text report differs"
		fi
	else
		bad "decimal-comma locale" "JSON report differs"
	fi
fi

# Every path to a terminal or a log shows input text through the one
# terminal escaper (\x1B, \n, \u202E), as error lines do.  hostile.json
# has an ESC, BEL and C1 in its names, units, version and level ids.
hfw=$src/tests/data/hostile-names.json
esc=$(printf '\033')
c1=$(printf '\302\205')
rlo=$(printf '\342\200\256')
raw_controls() {
	grep -q "$esc" "$1" || grep -q "$c1" "$1" || grep -q "$rlo" "$1"
}
printf 'city,a1,a2,b1\n"Evil\033]0;owned\007\nresilience: all pass",1,1,1\n' \
    >gate.csv
printf '"Rlo\342\200\256x",1,1,1\n' >>gate.csv
run score --framework "$fw" --quiet --fail-below 90 gate.csv
if [ "$(cat rc.txt)" = 1 ] && [ "$(wc -l <err.txt)" -eq 2 ] &&
    ! raw_controls err.txt &&
    grep -qF "'Evil\x1B]0;owned\x07\nresilience: all pass' scores" err.txt &&
    grep -qF "'Rlo\u202Ex' scores" err.txt; then
	ok "gate messages escape city names"
else
	bad "gate messages escape city names" "status $(cat rc.txt)"
fi
run score --framework "$fw" --format json --output gate.json gate.csv
printf 'city,a1,a2,b1\n"Evil\033]0;owned\007\nresilience: all pass",0,100,10\n' \
    >drop.csv
run score --framework "$fw" --quiet --baseline gate.json --fail-on-drop 1 \
    drop.csv
if [ "$(cat rc.txt)" = 1 ] && [ "$(wc -l <err.txt)" -eq 1 ] &&
    ! raw_controls err.txt && grep -qF "'Evil\x1B]0;owned\x07\n" err.txt
then
	ok "drop messages escape city names"
else
	bad "drop messages escape city names" "status $(cat rc.txt)"
fi
run framework --framework "$hfw"
if [ "$(cat rc.txt)" = 0 ] && ! raw_controls out.txt &&
    grep -qF 'Evil\x1B]0;owned\x07 | <b>fw</b> & co (1\x1B[2J)' out.txt &&
    grep -qF 'km\u0085\u2028|<i>' out.txt; then
	ok "framework text escapes names, units and versions"
else
	bad "framework text escapes names, units and versions" "see out.txt"
fi
run framework --framework "$hfw" --format md --lang ar
if [ "$(cat rc.txt)" = 0 ] && ! grep -q "$esc" out.txt &&
    ! grep -q "$c1" out.txt && ! grep -q '<script>' out.txt; then
	ok "framework md escapes names"
else
	bad "framework md escapes names" "see out.txt"
fi
printf 'city,a1\nX,30\nY,80\nZ,55\n' >levels.csv
run sensitivity --framework "$hfw" --runs 20 --weight-noise 0.2 levels.csv
if [ "$(cat rc.txt)" = 0 ] && ! raw_controls out.txt &&
    grep -qF ' low|<b>x</b>\x1B[31m hi\u202Egh no score' out.txt; then
	ok "sensitivity header escapes level ids"
else
	bad "sensitivity header escapes level ids" "see out.txt"
fi
printf 'city,a1\n"Rlo\342\200\256x \342\201\246y \342\200\250z",50\n' >bidi.csv
run score --framework "$fw" bidi.csv
if [ "$(cat rc.txt)" = 0 ] && ! raw_controls out.txt &&
    ! grep -q "$(printf '\342\201\246')" out.txt &&
    grep -qF 'Rlo\u202Ex \u2066y \u2028z' out.txt; then
	ok "text report escapes bidi controls and separators"
else
	bad "text report escapes bidi controls and separators" "see out.txt"
fi
run score --format "$(printf 'x\033[2J')" x1.csv
if [ "$(cat rc.txt)" = 2 ] && ! grep -q "$esc" err.txt &&
    grep -qF "not 'x\x1B[2J'" err.txt; then
	ok "usage messages escape the command line"
else
	bad "usage messages escape the command line" "status $(cat rc.txt)"
fi
run "$(printf 'sc\033[2Jore')"
if [ "$(cat rc.txt)" = 2 ] && ! grep -q "$esc" err.txt &&
    grep -qF "'sc\x1B[2Jore' is not a command" err.txt; then
	ok "unknown command escaped"
else
	bad "unknown command escaped" "status $(cat rc.txt)"
fi

# CSV formula injection: every CSV command guards its text cells, unit
# codes and indicator ids alike.
sed 's/^1,a,Alpha,/1,=a,Alpha,/' "$src/tests/data/coinr/meta.csv" >fmeta.csv
sed -e 's/^Aland,A,/Aland,=1+1,/' -e 's/^Bland,B,/Bland,@SUM(A1),/' \
    -e 's/^uName,uCode,grp,pop,a,/uName,uCode,grp,pop,=a,/' \
    "$src/tests/data/coinr/data.csv" >formula.csv
for cmd in "pipeline" "pipeline --step raw" "pipeline --step screening" \
    "stats" "stats --weights" \
    "uncertainty --runs 20 --weight-noise 0.2 --format csv"; do
	case $cmd in
	stats*) want="^\"'=a\"," ;;
	*) want="^\"'@SUM(A1)\"," ;;
	esac
	# shellcheck disable=SC2086
	run $cmd --framework fmeta.csv formula.csv
	if [ "$(cat rc.txt)" = 0 ] && grep -q "$want" out.txt &&
	    ! grep -q '^"\?[=@]' out.txt && ! grep -q ',"\?[=@]' out.txt; then
		ok "$cmd guards formula cells"
	else
		bad "$cmd guards formula cells" "see out.txt"
	fi
done

# A city named after its file: the name is made valid UTF-8 (a byte that
# is not UTF-8 as \xFF), so no report holds the byte and a JSON report
# reads back as a baseline.
printf 'indicator,value\na1,40\na2,25\nb1,25\n' >"$(printf 'bad\377.csv')"
run score --framework "$fw" --format json "$(printf 'bad\377.csv')"
cp out.txt bad.json
run score --framework "$fw" --format html "$(printf 'bad\377.csv')"
cp out.txt bad.html
run score --framework "$fw" --baseline bad.json "$(printf 'bad\377.csv')"
if [ "$(cat rc.txt)" = 0 ] && ! grep -q "$(printf '\377')" bad.json &&
    ! grep -q "$(printf '\377')" bad.html &&
    grep -qF '"city":	"bad\\xFF"' bad.json && grep -qF 'change 0.0' out.txt
then
	ok "a file name that is not UTF-8"
else
	bad "a file name that is not UTF-8" "status $(cat rc.txt)"
fi

[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
echo "all passed"
