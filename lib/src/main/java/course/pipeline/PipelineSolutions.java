package course.pipeline;

import course.concurrent.internal.Durations;
import course.pipeline.Pipeline.FilterStep;
import course.pipeline.Pipeline.Step;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Answers to chapter 3's {@link PipelineExercises}. They duplicate the chapter's collapsed
 * solution cells, which are where a learner reads each answer, beside its exercise; they are kept
 * here only so that {@code PipelineSolutionsTest} checks that the model answers still pass.
 *
 * <pre>{@code
 * PipelineExercises.checkDedupe(PipelineSolutions.dedupe());           // PASS: deduplicating stage: ...
 * PipelineExercises.checkTimeout(PipelineSolutions::withTimeout);       // PASS: per-item timeout: ...
 * PipelineExercises.checkThreadCount(PipelineSolutions.THREAD_COUNT);   // PASS: thread count: ...
 * }</pre>
 */
public final class PipelineSolutions {
    /** Exercise 3: one source thread, three workers of 'a', two of 'b'. */
    public static final int THREAD_COUNT = 6;

    private PipelineSolutions() {
    }

    /**
     * Exercise 1: a set shared by the workers remembers what has passed. It must be a
     * concurrent set, because four workers call the check at once; {@code add} answers true
     * only for the first caller with a given id, atomically.
     */
    public static FilterStep<Integer> dedupe() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        return seen::add;
    }

    /**
     * Exercise 2: run the step on a virtual thread and wait at most {@code limit} for it; on
     * time-out, interrupt it ({@code cancel(true)}) so that it stops, and throw the
     * {@link java.util.concurrent.TimeoutException}, which fails the stage.
     */
    public static <I, O> Step<I, O> withTimeout(Step<I, O> step, Duration limit) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(limit, "limit");
        return item -> {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<O> result = executor.submit(() -> step.apply(item));
                try {
                    return result.get(Durations.nanos(limit), TimeUnit.NANOSECONDS);
                } finally {
                    result.cancel(true);
                }
            }
        };
    }
}
