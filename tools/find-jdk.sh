#!/usr/bin/env bash
# Prints the home of a JDK whose feature release is at least 25, looking in this order:
# $JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm. Exits 1 when none is found.
set -u
want=25

feature_of() {  # prints the feature release of the JDK at $1, or nothing
    local java="$1/bin/java"
    [ -x "$java" ] && [ -x "$1/bin/javac" ] || return 0
    "$java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

accept() {  # prints $1 and exits when it is a JDK 25 or newer
    local home="$1" feature
    [ -n "$home" ] && [ -d "$home" ] || return 0
    feature="$(feature_of "$home")"
    if [ -n "$feature" ] && [ "$feature" -ge "$want" ]; then
        echo "$home"
        exit 0
    fi
}

accept "${JAVA_HOME:-}"
if command -v java >/dev/null 2>&1; then
    java_bin="$(readlink -f "$(command -v java)")"
    accept "$(dirname "$(dirname "$java_bin")")"
fi
for home in /usr/lib/jvm/*; do
    accept "$home"
done
exit 1
