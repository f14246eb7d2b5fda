#!/usr/bin/env python3
"""The HTML reports as a browser and a screen reader meet them.

Every page of score, compare, priorities, trend, shock and sensitivity,
in English
and Arabic, on
data/*.csv and on tests/cli/data/hostile.csv, must parse whole as XML
(xml.etree), load nothing from elsewhere, carry no script, give every
chart a role, a title and a text alternative, and show hostile city names
and notes as text.  Usage: check_html.py BIN PROJECT_DIR
"""
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

BIN, ROOT = sys.argv[1], sys.argv[2]
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = ["<script>alert(1)</script>", "O'Hara \"&\" Sons",
           "مدينة New Town 12"]
NOTE = "<img src=x onerror=alert(2)> & \"no\" source"
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what)


def run(args):
    p = subprocess.run([BIN] + args, cwd=ROOT, capture_output=True)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (" ".join(args), p.returncode,
                                  p.stderr.decode()))
    return p.stdout


def local(tag):
    return tag.split("}")[-1]


def check_page(name, raw, lang):
    text = raw.decode("utf-8")
    if not text.startswith("<!DOCTYPE html>\n"):
        fail(name + ": no <!DOCTYPE html> first")
    if "<script" in text.lower():
        fail(name + ": '<script' in the page")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        fail("%s: not well-formed: %s" % (name, e))
        return None
    want_dir = "rtl" if lang == "ar" else "ltr"
    if root.tag != "html" or root.get("lang") != lang or \
            root.get("dir") != want_dir:
        fail("%s: <html lang=%r dir=%r>" % (name, root.get("lang"),
                                             root.get("dir")))
    if root.find("head/meta[@charset='utf-8']") is None:
        fail(name + ": no <meta charset=\"utf-8\">")
    ids = {}
    for el in root.iter():
        for attr, value in el.attrib.items():
            if attr.lower().startswith("on"):
                fail("%s: event handler %s=%r" % (name, attr, value))
            # the methodology note's links, to the docs
            if local(el.tag) == "a" and attr == "href" and \
                    value in ("docs/methodology.md", "docs/planning.md"):
                continue
            if local(attr) in ("src", "href") or "url(http" in value:
                fail("%s: a resource from elsewhere: %s=%r" % (
                    name, attr, value))
        if el.get("id") is not None:
            if el.get("id") in ids:
                fail("%s: id %r twice" % (name, el.get("id")))
            ids[el.get("id")] = el
        if local(el.tag) in ("script", "iframe", "object", "embed", "link",
                             "img"):
            fail("%s: a <%s> element" % (name, local(el.tag)))
    style = root.find("head/style")
    if style is None or "@page" not in style.text or "A4" not in \
            style.text or "@import" in style.text:
        fail(name + ": no inline print style for A4")
    svgs = list(root.iter(SVG + "svg"))
    for k, svg in enumerate(svgs):
        where = "%s: chart %d" % (name, k + 1)
        if svg.get("role") != "img":
            fail(where + ": no role=\"img\"")
        labels = (svg.get("aria-labelledby") or "").split()
        kids = [local(c.tag) for c in svg[:2]]
        if kids != ["title", "desc"] or len(labels) != 2:
            fail(where + ": not <title> then <desc> named by "
                 "aria-labelledby")
            continue
        for ref, child in zip(labels, svg[:2]):
            if ids.get(ref) is not child or not (child.text or "").strip():
                fail("%s: aria-labelledby %r is not its %s" % (
                    where, ref, local(child.tag)))
        if not re.search(r"\d", svg[1].text or ""):
            fail(where + ": the text alternative gives no number")
        if svg.get("direction") != want_dir:
            fail(where + ": direction is not " + want_dir)
        texts = ["".join(t.itertext()) for t in svg.iter(SVG + "text")]
        if len(texts) < 5:
            fail(where + ": hardly any labels")
    return root


