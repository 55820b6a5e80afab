package course.concurrent.internal;

import java.util.Objects;

/**
 * Waits that must run to the end even if the waiting thread is interrupted, and that keep the
 * interrupt for whoever comes next: the course's one way of "retry through interrupts, then
 * restore the flag".
 *
 * <p>A closing resource, a worker handing its last result on, a coordinator waiting for its
 * workers: none of them may give up half-way because someone interrupted their thread, and none
 * may swallow that interrupt either, since it was meant for the code above them. So each
 * interrupted attempt is remembered and the wait tried again; when it finally returns, the
 * thread's interrupt flag is set again if any attempt was interrupted. (The JDK does the same in
 * {@code ExecutorService.close()}; Guava calls it {@code Uninterruptibles}.)
 *
 * <p>A wait that computes how long it may still wait must compute it inside the lambda, so that
 * a retry after an interrupt waits only for what is left.
 *
 * <pre>{@code
 * Uninterruptibly.run(slots::acquire);                       // one wait
 * Result r = Uninterruptibly.call(() -> queue.take());       // one wait with a value
 *
 * try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {  // several waits, one restore
 *     for (Thread t : threads) {
 *         scope.run(t::join);
 *     }
 * }
 * }</pre>
 */
public final class Uninterruptibly {
    /** A wait that may be interrupted. */
    @FunctionalInterface
    public interface Wait {
        /** Waits. */
        void run() throws InterruptedException;
    }

    /** A wait that may be interrupted and gives a value. */
    @FunctionalInterface
    public interface Call<T> {
        /** Waits, then returns what it waited for. */
        T call() throws InterruptedException;
    }

    private Uninterruptibly() {
    }

    /**
     * Runs {@code wait} until it returns without being interrupted, then restores any interrupt
     * that arrived meanwhile.
     *
     * @throws NullPointerException when {@code wait} is null
     */
    public static void run(Wait wait) {
        Objects.requireNonNull(wait, "wait");
        try (Scope scope = scope()) {
            scope.run(wait);
        }
    }

    /**
     * Like {@link #run(Wait)}, and runs {@code onInterrupt} after each interrupted attempt, before
     * the next: to stop what the wait is waiting for, say, so that it ends sooner.
     *
     * @throws NullPointerException when an argument is null
     */
    public static void run(Wait wait, Runnable onInterrupt) {
        Objects.requireNonNull(wait, "wait");
        Objects.requireNonNull(onInterrupt, "onInterrupt");
        try (Scope scope = scope()) {
            scope.run(wait, onInterrupt);
        }
    }

    /**
     * Calls {@code call} until it returns without being interrupted and returns its value, then
     * restores any interrupt that arrived meanwhile.
     *
     * @throws NullPointerException when {@code call} is null
     */
    public static <T> T call(Call<T> call) {
        Objects.requireNonNull(call, "call");
        try (Scope scope = scope()) {
            return scope.call(call);
        }
    }

    /** A scope for several waits that restores the interrupt once, when it closes. */
    public static Scope scope() {
        return new Scope();
    }

    /**
     * Remembers the interrupts of the waits run through it and sets the thread's interrupt flag
     * again when closed, if any arrived. For one thread: open and close it on the thread that waits.
     */
    public static final class Scope implements AutoCloseable {
        /** Whether a wait run through this scope was interrupted. Touched by one thread only. */
        private boolean interrupted;

        private Scope() {
        }

        /** Runs {@code wait} until it returns without being interrupted. */
        public void run(Wait wait) {
            run(wait, () -> { });
        }

        /** Like {@link #run(Wait)}, running {@code onInterrupt} after each interrupted attempt. */
        public void run(Wait wait, Runnable onInterrupt) {
            call(() -> {
                wait.run();
                return null;
            }, onInterrupt);
        }

        /** Calls {@code call} until it returns without being interrupted, and returns its value. */
        public <T> T call(Call<T> call) {
            return call(call, () -> { });
        }

        /** Like {@link #call(Call)}, running {@code onInterrupt} after each interrupted attempt. */
        public <T> T call(Call<T> call, Runnable onInterrupt) {
            while (true) {
                try {
                    return call.call();
                } catch (InterruptedException e) {
                    interrupted = true;
                    onInterrupt.run();
                }
            }
        }

        /** Whether a wait of this scope has been interrupted so far. */
        public boolean interrupted() {
            return interrupted;
        }

        /** Sets the thread's interrupt flag again if a wait of this scope was interrupted. */
        @Override
        public void close() {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
