#!/usr/bin/env bash
# Prints a Python interpreter that can import the Jupyter tools the course needs, looking at
# $COURSE_PYTHON, then the `python3` on PATH (a conda environment), then /usr/bin/python3
# (Debian's packages). With --install, on a Debian or Ubuntu machine where we are root, it
# installs Debian's Jupyter packages when none is found. Exits 1 when none can be had.
set -u
modules="import nbclient, nbformat, jupyter_client, notebook, nbconvert, jupyter_kernel_test"
packages="jupyter-notebook jupyter-nbconvert python3-nbclient python3-nbformat jupyter-client python3-jupyter-kernel-test"

try() {
    [ -n "$1" ] && [ -x "$1" ] && "$1" -c "$modules" >/dev/null 2>&1 && { echo "$1"; exit 0; }
}

try "${COURSE_PYTHON:-}"
try "$(command -v python3 2>/dev/null || true)"
try /usr/bin/python3

if [ "${1:-}" = "--install" ] && "$(dirname "$0")/apt-install.sh" $packages; then
    try /usr/bin/python3
fi
exit 1
