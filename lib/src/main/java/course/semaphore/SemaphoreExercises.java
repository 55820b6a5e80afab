package course.semaphore;

import course.concurrent.internal.Durations;
import course.exercises.Check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The checks behind chapter 2's exercises. Each takes the learner's code, runs it, and
 * returns a {@link Check} whose text starts with {@code PASS:} or {@code NOT YET:}; it never
 * throws for a wrong answer, so a notebook cell can simply show it. The model answers are in
 * the chapter's collapsed solution cells (and in {@link SemaphoreSolutions}).
 *
 * <pre>{@code
 * SemaphoreExercises.checkAlwaysReleases((slots, job) -> () -> { job.run(); slots.release(); });
 * // NOT YET: 3 of 4 slots were never given back after a failing job ...
 * }</pre>
 */
public final class SemaphoreExercises {
    private SemaphoreExercises() {
    }

    /**
     * A limit on how many things may start per time window, for exercise 2. A caller calls
     * {@link #acquire()} before each start; it returns when the start is allowed.
     */
    public interface RateLimit extends AutoCloseable {
        /** Waits until one more start is allowed, then counts it. */
        void acquire() throws InterruptedException;

        /** Frees whatever the limit holds (threads, timers). */
        @Override
        void close();
    }

    /**
     * Exercise 1: {@code worker} wraps a job into a worker body that gives its slot back
     * whatever happens. The check runs four such workers on a 4-slot {@link TokenSemaphore},
     * three of them with jobs that throw, and waits (up to a second) for every slot to come back.
     */
    public static Check checkAlwaysReleases(BiFunction<TokenSemaphore, Runnable, Runnable> worker) {
        Objects.requireNonNull(worker, "worker");
        TokenSemaphore slots = new TokenSemaphore(4);
        List<Thread> threads = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        try {
            for (int i = 0; i < 4; i++) {
                boolean fails = i > 0;
                Runnable job = () -> {
                    ran.incrementAndGet();
                    if (fails) {
                        throw new IllegalStateException("job failed on purpose");
                    }
                };
                slots.acquire();
                Runnable body = worker.apply(slots, job);
                Thread t = Thread.ofVirtual().unstarted(body);
                t.setUncaughtExceptionHandler((thread, e) -> {
                    if (!"job failed on purpose".equals(e.getMessage())) {
                        unexpected.add(e);                  // only the jobs' own failures are expected
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (!unexpected.isEmpty()) {
                return Check.notYet("a worker threw " + unexpected.peek() + " (did one release twice?)");
            }
            if (ran.get() != 4) {
                return Check.notYet("the worker must run its job; " + ran.get() + " of 4 jobs ran");
            }
            if (!slots.awaitAll(Duration.ofSeconds(1))) {
                return Check.notYet(slots.inUse() + " of 4 slots were never given back, so awaitAll() would wait"
                        + " forever. Hint: release in a finally block.");
            }
            return Check.pass("every slot came back, even from the 3 failing jobs; awaitAll() returned.");
        } catch (IllegalStateException e) {
            return Check.notYet(e.getMessage() + " (did a worker release twice?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.notYet("the check was interrupted");
        } finally {
            slots.close();
        }
    }

    /**
     * Exercise 2: {@code factory} builds a limit that allows {@code perWindow} starts in any
     * window of length {@code window}. The check makes one with 3 per 100 ms, has 4 threads
     * start 9 things through it, and looks at every stretch of half a window (forgiving
     * scheduling noise): none may hold more than 3 starts. It also checks that all 9
     * started and that the limit did not make them wait far too long.
     */
    public static Check checkRateLimit(BiFunction<Integer, Duration, RateLimit> factory) {
        Objects.requireNonNull(factory, "factory");
        int perWindow = 3;
        Duration window = Duration.ofMillis(100);
        int total = 9;
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        AtomicInteger remaining = new AtomicInteger(total);
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long begin = System.nanoTime();
        try (RateLimit limit = factory.apply(perWindow, window)) {
            if (limit == null) {
                return Check.notYet("the factory returned null; return your RateLimit");
            }
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        while (remaining.getAndDecrement() > 0) {
                            limit.acquire();
                            starts.add(System.nanoTime());
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread t : threads) {
                if (!t.join(Duration.ofSeconds(10))) {
                    threads.forEach(Thread::interrupt);
                    return Check.notYet("starting 9 things took more than 10 s; does acquire() ever return?");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.notYet("the check was interrupted");
        } catch (RuntimeException e) {
            return Check.notYet("the limit threw " + e);
        }
        if (!failures.isEmpty()) {
            return Check.notYet("acquire() threw " + failures.peek());
        }
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        if (sorted.size() != total) {
            return Check.notYet(sorted.size() + " of " + total + " things started");
        }
        long stretch = Durations.nanos(window) / 2;
        for (int i = 0; i + perWindow < sorted.size(); i++) {
            if (sorted.get(i + perWindow) - sorted.get(i) < stretch) {
                return Check.notYet(String.format(Locale.ROOT, "%d starts within %.1f ms, but only %d per %d ms are allowed",
                        perWindow + 1, (sorted.get(i + perWindow) - sorted.get(i)) / 1e6, perWindow, window.toMillis()));
            }
        }
        double millis = (System.nanoTime() - begin) / 1e6;
        if (millis > 20 * window.toMillis()) {
            return Check.notYet(String.format(Locale.ROOT, "correct, but slow: %.0f ms for what needs about %d ms",
                    millis, (total / perWindow - 1) * window.toMillis()));
        }
        return Check.pass(String.format(Locale.ROOT, "9 starts paced by the limit (%d per %d ms), over %.0f ms.",
                perWindow, window.toMillis(), millis));
    }
}
