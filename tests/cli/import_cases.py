#!/usr/bin/env python3
"""resilience import on the fixtures of tests/data/import: the three forms,
--merge, and located errors, with expectations read off the fixtures.

usage: import_cases.py BIN SOURCE_DIR
"""
import csv
import io
import os
import subprocess
import sys

BIN, SRC = sys.argv[1], sys.argv[2]
DIR = os.path.join(SRC, "tests", "data", "import")
failures = 0


def run(*args):
    p = subprocess.run([BIN, "import", "--framework", "fw.json"] + list(args),
                       cwd=DIR, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check(what, ok, detail=""):
    global failures
    if ok:
        print("ok - " + what)
    else:
        failures += 1
        print("FAIL - %s\n%s" % (what, detail))


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


ALL = ["wdi-bulk.csv", "indicators/sl.uem.totl.zs/data.csv",
       "indicators/NY.GDP.MKTP.KD.ZG/data.csv", "wgi.csv"]

# Kuwait, every year: the bulk file's empty cells and ".." are no value;
# a data-package file takes its series from its folder in any case; the
# WGI file's GE.STD.ERR rows match no indicator.
rc, out, err = run("--city", "Kuwait City", "--country", "kwt", *ALL)
got = {(r["indicator"], r["year"]): r for r in rows(out)}
check("kuwait: status 0, quiet", rc == 0 and err == "", err)
check("kuwait: credit 2018 and 2019 only (2020, 2021 empty)",
      sorted(y for (i, y) in got if i == "credit") == ["2018", "2019"],
      out)
check("kuwait: unemployment 2018-2021 from the data package",
      [got[("unemp", y)]["value"] for y in ("2018", "2019", "2020", "2021")]
      == ["2.202", "2.213", "3.489", "2.97"], out)
check("kuwait: no growth (the fixture has Egypt and Lebanon only)",
      not any(i == "growth" for (i, y) in got), out)
check("kuwait: GE.EST 2020 exactly as in the WGI file",
      got[("ge", "2020")]["value"] == "-0.195052489638329", out)
check("kuwait: every WGI year there is (1996, 1998, 2000, 2002-2022: 24), no standard errors",
      len([1 for (i, y) in got if i == "ge"]) == 24 and
      "GE.STD.ERR" not in out, out)
check("kuwait: rows cite database, series and file; note national proxy",
      got[("infl", "2019")]["source"] ==
      "World Bank, World Development Indicators, FP.CPI.TOTL.ZG, file "
      "wdi-bulk.csv" and got[("infl", "2019")]["note"] ==
      "national proxy: Kuwait" and got[("rq", "2018")]["source"] ==
      "World Bank, Worldwide Governance Indicators, RQ.EST, file wgi.csv",
      out)
check("kuwait: the city column holds --city",
      all(r["city"] == "Kuwait City" for r in rows(out)), out)

# --from and --to, a CODE=FILE source, --release.
rc, out, err = run("--city", "B", "--country", "LBN", "--from", "2019",
                   "--to", "2019", "--release", "wdi=mirror@4ebec5a",
                   "SL.UEM.TOTL.ZS=bad/SL.UEM.TOTL.ZS.csv")
r = rows(out)
check("CODE=FILE names the series; --release is cited",
      rc == 0 and len(r) == 1 and r[0]["value"] == "11.3" and
      r[0]["source"].endswith(", file bad/SL.UEM.TOTL.ZS.csv, release "
                              "mirror@4ebec5a"), out + err)

# --merge: a city-level value is kept, an empty row filled, the rest
# added; stderr says which.
rc, out, err = run("--city", "Beirut", "--country", "LBN", "--from", "2020",
                   "--to", "2020", "--merge", "merge.csv", *ALL)
got = {(r["indicator"], r["year"]): r for r in rows(out)}
check("merge: status 0", rc == 0, err)
check("merge: the city-level unemployment of 29.6 is kept",
      got[("unemp", "2020")]["value"] == "29.6" and
      "kept unemp 2020 from merge.csv, line 2 (SL.UEM.TOTL.ZS had 13.252)"
      in err, out + err)
check("merge: the empty growth row is filled, once",
      got[("growth", "2020")]["value"] == "-21.3998996914321" and
      out.count('"growth"') == 1 and "added growth 2020" in err, out + err)
check("merge: the identity columns are copied to the added rows",
      got[("ge", "2020")]["name_ar"] == "بيروت" and
      got[("ge", "2020")]["city_id"] == "beirut", out)
check("merge: a row without a series stays as it was",
      got[("plan", "2020")]["value"] == "2", out)
check("merge: a negative value of the file stays a plain number",
      got[("rq", "2019")]["value"] == "-0.5" and "'-0.5" not in out and
      "\nrq,-0.5,2019," in out, out)
check("merge: the summary",
      "merge.csv: added 4 values, kept 1 already there" in err, err)

# Located errors: one line, status 3, nothing on stdout.
for args, want in (
        (["bad/year.csv"], "resilience: bad/year.csv:2:3: year \"20x9\" is "
         "not a year from 1800 to 2200\n"),
        (["bad/value.csv"], "resilience: bad/value.csv:2:4: value \"1e\" "),
        (["bad/header.csv"], "resilience: bad/header.csv:1:6: column "
         "\"total\" is not a year\n"),
        (["bad/code.csv"], "resilience: bad/code.csv:2:4: indicator code "
         "\"FP CPI\" is not a series code\n"),
        (["bad/quote.csv"], "resilience: bad/quote.csv:2:"),
        (["bad/other.csv"], "resilience: bad/other.csv:1:1: not a WDI or "
         "WGI file"),
        (["fw.json"], "resilience: fw.json:"),
        (["/nonexistent/x.csv"], "resilience: /nonexistent/x.csv: cannot "
         "open"),
        (["wdi-bulk.csv", "X=bad/year.csv"], "resilience: bad/year.csv:2:3:"),
):
    rc, out, err = run("--city", "B", "--country", "LBN", *args)
    check("error %s" % " ".join(args),
          rc in (3, 4) and out == "" and err.startswith(want) and
          err.count("\n") == 1, "%d %r" % (rc, err))

# Usage errors.
for args, want in (
        (["--country", "LBN", "wgi.csv"], "--city and --country are "
         "required"),
        (["--city", "B", "--country", "LEBANON", "wgi.csv"],
         "--country takes a three-letter code"),
        (["--city", "B", "--country", "LBN"], "no SOURCE file given"),
        (["--city", "B", "--country", "LBN", "--release", "imf=x",
          "wgi.csv"], "--release takes wdi=TEXT or wgi=TEXT"),
        (["--city", "B", "--country", "LBN", "--from", "2021", "--to",
          "2019", "wgi.csv"], "--from 2021 is after --to 2019"),
):
    rc, out, err = run(*args)
    check("usage %s" % " ".join(args), rc == 2 and want in err, err)

print("%d failure(s)" % failures)
sys.exit(1 if failures else 0)
