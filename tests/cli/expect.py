#!/usr/bin/env python3
"""Run a command and check its exit status and output.

Usage: expect.py STATUS REGEX [--stdout] -- COMMAND [ARG...]

Passes when COMMAND exits with STATUS and REGEX (a Python regular
expression) matches its standard error, or its standard output with
--stdout.  Prints what it got otherwise.
"""
import re
import subprocess
import sys


def main(argv):
    sep = argv.index("--")
    want, pattern, opts, cmd = int(argv[1]), argv[2], argv[3:sep], argv[sep + 1:]
    p = subprocess.run(cmd, capture_output=True)
    text = (p.stdout if "--stdout" in opts else p.stderr).decode("utf-8")
    ok = p.returncode == want and re.search(pattern, text, re.M) is not None
    if not ok:
        print("command: %s" % " ".join(cmd))
        print("exit status %d, wanted %d" % (p.returncode, want))
        print("wanted a match of: %s" % pattern)
        print("stdout:\n%s\nstderr:\n%s" % (p.stdout.decode("utf-8", "replace"),
                                          p.stderr.decode("utf-8", "replace")))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
