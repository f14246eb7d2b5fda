#!/usr/bin/env python3
"""Every message of the command line comes from the message table.

    check_messages.py SRC

Reads SRC/src/cli/*.c and fails, naming file and line, when a call that
writes to standard error or raises an error (cli_usage, fprintf(stderr,
...), fputs(..., stderr), rs_error_set, rs_error_io, write(STDERR_FILENO,
...)) carries a string literal with a word in it: such a message would
be English whatever --lang says.  What the literals may hold is
formatting (%s, %zu, ...), punctuation, the program's own name and, as
cli_usage()'s first argument, a command's; the words come from
src/base/i18n.c through cli_msg() and its kin.
"""

import os
import re
import sys

CALLS = re.compile(r"\b(cli_usage|fprintf|fputs|rs_error_set|rs_error_io|"
                   r"write)\s*\(")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
CONVERSION = re.compile(r"%[-+ #0]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?"
                        r"(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]")
ESCAPE = re.compile(r"\\(?:[nrt\\\"']|x[0-9A-Fa-f]+|[0-7]{1,3})")
WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"resilience", "stdout"}


def strip_comments(text):
    """Blank out comments, keeping string literals and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text[i] == '"':
            m = LITERAL.match(text, i)
            j = m.end() if m else i + 1
            out.append(text[i:j])
            i = j
        elif text[i] == "'":
            m = re.compile(r"'(?:[^'\\\n]|\\.)*'").match(text, i)
            j = m.end() if m else i + 1
            out.append(text[i:j])
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def call_text(text, start):
    """The text of the call whose '(' is at start, to its ')'."""
    depth, i = 0, start
    while i < len(text):
        c = text[i]
        if c == '"':
            m = LITERAL.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c == "'":
            m = re.compile(r"'(?:[^'\\\n]|\\.)*'").match(text, i)
            i = m.end() if m else i + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1
    return text[start:]


def writes_to_stderr(name, args):
    if name == "fprintf":
        return args.lstrip("( \t\n").startswith("stderr")
    if name == "fputs":
        return re.search(r",\s*stderr\s*\)$", args) is not None
    if name == "write":
        return args.lstrip("( \t\n").startswith("STDERR_FILENO")
    return True


def words(args):
    found = []
    for m in LITERAL.finditer(args):
        s = ESCAPE.sub(" ", CONVERSION.sub(" ", m.group(1)))
        found += [w for w in WORD.findall(s) if w not in ALLOWED]
    return found


def check(path):
    text = strip_comments(open(path, encoding="utf-8").read())
    bad = []
    for m in CALLS.finditer(text):
        name = m.group(1)
        # the definition of cli_usage() itself, not a call
        if re.search(r"^\w[\w \t*]*$", text[text.rfind("\n", 0,
                     m.start()) + 1:m.start()]) and name == "cli_usage":
            continue
        args = call_text(text, m.end() - 1)
        if not writes_to_stderr(name, args):
            continue
        if name == "cli_usage":
            # its first argument is the command's name
            args = re.sub(r'^\(\s*"[a-z]+"', "(", args)
        w = words(args)
        if w:
            line = text.count("\n", 0, m.start()) + 1
            bad.append("%s:%d: %s(...) says %s inline; put it in the "
                       "message table (src/base/i18n.c)" %
                       (path, line, name, " ".join(repr(x) for x in w)))
    return bad


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cli = os.path.join(sys.argv[1], "src", "cli")
    files = sorted(os.path.join(cli, f) for f in os.listdir(cli)
                   if f.endswith(".c"))
    if not files:
        sys.exit("check_messages: no C file in " + cli)
    bad = []
    for f in files:
        bad += check(f)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
