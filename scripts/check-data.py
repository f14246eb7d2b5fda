#!/usr/bin/env python3
"""Check data/frameworks/*.json and data/*.csv against the framework contract.

Usage: python3 scripts/check-data.py [framework.json] [city.csv ...]
With no arguments it checks data/frameworks/dpt.json and every data/*.csv.
Exits 1 and lists the problems if any check fails.
"""
import csv
import glob
import json
import math
import os
import re
import sys

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def check_name(where, name):
    if isinstance(name, str):
        return
    if isinstance(name, dict) and name and all(isinstance(v, str) for v in name.values()):
        return
    err(where, "name must be a string or an object of language code to string")


BAND_KEYS = ("worst_low", "low", "high", "worst_high")


def check_band(node, where):
    """A target band: four numbers a < b <= c < d, inside min..max, and
    neither worst nor best beside it (docs/framework-format.md)."""
    b = node["band"]
    if "worst" in node or "best" in node:
        err(where, "a band goes without worst and best")
    if not isinstance(b, dict) or sorted(b) != sorted(BAND_KEYS):
        err(where, "band needs exactly worst_low, low, high, worst_high")
        return
    v = [b[k] for k in BAND_KEYS]
    if not all(is_num(x) for x in v):
        err(where, "band points must be numbers")
        return
    if not (v[0] < v[1] <= v[2] < v[3]):
        err(where, "band needs worst_low < low <= high < worst_high")
    mn, mx = node.get("min"), node.get("max")
    if is_num(mn) and v[0] < mn or is_num(mx) and v[3] > mx:
        err(where, "band outside min..max")
    for k in ("description", "rationale", "unit"):
        if not isinstance(node.get(k), str) or not node.get(k):
            err(where, f"missing {k}")
    if not bilingual(node.get("source")):
        err(where, "source must be given in English and Arabic")


LEVERS = ("municipal", "national", "context")


def check_plan_keys(node, where):
    """lever, when given, one of three; series {"wdi"|"wgi": CODE}, the
    code named in the source too."""
    if "lever" in node and node["lever"] not in LEVERS:
        err(where, "lever must be municipal, national or context")
    s = node.get("series")
    if s is None:
        return
    if not (isinstance(s, dict) and len(s) == 1 and
            next(iter(s)) in ("wdi", "wgi") and
            isinstance(next(iter(s.values())), str) and
            next(iter(s.values()))):
        err(where, "series must be {\"wdi\": CODE} or {\"wgi\": CODE}")
        return
    code = next(iter(s.values()))
    src = node.get("source", "")
    if isinstance(src, dict):
        src = src.get("en", "")
    if code not in src:
        err(where, f"series {code} is not named in the source")
    if node.get("unit") == "rubric 1-5":
        err(where, "a rubric item has no published series")


