package course.pool;

import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;
import course.exercises.Check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Self-checking exercises for the worker-pool chapter. Each {@code check...} method runs a
 * learner's attempt against a few small scenarios and returns a {@link Check} whose text says
 * PASS, or what is not right yet. A check never throws because of a wrong attempt, so a notebook
 * cell that runs it never shows an error. Worked answers are in the
 * chapter's collapsed solution cells (and in {@link PoolSolutions}).
 *
 * <pre>{@code
 * <A, R> JobFunction<A, R> retry(JobFunction<A, R> f, int attempts) { ... }
 * PoolExercises.checkRetry((f, n) -> retry(f, n));   // PASS: retry ...
 * }</pre>
 */
public final class PoolExercises {
    /** The one delay of the checks; everything else is a multiple of it. */
    static final Duration SHORT = Duration.ofMillis(50);

    private PoolExercises() {
    }

    /**
     * Exercise 1, retry: {@code retry.apply(f, n)} must run {@code f} up to {@code n} times until
     * it succeeds, rethrow the last failure after {@code n} failures, and not retry once the run's
     * context is done.
     */
    public static Check checkRetry(BiFunction<JobFunction<Integer, Integer>, Integer, JobFunction<Integer, Integer>> retry) {
        Objects.requireNonNull(retry, "retry");
        try {
            AtomicInteger calls = new AtomicInteger();
            JobFunction<Integer, Integer> failsTwice = (ctx, n) -> {
                if (calls.incrementAndGet() <= 2) {
                    throw new IllegalStateException("flaky failure " + calls.get());
                }
                return n * 2;
            };
            Result<Integer> three = Job.of("flaky", "double", 21, retry.apply(failsTwice, 3)).execute(Context.background());
            if (!three.isOk() || three.value() != 42 || calls.get() != 3) {
                return Check.notYet("a job that fails twice, given 3 attempts, should succeed on the third call; got "
                        + three + " after " + calls.get() + " call(s)");
            }
            calls.set(0);
            Result<Integer> two = Job.of("flaky", "double", 21, retry.apply(failsTwice, 2)).execute(Context.background());
            if (two.isOk() || calls.get() != 2 || !"flaky failure 2".equals(two.error().getMessage())) {
                return Check.notYet("given only 2 attempts it should fail with the last failure (\"flaky failure 2\") "
                        + "after 2 calls; got " + two + " after " + calls.get() + " call(s)");
            }
            AtomicInteger okCalls = new AtomicInteger();
            Result<Integer> fine = Job.of("fine", "double", 1, retry.apply((ctx, n) -> {
                okCalls.incrementAndGet();
                return n;
            }, 5)).execute(Context.background());
            if (!fine.isOk() || okCalls.get() != 1) {
                return Check.notYet("a job that succeeds should run once; it ran " + okCalls.get() + " time(s)");
            }
            Context cancelled = Context.background().withCancel();
            cancelled.cancel();
            AtomicInteger cancelledCalls = new AtomicInteger();
            Result<Integer> stopped = Job.of("c", "double", 1, retry.apply((ctx, n) -> {
                cancelledCalls.incrementAndGet();
                ctx.throwIfDone();
                return n;
            }, 5)).execute(cancelled);
            if (stopped.isOk() || cancelledCalls.get() > 1) {
                return Check.notYet("once the context is done, retrying is pointless: stop and rethrow; the job ran "
                        + cancelledCalls.get() + " time(s) in a cancelled run");
            }
            return Check.pass("retry succeeds within its attempts, gives up with the last failure, and respects cancellation");
        } catch (RuntimeException e) {
            return Check.notYet("the check itself failed with " + e);
        }
    }

    /**
     * Exercise 2, per-job timeout: {@code withTimeout.apply(f, d)} must give {@code f} a context
     * that expires after {@code d}, so that a slow job fails with a deadline while the pool's run
     * and the other jobs go on.
     */
    public static Check checkPerJobTimeout(BiFunction<JobFunction<Integer, Integer>, Duration, JobFunction<Integer, Integer>> withTimeout) {
        Objects.requireNonNull(withTimeout, "withTimeout");
        try {
            JobFunction<Integer, Integer> sleepy = (ctx, n) -> {
                ctx.sleep(n == 0 ? SHORT.multipliedBy(200) : Duration.ZERO);
                return n;
            };
            List<Job<Integer, Integer>> batch = List.of(
                    Job.of("0", "slow", 0, withTimeout.apply(sleepy, SHORT)),
                    Job.of("1", "fast", 1, withTimeout.apply(sleepy, SHORT)),
                    Job.of("2", "fast", 2, sleepy));
            Context run = Context.background().withTimeout(SHORT.multipliedBy(20)); // a safety net for a wrong attempt
            List<Result<Integer>> results;
            long start = System.nanoTime();
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2)) {
                results = pool.runAll(run, batch);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            boolean runCut = run.isDone();
            run.cancel();
            if (runCut) {
                return Check.notYet("the slow job was not stopped by its own timeout: the whole run hit its "
                        + "safety deadline after " + took.toMillis() + " ms; results " + results);
            }
            Result<Integer> slow = find(results, "0");
            if (slow == null || !(slow.error() instanceof DeadlineExceededException)) {
                return Check.notYet("the slow job should fail with DeadlineExceededException; got " + slow);
            }
            if (!isOkWith(find(results, "1"), 1) || !isOkWith(find(results, "2"), 2)) {
                return Check.notYet("the fast jobs should succeed, with or without the wrapper; got " + results);
            }
            return Check.pass("the slow job timed out on its own after about " + SHORT.toMillis()
                    + " ms while the other jobs and the run went on");
        } catch (RuntimeException | InterruptedException e) {
            return Check.notYet("the check itself failed with " + e);
        }
    }

    /** Exercise 3, predict: how many results does a 10 ns deadline give on a pool of 4 workers? */
    public static Check checkDeadlineAnswer(int answer) {
        int expected = 4;   // one worker-stop error per worker, and no job runs
        if (answer == expected) {
            return Check.pass(expected + ": the deadline has passed before any job starts, so each worker reports "
                    + "one DeadlineExceededException and stops");
        }
        return Check.notYet(answer + " is not it. Hint: how many error results does each worker send when the "
                + "context is done, and do any jobs get to run?");
    }

    private static Result<Integer> find(List<Result<Integer>> results, String id) {
        return results.stream().filter(r -> r.descriptor().id().equals(id)).findFirst().orElse(null);
    }

    private static boolean isOkWith(Result<Integer> r, int value) {
        return r != null && r.isOk() && r.value() == value;
    }
}
