package course.pool;

import java.util.Objects;

/**
 * Small thread chores shared by the course's pools and executors.
 *
 * <pre>{@code
 * Threads.joinAll(List.of(generator, worker));   // returns once both have ended
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
}
