package course.semaphore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures what a {@link Semaphore} costs under contention: many threads taking and giving
 * back few permits, each holding one for a moment of work.
 *
 * <p>A fair semaphore hands each freed permit to the longest waiter, which must be woken
 * and scheduled before it can use it. A non-fair one lets whichever thread asks first take
 * it, often one that is already running, so permits change hands with far fewer context
 * switches. The price of non-fairness is a wider spread: some acquires wait much longer
 * than others. {@link #measure} reports both the mean cost per acquire and the worst wait.
 *
 * <p>The threads are platform threads named {@code contention-N}, started together behind
 * a latch and all joined before {@code measure} returns.
 *
 * <pre>{@code
 * Contention.Result fair = Contention.measure(true, 1, 8, 2_000, 50);
 * Contention.Result barging = Contention.measure(false, 1, 8, 2_000, 50);
 * fair.nanosPerAcquire() / barging.nanosPerAcquire();    // often 10x or more
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
     * @param nanosPerAcquire wall time divided by acquires
     * @param meanWaitNanos   mean time a thread spent inside {@code acquire}
     * @param maxWaitNanos    the longest time one {@code acquire} took
     */
    public record Result(boolean fair, int threads, long acquires, double nanosPerAcquire,
                         double meanWaitNanos, long maxWaitNanos) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s, %d threads: %.0f ns per acquire, mean wait %.1f us, max wait %.1f ms",
                    fair ? "fair" : "non-fair", threads, nanosPerAcquire, meanWaitNanos / 1e3, maxWaitNanos / 1e6);
        }
    }

    /** Keeps the work loop from being optimised away. */
    private static volatile long sink;

    /**
     * Runs {@code threads} threads that each acquire and release a permit
     * {@code acquiresEach} times, doing {@code workUnits} units of work (a short arithmetic
     * loop) while holding it.
     *
     * @throws IllegalArgumentException when a count is not positive, or {@code workUnits} is negative
     * @throws InterruptedException     when interrupted; the threads are then interrupted and joined
     */
    public static Result measure(boolean fair, int permits, int threads, int acquiresEach, int workUnits)
            throws InterruptedException {
        if (permits <= 0 || threads <= 0 || acquiresEach <= 0) {
            throw new IllegalArgumentException("permits, threads and acquiresEach must be positive, got "
                    + permits + ", " + threads + ", " + acquiresEach);
        }
        if (workUnits < 0) {
            throw new IllegalArgumentException("workUnits must not be negative, got " + workUnits);
        }
        Semaphore semaphore = new Semaphore(permits, fair);
        CountDownLatch go = new CountDownLatch(1);
        long[] waitTotals = new long[threads];
        long[] waitMaxima = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            started.add(Thread.ofPlatform().name("contention-" + (t + 1)).start(() -> {
                try {
                    go.await();
                    long total = 0;
                    long max = 0;
                    long local = 0;
                    for (int i = 0; i < acquiresEach; i++) {
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
                        total += waited;
                        max = Math.max(max, waited);
                    }
                    sink = local;
                    waitTotals[index] = total;
                    waitMaxima[index] = max;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        try {
            for (Thread t : started) {
                t.join();
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            for (Thread t : started) {
                t.join();
            }
            throw e;
        }
        long wall = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("a contention thread failed: " + failure.get(), failure.get());
        }
        long acquires = (long) threads * acquiresEach;
        long waitSum = 0;
        long waitMax = 0;
        for (int t = 0; t < threads; t++) {
            waitSum += waitTotals[t];
            waitMax = Math.max(waitMax, waitMaxima[t]);
        }
        return new Result(fair, threads, acquires, (double) wall / acquires, (double) waitSum / acquires, waitMax);
    }
}
