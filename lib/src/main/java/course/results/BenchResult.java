package course.results;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One benchmark's result from JMH's JSON output: its name and parameters, and its primary
 * score with the 99.9% confidence half-width JMH reports as the error.
 *
 * <p>{@code benchmark} is JMH's full name ({@code course.bench.PoolBench.forkJoinPool});
 * {@link #name()} drops the package ({@code PoolBench.forkJoinPool}). {@code error} is
 * {@code NaN} when JMH could not compute one (a single measurement iteration).
 *
 * <pre>{@code
 * BenchResult r = run.get("PoolBench.forkJoinPool", "task", "noop");
 * r.score() + " ± " + r.error() + " " + r.unit()        // 812.3 ± 40.1 ns/op
 * r.toString()                                          // PoolBench.forkJoinPool task=noop: 812 ± 40.1 ns/op
 * }</pre>
 *
 * @param benchmark JMH's full benchmark name
 * @param params    the benchmark's {@code @Param} values, by name (empty when none)
 * @param mode      JMH's mode ({@code avgt}, {@code thrpt}, ...)
 * @param threads   threads that ran the benchmark
 * @param forks     forked JVMs measured
 * @param score     the primary score
 * @param error     the score's error (99.9% half-width), or NaN
 * @param unit      the score's unit, for example {@code ns/op}
 * @param samples   measurement iterations over all forks
 */
public record BenchResult(String benchmark, Map<String, String> params, String mode, int threads, int forks,
                          double score, double error, String unit, int samples) {
    /** @throws NullPointerException when a name, the params, the mode or the unit is null */
    public BenchResult {
        Objects.requireNonNull(benchmark, "benchmark");
        params = Map.copyOf(Objects.requireNonNull(params, "params"));
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unit, "unit");
    }

    /** The name without its package: {@code Class.method} (a nested class keeps its outer name). */
    public String name() {
        String[] parts = benchmark.split("\\.");
        int first = parts.length - 2;
        while (first > 0 && !parts[first - 1].isEmpty() && Character.isUpperCase(parts[first - 1].charAt(0))) {
            first--;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, first, parts.length));
    }

    /** The method's name alone. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** A parameter's value. @throws java.util.NoSuchElementException when the benchmark has no such parameter */
    public String param(String key) {
        String value = params.get(key);
        if (value == null) {
            throw new java.util.NoSuchElementException(name() + " has no parameter '" + key + "'; it has " + params.keySet());
        }
        return value;
    }

    /** The error, or 0 when JMH gave none: what an error bar can draw. */
    public double errorOrZero() {
        return Double.isFinite(error) ? error : 0;
    }

    /** {@link #name()} with its parameters, for example {@code PoolBench.forkJoinPool task=noop}. */
    public String label() {
        if (params.isEmpty()) {
            return name();
        }
        return name() + " " + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return label() + ": " + course.Numbers.plain(score) + " ± "
                + (Double.isFinite(error) ? course.Numbers.plain(error) : "?") + " " + unit;
    }
}
