#!/usr/bin/env python3
"""Write the hand-made workbooks of tests/data/sheets/ (test_sheet.c).

Each archive is made from the parts below, with fixed timestamps so that
the files come out the same on every run:  python3 make.py  in this folder.
They hold what the writers the reader must follow put in their files:
openpyxl's absolute relationship targets, LibreOffice's relative ones, a
workbook in a folder of its own, prefixed namespaces, the 1904 date
system, rich text, phonetic runs, inline strings, ODF's repeated rows
and columns, and a file broken in each way the reader must report.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CT = XML + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension='
    '"xml" ContentType="application/xml"/></Types>')


def rels(*items):
    out = XML + '<Relationships xmlns="%s">' % PKG
    for rid, kind, target in items:
        out += ('<Relationship Id="%s" Type="%s/%s" Target="%s"/>'
                % (rid, REL, kind, target))
    return out + '</Relationships>'


def write(name, parts, stored=()):
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = (zipfile.ZIP_STORED if part in stored
                                  else zipfile.ZIP_DEFLATED)
            z.writestr(info, text.encode("utf-8") if isinstance(text, str)
                       else text)


def sheet(rows, prefix=""):
    p = prefix + ":" if prefix else ""
    ns = ' xmlns%s="%s"' % (":" + prefix if prefix else "", MAIN)
    return (XML + '<%sworksheet%s xmlns:r="%s"><%ssheetData>' % (p, ns, REL, p)
            + rows.replace("<", "<" + p).replace("<" + p + "/", "</" + p)
            + '</%ssheetData></%sworksheet>' % (p, p))


def workbook(sheets, pr="", prefix=""):
    p = prefix + ":" if prefix else ""
    ns = ' xmlns%s="%s"' % (":" + prefix if prefix else "", MAIN)
    body = "".join('<%ssheet name="%s" sheetId="%d"%s r:id="%s"/>'
                   % (p, name, i + 1, extra, rid)
                   for i, (name, rid, extra) in enumerate(sheets))
    return (XML + '<%sworkbook%s xmlns:r="%s">%s<%ssheets>%s</%ssheets>'
            '</%sworkbook>' % (p, ns, REL, pr, p, body, p, p))


def sst(strings):
    return (XML + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (MAIN, len(strings), len(strings), "".join(strings)))


STYLES = XML + (
    '<styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="yyyy\\-mm\\-dd;@"/></numFmts><fonts count="1"><font/>'
    '</fonts><dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="0%%"/>'
    '</dxf></dxfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/>'
    '<xf numFmtId="164"/><xf numFmtId="9"/></cellXfs></styleSheet>' % MAIN)


def s(ref, i):
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, i)


def n(ref, v, extra=""):
    return '<c r="%s"%s><v>%s</v></c>' % (ref, extra, v)


# --- tests/data/small.csv as openpyxl writes it -------------------------
# Shared strings, t="n" on numbers, absolute targets, a built-in date
# format (14) on one year, a formula with its saved result.
STR = ["city", "indicator", "value", "year", "source", "X", "a1", "a2",
       "b1", "b2", "b3", "survey", "not collected", "Y", "Z"]
SI = ["<si><t>%s</t></si>" % t for t in STR]


def small_rows(year_cell, formula_cell, xs="", t_n=' t="n"'):
    ind = {"a1": 6, "a2": 7, "b1": 8, "b2": 9, "b3": 10}
    data = [("X", "a1", "40", "survey"), ("X", "a2", "25", "survey"),
            ("X", "b1", "25", "survey"), ("X", "b2", "5", "survey"),
            ("X", "b3", None, "not collected"), ("Y", "a1", "100", "survey"),
            ("Z", "a1", "0", None), ("Z", "a2", "100", None),
            ("Z", "b1", "10", None), ("Z", "b2", "0", None),
            ("Z", "b3", "0", None)]
    out = '<row r="1">' + "".join(s(c + "1", i) for c, i in
                                  zip("ABCDE", range(5))) + '</row>'
    for k, (city, i, v, src) in enumerate(data):
        r = k + 2
        cells = s("A%d" % r, STR.index(city)) + s("B%d" % r, ind[i])
        if v is not None:
            cells += (formula_cell("C%d" % r, v) if r == 3 else
                      n("C%d" % r, v, t_n))
        cells += year_cell("D%d" % r) if r == 4 else n("D%d" % r, "2019", t_n)
        if src is not None:
            cells += s("E%d" % r, STR.index(src))
        out += '<row r="%d">%s</row>' % (r, cells)
    return out


write("small-openpyxl.xlsx", [
    ("[Content_Types].xml", CT),
    ("_rels/.rels", rels(("rId1", "officeDocument", "xl/workbook.xml"))),
    ("xl/workbook.xml", workbook([("Sheet", "rId1", "")])),
    ("xl/_rels/workbook.xml.rels", rels(
        ("rId1", "worksheet", "/xl/worksheets/sheet1.xml"),
        ("rId2", "styles", "/xl/styles.xml"),
        ("rId3", "sharedStrings", "/xl/sharedStrings.xml"))),
    ("xl/styles.xml", STYLES),
    ("xl/sharedStrings.xml", sst(SI)),
    ("xl/worksheets/sheet1.xml", sheet(small_rows(
        lambda ref: n(ref, "43555", ' s="1"'),
        lambda ref, v: '<c r="%s"><f>5*5</f><v>%s</v></c>' % (ref, v)))),
])

# --- the same data the unusual ways ----------------------------------------
# The workbook in book/main.xml with x: prefixes and the 1904 date system,
# a hidden sheet first and a chart sheet last, a sheet named with a space
# in a part whose name has one (%20 in the target), relative targets with
# "..", shared strings with rich runs, a phonetic run and an _xHHHH_
# escape, an inline string, a row of cells in reverse order and a row of
# cells without references.
SI2 = list(SI)
SI2[0] = ('<si><t>city</t><rPh sb="0" eb="4"><t>\u30b7\u30c6\u30a3</t>'
          '</rPh><phoneticPr fontId="1"/></si>')
SI2[4] = "<si><t>sour_x0063_e</t></si>"
SI2[11] = ('<si><r><t>sur</t></r><r><rPr><b/></rPr><t xml:space="preserve">'
           'vey</t></r></si>')
odd = small_rows(lambda ref: n(ref, "42093", ' s="2"'),
                 lambda ref, v: '<c r="%s" t="s"><v>%d</v></c>' % (
                     ref, len(SI2)), t_n="")
SI2.append("<si><t>25</t></si>")
# Row 3 in reverse order; row 5 without references; the "not collected"
# of row 6 as an inline string.
row3 = odd[odd.index('<row r="3">'):odd.index('<row r="4">')]
cells3 = row3[len('<row r="3">'):-len('</row>')].split("</c>")[:-1]
odd = odd.replace(row3, '<row r="3">' + "".join(
    c + "</c>" for c in reversed(cells3)) + '</row>')
row5 = odd[odd.index('<row r="5">'):odd.index('<row r="6">')]
odd = odd.replace(row5, row5.replace(' r="A5"', "").replace(' r="B5"', "")
                  .replace(' r="C5"', "").replace(' r="D5"', "")
                  .replace(' r="E5"', "").replace('<row r="5">', "<row>"))
odd = odd.replace(s("E6", 12), '<c r="E6" t="inlineStr"><is><r><t>not '
                  '</t></r><r><t>collected</t></r></is></c>')
write("small-odd.xlsx", [
    ("[Content_Types].xml", CT),
    ("_rels/.rels", rels(("rId7", "officeDocument", "/book/main.xml"))),
    ("book/main.xml", workbook(
        [("Notes", "rId1", ' state="hidden"'), ("Data 2019", "rId2", ""),
         ("Chart", "rId5", "")], pr='<x:workbookPr date1904="1"/>',
        prefix="x")),
    ("book/_rels/main.xml.rels", rels(
        ("rId1", "worksheet", "../sheets/notes.xml"),
        ("rId2", "worksheet", "./sub/../../sheets/data%20one.xml"),
        ("rId3", "sharedStrings", "strings.xml"),
        ("rId4", "styles", "/book/styles.xml"),
        ("rId5", "chartsheet", "../charts/chart1.xml"))),
    ("book/styles.xml", STYLES),
    ("book/strings.xml", sst(SI2)),
    ("sheets/notes.xml", sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>'
                               'notes</t></is></c></row>')),
    ("sheets/data one.xml", sheet(odd, prefix="x")),
    ("charts/chart1.xml", XML + '<chartsheet xmlns="%s"/>' % MAIN),
])

# --- OpenDocument ----------------------------------------------------------
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
MIME = "application/vnd.oasis.opendocument.spreadsheet"


def content(tables):
    return (XML + '<office:document-content xmlns:office="%s" '
            'xmlns:table="%s" xmlns:text="%s" xmlns:calcext="%s" '
            'office:version="1.3"><office:automatic-styles/><office:body>'
            '<office:spreadsheet><table:calculation-settings/>%s'
            '</office:spreadsheet></office:body></office:document-content>'
            % (OFFICE, TABLE, TEXT, CALCEXT, tables))


def ostr(t):
    return ('<table:table-cell office:value-type="string" calcext:value-type='
            '"string"><text:p>%s</text:p></table:table-cell>' % t)


def onum(v, rep=1):
    r = ' table:number-columns-repeated="%d"' % rep if rep > 1 else ""
    return ('<table:table-cell office:value-type="float" office:value="%s"%s>'
            '<text:p>%s</text:p></table:table-cell>' % (v, r, v))


def empty(rep=1):
    r = ' table:number-columns-repeated="%d"' % rep if rep > 1 else ""
    return '<table:table-cell%s/>' % r


def orow(cells, rep=1):
    r = ' table:number-rows-repeated="%d"' % rep if rep > 1 else ""
    return '<table:table-row%s>%s</table:table-row>' % (r, cells)


ODS_ROWS = (
    orow(ostr("city") + ostr("indicator") + ostr("value") + ostr("year") +
         ostr("source") + empty(1019))
    + orow(ostr("X") + ostr("a1") + onum("40") + onum("2019") +
           ostr('sur<text:span text:style-name="T1">vey</text:span>') +
           '<table:table-cell office:value-type="string"><office:annotation>'
           '<text:p>checked twice</text:p></office:annotation>'
           '</table:table-cell>' + empty(1018))
    + orow(ostr("X") + ostr("a2") +
           '<table:table-cell table:formula="of:=5*5" office:value-type="float"'
           ' office:value="25" calcext:value-type="float"><text:p>25</text:p>'
           '</table:table-cell>' +
           '<table:table-cell office:value-type="date" office:date-value='
           '"2019-03-31T00:00:00"><text:p>31/03/19</text:p></table:table-cell>'
           + ostr("survey"))
    + orow(ostr("X") + ostr("b1") + onum("25") + onum("2019") +
           ostr("survey"))
    + orow(ostr("X") + ostr("b2") + onum("5") + onum("2019") +
           ostr("survey"))
    + orow(ostr("X") + ostr("b3") + empty() + onum("2019") +
           ostr("not<text:s/>collected"))
    + orow(ostr("Y") + ostr("a1") + onum("100") + onum("2019") +
           ostr("survey"))
    + orow(ostr("Z") + ostr("a1") + onum("0") + onum("2019"))
    + orow(ostr("Z") + ostr("a2") + onum("100") + onum("2019"))
    + orow(ostr("Z") + ostr("b1") + onum("10") + onum("2019") +
           '<table:covered-table-cell/>')
    + orow(ostr("Z") + ostr("b2") + onum("0") + onum("2019"))
    + orow(ostr("Z") + ostr("b3") + onum("0") + onum("2019") + empty(1019))
    + orow(empty(1024), 1048564))

# A second table for --sheet: repeated cells and rows, every value type.
KINDS = (
    orow(ostr("k") + onum("7", 3) + empty(2) + onum("8"))
    + orow(ostr("r") + onum("1.5") + empty(16380), 2)
    + orow(empty(1024), 3)
    + orow('<table:table-cell office:value-type="percentage" office:value='
           '"0.19"><text:p>19%</text:p></table:table-cell>'
           '<table:table-cell office:value-type="boolean" office:boolean-value'
           '="true"><text:p>TRUE</text:p></table:table-cell>'
           '<table:table-cell office:value-type="date" office:date-value='
           '"2020-02-29T10:30:00"><text:p>x</text:p></table:table-cell>'
           '<table:table-cell office:value-type="currency" office:currency='
           '"EUR" office:value="-2.25"><text:p>-2.25 EUR</text:p>'
           '</table:table-cell>'
           '<table:table-cell office:value-type="string" calcext:value-type='
           '"error" table:formula="of:=1/0"><text:p>#DIV/0!</text:p>'
           '</table:table-cell>'
           '<table:table-cell office:value-type="string"><text:p>two</text:p>'
           '<text:p>lines<text:tab/>and<text:s text:c="3"/>gaps</text:p>'
           '</table:table-cell>'
           '<table:table-cell office:value-type="time" office:time-value='
           '"PT10H30M00S"><text:p>10:30</text:p></table:table-cell>')
    + orow(ostr("exact") + onum("0.30000000000000004")))

write("small.ods", [
    ("mimetype", MIME),
    ("content.xml", content(
        '<table:table table:name="Data"><table:table-column '
        'table:number-columns-repeated="1024"/>%s</table:table>'
        '<table:table table:name="Kinds">%s</table:table>'
        % (ODS_ROWS, KINDS))),
    ("META-INF/manifest.xml", XML + '<manifest:manifest xmlns:manifest='
     '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
], stored=("mimetype",))


# --- broken files, one fault each ------------------------------------------
def xlsx(name, sheet_xml, strings=None, wb=None, extra=(), rels_=None):
    parts = [("[Content_Types].xml", CT),
             ("_rels/.rels", rels(("rId1", "officeDocument",
                                   "xl/workbook.xml"))),
             ("xl/workbook.xml", wb or workbook([("Sheet1", "rId1", "")])),
             ("xl/_rels/workbook.xml.rels", rels_ or rels(
                 ("rId1", "worksheet", "worksheets/sheet1.xml"),
                 ("rId3", "sharedStrings", "sharedStrings.xml")))]
    if strings is not None:
        parts.append(("xl/sharedStrings.xml", sst(strings)))
    if sheet_xml is not None:
        parts.append(("xl/worksheets/sheet1.xml", sheet_xml))
    write(name, parts + list(extra))


HDR = ('<row r="1"><c r="A1" t="inlineStr"><is><t>city</t></is></c>'
       '<c r="B1" t="inlineStr"><is><t>a1</t></is></c></row>')
xlsx("bad-xml.xlsx", XML + '<worksheet xmlns="%s">\n<sheetData>\n%s\n'
     '<row r="2"><c r="A2"><v>1</v></row>\n</sheetData></worksheet>'
     % (MAIN, HDR), strings=[])
xlsx("missing-part.xlsx", None, strings=[])
xlsx("doctype.xlsx", sheet(HDR), strings=[], wb=XML + (
    '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">]>\n<workbook xmlns="%s">'
    '&a;</workbook>' % MAIN))
xlsx("bad-sst.xlsx", sheet(HDR + '<row r="2"><c r="A2" t="s"><v>0</v></c>'
                           '<c r="B2" t="s"><v>2</v></c></row>'),
     strings=["<si><t>X</t></si>", "<si><t>1</t></si>"])
xlsx("bad-ref.xlsx", sheet(HDR + '<row r="2"><c r="A0"><v>1</v></c></row>'),
     strings=[])
xlsx("formula.xlsx", sheet(HDR + '<row r="2"><c r="A2" t="inlineStr"><is>'
                           '<t>X</t></is></c><c r="B2"><f>B1*2</f><v></v>'
                           '</c></row>'), strings=[])
xlsx("twice.xlsx", sheet(HDR + '<row r="2"><c r="A2"><v>1</v></c>'
                         '<c r="A2"><v>2</v></c></row>'), strings=[])
xlsx("no-rel.xlsx", sheet(HDR), strings=[], rels_=rels(
    ("rId9", "worksheet", "worksheets/sheet1.xml")))
write("not-a-sheet.zip", [("hello.txt", "hello\n")])
write("text.odt", [("mimetype", "application/vnd.oasis.opendocument.text"),
                   ("content.xml", content(""))], stored=("mimetype",))
write("bad-value.ods", [("mimetype", MIME), ("content.xml", content(
    '<table:table table:name="S">%s%s</table:table>' % (
        orow(ostr("city") + ostr("a1")),
        orow(ostr("X") + '<table:table-cell office:value-type="float" '
             'office:value="1,5"><text:p>1,5</text:p></table:table-cell>'))))],
    stored=("mimetype",))
write("wide-repeat.ods", [("mimetype", MIME), ("content.xml", content(
    '<table:table table:name="S">%s%s</table:table>' % (
        orow(ostr("city") + ostr("a1")),
        orow(ostr("X") + onum("1", 20000)))))], stored=("mimetype",))
write("tall-repeat.ods", [("mimetype", MIME), ("content.xml", content(
    '<table:table table:name="S">%s%s</table:table>' % (
        orow(ostr("city") + ostr("a1")),
        orow(ostr("X") + onum("1"), 2000000))))], stored=("mimetype",))

# A stored sheet whose bytes no longer match their CRC.
xlsx("crc.xlsx", None, strings=[])
with zipfile.ZipFile(os.path.join(HERE, "crc.xlsx"), "a") as z:
    info = zipfile.ZipInfo("xl/worksheets/sheet1.xml",
                           date_time=(2024, 1, 1, 0, 0, 0))
    z.writestr(info, sheet(HDR).encode())
with open(os.path.join(HERE, "crc.xlsx"), "rb") as f:
    data = bytearray(f.read())
at = data.index(b"<t>city</t>")
data[at + 6] = ord("x")
with open(os.path.join(HERE, "crc.xlsx"), "wb") as f:
    f.write(bytes(data))

# --- a located error for the command-line tests ----------------------------
xlsx("unknown.xlsx", sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>city</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>indicator</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>value</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>a1</t></is></c><c r="C2"><v>1</v></c>'
    '</row><row r="3"><c r="A3" t="inlineStr"><is><t>X</t></is></c>'
    '<c r="B3" t="inlineStr"><is><t>a_1</t></is></c><c r="C3"><v>2</v></c>'
    '</row>'), strings=[])


# --- COINr's example as one workbook: iData first, then iMeta ----------------
def csv_sheet(path):
    import csv
    rows = ""
    with open(path, newline="") as f:
        for r, fields in enumerate(csv.reader(f), start=1):
            cells = ""
            for c, v in enumerate(fields):
                ref = "ABCDEFGHIJ"[c] + str(r)
                if v == "":
                    continue
                try:
                    float(v)
                    cells += n(ref, v)
                except ValueError:
                    cells += ('<c r="%s" t="inlineStr"><is><t>%s</t></is>'
                              '</c>' % (ref, v))
            rows += '<row r="%d">%s</row>' % (r, cells)
    return sheet(rows)


COINR = os.path.join(HERE, "..", "coinr")
write("coinr.xlsx", [
    ("[Content_Types].xml", CT),
    ("_rels/.rels", rels(("rId1", "officeDocument", "xl/workbook.xml"))),
    ("xl/workbook.xml", workbook([("iData", "rId1", ""),
                                  ("iMeta", "rId2", "")])),
    ("xl/_rels/workbook.xml.rels", rels(
        ("rId1", "worksheet", "worksheets/sheet1.xml"),
        ("rId2", "worksheet", "worksheets/sheet2.xml"))),
    ("xl/worksheets/sheet1.xml", csv_sheet(os.path.join(COINR, "data.csv"))),
    ("xl/worksheets/sheet2.xml", csv_sheet(os.path.join(COINR, "meta.csv"))),
])
