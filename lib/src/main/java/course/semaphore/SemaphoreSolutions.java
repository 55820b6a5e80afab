package course.semaphore;

import course.concurrent.internal.Join;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Model answers to chapter 2's exercises. They duplicate the chapter's collapsed solution cells,
 * which are where a learner reads them; they are kept here only so that
 * {@code SemaphoreSolutionsTest} checks that each still passes its check in {@link SemaphoreExercises}.
 */
public final class SemaphoreSolutions {
    private SemaphoreSolutions() {
    }

    /** Exercise 1: the slot goes back in a {@code finally}, so a failing job cannot keep it. */
    public static Runnable alwaysReleases(TokenSemaphore slots, Runnable job) {
        return () -> {
            try {
                job.run();
            } finally {
                slots.release();
            }
        };
    }

    /**
     * Exercise 2: a rate limit made from a semaphore whose permits come back after a delay
     * instead of when the work ends. Each {@link #acquire()} takes a permit and starts a
     * virtual thread that gives it back one window later, so any window holds at most
     * {@code perWindow} starts. {@link #close()} waits for those threads, so none is left.
     */
    public static final class SemaphoreRateLimit implements SemaphoreExercises.RateLimit {
        private final Semaphore permits;
        private final Duration window;
        /** The give-back threads still sleeping; each removes itself when done. */
        private final Set<Thread> returning = ConcurrentHashMap.newKeySet();

        /**
         * @throws IllegalArgumentException when {@code perWindow} is not positive or the window is not positive
         */
        public SemaphoreRateLimit(int perWindow, Duration window) {
            if (perWindow <= 0) {
                throw new IllegalArgumentException("perWindow must be positive, got " + perWindow);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the window must be positive, got " + window);
            }
            this.permits = new Semaphore(perWindow, true);
            this.window = window;
        }

        @Override
        public void acquire() throws InterruptedException {
            permits.acquire();
            Thread giveBack = Thread.ofVirtual().unstarted(() -> {
                try {
                    Thread.sleep(window);
                } catch (InterruptedException e) {
                    // closing: give the permit back at once
                } finally {
                    permits.release();
                    returning.remove(Thread.currentThread());
                }
            });
            returning.add(giveBack);
            giveBack.start();
        }

        @Override
        public void close() {
            for (Thread t : returning) {
                t.interrupt();
            }
            Join.all(returning); // waits through interrupts, then restores the flag
        }
    }
}
