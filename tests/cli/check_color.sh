#!/bin/sh
# Text output is coloured, with --color=auto (the default), only on a
# terminal, without a non-empty NO_COLOR and with a TERM other than dumb;
# --color=always and --color=never decide alone.
# usage: check_color.sh BIN DIR (DIR holds data/small.*)
# script(1) from util-linux runs the program on a pseudo-terminal.
BIN=$1
cd "$2" || exit 1
if ! script -qec true /dev/null >/dev/null 2>&1; then
	echo "SKIPPED: script(1) cannot give the program a terminal"
	exit 77
fi
esc=$(printf '\033')
args="compare --framework data/small.json data/small.csv"
failures=0

# check NAME WANT(yes|no) COMMAND: WANT says if escapes are expected
check()
{
	if printf '%s' "$3" | grep -q "$esc\["; then got=yes; else got=no; fi
	if [ "$got" = "$2" ]; then
		echo "ok: $1"
	else
		echo "FAIL: $1: colour $got, expected $2"
		failures=$((failures + 1))
	fi
}

unset NO_COLOR
TERM=xterm
export TERM
check "terminal" yes "$(script -qec "$BIN $args" /dev/null)"
check "terminal, score" yes "$(script -qec "$BIN score --framework data/small.json data/small.csv" /dev/null)"
check "terminal, NO_COLOR=1" no "$(NO_COLOR=1 script -qec "$BIN $args" /dev/null)"
check "terminal, NO_COLOR empty" yes "$(NO_COLOR= script -qec "$BIN $args" /dev/null)"
check "terminal, TERM=dumb" no "$(TERM=dumb script -qec "$BIN $args" /dev/null)"
check "terminal, --color=never" no "$(script -qec "$BIN $args --color=never" /dev/null)"
check "terminal, --color=auto" yes "$(script -qec "$BIN $args --color=auto" /dev/null)"
check "pipe, --color=always" yes "$("$BIN" $args --color=always | cat)"
check "pipe, --color" yes "$("$BIN" $args --color | cat)"
check "pipe, NO_COLOR=1 --color=always" yes "$(NO_COLOR=1 "$BIN" $args --color=always | cat)"
check "pipe, --color=always --format md" no "$("$BIN" $args --color=always --format md | cat)"
check "terminal, --format md" no "$(script -qec "$BIN $args --format md" /dev/null)"
check "terminal, --format csv" no "$(script -qec "$BIN $args --format csv" /dev/null)"
check "pipe" no "$("$BIN" $args | cat)"
out=$(mktemp)
script -qec "$BIN $args --output $out" /dev/null >/dev/null
check "terminal, --output file" no "$(cat "$out")"
rm -f "$out"
echo "$failures failure(s)"
[ "$failures" -eq 0 ]
