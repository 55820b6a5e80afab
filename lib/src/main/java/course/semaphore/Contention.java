package course.semaphore;

import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures what a {@link Semaphore} costs under contention: several threads taking and
 * giving back few permits for a fixed stretch of time, each holding one for a moment of work.
 *
 * <p>A fair semaphore hands each freed permit to the longest waiter, which must be woken
 * and scheduled before it can use it. A non-fair one lets whichever thread asks first take
 * it, often the one that just released it and is still running, so permits change hands
 * with far fewer context switches. The price of non-fairness is the worst case: a waiting
 * thread can be overtaken again and again, so its wait can grow long. {@link #measure}
 * reports the cost per acquire and the mean and longest waits; {@link #median} the median of
 * each over several runs.
 *
 * <p>Every thread runs for the whole duration, so they really compete (a fixed number of
 * acquires per thread would let the first thread finish before the last one starts). The
 * threads are platform threads named {@code contention-N}, started together behind a latch
 * and all joined before {@code measure} returns.
 *
 * <pre>{@code
 * Contention.Result fair = Contention.median(3, true, 1, 8, Duration.ofMillis(100), 2_000);
 * Contention.Result barging = Contention.median(3, false, 1, 8, Duration.ofMillis(100), 2_000);
 * fair.nanosPerAcquire() / barging.nanosPerAcquire();    // above 1: how far depends on the machine
 * barging.maxWaitNanos() / (double) fair.maxWaitNanos(); // above 1: a barged thread waits longest
 * }</pre>
 */
public final class Contention {
    private Contention() {
    }

    /**
     * One measurement.
     *
     * @param fair            whether the semaphore was fair
     * @param threads         how many threads competed
     * @param acquires        acquires made in all
     * @param nanosPerAcquire wall time divided by acquires: the cost of one turn
     * @param meanWaitNanos   mean time a thread spent inside {@code acquire}
     * @param maxWaitNanos    the longest time one {@code acquire} took
     */
    public record Result(boolean fair, int threads, long acquires, double nanosPerAcquire,
                         double meanWaitNanos, long maxWaitNanos) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s %2d threads: %,7.0f ns per acquire, mean wait %,7.1f us, "
                            + "longest wait %5.1f ms",
                    fair ? "fair" : "non-fair", threads, nanosPerAcquire, meanWaitNanos / 1e3, maxWaitNanos / 1e6);
        }
    }

    /**
     * Runs {@link #measure} {@code runs} times and returns, for each measure, its median over
     * the runs: the cost per acquire, the mean wait and the longest wait each come from
     * whichever run was the middle one for that measure. That tames the noise of a busy
     * machine, where one run's longest wait can be one unlucky time slice.
     *
     * @throws IllegalArgumentException when {@code runs} is not positive, or as {@link #measure}
     * @throws InterruptedException     when interrupted
     */
    public static Result median(int runs, boolean fair, int permits, int threads, Duration duration, int workUnits)
            throws InterruptedException {
        if (runs <= 0) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        List<Result> results = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            results.add(measure(fair, permits, threads, duration, workUnits));
        }
        return median(results);
    }

    /**
     * The median of each measure over {@code runs}, all of one setting (the upper middle one for
     * an even count).
     *
     * @throws IllegalArgumentException when the list is empty or mixes settings
     */
    static Result median(List<Result> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to take the median of");
        }
        Result first = runs.getFirst();
        for (Result r : runs) {
            if (r.fair() != first.fair() || r.threads() != first.threads()) {
                throw new IllegalArgumentException("runs of different settings: " + first + " and " + r);
            }
        }
        return new Result(first.fair(), first.threads(),
                (long) middle(runs, r -> r.acquires()), middle(runs, Result::nanosPerAcquire),
                middle(runs, Result::meanWaitNanos), (long) middle(runs, r -> r.maxWaitNanos()));
    }

    private static double middle(List<Result> runs, java.util.function.ToDoubleFunction<Result> measure) {
        double[] values = runs.stream().mapToDouble(measure).sorted().toArray();
        return values[values.length / 2];
    }

    /** Keeps the work loop from being optimised away. */
    private static volatile long sink;

    /**
     * Runs {@code threads} threads that, for {@code duration}, each acquire and release a
     * permit over and over, doing {@code workUnits} units of work (a short arithmetic loop)
     * while holding it.
     *
     * @throws IllegalArgumentException when a count or the duration is not positive, or
     *                                  {@code workUnits} is negative
     * @throws InterruptedException     when interrupted; the threads are then interrupted and joined
     */
    public static Result measure(boolean fair, int permits, int threads, Duration duration, int workUnits)
            throws InterruptedException {
        if (permits <= 0 || threads <= 0) {
            throw new IllegalArgumentException("permits and threads must be positive, got " + permits + " and " + threads);
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive, got " + duration);
        }
        if (workUnits < 0) {
            throw new IllegalArgumentException("workUnits must not be negative, got " + workUnits);
        }
        Semaphore semaphore = new Semaphore(permits, fair);
        CountDownLatch go = new CountDownLatch(1);
        long[] counts = new long[threads];
        long[] waitTotals = new long[threads];
        long[] waitMaxima = new long[threads];
        long[] window = new long[2];   // start and end, set before the latch opens
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            started.add(Thread.ofPlatform().name("contention-" + (t + 1)).start(() -> {
                try {
                    go.await();
                    long end = window[1];
                    long count = 0;
                    long total = 0;
                    long max = 0;
                    long local = 0;
                    while (System.nanoTime() - end < 0) {
                        long before = System.nanoTime();
                        semaphore.acquire();
                        long waited = System.nanoTime() - before;
                        try {
                            for (int w = 0; w < workUnits; w++) {
                                local = local * 31 + w;
                            }
                        } finally {
                            semaphore.release();
                        }
                        count++;
                        total += waited;
                        max = Math.max(max, waited);
                    }
                    sink = local;
                    counts[index] = count;
                    waitTotals[index] = total;
                    waitMaxima[index] = max;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + Durations.nanos(duration);
        go.countDown();                 // publishes `window` to the threads
        try {
            for (Thread t : started) {
                t.join();
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            Join.all(started);  // leaves no thread behind, even if interrupted again
            throw e;
        }
        long wall = System.nanoTime() - window[0];
        if (failure.get() != null) {
            throw new IllegalStateException("a contention thread failed: " + failure.get(), failure.get());
        }
        long acquires = 0;
        long waitSum = 0;
        long waitMax = 0;
        for (int t = 0; t < threads; t++) {
            acquires += counts[t];
            waitSum += waitTotals[t];
            waitMax = Math.max(waitMax, waitMaxima[t]);
        }
        return new Result(fair, threads, acquires, (double) wall / Math.max(1, acquires),
                (double) waitSum / Math.max(1, acquires), waitMax);
    }
}
