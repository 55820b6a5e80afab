package course.stress;

import course.concurrent.CancelledException;
import course.concurrent.Context;
import course.concurrent.ContextException;
import course.concurrent.DeadlineExceededException;
import course.concurrent.ThreadKind;
import course.pool.AbstractPool;
import course.pool.Job;
import course.pool.Result;
import course.pool.Timeline;
import course.pool.WorkerPool;
import course.semaphore.SemaphorePool;
import course.testing.Delays;
import course.testing.NoThreadsLeft;
import course.testing.TestThreads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Chapter 1's {@link WorkerPool} (any buffer, smaller than, equal to or larger than its worker
 * count) or chapter 2's {@link SemaphorePool}: a random batch of quick, sleeping, spinning and
 * failing jobs, ended by completing, a cancel, a deadline or a close at a random moment, read
 * by a fast or a slow reader. Checks that the stream closes, that no result is lost or
 * duplicated (every job that ran has its result read, unless a close discarded it), that values
 * and errors are right, that each worker stops once at most, and that no thread is left.
 */
final class PoolScenario implements Scenario {
    /** How a run ends. */
    enum Ending { COMPLETE, CANCEL, DEADLINE, CLOSE }

    /** What a job does. */
    enum Work { QUICK, SLEEP, SPIN, FAIL }

    private final boolean semaphore;

    /** The worker pool, or with {@code semaphore} the semaphore pool. */
    PoolScenario(boolean semaphore) {
        this.semaphore = semaphore;
    }

    @Override
    public String name() {
        return semaphore ? "semaphore-pool" : "worker-pool";
    }

    @Override
    public void run(SplittableRandom random, Outcome out) throws InterruptedException {
        int workers = random.nextInt(1, 7);
        int buffer = switch (semaphore ? 0 : random.nextInt(3)) {   // the semaphore pool's is its worker count
            case 0 -> workers;
            case 1 -> random.nextInt(1, workers + 1);                   // smaller, or equal with one worker
            default -> random.nextInt(workers + 1, workers + 9);         // larger
        };
        ThreadKind kind = random.nextBoolean() ? ThreadKind.PLATFORM : ThreadKind.VIRTUAL;
        Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
        long stopAfterNanos = random.nextLong(2_000_000);
        boolean slowReader = random.nextInt(4) == 0;
        SplittableRandom readerRandom = random.split();
        int jobs = random.nextInt(60);
        Work[] work = new Work[jobs];
        long[] pauseNanos = new long[jobs];
        List<Job<Integer, Integer>> batch = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int roll = random.nextInt(10);
            work[i] = roll < 6 ? Work.QUICK : roll < 8 ? Work.SLEEP : roll < 9 ? Work.SPIN : Work.FAIL;
            pauseNanos[i] = random.nextLong(300_000);
            batch.add(job(i, work[i], pauseNanos[i]));
        }
        out.settings(workers + " " + kind + " workers, buffer " + buffer + ", " + jobs + " jobs, " + ending
                + (ending == Ending.COMPLETE ? "" : " after " + stopAfterNanos / 1000 + " µs")
                + (slowReader ? ", slow reader" : ""));