def walk(node, ids, stats, depth, where):
    nid = node.get("id")
    if not isinstance(nid, str) or not nid:
        err(where, "node without a string id")
        return
    where = f"{where}/{nid}"
    if nid in ids:
        err(where, "duplicate id")
    ids.add(nid)
    check_name(where, node.get("name"))
    w = node.get("weight", 1)
    if not is_num(w) or w <= 0:
        err(where, "weight must be a number > 0")
    kids = node.get("children")
    if kids is not None:
        if "worst" in node or "best" in node:
            err(where, "an aggregate cannot have goalposts")
        if not isinstance(kids, list) or not kids:
            err(where, "children must be a non-empty array")
            return
        stats.setdefault(depth, 0)
        stats[depth] += 1
        for k in kids:
            walk(k, ids, stats, depth + 1, where)
        return
    stats["indicators"] = stats.get("indicators", 0) + 1
    check_plan_keys(node, where)
    if "band" in node:
        check_band(node, where)
        return
    if "worst" not in node or "best" not in node:
        err(where, "indicator needs both worst and best, or a band")
        return
    wo, be = node["worst"], node["best"]
    if not is_num(wo) or not is_num(be):
        err(where, "worst and best must be numbers")
        return
    if wo == be:
        err(where, "worst equals best")
    mn, mx = node.get("min"), node.get("max")
    for k, v in (("min", mn), ("max", mx)):
        if v is not None and not is_num(v):
            err(where, f"{k} must be a number")
    if is_num(mn) and is_num(mx) and mn > mx:
        err(where, "min > max")
    for g, v in (("worst", wo), ("best", be)):
        if is_num(mn) and v < mn:
            err(where, f"{g} below min")
        if is_num(mx) and v > mx:
            err(where, f"{g} above max")
    if node.get("unit") == "rubric 1-5":
        if (wo, be, mn, mx) != (1, 5, 1, 5):
            err(where, "rubric items need worst 1, best 5, min 1, max 5")
        r = node.get("rubric")
        if not (isinstance(r, list) and len(r) == 5 and all(bilingual(s) for s in r)):
            err(where, "rubric must be five descriptions, each in English and Arabic")
    for k in ("description", "rationale", "unit"):
        if not isinstance(node.get(k), str) or not node.get(k):
            err(where, f"missing {k}")
    if not bilingual(node.get("source")):
        err(where, "source must be given in English and Arabic")
    elif re.search(r"\b(CAPMAS|CAS|CSB|MSMEDA|Kafalat)\b", node["source"]["en"]):
        err(where, "a suggested source names one country's office; name "
            "the series and the kind of office")
    if "reconstructed" not in node:
        err(where, "missing reconstructed flag")


def bilingual(text):
    """An object with non-empty "en" and "ar" strings."""
    return (isinstance(text, dict) and
            all(isinstance(text.get(k), str) and text.get(k) for k in ("en", "ar")))


def check_framework(path):
    with open(path, encoding="utf-8") as f:
        fw = json.load(f)
    if not isinstance(fw.get("id"), str) or not fw["id"]:
        err(path, "top-level id required")
    check_name(path, fw.get("name", ""))
    mc = fw.get("min_coverage", 0.5)
    if not is_num(mc) or not (0 < mc <= 1):
        err(path, "min_coverage must be in (0, 1]")
    levels = fw.get("levels", [])
    prev = None
    for i, lv in enumerate(levels):
        if not is_num(lv.get("min")):
            err(path, f"level {i} min must be a number")
            continue
        if i == 0 and lv["min"] != 0:
            err(path, "first level min must be 0")
        if prev is not None and lv["min"] <= prev:
            err(path, "level mins must be strictly ascending")
        prev = lv["min"]
    kids = fw.get("children")
    if not isinstance(kids, list) or not kids:
        err(path, "children must be a non-empty array")
        return None
    ids, stats = set(), {}
    leaves = {}

    def collect(n):
        if "children" in n:
            for k in n["children"]:
                collect(k)
        else:
            leaves[n["id"]] = n

    for k in kids:
        walk(k, ids, stats, 0, path)
        collect(k)
    return fw, stats, leaves


def check_dpt_shape(path, fw):
    """Ids 'A<a>', 'RPI <a>-<n>', 'RPI <a>-<n>.<k>' in order, 3 to 5
    sub-indicators per RPI, and an English and an Arabic name everywhere."""
    def names(node, where):
        n = node.get("name")
        if not (isinstance(n, dict) and n.get("en") and n.get("ar")):
            err(where, "needs a name in English and in Arabic")

    for a, area in enumerate(fw["children"], start=1):
        where = "%s/%s" % (path, area.get("id"))
        if area.get("id") != "A%d" % a:
            err(where, "area %d must have id 'A%d'" % (a, a))
        names(area, where)
        for n, rpi in enumerate(area.get("children", []), start=1):
            where = "%s/%s" % (path, rpi.get("id"))
            if rpi.get("id") != "RPI %d-%d" % (a, n):
                err(where, "expected id 'RPI %d-%d'" % (a, n))
            names(rpi, where)
            kids = rpi.get("children", [])
            if not 3 <= len(kids) <= 5:
                err(where, "an RPI needs 3 to 5 sub-indicators, not %d" % len(kids))
            for k, ind in enumerate(kids, start=1):
                where = "%s/%s" % (path, ind.get("id"))
                if ind.get("id") != "RPI %d-%d.%d" % (a, n, k):
                    err(where, "expected id 'RPI %d-%d.%d'" % (a, n, k))
                names(ind, where)
                if "revision" in ind and not (isinstance(ind["revision"], str) and ind["revision"]):
                    err(where, "revision must be a non-empty string")
                if ind.get("lever") not in LEVERS:
                    err(where, "every DPT sub-indicator needs a lever")
                if "r3" in fw.get("version", "") and "band" in ind and \
                        "r3:" not in ind.get("revision", ""):
                    err(where, "a band added in r3 needs its revision")


