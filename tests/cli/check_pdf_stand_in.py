#!/usr/bin/env python3
"""--format pdf around Chromium, with a stand-in for it: a script that
writes what it is asked to print, or fails as Chromium may.

The stand-in records its arguments and the page it was given.  Printed,
the report must be the stand-in's bytes at --output, Chromium run with
the arguments docs/cli.md names (--no-sandbox as root), the page given as
a file:// URL with every byte but [A-Za-z0-9/._-] percent-encoded, under
a directory of $TMPDIR that is removed afterwards.  A Chromium that fails,
or writes no PDF, exits 4 with one line and leaves the old output as it
was; so does a $TMPDIR that does not exist.  Chromium is looked up on
PATH by its two names when RS_CHROMIUM is not set.

Usage: check_pdf_stand_in.py BIN PROJECT_DIR SCRATCH_DIR
"""
import os
import re
import shutil
import subprocess
import sys

BIN, ROOT, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
ARGS = ["compare", "--format", "pdf", "--framework",
        os.path.join(ROOT, "tests", "data", "small.json"),
        os.path.join(ROOT, "tests", "data", "small.csv")]
PDF = b"%PDF-1.4\nstand-in\n"
STAND_IN = r"""#!/bin/sh
PATH=/usr/bin:/bin
out=
for a in "$@"; do
	printf '%s\n' "$a" >>"$LOG/args"
	case $a in --print-to-pdf=*) out=${a#--print-to-pdf=} ;; esac
	case $a in file://*) page=$a ;; esac
done
dir=$(dirname "$out")
cp "$dir/report.html" "$LOG/page.html"
case $MODE in
pdf) printf '%%PDF-1.4\nstand-in\n' >"$out" ;;
short) printf '%%PD' >"$out" ;;
text) printf 'not a PDF\n' >"$out" ;;
none) ;;
*) exit 3 ;;
esac
"""
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what)


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def run(env, out, mode):
    log = fresh(os.path.join(TMP, "log"))
    e = dict(os.environ, LOG=log, MODE=mode)
    e.pop("RS_CHROMIUM", None)
    e.update(env)
    p = subprocess.run([BIN] + ARGS + ["--output", out], env=e,
                       capture_output=True)
    args = []
    if os.path.exists(os.path.join(log, "args")):
        with open(os.path.join(log, "args")) as f:
            args = f.read().splitlines()
    return p, args


def left(tmpdir):
    return [n for n in os.listdir(tmpdir) if n.startswith("resilience-pdf")]


fresh(TMP)
chromium = os.path.join(TMP, "bin", "chromium-browser")
os.makedirs(os.path.dirname(chromium))
with open(chromium, "w") as f:
    f.write(STAND_IN)
os.chmod(chromium, 0o755)

# Printed: under a $TMPDIR whose name must be percent-encoded.
tmpdir = fresh(os.path.join(TMP, "t d%é"))
out = os.path.join(TMP, "r.pdf")
p, args = run({"RS_CHROMIUM": chromium, "TMPDIR": tmpdir}, out, "pdf")
if p.returncode != 0 or p.stderr:
    fail("printed: exit %d, %r" % (p.returncode, p.stderr))
with open(out, "rb") as f:
    if f.read() != PDF:
        fail("printed: %s is not the stand-in's PDF" % out)
real = os.path.realpath(tmpdir)
work = [a for a in args if a.startswith("--print-to-pdf=")]
work = os.path.dirname(work[0][len("--print-to-pdf="):]) if work else ""
if os.path.dirname(work) != real or \
        not os.path.basename(work).startswith("resilience-pdf."):
    fail("printed: the work directory %r is not under %r" % (work, real))
url = "file://" + work.replace("%", "%25").replace(" ", "%20").replace(
    "é", "%C3%A9") + "/report.html"
want = ["--headless", "--no-pdf-header-footer", "--disable-gpu",
        "--no-first-run"] + (["--no-sandbox"] if os.geteuid() == 0 else []) \
    + ["--user-data-dir=%s/profile" % work,
       "--print-to-pdf=%s/report.pdf" % work, url]
if args != want:
    fail("printed: arguments\n%r\nnot\n%r" % (args, want))
with open(os.path.join(TMP, "log", "page.html"), "rb") as f:
    page = f.read()
if not page.startswith(b"<!DOCTYPE html>") or b"</html>" not in page:
    fail("printed: the page given is not the HTML report")
if left(tmpdir):
    fail("printed: %r left in $TMPDIR" % left(tmpdir))

# Failures: one line, exit 4, the old output kept, nothing left.
for mode, msg in (("fail", "%s failed to print the report" % chromium),
                  ("none", "Chromium wrote no PDF"),
                  ("short", "Chromium wrote no PDF"),
                  ("text", "Chromium wrote no PDF")):
    with open(out, "wb") as f:
        f.write(b"old\n")
    p, _ = run({"RS_CHROMIUM": chromium, "TMPDIR": tmpdir}, out, mode)
    want = ("resilience: %s\n" % msg).encode()
    if p.returncode != 4 or p.stderr != want or p.stdout:
        fail("%s: exit %d, %r, not 4, %r" % (mode, p.returncode, p.stderr,
                                             want))
    with open(out, "rb") as f:
        if f.read() != b"old\n":
            fail("%s: the old output was changed" % mode)
    if left(tmpdir):
        fail("%s: %r left in $TMPDIR" % (mode, left(tmpdir)))

# A $TMPDIR that does not exist.
os.remove(out)
p, _ = run({"RS_CHROMIUM": chromium, "TMPDIR": "/nonexistent"}, out, "pdf")
want = rb"resilience: /nonexistent/resilience-pdf\.\w{6}: cannot create a " \
    rb"directory: No such file or directory\n"
if p.returncode != 4 or not re.fullmatch(want, p.stderr) or \
        os.path.exists(out):
    fail("no $TMPDIR: exit %d, %r" % (p.returncode, p.stderr))

# Found on PATH by its second name (an empty entry is passed over);
# an empty $TMPDIR is /tmp.
p, args = run({"PATH": ":%s" % os.path.dirname(chromium), "TMPDIR": ""},
              out, "pdf")
if p.returncode != 0 or p.stderr or not args or \
        not args[-1].startswith("file:///tmp/resilience-pdf."):
    fail("on PATH: exit %d, %r, %r" % (p.returncode, p.stderr, args[-1:]))

# RS_CHROMIUM naming a file that cannot be run.
os.chmod(chromium, 0o644)
os.remove(out)
p, args = run({"RS_CHROMIUM": chromium}, out, "pdf")
if p.returncode != 4 or b"--format pdf needs Chromium" not in p.stderr or \
        args or os.path.exists(out):
    fail("not executable: exit %d, %r" % (p.returncode, p.stderr))

sys.exit(1 if failures else 0)
