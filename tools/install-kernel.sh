#!/usr/bin/env bash
# Installs the course kernel as a kernelspec in a project-local Jupyter folder.
#   tools/install-kernel.sh <java-home> <python> <jupyter-dir>
# It copies the kernel's jars and the benchmark suite's (the suite's jar, JMH and their
# dependencies: chapter 6 runs the suite from a cell, and JMH's forked JVMs inherit the
# kernel's class path) into <jupyter-dir>/kernels/java-course/lib, trains the JVM's
# ahead-of-time cache on a short session there, and writes kernel.json. It can run any
# number of times: each run replaces the previous kernelspec.
set -euo pipefail
java_home="$1"; python="$2"; jupyter_dir="$3"
name=java-course
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$jupyter_dir/kernels/$name"
java="$java_home/bin/java"

# The built jar of a module (not its sources or tests jar), or nothing.
module_jar() { ls "$root/$1"/target/"$2"-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n1 || true; }
jar="$(module_jar kernel course-kernel)"
bench_jar="$(module_jar bench course-bench)"
java25_jar="$(module_jar java25 course-java25)"
if [ -z "$jar" ] || [ ! -d "$root/kernel/target/lib" ] || [ -z "$bench_jar" ] || [ ! -d "$root/bench/target/lib" ] || [ -z "$java25_jar" ]; then
    echo "install-kernel: the kernel, the benchmarks or chapter 7's module are not built; run 'make build' first" >&2
    exit 1
fi

rm -rf "$dest"
rm -rf "$dest/lib"   # jars of an earlier build must not stay on the class path
mkdir -p "$dest/lib"
cp "$jar" "$dest/lib/"
cp "$root"/kernel/target/lib/*.jar "$dest/lib/"
# Jars both need have the same name (the root pom fixes the versions); the same artifact at two
# versions would put both on the class path: refuse, rather than guess.
cp "$bench_jar" "$root"/bench/target/lib/*.jar "$dest/lib/"
cp "$java25_jar" "$dest/lib/"
clash="$(ls "$dest"/lib/*.jar | xargs -n1 basename | sed -E 's/-[0-9][^-]*(-SNAPSHOT)?\.jar$//' | sort | uniq -d)"
if [ -n "$clash" ]; then
    echo "install-kernel: the kernel and the benchmarks need different versions of: $clash" >&2
    exit 1
fi
# An explicit, sorted class path (the kernel first): the AOT cache is only valid for the same one.
class_path="$dest/lib/$(basename "$jar")"
for j in $(ls "$dest"/lib/*.jar | sort); do
    [ "$j" = "$dest/lib/$(basename "$jar")" ] || class_path="$class_path:$j"
done

# JMH 1.37 (on the class path for chapter 6) reads fields through sun.misc.Unsafe; allow it quietly.
# --enable-preview: cells run in this JVM and the kernel compiles them with preview features
# (Java 25's StructuredTaskScope), so the JVM must allow them; the training run uses the same flags.
# --enable-native-access: chapter 7 pins a virtual thread under a native frame (a Foreign Function
# API upcall), which calls restricted methods; without the flag the JVM warns on stderr.
jvm_flags=(-Djava.awt.headless=true --sun-misc-unsafe-memory-access=allow --enable-preview --enable-native-access=ALL-UNNAMED)
echo "install-kernel: training the AOT cache (a short session)"
if ! "$java" "${jvm_flags[@]}" -XX:AOTCacheOutput="$dest/kernel.aot" -Xlog:aot=error,cds=error \
        -cp "$class_path" course.kernel.KernelMain --train >"$dest/training.log" 2>&1; then
    echo "install-kernel: the training run failed; the kernel will start without an AOT cache" >&2
    tail -n 20 "$dest/training.log" >&2
    rm -f "$dest/kernel.aot"
fi
aot_flags=()
[ -f "$dest/kernel.aot" ] && aot_flags=(-XX:AOTCache="$dest/kernel.aot" -Xlog:aot=off,cds=off)

"$python" - "$dest" "$java" "$class_path" "${jvm_flags[@]}" "${aot_flags[@]}" <<'PY'
import json, sys
dest, java, class_path, *flags = sys.argv[1:]
spec = {
    "argv": [java, *flags, "-cp", class_path, "course.kernel.KernelMain", "{connection_file}"],
    "display_name": "Java 25 (course)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {},
    "metadata": {"debugger": False},
}
with open(f"{dest}/kernel.json", "w") as f:
    json.dump(spec, f, indent=2)
PY
echo "install-kernel: installed the '$name' kernelspec in $dest"
