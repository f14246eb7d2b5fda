#!/usr/bin/env python3
"""score and compare --format xlsx: two sheets, the figures of the CSV
report, the same bytes twice; refused by priorities and on a terminal.

Usage: report_xlsx.py RESILIENCE DATA_DIR
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def run(*args, rc=0):
    p = subprocess.run(args, capture_output=True)
    if p.returncode != rc:
        sys.exit("%s: status %d, wanted %d: %s" % (" ".join(args),
                 p.returncode, rc, p.stderr.decode("utf-8", "replace")))
    return p


def sheet(z, n, shared):
    """Sheet n as a list of rows of cell texts (numbers as text)."""
    root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % n))
    rows = []
    for row in root.iter(NS + "row"):
        cells = {}
        for c in row.iter(NS + "c"):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            idx = 0
            for ch in col:
                idx = idx * 26 + ord(ch) - 64
            v = c.findtext(NS + "v")
            if v is not None and c.get("t") == "s":
                v = shared[int(v)]
            cells[idx - 1] = v
        rows.append([cells.get(i) for i in range(max(max(cells) + 1, 8))])
    return rows


def main(argv):
    exe, data = argv[1], argv[2]
    files = [os.path.join(data, c + ".csv")
             for c in ("alexandria", "beirut", "kuwait")]
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.xlsx"), os.path.join(tmp, "b.xlsx")
        run(exe, "score", "--format", "xlsx", "-o", a, *files)
        run(exe, "score", "--format", "xlsx", "-o", b, *files)
        if open(a, "rb").read() != open(b, "rb").read():
            sys.exit("two runs of score --format xlsx differ")
        z = zipfile.ZipFile(a)
        shared = ["".join(t.text or "" for t in si.iter(NS + "t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml"))]
        wb = z.read("xl/workbook.xml").decode()
        if re.findall(r'<sheet name="([^"]+)"', wb) != ["Scores", "Evidence"]:
            sys.exit("sheets: %r" % wb)
        scores = sheet(z, 1, shared)
        evidence = sheet(z, 2, shared)
        report = list(csv.DictReader(io.StringIO(run(
            exe, "score", "--format", "csv", *files).stdout.decode())))
        want = {(r["city"], r["node"]): r for r in report}
        checked = 0
        for row in scores[1:]:
            city, node, score = row[0], row[1] or "", row[3]
            r = want[(city, node)]
            if (score or "") != "" and abs(float(score) - float(r["score"])) > 1e-12:
                sys.exit("%s %s: xlsx %s, csv %s" % (city, node, score,
                                                     r["score"]))
            if (score is None) != (r["score"] == ""):
                sys.exit("%s %s: xlsx %r, csv %r" % (city, node, score,
                                                     r["score"]))
            checked += 1
        if checked != len(report):
            sys.exit("scores sheet has %d rows, csv %d" % (checked, len(report)))
        values = [r for r in report if r["value"] != ""]
        if len(evidence) - 1 != len(values):
            sys.exit("evidence has %d rows, the csv %d values"
                     % (len(evidence) - 1, len(values)))
        if evidence[0][:6] != ["City", "Code", "Indicator", "Value", "Unit",
                               "Year"]:
            sys.exit("evidence header %r" % evidence[0])
        if not all(r[6] for r in evidence[1:]):
            sys.exit("a value of the evidence sheet has no source")
        c = os.path.join(tmp, "c.xlsx")
        run(exe, "compare", "--format", "xlsx", "--lang", "ar", "-o", c,
            *files)
        wb = zipfile.ZipFile(c).read("xl/workbook.xml").decode()
        if "الدرجات" not in wb or 'rightToLeft="1"' not in zipfile.ZipFile(
                c).read("xl/worksheets/sheet1.xml").decode():
            sys.exit("compare --lang ar: not an Arabic right-to-left workbook")
        p = run(exe, "priorities", "--format", "xlsx", *files, rc=2)
        if b"--format takes text, json, csv, md, html or pdf, not 'xlsx'" \
                not in p.stderr:
            sys.exit("priorities: %r" % p.stderr)
    print("ok: %d score rows, %d values" % (checked, len(values)))


if __name__ == "__main__":
    main(sys.argv)
