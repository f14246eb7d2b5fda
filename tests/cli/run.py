#!/usr/bin/env python3
"""The end-to-end driver: run one case of tests/cli/cases/*.test.

    run.py --bin PATH --src DIR --tmp DIR [--var NAME=VALUE...]
           [--launcher WORDS] FILE.test CASE
    run.py --list FILE.test          (the names of its cases)

The format is described in tests/README.md.  RS_LAUNCHER in the
environment, or --launcher, runs the binary under a tool (valgrind);
RS_UPDATE_GOLDEN=1 rewrites the goldens a case names instead of comparing.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys

KEYS = {
    "args", "run", "cwd", "env", "stdin", "stdin-text", "exit", "skip-exit",
    "stdout", "stdout-match", "stdout-to", "stderr", "stderr-match",
    "stderr-lines", "file", "file-text", "absent", "seed", "seed-text",
    "changed", "repeat", "timeout", "needs",
}
REPEATABLE = {"env", "stdout-match", "stderr-match", "file", "file-text",
              "absent", "seed", "seed-text", "changed"}


class CaseError(Exception):
    pass


def parse(path):
    """Return {name: (line, {key: value or [values]})} in file order."""
    cases = {}
    cur = None
    last = None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                last = None
                continue
            if line[0] in " \t":
                if last is None:
                    raise CaseError("%s:%d: continuation of nothing" % (path, n))
                key, fields = last
                if key in REPEATABLE:
                    fields[key][-1] += " " + line.strip()
                else:
                    fields[key] += " " + line.strip()
                continue
            m = re.match(r"^\[([A-Za-z0-9_.-]+)\]\s*$", line)
            if m:
                name = m.group(1)
                if name in cases:
                    raise CaseError("%s:%d: case %s given twice" % (path, n, name))
                cur = {}
                cases[name] = (n, cur)
                last = None
                continue
            m = re.match(r"^([a-z-]+):(?: (.*))?$", line)
            if not m or cur is None:
                raise CaseError("%s:%d: expected [name] or key: value" % (path, n))
            key, value = m.group(1), (m.group(2) or "").rstrip()
            if key not in KEYS:
                raise CaseError("%s:%d: unknown key '%s'" % (path, n, key))
            if key in REPEATABLE:
                cur.setdefault(key, []).append(value)
            elif key in cur:
                raise CaseError("%s:%d: '%s' given twice" % (path, n, key))
            else:
                cur[key] = value
            last = (key, cur)
    return cases


def unescape(text):
    """Bytes of TEXT with \\n \\t \\r \\\\ \\xHH and octal \\NNN decoded."""
    out = bytearray()
    raw = text.encode("utf-8")
    i = 0
    while i < len(raw):
        c = raw[i]
        if c != 0x5C or i + 1 == len(raw):
            out.append(c)
            i += 1
            continue
        e = chr(raw[i + 1])
        if e in "ntr\\":
            out += {"n": b"\n", "t": b"\t", "r": b"\r", "\\": b"\\"}[e]
            i += 2
        elif e == "x":
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        elif e in "01234567":
            j = i + 1
            while j < len(raw) and j < i + 4 and chr(raw[j]) in "01234567":
                j += 1
            out.append(int(raw[i + 1:j], 8) & 0xFF)
            i = j
        else:
            out.append(c)
            i += 1
    return bytes(out)


def pair(value):
    if "=" not in value:
        raise CaseError("expected NAME=VALUE, not '%s'" % value)
    return value.split("=", 1)


def show(data):
    return data.decode("utf-8", "replace")


def regex(pattern):
    # "." matches a newline; "$" at the very end is the end of the text
    # (of a line after "(?m)")
    if pattern.endswith("$") and not pattern.endswith("\\$") and \
            not pattern.startswith("(?m)"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern.encode("utf-8"), re.S)


def run_case(opts, fields):
    subst = dict(opts["vars"])
    subst.update({"BIN": opts["bin"], "SRC": opts["src"],
                  "TESTS": os.path.join(opts["src"], "tests"),
                  "TMP": opts["tmp"]})

    def expand(s):
        return re.sub(r"@([A-Z_]+)@",
                      lambda m: subst.get(m.group(1), m.group(0)), s)

    tests = subst["TESTS"]

    def regex_of(pattern):
        # @NAME@ in a regular expression stands for its value, literally
        return regex(re.sub(r"@([A-Z_]+)@", lambda m: re.escape(
            subst[m.group(1)]) if m.group(1) in subst else m.group(0),
            pattern))

    def path(p):
        return os.path.join(tests, expand(p))

    tmp = opts["tmp"]
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    update = os.environ.get("RS_UPDATE_GOLDEN", "") not in ("", "0", "OFF")

    seeds = []
    for s in fields.get("seed", []):
        name, src = pair(s)
        with open(path(src), "rb") as f:
            seeds.append((name, f.read()))
    for s in fields.get("seed-text", []):
        name, text = pair(s)
        seeds.append((name, unescape(text)))
    for name, data in seeds:
        dest = os.path.join(tmp, name)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(data)

    env = dict(os.environ)
    for e in fields.get("env", []):
        k, v = pair(e)
        env[k] = expand(v)
    cwd = expand(fields.get("cwd", "@TESTS@"))
    if not os.path.isabs(cwd):
        cwd = os.path.join(tests, cwd)

    if "run" in fields:
        cmd = [expand(w) for w in shlex.split(fields["run"])]
    else:
        launcher = opts["launcher"]
        if launcher is None:
            launcher = os.environ.get("RS_LAUNCHER", "")
        cmd = shlex.split(launcher) + [opts["bin"]] + \
            [expand(w) for w in shlex.split(fields.get("args", ""))]

    stdin = subprocess.DEVNULL
    if "stdin" in fields:
        stdin = open(path(fields["stdin"]), "rb")
    elif "stdin-text" in fields:
        stdin = subprocess.PIPE
    stdout = subprocess.PIPE
    if "stdout-to" in fields:
        stdout = open(expand(fields["stdout-to"]), "wb")
    timeout = float(fields.get("timeout", "600"))

    def once():
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=stdin,
                             stdout=stdout, stderr=subprocess.PIPE)
        text = unescape(fields["stdin-text"]) if "stdin-text" in fields \
            else None
        out, err = p.communicate(text, timeout=timeout)
        return p.returncode, out or b"", err or b""

    rc, out, err = once()
    if "skip-exit" in fields and rc == int(fields["skip-exit"]):
        sys.stdout.write(show(out) + show(err))
        return 77

    fails = []
    want = int(fields.get("exit", "0"))
    if rc != want:
        fails.append("exit status %d, expected %d" % (rc, want))

    # standard output
    so = fields.get("stdout")
    if so == "empty" or (so is None and want != 0 and
                         "stdout-match" not in fields and
                         "stdout-to" not in fields and "run" not in fields):
        if out:
            fails.append("standard output is not empty")
    elif so is not None:
        golden = path(so)
        if update:
            with open(golden, "wb") as f:
                f.write(out)
        else:
            with open(golden, "rb") as f:
                if f.read() != out:
                    actual = os.path.join(tmp, "stdout.actual")
                    with open(actual, "wb") as g:
                        g.write(out)
                    fails.append("standard output differs from %s; see "
                                 "diff -u %s %s" % (golden, golden, actual))
    for r in fields.get("stdout-match", []):
        if not regex_of(r).search(out):
            fails.append("standard output does not match '%s'" % r)

    # standard error
    se = fields.get("stderr")
    if se == "empty" or (se is None and want == 0 and
                         "stderr-match" not in fields and "run" not in fields):
        if err:
            fails.append("standard error is not empty")
    elif se is not None:
        with open(path(se), "rb") as f:
            if f.read() != err:
                fails.append("standard error differs from %s" % path(se))
    for r in fields.get("stderr-match", []):
        if not regex_of(r).search(err):
            fails.append("standard error does not match '%s'" % r)
    lines = fields.get("stderr-lines")
    if lines is None and want in (3, 4) and "run" not in fields:
        lines = "1"      # a rejected input says so in one line
    if lines not in (None, "any") and err.count(b"\n") != int(lines):
        fails.append("standard error has %d lines, expected %s"
                     % (err.count(b"\n"), lines))

    # files
    for spec in fields.get("file", []):
        words = shlex.split(spec)
        target = path(words[0])
        if not os.path.exists(target):
            fails.append("%s was not written" % target)
        elif len(words) > 1:
            golden = path(words[1])
            with open(target, "rb") as f:
                got = f.read()
            if update:
                with open(golden, "wb") as f:
                    f.write(got)
            else:
                with open(golden, "rb") as f:
                    if f.read() != got:
                        fails.append("%s differs from %s" % (target, golden))
    for spec in fields.get("file-text", []):
        name, text = pair(spec)
        target = path(name)
        with open(target, "rb") as f:
            if f.read() != unescape(text):
                fails.append("%s does not hold '%s'" % (target, text))
    for a in fields.get("absent", []):
        if os.path.lexists(path(a)):
            fails.append("%s exists but should not" % path(a))
    changed = set(fields.get("changed", []))
    for name, data in seeds:
        if name in changed:
            continue
        with open(os.path.join(tmp, name), "rb") as f:
            if f.read() != data:
                fails.append("%s was changed" % name)
    # a failed atomic write leaves no temporary file behind
    left = [f for f in os.listdir(tmp) if re.match(r"^\..*\.[A-Za-z0-9]{6}$", f)]
    if left:
        fails.append("temporary files left behind: %s" % " ".join(left))

    if fields.get("repeat") == "yes":
        _, again, _ = once()
        if again != out:
            fails.append("a second run wrote different output")

    if fails:
        print("$ cd %s && %s" % (cwd, " ".join(shlex.quote(c) for c in cmd)))
        for f in fails:
            print("  " + f)
        print("--- standard output:\n%s--- standard error:\n%s"
              % (show(out)[:20000], show(err)[:20000]))
        return 1
    if "run" in fields:
        sys.stdout.write(show(out))
    return 0


def main(argv):
    opts = {"vars": {}, "launcher": None, "bin": "", "src": "", "tmp": ""}
    args = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("--bin", "--src", "--tmp", "--launcher"):
            opts[a[2:]] = argv[i + 1]
            if a in ("--bin", "--src", "--tmp"):
                opts[a[2:]] = os.path.abspath(argv[i + 1])
            i += 2
        elif a == "--var":
            k, v = pair(argv[i + 1])
            opts["vars"][k] = v
            i += 2
        elif a == "--list":
            for name in parse(argv[i + 1]):
                print(name)
            return 0
        else:
            args.append(a)
            i += 1
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    if opts["launcher"] == "":
        opts["launcher"] = None
    cases = parse(args[0])
    if args[1] not in cases:
        sys.stderr.write("run.py: no case %s in %s\n" % (args[1], args[0]))
        return 2
    return run_case(opts, cases[args[1]][1])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except CaseError as e:
        sys.stderr.write("run.py: %s\n" % e)
        sys.exit(2)
