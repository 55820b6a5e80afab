#!/usr/bin/env bash
# Prints the Python that runs the course's Jupyter: the project environment build/venv, made
# with `python3 -m venv` and filled from requirements.txt by pip when it is missing or older than
# requirements.txt. Messages go to stderr; the interpreter's path alone goes to stdout.
#
#   COURSE_PYTHON=/path/to/python   use that interpreter as it is
#   an active conda environment (CONDA_PREFIX) that has JupyterLab is used as it is
#
# Where no python3 can make a venv, it falls back to Debian's Jupyter packages (installed when
# this is a Debian or Ubuntu machine and we are root), and exits 1 when none can be had.
set -u -o pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$root/build/venv
requirements=$root/requirements.txt
modules="import jupyterlab, notebook, nbclient, nbformat, nbconvert, jupyter_client"
say() { echo "python-env: $*" >&2; }

usable() { [ -n "$1" ] && [ -x "$1" ] && "$1" -c "${2:-$modules}" >/dev/null 2>&1; }
# Debian's packages have the classic Notebook and no JupyterLab.
classic="import notebook, nbclient, nbformat, nbconvert, jupyter_client"

if [ -n "${COURSE_PYTHON:-}" ]; then
    usable "$COURSE_PYTHON" "$classic" && { echo "$COURSE_PYTHON"; exit 0; }
    say "COURSE_PYTHON=$COURSE_PYTHON cannot import the Jupyter tools ($classic)"
    exit 1
fi

# An active conda environment made from environment.yml is used as it is.
if [ -n "${CONDA_PREFIX:-}" ] && usable "$CONDA_PREFIX/bin/python"; then
    echo "$CONDA_PREFIX/bin/python"
    exit 0
fi

stamp=$venv/.requirements-$(sha256sum "$requirements" | cut -c1-16)
if [ -f "$stamp" ] && usable "$venv/bin/python"; then
    echo "$venv/bin/python"
    exit 0
fi

# The interpreter that makes the venv: the first python3 that has venv and pip (3.9 or newer).
base=""
for candidate in "$(command -v python3 2>/dev/null || true)" /usr/bin/python3; do
    if [ -n "$candidate" ] && "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
        base=$candidate
        break
    fi
done

debian_fallback() {
    local packages="jupyter-notebook jupyter-nbconvert python3-nbclient python3-nbformat jupyter-client"
    usable /usr/bin/python3 "$classic" && { say "using Debian's Jupyter on /usr/bin/python3 (classic Notebook)"; echo /usr/bin/python3; exit 0; }
    if "$root/tools/apt-install.sh" $packages && usable /usr/bin/python3 "$classic"; then
        say "using Debian's Jupyter on /usr/bin/python3 (classic Notebook)"
        echo /usr/bin/python3
        exit 0
    fi
    say "no Python 3.9+ with venv and pip, and no Debian Jupyter: install python3 (with python3-venv),"
    say "or create the conda environment ('conda env create -f environment.yml') and run make again"
    exit 1
}
[ -n "$base" ] || { say "no python3 with venv and pip (3.9 or newer) found"; debian_fallback; }

# pip retries each package against an index it cannot reach, with growing pauses; when the
# default index is out of reach (a closed network with a local mirror), try each once.
pip_flags=(--disable-pip-version-check --no-input --quiet)
if ! "$base" -c 'import urllib.request; urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=4)' 2>/dev/null; then
    say "pypi.org is out of reach: pip tries each package once (--retries 0)"
    pip_flags+=(--retries 0 --timeout 15)
fi

say "making the project environment $venv with $base and requirements.txt (about a minute)"
rm -rf "$venv"
"$base" -m venv "$venv" >&2 || { say "python3 -m venv failed"; debian_fallback; }
# pip, with its warnings about mirror folders that lack a package left out.
pip_install() { "$venv/bin/python" -m pip install "${pip_flags[@]}" "$@" 2>&1 | { grep -v "is ignored: it is neither" || true; } >&2; }
# jupyter_kernel_test is the one pin some mirrors lack, so it is installed on its own, and the
# protocol suite runs without it (the course's own checks only) where pip cannot get it.
grep -v '^jupyter_kernel_test' "$requirements" > "$venv/requirements-jupyter.txt"
pip_install -r "$venv/requirements-jupyter.txt" \
    || { say "pip could not install requirements.txt (see above)"; rm -rf "$venv"; debian_fallback; }
if ! pip_install "$(grep '^jupyter_kernel_test' "$requirements")" >/dev/null 2>&1; then
    say "jupyter_kernel_test is not on pip's index here: the kernel's protocol suite runs the course's own checks only"
fi
usable "$venv/bin/python" || { say "the project environment cannot import: $modules"; exit 1; }
touch "$stamp"
say "project environment ready: $("$venv/bin/python" -c 'import jupyterlab, notebook, nbclient; print("JupyterLab", jupyterlab.__version__, "· Notebook", notebook.__version__, "· nbclient", nbclient.__version__)')"
echo "$venv/bin/python"