def check_csv(path, leaves):
    seen = set()
    counted = set()
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    head = ["indicator", "value", "year", "source", "note"]
    ident = ["city_id", "name_en", "name_ar", "country"]
    if not rows or rows[0] not in (head, head + ident):
        err(path, "header must be exactly indicator,value,year,source,note"
            " (then, optionally, city_id,name_en,name_ar,country)")
        return 0
    width = len(rows[0])
    first = None
    for ln, row in enumerate(rows[1:], start=2):
        where = f"{path}:{ln}"
        if len(row) != width:
            err(where, f"expected {width} fields, got {len(row)}")
            continue
        if width > 5:
            # the city's identity, the same on every row
            if first is None:
                first = row[5:]
                if not all(x.strip() for x in first):
                    err(where, "city_id, name_en, name_ar and country "
                        "must all be given")
            elif row[5:] != first:
                err(where, "the city's identity differs from line 2")
        ind, val, year, src, note = row[:5]
        if ind not in leaves:
            err(where, f"unknown indicator '{ind}'")
            continue
        if not year.isdigit() or not (1990 <= int(year) <= 2030):
            err(where, f"bad year '{year}'" if year else
                "a row needs a year" + (" (a value without a year)"
                                        if val != "" else ""))
        key = (ind, year)
        if key in seen:
            err(where, f"duplicate row for {ind} {year}")
        seen.add(key)
        if not note.strip():
            err(where, "note must say city-level, national proxy or the gap")
        if val == "":
            continue
        try:
            v = float(val)
        except ValueError:
            err(where, f"value '{val}' is not a number")
            continue
        if "," in val or not math.isfinite(v):
            err(where, f"value '{val}' is not a plain number")
        if not src.strip():
            err(where, "a value without a source")
        n = leaves[ind]
        if "min" in n and v < n["min"]:
            err(where, f"{ind} value {v} below min {n['min']}")
        if "max" in n and v > n["max"]:
            err(where, f"{ind} value {v} above max {n['max']}")
        counted.add(ind)
    return len(counted)


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fwpath = argv[1] if len(argv) > 1 else os.path.join(root, "data", "frameworks", "dpt.json")
    csvs = argv[2:] if len(argv) > 2 else sorted(glob.glob(os.path.join(root, "data", "*.csv")))
    res = check_framework(fwpath)
    if res is None:
        print("\n".join(errors))
        return 1
    fw, stats, leaves = res
    nrpi = stats.get(1, 0)
    print(f"{fwpath}: {stats.get(0, 0)} areas, {nrpi} RPIs, {stats.get('indicators', 0)} sub-indicators")
    if fw.get("id") == "dpt":
        if stats.get(0, 0) != 5:
            err(fwpath, "DPT needs 5 areas")
        if nrpi != 17:
            err(fwpath, "DPT needs 17 RPIs")
        if stats.get("indicators", 0) != 63:
            err(fwpath, "DPT needs 63 sub-indicators")
        check_dpt_shape(fwpath, fw)
    for c in csvs:
        n = check_csv(c, leaves)
        print(f"{c}: {n} of {len(leaves)} sub-indicators have at least one value")
    if errors:
        print("\n".join(errors))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
