#!/usr/bin/env python3
"""The Arabic comparison page renders in headless Chromium.

Writes `compare --format html --lang ar` of data/*.csv, has Chromium take
a 1200x1600 screenshot of it, and decodes the PNG (zlib, no imaging
library) to check that it is not blank: many distinct colours, and a fair
share of pixels that are not white.  Without chromium on PATH it prints
"skipped" and exits 77, which ctest counts as skipped.
Usage: check_chromium.py BIN PROJECT_DIR SCRATCH_DIR
"""
import glob
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def pixels(path):
    """The rows of an 8-bit RGB or RGBA PNG, as bytes, and its channels."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, hdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, ctype, _, _, interlace = hdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError("PNG type %d/%d not handled" % (ctype, depth))
    bpp = 3 if ctype == 2 else 4
    raw, stride, rows = zlib.decompress(idat), width * bpp, []
    prev = bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            c = prev[i - bpp] if i >= bpp else 0
            b = prev[i]
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 255
        rows.append(bytes(line))
        prev = line
    return rows, bpp, width, height


def main():
    bin_, root, scratch = sys.argv[1:4]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("skipped: chromium is not installed")
        return 77
    os.makedirs(scratch, exist_ok=True)
    page = os.path.join(scratch, "compare-ar.html")
    shot = os.path.join(scratch, "compare-ar.png")
    if os.path.exists(shot):
        os.remove(shot)
    data = sorted(glob.glob(os.path.join(root, "data", "*.csv")))
    subprocess.run([bin_, "compare", "--format", "html", "--lang", "ar",
                    "--output", page] + data, check=True)
    with tempfile.TemporaryDirectory(dir=scratch) as profile:
        try:
            p = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 "--user-data-dir=" + profile, "--screenshot=" + shot,
                 "--window-size=1200,1600", "file://" +
                 os.path.abspath(page)],
                capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            print("FAIL: chromium took more than 120 s")
            return 1
    if not os.path.exists(shot):
        print("FAIL: chromium wrote no screenshot (exit %d): %s" % (
            p.returncode, p.stderr.decode(errors="replace")[-2000:]))
        return 1
    rows, bpp, width, height = pixels(shot)
    colours, ink = set(), 0
    for row in rows:
        for x in range(0, width * bpp, bpp * 2):
            px = row[x:x + 3]
            colours.add(px)
            if px != b"\xff\xff\xff":
                ink += 1
    share = ink / (height * (width // 2))
    print("%dx%d screenshot: %d colours, %.1f%% not white" % (
        width, height, len(colours), 100 * share))
    if len(colours) < 32 or share < 0.02:
        print("FAIL: the screenshot looks blank")
        return 1
    return 0


sys.exit(main())
