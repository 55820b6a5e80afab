package course.results;

import course.Numbers;
import course.evidence.Observation;

import java.util.List;
import java.util.Objects;

/**
 * A performance target the course's library states for itself: a ratio of two benchmarks of one
 * run, with the bound it should stay within. {@link #LIBRARY} lists the four, and
 * {@link #observe(RunResults)} checks one against a run.
 *
 * <p>A target is <em>met</em> when the ratio's whole 99.9% interval (see {@link Comparison}) lies
 * on the right side of the bound, <em>missed</em> when it lies wholly on the wrong side, and
 * <em>within error</em> of the bound when the interval reaches across it: then the run cannot
 * tell met from missed. Only "met" is printed as the observation's "as expected".
 *
 * <pre>{@code
 * for (Target t : Target.LIBRARY) System.out.println(t.observe(run));
 * // Observed: target: Pipeline unbatched / hand-written queue chain, per item: expected at most 1.2×,
 * //   its whole 99.9% interval; measured 0.238 ± 0.182× (interval 0.0557 to 0.42×): met — as expected
 * }</pre>
 *
 * @param what        the ratio in words, e.g. {@code "WorkerPool (platform) / ThreadPoolExecutor(2), per no-op task"}
 * @param numerator   the benchmark above the line
 * @param denominator the benchmark below it
 * @param atMost      true when the ratio should be at most {@code bound}, false when at least
 * @param bound       the bound, a positive ratio
 * @param reason      what meeting it depends on beyond the code, printed when it is not met
 */
public record Target(String what, Bench numerator, Bench denominator, boolean atMost, double bound, String reason) {
    /**
     * One benchmark of a run: its name ({@code Class.method}) and the parameters that pick one result.
     *
     * @param name      the benchmark's name, as {@link RunResults#get} takes it
     * @param keyValues parameter names and values, in pairs
     */
    public record Bench(String name, List<String> keyValues) {
        /** @throws IllegalArgumentException when the name is blank or the parameters do not come in pairs */
        public Bench {
            Objects.requireNonNull(name, "name");
            keyValues = List.copyOf(keyValues);
            if (name.isBlank() || keyValues.size() % 2 != 0) {
                throw new IllegalArgumentException("a benchmark needs a name and parameters in pairs, got '"
                        + name + "' " + keyValues);
            }
        }

        /** The benchmark {@code name} with parameters {@code keyValues} (name, value, name, value ...). */
        public static Bench of(String name, String... keyValues) {
            return new Bench(name, List.of(keyValues));
        }

        /** Its result in {@code run}. @throws java.util.NoSuchElementException when the run lacks it */
        public BenchResult in(RunResults run) {
            return run.get(name, keyValues.toArray(String[]::new));
        }
    }

    /** The library's four targets, each a ratio within one run. */
    public static final List<Target> LIBRARY = List.of(
            new Target("WorkerPool (platform) / ThreadPoolExecutor(2), per no-op task",
                    Bench.of("PoolBench.workerPoolPlatform", "task", "noop"),
                    Bench.of("PoolBench.threadPoolExecutor2", "task", "noop"), true, 1.0,
                    "the design: one queue slot per worker, and three threads started for every batch"),
            new Target("Pipeline unbatched / hand-written queue chain, per item",
                    Bench.of("PipelineBench.pipeline", "batch", "1"),
                    Bench.of("PipelineBench.Baselines.queueChain"), true, 1.2,
                    "cores: a yield before parking helps only when the next stage is running or about to run"),
            new Target("Pipeline unbatched / batches of 64, per item (speed-up)",
                    Bench.of("PipelineBench.pipeline", "batch", "1"),
                    Bench.of("PipelineBench.pipeline", "batch", "64"), false, 10,
                    "what one hand-off costs on the machine, which both scores pay"),
            new Target("BoundedExecutor / raw Semaphore + virtual threads, per task",
                    Bench.of("SemaphoreBench.boundedExecutor"),
                    Bench.of("SemaphoreBench.rawSemaphoreVirtualThreads"), true, 1.2,
                    "cores: the executor's yields pay off when a permit comes back within a few of them"));

    /** @throws IllegalArgumentException when the description is blank or the bound not positive and finite */
    public Target {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        Objects.requireNonNull(reason, "reason");
        if (what.isBlank()) {
            throw new IllegalArgumentException("a target says what it compares");
        }
        if (!(bound > 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("a target's bound must be a positive ratio, got " + bound);
        }
    }

    /** The ratio's two results in {@code run}, compared. */
    public Comparison comparison(RunResults run) {
        Objects.requireNonNull(run, "run");
        return Comparison.of("numerator", numerator.in(run), "denominator", denominator.in(run));
    }

    /**
     * Whether {@code run} meets the target, as an observation: the expected bound, the measured
     * ratio with its error and interval, and "met", "missed" or "within error of the target".
     *
     * @throws java.util.NoSuchElementException when the run lacks one of the two benchmarks
     */
    public Observation observe(RunResults run) {
        Comparison c = comparison(run);
        double lo = c.ratioLow();
        double hi = c.ratioHigh();
        boolean met = atMost ? hi <= bound : lo >= bound;
        boolean missed = atMost ? lo > bound : hi < bound;
        String status = met ? "met" : missed ? "missed" : "within error of the target";
        return Observation.of("target: " + what).dependsOn(reason).measuredOn(run.describe())
                .expect(requirement() + ", its whole 99.9% interval")
                .measuredThat(met, c.ratioInWords() + ": " + status);
    }

    /** The bound in words: {@code at most 1.2×} or {@code at least 10×}. */
    public String requirement() {
        return (atMost ? "at most " : "at least ") + Numbers.plain(bound) + "×";
    }

    @Override
    public String toString() {
        return what + ": " + requirement();
    }
}
