package course.results;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * One benchmark's result from JMH's JSON output: its name and parameters, and its primary
 * score with the 99.9% confidence half-width JMH reports as the error.
 *
 * <p>{@code benchmark} is JMH's full name ({@code course.bench.PoolBench.forkJoinPool});
 * {@link #name()} drops the package ({@code PoolBench.forkJoinPool}). {@code error} is
 * {@code NaN} when JMH could not compute one (a single measurement iteration), and positive
 * infinity when JMH wrote {@code "+INF"}; {@link #errorOrZero()} is 0 for both.
 *
 * <pre>{@code
 * BenchResult r = run.get("PoolBench.forkJoinPool", "task", "noop");
 * r.score() + " ± " + r.error() + " " + r.unit()        // 812.3 ± 40.1 ns/op
 * r.toString()                                          // PoolBench.forkJoinPool task=noop: 812 ± 40.1 ns/op
 * r.secondary("gc.alloc.rate.norm").score()             // bytes allocated per task (-prof gc)
 * }</pre>
 *
 * <p><b>Secondary metrics.</b> What JMH reports beside the score, by name: a profiler's
 * ({@code gc.alloc.rate.norm} of {@code -prof gc}, in B/op) or a benchmark's own
 * {@code @AuxCounters} ({@code cpuNsPerItem} of {@code WaitPolicyBench}). Each is a result of its
 * own, with the same benchmark and parameters, its score, error, unit and samples, and no
 * secondary metrics of its own, so that {@link Comparison} compares them as it compares scores.
 *
 * @param benchmark JMH's full benchmark name, not blank
 * @param params    the benchmark's {@code @Param} values, by name (empty when none; no null name or value)
 * @param mode      JMH's mode ({@code avgt}, {@code thrpt}, ...), not blank
 * @param threads   threads that ran the benchmark, at least 1
 * @param forks     forked JVMs measured, 0 or more (0: JMH measured in its own JVM)
 * @param score     the primary score: finite and not negative
 * @param error     the score's error (99.9% half-width): not negative, or NaN (JMH could not
 *                  compute one), or positive infinity (unbounded)
 * @param unit      the score's unit, for example {@code ns/op}, not blank
 * @param samples   measurement iterations over all forks, 0 or more
 * @param secondary the secondary metrics by name (empty when none; no null name or value, and
 *                  none with secondary metrics of its own)
 */
public record BenchResult(String benchmark, Map<String, String> params, String mode, int threads, int forks,
                          double score, double error, String unit, int samples, Map<String, BenchResult> secondary) {
    /**
     * @throws NullPointerException     when a name, the params (or one of their names or values), the
     *                                  mode or the unit is null
     * @throws IllegalArgumentException when a name, the mode or the unit is blank, or a number is
     *                                  out of its range above; the message starts with the field's name
     */
    public BenchResult {
        text("benchmark", benchmark, "JMH's benchmark name");
        if (params == null) {
            throw new NullPointerException("params: expected the parameters (an empty map for none), found null");
        }
        params.forEach((name, value) -> {
            if (name == null) {
                throw new NullPointerException("params: expected a parameter's name, found null");
            }
            if (value == null) {
                throw new NullPointerException("params." + name + ": expected the parameter's value, found null");
            }
        });
        params = Map.copyOf(params);
        text("mode", mode, "JMH's mode");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1 thread, found " + threads);
        }
        count("forks", forks);
        if (!Double.isFinite(score) || score < 0) {
            throw new IllegalArgumentException("score: expected a finite number that is not negative, found " + score);
        }
        if (error < 0 || error == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("error: expected a number that is not negative, NaN or Infinity, found "
                    + error);
        }
        text("unit", unit, "the score's unit");
        count("samples", samples);
        if (secondary == null) {
            throw new NullPointerException("secondary: expected the secondary metrics (an empty map for none), found null");
        }
        secondary.forEach((name, metric) -> {
            if (name == null || metric == null) {
                throw new NullPointerException("secondary: expected a metric's name and result, found " + name + "=" + metric);
            }
            if (!metric.secondary().isEmpty()) {
                throw new IllegalArgumentException("secondary." + name + ": a secondary metric has none of its own");
            }
        });
        secondary = Map.copyOf(secondary);
    }

    /** A result without secondary metrics. */
    public BenchResult(String benchmark, Map<String, String> params, String mode, int threads, int forks,
                       double score, double error, String unit, int samples) {
        this(benchmark, params, mode, threads, forks, score, error, unit, samples, Map.of());
    }

    /**
     * One secondary metric, for example {@code "gc.alloc.rate.norm"} (bytes per operation).
     *
     * @throws NoSuchElementException when this result has no such metric (the message lists those it has)
     */
    public BenchResult secondary(String metric) {
        BenchResult r = secondary.get(metric);
        if (r == null) {
            throw new NoSuchElementException(label() + " has no secondary metric '" + metric + "'; it has "
                    + secondary.keySet().stream().sorted().toList()
                    + (metric.startsWith("gc.") ? " (gc.* metrics come from a run with -prof gc, as make bench makes)" : ""));
        }
        return r;
    }

    private static void text(String field, String value, String what) {
        if (value == null) {
            throw new NullPointerException(field + ": expected " + what + ", found null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + ": expected " + what + ", found \"" + value + "\"");
        }
    }

    private static void count(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": expected a count that is not negative, found " + value);
        }
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

    /** A parameter's value. @throws NoSuchElementException when the benchmark has no such parameter */
    public String param(String key) {
        String value = params.get(key);
        if (value == null) {
            throw new NoSuchElementException(name() + " has no parameter '" + key + "'; it has " + params.keySet());
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
