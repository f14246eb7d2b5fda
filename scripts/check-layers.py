#!/usr/bin/env python3
"""Check that includes in src/ point down a layer or stay inside one.

The layers of docs/architecture.md, bottom first.  A file in src/LAYER/
may include its own layer's headers and those of lower layers; the public
headers of include/resilience/ belong to the layer named in PUBLIC.  No
include cycle between modules (a module is a .c file and its header).
libcsv and cJSON are included only by the files in BORDER.
Prints each violation as FILE:LINE: message and exits 1 if any.
"""
import os
import re
import sys

LAYERS = ["base", "io", "model", "ingest", "score", "analysis", "report",
          "cli", "gen"]

# include/resilience/NAME.h -> layer of the code that implements it
PUBLIC = {
    "error": "base", "limits": "base",
    "output": "io",
    "framework": "model", "dataset": "model", "pipeline_spec": "model",
    "sa_section": "model",
    "load": "ingest", "baseline": "ingest",
    "change": "score", "engine": "score", "pipeline": "score", "stats": "score",
    "sensitivity": "analysis", "timeline": "analysis",
    "scenario": "ingest", "actions": "ingest", "notes": "ingest",
    "import": "ingest",
    "actionable": "analysis", "plan": "analysis", "whatif": "analysis",
    "report": "report", "report_pipeline": "report",
    "report_sensitivity": "report", "describe": "report",
    "report_plan": "report",
    "template": "report",
}

# Third-party headers and the only files allowed to include them.
BORDER = {
    "zip.h": {"src/ingest/sheet.c"},
    "expat.h": {"src/ingest/sheet.c"},
    "glpk.h": {"src/analysis/lp.c"},
    "csv.h": {"src/io/csv_table.c", "src/ingest/csv_reader.c"},
    "cjson/cJSON.h": {"src/io/jsonutil.h", "src/io/jsonutil.c",
                      "src/io/json_writer.h", "src/io/json_writer.c",
                      "src/ingest/baseline.c", "src/ingest/coinr.c",
                      "src/report/describe.c",
                      "src/report/report_sensitivity.c",
                      "src/ingest/framework_json.c",
                      "src/ingest/json_reader.c",
                      "src/ingest/pipeline_json.c",
                      "src/ingest/sensitivity_json.c",
                      "src/report/report_json.c",
                      "src/report/report_plan.c",
                      "src/ingest/actions.c"},
}

INC = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def layer_of_header(name):
    if name.startswith("resilience/"):
        stem = os.path.splitext(name[len("resilience/"):])[0]
        return PUBLIC.get(stem)
    top = name.split("/", 1)[0]
    return top if top in LAYERS and "/" in name else None


def module_of(path, cfiles):
    """The module a file belongs to: src/score/engine.c, its private
    header and include/resilience/engine.h are the module score/engine.
    A header with no .c of its own (types only, or shared by several .c
    files) is no module: its includes count for whoever includes it."""
    if path.startswith("resilience/"):
        stem = os.path.splitext(path[11:])[0]
        path = "%s/%s" % (PUBLIC.get(stem, "?"), stem)
    stem = os.path.splitext(path)[0]
    return stem if stem in cfiles else None


