package course.structured;

import course.concurrent.Context;
import course.pool.Job;
import course.pool.Result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * A batch of the worker pool's {@link Job}s run as one {@link StructuredTaskScope}: each job is
 * forked as a subtask on a virtual thread of its own, the owner joins them as a unit, and the
 * scope's {@code close} waits for every one, so no thread outlives the call. The twin of Go's
 * {@code errgroup.WithContext}.
 *
 * <p><b>JDK 25 preview API (JEP 505).</b> Compile and run with {@code --enable-preview}. JDK 26
 * (JEP 525) reshapes parts of it: check the JEP of your JDK.
 *
 * <p>Each method opens the scope with one of the JDK's {@link Joiner}s and a timeout
 * ({@code cfg -> cfg.withTimeout(timeout)}):
 * <ul>
 *   <li>{@link #allOrThrow}: {@link Joiner#allSuccessfulOrThrow()}. Every value in fork order,
 *       or, on the first failure, the siblings are cancelled (interrupted) and {@code join}
 *       throws {@link StructuredTaskScope.FailedException} with that failure as its cause.</li>
 *   <li>{@link #firstOrThrow}: {@link Joiner#anySuccessfulResultOrThrow()}. The first value to
 *       arrive; the siblings still running are cancelled then.</li>
 *   <li>{@link #settle}: a joiner of this class, in the spirit of {@link Joiner#awaitAll()},
 *       that cancels nothing and keeps each subtask's outcome as it completes, so even a scope
 *       that times out reports what did finish (JDK 25's {@code join} throws on a timeout, and a
 *       subtask's {@code get} is then refused to the owner).</li>
 * </ul>
 * When the timeout expires first, the scope is cancelled and {@code join} throws
 * {@link StructuredTaskScope.TimeoutException} ({@code settle} catches it). Cancellation is
 * interruption: a job stops promptly if it waits interruptibly, as the course's jobs do.
 * Each job runs with the {@link Context} given, which the scope does not cancel.
 *
 * <pre>{@code
 * List<Integer> doubled = StructuredBatch.allOrThrow(Jobs.doubling(10), Context.background(), Duration.ofSeconds(1));
 * }</pre>
 */
public final class StructuredBatch {
    private StructuredBatch() {
    }

    /**
     * Every job's value, in the jobs' order.
     *
     * @throws StructuredTaskScope.FailedException  when a job fails; its cause is the job's exception
     * @throws StructuredTaskScope.TimeoutException when the timeout expires first
     * @throws InterruptedException                 when the calling thread is interrupted while it joins
     */
    public static <A, R> List<R> allOrThrow(List<? extends Job<A, R>> jobs, Context ctx, Duration timeout)
            throws InterruptedException {
        check(jobs, ctx, timeout);
        try (var scope = StructuredTaskScope.open(Joiner.<R>allSuccessfulOrThrow(), cfg -> cfg.withTimeout(timeout))) {
            for (Job<A, R> job : jobs) {
                scope.fork(() -> job.function().apply(ctx, job.args()));
            }
            return scope.join().map(Subtask::get).toList();
        }
    }

    /**
     * The value of the first job to succeed.
     *
     * @throws StructuredTaskScope.FailedException  when every job fails
     * @throws StructuredTaskScope.TimeoutException when the timeout expires first
     * @throws InterruptedException                 when the calling thread is interrupted while it joins
     */
    public static <A, R> R firstOrThrow(List<? extends Job<A, R>> jobs, Context ctx, Duration timeout)
            throws InterruptedException {
        check(jobs, ctx, timeout);
        try (var scope = StructuredTaskScope.open(Joiner.<R>anySuccessfulResultOrThrow(), cfg -> cfg.withTimeout(timeout))) {
            for (Job<A, R> job : jobs) {
                scope.fork(() -> job.function().apply(ctx, job.args()));
            }
            return scope.join();
        }
    }

    /**
     * One {@link Result} per job, in the jobs' order: its value or its error, or, for a job that
     * had not completed when the timeout expired, an error that is a {@link CancellationException}.
     *
     * @throws InterruptedException when the calling thread is interrupted while it joins
     */
    public static <A, R> List<Result<R>> settle(List<? extends Job<A, R>> jobs, Context ctx, Duration timeout)
            throws InterruptedException {
        check(jobs, ctx, timeout);
        var joiner = new Settling<R>();
        List<Subtask<R>> forked = new ArrayList<>(jobs.size());
        try (var scope = StructuredTaskScope.open(joiner, cfg -> cfg.withTimeout(timeout))) {
            for (Job<A, R> job : jobs) {
                forked.add(scope.fork(() -> job.function().apply(ctx, job.args())));
            }
            try {
                scope.join();
            } catch (StructuredTaskScope.TimeoutException e) {
                // the scope is cancelled: the subtasks still running are interrupted, and close waits for them
            }
        }
        List<Result<R>> results = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            Outcome<R> o = joiner.outcomes.get(forked.get(i));
            var descriptor = jobs.get(i).descriptor();
            results.add(o == null ? Result.failed(descriptor, new CancellationException("not completed before the timeout"))
                    : o.error() == null ? Result.ok(descriptor, o.value()) : Result.failed(descriptor, o.error()));
        }
        return results;
    }

    /** A subtask's value, or its exception when {@code error} is not null. */
    private record Outcome<R>(R value, Throwable error) {
    }

    /** A joiner that cancels nothing and records each subtask's outcome in the subtask's own thread. */
    private static final class Settling<R> implements Joiner<R, Void> {
        /** Subtask to its outcome; written once per subtask, by the subtask's thread, read by the owner after close. */
        final Map<Subtask<? extends R>, Outcome<R>> outcomes = new ConcurrentHashMap<>();

        @Override
        public boolean onComplete(Subtask<? extends R> subtask) {
            outcomes.put(subtask, subtask.state() == Subtask.State.SUCCESS
                    ? new Outcome<>(subtask.get(), null) : new Outcome<>(null, subtask.exception()));
            return false;                    // never cancel the scope
        }

        @Override
        public Void result() {
            return null;
        }
    }

    private static void check(List<?> jobs, Context ctx, Duration timeout) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }
}
