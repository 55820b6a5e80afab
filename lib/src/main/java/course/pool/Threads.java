package course.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * Small thread chores shared by the course's pools and executors.
 *
 * <pre>{@code
 * Threads.joinAll(List.of(generator, worker));   // returns once both have ended
 * Threads.joinAll(threads, System.nanoTime() + Duration.ofSeconds(5).toNanos());  // or gives up
 * }</pre>
 */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits until every thread of {@code threads} has ended, waiting on through interrupts. An
     * interrupt that arrives while waiting is remembered and restored on return, so a closing
     * resource never leaves a thread behind and never swallows an interrupt.
     *
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static void joinAll(Iterable<Thread> threads) {
        Objects.requireNonNull(threads, "threads");
        boolean interrupted = false;
        for (Thread thread : threads) {
            Objects.requireNonNull(thread, "thread");
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Like {@link #joinAll(Iterable)}, but gives up once {@link System#nanoTime()} reaches
     * {@code deadline}. An interrupt while waiting is remembered and restored on return.
     *
     * @return whether every thread has ended
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static boolean joinAll(Iterable<Thread> threads, long deadline) {
        Objects.requireNonNull(threads, "threads");
        boolean interrupted = false;
        try {
            for (Thread thread : threads) {
                Objects.requireNonNull(thread, "thread");
                while (thread.isAlive()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        thread.join(Duration.ofNanos(left));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
