"""Executes course notebooks headless through real Jupyter (nbclient) against the course kernel,
and checks the committed notebooks' saved outputs without running them.

    python notebooks.py execute NOTEBOOK... --out DIR   executed copies go to DIR; sources untouched
    python notebooks.py execute NOTEBOOK... --inplace   rewrite the notebooks with fresh outputs
    python notebooks.py check NOTEBOOK...               static check of the saved outputs

Each notebook runs top to bottom in its own folder, with the kernel named in --kernel. Errors do
not stop the run, so the executed copy shows every problem; the exit code is 1 when any cell
produced an error output or a cell tagged "chart" produced no image/png, and the reasons are
printed, one line each. An executed notebook records in its metadata ("course") what it was
executed from: a hash of the library's sources and of data/, the commit, the JDK, the core count
and the mode. Cells tagged "solution" are saved hidden and without outputs, so that an exercise's
answer shows only when the learner asks for it.

`check` reads the saved outputs and fails (exit code 1) when a notebook was executed from other
sources than the current ones or in quick mode (run `make refresh`), has an error output or a
chart cell without a chart, shows a solution's output, or prints an observation whose verdict is
"not as expected" without a next cell tagged "explains" that says why. It runs nothing, so it does
not depend on this machine's speed.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What a notebook's outputs come from: the library's sources (chapter 7's module too) and the data it reads.
SOURCES = ["lib/src/main", "lib/pom.xml", "java25/src/main", "java25/pom.xml", "data"]
OBSERVATION = re.compile(r"^Observed: .* — (as expected|not as expected|too small to judge)", re.MULTILINE)


def source_files():
    """The files whose content the outputs depend on, relative to the course root, sorted: the
    tracked ones when the course is a git checkout (so results a learner's `make bench` adds to
    data/results/ do not count), else every file under SOURCES."""
    try:
        listed = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--", *SOURCES], check=True,
                                capture_output=True).stdout.decode("utf-8").split("\0")
        files = [f for f in listed if f and os.path.isfile(os.path.join(ROOT, f))]
        if files:
            return sorted(files)
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for top in SOURCES:
        path = os.path.join(ROOT, top)
        if os.path.isfile(path):
            files.append(top)
        for folder, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d != "target"]
            files += [os.path.relpath(os.path.join(folder, n), ROOT) for n in names]
    return sorted(f.replace(os.sep, "/") for f in files)


def sources_hash():
    """One sha256 over the names and contents of the source files."""
    digest = hashlib.sha256()
    for name in source_files():
        with open(os.path.join(ROOT, name), "rb") as f:
            content = f.read().replace(b"\r\n", b"\n")
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(content).hexdigest().encode() + b"\n")
    return digest.hexdigest()


def commit():
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"], check=True,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", *SOURCES], check=True,
                               capture_output=True, text=True).stdout.strip()
        return head + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def provenance(nb):
    """What the notebook was executed from and on, for its metadata."""
    quick = os.environ.get("COURSE_QUICK", "") in ("1", "true", "True")
    return {
        "sources_sha256": sources_hash(),
        "commit": commit(),
        "jdk": nb.metadata.get("language_info", {}).get("version", "unknown"),
        "cores": os.cpu_count(),
        "mode": "quick" if quick else "full",
    }


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def hide_solutions(nb):
    """Saves every solution cell collapsed (JupyterLab and Notebook 7 show a bar to open it) and
    without outputs, so its answer stays hidden until the learner runs it."""
    for cell in nb.cells:
        if "solution" in tags(cell):
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
    return nb


def text_of(output):
    if output.get("output_type") == "stream":
        return "".join(output.get("text", ""))
    data = output.get("data", {})
    return "".join(data.get("text/plain", ""))


def problems(nb):
    """The reasons an executed notebook fails its test, one string each."""
    found = []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        outputs = cell.get("outputs", [])
        for out in outputs:
            if out.get("output_type") == "error":
                found.append(f"cell {index}: {out.get('ename')}: {out.get('evalue')}")
        if "chart" in tags(cell) and not any("image/png" in out.get("data", {}) for out in outputs)\
                and "solution" not in tags(cell):
            found.append(f"cell {index}: tagged 'chart' but drew no image/png")
    return found


def coalesce_streams(nb):
    """Joins each run of consecutive outputs to the same stream into one output, as a notebook
    front end shows them. The kernel sends what a cell prints as it is printed, so one printf
    can arrive in several pieces; written separately, an HTML export would break its lines."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if (out.get("output_type") == "stream" and last is not None
                    and last.get("output_type") == "stream" and last.get("name") == out.get("name")):
                last["text"] = "".join(last["text"]) + "".join(out["text"])
            else:
                merged.append(out)
        cell.outputs = merged
    return nb


