package course.semaphore;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task of a {@link BoundedExecutor} and its future: it counts its failure, if it ends by
 * throwing, and remembers the thread that runs it, so that the executor can join that thread.
 * A cancellation is not a failure.
 */
final class BoundedTask<T> extends FutureTask<T> {
    /** The executor's count of failed tasks, which this task adds to if it throws. */
    private final AtomicLong failures;
    /** The thread that runs it, set as that thread's first step; null until then. */
    private volatile Thread thread;

    BoundedTask(Callable<T> callable, AtomicLong failures) {
        super(callable);
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** Runs the task on the calling thread, remembering it (once cancelled, it does nothing). */
    void runHere() {
        thread = Thread.currentThread();
        run();
    }

    /** The thread that runs it, or null if none has begun yet. */
    Thread thread() {
        return thread;
    }

    /** Whether its thread has run it and exited. */
    boolean threadEnded() {
        Thread t = thread;
        return t != null && !t.isAlive();
    }

    @Override
    protected void setException(Throwable t) {
        if (!(t instanceof CancellationException) && !isCancelled()) {
            failures.incrementAndGet();
        }
        super.setException(t);
    }
}
