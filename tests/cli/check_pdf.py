#!/usr/bin/env python3
"""--format pdf: the page printed by headless Chromium, read back.

First, with no Chromium (RS_CHROMIUM naming a file that does not exist),
the command must exit 4 with a message naming the package and leave no
output file.  Then, with chromium on PATH and pdfinfo and pdftotext
(poppler-utils) installed, `compare --format pdf` of data/*.csv in English
and in Arabic must give an A4 PDF of at least one page per city and one
for the summary, whose text holds the title, the author, the date, the
city names, the section headings and the values of the evidence.  Without
Chromium or poppler-utils that part prints "skipped" and the script exits
77, which ctest counts as skipped.
Usage: check_pdf.py BIN PROJECT_DIR SCRATCH_DIR
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

BIN, ROOT, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
DATA = sorted(glob.glob(os.path.join(ROOT, "data", "*.csv")))
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what)


os.makedirs(TMP, exist_ok=True)

# Without Chromium: exit 4, the package named, no file.
out = os.path.join(TMP, "none.pdf")
if os.path.exists(out):
    os.remove(out)
env = dict(os.environ, RS_CHROMIUM=os.path.join(TMP, "no-such-chromium"))
p = subprocess.run([BIN, "compare", "--format", "pdf", "--output", out] +
                   DATA, env=env, capture_output=True, text=True)
if p.returncode != 4:
    fail("without Chromium: exit %d, not 4" % p.returncode)
if "chromium" not in p.stderr or "apt-get install chromium" not in \
        p.stderr:
    fail("without Chromium: the message names no package: %r" % p.stderr)
if os.path.exists(out):
    fail("without Chromium: %s was written" % out)
# --format pdf needs a file to write to.
p = subprocess.run([BIN, "compare", "--format", "pdf"] + DATA,
                   capture_output=True, text=True)
if p.returncode != 2 or "--output" not in p.stderr:
    fail("pdf to standard output: exit %d, %r" % (p.returncode, p.stderr))

missing = [t for t in ("pdfinfo", "pdftotext") if shutil.which(t) is None]
if shutil.which("chromium") is None and \
        shutil.which("chromium-browser") is None:
    missing.insert(0, "chromium")
if missing:
    print("skipped: %s not installed (apt-get install chromium "
          "poppler-utils fonts-hosny-amiri)" % ", ".join(missing))
    sys.exit(1 if failures else 77)

# A raw value of the evidence, as the score JSON gives it: one with one to
# three decimals, which the report writes as they are.
doc = json.loads(subprocess.run([BIN, "score", "--format", "json"] + DATA,
                                capture_output=True, text=True).stdout)
VALUE = next(repr(n["value"]) for c in doc["cities"]
             for n in c["scores"].values()
             if isinstance(n.get("value"), float) and
             0 < len(repr(n["value"]).split(".")[-1]) <= 3 and
             n["value"] != int(n["value"]))
CASES = {
    "en": {
        "title": "Three cities: a test report",
        "words": ["Three cities: a test report", "Prepared by",
                  "Urban observatory", "2 December 2026", "Alexandria",
                  "Beirut", "Kuwait City", "Summary", "Evidence",
                  "Annex: data gaps", "Methodology", "national proxy",
                  VALUE, "RPI 1-2.1"],
    },
    "ar": {
        "title": "ثلاث مدن: تقرير تجريبي",
        "words": ["الإسكندرية", "بيروت", "الملخص", "المنهجية",
                  "الأدلة", "قيم وطنية بديلة", VALUE,
                  "Urban observatory", "2 December 2026"],
    },
}
for lang, case in CASES.items():
    out = os.path.join(TMP, "report-%s.pdf" % lang)
    if os.path.exists(out):
        os.remove(out)
    p = subprocess.run([BIN, "compare", "--format", "pdf", "--lang", lang,
                        "--title", case["title"], "--author",
                        "Urban observatory", "--date", "2 December 2026",
                        "--output", out] + DATA,
                       capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (lang, p.returncode, p.stderr))
        continue
    info = subprocess.run(["pdfinfo", out], capture_output=True,
                          text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    pages = int(m.group(1)) if m else 0
    # the summary and the charts, then at least a page per city
    if pages < len(DATA) + 1:
        fail("%s: %d pages, fewer than %d" % (lang, pages, len(DATA) + 1))
    if "(A4)" not in info:
        fail("%s: not A4: %s" % (lang, info))
    text = subprocess.run(["pdftotext", out, "-"],
                          capture_output=True, text=True).stdout
    # pdftotext writes Arabic with bidi marks around runs and may split a
    # word where Amiri's glyphs join: compare without marks and blanks
    flat = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\\s]", "",
                  text)
    for word in case["words"]:
        if re.sub(r"\s", "", word) not in flat:
            fail("%s: %r not in the PDF's text" % (lang, word))
    print("%s: %d pages" % (lang, pages))

# The other reports with an html page print too.
beirut = [os.path.join(ROOT, "data", "beirut.csv")]
others = {
    "trend": (["trend", "--from", "2018", "--to", "2022"] + DATA,
              "Urban economic resilience: year by year"),
    "shock": (["shock", "--before", "2019", "--shock", "2020", "--after",
               "2022", "--max-age", "3"] + DATA, "the shock and the recovery"),
    "whatif": (["whatif", "--set", "beirut:RPI 2-1.1=20"] + beirut,
               "What-if scenario"),
    "plan": (["plan", "--target", "A2=moderate", "--levers", "municipal",
              "--horizon", "2026", "--actions",
              os.path.join(ROOT, "data", "plans", "beirut-actions.csv")] +
             beirut, "Recovery plan"),
    # the Arabic plan: its title and an Arabic unit of its evidence
    "plan-ar": (["plan", "--lang", "ar", "--target", "A2=moderate",
                 "--levers", "municipal", "--horizon", "2026", "--actions",
                 os.path.join(ROOT, "data", "plans", "beirut-actions.csv")] +
                beirut, ["خطة التعافي", "من القوى العاملة"]),
}
for name, (args, word) in others.items():
    out = os.path.join(TMP, "%s.pdf" % name)
    p = subprocess.run([BIN] + args + ["--format", "pdf", "--output", out],
                       capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (name, p.returncode, p.stderr))
        continue
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True,
                          text=True).stdout
    flat = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\\s]", "",
                  text)
    for w in word if isinstance(word, list) else [word]:
        if re.sub(r"\s", "", w) not in flat:
            fail("%s: %r not in the PDF's text" % (name, w))

if failures:
    sys.exit(1)
print("ok: the PDF in English and Arabic, and of every html report")
