#!/usr/bin/env python3
"""Write docs/framework-dpt.md, the indicator-by-indicator reference of a
framework file, from data/frameworks/dpt.json.

Usage: python3 scripts/gen-framework-doc.py [--check] [FRAMEWORK [OUTPUT]]

With --check nothing is written: the script exits 1 if OUTPUT differs from
what it would write (the test suite runs it this way, so the document
cannot drift from the framework).
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def name(node, lang):
    n = node.get("name", node["id"])
    if isinstance(n, str):
        return n
    return n.get(lang) or n.get("en") or next(iter(n.values()), node["id"])


def num(v):
    """Numbers as in the JSON file: integers without a decimal point."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v)
    return "−" + s[1:] if s.startswith("-") else s


def domain(node):
    lo = num(node["min"]) if "min" in node else "−∞"
    hi = num(node["max"]) if "max" in node else "+∞"
    return "%s to %s" % (lo, hi)


def flag(node):
    if node.get("published_name"):
        return "name published in the DPT; content reconstructed"
    return "reconstructed" if node.get("reconstructed", True) else "published in the DPT"


def counts(node):
    if "children" not in node:
        return 1, 0
    ind = rub = 0
    for c in node["children"]:
        i, r = counts(c)
        ind += i
        rub += r
    return ind, rub


def rubric_count(node):
    if "children" not in node:
        return 1 if node.get("unit") == "rubric 1-5" else 0
    return sum(rubric_count(c) for c in node["children"])


def name_of(text, lang):
    """A string, or a language object's text in lang (else English)."""
    if isinstance(text, dict):
        return text.get(lang, text.get("en", ""))
    return text


def indicator(out, node):
    out.append("#### %s %s" % (node["id"], name(node, "en")))
    out.append("")
    out.append("*%s*" % name(node, "ar"))
    out.append("")
    out.append("- **Definition:** %s" % node["description"])
    out.append("- **Unit:** %s; weight %s within its RPI." % (node["unit"], num(node.get("weight", 1))))
    if "band" in node:
        b = node["band"]
        out.append("- **Target band:** 0 at or below %s and at or above %s, 100 from "
                   "%s to %s, linear between; valid values %s."
                   % (num(b["worst_low"]), num(b["worst_high"]), num(b["low"]),
                      num(b["high"]), domain(node)))
    else:
        better = "higher is better" if node["best"] > node["worst"] else "lower is better"
        out.append("- **Goalposts:** worst %s, best %s (%s); valid values %s."
                   % (num(node["worst"]), num(node["best"]), better, domain(node)))
    out.append("- **Lever:** %s%s." % (node.get("lever", "not said"),
               "; at most %s a year" % num(node["max_change_per_year"])
               if "max_change_per_year" in node else ""))
    if node.get("series"):
        db, code = next(iter(node["series"].items()))
        out.append("- **Series:** %s %s (read by `resilience import`)." % (db.upper(), code))
    out.append("- **Why:** %s" % node["rationale"])
    out.append("- **Source:** %s" % name_of(node["source"], "en"))
    if node.get("revision"):
        out.append("- **Revision:** %s" % node["revision"])
    out.append("- **Status:** %s." % flag(node))
    if node.get("rubric"):
        out.append("- **Rubric:**")
        for i, level in enumerate(node["rubric"], start=1):
            out.append("  %d. %s" % (i, name_of(level, "en")))
    out.append("")


def render(fw, src):
    out = []
    ind, _ = counts({"children": fw["children"]})
    rubrics = rubric_count({"children": fw["children"]})
    rpis = sum(len(a["children"]) for a in fw["children"])
    out.append("<!-- Generated from %s by scripts/gen-framework-doc.py; do not edit by hand. -->" % src)
    out.append("")
    out.append("# %s, indicator by indicator" % name(fw, "en"))
    out.append("")
    out.append("*%s*" % name(fw, "ar"))
    out.append("")
    out.append("Framework `%s`, version %s: %d areas, %d resilience performance "
               "indicators (RPIs) and %d sub-indicators, of which %d are rubric items "
               "scored 1 to 5 by a local assessment. Which parts are published DPT "
               "and which are this project's reconstruction, and why each choice was "
               "made, is in [framework.md](framework.md); where the values for "
               "Alexandria, Beirut and Kuwait City come from is in "
               "[data-sources.md](data-sources.md)."
               % (fw["id"], fw.get("version", ""), len(fw["children"]), rpis, ind, rubrics))
    out.append("")
    out.append("Each sub-indicator value x is scored 100 × (x − worst) / (best − worst), "
               "clamped to 0..100, or by its target band (0 outside, 100 inside, "
               "linear between; [methodology.md](methodology.md)); an RPI is the weighted mean of its scored "
               "sub-indicators and an area the weighted mean of its scored RPIs, "
               "each only when children carrying at least %s of the weight have a "
               "score." % num(fw.get("min_coverage", 0.5)))
    out.append("")
    out.append("Levels: " + ", ".join("%s (%s) from %s" % (name(lv, "en"), name(lv, "ar"), num(lv["min"]))
                                     for lv in fw.get("levels", [])) + ".")
    out.append("")
    out.append("## Contents")
    out.append("")
    for area in fw["children"]:
        out.append("- %s %s" % (area["id"], name(area, "en")))
        for rpi in area["children"]:
            out.append("  - %s %s (%d sub-indicators)" % (rpi["id"], name(rpi, "en"), len(rpi["children"])))
    out.append("")
    for area in fw["children"]:
        out.append("## %s %s" % (area["id"], name(area, "en")))
        out.append("")
        out.append("*%s* — weight %s; %s." % (name(area, "ar"), num(area.get("weight", 1)), flag(area)))
        out.append("")
        for rpi in area["children"]:
            out.append("### %s %s" % (rpi["id"], name(rpi, "en")))
            out.append("")
            out.append("*%s* — weight %s; %s." % (name(rpi, "ar"), num(rpi.get("weight", 1)), flag(rpi)))
            out.append("")
            for node in rpi["children"]:
                indicator(out, node)
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv):
    check = "--check" in argv
    args = [a for a in argv[1:] if a != "--check"]
    fwpath = args[0] if args else os.path.join(ROOT, "data", "frameworks", "dpt.json")
    outpath = args[1] if len(args) > 1 else os.path.join(ROOT, "docs", "framework-dpt.md")
    with open(fwpath, encoding="utf-8") as f:
        fw = json.load(f)
    src = os.path.relpath(os.path.abspath(fwpath), ROOT).replace(os.sep, "/")
    text = render(fw, src)
    if check:
        try:
            with open(outpath, encoding="utf-8") as f:
                old = f.read()
        except OSError as e:
            print("%s: cannot read: %s" % (outpath, e.strerror), file=sys.stderr)
            return 1
        if old != text:
            print("%s is out of date: run python3 scripts/gen-framework-doc.py"
                  % outpath, file=sys.stderr)
            return 1
        return 0
    with open(outpath, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
