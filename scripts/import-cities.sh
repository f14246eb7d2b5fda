#!/bin/sh
# Rebuild the national proxies of data/alexandria.csv, data/beirut.csv and
# data/kuwait.csv from the World Bank's primary files with resilience
# import (docs/data-sources.md, "Rebuilding the national proxies").
#
#   scripts/import-cities.sh [RESILIENCE]
#
# The files read:
#   WDI: the public mirror of the WDI data package, GitHub repository
#        datasets/world-development-indicators at commit $WDI_COMMIT,
#        indicators/<code>/data.csv for every "wdi" series of the framework
#        that the mirror holds;
#   WGI: WGIData.csv of the GitHub repository Iannehuenlabat/Data at
#        commit $WGI_COMMIT (the World Bank's WGI data file, data to 2022).
# WDI_GIT and WGI_GIT name local clones (bare or not) of the two
# repositories; without them the script clones them into $RS_CACHE.
#
# Each city file first loses its national-proxy rows of indicators whose
# "series" the files hold (those are what import writes) unless they come from
# the national statistical office's own site (cas.gov.lb) or fall
# outside the years imported and cite no World Bank copy; city-level and
# other hand-sourced rows stay.  import --merge then adds the 2018-2022
# values without overwriting any value left in the file.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/resilience}
WDI_COMMIT=4ebec5a2273f531ba238a34dbe440394dc5a6c4b
WGI_COMMIT=adfb6a14838d8df6d8dc5ef5f493dd079b2b5b85
cache=${RS_CACHE:-$root/build/import-cache}
FROM=2018
TO=2022

repo() {	# repo VAR URL: a git dir for URL
	if [ -n "$1" ]; then
		printf '%s\n' "$1"
		return
	fi
	dir=$cache/$(basename "$2").git
	[ -d "$dir" ] || git clone -q --bare "$2" "$dir"
	printf '%s\n' "$dir"
}
wdi=$(repo "${WDI_GIT:-}" https://github.com/datasets/world-development-indicators)
wgi=$(repo "${WGI_GIT:-}" https://github.com/Iannehuenlabat/Data)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/indicators"
sources=""
for code in $(python3 - "$root/data/frameworks/dpt.json" <<'PY'
import json, sys
def walk(n):
    for c in n.get("children", []):
        if "children" in c:
            walk(c)
        elif c.get("series", {}).get("wdi"):
            print(c["series"]["wdi"].lower())
walk(json.load(open(sys.argv[1], encoding="utf-8")))
PY
); do
	if git --git-dir="$wdi" cat-file -e \
	    "$WDI_COMMIT:indicators/$code/data.csv" 2>/dev/null; then
		mkdir -p "$work/indicators/$code"
		git --git-dir="$wdi" show \
		    "$WDI_COMMIT:indicators/$code/data.csv" \
		    >"$work/indicators/$code/data.csv"
		sources="$sources indicators/$code/data.csv"
	else
		echo "import-cities: $code is not in the WDI mirror" >&2
	fi
done
git --git-dir="$wgi" show "$WGI_COMMIT:WGIData.csv" >"$work/WGIData.csv"
sources="$sources WGIData.csv"

for city in alexandria:EGY:Alexandria beirut:LBN:Beirut \
    kuwait:KWT:'Kuwait City'; do
	file=${city%%:*}
	rest=${city#*:}
	iso=${rest%%:*}
	name=${rest#*:}
	python3 - "$root/data/frameworks/dpt.json" "$root/data/$file.csv" \
	    "$work/$file.csv" $FROM $TO "$work/indicators" <<'PY'
import csv, json, os, sys
fw, src, dst, lo, hi, ind = sys.argv[1:7]
have = set(os.listdir(ind))
series = set()
def walk(n):
    for c in n.get("children", []):
        if "children" in c:
            walk(c)
        elif "series" in c:
            db, code = next(iter(c["series"].items()))
            if db == "wgi" or code.lower() in have:
                series.add(c["id"])
walk(json.load(open(fw, encoding="utf-8")))
copies = ("World Development Indicators", "Worldwide Governance Indicators",
          "Our World in Data", "Index Mundi")
with open(src, encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
head, out = rows[0], [rows[0]]
i, y, s, n = (head.index(k) for k in ("indicator", "year", "source", "note"))
for r in rows[1:]:
    drop = (r[i] in series and r[n].startswith("national proxy") and
            "cas.gov.lb" not in r[s] and
            (int(lo) <= int(r[y]) <= int(hi) or
             any(c in r[s] for c in copies)))
    if not drop:
        out.append(r)
with open(dst, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(out)
PY
	(cd "$work" && "$bin" import --city "$name" --country "$iso" \
	    --from $FROM --to $TO \
	    --release "wdi=datasets/world-development-indicators@$WDI_COMMIT" \
	    --release "wgi=Iannehuenlabat/Data@$WGI_COMMIT, data to 2022" \
	    --merge "$file.csv" --output "$root/data/$file.csv" $sources)
done
