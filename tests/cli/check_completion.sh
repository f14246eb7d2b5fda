#!/usr/bin/env bash
# Check scripts/resilience.bash-completion: complete sample command lines
# and compare what it offers with what is expected; with BIN, also that
# "resilience CMD --" offers exactly the long options of CMD's getopt
# table ('resilience help --options CMD').
# usage: check_completion.sh COMPLETION_FILE SCRATCH_DIR [BIN]
set -u
# shellcheck source=/dev/null
source "$1" || exit 1
mkdir -p "$2" && cd "$2" || exit 1
rm -rf -- ./* && mkdir -p sub && touch a.csv b.json 'with space.csv'

failures=0

# complete "LINE" "EXPECTED": the words offered for the last word of LINE
# (a trailing space completes a new, empty word), sorted, joined by '|'
complete_line()
{
	local line=$1 want=$2 got
	read -r -a COMP_WORDS <<< "$line"
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_resilience
	got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd '|')
	if [[ $got != "$want" ]]; then
		echo "FAIL: '$line' offers '$got', expected '$want'"
		failures=$((failures + 1))
	else
		echo "ok: '$line' -> '$got'"
	fi
}

complete_line "resilience " "--help|--version|compare|framework|help|import|pipeline|plan|priorities|score|sensitivity|shock|stats|template|trend|uncertainty|whatif"
complete_line "resilience help sc" "score"
complete_line "resilience score --color " "always|auto|never"
complete_line "resilience pr" "priorities"
complete_line "resilience compare --de" "--depth|--details"
complete_line "resilience plan --le" "--levers"
complete_line "resilience plan --levers " "all|context|municipal|municipal,national|national"
complete_line "resilience whatif --sc" "--scenario"
complete_line "resilience plan --format " "csv|html|json|md|pdf|text"
complete_line "resilience score --format " "csv|html|json|md|pdf|text|xlsx"
complete_line "resilience template --format " "csv|xlsx"
complete_line "resilience compare --to" ""
complete_line "resilience score --to" "--top"
complete_line "resilience priorities --b" "--baseline|--by"
complete_line "resilience priorities --by " "indicator|node"
complete_line "resilience compare --no" "--notes"
complete_line "resilience pipeline --format " ""
complete_line "resilience score --format m" "md"
complete_line "resilience compare --fail-below mod" "moderate|moderate-weak"
complete_line "resilience score --fail-o" "--fail-on-drop|--fail-on-missing"
complete_line "resilience score --input-format " "csv|json|ods|xlsx"
complete_line "resilience score --sh" "--sheet"
complete_line "resilience stats --sh" "--sheet"
complete_line "resilience score --baseline " "b.json|sub"
complete_line "resilience score --year " ""
complete_line "resilience score a" "a.csv"
complete_line "resilience score w" "with space.csv"
complete_line "resilience compare --quiet --format csv --q" "--quiet"
complete_line "resilience framework --format " "json|md|text"
complete_line "resilience template --c" "--city"
complete_line "resilience pipeline --step tr" "treated|treatment"
complete_line "resilience stats --w" "--weights|--winmax"
complete_line "resilience uncertainty --vary-normalise m" "minmax"
complete_line "resilience sensitivity --vary-aggregate g" "gmean"
complete_line "resilience sensitivity --format " "csv|json|text"
complete_line "resilience uncertainty --format " "csv|json|text"
complete_line "resilience uncertainty --thr" "--threads"
complete_line "resilience pipeline --ru" ""
complete_line "resilience sensitivity --exc" "--exclude|--exclude-indicators"
complete_line "resilience pipeline --framework " "a.csv|b.json|sub|with space.csv"
complete_line "resilience pipeline --impute group" "group-mean:|group-median:"
complete_line "resilience trend --f" "--format|--framework|--from"
complete_line "resilience shock --re" "--reference"
complete_line "resilience shock --format " "csv|html|json|md|pdf|text"

if [[ -n ${3:-} ]]; then
	for cmd in $("$3" --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'); do
		want=$("$3" help --options "$cmd" | LC_ALL=C sort | paste -sd '|')
		complete_line "resilience $cmd --" "$want"
	done
fi

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
