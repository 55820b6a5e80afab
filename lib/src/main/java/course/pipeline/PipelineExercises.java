package course.pipeline;

import course.exercises.Check;
import course.pipeline.Pipeline.FilterStep;
import course.pipeline.Pipeline.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Self-checks for the chapter's exercises. Each check runs the learner's code in a small
 * pipeline and returns a {@link Check} that reads {@code PASS: ...} or {@code NOT YET: ...},
 * naming the exercise, with a hint; it never throws, so a wrong answer never breaks the
 * notebook. The answers are in the chapter's collapsed solution cells (and in
 * {@link PipelineSolutions}); try first.
 *
 * <pre>{@code
 * Pipeline.FilterStep<Integer> firstTime = id -> true;      // the learner's attempt
 * PipelineExercises.checkDedupe(firstTime)              // NOT YET: deduplicating stage: 150 items came out ...
 * }</pre>
 */
public final class PipelineExercises {
    /** How long the slow item of the timeout exercise sleeps. */
    static final Duration SLOW_ITEM = Duration.ofMillis(500);
    /** The per-item limit the timeout exercise asks for. */
    static final Duration LIMIT = Duration.ofMillis(50);

    private PipelineExercises() {
    }

    /**
     * Exercise 1: a filter that lets each id through only the first time it is seen, even when
     * the stage runs on 4 workers. Checked on the ids 1..50, each sent three times in a
     * shuffled order.
     */
    public static Check checkDedupe(FilterStep<Integer> dedupe) {
        String name = "deduplicating stage";
        try {
            List<Integer> ids = new ArrayList<>();
            for (int copy = 0; copy < 3; copy++) {
                IntStream.rangeClosed(1, 50).forEach(ids::add);
            }
            Collections.shuffle(ids, new Random(3));
            List<Integer> out = new ArrayList<>(Pipeline.from(ids).filter("dedupe", dedupe).workers(4).toList());
            Collections.sort(out);
            List<Integer> expected = IntStream.rangeClosed(1, 50).boxed().toList();
            if (out.equals(expected)) {
                return pass(name, "each of the 50 ids came out exactly once");
            }
            return notYet(name, out.size() + " items came out, expected the 50 distinct ids once each"
                    + (out.size() > 50 ? " (duplicates got through)" : out.size() < 50 ? " (some ids were lost)" : ""));
        } catch (RuntimeException e) {
            return notYet(name, "the pipeline failed: " + e.getMessage());
        }
    }

    /**
     * Exercise 2: a wrapper that fails a step taking longer than a limit, with a
     * {@link TimeoutException}, and cuts the slow step short. Checked with a step that answers
     * at once except on item 7, where it sleeps for half a second, and a 50 ms limit.
     *
     * @param withTimeout the learner's wrapper: given a step and a limit, the limited step
     */
    public static Check checkTimeout(BiFunction<Step<Integer, Integer>, Duration, Step<Integer, Integer>> withTimeout) {
        String name = "per-item timeout";
        Step<Integer, Integer> lookup = id -> {
            if (id == 7) {
                Thread.sleep(SLOW_ITEM);
            }
            return id * 10;
        };
        try {
            Step<Integer, Integer> limited = withTimeout.apply(lookup, LIMIT);
            List<Integer> fast = Pipeline.range(1, 6).map("lookup", limited).toList();
            if (!fast.equals(List.of(10, 20, 30, 40, 50, 60))) {
                return notYet(name, "fast items should pass unchanged, got " + fast);
            }
            long start = System.nanoTime();
            try {
                Pipeline.range(1, 10).map("lookup", limited).toList();
                return notYet(name, "item 7 took " + SLOW_ITEM.toMillis() + " ms and still passed; it should fail after "
                        + LIMIT.toMillis() + " ms");
            } catch (PipelineException e) {
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                if (!hasTimeout(e)) {
                    return notYet(name, "the run failed, but not with a TimeoutException: " + e.getMessage());
                }
                if (tookMillis >= SLOW_ITEM.toMillis()) {
                    return notYet(name, "the timeout was reported, but only after " + tookMillis
                            + " ms: the slow step was not cut short");
                }
                return pass(name, "item " + e.item().orElse("?") + " failed with a timeout after " + tookMillis + " ms");
            }
        } catch (RuntimeException e) {
            return notYet(name, "the check failed: " + e);
        }
    }

    /**
     * Exercise 3: how many stage threads does
     * {@code Pipeline.range(1, 10).map("a", f).workers(3).filter("b", g).workers(2)} start?
     * (The sampler thread does not count.)
     */
    public static Check checkThreadCount(int answer) {
        String name = "thread count";
        int actual;
        try (PipelineRun<Integer> run = Pipeline.range(1, 10).map("a", n -> n).workers(3).filter("b", n -> true).workers(2).start()) {
            run.toList();
            actual = run.metrics().stages().stream().mapToInt(Metrics.StageMetrics::workers).sum();
        }
        if (answer == actual) {
            return pass(name, actual + " threads: one for the source, three for 'a', two for 'b'");
        }
        return notYet(name, answer + " is not it; count one thread per worker of every stage, the source included");
    }

    private static boolean hasTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Check pass(String name, String detail) {
        return Check.pass(name + ": " + detail);
    }

    private static Check notYet(String name, String hint) {
        return Check.notYet(name + ": " + hint);
    }
}
