#!/usr/bin/env bash
# Installs Debian packages when this is a Debian or Ubuntu machine and we are root:
#   tools/apt-install.sh <package>...
# It refreshes the package lists only when the first attempt fails. Exits 1, saying why,
# anywhere else, so that callers can point to the conda environment instead.
set -u
if [ ! -f /etc/debian_version ] || [ "$(id -u)" != 0 ]; then
    echo "cannot install $* here: that needs a Debian or Ubuntu machine and root" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "installing Debian's packages: $*" >&2
apt-get install -y --no-install-recommends "$@" >&2 \
    || { apt-get update >&2 && apt-get install -y --no-install-recommends "$@" >&2; } \
    || { echo "apt-get could not install $*" >&2; exit 1; }