def execute(path, out_dir, inplace, kernel, timeout):
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    client.execute()
    seconds = time.monotonic() - started
    target = path if inplace else os.path.join(out_dir, os.path.basename(path))
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    nb.metadata["course"] = provenance(nb)
    nbformat.write(hide_solutions(coalesce_streams(nb)), target)
    found = problems(nb)
    status = "FAIL" if found else "ok"
    print(f"{status:4} {os.path.basename(path)} in {seconds:.1f} s -> {target}", flush=True)
    for reason in found:
        print(f"     {reason}", flush=True)
    return not found


def check(path, current):
    """The reasons a committed notebook's saved outputs fail the static check, one string each."""
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    found = []
    record = nb.get("metadata", {}).get("course")
    if not record:
        found.append("no execution record in its metadata: run `make refresh`")
    else:
        if record.get("sources_sha256") != current:
            found.append(f"executed from other sources than the current lib/ and data/ (commit "
                         f"{record.get('commit')}): run `make refresh` so its outputs come from this code")
        if record.get("mode") != "full":
            found.append(f"executed in {record.get('mode')} mode: committed notebooks are executed in full mode "
                         f"(`make refresh`)")
    cells = nb.get("cells", [])
    found += problems(nb)
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        if "solution" in tags(cell) and cell.get("outputs"):
            found.append(f"cell {index}: a solution cell was saved with its outputs, which give the answer away")
        for out in cell.get("outputs", []):
            for verdict in OBSERVATION.finditer(text_of(out)):
                if verdict.group(1) != "not as expected":
                    continue
                following = cells[index + 1] if index + 1 < len(cells) else None
                if not (following and following.get("cell_type") == "markdown" and "explains" in tags(following)):
                    line = verdict.group(0)
                    found.append(f"cell {index}: an observation did not hold and the next cell, tagged "
                                 f"'explains', does not say why: {line[:160]}")
    return found


def check_all(paths):
    current = sources_hash()
    ok = True
    for path in paths:
        found = check(path, current)
        print(f"{'FAIL' if found else 'ok':4} {os.path.basename(path)}", flush=True)
        for reason in found:
            print(f"     {reason}", flush=True)
        ok = ok and not found
    return ok


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("execute", help="execute notebooks and check their outputs")
    run.add_argument("notebooks", nargs="+")
    where = run.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", help="folder for the executed copies")
    where.add_argument("--inplace", action="store_true", help="rewrite the notebooks themselves")
    run.add_argument("--kernel", default="java-course")
    run.add_argument("--timeout", type=int, default=900, help="seconds one cell may take")
    static = sub.add_parser("check", help="check the saved outputs of committed notebooks, running nothing")
    static.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "check":
        return 0 if check_all(args.notebooks) else 1
    ok = True
    for path in args.notebooks:
        if not os.path.isfile(path):
            print(f"FAIL {path}: no such notebook", flush=True)
            ok = False
            continue
        try:
            ok = execute(path, args.out, args.inplace, args.kernel, args.timeout) and ok
        except Exception as e:  # a dead kernel or a timeout: report it and go on with the next notebook
            print(f"FAIL {os.path.basename(path)}: {type(e).__name__}: {e}", flush=True)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
