package course.pool;

import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;

import java.time.Duration;
import java.util.Objects;

/**
 * Worked solutions to chapter 1's exercises. They duplicate the chapter's collapsed solution
 * cells, which are where a learner reads them; they are kept here only so that
 * {@code PoolSolutionsTest} checks that the model answers still pass {@link PoolExercises}.
 *
 * <pre>{@code
 * JobFunction<Integer, Integer> sturdy = PoolSolutions.retry(flaky, 3);
 * JobFunction<Integer, Integer> bounded = PoolSolutions.withTimeout(slow, Duration.ofMillis(50));
 * }</pre>
 */
public final class PoolSolutions {
    private PoolSolutions() {
    }

    /**
     * Exercise 1: runs {@code function} up to {@code attempts} times until it succeeds. It stops
     * at once, rethrowing, when the run's context is done: retrying a cancelled run is pointless.
     * After the last attempt it rethrows the last failure.
     *
     * @throws IllegalArgumentException when {@code attempts} is below 1
     */
    public static <A, R> JobFunction<A, R> retry(JobFunction<A, R> function, int attempts) {
        Objects.requireNonNull(function, "function");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        return (ctx, args) -> {
            Exception last = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                ctx.throwIfDone();
                try {
                    return function.apply(ctx, args);
                } catch (Exception e) {
                    if (ctx.isDone()) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw last;
        };
    }

    /**
     * Exercise 2: runs {@code function} with a child context that expires after {@code timeout},
     * so one slow job fails with {@link DeadlineExceededException} while the rest of the run goes
     * on. The child is always cancelled afterwards, which releases its timer.
     *
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public static <A, R> JobFunction<A, R> withTimeout(JobFunction<A, R> function, Duration timeout) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return (ctx, args) -> {
            Context perJob = ctx.withTimeout(timeout);
            try {
                return function.apply(perJob, args);
            } finally {
                perJob.cancel();
            }
        };
    }

    /** Exercise 3: with a 10 ns deadline, each of the {@code workers} workers reports one error. */
    public static int resultsOfATenNanosecondDeadline(int workers) {
        return workers;
    }
}