def main():
    data = sorted(glob.glob(os.path.join(ROOT, "data", "*.csv")))
    pages = {}
    for view in ("score", "compare", "priorities"):
        for lang in ("en", "ar"):
            name = "%s --lang %s" % (view, lang)
            raw = run([view, "--format", "html", "--lang", lang] + data)
            if raw != run([view, "--format", "html", "--lang", lang] +
                          data):
                fail(name + ": two runs differ")
            pages[name] = check_page(name, raw, lang)
    # over time: a line chart for the city and each area; a chart a city
    for view, args in (("trend", ["--from", "2018", "--to", "2022",
                                  "--max-age", "3"]),
                       ("shock", ["--before", "2019", "--shock", "2020",
                                  "--after", "2022", "--max-age", "3"])):
        for lang in ("en", "ar"):
            name = "%s --lang %s" % (view, lang)
            raw = run([view, "--format", "html", "--lang", lang] + args +
                      data)
            pages[name] = check_page(name, raw, lang)

    # One chart of each kind where the issue asks for it: a radar per
    # city, the grouped bars and the heat map, the priorities' bars.
    counts = {"score": 3 + 3, "compare": 3 + 2, "priorities": 3,
              "trend": 1 + 5, "shock": 3}
    for name, root in pages.items():
        if root is None:
            continue
        n = len(list(root.iter(SVG + "svg")))
        if n != counts[name.split()[0]]:
            fail("%s: %d charts, not %d" % (name, n,
                                             counts[name.split()[0]]))
    ar = pages.get("compare --lang ar")
    if ar is not None:
        body = "".join(ar.itertext())
        # the tool's own words: the data's sources and notes, quoted in
        # the evidence and the annex, stay in the data's language
        own = "".join(t for el in ar.iter() if el.get("class") != "src"
                      for t in [el.text or "", el.tail or ""])
        for word in ("التغطية", "الترتيب", "متوسط", "سوق العمل"):
            if word not in body:
                fail("compare --lang ar: no %r" % word)
        for word in ("Coverage", "Ranking", "Moderate", "Labour market"):
            if word in own:
                fail("compare --lang ar: English %r" % word)

    for lang in ("en", "ar"):
        for view in ("score", "compare", "priorities", "trend", "shock"):
            name = "%s hostile --lang %s" % (view, lang)
            top = {"compare": [], "trend": ["--depth", "3"],
                   "shock": ["--before", "2018", "--shock", "2019",
                             "--after", "2020"]}.get(view,
                                                     ["--top", "all"])
            raw = run([view, "--format", "html", "--lang", lang] + top +
                      [os.path.join("tests", "cli", "data", "hostile.csv")])
            root = check_page(name, raw, lang)
            if root is None:
                continue
            cells = ["".join(e.itertext()) for e in root.iter()
                     if e.tag in ("h2", "td", "th", "title")]
            for city in HOSTILE:
                if city not in cells:
                    fail("%s: %r is not shown as text" % (name, city))
            if view == "priorities" and NOTE not in cells:
                fail("%s: the note is not shown as text" % name)
    # The sections of a report that stands alone: per city its evidence
    # (a table per area with data) and its data-gap annex, the page's
    # methodology note with its one link; the heading of every section.
    want = {"en": ("Summary", "Evidence: the values behind the scores",
                   "Annex: data gaps", "Methodology"),
            "ar": ("الملخص", "الأدلة: القيم التي بُنيت عليها الدرجات",
                   "المرفق: فجوات البيانات", "المنهجية")}
    for name, root in pages.items():
        view, lang = name.split()[0], name.split()[-1]
        if root is None or view not in ("score", "compare", "priorities"):
            continue
        sections = {}
        for el in root.iter("section"):
            sections.setdefault(el.get("class"), []).append(el)
        for cls, n in (("evidence", 3), ("gaps", 3), ("methodology", 1),
                       ("city", 3), ("summary", 1)):
            if len(sections.get(cls, [])) != n:
                fail("%s: %d sections %r, not %d" % (
                    name, len(sections.get(cls, [])), cls, n))
        heads = ["".join(e.itertext()) for e in root.iter()
                 if e.tag in ("h2", "h3")]
        for head in want[lang]:
            if head not in heads:
                fail("%s: no heading %r" % (name, head))
        for ev in sections.get("evidence", []):
            tables = list(ev.iter("table"))
            if len(tables) != 5:
                fail("%s: %d evidence tables, not one per area" % (
                    name, len(tables)))
            for t in tables:
                for tr in t.iter("tr"):
                    if len(list(tr)) != 8:
                        fail("%s: an evidence row of %d cells" % (
                            name, len(list(tr))))
        links = [a.get("href") for a in root.iter("a")]
        if links != ["docs/methodology.md"]:
            fail("%s: links %r" % (name, links))

    # Hostile notes (--notes): rendered in the safe subset, the HTML in
    # them shown as text, never as an element.
    notes = os.path.join("tests", "cli", "data", "notes.md")
    small = ["--framework", os.path.join("tests", "data", "small.json"),
             os.path.join("tests", "data", "small.csv")]
    for view in ("score", "compare", "priorities", "plan"):
        for lang in ("en", "ar"):
            name = "%s --notes --lang %s" % (view, lang)
            target = ["--target", "A=sound"] if view == "plan" else []
            raw = run([view, "--format", "html", "--lang", lang, "--notes",
                       notes, "--title", "<i>T</i>", "--author",
                       "<script>x</script>", "--date", "2 & 3"] + target +
                      small)
            root = check_page(name, raw, lang)
            if root is None:
                continue
            tags = {local(e.tag) for e in root.iter()}
            for bad in ("script", "img", "i", "iframe"):
                if bad in tags:
                    fail("%s: a <%s> element from the notes" % (name, bad))
            text = "".join(root.itertext())
            for shown in ("<script>alert(1)</script>",
                          "<img src=x onerror=alert(3)>",
                          "[a link](javascript:alert(2))", "<i>T</i>",
                          "<script>x</script>", "2 & 3"):
                if shown not in text:
                    fail("%s: %r is not shown as text" % (name, shown))
            divs = [e for e in root.iter("div")
                    if e.get("class") == "notes"]
            if len(divs) != 3:
                fail("%s: %d notes blocks, not 3" % (name, len(divs)))
            if not any(e.tag == "strong" for d in divs for e in d.iter()):
                fail("%s: **strong** not rendered" % name)

    # whatif and the plan document: a radar per city and a timeline.
    beirut = [os.path.join("data", "beirut.csv")]
    for lang in ("en", "ar"):
        name = "whatif --lang %s" % lang
        check_page(name, run(["whatif", "--format", "html", "--lang", lang,
                              "--set", "beirut:RPI 2-1.1=20"] + beirut),
                   lang)
        name = "plan --actions --lang %s" % lang
        root = check_page(name, run(
            ["plan", "--format", "html", "--lang", lang, "--target",
             "A2=moderate", "--levers", "municipal", "--horizon", "2026",
             "--actions", os.path.join("data", "plans",
                                       "beirut-actions.csv")] + beirut),
            lang)
        if root is None:
            continue
        if len(list(root.iter(SVG + "svg"))) != 2:
            fail(name + ": not a radar and a timeline")
        # a plan that stands alone: a section (a printed page) a city,
        # the evidence of the values it starts from, and the methodology
        # with how the plan is computed
        sections = [e.get("class") for e in root.iter("section")]
        if sections.count("evidence") != 1 or \
                sections.count("methodology") != 1 or \
                sections.count("city") != 1:
            fail(name + ": sections %r" % sections)
        links = [a.get("href") for a in root.iter("a")]
        if links != ["docs/planning.md", "docs/methodology.md"]:
            fail("%s: links %r" % (name, links))
    # sensitivity: a sentence and a rank-interval chart per city, the
    # indices' bars when they are estimable (--min-variance 0 forces it)
    for lang in ("en", "ar"):
        name = "sensitivity --lang %s" % lang
        args = ["sensitivity", "--format", "html", "--lang", lang,
                "--no-progress", "--runs", "50", "--sobol", "--vary-year",
                "2", "--vary-proxies", "--min-variance", "0"]
        raw = run(args + data)
        if raw != run(args + ["--threads", "1"] + data):
            fail(name + ": one thread and several differ")
        root = check_page(name, raw, lang)
        if root is None:
            continue
        if len(list(root.iter(SVG + "svg"))) != len(data) + 1:
            fail(name + ": not a chart per city and the indices' bars")
        said = [e for e in root.iter("p") if e.get("class") == "summary"]
        if len(said) != len(data):
            fail(name + ": %d city sentences, not %d" % (len(said),
                                                         len(data)))
        body = "".join(root.itertext())
        word = "عمليات المحاكاة" if lang == "ar" else "of runs"
        if word not in body or (lang == "ar" and "of runs" in body):
            fail(name + ": the sentences are not in its language")
        name = "sensitivity hostile --lang %s" % lang
        root = check_page(name, run(
            ["sensitivity", "--format", "html", "--lang", lang,
             "--no-progress", "--runs", "20", "--exclude-indicators",
             os.path.join("tests", "cli", "data", "hostile.csv")]), lang)
        if root is not None:
            cells = ["".join(e.itertext()) for e in root.iter()
                     if e.tag in ("h3", "title")]
            for city in HOSTILE:
                if city not in cells:
                    fail("%s: %r is not shown as text" % (name, city))
    if failures:
        return 1
    print("ok: %d pages" % (len(pages) + 14))
    return 0


sys.exit(main())
