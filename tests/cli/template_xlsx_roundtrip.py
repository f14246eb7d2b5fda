#!/usr/bin/env python3
"""A filled .xlsx template scores exactly as the same data in CSV.

Usage: template_xlsx_roundtrip.py RESILIENCE

Writes 'template --format xlsx --lang ar --city Testville --years
2019-2020', fills it as a spreadsheet program would save it (each value
cell of the first sheet gets a number; each rubric item's 2019 cell the
text of one of its levels, as its drop-down list puts it; some cells stay
empty), writes the same values as a long CSV by hand, and checks that
'score --format csv' gives the same bytes for both, for 2019, 2020 and
the latest year. Also checks that two runs of the template are
byte-identical.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def run(*args):
    p = subprocess.run(args, capture_output=True)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(args), p.returncode,
                                        p.stderr.decode("utf-8", "replace")))
    return p.stdout


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def main(argv):
    exe = argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        tpl = os.path.join(tmp, "template.xlsx")
        again = os.path.join(tmp, "again.xlsx")
        args = ["template", "--format", "xlsx", "--lang", "ar", "--city",
                "Testville", "--years", "2019-2020"]
        run(exe, *args, "--output", tpl)
        run(exe, *args, "--output", again)
        if open(tpl, "rb").read() != open(again, "rb").read():
            sys.exit("two runs of the xlsx template differ")
        z = zipfile.ZipFile(tpl)
        import xml.etree.ElementTree as ET
        shared = [si.findtext(NS + "t") or "".join(
            t.text or "" for t in si.iter(NS + "t"))
            for si in ET.fromstring(z.read("xl/sharedStrings.xml"))]
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        # the table as the sheet holds it: row -> {col: text}
        table = {}
        for m in re.finditer(r'<c r="([A-Z]+)(\d+)"([^>]*?)(/>|>(.*?)</c>)',
                             sheet):
            ref, row, attrs, body = m.group(1), int(m.group(2)), \
                m.group(3), m.group(5) or ""
            v = re.search(r"<v>(.*?)</v>", body)
            text = None
            if v is not None:
                text = shared[int(v.group(1))] if 't="s"' in attrs \
                    else v.group(1)
            table.setdefault(row, {})[col_index(ref)] = text
        head = [table[1][c] for c in sorted(table[1])]
        need = ["city", "indicator", "name", "unit", "direction", "worst",
                "best", "min", "max", "2019", "2020", "source", "note",
                "suggested_source"]
        if head[:len(need)] != need:
            sys.exit("unexpected header %r" % head)
        ci = {name: i for i, name in enumerate(head)}
        fills = {}      # (row, col) -> (xml body, attribute), value
        csv_rows = []
        for n, row in enumerate(sorted(r for r in table if r > 1)):
            cells = table[row]
            ind = cells[ci["indicator"]]
            if cells.get(ci["worst"]) is None:
                # a target band: the range, inside which every value is
                # valid, gives the value instead
                lo, hi = float(cells[ci["min"]]), float(cells[ci["min"]]) + 1
            else:
                lo, hi = float(cells[ci["worst"]]), float(cells[ci["best"]])
            rubric = cells.get(ci.get("rubric_1", -1))
            for year, k in ((2019, 0), (2020, 1)):
                if (n + k) % 7 == 3:
                    continue            # left empty
                col = ci[str(year)]
                if rubric and year == 2019:
                    level = n % 5 + 1
                    text = cells[ci["rubric_%d" % level]]
                    fills[(row, col)] = ('t="inlineStr"',
                                         "<is><t>%s</t></is>" % escape(text))
                    csv_rows.append((ind, str(level), year))
                else:
                    # an exact decimal between the goalposts
                    value = repr(round(lo + (n % 9 + k) / 10 * (hi - lo), 3))
                    fills[(row, col)] = ("", "<v>%s</v>" % value)
                    csv_rows.append((ind, value, year))

        def fill(m):
            ref, row = m.group(1), int(m.group(2))
            key = (row, col_index(ref))
            if key not in fills:
                return m.group(0)
            attr, body = fills.pop(key)
            return '<c r="%s%d"%s %s>%s</c>' % (ref, row, m.group(3), attr,
                                                 body)
        sheet = re.sub(r'<c r="([A-Z]+)(\d+)"([^>]*?)/>', fill, sheet)
        if fills:
            sys.exit("cells to fill not found as blanks: %r" % list(fills))
        filled = os.path.join(tmp, "testville.xlsx")
        with zipfile.ZipFile(filled, "w", zipfile.ZIP_DEFLATED) as out:
            for item in z.infolist():
                data = z.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = sheet.encode("utf-8")
                out.writestr(item, data)
        plain = os.path.join(tmp, "testville.csv")
        with open(plain, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["city", "indicator", "value", "year"])
            for ind, value, year in csv_rows:
                w.writerow(["Testville", ind, value, year])
        for extra in ([], ["--year", "2019"], ["--year", "2020"]):
            a = run(exe, "score", "--format", "csv", *extra, filled)
            b = run(exe, "score", "--format", "csv", *extra, plain)
            if a != b:
                sys.exit("xlsx and CSV score differently (%s):\n%s\n---\n%s"
                         % (extra, a.decode()[:2000], b.decode()[:2000]))
            if b"Testville" not in a or a.count(b"\n") < 2:
                sys.exit("unexpected report %r" % a[:200])
        print("ok: %d values, xlsx and CSV score alike" % len(csv_rows))


if __name__ == "__main__":
    main(sys.argv)