        IntSupplier live = semaphore ? SemaphorePool::liveThreads : WorkerPool::liveThreads;
        int before = live.getAsInt();
        long start = System.nanoTime();
        Context ctx = ending == Ending.DEADLINE ? Context.background().withTimeout(Duration.ofNanos(stopAfterNanos))
                : Context.background().withCancel();
        AbstractPool<Integer, Integer> pool = semaphore ? new SemaphorePool<>(workers, kind)
                : new WorkerPool<>(workers, kind, buffer);
        Function<AbstractPool<Integer, Integer>, Timeline> timeline = semaphore
                ? p -> ((SemaphorePool<Integer, Integer>) p).timeline()
                : p -> ((WorkerPool<Integer, Integer>) p).timeline();
        TestThreads stopper = new TestThreads("stress-" + name() + "-stopper");
        AtomicLong stopAt = new AtomicLong(ending == Ending.DEADLINE ? start + stopAfterNanos : 0);
        AtomicLong closedAt = new AtomicLong();
        try {
            pool.generateFrom(batch);
            pool.run(ctx);
            if (ending == Ending.CANCEL || ending == Ending.CLOSE) {
                stopper.start(() -> {
                    LockSupport.parkNanos(stopAfterNanos);
                    stopAt.set(System.nanoTime());
                    if (ending == Ending.CANCEL) {
                        ctx.cancel();
                    } else {
                        pool.close(Delays.LONG);
                        closedAt.set(System.nanoTime());
                    }
                });
            }
            List<Result<Integer>> results = readAll(pool, slowReader, readerRandom, out);
            long endAt = System.nanoTime();
            stopper.joinAll();
            if (results == null) {
                return;                                      // the stream did not close: already a violation
            }
            boolean complete = check(results, jobs, work, workers, ending, pool, timeline.apply(pool), out);
            if (ending == Ending.CLOSE) {
                endAt = closedAt.get();
            }
            if (ending != Ending.COMPLETE && !complete && endAt - stopAt.get() >= 0) {
                out.stopLatency(endAt - stopAt.get());
            }
        } catch (AssertionError e) {
            out.violation(e.getMessage());                   // a stopper thread failed or hung
        } finally {
            try {
                pool.close(Delays.LONG);
            } catch (IllegalStateException e) {
                out.violation("close() failed: " + e.getMessage());
            }
            ctx.cancel();
            long left = NoThreadsLeft.awaitAtMost(before, live::getAsInt, Delays.LONG);
            out.check(left <= before, (left - before) + " pool thread(s) left running after close()");
        }
    }

    /** A job of the given work whose value is twice its index. */
    private static Job<Integer, Integer> job(int i, Work work, long pauseNanos) {
        return Job.of(Integer.toString(i), work.name().toLowerCase(java.util.Locale.ROOT), i, (ctx, n) -> {
            switch (work) {
                case SLEEP -> ctx.sleep(Duration.ofNanos(pauseNanos));
                case SPIN -> {
                    long until = System.nanoTime() + pauseNanos / 10;
                    while (System.nanoTime() - until < 0) {
                        Thread.onSpinWait();
                    }
                }
                case FAIL -> throw new IllegalStateException("stress failure " + n);
                case QUICK -> { }
            }
            return 2 * n;
        });
    }

    /** Reads until the stream closes, within {@link Delays#LONG}; null (and a violation) if it does not. */
    private static List<Result<Integer>> readAll(AbstractPool<Integer, Integer> pool, boolean slow,
                                                 SplittableRandom random, Outcome out) throws InterruptedException {
        List<Result<Integer>> all = new ArrayList<>();
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (!pool.isClosed()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                out.violation("the results stream did not close within " + Delays.LONG + ": " + pool
                        + ", " + all.size() + " results read");
                return null;
            }
            Optional<Result<Integer>> r = pool.poll(Duration.ofNanos(left));
            if (r.isPresent()) {
                all.add(r.get());
                if (slow) {
                    LockSupport.parkNanos(random.nextLong(100_000));
                }
            }
        }
        return all;
    }

    /** Checks the results of a run whose stream closed; returns whether every job yielded its result. */
    private static boolean check(List<Result<Integer>> results, int jobs, Work[] work, int workers, Ending ending,
                                 AbstractPool<Integer, Integer> pool, Timeline timeline, Outcome out) {
        Set<String> ids = new HashSet<>();
        Set<String> stops = new HashSet<>();
        for (Result<Integer> r : results) {
            String id = r.descriptor().id();
            if (r.descriptor().type().equals(WorkerPool.STOP_TYPE)) {
                out.check(stops.add(id), "worker " + id + " reported its stop twice");
                out.check(ending != Ending.COMPLETE, "a stop result in a run nobody stopped: " + r);
                Class<? extends ContextException> cause = ending == Ending.DEADLINE
                        ? DeadlineExceededException.class : CancelledException.class;
                out.check(cause.isInstance(r.error()), "a stop with the wrong cause: " + r);
                continue;
            }
            out.check(ids.add(id), "the result of job " + id + " arrived twice");
            int i = Integer.parseInt(id);
            out.check(i >= 0 && i < jobs, "a result for no job of the batch: " + r);
            if (work[i] == Work.FAIL) {
                out.check(r.error() instanceof IllegalStateException, "job " + id + " should have failed: " + r);
            } else if (r.isOk()) {
                out.check(r.value() == 2 * i, "job " + id + " yielded a wrong value: " + r);
            } else {
                // A sleeping job that honours its context stops with its cause; close() may interrupt one.
                boolean expected = work[i] == Work.SLEEP && ending != Ending.COMPLETE
                        && (r.error() instanceof ContextException || r.error() instanceof InterruptedException);
                out.check(expected, "job " + id + " failed unexpectedly: " + r);
            }
        }
        out.check(stops.size() <= workers, stops.size() + " stops from " + workers + " workers");
        boolean complete = ids.size() == jobs && stops.isEmpty();
        if (ending == Ending.COMPLETE) {
            out.check(complete, "a run that nobody stopped lost results: " + ids.size() + " of " + jobs
                    + " jobs, " + stops.size() + " stops, " + pool);
        }
        Set<String> ran = new HashSet<>();
        for (Timeline.Span span : timeline.spans()) {
            out.check(ran.add(span.job().id()), "job " + span.job().id() + " ran twice");
        }
        if (ending == Ending.CLOSE) {
            out.check(ran.containsAll(ids), "a result for a job that never ran");
        } else {
            out.check(ran.equals(ids), "jobs that ran " + ran.size() + " but results read " + ids.size()
                    + ": a result was lost");
        }
        return complete;
    }
}