def main(root):
    bad = []
    edges = {}
    incs = {}
    files = []
    for d, _, names in os.walk(os.path.join(root, "src")):
        for n in names:
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), root))
    for n in os.listdir(os.path.join(root, "include", "resilience")):
        if n.endswith(".h"):
            files.append(os.path.join("include", "resilience", n))
    for rel in sorted(files):
        if rel.startswith("include/"):
            name = rel[len("include/"):]
            layer = layer_of_header(name)
            if layer is None:
                bad.append("%s:1: public header without a layer in "
                           "scripts/check-layers.py" % rel)
                continue
            mod = name
        else:
            parts = rel.split("/")
            if len(parts) != 3 or parts[1] not in LAYERS:
                bad.append("%s:1: file outside the layer folders" % rel)
                continue
            layer = parts[1]
            mod = rel[len("src/"):]
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                m = INC.match(line)
                if not m:
                    continue
                kind, name = m.groups()
                if kind == "<":
                    allowed = BORDER.get(name)
                    if allowed is not None and rel not in allowed:
                        bad.append("%s:%d: <%s> outside its readers and "
                                   "writers" % (rel, i, name))
                    continue
                to = layer_of_header(name)
                if to is None:
                    bad.append("%s:%d: \"%s\" is not LAYER/file.h or a "
                               "known public header" % (rel, i, name))
                    continue
                if LAYERS.index(to) > LAYERS.index(layer):
                    bad.append("%s:%d: %s includes \"%s\" of the higher "
                               "layer %s" % (rel, i, layer, name, to))
                incs.setdefault(mod, []).append((name, rel, i))
    # cycles between modules, seen through the headers without a module
    cfiles = {os.path.splitext(f[4:])[0] for f in files
              if f.startswith("src/") and f.endswith(".c")}

    def reach(name, seen):
        m = module_of(name, cfiles)
        if m is not None:
            return {m}
        if name in seen:
            return set()
        seen.add(name)
        out = set()
        for n, _, _ in incs.get(name, ()):
            out |= reach(n, seen)
        return out

    for f, lst in incs.items():
        src = module_of(f, cfiles)
        if src is None:
            continue
        for name, rel, i in lst:
            for dst in reach(name, set()):
                if dst != src:
                    edges.setdefault(src, set()).add((dst, rel, i))
    state = {}
    stack = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for dst, rel, i in sorted(edges.get(m, ())):
            if state.get(dst) == 1:
                cyc = stack[stack.index(dst):] + [dst]
                bad.append("%s:%d: include cycle %s" %
                           (rel, i, " -> ".join(cyc)))
            elif dst not in state:
                visit(dst)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    for b in bad:
        print(b)
    return 1 if bad else 0


def check_doc(root):
    """docs/architecture.md names every file of src/ and no file that is
    not there."""
    doc = os.path.join(root, "docs", "architecture.md")
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    bad = []
    have = set()
    for layer in LAYERS:
        d = os.path.join(root, "src", layer)
        if os.path.isdir(d):
            have |= {"src/%s/%s" % (layer, n) for n in os.listdir(d)
                     if n.endswith((".c", ".h"))}
    listed = set()
    section = None
    for line in text.splitlines():
        m = re.match(r"- `(src/[a-z]+/)`", line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r"  - `([^`/]+\.[ch])`", line)
        if m and section:
            listed.add(section + m.group(1))
    for p in re.findall(r"`(src/[a-z]+/[a-z0-9_]+\.[ch])`", text):
        listed.add(p)
    for p in sorted(have - listed):
        bad.append("docs/architecture.md:1: %s is not described" % p)
    for p in sorted(listed - have):
        bad.append("docs/architecture.md:1: %s does not exist" % p)
    for b in bad:
        print(b)
    return 1 if bad else 0


def self_test():
    """The checker catches an upward include, a cycle and a border
    crossing in a small tree made for the purpose."""
    import contextlib
    import io
    import tempfile
    tree = {
        "include/resilience/engine.h": '#include "resilience/framework.h"\n',
        "include/resilience/framework.h": "",
        "src/score/engine.c": '#include "resilience/engine.h"\n',
        "src/model/framework.c": '#include "resilience/framework.h"\n'
                                 '#include "model/cyc.h"\n',
        "src/model/cyc.c": '#include "model/cyc.h"\n',
        "src/model/cyc.h": '#include "resilience/framework.h"\n',
        "src/base/text.c": '#include "resilience/engine.h"\n'
                           '#include <csv.h>\n',
    }
    with tempfile.TemporaryDirectory() as d:
        for p, text in tree.items():
            os.makedirs(os.path.dirname(os.path.join(d, p)), exist_ok=True)
            with open(os.path.join(d, p), "w") as f:
                f.write(text)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(d)
    got = out.getvalue()
    want = ['src/base/text.c:1: base includes "resilience/engine.h" of the '
            'higher layer score',
            "src/base/text.c:2: <csv.h> outside its readers and writers",
            "include cycle model/framework -> model/cyc -> model/framework"]
    missing = [w for w in want if w not in got]
    if rc != 1 or missing:
        print("self-test failed: rc %d, missing %s, output:\n%s" %
              (rc, missing, got))
        return 1
    print("self-test passed")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if sys.argv[1:2] == ["--doc"]:
        sys.exit(check_doc(sys.argv[2] if len(sys.argv) > 2 else
                           os.path.join(os.path.dirname(__file__), "..")))
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else
                  os.path.join(os.path.dirname(__file__), "..")))
