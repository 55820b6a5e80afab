package course.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * One benchmark run as loaded by {@link Results#load(Path)}: every result of JMH's JSON file,
 * in file order, and the machine record found next to it, if any.
 *
 * <pre>{@code
 * RunResults run = Results.load(Path.of("data/results/reference/host-2026-11-27.json"));
 * run.get("PoolBench.workerPoolPlatform", "task", "noop").score()    // ns per task
 * run.ratio("PoolBench.workerPoolPlatform", "PoolBench.threadPoolExecutor2", "task", "noop")
 * }</pre>
 *
 * @param file    the JMH JSON file
 * @param results every result, in file order
 * @param machine the machine record beside the file ({@code <name>.machine.json}), if present
 */
public record RunResults(Path file, List<BenchResult> results, Optional<Machine> machine) {
    /** @throws NullPointerException when an argument is null */
    public RunResults {
        Objects.requireNonNull(file, "file");
        results = List.copyOf(results);
        Objects.requireNonNull(machine, "machine");
    }

    /**
     * The result of the benchmark {@code name} ({@code Class.method}, see {@link BenchResult#name()})
     * whose parameters include the given key/value pairs.
     *
     * @throws IllegalArgumentException when {@code keyValues} has an odd length
     * @throws NoSuchElementException   when no result matches, or more than one does (the message lists them)
     */
    public BenchResult get(String name, String... keyValues) {
        List<BenchResult> found = find(name, keyValues);
        if (found.size() == 1) {
            return found.getFirst();
        }
        String what = name + (keyValues.length == 0 ? "" : " " + String.join(" ", keyValues));
        if (found.isEmpty()) {
            throw new NoSuchElementException("no result for " + what + " in " + file.getFileName()
                    + "; it has " + results.stream().map(BenchResult::label).toList());
        }
        throw new NoSuchElementException(found.size() + " results match " + what + "; add parameters: "
                + found.stream().map(BenchResult::label).toList());
    }

    /** Whether exactly one result matches, as for {@link #get}. */
    public boolean has(String name, String... keyValues) {
        return find(name, keyValues).size() == 1;
    }

    /** Every result whose name is {@code name} and whose parameters include the given pairs. */
    public List<BenchResult> find(String name, String... keyValues) {
        Objects.requireNonNull(name, "name");
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in key/value pairs, got " + keyValues.length + " strings");
        }
        List<BenchResult> out = new ArrayList<>();
        for (BenchResult r : results) {
            if (!r.name().equals(name)) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < keyValues.length; i += 2) {
                match &= keyValues[i + 1].equals(r.params().get(keyValues[i]));
            }
            if (match) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every result of one benchmark class, for example {@code "PoolBench"}. */
    public List<BenchResult> ofClass(String className) {
        return results.stream().filter(r -> r.name().startsWith(className + ".")).toList();
    }

    /**
     * {@code get(a, params).score() / get(b, params).score()}: how many times slower a is than b
     * (for time-per-operation scores), within this one run.
     */
    public double ratio(String a, String b, String... keyValues) {
        return get(a, keyValues).score() / get(b, keyValues).score();
    }

    /** The results keyed by {@link BenchResult#label()}. */
    public Map<String, BenchResult> byLabel() {
        Map<String, BenchResult> map = new java.util.LinkedHashMap<>();
        results.forEach(r -> map.put(r.label(), r));
        return map;
    }

    /**
     * Whether this and {@code other} are the same run: the same file, or files with the same
     * results. Comparing such runs would only compare a run with itself.
     */
    public boolean sameRunAs(RunResults other) {
        Objects.requireNonNull(other, "other");
        return file.toAbsolutePath().normalize().equals(other.file.toAbsolutePath().normalize())
                || results.equals(other.results);
    }

    /** The machine's one-line summary, or the file name when there is no machine record. */
    public String describe() {
        return machine.map(Machine::summary).orElse("(no machine record)") + " [" + file.getFileName() + "]";
    }

    @Override
    public String toString() {
        return results.size() + " results from " + describe();
    }
}
