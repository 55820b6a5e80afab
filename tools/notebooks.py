"""Executes course notebooks headless through real Jupyter (nbclient) against the course kernel.

    python notebooks.py execute NOTEBOOK... --out DIR   executed copies go to DIR; sources untouched
    python notebooks.py execute NOTEBOOK... --inplace   rewrite the notebooks with fresh outputs

Each notebook runs top to bottom in its own folder, with the kernel named in --kernel. Errors do
not stop the run, so the executed copy shows every problem; the exit code is 1 when any cell
produced an error output or a cell tagged "chart" produced no image/png, and the reasons are
printed, one line each.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient


def problems(nb):
    """The reasons an executed notebook fails its test, one string each."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        for out in outputs:
            if out.get("output_type") == "error":
                found.append(f"cell {index}: {out.get('ename')}: {out.get('evalue')}")
        tags = cell.get("metadata", {}).get("tags", [])
        if "chart" in tags and not any("image/png" in out.get("data", {}) for out in outputs):
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
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    client.execute()
    seconds = time.monotonic() - started
    target = path if inplace else os.path.join(out_dir, os.path.basename(path))
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    nbformat.write(coalesce_streams(nb), target)
    found = problems(nb)
    status = "FAIL" if found else "ok"
    print(f"{status:4} {os.path.basename(path)} in {seconds:.1f} s -> {target}", flush=True)
    for reason in found:
        print(f"     {reason}", flush=True)
    return not found


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
    args = parser.parse_args(argv)
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
